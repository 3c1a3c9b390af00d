/*
 * Resources: every noun of the domain is described once, as a table of fields, and that
 * table drives request validation, SQL binding in the store, JSON output and the OpenAPI
 * document. A noun's own rules (an org tree without cycles, a task's lead inside its
 * program's subtree…) are small hook functions beside its table, in domain/<noun>.c.
 *
 * This module holds the descriptor types, the registry of all resources, and the generic
 * validation of a JSON body against a resource's fields. It does no I/O of its own: the
 * checks that need data (does org 7 exist?) go through the store interface.
 */
#ifndef TK_RESOURCE_H
#define TK_RESOURCE_H
#include <jansson.h>
#include <stdbool.h>
#include "util/err.h"

struct store;
struct access;

enum field_type {
    FT_ID,        /* integer primary key, read-only */
    FT_INT,       /* 64-bit integer; range [min, max] when min < max */
    FT_REAL,      /* number */
    FT_BOOL,      /* true/false */
    FT_TEXT,      /* UTF-8 text, NFC; at most `max` code points (default 10,000) */
    FT_ENUM,      /* text, one of `values` */
    FT_DATE,      /* "YYYY-MM-DD" */
    FT_PERIOD,    /* period code: "2021", "2021-Q2", "2021-H1", "2021-06", "term" */
    FT_REF,       /* id of a row of resource `ref` */
    FT_REFS,      /* list of ids of resource `ref`, kept in a link table */
    FT_TEXTS,     /* list of texts, kept as JSON text */
    FT_OBJECTS,   /* list of objects described by `sub`, kept as JSON text */
    FT_TIMESTAMP, /* ISO 8601 UTC, set by the server */
};

enum field_flag {
    F_REQUIRED = 1 << 0,  /* must be present (and not null) on create */
    F_READONLY = 1 << 1,  /* never taken from a request body */
    F_HIDDEN = 1 << 2,    /* stored, never shown (a password hash, an org's path) */
    F_WRITEONLY = 1 << 3, /* taken from a body, never stored as given nor shown */
    F_IMMUTABLE = 1 << 4, /* set on create, ignored on update (the parent of a nested thing) */
    F_NOSTORE = 1 << 5,   /* computed for output, no column */
};

struct field {
    const char *name;  /* JSON name */
    const char *group; /* NULL, or the JSON object it is nested in ("congress") */
    enum field_type type;
    unsigned flags;
    const char *const *values; /* FT_ENUM: allowed values, NULL-terminated */
    const char *ref;           /* FT_REF, FT_REFS: name of the referenced resource */
    double min, max;           /* FT_INT, FT_REAL range when min < max; FT_TEXT: max length */
    const struct field *sub;   /* FT_OBJECTS: fields of an element, ended by a {0} entry */
    const char *def;           /* default on create, as JSON text ("\"draft\"", "0") */
    const char *doc;           /* one line for the OpenAPI document */
};

struct resource;

/* A noun's own rules. Each hook may be NULL. They run inside the request's transaction.
 * `obj` is the validated new state (after merge on update), `old` the stored state (NULL on
 * create). `check` may add derived columns to obj; it returns 0 or -1 with e filled. */
struct rules {
    int (*check)(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                 struct err *e);
    int (*after_write)(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                       struct err *e);
    int (*before_delete)(struct store *st, const struct resource *r, json_t *old, struct err *e);
    /* Adds derived, read-only fields (a task's `overdue`) to an object about to be shown. */
    void (*present)(struct store *st, const struct resource *r, json_t *obj);
};

struct resource {
    const char *name;           /* "tasks": path segment, export key, table name */
    const char *singular;       /* "task": for messages and the OpenAPI schema */
    const char *label_vi;       /* "nhiệm vụ": for messages a person reads */
    const struct field *fields; /* ended by a {0} entry; fields[0] is the FT_ID "id" */
    /* Nested things are created under their parent (POST /programs/{id}/tasks) and then
     * live at their own path (/tasks/{id}); both are NULL for top-level resources. */
    const char *parent_field; /* "program_id" */
    const char *parent_path;  /* "programs" */
    const char *sub_path;     /* "tasks" (segment after /{id}/) */
    const char *item_path;    /* own path segment, when it differs from name ("task-updates") */
    bool no_api;              /* not exposed by the generic CRUD */
    /* Fields found by search, the first being the label shown; NULL: not searchable. */
    const char *const *search;
    const struct rules *rules;
};

/* All resources, in an order where each one refers only to those before it (except the
 * few deferred references import handles), ended by NULL. */
extern const struct resource *const resources[];

const struct resource *resource_by_name(const char *name);
/* The resource whose own path segment is `seg` ("task-updates" → task_updates). */
const struct resource *resource_by_path(const char *seg);
const struct field *resource_field(const struct resource *r, const char *name);
/* Column name of a stored field: "congress_ordinal" for congress.ordinal. Static storage
 * per field, valid for the life of the program. */
const char *field_column(const struct field *f);
/* Dotted name for error messages: "congress.ordinal". */
const char *field_path(const struct field *f);
/* Value of field f in a stored-shape object (groups flattened by column name). */
json_t *field_get(json_t *obj, const struct field *f);

/*
 * Validates a request body against r's fields and returns a new object in stored shape
 * (keys are column names; groups flattened; text NFC; lists as arrays) holding only the
 * fields the body sets. On create (`creating`), defaults are applied and required fields
 * checked. References are checked to exist through the store. Returns NULL with e filled
 * (422 invalid_field naming the field). The caller owns the result (json_decref).
 */
json_t *resource_decode(struct store *st, const struct resource *r, json_t *body, bool creating,
                        struct err *e);
/* The same, for a caller with limited access: a reference to an object it cannot read is
 * refused as unknown, so that errors never reveal what lies outside its reach. */
json_t *resource_decode_as(struct store *st, const struct resource *r, json_t *body, bool creating,
                           const struct access *access, struct err *e);

/* Turns a stored-shape object into the API shape (groups nested, hidden fields dropped,
 * derived fields added by rules->present). Returns a new reference. */
json_t *resource_present(struct store *st, const struct resource *r, json_t *stored);

/* Validates one list filter value given as query text, returning the typed JSON value or
 * NULL with e filled. The filter name is a scalar field's name or, for a list field
 * `xs_ids`, its singular `x_id`; *out_field receives the field. */
json_t *resource_filter_value(const struct resource *r, const char *name, const char *text,
                              const struct field **out_field, struct err *e);

/* A bulk load in progress (import, gen): what it wrote, per resource, for the one audit
 * entry per resource that stands for its rows (resource_bulk_finish). */
enum { BULK_RESOURCES = 32 };
struct bulk_load {
    long long created[BULK_RESOURCES], updated[BULK_RESOURCES];
    long long first_id[BULK_RESOURCES], last_id[BULK_RESOURCES]; /* of the rows created */
};

/* Who makes a change, for the audit trail. */
struct access;
struct actor {
    const char *user;            /* username, or "system" for the command line */
    const char *address;         /* client address, or NULL */
    const struct access *access; /* what the actor may reach; NULL: everything */
    /* Set during a bulk load (store_bulk_begin … resource_bulk_finish). Each row is still
     * decoded, validated and checked by its noun's rules, but is not read back, indexed or
     * audited one by one: the search index is rebuilt once, and the audit trail gets one
     * entry per resource. Row by row, those three were most of a load's time and, for the
     * audit, half of the database's size. The create calls then return the stored shape. */
    struct bulk_load *bulk;
};

/*
 * The one write path of every noun, used alike by the HTTP API, import and the demo:
 * decode and validate the body, run the noun's rules, write the row, keep the search index
 * and append the audit entry, all in the caller's transaction. `id` > 0 keeps that id
 * (import); 0 lets the store assign one. Returns the new state in API shape (caller owns),
 * or NULL with e filled; on failure the caller rolls the transaction back.
 */
json_t *resource_create(struct store *st, const struct resource *r, json_t *body, long long id,
                        const struct actor *a, struct err *e);
json_t *resource_update(struct store *st, const struct resource *r, long long id, json_t *body,
                        const struct actor *a, struct err *e);
int resource_delete(struct store *st, const struct resource *r, long long id, const struct actor *a,
                    struct err *e);
/* The row in API shape, or NULL with 404 in e. */
json_t *resource_get(struct store *st, const struct resource *r, long long id, struct err *e);
/* The same, 404 when `access` (NULL: everything) cannot read it. */
json_t *resource_get_as(struct store *st, const struct resource *r, long long id,
                        const struct access *access, struct err *e);
/* Ends a bulk load begun with store_bulk_begin: one audit entry per resource written
 * (action "import", after: {"created","updated","first_id","last_id"}), then store_bulk_end. */
int resource_bulk_finish(struct store *st, const struct actor *a, struct err *e);
/* The 404 of an id that is absent or out of the caller's reach: one message for both, so
 * that nothing can tell them apart. Returns -1. */
int resource_not_found(const struct resource *r, long long id, struct err *e);
/* Index of r in resources[]. */
int resource_index(const struct resource *r);

/* Shared helpers for the nouns' rules. */
long long obj_int(json_t *obj, const char *key);   /* 0 when absent or null */
const char *obj_str(json_t *obj, const char *key); /* NULL when absent or null */
bool obj_has(json_t *obj, const char *key);        /* present and not null */
#endif
