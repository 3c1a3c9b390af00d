/* Helpers shared by the files of the SQLite store; nothing outside store/ includes this. */
#ifndef TK_SQLITE_INTERNAL_H
#define TK_SQLITE_INTERNAL_H
#include <jansson.h>
#include <sqlite3.h>
#include "store/store.h"

sqlite3 *sq_db(struct store *st);
/* A cached prepared statement for sql, reset and unbound; NULL with e filled. */
sqlite3_stmt *sq_prepare(struct store *st, const char *sql, struct err *e);
int sq_fail(struct store *st, int rc, struct err *e);
/* Runs SQL text (one statement or several) with no parameters; 0 or -1 with e filled. */
int sq_exec(struct store *st, const char *sql, struct err *e);
int sq_done(struct store *st, sqlite3_stmt *s, struct err *e);
void sq_bind_int(sqlite3_stmt *s, const char *name, long long v);
void sq_bind_text(sqlite3_stmt *s, const char *name, const char *v);
void sq_bind_json(sqlite3_stmt *s, const char *name, json_t *v);
json_t *sq_column_json(sqlite3_stmt *s, int i);
/* The rows of sql, each an array of its columns (sq_column_json), with `table` bound to :t when
 * given: a new array, or NULL with e filled. For statements about the schema that a caller
 * reads whole before changing what it names. */
json_t *sq_rows(struct store *st, const char *sql, const char *table, struct err *e);
void sq_path_upper(const char *path, char *buf, size_t size);
/* Migration 006 (sqlite_rebuild.c): every table whose created_at or updated_at is TEXT rebuilt
 * with them INTEGER (Unix seconds), inside the caller's transaction, with foreign keys already
 * off; 0 or -1 with e filled. */
int sq_migrate_integer_timestamps(struct store *st, struct err *e);
/* Registers the SQL functions of the search index (search_fold, search_probe) on a new
 * connection, before its migrations run: migration 003 and the triggers it makes use them. */
void sq_search_register(sqlite3 *db);
/* A searchable resource's place among the sources of search (sqlite_search.c), from 1; 0 when
 * r is not searchable. */
int sq_search__code(const struct resource *r);
#endif
