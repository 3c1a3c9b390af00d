/* The fuzz targets' shared fixture; see common.h. */
#include "common.h"
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/nouns.h"
#include "util/token.h"

/* The store's SQLite handle. store/sqlite_internal.h is private to the store; the harness
 * needs the handle only to copy the database whole (the backup API), which no store function
 * does in memory, so it declares the one accessor here rather than widen the interface. */
sqlite3 *sq_db(struct store *st);

void fz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
    abort();
}

void fz_init_process(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    /* A fixed hash seed makes object iteration, and so every run, the same for one input. */
    json_object_seed(1);
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    if (sodium_init() < 0) {
        fprintf(stderr, "fuzz: sodium_init failed\n");
        abort();
    }
}

char *fz_strndup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = 0;
    return s;
}

int fz_is_text_or_null(json_t *v)
{
    return json_is_string(v) || json_is_null(v);
}

/* Creates one row from a JSON text and aborts, naming it, when the write path refuses it. */
static long long make(struct store *st, const struct resource *r, const char *text)
{
    json_error_t je;
    json_t *body = json_loads(text, 0, &je);
    if (!body) {
        fprintf(stderr, "fuzz fixture: bad JSON for %s: %s: %s\n", r->name, je.text, text);
        abort();
    }
    struct actor a = {.user = "fuzz", .address = "127.0.0.1"};
    struct err e = {0};
    json_t *out = resource_create(st, r, body, 0, &a, &e);
    if (!out) {
        fprintf(stderr, "fuzz fixture: create %s %s: %s: %s (field \"%s\")\n", r->name, text,
                err_name(e.code), e.message, e.field);
        abort();
    }
    long long id = obj_int(out, "id");
    json_decref(out);
    json_decref(body);
    return id;
}

static void put_token(struct store *st, const char *token, long long user_id)
{
    char hash[65];
    struct err e = {0};
    auth_token_hash(token, hash);
    if (store_session_put(st, hash, user_id, "token", 0, &e) != 0) {
        fprintf(stderr, "fuzz fixture: store_session_put: %s\n", e.message);
        abort();
    }
}

/* The ids are fixed (1, 2, …, in the order below), and the seeds rely on them. */
static void make_world(struct store *st)
{
    make(st, &res_orgs, "{\"name\":\"Tỉnh ủy Quảng Ninh\",\"kind\":\"province\",\"code\":\"QN\"}");
    make(st, &res_orgs,
         "{\"name\":\"Thành ủy Móng Cái\",\"kind\":\"district\",\"parent_id\":1,"
         "\"short_name\":\"TP. Móng Cái\"}");
    make(st, &res_orgs,
         "{\"name\":\"Đảng ủy phường Ka Long\",\"kind\":\"grassroots\",\"parent_id\":2}");
    make(st, &res_orgs, "{\"name\":\"Huyện ủy Bình Liêu\",\"kind\":\"district\",\"parent_id\":1}");
    make(st, &res_people, "{\"full_name\":\"Nguyễn Văn Hùng\",\"org_id\":2,\"title\":\"Bí thư\"}");
    make(st, &res_terms,
         "{\"org_id\":1,\"starts_year\":2020,\"ends_year\":2025,"
         "\"congress\":{\"ordinal\":15,\"held_from\":\"2020-09-26\"}}");
    make(st, &res_documents,
         "{\"org_id\":1,\"type\":\"NQ\",\"title\":\"Nghị quyết Đại hội đại "
         "biểu Đảng bộ tỉnh lần thứ XV\",\"symbol\":\"01-NQ/ĐH\","
         "\"issued_on\":\"2020-09-28\"}");
    make(st, &res_resolutions,
         "{\"term_id\":1,\"title\":\"Nghị quyết Đại hội XV\","
         "\"symbol\":\"01-NQ/ĐH\",\"document_id\":1}");
    make(st, &res_items,
         "{\"resolution_id\":1,\"kind\":\"key_task\",\"code\":\"1\","
         "\"text\":\"Phát triển kinh tế cửa khẩu\"}");
    make(st, &res_items,
         "{\"resolution_id\":1,\"kind\":\"indicator\",\"code\":\"2\","
         "\"text\":\"Tốc độ tăng trưởng GRDP bình quân\",\"unit\":\"%\","
         "\"direction\":\"higher\",\"target\":10,\"rollup\":\"mean\"}");
    make(st, &res_programs,
         "{\"org_id\":2,\"kind\":\"action_program\",\"title\":\"Chương "
         "trình hành động thực hiện Nghị quyết Đại hội XV\","
         "\"resolution_id\":1,\"symbol\":\"05-CTr/TU\"}");
    make(st, &res_programs,
         "{\"org_id\":4,\"kind\":\"work_program\",\"title\":\"Chương trình "
         "làm việc toàn khóa của Huyện ủy Bình Liêu\"}");
    make(st, &res_tasks,
         "{\"program_id\":1,\"title\":\"Xây dựng nông thôn mới kiểu mẫu\","
         "\"lead_org_id\":2,\"period\":\"2021-Q2\",\"covers\":[1]}");
    make(st, &res_tasks,
         "{\"program_id\":1,\"title\":\"Ủy ban kiểm tra rà soát cán bộ\","
         "\"lead_org_id\":3,\"due_on\":\"2021-06-30\",\"status\":\"in_progress\","
         "\"progress\":40}");
    make(st, &res_tasks,
         "{\"program_id\":2,\"title\":\"Phát triển du lịch Bình Liêu\","
         "\"lead_org_id\":4,\"period\":\"term\"}");
    make(st, &res_task_updates, "{\"task_id\":1,\"progress\":60,\"note\":\"Đã khảo sát\"}");
    make(st, &res_indicator_values,
         "{\"item_id\":2,\"org_id\":2,\"period\":\"2021\",\"value\":7.5}");
    make(st, &res_meetings,
         "{\"title\":\"Hội nghị Ban Chấp hành lần thứ 3\",\"org_id\":2,"
         "\"body\":\"bch\",\"planned_period\":\"2021-Q2\"}");
    long long admin = make(st, &res_users,
                           "{\"username\":\"admin\",\"password\":\"mat-khau-"
                           "quan-tri\",\"role\":\"admin\"}");
    long long viewer = make(st, &res_users,
                            "{\"username\":\"mongcai\",\"password\":\"mat-khau-"
                            "xem\",\"role\":\"viewer\",\"org_id\":2}");
    put_token(st, FZ_ADMIN_TOKEN, admin);
    put_token(st, FZ_VIEWER_TOKEN, viewer);
}

struct store *fz_store(int world)
{
    fz_init_process();
    struct err e = {0};
    struct store *st = store_open(":memory:", true, &e);
    if (!st) {
        fprintf(stderr, "fuzz fixture: store_open: %s\n", e.message);
        abort();
    }
    if (!world)
        return st;
    if (store_begin(st, true, &e) != 0) {
        fprintf(stderr, "fuzz fixture: store_begin: %s\n", e.message);
        abort();
    }
    make_world(st);
    if (store_commit(st, &e) != 0) {
        fprintf(stderr, "fuzz fixture: store_commit: %s\n", e.message);
        abort();
    }
    return st;
}

static sqlite3 *snapshot;
static sqlite3_int64 changes_at_snapshot;

static void copy_db(sqlite3 *to, sqlite3 *from)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE || sqlite3_backup_finish(b) != SQLITE_OK) {
        fprintf(stderr, "fuzz fixture: backup: %s\n", sqlite3_errmsg(to));
        abort();
    }
}

void fz_snapshot(struct store *st)
{
    if (!snapshot && sqlite3_open(":memory:", &snapshot) != SQLITE_OK)
        abort();
    copy_db(snapshot, sq_db(st));
    changes_at_snapshot = sqlite3_total_changes64(sq_db(st));
}

void fz_restore(struct store *st)
{
    store_rollback(st); /* a handler that left a transaction open must not block the copy */
    if (sqlite3_total_changes64(sq_db(st)) == changes_at_snapshot)
        return;
    copy_db(sq_db(st), snapshot);
    changes_at_snapshot = sqlite3_total_changes64(sq_db(st));
}
