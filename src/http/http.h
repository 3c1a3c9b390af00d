/*
 * The HTTP layer's view of one request and its response, independent of the server library
 * (http/server.c adapts libmicrohttpd to it), so handlers and tests see plain structs.
 */
#ifndef TK_HTTP_H
#define TK_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "domain/access.h"
#include "domain/resource.h"
#include "store/store.h"
#include "util/err.h"

enum { MAX_BODY = 10 * 1024 * 1024, MAX_SEGMENTS = 8 };

struct request {
    const char *method;
    const char *path; /* without the query string */
    const char *body; /* NUL-terminated; NULL when there is none */
    size_t body_len;
    const char *address; /* client address, "127.0.0.1" */
    /* Accessors supplied by the server adapter. */
    const char *(*header)(const struct request *q, const char *name);
    const char *(*query)(const struct request *q, const char *name);
    /* Calls fn for each query argument; returns the first non-zero fn result. */
    int (*each_query)(const struct request *q, int (*fn)(void *arg, const char *k, const char *v),
                      void *arg);
    void *impl;
    /* Filled by the router. */
    char *segments[MAX_SEGMENTS];
    int nsegments;
    struct store *st;
    json_t *user; /* the signed-in user (stored shape), or NULL */
    bool by_cookie;
    struct access access; /* what the caller may reach */
    struct actor actor;
};

struct response {
    int status;
    json_t *json; /* body, when JSON; owned */
    char *raw;    /* body, when not JSON; owned (malloc'd) */
    size_t raw_len;
    const char *raw_static; /* body from static storage (embedded assets) */
    const char *content_type;
    const char *content_encoding; /* "gzip" for a precompressed asset */
    char content_type_buf[128];
    char disposition[300];
    char location[256];
    char cookie[512];
    char etag[80];
    const char *cache_control;
};

/* Fills res with the error object of e (its code's status). Returns -1. */
int respond_error(struct response *res, const struct err *e);
void respond_json(struct response *res, int status, json_t *body); /* takes the reference */

/* The whole request → response step: routing, sign-in, the transaction, the handler. */
void http_handle(struct request *q, struct response *res);

/* Handlers, each: 0 or -1 with e filled; they run inside the request's transaction. */
typedef int (*handler_fn)(struct request *q, struct response *res, struct err *e);
int api_resource(struct request *q, struct response *res, struct err *e);
int api_openapi(struct request *q, struct response *res, struct err *e);
int api_session_create(struct request *q, struct response *res, struct err *e);
int api_session_delete(struct request *q, struct response *res, struct err *e);
int api_session_get(struct request *q, struct response *res, struct err *e);
int api_org_children(struct request *q, struct response *res, struct err *e);
int api_org_subtree(struct request *q, struct response *res, struct err *e);
int api_org_moves(struct request *q, struct response *res, struct err *e);
int api_org_rollup(struct request *q, struct response *res, struct err *e);
int api_org_cascade(struct request *q, struct response *res, struct err *e);
int api_coverage(struct request *q, struct response *res, struct err *e);
int api_suggest(struct request *q, struct response *res, struct err *e);
int api_indicator_rollup(struct request *q, struct response *res, struct err *e);
int api_waiver(struct request *q, struct response *res, struct err *e);
int api_search(struct request *q, struct response *res, struct err *e);
int api_audit(struct request *q, struct response *res, struct err *e);
int api_file_create(struct request *q, struct response *res, struct err *e);
int api_file_get(struct request *q, struct response *res, struct err *e);
int api_file_content(struct request *q, struct response *res, struct err *e);
int web_asset(struct request *q, struct response *res, struct err *e);

/* Resolves the caller from a session cookie or bearer token; NULL when none. */
json_t *auth_user(struct request *q, bool *by_cookie);

/* Parses a positive integer path segment; 404 not_found when it is not one. */
int segment_id(const struct request *q, int i, long long *id, struct err *e);
/* Integer query parameter; def when absent; 422 invalid_field when malformed. */
int query_int(const struct request *q, const char *name, long long def, long long *out,
              struct err *e);
/* Rejects query parameters not in `allowed` (NULL-terminated) with 422 invalid_field. */
int query_only(const struct request *q, const char *const *allowed, struct err *e);
/* Parses the body as a JSON object: 400 invalid_json, 422 when not an object. */
json_t *body_json(const struct request *q, struct err *e);
#endif
