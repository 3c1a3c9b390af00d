/*
 * Access: every role holds on an org's subtree. An object is within a subtree when any org
 * it names (owner, lead, coordinating, target, audience…), directly or through the object
 * it belongs to (a task's program, an item's resolution's term), is in it; the terms,
 * resolutions and items of an org's ancestors are also readable from below. Anything out of
 * reach is answered as if it did not exist.
 */
#ifndef TK_ACCESS_H
#define TK_ACCESS_H
#include <jansson.h>
#include <stdbool.h>
#include "domain/resource.h"

struct store;

enum role { ROLE_NONE = -1, ROLE_VIEWER, ROLE_REPORTER, ROLE_EDITOR, ROLE_ADMIN };

enum { ACCESS_GRANTS = 8 };

/* The roles a caller holds, each on one subtree. */
struct access {
    int n;
    struct grant {
        enum role role;
        char root_path[512]; /* materialized path of the subtree root; "" = every root */
    } grants[ACCESS_GRANTS];
};

/* The access of a signed-in user (stored shape): its role on its org, and the extra
 * `grants` [{role, org_id}] it holds. A grant whose org is gone reaches nothing. */
void access_of_user(struct store *st, json_t *user, struct access *a);
/* True when some grant holds on every root (nothing needs filtering). */
bool access_is_everything(const struct access *a);
/* The highest role held anywhere (ROLE_NONE when none). */
enum role access_max_role(const struct access *a);
/* Full access, for the command line and the system itself. */
void access_everything(struct access *a);
enum role role_parse(const char *name);

/* Is org `org_id` within the subtree (true for everything when the root is "")? */
bool access_org_within(struct store *st, const struct access *a, long long org_id);
/* May the holder read / write this object (stored shape) of resource r? */
bool access_can_read(struct store *st, const struct access *a, const struct resource *r,
                     json_t *obj);
bool access_can_write(struct store *st, const struct access *a, const struct resource *r,
                      json_t *obj);
/* The reporter's narrower right: a task it leads or coordinates, or an indicator value of
 * one of its orgs (obj: the task update or the value, stored shape). */
bool access_can_report(struct store *st, const struct access *a, const struct resource *r,
                       json_t *obj);
#endif
