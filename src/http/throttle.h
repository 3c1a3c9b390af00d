/* Throttling of failed sign-ins per account and per client address. */
#ifndef TK_THROTTLE_H
#define TK_THROTTLE_H
/* Seconds the caller must wait before trying again; 0 when it may try now. */
int throttle_check(const char *username, const char *address);
void throttle_failed(const char *username, const char *address);
void throttle_succeeded(const char *username);
#endif
