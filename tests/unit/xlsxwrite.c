/* SPDX-License-Identifier: MIT */
/*
 * The test workbook writer (xlsxwrite.h). A workbook is a list of sheets,
 * each a list of cells and merged ranges in the order given; saving sorts
 * the cells by row and column. XLSX keeps text in the shared string table
 * (as Excel does) and writes one <row r="N"> per row that has cells, so a
 * blank row is an absent row; ODS writes every row from the first, blank
 * ones as one repeated empty row (as LibreOffice does), and a merged range
 * as a spanned cell followed by covered cells.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cpl_conv.h>

#include "core/util.h"
#include "xlsxwrite.h"

enum { CELL_TEXT, CELL_NUMBER, CELL_DATE };

struct cell {
	int row, col, kind;
	char *v;
};

struct merge {
	int r0, c0, r1, c1;
};

struct sheet {
	char *name;
	struct cell *cells;
	size_t n, cap;
	struct merge *merges;
	size_t nm, capm;
};

struct jk_workbook {
	struct sheet *sheets;
	size_t n, cap;
};

jk_workbook *jk_workbook_create(void)
{
	return calloc(1, sizeof(jk_workbook));
}

void jk_workbook_destroy(jk_workbook *wb)
{
	size_t i, j;

	if (!wb)
		return;
	for (i = 0; i < wb->n; i++) {
		for (j = 0; j < wb->sheets[i].n; j++)
			free(wb->sheets[i].cells[j].v);
		free(wb->sheets[i].cells);
		free(wb->sheets[i].merges);
		free(wb->sheets[i].name);
	}
	free(wb->sheets);
	free(wb);
}

int jk_workbook_sheet(jk_workbook *wb, const char *name)
{
	if (wb->n == wb->cap) {
		size_t cap = wb->cap ? wb->cap * 2 : 4;
		struct sheet *p = realloc(wb->sheets, cap * sizeof *p);

		if (!p)
			return -1;
		wb->sheets = p;
		wb->cap = cap;
	}
	memset(&wb->sheets[wb->n], 0, sizeof wb->sheets[0]);
	wb->sheets[wb->n].name = jk_strdup(name);
	if (!wb->sheets[wb->n].name)
		return -1;
	wb->n++;
	return 0;
}

static int add_cell(jk_workbook *wb, int row, int col, int kind, const char *v)
{
	struct sheet *s;
	size_t i;

	if (!wb->n || row < 1 || col < 0)
		return -1;
	s = &wb->sheets[wb->n - 1];
	for (i = 0; i < s->n; i++)
		if (s->cells[i].row == row && s->cells[i].col == col) {
			free(s->cells[i].v);
			s->cells[i].v = jk_strdup(v);
			s->cells[i].kind = kind;
			return s->cells[i].v ? 0 : -1;
		}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct cell *p = realloc(s->cells, cap * sizeof *p);

		if (!p)
			return -1;
		s->cells = p;
		s->cap = cap;
	}
	s->cells[s->n].row = row;
	s->cells[s->n].col = col;
	s->cells[s->n].kind = kind;
	s->cells[s->n].v = jk_strdup(v);
	if (!s->cells[s->n].v)
		return -1;
	s->n++;
	return 0;
}

int jk_workbook_text(jk_workbook *wb, int row, int col, const char *text)
{
	return add_cell(wb, row, col, CELL_TEXT, text);
}

int jk_workbook_number(jk_workbook *wb, int row, int col, const char *num)
{
	return add_cell(wb, row, col, CELL_NUMBER, num);
}

int jk_workbook_date(jk_workbook *wb, int row, int col, const char *iso)
{
	if (jk_excel_serial(iso) < 0)
		return -1;
	return add_cell(wb, row, col, CELL_DATE, iso);
}

/* "B12" -> col 1, row 12; returns the characters read, 0 when none. */
static int parse_ref(const char *s, int *row, int *col)
{
	int i = 0, c = 0, r = 0;

	while (s[i] >= 'A' && s[i] <= 'Z')
		c = c * 26 + (s[i++] - 'A' + 1);
	if (!c || !isdigit((unsigned char)s[i]))
		return 0;
	while (isdigit((unsigned char)s[i]))
		r = r * 10 + (s[i++] - '0');
	*row = r;
	*col = c - 1;
	return i;
}

int jk_workbook_merge(jk_workbook *wb, const char *range)
{
	struct sheet *s;
	struct merge m;
	int k;

	if (!wb->n)
		return -1;
	k = parse_ref(range, &m.r0, &m.c0);
	if (!k || range[k] != ':' || !parse_ref(range + k + 1, &m.r1, &m.c1) ||
	    m.r1 < m.r0 || m.c1 < m.c0)
		return -1;
	s = &wb->sheets[wb->n - 1];
	if (s->nm == s->capm) {
		size_t cap = s->capm ? s->capm * 2 : 8;
		struct merge *p = realloc(s->merges, cap * sizeof *p);

		if (!p)
			return -1;
		s->merges = p;
		s->capm = cap;
	}
	s->merges[s->nm++] = m;
	return 0;
}

long jk_excel_serial(const char *iso)
{
	int y, m, d;
	long a, yy, mm, jdn;

	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
	    m > 12 || d < 1 || d > 31 || y < 1900)
		return -1;
	/* days since 1899-12-30 (Excel's serial, valid after 1900-02-28) */
	a = (14 - m) / 12;
	yy = y + 4800 - a;
	mm = m + 12 * a - 3;
	jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
	return jdn - 2415019;
}

int jk_workbook_spec(jk_workbook *wb, const char *spec, char *err, size_t errlen)
{
	const char *p = spec;
	int lineno = 0;

	char *line = NULL;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *q;

		lineno++;
		free(line);
		line = malloc(n + 1);
		if (!line) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (e ? 1 : 0);
		if (!line[0] || !strncmp(line, "//", 2))
			continue;
		if (line[0] == '[') {
			q = strrchr(line, ']');
			if (!q)
				goto bad;
			*q = '\0';
			if (jk_workbook_sheet(wb, line + 1))
				goto bad;
		} else if (!strncmp(line, "merge ", 6)) {
			if (jk_workbook_merge(wb, line + 6))
				goto bad;
		} else if (isdigit((unsigned char)line[0])) {
			int row = (int)strtol(line, &q, 10), col = 0;

			if (*q != ':')
				goto bad;
			q++;
			if (*q == ' ')
				q++;
			for (;;) {
				char *bar = strchr(q, '|');
				int rc = 0;

				if (bar)
					*bar = '\0';
				if (*q == '=')
					rc = jk_workbook_number(wb, row, col, q + 1);
				else if (*q == '@')
					rc = jk_workbook_date(wb, row, col, q + 1);
				else if (*q)
					rc = jk_workbook_text(wb, row, col, q);
				if (rc)
					goto bad;
				col++;
				if (!bar)
					break;
				q = bar + 1;
			}
		} else {
			goto bad;
		}
	}
	free(line);
	return 0;
bad:
	free(line);
	snprintf(err, errlen, "spec line %d: not understood (or no sheet yet)", lineno);
	return -1;
}

static int cell_cmp(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static void xml_escaped(jk_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': jk_buf_puts(b, "&lt;"); break;
		case '>': jk_buf_puts(b, "&gt;"); break;
		case '&': jk_buf_puts(b, "&amp;"); break;
		case '"': jk_buf_puts(b, "&quot;"); break;
		default: jk_buf_add(b, s, 1);
		}
	}
}

static void col_name(int col, char *out)
{
	char tmp[8];
	int n = 0, i;

	col++;
	while (col > 0) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Adds one entry to the zip; returns 0 or -1. */
static int zip_add(void *zip, const char *name, const char *data, size_t n)
{
	if (CPLCreateFileInZip(zip, name, NULL) != CE_None)
		return -1;
	if (n && CPLWriteFileInZip(zip, data, (int)n) != CE_None) {
		CPLCloseFileInZip(zip);
		return -1;
	}
	return CPLCloseFileInZip(zip) == CE_None ? 0 : -1;
}

static int zip_add_str(void *zip, const char *name, const char *data)
{
	return zip_add(zip, name, data, strlen(data));
}

static const char xml_head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

int jk_workbook_save_xlsx(const jk_workbook *wb, const char *path)
{
	jk_buf b, ss;
	void *zip;
	size_t i, j, nstr = 0;
	int rc = -1;
	char name[64];

	jk_buf_init(&b);
	jk_buf_init(&ss);
	remove(path);
	zip = CPLCreateZip(path, NULL);
	if (!zip)
		return -1;
	jk_buf_printf(&b, "%s<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
		      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
		      "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
		      "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>",
		      xml_head);
	for (i = 0; i < wb->n; i++)
		jk_buf_printf(&b, "<Override PartName=\"/xl/worksheets/sheet%zu.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
			      i + 1);
	jk_buf_puts(&b, "</Types>");
	if (zip_add_str(zip, "[Content_Types].xml", jk_buf_str(&b)))
		goto done;
	jk_buf_reset(&b);
	jk_buf_printf(&b, "%s<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
		      "</Relationships>", xml_head);
	if (zip_add_str(zip, "_rels/.rels", jk_buf_str(&b)))
		goto done;
	jk_buf_reset(&b);
	jk_buf_printf(&b, "%s<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>",
		      xml_head);
	for (i = 0; i < wb->n; i++) {
		jk_buf_puts(&b, "<sheet name=\"");
		xml_escaped(&b, wb->sheets[i].name);
		jk_buf_printf(&b, "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1, i + 1);
	}
	jk_buf_puts(&b, "</sheets></workbook>");
	if (zip_add_str(zip, "xl/workbook.xml", jk_buf_str(&b)))
		goto done;
	jk_buf_reset(&b);
	jk_buf_printf(&b, "%s<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
		      xml_head);
	for (i = 0; i < wb->n; i++)
		jk_buf_printf(&b, "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>",
			      i + 1, i + 1);
	jk_buf_printf(&b, "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
		      "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
		      "</Relationships>", wb->n + 1, wb->n + 2);
	if (zip_add_str(zip, "xl/_rels/workbook.xml.rels", jk_buf_str(&b)))
		goto done;
	/* style 0: general; style 1: the built-in date format 14 */
	jk_buf_reset(&b);
	jk_buf_printf(&b, "%s<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		      "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
		      "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
		      "<borders count=\"1\"><border/></borders>"
		      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
		      "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
		      "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
		      "</styleSheet>", xml_head);
	if (zip_add_str(zip, "xl/styles.xml", jk_buf_str(&b)))
		goto done;
	for (i = 0; i < wb->n; i++) {
		struct sheet *s = &wb->sheets[i];
		int row = 0;

		qsort(s->cells, s->n, sizeof *s->cells, cell_cmp);
		jk_buf_reset(&b);
		jk_buf_printf(&b, "%s<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
			      xml_head);
		for (j = 0; j < s->n; j++) {
			struct cell *c = &s->cells[j];
			char ref[16];

			if (c->row != row) {
				if (row)
					jk_buf_puts(&b, "</row>");
				row = c->row;
				jk_buf_printf(&b, "<row r=\"%d\">", row);
			}
			col_name(c->col, ref);
			if (c->kind == CELL_TEXT && !strcmp(c->v, "!BREAK")) {
				jk_buf_printf(&b, "<c r=\"%s%d\"><v>&bogus;</v></c>", ref, row);
			} else if (c->kind == CELL_TEXT) {
				jk_buf_printf(&b, "<c r=\"%s%d\" t=\"s\"><v>%zu</v></c>", ref, row, nstr++);
				jk_buf_puts(&ss, "<si><t xml:space=\"preserve\">");
				xml_escaped(&ss, c->v);
				jk_buf_puts(&ss, "</t></si>");
			} else if (c->kind == CELL_NUMBER) {
				jk_buf_printf(&b, "<c r=\"%s%d\"><v>", ref, row);
				xml_escaped(&b, c->v);
				jk_buf_puts(&b, "</v></c>");
			} else {
				jk_buf_printf(&b, "<c r=\"%s%d\" s=\"1\"><v>%ld</v></c>", ref, row,
					      jk_excel_serial(c->v));
			}
		}
		if (row)
			jk_buf_puts(&b, "</row>");
		jk_buf_puts(&b, "</sheetData>");
		if (s->nm) {
			jk_buf_printf(&b, "<mergeCells count=\"%zu\">", s->nm);
			for (j = 0; j < s->nm; j++) {
				char a[8], z[8];

				col_name(s->merges[j].c0, a);
				col_name(s->merges[j].c1, z);
				jk_buf_printf(&b, "<mergeCell ref=\"%s%d:%s%d\"/>", a, s->merges[j].r0,
					      z, s->merges[j].r1);
			}
			jk_buf_puts(&b, "</mergeCells>");
		}
		jk_buf_puts(&b, "</worksheet>");
		snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", i + 1);
		if (zip_add_str(zip, name, jk_buf_str(&b)))
			goto done;
	}
	jk_buf_reset(&b);
	jk_buf_printf(&b, "%s<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"%zu\" uniqueCount=\"%zu\">%s</sst>",
		      xml_head, nstr, nstr, jk_buf_str(&ss));
	if (zip_add_str(zip, "xl/sharedStrings.xml", jk_buf_str(&b)))
		goto done;
	rc = b.oom || ss.oom ? -1 : 0;
done:
	if (CPLCloseZip(zip) != CE_None)
		rc = -1;
	jk_buf_release(&b);
	jk_buf_release(&ss);
	return rc;
}

/* The merged range that starts at (row, col), or NULL. */
static const struct merge *merge_at(const struct sheet *s, int row, int col)
{
	size_t i;

	for (i = 0; i < s->nm; i++)
		if (s->merges[i].r0 == row && s->merges[i].c0 == col)
			return &s->merges[i];
	return NULL;
}

/* Whether (row, col) is covered by a merge but not its first cell. */
static int covered(const struct sheet *s, int row, int col)
{
	size_t i;

	for (i = 0; i < s->nm; i++) {
		const struct merge *m = &s->merges[i];

		if (row >= m->r0 && row <= m->r1 && col >= m->c0 && col <= m->c1 &&
		    (row != m->r0 || col != m->c0))
			return 1;
	}
	return 0;
}

static const struct cell *cell_at(const struct sheet *s, int row, int col)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->cells[i].row == row && s->cells[i].col == col)
			return &s->cells[i];
	return NULL;
}

static void ods_row(jk_buf *b, const struct sheet *s, int row, int ncols)
{
	int col, empty = 0;

	jk_buf_puts(b, "<table:table-row>");
	for (col = 0; col < ncols; col++) {
		const struct cell *c = cell_at(s, row, col);
		const struct merge *m = merge_at(s, row, col);

		if (covered(s, row, col)) {
			if (empty)
				jk_buf_printf(b, "<table:table-cell table:number-columns-repeated=\"%d\"/>", empty);
			empty = 0;
			jk_buf_puts(b, "<table:covered-table-cell/>");
			continue;
		}
		if (!c && !m) {
			empty++;
			continue;
		}
		if (empty)
			jk_buf_printf(b, "<table:table-cell table:number-columns-repeated=\"%d\"/>", empty);
		empty = 0;
		jk_buf_puts(b, "<table:table-cell");
		if (m)
			jk_buf_printf(b, " table:number-columns-spanned=\"%d\" table:number-rows-spanned=\"%d\"",
				      m->c1 - m->c0 + 1, m->r1 - m->r0 + 1);
		if (!c) {
			jk_buf_puts(b, "/>");
			continue;
		}
		if (c->kind == CELL_NUMBER) {
			jk_buf_puts(b, " office:value-type=\"float\" office:value=\"");
			xml_escaped(b, c->v);
			jk_buf_puts(b, "\"");
		} else if (c->kind == CELL_DATE) {
			jk_buf_printf(b, " office:value-type=\"date\" office:date-value=\"%s\"", c->v);
		} else {
			jk_buf_puts(b, " office:value-type=\"string\"");
		}
		jk_buf_puts(b, "><text:p>");
		if (!strcmp(c->v, "!BREAK"))
			jk_buf_puts(b, "&bogus;");
		else
			xml_escaped(b, c->v);
		jk_buf_puts(b, "</text:p></table:table-cell>");
	}
	jk_buf_puts(b, "</table:table-row>");
}

int jk_workbook_save_ods(const jk_workbook *wb, const char *path)
{
	static const char manifest[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
		"<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
		"<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
		"</manifest:manifest>";
	jk_buf b;
	void *zip;
	size_t i, j;
	int rc = -1;

	jk_buf_init(&b);
	remove(path);
	zip = CPLCreateZip(path, NULL);
	if (!zip)
		return -1;
	if (zip_add_str(zip, "mimetype", "application/vnd.oasis.opendocument.spreadsheet") ||
	    zip_add_str(zip, "META-INF/manifest.xml", manifest))
		goto done;
	jk_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
		    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
		    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
		    "<office:body><office:spreadsheet>");
	for (i = 0; i < wb->n; i++) {
		const struct sheet *s = &wb->sheets[i];
		int maxrow = 0, ncols = 0, row, blank = 0;

		for (j = 0; j < s->n; j++) {
			if (s->cells[j].row > maxrow)
				maxrow = s->cells[j].row;
			if (s->cells[j].col + 1 > ncols)
				ncols = s->cells[j].col + 1;
		}
		for (j = 0; j < s->nm; j++) {
			if (s->merges[j].r1 > maxrow)
				maxrow = s->merges[j].r1;
			if (s->merges[j].c1 + 1 > ncols)
				ncols = s->merges[j].c1 + 1;
		}
		jk_buf_puts(&b, "<table:table table:name=\"");
		xml_escaped(&b, s->name);
		jk_buf_printf(&b, "\"><table:table-column table:number-columns-repeated=\"%d\"/>",
			      ncols ? ncols : 1);
		for (row = 1; row <= maxrow; row++) {
			int has = 0;

			for (j = 0; j < s->n && !has; j++)
				has = s->cells[j].row == row;
			for (j = 0; j < s->nm && !has; j++)
				has = row >= s->merges[j].r0 && row <= s->merges[j].r1;
			if (!has) {
				blank++;
				continue;
			}
			if (blank)
				jk_buf_printf(&b, "<table:table-row table:number-rows-repeated=\"%d\">"
					      "<table:table-cell table:number-columns-repeated=\"%d\"/>"
					      "</table:table-row>", blank, ncols);
			blank = 0;
			ods_row(&b, s, row, ncols);
		}
		jk_buf_puts(&b, "</table:table>");
	}
	jk_buf_puts(&b, "</office:spreadsheet></office:body></office:document-content>");
	if (b.oom || zip_add_str(zip, "content.xml", jk_buf_str(&b)))
		goto done;
	rc = 0;
done:
	if (CPLCloseZip(zip) != CE_None)
		rc = -1;
	jk_buf_release(&b);
	return rc;
}

int jk_workbook_write(const char *spec, const char *path, char *err, size_t errlen)
{
	jk_workbook *wb = jk_workbook_create();
	size_t n = strlen(path);
	int rc;

	if (!wb) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rc = jk_workbook_spec(wb, spec, err, errlen);
	if (!rc) {
		rc = n > 4 && !strcmp(path + n - 4, ".ods") ? jk_workbook_save_ods(wb, path)
							    : jk_workbook_save_xlsx(wb, path);
		if (rc)
			snprintf(err, errlen, "%s: cannot write the workbook", path);
	}
	jk_workbook_destroy(wb);
	return rc;
}
