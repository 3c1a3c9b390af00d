/* Unit tests of packed text (store/sqlite_packed.c): a column gets its first dictionary when
 * its table reaches ten thousand rows, and the rows written after it are stored packed and
 * far smaller; every row, packed or plain, reads back exactly as written, through store_get
 * and store_list, and a list filter on a packed column compares the text; the search index
 * sees the text of packed rows, and follows their updates; short and empty values stay plain
 * (the "no expected output" count still sees them); a dictionary trained in a transaction
 * that is rolled back is gone and forgotten, also when another connection then trains one
 * under the same id; another connection reads what one packed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "../domain/fixture.h"
#include "store/sqlite_internal.h"

enum { FIRST = 10000 };

/* The title of the n-th task of a vocabulary: shared templates, as personal-plan items are,
 * with a number and a name that differ from row to row. */
static void title_of(int vocabulary, long long n, char *out, size_t size)
{
    static const char *const a[] = {
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, đăng ký việc làm số",
        "Hoàn thành tốt nhiệm vụ chuyên môn được giao, phấn đấu đạt chỉ tiêu số",
        "Tham gia đầy đủ sinh hoạt chi bộ và đóng đảng phí đúng quy định, đợt",
    };
    static const char *const b[] = {
        "Kiểm tra, giám sát việc chấp hành Điều lệ Đảng tại đảng bộ cơ sở, cuộc",
        "Tuyên truyền, phổ biến nghị quyết đến từng đảng viên ở khu dân cư, buổi",
    };
    static const char *const names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu",
                                        "Phạm Quốc Dũng", "Hoàng Thị Én"};
    if (vocabulary == 0)
        snprintf(out, size, "%s %lld của đồng chí %s", a[n % 3], n, names[n % 5]);
    else
        snprintf(out, size, "%s %lld do đồng chí %s phụ trách", b[n % 2], n, names[(n / 2) % 5]);
}

static long long scalar(struct fx *f, const char *sql)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(sq_db(f->st), sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* How SQLite holds tasks.column of row id: "text" or "blob" (packed). */
static void assert_stored_as(struct fx *f, const char *column, long long id, const char *want)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT typeof(%s) FROM tasks WHERE id = %lld", column, id);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(sq_db(f->st), sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), want);
    sqlite3_finalize(s);
}

struct world {
    long long org, program;
};

static struct world make_world(struct fx *f)
{
    struct world w;
    fx_begin(f);
    w.org =
        fx_create(f, &res_orgs, "{\"name\": \"Đảng bộ xã Hải Xuân\", \"kind\": \"grassroots\"}");
    w.program = fx_create(f, &res_programs,
                          "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": "
                          "\"Chương trình công tác toàn khóa\"}",
                          w.org);
    fx_commit(f);
    return w;
}

/* Inserts tasks from..to-1 of a vocabulary through the store, in the caller's transaction. */
static void insert_tasks(struct fx *f, struct world *w, int vocabulary, long long from,
                         long long to)
{
    for (long long n = from; n < to; n++) {
        char title[256];
        title_of(vocabulary, n, title, sizeof title);
        json_t *obj = json_pack("{s:I,s:s,s:I,s:s,s:s,s:s}", "program_id", (json_int_t)w->program,
                                "title", title, "lead_org_id", (json_int_t)w->org, "output",
                                "Báo cáo kết quả thực hiện gửi chi bộ cuối năm", "status",
                                "not_started", "period", "2025");
        long long id = 0;
        struct err e = {0};
        if (store_insert(f->st, &res_tasks, obj, &id, &e) != 0)
            fail_msg("store_insert: %s", e.message);
        json_decref(obj);
    }
}

/* The world, with enough tasks of vocabulary 0 committed for the columns' first dictionaries,
 * and a write transaction open for what the test adds. */
static struct world trained_world(struct fx *f)
{
    struct world w = make_world(f);
    fx_begin(f);
    insert_tasks(f, &w, 0, 0, FIRST + 1100);
    return w;
}

/* Every task row reads back, through store_get, with the title of its vocabulary. */
static void assert_titles(struct fx *f, int vocabulary, long long first_id, long long from,
                          long long to)
{
    struct err e = {0};
    for (long long n = from; n < to; n++) {
        char want[256];
        title_of(vocabulary, n, want, sizeof want);
        json_t *row = store_get(f->st, &res_tasks, first_id + (n - from), &e);
        if (!row)
            fail_msg("store_get %lld: %s", first_id + (n - from), e.message);
        if (!json_is_string(json_object_get(row, "title")) ||
            strcmp(obj_str(row, "title"), want) != 0)
            fail_msg("task %lld: title \"%s\", want \"%s\"", first_id + (n - from),
                     obj_str(row, "title") ? obj_str(row, "title") : "(null)", want);
        assert_string_equal(obj_str(row, "output"),
                            "Báo cáo kết quả thực hiện gửi chi bộ cuối năm");
        json_decref(row);
    }
}

static void test_dictionary_after_enough_rows_and_every_row_reads_back(void **state)
{
    struct fx *f = *state;
    struct world w = make_world(f);
    fx_begin(f);
    insert_tasks(f, &w, 0, 0, FIRST - 1);
    fx_commit(f);
    assert_int_equal(scalar(f, "SELECT count(*) FROM text_dictionaries"), 0);
    assert_int_equal(scalar(f, "SELECT count(*) FROM tasks WHERE typeof(title) <> 'text'"), 0);

    fx_begin(f);
    insert_tasks(f, &w, 0, FIRST - 1, 3 * FIRST);
    fx_commit(f);
    assert_int_equal(scalar(f, "SELECT count(*) FROM text_dictionaries WHERE table_name = "
                               "'tasks' AND column_name = 'title'"),
                     1);
    long long packed = scalar(f, "SELECT count(*) FROM tasks WHERE typeof(title) = 'blob'");
    /* Trained at the first look after ten thousand rows: all but about a thousand after. */
    assert_true(packed >= 2 * FIRST - 1100 && packed < 2 * FIRST + 1);
    assert_true(scalar(f, "SELECT count(*) FROM tasks WHERE typeof(output) = 'blob'") == packed);
    /* One text against one dictionary packs to one value, packed afresh or from memory. */
    assert_int_equal(
        scalar(f, "SELECT count(DISTINCT output) FROM tasks WHERE typeof(output) = 'blob'"), 1);
    long long plain_bytes = scalar(f, "SELECT sum(length(CAST(title AS BLOB))) FROM tasks WHERE "
                                      "typeof(title) = 'text'"),
              plain_rows = scalar(f, "SELECT count(*) FROM tasks WHERE typeof(title) = 'text'"),
              packed_bytes =
                  scalar(f, "SELECT sum(length(title)) FROM tasks WHERE typeof(title) = 'blob'");
    /* A third of the plain size at most (about a fifth is what zstd gives here). */
    assert_true(packed_bytes * 3 < plain_bytes * packed / plain_rows);

    long long first_id = scalar(f, "SELECT min(id) FROM tasks");
    assert_titles(f, 0, first_id, 0, 3 * FIRST);

    /* store_list gives the same texts, pages of plain and packed rows alike. */
    struct err e = {0};
    long long after = 0, seen = 0;
    for (;;) {
        json_t *rows = store_list(f->st, &res_tasks, NULL, 0, after, 500, &e);
        assert_non_null(rows);
        if (!json_array_size(rows)) {
            json_decref(rows);
            break;
        }
        size_t i;
        json_t *row;
        json_array_foreach(rows, i, row)
        {
            char want[256];
            title_of(0, obj_int(row, "id") - first_id, want, sizeof want);
            assert_string_equal(obj_str(row, "title"), want);
            after = obj_int(row, "id");
            seen++;
        }
        json_decref(rows);
    }
    assert_int_equal(seen, 3 * FIRST);

    /* A filter on a packed column compares the text. */
    char want[256];
    title_of(0, 2 * FIRST + 7, want, sizeof want);
    struct store_filter filter = {resource_field(&res_tasks, "title"), json_string(want)};
    json_t *rows = store_list(f->st, &res_tasks, &filter, 1, 0, 10, &e);
    assert_non_null(rows);
    assert_int_equal(json_array_size(rows), 1);
    assert_int_equal(obj_int(json_array_get(rows, 0), "id"), first_id + 2 * FIRST + 7);
    json_decref(rows);
    json_decref(filter.value);
}

static json_t *search(struct fx *f, const char *folded)
{
    struct err e = {0};
    json_t *rows = store_search(f->st, folded, 50, &e);
    if (!rows)
        fail_msg("store_search \"%s\": %s", folded, e.message);
    return rows;
}

static bool finds(json_t *hits, const char *resource, long long id)
{
    size_t i;
    json_t *h;
    json_array_foreach(hits, i, h)
    {
        if (!strcmp(obj_str(h, "type") ? obj_str(h, "type") : "", resource) &&
            obj_int(h, "id") == id)
            return true;
    }
    return false;
}

static void test_search_sees_packed_text_and_its_updates(void **state)
{
    struct fx *f = *state;
    struct world w = trained_world(f);
    long long id = fx_create(f, &res_tasks,
                             "{\"program_id\": %lld, \"lead_org_id\": %lld, \"title\": \"Hoàn "
                             "thành tốt nhiệm vụ chuyên môn được giao, phấn đấu đạt chỉ tiêu "
                             "số 7 ở cửa khẩu Móng Cái\", \"output\": \"Đề án trình Ban Thường "
                             "vụ\"}",
                             w.program, w.org);
    /* Text unlike the rows the dictionary was trained on gains nothing, and stays plain. */
    long long unlike = fx_create(f, &res_tasks,
                                 "{\"program_id\": %lld, \"lead_org_id\": %lld, \"title\": "
                                 "\"Nâng cấp hạ tầng cửa khẩu quốc tế Móng Cái và chợ biên giới "
                                 "Bắc Phong Sinh\"}",
                                 w.program, w.org);
    fx_commit(f);
    assert_stored_as(f, "title", unlike, "text");
    assert_stored_as(f, "title", id, "blob");
    /* The bulk path's rebuild reads packed rows too. */
    assert_int_equal(store_reindex(f->st, &(struct err){0}), 0);

    json_t *hits = search(f, "mong cai");
    assert_true(finds(hits, "task", id));
    assert_true(finds(hits, "task", unlike));
    json_decref(hits);

    fx_begin(f);
    json_decref(fx_update(f, &res_tasks, id,
                          "{\"title\": \"Hoàn thành tốt nhiệm vụ chuyên môn được giao, "
                          "phấn đấu đạt chỉ tiêu số 8 ở cửa khẩu Hoành Mô\"}"));
    fx_commit(f);
    assert_stored_as(f, "title", id, "blob");
    hits = search(f, "hoanh mo");
    assert_true(finds(hits, "task", id));
    json_decref(hits);
    hits = search(f, "mong cai");
    assert_false(finds(hits, "task", id));
    json_decref(hits);
}

/* A packed value that cannot be read (bytes damaged on disk, a dictionary id the file does not
 * hold) reads as null, with nothing read out of bounds (ASan) and the other rows unharmed. */
static void test_damaged_packed_values_read_as_null(void **state)
{
    struct fx *f = *state;
    trained_world(f);
    fx_commit(f);
    long long last = scalar(f, "SELECT max(id) FROM tasks");
    static const char *const damage[] = {
        "x'F5'",                                     /* the mark alone: not UTF-8 either */
        "x'F501'",                                   /* no frame */
        "x'F501FFFFFFFFFFFFFFFF'",                   /* a frame header that is not one */
        "x'F5FE2400000000000000000000'",             /* a dictionary the file does not hold */
        "substr(title, 1, length(title) - 3)",       /* a frame cut short */
        "CAST(x'F500' || substr(title, 3) AS BLOB)", /* dictionary id 0 */
        "x'F500' || substr(title, 3)",               /* the same as text, which is not UTF-8 */
    };
    for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "UPDATE tasks SET title = %s WHERE id = %lld AND typeof(title) = 'blob'",
                 damage[i], last - (long long)i);
        assert_int_equal(sqlite3_exec(sq_db(f->st), sql, NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_changes(sq_db(f->st)), 1);
        struct err e = {0};
        json_t *row = store_get(f->st, &res_tasks, last - (long long)i, &e);
        assert_non_null(row);
        if (!json_is_null(json_object_get(row, "title")))
            fail_msg("damage %zu (%s): title %s", i, damage[i],
                     json_dumps(json_object_get(row, "title"), JSON_ENCODE_ANY));
        json_decref(row);
    }
    long long first_id = scalar(f, "SELECT min(id) FROM tasks");
    assert_titles(f, 0, first_id, 0, FIRST + 1100 - (long long)(sizeof damage / sizeof *damage));
}

/* A column whose values are all short gets no dictionary, past the first size and on, and its
 * rows read back as written. */
static void test_short_only_column_gets_no_dictionary(void **state)
{
    struct fx *f = *state;
    struct world w = make_world(f);
    fx_begin(f);
    for (int n = 0; n < FIRST + 2100; n++) {
        char title[32];
        snprintf(title, sizeof title, "Việc số %d", n);
        json_t *obj = json_pack("{s:I,s:s,s:I}", "program_id", (json_int_t)w.program, "title",
                                title, "lead_org_id", (json_int_t)w.org);
        long long id = 0;
        struct err e = {0};
        if (store_insert(f->st, &res_tasks, obj, &id, &e) != 0)
            fail_msg("store_insert: %s", e.message);
        json_decref(obj);
    }
    fx_commit(f);
    assert_int_equal(scalar(f, "SELECT count(*) FROM text_dictionaries"), 0);
    assert_int_equal(scalar(f, "SELECT count(*) FROM tasks WHERE typeof(title) <> 'text'"), 0);
    long long first_id = scalar(f, "SELECT min(id) FROM tasks");
    struct err e = {0};
    for (int n = 0; n < FIRST + 2100; n += 997) {
        char want[32];
        snprintf(want, sizeof want, "Việc số %d", n);
        json_t *row = store_get(f->st, &res_tasks, first_id + n, &e);
        assert_non_null(row);
        assert_string_equal(obj_str(row, "title"), want);
        json_decref(row);
    }
}

/* Many connections open at once (a server's workers, the command line) each read packed rows. */
static void test_many_connections_read_packed_rows(void **state)
{
    struct fx *f = *state;
    trained_world(f);
    fx_commit(f);
    long long first_id = scalar(f, "SELECT min(id) FROM tasks");
    enum { N = 150 };
    struct store *many[N];
    struct err e = {0};
    for (int i = 0; i < N; i++) {
        many[i] = store_open(f->path, false, &e);
        if (!many[i])
            fail_msg("store_open %d: %s", i, e.message);
    }
    for (int i = 0; i < N; i++) {
        struct fx g = {.st = many[i]};
        long long n = FIRST + 1000 + i % 100; /* a packed row */
        assert_titles(&g, 0, first_id + n, n, n + 1);
    }
    for (int i = 0; i < N; i++)
        store_close(many[i]);
}

static void test_short_and_empty_values_stay_plain(void **state)
{
    struct fx *f = *state;
    struct world w = trained_world(f);
    long long empty = fx_create(f, &res_tasks,
                                "{\"program_id\": %lld, \"lead_org_id\": %lld, \"title\": \"Học "
                                "tập nghị quyết và viết bài thu hoạch cá nhân đầy đủ\", "
                                "\"period\": \"2025\", \"output\": \"\"}",
                                w.program, w.org);
    long long brief = fx_create(f, &res_tasks,
                                "{\"program_id\": %lld, \"lead_org_id\": %lld, \"title\": \"Báo "
                                "cáo\", \"period\": \"2025\", \"output\": \"Báo cáo\"}",
                                w.program, w.org);
    fx_commit(f);
    assert_stored_as(f, "output", brief, "text");
    assert_stored_as(f, "title", brief, "text");
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT output = '' FROM tasks WHERE id = %lld", empty);
    assert_int_equal(scalar(f, sql), 1);
    /* Only the empty output lacks: the packed ones are not taken for empty. */
    assert_int_equal(store_program_incomplete_tasks(f->st, w.program), 1);
}

static void test_rollback_takes_the_dictionary_away(void **state)
{
    struct fx *f = *state;
    struct world w = make_world(f);
    struct err e = {0};
    struct store *other = store_open(f->path, false, &e);
    assert_non_null(other);

    /* This connection trains a dictionary on one vocabulary, reads a packed row (its
     * unpacker now holds dictionary 1), and rolls it all back. */
    fx_begin(f);
    insert_tasks(f, &w, 0, 0, FIRST + 1100);
    long long last = scalar(f, "SELECT max(id) FROM tasks");
    json_t *row = store_get(f->st, &res_tasks, last, &e);
    assert_non_null(row);
    json_decref(row);
    assert_int_equal(scalar(f, "SELECT count(*) FROM text_dictionaries"), 2);
    store_rollback(f->st);
    assert_int_equal(scalar(f, "SELECT count(*) FROM text_dictionaries"), 0);
    assert_int_equal(scalar(f, "SELECT count(*) FROM tasks"), 0);

    /* The other connection trains its own, on another vocabulary, under the same ids. */
    struct fx g = {.st = other, .actor = f->actor};
    snprintf(g.path, sizeof g.path, "%s", f->path);
    fx_begin(&g);
    insert_tasks(&g, &w, 1, 0, FIRST + 1100);
    fx_commit(&g);
    assert_int_equal(scalar(f, "SELECT min(id) FROM text_dictionaries"), 1);
    long long first = scalar(f, "SELECT min(id) FROM tasks");
    assert_true(scalar(f, "SELECT count(*) FROM tasks WHERE typeof(title) = 'blob'") > 0);

    /* This connection reads the other's rows right, and its own new rows use a dictionary
     * that is in the file. */
    assert_titles(f, 1, first, 0, FIRST + 1100);
    fx_begin(f);
    insert_tasks(f, &w, 1, FIRST + 1100, FIRST + 1200);
    fx_commit(f);
    assert_titles(f, 1, first, 0, FIRST + 1200);
    assert_titles(&g, 1, first, 0, FIRST + 1200);
    store_close(other);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_dictionary_after_enough_rows_and_every_row_reads_back,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_search_sees_packed_text_and_its_updates, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_short_and_empty_values_stay_plain, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_packed_values_read_as_null, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_many_connections_read_packed_rows, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_short_only_column_gets_no_dictionary, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(test_rollback_takes_the_dictionary_away, fx_setup,
                                        fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
