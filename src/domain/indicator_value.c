/*
 * Indicator value: indicator × org × period → value. A correction is a new value for the
 * same org and period: the latest counts and the earlier ones stay as history.
 */
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"

static const char *const value_statuses[] = {"draft", "submitted", "approved", NULL};

static const struct field indicator_value_fields[] = {
    FIELD_ID,
    {"item_id", NULL, FT_REF, F_REQUIRED | F_IMMUTABLE, NULL, "items", 0, 0, NULL, NULL,
     "the indicator"},
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "reporting org"},
    {"period", NULL, FT_PERIOD, F_REQUIRED, NULL, NULL, 0, 0, NULL, NULL, "period (2021-Q2)"},
    {"value", NULL, FT_REAL, F_REQUIRED, NULL, NULL, 0, 0, NULL, NULL, "value"},
    {"status", NULL, FT_ENUM, 0, value_statuses, NULL, 0, 0, NULL, "\"draft\"", "status"},
    {"note", NULL, FT_TEXT, 0, NULL, NULL, 0, 2000, NULL, NULL, "source note"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static int indicator_value_check(struct store *st, const struct resource *r, json_t *obj,
                                 json_t *old, struct err *e)
{
    long long item = obj_int(obj, "item_id"), indicator;
    if (store_get_ints(st, &res_items, item, "kind = 'indicator'", &indicator, 1, e) != 0)
        return -1;
    if (!indicator)
        return err_set(e, E_CONFLICT, NULL,
                       "Nội dung %lld không phải là chỉ tiêu. / Item %lld is not an indicator.",
                       item, item);
    return 0;
}

static const struct rules indicator_value_rules = {.check = indicator_value_check};

const struct resource res_indicator_values = {
    .name = "indicator_values",
    .singular = "indicator_value",
    .label_vi = "giá trị chỉ tiêu",
    .fields = indicator_value_fields,
    .parent_field = "item_id",
    .parent_path = "indicators",
    .sub_path = "values",
    .item_path = "indicator-values",
    .rules = &indicator_value_rules,
};
