/*
 * The registry of resources and the generic, table-driven part of every noun: validation
 * of request bodies, list filters, and the stored ↔ API shapes. Nothing here knows a noun
 * by name; the nouns' own rules are their hooks (domain/<noun>.c).
 */
#include "domain/resource.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/access.h"
#include "domain/nouns.h"
#include "store/store.h"
#include "util/period.h"
#include "util/text.h"

const struct resource *const resources[] = {
    &res_orgs,           &res_people,       &res_terms,
    &res_seats,          &res_documents,    &res_files,
    &res_resolutions,    &res_items,        &res_programs,
    &res_tasks,          &res_task_updates, &res_indicator_values,
    &res_meetings,       &res_inspections,  &res_assignments,
    &res_disseminations, &res_users,        NULL,
};

enum { TEXT_DEFAULT_MAX = 10000, LIST_MAX = 1000 };

const struct resource *resource_by_name(const char *name)
{
    for (int i = 0; resources[i]; i++)
        if (strcmp(resources[i]->name, name) == 0)
            return resources[i];
    return NULL;
}

const struct resource *resource_by_path(const char *seg)
{
    for (int i = 0; resources[i]; i++) {
        const struct resource *r = resources[i];
        if (strcmp(r->item_path ? r->item_path : r->name, seg) == 0)
            return r;
    }
    return NULL;
}

const struct field *resource_field(const struct resource *r, const char *name)
{
    for (const struct field *f = r->fields; f->name; f++)
        if (strcmp(f->name, name) == 0 && !f->group)
            return f;
    return NULL;
}

/* Names of grouped fields ("congress_ordinal", "congress.ordinal") are made once per field
 * and kept: the field tables are static, so a small cache keyed by address is enough. */
static struct {
    const struct field *f;
    char column[96], path[96];
} names[64];
static int names_used;
static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;

static int field_names(const struct field *f)
{
    pthread_mutex_lock(&names_lock);
    int i;
    for (i = 0; i < names_used && names[i].f != f; i++)
        ;
    if (i == names_used) {
        if (names_used == (int)(sizeof names / sizeof names[0]))
            abort(); /* more grouped fields than the table holds: a programming error */
        names[i].f = f;
        snprintf(names[i].column, sizeof names[i].column, "%s_%s", f->group, f->name);
        snprintf(names[i].path, sizeof names[i].path, "%s.%s", f->group, f->name);
        names_used++;
    }
    pthread_mutex_unlock(&names_lock);
    return i;
}

const char *field_column(const struct field *f)
{
    return f->group ? names[field_names(f)].column : f->name;
}

const char *field_path(const struct field *f)
{
    return f->group ? names[field_names(f)].path : f->name;
}

json_t *field_get(json_t *obj, const struct field *f)
{
    return json_object_get(obj, field_column(f));
}

long long obj_int(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_integer(v))
        return json_integer_value(v);
    if (json_is_real(v))
        return (long long)json_real_value(v);
    return 0;
}

const char *obj_str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

bool obj_has(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return v && !json_is_null(v);
}

static const char *type_name_vi(enum field_type t)
{
    switch (t) {
    case FT_INT:
    case FT_REF:
        return "một số nguyên / an integer";
    case FT_REAL:
        return "một số / a number";
    case FT_BOOL:
        return "true hoặc false / a boolean";
    case FT_REFS:
        return "một danh sách mã số / a list of ids";
    case FT_TEXTS:
        return "một danh sách chuỗi / a list of strings";
    case FT_OBJECTS:
        return "một danh sách đối tượng / a list of objects";
    default:
        return "một chuỗi / a string";
    }
}

/* Validates one value v of field f (not null, present) into *out. `name` is the field's
 * name for messages ("agenda[0].title"). */
static int decode_value(struct store *st, const struct field *f, const char *name, json_t *v,
                        json_t **out, struct err *e);

/* The access of the decode in progress; decode_value is recursive and this keeps its many
 * call sites unchanged. Each thread decodes one body at a time. */
static __thread const struct access *decode_access;

static int decode_objects(struct store *st, const struct field *f, const char *name, json_t *v,
                          json_t **out, struct err *e)
{
    size_t max = f->max > 0 ? (size_t)f->max : LIST_MAX;
    if (json_array_size(v) > max)
        return err_set(e, E_INVALID_FIELD, name, "%s: tối đa %zu phần tử. / At most %zu elements.",
                       name, max, max);
    json_t *list = json_array();
    size_t i;
    json_t *el;
    json_array_foreach(v, i, el)
    {
        char elname[160];
        snprintf(elname, sizeof elname, "%s[%zu]", name, i);
        if (!json_is_object(el)) {
            json_decref(list);
            return err_set(e, E_INVALID_FIELD, elname,
                           "%s phải là một đối tượng JSON. / %s must be an object.", elname,
                           elname);
        }
        json_t *o = json_object();
        for (const struct field *s = f->sub; s->name; s++) {
            char sname[200];
            snprintf(sname, sizeof sname, "%s.%s", elname, s->name);
            json_t *sv = json_object_get(el, s->name), *dv = NULL;
            if (!sv || json_is_null(sv)) {
                if (s->flags & F_REQUIRED) {
                    json_decref(o);
                    json_decref(list);
                    return err_set(e, E_INVALID_FIELD, sname,
                                   "Thiếu trường bắt buộc %s. / %s is required.", sname, sname);
                }
                continue;
            }
            if (decode_value(st, s, sname, sv, &dv, e) != 0) {
                json_decref(o);
                json_decref(list);
                return -1;
            }
            json_object_set_new(o, s->name, dv);
        }
        json_array_append_new(list, o);
    }
    *out = list;
    return 0;
}

static int ref_exists(struct store *st, const struct field *f, const char *name, json_int_t id,
                      struct err *e)
{
    const struct resource *target = resource_by_name(f->ref);
    bool visible = target && id > 0 && store_exists(st, target, id);
    if (visible && decode_access) {
        json_t *obj = store_get(st, target, id, NULL);
        visible = obj && access_can_read(st, decode_access, target, obj);
        json_decref(obj);
    }
    if (!visible)
        return err_set(e, E_INVALID_FIELD, name,
                       "%s: không có %s nào mang mã %lld. / No %s with id %lld.", name,
                       target ? target->label_vi : f->ref, (long long)id,
                       target ? target->singular : f->ref, (long long)id);
    return 0;
}

static int decode_value(struct store *st, const struct field *f, const char *name, json_t *v,
                        json_t **out, struct err *e)
{
    bool range = f->min < f->max;
    switch (f->type) {
    case FT_INT:
    case FT_REF:
        if (!json_is_integer(v))
            break;
        if (range && (json_integer_value(v) < f->min || json_integer_value(v) > f->max))
            return err_set(e, E_INVALID_FIELD, name,
                           "%s phải nằm trong khoảng %.0f–%.0f. / %s must be between %.0f and "
                           "%.0f.",
                           name, f->min, f->max, name, f->min, f->max);
        if (f->type == FT_REF && ref_exists(st, f, name, json_integer_value(v), e) != 0)
            return -1;
        *out = json_incref(v);
        return 0;
    case FT_REAL:
        if (!json_is_number(v))
            break;
        if (range && (json_number_value(v) < f->min || json_number_value(v) > f->max))
            return err_set(e, E_INVALID_FIELD, name,
                           "%s phải nằm trong khoảng %g–%g. / %s must be between %g and %g.", name,
                           f->min, f->max, name, f->min, f->max);
        *out = json_real(json_number_value(v));
        return 0;
    case FT_BOOL:
        if (!json_is_boolean(v))
            break;
        *out = json_incref(v);
        return 0;
    case FT_TEXT:
    case FT_ENUM:
    case FT_DATE:
    case FT_PERIOD: {
        if (!json_is_string(v))
            break;
        const char *s = json_string_value(v);
        struct text_scan scan; /* a NUL inside the string's length is refused here too */
        if (!text_scan(s, json_string_length(v), &scan))
            return err_set(e, E_INVALID_FIELD, name,
                           "%s chứa ký tự không hợp lệ. / %s holds invalid characters.", name,
                           name);
        if (f->type == FT_ENUM) {
            for (const char *const *p = f->values; *p; p++)
                if (strcmp(*p, s) == 0) {
                    *out = json_incref(v);
                    return 0;
                }
            char allowed[400] = "";
            for (const char *const *p = f->values; *p; p++)
                snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s%s",
                         p == f->values ? "" : ", ", *p);
            return err_set(e, E_INVALID_FIELD, name,
                           "%s phải là một trong: %s. / %s must be one of: %s.", name, allowed,
                           name, allowed);
        }
        if (f->type == FT_DATE) {
            int day;
            if (date_parse(s, &day) != 0)
                return err_set(e, E_INVALID_FIELD, name,
                               "%s phải là một ngày dạng YYYY-MM-DD. / %s must be a date "
                               "YYYY-MM-DD.",
                               name, name);
            *out = json_incref(v);
            return 0;
        }
        if (f->type == FT_PERIOD) {
            struct period p;
            char code[32];
            if (period_parse(s, &p) != 0 && period_parse_label(s, &p) != 0)
                return err_set(e, E_INVALID_FIELD, name,
                               "%s phải là một kỳ: 2021, 2021-Q2, 2021-H1, 2021-06 hoặc term. / "
                               "%s must be a period code.",
                               name, name);
            *out = json_string(period_code(&p, code, sizeof code));
            return 0;
        }
        /* Text already in NFC (nearly all of it: the quick set) is kept as it came; the rest
         * is stored composed. */
        bool kept = scan.quick;
        char *nfc = kept ? NULL : text_nfc(s);
        if (!kept && !nfc)
            return err_set(e, E_INVALID_FIELD, name,
                           "%s không phải UTF-8 hợp lệ. / %s is not "
                           "valid UTF-8.",
                           name, name);
        const char *t = kept ? s : nfc;
        size_t max = f->max > 0 ? (size_t)f->max : TEXT_DEFAULT_MAX;
        if (!kept) /* the composed text's own length; composing keeps it valid */
            (void)text_scan(t, strlen(t), &scan);
        size_t len = scan.length;
        bool blank = scan.blank;
        if (len > max || ((f->flags & F_REQUIRED) && blank)) {
            free(nfc);
            if (blank)
                return err_set(e, E_INVALID_FIELD, name,
                               "%s không được để trống. / %s must not "
                               "be empty.",
                               name, name);
            return err_set(e, E_INVALID_FIELD, name,
                           "%s dài %zu ký tự, tối đa %zu. / %s is %zu characters long, at most "
                           "%zu.",
                           name, len, max, name, len, max);
        }
        *out = kept ? json_incref(v) : json_string(nfc);
        free(nfc);
        return 0;
    }
    case FT_REFS:
    case FT_TEXTS: {
        if (!json_is_array(v))
            break;
        if (json_array_size(v) > LIST_MAX)
            return err_set(e, E_INVALID_FIELD, name,
                           "%s: tối đa %d phần tử. / At most %d "
                           "elements.",
                           name, LIST_MAX, LIST_MAX);
        struct field elf = *f;
        elf.type = f->type == FT_REFS ? FT_REF : FT_TEXT;
        elf.flags = F_REQUIRED;
        json_t *list = json_array();
        size_t i;
        json_t *el;
        json_array_foreach(v, i, el)
        {
            char elname[160];
            snprintf(elname, sizeof elname, "%s[%zu]", name, i);
            json_t *d = NULL;
            if (decode_value(st, &elf, elname, el, &d, e) != 0) {
                json_decref(list);
                return -1;
            }
            /* A list of ids is a set: the same org named twice is named once. */
            bool dup = false;
            size_t j;
            json_t *seen;
            json_array_foreach(list, j, seen) dup = dup || json_equal(seen, d);
            if (dup)
                json_decref(d);
            else
                json_array_append_new(list, d);
        }
        *out = list;
        return 0;
    }
    case FT_OBJECTS:
        if (!json_is_array(v))
            break;
        return decode_objects(st, f, name, v, out, e);
    case FT_ID:
    case FT_TIMESTAMP:
        return 0;
    }
    return err_set(e, E_INVALID_FIELD, name, "%s phải là %s. / %s has the wrong type.", name,
                   type_name_vi(f->type), name);
}

json_t *resource_decode_as(struct store *st, const struct resource *r, json_t *body, bool creating,
                           const struct access *access, struct err *e)
{
    decode_access = access;
    json_t *out = resource_decode(st, r, body, creating, e);
    decode_access = NULL;
    return out;
}

json_t *resource_decode(struct store *st, const struct resource *r, json_t *body, bool creating,
                        struct err *e)
{
    if (!json_is_object(body)) {
        err_set(e, E_INVALID_FIELD, NULL,
                "Nội dung yêu cầu phải là một đối tượng JSON. / The body must be a JSON object.");
        return NULL;
    }
    json_t *out = json_object(); /* keyed by our own column names: no UTF-8 check (_nocheck) */
    for (const struct field *f = r->fields; f->name; f++) {
        if (f->flags & (F_READONLY | F_NOSTORE) || f->type == FT_ID || f->type == FT_TIMESTAMP)
            continue;
        if (!creating && (f->flags & F_IMMUTABLE))
            continue;
        const char *name = field_path(f);
        json_t *v;
        if (f->group) {
            json_t *g = json_object_get(body, f->group);
            if (g && !json_is_object(g) && !json_is_null(g)) {
                err_set(e, E_INVALID_FIELD, f->group,
                        "%s phải là một đối tượng JSON. / %s must "
                        "be an object.",
                        f->group, f->group);
                goto fail;
            }
            v = json_object_get(g, f->name);
        } else {
            v = json_object_get(body, f->name);
        }
        if (!v) {
            if (creating && f->def)
                json_object_set_new_nocheck(out, field_column(f),
                                            json_loads(f->def, JSON_DECODE_ANY, NULL));
            else if (creating && (f->flags & F_REQUIRED)) {
                err_set(e, E_INVALID_FIELD, name, "Thiếu trường bắt buộc %s. / %s is required.",
                        name, name);
                goto fail;
            }
            continue;
        }
        if (json_is_null(v)) {
            if (f->flags & F_REQUIRED) {
                err_set(e, E_INVALID_FIELD, name,
                        "%s không được để trống. / %s must not be "
                        "null.",
                        name, name);
                goto fail;
            }
            json_object_set_new_nocheck(
                out, field_column(f),
                f->type == FT_REFS || f->type == FT_TEXTS || f->type == FT_OBJECTS ? json_array()
                                                                                   : json_null());
            continue;
        }
        json_t *d = NULL;
        if (decode_value(st, f, name, v, &d, e) != 0)
            goto fail;
        if (d)
            json_object_set_new_nocheck(out, field_column(f), d);
    }
    return out;
fail:
    json_decref(out);
    return NULL;
}

json_t *resource_present(struct store *st, const struct resource *r, json_t *stored)
{
    json_t *out = json_object();
    for (const struct field *f = r->fields; f->name; f++) {
        if (f->flags & (F_WRITEONLY | F_NOSTORE))
            continue;
        json_t *v = field_get(stored, f);
        if (!v)
            v = json_null();
        else
            json_incref(v);
        if (f->group) {
            json_t *g = json_object_get(out, f->group);
            if (!g) {
                g = json_object();
                json_object_set_new(out, f->group, g);
            }
            json_object_set_new(g, f->name, v);
        } else {
            json_object_set_new(out, f->name, v);
        }
    }
    if (r->rules && r->rules->present)
        r->rules->present(st, r, out);
    for (const struct field *f = r->fields; f->name; f++)
        if (f->flags & F_HIDDEN)
            json_object_del(out, f->name);
    return out;
}

/* "coordinating_org_ids" → "coordinating_org_id": the filter name of a list field. */
static bool is_singular_of(const char *name, const char *list)
{
    size_t n = strlen(name);
    return strlen(list) == n + 1 && list[n] == 's' && strncmp(name, list, n) == 0;
}

json_t *resource_filter_value(const struct resource *r, const char *name, const char *text,
                              const struct field **out_field, struct err *e)
{
    const struct field *f = NULL;
    for (const struct field *c = r->fields; c->name && !f; c++) {
        if (c->flags & (F_HIDDEN | F_WRITEONLY | F_NOSTORE))
            continue;
        if (c->type == FT_OBJECTS || c->type == FT_TEXTS)
            continue;
        if (c->type == FT_REFS ? (is_singular_of(name, c->name) || !strcmp(name, c->name))
                               : !strcmp(name, field_path(c)))
            f = c;
    }
    if (!f) {
        err_set(e, E_INVALID_FIELD, name, "Không có bộ lọc %s cho %s. / Unknown filter %s.", name,
                r->label_vi, name);
        return NULL;
    }
    *out_field = f;
    char *end;
    /* "null" asks for rows where a scalar field is absent: ?parent_id=null gives the roots. */
    if (!strcmp(text, "null") && f->type != FT_REFS && f->type != FT_ID)
        return json_null();
    switch (f->type) {
    case FT_ID:
    case FT_INT:
    case FT_REF:
    case FT_REFS: {
        errno = 0;
        long long v = strtoll(text, &end, 10);
        if (errno || end == text || *end)
            break;
        return json_integer(v);
    }
    case FT_REAL: {
        double v = strtod(text, &end);
        if (end == text || *end)
            break;
        return json_real(v);
    }
    case FT_BOOL:
        if (!strcmp(text, "true") || !strcmp(text, "1"))
            return json_true();
        if (!strcmp(text, "false") || !strcmp(text, "0"))
            return json_false();
        break;
    default: {
        char *nfc = text_nfc(text);
        if (!nfc)
            break;
        json_t *v = json_string(nfc);
        free(nfc);
        if (f->type == FT_ENUM || f->type == FT_DATE || f->type == FT_PERIOD) {
            json_t *d = NULL;
            struct err fe = {0};
            if (decode_value(NULL, f, name, v, &d, &fe) != 0) {
                json_decref(v);
                *e = fe;
                return NULL;
            }
            json_decref(v);
            return d;
        }
        return v;
    }
    }
    err_set(e, E_INVALID_FIELD, name,
            "Giá trị lọc %s không hợp lệ: %s phải là %s. / Invalid "
            "value for filter %s.",
            name, name, type_name_vi(f->type), name);
    return NULL;
}
