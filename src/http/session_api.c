/*
 * Sign-in: POST /api/v1/session checks the password (argon2id) and sets an HttpOnly,
 * SameSite=Strict session cookie; API clients send Authorization: Bearer <token> instead.
 * Only the SHA-256 of a cookie or token is stored, so a copy of the database holds no
 * usable secret.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "http/cache.h"
#include "http/http.h"
#include "http/throttle.h"
#include "util/token.h"

enum { SESSION_IDLE = 8 * 3600, SESSION_ABSOLUTE = 7 * 24 * 3600 };

static void cookie_value(const char *cookies, const char *name, char *out, size_t size)
{
    out[0] = 0;
    size_t n = strlen(name);
    for (const char *p = cookies; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        if (!strncmp(p, name, n) && p[n] == '=') {
            p += n + 1;
            size_t len = strcspn(p, ";");
            if (len < size) {
                memcpy(out, p, len);
                out[len] = 0;
            }
            return;
        }
        p = strchr(p, ';');
    }
}

/* The secret the request carries: a bearer token, else the session cookie ("" when none). */
static void request_token(struct request *q, char *token, size_t size, bool *by_cookie)
{
    token[0] = 0;
    *by_cookie = false;
    const char *authz = q->header(q, "Authorization");
    if (authz && !strncasecmp(authz, "Bearer ", 7)) {
        /* Copied by hand: this runs on every request, and printf's parsing showed. A token
         * too long for the buffer is cut, and then matches no session. */
        size_t n = strnlen(authz + 7, size - 1);
        memcpy(token, authz + 7, n);
        token[n] = 0;
    } else {
        cookie_value(q->header(q, "Cookie"), "tk_session", token, size);
        *by_cookie = token[0] != 0;
    }
}

static long long session_idle(void)
{
    const char *idle = getenv("TRIENKHAI_SESSION_IDLE");
    return idle && atoll(idle) > 0 ? atoll(idle) : SESSION_IDLE;
}

json_t *auth_user(struct request *q, bool *by_cookie)
{
    char token[128], hash[65];
    request_token(q, token, sizeof token, by_cookie);
    if (!token[0])
        return NULL;
    auth_token_hash(token, hash);
    return store_session_user(q->st, hash, (long long)time(NULL), session_idle());
}

void auth_caller(struct request *q)
{
    char token[128], hash[65];
    q->user = NULL;
    q->access.n = 0;
    request_token(q, token, sizeof token, &q->by_cookie);
    if (!token[0])
        return;
    auth_token_hash(token, hash);
    long long now = (long long)time(NULL);
    struct cache *c = cache_of_thread();
    if (c && (q->user = cache_session_get(c, hash, now, &q->access)))
        return;
    struct store_session s;
    q->user = store_session_lookup(q->st, hash, now, session_idle(), &s);
    if (!q->user)
        return;
    access_of_user(q->st, q->user, &q->access);
    if (c)
        cache_session_put(c, hash, q->user, &q->access, &s);
}

int api_session_create(struct request *q, struct response *res, struct err *e)
{
    json_t *body = body_json(q, e);
    if (!body)
        return -1;
    const char *username = json_string_value(json_object_get(body, "username"));
    const char *password = json_string_value(json_object_get(body, "password"));
    int rc = -1;
    if (!username) {
        err_set(e, E_INVALID_FIELD, "username", "Thiếu tên đăng nhập. / username is required.");
        goto done;
    }
    if (!password) {
        err_set(e, E_INVALID_FIELD, "password", "Thiếu mật khẩu. / password is required.");
        goto done;
    }
    int wait = throttle_check(username, q->address);
    if (wait > 0) {
        err_set(e, E_TOO_MANY, NULL,
                "Đăng nhập sai quá nhiều lần; hãy thử lại sau %d phút. / Too many failed sign-ins; "
                "try again in %d minutes.",
                (wait + 59) / 60, (wait + 59) / 60);
        goto done;
    }
    json_t *user = store_user_by_name(q->st, username);
    const char *hash = user ? json_string_value(json_object_get(user, "password_hash")) : NULL;
    if (!hash || crypto_pwhash_str_verify(hash, password, strlen(password)) != 0) {
        json_decref(user);
        throttle_failed(username, q->address);
        err_set(e, E_UNAUTHENTICATED, NULL,
                "Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.");
        goto done;
    }
    throttle_succeeded(username);
    char token[64], token_hash[65];
    auth_new_token(token);
    auth_token_hash(token, token_hash);
    long long now = (long long)time(NULL);
    if (store_session_put(q->st, token_hash, json_integer_value(json_object_get(user, "id")),
                          "session", now + SESSION_ABSOLUTE, e) != 0) {
        json_decref(user);
        goto done;
    }
    bool tls =
        getenv("TRIENKHAI_PUBLIC_URL") && !strncmp(getenv("TRIENKHAI_PUBLIC_URL"), "https://", 8);
    snprintf(res->cookie, sizeof res->cookie,
             "tk_session=%s; HttpOnly; SameSite=Strict; Path=/; Max-Age=%d%s", token,
             SESSION_ABSOLUTE, tls ? "; Secure" : "");
    respond_json(res, 201, resource_present(q->st, resource_by_name("users"), user));
    json_decref(user);
    rc = 0;
done:
    json_decref(body);
    return rc;
}

int api_session_get(struct request *q, struct response *res, struct err *e)
{
    respond_json(res, 200, resource_present(q->st, resource_by_name("users"), q->user));
    return 0;
}

int api_session_delete(struct request *q, struct response *res, struct err *e)
{
    char token[128] = "", hash[65];
    cookie_value(q->header(q, "Cookie"), "tk_session", token, sizeof token);
    if (token[0]) {
        auth_token_hash(token, hash);
        store_session_drop(q->st, hash);
    }
    snprintf(res->cookie, sizeof res->cookie,
             "tk_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    res->status = 204;
    return 0;
}
