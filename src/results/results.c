/* SPDX-License-Identifier: MIT */
/*
 * The start of every output (results.h): one read transaction, and the
 * check that the store holds results to write.
 */
#include <sqlite3.h>

#include "core/file.h"
#include "results.h"

/* Checks that the store holds results to write: villages, and a coverage
 * result for every one of them. Returns JK_OK, or JK_ERR_STATE (or
 * JK_ERR_DB) with the context error set. */
static int check_ready(jk_store *st)
{
	sqlite3_stmt *s = NULL;
	long nv = 0, nc = 0, missing = 0;
	int rc;

	rc = jk_store_prepare(st,
		"SELECT (SELECT count(*) FROM villages),"
		" (SELECT count(*) FROM coverage),"
		" (SELECT count(*) FROM villages v WHERE NOT EXISTS"
		"  (SELECT 1 FROM coverage c WHERE c.kode = v.kode))", &s);
	if (rc)
		goto cleanup;
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = jk_store_dberr(st, "cannot count the coverage results");
		goto cleanup;
	}
	nv = (long)sqlite3_column_int64(s, 0);
	nc = (long)sqlite3_column_int64(s, 1);
	missing = (long)sqlite3_column_int64(s, 2);
	if (nv == 0)
		rc = jk_error(st->ctx, JK_ERR_STATE,
			      "the store has no villages; import the village boundaries and run 'jangkau coverage' first");
	else if (nc == 0)
		rc = jk_error(st->ctx, JK_ERR_STATE,
			      "no coverage results in the store; run 'jangkau coverage' first");
	else if (missing > 0)
		rc = jk_error(st->ctx, JK_ERR_STATE,
			      "%ld of %ld villages have no coverage result (the boundaries changed after the last coverage run); run 'jangkau coverage' again",
			      missing, nv);
	if (rc)
		goto cleanup;
	sqlite3_finalize(s);
	s = NULL;
	/* Results older than the data they were computed from are still
	 * written (the office may want yesterday's map), but not silently. */
	rc = jk_store_prepare(st,
		"SELECT count(*) FROM runs WHERE run_id >"
		" (SELECT max(run_id) FROM runs WHERE step LIKE 'coverage%')"
		" AND (step LIKE 'import%' OR step LIKE 'geocode%')", &s);
	if (rc)
		goto cleanup;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0)
		jk_msg(st->ctx, JK_LOG_WARN,
		       "the coverage results are older than the last import or geocoding; run 'jangkau coverage' again for current results");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

int jk_results_begin(jk_ctx *ctx, jk_store *st, const char *dir, int *in_txn)
{
	int rc;

	*in_txn = 0;
	if (sqlite3_get_autocommit(st->db)) {
		rc = jk_store_exec(st, "BEGIN");
		if (rc)
			return rc;
		*in_txn = 1;
	}
	rc = check_ready(st);
	if (!rc)
		rc = jk_dir_create(ctx, dir);
	return rc;
}
