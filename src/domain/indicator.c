/* Indicator values over periods and orgs (domain/indicator.h). */
#include "domain/indicator.h"
#include <math.h>
#include <string.h>

const char *indicator_nature(const char *nature, const char *unit, const char *rollup)
{
    if (nature && *nature)
        return nature;
    /* How values add up across orgs says nothing of how they add up over time (members are
     * summed across units but are a stock), so without a stated nature only a percentage is
     * taken as a rate and everything else as a stock: the last value, never a wrong sum. */
    if (unit && strchr(unit, '%'))
        return "rate";
    return "stock";
}

/* Coarser periods rank higher: a year before its halves, quarters and months. */
static int coarseness(enum period_kind k)
{
    switch (k) {
    case PERIOD_TERM:
        return 5;
    case PERIOD_YEAR:
        return 4;
    case PERIOD_HALF:
        return 3;
    case PERIOD_QUARTER:
        return 2;
    case PERIOD_MONTH:
        return 1;
    }
    return 0;
}

static bool same_period(const struct period *a, const struct period *b)
{
    return a->kind == b->kind && a->year == b->year && a->index == b->index;
}

static bool inside(const struct period *sub, const struct period *p, int term_start, int term_end)
{
    if (same_period(sub, p))
        return false;
    if (p->kind == PERIOD_TERM)
        return sub->kind != PERIOD_TERM && sub->year >= term_start && sub->year <= term_end;
    return period_within(sub, p);
}

bool indicator_value_for(const struct ivalue *vals, size_t n, long long org, const struct period *p,
                         const char *nature, int term_start, int term_end, double *out)
{
    for (size_t i = 0; i < n; i++)
        if (vals[i].org_id == org && same_period(&vals[i].period, p)) {
            *out = vals[i].value;
            return true;
        }
    /* Only one granularity is used, the coarsest reported, so that a year and its quarters
     * are never added together. */
    int best = 0;
    for (size_t i = 0; i < n; i++)
        if (vals[i].org_id == org && inside(&vals[i].period, p, term_start, term_end) &&
            coarseness(vals[i].period.kind) > best)
            best = coarseness(vals[i].period.kind);
    if (!best)
        return false;
    double sum = 0, last = 0;
    int last_day = -1;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const struct ivalue *v = &vals[i];
        if (v->org_id != org || !inside(&v->period, p, term_start, term_end) ||
            coarseness(v->period.kind) != best)
            continue;
        sum += v->value;
        count++;
        int day = period_last_day(&v->period, term_end);
        if (day > last_day) {
            last_day = day;
            last = v->value;
        }
    }
    if (!strcmp(nature, "flow"))
        *out = sum;
    else if (!strcmp(nature, "rate"))
        *out = sum / (double)count;
    else
        *out = last;
    return true;
}

static bool meets(double v, double threshold, const char *direction)
{
    if (direction && !strcmp(direction, "lower"))
        return v <= threshold;
    if (direction && !strcmp(direction, "exact"))
        return fabs(v - threshold) < 1e-9;
    return v >= threshold;
}

bool indicator_aggregate(const char *rule, const char *direction, double threshold,
                         const long long *orgs, const double *values, const double *weights,
                         const bool *has_weight, size_t n, long long self_org, double *out)
{
    if (!rule)
        rule = "sum";
    double acc = 0, wsum = 0;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        double x = values[i];
        if (!strcmp(rule, "none")) {
            if (orgs[i] == self_org) {
                *out = x; /* not aggregable: only the org's own figure means anything */
                return true;
            }
            continue;
        }
        if (!strcmp(rule, "weighted_mean")) {
            if (!has_weight || !has_weight[i])
                continue;
            acc += x * weights[i];
            wsum += weights[i];
        } else if (!strcmp(rule, "min") || !strcmp(rule, "max")) {
            if (!used || (!strcmp(rule, "min") ? x < acc : x > acc))
                acc = x;
        } else if (!strcmp(rule, "count_meeting")) {
            acc += meets(x, threshold, direction);
        } else {
            acc += x; /* sum, mean */
        }
        used++;
    }
    if (!used)
        return false;
    if (!strcmp(rule, "mean"))
        acc /= (double)used;
    if (!strcmp(rule, "weighted_mean")) {
        if (wsum == 0)
            return false;
        acc /= wsum;
    }
    *out = acc;
    return true;
}

bool indicator_project(const int *years, const double *values, size_t n, int at, double *out)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        sx += years[i];
        sy += values[i];
        sxx += (double)years[i] * years[i];
        sxy += years[i] * values[i];
    }
    double d = (double)n * sxx - sx * sx;
    if (n < 2 || fabs(d) < 1e-12)
        return false;
    double slope = ((double)n * sxy - sx * sy) / d;
    double intercept = (sy - slope * sx) / (double)n;
    *out = intercept + slope * at;
    return true;
}

bool indicator_misses(double value, double target, const char *direction)
{
    if (direction && !strcmp(direction, "lower"))
        return value > target;
    if (direction && !strcmp(direction, "exact"))
        return fabs(value - target) > 0.05 * fabs(target);
    return value < target;
}
