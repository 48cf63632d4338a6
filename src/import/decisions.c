/* SPDX-License-Identifier: MIT */
/*
 * Import of the office's decisions: a review file (review_file.h) in which
 * a planner filled in kode_desa_pilihan, as jangkau wrote it or as Excel or
 * LibreOffice saved it again. Each filled row becomes the decision for its
 * source row (table decisions); the geocoder applies it (src/geocode/
 * decided.c). Every row is checked against the store before it is
 * recorded, and a row that cannot be used is rejected with
 * "FILE:ROW: field: reason", ROW as the spreadsheet shows it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cpl_string.h>
#include <ogr_api.h>

#include "core/gdal_util.h"
#include "core/util.h"
#include "store/store.h"
#include "core/parse.h"
#include "import_int.h"
#include "core/review_file.h"

enum { C_KIND, C_FILE, C_SHEET, C_ROW, C_CHOICE, C_NOTE, C_HASH, N_COLS };

static const char *const col_names[N_COLS] = {
	JK_RV_KIND, JK_RV_FILE, JK_RV_SHEET, JK_RV_ROW, JK_RV_CHOICE,
	JK_RV_CHOICE_NOTE, JK_RV_HASH};

/* The columns without which a file is no review file. */
static const int col_needed[N_COLS] = {1, 1, 0, 1, 1, 0, 0};

struct dec_import {
	jk_ctx *ctx;
	jk_store *st;
	const char *path;
	const char *source;     /* base name of path */
	int col[N_COLS];        /* field index, -1 when absent */
	sqlite3_stmt *cur[2];   /* the row now at a key: sites, clients */
	sqlite3_stmt *village;  /* is a village */
	sqlite3_stmt *old;      /* the decision recorded for a key */
	sqlite3_stmt *put;      /* records a decision */
	sqlite3_stmt *seen;     /* the first row of a key in this file */
	jk_decisions_stats *stats;
};

/* A cell as UTF-8 text, trimmed, in @p out: Excel saves CSV in the
 * Windows code page of its settings, which for Indonesia is
 * Windows-1252. A leading apostrophe that the review writer put before
 * = + - @ is taken away again. */
static void cell(OGRFeatureH f, int idx, jk_buf *out)
{
	const char *s;
	char *rec = NULL, *t;

	jk_buf_reset(out);
	if (idx < 0 || !OGR_F_IsFieldSetAndNotNull(f, idx))
		return;
	s = OGR_F_GetFieldAsString(f, idx);
	if (!CPLIsUTF8(s, -1)) {
		rec = CPLRecode(s, "CP1252", CPL_ENC_UTF8);
		if (rec)
			s = rec;
	}
	jk_buf_puts(out, s);
	CPLFree(rec);
	if (out->oom || !out->s)
		return;
	t = jk_trim(out->s);
	out->len = strlen(t);
	if (t[0] == '\'' && t[1] && strchr("=+-@", t[1])) {
		memmove(t, t + 1, out->len);
		out->len--;
	}
}

/* The village code at the start of a choice cell ("74.72.01.1013" or a
 * candidate cell copied whole, "74.72.01.1013 Sulaa (...) 1,2 km"). */
static void choice_code(const char *s, char *code, size_t n)
{
	size_t k = strcspn(s, " \t");

	if (k >= n)
		k = n - 1;
	memcpy(code, s, k);
	code[k] = '\0';
}

/* A row number as a spreadsheet may have saved it: "214" or "214.0". */
static long row_number(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || v <= 0)
		return -1;
	if (*end == '.') {
		end++;
		while (*end == '0')
			end++;
	}
	return *end ? -1 : v;
}

static int find_columns(struct dec_import *di, OGRLayerH lyr)
{
	OGRFeatureDefnH d = OGR_L_GetLayerDefn(lyr);
	int i, k, n = OGR_FD_GetFieldCount(d);
	jk_buf missing;

	for (k = 0; k < N_COLS; k++)
		di->col[k] = -1;
	for (i = 0; i < n; i++) {
		char name[128];

		jk_strlcpy(name, OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, i)), sizeof name);
		jk_trim(name);
		for (k = 0; k < N_COLS; k++)
			if (di->col[k] < 0 && strcasecmp(name, col_names[k]) == 0)
				di->col[k] = i;
	}
	jk_buf_init(&missing);
	for (k = 0; k < N_COLS; k++)
		if (col_needed[k] && di->col[k] < 0)
			jk_buf_printf(&missing, "%s'%s'", missing.len ? ", " : "", col_names[k]);
	if (missing.len) {
		jk_error(di->ctx, JK_ERR_FORMAT,
			 "%s: no column %s: not a review file (hint: jangkau geocode --review FILE writes one)",
			 di->path, jk_buf_str(&missing));
		jk_buf_release(&missing);
		return JK_ERR_FORMAT;
	}
	jk_buf_release(&missing);
	return JK_OK;
}

static void reject(struct dec_import *di, long row, const char *field,
		   const char *fmt, ...) JK_PRINTF(4, 5);

static void reject(struct dec_import *di, long row, const char *field,
		   const char *fmt, ...)
{
	char why[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	jk_msg(di->ctx, JK_LOG_ERROR, "%s:%ld: %s: %s", di->path, row, field, why);
	di->stats->rejected++;
}

/* The earlier row of this file with the same source row, 0 when there is
 * none (the key is remembered then), or -1 on a database error. */
static long seen_before(struct dec_import *di, const char *key, long row)
{
	long first = -1;
	int step;

	sqlite3_bind_text(di->seen, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(di->seen, 2, row);
	step = sqlite3_step(di->seen);
	if (step == SQLITE_ROW)
		first = (long)sqlite3_column_int64(di->seen, 0);
	sqlite3_reset(di->seen);
	if (step != SQLITE_ROW)
		return -1;
	return first == row ? 0 : first;
}

/* One row of the review file on its way to a decision. */
struct dec_row {
	long row;            /* as the spreadsheet shows it */
	jk_buf v[N_COLS];    /* the cells */
	char code[32];       /* the village chosen */
	int client;
	const char *file, *sheet, *hash;
	long srow;           /* the source row */
	char key[700];       /* kind, file, sheet and source row */
};

/* A row that ends here without an error: rejected with its message, or
 * needing nothing more. */
#define ROW_DONE (-1)

/* The chosen village: a village code, of a village in the store. */
static int dec_choice(struct dec_import *di, struct dec_row *r)
{
	int step;

	choice_code(jk_buf_str(&r->v[C_CHOICE]), r->code, sizeof r->code);
	if (jk_kode_level(r->code) != 4) {
		reject(di, r->row, JK_RV_CHOICE,
		       "'%s' is not a village code (PP.KK.DD.VVVV, e.g. 74.72.01.1013)",
		       jk_buf_str(&r->v[C_CHOICE]));
		return ROW_DONE;
	}
	sqlite3_bind_text(di->village, 1, r->code, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(di->village);
	sqlite3_reset(di->village);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jk_store_dberr(di->st, "cannot read the villages");
	if (step != SQLITE_ROW) {
		reject(di, r->row, JK_RV_CHOICE,
		       "'%s' is not a village in the store (hint: a code from the kandidat "
		       "columns, or of the imported boundaries)", r->code);
		return ROW_DONE;
	}
	return JK_OK;
}

/* The source row the decision is for: kind, file and row number, the
 * first line of the file for it. */
static int dec_key(struct dec_import *di, struct dec_row *r)
{
	const char *kind = jk_buf_str(&r->v[C_KIND]);
	long first;

	if (!strcasecmp(kind, JK_RV_SITE) || !strcasecmp(kind, "site"))
		r->client = 0;
	else if (!strcasecmp(kind, JK_RV_CLIENT) || !strcasecmp(kind, "client"))
		r->client = 1;
	else {
		reject(di, r->row, JK_RV_KIND, "'%s' is not " JK_RV_SITE " or " JK_RV_CLIENT,
		       kind);
		return ROW_DONE;
	}
	r->srow = row_number(jk_buf_str(&r->v[C_ROW]));
	if (r->srow < 0) {
		reject(di, r->row, JK_RV_ROW, "'%s' is not a row number",
		       jk_buf_str(&r->v[C_ROW]));
		return ROW_DONE;
	}
	if (!*r->file) {
		reject(di, r->row, JK_RV_FILE, "empty: the source row is unknown");
		return ROW_DONE;
	}
	r->file = jk_basename(r->file);
	snprintf(r->key, sizeof r->key, "%d\t%s\t%s\t%ld", r->client, r->file, r->sheet,
		 r->srow);
	first = seen_before(di, r->key, r->row);
	if (first < 0)
		return jk_store_dberr(di->st, "cannot check the rows of the file");
	if (first > 0) {
		reject(di, r->row, JK_RV_ROW,
		       "the same source row as row %ld (%s:%ld); only the first is used",
		       first, r->file, r->srow);
		return ROW_DONE;
	}
	return JK_OK;
}

/* The source row must be in the store with the content the review file
 * was written from (its hash, which an empty hash cell takes). */
static int dec_current(struct dec_import *di, struct dec_row *r)
{
	sqlite3_stmt *s = di->cur[r->client];
	const char *cur_hash;
	char what[600];
	int step;

	sqlite3_bind_int64(s, 1, r->srow);
	sqlite3_bind_text(s, 2, r->sheet, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, r->file, -1, SQLITE_STATIC);
	step = sqlite3_step(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		sqlite3_reset(s);
		return jk_store_dberr(di->st, "cannot read the source rows");
	}
	snprintf(what, sizeof what, "%s%s%s%s:%ld", r->file, *r->sheet ? "[" : "", r->sheet,
		 *r->sheet ? "]" : "", r->srow);
	if (step == SQLITE_DONE) {
		sqlite3_reset(s);
		reject(di, r->row, JK_RV_ROW, "no %s row %s in the store (hint: import the book first)",
		       r->client ? JK_RV_CLIENT : JK_RV_SITE, what);
		return ROW_DONE;
	}
	cur_hash = (const char *)sqlite3_column_text(s, 0);
	if (*r->hash && strcmp(r->hash, cur_hash ? cur_hash : "") != 0) {
		sqlite3_reset(s);
		reject(di, r->row, JK_RV_HASH,
		       "the source row %s changed since the review file was written; not recorded "
		       "(hint: jangkau geocode --review FILE, and decide again)", what);
		return ROW_DONE;
	}
	if (!*r->hash)
		jk_buf_puts(&r->v[C_HASH], cur_hash ? cur_hash : "");
	sqlite3_reset(s);
	r->hash = jk_buf_str(&r->v[C_HASH]);
	return JK_OK;
}

/* Records the decision, counted as new, changed or the same as recorded
 * (then not written again). */
static int dec_record(struct dec_import *di, const struct dec_row *r)
{
	const char *kind = r->client ? "client" : "site";
	const char *note = jk_buf_str(&r->v[C_NOTE]);
	int step, rc = JK_OK;

	sqlite3_bind_text(di->old, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(di->old, 2, r->file, -1, SQLITE_STATIC);
	sqlite3_bind_text(di->old, 3, r->sheet, -1, SQLITE_STATIC);
	sqlite3_bind_int64(di->old, 4, r->srow);
	step = sqlite3_step(di->old);
	if (step == SQLITE_ROW) {
		const char *ok = (const char *)sqlite3_column_text(di->old, 0);
		const char *oh = (const char *)sqlite3_column_text(di->old, 1);
		const char *on = (const char *)sqlite3_column_text(di->old, 2);

		if (!strcmp(ok ? ok : "", r->code) && !strcmp(oh ? oh : "", r->hash) &&
		    !strcmp(on ? on : "", note)) {
			sqlite3_reset(di->old);
			di->stats->unchanged++;
			return JK_OK;
		}
		di->stats->changed++;
	} else if (step == SQLITE_DONE) {
		di->stats->recorded++;
	}
	sqlite3_reset(di->old);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jk_store_dberr(di->st, "cannot read the decisions");
	sqlite3_bind_text(di->put, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(di->put, 2, r->file, -1, SQLITE_STATIC);
	sqlite3_bind_text(di->put, 3, r->sheet, -1, SQLITE_STATIC);
	sqlite3_bind_int64(di->put, 4, r->srow);
	sqlite3_bind_text(di->put, 5, r->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(di->put, 6, r->code, -1, SQLITE_STATIC);
	if (*note)
		sqlite3_bind_text(di->put, 7, note, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(di->put, 7);
	sqlite3_bind_text(di->put, 8, di->source, -1, SQLITE_STATIC);
	if (sqlite3_step(di->put) != SQLITE_DONE)
		rc = jk_store_dberr(di->st, "cannot record a decision");
	sqlite3_reset(di->put);
	return rc;
}

/* Checks one row and records its decision. Returns JK_OK also for a
 * rejected row; an error only when the store fails. */
static int one_row(struct dec_import *di, OGRFeatureH f, long row)
{
	struct dec_row r;
	int k, rc = JK_OK;

	r.row = row;
	for (k = 0; k < N_COLS; k++) {
		jk_buf_init(&r.v[k]);
		cell(f, di->col[k], &r.v[k]);
	}
	for (k = 0; k < N_COLS; k++)
		if (r.v[k].oom) {
			rc = jk_error(di->ctx, JK_ERR_NOMEM, "out of memory");
			goto cleanup;
		}
	r.file = jk_buf_str(&r.v[C_FILE]);
	r.sheet = jk_buf_str(&r.v[C_SHEET]);
	r.hash = jk_buf_str(&r.v[C_HASH]);
	if (!*jk_buf_str(&r.v[C_CHOICE])) {
		/* a row nobody decided, or a blank line */
		for (k = 0; k < N_COLS && !*jk_buf_str(&r.v[k]); k++)
			;
		if (k < N_COLS) {
			di->stats->read++;
			di->stats->undecided++;
		}
		goto cleanup;
	}
	di->stats->read++;
	rc = dec_choice(di, &r);
	if (!rc)
		rc = dec_key(di, &r);
	if (!rc)
		rc = dec_current(di, &r);
	if (!rc)
		rc = dec_record(di, &r);
	if (rc == ROW_DONE)
		rc = JK_OK;
cleanup:
	for (k = 0; k < N_COLS; k++)
		jk_buf_release(&r.v[k]);
	return rc;
}

/* The row now at a key (review_file.h). */
static const char *const current_sql[2] = {
	JK_RV_AT_KEY_SQL("sites", "site_id", "row_hash"),
	JK_RV_AT_KEY_SQL("clients", "rowid", "row_hash")};

/* The statements of the checks and of the decisions. */
static int dec_prepare(struct dec_import *di)
{
	jk_store *st = di->st;
	int rc;

	rc = jk_store_prepare(st, current_sql[0], &di->cur[0]);
	if (!rc)
		rc = jk_store_prepare(st, current_sql[1], &di->cur[1]);
	if (!rc)
		rc = jk_store_prepare(st, "SELECT 1 FROM villages WHERE kode=?", &di->village);
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT kode_desa, row_hash, IFNULL(note, '') FROM decisions"
			" WHERE kind=?1 AND src_file=?2 AND src_sheet=?3 AND src_row=?4", &di->old);
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO decisions(kind, src_file, src_sheet, src_row, row_hash,"
			" kode_desa, note, source) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"
			" ON CONFLICT(kind, src_file, src_sheet, src_row) DO UPDATE SET"
			" row_hash=excluded.row_hash, kode_desa=excluded.kode_desa,"
			" note=excluded.note, source=excluded.source,"
			" decided_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')", &di->put);
	return rc;
}

/* Inside the transaction: the table of the source rows met in this file
 * (to refuse a second line for one), then every row of the layer, after
 * the recorded decisions are cleared when @p replace. */
static int dec_rows(struct dec_import *di, OGRLayerH lyr, int by_fid, int replace)
{
	jk_store *st = di->st;
	OGRFeatureH f;
	long n = 0;
	int rc;

	rc = jk_store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS jk_decisions_seen("
			       "k TEXT PRIMARY KEY, row INTEGER NOT NULL);"
			       "DELETE FROM jk_decisions_seen");
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO jk_decisions_seen(k, row) VALUES(?1, ?2)"
			" ON CONFLICT(k) DO UPDATE SET row=row RETURNING row", &di->seen);
	if (rc)
		return rc;
	if (replace) {
		di->stats->cleared = jk_store_count(st, "decisions");
		rc = jk_store_exec(st, "DELETE FROM decisions");
		if (rc)
			return rc;
	}
	OGR_L_ResetReading(lyr);
	for (;;) {
		int failed;
		long row;

		rc = jk_gdal_next_feature(di->ctx, lyr, di->path, n + 2, &f, &failed);
		if (rc || !f)
			break;
		row = by_fid ? (long)OGR_F_GetFID(f) : ++n + 1;
		rc = one_row(di, f, row);
		OGR_F_Destroy(f);
		if (rc)
			break;
	}
	return rc;
}

jk_status jk_import_decisions(jk_ctx *ctx, jk_store *st, const char *path,
			      const jk_decisions_opts *opts,
			      jk_decisions_stats *stats)
{
	struct dec_import di;
	jk_decisions_stats local;
	jk_gdal_sheet_opts so;
	GDALDatasetH ds = NULL;
	OGRLayerH lyr = NULL;
	int rc, in_tx = 0, by_fid;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	memset(&di, 0, sizeof di);
	di.ctx = ctx;
	di.st = st;
	di.path = path;
	di.source = jk_basename(path);
	di.stats = stats;
	jk_gdal_push(ctx);
	jk_gdal_sheet_opts_push(&so);
	rc = jk_gdal_open_vector(ctx, path, &ds);
	if (!rc)
		rc = jk_gdal_layer(ctx, ds, path, opts ? opts->layer : NULL, &lyr);
	if (!rc)
		rc = find_columns(&di, lyr);
	if (rc)
		goto cleanup;
	/* a spreadsheet driver numbers features by the row the spreadsheet
	 * shows; CSV counts data lines from 1, after the header line */
	{
		const char *drv = GDALGetDriverShortName(GDALGetDatasetDriver(ds));

		by_fid = !strcmp(drv, "XLSX") || !strcmp(drv, "ODS");
	}
	rc = dec_prepare(&di);
	if (!rc)
		rc = jk_store_begin(st);
	if (rc)
		goto cleanup;
	in_tx = 1;
	rc = dec_rows(&di, lyr, by_fid, opts && opts->replace);
	if (!rc && opts && opts->strict && stats->rejected)
		rc = jk_error(ctx, JK_ERR_REJECTED,
			      "%s: %ld rows rejected; nothing recorded (--strict)", path,
			      stats->rejected);
cleanup:
	rc = jk_store_end(st, &in_tx, rc, "import decisions", NULL);
	sqlite3_finalize(di.cur[0]);
	sqlite3_finalize(di.cur[1]);
	sqlite3_finalize(di.village);
	sqlite3_finalize(di.old);
	sqlite3_finalize(di.put);
	sqlite3_finalize(di.seen);
	if (ds)
		GDALClose(ds);
	jk_gdal_sheet_opts_pop(&so);
	jk_gdal_pop();
	return rc;
}
