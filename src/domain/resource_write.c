/*
 * The one write path shared by every noun and every edge (HTTP, import, demo): validation,
 * the noun's rules, the row, the search index and the audit entry, in one transaction that
 * the caller owns. A failure anywhere leaves the caller to roll back, so nothing half-done
 * is ever committed.
 */
#include <string.h>
#include "domain/access.h"
#include "domain/nouns.h"
#include "domain/resource.h"
#include "store/store.h"

int resource_not_found(const struct resource *r, long long id, struct err *e)
{
    return err_set(e, E_NOT_FOUND, NULL, "Không tìm thấy %s mang mã %lld. / No %s with id %lld.",
                   r->label_vi, id, r->singular, id);
}

int resource_index(const struct resource *r)
{
    for (int i = 0; resources[i]; i++)
        if (resources[i] == r)
            return i;
    return -1;
}

/* May the actor write obj (stored shape)? Reporters write task updates and indicator values
 * of their own orgs; everything else needs an editor of the subtree. */
static int check_write(struct store *st, const struct resource *r, json_t *obj,
                       const struct actor *a, struct err *e)
{
    if (!a->access)
        return 0;
    bool report = r == &res_task_updates || r == &res_indicator_values;
    if (report ? access_can_report(st, a->access, r, obj) : access_can_write(st, a->access, r, obj))
        return 0;
    return err_set(e, E_FORBIDDEN, NULL,
                   "Bạn không có quyền thay đổi %s này. / You may not change this %s.", r->label_vi,
                   r->singular);
}

/* 404, as if absent, when the actor cannot see the stored object. */
static int check_visible(struct store *st, const struct resource *r, json_t *old, long long id,
                         const struct actor *a, struct err *e)
{
    if (!a->access || access_can_read(st, a->access, r, old))
        return 0;
    return resource_not_found(r, id, e);
}

json_t *resource_get(struct store *st, const struct resource *r, long long id, struct err *e)
{
    return resource_get_as(st, r, id, NULL, e);
}

json_t *resource_get_as(struct store *st, const struct resource *r, long long id,
                        const struct access *access, struct err *e)
{
    json_t *row = store_get(st, r, id, e);
    if (!row)
        return NULL;
    struct actor a = {.access = access};
    if (check_visible(st, r, row, id, &a, e) != 0) {
        json_decref(row);
        return NULL;
    }
    json_t *out = resource_present(st, r, row);
    json_decref(row);
    return out;
}

/* Counts a row written in a bulk load; returns obj (stored shape, a new reference). */
static json_t *bulk_note(struct bulk_load *b, const struct resource *r, long long id, json_t *obj,
                         bool created)
{
    int k = resource_index(r);
    if (!created) {
        b->updated[k]++;
        return json_incref(obj);
    }
    if (!b->created[k]++ || id < b->first_id[k])
        b->first_id[k] = id;
    if (id > b->last_id[k])
        b->last_id[k] = id;
    return json_incref(obj);
}

int resource_bulk_finish(struct store *st, const struct actor *a, struct err *e)
{
    for (int k = 0; resources[k] && k < BULK_RESOURCES; k++) {
        const struct bulk_load *b = a->bulk;
        if (!b->created[k] && !b->updated[k])
            continue;
        json_t *what = json_pack("{s:I,s:I,s:I,s:I}", "created", (json_int_t)b->created[k],
                                 "updated", (json_int_t)b->updated[k], "first_id",
                                 (json_int_t)b->first_id[k], "last_id", (json_int_t)b->last_id[k]);
        int rc =
            store_audit(st, a->user, a->address, "import", resources[k]->name, 0, NULL, what, e);
        json_decref(what);
        if (rc != 0)
            return -1;
    }
    return store_bulk_end(st, e);
}

/* Stores obj as row `id` (creating when old is NULL) and does everything that follows a
 * write. Returns the presented new state or NULL. */
static json_t *write_row(struct store *st, const struct resource *r, long long id, json_t *obj,
                         json_t *old, const struct actor *a, struct err *e)
{
    const struct rules *rules = r->rules;
    if (check_write(st, r, obj, a, e) != 0)
        return NULL;
    if (rules && rules->check && rules->check(st, r, obj, old, e) != 0)
        return NULL;
    if (!old) {
        if (id > 0)
            json_object_set_new(obj, "id", json_integer(id));
        if (store_insert(st, r, obj, &id, e) != 0)
            return NULL;
    } else {
        /* Only what changed is written: less I/O, and the store's roll-up triggers fire
         * only for the columns that really moved. */
        json_t *diff = json_object();
        const char *key;
        json_t *v;
        json_object_foreach(obj, key, v)
        {
            if (!json_equal(v, json_object_get(old, key)))
                json_object_set(diff, key, v);
        }
        int rc = store_update(st, r, id, diff, e);
        json_decref(diff);
        if (rc != 0)
            return NULL;
    }
    json_object_set_new(obj, "id", json_integer(id));
    if (rules && rules->after_write && rules->after_write(st, r, obj, old, e) != 0)
        return NULL;
    if (a->bulk)
        return bulk_note(a->bulk, r, id, obj, !old);
    json_t *row = store_get(st, r, id, e);
    if (!row)
        return NULL;
    json_t *after = resource_present(st, r, row);
    json_t *before = old ? resource_present(st, r, old) : NULL;
    int rc = store_index(st, r, id, row, e);
    if (rc == 0)
        rc = store_audit(st, a->user, a->address, old ? "update" : "create", r->name, id, before,
                         after, e);
    json_decref(row);
    json_decref(before);
    if (rc != 0) {
        json_decref(after);
        return NULL;
    }
    return after;
}

json_t *resource_create(struct store *st, const struct resource *r, json_t *body, long long id,
                        const struct actor *a, struct err *e)
{
    json_t *obj = resource_decode_as(st, r, body, true, a->access, e);
    if (!obj)
        return NULL;
    json_t *out = write_row(st, r, id, obj, NULL, a, e);
    json_decref(obj);
    return out;
}

json_t *resource_update(struct store *st, const struct resource *r, long long id, json_t *body,
                        const struct actor *a, struct err *e)
{
    json_t *old = store_get(st, r, id, e);
    if (!old)
        return NULL;
    if (check_visible(st, r, old, id, a, e) != 0 || check_write(st, r, old, a, e) != 0) {
        json_decref(old);
        return NULL;
    }
    json_t *change = resource_decode_as(st, r, body, false, a->access, e);
    json_t *out = NULL;
    if (change) {
        /* The rules see the whole new state: the stored row with the change laid over it. */
        json_t *merged = json_deep_copy(old);
        json_object_update(merged, change);
        out = write_row(st, r, id, merged, old, a, e);
        json_decref(merged);
        json_decref(change);
    }
    json_decref(old);
    return out;
}

int resource_delete(struct store *st, const struct resource *r, long long id, const struct actor *a,
                    struct err *e)
{
    json_t *old = store_get(st, r, id, e);
    if (!old)
        return -1;
    int rc = check_visible(st, r, old, id, a, e);
    if (rc == 0)
        rc = check_write(st, r, old, a, e);
    if (rc == 0 && r->rules && r->rules->before_delete)
        rc = r->rules->before_delete(st, r, old, e);
    json_t *before = resource_present(st, r, old);
    /* The search entries of the row and of what it owned (ON DELETE CASCADE) go with them:
     * the store's delete triggers remove them (003_search.sql). */
    if (rc == 0)
        rc = store_delete(st, r, id, e);
    if (rc == 0)
        rc = store_audit(st, a->user, a->address, "delete", r->name, id, before, NULL, e);
    json_decref(before);
    json_decref(old);
    return rc;
}
