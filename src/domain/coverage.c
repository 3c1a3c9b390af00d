/*
 * Coverage of a resolution by tasks (DESIGN.md rule 1): which items are covered, which are
 * gaps. An item is covered when a task covers it, when it is waived with a reason, or when
 * it has children and all of them are covered; a goal whose children carry the content is
 * a heading and is not counted itself. Pure computation over the items the store gives.
 */
#include "domain/coverage.h"
#include <stdlib.h>
#include <string.h>
#include "domain/resource.h"

json_t *coverage_summarise(json_t *items)
{
    size_t n = json_array_size(items);
    /* covered(i) = covered itself, waived, or (it has children and all are covered). Items
     * are resolved children-first by repeating until nothing changes: trees are shallow. */
    signed char *state = calloc(n + 1, 1); /* 0 unknown, 1 covered, 2 not */
    bool *has_child = calloc(n + 1, sizeof *has_child);
    for (size_t i = 0; i < n; i++) {
        long long parent = obj_int(json_array_get(items, i), "parent_id");
        for (size_t j = 0; j < n && parent; j++)
            if (obj_int(json_array_get(items, j), "id") == parent)
                has_child[j] = true;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < n; i++) {
            if (state[i])
                continue;
            json_t *it = json_array_get(items, i);
            if (json_array_size(json_object_get(it, "task_ids")) || obj_has(it, "waiver_reason")) {
                state[i] = 1;
                changed = true;
                continue;
            }
            if (!has_child[i]) {
                state[i] = 2;
                changed = true;
                continue;
            }
            int verdict = 1;
            for (size_t j = 0; j < n && verdict; j++) {
                if (obj_int(json_array_get(items, j), "parent_id") != obj_int(it, "id"))
                    continue;
                if (state[j] == 0)
                    verdict = 0;
                else if (state[j] == 2)
                    verdict = 2;
            }
            if (verdict) {
                state[i] = (signed char)verdict;
                changed = true;
            }
        }
    }
    json_t *uncovered = json_array(), *waived = json_array();
    size_t counted = 0, covered = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *it = json_array_get(items, i);
        const char *kind = obj_str(it, "kind");
        bool is_covered = state[i] == 1;
        json_object_set_new(it, "covered", json_boolean(is_covered));
        if (obj_has(it, "waiver_reason"))
            json_array_append_new(waived, json_integer(obj_int(it, "id")));
        /* A goal whose children carry the content is a heading, not a content to cover. */
        if (kind && !strcmp(kind, "goal") && has_child[i]) {
            json_object_set_new(it, "counted", json_false());
            continue;
        }
        json_object_set_new(it, "counted", json_true());
        counted++;
        if (is_covered)
            covered++;
        else
            json_array_append_new(uncovered, json_integer(obj_int(it, "id")));
    }
    free(state);
    free(has_child);
    return json_pack("{s:o,s:o,s:o,s:o,s:I,s:I}", "items", items, "uncovered", uncovered, "waived",
                     waived, "ratio",
                     counted ? json_real((double)covered / (double)counted) : json_null(),
                     "counted", (json_int_t)counted, "covered", (json_int_t)covered);
}
