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
#include <stdio.h>
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
    /* Every task once, grouped by its two orgs (the program's and the lead), its program's
     * term year, its status and, for an open task, its due day. */
    "CREATE TEMP TABLE bulk_task_groups AS "
    "SELECT p.org_id AS porg, t.lead_org_id AS lorg, tm.starts_year AS year, t.status AS status, "
    "  CASE WHEN t.status IN ('not_started', 'in_progress') AND t.due_day >= 0 "
    "       THEN t.due_day END AS due_day, "
    "  count(*) AS n, sum(coalesce(t.progress, 0)) AS progress "
    "FROM tasks t JOIN programs p ON p.id = t.program_id "
    "LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON tm.id = rs.term_id "
    "GROUP BY 1, 2, 3, 4, 5",
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
        if (sq_exec(st, REBUILD[i], e) != 0)
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
