/*
 * The web UI's files, compiled into the binary. Until the bundled application lands (web/),
 * the root serves a small Vietnamese page that says what the server is and where the API is.
 */
#include <string.h>
#include "http/http.h"

static const char index_html[] =
    "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>Triển khai nghị quyết</title></head><body>"
    "<h1>Triển khai nghị quyết</h1>"
    "<p>Máy chủ đang chạy. Giao diện API: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>.</p>"
    "</body></html>";

int web_asset(struct request *q, struct response *res, struct err *e)
{
    if (strcmp(q->method, "GET") && strcmp(q->method, "HEAD"))
        return err_set(e, E_METHOD_NOT_ALLOWED, NULL, "Chỉ hỗ trợ GET. / Only GET is allowed.");
    if (strcmp(q->path, "/") && strcmp(q->path, "/index.html"))
        return err_set(e, E_NOT_FOUND, NULL, "Không có trang %s. / No such page.", q->path);
    res->status = 200;
    res->raw_static = index_html;
    res->raw_len = sizeof index_html - 1;
    res->content_type = "text/html; charset=utf-8";
    res->cache_control = "no-cache";
    return 0;
}
