/* `trienkhai init`: a new database with the schema and an admin account. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "domain/nouns.h"

struct store *cli_create_database(const char *path)
{
    struct err e = {0};
    if (access(path, F_OK) == 0) {
        struct store *old = store_open(path, false, &e);
        bool holds = old && store_is_initialised(old);
        store_close(old);
        if (holds || !old) {
            fail("%s đã chứa một cơ sở dữ liệu; không ghi đè / %s already holds a database", path,
                 path);
            return NULL;
        }
    }
    struct store *st = store_open(path, true, &e);
    if (!st) {
        fail("%s", e.message);
        return NULL;
    }
    const char *given = getenv("TRIENKHAI_ADMIN_PASSWORD");
    char password[64];
    if (given && *given) {
        snprintf(password, sizeof password, "%s", given);
    } else {
        unsigned char raw[12];
        randombytes_buf(raw, sizeof raw);
        sodium_bin2base64(password, sizeof password, raw, sizeof raw,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    }
    struct actor a = {.user = "system"};
    json_t *body = json_pack("{s:s,s:s,s:s,s:s}", "username", "admin", "password", password, "role",
                             "admin", "full_name", "Quản trị hệ thống");
    json_t *user = NULL;
    if (store_begin(st, true, &e) == 0 &&
        (user = resource_create(st, &res_users, body, 0, &a, &e)) != NULL &&
        store_commit(st, &e) == 0) {
        printf("username: admin\n");
        if (!(given && *given))
            printf("password: %s\n", password);
        fflush(stdout);
    } else {
        store_rollback(st);
        fail("%s", e.message);
        store_close(st);
        st = NULL;
    }
    json_decref(user);
    json_decref(body);
    sodium_memzero(password, sizeof password);
    return st;
}

int cmd_init(int argc, char **argv)
{
    static const char *const allowed[] = {"db", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    struct store *st = cli_create_database(opt_db(&o));
    if (!st)
        return 1;
    store_close(st);
    return 0;
}
