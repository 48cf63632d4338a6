/* SPDX-License-Identifier: MIT */
/*
 * Import of the tables an office keeps: the address book of work sites and
 * the client register, from a workbook (XLSX, ODS, XLS: every sheet), a
 * CSV file, or any OGR table (GeoPackage, Shapefile, GeoJSON). Each row is
 * checked; a row that cannot be used is rejected with
 * "FILE[SHEET]:ROW: field: reason" and the good rows are imported. A value
 * that is wrong but not needed to place the row (a capacity of "banyak", an
 * impossible date) is dropped with a warning and the row kept.
 *
 * Offices' spreadsheets are made for printing: a title and the office's
 * name above the table, a logo row, blank rows, a header of two rows with
 * merged cells ("Koordinat" over "Lintang | Bujur"), a row of column
 * numbers, the header repeated on every page, one sheet per kecamatan. So
 * a workbook is read with GDAL's header detection off and every cell as
 * text, and the header row is found here: among the first HEADER_SCAN rows
 * that are not blank, the row (or pair of rows) whose cells name the most
 * known columns (parse.h). Row numbers are those the spreadsheet program
 * shows: GDAL 3.6 numbers the features of a sheet read that way by their
 * row (blank rows, leading ones included, are empty features), and a CSV
 * row is a record, however many line breaks its quoted cells hold.
 *
 * CSV is read here rather than by GDAL's CSV driver, which (3.6) takes the
 * separator and the number of columns from the first line alone (a title
 * line gives ' ' and one column), skips blank lines in its numbering, has
 * no separator option and does not convert the encoding. The reader takes
 * the separator (',', ';' or tab) that splits most rows alike, reads UTF-8
 * with or without BOM, converts Windows-1252 (what Excel writes in
 * Indonesia for "CSV (Comma delimited)") to UTF-8, and reports a quote that
 * is never closed or swallows whole rows instead of reading on silently.
 *
 * Identity: a site is its row content (exact duplicate rows are one site,
 * also across sheets, so re-importing a file adds nothing); a client is its
 * id. Neither depends on the sheet or the row number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogr_api.h>

#include "core/gdal_util.h"
#include "core/util.h"
#include "store/store.h"
#include "core/parse.h"

#define MAX_COLS 256
/* The header is looked for among this many first rows that are not blank. */
#define HEADER_SCAN 30
/* A cell longer than this is no value of an address book but a runaway
 * quote or a paste gone wrong: its row is rejected. */
#define CELL_MAX 65536
/* Decimals kept of a latitude or longitude cell: Excel writes numbers with
 * up to 17 digits ("-5.4672999999999998"); 9 decimals are 0.1 mm. */
#define COORD_DECIMALS 9

/* Where the rows come from. */
enum { SRC_CSV, SRC_SHEETS, SRC_LAYER };

/* The cells of one row as read, before and after the header is known. */
struct cells {
	jk_buf text;           /* the cells, each NUL-terminated */
	size_t off[MAX_COLS];
	size_t len[MAX_COLS];
	int n;                 /* cells read */
	int wide;              /* non-empty cells beyond MAX_COLS were dropped */
	long row;              /* as the spreadsheet program shows it */
	char koord[96];        /* a point geometry as "lat, lon", or "" */
	const char *bad;       /* why the row cannot be read (CSV quotes), or NULL */
	int bad_col;
};

static void cells_init(struct cells *c)
{
	memset(c, 0, sizeof *c);
	jk_buf_init(&c->text);
}

static void cells_reset(struct cells *c)
{
	jk_buf_reset(&c->text);
	c->n = 0;
	c->wide = 0;
	c->koord[0] = '\0';
	c->bad = NULL;
	c->bad_col = 0;
}

static void cells_add(struct cells *c, const char *s, size_t n)
{
	if (c->n >= MAX_COLS) {
		if (n)
			c->wide = 1;
		return;
	}
	c->off[c->n] = c->text.len;
	c->len[c->n] = n;
	jk_buf_add(&c->text, s, n);
	jk_buf_add(&c->text, "", 1);
	c->n++;
}

static const char *cell(const struct cells *c, int i)
{
	return i >= 0 && i < c->n && c->text.s && !c->text.oom ? c->text.s + c->off[i] : "";
}

/* Whether @p s holds only blanks (spaces, tabs, line breaks, NBSP). */
static int blank_text(const char *s)
{
	for (; *s; s++) {
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	}
	return 1;
}

/* Non-blank cells of a row. */
static int cells_filled(const struct cells *c)
{
	int i, k = 0;

	for (i = 0; i < c->n; i++)
		k += !blank_text(cell(c, i));
	return k;
}

/* "A", "B", ..., "AA" for column @p col (0-based). */
static void col_letters(int col, char *out)
{
	char tmp[8];
	int n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* ---- text encodings ---- */

/* Windows-1252 0x80..0x9F as Unicode; 0 where the code page has no
 * character (0x81, 0x8D, 0x8F, 0x90, 0x9D). 0xA0..0xFF are Latin-1. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* The offset of the first byte of @p s[0..n) that Windows-1252 does not
 * define, or n. */
static size_t cp1252_invalid(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0 || (c >= 0x80 && c < 0xA0 && !cp1252_high[c - 0x80]))
			return i;
	}
	return n;
}

/* Appends @p s[0..n), Windows-1252, to @p b as UTF-8. */
static void cp1252_to_utf8(jk_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned u = c < 0x80 ? c : c < 0xA0 ? cp1252_high[c - 0x80] : c;
		char o[3];

		if (u < 0x80) {
			o[0] = (char)u;
			jk_buf_add(b, o, 1);
		} else if (u < 0x800) {
			o[0] = (char)(0xC0 | (u >> 6));
			o[1] = (char)(0x80 | (u & 0x3F));
			jk_buf_add(b, o, 2);
		} else {
			o[0] = (char)(0xE0 | (u >> 12));
			o[1] = (char)(0x80 | ((u >> 6) & 0x3F));
			o[2] = (char)(0x80 | (u & 0x3F));
			jk_buf_add(b, o, 3);
		}
	}
}

/* ---- CSV ---- */

struct csv {
	char *s;         /* the file as UTF-8, NUL-terminated */
	size_t len, pos;
	char sep;
	int width;       /* the usual number of cells of a row */
	long row;        /* records read */
	jk_buf cellbuf;  /* the text of a quoted cell */
};

static void csv_release(struct csv *v)
{
	free(v->s);
	jk_buf_release(&v->cellbuf);
	memset(v, 0, sizeof *v);
}

/* The separator of a CSV: of ',', ';' and tab, the one whose count
 * (outside quotes) is the same on most of the first records, ties going
 * to the larger count. A title line or a note above the table does not
 * decide, as the first line does for GDAL. Sets *width to that count + 1. */
static char csv_sniff(const char *s, size_t len, int *width)
{
	static const char cand[3] = {',', ';', '\t'};
	int cnt[3][64];
	int nrec = 0, k, best = 0, best_freq = 0, best_mode = 0;
	size_t i = 0;

	memset(cnt, 0, sizeof cnt);
	while (i < len && nrec < 64) {
		int inq = 0, content = 0;

		for (; i < len; i++) {
			char c = s[i];

			if (c == '"')
				inq = !inq;
			else if (!inq && (c == '\n' || c == '\r'))
				break;
			else if (!inq)
				for (k = 0; k < 3; k++)
					cnt[k][nrec] += c == cand[k];
			if (c != ' ' && c != ',' && c != ';' && c != '\t')
				content = 1;
		}
		while (i < len && (s[i] == '\n' || s[i] == '\r'))
			i++;
		if (content)
			nrec++;
		else
			for (k = 0; k < 3; k++)
				cnt[k][nrec] = 0;
	}
	for (k = 0; k < 3; k++) {
		int a, b, mode = 0, freq = 0;

		for (a = 0; a < nrec; a++) {
			int f = 0;

			if (!cnt[k][a])
				continue;
			for (b = 0; b < nrec; b++)
				f += cnt[k][b] == cnt[k][a];
			if (f > freq || (f == freq && cnt[k][a] > mode)) {
				freq = f;
				mode = cnt[k][a];
			}
		}
		if (freq > best_freq || (freq == best_freq && mode > best_mode)) {
			best = k;
			best_freq = freq;
			best_mode = mode;
		}
	}
	*width = best_mode + 1;
	return cand[best];
}

/* Reads @p path into @p v as UTF-8 and finds its separator. */
static int csv_load(jk_ctx *ctx, const char *path, struct csv *v)
{
	VSILFILE *f;
	vsi_l_offset size;
	char *raw = NULL;
	size_t n, off = 0, bad;
	int rc = JK_OK;

	memset(v, 0, sizeof *v);
	jk_buf_init(&v->cellbuf);
	f = VSIFOpenL(path, "rb");
	if (!f)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot open as a table or vector layer: no such file or not readable",
				path);
	if (VSIFSeekL(f, 0, SEEK_END) != 0 || (size = VSIFTellL(f)) > ((vsi_l_offset)1 << 30)) {
		VSIFCloseL(f);
		return jk_error(ctx, JK_ERR_IO, "%s: cannot read, or larger than 1 GiB", path);
	}
	n = (size_t)size;
	raw = malloc(n + 1);
	if (!raw) {
		VSIFCloseL(f);
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	}
	VSIFSeekL(f, 0, SEEK_SET);
	if (VSIFReadL(raw, 1, n, f) != n) {
		VSIFCloseL(f);
		free(raw);
		return jk_error(ctx, JK_ERR_IO, "%s: read error", path);
	}
	VSIFCloseL(f);
	raw[n] = '\0';
	if (n >= 2 && (((unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) ||
		       ((unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF))) {
		rc = jk_error(ctx, JK_ERR_FORMAT,
			      "%s: the text is UTF-16 (Excel's \"Unicode Text\"); save the sheet as "
			      "\"CSV UTF-8\" instead", path);
		goto fail;
	}
	if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
		off = 3;
	if (memchr(raw + off, '\0', n - off)) {
		rc = jk_error(ctx, JK_ERR_FORMAT, "%s: holds NUL bytes: not a text table "
			      "(save the sheet as \"CSV UTF-8\")", path);
		goto fail;
	}
	if (n - off > (size_t)0x7fffffff || CPLIsUTF8(raw + off, (int)(n - off))) {
		v->s = raw;
		if (off)
			memmove(raw, raw + off, n - off + 1);
		v->len = n - off;
		raw = NULL;
	} else if ((bad = cp1252_invalid(raw + off, n - off)) < n - off) {
		long line = 1;
		size_t i;

		for (i = off; i < off + bad; i++)
			line += raw[i] == '\n';
		rc = jk_error(ctx, JK_ERR_FORMAT,
			      "%s: the text is neither UTF-8 nor Windows-1252 (byte 0x%02X on line %ld); "
			      "save the sheet as \"CSV UTF-8\"", path, (unsigned char)raw[off + bad], line);
		goto fail;
	} else {
		jk_buf u;

		jk_buf_init(&u);
		cp1252_to_utf8(&u, raw + off, n - off);
		if (u.oom) {
			jk_buf_release(&u);
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			goto fail;
		}
		v->len = u.len;
		v->s = u.s ? u.s : jk_strdup("");
		if (!v->s) {
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			goto fail;
		}
		jk_msg(ctx, JK_LOG_WARN, "%s: not UTF-8; read as Windows-1252 and converted to UTF-8",
		       path);
	}
	/* Excel's own directive "sep=;" on the first line: Excel takes it as
	 * the separator and does not show it as a row. */
	if (v->len >= 5 && !strncmp(v->s, "sep=", 4) && v->s[4] != '\n' &&
	    (v->len == 5 || v->s[5] == '\n' || v->s[5] == '\r')) {
		v->sep = v->s[4];
		v->pos = 5;
		while (v->pos < v->len && (v->s[v->pos] == '\r' || v->s[v->pos] == '\n'))
			v->pos++;
		csv_sniff(v->s + v->pos, v->len - v->pos, &v->width);
	} else {
		v->sep = csv_sniff(v->s, v->len, &v->width);
	}
	free(raw);
	return JK_OK;
fail:
	free(raw);
	csv_release(v);
	return rc;
}

/* Whether the text of a quoted cell holds whole rows: a line after its
 * first with as many separators as a row has (the quote that opened it was
 * meant as a character, or its closing quote is missing). */
static int csv_swallowed(const struct csv *v, const char *s)
{
	int need = v->width > 2 ? v->width - 1 : 2, k = 0;
	const char *p = strchr(s, '\n');

	if (!p)
		return 0;
	for (p++; *p; p++) {
		if (*p == '\n')
			k = 0;
		else if (*p == v->sep && ++k >= need)
			return 1;
	}
	return 0;
}

/* Gives up on the record that started at @p start: the row is reported
 * with @p why, and reading goes on at the line after its first. */
static int csv_bad(struct csv *v, struct cells *c, size_t start, const char *why)
{
	const char *nl = memchr(v->s + start, '\n', v->len - start);

	c->bad = why;
	c->bad_col = c->n;
	v->pos = nl ? (size_t)(nl - v->s) + 1 : v->len;
	return 1;
}

/* Reads the next record into @p c; returns 1, or 0 at the end. */
static int csv_next(struct csv *v, struct cells *c)
{
	const char *s = v->s;
	size_t i = v->pos, start = v->pos;

	cells_reset(c);
	if (i >= v->len)
		return 0;
	c->row = ++v->row;
	for (;;) {
		if (s[i] == '"') {
			size_t j = i + 1;

			jk_buf_reset(&v->cellbuf);
			for (;;) {
				const char *q = memchr(s + j, '"', v->len - j);

				if (!q)
					return csv_bad(v, c, start,
						       "the quote that opens this cell is never closed "
						       "(it runs to the end of the file)");
				jk_buf_add(&v->cellbuf, s + j, (size_t)(q - (s + j)));
				j = (size_t)(q - s) + 1;
				if (j < v->len && s[j] == '"') {
					jk_buf_add(&v->cellbuf, "\"", 1);
					j++;
					continue;
				}
				break;
			}
			/* text after the closing quote still belongs to the cell */
			while (j < v->len && s[j] != v->sep && s[j] != '\n' && s[j] != '\r')
				jk_buf_add(&v->cellbuf, s + j++, 1);
			if (csv_swallowed(v, jk_buf_str(&v->cellbuf)))
				return csv_bad(v, c, start,
					       "the quoted cell runs over line breaks and holds whole "
					       "rows (a quote that is not closed?)");
			cells_add(c, jk_buf_str(&v->cellbuf), v->cellbuf.len);
			i = j;
		} else {
			size_t j = i;

			while (j < v->len && s[j] != v->sep && s[j] != '\n' && s[j] != '\r')
				j++;
			cells_add(c, s + i, j - i);
			i = j;
		}
		if (i < v->len && s[i] == v->sep) {
			i++;
			continue;
		}
		if (i < v->len && s[i] == '\r')
			i++;
		if (i < v->len && s[i] == '\n')
			i++;
		break;
	}
	v->pos = i;
	return 1;
}

/* ---- the header ---- */

struct header {
	long row;                   /* the (top) header row */
	int nrows;                  /* 1, or 2 for a two-row header */
	int ncols;                  /* up to the last named column */
	int score;                  /* distinct known fields */
	int complete;               /* has the columns the table needs */
	int col_field[MAX_COLS];    /* column -> jk_field */
	int field_col[JK_F__COUNT]; /* jk_field -> column, -1 */
	int repeats[MAX_COLS];      /* the column names a field named before */
	jk_buf labels;              /* the header text of each column */
	size_t lab_off[MAX_COLS];
};

static void header_init(struct header *h)
{
	memset(h, 0, sizeof *h);
	jk_buf_init(&h->labels);
}

static const char *header_label(const struct header *h, int col)
{
	return col >= 0 && col < h->ncols && h->labels.s && !h->labels.oom
		       ? h->labels.s + h->lab_off[col] : "";
}

/* Trims blanks off a copy of @p s into @p out. */
static const char *trimmed(const char *s, char *out, size_t n)
{
	jk_strlcpy(out, s, n);
	return jk_trim(out);
}

/* Whether the table has what it needs: sites a column that places them,
 * clients an id and such a column. @p geom: the rows have points. */
static int header_complete(const struct header *h, int kind, int geom)
{
	const int *fc = h->field_col;
	int place = fc[JK_F_ALAMAT] >= 0 || fc[JK_F_DESA] >= 0 ||
		    fc[JK_F_KOORDINAT] >= 0 || (fc[JK_F_LAT] >= 0 && fc[JK_F_LON] >= 0) || geom;

	if (kind == JK_TABLE_CLIENTS)
		return fc[JK_F_ID_KLIEN] >= 0 &&
		       (place || fc[JK_F_ALAMAT_RUMAH] >= 0 || fc[JK_F_KOORDINAT_RUMAH] >= 0);
	return place;
}

/*
 * Maps the columns of a header row @p top, or of two rows @p top over
 * @p bottom. In a two-row header a name in the top row that has names under
 * it is a group: merged over several columns, GDAL gives it in the first
 * only, so it goes on over the columns whose top cell is empty and whose
 * bottom cell is not. A column under a group is "group name" ("Penanggung
 * Jawab Nama") when that is a known header, else its own name ("Lintang"
 * under "Koordinat"); a column with nothing under it keeps its top name
 * (merged down over both rows).
 */
static void header_build(struct header *h, int kind, int geom,
			 const struct cells *top, const struct cells *bottom)
{
	const char *group = NULL;
	int c, n = top->n;

	jk_buf_reset(&h->labels);
	h->row = top->row;
	h->nrows = bottom ? 2 : 1;
	h->score = 0;
	h->ncols = 0;
	if (bottom && bottom->n > n)
		n = bottom->n;
	for (c = 0; c < JK_F__COUNT; c++)
		h->field_col[c] = -1;
	for (c = 0; c < n; c++) {
		char t[256], b[256], both[520];
		const char *tt = trimmed(cell(top, c), t, sizeof t);
		const char *bb = bottom ? trimmed(cell(bottom, c), b, sizeof b) : "";
		jk_field f;

		h->lab_off[c] = h->labels.len;
		h->repeats[c] = 0;
		if (*tt && *bb)
			group = tt;
		else if (*tt || !*bb)
			group = NULL;
		if (!*bb) {
			f = jk_field_from_header(kind, tt);
			jk_buf_puts(&h->labels, tt);
		} else if (group) {
			snprintf(both, sizeof both, "%s %s", group, bb);
			f = jk_field_from_header(kind, both);
			if (f == JK_F_NONE)
				f = jk_field_from_header(kind, bb);
			jk_buf_printf(&h->labels, "%s / %s", group, bb);
		} else {
			f = jk_field_from_header(kind, bb);
			jk_buf_puts(&h->labels, bb);
		}
		jk_buf_add(&h->labels, "", 1);
		if (*tt || *bb)
			h->ncols = c + 1;
		h->col_field[c] = JK_F_NONE;
		if (f == JK_F_NONE)
			continue;
		if (h->field_col[f] < 0) {
			h->field_col[f] = c;
			h->col_field[c] = f;
			h->score++;
		} else {
			h->repeats[c] = f;
		}
	}
	h->complete = header_complete(h, kind, geom);
}

/* Whether candidate @p a is a better header than @p b. */
static int header_better(const struct header *a, const struct header *b)
{
	if (a->complete != b->complete)
		return a->complete > b->complete;
	return a->score > b->score;
}

/* ---- the file being read ---- */

/* Seen row hashes of this file, for exact duplicates and repeated ids. */
struct seen {
	uint64_t *h;
	long *row;
	int *sheet;
	char **key;
	size_t cap, n;
};

struct table {
	jk_ctx *ctx;
	const char *path;
	int kind;              /* JK_TABLE_* */
	int src;               /* SRC_* */
	GDALDatasetH ds;
	struct csv csv;
	jk_gdal_errs errs;
	/* the sheet or layer being read */
	OGRLayerH lyr;
	const char *sheet;     /* its name, "" when the file is one table */
	int sheet_idx;
	OGRCoordinateTransformationH ct;
	int geom;              /* a layer with geometries */
	long nread;            /* features read */
	long lastrow;          /* the row of the last feature read */
	int ncols_src;         /* fields of the layer */
	int wide;              /* a row had cells beyond MAX_COLS */
	char pending[700];     /* a read error seen, reported after the last row */
	char open_err[500];    /* a read error while the workbook was opened
				  (ODS parses all sheets then): it ends the
				  last sheet found, and the sheets after it */
	int open_err_sheet;    /* that sheet, -1 when none */
	int open_err_told;
	int recoded;           /* cells converted from Windows-1252 */
	struct header h;
	struct cells top, bottom; /* the header rows as read */
	struct seen dup;       /* row hashes of the whole file */
};

/* The row of the spreadsheet and its place in messages. */
struct row {
	const char *v[JK_F__COUNT];
	jk_buf cells;     /* copies of the mapped cells */
	char koord[160];  /* coordinate text built from lat/lon or geometry */
	char hash[17];
	long row;         /* as the spreadsheet shows it */
	char loc[512];    /* "FILE[SHEET]:ROW" or "FILE:ROW" */
};

static void seen_release(struct seen *s)
{
	size_t i;

	if (s->key)
		for (i = 0; i < s->cap; i++)
			free(s->key[i]);
	free(s->h);
	free(s->row);
	free(s->sheet);
	free(s->key);
	memset(s, 0, sizeof *s);
}

/* Looks up @p key (hash @p h); when absent inserts it with @p row of sheet
 * @p sheet and returns 0, else returns the earlier row (its sheet in
 * *first_sheet). -1 on OOM. */
static long seen_check(struct seen *s, uint64_t h, const char *key, long row,
		       int sheet, int *first_sheet)
{
	size_t i;

	if ((s->n + 1) * 2 > s->cap) {
		struct seen ns = {0};
		size_t j;

		ns.cap = s->cap ? s->cap * 2 : 1024;
		ns.h = calloc(ns.cap, sizeof *ns.h);
		ns.row = calloc(ns.cap, sizeof *ns.row);
		ns.sheet = calloc(ns.cap, sizeof *ns.sheet);
		ns.key = calloc(ns.cap, sizeof *ns.key);
		if (!ns.h || !ns.row || !ns.sheet || !ns.key) {
			seen_release(&ns);
			return -1;
		}
		for (j = 0; j < s->cap; j++) {
			if (!s->key || !s->key[j])
				continue;
			for (i = s->h[j] & (ns.cap - 1); ns.key[i]; i = (i + 1) & (ns.cap - 1))
				;
			ns.h[i] = s->h[j];
			ns.row[i] = s->row[j];
			ns.sheet[i] = s->sheet[j];
			ns.key[i] = s->key[j];
			s->key[j] = NULL;
		}
		ns.n = s->n;
		seen_release(s);
		*s = ns;
	}
	for (i = h & (s->cap - 1); s->key[i]; i = (i + 1) & (s->cap - 1))
		if (s->h[i] == h && strcmp(s->key[i], key) == 0) {
			*first_sheet = s->sheet[i];
			return s->row[i];
		}
	s->key[i] = jk_strdup(key);
	if (!s->key[i])
		return -1;
	s->h[i] = h;
	s->row[i] = row;
	s->sheet[i] = sheet;
	s->n++;
	return 0;
}

/* " of sheet 'X'" when @p sheet is not the sheet being read. */
static void other_sheet(const struct table *t, int sheet, char *out, size_t n)
{
	out[0] = '\0';
	if (t->src == SRC_SHEETS && sheet != t->sheet_idx && t->ds)
		snprintf(out, n, " of sheet '%s'",
			 OGR_L_GetName(GDALDatasetGetLayer(t->ds, sheet)));
}

static void table_close_layer(struct table *t)
{
	if (t->ct)
		OCTDestroyCoordinateTransformation(t->ct);
	t->ct = NULL;
	t->lyr = NULL;
}

static void table_close(struct table *t)
{
	table_close_layer(t);
	if (t->ds)
		GDALClose(t->ds);
	t->ds = NULL;
	csv_release(&t->csv);
	jk_buf_release(&t->h.labels);
	jk_buf_release(&t->top.text);
	jk_buf_release(&t->bottom.text);
	seen_release(&t->dup);
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);

	return n > k && strcasecmp(path + n - k, ext) == 0;
}

/* Whether the dataset is a workbook: its layers are sheets. */
static int is_workbook(GDALDatasetH ds)
{
	GDALDriverH d = GDALGetDatasetDriver(ds);
	const char *n = d ? GDALGetDriverShortName(d) : "";

	return !strcmp(n, "XLSX") || !strcmp(n, "ODS") || !strcmp(n, "XLS");
}

/* Starts reading layer @p lyr (sheet number @p idx). */
static void table_use_layer(struct table *t, OGRLayerH lyr, int idx)
{
	OGRSpatialReferenceH src;
	OGRFeatureDefnH d;

	table_close_layer(t);
	t->lyr = lyr;
	t->sheet_idx = idx;
	t->sheet = t->src == SRC_SHEETS ? OGR_L_GetName(lyr) : "";
	t->nread = 0;
	t->lastrow = 0;
	t->pending[0] = '\0';
	if (*t->open_err && idx == t->open_err_sheet) {
		snprintf(t->pending, sizeof t->pending, "%s; the rows from here on and the "
			 "sheets after this one", t->open_err);
		t->open_err_told = 1;
	}
	t->recoded = 0;
	t->wide = 0;
	/* a workbook builds a sheet when it is first asked for it: a read
	 * error then shows here */
	CPLErrorReset();
	t->errs.failed = 0;
	d = OGR_L_GetLayerDefn(lyr);
	if (t->errs.failed || CPLGetLastErrorType() >= CE_Failure)
		jk_strlcpy(t->pending, *jk_gdal_lasterr(t->ctx) ? jk_gdal_lasterr(t->ctx)
								: CPLGetLastErrorMsg(),
			   sizeof t->pending);
	t->ncols_src = OGR_FD_GetFieldCount(d);
	t->geom = t->src == SRC_LAYER && OGR_L_GetGeomType(lyr) != wkbNone;
	src = t->geom ? OGR_L_GetSpatialRef(lyr) : NULL;
	if (src) {
		OGRSpatialReferenceH dst = jk_srs_wgs84();
		OGRSpatialReferenceH s2 = OSRClone(src);

		OSRSetAxisMappingStrategy(s2, OAMS_TRADITIONAL_GIS_ORDER);
		if (dst && !OSRIsSame(s2, dst))
			t->ct = OCTNewCoordinateTransformation(s2, dst);
		OSRDestroySpatialReference(s2);
		OSRDestroySpatialReference(dst);
	}
	OGR_L_ResetReading(lyr);
}

/*
 * Reads the next row of the sheet, layer or CSV into @p c. Returns 1, 0 at
 * the end, or -1 on a read error of GDAL (the reason in t->pending).
 */
static int table_next(struct table *t, struct cells *c)
{
	OGRFeatureH f;
	OGRGeometryH g;
	GIntBig fid;
	int i;

	if (t->src == SRC_CSV)
		return csv_next(&t->csv, c);
	cells_reset(c);
	CPLErrorReset();
	t->errs.failed = 0;
	f = OGR_L_GetNextFeature(t->lyr);
	if (t->errs.failed || CPLGetLastErrorType() >= CE_Failure) {
		jk_strlcpy(t->pending, *jk_gdal_lasterr(t->ctx) ? jk_gdal_lasterr(t->ctx)
								: CPLGetLastErrorMsg(),
			   sizeof t->pending);
		if (!f)
			return -1;
	}
	if (!f)
		return 0;
	t->nread++;
	/* the FID of a sheet read without header detection is its row, as
	 * shown; other layers count their features */
	fid = OGR_F_GetFID(f);
	c->row = t->src == SRC_SHEETS && fid > t->lastrow ? (long)fid : t->lastrow + 1;
	t->lastrow = c->row;
	for (i = 0; i < t->ncols_src; i++) {
		const char *s = OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
		size_t n = strlen(s);

		if (n && !CPLIsUTF8(s, (int)(n < 0x7fffffff ? n : 0x7fffffff))) {
			jk_buf u;

			jk_buf_init(&u);
			cp1252_to_utf8(&u, s, n);
			cells_add(c, jk_buf_str(&u), u.len);
			jk_buf_release(&u);
			t->recoded = 1;
		} else {
			cells_add(c, s, n);
		}
	}
	g = OGR_F_GetGeometryRef(f);
	if (g && !OGR_G_IsEmpty(g) && OGR_GT_Flatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
		double x = OGR_G_GetX(g, 0), y = OGR_G_GetY(g, 0), z = 0;

		if (!t->ct || OCTTransform(t->ct, 1, &x, &y, &z))
			snprintf(c->koord, sizeof c->koord, "%.7f, %.7f", y, x);
	}
	OGR_F_Destroy(f);
	return 1;
}

/* "FILE[SHEET]" or "FILE". */
static void table_where(const struct table *t, char *out, size_t n)
{
	if (*t->sheet)
		snprintf(out, n, "%s[%s]", t->path, t->sheet);
	else
		snprintf(out, n, "%s", t->path);
}

/* The name of column @p col in messages: its field, else its header, else
 * its letter. */
static const char *col_name(const struct table *t, int col, char *buf, size_t n)
{
	char letters[8];

	if (col >= 0 && col < MAX_COLS && col < t->h.ncols && t->h.col_field[col] != JK_F_NONE)
		return jk_field_name(t->h.col_field[col]);
	if (col >= 0 && col < t->h.ncols && *header_label(&t->h, col)) {
		snprintf(buf, n, "'%s'", header_label(&t->h, col));
		return buf;
	}
	col_letters(col, letters);
	snprintf(buf, n, "column %s", letters);
	return buf;
}

/* ---- the header of a sheet ---- */

/* The headers of @p h that were recognised or not, quoted, for messages. */
static void header_found(const struct header *h, char *out, size_t n)
{
	size_t k = 0;
	int c, shown = 0;

	out[0] = '\0';
	for (c = 0; c < h->ncols && k + 1 < n; c++) {
		const char *l = header_label(h, c);
		int w;

		if (!*l)
			continue;
		if (shown == 12) {
			snprintf(out + k, n - k, ", ...");
			return;
		}
		w = snprintf(out + k, n - k, "%s'%.40s'", shown ? ", " : "", l);
		if (w < 0 || (size_t)w >= n - k)
			return;
		k += (size_t)w;
		shown++;
	}
}

/* Writes what the header @p h lacks and the names accepted for it. */
static void header_missing(const struct header *h, int kind, char *out, size_t n)
{
	char a[300], b[300], c[300], d[200];

	if (kind == JK_TABLE_CLIENTS && h->field_col[JK_F_ID_KLIEN] < 0) {
		jk_field_headers(kind, JK_F_ID_KLIEN, a, sizeof a);
		snprintf(out, n, "no client id column (id_klien: %s)", a);
		return;
	}
	jk_field_headers(kind, kind == JK_TABLE_SITES ? JK_F_ALAMAT : JK_F_ALAMAT_RUMAH, a, sizeof a);
	jk_field_headers(kind, JK_F_DESA, b, sizeof b);
	jk_field_headers(kind, kind == JK_TABLE_SITES ? JK_F_KOORDINAT : JK_F_KOORDINAT_RUMAH, c,
			 sizeof c);
	jk_field_headers(kind, JK_F_LAT, d, sizeof d);
	snprintf(out, n, "no address or coordinate column (%s: %s; desa_kelurahan: %s; %s: %s; "
		 "or lat and lon: %s with their longitude)",
		 kind == JK_TABLE_SITES ? "alamat" : "alamat_rumah", a, b,
		 kind == JK_TABLE_SITES ? "koordinat" : "koordinat_rumah", c, d);
}

/*
 * Finds the header among the rows @p rows[0..n) (not blank, in order): the
 * row, or pair of adjacent rows, that is the best header (header_better),
 * or row @p want when it is not 0. On success fills t->h, t->top and
 * t->bottom and returns 0; else writes why into @p why and returns -1.
 */
static int header_find(struct table *t, struct cells *rows, int n, long want,
		       char *why, size_t whylen)
{
	struct header one, two, under;
	int i, best = -1, best2 = 0;
	char found[700], missing[1400];

	header_init(&one);
	header_init(&two);
	header_init(&under);
	for (i = 0; i < n; i++) {
		struct header *use = &one, tmp;
		int pair = 0;

		if (rows[i].bad || (want && rows[i].row != want))
			continue;
		header_build(&one, t->kind, t->geom, &rows[i], NULL);
		/* two rows when together they name more than each alone (a
		 * title right above the header is no header row) */
		if (i + 1 < n && rows[i + 1].row == rows[i].row + 1 && !rows[i + 1].bad) {
			header_build(&two, t->kind, t->geom, &rows[i], &rows[i + 1]);
			header_build(&under, t->kind, t->geom, &rows[i + 1], NULL);
			if (two.score > one.score && two.score > under.score &&
			    two.complete >= one.complete) {
				use = &two;
				pair = 1;
			}
		}
		if (best < 0 || header_better(use, &t->h)) {
			tmp = t->h;
			t->h = *use;
			*use = tmp;
			best = i;
			best2 = pair;
		}
	}
	jk_buf_release(&one.labels);
	jk_buf_release(&two.labels);
	jk_buf_release(&under.labels);
	if (best < 0) {
		if (want)
			snprintf(why, whylen, "row %ld (--header-row) is blank or not in the sheet",
				 want);
		else
			snprintf(why, whylen, "no rows");
		return -1;
	}
	if (!t->h.complete) {
		header_found(&t->h, found, sizeof found);
		header_missing(&t->h, t->kind, missing, sizeof missing);
		if (want || t->h.score >= 2)
			snprintf(why, whylen, "the header (row%s %ld%s) names %s but has %s",
				 best2 ? "s" : "", t->h.row, best2 ? " and the next" : "",
				 *found ? found : "nothing", missing);
		else if (t->h.score)
			snprintf(why, whylen, "no header row in the first %d rows that are not "
				 "blank (the likeliest, row %ld, names %s); %s", HEADER_SCAN,
				 t->h.row, found, missing);
		else
			snprintf(why, whylen, "no header row in the first %d rows that are not "
				 "blank (no cell names a known column); %s", HEADER_SCAN, missing);
		return -1;
	}
	cells_reset(&t->top);
	cells_reset(&t->bottom);
	jk_buf_add(&t->top.text, rows[best].text.s ? rows[best].text.s : "", rows[best].text.len);
	memcpy(t->top.off, rows[best].off, sizeof t->top.off);
	memcpy(t->top.len, rows[best].len, sizeof t->top.len);
	t->top.n = rows[best].n;
	t->top.row = rows[best].row;
	if (best2) {
		jk_buf_add(&t->bottom.text, rows[best + 1].text.s ? rows[best + 1].text.s : "",
			   rows[best + 1].text.len);
		memcpy(t->bottom.off, rows[best + 1].off, sizeof t->bottom.off);
		memcpy(t->bottom.len, rows[best + 1].len, sizeof t->bottom.len);
		t->bottom.n = rows[best + 1].n;
		t->bottom.row = rows[best + 1].row;
	}
	return 0;
}

/* The header as the names of a layer's fields (GeoPackage, Shapefile, ...). */
static void header_from_fields(struct table *t)
{
	OGRFeatureDefnH d = OGR_L_GetLayerDefn(t->lyr);
	int i;

	cells_reset(&t->top);
	for (i = 0; i < t->ncols_src; i++) {
		const char *s = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, i));

		cells_add(&t->top, s, strlen(s));
	}
	t->top.row = 0;
	header_build(&t->h, t->kind, t->geom, &t->top, NULL);
	/* every field is a column of the row, named or not */
	t->h.ncols = t->ncols_src;
}

/* Whether @p c repeats the header row @p hdr (the header printed again on
 * every page). */
static int repeats_row(const struct cells *c, const struct cells *hdr)
{
	int i, same = 0;

	if (!hdr->n)
		return 0;
	for (i = 0; i < c->n; i++) {
		char a[256], b[256];
		const char *x = trimmed(cell(c, i), a, sizeof a);

		if (!*x)
			continue;
		if (strcasecmp(x, trimmed(cell(hdr, i), b, sizeof b)))
			return 0;
		same++;
	}
	return same >= 2;
}

/* Whether @p c is a row of column numbers "1 | 2 | 3" or "(1) | (2)" as
 * printed forms put under the header. */
static int column_numbers(const struct cells *c)
{
	int i, k = 0;
	long last = 0;

	for (i = 0; i < c->n; i++) {
		char a[64], *e;
		const char *x = trimmed(cell(c, i), a, sizeof a);
		long v;

		if (!*x)
			continue;
		if (*x == '(')
			x++;
		v = strtol(x, &e, 10);
		if (e == x || (*e && strcmp(e, ")") && strcmp(e, ".")) || (k && v != last + 1))
			return 0;
		last = v;
		k++;
	}
	return k >= 3;
}

/* ---- one row ---- */

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* A latitude or longitude cell as a number text: a decimal comma becomes a
 * point, decimals beyond COORD_DECIMALS are dropped. */
static void coord_part(const char *s, char *out, size_t n)
{
	char *p, *dot;
	size_t i;

	trimmed(s, out, n);
	for (p = out; *p; p++)
		if (!strchr("0123456789+-.,", *p))
			return; /* not a plain number: left for the parser */
	if (!strchr(out, '.') && (p = strchr(out, ',')) && !strchr(p + 1, ','))
		*p = '.';
	dot = strchr(out, '.');
	if (dot) {
		for (i = 1; dot[i] >= '0' && dot[i] <= '9'; i++)
			;
		if (!dot[i] && i > COORD_DECIMALS + 1)
			dot[COORD_DECIMALS + 1] = '\0';
	}
}

/* Fills @p r from the cells @p c under the header; returns 1 when the row
 * is entirely empty. */
static int row_read(const struct table *t, const struct cells *c, struct row *r)
{
	uint64_t h = JK_FNV_INIT;
	size_t off[JK_F__COUNT];
	int i, empty = 1;

	for (i = 0; i < JK_F__COUNT; i++) {
		r->v[i] = "";
		off[i] = (size_t)-1;
	}
	r->koord[0] = '\0';
	jk_buf_reset(&r->cells);
	/* the row's identity: the text of its cells under the header, so
	 * neither its sheet nor its row number */
	for (i = 0; i < t->h.ncols; i++) {
		const char *s = cell(c, i);
		size_t n = strlen(s);
		int f = t->h.col_field[i];

		h = jk_fnv1a(h, s, n + 1);
		if (!blank_text(s))
			empty = 0;
		if (*s && f != JK_F_NONE && t->h.field_col[f] == i) {
			off[f] = r->cells.len;
			jk_buf_add(&r->cells, s, n + 1);
		}
	}
	for (i = 0; i < JK_F__COUNT; i++)
		if (off[i] != (size_t)-1 && !r->cells.oom)
			r->v[i] = r->cells.s + off[i];
	/* Separate latitude/longitude columns, or a point geometry, stand in
	 * for an empty coordinate cell. */
	if (*r->v[JK_F_LAT] && *r->v[JK_F_LON]) {
		char la[64], lo[64];

		coord_part(r->v[JK_F_LAT], la, sizeof la);
		coord_part(r->v[JK_F_LON], lo, sizeof lo);
		snprintf(r->koord, sizeof r->koord, "%s, %s", la, lo);
	} else if (*c->koord) {
		jk_strlcpy(r->koord, c->koord, sizeof r->koord);
		empty = 0;
		h = jk_fnv1a(h, r->koord, strlen(r->koord));
	}
	snprintf(r->hash, sizeof r->hash, "%016llx", (unsigned long long)h);
	return empty;
}

static const char *row_koord(const struct row *r, jk_field f)
{
	return *r->v[f] ? r->v[f] : r->koord;
}

/* Checks the coordinate cell; warns when unreadable (the address is used). */
static void check_coord(jk_ctx *ctx, const char *loc, const char *field, const char *text)
{
	double lat, lon;
	int flags;
	char why[160];

	if (!*text)
		return;
	if (jk_coord_parse(text, &lat, &lon, &flags, why, sizeof why) < 0)
		jk_msg(ctx, JK_LOG_WARN, "%s: %s: %s; the address is used instead", loc, field, why);
}

static int has_location(const struct row *r, jk_field alamat, jk_field koord)
{
	return *r->v[alamat] || *r->v[JK_F_DESA] || *r->v[JK_F_KEC] ||
	       *r->v[JK_F_KAB] || *row_koord(r, koord);
}

/* Spreadsheet drivers of GDAL 3.6 take header detection and field typing
 * only as configuration options (GDAL 3.8 adds open options, which
 * jk_gdal_open_vector() passes too). They are set for this thread while a
 * table is read (no header row: every row a feature, every cell text;
 * sheets are built when first read, so they stay set) and restored
 * afterwards, so an embedding program's settings are untouched. */
static const char *const sheet_opts[][2] = {
	{"OGR_XLSX_HEADERS", "DISABLE"}, {"OGR_XLSX_FIELD_TYPES", "STRING"},
	{"OGR_ODS_HEADERS", "DISABLE"}, {"OGR_ODS_FIELD_TYPES", "STRING"},
	{"OGR_XLS_HEADERS", "DISABLE"}, {"OGR_XLS_FIELD_TYPES", "STRING"}};
#define N_SHEET_OPTS (sizeof sheet_opts / sizeof sheet_opts[0])

static void sheet_opts_set(char **saved)
{
	size_t i;

	for (i = 0; i < N_SHEET_OPTS; i++) {
		const char *old = CPLGetThreadLocalConfigOption(sheet_opts[i][0], NULL);

		saved[i] = old ? jk_strdup(old) : NULL;
		CPLSetThreadLocalConfigOption(sheet_opts[i][0], sheet_opts[i][1]);
	}
}

static void sheet_opts_restore(char **saved)
{
	size_t i;

	for (i = 0; i < N_SHEET_OPTS; i++) {
		CPLSetThreadLocalConfigOption(sheet_opts[i][0], saved[i]);
		free(saved[i]);
		saved[i] = NULL;
	}
}

/* Shared driver: opens, finds headers, loops rows in one transaction. */
typedef int (*row_fn)(void *state, struct table *t, struct row *r,
		      jk_import_stats *stats);

/* What reading one sheet gave. */
struct sheet_result {
	int no_header;    /* the sheet has no usable header: skipped */
	long data_rows;   /* then: its rows of two or more cells */
	char why[1800];   /* then: why */
};

/* Handles one row under the header; returns JK_OK or a fatal error. */
static int row_handle(struct table *t, struct cells *c, struct row *r, row_fn fn,
		      void *state, jk_import_stats *stats)
{
	jk_ctx *ctx = t->ctx;
	char where[400], name[300], other[300];
	int i, first_sheet = 0;
	long first;

	table_where(t, where, sizeof where);
	snprintf(r->loc, sizeof r->loc, "%s:%ld", where, c->row);
	r->row = c->row;
	t->wide |= c->wide;
	if (c->bad) {
		stats->read++;
		stats->rejected++;
		jk_msg(ctx, JK_LOG_ERROR, "%s: %s: %s; row rejected, the lines after it are read as rows",
		       r->loc, col_name(t, c->bad_col, name, sizeof name), c->bad);
		return JK_OK;
	}
	if (!cells_filled(c) && !*c->koord)
		return JK_OK; /* a blank row */
	if (repeats_row(c, &t->top) || (t->h.nrows == 2 && repeats_row(c, &t->bottom))) {
		jk_msg(ctx, JK_LOG_INFO, "%s: row: the header again; skipped", r->loc);
		return JK_OK;
	}
	if (column_numbers(c)) {
		jk_msg(ctx, JK_LOG_INFO, "%s: row: column numbers; skipped", r->loc);
		return JK_OK;
	}
	stats->read++;
	for (i = 0; i < c->n; i++)
		if (c->len[i] > CELL_MAX) {
			stats->rejected++;
			jk_msg(ctx, JK_LOG_ERROR,
			       "%s: %s: a cell of %zu bytes, over the limit of %d; row rejected",
			       r->loc, col_name(t, i, name, sizeof name), c->len[i], CELL_MAX);
			return JK_OK;
		}
	if (row_read(t, c, r))
		return JK_OK;
	first = seen_check(&t->dup, strtoull(r->hash, NULL, 16), r->hash, r->row,
			   t->sheet_idx, &first_sheet);
	if (first < 0)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	if (first > 0) {
		stats->duplicates++;
		other_sheet(t, first_sheet, other, sizeof other);
		jk_msg(ctx, JK_LOG_WARN, "%s: row: exact duplicate of row %ld%s; imported once",
		       r->loc, first, other);
		return JK_OK;
	}
	return fn(state, t, r, stats);
}

/*
 * Reads the sheet or layer set up in @p t: finds its header (@p want: the
 * row given by the caller, 0 to find it) and hands its rows to @p fn.
 * Returns JK_OK, with res->no_header when the sheet was skipped, or a
 * fatal error.
 */
static int sheet_read(struct table *t, long want, row_fn fn, void *state,
		      struct row *r, jk_import_stats *stats, struct sheet_result *res)
{
	jk_ctx *ctx = t->ctx;
	struct cells *buf = calloc(HEADER_SCAN + 2, sizeof *buf);
	int nbuf = 0, i, rc = JK_OK, got = 1;
	long last_row = 0;
	char where[400];

	memset(res, 0, sizeof *res);
	if (!buf)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	for (i = 0; i < HEADER_SCAN + 2; i++)
		cells_init(&buf[i]);
	table_where(t, where, sizeof where);
	if (t->src == SRC_LAYER) {
		header_from_fields(t);
		if (!t->h.complete) {
			header_missing(&t->h, t->kind, res->why, sizeof res->why);
			res->no_header = 1;
			goto done;
		}
	} else {
		/* the first rows that are not blank (a row of the header's
		 * second line is kept too), or up to the row asked for */
		while (nbuf < HEADER_SCAN + 1) {
			got = table_next(t, &buf[nbuf]);
			if (got <= 0)
				break;
			last_row = buf[nbuf].row;
			if (want && buf[nbuf].row < want)
				continue;
			if (!buf[nbuf].bad && !cells_filled(&buf[nbuf]))
				continue;
			nbuf++;
			if (want && buf[nbuf - 1].row >= want + 1)
				break;
		}
		if (header_find(t, buf, nbuf, want, res->why, sizeof res->why)) {
			res->no_header = 1;
			/* how much the skipped sheet holds */
			for (i = 0; i < nbuf; i++)
				res->data_rows += cells_filled(&buf[i]) >= 2;
			while (got > 0 && (got = table_next(t, &buf[0])) > 0)
				res->data_rows += cells_filled(&buf[0]) >= 2;
			goto done;
		}
		for (i = 0; i < nbuf && rc == JK_OK; i++)
			if (buf[i].row >= t->h.row + t->h.nrows)
				rc = row_handle(t, &buf[i], r, fn, state, stats);
		if (rc)
			goto done;
	}
	for (i = 0; i < t->h.ncols; i++)
		if (t->h.repeats[i]) {
			char name[300];

			jk_msg(ctx, JK_LOG_WARN, "%s: column %s repeats field '%s'; the first is used",
			       where, col_name(t, i, name, sizeof name),
			       jk_field_name(t->h.repeats[i]));
		}
	while (got > 0 && rc == JK_OK) {
		got = table_next(t, &buf[0]);
		if (got <= 0)
			break;
		last_row = buf[0].row;
		if (buf[0].row % 5000 == 0)
			jk_progress(ctx, t->kind == JK_TABLE_SITES ? "import sites" : "import clients",
				    buf[0].row, 0);
		rc = row_handle(t, &buf[0], r, fn, state, stats);
	}
	if (rc)
		goto done;
	if (*t->pending) {
		/* not the end of the data: a read error */
		stats->rejected++;
		jk_msg(ctx, JK_LOG_ERROR, "%s:%ld: row: read error: %s%s are not read",
		       where, last_row + 1, t->pending,
		       strstr(t->pending, "; the rows from here on") ? "" : "; the rows from here on");
	} else if (t->src == SRC_LAYER) {
		GIntBig n = OGR_L_GetFeatureCount(t->lyr, 0);

		if (n > t->nread) {
			stats->rejected += (long)(n - t->nread);
			jk_msg(ctx, JK_LOG_ERROR, "%s: only %ld of %lld features could be read",
			       where, t->nread, (long long)n);
		}
	}
	if (t->wide)
		jk_msg(ctx, JK_LOG_WARN, "%s: cells after column %d are not read", where, MAX_COLS);
	if (t->recoded)
		jk_msg(ctx, JK_LOG_WARN, "%s: cells that were not UTF-8 were read as Windows-1252", where);
done:
	for (i = 0; i < HEADER_SCAN + 2; i++)
		jk_buf_release(&buf[i].text);
	free(buf);
	return rc;
}

/* The names of the sheets of @p ds, quoted, for messages. */
static void sheet_names(GDALDatasetH ds, jk_buf *b)
{
	int i, n = GDALDatasetGetLayerCount(ds);

	for (i = 0; i < n; i++)
		jk_buf_printf(b, "%s'%s'", i ? ", " : "", OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
	if (!n)
		jk_buf_puts(b, "none");
}

/* Opens @p path into @p t and lists the sheets or layer to read into
 * @p which (indexes), @p *nwhich of them. */
static int table_open(jk_ctx *ctx, struct table *t, const char *path,
		      const jk_table_opts *opts, int **which, int *nwhich)
{
	const char *layer = opts ? opts->layer : NULL;
	const char *const *sheets = opts ? opts->sheets : NULL;
	int i, n, rc;

	*which = NULL;
	*nwhich = 0;
	if (has_ext(path, ".csv") || has_ext(path, ".tsv") || has_ext(path, ".txt")) {
		t->src = SRC_CSV;
		if (layer || (sheets && sheets[0]))
			return jk_error(ctx, JK_ERR_ARG, "%s: a CSV file is one table: it has no "
					"sheets or layers to choose", path);
		rc = csv_load(ctx, path, &t->csv);
		if (rc)
			return rc;
		*which = calloc(1, sizeof **which);
		if (!*which)
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		*nwhich = 1;
		t->sheet = "";
		return JK_OK;
	}
	t->errs.failed = 0;
	rc = jk_gdal_open_vector(ctx, path, &t->ds);
	if (rc)
		return rc;
	t->src = is_workbook(t->ds) ? SRC_SHEETS : SRC_LAYER;
	n = GDALDatasetGetLayerCount(t->ds);
	t->open_err_sheet = -1;
	if (t->errs.failed) {
		jk_strlcpy(t->open_err, jk_gdal_lasterr(ctx), sizeof t->open_err);
		t->open_err_sheet = n - 1;
	}
	*which = calloc((size_t)n + 1, sizeof **which);
	if (!*which)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	if (t->src == SRC_LAYER) {
		OGRLayerH l;

		if (sheets && sheets[0] && (layer || sheets[1]))
			return jk_error(ctx, JK_ERR_ARG, "%s: not a workbook: name one layer", path);
		rc = jk_gdal_layer(ctx, t->ds, path, layer ? layer : sheets ? sheets[0] : NULL, &l);
		if (rc)
			return rc;
		for (i = 0; i < n && GDALDatasetGetLayer(t->ds, i) != l; i++)
			;
		(*which)[0] = i;
		*nwhich = 1;
		return JK_OK;
	}
	if (!layer && !(sheets && sheets[0])) {
		for (i = 0; i < n; i++)
			(*which)[i] = i;
		*nwhich = n;
		if (!n)
			return jk_error(ctx, JK_ERR_FORMAT, "%s: the workbook has no sheet with cells",
					path);
		return JK_OK;
	}
	for (i = -1; i < 0 || (sheets && sheets[i]); i++) {
		const char *name = i < 0 ? layer : sheets[i];
		OGRLayerH l;
		int k, j;

		if (!name)
			continue;
		l = GDALDatasetGetLayerByName(t->ds, name);
		if (!l) {
			jk_buf b;

			jk_buf_init(&b);
			sheet_names(t->ds, &b);
			rc = jk_error(ctx, JK_ERR_ARG, "%s: no sheet '%s' (sheets: %s)", path, name,
				      jk_buf_str(&b));
			jk_buf_release(&b);
			return rc;
		}
		for (k = 0; k < n && GDALDatasetGetLayer(t->ds, k) != l; k++)
			;
		for (j = 0; j < *nwhich && (*which)[j] != k; j++)
			;
		if (j == *nwhich && k < n)
			(*which)[(*nwhich)++] = k;
	}
	return JK_OK;
}

static int import_table(jk_ctx *ctx, jk_store *st, const char *path,
			const jk_table_opts *opts, int kind, row_fn fn,
			void *state, jk_import_stats *stats)
{
	struct table t;
	struct row r;
	struct sheet_result *res = NULL;
	char *saved[N_SHEET_OPTS];
	int *which = NULL, nwhich = 0, rc, in_tx = 0, k, read_sheets = 0, chosen;
	long want = opts ? opts->header_row : 0;

	memset(&t, 0, sizeof t);
	t.ctx = ctx;
	t.path = path;
	t.kind = kind;
	t.sheet = "";
	header_init(&t.h);
	cells_init(&t.top);
	cells_init(&t.bottom);
	jk_buf_init(&r.cells);
	jk_gdal_push_errs(&t.errs, ctx, 0);
	sheet_opts_set(saved);
	if (want < 0) {
		rc = jk_error(ctx, JK_ERR_ARG, "header row %ld: not a row number", want);
		goto done;
	}
	rc = table_open(ctx, &t, path, opts, &which, &nwhich);
	if (rc)
		goto done;
	chosen = opts && (opts->layer || (opts->sheets && opts->sheets[0]));
	res = malloc(sizeof *res);
	if (!res) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto done;
	}
	rc = jk_store_begin(st);
	if (rc)
		goto done;
	in_tx = 1;
	for (k = 0; k < nwhich; k++) {
		char where[400];

		if (t.src != SRC_CSV)
			table_use_layer(&t, GDALDatasetGetLayer(t.ds, which[k]), which[k]);
		rc = sheet_read(&t, want, fn, state, &r, stats, res);
		if (rc)
			goto done;
		if (!res->no_header) {
			read_sheets++;
			continue;
		}
		table_where(&t, where, sizeof where);
		if (nwhich == 1 || chosen || t.src != SRC_SHEETS) {
			rc = jk_error(ctx, JK_ERR_FORMAT, "%s: %s", where, res->why);
			goto done;
		}
		if (res->data_rows) {
			/* rows that hold data are not imported: as rejected */
			stats->rejected += res->data_rows;
			jk_msg(ctx, JK_LOG_ERROR, "%s: sheet skipped (%ld rows of data not imported): %s",
			       where, res->data_rows, res->why);
		} else {
			jk_msg(ctx, JK_LOG_WARN, "%s: sheet skipped: no table (%s)", where, res->why);
		}
	}
	if (*t.open_err && !t.open_err_told) {
		/* the sheet it ended was not read (--sheet) */
		stats->rejected++;
		jk_msg(ctx, JK_LOG_ERROR, "%s: read error: %s; the workbook is read only up to there",
		       path, t.open_err);
	}
	if (!read_sheets) {
		rc = jk_error(ctx, JK_ERR_FORMAT, "%s: no sheet has a header row with the "
			      "columns needed (see the warnings above)", path);
		goto done;
	}
	if (opts && opts->strict && stats->rejected) {
		rc = jk_error(ctx, JK_ERR_REJECTED,
			      "%s: %ld rows rejected; nothing imported (--strict)",
			      path, stats->rejected);
		goto done;
	}
done:
	rc = jk_store_end(st, &in_tx, rc,
			  kind == JK_TABLE_SITES ? "import sites" : "import clients", NULL);
	jk_buf_release(&r.cells);
	free(res);
	free(which);
	table_close(&t);
	sheet_opts_restore(saved);
	jk_gdal_pop();
	return rc;
}

/* ---- sites ---- */

struct site_state {
	jk_ctx *ctx;
	jk_store *st;
	sqlite3_stmt *find, *ins, *touch;
};

static int site_row(void *state, struct table *t, struct row *r,
		    jk_import_stats *stats)
{
	struct site_state *ss = state;
	jk_ctx *ctx = ss->ctx;
	const char *loc = r->loc;
	const char *koord = row_koord(r, JK_F_KOORDINAT);
	long kap = 0;
	int status, anak, kap_rc = 1;

	if (!has_location(r, JK_F_ALAMAT, JK_F_KOORDINAT)) {
		jk_msg(ctx, JK_LOG_ERROR,
		       "%s: alamat: empty, and no village or coordinate: the site cannot be placed",
		       loc);
		stats->rejected++;
		return JK_OK;
	}
	if (!*r->v[JK_F_NAMA])
		jk_msg(ctx, JK_LOG_WARN, "%s: nama_lokasi: empty; imported without a name", loc);
	status = jk_site_status_parse(r->v[JK_F_STATUS]);
	if (status < 0) {
		jk_msg(ctx, JK_LOG_WARN,
		       "%s: status: '%s' is not Siap, Belum Siap or Nonaktif; treated as unknown (not ready)",
		       loc, r->v[JK_F_STATUS]);
		status = JK_SITE_UNKNOWN;
	}
	if (*r->v[JK_F_KAPASITAS]) {
		kap_rc = jk_int_parse(r->v[JK_F_KAPASITAS], &kap);
		if (kap_rc < 0 || kap <= 0) {
			jk_msg(ctx, JK_LOG_WARN,
			       "%s: kapasitas: '%s' is not a number of clients; left blank",
			       loc, r->v[JK_F_KAPASITAS]);
			kap_rc = 1;
		}
	}
	anak = jk_yesno_parse(r->v[JK_F_ANAK_OK]);
	if (anak == -1)
		jk_msg(ctx, JK_LOG_WARN, "%s: ramah_anak: '%s' is not ya or tidak; left blank",
		       loc, r->v[JK_F_ANAK_OK]);
	check_coord(ctx, loc, "koordinat", koord);

	sqlite3_bind_text(ss->find, 1, r->hash, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(ss->find) == SQLITE_ROW) {
		sqlite3_reset(ss->find);
		stats->unchanged++;
		sqlite3_bind_text(ss->touch, 1, t->path, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ss->touch, 2, t->sheet, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ss->touch, 3, r->row);
		sqlite3_bind_text(ss->touch, 4, r->hash, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ss->touch) != SQLITE_DONE)
			return jk_store_dberr(ss->st, "cannot update site");
		sqlite3_reset(ss->touch);
		return JK_OK;
	}
	sqlite3_reset(ss->find);
	sqlite3_bind_text(ss->ins, 1, r->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ss->ins, 2, t->path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(ss->ins, 3, r->row);
	bind_opt(ss->ins, 4, r->v[JK_F_NO]);
	bind_opt(ss->ins, 5, r->v[JK_F_NAMA]);
	bind_opt(ss->ins, 6, nz(jk_jenis_canonical(r->v[JK_F_JENIS], r->v[JK_F_NAMA])));
	bind_opt(ss->ins, 7, r->v[JK_F_JENIS]);
	bind_opt(ss->ins, 8, r->v[JK_F_ALAMAT]);
	bind_opt(ss->ins, 9, r->v[JK_F_DESA]);
	bind_opt(ss->ins, 10, r->v[JK_F_KEC]);
	bind_opt(ss->ins, 11, r->v[JK_F_KAB]);
	bind_opt(ss->ins, 12, koord);
	sqlite3_bind_text(ss->ins, 13, jk_site_status_name(status), -1, SQLITE_STATIC);
	bind_opt(ss->ins, 14, r->v[JK_F_STATUS]);
	if (kap_rc == 0)
		sqlite3_bind_int64(ss->ins, 15, kap);
	else
		sqlite3_bind_null(ss->ins, 15);
	bind_opt(ss->ins, 16, r->v[JK_F_KEGIATAN]);
	if (anak == 0 || anak == 1)
		sqlite3_bind_int(ss->ins, 17, anak);
	else
		sqlite3_bind_null(ss->ins, 17);
	bind_opt(ss->ins, 18, r->v[JK_F_PJ]);
	bind_opt(ss->ins, 19, r->v[JK_F_TELEPON]);
	bind_opt(ss->ins, 20, r->v[JK_F_KETERANGAN]);
	sqlite3_bind_text(ss->ins, 21, t->sheet, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(ss->ins) != SQLITE_DONE)
		return jk_store_dberr(ss->st, "cannot store site");
	sqlite3_reset(ss->ins);
	stats->imported++;
	return JK_OK;
}

jk_status jk_import_sites(jk_ctx *ctx, jk_store *st, const char *path,
			  const jk_table_opts *opts, jk_import_stats *stats)
{
	struct site_state ss = {ctx, st, NULL, NULL, NULL};
	jk_import_stats local;
	int rc;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	rc = jk_store_prepare(st, "SELECT site_id FROM sites WHERE row_hash=?", &ss.find);
	if (!rc)
		rc = jk_store_prepare(st,
			"UPDATE sites SET src_file=?1, src_sheet=?2, src_row=?3 WHERE row_hash=?4",
			&ss.touch);
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO sites(row_hash,src_file,src_row,no,nama,jenis,"
			"jenis_raw,alamat,desa_col,kec_col,kab_col,koordinat,status,"
			"status_raw,kapasitas,kegiatan,anak_ok,pj,telepon,keterangan,"
			"src_sheet) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,"
			"?14,?15,?16,?17,?18,?19,?20,?21)", &ss.ins);
	if (!rc)
		rc = import_table(ctx, st, path, opts, JK_TABLE_SITES, site_row,
				  &ss, stats);
	sqlite3_finalize(ss.find);
	sqlite3_finalize(ss.touch);
	sqlite3_finalize(ss.ins);
	return rc;
}

/* ---- clients ---- */

struct client_state {
	jk_ctx *ctx;
	jk_store *st;
	sqlite3_stmt *find, *ins;
	struct seen ids;
};

/* A start date that a workbook gave as a day number: a cell formatted as a
 * number rather than a date shows Excel's serial (days since 1899-12-30).
 * Only 1955..2119 are taken. Returns 0 with @p iso set, or -1. */
static int excel_serial_date(const char *s, char *iso, size_t n)
{
	char t[32], out[80], *e;
	long v, a, b, c, d, m, y;

	trimmed(s, t, sizeof t);
	v = strtol(t, &e, 10);
	if (e == t || (*e && strcmp(e, ".0")) || v < 20000 || v > 80000)
		return -1;
	/* civil date of the Julian day number v + 2415019 */
	a = v + 2415019 + 32044;
	b = (4 * a + 3) / 146097;
	c = a - 146097 * b / 4;
	d = (4 * c + 3) / 1461;
	m = (5 * (c - 1461 * d / 4) + 2) / 153;
	y = 100 * b + d - 4800 + m / 10;
	snprintf(out, sizeof out, "%04ld-%02ld-%02ld", y, m + 3 - 12 * (m / 10),
		 c - 1461 * d / 4 - (153 * m + 2) / 5 + 1);
	jk_strlcpy(iso, out, n);
	return 0;
}

/* A client row rejected with its message: counted, and the import goes
 * on (beside the jk_status codes, which stop it). */
#define ROW_REJECTED (-1)

/* The values of a client row beyond the text it is stored with. */
struct client_vals {
	int status, anak, pidana;
	long jam;
	int jam_ok;
	int date_ok;   /* 0 when iso holds the start date */
	char iso[16];
};

/* The client must have an id not used before in the file, and something
 * to place them by. */
static int client_identity(struct client_state *cs, struct table *t,
			   const struct row *r, const char *id, const char *alamat,
			   const char *koord)
{
	char other[300];
	long first;
	int first_sheet = 0;

	if (!*id) {
		jk_msg(cs->ctx, JK_LOG_ERROR, "%s: id_klien: empty", r->loc);
		return ROW_REJECTED;
	}
	first = seen_check(&cs->ids, jk_fnv1a(JK_FNV_INIT, id, strlen(id)), id, r->row,
			   t->sheet_idx, &first_sheet);
	if (first < 0)
		return jk_error(cs->ctx, JK_ERR_NOMEM, "out of memory");
	if (first > 0) {
		other_sheet(t, first_sheet, other, sizeof other);
		jk_msg(cs->ctx, JK_LOG_ERROR, "%s: id_klien: '%s' already used at row %ld%s",
		       r->loc, id, first, other);
		return ROW_REJECTED;
	}
	if (!*alamat && !*r->v[JK_F_DESA] && !*r->v[JK_F_KEC] &&
	    !*r->v[JK_F_KAB] && !*koord) {
		jk_msg(cs->ctx, JK_LOG_ERROR,
		       "%s: alamat_rumah: empty, and no village or coordinate: the client cannot be placed",
		       r->loc);
		return ROW_REJECTED;
	}
	return JK_OK;
}

/* Status, child or adult (from the anak column, else the kind of
 * sentence), hours and start date; an unusable status or age rejects the
 * row, the rest is left blank with a warning. */
static int client_values(jk_ctx *ctx, const struct table *t, const struct row *r,
			 struct client_vals *cv)
{
	const char *loc = r->loc;

	cv->status = jk_client_status_parse(r->v[JK_F_STATUS]);
	if (cv->status < 0) {
		jk_msg(ctx, JK_LOG_ERROR, "%s: status: '%s' is not aktif or selesai", loc,
		       r->v[JK_F_STATUS]);
		return ROW_REJECTED;
	}
	cv->anak = jk_yesno_parse(r->v[JK_F_ANAK]);
	cv->pidana = jk_pidana_parse(r->v[JK_F_JENIS_PIDANA]);
	if (cv->pidana < 0)
		jk_msg(ctx, JK_LOG_WARN,
		       "%s: jenis_pidana: '%s' is neither Pidana Kerja Sosial nor Pidana Pelayanan Masyarakat",
		       loc, r->v[JK_F_JENIS_PIDANA]);
	if (cv->anak != 0 && cv->anak != 1) {
		if (cv->pidana == 1 || cv->pidana == 2) {
			cv->anak = cv->pidana == 2;
		} else {
			jk_msg(ctx, JK_LOG_ERROR,
			       "%s: anak: '%s' is not ya or tidak, and jenis_pidana does not tell",
			       loc, r->v[JK_F_ANAK]);
			return ROW_REJECTED;
		}
	} else if ((cv->pidana == 1 && cv->anak) || (cv->pidana == 2 && !cv->anak)) {
		jk_msg(ctx, JK_LOG_WARN,
		       "%s: anak: '%s' disagrees with jenis_pidana '%s'; the anak column is used",
		       loc, r->v[JK_F_ANAK], r->v[JK_F_JENIS_PIDANA]);
	}
	cv->jam = 0;
	cv->jam_ok = 0;
	if (*r->v[JK_F_JAM]) {
		long lo = cv->anak ? 7 : 8, hi = cv->anak ? 120 : 240;

		if (jk_int_parse(r->v[JK_F_JAM], &cv->jam) != 0)
			jk_msg(ctx, JK_LOG_WARN, "%s: jam_pidana: '%s' is not a number of hours; left blank",
			       loc, r->v[JK_F_JAM]);
		else if (cv->jam < lo || cv->jam > hi)
			jk_msg(ctx, JK_LOG_WARN,
			       "%s: jam_pidana: %ld is outside the legal range %ld-%ld hours for %s; left blank",
			       loc, cv->jam, lo, hi, cv->anak ? "a child" : "an adult");
		else
			cv->jam_ok = 1;
	}
	cv->date_ok = jk_date_parse(r->v[JK_F_TANGGAL_MULAI], cv->iso, sizeof cv->iso);
	if (cv->date_ok < 0 && t->src == SRC_SHEETS &&
	    excel_serial_date(r->v[JK_F_TANGGAL_MULAI], cv->iso, sizeof cv->iso) == 0)
		cv->date_ok = 0;
	if (cv->date_ok < 0)
		jk_msg(ctx, JK_LOG_WARN, "%s: tanggal_mulai: '%s' is not a date; left blank",
		       loc, r->v[JK_F_TANGGAL_MULAI]);
	return JK_OK;
}

/* Writes the client unless the store holds the same row for the id;
 * counts it as imported, updated or unchanged. */
static int client_store(struct client_state *cs, const struct table *t,
			const struct row *r, const char *id, const char *alamat,
			const char *koord, const struct client_vals *cv,
			jk_import_stats *stats)
{
	sqlite3_bind_text(cs->find, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(cs->find) == SQLITE_ROW) {
		int same = strcmp((const char *)sqlite3_column_text(cs->find, 0), r->hash) == 0;

		sqlite3_reset(cs->find);
		if (same) {
			stats->unchanged++;
			return JK_OK;
		}
		stats->updated++;
	} else {
		sqlite3_reset(cs->find);
		stats->imported++;
	}
	sqlite3_bind_text(cs->ins, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(cs->ins, 2, r->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(cs->ins, 3, t->path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(cs->ins, 4, r->row);
	bind_opt(cs->ins, 5, alamat);
	bind_opt(cs->ins, 6, r->v[JK_F_DESA]);
	bind_opt(cs->ins, 7, r->v[JK_F_KEC]);
	bind_opt(cs->ins, 8, r->v[JK_F_KAB]);
	bind_opt(cs->ins, 9, koord);
	if (cv->pidana == 1 || cv->pidana == 2)
		sqlite3_bind_text(cs->ins, 10, cv->pidana == 1 ? "kerja_sosial" : "pelayanan_masyarakat",
				  -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(cs->ins, 10);
	sqlite3_bind_int(cs->ins, 11, cv->anak);
	if (cv->jam_ok)
		sqlite3_bind_int64(cs->ins, 12, cv->jam);
	else
		sqlite3_bind_null(cs->ins, 12);
	bind_opt(cs->ins, 13, cv->date_ok == 0 ? cv->iso : NULL);
	sqlite3_bind_text(cs->ins, 14, cv->status ? "active" : "finished", -1, SQLITE_STATIC);
	sqlite3_bind_text(cs->ins, 15, t->sheet, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(cs->ins) != SQLITE_DONE)
		return jk_store_dberr(cs->st, "cannot store client");
	sqlite3_reset(cs->ins);
	return JK_OK;
}

static int client_row(void *state, struct table *t, struct row *r,
		      jk_import_stats *stats)
{
	struct client_state *cs = state;
	const char *id = r->v[JK_F_ID_KLIEN];
	const char *alamat = *r->v[JK_F_ALAMAT_RUMAH] ? r->v[JK_F_ALAMAT_RUMAH]
						      : r->v[JK_F_ALAMAT];
	const char *koord = *r->v[JK_F_KOORDINAT_RUMAH]
				    ? r->v[JK_F_KOORDINAT_RUMAH]
				    : row_koord(r, JK_F_KOORDINAT);
	struct client_vals cv;
	int rc;

	rc = client_identity(cs, t, r, id, alamat, koord);
	if (!rc)
		rc = client_values(cs->ctx, t, r, &cv);
	if (rc == ROW_REJECTED) {
		stats->rejected++;
		return JK_OK;
	}
	if (rc)
		return rc;
	check_coord(cs->ctx, r->loc, "koordinat_rumah", koord);
	return client_store(cs, t, r, id, alamat, koord, &cv, stats);
}

jk_status jk_import_clients(jk_ctx *ctx, jk_store *st, const char *path,
			    const jk_table_opts *opts, jk_import_stats *stats)
{
	struct client_state cs;
	jk_import_stats local;
	int rc;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	memset(&cs, 0, sizeof cs);
	cs.ctx = ctx;
	cs.st = st;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	rc = jk_store_prepare(st, "SELECT row_hash FROM clients WHERE client_id=?", &cs.find);
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO clients(client_id,row_hash,src_file,src_row,alamat,"
			"desa_col,kec_col,kab_col,koordinat,jenis_pidana,anak,jam,"
			"tanggal_mulai,status,src_sheet) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,"
			"?9,?10,?11,?12,?13,?14,?15) ON CONFLICT(client_id) DO UPDATE SET "
			"row_hash=excluded.row_hash,src_file=excluded.src_file,"
			"src_sheet=excluded.src_sheet,"
			"src_row=excluded.src_row,alamat=excluded.alamat,"
			"desa_col=excluded.desa_col,kec_col=excluded.kec_col,"
			"kab_col=excluded.kab_col,koordinat=excluded.koordinat,"
			"jenis_pidana=excluded.jenis_pidana,anak=excluded.anak,"
			"jam=excluded.jam,tanggal_mulai=excluded.tanggal_mulai,"
			"status=excluded.status,kode_desa=NULL,precision=NULL,"
			"score=NULL,geo_note=NULL,candidates=NULL,coord_kode=NULL,"
			"lon=NULL,lat=NULL,geom=NULL", &cs.ins);
	if (!rc)
		rc = import_table(ctx, st, path, opts, JK_TABLE_CLIENTS, client_row,
				  &cs, stats);
	seen_release(&cs.ids);
	sqlite3_finalize(cs.find);
	sqlite3_finalize(cs.ins);
	return rc;
}
