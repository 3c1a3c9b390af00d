/*
 * Indicators over orgs and periods: the value an org has for a period, from the values it
 * reported for that period or for the periods within it (a flow sums its months into the
 * quarter, a stock takes the last value, a rate the mean of its parts), and the aggregate
 * across orgs by the indicator's roll-up rule. Pure computation: the store brings the rows.
 */
#ifndef TK_INDICATOR_H
#define TK_INDICATOR_H
#include <stdbool.h>
#include <stddef.h>
#include "util/period.h"

struct ivalue {
    long long org_id;
    struct period period;
    double value; /* the latest value of that org for that period */
};

/* "flow", "stock" or "rate": the item's own nature, else a default from its unit (a "%" is
 * a rate, anything else a stock); `rollup` is not used for the default. */
const char *indicator_nature(const char *nature, const char *unit, const char *rollup);

/* The value org has for period p among vals[0..n); false when it reported nothing for p
 * or within it. For PERIOD_TERM, periods within [term_start, term_end] count. */
bool indicator_value_for(const struct ivalue *vals, size_t n, long long org, const struct period *p,
                         const char *nature, int term_start, int term_end, double *out);

/* Aggregate of the orgs' values by rule (sum, mean, weighted_mean with weights, min, max,
 * count_meeting with threshold and direction, none = the value of self_org alone).
 * has_weight[i] says whether weights[i] is known. False when there is nothing to show. */
bool indicator_aggregate(const char *rule, const char *direction, double threshold,
                         const long long *orgs, const double *values, const double *weights,
                         const bool *has_weight, size_t n, long long self_org, double *out);

/* Least-squares line through (years[i], values[i]) evaluated at `at`; false with fewer
 * than two distinct years. */
bool indicator_project(const int *years, const double *values, size_t n, int at, double *out);

/* Does `value` miss `target` in the indicator's direction (exact: by more than 5%)? */
bool indicator_misses(double value, double target, const char *direction);
#endif
