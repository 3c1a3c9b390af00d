/*
 * User account: a role held on an org's subtree. The password is taken from the body,
 * hashed with argon2id (libsodium's crypto_pwhash_str) and never stored or shown as given.
 */
#include <sodium.h>
#include <string.h>
#include "domain/nouns.h"
#include "store/store.h"
#include "util/text.h"

static const char *const user_roles[] = {"viewer", "reporter", "editor", "admin", NULL};

static const struct field grant_fields[] = {
    {"role", NULL, FT_ENUM, F_REQUIRED, user_roles, NULL, 0, 0, NULL, NULL, "role"},
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "subtree root"},
    FIELD_END,
};

static const struct field user_fields[] = {
    FIELD_ID,
    {"username", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 64, NULL, NULL, "sign-in name"},
    {"password", NULL, FT_TEXT, F_REQUIRED | F_WRITEONLY, NULL, NULL, 0, 1000, NULL, NULL,
     "password (at least 8 characters); never returned"},
    {"role", NULL, FT_ENUM, F_REQUIRED, user_roles, NULL, 0, 0, NULL, NULL, "role"},
    {"org_id", NULL, FT_REF, 0, NULL, "orgs", 0, 0, NULL, NULL,
     "the subtree the role holds on (null: every root)"},
    {"full_name", NULL, FT_TEXT, 0, NULL, NULL, 0, 200, NULL, NULL, "full name"},
    {"grants", NULL, FT_OBJECTS, 0, NULL, NULL, 0, 7, grant_fields, NULL,
     "further roles, each on a subtree: [{role, org_id}]"},
    {"password_hash", NULL, FT_TEXT, F_READONLY | F_HIDDEN, NULL, NULL, 0, 0, NULL, NULL, NULL},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

int user_hash_password(const char *password, char out[crypto_pwhash_STRBYTES])
{
    return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

static int user_check(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                      struct err *e)
{
    const char *name = obj_str(obj, "username");
    for (const char *p = name; p && *p; p++)
        if (!(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9') && !strchr("._-", *p))
            return err_set(e, E_INVALID_FIELD, "username",
                           "Tên đăng nhập chỉ gồm chữ thường không dấu, số và . _ -. / username "
                           "may hold only a-z, 0-9 and . _ -");
    const char *password = obj_str(obj, "password");
    if (!password)
        return 0;
    if (text_length(password) < 8)
        return err_set(e, E_INVALID_FIELD, "password",
                       "Mật khẩu cần ít nhất 8 ký tự. / The password needs at least 8 "
                       "characters.");
    char hash[crypto_pwhash_STRBYTES];
    if (user_hash_password(password, hash) != 0)
        return err_set(e, E_INTERNAL, NULL, "Không đủ bộ nhớ để băm mật khẩu. / Out of memory.");
    json_object_set_new(obj, "password_hash", json_string(hash));
    json_object_del(obj, "password");
    return 0;
}

/* A new password ends every session and token the account had. */
static int user_after_write(struct store *st, const struct resource *r, json_t *obj, json_t *old,
                            struct err *e)
{
    const char *before = old ? obj_str(old, "password_hash") : NULL;
    const char *after = obj_str(obj, "password_hash");
    if (before && after && strcmp(before, after) != 0)
        store_sessions_drop_user(st, obj_int(obj, "id"), NULL);
    return 0;
}

static const struct rules user_rules = {.check = user_check, .after_write = user_after_write};

const struct resource res_users = {
    .name = "users",
    .singular = "user",
    .label_vi = "tài khoản",
    .fields = user_fields,
    .rules = &user_rules,
};
