/*
 * Fuzz target for Vietnamese text (util/text.h), which every other parser leans on: the
 * input bytes go to the UTF-8 check, the legacy-encoding detector and the three legacy
 * converters; when they are valid UTF-8, to NFC, tone unification, the sort key and the
 * length.
 *
 * Properties: NUL bytes are never valid UTF-8; NFC and tone unification give valid UTF-8
 * and are idempotent; canonically equivalent texts (s and its NFC) get the same sort key;
 * whatever a converter returns is valid UTF-8 in NFC.
 */
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "util/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fz_init_process();
    return 0;
}

static void check_nfc_text(const char *s)
{
    FZ_CHECK(s != NULL);
    FZ_CHECK(text_valid_utf8(s, strlen(s)));
    char *nfc = text_nfc(s);
    FZ_CHECK(nfc != NULL && strcmp(nfc, s) == 0);
    free(nfc);
}

static void check_utf8(const char *s, size_t len)
{
    char *nfc = text_nfc(s);
    check_nfc_text(nfc);

    char *unified = text_unify_tones(s);
    FZ_CHECK(unified != NULL && text_valid_utf8(unified, strlen(unified)));
    char *twice = text_unify_tones(unified);
    FZ_CHECK(twice != NULL && strcmp(twice, unified) == 0);

    char *key = text_sort_key(s), *key_nfc = text_sort_key(nfc);
    FZ_CHECK(key != NULL && key_nfc != NULL);
    FZ_CHECK(strcmp(key, key_nfc) == 0);

    FZ_CHECK(text_length(s) <= len);
    free(nfc);
    free(unified);
    free(twice);
    free(key);
    free(key_nfc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    const char *bytes = (const char *)data;
    bool valid = text_valid_utf8(bytes, size);
    if (memchr(bytes, 0, size))
        FZ_CHECK(!valid);
    if (valid) {
        char *s = fz_strndup(data, size);
        check_utf8(s, size);
        free(s);
    }
    enum text_encoding detected = text_detect_encoding(bytes, size);
    FZ_CHECK(text_encoding_name(detected) != NULL);
    static const enum text_encoding legacy[] = {TEXT_TCVN3, TEXT_VNI, TEXT_CP1258};
    for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++) {
        char *out = text_convert_legacy(bytes, size, legacy[i]);
        if (out)
            check_nfc_text(out);
        free(out);
    }
    return 0;
}
