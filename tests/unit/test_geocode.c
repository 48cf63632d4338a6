/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of boundary import, the point-in-polygon index and the
 * geocoder's reconciliation of coordinates with addresses, on the bundled
 * demo region (data/demo) and on small hand-made layers.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "fixture.h"
#include "geocode/pip.h"
#include "store/store.h"

#ifndef JK_DEMO_DIR
#define JK_DEMO_DIR JK_TEST_DATA_DIR "/../../data/demo"
#endif

static jk_scratch sc;

static void setup(void)
{
	jk_scratch_init(&sc, "geocode");
}

static void teardown(void)
{
	jk_scratch_release(&sc);
}

#define open_store(ctx, name) jk_scratch_store(&sc, (ctx), (name))

static char *query_text(jk_store *st, const char *sql)
{
	sqlite3_stmt *s;
	char *v = NULL;

	ck_assert_int_eq(jk_store_prepare(st, sql, &s), JK_OK);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = jk_strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}


/* A bow-tie village (self-intersecting ring), a good one, one with a bad
 * code and one without geometry. */
static const char *const boundary_fixture =
	"{\"type\":\"FeatureCollection\",\"features\":["
	"{\"type\":\"Feature\",\"properties\":{\"kode\":\"99.01.01.2001\",\"nama\":\"Dasi\","
	"\"kecamatan\":\"Satu\",\"kabupaten\":\"Kabupaten Uji\",\"provinsi\":\"Uji\"},"
	"\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120,-5],[121,-4],[121,-5],[120,-4],[120,-5]]]}},"
	"{\"type\":\"Feature\",\"properties\":{\"kode\":\"99.01.01.2002\",\"nama\":\"Baik\","
	"\"kecamatan\":\"Satu\",\"kabupaten\":\"Kabupaten Uji\",\"provinsi\":\"Uji\"},"
	"\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121,-5],[122,-5],[122,-4],[121,-4],[121,-5]]]}},"
	"{\"type\":\"Feature\",\"properties\":{\"kode\":\"99.01.1\",\"nama\":\"Salah\"},"
	"\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[123,-5],[124,-5],[124,-4],[123,-5]]]}},"
	"{\"type\":\"Feature\",\"properties\":{\"kode\":\"99.01.01.2004\",\"nama\":\"Kosong\"},"
	"\"geometry\":null}]}";

START_TEST(boundaries_repair_and_reject)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "b.sqlite");
	jk_import_stats s;
	char path[400];

	jk_scratch_write(&sc, "b.geojson", boundary_fixture, path, sizeof path);
	jk_ctx_set_log(ctx, jk_scratch_log, &sc);
	ck_assert_int_eq(jk_import_boundaries(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.read, 4);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.repaired, 1);
	ck_assert_int_eq(s.rejected, 2);
	ck_assert(jk_scratch_has(&sc, "b.geojson:3: kode: '99.01.1' is not a village code"));
	ck_assert(jk_scratch_has(&sc, "b.geojson:4: geometry: village 99.01.01.2004 has no polygon"));
	ck_assert(jk_scratch_has(&sc, "b.geojson:1: geometry: village 99.01.01.2001 was invalid, repaired"));
	/* repaired: valid, both triangles kept (area 0.5 degree^2), flagged */
	ck_assert_int_eq(jk_test_query_long(st, "SELECT ST_IsValid(geom) FROM villages WHERE kode='99.01.01.2001'"), 1);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT repaired FROM villages WHERE kode='99.01.01.2001'"), 1);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT round(ST_Area(geom)*1000) FROM villages WHERE kode='99.01.01.2001'"), 500);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT ST_GeometryType(geom)='MULTIPOLYGON' FROM villages WHERE kode='99.01.01.2001'"), 1);
	/* points on surface lie inside their village */
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM villages WHERE ST_Contains(geom, pt)"), 2);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM villages WHERE kode_kec='99.01.01' AND kode_kab='99.01'"), 2);
	/* strict: nothing written */
	jk_store_close(st);
	st = open_store(ctx, "strict.sqlite");
	{
		jk_boundary_opts o;

		memset(&o, 0, sizeof o);
		o.strict = 1;
		ck_assert_int_eq(jk_import_boundaries(ctx, st, path, &o, &s), JK_ERR_REJECTED);
		ck_assert_int_eq(jk_store_count(st, "villages"), 0);
	}
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(pip_finds_villages)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "p.sqlite");
	jk_pip *p = NULL;
	const char *hit[4];
	char path[400];

	jk_scratch_write(&sc, "b.geojson", boundary_fixture, path, sizeof path);
	ck_assert_int_eq(jk_import_boundaries(ctx, st, path, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_pip_create(ctx, st, &p), JK_OK);
	ck_assert_int_eq(jk_pip_find(p, 121.5, -4.5, hit, 4), 1);
	ck_assert_str_eq(hit[0], "99.01.01.2002");
	/* on the shared edge x=121: both */
	ck_assert_int_eq(jk_pip_find(p, 121.0, -4.9, hit, 4), 2);
	/* in the notch of the bow tie, and far away: none */
	ck_assert_int_eq(jk_pip_find(p, 120.5, -4.2, hit, 4), 0);
	ck_assert_int_eq(jk_pip_find(p, 0, 0, hit, 4), 0);
	jk_pip_destroy(p);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* A coordinate just outside the village the address names is kept as
 * its point within the tolerance, flagged beyond it. */
START_TEST(geocode_keeps_near_coordinates)
{
	static const char *const book =
		"nama_lokasi,alamat,koordinat\n"
		"Dekat,\"Desa Dasi, Kec. Satu\",\"-4.5, 121.002\"\n"
		"Jauh,\"Desa Dasi, Kec. Satu\",\"-4.5, 121.01\"\n";
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "near.sqlite");
	jk_geocode_opts go = {100};
	jk_pip *p = NULL;
	double d = -1;
	char path[400], spath[400], *v;

	jk_scratch_write(&sc, "n.geojson", boundary_fixture, path, sizeof path);
	jk_scratch_write(&sc, "n.csv", book, spath, sizeof spath);
	ck_assert_int_eq(jk_import_boundaries(ctx, st, path, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_import_sites(ctx, st, spath, NULL, NULL), JK_OK);
	/* 0.002 degrees east of Dasi's edge at 4.5 S: 222 m */
	ck_assert_int_eq(jk_pip_create(ctx, st, &p), JK_OK);
	ck_assert_int_eq(jk_pip_distance_m(p, "99.01.01.2001", 121.002, -4.5, &d), 0);
	ck_assert(d > 219 && d < 225);
	ck_assert_int_eq(jk_pip_distance_m(p, "99.01.01.2002", 121.5, -4.5, &d), 0);
	ck_assert(d == 0);
	ck_assert_int_eq(jk_pip_distance_m(p, "99.99.99.9999", 121.5, -4.5, &d), -1);
	jk_pip_destroy(p);
	ck_assert_int_eq(jk_geocode_run(ctx, st, NULL, NULL), JK_OK);
	v = query_text(st, "SELECT precision || '|' || kode_desa || '|' || coord_kode || '|' || geo_note"
			   " FROM sites WHERE nama='Dekat'");
	ck_assert_msg(strncmp(v, "coordinate|99.01.01.2001|99.01.01.2002|coordinate 222 m outside", 62) == 0, "%s", v);
	free(v);
	v = query_text(st, "SELECT precision || '|' || kode_desa || '|' || geo_note FROM sites WHERE nama='Jauh'");
	ck_assert_msg(strncmp(v, "village|99.01.01.2001|coordinate mismatch", 41) == 0, "%s", v);
	free(v);
	/* a tighter tolerance: the near one is flagged too */
	ck_assert_int_eq(jk_geocode_run(ctx, st, &go, NULL), JK_OK);
	v = query_text(st, "SELECT precision || '|' || geo_note FROM sites WHERE nama='Dekat'");
	ck_assert_msg(strncmp(v, "village|coordinate mismatch", 27) == 0, "%s", v);
	free(v);
	go.near_m = -1;
	ck_assert_int_eq(jk_geocode_run(ctx, st, &go, NULL), JK_ERR_ARG);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* The demo region with its sites and clients, geocoded. */
static jk_store *demo_store(jk_ctx *ctx, jk_geocode_stats *gs)
{
	jk_store *st = open_store(ctx, "demo.sqlite");
	jk_boundary_opts bo;

	memset(&bo, 0, sizeof bo);
	bo.aliases = JK_DEMO_DIR "/aliases.csv";
	ck_assert_int_eq(jk_import_boundaries(ctx, st, JK_DEMO_DIR "/desa.geojson", &bo, NULL), JK_OK);
	ck_assert_int_eq(jk_import_sites(ctx, st, JK_DEMO_DIR "/sites.csv", NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_import_clients(ctx, st, JK_DEMO_DIR "/clients.csv", NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_geocode_run(ctx, st, NULL, gs), JK_OK);
	return st;
}

START_TEST(geocode_reconciles_coordinates)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_geocode_stats gs;
	jk_store *st = demo_store(ctx, &gs);
	char *v;

	ck_assert_int_eq(gs.rows, 325);
	ck_assert_int_eq(gs.coordinate + gs.village + gs.district + gs.regency +
			 gs.ambiguous + gs.none, gs.rows);
	/* every village-precision point is its village's point on surface */
	ck_assert_int_eq(jk_test_query_long(st,
		"SELECT count(*) FROM sites s JOIN villages v ON v.kode=s.kode_desa"
		" WHERE s.precision='village' AND (s.lon<>v.pt_lon OR s.lat<>v.pt_lat)"), 0);
	/* every coordinate-precision point lies in its village */
	ck_assert_int_eq(jk_test_query_long(st,
		"SELECT count(*) FROM sites s JOIN villages v ON v.kode=s.kode_desa"
		" WHERE s.precision='coordinate' AND NOT ST_Intersects(v.geom, s.geom)"), 0);
	/* a point in the sea (row 11 of data, row 12 of the sheet): flagged, address used */
	v = query_text(st, "SELECT precision || '|' || geo_note FROM sites WHERE src_row=12");
	ck_assert_ptr_nonnull(strstr(v, "village|"));
	ck_assert_ptr_nonnull(strstr(v, "lies outside every village"));
	free(v);
	/* a point in another regency (data row 23, sheet row 24): both villages named */
	v = query_text(st, "SELECT kode_desa || '|' || coord_kode || '|' || geo_note FROM sites WHERE src_row=24");
	ck_assert_ptr_nonnull(strstr(v, "99.71.01.1004|"));
	ck_assert_ptr_nonnull(strstr(v, "coordinate mismatch: coordinate in "));
	ck_assert_ptr_nonnull(strstr(v, "address names 99.71.01.1004"));
	free(v);
	/* 0,0 (data row 38, sheet row 39): ignored with a note */
	v = query_text(st, "SELECT precision || '|' || geo_note FROM sites WHERE src_row=39");
	ck_assert_ptr_nonnull(strstr(v, "coordinate 0,0 ignored"));
	ck_assert(strncmp(v, "village|", 8) == 0);
	free(v);
	/* client homes: exact point only at coordinate precision */
	ck_assert_int_eq(jk_test_query_long(st,
		"SELECT count(*) FROM clients c JOIN villages v ON v.kode=c.kode_desa"
		" WHERE c.precision='village' AND (c.lon<>v.pt_lon OR c.lat<>v.pt_lat)"), 0);
	ck_assert_int_gt(jk_test_query_long(st, "SELECT count(*) FROM clients WHERE precision='coordinate'"), 0);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(geocode_needs_boundaries)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "empty.sqlite");

	ck_assert_int_eq(jk_geocode_run(ctx, st, NULL, NULL), JK_ERR_STATE);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "no villages in the store"));
	ck_assert_int_eq(jk_coverage_run(ctx, st, NULL, NULL), JK_ERR_STATE);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(coverage_on_demo)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = demo_store(ctx, NULL);
	jk_coverage_opts o = {.radius_km = 5.0};
	jk_coverage_stats cs;

	ck_assert_int_eq(jk_coverage_run(ctx, st, &o, &cs), JK_OK);
	ck_assert_int_eq(cs.villages, 82);
	ck_assert_int_eq(cs.covered + cs.reachable + cs.pending + cs.gap, 82);
	/* the counts behind every status agree with the rule */
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM coverage WHERE status='covered' AND n_ready=0"), 0);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM coverage WHERE status<>'covered' AND n_ready>0"), 0);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM coverage WHERE status='reachable' AND near_km>5"), 0);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM coverage WHERE status='pending' AND (n_pending=0 OR near_km<=5)"), 0);
	ck_assert_int_eq(jk_test_query_long(st, "SELECT count(*) FROM coverage WHERE status='gap' AND (n_pending>0 OR near_km<=5)"), 0);
	/* the offshore island has no ready site: its villages are not covered */
	ck_assert_int_gt(cs.gap + cs.pending, 0);
	/* demand: active clients with a certain village, counted once */
	ck_assert_int_eq(jk_test_query_long(st, "SELECT sum(demand) FROM coverage"),
			 jk_test_query_long(st, "SELECT count(*) FROM clients WHERE status='active'"
					" AND precision IN ('coordinate','village')"));
	/* children only go to child-suitable sites */
	ck_assert_int_eq(jk_test_query_long(st,
		"SELECT count(*) FROM client_links l JOIN clients c USING (client_id)"
		" JOIN sites s ON s.site_id=l.site_id WHERE c.anak=1 AND s.anak_ok IS NOT 1"), 0);
	ck_assert_int_eq(jk_test_query_long(st,
		"SELECT count(*) FROM client_links l JOIN sites s ON s.site_id=l.site_id"
		" WHERE s.status<>'ready'"), 0);
	/* a second run replaces, never adds */
	ck_assert_int_eq(jk_coverage_run(ctx, st, &o, &cs), JK_OK);
	ck_assert_int_eq(jk_store_count(st, "coverage"), 82);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("geocode");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, boundaries_repair_and_reject);
	tcase_add_test(tc, pip_finds_villages);
	tcase_add_test(tc, geocode_keeps_near_coordinates);
	tcase_add_test(tc, geocode_reconciles_coordinates);
	tcase_add_test(tc, geocode_needs_boundaries);
	tcase_add_test(tc, coverage_on_demo);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(suite());
}
