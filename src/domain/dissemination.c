/*
 * Dissemination session (hội nghị quán triệt): expected and actual attendance, whose rate
 * rolls up in the org roll-up. Attendance above what was expected is refused.
 */
#include "domain/nouns.h"

static const struct field dissemination_fields[] = {
    FIELD_ID,
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "organising org"},
    {"resolution_id", NULL, FT_REF, F_REQUIRED, NULL, "resolutions", 0, 0, NULL, NULL,
     "resolution disseminated"},
    {"held_on", NULL, FT_DATE, F_REQUIRED, NULL, NULL, 0, 0, NULL, NULL, "date"},
    {"title", NULL, FT_TEXT, 0, NULL, NULL, 0, 1000, NULL, NULL, "title"},
    {"audience_org_ids", NULL, FT_REFS, 0, NULL, "orgs", 0, 0, NULL, NULL, "audience orgs"},
    {"expected", NULL, FT_INT, 0, NULL, NULL, 0, 100000000, NULL, "0", "expected attendees"},
    {"attended", NULL, FT_INT, 0, NULL, NULL, 0, 100000000, NULL, "0", "actual attendees"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static int dissemination_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                               struct err *e)
{
    if (obj_int(obj, "attended") > obj_int(obj, "expected"))
        return err_set(e, E_INVALID_FIELD, "attended",
                       "Số người dự (%lld) không thể vượt số người dự kiến (%lld). / attended "
                       "cannot exceed expected.",
                       obj_int(obj, "attended"), obj_int(obj, "expected"));
    return 0;
}

static const struct rules dissemination_rules = {.check = dissemination_check};

static const char *const res_disseminations_search[] = {"title", NULL};

const struct resource res_disseminations = {
    .search = res_disseminations_search,
    .name = "disseminations",
    .singular = "dissemination",
    .label_vi = "hội nghị quán triệt",
    .fields = dissemination_fields,
    .rules = &dissemination_rules,
};
