/* SPDX-License-Identifier: MIT */
/*
 * The shared store fixture of the output tests (fixture.h). The rows are
 * chosen to exercise the layer contract and the report: clockwise rings
 * that the RFC 7946 writer must turn, a regency of two districts next to
 * one of a single district, a site whose name needs escaping and quoting,
 * one that a spreadsheet would run as a formula, sites and clients without
 * a village, a client home that must never leak, and coverage results with
 * NULL distances.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdal.h>

#include "store/store.h"

#include "fixture.h"
#include "store/store.h"

/* Village squares of 0.01 degree with CLOCKWISE exterior rings, so that
 * the RFC 7946 writer must turn them. */
#define SQ(x0, y0, x1, y1) \
	"((" #x0 " " #y0 ", " #x0 " " #y1 ", " #x1 " " #y1 ", " #x1 " " #y0 \
	", " #x0 " " #y0 "))"

static const char *const fixture_sql =
	"INSERT INTO villages(kode,nama,kecamatan,kabupaten,provinsi,kode_kec,"
	"kode_kab,kode_prov,pt_lon,pt_lat,geom,pt) VALUES"
	"('74.72.01.1001','Sulaa','Betoambari','Kota Bau Bau','Sulawesi Tenggara',"
	" '74.72.01','74.72','74',122.605,-5.495,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.60, -5.50, 122.61, -5.49) ")',4326),"
	" MakePoint(122.605,-5.495,4326)),"
	"('74.72.01.1002','Labalawa','Betoambari','Kota Bau Bau','Sulawesi Tenggara',"
	" '74.72.01','74.72','74',122.615,-5.495,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.61, -5.50, 122.62, -5.49) ")',4326),"
	" MakePoint(122.615,-5.495,4326)),"
	"('74.72.02.1001','Tomba','Wolio','Kota Bau Bau','Sulawesi Tenggara',"
	" '74.72.02','74.72','74',122.605,-5.485,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.60, -5.49, 122.61, -5.48) ")',4326),"
	" MakePoint(122.605,-5.485,4326)),"
	"('74.72.02.1002','Wale','Wolio','Kota Bau Bau','Sulawesi Tenggara',"
	" '74.72.02','74.72','74',122.615,-5.485,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.61, -5.49, 122.62, -5.48) ")',4326),"
	" MakePoint(122.615,-5.485,4326)),"
	"('74.04.01.2001','Lasalimu','Lasalimu','Kabupaten Buton','Sulawesi Tenggara',"
	" '74.04.01','74.04','74',122.905,-5.295,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.90, -5.30, 122.91, -5.29) ","
	SQ(122.92, -5.30, 122.93, -5.29) ")',4326),"
	" MakePoint(122.905,-5.295,4326)),"
	"('74.04.01.2002','Kinapani','Lasalimu','Kabupaten Buton','Sulawesi Tenggara',"
	" '74.04.01','74.04','74',122.905,-5.285,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.90, -5.29, 122.91, -5.28) ")',4326),"
	" MakePoint(122.905,-5.285,4326)),"
	"('74.04.01.2003','Sampolawa','Lasalimu','Kabupaten Buton','Sulawesi Tenggara',"
	" '74.04.01','74.04','74',122.915,-5.285,"
	" GeomFromText('MULTIPOLYGON(" SQ(122.91, -5.29, 122.92, -5.28) ")',4326),"
	" MakePoint(122.915,-5.285,4326));"

	"INSERT INTO sites(site_id,row_hash,src_file,src_row,no,nama,jenis,alamat,"
	"status,kapasitas,anak_ok,kode_desa,precision,score,geo_note,coord_kode,"
	"lon,lat,geom) VALUES"
	"(1,'h1','sites.csv',2,'1','Masjid Babussalam','masjid','Jl. Bhakti, Kel. Sulaa',"
	" 'ready',2,1,'74.72.01.1001','coordinate',1.0,NULL,'74.72.01.1001',"
	" 122.6012,-5.4987,MakePoint(122.6012,-5.4987,4326)),"
	"(2,'h2','sites.csv',3,'2','Kantor Lurah Sulaa','kantor','Kel. Sulaa',"
	" 'ready',3,0,'74.72.01.1001','village',0.93456,NULL,NULL,"
	" 122.605,-5.495,MakePoint(122.605,-5.495,4326)),"
	"(3,'h3','sites.csv',4,'3','Masjid \"Al-Ikhlas\", <Baru> & Co','masjid',"
	" 'Kel. Tomba','not_ready',4,NULL,'74.72.02.1001','village',0.8,NULL,NULL,"
	" 122.605,-5.485,MakePoint(122.605,-5.485,4326)),"
	"(4,'h4','sites.csv',5,'4','SD Negeri 2 Labalawa','sekolah','Kel. Labalawa',"
	" 'ready',2,1,'74.72.01.1002','village',0.9,"
	" 'coordinate lies in 74.72.01.1001, the address names Labalawa','74.72.01.1001',"
	" 122.615,-5.495,MakePoint(122.615,-5.495,4326)),"
	"(5,'h5','sites.csv',6,'5','=1+2','fasum',NULL,"
	" 'unknown',NULL,NULL,NULL,'none',0.0,'no village found',NULL,NULL,NULL,NULL),"
	"(6,'h6','sites.csv',7,'6','Pantai Lakeba \xe2\x80\x93 Caf\xc3\xa9','pantai',"
	" 'Kec. Betoambari','ready',5,0,NULL,'district',0.5,"
	" 'only the district Betoambari found',NULL,NULL,NULL,NULL),"
	"(7,'h7','sites.csv',8,'7','Posyandu Tulip','posyandu',"
	" 'Jl. Kenanga, Kel. Tomba, Kec. Wolio','ready',NULL,1,'74.72.01.1001',"
	" 'coordinate',0.7,'coordinate disagrees with the address (Tomba)',"
	" '74.72.01.1001',122.6055,-5.4933,MakePoint(122.6055,-5.4933,4326));"

	"INSERT INTO clients(client_id,row_hash,src_file,src_row,alamat,anak,status,"
	"kode_desa,precision,score,lon,lat,geom) VALUES"
	"('KLN-2026-0001','c1','clients.csv',2,'Jl. Rahasia No. 7, Kel. Sulaa',0,"
	" 'active','74.72.01.1001','coordinate',1.0,122.60777,-5.49111,"
	" MakePoint(122.60777,-5.49111,4326)),"
	"('KLN-2026-0002','c2','clients.csv',3,'Jl. Sunyi 3, Kel. Tomba',1,"
	" 'active','74.72.02.1001','village',0.9,122.605,-5.485,"
	" MakePoint(122.605,-5.485,4326)),"
	"('KLN-2026-0003','c3','clients.csv',4,'Lorong Tanpa Nama',0,"
	" 'active',NULL,'none',0.0,NULL,NULL,NULL),"
	"('KLN-2026-0004','c4','clients.csv',5,'Jl. Sepi 9, Kel. Labalawa',0,"
	" 'finished','74.72.01.1002','coordinate',1.0,122.61888,-5.49444,"
	" MakePoint(122.61888,-5.49444,4326));"

	"INSERT INTO coverage(kode,status,n_ready,n_pending,cap_ready,demand,"
	"near_site,near_km,status_ak,n_ready_ak,near_ak,near_ak_km) VALUES"
	"('74.72.01.1001','covered',3,0,5,13,1,0.0,'covered',1,1,0.0),"
	"('74.72.01.1002','covered',1,0,2,0,4,0.0,'covered',1,4,0.0),"
	"('74.72.02.1001','pending',0,1,0,21,1,7.5,'gap',0,NULL,NULL),"
	"('74.72.02.1002','reachable',0,0,0,8,4,2.3456,'reachable',0,4,2.3456),"
	"('74.04.01.2001','gap',0,0,0,1500,1,12.34,'gap',0,1,12.34),"
	"('74.04.01.2002','gap',0,0,0,21,NULL,NULL,'gap',0,NULL,NULL),"
	"('74.04.01.2003','gap',0,0,0,21,1,9.87,'gap',0,1,9.87);"

	"INSERT INTO client_links(client_id,site_id,dist_km,in_reach,note) VALUES"
	"('KLN-2026-0001',1,0.789,1,NULL),"
	"('KLN-2026-0002',4,6.5432,0,NULL),"
	"('KLN-2026-0003',NULL,NULL,NULL,'no suitable site');"

	"INSERT INTO runs(step,at,params) VALUES"
	"('coverage','2026-07-31T02:00:00Z','radius_km=5');"
	"INSERT INTO meta(key,value) VALUES('radius_km','5');";

static void log_cb(void *user, jk_level level, const char *msg)
{
	jk_fixture *fx = user;

	if (level >= JK_LOG_WARN) {
		fx->n_warn++;
		snprintf(fx->last_warn, sizeof fx->last_warn, "%s", msg);
	}
}

void jk_fixture_exec(jk_fixture *fx, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(fx->st->db, sql, NULL, NULL, &err);

	ck_assert_msg(rc == SQLITE_OK, "fixture SQL failed: %s",
		      err ? err : "?");
	sqlite3_free(err);
}

long jk_fixture_count(jk_fixture *fx, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long n = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(fx->st->db, sql, -1, &s, NULL),
			 SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

void jk_test_rm_rf(const char *path)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	char sub[1200];

	if (lstat(path, &sb) != 0)
		return;
	if (S_ISDIR(sb.st_mode)) {
		d = opendir(path);
		if (d) {
			while ((e = readdir(d)) != NULL) {
				if (!strcmp(e->d_name, ".") ||
				    !strcmp(e->d_name, ".."))
					continue;
				snprintf(sub, sizeof sub, "%s/%s", path,
					 e->d_name);
				jk_test_rm_rf(sub);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

char *jk_test_slurp_len(const char *dir, const char *name, size_t *len)
{
	char path[1200];
	FILE *f;
	long n;
	char *buf;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq((long)fread(buf, 1, (size_t)n, f), n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

char *jk_test_slurp(const char *dir, const char *name)
{
	return jk_test_slurp_len(dir, name, NULL);
}

jk_fixture *jk_fixture_create(const char *name, const char *outsub)
{
	jk_fixture *fx = calloc(1, sizeof *fx);
	char path[700];

	ck_assert_ptr_nonnull(fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/jk_test_%s_XXXXXX", name);
	ck_assert_ptr_nonnull(mkdtemp(fx->dir));
	snprintf(path, sizeof path, "%s/store.sqlite", fx->dir);
	snprintf(fx->out, sizeof fx->out, "%s/%s", fx->dir, outsub);
	fx->ctx = jk_ctx_create();
	ck_assert_ptr_nonnull(fx->ctx);
	ck_assert_int_eq(jk_store_open(fx->ctx, path, &fx->st), JK_OK);
	jk_ctx_set_log(fx->ctx, log_cb, fx);
	jk_fixture_exec(fx, fixture_sql);
	ck_assert_int_eq(jk_fixture_count(fx, "SELECT count(*) FROM villages"
					  " WHERE geom IS NULL OR pt IS NULL"),
			 0);
	GDALAllRegister();
	return fx;
}

void jk_fixture_destroy(jk_fixture *fx)
{
	if (!fx)
		return;
	jk_store_close(fx->st);
	jk_ctx_destroy(fx->ctx);
	if (!getenv("JK_TEST_KEEP"))
		jk_test_rm_rf(fx->dir);
	free(fx);
}

void jk_scratch_init(jk_scratch *sc, const char *name)
{
	memset(sc, 0, sizeof *sc);
	snprintf(sc->dir, sizeof sc->dir, "/tmp/jk_%s_XXXXXX", name);
	ck_assert_ptr_nonnull(mkdtemp(sc->dir));
}

void jk_scratch_release(jk_scratch *sc)
{
	if (!getenv("JK_TEST_KEEP"))
		jk_test_rm_rf(sc->dir);
	free(sc->msgs);
	memset(sc, 0, sizeof *sc);
}

void jk_scratch_log(void *user, jk_level level, const char *msg)
{
	jk_scratch *sc = user;
	size_t n = strlen(msg) + 16;

	if (sc->len + n + 1 > sc->cap) {
		size_t cap = (sc->cap ? sc->cap * 2 : 4096) + n;
		char *p = realloc(sc->msgs, cap);

		ck_assert_ptr_nonnull(p);
		sc->msgs = p;
		sc->cap = cap;
	}
	sc->len += (size_t)snprintf(sc->msgs + sc->len, sc->cap - sc->len, "%d %s\n",
				    (int)level, msg);
}

int jk_scratch_has(const jk_scratch *sc, const char *needle)
{
	return sc->msgs && strstr(sc->msgs, needle) != NULL;
}

jk_store *jk_scratch_store(jk_scratch *sc, jk_ctx *ctx, const char *name)
{
	char path[400];
	jk_store *st = NULL;

	snprintf(path, sizeof path, "%s/%s", sc->dir, name);
	ck_assert_int_eq(jk_store_open(ctx, path, &st), JK_OK);
	return st;
}

void jk_scratch_write(jk_scratch *sc, const char *name, const char *text,
		      char *path, size_t pathlen)
{
	FILE *f;

	snprintf(path, pathlen, "%s/%s", sc->dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

int jk_test_main(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

long jk_test_query_long(jk_store *st, const char *sql)
{
	sqlite3_stmt *s;
	long v = -1;

	ck_assert_int_eq(jk_store_prepare(st, sql, &s), JK_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

uint64_t jk_test_rng(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
