/*
 * Fuzz target for the router and every handler behind it (http_handle). The input is a
 * request written the way it travels on the wire, so that seeds read like requests:
 *
 *     METHOD /path?query\n
 *     Header-Name: value\n
 *     …\n
 *     \n
 *     body
 *
 * ("GET /path HTTP/1.1" is read too, the version ignored). It becomes a struct request the
 * way http/server.c makes one with libmicrohttpd: the path and the query arguments are
 * percent-decoded ('+' is a space in the query), an argument without '=' has a NULL value,
 * header names match whatever their case and the first one wins, and no body is NULL. The
 * database holds the fixture's world; two bearer tokens sign in as its admin and as a viewer
 * of the Móng Cái subtree (FZ_*_TOKEN). The database is put back after every input that
 * wrote, so each input starts from the same state.
 *
 * Properties: a status between 200 and 499 (a 5xx answer to a request is a bug, whatever
 * the request); a JSON body that serialises, and for an error the {"error":{code, message}}
 * shape; and a viewer of Móng Cái never reads anything of Bình Liêu (org 4, outside its
 * subtree) in a successful answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "common.h"
#include "http/http.h"

enum { MAX_HEADERS = 32, MAX_ARGS = 64 };

struct fake {
    char *names[MAX_HEADERS], *values[MAX_HEADERS];
    int nheaders;
    char *keys[MAX_ARGS], *args[MAX_ARGS];
    int nargs;
};

static struct store *st;
static int verbose; /* FUZZ_VERBOSE=1: print each request's status, for writing seeds */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    verbose = getenv("FUZZ_VERBOSE") != NULL;
    st = fz_store(1);
    fz_snapshot(st);
    return 0;
}

static const char *get_header(const struct request *q, const char *name)
{
    const struct fake *f = q->impl;
    for (int i = 0; i < f->nheaders; i++)
        if (!strcasecmp(f->names[i], name))
            return f->values[i];
    return NULL;
}

static const char *get_query(const struct request *q, const char *name)
{
    const struct fake *f = q->impl;
    for (int i = 0; i < f->nargs; i++)
        if (!strcmp(f->keys[i], name))
            return f->args[i];
    return NULL;
}

static int each_query(const struct request *q, int (*fn)(void *, const char *, const char *),
                      void *arg)
{
    const struct fake *f = q->impl;
    for (int i = 0; i < f->nargs; i++) {
        int rc = fn(arg, f->keys[i], f->args[i]);
        if (rc)
            return rc;
    }
    return 0;
}

static int hex(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decodes s[0..n) into a new string, '+' to a space when plus. */
static char *decode(const char *s, size_t n, int plus)
{
    char *out = malloc(n + 1), *o = out;
    if (!out)
        abort();
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            *o++ = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            *o++ = plus && s[i] == '+' ? ' ' : s[i];
        }
    }
    *o = 0;
    return out;
}

static void parse_query(struct fake *f, const char *s)
{
    while (*s && f->nargs < MAX_ARGS) {
        size_t n = strcspn(s, "&");
        const char *eq = memchr(s, '=', n);
        if (n) {
            f->keys[f->nargs] = decode(s, eq ? (size_t)(eq - s) : n, 1);
            f->args[f->nargs] = eq ? decode(eq + 1, n - (size_t)(eq - s) - 1, 1) : NULL;
            f->nargs++;
        }
        s += n;
        if (*s == '&')
            s++;
    }
}

/* Splits the lines of the header block s (NUL-terminated, no blank line) into f. */
static void parse_headers(struct fake *f, char *s)
{
    for (char *line = s; line && *line && f->nheaders < MAX_HEADERS;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        char *colon = strchr(line, ':');
        if (colon) {
            *colon = 0;
            char *v = colon + 1;
            while (*v == ' ' || *v == '\t')
                v++;
            size_t n = strlen(v);
            while (n && (v[n - 1] == '\r' || v[n - 1] == ' '))
                v[--n] = 0;
            f->names[f->nheaders] = strdup(line);
            f->values[f->nheaders] = strdup(v);
            f->nheaders++;
        }
        line = next;
    }
}

static int contains_any(const char *s, const char *const *needles)
{
    for (; s && *needles; needles++)
        if (strstr(s, *needles))
            return 1;
    return 0;
}

static void check_response(const struct response *res, const char *method, const char *path)
{
    char *text = res->json ? json_dumps(res->json, JSON_COMPACT) : NULL;
    if (verbose)
        fprintf(stderr, "router: %s %s -> %d %.300s\n", method, path, res->status,
                text ? text : "");
    if (res->status < 200 || res->status > 499) {
        fprintf(stderr, "router: %s %s answered %d: %s\n", method, path, res->status,
                text ? text : "(no JSON body)");
        FZ_CHECK(res->status >= 200 && res->status <= 499);
    }
    if (res->json) {
        FZ_CHECK(text != NULL);
        if (res->status >= 400) {
            json_t *error = json_object_get(res->json, "error");
            FZ_CHECK(json_is_object(error));
            FZ_CHECK(json_is_string(json_object_get(error, "code")));
            FZ_CHECK(json_is_string(json_object_get(error, "message")));
        }
    }
    free(text);
}

/* The viewer's answers hold nothing of Bình Liêu: its name in any form the store keeps. */
static void check_viewer(const struct response *res, const char *const *inputs, int ninputs)
{
    static const char *const echoes[] = {"Li", "li", "LI", "lI", NULL};
    static const char *const secrets[] = {"Bình Liêu", "binh lieu", NULL};
    if (res->status >= 300 || (!res->json && !res->raw))
        return;
    for (int i = 0; i < ninputs; i++)
        if (contains_any(inputs[i], echoes))
            return; /* the answer may quote what was asked */
    /* A cached answer comes as its serialised bytes, a fresh one as JSON: both are read. */
    char *text = res->json ? json_dumps(res->json, JSON_COMPACT)
                           : fz_strndup((const uint8_t *)res->raw, res->raw_len);
    if (contains_any(text, secrets)) {
        fprintf(stderr, "router: the Móng Cái viewer read Bình Liêu: %s\n", text);
        FZ_CHECK(!"viewer reads outside its subtree");
    }
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    char *in = fz_strndup(data, size);
    /* Bytes after a NUL still count for the body, as on the wire. */
    char *line_end = memchr(in, '\n', size);
    size_t line_len = line_end ? (size_t)(line_end - in) : size;
    if (line_len && in[line_len - 1] == '\r')
        line_len--;
    char *rest = line_end ? line_end + 1 : in + size;
    size_t rest_len = size - (size_t)(rest - in);

    char *line = fz_strndup((const uint8_t *)in, line_len);
    char *sp = strchr(line, ' ');
    if (sp)
        *sp = 0;
    const char *method = line;
    char root[] = "/";
    char *target = sp ? sp + 1 : root;
    char *version = strchr(target, ' '); /* "GET /path HTTP/1.1": the version is ignored */
    if (version)
        *version = 0;
    size_t path_len = strcspn(target, "?");
    char *path = decode(target, path_len, 0);

    struct fake f = {0};
    if (target[path_len] == '?')
        parse_query(&f, target + path_len + 1);

    /* The header block ends at the first blank line; what follows is the body. */
    char *body = NULL;
    size_t body_len = 0;
    char *blank = NULL;
    for (char *p = rest; p < rest + rest_len; p++)
        if (*p == '\n' &&
            (p == rest || p[-1] == '\n' || (p[-1] == '\r' && (p - 1 == rest || p[-2] == '\n')))) {
            blank = p;
            break;
        }
    size_t header_len = blank ? (size_t)(blank - rest) : rest_len;
    char *headers = fz_strndup((const uint8_t *)rest, header_len);
    parse_headers(&f, headers);
    if (blank && blank + 1 < rest + rest_len) {
        body_len = (size_t)(rest + rest_len - (blank + 1));
        body = fz_strndup((const uint8_t *)blank + 1, body_len);
    }

    struct request q = {
        .method = method,
        .path = path,
        .body = body,
        .body_len = body_len,
        .address = "127.0.0.1",
        .header = get_header,
        .query = get_query,
        .each_query = each_query,
        .impl = &f,
        .st = st,
    };
    struct response res = {0};
    http_handle(&q, &res);
    check_response(&res, method, path);

    const char *authz = get_header(&q, "Authorization");
    if (authz && strstr(authz, FZ_VIEWER_TOKEN)) {
        const char *inputs[2 + MAX_ARGS * 2 + MAX_HEADERS] = {path, body};
        int n = 2;
        for (int i = 0; i < f.nargs; i++) {
            inputs[n++] = f.keys[i];
            inputs[n++] = f.args[i];
        }
        for (int i = 0; i < f.nheaders; i++)
            inputs[n++] = f.values[i];
        check_viewer(&res, inputs, n);
    }

    json_decref(res.json);
    free(res.raw);
    fz_restore(st);
    for (int i = 0; i < f.nargs; i++) {
        free(f.keys[i]);
        free(f.args[i]);
    }
    for (int i = 0; i < f.nheaders; i++) {
        free(f.names[i]);
        free(f.values[i]);
    }
    free(headers);
    free(body);
    free(path);
    free(line);
    free(in);
    return 0;
}
