/*
 * Periods of reporting and time frames: "2021", "2021-Q2", "2021-H1", "2021-06", "term".
 * Parsed from the API's codes and from Vietnamese labels ("Quý II/2021", "6 tháng đầu năm
 * 2021", "tháng 6/2021", "năm 2021", "cả nhiệm kỳ"), and printed both ways.
 */
#ifndef TK_PERIOD_H
#define TK_PERIOD_H
#include <stdbool.h>
#include <stddef.h>

enum period_kind { PERIOD_YEAR, PERIOD_HALF, PERIOD_QUARTER, PERIOD_MONTH, PERIOD_TERM };

struct period {
    enum period_kind kind;
    int year;  /* 0 for PERIOD_TERM */
    int index; /* half 1–2, quarter 1–4, month 1–12; 0 for a year or the term */
};

/* Parses an API code ("2021-Q2") into *p. Returns 0, or -1 when s is not a period code
 * (also for out-of-range values like "2021-Q5", "2021-13", years outside 1900–2200).
 * Codes are exact: upper-case H/Q, two-digit months, no blanks. *p is untouched on failure. */
int period_parse(const char *s, struct period *p);

/* Parses a Vietnamese label ("Quý II/2021", "quý 2/2021", "6 tháng đầu năm 2021",
 * "6 tháng cuối năm 2021", "tháng 6/2021", "tháng 06/2021", "năm 2021", "cả nhiệm kỳ"),
 * case-insensitive, NFC or NFD. Also accepts the API codes, "năm" before the year ("Quý II
 * năm 2021"), "quí", "sáu tháng …", "nửa đầu/cuối năm 2021", "toàn khóa", "toàn nhiệm kỳ" and
 * the term's years after "cả nhiệm kỳ 2020–2025" (not stored: a term period has none).
 * Returns 0 or -1; *p is untouched on failure. */
int period_parse_label(const char *s, struct period *p);

/* Writes the API code into buf (at least 16 bytes). Returns buf. */
char *period_code(const struct period *p, char *buf, size_t size);

/* Writes the Vietnamese label: "năm 2021", "6 tháng đầu năm 2021", "6 tháng cuối năm 2021",
 * "Quý II/2021", "tháng 6/2021", "cả nhiệm kỳ". buf at least 48 bytes. Returns buf. */
char *period_label_vi(const struct period *p, char *buf, size_t size);

/* English label: "2021", "H1 2021", "Q2 2021", "June 2021", "whole term". */
char *period_label_en(const struct period *p, char *buf, size_t size);

/* First and last day of the period as days since 1970-01-01. For PERIOD_TERM the
 * caller's term years are used: 1 January of starts_year to 31 December of ends_year.
 * INT_MIN when p is not a valid period. */
int period_first_day(const struct period *p, int term_starts_year);
int period_last_day(const struct period *p, int term_ends_year);

/* True when period a lies within period b (a month in its quarter, a quarter in its
 * half/year, anything in the term). */
bool period_within(const struct period *a, const struct period *b);

/* Dates as days since 1970-01-01 (proleptic Gregorian), to and from "YYYY-MM-DD".
 * date_parse returns 0 and fills *days, or -1 when s is not a real calendar date. */
int date_parse(const char *s, int *days);
char *date_format_iso(int days, char *buf, size_t size); /* "2020-07-14" */
char *date_format_vi(int days, char *buf, size_t size);  /* "14/07/2020" */
/* Document date line, with HD 36's leading zeros: "ngày 03 tháng 4 năm 2018",
 * "ngày 20 tháng 02 năm 2018" (months 1 and 2 and days below 10 take a 0). */
char *date_format_vi_long(int days, char *buf, size_t size);
void date_civil(int days, int *year, int *month, int *day);
int date_from_civil(int year, int month, int day);
/* Today in the time zone of $TZ (default Asia/Ho_Chi_Minh), as days since 1970-01-01. */
int date_today(void);
#endif
