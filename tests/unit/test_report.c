/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of jk_report_write(): the gap report of a hand-made store (the same
 * fixture as test_export.c) in Indonesian and English. The expected
 * figures are worked out by hand from the fixture, and are also compared
 * with the GIS layers that jk_export_write() writes from the same store.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gdal.h>
#include <ogr_api.h>

#include "csvread.h"
#include "fixture.h"
#include "jangkau/jangkau.h"

/* ------------------------------------------------------------------ */
/* Fixture: the store of fixture.c                                     */

static jk_fixture *fx;

static void report_ok(const char *lang)
{
	jk_report_opts opts = {lang, JK_REPORT_MAPS_ALL};
	int rc = jk_report_write(fx->ctx, fx->st, fx->out, &opts);

	ck_assert_msg(rc == JK_OK, "jk_report: %d: %s", rc,
		      jk_ctx_errmsg(fx->ctx));
}

static void setup(void)
{
	fx = jk_fixture_create("report", "out/report");
}

static void teardown(void)
{
	jk_fixture_destroy(fx);
	fx = NULL;
}

/* ------------------------------------------------------------------ */
/* Reading the outputs back                                            */

static char *slurp(const char *name)
{
	return jk_test_slurp(fx->out, name);
}

/* The text a reader sees: tags dropped, the entities the report uses
 * decoded, runs of white space made one space. Caller frees. */
static char *visible_text(const char *html)
{
	static const char *const ent[][2] = {
		{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
		{"&quot;", "\""}, {"&#39;", "'"}, {"&ndash;", "-"}
	};
	char *out = malloc(strlen(html) + 1);
	const char *p = html;
	size_t o = 0, i;
	int in_tag = 0, in_style = 0;

	ck_assert_ptr_nonnull(out);
	while (*p) {
		if (!strncmp(p, "<style>", 7))
			in_style = 1;
		if (!strncmp(p, "</style>", 8))
			in_style = 0;
		if (*p == '<') {
			in_tag = 1;
			p++;
			continue;
		}
		if (in_tag) {
			if (*p == '>') {
				in_tag = 0;
				if (o && out[o - 1] != ' ')
					out[o++] = ' ';
			}
			p++;
			continue;
		}
		if (in_style) {
			p++;
			continue;
		}
		if (*p == '&') {
			for (i = 0; i < sizeof ent / sizeof ent[0]; i++) {
				size_t n = strlen(ent[i][0]);

				if (!strncmp(p, ent[i][0], n)) {
					out[o++] = ent[i][1][0];
					p += n;
					break;
				}
			}
			if (i < sizeof ent / sizeof ent[0])
				continue;
		}
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
			p++;
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
	return out;
}

#define HAS(txt, s) ck_assert_msg(strstr((txt), (s)) != NULL, \
				  "missing: '%s'", (s))
#define HASNT(txt, s) ck_assert_msg(strstr((txt), (s)) == NULL, \
				    "must not contain: '%s'", (s))

/* Occurrences of @p needle in @p txt. */
static int count_of(const char *txt, const char *needle)
{
	int n = 0;

	while ((txt = strstr(txt, needle)) != NULL) {
		n++;
		txt += strlen(needle);
	}
	return n;
}

static int count_lines(const char *txt)
{
	int n = 0;
	const char *p;

	for (p = txt; (p = strstr(p, "\r\n")) != NULL; p += 2)
		n++;
	return n;
}

/* The @p n-th line (0 = header) of a CSV text, without its CRLF. */
static void csv_line(const char *txt, int n, char *out, size_t outsz)
{
	const char *p = txt, *e;

	while (n-- > 0) {
		p = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(p);
		p += 2;
	}
	e = strstr(p, "\r\n");
	ck_assert_ptr_nonnull(e);
	snprintf(out, outsz, "%.*s", (int)(e - p), p);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

START_TEST(test_files_exist)
{
	static const char *const files[] = {
		"gap_report.html", "report_kabupaten.csv", "report_kecamatan.csv",
		"report_gaps.csv", "report_sites_attention.csv"
	};
	size_t i;
	char path[1200];
	struct stat sb;

	report_ok(NULL);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", fx->out, files[i]);
		ck_assert_msg(stat(path, &sb) == 0 && sb.st_size > 0,
			      "%s missing", files[i]);
	}
}
END_TEST

START_TEST(test_html_indonesian)
{
	char *html, *txt;
	const char *a, *b, *c, *d;

	report_ok(NULL);
	html = slurp("gap_report.html");
	/* self-contained and readable on a phone */
	HAS(html, "<html lang=\"id\">");
	HAS(html, "<meta name=\"viewport\" content=\"width=device-width");
	HAS(html, "<meta charset=\"utf-8\">");
	HAS(html, "<style>");
	HASNT(html, "<link");
	HASNT(html, "<script");
	/* images only as data: URIs */
	ck_assert_int_eq(count_of(html, "src="), count_of(html, "src=\"data:"));
	HASNT(html, "http");
	HASNT(html, "url(");
	HAS(html, "overflow-x:auto");
	txt = visible_text(html);
	HAS(txt, "Laporan Cakupan Lokasi Kerja Sosial");
	HAS(txt, "Radius jangkauan: 5 km");
	HAS(txt, "Analisis cakupan: 2026-07-31 02:00 UTC");
	/* the office's goal first */
	HAS(txt, "5 Tanpa lokasi siap dari 7 desa/kelurahan 1 Lokasi siap dalam"
		 " jangkauan 1 Hanya lokasi belum siap 3 Belum ada lokasi 2 Ada lokasi siap");
	/* per regency: villages, covered, without a ready site (reachable,
	 * pending, gap), sites, ready capacity, active clients; Indonesian
	 * thousands separator */
	HAS(txt, "Kota Bau Bau 4 2 2 1 1 0 5 7 42");
	HAS(txt, "Kabupaten Buton 3 0 3 0 0 3 0 0 1.542");
	HAS(txt, "Jumlah 7 2 5 1 1 3 5 7 1.584");
	/* per district */
	HAS(txt, "Betoambari 2 2 0 0 0 0 4 7 13");
	HAS(txt, "Wolio 2 0 2 1 1 0 1 0 29");
	HAS(txt, "Lasalimu 3 0 3 0 0 3 0 0 1.542");
	/* key figures: clients as counts only */
	HAS(txt, "3 Klien aktif");
	HAS(txt, "1 Klien dengan lokasi dalam jangkauan");
	HAS(txt, "1 Klien dengan lokasi di luar jangkauan");
	HAS(txt, "1 Klien yang belum mendapat lokasi");
	/* every village without a ready site, the most in need first (no
	 * site, only a site not ready, a ready site within reach), then
	 * demand descending, then distance descending, NULL last */
	HAS(txt, "Lasalimu 74.04.01.2001 Lasalimu Kabupaten Buton belum ada lokasi 0 1.500 12,3 belum ada lokasi");
	HAS(txt, "Tomba 74.72.02.1001 Wolio Kota Bau Bau hanya lokasi belum siap 1 21 7,5 belum ada lokasi");
	HAS(txt, "Kinapani 74.04.01.2002 Lasalimu Kabupaten Buton belum ada lokasi 0 21 - belum ada lokasi");
	a = strstr(txt, "Lasalimu 74.04.01.2001");
	b = strstr(txt, "Sampolawa 74.04.01.2003");
	c = strstr(txt, "Kinapani 74.04.01.2002");
	d = strstr(txt, "Tomba 74.72.02.1001");
	ck_assert(a && b && c && d);
	ck_assert(a < b && b < c && c < d);
	/* a reachable village has no ready site either: listed, last */
	ck_assert(strstr(txt, "Wale 74.72.02.1002") > d);
	/* villages with a ready site are not listed */
	HASNT(txt, "Sulaa 74.72.01.1001");
	/* sites needing attention, escaped */
	HAS(html, "Masjid &quot;Al-Ikhlas&quot;, &lt;Baru&gt; &amp; Co");
	HASNT(html, "<Baru>");
	HAS(txt, "3 4 Masjid \"Al-Ikhlas\", <Baru> & Co Tomba belum siap desa");
	HAS(txt, "4 5 SD Negeri 2 Labalawa Labalawa siap desa coordinate lies in");
	HAS(txt, "5 6 =1+2 - tidak diketahui tidak ditemukan no village found");
	HAS(txt, "6 7 Pantai Lakeba");
	HAS(txt, "siap kecamatan only the district");
	HAS(txt, "7 8 Posyandu Tulip Sulaa siap koordinat coordinate disagrees");
	HASNT(txt, "Kantor Lurah Sulaa");
	HASNT(txt, "Masjid Babussalam");
	/* every label in Indonesian */
	HAS(txt, "Keterangan status");
	HASNT(txt, "Village");
	HASNT(txt, "Total");
	HASNT(txt, "Demand");
	/* tables are closed */
	{
		int open = 0, close = 0;
		const char *p;

		for (p = html; (p = strstr(p, "<table")) != NULL; p++)
			open++;
		for (p = html; (p = strstr(p, "</table>")) != NULL; p++)
			close++;
		ck_assert_int_eq(open, close);
		ck_assert_int_eq(open, 5); /* regencies, 2 x districts, gaps, sites */
	}
	free(txt);
	free(html);
}
END_TEST

START_TEST(test_html_english)
{
	char *html, *txt;

	report_ok("en");
	html = slurp("gap_report.html");
	HAS(html, "<html lang=\"en\">");
	txt = visible_text(html);
	HAS(txt, "Community service site coverage report");
	HAS(txt, "Reach radius: 5 km");
	HAS(txt, "Coverage analysis: 2026-07-31 02:00 UTC");
	HAS(txt, "Regency/city Villages Ready site in the village Without a ready site"
		 " Ready site within reach Only a site not ready yet No site at all Sites"
		 " Ready capacity Active clients");
	HAS(txt, "Kabupaten Buton 3 0 3 0 0 3 0 0 1,542");
	HAS(txt, "Total 7 2 5 1 1 3 5 7 1,584");
	HAS(txt, "Lasalimu 74.04.01.2001 Lasalimu Kabupaten Buton no site at all 0 1,500 12.3 no site at all");
	HAS(txt, "Tomba 74.72.02.1001 Wolio Kota Bau Bau only a site not ready yet 1 21 7.5 no site at all");
	HAS(txt, "3 4 Masjid \"Al-Ikhlas\", <Baru> & Co Tomba not ready village");
	HAS(txt, "3 Active clients");
	HAS(txt, "Sites needing attention");
	HAS(txt, "Status legend");
	/* no Indonesian label left */
	HASNT(txt, "Kesenjangan");
	HASNT(txt, "Jumlah");
	HASNT(txt, "Ringkasan");
	HASNT(txt, "belum siap");
	HASNT(txt, "tidak diketahui");
	free(txt);
	free(html);
}
END_TEST

/* The report never carries a client's location, address or id. */
START_TEST(test_no_client_data)
{
	static const char *const files[] = {
		"gap_report.html", "report_kabupaten.csv", "report_kecamatan.csv",
		"report_gaps.csv", "report_sites_attention.csv"
	};
	static const char *const secrets[] = {
		"122.60777", "5.49111", "122.61888", "5.49444", "Rahasia",
		"Sunyi", "Sepi", "Lorong", "KLN-2026"
	};
	size_t i, j;
	int lang;

	for (lang = 0; lang < 2; lang++) {
		report_ok(lang ? "en" : "id");
		for (i = 0; i < sizeof files / sizeof files[0]; i++) {
			char *txt = slurp(files[i]);

			for (j = 0; j < sizeof secrets / sizeof secrets[0]; j++)
				ck_assert_msg(!strstr(txt, secrets[j]),
					      "%s contains '%s'", files[i],
					      secrets[j]);
			free(txt);
		}
	}
}
END_TEST

START_TEST(test_csv_tables)
{
	char *csv, line[1024];

	report_ok(NULL);
	csv = slurp("report_kabupaten.csv");
	ck_assert_int_eq(count_lines(csv), 3);
	csv_line(csv, 0, line, sizeof line);
	ck_assert_str_eq(line, "kode_kab,kabupaten,n_desa,n_covered,n_reach,"
			 "n_pending,n_gap,n_sites,n_ready,cap_ready,demand");
	csv_line(csv, 1, line, sizeof line);
	ck_assert_str_eq(line, "74.04,Kabupaten Buton,3,0,0,0,3,0,0,0,1542");
	csv_line(csv, 2, line, sizeof line);
	ck_assert_str_eq(line, "74.72,Kota Bau Bau,4,2,1,1,0,5,4,7,42");
	free(csv);

	csv = slurp("report_kecamatan.csv");
	ck_assert_int_eq(count_lines(csv), 4);
	csv_line(csv, 0, line, sizeof line);
	ck_assert_str_eq(line, "kode_kec,kecamatan,kabupaten,kode_kab,n_desa,"
			 "n_covered,n_reach,n_pending,n_gap,n_sites,n_ready,"
			 "cap_ready,demand");
	csv_line(csv, 2, line, sizeof line);
	ck_assert_str_eq(line,
			 "74.72.01,Betoambari,Kota Bau Bau,74.72,2,2,0,0,0,4,4,7,13");
	free(csv);

	csv = slurp("report_gaps.csv");
	ck_assert_int_eq(count_lines(csv), 6);
	csv_line(csv, 0, line, sizeof line);
	ck_assert_str_eq(line, "kode,desa,kecamatan,kabupaten,status,"
			 "n_pending,demand,near_km,status_ak");
	csv_line(csv, 1, line, sizeof line);
	ck_assert_str_eq(line, "74.04.01.2001,Lasalimu,Lasalimu,Kabupaten Buton,"
			 "gap,0,1500,12.340,gap");
	csv_line(csv, 2, line, sizeof line);
	ck_assert_str_eq(line, "74.04.01.2003,Sampolawa,Lasalimu,Kabupaten Buton,"
			 "gap,0,21,9.870,gap");
	csv_line(csv, 3, line, sizeof line);
	ck_assert_str_eq(line, "74.04.01.2002,Kinapani,Lasalimu,Kabupaten Buton,"
			 "gap,0,21,,gap");
	csv_line(csv, 4, line, sizeof line);
	ck_assert_str_eq(line, "74.72.02.1001,Tomba,Wolio,Kota Bau Bau,"
			 "pending,1,21,7.500,gap");
	csv_line(csv, 5, line, sizeof line);
	ck_assert_str_eq(line, "74.72.02.1002,Wale,Wolio,Kota Bau Bau,"
			 "reachable,0,8,2.346,reachable");
	free(csv);

	csv = slurp("report_sites_attention.csv");
	ck_assert_int_eq(count_lines(csv), 6);
	csv_line(csv, 0, line, sizeof line);
	ck_assert_str_eq(line, "site_id,src_row,nama,desa,status,precision,geo_note");
	csv_line(csv, 1, line, sizeof line);
	/* RFC 4180 quoting */
	ck_assert_str_eq(line, "3,4,\"Masjid \"\"Al-Ikhlas\"\", <Baru> & Co\","
			 "Tomba,not_ready,village,");
	csv_line(csv, 2, line, sizeof line);
	ck_assert_str_eq(line, "4,5,SD Negeri 2 Labalawa,Labalawa,ready,village,"
			 "\"coordinate lies in 74.72.01.1001, the address names Labalawa\"");
	csv_line(csv, 3, line, sizeof line);
	/* a formula is not run by a spreadsheet */
	ck_assert_str_eq(line, "5,6,\"'=1+2\",,unknown,none,no village found");
	csv_line(csv, 4, line, sizeof line);
	ck_assert_str_eq(line, "6,7,Pantai Lakeba \xe2\x80\x93 Caf\xc3\xa9,,ready,"
			 "district,only the district Betoambari found");
	free(csv);
}
END_TEST

/* The CSV tables do not depend on the language. */
START_TEST(test_csv_same_in_both_languages)
{
	static const char *const files[] = {
		"report_kabupaten.csv", "report_kecamatan.csv",
		"report_gaps.csv", "report_sites_attention.csv"
	};
	char *id[4];
	size_t i;

	report_ok("id");
	for (i = 0; i < 4; i++)
		id[i] = slurp(files[i]);
	report_ok("en");
	for (i = 0; i < 4; i++) {
		char *en = slurp(files[i]);

		ck_assert_str_eq(id[i], en);
		free(en);
		free(id[i]);
	}
}
END_TEST

/* The report's district figures equal the kecamatan_summary layer's. */
START_TEST(test_figures_equal_layers)
{
	static const char *const fields[] = {
		"kode_kec", "kecamatan", "kabupaten", "kode_kab", "n_desa",
		"n_covered", "n_reach", "n_pending", "n_gap", "n_sites",
		"n_ready", "cap_ready", "demand"
	};
	char layers[1200], path[1300], line[1024], want[1024];
	char *csv;
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRFeatureH f;
	int row = 0;
	size_t i;

	report_ok(NULL);
	csv = slurp("report_kecamatan.csv");
	snprintf(layers, sizeof layers, "%s/layers", fx->dir);
	{
		jk_export_opts eo = {.formats = JK_FORMAT_GPKG};

		ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, layers, &eo),
				 JK_OK);
	}
	snprintf(path, sizeof path, "%s/jangkau.gpkg", layers);
	GDALAllRegister();
	ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL,
			NULL);
	ck_assert_ptr_nonnull(ds);
	lyr = GDALDatasetGetLayerByName(ds, "kecamatan_summary");
	ck_assert_ptr_nonnull(lyr);
	while ((f = OGR_L_GetNextFeature(lyr)) != NULL) {
		size_t o = 0;

		for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
			o += (size_t)snprintf(want + o, sizeof want - o, "%s%s",
				i ? "," : "",
				OGR_F_GetFieldAsString(f,
					OGR_F_GetFieldIndex(f, fields[i])));
		csv_line(csv, ++row, line, sizeof line);
		ck_assert_str_eq(line, want);
		OGR_F_Destroy(f);
	}
	ck_assert_int_eq(row, 3);
	ck_assert_int_eq(count_lines(csv), row + 1);
	GDALClose(ds);
	free(csv);
}
END_TEST

/* The coverage maps: one per regency, and one (folded) per district with
 * a village that is pending or a gap: Wolio (1 pending) and Lasalimu (3
 * gaps); Betoambari has neither. Lossless WebP, as data: URIs. */
START_TEST(test_maps)
{
	jk_report_opts opts = {"id", JK_REPORT_MAPS_ALL};
	char *html;
	const char *p;

	report_ok(NULL);
	html = slurp("gap_report.html");
	ck_assert_int_eq(count_of(html, "<img "), 4);
	ck_assert_int_eq(count_of(html, "src=\"data:image/webp;base64,UklGR"), 4);
	ck_assert_int_eq(count_of(html, "<details>"), 2);
	HAS(html, "<summary>Peta cakupan: Kecamatan Wolio</summary>");
	HAS(html, "<summary>Peta cakupan: Kecamatan Lasalimu</summary>");
	HASNT(html, "Kecamatan Betoambari</summary>");
	/* the regency's map comes right under its heading */
	p = strstr(html, "Kota Bau Bau <small>");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_eq(strstr(p, "<figure>"), strstr(p, "</h3>\n<figure>") + 6);
	free(html);

	opts.maps = JK_REPORT_MAPS_KABUPATEN;
	ck_assert_int_eq(jk_report_write(fx->ctx, fx->st, fx->out, &opts), JK_OK);
	html = slurp("gap_report.html");
	ck_assert_int_eq(count_of(html, "<img "), 2);
	ck_assert_int_eq(count_of(html, "<details>"), 0);
	free(html);

	opts.maps = JK_REPORT_MAPS_NONE;
	ck_assert_int_eq(jk_report_write(fx->ctx, fx->st, fx->out, &opts), JK_OK);
	html = slurp("gap_report.html");
	ck_assert_int_eq(count_of(html, "<img "), 0);
	free(html);
}
END_TEST

/* After a coverage run by road the header gives the time limit and the
 * profile, not a radius of 0 km. */
START_TEST(test_header_by_road)
{
	char *html, *txt;

	jk_fixture_exec(fx,
		"INSERT OR REPLACE INTO meta(key,value) VALUES"
		" ('radius_km','0'),('max_minutes','30'),('coverage_method','road');"
		"INSERT INTO runs(step,at,params) VALUES('coverage',"
		" '2026-08-01T02:00:00Z','radius_km=0;method=road;max_minutes=30;"
		"profile=data/profiles/motorcycle.csv;optimize=time')");
	report_ok(NULL);
	html = slurp("gap_report.html");
	txt = visible_text(html);
	HAS(txt, "Jangkauan lewat jalan: 30 menit (profil motorcycle)");
	HASNT(txt, "0 km");
	free(html);
	free(txt);
	report_ok("en");
	html = slurp("gap_report.html");
	txt = visible_text(html);
	HAS(txt, "Reach by road: 30 min (profile motorcycle)");
	free(html);
	free(txt);
}
END_TEST

/* A site name that starts a formula and holds a comma stays one field:
 * the guard's apostrophe is inside the quotes, so the comma cannot end the
 * field and shift the columns (issue 11). */
START_TEST(test_csv_formula_cannot_break_out)
{
	char path[1200], err[256];
	jk_csv t;
	size_t r, id, nama, status;
	int seen = 0;

	jk_fixture_exec(fx, "INSERT INTO sites(site_id,row_hash,src_file,src_row,"
			"nama,status) VALUES(99,'h99','sites.csv',99,"
			"'=cmd|'' /C calc''!A0,x','not_ready')");
	report_ok(NULL);
	snprintf(path, sizeof path, "%s/report_sites_attention.csv", fx->out);
	ck_assert_msg(jk_csv_load(&t, path, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(t.ncols, 7);
	id = jk_csv_col(&t, "site_id");
	nama = jk_csv_col(&t, "nama");
	status = jk_csv_col(&t, "status");
	for (r = 0; r < t.nrows; r++) {
		if (strcmp(jk_csv_cell(&t, r, id), "99"))
			continue;
		seen = 1;
		ck_assert_str_eq(jk_csv_cell(&t, r, nama), "'=cmd|' /C calc'!A0,x");
		ck_assert_str_eq(jk_csv_cell(&t, r, status), "not_ready");
	}
	ck_assert(seen);
	jk_csv_release(&t);
}
END_TEST

START_TEST(test_errors)
{
	jk_report_opts opts = {"fr", JK_REPORT_MAPS_ALL};
	struct stat sb;

	ck_assert_int_eq(jk_report_write(fx->ctx, fx->st, fx->out, &opts),
			 JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx), "'fr'"));
	jk_fixture_exec(fx, "DELETE FROM coverage");
	ck_assert_int_eq(jk_report_write(fx->ctx, fx->st, fx->out, NULL),
			 JK_ERR_STATE);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx),
				     "jangkau coverage"));
	ck_assert_int_ne(stat(fx->out, &sb), 0);
}
END_TEST

/* No gaps and nothing to attend to: the page says so. */
START_TEST(test_nothing_to_report)
{
	char *html, *txt;

	jk_fixture_exec(fx,
		"UPDATE coverage SET status = 'covered';"
		"UPDATE sites SET status = 'ready', precision = 'village',"
		" geo_note = NULL, coord_kode = NULL, kode_desa = '74.72.01.1001';"
		/* as the coverage step writes it: %.17g */
		"UPDATE meta SET value = '2.7000000000000002' WHERE key = 'radius_km'");
	report_ok("en");
	html = slurp("gap_report.html");
	txt = visible_text(html);
	HAS(txt, "Reach radius: 2.7 km");
	HAS(txt, "Every village has a ready site.");
	HAS(txt, "No site needs attention.");
	HAS(txt, "Total 7 7 0 0 0 0 7 7 1,584");
	free(txt);
	free(html);
	txt = slurp("report_gaps.csv");
	ck_assert_int_eq(count_lines(txt), 1);
	free(txt);
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_files_exist);
	tcase_add_test(tc, test_html_indonesian);
	tcase_add_test(tc, test_html_english);
	tcase_add_test(tc, test_no_client_data);
	tcase_add_test(tc, test_csv_tables);
	tcase_add_test(tc, test_csv_same_in_both_languages);
	tcase_add_test(tc, test_csv_formula_cannot_break_out);
	tcase_add_test(tc, test_figures_equal_layers);
	tcase_add_test(tc, test_maps);
	tcase_add_test(tc, test_header_by_road);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_nothing_to_report);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(report_suite());
}
