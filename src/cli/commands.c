/*
 * The smaller commands: demo (init + the built-in demo data through import), serve, backup,
 * user (add, passwd, list, revoke, token) and audit verify.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "domain/nouns.h"
#include "http/server.h"
#include "util/embedded.h"
#include "util/token.h"

int cmd_demo(int argc, char **argv)
{
    static const char *const allowed[] = {"db", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    const struct embedded_file *demo = embedded_find(embedded_data, "demo.json");
    if (!demo)
        return fail("bản dựng này không có dữ liệu mẫu / this build has no demo data");
    struct store *st = cli_create_database(opt_db(&o));
    if (!st)
        return 1;
    struct err e = {0};
    int rc = 0;
    if (store_begin(st, true, &e) != 0 ||
        cli_import_json(st, demo->data, demo->len, isatty(2), &e) != 0 ||
        store_commit(st, &e) != 0) {
        store_rollback(st);
        rc = fail("dữ liệu mẫu không nạp được / the demo data did not load: %s", e.message);
    }
    store_close(st);
    if (rc)
        unlink(opt_db(&o));
    return rc;
}

int cmd_serve(int argc, char **argv)
{
    static const char *const allowed[] = {"db", "listen", "threads", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    const char *listen = opt(&o, "listen") ? opt(&o, "listen") : "127.0.0.1:8080";
    const char *colon = strrchr(listen, ':');
    if (!colon)
        return fail("--listen cần dạng HOST:PORT / --listen needs HOST:PORT, got %s", listen);
    char host[64];
    snprintf(host, sizeof host, "%.*s", (int)(colon - listen), listen);
    if (!host[0])
        snprintf(host, sizeof host, "127.0.0.1");
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535)
        return fail("cổng không hợp lệ / invalid port: %s", colon + 1);
    long threads = opt(&o, "threads") ? atol(opt(&o, "threads")) : sysconf(_SC_NPROCESSORS_ONLN);
    if (threads < 1)
        threads = 1;
    struct store *st = cli_open_existing(opt_db(&o));
    if (!st)
        return 1;
    bool ready = store_is_initialised(st);
    store_close(st);
    if (!ready)
        return fail("%s chưa được khởi tạo; hãy chạy `trienkhai init` / not initialised",
                    opt_db(&o));
    return server_run(opt_db(&o), host, (int)port, (int)threads);
}

int cmd_backup(int argc, char **argv)
{
    static const char *const allowed[] = {"db", "to", "compact!", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    const char *to = opt(&o, "to");
    if (!to)
        return fail("cần --to COPY / --to COPY is required");
    if (access(to, F_OK) == 0)
        return fail("%s đã tồn tại; không ghi đè / %s exists already", to, to);
    struct store *st = cli_open_existing(opt_db(&o));
    if (!st)
        return 1;
    struct err e = {0};
    int rc = store_backup(st, to, opt_flag(&o, "compact"), &e) == 0 ? 0 : fail("%s", e.message);
    store_close(st);
    if (rc == 0) {
        struct store *copy = store_open(to, false, &e);
        if (!copy || store_integrity_check(copy, &e) != 0)
            rc = fail("bản sao không kiểm tra được / the copy does not verify: %s", e.message);
        store_close(copy);
    }
    if (rc == 0)
        printf("đã sao lưu / backed up to %s\n", to);
    return rc;
}

static json_t *find_user(struct store *st, const char *username)
{
    json_t *u = username ? store_user_by_name(st, username) : NULL;
    if (!u)
        fail("không có tài khoản %s / no user %s", username ? username : "(--username)",
             username ? username : "");
    return u;
}

static int user_password(char *out, size_t size)
{
    const char *env = getenv("TRIENKHAI_PASSWORD");
    if (env && *env) {
        snprintf(out, size, "%s", env);
        return 0;
    }
    if (!isatty(0)) {
        if (!fgets(out, (int)size, stdin))
            return -1;
        out[strcspn(out, "\r\n")] = 0;
        return 0;
    }
    char *p = getpass("Mật khẩu / Password: ");
    if (!p)
        return -1;
    snprintf(out, size, "%s", p);
    return 0;
}

int cmd_user(int argc, char **argv)
{
    static const char *const allowed[] = {"db", "username", "role", "org-id", "full-name", NULL};
    if (argc < 1)
        return fail("cần một lệnh con: add, passwd, list, revoke, token / a subcommand is needed");
    const char *sub = argv[0];
    struct opts o;
    if (opts_parse(&o, argc - 1, argv + 1, allowed) != 0)
        return 2;
    struct store *st = cli_open_existing(opt_db(&o));
    if (!st)
        return 1;
    struct err e = {0};
    struct actor a = {.user = "system"};
    int rc = 1;
    json_t *user = NULL;
    if (store_begin(st, true, &e) != 0) {
        fail("%s", e.message);
        goto out;
    }
    if (!strcmp(sub, "list")) {
        json_t *rows = store_list(st, &res_users, NULL, 0, 0, 100000, &e);
        size_t i;
        json_t *row;
        json_array_foreach(rows, i, row)
        {
            char org[32] = "*";
            if (obj_has(row, "org_id"))
                snprintf(org, sizeof org, "%lld", obj_int(row, "org_id"));
            printf("%lld\t%s\t%s\t%s\n", obj_int(row, "id"), obj_str(row, "username"),
                   obj_str(row, "role"), org);
        }
        json_decref(rows);
        rc = 0;
    } else if (!strcmp(sub, "add")) {
        char password[256];
        if (user_password(password, sizeof password) != 0) {
            fail("cần mật khẩu ($TRIENKHAI_PASSWORD hoặc từ bàn phím) / a password is needed");
            goto out;
        }
        json_t *body =
            json_pack("{s:s?,s:s,s:s?,s:s?}", "username", opt(&o, "username"), "password", password,
                      "role", opt(&o, "role"), "full_name", opt(&o, "full-name"));
        if (opt(&o, "org-id"))
            json_object_set_new(body, "org_id", json_integer(atoll(opt(&o, "org-id"))));
        user = resource_create(st, &res_users, body, 0, &a, &e);
        json_decref(body);
        if (!user) {
            fail("%s%s%s", e.field[0] ? e.field : "", e.field[0] ? ": " : "", e.message);
            goto out;
        }
        printf("đã tạo / created %s (id %lld)\n", obj_str(user, "username"), obj_int(user, "id"));
        rc = 0;
    } else if (!strcmp(sub, "passwd")) {
        char password[256];
        if (!(user = find_user(st, opt(&o, "username"))))
            goto out;
        if (user_password(password, sizeof password) != 0) {
            fail("cần mật khẩu / a password is needed");
            goto out;
        }
        json_t *body = json_pack("{s:s}", "password", password);
        json_t *done = resource_update(st, &res_users, obj_int(user, "id"), body, &a, &e);
        json_decref(body);
        if (!done) {
            fail("%s", e.message);
            goto out;
        }
        json_decref(done);
        /* A new password ends every session and token of the account. */
        store_sessions_drop_user(st, obj_int(user, "id"), NULL);
        printf("đã đổi mật khẩu / password changed for %s\n", obj_str(user, "username"));
        rc = 0;
    } else if (!strcmp(sub, "revoke")) {
        if (!(user = find_user(st, opt(&o, "username"))))
            goto out;
        store_sessions_drop_user(st, obj_int(user, "id"), NULL);
        printf("đã thu hồi mọi phiên và mã / revoked every session and token of %s\n",
               obj_str(user, "username"));
        rc = 0;
    } else if (!strcmp(sub, "token")) {
        if (!(user = find_user(st, opt(&o, "username"))))
            goto out;
        char token[64], hash[65];
        auth_new_token(token);
        auth_token_hash(token, hash);
        if (store_session_put(st, hash, obj_int(user, "id"), "token", 0, &e) != 0) {
            fail("%s", e.message);
            goto out;
        }
        printf("%s\n", token);
        rc = 0;
    } else {
        fail("lệnh con không hợp lệ / unknown subcommand: %s", sub);
    }
out:
    if (rc == 0 && store_commit(st, &e) != 0)
        rc = fail("%s", e.message);
    if (rc != 0)
        store_rollback(st);
    json_decref(user);
    store_close(st);
    return rc;
}

int cmd_audit(int argc, char **argv)
{
    static const char *const allowed[] = {"db", NULL};
    if (argc < 1 || strcmp(argv[0], "verify") != 0)
        return fail("dùng: trienkhai audit verify --db FILE / usage: audit verify");
    struct opts o;
    if (opts_parse(&o, argc - 1, argv + 1, allowed) != 0)
        return 2;
    struct store *st = cli_open_existing(opt_db(&o));
    if (!st)
        return 1;
    struct err e = {0};
    long long bad = store_audit_verify(st, &e);
    store_close(st);
    if (bad < 0)
        return fail("%s", e.message);
    if (bad > 0)
        return fail("chuỗi nhật ký bị phá vỡ ở mục %lld / the audit chain breaks at entry %lld",
                    bad, bad);
    printf("nhật ký nguyên vẹn / the audit chain is intact\n");
    return 0;
}
