/*
 * Resolution (nghị quyết) of a term, and its tree of items (item.c). A resolution's
 * `items` is shown on it, read-only: items are created through their own path.
 */
#include "domain/nouns.h"
#include "store/store.h"
#include "util/period.h"

static const struct field resolution_fields[] = {
    FIELD_ID,
    {"term_id", NULL, FT_REF, F_REQUIRED, NULL, "terms", 0, 0, NULL, NULL, "term"},
    {"title", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 1000, NULL, NULL, "title"},
    {"symbol", NULL, FT_TEXT, 0, NULL, NULL, 0, 100, NULL, NULL, "01-NQ/ĐH"},
    {"issued_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "date of issue"},
    {"document_id", NULL, FT_REF, 0, NULL, "documents", 0, 0, NULL, NULL, "its document"},
    {"items", NULL, FT_OBJECTS, F_READONLY | F_NOSTORE, NULL, NULL, 0, 0, NULL, NULL,
     "its items, read-only here"},
    {"days_after_congress", NULL, FT_INT, F_READONLY | F_NOSTORE, NULL, NULL, 0, 0, NULL, NULL,
     "days from the close of its congress to its issue (khẩn trương)"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static void resolution_present(struct store *st, const struct resource *r, json_t *obj)
{
    struct store_filter f = {resource_field(&res_items, "resolution_id"),
                             json_integer(obj_int(obj, "id"))};
    struct err e = {0};
    json_t *rows = store_list(st, &res_items, &f, 1, 0, 100000, &e);
    json_decref(f.value);
    json_t *items = json_array();
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
        json_array_append_new(items, resource_present(st, &res_items, row));
    json_decref(rows);
    json_object_set_new(obj, "items", items);
    json_t *term = store_get(st, &res_terms, obj_int(obj, "term_id"), NULL);
    int issued, closed;
    const char *held_to = term ? obj_str(term, "congress_held_to") : NULL;
    if (obj_str(obj, "issued_on") && held_to &&
        date_parse(obj_str(obj, "issued_on"), &issued) == 0 && date_parse(held_to, &closed) == 0)
        json_object_set_new(obj, "days_after_congress", json_integer(issued - closed));
    else
        json_object_set_new(obj, "days_after_congress", json_null());
    json_decref(term);
}

/* A resolution moved to another term takes its programs' "term" tasks along. */
static int resolution_after_write(struct store *st, const struct resource *r, json_t *obj,
                                  json_t *old, struct err *e)
{
    if (!old || obj_int(old, "term_id") == obj_int(obj, "term_id"))
        return 0;
    return store_refresh_term_tasks(st, obj_int(obj, "term_id"), 0, e);
}

static const struct rules resolution_rules = {.after_write = resolution_after_write,
                                              .present = resolution_present};

static const char *const res_resolutions_search[] = {"title", "symbol", NULL};

const struct resource res_resolutions = {
    .search = res_resolutions_search,
    .name = "resolutions",
    .singular = "resolution",
    .label_vi = "nghị quyết",
    .fields = resolution_fields,
    .rules = &resolution_rules,
};
