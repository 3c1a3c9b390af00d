/*
 * The router: a static table of routes (method, path pattern, handler, who may call it)
 * matched segment by segment, then the generic resource handler for every noun. It also
 * owns what every request shares: sign-in, the cross-origin rule for cookie sessions, the
 * role check, and the one transaction per request (which a GET of one row answered from
 * the worker's cache, http/cache.h, does without).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/resource.h"
#include "http/cache.h"
#include "http/http.h"

enum route_access { OPEN, SIGNED_IN };

struct route {
    const char *method;
    const char *pattern; /* segments after /api/v1/; "*" matches one segment */
    handler_fn fn;
    enum route_access access;
};

static const struct route routes[] = {
    {"GET", "openapi.json", api_openapi, OPEN},
    {"POST", "session", api_session_create, OPEN},
    {"GET", "session", api_session_get, SIGNED_IN},
    {"DELETE", "session", api_session_delete, SIGNED_IN},
    {"GET", "orgs/*/children", api_org_children, SIGNED_IN},
    {"GET", "orgs/*/subtree", api_org_subtree, SIGNED_IN},
    {"GET", "orgs/*/rollup", api_org_rollup, SIGNED_IN},
    {"GET", "orgs/*/moves", api_org_moves, SIGNED_IN},
    {"GET", "orgs/*/cascade", api_org_cascade, SIGNED_IN},
    {"GET", "resolutions/*/coverage", api_coverage, SIGNED_IN},
    {"GET", "resolutions/*/suggest", api_suggest, SIGNED_IN},
    {"GET", "indicators/*/rollup", api_indicator_rollup, SIGNED_IN},
    {"POST", "items/*/waiver", api_waiver, SIGNED_IN},
    {"DELETE", "items/*/waiver", api_waiver, SIGNED_IN},
    {"GET", "search", api_search, SIGNED_IN},
    {"GET", "audit", api_audit, SIGNED_IN},
    {"POST", "files", api_file_create, SIGNED_IN},
    {"GET", "files/*", api_file_get, SIGNED_IN},
    {"GET", "files/*/content", api_file_content, SIGNED_IN},
};

int respond_error(struct response *res, const struct err *e)
{
    json_decref(res->json);
    json_t *obj = json_pack("{s:s,s:s}", "code", err_name(e->code), "message", e->message);
    if (e->field[0])
        json_object_set_new(obj, "field", json_string(e->field));
    res->json = json_pack("{s:o}", "error", obj);
    res->status = err_status(e->code);
    return -1;
}

void respond_json(struct response *res, int status, json_t *body)
{
    json_decref(res->json);
    res->json = body;
    res->status = status;
}

/* Does a route's pattern match the path's segments ("*" matching any one)? Compared in
 * place, without copies: this runs for every route on every request. */
static bool pattern_matches(const char *pattern, char *const *segs, int n)
{
    int i = 0;
    for (const char *p = pattern; *p; i++) {
        size_t len = strcspn(p, "/");
        bool any = len == 1 && *p == '*';
        if (i >= n || (!any && (strncmp(p, segs[i], len) != 0 || segs[i][len] != 0)))
            return false;
        p += len;
        if (*p == '/')
            p++;
    }
    return i == n;
}

static void split_path(struct request *q)
{
    const char *p = q->path + strlen("/api/v1/");
    while (*p && q->nsegments < MAX_SEGMENTS) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        q->segments[q->nsegments++] = strndup(p, n);
        p += n;
        if (*p == '/')
            p++;
    }
    if (*p) /* more segments than any route has */
        q->nsegments = MAX_SEGMENTS + 1;
}

/* Cookie sessions are refused for cross-site writes: Sec-Fetch-Site: cross-site, or an
 * Origin that is not our own. A client that sends neither (curl, scripts) is not a browser. */
static int check_origin(struct request *q, struct err *e)
{
    const char *site = q->header(q, "Sec-Fetch-Site");
    if (site && !strcmp(site, "cross-site"))
        return err_set(e, E_CROSS_ORIGIN, NULL,
                       "Yêu cầu từ trang web khác bị từ chối. / Cross-site request refused.");
    const char *origin = q->header(q, "Origin");
    if (!origin)
        return 0;
    const char *configured = getenv("TRIENKHAI_PUBLIC_URL");
    char own[300];
    if (configured && *configured)
        snprintf(own, sizeof own, "%s", configured);
    else
        snprintf(own, sizeof own, "http://%s", q->header(q, "Host") ? q->header(q, "Host") : "");
    size_t n = strlen(own);
    while (n && own[n - 1] == '/')
        own[--n] = 0;
    if (strcmp(origin, own) != 0)
        return err_set(e, E_CROSS_ORIGIN, NULL,
                       "Yêu cầu từ nguồn %s bị từ chối. / Request from origin %s refused.", origin,
                       origin);
    return 0;
}

/* Role needed for a write: reporters post task updates and indicator values, editors
 * change everything else, admins manage users. Reads need any role. */
static int check_role(struct request *q, struct err *e)
{
    int rank = (int)access_max_role(&q->access);
    int need = 0;
    if (strcmp(q->method, "GET") != 0 && strcmp(q->path, "/api/v1/session") != 0) {
        bool reporting =
            q->nsegments == 3 && !strcmp(q->method, "POST") &&
            ((!strcmp(q->segments[0], "tasks") && !strcmp(q->segments[2], "updates")) ||
             (!strcmp(q->segments[0], "indicators") && !strcmp(q->segments[2], "values")));
        if (q->nsegments == 1 && !strcmp(q->segments[0], "files"))
            reporting = true; /* evidence for a progress report */
        need = reporting ? 1 : 2;
    }
    if (q->nsegments >= 1 && (!strcmp(q->segments[0], "users") || !strcmp(q->segments[0], "audit")))
        need = 3;
    if (rank < need)
        return err_set(e, E_FORBIDDEN, NULL,
                       "Tài khoản của bạn không có quyền thực hiện thao tác này. / Your role does "
                       "not allow this.");
    return 0;
}

static void handle_api(struct request *q, struct response *res)
{
    struct err e = {0};
    split_path(q);
    const struct route *route = NULL;
    bool path_known = false;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (!pattern_matches(routes[i].pattern, q->segments, q->nsegments))
            continue;
        path_known = true;
        if (!strcmp(routes[i].method, q->method))
            route = &routes[i];
    }
    if (path_known && !route) {
        err_set(&e, E_METHOD_NOT_ALLOWED, NULL,
                "Phương thức %s không dùng được ở đây. / Method %s is not allowed here.", q->method,
                q->method);
        respond_error(res, &e);
        return;
    }
    if (!route && q->nsegments > MAX_SEGMENTS) {
        err_set(&e, E_NOT_FOUND, NULL, "Không có địa chỉ %s. / No such path.", q->path);
        respond_error(res, &e);
        return;
    }
    handler_fn fn = route ? route->fn : api_resource;
    enum route_access access = route ? route->access : SIGNED_IN;
    bool write = strcmp(q->method, "GET") != 0 && strcmp(q->method, "HEAD") != 0;

    /* Before anything is read: what the worker's caches hold must be no older than what
     * the database holds now (http/cache.h). */
    struct cache *cache = cache_of_thread();
    if (cache)
        cache_sync(cache, q->st);
    auth_caller(q);
    if (access == SIGNED_IN && !q->user) {
        err_set(&e, E_UNAUTHENTICATED, NULL,
                "Bạn cần đăng nhập (POST /api/v1/session) hoặc gửi Authorization: Bearer <token>. "
                "/ Sign in first.");
        respond_error(res, &e);
        return;
    }
    if (write && (q->by_cookie || fn == api_session_create) && check_origin(q, &e) != 0) {
        respond_error(res, &e);
        return;
    }
    q->actor.user = q->user ? obj_str(q->user, "username") : "anonymous";
    q->actor.address = q->address;
    q->actor.access = &q->access;
    if (q->user && check_role(q, &e) != 0) {
        respond_error(res, &e);
        return;
    }
    /* A row this caller has read today, unchanged since: no transaction is needed, as the
     * cache's check of the store's version was the read. */
    if (fn == api_resource && api_resource_cached(q, res))
        return;
    if (store_begin(q->st, write, &e) != 0) {
        respond_error(res, &e);
        return;
    }
    if (fn(q, res, &e) != 0) {
        store_rollback(q->st);
        respond_error(res, &e);
        return;
    }
    if (store_commit(q->st, &e) != 0) {
        json_decref(res->json);
        res->json = NULL;
        res->location[0] = res->cookie[0] = 0;
        respond_error(res, &e);
    }
}

void http_handle(struct request *q, struct response *res)
{
    res->status = 200;
    if (strncmp(q->path, "/api/v1/", 8) == 0) {
        handle_api(q, res);
    } else if (strcmp(q->path, "/api/v1") == 0 || strncmp(q->path, "/api/", 5) == 0) {
        struct err e = {0};
        err_set(&e, E_NOT_FOUND, NULL, "Không có địa chỉ %s. / No such path.", q->path);
        respond_error(res, &e);
    } else {
        struct err e = {0};
        if (web_asset(q, res, &e) != 0)
            respond_error(res, &e);
    }
    for (int i = 0; i < q->nsegments && i < MAX_SEGMENTS; i++)
        free(q->segments[i]);
    q->nsegments = 0;
    json_decref(q->user);
    q->user = NULL;
}
