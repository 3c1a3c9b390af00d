/*
 * The core questions of API.md answered from SQLite: roll-up of an org's subtree, coverage
 * of a resolution by programs, the cascade to subordinates, an indicator rolled up by its
 * rule (search is in sqlite_search.c). Subtrees are ranges of the materialized path ("/1/5/" ≤ path
 * < "/1/50"), which the orgs_path index serves. These answers are exact; making them fast at
 * national scale (maintained aggregates) is a separate step behind the same functions.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/coverage.h"
#include "domain/indicator.h"
#include "domain/nouns.h"
#include "store/sqlite_internal.h"
#include "util/period.h"

struct range {
    char lo[1024], hi[1024];
};

static int org_range(struct store *st, long long org_id, struct range *r, struct err *e)
{
    char *path = store_org_path(st, org_id);
    if (!path)
        return err_set(e, E_NOT_FOUND, NULL, "Không tìm thấy tổ chức %lld. / No org with id %lld.",
                       org_id, org_id);
    snprintf(r->lo, sizeof r->lo, "%s", path);
    sq_path_upper(path, r->hi, sizeof r->hi);
    free(path);
    return 0;
}

static void bind_range(sqlite3_stmt *s, const struct range *r)
{
    sq_bind_text(s, ":lo", r->lo);
    sq_bind_text(s, ":hi", r->hi);
}

static json_t *nullable_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? json_null()
                                                    : json_real(sqlite3_column_double(s, i));
}

/* A one-row statement giving two numbers (0 when it gives no row). Whichever of :o, :lo,
 * :hi and :ty the SQL names are bound. */
static int two_numbers(struct store *st, const char *sql, const struct range *r, long long org_id,
                       int term_year, double out[2], struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, sql, e);
    if (!s)
        return -1;
    bind_range(s, r);
    sq_bind_int(s, ":o", org_id);
    sq_bind_int(s, ":ty", term_year);
    out[0] = out[1] = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        out[0] = sqlite3_column_double(s, 0);
        out[1] = sqlite3_column_double(s, 1);
    }
    sqlite3_reset(s);
    return 0;
}

/* The parts of a roll-up both ways of computing it share: the subtree's size, and the
 * programs and dissemination figures from the given statements. */
static int rollup_rest(struct store *st, json_t *out, const struct range *r, long long org_id,
                       int term_year, const char *orgs_sql, const char *programs_sql,
                       const char *dissemination_sql, struct err *e)
{
    double orgs[2], programs[2], diss[2];
    if (two_numbers(st, orgs_sql, r, org_id, term_year, orgs, e) != 0 ||
        two_numbers(st, programs_sql, r, org_id, term_year, programs, e) != 0 ||
        two_numbers(st, dissemination_sql, r, org_id, term_year, diss, e) != 0)
        return -1;
    json_object_set_new(out, "orgs", json_integer((json_int_t)orgs[0]));
    json_object_set_new(out, "programs",
                        json_pack("{s:I,s:I}", "total", (json_int_t)programs[0], "adopted",
                                  (json_int_t)programs[1]));
    json_object_set_new(out, "dissemination",
                        json_pack("{s:I,s:I,s:o}", "expected", (json_int_t)diss[0], "attended",
                                  (json_int_t)diss[1], "rate",
                                  diss[0] > 0 ? json_real(diss[1] / diss[0]) : json_null()));
    return 0;
}

json_t *store_rollup(struct store *st, long long org_id, int term_year, bool by_lead, int today,
                     struct err *e)
{
    struct range r;
    if (org_range(st, org_id, &r, e) != 0)
        return NULL;
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT total, not_started, in_progress, done, cancelled, "
                                 "progress_sum FROM rollup_tasks WHERE org_id = :o AND "
                                 "by_lead = :b AND term_year = :ty",
                                 e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":o", org_id);
    sq_bind_int(s, ":b", by_lead);
    sq_bind_int(s, ":ty", term_year);
    long long c[6] = {0};
    if (sqlite3_step(s) == SQLITE_ROW)
        for (int i = 0; i < 6; i++)
            c[i] = sqlite3_column_int64(s, i);
    sqlite3_reset(s);
    /* Overdue: the open tasks whose due day is before today, a sum over due days. */
    s = sq_prepare(st,
                   "SELECT total(n) FROM rollup_due WHERE org_id = :o AND by_lead = :b AND "
                   "term_year = :ty AND due_day < :today",
                   e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":o", org_id);
    sq_bind_int(s, ":b", by_lead);
    sq_bind_int(s, ":ty", term_year);
    sq_bind_int(s, ":today", today);
    sqlite3_step(s);
    long long overdue = (long long)sqlite3_column_double(s, 0);
    sqlite3_reset(s);
    long long counted = c[0] - c[4];
    json_t *tasks =
        json_pack("{s:I,s:I,s:I,s:I,s:I,s:I}", "total", (json_int_t)c[0], "not_started",
                  (json_int_t)c[1], "in_progress", (json_int_t)c[2], "done", (json_int_t)c[3],
                  "cancelled", (json_int_t)c[4], "overdue", (json_int_t)overdue);
    json_t *out =
        json_pack("{s:I,s:o,s:o}", "org_id", (json_int_t)org_id, "tasks", tasks, "progress",
                  counted > 0 ? json_real((double)c[5] / (double)counted) : json_null());

    if (rollup_rest(st, out, &r, org_id, term_year,
                    "SELECT n, 0 FROM rollup_orgs WHERE org_id = :o",
                    "SELECT total, adopted FROM rollup_programs WHERE org_id = :o AND "
                    "term_year = :ty",
                    "SELECT expected, attended FROM rollup_dissemination WHERE org_id = :o AND "
                    "term_year = :ty",
                    e) != 0)
        goto fail;
    return out;
fail:
    json_decref(out);
    return NULL;
}

json_t *store_rollup_scan(struct store *st, long long org_id, int term_year, bool by_lead,
                          int today, struct err *e)
{
    struct range r;
    if (org_range(st, org_id, &r, e) != 0)
        return NULL;
    static const char *const sql[2] = {
        "SELECT count(*), total(t.status = 'not_started'), total(t.status = 'in_progress'), "
        "total(t.status = 'done'), total(t.status = 'cancelled'), "
        "total(t.status IN ('not_started','in_progress') AND t.due_day >= 0 AND t.due_day < "
        ":today), "
        "avg(CASE WHEN t.status <> 'cancelled' THEN coalesce(t.progress, 0) END) "
        "FROM tasks t JOIN programs p ON p.id = t.program_id JOIN orgs o ON o.id = p.org_id "
        "LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = "
        "rs.term_id "
        "WHERE o.path >= :lo AND o.path < :hi AND (:ty = 0 OR tm.starts_year = :ty)",
        "SELECT count(*), total(t.status = 'not_started'), total(t.status = 'in_progress'), "
        "total(t.status = 'done'), total(t.status = 'cancelled'), "
        "total(t.status IN ('not_started','in_progress') AND t.due_day >= 0 AND t.due_day < "
        ":today), "
        "avg(CASE WHEN t.status <> 'cancelled' THEN coalesce(t.progress, 0) END) "
        "FROM tasks t JOIN orgs o ON o.id = t.lead_org_id JOIN programs p ON p.id = t.program_id "
        "LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = "
        "rs.term_id "
        "WHERE o.path >= :lo AND o.path < :hi AND (:ty = 0 OR tm.starts_year = :ty)",
    };
    sqlite3_stmt *s = sq_prepare(st, sql[by_lead], e);
    if (!s)
        return NULL;
    bind_range(s, &r);
    sq_bind_int(s, ":ty", term_year);
    sq_bind_int(s, ":today", today);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_reset(s);
        sq_fail(st, SQLITE_ERROR, e);
        return NULL;
    }
    json_t *tasks = json_pack(
        "{s:I,s:I,s:I,s:I,s:I,s:I}", "total", (json_int_t)sqlite3_column_int64(s, 0), "not_started",
        (json_int_t)sqlite3_column_double(s, 1), "in_progress",
        (json_int_t)sqlite3_column_double(s, 2), "done", (json_int_t)sqlite3_column_double(s, 3),
        "cancelled", (json_int_t)sqlite3_column_double(s, 4), "overdue",
        (json_int_t)sqlite3_column_double(s, 5));
    json_t *progress = nullable_real(s, 6);
    sqlite3_reset(s);

    json_t *out = json_pack("{s:I,s:o,s:o}", "org_id", (json_int_t)org_id, "tasks", tasks,
                            "progress", progress);

    if (rollup_rest(st, out, &r, org_id, term_year,
                    "SELECT count(*), 0 FROM orgs WHERE path >= :lo AND path < :hi",
                    "SELECT count(*), total(p.status = 'adopted') FROM programs p "
                    "JOIN orgs o ON o.id = p.org_id LEFT JOIN resolutions rs ON rs.id = "
                    "p.resolution_id LEFT JOIN terms tm ON tm.id = rs.term_id "
                    "WHERE o.path >= :lo AND o.path < :hi AND (:ty = 0 OR tm.starts_year = :ty)",
                    "SELECT total(d.expected), total(d.attended) FROM disseminations d "
                    "JOIN orgs o ON o.id = d.org_id JOIN resolutions rs ON rs.id = "
                    "d.resolution_id JOIN terms tm ON tm.id = rs.term_id "
                    "WHERE o.path >= :lo AND o.path < :hi AND (:ty = 0 OR tm.starts_year = :ty)",
                    e) != 0)
        goto fail;
    return out;
fail:
    json_decref(out);
    return NULL;
}

json_t *store_coverage(struct store *st, long long resolution_id, long long program_id,
                       struct err *e)
{
    json_t *set = program_id > 0 ? json_pack("[I]", (json_int_t)program_id) : json_array();
    json_t *out = store_coverage_of(st, resolution_id, set, e);
    json_decref(set);
    return out;
}

json_t *store_coverage_of(struct store *st, long long resolution_id, json_t *program_ids,
                          struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT id, code, text, kind, parent_id, waiver_reason FROM items "
                                 "WHERE resolution_id = :r ORDER BY coalesce(sort_key, id), id",
                                 e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":r", resolution_id);
    json_t *items = json_array();
    while (sqlite3_step(s) == SQLITE_ROW) {
        json_t *it =
            json_pack("{s:I,s:o,s:o,s:o,s:o,s:[]}", "id", (json_int_t)sqlite3_column_int64(s, 0),
                      "code", sq_column_json(s, 1), "text", sq_column_json(s, 2), "kind",
                      sq_column_json(s, 3), "parent_id", sq_column_json(s, 4), "task_ids");
        if (sqlite3_column_type(s, 5) != SQLITE_NULL)
            json_object_set_new(it, "waiver_reason", sq_column_json(s, 5));
        json_array_append_new(items, it);
    }
    sqlite3_reset(s);

    /* The programs implementing the resolution: those naming it, and the plans cascading
     * from their tasks through parent_task_id, at any depth. */
    s = sq_prepare(st,
                   "WITH RECURSIVE implementing(id) AS ("
                   "  SELECT id FROM programs WHERE resolution_id = :r"
                   "  UNION SELECT p.id FROM programs p JOIN tasks t ON t.id = p.parent_task_id"
                   "  JOIN implementing im ON im.id = t.program_id) "
                   "SELECT c.ref_id, t.id FROM tasks__covers c JOIN tasks t ON t.id = c.owner_id "
                   "JOIN items i ON i.id = c.ref_id "
                   "WHERE i.resolution_id = :r AND t.status <> 'cancelled' AND "
                   "(CASE WHEN json_array_length(:ps) > 0 "
                   "      THEN t.program_id IN (SELECT value FROM json_each(:ps)) "
                   "      ELSE t.program_id IN (SELECT id FROM implementing) END) "
                   "ORDER BY t.id",
                   e);
    if (!s) {
        json_decref(items);
        return NULL;
    }
    sq_bind_int(s, ":r", resolution_id);
    sq_bind_json(s, ":ps", program_ids);
    size_t n = json_array_size(items);
    while (sqlite3_step(s) == SQLITE_ROW) {
        long long item = sqlite3_column_int64(s, 0);
        for (size_t i = 0; i < n; i++) {
            json_t *it = json_array_get(items, i);
            if (obj_int(it, "id") == item)
                json_array_append_new(json_object_get(it, "task_ids"),
                                      json_integer(sqlite3_column_int64(s, 1)));
        }
    }
    sqlite3_reset(s);

    json_t *out = coverage_summarise(items);
    json_object_set_new(out, "resolution_id", json_integer(resolution_id));
    return out;
}

json_t *store_cascade(struct store *st, long long org_id, long long resolution_id, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT t.starts_year, t.congress_held_to FROM resolutions r "
                                 "JOIN terms t ON t.id = r.term_id WHERE r.id = :r",
                                 e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":r", resolution_id);
    long long starts = 0;
    char congress_to[16] = "";
    if (sqlite3_step(s) == SQLITE_ROW) {
        starts = sqlite3_column_int64(s, 0);
        if (sqlite3_column_text(s, 1))
            snprintf(congress_to, sizeof congress_to, "%s", sqlite3_column_text(s, 1));
    }
    sqlite3_reset(s);

    s = sq_prepare(st,
                   "SELECT o.id, o.name, o.short_name, o.kind, "
                   /* the child's program for this resolution: adopted first, earliest */
                   "(SELECT p.id FROM programs p WHERE p.org_id = o.id AND (p.resolution_id = :r "
                   "  OR p.parent_task_id IN (SELECT t.id FROM tasks t JOIN programs pp ON "
                   "  pp.id = t.program_id WHERE pp.org_id = :org AND pp.resolution_id = :r)) "
                   "  ORDER BY p.status = 'adopted' DESC, p.adopted_on IS NULL, p.adopted_on, "
                   "  p.id LIMIT 1) AS program_id, "
                   /* the child's own congress of the same term, else the parent's */
                   "coalesce((SELECT tm.congress_held_to FROM terms tm WHERE tm.org_id = o.id "
                   "  AND tm.starts_year = :starts LIMIT 1), nullif(:cto, '')) AS congress_to, "
                   /* the parent's tasks it leads that no plan of its own implements yet */
                   "(SELECT group_concat(t.id) FROM tasks t JOIN programs pp ON pp.id = "
                   "  t.program_id WHERE pp.org_id = :org AND pp.resolution_id = :r AND "
                   "  t.lead_org_id = o.id AND t.status <> 'cancelled' AND NOT EXISTS (SELECT 1 "
                   "  FROM programs cp WHERE cp.parent_task_id = t.id)) AS tasks_without_plan "
                   "FROM orgs o WHERE o.parent_id = :org AND o.kind <> 'body' "
                   "ORDER BY coalesce(o.sort_key, o.id), o.id",
                   e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":org", org_id);
    sq_bind_int(s, ":r", resolution_id);
    sq_bind_int(s, ":starts", starts);
    sq_bind_text(s, ":cto", congress_to);
    json_t *rows = json_array();
    while (sqlite3_step(s) == SQLITE_ROW) {
        json_t *row =
            json_pack("{s:I,s:o,s:o,s:o}", "org_id", (json_int_t)sqlite3_column_int64(s, 0),
                      "org_name", sq_column_json(s, 1), "org_short_name", sq_column_json(s, 2),
                      "congress_held_to", sq_column_json(s, 5));
        json_object_set_new(row, "program_id", sq_column_json(s, 4));
        json_t *ids = json_array();
        const char *list = (const char *)sqlite3_column_text(s, 6);
        for (const char *c = list; c && *c;) {
            json_array_append_new(ids, json_integer(strtoll(c, NULL, 10)));
            c = strchr(c, ',');
            c = c ? c + 1 : NULL;
        }
        json_object_set_new(row, "tasks_without_plan",
                            json_integer((json_int_t)json_array_size(ids)));
        json_object_set_new(row, "tasks_without_plan_ids", ids);
        json_array_append_new(rows, row);
    }
    sqlite3_reset(s);
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        json_t *p = obj_has(row, "program_id")
                        ? store_get(st, &res_programs, obj_int(row, "program_id"), NULL)
                        : NULL;
        json_object_set_new(row, "status", json_string(p ? obj_str(p, "status") : "missing"));
        const char *adopted = p ? obj_str(p, "adopted_on") : NULL;
        json_object_set_new(row, "adopted_on", adopted ? json_string(adopted) : json_null());
        json_object_set_new(row, "program_title",
                            p ? json_incref(json_object_get(p, "title")) : json_null());
        const char *cto = obj_str(row, "congress_held_to");
        int a, c;
        if (adopted && cto && date_parse(adopted, &a) == 0 && date_parse(cto, &c) == 0)
            json_object_set_new(row, "days_after_congress", json_integer(a - c));
        else
            json_object_set_new(row, "days_after_congress", json_null());
        json_decref(p);
    }
    return json_pack("{s:o}", "items", rows);
}

/* Every value of an indicator reported in the subtree: the latest per org and period. */
static struct ivalue *subtree_values(struct store *st, long long item_id, const struct range *r,
                                     bool approved_only, size_t *n, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(
        st,
        "SELECT v.org_id, v.period, v.value FROM indicator_values v JOIN orgs o ON o.id = v.org_id "
        "WHERE v.item_id = :item AND o.path >= :lo AND o.path < :hi "
        "AND v.id = (SELECT max(v2.id) FROM indicator_values v2 WHERE v2.item_id = v.item_id "
        "AND v2.org_id = v.org_id AND v2.period = v.period AND (:approved = 0 OR "
        "v2.status = 'approved')) ORDER BY v.org_id, v.id",
        e);
    *n = 0;
    if (!s)
        return NULL;
    sq_bind_int(s, ":item", item_id);
    bind_range(s, r);
    sq_bind_int(s, ":approved", approved_only);
    size_t cap = 64;
    struct ivalue *vals = malloc(cap * sizeof *vals);
    while (sqlite3_step(s) == SQLITE_ROW) {
        struct ivalue v = {.org_id = sqlite3_column_int64(s, 0),
                           .value = sqlite3_column_double(s, 2)};
        if (period_parse((const char *)sqlite3_column_text(s, 1), &v.period) != 0)
            continue;
        if (*n == cap)
            vals = realloc(vals, (cap *= 2) * sizeof *vals);
        vals[(*n)++] = v;
    }
    sqlite3_reset(s);
    return vals;
}

/* The subtree's figure for period p: each org's value for p, aggregated by the rule. */
static bool subtree_figure(json_t *item, const struct ivalue *vals, size_t n,
                           const struct ivalue *weights, size_t nw, const struct period *p,
                           int term_start, int term_end, long long self, size_t *reporting,
                           long long *orgs, double *values, double *wv, bool *hw, double *out)
{
    const char *rule = obj_str(item, "rollup") ? obj_str(item, "rollup") : "sum";
    const char *nature = indicator_nature(obj_str(item, "nature"), obj_str(item, "unit"), rule);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && vals[i].org_id == vals[i - 1].org_id)
            continue; /* rows come ordered by org: one pass per org */
        double v;
        if (!indicator_value_for(vals, n, vals[i].org_id, p, nature, term_start, term_end, &v))
            continue;
        orgs[m] = vals[i].org_id;
        values[m] = v;
        hw[m] = weights && indicator_value_for(weights, nw, vals[i].org_id, p, "stock", term_start,
                                               term_end, &wv[m]);
        m++;
    }
    *reporting = m;
    double threshold = json_number_value(json_object_get(item, "threshold"));
    return indicator_aggregate(rule, obj_str(item, "direction"), threshold, orgs, values, wv, hw, m,
                               self, out);
}

json_t *store_indicator_rollup(struct store *st, long long item_id, long long org_id,
                               const char *period, bool approved_only, struct err *e)
{
    json_t *item = store_get(st, &res_items, item_id, e);
    if (!item)
        return NULL;
    json_t *out = NULL;
    struct ivalue *vals = NULL, *weights = NULL;
    size_t n = 0, nw = 0;
    long long *orgs = NULL;
    double *values = NULL, *wv = NULL;
    bool *hw = NULL;
    struct range r;
    struct period p;
    if (org_range(st, org_id, &r, e) != 0)
        goto done;
    if (period_parse(period, &p) != 0) {
        err_set(e, E_INVALID_FIELD, "period", "Kỳ không hợp lệ: %s / Invalid period.", period);
        goto done;
    }
    int term_start = 0, term_end = 0;
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT t.starts_year, t.ends_year FROM resolutions rs JOIN terms "
                                 "t ON t.id = rs.term_id WHERE rs.id = :r",
                                 e);
    if (!s)
        goto done;
    sq_bind_int(s, ":r", obj_int(item, "resolution_id"));
    if (sqlite3_step(s) == SQLITE_ROW) {
        term_start = sqlite3_column_int(s, 0);
        term_end = sqlite3_column_int(s, 1);
    }
    sqlite3_reset(s);
    vals = subtree_values(st, item_id, &r, approved_only, &n, e);
    if (!vals)
        goto done;
    const char *rule = obj_str(item, "rollup") ? obj_str(item, "rollup") : "sum";
    if (!strcmp(rule, "weighted_mean")) {
        weights = subtree_values(st, obj_int(item, "weight_item_id"), &r, approved_only, &nw, e);
        if (!weights)
            goto done;
    }
    orgs = calloc(n + 1, sizeof *orgs);
    values = calloc(n + 1, sizeof *values);
    wv = calloc(n + 1, sizeof *wv);
    hw = calloc(n + 1, sizeof *hw);
    size_t reporting = 0;
    double figure;
    bool have = subtree_figure(item, vals, n, weights, nw, &p, term_start, term_end, org_id,
                               &reporting, orgs, values, wv, hw, &figure);
    json_t *value = have ? json_real(figure) : json_null();
    /* Who reported for p, kept apart: the yearly figures below reuse the work arrays. */
    long long *reported_orgs = calloc(reporting + 1, sizeof *reported_orgs);
    memcpy(reported_orgs, orgs, reporting * sizeof *orgs);

    json_t *target = json_object_get(item, "target"), *baseline = json_object_get(item, "baseline");
    const char *direction = obj_str(item, "direction");
    json_t *ratio = json_null();
    if (have && json_is_number(target)) {
        double t = json_number_value(target);
        double b = json_is_number(baseline) ? json_number_value(baseline) : 0;
        if (direction && !strcmp(direction, "exact")) {
            if (t != 0)
                ratio = json_real(1 - fabs(figure - t) / fabs(t));
        } else if (t != b) {
            ratio = json_real((figure - b) / (t - b));
        }
    }

    /* At risk: the trend of the yearly figures, projected to the end of the term, misses the
     * target (or the final year's figure already does). */
    json_t *at_risk = json_null(), *projected = json_null();
    if (json_is_number(target) && term_end) {
        int years[64];
        double points[64];
        size_t k = 0;
        int today_year;
        date_civil(date_today(), &today_year, &(int){0}, &(int){0});
        for (int y = term_start; y <= term_end && y <= today_year && k < 64; y++) {
            struct period yp = {PERIOD_YEAR, y, 0};
            size_t rep;
            double v;
            if (subtree_figure(item, vals, n, weights, nw, &yp, term_start, term_end, org_id, &rep,
                               orgs, values, wv, hw, &v)) {
                years[k] = y;
                points[k++] = v;
            }
        }
        double proj;
        if (k && years[k - 1] == term_end) {
            projected = json_real(points[k - 1]);
            at_risk =
                json_boolean(indicator_misses(points[k - 1], json_number_value(target), direction));
        } else if (indicator_project(years, points, k, term_end, &proj)) {
            projected = json_real(proj);
            at_risk = json_boolean(indicator_misses(proj, json_number_value(target), direction));
        }
    }

    /* Orgs expected to report: the subtree's orgs of the kinds the indicator names; those
     * among them with no value for the period are listed as not reported. */
    json_t *kinds = json_object_get(item, "reported_by_kinds");
    json_t *missing = json_array();
    long long expected = 0;
    s = sq_prepare(st, "SELECT id, kind FROM orgs WHERE path >= :lo AND path < :hi ORDER BY path",
                   e);
    if (s) {
        bind_range(s, &r);
        while (sqlite3_step(s) == SQLITE_ROW) {
            long long oid = sqlite3_column_int64(s, 0);
            const char *k = (const char *)sqlite3_column_text(s, 1);
            bool match = false;
            if (json_array_size(kinds)) {
                size_t i;
                json_t *kv;
                json_array_foreach(kinds, i, kv) match = match || !strcmp(json_string_value(kv), k);
            } else {
                match = strcmp(k, "body") != 0;
            }
            if (!match)
                continue;
            expected++;
            bool reported = false;
            for (size_t i = 0; i < reporting && !reported; i++)
                reported = reported_orgs[i] == oid;
            if (!reported && json_array_size(missing) < 500)
                json_array_append_new(missing, json_integer(oid));
        }
        sqlite3_reset(s);
    }
    free(reported_orgs);
    out =
        json_pack("{s:I,s:I,s:s,s:o,s:O,s:O,s:o,s:I,s:I,s:s,s:s,s:o,s:o,s:o,s:b}", "item_id",
                  (json_int_t)item_id, "org_id", (json_int_t)org_id, "period", period, "value",
                  value, "target", target ? target : json_null(), "baseline",
                  baseline ? baseline : json_null(), "achieved_ratio", ratio, "orgs_reporting",
                  (json_int_t)reporting, "orgs_expected", (json_int_t)expected, "rollup", rule,
                  "nature", indicator_nature(obj_str(item, "nature"), obj_str(item, "unit"), rule),
                  "not_reported", missing, "at_risk", at_risk, "projected", projected,
                  "period_closed", period_last_day(&p, term_end) < date_today());
done:
    json_decref(item);
    free(vals);
    free(weights);
    free(orgs);
    free(values);
    free(wv);
    free(hw);
    return out;
}
