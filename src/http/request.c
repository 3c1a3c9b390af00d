/* Small helpers every handler uses to read a request: ids in the path, query numbers, the
 * JSON body. Each turns bad input into the error class API.md names. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "http/http.h"

int segment_id(const struct request *q, int i, long long *id, struct err *e)
{
    const char *s = i < q->nsegments ? q->segments[i] : "";
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || !*s || *end || v <= 0 || s[0] == '+' || s[0] == '0')
        return err_set(e, E_NOT_FOUND, NULL,
                       "Không có đối tượng mang mã \"%.40s\". / No object with id \"%.40s\".", s,
                       s);
    *id = v;
    return 0;
}

int query_int(const struct request *q, const char *name, long long def, long long *out,
              struct err *e)
{
    const char *s = q->query(q, name);
    if (!s || !*s) {
        *out = def;
        return 0;
    }
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end)
        return err_set(e, E_INVALID_FIELD, name,
                       "%s phải là một số nguyên. / %s must be an "
                       "integer.",
                       name, name);
    *out = v;
    return 0;
}

struct only_args {
    const char *const *allowed;
    struct err *e;
};

static int check_allowed(void *arg, const char *k, const char *v)
{
    struct only_args *a = arg;
    for (const char *const *p = a->allowed; *p; p++)
        if (!strcmp(*p, k))
            return 0;
    return err_set(a->e, E_INVALID_FIELD, k,
                   "Tham số %s không được hỗ trợ ở đây. / Unknown "
                   "parameter %s.",
                   k, k);
}

int query_only(const struct request *q, const char *const *allowed, struct err *e)
{
    struct only_args a = {allowed, e};
    return q->each_query(q, check_allowed, &a);
}

json_t *body_json(const struct request *q, struct err *e)
{
    if (!q->body || q->body_len == 0) {
        err_set(e, E_INVALID_JSON, NULL, "Thiếu nội dung JSON. / The request needs a JSON body.");
        return NULL;
    }
    /* Nesting deeper than any of our bodies needs is refused before parsing, so a hostile
     * body cannot make the parser recurse thousands of levels. */
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < q->body_len; i++) {
        char c = q->body[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if ((c == '{' || c == '[') && ++depth > 32) {
            err_set(e, E_INVALID_JSON, NULL,
                    "JSON lồng quá sâu (tối đa 32 cấp). / JSON nested "
                    "deeper than 32 levels.");
            return NULL;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    json_error_t je;
    /* jansson refuses invalid UTF-8 and NUL bytes in strings, which is what we want. */
    json_t *body = json_loadb(q->body, q->body_len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
    if (!body) {
        err_set(e, E_INVALID_JSON, NULL,
                "JSON không hợp lệ ở dòng %d, cột %d: %s / Malformed JSON at line %d, column %d.",
                je.line, je.column, je.text, je.line, je.column);
        return NULL;
    }
    if (!json_is_object(body)) {
        json_decref(body);
        err_set(e, E_INVALID_FIELD, NULL,
                "Nội dung yêu cầu phải là một đối tượng JSON. / The body must be a JSON object.");
        return NULL;
    }
    return body;
}
