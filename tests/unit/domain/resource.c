/* Unit tests of domain/resource: validation of bodies against the field tables
 * (resource_decode), the stored and API shapes, and list filters (resource_filter_value). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>

#include "fixture.h"

/* Decodes a printf-formatted body; returns the stored-shape object or fails the test. */
__attribute__((format(printf, 4, 5))) static json_t *
decode_ok(struct fx *f, const struct resource *r, bool creating, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *body = fx_vjson(fmt, ap);
    va_end(ap);
    struct err e = {0};
    json_t *out = resource_decode(f->st, r, body, creating, &e);
    if (!out)
        fail_msg("decode %s failed: %s (field \"%s\")", r->name, e.message, e.field);
    json_decref(body);
    return out;
}

/* Asserts that decoding fails with invalid_field naming `field`. */
__attribute__((format(printf, 5, 6))) static void decode_fails(struct fx *f,
                                                               const struct resource *r,
                                                               bool creating, const char *field,
                                                               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *body = fx_vjson(fmt, ap);
    va_end(ap);
    struct err e = {0};
    json_t *out = resource_decode(f->st, r, body, creating, &e);
    if (out) {
        char *in = json_dumps(body, JSON_COMPACT), *got = json_dumps(out, JSON_COMPACT);
        fail_msg("decode %s %s should fail naming %s, gave %s", r->name, in, field, got);
    }
    json_decref(body);
    assert_string_equal(err_name(e.code), "invalid_field");
    assert_string_equal(e.field, field);
    assert_true(e.message[0] != '\0');
}

static long long make_org(struct fx *f, const char *name)
{
    return fx_create(f, &res_orgs, "{\"name\": \"%s\", \"kind\": \"province\"}", name);
}

/* ---- required fields and types ---- */

static void test_required(void **state)
{
    struct fx *f = *state;
    /* Fields are checked in table order: name comes before kind. */
    decode_fails(f, &res_orgs, true, "name", "{}");
    decode_fails(f, &res_orgs, true, "kind", "{\"name\": \"Tỉnh ủy\"}");
    decode_fails(f, &res_orgs, true, "name", "{\"name\": null, \"kind\": \"province\"}");
    decode_fails(f, &res_orgs, true, "name", "{\"name\": \"  \\t \", \"kind\": \"province\"}");
    decode_fails(f, &res_people, true, "org_id", "{\"full_name\": \"Nguyễn Văn A\"}");
    /* On update nothing is required, but a required field cannot be emptied. */
    json_t *o = decode_ok(f, &res_orgs, false, "{}");
    assert_int_equal(json_object_size(o), 0);
    json_decref(o);
    decode_fails(f, &res_orgs, false, "name", "{\"name\": null}");
}

static void test_wrong_types(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long p = make_org(f, "Tỉnh");
    fx_commit(f);
    const char *ok = "\"name\": \"X\", \"kind\": \"province\"";
    decode_fails(f, &res_orgs, true, "name", "{\"name\": 5, \"kind\": \"province\"}");
    decode_fails(f, &res_orgs, true, "name", "{\"name\": [\"X\"], \"kind\": \"province\"}");
    decode_fails(f, &res_orgs, true, "sort_key", "{%s, \"sort_key\": \"3\"}", ok);
    decode_fails(f, &res_orgs, true, "sort_key", "{%s, \"sort_key\": 3.5}", ok);
    decode_fails(f, &res_orgs, true, "sort_key", "{%s, \"sort_key\": true}", ok);
    decode_fails(f, &res_orgs, true, "parent_id", "{%s, \"parent_id\": \"%lld\"}", ok, p);
    decode_fails(f, &res_orgs, true, "ended_on", "{%s, \"ended_on\": \"2025-02-30\"}", ok);
    decode_fails(f, &res_orgs, true, "ended_on", "{%s, \"ended_on\": \"1/7/2025\"}", ok);
    decode_fails(f, &res_terms, true, "starts_year",
                 "{\"org_id\": %lld, \"starts_year\": 1800, \"ends_year\": 2025}", p);
    decode_fails(f, &res_terms, true, "congress.pilot",
                 "{\"org_id\": %lld, \"starts_year\": 2020, \"ends_year\": 2025, "
                 "\"congress\": {\"pilot\": \"yes\"}}",
                 p);
    decode_fails(f, &res_tasks, false, "coordinating_org_ids", "{\"coordinating_org_ids\": %lld}",
                 p);
    decode_fails(f, &res_tasks, false, "coordinating_org_ids[0]",
                 "{\"coordinating_org_ids\": [\"%lld\"]}", p);
    decode_fails(f, &res_items, false, "reported_by_kinds[1]",
                 "{\"reported_by_kinds\": [\"district\", 3]}");
    decode_fails(f, &res_items, false, "baseline", "{\"baseline\": \"12,5\"}");
    /* A real for an integer is refused; an integer for a real is taken as a number. */
    json_t *o = decode_ok(f, &res_items, false, "{\"baseline\": 12, \"target\": 12.5}");
    assert_true(json_is_real(json_object_get(o, "baseline")));
    assert_true(json_real_value(json_object_get(o, "baseline")) == 12.0);
    json_decref(o);

    /* A body that is not an object. */
    json_t *body = json_array();
    struct err e = {0};
    assert_null(resource_decode(f->st, &res_orgs, body, true, &e));
    assert_string_equal(err_name(e.code), "invalid_field");
    assert_string_equal(e.field, "");
    json_decref(body);
}

static void test_text_limits_and_bytes(void **state)
{
    struct fx *f = *state;
    /* code holds at most 50 code points: 50 "đ" (100 bytes) pass, 51 do not. */
    char code[256] = "";
    for (int i = 0; i < 50; i++)
        strcat(code, "đ");
    json_t *o = decode_ok(f, &res_orgs, false, "{\"code\": \"%s\"}", code);
    assert_string_equal(obj_str(o, "code"), code);
    json_decref(o);
    strcat(code, "đ");
    decode_fails(f, &res_orgs, false, "code", "{\"code\": \"%s\"}", code);

    /* Bytes that are not UTF-8, and a NUL inside a string, are refused. */
    json_t *body = json_object();
    json_object_set_new(body, "name", json_string_nocheck("T\xe1\xbb"));
    struct err e = {0};
    assert_null(resource_decode(f->st, &res_orgs, body, false, &e));
    assert_string_equal(e.field, "name");
    json_object_set_new(body, "name", json_stringn("a\0b", 3));
    err_clear(&e);
    assert_null(resource_decode(f->st, &res_orgs, body, false, &e));
    assert_string_equal(e.field, "name");
    json_decref(body);
}

static void test_enum(void **state)
{
    struct fx *f = *state;
    decode_fails(f, &res_orgs, true, "kind", "{\"name\": \"X\", \"kind\": \"commune\"}");
    decode_fails(f, &res_orgs, true, "kind", "{\"name\": \"X\", \"kind\": \"Province\"}");
    decode_fails(f, &res_orgs, true, "kind", "{\"name\": \"X\", \"kind\": 1}");
    decode_fails(f, &res_tasks, false, "status", "{\"status\": \"overdue\"}");
    decode_fails(f, &res_items, false, "rollup", "{\"rollup\": \"average\"}");
    struct err e = {0};
    json_t *body = fx_json("{\"name\": \"X\", \"kind\": \"village\"}");
    assert_null(resource_decode(f->st, &res_orgs, body, true, &e));
    /* The message lists what is allowed. */
    assert_non_null(strstr(e.message, "grassroots"));
    json_decref(body);
    for (const char *const *k = org_kinds; *k; k++) {
        json_t *o = decode_ok(f, &res_orgs, true, "{\"name\": \"X\", \"kind\": \"%s\"}", *k);
        assert_string_equal(obj_str(o, "kind"), *k);
        json_decref(o);
    }
}

/* ---- text and periods are normalised ---- */

static void test_nfd_stored_as_nfc(void **state)
{
    struct fx *f = *state;
    const char *nfd = "Mo\xcc\x81ng Ca\xcc\x81i", *nfc = "M\xc3\xb3ng C\xc3\xa1i";
    json_t *o = decode_ok(f, &res_orgs, true, "{\"name\": \"%s\", \"kind\": \"district\"}", nfd);
    assert_string_equal(obj_str(o, "name"), nfc);
    json_decref(o);

    fx_begin(f);
    long long id = fx_create(f, &res_orgs,
                             "{\"name\": \"Đảng bộ thành phố %s\", \"kind\": \"district\", "
                             "\"short_name\": \"Thành u\xcc\x89y %s\"}",
                             nfd, nfd);
    fx_commit(f);
    o = fx_get(f, &res_orgs, id);
    assert_string_equal(obj_str(o, "name"), "Đảng bộ thành phố Móng Cái");
    assert_string_equal(obj_str(o, "short_name"), "Thành ủy Móng Cái");
    json_decref(o);
    assert_int_equal(fx_sql_int(f, "SELECT count(*) FROM orgs WHERE name = 'Đảng bộ thành phố "
                                   "Móng Cái'"),
                     1);
    /* Text lists are normalised as well. */
    o = decode_ok(f, &res_items, false, "{\"reported_by_kinds\": [\"%s\"]}", nfd);
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(o, "reported_by_kinds"), 0)), nfc);
    json_decref(o);
}

static void assert_period(struct fx *f, const char *given, const char *code)
{
    json_t *body = json_pack("{s:s}", "period", given);
    struct err e = {0};
    json_t *o = resource_decode(f->st, &res_tasks, body, false, &e);
    if (!o)
        fail_msg("period \"%s\" refused: %s", given, e.message);
    assert_string_equal(obj_str(o, "period"), code);
    json_decref(o);
    json_decref(body);
}

static void test_period_labels(void **state)
{
    struct fx *f = *state;
    assert_period(f, "Quý II/2021", "2021-Q2");
    assert_period(f, "quý 2/2021", "2021-Q2");
    assert_period(f, "Qu\xc3\xbd II/2021", "2021-Q2");
    assert_period(f, "Quy\xcc\x81 II/2021", "2021-Q2"); /* NFD */
    assert_period(f, "6 tháng đầu năm 2021", "2021-H1");
    assert_period(f, "6 tháng cuối năm 2021", "2021-H2");
    assert_period(f, "tháng 6/2021", "2021-06");
    assert_period(f, "năm 2021", "2021");
    assert_period(f, "cả nhiệm kỳ", "term");
    assert_period(f, "2021-Q2", "2021-Q2");
    assert_period(f, "term", "term");
    decode_fails(f, &res_tasks, false, "period", "{\"period\": \"2021-Q5\"}");
    decode_fails(f, &res_tasks, false, "period", "{\"period\": \"Quý V/2021\"}");
    decode_fails(f, &res_tasks, false, "period", "{\"period\": \"sometime\"}");
    decode_fails(f, &res_meetings, false, "planned_period", "{\"planned_period\": \"2021-13\"}");
}

/* ---- references ---- */

static void test_unknown_reference(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = make_org(f, "A"), b = make_org(f, "B");
    fx_commit(f);
    decode_fails(f, &res_orgs, true, "parent_id",
                 "{\"name\": \"X\", \"kind\": \"cell\", \"parent_id\": 999}");
    decode_fails(f, &res_orgs, true, "parent_id",
                 "{\"name\": \"X\", \"kind\": \"cell\", \"parent_id\": 0}");
    decode_fails(f, &res_orgs, true, "parent_id",
                 "{\"name\": \"X\", \"kind\": \"cell\", \"parent_id\": -%lld}", a);
    decode_fails(f, &res_people, true, "org_id", "{\"full_name\": \"X\", \"org_id\": 31337}");
    decode_fails(f, &res_tasks, false, "coordinating_org_ids[2]",
                 "{\"coordinating_org_ids\": [%lld, %lld, 999]}", a, b);
    decode_fails(f, &res_tasks, true, "program_id",
                 "{\"program_id\": 5, \"title\": \"T\", \"lead_org_id\": %lld}", a);
    /* A reference of the right number to the wrong noun: org a is no person. */
    decode_fails(f, &res_tasks, false, "person_id", "{\"person_id\": %lld}", a);
    json_t *o = decode_ok(f, &res_orgs, true,
                          "{\"name\": \"X\", \"kind\": \"cell\", \"parent_id\": %lld}", a);
    assert_int_equal(obj_int(o, "parent_id"), a);
    json_decref(o);
    /* null clears a reference. */
    o = decode_ok(f, &res_orgs, false, "{\"parent_id\": null}");
    assert_true(json_is_null(json_object_get(o, "parent_id")));
    json_decref(o);
}

/* ---- grouped fields and lists of objects ---- */

static void test_grouped_fields(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long p = make_org(f, "Tỉnh");
    fx_commit(f);
    const char *head = "\"starts_year\": 2020, \"ends_year\": 2025";
    decode_fails(f, &res_terms, true, "congress.ordinal",
                 "{\"org_id\": %lld, %s, \"congress\": {\"ordinal\": 0}}", p, head);
    decode_fails(f, &res_terms, true, "congress.ordinal",
                 "{\"org_id\": %lld, %s, \"congress\": {\"ordinal\": \"XXIV\"}}", p, head);
    decode_fails(f, &res_terms, true, "congress.held_from",
                 "{\"org_id\": %lld, %s, \"congress\": {\"held_from\": \"2020-13-01\"}}", p, head);
    decode_fails(f, &res_terms, true, "congress.status",
                 "{\"org_id\": %lld, %s, \"congress\": {\"status\": \"done\"}}", p, head);
    decode_fails(f, &res_terms, true, "congress", "{\"org_id\": %lld, %s, \"congress\": 24}", p,
                 head);

    /* Stored flat under column names, with the group's defaults. */
    json_t *o = decode_ok(f, &res_terms, true,
                          "{\"org_id\": %lld, %s, \"congress\": {\"ordinal\": 24, "
                          "\"held_to\": \"2020-07-10\"}}",
                          p, head);
    assert_int_equal(obj_int(o, "congress_ordinal"), 24);
    assert_string_equal(obj_str(o, "congress_held_to"), "2020-07-10");
    assert_string_equal(obj_str(o, "congress_status"), "planned");
    assert_true(json_is_false(json_object_get(o, "congress_pilot")));
    assert_null(json_object_get(o, "congress"));
    json_decref(o);

    /* Shown nested, the ordinal also as a Roman numeral. */
    fx_begin(f);
    o = fx_create_obj(f, &res_terms,
                      "{\"org_id\": %lld, %s, \"congress\": {\"ordinal\": 24, \"pilot\": true}}", p,
                      head);
    fx_commit(f);
    json_t *c = json_object_get(o, "congress");
    assert_true(json_is_object(c));
    assert_int_equal(obj_int(c, "ordinal"), 24);
    assert_string_equal(obj_str(c, "ordinal_roman"), "XXIV");
    assert_true(json_is_true(json_object_get(c, "pilot")));
    assert_null(json_object_get(o, "congress_ordinal"));
    json_decref(o);

    /* The term's own rule names the grouped field too. */
    fx_begin(f);
    fx_create_fails(f, &res_terms, E_INVALID_FIELD, "congress.held_to",
                    "{\"org_id\": %lld, %s, \"congress\": {\"held_from\": \"2020-07-10\", "
                    "\"held_to\": \"2020-07-09\"}}",
                    p, head);
    store_rollback(f->st);
}

static void test_objects_list(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long p = make_org(f, "Tỉnh");
    fx_commit(f);
    const char *head = "\"body\": \"btv\", \"planned_period\": \"2021-Q1\"";
    decode_fails(f, &res_meetings, true, "agenda[0].title",
                 "{\"org_id\": %lld, %s, \"agenda\": [{}]}", p, head);
    decode_fails(f, &res_meetings, true, "agenda[1].title",
                 "{\"org_id\": %lld, %s, \"agenda\": [{\"title\": \"A\"}, {\"title\": null}]}", p,
                 head);
    decode_fails(f, &res_meetings, true, "agenda[0].title",
                 "{\"org_id\": %lld, %s, \"agenda\": [{\"title\": 7}]}", p, head);
    decode_fails(f, &res_meetings, true, "agenda[0].task_id",
                 "{\"org_id\": %lld, %s, \"agenda\": [{\"title\": \"A\", \"task_id\": 999}]}", p,
                 head);
    decode_fails(f, &res_meetings, true, "agenda[2]",
                 "{\"org_id\": %lld, %s, \"agenda\": [{\"title\": \"A\"}, {\"title\": \"B\"}, "
                 "\"C\"]}",
                 p, head);
    decode_fails(f, &res_meetings, true, "agenda",
                 "{\"org_id\": %lld, %s, \"agenda\": {\"title\": \"A\"}}", p, head);

    /* Unknown keys of an element are dropped; text is NFC; the list round-trips. */
    fx_begin(f);
    json_t *o = fx_create_obj(f, &res_meetings,
                              "{\"org_id\": %lld, %s, \"agenda\": [{\"title\": \"Ca\xcc\x81n "
                              "bô\xcc\xa3\", \"extra\": 1}, {\"title\": \"B\"}]}",
                              p, head);
    fx_commit(f);
    long long id = obj_int(o, "id");
    json_decref(o);
    o = fx_get(f, &res_meetings, id);
    json_t *agenda = json_object_get(o, "agenda");
    assert_int_equal(json_array_size(agenda), 2);
    assert_string_equal(obj_str(json_array_get(agenda, 0), "title"), "Cán bộ");
    assert_null(json_object_get(json_array_get(agenda, 0), "extra"));
    assert_string_equal(obj_str(json_array_get(agenda, 1), "title"), "B");
    json_decref(o);
}

static void test_duplicate_ids_collapse(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = make_org(f, "A"), b = make_org(f, "B"), c = make_org(f, "C");
    fx_commit(f);
    json_t *o = decode_ok(f, &res_tasks, false,
                          "{\"coordinating_org_ids\": [%lld, %lld, %lld, "
                          "%lld, %lld]}",
                          b, a, b, c, a);
    FX_IDS(json_object_get(o, "coordinating_org_ids"), b, a, c);
    json_decref(o);
    o = decode_ok(f, &res_tasks, false, "{\"coordinating_org_ids\": null}");
    assert_int_equal(json_array_size(json_object_get(o, "coordinating_org_ids")), 0);
    json_decref(o);

    /* Through the write path and back. */
    fx_begin(f);
    long long prog = fx_create(
        f, &res_programs, "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\"}", a);
    long long t = fx_create(f, &res_tasks,
                            "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld, "
                            "\"coordinating_org_ids\": [%lld, %lld, %lld]}",
                            prog, a, c, b, c);
    fx_commit(f);
    o = fx_get(f, &res_tasks, t);
    FX_IDS(json_object_get(o, "coordinating_org_ids"), c, b);
    json_decref(o);
    assert_int_equal(
        fx_sql_int(f, "SELECT count(*) FROM tasks__coordinating_org_ids WHERE owner_id = %lld", t),
        2);
}

static void test_read_only_fields_ignored(void **state)
{
    struct fx *f = *state;
    json_t *o = decode_ok(f, &res_orgs, true,
                          "{\"id\": 99, \"name\": \"X\", \"kind\": \"cell\", \"path\": \"/1/\", "
                          "\"created_at\": \"2000-01-01T00:00:00Z\", \"updated_at\": 5, "
                          "\"no_such_field\": [1]}");
    assert_null(json_object_get(o, "id"));
    assert_null(json_object_get(o, "path"));
    assert_null(json_object_get(o, "created_at"));
    assert_null(json_object_get(o, "updated_at"));
    assert_null(json_object_get(o, "no_such_field"));
    json_decref(o);
    o = decode_ok(f, &res_tasks, false, "{\"overdue\": true, \"due_day\": 3, \"id\": \"x\"}");
    assert_int_equal(json_object_size(o), 0);
    json_decref(o);
    /* A waiver is not set through the generic path. */
    o = decode_ok(f, &res_items, false, "{\"waiver_reason\": \"không cần\"}");
    assert_null(json_object_get(o, "waiver_reason"));
    json_decref(o);

    fx_begin(f);
    json_t *made = fx_create_obj(f, &res_orgs,
                                 "{\"id\": 4242, \"name\": \"X\", \"kind\": \"cell\", \"path\": "
                                 "\"/7/\", \"created_at\": \"2000-01-01T00:00:00Z\"}");
    long long id = obj_int(made, "id");
    assert_true(id != 4242);
    assert_string_not_equal(obj_str(made, "created_at"), "2000-01-01T00:00:00Z");
    json_decref(made);
    /* Immutable on update: a task cannot change program. */
    long long prog = fx_create(
        f, &res_programs, "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\"}", id);
    long long prog2 = fx_create(
        f, &res_programs, "{\"org_id\": %lld, \"kind\": \"work_program\", \"title\": \"Q\"}", id);
    long long t = fx_create(
        f, &res_tasks, "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld}", prog, id);
    json_decref(fx_update(f, &res_tasks, t, "{\"program_id\": %lld, \"id\": 1000}", prog2));
    fx_commit(f);
    char want[32];
    snprintf(want, sizeof want, "/%lld/", id);
    fx_assert_path(f, id, want);
    assert_int_equal(fx_get_int(f, &res_tasks, t, "program_id"), prog);
    assert_false(store_exists(f->st, &res_tasks, 1000));
}

static void test_defaults(void **state)
{
    struct fx *f = *state;
    json_t *o = decode_ok(f, &res_tasks, false, "{\"title\": \"T\"}");
    assert_null(json_object_get(o, "status")); /* defaults apply on create only */
    json_decref(o);
    fx_begin(f);
    long long a = make_org(f, "A");
    long long prog = fx_create(
        f, &res_programs, "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\"}", a);
    fx_commit(f);
    o = fx_get(f, &res_programs, prog);
    assert_string_equal(obj_str(o, "status"), "draft");
    json_decref(o);
    o = decode_ok(f, &res_tasks, true,
                  "{\"program_id\": %lld, \"title\": \"T\", \"lead_org_id\": %lld}", prog, a);
    assert_string_equal(obj_str(o, "status"), "not_started");
    json_decref(o);
}

/* ---- filters ---- */

static void test_filter_value(void **state)
{
    (void)state;
    const struct field *fld = NULL;
    struct err e = {0};
    json_t *v = resource_filter_value(&res_tasks, "coordinating_org_id", "5", &fld, &e);
    assert_non_null(v);
    assert_ptr_equal(fld, resource_field(&res_tasks, "coordinating_org_ids"));
    assert_int_equal(json_integer_value(v), 5);
    json_decref(v);

    v = resource_filter_value(&res_tasks, "lead_org_id", "12", &fld, &e);
    assert_ptr_equal(fld, resource_field(&res_tasks, "lead_org_id"));
    assert_int_equal(json_integer_value(v), 12);
    json_decref(v);

    v = resource_filter_value(&res_tasks, "status", "done", &fld, &e);
    assert_string_equal(json_string_value(v), "done");
    json_decref(v);

    v = resource_filter_value(&res_tasks, "period", "Quý II/2021", &fld, &e);
    assert_non_null(v);
    assert_string_equal(json_string_value(v), "2021-Q2");
    json_decref(v);

    v = resource_filter_value(&res_terms, "congress.pilot", "true", &fld, &e);
    assert_non_null(v);
    assert_true(json_is_true(v));
    assert_string_equal(fld->group, "congress");
    assert_string_equal(field_path(fld), "congress.pilot");
    json_decref(v);

    v = resource_filter_value(&res_orgs, "name", "Mo\xcc\x81ng Ca\xcc\x81i", &fld, &e);
    assert_string_equal(json_string_value(v), "Móng Cái");
    json_decref(v);
    assert_false(err_is_set(&e));

    /* Unknown names, hidden and derived fields, and bad values. */
    const char *bad_names[] = {"coordinating_org", "no_such", "due_day",
                               "overdue",          "path",    "agenda"};
    const struct resource *bad_res[] = {&res_tasks, &res_tasks, &res_tasks,
                                        &res_tasks, &res_orgs,  &res_meetings};
    for (size_t i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++) {
        err_clear(&e);
        v = resource_filter_value(bad_res[i], bad_names[i], "1", &fld, &e);
        if (v)
            fail_msg("filter %s of %s should be unknown", bad_names[i], bad_res[i]->name);
        assert_string_equal(err_name(e.code), "invalid_field");
        assert_string_equal(e.field, bad_names[i]);
    }
    const char *bad_values[][2] = {{"lead_org_id", "abc"},      {"lead_org_id", "12x"},
                                   {"lead_org_id", ""},         {"status", "late"},
                                   {"due_on", "2021-02-30"},    {"period", "2021-Q9"},
                                   {"coordinating_org_id", "x"}};
    for (size_t i = 0; i < sizeof bad_values / sizeof bad_values[0]; i++) {
        err_clear(&e);
        v = resource_filter_value(&res_tasks, bad_values[i][0], bad_values[i][1], &fld, &e);
        if (v)
            fail_msg("filter %s=%s should be refused", bad_values[i][0], bad_values[i][1]);
        assert_string_equal(err_name(e.code), "invalid_field");
        assert_string_equal(e.field, bad_values[i][0]);
    }
}

/* A filter value found by resource_filter_value selects through store_list. */
static void test_filter_lists(void **state)
{
    struct fx *f = *state;
    fx_begin(f);
    long long a = make_org(f, "A"), b = make_org(f, "B"), c = make_org(f, "C");
    long long prog = fx_create(
        f, &res_programs, "{\"org_id\": %lld, \"kind\": \"action_program\", \"title\": \"P\"}", a);
    long long t1 = fx_create(f, &res_tasks,
                             "{\"program_id\": %lld, \"title\": \"1\", \"lead_org_id\": %lld, "
                             "\"coordinating_org_ids\": [%lld]}",
                             prog, a, b);
    long long t2 = fx_create(f, &res_tasks,
                             "{\"program_id\": %lld, \"title\": \"2\", \"lead_org_id\": %lld, "
                             "\"coordinating_org_ids\": [%lld, %lld]}",
                             prog, a, c, b);
    fx_create(f, &res_tasks,
              "{\"program_id\": %lld, \"title\": \"3\", \"lead_org_id\": %lld, "
              "\"coordinating_org_ids\": [%lld]}",
              prog, a, c);
    fx_commit(f);
    char text[32];
    snprintf(text, sizeof text, "%lld", b);
    struct err e = {0};
    struct store_filter flt;
    flt.value = resource_filter_value(&res_tasks, "coordinating_org_id", text, &flt.field, &e);
    assert_non_null(flt.value);
    json_t *rows = store_list(f->st, &res_tasks, &flt, 1, 0, 50, &e);
    assert_non_null(rows);
    json_t *ids = json_array();
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row) json_array_append_new(ids, json_integer(obj_int(row, "id")));
    FX_IDS(ids, t1, t2);
    json_decref(ids);
    json_decref(rows);
    json_decref(flt.value);
}

static void test_get_unknown(void **state)
{
    struct fx *f = *state;
    struct err e = {0};
    assert_null(resource_get(f->st, &res_orgs, 12345, &e));
    assert_string_equal(err_name(e.code), "not_found");
    err_clear(&e);
    json_t *body = fx_json("{\"name\": \"X\"}");
    assert_null(resource_update(f->st, &res_orgs, 12345, body, &f->actor, &e));
    assert_string_equal(err_name(e.code), "not_found");
    json_decref(body);
    err_clear(&e);
    assert_int_equal(resource_delete(f->st, &res_orgs, 12345, &f->actor, &e), -1);
    assert_string_equal(err_name(e.code), "not_found");
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_required, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_types, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_text_limits_and_bytes, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_enum, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_nfd_stored_as_nfc, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_period_labels, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_unknown_reference, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_grouped_fields, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_objects_list, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_ids_collapse, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_read_only_fields_ignored, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_defaults, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_filter_value, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_filter_lists, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_get_unknown, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
