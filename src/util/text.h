/*
 * Vietnamese text: UTF-8 validation, NFC normalisation, folding for search, sort keys.
 * Built on utf8proc (normalisation and case folding); the Vietnamese-specific parts
 * (đ→d, tone-placement variants, dictionary order) are ours because no library does them.
 * All returned strings are malloc'd and owned by the caller (free()).
 */
#ifndef TK_TEXT_H
#define TK_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 with no NUL byte and no surrogate code point. */
bool text_valid_utf8(const char *s, size_t len);

/* What a decoder needs to know of a text, found in the one pass that validates it. */
struct text_scan {
    size_t length; /* in code points, as text_length */
    bool quick;    /* all of it in the quick set, so already NFC (text_is_quick_nfc) */
    bool blank;    /* nothing but spaces, tabs and line ends (or empty) */
};

/* text_valid_utf8, and when valid, *out (when not NULL) describes s. */
bool text_scan(const char *s, size_t len, struct text_scan *out);

/* NFC form of s (which must be valid UTF-8), also mapping deprecated U+0340/U+0341 to
 * U+0300/U+0301. NULL if s is not valid UTF-8. */
char *text_nfc(const char *s);
/* True when s, valid UTF-8 (text_valid_utf8), is already in NFC because all its code points
 * are in the quick set (text_nfc would return a copy of it): a caller that has checked s can
 * keep it rather than take a copy. */
bool text_is_quick_nfc(const char *s);
/* Is cp in the quick set, whose strings need no utf8proc pass for NFC or folding? (For the
 * tests that check the set.) */
bool text_quick_set(uint32_t cp);

/* Search form: NFC, lower case, tone-placement variants unified ("uỷ"→"ủy", "hoá"→"hóa"),
 * then every diacritic removed and đ→d, punctuation turned to single spaces, trimmed.
 * "Đảng bộ TP. Móng Cái" → "dang bo tp mong cai". NULL if s is not valid UTF-8. */
char *text_fold(const char *s);

/* NFC of s with the tone of an open "oa", "oe" or "uy" syllable moved to its first vowel, the
 * spelling news sites use: "Uỷ ban" → "Ủy ban", "hoá" → "hóa", "khoẻ" → "khỏe"; "quý",
 * "hoàn", "khuya" are left alone. Case and everything else are kept, so the result is still
 * display text (for exact-diacritic matching), not a search form. NULL if s is not valid UTF-8. */
char *text_unify_tones(const char *s);

/* Byte string whose strcmp order is Vietnamese dictionary order of s: letters first
 * (a ă â b c d đ e ê … o ô ơ … u ư …), tones second (ngang, huyền, hỏi, ngã, sắc, nặng),
 * case last, syllable by syllable. NULL if s is not valid UTF-8. */
char *text_sort_key(const char *s);

/* Number of code points in valid UTF-8 s. */
size_t text_length(const char *s);
/* FNV-1a of n bytes: the one hash of caches keyed by text (statements, packed and folded
 * values, ETags); not for anything an attacker could aim at. */
unsigned long long text_hash(const void *p, size_t n);

/* Legacy encodings seen in old Vietnamese documents. */
enum text_encoding { TEXT_UTF8, TEXT_TCVN3, TEXT_VNI, TEXT_CP1258, TEXT_UNKNOWN };

/* Best guess of the encoding of bytes s[0..len): TEXT_UTF8 when it is valid UTF-8 and does
 * not look like TCVN3/VNI mojibake read as Latin-1 ("Uû ban nh©n d©n", "ÑAÛNG BOÄ"). */
enum text_encoding text_detect_encoding(const char *s, size_t len);

/* Converts s[0..len) from a legacy encoding to NFC UTF-8; NULL if it cannot. s may be the raw
 * legacy bytes or, when it is valid UTF-8, their mojibake read as Latin-1 or Windows-1252.
 * The spelling is kept as written ("Uỷ" stays "Uỷ"; see text_unify_tones). A TCVN3 line whose
 * ASCII letters are all capitals is taken to be set in an ".VnTimeH" capitals font and is
 * upper-cased whole, since TCVN3 has no codes for capital letters with tones. */
char *text_convert_legacy(const char *s, size_t len, enum text_encoding from);

/* "tcvn3", "vni", "cp1258", "utf-8", "unknown". */
const char *text_encoding_name(enum text_encoding e);
#endif
