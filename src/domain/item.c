/*
 * Resolution item (nội dung): goal, indicator (chỉ tiêu), key task, breakthrough, solution,
 * in a tree under its resolution. Indicators carry their unit, direction, baseline, target
 * and the rule by which their values roll up across orgs. An item may be waived from
 * coverage with a reason (POST /items/{id}/waiver).
 */
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"

static const char *const item_kinds[] = {"goal",         "indicator", "key_task",
                                         "breakthrough", "solution",  NULL};
static const char *const item_directions[] = {"higher", "lower", "exact", NULL};
static const char *const item_rollups[] = {"sum", "mean",          "weighted_mean", "min",
                                           "max", "count_meeting", "none",          NULL};
static const char *const item_natures[] = {"flow", "stock", "rate", NULL};

static const struct field item_fields[] = {
    FIELD_ID,
    {"resolution_id", NULL, FT_REF, F_REQUIRED | F_IMMUTABLE, NULL, "resolutions", 0, 0, NULL, NULL,
     "resolution"},
    {"parent_id", NULL, FT_REF, 0, NULL, "items", 0, 0, NULL, NULL, "parent item"},
    {"kind", NULL, FT_ENUM, F_REQUIRED, item_kinds, NULL, 0, 0, NULL, NULL, "kind of content"},
    {"code", NULL, FT_TEXT, 0, NULL, NULL, 0, 50, NULL, NULL, "code as printed (II.2.a)"},
    {"text", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 5000, NULL, NULL, "text"},
    {"field", NULL, FT_TEXT, 0, NULL, NULL, 0, 200, NULL, NULL, "lĩnh vực"},
    {"sort_key", NULL, FT_INT, 0, NULL, NULL, 0, 0, NULL, NULL, "order among siblings"},
    {"unit", NULL, FT_TEXT, 0, NULL, NULL, 0, 50, NULL, NULL, "indicator unit (%, tỷ đồng)"},
    {"direction", NULL, FT_ENUM, 0, item_directions, NULL, 0, 0, NULL, NULL,
     "higher, lower or exact is better"},
    {"baseline", NULL, FT_REAL, 0, NULL, NULL, 0, 0, NULL, NULL, "baseline value"},
    {"baseline_year", NULL, FT_INT, 0, NULL, NULL, 1900, 2200, NULL, NULL, "baseline year"},
    {"target", NULL, FT_REAL, 0, NULL, NULL, 0, 0, NULL, NULL, "target for the term"},
    {"rollup", NULL, FT_ENUM, 0, item_rollups, NULL, 0, 0, NULL, NULL, "roll-up rule"},
    {"weight_item_id", NULL, FT_REF, 0, NULL, "items", 0, 0, NULL, NULL,
     "weight indicator for weighted_mean"},
    {"threshold", NULL, FT_REAL, 0, NULL, NULL, 0, 0, NULL, NULL, "threshold for count_meeting"},
    {"nature", NULL, FT_ENUM, 0, item_natures, NULL, 0, 0, NULL, NULL,
     "flow, stock or rate: how values add up across periods"},
    {"period_type", NULL, FT_TEXT, 0, NULL, NULL, 0, 20, NULL, NULL,
     "reporting cadence (year, half, quarter, month)"},
    {"reported_by_kinds", NULL, FT_TEXTS, 0, NULL, NULL, 0, 0, NULL, NULL,
     "org kinds expected to report"},
    {"waiver_reason", NULL, FT_TEXT, F_READONLY, NULL, NULL, 0, 2000, NULL, NULL,
     "why it is waived from coverage (POST /items/{id}/waiver)"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

/* The parent must belong to the same resolution and not be the item or below it. */
static int item_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                      struct err *e)
{
    long long parent = obj_int(obj, "parent_id");
    const char *rollup = obj_str(obj, "rollup");
    if (rollup && strcmp(rollup, "weighted_mean") == 0 && !obj_has(obj, "weight_item_id"))
        return err_set(e, E_INVALID_FIELD, "weight_item_id",
                       "Quy tắc bình quân gia quyền cần chỉ tiêu trọng số. / weighted_mean needs "
                       "weight_item_id.");
    if (rollup && strcmp(rollup, "count_meeting") == 0 && !obj_has(obj, "threshold"))
        return err_set(e, E_INVALID_FIELD, "threshold",
                       "Quy tắc đếm đơn vị đạt cần ngưỡng. / count_meeting needs threshold.");
    long long self = old ? obj_int(old, "id") : 0;
    for (int depth = 0; parent && depth < 64; depth++) {
        if (parent == self)
            return err_set(e, E_CONFLICT, "parent_id",
                           "Nội dung không thể nằm dưới chính nó. / An item cannot sit under "
                           "itself.");
        long long p[2]; /* resolution_id, parent_id */
        if (store_get_ints(st, &res_items, parent, "resolution_id, parent_id", p, 2, NULL) != 0)
            break;
        if (depth == 0 && p[0] != obj_int(obj, "resolution_id"))
            return err_set(e, E_CONFLICT, "parent_id",
                           "Nội dung cha phải thuộc cùng nghị quyết. / The parent item must "
                           "belong to the same resolution.");
        parent = p[1];
    }
    return 0;
}

static const struct rules item_rules = {.check = item_check};

static const char *const res_items_search[] = {"text", "code", NULL};

const struct resource res_items = {
    .search = res_items_search,
    .name = "items",
    .singular = "item",
    .label_vi = "nội dung nghị quyết",
    .fields = item_fields,
    .parent_field = "resolution_id",
    .parent_path = "resolutions",
    .sub_path = "items",
    .rules = &item_rules,
};
