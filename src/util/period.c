/*
 * Reporting periods and calendar dates. A period is a year, a half, a quarter, a month or the
 * whole term; this module reads and writes them as API codes ("2021-Q2") and as the labels
 * Vietnamese documents use ("Quý II/2021"), and turns them into day ranges. Dates are counted
 * in days since 1970-01-01 on the proleptic Gregorian calendar, which makes ranges, overdue
 * checks and "days after the congress" plain integer arithmetic. It knows nothing of terms
 * beyond the years its callers pass in.
 */
#include "util/period.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/text.h"

enum { YEAR_MIN = 1900, YEAR_MAX = 2200 };

/* ---- calendar ---- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil: shifting the year to start on 1 March puts the leap day
 * last, so the day of the year follows from the month by one linear formula, and 400-year
 * eras of exactly 146097 days make it exact for any year, negative ones included. The
 * arithmetic is done in long long so that no int input overflows; the result is exact while
 * it fits an int (years within about ±5.8 million). */
int date_from_civil(int year, int month, int day)
{
    long long y = (long long)year - (month <= 2);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;                                                   /* 0..399 */
    long long doy = (153LL * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; /* 0..365 */
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                           /* 0..146096 */
    return (int)(era * 146097 + doe - 719468); /* 719468: 0000-03-01 to 1970-01-01 */
}

/* The inverse, civil_from_days, by the same era/March-year decomposition. */
void date_civil(int days, int *year, int *month, int *day)
{
    long long z = (long long)days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;                                      /* 0..146096 */
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0..365 */
    long long mp = (5 * doy + 2) / 153;                                    /* March = 0 */
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = m;
    *year = (int)(yoe + era * 400 + (m <= 2));
}

/* Reads exactly n ASCII digits at s into *v. */
static bool digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

int date_parse(const char *s, int *days)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *days = date_from_civil(y, m, d);
    return 0;
}

char *date_format_iso(int days, char *buf, size_t size)
{
    int y, m, d;
    date_civil(days, &y, &m, &d);
    snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    return buf;
}

char *date_format_vi(int days, char *buf, size_t size)
{
    int y, m, d;
    date_civil(days, &y, &m, &d);
    snprintf(buf, size, "%02d/%02d/%04d", d, m, y);
    return buf;
}

/* HD 36 (and Decree 30 for state documents) pad days below 10 and the months January and
 * February, so that a date line cannot be altered by writing a digit in front. */
char *date_format_vi_long(int days, char *buf, size_t size)
{
    int y, m, d;
    date_civil(days, &y, &m, &d);
    snprintf(buf, size, m <= 2 ? "ngày %02d tháng %02d năm %d" : "ngày %02d tháng %d năm %d", d, m,
             y);
    return buf;
}

/* Whether $TZ names a zone is read once, under pthread_once, and tzset() is called then:
 * localtime_r need not call it, and setenv() is never used, since changing the environment
 * of a threaded server races with every getenv. When $TZ is unset or empty the offset is
 * Vietnam's fixed UTC+7 (no daylight saving since 1975), so no zone database is needed. */
static pthread_once_t tz_once = PTHREAD_ONCE_INIT;
static bool tz_vietnam;

static void tz_init(void)
{
    const char *tz = getenv("TZ");
    tz_vietnam = !tz || !*tz;
    if (!tz_vietnam)
        tzset();
}

static int floor_div(long long a, long long b)
{
    return (int)(a / b - (a % b < 0));
}

int date_today(void)
{
    pthread_once(&tz_once, tz_init);
    time_t now = time(NULL);
    if (tz_vietnam)
        return floor_div((long long)now + 7 * 3600, 86400);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return floor_div((long long)now, 86400);
    return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ---- periods ---- */

static bool period_valid(const struct period *p)
{
    if (!p)
        return false;
    if (p->kind == PERIOD_TERM)
        return true;
    if (p->year < YEAR_MIN || p->year > YEAR_MAX)
        return false;
    switch (p->kind) {
    case PERIOD_YEAR:
        return p->index == 0;
    case PERIOD_HALF:
        return p->index >= 1 && p->index <= 2;
    case PERIOD_QUARTER:
        return p->index >= 1 && p->index <= 4;
    case PERIOD_MONTH:
        return p->index >= 1 && p->index <= 12;
    default:
        return false;
    }
}

static int set(struct period *p, enum period_kind kind, int year, int index)
{
    struct period q = {kind, year, index};
    if (!period_valid(&q))
        return -1;
    *p = q;
    return 0;
}

int period_parse(const char *s, struct period *p)
{
    int year, index;
    if (!s || !p)
        return -1;
    if (strcmp(s, "term") == 0)
        return set(p, PERIOD_TERM, 0, 0);
    size_t n = strlen(s);
    if (n < 4 || !digits(s, 4, &year))
        return -1;
    if (n == 4)
        return set(p, PERIOD_YEAR, year, 0);
    if (s[4] != '-')
        return -1;
    if (n == 7 && (s[5] == 'H' || s[5] == 'Q') && digits(s + 6, 1, &index))
        return set(p, s[5] == 'H' ? PERIOD_HALF : PERIOD_QUARTER, year, index);
    if (n == 7 && digits(s + 5, 2, &index))
        return set(p, PERIOD_MONTH, year, index);
    return -1;
}

/* Splits folded text into at most max space-separated words, in place. */
static int split(char *s, char **words, int max)
{
    int n = 0;
    char *save;
    for (char *t = strtok_r(s, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (n == max)
            return max + 1;
        words[n++] = t;
    }
    return n;
}

/* A whole word of 1 to 4 digits. */
static bool number(const char *w, int *v)
{
    size_t n = strlen(w);
    return n >= 1 && n <= 4 && digits(w, (int)n, v);
}

static bool eq(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

/* Labels are matched on their search form (text_fold), which takes care of case, NFD input,
 * and the slash or dash between the parts: "Quý II/2021" is the words "quy ii 2021". An
 * optional "nam" before the year ("quý II năm 2021", "tháng 6 năm 2021") is allowed. */
static int parse_words(char **w, int n, struct period *p)
{
    int v, year;
    if (n >= 1 && (eq(w[0], "ca") || eq(w[0], "toan"))) {
        /* "cả nhiệm kỳ", "toàn nhiệm kỳ", "toàn khóa", optionally with the term's years,
         * which the period itself does not carry. */
        int k;
        if (n >= 3 && eq(w[1], "nhiem") && eq(w[2], "ky"))
            k = 3;
        else if (n >= 2 && eq(w[0], "toan") && eq(w[1], "khoa"))
            k = 2;
        else
            return -1;
        if (k == n)
            return set(p, PERIOD_TERM, 0, 0);
        int y1, y2;
        if (k + 2 == n && number(w[k], &y1) && number(w[k + 1], &y2) && y1 < y2)
            return set(p, PERIOD_TERM, 0, 0);
        return -1;
    }
    /* The year is the last word, with an optional "nam" before it. */
    if (n < 2 || !number(w[n - 1], &year))
        return -1;
    n--;
    if (n >= 2 && eq(w[n - 1], "nam"))
        n--;
    if (n == 1 && eq(w[0], "nam"))
        return set(p, PERIOD_YEAR, year, 0);
    if (n == 0)
        return -1;
    if (n == 2 && (eq(w[0], "quy") || eq(w[0], "qui"))) {
        static const char *const roman[] = {"i", "ii", "iii", "iv"};
        for (int q = 0; q < 4; q++)
            if (eq(w[1], roman[q]))
                return set(p, PERIOD_QUARTER, year, q + 1);
        if (number(w[1], &v) && strlen(w[1]) == 1)
            return set(p, PERIOD_QUARTER, year, v);
        return -1;
    }
    if (n == 2 && eq(w[0], "thang") && number(w[1], &v) && strlen(w[1]) <= 2)
        return set(p, PERIOD_MONTH, year, v);
    /* "6 tháng đầu/cuối năm 2021", also "sáu tháng", and "nửa đầu/cuối năm". The "nam"
     * before the year has been consumed above. */
    bool six = n == 3 && (eq(w[0], "6") || eq(w[0], "sau")) && eq(w[1], "thang");
    bool half = n == 2 && eq(w[0], "nua");
    if (six || half) {
        const char *which = w[n - 1];
        if (eq(which, "dau"))
            return set(p, PERIOD_HALF, year, 1);
        if (eq(which, "cuoi"))
            return set(p, PERIOD_HALF, year, 2);
    }
    return -1;
}

int period_parse_label(const char *s, struct period *p)
{
    if (!s || !p)
        return -1;
    /* API codes first, with surrounding blanks allowed. */
    while (*s == ' ' || *s == '\t')
        s++;
    char code[16];
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n < sizeof code) {
        memcpy(code, s, n);
        code[n] = '\0';
        if (period_parse(code, p) == 0)
            return 0;
    }
    char *folded = text_fold(s);
    if (!folded)
        return -1;
    char *words[6];
    int count = split(folded, words, 6);
    int rc = count <= 6 ? parse_words(words, count, p) : -1;
    free(folded);
    return rc;
}

char *period_code(const struct period *p, char *buf, size_t size)
{
    if (!size)
        return buf;
    if (!period_valid(p)) {
        buf[0] = '\0';
        return buf;
    }
    switch (p->kind) {
    case PERIOD_YEAR:
        snprintf(buf, size, "%d", p->year);
        break;
    case PERIOD_HALF:
        snprintf(buf, size, "%d-H%d", p->year, p->index);
        break;
    case PERIOD_QUARTER:
        snprintf(buf, size, "%d-Q%d", p->year, p->index);
        break;
    case PERIOD_MONTH:
        snprintf(buf, size, "%d-%02d", p->year, p->index);
        break;
    case PERIOD_TERM:
        snprintf(buf, size, "term");
        break;
    }
    return buf;
}

char *period_label_vi(const struct period *p, char *buf, size_t size)
{
    static const char *const roman[] = {"", "I", "II", "III", "IV"};
    if (!size)
        return buf;
    if (!period_valid(p)) {
        buf[0] = '\0';
        return buf;
    }
    switch (p->kind) {
    case PERIOD_YEAR:
        snprintf(buf, size, "năm %d", p->year);
        break;
    case PERIOD_HALF:
        snprintf(buf, size, "6 tháng %s năm %d", p->index == 1 ? "đầu" : "cuối", p->year);
        break;
    case PERIOD_QUARTER:
        snprintf(buf, size, "Quý %s/%d", roman[p->index], p->year);
        break;
    case PERIOD_MONTH:
        snprintf(buf, size, "tháng %d/%d", p->index, p->year);
        break;
    case PERIOD_TERM:
        snprintf(buf, size, "cả nhiệm kỳ");
        break;
    }
    return buf;
}

char *period_label_en(const struct period *p, char *buf, size_t size)
{
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    if (!size)
        return buf;
    if (!period_valid(p)) {
        buf[0] = '\0';
        return buf;
    }
    switch (p->kind) {
    case PERIOD_YEAR:
        snprintf(buf, size, "%d", p->year);
        break;
    case PERIOD_HALF:
        snprintf(buf, size, "H%d %d", p->index, p->year);
        break;
    case PERIOD_QUARTER:
        snprintf(buf, size, "Q%d %d", p->index, p->year);
        break;
    case PERIOD_MONTH:
        snprintf(buf, size, "%s %d", months[p->index - 1], p->year);
        break;
    case PERIOD_TERM:
        snprintf(buf, size, "whole term");
        break;
    }
    return buf;
}

/* First and last month (1–12) of a dated period. */
static void month_range(const struct period *p, int *first, int *last)
{
    switch (p->kind) {
    case PERIOD_HALF:
        *first = 6 * p->index - 5, *last = 6 * p->index;
        break;
    case PERIOD_QUARTER:
        *first = 3 * p->index - 2, *last = 3 * p->index;
        break;
    case PERIOD_MONTH:
        *first = *last = p->index;
        break;
    default:
        *first = 1, *last = 12;
        break;
    }
}

int period_first_day(const struct period *p, int term_starts_year)
{
    if (!period_valid(p))
        return INT_MIN;
    if (p->kind == PERIOD_TERM)
        return date_from_civil(term_starts_year, 1, 1);
    int first, last;
    month_range(p, &first, &last);
    return date_from_civil(p->year, first, 1);
}

int period_last_day(const struct period *p, int term_ends_year)
{
    if (!period_valid(p))
        return INT_MIN;
    if (p->kind == PERIOD_TERM)
        return date_from_civil(term_ends_year, 12, 31);
    int first, last;
    month_range(p, &first, &last);
    return date_from_civil(p->year, last, days_in_month(p->year, last));
}

bool period_within(const struct period *a, const struct period *b)
{
    if (!period_valid(a) || !period_valid(b))
        return false;
    if (b->kind == PERIOD_TERM)
        return true;
    if (a->kind == PERIOD_TERM)
        return false;
    return period_first_day(a, 0) >= period_first_day(b, 0) &&
           period_last_day(a, 0) <= period_last_day(b, 0);
}
