/*
 * The command line: one file per command (cli/<command>.c), each a function with its help
 * text in the table of src/main.c. Options are "--name value" or "--name=value"; every
 * command fails with a one-line message on stderr and a non-zero exit.
 */
#ifndef TK_CLI_H
#define TK_CLI_H
#include <stdbool.h>
#include "store/store.h"

struct opts {
    const char *names[16];
    const char *values[16];
    int n;
    const char *positional[4];
    int npositional;
};

/* Parses argv against the allowed option names (NULL-terminated; a name ending in '!' is
 * a flag without a value). Prints the error and returns -1 on an unknown option. */
int opts_parse(struct opts *o, int argc, char **argv, const char *const *allowed);
const char *opt(const struct opts *o, const char *name);
bool opt_flag(const struct opts *o, const char *name);
/* --db, else $TRIENKHAI_DB, else ./trienkhai.db */
const char *opt_db(const struct opts *o);
/* Prints "trienkhai: <message>" on stderr and returns 1. */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Opens an existing trienkhai database (fails when the file is missing or not one). */
struct store *cli_open_existing(const char *path);
/* Creates the schema in a new file and the admin account; prints its credentials.
 * Returns the open store or NULL (message printed). */
struct store *cli_create_database(const char *path);
/* Imports an export document (the same path `import` and `demo` use). 0 or -1 with e. */
int cli_import_json(struct store *st, const char *text, size_t len, bool progress, struct err *e);

int cmd_init(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_gen(int argc, char **argv);
#endif
