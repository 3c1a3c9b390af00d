/*
 * Change detection for caches kept above the store (store.h, "For caches above the store").
 *
 * store_version asks SQLite. Its three counters are each blind to something: PRAGMA
 * data_version moves when another connection (of this process or another) commits, but not
 * for this connection's own commits; sqlite3_total_changes64 counts the rows this connection
 * changed, but not what a backup wrote into it; the pager's data version
 * (SQLITE_FCNTL_DATA_VERSION) moves for both, but is only brought up to date when a read
 * transaction starts. The PRAGMA starts one, so reading it first and the other two after
 * gives a triple that moves whenever the main database may have changed, whoever changed it.
 * The price is that read transaction: two fcntl locks on the -shm file, about a fifth of a
 * cached GET's time.
 *
 * store_watch answers the same question without a statement or a lock, from the WAL-index
 * header in shared memory, which every commit of every process rewrites (walformat.html,
 * "The WAL-Index Header"; sqlite3WalFrames increments iChange and moves mxFrame on each
 * commit). A writer stores the header's second copy, a memory barrier, then the first; a
 * reader that finds both copies equal to each other and to what it saw before knows that
 * nothing has been committed since. This is how SQLite's own readers decide whether their
 * page cache still holds (walIndexTryHdr). The header is reached through the VFS's xShmMap
 * on the connection's own file, so the mapping is SQLite's and no second descriptor is ever
 * opened on the -shm file (closing one would drop every POSIX lock this process holds on it).
 * Whenever the watch is unsure — not in WAL mode, the header being rewritten — it says so,
 * and the caller asks store_version.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "store/sqlite_internal.h"

int store_version(struct store *st, struct store_version *v, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, "PRAGMA data_version", e);
    if (!s)
        return -1;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return sq_fail(st, rc, e);
    }
    v->others = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    unsigned int pager = 0;
    if (sqlite3_file_control(sq_db(st), "main", SQLITE_FCNTL_DATA_VERSION, &pager) != SQLITE_OK)
        pager = 0; /* the two other counters still see every commit through the API */
    v->pager = pager;
    v->own = sqlite3_total_changes64(sq_db(st));
    return 0;
}

bool store_version_equal(const struct store_version *a, const struct store_version *b)
{
    return a->others == b->others && a->pager == b->pager && a->own == b->own;
}

/* The WAL-index header (struct WalIndexHdr in SQLite's wal.c) is 48 bytes, kept twice at
 * the start of the first 32 KiB region of the -shm file; its 13th byte is isInit. */
enum { HDR_WORDS = 12, WALINDEX_REGION = 32 * 1024 };

struct store_watch {
    const volatile uint32_t *shm; /* the two header copies, as SQLite maps them */
    uint32_t seen[HDR_WORDS];
    bool armed; /* `seen` is a consistent header read by store_watch_mark */
};

struct store_watch *store_watch_new(struct store *st)
{
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(st, "PRAGMA journal_mode", &e);
    if (!s)
        return NULL;
    bool wal = sqlite3_step(s) == SQLITE_ROW &&
               !sqlite3_stricmp((const char *)sqlite3_column_text(s, 0), "wal");
    sqlite3_reset(s);
    sqlite3_file *f = NULL;
    if (!wal ||
        sqlite3_file_control(sq_db(st), "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
        !f->pMethods || f->pMethods->iVersion < 2 || !f->pMethods->xShmMap)
        return NULL;
    /* Region 0 is mapped already (the connection has read in WAL mode); not extending it
     * means this never creates anything, and a NULL answer means no watch. */
    void volatile *region = NULL;
    if (f->pMethods->xShmMap(f, 0, WALINDEX_REGION, 0, &region) != SQLITE_OK || !region)
        return NULL;
    struct store_watch *w = calloc(1, sizeof *w);
    if (!w)
        abort();
    w->shm = (const volatile uint32_t *)region;
    return w;
}

void store_watch_free(struct store_watch *w)
{
    free(w); /* the mapping is SQLite's, and goes with the connection */
}

/* Reads the header into out; false when its two copies differ (a commit is being
 * published) or it was never written. */
static bool read_header(const struct store_watch *w, uint32_t out[HDR_WORDS])
{
    uint32_t second[HDR_WORDS];
    for (int i = 0; i < HDR_WORDS; i++)
        out[i] = __atomic_load_n(&w->shm[i], __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_ACQUIRE); /* pairs with the writer's barrier */
    for (int i = 0; i < HDR_WORDS; i++)
        second[i] = __atomic_load_n(&w->shm[HDR_WORDS + i], __ATOMIC_RELAXED);
    unsigned char is_init;
    memcpy(&is_init, (const unsigned char *)out + 12, 1);
    return is_init && memcmp(out, second, sizeof second) == 0;
}

void store_watch_mark(struct store_watch *w)
{
    w->armed = read_header(w, w->seen);
}

bool store_watch_quiet(const struct store_watch *w)
{
    uint32_t now[HDR_WORDS];
    return w->armed && read_header(w, now) && memcmp(now, w->seen, sizeof now) == 0;
}
