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

/* The access log: one line per request, gathered in a buffer per worker thread and written
 * to stderr when it fills, at least once a second (server_run's loop) and after the last
 * request at shutdown; a write(2) per line cost a GET several per cent of its time, and one
 * buffer shared by the workers made them wait for each other. A buffer holds PIPE_BUF bytes
 * and is written whole, so that on a pipe (where only writes up to PIPE_BUF are atomic) the
 * lines of two workers never interleave. A crash loses at most the last second's lines. */
enum { LOG_BUF = PIPE_BUF, LOG_LINE = 2048, MAX_LOGS = 256 };

struct log_buf {
    pthread_mutex_t lock; /* taken by its worker, and by the main thread once a second */
    size_t len;
    char data[LOG_BUF];
};

static pthread_mutex_t logs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct log_buf *logs[MAX_LOGS];
static int nlogs;
static __thread struct log_buf *thread_log;

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

/* This thread's buffer, made on first use; NULL when there are more threads than slots
 * (their lines are written at once). */
static struct log_buf *log_of_thread(void)
{
    if (thread_log)
        return thread_log;
    struct log_buf *b = calloc(1, sizeof *b);
    if (!b)
        abort();
    pthread_mutex_init(&b->lock, NULL);
    pthread_mutex_lock(&logs_lock);
    if (nlogs < MAX_LOGS) {
        logs[nlogs++] = b;
        thread_log = b;
    }
    pthread_mutex_unlock(&logs_lock);
    if (!thread_log) {
        pthread_mutex_destroy(&b->lock);
        free(b);
    }
    return thread_log;
}

static void log_append(const char *line, size_t n)
{
    struct log_buf *b = log_of_thread();
    if (!b) {
        log_write(line, n);
        return;
    }
    pthread_mutex_lock(&b->lock);
    if (b->len + n > sizeof b->data) {
        log_write(b->data, b->len);
        b->len = 0;
    }
    if (n > sizeof b->data) {
        log_write(line, n);
    } else {
        memcpy(b->data + b->len, line, n);
        b->len += n;
    }
    pthread_mutex_unlock(&b->lock);
}

/* Writes every buffered line; with `release`, also frees the buffers (at shutdown, once the
 * workers have stopped). */
static void log_flush(bool release)
{
    pthread_mutex_lock(&logs_lock);
    for (int i = 0; i < nlogs; i++) {
        struct log_buf *b = logs[i];
        pthread_mutex_lock(&b->lock);
        log_write(b->data, b->len);
        b->len = 0;
        pthread_mutex_unlock(&b->lock);
        if (release) {
            pthread_mutex_destroy(&b->lock);
            free(b);
        }
    }
    if (release)
        nlogs = 0;
    pthread_mutex_unlock(&logs_lock);
}

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
    char addr[64] = "-";
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr, addr, sizeof addr);
    time_t t = time(NULL);
    if (t != when_t) {
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        when_t = t;
    }
    char line[LOG_LINE];
    /* A URL too long for the line is cut; the line still ends with its newline. */
    int n = snprintf(line, sizeof line, "%s %s %s %.1500s %d %zu %lld.%lldms\n", when, addr, method,
                     url, status, bytes, us / 1000, us % 1000 / 100);
    if (n > 0)
        log_append(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

static enum MHD_Result send_response(struct MHD_Connection *c, struct conn *cc, const char *method,
                                     const char *url, struct response *res)
{
    struct MHD_Response *r;
    size_t bytes = 0;
    if (res->json) {
        char *text = json_dumps(res->json, JSON_COMPACT | JSON_ENSURE_ASCII * 0);
        bytes = strlen(text);
        r = MHD_create_response_from_buffer(bytes, text, MHD_RESPMEM_MUST_FREE);
        MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
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
    char addr[64] = "";
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr, addr, sizeof addr);
    struct request q = {
        .method = method,
        .path = url,
        .body = cc->body,
        .body_len = cc->len,
        .address = addr,
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
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TURBO, 0, NULL, NULL, on_request,
        NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned)threads, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
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
