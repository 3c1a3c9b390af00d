/* Committee seat: a person's place in a term's BCH, BTV or UBKT, with a role. */
#include "domain/nouns.h"

static const char *const seat_bodies[] = {"bch", "btv", "ubkt", NULL};
static const char *const seat_roles[] = {
    "secretary", "deputy_secretary", "standing_deputy", "chair", "deputy_chair", "member", NULL};

static const struct field seat_fields[] = {
    FIELD_ID,
    {"term_id", NULL, FT_REF, F_REQUIRED | F_IMMUTABLE, NULL, "terms", 0, 0, NULL, NULL, "term"},
    {"person_id", NULL, FT_REF, F_REQUIRED, NULL, "people", 0, 0, NULL, NULL, "person"},
    {"body", NULL, FT_ENUM, F_REQUIRED, seat_bodies, NULL, 0, 0, NULL, NULL,
     "bch (Ban Chấp hành), btv (Ban Thường vụ), ubkt (Ủy ban Kiểm tra)"},
    {"role", NULL, FT_ENUM, 0, seat_roles, NULL, 0, 0, NULL, "\"member\"", "role in the body"},
    FIELD_CREATED,
    FIELD_END,
};

const struct resource res_seats = {
    .name = "seats",
    .singular = "seat",
    .label_vi = "chức danh trong cấp ủy",
    .fields = seat_fields,
    .parent_field = "term_id",
    .parent_path = "terms",
    .sub_path = "seats",
};
