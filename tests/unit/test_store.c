/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the project store: creation with owner-only permissions,
 * registered geometry columns, schema version, refusal of foreign files,
 * foreign keys on.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "store/store.h"

static jk_scratch sc;

static void setup(void)
{
	jk_scratch_init(&sc, "store");
}

static void teardown(void)
{
	jk_scratch_release(&sc);
}

START_TEST(create_private_with_schema)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = NULL;
	char path[300];
	struct stat sb;
	sqlite3_stmt *s;

	snprintf(path, sizeof path, "%s/p.sqlite", sc.dir);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(jk_store_prepare(st,
		"SELECT count(*) FROM geometry_columns WHERE f_table_name IN"
		" ('villages','sites','clients')", &s), JK_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 4);
	sqlite3_finalize(s);
	ck_assert_int_eq(jk_store_prepare(st, "PRAGMA user_version", &s), JK_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), JK_SCHEMA_VERSION);
	sqlite3_finalize(s);
	/* foreign keys are enforced */
	ck_assert_int_ne(jk_store_exec(st,
		"INSERT INTO sites(row_hash,src_file,src_row,status,kode_desa)"
		" VALUES('x','f.csv',1,'ready','99.99.99.9999')"), JK_OK);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "FOREIGN KEY"));
	jk_store_close(st);
	/* reopening an existing store keeps it */
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	ck_assert_int_eq(jk_store_count(st, "villages"), 0);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(refuse_foreign_sqlite)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = (jk_store *)1;
	sqlite3 *db;
	char path[300];

	snprintf(path, sizeof path, "%s/other.sqlite", sc.dir);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_ERR_DB);
	ck_assert_ptr_null(st);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "not a jangkau store"));
	ck_assert_int_eq(jk_store_open(ctx, "", &st), JK_ERR_ARG);
	jk_store_close(NULL);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(meta_roundtrip)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = NULL;
	char path[300], *v;

	snprintf(path, sizeof path, "%s/m.sqlite", sc.dir);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	ck_assert_int_eq(jk_store_meta_set(st, "radius_km", "5"), JK_OK);
	ck_assert_int_eq(jk_store_meta_set(st, "radius_km", "7.5"), JK_OK);
	v = jk_store_meta_get(st, "radius_km");
	ck_assert_str_eq(v, "7.5");
	free(v);
	ck_assert_ptr_null(jk_store_meta_get(st, "nope"));
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* The error contract of the public header: a step clears the context's
 * error when it begins, so that a message never outlives the call that
 * set it; and a store belongs to the context it was opened on. */
START_TEST(error_contract)
{
	jk_ctx *ctx = jk_ctx_create(), *other = jk_ctx_create();
	jk_store *st = NULL;
	jk_coverage_opts co = {0};
	jk_coverage_stats cs;
	char path[300];

	snprintf(path, sizeof path, "%s/e.sqlite", sc.dir);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	ck_assert_str_eq(jk_ctx_errmsg(ctx), "");
	/* a failure leaves its message ... */
	ck_assert_int_eq(jk_coverage_run(ctx, st, &co, &cs), JK_ERR_STATE);
	ck_assert_str_ne(jk_ctx_errmsg(ctx), "");
	/* ... until the next step, which succeeds */
	ck_assert_int_eq(jk_store_meta_set(st, "k", "v"), JK_OK);
	ck_assert_int_eq(jk_store_enter(ctx, st), JK_OK);
	ck_assert_str_eq(jk_ctx_errmsg(ctx), "");
	/* a store of another context */
	ck_assert_int_eq(jk_coverage_run(other, st, &co, &cs), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(other), "another context"));
	ck_assert_str_eq(jk_ctx_errmsg(ctx), "");
	ck_assert_int_eq(jk_coverage_run(ctx, NULL, &co, &cs), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "no store"));
	jk_store_close(st);
	jk_ctx_destroy(other);
	jk_ctx_destroy(ctx);
}
END_TEST

/* A version 1 store (made by undoing the later additions) is migrated
 * on opening: road tables registered, result columns and src_sheet added,
 * the decisions table created. */
START_TEST(migrate_from_1)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = NULL;
	char path[300];

	snprintf(path, sizeof path, "%s/v1.sqlite", sc.dir);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	ck_assert_int_eq(jk_store_exec(st,
		"SELECT DisableSpatialIndex('road_edges','geom');"
		"DROP TABLE idx_road_edges_geom;"
		"SELECT DiscardGeometryColumn('road_edges','geom');"
		"SELECT DiscardGeometryColumn('road_nodes','geom');"
		"DROP TABLE road_edges; DROP TABLE road_nodes;"
		"ALTER TABLE coverage DROP COLUMN road_km;"
		"ALTER TABLE coverage DROP COLUMN road_min;"
		"ALTER TABLE coverage DROP COLUMN reach;"
		"ALTER TABLE client_links DROP COLUMN road_km;"
		"ALTER TABLE client_links DROP COLUMN road_min;"
		"ALTER TABLE client_links DROP COLUMN reach;"
		"SELECT DiscardGeometryColumn('road_routes','geom');"
		"SELECT DiscardGeometryColumn('road_isochrones','geom');"
		"DROP TABLE road_routes; DROP TABLE road_isochrones;"
		"DROP TABLE road_node_min;"
		"DROP INDEX sites_src; DROP INDEX clients_src;"
		"ALTER TABLE sites DROP COLUMN src_sheet;"
		"ALTER TABLE clients DROP COLUMN src_sheet;"
		"DROP TABLE decisions;"
		"PRAGMA user_version=1"), JK_OK);
	jk_store_close(st);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	ck_assert_int_eq(jk_store_count(st, "road_edges"), 0);
	ck_assert_int_eq(jk_store_count(st, "road_routes"), 0);
	ck_assert_int_eq(jk_store_exec(st,
		"SELECT road_km, road_min, reach FROM coverage;"
		"SELECT road_km, road_min, reach FROM client_links;"
		"SELECT src_sheet FROM sites; SELECT src_sheet FROM clients;"
		"SELECT kind, src_file, src_sheet, src_row, row_hash, kode_desa,"
		" note, decided_at, source FROM decisions"), JK_OK);
	ck_assert_int_eq(jk_store_count(st, "decisions"), 0);
	{
		sqlite3_stmt *s;

		ck_assert_int_eq(jk_store_prepare(st,
			"SELECT count(*) FROM sqlite_master WHERE type='index'"
			" AND name IN ('sites_src','clients_src')", &s), JK_OK);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_int_eq(sqlite3_column_int(s, 0), 2);
		sqlite3_finalize(s);
	}
	/* one decision per source row; the kind is checked */
	ck_assert_int_eq(jk_store_exec(st,
		"INSERT INTO decisions(kind,src_file,src_row,row_hash,kode_desa)"
		" VALUES('site','a.csv',2,'h','74.72.01.1001')"), JK_OK);
	ck_assert_int_ne(jk_store_exec(st,
		"INSERT INTO decisions(kind,src_file,src_row,row_hash,kode_desa)"
		" VALUES('site','a.csv',2,'h2','74.72.01.1002')"), JK_OK);
	ck_assert_int_ne(jk_store_exec(st,
		"INSERT INTO decisions(kind,src_file,src_row,row_hash,kode_desa)"
		" VALUES('lokasi','a.csv',3,'h','74.72.01.1001')"), JK_OK);
	{
		sqlite3_stmt *s;

		ck_assert_int_eq(jk_store_prepare(st,
			"SELECT (SELECT count(*) FROM geometry_columns WHERE f_table_name"
			" IN ('road_nodes','road_edges')), user_version FROM pragma_user_version",
			&s), JK_OK);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_int_eq(sqlite3_column_int(s, 0), 2);
		ck_assert_int_eq(sqlite3_column_int(s, 1), JK_SCHEMA_VERSION);
		sqlite3_finalize(s);
	}
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, create_private_with_schema);
	tcase_add_test(tc, refuse_foreign_sqlite);
	tcase_add_test(tc, meta_roundtrip);
	tcase_add_test(tc, error_contract);
	tcase_add_test(tc, migrate_from_1);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(suite());
}
