/* Ranking of resolution items by how well their text matches a task's text. */
#ifndef TK_SUGGEST_H
#define TK_SUGGEST_H
#include <stdbool.h>
#include <stddef.h>

struct suggestion {
    size_t index; /* into the caller's texts */
    double score; /* > 0; higher is better */
};

/* Ranks texts[0..n) against query; writes at most limit suggestions with a positive score
 * into out, best first, and returns how many. */
size_t suggest_rank(const char *const *texts, size_t n, const char *query, struct suggestion *out,
                    size_t limit);
#endif
