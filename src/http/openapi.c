/*
 * GET /api/v1/openapi.json, built from the same field tables that validate requests, so the
 * document and the validation cannot disagree.
 */
#include <string.h>
#include "http/http.h"

static json_t *schema_of(const struct field *f)
{
    json_t *s = json_object();
    switch (f->type) {
    case FT_ID:
    case FT_INT:
    case FT_REF:
        json_object_set_new(s, "type", json_string("integer"));
        break;
    case FT_REAL:
        json_object_set_new(s, "type", json_string("number"));
        break;
    case FT_BOOL:
        json_object_set_new(s, "type", json_string("boolean"));
        break;
    case FT_REFS:
        json_object_set_new(s, "type", json_string("array"));
        json_object_set_new(s, "items", json_pack("{s:s}", "type", "integer"));
        break;
    case FT_TEXTS:
        json_object_set_new(s, "type", json_string("array"));
        json_object_set_new(s, "items", json_pack("{s:s}", "type", "string"));
        break;
    case FT_OBJECTS: {
        json_t *props = json_object();
        for (const struct field *sf = f->sub; sf && sf->name; sf++)
            json_object_set_new(props, sf->name, schema_of(sf));
        json_object_set_new(s, "type", json_string("array"));
        json_object_set_new(s, "items",
                            json_pack("{s:s,s:o}", "type", "object", "properties", props));
        break;
    }
    case FT_DATE:
        json_object_set_new(s, "type", json_string("string"));
        json_object_set_new(s, "format", json_string("date"));
        break;
    case FT_TIMESTAMP:
        json_object_set_new(s, "type", json_string("string"));
        json_object_set_new(s, "format", json_string("date-time"));
        break;
    case FT_PERIOD:
        json_object_set_new(s, "type", json_string("string"));
        json_object_set_new(s, "pattern",
                            json_string("^(term|[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?)$"));
        break;
    case FT_ENUM: {
        json_t *values = json_array();
        for (const char *const *v = f->values; *v; v++)
            json_array_append_new(values, json_string(*v));
        json_object_set_new(s, "type", json_string("string"));
        json_object_set_new(s, "enum", values);
        break;
    }
    case FT_TEXT:
        json_object_set_new(s, "type", json_string("string"));
        if (f->max > 0)
            json_object_set_new(s, "maxLength", json_integer((json_int_t)f->max));
        break;
    }
    if ((f->type == FT_INT || f->type == FT_REAL) && f->min < f->max) {
        json_object_set_new(s, "minimum", json_real(f->min));
        json_object_set_new(s, "maximum", json_real(f->max));
    }
    if (f->flags & F_READONLY)
        json_object_set_new(s, "readOnly", json_true());
    if (f->flags & F_WRITEONLY)
        json_object_set_new(s, "writeOnly", json_true());
    if (f->doc)
        json_object_set_new(s, "description", json_string(f->doc));
    if (f->type == FT_REF || f->type == FT_REFS)
        json_object_set_new(s, "x-references", json_string(f->ref));
    return s;
}

static json_t *schema_of_resource(const struct resource *r)
{
    json_t *props = json_object(), *required = json_array();
    for (const struct field *f = r->fields; f->name; f++) {
        if (f->flags & F_HIDDEN)
            continue;
        json_t *target = props;
        if (f->group) {
            json_t *g = json_object_get(props, f->group);
            if (!g) {
                g = json_pack("{s:s,s:{}}", "type", "object", "properties");
                json_object_set_new(props, f->group, g);
            }
            target = json_object_get(g, "properties");
        }
        json_object_set_new(target, f->name, schema_of(f));
        if ((f->flags & F_REQUIRED) && !f->group &&
            !(f->flags & F_IMMUTABLE && r->parent_field && !strcmp(f->name, r->parent_field)))
            json_array_append_new(required, json_string(f->name));
    }
    return json_pack("{s:s,s:o,s:o,s:s}", "type", "object", "properties", props, "required",
                     required, "description", r->label_vi);
}

static json_t *op(const char *summary, const char *schema_ref, int status)
{
    json_t *responses = json_object();
    char code[8];
    snprintf(code, sizeof code, "%d", status);
    json_t *ok = json_pack("{s:s}", "description", summary);
    if (schema_ref)
        json_object_set_new(
            ok, "content",
            json_pack("{s:{s:{s:s}}}", "application/json", "schema", "$ref", schema_ref));
    json_object_set_new(responses, code, ok);
    json_object_set_new(responses, "default",
                        json_pack("{s:s,s:{s:{s:{s:s}}}}", "description", "error", "content",
                                  "application/json", "schema", "$ref",
                                  "#/components/schemas/Error"));
    return json_pack("{s:s,s:o}", "summary", summary, "responses", responses);
}

int api_openapi(struct request *q, struct response *res, struct err *e)
{
    json_t *schemas = json_object(), *paths = json_object();
    json_object_set_new(schemas, "Error",
                        json_pack("{s:s,s:{s:{s:s,s:{s:{s:s},s:{s:s},s:{s:s}}}}}", "type", "object",
                                  "properties", "error", "type", "object", "properties", "code",
                                  "type", "string", "message", "type", "string", "field", "type",
                                  "string"));
    for (int i = 0; resources[i]; i++) {
        const struct resource *r = resources[i];
        if (r->no_api)
            continue;
        char ref[128], path[160];
        snprintf(ref, sizeof ref, "#/components/schemas/%s", r->singular);
        json_object_set_new(schemas, r->singular, schema_of_resource(r));
        json_t *body =
            json_pack("{s:{s:{s:{s:s}}}}", "content", "application/json", "schema", "$ref", ref);
        if (r->parent_path) {
            snprintf(path, sizeof path, "/api/v1/%s/{id}/%s", r->parent_path, r->sub_path);
            json_t *create = op("create", ref, 201);
            json_object_set(create, "requestBody", body);
            json_object_set_new(
                paths, path, json_pack("{s:o,s:o}", "get", op("list", NULL, 200), "post", create));
        } else {
            snprintf(path, sizeof path, "/api/v1/%s", r->name);
            json_t *create = op("create", ref, 201);
            json_object_set(create, "requestBody", body);
            json_object_set_new(
                paths, path, json_pack("{s:o,s:o}", "get", op("list", NULL, 200), "post", create));
        }
        snprintf(path, sizeof path, "/api/v1/%s/{id}", r->item_path ? r->item_path : r->name);
        json_t *patch = op("update", ref, 200);
        json_object_set(patch, "requestBody", body);
        json_object_set_new(paths, path,
                            json_pack("{s:o,s:o,s:o}", "get", op("read", ref, 200), "patch", patch,
                                      "delete", op("delete", NULL, 204)));
        json_decref(body);
    }
    static const char *const questions[][2] = {
        {"/api/v1/orgs/{id}/rollup", "roll-up of the org's subtree (term_year, by=program|lead)"},
        {"/api/v1/orgs/{id}/cascade", "subordinates' programs for a resolution (resolution_id)"},
        {"/api/v1/orgs/{id}/children", "direct children"},
        {"/api/v1/orgs/{id}/subtree", "the whole subtree"},
        {"/api/v1/orgs/{id}/moves", "the org's moves between parents (history)"},
        {"/api/v1/files", "POST: upload evidence (?name=; the file is the body)"},
        {"/api/v1/files/{id}/content", "the evidence's bytes, as an attachment"},
        {"/api/v1/resolutions/{id}/coverage", "coverage of the resolution (program_id)"},
        {"/api/v1/resolutions/{id}/suggest", "items a text most likely serves (text, limit)"},
        {"/api/v1/indicators/{id}/rollup", "indicator rolled up (org_id, period, status)"},
        {"/api/v1/search", "search across nouns (q)"},
        {"/api/v1/audit", "audit trail (since), admins"},
        {"/api/v1/session", "sign-in state"},
    };
    for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++)
        json_object_set_new(paths, questions[i][0],
                            json_pack("{s:o}", "get", op(questions[i][1], NULL, 200)));
    json_t *doc = json_pack(
        "{s:s,s:{s:s,s:s,s:s},s:o,s:{s:o,s:{s:{s:s,s:s},s:{s:s,s:s,s:s}}},s:[{s:[]},{s:[]}]}",
        "openapi", "3.0.3", "info", "title", "trienkhai API", "version", "1", "description",
        "Triển khai nghị quyết: the fixed core of API.md and its extensions.", "paths", paths,
        "components", "schemas", schemas, "securitySchemes", "bearer", "type", "http", "scheme",
        "bearer", "cookie", "type", "apiKey", "in", "cookie", "name", "tk_session", "security",
        "bearer", "cookie");
    respond_json(res, 200, doc);
    return 0;
}
