/*
 * The search index of a bulk load, built beside it (sq_side_* in sqlite_internal.h). A bulk
 * load writes its rows on one core; without this, its end then spent minutes (at the country
 * tier, a quarter of the whole load) reading every row back to fold and index its words, on
 * that same core. Here, as each row is written its searched texts are copied to a second
 * thread, which folds them and fills FTS5 tables of the same declaration in a file of its own
 * (FILE-search), on its own connection, while the writer goes on; at the end only the few
 * hundred megabytes of finished index are copied into the database, row by row of FTS5's
 * shadow tables (search_x_data and search_x_idx), which is all FTS5 keeps of a contentless
 * table besides its settings (search_x_config, which stays the database's own).
 *
 * The copy is exact because both sides run the same SQLite, the same table declarations and
 * the same settings (copied to the side's tables when they are made), and the words are those
 * of index_words, as store_index, the triggers and store_reindex give them; the tests compare
 * such an index with the one store_reindex builds from the same rows, term for term. Before
 * the copy the database's table is emptied with FTS5's own 'delete-all', which also drops what
 * the connection held of it, so FTS5 reads the copied structure afresh at its next use.
 *
 * It serves only a load that starts with every searchable table empty (a new file: gen, or an
 * import into a fresh database), and only rows that are inserted: an update of a searched
 * field or any delete during the load spoils it (a contentless index can only forget a row by
 * its old words), and so does a rollback or any failure of the side's own. The load then ends
 * with store_reindex, as before: the side is a shortcut, never the only way.
 *
 * Order: FTS5 writes its pending entries out whenever a rowid is not above the last one, and
 * a row's rowid is minus its id (sqlite_search.c), so rows arriving oldest first would be
 * flushed one by one. The side keeps each table's folded rows in a chunk of up to CHUNK_BYTES
 * and writes a chunk newest first: one flush per chunk. As store_reindex does, the newest row
 * of all is written last on its own, so that 'optimize' leaves one segment above the lowest
 * level (007_search_merges.sql says why).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "domain/nouns.h"
#include "store/sqlite_internal.h"
#include "util/text.h"

/* SIDE_QUEUE batches may wait: about 130,000 rows, a second or so of a load, so that the side
 * can fall behind while it runs at a lower priority (side_main) and catch up in the gaps. */
enum { SIDE_BATCH = 4096, SIDE_QUEUE = 32, CHUNK_BYTES = 32 << 20, MAX_SOURCES = 16 };

/* The niceness of the side's thread. A load has three busy threads on what is often two
 * cores: the caller, the write-behind and this one. The first two hand rows to each other and
 * wait on each other; left equal, the scheduler gave this thread a core while they waited
 * for a turn, and the load used 1.6 of 2 cores. This one can wait (its queue is deep, and
 * what is left at the end is done while the indexes and roll-ups are built), so it runs at a
 * lower priority, in the others' gaps. */
enum { SIDE_NICE = 10 };

/* A chunk (CHUNK_BYTES of folded words) makes one segment, and up to this many wait on the
 * lowest level before FTS5 merges them in one go. FTS5 reads an index of more than 2,000
 * segments as corrupt (FTS5_MAX_SEGMENT), hence the margin. */
enum { SIDE_CRISISMERGE = 1000 };

/* Rows as the writer hands them over: the searched texts, copied one after the other into
 * `text` (a field is its offset there, -1 for NULL). Batches go back and forth between the
 * threads and are used again, so the writer makes no allocation per row and frees nothing
 * that the other thread allocated. */
struct side_batch {
    int n;
    size_t used, cap;
    char *text;
    struct side_input {
        int source; /* sq_search__code - 1 */
        int nfields;
        long long id;
        ptrdiff_t vals[SQ_MAX_SEARCH_FIELDS];
    } row[SIDE_BATCH];
};

struct side_row {
    long long id;
    char *words;
};

/* One table's folded rows waiting to be written, and its newest row, kept for last. */
struct side_chunk {
    struct side_row *rows, newest;
    size_t n, cap, bytes;
    sqlite3_stmt *insert;
};

struct sq_side {
    char *path;
    sqlite3 *db;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct side_batch *queue[SIDE_QUEUE], *spare[SIDE_QUEUE + 2];
    int head, count, nspare;
    bool running;                  /* the thread was started (and is joined by sq_side_free) */
    bool input_closed, quit, done; /* under mu */
    bool failed;                   /* the side thread's own */
    bool spoiled;                  /* the writer's own */
    struct side_batch *filling;    /* the writer's own: not handed over yet */
    struct side_chunk chunk[MAX_SOURCES];
    struct fold_memo *memo[SQ_MAX_SEARCH_FIELDS]; /* the side thread's own, by field */
};

/* A value folded lately: a load repeats its values (the expected output of a personal-plan
 * item is one text in 25 million rows at the country tier), and folding is the side thread's
 * biggest cost after FTS5's own. */
struct fold_memo {
    unsigned long long hash;
    char *text, *folded;
};

enum { FOLD_MEMO = 4096 };

/* Field k's text folded, valid until field k's next: each field has its own slots, so that
 * the fields of one row never push each other out. */
static const char *folded_of(struct sq_side *s, int k, const char *text)
{
    unsigned long long h = text_hash(text, strlen(text));
    if (!s->memo[k] && !(s->memo[k] = calloc(FOLD_MEMO, sizeof *s->memo[k])))
        abort();
    struct fold_memo *m = &s->memo[k][h % FOLD_MEMO];
    if (!m->text || m->hash != h || strcmp(m->text, text) != 0) {
        free(m->text);
        free(m->folded);
        *m = (struct fold_memo){h, strdup(text), text_fold(text)}; /* folded may be NULL */
        if (!m->text)
            abort();
    }
    return m->folded;
}

static void batch_free(struct side_batch *b)
{
    if (b)
        free(b->text);
    free(b);
}

/* ---- the side thread ---- */

static int by_id_descending(const void *a, const void *b)
{
    long long x = ((const struct side_row *)a)->id, y = ((const struct side_row *)b)->id;
    return x < y ? 1 : x > y ? -1 : 0;
}

static void put_row(struct sq_side *s, struct side_chunk *c, struct side_row row)
{
    if (!s->failed) {
        sqlite3_bind_int64(c->insert, 1, -row.id);
        sqlite3_bind_text(c->insert, 2, row.words, -1, SQLITE_STATIC);
        if (sqlite3_step(c->insert) != SQLITE_DONE)
            s->failed = true;
        sqlite3_reset(c->insert);
    }
    free(row.words);
}

/* Writes a chunk newest first (one FTS5 flush) and empties it. */
static void chunk_write(struct sq_side *s, struct side_chunk *c)
{
    if (c->n > 1)
        qsort(c->rows, c->n, sizeof *c->rows, by_id_descending);
    for (size_t i = 0; i < c->n; i++)
        put_row(s, c, c->rows[i]);
    c->n = c->bytes = 0;
}

static void chunk_add(struct sq_side *s, struct side_chunk *c, struct side_row row)
{
    if (!c->newest.words) {
        c->newest = row;
        return;
    }
    if (row.id > c->newest.id) { /* row is the newest now; the one kept goes in the chunk */
        struct side_row t = c->newest;
        c->newest = row;
        row = t;
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->rows = realloc(c->rows, c->cap * sizeof *c->rows);
        if (!c->rows)
            abort();
    }
    c->rows[c->n++] = row;
    c->bytes += strlen(row.words) + sizeof row;
    if (c->bytes >= CHUNK_BYTES)
        chunk_write(s, c);
}

static void fold_into_chunks(struct sq_side *s, struct side_batch *b)
{
    for (int i = 0; i < b->n; i++) {
        struct side_input *in = &b->row[i];
        const char *folded[SQ_MAX_SEARCH_FIELDS];
        for (int k = 0; k < in->nfields; k++)
            folded[k] = in->vals[k] < 0 ? NULL : folded_of(s, k, b->text + in->vals[k]);
        struct side_row row = {in->id, sq_index_words_folded(in->id, folded, in->nfields)};
        chunk_add(s, &s->chunk[in->source], row);
    }
}

/* What is left of every table, its newest row, then 'optimize'; then the side's one
 * transaction is committed. */
static void side_finish(struct sq_side *s)
{
    for (int k = 0; k < MAX_SOURCES; k++) {
        struct side_chunk *c = &s->chunk[k];
        if (!c->newest.words)
            continue;
        chunk_write(s, c);
        put_row(s, c, c->newest);
        c->newest.words = NULL;
        const struct resource *r = sq_search_source(k);
        char sql[256];
        snprintf(sql, sizeof sql, "INSERT INTO search_%s (search_%s) VALUES ('optimize')", r->name,
                 r->name);
        if (!s->failed && sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            s->failed = true;
    }
    if (!s->failed && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        s->failed = true;
}

static void *side_main(void *arg)
{
    struct sq_side *s = arg;
    /* Linux gives each thread its own niceness; raising it needs no privilege, and where
     * it fails the side runs as before. */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), SIDE_NICE);
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (!s->count && !s->input_closed && !s->quit)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->quit || !s->count)
            break;
        struct side_batch *b = s->queue[s->head];
        s->head = (s->head + 1) % SIDE_QUEUE;
        s->count--;
        pthread_cond_broadcast(&s->cv);
        pthread_mutex_unlock(&s->mu);
        if (!s->failed)
            fold_into_chunks(s, b);
        b->n = 0;
        b->used = 0;
        pthread_mutex_lock(&s->mu);
        if (s->nspare < (int)(sizeof s->spare / sizeof *s->spare))
            s->spare[s->nspare++] = b;
        else
            batch_free(b);
    }
    bool finish = !s->quit;
    pthread_mutex_unlock(&s->mu);
    if (finish)
        side_finish(s);
    pthread_mutex_lock(&s->mu);
    s->done = true;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* ---- the writer's side ---- */

/* Makes the side's tables as the database declares them, with its settings. */
static int side_tables(struct store *st, struct sq_side *s)
{
    sqlite3 *db = sq_db(st);
    for (int k = 0; k < sq_search_nsources(); k++) {
        const struct resource *r = sq_search_source(k);
        char sql[512];
        snprintf(sql, sizeof sql, "SELECT sql FROM sqlite_schema WHERE name = 'search_%s'",
                 r->name);
        sqlite3_stmt *q = NULL;
        int rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);
        if (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
            rc = sqlite3_exec(s->db, (const char *)sqlite3_column_text(q, 0), NULL, NULL, NULL);
        else
            rc = SQLITE_ERROR;
        sqlite3_finalize(q);
        if (rc != SQLITE_OK)
            return -1;
        snprintf(sql, sizeof sql, "SELECT k, v FROM search_%s_config WHERE k <> 'version'",
                 r->name);
        if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
            return -1;
        while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
            char *set = sqlite3_mprintf("INSERT INTO search_%s (search_%s, rank) VALUES (%Q, %s)",
                                        r->name, r->name, (const char *)sqlite3_column_text(q, 0),
                                        (const char *)sqlite3_column_text(q, 1));
            rc = set ? sqlite3_exec(s->db, set, NULL, NULL, NULL) : SQLITE_NOMEM;
            sqlite3_free(set);
        }
        sqlite3_finalize(q);
        if (rc != SQLITE_OK)
            return -1;
        /* The side's own, not copied in (only the index's records are): no merging while
         * the rows come, so that each entry is rewritten once, by the 'optimize' at the end,
         * rather than at every level FTS5's automatic merges take it through. */
        snprintf(sql, sizeof sql,
                 "INSERT INTO search_%s (search_%s, rank) VALUES ('automerge', 0); "
                 "INSERT INTO search_%s (search_%s, rank) VALUES ('crisismerge', %d)",
                 r->name, r->name, r->name, r->name, SIDE_CRISISMERGE);
        if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            return -1;
        snprintf(sql, sizeof sql, "INSERT INTO search_%s (rowid, words) VALUES (?1, ?2)", r->name);
        if (sqlite3_prepare_v2(s->db, sql, -1, &s->chunk[k].insert, NULL) != SQLITE_OK)
            return -1;
    }
    return sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* True when no searchable table of the database holds a row. */
static bool sources_empty(struct store *st)
{
    for (int k = 0; k < sq_search_nsources(); k++) {
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", sq_search_source(k)->name);
        sqlite3_stmt *q = NULL;
        bool empty = sqlite3_prepare_v2(sq_db(st), sql, -1, &q, NULL) == SQLITE_OK &&
                     sqlite3_step(q) == SQLITE_DONE;
        sqlite3_finalize(q);
        if (!empty)
            return false;
    }
    return true;
}

struct sq_side *sq_side_start(struct store *st)
{
    const char *file = sqlite3_db_filename(sq_db(st), "main");
    if (!file || !*file || sq_search_nsources() > MAX_SOURCES || !sources_empty(st))
        return NULL;
    struct sq_side *s = calloc(1, sizeof *s);
    if (!s || !(s->path = sqlite3_mprintf("%s-search", file))) {
        free(s);
        return NULL;
    }
    unlink(s->path); /* left by a load that crashed */
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(s->path, &s->db, flags, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db,
                     "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                     "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY",
                     NULL, NULL, NULL) != SQLITE_OK ||
        side_tables(st, s) != 0) {
        sq_side_free(s);
        return NULL;
    }
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (pthread_create(&s->thread, NULL, side_main, s) != 0) {
        pthread_cond_destroy(&s->cv);
        pthread_mutex_destroy(&s->mu);
        sq_side_free(s);
        return NULL;
    }
    s->running = true;
    return s;
}

/* Hands the batch being filled to the side thread, waiting while its queue is full. */
static void hand_over(struct sq_side *s)
{
    pthread_mutex_lock(&s->mu);
    while (s->count == SIDE_QUEUE)
        pthread_cond_wait(&s->cv, &s->mu);
    s->queue[(s->head + s->count) % SIDE_QUEUE] = s->filling;
    s->count++;
    s->filling = s->nspare ? s->spare[--s->nspare] : NULL;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void sq_side_note(struct sq_side *s, const struct resource *r, long long id, json_t *obj)
{
    int source = sq_search__code(r) - 1;
    if (s->spoiled || source < 0)
        return;
    if (!s->filling && !(s->filling = calloc(1, sizeof *s->filling)))
        abort();
    struct side_batch *b = s->filling;
    struct side_input *in = &b->row[b->n++];
    const char *vals[SQ_MAX_SEARCH_FIELDS];
    in->source = source;
    in->id = id;
    in->nfields = sq_search_values(r, obj, vals);
    for (int k = 0; k < in->nfields; k++) {
        size_t len = vals[k] ? strlen(vals[k]) + 1 : 0;
        size_t cap = b->cap;
        while (b->used + len > cap)
            cap = cap ? cap * 2 : 256 * 1024;
        if (cap != b->cap && !(b->text = realloc(b->text, b->cap = cap)))
            abort();
        in->vals[k] = vals[k] ? (ptrdiff_t)b->used : -1;
        if (len) {
            memcpy(b->text + b->used, vals[k], len);
            b->used += len;
        }
    }
    if (b->n == SIDE_BATCH)
        hand_over(s);
}

void sq_side_spoil(struct sq_side *s)
{
    s->spoiled = true;
}

/* No more rows: the side thread writes what it holds and commits. */
static void close_input(struct sq_side *s)
{
    if (s->filling && s->filling->n && !s->spoiled && !s->input_closed)
        hand_over(s);
    pthread_mutex_lock(&s->mu);
    s->input_closed = true;
    if (s->spoiled)
        s->quit = true;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void sq_side_close_input(struct sq_side *s)
{
    if (s)
        close_input(s);
}

static void wait_done(struct sq_side *s)
{
    pthread_mutex_lock(&s->mu);
    while (!s->done)
        pthread_cond_wait(&s->cv, &s->mu);
    pthread_mutex_unlock(&s->mu);
}

/* Copies `table`, a shadow table of the side, over the database's table of that name (which
 * FTS5's 'delete-all' has left holding an empty index's two records): 1; 0 when the side
 * cannot be read (the caller then rebuilds the index, whose 'delete-all' clears whatever was
 * copied); -1 with e filled when the database cannot be written. `values` holds a parameter
 * per column ("?1, ?2"). */
static int copy_table(struct store *st, struct sq_side *s, const char *table, const char *columns,
                      const char *values, struct err *e)
{
    char sql[512];
    snprintf(sql, sizeof sql, "DELETE FROM %s", table);
    if (sq_exec(st, sql, e) != 0)
        return -1;
    snprintf(sql, sizeof sql, "SELECT %s FROM %s", columns, table);
    sqlite3_stmt *from = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &from, NULL) != SQLITE_OK) {
        sqlite3_finalize(from);
        return 0;
    }
    snprintf(sql, sizeof sql, "INSERT INTO %s (%s) VALUES (%s)", table, columns, values);
    sqlite3_stmt *to = sq_prepare(st, sql, e);
    int read = SQLITE_ROW, written = to ? SQLITE_DONE : SQLITE_ERROR;
    while (written == SQLITE_DONE && (read = sqlite3_step(from)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(from); i++)
            sqlite3_bind_value(to, i + 1, sqlite3_column_value(from, i));
        written = sqlite3_step(to);
        sqlite3_reset(to);
    }
    sqlite3_finalize(from);
    if (!to)
        return -1;
    if (written != SQLITE_DONE)
        return sq_fail(st, written, e);
    return read == SQLITE_DONE ? 1 : 0;
}

int sq_side_install(struct store *st, struct sq_side *s, struct err *e)
{
    if (!s)
        return 0;
    close_input(s);
    wait_done(s);
    if (s->spoiled || s->failed)
        return 0;
    int rc = 1;
    for (int k = 0; rc == 1 && k < sq_search_nsources(); k++) {
        const char *name = sq_search_source(k)->name;
        char sql[256], data[128], idx[128];
        snprintf(sql, sizeof sql, "INSERT INTO search_%s (search_%s) VALUES ('delete-all')", name,
                 name);
        snprintf(data, sizeof data, "search_%s_data", name);
        snprintf(idx, sizeof idx, "search_%s_idx", name);
        rc = sq_exec(st, sql, e) != 0 ? -1 : copy_table(st, s, data, "id, block", "?1, ?2", e);
        if (rc == 1)
            rc = copy_table(st, s, idx, "segid, term, pgno", "?1, ?2, ?3", e);
    }
    return rc;
}

void sq_side_free(struct sq_side *s)
{
    if (!s)
        return;
    if (s->running) {
        pthread_mutex_lock(&s->mu);
        s->quit = true;
        pthread_cond_broadcast(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->thread, NULL);
        pthread_cond_destroy(&s->cv);
        pthread_mutex_destroy(&s->mu);
    }
    for (int i = 0; i < s->count; i++)
        batch_free(s->queue[(s->head + i) % SIDE_QUEUE]);
    batch_free(s->filling);
    for (int i = 0; i < s->nspare; i++)
        batch_free(s->spare[i]);
    for (int k = 0; k < SQ_MAX_SEARCH_FIELDS; k++) {
        for (int i = 0; s->memo[k] && i < FOLD_MEMO; i++) {
            free(s->memo[k][i].text);
            free(s->memo[k][i].folded);
        }
        free(s->memo[k]);
    }
    for (int k = 0; k < MAX_SOURCES; k++) {
        struct side_chunk *c = &s->chunk[k];
        for (size_t i = 0; i < c->n; i++)
            free(c->rows[i].words);
        free(c->rows);
        free(c->newest.words);
        sqlite3_finalize(c->insert);
    }
    sqlite3_close(s->db);
    if (s->path)
        unlink(s->path);
    sqlite3_free(s->path);
    free(s);
}
