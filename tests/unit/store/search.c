/* Unit tests of the search index (store_index, store_search): every write keeps it in step,
 * matching is on folded words, all of them, and nothing a user types is FTS5 syntax. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "../domain/fixture.h"
#include "util/text.h"

/* The hits for a query as the API would fold it: "type:id" joined by commas. */
static void assert_hits(struct fx *f, const char *query, const char *expected)
{
    char *folded = text_fold(query);
    assert_non_null(folded);
    struct err e = {0};
    json_t *rows = store_search(f->st, folded, 100, &e);
    free(folded);
    if (!rows)
        fail_msg("store_search \"%s\": %s", query, e.message);
    char got[1024] = "";
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s:%lld", i ? "," : "",
                 obj_str(row, "type"), obj_int(row, "id"));
    json_decref(rows);
    if (strcmp(got, expected) != 0)
        fail_msg("search \"%s\": got [%s], expected [%s]", query, got, expected);
}

static void test_folded_and_all_words(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long mc = fx_create(f, &res_orgs,
                             "{\"name\": \"Đảng bộ thành phố Móng Cái\", \"kind\": "
                             "\"district\", \"short_name\": \"Thành ủy Móng Cái\"}");
    long long hl = fx_create(f, &res_orgs,
                             "{\"name\": \"Đảng bộ thành phố Hạ Long\", \"kind\": "
                             "\"district\"}");
    fx_commit(f);
    char want[64];
    snprintf(want, sizeof want, "org:%lld", mc);
    assert_hits(f, "mong cai", want);
    assert_hits(f, "MÓNG CÁI", want);
    assert_hits(f, "Mo\xcc\x81ng", want);
    assert_hits(f, "dang bo mong", want);
    snprintf(want, sizeof want, "org:%lld", hl);
    assert_hits(f, "ha long", want);
    /* Every word must match. */
    assert_hits(f, "mong long", "");
    assert_hits(f, "xyz", "");
    assert_hits(f, "", "");
}

static void test_query_is_not_syntax(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    fx_create(f, &res_orgs, "{\"name\": \"Ban Tuyên giáo\", \"kind\": \"body\"}");
    fx_commit(f);
    /* FTS5 operators, quotes and stars are text, not syntax: no error, no match. */
    const char *queries[] = {"\"",        "ban OR x", "ban AND NOT x", "ban*",     "NEAR(ban giao)",
                             "body: ban", "-ban",     "ban ) (",       "\"\"\"ban"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        char *folded = text_fold(queries[i]);
        struct err e = {0};
        json_t *rows = store_search(f->st, folded, 10, &e);
        free(folded);
        if (!rows)
            fail_msg("store_search \"%s\" failed: %s", queries[i], e.message);
        json_decref(rows);
    }
}

static void test_updates_and_deletes_reindex(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o =
        fx_create(f, &res_orgs, "{\"name\": \"Huyện ủy Tiên Yên\", \"kind\": \"district\"}");
    json_decref(fx_update(f, &res_orgs, o, "{\"name\": \"Huyện ủy Bình Liêu\"}"));
    fx_commit(f);
    char want[64];
    snprintf(want, sizeof want, "org:%lld", o);
    assert_hits(f, "tien yen", "");
    assert_hits(f, "binh lieu", want);
    fx_begin(f);
    struct err e = {0};
    assert_int_equal(resource_delete(f->st, &res_orgs, o, &f->actor, &e), 0);
    fx_commit(f);
    assert_hits(f, "binh lieu", "");
}

/* Rows deleted with their parent (a program's tasks, a resolution's items) leave the index
 * too: the index must not answer with things that no longer exist. */
static void test_cascaded_deletes_leave_the_index(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    long long t = fx_create(f, &res_terms,
                            "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025}", o);
    long long r = fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"NQ\"}", t);
    long long item = fx_create(f, &res_items,
                               "{\"resolution_id\": %lld, \"kind\": \"goal\", \"text\": \"Phát "
                               "triển kinh tế cửa khẩu\"}",
                               r);
    long long p = fx_create(f, &res_programs,
                            "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": \"CT\"}", o);
    long long task = fx_create(f, &res_tasks,
                               "{\"program_id\": %lld, \"title\": \"Xây dựng đề án biên giới\", "
                               "\"lead_org_id\": %lld}",
                               p, o);
    fx_commit(f);
    char want[64];
    snprintf(want, sizeof want, "item:%lld", item);
    assert_hits(f, "cua khau", want);
    snprintf(want, sizeof want, "task:%lld", task);
    assert_hits(f, "bien gioi", want);

    fx_begin(f);
    struct err e = {0};
    assert_int_equal(resource_delete(f->st, &res_programs, p, &f->actor, &e), 0);
    assert_int_equal(resource_delete(f->st, &res_resolutions, r, &f->actor, &e), 0);
    fx_commit(f);
    assert_false(store_exists(f->st, &res_tasks, task));
    assert_false(store_exists(f->st, &res_items, item));
    assert_hits(f, "bien gioi", "");
    assert_hits(f, "cua khau", "");
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_folded_and_all_words, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_query_is_not_syntax, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_updates_and_deletes_reindex, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_cascaded_deletes_leave_the_index, fx_setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
