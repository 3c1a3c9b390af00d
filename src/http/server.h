/* The HTTP server's entry point, used by `trienkhai serve`. */
#ifndef TK_SERVER_H
#define TK_SERVER_H
/* Serves db on host:port (0: any free port) with `threads` workers until SIGTERM or SIGINT;
 * prints "listening on http://HOST:PORT" on stdout once bound. Returns the exit status. */
int server_run(const char *db, const char *host, int port, int threads);
#endif
