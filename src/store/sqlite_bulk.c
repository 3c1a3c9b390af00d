/*
 * Bulk loads (import, gen). Row by row, the roll-up triggers of 002_rollup.sql cost about
 * half of a load: each task re-derives its contribution to every ancestor through the
 * task_contrib view, some twenty upserts. A bulk load takes them off for its duration and
 * then builds the roll-up tables from the rows in a few set-based statements that group
 * first by org (thousands of groups, not millions of rows times the tree's depth) and only
 * then spread each group over the org's ancestors. The result is the same sums the
 * triggers keep (the tests compare both with store_rollup_scan); the triggers go back
 * before the transaction commits, so no other connection ever sees them missing.
 *
 * The secondary indexes of the tables that hold nearly all of a large load's rows go the
 * same way, and come back built by one sort each (CREATE INDEX), where keeping them row by
 * row is a random B-tree insert per index: once an index outgrows the page cache, each of
 * those is a read from disk (at the country tier, tasks by lead org alone is 345 MB). No
 * rule reads these tables by these indexes while rows are created (a rule reads rows by id,
 * and the items of a resolution, whose index stays); a query that did would be slower
 * during the load, not wrong. The sorts may use a second core (PRAGMA threads). For a fresh
 * file the temporary store is a file too, so that sorting 27 million keys does not take
 * gigabytes of memory (SQLite allows the change outside a transaction only, and an import
 * runs in its caller's).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/sqlite_internal.h"

/* Statements run in order; each is small enough to read against the trigger it replaces. */
static const char *const REBUILD[] = {
    "DELETE FROM rollup_tasks",
    "DELETE FROM rollup_due",
    "DELETE FROM rollup_programs",
    "DELETE FROM rollup_dissemination",
    "DELETE FROM rollup_orgs",
    "INSERT INTO rollup_orgs (org_id, n) SELECT CAST(a.value AS INTEGER), count(*) "
    "FROM orgs o JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a "
    "WHERE o.path <> '' GROUP BY 1",
    /* temp.bulk_task_groups is made here, by task_groups() (below). */
    NULL,
    /* Counted by the program's org (by_lead 0) and by the lead org (by_lead 1). */
    "CREATE TEMP TABLE bulk_task_direct AS "
    "SELECT org, by_lead, year, status, due_day, sum(n) AS n, sum(progress) AS progress FROM ("
    "  SELECT porg AS org, 0 AS by_lead, year, status, due_day, n, progress FROM bulk_task_groups "
    "  UNION ALL "
    "  SELECT lorg, 1, year, status, due_day, n, progress FROM bulk_task_groups) "
    "GROUP BY 1, 2, 3, 4, 5",
    /* Spread over the org's ancestors (its path), under its term year and under 0, as the
     * views of 002_rollup.sql do for a single row. */
    "INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, in_progress, "
    "  done, cancelled, progress_sum) "
    "SELECT CAST(a.value AS INTEGER), d.by_lead, CASE k.k WHEN 0 THEN 0 ELSE d.year END, "
    "  sum(d.n), sum(CASE WHEN d.status = 'not_started' THEN d.n ELSE 0 END), "
    "  sum(CASE WHEN d.status = 'in_progress' THEN d.n ELSE 0 END), "
    "  sum(CASE WHEN d.status = 'done' THEN d.n ELSE 0 END), "
    "  sum(CASE WHEN d.status = 'cancelled' THEN d.n ELSE 0 END), "
    "  sum(CASE WHEN d.status <> 'cancelled' THEN d.progress ELSE 0 END) "
    "FROM bulk_task_direct d JOIN orgs o ON o.id = d.org "
    "JOIN (SELECT 0 AS k UNION ALL SELECT 1) k ON k.k = 0 OR d.year IS NOT NULL "
    "JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a "
    "WHERE o.path <> '' GROUP BY 1, 2, 3",
    "INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n) "
    "SELECT CAST(a.value AS INTEGER), d.by_lead, CASE k.k WHEN 0 THEN 0 ELSE d.year END, "
    "  d.due_day, sum(d.n) "
    "FROM bulk_task_direct d JOIN orgs o ON o.id = d.org "
    "JOIN (SELECT 0 AS k UNION ALL SELECT 1) k ON k.k = 0 OR d.year IS NOT NULL "
    "JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a "
    "WHERE o.path <> '' AND d.due_day IS NOT NULL GROUP BY 1, 2, 3, 4",
    "INSERT INTO rollup_programs (org_id, term_year, total, adopted) "
    "SELECT CAST(a.value AS INTEGER), CASE k.k WHEN 0 THEN 0 ELSE g.year END, sum(g.n), "
    "  sum(g.adopted) "
    "FROM (SELECT p.org_id AS org, tm.starts_year AS year, count(*) AS n, "
    "        sum(coalesce(p.status = 'adopted', 0)) AS adopted "
    "      FROM programs p LEFT JOIN resolutions rs ON rs.id = p.resolution_id "
    "      LEFT JOIN terms tm ON tm.id = rs.term_id GROUP BY 1, 2) g "
    "JOIN orgs o ON o.id = g.org "
    "JOIN (SELECT 0 AS k UNION ALL SELECT 1) k ON k.k = 0 OR g.year IS NOT NULL "
    "JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a "
    "WHERE o.path <> '' GROUP BY 1, 2",
    /* A dissemination always names a resolution, so its term year is known. */
    "INSERT INTO rollup_dissemination (org_id, term_year, expected, attended) "
    "SELECT CAST(a.value AS INTEGER), CASE k.k WHEN 0 THEN 0 ELSE g.year END, sum(g.expected), "
    "  sum(g.attended) "
    "FROM (SELECT ds.org_id AS org, tm.starts_year AS year, "
    "        sum(coalesce(ds.expected, 0)) AS expected, sum(coalesce(ds.attended, 0)) AS attended "
    "      FROM disseminations ds JOIN resolutions rs ON rs.id = ds.resolution_id "
    "      JOIN terms tm ON tm.id = rs.term_id GROUP BY 1, 2) g "
    "JOIN orgs o ON o.id = g.org JOIN (SELECT 0 AS k UNION ALL SELECT 1) k "
    "JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a "
    "WHERE o.path <> '' GROUP BY 1, 2",
    "DROP TABLE temp.bulk_task_groups",
    "DROP TABLE temp.bulk_task_direct",
};

/* ---- the tasks grouped (temp.bulk_task_groups) ----
 * Every task once, grouped by its two orgs (the program's and the lead), its program's term
 * year, its status and, for an open task, its due day: a few hundred thousand groups of 27
 * million tasks at the country tier. SQLite's GROUP BY sorts every row to find its group,
 * which was most of the roll-ups' time (3.3 of 6.2 s at a tenth of the country); the rows
 * come here in table order instead and find their group in a hash table, in one pass. */

struct task_group {
    long long porg, lorg, year, due_day, n, progress;
    int status;    /* index in statuses, -1 for NULL */
    unsigned null; /* bits: year NULL, due_day NULL */
    bool used;
};

struct task_groups {
    struct task_group *slot;
    size_t cap, n;
    char *statuses[32]; /* the distinct statuses met, as few as the domain has */
    int nstatuses;
};

static uint64_t group_hash(const struct task_group *g)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    const long long parts[] = {g->porg, g->lorg, g->year, g->due_day, g->status, g->null};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        h ^= (uint64_t)parts[i] + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h *= 0xff51afd7ed558ccdULL;
    }
    return h ^ (h >> 33);
}

static bool group_same(const struct task_group *a, const struct task_group *b)
{
    return a->porg == b->porg && a->lorg == b->lorg && a->year == b->year &&
           a->due_day == b->due_day && a->status == b->status && a->null == b->null;
}

static void groups_grow(struct task_groups *gs)
{
    struct task_group *old = gs->slot;
    size_t old_cap = gs->cap;
    gs->cap = gs->cap ? gs->cap * 2 : 4096;
    gs->slot = calloc(gs->cap, sizeof *gs->slot);
    if (!gs->slot)
        abort();
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].used)
            continue;
        size_t k = group_hash(&old[i]) & (gs->cap - 1);
        while (gs->slot[k].used)
            k = (k + 1) & (gs->cap - 1);
        gs->slot[k] = old[i];
    }
    free(old);
}

/* Adds one task (n 1) to its group, made when new. */
static void groups_add(struct task_groups *gs, struct task_group *g)
{
    if ((gs->n + 1) * 2 > gs->cap)
        groups_grow(gs);
    size_t k = group_hash(g) & (gs->cap - 1);
    while (gs->slot[k].used && !group_same(&gs->slot[k], g))
        k = (k + 1) & (gs->cap - 1);
    if (!gs->slot[k].used) {
        gs->slot[k] = *g;
        gs->slot[k].used = true;
        gs->slot[k].n = 0;
        gs->slot[k].progress = 0;
        gs->n++;
    }
    gs->slot[k].n++;
    gs->slot[k].progress += g->progress;
}

/* The index of status text s among those met, added when new; -1 for NULL, -2 when there are
 * more than the table holds (a status the domain does not have). */
static int status_index(struct task_groups *gs, const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < gs->nstatuses; i++)
        if (!strcmp(gs->statuses[i], s))
            return i;
    if (gs->nstatuses == (int)(sizeof gs->statuses / sizeof *gs->statuses))
        return -2;
    if (!(gs->statuses[gs->nstatuses] = strdup(s)))
        abort();
    return gs->nstatuses++;
}

static int task_groups(struct store *st, struct err *e)
{
    if (sq_exec(st,
                "CREATE TEMP TABLE bulk_task_groups (porg INTEGER, lorg INTEGER, year INTEGER, "
                "status TEXT, due_day INTEGER, n INTEGER, progress INTEGER)",
                e) != 0)
        return -1;
    sqlite3_stmt *rows = sq_prepare(
        st,
        "SELECT p.org_id, t.lead_org_id, tm.starts_year, t.status, "
        "  CASE WHEN t.status IN ('not_started', 'in_progress') AND t.due_day >= 0 "
        "       THEN t.due_day END, coalesce(t.progress, 0) "
        "FROM tasks t JOIN programs p ON p.id = t.program_id "
        "LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = "
        "rs.term_id",
        e);
    if (!rows)
        return -1;
    struct task_groups gs = {0};
    int rc;
    while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
        struct task_group g = {
            .porg = sqlite3_column_int64(rows, 0),
            .lorg = sqlite3_column_int64(rows, 1),
            .year = sqlite3_column_int64(rows, 2),
            .status = status_index(&gs, (const char *)sqlite3_column_text(rows, 3)),
            .due_day = sqlite3_column_int64(rows, 4),
            .progress = sqlite3_column_int64(rows, 5),
            .null = (sqlite3_column_type(rows, 2) == SQLITE_NULL ? 1u : 0u) |
                    (sqlite3_column_type(rows, 4) == SQLITE_NULL ? 2u : 0u),
        };
        if (g.status == -2) {
            rc = SQLITE_MISUSE;
            break;
        }
        groups_add(&gs, &g);
    }
    sqlite3_reset(rows);
    int out = 0;
    if (rc == SQLITE_MISUSE)
        out =
            err_set(e, E_INTERNAL, NULL,
                    "Quá nhiều trạng thái nhiệm vụ khác nhau. / Too many distinct task statuses.");
    else if (rc != SQLITE_DONE)
        out = sq_fail(st, rc, e);
    sqlite3_stmt *put =
        out ? NULL
            : sq_prepare(st,
                         "INSERT INTO temp.bulk_task_groups VALUES (?1, ?2, ?3, ?4, "
                         "?5, ?6, ?7)",
                         e);
    out = out || !put ? -1 : 0;
    for (size_t i = 0; out == 0 && i < gs.cap; i++) {
        const struct task_group *g = &gs.slot[i];
        if (!g->used)
            continue;
        sqlite3_bind_int64(put, 1, g->porg);
        sqlite3_bind_int64(put, 2, g->lorg);
        if (g->null & 1u)
            sqlite3_bind_null(put, 3);
        else
            sqlite3_bind_int64(put, 3, g->year);
        if (g->status < 0)
            sqlite3_bind_null(put, 4);
        else
            sqlite3_bind_text(put, 4, gs.statuses[g->status], -1, SQLITE_STATIC);
        if (g->null & 2u)
            sqlite3_bind_null(put, 5);
        else
            sqlite3_bind_int64(put, 5, g->due_day);
        sqlite3_bind_int64(put, 6, g->n);
        sqlite3_bind_int64(put, 7, g->progress);
        out = sq_done(st, put, e);
    }
    for (int i = 0; i < gs.nstatuses; i++)
        free(gs.statuses[i]);
    free(gs.slot);
    return out;
}

/* Runs `sql_of_rows`, then executes the text of each row it returns (column 0). The rows are
 * read whole first: changing the schema while stepping over sqlite_schema is undefined. */
static int exec_each(struct store *st, const char *sql_of_rows, struct err *e)
{
    json_t *rows = sq_rows(st, sql_of_rows, NULL, e);
    int out = rows ? 0 : -1;
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        if (out == 0)
            out = sq_exec(st, json_string_value(json_array_get(row, 0)), e);
    }
    json_decref(rows);
    return out;
}

/* The tables whose secondary indexes a bulk load takes off (see the top of the file). */
#define BULK_INDEXED_TABLES                                                                        \
    "'people', 'programs', 'tasks', 'tasks__coordinating_org_ids', 'tasks__covers', "              \
    "'task_updates', 'indicator_values'"

int store_bulk_begin(struct store *st, struct err *e)
{
    if (sq_exec(st, "PRAGMA threads = 2", e) != 0)
        return -1;
    /* The text of the triggers and indexes is kept in temporary tables, so that what goes
     * back is exactly what the migrations made, whichever migration that was. Automatic
     * indexes (of primary keys and UNIQUE) have no text and stay. */
    if (sq_exec(st,
                "CREATE TEMP TABLE bulk_triggers AS SELECT name, sql FROM sqlite_schema "
                "WHERE type = 'trigger' AND name GLOB 'rollup_*'; "
                "CREATE TEMP TABLE bulk_indexes AS SELECT name, sql FROM sqlite_schema "
                "WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (" BULK_INDEXED_TABLES
                ")",
                e) != 0)
        return -1;
    /* A bigger page cache while the load lasts: the rows' tables and the roll-ups. */
    if (sq_exec(st, "PRAGMA cache_size = -262144", e) != 0)
        return -1;
    if (exec_each(st, "SELECT 'DROP INDEX ' || name FROM temp.bulk_indexes", e) != 0 ||
        exec_each(st, "SELECT 'DROP TRIGGER ' || name FROM temp.bulk_triggers", e) != 0)
        return -1;
    struct sq_side **side = sq_side_of(st);
    sq_side_free(*side);
    *side = sq_side_start(st);
    return 0;
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int store_bulk_end(struct store *st, struct err *e)
{
    struct store_bulk_times *times = sq_bulk_times(st);
    struct sq_side **side = sq_side_of(st);
    sq_side_close_input(*side); /* it finishes while the indexes and roll-ups are built */
    double t0 = seconds_now();
    if (exec_each(st, "SELECT sql FROM temp.bulk_indexes", e) != 0)
        return -1;
    double t1 = seconds_now();
    for (size_t i = 0; i < sizeof REBUILD / sizeof *REBUILD; i++)
        if (REBUILD[i] ? sq_exec(st, REBUILD[i], e) != 0 : task_groups(st, e) != 0)
            return -1;
    double t2 = seconds_now();
    if (exec_each(st, "SELECT sql FROM temp.bulk_triggers", e) != 0 ||
        sq_exec(st, "DROP TABLE temp.bulk_triggers; DROP TABLE temp.bulk_indexes", e) != 0)
        return -1;
    int installed = sq_side_install(st, *side, e);
    sq_side_free(*side);
    *side = NULL;
    if (installed < 0 || (!installed && store_reindex(st, e) != 0))
        return -1;
    *times = (struct store_bulk_times){t1 - t0, t2 - t1, seconds_now() - t2, installed == 1};
    return sq_exec(st, "PRAGMA cache_size = -65536; PRAGMA threads = 0", e); /* as store_open */
}

/* Foreign keys are off too: every reference a row holds has been checked by its decoding
 * (resource_decode), and SQLite checking them again cost a lookup per reference. */
int store_fresh_file_mode(struct store *st, bool on, struct err *e)
{
    return sq_exec(st,
                   on ? "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                        "PRAGMA foreign_keys = OFF; PRAGMA temp_store = FILE"
                      : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                        "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY",
                   e);
}
