/* SPDX-License-Identifier: MIT */
/*
 * The gap report for managers: one self-contained HTML page (inline CSS,
 * readable on a phone) and four CSV tables, in Indonesian or English.
 *
 * The figures come from the same SQL fragments as the GIS layers
 * (results/results.h), so that a count in the report always equals the count a
 * manager gets from the layers in QGIS. The report is about villages and
 * sites only: clients appear as counts, never with a location, an address
 * or an id.
 *
 * The HTML shows translated labels and locally formatted numbers; the CSV
 * tables are for further work in a spreadsheet and keep the layers' field
 * names and codes in both languages. Everything is read (in one read
 * transaction) before any file is written; the files are written into a
 * private work directory and moved in as one set (core/file.h), so that a
 * reader never sees half a report nor a page with another run's tables.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/file.h"
#include "core/lang.h"
#include "core/util.h"
#include "render/render.h"
#include "results/results.h"

/* ------------------------------------------------------------------ */
/* Labels                                                              */

/* ------------------------------------------------------------------ */
/* Report state                                                        */

#define N_SUM 9 /* n_desa .. demand, as in JK_SQL_SUM_COLS */

typedef struct sum_row {
	char *kode;    /* kode_kab or kode_kec */
	char *name;    /* kabupaten or kecamatan */
	char *kab_key; /* the regency group the row belongs to */
	long v[N_SUM];
} sum_row;

typedef struct sum_rows {
	sum_row *r;
	size_t n, cap;
} sum_rows;

enum { CSV_KAB, CSV_KEC, CSV_GAPS, CSV_ATTN, N_CSV };
static const char *const csv_names[N_CSV] = {
	"report_kabupaten.csv", "report_kecamatan.csv", "report_gaps.csv",
	"report_sites_attention.csv"
};

typedef struct reporter {
	jk_ctx *ctx;
	jk_store *st;
	const char *dir;
	int id; /* Indonesian number format */
	int maps; /* JK_REPORT_MAPS_* */
	long n_maps; /* maps drawn so far (progress) */
	jk_buf html;
	jk_buf csv[N_CSV]; /* the CSV tables, written with the page at the end */
	jk_csvw csvw[N_CSV]; /* their writers */
} reporter;

/* A text of the catalogue in the report's language. */
#define T(rp, t) jk_tr((rp)->id, (t))

/* ------------------------------------------------------------------ */
/* Formatting                                                          */

static void html_esc(jk_buf *b, const char *s)
{
	const char *p;

	for (p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '&': jk_buf_puts(b, "&amp;"); break;
		case '<': jk_buf_puts(b, "&lt;"); break;
		case '>': jk_buf_puts(b, "&gt;"); break;
		case '"': jk_buf_puts(b, "&quot;"); break;
		case '\'': jk_buf_puts(b, "&#39;"); break;
		default: jk_buf_add(b, p, 1); break;
		}
	}
}

/* A number for people: thousands grouped, @p dec decimals, with the
 * separators of the report's language (1.234,5 or 1,234.5). */
static void fmt_num(const reporter *rp, jk_buf *b, double x, int dec)
{
	char raw[64], *dot;
	size_t nint, i, start = 0;

	snprintf(raw, sizeof raw, "%.*f", dec, x);
	if (raw[0] == '-') {
		jk_buf_add(b, "-", 1);
		start = 1;
	}
	dot = strchr(raw, '.');
	nint = (dot ? (size_t)(dot - raw) : strlen(raw)) - start;
	for (i = 0; i < nint; i++) {
		if (i && (nint - i) % 3 == 0)
			jk_buf_puts(b, rp->id ? "." : ",");
		jk_buf_add(b, raw + start + i, 1);
	}
	if (dot) {
		jk_buf_puts(b, rp->id ? "," : ".");
		jk_buf_puts(b, dot + 1);
	}
}

static const char *code_text(const reporter *rp, const char *code)
{
	const char *w = jk_tr_code(rp->id, code);

	return w ? w : code;
}

/* A CSV cell from a result column: numbers as stored (the layers' values),
 * text through the formula guard of the one CSV writer, NULL empty. */
static void csv_col(jk_csvw *w, sqlite3_stmt *s, int col)
{
	int t = sqlite3_column_type(s, col);

	if (t == SQLITE_INTEGER)
		jk_csvw_int(w, (long long)sqlite3_column_int64(s, col));
	else if (t == SQLITE_FLOAT)
		jk_csvw_real(w, sqlite3_column_double(s, col), 3);
	else if (t == SQLITE_NULL)
		jk_csvw_null(w);
	else
		jk_csvw_text(w, (const char *)sqlite3_column_text(s, col));
}

static void html_cell_text(jk_buf *b, const char *s)
{
	jk_buf_puts(b, "<td>");
	if (s && *s)
		html_esc(b, s);
	else
		jk_buf_puts(b, "&ndash;");
	jk_buf_puts(b, "</td>");
}

static void html_cell_num(const reporter *rp, jk_buf *b, sqlite3_stmt *s,
			  int col, int dec)
{
	jk_buf_puts(b, "<td class=\"n\">");
	if (sqlite3_column_type(s, col) == SQLITE_NULL)
		jk_buf_puts(b, "&ndash;");
	else
		fmt_num(rp, b, sqlite3_column_double(s, col), dec);
	jk_buf_puts(b, "</td>");
}

static void html_cell_code(const reporter *rp, jk_buf *b, const char *code,
			   jk_text_key null_label)
{
	if (!code) {
		html_cell_text(b, T(rp, null_label));
		return;
	}
	jk_buf_puts(b, "<td><span class=\"st st-");
	html_esc(b, code);
	jk_buf_puts(b, "\">");
	html_esc(b, code_text(rp, code));
	jk_buf_puts(b, "</span></td>");
}

static const char *col_text(sqlite3_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s, col);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

/* Writes @p b to @p dir/@p name whole (jk_file_write): the report holds
 * villages, sites and counts, nothing about a client, so it is public. */
static int write_file(reporter *rp, const char *dir, const char *name,
		      const jk_buf *b)
{
	char path[JK_PATH_MAX];

	if (b->oom)
		return jk_error(rp->ctx, JK_ERR_NOMEM, "out of memory");
	if (snprintf(path, sizeof path, "%s/%s", dir, name) >=
	    (int)sizeof path)
		return jk_error(rp->ctx, JK_ERR_ARG, "%s: path too long", dir);
	return jk_file_write(rp->ctx, path, jk_buf_str(b), b->len,
			     JK_FILE_PUBLIC);
}

/* ------------------------------------------------------------------ */
/* Summary tables                                                      */

static void rows_release(sum_rows *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->r[i].kode);
		free(rs->r[i].name);
		free(rs->r[i].kab_key);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

/* Loads summary rows whose columns are: kode, name, then @p skip more
 * columns, then the N_SUM counts, then the regency key; and adds each row
 * to @p csv with the columns before the key. */
static int rows_load(reporter *rp, const char *sql, int skip, sum_rows *rs,
		     jk_csvw *csv)
{
	sqlite3_stmt *s = NULL;
	int rc, step, i, ncsv = 2 + skip + N_SUM;

	rc = jk_store_prepare(rp->st, sql, &s);
	if (rc)
		return rc;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		sum_row *r;

		if (rs->n == rs->cap) {
			size_t cap = rs->cap ? rs->cap * 2 : 16;
			sum_row *nr = realloc(rs->r, cap * sizeof *nr);

			if (!nr) {
				rc = jk_error(rp->ctx, JK_ERR_NOMEM,
					      "out of memory");
				goto cleanup;
			}
			rs->r = nr;
			rs->cap = cap;
		}
		r = &rs->r[rs->n++];
		memset(r, 0, sizeof *r);
		r->kode = jk_strdup(col_text(s, 0));
		r->name = jk_strdup(col_text(s, 1));
		r->kab_key = jk_strdup(col_text(s, ncsv));
		for (i = 0; i < N_SUM; i++)
			r->v[i] = (long)sqlite3_column_int64(s, 2 + skip + i);
		if (!r->kab_key) {
			rc = jk_error(rp->ctx, JK_ERR_NOMEM, "out of memory");
			goto cleanup;
		}
		for (i = 0; i < ncsv; i++)
			csv_col(csv, s, i);
		jk_csvw_end_row(csv);
	}
	if (step != SQLITE_DONE)
		rc = jk_store_dberr(rp->st, "cannot read the summary");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

/* The columns of the HTML summary tables: indexes into sum_row.v, or
 * NO_READY for the villages without a ready site (the office's goal, the
 * sum of the three statuses after it). */
#define NO_READY (-1)
static const int sum_cols[] = {0, 1, NO_READY, 2, 3, 4, 5, 7, 8};
static const jk_text_key sum_heads[] = {
	JK_T_VILLAGES, JK_T_COVERED, JK_T_NO_READY, JK_T_REACHABLE, JK_T_PENDING,
	JK_T_GAP, JK_T_SITES, JK_T_CAP, JK_T_DEMAND
};

/* The value of summary column @p c of the counts @p v. */
static long sum_value(const long *v, int c)
{
	return c == NO_READY ? v[2] + v[3] + v[4] : v[c];
}
#define N_SUM_COLS ((int)(sizeof sum_cols / sizeof sum_cols[0]))

static void sum_head(reporter *rp, jk_text_key first)
{
	int i;

	jk_buf_puts(&rp->html, "<div class=\"tw\"><table><thead><tr><th>");
	html_esc(&rp->html, T(rp, first));
	jk_buf_puts(&rp->html, "</th>");
	for (i = 0; i < N_SUM_COLS; i++) {
		jk_buf_puts(&rp->html, "<th class=\"n\">");
		html_esc(&rp->html, T(rp, sum_heads[i]));
		jk_buf_puts(&rp->html, "</th>");
	}
	jk_buf_puts(&rp->html, "</tr></thead><tbody>\n");
}

static void sum_line(reporter *rp, const char *name, const long *v,
		     const char *tag)
{
	int i;

	jk_buf_printf(&rp->html, "<tr><%s>", tag);
	if (name && *name)
		html_esc(&rp->html, name);
	else
		jk_buf_puts(&rp->html, "&ndash;");
	jk_buf_printf(&rp->html, "</%s>", tag);
	for (i = 0; i < N_SUM_COLS; i++) {
		jk_buf_printf(&rp->html, "<%s class=\"n\">", tag);
		fmt_num(rp, &rp->html, (double)sum_value(v, sum_cols[i]), 0);
		jk_buf_printf(&rp->html, "</%s>", tag);
	}
	jk_buf_puts(&rp->html, "</tr>\n");
}

static void sum_foot(reporter *rp, const long *total)
{
	jk_buf_puts(&rp->html, "</tbody><tfoot>");
	sum_line(rp, T(rp, JK_T_TOTAL), total, "th");
	jk_buf_puts(&rp->html, "</tfoot></table></div>\n");
}

static void h2(reporter *rp, const char *id, jk_text_key l)
{
	jk_buf_printf(&rp->html, "<section id=\"%s\"><h2>", id);
	html_esc(&rp->html, T(rp, l));
	jk_buf_puts(&rp->html, "</h2>\n");
}

/* ------------------------------------------------------------------ */
/* Report sections                                                     */

static const char *const css =
	"*{box-sizing:border-box}"
	"body{font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
	"color:#1d2530;background:#fff;margin:0 auto;max-width:68rem;padding:1rem}"
	"h1{font-size:1.45rem;margin:.2rem 0 .5rem}"
	"h2{font-size:1.2rem;margin:1.8rem 0 .5rem;border-bottom:2px solid #d6dde6;padding-bottom:.2rem}"
	"h3{font-size:1.05rem;margin:1.2rem 0 .4rem}"
	".meta{color:#4a5563;margin:.2rem 0}"
	".note{color:#4a5563;font-size:.9rem;margin:.3rem 0 .6rem}"
	".kf{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.5rem;margin:.5rem 0}"
	".kf div{border:1px solid #d6dde6;border-radius:.4rem;padding:.5rem .6rem}"
	".kf b{display:block;font-size:1.35rem}"
	".kf span{font-size:.85rem;color:#4a5563}"
	".kf .goal{grid-column:1/-1;border:2px solid #8c2d04;background:#fff5eb}"
	".kf .goal div{border:0;padding:0}"
	".kf .goal b{font-size:2rem;color:#8c2d04}"
	".kf .goal span{font-size:1rem;color:#1f2933;font-weight:600}"
	".kf .goal p{margin:.1rem 0 0;font-size:.85rem;color:#4a5563}"
	".tw{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0 1rem}"
	"table{border-collapse:collapse;width:100%;font-size:.9rem}"
	"th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:top}"
	"thead th{background:#eef2f6}"
	"tfoot th{background:#f6f8fa}"
	".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	"tbody td{background:#fff}tbody tr:nth-child(even) td{background:#f7f9fb}"
	"tr>:first-child{position:sticky;left:0;z-index:1}"
	"thead tr>:first-child{z-index:2}"
	".w{min-width:9rem}small{color:#6a7480}"
	".st{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.85rem;white-space:nowrap;background:#e9edf1}"
	/* village statuses in the colours of the maps */
	".st-covered{background:#2166ac;color:#fff}"
	".st-reachable{background:#92c5de;color:#0d2c4a}"
	".st-pending{background:#fdd0a2;color:#5a2500}"
	".st-gap{background:#fff;color:#7f2704;box-shadow:inset 0 0 0 1px #7f2704}"
	".st-ready{background:#d7f0dc;color:#135a24}"
	".st-not_ready{background:#fdf0cf;color:#6b4b00}"
	".st-inactive{background:#e9edf1;color:#3a434d}"
	"figure{margin:.5rem 0 1rem}figure img{display:block;width:100%;height:auto;border:1px solid #d6dde6}"
	"details{margin:.3rem 0}summary{cursor:pointer;color:#17457a;padding:.2rem 0}"
	"dl{margin:.4rem 0}dt{font-weight:600;margin-top:.4rem}dd{margin:0 0 0 1rem}"
	"footer{margin-top:2rem;color:#6a7480;font-size:.85rem}"
	"@media (max-width:40rem){body{padding:.6rem;font-size:15px}"
	"table{font-size:.82rem}th,td{padding:.3rem .35rem}}";

static int section_header(reporter *rp)
{
	jk_buf label, value;
	sqlite3_stmt *s = NULL;
	const char *at = NULL;
	int rc;

	jk_buf_init(&label);
	jk_buf_init(&value);
	jk_buf_printf(&rp->html,
		      "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<title>", rp->id ? "id" : "en");
	html_esc(&rp->html, T(rp, JK_T_TITLE));
	jk_buf_printf(&rp->html, "</title>\n<style>%s</style>\n</head>\n"
		      "<body>\n<header><h1>", css);
	html_esc(&rp->html, T(rp, JK_T_TITLE));
	jk_buf_puts(&rp->html, "</h1>\n<p class=\"meta\">");
	if (jk_reach_rule(rp->st, rp->id, &label, &value)) {
		html_esc(&rp->html, jk_buf_str(&label));
		jk_buf_puts(&rp->html, ": <b>");
		html_esc(&rp->html, jk_buf_str(&value));
	} else {
		html_esc(&rp->html, T(rp, JK_T_RADIUS));
		jk_buf_puts(&rp->html, ": <b>");
		html_esc(&rp->html, T(rp, JK_T_UNKNOWN));
	}
	jk_buf_puts(&rp->html, "</b><br>");
	html_esc(&rp->html, T(rp, JK_T_RUN));
	jk_buf_puts(&rp->html, ": <b>");
	rc = jk_store_prepare(rp->st,
		"SELECT at FROM runs WHERE step LIKE 'coverage%'"
		" ORDER BY run_id DESC LIMIT 1", &s);
	if (rc)
		goto cleanup;
	if (sqlite3_step(s) == SQLITE_ROW)
		at = col_text(s, 0);
	if (at && strlen(at) >= 16 && at[10] == 'T') {
		/* 2026-07-31T02:00:00Z -> 2026-07-31 02:00 UTC */
		jk_buf_add(&rp->html, at, 10);
		jk_buf_puts(&rp->html, " ");
		jk_buf_add(&rp->html, at + 11, 5);
		jk_buf_puts(&rp->html, " UTC");
	} else if (at) {
		html_esc(&rp->html, at);
	} else {
		html_esc(&rp->html, T(rp, JK_T_UNKNOWN));
	}
	jk_buf_puts(&rp->html, "</b></p>\n</header>\n");
cleanup:
	sqlite3_finalize(s);
	jk_buf_release(&label);
	jk_buf_release(&value);
	return rc;
}

static void key_figure(reporter *rp, long v, jk_text_key l)
{
	jk_buf_puts(&rp->html, "<div><b>");
	fmt_num(rp, &rp->html, (double)v, 0);
	jk_buf_puts(&rp->html, "</b><span>");
	html_esc(&rp->html, T(rp, l));
	jk_buf_puts(&rp->html, "</span></div>");
}

/* Key figures: the villages by status, and the active clients by how far
 * their assigned site is (counts only). */
static int section_summary(reporter *rp, const long *total)
{
	sqlite3_stmt *s = NULL;
	int rc;

	rc = jk_store_prepare(rp->st,
		"SELECT count(*),"
		" sum(CASE WHEN l.site_id IS NOT NULL AND l.in_reach = 1"
		"  THEN 1 ELSE 0 END),"
		" sum(CASE WHEN l.site_id IS NOT NULL AND IFNULL(l.in_reach, 0) <> 1"
		"  THEN 1 ELSE 0 END),"
		" sum(CASE WHEN l.site_id IS NULL THEN 1 ELSE 0 END)"
		" FROM clients cl"
		" LEFT JOIN client_links l ON l.client_id = cl.client_id"
		" WHERE cl.status = 'active'", &s);
	if (rc)
		return rc;
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = jk_store_dberr(rp->st, "cannot count the clients");
		goto cleanup;
	}
	h2(rp, "ringkasan", JK_T_SUMMARY);
	jk_buf_puts(&rp->html, "<div class=\"kf\">");
	/* the office's goal first: the villages without a ready site, then
	 * what they have instead */
	jk_buf_puts(&rp->html, "<div class=\"goal\">");
	key_figure(rp, total[2] + total[3] + total[4], JK_T_NO_READY);
	jk_buf_puts(&rp->html, "<p>");
	html_esc(&rp->html, T(rp, JK_T_OF));
	jk_buf_puts(&rp->html, " ");
	fmt_num(rp, &rp->html, (double)total[0], 0);
	jk_buf_puts(&rp->html, " ");
	html_esc(&rp->html, T(rp, JK_T_VILLAGES_LC));
	jk_buf_puts(&rp->html, "</p></div>");
	key_figure(rp, total[2], JK_T_REACHABLE);
	key_figure(rp, total[3], JK_T_PENDING);
	key_figure(rp, total[4], JK_T_GAP);
	key_figure(rp, total[1], JK_T_COVERED);
	jk_buf_puts(&rp->html, "</div>\n<div class=\"kf\">");
	key_figure(rp, (long)sqlite3_column_int64(s, 0), JK_T_K_ACTIVE);
	key_figure(rp, (long)sqlite3_column_int64(s, 1), JK_T_K_INREACH);
	key_figure(rp, (long)sqlite3_column_int64(s, 2), JK_T_K_FAR);
	key_figure(rp, (long)sqlite3_column_int64(s, 3), JK_T_K_NOSITE);
	jk_buf_puts(&rp->html, "</div>\n</section>\n");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

/* A coverage map of @p kode as an embedded lossless WebP image, in a figure; inside a
 * closed <details> when @p folded (the district maps, which a reader opens
 * as needed). */
static int map_figure(reporter *rp, const char *kode, const char *name,
		      int width_px, int folded)
{
	jk_buf png;
	int rc;

	jk_buf_init(&png);
	/* the maps are most of the report's time */
	jk_progress(rp->ctx, "report: maps", ++rp->n_maps, 0);
	rc = jk_map_webp_buf(rp->ctx, rp->st, kode, rp->id, width_px, &png);
	if (rc) {
		jk_buf_release(&png);
		return rc;
	}
	if (folded) {
		jk_buf_puts(&rp->html, "<details><summary>");
		html_esc(&rp->html, T(rp, JK_T_MAP));
		jk_buf_puts(&rp->html, ": ");
		html_esc(&rp->html, name);
		jk_buf_puts(&rp->html, "</summary>");
	}
	jk_buf_puts(&rp->html, "<figure><img alt=\"");
	html_esc(&rp->html, T(rp, JK_T_MAP));
	jk_buf_puts(&rp->html, " ");
	html_esc(&rp->html, name);
	jk_buf_puts(&rp->html, "\" src=\"data:image/webp;base64,");
	jk_buf_base64(&rp->html, png.s, png.len);
	jk_buf_puts(&rp->html, "\"></figure>");
	if (folded)
		jk_buf_puts(&rp->html, "</details>");
	jk_buf_puts(&rp->html, "\n");
	rc = png.oom ? jk_error(rp->ctx, JK_ERR_NOMEM, "out of memory") : JK_OK;
	jk_buf_release(&png);
	return rc;
}

static int section_areas(reporter *rp, const sum_rows *kab,
			 const sum_rows *kec, const long *total)
{
	size_t i, j = 0, k;
	int rc;

	h2(rp, "kabupaten", JK_T_BY_KAB);
	sum_head(rp, JK_T_KABUPATEN);
	for (i = 0; i < kab->n; i++)
		sum_line(rp, kab->r[i].name, kab->r[i].v, "td");
	sum_foot(rp, total);
	jk_buf_puts(&rp->html, "</section>\n");

	h2(rp, "kecamatan", JK_T_BY_KEC);
	for (i = 0; i < kab->n; i++) {
		const sum_row *r = &kab->r[i];

		jk_buf_puts(&rp->html, "<h3>");
		html_esc(&rp->html, r->name && *r->name ? r->name : "\xe2\x80\x93");
		if (r->kode) {
			jk_buf_puts(&rp->html, " <small>(");
			html_esc(&rp->html, r->kode);
			jk_buf_puts(&rp->html, ")</small>");
		}
		jk_buf_puts(&rp->html, "</h3>\n");
		if (r->kode && rp->maps != JK_REPORT_MAPS_NONE) {
			rc = map_figure(rp, r->kode, r->name ? r->name : r->kode,
					1100, 0);
			if (rc)
				return rc;
		}
		sum_head(rp, JK_T_KECAMATAN);
		/* both lists are ordered by the regency key */
		while (j < kec->n && strcmp(kec->r[j].kab_key, r->kab_key) < 0)
			j++;
		for (k = j; k < kec->n && !strcmp(kec->r[k].kab_key, r->kab_key);
		     k++)
			sum_line(rp, kec->r[k].name, kec->r[k].v, "td");
		sum_foot(rp, r->v);
		/* the districts with villages in need (pending, gap) */
		for (; rp->maps == JK_REPORT_MAPS_ALL && j < k; j++) {
			const sum_row *c = &kec->r[j];
			char name[300];

			if (!c->kode || c->v[3] + c->v[4] == 0)
				continue;
			snprintf(name, sizeof name, "%s %s", rp->id ? "Kecamatan"
				 : "District", c->name ? c->name : c->kode);
			rc = map_figure(rp, c->kode, name, 900, 1);
			if (rc)
				return rc;
		}
		j = k;
	}
	jk_buf_puts(&rp->html, "</section>\n");
	return JK_OK;
}

/* A section that lists the rows of one query: a table on the page, with a
 * note above it and a sentence instead when there are no rows, and the
 * same rows in one of the CSV files. */
typedef struct listing {
	const char *id;              /* of the section */
	jk_text_key title, note, none;
	const jk_text_key *heads;     /* the page's column headings */
	int nheads;
	unsigned num_heads;          /* bit i set: column i holds numbers */
	const char *sql;
	int csv;                     /* CSV_* */
	const char *csv_head;        /* the CSV header line, with CRLF */
	const int *csv_cols;         /* the result columns of the CSV */
	int ncsv;
	void (*html_row)(reporter *rp, sqlite3_stmt *s); /* one <tr> */
	const char *what;            /* for a read error */
} listing;

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int section_list(reporter *rp, const listing *ls)
{
	jk_csvw *csv = &rp->csvw[ls->csv];
	sqlite3_stmt *s = NULL;
	int rc, step, i;
	long n = 0;

	rc = jk_store_prepare(rp->st, ls->sql, &s);
	if (rc)
		return rc;
	jk_buf_puts(&rp->csv[ls->csv], ls->csv_head);
	h2(rp, ls->id, ls->title);
	jk_buf_puts(&rp->html, "<p class=\"note\">");
	html_esc(&rp->html, T(rp, ls->note));
	jk_buf_puts(&rp->html, "</p>\n<div class=\"tw\"><table><thead><tr>");
	for (i = 0; i < ls->nheads; i++) {
		jk_buf_printf(&rp->html, "<th%s>",
			      (ls->num_heads >> i) & 1 ? " class=\"n\"" : "");
		html_esc(&rp->html, T(rp, ls->heads[i]));
		jk_buf_puts(&rp->html, "</th>");
	}
	jk_buf_puts(&rp->html, "</tr></thead><tbody>\n");
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		for (i = 0; i < ls->ncsv; i++)
			csv_col(csv, s, ls->csv_cols[i]);
		jk_csvw_end_row(csv);
		ls->html_row(rp, s);
		n++;
	}
	if (step != SQLITE_DONE) {
		rc = jk_store_dberr(rp->st, ls->what);
		goto cleanup;
	}
	jk_buf_puts(&rp->html, "</tbody></table></div>\n");
	if (n == 0) {
		jk_buf_puts(&rp->html, "<p>");
		html_esc(&rp->html, T(rp, ls->none));
		jk_buf_puts(&rp->html, "</p>\n");
	}
	jk_buf_puts(&rp->html, "</section>\n");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

/* Opens a table row with the village of @p s (name in column 1, its code
 * under it from column 0): first, so that it stays in view on a narrow
 * screen. */
static void village_cell(reporter *rp, sqlite3_stmt *s)
{
	jk_buf_puts(&rp->html, "<tr><td class=\"w\">");
	html_esc(&rp->html, col_text(s, 1));
	jk_buf_puts(&rp->html, "<br><small>");
	html_esc(&rp->html, col_text(s, 0));
	jk_buf_puts(&rp->html, "</small></td>");
}

/* A row of the gap list; on the page the village name comes first (with
 * its code under it), so that it stays in view on a narrow screen. */
static void gap_row(reporter *rp, sqlite3_stmt *s)
{
	village_cell(rp, s);
	html_cell_text(&rp->html, col_text(s, 2));
	html_cell_text(&rp->html, col_text(s, 3));
	html_cell_code(rp, &rp->html, col_text(s, 6), JK_T_UNKNOWN);
	html_cell_num(rp, &rp->html, s, 8, 0);
	html_cell_num(rp, &rp->html, s, 10, 0);
	html_cell_num(rp, &rp->html, s, 12, 1);
	html_cell_code(rp, &rp->html, col_text(s, 13), JK_T_UNKNOWN);
	jk_buf_puts(&rp->html, "</tr>\n");
}

static const jk_text_key gap_heads[] = {
	JK_T_DESA, JK_T_KECAMATAN, JK_T_KABUPATEN, JK_T_STATUS,
	JK_T_N_PENDING, JK_T_DEMAND, JK_T_NEAR_KM, JK_T_STATUS_AK
};
/* columns of JK_SQL_DESA_COLS in the CSV, in order */
static const int gap_csv_cols[] = {0, 1, 2, 3, 6, 8, 10, 12, 13};

static const listing gap_listing = {
	.id = "gaps", .title = JK_T_GAPS, .note = JK_T_GAPS_NOTE, .none = JK_T_NO_GAPS,
	.heads = gap_heads, .nheads = N_OF(gap_heads),
	.num_heads = 1u << 4 | 1u << 5 | 1u << 6,
	.sql = "SELECT " JK_SQL_DESA_COLS JK_SQL_DESA_FROM JK_SQL_NO_READY_WHERE
	       " ORDER BY" JK_SQL_NEED_ORDER ", c.demand DESC, c.near_km IS NULL,"
	       " c.near_km DESC, v.kode",
	.csv = CSV_GAPS,
	.csv_head = "kode,desa,kecamatan,kabupaten,status,n_pending,demand,"
		    "near_km,status_ak\r\n",
	.csv_cols = gap_csv_cols, .ncsv = N_OF(gap_csv_cols),
	.html_row = gap_row, .what = "cannot read the gaps"
};

static void attention_row(reporter *rp, sqlite3_stmt *s)
{
	jk_buf_puts(&rp->html, "<tr>");
	html_cell_num(rp, &rp->html, s, 0, 0);
	jk_buf_puts(&rp->html, "<td class=\"n\">");
	html_esc(&rp->html, col_text(s, 1)); /* a row number: no grouping */
	jk_buf_puts(&rp->html, "</td>");
	jk_buf_puts(&rp->html, "<td class=\"w\">");
	html_esc(&rp->html, col_text(s, 2) ? col_text(s, 2) : "");
	jk_buf_puts(&rp->html, "</td>");
	html_cell_text(&rp->html, col_text(s, 3));
	html_cell_code(rp, &rp->html, col_text(s, 4), JK_T_UNKNOWN);
	html_cell_code(rp, &rp->html, col_text(s, 5), JK_T_P_NULL);
	html_cell_text(&rp->html, col_text(s, 6));
	jk_buf_puts(&rp->html, "</tr>\n");
}

static const jk_text_key attention_heads[] = {
	JK_T_SITE_ID, JK_T_SRC_ROW, JK_T_NAMA, JK_T_DESA, JK_T_STATUS, JK_T_PRECISION,
	JK_T_GEO_NOTE
};
static const int attention_csv_cols[] = {0, 1, 2, 3, 4, 5, 6};

static const listing attention_listing = {
	.id = "attention", .title = JK_T_ATTN, .note = JK_T_ATTN_NOTE,
	.none = JK_T_NO_ATTN,
	.heads = attention_heads, .nheads = N_OF(attention_heads),
	.num_heads = 1u << 0 | 1u << 1,
	.sql = "SELECT s.site_id, s.src_row, s.nama, v.nama, s.status,"
	       " s.precision, s.geo_note"
	       " FROM sites s LEFT JOIN villages v ON v.kode = s.kode_desa"
	       JK_SQL_ATTENTION_WHERE
	       " ORDER BY s.src_file, s.src_row, s.site_id",
	.csv = CSV_ATTN,
	.csv_head = "site_id,src_row,nama,desa,status,precision,geo_note\r\n",
	.csv_cols = attention_csv_cols, .ncsv = N_OF(attention_csv_cols),
	.html_row = attention_row, .what = "cannot read the sites"
};

static void section_legend(reporter *rp)
{
	static const struct {
		const char *code;
		jk_text_key name, desc;
	} items[] = {
		{"reachable", JK_T_S_REACHABLE, JK_T_D_REACHABLE},
		{"pending", JK_T_S_PENDING, JK_T_D_PENDING},
		{"gap", JK_T_S_GAP, JK_T_D_GAP},
		{"covered", JK_T_S_COVERED, JK_T_D_COVERED},
	};
	size_t i;

	h2(rp, "legend", JK_T_LEGEND);
	/* the office's goal, then its three groups, then the goal met */
	jk_buf_puts(&rp->html, "<p>");
	html_esc(&rp->html, T(rp, JK_T_D_NO_READY));
	jk_buf_puts(&rp->html, "</p><dl>");
	for (i = 0; i < sizeof items / sizeof items[0]; i++) {
		jk_buf_printf(&rp->html, "<dt><span class=\"st st-%s\">",
			      items[i].code);
		html_esc(&rp->html, T(rp, items[i].name));
		jk_buf_puts(&rp->html, "</span></dt><dd>");
		html_esc(&rp->html, T(rp, items[i].desc));
		jk_buf_puts(&rp->html, "</dd>");
	}
	jk_buf_puts(&rp->html, "</dl>\n<p class=\"note\">");
	html_esc(&rp->html, T(rp, JK_T_D_AK));
	jk_buf_puts(&rp->html, "</p>\n</section>\n<footer>");
	html_esc(&rp->html, T(rp, JK_T_FILES));
	jk_buf_puts(&rp->html, ": report_kabupaten.csv, report_kecamatan.csv, "
		    "report_gaps.csv, report_sites_attention.csv.<br>");
	html_esc(&rp->html, T(rp, JK_T_MADE_BY));
	jk_buf_puts(&rp->html, " " JK_VERSION_STRING
		    "</footer>\n</body>\n</html>\n");
}

/* Homes that got no road travel (coverage --by road), counted per
 * village: off the network or unreachable (another island without a
 * ferry). Counts only, as everywhere on the page. Nothing when the last
 * coverage run was not by road. Kept apart from the labelled sections:
 * its few texts are here in both languages. */
static int section_road(reporter *rp)
{
	static const char *const sql =
		"SELECT v.kode, v.nama, v.kecamatan, v.kabupaten,"
		" sum(l.reach = 'off_network'), sum(l.reach = 'unreachable')"
		" FROM client_links l JOIN clients cl ON cl.client_id = l.client_id"
		" JOIN villages v ON v.kode = cl.kode_desa"
		" WHERE l.reach IN ('off_network', 'unreachable')"
		" GROUP BY v.kode ORDER BY count(*) DESC, v.kode";
	sqlite3_stmt *s = NULL;
	int rc, step;

	if (jk_store_count(rp->st, "client_links") <= 0)
		return JK_OK;
	rc = jk_store_prepare(rp->st, sql, &s);
	if (rc)
		return rc;
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		jk_buf_printf(&rp->html,
			      "<section id=\"road\"><h2>%s</h2>\n<p class=\"note\">%s</p>\n"
			      "<div class=\"tw\"><table><thead><tr><th>%s</th><th>%s</th>"
			      "<th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
			      "</tr></thead><tbody>\n",
			      rp->id ? "Rumah klien tanpa perjalanan jalan"
				     : "Client homes without road travel",
			      rp->id ? "Klien aktif yang rumahnya jauh dari jalan (di luar jaringan) "
				       "atau tidak terhubung dengan lokasi siap mana pun lewat jalan "
				       "atau feri (tidak terjangkau), per desa."
				     : "Active clients whose home is far from any road (off the "
				       "network) or not linked by road or ferry to any ready site "
				       "(unreachable), per village.",
			      T(rp, JK_T_DESA), T(rp, JK_T_KECAMATAN), T(rp, JK_T_KABUPATEN),
			      T(rp, JK_T_OFF_NETWORK),
			      T(rp, JK_T_UNREACHABLE));
		while (step == SQLITE_ROW) {
			village_cell(rp, s);
			html_cell_text(&rp->html, col_text(s, 2));
			html_cell_text(&rp->html, col_text(s, 3));
			html_cell_num(rp, &rp->html, s, 4, 0);
			html_cell_num(rp, &rp->html, s, 5, 0);
			jk_buf_puts(&rp->html, "</tr>\n");
			step = sqlite3_step(s);
		}
		jk_buf_puts(&rp->html, "</tbody></table></div>\n</section>\n");
	}
	if (step != SQLITE_DONE)
		rc = jk_store_dberr(rp->st, "cannot read the road travel of clients");
	sqlite3_finalize(s);
	return rc;
}

jk_status jk_report_write(jk_ctx *ctx, jk_store *st, const char *dir,
			  const jk_report_opts *opts)
{
	reporter rp;
	jk_workdir wd;
	sum_rows kab = {NULL, 0, 0}, kec = {NULL, 0, 0};
	long total[N_SUM] = {0};
	const char *lang = opts && opts->lang && *opts->lang ? opts->lang : "id";
	size_t i;
	int rc, k, in_txn = 0;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	memset(&wd, 0, sizeof wd);
	wd.fd = -1;
	memset(&rp, 0, sizeof rp);
	jk_buf_init(&rp.html);
	for (k = 0; k < N_CSV; k++) {
		jk_buf_init(&rp.csv[k]);
		jk_csvw_init(&rp.csvw[k], &rp.csv[k], JK_CSV_FORMULA_GUARD);
	}
	if (!st || !dir || !*dir)
		return jk_error(ctx, JK_ERR_ARG,
				"jk_report: no store or no output directory given");
	if (!strcmp(lang, "id")) {
		rp.id = JK_LANG_ID;
	} else if (strcmp(lang, "en")) {
		return jk_error(ctx, JK_ERR_ARG,
				"unknown report language '%s' (use 'id' or 'en')",
				lang);
	}
	rp.ctx = ctx;
	rp.st = st;
	rp.maps = opts ? opts->maps : JK_REPORT_MAPS_ALL;
	rp.dir = dir;

	/* one read transaction: every table shows the store at one moment */
	rc = jk_results_begin(ctx, st, dir, &in_txn);
	if (rc)
		goto cleanup;

	/* The summary tables, read once for the CSV files and the page. */
	jk_buf_puts(&rp.csv[CSV_KAB], "kode_kab,kabupaten,n_desa,n_covered,"
		    "n_reach,n_pending,n_gap,n_sites,n_ready,cap_ready,"
		    "demand\r\n");
	rc = rows_load(&rp, JK_SQL_KAB, 0, &kab, &rp.csvw[CSV_KAB]);
	if (rc)
		goto cleanup;
	jk_buf_puts(&rp.csv[CSV_KEC], "kode_kec,kecamatan,kabupaten,kode_kab,"
		    "n_desa,n_covered,n_reach,n_pending,n_gap,n_sites,n_ready,"
		    "cap_ready,demand\r\n");
	rc = rows_load(&rp, JK_SQL_KEC_HEAD ", " JK_SQL_KAB_KEY JK_SQL_KEC_TAIL,
		       2, &kec, &rp.csvw[CSV_KEC]);
	if (rc)
		goto cleanup;
	for (i = 0; i < kab.n; i++)
		for (k = 0; k < N_SUM; k++)
			total[k] += kab.r[i].v[k];

	rc = section_header(&rp);
	if (!rc)
		rc = section_summary(&rp, total);
	if (rc)
		goto cleanup;
	rc = section_areas(&rp, &kab, &kec, total);
	if (!rc)
		rc = section_list(&rp, &gap_listing);
	if (!rc)
		rc = section_road(&rp);
	if (!rc)
		rc = section_list(&rp, &attention_listing);
	if (rc)
		goto cleanup;
	section_legend(&rp);
	/* only now, with everything read, are the files written: into a
	 * private work directory, then moved in as one set, so that the page
	 * and its tables always show the same run */
	rc = jk_workdir_create(ctx, dir, "report", &wd);
	for (k = 0; k < N_CSV && !rc; k++)
		rc = write_file(&rp, wd.path, csv_names[k], &rp.csv[k]);
	if (!rc)
		rc = write_file(&rp, wd.path, "gap_report.html", &rp.html);
	if (!rc)
		rc = jk_workdir_publish(ctx, &wd, NULL, NULL);
cleanup:
	jk_workdir_remove(&wd);
	if (in_txn)
		jk_store_rollback(st); /* nothing was written to the store */
	rows_release(&kab);
	rows_release(&kec);
	jk_buf_release(&rp.html);
	for (k = 0; k < N_CSV; k++)
		jk_buf_release(&rp.csv[k]);
	return rc;
}
