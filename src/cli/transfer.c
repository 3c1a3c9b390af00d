/*
 * `trienkhai export` and `trienkhai import`: the whole database, or one org's subtree, as one
 * JSON document {"format":"trienkhai","version":1,"orgs":[…],…} whose lists are the API's
 * objects with their ids, in the order of resources[] (each list refers only to earlier ones,
 * except references import sets in a second pass). Import goes through resource_create, the
 * same validation and rules as the API, in one transaction: a bad object refuses the whole
 * file and names the object. The audit trail is not exported; import writes its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include <sodium.h>
#include "domain/file.h"
#include "domain/nouns.h"
#include "util/text.h"

enum { PAGE = 500 };

static bool in_set(json_t *set, const char *prefix, long long id)
{
    char key[128];
    snprintf(key, sizeof key, "%.64s%lld", prefix, id);
    return json_object_get(set, key) != NULL;
}

/* Is this object inside the exported subtree? Orgs by their id; the others when any org
 * they name is inside, or when their parent object was exported. */
static bool in_scope(const struct resource *r, json_t *obj, json_t *orgs, json_t *kept)
{
    if (!orgs)
        return true;
    if (r == &res_orgs)
        return in_set(orgs, "", obj_int(obj, "id"));
    for (const struct field *f = r->fields; f->name; f++) {
        if (!f->ref || strcmp(f->ref, "orgs") != 0)
            continue;
        json_t *v = json_object_get(obj, f->name);
        if (json_is_integer(v) && in_set(orgs, "", json_integer_value(v)))
            return true;
        size_t i;
        json_t *id;
        json_array_foreach(f->type == FT_REFS ? v : NULL, i, id)
        {
            if (in_set(orgs, "", json_integer_value(id)))
                return true;
        }
    }
    if (r->parent_field) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "%s:", resource_field(r, r->parent_field)->ref);
        return in_set(kept, prefix, obj_int(obj, r->parent_field));
    }
    return false;
}

/* ---- a subtree's export, whole ----
 * The rows of the subtree refer to rows outside it: a task led by a provincial body sits in
 * the province's program, a district's program implements the province's resolution, every org
 * has its parent. So that the document imports alone into an empty database, those rows come
 * too, and the rows they refer to, up to the root: the subtree's rows, then the context they
 * need and nothing else (another district's rows stay out). */

struct id_list {
    long long *ids;
    size_t n, cap;
};

struct closure {
    struct store *st;
    json_t *taken;           /* "resource:id" of every row the document holds */
    json_t *todo;            /* [resource name, id] referred to, not looked at yet */
    struct id_list rows[64]; /* by index in resources[] */
};

static void id_add(struct id_list *l, long long id)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        if (!(l->ids = realloc(l->ids, l->cap * sizeof *l->ids)))
            abort();
    }
    l->ids[l->n++] = id;
}

static int id_order(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* Marks row id of r as taken; false when it was already. */
static bool take(struct closure *c, const struct resource *r, long long id)
{
    char key[128];
    snprintf(key, sizeof key, "%.64s:%lld", r->name, id);
    if (json_object_get(c->taken, key))
        return false;
    json_object_set_new(c->taken, key, json_true());
    int k = resource_index(r);
    if (k >= 0 && k < 64)
        id_add(&c->rows[k], id);
    return true;
}

/* Puts row id of the resource named ref on the to-do list, unless it is taken already (most
 * are: a subtree's rows mostly refer to one another). */
static void want(struct closure *c, const char *ref, long long id)
{
    char key[128];
    snprintf(key, sizeof key, "%.64s:%lld", ref, id);
    if (!json_object_get(c->taken, key))
        json_array_append_new(c->todo, json_pack("[sI]", ref, (json_int_t)id));
}

/* Puts on the to-do list every row that obj's fields refer to, nested lists included. */
static void refer(struct closure *c, const struct field *fields, json_t *obj)
{
    for (const struct field *f = fields; f->name; f++) {
        json_t *v = json_object_get(obj, f->group ? field_column(f) : f->name);
        if (!v)
            v = json_object_get(obj, field_column(f));
        if (f->type == FT_OBJECTS && f->sub) {
            size_t i;
            json_t *el;
            json_array_foreach(v, i, el) refer(c, f->sub, el);
        } else if (f->ref && json_is_integer(v)) {
            want(c, f->ref, json_integer_value(v));
        } else if (f->ref && f->type == FT_REFS) {
            size_t i;
            json_t *id;
            json_array_foreach(v, i, id) want(c, f->ref, json_integer_value(id));
        }
    }
}

/* Takes every row referred to, and what those refer to, until nothing is left to look at. */
static void close_over(struct closure *c)
{
    while (json_array_size(c->todo) > 0) {
        json_t *next = json_incref(json_array_get(c->todo, json_array_size(c->todo) - 1));
        json_array_remove(c->todo, json_array_size(c->todo) - 1);
        const struct resource *r = resource_by_name(json_string_value(json_array_get(next, 0)));
        long long id = json_integer_value(json_array_get(next, 1));
        json_decref(next);
        if (!r || (r == &res_users) || !take(c, r, id))
            continue;
        json_t *row = store_get(c->st, r, id, NULL);
        if (row)
            refer(c, r->fields, row);
        json_decref(row);
    }
}

/* Files travel with their bytes, base64, so that an export is the whole database. */
static int file_export_data(struct store *st, json_t *obj)
{
    size_t len = 0;
    unsigned char *data = store_file_data(st, obj_str(obj, "sha256"), &len);
    if (!data)
        return -1;
    size_t size = sodium_base64_encoded_len(len, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = malloc(size);
    sodium_bin2base64(b64, size, data, len, sodium_base64_VARIANT_ORIGINAL);
    json_object_set_new(obj, "data_base64", json_string(b64));
    free(b64);
    free(data);
    return 0;
}

static int import_file(struct store *st, json_t *obj, struct err *e)
{
    const char *b64 = obj_str(obj, "data_base64");
    size_t cap = b64 ? strlen(b64) : 0, len = 0;
    unsigned char *data = malloc(cap + 1);
    char sha[65];
    int rc = -1;
    if (!b64 || sodium_base642bin(data, cap, b64, strlen(b64), NULL, &len, NULL,
                                  sodium_base64_VARIANT_ORIGINAL) != 0) {
        err_set(e, E_INVALID_FIELD, "data_base64",
                "tệp thiếu nội dung base64 / a file needs "
                "data_base64");
        goto out;
    }
    file_sha256_hex(data, len, sha);
    char *name = file_sanitise_name(obj_str(obj, "name"));
    const char *type = file_detect_type(data, len, name);
    json_t *row = json_pack("{s:I,s:s,s:s,s:s,s:I}", "id", (json_int_t)obj_int(obj, "id"), "sha256",
                            sha, "name", name, "type", type ? type : "", "size", (json_int_t)len);
    free(name);
    long long id;
    if (!type)
        err_set(e, E_INVALID_FIELD, "data_base64", "loại tệp không được nhận / file type refused");
    else if (store_file_put(st, sha, data, len, e) == 0)
        rc = store_insert(st, &res_files, row, &id, e);
    json_decref(row);
out:
    free(data);
    return rc;
}

int cmd_export(int argc, char **argv)
{
    static const char *const allowed[] = {"db", "org", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    struct store *st = cli_open_existing(opt_db(&o));
    if (!st)
        return 1;
    struct err e = {0};
    int rc = 1;
    json_t *scope = NULL;
    struct closure c = {.st = st, .taken = json_object(), .todo = json_array()};
    if (store_begin(st, false, &e) != 0)
        goto done;
    if (opt(&o, "org")) {
        long long org = atoll(opt(&o, "org"));
        json_t *ids = store_org_subtree(st, org, &e);
        if (!ids)
            goto done;
        scope = json_object();
        size_t i;
        json_t *id;
        json_array_foreach(ids, i, id)
        {
            char key[32];
            snprintf(key, sizeof key, "%lld", (long long)json_integer_value(id));
            json_object_set_new(scope, key, json_true());
        }
        json_decref(ids);
    }
    /* A subtree's rows and the rows they need are found first (close_over), then written in
     * the order of resources[] like the whole database's. */
    if (scope) {
        for (int k = 0; resources[k] && k < 64; k++) {
            const struct resource *r = resources[k];
            if (r == &res_users)
                continue; /* accounts belong to the installation, not to a subtree */
            long long after = 0;
            for (;;) {
                json_t *rows = store_list(st, r, NULL, 0, after, PAGE, &e);
                if (!rows)
                    goto done;
                size_t i;
                json_t *row;
                json_array_foreach(rows, i, row)
                {
                    after = obj_int(row, "id");
                    /* While the subtree is read, what is taken is what is in scope. */
                    if (!in_scope(r, row, scope, c.taken))
                        continue;
                    take(&c, r, after);
                    refer(&c, r->fields, row);
                }
                size_t n = json_array_size(rows);
                json_decref(rows);
                if (n < PAGE)
                    break;
            }
        }
        close_over(&c);
    }
    printf("{\"format\":\"trienkhai\",\"version\":1");
    for (int k = 0; resources[k]; k++) {
        const struct resource *r = resources[k];
        if (scope && r == &res_users)
            continue;
        printf(",\n\"%s\":[", r->name);
        long long after = 0;
        bool first = true;
        struct id_list *mine = scope && k < 64 ? &c.rows[k] : NULL;
        if (mine && mine->n > 1)
            qsort(mine->ids, mine->n, sizeof *mine->ids, id_order);
        size_t next = 0;
        for (;;) {
            json_t *rows;
            if (mine) { /* the rows taken, by id */
                rows = json_array();
                for (; next < mine->n && json_array_size(rows) < PAGE; next++) {
                    json_t *row = store_get(st, r, mine->ids[next], &e);
                    if (!row) {
                        json_decref(rows);
                        goto done;
                    }
                    json_array_append_new(rows, row);
                }
            } else if (!(rows = store_list(st, r, NULL, 0, after, PAGE, &e)))
                goto done;
            size_t i;
            json_t *row;
            json_array_foreach(rows, i, row)
            {
                after = obj_int(row, "id");
                json_t *obj = resource_present(st, r, row);
                json_object_del(obj, "overdue");
                if (r == &res_resolutions)
                    json_object_del(obj, "items");
                if (r == &res_terms)
                    json_object_del(json_object_get(obj, "congress"), "ordinal_roman");
                if (r == &res_users)
                    json_object_set(obj, "password_hash", json_object_get(row, "password_hash"));
                if (r == &res_files && file_export_data(st, obj) != 0) {
                    err_set(&e, E_INTERNAL, NULL,
                            "thiếu nội dung tệp %lld / file %lld has no bytes", after, after);
                    json_decref(obj);
                    json_decref(rows);
                    goto done;
                }
                char *text = json_dumps(obj, JSON_COMPACT);
                printf("%s\n%s", first ? "" : ",", text);
                first = false;
                free(text);
                json_decref(obj);
            }
            size_t n = json_array_size(rows);
            json_decref(rows);
            if (n < PAGE)
                break;
        }
        printf("]");
    }
    printf("}\n");
    if (fflush(stdout) != 0 || ferror(stdout)) {
        err_set(&e, E_INTERNAL, NULL, "không ghi được kết quả / cannot write the output");
        goto done;
    }
    rc = 0;
done:
    store_rollback(st);
    if (rc)
        fail("%s", e.message);
    for (int k = 0; k < 64; k++)
        free(c.rows[k].ids);
    json_decref(c.taken);
    json_decref(c.todo);
    json_decref(scope);
    store_close(st);
    return rc;
}

/* A reference that cannot be set while importing in order: to a resource that comes later
 * (a program's parent task), or to the same resource at an id not yet imported. */
static bool deferred(struct store *st, const struct resource *r, const struct field *f, json_t *v)
{
    if (f->type != FT_REF || !json_is_integer(v))
        return false;
    const struct resource *target = resource_by_name(f->ref);
    if (resource_index(target) > resource_index(r))
        return true;
    return target == r && !store_exists(st, r, json_integer_value(v));
}

static int import_user(struct store *st, json_t *obj, struct err *e)
{
    const char *hash = obj_str(obj, "password_hash");
    if (!hash || strncmp(hash, "$argon2id$", 10) != 0)
        return err_set(e, E_INVALID_FIELD, "password_hash",
                       "tài khoản %s thiếu băm mật khẩu argon2id / user %s lacks an argon2id hash",
                       obj_str(obj, "username"), obj_str(obj, "username"));
    /* Validate everything else through the resource, with a throwaway password. */
    json_t *body = json_deep_copy(obj);
    json_object_set_new(body, "password", json_string("imported-placeholder"));
    json_t *decoded = resource_decode(st, &res_users, body, true, e);
    json_decref(body);
    if (!decoded)
        return -1;
    json_object_del(decoded, "password");
    json_object_set_new(decoded, "password_hash", json_string(hash));
    json_object_set_new(decoded, "id", json_integer(obj_int(obj, "id")));
    long long id;
    int rc = store_insert(st, &res_users, decoded, &id, e);
    json_decref(decoded);
    return rc;
}

int cli_import_json(struct store *st, const char *text, size_t len, bool progress, struct err *e)
{
    json_error_t je;
    json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!doc)
        return err_set(e, E_INVALID_JSON, NULL,
                       "JSON không hợp lệ ở dòng %d: %s / malformed JSON "
                       "at line %d",
                       je.line, je.text, je.line);
    int rc = -1;
    json_t *later = json_array();
    struct bulk_load bulk = {0};
    struct actor a = {.user = "import", .bulk = &bulk};
    if (!json_is_object(doc) ||
        strcmp(obj_str(doc, "format") ? obj_str(doc, "format") : "", "trienkhai") != 0) {
        err_set(e, E_INVALID_FIELD, "format",
                "không phải tệp xuất của trienkhai (format) / not a "
                "trienkhai export");
        goto done;
    }
    if (obj_int(doc, "version") != 1) {
        err_set(e, E_INVALID_FIELD, "version",
                "phiên bản tệp không được hỗ trợ / unsupported "
                "version %lld",
                obj_int(doc, "version"));
        goto done;
    }
    if (store_bulk_begin(st, e) != 0)
        goto done;
    size_t total = 0, done_count = 0;
    for (int k = 0; resources[k]; k++)
        total += json_array_size(json_object_get(doc, resources[k]->name));
    for (int k = 0; resources[k]; k++) {
        const struct resource *r = resources[k];
        json_t *list = json_object_get(doc, r->name);
        if (list && !json_is_array(list)) {
            err_set(e, E_INVALID_FIELD, r->name, "%s phải là một danh sách / %s must be a list",
                    r->name, r->name);
            goto done;
        }
        size_t i;
        json_t *obj;
        json_array_foreach(list, i, obj)
        {
            long long id = obj_int(obj, "id");
            int step;
            if (!json_is_object(obj) || id <= 0) {
                err_set(e, E_INVALID_FIELD, "id", "%s[%zu] cần một id dương / needs a positive id",
                        r->name, i);
                goto done;
            }
            if (r == &res_users) {
                step = import_user(st, obj, e);
            } else if (r == &res_files) {
                step = import_file(st, obj, e);
            } else {
                json_t *body = json_deep_copy(obj), *fix = json_object();
                for (const struct field *f = r->fields; f->name; f++)
                    if (deferred(st, r, f, json_object_get(body, f->name))) {
                        json_object_set(fix, f->name, json_object_get(body, f->name));
                        json_object_del(body, f->name);
                    }
                json_t *made = resource_create(st, r, body, id, &a, e);
                step = made ? 0 : -1;
                json_decref(made);
                json_decref(body);
                if (json_object_size(fix))
                    json_array_append_new(later, json_pack("{s:s,s:I,s:o}", "r", r->name, "id",
                                                           (json_int_t)id, "fix", fix));
                else
                    json_decref(fix);
            }
            if (step != 0) {
                char where[200];
                snprintf(where, sizeof where, "%s[%zu] (id %lld): ", r->name, i, id);
                size_t wl = strlen(where);
                memmove(e->message + wl, e->message, sizeof e->message - wl - 1);
                memcpy(e->message, where, wl);
                e->message[sizeof e->message - 1] = 0;
                goto done;
            }
            if (progress && ++done_count % 200 == 0)
                fprintf(stderr, "\rđang nhập / importing %zu/%zu", done_count, total);
        }
    }
    size_t i;
    json_t *fix;
    json_array_foreach(later, i, fix)
    {
        const struct resource *r = resource_by_name(obj_str(fix, "r"));
        json_t *made =
            resource_update(st, r, obj_int(fix, "id"), json_object_get(fix, "fix"), &a, e);
        if (!made)
            goto done;
        json_decref(made);
    }
    /* Last, the state the API never takes as given: timestamps, waivers, and the tasks'
     * status and progress as they were (importing their updates has replayed them). */
    for (int k = 0; resources[k]; k++) {
        const struct resource *r = resources[k];
        json_t *obj;
        json_array_foreach(json_object_get(doc, r->name), i, obj)
        {
            json_t *keep = json_object();
            for (const struct field *f = r->fields; f->name; f++) {
                bool restore = f->type == FT_TIMESTAMP ||
                               ((f->flags & F_READONLY) && !(f->flags & (F_HIDDEN | F_NOSTORE)) &&
                                f->type != FT_ID) ||
                               (r == &res_tasks &&
                                (!strcmp(f->name, "status") || !strcmp(f->name, "progress")));
                json_t *v = f->group ? json_object_get(json_object_get(obj, f->group), f->name)
                                     : json_object_get(obj, f->name);
                if (restore && v)
                    json_object_set(keep, field_column(f), v);
            }
            int step = store_restore(st, r, obj_int(obj, "id"), keep, e);
            json_decref(keep);
            if (step != 0)
                goto done;
        }
    }
    if (resource_bulk_finish(st, &a, e) != 0)
        goto done;
    if (progress)
        fprintf(stderr, "\rđã nhập / imported %zu/%zu\n", total, total);
    rc = 0;
done:
    json_decref(later);
    json_decref(doc);
    return rc;
}

/* Reads all of stdin. */
static char *read_all(FILE *in, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, in)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

int cmd_import(int argc, char **argv)
{
    static const char *const allowed[] = {"db", "file", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    const char *path = opt_db(&o);
    struct err e = {0};
    struct store *st =
        access(path, F_OK) == 0 ? cli_open_existing(path) : store_open(path, true, &e);
    if (!st)
        return e.message[0] ? fail("%s", e.message) : 1;
    FILE *in = opt(&o, "file") ? fopen(opt(&o, "file"), "rb") : stdin;
    if (!in) {
        store_close(st);
        return fail("không mở được %s / cannot open %s", opt(&o, "file"), opt(&o, "file"));
    }
    size_t len;
    char *text = read_all(in, &len);
    if (in != stdin)
        fclose(in);
    int rc = 1;
    char *converted = NULL;
    if (!text_valid_utf8(text, len)) {
        /* Old documents arrive in TCVN3, VNI or Windows-1258: convert what we recognise. */
        enum text_encoding enc = text_detect_encoding(text, len);
        converted =
            enc == TEXT_UNKNOWN || enc == TEXT_UTF8 ? NULL : text_convert_legacy(text, len, enc);
        if (!converted) {
            fail("tệp không phải UTF-8 và không nhận ra bảng mã / the file is not UTF-8 and its "
                 "encoding is not recognised");
            goto out;
        }
        fprintf(stderr, "trienkhai: đã chuyển từ bảng mã %s sang UTF-8 / converted from %s\n",
                text_encoding_name(enc), text_encoding_name(enc));
    }
    if (store_begin(st, true, &e) == 0 &&
        cli_import_json(st, converted ? converted : text, converted ? strlen(converted) : len,
                        isatty(2), &e) == 0 &&
        store_commit(st, &e) == 0)
        rc = 0;
    else {
        store_rollback(st);
        fail("%s", e.message);
    }
out:
    free(converted);
    free(text);
    store_close(st);
    return rc;
}
