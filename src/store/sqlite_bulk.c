/*
 * Bulk loads (import, gen). Row by row, the roll-up triggers of 002_rollup.sql cost about
 * half of a load: each task re-derives its contribution to every ancestor through the
 * task_contrib view, some twenty upserts. A bulk load takes them off for its duration and
 * then builds the roll-up tables from the rows, grouping first by org (thousands of groups,
 * not millions of rows times the tree's depth) and only then spreading each group over the
 * org's ancestors: in a few set-based statements, and for the tasks, which are nearly all of
 * the rows, in one pass through hash tables (task_rollups). The result is the same sums the
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
#include "domain/nouns.h"
#include "store/sqlite_internal.h"

/* Statements run in order; each is small enough to read against the trigger it replaces.
 * rollup_tasks and rollup_due, emptied by the first two, are then made by task_rollups(). */
static const char *const REBUILD[] = {
    "DELETE FROM rollup_tasks",
    "DELETE FROM rollup_due",
    "DELETE FROM rollup_programs",
    "DELETE FROM rollup_dissemination",
    "DELETE FROM rollup_orgs",
    "INSERT INTO rollup_orgs (org_id, n) SELECT CAST(a.value AS INTEGER), count(*) "
    "FROM orgs o JOIN json_each('[' || replace(trim(o.path, '/'), '/', ',') || ']') a "
    "WHERE o.path <> '' GROUP BY 1",
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
};

/* rollup_programs from the rows, when the load's programs were not counted as they were
 * written (program_rollups). */
static const char PROGRAMS_FROM_ROWS[] =
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
    "WHERE o.path <> '' GROUP BY 1, 2";

/* ---- the tasks' roll-ups (rollup_tasks, rollup_due) ----
 * Every task once, grouped by its two orgs (the program's and the lead), its program's term
 * year, its status and, for an open task, its due day: a few hundred thousand groups of 27
 * million tasks at the country tier. Each group then counts under each of its two orgs (by
 * the program's org, by_lead 0, and by the lead, by_lead 1), for every org on that org's path,
 * under its term year and under 0, as the views of 002_rollup.sql count a single task.
 *
 * In SQL this was four statements, each a GROUP BY, which SQLite answers by sorting every
 * row to find its group: 27 million tasks, then millions of (group, ancestor) pairs, most of
 * the roll-ups' time (5 of 6.2 s at a tenth of the country). Here the tasks come in table
 * order and find their group in a hash table, in one pass; the groups are spread over the
 * paths the same way. The tests compare the result with store_rollup_scan. */

/* A hash table of sums by a key of nkeys integers: each slot is a used mark, the key, then
 * nvals sums. Open addressing, kept at most half full. */
struct agg {
    int nkeys, nvals;
    size_t cap, n;
    long long *cells;
};

static size_t agg_width(const struct agg *a)
{
    return (size_t)(1 + a->nkeys + a->nvals);
}

static size_t agg_home(const struct agg *a, const long long *key)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < a->nkeys; i++) {
        h ^= (uint64_t)key[i];
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    return (size_t)h & (a->cap - 1);
}

static long long *agg_find(struct agg *a, const long long *key, bool make);

static void agg_grow(struct agg *a)
{
    long long *old = a->cells;
    size_t old_cap = a->cap, w = agg_width(a);
    a->cap = a->cap ? a->cap * 2 : 1024;
    a->cells = calloc(a->cap, w * sizeof *a->cells);
    if (!a->cells)
        abort();
    a->n = 0;
    for (size_t i = 0; i < old_cap; i++) {
        long long *slot = old + i * w;
        if (slot[0])
            memcpy(agg_find(a, slot + 1, true), slot + 1 + a->nkeys, a->nvals * sizeof *slot);
    }
    free(old);
}

/* The sums of key, made zero when new and `make`; NULL when absent and not `make`. */
static long long *agg_find(struct agg *a, const long long *key, bool make)
{
    if (make && (a->n + 1) * 2 > a->cap)
        agg_grow(a);
    if (!a->cap)
        return NULL;
    size_t w = agg_width(a), k = agg_home(a, key);
    for (;; k = (k + 1) & (a->cap - 1)) {
        long long *slot = a->cells + k * w;
        if (!slot[0]) {
            if (!make)
                return NULL;
            slot[0] = 1;
            memcpy(slot + 1, key, a->nkeys * sizeof *key);
            a->n++;
            return slot + 1 + a->nkeys;
        }
        if (!memcmp(slot + 1, key, a->nkeys * sizeof *key))
            return slot + 1 + a->nkeys;
    }
}

/* Slot i's key (NULL when the slot is free); its sums follow it. */
static long long *agg_key(const struct agg *a, size_t i)
{
    long long *slot = a->cells + i * agg_width(a);
    return slot[0] ? slot + 1 : NULL;
}

/* A task's status as the roll-ups count it: the four of the domain each have a column; any
 * other text and NULL count in the total only, and NULL, which SQL's "status <> 'cancelled'"
 * does not pass, not in the progress either. */
enum { NOT_STARTED, IN_PROGRESS, DONE, CANCELLED, OTHER_STATUS, NULL_STATUS };
static const char *const STATUSES[] = {"not_started", "in_progress", "done", "cancelled"};

static int status_code(const unsigned char *s)
{
    if (!s)
        return NULL_STATUS;
    for (int i = 0; i < OTHER_STATUS; i++)
        if (!strcmp((const char *)s, STATUSES[i]))
            return i;
    return OTHER_STATUS;
}

/* Each program's org and term year by id, for group_tasks: read in one pass over the programs
 * (a few million) so that the pass over the tasks (27 million at the country tier) joins by
 * array, where SQLite's join looked each task's program up in its B-tree. Only when the ids
 * are dense (arrays of max id); 1 when they are not, and the caller joins in SQL. */
struct program_terms {
    long long max;
    long long *org;
    long long *year; /* PROGRAM_NO_TERM: no resolution, or no term; PROGRAM_ABSENT: no program */
};

#define PROGRAM_NO_TERM INT64_MIN
#define PROGRAM_ABSENT (INT64_MIN + 1)

static int program_terms(struct store *st, struct program_terms *pt, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, "SELECT coalesce(max(id), 0), count(*) FROM programs", e);
    if (!s)
        return -1;
    long long max = 0, count = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        max = sqlite3_column_int64(s, 0);
        count = sqlite3_column_int64(s, 1);
    }
    sqlite3_reset(s);
    if (max > 4 * count + 65536)
        return 1;
    pt->max = max;
    pt->org = calloc((size_t)max + 1, sizeof *pt->org);
    pt->year = malloc(((size_t)max + 1) * sizeof *pt->year);
    if (!pt->org || !pt->year)
        abort();
    for (long long i = 0; i <= max; i++)
        pt->year[i] = PROGRAM_ABSENT;
    s = sq_prepare(st,
                   "SELECT p.id, p.org_id, tm.starts_year FROM programs p "
                   "LEFT JOIN resolutions rs ON rs.id = p.resolution_id "
                   "LEFT JOIN terms tm ON tm.id = rs.term_id",
                   e);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        if (id < 1 || id > max)
            continue;
        pt->org[id] = sqlite3_column_int64(s, 1);
        pt->year[id] =
            sqlite3_column_type(s, 2) == SQLITE_NULL ? PROGRAM_NO_TERM : sqlite3_column_int64(s, 2);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : sq_fail(st, rc, e);
}

static void group_task(struct agg *groups, long long porg, long long lorg, long long year,
                       bool no_year, const unsigned char *status, long long due, long long progress)
{
    long long key[] = {porg, lorg, year, no_year, status_code(status), due};
    long long *sums = agg_find(groups, key, true);
    sums[0]++;
    sums[1] += progress;
}

/* ---- the same groups, counted while the rows are written ----
 * A load that only adds rows (gen, an import into a new file) can count its tasks' groups, and
 * its programs', as it inserts them, on the caller's thread, which waits for the writer much of
 * the time anyway: the finish then spreads the groups without reading the 27 million tasks back
 * (most of its roll-ups' time at the country tier). A task's group needs its program's org and
 * term year, so the load's programs, resolutions and terms are kept by id as they are
 * inserted. An update of a task moves it between groups, which needs its old values: they are
 * kept for the last RECENT tasks inserted, the ones a load updates (a task's progress reports
 * follow it). Anything else the tally cannot follow spoils it, and the finish reads the rows
 * as before: a task of a program it did not see inserted, an update of an older task, of a
 * program's org, resolution or status, of a resolution's term, of a term's first year, a
 * delete, a restore, a re-derivation of due days, a value of an unexpected type. */

enum { RECENT = 1 << 14 };

struct sq_tally {
    bool spoiled;
    struct agg tasks;    /* the key and sums of group_tasks */
    struct agg programs; /* key org, year, year is NULL; sums n, adopted */
    /* by id, 0 when not seen: a program's org, and its term year + 1 (-1: none); a
     * resolution's term id (-1: none); a term's first year + 1 (-1: none) */
    struct by_id {
        long long *v;
        size_t cap;
    } program_org, program_year, resolution_term, term_year;
    struct recent_task {
        long long id, key[6], progress;
        long long due_day; /* as stored, -1 for NULL */
    } recent[RECENT];
};

struct sq_tally *sq_tally_start(void)
{
    struct sq_tally *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->tasks = (struct agg){.nkeys = 6, .nvals = 2};
    t->programs = (struct agg){.nkeys = 3, .nvals = 2};
    return t;
}

void sq_tally_free(struct sq_tally *t)
{
    if (!t)
        return;
    free(t->tasks.cells);
    free(t->programs.cells);
    free(t->program_org.v);
    free(t->program_year.v);
    free(t->resolution_term.v);
    free(t->term_year.v);
    free(t);
}

void sq_tally_spoil(struct sq_tally *t)
{
    if (t)
        t->spoiled = true;
}

/* Ids beyond this are not kept in arrays (an import may name any id): they spoil the tally. */
enum { TALLY_MAX_ID = 1 << 28 };

static void by_id_set(struct sq_tally *t, struct by_id *b, long long id, long long v)
{
    if (id < 1 || id >= TALLY_MAX_ID) {
        t->spoiled = true;
        return;
    }
    if ((size_t)id >= b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap <= (size_t)id)
            cap *= 2;
        if (!(b->v = realloc(b->v, cap * sizeof *b->v)))
            abort();
        memset(b->v + b->cap, 0, (cap - b->cap) * sizeof *b->v);
        b->cap = cap;
    }
    b->v[id] = v;
}

static long long by_id_get(const struct by_id *b, long long id)
{
    return id >= 1 && (size_t)id < b->cap ? b->v[id] : 0;
}

/* An integer column of obj as it is stored: *v, 0 for NULL or absent (as coalesce and
 * sqlite3_column_int64 read them); false when it is neither an integer nor null. */
static bool int_column(json_t *obj, const char *name, long long *v, bool *null)
{
    json_t *j = json_object_get(obj, name);
    *null = !j || json_is_null(j);
    *v = json_is_integer(j) ? json_integer_value(j) : 0;
    return *null || json_is_integer(j);
}

/* A term year: its first year, PROGRAM_NO_TERM when there is none, or false when the tally
 * did not see the rows that tell. */
static bool year_of_resolution(struct sq_tally *t, json_t *resolution_id, long long *year)
{
    *year = PROGRAM_NO_TERM;
    if (!resolution_id || json_is_null(resolution_id))
        return true;
    if (!json_is_integer(resolution_id))
        return false;
    long long term = by_id_get(&t->resolution_term, json_integer_value(resolution_id));
    if (term == 0)
        return false;
    if (term < 0)
        return true;
    long long y = by_id_get(&t->term_year, term);
    if (y == 0)
        return false;
    if (y > 0)
        *year = y - 1;
    return true;
}

static void count_program(struct sq_tally *t, long long id, json_t *obj)
{
    long long org, year;
    bool null;
    json_t *status = json_object_get(obj, "status");
    if (!int_column(obj, "org_id", &org, &null) || null ||
        !year_of_resolution(t, json_object_get(obj, "resolution_id"), &year) ||
        (status && !json_is_string(status) && !json_is_null(status))) {
        t->spoiled = true;
        return;
    }
    by_id_set(t, &t->program_org, id, org);
    by_id_set(t, &t->program_year, id, year == PROGRAM_NO_TERM ? -1 : year + 1);
    long long key[] = {org, year == PROGRAM_NO_TERM ? 0 : year, year == PROGRAM_NO_TERM};
    long long *sums = agg_find(&t->programs, key, true);
    sums[0]++;
    sums[1] += json_is_string(status) && !strcmp(json_string_value(status), "adopted");
}

/* A task's group key (as group_tasks makes it) from its stored values. */
static bool task_key(struct sq_tally *t, const struct recent_task *k, long long program,
                     long long lead, const char *status, long long *key)
{
    long long org = by_id_get(&t->program_org, program),
              year = by_id_get(&t->program_year, program);
    if (!org || !year)
        return false;
    int code = status_code((const unsigned char *)status);
    bool open = code == NOT_STARTED || code == IN_PROGRESS;
    key[0] = org;
    key[1] = lead;
    key[2] = year > 0 ? year - 1 : 0;
    key[3] = year < 0;
    key[4] = code;
    key[5] = open && k->due_day >= 0 ? k->due_day : -1;
    return true;
}

static void task_add(struct sq_tally *t, const struct recent_task *k, long long sign)
{
    long long *sums = agg_find(&t->tasks, k->key, true);
    sums[0] += sign;
    sums[1] += sign * k->progress;
}

/* The status code back as the text status_code reads; NULL for NULL. */
static const char *status_text(long long code, const char *other)
{
    return code < OTHER_STATUS ? STATUSES[code] : code == OTHER_STATUS ? other : NULL;
}

/* A task inserted (old NULL) or changed by `obj` (old its recent values). */
static void count_task(struct sq_tally *t, long long id, json_t *obj, struct recent_task *old)
{
    long long program, lead, progress, due;
    bool np, nl, npr, nd;
    json_t *status = json_object_get(obj, "status");
    if (!int_column(obj, "program_id", &program, &np) ||
        !int_column(obj, "lead_org_id", &lead, &nl) ||
        !int_column(obj, "progress", &progress, &npr) || !int_column(obj, "due_day", &due, &nd) ||
        (status && !json_is_string(status) && !json_is_null(status))) {
        t->spoiled = true;
        return;
    }
    struct recent_task now = {.id = id};
    const char *text = status ? json_string_value(status) : NULL;
    if (old) {
        /* what obj leaves out keeps its old value; the program's key is read again when the
         * program changes, from the tally's programs */
        if (!json_object_get(obj, "program_id"))
            program = -1;
        if (!json_object_get(obj, "lead_org_id"))
            lead = old->key[1];
        if (!json_object_get(obj, "progress"))
            progress = old->progress;
        if (!json_object_get(obj, "due_day"))
            due = old->due_day;
        else if (nd)
            due = -1;
        if (!status)
            text = status_text(old->key[4], "");
    } else if (nd)
        due = -1;
    now.progress = progress;
    now.due_day = due;
    if (old && program == -1) {
        memcpy(now.key, old->key, sizeof now.key);
        now.key[1] = lead;
        int code = status_code((const unsigned char *)text);
        now.key[4] = code;
        now.key[5] = (code == NOT_STARTED || code == IN_PROGRESS) && due >= 0 ? due : -1;
    } else if (!task_key(t, &now, program, lead, text, now.key)) {
        t->spoiled = true;
        return;
    }
    if (old)
        task_add(t, old, -1);
    task_add(t, &now, 1);
    t->recent[id % RECENT] = now;
}

void sq_tally_insert(struct sq_tally *t, const struct resource *r, long long id, json_t *obj)
{
    if (!t || t->spoiled)
        return;
    long long v;
    bool null;
    if (r == &res_tasks)
        count_task(t, id, obj, NULL);
    else if (r == &res_programs)
        count_program(t, id, obj);
    else if (r == &res_resolutions) {
        if (!int_column(obj, "term_id", &v, &null))
            t->spoiled = true;
        else
            by_id_set(t, &t->resolution_term, id, null ? -1 : v);
    } else if (r == &res_terms) {
        if (!int_column(obj, "starts_year", &v, &null))
            t->spoiled = true;
        else
            by_id_set(t, &t->term_year, id, null ? -1 : v + 1);
    }
}

static bool sets_any(json_t *obj, const char *const *columns)
{
    for (; *columns; columns++)
        if (json_object_get(obj, *columns))
            return true;
    return false;
}

void sq_tally_update(struct sq_tally *t, const struct resource *r, long long id, json_t *obj)
{
    static const char *const task_columns[] = {"program_id", "lead_org_id", "status",
                                               "progress",   "due_day",     NULL};
    static const char *const program_columns[] = {"org_id", "resolution_id", "status", NULL};
    static const char *const resolution_columns[] = {"term_id", NULL};
    static const char *const term_columns[] = {"starts_year", NULL};
    if (!t || t->spoiled)
        return;
    if (r == &res_tasks && sets_any(obj, task_columns)) {
        struct recent_task *old = &t->recent[id % RECENT];
        if (old->id != id) {
            t->spoiled = true;
            return;
        }
        struct recent_task before = *old;
        count_task(t, id, obj, &before);
    } else if ((r == &res_programs && sets_any(obj, program_columns)) ||
               (r == &res_resolutions && sets_any(obj, resolution_columns)) ||
               (r == &res_terms && sets_any(obj, term_columns)))
        t->spoiled = true;
}

/* The tasks in groups: key porg, lorg, year, year is NULL, status, due day (-1: none); sums
 * n, progress. A task whose program is gone counts nowhere, as in the views' join. */
static int group_tasks(struct store *st, struct agg *groups, struct err *e)
{
    struct program_terms pt = {0};
    int dense = program_terms(st, &pt, e);
    if (dense < 0) {
        free(pt.org);
        free(pt.year);
        return -1;
    }
    static const char *const due_and_progress =
        "CASE WHEN t.status IN ('not_started', 'in_progress') AND t.due_day >= 0 "
        "THEN t.due_day ELSE -1 END, coalesce(t.progress, 0) ";
    char sql[1024];
    if (dense == 0)
        snprintf(sql, sizeof sql, "SELECT t.program_id, t.lead_org_id, t.status, %s FROM tasks t",
                 due_and_progress);
    else
        snprintf(sql, sizeof sql,
                 "SELECT p.org_id, t.lead_org_id, t.status, %s, tm.starts_year "
                 "FROM tasks t JOIN programs p ON p.id = t.program_id "
                 "LEFT JOIN resolutions rs ON rs.id = p.resolution_id LEFT JOIN terms tm ON "
                 "tm.id = rs.term_id",
                 due_and_progress);
    sqlite3_stmt *rows = sq_prepare(st, sql, e);
    int rc = rows ? SQLITE_OK : SQLITE_ERROR;
    while (rows && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        long long first = sqlite3_column_int64(rows, 0), porg, year;
        if (dense == 0) {
            if (first < 1 || first > pt.max || pt.year[first] == PROGRAM_ABSENT)
                continue;
            porg = pt.org[first];
            year = pt.year[first];
        } else {
            porg = first;
            year = sqlite3_column_type(rows, 5) == SQLITE_NULL ? PROGRAM_NO_TERM
                                                               : sqlite3_column_int64(rows, 5);
        }
        group_task(groups, porg, sqlite3_column_int64(rows, 1), year == PROGRAM_NO_TERM ? 0 : year,
                   year == PROGRAM_NO_TERM, sqlite3_column_text(rows, 2),
                   sqlite3_column_int64(rows, 3), sqlite3_column_int64(rows, 4));
    }
    if (rows)
        sqlite3_reset(rows);
    free(pt.org);
    free(pt.year);
    if (!rows)
        return -1;
    return rc == SQLITE_DONE ? 0 : sq_fail(st, rc, e);
}

/* Every org's path as the ids on it: key id; sums offset into *ids, count. */
static int org_paths(struct store *st, struct agg *paths, long long **ids, struct err *e)
{
    sqlite3_stmt *rows = sq_prepare(st, "SELECT id, path FROM orgs WHERE path <> ''", e);
    if (!rows)
        return -1;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(rows, 0), *sums = agg_find(paths, &id, true);
        sums[0] = (long long)n;
        for (const char *p = (const char *)sqlite3_column_text(rows, 1); p && *p;) {
            char *end;
            long long up = strtoll(p, &end, 10);
            if (end == p) {
                p++; /* a separator */
                continue;
            }
            if (n == cap && !(*ids = realloc(*ids, (cap = cap ? cap * 2 : 4096) * sizeof **ids)))
                abort();
            (*ids)[n++] = up;
            p = end;
        }
        sums[1] = (long long)n - sums[0];
    }
    sqlite3_reset(rows);
    return rc == SQLITE_DONE ? 0 : sq_fail(st, rc, e);
}

/* One statement for all of a's rows: they are hundreds of thousands at the country tier. */
static int put_rows(struct store *st, const struct agg *a, const char *sql, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, sql, e);
    for (size_t i = 0; s && i < a->cap; i++) {
        const long long *key = agg_key(a, i);
        if (!key)
            continue;
        for (int k = 0; k < a->nkeys + a->nvals; k++)
            sqlite3_bind_int64(s, k + 1, key[k]);
        if (sq_done(st, s, e) != 0)
            return -1;
    }
    return s ? 0 : -1;
}

/* rollup_programs from the programs' groups the tally counted (key org, year, year is NULL;
 * sums n, adopted), spread over the orgs' paths as PROGRAMS_FROM_ROWS spreads them. */
static int program_rollups(struct store *st, const struct agg *groups, const struct agg *paths,
                           const long long *ids, struct err *e)
{
    struct agg sums = {.nkeys = 2, .nvals = 2};
    for (size_t i = 0; i < groups->cap; i++) {
        const long long *g = agg_key(groups, i);
        long long *path = g && g[3] ? agg_find((struct agg *)paths, &g[0], false) : NULL;
        for (int year = 0; path && year < (g[2] ? 1 : 2); year++)
            for (long long k = path[0]; k < path[0] + path[1]; k++) {
                long long key[] = {ids[k], year ? g[1] : 0}, *s = agg_find(&sums, key, true);
                s[0] += g[3];
                s[1] += g[4];
            }
    }
    int rc = put_rows(st, &sums,
                      "INSERT INTO rollup_programs (org_id, term_year, total, adopted) "
                      "VALUES (?1, ?2, ?3, ?4)",
                      e);
    free(sums.cells);
    return rc;
}

/* The tasks' roll-ups, and the programs', from the groups the tally counted while the rows
 * were written, or from the rows when it could not (tally NULL or spoiled). */
static int task_rollups(struct store *st, struct sq_tally *tally, struct err *e)
{
    struct agg scanned = {.nkeys = 6, .nvals = 2}, paths = {.nkeys = 1, .nvals = 2};
    struct agg tasks = {.nkeys = 3, .nvals = 6}, due = {.nkeys = 4, .nvals = 1};
    long long *ids = NULL;
    bool counted = tally && !tally->spoiled;
    struct agg *groups = counted ? &tally->tasks : &scanned;
    int rc = counted ? 0 : group_tasks(st, &scanned, e);
    if (rc == 0)
        rc = org_paths(st, &paths, &ids, e);
    if (rc == 0)
        rc = counted ? program_rollups(st, &tally->programs, &paths, ids, e)
                     : sq_exec(st, PROGRAMS_FROM_ROWS, e);
    for (size_t i = 0; rc == 0 && i < groups->cap; i++) {
        const long long *g = agg_key(groups, i);
        if (!g || !g[6]) /* no task left in it (updates moved them) */
            continue;
        long long n = g[6], progress = g[7], due_day = g[5];
        int status = (int)g[4];
        for (int by_lead = 0; by_lead < 2; by_lead++) {
            long long org = g[by_lead], *path = agg_find(&paths, &org, false);
            for (int year = 0; path && year < (g[3] ? 1 : 2); year++) {
                for (long long k = path[0]; k < path[0] + path[1]; k++) {
                    /* rollup_tasks is keyed by the first three, rollup_due by all four */
                    long long key[] = {ids[k], by_lead, year ? g[2] : 0, due_day};
                    long long *t = agg_find(&tasks, key, true);
                    t[0] += n;
                    if (status < OTHER_STATUS)
                        t[1 + status] += n;
                    if (status != CANCELLED && status != NULL_STATUS)
                        t[5] += progress;
                    if (due_day >= 0)
                        agg_find(&due, key, true)[0] += n;
                }
            }
        }
    }
    if (rc == 0)
        rc = put_rows(st, &tasks,
                      "INSERT INTO rollup_tasks (org_id, by_lead, term_year, total, not_started, "
                      "in_progress, done, cancelled, progress_sum) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                      e);
    if (rc == 0)
        rc = put_rows(st, &due,
                      "INSERT INTO rollup_due (org_id, by_lead, term_year, due_day, n) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)",
                      e);
    free(scanned.cells);
    free(paths.cells);
    free(tasks.cells);
    free(due.cells);
    free(ids);
    return rc;
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

/* Indexes that stay while a load writes: their key follows the rows' order closely enough (a
 * program's tasks are written together, just after it; an org's people, plans and their items
 * together, org after org of one province; a task's updates just after it) that each new entry
 * goes at the right edge of the index or near it, in pages already in the cache, which costs
 * the writer less than sorting them all costs the finish (tasks by program and by lead took
 * 24 s of the country tier's finish). Tasks by parent holds only subtasks (a partial index),
 * which follow their parent; building it at the end read all 27 million tasks to find none.
 * The others are still sorted at the end. */
#define BULK_KEPT_INDEXES                                                                          \
    "'tasks_program', 'tasks_lead', 'tasks_parent', 'people_org', 'programs_org', "                \
    "'task_updates_task'"

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
                ") AND name NOT IN (" BULK_KEPT_INDEXES ")",
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
    struct sq_tally **tally = sq_tally_of(st);
    sq_tally_free(*tally);
    *tally = sq_tally_start();
    struct sq_writer **writer = sq_writer_of(st);
    if (!*writer)
        *writer = sq_writer_start(st); /* NULL on a connection opened unserialized */
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
    if (sq_writer_end(st, e) != 0) /* every row written before the indexes are built */
        return -1;
    struct sq_side **side = sq_side_of(st);
    sq_side_close_input(*side); /* it finishes while the indexes and roll-ups are built */
    double t0 = seconds_now();
    if (exec_each(st, "SELECT sql FROM temp.bulk_indexes", e) != 0)
        return -1;
    double t1 = seconds_now();
    for (size_t i = 0; i < sizeof REBUILD / sizeof *REBUILD; i++)
        if (sq_exec(st, REBUILD[i], e) != 0)
            return -1;
    struct sq_tally **tally = sq_tally_of(st);
    bool counted = *tally && !(*tally)->spoiled;
    int rolled = task_rollups(st, *tally, e);
    sq_tally_free(*tally);
    *tally = NULL;
    if (rolled != 0)
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
    *times =
        (struct store_bulk_times){t1 - t0, t2 - t1, seconds_now() - t2, installed == 1, counted};
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
