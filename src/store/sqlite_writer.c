/*
 * Write-behind for a bulk load (gen): the rows' INSERTs and UPDATEs run on a second thread,
 * so that SQLite's own work (the B-tree, the record, the packing of long text) overlaps the
 * next rows' decoding and rules on the caller's thread. In a bulk load SQLite's work was half
 * of the writing thread's time, and the machine has two cores.
 *
 * The caller's thread owns everything but the connection's steps: it assigns ids itself (so a
 * row's id is known before its INSERT runs), copies each row's values into a batch, and hands
 * full batches over in order. The connection is opened serialized (SQLITE_OPEN_FULLMUTEX), so
 * the caller may still read through it while the writer writes; what it must not read there
 * is a row still waiting in a batch. Three things keep the two threads apart:
 *   - reads of a row by id (store_get_ints, store_exists, store_org_path) ask sq_writer_lookup
 *     first: the newest waiting values of the row's columns, laid over what the database
 *     holds, are exactly what the database will hold once the batches are written; sqlite.c
 *     keeps what they read until a change to the row's table is queued (each read through the
 *     shared connection waits for the writer's step in progress);
 *   - a table that held every id from 1 to its last when the load first wrote to it, and has
 *     been given only the next id since, holds a row by id without asking (sq_writer_known);
 *   - reads that no waiting row can change (the dictionaries of packed text) go on as they are.
 * Every other statement of the caller's thread first waits for every batch to be written
 * (sq_prepare calls sq_writer_wait), so that it sees the database as if the writes had been
 * made where they were asked for. A row that only SQLite would refuse (an id already taken)
 * is refused late: at the next wait, which fails the load.
 *
 * A failed write stops the writer: the batches after it are dropped, the caller's next write
 * or wait reports the error, and the caller rolls the transaction back as it would have.
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "domain/nouns.h"
#include "store/sqlite_internal.h"

enum {
    BATCH_OPS = 512,   /* rows in a batch handed over at once */
    MAX_BATCHES = 8,   /* handed over and not yet recycled, at most */
    HASH_SLOTS = 2048, /* per batch, a power of two at least twice BATCH_OPS */
    MAX_STMTS = 192,
    GROUP_ROWS = 32, /* rows of one shape inserted by one statement, at most */
    MAX_GROUPS = 8,  /* shapes whose inserts wait at once */
};

/* One value of a row, as it will be bound: text lives in the batch's arena at off. */
struct wcell {
    short field;        /* index in r->fields */
    unsigned char type; /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB (packed), NULL */
    long long i;
    double d;
    size_t off, len;
};

/* A list field's new links (write_links): refs[ref0 .. ref0 + n). */
struct wlink {
    short field;
    int ref0, n;
};

struct wop {
    bool update; /* else an insert */
    short res;   /* resource_index */
    long long id;
    uint64_t set; /* the fields it binds, a bit per field index (timestamps too) */
    int cell0, ncells, link0, nlinks;
    int prev; /* the older op on the same row in this batch, or -1 */
};

struct batch {
    struct wop *ops;
    int nops, cap_ops;
    struct wcell *cells;
    int ncells, cap_cells;
    struct wlink *links;
    int nlinks, cap_links;
    long long *refs;
    int nrefs, cap_refs;
    char *text;
    size_t ntext, cap_text;
    int slots[HASH_SLOTS]; /* newest op + 1 of a (res, id), 0 when empty */
};

enum stmt_kind { STMT_INSERT, STMT_UPDATE, STMT_LINK_INSERT, STMT_LINK_DELETE };

struct wstmt {
    const struct resource *r;
    uint64_t set; /* the fields bound; for links, the list field's index */
    enum stmt_kind kind;
    int rows; /* an INSERT's rows */
    sqlite3_stmt *stmt;
};

/* Inserts of one shape (resource and fields set) waiting to be written in one statement. */
struct group {
    short res;
    uint64_t set;
    int n;
    int ops[GROUP_ROWS];
};

struct sq_writer {
    struct store *st;
    sqlite3 *db;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t work, idle;
    /* ring[i % MAX_BATCHES] for i in [recycled, head): handed over; [tail, head) not yet
     * written. head and recycled are the caller's, tail the writer's (under lock). */
    struct batch *ring[MAX_BATCHES];
    unsigned long head, tail, recycled;
    bool stop, failed;
    struct err error;
    /* the caller's */
    struct batch *filling;
    struct batch *spare[MAX_BATCHES + 1];
    int nspare;
    long long next_id[BULK_RESOURCES]; /* 0: not read yet */
    /* The table holds every id from 1 to next_id - 1 (it did when first read, and each new
     * row took the next id since): a row by id then exists without asking. */
    bool dense[BULK_RESOURCES];
    long long waits;
    /* The caller's reads that wait for the connection, or hold it (sq_writer_read_begin): the
     * writer lets them in before its next row. */
    int readers;
    int in_row; /* the writer is writing a row (a hint for the readers' wait, not a lock) */
    /* the writer's */
    struct wstmt stmts[MAX_STMTS];
    int nstmts;
    struct group groups[MAX_GROUPS];
    int ngroups;
};

/* ---- batches ---- */

static void *grow(void *p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return p;
    int n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    p = realloc(p, (size_t)n * size);
    if (!p)
        abort();
    *cap = n;
    return p;
}

static struct batch *batch_new(void)
{
    struct batch *b = calloc(1, sizeof *b);
    if (!b)
        abort();
    return b;
}

static void batch_free(struct batch *b)
{
    if (!b)
        return;
    free(b->ops);
    free(b->cells);
    free(b->links);
    free(b->refs);
    free(b->text);
    free(b);
}

static void batch_clear(struct batch *b)
{
    b->nops = b->ncells = b->nlinks = b->nrefs = 0;
    b->ntext = 0;
    memset(b->slots, 0, sizeof b->slots);
}

static unsigned slot_of(int res, long long id)
{
    uint64_t h = ((uint64_t)id * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)res << 56);
    return (unsigned)(h >> 40) & (HASH_SLOTS - 1);
}

/* The slot holding (res, id)'s newest op, or the empty slot where it would go. */
static int *slot_find(struct batch *b, int res, long long id)
{
    for (unsigned k = slot_of(res, id);; k = (k + 1) & (HASH_SLOTS - 1)) {
        int *s = &b->slots[k];
        if (!*s || (b->ops[*s - 1].res == res && b->ops[*s - 1].id == id))
            return s;
    }
}

static size_t text_put(struct batch *b, const char *s, size_t n)
{
    if (b->ntext + n + 1 > b->cap_text) {
        size_t cap = b->cap_text ? b->cap_text : 65536;
        while (cap < b->ntext + n + 1)
            cap *= 2;
        if (!(b->text = realloc(b->text, cap)))
            abort();
        b->cap_text = cap;
    }
    size_t off = b->ntext;
    memcpy(b->text + off, s, n);
    b->text[off + n] = 0;
    b->ntext += n + 1;
    return off;
}

/* A text of a packed column (sqlite_packed.c) is packed here, on the caller's thread, and
 * kept as the blob the writer binds: the writer was the slowest of a load's three threads
 * (the caller waited for it), and zstd was a tenth of its work. */
static void cell_put(struct sq_writer *w, const struct resource *r, struct batch *b, int field,
                     json_t *v)
{
    b->cells = grow(b->cells, &b->cap_cells, b->ncells + 1, sizeof *b->cells);
    struct wcell *c = &b->cells[b->ncells++];
    *c = (struct wcell){.field = (short)field, .type = SQLITE_NULL};
    if (json_is_integer(v)) {
        c->type = SQLITE_INTEGER;
        c->i = json_integer_value(v);
    } else if (json_is_boolean(v)) {
        c->type = SQLITE_INTEGER;
        c->i = json_is_true(v);
    } else if (json_is_real(v)) {
        c->type = SQLITE_FLOAT;
        c->d = json_real_value(v);
    } else if (json_is_string(v)) {
        size_t n = 0;
        const void *packed = sq_pack(sq_packer_of(w->st), r->name, field_column(&r->fields[field]),
                                     json_string_value(v), json_string_length(v), &n);
        c->type = packed ? SQLITE_BLOB : SQLITE_TEXT;
        c->len = packed ? n : json_string_length(v);
        c->off = text_put(b, packed ? packed : json_string_value(v), c->len);
    } else if (v && !json_is_null(v)) { /* as bind_json_at: compact JSON text */
        char *t = json_dumps(v, JSON_COMPACT);
        c->type = SQLITE_TEXT;
        c->len = t ? strlen(t) : 0;
        c->off = text_put(b, t ? t : "", c->len);
        free(t);
    }
}

/* ---- the writer's thread ---- */

static sqlite3_stmt *stmt_for(struct sq_writer *w, const struct resource *r, uint64_t set,
                              enum stmt_kind kind, int rows)
{
    for (int i = 0; i < w->nstmts; i++)
        if (w->stmts[i].r == r && w->stmts[i].set == set && w->stmts[i].kind == kind &&
            w->stmts[i].rows == rows) {
            sqlite3_reset(w->stmts[i].stmt);
            sqlite3_clear_bindings(w->stmts[i].stmt);
            return w->stmts[i].stmt;
        }
    char sql[32768];
    if (kind == STMT_INSERT)
        sq_insert_sql(r, set, rows, sql, sizeof sql);
    else if (kind == STMT_UPDATE)
        sq_update_sql(r, set, sql, sizeof sql);
    else
        snprintf(sql, sizeof sql,
                 kind == STMT_LINK_INSERT
                     ? "INSERT INTO %s__%s (owner_id, ref_id, pos) VALUES (?1, ?2, ?3)"
                     : "DELETE FROM %s__%s WHERE owner_id = ?1",
                 r->name, r->fields[set].name);
    if (w->nstmts == MAX_STMTS) { /* many shapes: start over rather than grow */
        for (int i = 0; i < w->nstmts; i++)
            sqlite3_finalize(w->stmts[i].stmt);
        w->nstmts = 0;
    }
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v3(w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
        return NULL;
    w->stmts[w->nstmts++] = (struct wstmt){r, set, kind, rows, s};
    return s;
}

static int step(struct sq_writer *w, sqlite3_stmt *s)
{
    int rc = s ? sqlite3_step(s) : sqlite3_errcode(w->db);
    if (s)
        sqlite3_reset(s);
    if (s && (rc == SQLITE_DONE || rc == SQLITE_ROW))
        return 0;
    sq_fail(w->st, rc == SQLITE_OK ? SQLITE_ERROR : rc, &w->error);
    return -1;
}

/* A queued commit (sq_writer_commit): what came before it is committed, and the writing goes
 * on in a new transaction. */
static int write_commit(struct sq_writer *w)
{
    static const char *const sql[] = {"COMMIT", "BEGIN IMMEDIATE"};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *s = NULL;
        sqlite3_prepare_v2(w->db, sql[i], -1, &s, NULL);
        int rc = step(w, s);
        sqlite3_finalize(s);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* Binds op's cells from parameter base + 1 on. */
static void bind_cells(sqlite3_stmt *s, const struct batch *b, const struct wop *op, int base)
{
    for (int k = 0; k < op->ncells; k++) {
        const struct wcell *c = &b->cells[op->cell0 + k];
        int at = base + k + 1;
        switch (c->type) {
        case SQLITE_INTEGER:
            sqlite3_bind_int64(s, at, c->i);
            break;
        case SQLITE_FLOAT:
            sqlite3_bind_double(s, at, c->d);
            break;
        case SQLITE_TEXT:
            sqlite3_bind_text(s, at, b->text + c->off, (int)c->len, SQLITE_STATIC);
            break;
        case SQLITE_BLOB:
            sqlite3_bind_blob(s, at, b->text + c->off, (int)c->len, SQLITE_STATIC);
            break;
        default:
            sqlite3_bind_null(s, at);
        }
    }
}

/* The list fields' links of op's row, after the row itself. */
static int write_links(struct sq_writer *w, const struct batch *b, const struct wop *op)
{
    const struct resource *r = resources[op->res];
    for (int k = 0; k < op->nlinks; k++) {
        const struct wlink *l = &b->links[op->link0 + k];
        if (op->update) {
            sqlite3_stmt *d = stmt_for(w, r, (uint64_t)l->field, STMT_LINK_DELETE, 1);
            if (d)
                sqlite3_bind_int64(d, 1, op->id);
            if (step(w, d) != 0)
                return -1;
        }
        for (int i = 0; i < l->n; i++) {
            sqlite3_stmt *li = stmt_for(w, r, (uint64_t)l->field, STMT_LINK_INSERT, 1);
            if (li) {
                sqlite3_bind_int64(li, 1, op->id);
                sqlite3_bind_int64(li, 2, b->refs[l->ref0 + i]);
                sqlite3_bind_int64(li, 3, i);
            }
            if (step(w, li) != 0)
                return -1;
        }
    }
    return 0;
}

static int write_op(struct sq_writer *w, const struct batch *b, const struct wop *op)
{
    if (op->res < 0)
        return write_commit(w);
    const struct resource *r = resources[op->res];
    sqlite3_stmt *s = stmt_for(w, r, op->set, op->update ? STMT_UPDATE : STMT_INSERT, 1);
    if (s)
        bind_cells(s, b, op, 0);
    if (s && op->update)
        sqlite3_bind_int64(s, 63, op->id);
    if (s && sqlite3_bind_parameter_count(s) == 64)
        sqlite3_bind_int64(s, 64, (sqlite3_int64)time(NULL));
    if (step(w, s) != 0)
        return -1;
    return write_links(w, b, op);
}

/* n inserts of one shape (ops[0..n), 2 or more) in one statement, then their links. */
static int write_rows(struct sq_writer *w, const struct batch *b, const int *ops, int n)
{
    const struct wop *first = &b->ops[ops[0]];
    sqlite3_stmt *s = stmt_for(w, resources[first->res], first->set, STMT_INSERT, n);
    /* row j's parameters start after j rows of all the fields set, its timestamps' included,
     * and the timestamps' own comes after the last row's (sq_insert_sql) */
    int width = __builtin_popcountll(first->set);
    for (int j = 0; s && j < n; j++)
        bind_cells(s, b, &b->ops[ops[j]], j * width);
    int stamp = s ? sqlite3_bind_parameter_count(s) : 0;
    if (s && stamp > n * width)
        sqlite3_bind_int64(s, stamp, (sqlite3_int64)time(NULL));
    if (step(w, s) != 0)
        return -1;
    for (int j = 0; j < n; j++)
        if (write_links(w, b, &b->ops[ops[j]]) != 0)
            return -1;
    return 0;
}

/* A row takes the writer a few microseconds: a reader waits that long on the core it has
 * rather than sleep on the mutex and be woken (tens of microseconds on a busy machine). */
enum { READER_SPINS = 4096 };

static void spin_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

/* The writer takes the connection's mutex once for a row, where SQLite took it for each of
 * its calls (a dozen a row), and gives way between two rows to the caller's reads. Left to the
 * mutex alone, a read waited while the writer took it back call after call: the caller spent
 * a quarter of a load waiting to read one row. It waits for a read spinning first, as the
 * reader does: a read takes microseconds, and yielding the core gave it to the side index's
 * thread for a whole time slice. */
enum { WRITER_SPINS = 8192 };

static void let_readers_in(struct sq_writer *w)
{
    for (int i = 0; __atomic_load_n(&w->readers, __ATOMIC_ACQUIRE); i++)
        if (i < WRITER_SPINS)
            spin_pause();
        else
            sched_yield();
}

void sq_writer_read_begin(struct sq_writer *w)
{
    if (!w)
        return;
    __atomic_add_fetch(&w->readers, 1, __ATOMIC_ACQ_REL);
    for (int i = 0; i < READER_SPINS && __atomic_load_n(&w->in_row, __ATOMIC_ACQUIRE); i++)
        spin_pause();
    sqlite3_mutex_enter(sqlite3_db_mutex(w->db));
}

void sq_writer_read_end(struct sq_writer *w)
{
    if (!w)
        return;
    sqlite3_mutex_leave(sqlite3_db_mutex(w->db));
    __atomic_sub_fetch(&w->readers, 1, __ATOMIC_ACQ_REL);
}

/* Writes n inserts of one shape, or one op (n 1), holding the connection for the time. */
static int write_held(struct sq_writer *w, const struct batch *b, const int *ops, int n)
{
    let_readers_in(w);
    sqlite3_mutex_enter(sqlite3_db_mutex(w->db));
    __atomic_store_n(&w->in_row, 1, __ATOMIC_RELEASE);
    int rc = n == 1 ? write_op(w, b, &b->ops[ops[0]]) : write_rows(w, b, ops, n);
    __atomic_store_n(&w->in_row, 0, __ATOMIC_RELEASE);
    sqlite3_mutex_leave(sqlite3_db_mutex(w->db));
    return rc;
}

/* Writes group g's inserts and frees its place: by statements of 32, 16, … rows, so that a
 * shape has at most six of them. */
static int flush_group(struct sq_writer *w, const struct batch *b, int g)
{
    struct group *gr = &w->groups[g];
    int done = 0, rc = 0;
    while (rc == 0 && done < gr->n) {
        int m = GROUP_ROWS;
        while (m > gr->n - done)
            m /= 2;
        rc = write_held(w, b, gr->ops + done, m);
        done += m;
    }
    *gr = w->groups[--w->ngroups];
    return rc;
}

static int flush_all(struct sq_writer *w, const struct batch *b)
{
    int rc = 0;
    while (rc == 0 && w->ngroups)
        rc = flush_group(w, b, w->ngroups - 1);
    w->ngroups = 0;
    return rc;
}

static int group_of(const struct sq_writer *w, int res)
{
    for (int g = 0; g < w->ngroups; g++)
        if (w->groups[g].res == res)
            return g;
    return -1;
}

/* A batch's ops, the inserts of one shape written several rows to a statement: a row's
 * statement cost as much as the row (an AUTOINCREMENT table's INSERT reads and writes
 * sqlite_sequence each time it runs, the statement's set-up aside), and a program's tasks,
 * which come together, are interrupted by their updates and other tables' rows. So each table
 * has at most one group of waiting inserts, written in the order the rows came: its rows go
 * in by id, at the B-tree's right edge, and an UPDATE of the table (of a waiting row, or one
 * that frees a unique value a waiting row takes) first writes them. Across tables the order
 * may change only while foreign keys are off (a fresh file's load, store_fresh_file_mode):
 * with them on, a row must follow the rows it refers to, and only consecutive inserts of one
 * shape are grouped. A commit writes everything before it. */
static int write_batch(struct sq_writer *w, const struct batch *b)
{
    int fkeys = 1;
    sqlite3_db_config(w->db, SQLITE_DBCONFIG_ENABLE_FKEY, -1, &fkeys);
    int rc = 0;
    for (int i = 0; rc == 0 && i < b->nops; i++) {
        const struct wop *op = &b->ops[i];
        int g = op->res < 0 ? -1 : group_of(w, op->res);
        if (op->res < 0 || (fkeys && g < 0)) {
            rc = flush_all(w, b);
            g = -1;
        } else if (g >= 0 && (op->update || w->groups[g].set != op->set)) {
            rc = flush_group(w, b, g);
            g = -1;
        }
        if (rc != 0)
            break;
        if (op->res < 0 || op->update) {
            rc = write_held(w, b, &i, 1);
            continue;
        }
        if (g < 0) {
            if (w->ngroups == MAX_GROUPS && (rc = flush_group(w, b, 0)) != 0)
                break;
            g = w->ngroups++;
            w->groups[g] = (struct group){.res = op->res, .set = op->set};
        }
        w->groups[g].ops[w->groups[g].n++] = i;
        if (w->groups[g].n == GROUP_ROWS)
            rc = flush_group(w, b, g);
    }
    if (rc != 0) {
        w->ngroups = 0; /* nothing after a failed write */
        return rc;
    }
    return flush_all(w, b);
}

static void *writer_main(void *arg)
{
    struct sq_writer *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (w->tail == w->head && !w->stop)
            pthread_cond_wait(&w->work, &w->lock);
        if (w->tail == w->head)
            break;
        struct batch *b = w->ring[w->tail % MAX_BATCHES];
        bool failed = w->failed;
        pthread_mutex_unlock(&w->lock);
        if (!failed)
            failed = write_batch(w, b) != 0;
        pthread_mutex_lock(&w->lock);
        __atomic_store_n(&w->failed, failed, __ATOMIC_RELEASE); /* after w->error */
        w->tail++;
        pthread_cond_broadcast(&w->idle);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* ---- the caller's side ---- */

struct sq_writer *sq_writer_start(struct store *st)
{
    if (!sqlite3_db_mutex(sq_db(st))) /* a NOMUTEX connection cannot be shared */
        return NULL;
    struct sq_writer *w = calloc(1, sizeof *w);
    if (!w)
        abort();
    w->st = st;
    w->db = sq_db(st);
    w->filling = batch_new();
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->work, NULL);
    pthread_cond_init(&w->idle, NULL);
    if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
        batch_free(w->filling);
        free(w);
        return NULL;
    }
    return w;
}

/* Batches the writer has finished go back to the spares: from here on the database holds
 * their rows, so lookups no longer look in them. */
static void recycle(struct sq_writer *w, unsigned long written)
{
    while (w->recycled < written) {
        struct batch *done = w->ring[w->recycled++ % MAX_BATCHES];
        batch_clear(done);
        if (w->nspare < MAX_BATCHES + 1)
            w->spare[w->nspare++] = done;
        else
            batch_free(done);
    }
}

/* Hands the filling batch over and takes an empty one, waiting while MAX_BATCHES are out. */
static void hand_over(struct sq_writer *w)
{
    if (!w->filling->nops)
        return;
    pthread_mutex_lock(&w->lock);
    while (w->head - w->recycled == MAX_BATCHES && w->tail == w->recycled)
        pthread_cond_wait(&w->idle, &w->lock);
    unsigned long written = w->tail;
    pthread_mutex_unlock(&w->lock);
    recycle(w, written);
    pthread_mutex_lock(&w->lock);
    w->ring[w->head++ % MAX_BATCHES] = w->filling;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->lock);
    w->filling = w->nspare ? w->spare[--w->nspare] : batch_new();
}

int sq_writer_wait(struct sq_writer *w, struct err *e)
{
    if (!w)
        return 0;
    if (w->filling->nops || w->recycled != w->head) {
        w->waits++;
        hand_over(w);
        pthread_mutex_lock(&w->lock);
        while (w->tail != w->head)
            pthread_cond_wait(&w->idle, &w->lock);
        pthread_mutex_unlock(&w->lock);
        recycle(w, w->head);
    }
    if (w->failed) {
        if (e)
            *e = w->error;
        return -1;
    }
    return 0;
}

bool sq_writer_pending(const struct sq_writer *w)
{
    return w && (w->filling->nops || w->recycled != w->head);
}

long long sq_writer_waits(const struct sq_writer *w)
{
    return w ? w->waits : 0;
}

void sq_writer_free(struct sq_writer *w)
{
    if (!w)
        return;
    sq_writer_wait(w, NULL);
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    for (int i = 0; i < w->nstmts; i++)
        sqlite3_finalize(w->stmts[i].stmt);
    batch_free(w->filling);
    for (int i = 0; i < w->nspare; i++)
        batch_free(w->spare[i]);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->work);
    pthread_cond_destroy(&w->idle);
    free(w);
}

/* The highest id the table holds or will hold once the batches are written. */
static long long last_id(struct sq_writer *w, int res, struct err *e, int *rc)
{
    if (w->next_id[res])
        return w->next_id[res] - 1;
    /* No row of this table waits yet, so the database alone knows; AUTOINCREMENT tables may
     * have given out higher ids to rows since deleted. */
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT coalesce(max(id), 0), count(*), coalesce((SELECT seq FROM sqlite_sequence "
             "WHERE name = '%s'), 0) FROM %s",
             resources[res]->name, resources[res]->name);
    sqlite3_stmt *s = sq_prepare_concurrent(w->st, sql, e);
    if (!s || sqlite3_step(s) != SQLITE_ROW) {
        if (s)
            sqlite3_reset(s);
        *rc = -1;
        return 0;
    }
    long long max = sqlite3_column_int64(s, 0), count = sqlite3_column_int64(s, 1),
              seq = sqlite3_column_int64(s, 2);
    sqlite3_reset(s);
    w->dense[res] = count == max && seq <= max;
    if (seq > max)
        max = seq;
    w->next_id[res] = max + 1;
    return max;
}

bool sq_writer_known(const struct sq_writer *w, const struct resource *r, long long id)
{
    int res = resource_index(r);
    return w && res >= 0 && res < BULK_RESOURCES && w->dense[res] && id >= 1 &&
           id < w->next_id[res];
}

void sq_writer_deleted(struct sq_writer *w)
{
    if (w)
        memset(w->dense, 0, sizeof w->dense);
}

long long sq_writer_last_id(struct sq_writer *w, const struct resource *r)
{
    int res = resource_index(r), rc = 0;
    struct err ignore = {0};
    return w && res >= 0 && res < BULK_RESOURCES ? last_id(w, res, &ignore, &rc) : -1;
}

int sq_writer_new_id(struct sq_writer *w, const struct resource *r, long long *id, struct err *e)
{
    int res = resource_index(r), rc = 0;
    if (__atomic_load_n(&w->failed, __ATOMIC_ACQUIRE)) /* read without the lock, each row */
        return sq_writer_wait(w, e);
    if (res < 0 || res >= BULK_RESOURCES)
        return err_set(e, E_INTERNAL, NULL,
                       "Lỗi nội bộ: %s không ghi sau được (sq_writer_new_id). / Internal error: %s "
                       "cannot be written behind.",
                       r->name, r->name);
    long long last = last_id(w, res, e, &rc);
    if (rc)
        return -1;
    if (*id <= 0)
        *id = last + 1;
    if (*id != last + 1) /* a gap, or an id below the last: no longer every id up to it */
        w->dense[res] = false;
    if (*id > last)
        w->next_id[res] = *id + 1;
    return 0;
}

int sq_writer_queue(struct sq_writer *w, bool update, const struct resource *r, long long id,
                    uint64_t set, const int *fields, json_t *const *values, int n, json_t *obj,
                    struct err *e)
{
    if (__atomic_load_n(&w->failed, __ATOMIC_ACQUIRE)) /* read without the lock, each row */
        return sq_writer_wait(w, e);
    struct batch *b = w->filling;
    int res = resource_index(r);
    if (res < 0 || res >= BULK_RESOURCES)
        return err_set(e, E_INTERNAL, NULL,
                       "Lỗi nội bộ: %s không ghi sau được (sq_writer_queue). / Internal error: %s "
                       "cannot be written behind.",
                       r->name, r->name);
    b->ops = grow(b->ops, &b->cap_ops, b->nops + 1, sizeof *b->ops);
    struct wop *op = &b->ops[b->nops];
    *op = (struct wop){update, (short)res, id, set, b->ncells, n, b->nlinks, 0, -1};
    for (int i = 0; i < n; i++)
        cell_put(w, r, b, fields[i], values[i]);
    for (int k = 0; r->fields[k].name; k++) {
        json_t *list =
            r->fields[k].type == FT_REFS ? json_object_get(obj, r->fields[k].name) : NULL;
        if (!list)
            continue;
        b->links = grow(b->links, &b->cap_links, b->nlinks + 1, sizeof *b->links);
        int m = (int)json_array_size(list);
        b->links[b->nlinks++] = (struct wlink){(short)k, b->nrefs, m};
        b->refs = grow(b->refs, &b->cap_refs, b->nrefs + m, sizeof *b->refs);
        for (int i = 0; i < m; i++)
            b->refs[b->nrefs++] = json_integer_value(json_array_get(list, (size_t)i));
        op->nlinks++;
    }
    int *slot = slot_find(b, res, id);
    op->prev = *slot - 1;
    *slot = ++b->nops;
    if (b->nops >= BATCH_OPS)
        hand_over(w);
    return 0;
}

int sq_writer_commit(struct sq_writer *w, struct err *e)
{
    if (__atomic_load_n(&w->failed, __ATOMIC_ACQUIRE))
        return sq_writer_wait(w, e);
    struct batch *b = w->filling;
    b->ops = grow(b->ops, &b->cap_ops, b->nops + 1, sizeof *b->ops);
    b->ops[b->nops++] = (struct wop){.res = -1, .prev = -1}; /* found by no lookup */
    if (b->nops >= BATCH_OPS)
        hand_over(w);
    return 0;
}

/* Lays the newest waiting values of fields[0..n) of a batch's ops on (res, id) into out
 * (resolved[k] set for each found); true when the chain reached the row's insert. */
static bool lookup_in(const struct batch *b, int res, long long id, int n, const int *fields,
                      struct sq_cell *out, bool *resolved, bool *any)
{
    int at = *slot_find((struct batch *)b, res, id) - 1;
    for (; at >= 0; at = b->ops[at].prev) {
        const struct wop *op = &b->ops[at];
        *any = true;
        for (int c = 0; c < op->ncells; c++) {
            const struct wcell *cell = &b->cells[op->cell0 + c];
            for (int k = 0; k < n; k++)
                if (!resolved[k] && cell->field == fields[k]) {
                    resolved[k] = true;
                    out[k] = (struct sq_cell){cell->type, cell->i, cell->d,
                                              b->text ? b->text + cell->off : NULL, cell->len};
                }
        }
        if (!op->update)
            return true;
    }
    return false;
}

int sq_writer_lookup(struct sq_writer *w, const struct resource *r, long long id, int n,
                     const int *fields, struct sq_cell *out, bool *resolved)
{
    int res = resource_index(r);
    for (int k = 0; k < n; k++)
        resolved[k] = false;
    if (!w || res < 0 || res >= BULK_RESOURCES)
        return SQ_NOT_WAITING;
    bool any = false;
    if (lookup_in(w->filling, res, id, n, fields, out, resolved, &any))
        return SQ_WAITING_ROW;
    for (unsigned long i = w->head; i > w->recycled; i--)
        if (lookup_in(w->ring[(i - 1) % MAX_BATCHES], res, id, n, fields, out, resolved, &any))
            return SQ_WAITING_ROW;
    return any ? SQ_WAITING_CHANGE : SQ_NOT_WAITING;
}
