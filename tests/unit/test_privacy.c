/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of client privacy (docs/privacy.md): the pseudonyms (SipHash
 * test vectors, format, stability, secrecy), and the outputs of jk_export_write()
 * on the shared fixture read back byte for byte and with OGR: by default no
 * office id, no distance measured from a home, no juvenile flag, and the
 * files holding clients owner-only whatever the umask; each of those only
 * with its option. And a store that others may read is made owner-only.
 */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdal.h>
#include <ogr_api.h>

#include "analyse/reach.h"
#include "core/pseudonym.h"
#include "fixture.h"
#include "jangkau/jangkau.h"

/* ------------------------------------------------------------------ */
/* Pseudonyms                                                          */

START_TEST(test_siphash_vectors)
{
	unsigned char key[16], msg[64];
	int i;

	for (i = 0; i < 16; i++)
		key[i] = (unsigned char)i;
	for (i = 0; i < 64; i++)
		msg[i] = (unsigned char)i;
	/* the reference vectors of the SipHash paper (vectors.h) */
	ck_assert_uint_eq(jk_siphash24(key, msg, 0), 0x726fdb47dd0e0e31ULL);
	ck_assert_uint_eq(jk_siphash24(key, msg, 1), 0x74f839c593dc67fdULL);
	ck_assert_uint_eq(jk_siphash24(key, msg, 8), 0x93f5f5799a932462ULL);
	ck_assert_uint_eq(jk_siphash24(key, msg, 15), 0xa129ca6149be45e5ULL);
	ck_assert_uint_eq(jk_siphash24(key, msg, 63), 0x958a324ceb064572ULL);
}
END_TEST

START_TEST(test_pseudonym_form)
{
	unsigned char k1[16] = {1}, k2[16] = {2};
	char a[JK_PSEUDONYM_LEN], b[JK_PSEUDONYM_LEN], c[JK_PSEUDONYM_LEN];
	regex_t re;

	ck_assert_int_eq(regcomp(&re, "^K-[A-Z2-7]{10}$", REG_EXTENDED | REG_NOSUB), 0);
	jk_pseudonym(k1, "KLN-2026-0001", a);
	jk_pseudonym(k1, "KLN-2026-0001", b);
	jk_pseudonym(k1, "KLN-2026-0002", c);
	ck_assert_int_eq(regexec(&re, a, 0, NULL, 0), 0);
	ck_assert_str_eq(a, b);   /* stable */
	ck_assert_str_ne(a, c);   /* one per client */
	jk_pseudonym(k2, "KLN-2026-0001", b);
	ck_assert_str_ne(a, b);   /* another store, another pseudonym */
	regfree(&re);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The outputs                                                         */

static jk_fixture *fx;

static void setup(void)
{
	fx = jk_fixture_create("privacy", "out/layers");
}

static void teardown(void)
{
	jk_fixture_destroy(fx);
	fx = NULL;
}

static void export_with(const jk_export_opts *opts)
{
	int rc = jk_export_write(fx->ctx, fx->st, fx->out, opts);

	ck_assert_msg(rc == JK_OK, "jk_export: %d: %s", rc, jk_ctx_errmsg(fx->ctx));
}

/* Whether @p hay (@p n bytes, binary) holds @p needle. */
static int has_bytes(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			return 1;
	return 0;
}

/* Every file the export wrote, each passed to @p fn. */
static void each_output(void (*fn)(const char *name, const char *data, size_t n))
{
	DIR *d = opendir(fx->out);
	struct dirent *e;
	int files = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		size_t n;
		char *data;

		if (e->d_name[0] == '.')
			continue;
		data = jk_test_slurp_len(fx->out, e->d_name, &n);
		fn(e->d_name, data, n);
		free(data);
		files++;
	}
	closedir(d);
	ck_assert_int_gt(files, 20);
}

/* What only the office and the homes know: the office's case numbers, the
 * distances from the homes (client_links.dist_km of the fixture, as the
 * layers round them), the homes themselves and the addresses. */
static const char *const secrets[] = {
	"KLN-2026", "0.789", "6.543", "6.5432", "122.60777", "5.49111",
	"122.61888", "Rahasia", "Sunyi"
};

static void no_secret(const char *name, const char *data, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
		ck_assert_msg(!has_bytes(data, n, secrets[i]), "%s holds '%s'", name,
			      secrets[i]);
}

static int is_client_file(const char *name)
{
	return !strncmp(name, "clients.", 8) || !strncmp(name, "client_links.", 13) ||
	       !strncmp(name, "client_routes.", 14) || !strcmp(name, "jangkau.gpkg");
}

static void mode_by_content(const char *name, const char *data, size_t n)
{
	char path[1200];
	struct stat sb;

	(void)data;
	(void)n;
	snprintf(path, sizeof path, "%s/%s", fx->out, name);
	ck_assert_int_eq(stat(path, &sb), 0);
	if (is_client_file(name))
		ck_assert_msg((sb.st_mode & 0777) == 0600, "%s: mode %03o", name,
			      (unsigned)(sb.st_mode & 0777));
	else
		ck_assert_msg((sb.st_mode & 0777) == 0644, "%s: mode %03o", name,
			      (unsigned)(sb.st_mode & 0777));
}

enum { F_JSON, F_SHP, F_GPKG, N_F };

static GDALDatasetH open_layer(const char *layer, int fmt, OGRLayerH *lyr)
{
	char path[1200];
	GDALDatasetH ds;

	if (fmt == F_GPKG)
		snprintf(path, sizeof path, "%s/jangkau.gpkg", fx->out);
	else
		snprintf(path, sizeof path, "%s/%s.%s", fx->out, layer,
			 fmt == F_JSON ? "geojson" : "shp");
	ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
	ck_assert_msg(ds != NULL, "cannot open %s", path);
	*lyr = fmt == F_GPKG ? GDALDatasetGetLayerByName(ds, layer) : GDALDatasetGetLayer(ds, 0);
	ck_assert_ptr_nonnull(*lyr);
	return ds;
}

/* The pseudonyms of the clients layer by src_row, in one format. */
static void read_ids(int fmt, char ids[8][32])
{
	OGRLayerH lyr;
	GDALDatasetH ds = open_layer("clients", fmt, &lyr);
	OGRFeatureH f;

	memset(ids, 0, 8 * 32);
	OGR_L_ResetReading(lyr);
	while ((f = OGR_L_GetNextFeature(lyr)) != NULL) {
		int row = OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "src_row"));

		ck_assert_int_lt(row, 8);
		snprintf(ids[row], 32, "%s",
			 OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "client_id")));
		OGR_F_Destroy(f);
	}
	GDALClose(ds);
}

START_TEST(test_default_outputs_hold_no_secret)
{
	mode_t old = umask(0); /* the modes may not depend on it */
	char ids[8][32], again[8][32];
	regex_t re;
	int k, row;

	export_with(NULL);
	umask(old);
	each_output(no_secret);
	each_output(mode_by_content);

	ck_assert_int_eq(regcomp(&re, "^K-[A-Z2-7]{10}$", REG_EXTENDED | REG_NOSUB), 0);
	for (k = 0; k < N_F; k++) {
		OGRLayerH lyr;
		GDALDatasetH ds = open_layer("clients", k, &lyr);
		OGRFeatureH f;
		long n = 0;

		OGR_L_ResetReading(lyr);
		while ((f = OGR_L_GetNextFeature(lyr)) != NULL) {
			const char *id = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "client_id"));
			int ia = OGR_F_GetFieldIndex(f, "anak");

			ck_assert_msg(regexec(&re, id, 0, NULL, 0) == 0, "client_id '%s'", id);
			ck_assert_msg(ia >= 0, "the field anak stays in the contract");
			ck_assert_msg(!OGR_F_IsFieldSetAndNotNull(f, ia), "anak is published");
			OGR_F_Destroy(f);
			n++;
		}
		ck_assert_int_eq(n, 4);
		GDALClose(ds);
	}
	regfree(&re);
	/* the same pseudonym in every format and in the next export; and
	 * one per client */
	read_ids(F_GPKG, ids);
	for (k = 0; k < N_F; k++) {
		read_ids(k, again);
		for (row = 2; row <= 5; row++)
			ck_assert_str_eq(ids[row], again[row]);
	}
	export_with(NULL);
	read_ids(F_JSON, again);
	for (row = 2; row <= 5; row++) {
		ck_assert_str_eq(ids[row], again[row]);
		if (row > 2)
			ck_assert_str_ne(ids[row], ids[row - 1]);
	}
	/* the secret lives in the store, nowhere else */
	ck_assert_int_eq(jk_fixture_count(fx, "SELECT count(*) FROM meta"
					  " WHERE key = 'client_pseudonym_key'"
					  " AND length(value) = 32"), 1);
}
END_TEST

/* The distances of the default client layers agree with their geometry:
 * from the village point to the site, by the analysis' own function. */
START_TEST(test_default_distances_from_village)
{
	int k;

	export_with(NULL);
	for (k = 0; k < N_F; k++) {
		OGRLayerH lyr;
		GDALDatasetH ds = open_layer("client_links", k, &lyr);
		OGRFeatureH f;
		long n = 0;

		OGR_L_ResetReading(lyr);
		while ((f = OGR_L_GetNextFeature(lyr)) != NULL) {
			OGRGeometryH g = OGR_F_GetGeometryRef(f);
			double km = jk_geodesic_km(OGR_G_GetX(g, 0), OGR_G_GetY(g, 0),
						   OGR_G_GetX(g, 1), OGR_G_GetY(g, 1));

			ck_assert_double_eq_tol(
				OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "dist_km")),
				km, 0.0006);
			OGR_F_Destroy(f);
			n++;
		}
		ck_assert_int_eq(n, 2);
		GDALClose(ds);
	}
}
END_TEST

/* Each option brings back exactly what it names. */
START_TEST(test_options)
{
	jk_export_opts o = {.client_ids = JK_CLIENT_IDS_OFFICE};
	OGRLayerH lyr;
	GDALDatasetH ds;
	OGRFeatureH f;

	export_with(&o);
	ds = open_layer("clients", F_GPKG, &lyr);
	OGR_L_SetAttributeFilter(lyr, "client_id = 'KLN-2026-0002'");
	OGR_L_ResetReading(lyr);
	f = OGR_L_GetNextFeature(lyr);
	ck_assert_ptr_nonnull(f);
	ck_assert(!OGR_F_IsFieldSetAndNotNull(f, OGR_F_GetFieldIndex(f, "anak")));
	OGR_F_Destroy(f);
	GDALClose(ds);

	o.client_ids = JK_CLIENT_IDS_PSEUDONYM;
	o.include_juvenile_flag = 1;
	export_with(&o);
	ds = open_layer("clients", F_SHP, &lyr);
	OGR_L_SetAttributeFilter(lyr, "src_row = 3");
	OGR_L_ResetReading(lyr);
	f = OGR_L_GetNextFeature(lyr);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "anak")), 1);
	ck_assert(strncmp(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "client_id")),
			  "KLN", 3));
	OGR_F_Destroy(f);
	GDALClose(ds);

	o.include_juvenile_flag = 0;
	o.exact_client_locations = 1;
	export_with(&o);
	ds = open_layer("clients", F_JSON, &lyr);
	OGR_L_SetAttributeFilter(lyr, "src_row = 3");
	OGR_L_ResetReading(lyr);
	f = OGR_L_GetNextFeature(lyr);
	ck_assert_ptr_nonnull(f);
	ck_assert_double_eq_tol(OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "dist_km")),
				6.543, 1e-9);
	OGR_F_Destroy(f);
	GDALClose(ds);

	o.client_ids = 7;
	ck_assert_int_eq(jk_export_write(fx->ctx, fx->st, fx->out, &o), JK_ERR_ARG);
}
END_TEST

/* A store that others may read is made owner-only when opened, with a
 * warning; an owner-only one is opened without a word. */
START_TEST(test_store_tightened)
{
	char path[1200];
	struct stat sb;
	jk_store *st = NULL;
	int warned = fx->n_warn;

	snprintf(path, sizeof path, "%s/store.sqlite", fx->dir);
	ck_assert_int_eq(chmod(path, 0644), 0);
	ck_assert_int_eq(jk_store_open(fx->ctx, path, &st), JK_OK);
	jk_store_close(st);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(fx->n_warn, warned + 1);
	ck_assert_ptr_nonnull(strstr(fx->last_warn, "0600"));
	ck_assert_ptr_nonnull(strstr(fx->last_warn, "store.sqlite"));
	ck_assert_int_eq(jk_store_open(fx->ctx, path, &st), JK_OK);
	jk_store_close(st);
	ck_assert_int_eq(fx->n_warn, warned + 1);
}
END_TEST

/* A new store is owner-only whatever the umask. */
START_TEST(test_new_store_private)
{
	char path[1200];
	struct stat sb;
	jk_store *st = NULL;
	mode_t old = umask(0);

	snprintf(path, sizeof path, "%s/new.sqlite", fx->dir);
	ck_assert_int_eq(jk_store_open(fx->ctx, path, &st), JK_OK);
	umask(old);
	jk_store_close(st);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
}
END_TEST

static Suite *privacy_suite(void)
{
	Suite *s = suite_create("privacy");
	TCase *tp = tcase_create("pseudonym");
	TCase *tc = tcase_create("outputs");

	tcase_add_test(tp, test_siphash_vectors);
	tcase_add_test(tp, test_pseudonym_form);
	suite_add_tcase(s, tp);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_default_outputs_hold_no_secret);
	tcase_add_test(tc, test_default_distances_from_village);
	tcase_add_test(tc, test_options);
	tcase_add_test(tc, test_store_tightened);
	tcase_add_test(tc, test_new_store_private);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(privacy_suite());
}
