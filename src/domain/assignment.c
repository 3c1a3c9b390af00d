/* Assignment (phân công): a committee member's fields and units in charge for a term. */
#include "domain/nouns.h"

static const struct field assignment_fields[] = {
    FIELD_ID,
    {"person_id", NULL, FT_REF, F_REQUIRED, NULL, "people", 0, 0, NULL, NULL, "member"},
    {"term_id", NULL, FT_REF, F_REQUIRED, NULL, "terms", 0, 0, NULL, NULL, "term"},
    {"fields", NULL, FT_TEXTS, 0, NULL, NULL, 0, 0, NULL, NULL, "fields in charge (lĩnh vực)"},
    {"org_ids", NULL, FT_REFS, 0, NULL, "orgs", 0, 0, NULL, NULL, "units in charge"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

const struct resource res_assignments = {
    .name = "assignments",
    .singular = "assignment",
    .label_vi = "phân công",
    .fields = assignment_fields,
};
