/*
 * The web UI's files, compiled into the binary from build/web (web/build.mjs). Files whose
 * names carry a content hash ("app-3f9a1c.js") are immutable and cached for a year; every
 * other path that is not a file gets index.html, so the application's own routes work on
 * reload. A precompressed ".gz" twin is sent to clients that accept gzip. ETags are the
 * FNV-1a hash of the bytes, so a revalidation costs no body.
 */
#include <stdio.h>
#include <string.h>
#include "http/http.h"
#include "util/embedded.h"
#include "util/text.h"

static const char fallback_html[] =
    "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>Triển khai nghị quyết</title></head><body>"
    "<h1>Triển khai nghị quyết</h1>"
    "<p>Bản dựng này không có giao diện web. API: "
    "<a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>.</p></body></html>";

static const char *content_type(const char *name)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".woff2", "font/woff2"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i][0]))
            return types[i][1];
    return "application/octet-stream";
}

/* A hashed name has "-" followed by at least 8 hex-or-alnum characters before the
 * extension, as esbuild writes them ("app-5GX2K7QZ.js"). */
static bool is_hashed(const char *name)
{
    const char *dash = strrchr(name, '-'), *dot = strchr(name, '.');
    return dash && dot && dot > dash && dot - dash - 1 >= 8;
}

static bool accepts_gzip(const struct request *q)
{
    const char *ae = q->header(q, "Accept-Encoding");
    return ae && strstr(ae, "gzip");
}

int web_asset(struct request *q, struct response *res, struct err *e)
{
    if (strcmp(q->method, "GET") && strcmp(q->method, "HEAD"))
        return err_set(e, E_METHOD_NOT_ALLOWED, NULL, "Chỉ hỗ trợ GET. / Only GET is allowed.");
    const char *name = q->path[0] == '/' ? q->path + 1 : q->path;
    if (strchr(name, '/') || !*name)
        name = "index.html";
    const struct embedded_file *f = embedded_find(embedded_web, name);
    if (!f && !strchr(name, '.'))
        f = embedded_find(embedded_web, name = "index.html");
    if (!f && !strcmp(name, "index.html")) {
        res->raw_static = fallback_html;
        res->raw_len = sizeof fallback_html - 1;
        res->content_type = "text/html; charset=utf-8";
        res->cache_control = "no-cache";
        return 0;
    }
    if (!f)
        return err_set(e, E_NOT_FOUND, NULL, "Không có tệp %s. / No such file.", name);
    const struct embedded_file *body = f;
    char gz[256];
    snprintf(gz, sizeof gz, "%s.gz", name);
    const struct embedded_file *zipped = accepts_gzip(q) ? embedded_find(embedded_web, gz) : NULL;
    if (zipped) {
        body = zipped;
        res->content_encoding = "gzip";
    }
    unsigned long long h = text_hash(f->data, f->len);
    snprintf(res->etag, sizeof res->etag, "\"%016llx%s\"", h, zipped ? "-gz" : "");
    res->content_type = content_type(name);
    res->cache_control = is_hashed(name) ? "public, max-age=31536000, immutable" : "no-cache";
    const char *inm = q->header(q, "If-None-Match");
    res->status = inm && !strcmp(inm, res->etag) ? 304 : 200;
    if (res->status == 200) {
        res->raw_static = body->data;
        res->raw_len = body->len;
    }
    return 0;
}
