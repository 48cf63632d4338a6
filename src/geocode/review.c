/* SPDX-License-Identifier: MIT */
/*
 * The review file (jk_geocode_review()): the rows of the last geocoding
 * that a person must decide, with the candidate villages, written for a
 * planner to open in Excel or LibreOffice, fill in kode_desa_pilihan, and
 * give back to jk_import_decisions() (src/core/review_file.h is the
 * contract between the two).
 *
 * Rows are collected first (the number of candidate columns is the largest
 * number of candidates of a row), then written whole: CSV by hand, XLSX
 * through GDAL's XLSX driver into a private temporary directory beside the
 * target. Either way the file appears complete and owner-only (0600), since
 * it holds client ids and addresses.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ogr_api.h>

#include "core/file.h"
#include "core/gdal_util.h"
#include "core/review_file.h"
#include "decided.h"

/* Columns before the candidates, and after them. */
enum {
	H_KIND, H_FILE, H_SHEET, H_ROW, H_ID, H_NAMA, H_ALAMAT, H_DESA, H_KEC,
	H_KAB, H_KOORD, H_PREC, H_KODE, H_DESA_JK, H_ALASAN, H_CHOICE,
	H_CHOICE_NOTE, N_HEAD
};
enum { T_NOTE, T_REASON, T_HASH, N_TAIL };

static const char *const head_names[N_HEAD] = {
	JK_RV_KIND, JK_RV_FILE, JK_RV_SHEET, JK_RV_ROW, "id", "nama", "alamat",
	"desa_kelurahan", "kecamatan", "kabupaten_kota", "koordinat",
	"presisi_jangkau", "kode_desa_jangkau", "desa_jangkau", "alasan",
	JK_RV_CHOICE, JK_RV_CHOICE_NOTE};
static const char *const tail_names[N_TAIL] = {"catatan_jangkau", "reason",
					       JK_RV_HASH};

struct rv_row {
	char *head[N_HEAD];
	char *cand[JK_RV_MAX_CAND];
	int ncand;
	char *tail[N_TAIL];
};

struct review {
	jk_ctx *ctx;
	jk_store *st;
	jk_decided *dec;
	double min_score;
	int include_decided;
	jk_review_stats *stats;
	struct rv_row *rows;
	size_t n, cap;
	int oom;
	sqlite3_stmt *vinfo;  /* name, kecamatan, kabupaten, distance of a village */
	sqlite3_stmt *area;   /* district and regency of a point */
	sqlite3_stmt *in_kec; /* villages of a district */
	sqlite3_stmt *in_kab; /* villages of a regency */
	sqlite3_stmt *cur[2]; /* the row now at a key */
};

/* Columns of the row query, the same for sites and clients. */
enum {
	Q_ROWID, Q_FILE, Q_SHEET, Q_ROW, Q_HASH, Q_ID, Q_NAMA, Q_ALAMAT, Q_DESA,
	Q_KEC, Q_KAB, Q_KOORD, Q_PREC, Q_SCORE, Q_KODE, Q_NOTE, Q_CAND,
	Q_COORD_KODE, Q_LON, Q_LAT
};

static const char *const rows_sql[2] = {
	"SELECT site_id, src_file, src_sheet, src_row, row_hash, no, nama,"
	" alamat, desa_col, kec_col, kab_col, koordinat, precision, score,"
	" kode_desa, geo_note, candidates, coord_kode, lon, lat FROM sites"
	" ORDER BY src_file, src_sheet, src_row, site_id",
	"SELECT rowid, src_file, src_sheet, src_row, row_hash, client_id, NULL,"
	" alamat, desa_col, kec_col, kab_col, koordinat, precision, score,"
	" kode_desa, geo_note, candidates, coord_kode, lon, lat FROM clients"
	" ORDER BY src_file, src_sheet, src_row, rowid"};

static const char *txt(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	return t ? t : "";
}

static char *cell_dup(struct review *rv, const char *s)
{
	char *p = jk_strdup(s ? s : "");

	if (!p)
		rv->oom = 1;
	return p;
}

static void rows_release(struct review *rv)
{
	size_t i;
	int k;

	for (i = 0; i < rv->n; i++) {
		for (k = 0; k < N_HEAD; k++)
			free(rv->rows[i].head[k]);
		for (k = 0; k < rv->rows[i].ncand; k++)
			free(rv->rows[i].cand[k]);
		for (k = 0; k < N_TAIL; k++)
			free(rv->rows[i].tail[k]);
	}
	free(rv->rows);
	rv->rows = NULL;
	rv->n = rv->cap = 0;
}

/* A decimal number with a decimal comma, as Indonesian text writes it. */
static void put_comma_num(jk_buf *b, int decimals, double v)
{
	char num[64], *p;

	snprintf(num, sizeof num, "%.*f", decimals, v);
	for (p = num; *p; p++)
		if (*p == '.')
			*p = ',';
	jk_buf_puts(b, num);
}

/* "Nama (Kecamatan, Kabupaten)" of a village, and with @p has_pt the
 * distance in km from (lon, lat); "" when the code is not a village.
 * Returns JK_OK or a database error. */
static int village_text(struct review *rv, const char *kode, int has_pt,
			double lon, double lat, jk_buf *out, int with_km)
{
	sqlite3_stmt *s = rv->vinfo;
	int step;

	sqlite3_bind_text(s, 1, kode, -1, SQLITE_TRANSIENT);
	if (has_pt) {
		sqlite3_bind_double(s, 2, lon);
		sqlite3_bind_double(s, 3, lat);
	} else {
		sqlite3_bind_null(s, 2);
		sqlite3_bind_null(s, 3);
	}
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		jk_buf_printf(out, "%s (%s, %s)", txt(s, 0), txt(s, 1), txt(s, 2));
		if (with_km && sqlite3_column_type(s, 3) != SQLITE_NULL) {
			jk_buf_puts(out, " ");
			put_comma_num(out, 1, sqlite3_column_double(s, 3) / 1000.0);
			jk_buf_puts(out, " km");
		}
	}
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return jk_store_dberr(rv->st, "cannot read the villages");
	return JK_OK;
}

static int add_cand(char (*c)[16], int n, const char *kode)
{
	int i;

	if (!kode || strlen(kode) != 13 || n >= JK_RV_MAX_CAND)
		return n;
	for (i = 0; i < n; i++)
		if (!strcmp(c[i], kode))
			return n;
	jk_strlcpy(c[n], kode, sizeof c[n]);
	return n + 1;
}

/* The villages of the district (or regency) a district or regency match
 * points into, when there are at most JK_RV_MAX_CAND of them. */
static int area_cands(struct review *rv, sqlite3_stmt *s, char (*c)[16],
		      int n)
{
	const int regency = !strcmp(txt(s, Q_PREC), "regency");
	char area[16] = "";
	sqlite3_stmt *q;
	char list[JK_RV_MAX_CAND][16];
	int step, k = 0, more = 0, i;

	if (sqlite3_column_type(s, Q_LON) == SQLITE_NULL)
		return n;
	sqlite3_bind_double(rv->area, 1, sqlite3_column_double(s, Q_LON));
	sqlite3_bind_double(rv->area, 2, sqlite3_column_double(s, Q_LAT));
	step = sqlite3_step(rv->area);
	if (step == SQLITE_ROW)
		jk_strlcpy(area, txt(rv->area, regency ? 1 : 0), sizeof area);
	sqlite3_reset(rv->area);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return -jk_store_dberr(rv->st, "cannot locate a district");
	if (!*area)
		return n;
	q = regency ? rv->in_kab : rv->in_kec;
	sqlite3_bind_text(q, 1, area, -1, SQLITE_TRANSIENT);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (k == JK_RV_MAX_CAND) {
			more = 1;
			break;
		}
		jk_strlcpy(list[k++], txt(q, 0), sizeof list[0]);
	}
	sqlite3_reset(q);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return -jk_store_dberr(rv->st, "cannot read the villages of a district");
	if (more || n + k > JK_RV_MAX_CAND)
		return n;
	for (i = 0; i < k; i++)
		n = add_cand(c, n, list[i]);
	return n;
}

/* Whether the row is the one now at its key (a leftover of an edited row
 * is not listed). 1, 0, or a negative status. */
static int is_current(struct review *rv, int client, sqlite3_stmt *s)
{
	sqlite3_stmt *q = rv->cur[client];
	int step, cur = 0;

	sqlite3_bind_int64(q, 1, sqlite3_column_int64(s, Q_ROW));
	sqlite3_bind_text(q, 2, txt(s, Q_SHEET), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, jk_basename(txt(s, Q_FILE)), -1, SQLITE_TRANSIENT);
	step = sqlite3_step(q);
	if (step == SQLITE_ROW)
		cur = sqlite3_column_int64(q, 0) == sqlite3_column_int64(s, Q_ROWID);
	sqlite3_reset(q);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return -jk_store_dberr(rv->st, "cannot read the source rows");
	return cur;
}

static struct rv_row *new_row(struct review *rv)
{
	struct rv_row *r;

	if (rv->n == rv->cap) {
		size_t nc = rv->cap ? rv->cap * 2 : 64;
		struct rv_row *nr = realloc(rv->rows, nc * sizeof *nr);

		if (!nr)
			return NULL;
		rv->rows = nr;
		rv->cap = nc;
	}
	r = &rv->rows[rv->n++];
	memset(r, 0, sizeof *r);
	return r;
}

/* What one row of the store says about the need for a decision. */
struct rv_flags {
	const char *prec, *note, *kode, *ckode;
	const jk_decision *dc; /* the office's decision at its key, or NULL */
	int same;              /* ... made on this content of the row */
	int decided, stale, ambiguous, none, district, regency, mismatch, low;
};

static void rv_flags_read(const struct review *rv, int client, sqlite3_stmt *s,
			  struct rv_flags *f)
{
	f->prec = txt(s, Q_PREC);
	f->note = txt(s, Q_NOTE);
	f->kode = txt(s, Q_KODE);
	f->ckode = txt(s, Q_COORD_KODE);
	f->dc = jk_decided_find(rv->dec, client, txt(s, Q_FILE), txt(s, Q_SHEET),
				(long)sqlite3_column_int64(s, Q_ROW));
	f->same = f->dc && !strcmp(f->dc->row_hash, txt(s, Q_HASH));
	f->decided = f->same && f->dc->village_ok;
	f->ambiguous = !strcmp(f->prec, "ambiguous");
	f->none = !strcmp(f->prec, "none");
	f->district = !strcmp(f->prec, "district");
	f->regency = !strcmp(f->prec, "regency");
	f->mismatch = strstr(f->note, "coordinate mismatch") && *f->ckode &&
		      strcmp(f->ckode, f->kode) != 0;
	f->low = !strcmp(f->prec, "village") &&
		 sqlite3_column_double(s, Q_SCORE) < rv->min_score;
	f->stale = f->dc && !f->decided;
}

/* Appends one reason, in Indonesian to @p id and in English to @p en. */
static void reason(jk_buf *id, jk_buf *en, const char *ind, const char *eng)
{
	jk_buf_puts(id, id->len ? "; " : "");
	jk_buf_puts(en, en->len ? "; " : "");
	jk_buf_puts(id, ind);
	jk_buf_puts(en, eng);
}

/* Why a person must decide the row, into @p id and @p en (@p b is
 * scratch); counts the reasons. */
static int rv_reasons(struct review *rv, sqlite3_stmt *s, const struct rv_flags *f,
		      jk_buf *id, jk_buf *en, jk_buf *b)
{
	const jk_decision *dc = f->dc;
	int rc = JK_OK;

	if (f->decided) {
		reason(id, en, "sudah diputuskan kantor", "decided by the office");
		jk_buf_printf(id, " tanggal %.10s", dc->decided_at);
		jk_buf_printf(en, " on %.10s", dc->decided_at);
		rv->stats->decided++;
	} else if (f->stale) {
		reason(id, en, "keputusan kantor", "the office's decision");
		if (f->same) {
			jk_buf_printf(id, " %s tanggal %.10s tidak berlaku: desa itu tidak ada "
				      "di data batas wilayah", dc->kode, dc->decided_at);
			jk_buf_printf(en, " %s of %.10s does not apply: the village is not in "
				      "the boundaries", dc->kode, dc->decided_at);
		} else {
			jk_buf_printf(id, " %s tanggal %.10s tidak berlaku lagi: isi baris berubah",
				      dc->kode, dc->decided_at);
			jk_buf_printf(en, " %s of %.10s no longer applies: the row changed",
				      dc->kode, dc->decided_at);
		}
		rv->stats->stale++;
	}
	if (f->decided)
		return rc;
	if (f->ambiguous) {
		reason(id, en, "alamat cocok dengan beberapa desa", "the address fits several villages");
		rv->stats->ambiguous++;
	} else if (f->none) {
		reason(id, en, "alamat tidak dikenali", "the address matches no village");
		rv->stats->none++;
	} else if (f->district) {
		reason(id, en, "alamat hanya sampai kecamatan", "the address names a district, no village");
		rv->stats->district++;
	} else if (f->regency) {
		reason(id, en, "alamat hanya sampai kabupaten/kota",
		       "the address names a regency or city, no village");
		rv->stats->regency++;
	}
	if (f->mismatch) {
		jk_buf_reset(b);
		rc = village_text(rv, f->ckode, 0, 0, 0, b, 0);
		reason(id, en, "koordinat berada di ", "the coordinate lies in ");
		jk_buf_printf(id, "%s", jk_buf_str(b));
		jk_buf_printf(en, "%s", jk_buf_str(b));
		jk_buf_reset(b);
		if (!rc && *f->kode)
			rc = village_text(rv, f->kode, 0, 0, 0, b, 0);
		if (b->len) {
			jk_buf_printf(id, ", alamat menyebut %s", jk_buf_str(b));
			jk_buf_printf(en, ", the address names %s", jk_buf_str(b));
		}
		rv->stats->mismatch++;
	}
	if (f->low) {
		reason(id, en, "kecocokan alamat lemah (skor ", "weak address match (score ");
		put_comma_num(id, 2, sqlite3_column_double(s, Q_SCORE));
		jk_buf_puts(id, ", batas ");
		put_comma_num(id, 2, rv->min_score);
		jk_buf_puts(id, ")");
		jk_buf_printf(en, "%.2f, threshold %.2f)",
			      sqlite3_column_double(s, Q_SCORE), rv->min_score);
		rv->stats->low_score++;
	}
	return rc;
}

/* The candidate columns of row @p r: the ambiguous ones, jangkau's
 * village, the coordinate's village, the villages of a matched district,
 * each with its distance from @p pt (lon, lat) when not NULL. Takes and returns the status so far, @p rc (no candidate is described
 * after a failure); *nc receives how many. */
static int rv_cands(struct review *rv, sqlite3_stmt *s, const struct rv_flags *f,
		    struct rv_row *r, const double *pt, jk_buf *b, int rc, int *nc)
{
	char cand[JK_RV_MAX_CAND][16];
	int n = 0, i;

	{
		char list[1024], *p, *save = NULL;

		jk_strlcpy(list, txt(s, Q_CAND), sizeof list);
		for (p = strtok_r(list, ";", &save); p; p = strtok_r(NULL, ";", &save))
			n = add_cand(cand, n, jk_trim(p));
	}
	n = add_cand(cand, n, f->kode);
	n = add_cand(cand, n, f->ckode);
	if (!f->decided && (f->district || f->regency)) {
		int k = area_cands(rv, s, cand, n);

		if (k < 0)
			rc = -k;
		else
			n = k;
	}
	for (i = 0; !rc && i < n; i++) {
		jk_buf_reset(b);
		jk_buf_printf(b, "%s ", cand[i]);
		rc = village_text(rv, cand[i], pt != NULL, pt ? pt[0] : 0, pt ? pt[1] : 0, b, 1);
		r->cand[r->ncand++] = cell_dup(rv, jk_buf_str(b));
	}
	*nc = n;
	return rc;
}

/* The cells of row @p r before and after the candidates; takes and
 * returns the status so far, @p rc. */
static int rv_cells(struct review *rv, int client, sqlite3_stmt *s,
		    const struct rv_flags *f, struct rv_row *r, const jk_buf *id,
		    const jk_buf *en, jk_buf *b, int rc)
{
	char num[32];

	r->head[H_KIND] = cell_dup(rv, client ? JK_RV_CLIENT : JK_RV_SITE);
	r->head[H_FILE] = cell_dup(rv, jk_basename(txt(s, Q_FILE)));
	r->head[H_SHEET] = cell_dup(rv, txt(s, Q_SHEET));
	snprintf(num, sizeof num, "%lld", (long long)sqlite3_column_int64(s, Q_ROW));
	r->head[H_ROW] = cell_dup(rv, num);
	r->head[H_ID] = cell_dup(rv, txt(s, Q_ID));
	r->head[H_NAMA] = cell_dup(rv, txt(s, Q_NAMA));
	r->head[H_ALAMAT] = cell_dup(rv, txt(s, Q_ALAMAT));
	r->head[H_DESA] = cell_dup(rv, txt(s, Q_DESA));
	r->head[H_KEC] = cell_dup(rv, txt(s, Q_KEC));
	r->head[H_KAB] = cell_dup(rv, txt(s, Q_KAB));
	r->head[H_KOORD] = cell_dup(rv, txt(s, Q_KOORD));
	r->head[H_PREC] = cell_dup(rv, f->prec);
	r->head[H_KODE] = cell_dup(rv, f->kode);
	jk_buf_reset(b);
	if (!rc && *f->kode)
		rc = village_text(rv, f->kode, 0, 0, 0, b, 0);
	r->head[H_DESA_JK] = cell_dup(rv, jk_buf_str(b));
	r->head[H_ALASAN] = cell_dup(rv, jk_buf_str(id));
	r->head[H_CHOICE] = cell_dup(rv, f->decided ? f->dc->kode : "");
	r->head[H_CHOICE_NOTE] = cell_dup(rv, f->decided && f->dc->note ? f->dc->note : "");
	r->tail[T_NOTE] = cell_dup(rv, f->note);
	r->tail[T_REASON] = cell_dup(rv, jk_buf_str(en));
	r->tail[T_HASH] = cell_dup(rv, txt(s, Q_HASH));
	return rc;
}

/* Looks at one row of the store; lists it when it needs a decision. */
static int one_row(struct review *rv, int client, sqlite3_stmt *s)
{
	struct rv_flags f;
	double pt[2] = { 0, 0 };
	int cur, has_pt, nc = 0, rc;
	jk_buf id, en, b;
	struct rv_row *r;

	rv_flags_read(rv, client, s, &f);
	if (f.decided ? !rv->include_decided
		      : !(f.ambiguous || f.none || f.district || f.regency || f.mismatch ||
			  f.low || f.stale))
		return JK_OK;
	cur = is_current(rv, client, s);
	if (cur <= 0)
		return -cur;
	r = new_row(rv);
	if (!r)
		return jk_error(rv->ctx, JK_ERR_NOMEM, "out of memory");
	jk_buf_init(&id);
	jk_buf_init(&en);
	jk_buf_init(&b);
	has_pt = jk_decided_coord(rv->dec, txt(s, Q_KOORD), f.ckode, &pt[0], &pt[1]);
	rc = rv_reasons(rv, s, &f, &id, &en, &b);
	rc = rv_cands(rv, s, &f, r, has_pt ? pt : NULL, &b, rc, &nc);
	rc = rv_cells(rv, client, s, &f, r, &id, &en, &b, rc);
	if (id.oom || en.oom || b.oom)
		rv->oom = 1;
	jk_buf_release(&id);
	jk_buf_release(&en);
	jk_buf_release(&b);
	if (!rc && rv->oom)
		rc = jk_error(rv->ctx, JK_ERR_NOMEM, "out of memory");
	if (!rc) {
		rv->stats->rows++;
		if (client)
			rv->stats->clients++;
		else
			rv->stats->sites++;
		if (nc > rv->stats->max_candidates)
			rv->stats->max_candidates = nc;
	}
	return rc;
}

static const char *col_name(int i, int ncand, char *name, size_t n)
{
	if (i < N_HEAD)
		return head_names[i];
	if (i < N_HEAD + ncand) {
		snprintf(name, n, JK_RV_CAND "%d", i - N_HEAD + 1);
		return name;
	}
	return tail_names[i - N_HEAD - ncand];
}

static const char *row_cell(const struct rv_row *r, int i, int ncand)
{
	const char *v;

	if (i < N_HEAD)
		v = r->head[i];
	else if (i < N_HEAD + ncand)
		v = i - N_HEAD < r->ncand ? r->cand[i - N_HEAD] : "";
	else
		v = r->tail[i - N_HEAD - ncand];
	return v ? v : "";
}

/* A CSV cell for Excel: quoted when it holds the separator ';', a quote
 * or a line break; a leading apostrophe when a spreadsheet would take it for a
 * formula (jk_import_decisions() takes it away again). */
static void csv_cell(jk_buf *b, const char *s)
{
	const char *p;
	int quote = strpbrk(s, ";\"\r\n") != NULL;

	if (quote)
		jk_buf_puts(b, "\"");
	if (s[0] && strchr("=+-@", s[0]))
		jk_buf_puts(b, "'");
	if (!quote) {
		jk_buf_puts(b, s);
		return;
	}
	for (p = s; *p; p++) {
		if (*p == '"')
			jk_buf_puts(b, "\"\"");
		else
			jk_buf_add(b, p, 1);
	}
	jk_buf_puts(b, "\"");
}

static int write_csv(struct review *rv, const char *path, int ncand)
{
	jk_buf b;
	char name[32];
	int i, ncols = N_HEAD + ncand + N_TAIL, rc;
	size_t k;

	jk_buf_init(&b);
	jk_buf_puts(&b, "\xef\xbb\xbf");
	for (i = 0; i < ncols; i++) {
		jk_buf_puts(&b, i ? ";" : "");
		csv_cell(&b, col_name(i, ncand, name, sizeof name));
	}
	jk_buf_puts(&b, "\r\n");
	for (k = 0; k < rv->n; k++) {
		for (i = 0; i < ncols; i++) {
			jk_buf_puts(&b, i ? ";" : "");
			csv_cell(&b, row_cell(&rv->rows[k], i, ncand));
		}
		jk_buf_puts(&b, "\r\n");
	}
	if (b.oom)
		rc = jk_error(rv->ctx, JK_ERR_NOMEM, "out of memory");
	else
		rc = jk_file_write(rv->ctx, path, jk_buf_str(&b), b.len, JK_FILE_PRIVATE);
	jk_buf_release(&b);
	return rc;
}

/* Sets the review file 0600 before it is moved into place (GDAL creates
 * it with the umask's mode, inside the private work directory). */
static int review_private(void *user, const char *name, const char *from,
			  const char *to)
{
	(void)name;
	(void)to;
	return jk_file_set_access(user, from, JK_FILE_PRIVATE);
}

/* The workbook is made by GDAL in a private work directory beside the
 * target (file.h), made 0600 and moved into place whole. */
static int write_xlsx(struct review *rv, const char *path, int ncand)
{
	GDALDriverH drv;
	GDALDatasetH ds = NULL;
	OGRLayerH lyr;
	jk_gdal_errs errs;
	jk_workdir wd;
	char dir[JK_PATH_MAX], tmp[JK_PATH_MAX + 300], name[32];
	int i, ncols = N_HEAD + ncand + N_TAIL, rc, n;
	size_t k;

	rc = jk_path_dir(rv->ctx, path, dir, sizeof dir);
	if (rc)
		return rc;
	rc = jk_workdir_create(rv->ctx, dir, "review", &wd);
	if (rc)
		return rc;
	n = snprintf(tmp, sizeof tmp, "%s/%s", wd.path, jk_basename(path));
	if (n < 0 || (size_t)n >= sizeof tmp) {
		jk_workdir_remove(&wd);
		return jk_error(rv->ctx, JK_ERR_ARG, "%s: path too long", path);
	}
	GDALAllRegister();
	jk_gdal_push_errs(&errs, rv->ctx, JK_GDAL_FIRST);
	drv = GDALGetDriverByName("XLSX");
	if (!drv) {
		rc = jk_error(rv->ctx, JK_ERR_GDAL, "%s: GDAL has no XLSX driver (hint: write .csv)",
			      path);
		goto cleanup;
	}
	ds = GDALCreate(drv, tmp, 0, 0, 0, GDT_Unknown, NULL);
	if (!ds) {
		rc = jk_error(rv->ctx, JK_ERR_GDAL, "%s: cannot create: %s", path,
			      jk_gdal_lasterr(rv->ctx));
		goto cleanup;
	}
	lyr = GDALDatasetCreateLayer(ds, "tinjauan", NULL, wkbNone, NULL);
	for (i = 0; lyr && i < ncols; i++) {
		OGRFieldDefnH fd = OGR_Fld_Create(col_name(i, ncand, name, sizeof name), OFTString);

		if (OGR_L_CreateField(lyr, fd, 1) != OGRERR_NONE)
			lyr = NULL;
		OGR_Fld_Destroy(fd);
	}
	for (k = 0; lyr && k < rv->n; k++) {
		OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(lyr));

		for (i = 0; i < ncols; i++) {
			const char *v = row_cell(&rv->rows[k], i, ncand);

			if (*v)
				OGR_F_SetFieldString(f, i, v);
		}
		if (OGR_L_CreateFeature(lyr, f) != OGRERR_NONE)
			lyr = NULL;
		OGR_F_Destroy(f);
	}
	if (!lyr) {
		rc = jk_error(rv->ctx, JK_ERR_GDAL, "%s: cannot write the sheet: %s", path,
			      jk_gdal_lasterr(rv->ctx));
		goto cleanup;
	}
	GDALClose(ds);
	ds = NULL;
	if (errs.failed) {
		rc = jk_error(rv->ctx, JK_ERR_GDAL, "%s: cannot write: %s", path,
			      jk_gdal_lasterr(rv->ctx));
		goto cleanup;
	}
	rc = jk_workdir_publish(rv->ctx, &wd, review_private, rv->ctx);
cleanup:
	if (ds)
		GDALClose(ds);
	jk_gdal_pop();
	jk_workdir_remove(&wd);
	return rc;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);

	return n > k && strcasecmp(path + n - k, ext) == 0;
}

/* A review reads geocoded rows only: an error when some are not. */
static int review_pending(jk_ctx *ctx, jk_store *st)
{
	sqlite3_stmt *s = NULL;
	long pending;
	int rc;

	rc = jk_store_prepare(st,
		"SELECT (SELECT count(*) FROM sites WHERE precision IS NULL)"
		" + (SELECT count(*) FROM clients WHERE precision IS NULL)", &s);
	if (rc)
		return rc;
	pending = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (pending > 0)
		return jk_error(ctx, JK_ERR_STATE,
				"%s: %ld sites and clients are not geocoded yet (hint: jangkau geocode)",
				st->path, pending);
	return JK_OK;
}

/* The decisions and the statements that describe villages and rows. */
static int review_prepare(struct review *rv)
{
	jk_store *st = rv->st;
	int rc;

	rc = jk_decided_load(rv->ctx, st, &rv->dec);
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT nama, kecamatan, kabupaten, CASE WHEN ?2 IS NULL THEN NULL"
			" ELSE ST_Distance(geom, MakePoint(?2, ?3, 4326), 1) END"
			" FROM villages WHERE kode=?1", &rv->vinfo);
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT kode_kec, kode_kab FROM villages"
			" WHERE ST_Intersects(geom, MakePoint(?1, ?2, 4326)) AND rowid IN"
			" (SELECT rowid FROM SpatialIndex WHERE f_table_name='villages'"
			"  AND f_geometry_column='geom' AND search_frame=MakePoint(?1, ?2, 4326))"
			" ORDER BY kode LIMIT 1", &rv->area);
	if (!rc)
		rc = jk_store_prepare(st, "SELECT kode FROM villages WHERE kode_kec=? ORDER BY kode",
				      &rv->in_kec);
	if (!rc)
		rc = jk_store_prepare(st, "SELECT kode FROM villages WHERE kode_kab=? ORDER BY kode",
				      &rv->in_kab);
	if (!rc)
		rc = jk_store_prepare(st, JK_RV_AT_KEY_SQL("sites", "site_id", "site_id"),
				      &rv->cur[0]);
	if (!rc)
		rc = jk_store_prepare(st, JK_RV_AT_KEY_SQL("clients", "rowid", "rowid"),
				      &rv->cur[1]);
	return rc;
}

/* Looks at every geocoded site, then every client. */
static int review_collect(struct review *rv)
{
	sqlite3_stmt *s = NULL;
	int client, rc = JK_OK;

	for (client = 0; !rc && client < 2; client++) {
		int step = SQLITE_DONE;

		rc = jk_store_prepare(rv->st, rows_sql[client], &s);
		while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW)
			rc = one_row(rv, client, s);
		if (!rc && step != SQLITE_DONE)
			rc = jk_store_dberr(rv->st, "cannot read the geocoded rows");
		sqlite3_finalize(s);
		s = NULL;
	}
	return rc;
}

jk_status jk_geocode_review(jk_ctx *ctx, jk_store *st, const char *path,
			    const jk_review_opts *opts, jk_review_stats *stats)
{
	struct review rv;
	jk_review_stats local;
	int rc, xlsx, in_tx = 0, ncand;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	memset(&rv, 0, sizeof rv);
	rv.ctx = ctx;
	rv.st = st;
	rv.stats = stats;
	rv.min_score = opts && opts->min_score > 0 ? opts->min_score : JK_REVIEW_MIN_SCORE;
	rv.include_decided = opts && opts->include_decided;
	if (!path || !*path)
		return jk_error(ctx, JK_ERR_ARG, "no review file given");
	xlsx = has_ext(path, ".xlsx");
	if (!xlsx && !has_ext(path, ".csv"))
		return jk_error(ctx, JK_ERR_ARG,
				"%s: a review file is .xlsx or .csv", path);
	/* one moment of the store, unless the caller holds a transaction */
	if (sqlite3_get_autocommit(st->db)) {
		rc = jk_store_exec(st, "BEGIN");
		if (rc)
			return rc;
		in_tx = 1;
	}
	rc = review_pending(ctx, st);
	if (!rc)
		rc = review_prepare(&rv);
	if (!rc)
		rc = review_collect(&rv);
	if (rc)
		goto cleanup;
	if (in_tx)
		jk_store_rollback(st);
	in_tx = 0;
	ncand = stats->max_candidates > 0 ? stats->max_candidates : 1;
	rc = xlsx ? write_xlsx(&rv, path, ncand) : write_csv(&rv, path, ncand);
cleanup:
	if (in_tx)
		jk_store_rollback(st);
	sqlite3_finalize(rv.vinfo);
	sqlite3_finalize(rv.area);
	sqlite3_finalize(rv.in_kec);
	sqlite3_finalize(rv.in_kab);
	sqlite3_finalize(rv.cur[0]);
	sqlite3_finalize(rv.cur[1]);
	jk_decided_destroy(rv.dec);
	rows_release(&rv);
	return rc;
}
