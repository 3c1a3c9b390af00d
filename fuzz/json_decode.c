/*
 * Fuzz target for the JSON request decoder: the input is a request body, parsed as the API
 * parses it (jansson, duplicates refused) and, when it is an object, validated against every
 * resource's field table with resource_decode (create and update), with resource_decode_as
 * for a viewer of one subtree, and the decoded objects shown again with resource_present.
 * Everything runs inside a transaction that is rolled back.
 *
 * Properties: a refusal fills the error (a code and a message); an acceptance returns an
 * object whose every text is valid NFC UTF-8, as the decoder promises.
 */
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "domain/access.h"
#include "util/text.h"

static struct store *st;
static struct access viewer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    st = fz_store(1);
    json_t *user = store_user_by_name(st, "mongcai");
    FZ_CHECK(user != NULL);
    access_of_user(st, user, &viewer);
    json_decref(user);
    return 0;
}

/* Every string inside v is in NFC. */
static void check_nfc(json_t *v)
{
    if (json_is_string(v)) {
        char *nfc = text_nfc(json_string_value(v));
        FZ_CHECK(nfc != NULL);
        FZ_CHECK(strcmp(nfc, json_string_value(v)) == 0);
        free(nfc);
    } else if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x) check_nfc(x);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) check_nfc(x);
    }
}

static void check_result(struct store *s, const struct resource *r, json_t *out,
                         const struct err *e)
{
    if (!out) {
        FZ_CHECK(err_is_set(e));
        FZ_CHECK(e->message[0] != 0);
        return;
    }
    FZ_CHECK(json_is_object(out));
    check_nfc(out);
    json_t *shown = resource_present(s, r, out);
    FZ_CHECK(json_is_object(shown));
    json_decref(shown);
    json_decref(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t je;
    json_t *body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
    if (!json_is_object(body)) {
        json_decref(body);
        return 0;
    }
    struct err e = {0};
    FZ_CHECK(store_begin(st, true, &e) == 0);
    for (int i = 0; resources[i]; i++) {
        const struct resource *r = resources[i];
        for (int creating = 0; creating <= 1; creating++) {
            struct err e1 = {0}, e2 = {0};
            check_result(st, r, resource_decode(st, r, body, creating, &e1), &e1);
            check_result(st, r, resource_decode_as(st, r, body, creating, &viewer, &e2), &e2);
        }
    }
    store_rollback(st);
    json_decref(body);
    return 0;
}
