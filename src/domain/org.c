/*
 * Org (tổ chức, đơn vị): a node of the one tree of organisations. The tree never has a
 * cycle; a change of parent is a move, kept in org_moves with who and when, and the stored
 * materialized path of the whole subtree follows it (store_org_move). Org kind does not
 * constrain nesting (API.md): a chi bộ cơ sở may sit straight under a district committee.
 */
#include <stdlib.h>
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"

const char *const org_kinds[] = {"central", "province", "district", "grassroots",
                                 "cell",    "body",     NULL};

static const struct field org_fields[] = {
    FIELD_ID,
    {"parent_id", NULL, FT_REF, 0, NULL, "orgs", 0, 0, NULL, NULL, "parent org; null for a root"},
    {"name", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 300, NULL, NULL,
     "full Vietnamese name (Đảng bộ thành phố Móng Cái)"},
    {"kind", NULL, FT_ENUM, F_REQUIRED, org_kinds, NULL, 0, 0, NULL, NULL, "level of the org"},
    {"code", NULL, FT_TEXT, 0, NULL, NULL, 0, 50, NULL, NULL, "short code"},
    {"short_name", NULL, FT_TEXT, 0, NULL, NULL, 0, 150, NULL, NULL, "Thành ủy Móng Cái"},
    {"sort_key", NULL, FT_INT, 0, NULL, NULL, 0, 0, NULL, NULL, "order among siblings"},
    {"issuer_code", NULL, FT_TEXT, 0, NULL, NULL, 0, 30, NULL, NULL,
     "issuer code in document symbols (TU, HU, ĐU)"},
    {"place_name", NULL, FT_TEXT, 0, NULL, NULL, 0, 100, NULL, NULL,
     "place name on its documents (Hạ Long)"},
    {"ended_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL,
     "date the org ceased to exist (it stays traceable)"},
    {"path", NULL, FT_TEXT, F_READONLY | F_HIDDEN, NULL, NULL, 0, 0, NULL, NULL, NULL},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

/* A new parent must not be the org itself nor one of its descendants. */
static int org_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                     struct err *e)
{
    long long parent = obj_int(obj, "parent_id");
    if (!old || !parent)
        return 0;
    long long self = obj_int(old, "id");
    char *ppath = store_org_path(st, parent);
    const char *spath = obj_str(old, "path");
    int rc = 0;
    if (ppath && spath && strncmp(ppath, spath, strlen(spath)) == 0)
        rc = err_set(e, E_CONFLICT, "parent_id",
                     "Không thể chuyển tổ chức %lld vào chính nó hoặc một tổ chức cấp dưới của "
                     "nó (tạo vòng lặp). / Org %lld cannot move under itself or its own "
                     "descendant.",
                     self, self);
    free(ppath);
    return rc;
}

static int org_after_write(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                           struct err *e)
{
    long long id = obj_int(obj, "id");
    long long parent = obj_int(obj, "parent_id");
    long long old_parent = old ? obj_int(old, "parent_id") : -1;
    if (old && parent == old_parent)
        return 0;
    return store_org_move(st, id, old ? old_parent : -1, parent, e);
}

static const struct rules org_rules = {.check = org_check, .after_write = org_after_write};

static const char *const res_orgs_search[] = {"name", "short_name", "code", NULL};

const struct resource res_orgs = {
    .search = res_orgs_search,
    .name = "orgs",
    .singular = "org",
    .label_vi = "tổ chức",
    .fields = org_fields,
    .rules = &org_rules,
};

int rule_dates_ordered(json_t *obj, const char *from, const char *to, const char *field,
                       struct err *e)
{
    const char *a = obj_str(obj, from), *b = obj_str(obj, to);
    if (a && b && strcmp(b, a) < 0) /* ISO dates compare as text */
        return err_set(e, E_INVALID_FIELD, field,
                       "%s (%s) không được sớm hơn ngày bắt đầu (%s). / %s must not be before %s.",
                       field, b, a, field, a);
    return 0;
}

int rule_org_within(struct store *st, long long root_id, long long org_id, const char *field,
                    struct err *e)
{
    char *root = store_org_path(st, root_id);
    char *node = store_org_path(st, org_id);
    int ok = root && node && strncmp(node, root, strlen(root)) == 0;
    free(root);
    free(node);
    if (ok)
        return 0;
    return err_set(e, E_CONFLICT, field,
                   "Tổ chức %lld không thuộc phạm vi của tổ chức %lld. / Org %lld is not within "
                   "the subtree of org %lld.",
                   org_id, root_id, org_id, root_id);
}
