/*
 * The SQLite implementation of the store (store/store.h): one connection per struct store,
 * WAL journal with synchronous=FULL so that a committed write survives a kill -9 and a
 * power loss, foreign keys on, migrations from the numbered SQL files compiled into the
 * binary (with a C step for the few that SQL alone cannot write, sqlite_rebuild.c), and
 * prepared statements only. SQL text is assembled here from the static field
 * tables of domain/ (column names known at compile time); every value a user sends is
 * bound as a parameter, never spliced into SQL.
 */
#include <pthread.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "domain/nouns.h"
#include "store/sqlite_internal.h"
#include "util/embedded.h"
#include "util/period.h"
#include "util/text.h"

enum { STMT_CACHE = 192, INSERT_CACHE = 64, MEMO_RESOURCES = 32 };

struct cached_stmt {
    unsigned long long hash; /* of sql, compared before the text */
    char *sql;
    sqlite3_stmt *stmt;
    unsigned long long used;
};

struct store {
    sqlite3 *db;
    struct cached_stmt cache[STMT_CACHE];
    unsigned long long clock;
    bool in_txn;
    struct insert_sql {
        const struct resource *r;
        uint64_t set;
        char *sql;
    } insert[INSERT_CACHE];
    int ninsert;
    /* The last row read of each resource, and the last id seen to exist, inside the current
     * transaction only (other connections may write between two). A load reads the same
     * program for each of its tasks, the same org for each of its people; any update,
     * delete, move or re-derivation forgets them all. */
    struct {
        long long id, known;
        json_t *row;
    } memo[MEMO_RESOURCES];
    struct sq_packer *packer; /* packed text (sqlite_packed.c) */
    struct store_bulk_times bulk_times;
    struct sq_side *side;     /* the search index of a bulk load, built beside it */
    struct sq_tally *tally;   /* the roll-ups of a bulk load, counted as it writes */
    struct sq_writer *writer; /* a bulk load's write-behind (sqlite_writer.c), or NULL */
    long long bulk_waits;     /* how often the last one was waited for */
    struct read_cache *reads; /* with the write-behind only */
};

/* Whether connections opened from now on are serialized (SQLITE_OPEN_FULLMUTEX), which a bulk
 * load's write-behind needs; the server's connections are each one thread's and skip the
 * mutex. */
static bool share_connections;

void store_use_write_behind(bool on)
{
    share_connections = on;
}

struct sq_writer **sq_writer_of(struct store *st)
{
    return &st->writer;
}

struct sq_packer *sq_packer_of(struct store *st)
{
    return st->packer;
}

static void read_cache_free(struct store *st);

/* Every row the write-behind holds written, and it stopped: 0, or -1 with e filled when one
 * of its writes failed. */
static int writer_end(struct store *st, struct err *e)
{
    int rc = sq_writer_wait(st->writer, e);
    sq_writer_free(st->writer);
    st->writer = NULL;
    read_cache_free(st);
    return rc;
}

/* ---- reads by id while writing behind ----
 * With the write-behind, each read on the shared connection waits for the writer's step in
 * progress (SQLite's mutex): the few reads each row's rules make (its orgs' paths, the items
 * it covers, whether its references exist) then cost more than they save. They are kept
 * here, per row and column list, for as long as nothing could have changed them: a queued
 * change forgets what was kept of its table, and any other statement (sq_prepare, sq_exec,
 * sq_rows) forgets everything. */
enum { READ_SLOTS = 1 << 16, READ_INTS = 4 };

struct read_slot {
    unsigned gen, res_gen;
    int res, n;
    long long id;
    unsigned long long columns; /* hash of the column list; 0: the row exists */
    long long v[READ_INTS];
    char *text; /* store_org_path's */
};

struct read_cache {
    unsigned gen;                     /* slots of an older generation are empty */
    unsigned res_gen[BULK_RESOURCES]; /* the same, per resource (a change to one of its rows) */
    struct read_slot slot[READ_SLOTS];
};

static unsigned long long columns_hash(const char *columns)
{
    return text_hash(columns, strlen(columns)) | 1; /* 0 is "the row exists" */
}

/* The slot of (r, id, columns), or NULL when no write-behind runs. */
static struct read_slot *read_slot(struct store *st, const struct resource *r, long long id,
                                   unsigned long long columns)
{
    int res = resource_index(r);
    if (!st->writer || res < 0 || res >= BULK_RESOURCES)
        return NULL;
    if (!st->reads && !(st->reads = calloc(1, sizeof *st->reads)))
        abort();
    st->reads->gen += !st->reads->gen; /* generation 0 is never current */
    uint64_t h = ((uint64_t)id * 0x9E3779B97F4A7C15ull) ^ columns ^ (uint64_t)res;
    return &st->reads->slot[(h >> 32) & (READ_SLOTS - 1)];
}

static bool read_hit(struct store *st, struct read_slot *c, const struct resource *r, long long id,
                     unsigned long long columns)
{
    int res = resource_index(r);
    return c && c->gen == st->reads->gen && c->res == res &&
           c->res_gen == st->reads->res_gen[res] && c->id == id && c->columns == columns;
}

static void read_keep(struct store *st, struct read_slot *c, const struct resource *r, long long id,
                      unsigned long long columns, const long long *v, int n, const char *text)
{
    if (!c || n > READ_INTS)
        return;
    int res = resource_index(r);
    free(c->text);
    *c = (struct read_slot){st->reads->gen,
                            st->reads->res_gen[res],
                            res,
                            n,
                            id,
                            columns,
                            {0},
                            text ? strdup(text) : NULL};
    if (n)
        memcpy(c->v, v, (size_t)n * sizeof *v);
}

/* A change queued for a row of r: what was kept of r's rows may be stale. */
static void read_forget_rows(struct store *st, const struct resource *r)
{
    int res = resource_index(r);
    if (st->reads && res >= 0 && res < BULK_RESOURCES)
        st->reads->res_gen[res]++;
}

static void read_forget_all(struct store *st)
{
    if (st->reads && !++st->reads->gen)
        st->reads->gen = 1;
}

static void read_cache_free(struct store *st)
{
    if (!st->reads)
        return;
    for (int i = 0; i < READ_SLOTS; i++)
        free(st->reads->slot[i].text);
    free(st->reads);
    st->reads = NULL;
}

int sq_writer_end(struct store *st, struct err *e)
{
    st->bulk_waits = sq_writer_waits(st->writer);
    return writer_end(st, e);
}

long long store_write_behind_waits(struct store *st)
{
    return st->writer ? sq_writer_waits(st->writer) : st->bulk_waits;
}

struct sq_side **sq_side_of(struct store *st)
{
    return &st->side;
}

struct sq_tally **sq_tally_of(struct store *st)
{
    return &st->tally;
}

/* Tells the side index of a bulk load about a change it cannot follow: row r written with
 * the columns of obj, when one of them is searched (set to null too), or, obj NULL, a row
 * deleted (with whatever its delete cascades to). */
static void side_changed(struct store *st, const struct resource *r, json_t *obj)
{
    if (st->side && (!obj || sq_search_touches(r, obj)))
        sq_side_spoil(st->side);
}

struct store_bulk_times *sq_bulk_times(struct store *st)
{
    return &st->bulk_times;
}

struct store_bulk_times store_bulk_times(struct store *st)
{
    return st->bulk_times;
}

static void memo_forget(struct store *st)
{
    for (int k = 0; k < MEMO_RESOURCES; k++) {
        json_decref(st->memo[k].row);
        st->memo[k].row = NULL;
        st->memo[k].id = st->memo[k].known = 0;
    }
}

static int memo_slot(const struct resource *r)
{
    int k = resource_index(r);
    return k >= 0 && k < MEMO_RESOURCES ? k : -1;
}

sqlite3 *sq_db(struct store *st)
{
    return st->db;
}

/* Maps an SQLite failure to our error codes: a busy database or a full disk is 503 (try
 * again), a violated constraint is 409, anything else 500. */
int sq_fail(struct store *st, int rc, struct err *e)
{
    int ext = sqlite3_extended_errcode(st->db);
    const char *msg = sqlite3_errmsg(st->db);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return err_set(e, E_UNAVAILABLE, NULL,
                       "Cơ sở dữ liệu đang bận, xin thử lại. / The database is busy; try again.");
    if (rc == SQLITE_FULL || ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
        rc == SQLITE_IOERR)
        return err_set(e, E_UNAVAILABLE, NULL,
                       "Không ghi được dữ liệu (ổ đĩa đầy hoặc lỗi ghi); không có gì bị thay đổi. "
                       "/ The write failed (disk full or I/O error); nothing was changed.");
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY || ext == SQLITE_CONSTRAINT_TRIGGER)
        return err_set(e, E_CONFLICT, NULL,
                       "Còn dữ liệu khác tham chiếu tới đối tượng này; hãy xóa hoặc chuyển chúng "
                       "trước. / Other data still refers to this object.");
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return err_set(e, E_CONFLICT, NULL, "Đã tồn tại một đối tượng trùng. / It already exists.");
    return err_set(e, E_INTERNAL, NULL, "Lỗi cơ sở dữ liệu: %s / Database error.", msg);
}

sqlite3_stmt *sq_prepare(struct store *st, const char *sql, struct err *e)
{
    read_forget_all(st);
    read_forget_all(st);
    if (sq_writer_pending(st->writer) && sq_writer_wait(st->writer, e) != 0)
        return NULL;
    return sq_prepare_concurrent(st, sql, e);
}

sqlite3_stmt *sq_prepare_concurrent(struct store *st, const char *sql, struct err *e)
{
    struct cached_stmt *slot = NULL, *oldest = &st->cache[0];
    unsigned long long hash = text_hash(sql, strlen(sql));
    for (int i = 0; i < STMT_CACHE; i++) {
        struct cached_stmt *c = &st->cache[i];
        if (c->sql && c->hash == hash && strcmp(c->sql, sql) == 0) {
            c->used = ++st->clock;
            sqlite3_reset(c->stmt);
            sqlite3_clear_bindings(c->stmt);
            return c->stmt;
        }
        if (!c->sql && !slot)
            slot = c;
        if (c->used < oldest->used)
            oldest = c;
    }
    if (!slot) {
        slot = oldest;
        sqlite3_finalize(slot->stmt);
        free(slot->sql);
        slot->sql = NULL;
    }
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
    if (rc != SQLITE_OK) {
        sq_fail(st, rc, e);
        return NULL;
    }
    slot->sql = strdup(sql);
    slot->hash = hash;
    slot->stmt = stmt;
    slot->used = ++st->clock;
    return stmt;
}

void sq_bind_int(sqlite3_stmt *s, const char *name, long long v)
{
    sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, name), v);
}

void sq_bind_text(sqlite3_stmt *s, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(s, name);
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static void bind_json_at(sqlite3_stmt *s, int i, json_t *v);

void sq_bind_json(sqlite3_stmt *s, const char *name, json_t *v)
{
    int i = sqlite3_bind_parameter_index(s, name);
    if (i)
        bind_json_at(s, i, v);
}

static void bind_json_at(sqlite3_stmt *s, int i, json_t *v)
{
    if (!v || json_is_null(v))
        sqlite3_bind_null(s, i);
    else if (json_is_integer(v))
        sqlite3_bind_int64(s, i, json_integer_value(v));
    else if (json_is_real(v))
        sqlite3_bind_double(s, i, json_real_value(v));
    else if (json_is_boolean(v))
        sqlite3_bind_int(s, i, json_is_true(v));
    else if (json_is_string(v))
        sqlite3_bind_text(s, i, json_string_value(v), (int)json_string_length(v), SQLITE_TRANSIENT);
    else {
        char *text = json_dumps(v, JSON_COMPACT);
        sqlite3_bind_text(s, i, text, -1, free);
    }
}

/* Runs a statement that returns no rows. */
int sq_done(struct store *st, sqlite3_stmt *s, struct err *e)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return sq_fail(st, rc, e);
    return 0;
}

int sq_exec(struct store *st, const char *sql, struct err *e)
{
    read_forget_all(st);
    if (sq_writer_pending(st->writer) && sq_writer_wait(st->writer, e) != 0)
        return -1;
    char *msg = NULL;
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        sqlite3_free(msg);
        return sq_fail(st, rc, e);
    }
    return 0;
}

/* Migrations that SQL text cannot write, run by C after their file's SQL (a comment saying
 * so), in the same transaction. Each rebuilds tables, which is why migrate() runs it with
 * foreign keys off and checks them before committing. */
static const struct migration_step {
    const char *name;
    int (*run)(struct store *st, struct err *e);
} migration_steps[] = {
    {"006_integer_timestamps.sql", sq_migrate_integer_timestamps},
    {NULL, NULL},
};

/* Fails naming the first row whose reference leads nowhere (PRAGMA foreign_key_check). */
static int foreign_keys_clean(struct store *st, const char *migration, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, "PRAGMA foreign_key_check", e);
    if (!s)
        return -1;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        err_set(e, E_INTERNAL, NULL,
                "Chuyển đổi %s: dòng %lld của bảng %s tham chiếu tới %s không tồn tại. / "
                "Migration %s: row %lld of %s refers to a missing row of %s.",
                migration, (long long)sqlite3_column_int64(s, 1), sqlite3_column_text(s, 0),
                sqlite3_column_text(s, 2), migration, (long long)sqlite3_column_int64(s, 1),
                sqlite3_column_text(s, 0), sqlite3_column_text(s, 2));
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return -1;
    return rc == SQLITE_DONE ? 0 : sq_fail(st, rc, e);
}

static bool migration_applied(struct store *st, const char *name)
{
    struct err ignore = {0};
    sqlite3_stmt *s = sq_prepare(st, "SELECT 1 FROM schema_migrations WHERE name = :name", &ignore);
    if (!s)
        return false;
    sq_bind_text(s, ":name", name);
    bool applied = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_reset(s);
    return applied;
}

/* Applies migration m in its own transaction and records it, unless another process did while
 * this one waited for the write lock (two started at once on an older file). With foreign keys on,
 * the DROP TABLE of a rebuild would delete the table's rows first and cascade that delete to every
 * row that refers to them, so a step runs with them off; that can only be set outside a
 * transaction, and they are put back whatever happens. */
static int migrate_one(struct store *st, const struct embedded_file *m, struct err *e)
{
    const struct migration_step *step = migration_steps;
    while (step->name && strcmp(step->name, m->name))
        step++;
    if (!step->name)
        step = NULL;
    if (step && sq_exec(st, "PRAGMA foreign_keys = OFF", e) != 0)
        return -1;
    int rc = -1;
    sqlite3_stmt *s;
    if (sq_exec(st, "BEGIN IMMEDIATE", e) != 0)
        goto done;
    if (migration_applied(st, m->name)) {
        rc = sq_exec(st, "COMMIT", e);
        goto done;
    }
    if (sq_exec(st, m->data, e) != 0 ||
        (step && (step->run(st, e) != 0 || foreign_keys_clean(st, m->name, e) != 0)) ||
        !(s = sq_prepare(st, "INSERT INTO schema_migrations (name) VALUES (:name)", e))) {
        sq_exec(st, "ROLLBACK", NULL);
        goto done;
    }
    sq_bind_text(s, ":name", m->name);
    if (sq_done(st, s, e) != 0 || sq_exec(st, "COMMIT", e) != 0) {
        sq_exec(st, "ROLLBACK", NULL);
        goto done;
    }
    rc = 0;
done:
    /* store_open turned them on before migrating; nothing else runs migrations. */
    if (step && sq_exec(st, "PRAGMA foreign_keys = ON", e) != 0)
        rc = -1;
    return rc;
}

/* Not cached: each caller runs its statement once, and some name tables or
 * triggers that are about to go. */
json_t *sq_rows(struct store *st, const char *sql, const char *table, struct err *e)
{
    sqlite3_stmt *s;
    if (sq_writer_pending(st->writer) && sq_writer_wait(st->writer, e) != 0)
        return NULL;
    int rc = sqlite3_prepare_v2(sq_db(st), sql, -1, &s, NULL);
    if (rc != SQLITE_OK) {
        sq_fail(st, rc, e);
        return NULL;
    }
    if (table)
        sq_bind_text(s, ":t", table);
    json_t *rows = json_array();
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        json_t *row = json_array();
        for (int i = 0; i < sqlite3_column_count(s); i++)
            json_array_append_new(row, sq_column_json(s, i));
        json_array_append_new(rows, row);
    }
    if (rc != SQLITE_DONE) {
        sq_fail(st, rc, e);
        json_decref(rows);
        rows = NULL;
    }
    sqlite3_finalize(s);
    return rows;
}

/* Applies every embedded migration not yet recorded, each in its own transaction, in
 * order of file name (001_init.sql, 002_…). */
static int migrate(struct store *st, struct err *e)
{
    if (sq_exec(st,
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
                "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))",
                e) != 0)
        return -1;
    for (const struct embedded_file *m = embedded_migrations; m->name; m++)
        if (!migration_applied(st, m->name) && migrate_one(st, m, e) != 0)
            return -1;
    return 0;
}

/* SQLite counts every allocation of every connection under one process-wide mutex unless
 * told not to; nothing here reads the counts, and with a second connection busy in another
 * thread (the server's workers, a bulk load's search index) each count is a cache line
 * passed between the cores. Set before SQLite initialises; refused (and harmless) after. */
static void sqlite_settings(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *store_open(const char *path, bool create, struct err *e)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sqlite_settings);
    struct store *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    int flags = SQLITE_OPEN_READWRITE |
                (share_connections ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX) |
                (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
    if (rc != SQLITE_OK) {
        err_set(e, E_INTERNAL, NULL,
                "Không mở được cơ sở dữ liệu %s: %s / Cannot open the "
                "database.",
                path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
        store_close(st);
        return NULL;
    }
    st->packer = sq_packer_new();
    sqlite3_busy_timeout(st->db, 10000);
    sqlite3_extended_result_codes(st->db, 1);
    sq_search_register(st->db);
    sq_packed_register(st->db);
    /* WAL lets readers go on while one writer commits; synchronous=FULL syncs the WAL at
     * every commit, which is what makes an acknowledged write survive power loss. */
    if (sq_exec(st,
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;",
                e) != 0 ||
        migrate(st, e) != 0) {
        store_close(st);
        return NULL;
    }
    return st;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    writer_end(st, NULL);
    for (int i = 0; i < STMT_CACHE; i++) {
        sqlite3_finalize(st->cache[i].stmt);
        free(st->cache[i].sql);
    }
    for (int i = 0; i < st->ninsert; i++)
        free(st->insert[i].sql);
    memo_forget(st);
    sq_side_free(st->side);
    sq_tally_free(st->tally);
    sq_packer_free(st->packer);
    sq_packed_forget(st->db);
    sqlite3_close(st->db);
    free(st);
}

bool store_is_initialised(struct store *st)
{
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(st, "SELECT count(*) FROM users", &e);
    if (!s)
        return false;
    bool any = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0;
    sqlite3_reset(s);
    return any;
}

int store_begin(struct store *st, bool write, struct err *e)
{
    /* A writer takes the lock up front (IMMEDIATE) so that it waits on busy_timeout instead
     * of failing half-way when another writer got there first. */
    /* Prepared once per connection like every other statement: a request costs no parse. */
    sqlite3_stmt *s = sq_prepare(st, write ? "BEGIN IMMEDIATE" : "BEGIN", e);
    if (!s || sq_done(st, s, e) != 0)
        return -1;
    st->in_txn = true;
    memo_forget(st);
    return 0;
}

int store_commit(struct store *st, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, "COMMIT", e);
    if (!s || sq_done(st, s, e) != 0) {
        store_rollback(st);
        return -1;
    }
    st->in_txn = false;
    memo_forget(st);
    sq_packer_commit(st->packer);
    return 0;
}

int store_bulk_commit(struct store *st, struct err *e)
{
    if (!st->writer)
        return store_commit(st, e) != 0 ? -1 : store_begin(st, true, e);
    memo_forget(st);
    sq_packer_commit(st->packer);
    return sq_writer_commit(st->writer, e);
}

void store_rollback(struct store *st)
{
    writer_end(st, NULL); /* what it still holds is dropped with the rest */
    if (!sqlite3_get_autocommit(st->db))
        sq_exec(st, "ROLLBACK", NULL);
    st->in_txn = false;
    memo_forget(st);
    sq_side_free(st->side); /* what they hold may have been rolled back */
    st->side = NULL;
    sq_tally_free(st->tally);
    st->tally = NULL;
    if (st->packer)
        sq_packer_rollback(st->packer, st->db);
}

/* ---- generic rows ---- */

static bool stored_column(const struct field *f)
{
    return !(f->flags & (F_NOSTORE | F_WRITEONLY)) && f->type != FT_REFS && f->type != FT_TIMESTAMP;
}

static void link_table(const struct resource *r, const struct field *f, char *buf, size_t size)
{
    snprintf(buf, size, "%s__%s", r->name, f->name);
}

/* Replaces the link rows of each list field obj sets; a new row (`fresh`) has none to
 * delete. */
static int write_links(struct store *st, const struct resource *r, long long id, json_t *obj,
                       bool fresh, struct err *e)
{
    for (const struct field *f = r->fields; f->name; f++) {
        json_t *list = f->type == FT_REFS ? json_object_get(obj, f->name) : NULL;
        if (!list)
            continue;
        char table[128], sql[512];
        link_table(r, f, table, sizeof table);
        sqlite3_stmt *s;
        if (!fresh) {
            snprintf(sql, sizeof sql, "DELETE FROM %s WHERE owner_id = :id", table);
            s = sq_prepare(st, sql, e);
            if (!s)
                return -1;
            sq_bind_int(s, ":id", id);
            if (sq_done(st, s, e) != 0)
                return -1;
        }
        snprintf(sql, sizeof sql, "INSERT INTO %s (owner_id, ref_id, pos) VALUES (:id, :ref, :pos)",
                 table);
        size_t i;
        json_t *ref;
        json_array_foreach(list, i, ref)
        {
            s = sq_prepare(st, sql, e);
            if (!s)
                return -1;
            sq_bind_int(s, ":id", id);
            sq_bind_int(s, ":ref", json_integer_value(ref));
            sq_bind_int(s, ":pos", (long long)i);
            if (sq_done(st, s, e) != 0)
                return -1;
        }
    }
    return 0;
}

/* Binds v at i, packed when r's column is one that sqlite_packed.c packs and the connection
 * has a dictionary for it. */
static void bind_column(struct store *st, sqlite3_stmt *s, int i, const struct resource *r,
                        const struct field *f, json_t *v)
{
    size_t n = 0;
    const void *packed = json_is_string(v)
                             ? sq_pack(st->packer, r->name, field_column(f), json_string_value(v),
                                       json_string_length(v), &n)
                             : NULL;
    if (packed)
        sqlite3_bind_blob(s, i, packed, (int)n, SQLITE_TRANSIENT);
    else
        bind_json_at(s, i, v);
}

static void bind_fields(struct store *st, sqlite3_stmt *s, const struct resource *r, json_t *obj)
{
    for (const struct field *f = r->fields; f->name; f++) {
        if (!stored_column(f))
            continue;
        char param[128];
        snprintf(param, sizeof param, ":%s", field_column(f));
        json_t *v = json_object_get(obj, field_column(f));
        int i = v ? sqlite3_bind_parameter_index(s, param) : 0;
        if (i > 0)
            bind_column(st, s, i, r, f, v);
    }
}

/* The INSERT of `rows` rows for the set of columns each sets (a bit per field): row j's
 * positional parameters are ?(j*N + 1).. in the fields' order (N the fields in set), the
 * timestamps last, all bound to one parameter: ?64 for one row (as the UPDATE's), the one after
 * the last row's for more (sqlite_writer.c writes rows of one shape in one statement). */
void sq_insert_sql(const struct resource *r, uint64_t set, int rows, char *sql, size_t size)
{
    char cols[4096] = "";
    int k = 0, nset = 0;
    for (const struct field *f = r->fields; f->name; f++, k++)
        if (set & (1ULL << k)) {
            nset++;
            snprintf(cols + strlen(cols), sizeof cols - strlen(cols), "%s%s", *cols ? ", " : "",
                     field_column(f));
        }
    if (!*cols) {
        snprintf(sql, size, "INSERT INTO %s DEFAULT VALUES", r->name);
        return;
    }
    int used = snprintf(sql, size, "INSERT INTO %s (%s) VALUES ", r->name, cols);
    int stamp = rows == 1 ? 64 : rows * nset + 1;
    for (int j = 0; j < rows && used > 0 && (size_t)used < size; j++) {
        int n = 0;
        k = 0;
        used += snprintf(sql + used, size - (size_t)used, "%s(", j ? ", " : "");
        for (const struct field *f = r->fields; f->name && (size_t)used < size; f++, k++)
            if (set & (1ULL << k)) {
                n++;
                used += snprintf(sql + used, size - (size_t)used, "%s?%d", n > 1 ? ", " : "",
                                 f->type == FT_TIMESTAMP ? stamp : j * nset + n);
            }
        if ((size_t)used < size)
            used += snprintf(sql + used, size - (size_t)used, ")");
    }
}

/* The UPDATE of the set of columns a change sets, the same way: the row's id is ?63, and an
 * updated_at in the set is bound to ?64, now. */
void sq_update_sql(const struct resource *r, uint64_t set, char *sql, size_t size)
{
    char sets[4096] = "";
    int k = 0, n = 0;
    for (const struct field *f = r->fields; f->name; f++, k++) {
        if (!(set & (1ULL << k)))
            continue;
        if (f->type == FT_TIMESTAMP)
            snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%s%s = ?64",
                     *sets ? ", " : "", field_column(f));
        else
            snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%s%s = ?%d",
                     *sets ? ", " : "", field_column(f), ++n);
    }
    snprintf(sql, size, "UPDATE %s SET %s WHERE id = ?63", r->name, sets);
}

/* sq_insert_sql's text, made once per set: rows of one noun set the same few sets, and
 * building the text with snprintf for each row was a fifth of a bulk load. */
static const char *insert_sql(struct store *st, const struct resource *r, uint64_t set)
{
    for (int i = 0; i < st->ninsert; i++)
        if (st->insert[i].r == r && st->insert[i].set == set)
            return st->insert[i].sql;
    char sql[8400];
    sq_insert_sql(r, set, 1, sql, sizeof sql);
    if (st->ninsert == INSERT_CACHE) { /* many sets: start over rather than grow */
        for (int i = 0; i < st->ninsert; i++)
            free(st->insert[i].sql);
        st->ninsert = 0;
    }
    st->insert[st->ninsert] = (struct insert_sql){r, set, strdup(sql)};
    return st->insert[st->ninsert++].sql;
}

/* ---- timestamps ----
 * created_at and updated_at hold Unix seconds (migration 006: 4 bytes where the ISO text took
 * 20); the API, export and import show and take them as ISO 8601 UTC to the second,
 * "2026-12-01T23:22:31Z". Reads, writes and list filters convert with these two; migration
 * 006 converted the older text in SQL. */

/* Unix seconds of exactly "YYYY-MM-DDTHH:MM:SSZ" (a real date, hours 00–23, minutes and
 * seconds 00–59) into *out; 0, or -1 for anything else. */
static int timestamp_parse(const char *s, long long *out)
{
    static const char shape[] = "0000-00-00T00:00:00Z";
    if (!s || strlen(s) != sizeof shape - 1)
        return -1;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == '0' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
            return -1;
    char date[11];
    memcpy(date, s, 10);
    date[10] = 0;
    int days, h = (s[11] - '0') * 10 + s[12] - '0', m = (s[14] - '0') * 10 + s[15] - '0',
              sec = (s[17] - '0') * 10 + s[18] - '0';
    if (date_parse(date, &days) != 0 || h > 23 || m > 59 || sec > 59)
        return -1;
    *out = (long long)days * 86400 + h * 3600 + m * 60 + sec;
    return 0;
}

/* The ISO text of Unix seconds t, as a new JSON string. */
static json_t *timestamp_json(long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char text[32] = "";
    if (gmtime_r(&tt, &tm))
        strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(text);
}

int store_insert(struct store *st, const struct resource *r, json_t *obj, long long *id,
                 struct err *e)
{
    uint64_t set = 0;
    json_t *values[64];
    const struct field *fields[64];
    int at[64];
    int n = 0, k = 0;
    if (sq_packer_before_write(st, st->packer, r->name, true, e) != 0)
        return -1;
    json_t *own_id = NULL; /* the write-behind gives ids itself, before the row is written */
    if (st->writer) {
        *id = json_integer_value(json_object_get(obj, "id"));
        if (sq_writer_new_id(st->writer, r, id, e) != 0)
            return -1;
        own_id = json_integer(*id);
    }
    for (const struct field *f = r->fields; f->name && k < 64; f++, k++) {
        if (f->type == FT_TIMESTAMP && !(f->flags & F_NOSTORE)) {
            set |= 1ULL << k; /* bound to ?64, now */
            continue;
        }
        json_t *v = own_id && f->type == FT_ID ? own_id
                    : stored_column(f)         ? json_object_get(obj, field_column(f))
                                               : NULL;
        if (v) {
            set |= 1ULL << k;
            fields[n] = f;
            at[n] = k;
            values[n++] = v;
        }
    }
    if (own_id) {
        int rc = sq_writer_queue(st->writer, false, r, *id, set, at, values, n, obj, e);
        json_decref(own_id);
        if (rc != 0)
            return -1;
        if (st->side)
            sq_side_note(st->side, r, *id, obj);
        sq_tally_insert(st->tally, r, *id, obj);
        return 0;
    }
    sqlite3_stmt *s = sq_prepare(st, insert_sql(st, r, set), e);
    if (!s)
        return -1;
    for (int i = 0; i < n; i++)
        bind_column(st, s, i + 1, r, fields[i], values[i]);
    if (sqlite3_bind_parameter_count(s) == 64)
        sqlite3_bind_int64(s, 64, (sqlite3_int64)time(NULL));
    if (sq_done(st, s, e) != 0)
        return -1;
    *id = sqlite3_last_insert_rowid(st->db);
    if (write_links(st, r, *id, obj, true, e) != 0)
        return -1;
    if (st->side)
        sq_side_note(st->side, r, *id, obj);
    sq_tally_insert(st->tally, r, *id, obj);
    return 0;
}

int store_update(struct store *st, const struct resource *r, long long id, json_t *obj,
                 struct err *e)
{
    memo_forget(st);
    side_changed(st, r, obj);
    sq_tally_update(st->tally, r, id, obj);
    if (st->writer) {
        uint64_t set = 0;
        json_t *values[64];
        int at[64], n = 0, k = 0;
        for (const struct field *f = r->fields; f->name && k < 64; f++, k++) {
            json_t *v =
                stored_column(f) && f->type != FT_ID ? json_object_get(obj, field_column(f)) : NULL;
            if (f->type == FT_TIMESTAMP && !strcmp(f->name, "updated_at"))
                set |= 1ULL << k;
            else if (v) {
                set |= 1ULL << k;
                at[n] = k;
                values[n++] = v;
            }
        }
        /* An UPDATE needs a column to set; a change of links alone is written here. */
        if (set) {
            if (sq_packer_before_write(st, st->packer, r->name, false, e) != 0)
                return -1;
            read_forget_rows(st, r);
            return sq_writer_queue(st->writer, true, r, id, set, at, values, n, obj, e);
        }
    }
    char sets[4096] = "";
    bool has_updated = false;
    for (const struct field *f = r->fields; f->name; f++) {
        if (f->type == FT_TIMESTAMP && !strcmp(f->name, "updated_at"))
            has_updated = true;
        if (!stored_column(f) || f->type == FT_ID || !json_object_get(obj, field_column(f)))
            continue;
        snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%s%s = :%s", *sets ? ", " : "",
                 field_column(f), field_column(f));
    }
    if (has_updated) /* a parameter no field can be named: columns start with a letter */
        snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%supdated_at = :_now",
                 *sets ? ", " : "");
    if (*sets) {
        char sql[4400];
        snprintf(sql, sizeof sql, "UPDATE %s SET %s WHERE id = :id", r->name, sets);
        sqlite3_stmt *s = sq_prepare(st, sql, e);
        if (!s || sq_packer_before_write(st, st->packer, r->name, false, e) != 0)
            return -1;
        bind_fields(st, s, r, obj);
        sq_bind_int(s, ":id", id);
        if (has_updated)
            sq_bind_int(s, ":_now", (long long)time(NULL));
        if (sq_done(st, s, e) != 0)
            return -1;
    }
    return write_links(st, r, id, obj, false, e);
}

int store_restore(struct store *st, const struct resource *r, long long id, json_t *obj,
                  struct err *e)
{
    memo_forget(st);
    side_changed(st, r, obj);
    sq_tally_spoil(st->tally);
    char sets[4096] = "";
    for (const struct field *f = r->fields; f->name; f++) {
        bool column = stored_column(f) || f->type == FT_TIMESTAMP;
        json_t *v = json_object_get(obj, field_column(f));
        if (!column || f->type == FT_ID || f->type == FT_REFS || !v)
            continue;
        long long t;
        if (f->type == FT_TIMESTAMP && timestamp_parse(json_string_value(v), &t) != 0) {
            char *text = json_dumps(v, JSON_ENCODE_ANY);
            err_set(e, E_INVALID_FIELD, f->name,
                    "%s mã %lld: %s %s không phải thời điểm dạng 2026-12-01T23:22:31Z. / %s "
                    "%lld: %s %s is not a time like 2026-12-01T23:22:31Z.",
                    r->label_vi, id, f->name, text ? text : "?", r->singular, id, f->name,
                    text ? text : "?");
            free(text);
            return -1;
        }
        snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%s%s = :%s", *sets ? ", " : "",
                 field_column(f), field_column(f));
    }
    if (!*sets)
        return 0;
    char sql[4400];
    snprintf(sql, sizeof sql, "UPDATE %s SET %s WHERE id = :id", r->name, sets);
    sqlite3_stmt *s = sq_prepare(st, sql, e);
    if (!s || sq_packer_before_write(st, st->packer, r->name, false, e) != 0)
        return -1;
    for (const struct field *f = r->fields; f->name; f++) {
        char param[128];
        snprintf(param, sizeof param, ":%s", field_column(f));
        json_t *v = json_object_get(obj, field_column(f));
        long long t;
        int i = v ? sqlite3_bind_parameter_index(s, param) : 0;
        if (i > 0 && f->type == FT_TIMESTAMP && timestamp_parse(json_string_value(v), &t) == 0)
            sqlite3_bind_int64(s, i, t);
        else if (i > 0 && f->type != FT_REFS)
            bind_column(st, s, i, r, f, v);
    }
    sq_bind_int(s, ":id", id);
    return sq_done(st, s, e);
}

int store_delete(struct store *st, const struct resource *r, long long id, struct err *e)
{
    memo_forget(st);
    sq_writer_deleted(st->writer); /* and what its delete cascades to */
    side_changed(st, r, NULL);
    sq_tally_spoil(st->tally);
    char sql[256];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = :id", r->name);
    sqlite3_stmt *s = sq_prepare(st, sql, e);
    if (!s)
        return -1;
    sq_bind_int(s, ":id", id);
    return sq_done(st, s, e);
}

static const struct field *field_by_column(const struct resource *r, const char *column)
{
    for (const struct field *f = r->fields; f->name; f++)
        if (stored_column(f) && strcmp(field_column(f), column) == 0)
            return f;
    return NULL;
}

json_t *sq_column_json(sqlite3_stmt *s, int i)
{
    int type = sqlite3_column_type(s, i);
    if (type == SQLITE_INTEGER)
        return json_integer(sqlite3_column_int64(s, i));
    if (type == SQLITE_FLOAT)
        return json_real(sqlite3_column_double(s, i));
    if (type == SQLITE_NULL)
        return json_null();
    json_t *v;
    if (type == SQLITE_BLOB &&
        sq_is_packed(sqlite3_column_blob(s, i), (size_t)sqlite3_column_bytes(s, i))) {
        char *text = sq_column_text_copy(s, i);
        v = text ? json_string(text) : NULL;
        free(text);
    } else {
        v = json_stringn((const char *)sqlite3_column_text(s, i),
                         (size_t)sqlite3_column_bytes(s, i));
    }
    /* Bytes that are not text (damaged on disk, or written around the store) read as null
     * rather than vanish from the row. */
    return v ? v : json_null();
}

/* The current row of s as a stored-shape object of resource r, typed by its fields. */
static json_t *row_json(struct store *st, const struct resource *r, sqlite3_stmt *s)
{
    json_t *obj = json_object();
    int n = sqlite3_column_count(s);
    for (int i = 0; i < n; i++) {
        const char *col = sqlite3_column_name(s, i);
        const struct field *f = field_by_column(r, col);
        json_t *v;
        if (!f && strcmp(col, "created_at") && strcmp(col, "updated_at"))
            continue;
        if (sqlite3_column_type(s, i) == SQLITE_NULL)
            v = f && (f->type == FT_TEXTS || f->type == FT_OBJECTS) ? json_array() : json_null();
        else if (!f && sqlite3_column_type(s, i) == SQLITE_INTEGER)
            v = timestamp_json(sqlite3_column_int64(s, i)); /* created_at, updated_at */
        else if (f && f->type == FT_BOOL)
            v = json_boolean(sqlite3_column_int(s, i));
        else if (f && f->type == FT_REAL)
            v = json_real(sqlite3_column_double(s, i));
        else if (f && (f->type == FT_TEXTS || f->type == FT_OBJECTS)) {
            v = json_loads((const char *)sqlite3_column_text(s, i), 0, NULL);
            if (!v)
                v = json_array();
        } else
            v = sq_column_json(s, i);
        json_object_set_new(obj, col, v);
    }
    return obj;
}

static int read_links(struct store *st, const struct resource *r, json_t *obj, struct err *e)
{
    long long id = json_integer_value(json_object_get(obj, "id"));
    for (const struct field *f = r->fields; f->name; f++) {
        if (f->type != FT_REFS)
            continue;
        char table[128], sql[256];
        link_table(r, f, table, sizeof table);
        snprintf(sql, sizeof sql, "SELECT ref_id FROM %s WHERE owner_id = :id ORDER BY pos", table);
        sqlite3_stmt *s = sq_prepare(st, sql, e);
        if (!s)
            return -1;
        sq_bind_int(s, ":id", id);
        json_t *list = json_array();
        while (sqlite3_step(s) == SQLITE_ROW)
            json_array_append_new(list, json_integer(sqlite3_column_int64(s, 0)));
        sqlite3_reset(s);
        json_object_set_new(obj, f->name, list);
    }
    return 0;
}

json_t *store_get(struct store *st, const struct resource *r, long long id, struct err *e)
{
    int k = memo_slot(r);
    if (k >= 0 && st->in_txn && st->memo[k].row && st->memo[k].id == id)
        return json_deep_copy(st->memo[k].row); /* callers may change what they get */
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE id = :id", r->name);
    struct err ignore = {0};
    sqlite3_stmt *s = sq_prepare(st, sql, e ? e : &ignore);
    if (!s)
        return NULL;
    sq_bind_int(s, ":id", id);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        if (rc == SQLITE_DONE)
            resource_not_found(r, id, e);
        else
            sq_fail(st, rc, e);
        return NULL;
    }
    json_t *obj = row_json(st, r, s);
    sqlite3_reset(s);
    if (read_links(st, r, obj, e ? e : &ignore) != 0) {
        json_decref(obj);
        return NULL;
    }
    if (k >= 0 && st->in_txn) {
        json_decref(st->memo[k].row);
        st->memo[k].row = json_deep_copy(obj);
        st->memo[k].id = st->memo[k].known = id;
    }
    return obj;
}

bool store_exists(struct store *st, const struct resource *r, long long id)
{
    int k = memo_slot(r);
    if (k >= 0 && st->in_txn && id > 0 && st->memo[k].known == id)
        return true;
    if (sq_writer_known(st->writer, r, id)) /* before the cache: no memory to touch */
        return true;
    struct read_slot *c = read_slot(st, r, id, 0);
    if (read_hit(st, c, r, id, 0))
        return true;
    if (sq_writer_lookup(st->writer, r, id, 0, NULL, NULL, NULL) == SQ_WAITING_ROW) {
        read_keep(st, c, r, id, 0, NULL, 0, NULL);
        return true;
    }
    /* Not waiting to be written, so the database answers (a delete never waits). */
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = :id", r->name);
    struct err e = {0};
    sq_writer_read_begin(st->writer);
    sqlite3_stmt *s = sq_prepare_concurrent(st, sql, &e);
    if (s)
        sq_bind_int(s, ":id", id);
    bool found = s && sqlite3_step(s) == SQLITE_ROW;
    if (s)
        sqlite3_reset(s);
    sq_writer_read_end(st->writer);
    if (!s)
        return false;
    if (found && k >= 0 && st->in_txn)
        st->memo[k].known = id;
    if (found)
        read_keep(st, c, r, id, 0, NULL, 0, NULL);
    return found;
}

static int get_ints_stored(struct store *st, const struct resource *r, long long id,
                           const char *columns, long long *out, int n, bool concurrent,
                           struct err *e)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE id = :id", columns, r->name);
    struct err ignore = {0};
    struct sq_writer *reading = concurrent ? st->writer : NULL;
    sq_writer_read_begin(reading);
    sqlite3_stmt *s = concurrent ? sq_prepare_concurrent(st, sql, e ? e : &ignore)
                                 : sq_prepare(st, sql, e ? e : &ignore);
    int rc = SQLITE_ERROR;
    if (s) {
        sq_bind_int(s, ":id", id);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW && sqlite3_column_count(s) == n)
            for (int i = 0; i < n; i++)
                out[i] = sqlite3_column_int64(s, i);
        sqlite3_reset(s);
    }
    sq_writer_read_end(reading);
    if (!s)
        return -1;
    if (rc == SQLITE_DONE)
        return resource_not_found(r, id, e);
    if (rc != SQLITE_ROW)
        return sq_fail(st, rc, e ? e : &ignore);
    if (sqlite3_column_count(s) != n)
        return err_set(e ? e : &ignore, E_INTERNAL, NULL,
                       "store_get_ints: số cột không phải %d. / Not %d columns.", n, n);
    return 0;
}

/* The field indexes of columns, "a, b", when each is one of r's stored columns: their number,
 * or -1 (an expression, an unknown name). */
static int column_fields(const struct resource *r, const char *columns, int *out, int max)
{
    int n = 0;
    for (const char *p = columns; *p;) {
        size_t len = strcspn(p, ",");
        while (len && p[len - 1] == ' ')
            len--;
        int found = -1, k = 0;
        for (const struct field *f = r->fields; f->name; f++, k++)
            if (stored_column(f) && strlen(field_column(f)) == len &&
                !strncmp(field_column(f), p, len))
                found = k;
        if (found < 0 || n == max)
            return -1;
        out[n++] = found;
        p += strcspn(p, ",");
        p += strspn(p, ", ");
    }
    return n;
}

int store_get_ints(struct store *st, const struct resource *r, long long id, const char *columns,
                   long long *out, int n, struct err *e)
{
    enum { MAX = 8 };
    int fields[MAX];
    if (!st->writer)
        return get_ints_stored(st, r, id, columns, out, n, false, e);
    /* A bulk load writing behind: the values still waiting are laid over the database's. */
    unsigned long long key = columns_hash(columns);
    struct read_slot *c = read_slot(st, r, id, key);
    if (read_hit(st, c, r, id, key) && c->n == n) {
        memcpy(out, c->v, (size_t)n * sizeof *out);
        return 0;
    }
    if (n > MAX || column_fields(r, columns, fields, MAX) != n) { /* an expression */
        if (sq_writer_lookup(st->writer, r, id, 0, NULL, NULL, NULL) != SQ_NOT_WAITING)
            return get_ints_stored(st, r, id, columns, out, n, false, e);
        if (get_ints_stored(st, r, id, columns, out, n, true, e) != 0)
            return -1;
        read_keep(st, c, r, id, key, out, n, NULL);
        return 0;
    }
    struct sq_cell cells[MAX];
    bool resolved[MAX], all = true, ints = true;
    int waiting = sq_writer_lookup(st->writer, r, id, n, fields, cells, resolved);
    for (int k = 0; k < n; k++) {
        /* A reference the insert leaves out is NULL: no reference column has a DEFAULT. */
        if (!resolved[k] && waiting == SQ_WAITING_ROW && r->fields[fields[k]].type == FT_REF) {
            resolved[k] = true;
            cells[k].type = SQLITE_NULL;
        }
        all = all && resolved[k];
        ints = ints &&
               (!resolved[k] || cells[k].type == SQLITE_INTEGER || cells[k].type == SQLITE_NULL);
    }
    if (!ints || (waiting == SQ_WAITING_ROW && !all)) /* as SQLite would convert: ask it */
        return get_ints_stored(st, r, id, columns, out, n, false, e);
    if (waiting != SQ_WAITING_ROW && get_ints_stored(st, r, id, columns, out, n, true, e) != 0)
        return -1;
    for (int k = 0; k < n; k++)
        if (resolved[k])
            out[k] = cells[k].type == SQLITE_INTEGER ? cells[k].i : 0;
    read_keep(st, c, r, id, key, out, n, NULL);
    return 0;
}

json_t *store_list(struct store *st, const struct resource *r, const struct store_filter *filters,
                   int nfilters, long long after_id, int limit, struct err *e)
{
    char where[4096] = "id > :after";
    for (int i = 0; i < nfilters; i++) {
        const struct field *f = filters[i].field;
        if (f->type == FT_REFS) {
            char table[128];
            link_table(r, f, table, sizeof table);
            snprintf(where + strlen(where), sizeof where - strlen(where),
                     " AND id IN (SELECT owner_id FROM %s WHERE ref_id = :f%d)", table, i);
        } else if (json_is_null(filters[i].value)) {
            snprintf(where + strlen(where), sizeof where - strlen(where), " AND %s IS NULL",
                     field_column(f));
        } else if (sq_packed_column(r->name, field_column(f)) >= 0) {
            /* a full scan either way (no index has these columns): compare the text */
            snprintf(where + strlen(where), sizeof where - strlen(where),
                     " AND unpacked(%s) = :f%d", field_column(f), i);
        } else {
            snprintf(where + strlen(where), sizeof where - strlen(where), " AND %s = :f%d",
                     field_column(f), i);
        }
    }
    char sql[4400];
    snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE %s ORDER BY id LIMIT :limit", r->name, where);
    sqlite3_stmt *s = sq_prepare(st, sql, e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":after", after_id);
    sq_bind_int(s, ":limit", limit);
    for (int i = 0; i < nfilters; i++) {
        char param[16];
        snprintf(param, sizeof param, ":f%d", i);
        /* ?created_at=2026-12-01T23:22:31Z finds the rows of that second, as when the column
         * held that text; any other text still finds only rows holding it as text. */
        long long t;
        if (filters[i].field->type == FT_TIMESTAMP &&
            timestamp_parse(json_string_value(filters[i].value), &t) == 0)
            sq_bind_int(s, param, t);
        else
            sq_bind_json(s, param, filters[i].value);
    }
    json_t *rows = json_array();
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        json_array_append_new(rows, row_json(st, r, s));
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        json_decref(rows);
        sq_fail(st, rc, e);
        return NULL;
    }
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        if (read_links(st, r, row, e) != 0) {
            json_decref(rows);
            return NULL;
        }
    }
    return rows;
}

/* ---- org tree ---- */

char *store_org_path(struct store *st, long long org_id)
{
    struct err e = {0};
    unsigned long long key = columns_hash("path");
    struct read_slot *c = read_slot(st, &res_orgs, org_id, key);
    if (read_hit(st, c, &res_orgs, org_id, key) && c->text)
        return strdup(c->text);
    int path_field;
    struct sq_cell cell;
    bool resolved = false;
    int waiting =
        st->writer && column_fields(&res_orgs, "path", &path_field, 1) == 1
            ? sq_writer_lookup(st->writer, &res_orgs, org_id, 1, &path_field, &cell, &resolved)
            : SQ_NOT_WAITING;
    if (resolved && cell.type == SQLITE_TEXT)
        read_keep(st, c, &res_orgs, org_id, key, NULL, 0, cell.text);
    if (resolved)
        return cell.type == SQLITE_TEXT ? strdup(cell.text) : NULL;
    struct sq_writer *reading = waiting == SQ_NOT_WAITING ? st->writer : NULL;
    sq_writer_read_begin(reading);
    sqlite3_stmt *s = waiting == SQ_NOT_WAITING
                          ? sq_prepare_concurrent(st, "SELECT path FROM orgs WHERE id = :id", &e)
                          : sq_prepare(st, "SELECT path FROM orgs WHERE id = :id", &e);
    char *path = NULL;
    if (s) {
        sq_bind_int(s, ":id", org_id);
        if (sqlite3_step(s) == SQLITE_ROW)
            path = strdup((const char *)sqlite3_column_text(s, 0));
        sqlite3_reset(s);
    }
    sq_writer_read_end(reading);
    if (!s)
        return NULL;
    if (path)
        read_keep(st, c, &res_orgs, org_id, key, NULL, 0, path);
    return path;
}

/* The exclusive upper bound of a path range: "/1/5/" → "/1/50", so that
 * path >= lo AND path < hi selects a subtree through the index ('/' + 1 = '0'). */
void sq_path_upper(const char *path, char *buf, size_t size)
{
    snprintf(buf, size, "%s", path);
    size_t n = strlen(buf);
    if (n)
        buf[n - 1] = '0';
}

int store_org_move(struct store *st, long long org_id, long long old_parent, long long new_parent,
                   struct err *e)
{
    memo_forget(st);
    /* A new org (old_parent -1) has no path yet: the column's DEFAULT ''. */
    char *old_path = old_parent < 0 ? strdup("") : store_org_path(st, org_id);
    char *parent_path = new_parent ? store_org_path(st, new_parent) : strdup("/");
    if (!old_path || !parent_path) {
        free(old_path);
        free(parent_path);
        return err_set(e, E_INTERNAL, NULL, "Không tìm thấy tổ chức %lld. / Org not found.",
                       org_id);
    }
    char new_path[1024], hi[1024];
    snprintf(new_path, sizeof new_path, "%s%lld/", parent_path, org_id);
    int rc = 0;
    sqlite3_stmt *s;
    int path_field;
    if (!*old_path && st->writer && column_fields(&res_orgs, "path", &path_field, 1) == 1) {
        json_t *v = json_string(new_path);
        read_forget_rows(st, &res_orgs);
        rc = sq_writer_queue(st->writer, true, &res_orgs, org_id, 1ULL << path_field, &path_field,
                             &v, 1, NULL, e);
        json_decref(v);
    } else if (!*old_path) {
        s = sq_prepare(st, "UPDATE orgs SET path = :path WHERE id = :id", e);
        rc = s ? 0 : -1;
        if (s) {
            sq_bind_text(s, ":path", new_path);
            sq_bind_int(s, ":id", org_id);
            rc = sq_done(st, s, e);
        }
    } else {
        sq_path_upper(old_path, hi, sizeof hi);
        s = sq_prepare(st,
                       "UPDATE orgs SET path = :new || substr(path, length(:old) + 1) "
                       "WHERE path >= :old AND path < :hi",
                       e);
        rc = s ? 0 : -1;
        if (s) {
            sq_bind_text(s, ":new", new_path);
            sq_bind_text(s, ":old", old_path);
            sq_bind_text(s, ":hi", hi);
            rc = sq_done(st, s, e);
        }
    }
    if (rc == 0 && old_parent >= 0) {
        s = sq_prepare(st,
                       "INSERT INTO org_moves (org_id, from_parent_id, to_parent_id) "
                       "VALUES (:id, nullif(:from, 0), nullif(:to, 0))",
                       e);
        rc = s ? 0 : -1;
        if (s) {
            sq_bind_int(s, ":id", org_id);
            sq_bind_int(s, ":from", old_parent);
            sq_bind_int(s, ":to", new_parent);
            rc = sq_done(st, s, e);
        }
    }
    free(old_path);
    free(parent_path);
    return rc;
}

json_t *store_org_moves(struct store *st, long long org_id, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT from_parent_id, to_parent_id, moved_at FROM org_moves "
                                 "WHERE org_id = :id ORDER BY id",
                                 e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":id", org_id);
    json_t *moves = json_array();
    while (sqlite3_step(s) == SQLITE_ROW)
        json_array_append_new(moves,
                              json_pack("{s:o,s:o,s:o}", "from_parent_id", sq_column_json(s, 0),
                                        "to_parent_id", sq_column_json(s, 1), "moved_at",
                                        sq_column_json(s, 2)));
    sqlite3_reset(s);
    return moves;
}

json_t *store_org_subtree(struct store *st, long long org_id, struct err *e)
{
    char *path = store_org_path(st, org_id);
    if (!path) {
        err_set(e, E_NOT_FOUND, NULL, "Không tìm thấy tổ chức %lld. / No org with id %lld.", org_id,
                org_id);
        return NULL;
    }
    char hi[1024];
    sq_path_upper(path, hi, sizeof hi);
    sqlite3_stmt *s =
        sq_prepare(st, "SELECT id FROM orgs WHERE path >= :lo AND path < :hi ORDER BY path", e);
    json_t *ids = NULL;
    if (s) {
        sq_bind_text(s, ":lo", path);
        sq_bind_text(s, ":hi", hi);
        ids = json_array();
        while (sqlite3_step(s) == SQLITE_ROW)
            json_array_append_new(ids, json_integer(sqlite3_column_int64(s, 0)));
        sqlite3_reset(s);
    }
    free(path);
    return ids;
}

json_t *store_program_term(struct store *st, long long program_id)
{
    struct err e = {0};
    if (st->writer) { /* by id, one table at a time: what waits to be written counts */
        long long resolution, term, years[2];
        if (store_get_ints(st, &res_programs, program_id, "resolution_id", &resolution, 1, NULL) ||
            store_get_ints(st, &res_resolutions, resolution, "term_id", &term, 1, NULL) ||
            store_get_ints(st, &res_terms, term, "starts_year, ends_year", years, 2, NULL))
            return NULL;
        return json_pack("{s:I,s:I}", "starts_year", (json_int_t)years[0], "ends_year",
                         (json_int_t)years[1]);
    }
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT t.starts_year, t.ends_year FROM programs p "
                                 "JOIN resolutions r ON r.id = p.resolution_id "
                                 "JOIN terms t ON t.id = r.term_id WHERE p.id = :id",
                                 &e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":id", program_id);
    json_t *term = NULL;
    if (sqlite3_step(s) == SQLITE_ROW)
        term = json_pack("{s:I,s:I}", "starts_year", (json_int_t)sqlite3_column_int64(s, 0),
                         "ends_year", (json_int_t)sqlite3_column_int64(s, 1));
    sqlite3_reset(s);
    return term;
}

long long store_program_incomplete_tasks(struct store *st, long long program_id)
{
    struct err e = {0};
    sqlite3_stmt *s =
        sq_prepare(st,
                   "SELECT count(*) FROM tasks WHERE program_id = :p AND "
                   "((due_on IS NULL AND period IS NULL) OR coalesce(output, '') = '')",
                   &e);
    if (!s)
        return 0;
    sq_bind_int(s, ":p", program_id);
    long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return n;
}

int store_refresh_term_tasks(struct store *st, long long term_id, long long program_id,
                             struct err *e)
{
    memo_forget(st);
    sq_tally_spoil(st->tally);
    /* The last day of the term: 31 December of ends_year, as days since 1970-01-01; a
     * program without a resolution has no term, so its "term" tasks have no due day. */
    sqlite3_stmt *s = sq_prepare(
        st,
        "UPDATE tasks SET due_day = coalesce((SELECT CAST(julianday(tm.ends_year || '-12-31') - "
        "2440587.5 AS INTEGER) FROM programs p JOIN resolutions rs ON rs.id = p.resolution_id "
        "JOIN terms tm ON tm.id = rs.term_id WHERE p.id = tasks.program_id), -1) "
        "WHERE period = 'term' AND due_on IS NULL AND (CASE WHEN :t > 0 THEN program_id IN "
        "(SELECT p.id FROM programs p JOIN resolutions rs ON rs.id = p.resolution_id WHERE "
        "rs.term_id = :t) ELSE program_id = :p END)",
        e);
    if (!s)
        return -1;
    sq_bind_int(s, ":t", term_id);
    sq_bind_int(s, ":p", program_id);
    return sq_done(st, s, e);
}

/* ---- evidence files ---- */

int store_file_put(struct store *st, const char *sha256, const void *data, size_t len,
                   struct err *e)
{
    sqlite3_stmt *s = sq_prepare(
        st, "INSERT INTO file_blobs (sha256, data) VALUES (:h, :d) ON CONFLICT DO NOTHING", e);
    if (!s)
        return -1;
    sq_bind_text(s, ":h", sha256);
    sqlite3_bind_blob(s, sqlite3_bind_parameter_index(s, ":d"), data, (int)len, SQLITE_TRANSIENT);
    return sq_done(st, s, e);
}

void *store_file_data(struct store *st, const char *sha256, size_t *len)
{
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(st, "SELECT data FROM file_blobs WHERE sha256 = :h", &e);
    if (!s)
        return NULL;
    sq_bind_text(s, ":h", sha256);
    void *copy = NULL;
    if (sqlite3_step(s) == SQLITE_ROW) {
        *len = (size_t)sqlite3_column_bytes(s, 0);
        copy = malloc(*len + 1);
        memcpy(copy, sqlite3_column_blob(s, 0), *len);
    }
    sqlite3_reset(s);
    return copy;
}

json_t *store_file_users(struct store *st, long long file_id)
{
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(
        st, "SELECT owner_id FROM task_updates__evidence_file_ids WHERE ref_id = :f", &e);
    json_t *ids = json_array();
    if (!s)
        return ids;
    sq_bind_int(s, ":f", file_id);
    while (sqlite3_step(s) == SQLITE_ROW)
        json_array_append_new(ids, json_integer(sqlite3_column_int64(s, 0)));
    sqlite3_reset(s);
    return ids;
}

/* ---- maintenance ---- */

/* VACUUM INTO reads one snapshot in a read transaction, so writers go on meanwhile. */
static int compact_copy(struct store *st, const char *to, struct err *e)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "VACUUM INTO ?1", -1, &s, NULL) != SQLITE_OK)
        return sq_fail(st, sqlite3_errcode(st->db), e);
    sqlite3_bind_text(s, 1, to, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        err_set(e, E_INTERNAL, NULL, "Sao lưu thất bại: %s. / The backup failed.",
                sqlite3_errmsg(st->db));
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : -1;
}

int store_backup(struct store *st, const char *to, bool compact, struct err *e)
{
    if (compact)
        return compact_copy(st, to, e);
    sqlite3 *dest;
    if (sqlite3_open_v2(to, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        err_set(e, E_INTERNAL, NULL, "Không tạo được tệp sao lưu %s. / Cannot create %s.", to, to);
        sqlite3_close(dest);
        return -1;
    }
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", st->db, "main");
    int rc = SQLITE_OK;
    if (b) {
        /* Copy in steps so writers are not held off for long; a step that meets a writer
         * waits and retries, and a change made meanwhile restarts the copy (SQLite's rule),
         * so the result is one consistent snapshot. */
        do {
            rc = sqlite3_backup_step(b, 256);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(20);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(b);
    }
    int final = sqlite3_errcode(dest);
    sqlite3_close(dest);
    if (!b || rc != SQLITE_DONE || final != SQLITE_OK)
        return err_set(e, E_INTERNAL, NULL, "Sao lưu thất bại. / The backup failed.");
    return 0;
}

int store_integrity_check(struct store *st, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, "PRAGMA integrity_check", e);
    if (!s)
        return -1;
    int rc = sqlite3_step(s);
    bool ok = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
    sqlite3_reset(s);
    if (!ok)
        return err_set(e, E_INTERNAL, NULL, "Cơ sở dữ liệu bị hỏng. / integrity_check failed.");
    return 0;
}
