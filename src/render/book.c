/* SPDX-License-Identifier: MIT */
/*
 * jangkau book: the printed address book of the work sites of one regency
 * (buku alamat lokasi kerja sosial), an A4 PDF in Indonesian.
 *
 * Cover (office, region, date, counts and an overview map), table of
 * contents with a short guide, then per kecamatan: a locator map with the
 * villages shaded by status and the sites numbered, the table of its sites
 * and the villages without a ready site. Sites the geocoder could not
 * place in one village of the regency come last. Every page after the
 * cover has a running header and "Halaman n dari N".
 *
 * The book is laid out three times on the same kind of surface: two dry
 * passes that measure every text and count the pages without drawing maps
 * (the legends are measured)
 * (the first without the lines of the contents, the second with them, as
 * their length may move every section), and the real pass that knows the
 * page of every section for the table of contents and the page total for
 * the footers. A table row is measured
 * before it is placed, so that a row is never split across pages; a table
 * continued on a new page repeats its header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/file.h"
#include "results/results.h"
#include "render_int.h"

#define PAGE_W 595.28 /* A4 portrait, points */
#define PAGE_H 841.89
#define ML 42.0       /* left and right margins */
#define TOP 62.0      /* body top (the running header is above) */
#define BOTTOM 790.0  /* body bottom (the page number is below) */
#define BODY_W (PAGE_W - 2 * ML)
#define FS 7.5        /* table text size */
#define PAD 2.5       /* cell padding */
#define MAP_H 300.0   /* locator map frame height */

#define MAX_SECTIONS 256

typedef struct section {
	char title[200];
	int page;
} section;

typedef struct book {
	jk_ctx *ctx;
	jk_store *st;
	const jk_book_opts *opts;
	cairo_t *cr;
	int dry;           /* measuring pass: no maps, no output kept */
	int page;          /* current page, 1-based */
	int total;         /* pages of the book (from the dry pass) */
	double y;          /* next free line of the body */
	char kab[200];     /* "Kota Bau Bau" */
	char prov[200];
	char running[200]; /* right-hand running header: the section */
	section sec[MAX_SECTIONS];
	int nsec;
	int next_num;      /* the next site number */
	long n_kec;        /* kecamatan laid out in this pass (progress) */
} book;

static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? (const char *)t : "";
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static void page_furniture(book *bk)
{
	cairo_t *cr = bk->cr;
	char txt[300];

	if (bk->page == 1)
		return; /* the cover */
	snprintf(txt, sizeof txt, "Buku Alamat Lokasi Kerja Sosial \xc2\xb7 %s",
		 bk->kab);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	jk_text(cr, txt, 7.5, 0, ML, 34, BODY_W * 0.6, PANGO_ALIGN_LEFT);
	jk_text(cr, bk->running, 7.5, 1, ML + BODY_W * 0.4, 34, BODY_W * 0.6,
		PANGO_ALIGN_RIGHT);
	cairo_move_to(cr, ML, 47);
	cairo_line_to(cr, ML + BODY_W, 47);
	cairo_set_line_width(cr, 0.5);
	cairo_stroke(cr);
	if (bk->total)
		snprintf(txt, sizeof txt, "Halaman %d dari %d", bk->page, bk->total);
	else
		snprintf(txt, sizeof txt, "Halaman %d", bk->page);
	jk_text(cr, txt, 7.5, 0, ML, BOTTOM + 18, BODY_W, PANGO_ALIGN_CENTER);
}

static void new_page(book *bk)
{
	if (bk->page > 0)
		cairo_show_page(bk->cr);
	bk->page++;
	bk->y = TOP;
	page_furniture(bk);
}

/* Starts a section on a new page, entered in the table of contents. */
static void new_section(book *bk, const char *title)
{
	jk_strlcpy(bk->running, title, sizeof bk->running);
	new_page(bk);
	if (bk->nsec < MAX_SECTIONS) {
		jk_strlcpy(bk->sec[bk->nsec].title, title,
			   sizeof bk->sec[0].title);
		bk->sec[bk->nsec].page = bk->page;
		bk->nsec++;
	}
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct column {
	const char *head;
	double w;
	PangoAlignment align;
} column;

/* The layout of one cell: @p markup is pango markup (values escaped with
 * g_markup_escape_text), wrapped to the column, at most 14 lines. */
static PangoLayout *cell_layout(book *bk, const column *c,
				const char *markup, int bold)
{
	PangoLayout *l = jk_text_layout(bk->cr, "", FS, bold, c->w - 2 * PAD,
					c->align, 14);

	pango_layout_set_markup(l, markup, -1);
	return l;
}

/* Height of a row of @p n cells of markup. */
static double row_height(book *bk, const column *c, int n,
			 const char *const *cells)
{
	double hmax = 0;
	int i;

	for (i = 0; i < n; i++) {
		PangoLayout *l = cell_layout(bk, &c[i], cells[i], 0);
		double h;

		jk_text_size(l, NULL, &h);
		g_object_unref(l);
		if (h > hmax)
			hmax = h;
	}
	return hmax + 2 * PAD;
}

static void draw_row(book *bk, const column *c, int n,
		     const char *const *cells, double h, int shade)
{
	cairo_t *cr = bk->cr;
	double x = ML;
	int i;

	if (shade) {
		cairo_rectangle(cr, ML, bk->y, BODY_W, h);
		cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	for (i = 0; i < n; i++) {
		PangoLayout *l = cell_layout(bk, &c[i], cells[i], 0);

		jk_text_draw(cr, l, x + PAD, bk->y + PAD);
		g_object_unref(l);
		x += c[i].w;
	}
	cairo_move_to(cr, ML, bk->y + h);
	cairo_line_to(cr, ML + BODY_W, bk->y + h);
	cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(cr, 0.4);
	cairo_stroke(cr);
	bk->y += h;
}

static void table_head(book *bk, const column *c, int n)
{
	const char *heads[16];
	double h, x = ML;
	int i;

	for (i = 0; i < n; i++)
		heads[i] = c[i].head;
	h = row_height(bk, c, n, heads);
	cairo_rectangle(bk->cr, ML, bk->y, BODY_W, h);
	cairo_set_source_rgb(bk->cr, 0.82, 0.85, 0.89);
	cairo_fill(bk->cr);
	cairo_set_source_rgb(bk->cr, 0.05, 0.05, 0.05);
	for (i = 0; i < n; i++) {
		PangoLayout *l = cell_layout(bk, &c[i], c[i].head, 1);

		jk_text_draw(bk->cr, l, x + PAD, bk->y + PAD);
		g_object_unref(l);
		x += c[i].w;
	}
	bk->y += h;
}

/* Places a row: on a new page (with the table's header again) when it
 * does not fit in what is left of this one. */
static void table_row(book *bk, const column *c, int n,
		      const char *const *cells, int shade)
{
	double h = row_height(bk, c, n, cells);

	if (bk->y + h > BOTTOM) {
		new_page(bk);
		table_head(bk, c, n);
	}
	draw_row(bk, c, n, cells, h, shade);
}

/* A heading kept with at least @p keep points of what follows it. */
static void heading(book *bk, const char *text, double size, double keep)
{
	PangoLayout *l = jk_text_layout(bk->cr, text, size, 1, BODY_W,
					PANGO_ALIGN_LEFT, 0);
	double h;

	jk_text_size(l, NULL, &h);
	if (bk->y + h + keep > BOTTOM)
		new_page(bk);
	cairo_set_source_rgb(bk->cr, 0.05, 0.05, 0.05);
	jk_text_draw(bk->cr, l, ML, bk->y);
	g_object_unref(l);
	bk->y += h + 4;
}

static void paragraph(book *bk, const char *text, double size)
{
	PangoLayout *l = jk_text_layout(bk->cr, text, size, 0, BODY_W,
					PANGO_ALIGN_LEFT, 0);
	double h;

	jk_text_size(l, NULL, &h);
	if (bk->y + h > BOTTOM)
		new_page(bk);
	cairo_set_source_rgb(bk->cr, 0.15, 0.15, 0.15);
	jk_text_draw(bk->cr, l, ML, bk->y);
	g_object_unref(l);
	bk->y += h + 4;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

static const char *site_status_id(const char *s)
{
	if (!strcmp(s, "ready"))
		return "siap";
	if (!strcmp(s, "not_ready"))
		return "belum siap";
	if (!strcmp(s, "inactive"))
		return "nonaktif";
	return "tidak diketahui";
}

static const char *village_status_id(const char *s)
{
	const char *w = jk_tr_code(JK_LANG_ID, s);

	return w ? w : jk_tr(JK_LANG_ID, JK_T_MAP_NONE);
}

/* "23 November 2026" from "2026-11-23"; the text itself otherwise. */
static void date_id(const char *iso, char *out, size_t n)
{
	static const char *const months[12] = {
		"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
		"Agustus", "September", "Oktober", "November", "Desember"};
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		snprintf(out, n, "%d %s %d", d, months[m - 1], y);
	else
		snprintf(out, n, "%s", iso);
}

/* Decimal comma, three decimals at most, no trailing zeros. */
static void km_id(double km, char *out, size_t n)
{
	char *p;

	snprintf(out, n, "%.1f", km);
	for (p = out; *p; p++)
		if (*p == '.')
			*p = ',';
}

/* ------------------------------------------------------------------ */
/* The regency's figures                                               */

typedef struct counts {
	long kec, desa, no_ready, sites, site_st[JK_SS_N], cap, unplaced;
} counts;

static int load_counts(book *bk, counts *c)
{
	sqlite3_stmt *s = NULL;
	int rc;

	memset(c, 0, sizeof *c);
	rc = jk_store_prepare(bk->st,
		"SELECT count(DISTINCT v.kode_kec), count(*),"
		" sum(CASE WHEN IFNULL(c.status, '') <> 'covered' THEN 1 ELSE 0 END),"
		" sum(IFNULL(c.cap_ready, 0)), max(v.kabupaten), max(v.provinsi)"
		" FROM villages v LEFT JOIN coverage c ON c.kode = v.kode"
		" WHERE v.kode_kab = ?1", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, bk->opts->kabupaten, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		c->kec = sqlite3_column_int64(s, 0);
		c->desa = sqlite3_column_int64(s, 1);
		c->no_ready = sqlite3_column_int64(s, 2);
		c->cap = sqlite3_column_int64(s, 3);
		jk_strlcpy(bk->kab, col(s, 4), sizeof bk->kab);
		jk_strlcpy(bk->prov, col(s, 5), sizeof bk->prov);
	}
	sqlite3_finalize(s);
	if (c->desa == 0)
		return jk_error(bk->ctx, JK_ERR_ARG,
				"no village in the store belongs to the regency"
				" '%s' (a kode such as 74.72)", bk->opts->kabupaten);
	rc = jk_store_prepare(bk->st,
		"SELECT status, count(*) FROM sites s"
		" WHERE s.kode_desa = ?1"
		" OR (s.kode_desa > ?1 || '.' AND s.kode_desa < ?1 || '/')"
		" OR (s.kode_desa IS NULL"
		"  AND ';' || s.candidates LIKE '%;' || ?1 || '.%')"
		" GROUP BY status", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, bk->opts->kabupaten, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		long k = sqlite3_column_int64(s, 1);

		c->site_st[jk_map_site_status(col(s, 0))] += k;
		c->sites += k;
	}
	sqlite3_finalize(s);
	return JK_OK;
}

/* Sites of the regency without one village of their own: found only to
 * the district or the regency (their kode_desa is then that area's code),
 * or ambiguous with a candidate village in the regency. */
#define UNPLACED_WHERE \
	" WHERE (s.kode_desa IS NULL OR s.precision IS NULL" \
	"  OR s.precision NOT IN ('coordinate', 'village'))" \
	" AND (s.kode_desa = ?1" \
	"  OR (s.kode_desa > ?1 || '.' AND s.kode_desa < ?1 || '/')" \
	"  OR ';' || s.candidates LIKE '%;' || ?1 || '.%')"

/* ------------------------------------------------------------------ */
/* Cover and contents                                                  */

static int draw_map(book *bk, const char *code, double x, double y,
		    double w, double h, int numbered, const int *nums,
		    const long *ids, size_t nids, double *legend_h)
{
	jk_map_style style = {1, 0, numbered, 1, 1};
	jk_mapdata_opts mo = {w, h, 1, 1};
	jk_mapdata md;
	size_t i, lo, hi;
	int rc;

	rc = jk_mapdata_load(bk->ctx, bk->st, code, &mo, &md);
	if (rc)
		return rc;
	if (bk->dry) {
		/* the legend's height only (it depends on the counts) */
		*legend_h = jk_map_legend(bk->cr, &md, x, y + h + 6, w, 3, &style);
		jk_mapdata_release(bk->ctx, &md);
		return JK_OK;
	}
	style.village_labels = md.level >= 3;
	/* the book's numbers onto the map's sites (ids are sorted) */
	for (i = 0; numbered && i < md.ns; i++) {
		lo = 0;
		hi = nids;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (ids[mid] < md.s[i].site_id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nids && ids[lo] == md.s[i].site_id)
			md.s[i].num = nums[lo];
	}
	jk_map_draw(bk->ctx, bk->cr, &md, x, y, w, h, &style);
	*legend_h = jk_map_legend(bk->cr, &md, x, y + h + 6, w, 3, &style);
	jk_mapdata_release(bk->ctx, &md);
	return JK_OK;
}

static int cover(book *bk, const counts *c)
{
	cairo_t *cr = bk->cr;
	const char *office = bk->opts->office && *bk->opts->office
				     ? bk->opts->office
				     : "Balai Pemasyarakatan";
	char txt[600], date[64], today[16];
	double y = 70, lh;
	int rc;

	new_page(bk);
	if (bk->opts->date && *bk->opts->date) {
		date_id(bk->opts->date, date, sizeof date);
	} else {
		time_t t = time(NULL);
		struct tm tmv;

		localtime_r(&t, &tmv);
		strftime(today, sizeof today, "%Y-%m-%d", &tmv);
		date_id(today, date, sizeof date);
	}
	cairo_rectangle(cr, 0, 0, PAGE_W, 14);
	cairo_set_source_rgb(cr, 0.13, 0.40, 0.67);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	y += jk_text(cr, office, 12, 1, ML, y, BODY_W, PANGO_ALIGN_LEFT) + 10;
	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	y += jk_text(cr, "Buku Alamat Lokasi Kerja Sosial", 24, 1, ML, y,
		     BODY_W, PANGO_ALIGN_LEFT) + 2;
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	y += jk_text(cr, "Lokasi pidana kerja sosial dan pelayanan masyarakat",
		     11, 0, ML, y, BODY_W, PANGO_ALIGN_LEFT) + 14;
	snprintf(txt, sizeof txt, "%s \xc2\xb7 Provinsi %s", bk->kab, bk->prov);
	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	y += jk_text(cr, txt, 15, 1, ML, y, BODY_W, PANGO_ALIGN_LEFT) + 2;
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	snprintf(txt, sizeof txt, "Keadaan %s", date);
	y += jk_text(cr, txt, 10, 0, ML, y, BODY_W, PANGO_ALIGN_LEFT) + 14;

	rc = draw_map(bk, bk->opts->kabupaten, ML, y, BODY_W, 330, 0, NULL,
		      NULL, 0, &lh);
	if (rc)
		return rc;
	y += 330 + 6 + lh + 10;
	snprintf(txt, sizeof txt,
		 "%ld kecamatan \xc2\xb7 %ld desa/kelurahan \xc2\xb7 %ld lokasi"
		 " (%ld siap, %ld belum siap, %ld nonaktif, %ld status tidak"
		 " diketahui) \xc2\xb7 kapasitas siap %ld orang \xc2\xb7 %ld"
		 " desa/kelurahan tanpa lokasi siap",
		 c->kec, c->desa, c->sites, c->site_st[JK_SS_READY],
		 c->site_st[JK_SS_NOT_READY], c->site_st[JK_SS_INACTIVE],
		 c->site_st[JK_SS_UNKNOWN], c->cap, c->no_ready);
	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	jk_text(cr, txt, 10, 0, ML, y, BODY_W, PANGO_ALIGN_LEFT);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	jk_text(cr,
		"Disusun dengan jangkau " JK_VERSION_STRING " dari buku alamat"
		" lokasi dan batas desa/kelurahan (kode Kemendagri). Status"
		" cakupan menurut analisis terakhir; periksa kesiapan lokasi"
		" sebelum penempatan klien.",
		7.5, 0, ML, BOTTOM + 4, BODY_W, PANGO_ALIGN_LEFT);
	return JK_OK;
}

/* The contents: one line per section with its page (known in the real
 * pass), and a guide to the book. Fits on one page up to about 60
 * sections, which covers every regency of the country. */
static void contents(book *bk, const book *pass1)
{
	cairo_t *cr = bk->cr;
	char pg[16];
	int i;

	jk_strlcpy(bk->running, "Daftar isi", sizeof bk->running);
	new_page(bk);
	heading(bk, "Daftar isi", 16, 0);
	bk->y += 4;
	for (i = 0; pass1 && i < pass1->nsec; i++) {
		PangoLayout *l = jk_text_layout(cr, pass1->sec[i].title, 9.5, 0,
						BODY_W - 40, PANGO_ALIGN_LEFT, 1);
		double h, w;

		jk_text_size(l, &w, &h);
		if (bk->y + h > BOTTOM - 150)
			new_page(bk);
		cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
		jk_text_draw(cr, l, ML, bk->y);
		g_object_unref(l);
		/* dot leader to the page number */
		cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
		cairo_set_line_width(cr, 0.6);
		cairo_set_dash(cr, (const double[]){0.6, 2.4}, 2, 0);
		cairo_move_to(cr, ML + w + 4, bk->y + h - 3);
		cairo_line_to(cr, ML + BODY_W - 24, bk->y + h - 3);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		snprintf(pg, sizeof pg, "%d", pass1->sec[i].page);
		cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
		jk_text(cr, pg, 9.5, 0, ML + BODY_W - 22, bk->y, 22,
			PANGO_ALIGN_RIGHT);
		bk->y += h + 3;
	}
	bk->y += 14;
	heading(bk, "Cara membaca buku ini", 11, 60);
	paragraph(bk,
		"Setiap bagian memuat satu kecamatan: peta letak, daftar lokasi"
		" kerja sosial, lalu desa/kelurahan yang belum memiliki lokasi"
		" siap. Nomor lokasi pada peta sama dengan nomor pada daftar;"
		" lokasi yang hanya diketahui desanya digambar di titik desa,"
		" sehingga beberapa nomor dapat berbagi satu tanda.", 8.5);
	paragraph(bk,
		"Status desa/kelurahan: tercakup \xe2\x80\x93 ada lokasi siap di"
		" desa/kelurahan itu; terjangkau \xe2\x80\x93 tidak ada, tetapi"
		" ada lokasi siap dalam radius jangkauan; tertunda \xe2\x80\x93"
		" tidak ada lokasi siap dalam jangkauan, tetapi ada lokasi yang"
		" belum siap di desa/kelurahan itu; kesenjangan \xe2\x80\x93"
		" tidak ada lokasi sama sekali dalam jangkauan.", 8.5);
	paragraph(bk,
		"Status lokasi: siap, belum siap (jangan ditempati klien"
		" sebelum siap), nonaktif, atau tidak diketahui. Kolom Anak"
		" menunjukkan apakah lokasi sesuai untuk pidana pelayanan"
		" masyarakat bagi anak.", 8.5);
}

/* ------------------------------------------------------------------ */
/* A kecamatan                                                         */

static const column site_cols[] = {
	{"No.", 22, PANGO_ALIGN_RIGHT},
	{"Lokasi dan jenis", 104, PANGO_ALIGN_LEFT},
	{"Alamat dan desa/kelurahan", 112, PANGO_ALIGN_LEFT},
	{"Status", 44, PANGO_ALIGN_LEFT},
	{"Kap.", 25, PANGO_ALIGN_RIGHT},
	{"Kegiatan", 84, PANGO_ALIGN_LEFT},
	{"Anak", 28, PANGO_ALIGN_LEFT},
	{"Penanggung jawab dan telepon", 92.28, PANGO_ALIGN_LEFT},
};
#define N_SITE_COLS ((int)(sizeof site_cols / sizeof site_cols[0]))

static const column gap_cols[] = {
	{"Desa/kelurahan", 150, PANGO_ALIGN_LEFT},
	{"Status", 80, PANGO_ALIGN_LEFT},
	{"Lokasi siap terdekat", 210, PANGO_ALIGN_LEFT},
	{"Jarak (km)", 71.28, PANGO_ALIGN_RIGHT},
};

/* The columns of one site row: what the two site queries select. */
#define SITE_COLS \
	"s.site_id, s.nama, IFNULL(s.jenis_raw, replace(s.jenis, '_', ' '))," \
	" s.alamat, v.nama, s.status, s.kapasitas, s.kegiatan, s.anak_ok," \
	" s.pj, s.telepon"

/* Appends @p text to @p b escaped for pango markup. */
static void esc(jk_buf *b, const char *text)
{
	char *e = g_markup_escape_text(text, -1);

	jk_buf_puts(b, e);
	g_free(e);
}

#define DASH "\xe2\x80\x93"

/* One site row from a statement selecting SITE_COLS: every cell is
 * markup, the site's name bold, the village and the phone on their own
 * line. */
static void site_row(book *bk, sqlite3_stmt *s, int num, int shade)
{
	jk_buf cell[N_SITE_COLS];
	const char *cells[N_SITE_COLS];
	int i;

	for (i = 0; i < N_SITE_COLS; i++)
		jk_buf_init(&cell[i]);
	jk_buf_printf(&cell[0], "%d", num);
	jk_buf_puts(&cell[1], "<b>");
	esc(&cell[1], *col(s, 1) ? col(s, 1) : DASH);
	jk_buf_puts(&cell[1], "</b>");
	if (*col(s, 2)) {
		jk_buf_puts(&cell[1], "\n");
		esc(&cell[1], col(s, 2));
	}
	esc(&cell[2], col(s, 3));
	if (*col(s, 4)) {
		jk_buf_puts(&cell[2], *col(s, 3) ? "\n<i>" : "<i>");
		jk_buf_puts(&cell[2], "Desa/kel. ");
		esc(&cell[2], col(s, 4));
		jk_buf_puts(&cell[2], "</i>");
	}
	if (!cell[2].len)
		jk_buf_puts(&cell[2], DASH);
	jk_buf_puts(&cell[3], site_status_id(col(s, 5)));
	if (sqlite3_column_type(s, 6) == SQLITE_NULL)
		jk_buf_puts(&cell[4], DASH);
	else
		jk_buf_printf(&cell[4], "%lld",
			      (long long)sqlite3_column_int64(s, 6));
	esc(&cell[5], *col(s, 7) ? col(s, 7) : DASH);
	jk_buf_puts(&cell[6], sqlite3_column_type(s, 8) == SQLITE_NULL ? DASH
			      : sqlite3_column_int(s, 8)		 ? "ya"
									 : "tidak");
	esc(&cell[7], col(s, 9));
	if (*col(s, 10)) {
		if (cell[7].len)
			jk_buf_puts(&cell[7], "\n");
		esc(&cell[7], col(s, 10));
	}
	if (!cell[7].len)
		jk_buf_puts(&cell[7], DASH);
	for (i = 0; i < N_SITE_COLS; i++)
		cells[i] = jk_buf_str(&cell[i]);
	table_row(bk, site_cols, N_SITE_COLS, cells, shade);
	for (i = 0; i < N_SITE_COLS; i++)
		jk_buf_release(&cell[i]);
}

/* The kecamatan's heading and its counts in one line. */
static int kec_summary(book *bk, const char *kode_kec, const char *title)
{
	sqlite3_stmt *s = NULL;
	char line[400];
	long nv = 0, nready = 0, nsites = 0, capsum = 0, nogap = 0;
	int rc;

	rc = jk_store_prepare(bk->st,
		"SELECT count(*),"
		" sum(CASE WHEN IFNULL(c.status, '') <> 'covered' THEN 1 ELSE 0 END),"
		" sum(IFNULL(c.n_ready, 0)), sum(IFNULL(c.cap_ready, 0)),"
		" (SELECT count(*) FROM sites s JOIN villages w ON w.kode = s.kode_desa"
		"  WHERE w.kode_kec = ?1)"
		" FROM villages v LEFT JOIN coverage c ON c.kode = v.kode"
		" WHERE v.kode_kec = ?1", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, kode_kec, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		nv = sqlite3_column_int64(s, 0);
		nogap = sqlite3_column_int64(s, 1);
		nready = sqlite3_column_int64(s, 2);
		capsum = sqlite3_column_int64(s, 3);
		nsites = sqlite3_column_int64(s, 4);
	}
	sqlite3_finalize(s);
	heading(bk, title, 16, 0);
	snprintf(line, sizeof line,
		 "%s \xc2\xb7 %ld desa/kelurahan \xc2\xb7 %ld lokasi, %ld siap"
		 " \xc2\xb7 kapasitas siap %ld orang \xc2\xb7 %ld desa/kelurahan"
		 " tanpa lokasi siap", bk->kab, nv, nsites, nready, capsum, nogap);
	paragraph(bk, line, 8.5);
	return JK_OK;
}

/* Sorts the (id, number) pairs by id, for the map's lookup. */
static void sort_pairs(long *ids, int *nums, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && ids[j - 1] > ids[j]; j--) {
			long t = ids[j];
			int u = nums[j];

			ids[j] = ids[j - 1];
			ids[j - 1] = t;
			nums[j] = nums[j - 1];
			nums[j - 1] = u;
		}
}

/* The kecamatan's sites: numbered first (the map shows the same
 * numbers), then the locator map, then the table. */
static int kec_sites(book *bk, const char *kode_kec)
{
	sqlite3_stmt *s = NULL;
	long *ids = NULL;
	int *nums = NULL, rc, step, k = 0;
	size_t n = 0, cap = 0;
	double lh;

	rc = jk_store_prepare(bk->st,
		"SELECT " SITE_COLS " FROM sites s JOIN villages v"
		" ON v.kode = s.kode_desa WHERE v.kode_kec = ?1"
		" ORDER BY v.nama, s.nama, s.site_id", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, kode_kec, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			long *ni = realloc(ids, nc * sizeof *ni);
			int *nn;

			if (ni)
				ids = ni;
			nn = ni ? realloc(nums, nc * sizeof *nn) : NULL;
			if (!nn) {
				rc = jk_error(bk->ctx, JK_ERR_NOMEM, "out of memory");
				goto cleanup;
			}
			nums = nn;
			cap = nc;
		}
		ids[n] = (long)sqlite3_column_int64(s, 0);
		nums[n] = bk->next_num + (int)n;
		n++;
	}
	if (step != SQLITE_DONE) {
		rc = jk_store_dberr(bk->st, "cannot read the sites");
		goto cleanup;
	}
	sort_pairs(ids, nums, n);
	rc = draw_map(bk, kode_kec, ML, bk->y, BODY_W, MAP_H, 1, nums, ids, n,
		      &lh);
	if (rc)
		goto cleanup;
	bk->y += MAP_H + 6 + lh + 8;

	heading(bk, "Daftar lokasi", 11, 40);
	if (!n) {
		paragraph(bk, "Belum ada lokasi kerja sosial di kecamatan ini.", 8.5);
	} else {
		if (bk->y + 40 > BOTTOM)
			new_page(bk);
		table_head(bk, site_cols, N_SITE_COLS);
		sqlite3_reset(s);
		while (sqlite3_step(s) == SQLITE_ROW) {
			site_row(bk, s, bk->next_num + k, k % 2);
			k++;
		}
	}
	bk->next_num += (int)n;
cleanup:
	sqlite3_finalize(s);
	free(ids);
	free(nums);
	return rc;
}

/* The kecamatan's villages without a ready site. */
static int kec_gaps(book *bk, const char *kode_kec)
{
	sqlite3_stmt *s = NULL;
	int rc, step, k = 0;

	rc = jk_store_prepare(bk->st,
		"SELECT v.nama, c.status, n.nama, n.kode_desa, " JK_SQL_KM("c.near_km")
		" FROM villages v LEFT JOIN coverage c ON c.kode = v.kode"
		" LEFT JOIN sites n ON n.site_id = c.near_site"
		" WHERE v.kode_kec = ?1 AND IFNULL(c.status, '') <> 'covered'"
		" ORDER BY CASE c.status WHEN 'gap' THEN 0 WHEN 'pending' THEN 1"
		" ELSE 2 END, v.nama", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, kode_kec, -1, SQLITE_STATIC);
	bk->y += 10;
	heading(bk, "Desa/kelurahan tanpa lokasi siap", 11, 40);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		char km[32];
		const char *cells[4];
		char *e0, *e2;

		if (k == 0)
			table_head(bk, gap_cols, 4);
		if (sqlite3_column_type(s, 4) == SQLITE_NULL)
			snprintf(km, sizeof km, "\xe2\x80\x93");
		else
			km_id(sqlite3_column_double(s, 4), km, sizeof km);
		e0 = g_markup_escape_text(col(s, 0), -1);
		e2 = g_markup_escape_text(*col(s, 2) ? col(s, 2) : DASH, -1);
		cells[0] = e0;
		cells[1] = village_status_id(col(s, 1));
		cells[2] = e2;
		cells[3] = km;
		table_row(bk, gap_cols, 4, cells, k % 2);
		g_free(e0);
		g_free(e2);
		k++;
	}
	if (step != SQLITE_DONE)
		rc = jk_store_dberr(bk->st, "cannot read the villages");
	else if (!k)
		paragraph(bk, "Setiap desa/kelurahan di kecamatan ini memiliki"
			  " lokasi siap.", 8.5);
	sqlite3_finalize(s);
	return rc;
}

/* One kecamatan's section: heading and counts, sites with their map,
 * villages without a ready site. */
static int kecamatan(book *bk, const char *kode_kec, const char *nama)
{
	char title[256];
	int rc;

	snprintf(title, sizeof title, "Kecamatan %s", nama);
	new_section(bk, title);
	rc = kec_summary(bk, kode_kec, title);
	if (!rc)
		rc = kec_sites(bk, kode_kec);
	if (!rc)
		rc = kec_gaps(bk, kode_kec);
	return rc;
}

/* Sites of the regency that the geocoder could not place in one
 * village: listed so that none of the address book is lost. */
static int unplaced(book *bk)
{
	sqlite3_stmt *s = NULL;
	int rc, step, k = 0;

	rc = jk_store_prepare(bk->st,
		"SELECT s.site_id, s.nama,"
		" IFNULL(s.jenis_raw, replace(s.jenis, '_', ' ')), s.alamat,"
		" NULL, s.status, s.kapasitas, s.kegiatan, s.anak_ok, s.pj,"
		" s.telepon FROM sites s" UNPLACED_WHERE " ORDER BY s.nama", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, bk->opts->kabupaten, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (k == 0) {
			new_section(bk, "Lokasi dengan letak belum pasti");
			heading(bk, "Lokasi dengan letak belum pasti", 16, 0);
			paragraph(bk,
				  "Alamat lokasi berikut hanya ditemukan sampai"
				  " kecamatan atau kabupaten/kota, atau cocok"
				  " dengan lebih dari satu desa/kelurahan. Lokasi"
				  " ini tidak dihitung dalam cakupan dan tidak"
				  " digambar pada peta sampai desanya"
				  " dipastikan.", 8.5);
			table_head(bk, site_cols, N_SITE_COLS);
		}
		site_row(bk, s, bk->next_num + k, k % 2);
		k++;
	}
	if (step != SQLITE_DONE)
		rc = jk_store_dberr(bk->st, "cannot read the sites");
	bk->next_num += k;
	sqlite3_finalize(s);
	return rc;
}

/* One whole pass over the book. */
static int lay_out(book *bk, const book *pass1)
{
	sqlite3_stmt *s = NULL;
	counts c;
	int rc, step;

	bk->next_num = 1;
	bk->n_kec = 0;
	rc = load_counts(bk, &c);
	if (!rc)
		rc = cover(bk, &c);
	if (rc)
		return rc;
	contents(bk, pass1);
	rc = jk_store_prepare(bk->st,
		"SELECT kode_kec, max(kecamatan) FROM villages"
		" WHERE kode_kab = ?1 AND kode_kec IS NOT NULL"
		" GROUP BY kode_kec ORDER BY kode_kec", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, bk->opts->kabupaten, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(s)) == SQLITE_ROW && !rc) {
		char kode[64], nama[200];

		jk_strlcpy(kode, col(s, 0), sizeof kode);
		jk_strlcpy(nama, col(s, 1), sizeof nama);
		jk_progress(bk->ctx, pass1 ? "book: writing" : "book: laying out",
			    ++bk->n_kec, 0);
		rc = kecamatan(bk, kode, nama);
	}
	if (!rc && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = jk_store_dberr(bk->st, "cannot read the kecamatan");
	sqlite3_finalize(s);
	if (!rc)
		rc = unplaced(bk);
	if (!rc)
		cairo_show_page(bk->cr);
	return rc;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data,
			     unsigned int len)
{
	jk_buf *b = closure;

	if (b)
		jk_buf_add(b, (const char *)data, len);
	return b && b->oom ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* Runs one pass on a fresh PDF surface writing into @p out (NULL: the
 * output is dropped). */
static int pass(book *bk, const book *pass1, jk_buf *out, const char *path)
{
	cairo_surface_t *sf = cairo_pdf_surface_create_for_stream(
		to_buf, out, PAGE_W, PAGE_H);
	cairo_status_t cs;
	int rc;

	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE,
				       "Buku Alamat Lokasi Kerja Sosial");
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
				       "jangkau " JK_VERSION_STRING);
	bk->cr = cairo_create(sf);
	rc = lay_out(bk, pass1);
	cs = cairo_status(bk->cr);
	cairo_destroy(bk->cr);
	bk->cr = NULL;
	cairo_surface_finish(sf);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (!rc && cs != CAIRO_STATUS_SUCCESS)
		rc = jk_error(bk->ctx, cs == CAIRO_STATUS_NO_MEMORY ? JK_ERR_NOMEM
								    : JK_ERR_IO,
			      "%s: cairo: %s", path, cairo_status_to_string(cs));
	return rc;
}

jk_status jk_book_write(jk_ctx *ctx, jk_store *st, const char *path,
			const jk_book_opts *opts)
{
	book *dry = NULL, *dry2 = NULL, *real = NULL;
	char dir[4096];
	const char *slash;
	jk_buf out;
	int rc, in_txn = 0;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!st || !path || !*path || !opts || !opts->kabupaten ||
	    !*opts->kabupaten)
		return jk_error(ctx, JK_ERR_ARG,
				"jk_book: no store, output file or regency given");
	slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1,
		 slash ? path : ".");
	if (!dir[0])
		jk_strlcpy(dir, "/", sizeof dir);
	jk_buf_init(&out);
	dry = calloc(1, sizeof *dry);
	dry2 = calloc(1, sizeof *dry2);
	real = calloc(1, sizeof *real);
	if (!dry || !dry2 || !real) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	rc = jk_results_begin(ctx, st, dir, &in_txn);
	if (rc)
		goto cleanup;
	dry->ctx = dry2->ctx = real->ctx = ctx;
	dry->st = dry2->st = real->st = st;
	dry->opts = dry2->opts = real->opts = opts;
	dry->dry = dry2->dry = 1;
	/* the first measure lays out the contents without their lines; the
	 * second with them (which may move every section), so that its
	 * pages are the real ones */
	rc = pass(dry, NULL, NULL, path);
	if (!rc)
		rc = pass(dry2, dry, NULL, path);
	if (rc)
		goto cleanup;
	real->total = dry2->page;
	rc = pass(real, dry2, &out, path);
	if (!rc && real->page != dry2->page)
		rc = jk_error(ctx, JK_ERR_STATE,
			      "%s: the book's passes disagree (%d and %d"
			      " pages)", path, dry2->page, real->page);
	if (in_txn) {
		jk_store_rollback(st); /* read only */
		in_txn = 0;
	}
	if (!rc) {
		/* maps and books hold villages and sites, never clients */
		jk_dir_clean_stale(ctx, dir);
		rc = jk_file_write(ctx, path, jk_buf_str(&out), out.len,
				   JK_FILE_PUBLIC);
	}
cleanup:
	if (in_txn)
		jk_store_rollback(st);
	jk_buf_release(&out);
	free(dry);
	free(dry2);
	free(real);
	return rc;
}
