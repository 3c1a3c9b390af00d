/*
 * Per-worker caches for the hot read path (http/cache.c): who a session cookie or bearer
 * token belongs to, with the access it holds, and the serialised body of a GET of one row as
 * one user sees it on one calendar day. Each worker thread owns its caches as it owns its
 * database connection, so nothing here takes a lock and nothing is shared between threads.
 *
 * Everything held is computed from the database alone (and the day, which is part of a
 * body's key; a row's presentation must depend on nothing else — see resource_present), so
 * it stays true while the store's version has not moved: cache_sync reads the version at the
 * start of every request, before anything is read, and forgets everything when it moved.
 * A session also carries the second at which it expires or is due a touch of last_used; a
 * held session is only used before then.
 *
 * Not cached: writes, lists, the core questions, anything but a 200 answer.
 */
#ifndef TK_CACHE_H
#define TK_CACHE_H
#include <jansson.h>
#include <stddef.h>
#include "domain/access.h"
#include "http/http.h"
#include "store/store.h"

struct cache;

/* The calling thread's caches, made on first use; NULL when none can be had (then nothing
 * is cached). Freed by cache_free_all. */
struct cache *cache_of_thread(void);
/* Frees the caches of every thread; call once the other threads that used one have
 * stopped (the calling thread's is made anew on its next use). */
void cache_free_all(void);

/* Start of a request: brings c in step with the store (st, this thread's connection). When
 * the version cannot be read, c is emptied and serves nothing until a later sync succeeds. */
void cache_sync(struct cache *c, struct store *st);

/* The held user (stored shape; a new reference) of a live session or token by its hash,
 * with its access copied into *access; NULL when not held or no longer to be used at `now`. */
json_t *cache_session_get(struct cache *c, const char *token_hash, long long now,
                          struct access *access);
/* Holds what store_session_lookup answered (user: borrowed, a reference is taken). */
void cache_session_put(struct cache *c, const char *token_hash, json_t *user,
                       const struct access *access, const struct store_session *s);

/* The held body of row id of r as user_id sees it on `day` (cache-owned, valid until the
 * next call on c), its length in *len; NULL when not held. */
const char *cache_body_get(struct cache *c, const struct resource *r, long long id,
                           long long user_id, int day, size_t *len);
/* Holds a copy of text[0..len). Bodies over a size limit are not held. */
void cache_body_put(struct cache *c, const struct resource *r, long long id, long long user_id,
                    int day, const char *text, size_t len);

/* The users of the caches. */

/* The caller of q from its session cookie or bearer token, through the cache: fills
 * q->user (NULL when nobody is signed in), q->by_cookie and q->access. */
void auth_caller(struct request *q);
/* Answers GET /<things>/{id} from the cache when it holds the body for q's caller today;
 * returns true when res is filled. Runs before the request's transaction, which a hit
 * does not need. res->raw_static then borrows the cache's bytes, which stay until the
 * thread's next request: the server sends or copies them before it takes another. */
bool api_resource_cached(struct request *q, struct response *res);
#endif
