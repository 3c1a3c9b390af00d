/*
 * The per-worker caches of http/cache.h. Both tables are direct-mapped: a key has one slot,
 * and a newcomer takes it from whatever was there, so a lookup is one comparison and the
 * memory is bounded by the table sizes and BODY_BUDGET (the bodies' bytes; past it, every
 * body is forgotten at once and the table fills again with what is asked for now).
 */
#include "http/cache.h"
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    SESSION_SLOTS = 64,
    BODY_SLOTS = 4096,
    BODY_MAX = 64 * 1024,           /* a larger one would crowd out hundreds of rows */
    BODY_BUDGET = 16 * 1024 * 1024, /* per worker */
    MAX_CACHES = 256,
};

struct session_slot {
    char hash[65]; /* "" when empty */
    json_t *user;
    struct access access;
    long long live_until, touch_at;
};

struct body_slot {
    const struct resource *r; /* NULL when empty */
    long long id, user_id;
    int day;
    char *text;
    size_t len;
};

struct cache {
    bool synced; /* `seen` holds the version everything here was read under */
    struct store_version seen;
    struct store *st;          /* the connection it was read through */
    struct store_watch *watch; /* NULL: none to be had, or not tried yet */
    bool watch_tried;
    struct session_slot sessions[SESSION_SLOTS];
    struct body_slot bodies[BODY_SLOTS];
    int used[BODY_SLOTS]; /* the slots filled since the last forget, so that forgetting
                           * (after every commit) costs what was held, not the table */
    int nused;
    size_t body_bytes;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cache *registry[MAX_CACHES];
static int ncaches;
static __thread struct cache *thread_cache;

struct cache *cache_of_thread(void)
{
    if (thread_cache)
        return thread_cache;
    struct cache *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    pthread_mutex_lock(&registry_lock);
    if (ncaches < MAX_CACHES) {
        registry[ncaches++] = c;
        thread_cache = c;
    }
    pthread_mutex_unlock(&registry_lock);
    if (!thread_cache)
        free(c); /* more threads than slots: this one goes without */
    return thread_cache;
}

static void forget_bodies(struct cache *c)
{
    for (int i = 0; i < c->nused; i++) {
        struct body_slot *b = &c->bodies[c->used[i]];
        free(b->text);
        *b = (struct body_slot){0};
    }
    c->nused = 0;
    c->body_bytes = 0;
}

static void forget_session(struct session_slot *s)
{
    json_decref(s->user);
    s->user = NULL;
    s->hash[0] = 0;
}

static void forget_all(struct cache *c)
{
    for (int i = 0; i < SESSION_SLOTS; i++)
        forget_session(&c->sessions[i]);
    forget_bodies(c);
}

void cache_free_all(void)
{
    pthread_mutex_lock(&registry_lock);
    for (int i = 0; i < ncaches; i++) {
        forget_all(registry[i]);
        store_watch_free(registry[i]->watch);
        free(registry[i]);
    }
    ncaches = 0;
    thread_cache = NULL; /* the caller may sync again and get a new one */
    pthread_mutex_unlock(&registry_lock);
}

void cache_sync(struct cache *c, struct store *st)
{
    if (c->st != st) {
        forget_all(c);
        store_watch_free(c->watch);
        memset(c, 0, sizeof *c);
        c->st = st;
    }
    /* Nothing committed by anyone since the last mark: everything held still holds, and
     * the request needs no statement to know it. */
    if (c->synced && c->watch && store_watch_quiet(c->watch))
        return;
    if (c->watch)
        store_watch_mark(c->watch); /* before the version: a commit after it is seen later */
    struct store_version v;
    struct err e = {0};
    if (store_version(st, &v, &e) != 0) {
        forget_all(c);
        c->synced = false;
        return;
    }
    if (!c->synced || !store_version_equal(&v, &c->seen))
        forget_all(c);
    c->seen = v;
    c->synced = true;
    if (!c->watch_tried) {
        /* Unmarked: the next request marks it, then reads the version again. */
        c->watch_tried = true;
        c->watch = store_watch_new(st);
    }
}

/* The slot of a token hash: its first hex digits, already uniformly random (SHA-256). */
static struct session_slot *session_slot(struct cache *c, const char *token_hash)
{
    unsigned h = 0;
    for (int i = 0; i < 8 && token_hash[i]; i++) {
        char d = token_hash[i];
        h = h * 16 + (unsigned)(d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
    }
    return &c->sessions[h % SESSION_SLOTS];
}

json_t *cache_session_get(struct cache *c, const char *token_hash, long long now,
                          struct access *access)
{
    if (!c->synced)
        return NULL;
    struct session_slot *s = session_slot(c, token_hash);
    if (!s->hash[0] || strcmp(s->hash, token_hash) != 0)
        return NULL;
    if (now >= s->live_until || now >= s->touch_at) {
        /* Expired, idle too long, or due a touch: the store decides, and writes. */
        forget_session(s);
        return NULL;
    }
    /* Only the grants held: a struct access is mostly room for grants nobody has. */
    access->n = s->access.n;
    memcpy(access->grants, s->access.grants, (size_t)s->access.n * sizeof access->grants[0]);
    return json_incref(s->user);
}

void cache_session_put(struct cache *c, const char *token_hash, json_t *user,
                       const struct access *access, const struct store_session *s)
{
    if (!c->synced || strlen(token_hash) != 64)
        return;
    struct session_slot *slot = session_slot(c, token_hash);
    forget_session(slot);
    memcpy(slot->hash, token_hash, 65);
    slot->user = json_incref(user);
    slot->access = *access;
    slot->live_until = s->live_until;
    slot->touch_at = s->touch_at;
}

static struct body_slot *body_slot(struct cache *c, const struct resource *r, long long id,
                                   long long user_id, int day)
{
    uint64_t h = (uint64_t)(uintptr_t)r;
    h = (h ^ (uint64_t)id) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ (uint64_t)user_id) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ (uint64_t)day) * 0x9E3779B97F4A7C15ULL;
    return &c->bodies[(h >> 32) % BODY_SLOTS];
}

const char *cache_body_get(struct cache *c, const struct resource *r, long long id,
                           long long user_id, int day, size_t *len)
{
    if (!c->synced)
        return NULL;
    struct body_slot *b = body_slot(c, r, id, user_id, day);
    if (b->r != r || b->id != id || b->user_id != user_id || b->day != day)
        return NULL;
    *len = b->len;
    return b->text;
}

void cache_body_put(struct cache *c, const struct resource *r, long long id, long long user_id,
                    int day, const char *text, size_t len)
{
    if (!c->synced || len > BODY_MAX)
        return;
    struct body_slot *b = body_slot(c, r, id, user_id, day);
    bool listed = b->r != NULL; /* a filled slot is in `used` once, until the next forget */
    if (b->r) {
        c->body_bytes -= b->len;
        free(b->text);
        *b = (struct body_slot){0};
    }
    if (c->body_bytes + len > BODY_BUDGET) {
        forget_bodies(c);
        listed = false;
    }
    if (!listed)
        c->used[c->nused++] = (int)(b - c->bodies);
    char *copy = malloc(len + 1);
    if (!copy)
        abort();
    memcpy(copy, text, len);
    copy[len] = 0;
    *b = (struct body_slot){r, id, user_id, day, copy, len};
    c->body_bytes += len;
}
