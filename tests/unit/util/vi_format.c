/* Unit tests of util/vi_format: Roman numerals, Vietnamese number and percent formatting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "util/vi_format.h"

static void test_roman_numeral(void **state)
{
    (void)state;
    char buf[16];
    assert_string_equal(roman_numeral(1, buf, sizeof buf), "I");
    assert_string_equal(roman_numeral(4, buf, sizeof buf), "IV");
    assert_string_equal(roman_numeral(9, buf, sizeof buf), "IX");
    assert_string_equal(roman_numeral(14, buf, sizeof buf), "XIV");
    assert_string_equal(roman_numeral(21, buf, sizeof buf), "XXI");
    assert_string_equal(roman_numeral(24, buf, sizeof buf), "XXIV");
    assert_string_equal(roman_numeral(28, buf, sizeof buf), "XXVIII");
    assert_string_equal(roman_numeral(40, buf, sizeof buf), "XL");
    assert_string_equal(roman_numeral(1994, buf, sizeof buf), "MCMXCIV");
    assert_string_equal(roman_numeral(3888, buf, sizeof buf), "MMMDCCCLXXXVIII");
    assert_string_equal(roman_numeral(3999, buf, sizeof buf), "MMMCMXCIX");
    assert_string_equal(roman_numeral(0, buf, sizeof buf), "");
    assert_string_equal(roman_numeral(-5, buf, sizeof buf), "");
    assert_string_equal(roman_numeral(4000, buf, sizeof buf), "");
    char small[4];
    roman_numeral(28, small, sizeof small);
    assert_string_equal(small, "XXV"); /* truncated, still terminated */
}

static void test_roman_parse(void **state)
{
    (void)state;
    assert_int_equal(roman_parse("XXIV"), 24);
    assert_int_equal(roman_parse("xxiv"), 24);
    assert_int_equal(roman_parse("XXVIII"), 28);
    assert_int_equal(roman_parse("MMMCMXCIX"), 3999);
    assert_int_equal(roman_parse("MMMDCCCLXXXVIII"), 3888);
    static const char *const bad[] = {"IIII", "VV", "VX",  "IL",  "IC",   "XM", "MMMM", "IIV",
                                      "XXL",  "",   "ABC", "X I", "XIV ", "0",  "LL",   "DD"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (roman_parse(bad[i]) != -1)
            fail_msg("\"%s\" should be rejected, got %d", bad[i], roman_parse(bad[i]));
    assert_int_equal(roman_parse(NULL), -1);
    /* Every numeral written parses back to its number. */
    for (int n = 1; n <= 3999; n++) {
        char buf[16];
        assert_int_equal(roman_parse(roman_numeral(n, buf, sizeof buf)), n);
    }
}

static void check_number(double v, int decimals, const char *want)
{
    char buf[40];
    assert_string_equal(vi_number(v, decimals, buf, sizeof buf), want);
}

static void test_vi_number(void **state)
{
    (void)state;
    check_number(1234.5, 1, "1.234,5");
    check_number(395000, 0, "395.000");
    check_number(-0.25, 2, "-0,25");
    check_number(0, 0, "0");
    check_number(0.5, 0, "0"); /* round half to even */
    check_number(999, 0, "999");
    check_number(1000, 0, "1.000");
    check_number(1234567.891, 2, "1.234.567,89");
    check_number(-1234567, 0, "-1.234.567");
    check_number(3988, 0, "3.988");
    check_number(10.4, 1, "10,4");
    check_number(10.0, 2, "10"); /* trailing zeros cut */
    check_number(10.50, 2, "10,5");
    check_number(0.125, 3, "0,125");
    check_number(-0.001, 1, "0"); /* no negative zero */
    check_number(2.0 / 3.0, 4, "0,6667");
    check_number(1.5, -3, "2"); /* negative decimals count as 0 */
    check_number(NAN, 1, "");
    check_number(INFINITY, 1, "");
    /* Too long for the buffer: empty rather than a wrong, truncated figure. */
    char tiny[6];
    assert_string_equal(vi_number(1234567, 0, tiny, sizeof tiny), "");
    assert_string_equal(vi_number(12345, 0, tiny, sizeof tiny), "");
    assert_string_equal(vi_number(1234, 0, tiny, sizeof tiny), "1.234");
    char big[600];
    vi_number(1e300, 0, big, sizeof big);
    assert_int_equal(strlen(big), 301 + 100);
}

static void test_vi_percent(void **state)
{
    (void)state;
    char buf[40];
    assert_string_equal(vi_percent(0.9916, buf, sizeof buf), "99,2%");
    assert_string_equal(vi_percent(1.0, buf, sizeof buf), "100%");
    assert_string_equal(vi_percent(0.104, buf, sizeof buf), "10,4%");
    assert_string_equal(vi_percent(0, buf, sizeof buf), "0%");
    assert_string_equal(vi_percent(0.5, buf, sizeof buf), "50%");
    assert_string_equal(vi_percent(12.345, buf, sizeof buf), "1.234,5%");
    assert_string_equal(vi_percent(-0.05, buf, sizeof buf), "-5%");
    assert_string_equal(vi_percent(NAN, buf, sizeof buf), "");
    char tiny[4];
    assert_string_equal(vi_percent(0.9916, tiny, sizeof tiny), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roman_numeral),
        cmocka_unit_test(test_roman_parse),
        cmocka_unit_test(test_vi_number),
        cmocka_unit_test(test_vi_percent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
