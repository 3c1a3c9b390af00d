/* Unit tests of the lean search index (store/sqlite_search.c, migration 003_search.sql):
 * ranking (the org named by the query first, an exact name above many longer mentions),
 * folding, every write path keeping the index equal to the rows (write path, plain store
 * updates, cascades), a database made before 003 still found after it, store_reindex equal
 * to indexing row by row, and the migration's triggers agreeing with the resources' `search`
 * fields. tests/unit/store/search.c has the first tests of matching; these add to them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "../domain/fixture.h"
#include "store/sqlite_internal.h"
#include "util/embedded.h"
#include "util/text.h"

/* The hits for a query folded as the API folds it, as "type:id" joined by commas. */
static void hits_of(struct fx *f, const char *query, int limit, char *out, size_t size)
{
    char *folded = text_fold(query);
    assert_non_null(folded);
    struct err e = {0};
    json_t *rows = store_search(f->st, folded, limit, &e);
    free(folded);
    if (!rows)
        fail_msg("store_search \"%s\": %s", query, e.message);
    out[0] = 0;
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
        snprintf(out + strlen(out), size - strlen(out), "%s%s:%lld", i ? "," : "",
                 obj_str(row, "type"), obj_int(row, "id"));
    json_decref(rows);
}

/* Is "type:id" among the hits (a comma-separated list)? */
static bool has_hit(const char *hits, const char *type, long long id)
{
    char want[64];
    snprintf(want, sizeof want, "%s:%lld", type, id);
    size_t n = strlen(want);
    for (const char *p = hits; (p = strstr(p, want)); p += n)
        if ((p == hits || p[-1] == ',') && (p[n] == ',' || p[n] == 0))
            return true;
    return false;
}

static void assert_first(const char *hits, const char *type, long long id)
{
    char want[64];
    snprintf(want, sizeof want, "%s:%lld", type, id);
    if (strncmp(hits, want, strlen(want)) != 0 ||
        (hits[strlen(want)] != ',' && hits[strlen(want)] != 0))
        fail_msg("expected %s first, got [%s]", want, hits);
}

static void assert_has(const char *query, const char *hits, const char *type, long long id,
                       bool expected)
{
    if (has_hit(hits, type, id) != expected)
        fail_msg("\"%s\" %s %s:%lld: [%s]", query, expected ? "misses" : "must not find", type, id,
                 hits);
}

/* Runs SQL on the store's own connection (inside its transaction, if one is open). */
static void own_exec(struct fx *f, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(sq_db(f->st), sql, NULL, NULL, &msg) != SQLITE_OK) {
        char copy[512];
        snprintf(copy, sizeof copy, "%s", msg ? msg : "?");
        sqlite3_free(msg);
        fail_msg("%s: %s", sql, copy);
    }
}

struct mong_cai {
    long long district, office, board, cell, person, task, doc, item, cai, mong;
};

/* A district named Móng Cái, then (created after it, as a real tree is) its bodies and a
 * cell named after it, and other things mentioning it; two near misses. */
static void make_mong_cai(struct fx *f, struct mong_cai *m)
{
    fx_begin(f);
    m->district = fx_create(f, &res_orgs,
                            "{\"name\": \"Đảng bộ thành phố Móng Cái\", \"kind\": \"district\", "
                            "\"short_name\": \"Thành ủy Móng Cái\"}");
    m->office = fx_create(f, &res_orgs,
                          "{\"name\": \"Văn phòng Thành ủy Móng Cái\", \"kind\": \"body\", "
                          "\"parent_id\": %lld}",
                          m->district);
    m->board = fx_create(f, &res_orgs,
                         "{\"name\": \"Ban Tổ chức Thành ủy Móng Cái\", \"kind\": \"body\", "
                         "\"parent_id\": %lld}",
                         m->district);
    m->cell = fx_create(f, &res_orgs,
                        "{\"name\": \"Chi bộ Công an thành phố Móng Cái\", \"kind\": \"cell\", "
                        "\"parent_id\": %lld}",
                        m->district);
    m->person = fx_create(f, &res_people,
                          "{\"full_name\": \"Hoàng Văn Thắng\", \"org_id\": %lld, \"title\": "
                          "\"Bí thư Thành ủy Móng Cái\"}",
                          m->district);
    long long p = fx_create(f, &res_programs,
                            "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": "
                            "\"Chương trình công tác\"}",
                            m->district);
    m->task = fx_create(f, &res_tasks,
                        "{\"program_id\": %lld, \"title\": \"Nâng cấp hạ tầng cửa khẩu quốc tế "
                        "Móng Cái\", \"lead_org_id\": %lld}",
                        p, m->district);
    m->doc = fx_create(f, &res_documents,
                       "{\"org_id\": %lld, \"type\": \"KH\", \"title\": \"Kế hoạch phát triển "
                       "kinh tế biên mậu Móng Cái\"}",
                       m->district);
    long long t =
        fx_create(f, &res_terms, "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025}",
                  m->district);
    long long r = fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"NQ\"}", t);
    m->item = fx_create(f, &res_items,
                        "{\"resolution_id\": %lld, \"kind\": \"goal\", \"text\": \"Xây dựng "
                        "thành phố Móng Cái thành trung tâm kinh tế cửa khẩu\"}",
                        r);
    m->cai = fx_create(f, &res_people, "{\"full_name\": \"Trần Thị Cái\", \"org_id\": %lld}",
                       m->district);
    m->mong =
        fx_create(f, &res_orgs, "{\"name\": \"Đảng bộ xã Hải Mông\", \"kind\": \"grassroots\"}");
    fx_commit(f);
}

static void test_mong_cai_finds_the_org_first(void **state)
{
    struct fx *f = *state;
    struct mong_cai m;
    make_mong_cai(f, &m);
    const char *queries[] = {"mong cai", "Mong Cai", "MÓNG CÁI", "Mo\xcc\x81ng Ca\xcc\x81i",
                             "  móng   cái "};
    char first[1024] = "";
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        char hits[1024];
        hits_of(f, queries[i], 20, hits, sizeof hits);
        assert_first(hits, "org", m.district);
        const struct {
            const char *type;
            long long id;
        } want[] = {{"org", m.office}, {"org", m.board},    {"org", m.cell}, {"person", m.person},
                    {"task", m.task},  {"document", m.doc}, {"item", m.item}};
        for (size_t k = 0; k < sizeof want / sizeof *want; k++)
            assert_has(queries[i], hits, want[k].type, want[k].id, true);
        assert_has(queries[i], hits, "person", m.cai, false);
        assert_has(queries[i], hits, "org", m.mong, false);
        /* Whatever the case and diacritics, the same hits in the same order. */
        if (i == 0)
            snprintf(first, sizeof first, "%s", hits);
        else
            assert_string_equal(hits, first);
    }
    /* Labels holding the words come before the person whose title holds them. */
    char hits[1024];
    hits_of(f, "mong cai", 20, hits, sizeof hits);
    char person[64];
    snprintf(person, sizeof person, "person:%lld", m.person);
    char *at = strstr(hits, person);
    assert_non_null(at);
    assert_true(strstr(hits, "org:") < at && strstr(hits, "task:") < at);
}

static void test_folding_and_d(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o =
        fx_create(f, &res_orgs, "{\"name\": \"Đảng bộ xã Đầm Hà\", \"kind\": \"district\"}");
    long long p = fx_create(f, &res_people,
                            "{\"full_name\": \"Đỗ Đức Độ\", \"org_id\": %lld, \"title\": \"Đảng "
                            "viên\"}",
                            o);
    fx_commit(f);
    char hits[512];
    const char *queries[] = {"dang bo", "Đảng BỘ", "ĐẢNG bộ", "dang bo xa dam ha"};
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        hits_of(f, queries[i], 20, hits, sizeof hits);
        assert_first(hits, "org", o);
    }
    hits_of(f, "do duc do", 20, hits, sizeof hits);
    assert_first(hits, "person", p);
    hits_of(f, "dang vien", 20, hits, sizeof hits);
    assert_first(hits, "person", p);
    /* đ is not d's neighbour: "dd" or a missing word finds nothing. */
    hits_of(f, "ddang", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
    hits_of(f, "dang bo tien yen", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
}

/* Label and text come from the row; the text is every searched field. */
static void test_hits_carry_label_and_text(void **state)
{
    struct fx *f = *state;
    struct mong_cai m;
    make_mong_cai(f, &m);
    struct err e = {0};
    json_t *rows = store_search(f->st, "thanh uy mong cai", 5, &e);
    assert_non_null(rows);
    json_t *h = json_array_get(rows, 0);
    assert_non_null(h);
    assert_string_equal(obj_str(h, "type"), "org");
    assert_int_equal(obj_int(h, "id"), m.office);
    assert_string_equal(obj_str(h, "label"), "Văn phòng Thành ủy Móng Cái");
    json_decref(rows);
    rows = store_search(f->st, "bi thu", 5, &e);
    h = json_array_get(rows, 0);
    assert_non_null(h);
    assert_string_equal(obj_str(h, "label"), "Hoàng Văn Thắng");
    assert_string_equal(obj_str(h, "text"), "Hoàng Văn Thắng · Bí thư Thành ủy Móng Cái");
    json_decref(rows);
}

/* Changed text is found under its new words only, whether it changes through the write path
 * or through a plain store update that never calls store_index. */
static void test_updates_replace_the_words(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o =
        fx_create(f, &res_orgs, "{\"name\": \"Huyện ủy Tiên Yên\", \"kind\": \"district\"}");
    long long p = fx_create(f, &res_people,
                            "{\"full_name\": \"Lê Văn Nam\", \"org_id\": %lld, \"title\": \"Chánh "
                            "Văn phòng\"}",
                            o);
    json_decref(fx_update(f, &res_orgs, o, "{\"name\": \"Huyện ủy Bình Liêu\"}"));
    json_decref(fx_update(f, &res_people, p, "{\"title\": \"Trưởng Ban Dân vận\"}"));
    fx_commit(f);
    char hits[512];
    hits_of(f, "tien yen", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
    hits_of(f, "binh lieu", 20, hits, sizeof hits);
    assert_has("binh lieu", hits, "org", o, true);
    hits_of(f, "chanh van phong", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
    hits_of(f, "dan van", 20, hits, sizeof hits);
    assert_has("dan van", hits, "person", p, true);

    fx_begin(f);
    struct err e = {0};
    json_t *change = json_pack("{s:s}", "name", "Huyện ủy Hải Hà");
    assert_int_equal(store_update(f->st, &res_orgs, o, change, &e), 0);
    json_decref(change);
    /* Updates that leave the searched fields alone leave the index alone. */
    change = json_pack("{s:s}", "code", "HH");
    assert_int_equal(store_update(f->st, &res_orgs, o, change, &e), 0);
    json_decref(change);
    fx_commit(f);
    hits_of(f, "binh lieu", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
    hits_of(f, "hai ha", 20, hits, sizeof hits);
    assert_has("hai ha", hits, "org", o, true);
    hits_of(f, "hh", 20, hits, sizeof hits);
    assert_has("hh", hits, "org", o, true);

    /* Indexing the same state again (every update through the write path does) writes
     * nothing at all: one hit, and not a row changed. */
    fx_begin(f);
    json_t *row = store_get(f->st, &res_orgs, o, &e);
    int changes = sqlite3_total_changes(sq_db(f->st));
    assert_int_equal(store_index(f->st, &res_orgs, o, row, &e), 0);
    assert_int_equal(store_index(f->st, &res_orgs, o, row, &e), 0);
    assert_int_equal(sqlite3_total_changes(sq_db(f->st)), changes);
    json_decref(row);
    fx_commit(f);
    char want[64];
    snprintf(want, sizeof want, "org:%lld", o);
    hits_of(f, "hai ha", 20, hits, sizeof hits);
    assert_string_equal(hits, want);
}

static void test_deleted_rows_are_not_found(void **state)
{
    struct fx *f = *state;
    struct mong_cai m;
    make_mong_cai(f, &m);
    fx_begin(f);
    struct err e = {0};
    assert_int_equal(resource_delete(f->st, &res_people, m.person, &f->actor, &e), 0);
    assert_int_equal(resource_delete(f->st, &res_orgs, m.cell, &f->actor, &e), 0);
    /* Straight through the store too, as a rule deleting another row would. */
    assert_int_equal(store_delete(f->st, &res_documents, m.doc, &e), 0);
    fx_commit(f);
    char hits[1024];
    hits_of(f, "mong cai", 20, hits, sizeof hits);
    assert_has("mong cai", hits, "person", m.person, false);
    assert_has("mong cai", hits, "org", m.cell, false);
    assert_has("mong cai", hits, "document", m.doc, false);
    assert_has("mong cai", hits, "task", m.task, true);
    hits_of(f, "bi thu", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
}

/* The index never answers with an entry its row does not bear out, should one be stale (a
 * row changed by a tool without the triggers, say). */
static void test_stale_entries_are_not_shown(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o =
        fx_create(f, &res_orgs, "{\"name\": \"Huyện ủy Vân Đồn\", \"kind\": \"district\"}");
    fx_commit(f);
    char sql[512];
    /* An entry for a row that does not exist, and one for o with words it does not have. */
    snprintf(sql, sizeof sql,
             "INSERT INTO search_orgs (rowid, words) VALUES (-%lld, 'van don'), (-%lld, 'co to')",
             o + 1000, o);
    own_exec(f, sql);
    char hits[512], want[64];
    snprintf(want, sizeof want, "org:%lld", o);
    hits_of(f, "van don", 20, hits, sizeof hits);
    assert_string_equal(hits, want);
    hits_of(f, "co to", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
}

/* An exact name comes first even among hundreds of newer rows naming it in longer labels:
 * every resource brings its own candidates, and closeness decides. */
static void test_exact_name_beats_many_mentions(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o = fx_create(f, &res_orgs, "{\"name\": \"Chi bộ thôn 1\", \"kind\": \"cell\"}");
    long long p =
        fx_create(f, &res_people, "{\"full_name\": \"Nguyễn Văn Hùng\", \"org_id\": %lld}", o);
    for (int i = 0; i < 300; i++) {
        fx_create(f, &res_programs,
                  "{\"org_id\": %lld, \"kind\": \"personal_plan\", \"title\": \"Kế hoạch cá nhân "
                  "thực hiện Nghị quyết Đại hội Chi bộ thôn 1 lần thứ %d của đồng chí Nguyễn Văn "
                  "Hùng\", \"person_id\": %lld}",
                  o, i, p);
    }
    fx_commit(f);
    char hits[4096];
    hits_of(f, "nguyen van hung", 20, hits, sizeof hits);
    assert_first(hits, "person", p);
    hits_of(f, "Nguyễn Văn Hùng", 20, hits, sizeof hits);
    assert_first(hits, "person", p);
    hits_of(f, "chi bo thon 1", 20, hits, sizeof hits);
    assert_first(hits, "org", o);
}

/* Every searched field of every searchable resource: a resource's code, its migration's
 * triggers naming exactly its `search` fields in order, and nothing for the others. */
static void test_triggers_agree_with_the_resources(void **state)
{
    struct fx *f = *state;
    for (int k = 0; resources[k]; k++) {
        const struct resource *r = resources[k];
        char name[128], sql[1024];
        snprintf(sql, sizeof sql,
                 "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = :name");
        for (int which = 0; which < 2; which++) {
            snprintf(name, sizeof name, "search_%s_%s", r->name, which ? "delete" : "update");
            sqlite3_stmt *s;
            assert_int_equal(sqlite3_prepare_v2(sq_db(f->st), sql, -1, &s, NULL), SQLITE_OK);
            sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
            const char *text =
                sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
            if (!r->search) {
                if (text)
                    fail_msg("%s is not searchable but has trigger %s", r->name, name);
                sqlite3_finalize(s);
                continue;
            }
            if (!text)
                fail_msg("searchable %s has no trigger %s (add it in a migration)", r->name, name);
            char fold_old[512] = "search_fold(old.id, ", of[512] = "AFTER UPDATE OF ";
            for (const char *const *fl = r->search; *fl; fl++) {
                snprintf(fold_old + strlen(fold_old), sizeof fold_old - strlen(fold_old),
                         "%sold.%s", fl == r->search ? "" : ", ", *fl);
                snprintf(of + strlen(of), sizeof of - strlen(of), "%s%s",
                         fl == r->search ? "" : ", ", *fl);
            }
            strcat(fold_old, ")");
            snprintf(of + strlen(of), sizeof of - strlen(of), " ON %s", r->name);
            char table[128];
            snprintf(table, sizeof table, "INSERT INTO search_%s (search_%s, rowid, words)",
                     r->name, r->name);
            if (!strstr(text, fold_old) || !strstr(text, table) || !strstr(text, "-old.id") ||
                (!which && !strstr(text, of)))
                fail_msg("trigger %s does not remove %s's words as %s: %s", name, r->name, fold_old,
                         text);
            sqlite3_finalize(s);
        }
        assert_true((sq_search__code(r) > 0) == (r->search != NULL));
        if (r->search) {
            snprintf(sql, sizeof sql, "SELECT v FROM search_%s_config WHERE k = 'crisismerge'",
                     r->name);
            if (fx_sql_int(f, sql) != 64)
                fail_msg("search_%s merges its lowest level in one go (set crisismerge to 64 in a "
                         "migration, as 007 does)",
                         r->name);
        }
    }
}

/* The index as a set of (table, word, rowid) triples, one line per table and word in order.
 * Malloc'd. */
static char *index_dump(struct fx *f)
{
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    out[0] = 0;
    for (int k = 0; resources[k]; k++) {
        if (!resources[k]->search)
            continue;
        const char *name = resources[k]->name;
        char sql[256];
        snprintf(sql, sizeof sql,
                 "DROP TABLE IF EXISTS temp.search_vocab; CREATE VIRTUAL TABLE temp.search_vocab "
                 "USING fts5vocab(main, search_%s, row)",
                 name);
        own_exec(f, sql);
        sqlite3_stmt *terms, *rows;
        assert_int_equal(sqlite3_prepare_v2(sq_db(f->st),
                                            "SELECT term FROM temp.search_vocab ORDER BY term", -1,
                                            &terms, NULL),
                         SQLITE_OK);
        snprintf(sql, sizeof sql,
                 "SELECT rowid FROM search_%s WHERE search_%s MATCH ? ORDER BY rowid", name, name);
        assert_int_equal(sqlite3_prepare_v2(sq_db(f->st), sql, -1, &rows, NULL), SQLITE_OK);
        while (sqlite3_step(terms) == SQLITE_ROW) {
            const char *term = (const char *)sqlite3_column_text(terms, 0);
            char quoted[256], line[8192];
            snprintf(quoted, sizeof quoted, "\"%s\"", term);
            snprintf(line, sizeof line, "%s %s:", name, term);
            sqlite3_bind_text(rows, 1, quoted, -1, SQLITE_TRANSIENT);
            bool any = false;
            while (sqlite3_step(rows) == SQLITE_ROW) {
                any = true;
                snprintf(line + strlen(line), sizeof line - strlen(line), " %lld",
                         (long long)sqlite3_column_int64(rows, 0));
            }
            sqlite3_reset(rows);
            if (!any) /* only deletion markers left, until FTS5 merges them away */
                continue;
            while (len + strlen(line) + 2 > cap)
                out = realloc(out, cap *= 2);
            len += (size_t)snprintf(out + len, cap - len, "%s\n", line);
        }
        sqlite3_finalize(terms);
        sqlite3_finalize(rows);
    }
    own_exec(f, "DROP TABLE IF EXISTS temp.search_vocab");
    return out;
}

/* store_reindex, in a transaction of its own, leaves the index exactly as it was, and that
 * index holds `line` (a table and a word, "orgs doi:"; NULL: nothing asked). */
static void assert_reindex_keeps_index(struct fx *f, const char *line)
{
    char *before = index_dump(f);
    struct err e = {0};
    fx_begin(f);
    assert_int_equal(store_reindex(f->st, &e), 0);
    fx_commit(f);
    char *after = index_dump(f);
    if (line)
        assert_non_null(strstr(after, line));
    assert_string_equal(before, after);
    free(before);
    free(after);
}

/* One row of every searchable resource (two of each, the second one to delete), made
 * through the write path; ids[k] and doomed[k] are those of the k-th resource. */
static void make_one_of_each(struct fx *f, long long *ids, long long *doomed)
{
    long long o =
        fx_create(f, &res_orgs, "{\"name\": \"Tỉnh ủy Quảng Ninh\", \"kind\": \"province\"}");
    long long t = fx_create(f, &res_terms,
                            "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025}", o);
    long long r =
        fx_create(f, &res_resolutions, "{\"term_id\": %lld, \"title\": \"Nghị quyết\"}", t);
    long long p = fx_create(f, &res_programs,
                            "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": \"Chương "
                            "trình\"}",
                            o);
    for (int twice = 0; twice < 2; twice++) {
        long long *out = twice ? doomed : ids;
        int k = 0;
        out[k++] = fx_create(f, &res_orgs, "{\"name\": \"Chi bộ %d\", \"kind\": \"cell\"}", twice);
        out[k++] = fx_create(f, &res_resolutions,
                             "{\"term_id\": %lld, \"title\": \"Nghị quyết %d\", \"symbol\": "
                             "\"0%d-NQ/TU\"}",
                             t, twice, twice);
        out[k++] = fx_create(f, &res_programs,
                             "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": "
                             "\"Chương trình hành động %d\"}",
                             o, twice);
        out[k++] =
            fx_create(f, &res_documents,
                      "{\"org_id\": %lld, \"type\": \"KH\", \"title\": \"Kế hoạch %d\"}", o, twice);
        out[k++] = fx_create(f, &res_people,
                             "{\"full_name\": \"Phạm Thị Lan %d\", \"org_id\": %lld, \"title\": "
                             "\"Phó Bí thư\"}",
                             twice, o);
        out[k++] = fx_create(f, &res_items,
                             "{\"resolution_id\": %lld, \"kind\": \"goal\", \"text\": \"Phát "
                             "triển du lịch %d\", \"code\": \"I.%d\"}",
                             r, twice, twice);
        out[k++] = fx_create(f, &res_tasks,
                             "{\"program_id\": %lld, \"title\": \"Nhiệm vụ %d\", \"lead_org_id\": "
                             "%lld, \"output\": \"Báo cáo\"}",
                             p, twice, o);
        out[k++] = fx_create(f, &res_meetings,
                             "{\"org_id\": %lld, \"body\": \"bch\", \"planned_period\": \"2021\", "
                             "\"topic\": \"Hội nghị %d\"}",
                             o, twice);
        out[k++] = fx_create(f, &res_inspections,
                             "{\"org_id\": %lld, \"target_org_ids\": [%lld], \"topic\": \"Kiểm "
                             "tra %d\", \"kind\": \"inspection\", \"planned_period\": \"2021\"}",
                             o, o, twice);
        out[k++] = fx_create(f, &res_disseminations,
                             "{\"org_id\": %lld, \"resolution_id\": %lld, \"held_on\": "
                             "\"2021-03-01\", \"title\": \"Quán triệt %d\"}",
                             o, r, twice);
    }
}

static const struct resource *const EACH[] = {
    &res_orgs,  &res_resolutions, &res_programs, &res_documents,   &res_people,
    &res_items, &res_tasks,       &res_meetings, &res_inspections, &res_disseminations,
};
enum { NEACH = sizeof EACH / sizeof EACH[0] };

/* Every searched field of every searchable resource changed, then a row of each deleted
 * (through the write path, straight through the store, and with its parent): the index
 * kept row by row is exactly the one store_reindex builds from the rows. */
static void test_reindex_equals_row_by_row(void **state)
{
    struct fx *f = *state;
    long long ids[NEACH], doomed[NEACH];
    fx_begin(f);
    make_one_of_each(f, ids, doomed);
    struct err e = {0};
    for (int k = 0; k < NEACH; k++) {
        json_t *change = json_object();
        for (const char *const *fl = EACH[k]->search; *fl; fl++)
            json_object_set_new(change, *fl, json_sprintf("Đổi %s lần %d", *fl, k));
        json_t *out = resource_update(f->st, EACH[k], ids[k], change, &f->actor, &e);
        if (!out)
            fail_msg("update %s: %s (%s)", EACH[k]->name, e.message, e.field);
        json_decref(out);
        json_decref(change);
        int rc = k % 2 ? store_delete(f->st, EACH[k], doomed[k], &e)
                       : resource_delete(f->st, EACH[k], doomed[k], &f->actor, &e);
        if (rc != 0)
            fail_msg("delete %s: %s", EACH[k]->name, e.message);
    }
    struct mong_cai m;
    fx_commit(f);
    make_mong_cai(f, &m);
    fx_begin(f);
    /* A program goes with its tasks, a resolution with its items. */
    long long p = fx_create(f, &res_programs,
                            "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": \"Chương "
                            "trình kiểm tra\"}",
                            m.district);
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"Kiểm tra chi bộ\", \"lead_org_id\": %lld}", p,
              m.district);
    assert_int_equal(resource_delete(f->st, &res_programs, p, &f->actor, &e), 0);
    fx_commit(f);
    assert_reindex_keeps_index(f, "doi:");
    /* And what the index holds is what search finds. */
    char hits[1024];
    hits_of(f, "doi title lan 6", 20, hits, sizeof hits);
    assert_has("doi title lan 6", hits, "task", ids[6], true);
    hits_of(f, "nhiem vu 1", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
}

/* More rows than three of store_reindex's batches (4,096 rows each: a second thread folds
 * one while the next is read), some of them with no word at all: the rebuilt index is the
 * one store_index made row by row, word for word and row for row. */
static void test_reindex_in_batches_equals_row_by_row(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct err e = {0};
    for (int i = 0; i < 4096 * 3 + 17; i++) {
        char name[96];
        if (i % 1000 == 7)
            snprintf(name, sizeof name, "— … —");
        else
            snprintf(name, sizeof name, "Chi bộ thôn Đồng %d", i);
        json_t *o = json_pack("{s:s,s:s,s:s}", "name", name, "kind", "cell", "path", "");
        long long id;
        assert_int_equal(store_insert(f->st, &res_orgs, o, &id, &e), 0);
        assert_int_equal(store_index(f->st, &res_orgs, id, o, &e), 0);
        json_decref(o);
    }
    fx_commit(f);
    assert_reindex_keeps_index(f, "orgs 12304:");
}

/* Rows written by a bulk load, which does not index them one by one, are found once
 * store_reindex has run, and exactly as the write path would have indexed them. */
static void test_bulk_rows_found_after_reindex(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    struct err e = {0};
    long long ids[3];
    const char *names[] = {"Đảng bộ huyện Cô Tô", "Chi bộ xã Thanh Lân", "Chi bộ xã Đồng Tiến"};
    for (int i = 0; i < 3; i++) {
        json_t *o = json_pack("{s:s,s:s,s:s}", "name", names[i], "kind", "cell", "path", "");
        assert_int_equal(store_insert(f->st, &res_orgs, o, &ids[i], &e), 0);
        json_decref(o);
    }
    fx_commit(f);
    char hits[512];
    hits_of(f, "co to", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
    fx_begin(f);
    assert_int_equal(store_reindex(f->st, &e), 0);
    fx_commit(f);
    hits_of(f, "co to", 20, hits, sizeof hits);
    char want[64];
    snprintf(want, sizeof want, "org:%lld", ids[0]);
    assert_string_equal(hits, want);
    hits_of(f, "chi bo xa", 20, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld,org:%lld", ids[1], ids[2]);
    assert_string_equal(hits, want);
    /* Indexed again by the write path (what an update does): still one entry each. */
    char *reindexed = index_dump(f);
    fx_begin(f);
    int changes = sqlite3_total_changes(sq_db(f->st));
    for (int i = 0; i < 3; i++) {
        json_t *row = store_get(f->st, &res_orgs, ids[i], &e);
        assert_int_equal(store_index(f->st, &res_orgs, ids[i], row, &e), 0);
        json_decref(row);
    }
    assert_int_equal(sqlite3_total_changes(sq_db(f->st)), changes);
    fx_commit(f);
    char *again = index_dump(f);
    assert_string_equal(reindexed, again);
    free(reindexed);
    free(again);
}

/* Writes `n` orgs and as many people in a bulk load of their own, each org's id given out
 * of order in runs (as an import may give them), one in a thousand with no word, and ends it;
 * with `change` (stored shape, JSON), org 11 is written with it through the store before the
 * end. Returns what store_bulk_end reported. */
static struct store_bulk_times bulk_load_orgs(struct fx *f, int n, const char *change)
{
    struct err e = {0};
    fx_begin(f);
    assert_int_equal(store_bulk_begin(f->st, &e), 0);
    for (int i = 0; i < n; i++) {
        char name[96], person[96];
        long long id = (i / 1000) * 1000 + 1000 - i % 1000; /* 1000..1, 2000..1001, … */
        if (i % 1000 == 7)
            snprintf(name, sizeof name, "— … —");
        else
            snprintf(name, sizeof name, "Chi bộ thôn Đồng %lld", id);
        snprintf(person, sizeof person, "Nguyễn Văn Đức %d", i);
        char short_name[32];
        snprintf(short_name, sizeof short_name, "Bí danh %lld", id);
        json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:s}", "id", (json_int_t)id, "name", name,
                              "short_name", short_name, "kind", "cell", "path", "");
        json_t *p = json_pack("{s:s,s:I,s:s}", "full_name", person, "org_id", (json_int_t)id,
                              "title", i % 2 ? "Bí thư chi bộ" : "Đảng viên");
        long long got, pid;
        assert_int_equal(store_insert(f->st, &res_orgs, o, &got, &e), 0);
        assert_int_equal(got, id);
        assert_int_equal(store_insert(f->st, &res_people, p, &pid, &e), 0);
        json_decref(o);
        json_decref(p);
    }
    if (change) {
        json_t *fields = json_loads(change, 0, NULL);
        assert_non_null(fields);
        assert_int_equal(store_update(f->st, &res_orgs, 11, fields, &e), 0);
        json_decref(fields);
    }
    if (store_bulk_end(f->st, &e) != 0)
        fail_msg("store_bulk_end: %s", e.message);
    fx_commit(f);
    return store_bulk_times(f->st);
}

/* Is the side index's file of the database (FILE-search) gone? */
static bool no_side_file(struct fx *f)
{
    char side[96];
    snprintf(side, sizeof side, "%s-search", f->path);
    return access(side, F_OK) != 0;
}

/* A bulk load into empty tables that only adds rows gets the index built beside it while its
 * rows are written, more rows than three of the side's batches and its ids out of order: that
 * index is the one store_reindex builds from the same rows, term for term and row for row,
 * FTS5 finds it whole, search answers from it, and later writes keep it. */
static void test_bulk_index_built_beside_equals_reindex(void **state)
{
    struct fx *f = *state;
    struct store_bulk_times t = bulk_load_orgs(f, 4096 * 3 + 17, NULL);
    assert_true(t.search_built_beside);
    assert_true(no_side_file(f));
    own_exec(f, "INSERT INTO search_orgs (search_orgs) VALUES ('integrity-check')");
    own_exec(f, "INSERT INTO search_people (search_people) VALUES ('integrity-check')");
    char hits[256];
    hits_of(f, "chi bo thon dong 1999", 5, hits, sizeof hits);
    assert_string_equal(hits, "org:1999");
    /* Written after it, in one transaction with a search: both the copied rows and the new. */
    fx_begin(f);
    long long o =
        fx_create(f, &res_orgs, "{\"name\": \"Chi bộ thôn Đồng 1999 mới\", \"kind\": \"cell\"}");
    hits_of(f, "chi bo thon dong 1999", 5, hits, sizeof hits);
    char want[64];
    snprintf(want, sizeof want, "org:1999,org:%lld", o);
    assert_string_equal(hits, want);
    fx_commit(f);
    own_exec(f, "INSERT INTO search_orgs (search_orgs) VALUES ('integrity-check')");
    assert_reindex_keeps_index(f, "orgs 1999:");
    char *dump = index_dump(f);
    assert_non_null(strstr(dump, "people bi_:"));
    free(dump);
}

/* A row changed in a searched field during the load is something the side index cannot
 * follow: the load ends with the index rebuilt from the rows, which has the new name only;
 * and so does a searched field set to null. */
static void test_bulk_change_rebuilds_the_index(void **state)
{
    struct fx *f = *state;
    struct store_bulk_times t = bulk_load_orgs(f, 5000, "{\"name\": \"Chi bộ Trà Cổ\"}");
    assert_false(t.search_built_beside);
    assert_true(no_side_file(f));
    char hits[256];
    hits_of(f, "tra co", 5, hits, sizeof hits);
    assert_string_equal(hits, "org:11");
    hits_of(f, "chi bo thon dong 11", 5, hits, sizeof hits);
    assert_false(has_hit(hits, "org", 11));
    assert_reindex_keeps_index(f, "orgs tra:");
}

static void test_bulk_field_cleared_rebuilds_the_index(void **state)
{
    struct fx *f = *state;
    struct store_bulk_times t = bulk_load_orgs(f, 5000, "{\"short_name\": null}");
    assert_false(t.search_built_beside);
    char hits[256];
    hits_of(f, "bi danh 11", 5, hits, sizeof hits);
    assert_false(has_hit(hits, "org", 11));
    hits_of(f, "bi danh 12", 5, hits, sizeof hits);
    assert_true(has_hit(hits, "org", 12));
    assert_reindex_keeps_index(f, "orgs danh_:");
}

/* A load rolled back leaves no side file, and a load into tables that hold rows already (the
 * index has them) rebuilds the index from all the rows. */
static void test_bulk_rollback_and_second_load(void **state)
{
    struct fx *f = *state;
    struct err e = {0};
    fx_begin(f);
    assert_int_equal(store_bulk_begin(f->st, &e), 0);
    for (int i = 0; i < 5000; i++) {
        json_t *o = json_pack("{s:s,s:s,s:s}", "name", "Chi bộ Hà Lầm", "kind", "cell", "path", "");
        long long id;
        assert_int_equal(store_insert(f->st, &res_orgs, o, &id, &e), 0);
        json_decref(o);
    }
    assert_false(no_side_file(f));
    store_rollback(f->st);
    assert_true(no_side_file(f));
    fx_begin(f);
    long long first =
        fx_create(f, &res_orgs, "{\"name\": \"Đảng bộ phường Hà Lầm\", \"kind\": \"grassroots\"}");
    fx_commit(f);
    struct store_bulk_times t = bulk_load_orgs(f, 3, NULL);
    assert_false(t.search_built_beside);
    char hits[256], want[64];
    hits_of(f, "ha lam", 5, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld", first);
    assert_string_equal(hits, want);
    hits_of(f, "dong 1000", 5, hits, sizeof hits);
    assert_string_equal(hits, "org:1000");
    assert_reindex_keeps_index(f, "orgs lam:");
}

/* Rows that are not in the index, one with no words and those of a bulk load not indexed
 * yet, can still change and go: FTS5 would take removing them for a corrupt index. */
static void test_rows_not_in_the_index_change_and_go(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long o = fx_create(f, &res_orgs, "{\"name\": \"Chi bộ 3\", \"kind\": \"cell\"}");
    long long m = fx_create(
        f, &res_meetings, "{\"org_id\": %lld, \"body\": \"bch\", \"planned_period\": \"2021\"}", o);
    json_decref(fx_update(f, &res_meetings, m, "{\"planned_period\": \"2022\"}"));
    struct err e = {0};
    assert_int_equal(resource_delete(f->st, &res_meetings, m, &f->actor, &e), 0);
    long long m2 = fx_create(f, &res_meetings,
                             "{\"org_id\": %lld, \"body\": \"bch\", \"planned_period\": "
                             "\"2021\"}",
                             o);
    json_decref(fx_update(f, &res_meetings, m2, "{\"topic\": \"Hội nghị sơ kết\"}"));
    fx_commit(f);
    char hits[256], want[64];
    snprintf(want, sizeof want, "meeting:%lld", m2);
    hits_of(f, "so ket", 20, hits, sizeof hits);
    assert_string_equal(hits, want);

    /* As a bulk load writes: rows, no index, changed and deleted before store_reindex. */
    fx_begin(f);
    long long ids[3];
    for (int i = 0; i < 3; i++) {
        json_t *row = json_pack("{s:s,s:I,s:s,s:s}", "body", "btv", "org_id", (json_int_t)o,
                                "planned_period", "2023", "topic", "Hội nghị chuyên đề");
        assert_int_equal(store_insert(f->st, &res_meetings, row, &ids[i], &e), 0);
        json_decref(row);
    }
    json_t *change = json_pack("{s:s}", "topic", "Hội nghị tổng kết");
    assert_int_equal(store_update(f->st, &res_meetings, ids[0], change, &e), 0);
    json_decref(change);
    assert_int_equal(store_delete(f->st, &res_meetings, ids[1], &e), 0);
    assert_int_equal(store_delete(f->st, &res_meetings, m2, &e), 0);
    assert_int_equal(store_delete(f->st, &res_meetings, ids[2], &e), 0);
    fx_commit(f);
    hits_of(f, "so ket", 20, hits, sizeof hits);
    assert_string_equal(hits, "");
    assert_reindex_keeps_index(f, NULL);
    snprintf(want, sizeof want, "meeting:%lld", ids[0]);
    hits_of(f, "tong ket", 20, hits, sizeof hits);
    assert_string_equal(hits, want);
}

/* Ids far apart, in windows of their own (2^22 ids each): the newest two windows are
 * asked first, the older ones when those give fewer hits than asked. */
static void test_windows_newest_first_then_older(void **state)
{
    struct fx *f = *state;
    const long long ids[] = {1, (3LL << 22) + 5, (5LL << 22) + 7, (6LL << 22) + 1};
    const char *names[] = {"Chi bộ thôn Đồng Cậy", "Chi bộ thôn Đồng Cậy", "Chi bộ thôn Đồng Cậy",
                           "Chi bộ thôn Khe Lạc"};
    fx_begin(f);
    struct err e = {0};
    for (int i = 0; i < 4; i++) {
        json_t *o = json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)ids[i], "name", names[i],
                              "kind", "cell", "path", "");
        long long id;
        assert_int_equal(store_insert(f->st, &res_orgs, o, &id, &e), 0);
        assert_int_equal(id, ids[i]);
        /* Half indexed as the write path does, half left to store_reindex. */
        if (i % 2 == 0)
            assert_int_equal(store_index(f->st, &res_orgs, id, o, &e), 0);
        json_decref(o);
    }
    fx_commit(f);
    char *one_by_one = index_dump(f);
    fx_begin(f);
    assert_int_equal(store_reindex(f->st, &e), 0);
    fx_commit(f);
    char *rebuilt = index_dump(f);
    for (int i = 0; i < 4; i += 2) {
        char line[128];
        snprintf(line, sizeof line, " %lld", -ids[i]);
        assert_non_null(strstr(one_by_one, line));
    }
    assert_non_null(strstr(rebuilt, "orgs _6:"));
    free(one_by_one);
    free(rebuilt);
    char hits[512], want[256];
    /* All of them, closest first; among equals the oldest. */
    hits_of(f, "chi bo thon dong cay", 20, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld,org:%lld,org:%lld", ids[0], ids[1], ids[2]);
    assert_string_equal(hits, want);
    /* Asked for one, the newest windows (6 and 5) have it: the older are not looked at. */
    hits_of(f, "chi bo thon dong cay", 1, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld", ids[2]);
    assert_string_equal(hits, want);
    hits_of(f, "khe lac", 20, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld", ids[3]);
    assert_string_equal(hits, want);
    /* And the triggers find their rows in any window. */
    fx_begin(f);
    assert_int_equal(store_delete(f->st, &res_orgs, ids[1], &e), 0);
    json_t *change = json_pack("{s:s}", "name", "Chi bộ thôn Khe Lạc");
    assert_int_equal(store_update(f->st, &res_orgs, ids[0], change, &e), 0);
    json_decref(change);
    fx_commit(f);
    hits_of(f, "chi bo thon dong cay", 20, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld", ids[2]);
    assert_string_equal(hits, want);
    hits_of(f, "khe lac", 20, hits, sizeof hits);
    snprintf(want, sizeof want, "org:%lld,org:%lld", ids[0], ids[3]);
    assert_string_equal(hits, want);
}

static int exec_raw(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "%s\n", msg ? msg : "?");
    sqlite3_free(msg);
    return rc;
}

/* A database made by a build before 003 (migrations 001 and 002, rows and their entries in
 * the old search_index): opened now, it is migrated and finds its rows in the new index. */
static void test_old_database_found_after_migration(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/tk-unit-old-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    assert_int_equal(exec_raw(db, "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, "
                                  "applied_at TEXT NOT NULL DEFAULT '2026-01-01T00:00:00Z')"),
                     SQLITE_OK);
    for (const char *const *name = (const char *const[]){"001_init.sql", "002_rollup.sql", NULL};
         *name; name++) {
        const struct embedded_file *m = embedded_find(embedded_migrations, *name);
        assert_non_null(m);
        assert_int_equal(exec_raw(db, m->data), SQLITE_OK);
        char sql[128];
        snprintf(sql, sizeof sql, "INSERT INTO schema_migrations (name) VALUES ('%s')", *name);
        assert_int_equal(exec_raw(db, sql), SQLITE_OK);
    }
    /* Rows as that build wrote them, with their entries (rowid id * 32 + resource index). */
    assert_int_equal(
        exec_raw(db,
                 "INSERT INTO orgs (id, name, kind, short_name, path) VALUES "
                 "(1, 'Đảng bộ thành phố Móng Cái', 'district', 'Thành ủy Móng Cái', '/1/'),"
                 "(2, 'Đảng bộ huyện Bình Liêu', 'district', NULL, '/2/');"
                 "INSERT INTO people (id, full_name, org_id, title) VALUES "
                 "(1, 'Nguyễn Văn Hùng', 2, 'Bí thư Huyện ủy Bình Liêu');"
                 "INSERT INTO search_index (rowid, type, ref_id, label, text, body) VALUES "
                 "(32, 'org', 1, 'Đảng bộ thành phố Móng Cái', 'x', 'dang bo thanh pho mong cai'),"
                 "(64, 'org', 2, 'Đảng bộ huyện Bình Liêu', 'x', 'dang bo huyen binh lieu'),"
                 "(33, 'person', 1, 'Nguyễn Văn Hùng', 'x', 'nguyen van hung');"),
        SQLITE_OK);
    sqlite3_close(db);

    struct fx f = {.actor = {.user = "tester", .address = "127.0.0.1"}};
    snprintf(f.path, sizeof f.path, "%s", path);
    struct err e = {0};
    f.st = store_open(path, false, &e);
    if (!f.st)
        fail_msg("store_open of the old database: %s", e.message);
    char hits[512];
    hits_of(&f, "mong cai", 20, hits, sizeof hits);
    assert_string_equal(hits, "org:1");
    hits_of(&f, "binh lieu", 20, hits, sizeof hits);
    assert_string_equal(hits, "org:2,person:1");
    hits_of(&f, "nguyen van hung", 20, hits, sizeof hits);
    assert_string_equal(hits, "person:1");
    assert_int_equal(
        fx_sql_int(&f, "SELECT count(*) FROM sqlite_schema WHERE name = 'search_index'"), 0);
    /* And it goes on being kept. */
    fx_begin(&f);
    json_decref(fx_update(&f, &res_orgs, 2, "{\"name\": \"Đảng bộ huyện Tiên Yên\"}"));
    fx_commit(&f);
    hits_of(&f, "binh lieu", 20, hits, sizeof hits);
    assert_string_equal(hits, "person:1");
    hits_of(&f, "tien yen", 20, hits, sizeof hits);
    assert_string_equal(hits, "org:2");
    store_close(f.st);
    char side[80];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mong_cai_finds_the_org_first, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_folding_and_d, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_hits_carry_label_and_text, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_updates_replace_the_words, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_deleted_rows_are_not_found, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_stale_entries_are_not_shown, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_exact_name_beats_many_mentions, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_triggers_agree_with_the_resources, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_reindex_equals_row_by_row, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_rows_found_after_reindex, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_rows_not_in_the_index_change_and_go, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_reindex_in_batches_equals_row_by_row, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_index_built_beside_equals_reindex, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_change_rebuilds_the_index, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_field_cleared_rebuilds_the_index, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_bulk_rollback_and_second_load, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_windows_newest_first_then_older, fx_setup,
                                        fx_teardown),
        cmocka_unit_test(test_old_database_found_after_migration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
