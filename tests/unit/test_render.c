/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the map renderer and the address book on the hand-made
 * store of fixture.c: the area read and projected to its UTM zone, every
 * village painted in the colour of its status (read back from the
 * pixels), the legend's counts, the three map formats, the book's pages,
 * and the errors.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "export/export_int.h"
#include "render/render_int.h"

static jk_fixture *fx;

static void setup(void)
{
	fx = jk_fixture_create("render", "out");
	ck_assert_int_eq(mkdir(fx->out, 0700), 0);
}

static void teardown(void)
{
	jk_fixture_destroy(fx);
	fx = NULL;
}

static void load(const char *code, double w, double h, jk_mapdata *md)
{
	jk_mapdata_opts o = {w, h, 1, 1};
	int rc = jk_mapdata_load(fx->ctx, fx->st, code, &o, md);

	ck_assert_msg(rc == JK_OK, "load %s: %d: %s", code, rc,
		      jk_ctx_errmsg(fx->ctx));
}

/* ------------------------------------------------------------------ */

START_TEST(test_area)
{
	jk_mapdata md;
	size_t i, in = 0;

	load("74.72", 400, 300, &md);
	ck_assert_int_eq(md.level, 2);
	ck_assert_str_eq(md.name, "Kota Bau Bau");
	ck_assert_str_eq(md.parent, "Sulawesi Tenggara");
	/* 122.6 E, 5.5 S: UTM zone 51 south */
	ck_assert_int_eq(md.epsg, 32751);
	/* near the zone's central meridian (123 E) grid and true north
	 * differ by less than half a degree; west of it, true north leans
	 * east of grid north... or west: only its size is fixed */
	ck_assert(fabs(md.north_deg) > 0.001 && fabs(md.north_deg) < 0.5);
	/* the area: 0.02 by 0.02 degrees, about 2.2 km square */
	ck_assert(fabs((md.maxx - md.minx) - 2215) < 30);
	ck_assert(fabs((md.maxy - md.miny) - 2212) < 30);
	/* the frame keeps the frame's aspect ratio and holds the area */
	ck_assert(fabs((md.fmaxx - md.fminx) / (md.fmaxy - md.fminy) - 4.0 / 3) < 1e-9);
	ck_assert(md.fminx < md.minx && md.fmaxx > md.maxx);
	ck_assert(md.fminy < md.miny && md.fmaxy > md.maxy);
	for (i = 0; i < md.nv; i++)
		in += md.v[i].in_area;
	ck_assert_int_eq(in, 4);
	/* statuses: 2 covered, 1 reachable, 1 pending */
	ck_assert_int_eq(md.n_status[JK_MS_COVERED], 2);
	ck_assert_int_eq(md.n_status[JK_MS_REACHABLE], 1);
	ck_assert_int_eq(md.n_status[JK_MS_PENDING], 1);
	ck_assert_int_eq(md.n_status[JK_MS_GAP], 0);
	/* sites placed in the area: 1, 2, 3, 4, 7; 5 and 6 have no village */
	ck_assert_int_eq(md.ns, 5);
	ck_assert_int_eq(md.n_site[JK_SS_READY], 4);
	ck_assert_int_eq(md.n_site[JK_SS_NOT_READY], 1);
	/* the two kecamatan outlined */
	ck_assert_int_eq(md.nk, 2);
	jk_mapdata_release(fx->ctx, &md);
}
END_TEST

/* The colour of the pixel at (x, y) of an RGB24 surface. */
static void pixel(cairo_surface_t *sf, int x, int y, int rgb[3])
{
	unsigned char *d = cairo_image_surface_get_data(sf);
	uint32_t v = *(uint32_t *)(void *)(d + y * cairo_image_surface_get_stride(sf) + x * 4);

	rgb[0] = (int)(v >> 16 & 255);
	rgb[1] = (int)(v >> 8 & 255);
	rgb[2] = (int)(v & 255);
}

/* The fill colour of @p status in the QGIS style of desa_coverage (the
 * embedded maps/desa_coverage.qml): the rendered maps and QGIS must show
 * a status in one colour. */
static void qml_fill(const char *status, int rgb[3])
{
	const char *qml = jk_style_qml_ref("desa_coverage"), *p, *sym;
	char key[128], name[32];

	ck_assert_ptr_nonnull(qml);
	snprintf(key, sizeof key, "value=\"%s\"", status);
	p = strstr(qml, key);
	ck_assert_msg(p != NULL, "no category %s", status);
	while (p > qml && strncmp(p, "symbol=\"", 8))
		p--;
	ck_assert(sscanf(p, "symbol=\"%31[^\"]\"", name) == 1);
	snprintf(key, sizeof key, "<symbol type=\"fill\" name=\"%s\"", name);
	sym = strstr(qml, key);
	if (!sym) {
		snprintf(key, sizeof key, "name=\"%s\"", name);
		sym = strstr(strstr(qml, "<symbols>"), key);
	}
	ck_assert_ptr_nonnull(sym);
	p = strstr(sym, "<Option name=\"color\" value=\"");
	ck_assert_ptr_nonnull(p);
	ck_assert(sscanf(p, "<Option name=\"color\" value=\"%d,%d,%d", &rgb[0],
			 &rgb[1], &rgb[2]) == 3);
}

START_TEST(test_colours_as_qgis)
{
	static const char *const names[JK_MS_N] = {"covered", "reachable",
						   "pending", "gap"};
	int i, c, q[3];
	double m[3];

	for (i = 0; i < JK_MS_N; i++) {
		qml_fill(names[i], q);
		jk_map_status_rgb(i, m);
		for (c = 0; c < 3; c++)
			ck_assert_msg((int)lround(m[c] * 255) == q[c],
				      "%s: map %d, QGIS %d", names[i],
				      (int)lround(m[c] * 255), q[c]);
	}
}
END_TEST

/* Every village of the area is painted in its status colour: read back
 * at its label point, on a map without hatching, labels or sites. */
START_TEST(test_fill_colours)
{
	jk_map_style style = {1, 0, 0, 0, 0};
	cairo_surface_t *sf;
	cairo_t *cr;
	jk_mapdata md;
	size_t i, checked = 0;

	load("74.72", 400, 300, &md);
	md.ns = 0;
	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 300);
	cr = cairo_create(sf);
	jk_map_draw(fx->ctx, cr, &md, 0, 0, 400, 300, &style);
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	for (i = 0; i < md.nv; i++) {
		const jk_map_village *v = &md.v[i];
		double k = 400 / (md.fmaxx - md.fminx), want[3];
		int x = (int)((v->lx - md.fminx) * k),
		    y = (int)((md.fmaxy - v->ly) * k), got[3], c;

		if (!v->in_area)
			continue;
		jk_map_status_rgb(v->status, want);
		pixel(sf, x, y, got);
		for (c = 0; c < 3; c++)
			ck_assert_msg(abs(got[c] - (int)lround(want[c] * 255)) <= 1,
				      "%s at (%d, %d): %d,%d,%d", v->kode, x, y,
				      got[0], got[1], got[2]);
		checked++;
	}
	ck_assert_int_eq(checked, 4);
	/* the corner of the frame is not a village: the map's ground */
	{
		int got[3];

		pixel(sf, 1, 1, got);
		ck_assert(!(got[0] == 255 && got[1] == 255 && got[2] == 255));
	}
	cairo_surface_destroy(sf);
	jk_mapdata_release(fx->ctx, &md);
}
END_TEST

/* On a regency map the neighbour of another regency is drawn for
 * context, not counted. */
START_TEST(test_context)
{
	jk_mapdata md;
	size_t i, ctxn = 0;

	/* Betoambari's frame reaches into Wolio */
	load("74.72.01", 400, 300, &md);
	ck_assert_int_eq(md.level, 3);
	ck_assert_str_eq(md.name, "Betoambari");
	ck_assert_str_eq(md.parent, "Kota Bau Bau");
	for (i = 0; i < md.nv; i++)
		if (!md.v[i].in_area) {
			ck_assert(strncmp(md.v[i].kode, "74.72.02.", 9) == 0);
			ctxn++;
		}
	ck_assert_int_eq(ctxn, 2);
	ck_assert_int_eq(md.n_status[JK_MS_COVERED], 2);
	ck_assert_int_eq(md.n_status[JK_MS_PENDING], 0);
	jk_mapdata_release(fx->ctx, &md);
}
END_TEST

START_TEST(test_map_formats)
{
	static const char *const names[] = {"m.png", "m.svg", "m.pdf"};
	static const char *const magic[] = {"\x89PNG\r\n", "<?xml", "%PDF-"};
	jk_map_opts o = {"74.72", "id", 800, NULL};
	char path[1024];
	size_t len;
	int i;

	for (i = 0; i < 3; i++) {
		char *buf;

		snprintf(path, sizeof path, "%s/%s", fx->out, names[i]);
		ck_assert_msg(jk_map_write(fx->ctx, fx->st, path, &o) == JK_OK, "%s: %s",
			      names[i], jk_ctx_errmsg(fx->ctx));
		buf = jk_test_slurp_len(fx->out, names[i], &len);
		ck_assert_msg(len > 1000 && !memcmp(buf, magic[i], strlen(magic[i])),
			      "%s: not a %s file", names[i], magic[i]);
		if (i == 0) {
			/* 800 px wide, A4 landscape */
			unsigned w = (unsigned char)buf[16] << 24 | (unsigned char)buf[17] << 16 |
				     (unsigned char)buf[18] << 8 | (unsigned char)buf[19];
			unsigned h = (unsigned char)buf[20] << 24 | (unsigned char)buf[21] << 16 |
				     (unsigned char)buf[22] << 8 | (unsigned char)buf[23];

			ck_assert_uint_eq(w, 800);
			ck_assert_uint_eq(h, 566);
		}
		if (i == 1) /* the title is text of the SVG's glyphs: count them */
			ck_assert(strstr(buf, "<svg") != NULL);
		free(buf);
	}
}
END_TEST

START_TEST(test_map_errors)
{
	jk_map_opts o = {"74.99", "id", 0, NULL};
	char path[1024];

	snprintf(path, sizeof path, "%s/x.png", fx->out);
	ck_assert_int_eq(jk_map_write(fx->ctx, fx->st, path, &o), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx), "'74.99'"));
	o.area = "74.72";
	snprintf(path, sizeof path, "%s/x.gif", fx->out);
	ck_assert_int_eq(jk_map_write(fx->ctx, fx->st, path, &o), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx), ".png, .svg or .pdf"));
	o.lang = "fr";
	snprintf(path, sizeof path, "%s/x.png", fx->out);
	ck_assert_int_eq(jk_map_write(fx->ctx, fx->st, path, &o), JK_ERR_ARG);
	/* nothing written on failure */
	ck_assert_int_ne(access(path, F_OK), 0);
	/* no coverage result: the map needs one */
	jk_fixture_exec(fx, "DELETE FROM coverage");
	o.lang = "id";
	ck_assert_int_eq(jk_map_write(fx->ctx, fx->st, path, &o), JK_ERR_STATE);
}
END_TEST

static int count_of(const char *txt, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;
	int c = 0;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(txt + i, needle, n))
			c++;
	return c;
}

/* Cover, contents, Betoambari (4 sites), Wolio (1 site): four pages. */
START_TEST(test_book)
{
	jk_book_opts o = {"74.72", "Bapas Kelas II Baubau", "2026-11-23"};
	char path[1024], *buf;
	size_t len;

	snprintf(path, sizeof path, "%s/buku.pdf", fx->out);
	ck_assert_msg(jk_book_write(fx->ctx, fx->st, path, &o) == JK_OK, "%s",
		      jk_ctx_errmsg(fx->ctx));
	buf = jk_test_slurp_len(fx->out, "buku.pdf", &len);
	ck_assert(!memcmp(buf, "%PDF-", 5));
	ck_assert_int_eq(count_of(buf, len, "/Type /Page %"), 4);
	free(buf);

	/* a long table flows onto more pages, and rows are never split:
	 * 60 more sites in Sulaa give Betoambari at least two more pages */
	jk_fixture_exec(fx,
		"WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n"
		" WHERE i < 159)"
		" INSERT INTO sites(site_id,row_hash,src_file,src_row,nama,alamat,"
		" status,kapasitas,anak_ok,kode_desa,precision,lon,lat,pj,telepon,"
		" kegiatan)"
		" SELECT i, 'x' || i, 'sites.csv', i, 'Masjid Nomor ' || i,"
		" 'Jl. Panjang Sekali No. ' || i || ', RT 01/RW 02, Kel. Sulaa,"
		" Kec. Betoambari, Kota Baubau, Sulawesi Tenggara', 'ready', 2, 1,"
		" '74.72.01.1001', 'village', 122.605, -5.495, 'Pengurus ' || i,"
		" '0812-0000-' || i, 'kebersihan; pertamanan; perawatan fasilitas'"
		" FROM n");
	ck_assert_int_eq(jk_book_write(fx->ctx, fx->st, path, &o), JK_OK);
	buf = jk_test_slurp_len(fx->out, "buku.pdf", &len);
	ck_assert(count_of(buf, len, "/Type /Page %") >= 6);
	free(buf);
}
END_TEST

START_TEST(test_book_errors)
{
	jk_book_opts o = {"74.99", NULL, NULL};
	char path[1024];

	snprintf(path, sizeof path, "%s/buku.pdf", fx->out);
	ck_assert_int_eq(jk_book_write(fx->ctx, fx->st, path, &o), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx), "'74.99'"));
	ck_assert_int_ne(access(path, F_OK), 0);
	o.kabupaten = NULL;
	ck_assert_int_eq(jk_book_write(fx->ctx, fx->st, path, &o), JK_ERR_ARG);
}
END_TEST

static Suite *render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_area);
	tcase_add_test(tc, test_colours_as_qgis);
	tcase_add_test(tc, test_fill_colours);
	tcase_add_test(tc, test_context);
	tcase_add_test(tc, test_map_formats);
	tcase_add_test(tc, test_map_errors);
	tcase_add_test(tc, test_book);
	tcase_add_test(tc, test_book_errors);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(render_suite());
}
