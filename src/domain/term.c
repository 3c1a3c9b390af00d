/*
 * Term (nhiệm kỳ) of an org and the congress (đại hội) that opened it. The congress ordinal
 * is stored once as a number and rendered everywhere as a Roman numeral ("lần thứ XXIV"):
 * the source report prints one congress as both XXIV and XXI, which storing it once avoids.
 */
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"
#include "util/vi_format.h"

static const char *const congress_statuses[] = {"planned", "held", NULL};

static const struct field term_fields[] = {
    FIELD_ID,
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "org of the term"},
    {"starts_year", NULL, FT_INT, F_REQUIRED, NULL, NULL, 1900, 2200, NULL, NULL, "2020"},
    {"ends_year", NULL, FT_INT, F_REQUIRED, NULL, NULL, 1900, 2200, NULL, NULL, "2025"},
    {"ordinal", "congress", FT_INT, 0, NULL, NULL, 1, 3999, NULL, NULL,
     "congress ordinal as a number (24, shown as XXIV)"},
    {"held_from", "congress", FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "first day"},
    {"held_to", "congress", FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "last day"},
    {"pilot", "congress", FT_BOOL, 0, NULL, NULL, 0, 0, NULL, "false",
     "đại hội điểm (model congress)"},
    {"status", "congress", FT_ENUM, 0, congress_statuses, NULL, 0, 0, NULL, "\"planned\"",
     "planned or held"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static int term_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                      struct err *e)
{
    if (obj_int(obj, "ends_year") < obj_int(obj, "starts_year"))
        return err_set(e, E_INVALID_FIELD, "ends_year",
                       "Năm kết thúc nhiệm kỳ phải không sớm hơn năm bắt đầu. / ends_year must "
                       "not be before starts_year.");
    return rule_dates_ordered(obj, "congress_held_from", "congress_held_to", "congress.held_to", e);
}

/* Adds congress.ordinal_roman next to the number, so no client renders it differently. */
static void term_present(struct store *st, const struct resource *r, json_t *obj)
{
    json_t *congress = json_object_get(obj, "congress");
    json_t *ord = congress ? json_object_get(congress, "ordinal") : NULL;
    if (json_is_integer(ord)) {
        char buf[32];
        json_object_set_new(
            congress, "ordinal_roman",
            json_string(roman_numeral((int)json_integer_value(ord), buf, sizeof buf)));
    }
}

/* Tasks due "at the end of the term" follow the term's years. */
static int term_after_write(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                            struct err *e)
{
    if (!old || obj_int(old, "ends_year") == obj_int(obj, "ends_year"))
        return 0;
    return store_refresh_term_tasks(st, obj_int(obj, "id"), 0, e);
}

static const struct rules term_rules = {
    .check = term_check, .after_write = term_after_write, .present = term_present};

const struct resource res_terms = {
    .name = "terms",
    .singular = "term",
    .label_vi = "nhiệm kỳ",
    .fields = term_fields,
    .rules = &term_rules,
};
