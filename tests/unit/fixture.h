/* SPDX-License-Identifier: MIT */
/*
 * The hand-made store shared by the unit tests of the outputs
 * (test_export.c, test_report.c): seven villages in two regencies, seven
 * sites, four clients, their links and coverage results, in a store in a
 * fresh temporary directory, with a context whose warnings are counted.
 * The expected figures of both suites are worked out by hand from this one
 * fixture, so it must not change for one suite only. Part of the test
 * support library (jk_testsupport), not of jangkau.
 */
#ifndef JK_TEST_FIXTURE_H
#define JK_TEST_FIXTURE_H

#include <stdint.h>
#include <check.h>

#include "jangkau/jangkau.h"

/* A fixture store and the context it was opened with. */
typedef struct jk_fixture {
	char dir[512];       /* the temporary directory holding everything */
	char out[600];       /* an output directory inside it, not created */
	jk_ctx *ctx;
	jk_store *st;
	int n_warn;          /* messages of level JK_LOG_WARN or above */
	char last_warn[512]; /* the last of them */
} jk_fixture;

/*
 * Creates the temporary directory /tmp/jk_test_<name>_XXXXXX, the context,
 * and the store <dir>/store.sqlite loaded with the fixture, and registers
 * the GDAL drivers; out is <dir>/<outsub>. Fails the running test (call it
 * from a checked fixture or a test) on any error. Free with
 * jk_fixture_destroy().
 */
jk_fixture *jk_fixture_create(const char *name, const char *outsub);

/* Closes the store and the context and removes the temporary directory,
 * unless JK_TEST_KEEP is set in the environment. NULL is a no-op. */
void jk_fixture_destroy(jk_fixture *fx);

/* Runs @p sql (one or more statements) on the store; fails the test on an
 * error. */
void jk_fixture_exec(jk_fixture *fx, const char *sql);

/* The integer in the first column of the first row of @p sql, -1 when
 * there is no row. */
long jk_fixture_count(jk_fixture *fx, const char *sql);

/* Removes @p path and, for a directory, everything below it; errors are
 * ignored. */
void jk_test_rm_rf(const char *path);

/* The contents of the file @p dir/@p name, NUL-terminated; fails the test
 * when it cannot be read. Caller frees with free(). */
char *jk_test_slurp(const char *dir, const char *name);
/* The same, for binary files too: the size in *len. */
char *jk_test_slurp_len(const char *dir, const char *name, size_t *len);

/*
 * A scratch directory for tests that build their own stores, with the
 * context messages captured as "LEVEL text" lines. Used by the import,
 * geocode and store suites.
 */
typedef struct jk_scratch {
	char dir[256];
	char *msgs;  /* captured messages, NUL-terminated */
	size_t len, cap;
} jk_scratch;

/* Creates /tmp/jk_<name>_XXXXXX; fails the test on error. */
void jk_scratch_init(jk_scratch *sc, const char *name);
/* Removes the directory (unless JK_TEST_KEEP is set) and frees the
 * messages. */
void jk_scratch_release(jk_scratch *sc);
/* A message callback appending to the jk_scratch given as @p user. */
void jk_scratch_log(void *user, jk_level level, const char *msg);
/* Whether a captured message contains @p needle. */
int jk_scratch_has(const jk_scratch *sc, const char *needle);
/* Opens (creating) the store <dir>/<name>; fails the test on error. */
jk_store *jk_scratch_store(jk_scratch *sc, jk_ctx *ctx, const char *name);
/* Writes @p text to <dir>/<name> and returns that path in @p path. */
void jk_scratch_write(jk_scratch *sc, const char *name, const char *text,
		      char *path, size_t pathlen);

/* Runs the suite @p s (Check's normal output) and frees it; the exit
 * status of a test program: EXIT_SUCCESS when every test passed. */
int jk_test_main(Suite *s);

/* The first column of the first row of @p sql on @p st as a number, -1
 * when there is no row; fails the running test when @p sql is wrong. */
long jk_test_query_long(jk_store *st, const char *sql);

/* The next number of the splitmix64 stream @p s: seeded, reproducible
 * random numbers for the data-driven tests, never from libc. */
uint64_t jk_test_rng(uint64_t *s);

#endif /* JK_TEST_FIXTURE_H */
