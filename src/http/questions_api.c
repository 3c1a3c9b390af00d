/*
 * Handlers of the core questions (API.md): an org's children and subtree, its roll-up and
 * cascade, a resolution's coverage and suggestions, an indicator's roll-up, waivers,
 * search and the audit trail. Each parses and checks its parameters, asks the store or the
 * domain, and serialises.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/coverage.h"
#include "domain/nouns.h"
#include "domain/suggest.h"
#include "http/http.h"
#include "util/period.h"
#include "util/text.h"

/* The org named by path segment 1, which must exist (404 otherwise). */
static int path_org(struct request *q, long long *id, struct err *e)
{
    if (segment_id(q, 1, id, e) != 0)
        return -1;
    if (!store_exists(q->st, &res_orgs, *id) || !access_org_within(q->st, &q->access, *id))
        return err_set(e, E_NOT_FOUND, NULL, "Không tìm thấy tổ chức %lld. / No org with id %lld.",
                       *id, *id);
    return 0;
}

/* Is row `id` of r there and readable by the caller? */
static bool visible(struct request *q, const struct resource *r, long long id)
{
    json_t *row = store_get(q->st, r, id, NULL);
    bool ok = row && access_can_read(q->st, &q->access, r, row);
    json_decref(row);
    return ok;
}

static bool hit_visible(void *q, const struct resource *r, long long id)
{
    return visible(q, r, id);
}

/* An id named in the query that must exist: 422 naming the parameter otherwise. */
static int query_ref(struct request *q, const char *name, const struct resource *r, bool required,
                     long long *id, struct err *e)
{
    if (query_int(q, name, 0, id, e) != 0)
        return -1;
    if (!*id && !required)
        return 0;
    if (*id <= 0 || !visible(q, r, *id))
        return err_set(e, E_INVALID_FIELD, name,
                       "%s: không có %s nào mang mã %lld. / No %s with "
                       "id %lld.",
                       name, r->label_vi, *id, r->singular, *id);
    return 0;
}

/* A page of orgs from ids[] (in that order) after the org `cursor`, at most `limit`. */
static int page_orgs(struct request *q, struct response *res, json_t *ids, struct err *e)
{
    long long limit, cursor;
    if (query_int(q, "limit", 500, &limit, e) != 0 || query_int(q, "cursor", 0, &cursor, e) != 0)
        return -1;
    if (limit < 1)
        limit = 1;
    if (limit > 500)
        limit = 500;
    size_t start = 0;
    if (cursor > 0) {
        /* The cursor is the id of the last org of the previous page. */
        while (start < json_array_size(ids) &&
               json_integer_value(json_array_get(ids, start)) != cursor)
            start++;
        start++;
    }
    json_t *items = json_array(), *next = json_null();
    for (size_t i = start; i < json_array_size(ids); i++) {
        if (json_array_size(items) == (size_t)limit) {
            char buf[32];
            snprintf(buf, sizeof buf, "%lld",
                     (long long)json_integer_value(json_array_get(ids, i - 1)));
            next = json_string(buf);
            break;
        }
        json_t *org = resource_get(q->st, &res_orgs, json_integer_value(json_array_get(ids, i)), e);
        if (!org) {
            json_decref(items);
            return -1;
        }
        json_array_append_new(items, org);
    }
    respond_json(res, 200, json_pack("{s:o,s:o}", "items", items, "next_cursor", next));
    return 0;
}

int api_org_children(struct request *q, struct response *res, struct err *e)
{
    long long id;
    static const char *const allowed[] = {"limit", "cursor", NULL};
    if (path_org(q, &id, e) != 0 || query_only(q, allowed, e) != 0)
        return -1;
    struct store_filter f = {resource_field(&res_orgs, "parent_id"), json_integer(id)};
    json_t *rows = store_list(q->st, &res_orgs, &f, 1, 0, 1000000, e);
    json_decref(f.value);
    if (!rows)
        return -1;
    json_t *ids = json_array();
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row) json_array_append_new(ids, json_integer(obj_int(row, "id")));
    json_decref(rows);
    int rc = page_orgs(q, res, ids, e);
    json_decref(ids);
    return rc;
}

int api_org_subtree(struct request *q, struct response *res, struct err *e)
{
    long long id;
    static const char *const allowed[] = {"limit", "cursor", NULL};
    if (path_org(q, &id, e) != 0 || query_only(q, allowed, e) != 0)
        return -1;
    json_t *ids = store_org_subtree(q->st, id, e);
    if (!ids)
        return -1;
    int rc = page_orgs(q, res, ids, e);
    json_decref(ids);
    return rc;
}

int api_org_moves(struct request *q, struct response *res, struct err *e)
{
    long long id;
    static const char *const allowed[] = {NULL};
    if (path_org(q, &id, e) != 0 || query_only(q, allowed, e) != 0)
        return -1;
    json_t *moves = store_org_moves(q->st, id, e);
    if (!moves)
        return -1;
    respond_json(res, 200, json_pack("{s:o}", "items", moves));
    return 0;
}

int api_org_rollup(struct request *q, struct response *res, struct err *e)
{
    long long id, term_year;
    static const char *const allowed[] = {"term_year", "by", NULL};
    if (path_org(q, &id, e) != 0 || query_only(q, allowed, e) != 0 ||
        query_int(q, "term_year", 0, &term_year, e) != 0)
        return -1;
    const char *by = q->query(q, "by");
    if (by && strcmp(by, "program") && strcmp(by, "lead"))
        return err_set(e, E_INVALID_FIELD, "by",
                       "by phải là program hoặc lead. / by must be "
                       "program or lead.");
    json_t *out =
        store_rollup(q->st, id, (int)term_year, by && !strcmp(by, "lead"), date_today(), e);
    if (!out)
        return -1;
    json_object_set_new(out, "by", json_string(by ? by : "program"));
    json_object_set_new(out, "term_year", term_year ? json_integer(term_year) : json_null());
    respond_json(res, 200, out);
    return 0;
}

int api_org_cascade(struct request *q, struct response *res, struct err *e)
{
    long long id, resolution;
    static const char *const allowed[] = {"resolution_id", NULL};
    if (path_org(q, &id, e) != 0 || query_only(q, allowed, e) != 0 ||
        query_ref(q, "resolution_id", &res_resolutions, true, &resolution, e) != 0)
        return -1;
    json_t *out = store_cascade(q->st, id, resolution, e);
    if (!out)
        return -1;
    respond_json(res, 200, out);
    return 0;
}

static int path_resolution(struct request *q, long long *id, struct err *e)
{
    if (segment_id(q, 1, id, e) != 0)
        return -1;
    if (!visible(q, &res_resolutions, *id))
        return err_set(e, E_NOT_FOUND, NULL,
                       "Không tìm thấy nghị quyết %lld. / No resolution "
                       "with id %lld.",
                       *id, *id);
    return 0;
}

int api_coverage(struct request *q, struct response *res, struct err *e)
{
    long long id, program;
    static const char *const allowed[] = {"program_id", "program_ids", NULL};
    if (path_resolution(q, &id, e) != 0 || query_only(q, allowed, e) != 0 ||
        query_ref(q, "program_id", &res_programs, false, &program, e) != 0)
        return -1;
    /* One program, a set of programs (program_ids=3,7,9), or every program implementing it. */
    json_t *set = json_array();
    if (program)
        json_array_append_new(set, json_integer(program));
    const char *list = q->query(q, "program_ids");
    for (const char *c = list; c && *c;) {
        char *end;
        long long pid = strtoll(c, &end, 10);
        if (end == c || (*end && *end != ',') || pid <= 0 || !visible(q, &res_programs, pid)) {
            json_decref(set);
            return err_set(e, E_INVALID_FIELD, "program_ids",
                           "program_ids phải là danh sách mã chương trình, cách nhau bởi dấu phẩy. "
                           "/ program_ids must be a comma-separated list of program ids.");
        }
        json_array_append_new(set, json_integer(pid));
        c = *end ? end + 1 : end;
    }
    json_t *out = store_coverage_of(q->st, id, set, e);
    if (out)
        json_object_set(out, "program_ids", set);
    json_decref(set);
    if (!out)
        return -1;
    if (!access_is_everything(&q->access)) {
        /* Tasks out of the caller's reach neither show nor cover: recount without them. */
        json_t *items = json_incref(json_object_get(out, "items"));
        size_t i;
        json_t *it;
        json_array_foreach(items, i, it)
        {
            json_t *ids = json_object_get(it, "task_ids"), *kept = json_array();
            size_t k;
            json_t *tid;
            json_array_foreach(ids, k, tid) if (visible(q, &res_tasks, json_integer_value(tid)))
                json_array_append(kept, tid);
            json_object_set_new(it, "task_ids", kept);
        }
        json_t *resolution = json_incref(json_object_get(out, "resolution_id"));
        json_decref(out);
        out = coverage_summarise(items);
        json_object_set_new(out, "resolution_id", resolution);
    }
    json_object_set_new(out, "program_id", program ? json_integer(program) : json_null());
    respond_json(res, 200, out);
    return 0;
}

int api_suggest(struct request *q, struct response *res, struct err *e)
{
    long long id, limit;
    static const char *const allowed[] = {"text", "limit", NULL};
    if (path_resolution(q, &id, e) != 0 || query_only(q, allowed, e) != 0 ||
        query_int(q, "limit", 3, &limit, e) != 0)
        return -1;
    const char *text = q->query(q, "text");
    if (!text || !*text)
        return err_set(e, E_INVALID_FIELD, "text",
                       "Cần nội dung nhiệm vụ (text). / text is "
                       "required.");
    if (limit < 1)
        limit = 1;
    if (limit > 50)
        limit = 50;
    struct store_filter f = {resource_field(&res_items, "resolution_id"), json_integer(id)};
    json_t *rows = store_list(q->st, &res_items, &f, 1, 0, 100000, e);
    json_decref(f.value);
    if (!rows)
        return -1;
    size_t n = json_array_size(rows);
    const char **texts = calloc(n ? n : 1, sizeof *texts);
    for (size_t i = 0; i < n; i++)
        texts[i] = obj_str(json_array_get(rows, i), "text");
    struct suggestion *best = calloc((size_t)limit, sizeof *best);
    size_t m = suggest_rank(texts, n, text, best, (size_t)limit);
    json_t *items = json_array();
    for (size_t i = 0; i < m; i++) {
        json_t *row = json_array_get(rows, best[i].index);
        json_array_append_new(
            items, json_pack("{s:I,s:O,s:O,s:O,s:f}", "id", (json_int_t)obj_int(row, "id"), "code",
                             json_object_get(row, "code"), "kind", json_object_get(row, "kind"),
                             "text", json_object_get(row, "text"), "score", best[i].score));
    }
    free(best);
    free(texts);
    json_decref(rows);
    respond_json(res, 200, json_pack("{s:o}", "items", items));
    return 0;
}

int api_indicator_rollup(struct request *q, struct response *res, struct err *e)
{
    long long item, org;
    static const char *const allowed[] = {"org_id", "period", "status", NULL};
    if (segment_id(q, 1, &item, e) != 0)
        return -1;
    json_t *row = store_get(q->st, &res_items, item, NULL);
    bool indicator = row && obj_str(row, "kind") && !strcmp(obj_str(row, "kind"), "indicator") &&
                     access_can_read(q->st, &q->access, &res_items, row);
    json_decref(row);
    if (!indicator)
        return err_set(e, E_NOT_FOUND, NULL,
                       "Không có chỉ tiêu mang mã %lld. / No indicator with "
                       "id %lld.",
                       item, item);
    if (query_only(q, allowed, e) != 0 || query_ref(q, "org_id", &res_orgs, true, &org, e) != 0)
        return -1;
    if (!access_org_within(q->st, &q->access, org))
        return err_set(e, E_INVALID_FIELD, "org_id",
                       "org_id: không có tổ chức nào mang mã %lld. "
                       "/ No org with id %lld.",
                       org, org);
    const char *period_text = q->query(q, "period");
    struct period p;
    char code[32];
    if (!period_text ||
        (period_parse(period_text, &p) != 0 && period_parse_label(period_text, &p) != 0))
        return err_set(e, E_INVALID_FIELD, "period",
                       "Cần một kỳ hợp lệ (2021, 2021-Q2, 2021-H1, "
                       "2021-06, term). / period must be a period code.");
    const char *status = q->query(q, "status");
    if (status && strcmp(status, "approved") && strcmp(status, "any"))
        return err_set(e, E_INVALID_FIELD, "status",
                       "status chỉ nhận approved. / status may only "
                       "be approved.");
    period_code(&p, code, sizeof code);
    json_t *out =
        store_indicator_rollup(q->st, item, org, code, status && !strcmp(status, "approved"), e);
    if (!out)
        return -1;
    char label[64];
    json_object_set_new(out, "period_label", json_string(period_label_vi(&p, label, sizeof label)));
    respond_json(res, 200, out);
    return 0;
}

int api_waiver(struct request *q, struct response *res, struct err *e)
{
    long long id;
    if (segment_id(q, 1, &id, e) != 0)
        return -1;
    json_t *old = store_get(q->st, &res_items, id, e);
    if (!old)
        return -1;
    if (!access_can_read(q->st, &q->access, &res_items, old)) {
        json_decref(old);
        return resource_not_found(&res_items, id, e);
    }
    if (!access_can_write(q->st, &q->access, &res_items, old)) {
        json_decref(old);
        return err_set(e, E_FORBIDDEN, NULL,
                       "Bạn không có quyền miễn nội dung này. / You may not "
                       "waive this item.");
    }
    json_t *change = json_object();
    int rc = -1;
    if (!strcmp(q->method, "POST")) {
        json_t *body = body_json(q, e);
        if (!body)
            goto done;
        json_t *reason = json_object_get(body, "reason");
        const char *text = json_string_value(reason);
        char *nfc = text ? text_nfc(text) : NULL;
        json_decref(body);
        if (!nfc || strspn(nfc, " \t\r\n") == strlen(nfc)) {
            free(nfc);
            err_set(e, E_INVALID_FIELD, "reason",
                    "Cần nêu lý do miễn (reason). / reason is "
                    "required.");
            goto done;
        }
        json_object_set_new(change, "waiver_reason", json_string(nfc));
        free(nfc);
    } else {
        json_object_set_new(change, "waiver_reason", json_null());
    }
    if (store_update(q->st, &res_items, id, change, e) != 0)
        goto done;
    json_t *after = resource_get(q->st, &res_items, id, e);
    json_t *before = resource_present(q->st, &res_items, old);
    rc = after ? store_audit(q->st, q->actor.user, q->actor.address,
                             strcmp(q->method, "POST") ? "unwaive" : "waive", "items", id, before,
                             after, e)
               : -1;
    json_decref(before);
    if (rc == 0)
        respond_json(res, 200, after);
    else
        json_decref(after);
done:
    json_decref(change);
    json_decref(old);
    return rc;
}

/* Appends s[0..n) HTML-escaped. */
static void append_escaped(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '&':
            rep = "&amp;";
            break;
        case '"':
            rep = "&quot;";
            break;
        }
        size_t m = rep ? strlen(rep) : 1;
        while (*len + m + 1 > *cap)
            *buf = realloc(*buf, *cap *= 2);
        memcpy(*buf + *len, rep ? rep : &s[i], m);
        *len += m;
        (*buf)[*len] = 0;
    }
}

/* Length in bytes of the separator at p (ASCII that is not a letter or digit, a no-break
 * space, guillemets, or a mark of Unicode's General Punctuation block), 0 at a letter. */
static size_t separator_at(const char *p)
{
    unsigned char c = (unsigned char)p[0];
    if (!c)
        return 0;
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 0 : 1;
    unsigned char d = (unsigned char)p[1];
    if (c == 0xC2 && (d == 0xA0 || d == 0xAB || d == 0xBB))
        return 2;
    if (c == 0xE2 && (d == 0x80 || d == 0x81) && p[2])
        return 3;
    return 0;
}

/* Is the word s[0..n) one of the folded query's words? Stored text is NFC, where a letter
 * takes at most 3 bytes and folds to one ASCII letter, so a word of n bytes can only fold to
 * a query word of n/3 to n letters, and an ASCII first letter must already agree: most words
 * are ruled out before the costly fold. */
static bool query_word(const char *s, size_t n, const char *folded_query)
{
    bool maybe = false;
    for (const char *t = folded_query; *t && !maybe;) {
        size_t tl = strcspn(t, " ");
        unsigned char c = (unsigned char)s[0];
        bool first_ok = c >= 0x80 || (char)((c >= 'A' && c <= 'Z') ? c + 32 : c) == t[0];
        maybe = tl <= n && n <= 3 * tl && first_ok;
        t += tl;
        while (*t == ' ')
            t++;
    }
    if (!maybe)
        return false;
    char *word = strndup(s, n), *f = text_fold(word);
    bool hit = false;
    for (const char *t = folded_query; f && *f && *t && !hit;) {
        size_t tl = strcspn(t, " ");
        hit = tl == strlen(f) && !strncmp(t, f, tl);
        t += tl;
        while (*t == ' ')
            t++;
    }
    free(word);
    free(f);
    return hit;
}

/* The text, HTML-escaped, with every word whose folded form is a query word wrapped in
 * <mark>, cut to a window of about 240 bytes around the first match. */
static char *highlight(const char *text, const char *folded_query)
{
    const char *first = NULL;
    for (const char *p = text; *p && !first;) {
        size_t sep;
        while ((sep = separator_at(p)) > 0)
            p += sep;
        const char *w = p;
        while (*p && !separator_at(p))
            p++;
        if (p > w && query_word(w, (size_t)(p - w), folded_query))
            first = w;
    }
    const char *p = text;
    size_t cap = 256, len = 0;
    char *out = malloc(cap);
    out[0] = 0;
    if (first && first - text > 80) {
        p = first - 60;
        while (p > text && ((unsigned char)*p & 0xC0) == 0x80)
            p--;
        while (*p && !separator_at(p))
            p++;
        append_escaped(&out, &len, &cap, "…", strlen("…"));
    }
    const char *end = p;
    for (size_t shown = 0; *end && shown < 240; shown++)
        end++;
    while (*end && ((unsigned char)*end & 0xC0) == 0x80)
        end++;
    while (p < end) {
        size_t sep = separator_at(p);
        if (sep) {
            append_escaped(&out, &len, &cap, p, sep);
            p += sep;
            continue;
        }
        const char *w = p;
        while (p < end && !separator_at(p))
            p++;
        bool hit = query_word(w, (size_t)(p - w), folded_query);
        /* Markers become tags only after escaping, so the text can never open a tag. */
        if (hit)
            append_escaped(&out, &len, &cap, "\x01", 1);
        append_escaped(&out, &len, &cap, w, (size_t)(p - w));
        if (hit)
            append_escaped(&out, &len, &cap, "\x02", 1);
    }
    if (*p)
        append_escaped(&out, &len, &cap, "…", strlen("…"));
    size_t cap2 = len * 2 + 64, n = 0;
    char *final = malloc(cap2);
    for (size_t i = 0; i < len; i++) {
        const char *tag = out[i] == 1 ? "<mark>" : out[i] == 2 ? "</mark>" : NULL;
        size_t m = tag ? strlen(tag) : 1;
        while (n + m + 1 > cap2)
            final = realloc(final, cap2 *= 2);
        memcpy(final + n, tag ? tag : &out[i], m);
        n += m;
    }
    final[n] = 0;
    free(out);
    return final;
}

int api_search(struct request *q, struct response *res, struct err *e)
{
    long long limit;
    static const char *const allowed[] = {"q", "limit", NULL};
    if (query_only(q, allowed, e) != 0 || query_int(q, "limit", 20, &limit, e) != 0)
        return -1;
    const char *text = q->query(q, "q");
    if (!text)
        return err_set(e, E_INVALID_FIELD, "q", "Cần từ khóa tìm kiếm (q). / q is required.");
    if (strlen(text) > 500)
        return err_set(e, E_INVALID_FIELD, "q",
                       "Từ khóa quá dài (tối đa 500 byte). / q is too "
                       "long.");
    char *folded = text_fold(text);
    if (!folded)
        return err_set(e, E_INVALID_FIELD, "q",
                       "q không phải UTF-8 hợp lệ. / q is not valid "
                       "UTF-8.");
    if (limit < 1)
        limit = 1;
    if (limit > 100)
        limit = 100;
    /* Hits out of the caller's reach are left out by the store as it ranks, before anything
     * about them is said, and older ones in reach take their places; one who reaches
     * everything is spared reading every hit's row again. */
    json_t *rows = access_is_everything(&q->access)
                       ? store_search(q->st, folded, (int)limit, e)
                       : store_search_kept(q->st, folded, (int)limit, hit_visible, q, e);
    if (!rows) {
        free(folded);
        return -1;
    }
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        char *snippet = highlight(obj_str(row, "text") ? obj_str(row, "text") : "", folded);
        json_object_set_new(row, "snippet", json_string(snippet));
        json_object_del(row, "text");
        free(snippet);
    }
    free(folded);
    respond_json(res, 200, json_pack("{s:o}", "items", rows));
    return 0;
}

/* May the caller (and, with ?org_id=, that subtree) read this audit entry's object? */
static bool audit_visible(struct request *q, const struct access *scope, json_t *entry)
{
    const struct resource *r = resource_by_name(obj_str(entry, "resource"));
    json_t *state = obj_has(entry, "after") ? json_object_get(entry, "after")
                                            : json_object_get(entry, "before");
    if (!r || !json_is_object(state))
        return access_is_everything(&q->access) && !scope;
    if (!access_can_read(q->st, &q->access, r, state))
        return false;
    return !scope || access_can_read(q->st, scope, r, state);
}

int api_audit(struct request *q, struct response *res, struct err *e)
{
    long long limit, after = 0, org = 0;
    static const char *const allowed[] = {"org_id", "since", "limit", "cursor", NULL};
    if (query_only(q, allowed, e) != 0 || query_int(q, "limit", 50, &limit, e) != 0 ||
        query_int(q, "cursor", 0, &after, e) != 0 ||
        query_ref(q, "org_id", &res_orgs, false, &org, e) != 0)
        return -1;
    if (limit < 1)
        limit = 1;
    if (limit > 500)
        limit = 500;
    /* ?org_id= narrows to the objects of that subtree, as an admin of it would see them. */
    struct access scope = {.n = 1};
    scope.grants[0].role = ROLE_ADMIN;
    char *path = org ? store_org_path(q->st, org) : NULL;
    snprintf(scope.grants[0].root_path, sizeof scope.grants[0].root_path, "%s", path ? path : "");
    free(path);
    /* Entries out of reach are skipped, so pages are read until limit visible entries and
     * one more are found. */
    json_t *items = json_array(), *next = json_null();
    long long last = after;
    for (bool more = true; more && !json_is_string(next);) {
        json_t *rows = store_audit_list(q->st, q->query(q, "since"), after, (int)limit + 1, e);
        if (!rows) {
            json_decref(items);
            return -1;
        }
        more = json_array_size(rows) == (size_t)limit + 1;
        size_t i;
        json_t *entry;
        json_array_foreach(rows, i, entry)
        {
            after = obj_int(entry, "id");
            if (!audit_visible(q, org ? &scope : NULL, entry))
                continue;
            if (json_array_size(items) == (size_t)limit) {
                char buf[32];
                snprintf(buf, sizeof buf, "%lld", last);
                next = json_string(buf);
                break;
            }
            json_array_append(items, entry);
            last = after;
        }
        json_decref(rows);
    }
    respond_json(res, 200, json_pack("{s:o,s:o}", "items", items, "next_cursor", next));
    return 0;
}
