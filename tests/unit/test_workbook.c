/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of reading offices' workbooks and CSV files (import/tables.c):
 * every sheet read, the header row found below titles, blank and logo rows,
 * two-row headers with merged cells, rows numbered as the spreadsheet
 * shows them, --sheet and --header-row, dates, numbers as text, separate
 * lat/lon columns, CSV separators and encodings, and rows that cannot be
 * read (an oversized cell, a runaway quote, a read error) reported by row
 * with the good rows kept. The workbooks are written by the tests
 * (xlsxwrite.h), as XLSX and as ODS where both must give the same.
 */
#include <check.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "fixture.h"
#include "store/store.h"
#include "xlsxwrite.h"

static jk_scratch sc;

static void setup(void)
{
	jk_scratch_init(&sc, "workbook");
}

static void teardown(void)
{
	jk_scratch_release(&sc);
}

#define has_msg(needle) jk_scratch_has(&sc, (needle))

/* A context logging into sc and a fresh store. */
static jk_store *fresh(jk_ctx **ctx, const char *name)
{
	*ctx = jk_ctx_create();
	ck_assert_ptr_nonnull(*ctx);
	jk_ctx_set_log(*ctx, jk_scratch_log, &sc);
	return jk_scratch_store(&sc, *ctx, name);
}

/* Writes the workbook @p spec to <scratch>/<name>; the path in @p path. */
static void workbook(const char *name, const char *spec, char *path, size_t n)
{
	char err[256];

	snprintf(path, n, "%s/%s", sc.dir, name);
	ck_assert_msg(jk_workbook_write(spec, path, err, sizeof err) == 0, "%s", err);
}

/* Writes @p len bytes to <scratch>/<name>. */
static void raw_file(const char *name, const char *data, size_t len, char *path, size_t n)
{
	FILE *f;

	snprintf(path, n, "%s/%s", sc.dir, name);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* The rows of @p sql, columns joined by '|' and rows by ';' (NULL as ""),
 * in a static buffer. */
static const char *q(jk_store *st, const char *sql)
{
	static char out[8192];
	sqlite3_stmt *s;
	size_t n = 0;
	int rc, i;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(s); i++) {
			const char *v = (const char *)sqlite3_column_text(s, i);

			n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
					      i ? "|" : n ? ";" : "", v ? v : "");
			ck_assert_uint_lt(n, sizeof out);
		}
	}
	ck_assert_int_eq(rc, SQLITE_DONE);
	sqlite3_finalize(s);
	return out;
}

/*
 * Every warning and error about @p file has the form
 * "FILE[SHEET]:ROW: field: reason" (or "FILE:ROW: ..."), or, about the
 * file or a sheet as a whole, "FILE[SHEET]: reason". Returns the number of
 * row messages.
 */
static int check_forms(const char *file)
{
	regex_t row_re, file_re;
	char pat[512];
	const char *p = sc.msgs ? sc.msgs : "";
	int rows = 0;

	snprintf(pat, sizeof pat,
		 "^[23] [^ ]*/%s(\\[[^]]+\\])?:[0-9]+: ([a-z_]+|'[^']+'|column [A-Z]+): [a-z'0-9]",
		 file);
	ck_assert_int_eq(regcomp(&row_re, pat, REG_EXTENDED | REG_NOSUB), 0);
	snprintf(pat, sizeof pat, "^[23] [^ ]*/%s(\\[[^]]+\\])?: [a-z]", file);
	ck_assert_int_eq(regcomp(&file_re, pat, REG_EXTENDED | REG_NOSUB), 0);
	while (*p) {
		const char *e = strchr(p, '\n');
		char line[2100];
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (e ? 1 : 0);
		if (line[0] < '2' || !strstr(line, file))
			continue;
		if (regexec(&row_re, line, 0, NULL, 0) == 0)
			rows++;
		else
			ck_assert_msg(regexec(&file_re, line, 0, NULL, 0) == 0,
				      "message not in the FILE[SHEET]:ROW: field: form: %s", line);
	}
	regfree(&row_re);
	regfree(&file_re);
	return rows;
}

/* ---- headers below titles, blank rows, numbering ---- */

static const char *const titled =
	"[Wolio]\n"
	"1: DAFTAR LOKASI PELAKSANAAN PIDANA KERJA SOSIAL\n"
	"merge A1:F1\n"
	"2: Bapas Kelas II Baubau - Kecamatan Wolio\n"
	"3: |   \n" /* a logo row: cells of blanks */
	"5: No.|Nama Lokasi|Alamat|Koordinat|Status|Kapasitas\n"
	"6: =1|Masjid Agung Wolio|Jl. Sultan Hasanuddin, Kel. Wale|-5.4712, 122.6133|Siap|=5\n"
	"7: =2|SD Negeri 1 Wolio|Kel. Tomba|-5.4701, 122.6101|Belum Siap|3\n"
	"9: =3|Pasar Wolio|Kel. Bataraguru||Siap|=4\n"
	"10: =4|Kantor Lurah X||||\n"
	"12: =5|Taman Kota|Kel. Wale||siap|banyak\n";

static void titled_case(const char *name)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "t.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];

	workbook(name, titled, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.read, 5);
	ck_assert_int_eq(s.imported, 4);
	ck_assert_int_eq(s.rejected, 1);
	ck_assert_str_eq(q(st, "SELECT src_sheet, src_row, no, nama, kapasitas FROM sites ORDER BY src_row"),
			 "Wolio|6|1|Masjid Agung Wolio|5;Wolio|7|2|SD Negeri 1 Wolio|3;"
			 "Wolio|9|3|Pasar Wolio|4;Wolio|12|5|Taman Kota|");
	snprintf(msg, sizeof msg, "3 %s[Wolio]:10: alamat: empty", path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	snprintf(msg, sizeof msg, "2 %s[Wolio]:12: kapasitas: 'banyak'", path);
	ck_assert(has_msg(msg));
	ck_assert_int_eq(check_forms(name), 2);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}

START_TEST(title_rows_xlsx)
{
	titled_case("judul.xlsx");
}
END_TEST

START_TEST(title_rows_ods)
{
	titled_case("judul.ods");
}
END_TEST

/* ---- a two-row header with merged cells ---- */

START_TEST(two_row_header)
{
	static const char *const spec =
		"[Lokasi]\n"
		"1: Daftar Lokasi Kerja Sosial\n"
		"3: No|Nama Lokasi|Alamat|Koordinat||Penanggung Jawab||Status\n"
		"merge A3:A4\nmerge B3:B4\nmerge C3:C4\nmerge D3:E3\nmerge F3:G3\nmerge H3:H4\n"
		"4: |||Lintang|Bujur|Nama|Telepon|\n"
		"5: =1|Masjid Al-Ikhlas|Kel. Sulaa|=-5.4672999999999998|=122.5988|La Ode Syamsul|0812-0000-0939|Siap\n"
		"6: =2|Gereja Imanuel|Kel. Wale|-5,4701|122,6101|Basri|=812000123|Belum Siap\n";
	const char *ext[2] = {"dua.xlsx", "dua.ods"};
	int k;

	for (k = 0; k < 2; k++) {
		jk_ctx *ctx;
		jk_store *st = fresh(&ctx, k ? "d2.sqlite" : "d1.sqlite");
		jk_import_stats s;
		char path[512];

		workbook(ext[k], spec, path, sizeof path);
		ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
		ck_assert_int_eq(s.imported, 2);
		ck_assert_int_eq(s.rejected, 0);
		ck_assert_str_eq(q(st, "SELECT src_row, nama, pj, telepon, koordinat, status FROM sites ORDER BY src_row"),
				 "5|Masjid Al-Ikhlas|La Ode Syamsul|0812-0000-0939|-5.467299999, 122.5988|ready;"
				 "6|Gereja Imanuel|Basri|812000123|-5.4701, 122.6101|not_ready");
		ck_assert_int_eq(check_forms(ext[k]), 0);
		jk_store_close(st);
		jk_ctx_destroy(ctx);
	}
}
END_TEST

/* ---- a workbook of many sheets ---- */

static const char *const book =
	"[Wolio]\n"
	"1: no|nama_lokasi|alamat|koordinat|status\n"
	"2: =1|Masjid Agung Wolio|Kel. Wale|-5.4712, 122.6133|Siap\n"
	"3: =2|SD Negeri 1 Wolio|Kel. Tomba|-5.4701, 122.6101|Siap\n"
	"4: =3|Pasar Wolio|Kel. Bataraguru||Belum Siap\n"
	"[Murhum]\n"
	"1: Kecamatan Murhum\n"
	"3: no|nama_lokasi|alamat|koordinat|status\n"
	"4: =4|Masjid Murhum|Kel. Lamangga|-5.4673, 122.5988|Siap\n"
	"5: =1|Masjid Agung Wolio|Kel. Wale|-5.4712, 122.6133|Siap\n"
	"[Betoambari]\n"
	"1: No|Nama Lokasi|Alamat|Koordinat||Status\n"
	"merge D1:E1\n"
	"2: |||Lintang|Bujur|\n"
	"3: =5|Puskesmas Betoambari|Kel. Sulaa|=-5.5046|=122.5692|Siap\n"
	"5: =6|SD Negeri 2|Kel. Labalawa|||Siap\n"
	"[Catatan]\n"
	"1: Catatan: data per Januari 2026\n"
	"2: Diperbarui oleh Seksi BKD\n"
	"[Rekap]\n"
	"1: Kecamatan|Jumlah\n"
	"2: Wolio|=3\n"
	"3: Murhum|=2\n";

static void book_case(const char *name)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "b.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];

	workbook(name, book, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.read, 7);
	ck_assert_int_eq(s.imported, 6);
	ck_assert_int_eq(s.duplicates, 1);
	ck_assert_int_eq(s.rejected, 3); /* the three rows of Rekap */
	ck_assert_str_eq(q(st, "SELECT src_sheet, count(*), group_concat(src_row) FROM "
			 "(SELECT * FROM sites ORDER BY src_row) GROUP BY src_sheet ORDER BY src_sheet"),
			 "Betoambari|2|3,5;Murhum|1|4;Wolio|3|2,3,4");
	ck_assert_str_eq(q(st, "SELECT koordinat FROM sites WHERE src_sheet='Betoambari' AND src_row=3"),
			 "-5.5046, 122.5692");
	snprintf(msg, sizeof msg, "2 %s[Murhum]:5: row: exact duplicate of row 2 of sheet 'Wolio'; imported once",
		 path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	snprintf(msg, sizeof msg, "2 %s[Catatan]: sheet skipped: no table", path);
	ck_assert(has_msg(msg));
	snprintf(msg, sizeof msg, "3 %s[Rekap]: sheet skipped (3 rows of data not imported): "
		 "no header row in the first 30 rows that are not blank (the likeliest, row 1, "
		 "names 'Kecamatan', 'Jumlah'); no address or coordinate column (alamat: 'alamat'", path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	ck_assert_int_eq(check_forms(name), 1);
	/* again: nothing new, the duplicate still once */
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 0);
	ck_assert_int_eq(s.unchanged, 6);
	ck_assert_int_eq(s.duplicates, 1);
	ck_assert_int_eq(jk_store_count(st, "sites"), 6);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}

START_TEST(many_sheets_xlsx)
{
	book_case("buku.xlsx");
}
END_TEST

START_TEST(many_sheets_ods)
{
	book_case("buku.ods");
}
END_TEST

START_TEST(identity_not_sheet_or_row)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "i.sqlite");
	jk_import_stats s;
	char path[512], csv[512];
	static const char text[] = "no,nama_lokasi,alamat,koordinat,status\n"
				   "1,Masjid Agung Wolio,Kel. Wale,\"-5.4712, 122.6133\",Siap\n";

	workbook("buku.xlsx", book, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	/* the same row in a CSV, at another row: the same site */
	raw_file("satu.csv", text, sizeof text - 1, csv, sizeof csv);
	ck_assert_int_eq(jk_import_sites(ctx, st, csv, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 0);
	ck_assert_int_eq(s.unchanged, 1);
	ck_assert_int_eq(jk_store_count(st, "sites"), 6);
	/* the site now points at the CSV, which has no sheet */
	ck_assert_str_eq(q(st, "SELECT src_sheet, src_row FROM sites WHERE nama='Masjid Agung Wolio'"),
			 "|2");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(choose_sheets)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "c.sqlite");
	jk_import_stats s;
	char path[512];
	const char *one[] = {"Murhum", NULL};
	const char *two[] = {"murhum", "Betoambari", NULL};
	const char *bad[] = {"Wolio", "Kolaka", NULL};
	const char *rekap[] = {"Rekap", NULL};
	jk_table_opts o = {.sheets = one};

	workbook("buku.xlsx", book, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.rejected, 0);
	ck_assert_str_eq(q(st, "SELECT src_sheet, src_row FROM sites ORDER BY src_row"),
			 "Murhum|4;Murhum|5");
	/* names as GDAL finds layers: exact, else ignoring case */
	o.sheets = two;
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.unchanged, 2);
	o.sheets = bad;
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx),
		"buku.xlsx: no sheet 'Kolaka' (sheets: 'Wolio', 'Murhum', 'Betoambari', 'Catatan', 'Rekap')"));
	ck_assert_int_eq(jk_store_count(st, "sites"), 4);
	/* --layer names one sheet too */
	o.sheets = NULL;
	o.layer = "Wolio";
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_OK);
	ck_assert_int_eq(s.read, 3);
	ck_assert_int_eq(s.imported, 2);
	/* a sheet asked for by name must have a header */
	o.layer = NULL;
	o.sheets = rekap;
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "buku.xlsx[Rekap]: no header row"));
	/* strict: the rows of the skipped sheet are rejected rows */
	o.sheets = NULL;
	o.strict = 1;
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_ERR_REJECTED);
	ck_assert_int_eq(jk_store_count(st, "sites"), 6);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(header_row_option)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "h.sqlite");
	jk_import_stats s;
	jk_buf spec;
	char path[512];
	jk_table_opts o = {.header_row = 40};
	int i;

	/* 35 rows of notes: the header at row 40 is beyond the search */
	jk_buf_init(&spec);
	jk_buf_puts(&spec, "[Buku]\n");
	for (i = 1; i <= 35; i++)
		jk_buf_printf(&spec, "%d: Catatan nomor %d\n", i, i);
	jk_buf_puts(&spec, "40: No|Nama Lokasi|Alamat|Status\n"
		    "41: =1|Masjid A|Kel. Wale|Siap\n"
		    "43: =2|Masjid B|Kel. Tomba|Siap\n");
	workbook("jauh.xlsx", jk_buf_str(&spec), path, sizeof path);
	jk_buf_release(&spec);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx),
		"jauh.xlsx[Buku]: no header row in the first 30 rows that are not blank"));
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_str_eq(q(st, "SELECT src_row, nama FROM sites ORDER BY src_row"),
			 "41|Masjid A;43|Masjid B");
	o.header_row = 39;
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx),
		"jauh.xlsx[Buku]: row 39 (--header-row) is blank or not in the sheet"));
	o.header_row = 2;
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &o, &s), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "the header (row 2) names 'Catatan nomor 2' but has "
				     "no address or coordinate column"));
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(repeated_header_and_column_numbers)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "r.sqlite");
	jk_import_stats s;
	char path[512];

	workbook("cetak.xlsx",
		 "[Buku]\n"
		 "1: NO|NAMA LOKASI|ALAMAT|STATUS\n"
		 "2: (1)|(2)|(3)|(4)\n"
		 "3: =1|Masjid A|Kel. Wale|Siap\n"
		 "4: NO|NAMA LOKASI|ALAMAT|STATUS\n"
		 "5: =2|Masjid B|Kel. Tomba|Siap\n", path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.read, 2);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_str_eq(q(st, "SELECT src_row, no, nama FROM sites ORDER BY src_row"),
			 "3|1|Masjid A;5|2|Masjid B");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(missing_columns_named)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "m.sqlite");
	char path[512];
	static const char a[] = "No,Nama,Kapasitas\n1,Masjid,3\n";

	raw_file("kurang.csv", a, sizeof a - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, NULL), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx),
		"kurang.csv: the header (row 1) names 'No', 'Nama', 'Kapasitas' but has no address "
		"or coordinate column (alamat: 'alamat', 'address', 'alamat lokasi', 'alamat lengkap'; "
		"desa_kelurahan: 'desa_kelurahan', 'desa', 'kelurahan'"));
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "or lat and lon: 'lat', 'latitude', 'lintang'"));
	ck_assert_int_eq(jk_import_clients(ctx, st, path, NULL, NULL), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx),
		"no client id column (id_klien: 'id_klien', 'client_id', 'id')"));
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* ---- clients: dates and numbers ---- */

START_TEST(client_dates)
{
	static const char *const spec =
		"[Klien]\n"
		"1: Register Klien Pidana Kerja Sosial\n"
		"2: id_klien|alamat_rumah|jenis_pidana|anak|jam_pidana|tanggal_mulai|status\n"
		"3: KLN-1|Kel. Wale, Wolio|Pidana Kerja Sosial|tidak|=120|@2026-01-05|aktif\n"
		"4: KLN-2|Kel. Tomba, Wolio|Pidana Kerja Sosial|tidak|100|=46030|aktif\n"
		"5: KLN-3|Kel. Tomba, Wolio|Pidana Kerja Sosial|tidak|=100|12/03/2026|selesai\n"
		"6: KLN-1|Kel. Wale, Wolio|Pidana Kerja Sosial|tidak|=120|@2026-01-05|aktif\n";
	const char *ext[2] = {"klien.xlsx", "klien.ods"};
	int k;

	ck_assert_int_eq(jk_excel_serial("2026-01-08"), 46030);
	for (k = 0; k < 2; k++) {
		jk_ctx *ctx;
		jk_store *st = fresh(&ctx, k ? "k2.sqlite" : "k1.sqlite");
		jk_import_stats s;
		char path[512], msg[1200];

		workbook(ext[k], spec, path, sizeof path);
		ck_assert_int_eq(jk_import_clients(ctx, st, path, NULL, &s), JK_OK);
		ck_assert_int_eq(s.imported, 3);
		ck_assert_int_eq(s.duplicates, 1);
		ck_assert_str_eq(q(st, "SELECT client_id, src_sheet, src_row, jam, tanggal_mulai FROM clients ORDER BY client_id"),
				 "KLN-1|Klien|3|120|2026-01-05;KLN-2|Klien|4|100|2026-01-08;"
				 "KLN-3|Klien|5|100|2026-03-12");
		snprintf(msg, sizeof msg, "2 %s[Klien]:6: row: exact duplicate of row 3; imported once", path);
		ck_assert(has_msg(msg));
		jk_store_close(st);
		jk_ctx_destroy(ctx);
	}
}
END_TEST

START_TEST(client_id_across_sheets)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "ka.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];

	workbook("klien2.xlsx",
		 "[Wolio]\n"
		 "1: id_klien|alamat_rumah|anak|status\n"
		 "2: KLN-1|Kel. Wale|tidak|aktif\n"
		 "[Murhum]\n"
		 "1: id_klien|alamat_rumah|anak|status\n"
		 "2: KLN-2|Kel. Lamangga|ya|aktif\n"
		 "3: KLN-1|Kel. Melai|tidak|aktif\n", path, sizeof path);
	ck_assert_int_eq(jk_import_clients(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.rejected, 1);
	snprintf(msg, sizeof msg, "3 %s[Murhum]:3: id_klien: 'KLN-1' already used at row 2 of sheet 'Wolio'",
		 path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	ck_assert_str_eq(q(st, "SELECT client_id, src_sheet, src_row FROM clients ORDER BY client_id"),
			 "KLN-1|Wolio|2;KLN-2|Murhum|2");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* ---- CSV: separators, encodings, numbering ---- */

START_TEST(csv_semicolon_bom_decimal_comma)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "sc.sqlite");
	jk_import_stats s;
	char path[512];
	static const char a[] =
		"\xEF\xBB\xBF" "Daftar Lokasi Kerja Sosial Bapas Baubau;;;;;\r\n"
		";;;;;\r\n"
		"No;Nama Lokasi;Alamat;Lintang;Bujur;Status\r\n"
		"1;Masjid A;Jl. X, Kel. Wale;-5,4673;\"122,5988\";Siap\r\n"
		"2;Masjid B;\"Jl. Y; Kel. Tomba\";-5,4701;122,6101;Siap\r\n";
	static const char b[] =
		"\xEF\xBB\xBF" "no;nama_lokasi;alamat;koordinat\n"
		"7;Masjid C;Kel. Sulaa;-5,5046; 122,5692\n";

	raw_file("titik_koma.csv", a, sizeof a - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_str_eq(q(st, "SELECT src_sheet, src_row, no, nama, alamat, koordinat FROM sites ORDER BY src_row"),
			 "|4|1|Masjid A|Jl. X, Kel. Wale|-5.4673, 122.5988;"
			 "|5|2|Masjid B|Jl. Y; Kel. Tomba|-5.4701, 122.6101");
	ck_assert_int_eq(check_forms("titik_koma.csv"), 0);
	/* a BOM before the header: 'no' is still the number column; a
	 * coordinate with decimal commas split over two cells is two cells */
	raw_file("bom.csv", b, sizeof b - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_str_eq(q(st, "SELECT src_row, no, koordinat FROM sites WHERE nama='Masjid C'"),
			 "2|7|-5,5046");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(csv_tab_separated)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "tab.sqlite");
	jk_import_stats s;
	char path[512];
	static const char a[] =
		"Daftar lokasi, per Januari 2026\n"
		"no\tnama_lokasi\talamat\tkoordinat\n"
		"1\tMasjid A\tJl. X, Kel. Wale\t-5.4673, 122.5988\n"
		"2\tMasjid B\tKel. Tomba, Wolio\t\n";

	raw_file("tab.txt", a, sizeof a - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_str_eq(q(st, "SELECT src_row, alamat, koordinat FROM sites ORDER BY src_row"),
			 "3|Jl. X, Kel. Wale|-5.4673, 122.5988;4|Kel. Tomba, Wolio|");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(csv_windows_1252)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "w.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];
	static const char a[] =
		"no,nama_lokasi,alamat\r\n"
		"1,Masjid Babussal\xE2m,\x93Kel. Sulaa\x94 \x96 Betoambari\r\n";
	static const char bad[] = "no,nama_lokasi,alamat\n1,Masjid \x81,Kel. Sulaa\n";
	static const char utf16[] = "\xFF\xFEn\0o\0";

	raw_file("ansi.csv", a, sizeof a - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 1);
	ck_assert_str_eq(q(st, "SELECT nama, alamat FROM sites"),
			 "Masjid Babussal\xC3\xA2m|\xE2\x80\x9CKel. Sulaa\xE2\x80\x9D \xE2\x80\x93 Betoambari");
	ck_assert_str_eq(q(st, "SELECT count(*) FROM sites WHERE nama = 'Masjid Babussalâm'"), "1");
	snprintf(msg, sizeof msg, "2 %s: not UTF-8; read as Windows-1252 and converted to UTF-8", path);
	ck_assert(has_msg(msg));
	raw_file("rusak.csv", bad, sizeof bad - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx),
		"rusak.csv: the text is neither UTF-8 nor Windows-1252 (byte 0x81 on line 2)"));
	raw_file("utf16.csv", utf16, sizeof utf16 - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "utf16.csv: the text is UTF-16"));
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(csv_multiline_cell_is_one_row)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "ml.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];
	static const char a[] =
		"no,nama_lokasi,alamat\n"
		"1,Masjid A,\"Jl. X,\nKel. Wale\"\n"
		"2,Masjid B,\n"
		"3,Masjid C,Kel. Tomba\n";

	raw_file("baris.csv", a, sizeof a - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.rejected, 1);
	snprintf(msg, sizeof msg, "3 %s:3: alamat: empty", path);
	ck_assert(has_msg(msg));
	ck_assert_str_eq(q(st, "SELECT src_row, alamat FROM sites ORDER BY src_row"),
			 "2|Jl. X,\nKel. Wale;4|Kel. Tomba");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* ---- rows that cannot be read ---- */

START_TEST(csv_oversized_and_unclosed_quote)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "o.sqlite");
	jk_import_stats s;
	jk_buf b;
	char path[512], msg[1200];
	jk_table_opts strict = {.strict = 1};
	int i;

	jk_buf_init(&b);
	jk_buf_puts(&b, "no,nama_lokasi,alamat,status\n1,Masjid A,Kel. Wale,Siap\n2,Masjid B,");
	for (i = 0; i < 100000; i++)
		jk_buf_add(&b, "A", 1);
	jk_buf_puts(&b, ",Siap\n3,\"Masjid C,Kel. Tomba,Siap\n4,Masjid D,Kel. Bataraguru,Siap\n");
	raw_file("besar.csv", jk_buf_str(&b), b.len, path, sizeof path);
	jk_buf_release(&b);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.read, 4);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.rejected, 2);
	snprintf(msg, sizeof msg, "3 %s:3: alamat: a cell of 100000 bytes, over the limit of 65536; row rejected",
		 path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	snprintf(msg, sizeof msg, "3 %s:4: nama_lokasi: the quote that opens this cell is never closed", path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	ck_assert_str_eq(q(st, "SELECT src_row, nama FROM sites ORDER BY src_row"),
			 "2|Masjid A;5|Masjid D");
	ck_assert_int_eq(check_forms("besar.csv"), 2);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
	/* strict: nothing */
	st = fresh(&ctx, "o2.sqlite");
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &strict, &s), JK_ERR_REJECTED);
	ck_assert_int_eq(jk_store_count(st, "sites"), 0);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

START_TEST(csv_quote_swallows_rows)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "q.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];
	static const char a[] =
		"no,nama_lokasi,alamat,status\n"
		"1,\"Masjid A,Kel. Wale,Siap\n"
		"2,Masjid B,Kel. Tomba,Siap\n"
		"3,Masjid \"C\",Kel. Melai,Siap\n"
		"4,Masjid D,\"Kel. Wameo, Batupoaro\",Siap\n";

	raw_file("kutip.csv", a, sizeof a - 1, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 3);
	ck_assert_int_eq(s.rejected, 1);
	snprintf(msg, sizeof msg, "3 %s:2: nama_lokasi: the quoted cell runs over line breaks and holds "
		 "whole rows (a quote that is not closed?); row rejected", path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	ck_assert_str_eq(q(st, "SELECT src_row, nama, alamat FROM sites ORDER BY src_row"),
			 "3|Masjid B|Kel. Tomba;4|Masjid \"C\"|Kel. Melai;5|Masjid D|Kel. Wameo, Batupoaro");
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* XLSX: a sheet is parsed when first read, and the error ends that sheet
 * only; ODS: the whole workbook is parsed when opened, and the error ends
 * the sheet being parsed and every later sheet. */
static void read_error_case(const char *name, int ods)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "e.sqlite");
	jk_import_stats s;
	char path[512], msg[1200];
	jk_table_opts strict = {.strict = 1};

	workbook(name,
		 "[Wolio]\n"
		 "1: no|nama_lokasi|alamat|status\n"
		 "2: =1|Masjid A|Kel. Wale|Siap\n"
		 "3: =2|Masjid B|Kel. Tomba|Siap\n"
		 "4: =3|!BREAK|Kel. Melai|Siap\n"
		 "5: =4|Masjid D|Kel. Wameo|Siap\n"
		 "[Murhum]\n"
		 "1: no|nama_lokasi|alamat|status\n"
		 "2: =5|Masjid E|Kel. Lamangga|Siap\n", path, sizeof path);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, ods ? 2 : 3);
	ck_assert_int_eq(s.rejected, 1);
	snprintf(msg, sizeof msg, "3 %s[Wolio]:4: row: read error: ", path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	ck_assert(has_msg(ods ? "; the rows from here on and the sheets after this one are not read"
			      : "; the rows from here on are not read"));
	ck_assert_str_eq(q(st, "SELECT src_sheet, src_row FROM sites ORDER BY src_sheet DESC, src_row"),
			 ods ? "Wolio|2;Wolio|3" : "Wolio|2;Wolio|3;Murhum|2");
	ck_assert_int_eq(check_forms(name), 1);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
	st = fresh(&ctx, "e2.sqlite");
	ck_assert_int_eq(jk_import_sites(ctx, st, path, &strict, &s), JK_ERR_REJECTED);
	ck_assert_int_eq(jk_store_count(st, "sites"), 0);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}

START_TEST(read_error_xlsx)
{
	read_error_case("rusak.xlsx", 0);
}
END_TEST

START_TEST(read_error_ods)
{
	read_error_case("rusak.ods", 1);
}
END_TEST

START_TEST(oversized_cell_xlsx)
{
	jk_ctx *ctx;
	jk_store *st = fresh(&ctx, "ox.sqlite");
	jk_import_stats s;
	jk_buf spec;
	char path[512], msg[1200];
	int i;

	jk_buf_init(&spec);
	jk_buf_puts(&spec, "[Wolio]\n1: no|nama_lokasi|alamat|catatan\n2: =1|Masjid A|Kel. Wale|ok\n3: =2|Masjid B|Kel. Tomba|");
	for (i = 0; i < 70000; i++)
		jk_buf_add(&spec, "x", 1);
	jk_buf_puts(&spec, "\n4: =3|Masjid C|Kel. Melai|\n");
	workbook("sel.xlsx", jk_buf_str(&spec), path, sizeof path);
	jk_buf_release(&spec);
	ck_assert_int_eq(jk_import_sites(ctx, st, path, NULL, &s), JK_OK);
	ck_assert_int_eq(s.imported, 2);
	ck_assert_int_eq(s.rejected, 1);
	snprintf(msg, sizeof msg, "3 %s[Wolio]:3: keterangan: a cell of 70000 bytes, over the limit of 65536",
		 path);
	ck_assert_msg(has_msg(msg), "missing: %s in\n%s", msg, sc.msgs);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("workbook");
	TCase *tc = tcase_create("workbook");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, title_rows_xlsx);
	tcase_add_test(tc, title_rows_ods);
	tcase_add_test(tc, two_row_header);
	tcase_add_test(tc, many_sheets_xlsx);
	tcase_add_test(tc, many_sheets_ods);
	tcase_add_test(tc, identity_not_sheet_or_row);
	tcase_add_test(tc, choose_sheets);
	tcase_add_test(tc, header_row_option);
	tcase_add_test(tc, repeated_header_and_column_numbers);
	tcase_add_test(tc, missing_columns_named);
	tcase_add_test(tc, client_dates);
	tcase_add_test(tc, client_id_across_sheets);
	tcase_add_test(tc, csv_semicolon_bom_decimal_comma);
	tcase_add_test(tc, csv_tab_separated);
	tcase_add_test(tc, csv_windows_1252);
	tcase_add_test(tc, csv_multiline_cell_is_one_row);
	tcase_add_test(tc, csv_oversized_and_unclosed_quote);
	tcase_add_test(tc, csv_quote_swallows_rows);
	tcase_add_test(tc, read_error_xlsx);
	tcase_add_test(tc, read_error_ods);
	tcase_add_test(tc, oversized_cell_xlsx);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(suite());
}
