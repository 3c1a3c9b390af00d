/*
 * Sign-in throttling: failed sign-ins are counted per account and per client address in a
 * sliding window; past the limit, further attempts are refused with 429 until the window
 * has passed, whether or not the password is right, so guessing is slow. In memory: a
 * restart forgets, which is acceptable for a throttle (the argon2id cost stays).
 */
#include "http/throttle.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

enum { SLOTS = 4096, WINDOW = 15 * 60, ACCOUNT_LIMIT = 5, ADDRESS_LIMIT = 20 };

struct slot {
    char key[96];
    time_t first;
    int failures;
};

static struct slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static struct slot *find(const char *key, time_t now)
{
    unsigned long h = 5381;
    for (const char *p = key; *p; p++)
        h = h * 33 + (unsigned char)*p;
    struct slot *s = &slots[h % SLOTS];
    /* One slot per hash: a collision resets the other key's count, which errs towards
     * letting a person in, never towards locking one out. */
    if (strcmp(s->key, key) != 0 || now - s->first > WINDOW) {
        snprintf(s->key, sizeof s->key, "%s", key);
        s->first = now;
        s->failures = 0;
    }
    return s;
}

static void keys(const char *username, const char *address, char *ka, char *kb, size_t size)
{
    snprintf(ka, size, "u:%.80s", username ? username : "");
    snprintf(kb, size, "a:%.80s", address ? address : "");
}

int throttle_check(const char *username, const char *address)
{
    char ka[96], kb[96];
    keys(username, address, ka, kb, sizeof ka);
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    struct slot *a = find(ka, now), *b = find(kb, now);
    int wait = 0;
    if (a->failures >= ACCOUNT_LIMIT)
        wait = (int)(WINDOW - (now - a->first));
    if (b->failures >= ADDRESS_LIMIT && (int)(WINDOW - (now - b->first)) > wait)
        wait = (int)(WINDOW - (now - b->first));
    pthread_mutex_unlock(&lock);
    return wait > 0 ? wait : 0;
}

void throttle_failed(const char *username, const char *address)
{
    char ka[96], kb[96];
    keys(username, address, ka, kb, sizeof ka);
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    find(ka, now)->failures++;
    find(kb, now)->failures++;
    pthread_mutex_unlock(&lock);
}

void throttle_succeeded(const char *username)
{
    char ka[96], kb[96];
    keys(username, NULL, ka, kb, sizeof ka);
    pthread_mutex_lock(&lock);
    struct slot *a = find(ka, time(NULL));
    a->failures = 0;
    pthread_mutex_unlock(&lock);
}
