/* Unit tests of util/period: period codes and labels, day ranges, calendar dates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/period.h"

static struct period P(enum period_kind kind, int year, int index) {
    struct period p = {kind, year, index};
    return p;
}

static void
assert_period(const struct period *got, enum period_kind kind, int year, int index)
{
    assert_int_equal(got->kind, kind);
    assert_int_equal(got->year, year);
    assert_int_equal(got->index, index);
}

static void check_label(const char *label, enum period_kind kind, int year, int index)
{
    struct period p = {PERIOD_YEAR, -1, -1};
    if (period_parse_label(label, &p) != 0)
        fail_msg("label \"%s\" was not understood", label);
    assert_period(&p, kind, year, index);
}

static void check_bad_label(const char *label)
{
    struct period p;
    if (period_parse_label(label, &p) == 0)
        fail_msg("label \"%s\" should be rejected", label);
}

static int day(const char *iso)
{
    int d = INT_MIN;
    assert_int_equal(date_parse(iso, &d), 0);
    return d;
}

/* ---- codes ---- */

static void test_parse_codes(void **state)
{
    (void)state;
    struct period p;
    assert_int_equal(period_parse("2021", &p), 0);
    assert_period(&p, PERIOD_YEAR, 2021, 0);
    assert_int_equal(period_parse("2021-H1", &p), 0);
    assert_period(&p, PERIOD_HALF, 2021, 1);
    assert_int_equal(period_parse("2021-Q2", &p), 0);
    assert_period(&p, PERIOD_QUARTER, 2021, 2);
    assert_int_equal(period_parse("2021-06", &p), 0);
    assert_period(&p, PERIOD_MONTH, 2021, 6);
    assert_int_equal(period_parse("term", &p), 0);
    assert_period(&p, PERIOD_TERM, 0, 0);
}

static void test_parse_codes_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2021-Q5", "2021-Q0", "2021-H0", "2021-H3",  "2021-00", "2021-13", "abc",      "",
        "1899",    "2201",    "2021-6",  "2021-006", "2021-q2", "2021Q2",  "2021-",    " 2021",
        "2021 ",   "Term",    "terms",   "20210",    "-2021",   "2021-Q",  "2021-QII",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct period p = {PERIOD_YEAR, 7, 7};
        if (period_parse(bad[i], &p) == 0)
            fail_msg("\"%s\" should not parse", bad[i]);
        assert_period(&p, PERIOD_YEAR, 7, 7); /* untouched on failure */
    }
    struct period p;
    assert_int_equal(period_parse(NULL, &p), -1);
    assert_int_equal(period_parse("1900", &p), 0);
    assert_int_equal(period_parse("2200-12", &p), 0);
}

/* Every kind and index prints to a code and a label that parse back to the same period. */
static void test_round_trips(void **state)
{
    (void)state;
    struct period all[32];
    size_t n = 0;
    all[n++] = P(PERIOD_YEAR, 2021, 0);
    for (int h = 1; h <= 2; h++)
        all[n++] = P(PERIOD_HALF, 2021, h);
    for (int q = 1; q <= 4; q++)
        all[n++] = P(PERIOD_QUARTER, 2022, q);
    for (int m = 1; m <= 12; m++)
        all[n++] = P(PERIOD_MONTH, 2023, m);
    all[n++] = P(PERIOD_TERM, 0, 0);
    for (size_t i = 0; i < n; i++) {
        char code[16], label[48];
        struct period back;
        period_code(&all[i], code, sizeof code);
        assert_int_equal(period_parse(code, &back), 0);
        assert_period(&back, all[i].kind, all[i].year, all[i].index);
        assert_int_equal(period_parse_label(code, &back), 0);
        assert_period(&back, all[i].kind, all[i].year, all[i].index);
        period_label_vi(&all[i], label, sizeof label);
        if (period_parse_label(label, &back) != 0)
            fail_msg("label \"%s\" does not parse back", label);
        assert_period(&back, all[i].kind, all[i].year, all[i].index);
    }
}

static void test_print(void **state)
{
    (void)state;
    char buf[48];
    struct period p = P(PERIOD_QUARTER, 2021, 2);
    assert_string_equal(period_code(&p, buf, sizeof buf), "2021-Q2");
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "Quý II/2021");
    assert_string_equal(period_label_en(&p, buf, sizeof buf), "Q2 2021");
    p = P(PERIOD_HALF, 2021, 1);
    assert_string_equal(period_code(&p, buf, sizeof buf), "2021-H1");
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "6 tháng đầu năm 2021");
    assert_string_equal(period_label_en(&p, buf, sizeof buf), "H1 2021");
    p = P(PERIOD_HALF, 2021, 2);
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "6 tháng cuối năm 2021");
    p = P(PERIOD_MONTH, 2021, 6);
    assert_string_equal(period_code(&p, buf, sizeof buf), "2021-06");
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "tháng 6/2021");
    assert_string_equal(period_label_en(&p, buf, sizeof buf), "June 2021");
    p = P(PERIOD_YEAR, 2021, 0);
    assert_string_equal(period_code(&p, buf, sizeof buf), "2021");
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "năm 2021");
    assert_string_equal(period_label_en(&p, buf, sizeof buf), "2021");
    p = P(PERIOD_TERM, 0, 0);
    assert_string_equal(period_code(&p, buf, sizeof buf), "term");
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "cả nhiệm kỳ");
    assert_string_equal(period_label_en(&p, buf, sizeof buf), "whole term");
    p = P(PERIOD_QUARTER, 2021, 5);
    assert_string_equal(period_code(&p, buf, sizeof buf), "");
    assert_string_equal(period_label_vi(&p, buf, sizeof buf), "");
    /* A short buffer truncates and stays terminated. */
    p = P(PERIOD_HALF, 2021, 1);
    char small[8];
    period_label_vi(&p, small, sizeof small);
    assert_true(strlen(small) < sizeof small);
}

/* ---- labels ---- */

static void test_labels(void **state)
{
    (void)state;
    check_label("Quý II/2021", PERIOD_QUARTER, 2021, 2);
    check_label("quý 2/2021", PERIOD_QUARTER, 2021, 2);
    check_label("QUÝ IV/2020", PERIOD_QUARTER, 2020, 4);
    check_label("Quý III năm 2022", PERIOD_QUARTER, 2022, 3);
    check_label("Quí I/2021", PERIOD_QUARTER, 2021, 1);
    check_label("Qu\xC3\xBD II/2021", PERIOD_QUARTER, 2021, 2);  /* NFC ý */
    check_label("Quy\xCC\x81 II/2021", PERIOD_QUARTER, 2021, 2); /* NFD ý */
    check_label("6 tháng đầu năm 2021", PERIOD_HALF, 2021, 1);
    check_label("6 tháng cuối năm 2021", PERIOD_HALF, 2021, 2);
    check_label("6 THÁNG ĐẦU NĂM 2021", PERIOD_HALF, 2021, 1);
    check_label("sáu tháng cuối năm 2024", PERIOD_HALF, 2024, 2);
    check_label("tháng 6/2021", PERIOD_MONTH, 2021, 6);
    check_label("tháng 06/2021", PERIOD_MONTH, 2021, 6);
    check_label("Tháng 12 năm 2021", PERIOD_MONTH, 2021, 12);
    check_label("năm 2021", PERIOD_YEAR, 2021, 0);
    check_label("Năm 2021", PERIOD_YEAR, 2021, 0);
    check_label("cả nhiệm kỳ", PERIOD_TERM, 0, 0);
    check_label("Cả nhiệm kỳ 2020–2025", PERIOD_TERM, 0, 0);
    check_label("toàn khóa", PERIOD_TERM, 0, 0);
    check_label("  2021-Q2 ", PERIOD_QUARTER, 2021, 2);
    check_label("term", PERIOD_TERM, 0, 0);
}

static void test_labels_rejects(void **state)
{
    (void)state;
    check_bad_label("");
    check_bad_label("abc");
    check_bad_label("Quý V/2021");
    check_bad_label("Quý 5/2021");
    check_bad_label("Quý II");
    check_bad_label("tháng 13/2021");
    check_bad_label("tháng 0/2021");
    check_bad_label("6 tháng giữa năm 2021");
    check_bad_label("giữa nhiệm kỳ");
    check_bad_label("năm 1800");
    check_bad_label("Cả nhiệm kỳ 2025–2020");
    check_bad_label("Quý II/2021 và Quý III/2021");
    check_bad_label("\xFF");
    struct period p;
    assert_int_equal(period_parse_label(NULL, &p), -1);
}

/* ---- day ranges ---- */

static void test_first_last_day(void **state)
{
    (void)state;
    struct period p = P(PERIOD_QUARTER, 2021, 1);
    assert_int_equal(period_first_day(&p, 0), day("2021-01-01"));
    assert_int_equal(period_last_day(&p, 0), day("2021-03-31"));
    p = P(PERIOD_MONTH, 2024, 2);
    assert_int_equal(period_last_day(&p, 0), day("2024-02-29"));
    p = P(PERIOD_MONTH, 2023, 2);
    assert_int_equal(period_last_day(&p, 0), day("2023-02-28"));
    p = P(PERIOD_MONTH, 2100, 2); /* not a leap year: divisible by 100, not by 400 */
    assert_int_equal(period_last_day(&p, 0), day("2100-02-28"));
    p = P(PERIOD_MONTH, 2000, 2);
    assert_int_equal(period_last_day(&p, 0), day("2000-02-29"));
    p = P(PERIOD_QUARTER, 2021, 4);
    assert_int_equal(period_first_day(&p, 0), day("2021-10-01"));
    assert_int_equal(period_last_day(&p, 0), day("2021-12-31"));
    p = P(PERIOD_HALF, 2021, 1);
    assert_int_equal(period_last_day(&p, 0), day("2021-06-30"));
    p = P(PERIOD_HALF, 2021, 2);
    assert_int_equal(period_first_day(&p, 0), day("2021-07-01"));
    p = P(PERIOD_YEAR, 2021, 0);
    assert_int_equal(period_first_day(&p, 0), day("2021-01-01"));
    assert_int_equal(period_last_day(&p, 0), day("2021-12-31"));
    p = P(PERIOD_TERM, 0, 0);
    assert_int_equal(period_first_day(&p, 2020), day("2020-01-01"));
    assert_int_equal(period_last_day(&p, 2025), day("2025-12-31"));
    p = P(PERIOD_MONTH, 2021, 13);
    assert_int_equal(period_first_day(&p, 0), INT_MIN);
    assert_int_equal(period_last_day(&p, 0), INT_MIN);
}

static void test_within(void **state)
{
    (void)state;
    struct period m6 = P(PERIOD_MONTH, 2021, 6), m7 = P(PERIOD_MONTH, 2021, 7);
    struct period q2 = P(PERIOD_QUARTER, 2021, 2), h1 = P(PERIOD_HALF, 2021, 1);
    struct period y21 = P(PERIOD_YEAR, 2021, 0), y22 = P(PERIOD_YEAR, 2022, 0);
    struct period term = P(PERIOD_TERM, 0, 0);
    assert_true(period_within(&m6, &q2));
    assert_false(period_within(&m7, &q2));
    assert_true(period_within(&q2, &h1));
    assert_true(period_within(&q2, &y21));
    assert_false(period_within(&q2, &y22));
    assert_true(period_within(&h1, &y21));
    assert_false(period_within(&y21, &h1));
    assert_true(period_within(&q2, &q2));
    assert_true(period_within(&y22, &term));
    assert_true(period_within(&term, &term));
    assert_false(period_within(&term, &y21));
}

/* ---- dates ---- */

static void test_civil(void **state)
{
    (void)state;
    assert_int_equal(date_from_civil(1970, 1, 1), 0);
    assert_int_equal(date_from_civil(1969, 12, 31), -1);
    assert_int_equal(date_from_civil(2000, 3, 1), 11017);
    assert_int_equal(date_from_civil(2020, 7, 14), 18457);
    assert_int_equal(date_from_civil(1900, 1, 1), -25567);
    /* Every day from 1600 to 2400 converts to civil and back, one day apart each time. */
    int first = date_from_civil(1600, 1, 1), last = date_from_civil(2400, 12, 31);
    int py = 1599, pm = 12, pd = 31;
    for (int d = first; d <= last; d++) {
        int y, m, dd;
        date_civil(d, &y, &m, &dd);
        if (date_from_civil(y, m, dd) != d)
            fail_msg("day %d: %04d-%02d-%02d does not convert back", d, y, m, dd);
        bool next_day = y == py && m == pm && dd == pd + 1;
        bool next_month = y == py && m == pm + 1 && dd == 1;
        bool next_year = y == py + 1 && m == 1 && dd == 1 && pm == 12 && pd == 31;
        if (!next_day && !next_month && !next_year)
            fail_msg("day %d: %04d-%02d-%02d does not follow %04d-%02d-%02d", d, y, m, dd, py, pm,
                     pd);
        py = y, pm = m, pd = dd;
    }
    /* The ends of the int range convert without overflow (UBSan would abort here). */
    int ey, em, ed;
    date_civil(INT_MAX, &ey, &em, &ed);
    assert_int_equal(date_from_civil(ey, em, ed), INT_MAX);
    date_civil(INT_MIN, &ey, &em, &ed);
    assert_int_equal(date_from_civil(ey, em, ed), INT_MIN);
    /* Agrees with the C library where the C library has an answer. */
    for (int d = -25567; d < 100000; d += 97) {
        time_t t = (time_t)d * 86400;
        struct tm tm;
        assert_non_null(gmtime_r(&t, &tm));
        assert_int_equal(date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), d);
    }
}

static void test_date_parse(void **state)
{
    (void)state;
    int d;
    assert_int_equal(date_parse("2020-07-14", &d), 0);
    assert_int_equal(d, 18457);
    assert_int_equal(date_parse("2024-02-29", &d), 0);
    static const char *const bad[] = {
        "2023-02-29", "2021-04-31", "2021-13-01",  "2021-00-10",  "2021-01-00",
        "2021-1-01",  "2021/01/01", "20210101",    "2021-01-01x", "",
        "abcd-ef-gh", "2100-02-29", " 2021-01-01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        d = 12345;
        if (date_parse(bad[i], &d) == 0)
            fail_msg("\"%s\" should not parse", bad[i]);
        assert_int_equal(d, 12345);
    }
    assert_int_equal(date_parse(NULL, &d), -1);
}

static void test_date_format(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(date_format_iso(day("2020-07-14"), buf, sizeof buf), "2020-07-14");
    assert_string_equal(date_format_vi(day("2020-07-14"), buf, sizeof buf), "14/07/2020");
    assert_string_equal(date_format_vi(day("2020-10-09"), buf, sizeof buf), "09/10/2020");
    assert_string_equal(date_format_iso(-1, buf, sizeof buf), "1969-12-31");
    /* HD 36: days below 10 and months 1 and 2 take a leading zero, other months do not. */
    assert_string_equal(date_format_vi_long(day("2018-04-03"), buf, sizeof buf),
                        "ngày 03 tháng 4 năm 2018");
    assert_string_equal(date_format_vi_long(day("2018-02-20"), buf, sizeof buf),
                        "ngày 20 tháng 02 năm 2018");
    assert_string_equal(date_format_vi_long(day("2020-01-05"), buf, sizeof buf),
                        "ngày 05 tháng 01 năm 2020");
    assert_string_equal(date_format_vi_long(day("2020-07-14"), buf, sizeof buf),
                        "ngày 14 tháng 7 năm 2020");
    assert_string_equal(date_format_vi_long(day("2020-12-31"), buf, sizeof buf),
                        "ngày 31 tháng 12 năm 2020");
    assert_string_equal(date_format_vi_long(day("2020-03-10"), buf, sizeof buf),
                        "ngày 10 tháng 3 năm 2020");
}

/* date_today follows $TZ, or Vietnam's UTC+7 when it is unset. The expectation is computed
 * the same way from the clock before and after the call, so a midnight in between passes. */
static int expected_today(time_t now)
{
    const char *tz = getenv("TZ");
    if (!tz || !*tz) {
        long long s = (long long)now + 7 * 3600;
        return (int)(s / 86400 - (s % 86400 < 0));
    }
    struct tm tm;
    assert_non_null(localtime_r(&now, &tm));
    return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void test_today(void **state)
{
    (void)state;
    tzset();
    int before = expected_today(time(NULL));
    int today = date_today();
    int after = expected_today(time(NULL));
    assert_true(today == before || today == after);
    /* Within a day of UTC's date whatever the zone. */
    int utc = (int)(time(NULL) / 86400);
    assert_in_range(today, utc - 1, utc + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_codes),    cmocka_unit_test(test_parse_codes_rejects),
        cmocka_unit_test(test_round_trips),    cmocka_unit_test(test_print),
        cmocka_unit_test(test_labels),         cmocka_unit_test(test_labels_rejects),
        cmocka_unit_test(test_first_last_day), cmocka_unit_test(test_within),
        cmocka_unit_test(test_civil),          cmocka_unit_test(test_date_parse),
        cmocka_unit_test(test_date_format),    cmocka_unit_test(test_today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
