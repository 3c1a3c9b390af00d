/*
 * Fuzz target for the period and date parsers (util/period.h): the input, up to its first
 * NUL, is given to period_parse, period_parse_label and date_parse.
 *
 * Properties, from the header's contracts:
 *  - a failed parse leaves *p (*days) untouched;
 *  - a parsed period is valid (years 1900–2200, index in range for its kind);
 *  - period_parse is exact: the code printed back equals the input, and the label parser
 *    accepts every code with the same result;
 *  - a label that parses prints back to a code and to a Vietnamese label that both parse
 *    to the same period; its first day is not after its last, and it lies within itself,
 *    its year and the term;
 *  - date_parse is exact too: the ISO date printed back equals the input, and the civil
 *    date round-trips through days.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "util/period.h"

static const struct period sentinel = {PERIOD_MONTH, -77, -77};

static int same(const struct period *a, const struct period *b)
{
    return a->kind == b->kind && a->year == b->year && a->index == b->index;
}

static void check_valid(const struct period *p)
{
    switch (p->kind) {
    case PERIOD_TERM:
        FZ_CHECK(p->year == 0 && p->index == 0);
        return;
    case PERIOD_YEAR:
        FZ_CHECK(p->index == 0);
        break;
    case PERIOD_HALF:
        FZ_CHECK(p->index >= 1 && p->index <= 2);
        break;
    case PERIOD_QUARTER:
        FZ_CHECK(p->index >= 1 && p->index <= 4);
        break;
    case PERIOD_MONTH:
        FZ_CHECK(p->index >= 1 && p->index <= 12);
        break;
    default:
        FZ_CHECK(!"a known kind");
    }
    FZ_CHECK(p->year >= 1900 && p->year <= 2200);
}

/* Everything a parsed period promises, whichever parser produced it. */
static void check_period(const struct period *p)
{
    check_valid(p);
    char code[16], label[48], en[48];
    struct period back = sentinel;
    period_code(p, code, sizeof code);
    FZ_CHECK(period_parse(code, &back) == 0 && same(&back, p));
    back = sentinel;
    period_label_vi(p, label, sizeof label);
    FZ_CHECK(period_parse_label(label, &back) == 0 && same(&back, p));
    period_label_en(p, en, sizeof en);
    FZ_CHECK(en[0] != 0);

    int first = period_first_day(p, 2020), last = period_last_day(p, 2025);
    FZ_CHECK(first != INT_MIN && last != INT_MIN && first <= last);
    struct period term = {PERIOD_TERM, 0, 0};
    FZ_CHECK(period_within(p, p));
    FZ_CHECK(period_within(p, &term));
    if (p->kind != PERIOD_TERM) {
        struct period year = {PERIOD_YEAR, p->year, 0};
        FZ_CHECK(period_within(p, &year));
        FZ_CHECK(!period_within(&term, p));
        FZ_CHECK(period_first_day(p, 0) >= period_first_day(&year, 0));
        FZ_CHECK(period_last_day(p, 0) <= period_last_day(&year, 0));
    }
}

static void check_date(const char *s)
{
    int days = -77;
    if (date_parse(s, &days) != 0) {
        FZ_CHECK(days == -77);
        return;
    }
    char iso[32], vi[32], vi_long[64];
    FZ_CHECK(strcmp(date_format_iso(days, iso, sizeof iso), s) == 0);
    int again = 0;
    FZ_CHECK(date_parse(iso, &again) == 0 && again == days);
    int y, m, d;
    date_civil(days, &y, &m, &d);
    FZ_CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    FZ_CHECK(date_from_civil(y, m, d) == days);
    date_civil(days + 1, &y, &m, &d);
    FZ_CHECK(date_from_civil(y, m, d) == days + 1);
    date_format_vi(days, vi, sizeof vi);
    date_format_vi_long(days, vi_long, sizeof vi_long);
    FZ_CHECK(strlen(vi) == 10 && vi_long[0] != 0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fz_init_process();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = fz_strndup(data, size);

    struct period p = sentinel;
    if (period_parse(s, &p) == 0) {
        check_period(&p);
        char code[16];
        FZ_CHECK(strcmp(period_code(&p, code, sizeof code), s) == 0);
        struct period q = sentinel;
        FZ_CHECK(period_parse_label(s, &q) == 0 && same(&q, &p));
    } else {
        FZ_CHECK(same(&p, &sentinel));
    }

    p = sentinel;
    if (period_parse_label(s, &p) == 0)
        check_period(&p);
    else
        FZ_CHECK(same(&p, &sentinel));

    check_date(s);
    free(s);
    return 0;
}
