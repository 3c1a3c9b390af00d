/* Unit tests of change detection (store/sqlite_version.c): store_version moves and
 * store_watch stops being quiet for every way the database can change — a commit by another
 * connection, by another process, through this connection, a backup restored into it — and
 * neither moves for reads. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "../domain/fixture.h"
#include "store/sqlite_internal.h"

static void version_of(struct fx *f, struct store_version *v)
{
    struct err e = {0};
    if (store_version(f->st, v, &e) != 0)
        fail_msg("store_version: %s", e.message);
}

/* Runs SQL on a connection of its own, as another thread of the server would. */
static void other_connection(struct fx *f, const char *sql)
{
    sqlite3 *db;
    if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        fail_msg("sqlite3_open %s: %s", f->path, sqlite3_errmsg(db));
    sqlite3_busy_timeout(db, 5000);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(db);
}

/* Runs SQL in another process (the sqlite3 shell), as the command line would. */
static void other_process(struct fx *f, const char *sql)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "sqlite3 -cmd '.timeout 5000' '%s' \"%s\"", f->path, sql);
    if (system(cmd) != 0)
        fail_msg("%s failed", cmd);
}

/* A watch, marked, and the version as of the mark. */
static struct store_watch *marked(struct fx *f, struct store_version *v)
{
    struct store_watch *w = store_watch_new(f->st);
    assert_non_null(w);
    assert_false(store_watch_quiet(w)); /* nothing to compare with yet */
    store_watch_mark(w);
    version_of(f, v);
    assert_true(store_watch_quiet(w));
    return w;
}

static void test_reads_move_nothing(void **state)
{
    struct fx *f = *state;
    long long org = fx_create(f, &res_orgs, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    struct store_version v0, v1;
    struct store_watch *w = marked(f, &v0);
    for (int i = 0; i < 3; i++) {
        struct err e = {0};
        assert_int_equal(store_begin(f->st, false, &e), 0); /* a read, as a GET's */
        json_t *row = store_get(f->st, &res_orgs, org, NULL);
        assert_non_null(row);
        json_decref(row);
        assert_int_equal(store_commit(f->st, &e), 0);
    }
    version_of(f, &v1);
    assert_true(store_version_equal(&v0, &v1));
    assert_true(store_watch_quiet(w));
    store_watch_free(w);
}

static void test_own_commit_moves_both(void **state)
{
    struct fx *f = *state;
    struct store_version v0, v1;
    struct store_watch *w = marked(f, &v0);
    fx_create(f, &res_orgs, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    version_of(f, &v1);
    assert_false(store_version_equal(&v0, &v1));
    assert_false(store_watch_quiet(w));
    store_watch_mark(w); /* quiet again from the new state on */
    assert_true(store_watch_quiet(w));
    store_watch_free(w);
}

static void test_other_connection_moves_both(void **state)
{
    struct fx *f = *state;
    struct store_version v0, v1;
    struct store_watch *w = marked(f, &v0);
    other_connection(f, "INSERT INTO schema_migrations (name) VALUES ('test-other-connection')");
    assert_false(store_watch_quiet(w)); /* seen before this connection reads anything */
    version_of(f, &v1);
    assert_false(store_version_equal(&v0, &v1));
    store_watch_free(w);
}

static void test_other_process_moves_both(void **state)
{
    struct fx *f = *state;
    struct store_version v0, v1;
    struct store_watch *w = marked(f, &v0);
    other_process(f, "INSERT INTO schema_migrations (name) VALUES ('test-other-process')");
    assert_false(store_watch_quiet(w));
    version_of(f, &v1);
    assert_false(store_version_equal(&v0, &v1));
    store_watch_free(w);
}

static void test_checkpoint_alone_moves_nothing_then_writes_are_seen(void **state)
{
    struct fx *f = *state;
    fx_create(f, &res_orgs, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    struct store_version v0;
    struct store_watch *w = marked(f, &v0);
    /* A checkpoint copies committed pages into the file: the content is what it was. */
    other_process(f, "PRAGMA wal_checkpoint(PASSIVE)");
    assert_true(store_watch_quiet(w));
    /* After a truncating checkpoint the next writer starts the log over: still seen. */
    other_process(f, "PRAGMA wal_checkpoint(TRUNCATE)");
    store_watch_mark(w);
    other_process(f, "INSERT INTO schema_migrations (name) VALUES ('test-after-truncate')");
    assert_false(store_watch_quiet(w));
    store_watch_free(w);
}

static void test_backup_into_the_connection_moves_both(void **state)
{
    struct fx *f = *state;
    char copy[80];
    snprintf(copy, sizeof copy, "%s-copy", f->path);
    struct err e = {0};
    fx_create(f, &res_orgs, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    if (store_backup(f->st, copy, false, &e) != 0)
        fail_msg("store_backup: %s", e.message);
    other_connection(f, "INSERT INTO schema_migrations (name) VALUES ('test-before-restore')");
    struct store_version v0, v1;
    struct store_watch *w = marked(f, &v0);
    /* Restoring the copy into this connection: no row is "changed" through it, and no
     * other connection commits, yet the content goes back. */
    sqlite3 *src;
    assert_int_equal(sqlite3_open(copy, &src), SQLITE_OK);
    sqlite3_backup *b = sqlite3_backup_init(sq_db(f->st), "main", src, "main");
    assert_non_null(b);
    assert_int_equal(sqlite3_backup_step(b, -1), SQLITE_DONE);
    sqlite3_backup_finish(b);
    sqlite3_close(src);
    unlink(copy);
    assert_false(store_watch_quiet(w));
    version_of(f, &v1);
    assert_false(store_version_equal(&v0, &v1));
    store_watch_free(w);
}

static void test_no_watch_without_a_write_ahead_log(void **state)
{
    struct err e = {0};
    struct store *st = store_open(":memory:", true, &e);
    if (!st)
        fail_msg("store_open :memory:: %s", e.message);
    assert_null(store_watch_new(st));
    struct store_version v0, v1;
    assert_int_equal(store_version(st, &v0, &e), 0);
    assert_int_equal(store_begin(st, true, &e), 0);
    struct actor a = {.user = "tester"};
    json_t *body = json_pack("{s:s,s:s}", "name", "Tỉnh ủy", "kind", "province");
    json_t *org = resource_create(st, &res_orgs, body, 0, &a, &e);
    assert_non_null(org);
    json_decref(org);
    json_decref(body);
    assert_int_equal(store_commit(st, &e), 0);
    assert_int_equal(store_version(st, &v1, &e), 0);
    assert_false(store_version_equal(&v0, &v1));
    store_close(st);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads_move_nothing, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_own_commit_moves_both, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_other_connection_moves_both, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_other_process_moves_both, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_checkpoint_alone_moves_nothing_then_writes_are_seen,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_backup_into_the_connection_moves_both, fx_setup,
                                        fx_teardown),
        cmocka_unit_test(test_no_watch_without_a_write_ahead_log),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
