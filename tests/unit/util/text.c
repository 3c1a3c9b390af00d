/* Unit tests of util/text: UTF-8 checks, NFC, folding, tone placement, sort keys, legacy
 * encodings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util/text.h"

/* Checks a malloc'd result against an expectation and frees it. */
static void check_str(char *got, const char *want)
{
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void check_fold(const char *in, const char *want)
{
    check_str(text_fold(in), want);
}

static void check_same_fold(const char *a, const char *b)
{
    char *fa = text_fold(a), *fb = text_fold(b);
    assert_non_null(fa);
    assert_non_null(fb);
    assert_string_equal(fa, fb);
    free(fa);
    free(fb);
}

static int key_cmp(const char *a, const char *b)
{
    char *ka = text_sort_key(a), *kb = text_sort_key(b);
    assert_non_null(ka);
    assert_non_null(kb);
    int c = strcmp(ka, kb);
    free(ka);
    free(kb);
    return c;
}

static void assert_before(const char *a, const char *b)
{
    if (key_cmp(a, b) >= 0)
        fail_msg("\"%s\" should sort before \"%s\"", a, b);
    if (key_cmp(b, a) <= 0)
        fail_msg("\"%s\" should sort after \"%s\"", b, a);
}

static void assert_sorts_equal(const char *a, const char *b)
{
    if (key_cmp(a, b) != 0)
        fail_msg("\"%s\" and \"%s\" should have the same sort key", a, b);
}

static bool valid(const char *s, size_t len)
{
    return text_valid_utf8(s, len);
}

/* ---- UTF-8 ---- */

static void test_valid_utf8_accepts(void **state)
{
    (void)state;
    assert_true(valid("", 0));
    assert_true(valid("abc", 3));
    assert_true(valid("Đảng bộ", strlen("Đảng bộ")));
    assert_true(valid("\xF0\x9F\x98\x80", 4)); /* U+1F600, four bytes */
    assert_true(valid("\xF4\x8F\xBF\xBF", 4)); /* U+10FFFF, the last code point */
    assert_true(valid("\xED\x9F\xBF", 3));     /* U+D7FF, just below the surrogates */
    assert_true(valid("\xEE\x80\x80", 3));     /* U+E000, just above them */
    assert_true(valid("abc\xFF", 3));          /* only len bytes are looked at */
}

static void test_valid_utf8_rejects(void **state)
{
    (void)state;
    assert_false(valid("\xC0\x80", 2));         /* overlong NUL */
    assert_false(valid("\xC1\xBF", 2));         /* overlong '\x7F' */
    assert_false(valid("\xE0\x80\xAF", 3));     /* overlong '/' in three bytes */
    assert_false(valid("\xF0\x80\x80\xAF", 4)); /* overlong '/' in four bytes */
    assert_false(valid("\xED\xA0\x80", 3));     /* U+D800, a surrogate */
    assert_false(valid("\xED\xBF\xBF", 3));     /* U+DFFF */
    assert_false(valid("\xF4\x90\x80\x80", 4)); /* U+110000 */
    assert_false(valid("\xE1\xBA", 2));         /* truncated ả */
    assert_false(valid("a\xC3", 2));            /* truncated at the end */
    assert_false(valid("\xC3\x28", 2));         /* bad continuation */
    assert_false(valid("\x80", 1));             /* lone continuation */
    assert_false(valid("\xFF", 1));
    assert_false(valid("\xFE", 1));
    assert_false(valid("\xF5\x80\x80\x80", 4));
    assert_false(valid("ab\0cd", 5)); /* embedded NUL */
}

static void test_length(void **state)
{
    (void)state;
    assert_int_equal(text_length(""), 0);
    assert_int_equal(text_length("Đảng"), 4);
    assert_int_equal(text_length("Mo\xCC\x81ng"), 5); /* NFD counts the combining mark */
}

/* text_scan says what text_length, text_is_quick_nfc and a blank check say, in one pass, and
 * refuses what text_valid_utf8 refuses. */
static void test_scan(void **state)
{
    (void)state;
    static const char *const texts[] = {"",
                                        "   ",
                                        " \t\r\n",
                                        "Đảng bộ",
                                        "Mo\xCC\x81ng",
                                        "Móng Cái",
                                        " a ",
                                        "\xC2\xA0",
                                        "ɏ",
                                        "ɐ",
                                        "Ḁ",
                                        "ỿ",
                                        "Ἀ",
                                        "\xF0\x9F\x98\x80",
                                        "Quý II/2021 — 6 tháng",
                                        "x"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *t = texts[i];
        struct text_scan scan = {99, false, false};
        assert_true(text_scan(t, strlen(t), &scan));
        assert_int_equal(scan.length, text_length(t));
        assert_int_equal(scan.quick, text_is_quick_nfc(t));
        assert_int_equal(scan.blank, strspn(t, " \t\r\n") == strlen(t));
    }
    struct text_scan scan = {7, true, true};
    assert_false(text_scan("ab\0cd", 5, &scan));
    assert_false(text_scan("\xE1\xBA", 2, &scan)); /* ả cut after two of its bytes */
    assert_int_equal(scan.length, 7);              /* *out is left alone on a refusal */
    assert_true(text_scan("ab\0cd", 2, NULL));     /* only len bytes are looked at */
}

/* ---- NFC ---- */

static void test_nfc(void **state)
{
    (void)state;
    check_str(text_nfc("Mo\xCC\x81ng Ca\xCC\x81i"), "Móng Cái");
    /* The Microsoft keyboard's partly decomposed ê + acute. */
    check_str(text_nfc("Hu\xC3\xAA\xCC\x81"), "Huế");
    /* Fully decomposed with the marks out of canonical order: dot below then circumflex. */
    check_str(text_nfc("Vie\xCC\xA3\xCC\x82t"), "Việt");
    check_str(text_nfc("Vie\xCC\x82\xCC\xA3t"), "Việt");
    /* Deprecated U+0341 and U+0340 become the ordinary acute and grave. */
    check_str(text_nfc("ca\xCD\x81"), "cá");
    check_str(text_nfc("ca\xCD\x80"), "cà");
    check_str(text_nfc("Đã là NFC"), "Đã là NFC");
    check_str(text_nfc(""), "");
    assert_null(text_nfc("\xC0\x80"));
    assert_null(text_nfc("abc\xFF"));
    assert_null(text_nfc(NULL));
}

/* ---- folding ---- */

static void test_fold_basic(void **state)
{
    (void)state;
    check_fold("Đảng bộ", "dang bo");
    check_fold("Đảng bộ TP. Móng Cái", "dang bo tp mong cai");
    check_fold("ĐẢNG BỘ", "dang bo");
    check_fold("ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư đ Đ", "a a e o o u a a e o o u d d");
    check_fold("  Số 01-NQ/TU,  ngày…  ", "so 01 nq tu ngay");
    check_fold("Nghị quyết\tsố\n05", "nghi quyet so 05");
    check_fold("", "");
    check_fold(" .,;- ", "");
    assert_null(text_fold("\xED\xA0\x80"));
    assert_null(text_fold(NULL));
}

static void test_fold_equivalences(void **state)
{
    (void)state;
    check_same_fold("MÓNG CÁI", "mong cai");
    check_same_fold("Tỉnh uỷ", "Tỉnh ủy");
    check_same_fold("HUYỆN UỶ ĐỊNH HOÁ", "huyện ủy định hóa");
    check_same_fold("Mo\xCC\x81ng Ca\xCC\x81i", "Móng Cái"); /* NFD and NFC */
    check_same_fold("Hu\xC3\xAA\xCC\x81", "Huế");            /* partly decomposed */
    check_same_fold("Đà Nẵng", "da nang");
}

/* ---- tone placement ---- */

static void test_unify_tones(void **state)
{
    (void)state;
    check_str(text_unify_tones("Uỷ ban nhân dân"), "Ủy ban nhân dân");
    check_str(text_unify_tones("Tỉnh uỷ"), "Tỉnh ủy");
    check_str(text_unify_tones("HUYỆN UỶ ĐỊNH HOÁ"), "HUYỆN ỦY ĐỊNH HÓA");
    check_str(text_unify_tones("hoá hoà hoả hoã hoạ"), "hóa hòa hỏa hõa họa");
    check_str(text_unify_tones("uý uỳ uỷ uỹ uỵ"), "úy ùy ủy ũy ụy");
    check_str(text_unify_tones("khoẻ, hoè; Thuỵ"), "khỏe, hòe; Thụy");
    /* Already in the target style, or not of the open oa/oe/uy shape: unchanged. */
    check_str(text_unify_tones("Ủy ban, hóa"), "Ủy ban, hóa");
    check_str(text_unify_tones("quý Quý QUÝ"), "quý Quý QUÝ");
    check_str(text_unify_tones("hoàn toán khuya ngoài khuyến"), "hoàn toán khuya ngoài khuyến");
    check_str(text_unify_tones("hoa uy"), "hoa uy");
    /* NFD input comes out NFC. */
    check_str(text_unify_tones("U\xCC\x89y hoa\xCC\x81"), "Ủy hóa");
    assert_null(text_unify_tones("\xFF"));
}

/* ---- sort keys ---- */

static void test_sort_letters(void **state)
{
    (void)state;
    assert_before("a", "ă");
    assert_before("ă", "â");
    assert_before("â", "b");
    assert_before("d", "đ");
    assert_before("đ", "e");
    assert_before("e", "ê");
    assert_before("ê", "g");
    assert_before("o", "ô");
    assert_before("ô", "ơ");
    assert_before("ơ", "p");
    assert_before("u", "ư");
    assert_before("ư", "v");
    assert_before("x", "y");
    /* A modified letter sorts by the letter, not by its code point (ơ is U+01A1, p is 0x70). */
    assert_before("ơn", "pa");
}

static void test_sort_prefix_and_syllables(void **state)
{
    (void)state;
    assert_before("cha", "chan");
    assert_before("cha", "cha mẹ");
    assert_before("", "a");
    /* Letters before tones, whatever the tones: ang < anh. */
    assert_before("ang", "anh");
    assert_before("áng", "anh");
    assert_before("ạng", "anh");
    assert_before("ãng", "ành");
    /* Syllable by syllable: the first syllable's tone decides before the second's letters. */
    assert_before("ba ba", "bà a");
    assert_before("Đà Nẵng", "Đắk Lắk");
    /* Numbers by value. */
    assert_before("Chi bộ 2", "Chi bộ 10");
    assert_before("Chi bộ 9", "Chi bộ A");
}

static void test_sort_tones_and_case(void **state)
{
    (void)state;
    const char *tones[] = {"a", "à", "ả", "ã", "á", "ạ"};
    for (size_t i = 0; i + 1 < sizeof tones / sizeof *tones; i++)
        assert_before(tones[i], tones[i + 1]);
    const char *tones_e[] = {"mê", "mề", "mể", "mễ", "mế", "mệ"};
    for (size_t i = 0; i + 1 < sizeof tones_e / sizeof *tones_e; i++)
        assert_before(tones_e[i], tones_e[i + 1]);
    /* Case last: lower before upper, but only once letters and tones are equal. */
    assert_before("an", "An");
    assert_before("An", "ăn");
    assert_before("An", "àn");
    /* Same text in other forms sorts the same. */
    assert_sorts_equal("Mo\xCC\x81ng Ca\xCC\x81i", "Móng Cái");
    assert_sorts_equal("Tỉnh uỷ", "Tỉnh ủy");
    assert_sorts_equal("TP. Hạ Long", "TP Hạ Long");
    assert_null(text_sort_key("\xC0\x80"));
}

static int by_key(const void *a, const void *b)
{
    return key_cmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_sort_provinces(void **state)
{
    (void)state;
    static const char *const want[] = {
        "An Giang",  "Bà Rịa – Vũng Tàu", "Bạc Liêu",    "Bắc Giang", "Bắc Kạn",
        "Bắc Ninh",  "Bến Tre",           "Bình Dương",  "Bình Định", "Cà Mau",
        "Cao Bằng",  "Cần Thơ",           "Đà Nẵng",     "Đắk Lắk",   "Điện Biên",
        "Đồng Nai",  "Gia Lai",           "Hà Giang",    "Hà Nam",    "Hà Nội",
        "Hải Dương", "Hậu Giang",         "Hòa Bình",    "Hưng Yên",  "Lạng Sơn",
        "Long An",   "Quảng Nam",         "Quảng Ninh",  "Sơn La",    "Thái Bình",
        "Thanh Hóa", "Thừa Thiên Huế",    "Tuyên Quang", "Vĩnh Long", "Yên Bái",
    };
    enum { N = sizeof want / sizeof *want };
    const char *got[N];
    for (size_t i = 0; i < N; i++)
        got[i] = want[N - 1 - i];
    qsort(got, N, sizeof *got, by_key);
    for (size_t i = 0; i < N; i++)
        assert_string_equal(got[i], want[i]);
}

/* ---- legacy encodings ---- */

/* The two samples of domain-notes §6, as the UTF-8 a browser shows for them, and as the raw
 * legacy bytes. */
static const char tcvn3_mojibake[] = "Uû ban nh©n d©n";
static const char tcvn3_raw[] = "U\xFB ban nh\xA9n d\xA9n";
static const char vni_mojibake[] = "ÑAÛNG BOÄ THAØNH PHOÁ MOÙNG CAÙI";
static const char vni_raw[] = "\xD1"
                              "A\xDB"
                              "NG BO\xC4 THA\xD8"
                              "NH PHO\xC1 MO\xD9"
                              "NG CA\xD9I";

static enum text_encoding detect(const char *s)
{
    return text_detect_encoding(s, strlen(s));
}

static char *convert(const char *s, enum text_encoding e)
{
    return text_convert_legacy(s, strlen(s), e);
}

static void test_encoding_names(void **state)
{
    (void)state;
    assert_string_equal(text_encoding_name(TEXT_UTF8), "utf-8");
    assert_string_equal(text_encoding_name(TEXT_TCVN3), "tcvn3");
    assert_string_equal(text_encoding_name(TEXT_VNI), "vni");
    assert_string_equal(text_encoding_name(TEXT_CP1258), "cp1258");
    assert_string_equal(text_encoding_name(TEXT_UNKNOWN), "unknown");
}

static void test_detect(void **state)
{
    (void)state;
    assert_int_equal(detect(tcvn3_mojibake), TEXT_TCVN3);
    assert_int_equal(detect(tcvn3_raw), TEXT_TCVN3);
    assert_int_equal(detect(vni_mojibake), TEXT_VNI);
    assert_int_equal(detect(vni_raw), TEXT_VNI);
    assert_int_equal(detect("C\xE9ng hoa x\xB7 h\xE9i ch\xF1 ngh\xDC"
                            "a Vi\xD6t Nam"),
                     TEXT_TCVN3);
    assert_int_equal(detect("Vi\xEA\xF2t Nam, \xF0"
                            "a\xD2ng b\xF4\xF2"),
                     TEXT_CP1258);
    /* Real UTF-8 stays UTF-8, also when all its letters are in Latin-1 and so could be
     * misread ("Móng Cái" is a well-formed TCVN3 "Múng Cỏi" too). */
    assert_int_equal(detect("Ủy ban nhân dân"), TEXT_UTF8);
    assert_int_equal(detect("Móng Cái"), TEXT_UTF8);
    assert_int_equal(detect("plain ASCII"), TEXT_UTF8);
    assert_int_equal(detect("Café crème à la française"), TEXT_UTF8);
    /* Short texts whose wrong readings are letters too; the vowel clusters decide
     * ("Moựng" has no Vietnamese rhyme). */
    assert_int_equal(detect("Mo\xF9ng Ca\xF9i"), TEXT_VNI);
    assert_int_equal(detect("Moùng Caùi"), TEXT_VNI);
    assert_int_equal(detect("C\xE1i B\xE8"), TEXT_CP1258);
    /* Not UTF-8 and not Vietnamese in any reading. */
    assert_int_equal(detect("caf\xE9 cr\xE8me br\xFBl\xE9"
                            "e"),
                     TEXT_UNKNOWN);
    assert_int_equal(text_detect_encoding("a\0b", 3), TEXT_UNKNOWN);
}

static void test_convert_samples(void **state)
{
    (void)state;
    /* The bytes say "Uỷ" (0xFB is ỷ): conversion keeps that spelling, and unifying the tone
     * placement gives the modern "Ủy". */
    check_str(convert(tcvn3_mojibake, TEXT_TCVN3), "Uỷ ban nhân dân");
    check_str(convert(tcvn3_raw, TEXT_TCVN3), "Uỷ ban nhân dân");
    char *c = convert(tcvn3_mojibake, TEXT_TCVN3);
    check_str(text_unify_tones(c), "Ủy ban nhân dân");
    check_same_fold(c, "Ủy ban nhân dân");
    free(c);
    check_str(convert(vni_mojibake, TEXT_VNI), "ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI");
    check_str(convert(vni_raw, TEXT_VNI), "ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI");
    check_str(convert("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TEXT_TCVN3),
              "Cộng hoà xã hội chủ nghĩa Việt Nam");
    check_str(convert("§éc lËp - Tù do - H¹nh phóc", TEXT_TCVN3), "Độc lập - Tự do - Hạnh phúc");
    check_str(convert("Vi\xEA\xF2t Nam, \xF0"
                      "a\xD2ng b\xF4\xF2",
                      TEXT_CP1258),
              "Việt Nam, đảng bộ");
    check_str(convert("Ch\xF6\xF4ng tr\xECnh ha\xF8nh \xF1o\xE4ng", TEXT_VNI),
              "Chương trình hành động");
}

static void test_convert_tcvn3_capitals(void **state)
{
    (void)state;
    /* A heading in .VnTimeH: capital ASCII letters, lower-case codes drawn as capitals. */
    check_str(convert("§¶NG Bé TØNH QU¶NG NINH\nBan Th«ng tin", TEXT_TCVN3),
              "ĐẢNG BỘ TỈNH QUẢNG NINH\nBan Thông tin");
    check_str(convert("Uû BAN NH©N D©N", TEXT_TCVN3), "UỶ BAN NHÂN DÂN");
    /* The seven modified capitals have codes of their own; tone marks typed after capitals. */
    check_str(convert("\xA1\xA2\xA3\xA4\xA5\xA6\xA7", TEXT_TCVN3), "ĂÂÊÔƠƯĐ");
    check_str(convert("A\xB0 A\xB1 A\xB2 A\xB3 A\xB4 \xA2\xB4", TEXT_TCVN3), "À Ả Ã Á Ạ Ậ");
}

/* Every vowel with every tone in TCVN3 and in Unicode, in the same order, and the same
 * codes read on a line set in a capitals font. */
static void test_convert_tcvn3_all_letters(void **state)
{
    (void)state;
    static const char *const rows[][3] = {
        {"a\xB5\xB6\xB7\xB8\xB9", "aàảãáạ", "AÀẢÃÁẠ"},
        {"\xA8\xBB\xBC\xBD\xBE\xC6", "ăằẳẵắặ", "ĂẰẲẴẮẶ"},
        {"\xA9\xC7\xC8\xC9\xCA\xCB", "âầẩẫấậ", "ÂẦẨẪẤẬ"},
        {"e\xCC\xCE\xCF\xD0\xD1", "eèẻẽéẹ", "EÈẺẼÉẸ"},
        {"\xAA\xD2\xD3\xD4\xD5\xD6", "êềểễếệ", "ÊỀỂỄẾỆ"},
        {"i\xD7\xD8\xDC\xDD\xDE", "iìỉĩíị", "IÌỈĨÍỊ"},
        {"o\xDF\xE1\xE2\xE3\xE4", "oòỏõóọ", "OÒỎÕÓỌ"},
        {"\xAB\xE5\xE6\xE7\xE8\xE9", "ôồổỗốộ", "ÔỒỔỖỐỘ"},
        {"\xAC\xEA\xEB\xEC\xED\xEE", "ơờởỡớợ", "ƠỜỞỠỚỢ"},
        {"u\xEF\xF1\xF2\xF3\xF4", "uùủũúụ", "UÙỦŨÚỤ"},
        {"\xAD\xF5\xF6\xF7\xF8\xF9", "ưừửữứự", "ƯỪỬỮỨỰ"},
        {"y\xFA\xFB\xFC\xFD\xFE", "yỳỷỹýỵ", "YỲỶỸÝỴ"},
        {"\xAE", "đ", "Đ"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        check_str(convert(rows[i][0], TEXT_TCVN3), rows[i][1]);
        /* Two capital ASCII letters and no small ones mark the line as a capitals font. */
        char in[64], want[64];
        snprintf(in, sizeof in, "XX %s", rows[i][0]);
        for (char *p = in; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
        snprintf(want, sizeof want, "XX %s", rows[i][2]);
        check_str(convert(in, TEXT_TCVN3), want);
    }
}

/* Rule-built encoders for VNI and Windows-1258, written independently of the tables in
 * text.c: a vowel is its base letter, then its modifier, then its tone. */
struct vowel {
    char base;        /* ASCII base */
    const char *name; /* Unicode, lower case, no tone */
    const char *cap;  /* Unicode, capital, no tone */
    int modifier;     /* 0 none, 'w' breve, '^' circumflex, '+' horn */
};

static const struct vowel vowels[] = {
    {'a', "a", "A", 0},   {'a', "ă", "Ă", 'w'}, {'a', "â", "Â", '^'}, {'e', "e", "E", 0},
    {'e', "ê", "Ê", '^'}, {'i', "i", "I", 0},   {'o', "o", "O", 0},   {'o', "ô", "Ô", '^'},
    {'o', "ơ", "Ơ", '+'}, {'u', "u", "U", 0},   {'u', "ư", "Ư", '+'}, {'y', "y", "Y", 0},
};

/* Combining marks of the five tones in ngang-first order (index 0 is no tone). */
static const char *const tone_marks[] = {"",         "\xCC\x80", "\xCC\x89",
                                         "\xCC\x83", "\xCC\x81", "\xCC\xA3"};

/* VNI lower-case byte for a tone alone (sắc ù, huyền ø, hỏi û, ngã õ, nặng ï), and
 * combined with breve or circumflex. Capitals are these minus 0x20. */
static const unsigned char vni_tone[] = {0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF};
static const unsigned char vni_breve[] = {0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB};
static const unsigned char vni_circ[] = {0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4};
/* i and y: VNI gives some of them bytes of their own. */
static const unsigned char vni_i[] = {'i', 0xEC, 0xE6, 0xF3, 0xED, 0xF2};

static size_t vni_encode(const struct vowel *v, int tone, bool cap, unsigned char *out)
{
    unsigned char shift = cap ? 0x20 : 0;
    size_t n = 0;
    if (v->base == 'i') {
        out[n++] =
            tone == 0 ? (unsigned char)(cap ? 'I' : 'i') : (unsigned char)(vni_i[tone] - shift);
        return n;
    }
    if (v->base == 'y' && tone == 5) {
        out[n++] = (unsigned char)(0xEE - shift);
        return n;
    }
    if (v->modifier == '+') {
        out[n++] = (unsigned char)((v->base == 'o' ? 0xF4 : 0xF6) - shift);
    } else {
        out[n++] = (unsigned char)(cap ? v->base - 'a' + 'A' : v->base);
        if (v->modifier == 'w')
            out[n++] = (unsigned char)(vni_breve[tone] - shift);
        else if (v->modifier == '^')
            out[n++] = (unsigned char)(vni_circ[tone] - shift);
    }
    if (v->modifier != 'w' && v->modifier != '^' && tone)
        out[n++] = (unsigned char)(vni_tone[tone] - shift);
    return n;
}

/* Windows-1258 bytes of the base letters, lower and capital, and of the tone marks. */
static size_t cp1258_encode(const struct vowel *v, int tone, bool cap, unsigned char *out)
{
    static const unsigned char tone_byte[] = {0, 0xCC, 0xD2, 0xDE, 0xEC, 0xF2};
    unsigned char b;
    if (v->modifier == 'w')
        b = 0xE3;
    else if (v->modifier == '^')
        b = v->base == 'a' ? 0xE2 : v->base == 'e' ? 0xEA : 0xF4;
    else if (v->modifier == '+')
        b = v->base == 'o' ? 0xF5 : 0xFD;
    else
        b = (unsigned char)v->base;
    if (cap)
        b = (unsigned char)(b >= 0x80 ? b - 0x20 : b - 'a' + 'A');
    size_t n = 0;
    out[n++] = b;
    if (tone)
        out[n++] = tone_byte[tone];
    return n;
}

static void check_rule_encoding(enum text_encoding enc,
                                size_t (*encode)(const struct vowel *, int, bool, unsigned char *))
{
    for (size_t i = 0; i < sizeof vowels / sizeof *vowels; i++) {
        for (int tone = 0; tone < 6; tone++) {
            for (int cap = 0; cap < 2; cap++) {
                unsigned char bytes[8];
                size_t n = encode(&vowels[i], tone, cap, bytes);
                char want_nfd[16];
                snprintf(want_nfd, sizeof want_nfd, "%s%s", cap ? vowels[i].cap : vowels[i].name,
                         tone_marks[tone]);
                char *want = text_nfc(want_nfd);
                char *got = text_convert_legacy((const char *)bytes, n, enc);
                if (!got || strcmp(got, want) != 0)
                    fail_msg("%s: %s with tone %d: got \"%s\", want \"%s\"",
                             text_encoding_name(enc), vowels[i].name, tone, got ? got : "(null)",
                             want);
                assert_int_equal(text_length(got), 1); /* one precomposed letter */
                free(got);
                free(want);
            }
        }
    }
}

static void test_convert_vni_all_letters(void **state)
{
    (void)state;
    check_rule_encoding(TEXT_VNI, vni_encode);
    check_str(convert("\xF1\xD1", TEXT_VNI), "đĐ");
}

static void test_convert_cp1258_all_letters(void **state)
{
    (void)state;
    check_rule_encoding(TEXT_CP1258, cp1258_encode);
    check_str(convert("\xF0\xD0 \xFE", TEXT_CP1258), "đĐ ₫");
}

static void test_convert_edges(void **state)
{
    (void)state;
    /* Windows punctuation around legacy text, raw and misread as Windows-1252. */
    check_str(convert("\x93nh\xA9n d\xA9n\x94 \x96 2021", TEXT_TCVN3), "“nhân dân” – 2021");
    check_str(convert("“nh©n d©n” – 2021", TEXT_TCVN3), "“nhân dân” – 2021");
    check_str(convert("", TEXT_TCVN3), "");
    check_str(convert("ASCII only", TEXT_VNI), "ASCII only");
    /* Bytes with no meaning in the encoding. */
    assert_null(convert("a\x81"
                        "b",
                        TEXT_CP1258));
    assert_null(convert("a\x8A"
                        "b",
                        TEXT_CP1258));
    assert_null(text_convert_legacy("a\0b", 3, TEXT_TCVN3));
    /* UTF-8 with letters no single byte gives is not mojibake of anything. */
    assert_null(convert("Hà Nội", TEXT_TCVN3));
    /* UTF-8 in, NFC out; unknown is refused. */
    check_str(convert("Mo\xCC\x81ng Ca\xCC\x81i", TEXT_UTF8), "Móng Cái");
    assert_null(convert("abc\xFF", TEXT_UTF8));
    assert_null(convert("abc", TEXT_UNKNOWN));
    /* Only len bytes are read. */
    check_str(text_convert_legacy("nh\xA9nXYZ", 4, TEXT_TCVN3), "nhân");
}

/* The quick set's promise: every code point of it, and every pair of them, is already NFC
 * (utf8proc's own answer), so a string of them needs no normalisation pass. */
static char *nfc_by_utf8proc(const char *s)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    return (char *)out;
}

static int quick_cps(uint32_t *out)
{
    int n = 0;
    for (uint32_t cp = 1; cp < 0x2000; cp++)
        if (text_quick_set(cp))
            out[n++] = cp;
    return n;
}

static void test_quick_set_is_nfc(void **state)
{
    (void)state;
    static uint32_t cps[0x2000];
    int n = quick_cps(cps);
    assert_true(n > 700);
    assert_false(text_quick_set(0x0300)); /* a combining mark must take the full path */
    for (int i = 0; i < n; i++) {
        const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cps[i]);
        assert_int_equal(p->combining_class, 0);
        for (int j = 0; j < n; j++) {
            utf8proc_uint8_t pair[9] = {0};
            utf8proc_ssize_t a = utf8proc_encode_char((utf8proc_int32_t)cps[i], pair);
            utf8proc_encode_char((utf8proc_int32_t)cps[j], pair + a);
            char *nfc = nfc_by_utf8proc((const char *)pair);
            if (strcmp(nfc, (const char *)pair) != 0)
                fail_msg("U+%04X U+%04X is not NFC", cps[i], cps[j]);
            free(nfc);
        }
    }
}

/* Folding code point by code point (the quick path) gives what folding the whole string
 * through utf8proc gives: a trailing U+2014, outside the set and folding to nothing at the
 * end, sends the same text down the full path. */
static void test_quick_fold_matches_full(void **state)
{
    (void)state;
    static uint32_t cps[0x2000];
    int n = quick_cps(cps);
    uint64_t seed = 42;
    for (int round = 0; round < 3000; round++) {
        char s[256] = "";
        size_t len = 0;
        int k = 1 + (int)(seed % 12);
        for (int i = 0; i < k; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            len += (size_t)utf8proc_encode_char((utf8proc_int32_t)cps[(seed >> 33) % (uint64_t)n],
                                                (utf8proc_uint8_t *)s + len);
        }
        s[len] = 0;
        char slow[300];
        snprintf(slow, sizeof slow, "%s\xE2\x80\x94", s);
        char *a = text_fold(s), *b = text_fold(slow), *c = text_nfc(s), *d = nfc_by_utf8proc(s);
        assert_string_equal(a, b);
        assert_string_equal(c, d);
        free(a);
        free(b);
        free(c);
        free(d);
    }
    /* Every code point of the set once, alone and between letters: those that fold to
     * letters and separators both ("¼" is "1⁄4") are rare in a random draw. */
    for (int i = 0; i < n; i++) {
        char one[8] = {0}, s[64], slow[72];
        utf8proc_encode_char((utf8proc_int32_t)cps[i], (utf8proc_uint8_t *)one);
        for (int shape = 0; shape < 3; shape++) {
            snprintf(s, sizeof s, shape == 0 ? "%s" : shape == 1 ? "a%sb" : "x %s%s y", one, one);
            snprintf(slow, sizeof slow, "%s\xE2\x80\x94", s);
            char *a = text_fold(s), *b = text_fold(slow);
            assert_string_equal(a, b);
            free(a);
            free(b);
        }
    }
    check_fold("Đảng bộ xã Quảng Nghĩa — ǅ ß ¼", "dang bo xa quang nghia dz ss 1 4");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_utf8_accepts),
        cmocka_unit_test(test_valid_utf8_rejects),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_scan),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_quick_set_is_nfc),
        cmocka_unit_test(test_quick_fold_matches_full),
        cmocka_unit_test(test_fold_basic),
        cmocka_unit_test(test_fold_equivalences),
        cmocka_unit_test(test_unify_tones),
        cmocka_unit_test(test_sort_letters),
        cmocka_unit_test(test_sort_prefix_and_syllables),
        cmocka_unit_test(test_sort_tones_and_case),
        cmocka_unit_test(test_sort_provinces),
        cmocka_unit_test(test_encoding_names),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_convert_samples),
        cmocka_unit_test(test_convert_tcvn3_capitals),
        cmocka_unit_test(test_convert_tcvn3_all_letters),
        cmocka_unit_test(test_convert_vni_all_letters),
        cmocka_unit_test(test_convert_cp1258_all_letters),
        cmocka_unit_test(test_convert_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
