/*
 * Errors: a caller's `struct err` is filled by the first failing function (first error wins)
 * with a stable snake_case code, a message a person can act on and, when one field is at
 * fault, its name. The HTTP status of each code is looked up in one table (err_status).
 */
#ifndef TK_ERR_H
#define TK_ERR_H
#include <stdbool.h>

enum err_code {
    E_OK = 0,
    E_INVALID_JSON,       /* 400 */
    E_BAD_REQUEST,        /* 400 */
    E_UNAUTHENTICATED,    /* 401 */
    E_FORBIDDEN,          /* 403 */
    E_CROSS_ORIGIN,       /* 403 */
    E_NOT_FOUND,          /* 404 */
    E_METHOD_NOT_ALLOWED, /* 405 */
    E_CONFLICT,           /* 409 */
    E_TOO_LARGE,          /* 413 */
    E_INVALID_FIELD,      /* 422 */
    E_TOO_MANY,           /* 429 */
    E_INTERNAL,           /* 500 */
    E_UNAVAILABLE,        /* 503: database busy or disk full */
};

struct err {
    enum err_code code;
    char message[512];
    char field[128];
};

/* Records the error unless one is already recorded; returns -1 so callers can
 * `return err_set(...)`. `field` may be NULL. The message is printf-formatted. */
int err_set(struct err *e, enum err_code code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool err_is_set(const struct err *e);
void err_clear(struct err *e);

int err_status(enum err_code code);       /* HTTP status of a code */
const char *err_name(enum err_code code); /* "invalid_field" */
#endif
