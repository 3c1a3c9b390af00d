/*
 * Fuzz target for the search path: the input, up to its first NUL, is what a user types
 * in GET /search?q=. It is folded with text_fold, as the handler does, and the folded words
 * go to store_search (which quotes each for FTS5) on a database holding the fixture's
 * indexed rows. The raw text is also given to store_search, to try its quoting with what
 * folding would have removed (quotes, parentheses, NEAR, column filters).
 *
 * Properties: the folded form is valid UTF-8 made of single-space-separated words with no
 * blank at either end and no upper-case ASCII, and folding it again changes nothing; the
 * search on it answers (never an error) with at most `limit` hits, each a {type, id, label,
 * text} whose type is a searchable resource and whose id is a row of it.
 */
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "util/text.h"

enum { LIMIT = 7 };

static struct store *st;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    st = fz_store(1);
    return 0;
}

static void check_folded(const char *folded)
{
    size_t n = strlen(folded);
    FZ_CHECK(text_valid_utf8(folded, n));
    if (n) {
        FZ_CHECK(folded[0] != ' ' && folded[n - 1] != ' ');
        FZ_CHECK(strstr(folded, "  ") == NULL);
    }
    for (const char *p = folded; *p; p++)
        FZ_CHECK(!(*p >= 'A' && *p <= 'Z'));
    char *again = text_fold(folded);
    FZ_CHECK(again != NULL);
    FZ_CHECK(strcmp(again, folded) == 0);
    free(again);
}

static void check_hits(json_t *rows)
{
    FZ_CHECK(json_is_array(rows));
    FZ_CHECK(json_array_size(rows) <= LIMIT);
    size_t i;
    json_t *hit;
    json_array_foreach(rows, i, hit)
    {
        FZ_CHECK(json_is_object(hit));
        const char *type = obj_str(hit, "type");
        FZ_CHECK(type != NULL);
        const struct resource *r = NULL;
        for (int k = 0; resources[k]; k++)
            if (!strcmp(resources[k]->singular, type))
                r = resources[k];
        FZ_CHECK(r != NULL && r->search != NULL);
        json_t *id = json_object_get(hit, "id");
        FZ_CHECK(json_is_integer(id) && json_integer_value(id) > 0);
        FZ_CHECK(store_exists(st, r, json_integer_value(id)));
        FZ_CHECK(fz_is_text_or_null(json_object_get(hit, "label")));
        FZ_CHECK(fz_is_text_or_null(json_object_get(hit, "text")));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 2000)
        return 0;
    char *raw = fz_strndup(data, size);
    struct err e = {0};
    FZ_CHECK(store_begin(st, false, &e) == 0);

    char *folded = text_fold(raw);
    FZ_CHECK((folded != NULL) == text_valid_utf8(raw, strlen(raw)));
    if (folded) {
        check_folded(folded);
        struct err e1 = {0};
        json_t *rows = store_search(st, folded, LIMIT, &e1);
        FZ_CHECK(rows != NULL);
        check_hits(rows);
        json_decref(rows);
        free(folded);

        struct err e2 = {0};
        rows = store_search(st, raw, LIMIT, &e2);
        if (rows)
            check_hits(rows);
        else
            FZ_CHECK(err_is_set(&e2));
        json_decref(rows);
    }
    store_rollback(st);
    free(raw);
    return 0;
}
