/*
 * Evidence uploads: POST /api/v1/files?name=báo-cáo.pdf with the file as the body stores it
 * by content hash; GET /api/v1/files/{id} gives its metadata and /files/{id}/content its
 * bytes, as an attachment. The body limit (10 MiB) bounds the size; the type is recognised
 * from the bytes; the name is sanitised. A file is readable by whoever may read a task
 * update it is attached to (or, before it is attached, by any signed-in user).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/access.h"
#include "domain/file.h"
#include "domain/nouns.h"
#include "http/http.h"

int api_file_create(struct request *q, struct response *res, struct err *e)
{
    static const char *const allowed[] = {"name", NULL};
    if (query_only(q, allowed, e) != 0)
        return -1;
    if (access_max_role(&q->access) < ROLE_REPORTER)
        return err_set(e, E_FORBIDDEN, NULL,
                       "Tài khoản của bạn không được tải tệp lên. / Your "
                       "role may not upload files.");
    if (!q->body || q->body_len == 0)
        return err_set(e, E_INVALID_FIELD, NULL, "Tệp rỗng. / The file is empty.");
    char *name = file_sanitise_name(q->query(q, "name"));
    const char *type = file_detect_type((const unsigned char *)q->body, q->body_len, name);
    if (!type) {
        free(name);
        return err_set(e, E_INVALID_FIELD, "name",
                       "Chỉ nhận tệp PDF, ảnh PNG/JPEG, Word, Excel, "
                       "PowerPoint hoặc văn bản UTF-8. / Only PDF, PNG, JPEG, DOCX, XLSX, PPTX or "
                       "UTF-8 text files are accepted.");
    }
    char sha[65];
    file_sha256_hex((const unsigned char *)q->body, q->body_len, sha);
    json_t *row = json_pack("{s:s,s:s,s:s,s:I}", "sha256", sha, "name", name, "type", type, "size",
                            (json_int_t)q->body_len);
    free(name);
    long long id = 0;
    int rc = store_file_put(q->st, sha, q->body, q->body_len, e);
    if (rc == 0)
        rc = store_insert(q->st, &res_files, row, &id, e);
    json_decref(row);
    json_t *obj = rc == 0 ? resource_get(q->st, &res_files, id, e) : NULL;
    if (!obj)
        return -1;
    if (store_audit(q->st, q->actor.user, q->actor.address, "create", "files", id, NULL, obj, e)) {
        json_decref(obj);
        return -1;
    }
    snprintf(res->location, sizeof res->location, "/api/v1/files/%lld", id);
    respond_json(res, 201, obj);
    return 0;
}

/* The file of path segment 1, if the caller may read it; NULL with 404 otherwise. */
static json_t *readable_file(struct request *q, struct err *e)
{
    long long id;
    if (segment_id(q, 1, &id, e) != 0)
        return NULL;
    json_t *shown = resource_get_as(q->st, &res_files, id, &q->access, e);
    if (!shown)
        return NULL;
    json_decref(shown);
    return store_get(q->st, &res_files, id, e);
}

int api_file_get(struct request *q, struct response *res, struct err *e)
{
    json_t *file = readable_file(q, e);
    if (!file)
        return -1;
    respond_json(res, 200, resource_present(q->st, &res_files, file));
    json_decref(file);
    return 0;
}

int api_file_content(struct request *q, struct response *res, struct err *e)
{
    json_t *file = readable_file(q, e);
    if (!file)
        return -1;
    size_t len = 0;
    void *data = store_file_data(q->st, obj_str(file, "sha256"), &len);
    if (!data) {
        json_decref(file);
        return err_set(e, E_INTERNAL, NULL, "Thiếu nội dung tệp. / The file's bytes are missing.");
    }
    res->raw = data;
    res->raw_len = len;
    /* The stored type, never the name, decides how a browser treats the bytes; and always as
     * a download, so an uploaded file can never run as a page of this origin. */
    snprintf(res->content_type_buf, sizeof res->content_type_buf, "%s", obj_str(file, "type"));
    res->content_type = res->content_type_buf;
    snprintf(res->disposition, sizeof res->disposition, "attachment; filename=\"evidence-%lld\"",
             obj_int(file, "id"));
    res->cache_control = "private, no-cache";
    json_decref(file);
    return 0;
}
