/*
 * Audit trail and sessions in SQLite. Each audit entry's hash is SHA-256 over the previous
 * entry's hash and every field of the entry, so editing or deleting a row breaks the chain
 * at that row, which store_audit_verify reports.
 */
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/sqlite_internal.h"

static const char GENESIS[] = "0000000000000000000000000000000000000000000000000000000000000000";

static void entry_hash(const char *prev, const char *at, const char *user, const char *address,
                       const char *action, const char *resource, long long resource_id,
                       const char *before, const char *after, char out[65])
{
    crypto_hash_sha256_state h;
    crypto_hash_sha256_init(&h);
    const char *parts[] = {prev, at, user, address, action, resource, before, after};
    char idbuf[32];
    snprintf(idbuf, sizeof idbuf, "%lld", resource_id);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        const char *p = parts[i] ? parts[i] : "";
        /* Length-prefixed, so that moving text between fields changes the hash. */
        char len[24];
        snprintf(len, sizeof len, "%zu:", strlen(p));
        crypto_hash_sha256_update(&h, (const unsigned char *)len, strlen(len));
        crypto_hash_sha256_update(&h, (const unsigned char *)p, strlen(p));
        if (i == 5)
            crypto_hash_sha256_update(&h, (const unsigned char *)idbuf, strlen(idbuf));
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&h, digest);
    sodium_bin2hex(out, 65, digest, sizeof digest);
}

int store_audit(struct store *st, const char *user, const char *address, const char *action,
                const char *resource, long long resource_id, json_t *before, json_t *after,
                struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", e);
    if (!s)
        return -1;
    char prev[65];
    snprintf(prev, sizeof prev, "%s",
             sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : GENESIS);
    sqlite3_reset(s);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char at[80];
    snprintf(at, sizeof at, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
    char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    char hash[65];
    entry_hash(prev, at, user, address, action, resource, resource_id, b, a, hash);
    s = sq_prepare(st,
                   "INSERT INTO audit_log (at, user, address, action, resource, resource_id, "
                   "before, after, prev_hash, hash) VALUES (:at, :user, :address, :action, "
                   ":resource, :rid, :before, :after, :prev, :hash)",
                   e);
    int rc = -1;
    if (s) {
        sq_bind_text(s, ":at", at);
        sq_bind_text(s, ":user", user);
        sq_bind_text(s, ":address", address);
        sq_bind_text(s, ":action", action);
        sq_bind_text(s, ":resource", resource);
        sq_bind_int(s, ":rid", resource_id);
        sq_bind_text(s, ":before", b);
        sq_bind_text(s, ":after", a);
        sq_bind_text(s, ":prev", prev);
        sq_bind_text(s, ":hash", hash);
        rc = sq_done(st, s, e);
    }
    free(b);
    free(a);
    return rc;
}

static const char *col(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

long long store_audit_verify(struct store *st, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT id, at, user, address, action, resource, resource_id, "
                                 "before, after, prev_hash, hash FROM audit_log ORDER BY id",
                                 e);
    if (!s)
        return -1;
    char prev[65];
    snprintf(prev, sizeof prev, "%s", GENESIS);
    long long bad = 0, expected_id = 0;
    while (!bad && sqlite3_step(s) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        char hash[65];
        entry_hash(prev, col(s, 1), col(s, 2), col(s, 3), col(s, 4), col(s, 5),
                   sqlite3_column_int64(s, 6), col(s, 7), col(s, 8), hash);
        /* A deleted row shows as a gap in the ids or a prev_hash that is not its
         * predecessor's; an edited row as a hash that does not match its content. */
        if ((expected_id && id != expected_id) || strcmp(col(s, 9), prev) != 0 ||
            strcmp(col(s, 10), hash) != 0)
            bad = id;
        snprintf(prev, sizeof prev, "%s", col(s, 10));
        expected_id = id + 1;
    }
    sqlite3_reset(s);
    return bad;
}

json_t *store_audit_list(struct store *st, const char *since, long long after_id, int limit,
                         struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st,
                                 "SELECT id, at, user, address, action, resource, resource_id, "
                                 "before, after FROM audit_log WHERE id > :after AND "
                                 "(:since IS NULL OR at >= :since) ORDER BY id LIMIT :limit",
                                 e);
    if (!s)
        return NULL;
    sq_bind_int(s, ":after", after_id);
    sq_bind_text(s, ":since", since);
    sq_bind_int(s, ":limit", limit);
    json_t *rows = json_array();
    while (sqlite3_step(s) == SQLITE_ROW) {
        json_t *before = col(s, 7) ? json_loads(col(s, 7), 0, NULL) : json_null();
        json_t *after = col(s, 8) ? json_loads(col(s, 8), 0, NULL) : json_null();
        json_array_append_new(rows, json_pack("{s:I,s:s,s:s?,s:s?,s:s,s:s,s:I,s:o,s:o}", "id",
                                              (json_int_t)sqlite3_column_int64(s, 0), "at",
                                              col(s, 1), "user", col(s, 2), "address", col(s, 3),
                                              "action", col(s, 4), "resource", col(s, 5),
                                              "resource_id", (json_int_t)sqlite3_column_int64(s, 6),
                                              "before", before ? before : json_null(), "after",
                                              after ? after : json_null()));
    }
    sqlite3_reset(s);
    return rows;
}

json_t *store_user_by_name(struct store *st, const char *username)
{
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(st, "SELECT id FROM users WHERE username = :u", &e);
    if (!s)
        return NULL;
    sq_bind_text(s, ":u", username);
    long long id = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return id ? store_get(st, resource_by_name("users"), id, NULL) : NULL;
}

int store_session_put(struct store *st, const char *token_hash, long long user_id, const char *kind,
                      long long expires_at, struct err *e)
{
    sqlite3_stmt *s = sq_prepare(st,
                                 "INSERT INTO sessions (token_hash, user_id, kind, created_at, "
                                 "last_used, expires_at) VALUES (:h, :u, :k, :now, :now, :exp)",
                                 e);
    if (!s)
        return -1;
    sq_bind_text(s, ":h", token_hash);
    sq_bind_int(s, ":u", user_id);
    sq_bind_text(s, ":k", kind);
    sq_bind_int(s, ":now", (long long)time(NULL));
    sq_bind_int(s, ":exp", expires_at);
    return sq_done(st, s, e);
}

json_t *store_session_user(struct store *st, const char *token_hash, long long now, long long idle)
{
    struct store_session s;
    return store_session_lookup(st, token_hash, now, idle, &s);
}

json_t *store_session_lookup(struct store *st, const char *token_hash, long long now,
                             long long idle, struct store_session *out)
{
    struct err e = {0};
    *out = (struct store_session){0};
    sqlite3_stmt *s =
        sq_prepare(st,
                   "SELECT user_id, last_used, expires_at, kind = 'token' FROM sessions "
                   "WHERE token_hash = :h AND (expires_at = 0 OR expires_at > :now) "
                   "AND (kind = 'token' OR last_used > :now - :idle)",
                   &e);
    if (!s)
        return NULL;
    sq_bind_text(s, ":h", token_hash);
    sq_bind_int(s, ":now", now);
    sq_bind_int(s, ":idle", idle);
    long long uid = 0, last = 0, expires = 0;
    bool token = false;
    if (sqlite3_step(s) == SQLITE_ROW) {
        uid = sqlite3_column_int64(s, 0);
        last = sqlite3_column_int64(s, 1);
        expires = sqlite3_column_int64(s, 2);
        token = sqlite3_column_int(s, 3) != 0;
    }
    sqlite3_reset(s);
    if (!uid)
        return NULL;
    if (now - last >= 60) {
        s = sq_prepare(st, "UPDATE sessions SET last_used = :now WHERE token_hash = :h", &e);
        if (s) {
            sq_bind_int(s, ":now", now);
            sq_bind_text(s, ":h", token_hash);
            if (sq_done(st, s, &e) == 0) /* a busy database only delays the touch */
                last = now;
        }
    }
    json_t *user = store_get(st, resource_by_name("users"), uid, NULL);
    if (!user)
        return NULL;
    /* The same conditions as the query's, as the second at which each stops holding. */
    long long until = expires ? expires : LLONG_MAX;
    if (!token && last + idle < until)
        until = last + idle;
    out->user_id = uid;
    out->live_until = until;
    out->touch_at = last + 60;
    return user;
}

int store_session_drop(struct store *st, const char *token_hash)
{
    struct err e = {0};
    sqlite3_stmt *s = sq_prepare(st, "DELETE FROM sessions WHERE token_hash = :h", &e);
    if (!s)
        return -1;
    sq_bind_text(s, ":h", token_hash);
    return sq_done(st, s, &e);
}

int store_sessions_drop_user(struct store *st, long long user_id, const char *kind)
{
    struct err e = {0};
    sqlite3_stmt *s =
        sq_prepare(st, "DELETE FROM sessions WHERE user_id = :u AND (:k IS NULL OR kind = :k)", &e);
    if (!s)
        return -1;
    sq_bind_int(s, ":u", user_id);
    sq_bind_text(s, ":k", kind);
    return sq_done(st, s, &e);
}
