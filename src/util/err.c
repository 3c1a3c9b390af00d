/* The table of error codes, their names and their HTTP statuses, and the sticky setter. */
#include "util/err.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    int status;
} err_table[] = {
    [E_OK] = {"ok", 200},
    [E_INVALID_JSON] = {"invalid_json", 400},
    [E_BAD_REQUEST] = {"bad_request", 400},
    [E_UNAUTHENTICATED] = {"unauthenticated", 401},
    [E_FORBIDDEN] = {"forbidden", 403},
    [E_CROSS_ORIGIN] = {"cross_origin", 403},
    [E_NOT_FOUND] = {"not_found", 404},
    [E_METHOD_NOT_ALLOWED] = {"method_not_allowed", 405},
    [E_CONFLICT] = {"conflict", 409},
    [E_TOO_LARGE] = {"too_large", 413},
    [E_INVALID_FIELD] = {"invalid_field", 422},
    [E_TOO_MANY] = {"too_many_requests", 429},
    [E_INTERNAL] = {"internal", 500},
    [E_UNAVAILABLE] = {"unavailable", 503},
};

int err_set(struct err *e, enum err_code code, const char *field, const char *fmt, ...)
{
    if (!e || e->code != E_OK)
        return -1;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    return -1;
}

bool err_is_set(const struct err *e)
{
    return e->code != E_OK;
}

void err_clear(struct err *e)
{
    memset(e, 0, sizeof *e);
}

int err_status(enum err_code code)
{
    return err_table[code].status;
}

const char *err_name(enum err_code code)
{
    return err_table[code].name;
}
