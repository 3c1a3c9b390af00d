/*
 * `trienkhai gen --tier province|country --db FILE [--seed N]`: like `init`, then a
 * deterministic synthetic data set of the tier's size (DESIGN.md, "Scale the design must
 * hold"), written through the one write path imports use (resource_create inside
 * store_begin/store_commit, committed every ~50,000 rows to bound the WAL).
 *
 * The data: a Party organisation tree of 4–6 levels (province → district-level committee →
 * grassroots organisation → [đảng bộ bộ phận →] cell [→ tổ đảng], with the advisory bodies
 * of each committee), people homed in it, terms and congresses, committee seats and
 * assignments, congress resolutions with their items (goals, indicators with roll-up rules,
 * key tasks, breakthroughs, solutions), the documents that issue them, programs of every kind
 * (action programs, implementation plans cascading from a parent's task, work, inspection and
 * dissemination programs, one personal plan per person whose items are tasks), tasks with lead,
 * coordinating and monitoring orgs inside the program org's subtree and the items they cover,
 * task updates, indicator values by period, dissemination sessions, meetings, inspections.
 * All names are plausible and invented (Vietnamese, NFC); figures are illustrative.
 *
 * Determinism: every choice comes from a splitmix64 stream seeded by --seed (people's names
 * from a stateless hash of seed, org and rank), and ids are assigned in creation order, so the
 * same seed gives the same rows; only the timestamps the store sets (created_at, audit `at`)
 * differ between runs.
 *
 * Extra options, for measuring: --scale F multiplies every budget (a small run to profile);
 * --limit-seconds N stops writing after N seconds, counts the rest of the tier without writing
 * and prints the projected time and size at the rates measured; --stats FILE writes the
 * figures as JSON.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "domain/nouns.h"
#include "util/period.h"
#include "util/text.h"
#include "util/vi_format.h"

/* ------------------------------------------------------------------ generator state */

enum { COMMIT_EVERY = 50000, NRES = 32 };

struct gen {
    struct store *st;
    struct actor actor;
    uint64_t seed, rng;
    double scale;
    bool tty, dry;
    double t0, limit; /* monotonic seconds; limit 0: none */
    double dry_at;    /* when writing stopped (limit reached) */
    long long rows;   /* rows written (not counted in dry mode) */
    long long since_commit;
    long long n[NRES];       /* rows written per resource */
    long long planned[NRES]; /* rows counted in dry mode after the limit */
    double secs[NRES];       /* time inside resource_create per resource */
    long long last_id[NRES];
    double commit_secs;
    double finish_secs;             /* the bulk load's end: roll-ups, triggers, search index */
    struct store_bulk_times finish; /* its steps */
    int commits;
    long long waits; /* for the write-behind (store_write_behind_waits) */
    double last_progress;
    const char *phase;
    /* per-province windows, to see whether the rate falls as the database grows */
    int nwin;
    struct {
        char name[64];
        long long rows;
        double secs;
    } win[80];
};

/* snprintf that always terminates; truncation of generated names is harmless. */
static void fmt(char *out, size_t size, const char *f, ...) __attribute__((format(printf, 3, 4)));
static void fmt(char *out, size_t size, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    vsnprintf(out, size, f, ap);
    va_end(ap);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int rnd(struct gen *g, int n)
{
    return n <= 1 ? 0 : (int)(splitmix(&g->rng) % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static int rrange(struct gen *g, int lo, int hi)
{
    return hi <= lo ? lo : lo + rnd(g, hi - lo + 1);
}

static double rndf(struct gen *g)
{
    return (double)(splitmix(&g->rng) >> 11) * 0x1.0p-53;
}

static bool chance(struct gen *g, double p)
{
    return rndf(g) < p;
}

static void commit_now(struct gen *g)
{
    if (g->dry)
        return;
    struct err e = {0};
    double t = now_s();
    if (store_bulk_commit(g->st, &e) != 0) {
        fail("gen: ghi không thành công / commit failed: %s", e.message);
        exit(1);
    }
    g->commit_secs += now_s() - t;
    g->commits++;
    g->since_commit = 0;
}

static void progress(struct gen *g, bool force)
{
    if (!g->tty)
        return;
    double t = now_s();
    if (!force && t - g->last_progress < 0.5)
        return;
    g->last_progress = t;
    double el = t - g->t0;
    if (g->dry)
        fprintf(stderr, "\r\033[K  đang đếm phần còn lại / counting the rest: %s", g->phase);
    else
        fprintf(stderr, "\r\033[K  %-28s %10lld rows  %7.0f rows/s  %5.0f s", g->phase, g->rows,
                el > 0 ? g->rows / el : 0, el);
}

/* Writes one object through the import path; returns its id. Steals `body`. In dry mode
 * (after --limit-seconds) it writes nothing and returns the id the row would have had. */
static long long put(struct gen *g, const struct resource *r, json_t *body)
{
    int ri = resource_index(r);
    if (!g->dry && g->limit > 0 && now_s() - g->t0 >= g->limit) {
        commit_now(g);
        g->dry = true;
        g->dry_at = now_s() - g->t0;
        if (g->tty)
            fputc('\n', stderr);
    }
    if (g->dry) {
        json_decref(body);
        g->planned[ri]++;
        return ++g->last_id[ri];
    }
    struct err e = {0};
    double t = now_s();
    json_t *made = resource_create(g->st, r, body, 0, &g->actor, &e);
    if (!made) {
        char *text = json_dumps(body, JSON_COMPACT);
        fail("gen: %s: %s\n  %s", r->name, e.message, text ? text : "");
        free(text);
        store_rollback(g->st);
        store_close(g->st);
        exit(1);
    }
    g->secs[ri] += now_s() - t;
    long long id = obj_int(made, "id");
    json_decref(made);
    json_decref(body);
    g->n[ri]++;
    g->last_id[ri] = id;
    g->rows++;
    if (++g->since_commit >= COMMIT_EVERY)
        commit_now(g);
    if ((g->rows & 1023) == 0)
        progress(g, false);
    return id;
}

/* ------------------------------------------------------------------ small helpers */

/* The bodies are built without jansson's UTF-8 check (the _nocheck calls): every key is one
 * of ours, and every text is checked once anyway, where an import's is, by resource_decode,
 * which refuses a body whose text is not UTF-8. Checking it twice was a sixth of building. */
static void set_s(json_t *o, const char *k, const char *v)
{
    if (v && *v)
        json_object_set_new_nocheck(o, k, json_string_nocheck(v));
}

static void set_i(json_t *o, const char *k, long long v)
{
    json_object_set_new_nocheck(o, k, json_integer(v));
}

static void set_ref(json_t *o, const char *k, long long v)
{
    if (v > 0)
        json_object_set_new_nocheck(o, k, json_integer(v));
}

static char *iso(int day, char *buf)
{
    return date_format_iso(day, buf, 16);
}

static int ymd(int y, int m, int d)
{
    return date_from_civil(y, m, d);
}

/* Copies tpl into out, replacing {P} with place and {Y} with year. */
static void subst(char *out, size_t size, const char *tpl, const char *place, int year)
{
    size_t n = 0;
    for (const char *p = tpl; *p && n + 1 < size;) {
        if (p[0] == '{' && p[1] && p[2] == '}' && (p[1] == 'P' || p[1] == 'Y')) {
            char yb[16];
            fmt(yb, sizeof yb, "%d", year);
            const char *v = p[1] == 'P' ? place : yb;
            size_t l = strlen(v);
            if (n + l >= size)
                break;
            memcpy(out + n, v, l);
            n += l;
            p += 3;
        } else {
            out[n++] = *p++;
        }
    }
    out[n] = 0;
}

/* ------------------------------------------------------------------ names */

static const char *const SURNAMES[] = {
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê",    "Lê",   "Phạm",  "Hoàng",
    "Vũ",     "Đỗ",     "Bùi",    "Đặng", "Ngô",  "Phan",  "Đinh", "Lương", "Trịnh",
    "Hà",     "Đào",    "Lại",    "Tô",   "Cao",  "Mai",   "Đoàn", "Lưu",   "Phùng",
    "Nghiêm", "Vương",  "Tạ",     "Chu",  "Lâm",  "Quách", "Kiều", "Dương", "Triệu",
    "Hồ",     "Võ",     "Huỳnh",  "Nông", "Lục",  "Vi",    "Bàn"};
static const char *const MIDDLE_M[] = {"Văn",   "Văn",  "Đức",   "Minh", "Quang", "Hữu",  "Xuân",
                                       "Thanh", "Mạnh", "Trọng", "Công", "Ngọc",  "Tiến", "Duy",
                                       "Anh",   "Hồng", "Bá",    "Đình", "Kim",   "Quốc"};
static const char *const MIDDLE_F[] = {"Thị",  "Thị",  "Thị", "Thu",    "Thanh", "Minh",
                                       "Hồng", "Ngọc", "Kim", "Phương", "Diệu",  "Bích"};
static const char *const GIVEN_M[] = {
    "Hùng", "Dũng", "Tuấn",  "Long",  "Thành", "Hải",  "Sơn",  "Nam",   "Quân",  "Trung", "Hiếu",
    "Tùng", "Bình", "Khánh", "Thịnh", "Phong", "Toàn", "Đạt",  "Huy",   "Lâm",   "Vinh",  "Tâm",
    "Hòa",  "Kiên", "Cương", "Tường", "Chiến", "Lợi",  "Phúc", "Quyết", "Hưng",  "Tài",   "Sinh",
    "Luân", "Định", "Thuận", "Hậu",   "Nghĩa", "Quý",  "Khải", "Cường", "Thắng", "Việt",  "Hoàng"};
static const char *const GIVEN_F[] = {"Hương", "Lan",  "Hà",    "Thủy",  "Hằng",   "Nga",
                                      "Mai",   "Linh", "Hạnh",  "Yến",   "Dung",   "Huyền",
                                      "Oanh",  "Loan", "Nhung", "Vân",   "Thảo",   "Trang",
                                      "Liên",  "Hoa",  "Ngân",  "Quyên", "Thương", "Phượng"};
#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The name of person `rank` of org `org_key`: a pure function of the seed, so that personal
 * plans can name their owner without keeping millions of names in memory. */
static void person_name(const struct gen *g, uint64_t org_key, int rank, char *out, size_t size,
                        bool *female)
{
    uint64_t s = g->seed * 0x9E3779B97F4A7C15ull ^ (org_key << 20) ^ (uint64_t)rank;
    splitmix(&s);
    uint64_t a = splitmix(&s), b = splitmix(&s), c = splitmix(&s), d = splitmix(&s);
    bool f = a % 100 < 38;
    const char *sur = SURNAMES[b % NELEM(SURNAMES)];
    const char *mid = f ? MIDDLE_F[c % NELEM(MIDDLE_F)] : MIDDLE_M[c % NELEM(MIDDLE_M)];
    const char *giv = f ? GIVEN_F[d % NELEM(GIVEN_F)] : GIVEN_M[d % NELEM(GIVEN_M)];
    fmt(out, size, "%s %s %s", sur, mid, giv);
    if (female)
        *female = f;
}

/* Syllables of place names (xã, phường, thôn, huyện…), two of them make a name. */
static const char *const SYL[] = {
    "An",    "Bình",  "Phú",  "Yên",   "Tân",   "Hòa",    "Thạch", "Đông",  "Tây",   "Nam",
    "Bắc",   "Thanh", "Vĩnh", "Long",  "Hưng",  "Thuận",  "Lộc",   "Sơn",   "Hải",   "Hà",
    "Quảng", "Cẩm",   "Kim",  "Ngọc",  "Lạc",   "Mỹ",     "Đức",   "Xuân",  "Thịnh", "Phong",
    "Minh",  "Hiệp",  "Hồng", "Lâm",   "Tiến",  "Thắng",  "Lợi",   "Trung", "Hợp",   "Đồng",
    "Tâm",   "Khánh", "Phúc", "Thọ",   "Lương", "Điền",   "Giang", "Thủy",  "Lĩnh",  "Mai",
    "Châu",  "Định",  "Thái", "Hoàng", "Liên",  "Tường",  "Hoa",   "Quang", "Vân",   "Cao",
    "Đại",   "Nghĩa", "Bảo",  "Gia",   "Hiền",  "Trường", "Thông", "Tú",    "Khê",   "Dương"};

static void place_name(struct gen *g, char *out, size_t size)
{
    int a = rnd(g, NELEM(SYL)), b = rnd(g, NELEM(SYL) - 1);
    if (b >= a)
        b++;
    fmt(out, size, "%s %s", SYL[a], SYL[b]);
}

/* ------------------------------------------------------------------ content: topics */

enum topic {
    T_GOAL,
    T_PARTY_QUALITY,
    T_MEMBER_ADMIT,
    T_CELL_COVER,
    T_BUDGET,
    T_INCOME,
    T_NTM,
    T_INVEST,
    T_POVERTY,
    T_INSURANCE,
    T_SCHOOL,
    T_LABOUR,
    T_FOREST,
    T_WASTE,
    T_WATER,
    T_KT_PARTY,
    T_KT_ECON,
    T_KT_SOCIAL,
    T_KT_DEFENCE,
    T_KT_ENV,
    T_BT_ADMIN,
    T_BT_INFRA,
    T_BT_HR,
    T_SOL_DISSEM,
    T_SOL_INSPECT,
    T_SOL_MASS,
    T_SOL_CADRE,
    NTOPIC
};

/* Bodies of a committee. */
enum { B_VP, B_BTC, B_BTG, B_BDV, B_UBKT, B_NC, B_BCS, B_DDHD, NBODY };

static const char *const FIELD_XD = "xây dựng Đảng và hệ thống chính trị";
static const char *const FIELD_KT = "kinh tế";
static const char *const FIELD_VH = "văn hóa - xã hội";
static const char *const FIELD_QP = "quốc phòng - an ninh";
static const char *const FIELD_MT = "môi trường";

struct topic_info {
    const char *field;
    int body;        /* the body that usually leads it */
    double to_child; /* share of its tasks led by a subordinate org rather than a body */
};

static const struct topic_info TOPICS[NTOPIC] = {
    [T_GOAL] = {NULL, B_VP, 0.2},          [T_PARTY_QUALITY] = {NULL, B_BTC, 0.4},
    [T_MEMBER_ADMIT] = {NULL, B_BTC, 0.6}, [T_CELL_COVER] = {NULL, B_BTC, 0.5},
    [T_BUDGET] = {NULL, B_BCS, 0.6},       [T_INCOME] = {NULL, B_BCS, 0.7},
    [T_NTM] = {NULL, B_BCS, 0.8},          [T_INVEST] = {NULL, B_BCS, 0.5},
    [T_POVERTY] = {NULL, B_BCS, 0.7},      [T_INSURANCE] = {NULL, B_BCS, 0.7},
    [T_SCHOOL] = {NULL, B_BCS, 0.6},       [T_LABOUR] = {NULL, B_BCS, 0.6},
    [T_FOREST] = {NULL, B_BCS, 0.7},       [T_WASTE] = {NULL, B_BCS, 0.7},
    [T_WATER] = {NULL, B_BCS, 0.7},        [T_KT_PARTY] = {NULL, B_BTC, 0.4},
    [T_KT_ECON] = {NULL, B_BCS, 0.5},      [T_KT_SOCIAL] = {NULL, B_BTG, 0.5},
    [T_KT_DEFENCE] = {NULL, B_NC, 0.6},    [T_KT_ENV] = {NULL, B_BCS, 0.6},
    [T_BT_ADMIN] = {NULL, B_VP, 0.5},      [T_BT_INFRA] = {NULL, B_BCS, 0.5},
    [T_BT_HR] = {NULL, B_BTC, 0.4},        [T_SOL_DISSEM] = {NULL, B_BTG, 0.5},
    [T_SOL_INSPECT] = {NULL, B_UBKT, 0.3}, [T_SOL_MASS] = {NULL, B_BDV, 0.5},
    [T_SOL_CADRE] = {NULL, B_BTC, 0.3},
};

static const char *topic_field(int t)
{
    switch (t) {
    case T_PARTY_QUALITY:
    case T_MEMBER_ADMIT:
    case T_CELL_COVER:
    case T_KT_PARTY:
    case T_BT_HR:
    case T_SOL_DISSEM:
    case T_SOL_INSPECT:
    case T_SOL_MASS:
    case T_SOL_CADRE:
    case T_GOAL:
        return FIELD_XD;
    case T_BUDGET:
    case T_INCOME:
    case T_NTM:
    case T_INVEST:
    case T_KT_ECON:
    case T_BT_ADMIN:
    case T_BT_INFRA:
        return FIELD_KT;
    case T_POVERTY:
    case T_INSURANCE:
    case T_SCHOOL:
    case T_LABOUR:
    case T_KT_SOCIAL:
        return FIELD_VH;
    case T_KT_DEFENCE:
        return FIELD_QP;
    default:
        return FIELD_MT;
    }
}

/* Task phrasings of action programs and plans, by topic: {P} is the place of the program's
 * org ("huyện Bình Liêu"), {Y} a year. Each with its expected output (sản phẩm). */
struct task_tpl {
    int topic;
    const char *title;
    const char *output;
};

static const struct task_tpl TASKS[] = {
    {T_GOAL,
     "Tổ chức học tập, quán triệt, triển khai thực hiện Nghị quyết Đại hội đến toàn thể cán bộ, "
     "đảng viên và nhân dân",
     "Kế hoạch, hội nghị quán triệt"},
    {T_GOAL,
     "Xây dựng chương trình hành động, kế hoạch cụ thể hóa Nghị quyết Đại hội sát với điều kiện "
     "thực tế của {P}",
     "Chương trình hành động"},
    {T_GOAL,
     "Sơ kết giữa nhiệm kỳ việc thực hiện Nghị quyết Đại hội; đề ra giải pháp cho giai đoạn còn "
     "lại",
     "Báo cáo sơ kết"},
    {T_PARTY_QUALITY,
     "Xây dựng kế hoạch nâng cao chất lượng sinh hoạt chi bộ, thực hiện nghiêm nguyên tắc tập "
     "trung dân chủ",
     "Kế hoạch"},
    {T_PARTY_QUALITY,
     "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm {Y}",
     "Hướng dẫn"},
    {T_PARTY_QUALITY,
     "Rà soát, củng cố các tổ chức cơ sở đảng yếu kém; phân loại nguyên nhân, có giải pháp khắc "
     "phục",
     "Báo cáo rà soát"},
    {T_PARTY_QUALITY, "Nâng cao chất lượng sinh hoạt chuyên đề ở các chi bộ trên địa bàn {P}",
     "Hướng dẫn sinh hoạt chuyên đề"},
    {T_MEMBER_ADMIT, "Xây dựng kế hoạch tạo nguồn, phát triển đảng viên mới giai đoạn 2021–2025",
     "Kế hoạch"},
    {T_MEMBER_ADMIT,
     "Đẩy mạnh kết nạp đảng viên là đoàn viên thanh niên, người lao động trong doanh nghiệp ngoài "
     "khu vực nhà nước",
     "Báo cáo kết quả"},
    {T_MEMBER_ADMIT,
     "Bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú, giới thiệu kết nạp đảng viên năm {Y}",
     "Danh sách quần chúng ưu tú"},
    {T_CELL_COVER,
     "Rà soát, thành lập chi bộ ở thôn, khu dân cư chưa có chi bộ; bảo đảm 100% thôn, khu có chi "
     "bộ",
     "Quyết định thành lập chi bộ"},
    {T_CELL_COVER, "Thực hiện mô hình bí thư chi bộ đồng thời là trưởng thôn, khu trên địa bàn {P}",
     "Báo cáo kết quả"},
    {T_CELL_COVER, "Phát triển tổ chức đảng, đoàn thể trong doanh nghiệp ngoài khu vực nhà nước",
     "Kế hoạch"},
    {T_BUDGET, "Xây dựng đề án tăng thu, chống thất thu ngân sách nhà nước trên địa bàn {P}",
     "Đề án"},
    {T_BUDGET,
     "Quản lý chặt chẽ nguồn thu, nuôi dưỡng nguồn thu; đôn đốc thu hồi nợ đọng thuế năm {Y}",
     "Báo cáo"},
    {T_BUDGET, "Rà soát, khai thác hiệu quả nguồn thu từ đất đai, tài nguyên khoáng sản",
     "Kế hoạch"},
    {T_INCOME,
     "Triển khai các chương trình hỗ trợ phát triển sản xuất, nâng cao thu nhập cho người dân {P}",
     "Kế hoạch"},
    {T_INCOME, "Xây dựng đề án phát triển sản phẩm OCOP gắn với kinh tế hộ gia đình", "Đề án"},
    {T_INCOME, "Phát triển kinh tế tập thể, hợp tác xã kiểu mới gắn với chuỗi giá trị", "Kế hoạch"},
    {T_NTM,
     "Xây dựng kế hoạch xây dựng xã đạt chuẩn nông thôn mới nâng cao, nông thôn mới kiểu mẫu giai "
     "đoạn 2021–2025",
     "Kế hoạch"},
    {T_NTM, "Hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao năm {Y}",
     "Hồ sơ đề nghị công nhận"},
    {T_NTM, "Huy động nguồn lực, phát động phong trào toàn dân chung sức xây dựng nông thôn mới",
     "Kế hoạch phát động"},
    {T_INVEST, "Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm trên địa bàn {P}",
     "Báo cáo tiến độ"},
    {T_INVEST, "Tổ chức hội nghị xúc tiến đầu tư, thu hút nhà đầu tư chiến lược năm {Y}",
     "Hội nghị xúc tiến đầu tư"},
    {T_INVEST, "Đẩy mạnh giải ngân vốn đầu tư công năm {Y}", "Báo cáo giải ngân"},
    {T_POVERTY,
     "Triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025 trên địa "
     "bàn {P}",
     "Kế hoạch"},
    {T_POVERTY, "Rà soát hộ nghèo, hộ cận nghèo năm {Y} theo chuẩn nghèo đa chiều",
     "Quyết định công nhận kết quả rà soát"},
    {T_POVERTY, "Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ có hoàn cảnh khó khăn",
     "Báo cáo kết quả"},
    {T_INSURANCE, "Vận động người dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
     "Kế hoạch tuyên truyền"},
    {T_INSURANCE,
     "Hỗ trợ mua thẻ bảo hiểm y tế cho hộ cận nghèo, hộ làm nông, lâm, ngư nghiệp có mức sống "
     "trung bình",
     "Nghị quyết HĐND"},
    {T_SCHOOL,
     "Xây dựng kế hoạch đầu tư cơ sở vật chất trường học đạt chuẩn quốc gia giai đoạn 2021–2025",
     "Kế hoạch"},
    {T_SCHOOL, "Kiểm tra, công nhận trường học đạt chuẩn quốc gia năm {Y}", "Quyết định công nhận"},
    {T_SCHOOL, "Sắp xếp mạng lưới trường, lớp học phù hợp với quy hoạch của {P}", "Đề án"},
    {T_LABOUR, "Triển khai đào tạo nghề cho lao động nông thôn, giải quyết việc làm năm {Y}",
     "Kế hoạch"},
    {T_LABOUR, "Tổ chức phiên giao dịch việc làm, kết nối cung cầu lao động", "Báo cáo"},
    {T_FOREST, "Tăng cường quản lý, bảo vệ rừng, phòng cháy chữa cháy rừng năm {Y}", "Kế hoạch"},
    {T_FOREST, "Triển khai trồng rừng gỗ lớn, trồng cây phân tán trên địa bàn {P}", "Kế hoạch"},
    {T_WASTE, "Xây dựng đề án thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt trên địa bàn {P}",
     "Đề án"},
    {T_WASTE, "Triển khai phân loại chất thải rắn sinh hoạt tại nguồn", "Kế hoạch"},
    {T_WATER, "Đầu tư, nâng cấp hệ thống cấp nước sạch cho các khu dân cư", "Danh mục dự án"},
    {T_WATER, "Vận động người dân sử dụng nước sạch, nước hợp vệ sinh", "Báo cáo"},
    {T_KT_PARTY,
     "Ban hành quy định về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là người đứng "
     "đầu",
     "Quy định"},
    {T_KT_PARTY,
     "Triển khai Kết luận số 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
     "Kế hoạch"},
    {T_KT_PARTY,
     "Sắp xếp tổ chức bộ máy của hệ thống chính trị {P} tinh gọn, hoạt động hiệu lực, hiệu quả",
     "Đề án"},
    {T_KT_PARTY, "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {Y}",
     "Kế hoạch"},
    {T_KT_ECON,
     "Xây dựng đề án phát triển du lịch {P} giai đoạn 2021–2025, định hướng đến năm 2030", "Đề án"},
    {T_KT_ECON, "Xây dựng đề án phát triển thương mại, dịch vụ trên địa bàn {P}", "Đề án"},
    {T_KT_ECON, "Lập quy hoạch chung {P} đến năm 2040, tầm nhìn đến năm 2050", "Quy hoạch"},
    {T_KT_ECON, "Phát triển nông nghiệp hàng hóa tập trung, ứng dụng công nghệ cao", "Kế hoạch"},
    {T_KT_SOCIAL, "Triển khai xây dựng con người {P} phát triển toàn diện, giàu bản sắc",
     "Kế hoạch"},
    {T_KT_SOCIAL, "Bảo tồn, phát huy giá trị di sản văn hóa, lễ hội truyền thống trên địa bàn {P}",
     "Đề án"},
    {T_KT_SOCIAL, "Nâng cao chất lượng khám, chữa bệnh của y tế cơ sở", "Kế hoạch"},
    {T_KT_DEFENCE,
     "Xây dựng khu vực phòng thủ {P} vững chắc; tổ chức diễn tập khu vực phòng thủ năm {Y}",
     "Kế hoạch diễn tập"},
    {T_KT_DEFENCE, "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc", "Kế hoạch"},
    {T_KT_DEFENCE,
     "Tăng cường phòng, chống tội phạm, tệ nạn ma túy; bảo đảm trật tự an toàn xã hội năm {Y}",
     "Báo cáo"},
    {T_KT_ENV, "Xây dựng kế hoạch ứng phó với biến đổi khí hậu, phòng, chống thiên tai",
     "Kế hoạch"},
    {T_KT_ENV, "Kiểm soát ô nhiễm môi trường tại các cơ sở sản xuất, kinh doanh trên địa bàn {P}",
     "Báo cáo kiểm tra"},
    {T_BT_ADMIN,
     "Xây dựng kế hoạch nâng cao chỉ số cải cách hành chính (PAR Index), chỉ số hài lòng (SIPAS) "
     "năm {Y}",
     "Kế hoạch"},
    {T_BT_ADMIN, "Triển khai chuyển đổi số trong các cơ quan đảng, chính quyền, đoàn thể {P}",
     "Đề án chuyển đổi số"},
    {T_BT_ADMIN,
     "Nâng cao hiệu quả Trung tâm Phục vụ hành chính công; tăng tỷ lệ hồ sơ giải quyết trực tuyến",
     "Báo cáo"},
    {T_BT_INFRA, "Đầu tư các tuyến giao thông kết nối trọng điểm của {P}", "Danh mục dự án"},
    {T_BT_INFRA, "Hoàn thành đầu tư hạ tầng kỹ thuật các khu, cụm công nghiệp", "Báo cáo"},
    {T_BT_HR, "Xây dựng đề án đào tạo, thu hút nguồn nhân lực chất lượng cao giai đoạn 2021–2025",
     "Đề án"},
    {T_BT_HR, "Đào tạo, bồi dưỡng đội ngũ cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số",
     "Kế hoạch"},
    {T_SOL_DISSEM, "Tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội cho cán bộ chủ chốt",
     "Hội nghị quán triệt"},
    {T_SOL_DISSEM,
     "Tuyên truyền kết quả thực hiện Nghị quyết trên các phương tiện thông tin đại chúng năm {Y}",
     "Kế hoạch tuyên truyền"},
    {T_SOL_DISSEM,
     "Biên soạn tài liệu tuyên truyền Nghị quyết Đại hội cho đảng viên và nhân dân {P}",
     "Tài liệu"},
    {T_SOL_INSPECT, "Xây dựng chương trình kiểm tra, giám sát toàn khóa nhiệm kỳ 2020–2025",
     "Chương trình"},
    {T_SOL_INSPECT,
     "Kiểm tra, giám sát việc thực hiện Nghị quyết Đại hội tại các tổ chức đảng trực thuộc năm {Y}",
     "Thông báo kết luận"},
    {T_SOL_INSPECT, "Giám sát chuyên đề việc thực hiện chức trách, nhiệm vụ của cấp ủy viên",
     "Báo cáo giám sát"},
    {T_SOL_MASS, "Nâng cao hiệu quả công tác dân vận, thực hiện Quy chế dân chủ ở cơ sở",
     "Kế hoạch"},
    {T_SOL_MASS,
     "Phát huy vai trò của Mặt trận Tổ quốc, các đoàn thể trong giám sát, phản biện xã hội",
     "Quy chế phối hợp"},
    {T_SOL_CADRE, "Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025–2030",
     "Quyết định phê duyệt quy hoạch"},
    {T_SOL_CADRE,
     "Luân chuyển, điều động cán bộ; đánh giá cán bộ theo kết quả thực hiện nhiệm vụ năm {Y}",
     "Kế hoạch"},
};

/* Items of an official's personal plan. */
static const char *const PERSONAL[] = {
    "Tham gia đầy đủ sinh hoạt chi bộ định kỳ, đóng đảng phí đúng quy định",
    "Học tập, quán triệt Nghị quyết Đại hội và đăng ký việc làm theo",
    "Tu dưỡng, rèn luyện đạo đức, lối sống; thực hiện nghiêm những điều đảng viên không được làm",
    "Hoàn thành tốt nhiệm vụ chuyên môn được giao năm {Y}",
    "Gương mẫu chấp hành và vận động gia đình, nhân dân nơi cư trú thực hiện chủ trương của Đảng, "
    "chính sách, pháp luật của Nhà nước",
    "Tham gia tuyên truyền, giới thiệu quần chúng ưu tú để chi bộ xem xét kết nạp vào Đảng",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, đăng ký một việc làm cụ thể "
    "năm {Y}",
    "Giữ mối liên hệ với chi ủy, đảng ủy và nhân dân nơi cư trú",
    "Tham gia xây dựng nông thôn mới, đô thị văn minh tại khu dân cư",
    "Tự học tập, nâng cao trình độ lý luận chính trị, chuyên môn, nghiệp vụ",
    "Thực hiện nhiệm vụ được chi bộ phân công phụ trách",
    "Tham gia các phong trào thi đua do địa phương, cơ quan phát động năm {Y}",
};

static const char *const UPDATE_NOTES[] = {
    "Đã ban hành kế hoạch triển khai",
    "Đã tổ chức hội nghị quán triệt, triển khai",
    "Đang xây dựng dự thảo, lấy ý kiến các cơ quan liên quan",
    "Đã trình Ban Thường vụ cho ý kiến",
    "Đã hoàn thiện dự thảo theo ý kiến chỉ đạo",
    "Đang triển khai theo tiến độ",
    "Một số nội dung chậm so với kế hoạch do ảnh hưởng của dịch Covid-19",
    "Đã hoàn thành, ban hành văn bản",
    "Đã tổ chức sơ kết, báo cáo kết quả",
};

/* ------------------------------------------------------------------ content: resolutions */

enum { LV_P = 1, LV_D = 2, LV_G = 4, LV_C = 8 };

/* A resolution item of the templates. depth: 0 a section (I, II…), 1 (II.1), 2 (II.1.1).
 * Codes are numbered as the items are written, so a level's subset has no gaps. */
struct item_tpl {
    int levels;
    int depth;
    char kind; /* g goal, i indicator, k key task, b breakthrough, s solution */
    int topic;
    const char *text;
    const char *unit;
    char dir;        /* h higher, l lower, e exact */
    double baseline; /* of the whole org */
    double target;
    char rollup; /* s sum, m mean, w weighted mean (by the previous indicator), n min,
                    x max, c count meeting (threshold), - none */
    char nature; /* f flow, s stock, r rate */
    char ptype;  /* y year, h half, q quarter */
    double threshold;
};

#define TG(lv, d, t, txt)                                                                          \
    {                                                                                              \
        lv, d, 'g', t, txt, NULL, 0, 0, 0, 0, 0, 0, 0                                              \
    }
#define TK(lv, d, k, t, txt)                                                                       \
    {                                                                                              \
        lv, d, k, t, txt, NULL, 0, 0, 0, 0, 0, 0, 0                                                \
    }
#define TI(lv, d, t, txt, u, dir, b, tg, ru, na, pt, th)                                           \
    {                                                                                              \
        lv, d, 'i', t, txt, u, dir, b, tg, ru, na, pt, th                                          \
    }

static const struct item_tpl ITEMS[] = {
    TG(LV_P | LV_D | LV_G, 0, T_GOAL,
       "Mục tiêu tổng quát: Xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh toàn "
       "diện; phát huy sức mạnh đại đoàn kết toàn dân; đẩy mạnh đổi mới sáng tạo, xây dựng {P} "
       "phát triển nhanh và bền vững; bảo đảm quốc phòng, an ninh; nâng cao đời sống vật chất, "
       "tinh thần của nhân dân"),
    TG(LV_C, 0, T_GOAL,
       "Mục tiêu: Xây dựng chi bộ trong sạch, vững mạnh; phát huy vai trò hạt nhân chính trị ở "
       "{P}; đoàn kết, vận động nhân dân thực hiện tốt nhiệm vụ phát triển kinh tế - xã hội"),
    TG(LV_P | LV_D | LV_G | LV_C, 0, T_GOAL, "Các chỉ tiêu chủ yếu đến năm 2025"),
    TG(LV_P | LV_D | LV_G, 1, T_GOAL, "Về xây dựng Đảng và hệ thống chính trị"),
    TI(LV_P | LV_D | LV_G, 2, T_MEMBER_ADMIT, "Đến năm 2025, toàn Đảng bộ có trên {N} đảng viên",
       "đảng viên", 'h', 0.9, 1.0, 's', 's', 'y', 0),
    TI(LV_P | LV_D | LV_G, 2, T_PARTY_QUALITY,
       "Hằng năm có trên 90% đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên",
       "%", 'h', 86, 90, 'w', 'r', 'y', 0),
    TI(LV_P | LV_D, 2, T_PARTY_QUALITY,
       "Hằng năm có trên 90% tổ chức cơ sở đảng được đánh giá, xếp loại hoàn thành tốt nhiệm vụ "
       "trở lên",
       "%", 'h', 85, 90, 'm', 'r', 'y', 0),
    TI(LV_P | LV_D | LV_G, 2, T_MEMBER_ADMIT, "Kết nạp mới bình quân mỗi năm trên {M} đảng viên",
       "đảng viên", 'h', 0.03, 0.035, 's', 'f', 'h', 0),
    TI(LV_D | LV_G, 2, T_CELL_COVER,
       "100% thôn, khu dân cư có chi bộ; 100% bí thư chi bộ đồng thời là trưởng thôn, khu", "%",
       'h', 92, 100, 'm', 'r', 'y', 0),
    TI(LV_C, 1, T_MEMBER_ADMIT, "Kết nạp mới ít nhất 2 đảng viên trong nhiệm kỳ", "đảng viên", 'h',
       0, 2, 's', 'f', 'y', 0),
    TI(LV_C, 1, T_PARTY_QUALITY,
       "Hằng năm chi bộ được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên; 100% đảng viên "
       "hoàn thành nhiệm vụ",
       "%", 'h', 90, 100, 'm', 'r', 'y', 0),
    TG(LV_P | LV_D | LV_G, 1, T_GOAL, "Về kinh tế"),
    TI(LV_P, 2, T_INVEST, "Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021–2025 khoảng 10%/năm",
       "%", 'h', 9, 10, '-', 'r', 'y', 0),
    TI(LV_P, 2, T_INCOME, "GRDP bình quân đầu người đến năm 2025 đạt trên 10.000 USD", "USD", 'h',
       6700, 10000, '-', 's', 'y', 0),
    TI(LV_P | LV_D | LV_G, 2, T_BUDGET,
       "Thu ngân sách nhà nước trên địa bàn tăng bình quân trên 8%/năm, đến năm 2025 đạt {B} tỷ "
       "đồng",
       "tỷ đồng", 'h', 0.7, 1.0, 's', 'f', 'q', 0),
    TI(LV_P | LV_D, 2, T_INVEST, "Tổng vốn đầu tư toàn xã hội tăng bình quân trên 10%/năm", "%",
       'h', 8, 10, 'm', 'r', 'y', 0),
    TI(LV_D | LV_G, 2, T_INCOME,
       "Thu nhập bình quân đầu người đến năm 2025 đạt trên 80 triệu đồng/năm", "triệu đồng", 'h',
       52, 80, 'm', 's', 'y', 0),
    TI(LV_P | LV_D, 2, T_NTM, "Có trên 50% số xã đạt chuẩn nông thôn mới nâng cao", "xã", 'h', 0, 0,
       'c', 's', 'y', 19),
    TI(LV_G, 2, T_NTM, "Xã đạt chuẩn nông thôn mới nâng cao trước năm 2025 (19/19 tiêu chí)",
       "tiêu chí", 'h', 15, 19, '-', 's', 'y', 0),
    TI(LV_P | LV_D, 2, T_KT_ECON, "Tỷ lệ đô thị hóa đến năm 2025 đạt trên 75%", "%", 'h', 64, 75,
       'm', 'r', 'y', 0),
    TG(LV_P | LV_D | LV_G, 1, T_GOAL, "Về văn hóa - xã hội"),
    TI(LV_P | LV_D | LV_G, 2, T_POVERTY,
       "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm còn dưới 0,5%", "%", 'l', 2.5, 0.5, 'm', 'r',
       'y', 0),
    TI(LV_P | LV_D | LV_G, 2, T_INSURANCE, "Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 98%", "%",
       'h', 92, 98, 'm', 'r', 'q', 0),
    TI(LV_P | LV_D, 2, T_LABOUR, "Tỷ lệ lao động qua đào tạo đạt trên 85%", "%", 'h', 74, 85, 'm',
       'r', 'h', 0),
    TI(LV_P | LV_D | LV_G, 2, T_SCHOOL, "Tỷ lệ trường học đạt chuẩn quốc gia đạt trên 80%", "%",
       'h', 64, 80, 'm', 'r', 'y', 0),
    TI(LV_P, 2, T_KT_SOCIAL, "Đạt trên 14 bác sĩ trên 1 vạn dân", "bác sĩ/vạn dân", 'h', 11, 14,
       'm', 'r', 'y', 0),
    TI(LV_C, 1, T_POVERTY, "Không còn hộ nghèo; 100% hộ gia đình tham gia bảo hiểm y tế", "%", 'h',
       93, 100, 'm', 'r', 'y', 0),
    TG(LV_P | LV_D | LV_G, 1, T_GOAL, "Về môi trường"),
    TI(LV_P | LV_D, 2, T_FOREST, "Tỷ lệ che phủ rừng duy trì ổn định trên 55%", "%", 'h', 54, 55,
       'n', 'r', 'y', 0),
    TI(LV_P | LV_D | LV_G, 2, T_WASTE, "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 100%",
       "%", 'h', 88, 100, 'm', 'r', 'h', 0),
    TI(LV_P | LV_D | LV_G, 2, T_WATER,
       "Tỷ lệ dân số được sử dụng nước sạch, nước hợp vệ sinh đạt 100%", "%", 'h', 90, 100, 'm',
       'r', 'h', 0),
    TG(LV_P | LV_D | LV_G | LV_C, 0, T_GOAL, "Nhiệm vụ trọng tâm"),
    TK(LV_P | LV_D | LV_G, 1, 'k', T_KT_PARTY,
       "Xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh toàn diện; sắp xếp tổ chức bộ "
       "máy tinh gọn, hoạt động hiệu lực, hiệu quả"),
    TK(LV_P | LV_D | LV_G, 1, 'k', T_KT_ECON,
       "Đẩy mạnh chuyển đổi mô hình tăng trưởng; phát triển dịch vụ, du lịch, công nghiệp và nông "
       "nghiệp hàng hóa thành trụ cột tăng trưởng của {P}"),
    TK(LV_P | LV_D | LV_G, 1, 'k', T_KT_SOCIAL,
       "Phát triển văn hóa, xã hội, xây dựng con người {P}; bảo đảm an sinh xã hội, nâng cao đời "
       "sống nhân dân"),
    TK(LV_P | LV_D | LV_G, 1, 'k', T_KT_DEFENCE,
       "Bảo đảm vững chắc quốc phòng, an ninh, trật tự an toàn xã hội; giữ vững chủ quyền biên "
       "giới, biển đảo"),
    TK(LV_P | LV_D, 1, 'k', T_KT_ENV,
       "Quản lý, sử dụng hiệu quả tài nguyên, bảo vệ môi trường, chủ động ứng phó với biến đổi khí "
       "hậu"),
    TK(LV_C, 1, 'k', T_PARTY_QUALITY,
       "Nâng cao chất lượng sinh hoạt chi bộ, thực hiện nghiêm nguyên tắc tập trung dân chủ, tự "
       "phê bình và phê bình"),
    TK(LV_C, 1, 'k', T_NTM,
       "Vận động nhân dân {P} tham gia xây dựng nông thôn mới, đô thị văn minh, giữ gìn vệ sinh "
       "môi trường"),
    TG(LV_P | LV_D, 0, T_GOAL, "Các đột phá chiến lược"),
    TK(LV_P | LV_D, 1, 'b', T_BT_ADMIN,
       "Tiếp tục cải cách hành chính, chuyển đổi số; nâng cao chất lượng môi trường đầu tư kinh "
       "doanh và năng lực cạnh tranh"),
    TK(LV_P | LV_D, 1, 'b', T_BT_INFRA,
       "Phát triển hệ thống kết cấu hạ tầng đồng bộ, hiện đại, kết nối nội vùng, liên vùng"),
    TK(LV_P | LV_D, 1, 'b', T_BT_HR, "Phát triển nguồn nhân lực chất lượng cao, thu hút nhân tài"),
    TG(LV_P | LV_D | LV_G, 0, T_GOAL, "Giải pháp chủ yếu"),
    TK(LV_P | LV_D | LV_G, 1, 's', T_SOL_DISSEM,
       "Đổi mới nội dung, phương thức học tập, quán triệt, tuyên truyền Nghị quyết; tạo sự thống "
       "nhất trong Đảng, đồng thuận trong nhân dân"),
    TK(LV_P | LV_D | LV_G, 1, 's', T_SOL_INSPECT,
       "Tăng cường công tác kiểm tra, giám sát, thi hành kỷ luật đảng; kiểm tra việc thực hiện "
       "Nghị quyết"),
    TK(LV_P | LV_D | LV_G, 1, 's', T_SOL_MASS,
       "Nâng cao hiệu quả công tác dân vận; phát huy vai trò Mặt trận Tổ quốc và các đoàn thể "
       "chính trị - xã hội"),
    TK(LV_P | LV_D, 1, 's', T_SOL_CADRE,
       "Xây dựng đội ngũ cán bộ các cấp, nhất là cán bộ chủ chốt, đủ phẩm chất, năng lực, uy tín, "
       "ngang tầm nhiệm vụ"),
};
#undef TG
#undef TK
#undef TI

/* ------------------------------------------------------------------ the org tree */

enum { K_CENTRAL, K_PROVINCE, K_DISTRICT, K_GRASSROOTS, K_CELL, K_BODY };
static const char *const KIND[] = {"central", "province", "district", "grassroots", "cell", "body"};

/* Sorts of district-level units and grassroots units: they decide names and children. */
enum {
    S_NONE,
    S_CITY,      /* thành phố thuộc tỉnh */
    S_TOWN,      /* thị xã */
    S_RURAL,     /* huyện */
    S_URBAN,     /* quận */
    S_BLOCK_GOV, /* Khối các cơ quan */
    S_BLOCK_ENT, /* Khối doanh nghiệp */
    S_COAL,      /* Than Quảng Ninh */
    S_ARMY,
    S_POLICE,
    S_BORDER,
    S_CUSTOMS,
    /* grassroots */
    S_XA,
    S_PHUONG,
    S_THITRAN,
    S_AGENCY,
    S_ENTERPRISE,
    S_UNIT,
    S_SCHOOL,
    /* below grassroots */
    S_BOPHAN,
    S_CELLX,
    S_TODANG,
};

struct led {
    long long task_id;
    int topic;
    long long item_id; /* first item it covers, 0 when none */
    long long res;     /* the resolution its program implements */
};

struct node {
    long long id;
    int parent; /* index, -1 for the root */
    int kind, sort, depth;
    bool external; /* the central root, written before the province */
    bool terr;     /* a territorial unit (tỉnh, huyện, xã, thôn): its area names a place */
    char name[240], short_name[240], place[200], area[200], code[64], issuer[24];
    int body[NBODY]; /* indexes of its bodies, -1 when none */
    int nchildren;   /* non-body children */
    long long person0;
    int npeople, staff; /* people homed here; of them, officials listed first */
    long long term_id, res_id, res_doc;
    int ordinal, congress_day;
    int item0, nitems; /* into the province's items */
    long long work_prog, insp_prog;
    struct led *led; /* tasks this org leads in its parent's (and its own) programs */
    int nled, capled;
    int doc_ctr, doc_kh, doc_tb;
    long long sub_people; /* people in its subtree */
    int *rep;             /* who reports its indicators that aggregate */
    int nrep, caprep;
};

struct gitem {
    long long id;
    int tpl; /* index into ITEMS */
    double baseline, target;
};

struct prov {
    struct node *nodes;
    int n, cap;
    struct gitem *items;
    int nitems, capitems;
    uint64_t key; /* for people's names */
    int province_no;
    bool quang_ninh;
    long long budget_orgs, budget_people, budget_tasks, budget_personal, budget_values;
    long long tasks_made, personal_made, values_made;
};

static int add_node(struct prov *p, int parent, int kind, int sort)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->nodes = realloc(p->nodes, (size_t)p->cap * sizeof *p->nodes);
    }
    struct node *n = &p->nodes[p->n];
    memset(n, 0, sizeof *n);
    n->parent = parent;
    n->kind = kind;
    n->sort = sort;
    n->depth = parent >= 0 ? p->nodes[parent].depth + 1 : 0;
    for (int b = 0; b < NBODY; b++)
        n->body[b] = -1;
    if (parent >= 0 && kind != K_BODY)
        p->nodes[parent].nchildren++;
    return p->n++;
}

static void add_led(struct node *n, long long task, int topic, long long item, long long res)
{
    if (n->nled == n->capled) {
        n->capled = n->capled ? n->capled * 2 : 8;
        n->led = realloc(n->led, (size_t)n->capled * sizeof *n->led);
    }
    n->led[n->nled++] = (struct led){task, topic, item, res};
}

static long long write_org(struct gen *g, struct prov *p, int i, long long sort_key)
{
    struct node *n = &p->nodes[i];
    json_t *b = json_object();
    set_ref(b, "parent_id", n->parent >= 0 ? p->nodes[n->parent].id : 0);
    set_s(b, "name", n->name);
    set_s(b, "kind", KIND[n->kind]);
    set_s(b, "code", n->code);
    set_s(b, "short_name", n->short_name);
    set_i(b, "sort_key", sort_key);
    set_s(b, "issuer_code", n->issuer);
    set_s(b, "place_name", n->place);
    n->id = put(g, &res_orgs, b);
    return n->id;
}

static const char *const BODY_NAMES[NBODY] = {
    [B_VP] = "Văn phòng",        [B_BTC] = "Ban Tổ chức",      [B_BTG] = "Ban Tuyên giáo",
    [B_BDV] = "Ban Dân vận",     [B_UBKT] = "Ủy ban Kiểm tra", [B_NC] = "Ban Nội chính",
    [B_BCS] = "Ban cán sự đảng", [B_DDHD] = "Đảng đoàn",
};
static const char *const BODY_CODES[NBODY] = {"VP",   "BTC", "BTG", "BDV",
                                              "UBKT", "BNC", "BCS", "DD"};

/* The bodies of committee i (names follow the committee's own: "Ban Tổ chức Huyện ủy
 * Bình Liêu"); `which` is a bit set of B_*. */
static void add_bodies(struct gen *g, struct prov *p, int i, unsigned which, const char *gov)
{
    int sk = 1;
    for (int b = 0; b < NBODY; b++) {
        if (!(which & (1u << b)))
            continue;
        int j = add_node(p, i, K_BODY, S_NONE);
        struct node *n = &p->nodes[j], *c = &p->nodes[i];
        c->body[b] = j;
        if (b == B_BCS)
            fmt(n->name, sizeof n->name, "Ban cán sự đảng Ủy ban nhân dân %s", gov);
        else if (b == B_DDHD)
            fmt(n->name, sizeof n->name, "Đảng đoàn Hội đồng nhân dân %s", gov);
        else
            fmt(n->name, sizeof n->name, "%s %s", BODY_NAMES[b], c->short_name);
        fmt(n->short_name, sizeof n->short_name, "%s", n->name);
        fmt(n->code, sizeof n->code, "%s.%s", c->code, BODY_CODES[b]);
        fmt(n->place, sizeof n->place, "%s", c->place);
        fmt(n->area, sizeof n->area, "%s", c->area);
        fmt(n->issuer, sizeof n->issuer, "%s", b == B_BCS ? "BCSĐ" : b == B_DDHD ? "ĐĐ" : "");
        write_org(g, p, j, sk++);
    }
}

static const char *const AGENCIES[] = {"Sở Kế hoạch và Đầu tư",
                                       "Sở Tài chính",
                                       "Sở Nội vụ",
                                       "Sở Tư pháp",
                                       "Sở Công Thương",
                                       "Sở Xây dựng",
                                       "Sở Giao thông vận tải",
                                       "Sở Tài nguyên và Môi trường",
                                       "Sở Nông nghiệp và Phát triển nông thôn",
                                       "Sở Giáo dục và Đào tạo",
                                       "Sở Y tế",
                                       "Sở Văn hóa và Thể thao",
                                       "Sở Du lịch",
                                       "Sở Lao động - Thương binh và Xã hội",
                                       "Sở Khoa học và Công nghệ",
                                       "Sở Thông tin và Truyền thông",
                                       "Thanh tra tỉnh",
                                       "Văn phòng Ủy ban nhân dân tỉnh",
                                       "Bảo hiểm xã hội tỉnh",
                                       "Kho bạc Nhà nước tỉnh",
                                       "Cục Thuế tỉnh",
                                       "Cục Thống kê tỉnh",
                                       "Trường Chính trị tỉnh",
                                       "Báo và Phát thanh, Truyền hình tỉnh",
                                       "Bệnh viện Đa khoa tỉnh",
                                       "Trường Đại học Hạ Long"};
static const char *const COAL_UNITS[] = {"Công ty Than Hà Lầm",
                                         "Công ty Than Mạo Khê",
                                         "Công ty Than Vàng Danh",
                                         "Công ty Than Nam Mẫu",
                                         "Công ty Than Hòn Gai",
                                         "Công ty Cổ phần Than Cọc Sáu",
                                         "Công ty Cổ phần Than Cao Sơn",
                                         "Công ty Cổ phần Than Đèo Nai",
                                         "Công ty Than Quang Hanh",
                                         "Công ty Than Hạ Long",
                                         "Công ty Cổ phần Than Mông Dương",
                                         "Công ty Than Khe Chàm",
                                         "Công ty Than Dương Huy",
                                         "Công ty Than Thống Nhất",
                                         "Công ty Tuyển than Cửa Ông",
                                         "Công ty Cổ phần Than Núi Béo",
                                         "Công ty Cổ phần Than Hà Tu",
                                         "Công ty Kho vận Đá Bạc",
                                         "Công ty Cơ khí Mạo Khê",
                                         "Công ty Than Uông Bí"};
static const char *const ENT_KINDS[] = {"Công ty Cổ phần Xây dựng",
                                        "Công ty Cổ phần Cảng",
                                        "Công ty Cổ phần Nước sạch",
                                        "Công ty Cổ phần Môi trường đô thị",
                                        "Công ty TNHH Một thành viên Thủy lợi",
                                        "Công ty Cổ phần Vận tải",
                                        "Công ty Cổ phần Xi măng",
                                        "Công ty Điện lực",
                                        "Ngân hàng Thương mại Cổ phần",
                                        "Công ty Cổ phần Du lịch"};
static const char *const SHOPS[] = {
    "Phân xưởng Khai thác", "Phân xưởng Đào lò",    "Phân xưởng Cơ điện",    "Phân xưởng Vận tải",
    "Phân xưởng Chế biến",  "Phân xưởng Thông gió", "Phân xưởng Sàng tuyển", "Phân xưởng Xây lắp"};
static const char *const CELL_KINDS_XA[] = {
    "thôn",      "thôn",    "thôn",   "Trường Tiểu học", "Trường Mầm non", "Trường Trung học cơ sở",
    "Trạm Y tế", "Quân sự", "Công an"};
static const char *const CELL_KINDS_PHUONG[] = {
    "khu", "khu", "khu", "khu phố", "Trường Tiểu học", "Trường Mầm non", "Quân sự", "Công an"};
static const char *const DEPTS[] = {"Phòng Tổ chức - Hành chính",
                                    "Phòng Kế hoạch - Tài chính",
                                    "Phòng Kỹ thuật",
                                    "Phòng Nghiệp vụ",
                                    "Văn phòng",
                                    "Phòng Thanh tra",
                                    "Phòng Tổng hợp",
                                    "Phòng Quản lý"};

/* Cells under grassroots unit gi; `shop` > 0 groups them under đảng bộ bộ phận first. */
static void add_cells(struct gen *g, struct prov *p, int gi, int count, long long *budget)
{
    struct node *gr = &p->nodes[gi];
    int sort = gr->sort;
    bool shops = (sort == S_ENTERPRISE) && count >= 6;
    int nshops = shops ? 1 + count / 6 : 0;
    int under[8] = {0};
    int units[8];
    int nunits = 0;
    if (shops) {
        if (nshops > 4)
            nshops = 4;
        for (int s = 0; s<nshops && * budget> 0; s++) {
            int j = add_node(p, gi, K_GRASSROOTS, S_BOPHAN);
            struct node *n = &p->nodes[j];
            gr = &p->nodes[gi];
            char shop[80];
            fmt(shop, sizeof shop, "%s %d", SHOPS[rnd(g, NELEM(SHOPS))], s + 1);
            fmt(n->name, sizeof n->name, "Đảng bộ bộ phận %s", shop);
            fmt(n->short_name, sizeof n->short_name, "Đảng ủy bộ phận %s", shop);
            fmt(n->code, sizeof n->code, "%s.BP%d", gr->code, s + 1);
            fmt(n->place, sizeof n->place, "%s", shop);
            fmt(n->area, sizeof n->area, "%s", shop);
            fmt(n->issuer, sizeof n->issuer, "ĐUBP");
            write_org(g, p, j, s + 1);
            units[nunits++] = j;
            (*budget)--;
            count--;
        }
    }
    int thon = 0, khu = 0;
    for (int c = 0; c<count && * budget> 0; c++) {
        int parent = nunits ? units[c % nunits] : gi;
        int j = add_node(p, parent, K_CELL, S_CELLX);
        struct node *n = &p->nodes[j];
        gr = &p->nodes[gi];
        const char *unit = gr->area;
        char what[120];
        if (nunits) {
            under[c % nunits]++;
            fmt(what, sizeof what, "Tổ sản xuất số %d", under[c % nunits]);
        } else if (sort == S_XA || sort == S_THITRAN) {
            const char *k = CELL_KINDS_XA[rnd(g, NELEM(CELL_KINDS_XA))];
            if (!strcmp(k, "thôn")) {
                if (chance(g, 0.5)) {
                    fmt(what, sizeof what, "thôn %d", ++thon);
                } else {
                    char pl[60];
                    place_name(g, pl, sizeof pl);
                    fmt(what, sizeof what, "thôn %s", pl);
                }
            } else if (!strcmp(k, "Quân sự") || !strcmp(k, "Công an")) {
                fmt(what, sizeof what, "%s %s", k, unit);
            } else {
                fmt(what, sizeof what, "%s %s", k, unit + (strncmp(unit, "xã ", 4) ? 0 : 4));
            }
        } else if (sort == S_PHUONG) {
            const char *k = CELL_KINDS_PHUONG[rnd(g, NELEM(CELL_KINDS_PHUONG))];
            if (!strncmp(k, "khu", 3))
                fmt(what, sizeof what, "%s %d", k, ++khu);
            else
                fmt(what, sizeof what, "%s %s", k, unit);
        } else {
            fmt(what, sizeof what, "%s", DEPTS[c % NELEM(DEPTS)]);
            if (c >= NELEM(DEPTS))
                fmt(what + strlen(what), sizeof what - strlen(what), " %d", c / NELEM(DEPTS) + 1);
        }
        fmt(n->name, sizeof n->name, "Chi bộ %s", what);
        fmt(n->short_name, sizeof n->short_name, "Chi bộ %s", what);
        fmt(n->code, sizeof n->code, "%s.C%d", p->nodes[parent].code, c + 1);
        fmt(n->place, sizeof n->place, "%s", what);
        fmt(n->area, sizeof n->area, "%s", what);
        n->terr = !strncmp(what, "thôn", strlen("thôn")) || !strncmp(what, "khu", 3);
        fmt(n->issuer, sizeof n->issuer, "CB");
        write_org(g, p, j, c + 1);
        (*budget)--;
        /* A few big cells of a coal company keep tổ đảng: a sixth level. */
        if (nunits && *budget > 0 && chance(g, 0.25)) {
            int t = add_node(p, j, K_CELL, S_TODANG);
            struct node *tn = &p->nodes[t];
            fmt(tn->name, sizeof tn->name, "Tổ đảng lò chợ %d (%s)", rrange(g, 1, 9), what);
            fmt(tn->short_name, sizeof tn->short_name, "%s", tn->name);
            fmt(tn->code, sizeof tn->code, "%s.T1", p->nodes[j].code);
            fmt(tn->place, sizeof tn->place, "%s", what);
            fmt(tn->area, sizeof tn->area, "%s", what);
            fmt(tn->issuer, sizeof tn->issuer, "TĐ");
            write_org(g, p, t, 1);
            (*budget)--;
        }
    }
}

/* One grassroots organisation under district di. */
static int add_grassroots(struct gen *g, struct prov *p, int di, int k)
{
    struct node *d = &p->nodes[di];
    int dsort = d->sort;
    int sort;
    char what[160], place[140];
    place_name(g, place, sizeof place);
    switch (dsort) {
    case S_CITY:
    case S_TOWN:
    case S_URBAN:
        sort = chance(g, 0.8) ? S_PHUONG : chance(g, 0.5) ? S_XA : S_AGENCY;
        break;
    case S_RURAL:
        sort = k == 0 ? S_THITRAN : chance(g, 0.85) ? S_XA : S_AGENCY;
        break;
    case S_BLOCK_GOV:
        sort = S_AGENCY;
        break;
    case S_BLOCK_ENT:
    case S_COAL:
        sort = S_ENTERPRISE;
        break;
    default:
        sort = S_UNIT;
    }
    const char *dplace = d->place;
    switch (sort) {
    case S_PHUONG:
        fmt(what, sizeof what, "phường %s", place);
        break;
    case S_XA:
        fmt(what, sizeof what, "xã %s", place);
        break;
    case S_THITRAN:
        fmt(what, sizeof what, "thị trấn %s", dplace);
        fmt(place, sizeof place, "%s", dplace);
        break;
    case S_AGENCY:
        if (dsort == S_BLOCK_GOV)
            fmt(what, sizeof what, "%s", AGENCIES[k % NELEM(AGENCIES)]);
        else
            fmt(what, sizeof what, "%s %s",
                (const char *[]){"Cơ quan Ủy ban nhân dân", "Cơ quan Đảng - Đoàn thể", "Công an",
                                 "Quân sự", "Trung tâm Y tế", "Trường Trung học phổ thông"}[k % 6],
                d->name + strlen("Đảng bộ "));
        fmt(place, sizeof place, "%s", what);
        break;
    case S_ENTERPRISE:
        if (dsort == S_COAL && k < NELEM(COAL_UNITS))
            fmt(what, sizeof what, "%s", COAL_UNITS[k]);
        else
            fmt(what, sizeof what, "%s %s", ENT_KINDS[rnd(g, NELEM(ENT_KINDS))], place);
        fmt(place, sizeof place, "%s", what);
        break;
    default: {
        static const char *const UNITS[] = {"Đồn Biên phòng",   "Ban Chỉ huy Quân sự",
                                            "Phòng Cảnh sát",   "Trung đoàn",
                                            "Chi cục Hải quan", "Tiểu đoàn"};
        int u = dsort == S_BORDER    ? 0
                : dsort == S_ARMY    ? (k % 2 ? 1 : 3)
                : dsort == S_POLICE  ? 2
                : dsort == S_CUSTOMS ? 4
                                     : 5;
        fmt(what, sizeof what, "%s %s", UNITS[u], place);
        fmt(place, sizeof place, "%s", what);
    }
    }
    /* Agencies with few members are a chi bộ cơ sở: grassroots in kind, a cell in name. */
    bool chi_bo = sort == S_AGENCY && chance(g, 0.4);
    int j = add_node(p, di, K_GRASSROOTS, sort);
    struct node *n = &p->nodes[j];
    d = &p->nodes[di];
    fmt(n->name, sizeof n->name, "%s %s", chi_bo ? "Chi bộ" : "Đảng bộ", what);
    fmt(n->short_name, sizeof n->short_name, "%s %s", chi_bo ? "Chi bộ" : "Đảng ủy", what);
    fmt(n->code, sizeof n->code, "%s.G%d", d->code, k + 1);
    fmt(n->place, sizeof n->place, "%s",
        sort == S_XA || sort == S_PHUONG || sort == S_THITRAN ? what : place);
    fmt(n->area, sizeof n->area, "%s", what);
    n->terr = sort == S_XA || sort == S_PHUONG || sort == S_THITRAN;
    fmt(n->issuer, sizeof n->issuer, "%s", chi_bo ? "CB" : "ĐU");
    write_org(g, p, j, k + 1);
    return j;
}

/* The district-level units of the province tier: Quảng Ninh's, as the demo has them. */
static const struct {
    const char *name, *place;
    int sort;
    int ordinal;
    const char *held;
} QN_DISTRICTS[] = {
    {"thành phố Hạ Long", "Hạ Long", S_CITY, 26, "2020-07-23"},
    {"thành phố Móng Cái", "Móng Cái", S_CITY, 24, "2020-05-19"},
    {"thành phố Cẩm Phả", "Cẩm Phả", S_CITY, 23, "2020-07-13"},
    {"thành phố Uông Bí", "Uông Bí", S_CITY, 24, "2020-07-02"},
    {"thị xã Đông Triều", "Đông Triều", S_TOWN, 23, "2020-07-09"},
    {"thị xã Quảng Yên", "Quảng Yên", S_TOWN, 23, "2020-07-07"},
    {"huyện Bình Liêu", "Bình Liêu", S_RURAL, 28, "2020-06-09"},
    {"huyện Tiên Yên", "Tiên Yên", S_RURAL, 26, "2020-06-16"},
    {"huyện Đầm Hà", "Đầm Hà", S_RURAL, 24, "2020-06-02"},
    {"huyện Hải Hà", "Hải Hà", S_RURAL, 25, "2020-06-23"},
    {"huyện Ba Chẽ", "Ba Chẽ", S_RURAL, 23, "2020-06-25"},
    {"huyện Vân Đồn", "Vân Đồn", S_RURAL, 26, "2020-06-30"},
    {"huyện Cô Tô", "Cô Tô", S_RURAL, 23, "2020-06-18"},
    {"Than Quảng Ninh", "Hạ Long", S_COAL, 5, "2020-05-27"},
    {"Khối các cơ quan tỉnh", "Hạ Long", S_BLOCK_GOV, 9, "2020-07-15"},
    {"Khối Doanh nghiệp tỉnh", "Hạ Long", S_BLOCK_ENT, 6, "2020-07-16"},
    {"Quân sự tỉnh", "Hạ Long", S_ARMY, 25, "2020-07-17"},
    {"Công an tỉnh", "Hạ Long", S_POLICE, 27, "2020-07-20"},
    {"Bộ đội Biên phòng tỉnh", "Hạ Long", S_BORDER, 11, "2020-07-21"},
    {"Cục Hải quan tỉnh", "Hạ Long", S_CUSTOMS, 5, "2020-07-22"},
};

static double district_weight(int sort)
{
    switch (sort) {
    case S_CITY:
    case S_URBAN:
        return 1.3;
    case S_TOWN:
        return 1.0;
    case S_RURAL:
        return 0.9;
    case S_COAL:
        return 1.2;
    case S_BLOCK_GOV:
        return 0.7;
    case S_BLOCK_ENT:
        return 0.5;
    case S_CUSTOMS:
        return 0.12;
    default:
        return 0.3;
    }
}

/* The province: root, its bodies, the district-level units with theirs, then grassroots
 * and cells within the org budget. */
static void build_tree(struct gen *g, struct prov *p, int parent_root, const char *pname,
                       const char *pcode, bool city)
{
    long long budget = p->budget_orgs;
    int r = add_node(p, parent_root, K_PROVINCE, S_NONE);
    struct node *root = &p->nodes[r];
    fmt(root->name, sizeof root->name, "Đảng bộ %s %s", city ? "thành phố" : "tỉnh", pname);
    fmt(root->short_name, sizeof root->short_name, "%s %s", city ? "Thành ủy" : "Tỉnh ủy", pname);
    fmt(root->code, sizeof root->code, "%s", pcode);
    fmt(root->place, sizeof root->place, "%s", p->quang_ninh ? "Hạ Long" : pname);
    root->terr = true;
    fmt(root->area, sizeof root->area, "%s %s", city ? "thành phố" : "tỉnh", pname);
    fmt(root->issuer, sizeof root->issuer, "TU");
    write_org(g, p, r, p->province_no);
    budget--;
    char gov[140];
    fmt(gov, sizeof gov, "%s %s", city ? "thành phố" : "tỉnh", pname);
    add_bodies(g, p, r, 0xFFu, gov);
    budget -= NBODY;

    /* district-level units */
    int nd = 0;
    int dsorts[40];
    char dnames[40][120], dplaces[40][80];
    int dords[40];
    char dheld[40][16];
    if (p->quang_ninh) {
        for (int i = 0; i < NELEM(QN_DISTRICTS); i++) {
            dsorts[nd] = QN_DISTRICTS[i].sort;
            fmt(dnames[nd], sizeof dnames[nd], "%s", QN_DISTRICTS[i].name);
            fmt(dplaces[nd], sizeof dplaces[nd], "%s", QN_DISTRICTS[i].place);
            dords[nd] = QN_DISTRICTS[i].ordinal;
            fmt(dheld[nd], sizeof dheld[nd], "%s", QN_DISTRICTS[i].held);
            nd++;
        }
    } else {
        int nt = rrange(g, 8, 13);
        for (int i = 0; i < nt; i++) {
            char pl[60];
            bool dup;
            do {
                place_name(g, pl, sizeof pl);
                dup = false;
                for (int j = 0; j < nd; j++)
                    dup |= !strcmp(dplaces[j], pl);
            } while (dup);
            int s = city                      ? (i < nt / 2 ? S_URBAN : S_RURAL)
                    : i == 0                  ? S_CITY
                    : i < 3 && chance(g, 0.5) ? S_TOWN
                                              : S_RURAL;
            dsorts[nd] = s;
            fmt(dnames[nd], sizeof dnames[nd], "%s %s",
                s == S_URBAN  ? "quận"
                : s == S_CITY ? "thành phố"
                : s == S_TOWN ? "thị xã"
                              : "huyện",
                pl);
            fmt(dplaces[nd], sizeof dplaces[nd], "%s", pl);
            dords[nd] = rrange(g, 18, 29);
            fmt(dheld[nd], sizeof dheld[nd], "2020-%02d-%02d", rrange(g, 5, 7), rrange(g, 1, 28));
            nd++;
        }
        static const struct {
            const char *name;
            int sort;
        } EQ[] = {{"Khối các cơ quan tỉnh", S_BLOCK_GOV},
                  {"Khối Doanh nghiệp tỉnh", S_BLOCK_ENT},
                  {"Quân sự tỉnh", S_ARMY},
                  {"Công an tỉnh", S_POLICE},
                  {"Bộ đội Biên phòng tỉnh", S_BORDER}};
        int ne = chance(g, 0.4) ? 5 : 4;
        for (int i = 0; i < ne; i++) {
            dsorts[nd] = EQ[i].sort;
            fmt(dnames[nd], sizeof dnames[nd], "%s", EQ[i].name);
            fmt(dplaces[nd], sizeof dplaces[nd], "%s", pname);
            dords[nd] = rrange(g, 5, 27);
            fmt(dheld[nd], sizeof dheld[nd], "2020-07-%02d", rrange(g, 10, 28));
            nd++;
        }
    }
    int dis[40];
    double wsum = 0;
    for (int i = 0; i < nd; i++) {
        int j = add_node(p, r, K_DISTRICT, dsorts[i]);
        struct node *n = &p->nodes[j];
        int s = dsorts[i];
        bool terr = s == S_CITY || s == S_TOWN || s == S_RURAL || s == S_URBAN;
        const char *committee = s == S_CITY    ? "Thành ủy"
                                : s == S_TOWN  ? "Thị ủy"
                                : s == S_RURAL ? "Huyện ủy"
                                : s == S_URBAN ? "Quận ủy"
                                               : "Đảng ủy";
        fmt(n->name, sizeof n->name, "Đảng bộ %s", dnames[i]);
        if (terr)
            fmt(n->short_name, sizeof n->short_name, "%s %s", committee, dplaces[i]);
        else
            fmt(n->short_name, sizeof n->short_name, "Đảng ủy %s", dnames[i]);
        fmt(n->code, sizeof n->code, "%s.D%d", pcode, i + 1);
        fmt(n->place, sizeof n->place, "%s", dplaces[i]);
        fmt(n->area, sizeof n->area, "%s", dnames[i]);
        n->terr = terr;
        fmt(n->issuer, sizeof n->issuer, "%s",
            s == S_RURAL                           ? "HU"
            : s == S_URBAN                         ? "QU"
            : terr                                 ? "TU"
            : s == S_BLOCK_GOV || s == S_BLOCK_ENT ? "ĐUK"
                                                   : "ĐU");
        n->ordinal = dords[i];
        int day;
        n->congress_day = date_parse(dheld[i], &day) == 0 ? day : ymd(2020, 7, 1);
        write_org(g, p, j, i + 1);
        budget--;
        dis[i] = j;
        wsum += district_weight(s);
    }
    for (int i = 0; i < nd; i++) {
        struct node *n = &p->nodes[dis[i]];
        bool terr =
            n->sort == S_CITY || n->sort == S_TOWN || n->sort == S_RURAL || n->sort == S_URBAN;
        unsigned which = terr
                             ? (1u << B_VP | 1u << B_BTC | 1u << B_BTG | 1u << B_BDV | 1u << B_UBKT)
                             : (1u << B_VP | 1u << B_UBKT);
        add_bodies(g, p, dis[i], which, "");
        budget -= terr ? 5 : 2;
    }
    /* grassroots and below, shared by weight */
    long long rest = budget;
    for (int i = 0; i < nd && budget > 0; i++) {
        long long share = (long long)llround(rest * district_weight(p->nodes[dis[i]].sort) / wsum);
        if (i == nd - 1 || share > budget)
            share = budget;
        long long left = share;
        int dsort = p->nodes[dis[i]].sort;
        int ngr = (int)(share * (dsort == S_COAL || dsort == S_BLOCK_ENT ? 0.12 : 0.30));
        if (ngr < 1)
            ngr = 1;
        int cells_total = (int)(share - ngr);
        for (int k = 0; k < ngr && left > 0 && budget > 0; k++) {
            int gi = add_grassroots(g, p, dis[i], k);
            left--;
            budget--;
            int c = cells_total / ngr + (k < cells_total % ngr ? 1 : 0);
            c = c + rrange(g, -1, 1);
            if (c < 0)
                c = 0;
            if (c > left)
                c = (int)left;
            long long before = budget;
            add_cells(g, p, gi, c, &budget);
            left -= before - budget;
        }
    }
}

/* ------------------------------------------------------------------ people, terms, seats */

static int body_of(const struct prov *p, int i)
{
    for (int b = 0; b < NBODY; b++) {
        const struct node *par = p->nodes[i].parent >= 0 ? &p->nodes[p->nodes[i].parent] : NULL;
        if (par && par->body[b] == i)
            return b;
    }
    return -1;
}

static void person_title(const struct prov *p, int i, int rank, char *out, size_t size)
{
    const struct node *n = &p->nodes[i];
    if (n->kind == K_BODY) {
        int b = body_of(p, i);
        const char *head = b == B_VP                   ? "Chánh"
                           : b == B_UBKT               ? "Chủ nhiệm"
                           : b == B_BCS || b == B_DDHD ? "Bí thư"
                                                       : "Trưởng";
        const char *deputy = b == B_VP                   ? "Phó Chánh"
                             : b == B_UBKT               ? "Phó Chủ nhiệm"
                             : b == B_BCS || b == B_DDHD ? "Ủy viên"
                                                         : "Phó Trưởng";
        fmt(out, size, "%s %s", rank == 0 ? head : rank < 3 ? deputy : "Chuyên viên", n->name);
        return;
    }
    const char *sn = n->short_name;
    if (n->kind == K_CELL || n->kind == K_GRASSROOTS) {
        if (rank == 0)
            fmt(out, size, "Bí thư %s", sn);
        else if (rank == 1)
            fmt(out, size, "Phó Bí thư %s", sn);
        else if (rank < n->staff) {
            /* "Đảng ủy viên Xã A", not "Đảng ủy viên Đảng ủy Xã A" (the prefix is 13 bytes) */
            static const char prefix[] = "Đảng ủy ";
            size_t skip = strncmp(sn, prefix, sizeof prefix - 1) ? 0 : sizeof prefix - 1;
            fmt(out, size, "%s viên %s", n->kind == K_CELL ? "Chi ủy" : "Đảng ủy", sn + skip);
        } else
            fmt(out, size, "Đảng viên %s", n->name);
        return;
    }
    static const char *const T[] = {"Bí thư", "Phó Bí thư Thường trực", "Phó Bí thư",
                                    "Ủy viên Ban Thường vụ"};
    if (rank < 4)
        fmt(out, size, "%s %s", T[rank], sn);
    else if (rank < n->staff)
        fmt(out, size, "Ủy viên Ban Chấp hành, %s", sn);
    else
        fmt(out, size, "Đảng viên %s", n->name);
}

static void add_rep(struct node *n, int j)
{
    if (n->nrep == n->caprep) {
        n->caprep = n->caprep ? n->caprep * 2 : 16;
        n->rep = realloc(n->rep, (size_t)n->caprep * sizeof *n->rep);
    }
    n->rep[n->nrep++] = j;
}

/* How many people each org homes: officials of committees and bodies, and the members, who
 * belong to cells (or to grassroots orgs where there are no cells). Also each org's subtree
 * population and who reports its aggregable indicators: grassroots units for a province or
 * district-level committee, cells for a grassroots org. Parents precede children in nodes. */
static void people_budget(struct gen *g, struct prov *p)
{
    long long left = p->budget_people;
    double wcells = 0;
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        if (n->external)
            continue;
        int k = n->kind == K_BODY         ? rrange(g, 6, 16)
                : n->kind == K_PROVINCE   ? 20
                : n->kind == K_DISTRICT   ? 10
                : n->kind == K_GRASSROOTS ? rrange(g, 5, 11)
                                          : 0;
        n->npeople = n->staff = k;
        if (n->kind == K_CELL)
            n->staff = n->sort == S_TODANG ? 1 : 3;
        left -= k;
        if (n->kind == K_CELL)
            wcells += n->sort == S_TODANG ? 0.3 : 1.0;
    }
    long long pool = left > 0 ? left : 0;
    long long given = 0;
    int last = -1;
    for (int i = 0; i < p->n && wcells > 0; i++) {
        struct node *n = &p->nodes[i];
        if (n->kind != K_CELL)
            continue;
        double w = n->sort == S_TODANG ? 0.3 : 1.0;
        int k = (int)llround((double)pool * w / wcells * (0.6 + 0.8 * rndf(g)));
        if (k < 3)
            k = 3;
        n->npeople = k;
        given += k;
        last = i;
    }
    if (last >= 0 && given != pool) {
        long long fix = p->nodes[last].npeople + (pool - given);
        p->nodes[last].npeople = (int)(fix > 3 ? fix : 3);
    }
    if (last < 0 && pool > 0) { /* a tiny --scale: no cells, maybe no grassroots either */
        int want = K_GRASSROOTS, ng = 0;
        for (int i = 0; i < p->n; i++)
            ng += p->nodes[i].kind == K_GRASSROOTS;
        if (!ng) {
            want = K_DISTRICT;
            for (int i = 0; i < p->n; i++)
                ng += p->nodes[i].kind == K_DISTRICT;
        }
        for (int i = 0; i < p->n && ng; i++)
            if (p->nodes[i].kind == want)
                p->nodes[i].npeople += (int)(pool / ng);
    }
    for (int i = p->n - 1; i >= 0; i--) {
        struct node *n = &p->nodes[i];
        n->sub_people += n->npeople;
        if (n->parent >= 0)
            p->nodes[n->parent].sub_people += n->sub_people;
    }
    for (int j = 0; j < p->n; j++) {
        struct node *c = &p->nodes[j];
        if (c->external || c->sort == S_BOPHAN || c->sort == S_TODANG)
            continue;
        if (c->kind == K_GRASSROOTS) {
            for (int a = c->parent; a >= 0; a = p->nodes[a].parent)
                if (!p->nodes[a].external && p->nodes[a].kind <= K_DISTRICT)
                    add_rep(&p->nodes[a], j);
        } else if (c->kind == K_CELL) {
            for (int a = c->parent; a >= 0 && p->nodes[a].kind == K_GRASSROOTS;
                 a = p->nodes[a].parent)
                add_rep(&p->nodes[a], j);
        }
    }
}

static void write_people(struct gen *g, struct prov *p)
{
    g->phase = "people";
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        for (int k = 0; k < n->npeople; k++) {
            char name[120], title[400];
            person_name(g, p->key + (uint64_t)i, k, name, sizeof name, NULL);
            person_title(p, i, k, title, sizeof title);
            json_t *b = json_object();
            set_s(b, "full_name", name);
            set_i(b, "org_id", n->id);
            set_s(b, "title", title);
            long long id = put(g, &res_people, b);
            if (k == 0)
                n->person0 = id;
        }
    }
}

static void doc_symbol(char *out, size_t size, int number, const char *type, const char *issuer)
{
    fmt(out, size, "%02d-%s/%s", number, type, issuer);
}

static long long write_document(struct gen *g, long long org, const char *type, int number,
                                const char *symbol, const char *title, int day, const char *signer)
{
    char d[16];
    json_t *b = json_object();
    set_i(b, "org_id", org);
    set_s(b, "type", type);
    set_i(b, "number", number);
    set_s(b, "symbol", symbol);
    set_s(b, "title", title);
    set_s(b, "issued_on", iso(day, d));
    set_s(b, "signer", signer);
    return put(g, &res_documents, b);
}

static void write_terms(struct gen *g, struct prov *p)
{
    g->phase = "terms, seats";
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        if (n->external || n->kind == K_BODY || n->sort == S_TODANG)
            continue;
        if (n->kind == K_PROVINCE) {
            n->ordinal = p->quang_ninh ? 15 : rrange(g, 14, 22);
            n->congress_day =
                p->quang_ninh ? ymd(2020, 9, 25) : ymd(2020, rrange(g, 9, 10), rrange(g, 1, 26));
        } else if (n->kind == K_GRASSROOTS) {
            n->ordinal = rrange(g, 12, 30);
            n->congress_day = ymd(2020, rrange(g, 3, 5), rrange(g, 1, 28));
        } else if (n->kind == K_CELL) {
            n->ordinal = rrange(g, 5, 30);
            n->congress_day = ymd(2020, rrange(g, 2, 4), rrange(g, 1, 28));
        }
        int days = n->kind == K_CELL ? 0 : n->kind == K_GRASSROOTS ? 1 : 2;
        char f[16], t[16];
        json_t *c = json_pack("{s:i,s:s,s:s,s:b,s:s}", "ordinal", n->ordinal, "held_from",
                              iso(n->congress_day, f), "held_to", iso(n->congress_day + days, t),
                              "pilot", chance(g, 0.06), "status", "held");
        json_t *b = json_pack("{s:I,s:i,s:i,s:o}", "org_id", (json_int_t)n->id, "starts_year", 2020,
                              "ends_year", 2025, "congress", c);
        n->term_id = put(g, &res_terms, b);
        /* Seats: the committee's own officials, the heads of its bodies, and for a
         * district-level or province committee the secretaries of some units below. */
        int nbch = n->kind == K_CELL ? (n->npeople >= 9 ? 3 : 1) : n->staff;
        for (int k = 0; k < nbch && k < n->npeople; k++) {
            const char *role = k == 0                            ? "secretary"
                               : k == 1 && n->kind <= K_DISTRICT ? "standing_deputy"
                               : k <= 2                          ? "deputy_secretary"
                                                                 : "member";
            if (n->kind >= K_GRASSROOTS && k == 1)
                role = "deputy_secretary";
            json_t *s =
                json_pack("{s:I,s:I,s:s,s:s}", "term_id", (json_int_t)n->term_id, "person_id",
                          (json_int_t)(n->person0 + k), "body", "bch", "role", role);
            put(g, &res_seats, s);
            if (n->kind <= K_DISTRICT && k < 4) {
                s = json_pack("{s:I,s:I,s:s,s:s}", "term_id", (json_int_t)n->term_id, "person_id",
                              (json_int_t)(n->person0 + k), "body", "btv", "role", role);
                put(g, &res_seats, s);
            }
        }
        if (n->kind <= K_DISTRICT) {
            for (int bd = 0; bd < NBODY; bd++) {
                int bi = n->body[bd];
                if (bi < 0)
                    continue;
                struct node *bn = &p->nodes[bi];
                json_t *s =
                    json_pack("{s:I,s:I,s:s,s:s}", "term_id", (json_int_t)n->term_id, "person_id",
                              (json_int_t)bn->person0, "body", "bch", "role", "member");
                put(g, &res_seats, s);
                if (bd == B_UBKT || bd == B_BTC || bd == B_VP) {
                    s = json_pack("{s:I,s:I,s:s,s:s}", "term_id", (json_int_t)n->term_id,
                                  "person_id", (json_int_t)bn->person0, "body", "btv", "role",
                                  "member");
                    put(g, &res_seats, s);
                }
                if (bd == B_UBKT)
                    for (int k = 0; k < 3 && k < bn->npeople; k++) {
                        s = json_pack("{s:I,s:I,s:s,s:s}", "term_id", (json_int_t)n->term_id,
                                      "person_id", (json_int_t)(bn->person0 + k), "body", "ubkt",
                                      "role", k == 0 ? "secretary" : "member");
                        put(g, &res_seats, s);
                    }
            }
            /* BCH members from the units below: their secretaries */
            int added = 0;
            for (int j = i + 1; j < p->n && added < (n->kind == K_PROVINCE ? 22 : 14); j++) {
                struct node *ch = &p->nodes[j];
                if (ch->parent != i || ch->kind == K_BODY || !ch->npeople)
                    continue;
                json_t *s =
                    json_pack("{s:I,s:I,s:s,s:s}", "term_id", (json_int_t)n->term_id, "person_id",
                              (json_int_t)ch->person0, "body", "bch", "role", "member");
                put(g, &res_seats, s);
                added++;
            }
            /* Assignments: each standing member in charge of fields and units. */
            static const char *const AF[][2] = {{"xây dựng Đảng", "tổ chức, cán bộ"},
                                                {"kinh tế", "ngân sách"},
                                                {"văn hóa - xã hội", "giáo dục, y tế"},
                                                {"quốc phòng - an ninh", "nội chính"}};
            for (int k = 0; k < 4 && k < n->npeople; k++) {
                json_t *ids = json_array();
                int m = 0;
                for (int j = i + 1; j < p->n && m < 3; j++)
                    if (p->nodes[j].parent == i && p->nodes[j].kind != K_BODY && rnd(g, 3) == 0) {
                        json_array_append_new(ids, json_integer(p->nodes[j].id));
                        m++;
                    }
                json_t *a = json_pack(
                    "{s:I,s:I,s:[s,s],s:o}", "person_id", (json_int_t)(n->person0 + k), "term_id",
                    (json_int_t)n->term_id, "fields", AF[k][0], AF[k][1], "org_ids", ids);
                put(g, &res_assignments, a);
            }
        }
    }
}

/* ------------------------------------------------------------------ resolutions, items */

static int level_of(const struct node *n)
{
    return n->kind <= K_PROVINCE     ? LV_P
           : n->kind == K_DISTRICT   ? LV_D
           : n->kind == K_GRASSROOTS ? LV_G
                                     : LV_C;
}

static void add_gitem(struct prov *p, long long id, int tpl, double base, double target)
{
    if (p->nitems == p->capitems) {
        p->capitems = p->capitems ? p->capitems * 2 : 1024;
        p->items = realloc(p->items, (size_t)p->capitems * sizeof *p->items);
    }
    p->items[p->nitems++] = (struct gitem){id, tpl, base, target};
}

/* The place a text of org i names: its own area when it is territorial, else that of the
 * nearest territorial unit above it ("Sở Y tế" → "tỉnh Quảng Ninh"). */
static const char *place_for(const struct prov *p, int i)
{
    int j = i;
    while (j >= 0 && !p->nodes[j].terr)
        j = p->nodes[j].parent;
    return j >= 0 ? p->nodes[j].area : p->nodes[i].area;
}

/* Is template item t fit for org i? Non-territorial units (agencies, enterprises, the army)
 * set no territorial economic or social targets; only communes build new rural areas. */
static bool item_fits(const struct prov *p, int i, int t)
{
    const struct item_tpl *it = &ITEMS[t];
    const struct node *n = &p->nodes[i];
    if (!n->terr && it->kind == 'i' && topic_field(it->topic) != FIELD_XD)
        return false;
    if (!n->terr && it->kind == 'g' && it->depth == 1 &&
        strcmp(it->text, "Về xây dựng Đảng và hệ thống chính trị") != 0)
        return false;
    if (!n->terr && it->topic == T_CELL_COVER)
        return false;
    if (it->topic == T_NTM && it->kind == 'i' && n->kind == K_GRASSROOTS && n->sort != S_XA)
        return false;
    return true;
}

static const char *roman(int n, char *buf)
{
    return roman_numeral(n, buf, 16);
}

static void write_resolutions(struct gen *g, struct prov *p)
{
    g->phase = "resolutions, items";
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        if (!n->term_id)
            continue;
        char rn[16], title[600], symbol[64], sign[120];
        roman(n->ordinal, rn);
        fmt(title, sizeof title, "Nghị quyết Đại hội %s %s lần thứ %s, nhiệm kỳ 2020–2025",
            n->kind == K_CELL ? "" : "đại biểu", n->name, rn);
        if (n->kind == K_CELL) /* no double space */
            fmt(title, sizeof title, "Nghị quyết Đại hội %s lần thứ %s, nhiệm kỳ 2020–2025",
                n->name, rn);
        int num = rrange(g, 5, 16);
        doc_symbol(symbol, sizeof symbol, num, "NQ", "ĐH");
        person_name(g, p->key + (uint64_t)i, 0, sign, sizeof sign, NULL);
        int day = n->congress_day + (n->kind == K_CELL ? 0 : n->kind == K_GRASSROOTS ? 1 : 2);
        n->res_doc = write_document(g, n->id, "NQ", num, symbol, title, day, sign);
        char d[16];
        json_t *b = json_object();
        set_i(b, "term_id", n->term_id);
        set_s(b, "title", title);
        set_s(b, "symbol", symbol);
        set_s(b, "issued_on", iso(day, d));
        set_i(b, "document_id", n->res_doc);
        n->res_id = put(g, &res_resolutions, b);
        /* items */
        int lv = level_of(n);
        int num_at[3] = {0, 0, 0};
        long long parent_at[3] = {0, 0, 0};
        long long prev_indicator = 0;
        long long members = p->nodes[i].sub_people;
        n->item0 = p->nitems;
        int sk = 0;
        for (int t = 0; t < NELEM(ITEMS); t++) {
            const struct item_tpl *it = &ITEMS[t];
            if (!(it->levels & lv) || !item_fits(p, i, t))
                continue;
            int depth = it->depth;
            num_at[depth]++;
            for (int k = depth + 1; k < 3; k++)
                num_at[k] = 0;
            char code[48], rb[16];
            if (depth == 0)
                fmt(code, sizeof code, "%s", roman(num_at[0], rb));
            else if (depth == 1)
                fmt(code, sizeof code, "%s.%d", roman(num_at[0], rb), num_at[1]);
            else
                fmt(code, sizeof code, "%s.%d.%d", roman(num_at[0], rb), num_at[1], num_at[2]);
            char text[1200], tmp[1200];
            subst(tmp, sizeof tmp, it->text, place_for(p, i), 2025);
            /* {N} members, {M} new members a year, {B} budget revenue: scaled to the org */
            double base = it->baseline, target = it->target;
            char num_s[64] = "";
            const char *ph = strstr(tmp, "{N}")   ? "{N}"
                             : strstr(tmp, "{M}") ? "{M}"
                             : strstr(tmp, "{B}") ? "{B}"
                                                  : NULL;
            if (ph) {
                double scale = ph[1] == 'N'   ? (double)members * 1.08
                               : ph[1] == 'M' ? (double)members * 0.032
                                              : (double)members * (p->quang_ninh ? 0.55 : 0.12);
                long long v = llround(scale < 1 ? 1 : scale);
                if (v > 1000)
                    v = v / 100 * 100;
                base = it->baseline * (double)v;
                target = (double)v;
                /* Vietnamese thousands separator */
                char raw[32];
                fmt(raw, sizeof raw, "%lld", v);
                size_t l = strlen(raw), o = 0;
                for (size_t c = 0; c < l; c++) {
                    num_s[o++] = raw[c];
                    if ((l - c - 1) % 3 == 0 && c + 1 < l)
                        num_s[o++] = '.';
                }
                num_s[o] = 0;
                const char *at = strstr(tmp, ph);
                fmt(text, sizeof text, "%.*s%s%s", (int)(at - tmp), tmp, num_s, at + 3);
            } else {
                fmt(text, sizeof text, "%s", tmp);
            }
            static const char *const KINDS[] = {"goal", "indicator", "key_task", "breakthrough",
                                                "solution"};
            const char *kind = KINDS[it->kind == 'g'   ? 0
                                     : it->kind == 'i' ? 1
                                     : it->kind == 'k' ? 2
                                     : it->kind == 'b' ? 3
                                                       : 4];
            json_t *b2 = json_object();
            set_i(b2, "resolution_id", n->res_id);
            set_ref(b2, "parent_id", depth > 0 ? parent_at[depth - 1] : 0);
            set_s(b2, "kind", kind);
            set_s(b2, "code", code);
            set_s(b2, "text", text);
            set_s(b2, "field",
                  it->kind == 'g' && it->topic == T_GOAL ? NULL : topic_field(it->topic));
            set_i(b2, "sort_key", ++sk);
            if (it->kind == 'i') {
                set_s(b2, "unit", it->unit);
                set_s(b2, "direction",
                      it->dir == 'l'   ? "lower"
                      : it->dir == 'e' ? "exact"
                                       : "higher");
                char ru = it->rollup;
                if (ru == 'w' && !prev_indicator)
                    ru = 'm';
                if (ru == 'c') {
                    long long nx = 0;
                    for (int r = 0; r < p->nodes[i].nrep; r++)
                        nx += p->nodes[p->nodes[i].nrep ? p->nodes[i].rep[r] : i].sort == S_XA;
                    target = (double)(nx / 2 + 1);
                    base = (double)(nx / 5);
                }
                json_object_set_new_nocheck(b2, "baseline", json_real(round(base * 100) / 100));
                set_i(b2, "baseline_year", 2020);
                json_object_set_new_nocheck(b2, "target", json_real(round(target * 100) / 100));
                static const char *const RU[] = {"sum", "mean",          "weighted_mean", "min",
                                                 "max", "count_meeting", "none"};
                const char *rs = RU[ru == 's'   ? 0
                                    : ru == 'm' ? 1
                                    : ru == 'w' ? 2
                                    : ru == 'n' ? 3
                                    : ru == 'x' ? 4
                                    : ru == 'c' ? 5
                                                : 6];
                set_s(b2, "rollup", rs);
                if (ru == 'w')
                    set_i(b2, "weight_item_id", prev_indicator);
                if (ru == 'c')
                    json_object_set_new_nocheck(b2, "threshold", json_real(it->threshold));
                set_s(b2, "nature",
                      it->nature == 'f'   ? "flow"
                      : it->nature == 's' ? "stock"
                                          : "rate");
                set_s(b2, "period_type",
                      it->ptype == 'q'   ? "quarter"
                      : it->ptype == 'h' ? "half"
                                         : "year");
            }
            long long id = put(g, &res_items, b2);
            if (it->kind == 'i')
                prev_indicator = it->rollup == 's' && it->nature == 's' ? id : prev_indicator;
            if (depth < 2)
                parent_at[depth] = id;
            add_gitem(p, id, t, base, target);
        }
        n->nitems = p->nitems - n->item0;
    }
}

/* ------------------------------------------------------------------ programs and tasks */

/* Indexes of orgs in i's subtree that may lead: its bodies and its non-body children. */
static int children_of(const struct prov *p, int i, int *out, int max, bool bodies)
{
    int k = 0;
    for (int j = i + 1; j < p->n && k < max; j++) {
        if (p->nodes[j].parent != i)
            continue;
        if ((p->nodes[j].kind == K_BODY) == bodies)
            out[k++] = j;
    }
    return k;
}

/* An item of org i's resolution for topic t (or any item when none matches). */
static int item_for_topic(struct gen *g, const struct prov *p, const struct node *n, int topic)
{
    int found[32], k = 0;
    for (int j = 0; j < n->nitems && k < 32; j++) {
        const struct item_tpl *it = &ITEMS[p->items[n->item0 + j].tpl];
        /* section headings ("Về kinh tế") are carried by their children: never covered */
        if (it->topic == topic &&
            (it->kind != 'g' || !strncmp(it->text, "Mục tiêu", strlen("Mục tiêu"))))
            found[k++] = n->item0 + j;
    }
    if (k)
        return found[rnd(g, k)];
    /* goals that head a section are carried by their children: never covered directly */
    int tries = 0;
    while (tries++ < 50) {
        int j = n->item0 + rnd(g, n->nitems);
        const struct item_tpl *it = &ITEMS[p->items[j].tpl];
        if (it->kind != 'g' || !strncmp(it->text, "Mục tiêu", strlen("Mục tiêu")))
            return j;
    }
    return n->item0;
}

/* The topics an org's resolution carries, for the tasks of its programs. */
static int topics_of(const struct prov *p, const struct node *n, int *out)
{
    int k = 0;
    bool seen[NTOPIC] = {false};
    for (int j = 0; j < n->nitems; j++) {
        const struct item_tpl *it = &ITEMS[p->items[n->item0 + j].tpl];
        if (it->kind == 'g' && !strstr(it->text, "Mục tiêu"))
            continue;
        if (!seen[it->topic]) {
            seen[it->topic] = true;
            out[k++] = it->topic;
        }
    }
    return k;
}

static const struct task_tpl *task_for_topic(struct gen *g, int topic)
{
    int found[16], k = 0;
    for (int j = 0; j < NELEM(TASKS) && k < 16; j++)
        if (TASKS[j].topic == topic)
            found[k++] = j;
    return &TASKS[k ? found[rnd(g, k)] : rnd(g, NELEM(TASKS))];
}

/* The nearest org at or above i that has a resolution. */
static int res_holder(const struct prov *p, int i)
{
    while (i >= 0 && !p->nodes[i].res_id)
        i = p->nodes[i].parent;
    return i;
}

struct task_spec {
    int topic;
    long long cover_item; /* 0: none */
    const char *title_tpl;
    const char *output;
};

/* Task status and its updates: the term 2020–2025 is over, so most are done. */
static void write_updates(struct gen *g, long long task, const char *status, int progress,
                          int from_day, int to_day)
{
    int nup = !strcmp(status, "done")          ? rrange(g, 1, 2)
              : !strcmp(status, "in_progress") ? 1
              : !strcmp(status, "cancelled")   ? 1
                                               : 0;
    int span = to_day - from_day;
    if (span < nup + 1)
        span = nup + 1;
    for (int u = 0; u < nup; u++) {
        bool last = u == nup - 1;
        int pr = last ? progress : progress * (u + 1) / (nup + 1);
        const char *st = last ? status : "in_progress";
        int day = from_day + span * (u + 1) / (nup + 1);
        char d[16];
        json_t *b = json_object();
        set_i(b, "task_id", task);
        if (strcmp(st, "cancelled") != 0)
            set_i(b, "progress", pr);
        set_s(b, "status", st);
        set_s(
            b, "note",
            !strcmp(st, "cancelled")
                ? "Dừng thực hiện do sắp xếp tổ chức bộ máy, chuyển nội dung sang kế hoạch năm sau"
            : last && !strcmp(st, "done") ? UPDATE_NOTES[7]
                                          : UPDATE_NOTES[rnd(g, 7)]);
        set_s(b, "reported_on", iso(day, d));
        put(g, &res_task_updates, b);
    }
}

/* Writes the tasks of one program of org oi. Leads are oi's bodies and children (within its
 * subtree); a task led by a child is remembered so that the child's plan can cascade from it. */
static void write_tasks(struct gen *g, struct prov *p, int oi, long long program, int holder,
                        int count, const struct task_spec *fixed, int nfixed, int start_day)
{
    struct node *o = &p->nodes[oi];
    int bodies[NBODY], kids[2000];
    int nb = children_of(p, oi, bodies, NBODY, true);
    int nk = children_of(p, oi, kids, 2000, false);
    int topics[NTOPIC];
    long long res = holder >= 0 ? p->nodes[holder].res_id : 0;
    int nt = holder >= 0 ? topics_of(p, &p->nodes[holder], topics) : 0;
    for (int k = 0; k < count; k++) {
        struct task_spec spec;
        if (k < nfixed) {
            spec = fixed[k];
        } else {
            spec.topic = nt ? topics[k % nt] : T_GOAL;
            spec.cover_item = 0;
            if (holder >= 0 && p->nodes[holder].nitems)
                spec.cover_item = p->items[item_for_topic(g, p, &p->nodes[holder], spec.topic)].id;
            const struct task_tpl *tt = task_for_topic(g, spec.topic);
            spec.title_tpl = tt->title;
            spec.output = tt->output;
        }
        o = &p->nodes[oi];
        int year = 2021 + rnd(g, 5);
        char title[1200];
        subst(title, sizeof title, spec.title_tpl, place_for(p, oi), year);
        /* lead */
        int lead = oi;
        const struct topic_info *ti = &TOPICS[spec.topic];
        if (nk && chance(g, ti->to_child))
            lead = kids[rnd(g, nk)];
        else if (o->body[ti->body] >= 0)
            lead = o->body[ti->body];
        else if (nb)
            lead = bodies[rnd(g, nb)];
        json_t *coord = json_array();
        int ncoord = nb + nk > 1 ? rrange(g, 0, 3) : 0;
        long long used[4] = {0};
        int nu = 0;
        for (int c = 0; c < ncoord; c++) {
            int pick = rnd(g, nb + nk);
            int j = pick < nb ? bodies[pick] : kids[pick - nb];
            long long id = p->nodes[j].id;
            bool dup = j == lead;
            for (int u = 0; u < nu; u++)
                dup |= used[u] == id;
            if (dup)
                continue;
            used[nu++] = id;
            json_array_append_new(coord, json_integer(id));
        }
        /* time frame: a date, a period, or the whole term */
        char due[16], period[16];
        due[0] = period[0] = 0;
        int r = rnd(g, 10);
        int due_day;
        if (r < 3) {
            due_day = ymd(year, rrange(g, 1, 12), 28);
            iso(due_day, due);
        } else if (r < 5) {
            int q = rrange(g, 1, 4);
            fmt(period, sizeof period, "%d-Q%d", year, q);
            due_day = ymd(year, q * 3, 28);
        } else if (r < 6) {
            int h = rrange(g, 1, 2);
            fmt(period, sizeof period, "%d-H%d", year, h);
            due_day = ymd(year, h * 6, 30);
        } else if (r < 8) {
            fmt(period, sizeof period, "%d", year);
            due_day = ymd(year, 12, 31);
        } else {
            fmt(period, sizeof period, "term");
            due_day = ymd(2025, 12, 31);
        }
        /* final state */
        int sr = rnd(g, 100);
        const char *status = sr < 72   ? "done"
                             : sr < 86 ? "in_progress"
                             : sr < 93 ? "not_started"
                                       : "cancelled";
        int prog = !strcmp(status, "done")          ? 100
                   : !strcmp(status, "in_progress") ? rrange(g, 20, 90)
                                                    : 0;
        json_t *b = json_object();
        set_i(b, "program_id", program);
        char code[16];
        fmt(code, sizeof code, "%d", k + 1);
        set_s(b, "code", code);
        set_s(b, "title", title);
        set_i(b, "lead_org_id", p->nodes[lead].id);
        if (json_array_size(coord))
            json_object_set_new_nocheck(b, "coordinating_org_ids", coord);
        else
            json_decref(coord);
        int mon = o->body[B_UBKT] >= 0 ? o->body[B_UBKT] : o->body[B_VP] >= 0 ? o->body[B_VP] : -1;
        set_ref(b, "monitor_org_id", mon >= 0 ? p->nodes[mon].id : 0);
        set_s(b, "field", topic_field(spec.topic));
        if (p->nodes[lead].npeople)
            set_i(b, "person_id", p->nodes[lead].person0);
        set_s(b, "due_on", due);
        set_s(b, "period", period);
        set_s(b, "output", spec.output);
        if (spec.cover_item)
            json_object_set_new_nocheck(b, "covers", json_pack("[I]", (json_int_t)spec.cover_item));
        set_i(b, "sort_key", k + 1);
        long long tid = put(g, &res_tasks, b);
        p->tasks_made++;
        if (lead != oi)
            add_led(&p->nodes[lead], tid, spec.topic, spec.cover_item, res);
        write_updates(g, tid, status, prog, start_day,
                      due_day > start_day ? due_day : start_day + 90);
    }
}

static long long write_program(struct gen *g, struct prov *p, int oi, const char *kind,
                               const char *title, long long resolution, long long parent_task,
                               const char *type, int *counter, int start_day, const char *status,
                               long long person)
{
    struct node *o = &p->nodes[oi];
    char symbol[64] = "", d[16], sign[120];
    long long doc = 0;
    int adopted = start_day + rrange(g, 10, 75);
    if (type) {
        int num = ++*counter;
        if (p->quang_ninh && o->kind == K_PROVINCE && !strcmp(kind, "action_program"))
            fmt(symbol, sizeof symbol, "01-CT/TU"); /* as issued: 09/10/2020 */
        else
            doc_symbol(symbol, sizeof symbol, num, type, o->issuer[0] ? o->issuer : "ĐU");
        if (p->quang_ninh && o->kind == K_PROVINCE && !strcmp(kind, "action_program"))
            adopted = ymd(2020, 10, 9);
        person_name(g, p->key + (uint64_t)oi, 0, sign, sizeof sign, NULL);
        if (strcmp(status, "adopted") == 0)
            doc = write_document(g, o->id, type, num, symbol, title, adopted, sign);
    }
    json_t *b = json_object();
    set_i(b, "org_id", o->id);
    set_s(b, "kind", kind);
    set_s(b, "title", title);
    set_ref(b, "resolution_id", resolution);
    set_ref(b, "parent_task_id", parent_task);
    set_s(b, "symbol", symbol);
    set_s(b, "status", status);
    if (!strcmp(status, "adopted"))
        set_s(b, "adopted_on", iso(adopted, d));
    set_ref(b, "person_id", person);
    set_ref(b, "document_id", doc);
    return put(g, &res_programs, b);
}

static int scaled(struct gen *g, double planned, double f)
{
    int v = (int)llround(planned * f * (0.8 + 0.4 * rndf(g)));
    return v < 2 ? 2 : v;
}

static void write_programs(struct gen *g, struct prov *p)
{
    g->phase = "programs, tasks, updates";
    /* planned task counts per program, then scaled to the budget */
    double planned = 0;
    for (int i = 0; i < p->n; i++) {
        const struct node *n = &p->nodes[i];
        if (n->kind == K_PROVINCE)
            planned += 120 + 24 + 20 + 6;
        else if (n->kind == K_DISTRICT)
            planned += 60 + 16 + 12 + 10;
        else if (n->kind == K_GRASSROOTS && n->res_id)
            planned += 30 + 10;
        else if (n->kind == K_CELL && n->res_id)
            planned += 12;
    }
    double f = planned > 0 ? (double)p->budget_tasks / planned : 1;
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        if (!n->res_id)
            continue;
        char rn[16], title[900];
        roman(n->ordinal, rn);
        int start = n->congress_day + 2;
        int par = n->parent;
        int ph = par >= 0 ? res_holder(p, par) : -1;
        struct node *pn = ph >= 0 ? &p->nodes[ph] : NULL;
        /* 1. the implementation plan of the parent's program, cascading from the parent's
         *    task this org leads (grassroots and cells: their main plan) */
        if (pn && n->kind != K_PROVINCE) {
            int r = rnd(g, 100);
            if (r >= 4) { /* 4% have not written theirs: the cascade shows them missing */
                const char *status = r < 12 ? "draft" : "adopted";
                long long parent_task = 0;
                for (int k = 0; k < n->nled && !parent_task; k++)
                    if (n->led[k].res == pn->res_id)
                        parent_task = n->led[k].task_id;
                fmt(title, sizeof title,
                    "Kế hoạch thực hiện Chương trình hành động của %s thực hiện Nghị quyết Đại hội "
                    "%s",
                    pn->short_name, pn->name);
                int s2 = start > pn->congress_day ? start : pn->congress_day + 20;
                long long prog = write_program(g, p, i, "implementation_plan", title, pn->res_id,
                                               parent_task, "KH", &n->doc_kh, s2, status, 0);
                int cnt = scaled(g, n->kind == K_CELL ? 12 : n->kind == K_GRASSROOTS ? 10 : 16, f);
                struct task_spec specs[64];
                int ns = 0;
                if (cnt > 64)
                    cnt = 64;
                for (int k = 0; k < n->nled && ns < cnt; k++) {
                    if (n->led[k].res != pn->res_id)
                        continue;
                    const struct task_tpl *tt = task_for_topic(g, n->led[k].topic);
                    specs[ns++] = (struct task_spec){n->led[k].topic, n->led[k].item_id, tt->title,
                                                     tt->output};
                }
                for (; ns < cnt && pn->nitems; ns++) {
                    int it = item_for_topic(
                        g, p, pn, ITEMS[p->items[pn->item0 + rnd(g, pn->nitems)].tpl].topic);
                    int topic = ITEMS[p->items[it].tpl].topic;
                    const struct task_tpl *tt = task_for_topic(g, topic);
                    specs[ns] = (struct task_spec){topic, p->items[it].id, tt->title, tt->output};
                }
                write_tasks(g, p, i, prog, ph, ns, specs, ns, s2);
            }
        }
        if (n->kind == K_CELL)
            continue;
        /* 2. the action program implementing its own resolution */
        int r = rnd(g, 100);
        if (r >= 3 || n->kind <= K_DISTRICT) {
            const char *status = r < 8 && n->kind > K_DISTRICT ? "draft" : "adopted";
            fmt(title, sizeof title,
                "Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu %s lần thứ %s, nhiệm "
                "kỳ 2020–2025",
                n->name, rn);
            long long prog = write_program(g, p, i, "action_program", title, n->res_id, 0, "CTr",
                                           &n->doc_ctr, start, status, 0);
            int cnt = scaled(g, n->kind == K_PROVINCE ? 120 : n->kind == K_DISTRICT ? 60 : 30, f);
            write_tasks(g, p, i, prog, i, cnt, NULL, 0, start);
        }
        if (n->kind == K_GRASSROOTS)
            continue;
        /* 3. full-term work, inspection and dissemination programs */
        fmt(title, sizeof title,
            "Chương trình làm việc toàn khóa của Ban Chấp hành %s, nhiệm kỳ 2020–2025", n->name);
        n->work_prog = write_program(g, p, i, "work_program", title, n->res_id, 0, "CTr",
                                     &n->doc_ctr, start, "adopted", 0);
        struct task_spec specs[32];
        int cnt = scaled(g, n->kind == K_PROVINCE ? 24 : 12, f);
        for (int k = 0; k < cnt && k < 32; k++)
            specs[k] = (struct task_spec){
                T_GOAL, 0,
                (const char *[]){
                    "Hội nghị Ban Chấp hành thường kỳ Quý {Y}: đánh giá tình hình thực hiện nhiệm "
                    "vụ, triển khai nhiệm vụ quý tiếp theo",
                    "Cho ý kiến về báo cáo kinh tế - xã hội, quốc phòng - an ninh năm {Y}",
                    "Tổng kết công tác xây dựng Đảng năm {Y}, phương hướng nhiệm vụ năm sau",
                    "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội"}[k % 4],
                "Nghị quyết hội nghị"};
        cnt = cnt < 32 ? cnt : 32;
        write_tasks(g, p, i, n->work_prog, i, cnt, specs, cnt, start);
        fmt(title, sizeof title,
            "Chương trình kiểm tra, giám sát toàn khóa của Ban Chấp hành %s, nhiệm kỳ 2020–2025",
            n->name);
        n->insp_prog = write_program(g, p, i, "inspection_program", title, n->res_id, 0, "CTr",
                                     &n->doc_ctr, start, "adopted", 0);
        cnt = scaled(g, n->kind == K_PROVINCE ? 20 : 10, f);
        for (int k = 0; k < cnt && k < 32; k++)
            specs[k] = (struct task_spec){
                T_SOL_INSPECT, 0,
                (const char *[]){
                    "Kiểm tra việc lãnh đạo, chỉ đạo thực hiện Nghị quyết Đại hội tại các tổ chức "
                    "đảng trực thuộc năm {Y}",
                    "Giám sát chuyên đề việc thực hiện quy chế làm việc, nguyên tắc tập trung dân "
                    "chủ năm {Y}",
                    "Kiểm tra tài chính đảng, thu, nộp đảng phí năm {Y}",
                    "Giám sát việc kê khai tài sản, thu nhập của cán bộ thuộc diện quản lý"}[k % 4],
                "Thông báo kết luận"};
        cnt = cnt < 32 ? cnt : 32;
        write_tasks(g, p, i, n->insp_prog, i, cnt, specs, cnt, start);
        fmt(title, sizeof title,
            "Kế hoạch học tập, quán triệt, tuyên truyền và triển khai thực hiện Nghị quyết Đại hội "
            "%s lần thứ %s",
            n->name, rn);
        long long dp = write_program(g, p, i, "dissemination_plan", title, n->res_id, 0, "KH",
                                     &n->doc_kh, start, "adopted", 0);
        cnt = scaled(g, 6, f);
        for (int k = 0; k < cnt && k < 32; k++)
            specs[k] = (struct task_spec){
                T_SOL_DISSEM, 0,
                (const char *[]){
                    "Tổ chức hội nghị học tập, quán triệt Nghị quyết cho cán bộ chủ chốt",
                    "Hướng dẫn các tổ chức đảng trực thuộc tổ chức học tập Nghị quyết đến 100% "
                    "đảng viên",
                    "Tuyên truyền Nghị quyết trên báo chí, hệ thống thông tin cơ sở",
                    "Biên soạn, phát hành tài liệu tóm tắt Nghị quyết"}[k % 4],
                "Báo cáo kết quả học tập, quán triệt"};
        cnt = cnt < 32 ? cnt : 32;
        write_tasks(g, p, i, dp, i, cnt, specs, cnt, start);
    }
}

/* One personal plan per person; its items are tasks the person leads in their own org. */
static void write_personal(struct gen *g, struct prov *p)
{
    g->phase = "personal plans";
    long long people = 0;
    for (int i = 0; i < p->n; i++)
        people += p->nodes[i].npeople;
    double per = people ? (double)p->budget_personal / (double)people : 0;
    double carry = 0;
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        int holder = res_holder(p, i);
        if (holder < 0)
            continue;
        struct node *h = &p->nodes[holder];
        char rn[16];
        roman(h->ordinal, rn);
        for (int k = 0; k < n->npeople; k++) {
            char name[120], title[600];
            person_name(g, p->key + (uint64_t)i, k, name, sizeof name, NULL);
            fmt(title, sizeof title,
                "Kế hoạch cá nhân thực hiện Nghị quyết Đại hội %s lần thứ %s của đồng chí %s",
                h->name, rn, name);
            long long parent_task = n->nled ? n->led[rnd(g, n->nled)].task_id : 0;
            int start = h->congress_day + rrange(g, 20, 90);
            long long prog = write_program(g, p, i, "personal_plan", title, h->res_id, parent_task,
                                           NULL, NULL, start, "adopted", n->person0 + k);
            carry += per;
            int cnt = (int)carry;
            if (cnt > 1 && chance(g, 0.5))
                cnt += rrange(g, -1, 1);
            if (cnt < 1)
                cnt = 1;
            carry -= cnt;
            for (int t = 0; t < cnt; t++) {
                const char *tpl = PERSONAL[(k + t * 5) % NELEM(PERSONAL)];
                int year = 2021 + (t % 5);
                char text[600];
                subst(text, sizeof text, tpl, place_for(p, i), year);
                int sr = rnd(g, 100);
                const char *status = sr < 80 ? "done" : sr < 92 ? "in_progress" : "not_started";
                char period[8];
                fmt(period, sizeof period, "%d", year);
                json_t *b = json_object();
                set_i(b, "program_id", prog);
                char code[8];
                fmt(code, sizeof code, "%d", t + 1);
                set_s(b, "code", code);
                set_s(b, "title", text);
                set_i(b, "lead_org_id", n->id);
                set_i(b, "person_id", n->person0 + k);
                set_s(b, "period", period);
                set_s(b, "output", "Bản tự kiểm điểm cuối năm");
                set_s(b, "status", status);
                if (strcmp(status, "not_started") != 0)
                    set_i(b, "progress", !strcmp(status, "done") ? 100 : rrange(g, 30, 90));
                set_i(b, "sort_key", t + 1);
                put(g, &res_tasks, b);
                p->personal_made++;
            }
        }
    }
}

/* ------------------------------------------------------------------ indicator values */

static int periods_of(char ptype, char out[][12])
{
    int k = 0;
    for (int y = 2021; y <= 2025; y++) {
        if (ptype == 'y') {
            fmt(out[k++], 12, "%d", y);
        } else if (ptype == 'h') {
            for (int h = 1; h <= 2; h++)
                fmt(out[k++], 12, "%d-H%d", y, h);
        } else {
            for (int q = 1; q <= 4; q++)
                fmt(out[k++], 12, "%d-Q%d", y, q);
        }
    }
    return k;
}

/* Who reports an org's indicator: the units below it (people_budget); the org itself for a
 * figure that does not aggregate or when nothing is below it. Count-meeting indicators are
 * reported by communes (xã) only. */
static int reporters(const struct prov *p, int oi, char rollup, int *out, int max)
{
    const struct node *o = &p->nodes[oi];
    int k = 0;
    if (rollup != '-')
        for (int r = 0; r < o->nrep && k < max; r++)
            if (rollup != 'c' || p->nodes[o->rep[r]].sort == S_XA)
                out[k++] = o->rep[r];
    if (!k)
        out[k++] = oi;
    return k;
}

static void write_values(struct gen *g, struct prov *p)
{
    g->phase = "indicator values";
    int *rep = malloc(sizeof(int) * (size_t)(p->n + 1));
    /* plan: how many values the full series would make, to sample down to the budget */
    double total = 0;
    char per[24][12];
    for (int i = 0; i < p->n; i++) {
        const struct node *n = &p->nodes[i];
        for (int j = 0; j < n->nitems; j++) {
            const struct item_tpl *it = &ITEMS[p->items[n->item0 + j].tpl];
            if (it->kind != 'i')
                continue;
            total += (double)reporters(p, i, it->rollup, rep, p->n) * periods_of(it->ptype, per);
        }
    }
    double keep = total > 0 ? (double)p->budget_values / (total * 1.01) : 0;
    for (int i = 0; i < p->n; i++) {
        const struct node *n = &p->nodes[i];
        for (int j = 0; j < n->nitems; j++) {
            const struct gitem *gi = &p->items[n->item0 + j];
            const struct item_tpl *it = &ITEMS[gi->tpl];
            if (it->kind != 'i')
                continue;
            int nr = reporters(p, i, it->rollup, rep, p->n);
            int np = periods_of(it->ptype, per);
            for (int r = 0; r < nr; r++) {
                if (!chance(g, keep))
                    continue;
                double noise = 0.9 + 0.2 * rndf(g);
                for (int k = 0; k < np; k++) {
                    double t = (double)(k + 1) / np; /* share of the term elapsed */
                    double v;
                    if (it->rollup == 's') {
                        double share = (gi->target > 0 ? gi->target : 10) / nr;
                        v = it->nature == 'f' ? share / (np / 5.0) * noise * (0.8 + 0.4 * rndf(g))
                                              : share * (0.9 + 0.1 * t) * noise;
                        v = round(v);
                    } else if (it->rollup == 'c') {
                        v = (double)rrange(g, 13, 19);
                        if (t > 0.7 && chance(g, 0.5))
                            v = 19;
                    } else if (it->rollup == 'x') {
                        v = (double)(15 + (int)(4 * t) - rnd(g, 2));
                    } else {
                        v = gi->baseline + (gi->target - gi->baseline) * t * noise +
                            (rndf(g) - 0.5) * 0.02 * (gi->target ? gi->target : 1);
                        if (!strcmp(it->unit, "%") && v > 100)
                            v = 100;
                        if (v < 0)
                            v = 0;
                        v = round(v * 100) / 100;
                    }
                    int year = atoi(per[k]);
                    const char *status = year <= 2024     ? "approved"
                                         : chance(g, 0.7) ? "submitted"
                                                          : "draft";
                    json_t *b = json_object();
                    set_i(b, "item_id", gi->id);
                    set_i(b, "org_id", p->nodes[rep[r]].id);
                    set_s(b, "period", per[k]);
                    json_object_set_new_nocheck(b, "value", json_real(v));
                    set_s(b, "status", status);
                    set_s(b, "note", "Số liệu minh họa (dữ liệu tổng hợp)");
                    put(g, &res_indicator_values, b);
                    p->values_made++;
                    if (chance(g, 0.01)) { /* a correction: the latest value replaces it */
                        b = json_object();
                        set_i(b, "item_id", gi->id);
                        set_i(b, "org_id", p->nodes[rep[r]].id);
                        set_s(b, "period", per[k]);
                        json_object_set_new_nocheck(b, "value",
                                                    json_real(round(v * 1.02 * 100) / 100));
                        set_s(b, "status", status);
                        set_s(b, "note", "Điều chỉnh số liệu theo báo cáo chính thức");
                        put(g, &res_indicator_values, b);
                        p->values_made++;
                    }
                }
            }
        }
    }
    free(rep);
}

/* ------------------------------------------------------------------ the rest */

static void write_sessions(struct gen *g, struct prov *p)
{
    g->phase = "disseminations, meetings";
    for (int i = 0; i < p->n; i++) {
        struct node *n = &p->nodes[i];
        if (!n->res_id || n->kind == K_CELL)
            continue;
        int kids[600];
        int nk = children_of(p, i, kids, 600, false);
        long long members = 0;
        json_t *aud = json_array();
        for (int k = 0; k < nk; k++) {
            members += p->nodes[kids[k]].npeople;
            if (k < 40)
                json_array_append_new(aud, json_integer(p->nodes[kids[k]].id));
        }
        long long expected = members ? members : n->npeople * 10;
        long long attended = (long long)(expected * (0.88 + 0.12 * rndf(g)));
        char d[16], title[600], rn[16];
        roman(n->ordinal, rn);
        fmt(title, sizeof title, "Hội nghị học tập, quán triệt Nghị quyết Đại hội %s lần thứ %s",
            n->name, rn);
        json_t *b = json_object();
        set_i(b, "org_id", n->id);
        set_i(b, "resolution_id", n->res_id);
        set_s(b, "held_on", iso(n->congress_day + rrange(g, 15, 60), d));
        set_s(b, "title", title);
        json_object_set_new_nocheck(b, "audience_org_ids", aud);
        set_i(b, "expected", expected);
        set_i(b, "attended", attended);
        put(g, &res_disseminations, b);
        if (n->kind > K_DISTRICT)
            continue;
        /* BCH meetings: one a quarter of the term, on the work program */
        int ord = 1;
        for (int y = 2020; y <= 2025; y++)
            for (int q = y == 2020 ? 4 : 1; q <= 4; q++) {
                char per[12];
                fmt(per, sizeof per, "%d-Q%d", y, q);
                int day = ymd(y, q * 3, rrange(g, 5, 25));
                bool held = day < ymd(2025, 12, 31);
                json_t *m = json_object();
                set_i(m, "org_id", n->id);
                set_s(m, "body", ord % 3 ? "btv" : "bch");
                set_s(m, "planned_period", per);
                set_ref(m, "program_id", n->work_prog);
                set_i(m, "ordinal", ord++);
                if (held)
                    set_s(m, "held_on", iso(day, d));
                set_s(m, "topic",
                      "Đánh giá tình hình thực hiện nhiệm vụ, triển khai nhiệm vụ quý tiếp theo");
                put(g, &res_meetings, m);
            }
        /* inspections by its inspection committee */
        int ub = n->body[B_UBKT];
        for (int k = 0; ub >= 0 && nk && k < 4; k++) {
            char per[12];
            int y = 2021 + k;
            fmt(per, sizeof per, "%d", y);
            json_t *t = json_pack("[I]", (json_int_t)p->nodes[kids[rnd(g, nk)]].id);
            json_t *m = json_object();
            set_i(m, "org_id", p->nodes[ub].id);
            json_object_set_new_nocheck(m, "target_org_ids", t);
            set_s(m, "topic",
                  "Kiểm tra việc lãnh đạo, chỉ đạo thực hiện Nghị quyết Đại hội và Chương trình "
                  "hành động");
            set_s(m, "kind", k % 2 ? "supervision" : "inspection");
            set_s(m, "planned_period", per);
            set_ref(m, "program_id", n->insp_prog);
            set_s(m, "mode", k % 2 ? "thematic" : "regular");
            set_s(m, "status", "done");
            set_s(m, "held_from", iso(ymd(y, 5, 10), d));
            set_s(m, "held_to", iso(ymd(y, 5, 20), d));
            set_s(
                m, "findings",
                "Cấp ủy đã ban hành kế hoạch thực hiện; một số chỉ tiêu còn chậm so với tiến độ.");
            put(g, &res_inspections, m);
        }
    }
}

static void free_prov(struct prov *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->nodes[i].led);
        free(p->nodes[i].rep);
    }
    free(p->nodes);
    free(p->items);
    memset(p, 0, sizeof *p);
}

static void window(struct gen *g, const char *name, long long rows0, double t0)
{
    if (g->nwin < NELEM(g->win) && !g->dry) {
        fmt(g->win[g->nwin].name, sizeof g->win[g->nwin].name, "%s", name);
        g->win[g->nwin].rows = g->rows - rows0;
        g->win[g->nwin].secs = now_s() - t0;
        g->nwin++;
    }
}

/* One province through every phase. `parent` is the central root's node in its own tree;
 * the province's tree refers to it by id. */
/* DESIGN.md's scale table: orgs, people, tasks, personal-plan items, indicator values. */
struct tier {
    double orgs, people, tasks, personal, values;
};
static const struct tier PROVINCE_TIER = {1000, 80000, 30000, 400000, 100000};
static const struct tier COUNTRY_TIER = {60000, 5500000, 2000000, 25000000, 5000000};

static void gen_province(struct gen *g, long long central_id, int no, const char *name,
                         const char *code, bool city, bool qn, const struct tier *b)
{
    struct prov p = {0};
    p.province_no = no;
    p.quang_ninh = qn;
    p.key = (uint64_t)no << 32;
    p.budget_orgs = (long long)llround(b->orgs * g->scale);
    p.budget_people = (long long)llround(b->people * g->scale);
    p.budget_tasks = (long long)llround(b->tasks * g->scale);
    p.budget_personal = (long long)llround(b->personal * g->scale);
    p.budget_values = (long long)llround(b->values * g->scale);
    if (p.budget_orgs < 60)
        p.budget_orgs = 60;
    long long rows0 = g->rows;
    double t0 = now_s();
    int root_parent = -1;
    if (central_id) { /* a stand-in node for the central root, already written */
        root_parent = add_node(&p, -1, K_CENTRAL, S_NONE);
        p.nodes[root_parent].id = central_id;
        p.nodes[root_parent].external = true;
        p.nodes[root_parent].nchildren = 0;
    }
    g->phase = "orgs";
    build_tree(g, &p, root_parent, name, code, city);
    people_budget(g, &p);
    write_people(g, &p);
    write_terms(g, &p);
    write_resolutions(g, &p);
    write_programs(g, &p);
    write_personal(g, &p);
    write_values(g, &p);
    write_sessions(g, &p);
    window(g, name, rows0, t0);
    free_prov(&p);
}

static const struct {
    const char *name, *code;
    bool city;
} PROVINCES[] = {
    {"Quảng Ninh", "QN", false},
    {"Hà Nội", "HN", true},
    {"Thành phố Hồ Chí Minh", "HCM", true},
    {"Hải Phòng", "HP", true},
    {"Đà Nẵng", "DNG", true},
    {"Cần Thơ", "CTH", true},
    {"An Giang", "AG", false},
    {"Bà Rịa - Vũng Tàu", "BRVT", false},
    {"Bắc Giang", "BG", false},
    {"Bắc Kạn", "BK", false},
    {"Bạc Liêu", "BL", false},
    {"Bắc Ninh", "BN", false},
    {"Bến Tre", "BTR", false},
    {"Bình Định", "BDI", false},
    {"Bình Dương", "BDU", false},
    {"Bình Phước", "BP", false},
    {"Bình Thuận", "BTH", false},
    {"Cà Mau", "CM", false},
    {"Cao Bằng", "CB", false},
    {"Đắk Lắk", "DLK", false},
    {"Đắk Nông", "DNO", false},
    {"Điện Biên", "DB", false},
    {"Đồng Nai", "DNA", false},
    {"Đồng Tháp", "DT", false},
    {"Gia Lai", "GL", false},
    {"Hà Giang", "HG", false},
    {"Hà Nam", "HNA", false},
    {"Hà Tĩnh", "HT", false},
    {"Hải Dương", "HD", false},
    {"Hậu Giang", "HGI", false},
    {"Hòa Bình", "HB", false},
    {"Hưng Yên", "HY", false},
    {"Khánh Hòa", "KH", false},
    {"Kiên Giang", "KG", false},
    {"Kon Tum", "KT", false},
    {"Lai Châu", "LCH", false},
    {"Lâm Đồng", "LD", false},
    {"Lạng Sơn", "LS", false},
    {"Lào Cai", "LCA", false},
    {"Long An", "LA", false},
    {"Nam Định", "ND", false},
    {"Nghệ An", "NA", false},
    {"Ninh Bình", "NB", false},
    {"Ninh Thuận", "NT", false},
    {"Phú Thọ", "PT", false},
    {"Phú Yên", "PY", false},
    {"Quảng Bình", "QB", false},
    {"Quảng Nam", "QNA", false},
    {"Quảng Ngãi", "QNG", false},
    {"Quảng Trị", "QT", false},
    {"Sóc Trăng", "ST", false},
    {"Sơn La", "SL", false},
    {"Tây Ninh", "TN", false},
    {"Thái Bình", "TB", false},
    {"Thái Nguyên", "TNG", false},
    {"Thanh Hóa", "TH", false},
    {"Thừa Thiên Huế", "TTH", false},
    {"Tiền Giang", "TG", false},
    {"Trà Vinh", "TV", false},
    {"Tuyên Quang", "TQ", false},
    {"Vĩnh Long", "VL", false},
    {"Vĩnh Phúc", "VP", false},
    {"Yên Bái", "YB", false},
};

static long long gen_central(struct gen *g)
{
    json_t *b = json_pack("{s:s,s:s,s:s,s:s,s:i,s:s,s:s}", "name", "Đảng Cộng sản Việt Nam", "kind",
                          "central", "code", "VN", "short_name", "Ban Chấp hành Trung ương Đảng",
                          "sort_key", 0, "issuer_code", "TW", "place_name", "Hà Nội");
    long long root = put(g, &res_orgs, b);
    static const char *const CB[] = {"Văn phòng Trung ương Đảng",  "Ban Tổ chức Trung ương",
                                     "Ban Tuyên giáo Trung ương",  "Ban Dân vận Trung ương",
                                     "Ủy ban Kiểm tra Trung ương", "Ban Nội chính Trung ương",
                                     "Ban Kinh tế Trung ương",     "Ban Đối ngoại Trung ương"};
    static const char *const CC[] = {"VPTW",   "BTCTW", "BTGTW", "BDVTW",
                                     "UBKTTW", "BNCTW", "BKTTW", "BĐNTW"};
    for (int i = 0; i < NELEM(CB); i++) {
        json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:s,s:s}", "parent_id", (json_int_t)root,
                              "name", CB[i], "kind", "body", "code", CC[i], "short_name", CB[i],
                              "sort_key", i + 1, "issuer_code", CC[i], "place_name", "Hà Nội");
        put(g, &res_orgs, o);
    }
    return root;
}

/* ------------------------------------------------------------------ report */

static const char *const REPORT_ORDER[] = {
    "orgs",           "people",   "terms",       "seats", "assignments",  "documents",
    "resolutions",    "items",    "programs",    "tasks", "task_updates", "indicator_values",
    "disseminations", "meetings", "inspections", NULL};

static void report(struct gen *g, const char *tier, const char *db, const char *stats_path)
{
    double total = now_s() - g->t0;
    double written = g->dry ? g->dry_at : total;
    struct stat sb;
    long long size = stat(db, &sb) == 0 ? (long long)sb.st_size : 0;
    char wal[1100];
    fmt(wal, sizeof wal, "%s-wal", db);
    if (stat(wal, &sb) == 0)
        size += (long long)sb.st_size;
    fprintf(stderr, "\n%-18s %12s %10s %12s%s\n", "resource", "rows", "seconds", "rows/s",
            g->dry ? "   rows left   projected s" : "");
    double proj = 0, slowest = 0;
    long long left_total = 0;
    for (int r = 0; r < NRES; r++)
        if (g->secs[r] > 0 && g->n[r] >= 100 && (slowest == 0 || g->n[r] / g->secs[r] < slowest))
            slowest = g->n[r] / g->secs[r];
    if (slowest <= 0)
        slowest = 1000;
    for (const char *const *name = REPORT_ORDER; *name; name++) {
        int ri = resource_index(resource_by_name(*name));
        if (ri < 0)
            continue;
        double rate = g->secs[ri] > 0 ? g->n[ri] / g->secs[ri] : 0;
        fprintf(stderr, "%-18s %12lld %10.2f %12.0f", *name, g->n[ri], g->secs[ri], rate);
        if (g->dry) {
            /* a resource the prefix never reached is projected at the slowest rate seen */
            bool guessed = rate <= 0 && g->planned[ri] > 0;
            double p = g->planned[ri] / (guessed ? slowest : rate);
            proj += p;
            left_total += g->planned[ri];
            fprintf(stderr, " %13lld %13.0f%s", g->planned[ri], p,
                    guessed ? " (rate not measured)" : "");
        }
        fputc('\n', stderr);
    }
    fprintf(stderr, "%-18s %12d %10.2f\n", "commits", g->commits, g->commit_secs);
    fprintf(stderr, "%-18s %12lld            (times the rules waited for the rows' writes)\n",
            "write-behind waits", g->waits);
    fprintf(stderr, "%-18s %12s %10.2f   (roll-ups built, triggers back, search index)\n", "finish",
            "", g->finish_secs);
    fprintf(stderr, "%-18s %12s %10.2f\n%-18s %12s %10.2f   (%s)\n%-18s %12s %10.2f   (%s)\n",
            "  indexes", "", g->finish.indexes, "  roll-ups", "", g->finish.rollups,
            g->finish.rollups_counted ? "tasks and programs counted as they were written"
                                      : "from the rows",
            "  search index", "", g->finish.search,
            g->finish.search_built_beside ? "built beside the load, copied in"
                                          : "rebuilt from the rows");
    fprintf(stderr, "%-18s %12lld %10.2f %12.0f\n", "total", g->rows, written,
            written > 0 ? g->rows / written : 0);
    fprintf(stderr, "database: %.1f MB (%.0f bytes per row)\n", size / 1e6,
            g->rows ? (double)size / g->rows : 0);
    double proj_total = 0, proj_size = 0;
    if (g->dry) {
        /* the part written, plus the rest at the per-resource rates, plus commits and the
         * generator's own time in the same proportion as in the part written */
        double inside = 0;
        for (int r = 0; r < NRES; r++)
            inside += g->secs[r];
        double overhead = inside > 0 ? written / inside : 1;
        /* the finish is set-based work over every row: it grows with the rows */
        proj_total = written + proj * overhead +
                     (g->rows ? g->finish_secs * (double)(g->rows + left_total) / g->rows : 0);
        proj_size = g->rows ? (double)size / g->rows * (g->rows + left_total) : 0;
        fprintf(stderr,
                "stopped writing after %.0f s (--limit-seconds); the full %s tier has %lld rows; "
                "projected time through this path: %.0f s (%.1f h), database %.1f GB\n",
                written, tier, g->rows + left_total, proj_total, proj_total / 3600,
                proj_size / 1e9);
    }
    if (g->nwin > 1) {
        fprintf(stderr, "rate by province (watch it fall as the file grows):\n");
        for (int w = 0; w < g->nwin; w++)
            fprintf(stderr, "  %s%*s %10lld rows %8.1f s %8.0f rows/s\n", g->win[w].name,
                    (int)(24 - text_length(g->win[w].name)), "", g->win[w].rows, g->win[w].secs,
                    g->win[w].secs > 0 ? g->win[w].rows / g->win[w].secs : 0);
    }
    if (!stats_path)
        return;
    FILE *f = fopen(stats_path, "w");
    if (!f) {
        fail("không ghi được %s / cannot write %s", stats_path, stats_path);
        return;
    }
    json_t *o = json_object();
    set_s(o, "tier", tier);
    json_object_set_new_nocheck(o, "seed", json_integer((json_int_t)g->seed));
    json_object_set_new_nocheck(o, "scale", json_real(g->scale));
    json_object_set_new_nocheck(o, "seconds", json_real(round(written * 100) / 100));
    set_i(o, "rows", g->rows);
    json_object_set_new_nocheck(o, "rows_per_second",
                                json_real(written > 0 ? round(g->rows / written) : 0));
    set_i(o, "database_bytes", size);
    set_i(o, "commits", g->commits);
    json_object_set_new_nocheck(o, "finish_seconds", json_real(round(g->finish_secs * 100) / 100));
    json_object_set_new_nocheck(
        o, "finish_steps",
        json_pack("{s:f,s:f,s:f,s:b,s:b}", "indexes", round(g->finish.indexes * 100) / 100,
                  "rollups", round(g->finish.rollups * 100) / 100, "search",
                  round(g->finish.search * 100) / 100, "search_built_beside",
                  g->finish.search_built_beside, "rollups_counted", g->finish.rollups_counted));
    json_object_set_new_nocheck(o, "commit_seconds", json_real(round(g->commit_secs * 100) / 100));
    json_t *per = json_object();
    for (const char *const *name = REPORT_ORDER; *name; name++) {
        int ri = resource_index(resource_by_name(*name));
        if (ri < 0)
            continue;
        json_t *x = json_pack("{s:I,s:f,s:f}", "rows", (json_int_t)g->n[ri], "seconds",
                              round(g->secs[ri] * 1000) / 1000, "rows_per_second",
                              g->secs[ri] > 0 ? round(g->n[ri] / g->secs[ri]) : 0.0);
        if (g->dry)
            json_object_set_new_nocheck(x, "rows_not_written", json_integer(g->planned[ri]));
        json_object_set_new_nocheck(per, *name, x);
    }
    json_object_set_new_nocheck(o, "resources", per);
    if (g->dry) {
        json_object_set_new_nocheck(o, "limited", json_true());
        set_i(o, "tier_rows", g->rows + left_total);
        json_object_set_new_nocheck(o, "projected_seconds", json_real(round(proj_total)));
        json_object_set_new_nocheck(o, "projected_database_bytes", json_real(round(proj_size)));
    }
    json_t *wins = json_array();
    for (int w = 0; w < g->nwin; w++)
        json_array_append_new(wins, json_pack("{s:s,s:I,s:f}", "province", g->win[w].name, "rows",
                                              (json_int_t)g->win[w].rows, "seconds",
                                              round(g->win[w].secs * 100) / 100));
    json_object_set_new_nocheck(o, "provinces", wins);
    char *text = json_dumps(o, JSON_INDENT(2));
    fprintf(f, "%s\n", text);
    free(text);
    fclose(f);
    json_decref(o);
}

int cmd_gen(int argc, char **argv)
{
    static const char *const allowed[] = {"tier",          "db",    "seed", "scale",
                                          "limit-seconds", "stats", NULL};
    struct opts o;
    if (opts_parse(&o, argc, argv, allowed) != 0)
        return 2;
    const char *tier = opt(&o, "tier");
    if (!tier || (strcmp(tier, "province") != 0 && strcmp(tier, "country") != 0))
        return fail("--tier phải là province hoặc country / --tier must be province or country");
    struct gen *g = calloc(1, sizeof *g);
    g->seed = opt(&o, "seed") ? strtoull(opt(&o, "seed"), NULL, 10) : 20200714;
    g->rng = g->seed;
    g->scale = opt(&o, "scale") ? atof(opt(&o, "scale")) : 1.0;
    if (!(g->scale > 0 && g->scale <= 10)) {
        free(g);
        return fail("--scale phải trong (0, 10] / --scale must be in (0, 10]");
    }
    g->limit = opt(&o, "limit-seconds") ? atof(opt(&o, "limit-seconds")) : 0;
    g->tty = isatty(2);
    static struct bulk_load bulk;
    g->actor = (struct actor){.user = "gen", .bulk = &bulk};
    const char *db = opt_db(&o);
    if (access(db, F_OK) == 0) {
        free(g);
        return fail("%s đã có; không ghi đè / %s already exists", db, db);
    }
    /* Written as FILE.part, without journal or syncs, and renamed when complete: a crash
     * leaves no half-made database under the name asked for. */
    char part[4096];
    snprintf(part, sizeof part, "%s.part", db);
    unlink(part);
    struct err e = {0};
    store_use_write_behind(true); /* the rows' writes overlap the next rows' rules */
    g->st = cli_create_database(part);
    if (!g->st || store_fresh_file_mode(g->st, true, &e) != 0 ||
        store_begin(g->st, true, &e) != 0 || store_bulk_begin(g->st, &e) != 0) {
        store_close(g->st);
        free(g);
        return e.message[0] ? fail("%s", e.message) : 1;
    }
    for (int r = 0; resources[r] && r < NRES; r++)
        g->last_id[r] = r == resource_index(&res_users) ? 1 : 0;
    g->t0 = now_s();
    g->last_progress = 0;
    if (!strcmp(tier, "province")) {
        gen_province(g, 0, 1, "Quảng Ninh", "QN", false, true, &PROVINCE_TIER);
    } else {
        /* The country's totals shared equally by its 63 provinces (2020–2025), each shaped
         * like the province tier: 952 orgs, 87,302 people, 31,746 tasks, 396,825 personal-plan
         * items and 79,365 indicator values each, plus the central committee and its bodies. */
        long long central = gen_central(g);
        int np = NELEM(PROVINCES);
        struct tier each = {(COUNTRY_TIER.orgs - 9) / np, COUNTRY_TIER.people / np,
                            COUNTRY_TIER.tasks / np, COUNTRY_TIER.personal / np,
                            COUNTRY_TIER.values / np};
        for (int i = 0; i < np; i++)
            gen_province(g, central, i + 1, PROVINCES[i].name, PROVINCES[i].code, PROVINCES[i].city,
                         i == 0, &each);
    }
    progress(g, true);
    double t = now_s();
    /* After --limit-seconds the load is finished all the same (commit_now left a
     * transaction open), so that the partial database is a consistent one. */
    if (resource_bulk_finish(g->st, &g->actor, &e) != 0 || store_commit(g->st, &e) != 0 ||
        store_fresh_file_mode(g->st, false, &e) != 0) {
        store_rollback(g->st);
        store_close(g->st);
        unlink(part);
        free(g);
        return fail("%s", e.message);
    }
    g->finish_secs = now_s() - t;
    g->finish = store_bulk_times(g->st);
    g->waits = store_write_behind_waits(g->st);
    store_close(g->st);
    if (rename(part, db) != 0) {
        free(g);
        return fail("không đổi được tên %s thành %s / cannot rename %s to %s", part, db, part, db);
    }
    report(g, tier, db, opt(&o, "stats"));
    free(g);
    return 0;
}
