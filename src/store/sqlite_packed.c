/*
 * Packed text: the long free-text columns that hold most of a large database's bytes (a
 * task's content and expected output, a program's title; at the country tier 27 million
 * tasks, nearly all of them personal-plan items written from a handful of templates) are
 * stored compressed with zstd against a dictionary trained on the column's own rows. A value
 * of a hundred bytes shrinks to about seventeen, which plain zstd cannot do for one short
 * value alone: the dictionary carries what the values share.
 *
 * A packed value is a BLOB: PACK_MARK, the dictionary's id (1–255, the row of
 * text_dictionaries, migration 008), then one zstd frame without magic number, dictionary id
 * or checksum. Text is never a BLOB otherwise, and PACK_MARK cannot begin UTF-8, so a reader
 * knows a packed value by its type and first byte; a column may hold both forms, and short
 * values (under PACK_MIN bytes) and everything written before the column's first dictionary
 * stay plain text. SQL that reads these columns does so through C (search_fold, the row
 * readers), which unpacks; comparisons in SQL only ever ask "changed?" or "empty?", which
 * both forms answer alike (packing is deterministic, and the empty text stays plain).
 *
 * Dictionaries: a column gets its first when its table reaches TRAIN_FIRST rows, trained on
 * evenly spaced rows of the whole table, and a new one each time the table has grown
 * TRAIN_GROWTH times since (so at most a handful per column, and the newest follows what the
 * rows have become). They are never changed or removed: every packed value stays readable.
 * Training runs inside the writer's transaction; a rollback takes the dictionary away with it,
 * and sq_packer_rollback makes the connection forget it too.
 *
 * Unpacking needs only the statement (sq_column_json has no store): each connection's
 * dictionaries and decompression context sit in a small registry keyed by its sqlite3 handle,
 * loaded on first use and dropped by sq_packed_forget when the connection closes. Only one
 * thread unpacks on a connection (a bulk load's write-behind neither packs nor unpacks: its
 * rows come packed from the caller's thread), so only finding its entry takes the lock.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define ZSTD_STATIC_LINKING_ONLY /* the magicless frame format: four bytes a value */
#include <zdict.h>
#include <zstd.h>
#include "store/sqlite_internal.h"
#include "util/text.h"

enum {
    PACK_MARK = 0xF5, /* never the first byte of UTF-8 */
    PACK_MIN = 24,    /* shorter values stay plain: a frame's own bytes would eat the gain */
    PACK_LEVEL = 3,
    DICT_CAPACITY = 16384,
    TRAIN_FIRST = 10000,
    TRAIN_GROWTH = 16,
    TRAIN_SAMPLES = 10000,
    CHECK_EVERY = 1024, /* inserts between two looks at the column's newest dictionary */
    MAX_DICTS = 255,
    REGISTRY = 64, /* connections the registry first has room for */
};

/* The columns packed: the ones whose text is long and shared between many rows. */
static const struct packed_column {
    const char *table, *column;
} PACKED[] = {
    {"tasks", "title"},
    {"tasks", "output"},
    {"programs", "title"},
};
enum { NPACKED = sizeof PACKED / sizeof *PACKED };

/* ---- unpacking: the per-connection registry ---- */

struct unpacker {
    sqlite3 *db;
    ZSTD_DCtx *dctx;
    ZSTD_DDict *dict[MAX_DICTS + 1]; /* by id; NULL until first needed */
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct unpacker **registry; /* grows; a slot is NULL once its connection closed */
static size_t registry_size;

static struct unpacker *unpacker_of(sqlite3 *db)
{
    struct unpacker *u = NULL;
    pthread_mutex_lock(&registry_lock);
    size_t free_slot = registry_size;
    for (size_t i = 0; i < registry_size && !u; i++) {
        if (registry[i] && registry[i]->db == db)
            u = registry[i];
        else if (!registry[i] && free_slot == registry_size)
            free_slot = i;
    }
    if (!u && free_slot == registry_size) {
        size_t size = registry_size ? registry_size * 2 : REGISTRY;
        struct unpacker **bigger = realloc(registry, size * sizeof *bigger);
        if (!bigger)
            abort();
        memset(bigger + registry_size, 0, (size - registry_size) * sizeof *bigger);
        registry = bigger;
        registry_size = size;
    }
    if (!u) {
        u = calloc(1, sizeof *u);
        if (!u || !(u->dctx = ZSTD_createDCtx()))
            abort();
        ZSTD_DCtx_setParameter(u->dctx, ZSTD_d_format, ZSTD_f_zstd1_magicless);
        u->db = db;
        registry[free_slot] = u;
    }
    pthread_mutex_unlock(&registry_lock);
    return u;
}

void sq_packed_forget(sqlite3 *db)
{
    pthread_mutex_lock(&registry_lock);
    for (size_t i = 0; i < registry_size; i++) {
        struct unpacker *u = registry[i];
        if (!u || u->db != db)
            continue;
        for (int k = 0; k <= MAX_DICTS; k++)
            ZSTD_freeDDict(u->dict[k]);
        ZSTD_freeDCtx(u->dctx);
        free(u);
        registry[i] = NULL;
    }
    pthread_mutex_unlock(&registry_lock);
}

/* The dictionary bytes of id, read on db; a malloc'd copy, or NULL. */
static void *dictionary_bytes(sqlite3 *db, int id, size_t *len)
{
    sqlite3_stmt *s = NULL;
    void *out = NULL;
    if (sqlite3_prepare_v2(db, "SELECT dictionary FROM text_dictionaries WHERE id = ?", -1, &s,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return NULL;
    }
    sqlite3_bind_int(s, 1, id);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_bytes(s, 0) > 0) {
        *len = (size_t)sqlite3_column_bytes(s, 0);
        out = malloc(*len);
        if (!out)
            abort();
        memcpy(out, sqlite3_column_blob(s, 0), *len);
    }
    sqlite3_finalize(s);
    return out;
}

bool sq_is_packed(const void *p, size_t n)
{
    return n > 2 && ((const unsigned char *)p)[0] == PACK_MARK;
}

char *sq_unpack(sqlite3 *db, const void *p, size_t n, size_t *len)
{
    const unsigned char *b = p;
    if (!sq_is_packed(p, n) || b[1] == 0)
        return NULL;
    struct unpacker *u = unpacker_of(db);
    if (!u)
        return NULL;
    if (!u->dict[b[1]]) {
        size_t dn = 0;
        void *bytes = dictionary_bytes(db, b[1], &dn);
        if (!bytes)
            return NULL;
        u->dict[b[1]] = ZSTD_createDDict(bytes, dn);
        free(bytes);
        if (!u->dict[b[1]])
            return NULL;
    }
    ZSTD_frameHeader h;
    if (ZSTD_getFrameHeader_advanced(&h, b + 2, n - 2, ZSTD_f_zstd1_magicless) != 0 ||
        h.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN || h.frameContentSize > (1u << 24))
        return NULL;
    unsigned long long size = h.frameContentSize;
    char *out = malloc((size_t)size + 1);
    if (!out)
        abort();
    size_t got =
        ZSTD_decompress_usingDDict(u->dctx, out, (size_t)size, b + 2, n - 2, u->dict[b[1]]);
    if (ZSTD_isError(got) || got != size) {
        free(out);
        return NULL;
    }
    out[got] = 0;
    *len = got;
    return out;
}

char *sq_column_text_copy(sqlite3_stmt *s, int i)
{
    int type = sqlite3_column_type(s, i);
    if (type == SQLITE_NULL)
        return NULL;
    size_t n = 0;
    if (type == SQLITE_BLOB) {
        const void *p = sqlite3_column_blob(s, i);
        size_t bytes = (size_t)sqlite3_column_bytes(s, i);
        if (sq_is_packed(p, bytes))
            return sq_unpack(sqlite3_db_handle(s), p, bytes, &n);
    }
    const char *t = (const char *)sqlite3_column_text(s, i);
    char *copy = strdup(t ? t : "");
    if (!copy)
        abort();
    return copy;
}

char *sq_value_text_copy(sqlite3_context *c, sqlite3_value *v)
{
    int type = sqlite3_value_type(v);
    if (type == SQLITE_NULL)
        return NULL;
    size_t n = 0;
    if (type == SQLITE_BLOB) {
        const void *p = sqlite3_value_blob(v);
        size_t bytes = (size_t)sqlite3_value_bytes(v);
        /* any other blob is not text at all */
        return sq_is_packed(p, bytes) ? sq_unpack(sqlite3_context_db_handle(c), p, bytes, &n)
                                      : NULL;
    }
    const char *t = (const char *)sqlite3_value_text(v);
    char *copy = strdup(t ? t : "");
    if (!copy)
        abort();
    return copy;
}

/* unpacked(x): the text of a value, packed or not, for SQL that compares it (list filters). */
static void sql_unpacked(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(c, argv[0]);
        return;
    }
    char *text = sq_value_text_copy(c, argv[0]);
    if (text)
        sqlite3_result_text(c, text, -1, free);
    else
        sqlite3_result_value(c, argv[0]); /* another kind of blob: as it is */
}

void sq_packed_register(sqlite3 *db)
{
    /* Not SQLITE_DETERMINISTIC: what a dictionary id means is read from the database. */
    if (sqlite3_create_function(db, "unpacked", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                                sql_unpacked, NULL, NULL) != SQLITE_OK)
        abort(); /* only out of memory can make it fail */
}

/* ---- packing: per store ---- */

/* A value packed lately: the same text packs to the same bytes against the same dictionary,
 * and the rows of a load repeat their values (a personal plan's expected output is one text
 * in 25 million rows at the country tier). */
struct packed_memo {
    unsigned long long hash;
    char *text, *packed;
    size_t len, packed_len;
};

enum { PACK_MEMO = 1024 };

struct column_packer {
    struct packed_memo *memo; /* PACK_MEMO slots, for the current dictionary */
    int dict_id;              /* 0: none yet */
    ZSTD_CDict *cdict;
    long long trained_rows; /* the table's size when dict_id was trained */
    long long inserts;      /* since the last look */
    long long tried_rows;   /* the table's size at a training that gave nothing */
    bool looked;
};

struct sq_packer {
    ZSTD_CCtx *cctx;
    bool trained; /* a dictionary in the current transaction */
    struct column_packer col[NPACKED];
};

struct sq_packer *sq_packer_new(void)
{
    struct sq_packer *p = calloc(1, sizeof *p);
    if (!p || !(p->cctx = ZSTD_createCCtx()))
        abort();
    ZSTD_CCtx_setParameter(p->cctx, ZSTD_c_format, ZSTD_f_zstd1_magicless);
    ZSTD_CCtx_setParameter(p->cctx, ZSTD_c_dictIDFlag, 0);
    ZSTD_CCtx_setParameter(p->cctx, ZSTD_c_checksumFlag, 0);
    ZSTD_CCtx_setParameter(p->cctx, ZSTD_c_contentSizeFlag, 1);
    return p;
}

static void column_forget(struct column_packer *c)
{
    for (int i = 0; c->memo && i < PACK_MEMO; i++) {
        free(c->memo[i].text);
        free(c->memo[i].packed);
    }
    free(c->memo);
    ZSTD_freeCDict(c->cdict);
    *c = (struct column_packer){0};
}

void sq_packer_free(struct sq_packer *p)
{
    if (!p)
        return;
    for (int k = 0; k < NPACKED; k++)
        column_forget(&p->col[k]);
    ZSTD_freeCCtx(p->cctx);
    free(p);
}

void sq_packer_rollback(struct sq_packer *p, sqlite3 *db)
{
    /* A dictionary trained by the transaction rolled back is gone, and its id will be given
     * to the next one trained: neither this connection's packer nor its unpacker may keep it.
     * Dictionaries that were committed stay as they are and are found again at the next look. */
    bool trained = p->trained;
    for (int k = 0; k < NPACKED; k++)
        column_forget(&p->col[k]);
    p->trained = false;
    if (trained)
        sq_packed_forget(db);
}

void sq_packer_commit(struct sq_packer *p)
{
    p->trained = false;
}

int sq_packed_column(const char *table, const char *column)
{
    for (int k = 0; k < NPACKED; k++)
        if (!strcmp(PACKED[k].table, table) && !strcmp(PACKED[k].column, column))
            return k;
    return -1;
}

/* The newest dictionary of column k, loaded into c when it is not the one c holds. */
static int look(struct store *st, int k, struct column_packer *c, struct err *e)
{
    /* Only this connection adds dictionaries (train, which waits for the write-behind), so
     * no row still waiting to be written can change the answer. */
    struct sq_writer *w = *sq_writer_of(st);
    sq_writer_read_begin(w);
    sqlite3_stmt *s =
        sq_prepare_concurrent(st,
                              "SELECT id, trained_rows, dictionary FROM text_dictionaries "
                              "WHERE table_name = :t AND column_name = :c ORDER BY id DESC "
                              "LIMIT 1",
                              e);
    int rc = SQLITE_ERROR;
    if (s) {
        sq_bind_text(s, ":t", PACKED[k].table);
        sq_bind_text(s, ":c", PACKED[k].column);
        rc = sqlite3_step(s);
    }
    bool newer = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != c->dict_id;
    /* Rows waiting to be written were packed already (sqlite_writer.c packs on this thread),
     * so the new dictionary serves the next row at once. */
    if (newer) {
        ZSTD_CDict *cd = ZSTD_createCDict(sqlite3_column_blob(s, 2),
                                          (size_t)sqlite3_column_bytes(s, 2), PACK_LEVEL);
        if (!cd)
            abort();
        column_forget(c);
        c->cdict = cd;
        c->dict_id = sqlite3_column_int(s, 0);
        c->trained_rows = sqlite3_column_int64(s, 1);
    }
    if (s)
        sqlite3_reset(s);
    sq_writer_read_end(w);
    if (!s)
        return -1;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sq_fail(st, rc, e);
    c->looked = true;
    c->inserts = 0;
    return 0;
}

/* Trains a dictionary for column k from TRAIN_SAMPLES rows spread over ids 1..rows and
 * stores it; 0 also when the samples were too few or too alike to train on (the column stays
 * as it is until the next look). */
static int train(struct store *st, int k, long long rows, struct err *e)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE id >= :id ORDER BY id LIMIT 1",
             PACKED[k].column, PACKED[k].table);
    size_t cap = 1 << 20, used = 0;
    char *samples = malloc(cap);
    size_t *sizes = malloc(TRAIN_SAMPLES * sizeof *sizes);
    unsigned n = 0;
    if (!samples || !sizes)
        abort();
    for (long long i = 0; i < TRAIN_SAMPLES; i++) {
        sqlite3_stmt *s = sq_prepare(st, sql, e);
        if (!s) {
            free(samples);
            free(sizes);
            return -1;
        }
        sq_bind_int(s, ":id", 1 + i * rows / TRAIN_SAMPLES);
        char *text = sqlite3_step(s) == SQLITE_ROW ? sq_column_text_copy(s, 0) : NULL;
        sqlite3_reset(s);
        size_t len = text ? strlen(text) : 0;
        if (len >= PACK_MIN) {
            while (used + len > cap)
                if (!(samples = realloc(samples, cap *= 2)))
                    abort();
            memcpy(samples + used, text, len);
            used += len;
            sizes[n++] = len;
        }
        free(text);
    }
    void *dict = malloc(DICT_CAPACITY);
    if (!dict)
        abort();
    size_t size = n >= 100 ? ZDICT_trainFromBuffer(dict, DICT_CAPACITY, samples, sizes, n) : 0;
    if (n < 100 || ZDICT_isError(size)) {
        /* Too few, or so alike that training finds nothing to choose (every value the
         * same): the newest samples themselves serve as a raw-content dictionary, which
         * packs repeats of them down to a few bytes. */
        size = used < DICT_CAPACITY ? used : DICT_CAPACITY;
        memcpy(dict, samples + used - size, size);
    }
    free(samples);
    free(sizes);
    int rc = -1;
    sqlite3_stmt *s = size >= 8 ? sq_prepare(st,
                                             "INSERT INTO text_dictionaries (table_name, "
                                             "column_name, trained_rows, dictionary) "
                                             "VALUES (:t, :c, :n, :d)",
                                             e)
                                : NULL;
    if (size < 8)
        rc = 0; /* nothing worth a dictionary */
    else if (s) {
        sq_bind_text(s, ":t", PACKED[k].table);
        sq_bind_text(s, ":c", PACKED[k].column);
        sq_bind_int(s, ":n", rows);
        sqlite3_bind_blob(s, sqlite3_bind_parameter_index(s, ":d"), dict, (int)size,
                          SQLITE_TRANSIENT);
        rc = sq_done(st, s, e);
    }
    free(dict);
    return rc;
}

/* How many dictionaries the database holds (ids are 1–255). */
static int dictionaries(struct store *st)
{
    struct err ignore = {0};
    sqlite3_stmt *s = sq_prepare(st, "SELECT coalesce(max(id), 0) FROM text_dictionaries", &ignore);
    int n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : MAX_DICTS;
    if (s)
        sqlite3_reset(s);
    return n;
}

/* The table's highest id, counting the rows the write-behind holds: the same figure whenever
 * the write-behind happens to be, so that a load trains at the same row every time. */
static long long table_rows(struct store *st, const char *table, struct err *e)
{
    struct sq_writer *w = *sq_writer_of(st);
    const struct resource *r = resource_by_name(table);
    long long last = w && r ? sq_writer_last_id(w, r) : -1;
    if (last >= 0)
        return last;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", table);
    sqlite3_stmt *s = sq_prepare(st, sql, e);
    if (!s)
        return -1;
    long long rows = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return rows;
}

int sq_packer_before_write(struct store *st, struct sq_packer *p, const char *table, bool insert,
                           struct err *e)
{
    for (int k = 0; k < NPACKED; k++) {
        struct column_packer *c = &p->col[k];
        if (strcmp(PACKED[k].table, table) ||
            (c->looked && (!insert || ++c->inserts < CHECK_EVERY)))
            continue;
        if (look(st, k, c, e) != 0)
            return -1;
        long long rows = table_rows(st, table, e);
        if (rows < 0)
            return -1;
        long long due = c->dict_id ? c->trained_rows * TRAIN_GROWTH : TRAIN_FIRST;
        if (c->tried_rows * TRAIN_GROWTH > due)
            due = c->tried_rows * TRAIN_GROWTH;
        if (rows >= due && dictionaries(st) < MAX_DICTS) {
            int had = c->dict_id;
            if (train(st, k, rows, e) != 0 || look(st, k, c, e) != 0)
                return -1;
            p->trained = true;
            if (c->dict_id == had) /* nothing to train on (every value short): not again soon */
                c->tried_rows = rows;
        }
    }
    return 0;
}

const void *sq_pack(struct sq_packer *p, const char *table, const char *column, const char *text,
                    size_t len, size_t *packed_len)
{
    int k = len >= PACK_MIN ? sq_packed_column(table, column) : -1;
    if (k < 0 || !p->col[k].cdict)
        return NULL;
    struct column_packer *c = &p->col[k];
    unsigned long long h = text_hash(text, len);
    if (!c->memo && !(c->memo = calloc(PACK_MEMO, sizeof *c->memo)))
        abort();
    struct packed_memo *m = &c->memo[h % PACK_MEMO];
    if (!(m->text && m->hash == h && m->len == len && !memcmp(m->text, text, len))) {
        size_t cap = ZSTD_compressBound(len) + 2;
        unsigned char *out = malloc(cap);
        if (!out)
            abort();
        ZSTD_CCtx_refCDict(p->cctx, c->cdict);
        size_t n = ZSTD_compress2(p->cctx, out + 2, cap - 2, text, len);
        free(m->text);
        free(m->packed);
        *m = (struct packed_memo){h, malloc(len), NULL, len, 0};
        if (!m->text)
            abort();
        memcpy(m->text, text, len);
        if (ZSTD_isError(n) || n + 2 >= len) { /* nothing gained: plain */
            free(out);
            return NULL;
        }
        out[0] = PACK_MARK;
        out[1] = (unsigned char)c->dict_id;
        m->packed = (char *)out; /* the memo keeps the frame; the caller borrows it */
        m->packed_len = n + 2;
    }
    if (!m->packed)
        return NULL; /* it stayed plain */
    *packed_len = m->packed_len;
    return m->packed;
}
