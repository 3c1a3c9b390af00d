/* Evidence files: type recognition, safe names, content hashes. */
#ifndef TK_FILE_H
#define TK_FILE_H
#include <stddef.h>

/* The media type recognised from the bytes (PDF, PNG, JPEG, DOCX/XLSX/PPTX by their zip
 * signature and extension, UTF-8 text), or NULL for a type we do not accept. */
const char *file_detect_type(const unsigned char *data, size_t len, const char *name);
/* A safe file name: folders dropped, NFC, no control or shell characters, no leading dot,
 * at most 200 characters; "tep" when nothing is left. Caller frees. */
char *file_sanitise_name(const char *given);
void file_sha256_hex(const unsigned char *data, size_t len, char out[65]);
#endif
