/*
 * A bulk load written behind (sqlite_writer.c, used by gen) against the same load written in
 * place: the same random sequence of creates, updates, org moves, deletes, refused writes and
 * explicit ids, run on two fresh files, must leave the same rows in every table (timestamps
 * aside) and give every step the same outcome. The sequence leans on what the write-behind
 * answers without the database: rows still waiting in a batch (a task's new program, its
 * parent task, a task update's task), their later changes (progress set by an update, an org's
 * path), list fields (covers, coordinating orgs) and existence by id.
 * And a write that fails on the writer's thread is reported, and nothing of it is committed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sodium.h>
#include "../domain/fixture.h"

enum { ORGS = 60, ITEMS = 40, STEPS = 6000 };

struct run {
    struct fx f;
    uint64_t rng;
    long long orgs[ORGS], items[ITEMS], resolution, term, indicator;
    long long programs[400], tasks[4000];
    int nprograms, ntasks;
    char trace[1 << 16]; /* each step's outcome, compared between the two runs */
    size_t ntrace;
};

static int pick(struct run *r, int n)
{
    uint64_t z = (r->rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (int)((z ^ (z >> 31)) % (uint64_t)n);
}

static void note(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct run *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(r->trace + r->ntrace, sizeof r->trace - r->ntrace, fmt, ap);
    va_end(ap);
    if (n > 0 && r->ntrace + (size_t)n < sizeof r->trace)
        r->ntrace += (size_t)n;
}

/* A create (update: of row id) that may be refused, through the one write path; its outcome
 * goes into the trace: the row's id, or the error's code and message. Returns the id, 0 when
 * refused. */
static long long try_write(struct run *r, const struct resource *res, long long id, bool update,
                           const char *fmt, va_list ap)
{
    json_t *body = fx_vjson(fmt, ap);
    struct err e = {0};
    json_t *out = update ? resource_update(r->f.st, res, id, body, &r->f.actor, &e)
                         : resource_create(r->f.st, res, body, id, &r->f.actor, &e);
    long long made = out ? obj_int(out, "id") : 0;
    note(r, "%s %s %lld %s %s;", update ? "u" : "c", res->name, made, out ? "" : err_name(e.code),
         out ? "" : e.message);
    json_decref(out);
    json_decref(body);
    return made;
}

static long long try_create(struct run *r, const struct resource *res, long long id,
                            const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static long long try_create(struct run *r, const struct resource *res, long long id,
                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    long long made = try_write(r, res, id, false, fmt, ap);
    va_end(ap);
    return made;
}

static void try_update(struct run *r, const struct resource *res, long long id, const char *fmt,
                       ...) __attribute__((format(printf, 4, 5)));
static void try_update(struct run *r, const struct resource *res, long long id, const char *fmt,
                       ...)
{
    va_list ap;
    va_start(ap, fmt);
    try_write(r, res, id, true, fmt, ap);
    va_end(ap);
}

static void new_task(struct run *r, long long program)
{
    long long org[2];
    struct err e = {0};
    assert_int_equal(
        store_get_ints(r->f.st, &res_programs, program, "org_id, resolution_id", org, 2, &e), 0);
    static const char *const periods[] = {"2021", "2022-Q3", "term", "2024-H1"};
    char parent[64] = "";
    if (r->ntasks && pick(r, 3) == 0)
        snprintf(parent, sizeof parent, ",\"parent_id\":%lld", r->tasks[r->ntasks - 1]);
    /* a lead anywhere: outside the program org's subtree it is refused */
    long long lead = pick(r, 4) ? org[0] : r->orgs[pick(r, ORGS)];
    long long id = try_create(
        r, &res_tasks, 0,
        "{\"program_id\":%lld,\"title\":\"Nhiệm vụ số %d về chuyển đổi số\",\"lead_org_id\":%lld,"
        "\"coordinating_org_ids\":[%lld,%lld],\"covers\":[%lld,%lld],\"period\":\"%s\","
        "\"output\":\"Báo cáo kết quả thực hiện\"%s}",
        program, r->ntasks, lead, r->orgs[pick(r, ORGS)], r->orgs[pick(r, ORGS)],
        r->items[pick(r, ITEMS)], r->items[pick(r, ITEMS)], periods[pick(r, 4)], parent);
    if (id && r->ntasks < 4000)
        r->tasks[r->ntasks++] = id;
}

static void steps(struct run *r)
{
    r->orgs[0] = try_create(r, &res_orgs, 0, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    for (int i = 1; i < ORGS; i++)
        r->orgs[i] = try_create(
            r, &res_orgs, 0, "{\"name\":\"Đảng bộ %d\",\"kind\":\"grassroots\",\"parent_id\":%lld}",
            i, r->orgs[pick(r, i)]);
    r->term = try_create(r, &res_terms, 0,
                         "{\"org_id\":%lld,\"starts_year\":2020,\"ends_year\":2025}", r->orgs[0]);
    r->resolution =
        try_create(r, &res_resolutions, 0, "{\"term_id\":%lld,\"title\":\"Nghị quyết\"}", r->term);
    for (int i = 0; i < ITEMS; i++)
        r->items[i] = try_create(
            r, &res_items, 0, "{\"resolution_id\":%lld,\"kind\":\"%s\",\"text\":\"Mục %d\"%s}",
            r->resolution, i % 4 ? "key_task" : "indicator", i, i ? ",\"parent_id\":1" : "");
    for (int s = 0; s < STEPS; s++) {
        struct err ce = {0};
        if (s % 1000 == 999 && store_bulk_commit(r->f.st, &ce) != 0) /* as gen does */
            fail_msg("store_bulk_commit: %s", ce.message);
        int kind = pick(r, 20);
        if (kind < 2 || !r->nprograms) {
            long long p = try_create(r, &res_programs, 0,
                                     "{\"org_id\":%lld,\"kind\":\"action_program\",\"title\":"
                                     "\"Chương trình %d\",\"resolution_id\":%lld}",
                                     r->orgs[pick(r, ORGS)], r->nprograms, r->resolution);
            if (p && r->nprograms < 400)
                r->programs[r->nprograms++] = p;
            for (int t = 0; p && t < 3; t++)
                new_task(r, p); /* its program still waits to be written */
        } else if (kind < 10) {
            new_task(r, r->programs[pick(r, r->nprograms)]);
        } else if (kind < 13 && r->ntasks) {
            long long t = r->tasks[pick(r, r->ntasks)];
            try_create(r, &res_task_updates, 0,
                       "{\"task_id\":%lld,\"progress\":%d,\"status\":\"in_progress\","
                       "\"reported_on\":\"2022-0%d-15\"}",
                       t, pick(r, 101), 1 + pick(r, 9));
        } else if (kind == 13 && r->ntasks) {
            try_update(r, &res_tasks, r->tasks[pick(r, r->ntasks)],
                       "{\"covers\":[%lld],\"coordinating_org_ids\":[]}", r->items[pick(r, ITEMS)]);
        } else if (kind == 14) {
            /* a move, refused when it would make a cycle; the paths below it change */
            try_update(r, &res_orgs, r->orgs[1 + pick(r, ORGS - 1)], "{\"parent_id\":%lld}",
                       r->orgs[pick(r, ORGS)]);
        } else if (kind == 15 && r->ntasks && pick(r, 3) == 0) {
            struct err e = {0};
            long long t = r->tasks[pick(r, r->ntasks)];
            int rc = resource_delete(r->f.st, &res_tasks, t, &r->f.actor, &e);
            note(r, "d %lld %s;", t, rc ? err_name(e.code) : "ok");
        } else if (kind == 16) {
            try_create(r, &res_indicator_values, 0,
                       "{\"item_id\":%lld,\"org_id\":%lld,\"period\":\"2022-Q%d\",\"value\":%d}",
                       r->items[pick(r, ITEMS)], r->orgs[pick(r, ORGS)], 1 + pick(r, 4),
                       pick(r, 500));
        } else if (kind == 17) {
            /* an explicit id past the last (a taken one fails only where the row is written:
             * the next test) */
            try_create(r, &res_orgs, 100000 + s,
                       "{\"name\":\"Chi bộ %d\",\"kind\":\"cell\",\"parent_id\":%lld}", s,
                       r->orgs[pick(r, ORGS)]);
        } else if (kind == 18 && r->ntasks) {
            long long t = r->tasks[pick(r, r->ntasks)];
            note(r, "e %lld %d;", t, store_exists(r->f.st, &res_tasks, t));
            char *path = store_org_path(r->f.st, r->orgs[pick(r, ORGS)]);
            note(r, "p %s;", path ? path : "-");
            free(path);
        } else {
            try_create(r, &res_tasks, 0,
                       "{\"program_id\":%lld,\"title\":\"Thiếu cơ quan chủ trì\"}",
                       r->programs[pick(r, r->nprograms)]);
        }
    }
}

/* Every table's rows in order, timestamps left out, as one text. */
static char *dump_file(const char *path)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    size_t cap = 1 << 20, n = 0;
    char *out = malloc(cap);
    sqlite3_stmt *tables;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                        "name NOT LIKE 'sqlite_%' AND name NOT IN "
                                        "('schema_migrations', 'users', 'audit_log') ORDER BY name",
                                        -1, &tables, NULL),
                     SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        char sql[512];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY 1, 2, 3",
                 (const char *)sqlite3_column_text(tables, 0));
        sqlite3_stmt *rows;
        if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK) /* fewer columns */
            snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY 1",
                     (const char *)sqlite3_column_text(tables, 0));
        else
            sqlite3_finalize(rows);
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(rows); c++) {
                const char *name = sqlite3_column_name(rows, c);
                if (!strcmp(name, "created_at") || !strcmp(name, "updated_at") ||
                    !strcmp(name, "moved_at"))
                    continue;
                int bytes = sqlite3_column_bytes(rows, c);
                const unsigned char *v = sqlite3_column_blob(rows, c);
                while (n + (size_t)bytes + 64 > cap)
                    out = realloc(out, cap *= 2);
                n += (size_t)snprintf(out + n, cap - n, "|%d:", sqlite3_column_type(rows, c));
                if (v)
                    memcpy(out + n, v, (size_t)bytes), n += (size_t)bytes;
            }
            out[n++] = '\n';
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    sqlite3_close(db);
    out[n] = 0;
    return out;
}

static void same(const char *a, const char *b, const char *what)
{
    if (!strcmp(a, b))
        return;
    size_t i = 0;
    while (a[i] == b[i])
        i++;
    size_t from = i > 120 ? i - 120 : 0;
    fail_msg("%s differ at byte %zu:\n in place: %.240s\n behind:   %.240s", what, i, a + from,
             b + from);
}

static void load(struct run *r)
{
    struct bulk_load bulk = {0};
    struct err e = {0};
    r->rng = 20200714;
    r->f.actor.bulk = &bulk;
    fx_begin(&r->f);
    assert_int_equal(store_bulk_begin(r->f.st, &e), 0);
    steps(r);
    if (resource_bulk_finish(r->f.st, &r->f.actor, &e) != 0)
        fail_msg("bulk finish: %s", e.message);
    fx_commit(&r->f);
    r->f.actor.bulk = NULL;
}

static int open_run(struct run **out)
{
    void *state = NULL;
    if (fx_setup(&state) != 0)
        return -1;
    *out = calloc(1, sizeof **out);
    (*out)->f = *(struct fx *)state;
    free(state);
    return 0;
}

static void close_run(struct run *r)
{
    struct fx *f = malloc(sizeof *f);
    *f = r->f;
    void *state = f;
    fx_teardown(&state);
    free(r);
}

/* fresh: both files as a new file's load sets them (store_fresh_file_mode): foreign keys off,
 * under which the writer may write one table's waiting inserts after another table's rows. */
static void compare_loads(bool fresh)
{
    struct run *plain, *behind;
    store_use_write_behind(false);
    assert_int_equal(open_run(&plain), 0);
    store_use_write_behind(true); /* connections opened from here on write behind */
    assert_int_equal(open_run(&behind), 0);
    struct err e = {0};
    if (fresh) {
        assert_int_equal(store_fresh_file_mode(plain->f.st, true, &e), 0);
        assert_int_equal(store_fresh_file_mode(behind->f.st, true, &e), 0);
    }
    load(plain);
    load(behind);
    assert_true(plain->ntasks > 1000);
    assert_true(store_write_behind_waits(plain->f.st) == 0);
    /* the load went through the write-behind, and rarely had to wait for it */
    assert_true(store_write_behind_waits(behind->f.st) > 0);
    assert_true(store_write_behind_waits(behind->f.st) < STEPS);
    same(plain->trace, behind->trace, "the steps' outcomes");
    char *a = dump_file(plain->f.path), *b = dump_file(behind->f.path);
    assert_true(strlen(a) > 100000);
    same(a, b, "the files");
    free(a);
    free(b);
    /* after the load both go on as one connection does */
    fx_begin(&behind->f);
    long long t = fx_create(&behind->f, &res_orgs, "{\"name\":\"Sau\",\"kind\":\"province\"}");
    assert_true(store_exists(behind->f.st, &res_orgs, t));
    fx_commit(&behind->f);
    close_run(plain);
    close_run(behind);
}

static void test_write_behind_writes_what_writing_in_place_writes(void **state)
{
    (void)state;
    compare_loads(false);
}

static void test_write_behind_with_foreign_keys_off_writes_the_same(void **state)
{
    (void)state;
    compare_loads(true);
}

/* A write that only SQLite refuses (the id is taken), on the writer's thread: the next
 * statement that waits for it fails with the conflict, and the rollback takes away what came
 * after the last commit; a commit queued before the failure stands. */
static void test_a_failed_write_behind_is_reported_and_rolled_back(void **state)
{
    (void)state;
    store_use_write_behind(true);
    struct run *r;
    assert_int_equal(open_run(&r), 0);
    struct bulk_load bulk = {0};
    struct err e = {0};
    r->f.actor.bulk = &bulk;
    fx_begin(&r->f);
    assert_int_equal(store_bulk_begin(r->f.st, &e), 0);
    long long root = fx_create(&r->f, &res_orgs, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    assert_int_equal(store_bulk_commit(r->f.st, &e), 0);
    long long after =
        fx_create(&r->f, &res_orgs, "{\"name\":\"Sau khi ghi\",\"kind\":\"province\"}");
    json_t *body = fx_json("{\"name\":\"Trùng\",\"kind\":\"province\"}");
    json_t *out = resource_create(r->f.st, &res_orgs, body, root, &r->f.actor, &e);
    json_decref(body);
    /* taken as asked: the clash is found where the row is written */
    assert_non_null(out);
    json_decref(out);
    assert_int_not_equal(store_commit(r->f.st, &e), 0);
    assert_string_equal(err_name(e.code), err_name(E_CONFLICT));
    r->f.actor.bulk = NULL;
    fx_begin(&r->f);
    json_t *kept = fx_get(&r->f, &res_orgs, root);
    assert_string_equal(obj_str(kept, "name"), "Tỉnh ủy");
    json_decref(kept);
    assert_false(store_exists(r->f.st, &res_orgs, after));
    fx_commit(&r->f);
    close_run(r);
}

/* Past TRAIN_FIRST tasks the titles and outputs are packed against a trained dictionary
 * (sqlite_packed.c). Written behind, the caller's thread packs them as it queues them: the
 * file must hold the same packed bytes as the load written in place, and read back as text. */
enum { PACKED_TASKS = 12500 };

static void packed_load(struct run *r)
{
    struct bulk_load bulk = {0};
    struct err e = {0};
    r->f.actor.bulk = &bulk;
    fx_begin(&r->f);
    assert_int_equal(store_bulk_begin(r->f.st, &e), 0);
    long long org = try_create(r, &res_orgs, 0, "{\"name\":\"Tỉnh ủy\",\"kind\":\"province\"}");
    long long term = try_create(r, &res_terms, 0,
                                "{\"org_id\":%lld,\"starts_year\":2020,\"ends_year\":2025}", org);
    long long res =
        try_create(r, &res_resolutions, 0, "{\"term_id\":%lld,\"title\":\"Nghị quyết\"}", term);
    long long program = try_create(r, &res_programs, 0,
                                   "{\"org_id\":%lld,\"kind\":\"action_program\",\"title\":"
                                   "\"Chương trình hành động\",\"resolution_id\":%lld}",
                                   org, res);
    for (int t = 0; t < PACKED_TASKS; t++) {
        if (t % 1000 == 999)
            assert_int_equal(store_bulk_commit(r->f.st, &e), 0);
        try_create(r, &res_tasks, 0,
                   "{\"program_id\":%lld,\"lead_org_id\":%lld,\"period\":\"%d\",\"title\":"
                   "\"Thực hiện nhiệm vụ chuyển đổi số số %d tại cơ sở thứ %d của tỉnh\","
                   "\"output\":\"Báo cáo kết quả thực hiện năm %d gửi Ban Thường vụ\"}",
                   program, org, 2021 + t % 5, t, t % 97, 2021 + t % 5);
    }
    if (resource_bulk_finish(r->f.st, &r->f.actor, &e) != 0)
        fail_msg("bulk finish: %s", e.message);
    fx_commit(&r->f);
    r->f.actor.bulk = NULL;
}

static long long packed_titles(const char *path)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT count(*) FROM tasks WHERE typeof(title) = 'blob' "
                                        "AND typeof(output) = 'blob'",
                                        -1, &s, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

static void test_packed_texts_written_behind_are_the_bytes_written_in_place(void **state)
{
    (void)state;
    struct run *plain, *behind;
    store_use_write_behind(false);
    assert_int_equal(open_run(&plain), 0);
    store_use_write_behind(true);
    assert_int_equal(open_run(&behind), 0);
    packed_load(plain);
    packed_load(behind);
    same(plain->trace, behind->trace, "the steps' outcomes");
    /* the rows after the dictionary (and its first check, every 1,024 inserts) are packed */
    long long packed = packed_titles(behind->f.path);
    assert_true(packed > PACKED_TASKS - 10000 - 1100);
    assert_int_equal(packed_titles(plain->f.path), packed);
    char *a = dump_file(plain->f.path), *b = dump_file(behind->f.path);
    same(a, b, "the files");
    free(a);
    free(b);
    fx_begin(&behind->f);
    json_t *last = fx_get(&behind->f, &res_tasks, PACKED_TASKS);
    char want[200];
    snprintf(want, sizeof want, "Thực hiện nhiệm vụ chuyển đổi số số %d tại cơ sở thứ %d của tỉnh",
             PACKED_TASKS - 1, (PACKED_TASKS - 1) % 97);
    assert_string_equal(obj_str(last, "title"), want);
    json_decref(last);
    fx_commit(&behind->f);
    close_run(plain);
    close_run(behind);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_behind_writes_what_writing_in_place_writes),
        cmocka_unit_test(test_write_behind_with_foreign_keys_off_writes_the_same),
        cmocka_unit_test(test_a_failed_write_behind_is_reported_and_rolled_back),
        cmocka_unit_test(test_packed_texts_written_behind_are_the_bytes_written_in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
