/* Secrets for session cookies and API tokens: random, and stored only as their SHA-256. */
#ifndef TK_TOKEN_H
#define TK_TOKEN_H
/* SHA-256 hex of a secret token (64 chars + NUL). */
void auth_token_hash(const char *token, char out[65]);
/* A new random token: 32 bytes from libsodium as base64url (43 chars + NUL). */
void auth_new_token(char out[64]);
#endif
