/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the table importers: row errors are reported as
 * FILE:ROW: field: reason through the message callback, good rows are kept,
 * exact duplicates imported once, --strict writes nothing, re-import adds
 * nothing. Uses the fixtures in tests/data.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"
#include "fixture.h"
#include "store/store.h"

static jk_scratch sc;

static void setup(void)
{
	jk_scratch_init(&sc, "import");
}

static void teardown(void)
{
	jk_scratch_release(&sc);
}

#define open_store(ctx, name) jk_scratch_store(&sc, (ctx), (name))
#define has_msg(needle) jk_scratch_has(&sc, (needle))

START_TEST(sites_row_errors)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "a.sqlite");
	jk_import_stats s;
	const char *f = JK_TEST_DATA_DIR "/bad_sites.csv";

	jk_ctx_set_log(ctx, jk_scratch_log, &sc);
	ck_assert_int_eq(jk_import_sites(ctx, st, f, NULL, &s), JK_OK);
	ck_assert_int_eq(s.read, 5);
	ck_assert_int_eq(s.imported, 3);
	ck_assert_int_eq(s.duplicates, 1);
	ck_assert_int_eq(s.rejected, 1);
	ck_assert(has_msg("3 " JK_TEST_DATA_DIR "/bad_sites.csv:3: alamat: empty"));
	ck_assert(has_msg("bad_sites.csv:4: row: exact duplicate of row 2"));
	ck_assert(has_msg("2 " JK_TEST_DATA_DIR "/bad_sites.csv:5: status: 'cek lagi'"));
	ck_assert(has_msg("bad_sites.csv:5: ramah_anak: 'mungkin'"));
	ck_assert_int_eq(jk_store_count(st, "sites"), 3);
	/* again: nothing new */
	ck_assert_int_eq(jk_import_sites(ctx, st, f, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 0);
	ck_assert_int_eq(s.unchanged, 3);
	ck_assert_int_eq(jk_store_count(st, "sites"), 3);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(strict_writes_nothing)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "b.sqlite");
	jk_table_opts o = {.strict = 1};
	jk_import_stats s;

	ck_assert_int_eq(jk_import_sites(ctx, st, JK_TEST_DATA_DIR "/bad_sites.csv", &o, &s),
			 JK_ERR_REJECTED);
	ck_assert_int_eq(jk_store_count(st, "sites"), 0);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "nothing imported (--strict)"));
	ck_assert_int_eq(jk_import_clients(ctx, st, JK_TEST_DATA_DIR "/bad_clients.csv", &o, &s),
			 JK_ERR_REJECTED);
	ck_assert_int_eq(jk_store_count(st, "clients"), 0);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(clients_row_errors)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "c.sqlite");
	jk_import_stats s;

	jk_ctx_set_log(ctx, jk_scratch_log, &sc);
	ck_assert_int_eq(jk_import_clients(ctx, st, JK_TEST_DATA_DIR "/bad_clients.csv", NULL, &s),
			 JK_OK);
	ck_assert_int_eq(s.imported, 3);
	ck_assert_int_eq(s.rejected, 4);
	ck_assert(has_msg("bad_clients.csv:4: id_klien: 'KLN-T-0001' already used at row 2"));
	ck_assert(has_msg("bad_clients.csv:7: status: 'entah' is not aktif or selesai"));
	ck_assert(has_msg("bad_clients.csv:8: alamat_rumah: empty"));
	ck_assert_int_eq(jk_store_count(st, "clients"), 3);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(missing_file_and_columns)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = open_store(ctx, "d.sqlite");
	char path[400];

	ck_assert_int_eq(jk_import_sites(ctx, st, "/nonexistent/x.csv", NULL, NULL), JK_ERR_IO);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "/nonexistent/x.csv"));
	jk_scratch_write(&sc, "nocols.csv", "foo,bar\n1,2\n", path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, NULL), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "no address or coordinate column"));
	ck_assert_int_eq(jk_import_clients(ctx, st, path, NULL, NULL), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "no client id column"));
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("tables");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, sites_row_errors);
	tcase_add_test(tc, strict_writes_nothing);
	tcase_add_test(tc, clients_row_errors);
	tcase_add_test(tc, missing_file_and_columns);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(suite());
}
