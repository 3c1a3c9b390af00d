/* Option parsing and the shared opening of databases for the commands. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"

int fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("trienkhai: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 1;
}

int opts_parse(struct opts *o, int argc, char **argv, const char *const *allowed)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--", 2) != 0) {
            if (o->npositional == 4)
                return fail("quá nhiều tham số / too many arguments: %s", a), -1;
            o->positional[o->npositional++] = a;
            continue;
        }
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const char *match = NULL;
        bool flag = false;
        for (const char *const *p = allowed; *p; p++) {
            size_t pl = strlen(*p);
            bool f = (*p)[pl - 1] == '!';
            if ((f ? pl - 1 : pl) == len && !strncmp(*p, name, len)) {
                match = *p;
                flag = f;
            }
        }
        if (!match || o->n == 16)
            return fail("tùy chọn không hợp lệ / unknown option: --%.*s (see --help)", (int)len,
                        name),
                   -1;
        o->names[o->n] = match; /* static: the allowed name, '!' kept for flags */
        if (flag) {
            o->values[o->n++] = "1";
        } else if (eq) {
            o->values[o->n++] = eq + 1;
        } else if (i + 1 < argc) {
            o->values[o->n++] = argv[++i];
        } else {
            return fail("--%s cần một giá trị / --%s needs a value", match, match), -1;
        }
    }
    return 0;
}

const char *opt(const struct opts *o, const char *name)
{
    size_t len = strlen(name);
    for (int i = o->n - 1; i >= 0; i--)
        if (!strncmp(o->names[i], name, len) && (!o->names[i][len] || o->names[i][len] == '!'))
            return o->values[i];
    return NULL;
}

bool opt_flag(const struct opts *o, const char *name)
{
    return opt(o, name) != NULL;
}

const char *opt_db(const struct opts *o)
{
    const char *db = opt(o, "db");
    if (!db)
        db = getenv("TRIENKHAI_DB");
    return db && *db ? db : "trienkhai.db";
}

struct store *cli_open_existing(const char *path)
{
    if (access(path, F_OK) != 0) {
        fail("không có cơ sở dữ liệu %s; hãy chạy `trienkhai init --db %s` / no database at %s",
             path, path, path);
        return NULL;
    }
    struct err e = {0};
    struct store *st = store_open(path, false, &e);
    if (!st)
        fail("%s", e.message);
    return st;
}
