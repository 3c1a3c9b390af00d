/*
 * Program (chương trình, kế hoạch) of an org: an action program, the full-term work or
 * inspection program, a dissemination plan, a subordinate's implementation plan, an
 * official's personal plan or an emulation movement. It implements a resolution and may
 * cascade from a parent task (a subordinate's plan that implements a task it was given).
 */
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"

static const char *const program_kinds[] = {
    "action_program",      "work_program",  "inspection_program", "dissemination_plan",
    "implementation_plan", "personal_plan", "emulation_movement", NULL};
static const char *const program_statuses[] = {"draft", "adopted", NULL};

static const struct field program_fields[] = {
    FIELD_ID,
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "owning org"},
    {"kind", NULL, FT_ENUM, F_REQUIRED, program_kinds, NULL, 0, 0, NULL, NULL, "kind"},
    {"title", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 1000, NULL, NULL, "title"},
    {"resolution_id", NULL, FT_REF, 0, NULL, "resolutions", 0, 0, NULL, NULL,
     "the resolution it implements"},
    {"parent_task_id", NULL, FT_REF, 0, NULL, "tasks", 0, 0, NULL, NULL,
     "the parent's task it cascades from"},
    {"symbol", NULL, FT_TEXT, 0, NULL, NULL, 0, 100, NULL, NULL, "05-CTr/HU"},
    {"status", NULL, FT_ENUM, 0, program_statuses, NULL, 0, 0, NULL, "\"draft\"",
     "draft or adopted"},
    {"adopted_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "adoption date"},
    {"person_id", NULL, FT_REF, 0, NULL, "people", 0, 0, NULL, NULL,
     "the official, for a personal plan"},
    {"document_id", NULL, FT_REF, 0, NULL, "documents", 0, 0, NULL, NULL, "its document"},
    {"incomplete_tasks", NULL, FT_INT, F_READONLY | F_NOSTORE, NULL, NULL, 0, 0, NULL, NULL,
     "its tasks lacking a time frame or an expected output: to fix before adoption"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static int program_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                         struct err *e)
{
    const char *status = obj_str(obj, "status");
    if (status && strcmp(status, "adopted") == 0 && !obj_has(obj, "adopted_on"))
        return err_set(e, E_INVALID_FIELD, "adopted_on",
                       "Chương trình đã thông qua cần ngày thông qua. / An adopted program needs "
                       "adopted_on.");
    return 0;
}

/* A program that changes resolution changes term, and so the due day of its "term" tasks. */
static int program_after_write(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                               struct err *e)
{
    if (!old || obj_int(old, "resolution_id") == obj_int(obj, "resolution_id"))
        return 0;
    return store_refresh_term_tasks(st, 0, obj_int(obj, "id"), e);
}

static void program_present(struct store *st, const struct resource *r, json_t *obj)
{
    json_object_set_new(obj, "incomplete_tasks",
                        json_integer(store_program_incomplete_tasks(st, obj_int(obj, "id"))));
}

static const struct rules program_rules = {
    .check = program_check, .after_write = program_after_write, .present = program_present};

static const char *const res_programs_search[] = {"title", "symbol", NULL};

const struct resource res_programs = {
    .search = res_programs_search,
    .name = "programs",
    .singular = "program",
    .label_vi = "chương trình",
    .fields = program_fields,
    .rules = &program_rules,
};
