/* Unit tests of domain/org: the tree and its materialized paths, moves kept in org_moves,
 * the refusal of cycles, and rule_org_within. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "fixture.h"

static long long org(struct fx *f, const char *name, const char *kind, long long parent)
{
    if (!parent)
        return fx_create(f, &res_orgs, "{\"name\": \"%s\", \"kind\": \"%s\"}", name, kind);
    return fx_create(f, &res_orgs, "{\"name\": \"%s\", \"kind\": \"%s\", \"parent_id\": %lld}",
                     name, kind, parent);
}

static void assert_path_of(struct fx *f, long long id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void assert_path_of(struct fx *f, long long id, const char *fmt, ...)
{
    char want[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(want, sizeof want, fmt, ap);
    va_end(ap);
    fx_assert_path(f, id, want);
}

static long long moves(struct fx *f, long long org_id)
{
    return fx_sql_int(f, "SELECT count(*) FROM org_moves WHERE org_id = %lld", org_id);
}

/* A four-level tree: province → district → grassroots → cell, and a second district. */
struct tree {
    long long p, d1, g, c, d2;
};

static struct tree make_tree(struct fx *f)
{
    struct tree t;
    t.p = org(f, "Đảng bộ tỉnh Quảng Ninh", "province", 0);
    t.d1 = org(f, "Đảng bộ thành phố Móng Cái", "district", t.p);
    t.g = org(f, "Đảng bộ phường Ka Long", "grassroots", t.d1);
    t.c = org(f, "Chi bộ khu 1", "cell", t.g);
    t.d2 = org(f, "Đảng bộ huyện Hải Hà", "district", t.p);
    return t;
}

static void test_create_tree(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    fx_commit(f);

    assert_path_of(f, t.p, "/%lld/", t.p);
    assert_path_of(f, t.d1, "/%lld/%lld/", t.p, t.d1);
    assert_path_of(f, t.g, "/%lld/%lld/%lld/", t.p, t.d1, t.g);
    assert_path_of(f, t.c, "/%lld/%lld/%lld/%lld/", t.p, t.d1, t.g, t.c);

    json_t *o = fx_get(f, &res_orgs, t.g);
    assert_int_equal(obj_int(o, "parent_id"), t.d1);
    assert_string_equal(obj_str(o, "kind"), "grassroots");
    /* The path is hidden: it is the store's business, not the API's. */
    assert_null(json_object_get(o, "path"));
    json_decref(o);
    o = fx_get(f, &res_orgs, t.p);
    assert_true(json_is_null(json_object_get(o, "parent_id")));
    json_decref(o);

    struct err e = {0};
    json_t *sub = store_org_subtree(f->st, t.p, &e);
    assert_non_null(sub);
    assert_int_equal(json_array_size(sub), 5);
    assert_int_equal(json_integer_value(json_array_get(sub, 0)), t.p);
    json_decref(sub);
    sub = store_org_subtree(f->st, t.d1, &e);
    FX_IDS(sub, t.d1, t.g, t.c);
    json_decref(sub);
    sub = store_org_subtree(f->st, t.c, &e);
    FX_IDS(sub, t.c);
    json_decref(sub);
    assert_null(store_org_subtree(f->st, 9999, &e));
    assert_string_equal(err_name(e.code), "not_found");

    /* Creating is not a move. */
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM org_moves"), 0);
}

static void test_create_rejects_bad_parent_and_kind(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    fx_create_fails(f, &res_orgs, E_INVALID_FIELD, "parent_id",
                    "{\"name\": \"X\", \"kind\": \"district\", \"parent_id\": 4242}");
    store_rollback(f->st);
    fx_begin(f);
    fx_create_fails(f, &res_orgs, E_INVALID_FIELD, "kind", "{\"name\": \"X\", \"kind\": \"xã\"}");
    store_rollback(f->st);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM orgs"), 0);
}

/* Ids 2 and 20 share a prefix in text: the subtree of /1/2/ must not take /1/20/. */
static void test_subtree_is_not_a_text_prefix(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long root = org(f, "Tỉnh", "province", 0);
    long long two = org(f, "Huyện 2", "district", root);
    long long last = 0;
    while ((last = org(f, "Huyện khác", "district", root)) < two * 10)
        ;
    assert_int_equal(last, two * 10);
    long long under_last = org(f, "Xã dưới 20", "grassroots", last);
    fx_commit(f);
    struct err e = {0};
    json_t *sub = store_org_subtree(f->st, two, &e);
    FX_IDS(sub, two);
    json_decref(sub);
    sub = store_org_subtree(f->st, last, &e);
    FX_IDS(sub, last, under_last);
    json_decref(sub);
    assert_int_equal(rule_org_within(f->st, two, under_last, "lead_org_id", &e), -1);
}

static void test_move_rewrites_subtree(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    fx_commit(f);
    assert_path_of(f, t.c, "/%lld/%lld/%lld/%lld/", t.p, t.d1, t.g, t.c);

    /* Move the grassroots org (with its cell) from the first district to the second. */
    fx_begin(f);
    json_t *o = fx_update(f, &res_orgs, t.g, "{\"parent_id\": %lld}", t.d2);
    assert_int_equal(obj_int(o, "parent_id"), t.d2);
    json_decref(o);
    fx_commit(f);

    assert_path_of(f, t.g, "/%lld/%lld/%lld/", t.p, t.d2, t.g);
    assert_path_of(f, t.c, "/%lld/%lld/%lld/%lld/", t.p, t.d2, t.g, t.c);
    /* Orgs outside the moved subtree keep their paths. */
    assert_path_of(f, t.d1, "/%lld/%lld/", t.p, t.d1);
    assert_path_of(f, t.d2, "/%lld/%lld/", t.p, t.d2);

    struct err e = {0};
    json_t *sub = store_org_subtree(f->st, t.d2, &e);
    FX_IDS(sub, t.d2, t.g, t.c);
    json_decref(sub);
    sub = store_org_subtree(f->st, t.d1, &e);
    FX_IDS(sub, t.d1);
    json_decref(sub);

    assert_int_equal(moves(f, t.g), 1);
    assert_int_equal(
        fx_sql_int(f,
                   "SELECT count(*) FROM org_moves WHERE org_id = %lld AND from_parent_id = "
                   "%lld AND to_parent_id = %lld",
                   t.g, t.d1, t.d2),
        1);
    /* The cell moved with its parent but did not change parent: no move of its own. */
    assert_int_equal(moves(f, t.c), 0);
    assert_true(rule_org_within(f->st, t.d2, t.c, "lead_org_id", &e) == 0);
}

static void test_move_to_root_and_back(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    json_decref(fx_update(f, &res_orgs, t.d1, "{\"parent_id\": null}"));
    fx_commit(f);
    assert_path_of(f, t.d1, "/%lld/", t.d1);
    assert_path_of(f, t.c, "/%lld/%lld/%lld/", t.d1, t.g, t.c);
    assert_int_equal(fx_sql_int(f,
                                "SELECT count(*) FROM org_moves WHERE org_id = %lld AND "
                                "from_parent_id = %lld AND to_parent_id IS NULL",
                                t.d1, t.p),
                     1);
    struct err e = {0};
    json_t *sub = store_org_subtree(f->st, t.p, &e);
    FX_IDS(sub, t.p, t.d2);
    json_decref(sub);

    fx_begin(f);
    json_decref(fx_update(f, &res_orgs, t.d1, "{\"parent_id\": %lld}", t.d2));
    fx_commit(f);
    assert_path_of(f, t.c, "/%lld/%lld/%lld/%lld/%lld/", t.p, t.d2, t.d1, t.g, t.c);
    assert_int_equal(moves(f, t.d1), 2);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM org_moves"), 2);
}

/* Changing other fields, or naming the same parent again, is not a move. */
static void test_update_without_move(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    json_decref(fx_update(f, &res_orgs, t.g, "{\"short_name\": \"ĐB Ka Long\"}"));
    json_decref(fx_update(f, &res_orgs, t.g, "{\"parent_id\": %lld, \"code\": \"KL\"}", t.d1));
    fx_commit(f);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM org_moves"), 0);
    assert_path_of(f, t.c, "/%lld/%lld/%lld/%lld/", t.p, t.d1, t.g, t.c);
    json_t *o = fx_get(f, &res_orgs, t.g);
    assert_string_equal(obj_str(o, "short_name"), "ĐB Ka Long");
    assert_string_equal(obj_str(o, "code"), "KL");
    json_decref(o);
}

static void assert_tree_unchanged(struct fx *f, const struct tree *t)
{
    assert_path_of(f, t->d1, "/%lld/%lld/", t->p, t->d1);
    assert_path_of(f, t->g, "/%lld/%lld/%lld/", t->p, t->d1, t->g);
    assert_path_of(f, t->c, "/%lld/%lld/%lld/%lld/", t->p, t->d1, t->g, t->c);
    assert_int_equal(fx_get_int(f, &res_orgs, t->d1, "parent_id"), t->p);
    assert_int_equal(fx_get_int(f, &res_orgs, t->g, "parent_id"), t->d1);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM org_moves"), 0);
}

static void test_move_under_descendant_fails(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    fx_commit(f);
    long long audit_before = fx_sql_int(f, "SELECT count(*) FROM audit_log");

    /* Under its grandchild, its child, and itself. */
    long long targets[] = {t.c, t.g, t.d1};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        fx_begin(f);
        fx_update_fails(f, &res_orgs, t.d1, E_CONFLICT, "parent_id", "{\"parent_id\": %lld}",
                        targets[i]);
        store_rollback(f->st);
        assert_tree_unchanged(f, &t);
    }
    /* The root under a leaf of its own tree. */
    fx_begin(f);
    fx_update_fails(f, &res_orgs, t.p, E_CONFLICT, "parent_id", "{\"parent_id\": %lld}", t.c);
    store_rollback(f->st);
    assert_tree_unchanged(f, &t);
    assert_path_of(f, t.p, "/%lld/", t.p);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log"), audit_before);

    /* A sibling's subtree is fine. */
    fx_begin(f);
    json_decref(fx_update(f, &res_orgs, t.d2, "{\"parent_id\": %lld}", t.c));
    fx_commit(f);
    assert_path_of(f, t.d2, "/%lld/%lld/%lld/%lld/%lld/", t.p, t.d1, t.g, t.c, t.d2);
}

static void test_rule_org_within(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    long long other_root = org(f, "Đảng bộ tỉnh khác", "province", 0);
    fx_commit(f);

    struct err e = {0};
    assert_int_equal(rule_org_within(f->st, t.p, t.c, "lead_org_id", &e), 0);
    assert_int_equal(rule_org_within(f->st, t.d1, t.g, "lead_org_id", &e), 0);
    assert_int_equal(rule_org_within(f->st, t.g, t.g, "lead_org_id", &e), 0);
    assert_false(err_is_set(&e));

    /* A sibling, an ancestor, another tree, an unknown org. */
    assert_int_equal(rule_org_within(f->st, t.d1, t.d2, "lead_org_id", &e), -1);
    assert_string_equal(err_name(e.code), "conflict");
    assert_string_equal(e.field, "lead_org_id");
    err_clear(&e);
    assert_int_equal(rule_org_within(f->st, t.g, t.d1, "monitor_org_id", &e), -1);
    assert_string_equal(e.field, "monitor_org_id");
    err_clear(&e);
    assert_int_equal(rule_org_within(f->st, t.p, other_root, "x", &e), -1);
    err_clear(&e);
    assert_int_equal(rule_org_within(f->st, t.p, 9999, "x", &e), -1);
    err_clear(&e);
    assert_int_equal(rule_org_within(f->st, 9999, t.p, "x", &e), -1);
    err_clear(&e);

    /* It follows a move. */
    fx_begin(f);
    json_decref(fx_update(f, &res_orgs, t.g, "{\"parent_id\": %lld}", other_root));
    fx_commit(f);
    assert_int_equal(rule_org_within(f->st, t.d1, t.c, "x", &e), -1);
    err_clear(&e);
    assert_int_equal(rule_org_within(f->st, other_root, t.c, "x", &e), 0);
}

/* Deleting an org that still has children is refused; a leaf goes, audited. */
static void test_delete(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct tree t = make_tree(f);
    fx_commit(f);
    fx_begin(f);
    struct err e = {0};
    assert_int_equal(resource_delete(f->st, &res_orgs, t.g, &f->actor, &e), -1);
    assert_string_equal(err_name(e.code), "conflict");
    store_rollback(f->st);
    fx_begin(f);
    err_clear(&e);
    assert_int_equal(resource_delete(f->st, &res_orgs, t.c, &f->actor, &e), 0);
    fx_commit(f);
    assert_false(store_exists(f->st, &res_orgs, t.c));
    json_t *sub = store_org_subtree(f->st, t.d1, &e);
    FX_IDS(sub, t.d1, t.g);
    json_decref(sub);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_tree, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_create_rejects_bad_parent_and_kind, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_subtree_is_not_a_text_prefix, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_move_rewrites_subtree, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_move_to_root_and_back, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_update_without_move, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_move_under_descendant_fails, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rule_org_within, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_delete, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
