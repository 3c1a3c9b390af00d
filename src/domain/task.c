/*
 * Task (nhiệm vụ) of a program: the three responsibilities the report names — the lead that
 * advises and carries it out (chủ trì), the coordinating orgs (phối hợp), the body that
 * follows and inspects it (theo dõi, kiểm tra) —, a time frame that is a date or a period,
 * an expected output, the resolution items it covers, and a status. `overdue` is derived,
 * never stored: a hidden `due_day` column holds the effective due date so that roll-ups
 * can compare it with today's date at read time and never go stale.
 */
#include <stdio.h>
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"
#include "util/period.h"

const char *const task_statuses[] = {"not_started", "in_progress", "done", "cancelled", NULL};

static const struct field task_fields[] = {
    FIELD_ID,
    {"program_id", NULL, FT_REF, F_REQUIRED | F_IMMUTABLE, NULL, "programs", 0, 0, NULL, NULL,
     "program"},
    {"parent_id", NULL, FT_REF, 0, NULL, "tasks", 0, 0, NULL, NULL, "parent task (sub-task of)"},
    {"code", NULL, FT_TEXT, 0, NULL, NULL, 0, 50, NULL, NULL, "number as printed (1, 2.1)"},
    {"title", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 5000, NULL, NULL, "nội dung nhiệm vụ"},
    {"lead_org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL,
     "cơ quan chủ trì (lead), within the program org's subtree"},
    {"coordinating_org_ids", NULL, FT_REFS, 0, NULL, "orgs", 0, 0, NULL, NULL, "cơ quan phối hợp"},
    {"monitor_org_id", NULL, FT_REF, 0, NULL, "orgs", 0, 0, NULL, NULL,
     "cơ quan theo dõi, kiểm tra, giám sát"},
    {"field", NULL, FT_TEXT, 0, NULL, NULL, 0, 200, NULL, NULL, "lĩnh vực"},
    {"person_id", NULL, FT_REF, 0, NULL, "people", 0, 0, NULL, NULL, "responsible person"},
    {"due_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "due date"},
    {"period", NULL, FT_PERIOD, 0, NULL, NULL, 0, 0, NULL, NULL,
     "time frame as a period (2021-Q2, 2021, term)"},
    {"output", NULL, FT_TEXT, 0, NULL, NULL, 0, 1000, NULL, NULL, "sản phẩm (đề án, báo cáo…)"},
    {"covers", NULL, FT_REFS, 0, NULL, "items", 0, 0, NULL, NULL, "resolution items it covers"},
    {"status", NULL, FT_ENUM, 0, task_statuses, NULL, 0, 0, NULL, "\"not_started\"", "status"},
    {"progress", NULL, FT_INT, 0, NULL, NULL, 0, 100, NULL, NULL, "progress, 0–100"},
    {"sort_key", NULL, FT_INT, 0, NULL, NULL, 0, 0, NULL, NULL, "order in the program"},
    {"missing", NULL, FT_TEXTS, F_READONLY | F_NOSTORE, NULL, NULL, 0, 0, NULL, NULL,
     "what makes it not yet specific and feasible: time_frame, output"},
    {"overdue", NULL, FT_BOOL, F_READONLY | F_NOSTORE, NULL, NULL, 0, 0, NULL, NULL,
     "derived: not finished and its due date is past"},
    {"due_day", NULL, FT_INT, F_READONLY | F_HIDDEN, NULL, NULL, 0, 0, NULL, NULL, NULL},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

int task_due_day(struct store *st, json_t *task)
{
    int day;
    const char *due = obj_str(task, "due_on");
    if (due && date_parse(due, &day) == 0)
        return day;
    struct period p;
    const char *code = obj_str(task, "period");
    if (!code || period_parse(code, &p) != 0)
        return -1;
    if (p.kind != PERIOD_TERM)
        return period_last_day(&p, 0);
    json_t *term = store_program_term(st, obj_int(task, "program_id"));
    int last = term ? period_last_day(&p, (int)obj_int(term, "ends_year")) : -1;
    json_decref(term);
    return last;
}

static int task_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                      struct err *e)
{
    long long program[2]; /* org_id, resolution_id */
    if (store_get_ints(st, &res_programs, obj_int(obj, "program_id"), "org_id, resolution_id",
                       program, 2, e) != 0)
        return -1;
    int rc = 0;
    long long lead = obj_int(obj, "lead_org_id");
    if (!old || lead != obj_int(old, "lead_org_id"))
        rc = rule_org_within(st, program[0], lead, "lead_org_id", e);
    long long resolution = program[1];
    json_t *covers = json_object_get(obj, "covers");
    size_t i;
    json_t *id;
    json_array_foreach(covers, i, id)
    {
        if (rc || !resolution)
            break;
        long long item_resolution;
        if (store_get_ints(st, &res_items, json_integer_value(id), "resolution_id",
                           &item_resolution, 1, NULL) == 0 &&
            item_resolution != resolution) {
            char name[32];
            snprintf(name, sizeof name, "covers[%zu]", i);
            rc = err_set(e, E_CONFLICT, name,
                         "Nội dung %lld không thuộc nghị quyết mà chương trình này thực hiện. / "
                         "Item %lld is not in the resolution this program implements.",
                         (long long)json_integer_value(id), (long long)json_integer_value(id));
        }
    }
    long long parent = obj_int(obj, "parent_id");
    if (!rc && parent) {
        long long parent_program;
        if (store_get_ints(st, &res_tasks, parent, "program_id", &parent_program, 1, NULL) == 0 &&
            parent_program != obj_int(obj, "program_id"))
            rc = err_set(e, E_CONFLICT, "parent_id",
                         "Nhiệm vụ cha phải thuộc cùng chương trình. / The parent task must be in "
                         "the same program.");
        /* Walk up from the new parent: meeting the task itself would make a cycle. */
        long long self = old ? obj_int(old, "id") : 0, up = parent;
        for (int depth = 0; !rc && self && up && depth < 64; depth++) {
            if (up == self)
                rc = err_set(e, E_CONFLICT, "parent_id",
                             "Nhiệm vụ không thể nằm dưới chính nó hoặc nhiệm vụ con của nó. / A "
                             "task cannot sit under itself or its own sub-task.");
            if (store_get_ints(st, &res_tasks, up, "parent_id", &up, 1, NULL) != 0)
                up = 0;
        }
    }
    if (!rc)
        json_object_set_new(obj, "due_day", json_integer(task_due_day(st, obj)));
    return rc;
}

static void task_present(struct store *st, const struct resource *r, json_t *obj)
{
    const char *status = obj_str(obj, "status");
    long long due = json_is_integer(json_object_get(obj, "due_day"))
                        ? json_integer_value(json_object_get(obj, "due_day"))
                        : -1;
    bool open = status && (!strcmp(status, "not_started") || !strcmp(status, "in_progress"));
    json_object_set_new(obj, "overdue", json_boolean(open && due >= 0 && due < date_today()));
    /* A task is specific and feasible when it has a lead (always), a time frame and an
     * expected output (DESIGN.md rule 7); what it lacks is shown, not refused. */
    json_t *missing = json_array();
    if (!obj_has(obj, "due_on") && !obj_has(obj, "period"))
        json_array_append_new(missing, json_string("time_frame"));
    const char *output = obj_str(obj, "output");
    if (!output || !*output)
        json_array_append_new(missing, json_string("output"));
    json_object_set_new(obj, "missing", missing);
}

static const struct rules task_rules = {.check = task_check, .present = task_present};

static const char *const res_tasks_search[] = {"title", "code", "output", NULL};

const struct resource res_tasks = {
    .search = res_tasks_search,
    .name = "tasks",
    .singular = "task",
    .label_vi = "nhiệm vụ",
    .fields = task_fields,
    .parent_field = "program_id",
    .parent_path = "programs",
    .sub_path = "tasks",
    .rules = &task_rules,
};
