/*
 * File (tệp minh chứng): evidence attached to task updates. The bytes are kept once per
 * SHA-256 (in the database, so backups and transactions cover them); each upload keeps its
 * sanitised name and a type recognised from the bytes themselves, never from what the
 * client claims. Created through POST /api/v1/files, not the generic handler.
 */
#include "domain/file.h"
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include "domain/nouns.h"
#include "util/text.h"

static const struct field file_fields[] = {
    FIELD_ID,
    {"sha256", NULL, FT_TEXT, F_READONLY, NULL, NULL, 0, 64, NULL, NULL, "content hash"},
    {"name", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 200, NULL, NULL, "file name (sanitised)"},
    {"type", NULL, FT_TEXT, F_READONLY, NULL, NULL, 0, 100, NULL, NULL, "media type found"},
    {"size", NULL, FT_INT, F_READONLY, NULL, NULL, 0, 0, NULL, NULL, "bytes"},
    FIELD_CREATED,
    FIELD_END,
};

const struct resource res_files = {
    .name = "files",
    .singular = "file",
    .label_vi = "tệp",
    .fields = file_fields,
    .no_api = true,
};

const char *file_detect_type(const unsigned char *data, size_t len, const char *name)
{
    const char *ext = name ? strrchr(name, '.') : NULL;
    if (len >= 5 && !memcmp(data, "%PDF-", 5))
        return "application/pdf";
    if (len >= 8 && !memcmp(data, "\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (len >= 3 && !memcmp(data, "\xff\xd8\xff", 3))
        return "image/jpeg";
    if (len >= 4 && !memcmp(data, "PK\x03\x04", 4) && ext) {
        /* Office documents are zip files; the extension says which one. */
        if (!strcasecmp(ext, ".docx"))
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (!strcasecmp(ext, ".xlsx"))
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (!strcasecmp(ext, ".pptx"))
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        return NULL;
    }
    if (!text_valid_utf8((const char *)data, len))
        return NULL;
    /* Text means text: control bytes other than tab and line ends mark a binary file. */
    for (size_t i = 0; i < len; i++)
        if ((data[i] < 0x20 && !strchr("\t\r\n", data[i])) || data[i] == 0x7f)
            return NULL;
    return "text/plain; charset=utf-8";
}

char *file_sanitise_name(const char *given)
{
    const char *base = given ? given : "";
    for (const char *p = base; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    char *nfc = text_valid_utf8(base, strlen(base)) ? text_nfc(base) : NULL;
    size_t n = nfc ? strlen(nfc) : 0, j = 0;
    char *out = malloc(n + 8);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)nfc[i];
        /* Keep letters (any UTF-8 sequence), digits and a few safe marks; everything that
         * a shell, a header or a file system could read specially becomes "_". */
        bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || strchr(" .-_()", c);
        out[j++] = keep ? (char)c : '_';
    }
    out[j] = 0;
    free(nfc);
    char *start = out;
    while (*start == '.' || *start == ' ')
        start++; /* no hidden files, no "..": */
    if (!*start) {
        free(out);
        return strdup("tep");
    }
    if (text_length(start) > 200) {
        /* Cut on a character boundary. */
        size_t count = 0, i = 0;
        while (start[i] && count < 200) {
            i++;
            while ((start[i] & 0xC0) == 0x80)
                i++;
            count++;
        }
        start[i] = 0;
    }
    char *result = strdup(start);
    free(out);
    return result;
}

void file_sha256_hex(const unsigned char *data, size_t len, char out[65])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, data, len);
    sodium_bin2hex(out, 65, digest, sizeof digest);
}
