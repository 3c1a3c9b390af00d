/* Person (cán bộ, đảng viên): full name, home org, title. Seats per term are in seat.c. */
#include "domain/nouns.h"

static const struct field person_fields[] = {
    FIELD_ID,
    {"full_name", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 200, NULL, NULL, "Nguyễn Văn A"},
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "home org"},
    {"title", NULL, FT_TEXT, 0, NULL, NULL, 0, 300, NULL, NULL, "Bí thư Thành ủy"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static const char *const res_people_search[] = {"full_name", "title", NULL};

const struct resource res_people = {
    .search = res_people_search,
    .name = "people",
    .singular = "person",
    .label_vi = "cán bộ",
    .fields = person_fields,
};
