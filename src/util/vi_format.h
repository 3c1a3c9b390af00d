/* Vietnamese forms of numbers and ordinals for display and documents. */
#ifndef TK_VI_FORMAT_H
#define TK_VI_FORMAT_H
#include <stddef.h>

/* Roman numeral of 1..3999 ("XXIV"); "" for anything else. buf at least 16 bytes. */
char *roman_numeral(int n, char *buf, size_t size);
/* Inverse of roman_numeral: 24 for "XXIV" (upper or lower case); -1 when not canonical. */
int roman_parse(const char *s);
/* Number with Vietnamese separators and at most `decimals` decimals, trailing zeros cut:
 * 1234.5 → "1.234,5", 395000 → "395.000", -0.25 → "-0,25". buf at least 40 bytes. */
char *vi_number(double v, int decimals, char *buf, size_t size);
/* Percentage of a 0..1 ratio: 0.9916 → "99,2%" (one decimal, cut when zero). */
char *vi_percent(double ratio, char *buf, size_t size);
#endif
