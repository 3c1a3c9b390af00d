/* Unit tests of domain/suggest: BM25 ranking of resolution items against a task's text,
 * insensitive to case and diacritics, over syllables and syllable pairs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/suggest.h"

static const char *const items[] = {
    "Phát triển kinh tế cửa khẩu Móng Cái gắn với khu kinh tế cửa khẩu",
    "Xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh",
    "Bảo vệ môi trường vịnh Hạ Long",
    "Nâng cao chất lượng giáo dục và đào tạo nguồn nhân lực",
    "Củng cố quốc phòng, an ninh vùng biên giới",
};
enum { N = sizeof items / sizeof items[0] };

/* Ranks query against items; fails unless the best is `best` and exactly `count` match. */
static void assert_best(const char *query, size_t best, size_t count)
{
    struct suggestion out[N];
    size_t m = suggest_rank(items, N, query, out, N);
    if (m != count)
        fail_msg("\"%s\": %zu matches, expected %zu", query, m, count);
    if (count && out[0].index != best)
        fail_msg("\"%s\": best is %zu (\"%s\", %.3f), expected %zu (\"%s\")", query, out[0].index,
                 items[out[0].index], out[0].score, best, items[best]);
}

static void test_matching_text_ranks_first(void **state)
{
    (void)state;
    assert_best("Xây dựng hệ thống chính trị", 1, 1);
    assert_best("bảo vệ môi trường", 2, 1);
    assert_best("đào tạo nhân lực chất lượng cao", 3, 1);
    assert_best("quốc phòng an ninh", 4, 1);
}

static void test_folds_case_and_diacritics(void **state)
{
    (void)state;
    assert_best("cua khau", 0, 1);
    assert_best("CỬA KHẨU", 0, 1);
    assert_best("mong cai", 0, 1);
    assert_best("dang", 1, 1); /* đ → d */
    assert_best("Ha Long", 2, 1);
    /* NFD input folds the same. */
    assert_best("cu\xcc\x9b\xcc\x89"
                "a kha\xcc\x82\xcc\x89u",
                0, 1);
}

static void test_no_overlap(void **state)
{
    (void)state;
    struct suggestion out[N];
    assert_int_equal(suggest_rank(items, N, "zzz qqq", out, N), 0);
    assert_int_equal(suggest_rank(items, N, "", out, N), 0);
    assert_int_equal(suggest_rank(items, N, " ,.;", out, N), 0);
    assert_int_equal(suggest_rank(items, 0, "kinh tế", out, N), 0);
    assert_int_equal(suggest_rank(NULL, 0, "kinh tế", out, N), 0);
}

/* Many texts match; at most `limit` come back, best first, each with a positive score. */
static void test_limit_and_order(void **state)
{
    (void)state;
    const char *const texts[] = {
        "phát triển du lịch",     "phát triển kinh tế biển", "phát triển kinh tế",
        "phát triển nông nghiệp", "quy hoạch đô thị",
    };
    struct suggestion out[5];
    memset(out, 0, sizeof out);
    assert_int_equal(suggest_rank(texts, 5, "phát triển kinh tế", out, 5), 4);
    /* Shortest text holding the whole query first, then the longer one. */
    assert_int_equal(out[0].index, 2);
    assert_int_equal(out[1].index, 1);
    for (size_t i = 0; i < 4; i++) {
        assert_true(out[i].score > 0);
        if (i)
            assert_true(out[i - 1].score >= out[i].score);
        assert_int_not_equal(out[i].index, 4);
    }
    struct suggestion two[2];
    assert_int_equal(suggest_rank(texts, 5, "phát triển kinh tế", two, 2), 2);
    assert_int_equal(two[0].index, 2);
    assert_int_equal(two[1].index, 1);
    assert_int_equal(suggest_rank(texts, 5, "phát triển kinh tế", two, 1), 1);
    assert_int_equal(two[0].index, 2);
    assert_int_equal(suggest_rank(texts, 5, "phát triển kinh tế", two, 0), 0);
}

/* A shared syllable pair ("kinh tế") outweighs the same syllables apart. */
static void test_pairs_count(void **state)
{
    (void)state;
    const char *const texts[] = {"tế bào kinh doanh", "phát triển kinh tế"};
    struct suggestion out[2];
    assert_int_equal(suggest_rank(texts, 2, "kinh tế", out, 2), 2);
    assert_int_equal(out[0].index, 1);
    assert_true(out[0].score > out[1].score);
}

/* Equal scores keep the callers' order; repeating a query word changes nothing. */
static void test_ties_and_repeats(void **state)
{
    (void)state;
    const char *const texts[] = {"an ninh trật tự", "quốc phòng", "an ninh trật tự"};
    struct suggestion out[3];
    assert_int_equal(suggest_rank(texts, 3, "an ninh", out, 3), 2);
    assert_int_equal(out[0].index, 0);
    assert_int_equal(out[1].index, 2);
    assert_true(out[0].score == out[1].score);
    double once = out[0].score;
    assert_int_equal(suggest_rank(texts, 3, "an ninh an ninh", out, 3), 2);
    assert_true(out[0].score == once);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matching_text_ranks_first),
        cmocka_unit_test(test_folds_case_and_diacritics),
        cmocka_unit_test(test_no_overlap),
        cmocka_unit_test(test_limit_and_order),
        cmocka_unit_test(test_pairs_count),
        cmocka_unit_test(test_ties_and_repeats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
