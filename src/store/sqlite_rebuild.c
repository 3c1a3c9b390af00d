/*
 * Table rebuilds, for what ALTER TABLE cannot do: change a column's type. Migration 006 is the
 * one user: created_at and updated_at become INTEGER Unix seconds (4 bytes where the ISO text
 * took 20) in every table that still has them as TEXT.
 *
 * A rebuild follows the twelve steps of https://www.sqlite.org/lang_altertable.html ("Making
 * Other Kinds Of Table Schema Changes"), inside the migration's transaction, with foreign keys
 * already off: migrate() (sqlite.c) turns them off, because with them on DROP TABLE first
 * deletes the rows and cascades that delete, and checks them with PRAGMA foreign_key_check
 * before committing. Every view and trigger of the database is saved and dropped; each table
 * is created anew as new_X, its rows copied, the old one dropped, the new one renamed to X and
 * X's indexes re-created from their text; then the views and triggers come back from their
 * exact saved text. The new table is renamed, not the old one, because since SQLite 3.26
 * (legacy_alter_table off, the default) a rename rewrites the REFERENCES clauses of other
 * tables that name the renamed one: moving the old table away would point them at it.
 * Nothing names new_X, so its rename rewrites nothing whichever the setting.
 *
 * The AUTOINCREMENT counters are put back as they were: the copy leaves each at the largest id
 * still present, and an id once given must never be given again (001_init.sql).
 *
 * The tables are found in the schema, not listed: every ordinary table with a created_at or
 * updated_at typed TEXT. That keeps no second copy of seventeen definitions that would have to
 * match 001_init.sql to the letter; a table whose timestamp column is not written as
 * 001_init.sql writes it stops the migration with its name rather than being rebuilt on a
 * guess. tests/unit/store/timestamps.c checks that the tables rebuilt are exactly those of the
 * nouns with timestamps.
 *
 * A value that is exactly the text the store wrote ("2026-12-01T23:22:31Z") becomes its Unix
 * seconds. Anything else an older import may have stored stays as it was, text, which
 * row_json (sqlite.c) reads back unchanged: nothing is lost.
 */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "store/sqlite_internal.h"

/* How 001_init.sql writes a timestamp column after its name, and what it becomes. */
static const char OLD_TYPE[] = " TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))";
static const char NEW_TYPE[] = " INTEGER NOT NULL DEFAULT (unixepoch())";

/* The tables still to rebuild, oldest first. */
static const char TEXT_TIMESTAMP_TABLES[] =
    "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND m.sql LIKE 'CREATE TABLE%' "
    "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c "
    "WHERE c.name IN ('created_at', 'updated_at') AND upper(c.type) = 'TEXT') ORDER BY m.rowid";

static bool is_timestamp(const char *column)
{
    return !strcmp(column, "created_at") || !strcmp(column, "updated_at");
}

/* Column i of a row of sq_rows(). */
static const char *cell(json_t *row, size_t i)
{
    return json_string_value(json_array_get(row, i));
}

/* Runs the SQL of a sqlite3_mprintf format, whose identifiers come from sqlite_schema and
 * are quoted with %w. */
static int exec_fmt(struct store *st, struct err *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *sql = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    if (!sql)
        abort();
    int rc = sq_exec(st, sql, e);
    sqlite3_free(sql);
    return rc;
}

/* new_<table>'s definition: the table's own (`ddl`, as sqlite_schema keeps it) under that
 * name, with each column named in `retype` written NEW_TYPE instead of OLD_TYPE. A
 * sqlite3_malloc'd string, or NULL with e filled when the definition is not as expected. */
static char *integer_ddl(const char *table, const char *ddl, json_t *retype, struct err *e)
{
    char *bare = sqlite3_mprintf("CREATE TABLE %s", table);
    char *quoted = sqlite3_mprintf("CREATE TABLE \"%w\"", table);
    const char *rest = NULL;
    if (!strncmp(ddl, bare, strlen(bare)))
        rest = ddl + strlen(bare);
    else if (!strncmp(ddl, quoted, strlen(quoted)))
        rest = ddl + strlen(quoted);
    sqlite3_free(bare);
    sqlite3_free(quoted);
    if (!rest || (*rest != ' ' && *rest != '(')) {
        err_set(e, E_INTERNAL, NULL,
                "Chuyển đổi 006: không nhận ra định nghĩa bảng %s. / Migration 006: the "
                "definition of table %s does not start as expected; nothing was changed.",
                table, table);
        return NULL;
    }
    char *text = sqlite3_mprintf("CREATE TABLE \"new_%w\"%s", table, rest);
    size_t i;
    json_t *c;
    json_array_foreach(retype, i, c)
    {
        const char *column = json_string_value(c);
        char *needle = sqlite3_mprintf("%s%s", column, OLD_TYPE);
        char *at = strstr(text, needle);
        /* Exactly once, as a whole name (after a blank, '(' or ','). */
        bool found = at && strchr(" \t\n(,", at[-1]) && !strstr(at + 1, needle);
        if (found) {
            char *next = sqlite3_mprintf("%.*s%s%s%s", (int)(at - text), text, column, NEW_TYPE,
                                         at + strlen(needle));
            sqlite3_free(text);
            text = next;
        }
        sqlite3_free(needle);
        if (!found) {
            err_set(e, E_INTERNAL, NULL,
                    "Chuyển đổi 006: cột %s của bảng %s không được định nghĩa như 001_init.sql. "
                    "/ Migration 006: %s.%s is not defined as 001_init.sql defines it; nothing "
                    "was changed.",
                    column, table, table, column);
            sqlite3_free(text);
            return NULL;
        }
    }
    return text;
}

/* Steps 4 to 8 for one table: new_X made, filled, swapped in, its indexes re-created. */
static int rebuild_table(struct store *st, const char *table, struct err *e)
{
    int rc = -1;
    char *ddl = NULL, *names = NULL, *values = NULL;
    json_t *def =
        sq_rows(st, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = :t", table, e);
    json_t *columns =
        def ? sq_rows(st, "SELECT name, type FROM pragma_table_info(:t) ORDER BY cid", table, e)
            : NULL;
    json_t *indexes = columns ? sq_rows(st,
                                        "SELECT sql FROM sqlite_schema WHERE type = 'index' AND "
                                        "tbl_name = :t AND sql IS NOT NULL ORDER BY rowid",
                                        table, e)
                              : NULL;
    json_t *retype = json_array();
    if (!indexes)
        goto done;
    sqlite3_str *n = sqlite3_str_new(NULL), *v = sqlite3_str_new(NULL);
    size_t i;
    json_t *c;
    json_array_foreach(columns, i, c)
    {
        const char *name = cell(c, 0), *sep = i ? ", " : "";
        sqlite3_str_appendf(n, "%s\"%w\"", sep, name);
        if (is_timestamp(name) && !sqlite3_stricmp(cell(c, 1), "TEXT")) {
            json_array_append_new(retype, json_string(name));
            sqlite3_str_appendf(v,
                                "%sCASE WHEN strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', \"%w\") IS "
                                "\"%w\" THEN unixepoch(\"%w\") ELSE \"%w\" END",
                                sep, name, name, name, name);
        } else
            sqlite3_str_appendf(v, "%s\"%w\"", sep, name);
    }
    names = sqlite3_str_finish(n);
    values = sqlite3_str_finish(v);
    if (!names || !values)
        abort();
    ddl = integer_ddl(table, cell(json_array_get(def, 0), 0), retype, e);
    if (!ddl || sq_exec(st, ddl, e) != 0 ||
        exec_fmt(st, e, "INSERT INTO \"new_%w\" (%s) SELECT %s FROM \"%w\"", table, names, values,
                 table) != 0 ||
        exec_fmt(st, e, "DROP TABLE \"%w\"", table) != 0 ||
        exec_fmt(st, e, "ALTER TABLE \"new_%w\" RENAME TO \"%w\"", table, table) != 0)
        goto done;
    json_array_foreach(indexes, i, c)
    {
        if (sq_exec(st, cell(c, 0), e) != 0)
            goto done;
    }
    rc = 0;
done:
    sqlite3_free(ddl);
    sqlite3_free(names);
    sqlite3_free(values);
    json_decref(def);
    json_decref(columns);
    json_decref(indexes);
    json_decref(retype);
    return rc;
}

/* Puts the AUTOINCREMENT counters back as `counters` (rows of name, seq) held them. */
static int put_counters(struct store *st, json_t *counters, struct err *e)
{
    if (sq_exec(st, "DELETE FROM sqlite_sequence", e) != 0)
        return -1;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(
        sq_db(st), "INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :seq)", -1, &s, NULL);
    if (rc != SQLITE_OK)
        return sq_fail(st, rc, e);
    size_t i;
    json_t *row;
    json_array_foreach(counters, i, row)
    {
        sqlite3_reset(s);
        sq_bind_json(s, ":t", json_array_get(row, 0));
        sq_bind_json(s, ":seq", json_array_get(row, 1));
        if ((rc = sqlite3_step(s)) != SQLITE_DONE)
            break;
    }
    int out = rc == SQLITE_DONE || rc == SQLITE_OK ? 0 : sq_fail(st, rc, e);
    sqlite3_finalize(s);
    return out;
}

int sq_migrate_integer_timestamps(struct store *st, struct err *e)
{
    int rc = -1;
    json_t *left = NULL, *counters = NULL;
    json_t *tables = sq_rows(st, TEXT_TIMESTAMP_TABLES, NULL, e);
    /* Views first, as they were made: triggers read them. */
    json_t *saved = tables ? sq_rows(st,
                                     "SELECT type, name, sql FROM sqlite_schema WHERE type IN "
                                     "('view', 'trigger') ORDER BY type = 'trigger', rowid",
                                     NULL, e)
                           : NULL;
    json_t *autoincrement =
        saved ? sq_rows(st, "SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'", NULL, e)
              : NULL;
    if (!autoincrement)
        goto done;
    /* Kept in memory, not in a temporary table: a few dozen rows, and the temporary database
     * stays unopened (once open, PRAGMA temp_store cannot change inside a transaction). */
    if (json_array_size(autoincrement) &&
        !(counters = sq_rows(st, "SELECT name, seq FROM sqlite_sequence", NULL, e)))
        goto done;
    size_t i;
    json_t *row;
    json_array_foreach(saved, i, row)
    {
        if (exec_fmt(st, e, "DROP %s \"%w\"", strcmp(cell(row, 0), "view") ? "TRIGGER" : "VIEW",
                     cell(row, 1)) != 0)
            goto done;
    }
    json_array_foreach(tables, i, row)
    {
        if (rebuild_table(st, cell(row, 0), e) != 0)
            goto done;
    }
    if (counters && put_counters(st, counters, e) != 0)
        goto done;
    json_array_foreach(saved, i, row)
    {
        if (sq_exec(st, cell(row, 2), e) != 0)
            goto done;
    }
    left = sq_rows(st, TEXT_TIMESTAMP_TABLES, NULL, e);
    if (!left)
        goto done;
    if (json_array_size(left)) {
        err_set(e, E_INTERNAL, NULL,
                "Chuyển đổi 006: bảng %s vẫn còn thời điểm dạng văn bản. / Migration 006: "
                "table %s still has text timestamps.",
                cell(json_array_get(left, 0), 0), cell(json_array_get(left, 0), 0));
        goto done;
    }
    rc = 0;
done:
    json_decref(tables);
    json_decref(saved);
    json_decref(autoincrement);
    json_decref(counters);
    json_decref(left);
    return rc;
}
