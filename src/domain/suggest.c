/*
 * Suggestion of the resolution items a task's text most likely serves: BM25 over the
 * folded syllables and syllable pairs of the items' texts. Vietnamese writes a space
 * between syllables, not words, so pairs stand in for two-syllable words ("kinh tế",
 * "cửa khẩu") without a word segmenter. Pure computation: the caller brings the items.
 */
#include "domain/suggest.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util/text.h"

struct terms {
    char **v;
    size_t n, cap;
};

static void terms_add(struct terms *t, const char *s, size_t len)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 32;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n++] = strndup(s, len);
}

static void terms_free(struct terms *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
}

/* Syllables of the folded text, then each adjacent pair joined by "_". */
static struct terms tokenize(const char *text)
{
    struct terms t = {0};
    char *folded = text_fold(text ? text : "");
    if (!folded)
        return t;
    struct terms syl = {0};
    for (char *save = NULL, *w = strtok_r(folded, " ", &save); w; w = strtok_r(NULL, " ", &save))
        terms_add(&syl, w, strlen(w));
    for (size_t i = 0; i < syl.n; i++) {
        terms_add(&t, syl.v[i], strlen(syl.v[i]));
        if (i + 1 < syl.n) {
            size_t a = strlen(syl.v[i]), b = strlen(syl.v[i + 1]);
            char *pair = malloc(a + b + 2);
            memcpy(pair, syl.v[i], a);
            pair[a] = '_';
            memcpy(pair + a + 1, syl.v[i + 1], b + 1);
            terms_add(&t, pair, a + b + 1);
            free(pair);
        }
    }
    terms_free(&syl);
    free(folded);
    return t;
}

static size_t count_in(const struct terms *t, const char *term)
{
    size_t c = 0;
    for (size_t i = 0; i < t->n; i++)
        c += strcmp(t->v[i], term) == 0;
    return c;
}

static int by_score(const void *a, const void *b)
{
    const struct suggestion *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->index < y->index ? -1 : x->index > y->index;
}

size_t suggest_rank(const char *const *texts, size_t n, const char *query, struct suggestion *out,
                    size_t limit)
{
    const double k1 = 1.2, b = 0.75;
    struct terms q = tokenize(query);
    struct terms *docs = calloc(n ? n : 1, sizeof *docs);
    double avg = 0;
    for (size_t i = 0; i < n; i++) {
        docs[i] = tokenize(texts[i]);
        avg += (double)docs[i].n;
    }
    avg = n ? avg / (double)n : 1;
    struct suggestion *all = calloc(n ? n : 1, sizeof *all);
    for (size_t i = 0; i < n; i++)
        all[i].index = i;
    for (size_t k = 0; k < q.n; k++) {
        bool repeat = false;
        for (size_t j = 0; j < k && !repeat; j++)
            repeat = strcmp(q.v[j], q.v[k]) == 0;
        if (repeat)
            continue;
        size_t df = 0;
        for (size_t i = 0; i < n; i++)
            df += count_in(&docs[i], q.v[k]) > 0;
        if (!df)
            continue;
        double idf = log(1 + ((double)n - (double)df + 0.5) / ((double)df + 0.5));
        /* A shared pair says more than a shared syllable. */
        double weight = strchr(q.v[k], '_') ? 1.5 : 1.0;
        for (size_t i = 0; i < n; i++) {
            double tf = (double)count_in(&docs[i], q.v[k]);
            if (tf == 0)
                continue;
            double norm = k1 * (1 - b + b * (double)docs[i].n / (avg ? avg : 1));
            all[i].score += weight * idf * tf * (k1 + 1) / (tf + norm);
        }
    }
    qsort(all, n, sizeof *all, by_score);
    size_t m = 0;
    for (size_t i = 0; i < n && m < limit; i++)
        if (all[i].score > 0)
            out[m++] = all[i];
    for (size_t i = 0; i < n; i++)
        terms_free(&docs[i]);
    free(docs);
    free(all);
    terms_free(&q);
    return m;
}
