/* Coverage of a resolution's items by tasks. */
#ifndef TK_COVERAGE_H
#define TK_COVERAGE_H
#include <jansson.h>

/* items: array of {"id","kind","parent_id","task_ids":[...],"waiver_reason"?} (kept and
 * owned by the result, annotated with "covered" and "counted"). Returns
 * {"items","uncovered","waived","ratio","counted","covered"}; ratio is null with no counted
 * item. Takes the reference to items. */
json_t *coverage_summarise(json_t *items);
#endif
