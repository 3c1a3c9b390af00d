/*
 * Numbers as Vietnamese readers write them: congress ordinals in Roman numerals ("Đại hội
 * lần thứ XXIV"), figures with a thousands dot and a decimal comma ("1.234,5", "99,2%").
 * Output goes into caller buffers and never depends on the process locale; nothing here
 * allocates.
 */
#include "util/vi_format.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const struct {
    int value;
    const char *digits;
} romans[] = {
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
    {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"},
};

enum { ROMAN_MAX_LEN = 15 }; /* "MMMDCCCLXXXVIII", 3888 */

/* Writes the canonical numeral of 1..3999 into out (ROMAN_MAX_LEN + 1 bytes). */
static void roman_write(int n, char *out)
{
    size_t len = 0;
    for (size_t i = 0; i < sizeof romans / sizeof *romans; i++) {
        for (; n >= romans[i].value; n -= romans[i].value) {
            size_t k = strlen(romans[i].digits);
            memcpy(out + len, romans[i].digits, k);
            len += k;
        }
    }
    out[len] = '\0';
}

char *roman_numeral(int n, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    if (n < 1 || n > 3999)
        return buf;
    char tmp[ROMAN_MAX_LEN + 1];
    roman_write(n, tmp);
    snprintf(buf, size, "%s", tmp);
    return buf;
}

/* Reads the numeral greedily, then insists that writing the value back gives the same
 * letters: that one comparison rejects every non-canonical form ("IIII", "VX", "IL",
 * "MMMM") without a rule for each. */
int roman_parse(const char *s)
{
    if (!s)
        return -1;
    size_t len = strlen(s);
    if (len == 0 || len > ROMAN_MAX_LEN)
        return -1;
    char up[ROMAN_MAX_LEN + 1];
    for (size_t i = 0; i <= len; i++)
        up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i]);
    int value = 0;
    const char *p = up;
    for (size_t i = 0; i < sizeof romans / sizeof *romans; i++) {
        size_t k = strlen(romans[i].digits);
        while (strncmp(p, romans[i].digits, k) == 0 && value <= 3999) {
            value += romans[i].value;
            p += k;
        }
    }
    if (*p || value < 1 || value > 3999)
        return -1;
    char canon[ROMAN_MAX_LEN + 1];
    roman_write(value, canon);
    return strcmp(canon, up) == 0 ? value : -1;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* printf does the rounding; the result is then re-punctuated by hand. The decimal point is
 * found as whatever follows the integer digits, so a program that has called setlocale()
 * still gets Vietnamese separators. Results that do not fit the buffer give "" rather than
 * a truncated, wrong number. */
char *vi_number(double v, int decimals, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    if (!isfinite(v))
        return buf;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 15)
        decimals = 15;
    char raw[400]; /* DBL_MAX has 309 integer digits */
    int n = snprintf(raw, sizeof raw, "%.*f", decimals, v);
    if (n < 0 || (size_t)n >= sizeof raw)
        return buf;
    const char *p = raw;
    bool negative = *p == '-';
    if (negative)
        p++;
    const char *whole = p;
    while (is_digit(*p))
        p++;
    size_t whole_len = (size_t)(p - whole);
    while (*p && !is_digit(*p))
        p++;
    const char *frac = p;
    size_t frac_len = strlen(frac);
    while (frac_len && frac[frac_len - 1] == '0')
        frac_len--;
    bool zero = frac_len == 0 && strspn(whole, "0") >= whole_len;

    char out[600];
    size_t k = 0;
    if (negative && !zero) /* -0.001 with one decimal is "0", not "-0" */
        out[k++] = '-';
    for (size_t i = 0; i < whole_len; i++) {
        if (i && (whole_len - i) % 3 == 0)
            out[k++] = '.';
        out[k++] = whole[i];
    }
    if (frac_len) {
        out[k++] = ',';
        memcpy(out + k, frac, frac_len);
        k += frac_len;
    }
    out[k] = '\0';
    if (k + 1 > size)
        return buf;
    memcpy(buf, out, k + 1);
    return buf;
}

char *vi_percent(double ratio, char *buf, size_t size)
{
    if (!size)
        return buf;
    char num[600];
    vi_number(ratio * 100.0, 1, num, sizeof num);
    if (!num[0] || strlen(num) + 2 > size) {
        buf[0] = '\0';
        return buf;
    }
    snprintf(buf, size, "%s%%", num);
    return buf;
}
