/*
 * What the fuzz targets share: a small world of Vietnamese orgs, a term, a resolution, programs,
 * tasks and two accounts, written once through the one write path (resource_create) into an
 * in-memory database; a check macro that aborts with the failed condition, so libFuzzer reports
 * a broken property as a crash; and a snapshot of the database that a target which commits
 * (the router) restores after each input, so that every input starts from the same state and a
 * crash reproduces from its input alone.
 *
 * This is harness code: it is not part of the server, and a failure while building the world
 * is a bug of the harness (or of a rule that changed), reported on stderr before aborting.
 */
#ifndef TK_FUZZ_COMMON_H
#define TK_FUZZ_COMMON_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* Bearer tokens of the two accounts of the world: an admin of everything and a viewer of the
 * Móng Cái subtree (org 2). Seeds of the router use them literally. */
#define FZ_ADMIN_TOKEN "fuzz-admin-token"
#define FZ_VIEWER_TOKEN "fuzz-viewer-token"

/* Aborts with the file, line and condition when cond is false. */
#define FZ_CHECK(cond)                                                                             \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fz_fail(__FILE__, __LINE__, #cond);                                                    \
    } while (0)

__attribute__((noreturn)) void fz_fail(const char *file, int line, const char *what);

/* libsodium, the time zone, and jansson's hash seed, once per process. */
void fz_init_process(void);

/* A new in-memory database with the schema; with `world`, also the rows described above,
 * committed. Aborts on failure. The caller owns the store (it lives for the process). */
struct store *fz_store(int world);

/* Remembers the current content of st, to be put back by fz_restore. */
void fz_snapshot(struct store *st);
/* Puts back the content saved by fz_snapshot when anything was written since. */
void fz_restore(struct store *st);

/* A NUL-terminated copy of data[0..size) (malloc'd; caller frees). */
char *fz_strndup(const uint8_t *data, size_t size);

/* True when s is a JSON string, or null; for checking the shape of answers. */
int fz_is_text_or_null(json_t *v);
#endif
