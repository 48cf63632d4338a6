/* SPDX-License-Identifier: MIT */
/*
 * The office's decisions as the geocoder applies them (decided.h): loaded
 * once per run into a sorted array, found per row by binary search, checked
 * against the row now at their key, and turned into a place: the given
 * coordinate when it lies inside the chosen village (a person chose the
 * village, the coordinate is then the better point within it), else the
 * village's point on surface.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/review_file.h"
#include "decided.h"

struct jk_decided {
	jk_ctx *ctx;
	jk_store *st;
	jk_decision *v;
	size_t n;
	sqlite3_stmt *contains; /* is a point inside a village */
	sqlite3_stmt *vpt;      /* a village's point on surface */
};

static int key_cmp(int ca, const char *fa, const char *sa, long ra, int cb,
		   const char *fb, const char *sb, long rb)
{
	int c;

	if (ca != cb)
		return ca < cb ? -1 : 1;
	c = strcmp(fa, fb);
	if (c)
		return c;
	c = strcmp(sa, sb);
	if (c)
		return c;
	return ra < rb ? -1 : ra > rb;
}

static int decision_cmp(const void *a, const void *b)
{
	const jk_decision *x = a, *y = b;

	return key_cmp(x->client, x->src_file, x->src_sheet, x->src_row,
		       y->client, y->src_file, y->src_sheet, y->src_row);
}

static const char *col(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	return t ? t : "";
}

/* The row now at a decision's key (review_file.h). */
static const char *const current_sql[2] = {
	JK_RV_AT_KEY_SQL("sites", "site_id", "site_id, row_hash"),
	JK_RV_AT_KEY_SQL("clients", "rowid", "rowid, row_hash")};

static int check_decision(jk_decided *d, sqlite3_stmt *cur[2],
			  sqlite3_stmt *vex, jk_decision *dc)
{
	sqlite3_stmt *s = cur[dc->client];
	int rc;

	sqlite3_bind_int64(s, 1, dc->src_row);
	sqlite3_bind_text(s, 2, dc->src_sheet, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, dc->src_file, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		dc->cur_rowid = sqlite3_column_int64(s, 0);
		dc->state = strcmp(col(s, 1), dc->row_hash) == 0
				    ? JK_DECIDED_FITS : JK_DECIDED_CHANGED;
	} else {
		dc->state = JK_DECIDED_GONE;
		dc->cur_rowid = -1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jk_store_dberr(d->st, "cannot read the decided rows");
	sqlite3_bind_text(vex, 1, dc->kode, -1, SQLITE_STATIC);
	rc = sqlite3_step(vex);
	dc->village_ok = rc == SQLITE_ROW;
	sqlite3_reset(vex);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jk_store_dberr(d->st, "cannot read the villages");
	return JK_OK;
}

int jk_decided_load(jk_ctx *ctx, jk_store *st, jk_decided **out)
{
	jk_decided *d = calloc(1, sizeof *d);
	sqlite3_stmt *s = NULL, *cur[2] = {NULL, NULL}, *vex = NULL;
	size_t cap = 0, i;
	int rc;

	*out = NULL;
	if (!d)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	d->ctx = ctx;
	d->st = st;
	rc = jk_store_prepare(st,
		"SELECT kind, src_file, src_sheet, src_row, row_hash, kode_desa,"
		" note, decided_at, source FROM decisions", &s);
	while (!rc) {
		jk_decision *dc;
		int step = sqlite3_step(s);

		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = jk_store_dberr(st, "cannot read the decisions");
			break;
		}
		if (d->n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			jk_decision *nv = realloc(d->v, nc * sizeof *nv);

			if (!nv) {
				rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
				break;
			}
			d->v = nv;
			cap = nc;
		}
		dc = &d->v[d->n++];
		memset(dc, 0, sizeof *dc);
		dc->client = strcmp(col(s, 0), "client") == 0;
		dc->src_file = jk_strdup(col(s, 1));
		dc->src_sheet = jk_strdup(col(s, 2));
		dc->src_row = (long)sqlite3_column_int64(s, 3);
		dc->row_hash = jk_strdup(col(s, 4));
		dc->kode = jk_strdup(col(s, 5));
		dc->note = sqlite3_column_text(s, 6) ? jk_strdup(col(s, 6)) : NULL;
		dc->decided_at = jk_strdup(col(s, 7));
		dc->source = sqlite3_column_text(s, 8) ? jk_strdup(col(s, 8)) : NULL;
		if (!dc->src_file || !dc->src_sheet || !dc->row_hash || !dc->kode ||
		    !dc->decided_at)
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	}
	sqlite3_finalize(s);
	if (rc)
		goto cleanup;
	if (d->n)
		qsort(d->v, d->n, sizeof *d->v, decision_cmp);
	rc = jk_store_prepare(st, current_sql[0], &cur[0]);
	if (!rc)
		rc = jk_store_prepare(st, current_sql[1], &cur[1]);
	if (!rc)
		rc = jk_store_prepare(st, "SELECT 1 FROM villages WHERE kode=?", &vex);
	for (i = 0; !rc && i < d->n; i++)
		rc = check_decision(d, cur, vex, &d->v[i]);
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT ST_Contains(geom, MakePoint(?1, ?2, 4326)) FROM villages"
			" WHERE kode=?3", &d->contains);
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT pt_lon, pt_lat FROM villages WHERE kode=? AND pt_lon IS NOT NULL",
			&d->vpt);
cleanup:
	sqlite3_finalize(cur[0]);
	sqlite3_finalize(cur[1]);
	sqlite3_finalize(vex);
	if (rc) {
		jk_decided_destroy(d);
		return rc;
	}
	*out = d;
	return JK_OK;
}

void jk_decided_destroy(jk_decided *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n; i++) {
		jk_decision *dc = &d->v[i];

		free(dc->src_file);
		free(dc->src_sheet);
		free(dc->row_hash);
		free(dc->kode);
		free(dc->note);
		free(dc->decided_at);
		free(dc->source);
	}
	free(d->v);
	sqlite3_finalize(d->contains);
	sqlite3_finalize(d->vpt);
	free(d);
}

void jk_decided_row_label(jk_buf *b, const char *src_file,
			  const char *src_sheet, long src_row)
{
	if (src_sheet && *src_sheet)
		jk_buf_printf(b, "%s[%s]:%ld", jk_basename(src_file), src_sheet, src_row);
	else
		jk_buf_printf(b, "%s:%ld", jk_basename(src_file), src_row);
}

long jk_decided_report(jk_decided *d)
{
	jk_buf where;
	long n = 0;
	size_t i;

	jk_buf_init(&where);
	for (i = 0; i < d->n; i++) {
		const jk_decision *dc = &d->v[i];

		if (dc->state == JK_DECIDED_FITS && dc->village_ok)
			continue;
		n++;
		jk_buf_reset(&where);
		jk_decided_row_label(&where, dc->src_file, dc->src_sheet, dc->src_row);
		if (dc->state == JK_DECIDED_CHANGED)
			jk_msg(d->ctx, JK_LOG_WARN,
			       "%s: kode_desa_pilihan: the row changed since the office chose %s "
			       "on %.10s; the decision is not applied (hint: jangkau geocode "
			       "--review FILE lists the row to decide again)",
			       jk_buf_str(&where), dc->kode, dc->decided_at);
		else if (dc->state == JK_DECIDED_GONE)
			jk_msg(d->ctx, JK_LOG_WARN,
			       "%s: kode_desa_pilihan: no such %s row in the store any more; "
			       "the office's choice %s of %.10s is not applied",
			       jk_buf_str(&where), dc->client ? "client" : "site", dc->kode,
			       dc->decided_at);
		else
			jk_msg(d->ctx, JK_LOG_WARN,
			       "%s: kode_desa_pilihan: the chosen village %s is not in the store; "
			       "the decision is not applied (hint: import the boundaries that hold it)",
			       jk_buf_str(&where), dc->kode);
	}
	jk_buf_release(&where);
	return n;
}

const jk_decision *jk_decided_find(const jk_decided *d, int client,
				   const char *src_file, const char *src_sheet,
				   long src_row)
{
	const char *base = jk_basename(src_file ? src_file : "");
	const char *sheet = src_sheet ? src_sheet : "";
	size_t lo = 0, hi = d ? d->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const jk_decision *dc = &d->v[mid];
		int c = key_cmp(client, base, sheet, src_row, dc->client,
				dc->src_file, dc->src_sheet, dc->src_row);

		if (c == 0)
			return dc;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Whether (lon, lat) lies inside village @p kode: 1, 0, or -1 on error. */
static int inside(jk_decided *d, const char *kode, double lon, double lat)
{
	int rc, in = 0;

	sqlite3_bind_double(d->contains, 1, lon);
	sqlite3_bind_double(d->contains, 2, lat);
	sqlite3_bind_text(d->contains, 3, kode, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(d->contains);
	if (rc == SQLITE_ROW)
		in = sqlite3_column_int(d->contains, 0) == 1;
	sqlite3_reset(d->contains);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? in : -1;
}

static int parse_coord(const char *koord, double *lon, double *lat)
{
	int flags = 0;
	char why[160];

	if (!koord || !*koord)
		return 0;
	if (jk_coord_parse(koord, lat, lon, &flags, why, sizeof why) != 0 ||
	    (flags & JK_COORD_ZERO))
		return 0;
	return 1;
}

int jk_decided_coord(jk_decided *d, const char *koord, const char *in_kode,
		     double *lon, double *lat)
{
	if (!parse_coord(koord, lon, lat))
		return 0;
	if (in_kode && *in_kode && *lat > 0 && inside(d, in_kode, *lon, *lat) == 0 &&
	    inside(d, in_kode, *lon, -*lat) == 1)
		*lat = -*lat;
	return 1;
}

int jk_decided_place_row(jk_decided *d, const jk_decision *dc,
			 const char *koord, jk_decided_place *out,
			 jk_buf *note)
{
	double lon, lat;
	int rc, in = 0;

	if (!dc->village_ok)
		return 0;
	if (parse_coord(koord, &lon, &lat)) {
		in = inside(d, dc->kode, lon, lat);
		if (in == 0 && lat > 0) {
			in = inside(d, dc->kode, lon, -lat);
			if (in == 1)
				lat = -lat;
		}
		if (in < 0)
			return -jk_store_dberr(d->st, "cannot place a decided row");
	}
	if (in == 1) {
		out->prec = "coordinate";
		out->lon = lon;
		out->lat = lat;
	} else {
		sqlite3_bind_text(d->vpt, 1, dc->kode, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(d->vpt);
		if (rc == SQLITE_ROW) {
			out->lon = sqlite3_column_double(d->vpt, 0);
			out->lat = sqlite3_column_double(d->vpt, 1);
		}
		sqlite3_reset(d->vpt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -jk_store_dberr(d->st, "cannot place a decided row");
		if (rc != SQLITE_ROW)
			return 0;
		out->prec = "village";
	}
	jk_buf_printf(note, "decided by the office on %.10s", dc->decided_at);
	if (dc->source)
		jk_buf_printf(note, " (%s)", dc->source);
	if (in == 1)
		jk_buf_puts(note, "; the given coordinate lies in the chosen village");
	if (dc->note && *dc->note)
		jk_buf_printf(note, "; note: %s", dc->note);
	return 1;
}
