/* The resources of the domain, one per noun, each defined in domain/<noun>.c. */
#ifndef TK_NOUNS_H
#define TK_NOUNS_H
#include "domain/resource.h"

extern const struct resource res_orgs, res_people, res_terms, res_seats, res_documents,
    res_resolutions, res_items, res_programs, res_tasks, res_task_updates, res_indicator_values,
    res_meetings, res_inspections, res_assignments, res_disseminations, res_users, res_files;

/* Shorthand for field tables. */
#define FIELD_ID                                                                                   \
    {                                                                                              \
        "id", NULL, FT_ID, F_READONLY, NULL, NULL, 0, 0, NULL, NULL, "identifier"                  \
    }
#define FIELD_END                                                                                  \
    {                                                                                              \
        NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL, NULL, NULL                                       \
    }
#define FIELD_CREATED                                                                              \
    {                                                                                              \
        "created_at", NULL, FT_TIMESTAMP, F_READONLY, NULL, NULL, 0, 0, NULL, NULL,                \
            "when it was created (UTC)"                                                            \
    }
#define FIELD_UPDATED                                                                              \
    {                                                                                              \
        "updated_at", NULL, FT_TIMESTAMP, F_READONLY, NULL, NULL, 0, 0, NULL, NULL,                \
            "when it last changed (UTC)"                                                           \
    }

extern const char *const org_kinds[];
extern const char *const task_statuses[];

/* Shared rules used by more than one noun. */
/* 409 unless org `org_id` lies in the subtree of `root_id`. */
int rule_org_within(struct store *st, long long root_id, long long org_id, const char *field,
                    struct err *e);
/* 422 on `field` when the date in column `to` is before the one in `from` (both optional). */
int rule_dates_ordered(json_t *obj, const char *from, const char *to, const char *field,
                       struct err *e);
/* Effective due date of a task (days since epoch), or -1 when it has none: due_on, else the
 * last day of its period (`term` ends 31 December of its program's term's ends_year). */
int task_due_day(struct store *st, json_t *task);
/* argon2id hash of a password into out (crypto_pwhash_STRBYTES = 128 bytes); 0 or -1. */
int user_hash_password(const char *password, char out[128]);
#endif
