/* Unit tests of domain/task and domain/task_update: the lead inside the program org's subtree,
 * covered items of the program's own resolution, the effective due date, the derived
 * `overdue`, and updates that set a task's status and progress. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "fixture.h"
#include "util/period.h"

/* Province → district d1 → grassroots g; province → district d2. The province's term
 * 2020–2025 has two resolutions, r1 and r2, each with one item; program `prog` of d1
 * implements r1; `old_prog` of d1 implements a resolution of the past term 2010–2015;
 * `loose` of d1 implements nothing. */
struct world {
    long long p, d1, g, d2;
    long long term, r1, r2, i1, i1b, i2;
    long long prog, old_prog, loose;
};

static struct world make_world(struct fx *f)
{
    struct world w;
    w.p = fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy Quảng Ninh\", \"kind\": \"province\"}");
    w.d1 = fx_create(f, &res_orgs,
                     "{\"name\": \"Thành ủy Móng Cái\", \"kind\": \"district\", "
                     "\"parent_id\": %lld}",
                     w.p);
    w.g = fx_create(f, &res_orgs,
                    "{\"name\": \"Đảng ủy phường Ka Long\", \"kind\": \"grassroots\", "
                    "\"parent_id\": %lld}",
                    w.d1);
    w.d2 = fx_create(f, &res_orgs,
                     "{\"name\": \"Huyện ủy Hải Hà\", \"kind\": \"district\", \"parent_id\": %lld}",
                     w.p);
    w.term = fx_create(f, &res_terms,
                       "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025}", w.p);
    long long old_term = fx_create(
        f, &res_terms, "{\"org_id\": %lld, \"starts_year\": 2010, \"ends_year\": 2015}", w.p);
    w.r1 =
        fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"Nghị quyết 1\"}", w.term);
    w.r2 =
        fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"Nghị quyết 2\"}", w.term);
    long long r_old = fx_create(f, &res_resolutions,
                                "{\"term_id\": %lld, \"title\": \"Nghị quyết cũ\"}", old_term);
    w.i1 = fx_create(f, &res_items,
                     "{\"resolution_id\": %lld, \"kind\": \"key_task\", \"text\": \"Phát triển "
                     "kinh tế cửa khẩu\"}",
                     w.r1);
    w.i1b = fx_create(f, &res_items,
                      "{\"resolution_id\": %lld, \"kind\": \"solution\", \"text\": \"Cải cách "
                      "hành chính\"}",
                      w.r1);
    w.i2 = fx_create(f, &res_items,
                     "{\"resolution_id\": %lld, \"kind\": \"goal\", \"text\": \"Xây dựng Đảng\"}",
                     w.r2);
    w.prog = fx_create(f, &res_programs,
                       "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"Chương "
                       "trình hành động\", \"resolution_id\": %lld}",
                       w.d1, w.r1);
    w.old_prog = fx_create(f, &res_programs,
                           "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"Chương "
                           "trình cũ\", \"resolution_id\": %lld}",
                           w.d1, r_old);
    w.loose = fx_create(f, &res_programs,
                        "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": \"Chương "
                        "trình làm việc\"}",
                        w.d1);
    return w;
}

static int ymd(int y, int m, int d)
{
    return date_from_civil(y, m, d);
}

static const char *iso(int day, char buf[16])
{
    return date_format_iso(day, buf, 16);
}

/* ---- the lead ---- */

static void test_lead_within_program_org(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    /* The program's own org and one below it may lead. */
    long long t1 =
        fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"A\", \"lead_org_id\": %lld}",
                  w.prog, w.d1);
    long long t2 =
        fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"B\", \"lead_org_id\": %lld}",
                  w.prog, w.g);
    assert_true(t1 > 0 && t2 > 0);
    fx_commit(f);

    /* A sibling district and the parent province may not. */
    long long bad[] = {w.d2, w.p};
    for (size_t i = 0; i < 2; i++) {
        fx_begin(f);
        fx_create_fails(f, &res_tasks, E_CONFLICT, "lead_org_id",
                        "{\"program_id\": %lld, \"title\": \"C\", \"lead_org_id\": %lld}", w.prog,
                        bad[i]);
        store_rollback(f->st);
    }
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM tasks"), 2);

    /* Changing the lead is checked too. */
    fx_begin(f);
    fx_update_fails(f, &res_tasks, t2, E_CONFLICT, "lead_org_id", "{\"lead_org_id\": %lld}", w.d2);
    store_rollback(f->st);
    assert_int_equal(fx_get_int(f, &res_tasks, t2, "lead_org_id"), w.g);

    /* An unknown lead is an invalid field, not a conflict. */
    fx_begin(f);
    fx_create_fails(f, &res_tasks, E_INVALID_FIELD, "lead_org_id",
                    "{\"program_id\": %lld, \"title\": \"C\", \"lead_org_id\": 777}", w.prog);
    store_rollback(f->st);
}

/* "Moving an org never fails because of tasks": the lead may leave the subtree by a move. */
static void test_moving_the_lead_org_never_fails(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    long long t =
        fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"A\", \"lead_org_id\": %lld}",
                  w.prog, w.g);
    json_decref(fx_update(f, &res_orgs, w.g, "{\"parent_id\": %lld}", w.d2));
    /* And the task can still be edited as long as its lead does not change. */
    json_t *o = fx_update(f, &res_tasks, t, "{\"title\": \"A sửa\"}");
    assert_string_equal(obj_str(o, "title"), "A sửa");
    json_decref(o);
    fx_commit(f);
}

/* ---- covered items ---- */

static void test_covers_own_resolution_only(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    json_t *o = fx_create_obj(f, &res_tasks,
                              "{\"program_id\": %lld, \"title\": \"A\", \"lead_org_id\": %lld, "
                              "\"covers\": [%lld, %lld]}",
                              w.prog, w.d1, w.i1, w.i1b);
    FX_IDS(json_object_get(o, "covers"), w.i1, w.i1b);
    long long t = obj_int(o, "id");
    json_decref(o);
    fx_commit(f);

    fx_begin(f);
    struct err e = fx_create_fails(f, &res_tasks, E_CONFLICT, "covers[1]",
                                   "{\"program_id\": %lld, \"title\": \"B\", \"lead_org_id\": "
                                   "%lld, \"covers\": [%lld, %lld]}",
                                   w.prog, w.d1, w.i1, w.i2);
    assert_non_null(strstr(e.message, "resolution"));
    store_rollback(f->st);

    fx_begin(f);
    fx_update_fails(f, &res_tasks, t, E_CONFLICT, "covers[0]", "{\"covers\": [%lld]}", w.i2);
    store_rollback(f->st);
    o = fx_get(f, &res_tasks, t);
    FX_IDS(json_object_get(o, "covers"), w.i1, w.i1b);
    json_decref(o);

    /* An unknown item is an invalid field. */
    fx_begin(f);
    fx_update_fails(f, &res_tasks, t, E_INVALID_FIELD, "covers[0]", "{\"covers\": [4242]}");
    store_rollback(f->st);

    /* A new list replaces the old one, whether it keeps some of its items or none. */
    fx_begin(f);
    json_decref(fx_update(f, &res_tasks, t, "{\"covers\": [%lld]}", w.i1b));
    o = fx_get(f, &res_tasks, t);
    FX_IDS(json_object_get(o, "covers"), w.i1b);
    json_decref(o);
    json_decref(fx_update(f, &res_tasks, t, "{\"covers\": [%lld]}", w.i1));
    o = fx_get(f, &res_tasks, t);
    FX_IDS(json_object_get(o, "covers"), w.i1);
    json_decref(o);
    fx_commit(f);
}

/* ---- the effective due date ---- */

static void assert_due(struct fx *f, const char *json, int expected)
{
    json_t *task = fx_json("%s", json);
    int got = task_due_day(f->st, task);
    char a[16], b[16];
    if (got != expected)
        fail_msg("task_due_day(%s) = %d (%s), expected %d (%s)", json, got,
                 got >= 0 ? iso(got, a) : "none", expected,
                 expected >= 0 ? iso(expected, b) : "none");
    json_decref(task);
}

static void test_due_day_of_periods(void **state)
{
    struct fx *f = *state;
    assert_due(f, "{\"due_on\": \"2021-03-15\"}", ymd(2021, 3, 15));
    assert_due(f, "{\"period\": \"2021\"}", ymd(2021, 12, 31));
    assert_due(f, "{\"period\": \"2021-H1\"}", ymd(2021, 6, 30));
    assert_due(f, "{\"period\": \"2021-H2\"}", ymd(2021, 12, 31));
    assert_due(f, "{\"period\": \"2021-Q1\"}", ymd(2021, 3, 31));
    assert_due(f, "{\"period\": \"2021-Q2\"}", ymd(2021, 6, 30));
    assert_due(f, "{\"period\": \"2021-Q4\"}", ymd(2021, 12, 31));
    assert_due(f, "{\"period\": \"2021-06\"}", ymd(2021, 6, 30));
    assert_due(f, "{\"period\": \"2021-02\"}", ymd(2021, 2, 28));
    assert_due(f, "{\"period\": \"2024-02\"}", ymd(2024, 2, 29));
    /* A date wins over a period. */
    assert_due(f, "{\"due_on\": \"2021-01-10\", \"period\": \"2021\"}", ymd(2021, 1, 10));
    /* No time frame: no due date. */
    assert_due(f, "{}", -1);
    assert_due(f, "{\"due_on\": null, \"period\": null}", -1);
}

static void test_due_day_of_term(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    fx_commit(f);
    char json[128];
    snprintf(json, sizeof json, "{\"period\": \"term\", \"program_id\": %lld}", w.prog);
    assert_due(f, json, ymd(2025, 12, 31));
    snprintf(json, sizeof json, "{\"period\": \"term\", \"program_id\": %lld}", w.old_prog);
    assert_due(f, json, ymd(2015, 12, 31));
    /* A program that implements no resolution has no term to end. */
    snprintf(json, sizeof json, "{\"period\": \"term\", \"program_id\": %lld}", w.loose);
    assert_due(f, json, -1);

    /* The same through the write path: a created task keeps it for roll-ups. */
    fx_begin(f);
    long long t = fx_create(f, &res_tasks,
                            "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                            "\"period\": \"cả nhiệm kỳ\"}",
                            w.prog, w.d1);
    fx_commit(f);
    json_t *o = fx_get(f, &res_tasks, t);
    assert_string_equal(obj_str(o, "period"), "term");
    assert_null(json_object_get(o, "due_day")); /* hidden */
    json_decref(o);
    assert_int_equal(fx_sql_int(f, "SELECT due_day FROM tasks WHERE id = %lld", t),
                     ymd(2025, 12, 31));
}

/* ---- overdue ---- */

static bool overdue_of(struct fx *f, long long program, long long lead, const char *status,
                       const char *timeframe)
{
    json_t *o = fx_create_obj(f, &res_tasks,
                              "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                              "\"status\": \"%s\"%s%s}",
                              program, lead, status, *timeframe ? ", " : "", timeframe);
    json_t *v = json_object_get(o, "overdue");
    if (!json_is_boolean(v))
        fail_msg("overdue is not a boolean for %s %s", status, timeframe);
    bool b = json_is_true(v);
    json_decref(o);
    return b;
}

static void test_overdue(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    int today = date_today();
    char yesterday[40], today_s[40], tomorrow[40], b[16];
    snprintf(yesterday, sizeof yesterday, "\"due_on\": \"%s\"", iso(today - 1, b));
    snprintf(today_s, sizeof today_s, "\"due_on\": \"%s\"", iso(today, b));
    snprintf(tomorrow, sizeof tomorrow, "\"due_on\": \"%s\"", iso(today + 1, b));
    int y, m, d;
    date_civil(today, &y, &m, &d);
    char last_year[40], next_year[40];
    snprintf(last_year, sizeof last_year, "\"period\": \"%d\"", y - 1);
    snprintf(next_year, sizeof next_year, "\"period\": \"%d\"", y + 1);

    struct {
        const char *status, *timeframe;
        bool overdue;
    } cases[] = {
        {"not_started", yesterday, true},  {"in_progress", yesterday, true},
        {"done", yesterday, false},        {"cancelled", yesterday, false},
        {"not_started", today_s, false},   {"in_progress", today_s, false},
        {"not_started", tomorrow, false},  {"not_started", "", false},
        {"in_progress", last_year, true},  {"done", last_year, false},
        {"not_started", next_year, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool got = overdue_of(f, w.prog, w.d1, cases[i].status, cases[i].timeframe);
        if (got != cases[i].overdue)
            fail_msg("status %s, %s (today %s): overdue %s, expected %s", cases[i].status,
                     *cases[i].timeframe ? cases[i].timeframe : "no time frame", iso(today, b),
                     got ? "true" : "false", cases[i].overdue ? "true" : "false");
    }
    /* The whole term: over for a past term, running for the current one. */
    assert_true(overdue_of(f, w.old_prog, w.d1, "not_started", "\"period\": \"term\""));
    long long far_term = fx_create(
        f, &res_terms, "{\"org_id\": %lld, \"starts_year\": 2196, \"ends_year\": 2200}", w.p);
    long long far_res = fx_create(f, &res_resolutions,
                                  "{\"term_id\": %lld, \"title\": \"Nghị quyết xa\"}", far_term);
    long long far_prog = fx_create(f, &res_programs,
                                   "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": "
                                   "\"Chương trình xa\", \"resolution_id\": %lld}",
                                   w.d1, far_res);
    assert_false(overdue_of(f, far_prog, w.d1, "not_started", "\"period\": \"term\""));
    fx_commit(f);
}

/* `overdue` in a body is ignored, and it follows changes of the time frame and status. */
static void test_overdue_is_derived(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    char b[16];
    int today = date_today();
    json_t *o = fx_create_obj(f, &res_tasks,
                              "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                              "\"overdue\": true, \"due_day\": 1}",
                              w.prog, w.d1);
    assert_false(json_is_true(json_object_get(o, "overdue")));
    long long t = obj_int(o, "id");
    json_decref(o);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM tasks WHERE due_day = 1"), 0);

    o = fx_update(f, &res_tasks, t, "{\"due_on\": \"%s\"}", iso(today - 3, b));
    assert_true(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);
    o = fx_update(f, &res_tasks, t, "{\"due_on\": \"%s\"}", iso(today + 3, b));
    assert_false(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);
    /* Back to a past date, then dropping the date leaves the period to decide. */
    o = fx_update(f, &res_tasks, t, "{\"due_on\": \"%s\", \"period\": \"2021\"}",
                  iso(today - 3, b));
    assert_true(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);
    o = fx_update(f, &res_tasks, t, "{\"due_on\": null}");
    assert_true(json_is_null(json_object_get(o, "due_on")));
    assert_true(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);
    o = fx_update(f, &res_tasks, t, "{\"status\": \"done\"}");
    assert_false(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);
    fx_commit(f);
}

/* A task due at the end of the term follows the term: when its ends_year changes, or when the
 * program comes to implement a resolution, the task's due date is the new 31 December
 * (DESIGN.md rule 3: derived statuses cannot go stale). */
static void test_term_due_follows_the_term(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    int y, m, d;
    date_civil(date_today(), &y, &m, &d);
    long long t = fx_create(
        f, &res_terms, "{\"org_id\": %lld, \"starts_year\": %d, \"ends_year\": 2199}", w.p, y - 5);
    long long r = fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"NQ\"}", t);
    long long prog = fx_create(f, &res_programs,
                               "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": "
                               "\"P\", \"resolution_id\": %lld}",
                               w.d1, r);
    long long task = fx_create(f, &res_tasks,
                               "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                               "\"period\": \"term\"}",
                               prog, w.d1);
    fx_commit(f);
    json_t *o = fx_get(f, &res_tasks, task);
    assert_false(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);

    /* The term is cut short: it ended last year. */
    fx_begin(f);
    json_decref(fx_update(f, &res_terms, t, "{\"ends_year\": %d}", y - 1));
    fx_commit(f);
    char want[80];
    snprintf(want, sizeof want, "{\"period\": \"term\", \"program_id\": %lld}", prog);
    assert_due(f, want, ymd(y - 1, 12, 31));
    o = fx_get(f, &res_tasks, task);
    bool overdue = json_is_true(json_object_get(o, "overdue"));
    json_decref(o);
    if (!overdue)
        fail_msg("task %lld due at the end of a term that ended 31/12/%d is not overdue "
                 "(stored due_day %lld)",
                 task, y - 1, fx_sql_int(f, "SELECT due_day FROM tasks WHERE id = %lld", task));
    assert_int_equal(fx_sql_int(f, "SELECT due_day FROM tasks WHERE id = %lld", task),
                     ymd(y - 1, 12, 31));
    struct err e = {0};
    json_t *roll = store_rollup(f->st, w.d1, 0, false, date_today(), &e);
    assert_int_equal(obj_int(json_object_get(roll, "tasks"), "overdue"), 1);
    json_decref(roll);
}

static void test_term_due_follows_the_program(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    long long loose_task = fx_create(f, &res_tasks,
                                     "{\"program_id\": %lld, \"title\": \"L\", \"lead_org_id\": "
                                     "%lld, \"period\": \"term\"}",
                                     w.loose, w.d1);
    fx_commit(f);
    json_t *o = fx_get(f, &res_tasks, loose_task);
    assert_false(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);

    /* The loose program comes to implement the old resolution of 2010–2015. */
    fx_begin(f);
    json_decref(fx_update(f, &res_programs, w.loose, "{\"resolution_id\": %lld}",
                          fx_get_int(f, &res_programs, w.old_prog, "resolution_id")));
    fx_commit(f);
    o = fx_get(f, &res_tasks, loose_task);
    bool overdue = json_is_true(json_object_get(o, "overdue"));
    json_decref(o);
    if (!overdue)
        fail_msg("task %lld of a program now under the 2010-2015 term is not overdue "
                 "(stored due_day %lld)",
                 loose_task,
                 fx_sql_int(f, "SELECT due_day FROM tasks WHERE id = %lld", loose_task));
}

/* The same when the resolution moves to another term. */
static void test_term_due_follows_the_resolution(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    long long far = fx_create(
        f, &res_terms, "{\"org_id\": %lld, \"starts_year\": 2196, \"ends_year\": 2200}", w.p);
    long long r = fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"NQ\"}", far);
    long long prog = fx_create(f, &res_programs,
                               "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": "
                               "\"P\", \"resolution_id\": %lld}",
                               w.d1, r);
    long long task = fx_create(f, &res_tasks,
                               "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": "
                               "%lld, \"period\": \"term\"}",
                               prog, w.d1);
    fx_commit(f);
    json_t *o = fx_get(f, &res_tasks, task);
    assert_false(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);

    /* The resolution is re-filed under the past term 2010–2015. */
    long long old_term = fx_sql_int(f, "SELECT id FROM terms WHERE ends_year = 2015");
    fx_begin(f);
    json_decref(fx_update(f, &res_resolutions, r, "{\"term_id\": %lld}", old_term));
    fx_commit(f);
    o = fx_get(f, &res_tasks, task);
    bool overdue = json_is_true(json_object_get(o, "overdue"));
    json_decref(o);
    if (!overdue)
        fail_msg("task %lld of a resolution now under the 2010-2015 term is not overdue "
                 "(stored due_day %lld, expected %d)",
                 task, fx_sql_int(f, "SELECT due_day FROM tasks WHERE id = %lld", task),
                 ymd(2015, 12, 31));
}

/* ---- task updates ---- */

static void test_update_sets_status_and_progress(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    char b[16];
    long long t = fx_create(f, &res_tasks,
                            "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                            "\"due_on\": \"%s\"}",
                            w.prog, w.d1, iso(date_today() - 1, b));
    json_t *o = fx_get(f, &res_tasks, t);
    assert_string_equal(obj_str(o, "status"), "not_started");
    assert_true(json_is_null(json_object_get(o, "progress")));
    assert_true(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);

    /* Progress alone leaves the status. */
    json_t *u =
        fx_create_obj(f, &res_task_updates,
                      "{\"task_id\": %lld, \"progress\": 40, \"note\": \"Đã khảo sát\"}", t);
    /* reported_on defaults to today. */
    assert_string_equal(obj_str(u, "reported_on"), iso(date_today(), b));
    json_decref(u);
    o = fx_get(f, &res_tasks, t);
    assert_int_equal(obj_int(o, "progress"), 40);
    assert_string_equal(obj_str(o, "status"), "not_started");
    json_decref(o);

    /* Both. */
    json_decref(fx_create_obj(f, &res_task_updates,
                              "{\"task_id\": %lld, \"progress\": 70, \"status\": \"in_progress\", "
                              "\"reported_on\": \"2021-05-01\"}",
                              t));
    o = fx_get(f, &res_tasks, t);
    assert_int_equal(obj_int(o, "progress"), 70);
    assert_string_equal(obj_str(o, "status"), "in_progress");
    assert_true(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);

    /* Status alone leaves the progress; done is no longer overdue. */
    json_decref(
        fx_create_obj(f, &res_task_updates, "{\"task_id\": %lld, \"status\": \"done\"}", t));
    o = fx_get(f, &res_tasks, t);
    assert_int_equal(obj_int(o, "progress"), 70);
    assert_string_equal(obj_str(o, "status"), "done");
    assert_false(json_is_true(json_object_get(o, "overdue")));
    json_decref(o);
    fx_commit(f);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM task_updates WHERE task_id = %lld", t), 3);
    /* The roll-up reads the stored row, so the store must hold the new values too. */
    assert_int_equal(fx_sql_int(f, "SELECT progress FROM tasks WHERE id = %lld", t), 70);
}

static void test_update_rejects(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    long long t =
        fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld}",
                  w.prog, w.d1);
    fx_commit(f);
    struct {
        const char *body_tail, *field;
        enum err_code code;
    } cases[] = {
        {"", "progress", E_INVALID_FIELD},
        {", \"note\": \"chỉ ghi chú\"", "progress", E_INVALID_FIELD},
        {", \"progress\": 101", "progress", E_INVALID_FIELD},
        {", \"progress\": -1", "progress", E_INVALID_FIELD},
        {", \"progress\": \"50\"", "progress", E_INVALID_FIELD},
        {", \"status\": \"overdue\"", "status", E_INVALID_FIELD},
        {", \"status\": \"done\", \"reported_on\": \"2021-02-30\"", "reported_on", E_INVALID_FIELD},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fx_begin(f);
        fx_create_fails(f, &res_task_updates, cases[i].code, cases[i].field,
                        "{\"task_id\": %lld%s}", t, cases[i].body_tail);
        store_rollback(f->st);
    }
    fx_begin(f);
    fx_create_fails(f, &res_task_updates, E_INVALID_FIELD, "task_id",
                    "{\"task_id\": 999, \"progress\": 5}");
    store_rollback(f->st);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM task_updates"), 0);
    json_t *o = fx_get(f, &res_tasks, t);
    assert_true(json_is_null(json_object_get(o, "progress")));
    assert_string_equal(obj_str(o, "status"), "not_started");
    json_decref(o);
}

/* Sub-tasks stay in their program and never under themselves. */
static void test_parent_task(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct world w = make_world(f);
    long long a =
        fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"A\", \"lead_org_id\": %lld}",
                  w.prog, w.d1);
    long long other =
        fx_create(f, &res_tasks, "{\"program_id\": %lld, \"title\": \"X\", \"lead_org_id\": %lld}",
                  w.loose, w.d1);
    long long sub = fx_create(f, &res_tasks,
                              "{\"program_id\": %lld, \"title\": \"A.1\", \"lead_org_id\": %lld, "
                              "\"parent_id\": %lld}",
                              w.prog, w.g, a);
    assert_true(sub > 0);
    fx_commit(f);
    fx_begin(f);
    fx_create_fails(f, &res_tasks, E_CONFLICT, "parent_id",
                    "{\"program_id\": %lld, \"title\": \"B\", \"lead_org_id\": %lld, "
                    "\"parent_id\": %lld}",
                    w.prog, w.d1, other);
    store_rollback(f->st);
    fx_begin(f);
    fx_update_fails(f, &res_tasks, a, E_CONFLICT, "parent_id", "{\"parent_id\": %lld}", a);
    store_rollback(f->st);
    /* Nor under its own sub-task: that would be a cycle. */
    fx_begin(f);
    fx_update_fails(f, &res_tasks, a, E_CONFLICT, "parent_id", "{\"parent_id\": %lld}", sub);
    store_rollback(f->st);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_lead_within_program_org, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_moving_the_lead_org_never_fails, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_covers_own_resolution_only, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_due_day_of_periods, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_due_day_of_term, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_overdue, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_overdue_is_derived, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_term_due_follows_the_term, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_term_due_follows_the_program, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_term_due_follows_the_resolution, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_update_sets_status_and_progress, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_update_rejects, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_parent_task, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
