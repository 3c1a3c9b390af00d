/*
 * Vietnamese text: the one place that knows how Vietnamese is written in bytes. It checks
 * UTF-8, normalises to NFC, folds text for search, builds dictionary sort keys, unifies the
 * two tone-placement spellings, and reads the legacy 8-bit encodings (TCVN3, VNI, Windows-1258)
 * that old documents still arrive in. Normalisation and case mapping are utf8proc's; the
 * Vietnamese rules (đ→d, tone order, syllable shapes, the code pages) are written out here.
 * It does no word segmentation and no I/O; every string it returns is malloc'd for the caller.
 */
#include "util/text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- growable byte buffer (aborts on allocation failure, like the rest of the tree) ---- */

struct sbuf {
    char *p;
    size_t len, cap;
};

static void sb_reserve(struct sbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    b->p = p;
    b->cap = cap;
}

static void sb_putc(struct sbuf *b, unsigned char c)
{
    sb_reserve(b, 1);
    b->p[b->len++] = (char)c;
    b->p[b->len] = '\0';
}

static void sb_put_cp(struct sbuf *b, uint32_t cp)
{
    sb_reserve(b, 4);
    b->len += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)b->p + b->len);
    b->p[b->len] = '\0';
}

/* Returns the buffer's string, never NULL (an empty buffer gives ""). */
static char *sb_finish(struct sbuf *b)
{
    sb_reserve(b, 0);
    b->p[b->len] = '\0';
    return b->p;
}

/* ---- UTF-8 ---- */

static bool in_quick_set(uint32_t cp);

bool text_scan(const char *s, size_t len, struct text_scan *out)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    struct text_scan t = {0, true, true};
    while (p < end) {
        unsigned c = *p;
        if (c == 0)
            return false;
        t.length++;
        if (c < 0x80) {
            t.blank = t.blank && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
            p++;
            continue;
        }
        t.blank = false;
        size_t n;
        uint32_t cp, min;
        /* 0x80–0xC1 are continuation bytes or always-overlong leads; 0xF5+ exceed U+10FFFF. */
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if ((size_t)(end - p) < n + 1)
            return false;
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        t.quick = t.quick && in_quick_set(cp);
        p += n + 1;
    }
    if (out)
        *out = t;
    return true;
}

bool text_valid_utf8(const char *s, size_t len)
{
    return text_scan(s, len, NULL);
}

/* Decodes one code point of valid UTF-8 at *p and advances *p. */
static uint32_t u8_next(const char **p)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)*p, -1, &cp);
    if (n <= 0) { /* cannot happen on validated input; stop rather than loop */
        *p += strlen(*p);
        return 0;
    }
    *p += n;
    return (uint32_t)cp;
}

size_t text_length(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

/* utf8proc_map of a NUL-terminated valid string; the result is malloc'd. */
static char *map(const char *s, utf8proc_option_t options)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | options);
    if (n < 0)
        return NULL;
    return (char *)out;
}

/* ---- the quick set ----
 * Nearly all Vietnamese text is made of Latin letters below U+0250 and the precomposed
 * letters of U+1E00–U+1EFF. Each of those is its own NFC, has combining class 0, and never
 * composes with a neighbour of the set (tests/unit/util/text.c checks every pair), so a
 * string of them alone is already NFC, and it folds code point by code point. utf8proc has
 * no quick check of its own; decomposing and recomposing every title was the costliest part
 * of validating a row. Anything outside the set takes utf8proc's full path. */

static bool in_quick_set(uint32_t cp)
{
    return cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool text_quick_set(uint32_t cp)
{
    return in_quick_set(cp);
}

/* Valid UTF-8 all of whose code points are in the quick set. */
static bool all_quick(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x80) {
            p++;
        } else if (*p < 0xE0) { /* two bytes: below U+0800 */
            if ((((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F)) >= 0x250)
                return false;
            p += 2;
        } else if (*p == 0xE1 && (p[1] == 0xB8 || p[1] == 0xB9 || p[1] == 0xBA || p[1] == 0xBB)) {
            p += 3; /* U+1E00–U+1EFF: E1 B8 80 … E1 BB BF */
        } else {
            return false;
        }
    }
    return true;
}

bool text_is_quick_nfc(const char *s)
{
    return all_quick(s);
}

/* U+0340/U+0341 have canonical singleton decompositions to U+0300/U+0301, so NFC itself
 * replaces the deprecated tone marks; nothing extra is needed for them. */
char *text_nfc(const char *s)
{
    if (!s || !text_valid_utf8(s, strlen(s)))
        return NULL;
    if (all_quick(s)) {
        char *copy = strdup(s);
        if (!copy)
            abort();
        return copy;
    }
    return map(s, UTF8PROC_COMPOSE);
}

/* ---- Vietnamese letters ---- */

enum {
    MARK_GRAVE = 0x0300,
    MARK_ACUTE = 0x0301,
    MARK_CIRCUMFLEX = 0x0302,
    MARK_TILDE = 0x0303,
    MARK_BREVE = 0x0306,
    MARK_HOOK = 0x0309,
    MARK_HORN = 0x031B,
    MARK_DOT = 0x0323,
};

/* Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng. */
enum tone { TONE_NONE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_ACUTE, TONE_DOT };

static const uint32_t tone_mark[] = {0, MARK_GRAVE, MARK_HOOK, MARK_TILDE, MARK_ACUTE, MARK_DOT};

static enum tone tone_of_mark(uint32_t m)
{
    switch (m) {
    case MARK_GRAVE:
        return TONE_GRAVE;
    case MARK_HOOK:
        return TONE_HOOK;
    case MARK_TILDE:
        return TONE_TILDE;
    case MARK_ACUTE:
        return TONE_ACUTE;
    case MARK_DOT:
        return TONE_DOT;
    default:
        return TONE_NONE;
    }
}

/* The 29 Vietnamese letters plus f j w z, in dictionary order; each letter's index is its
 * position. Digits stand for the modified letters so that syllable patterns below can be
 * written as plain strings: 1 ă, 2 â, 3 đ, 4 ê, 5 ô, 6 ơ, 7 ư. */
static const char alphabet[] = "a12bcd3e4fghijklmno56pqrstu7vwxyz";
static const char vowels[] = "a12e4io56u7y";

static int letter_index(char c)
{
    const char *p = strchr(alphabet, c);
    return p && c ? (int)(p - alphabet) : -1;
}

/* A letter split into its parts. */
struct vletter {
    int index;       /* in alphabet, or -1 for a letter outside it */
    uint32_t base;   /* lower-case base code point, marks removed */
    enum tone tone;  /* TONE_NONE when it carries no tone mark */
    bool upper;      /* the letter was a capital */
    bool vietnamese; /* every mark on it is one Vietnamese spelling allows on that base */
};

/* Classifies base code point `cp` (any case) followed by combining marks m[0..n). */
static struct vletter classify(uint32_t cp, const uint32_t *m, size_t n)
{
    struct vletter v = {-1, 0, TONE_NONE, false, true};
    uint32_t lower = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    v.upper = lower != cp;
    v.base = lower;
    char c = 0;
    if (lower >= 'a' && lower <= 'z')
        c = (char)lower;
    else if (lower == 0x0111) /* đ, which has no decomposition */
        c = '3';
    else
        v.vietnamese = false;
    bool modified = false;
    for (size_t i = 0; i < n; i++) {
        enum tone t = tone_of_mark(m[i]);
        char mod = 0;
        if (t != TONE_NONE && c && strchr(vowels, c)) {
            if (v.tone != TONE_NONE)
                v.vietnamese = false; /* two tones on one letter */
            else
                v.tone = t;
            continue;
        }
        if (m[i] == MARK_BREVE && c == 'a')
            mod = '1';
        else if (m[i] == MARK_CIRCUMFLEX && c == 'a')
            mod = '2';
        else if (m[i] == MARK_CIRCUMFLEX && c == 'e')
            mod = '4';
        else if (m[i] == MARK_CIRCUMFLEX && c == 'o')
            mod = '5';
        else if (m[i] == MARK_HORN && c == 'o')
            mod = '6';
        else if (m[i] == MARK_HORN && c == 'u')
            mod = '7';
        if (mod && !modified) {
            c = mod;
            modified = true;
        } else {
            v.vietnamese = false; /* a mark Vietnamese does not put on this letter */
        }
    }
    if (c == 'f' || c == 'j' || c == 'w' || c == 'z')
        v.vietnamese = false;
    v.index = c ? letter_index(c) : -1;
    return v;
}

static bool is_mark(uint32_t cp)
{
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

static bool is_letter(uint32_t cp)
{
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static bool is_number(uint32_t cp)
{
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO;
}

/* Classifies one precomposed code point by its canonical decomposition. */
static struct vletter classify_cp(uint32_t cp)
{
    utf8proc_int32_t d[8];
    int boundclass = 0;
    utf8proc_ssize_t n =
        utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8, UTF8PROC_DECOMPOSE, &boundclass);
    if (n < 1 || n > 8)
        return classify(cp, NULL, 0);
    uint32_t marks[7];
    for (utf8proc_ssize_t i = 1; i < n; i++)
        marks[i - 1] = (uint32_t)d[i];
    return classify((uint32_t)d[0], marks, (size_t)n - 1);
}

/* Decodes valid UTF-8 into a malloc'd array of code points; *n receives the count. */
static uint32_t *decode_all(const char *s, size_t *n)
{
    size_t len = strlen(s);
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    if (!cps) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    size_t k = 0;
    for (const char *p = s; *p;)
        cps[k++] = u8_next(&p);
    *n = k;
    return cps;
}

/* ---- search folding ---- */

/* Compatibility decomposition, case folding and mark stripping do the diacritics in one
 * pass; what is left is đ, which does not decompose, and the punctuation. Tone-placement
 * variants ("uỷ"/"ủy") need no separate step here: once every mark is stripped they are
 * the same letters. */
static const utf8proc_option_t FOLD_OPTIONS =
    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;

/* What fold_put does with a code point of the folded text. */
enum fold_kind { FOLD_SEPARATOR, FOLD_WORD, FOLD_MARK };

static enum fold_kind fold_kind_of(uint32_t cp)
{
    if (cp == 0x0111 || is_letter(cp) || is_number(cp))
        return FOLD_WORD;
    return is_mark(cp) ? FOLD_MARK : FOLD_SEPARATOR;
}

/* Appends one code point of the folded text: letters and digits as they are, a single
 * space for any run of other characters between them, marks dropped. */
static void fold_put(struct sbuf *out, bool *space, uint32_t cp)
{
    enum fold_kind kind = fold_kind_of(cp);
    if (kind == FOLD_WORD) {
        if (*space && out->len)
            sb_putc(out, ' ');
        *space = false;
        sb_put_cp(out, cp == 0x0111 ? 'd' : cp);
    } else if (kind == FOLD_SEPARATOR) {
        *space = true;
    }
}

/* What fold_put makes of each code point of the quick set, worked out once: its folded
 * letters as UTF-8 (a word's part), or a separator, or nothing. Folding a row's text is
 * then a table lookup a character, where asking utf8proc for the mapping and the category
 * of every character was most of filling the search index. */
struct quick_fold {
    uint8_t len;    /* bytes of `utf8`: the character's folded letters */
    bool separator; /* it separates words (and has no letters) */
    bool mixed;     /* letters and separators both ("¼": "1⁄4"): fold_put each of cps */
    char utf8[11];
    uint8_t n;
    uint32_t cps[3];
};
static struct quick_fold quick_low[0x250], quick_vi[0x100];
static pthread_once_t quick_once = PTHREAD_ONCE_INIT;

static void quick_fill(struct quick_fold *q, uint32_t cp)
{
    utf8proc_uint8_t in[8] = {0};
    utf8proc_encode_char((utf8proc_int32_t)cp, in);
    char *m = cp ? map((const char *)in, FOLD_OPTIONS) : NULL;
    struct sbuf word = {0};
    bool separator = false;
    for (const char *p = m ? m : ""; *p;) {
        uint32_t c = u8_next(&p);
        enum fold_kind kind = fold_kind_of(c);
        if (kind == FOLD_WORD)
            sb_put_cp(&word, c == 0x0111 ? 'd' : c);
        separator |= kind == FOLD_SEPARATOR;
        if (q->n < 3)
            q->cps[q->n++] = c;
    }
    q->mixed = (separator && word.len > 0) || word.len >= sizeof q->utf8;
    q->separator = separator && !q->mixed;
    if (!q->mixed) {
        memcpy(q->utf8, word.p ? word.p : "", word.len);
        q->len = (uint8_t)word.len;
    }
    free(word.p);
    free(m);
}

static void quick_init(void)
{
    for (uint32_t cp = 0; cp < 0x250; cp++)
        quick_fill(&quick_low[cp], cp);
    for (uint32_t cp = 0; cp < 0x100; cp++)
        quick_fill(&quick_vi[cp], 0x1E00 + cp);
}

char *text_fold(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (!text_valid_utf8(s, n))
        return NULL;
    struct sbuf out = {0};
    bool space = false;
    if (all_quick(s)) {
        pthread_once(&quick_once, quick_init);
        sb_reserve(&out, n + 8);
        for (const char *p = s; *p;) {
            uint32_t cp = (unsigned char)*p < 0x80 ? (uint32_t)(unsigned char)*p++ : u8_next(&p);
            const struct quick_fold *q = cp < 0x250 ? &quick_low[cp] : &quick_vi[cp - 0x1E00];
            if (q->len) {
                sb_reserve(&out, q->len + 1u);
                if (space && out.len)
                    out.p[out.len++] = ' ';
                space = false;
                memcpy(out.p + out.len, q->utf8, q->len);
                out.len += q->len;
            } else if (q->separator) {
                space = true;
            } else if (q->mixed) {
                for (int i = 0; i < q->n; i++)
                    fold_put(&out, &space, q->cps[i]);
            }
        }
        return sb_finish(&out);
    }
    char *bare = map(s, FOLD_OPTIONS);
    if (!bare)
        return NULL;
    for (const char *p = bare; *p;)
        fold_put(&out, &space, u8_next(&p));
    free(bare);
    return sb_finish(&out);
}

/* ---- tone placement ---- */

static uint32_t upper(uint32_t cp)
{
    return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

/* Moves the tone of a word ending in an open "oa", "oe" or "uy" to the first of the two
 * vowels. The word is w[0..n), one NFC code point per letter; returns false when the word
 * is not of that shape. On success the last two letters are rewritten into out. */
static bool unify_word(const uint32_t *w, size_t n, struct sbuf *out)
{
    if (n < 2)
        return false;
    struct vletter v1 = classify_cp(w[n - 2]), v2 = classify_cp(w[n - 1]);
    if (!v1.vietnamese || !v2.vietnamese || v1.tone != TONE_NONE || v2.tone == TONE_NONE)
        return false;
    char c1 = alphabet[v1.index], c2 = alphabet[v2.index];
    bool shape = (c1 == 'o' && (c2 == 'a' || c2 == 'e')) || (c1 == 'u' && c2 == 'y');
    if (!shape)
        return false;
    if (n >= 3) {
        /* A vowel before the pair makes it a triphthong ("ngoai", "khuya" do not end so,
         * but "uoa" would); after q the u belongs to the consonant ("quý" stays). */
        struct vletter v0 = classify_cp(w[n - 3]);
        if (!v0.vietnamese)
            return false;
        char c0 = alphabet[v0.index];
        if (strchr(vowels, c0) || (c1 == 'u' && c0 == 'q'))
            return false;
    }
    for (size_t i = 0; i + 2 < n; i++)
        sb_put_cp(out, w[i]);
    sb_put_cp(out, v1.upper ? upper(v1.base) : v1.base);
    sb_put_cp(out, tone_mark[v2.tone]);
    sb_put_cp(out, v2.upper ? upper(v2.base) : v2.base);
    return true;
}

char *text_unify_tones(const char *s)
{
    char *nfc = text_nfc(s);
    if (!nfc)
        return NULL;
    size_t n;
    uint32_t *cps = decode_all(nfc, &n);
    free(nfc);
    struct sbuf out = {0};
    size_t i = 0;
    while (i < n) {
        if (!is_letter(cps[i])) {
            sb_put_cp(&out, cps[i++]);
            continue;
        }
        size_t j = i;
        while (j < n && (is_letter(cps[j]) || is_mark(cps[j])))
            j++;
        bool stray_mark = false;
        for (size_t k = i; k < j; k++)
            stray_mark |= is_mark(cps[k]);
        if (stray_mark || !unify_word(cps + i, j - i, &out))
            for (size_t k = i; k < j; k++)
                sb_put_cp(&out, cps[k]);
        i = j;
    }
    free(cps);
    /* The moved tone was written as base + combining mark; NFC puts it back together. */
    char *raw = sb_finish(&out);
    char *result = map(raw, UTF8PROC_COMPOSE);
    free(raw);
    return result;
}

/* ---- sort keys ----
 *
 * Layout, chosen so that plain strcmp gives dictionary order and no byte is NUL:
 *   syllable := weight... 0x03 tone          (tone 0x04 ngang … 0x09 nặng)
 *   key      := syllable (0x02 syllable)* 0x01 case-bytes
 * Letter weights are 0x40 + alphabet index; a letter outside the alphabet is 0x70 followed by
 * its UTF-8, which keeps code point order among such letters. A run of ASCII digits is a
 * syllable of its own, 0x10 + digit count then the digits without leading zeros, so "2" sorts
 * before "10". Because 0x03 is below every weight, "cha" < "chan"; because 0x01 < 0x02, a
 * string sorts before its own extensions by more syllables. The case bytes, one per letter
 * (0x05 lower, 0x06 upper) and one per number (its leading zeros), break ties last. */

enum {
    KEY_END = 0x01,
    KEY_NEXT_SYLLABLE = 0x02,
    KEY_END_LETTERS = 0x03,
    KEY_TONE = 0x04,
    KEY_LOWER = 0x05,
    KEY_UPPER = 0x06,
    KEY_NUMBER = 0x10,
    KEY_LETTER = 0x40,
    KEY_OTHER = 0x70,
};

struct keyer {
    struct sbuf key, cases;
    bool open;      /* inside a syllable */
    bool any;       /* a syllable has been written */
    enum tone tone; /* of the open syllable */
};

static void key_open(struct keyer *k)
{
    if (k->open)
        return;
    if (k->any)
        sb_putc(&k->key, KEY_NEXT_SYLLABLE);
    k->open = k->any = true;
    k->tone = TONE_NONE;
}

static void key_close(struct keyer *k)
{
    if (!k->open)
        return;
    sb_putc(&k->key, KEY_END_LETTERS);
    sb_putc(&k->key, (unsigned char)(KEY_TONE + k->tone));
    k->open = false;
}

char *text_sort_key(const char *s)
{
    if (!s || !text_valid_utf8(s, strlen(s)))
        return NULL;
    char *nfd = map(s, UTF8PROC_DECOMPOSE);
    if (!nfd)
        return NULL;
    size_t n;
    uint32_t *cps = decode_all(nfd, &n);
    free(nfd);
    struct keyer k = {0};
    size_t i = 0;
    while (i < n) {
        uint32_t cp = cps[i];
        if (cp >= '0' && cp <= '9') {
            size_t j = i, zeros = 0;
            while (j < n && cps[j] >= '0' && cps[j] <= '9')
                j++;
            while (i + zeros + 1 < j && cps[i + zeros] == '0')
                zeros++;
            size_t digits = j - i - zeros;
            key_close(&k);
            key_open(&k);
            /* Numbers longer than 47 digits compare digit by digit after the first 47. */
            sb_putc(&k.key, (unsigned char)(KEY_NUMBER + (digits < 0x2F ? digits : 0x2F)));
            for (size_t d = i + zeros; d < j; d++)
                sb_putc(&k.key, (unsigned char)cps[d]);
            key_close(&k);
            sb_putc(&k.cases, (unsigned char)(KEY_NUMBER + (zeros < 0x6F ? zeros : 0x6F)));
            i = j;
        } else if (is_letter(cp)) {
            size_t j = i + 1;
            while (j < n && is_mark(cps[j]))
                j++;
            struct vletter v = classify(cp, cps + i + 1, j - i - 1);
            key_open(&k);
            if (v.index >= 0) {
                sb_putc(&k.key, (unsigned char)(KEY_LETTER + v.index));
            } else {
                sb_putc(&k.key, KEY_OTHER);
                sb_put_cp(&k.key, v.base);
            }
            /* One tone per syllable, wherever it was placed: "uỷ" and "ủy" sort together. */
            if (k.tone == TONE_NONE)
                k.tone = v.tone;
            sb_putc(&k.cases, v.upper ? KEY_UPPER : KEY_LOWER);
            i = j;
        } else {
            key_close(&k); /* spaces, punctuation, symbols and stray marks separate */
            i++;
        }
    }
    key_close(&k);
    free(cps);
    sb_putc(&k.key, KEY_END);
    sb_reserve(&k.key, k.cases.len);
    if (k.cases.len)
        memcpy(k.key.p + k.key.len, k.cases.p, k.cases.len);
    k.key.len += k.cases.len;
    free(k.cases.p);
    return sb_finish(&k.key);
}

/* ---- legacy encodings ---- */

const char *text_encoding_name(enum text_encoding e)
{
    switch (e) {
    case TEXT_UTF8:
        return "utf-8";
    case TEXT_TCVN3:
        return "tcvn3";
    case TEXT_VNI:
        return "vni";
    case TEXT_CP1258:
        return "cp1258";
    default:
        return "unknown";
    }
}

/* Windows-1252 at 0x80–0x9F; 0 where it assigns nothing. The legacy Vietnamese fonts were
 * used on Windows under this code page, so their punctuation (curly quotes, dashes) sits
 * here, and mojibake read as Windows-1252 has to be mapped back through it. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 0x80 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* 0x88 */
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 0x90 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, /* 0x98 */
};

/* TCVN 5712:1993 (TCVN3, the ".VnTime" fonts of the ABC package) at 0xA0–0xFF: lower-case
 * letters with every tone, the seven modified capitals, and five spacing tone marks that
 * were typed after capitals. The standard's full table (VN1) also puts capitals with tones
 * in the gaps left here; they are included since no TCVN3 text uses those bytes otherwise.
 * VN1's other capitals sit at 0x80–0x9F and in the C0 controls, where TCVN3 documents have
 * Windows punctuation and controls instead, so they are not. */
static const uint16_t tcvn3_high[96] = {
    [0x00] = 0x00A0,                                   /* no-break space */
    [0x01] = 0x0102, [0x02] = 0x00C2, [0x03] = 0x00CA, /* Ă Â Ê */
    [0x04] = 0x00D4, [0x05] = 0x01A0, [0x06] = 0x01AF, /* Ô Ơ Ư */
    [0x07] = 0x0110,                                   /* Đ */
    [0x08] = 0x0103, [0x09] = 0x00E2, [0x0A] = 0x00EA, /* ă â ê */
    [0x0B] = 0x00F4, [0x0C] = 0x01A1, [0x0D] = 0x01B0, /* ô ơ ư */
    [0x0E] = 0x0111, [0x0F] = 0x1EB0,                  /* đ Ằ */
    [0x10] = 0x0300, [0x11] = 0x0309, [0x12] = 0x0303, /* tone marks ` ? ~ */
    [0x13] = 0x0301, [0x14] = 0x0323,                  /* tone marks ' . */
    [0x15] = 0x00E0, [0x16] = 0x1EA3, [0x17] = 0x00E3, /* à ả ã */
    [0x18] = 0x00E1, [0x19] = 0x1EA1, [0x1A] = 0x1EB2, /* á ạ Ẳ */
    [0x1B] = 0x1EB1, [0x1C] = 0x1EB3, [0x1D] = 0x1EB5, /* ằ ẳ ẵ */
    [0x1E] = 0x1EAF, [0x1F] = 0x1EB4,                  /* ắ Ẵ */
    [0x20] = 0x1EAE, [0x21] = 0x1EA6, [0x22] = 0x1EA8, /* Ắ Ầ Ẩ */
    [0x23] = 0x1EAA, [0x24] = 0x1EA4, [0x25] = 0x1EC0, /* Ẫ Ấ Ề */
    [0x26] = 0x1EB7,                                   /* ặ */
    [0x27] = 0x1EA7, [0x28] = 0x1EA9, [0x29] = 0x1EAB, /* ầ ẩ ẫ */
    [0x2A] = 0x1EA5, [0x2B] = 0x1EAD,                  /* ấ ậ */
    [0x2C] = 0x00E8, [0x2D] = 0x1EC2, [0x2E] = 0x1EBB, /* è Ể ẻ */
    [0x2F] = 0x1EBD, [0x30] = 0x00E9, [0x31] = 0x1EB9, /* ẽ é ẹ */
    [0x32] = 0x1EC1, [0x33] = 0x1EC3, [0x34] = 0x1EC5, /* ề ể ễ */
    [0x35] = 0x1EBF, [0x36] = 0x1EC7,                  /* ế ệ */
    [0x37] = 0x00EC, [0x38] = 0x1EC9, [0x39] = 0x1EC4, /* ì ỉ Ễ */
    [0x3A] = 0x1EBE, [0x3B] = 0x1ED2,                  /* Ế Ồ */
    [0x3C] = 0x0129, [0x3D] = 0x00ED, [0x3E] = 0x1ECB, /* ĩ í ị */
    [0x3F] = 0x00F2, [0x40] = 0x1ED4, [0x41] = 0x1ECF, /* ò Ổ ỏ */
    [0x42] = 0x00F5, [0x43] = 0x00F3, [0x44] = 0x1ECD, /* õ ó ọ */
    [0x45] = 0x1ED3, [0x46] = 0x1ED5, [0x47] = 0x1ED7, /* ồ ổ ỗ */
    [0x48] = 0x1ED1, [0x49] = 0x1ED9,                  /* ố ộ */
    [0x4A] = 0x1EDD, [0x4B] = 0x1EDF, [0x4C] = 0x1EE1, /* ờ ở ỡ */
    [0x4D] = 0x1EDB, [0x4E] = 0x1EE3,                  /* ớ ợ */
    [0x4F] = 0x00F9, [0x50] = 0x1ED6, [0x51] = 0x1EE7, /* ù Ỗ ủ */
    [0x52] = 0x0169, [0x53] = 0x00FA, [0x54] = 0x1EE5, /* ũ ú ụ */
    [0x55] = 0x1EEB, [0x56] = 0x1EED, [0x57] = 0x1EEF, /* ừ ử ữ */
    [0x58] = 0x1EE9, [0x59] = 0x1EF1,                  /* ứ ự */
    [0x5A] = 0x1EF3, [0x5B] = 0x1EF7, [0x5C] = 0x1EF9, /* ỳ ỷ ỹ */
    [0x5D] = 0x00FD, [0x5E] = 0x1EF5, [0x5F] = 0x1ED0, /* ý ỵ Ố */
};

/* VNI-Windows at 0xC0–0xFF. VNI writes a vowel as its ASCII letter followed by one byte of
 * marks, so most of these bytes are combining marks (up to two, modifier first); the
 * capital forms are the lower-case byte minus 0x20. i, y with dot below, ơ, ư and đ have
 * bytes of their own. Unlisted bytes are Windows-1252. */
struct vni_entry {
    uint16_t cp[2];
};

#define VNI_PAIR(lo, a, b) [(lo)-0xC0] = {{a, b}}, [(lo)-0xE0] = {{a, b}}
#define VNI_CASE(lo, small, capital) [(lo)-0xC0] = {{small, 0}}, [(lo)-0xE0] = {{capital, 0}}

static const struct vni_entry vni_high[64] = {
    VNI_PAIR(0xE0, MARK_CIRCUMFLEX, MARK_GRAVE), /* à: ầ */
    VNI_PAIR(0xE1, MARK_CIRCUMFLEX, MARK_ACUTE), /* á: ấ */
    VNI_PAIR(0xE2, MARK_CIRCUMFLEX, 0),          /* â: â */
    VNI_PAIR(0xE3, MARK_CIRCUMFLEX, MARK_TILDE), /* ã: ẫ */
    VNI_PAIR(0xE4, MARK_CIRCUMFLEX, MARK_DOT),   /* ä: ậ */
    VNI_PAIR(0xE5, MARK_CIRCUMFLEX, MARK_HOOK),  /* å: ẩ */
    VNI_CASE(0xE6, 0x1EC9, 0x1EC8),              /* æ: ỉ Ỉ */
    VNI_PAIR(0xE8, MARK_BREVE, MARK_GRAVE),      /* è: ằ */
    VNI_PAIR(0xE9, MARK_BREVE, MARK_ACUTE),      /* é: ắ */
    VNI_PAIR(0xEA, MARK_BREVE, 0),               /* ê: ă */
    VNI_PAIR(0xEB, MARK_BREVE, MARK_DOT),        /* ë: ặ */
    VNI_CASE(0xEC, 0x00EC, 0x00CC),              /* ì: ì Ì */
    VNI_CASE(0xED, 0x00ED, 0x00CD),              /* í: í Í */
    VNI_CASE(0xEE, 0x1EF5, 0x1EF4),              /* î: ỵ Ỵ */
    VNI_PAIR(0xEF, MARK_DOT, 0),                 /* ï: nặng */
    VNI_CASE(0xF1, 0x0111, 0x0110),              /* ñ: đ Đ */
    VNI_CASE(0xF2, 0x1ECB, 0x1ECA),              /* ò: ị Ị */
    VNI_CASE(0xF3, 0x0129, 0x0128),              /* ó: ĩ Ĩ */
    VNI_CASE(0xF4, 0x01A1, 0x01A0),              /* ô: ơ Ơ */
    VNI_PAIR(0xF5, MARK_TILDE, 0),               /* õ: ngã */
    VNI_CASE(0xF6, 0x01B0, 0x01AF),              /* ö: ư Ư */
    VNI_PAIR(0xF8, MARK_GRAVE, 0),               /* ø: huyền */
    VNI_PAIR(0xF9, MARK_ACUTE, 0),               /* ù: sắc */
    VNI_PAIR(0xFA, MARK_BREVE, MARK_HOOK),       /* ú: ẳ */
    VNI_PAIR(0xFB, MARK_HOOK, 0),                /* û: hỏi */
    VNI_PAIR(0xFC, MARK_BREVE, MARK_TILDE),      /* ü: ẵ */
};

/* Windows-1258 at 0xC0–0xFF where it differs from Latin-1. It writes tones as combining
 * marks after the letter, which is why its text needs composing into NFC afterwards. */
static uint32_t cp1258_high(unsigned char b)
{
    switch (b) {
    case 0xC3:
        return 0x0102; /* Ă */
    case 0xCC:
        return MARK_GRAVE;
    case 0xD0:
        return 0x0110; /* Đ */
    case 0xD2:
        return MARK_HOOK;
    case 0xD5:
        return 0x01A0; /* Ơ */
    case 0xDD:
        return 0x01AF; /* Ư */
    case 0xDE:
        return MARK_TILDE;
    case 0xE3:
        return 0x0103; /* ă */
    case 0xEC:
        return MARK_ACUTE;
    case 0xF0:
        return 0x0111; /* đ */
    case 0xF2:
        return MARK_DOT;
    case 0xF5:
        return 0x01A1; /* ơ */
    case 0xFD:
        return 0x01B0; /* ư */
    case 0xFE:
        return 0x20AB; /* ₫ */
    default:
        return b;
    }
}

/* Code points for byte b in encoding enc, written to out; returns their number, or 0 when
 * the byte means nothing in that encoding (NUL included, as it cannot be in our strings). */
static int decode_byte(enum text_encoding enc, unsigned char b, uint32_t out[2])
{
    if (b == 0)
        return 0;
    if (b < 0x80) {
        out[0] = b;
        return 1;
    }
    if (enc == TEXT_TCVN3 && b >= 0xA0 && tcvn3_high[b - 0xA0]) {
        out[0] = tcvn3_high[b - 0xA0];
        return 1;
    }
    if (enc == TEXT_VNI && b >= 0xC0 && vni_high[b - 0xC0].cp[0]) {
        out[0] = vni_high[b - 0xC0].cp[0];
        out[1] = vni_high[b - 0xC0].cp[1];
        return out[1] ? 2 : 1;
    }
    if (b < 0xA0) {
        /* Windows-1258 lacks the four Š š Ž ž of Windows-1252. */
        if (enc == TEXT_CP1258 && (b == 0x8A || b == 0x8E || b == 0x9A || b == 0x9E))
            return 0;
        out[0] = cp1252_c1[b - 0x80];
        return out[0] ? 1 : 0;
    }
    out[0] = enc == TEXT_CP1258 ? cp1258_high(b) : b;
    return 1;
}

/* Turns UTF-8 mojibake back into the bytes it was misread from: a code point below 0x100 is
 * the byte itself (Latin-1 reading), the 27 Windows-1252 specials map back to 0x80–0x9F.
 * False when some code point cannot have come from a single byte. */
static bool unrender(const char *s, size_t len, struct sbuf *out)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        uint32_t cp = u8_next(&p);
        if (cp < 0x100) {
            sb_putc(out, (unsigned char)cp);
            continue;
        }
        int b = -1;
        for (int i = 0; i < 32 && b < 0; i++)
            if (cp1252_c1[i] == cp)
                b = 0x80 + i;
        if (b < 0)
            return false;
        sb_putc(out, (unsigned char)b);
    }
    return true;
}

/* Decodes bytes in a legacy encoding to NFC UTF-8; NULL when a byte has no meaning in it. */
static char *decode_legacy(const unsigned char *b, size_t len, enum text_encoding enc)
{
    struct sbuf out = {0};
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && b[end] != '\n')
            end++;
        if (end < len)
            end++; /* the line includes its newline */
        /* TCVN3 has no capitals with tones: headings were set in the ".VnTimeH" fonts, which
         * draw the lower-case codes as capitals. A line typed with only capital ASCII letters
         * is such a heading, since in the plain font it would show lower-case toned letters
         * among capitals, which nobody writes. */
        bool capitals_font = false;
        if (enc == TEXT_TCVN3) {
            int upper = 0, lower = 0;
            for (size_t k = i; k < end; k++) {
                upper += b[k] >= 'A' && b[k] <= 'Z';
                lower += b[k] >= 'a' && b[k] <= 'z';
            }
            capitals_font = upper >= 2 && lower == 0;
        }
        for (; i < end; i++) {
            uint32_t cps[2];
            int n = decode_byte(enc, b[i], cps);
            if (n == 0) {
                free(out.p);
                return NULL;
            }
            for (int k = 0; k < n; k++)
                sb_put_cp(&out, capitals_font ? upper(cps[k]) : cps[k]);
        }
    }
    char *raw = sb_finish(&out);
    char *nfc = map(raw, UTF8PROC_COMPOSE);
    free(raw);
    return nfc;
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

char *text_convert_legacy(const char *s, size_t len, enum text_encoding from)
{
    if (!s)
        return NULL;
    if (from == TEXT_UTF8) {
        if (!text_valid_utf8(s, len))
            return NULL;
        char *copy = strndup(s, len);
        if (!copy)
            return NULL;
        char *nfc = text_nfc(copy);
        free(copy);
        return nfc;
    }
    if (from != TEXT_TCVN3 && from != TEXT_VNI && from != TEXT_CP1258)
        return NULL;
    if (!text_valid_utf8(s, len) || all_ascii(s, len))
        return decode_legacy((const unsigned char *)s, len, from);
    /* Valid UTF-8 that is not plain ASCII: the legacy bytes were read as Latin-1 or
     * Windows-1252 somewhere on the way. */
    struct sbuf bytes = {0};
    char *result = NULL;
    if (unrender(s, len, &bytes))
        result = decode_legacy((const unsigned char *)bytes.p, bytes.len, from);
    free(bytes.p);
    return result;
}

/* ---- encoding detection ----
 *
 * Each candidate reading of the bytes is decoded and its words are checked against the shape
 * of a Vietnamese syllable: an initial consonant, a vowel cluster Vietnamese has, a final,
 * one tone at most, and only the marks Vietnamese puts on each letter. Mojibake fails that
 * test nearly everywhere ("nh©n", "ÑAÛNG"), the right reading passes it nearly everywhere.
 * Words of plain ASCII look the same in every reading and are not counted. */

static const char *const initials[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
                                       "th",  "tr", "b",  "c",  "d",  "3",  "g",  "h",  "k",
                                       "l",   "m",  "n",  "p",  "r",  "s",  "t",  "v",  "x"};
static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

/* The vowel clusters of Vietnamese rhymes (in the digit spelling of `alphabet`), glides
 * included: "oa" of hoa, "uyê" of khuyên, "ươi" of người. */
static const char *const nuclei[] = {
    "a",   "1",   "2",   "e",   "4",   "i",   "o",   "5",   "6",   "u",   "7",   "y",   "ai", "ao",
    "au",  "ay",  "2u",  "2y",  "eo",  "4u",  "ia",  "i4",  "iu",  "oa",  "o1",  "oe",  "oi", "oo",
    "5i",  "6i",  "ua",  "u2",  "u4",  "ui",  "u5",  "u6",  "uy",  "7a",  "7i",  "76",  "7u", "y4",
    "oai", "oay", "oeo", "u2y", "u5i", "76i", "76u", "uya", "uy4", "uyu", "i4u", "y4u",
};

static bool nucleus_ok(const char *r, size_t n)
{
    for (size_t i = 0; i < sizeof nuclei / sizeof *nuclei; i++)
        if (strlen(nuclei[i]) == n && strncmp(r, nuclei[i], n) == 0)
            return true;
    return false;
}

static bool rhyme_ok(const char *r, enum tone tone)
{
    size_t v = strspn(r, vowels);
    if (!nucleus_ok(r, v))
        return false;
    for (size_t i = 0; i < sizeof finals / sizeof *finals; i++) {
        if (strcmp(r + v, finals[i]) != 0)
            continue;
        /* A syllable closed by c, ch, p or t can only carry sắc or nặng. */
        bool stop = r[v] && strchr("cpt", r[v]);
        return !stop || tone == TONE_ACUTE || tone == TONE_DOT;
    }
    return false;
}

/* True when w[0..n) (NFC code points) is spelled like one Vietnamese syllable. */
static bool syllable_ok(const uint32_t *w, size_t n)
{
    char skel[8];
    enum tone tone = TONE_NONE;
    if (n == 0 || n > 7) /* "nghiêng" is as long as they get */
        return false;
    for (size_t i = 0; i < n; i++) {
        if (is_mark(w[i]))
            return false; /* a mark NFC could not attach to any letter */
        struct vletter v = classify_cp(w[i]);
        if (!v.vietnamese || v.index < 0)
            return false;
        if (v.tone != TONE_NONE) {
            if (tone != TONE_NONE)
                return false;
            tone = v.tone;
        }
        skel[i] = alphabet[v.index];
    }
    skel[n] = '\0';
    for (size_t i = 0; i < sizeof initials / sizeof *initials; i++) {
        size_t k = strlen(initials[i]);
        if (strncmp(skel, initials[i], k) == 0 && rhyme_ok(skel + k, tone))
            return true;
    }
    return rhyme_ok(skel, tone);
}

/* Frequent syllables with marks, which break ties between readings that are all well-formed
 * (Windows-1258 "Cái" against TCVN3 "Cỏi"). Lower case NFC. */
static const char *const common[] = {
    "và",   "của",  "có",    "các",   "là",    "được",  "không", "những",  "với",   "một",  "người",
    "đã",   "này",  "để",    "năm",   "đến",   "về",    "tỉnh",  "huyện",  "xã",    "đảng", "bộ",
    "ủy",   "uỷ",   "nhân",  "dân",   "hội",   "nghị",  "quyết", "chương", "trình", "kế",   "hoạch",
    "thực", "hiện", "tổ",    "chức",  "phát",  "triển", "tế",    "công",   "tác",   "cán",  "đồng",
    "chí",  "việt", "thành", "phố",   "nhiệm", "vụ",    "số",    "ngày",   "tháng", "đại",  "báo",
    "cáo",  "sở",   "quản",  "lý",    "văn",   "hóa",   "hoá",   "giáo",   "dục",   "quốc", "phòng",
    "tại",  "từ",   "vào",   "đạo",   "lãnh",  "chỉ",   "kiểm",  "giám",   "sát",   "mới",  "nông",
    "thôn", "xây",  "dựng",  "chính", "trị",   "hệ",    "thống", "ương",   "khóa",  "khoá", "lần",
    "thứ",  "học",  "bảo",   "đảm",   "tăng",  "cường", "ở",     "trên",   "đề",    "án",   "đơn",
    "vị",   "cái",  "cả",    "còn",   "đó",    "phải",  "sự",    "nước",   "sẽ",    "đi",   "lại",
};

static bool is_common(const uint32_t *w, size_t n)
{
    struct sbuf low = {0};
    for (size_t i = 0; i < n; i++)
        sb_put_cp(&low, (uint32_t)utf8proc_tolower((utf8proc_int32_t)w[i]));
    char *s = sb_finish(&low);
    bool found = false;
    for (size_t i = 0; i < sizeof common / sizeof *common && !found; i++)
        found = strcmp(s, common[i]) == 0;
    free(s);
    return found;
}

static bool splits_words(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP;
}

/* Well-formed non-ASCII words (frequent ones twice) minus malformed ones, in NFC text s. */
static long plausibility(const char *s)
{
    size_t n;
    uint32_t *cps = decode_all(s, &n);
    long score = 0;
    size_t i = 0;
    while (i < n) {
        if (splits_words(cps[i])) {
            i++;
            continue;
        }
        size_t j = i;
        bool nonascii = false, letter = false;
        for (; j < n && !splits_words(cps[j]); j++) {
            nonascii |= cps[j] >= 0x80;
            letter |= is_letter(cps[j]);
        }
        if (nonascii && letter) {
            if (syllable_ok(cps + i, j - i))
                score += 1 + is_common(cps + i, j - i);
            else
                score -= 1;
        }
        i = j;
    }
    free(cps);
    return score;
}

/* Best legacy reading of bytes b[0..len): sets *score and returns the encoding, or
 * TEXT_UNKNOWN when no reading decodes. On a tie the order below wins: TCVN3 was the
 * government standard and is the commonest in old documents. */
static enum text_encoding best_legacy(const unsigned char *b, size_t len, long *score)
{
    static const enum text_encoding order[] = {TEXT_TCVN3, TEXT_VNI, TEXT_CP1258};
    enum text_encoding best = TEXT_UNKNOWN;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        char *u = decode_legacy(b, len, order[i]);
        if (!u)
            continue;
        long sc = plausibility(u);
        free(u);
        if (best == TEXT_UNKNOWN || sc > *score) {
            best = order[i];
            *score = sc;
        }
    }
    return best;
}

enum text_encoding text_detect_encoding(const char *s, size_t len)
{
    if (!s)
        return TEXT_UNKNOWN;
    if (text_valid_utf8(s, len)) {
        if (all_ascii(s, len))
            return TEXT_UTF8;
        struct sbuf bytes = {0};
        enum text_encoding result = TEXT_UTF8;
        if (unrender(s, len, &bytes)) {
            char *copy = strndup(s, len);
            char *nfc = copy ? text_nfc(copy) : NULL;
            long as_utf8 = nfc ? plausibility(nfc) : 0, legacy = 0;
            enum text_encoding e = best_legacy((const unsigned char *)bytes.p, bytes.len, &legacy);
            /* UTF-8 keeps ties: real Vietnamese in Latin-1 letters ("Cái") reads well both
             * ways, and it is far likelier to be what it looks like. */
            if (e != TEXT_UNKNOWN && legacy > as_utf8 && legacy > 0)
                result = e;
            free(nfc);
            free(copy);
        }
        free(bytes.p);
        return result;
    }
    long score = 0;
    enum text_encoding e = best_legacy((const unsigned char *)s, len, &score);
    return e != TEXT_UNKNOWN && score > 0 ? e : TEXT_UNKNOWN;
}

unsigned long long text_hash(const void *p, size_t n)
{
    const unsigned char *b = p;
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return h;
}
