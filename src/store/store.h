/*
 * The store: the one interface through which the domain, the HTTP API and the command line
 * reach the database. Callers describe what they want in terms of resources and fields
 * (domain/resource.h) or ask one of the named questions below; SQL never leaves this layer,
 * so a PostgreSQL back end is a second implementation of these functions (store/pg.c) and
 * nothing above changes. Today the implementation is SQLite (store/sqlite.c).
 *
 * A `struct store` is one connection, used by one thread at a time. Every request is one
 * transaction: store_begin … store_commit, or store_rollback on any error.
 * Objects returned are in "stored shape" (keys are column names) and owned by the caller.
 */
#ifndef TK_STORE_H
#define TK_STORE_H
#include <jansson.h>
#include <stdbool.h>
#include "domain/resource.h"
#include "util/err.h"

struct store;

/* Opens (creating if asked) the database file and applies pending migrations.
 * NULL with e filled on failure. */
struct store *store_open(const char *path, bool create, struct err *e);
void store_close(struct store *st);
/* True when the file holds a trienkhai schema already. */
bool store_is_initialised(struct store *st);

int store_begin(struct store *st, bool write, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);

/* Generic rows. `obj` is stored shape; an "id" in obj is kept (import), else assigned. */
int store_insert(struct store *st, const struct resource *r, json_t *obj, long long *id,
                 struct err *e);
/* Writes the fields present in obj (stored shape) to row id. */
int store_update(struct store *st, const struct resource *r, long long id, json_t *obj,
                 struct err *e);
/* Writes the given stored columns of row id exactly as given, timestamps included and
 * without touching updated_at: for import, which restores state the API never takes. A
 * timestamp must be ISO 8601 UTC to the second ("2026-12-01T23:22:31Z"); any other value is
 * 422 invalid_field naming it, and nothing is written. */
int store_restore(struct store *st, const struct resource *r, long long id, json_t *obj,
                  struct err *e);
/* Deletes row id; 409 conflict when other rows still refer to it. */
int store_delete(struct store *st, const struct resource *r, long long id, struct err *e);
/* Row id in stored shape, or NULL (404 not_found in e when e is given). */
json_t *store_get(struct store *st, const struct resource *r, long long id, struct err *e);
bool store_exists(struct store *st, const struct resource *r, long long id);
/* A few values of row id, for a rule that needs a field or two of a row it refers to, where
 * store_get builds the whole row (unpacking its text): `columns` is n SQL expressions over
 * the row, comma separated ("org_id, resolution_id", "kind = 'indicator'"), read as integers
 * (NULL is 0) into out. 0, or -1 with e filled (404 not_found when there is no such row). */
int store_get_ints(struct store *st, const struct resource *r, long long id, const char *columns,
                   long long *out, int n, struct err *e);

struct store_filter {
    const struct field *field;
    json_t *value; /* typed value; membership for FT_REFS fields */
};
/* Rows with id > after_id matching every filter, ordered by id, at most limit.
 * Returns an array, or NULL with e filled. */
json_t *store_list(struct store *st, const struct resource *r, const struct store_filter *filters,
                   int nfilters, long long after_id, int limit, struct err *e);

/* Org tree: the materialized path ("/1/5/23/") of an org, NULL when unknown; malloc'd. */
char *store_org_path(struct store *st, long long org_id);
/* Rewrites the paths of org_id's subtree after its parent changed to new_parent (0: root)
 * and records the move in org_moves. */
int store_org_move(struct store *st, long long org_id, long long old_parent, long long new_parent,
                   struct err *e);
/* The moves of an org between parents, oldest first: [{"from_parent_id","to_parent_id",
 * "moved_at"}]. */
json_t *store_org_moves(struct store *st, long long org_id, struct err *e);
/* Ids of every org in the subtree of org_id, itself first; an array. */
json_t *store_org_subtree(struct store *st, long long org_id, struct err *e);

/* The term a program works under, through its resolution: {"starts_year","ends_year"} or
 * NULL when the program has no resolution. */
json_t *store_program_term(struct store *st, long long program_id);

/* How many tasks of the program lack a time frame or an expected output. */
long long store_program_incomplete_tasks(struct store *st, long long program_id);
/* Re-derives the due day of the tasks whose time frame is "term" and who have no due date,
 * for every program under term_id (or for program_id alone when term_id is 0), after the
 * term's years or the program's resolution changed. */
int store_refresh_term_tasks(struct store *st, long long term_id, long long program_id,
                             struct err *e);

/* Audit: appends one chained entry in the current transaction. before/after may be NULL. */
int store_audit(struct store *st, const char *user, const char *address, const char *action,
                const char *resource, long long resource_id, json_t *before, json_t *after,
                struct err *e);
/* Walks the chain; returns 0 when intact, else the id of the first bad entry. */
long long store_audit_verify(struct store *st, struct err *e);
/* Audit entries with id > after_id (and at >= since when given), for an org subtree when
 * org_id > 0; an array. */
json_t *store_audit_list(struct store *st, const char *since, long long after_id, int limit,
                         struct err *e);

/* The core questions (API.md "Core questions"); each returns a new object or NULL with e. */
/* Roll-up from the aggregates the store maintains on every write (a few rows read whatever
 * the subtree's size); store_rollup_scan computes the same answer from the raw rows, as the
 * reference the tests compare it with. term_year 0: every program. */
json_t *store_rollup(struct store *st, long long org_id, int term_year, bool by_lead, int today,
                     struct err *e);
json_t *store_rollup_scan(struct store *st, long long org_id, int term_year, bool by_lead,
                          int today, struct err *e);
json_t *store_coverage(struct store *st, long long resolution_id, long long program_id,
                       struct err *e);
/* Coverage by a set of programs (an array of ids; empty: every program implementing it). */
json_t *store_coverage_of(struct store *st, long long resolution_id, json_t *program_ids,
                          struct err *e);
json_t *store_cascade(struct store *st, long long org_id, long long resolution_id, struct err *e);
json_t *store_indicator_rollup(struct store *st, long long item_id, long long org_id,
                               const char *period, bool approved_only, struct err *e);
json_t *store_search(struct store *st, const char *folded_query, int limit, struct err *e);
/* The same, showing only the hits keep() accepts (what a caller may read): candidates it
 * refuses make room for older ones, read on until `limit` are kept, at most about two
 * thousand rows in all, so that one whose reach is a district finds its own rows however
 * many newer ones elsewhere name the same words. */
typedef bool (*store_search_keep)(void *ctx, const struct resource *r, long long id);
json_t *store_search_kept(struct store *st, const char *folded_query, int limit,
                          store_search_keep keep, void *keep_ctx, struct err *e);
/* Adds a written row to the search index when it is not there yet; changed and deleted rows
 * are followed by the triggers of 003_search.sql, whoever changes them. */
int store_index(struct store *st, const struct resource *r, long long id, json_t *obj,
                struct err *e);

/* Rebuilds the whole search index from the rows (after a bulk load), leaving each table one
 * FTS5 segment above the lowest level, which later writes do not merge again in one go. */
int store_reindex(struct store *st, struct err *e);

/* Bulk loads (import, gen), in the caller's write transaction: store_bulk_begin takes the
 * roll-up triggers off (and, when the searchable tables are empty, starts building the search
 * index of the rows inserted on a second thread, sqlite_side_index.c); store_bulk_end builds
 * the roll-up tables from the rows, puts the triggers back and copies that index in, or
 * rebuilds the index from the rows when the load changed or deleted what it cannot follow. Whatever
 * fails in between is rolled back with the transaction, the triggers' removal included. */
int store_bulk_begin(struct store *st, struct err *e);
/* With on, connections opened after this call are serialized, and a bulk load on one writes
 * behind: its rows' writes run on a second thread while the caller goes on (gen). Called
 * before opening; off, connections opened later are as before. */
void store_use_write_behind(bool on);
/* Commits what a bulk load wrote so far and goes on in a new transaction; writing behind, the
 * writer does it in its turn and the caller does not wait (a failure is reported by a later
 * call, and the load is rolled back as a whole). */
int store_bulk_commit(struct store *st, struct err *e);
/* How many times the caller has waited for the write-behind (a figure for gen). */
long long store_write_behind_waits(struct store *st);
int store_bulk_end(struct store *st, struct err *e);
/* How long the last store_bulk_end on this connection spent on each of its steps, in seconds:
 * the secondary indexes built by sorting, the roll-up tables, the search index; and whether
 * that index was the one built beside the load while its rows were written (a load into
 * empty tables that only adds rows), or rebuilt from the rows at the end (store_reindex); and
 * whether the tasks' and programs' roll-ups came from groups counted while the rows were
 * written (a load that adds rows and updates only the tasks it just added), or from the rows. */
struct store_bulk_times {
    double indexes, rollups, search;
    bool search_built_beside, rollups_counted;
};
struct store_bulk_times store_bulk_times(struct store *st);
/* For a new file that nobody reads before it is complete (gen writes FILE.part and renames
 * it): no journal and no syncs while on; back to WAL and full syncs when off. Outside a
 * transaction. */
int store_fresh_file_mode(struct store *st, bool on, struct err *e);

/* Users and sessions. */
json_t *store_user_by_name(struct store *st, const char *username);
int store_session_put(struct store *st, const char *token_hash, long long user_id, const char *kind,
                      long long expires_at, struct err *e);
/* The user owning a live session or token (by hash), or NULL. A session also dies after
 * `idle` seconds unused (tokens do not); last_used is touched at most once a minute, so
 * reads do not each cost a write. Call outside a transaction. */
json_t *store_session_user(struct store *st, const char *token_hash, long long now, long long idle);
int store_session_drop(struct store *st, const char *token_hash);
int store_sessions_drop_user(struct store *st, long long user_id, const char *kind);

/* ---- For caches above the store (http/cache.c; store/sqlite_version.c) ----
 * A cache of answers computed from the database stays true exactly as long as the database
 * has not changed. store_version reads a value that differs from any earlier reading
 * whenever the main database's content may have changed since, through this connection or
 * any other (another thread's connection, another process such as the command line, a
 * backup restored into this one). It may also differ when nothing visible changed (a
 * rolled-back write): a cache then merely forgets too much. One small statement; call it
 * outside a transaction, before reading what the cache will keep, so that what is kept is
 * never older than the version it is filed under. */
struct store_version {
    long long others; /* commits by other connections */
    long long pager;  /* every commit, as this connection last saw the file */
    long long own;    /* rows changed through this connection */
};
int store_version(struct store *st, struct store_version *v, struct err *e);
bool store_version_equal(const struct store_version *a, const struct store_version *b);

/* A cheaper way to the same answer, without a statement or a lock, when the store can offer
 * one (SQLite in WAL mode). The caller marks, then reads store_version and what it keeps;
 * later, while store_watch_quiet is true, nothing has been committed by anyone since the
 * mark, so the version has not moved either. Quiet is false whenever the watch is unsure.
 * store_watch_new: NULL when there is no watch to be had; free the watch before closing st,
 * and use it only on st's thread. */
struct store_watch;
struct store_watch *store_watch_new(struct store *st);
void store_watch_free(struct store_watch *w);
void store_watch_mark(struct store_watch *w);
bool store_watch_quiet(const struct store_watch *w);

/* What decides how long store_session_lookup's answer holds, for a caller that keeps it. */
struct store_session {
    long long user_id;
    long long live_until; /* the session or token is refused from this second on */
    long long touch_at;   /* from this second on, a lookup writes last_used again */
};
/* store_session_user, and fills *s (zeroed when there is no live session). */
json_t *store_session_lookup(struct store *st, const char *token_hash, long long now,
                             long long idle, struct store_session *s);

/* Evidence bytes by content hash: stored once (a second put of the same hash is a no-op);
 * store_file_data returns a malloc'd copy and its length, or NULL. */
int store_file_put(struct store *st, const char *sha256, const void *data, size_t len,
                   struct err *e);
void *store_file_data(struct store *st, const char *sha256, size_t *len);
/* Is file id referred to by any task update? Ids of those updates, as an array. */
json_t *store_file_users(struct store *st, long long file_id);

/* Online consistent copy of the database to `to` (SQLite's backup API). Compact: the copy
 * is rewritten without the free pages a migration or mass deletion left (VACUUM INTO),
 * which takes longer and holds no lock either. */
int store_backup(struct store *st, const char *to, bool compact, struct err *e);
/* Runs PRAGMA integrity_check; 0 when "ok". */
int store_integrity_check(struct store *st, struct err *e);
#endif
