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

struct access {
    enum role role;
    char root_path[512]; /* materialized path of the subtree root; "" = every root */
};

/* The access of a signed-in user (stored shape); a user whose org is gone reaches nothing. */
void access_of_user(struct store *st, json_t *user, struct access *a);
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
