/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the review loop: the review file (jk_geocode_review())
 * lists exactly the rows that need a person's decision, with their
 * candidates, on a hand-made store whose geocodes are known; decisions read
 * back (jk_import_decisions()) are checked and applied by the next
 * jk_geocode_run(), survive a re-import of the same book, and are reported and
 * not applied when their row changed or is gone. The review files are read
 * back with GDAL here, independently of the importer under test.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>

#include "core/util.h"
#include "fixture.h"
#include "store/store.h"

#ifndef JK_DEMO_DIR
#define JK_DEMO_DIR JK_TEST_DATA_DIR "/../../data/demo"
#endif

static jk_scratch sc;

static void setup(void)
{
	jk_scratch_init(&sc, "decisions");
	GDALAllRegister();
}

static void teardown(void)
{
	jk_scratch_release(&sc);
}

#define has_msg(needle) jk_scratch_has(&sc, (needle))

/* ---- a review file read back with GDAL ---- */

#define MAXR 64
#define MAXC 64

typedef struct sheet {
	int ncols, nrows;
	char *name[MAXC];
	char *cell[MAXR][MAXC];
} sheet;

static void sheet_read(sheet *t, const char *path)
{
	static const char *const csv_oo[] = {"AUTODETECT_TYPE=NO", NULL};
	int csv = strstr(path, ".csv") != NULL, i;
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRFeatureDefnH d;
	OGRFeatureH f;

	memset(t, 0, sizeof *t);
	CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
	CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
	ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL,
			csv ? csv_oo : NULL, NULL);
	ck_assert_msg(ds != NULL, "GDAL cannot open %s", path);
	ck_assert_int_eq(GDALDatasetGetLayerCount(ds), 1);
	lyr = GDALDatasetGetLayer(ds, 0);
	d = OGR_L_GetLayerDefn(lyr);
	t->ncols = OGR_FD_GetFieldCount(d);
	ck_assert_int_le(t->ncols, MAXC);
	for (i = 0; i < t->ncols; i++)
		t->name[i] = jk_strdup(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, i)));
	while ((f = OGR_L_GetNextFeature(lyr)) != NULL) {
		ck_assert_int_lt(t->nrows, MAXR);
		for (i = 0; i < t->ncols; i++)
			t->cell[t->nrows][i] = jk_strdup(
				OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "");
		t->nrows++;
		OGR_F_Destroy(f);
	}
	GDALClose(ds);
	CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", NULL);
	CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", NULL);
}

static void sheet_release(sheet *t)
{
	int r, c;

	for (c = 0; c < t->ncols; c++) {
		free(t->name[c]);
		for (r = 0; r < t->nrows; r++)
			free(t->cell[r][c]);
	}
	memset(t, 0, sizeof *t);
}

static int sheet_col(const sheet *t, const char *name)
{
	int c;

	for (c = 0; c < t->ncols; c++)
		if (!strcmp(t->name[c], name))
			return c;
	return -1;
}

/* The cell of row @p r in column @p name; fails when there is none. */
static const char *cellv(const sheet *t, int r, const char *name)
{
	int c = sheet_col(t, name);

	ck_assert_msg(c >= 0, "no column %s", name);
	return t->cell[r][c];
}

/* The row of kind @p kind and source row @p baris, or -1. */
static int sheet_find(const sheet *t, const char *kind, long baris)
{
	char num[32];
	int r;

	snprintf(num, sizeof num, "%ld", baris);
	for (r = 0; r < t->nrows; r++)
		if (!strcmp(cellv(t, r, "jenis_baris"), kind) &&
		    !strcmp(cellv(t, r, "baris"), num))
			return r;
	return -1;
}


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

static int file_mode(const char *path)
{
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	return (int)(sb.st_mode & 0777);
}

/* ---- the review file on a hand-made store ---- */

#define SQ(x0, y0, x1, y1) \
	"((" #x0 " " #y0 ", " #x1 " " #y0 ", " #x1 " " #y1 ", " #x0 " " #y1 \
	", " #x0 " " #y0 "))"
#define VILLAGE(kode, nama, kec, kab, kkec, kkab, x0, y0, x1, y1, px, py)          \
	"('" kode "','" nama "','" kec "','" kab "','Sulawesi Tenggara','" kkec "','" \
	kkab "','74'," #px "," #py ",GeomFromText('MULTIPOLYGON(" SQ(x0, y0, x1, y1)   \
	")',4326),MakePoint(" #px "," #py ",4326))"

/* Five villages; sites and clients with known geocodes (what jk_geocode_run()
 * would have written), one row of each kind the review must or must not
 * list; two decisions. The comments give the expected listing. */
static const char *const review_store_sql =
	"INSERT INTO villages(kode,nama,kecamatan,kabupaten,provinsi,kode_kec,"
	"kode_kab,kode_prov,pt_lon,pt_lat,geom,pt) VALUES "
	VILLAGE("74.72.01.1001", "Sulaa", "Betoambari", "Kota Bau Bau", "74.72.01", "74.72",
		122.60, -5.50, 122.61, -5.49, 122.605, -5.495) ","
	VILLAGE("74.72.01.1002", "Labalawa", "Betoambari", "Kota Bau Bau", "74.72.01", "74.72",
		122.61, -5.50, 122.62, -5.49, 122.615, -5.495) ","
	VILLAGE("74.72.02.1001", "Tomba", "Wolio", "Kota Bau Bau", "74.72.02", "74.72",
		122.60, -5.49, 122.61, -5.48, 122.605, -5.485) ","
	VILLAGE("74.72.02.1002", "Wale", "Wolio", "Kota Bau Bau", "74.72.02", "74.72",
		122.61, -5.49, 122.62, -5.48, 122.615, -5.485) ","
	VILLAGE("74.04.01.2001", "Lasalimu", "Lasalimu", "Kabupaten Buton", "74.04.01", "74.04",
		122.90, -5.30, 122.91, -5.29, 122.905, -5.295) ";"
	"INSERT INTO sites(site_id,row_hash,src_file,src_row,no,nama,alamat,koordinat,"
	"status,precision,score,kode_desa,geo_note,candidates,coord_kode,lon,lat) VALUES"
	/* a leftover of row 8 before it was edited: not the row now at row 8 */
	"(1,'h8old','/data/books/sites.csv',8,'8','Lama','Kel. Lama',NULL,'ready',"
	" 'ambiguous',0.5,NULL,'candidates: x','74.72.01.1001;74.72.02.1001',NULL,NULL,NULL),"
	/* good village: no */
	"(2,'h2','/data/books/sites.csv',2,'1','Baik','Kel. Sulaa',NULL,'ready',"
	" 'village',0.93,'74.72.01.1001','ok',NULL,NULL,122.605,-5.495),"
	/* coordinate: no */
	"(3,'h3','/data/books/sites.csv',3,'2','Titik','Kel. Sulaa','-5.495, 122.605','ready',"
	" 'coordinate',1.0,'74.72.01.1001','ok',NULL,'74.72.01.1001',122.605,-5.495),"
	/* ambiguous: yes, 2 candidates */
	"(4,'h4','/data/books/sites.csv',4,'3','Ragu','Kel. Sula',NULL,'ready',"
	" 'ambiguous',0.5,NULL,'candidates: ...','74.72.01.1001;74.72.02.1001',NULL,NULL,NULL),"
	/* none: yes, no candidates; a name a spreadsheet would run */
	"(5,'h5','/data/books/sites.csv',5,'4','=HYPERLINK(\"x\")','Lorong Sunyi',NULL,'ready',"
	" 'none',0.0,NULL,'no village found',NULL,NULL,NULL,NULL),"
	/* district Betoambari: yes, its 2 villages */
	"(6,'h6','/data/books/sites.csv',6,'5','Camat','Kec. Betoambari',NULL,'ready',"
	" 'district',0.8,NULL,'only the district',NULL,NULL,122.605,-5.495),"
	/* regency Kota Bau Bau: yes, its 4 villages */
	"(7,'h7','/data/books/sites.csv',7,'6','Kota','Kota Bau Bau',NULL,'ready',"
	" 'regency',0.6,NULL,'only the regency',NULL,NULL,122.615,-5.485),"
	/* coordinate mismatch: yes, Labalawa and Wale */
	"(8,'h8','/data/books/sites.csv',8,'7','Salah Titik','Kel. Labalawa','-5.485, 122.615',"
	" 'ready','village',0.95,'74.72.01.1002','coordinate mismatch: coordinate in"
	" 74.72.02.1002, address names 74.72.01.1002; address used',NULL,'74.72.02.1002',"
	" 122.615,-5.495),"
	/* the note says mismatch, but both villages agree: no */
	"(9,'h9','/data/books/sites.csv',9,'8','Sama','Kel. Sulaa','-5.495, 122.605','ready',"
	" 'village',0.95,'74.72.01.1001','coordinate mismatch: stale text',NULL,"
	" '74.72.01.1001',122.605,-5.495),"
	/* low score: yes */
	"(10,'h10','/data/books/sites.csv',10,'9','Lemah','Kel. Sulah',NULL,'ready',"
	" 'village',0.70,'74.72.01.1001','weak',NULL,NULL,122.605,-5.495),"
	/* at the threshold: no */
	"(11,'h11','/data/books/sites.csv',11,'10','Pas','Kel. Sula',NULL,'ready',"
	" 'village',0.75,'74.72.01.1001','weak',NULL,NULL,122.605,-5.495),"
	/* mismatch and low score: yes, once */
	"(12,'h12','/data/books/sites.csv',12,'11','Dua','Kel. Labalwa','-5.485, 122.605',"
	" 'ready','village',0.60,'74.72.01.1002','coordinate mismatch: coordinate in"
	" 74.72.02.1001',NULL,'74.72.02.1001',122.615,-5.495),"
	/* mismatch with the latitude's minus sign missing: yes, Wale 0 km */
	"(13,'h13','/data/books/sites.csv',13,'12','Utara','Kel. Sulaa','5.485, 122.615',"
	" 'ready','village',0.9,'74.72.01.1001','latitude written without its minus sign,"
	" repaired; coordinate mismatch: coordinate in 74.72.02.1002',NULL,'74.72.02.1002',"
	" 122.605,-5.495),"
	/* decided by the office, row unchanged: no (yes with include_decided) */
	"(14,'h14','/data/books/sites.csv',14,'13','Putus','Kel. Tomba',NULL,'ready',"
	" 'village',1.0,'74.72.02.1001','decided by the office',NULL,NULL,122.605,-5.485),"
	/* decided, but the row changed since: yes */
	"(15,'h15','/data/books/sites.csv',15,'14','Ubah','Kel. Sulaa',NULL,'ready',"
	" 'village',0.9,'74.72.01.1001','ok',NULL,NULL,122.605,-5.495);"
	"INSERT INTO clients(client_id,row_hash,src_file,src_row,alamat,anak,status,"
	"precision,score,kode_desa,geo_note,lon,lat) VALUES"
	"('KLN-1','c1','klien.csv',2,'Kel. Sulaa',0,'active','village',0.9,'74.72.01.1001',"
	" 'ok',122.605,-5.495),"
	"('KLN-2','c2','klien.csv',3,'Lorong Sunyi',0,'active','none',0.0,NULL,'none',NULL,NULL),"
	"('KLN-3','c3','klien.csv',4,'Kel. Tombaa',0,'active','village',0.5,'74.72.02.1001',"
	" 'weak',122.605,-5.485);"
	"INSERT INTO decisions(kind,src_file,src_sheet,src_row,row_hash,kode_desa,decided_at,"
	"source) VALUES"
	"('site','sites.csv','',14,'h14','74.72.02.1001','2026-08-01T10:00:00Z','putusan.xlsx'),"
	"('site','sites.csv','Buku',15,'h15old','74.72.02.1002','2026-08-01T10:00:00Z','putusan.xlsx');"
	/* row 15 comes from the sheet 'Buku' of a workbook */
	"UPDATE sites SET src_sheet='Buku' WHERE site_id=15;";

static jk_store *review_store(jk_ctx *ctx)
{
	jk_store *st = jk_scratch_store(&sc, ctx, "review.sqlite");

	ck_assert_int_eq(jk_store_exec(st, review_store_sql), JK_OK);
	return st;
}

/* Checks the listing of review_store_sql in @p t; @p csv: read from the
 * CSV, where a cell starting with '-' has a leading apostrophe. */
static void check_listing(const sheet *t, int csv)
{
	static const long sites[] = {4, 5, 6, 7, 8, 10, 12, 13, 15};
	static const long clients[] = {3, 4};
	size_t i;
	int r;

	ck_assert_int_eq(t->nrows, 11);
	for (i = 0; i < sizeof sites / sizeof sites[0]; i++)
		ck_assert_msg(sheet_find(t, "lokasi", sites[i]) >= 0, "site row %ld missing", sites[i]);
	for (i = 0; i < sizeof clients / sizeof clients[0]; i++)
		ck_assert_msg(sheet_find(t, "klien", clients[i]) >= 0, "client row %ld missing",
			      clients[i]);
	/* columns: the fixed ones, four candidate columns (the regency's
	 * four villages), the planner's empty columns */
	ck_assert_int_ge(sheet_col(t, "kandidat_4"), 0);
	ck_assert_int_lt(sheet_col(t, "kandidat_5"), 0);
	ck_assert_int_lt(sheet_col(t, "kode_desa_pilihan"), sheet_col(t, "kandidat_1"));
	ck_assert_int_ge(sheet_col(t, "row_hash"), 0);
	for (r = 0; r < t->nrows; r++) {
		ck_assert_str_eq(cellv(t, r, "kode_desa_pilihan"), "");
		ck_assert_str_eq(cellv(t, r, "catatan_pilihan"), "");
		ck_assert_str_ne(cellv(t, r, "alasan"), "");
		ck_assert_str_ne(cellv(t, r, "reason"), "");
	}
	/* the source row as stored, the file by its base name */
	r = sheet_find(t, "lokasi", 8);
	ck_assert_str_eq(cellv(t, r, "berkas"), "sites.csv");
	ck_assert_str_eq(cellv(t, r, "lembar"), "");
	ck_assert_str_eq(cellv(t, r, "id"), "7");
	ck_assert_str_eq(cellv(t, r, "nama"), "Salah Titik");
	ck_assert_str_eq(cellv(t, r, "koordinat"), csv ? "'-5.485, 122.615" : "-5.485, 122.615");
	ck_assert_str_eq(cellv(t, r, "row_hash"), "h8"); /* not the leftover */
	ck_assert_str_eq(cellv(t, r, "kode_desa_jangkau"), "74.72.01.1002");
	ck_assert_str_eq(cellv(t, r, "desa_jangkau"), "Labalawa (Betoambari, Kota Bau Bau)");
	ck_assert_str_eq(cellv(t, r, "alasan"),
			 "koordinat berada di Wale (Wolio, Kota Bau Bau), alamat menyebut "
			 "Labalawa (Betoambari, Kota Bau Bau)");
	/* 0.005 degree of latitude: 553 m to Labalawa; inside Wale */
	ck_assert_str_eq(cellv(t, r, "kandidat_1"),
			 "74.72.01.1002 Labalawa (Betoambari, Kota Bau Bau) 0,6 km");
	ck_assert_str_eq(cellv(t, r, "kandidat_2"), "74.72.02.1002 Wale (Wolio, Kota Bau Bau) 0,0 km");
	ck_assert_str_eq(cellv(t, r, "kandidat_3"), "");
	/* ambiguous: its candidates, no distance without a coordinate */
	r = sheet_find(t, "lokasi", 4);
	ck_assert_str_eq(cellv(t, r, "alasan"), "alamat cocok dengan beberapa desa");
	ck_assert_str_eq(cellv(t, r, "reason"), "the address fits several villages");
	ck_assert_str_eq(cellv(t, r, "kandidat_1"), "74.72.01.1001 Sulaa (Betoambari, Kota Bau Bau)");
	ck_assert_str_eq(cellv(t, r, "kandidat_2"), "74.72.02.1001 Tomba (Wolio, Kota Bau Bau)");
	ck_assert_str_eq(cellv(t, r, "kandidat_3"), "");
	/* none: no candidates */
	r = sheet_find(t, "lokasi", 5);
	ck_assert_str_eq(cellv(t, r, "alasan"), "alamat tidak dikenali");
	ck_assert_str_eq(cellv(t, r, "kandidat_1"), "");
	/* district: the villages of Betoambari; regency: of Kota Bau Bau */
	r = sheet_find(t, "lokasi", 6);
	ck_assert_str_eq(cellv(t, r, "alasan"), "alamat hanya sampai kecamatan");
	ck_assert_str_eq(cellv(t, r, "kandidat_1"), "74.72.01.1001 Sulaa (Betoambari, Kota Bau Bau)");
	ck_assert_str_eq(cellv(t, r, "kandidat_2"),
			 "74.72.01.1002 Labalawa (Betoambari, Kota Bau Bau)");
	ck_assert_str_eq(cellv(t, r, "kandidat_3"), "");
	r = sheet_find(t, "lokasi", 7);
	ck_assert_str_eq(cellv(t, r, "kandidat_4"), "74.72.02.1002 Wale (Wolio, Kota Bau Bau)");
	/* low score, both reasons, the latitude repaired for the distance */
	r = sheet_find(t, "lokasi", 10);
	ck_assert_str_eq(cellv(t, r, "alasan"), "kecocokan alamat lemah (skor 0,70, batas 0,75)");
	ck_assert_str_eq(cellv(t, r, "reason"), "weak address match (score 0.70, threshold 0.75)");
	ck_assert_str_eq(cellv(t, r, "kandidat_1"), "74.72.01.1001 Sulaa (Betoambari, Kota Bau Bau)");
	r = sheet_find(t, "lokasi", 12);
	ck_assert_ptr_nonnull(strstr(cellv(t, r, "alasan"), "koordinat berada di Tomba"));
	ck_assert_ptr_nonnull(strstr(cellv(t, r, "alasan"), "; kecocokan alamat lemah (skor 0,60"));
	r = sheet_find(t, "lokasi", 13);
	ck_assert_str_eq(cellv(t, r, "kandidat_2"), "74.72.02.1002 Wale (Wolio, Kota Bau Bau) 0,0 km");
	/* a decision whose row changed */
	r = sheet_find(t, "lokasi", 15);
	ck_assert_str_eq(cellv(t, r, "lembar"), "Buku");
	ck_assert_str_eq(cellv(t, r, "alasan"),
			 "keputusan kantor 74.72.02.1002 tanggal 2026-08-01 tidak berlaku lagi: "
			 "isi baris berubah");
	/* clients: the id */
	r = sheet_find(t, "klien", 4);
	ck_assert_str_eq(cellv(t, r, "id"), "KLN-3");
	ck_assert_str_eq(cellv(t, r, "berkas"), "klien.csv");
}

START_TEST(review_lists_rows_to_decide)
{
	jk_ctx *ctx = jk_ctx_create();
	jk_store *st = review_store(ctx);
	jk_review_stats rs;
	jk_review_opts ro = {0, 0};
	char xlsx[400], csv[400];
	char *raw;
	sheet t;

	snprintf(xlsx, sizeof xlsx, "%s/tinjau.xlsx", sc.dir);
	snprintf(csv, sizeof csv, "%s/tinjau.csv", sc.dir);
	ck_assert_int_eq(jk_geocode_review(ctx, st, xlsx, NULL, &rs), JK_OK);
	ck_assert_int_eq(rs.rows, 11);
	ck_assert_int_eq(rs.sites, 9);
	ck_assert_int_eq(rs.clients, 2);
	ck_assert_int_eq(rs.ambiguous, 1);
	ck_assert_int_eq(rs.none, 2);
	ck_assert_int_eq(rs.district, 1);
	ck_assert_int_eq(rs.regency, 1);
	ck_assert_int_eq(rs.mismatch, 3);
	ck_assert_int_eq(rs.low_score, 3);
	ck_assert_int_eq(rs.stale, 1);
	ck_assert_int_eq(rs.decided, 0);
	ck_assert_int_eq(rs.max_candidates, 4);
	ck_assert_int_eq(file_mode(xlsx), 0600);
	sheet_read(&t, xlsx);
	check_listing(&t, 0);
	/* a cell a spreadsheet would run is plain text in a workbook */
	ck_assert_str_eq(cellv(&t, sheet_find(&t, "lokasi", 5), "nama"), "=HYPERLINK(\"x\")");
	sheet_release(&t);

	/* the same as CSV for Excel: BOM, ';', CRLF, a formula defused */
	ck_assert_int_eq(jk_geocode_review(ctx, st, csv, &ro, &rs), JK_OK);
	ck_assert_int_eq(file_mode(csv), 0600);
	raw = jk_test_slurp(sc.dir, "tinjau.csv");
	{
		const char *head = "\xef\xbb\xbf" "jenis_baris;berkas;lembar;baris;id;nama;alamat;";

		ck_assert(strncmp(raw, head, strlen(head)) == 0);
	}
	ck_assert_ptr_nonnull(strstr(raw, "\r\nlokasi;sites.csv;;5;4;\"'=HYPERLINK(\"\"x\"\")\";"));
	ck_assert_ptr_nonnull(strstr(raw, "\r\nlokasi;sites.csv;;8;7;Salah Titik;Kel. Labalawa;;;;'-5.485, 122.615;"));
	ck_assert_ptr_nonnull(strstr(raw, ";74.72.01.1002;Labalawa (Betoambari, Kota Bau Bau);"));
	free(raw);
	sheet_read(&t, csv);
	check_listing(&t, 1);
	sheet_release(&t);

	/* a lower threshold drops the low-score rows that have no other reason */
	ro.min_score = 0.65;
	ck_assert_int_eq(jk_geocode_review(ctx, st, csv, &ro, &rs), JK_OK);
	ck_assert_int_eq(rs.rows, 10);
	ck_assert_int_eq(rs.low_score, 2); /* 0.60 and 0.5 */

	/* with the decided rows: their choice filled in */
	ro.min_score = 0;
	ro.include_decided = 1;
	ck_assert_int_eq(jk_geocode_review(ctx, st, xlsx, &ro, &rs), JK_OK);
	ck_assert_int_eq(rs.rows, 12);
	ck_assert_int_eq(rs.decided, 1);
	sheet_read(&t, xlsx);
	ck_assert_str_eq(cellv(&t, sheet_find(&t, "lokasi", 14), "kode_desa_pilihan"),
			 "74.72.02.1001");
	ck_assert_str_eq(cellv(&t, sheet_find(&t, "lokasi", 14), "alasan"),
			 "sudah diputuskan kantor tanggal 2026-08-01");
	sheet_release(&t);

	/* the geocoder on this store: the decision of row 14 applied, the one
	 * of row 15 (a sheet of a workbook) reported */
	{
		jk_geocode_stats gs;
		char *v;

		jk_ctx_set_log(ctx, jk_scratch_log, &sc);
		ck_assert_int_eq(jk_geocode_run(ctx, st, NULL, &gs), JK_OK);
		ck_assert_int_eq(gs.decided, 1);
		ck_assert_int_eq(gs.stale, 1);
		ck_assert_msg(has_msg("2 sites.csv[Buku]:15: kode_desa_pilihan: the row changed since "
				      "the office chose 74.72.02.1002 on 2026-08-01; the decision is "
				      "not applied"), "got:\n%s", sc.msgs);
		v = query_text(st, "SELECT kode_desa || '|' || precision || '|' || score || '|' ||"
				   " geo_note FROM sites WHERE site_id=14");
		ck_assert_str_eq(v, "74.72.02.1001|village|1.0|decided by the office on 2026-08-01"
				    " (putusan.xlsx)");
		free(v);
	}

	/* not geocoded yet: refused, the file untouched */
	ck_assert_int_eq(jk_store_exec(st, "UPDATE clients SET precision=NULL WHERE client_id='KLN-1'"),
			 JK_OK);
	ck_assert_int_eq(jk_geocode_review(ctx, st, xlsx, NULL, &rs), JK_ERR_STATE);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "not geocoded yet"));
	sheet_read(&t, xlsx);
	ck_assert_int_eq(t.nrows, 12);
	sheet_release(&t);
	ck_assert_int_eq(jk_geocode_review(ctx, st, "x.txt", NULL, &rs), JK_ERR_ARG);
	jk_store_close(st);
	jk_ctx_destroy(ctx);
}
END_TEST

/* ---- the loop on the demo region, through the real geocoder ---- */

struct book {
	jk_ctx *ctx;
	jk_store *st;
	char sites[400], clients[400];
	double uhuwa_lon, uhuwa_lat; /* a point inside Uhuwa (99.01.02.2004) */
};

/* Site rows: ambiguous (Warerada is in two districts), a good village,
 * nothing found, a coordinate (in Uhuwa) disagreeing with the address
 * (Panalu), a district only. @p phone changes the first row's content. */
static void write_sites(struct book *b, const char *phone)
{
	char text[2000], path[400];

	snprintf(text, sizeof text,
		 "no,nama_lokasi,alamat,koordinat,status,telepon\n"
		 "1,Masjid A,\"Desa Warerada, Kabupaten Ranoweta\",,Siap,%s\n"
		 "2,Masjid B,\"Desa Kasambo, Kec. Hika Kagi, Kabupaten Ranoweta\",,Siap,\n"
		 "3,Masjid C,Jl. Tanpa Nama No. 1,,Siap,\n"
		 "4,Masjid D,\"Desa Panalu, Kec. Wotonga, Kabupaten Ranoweta\",\"%.6f, %.6f\",Siap,\n"
		 "5,Masjid E,\"Kecamatan Menuji, Kabupaten Ranoweta\",,Siap,\n",
		 phone, b->uhuwa_lat, b->uhuwa_lon);
	jk_scratch_write(&sc, "lokasi.csv", text, path, sizeof path);
	jk_strlcpy(b->sites, path, sizeof b->sites);
}

static const char *const clients_csv =
	"id_klien,alamat_rumah,anak,status\n"
	"K-1,\"Desa Warerada, Kabupaten Ranoweta\",tidak,aktif\n"
	"K-2,\"Desa Kasambo, Kec. Hika Kagi, Kabupaten Ranoweta\",tidak,aktif\n"
	"K-3,\"Desa Panalu, Kec. Wotonga, Kabupaten Ranoweta\",tidak,aktif\n";

static void book_open(struct book *b)
{
	jk_boundary_opts bo;
	jk_geocode_stats gs;
	sqlite3_stmt *s;

	memset(b, 0, sizeof *b);
	b->ctx = jk_ctx_create();
	jk_ctx_set_log(b->ctx, jk_scratch_log, &sc);
	b->st = jk_scratch_store(&sc, b->ctx, "book.sqlite");
	memset(&bo, 0, sizeof bo);
	bo.aliases = JK_DEMO_DIR "/aliases.csv";
	ck_assert_int_eq(jk_import_boundaries(b->ctx, b->st, JK_DEMO_DIR "/desa.geojson", &bo, NULL),
			 JK_OK);
	ck_assert_int_eq(jk_store_prepare(b->st,
		"SELECT pt_lon, pt_lat FROM villages WHERE kode='99.01.02.2004'", &s), JK_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	b->uhuwa_lon = sqlite3_column_double(s, 0);
	b->uhuwa_lat = sqlite3_column_double(s, 1);
	sqlite3_finalize(s);
	write_sites(b, "");
	jk_scratch_write(&sc, "klien.csv", clients_csv, b->clients, sizeof b->clients);
	ck_assert_int_eq(jk_import_sites(b->ctx, b->st, b->sites, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_import_clients(b->ctx, b->st, b->clients, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_geocode_run(b->ctx, b->st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.decided, 0);
}

static void book_close(struct book *b)
{
	jk_store_close(b->st);
	jk_ctx_destroy(b->ctx);
}

/* The code the test chooses for a review row: the second candidate when
 * there are two (never jangkau's first guess), else the first, else
 * Tanata (99.01.01.2002). */
static const char *choose(const char *k1, const char *k2, char *code)
{
	const char *c = *k2 ? k2 : *k1 ? k1 : "99.01.01.2002";

	jk_strlcpy(code, c, 14);
	return code;
}

/* Fills kode_desa_pilihan of every row of the workbook @p path as
 * choose() says, as a planner in a spreadsheet program would, and saves
 * it. Returns the number of rows. */
static int fill_workbook(const char *path)
{
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRFeatureH f;
	int n = 0, ck, c1, c2, note;

	CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
	CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
	ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL);
	ck_assert_ptr_nonnull(ds);
	lyr = GDALDatasetGetLayer(ds, 0);
	ck = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(lyr), "kode_desa_pilihan");
	c1 = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(lyr), "kandidat_1");
	c2 = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(lyr), "kandidat_2");
	note = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(lyr), "catatan_pilihan");
	ck_assert(ck >= 0 && c1 >= 0 && c2 >= 0 && note >= 0);
	OGR_L_ResetReading(lyr);
	while ((f = OGR_L_GetNextFeature(lyr)) != NULL) {
		char code[16];

		/* a whole candidate cell copied: the code is its first word */
		OGR_F_SetFieldString(f, ck, OGR_F_IsFieldSetAndNotNull(f, c2)
			? OGR_F_GetFieldAsString(f, c2)
			: choose(OGR_F_IsFieldSetAndNotNull(f, c1) ? OGR_F_GetFieldAsString(f, c1) : "",
				 "", code));
		OGR_F_SetFieldString(f, note, "dicek ke lapangan");
		ck_assert_int_eq(OGR_L_SetFeature(lyr, f), OGRERR_NONE);
		OGR_F_Destroy(f);
		n++;
	}
	GDALClose(ds);
	CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", NULL);
	CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", NULL);
	return n;
}

START_TEST(decisions_applied_and_kept)
{
	struct book b;
	jk_review_stats rs;
	jk_decisions_stats ds;
	jk_geocode_stats gs;
	char review[400], *v;
	sheet t;
	int n;

	book_open(&b);
	snprintf(review, sizeof review, "%s/tinjau.xlsx", sc.dir);
	ck_assert_int_eq(jk_geocode_review(b.ctx, b.st, review, NULL, &rs), JK_OK);
	/* the ambiguous, the none, the mismatch and the district site, and
	 * the ambiguous client (Menuji has more than 12 villages) */
	ck_assert_int_eq(rs.sites, 4);
	ck_assert_int_eq(rs.clients, 1);
	ck_assert_int_eq(rs.ambiguous, 2);
	ck_assert_int_eq(rs.mismatch, 1);
	sheet_read(&t, review);
	ck_assert_str_eq(cellv(&t, 0, "kandidat_1"), "99.01.01.2006 Warerada (Wotonga, Kabupaten Ranoweta)");
	ck_assert_str_eq(cellv(&t, 0, "kandidat_2"), "99.01.03.2004 Warerada (Menuji, Kabupaten Ranoweta)");
	sheet_release(&t);

	n = fill_workbook(review);
	ck_assert_int_eq(n, 5);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, review, NULL, &ds), JK_OK);
	ck_assert_int_eq(ds.read, 5);
	ck_assert_int_eq(ds.recorded, 5);
	ck_assert_int_eq(ds.rejected, 0);
	ck_assert_int_eq(jk_store_count(b.st, "decisions"), 5);
	/* the same file again changes nothing */
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, review, NULL, &ds), JK_OK);
	ck_assert_int_eq(ds.unchanged, 5);
	ck_assert_int_eq(ds.recorded + ds.changed, 0);

	/* the next geocoding applies them */
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.decided, 5);
	ck_assert_int_eq(gs.stale, 0);
	ck_assert_int_eq(gs.ambiguous + gs.none + gs.district, 0);
	/* the ambiguous row: the second Warerada, at its point on surface */
	v = query_text(b.st, "SELECT s.kode_desa || '|' || s.precision || '|' || s.score"
			     " || '|' || (s.lon = v.pt_lon AND s.lat = v.pt_lat) || '|' || s.geo_note"
			     " FROM sites s JOIN villages v ON v.kode = s.kode_desa WHERE s.no = '1'");
	ck_assert_ptr_nonnull(v);
	{
		const char *want = "99.01.03.2004|village|1.0|1|decided by the office on ";

		ck_assert_msg(strncmp(v, want, strlen(want)) == 0, "got %s", v);
	}
	ck_assert_ptr_nonnull(strstr(v, " (tinjau.xlsx); note: dicek ke lapangan"));
	free(v);
	/* the mismatch row decided for the coordinate's village: the
	 * coordinate is kept as the point */
	v = query_text(b.st, "SELECT kode_desa || '|' || precision || '|' || geo_note FROM sites"
			     " WHERE no = '4'");
	ck_assert_ptr_nonnull(strstr(v, "99.01.02.2004|coordinate|decided by the office on "));
	ck_assert_ptr_nonnull(strstr(v, "; the given coordinate lies in the chosen village"));
	free(v);
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT abs(lat - (SELECT pt_lat FROM villages WHERE"
					  " kode='99.01.02.2004')) < 1e-6 FROM sites WHERE no='4'"), 1);
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT count(*) FROM clients WHERE client_id='K-1'"
					  " AND kode_desa='99.01.03.2004' AND precision='village'"), 1);

	/* a re-import of the same book: same keys and contents, kept */
	ck_assert_int_eq(jk_import_sites(b.ctx, b.st, b.sites, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_import_clients(b.ctx, b.st, b.clients, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.decided, 5);
	ck_assert_int_eq(gs.stale, 0);
	ck_assert(!has_msg("kode_desa_pilihan"));
	/* nothing left to decide; the decided rows on request */
	ck_assert_int_eq(jk_geocode_review(b.ctx, b.st, review, NULL, &rs), JK_OK);
	ck_assert_int_eq(rs.rows, 0);
	{
		jk_review_opts ro = {0, 1};

		ck_assert_int_eq(jk_geocode_review(b.ctx, b.st, review, &ro, &rs), JK_OK);
		ck_assert_int_eq(rs.rows, 5);
		ck_assert_int_eq(rs.decided, 5);
	}
	book_close(&b);
}
END_TEST

START_TEST(changed_row_reported_not_applied)
{
	struct book b;
	jk_review_stats rs;
	jk_decisions_stats ds;
	jk_geocode_stats gs;
	char review[400], msg[300], *v;
	long row;
	sheet t;
	int r;

	book_open(&b);
	snprintf(review, sizeof review, "%s/tinjau.xlsx", sc.dir);
	ck_assert_int_eq(jk_geocode_review(b.ctx, b.st, review, NULL, &rs), JK_OK);
	fill_workbook(review);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, review, NULL, &ds), JK_OK);
	ck_assert_int_eq(ds.recorded, 5);
	row = jk_test_query_long(b.st, "SELECT src_row FROM sites WHERE no='1'");

	/* the office edits the first row of its book and imports it again */
	write_sites(&b, "0812-0000-1111");
	ck_assert_int_eq(jk_import_sites(b.ctx, b.st, b.sites, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.stale, 1);
	ck_assert_int_eq(gs.decided, 5); /* four rows, and the leftover of the edited one */
	snprintf(msg, sizeof msg,
		 "2 lokasi.csv:%ld: kode_desa_pilihan: the row changed since the office chose "
		 "99.01.03.2004 on ", row);
	ck_assert_msg(has_msg(msg), "no warning '%s' in:\n%s", msg, sc.msgs);
	/* the row now at that position keeps the matcher's result */
	v = query_text(b.st, "SELECT precision || '|' || geo_note FROM sites WHERE no='1'"
			     " AND telepon IS NOT NULL");
	ck_assert_msg(strncmp(v, "ambiguous|candidates: ", 22) == 0, "got %s", v);
	free(v);
	/* the review lists it again, and only it */
	ck_assert_int_eq(jk_geocode_review(b.ctx, b.st, review, NULL, &rs), JK_OK);
	ck_assert_int_eq(rs.rows, 1);
	ck_assert_int_eq(rs.stale, 1);
	sheet_read(&t, review);
	r = sheet_find(&t, "lokasi", row);
	ck_assert_int_eq(r, 0);
	ck_assert_ptr_nonnull(strstr(cellv(&t, r, "alasan"), "tidak berlaku lagi: isi baris berubah"));
	sheet_release(&t);
	/* deciding it again replaces the decision; the warning is gone */
	fill_workbook(review);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, review, NULL, &ds), JK_OK);
	ck_assert_int_eq(ds.changed, 1);
	free(sc.msgs);
	sc.msgs = NULL;
	sc.len = sc.cap = 0;
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.stale, 0);
	ck_assert(!has_msg("kode_desa_pilihan"));
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT count(*) FROM sites WHERE no='1' AND telepon"
					  " IS NOT NULL AND precision='village' AND"
					  " kode_desa='99.01.03.2004'"), 1);
	book_close(&b);
}
END_TEST

START_TEST(gone_row_reported)
{
	struct book b;
	jk_decisions_stats ds;
	jk_geocode_stats gs;
	char text[1200], path[400], msg[300];
	long row;

	book_open(&b);
	/* a decision written by hand, ','-separated, without row_hash (the
	 * row's content now is remembered), for the last site (a district) */
	row = jk_test_query_long(b.st, "SELECT src_row FROM sites WHERE no='5'");
	snprintf(text, sizeof text,
		 "jenis_baris,berkas,lembar,baris,kode_desa_pilihan\n"
		 "lokasi,lokasi.csv,,%ld,99.01.03.2004\n", row);
	jk_scratch_write(&sc, "putusan.csv", text, path, sizeof path);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, path, NULL, &ds), JK_OK);
	ck_assert_int_eq(ds.recorded, 1);
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.decided, 1);
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT count(*) FROM sites WHERE no='5'"
					  " AND kode_desa='99.01.03.2004' AND precision='village'"), 1);
	/* the office deletes the third row of its book: the rows below move
	 * up, and nothing is at the decided row any more */
	snprintf(text, sizeof text,
		 "no,nama_lokasi,alamat,koordinat,status,telepon\n"
		 "1,Masjid A,\"Desa Warerada, Kabupaten Ranoweta\",,Siap,\n"
		 "2,Masjid B,\"Desa Kasambo, Kec. Hika Kagi, Kabupaten Ranoweta\",,Siap,\n"
		 "4,Masjid D,\"Desa Panalu, Kec. Wotonga, Kabupaten Ranoweta\",\"%.6f, %.6f\",Siap,\n"
		 "5,Masjid E,\"Kecamatan Menuji, Kabupaten Ranoweta\",,Siap,\n",
		 b.uhuwa_lat, b.uhuwa_lon);
	jk_scratch_write(&sc, "lokasi.csv", text, path, sizeof path);
	ck_assert_int_eq(jk_import_sites(b.ctx, b.st, path, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT src_row FROM sites WHERE no='5'"), row - 1);
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, &gs), JK_OK);
	ck_assert_int_eq(gs.stale, 1);
	ck_assert_int_eq(gs.decided, 0);
	snprintf(msg, sizeof msg,
		 "2 lokasi.csv:%ld: kode_desa_pilihan: no such site row in the store any more; "
		 "the office's choice 99.01.03.2004 of ", row);
	ck_assert_msg(has_msg(msg), "no warning '%s' in:\n%s", msg, sc.msgs);
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT count(*) FROM sites WHERE no='5'"
					  " AND kode_desa IS NULL AND precision='district'"), 1);
	book_close(&b);
}
END_TEST

START_TEST(invalid_decisions_rejected)
{
	struct book b;
	jk_decisions_stats ds;
	jk_decisions_opts o = {NULL, 0, 1};
	char text[1500], path[400], review[400];
	jk_review_stats rs;
	long r1, r2;
	sheet t;

	book_open(&b);
	r1 = jk_test_query_long(b.st, "SELECT src_row FROM sites WHERE no='1'");
	r2 = jk_test_query_long(b.st, "SELECT src_row FROM sites WHERE no='2'");
	/* ';'-separated with a BOM, as the review CSV; spreadsheet rows
	 * 2.. are the data rows */
	snprintf(text, sizeof text,
		 "\xef\xbb\xbf" "jenis_baris;berkas;lembar;baris;kode_desa_pilihan;catatan_pilihan\r\n"
		 "lokasi;lokasi.csv;;%ld;Warerada;\r\n"                 /* 2: not a code */
		 "lokasi;lokasi.csv;;%ld;99.01.03.9999;\r\n"            /* 3: not a village */
		 "gedung;lokasi.csv;;%ld;99.01.03.2004;\r\n"            /* 4: kind */
		 "lokasi;lokasi.csv;;999;99.01.03.2004;\r\n"            /* 5: no such row */
		 "lokasi;lokasi.csv;;x;99.01.03.2004;\r\n"              /* 6: not a number */
		 "lokasi;lokasi.csv;;%ld;99.01.03.2004 Warerada (Menuji);caf\xe9\r\n" /* 7: good,
										  * Windows-1252 */
		 "lokasi;/elsewhere/lokasi.csv;;%ld;99.01.01.2006;\r\n" /* 8: same row again */
		 "lokasi;lokasi.csv;;%ld;;\r\n",                        /* 9: undecided */
		 r1, r1, r1, r1, r1, r2);
	jk_scratch_write(&sc, "putusan.csv", text, path, sizeof path);
	/* strict: nothing recorded */
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, path, &o, &ds), JK_ERR_REJECTED);
	ck_assert_int_eq(jk_store_count(b.st, "decisions"), 0);
	o.strict = 0;
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, path, &o, &ds), JK_OK);
	ck_assert_int_eq(ds.read, 8);
	ck_assert_int_eq(ds.rejected, 6);
	ck_assert_int_eq(ds.recorded, 1);
	ck_assert_int_eq(ds.undecided, 1);
	ck_assert(has_msg("/putusan.csv:2: kode_desa_pilihan: 'Warerada' is not a village code"));
	ck_assert(has_msg("putusan.csv:3: kode_desa_pilihan: '99.01.03.9999' is not a village in the store"));
	ck_assert(has_msg("putusan.csv:4: jenis_baris: 'gedung' is not lokasi or klien"));
	ck_assert(has_msg("putusan.csv:5: baris: no lokasi row lokasi.csv:999 in the store"));
	ck_assert(has_msg("putusan.csv:6: baris: 'x' is not a row number"));
	ck_assert(has_msg("putusan.csv:8: baris: the same source row as row 7"));
	ck_assert_int_eq(jk_test_query_long(b.st, "SELECT count(*) FROM decisions WHERE kind='site'"
					  " AND src_file='lokasi.csv' AND kode_desa='99.01.03.2004'"
					  " AND note='caf\xc3\xa9' AND source='putusan.csv'"), 1);
	/* not a review file */
	jk_scratch_write(&sc, "lain.csv", "a,b\n1,2\n", path, sizeof path);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, path, NULL, &ds), JK_ERR_FORMAT);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(b.ctx), "no column 'jenis_baris', 'berkas', "
						       "'baris', 'kode_desa_pilihan'"));

	/* a review file older than the book: its row changed since (the
	 * decided rows listed too, so that row 1 is in it) */
	snprintf(review, sizeof review, "%s/tinjau.xlsx", sc.dir);
	{
		jk_review_opts ro = {0, 1};

		ck_assert_int_eq(jk_geocode_review(b.ctx, b.st, review, &ro, &rs), JK_OK);
	}
	write_sites(&b, "0812-0000-2222");
	ck_assert_int_eq(jk_import_sites(b.ctx, b.st, b.sites, NULL, NULL), JK_OK);
	ck_assert_int_eq(jk_geocode_run(b.ctx, b.st, NULL, NULL), JK_OK);
	fill_workbook(review);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, review, NULL, &ds), JK_OK);
	ck_assert_int_eq(ds.rejected, 1);
	sheet_read(&t, review);
	{
		char msg[300];

		snprintf(msg, sizeof msg, "tinjau.xlsx:%d: row_hash: the source row lokasi.csv:%ld "
			 "changed since the review file was written; not recorded",
			 sheet_find(&t, "lokasi", r1) + 2, r1);
		ck_assert_msg(has_msg(msg), "no message '%s' in:\n%s", msg, sc.msgs);
	}
	sheet_release(&t);

	/* replace: the file is the whole list */
	jk_scratch_write(&sc, "kosong.csv", "jenis_baris,berkas,lembar,baris,kode_desa_pilihan\n",
			 path, sizeof path);
	o.replace = 1;
	ck_assert_int_gt(jk_store_count(b.st, "decisions"), 0);
	ck_assert_int_eq(jk_import_decisions(b.ctx, b.st, path, &o, &ds), JK_OK);
	ck_assert_int_gt(ds.cleared, 0);
	ck_assert_int_eq(jk_store_count(b.st, "decisions"), 0);
	book_close(&b);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("decisions");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, review_lists_rows_to_decide);
	tcase_add_test(tc, decisions_applied_and_kept);
	tcase_add_test(tc, changed_row_reported_not_applied);
	tcase_add_test(tc, gone_row_reported);
	tcase_add_test(tc, invalid_decisions_rejected);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(suite());
}
