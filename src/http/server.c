/*
 * The HTTP server: libmicrohttpd with its internal epoll thread and a pool of worker threads
 * sized to the cores, adapted to struct request/response (http/http.h). Each worker thread
 * has its own database connection, opened on first use, and its own caches (http/cache.h).
 * Bodies are collected up to 10 MiB; a request that announces more gets 413 before its body
 * is read. One access-log line per request goes to stderr, buffered (see log_append). On
 * SIGTERM/SIGINT the server stops accepting, lets the requests in flight finish, writes the
 * last log lines, then closes every connection to the database.
 */
#include "http/server.h"
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include "http/cache.h"
#include "http/http.h"

struct conn {
    char *body;
    size_t len, cap;
    bool too_large; /* over MAX_BODY: the rest is discarded, and the answer is 413 */
    bool answered;  /* a response is queued already */
    size_t discarded;
    struct timespec start;
};

/* How much of an oversized body is read (and thrown away) before the connection is simply
 * dropped: enough for a client that sends a little over the limit to hear its 413. */
enum { MAX_DISCARD = 4 * MAX_BODY };

static const char *db_path;
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store *stores[256];
static int nstores;
static __thread struct store *thread_store;

/* This thread's connection to the database, opened on first use and closed at shutdown. */
static struct store *worker_store(struct err *e)
{
    if (thread_store)
        return thread_store;
    thread_store = store_open(db_path, false, e);
    if (thread_store) {
        pthread_mutex_lock(&stores_lock);
        if (nstores < (int)(sizeof stores / sizeof stores[0]))
            stores[nstores++] = thread_store;
        pthread_mutex_unlock(&stores_lock);
    }
    return thread_store;
}

static const char *get_header(const struct request *q, const char *name)
{
    return MHD_lookup_connection_value(q->impl, MHD_HEADER_KIND, name);
}

static const char *get_query(const struct request *q, const char *name)
{
    return MHD_lookup_connection_value(q->impl, MHD_GET_ARGUMENT_KIND, name);
}

struct each_ctx {
    int (*fn)(void *arg, const char *k, const char *v);
    void *arg;
    int rc;
};

static enum MHD_Result each_cb(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
    struct each_ctx *c = cls;
    c->rc = c->fn(c->arg, key, value);
    return c->rc ? MHD_NO : MHD_YES;
}

static int each_query(const struct request *q, int (*fn)(void *, const char *, const char *),
                      void *arg)
{
    struct each_ctx c = {fn, arg, 0};
    MHD_get_connection_values(q->impl, MHD_GET_ARGUMENT_KIND, each_cb, &c);
    return c.rc;
}

static void add_common_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                            "script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                            "base-uri 'none'; form-action 'self'");
    MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
}

/* What each worker thread keeps beside its database connection: its access-log buffer and
 * its memo of responses (below), made on first use and freed at shutdown.
 *
 * The access log: one line per request, gathered in the worker's buffer and written to
 * stderr when it fills, at least once a second (server_run's loop) and after the last
 * request at shutdown; a write(2) per line cost a GET several per cent of its time, and one
 * buffer shared by the workers made them wait for each other. A buffer holds PIPE_BUF bytes
 * and is written whole, so that on a pipe (where only writes up to PIPE_BUF are atomic) the
 * lines of two workers never interleave. A crash loses at most the last second's lines. */
enum { LOG_BUF = PIPE_BUF, LOG_LINE = 2048, MAX_WORKERS = 256, MEMO_SLOTS = 64 };

/* A response built once and queued again for the same bytes: libmicrohttpd counts who holds
 * a response, so one can be queued on many connections, and building one (the response and
 * eight headers, three allocations each) cost more than finding a cached GET's body. Only
 * plain 200 bodies from the worker's cache are memoised (see memoisable): nothing else about
 * them changes from one request to the next. The key is the body's address in that cache,
 * and its bytes are compared too, as a freed body's address may be reused for another. */
struct memo {
    const char *key;   /* NULL: empty */
    const char *bytes; /* the response's own copy, alive while `r` is held */
    size_t len;
    const char *content_type;
    struct MHD_Response *r; /* the memo's reference */
};

struct worker {
    pthread_mutex_t lock; /* of the log: taken by its thread, and by the main one once a second */
    size_t log_len;
    char log[LOG_BUF];
    struct memo memo[MEMO_SLOTS]; /* its thread's only */
};

static pthread_mutex_t workers_lock = PTHREAD_MUTEX_INITIALIZER;
static struct worker *workers[MAX_WORKERS];
static int nworkers;
static __thread struct worker *thread_worker;

static void log_write(const char *data, size_t len)
{
    for (size_t off = 0; off < len;) {
        ssize_t n = write(STDERR_FILENO, data + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* stderr is gone: the lines are lost, the server goes on */
        off += (size_t)n;
    }
}

/* This thread's, made on first use; NULL when there are more threads than slots (their
 * lines are written at once, their responses built each time). */
static struct worker *worker_of_thread(void)
{
    if (thread_worker)
        return thread_worker;
    struct worker *w = calloc(1, sizeof *w);
    if (!w)
        abort();
    pthread_mutex_init(&w->lock, NULL);
    pthread_mutex_lock(&workers_lock);
    if (nworkers < MAX_WORKERS) {
        workers[nworkers++] = w;
        thread_worker = w;
    }
    pthread_mutex_unlock(&workers_lock);
    if (!thread_worker) {
        pthread_mutex_destroy(&w->lock);
        free(w);
    }
    return thread_worker;
}

static void log_append(const char *line, size_t n)
{
    struct worker *w = worker_of_thread();
    if (!w) {
        log_write(line, n);
        return;
    }
    pthread_mutex_lock(&w->lock);
    if (w->log_len + n > sizeof w->log) {
        log_write(w->log, w->log_len);
        w->log_len = 0;
    }
    if (n > sizeof w->log) {
        log_write(line, n);
    } else {
        memcpy(w->log + w->log_len, line, n);
        w->log_len += n;
    }
    pthread_mutex_unlock(&w->lock);
}

/* Writes every buffered line; with `release`, also frees the workers' state (at shutdown,
 * once their threads have stopped). */
static void log_flush(bool release)
{
    pthread_mutex_lock(&workers_lock);
    for (int i = 0; i < nworkers; i++) {
        struct worker *w = workers[i];
        pthread_mutex_lock(&w->lock);
        log_write(w->log, w->log_len);
        w->log_len = 0;
        pthread_mutex_unlock(&w->lock);
        if (release) {
            for (int k = 0; k < MEMO_SLOTS; k++)
                if (w->memo[k].r)
                    MHD_destroy_response(w->memo[k].r);
            pthread_mutex_destroy(&w->lock);
            free(w);
        }
    }
    if (release)
        nworkers = 0;
    pthread_mutex_unlock(&workers_lock);
}

static bool memoisable(const struct response *res)
{
    return res->status == 200 && res->raw_static && !res->json && !res->raw &&
           !res->content_encoding && !res->location[0] && !res->disposition[0] && !res->cookie[0] &&
           !res->etag[0] && !res->cache_control;
}

static struct memo *memo_slot(struct worker *w, const struct response *res)
{
    return &w->memo[((uintptr_t)res->raw_static >> 4) % MEMO_SLOTS];
}

static struct MHD_Response *memo_get(struct worker *w, const struct response *res)
{
    struct memo *m = memo_slot(w, res);
    if (m->key != res->raw_static || m->len != res->raw_len ||
        m->content_type != res->content_type || memcmp(m->bytes, res->raw_static, m->len) != 0)
        return NULL;
    return m->r;
}

/* Keeps r (the caller's reference passes to the memo) for the bytes it was built from. */
static void memo_put(struct worker *w, const struct response *res, struct MHD_Response *r,
                     const char *bytes)
{
    struct memo *m = memo_slot(w, res);
    if (m->r)
        MHD_destroy_response(m->r); /* connections still sending it hold theirs */
    *m = (struct memo){res->raw_static, bytes, res->raw_len, res->content_type, r};
}

/* What is known of a TCP connection for all the requests it carries: the client's address,
 * formatted once when it connects rather than twice per request. */
struct peer {
    char addr[INET_ADDRSTRLEN]; /* "" when not IPv4 */
};

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    if (toe != MHD_CONNECTION_NOTIFY_STARTED) {
        free(*socket_context);
        *socket_context = NULL;
        return;
    }
    struct peer *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr, p->addr,
                  sizeof p->addr);
    *socket_context = p;
}

static const char *peer_addr(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    const struct peer *p = ci ? ci->socket_context : NULL;
    return p ? p->addr : "";
}

/* A bounded writer for one log line: what does not fit is cut. */
struct line {
    char buf[LOG_LINE];
    size_t len;
};

static void put_text(struct line *l, const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    if (n > sizeof l->buf - 1 - l->len)
        n = sizeof l->buf - 1 - l->len;
    memcpy(l->buf + l->len, s, n);
    l->len += n;
}

static void put_uint(struct line *l, unsigned long long v)
{
    char digits[24];
    int n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    while (n > 0 && l->len < sizeof l->buf - 1)
        l->buf[l->len++] = digits[--n];
}

/* "2026-12-01T22:55:55Z 127.0.0.1 GET /api/v1/tasks/101 200 564 0.1ms": assembled by hand, as
 * printf's parsing of the format was a tenth of a cached GET's time in user space. */
static void access_log(struct MHD_Connection *c, const char *method, const char *url, int status,
                       size_t bytes, const struct timespec *start)
{
    /* The time stamp changes once a second: each worker formats it once a second. */
    static __thread time_t when_t = -1;
    static __thread char when[32];
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long us =
        (long long)(now.tv_sec - start->tv_sec) * 1000000 + (now.tv_nsec - start->tv_nsec) / 1000;
    if (us < 0)
        us = 0;
    time_t t = time(NULL);
    if (t != when_t) {
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        when_t = t;
    }
    const char *addr = peer_addr(c);
    struct line l; /* not zeroed: 2 KiB of memset per request showed */
    l.len = 0;
    put_text(&l, when, sizeof when);
    put_text(&l, " ", 1);
    put_text(&l, *addr ? addr : "-", INET_ADDRSTRLEN);
    put_text(&l, " ", 1);
    put_text(&l, method, 32);
    put_text(&l, " ", 1);
    put_text(&l, url, 1500); /* a longer URL is cut; the line still ends */
    put_text(&l, " ", 1);
    put_uint(&l, (unsigned long long)status);
    put_text(&l, " ", 1);
    put_uint(&l, bytes);
    put_text(&l, " ", 1);
    put_uint(&l, (unsigned long long)(us / 1000));
    put_text(&l, ".", 1);
    put_uint(&l, (unsigned long long)(us % 1000 / 100));
    put_text(&l, "ms", 2);
    l.buf[l.len++] = '\n'; /* put_* leave room for it */
    log_append(l.buf, l.len);
}

static enum MHD_Result send_response(struct MHD_Connection *c, struct conn *cc, const char *method,
                                     const char *url, struct response *res)
{
    struct worker *w = memoisable(res) ? worker_of_thread() : NULL;
    struct MHD_Response *r = w ? memo_get(w, res) : NULL;
    if (r) {
        enum MHD_Result ok = MHD_queue_response(c, (unsigned)res->status, r);
        access_log(c, method, url, res->status, res->raw_len, &cc->start);
        return ok;
    }
    size_t bytes = 0;
    char *memo_bytes = NULL;
    if (res->json) {
        char *text = json_dumps(res->json, JSON_COMPACT | JSON_ENSURE_ASCII * 0);
        bytes = strlen(text);
        r = MHD_create_response_from_buffer(bytes, text, MHD_RESPMEM_MUST_FREE);
        MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
    } else if (memoisable(res)) {
        /* The worker's cache only lends its bytes (they may be gone before the response is
         * sent): the response owns a copy, kept in the memo when there is one. */
        bytes = res->raw_len;
        memo_bytes = malloc(bytes ? bytes : 1);
        if (!memo_bytes)
            abort();
        memcpy(memo_bytes, res->raw_static, bytes);
        r = MHD_create_response_from_buffer(bytes, memo_bytes, MHD_RESPMEM_MUST_FREE);
    } else if (res->raw_static) {
        bytes = res->raw_len;
        r = MHD_create_response_from_buffer(bytes, (void *)res->raw_static, MHD_RESPMEM_PERSISTENT);
    } else if (res->raw) {
        bytes = res->raw_len;
        r = MHD_create_response_from_buffer(bytes, res->raw, MHD_RESPMEM_MUST_FREE);
        res->raw = NULL;
    } else {
        r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (res->content_type)
        MHD_add_response_header(r, "Content-Type", res->content_type);
    if (res->content_encoding) {
        MHD_add_response_header(r, "Content-Encoding", res->content_encoding);
        MHD_add_response_header(r, "Vary", "Accept-Encoding");
    }
    if (res->location[0])
        MHD_add_response_header(r, "Location", res->location);
    if (res->disposition[0])
        MHD_add_response_header(r, "Content-Disposition", res->disposition);
    if (res->cookie[0])
        MHD_add_response_header(r, "Set-Cookie", res->cookie);
    if (res->etag[0])
        MHD_add_response_header(r, "ETag", res->etag);
    MHD_add_response_header(r, "Cache-Control",
                            res->cache_control ? res->cache_control : "no-store");
    add_common_headers(r);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)res->status, r);
    if (w)
        memo_put(w, res, r, memo_bytes);
    else
        MHD_destroy_response(r);
    access_log(c, method, url, res->status, bytes, &cc->start);
    json_decref(res->json);
    free(res->raw);
    return ok;
}

static enum MHD_Result error_now(struct MHD_Connection *c, struct conn *cc, const char *method,
                                 const char *url, enum err_code code, const char *msg)
{
    struct err e = {0};
    struct response res = {0};
    err_set(&e, code, NULL, "%s", msg);
    respond_error(&res, &e);
    return send_response(c, cc, method, url, &res);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **con_cls)
{
    struct conn *cc = *con_cls;
    if (!cc) {
        /* First call: only headers are known. The response is queued on a later call, as
         * libmicrohttpd otherwise closes keep-alive connections (STACK.md). */
        cc = calloc(1, sizeof *cc);
        if (!cc)
            return MHD_NO;
        clock_gettime(CLOCK_MONOTONIC, &cc->start);
        *con_cls = cc;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > MAX_BODY) {
            cc->too_large = true;
            /* A client that waits for "100 Continue" hears 413 before it sends anything.
             * One that sends at once would lose the answer to a reset if we closed on its
             * unread body, so its body is read and discarded, and the 413 follows. */
            const char *expect = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Expect");
            if (expect && !strcasecmp(expect, "100-continue")) {
                cc->answered = true;
                return error_now(c, cc, method, url, E_TOO_LARGE,
                                 "Nội dung vượt quá 10 MiB. / The body is larger than 10 MiB.");
            }
        }
        return MHD_YES;
    }
    if (*upload_size) {
        if (cc->too_large) {
            cc->discarded += *upload_size;
            *upload_size = 0;
            return cc->discarded > MAX_DISCARD ? MHD_NO : MHD_YES;
        }
        if (cc->len + *upload_size <= MAX_BODY) {
            if (cc->len + *upload_size + 1 > cc->cap) {
                cc->cap = (cc->len + *upload_size + 1) * 2;
                if (cc->cap > MAX_BODY + 1)
                    cc->cap = MAX_BODY + 1;
                cc->body = realloc(cc->body, cc->cap);
                if (!cc->body)
                    abort();
            }
            memcpy(cc->body + cc->len, upload_data, *upload_size);
            cc->len += *upload_size;
        } else {
            cc->too_large = true;
            cc->discarded = cc->len + *upload_size;
            free(cc->body);
            cc->body = NULL;
            cc->len = cc->cap = 0;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (cc->answered)
        return MHD_YES;
    if (cc->too_large) {
        cc->answered = true;
        return error_now(c, cc, method, url, E_TOO_LARGE,
                         "Nội dung vượt quá 10 MiB. / The body is larger than 10 MiB.");
    }
    if (cc->body)
        cc->body[cc->len] = 0;

    struct response res = {0};
    struct err e = {0};
    struct store *st = worker_store(&e);
    if (!st) {
        respond_error(&res, &e);
        return send_response(c, cc, method, url, &res);
    }
    struct request q = {
        .method = method,
        .path = url,
        .body = cc->body,
        .body_len = cc->len,
        .address = peer_addr(c),
        .header = get_header,
        .query = get_query,
        .each_query = each_query,
        .impl = c,
        .st = st,
    };
    http_handle(&q, &res);
    return send_response(c, cc, method, url, &res);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct conn *cc = *con_cls;
    if (cc) {
        free(cc->body);
        free(cc);
    }
    *con_cls = NULL;
}

int server_run(const char *db, const char *host, int port, int threads)
{
    db_path = db;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "trienkhai: địa chỉ nghe không hợp lệ / invalid listen address: %s\n",
                host);
        return 1;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    /* Block the signals before any thread starts, so only sigwait below receives them. */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* Past a file-size limit a write must fail (and the request get 503), not kill us. */
    signal(SIGXFSZ, SIG_IGN);
    /* The memory limit bounds a connection's request line and headers (larger ones get 431)
     * and is zeroed whole by libmicrohttpd after every request: 32 KiB made that memset a
     * tenth of a cached GET's time, 16 KiB halves it and still takes headers several times
     * larger than a browser sends. */
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TURBO, 0, NULL, NULL, on_request,
        NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)threads, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(16 * 1024), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        (unsigned)0, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "trienkhai: không nghe được trên %s:%d / cannot listen on %s:%d\n", host,
                port, host, port);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on http://%s:%u\n", host, info ? info->port : (unsigned)port);
    fflush(stdout);
    int sig;
    for (;;) {
        sig = sigtimedwait(&set, NULL, &(struct timespec){.tv_sec = 1});
        if (sig > 0)
            break;
        if (errno == EAGAIN)
            log_flush(false); /* the lines of the last second go out */
    }
    log_flush(false);
    fprintf(stderr, "trienkhai: nhận tín hiệu %d, đang dừng / signal %d, shutting down\n", sig,
            sig);
    MHD_quiesce_daemon(d);
    /* Let requests in flight finish, up to 10 seconds. */
    for (int i = 0; i < 100; i++) {
        const union MHD_DaemonInfo *ci =
            MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!ci || ci->num_connections == 0)
            break;
        usleep(100 * 1000);
    }
    MHD_stop_daemon(d);
    log_flush(true); /* every request has been answered: its line goes out */
    cache_free_all();
    pthread_mutex_lock(&stores_lock);
    for (int i = 0; i < nstores; i++)
        store_close(stores[i]);
    nstores = 0;
    pthread_mutex_unlock(&stores_lock);
    return 0;
}
