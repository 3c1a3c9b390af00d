/*
 * What the unit tests that need a database share: a fresh SQLite file per test (made with
 * mkstemp in /tmp, migrated by store_open, removed with its -wal and -shm files afterwards),
 * and short helpers that create, update and read through the one write path
 * (resource_create/update/get) and fail the test with the store's message when a step that
 * should work does not. Include it after <cmocka.h>; every helper is static inline, so a test
 * file that does not use one is not warned about it.
 *
 * Ownership: helpers returning json_t * hand the caller a reference (json_decref it); those
 * returning an id keep nothing.
 */
#ifndef TK_TEST_FIXTURE_H
#define TK_TEST_FIXTURE_H
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "domain/nouns.h"
#include "store/store.h"

struct fx {
    struct store *st;
    char path[64];
    struct actor actor;
};

static inline int fx_setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/tk-unit-XXXXXX");
    int fd = mkstemp(f->path);
    if (fd < 0) {
        free(f);
        return -1;
    }
    close(fd);
    struct err e = {0};
    f->st = store_open(f->path, true, &e);
    if (!f->st) {
        fprintf(stderr, "store_open %s: %s\n", f->path, e.message);
        unlink(f->path);
        free(f);
        return -1;
    }
    f->actor.user = "tester";
    f->actor.address = "127.0.0.1";
    *state = f;
    return 0;
}

static inline int fx_teardown(void **state)
{
    struct fx *f = *state;
    if (!f)
        return 0;
    store_rollback(f->st);
    store_close(f->st);
    char side[80];
    unlink(f->path);
    snprintf(side, sizeof side, "%s-wal", f->path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", f->path);
    unlink(side);
    free(f);
    return 0;
}

static inline void fx_begin(struct fx *f)
{
    struct err e = {0};
    if (store_begin(f->st, true, &e) != 0)
        fail_msg("store_begin: %s", e.message);
}

static inline void fx_commit(struct fx *f)
{
    struct err e = {0};
    if (store_commit(f->st, &e) != 0)
        fail_msg("store_commit: %s", e.message);
}

static inline json_t *fx_vjson(const char *fmt, va_list ap)
{
    char text[16384];
    vsnprintf(text, sizeof text, fmt, ap);
    json_error_t je;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &je);
    if (!v)
        fail_msg("bad JSON in the test itself: %s: %s", je.text, text);
    return v;
}

/* The JSON value of a printf-formatted text. */
__attribute__((format(printf, 1, 2))) static inline json_t *fx_json(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *v = fx_vjson(fmt, ap);
    va_end(ap);
    return v;
}

/* Creates a row of r from a printf-formatted JSON body; returns the presented object. */
static inline json_t *fx_vcreate_obj(struct fx *f, const struct resource *r, const char *fmt,
                                     va_list ap)
{
    json_t *body = fx_vjson(fmt, ap);
    struct err e = {0};
    json_t *out = resource_create(f->st, r, body, 0, &f->actor, &e);
    if (!out) {
        char *text = json_dumps(body, JSON_COMPACT), msg[2048];
        snprintf(msg, sizeof msg, "create %s %s failed: %s: %s (field \"%s\")", r->name, text,
                 err_name(e.code), e.message, e.field);
        free(text);
        json_decref(body);
        fail_msg("%s", msg);
    }
    json_decref(body);
    return out;
}

__attribute__((format(printf, 3, 4))) static inline json_t *
fx_create_obj(struct fx *f, const struct resource *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *out = fx_vcreate_obj(f, r, fmt, ap);
    va_end(ap);
    return out;
}

/* The same, keeping only the new id. */
__attribute__((format(printf, 3, 4))) static inline long long
fx_create(struct fx *f, const struct resource *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *out = fx_vcreate_obj(f, r, fmt, ap);
    va_end(ap);
    long long id = obj_int(out, "id");
    json_decref(out);
    return id;
}

/* Asserts that creating fails with `code` naming `field` ("" for none); returns the error. */
__attribute__((format(printf, 5, 6))) static inline struct err
fx_create_fails(struct fx *f, const struct resource *r, enum err_code code, const char *field,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *body = fx_vjson(fmt, ap);
    va_end(ap);
    struct err e = {0};
    json_t *out = resource_create(f->st, r, body, 0, &f->actor, &e);
    if (out) {
        char *text = json_dumps(out, JSON_COMPACT), msg[2048];
        snprintf(msg, sizeof msg, "create %s should have failed with %s, made %s", r->name,
                 err_name(code), text);
        free(text);
        json_decref(out);
        json_decref(body);
        fail_msg("%s", msg);
    }
    json_decref(body);
    assert_string_equal(err_name(e.code), err_name(code));
    assert_string_equal(e.field, field);
    return e;
}

/* Updates row id of r with a printf-formatted JSON body; returns the presented object. */
__attribute__((format(printf, 4, 5))) static inline json_t *
fx_update(struct fx *f, const struct resource *r, long long id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *body = fx_vjson(fmt, ap);
    va_end(ap);
    struct err e = {0};
    json_t *out = resource_update(f->st, r, id, body, &f->actor, &e);
    if (!out) {
        char *text = json_dumps(body, JSON_COMPACT), msg[2048];
        snprintf(msg, sizeof msg, "update %s %lld with %s failed: %s: %s (field \"%s\")", r->name,
                 id, text, err_name(e.code), e.message, e.field);
        free(text);
        json_decref(body);
        fail_msg("%s", msg);
    }
    json_decref(body);
    return out;
}

/* Asserts that updating fails with `code` naming `field` ("" for none). */
__attribute__((format(printf, 6, 7))) static inline struct err
fx_update_fails(struct fx *f, const struct resource *r, long long id, enum err_code code,
                const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *body = fx_vjson(fmt, ap);
    va_end(ap);
    struct err e = {0};
    json_t *out = resource_update(f->st, r, id, body, &f->actor, &e);
    if (out) {
        char *text = json_dumps(out, JSON_COMPACT), msg[2048];
        snprintf(msg, sizeof msg, "update %s %lld should have failed with %s, gave %s", r->name, id,
                 err_name(code), text);
        free(text);
        json_decref(out);
        json_decref(body);
        fail_msg("%s", msg);
    }
    json_decref(body);
    assert_string_equal(err_name(e.code), err_name(code));
    assert_string_equal(e.field, field);
    return e;
}

/* Row id of r in API shape; fails the test when it is absent. */
static inline json_t *fx_get(struct fx *f, const struct resource *r, long long id)
{
    struct err e = {0};
    json_t *out = resource_get(f->st, r, id, &e);
    if (!out)
        fail_msg("get %s %lld: %s", r->name, id, e.message);
    return out;
}

/* An integer field of row id of r, as the API shows it. */
static inline long long fx_get_int(struct fx *f, const struct resource *r, long long id,
                                   const char *key)
{
    json_t *o = fx_get(f, r, id);
    long long v = obj_int(o, key);
    json_decref(o);
    return v;
}

/* The first column of the first row of a printf-formatted query, run on a separate
 * connection to the file: it sees only committed data. */
__attribute__((format(printf, 2, 3))) static inline long long fx_sql_int(struct fx *f,
                                                                         const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3 *db;
    if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        fail_msg("sqlite3_open %s: %s", f->path, sqlite3_errmsg(db));
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/* Asserts the stored materialized path of an org. */
static inline void fx_assert_path(struct fx *f, long long org, const char *expected)
{
    char *path = store_org_path(f->st, org);
    if (!path)
        fail_msg("org %lld has no path", org);
    assert_string_equal(path, expected);
    free(path);
}

/* Asserts that an array of integers holds exactly the given ones, in order; ids ends at 0. */
static inline void fx_assert_ids(json_t *array, const long long *ids)
{
    char got[512] = "", want[512] = "";
    size_t i;
    json_t *v;
    json_array_foreach(array, i, v) snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld",
                                             i ? "," : "", (long long)json_integer_value(v));
    for (i = 0; ids[i]; i++)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%lld", i ? "," : "", ids[i]);
    assert_string_equal(got, want);
}
#define FX_IDS(array, ...) fx_assert_ids((array), (const long long[]){__VA_ARGS__, 0})
#endif
