/* Helpers shared by the files of the SQLite store; nothing outside store/ includes this. */
#ifndef TK_SQLITE_INTERNAL_H
#define TK_SQLITE_INTERNAL_H
#include <jansson.h>
#include <stdint.h>
#include <sqlite3.h>
#include "store/store.h"

sqlite3 *sq_db(struct store *st);
/* A cached prepared statement for sql, reset and unbound; NULL with e filled. It first waits
 * for the rows a bulk load's write-behind holds (sqlite_writer.c), so that what it reads or
 * writes follows every write asked for before it. */
sqlite3_stmt *sq_prepare(struct store *st, const char *sql, struct err *e);
/* The same without that wait: for a statement no waiting row can change. */
sqlite3_stmt *sq_prepare_concurrent(struct store *st, const char *sql, struct err *e);
/* The INSERT of the fields in set (a bit per field index) for `rows` rows: ?1.. in the fields'
 * order, the next row's after them, the timestamps ?64 for one row; the UPDATE the same way as
 * one row, its row's id ?63. */
void sq_insert_sql(const struct resource *r, uint64_t set, int rows, char *sql, size_t size);
void sq_update_sql(const struct resource *r, uint64_t set, char *sql, size_t size);
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
/* Where store_bulk_end keeps the times of its steps (store_bulk_times). */
struct store_bulk_times *sq_bulk_times(struct store *st);
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
/* The most searched fields a resource may have. */
enum { SQ_MAX_SEARCH_FIELDS = 8 };
/* The searchable resources, k from 0 to sq_search_nsources() - 1, in the order of their
 * codes (sq_search__code(sq_search_source(k)) is k + 1). */
int sq_search_nsources(void);
const struct resource *sq_search_source(int k);
/* The texts of r's searched fields in obj (stored shape), into vals (borrowed, NULL when
 * absent); their number. */
int sq_search_values(const struct resource *r, json_t *obj, const char **vals);
/* True when obj (stored shape) sets any of r's searched fields, to null included. */
bool sq_search_touches(const struct resource *r, json_t *obj);
/* The words the index holds for row id whose searched fields are vals[0..n): malloc'd, ""
 * when they have none. The one definition of them, for every path that indexes a row. */
char *sq_index_words(long long id, const char *const *vals, int n);
/* The same from the fields' folded texts (text_fold), for a caller that folds them itself. */
char *sq_index_words_folded(long long id, const char *const *folded, int n);
/* The search index of a bulk load built on a second thread while its rows are written
 * (sqlite_side_index.c). sq_side_start: NULL when it cannot serve this load (a searchable
 * table holds rows already, an in-memory database, no thread); sq_side_note: a row inserted;
 * sq_side_spoil: a row changed or deleted, which it cannot follow; sq_side_close_input: no
 * more rows, finish in the background; sq_side_install: the side index copied into the
 * database in the caller's transaction, 1, or 0 when it cannot serve (the caller reindexes),
 * or -1 with e filled; sq_side_free: stopped and its file removed. */
struct sq_side;
struct sq_side *sq_side_start(struct store *st);
void sq_side_note(struct sq_side *s, const struct resource *r, long long id, json_t *obj);
void sq_side_spoil(struct sq_side *s);
void sq_side_close_input(struct sq_side *s);
int sq_side_install(struct store *st, struct sq_side *s, struct err *e);
void sq_side_free(struct sq_side *s);
/* The side index of the bulk load in progress on st, or NULL. */
struct sq_side **sq_side_of(struct store *st);
/* The roll-ups of a bulk load counted as its rows are written (sqlite_bulk.c), so that its
 * end need not read the rows back: sq_tally_insert and sq_tally_update after each write of a
 * row (obj in the stored shape), sq_tally_spoil for a change it cannot follow (the end then
 * reads the rows). All on the caller's thread. */
struct sq_tally;
struct sq_tally *sq_tally_start(void);
void sq_tally_insert(struct sq_tally *t, const struct resource *r, long long id, json_t *obj);
void sq_tally_update(struct sq_tally *t, const struct resource *r, long long id, json_t *obj);
void sq_tally_spoil(struct sq_tally *t);
void sq_tally_free(struct sq_tally *t);
/* The tally of the bulk load in progress on st, or NULL. */
struct sq_tally **sq_tally_of(struct store *st);
/* Packed text (sqlite_packed.c): the long shared text of a few columns stored compressed
 * against a dictionary trained on the column's rows. */
struct sq_packer;
struct sq_packer *sq_packer_new(void);
void sq_packer_free(struct sq_packer *p);
/* Before a row of `table` is written (insert: counts towards the next look at the column's
 * dictionaries, which may train a new one): 0, or -1 with e filled. */
int sq_packer_before_write(struct store *st, struct sq_packer *p, const char *table, bool insert,
                           struct err *e);
void sq_packer_commit(struct sq_packer *p);
void sq_packer_rollback(struct sq_packer *p, sqlite3 *db);
/* Index of a packed column, or -1. */
int sq_packed_column(const char *table, const char *column);
/* text packed for table.column (*packed_len bytes, borrowed: valid until the packer's next
 * sq_pack), or NULL when it stays plain. */
const void *sq_pack(struct sq_packer *p, const char *table, const char *column, const char *text,
                    size_t len, size_t *packed_len);
bool sq_is_packed(const void *p, size_t n);
/* The text of a packed value read on db (malloc'd, NUL-terminated, *len bytes), or NULL. */
char *sq_unpack(sqlite3 *db, const void *p, size_t n, size_t *len);
/* Column i of s, or an SQL function's argument, as text, unpacked when packed: malloc'd, or
 * NULL for SQL NULL (and for a packed value that cannot be read). */
char *sq_column_text_copy(sqlite3_stmt *s, int i);
char *sq_value_text_copy(sqlite3_context *c, sqlite3_value *v);
/* Registers unpacked(x), the text of a packed or plain value, on a new connection. */
void sq_packed_register(sqlite3 *db);
/* Drops what the unpacker holds for db (on close, and after a rollback that trained). */
void sq_packed_forget(sqlite3 *db);
/* Write-behind (sqlite_writer.c): a bulk load's INSERTs and UPDATEs run on a second thread.
 * sq_writer_start: NULL when the connection is not serialized or no thread can start;
 * sq_writer_new_id: the id a new row gets (*id, when positive, is the one asked for);
 * sq_writer_queue: a row's write, its values copied (fields[i] the field index of values[i]),
 * and its list fields' links taken from obj; sq_writer_wait: every queued write done, 0, or -1
 * with e filled by the first that failed; sq_writer_lookup: the newest waiting values of
 * fields[0..n) of row id into out (resolved[k] when found), and whether the row's insert
 * waits (SQ_WAITING_ROW), only changes to it (SQ_WAITING_CHANGE) or nothing; sq_writer_last_id:
 * the highest id the table will hold; sq_writer_free: waits, then stops. */
struct sq_writer;
struct sq_cell {
    int type; /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_NULL; SQLITE_BLOB: packed */
    long long i;
    double d;
    const char *text; /* NUL-terminated, borrowed until the next write */
    size_t len;
};
enum { SQ_NOT_WAITING, SQ_WAITING_CHANGE, SQ_WAITING_ROW };
struct sq_writer *sq_writer_start(struct store *st);
int sq_writer_new_id(struct sq_writer *w, const struct resource *r, long long *id, struct err *e);
int sq_writer_queue(struct sq_writer *w, bool update, const struct resource *r, long long id,
                    uint64_t set, const int *fields, json_t *const *values, int n, json_t *obj,
                    struct err *e);
int sq_writer_wait(struct sq_writer *w, struct err *e);
/* A COMMIT and a new BEGIN IMMEDIATE queued after the writes before it: 0, or -1 with e filled
 * when an earlier write failed. */
int sq_writer_commit(struct sq_writer *w, struct err *e);
bool sq_writer_pending(const struct sq_writer *w);
int sq_writer_lookup(struct sq_writer *w, const struct resource *r, long long id, int n,
                     const int *fields, struct sq_cell *out, bool *resolved);
long long sq_writer_last_id(struct sq_writer *w, const struct resource *r);
/* True when row id of r surely exists: every id up to the last was given and none deleted
 * (sq_writer_deleted: some rows were). */
bool sq_writer_known(const struct sq_writer *w, const struct resource *r, long long id);
void sq_writer_deleted(struct sq_writer *w);
long long sq_writer_waits(const struct sq_writer *w);
/* A read of the caller's while the writer runs, from its statement's first call to its reset:
 * the connection is the caller's for that long (nothing when w is NULL). */
void sq_writer_read_begin(struct sq_writer *w);
void sq_writer_read_end(struct sq_writer *w);
void sq_writer_free(struct sq_writer *w);
/* The write-behind of st (NULL when none); sq_writer_end waits for it and stops it. */
struct sq_writer **sq_writer_of(struct store *st);
int sq_writer_end(struct store *st, struct err *e);
struct sq_packer *sq_packer_of(struct store *st);
#endif
