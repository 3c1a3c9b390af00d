/*
 * The maintained roll-up (store_rollup, kept by triggers) against a plain recomputation from
 * the raw rows (store_rollup_scan), after thousands of random writes and org moves on a
 * random tree: every org, every term year, both ways of counting, several "todays".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <sodium.h>
#include "../domain/fixture.h"
#include "util/period.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int pick(int n)
{
    return (int)(next() % (uint64_t)n);
}

enum { ORGS = 40, PROGRAMS = 16, TASKS = 300, OPS = 2000 };

static long long orgs[ORGS], programs[PROGRAMS], resolutions[2], terms[2];
static long long tasks[TASKS * 2];
static int ntasks;
static long long disseminations[10];
/* One program's id is 900000: the bulk load's roll-ups then join programs in SQL, where
 * dense ids are read into arrays. */
static bool sparse_program;
/* Only the writes a bulk load's tally follows (sqlite_bulk.c): new tasks, changes of the tasks'
 * status, progress, time frame and lead, org moves, dissemination figures. */
static bool followed_writes_only;

/* Tries a write; a refused one (a cycle, a lead outside the subtree) changes nothing. */
static void try_update(struct fx *f, const struct resource *r, long long id, const char *json)
{
    json_t *body = json_loads(json, 0, NULL);
    assert_non_null(body);
    struct err e = {0};
    json_t *out = resource_update(f->st, r, id, body, &f->actor, &e);
    json_decref(out);
    json_decref(body);
}

static void compare_all(struct fx *f)
{
    static const int years[] = {0, 2020, 2025, 1999};
    int today0 = date_from_civil(2021, 6, 30);
    int todays[] = {today0, today0 + 400, date_today()};
    for (int o = 0; o < ORGS; o++)
        for (int y = 0; y < 4; y++)
            for (int by = 0; by < 2; by++)
                for (int t = 0; t < 3; t++) {
                    struct err e1 = {0}, e2 = {0};
                    json_t *fast = store_rollup(f->st, orgs[o], years[y], by, todays[t], &e1);
                    json_t *slow = store_rollup_scan(f->st, orgs[o], years[y], by, todays[t], &e2);
                    assert_non_null(fast);
                    assert_non_null(slow);
                    json_t *ft = json_object_get(fast, "tasks"),
                           *stt = json_object_get(slow, "tasks");
                    const char *keys[] = {"total", "not_started", "in_progress",
                                          "done",  "cancelled",   "overdue"};
                    for (int k = 0; k < 6; k++) {
                        long long a = obj_int(ft, keys[k]), b = obj_int(stt, keys[k]);
                        if (a != b)
                            fail_msg("org %lld year %d by_lead %d today %d: %s %lld, recomputed "
                                     "%lld",
                                     orgs[o], years[y], by, todays[t], keys[k], a, b);
                    }
                    json_t *pf = json_object_get(fast, "progress"),
                           *ps = json_object_get(slow, "progress");
                    assert_int_equal(json_is_null(pf), json_is_null(ps));
                    if (!json_is_null(pf) && fabs(json_real_value(pf) - json_real_value(ps)) > 1e-9)
                        fail_msg("progress %g vs %g", json_real_value(pf), json_real_value(ps));
                    assert_int_equal(obj_int(fast, "orgs"), obj_int(slow, "orgs"));
                    json_t *pa = json_object_get(fast, "programs"),
                           *pb = json_object_get(slow, "programs");
                    assert_int_equal(obj_int(pa, "total"), obj_int(pb, "total"));
                    assert_int_equal(obj_int(pa, "adopted"), obj_int(pb, "adopted"));
                    json_t *da = json_object_get(fast, "dissemination"),
                           *db = json_object_get(slow, "dissemination");
                    assert_int_equal(obj_int(da, "expected"), obj_int(db, "expected"));
                    assert_int_equal(obj_int(da, "attended"), obj_int(db, "attended"));
                    json_decref(fast);
                    json_decref(slow);
                }
}

static const char *statuses[] = {"not_started", "in_progress", "done", "cancelled"};
static const char *periods[] = {"2021-Q1", "2021", "2026-H2", "term", "2020-12", "2025-Q4"};

static void new_task(struct fx *f)
{
    long long program = programs[pick(PROGRAMS)];
    json_t *p = fx_get(f, &res_programs, program);
    long long lead = obj_int(p, "org_id");
    json_decref(p);
    char due[64] = "";
    if (pick(3) == 0)
        snprintf(due, sizeof due, ",\"due_on\":\"202%d-0%d-1%d\"", pick(7), 1 + pick(9), pick(9));
    char body[512];
    snprintf(body, sizeof body,
             "{\"title\":\"Nhiệm vụ %d\",\"program_id\":%lld,\"lead_org_id\":%lld,"
             "\"status\":\"%s\",\"progress\":%d,\"period\":\"%s\"%s}",
             ntasks, program, lead, statuses[pick(4)], pick(101), periods[pick(6)], due);
    json_t *b = json_loads(body, 0, NULL);
    struct err e = {0};
    json_t *out = resource_create(f->st, &res_tasks, b, 0, &f->actor, &e);
    if (!out)
        fail_msg("task: %s", e.message);
    tasks[ntasks++] = obj_int(out, "id");
    json_decref(out);
    json_decref(b);
}

static void build_data(struct fx *f)
{
    ntasks = 0;
    orgs[0] = fx_create(f, &res_orgs, "{\"name\":\"Tỉnh\",\"kind\":\"province\"}");
    for (int i = 1; i < ORGS; i++)
        orgs[i] =
            fx_create(f, &res_orgs, "{\"name\":\"Tổ chức %d\",\"kind\":\"%s\",\"parent_id\":%lld}",
                      i, pick(5) ? "grassroots" : "body", orgs[pick(i)]);
    terms[0] = fx_create(f, &res_terms, "{\"org_id\":%lld,\"starts_year\":2020,\"ends_year\":2025}",
                         orgs[0]);
    terms[1] = fx_create(f, &res_terms, "{\"org_id\":%lld,\"starts_year\":2025,\"ends_year\":2030}",
                         orgs[0]);
    for (int i = 0; i < 2; i++)
        resolutions[i] =
            fx_create(f, &res_resolutions, "{\"term_id\":%lld,\"title\":\"NQ %d\"}", terms[i], i);
    for (int i = 0; i < PROGRAMS; i++) {
        int which = pick(3);
        char res[64] = "";
        if (which < 2)
            snprintf(res, sizeof res, ",\"resolution_id\":%lld", resolutions[which]);
        programs[i] = fx_create(f, &res_programs,
                                "{\"org_id\":%lld,\"kind\":\"action_program\",\"title\":\"CT %d\","
                                "\"status\":\"%s\",\"adopted_on\":\"2020-10-01\"%s}",
                                orgs[pick(ORGS)], i, pick(2) ? "adopted" : "draft", res);
        if (sparse_program && i == PROGRAMS - 1) { /* its id far past the others */
            json_t *body = fx_json("{\"org_id\":%lld,\"kind\":\"work_program\",\"title\":"
                                   "\"CT xa\",\"resolution_id\":%lld}",
                                   orgs[pick(ORGS)], resolutions[0]);
            struct err e = {0};
            json_t *out = resource_create(f->st, &res_programs, body, 900000, &f->actor, &e);
            if (!out)
                fail_msg("program 900000: %s", e.message);
            programs[i] = obj_int(out, "id");
            json_decref(out);
            json_decref(body);
        }
    }
    for (int i = 0; i < TASKS; i++)
        new_task(f);
    for (int i = 0; i < 10; i++) {
        int expected = pick(1000);
        disseminations[i] = fx_create(f, &res_disseminations,
                                      "{\"org_id\":%lld,\"resolution_id\":%lld,\"held_on\":"
                                      "\"2020-11-0%d\",\"expected\":%d,\"attended\":%d}",
                                      orgs[pick(ORGS)], resolutions[pick(2)], 1 + pick(9), expected,
                                      pick(expected + 1));
    }
}

/* Random writes and moves, comparing every 1,000 when asked (not inside a bulk load, whose
 * roll-ups are only built at its end). */
static void random_writes(struct fx *f, int ops, bool compare)
{
    char body[256];
    static const int followed[] = {0, 1, 2, 3, 4, 5, 9, 10};
    for (int op = 0; op < ops; op++) {
        int kind = followed_writes_only ? followed[pick(8)] : pick(12);
        long long task = tasks[pick(ntasks)];
        if (kind <= 3 && store_exists(f->st, &res_tasks, task)) {
            snprintf(body, sizeof body, "{\"status\":\"%s\",\"progress\":%d,\"period\":\"%s\"}",
                     statuses[pick(4)], pick(101), periods[pick(6)]);
            try_update(f, &res_tasks, task, body);
        } else if (kind == 4 && store_exists(f->st, &res_tasks, task)) {
            snprintf(body, sizeof body, "{\"lead_org_id\":%lld}", orgs[pick(ORGS)]);
            try_update(f, &res_tasks, task, body);
        } else if (kind == 5) {
            /* An org move: refused when it would make a cycle. */
            snprintf(body, sizeof body, "{\"parent_id\":%lld}", orgs[pick(ORGS)]);
            try_update(f, &res_orgs, orgs[1 + pick(ORGS - 1)], body);
        } else if (kind == 6) {
            snprintf(body, sizeof body, "{\"org_id\":%lld,\"status\":\"%s\"}", orgs[pick(ORGS)],
                     pick(2) ? "adopted" : "draft");
            try_update(f, &res_programs, programs[pick(PROGRAMS)], body);
        } else if (kind == 7) {
            snprintf(body, sizeof body, "{\"resolution_id\":%s}",
                     pick(3) ? (pick(2) ? "1" : "2") : "null");
            try_update(f, &res_programs, programs[pick(PROGRAMS)], body);
        } else if (kind == 8 && store_exists(f->st, &res_tasks, task) && pick(4) == 0) {
            struct err e = {0};
            resource_delete(f->st, &res_tasks, task, &f->actor, &e);
        } else if (kind == 9 && ntasks < TASKS * 2) {
            new_task(f);
        } else if (kind == 10) {
            int expected = pick(1000);
            snprintf(body, sizeof body, "{\"expected\":%d,\"attended\":%d,\"org_id\":%lld}",
                     expected, pick(expected + 1), orgs[pick(ORGS)]);
            try_update(f, &res_disseminations, disseminations[pick(10)], body);
        } else if (kind == 11) {
            if (pick(2)) {
                snprintf(body, sizeof body, "{\"term_id\":%lld}", terms[pick(2)]);
                try_update(f, &res_resolutions, resolutions[pick(2)], body);
            } else {
                int start = 2019 + pick(3);
                snprintf(body, sizeof body, "{\"starts_year\":%d,\"ends_year\":%d}", start,
                         start + 5);
                try_update(f, &res_terms, terms[pick(2)], body);
            }
        }
        if (compare && op % 1000 == 999)
            compare_all(f);
    }
}

static void test_rollup_matches_recomputation(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    build_data(f);
    compare_all(f);
    random_writes(f, OPS, true);
    compare_all(f);
    fx_commit(f);
}

/* A bulk load (import, gen) writes with the triggers off and builds the roll-ups at the
 * end, set-based: the result must be the same, and the triggers must be back for the
 * writes that follow. Writes and moves inside the load are included. */
static void test_bulk_load_matches_recomputation(void **state)
{
    struct fx *f = *state;
    struct bulk_load bulk = {0};
    struct err e = {0};
    fx_begin(f);
    assert_int_equal(store_bulk_begin(f->st, &e), 0);
    f->actor.bulk = &bulk;
    build_data(f);
    random_writes(f, OPS / 2, false);
    if (resource_bulk_finish(f->st, &f->actor, &e) != 0)
        fail_msg("bulk finish: %s", e.message);
    f->actor.bulk = NULL;
    assert_int_equal(bulk.created[resource_index(&res_orgs)], ORGS);
    assert_true(bulk.updated[resource_index(&res_tasks)] > 0);
    /* programs changed org and resolution, tasks were deleted: the roll-ups came from the rows */
    assert_int_equal(store_bulk_times(f->st).rollups_counted, followed_writes_only);
    compare_all(f);
    random_writes(f, OPS, true);
    compare_all(f);
    /* one audit entry per resource written, with the count of its rows */
    json_t *log = store_audit_list(f->st, NULL, 0, 100, &e);
    assert_non_null(log);
    int imports = 0;
    size_t i;
    json_t *entry;
    json_array_foreach(log, i, entry)
    {
        const char *action = obj_str(entry, "action");
        if (action && !strcmp(action, "import") && !strcmp(obj_str(entry, "resource"), "tasks")) {
            imports++;
            json_t *after = json_object_get(entry, "after");
            assert_true(obj_int(after, "created") >= TASKS);
            assert_true(obj_int(after, "last_id") - obj_int(after, "first_id") + 1 >=
                        obj_int(after, "created"));
        }
    }
    json_decref(log);
    assert_int_equal(imports, 1);
    fx_commit(f);
}

static void test_bulk_load_with_sparse_program_ids(void **state)
{
    sparse_program = true;
    test_bulk_load_matches_recomputation(state);
    sparse_program = false;
}

/* The same load with only the writes the tally follows: the roll-ups are those it counted
 * while the rows were written, and they must be the same. */
static void test_bulk_load_counted_as_written(void **state)
{
    followed_writes_only = true;
    test_bulk_load_matches_recomputation(state);
    followed_writes_only = false;
}

/* Tasks loaded into programs that were there before the load: the tally never saw those
 * programs' orgs and years, so the roll-ups come from the rows. */
static void test_bulk_load_into_programs_it_did_not_see(void **state)
{
    struct fx *f = *state;
    struct bulk_load bulk = {0};
    struct err e = {0};
    fx_begin(f);
    build_data(f);
    assert_int_equal(store_bulk_begin(f->st, &e), 0);
    f->actor.bulk = &bulk;
    for (int i = 0; i < 100; i++)
        new_task(f);
    if (resource_bulk_finish(f->st, &f->actor, &e) != 0)
        fail_msg("bulk finish: %s", e.message);
    f->actor.bulk = NULL;
    assert_false(store_bulk_times(f->st).rollups_counted);
    compare_all(f);
    fx_commit(f);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rollup_matches_recomputation, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_load_matches_recomputation, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_load_with_sparse_program_ids, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_load_counted_as_written, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_load_into_programs_it_did_not_see, fx_setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
