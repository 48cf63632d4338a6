/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of jk_export_write(): a hand-made store (seven villages in two
 * regencies, seven sites, four clients, coverage results) is exported, and
 * every output is reopened with OGR to check the layer contract of
 * docs/layers.md: the same features and the same field names in GeoJSON,
 * Shapefile and GeoPackage, RFC 7946 GeoJSON, .prj/.cpg beside every
 * Shapefile, and client points that are village points unless exact
 * locations were asked for.
 */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gdal.h>
#include <ogr_api.h>

#include "analyse/reach.h"
#include "fixture.h"
#include "jangkau/jangkau.h"

/* ------------------------------------------------------------------ */
/* Fixture: the store of fixture.c                                     */

static jk_fixture *fx;

static void export_ok(const jk_export_opts *opts)
{
	int rc = jk_export_write(fx->ctx, fx->st, fx->out, opts);

	ck_assert_msg(rc == JK_OK, "jk_export: %d: %s", rc,
		      jk_ctx_errmsg(fx->ctx));
}

static void setup(void)
{
	fx = jk_fixture_create("export", "out/layers");
}

static void teardown(void)
{
	jk_fixture_destroy(fx);
	fx = NULL;
}

/* ------------------------------------------------------------------ */
/* Reading the outputs back                                            */

enum { F_JSON, F_SHP, F_GPKG, N_F };
static const char *const fmt_names[N_F] = {"GeoJSON", "Shapefile", "GPKG"};

typedef struct opened {
	GDALDatasetH ds;
	OGRLayerH lyr;
} opened;

static opened open_out(const char *dir, const char *layer, int fmt)
{
	char path[1200];
	opened o;

	if (fmt == F_GPKG)
		snprintf(path, sizeof path, "%s/jangkau.gpkg", dir);
	else
		snprintf(path, sizeof path, "%s/%s.%s", dir, layer,
			 fmt == F_JSON ? "geojson" : "shp");
	o.ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL,
			  NULL);
	ck_assert_msg(o.ds != NULL, "cannot open %s", path);
	o.lyr = fmt == F_GPKG ? GDALDatasetGetLayerByName(o.ds, layer) :
		GDALDatasetGetLayer(o.ds, 0);
	ck_assert_msg(o.lyr != NULL, "%s: no layer %s", path, layer);
	return o;
}

static int file_exists(const char *dir, const char *name)
{
	char path[1200];
	struct stat sb;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The one feature of @p lyr matching the attribute filter @p where. */
static OGRFeatureH get_one(OGRLayerH lyr, const char *where)
{
	OGRFeatureH f;

	ck_assert_int_eq(OGR_L_SetAttributeFilter(lyr, where), OGRERR_NONE);
	OGR_L_ResetReading(lyr);
	f = OGR_L_GetNextFeature(lyr);
	ck_assert_msg(f != NULL, "no feature where %s", where);
	return f;
}

static int fidx(OGRFeatureH f, const char *name)
{
	int i = OGR_F_GetFieldIndex(f, name);

	ck_assert_msg(i >= 0, "no field %s", name);
	return i;
}

static double ring_area2(OGRGeometryH ring)
{
	int i, n = OGR_G_GetPointCount(ring);
	double a = 0;

	for (i = 0; i + 1 < n; i++)
		a += OGR_G_GetX(ring, i) * OGR_G_GetY(ring, i + 1) -
		     OGR_G_GetX(ring, i + 1) * OGR_G_GetY(ring, i);
	return a; /* twice the signed area: > 0 counter-clockwise */
}

/* The layer contract: names, in order, of every layer (docs/layers.md). */
static const char *const desa_names[] = {
	"kode", "desa", "kecamatan", "kabupaten", "kode_kec", "kode_kab",
	"status", "n_ready", "n_pending", "cap_ready", "demand", "near_site",
	"near_km", "status_ak", "n_ready_ak", "near_ak", "near_ak_km",
	"road_km", "road_min", "reach", NULL
};
static const char *const kec_names[] = {
	"kode_kec", "kecamatan", "kabupaten", "kode_kab", "n_desa",
	"n_covered", "n_reach", "n_pending", "n_gap", "n_sites", "n_ready",
	"cap_ready", "demand", NULL
};
static const char *const site_names[] = {
	"site_id", "src_row", "src_sheet", "nama", "jenis", "status", "kapasitas",
	"anak_ok", "kode_desa", "precision", "score", "geo_note", "alamat",
	NULL
};
static const char *const client_names[] = {
	"client_id", "src_row", "src_sheet", "kode_desa", "precision", "aktif", "anak",
	"site_id", "dist_km", "in_reach", "road_km", "road_min", "reach", NULL
};
static const char *const link_names[] = {
	"client_id", "site_id", "dist_km", "in_reach", NULL
};

typedef struct layer_case {
	const char *name;
	const char *const *fields;
	long features;        /* expected count */
	const char *store_sql; /* the same count from the store */
} layer_case;

static const layer_case cases[] = {
	{"desa_coverage", desa_names, 7, "SELECT count(*) FROM villages"},
	{"kecamatan_summary", kec_names, 3,
	 "SELECT count(DISTINCT kode_kec) FROM villages"},
	{"sites", site_names, 7, "SELECT count(*) FROM sites"},
	{"gaps", desa_names, 4,
	 "SELECT count(*) FROM coverage WHERE status IN ('gap','pending')"},
	{"clients", client_names, 4, "SELECT count(*) FROM clients"},
	{"client_links", link_names, 2,
	 "SELECT count(*) FROM client_links WHERE site_id IS NOT NULL"},
};
#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

/* ------------------------------------------------------------------ */
/* Tests                                                               */

START_TEST(test_all_files_exist)
{
	static const char *const shp_ext[] = {".shp", ".shx", ".dbf", ".prj",
					      ".cpg"};
	char name[256];
	int i, k;

	export_ok(NULL);
	/* no GDAL warning: nothing truncated, no mixed geometry types */
	ck_assert_msg(fx->n_warn == 0, "%d warnings, last: %s", fx->n_warn,
		      fx->last_warn);
	ck_assert(file_exists(fx->out, "jangkau.gpkg"));
	for (i = 0; i < N_CASES; i++) {
		snprintf(name, sizeof name, "%s.geojson", cases[i].name);
		ck_assert_msg(file_exists(fx->out, name), "%s missing", name);
		for (k = 0; k < 5; k++) {
			snprintf(name, sizeof name, "%s%s", cases[i].name,
				 shp_ext[k]);
			ck_assert_msg(file_exists(fx->out, name), "%s missing",
				      name);
		}
		snprintf(name, sizeof name, "%s.cpg", cases[i].name);
		{
			char *cpg = jk_test_slurp(fx->out, name);

			ck_assert_msg(strncmp(cpg, "UTF-8", 5) == 0,
				      "%s: '%s'", name, cpg);
			free(cpg);
		}
		snprintf(name, sizeof name, "%s.prj", cases[i].name);
		{
			char *prj = jk_test_slurp(fx->out, name);

			ck_assert_msg(strstr(prj, "WGS_1984") != NULL ||
				      strstr(prj, "WGS 84") != NULL,
				      "%s: '%s'", name, prj);
			free(prj);
		}
	}
}
END_TEST

START_TEST(test_counts_and_fields_equal)
{
	int i, k, j;

	export_ok(NULL);
	for (i = 0; i < N_CASES; i++) {
		const layer_case *lc = &cases[i];
		long in_store = jk_fixture_count(fx, lc->store_sql);

		ck_assert_int_eq(in_store, lc->features);
		for (k = 0; k < N_F; k++) {
			opened o = open_out(fx->out, lc->name, k);
			OGRFeatureDefnH fd = OGR_L_GetLayerDefn(o.lyr);
			int nf = OGR_FD_GetFieldCount(fd);

			ck_assert_msg(OGR_L_GetFeatureCount(o.lyr, TRUE) ==
				      lc->features, "%s (%s): %lld features",
				      lc->name, fmt_names[k],
				      (long long)OGR_L_GetFeatureCount(o.lyr,
								       TRUE));
			for (j = 0; lc->fields[j]; j++) {
				const char *got;

				ck_assert_msg(j < nf, "%s (%s): too few fields",
					      lc->name, fmt_names[k]);
				got = OGR_Fld_GetNameRef(
					OGR_FD_GetFieldDefn(fd, j));
				ck_assert_msg(!strcmp(got, lc->fields[j]),
					      "%s (%s): field %d is '%s', not '%s'",
					      lc->name, fmt_names[k], j, got,
					      lc->fields[j]);
				ck_assert_int_le((long)strlen(got), 10);
			}
			ck_assert_msg(nf == j, "%s (%s): %d fields, not %d",
				      lc->name, fmt_names[k], nf, j);
			GDALClose(o.ds);
		}
	}
}
END_TEST

START_TEST(test_rfc7946)
{
	static const char *const poly_layers[] = {"desa_coverage",
						  "kecamatan_summary", "gaps"};
	int i, k;

	export_ok(NULL);
	for (i = 0; i < N_CASES; i++) {
		char name[256], *txt;

		snprintf(name, sizeof name, "%s.geojson", cases[i].name);
		txt = jk_test_slurp(fx->out, name);
		ck_assert_msg(strstr(txt, "\"crs\"") == NULL,
			      "%s has a crs member", name);
		ck_assert_ptr_nonnull(strstr(txt, "\"FeatureCollection\""));
		free(txt);
	}
	for (i = 0; i < 3; i++) {
		opened o = open_out(fx->out, poly_layers[i], F_JSON);
		OGRFeatureH f;
		int rings = 0;

		while ((f = OGR_L_GetNextFeature(o.lyr)) != NULL) {
			OGRGeometryH g = OGR_F_GetGeometryRef(f);

			ck_assert_ptr_nonnull(g);
			/* GDAL's RFC 7946 writer writes a one-part
			 * MultiPolygon as a Polygon */
			if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPolygon)
				g = OGR_G_ForceToMultiPolygon(OGR_G_Clone(g));
			else
				g = OGR_G_Clone(g);
			ck_assert_int_eq(wkbFlatten(OGR_G_GetGeometryType(g)),
					 wkbMultiPolygon);
			for (k = 0; k < OGR_G_GetGeometryCount(g); k++) {
				OGRGeometryH ring = OGR_G_GetGeometryRef(
					OGR_G_GetGeometryRef(g, k), 0);

				ck_assert_msg(ring_area2(ring) > 0,
					      "%s: exterior ring clockwise",
					      poly_layers[i]);
				rings++;
			}
			OGR_G_DestroyGeometry(g);
			OGR_F_Destroy(f);
		}
		ck_assert_int_gt(rings, 0);
		GDALClose(o.ds);
	}
	/* the store holds clockwise rings: the writer really turned them */
	{
		opened o = open_out(fx->out, "desa_coverage", F_GPKG);
		OGRFeatureH f = get_one(o.lyr, "kode = '74.72.01.1001'");
		OGRGeometryH g = OGR_F_GetGeometryRef(f);

		ck_assert(ring_area2(OGR_G_GetGeometryRef(
			OGR_G_GetGeometryRef(g, 0), 0)) < 0);
		OGR_F_Destroy(f);
		GDALClose(o.ds);
	}
}
END_TEST

START_TEST(test_attributes_equal_across_formats)
{
	int k;

	export_ok(NULL);
	for (k = 0; k < N_F; k++) {
		opened o = open_out(fx->out, "desa_coverage", k);
		OGRFeatureH f = get_one(o.lyr, "kode = '74.72.02.1002'");
		OGRGeometryH g;

		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "desa")),
				 "Wale");
		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "status")),
				 "reachable");
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "demand")),
				 8);
		/* rounded to metres in every format */
		ck_assert_double_eq_tol(
			OGR_F_GetFieldAsDouble(f, fidx(f, "near_km")), 2.346,
			1e-9);
		g = OGR_F_GetGeometryRef(f);
		ck_assert_double_eq_tol(OGR_G_Area(g), 0.0001, 1e-9);
		OGR_F_Destroy(f);
		/* NULL stays NULL (not 0) */
		f = get_one(o.lyr, "kode = '74.04.01.2002'");
		ck_assert_msg(!OGR_F_IsFieldSetAndNotNull(f,
			fidx(f, "near_km")), "%s: near_km not NULL",
			fmt_names[k]);
		OGR_F_Destroy(f);
		GDALClose(o.ds);

		o = open_out(fx->out, "kecamatan_summary", k);
		f = get_one(o.lyr, "kode_kec = '74.72.01'");
		ck_assert_str_eq(OGR_F_GetFieldAsString(f,
			fidx(f, "kecamatan")), "Betoambari");
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "n_desa")), 2);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f,
			fidx(f, "n_covered")), 2);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "n_sites")), 4);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "n_ready")), 4);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f,
			fidx(f, "cap_ready")), 7);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "demand")), 13);
		g = OGR_F_GetGeometryRef(f);
		/* the two villages are dissolved into one polygon */
		ck_assert_int_eq(OGR_G_GetGeometryCount(g), 1);
		ck_assert_double_eq_tol(OGR_G_Area(g), 0.0002, 1e-9);
		OGR_F_Destroy(f);
		f = get_one(o.lyr, "kode_kec = '74.04.01'");
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "n_gap")), 3);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "demand")),
				 1542);
		ck_assert_double_eq_tol(OGR_G_Area(OGR_F_GetGeometryRef(f)),
					0.0004, 1e-9);
		OGR_F_Destroy(f);
		GDALClose(o.ds);

		o = open_out(fx->out, "sites", k);
		f = get_one(o.lyr, "site_id = 3");
		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "nama")),
				 "Masjid \"Al-Ikhlas\", <Baru> & Co");
		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "status")),
				 "not_ready");
		ck_assert(!OGR_F_IsFieldSetAndNotNull(f, fidx(f, "anak_ok")));
		OGR_F_Destroy(f);
		f = get_one(o.lyr, "site_id = 6");
		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "nama")),
				 "Pantai Lakeba \xe2\x80\x93 Caf\xc3\xa9");
		ck_assert_ptr_null(OGR_F_GetGeometryRef(f));
		OGR_F_Destroy(f);
		f = get_one(o.lyr, "site_id = 2");
		ck_assert_double_eq_tol(OGR_F_GetFieldAsDouble(f,
			fidx(f, "score")), 0.935, 1e-9);
		ck_assert_double_eq_tol(OGR_G_GetX(OGR_F_GetGeometryRef(f), 0),
					122.605, 1e-9);
		OGR_F_Destroy(f);
		GDALClose(o.ds);
	}
}
END_TEST

/* The union of a district's villages keeps real holes but fills the
 * slivers left where village boundaries do not meet exactly. */
START_TEST(test_district_slivers_filled)
{
	int k;

	/* Wale gets two notches on the edge it shares with Tomba: one of
	 * 1e-8 square degree (0.01 ha, a sliver) and one of 1e-6 (1.2 ha) */
	jk_fixture_exec(fx,
		"UPDATE villages SET geom = GeomFromText('MULTIPOLYGON((("
		"122.61 -5.49, 122.61 -5.4871, 122.611 -5.4871, 122.611 -5.4861,"
		" 122.61 -5.4861, 122.61 -5.4851, 122.6101 -5.4851,"
		" 122.6101 -5.4850, 122.61 -5.4850, 122.61 -5.48, 122.62 -5.48,"
		" 122.62 -5.49, 122.61 -5.49)))', 4326)"
		" WHERE kode = '74.72.02.1002'");
	export_ok(NULL);
	for (k = 0; k < N_F; k++) {
		opened o = open_out(fx->out, "kecamatan_summary", k);
		OGRFeatureH f = get_one(o.lyr, "kode_kec = '74.72.02'");
		OGRGeometryH g = OGR_G_ForceToMultiPolygon(
			OGR_G_Clone(OGR_F_GetGeometryRef(f)));
		OGRGeometryH poly;

		ck_assert_int_eq(OGR_G_GetGeometryCount(g), 1);
		poly = OGR_G_GetGeometryRef(g, 0);
		ck_assert_msg(OGR_G_GetGeometryCount(poly) == 2,
			      "%s: %d rings, not 2", fmt_names[k],
			      OGR_G_GetGeometryCount(poly));
		ck_assert_double_eq_tol(OGR_G_Area(g), 0.0002 - 1e-6, 1e-10);
		ck_assert(OGR_G_IsValid(g));
		OGR_G_DestroyGeometry(g);
		OGR_F_Destroy(f);
		GDALClose(o.ds);
	}
}
END_TEST

/* Long text is cut to the field width at a character boundary, and bytes
 * that are not UTF-8 are replaced, the same in every format. */
START_TEST(test_long_utf8_text)
{
	char sql[2048], expect[512];
	int i, k, n;

	/* 200 x "é" (2 bytes each) = 400 bytes: 127 fit into 254 */
	n = snprintf(sql, sizeof sql, "UPDATE sites SET alamat = '");
	for (i = 0; i < 200; i++)
		n += snprintf(sql + n, sizeof sql - (size_t)n, "\xc3\xa9");
	snprintf(sql + n, sizeof sql - (size_t)n, "' WHERE site_id = 1");
	jk_fixture_exec(fx, sql);
	/* bytes that are not UTF-8 (0xFF, a cut-off sequence) */
	jk_fixture_exec(fx, "UPDATE sites SET nama ="
			" CAST(X'4361FF66C3' AS TEXT) WHERE site_id = 1");
	for (i = 0, n = 0; i < 127; i++)
		n += snprintf(expect + n, sizeof expect - (size_t)n, "\xc3\xa9");
	export_ok(NULL);
	for (k = 0; k < N_F; k++) {
		opened o = open_out(fx->out, "sites", k);
		OGRFeatureH f = get_one(o.lyr, "site_id = 1");

		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "alamat")),
				 expect);
		ck_assert_str_eq(OGR_F_GetFieldAsString(f, fidx(f, "nama")),
				 "Ca?f?");
		OGR_F_Destroy(f);
		GDALClose(o.ds);
	}
}
END_TEST

/* The analysis' distance, rounded as the layers round it. */
static double km3(double lon1, double lat1, double lon2, double lat2)
{
	return round(jk_geodesic_km(lon1, lat1, lon2, lat2) * 1000.0) / 1000.0;
}

static void check_client_points(const char *dir, int exact)
{
	int k;

	for (k = 0; k < N_F; k++) {
		opened o = open_out(dir, "clients", k);
		/* by the row of the register: the ids are pseudonyms unless
		 * asked otherwise (test_privacy.c) */
		OGRFeatureH f = get_one(o.lyr, "src_row = 2");
		OGRGeometryH g = OGR_F_GetGeometryRef(f);

		ck_assert_ptr_nonnull(g);
		ck_assert_double_eq_tol(OGR_G_GetX(g, 0),
					exact ? 122.60777 : 122.605, 1e-9);
		ck_assert_double_eq_tol(OGR_G_GetY(g, 0),
					exact ? -5.49111 : -5.495, 1e-9);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "aktif")), 1);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "site_id")), 1);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "in_reach")), 1);
		ck_assert_int_lt(OGR_F_GetFieldIndex(f, "alamat"), 0);
		OGR_F_Destroy(f);
		f = get_one(o.lyr, "src_row = 5");
		g = OGR_F_GetGeometryRef(f);
		ck_assert_double_eq_tol(OGR_G_GetX(g, 0),
					exact ? 122.61888 : 122.615, 1e-9);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "aktif")), 0);
		ck_assert(!OGR_F_IsFieldSetAndNotNull(f, fidx(f, "site_id")));
		OGR_F_Destroy(f);
		/* no village: no point, even with exact locations (no home) */
		f = get_one(o.lyr, "src_row = 4");
		ck_assert_ptr_null(OGR_F_GetGeometryRef(f));
		OGR_F_Destroy(f);
		GDALClose(o.ds);

		o = open_out(dir, "client_links", k);
		f = get_one(o.lyr, "site_id = 1");
		g = OGR_F_GetGeometryRef(f);
		ck_assert_int_eq(wkbFlatten(OGR_G_GetGeometryType(g)),
				 wkbLineString);
		ck_assert_double_eq_tol(OGR_G_GetX(g, 0),
					exact ? 122.60777 : 122.605, 1e-9);
		ck_assert_double_eq_tol(OGR_G_GetX(g, 1), 122.6012, 1e-9);
		ck_assert_double_eq_tol(OGR_G_GetY(g, 1), -5.4987, 1e-9);
		/* the home's distance only with exact locations; else the
		 * length of the line from the village point */
		ck_assert_double_eq_tol(OGR_F_GetFieldAsDouble(f,
			fidx(f, "dist_km")), exact ? 0.789 :
			km3(122.605, -5.495, 122.6012, -5.4987), 1e-9);
		OGR_F_Destroy(f);
		f = get_one(o.lyr, "site_id = 4");
		ck_assert_double_eq_tol(OGR_F_GetFieldAsDouble(f,
			fidx(f, "dist_km")), exact ? 6.543 :
			km3(122.605, -5.485, 122.615, -5.495), 1e-9);
		ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, fidx(f, "in_reach")), 0);
		OGR_F_Destroy(f);
		GDALClose(o.ds);
	}
}

START_TEST(test_clients_village_points_by_default)
{
	static const char *const files[] = {"clients.geojson",
					    "client_links.geojson",
					    "clients.dbf", "client_links.dbf"};
	size_t i;
	struct stat sb;
	char path[1200];

	export_ok(NULL);
	check_client_points(fx->out, 0);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *txt = jk_test_slurp(fx->out, files[i]);

		ck_assert_msg(!strstr(txt, "122.60777") && !strstr(txt, "5.49111") &&
			      !strstr(txt, "Rahasia"),
			      "%s holds a client home", files[i]);
		free(txt);
	}
	snprintf(path, sizeof path, "%s/clients.geojson", fx->out);
	ck_assert_int_eq(stat(path, &sb), 0);
}
END_TEST

START_TEST(test_clients_exact_locations)
{
	jk_export_opts opts = {.exact_client_locations = 1};
	struct stat sb;
	char path[1200];

	export_ok(&opts);
	check_client_points(fx->out, 1);
	/* homes are personal data: owner-only files */
	snprintf(path, sizeof path, "%s/clients.geojson", fx->out);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 077, 0);
	snprintf(path, sizeof path, "%s/jangkau.gpkg", fx->out);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 077, 0);
	/* a later default export replaces the homes */
	export_ok(NULL);
	check_client_points(fx->out, 0);
}
END_TEST

START_TEST(test_overwrite)
{
	DIR *d;
	struct dirent *e;
	int k;

	export_ok(NULL);
	jk_fixture_exec(fx, "DELETE FROM client_links"
			" WHERE client_id = 'KLN-2026-0002'");
	export_ok(NULL);
	for (k = 0; k < N_F; k++) {
		opened o = open_out(fx->out, "client_links", k);

		ck_assert_int_eq(OGR_L_GetFeatureCount(o.lyr, TRUE), 1);
		GDALClose(o.ds);
		o = open_out(fx->out, "desa_coverage", k);
		ck_assert_int_eq(OGR_L_GetFeatureCount(o.lyr, TRUE), 7);
		GDALClose(o.ds);
	}
	d = opendir(fx->out);
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		ck_assert_msg(strncmp(e->d_name, ".jangkau", 8) != 0,
			      "work directory %s left behind", e->d_name);
	closedir(d);
}
END_TEST

START_TEST(test_format_selection)
{
	jk_export_opts opts = {.formats = JK_FORMAT_GEOJSON};

	export_ok(&opts);
	ck_assert(file_exists(fx->out, "sites.geojson"));
	ck_assert(!file_exists(fx->out, "sites.shp"));
	ck_assert(!file_exists(fx->out, "jangkau.gpkg"));
	opts.formats = JK_FORMAT_SHP | JK_FORMAT_GPKG;
	jk_test_rm_rf(fx->out);
	export_ok(&opts);
	ck_assert(!file_exists(fx->out, "sites.geojson"));
	ck_assert(file_exists(fx->out, "sites.shp"));
	ck_assert(file_exists(fx->out, "jangkau.gpkg"));
	opts.formats = 64;
	ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, fx->out, &opts),
			 JK_ERR_ARG);
}
END_TEST

START_TEST(test_needs_coverage)
{
	struct stat sb;

	jk_fixture_exec(fx,
			"DELETE FROM coverage WHERE kode = '74.04.01.2003'");
	ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, fx->out, NULL),
			 JK_ERR_STATE);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx),
				     "jangkau coverage"));
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx), "1 of 7"));
	jk_fixture_exec(fx, "DELETE FROM coverage");
	ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, fx->out, NULL),
			 JK_ERR_STATE);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx),
				     "run 'jangkau coverage' first"));
	ck_assert_int_ne(stat(fx->out, &sb), 0); /* nothing written */
}
END_TEST

START_TEST(test_stale_results_warn)
{
	export_ok(NULL);
	ck_assert_int_eq(fx->n_warn, 0);
	jk_fixture_exec(fx, "INSERT INTO runs(step,at)"
			" VALUES('geocode','2026-08-01T00:00:00Z')");
	export_ok(NULL);
	ck_assert_int_eq(fx->n_warn, 1);
	ck_assert_ptr_nonnull(strstr(fx->last_warn, "older than"));
}
END_TEST

START_TEST(test_bad_directory)
{
	char path[1200];
	FILE *f;

	snprintf(path, sizeof path, "%s/afile", fx->dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	snprintf(path, sizeof path, "%s/afile/sub", fx->dir);
	ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, path, NULL), JK_ERR_IO);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(fx->ctx), "afile"));
	ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, NULL, NULL), JK_ERR_ARG);
}
END_TEST

static Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("layers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_all_files_exist);
	tcase_add_test(tc, test_counts_and_fields_equal);
	tcase_add_test(tc, test_rfc7946);
	tcase_add_test(tc, test_attributes_equal_across_formats);
	tcase_add_test(tc, test_district_slivers_filled);
	tcase_add_test(tc, test_long_utf8_text);
	tcase_add_test(tc, test_clients_village_points_by_default);
	tcase_add_test(tc, test_clients_exact_locations);
	tcase_add_test(tc, test_overwrite);
	tcase_add_test(tc, test_format_selection);
	tcase_add_test(tc, test_needs_coverage);
	tcase_add_test(tc, test_stale_results_warn);
	tcase_add_test(tc, test_bad_directory);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(export_suite());
}
