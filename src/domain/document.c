/*
 * Document (văn bản): type, number and symbol exactly as issued. Practice varies
 * ("01-CT/TU", "147-CTHĐ/TU"), so the symbol is stored as given, never rebuilt.
 */
#include "domain/nouns.h"

static const struct field document_fields[] = {
    FIELD_ID,
    {"org_id", NULL, FT_REF, F_REQUIRED, NULL, "orgs", 0, 0, NULL, NULL, "issuing org"},
    {"type", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 20, NULL, NULL,
     "type code (NQ, CTr, KH, BC, KL, TB, QĐ, HD, CT…)"},
    {"title", NULL, FT_TEXT, F_REQUIRED, NULL, NULL, 0, 1000, NULL, NULL, "trích yếu"},
    {"number", NULL, FT_INT, 0, NULL, NULL, 1, 1000000, NULL, NULL, "số"},
    {"symbol", NULL, FT_TEXT, 0, NULL, NULL, 0, 100, NULL, NULL, "số và ký hiệu as issued"},
    {"issued_on", NULL, FT_DATE, 0, NULL, NULL, 0, 0, NULL, NULL, "date of issue"},
    {"signer", NULL, FT_TEXT, 0, NULL, NULL, 0, 200, NULL, NULL, "who signed"},
    FIELD_CREATED,
    FIELD_UPDATED,
    FIELD_END,
};

static const char *const res_documents_search[] = {"title", "symbol", NULL};

const struct resource res_documents = {
    .search = res_documents_search,
    .name = "documents",
    .singular = "document",
    .label_vi = "văn bản",
    .fields = document_fields,
};
