/*
 * Task update: a dated report of progress on a task, with a note and evidence. Posting one
 * sets the task's status and progress to the values it carries (API.md), so the task always
 * shows its latest report and the log keeps every earlier one.
 */
#include "domain/nouns.h"
#include "store/store.h"
#include "util/period.h"

static const struct field task_update_fields[] = {
    FIELD_ID,
    {"task_id", NULL, FT_REF, F_REQUIRED | F_IMMUTABLE, NULL, "tasks", 0, 0, NULL, NULL, "task"},
    {"progress", NULL, FT_INT, 0, NULL, NULL, 0, 100, NULL, NULL, "progress, 0–100"},
    {"status", NULL, FT_ENUM, 0, task_statuses, NULL, 0, 0, NULL, NULL, "new status"},
    {"note", NULL, FT_TEXT, 0, NULL, NULL, 0, 5000, NULL, NULL, "what was done"},
    {"reported_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "date (default today)"},
    {"evidence", NULL, FT_TEXT, 0, NULL, NULL, 0, 500, NULL, NULL,
     "evidence: a document symbol or a note on where it is"},
    {"evidence_file_ids", NULL, FT_REFS, 0, NULL, "files", 0, 0, NULL, NULL,
     "uploaded evidence files (POST /api/v1/files)"},
    FIELD_CREATED,
    FIELD_END,
};

static int task_update_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                             struct err *e)
{
    if (!obj_has(obj, "progress") && !obj_has(obj, "status"))
        return err_set(e, E_INVALID_FIELD, "progress",
                       "Báo cáo tiến độ cần tiến độ (%%) hoặc trạng thái. / A task update needs "
                       "progress or status.");
    if (!obj_has(obj, "reported_on")) {
        char buf[16];
        json_object_set_new(obj, "reported_on",
                            json_string(date_format_iso(date_today(), buf, sizeof buf)));
    }
    return 0;
}

static int task_update_after_write(struct store *st, const struct resource *r, json_t *obj,
                                   json_t *old, struct err *e)
{
    if (old)
        return 0;
    json_t *change = json_object();
    if (obj_has(obj, "progress"))
        json_object_set(change, "progress", json_object_get(obj, "progress"));
    if (obj_has(obj, "status"))
        json_object_set(change, "status", json_object_get(obj, "status"));
    int rc = store_update(st, &res_tasks, obj_int(obj, "task_id"), change, e);
    json_decref(change);
    return rc;
}

static const struct rules task_update_rules = {.check = task_update_check,
                                               .after_write = task_update_after_write};

const struct resource res_task_updates = {
    .name = "task_updates",
    .singular = "task_update",
    .label_vi = "báo cáo tiến độ",
    .fields = task_update_fields,
    .parent_field = "task_id",
    .parent_path = "tasks",
    .sub_path = "updates",
    .item_path = "task-updates",
    .rules = &task_update_rules,
};
