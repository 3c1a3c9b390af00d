/* Unit tests of created_at and updated_at stored as Unix seconds (migration 006, store/
 * sqlite_rebuild.c; the conversions in store/sqlite.c): a database made before 006, with rows
 * of every noun, links and roll-ups, migrated by store_open, reads back the same ISO texts,
 * keeps every index, trigger and view word for word, its foreign keys, its AUTOINCREMENT
 * counters and working triggers; a table whose timestamps are not what 001_init.sql wrote
 * stops the migration and leaves the file as it was; two openers at once migrate it once; and
 * on a fresh store, insert, update, restore and list filters show and take ISO texts while the
 * columns hold integers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <sodium.h>
#include <time.h>

#include "../domain/fixture.h"
#include "store/sqlite_internal.h"
#include "util/embedded.h"
#include "util/period.h"

static const char OLD_TYPE[] = " TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))";
static const char NEW_TYPE[] = " INTEGER NOT NULL DEFAULT (unixepoch())";

/* Rows as a build before 006 wrote them: every noun, with links, a parent task, a deleted org
 * (the counter of orgs stays at 4) and one timestamp an old import stored in another form. */
static const char OLD_ROWS[] =
    "INSERT INTO orgs (id, parent_id, name, kind, path, created_at, updated_at) VALUES "
    "(1, NULL, 'Đảng bộ tỉnh Quảng Ninh', 'province', '/1/', '2020-07-14T08:00:00Z', "
    "'2021-03-05T17:45:09Z'),"
    "(2, 1, 'Đảng bộ thành phố Móng Cái', 'district', '/1/2/', '2020-07-14T08:00:01Z', "
    "'2020-07-14T08:00:01Z'),"
    "(3, 1, 'Đảng bộ huyện Bình Liêu', 'district', '/1/3/', '2020-07-14T08:00:02Z', "
    "'2022-01-01T00:00:00Z'),"
    "(4, 1, 'Đảng bộ đã giải thể', 'district', '/1/4/', '2020-07-14T08:00:03Z', "
    "'2020-07-14T08:00:03Z');"
    "DELETE FROM orgs WHERE id = 4;"
    "INSERT INTO people (id, full_name, org_id, title, created_at, updated_at) VALUES "
    "(1, 'Nguyễn Văn Hùng', 2, 'Bí thư Thành ủy', '2020-08-01T01:02:03Z', '2020-07-14 08:00:00');"
    "INSERT INTO terms (id, org_id, starts_year, ends_year, created_at, updated_at) VALUES "
    "(1, 1, 2020, 2025, '2020-09-01T00:00:00Z', '2020-09-02T00:00:00Z');"
    "INSERT INTO seats (id, term_id, person_id, body, created_at) VALUES "
    "(1, 1, 1, 'executive', '2020-09-03T00:00:00Z');"
    "INSERT INTO documents (id, org_id, type, title, created_at, updated_at) VALUES "
    "(1, 1, 'resolution', 'Nghị quyết Đại hội', '2020-10-01T00:00:00Z', '2020-10-01T06:00:00Z');"
    "INSERT INTO file_blobs (sha256, data) VALUES ('ab', x'00');"
    "INSERT INTO files (id, sha256, name, type, size, created_at) VALUES "
    "(1, 'ab', 'bien-ban.pdf', 'application/pdf', 1, '2020-10-01T07:00:00Z');"
    "INSERT INTO resolutions (id, term_id, title, document_id, created_at, updated_at) VALUES "
    "(1, 1, 'Nghị quyết Đại hội XV', 1, '2020-10-02T00:00:00Z', '2020-10-03T00:00:00Z');"
    "INSERT INTO items (id, resolution_id, kind, text, created_at, updated_at) VALUES "
    "(1, 1, 'key_task', 'Phát triển kinh tế biên mậu', '2020-10-04T00:00:00Z', "
    "'2020-10-05T00:00:00Z'),"
    "(2, 1, 'indicator', 'Tăng trưởng GRDP', '2020-10-04T00:00:01Z', '2020-10-05T00:00:01Z');"
    "INSERT INTO programs (id, org_id, kind, title, resolution_id, status, created_at, "
    "updated_at) VALUES (1, 1, 'action_program', 'Chương trình hành động', 1, 'adopted', "
    "'2020-11-01T00:00:00Z', '2020-11-02T00:00:00Z');"
    "INSERT INTO tasks (id, program_id, parent_id, title, lead_org_id, status, progress, "
    "due_day, created_at, updated_at) VALUES "
    "(1, 1, NULL, 'Nâng cấp cửa khẩu', 2, 'in_progress', 50, 20000, '2020-11-03T00:00:00Z', "
    "'2021-01-01T00:00:00Z'),"
    "(2, 1, 1, 'Mở chợ biên giới', 3, 'done', 100, -1, '2020-11-03T00:00:01Z', "
    "'2021-01-01T00:00:01Z');"
    "INSERT INTO tasks__covers (owner_id, ref_id, pos) VALUES (1, 1, 0), (2, 1, 0), (2, 2, 1);"
    "INSERT INTO tasks__coordinating_org_ids (owner_id, ref_id, pos) VALUES (1, 3, 0);"
    "INSERT INTO task_updates (id, task_id, progress, status, created_at) VALUES "
    "(1, 1, 50, 'in_progress', '2021-01-01T00:00:00Z');"
    "INSERT INTO task_updates__evidence_file_ids (owner_id, ref_id, pos) VALUES (1, 1, 0);"
    "INSERT INTO indicator_values (id, item_id, org_id, period, value, created_at, updated_at) "
    "VALUES (1, 2, 2, '2021', 6.5, '2022-01-10T00:00:00Z', '2022-01-11T00:00:00Z');"
    "INSERT INTO meetings (id, org_id, body, planned_period, program_id, created_at, "
    "updated_at) VALUES (1, 1, 'executive', '2021-Q1', 1, '2020-12-01T00:00:00Z', "
    "'2020-12-02T00:00:00Z');"
    "INSERT INTO inspections (id, org_id, topic, kind, planned_period, created_at, updated_at) "
    "VALUES (1, 1, 'Kiểm tra việc triển khai', 'inspection', '2021', '2020-12-03T00:00:00Z', "
    "'2020-12-04T00:00:00Z');"
    "INSERT INTO inspections__target_org_ids (owner_id, ref_id, pos) VALUES (1, 2, 0);"
    "INSERT INTO inspections__follow_up_task_ids (owner_id, ref_id, pos) VALUES (1, 1, 0);"
    "INSERT INTO assignments (id, person_id, term_id, created_at, updated_at) VALUES "
    "(1, 1, 1, '2020-12-05T00:00:00Z', '2020-12-06T00:00:00Z');"
    "INSERT INTO assignments__org_ids (owner_id, ref_id, pos) VALUES (1, 2, 0);"
    "INSERT INTO disseminations (id, org_id, resolution_id, held_on, expected, attended, "
    "created_at, updated_at) VALUES (1, 2, 1, '2020-11-20', 10, 8, '2020-11-21T00:00:00Z', "
    "'2020-11-22T00:00:00Z');"
    "INSERT INTO disseminations__audience_org_ids (owner_id, ref_id, pos) VALUES (1, 3, 0);"
    "INSERT INTO users (id, username, role, org_id, password_hash, created_at, updated_at) "
    "VALUES (1, 'admin', 'admin', 1, 'x', '2020-07-01T00:00:00Z', '2020-07-02T00:00:00Z');";

static void exec_raw(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        char copy[512];
        snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
        sqlite3_free(msg);
        fail_msg("%s", copy);
    }
}

/* The first column of each row of sql on db, as an array of values. */
static json_t *column_raw(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    json_t *out = json_array();
    while (sqlite3_step(s) == SQLITE_ROW)
        json_array_append_new(out, sqlite3_column_type(s, 0) == SQLITE_INTEGER
                                       ? json_integer(sqlite3_column_int64(s, 0))
                                       : json_string((const char *)sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
}

/* The whole schema: "type name" → its SQL. */
static json_t *schema_raw(sqlite3 *db)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT type || ' ' || name, sql FROM sqlite_schema "
                                        "WHERE sql IS NOT NULL",
                                        -1, &s, NULL),
                     SQLITE_OK);
    json_t *out = json_object();
    while (sqlite3_step(s) == SQLITE_ROW)
        json_object_set_new(out, (const char *)sqlite3_column_text(s, 0),
                            json_string((const char *)sqlite3_column_text(s, 1)));
    sqlite3_finalize(s);
    return out;
}

static bool has_timestamps(const struct resource *r)
{
    for (const struct field *f = r->fields; f->name; f++)
        if (f->type == FT_TIMESTAMP)
            return true;
    return false;
}

/* Every timestamp of every noun's rows: "orgs 1 created_at" → its stored text. */
static json_t *timestamps_raw(sqlite3 *db)
{
    json_t *out = json_object();
    for (int k = 0; resources[k]; k++) {
        const struct resource *r = resources[k];
        if (!has_timestamps(r))
            continue;
        for (const struct field *f = r->fields; f->name; f++) {
            if (f->type != FT_TIMESTAMP)
                continue;
            char sql[256];
            snprintf(sql, sizeof sql, "SELECT id || ' ' || %s FROM %s", f->name, r->name);
            json_t *rows = column_raw(db, sql);
            if (json_array_size(rows) == 0)
                fail_msg("the old database has no %s: add a row of it to OLD_ROWS", r->name);
            size_t i;
            json_t *v;
            json_array_foreach(rows, i, v)
            {
                const char *text = json_string_value(v), *blank = strchr(text, ' ');
                char key[160];
                snprintf(key, sizeof key, "%s %.*s %s", r->name, (int)(blank - text), text,
                         f->name);
                json_object_set_new(out, key, json_string(blank + 1));
            }
            json_decref(rows);
        }
    }
    return out;
}

static void unlink_db(const char *path)
{
    char side[96];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* A database file as a build before 006 left it: the embedded migrations before 006 applied
 * by hand (the search functions registered, as store_open does), OLD_ROWS, then `extra`. */
static void make_old_database(char *path, size_t size, const char *extra)
{
    snprintf(path, size, "/tmp/tk-unit-ts-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sq_search_register(db);
    exec_raw(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
                 "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, "
                 "applied_at TEXT NOT NULL DEFAULT '2026-01-01T00:00:00Z')");
    int applied = 0;
    for (const struct embedded_file *m = embedded_migrations; m->name; m++) {
        if (strcmp(m->name, "006") >= 0)
            continue;
        exec_raw(db, m->data);
        char sql[128];
        snprintf(sql, sizeof sql, "INSERT INTO schema_migrations (name) VALUES ('%s')", m->name);
        exec_raw(db, sql);
        applied++;
    }
    assert_int_equal(applied, 5);
    exec_raw(db, OLD_ROWS);
    if (extra)
        exec_raw(db, extra);
    json_t *check = column_raw(db, "SELECT count(*) FROM pragma_foreign_key_check");
    assert_int_equal(json_integer_value(json_array_get(check, 0)), 0);
    json_decref(check);
    sqlite3_close(db);
}

static sqlite3 *open_raw(const char *path)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return db;
}

/* s with every `from` replaced by `to`; malloc'd. */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t n = 0, lf = strlen(from), lt = strlen(to);
    for (const char *p = s; (p = strstr(p, from)); p += lf)
        n++;
    char *out = malloc(strlen(s) + n * lt + 1), *w = out;
    for (const char *p = s, *hit; *p; p = hit + lf) {
        hit = strstr(p, from);
        if (!hit) {
            strcpy(w, p);
            return out;
        }
        memcpy(w, p, (size_t)(hit - p));
        w += hit - p;
        memcpy(w, to, lt);
        w += lt;
    }
    *w = 0;
    return out;
}

/* What a noun's table definition becomes: renamed (SQLite quotes the new name), its
 * timestamps INTEGER, nothing else changed. */
static char *expected_ddl(const char *table, const char *old)
{
    char from[96], to[96], old_created[96], old_updated[96], new_created[96], new_updated[96];
    snprintf(from, sizeof from, "CREATE TABLE %s ", table);
    snprintf(to, sizeof to, "CREATE TABLE \"%s\" ", table);
    snprintf(old_created, sizeof old_created, "created_at%s", OLD_TYPE);
    snprintf(old_updated, sizeof old_updated, "updated_at%s", OLD_TYPE);
    snprintf(new_created, sizeof new_created, "created_at%s", NEW_TYPE);
    snprintf(new_updated, sizeof new_updated, "updated_at%s", NEW_TYPE);
    char *a = replace_all(old, from, to), *b = replace_all(a, old_created, new_created);
    char *c = replace_all(b, old_updated, new_updated);
    free(a);
    free(b);
    return c;
}

static json_t *rollup_of(struct fx *f, long long org)
{
    struct err e = {0};
    json_t *r = store_rollup(f->st, org, 0, false, date_from_civil(2021, 6, 30), &e);
    if (!r)
        fail_msg("store_rollup: %s", e.message);
    return r;
}

static void test_old_database_migrated(void **state)
{
    (void)state;
    struct fx f = {.actor = {.user = "tester", .address = "127.0.0.1"}};
    make_old_database(f.path, sizeof f.path, NULL);
    sqlite3 *db = open_raw(f.path);
    json_t *before = schema_raw(db), *times = timestamps_raw(db);
    json_t *rollup_before = column_raw(db, "SELECT total FROM rollup_tasks WHERE org_id = 1 AND "
                                           "by_lead = 0 AND term_year = 0");
    assert_int_equal(json_integer_value(json_array_get(rollup_before, 0)), 2);
    json_decref(rollup_before);
    sqlite3_close(db);

    struct err e = {0};
    f.st = store_open(f.path, false, &e);
    if (!f.st)
        fail_msg("store_open of the old database: %s", e.message);
    assert_int_equal(fx_sql_int(&f, "SELECT count(*) FROM schema_migrations WHERE name = "
                                    "'006_integer_timestamps.sql'"),
                     1);

    /* Every timestamp reads back as the text it was, and is an integer now, but the one an
     * old import stored in another form, which is kept as it was. */
    const char *key;
    json_t *v;
    int compared = 0;
    json_object_foreach(times, key, v)
    {
        char table[64], column[64];
        long long id;
        assert_int_equal(sscanf(key, "%63s %lld %63s", table, &id, column), 3);
        const struct resource *r = resource_by_name(table);
        assert_non_null(r);
        json_t *row = store_get(f.st, r, id, &e);
        if (!row)
            fail_msg("store_get %s %lld: %s", table, id, e.message);
        const char *got = obj_str(row, column);
        if (!got || strcmp(got, json_string_value(v)))
            fail_msg("%s: %s, was %s", key, got ? got : "(none)", json_string_value(v));
        json_decref(row);
        bool canonical = strchr(json_string_value(v), 'T') != NULL;
        assert_int_equal(fx_sql_int(&f, "SELECT typeof(%s) = '%s' FROM %s WHERE id = %lld", column,
                                    canonical ? "integer" : "text", table, id),
                         1);
        compared++;
    }
    assert_true(compared >= 30);
    assert_int_equal(fx_sql_int(&f, "SELECT created_at FROM orgs WHERE id = 1"), 1594713600);

    /* The schema: every index, trigger and view word for word; the tables of the nouns with
     * timestamps retyped and nothing else; every other table as it was. */
    db = open_raw(f.path);
    json_t *after = schema_raw(db);
    sqlite3_close(db);
    /* What the migrations after 006 add; everything else was there before. */
    static const char *const later[] = {"table text_dictionaries",
                                        "index text_dictionaries_column"};
    for (size_t i = 0; i < sizeof later / sizeof *later; i++) {
        assert_null(json_object_get(before, later[i]));
        assert_non_null(json_object_get(after, later[i]));
    }
    assert_int_equal(json_object_size(after),
                     json_object_size(before) + sizeof later / sizeof *later);
    int retyped = 0, triggers = 0, views = 0, indexes = 0;
    json_object_foreach(before, key, v)
    {
        json_t *now = json_object_get(after, key);
        if (!now)
            fail_msg("%s is gone after the migration", key);
        const struct resource *r = !strncmp(key, "table ", 6) ? resource_by_name(key + 6) : NULL;
        char *want = r && has_timestamps(r) ? expected_ddl(r->name, json_string_value(v))
                                            : strdup(json_string_value(v));
        if (strcmp(json_string_value(now), want))
            fail_msg("%s after the migration:\n%s\nexpected:\n%s", key, json_string_value(now),
                     want);
        free(want);
        retyped += r && has_timestamps(r);
        triggers += !strncmp(key, "trigger ", 8);
        views += !strncmp(key, "view ", 5);
        indexes += !strncmp(key, "index ", 6);
    }
    assert_int_equal(retyped, 17);
    assert_true(triggers >= 40 && views == 3 && indexes >= 25);
    assert_int_equal(fx_sql_int(&f, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE "
                                    "'%%created_at TEXT%%' OR sql LIKE '%%updated_at TEXT%%'"),
                     0);
    assert_int_equal(fx_sql_int(&f, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    assert_int_equal(store_integrity_check(f.st, &e), 0);

    /* Links and the counter of orgs survived; foreign keys are on again. */
    json_t *task = store_get(f.st, &res_tasks, 2, &e);
    assert_non_null(task);
    FX_IDS(json_object_get(task, "covers"), 1, 2);
    assert_int_equal(obj_int(task, "parent_id"), 1);
    json_decref(task);
    task = store_get(f.st, &res_tasks, 1, &e);
    FX_IDS(json_object_get(task, "coordinating_org_ids"), 3);
    json_decref(task);
    json_t *insp = store_get(f.st, &res_inspections, 1, &e);
    FX_IDS(json_object_get(insp, "follow_up_task_ids"), 1);
    json_decref(insp);
    json_t *upd = store_get(f.st, &res_task_updates, 1, &e);
    FX_IDS(json_object_get(upd, "evidence_file_ids"), 1);
    json_decref(upd);
    fx_begin(&f);
    assert_int_equal(store_delete(f.st, &res_orgs, 2, &e), -1);
    assert_string_equal(err_name(e.code), "conflict");
    fx_commit(&f);
    err_clear(&e);

    /* The triggers work on the new tables: a task moves the roll-ups, an org the counts of
     * the subtree, a deletion cascades to the links. */
    json_t *r0 = rollup_of(&f, 1);
    assert_int_equal(obj_int(json_object_get(r0, "tasks"), "total"), 2);
    long long orgs0 = obj_int(r0, "orgs");
    fx_begin(&f);
    long long t3 = fx_create(&f, &res_tasks,
                             "{\"program_id\": 1, \"title\": \"Nhiệm vụ mới\", \"lead_org_id\": 3, "
                             "\"covers\": [2]}");
    long long o5 = fx_create(&f, &res_orgs,
                             "{\"name\": \"Chi bộ mới\", \"kind\": \"cell\", \"parent_id\": 3}");
    assert_int_equal(store_delete(f.st, &res_tasks, 2, &e), 0);
    fx_commit(&f);
    assert_int_equal(o5, 5); /* not 4: the counter was put back */
    assert_true(t3 == 3);
    json_t *r1 = rollup_of(&f, 1);
    assert_int_equal(obj_int(json_object_get(r1, "tasks"), "total"), 2);
    assert_int_equal(obj_int(r1, "orgs"), orgs0 + 1);
    assert_int_equal(fx_sql_int(&f, "SELECT count(*) FROM tasks__covers WHERE owner_id = 2"), 0);
    assert_int_equal(
        fx_sql_int(&f, "SELECT typeof(created_at) = 'integer' FROM tasks WHERE id = %lld", t3), 1);
    json_decref(r0);
    json_decref(r1);

    json_decref(before);
    json_decref(after);
    json_decref(times);
    store_close(f.st);
    unlink_db(f.path);
}

/* A table with a timestamp written otherwise than 001_init.sql writes it: the migration stops
 * naming it, and the database stays as it was, at 005, whole. */
static void test_unexpected_definition_stops_the_migration(void **state)
{
    (void)state;
    char path[64];
    make_old_database(path, sizeof path,
                      "CREATE TABLE notes (id INTEGER PRIMARY KEY, created_at TEXT);"
                      "INSERT INTO notes (id, created_at) VALUES (1, '2020-07-14T08:00:00Z');");
    sqlite3 *db = open_raw(path);
    json_t *before = schema_raw(db);
    sqlite3_close(db);
    struct err e = {0};
    struct store *st = store_open(path, false, &e);
    assert_null(st);
    if (!strstr(e.message, "notes.created_at"))
        fail_msg("the error does not name the column: %s", e.message);
    db = open_raw(path);
    json_t *after = schema_raw(db);
    assert_true(json_equal(before, after));
    json_t *types = column_raw(db, "SELECT typeof(created_at) || typeof(updated_at) FROM orgs");
    assert_string_equal(json_string_value(json_array_get(types, 0)), "texttext");
    json_t *applied = column_raw(db, "SELECT count(*) FROM schema_migrations");
    assert_int_equal(json_integer_value(json_array_get(applied, 0)), 5);
    json_t *people = column_raw(db, "SELECT count(*) FROM people");
    assert_int_equal(json_integer_value(json_array_get(people, 0)), 1);
    sqlite3_close(db);
    json_decref(before);
    json_decref(after);
    json_decref(types);
    json_decref(applied);
    json_decref(people);
    unlink_db(path);
}

struct opener {
    const char *path;
    struct store *st;
    struct err e;
};

static void *open_in_thread(void *arg)
{
    struct opener *o = arg;
    o->st = store_open(o->path, false, &o->e);
    return NULL;
}

/* Two openers of an old file at once (a server and a command) both wait for the write lock to
 * apply 006: the one that gets it second finds it applied and goes on. */
static void test_two_openers_migrate_once(void **state)
{
    (void)state;
    char path[64];
    make_old_database(path, sizeof path, NULL);
    sqlite3 *lock;
    assert_int_equal(sqlite3_open_v2(path, &lock, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    exec_raw(lock, "BEGIN IMMEDIATE");
    struct opener o[2] = {{.path = path}, {.path = path}};
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&t[i], NULL, open_in_thread, &o[i]), 0);
    usleep(300 * 1000); /* both are past the first look and waiting for the lock */
    exec_raw(lock, "ROLLBACK");
    sqlite3_close(lock);
    for (int i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
        if (!o[i].st)
            fail_msg("opener %d: %s", i, o[i].e.message);
    }
    struct fx f = {.st = o[0].st};
    snprintf(f.path, sizeof f.path, "%s", path);
    assert_int_equal(fx_sql_int(&f, "SELECT count(*) FROM schema_migrations WHERE name = "
                                    "'006_integer_timestamps.sql'"),
                     1);
    assert_int_equal(fx_sql_int(&f, "SELECT typeof(created_at) = 'integer' FROM tasks LIMIT 1"), 1);
    store_close(o[0].st);
    store_close(o[1].st);
    unlink_db(path);
}

/* ---- a fresh store ---- */

static long long parse_iso(const char *s)
{
    struct tm tm = {0};
    assert_non_null(s);
    assert_int_equal(strlen(s), 20);
    const char *end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    assert_true(end && !*end);
    return (long long)timegm(&tm);
}

static void test_insert_and_update_stamp_now(void **state)
{
    struct fx *f = *state;
    long long t0 = (long long)time(NULL);
    fx_begin(f);
    json_t *made = fx_create_obj(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    fx_commit(f);
    long long id = obj_int(made, "id"), t1 = (long long)time(NULL);
    long long created = parse_iso(obj_str(made, "created_at"));
    assert_true(created >= t0 && created <= t1);
    assert_string_equal(obj_str(made, "updated_at"), obj_str(made, "created_at"));
    assert_int_equal(fx_sql_int(f, "SELECT created_at FROM orgs WHERE id = %lld", id), created);
    assert_int_equal(
        fx_sql_int(f,
                   "SELECT typeof(created_at) || typeof(updated_at) = 'integerinteger' "
                   "FROM orgs WHERE id = %lld",
                   id),
        1);
    json_decref(made);

    /* Back to 2020, then a change: updated_at is now, created_at stays. */
    struct err e = {0};
    fx_begin(f);
    json_t *old = json_pack("{s:s,s:s}", "created_at", "2020-07-14T08:00:00Z", "updated_at",
                            "2020-07-14T08:00:00Z");
    assert_int_equal(store_restore(f->st, &res_orgs, id, old, &e), 0);
    json_decref(old);
    json_decref(fx_update(f, &res_orgs, id, "{\"name\": \"Tỉnh ủy Quảng Ninh\"}"));
    fx_commit(f);
    json_t *row = fx_get(f, &res_orgs, id);
    assert_string_equal(obj_str(row, "created_at"), "2020-07-14T08:00:00Z");
    long long updated = parse_iso(obj_str(row, "updated_at"));
    assert_true(updated >= t0 && updated <= (long long)time(NULL));
    assert_int_equal(fx_sql_int(f, "SELECT updated_at FROM orgs WHERE id = %lld", id), updated);
    assert_int_equal(
        fx_sql_int(f, "SELECT typeof(updated_at) = 'integer' FROM orgs WHERE id = %lld", id), 1);
    json_decref(row);
}

static void test_restore_keeps_the_second(void **state)
{
    struct fx *f = *state;
    static const char *const times[] = {"2020-07-14T08:00:00Z",
                                        "1970-01-01T00:00:00Z",
                                        "1969-12-31T23:59:59Z",
                                        "2038-01-19T03:14:08Z",
                                        "2024-02-29T23:59:59Z",
                                        "2999-12-31T23:59:59Z",
                                        NULL};
    fx_begin(f);
    long long id = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    fx_commit(f);
    for (int i = 0; times[i]; i++) {
        struct err e = {0};
        fx_begin(f);
        json_t *keep =
            json_pack("{s:s,s:s}", "created_at", times[i], "updated_at", "2021-03-05T17:45:09Z");
        assert_int_equal(store_restore(f->st, &res_orgs, id, keep, &e), 0);
        json_decref(keep);
        fx_commit(f);
        json_t *row = fx_get(f, &res_orgs, id);
        assert_string_equal(obj_str(row, "created_at"), times[i]);
        assert_string_equal(obj_str(row, "updated_at"), "2021-03-05T17:45:09Z");
        json_decref(row);
        assert_int_equal(fx_sql_int(f, "SELECT created_at FROM orgs WHERE id = %lld", id),
                         parse_iso(times[i]));
    }
}

static void test_restore_refuses_a_bad_timestamp(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long id = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy\", \"kind\": \"province\"}");
    json_t *good = json_pack("{s:s}", "created_at", "2020-07-14T08:00:00Z");
    struct err e = {0};
    assert_int_equal(store_restore(f->st, &res_orgs, id, good, &e), 0);
    json_decref(good);
    fx_commit(f);
    static const char *const bad[] = {"2020-07-14 08:00:00",
                                      "2020-07-14T08:00:00",
                                      "2020-07-14T08:00:00.5Z",
                                      "2020-02-30T08:00:00Z",
                                      "2020-07-14T24:00:00Z",
                                      "2020-07-14T08:60:00Z",
                                      "2020-7-14T08:00:00Z",
                                      "+020-07-14T08:00:00Z",
                                      "",
                                      NULL};
    for (int i = 0; bad[i]; i++) {
        json_t *body = json_pack("{s:s,s:s}", "name", "Đổi tên", "created_at", bad[i]);
        fx_begin(f);
        err_clear(&e);
        assert_int_equal(store_restore(f->st, &res_orgs, id, body, &e), -1);
        fx_commit(f);
        json_decref(body);
        assert_string_equal(err_name(e.code), "invalid_field");
        assert_string_equal(e.field, "created_at");
        if (!strstr(e.message, bad[i]))
            fail_msg("the error does not show the value %s: %s", bad[i], e.message);
    }
    /* Not a string at all. */
    json_t *odd[] = {json_integer(1594713600), json_null(), json_true()};
    for (int i = 0; i < 3; i++) {
        json_t *body = json_pack("{s:o}", "updated_at", odd[i]);
        fx_begin(f);
        err_clear(&e);
        assert_int_equal(store_restore(f->st, &res_orgs, id, body, &e), -1);
        fx_commit(f);
        json_decref(body);
        assert_string_equal(e.field, "updated_at");
    }
    /* Nothing was written: not the name beside the bad value either. */
    json_t *row = fx_get(f, &res_orgs, id);
    assert_string_equal(obj_str(row, "created_at"), "2020-07-14T08:00:00Z");
    assert_string_equal(obj_str(row, "name"), "Tỉnh ủy");
    json_decref(row);
}

static void test_list_filters_by_timestamp(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy A\", \"kind\": \"province\"}");
    long long b = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy B\", \"kind\": \"province\"}");
    struct err e = {0};
    json_t *keep = json_pack("{s:s}", "created_at", "2020-07-14T08:00:00Z");
    assert_int_equal(store_restore(f->st, &res_orgs, a, keep, &e), 0);
    json_decref(keep);
    fx_commit(f);
    struct store_filter filter;
    filter.value =
        resource_filter_value(&res_orgs, "created_at", "2020-07-14T08:00:00Z", &filter.field, &e);
    assert_non_null(filter.value);
    json_t *rows = store_list(f->st, &res_orgs, &filter, 1, 0, 10, &e);
    assert_non_null(rows);
    assert_int_equal(json_array_size(rows), 1);
    assert_int_equal(obj_int(json_array_get(rows, 0), "id"), a);
    json_decref(rows);
    json_decref(filter.value);
    filter.value = json_string("14/07/2020");
    rows = store_list(f->st, &res_orgs, &filter, 1, 0, 10, &e);
    assert_int_equal(json_array_size(rows), 0);
    json_decref(rows);
    json_decref(filter.value);
    (void)b;
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_old_database_migrated),
        cmocka_unit_test(test_unexpected_definition_stops_the_migration),
        cmocka_unit_test(test_two_openers_migrate_once),
        cmocka_unit_test_setup_teardown(test_insert_and_update_stamp_now, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_restore_keeps_the_second, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_restore_refuses_a_bad_timestamp, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_list_filters_by_timestamp, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
