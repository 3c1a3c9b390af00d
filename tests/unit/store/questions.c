/* Unit tests of the core questions (store/sqlite_questions.c): coverage of a resolution,
 * the roll-up of an org's subtree, an indicator rolled up by its rule, and the cascade to
 * subordinate orgs. Each test builds the few rows it needs through the one write path. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <sodium.h>

#include "../domain/fixture.h"
#include "util/period.h"

static long long org(struct fx *f, const char *name, const char *kind, long long parent)
{
    if (!parent)
        return fx_create(f, &res_orgs, "{\"name\": \"%s\", \"kind\": \"%s\"}", name, kind);
    return fx_create(f, &res_orgs, "{\"name\": \"%s\", \"kind\": \"%s\", \"parent_id\": %lld}",
                     name, kind, parent);
}

static long long term(struct fx *f, long long o, int from, int to)
{
    return fx_create(f, &res_terms, "{\"org_id\": %lld, \"starts_year\": %d, \"ends_year\": %d}", o,
                     from, to);
}

static long long resolution(struct fx *f, long long t)
{
    return fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"Nghị quyết\"}", t);
}

static long long item(struct fx *f, long long res, const char *kind, long long parent,
                      const char *text)
{
    if (!parent)
        return fx_create(f, &res_items,
                         "{\"resolution_id\": %lld, \"kind\": \"%s\", \"text\": \"%s\"}", res, kind,
                         text);
    return fx_create(f, &res_items,
                     "{\"resolution_id\": %lld, \"kind\": \"%s\", \"text\": \"%s\", "
                     "\"parent_id\": %lld}",
                     res, kind, text, parent);
}

static long long program(struct fx *f, long long o, long long res)
{
    if (!res)
        return fx_create(f, &res_programs,
                         "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": \"P\"}", o);
    return fx_create(f, &res_programs,
                     "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\", "
                     "\"resolution_id\": %lld}",
                     o, res);
}

/* The waiver is set the way POST /items/{id}/waiver sets it: straight through the store. */
static void waive(struct fx *f, long long item_id, const char *reason)
{
    json_t *change = json_pack("{s:s}", "waiver_reason", reason);
    struct err e = {0};
    if (store_update(f->st, &res_items, item_id, change, &e) != 0)
        fail_msg("waive %lld: %s", item_id, e.message);
    json_decref(change);
}

static json_t *item_of(json_t *coverage, long long id)
{
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(coverage, "items"), i,
                       it) if (obj_int(it, "id") == id) return it;
    fail_msg("item %lld is not in the coverage", id);
    return NULL;
}

static json_t *coverage(struct fx *f, long long res, long long prog)
{
    struct err e = {0};
    json_t *c = store_coverage(f->st, res, prog, &e);
    if (!c)
        fail_msg("store_coverage: %s", e.message);
    return c;
}

static void assert_real(json_t *v, double expected)
{
    if (!json_is_number(v))
        fail_msg("expected %g, got a %s", expected, json_is_null(v) ? "null" : "non-number");
    if (fabs(json_number_value(v) - expected) > 1e-9)
        fail_msg("expected %.12g, got %.12g", expected, json_number_value(v));
}

/* ---- coverage ---- */

static void test_coverage(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long p = org(f, "Tỉnh ủy", "province", 0);
    long long r = resolution(f, term(f, p, 2020, 2025));
    long long goal = item(f, r, "goal", 0, "Mục tiêu tổng quát");
    long long k1 = item(f, r, "key_task", goal, "Phát triển kinh tế");
    long long k2 = item(f, r, "key_task", goal, "Xây dựng Đảng");
    long long lone_goal = item(f, r, "goal", 0, "Mục tiêu riêng");
    long long sol = item(f, r, "solution", 0, "Giải pháp");
    long long ind = item(f, r, "indicator", 0, "Chỉ tiêu");
    long long prog = program(f, p, r);
    long long t1 = fx_create(f, &res_tasks,
                             "{\"program_id\": %lld, \"title\": \"T1\", \"lead_org_id\": %lld, "
                             "\"covers\": [%lld, %lld]}",
                             prog, p, k1, k2);
    /* A cancelled task covers nothing. */
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"T2\", \"lead_org_id\": %lld, \"covers\": "
              "[%lld], \"status\": \"cancelled\"}",
              prog, p, sol);
    waive(f, ind, "Chỉ tiêu do Trung ương theo dõi");
    fx_commit(f);

    json_t *c = coverage(f, r, prog);
    /* Counted: k1, k2, lone_goal, sol, ind (the goal with children is a heading). */
    assert_int_equal(obj_int(c, "counted"), 5);
    assert_int_equal(obj_int(c, "covered"), 3);
    assert_real(json_object_get(c, "ratio"), 0.6);
    FX_IDS(json_object_get(c, "uncovered"), lone_goal, sol);
    FX_IDS(json_object_get(c, "waived"), ind);

    json_t *g = item_of(c, goal);
    assert_true(json_is_true(json_object_get(g, "covered")));
    assert_true(json_is_false(json_object_get(g, "counted")));
    FX_IDS(json_object_get(item_of(c, k1), "task_ids"), t1);
    assert_int_equal(json_array_size(json_object_get(item_of(c, sol), "task_ids")), 0);
    assert_true(json_is_false(json_object_get(item_of(c, sol), "covered")));
    assert_true(json_is_true(json_object_get(item_of(c, ind), "covered")));
    assert_true(json_is_true(json_object_get(item_of(c, lone_goal), "counted")));
    json_decref(c);
}

/* A goal with one child uncovered is not covered; a non-goal parent is counted. */
static void test_coverage_partial_parents(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long p = org(f, "Tỉnh ủy", "province", 0);
    long long r = resolution(f, term(f, p, 2020, 2025));
    long long goal = item(f, r, "goal", 0, "Mục tiêu");
    long long a = item(f, r, "key_task", goal, "A");
    long long b = item(f, r, "key_task", goal, "B");
    long long kt = item(f, r, "key_task", 0, "Nhiệm vụ có nội dung con");
    long long s1 = item(f, r, "solution", kt, "Giải pháp 1");
    long long s2 = item(f, r, "solution", kt, "Giải pháp 2");
    long long prog = program(f, p, r);
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, \"covers\": "
              "[%lld, %lld]}",
              prog, p, a, s1);
    waive(f, s2, "Đã hoàn thành trước nhiệm kỳ");
    fx_commit(f);

    json_t *c = coverage(f, r, 0);
    assert_true(json_is_false(json_object_get(item_of(c, goal), "covered")));
    assert_true(json_is_false(json_object_get(item_of(c, goal), "counted")));
    /* kt is covered through its children (one by a task, one waived), and is counted. */
    assert_true(json_is_true(json_object_get(item_of(c, kt), "covered")));
    assert_true(json_is_true(json_object_get(item_of(c, kt), "counted")));
    FX_IDS(json_object_get(c, "uncovered"), b);
    /* Counted: a, b, kt, s1, s2; covered all but b. */
    assert_int_equal(obj_int(c, "counted"), 5);
    assert_real(json_object_get(c, "ratio"), 0.8);
    json_decref(c);
}

/* Without program_id every program implementing the resolution counts; with it, only that one. */
static void test_coverage_by_program(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long p = org(f, "Tỉnh ủy", "province", 0);
    long long d = org(f, "Huyện ủy", "district", p);
    long long r = resolution(f, term(f, p, 2020, 2025));
    long long i1 = item(f, r, "key_task", 0, "Một");
    long long i2 = item(f, r, "key_task", 0, "Hai");
    long long mine = program(f, p, r), theirs = program(f, d, r);
    long long loose = program(f, p, 0);
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, \"covers\": [%lld]}",
              mine, p, i1);
    long long t2 = fx_create(f, &res_tasks,
                             "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                             "\"covers\": [%lld]}",
                             theirs, d, i2);
    (void)loose;
    long long empty_r = resolution(f, term(f, d, 2020, 2025));
    fx_commit(f);

    json_t *c = coverage(f, r, 0);
    assert_real(json_object_get(c, "ratio"), 1.0);
    FX_IDS(json_object_get(item_of(c, i2), "task_ids"), t2);
    json_decref(c);
    c = coverage(f, r, mine);
    assert_real(json_object_get(c, "ratio"), 0.5);
    FX_IDS(json_object_get(c, "uncovered"), i2);
    json_decref(c);
    c = coverage(f, empty_r, 0);
    assert_true(json_is_null(json_object_get(c, "ratio")));
    assert_int_equal(json_array_size(json_object_get(c, "items")), 0);
    json_decref(c);
}

/* ---- roll-up of an org's subtree ---- */

struct rollup_world {
    long long a, b, c, body, pa, pb;
    int today;
};

/* a (province) → b (district) → c (grassroots); a → body. pb (org b, no resolution) holds
 * six tasks of every status; pa (org a, resolution of the 2020 term) holds two led by c. */
static struct rollup_world make_rollup_world(struct fx *f)
{
    struct rollup_world w;
    w.today = date_from_civil(2021, 7, 1);
    w.a = org(f, "Tỉnh ủy", "province", 0);
    w.b = org(f, "Huyện ủy", "district", w.a);
    w.c = org(f, "Đảng ủy xã", "grassroots", w.b);
    w.body = org(f, "Văn phòng Tỉnh ủy", "body", w.a);
    w.pb = program(f, w.b, 0);
    w.pa = program(f, w.a, resolution(f, term(f, w.a, 2020, 2025)));
    const char *pb_tasks[] = {
        "\"status\": \"not_started\", \"due_on\": \"2021-06-30\"",                   /* overdue */
        "\"status\": \"in_progress\", \"due_on\": \"2021-07-01\", \"progress\": 50", /* today */
        "\"status\": \"done\", \"due_on\": \"2021-01-01\", \"progress\": 100",
        "\"status\": \"cancelled\", \"due_on\": \"2021-01-01\", \"progress\": 10",
        "\"status\": \"not_started\", \"period\": \"2021-Q1\"", /* overdue */
        "\"status\": \"in_progress\", \"progress\": 30",
    };
    for (size_t i = 0; i < sizeof pb_tasks / sizeof pb_tasks[0]; i++)
        fx_create(f, &res_tasks,
                  "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, %s}", w.pb,
                  i % 2 ? w.c : w.b, pb_tasks[i]);
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"U\", \"lead_org_id\": %lld, \"status\": "
              "\"in_progress\", \"progress\": 80, \"period\": \"2021\"}",
              w.pa, w.c);
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"V\", \"lead_org_id\": %lld, \"status\": "
              "\"done\", \"progress\": 100, \"period\": \"2021-H1\"}",
              w.pa, w.c);
    return w;
}

static json_t *rollup(struct fx *f, long long o, int term_year, bool by_lead, int today)
{
    struct err e = {0};
    json_t *r = store_rollup(f->st, o, term_year, by_lead, today, &e);
    if (!r)
        fail_msg("store_rollup: %s", e.message);
    return r;
}

static void assert_tasks(json_t *r, long long total, long long not_started, long long in_progress,
                         long long done, long long cancelled, long long overdue)
{
    json_t *t = json_object_get(r, "tasks");
    assert_int_equal(obj_int(t, "total"), total);
    assert_int_equal(obj_int(t, "not_started"), not_started);
    assert_int_equal(obj_int(t, "in_progress"), in_progress);
    assert_int_equal(obj_int(t, "done"), done);
    assert_int_equal(obj_int(t, "cancelled"), cancelled);
    assert_int_equal(obj_int(t, "overdue"), overdue);
}

static void test_rollup_totals(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct rollup_world w = make_rollup_world(f);
    fx_commit(f);

    json_t *r = rollup(f, w.a, 0, false, w.today);
    assert_tasks(r, 8, 2, 3, 2, 1, 2);
    /* Mean progress of the 7 tasks not cancelled, no progress counting as 0:
     * 0 + 50 + 100 + 0 + 30 + 80 + 100 = 360. */
    assert_real(json_object_get(r, "progress"), 360.0 / 7);
    assert_int_equal(obj_int(r, "orgs"), 4); /* bodies included */
    json_decref(r);

    r = rollup(f, w.b, 0, false, w.today);
    assert_tasks(r, 6, 2, 2, 1, 1, 2);
    assert_real(json_object_get(r, "progress"), 180.0 / 5);
    assert_int_equal(obj_int(r, "orgs"), 2);
    json_decref(r);

    /* Nothing counts: progress is null. */
    r = rollup(f, w.c, 0, false, w.today);
    assert_tasks(r, 0, 0, 0, 0, 0, 0);
    assert_true(json_is_null(json_object_get(r, "progress")));
    assert_int_equal(obj_int(r, "orgs"), 1);
    json_decref(r);
}

static void test_rollup_overdue_follows_today(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct rollup_world w = make_rollup_world(f);
    fx_commit(f);
    struct {
        int y, m, d;
        long long overdue;
    } days[] = {
        {2021, 3, 31, 0}, /* the Q1 task is due today: not overdue */
        {2021, 4, 1, 1},  /* the Q1 task */
        {2021, 7, 2, 3},  /* and the 30 June and 1 July ones */
        {2022, 1, 1, 4},  /* and pa's task of 2021 */
    };
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        json_t *r = rollup(f, w.a, 0, false, date_from_civil(days[i].y, days[i].m, days[i].d));
        long long got = obj_int(json_object_get(r, "tasks"), "overdue");
        json_decref(r);
        if (got != days[i].overdue)
            fail_msg("overdue on %04d-%02d-%02d: %lld, expected %lld", days[i].y, days[i].m,
                     days[i].d, got, days[i].overdue);
    }
}

static void test_rollup_by_lead_and_term(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct rollup_world w = make_rollup_world(f);
    fx_commit(f);

    /* By lead: c leads three of pb's tasks and both of pa's. */
    json_t *r = rollup(f, w.c, 0, true, w.today);
    assert_tasks(r, 5, 0, 3, 1, 1, 0);
    json_decref(r);
    r = rollup(f, w.b, 0, true, w.today);
    assert_tasks(r, 8, 2, 3, 2, 1, 2);
    json_decref(r);
    r = rollup(f, w.b, 0, false, w.today);
    assert_int_equal(obj_int(json_object_get(r, "tasks"), "total"), 6);
    json_decref(r);

    /* term_year keeps programs whose resolution belongs to a term starting that year. */
    r = rollup(f, w.a, 2020, false, w.today);
    assert_tasks(r, 2, 0, 1, 1, 0, 0);
    assert_real(json_object_get(r, "progress"), 90.0);
    json_decref(r);
    r = rollup(f, w.a, 2015, false, w.today);
    assert_tasks(r, 0, 0, 0, 0, 0, 0);
    assert_true(json_is_null(json_object_get(r, "progress")));
    json_decref(r);

    struct err e = {0};
    assert_null(store_rollup(f->st, 9999, 0, false, w.today, &e));
    assert_string_equal(err_name(e.code), "not_found");
}

/* A task update moves the roll-up: it reads the task's stored status and progress. */
static void test_rollup_follows_task_updates(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = org(f, "Tỉnh ủy", "province", 0);
    long long prog = program(f, a, 0);
    long long t = fx_create(f, &res_tasks,
                            "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                            "\"due_on\": \"2021-01-31\"}",
                            prog, a);
    fx_commit(f);
    int today = date_from_civil(2021, 3, 1);
    json_t *r = rollup(f, a, 0, false, today);
    assert_tasks(r, 1, 1, 0, 0, 0, 1);
    assert_real(json_object_get(r, "progress"), 0);
    json_decref(r);
    fx_begin(f);
    fx_create(f, &res_task_updates, "{\"task_id\": %lld, \"progress\": 100, \"status\": \"done\"}",
              t);
    fx_commit(f);
    r = rollup(f, a, 0, false, today);
    assert_tasks(r, 1, 0, 0, 1, 0, 0);
    assert_real(json_object_get(r, "progress"), 100);
    json_decref(r);
}

/* Dissemination attendance and programs roll up too, and obey term_year. */
static void test_rollup_dissemination_and_programs(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = org(f, "Tỉnh ủy", "province", 0);
    long long b = org(f, "Huyện ủy", "district", a);
    long long c = org(f, "Xã", "grassroots", b);
    long long r = resolution(f, term(f, a, 2020, 2025));
    long long r_old = resolution(f, term(f, a, 2015, 2020));
    const char *fmt = "{\"org_id\": %lld, \"resolution_id\": %lld, \"held_on\": \"2020-08-01\", "
                      "\"expected\": %d, \"attended\": %d}";
    fx_create(f, &res_disseminations, fmt, a, r, 100, 90);
    fx_create(f, &res_disseminations, fmt, b, r, 50, 40);
    fx_create(f, &res_disseminations, fmt, a, r_old, 10, 0);
    fx_create(f, &res_programs,
              "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\", "
              "\"resolution_id\": %lld, \"status\": \"adopted\", \"adopted_on\": \"2020-08-01\"}",
              b, r);
    program(f, a, r);
    program(f, a, 0);
    fx_commit(f);
    fx_begin(f);
    fx_create_fails(f, &res_disseminations, E_INVALID_FIELD, "attended", fmt, b, r, 5, 6);
    store_rollback(f->st);

    int today = date_from_civil(2021, 1, 1);
    json_t *roll = rollup(f, a, 0, false, today);
    json_t *d = json_object_get(roll, "dissemination");
    assert_int_equal(obj_int(d, "expected"), 160);
    assert_int_equal(obj_int(d, "attended"), 130);
    assert_real(json_object_get(d, "rate"), 130.0 / 160);
    json_t *p = json_object_get(roll, "programs");
    assert_int_equal(obj_int(p, "total"), 3);
    assert_int_equal(obj_int(p, "adopted"), 1);
    json_decref(roll);

    roll = rollup(f, a, 2020, false, today);
    d = json_object_get(roll, "dissemination");
    assert_int_equal(obj_int(d, "expected"), 150);
    assert_int_equal(obj_int(d, "attended"), 130);
    assert_int_equal(obj_int(json_object_get(roll, "programs"), "total"), 2);
    json_decref(roll);

    roll = rollup(f, c, 0, false, today);
    d = json_object_get(roll, "dissemination");
    assert_int_equal(obj_int(d, "expected"), 0);
    assert_true(json_is_null(json_object_get(d, "rate")));
    json_decref(roll);
}

/* ---- indicator roll-up ---- */

struct ind_world {
    long long a, b1, b2, c1, body, res;
};

/* a (province) → b1, b2 (district); b1 → c1 (grassroots); a → body. */
static struct ind_world make_ind_world(struct fx *f)
{
    struct ind_world w;
    w.a = org(f, "Tỉnh ủy", "province", 0);
    w.b1 = org(f, "Huyện ủy 1", "district", w.a);
    w.b2 = org(f, "Huyện ủy 2", "district", w.a);
    w.c1 = org(f, "Đảng ủy xã", "grassroots", w.b1);
    w.body = org(f, "Ban Tuyên giáo", "body", w.a);
    w.res = resolution(f, term(f, w.a, 2020, 2025));
    return w;
}

__attribute__((format(printf, 3, 4))) static long long indicator(struct fx *f, long long res,
                                                                 const char *fmt, ...)
{
    char extra[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(extra, sizeof extra, fmt, ap);
    va_end(ap);
    return fx_create(
        f, &res_items,
        "{\"resolution_id\": %lld, \"kind\": \"indicator\", \"text\": \"Chỉ tiêu\"%s%s}", res,
        *extra ? ", " : "", extra);
}

static long long value(struct fx *f, long long ind, long long o, const char *period, double v,
                       const char *status)
{
    return fx_create(f, &res_indicator_values,
                     "{\"item_id\": %lld, \"org_id\": %lld, \"period\": \"%s\", \"value\": %.17g, "
                     "\"status\": \"%s\"}",
                     ind, o, period, v, status);
}

static json_t *ind_rollup(struct fx *f, long long ind, long long o, const char *period,
                          bool approved)
{
    struct err e = {0};
    json_t *r = store_indicator_rollup(f->st, ind, o, period, approved, &e);
    if (!r)
        fail_msg("store_indicator_rollup: %s", e.message);
    return r;
}

/* Values 2021: b1 7 then corrected to 10, b2 20, c1 5; a value of 2022 that must not count. */
static void put_values(struct fx *f, const struct ind_world *w, long long ind)
{
    value(f, ind, w->b1, "2021", 7, "draft");
    value(f, ind, w->b2, "2021", 20, "draft");
    value(f, ind, w->c1, "2021", 5, "draft");
    value(f, ind, w->b1, "2021", 10, "draft");
    value(f, ind, w->b2, "2022", 1000, "draft");
}

static void assert_rule(struct fx *f, const struct ind_world *w, const char *rule_json,
                        long long at, double expected)
{
    long long ind = indicator(f, w->res, "%s", rule_json);
    put_values(f, w, ind);
    json_t *r = ind_rollup(f, ind, at, "2021", false);
    json_t *v = json_object_get(r, "value");
    if (!json_is_number(v) || fabs(json_number_value(v) - expected) > 1e-9)
        fail_msg("rule %s at org %lld: value %g, expected %g", rule_json, at,
                 json_is_number(v) ? json_number_value(v) : NAN, expected);
    json_decref(r);
}

static void test_indicator_rules(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    /* The latest value per org wins: b1 counts 10, not 7 nor 17. */
    assert_rule(f, &w, "\"rollup\": \"sum\"", w.a, 35);
    assert_rule(f, &w, "\"rollup\": \"sum\"", w.b1, 15);
    assert_rule(f, &w, "", w.a, 35); /* sum by default */
    assert_rule(f, &w, "\"rollup\": \"mean\"", w.a, 35.0 / 3);
    assert_rule(f, &w, "\"rollup\": \"min\"", w.a, 5);
    assert_rule(f, &w, "\"rollup\": \"max\"", w.a, 20);
    assert_rule(f, &w, "\"rollup\": \"max\"", w.b1, 10);
    assert_rule(f, &w, "\"rollup\": \"count_meeting\", \"threshold\": 8", w.a, 2);
    assert_rule(f, &w, "\"rollup\": \"count_meeting\", \"threshold\": 10", w.a, 2);
    assert_rule(f, &w, "\"rollup\": \"count_meeting\", \"threshold\": 8, \"direction\": \"lower\"",
                w.a, 1);
    assert_rule(f, &w, "\"rollup\": \"count_meeting\", \"threshold\": 20, \"direction\": \"exact\"",
                w.a, 1);
    /* Not aggregable: only the asked org's own figure. */
    assert_rule(f, &w, "\"rollup\": \"none\"", w.b1, 10);
    fx_commit(f);
}

static void test_indicator_none_and_empty(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    long long ind = indicator(f, w.res, "\"rollup\": \"none\"");
    put_values(f, &w, ind);
    fx_commit(f);
    /* a reported nothing itself. */
    json_t *r = ind_rollup(f, ind, w.a, "2021", false);
    assert_true(json_is_null(json_object_get(r, "value")));
    json_decref(r);
    /* Nothing reported at all for a period. */
    r = ind_rollup(f, ind, w.a, "2023", false);
    assert_true(json_is_null(json_object_get(r, "value")));
    assert_int_equal(obj_int(r, "orgs_reporting"), 0);
    assert_true(json_is_null(json_object_get(r, "achieved_ratio")));
    json_decref(r);
}

static void test_indicator_weighted_mean(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    long long weight = indicator(f, w.res, "\"unit\": \"người\"");
    long long rate = indicator(f, w.res,
                               "\"unit\": \"%%\", \"rollup\": \"weighted_mean\", "
                               "\"weight_item_id\": %lld",
                               weight);
    value(f, rate, w.b1, "2021", 50, "draft");
    value(f, rate, w.b2, "2021", 100, "draft");
    value(f, weight, w.b1, "2021", 1, "draft");
    value(f, weight, w.b2, "2021", 2, "draft");
    value(f, weight, w.b2, "2021", 3, "draft"); /* the correction counts */
    /* A rate without a weight does not count. */
    value(f, rate, w.c1, "2021", 0, "draft");
    fx_commit(f);
    json_t *r = ind_rollup(f, rate, w.a, "2021", false);
    assert_real(json_object_get(r, "value"), (50.0 * 1 + 100.0 * 3) / 4);
    json_decref(r);
    /* weighted_mean needs its weight indicator. */
    fx_begin(f);
    fx_create_fails(f, &res_items, E_INVALID_FIELD, "weight_item_id",
                    "{\"resolution_id\": %lld, \"kind\": \"indicator\", \"text\": \"X\", "
                    "\"rollup\": \"weighted_mean\"}",
                    w.res);
    store_rollback(f->st);
}

static void test_indicator_approved_only(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    long long ind = indicator(f, w.res, "\"rollup\": \"sum\"");
    value(f, ind, w.b1, "2021", 10, "approved");
    value(f, ind, w.b1, "2021", 12, "draft"); /* a later draft correction */
    value(f, ind, w.b2, "2021", 20, "submitted");
    long long c1v = value(f, ind, w.c1, "2021", 3, "draft");
    fx_commit(f);
    json_t *r = ind_rollup(f, ind, w.a, "2021", false);
    assert_real(json_object_get(r, "value"), 35);
    assert_int_equal(obj_int(r, "orgs_reporting"), 3);
    json_decref(r);
    r = ind_rollup(f, ind, w.a, "2021", true);
    assert_real(json_object_get(r, "value"), 10);
    assert_int_equal(obj_int(r, "orgs_reporting"), 1);
    json_decref(r);
    /* Correcting a value in place also counts. */
    fx_begin(f);
    json_decref(fx_update(f, &res_indicator_values, c1v, "{\"value\": 8}"));
    fx_commit(f);
    r = ind_rollup(f, ind, w.a, "2021", false);
    assert_real(json_object_get(r, "value"), 40);
    json_decref(r);
}

static void test_indicator_ratio_and_expected(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    long long higher = indicator(f, w.res,
                                 "\"direction\": \"higher\", \"baseline\": 10, "
                                 "\"target\": 60");
    long long lower = indicator(f, w.res,
                                "\"direction\": \"lower\", \"baseline\": 100, "
                                "\"target\": 50");
    long long exact = indicator(f, w.res, "\"direction\": \"exact\", \"target\": 40");
    long long untargeted = indicator(f, w.res, "\"direction\": \"higher\"");
    long long districts = indicator(f, w.res, "\"reported_by_kinds\": [\"district\"]");
    value(f, higher, w.b1, "2021", 35, "draft");
    value(f, lower, w.b1, "2021", 75, "draft");
    value(f, exact, w.b1, "2021", 35, "draft");
    value(f, untargeted, w.b1, "2021", 35, "draft");
    value(f, districts, w.b1, "2021", 1, "draft");
    fx_commit(f);

    json_t *r = ind_rollup(f, higher, w.a, "2021", false);
    assert_real(json_object_get(r, "achieved_ratio"), 0.5);
    assert_real(json_object_get(r, "target"), 60);
    assert_real(json_object_get(r, "baseline"), 10);
    /* Every non-body org of the subtree is expected by default: a, b1, b2, c1. */
    assert_int_equal(obj_int(r, "orgs_expected"), 4);
    assert_int_equal(obj_int(r, "orgs_reporting"), 1);
    json_decref(r);
    r = ind_rollup(f, lower, w.a, "2021", false);
    assert_real(json_object_get(r, "achieved_ratio"), 0.5);
    json_decref(r);
    r = ind_rollup(f, exact, w.a, "2021", false);
    assert_real(json_object_get(r, "achieved_ratio"), 1 - 5.0 / 40);
    json_decref(r);
    r = ind_rollup(f, untargeted, w.a, "2021", false);
    assert_true(json_is_null(json_object_get(r, "achieved_ratio")));
    json_decref(r);
    r = ind_rollup(f, districts, w.a, "2021", false);
    assert_int_equal(obj_int(r, "orgs_expected"), 2);
    json_decref(r);
    r = ind_rollup(f, districts, w.b1, "2021", false);
    assert_int_equal(obj_int(r, "orgs_expected"), 1);
    json_decref(r);

    /* The org asked about may be above the resolution's org. */
    fx_begin(f);
    long long res_b1 = resolution(f, term(f, w.b1, 2020, 2025));
    long long own = indicator(f, res_b1, "\"rollup\": \"sum\"");
    value(f, own, w.c1, "2021", 4, "draft");
    fx_commit(f);
    r = ind_rollup(f, own, w.a, "2021", false);
    assert_real(json_object_get(r, "value"), 4);
    json_decref(r);

    struct err e = {0};
    assert_null(store_indicator_rollup(f->st, 4242, w.a, "2021", false, &e));
    assert_string_equal(err_name(e.code), "not_found");
}

/* A period's value from the periods within it: a flow sums them, a stock takes the last, a
 * rate their mean; a value for the period itself wins, and corrections replace. */
static void test_indicator_sub_periods(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    long long flow = indicator(f, w.res, "\"nature\": \"flow\", \"unit\": \"tỷ đồng\"");
    long long stock = indicator(f, w.res, "\"nature\": \"stock\", \"unit\": \"người\"");
    long long rate = indicator(f, w.res, "\"unit\": \"%%\", \"rollup\": \"mean\"");
    long long ids[] = {flow, stock, rate};
    for (size_t i = 0; i < 3; i++) {
        value(f, ids[i], w.b1, "2021-Q1", 10, "draft");
        value(f, ids[i], w.b1, "2021-Q3", 30, "draft");
        value(f, ids[i], w.b1, "2021-Q2", 99, "draft");
        value(f, ids[i], w.b1, "2021-Q2", 20, "draft"); /* corrects the 99 */
        value(f, ids[i], w.b2, "2021", 7, "draft");
        value(f, ids[i], w.b2, "2021-Q4", 1000, "draft"); /* the year's own value wins */
    }
    fx_commit(f);
    json_t *r = ind_rollup(f, flow, w.b1, "2021", false);
    assert_real(json_object_get(r, "value"), 60);
    json_decref(r);
    r = ind_rollup(f, stock, w.b1, "2021", false);
    assert_real(json_object_get(r, "value"), 30);
    json_decref(r);
    r = ind_rollup(f, rate, w.b1, "2021", false);
    assert_real(json_object_get(r, "value"), 20);
    json_decref(r);
    r = ind_rollup(f, flow, w.b1, "2021-H1", false);
    assert_real(json_object_get(r, "value"), 30);
    json_decref(r);
    r = ind_rollup(f, flow, w.b1, "2021-Q2", false);
    assert_real(json_object_get(r, "value"), 20);
    json_decref(r);
    /* Across orgs: b1's 60 and b2's own 7. */
    r = ind_rollup(f, flow, w.a, "2021", false);
    assert_real(json_object_get(r, "value"), 67);
    assert_int_equal(obj_int(r, "orgs_reporting"), 2);
    json_decref(r);
}

/* A period that is not a period code is an error the caller can show. */
static void test_indicator_bad_period(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct ind_world w = make_ind_world(f);
    long long ind = indicator(f, w.res, "\"rollup\": \"sum\"");
    fx_commit(f);
    struct err e = {0};
    json_t *r = store_indicator_rollup(f->st, ind, w.a, "Quý 9/2021", false, &e);
    if (r) {
        json_decref(r);
        fail_msg("a roll-up for period \"Quý 9/2021\" was answered");
    }
    if (!err_is_set(&e))
        fail_msg("store_indicator_rollup returned NULL for a bad period without filling the "
                 "error (code %s)",
                 err_name(e.code));
}

/* ---- cascade ---- */

static json_t *row_of(json_t *cascade, long long org_id)
{
    size_t i;
    json_t *row;
    json_array_foreach(json_object_get(cascade, "items"), i,
                       row) if (obj_int(row, "org_id") == org_id) return row;
    return NULL;
}

static void test_cascade(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = org(f, "Tỉnh ủy", "province", 0);
    long long b1 = org(f, "Huyện ủy 1", "district", a);
    long long b2 = org(f, "Huyện ủy 2", "district", a);
    long long b3 = org(f, "Huyện ủy 3", "district", a);
    long long body = org(f, "Văn phòng", "body", a);
    long long grandchild = org(f, "Xã", "grassroots", b1);
    long long t = fx_create(f, &res_terms,
                            "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025, "
                            "\"congress\": {\"held_to\": \"2020-07-10\", \"status\": \"held\"}}",
                            a);
    long long r = resolution(f, t);
    /* b1 held its own congress earlier. */
    fx_create(f, &res_terms,
              "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025, \"congress\": "
              "{\"held_to\": \"2020-06-30\"}}",
              b1);
    long long pa = program(f, a, r);
    fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"1\", \"lead_org_id\": %lld}", pa,
              b1);
    long long t2 = fx_create(
        f, &res_tasks, "{\"program_id\": %lld, \"title\": \"2\", \"lead_org_id\": %lld}", pa, b2);
    fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"3\", \"lead_org_id\": %lld}", pa,
              b3);
    /* b1: a draft, then two adopted programs; the earliest adopted is the answer. */
    program(f, b1, r);
    long long late = fx_create(f, &res_programs,
                               "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": "
                               "\"Muộn\", \"resolution_id\": %lld, \"status\": \"adopted\", "
                               "\"adopted_on\": \"2020-09-01\"}",
                               b1, r);
    long long early = fx_create(f, &res_programs,
                                "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": "
                                "\"Sớm\", \"resolution_id\": %lld, \"status\": \"adopted\", "
                                "\"adopted_on\": \"2020-08-09\"}",
                                b1, r);
    (void)late;
    /* b2: a draft plan cascading from the task it was given, with no resolution of its own. */
    long long plan = fx_create(f, &res_programs,
                               "{\"org_id\": %lld, \"kind\": \"implementation_plan\", \"title\": "
                               "\"Kế hoạch\", \"parent_task_id\": %lld}",
                               b2, t2);
    /* The body has a program too, but bodies are not subordinates. */
    program(f, body, r);
    (void)grandchild;
    fx_commit(f);

    struct err e = {0};
    json_t *c = store_cascade(f->st, a, r, &e);
    assert_non_null(c);
    json_t *items = json_object_get(c, "items");
    assert_int_equal(json_array_size(items), 3);
    assert_null(row_of(c, body));
    assert_null(row_of(c, grandchild));

    json_t *row = row_of(c, b1);
    assert_non_null(row);
    assert_int_equal(obj_int(row, "program_id"), early);
    assert_string_equal(obj_str(row, "status"), "adopted");
    assert_string_equal(obj_str(row, "adopted_on"), "2020-08-09");
    /* From its own congress (30 June), not the province's (10 July). */
    assert_int_equal(obj_int(row, "days_after_congress"), 40);

    row = row_of(c, b2);
    assert_non_null(row);
    assert_int_equal(obj_int(row, "program_id"), plan);
    assert_string_equal(obj_str(row, "status"), "draft");
    assert_true(json_is_null(json_object_get(row, "adopted_on")));
    assert_true(json_is_null(json_object_get(row, "days_after_congress")));
    assert_int_equal(obj_int(row, "tasks_without_plan"), 0);

    row = row_of(c, b3);
    assert_non_null(row);
    assert_true(json_is_null(json_object_get(row, "program_id")));
    assert_string_equal(obj_str(row, "status"), "missing");
    assert_true(json_is_null(json_object_get(row, "adopted_on")));
    assert_int_equal(obj_int(row, "tasks_without_plan"), 1);
    json_decref(c);

    /* Adopting b2's plan; b3 adopts one with the parent's congress as the reference. */
    fx_begin(f);
    json_decref(fx_update(f, &res_programs, plan,
                          "{\"status\": \"adopted\", \"adopted_on\": \"2020-08-01\"}"));
    fx_create(f, &res_programs,
              "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\", "
              "\"resolution_id\": %lld, \"status\": \"adopted\", \"adopted_on\": \"2020-07-20\"}",
              b3, r);
    fx_commit(f);
    c = store_cascade(f->st, a, r, &e);
    row = row_of(c, b2);
    assert_string_equal(obj_str(row, "status"), "adopted");
    assert_int_equal(obj_int(row, "days_after_congress"), 22);
    row = row_of(c, b3);
    assert_string_equal(obj_str(row, "status"), "adopted");
    assert_int_equal(obj_int(row, "days_after_congress"), 10);
    json_decref(c);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_coverage, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_coverage_partial_parents, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_coverage_by_program, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rollup_totals, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rollup_overdue_follows_today, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rollup_by_lead_and_term, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rollup_follows_task_updates, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rollup_dissemination_and_programs, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_rules, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_none_and_empty, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_weighted_mean, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_approved_only, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_ratio_and_expected, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_sub_periods, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_indicator_bad_period, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_cascade, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
