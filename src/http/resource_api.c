/*
 * The generic resource handler: CRUD and filtered, paginated lists for every noun, driven by
 * the nouns' field tables. Paths: /<things>, /<things>/{id}, and for nested things
 * /<parent>/{id}/<sub> (create and list under the parent).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "http/cache.h"
#include "http/http.h"
#include "util/period.h"

enum { LIST_DEFAULT = 50, LIST_MAX = 500 };

struct list_args {
    const struct resource *r;
    struct store_filter filters[32];
    int n;
    struct err *e;
};

static int collect_filter(void *arg, const char *k, const char *v)
{
    struct list_args *a = arg;
    if (!strcmp(k, "limit") || !strcmp(k, "cursor"))
        return 0;
    /* One slot stays free for the parent filter a nested list adds. */
    if (a->n == (int)(sizeof a->filters / sizeof a->filters[0]) - 1)
        return err_set(a->e, E_INVALID_FIELD, k, "Quá nhiều bộ lọc. / Too many filters.");
    json_t *value = resource_filter_value(a->r, k, v ? v : "", &a->filters[a->n].field, a->e);
    if (!value)
        return -1;
    a->filters[a->n++].value = value;
    return 0;
}

static int list(struct request *q, struct response *res, const struct resource *r,
                const struct field *parent, long long parent_id, struct err *e)
{
    struct list_args a = {.r = r, .e = e};
    long long limit, after = 0;
    int rc = -1;
    if (q->each_query(q, collect_filter, &a) != 0)
        goto done;
    if (parent) {
        a.filters[a.n].field = parent;
        a.filters[a.n++].value = json_integer(parent_id);
    }
    if (query_int(q, "limit", LIST_DEFAULT, &limit, e) != 0)
        goto done;
    const char *cursor = q->query(q, "cursor");
    if (cursor && *cursor) {
        char *end;
        after = strtoll(cursor, &end, 10);
        if (*end || after < 0) {
            err_set(e, E_INVALID_FIELD, "cursor", "cursor không hợp lệ. / Invalid cursor.");
            goto done;
        }
    }
    if (limit < 1)
        limit = 1;
    if (limit > LIST_MAX)
        limit = LIST_MAX;
    /* Rows out of the caller's reach are skipped, so pages are read until `limit` visible
     * rows and one more (which tells that there is a next page) are found. */
    json_t *items = json_array();
    json_t *next = json_null();
    long long last = after;
    for (bool more = true; more && !json_is_string(next);) {
        json_t *rows = store_list(q->st, r, a.filters, a.n, after, (int)limit + 1, e);
        if (!rows) {
            json_decref(items);
            goto done;
        }
        more = json_array_size(rows) == (size_t)limit + 1;
        size_t i;
        json_t *row;
        json_array_foreach(rows, i, row)
        {
            after = obj_int(row, "id");
            if (!access_can_read(q->st, &q->access, r, row))
                continue;
            if (json_array_size(items) == (size_t)limit) {
                char buf[32];
                snprintf(buf, sizeof buf, "%lld", last);
                next = json_string(buf);
                break;
            }
            json_array_append_new(items, resource_present(q->st, r, row));
            last = after;
        }
        json_decref(rows);
    }
    respond_json(res, 200, json_pack("{s:o,s:o}", "items", items, "next_cursor", next));
    rc = 0;
done:
    for (int k = 0; k < a.n; k++)
        json_decref(a.filters[k].value);
    return rc;
}

static void set_location(struct response *res, const struct resource *r, json_t *obj)
{
    snprintf(res->location, sizeof res->location, "/api/v1/%s/%lld",
             r->item_path ? r->item_path : r->name, obj_int(obj, "id"));
}

static int create(struct request *q, struct response *res, const struct resource *r,
                  const char *parent_field, long long parent_id, struct err *e)
{
    json_t *body = body_json(q, e);
    if (!body)
        return -1;
    if (parent_field)
        json_object_set_new(body, parent_field, json_integer(parent_id));
    json_object_del(body, "id"); /* read-only: ignored, never used as the new id */
    json_t *obj = resource_create(q->st, r, body, 0, &q->actor, e);
    json_decref(body);
    if (!obj)
        return -1;
    set_location(res, r, obj);
    respond_json(res, 201, obj);
    return 0;
}

static const char JSON_TYPE[] = "application/json; charset=utf-8";

/* GET /<things>/{id}: the row as the caller may see it. Its serialised bytes are kept in the
 * worker's cache (http/cache.h) under the day the row was presented on (`overdue` depends
 * on it); a presentation that straddled midnight is not kept. The answer itself stays a
 * JSON tree, as every other handler's, for whoever looks at it before it is sent. */
static int get_one(struct request *q, struct response *res, const struct resource *r, long long id,
                   struct err *e)
{
    int day = date_today();
    json_t *obj = resource_get_as(q->st, r, id, &q->access, e);
    if (!obj)
        return -1;
    respond_json(res, 200, obj);
    struct cache *c = cache_of_thread();
    if (!c || !q->user || date_today() != day)
        return 0;
    /* The server serialises with the same flags, so a hit sends the very bytes a miss did. */
    char *text = json_dumps(obj, JSON_COMPACT);
    if (!text)
        abort();
    cache_body_put(c, r, id, obj_int(q->user, "id"), day, text, strlen(text));
    free(text);
    return 0;
}

bool api_resource_cached(struct request *q, struct response *res)
{
    struct err e = {0};
    long long id;
    if (strcmp(q->method, "GET") != 0 || q->nsegments != 2 || !q->user)
        return false;
    const struct resource *r = resource_by_path(q->segments[0]);
    struct cache *c = cache_of_thread();
    if (!r || r->no_api || !c || segment_id(q, 1, &id, &e) != 0)
        return false;
    size_t len;
    const char *text = cache_body_get(c, r, id, obj_int(q->user, "id"), date_today(), &len);
    if (!text)
        return false;
    /* Borrowed: the cache keeps the bytes until this thread's next request, and the server
     * has sent or copied them by then. */
    res->raw_static = text;
    res->raw_len = len;
    res->content_type = JSON_TYPE;
    res->status = 200;
    return true;
}

static const struct resource *nested(const char *parent_path, const char *sub_path)
{
    for (int i = 0; resources[i]; i++)
        if (resources[i]->parent_path && !strcmp(resources[i]->parent_path, parent_path) &&
            !strcmp(resources[i]->sub_path, sub_path))
            return resources[i];
    return NULL;
}

int api_resource(struct request *q, struct response *res, struct err *e)
{
    const struct resource *r = q->nsegments >= 1 ? resource_by_path(q->segments[0]) : NULL;
    if (q->nsegments == 3)
        r = nested(q->segments[0], q->segments[2]);
    if (!r || r->no_api || q->nsegments < 1 || q->nsegments > 3)
        return err_set(e, E_NOT_FOUND, NULL, "Không có địa chỉ %s. / No such path.", q->path);
    const char *m = q->method;
    if (q->nsegments == 1) {
        if (!strcmp(m, "GET"))
            return list(q, res, r, NULL, 0, e);
        if (!strcmp(m, "POST"))
            return create(q, res, r, NULL, 0, e);
    } else if (q->nsegments == 2) {
        long long id;
        if (segment_id(q, 1, &id, e) != 0)
            return -1;
        if (!strcmp(m, "GET"))
            return get_one(q, res, r, id, e);
        if (!strcmp(m, "PATCH")) {
            json_t *body = body_json(q, e);
            if (!body)
                return -1;
            json_t *obj = resource_update(q->st, r, id, body, &q->actor, e);
            json_decref(body);
            if (!obj)
                return -1;
            respond_json(res, 200, obj);
            return 0;
        }
        if (!strcmp(m, "DELETE")) {
            if (resource_delete(q->st, r, id, &q->actor, e) != 0)
                return -1;
            res->status = 204;
            return 0;
        }
    } else {
        long long parent_id;
        if (segment_id(q, 1, &parent_id, e) != 0)
            return -1;
        const struct field *pf = resource_field(r, r->parent_field);
        const struct resource *parent = resource_by_name(pf->ref);
        /* A parent out of the caller's reach is absent, for its children too. */
        json_t *shown = resource_get_as(q->st, parent, parent_id, &q->access, e);
        if (!shown)
            return -1;
        json_decref(shown);
        if (!strcmp(m, "GET"))
            return list(q, res, r, pf, parent_id, e);
        if (!strcmp(m, "POST"))
            return create(q, res, r, r->parent_field, parent_id, e);
    }
    return err_set(e, E_METHOD_NOT_ALLOWED, NULL,
                   "Phương thức %s không dùng được ở đây. / Method %s is not allowed here.", m, m);
}
