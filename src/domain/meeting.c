/* Meeting (hội nghị BCH/BTV) of the full-term work program, with its agenda. */
#include "domain/nouns.h"

static const char *const meeting_bodies[] = {"bch", "btv", NULL};

static const struct field agenda_fields[] = {
    {"title", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 1000, NULL, NULL, "agenda item"},
    {"task_id", NULL, FT_REF, 0, NULL, "tasks", 0, 0, NULL, NULL, "related task"},
    {"document_id", NULL, FT_REF, 0, NULL, "documents", 0, 0, NULL, NULL, "related document"},
    FIELD_END,
};

static const struct field meeting_fields[] = {
    FIELD_ID,
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "org"},
    {"body", NULL, FT_ENUM, F_REQUIRED, meeting_bodies, NULL, 0, 0, NULL, NULL, "bch or btv"},
    {"planned_period", NULL, FT_PERIOD, F_REQUIRED, NULL, NULL, 0, 0, NULL, NULL,
     "planned period (2021-Q1)"},
    {"program_id", NULL, FT_REF, 0, NULL, "programs", 0, 0, NULL, NULL, "its work program"},
    {"ordinal", NULL, FT_INT, 0, NULL, NULL, 1, 1000, NULL, NULL, "hội nghị lần thứ"},
    {"held_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "date held"},
    {"topic", NULL, FT_TEXT, 0, NULL, NULL, 0, 1000, NULL, NULL, "main topic"},
    {"agenda", NULL, FT_OBJECTS, 0, NULL, NULL, 0, 200, agenda_fields, NULL, "agenda"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static const char *const res_meetings_search[] = {"topic", NULL};

const struct resource res_meetings = {
    .search = res_meetings_search,
    .name = "meetings",
    .singular = "meeting",
    .label_vi = "hội nghị",
    .fields = meeting_fields,
};
