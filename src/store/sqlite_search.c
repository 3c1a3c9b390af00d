/*
 * Search in the SQLite store: the index behind GET /search (store_index, store_reindex,
 * store_search in store.h) and the two SQL functions it needs on every connection
 * (sq_search_register). It is not the snippet: the HTTP handler marks the words.
 *
 * The index is one contentless FTS5 table per searchable resource, search_<resource>
 * (migration 003_search.sql). It keeps only what matching needs: each row's words folded
 * (util/text.c: lower case, no diacritics, đ→d), without positions (detail=none) and without
 * any copy of the text, which the rows already hold: the label and text shown are read from
 * the row itself, for the candidates only. That is about 23 bytes a row where the first
 * design, which stored the text twice and every word's positions, took about 510. A row's
 * rowid is minus its id, so that FTS5's forward order, several times cheaper than its
 * reverse one on long lists, is newest first. One table per resource rather than one for
 * all: a query about one resource then never walks the other resources' entries of its
 * words, which FTS5 does one leaf page at a time (2 ms a query for each resource after the
 * first, at the country tier).
 *
 * The words of the label (the first of a resource's `search` fields) are indexed as they are
 * and those of its other fields with "_" after them ("mong_"), so that the one table serves
 * both as a label index ("mong" AND "cai": an org named Móng Cái) and as a full one (("mong"
 * OR "mong_") AND …: a person whose title names it), at the size of one: a second table for
 * the labels would have cost 16 bytes a row more. Each row also holds one word naming its
 * window, "_6" for ids 6·2^22 to 7·2^22 - 1, which costs about one byte a row and bounds the
 * work of a query over a resource of more rows than its newest two windows hold (the
 * country's tasks; see search_stage).
 *
 * How the index stays equal to the rows: a contentless table can only remove a row's entry
 * when told the words it was indexed with, and only triggers still see the old text. So the
 * triggers of 003 replace a row's words when its searched fields change and remove them when
 * the row is deleted, whatever path the change takes (the write path, ON DELETE CASCADE, a
 * rule writing another row); store_index adds the rows that are not in the index yet, which
 * are the new ones. Bulk loads write rows without indexing them and end with store_reindex.
 * As a safety net, every candidate is checked against its row before it is shown, so an
 * entry that were stale could cost a place among the candidates but never show a wrong hit.
 *
 * Ranking, bounded whatever the number of rows. Candidates come in stages, each asking every
 * resource for its newest `limit` rows that match, which FTS5 finds without looking at the
 * other matches: first those whose label holds every word, among the resource's two newest
 * windows (its newest 4 to 8 million rows, which is all of them but for the country's
 * tasks); the older windows only if all that gave fewer hits than asked; then the same for
 * rows holding the words in any field. The candidates, at most
 * `limit` per resource and stage, are read and ordered by how closely they answer
 * (rank_hit): the label is the query, holds it as a phrase, holds all its words; then a
 * field holds the phrase, the fields hold the words; fewer other words first; then by
 * resource (in the order of SOURCES: orgs first) and the oldest first, the parent before
 * the bodies named after it.
 */
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/nouns.h"
#include "store/sqlite_internal.h"
#include "util/text.h"

enum {
    WINDOW_BITS = 22,
    MAX_FIELDS = SQ_MAX_SEARCH_FIELDS,
    MAX_CANDIDATES = 256,
    KEEP_BUDGET = 2000
};

/* The searchable resources, each with its index table search_<name>, in the order ties in
 * ranking go. A new searchable noun takes a line here, and its table and two triggers in a
 * migration, as 003 makes them for these, and its crisismerge, as 007 sets it;
 * tests/unit/store/sqlite_search.c names whatever is missing. */
static const char *const SOURCES[] = {
    "orgs",  "resolutions", "programs", "documents",   "people",
    "items", "tasks",       "meetings", "inspections", "disseminations",
};
enum { NSOURCES = sizeof SOURCES / sizeof SOURCES[0] };

int sq_search__code(const struct resource *r)
{
    for (int i = 0; r && r->search && i < NSOURCES; i++)
        if (!strcmp(SOURCES[i], r->name))
            return i + 1;
    return 0;
}

int sq_search_nsources(void)
{
    return NSOURCES;
}

const struct resource *sq_search_source(int k)
{
    return k >= 0 && k < NSOURCES ? resource_by_name(SOURCES[k]) : NULL;
}

/* ---- the words a row is indexed with ---- */

struct buf {
    char *p;
    size_t len, cap;
};

static void buf_put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 256;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

/* sq_index_words: the words of row `id` whose searched fields are vals[0..n) (NULLs skipped):
 * vals[0]'s folded words, then those of the others each followed by "_", then the row's window
 * ("_6": ids 6·2^22 to 7·2^22 - 1; see WINDOW_BITS). Malloc'd; "" when the fields have no word, so
 * that such a row is not indexed at all. */
char *sq_index_words_folded(long long id, const char *const *folded, int n)
{
    struct buf b = {0};
    buf_put(&b, "", 0);
    for (int i = 0; i < n; i++) {
        for (const char *w = folded[i]; w && *w;) {
            size_t len = strcspn(w, " ");
            if (len) {
                if (b.len)
                    buf_put(&b, " ", 1);
                buf_put(&b, w, len);
                if (i > 0)
                    buf_put(&b, "_", 1);
            }
            w += len;
            w += strspn(w, " ");
        }
    }
    if (b.len) {
        char window[48];
        int len = snprintf(window, sizeof window, " _%lld", id >> WINDOW_BITS);
        buf_put(&b, window, (size_t)len);
    }
    return b.p;
}

char *sq_index_words(long long id, const char *const *vals, int n)
{
    char *folded[SQ_MAX_SEARCH_FIELDS] = {0};
    for (int i = 0; i < n && i < SQ_MAX_SEARCH_FIELDS; i++)
        folded[i] = vals[i] ? text_fold(vals[i]) : NULL;
    char *words = sq_index_words_folded(id, (const char *const *)folded, n);
    for (int i = 0; i < n && i < SQ_MAX_SEARCH_FIELDS; i++)
        free(folded[i]);
    return words;
}

/* search_fold(id, label, other, …): the words the index holds for a row, for the triggers
 * and for store_reindex, which must give exactly what store_index gives. */
static void sql_fold(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    char *vals[MAX_FIELDS];
    if (argc < 2 || argc - 1 > MAX_FIELDS) {
        sqlite3_result_error(c, "search_fold: an id and 1 to 8 fields", -1);
        return;
    }
    for (int i = 1; i < argc; i++)
        vals[i - 1] = sq_value_text_copy(c, argv[i]); /* packed text unpacked */
    sqlite3_result_text(
        c, sq_index_words(sqlite3_value_int64(argv[0]), (const char **)vals, argc - 1), -1, free);
    for (int i = 1; i < argc; i++)
        free(vals[i - 1]);
}

/* The FTS5 query for the first of a row's words ("\"mong\""), which finds the row at its
 * rowid if and only if the row is in the index (with these words, as the index is kept);
 * for no words, a word no row has. Malloc'd. */
static char *probe_of(const char *words)
{
    size_t n = strcspn(words, " ");
    char *probe = malloc(n + 4);
    if (!probe)
        abort();
    snprintf(probe, n + 4, "\"%.*s\"", (int)n, n ? words : "_");
    return probe;
}

/* search_probe(words): probe_of for the triggers, which must not remove a row that is not in
 * the index (one with no words, or written by a bulk load not indexed yet): FTS5 takes that
 * for a corrupt index once its count of rows would go below zero. */
static void sql_probe(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *words = (const char *)sqlite3_value_text(argv[0]);
    sqlite3_result_text(c, probe_of(words ? words : ""), -1, free);
}

void sq_search_register(sqlite3 *db)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function(db, "search_fold", -1, flags, NULL, sql_fold, NULL, NULL) !=
            SQLITE_OK ||
        sqlite3_create_function(db, "search_probe", 1, flags, NULL, sql_probe, NULL, NULL) !=
            SQLITE_OK)
        abort(); /* only out of memory can make it fail */
}

/* ---- keeping the index ---- */

/* The column of a searched field (its name, unless it sits in a group). */
static const char *search_column(const struct resource *r, const char *field)
{
    const struct field *fd = resource_field(r, field);
    return fd ? field_column(fd) : field;
}

/* The columns of r's searched fields, joined by ", ". */
static void field_list(const struct resource *r, char *out, size_t size)
{
    out[0] = 0;
    for (const char *const *f = r->search; *f; f++)
        snprintf(out + strlen(out), size - strlen(out), "%s%s", f == r->search ? "" : ", ",
                 search_column(r, *f));
}

int sq_search_values(const struct resource *r, json_t *obj, const char **vals)
{
    int n = 0;
    for (const char *const *f = r->search; *f && n < MAX_FIELDS; f++)
        vals[n++] = obj_str(obj, search_column(r, *f));
    return n;
}

bool sq_search_touches(const struct resource *r, json_t *obj)
{
    for (const char *const *f = sq_search__code(r) ? r->search : NULL; f && *f; f++)
        if (json_object_get(obj, search_column(r, *f)))
            return true;
    return false;
}

int store_index(struct store *st, const struct resource *r, long long id, json_t *obj,
                struct err *e)
{
    /* A deleted row's entry is gone already: its table's delete trigger removed it. */
    if (!sq_search__code(r) || !obj)
        return 0;
    const char *vals[MAX_FIELDS];
    int n = sq_search_values(r, obj, vals);
    char *words = sq_index_words(id, vals, n);
    size_t first = strcspn(words, " ");
    int rc = 0;
    if (first > 0) {
        /* A row already in the index holds these very words, since the update trigger
         * replaces them whenever the fields change: only a new row needs adding. Asking for
         * one of its words at its rowid answers that from the index alone. */
        char sql[256], *probe = probe_of(words);
        snprintf(sql, sizeof sql,
                 "SELECT 1 FROM search_%s WHERE search_%s MATCH :w AND rowid = :rowid", r->name,
                 r->name);
        sqlite3_stmt *s = sq_prepare(st, sql, e);
        rc = s ? 0 : -1;
        bool present = false;
        if (s) {
            sq_bind_text(s, ":w", probe);
            sq_bind_int(s, ":rowid", -id);
            int step = sqlite3_step(s);
            present = step == SQLITE_ROW;
            sqlite3_reset(s);
            if (step != SQLITE_ROW && step != SQLITE_DONE)
                rc = sq_fail(st, step, e);
        }
        snprintf(sql, sizeof sql, "INSERT INTO search_%s (rowid, words) VALUES (:rowid, :words)",
                 r->name);
        if (rc == 0 && !present) {
            s = sq_prepare(st, sql, e);
            rc = s ? 0 : -1;
            if (s) {
                sq_bind_int(s, ":rowid", -id);
                sq_bind_text(s, ":words", words);
                rc = sq_done(st, s, e);
            }
        }
        free(probe);
    }
    free(words);
    return rc;
}

/* ---- filling the whole index (store_reindex) ----
 *
 * Folding the words is more than half of a fill's work (utf8proc, at the country tier 80 of
 * the 140 s), and it needs nothing from the connection, so a second thread folds while this
 * one reads the rows and hands the folded words to FTS5: a batch is read while the one
 * before is folded, then that one is inserted. The words are sq_index_words', as store_index's
 * and the triggers' are, so whichever path indexed a row, its entry is the same. */

enum { FILL_BATCH = 4096 };

struct fill_batch {
    int n, nfields;
    long long id[FILL_BATCH];
    char *vals[FILL_BATCH][MAX_FIELDS]; /* the rows' texts, unpacked; freed once folded */
    char *words[FILL_BATCH];
};

struct folder {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct fill_batch *job; /* given to the folder, not folded yet */
    bool busy, quit;
};

static void fold_batch(struct fill_batch *b)
{
    for (int i = 0; i < b->n; i++) {
        b->words[i] = sq_index_words(b->id[i], (const char *const *)b->vals[i], b->nfields);
        for (int k = 0; k < b->nfields; k++) {
            free(b->vals[i][k]);
            b->vals[i][k] = NULL;
        }
    }
}

static void *folder_main(void *arg)
{
    struct folder *f = arg;
    pthread_mutex_lock(&f->mu);
    for (;;) {
        while (!f->job && !f->quit)
            pthread_cond_wait(&f->cv, &f->mu);
        if (!f->job)
            break;
        struct fill_batch *b = f->job;
        pthread_mutex_unlock(&f->mu);
        fold_batch(b);
        pthread_mutex_lock(&f->mu);
        f->job = NULL;
        f->busy = false;
        pthread_cond_broadcast(&f->cv);
    }
    pthread_mutex_unlock(&f->mu);
    return NULL;
}

static void folder_give(struct folder *f, struct fill_batch *b)
{
    pthread_mutex_lock(&f->mu);
    f->job = b;
    f->busy = true;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
}

static void folder_wait(struct folder *f)
{
    pthread_mutex_lock(&f->mu);
    while (f->busy)
        pthread_cond_wait(&f->cv, &f->mu);
    pthread_mutex_unlock(&f->mu);
}

/* Reads up to FILL_BATCH rows of `rows` (id, then the searched fields) into b; SQLITE_ROW
 * while more may follow, SQLITE_DONE at the end, or an error code. */
static int fill_read(sqlite3_stmt *rows, struct fill_batch *b)
{
    b->n = 0;
    b->nfields = sqlite3_column_count(rows) - 1;
    while (b->n < FILL_BATCH) {
        int rc = sqlite3_step(rows);
        if (rc != SQLITE_ROW)
            return rc;
        b->id[b->n] = sqlite3_column_int64(rows, 0);
        for (int k = 0; k < b->nfields; k++)
            b->vals[b->n][k] = sq_column_text_copy(rows, k + 1);
        b->n++;
    }
    return SQLITE_ROW;
}

/* Inserts a folded batch's words and frees them; SQLITE_DONE or an error code. */
static int fill_insert(sqlite3_stmt *ins, struct fill_batch *b)
{
    int rc = SQLITE_DONE;
    for (int i = 0; i < b->n; i++) {
        if (rc == SQLITE_DONE) {
            sqlite3_bind_int64(ins, 1, -b->id[i]);
            sqlite3_bind_text(ins, 2, b->words[i], -1, SQLITE_STATIC);
            rc = sqlite3_step(ins);
            sqlite3_reset(ins);
        }
        free(b->words[i]);
        b->words[i] = NULL;
    }
    b->n = 0;
    return rc;
}

/* Frees what a batch left behind when the fill stopped early. */
static void fill_discard(struct fill_batch *b)
{
    for (int i = 0; i < b->n; i++) {
        for (int k = 0; k < b->nfields; k++)
            free(b->vals[i][k]);
        free(b->words[i]);
    }
    b->n = 0;
}

/* Fills search_<r> from the rows the statement `rows` gives, in its order. */
static int fill_from(struct store *st, const struct resource *r, sqlite3_stmt *rows, struct err *e)
{
    if (sqlite3_column_count(rows) - 1 > MAX_FIELDS)
        return err_set(e, E_INTERNAL, NULL,
                       "search_%s: quá %d trường được tìm kiếm. / More than %d searched fields.",
                       r->name, MAX_FIELDS, MAX_FIELDS);
    char sql[256];
    snprintf(sql, sizeof sql, "INSERT INTO search_%s (rowid, words) VALUES (?1, ?2)", r->name);
    sqlite3_stmt *ins = sq_prepare(st, sql, e);
    struct fill_batch *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    struct folder f = {.busy = false};
    if (!a || !b)
        abort();
    pthread_mutex_init(&f.mu, NULL);
    pthread_cond_init(&f.cv, NULL);
    /* `a` is being folded while `b` is read, then `b` is folded while `a` is inserted and
     * read again: the folder never waits for the inserts. Rows that fit in one batch (most
     * tables of a small file, and the newest row on its own) are folded here, no thread. */
    int rc = ins ? fill_read(rows, a) : SQLITE_ERROR, put = SQLITE_DONE;
    bool threaded = rc == SQLITE_ROW && pthread_create(&f.thread, NULL, folder_main, &f) == 0;
    if (a->n > 0)
        threaded ? folder_give(&f, a) : fold_batch(a);
    while (a->n > 0 && (rc == SQLITE_ROW || rc == SQLITE_DONE) && put == SQLITE_DONE) {
        if (rc == SQLITE_ROW)
            rc = fill_read(rows, b);
        if (threaded)
            folder_wait(&f);
        if (b->n > 0)
            threaded ? folder_give(&f, b) : fold_batch(b);
        put = fill_insert(ins, a);
        struct fill_batch *t = a;
        a = b;
        b = t;
    }
    if (threaded) {
        folder_wait(&f);
        pthread_mutex_lock(&f.mu);
        f.quit = true;
        pthread_cond_broadcast(&f.cv);
        pthread_mutex_unlock(&f.mu);
        pthread_join(f.thread, NULL);
    }
    fill_discard(a);
    fill_discard(b);
    free(a);
    free(b);
    pthread_cond_destroy(&f.cv);
    pthread_mutex_destroy(&f.mu);
    sqlite3_reset(rows);
    if (!ins)
        return -1;
    if (put != SQLITE_DONE)
        return sq_fail(st, put, e);
    if (rc != SQLITE_DONE)
        return sq_fail(st, rc, e);
    return 0;
}

int store_reindex(struct store *st, struct err *e)
{
    /* Per resource: its table emptied, then filled from the rows newest first so that
     * rowids only grow: FTS5 then writes each word's list in long runs, where it would flush
     * its pending entries at every step back.
     *
     * The newest row comes last, on its own, and then 'optimize' merges what the fill left
     * with it into one segment on a level above the lowest. Left on the lowest level, the
     * whole index is merged again in one go a few dozen writes later, inside somebody's
     * write (40 s for a task at the country tier; 007_search_merges.sql). 'optimize' does
     * nothing to a single segment, hence the newest row apart. */
    for (int i = 0; i < NSOURCES; i++) {
        const struct resource *r = resource_by_name(SOURCES[i]);
        if (!r || !r->search)
            continue;
        char fields[512], sql[2048];
        field_list(r, fields, sizeof fields);
        snprintf(sql, sizeof sql, "INSERT INTO search_%s (search_%s) VALUES ('delete-all')",
                 r->name, r->name);
        if (sq_exec(st, sql, e) != 0)
            return -1;
        for (int last = 0; last < 2; last++) {
            snprintf(sql, sizeof sql,
                     "SELECT id, %s FROM %s WHERE id %s (SELECT max(id) FROM %s) ORDER BY id DESC",
                     fields, r->name, last ? "=" : "<", r->name);
            sqlite3_stmt *rows = NULL;
            int rc = sqlite3_prepare_v2(sq_db(st), sql, -1, &rows, NULL);
            if (rc != SQLITE_OK)
                return sq_fail(st, rc, e);
            rc = fill_from(st, r, rows, e);
            sqlite3_finalize(rows);
            if (rc != 0)
                return -1;
        }
        snprintf(sql, sizeof sql, "INSERT INTO search_%s (search_%s) VALUES ('optimize')", r->name,
                 r->name);
        if (sq_exec(st, sql, e) != 0)
            return -1;
    }
    return 0;
}

/* ---- answering ---- */

/* The folded words of one field: w[0..n) point into buf. */
struct words {
    char *buf;
    char **w;
    int n;
};

static void fold_words(const char *text, struct words *out)
{
    out->buf = text ? text_fold(text) : NULL;
    out->n = 0;
    size_t spaces = 0;
    for (const char *p = out->buf; p && *p; p++)
        spaces += *p == ' ';
    out->w = malloc(sizeof *out->w * (spaces + 1));
    if (!out->w)
        abort();
    char *save = NULL;
    for (char *p = out->buf ? strtok_r(out->buf, " ", &save) : NULL; p;
         p = strtok_r(NULL, " ", &save))
        out->w[out->n++] = p;
}

static bool has_word(char *const *w, int n, const char *word)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(w[i], word))
            return true;
    return false;
}

static bool has_all(char *const *w, int n, char *const *q, int nq)
{
    for (int i = 0; i < nq; i++)
        if (!has_word(w, n, q[i]))
            return false;
    return true;
}

static bool has_phrase(char *const *w, int n, char *const *q, int nq)
{
    for (int i = 0; i + nq <= n; i++) {
        int k = 0;
        while (k < nq && !strcmp(w[i + k], q[k]))
            k++;
        if (k == nq)
            return true;
    }
    return false;
}

struct hit {
    const struct resource *r;
    int source, rank, extra; /* source: 1 + its place in SOURCES */
    long long id;
    char *label, *text; /* as stored; text is every field, joined by " · " */
};

/* How closely a row with searched field values vals[0..n) answers the query words q[0..nq):
 * 0 its label is the query, 1 the label holds the query as a phrase, 2 the label holds all
 * its words, 3 another field holds the phrase, 4 the fields hold the words between them;
 * -1 when they do not (a stale entry). *extra: the label's other words (0–2), or the text's. */
static int rank_hit(const char *const *vals, int n, char *const *q, int nq, int *extra)
{
    struct words f[MAX_FIELDS];
    int rank = -1, total = 0, present = 0;
    bool field_phrase = false;
    for (int i = 0; i < n; i++) {
        fold_words(vals[i], &f[i]);
        total += f[i].n;
        field_phrase = field_phrase || (i > 0 && has_phrase(f[i].w, f[i].n, q, nq));
    }
    for (int k = 0; k < nq; k++) {
        bool found = false;
        for (int i = 0; i < n && !found; i++)
            found = has_word(f[i].w, f[i].n, q[k]);
        present += found;
    }
    if (n > 0 && has_all(f[0].w, f[0].n, q, nq)) {
        bool phrase = has_phrase(f[0].w, f[0].n, q, nq);
        rank = phrase && f[0].n == nq ? 0 : phrase ? 1 : 2;
        *extra = f[0].n - nq;
    } else if (present == nq) {
        rank = field_phrase ? 3 : 4;
        *extra = total - nq;
    }
    for (int i = 0; i < n; i++) {
        free(f[i].buf);
        free(f[i].w);
    }
    return rank;
}

static int hit_order(const void *a, const void *b)
{
    const struct hit *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    if (x->extra != y->extra)
        return x->extra - y->extra;
    if (x->source != y->source)
        return x->source - y->source;
    return x->id < y->id ? -1 : x->id > y->id;
}

struct source_state {
    const struct resource *r;
    long long window; /* the window of its newest row; -1: it has no row */
    int seen[2];      /* rows read from its newest windows, from the older ones */
    bool full[2];     /* the newest windows gave as many as asked: label words, any field */
};

struct search {
    struct store *st;
    store_search_keep keep; /* NULL: every hit is kept */
    void *keep_ctx;
    int budget; /* rows a kept search may still read */
    struct source_state src[NSOURCES];
    char **q;
    int nq, limit;
    struct hit *hits;
    int nhits, cap;
    long long *seen; /* rows already read (id · NSOURCES + source + 1), open addressing */
    size_t seen_cap, nseen;
};

static size_t seen_slot(const long long *seen, size_t cap, long long key)
{
    size_t i = (size_t)((unsigned long long)key * 0x9E3779B97F4A7C15ULL) & (cap - 1);
    while (seen[i] && seen[i] != key)
        i = (i + 1) & (cap - 1);
    return i;
}

/* Was the row of that key read already? Marks it read. The table doubles before it is half
 * full: a kept search may read many more rows than the first size foresaw. */
static bool seen_before(struct search *s, long long key)
{
    size_t i = seen_slot(s->seen, s->seen_cap, key);
    if (s->seen[i])
        return true;
    if (++s->nseen * 2 > s->seen_cap) {
        long long *bigger = calloc(s->seen_cap * 2, sizeof *bigger);
        if (!bigger)
            abort();
        for (size_t k = 0; k < s->seen_cap; k++)
            if (s->seen[k])
                bigger[seen_slot(bigger, s->seen_cap * 2, s->seen[k])] = s->seen[k];
        free(s->seen);
        s->seen = bigger;
        s->seen_cap *= 2;
        i = seen_slot(s->seen, s->seen_cap, key);
    }
    s->seen[i] = key;
    return false;
}

/* Reads row id of r and, when it answers the query, adds it to the hits. */
static int read_hit(struct search *s, const struct resource *r, int source, long long id,
                    struct err *e)
{
    char fields[512], sql[768];
    field_list(r, fields, sizeof fields);
    snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE id = :id", fields, r->name);
    sqlite3_stmt *st = sq_prepare(s->st, sql, e);
    if (!st)
        return -1;
    sq_bind_int(st, ":id", id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return 0; /* gone: an entry the index should not have had */
    }
    char *vals[MAX_FIELDS];
    int n = sqlite3_column_count(st) < MAX_FIELDS ? sqlite3_column_count(st) : MAX_FIELDS;
    for (int i = 0; i < n; i++)
        vals[i] = sq_column_text_copy(st, i); /* packed text unpacked */
    sqlite3_reset(st);                        /* keep() below may read rows too */
    int extra = 0, rank = rank_hit((const char **)vals, n, s->q, s->nq, &extra);
    if (s->keep)
        s->budget--;
    if (rank >= 0 && (!s->keep || s->keep(s->keep_ctx, r, id))) {
        struct buf text = {0};
        const char *label = NULL;
        buf_put(&text, "", 0);
        for (int i = 0; i < n; i++) {
            if (!vals[i] || !*vals[i])
                continue;
            if (!label)
                label = vals[i];
            if (text.len)
                buf_put(&text, " · ", strlen(" · "));
            buf_put(&text, vals[i], strlen(vals[i]));
        }
        if (s->nhits == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 64;
            s->hits = realloc(s->hits, (size_t)s->cap * sizeof *s->hits);
            if (!s->hits)
                abort();
        }
        char *copy = strdup(label ? label : "");
        if (!copy)
            abort();
        s->hits[s->nhits++] = (struct hit){.r = r,
                                           .source = source,
                                           .rank = rank,
                                           .extra = extra,
                                           .id = id,
                                           .label = copy,
                                           .text = text.p};
    }
    for (int i = 0; i < n; i++)
        free(vals[i]);
    return 0;
}

/* Up to `n` ids of rows of r matching the FTS5 query, newest first, older than `below` (0:
 * any), into out[]; returns how many, or -1 with e filled. */
static int candidates(struct search *s, const struct resource *r, const char *match,
                      long long below, int n, long long *out, struct err *e)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT -rowid FROM search_%s WHERE search_%s MATCH :q AND rowid > :after "
             "ORDER BY rowid LIMIT :n",
             r->name, r->name);
    sqlite3_stmt *st = sq_prepare(s->st, sql, e);
    if (!st)
        return -1;
    sq_bind_text(st, ":q", match);
    sq_bind_int(st, ":after", below > 0 ? -below : LLONG_MIN);
    sq_bind_int(st, ":n", n);
    int k = 0, rc = SQLITE_DONE;
    while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
        out[k++] = sqlite3_column_int64(st, 0);
    rc = k < n ? rc : SQLITE_DONE;
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? k : sq_fail(s->st, rc, e);
}

/* The window of r's newest row, -1 when it has none. */
static long long newest_window(struct store *st, const struct resource *r)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT max(id) FROM %s", r->name);
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(st, sql, &e);
    long long w = -1;
    if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
        w = sqlite3_column_int64(s, 0) >> WINDOW_BITS;
    if (s)
        sqlite3_reset(s);
    return w;
}

/* One stage of the search over every resource. Stages 0 and 1 ask for the label's words,
 * 2 and 3 for the words in any field (`words`, an FTS5 expression); 0 and 2 look at each
 * resource's two newest windows, 1 and 3 at the older ones, for the resources the stage
 * before did not fill.
 *
 * What bounds the work is the window's word, asked for with the others where a resource
 * has older windows too: FTS5's AND walks its words' lists until it finds as many rows as
 * asked, or the last row of the shortest list, whatever upper bound of rowid it is given
 * (30 ms over the tasks of the country for "dang bo xa", which no task label holds), while
 * a window's list ends where the window ends (12 ms). It costs the walk about half again
 * as much per step, so it is left out where the newest windows are all there is. The older
 * rows are asked for by rowid: an OR of their windows' lists would cost several times more,
 * and there the walk goes to the end anyway. */
static int search_stage(struct search *s, int stage, const char *words, struct err *e)
{
    long long *ids = malloc(sizeof *ids * (MAX_CANDIDATES * 3));
    if (!ids)
        abort();
    struct buf match = {0};
    int rc = 0;
    for (int j = 0; j < NSOURCES && rc == 0; j++) {
        struct source_state *src = &s->src[j];
        bool older = stage % 2;
        if (!src->r || src->window < 0 || (older && (src->full[stage / 2] || src->window < 2)))
            continue;
        match.len = 0;
        buf_put(&match, words, strlen(words));
        if (!older && src->window >= 2) {
            char windows[96];
            int len = snprintf(windows, sizeof windows, " AND (\"_%lld\" OR \"_%lld\")",
                               src->window, src->window - 1);
            buf_put(&match, windows, (size_t)len);
        }
        /* Rows read in an earlier stage come again among the first: ask for that many more. */
        int want = s->limit + src->seen[older], before = s->nhits;
        long long below = older ? (src->window - 1) << WINDOW_BITS : 0;
        for (;;) {
            int k = candidates(s, src->r, match.p, below, want, ids, e);
            if (k < 0)
                rc = -1;
            for (int i = 0; i < k && rc == 0; i++)
                if (!seen_before(s, ids[i] * NSOURCES + j + 1)) {
                    src->seen[older]++;
                    rc = read_hit(s, src->r, j + 1, ids[i], e);
                }
            /* A kept search pages on to older candidates while keep() refused too many of
             * these to fill the stage, within its budget. */
            bool exhausted = k < want;
            if (rc != 0 || !s->keep || exhausted || s->nhits - before >= s->limit ||
                s->budget <= 0) {
                if (!older)
                    src->full[stage / 2] = !exhausted;
                break;
            }
            below = ids[k - 1];
            want = s->limit;
        }
    }
    free(match.p);
    free(ids);
    return rc;
}

/* The FTS5 query for words q[0..n): each a quoted string, so nothing typed is syntax; with
 * `any`, each may also be a word of the other fields ("w_"). Malloc'd. */
static char *match_text(char *const *q, int n, bool any)
{
    struct buf b = {0};
    buf_put(&b, "", 0);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_put(&b, " AND ", 5);
        for (int form = 0; form < (any ? 2 : 1); form++) {
            buf_put(&b, form ? " OR \"" : any ? "(\"" : "\"", form ? 5 : any ? 2 : 1);
            buf_put(&b, q[i], strlen(q[i]));
            buf_put(&b, form ? "_\")" : "\"", form ? 3 : 1);
        }
    }
    return b.p;
}

json_t *store_search(struct store *st, const char *folded_query, int limit, struct err *e)
{
    return store_search_kept(st, folded_query, limit, NULL, NULL, e);
}

json_t *store_search_kept(struct store *st, const char *folded_query, int limit,
                          store_search_keep keep, void *keep_ctx, struct err *e)
{
    /* The query's words as the index cuts them: runs of ASCII letters and digits and of
     * other (UTF-8) bytes; anything else (quotes, "_", FTS5 operators' punctuation) separates.
     * A folded query is already in that form; this keeps any other input harmless. */
    char *text = strdup(folded_query ? folded_query : "");
    if (!text)
        abort();
    for (char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 'A' && c <= 'Z')
            *p = (char)(c + 32);
        else if (c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
            *p = ' ';
    }
    char **q = malloc(sizeof *q * (strlen(text) / 2 + 1)), *save = NULL;
    if (!q)
        abort();
    int nq = 0;
    for (char *p = strtok_r(text, " ", &save); p; p = strtok_r(NULL, " ", &save))
        q[nq++] = p;
    struct search s = {
        .st = st, .keep = keep, .keep_ctx = keep_ctx, .budget = KEEP_BUDGET, .q = q, .nq = nq};
    s.limit = limit < 1 ? 1 : limit > MAX_CANDIDATES ? MAX_CANDIDATES : limit;
    json_t *out = json_array();
    if (s.nq == 0) {
        free(q);
        free(text);
        return out;
    }
    s.seen_cap = 1;
    while (s.seen_cap < (size_t)s.limit * NSOURCES * 8)
        s.seen_cap *= 2;
    s.seen = calloc(s.seen_cap, sizeof *s.seen);
    if (!s.seen)
        abort();
    char *label_match = match_text(q, s.nq, false), *any_match = match_text(q, s.nq, true);
    for (int j = 0; j < NSOURCES; j++) {
        s.src[j].r = resource_by_name(SOURCES[j]);
        s.src[j].window = s.src[j].r && s.src[j].r->search ? newest_window(st, s.src[j].r) : -1;
    }
    int rc = 0;
    for (int stage = 0; stage < 4 && rc == 0 && (stage == 0 || s.nhits < s.limit); stage++)
        rc = search_stage(&s, stage, stage < 2 ? label_match : any_match, e);
    if (rc == 0 && s.nhits > 0) {
        qsort(s.hits, (size_t)s.nhits, sizeof *s.hits, hit_order);
        for (int i = 0; i < s.nhits && i < limit; i++)
            json_array_append_new(out, json_pack("{s:s,s:I,s:s,s:s}", "type", s.hits[i].r->singular,
                                                 "id", (json_int_t)s.hits[i].id, "label",
                                                 s.hits[i].label, "text", s.hits[i].text));
    }
    for (int i = 0; i < s.nhits; i++) {
        free(s.hits[i].label);
        free(s.hits[i].text);
    }
    free(s.hits);
    free(s.seen);
    free(label_match);
    free(any_match);
    free(q);
    free(text);
    if (rc != 0) {
        json_decref(out);
        return NULL;
    }
    return out;
}
