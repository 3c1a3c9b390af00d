/* Inspection or supervision (kiểm tra, giám sát) of target orgs, with findings and follow-up. */
#include <string.h>
#include "domain/nouns.h"

static const char *const inspection_kinds[] = {"inspection", "supervision", NULL};
static const char *const inspection_modes[] = {"regular", "thematic", "violation_signs", NULL};
static const char *const inspection_statuses[] = {"planned", "in_progress", "done", "cancelled",
                                                  NULL};

static const struct field inspection_fields[] = {
    FIELD_ID,
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "inspecting body"},
    {"target_org_ids", NULL, FT_REFS, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "orgs inspected"},
    {"topic", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 2000, NULL, NULL, "topic"},
    {"kind", NULL, FT_ENUM, F_REQUIRED, inspection_kinds, NULL, 0, 0, NULL, NULL,
     "inspection or supervision"},
    {"planned_period", NULL, FT_PERIOD, F_REQUIRED, NULL, NULL, 0, 0, NULL, NULL, "planned period"},
    {"program_id", NULL, FT_REF, 0, NULL, "programs", 0, 0, NULL, NULL,
     "its full-term inspection program"},
    {"mode", NULL, FT_ENUM, 0, inspection_modes, NULL, 0, 0, NULL, NULL,
     "thường xuyên, chuyên đề, dấu hiệu vi phạm"},
    {"held_from", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "first day"},
    {"held_to", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "last day"},
    {"status", NULL, FT_ENUM, 0, inspection_statuses, NULL, 0, 0, NULL, "\"planned\"", "status"},
    {"findings", NULL, FT_TEXT, 0, NULL, NULL, 0, 20000, NULL, NULL, "findings"},
    {"conclusion_document_id", NULL, FT_REF, 0, NULL, "documents", 0, 0, NULL, NULL,
     "conclusion (kết luận)"},
    {"follow_up_task_ids", NULL, FT_REFS, 0, NULL, "tasks", 0, 0, NULL, NULL, "follow-up tasks"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static int inspection_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                            struct err *e)
{
    if (json_array_size(json_object_get(obj, "target_org_ids")) == 0)
        return err_set(e, E_INVALID_FIELD, "target_org_ids",
                       "Cần ít nhất một tổ chức được kiểm tra. / At least one target org is "
                       "needed.");
    return rule_dates_ordered(obj, "held_from", "held_to", "held_to", e);
}

static const struct rules inspection_rules = {.check = inspection_check};

static const char *const res_inspections_search[] = {"topic", "findings", NULL};

const struct resource res_inspections = {
    .search = res_inspections_search,
    .name = "inspections",
    .singular = "inspection",
    .label_vi = "cuộc kiểm tra, giám sát",
    .fields = inspection_fields,
    .rules = &inspection_rules,
};
