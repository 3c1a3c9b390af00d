/* Unit tests of the audit trail (store/sqlite_audit.c): every write through resource_*
 * appends one chained entry, and store_audit_verify finds the first entry that was edited
 * or removed behind the store's back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "../domain/fixture.h"

/* Runs SQL on a separate, writable connection, as someone with the file in hand would;
 * returns SQLite's result code. */
static int raw_exec(struct fx *f, const char *sql)
{
    sqlite3 *db;
    if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        fail_msg("sqlite3_open %s: %s", f->path, sqlite3_errmsg(db));
    sqlite3_busy_timeout(db, 5000);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc;
}

static json_t *audit_all(struct fx *f)
{
    struct err e = {0};
    json_t *rows = store_audit_list(f->st, NULL, 0, 1000, &e);
    if (!rows)
        fail_msg("store_audit_list: %s", e.message);
    return rows;
}

static void assert_entry(json_t *entry, const char *action, const char *resource, long long id)
{
    assert_non_null(entry);
    assert_string_equal(obj_str(entry, "action"), action);
    assert_string_equal(obj_str(entry, "resource"), resource);
    assert_int_equal(obj_int(entry, "resource_id"), id);
    assert_string_equal(obj_str(entry, "user"), "tester");
    assert_string_equal(obj_str(entry, "address"), "127.0.0.1");
    assert_non_null(obj_str(entry, "at"));
}

/* Three orgs created, one renamed, one deleted: five entries, in order. */
static long long write_some(struct fx *f, long long *a, long long *b)
{
    fx_begin(f);
    *a = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    *b = fx_create(f, &res_orgs,
                   "{\"name\": \"Huyện ủy A\", \"kind\": \"district\", "
                   "\"parent_id\": %lld}",
                   *a);
    long long c = fx_create(f, &res_orgs, "{\"name\": \"Huyện ủy C\", \"kind\": \"district\"}");
    json_decref(fx_update(f, &res_orgs, *b, "{\"name\": \"Huyện ủy B\"}"));
    struct err e = {0};
    if (resource_delete(f->st, &res_orgs, c, &f->actor, &e) != 0)
        fail_msg("delete: %s", e.message);
    fx_commit(f);
    return c;
}

static void test_every_write_is_audited(void **state)
{
    struct fx *f = *state;
    long long a, b;
    long long c = write_some(f, &a, &b);
    json_t *rows = audit_all(f);
    assert_int_equal(json_array_size(rows), 5);
    assert_entry(json_array_get(rows, 0), "create", "orgs", a);
    assert_entry(json_array_get(rows, 1), "create", "orgs", b);
    assert_entry(json_array_get(rows, 2), "create", "orgs", c);
    assert_entry(json_array_get(rows, 3), "update", "orgs", b);
    assert_entry(json_array_get(rows, 4), "delete", "orgs", c);

    json_t *create = json_array_get(rows, 1);
    assert_true(json_is_null(json_object_get(create, "before")));
    assert_string_equal(obj_str(json_object_get(create, "after"), "name"), "Huyện ủy A");
    assert_int_equal(obj_int(json_object_get(create, "after"), "parent_id"), a);

    json_t *update = json_array_get(rows, 3);
    assert_string_equal(obj_str(json_object_get(update, "before"), "name"), "Huyện ủy A");
    assert_string_equal(obj_str(json_object_get(update, "after"), "name"), "Huyện ủy B");
    /* Entries keep the API shape: no hidden column. */
    assert_null(json_object_get(json_object_get(update, "after"), "path"));

    json_t *del = json_array_get(rows, 4);
    assert_string_equal(obj_str(json_object_get(del, "before"), "name"), "Huyện ủy C");
    assert_true(json_is_null(json_object_get(del, "after")));
    json_decref(rows);

    struct err e = {0};
    assert_int_equal(store_audit_verify(f->st, &e), 0);
    assert_false(err_is_set(&e));
}

/* Nested things and task updates are audited under their own resource. */
static void test_nested_writes_are_audited(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    long long p = fx_create(
        f, &res_programs, "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\"}", o);
    long long t = fx_create(
        f, &res_tasks, "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld}", p, o);
    long long u = fx_create(f, &res_task_updates, "{\"task_id\": %lld, \"progress\": 30}", t);
    fx_commit(f);
    json_t *rows = audit_all(f);
    assert_int_equal(json_array_size(rows), 4);
    assert_entry(json_array_get(rows, 2), "create", "tasks", t);
    assert_entry(json_array_get(rows, 3), "create", "task_updates", u);
    assert_int_equal(obj_int(json_object_get(json_array_get(rows, 3), "after"), "progress"), 30);
    json_decref(rows);
    struct err e = {0};
    assert_int_equal(store_audit_verify(f->st, &e), 0);
}

/* A failed or rolled-back write leaves no entry. */
static void test_failed_write_leaves_no_entry(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    fx_commit(f);
    fx_begin(f);
    fx_update_fails(f, &res_orgs, a, E_CONFLICT, "parent_id", "{\"parent_id\": %lld}", a);
    store_rollback(f->st);
    fx_begin(f);
    fx_create(f, &res_orgs, "{\"name\": \"Bỏ đi\", \"kind\": \"cell\"}");
    store_rollback(f->st);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log"), 1);
    struct err e = {0};
    assert_int_equal(store_audit_verify(f->st, &e), 0);
}

/* A password is never written into the trail, as given or hashed. */
static void test_no_secrets_in_the_trail(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    fx_create(f, &res_users,
              "{\"username\": \"thuky\", \"password\": \"mat-khau-bi-mat\", \"role\": \"editor\"}");
    fx_commit(f);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log WHERE resource = 'users'"), 1);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log WHERE coalesce(after, '') LIKE "
                                   "'%%mat-khau%%' OR coalesce(after, '') LIKE '%%argon2%%' OR "
                                   "coalesce(after, '') LIKE '%%password%%'"),
                     0);
}

static void test_chain_links(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    /* The first entry starts from the genesis hash; every other from its predecessor's. */
    assert_int_equal(
        fx_sql_int(f, "SELECT count(*) FROM audit_log WHERE id = 1 AND prev_hash = "
                      "'0000000000000000000000000000000000000000000000000000000000000000'"),
        1);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log x JOIN audit_log y ON y.id = "
                                   "x.id + 1 WHERE y.prev_hash <> x.hash"),
                     0);
    assert_int_equal(fx_sql_int(f, "SELECT count(DISTINCT hash) FROM audit_log"), 5);
    /* An empty trail is intact. */
    struct err e = {0};
    assert_int_equal(raw_exec(f, "DELETE FROM audit_log"), SQLITE_OK);
    assert_int_equal(store_audit_verify(f->st, &e), 0);
}

static void test_update_is_refused_by_trigger(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_int_not_equal(raw_exec(f, "UPDATE audit_log SET after = '{}' WHERE id = 2"), SQLITE_OK);
    struct err e = {0};
    assert_int_equal(store_audit_verify(f->st, &e), 0);
}

static void assert_verify(struct fx *f, long long expected)
{
    struct err e = {0};
    long long got = store_audit_verify(f->st, &e);
    assert_int_equal(got, expected);
    /* And from a fresh connection, as `trienkhai audit verify` does. */
    struct store *st = store_open(f->path, false, &e);
    assert_non_null(st);
    assert_int_equal(store_audit_verify(st, &e), expected);
    store_close(st);
}

static void test_edited_after_is_found(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_verify(f, 0);
    assert_int_equal(raw_exec(f, "DROP TRIGGER audit_log_no_update; "
                                 "UPDATE audit_log SET after = replace(after, 'Huyện ủy A', "
                                 "'Huyện ủy X') WHERE id = 2"),
                     SQLITE_OK);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log WHERE after LIKE '%%ủy X%%'"),
                     1);
    assert_verify(f, 2);
}

static void test_edited_columns_are_found(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_int_equal(raw_exec(f, "DROP TRIGGER audit_log_no_update"), SQLITE_OK);
    const char *edits[] = {
        "UPDATE audit_log SET before = replace(before, 'Huyện ủy A', 'Huyện ủy Z') WHERE id = 4",
        "UPDATE audit_log SET user = 'admin' WHERE id = 4",
        "UPDATE audit_log SET action = 'create' WHERE id = 4",
        "UPDATE audit_log SET resource_id = resource_id + 1 WHERE id = 4",
        "UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE id = 4",
        "UPDATE audit_log SET address = '10.0.0.1' WHERE id = 4",
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        /* Each edit on its own: apply it, verify, put the row back. */
        assert_int_equal(raw_exec(f, "CREATE TABLE IF NOT EXISTS keep AS SELECT * FROM audit_log "
                                     "WHERE id = 4"),
                         SQLITE_OK);
        assert_int_equal(raw_exec(f, edits[i]), SQLITE_OK);
        struct err e = {0};
        long long got = store_audit_verify(f->st, &e);
        if (got != 4)
            fail_msg("after \"%s\" verify gave %lld, expected 4", edits[i], got);
        assert_int_equal(raw_exec(f, "DELETE FROM audit_log WHERE id = 4; INSERT INTO audit_log "
                                     "SELECT * FROM keep; DROP TABLE keep"),
                         SQLITE_OK);
        assert_int_equal(store_audit_verify(f->st, &e), 0);
    }
}

/* The first broken entry is the one named, whatever follows it. */
static void test_first_bad_entry_wins(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_int_equal(raw_exec(f, "DROP TRIGGER audit_log_no_update; "
                                 "UPDATE audit_log SET after = '{}' WHERE id IN (3, 5)"),
                     SQLITE_OK);
    assert_verify(f, 3);
    assert_int_equal(raw_exec(f, "UPDATE audit_log SET after = NULL WHERE id = 1"), SQLITE_OK);
    assert_verify(f, 1);
}

/* A removed entry breaks the chain at the entry after the gap. */
static void test_deleted_entry_is_found(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_int_equal(raw_exec(f, "DELETE FROM audit_log WHERE id = 2"), SQLITE_OK);
    assert_verify(f, 3);
}

static void test_deleted_first_entry_is_found(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_int_equal(raw_exec(f, "DELETE FROM audit_log WHERE id = 1"), SQLITE_OK);
    assert_verify(f, 2);
}

/* New entries keep chaining after a verify; appending goes on from the last hash. */
static void test_chain_goes_on(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    assert_verify(f, 0);
    fx_begin(f);
    json_decref(fx_update(f, &res_orgs, a, "{\"short_name\": \"TU\"}"));
    fx_commit(f);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM audit_log"), 6);
    assert_verify(f, 0);
}

static void test_list_paging_and_since(void **state)
{
    struct fx *f = *state;
    long long a, b;
    write_some(f, &a, &b);
    struct err e = {0};
    json_t *page = store_audit_list(f->st, NULL, 0, 2, &e);
    assert_int_equal(json_array_size(page), 2);
    long long last = obj_int(json_array_get(page, 1), "id");
    json_decref(page);
    page = store_audit_list(f->st, NULL, last, 100, &e);
    assert_int_equal(json_array_size(page), 3);
    assert_true(obj_int(json_array_get(page, 0), "id") > last);
    json_decref(page);
    page = store_audit_list(f->st, "2999-01-01T00:00:00Z", 0, 100, &e);
    assert_int_equal(json_array_size(page), 0);
    json_decref(page);
    page = store_audit_list(f->st, "2000-01-01T00:00:00Z", 0, 100, &e);
    assert_int_equal(json_array_size(page), 5);
    json_decref(page);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_write_is_audited, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_nested_writes_are_audited, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_failed_write_leaves_no_entry, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_no_secrets_in_the_trail, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_chain_links, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_update_is_refused_by_trigger, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_edited_after_is_found, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_edited_columns_are_found, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_first_bad_entry_wins, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_deleted_entry_is_found, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_deleted_first_entry_is_found, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_chain_goes_on, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_list_paging_and_since, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
