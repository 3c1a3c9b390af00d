/* Unit tests of the workers' caches (http/cache.c): what a held session or body is keyed by,
 * when a held session stops being used, and that a sync after any commit forgets
 * everything. The clock is the `now` the tests pass in. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "../domain/fixture.h"
#include "http/cache.h"

/* Two tokens in different slots (a slot is chosen by the first hex digits). */
static const char HASH_A[] = "000000a1000000000000000000000000000000000000000000000000000000aa";
static const char HASH_B[] = "000000b2000000000000000000000000000000000000000000000000000000bb";

static struct cache *synced(struct fx *f)
{
    struct cache *c = cache_of_thread();
    assert_non_null(c);
    cache_sync(c, f->st);
    return c;
}

static void put_session(struct cache *c, const char *hash, long long uid, long long live_until,
                        long long touch_at)
{
    json_t *user = json_pack("{s:I,s:s}", "id", (json_int_t)uid, "username", "nguoi-dung");
    struct access a;
    a.n = 1;
    a.grants[0].role = ROLE_VIEWER;
    snprintf(a.grants[0].root_path, sizeof a.grants[0].root_path, "/%lld/", uid);
    struct store_session s = {.user_id = uid, .live_until = live_until, .touch_at = touch_at};
    cache_session_put(c, hash, user, &a, &s);
    json_decref(user);
}

static long long held_user(struct cache *c, const char *hash, long long now)
{
    struct access a = {0};
    json_t *user = cache_session_get(c, hash, now, &a);
    if (!user)
        return 0;
    long long id = obj_int(user, "id");
    char want[32];
    snprintf(want, sizeof want, "/%lld/", id);
    assert_int_equal(a.n, 1);
    assert_string_equal(a.grants[0].root_path, want);
    json_decref(user);
    return id;
}

static void test_session_is_held_until_touch_or_expiry(void **state)
{
    struct fx *f = *state;
    struct cache *c = synced(f);
    put_session(c, HASH_A, 7, 1000, 960);
    put_session(c, HASH_B, 8, 500, 960);
    assert_int_equal(held_user(c, HASH_A, 959), 7);
    assert_int_equal(held_user(c, HASH_B, 499), 8);
    /* B has expired (or idled out) at 500, before its touch was due. */
    assert_int_equal(held_user(c, HASH_B, 500), 0);
    /* A is due a touch at 960: the store must answer (and write), and the slot is let go. */
    assert_int_equal(held_user(c, HASH_A, 960), 0);
    assert_int_equal(held_user(c, HASH_A, 959), 0);
}

static void test_session_key_is_the_whole_hash(void **state)
{
    struct fx *f = *state;
    struct cache *c = synced(f);
    put_session(c, HASH_A, 7, 1000, 960);
    char other[65];
    memcpy(other, HASH_A, sizeof other);
    other[63] = '9'; /* same slot, another token */
    assert_int_equal(held_user(c, other, 10), 0);
    assert_int_equal(held_user(c, HASH_A, 10), 7);
}

static const char *held_body(struct cache *c, const struct resource *r, long long id,
                             long long user, int day)
{
    size_t len = 0;
    const char *text = cache_body_get(c, r, id, user, day, &len);
    if (text)
        assert_int_equal(len, strlen(text));
    return text;
}

static void test_body_key_is_resource_row_user_and_day(void **state)
{
    struct fx *f = *state;
    struct cache *c = synced(f);
    const char body[] = "{\"id\":5,\"overdue\":false}";
    cache_body_put(c, &res_tasks, 5, 7, 20000, body, strlen(body));
    assert_string_equal(held_body(c, &res_tasks, 5, 7, 20000), body);
    assert_null(held_body(c, &res_tasks, 5, 8, 20000)); /* another user */
    assert_null(held_body(c, &res_tasks, 5, 7, 20001)); /* the next day */
    assert_null(held_body(c, &res_tasks, 6, 7, 20000)); /* another row */
    assert_null(held_body(c, &res_orgs, 5, 7, 20000));  /* another resource */
    assert_string_equal(held_body(c, &res_tasks, 5, 7, 20000), body);
}

static void test_huge_bodies_are_not_held_and_memory_is_bounded(void **state)
{
    struct fx *f = *state;
    struct cache *c = synced(f);
    size_t big = 1024 * 1024;
    char *text = malloc(big + 1);
    memset(text, 'x', big);
    text[big] = 0;
    cache_body_put(c, &res_tasks, 1, 1, 1, text, big);
    assert_null(held_body(c, &res_tasks, 1, 1, 1));
    /* 40 MiB of 32 KiB bodies: the budget drops old ones, the newest is held. */
    for (long long id = 1; id <= 1280; id++)
        cache_body_put(c, &res_tasks, id, 1, 1, text, 32 * 1024);
    size_t len;
    assert_non_null(cache_body_get(c, &res_tasks, 1280, 1, 1, &len));
    assert_int_equal(len, 32 * 1024);
    /* One row written again and again keeps one slot (and one entry in its bookkeeping). */
    for (int i = 0; i < 3 * 4096; i++)
        cache_body_put(c, &res_tasks, 7, 1, 1, text, 100 + (size_t)i % 7);
    assert_non_null(cache_body_get(c, &res_tasks, 7, 1, 1, &len));
    assert_int_equal(len, 100 + (3 * 4096 - 1) % 7);
    free(text);
}

static void other_connection(struct fx *f, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static void test_sync_after_a_commit_forgets_everything(void **state)
{
    struct fx *f = *state;
    struct cache *c = synced(f);
    /* Through this connection, another connection, another process. */
    for (int way = 0; way < 3; way++) {
        put_session(c, HASH_A, 7, 1000, 960);
        cache_body_put(c, &res_tasks, 5, 7, 1, "{}", 2);
        for (int i = 0; i < 2; i++) {
            cache_sync(c, f->st); /* nothing committed: all of it holds */
            assert_int_equal(held_user(c, HASH_A, 10), 7);
            assert_non_null(held_body(c, &res_tasks, 5, 7, 1));
        }
        char sql[128], cmd[512];
        snprintf(sql, sizeof sql, "INSERT INTO schema_migrations (name) VALUES ('cache-%d')", way);
        if (way == 0) {
            fx_create(f, &res_orgs, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
        } else if (way == 1) {
            other_connection(f, sql);
        } else {
            snprintf(cmd, sizeof cmd, "sqlite3 -cmd '.timeout 5000' '%s' \"%s\"", f->path, sql);
            assert_int_equal(system(cmd), 0);
        }
        cache_sync(c, f->st);
        assert_int_equal(held_user(c, HASH_A, 10), 0);
        assert_null(held_body(c, &res_tasks, 5, 7, 1));
    }
}

static int teardown(void **state)
{
    cache_free_all(); /* before the store closes, as the server does */
    return fx_teardown(state);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_session_is_held_until_touch_or_expiry, fx_setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_session_key_is_the_whole_hash, fx_setup, teardown),
        cmocka_unit_test_setup_teardown(test_body_key_is_resource_row_user_and_day, fx_setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_huge_bodies_are_not_held_and_memory_is_bounded,
                                        fx_setup, teardown),
        cmocka_unit_test_setup_teardown(test_sync_after_a_commit_forgets_everything, fx_setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
