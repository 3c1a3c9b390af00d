/*
 * Access rules on org subtrees (domain/access.h). The orgs an object names are found from
 * its field table — every reference to orgs — and through the object it belongs to (its
 * parent field) or the one it implements (`scope_via` below), so a new noun needs no code
 * here unless it reaches its orgs some other way.
 */
#include "domain/access.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"

enum role role_parse(const char *name)
{
    static const char *const names[] = {"viewer", "reporter", "editor", "admin"};
    for (int i = 0; i < 4; i++)
        if (name && !strcmp(name, names[i]))
            return (enum role)i;
    return ROLE_NONE;
}

void access_everything(struct access *a)
{
    a->n = 1;
    a->grants[0].role = ROLE_ADMIN;
    a->grants[0].root_path[0] = 0;
}

static void add_grant(struct store *st, struct access *a, const char *role, long long org)
{
    if (a->n == ACCESS_GRANTS || role_parse(role) == ROLE_NONE)
        return;
    struct grant *g = &a->grants[a->n];
    g->role = role_parse(role);
    g->root_path[0] = 0;
    if (org) {
        char *path = store_org_path(st, org);
        if (!path)
            return; /* the org is gone: the grant reaches nothing */
        snprintf(g->root_path, sizeof g->root_path, "%s", path);
        free(path);
    }
    a->n++;
}

void access_of_user(struct store *st, json_t *user, struct access *a)
{
    a->n = 0;
    add_grant(st, a, obj_str(user, "role"), obj_int(user, "org_id"));
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(user, "grants"), i, g)
        add_grant(st, a, obj_str(g, "role"), obj_int(g, "org_id"));
}

bool access_is_everything(const struct access *a)
{
    for (int i = 0; i < a->n; i++)
        if (!a->grants[i].root_path[0])
            return true;
    return false;
}

enum role access_max_role(const struct access *a)
{
    enum role best = ROLE_NONE;
    for (int i = 0; i < a->n; i++)
        if (a->grants[i].role > best)
            best = a->grants[i].role;
    return best;
}

static bool path_within(const struct grant *g, const char *path)
{
    return !g->root_path[0] || (path && strncmp(path, g->root_path, strlen(g->root_path)) == 0);
}

static bool grant_org_within(struct store *st, const struct grant *g, long long org_id)
{
    if (!g->root_path[0])
        return true;
    char *path = store_org_path(st, org_id);
    bool ok = path_within(g, path);
    free(path);
    return ok;
}

bool access_org_within(struct store *st, const struct access *a, long long org_id)
{
    for (int i = 0; i < a->n; i++)
        if (grant_org_within(st, &a->grants[i], org_id))
            return true;
    return false;
}

/* Is org an ancestor of the grant's root (its terms and resolutions are readable)? */
static bool org_above(struct store *st, const struct grant *g, long long org_id)
{
    char *path = store_org_path(st, org_id);
    bool above = path && strncmp(g->root_path, path, strlen(path)) == 0;
    free(path);
    return above;
}

/* The reference through which an object reaches its orgs when it names none itself. */
static const char *scope_via(const struct resource *r)
{
    if (r->parent_field)
        return r->parent_field;
    if (r == &res_resolutions || r == &res_assignments)
        return "term_id";
    return NULL;
}

enum reach { REACH_NONE, REACH_ABOVE, REACH_WITHIN };

/* How far the holder reaches this object: within the subtree, only from below (an
 * ancestor's term, resolution or item), or not at all. depth bounds the walk. */
static enum reach reach_of(struct store *st, const struct grant *a, const struct resource *r,
                           json_t *obj, int depth)
{
    if (!a->root_path[0])
        return REACH_WITHIN;
    enum reach best = REACH_NONE;
    bool readable_from_below =
        r == &res_terms || r == &res_resolutions || r == &res_items || r == &res_seats;
    for (const struct field *f = r->fields; f->name && best != REACH_WITHIN; f++) {
        bool to_orgs = f->ref && !strcmp(f->ref, "orgs");
        if (r == &res_orgs && f->type == FT_ID)
            to_orgs = true;
        if (!to_orgs || (r == &res_orgs && f->type != FT_ID))
            continue;
        json_t *v = json_object_get(obj, field_column(f));
        json_t *one = json_is_integer(v) ? v : NULL;
        size_t n = one ? 1 : json_array_size(v);
        for (size_t i = 0; i < n && best != REACH_WITHIN; i++) {
            long long org = json_integer_value(one ? one : json_array_get(v, i));
            if (grant_org_within(st, a, org))
                best = REACH_WITHIN;
            else if (readable_from_below && org_above(st, a, org))
                best = REACH_ABOVE;
        }
    }
    const char *via = scope_via(r);
    if (best != REACH_WITHIN && via && depth < 6) {
        const struct resource *up = resource_by_name(resource_field(r, via)->ref);
        json_t *parent = store_get(st, up, obj_int(obj, via), NULL);
        if (parent) {
            enum reach p = reach_of(st, a, up, parent, depth + 1);
            /* Being readable from below passes only to what is itself of that kind (an
             * item of an ancestor's resolution), never to what others report under it (a
             * value of that item reported by another org). */
            if (p == REACH_ABOVE && !readable_from_below)
                p = REACH_NONE;
            if (p > best)
                best = p;
            json_decref(parent);
        }
    }
    return best;
}

/* A file names no org: it is readable through the task updates it is attached to, and by
 * any signed-in user while it is attached to none (just uploaded, about to be attached). */
static bool file_readable(struct store *st, const struct access *a, json_t *file)
{
    json_t *users = store_file_users(st, obj_int(file, "id"));
    bool ok = json_array_size(users) == 0;
    for (size_t i = 0; !ok && i < json_array_size(users); i++) {
        json_t *update =
            store_get(st, &res_task_updates, json_integer_value(json_array_get(users, i)), NULL);
        ok = update && access_can_read(st, a, &res_task_updates, update);
        json_decref(update);
    }
    json_decref(users);
    return ok;
}

bool access_can_read(struct store *st, const struct access *a, const struct resource *r,
                     json_t *obj)
{
    if (r == &res_files)
        return a->n > 0 && (access_is_everything(a) || file_readable(st, a, obj));
    for (int i = 0; i < a->n; i++)
        if (reach_of(st, &a->grants[i], r, obj, 0) != REACH_NONE)
            return true;
    return false;
}

/* An org is written from inside: a new one needs its parent within the subtree; an
 * existing one must be within, and may only move to a parent within (its own root keeps
 * the parent it has). */
static bool org_writable(struct store *st, const struct grant *g, json_t *obj)
{
    long long id = obj_int(obj, "id"), parent = obj_int(obj, "parent_id");
    if (!g->root_path[0])
        return true;
    if (!id)
        return parent && grant_org_within(st, g, parent);
    if (!grant_org_within(st, g, id))
        return false;
    if (parent && grant_org_within(st, g, parent))
        return true;
    json_t *stored = store_get(st, &res_orgs, id, NULL);
    bool same_parent = stored && obj_int(stored, "parent_id") == parent;
    json_decref(stored);
    return same_parent;
}

static bool grant_can_write(struct store *st, const struct grant *g, const struct resource *r,
                            json_t *obj)
{
    if (g->role < ROLE_EDITOR || (r == &res_users && g->role < ROLE_ADMIN))
        return false;
    if (r == &res_orgs)
        return org_writable(st, g, obj);
    if (r == &res_users && g->root_path[0]) {
        /* An admin of a subtree makes accounts of that subtree only: no role it gives may
         * reach further than its own. */
        if (!obj_int(obj, "org_id"))
            return false;
        size_t i;
        json_t *extra;
        json_array_foreach(json_object_get(obj, "grants"), i, extra)
        {
            if (!grant_org_within(st, g, obj_int(extra, "org_id")))
                return false;
        }
    }
    return reach_of(st, g, r, obj, 0) == REACH_WITHIN;
}

bool access_can_write(struct store *st, const struct access *a, const struct resource *r,
                      json_t *obj)
{
    for (int i = 0; i < a->n; i++)
        if (grant_can_write(st, &a->grants[i], r, obj))
            return true;
    return false;
}

/* A reporter's grant: a task its orgs lead or coordinate, an indicator value of its orgs. */
static bool grant_can_report(struct store *st, const struct grant *g, const struct resource *r,
                             json_t *obj)
{
    if (g->role >= ROLE_EDITOR)
        return grant_can_write(st, g, r, obj);
    if (g->role != ROLE_REPORTER)
        return false;
    if (r == &res_indicator_values)
        return grant_org_within(st, g, obj_int(obj, "org_id"));
    if (r != &res_task_updates)
        return false;
    json_t *task = store_get(st, &res_tasks, obj_int(obj, "task_id"), NULL);
    bool ok = task && grant_org_within(st, g, obj_int(task, "lead_org_id"));
    json_t *coord = task ? json_object_get(task, "coordinating_org_ids") : NULL;
    for (size_t i = 0; !ok && i < json_array_size(coord); i++)
        ok = grant_org_within(st, g, json_integer_value(json_array_get(coord, i)));
    json_decref(task);
    return ok;
}

bool access_can_report(struct store *st, const struct access *a, const struct resource *r,
                       json_t *obj)
{
    for (int i = 0; i < a->n; i++)
        if (grant_can_report(st, &a->grants[i], r, obj))
            return true;
    return false;
}
