/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the map styles written by jk_export_write() (styles.c): the
 * GeoPackage table layer_styles in the schema and with the values QGIS
 * itself writes, the sidecar .qml beside the GeoJSON and Shapefile layers,
 * and the QGIS project jangkau.qgs (well-formed XML, the expected layer
 * ids, relative datasources, groups, a UTM CRS). That QGIS really applies
 * them is checked in QGIS by tests/cli/qgis.sh.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cpl_minixml.h>
#include <sqlite3.h>

#include "core/lang.h"
#include "export/export_int.h"
#include "fixture.h"
#include "jangkau/jangkau.h"

static const char *const layer_names[] = {
	"desa_coverage", "kecamatan_summary", "sites", "gaps", "clients",
	"client_links"
};
#define N_LAYERS ((int)(sizeof layer_names / sizeof layer_names[0]))

static jk_fixture *fx;

static void setup(void)
{
	fx = jk_fixture_create("styles", "out");
}

static void teardown(void)
{
	jk_fixture_destroy(fx);
	fx = NULL;
}

static void export_ok(int formats)
{
	jk_export_opts opts = {.formats = formats};
	int rc = jk_export_write(fx->ctx, fx->st, fx->out, &opts);

	ck_assert_msg(rc == JK_OK, "jk_export: %d: %s", rc,
		      jk_ctx_errmsg(fx->ctx));
}

static int file_exists(const char *dir, const char *name)
{
	char path[1200];
	struct stat sb;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static sqlite3 *open_gpkg(void)
{
	char path[1200];
	sqlite3 *db = NULL;

	snprintf(path, sizeof path, "%s/jangkau.gpkg", fx->out);
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
					 NULL), SQLITE_OK);
	return db;
}

/* The text in the first column of the first row of @p sql, or "(none)";
 * caller frees. */
static char *query_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	char *out;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK,
		      "%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		out = strdup((const char *)sqlite3_column_text(s, 0));
	else
		out = strdup("(none)");
	sqlite3_finalize(s);
	ck_assert_ptr_nonnull(out);
	return out;
}

/* The type attribute of the QML's <renderer-v2>. */
static char *renderer_type(const char *qml)
{
	CPLXMLNode *root = CPLParseXMLString(qml), *q, *r;
	char *type = NULL;

	ck_assert_ptr_nonnull(root);
	q = CPLGetXMLNode(root, "=qgis");
	ck_assert_ptr_nonnull(q);
	r = CPLGetXMLNode(q, "renderer-v2");
	ck_assert_ptr_nonnull(r);
	type = strdup(CPLGetXMLValue(r, "type", ""));
	CPLDestroyXMLNode(root);
	return type;
}

START_TEST(test_embedded_styles_classify)
{
	int i;

	for (i = 0; i < N_LAYERS; i++) {
		const char *qml = jk_style_qml_ref(layer_names[i]);
		char *type;

		ck_assert_msg(qml != NULL, "no style for %s", layer_names[i]);
		ck_assert_ptr_nonnull(strstr(qml, "<qgis version=\"3.22"));
		type = renderer_type(qml);
		ck_assert_msg(strcmp(type, "singleSymbol") != 0 && *type,
			      "%s: renderer '%s'", layer_names[i], type);
		free(type);
	}
	ck_assert_ptr_null(jk_style_qml_ref("no_such_layer"));
	ck_assert_ptr_null(jk_style_qml_ref(NULL));
}
END_TEST

/* The words QGIS shows for a status are the outputs' words (core/lang.c):
 * each category label of the status layers begins with the Indonesian
 * word of its value, as the report, the maps and the book write it. */
START_TEST(test_style_words)
{
	static const char *const styled[] = {"desa_coverage", "gaps", "sites"};
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof styled / sizeof styled[0]; i++) {
		const char *qml = jk_style_qml_ref(styled[i]);
		CPLXMLNode *root = CPLParseXMLString(qml), *cats, *c;

		ck_assert_ptr_nonnull(root);
		cats = CPLGetXMLNode(root, "=qgis.renderer-v2.categories");
		ck_assert_msg(cats != NULL, "%s: no categories", styled[i]);
		for (c = cats->psChild; c; c = c->psNext) {
			const char *value = CPLGetXMLValue(c, "value", "");
			const char *label = CPLGetXMLValue(c, "label", "");
			const char *word = jk_tr_code(JK_LANG_ID, value);

			if (c->eType != CXT_Element)
				continue;
			ck_assert_msg(word != NULL, "%s: no word for '%s'", styled[i], value);
			ck_assert_msg(!strncmp(label, word, strlen(word)),
				      "%s: '%s' is labelled '%s', the outputs say '%s'",
				      styled[i], value, label, word);
			n++;
		}
		CPLDestroyXMLNode(root);
	}
	ck_assert_int_eq(n, 4 + 2 + 4);
}
END_TEST

START_TEST(test_layer_styles_schema)
{
	/* what QGIS 3.22 creates through OGR's GPKG driver */
	static const char *const cols[][2] = {
		{"id", "INTEGER"}, {"f_table_catalog", "TEXT(256)"},
		{"f_table_schema", "TEXT(256)"}, {"f_table_name", "TEXT(256)"},
		{"f_geometry_column", "TEXT(256)"}, {"styleName", "TEXT(30)"},
		{"styleQML", "TEXT"}, {"styleSLD", "TEXT"},
		{"useAsDefault", "BOOLEAN"}, {"description", "TEXT"},
		{"owner", "TEXT(30)"}, {"ui", "TEXT(30)"},
		{"update_time", "DATETIME"},
	};
	sqlite3 *db;
	sqlite3_stmt *s = NULL;
	char *t;
	int n = 0;

	export_ok(0);
	db = open_gpkg();
	ck_assert_int_eq(sqlite3_prepare_v2(db,
		"SELECT name, type, pk, dflt_value FROM"
		" pragma_table_info('layer_styles') ORDER BY cid", -1, &s,
		NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *type = (const char *)sqlite3_column_text(s, 1);
		const char *dflt = (const char *)sqlite3_column_text(s, 3);

		ck_assert_int_lt(n, 13);
		ck_assert_str_eq(name, cols[n][0]);
		ck_assert_str_eq(type, cols[n][1]);
		ck_assert_int_eq(sqlite3_column_int(s, 2), n == 0);
		if (!strcmp(name, "update_time"))
			ck_assert_str_eq(dflt,
				"strftime('%Y-%m-%dT%H:%M:%fZ','now')");
		n++;
	}
	sqlite3_finalize(s);
	ck_assert_int_eq(n, 13);
	t = query_text(db, "SELECT sql FROM sqlite_master"
		       " WHERE name = 'layer_styles'");
	ck_assert_ptr_nonnull(strstr(t, "\"id\" INTEGER PRIMARY KEY"
				     " AUTOINCREMENT"));
	free(t);
	t = query_text(db, "SELECT data_type FROM gpkg_contents"
		       " WHERE table_name = 'layer_styles'");
	ck_assert_str_eq(t, "attributes");
	free(t);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_layer_styles_rows)
{
	sqlite3 *db;
	sqlite3_stmt *s = NULL;
	int i;

	export_ok(0);
	db = open_gpkg();
	ck_assert_int_eq(sqlite3_prepare_v2(db,
		"SELECT count(*), min(f_table_catalog), min(f_table_schema),"
		" min(f_geometry_column), min(styleName), min(styleQML),"
		" min(useAsDefault), max(useAsDefault), min(update_time)"
		" FROM layer_styles WHERE f_table_name = ?", -1, &s, NULL),
		SQLITE_OK);
	for (i = 0; i < N_LAYERS; i++) {
		const char *name = layer_names[i];

		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 1), "");
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 2), "");
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 3),
				 "geom");
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 4), name);
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 5),
				 jk_style_qml_ref(name));
		ck_assert_int_eq(sqlite3_column_int(s, 6), 1);
		ck_assert_int_eq(sqlite3_column_int(s, 7), 1);
		ck_assert_ptr_nonnull(sqlite3_column_text(s, 8));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_sidecars)
{
	int i;

	export_ok(0);
	for (i = 0; i < N_LAYERS; i++) {
		char name[64];
		char *text;

		snprintf(name, sizeof name, "%s.qml", layer_names[i]);
		text = jk_test_slurp(fx->out, name);
		ck_assert_str_eq(text, jk_style_qml_ref(layer_names[i]));
		free(text);
	}
	/* a GeoPackage alone: no sidecars, but the project */
	jk_test_rm_rf(fx->out);
	export_ok(JK_FORMAT_GPKG);
	ck_assert(!file_exists(fx->out, "sites.qml"));
	ck_assert(file_exists(fx->out, "jangkau.qgs"));
	/* no GeoPackage: sidecars, no project */
	jk_test_rm_rf(fx->out);
	export_ok(JK_FORMAT_SHP);
	ck_assert(file_exists(fx->out, "sites.qml"));
	ck_assert(!file_exists(fx->out, "jangkau.qgs"));
}
END_TEST

/* The layer-tree-layer ids of a group, in order, joined by ','. */
static void group_layers(CPLXMLNode *tree, const char *group, char *out,
			 size_t outsz)
{
	CPLXMLNode *g, *l;

	out[0] = '\0';
	for (g = tree->psChild; g; g = g->psNext) {
		if (g->eType != CXT_Element ||
		    strcmp(g->pszValue, "layer-tree-group") ||
		    strcmp(CPLGetXMLValue(g, "name", ""), group))
			continue;
		for (l = g->psChild; l; l = l->psNext) {
			if (l->eType != CXT_Element ||
			    strcmp(l->pszValue, "layer-tree-layer"))
				continue;
			if (out[0])
				strncat(out, ",", outsz - strlen(out) - 1);
			strncat(out, CPLGetXMLValue(l, "id", ""),
				outsz - strlen(out) - 1);
		}
	}
}

START_TEST(test_project)
{
	char path[1200], buf[512];
	CPLXMLNode *root, *q, *layers, *ml, *tree;
	int n = 0;

	export_ok(0);
	snprintf(path, sizeof path, "%s/jangkau.qgs", fx->out);
	root = CPLParseXMLFile(path);
	ck_assert_msg(root != NULL, "jangkau.qgs is not XML");
	q = CPLGetXMLNode(root, "=qgis");
	ck_assert_ptr_nonnull(q);
	ck_assert_str_eq(CPLGetXMLValue(q, "version", ""),
			 "3.22.16-Białowieża");
	ck_assert_ptr_nonnull(strstr(CPLGetXMLValue(q,
		"projectCrs.spatialrefsys.authid", ""), "EPSG:32"));
	ck_assert_ptr_nonnull(CPLGetXMLNode(q,
		"ProjectViewSettings.DefaultViewExtent"));
	ck_assert_str_eq(CPLGetXMLValue(q, "properties.Paths.Absolute", ""),
			 "false");

	layers = CPLGetXMLNode(q, "projectlayers");
	ck_assert_ptr_nonnull(layers);
	for (ml = layers->psChild; ml; ml = ml->psNext) {
		const char *id, *name;
		char want[128];

		if (ml->eType != CXT_Element || strcmp(ml->pszValue, "maplayer"))
			continue;
		id = CPLGetXMLValue(ml, "id", "");
		name = CPLGetXMLValue(ml, "layername", "");
		snprintf(want, sizeof want, "jangkau_%s", name);
		ck_assert_str_eq(id, want);
		ck_assert_int_gt((int)strlen(id), 10); /* else QGIS renames */
		snprintf(want, sizeof want, "./jangkau.gpkg|layername=%s",
			 name);
		ck_assert_str_eq(CPLGetXMLValue(ml, "datasource", ""), want);
		ck_assert_str_eq(CPLGetXMLValue(ml, "provider", ""), "ogr");
		ck_assert_str_eq(CPLGetXMLValue(ml, "srs.spatialrefsys.authid",
						""), "EPSG:4326");
		ck_assert_str_ne(CPLGetXMLValue(ml, "renderer-v2.type",
						"singleSymbol"), "singleSymbol");
		n++;
	}
	ck_assert_int_eq(n, N_LAYERS);
	tree = CPLGetXMLNode(q, "layer-tree-group");
	ck_assert_ptr_nonnull(tree);
	group_layers(tree, "Lokasi", buf, sizeof buf);
	ck_assert_str_eq(buf, "jangkau_sites,jangkau_clients,"
			 "jangkau_client_links");
	group_layers(tree, "Analisis", buf, sizeof buf);
	ck_assert_str_eq(buf, "jangkau_kecamatan_summary,jangkau_gaps,"
			 "jangkau_desa_coverage");
	CPLDestroyXMLNode(root);
}
END_TEST

static Suite *styles_suite(void)
{
	Suite *s = suite_create("styles");
	TCase *tc = tcase_create("styles");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_embedded_styles_classify);
	tcase_add_test(tc, test_style_words);
	tcase_add_test(tc, test_layer_styles_schema);
	tcase_add_test(tc, test_layer_styles_rows);
	tcase_add_test(tc, test_sidecars);
	tcase_add_test(tc, test_project);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(styles_suite());
}
