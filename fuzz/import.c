/*
 * Fuzz target for the import reader: the input is an export document, taken the way
 * `trienkhai import` takes a file (bytes that are not UTF-8 are converted from a recognised
 * legacy encoding first), then read by cli_import_json into an empty database inside one
 * transaction, which is rolled back afterwards so that every input starts from nothing.
 *
 * Properties: a refusal fills the error; an accepted document leaves every object it listed
 * readable at its own id, an audit chain that verifies, and a database whose integrity check
 * passes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "common.h"
#include "util/text.h"

static struct store *st;
static int verbose; /* FUZZ_VERBOSE=1: print each document's outcome, for writing seeds */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    verbose = getenv("FUZZ_VERBOSE") != NULL;
    st = fz_store(0);
    return 0;
}

/* Every object the document lists is there, at its id. */
static void check_imported(const char *text, size_t len)
{
    json_error_t je;
    json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    FZ_CHECK(json_is_object(doc));
    for (int k = 0; resources[k]; k++) {
        size_t i;
        json_t *obj;
        json_array_foreach(json_object_get(doc, resources[k]->name), i, obj)
            FZ_CHECK(store_exists(st, resources[k], obj_int(obj, "id")));
    }
    json_decref(doc);
    struct err e = {0};
    FZ_CHECK(store_audit_verify(st, &e) == 0);
    FZ_CHECK(store_integrity_check(st, &e) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t len = size;
    char *converted = NULL;
    if (!text_valid_utf8(text, len)) {
        enum text_encoding enc = text_detect_encoding(text, len);
        if (enc == TEXT_UNKNOWN || enc == TEXT_UTF8)
            return 0;
        converted = text_convert_legacy(text, len, enc);
        if (!converted)
            return 0;
        FZ_CHECK(text_valid_utf8(converted, strlen(converted)));
        text = converted;
        len = strlen(converted);
    }
    struct err e = {0};
    FZ_CHECK(store_begin(st, true, &e) == 0);
    int rc = cli_import_json(st, text, len, false, &e);
    if (verbose)
        fprintf(stderr, "import: %s\n", rc == 0 ? "imported" : e.message);
    if (rc == 0)
        check_imported(text, len);
    else
        FZ_CHECK(err_is_set(&e) && e.message[0]);
    store_rollback(st);
    free(converted);
    return 0;
}
