/* Token generation and hashing, on libsodium. */
#include "util/token.h"
#include <sodium.h>
#include <string.h>

void auth_token_hash(const char *token, char out[65])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
    sodium_bin2hex(out, 65, digest, sizeof digest);
}

void auth_new_token(char out[64])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, 64, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
