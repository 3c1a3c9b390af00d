/* Files compiled into the binary by tools/embed.c: migrations, demo data, web assets. */
#ifndef TK_EMBEDDED_H
#define TK_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
    const char *name; /* file name without folders */
    const char *data; /* bytes, followed by a NUL not counted in len */
    size_t len;
};

extern const struct embedded_file embedded_migrations[];
extern const size_t embedded_migrations_count;
extern const struct embedded_file embedded_data[];
extern const size_t embedded_data_count;
extern const struct embedded_file embedded_web[];
extern const size_t embedded_web_count;

/* The embedded file of that name in a table, or NULL. */
const struct embedded_file *embedded_find(const struct embedded_file *table, const char *name);
#endif
