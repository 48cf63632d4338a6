/* SPDX-License-Identifier: MIT */
/*
 * gen_points: benchmark data generator for jangkau.
 *
 * Reads a village polygon layer (the national Kemendagri GeoPackage, layer
 * "desa") and writes N work sites and M clients as CSV files in the column
 * format of a Bapas office book, so that the benchmark imports them through
 * the same path as real data. Each point lies uniformly at random inside a
 * village: a village is picked uniformly at random among all villages, then
 * a point is rejection-sampled in the village's envelope against a prepared
 * geometry. A side file records each point's true village code for sanity
 * checks of geocoding.
 *
 * Output is deterministic for a given seed and input: random numbers come
 * from splitmix64 streams of our own, never from libc. Attribute and village
 * draws use one stream in point order; the sampling inside a village uses a
 * stream derived from the seed and the village's position, so the order in
 * which villages are visited does not change a single digit.
 *
 * Coordinates are rounded to the 6 decimals written before the containment
 * test, so the written point is the tested point. Invalid polygons (23 in
 * the national file) are repaired with GEOS make-valid before sampling.
 *
 * Clients: 15% children ("Pidana Pelayanan Masyarakat", 8-120 hours), the
 * others "Pidana Kerja Sosial", 8-240 hours.
 *
 * Usage: gen_points [-s SEED] [-n SITES] [-m CLIENTS] [-r READY%]
 *                   [-l LAYER] -o OUTDIR VILLAGES.gpkg
 * Writes OUTDIR/sites.csv, OUTDIR/clients.csv and OUTDIR/truth.csv.
 *
 * A benchmark tool, not part of the library: it prints and exits freely.
 */
#define GEOS_USE_ONLY_R_API
#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <geos_c.h>
#include <ogr_api.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/csv.h"

#define MAX_TRIES_PER_POINT 10000000L

/* ---- random numbers ---- */

typedef struct rng {
	uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double rng_unit(rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform integer in [lo, hi]. The modulo bias is below 2^-40 here. */
static long rng_range(rng *r, long lo, long hi)
{
	return lo + (long)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* An independent stream for village @p idx: mixing the index through one
 * splitmix64 step keeps neighbouring villages' streams uncorrelated. */
static rng rng_for_village(uint64_t seed, size_t idx)
{
	rng m = {seed ^ (0xD1B54A32D192ED03ULL * (uint64_t)(idx + 1))};
	rng r = {rng_next(&m)};
	return r;
}

/* ---- small helpers ---- */

static void die(const char *fmt, ...)
{
	va_list ap;
	fputs("gen_points: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *p = xcalloc(n, 1);
	memcpy(p, s ? s : "", n);
	return p;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Writes one CSV field through jangkau's one CSV writer (src/core/csv.h:
 * RFC 4180, quoted only when needed), LF line ends; the row goes out with
 * its last field. No formula guard: these are input files, like an
 * office's own spreadsheet. One row at a time (the tool is one thread). */
static void csv_field(FILE *f, const char *s, int last)
{
	static jk_buf row;
	static jk_csvw w;

	if (!w.out)
		jk_csvw_init(&w, &row, JK_CSV_LF);
	jk_csvw_text(&w, s);
	if (!last)
		return;
	jk_csvw_end_row(&w);
	if (row.oom)
		die("out of memory");
	fwrite(jk_buf_str(&row), 1, row.len, f);
	jk_buf_reset(&row);
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof path)
		die("output path too long: '%s/%s'", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write '%s': %s", path, strerror(errno));
	return f;
}

static void close_out(FILE *f, const char *name)
{
	if (ferror(f) | fclose(f))
		die("write error on '%s'", name);
}

static long parse_count(const char *s, const char *what)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < 0)
		die("%s: '%s' is not a non-negative integer", what, s);
	return v;
}

/* ---- villages ---- */

typedef struct village {
	char *kode, *nama, *kecamatan, *kabupaten;
} village;

typedef struct point {
	double lat, lon;
} point;

static void geos_msg(const char *fmt, ...)
{
	va_list ap;
	fputs("gen_points: geos: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Rounds to the 6 decimals that the CSV carries. */
static double round6(double v)
{
	return round(v * 1e6) / 1e6;
}

/*
 * Samples @p k points inside @p g (owned by the caller) into @p out, using
 * the village's own stream. Returns the number of candidate points tried.
 */
static long sample_in(GEOSContextHandle_t h, const GEOSGeometry *g, rng *r, point *out,
		      const size_t *which, size_t k, const char *kode)
{
	double x0, y0, x1, y1;
	long tries = 0;
	if (!GEOSGeom_getXMin_r(h, g, &x0) || !GEOSGeom_getYMin_r(h, g, &y0) ||
	    !GEOSGeom_getXMax_r(h, g, &x1) || !GEOSGeom_getYMax_r(h, g, &y1))
		die("village '%s': no envelope", kode);
	const GEOSPreparedGeometry *pg = GEOSPrepare_r(h, g);
	if (!pg)
		die("village '%s': cannot prepare geometry", kode);
	for (size_t j = 0; j < k; j++) {
		long t = 0;
		for (;;) {
			if (++t > MAX_TRIES_PER_POINT)
				die("village '%s': no point found inside after %ld tries", kode,
				    MAX_TRIES_PER_POINT);
			double x = round6(x0 + rng_unit(r) * (x1 - x0));
			double y = round6(y0 + rng_unit(r) * (y1 - y0));
			/* GEOSPreparedContainsXY_r would avoid the point
			 * object, but needs GEOS 3.12; Debian 12 has 3.11. */
			GEOSGeometry *p = GEOSGeom_createPointFromXY_r(h, x, y);
			if (!p)
				die("village '%s': cannot create a point", kode);
			char in = GEOSPreparedContains_r(h, pg, p);
			GEOSGeom_destroy_r(h, p);
			if (in == 2)
				die("village '%s': containment test failed", kode);
			if (in) {
				out[which[j]].lon = x;
				out[which[j]].lat = y;
				break;
			}
		}
		tries += t;
	}
	GEOSPreparedGeom_destroy_r(h, pg);
	return tries;
}

/* ---- output ---- */

static const char *const JENIS[] = {"Masjid",	"Musholla",    "Gereja",    "Pura",	"Vihara",
				    "Sekolah",	"Kantor Desa", "Puskesmas", "Posyandu", "Pasar",
				    "Lapangan", "TPU",	       "Taman",	    "Pantai"};
static const char *const KEGIATAN[] = {"Kebersihan",	     "Pertamanan",
				       "Perawatan bangunan", "Kebersihan; Pertamanan",
				       "Administrasi",	     "Kebersihan; Perawatan bangunan"};

static void village_alamat(char *buf, size_t n, const village *v)
{
	snprintf(buf, n, "Desa %s, Kec. %s, %s", v->nama, v->kecamatan, v->kabupaten);
}

static void write_sites(const char *dir, const village *vs, const size_t *vill, const point *pt,
			size_t n, int ready_pct, rng *r, FILE *truth)
{
	FILE *f = open_out(dir, "sites.csv");
	char buf[1024];
	fputs("no,nama_lokasi,jenis,alamat,desa_kelurahan,kecamatan,"
	      "kabupaten_kota,koordinat,status,kapasitas,kegiatan,ramah_anak,"
	      "penanggung_jawab,telepon,keterangan\n",
	      f);
	for (size_t i = 0; i < n; i++) {
		const village *v = &vs[vill[i]];
		const char *jenis =
		    JENIS[rng_range(r, 0, (long)(sizeof JENIS / sizeof *JENIS) - 1)];
		int ready = rng_range(r, 0, 99) < ready_pct;
		long kap = rng_range(r, 1, 6);
		const char *keg =
		    KEGIATAN[rng_range(r, 0, (long)(sizeof KEGIATAN / sizeof *KEGIATAN) - 1)];
		int anak = rng_range(r, 0, 1);
		long tel = rng_range(r, 100000000L, 999999999L);

		snprintf(buf, sizeof buf, "%zu", i + 1);
		csv_field(f, buf, 0);
		snprintf(buf, sizeof buf, "%s %s %zu", jenis, v->nama, i + 1);
		csv_field(f, buf, 0);
		csv_field(f, jenis, 0);
		village_alamat(buf, sizeof buf, v);
		csv_field(f, buf, 0);
		csv_field(f, v->nama, 0);
		csv_field(f, v->kecamatan, 0);
		csv_field(f, v->kabupaten, 0);
		snprintf(buf, sizeof buf, "%.6f, %.6f", pt[i].lat, pt[i].lon);
		csv_field(f, buf, 0);
		csv_field(f, ready ? "Siap" : "Belum Siap", 0);
		snprintf(buf, sizeof buf, "%ld", kap);
		csv_field(f, buf, 0);
		csv_field(f, keg, 0);
		csv_field(f, anak ? "ya" : "tidak", 0);
		snprintf(buf, sizeof buf, "Pengurus %s %s", jenis, v->nama);
		csv_field(f, buf, 0);
		snprintf(buf, sizeof buf, "08%ld", tel);
		csv_field(f, buf, 0);
		csv_field(f, "data benchmark", 1);

		fprintf(truth, "site,%zu,%s,%.6f,%.6f\n", i + 1, v->kode, pt[i].lat, pt[i].lon);
	}
	close_out(f, "sites.csv");
}

static void write_clients(const char *dir, const village *vs, const size_t *vill, const point *pt,
			  size_t n, rng *r, FILE *truth)
{
	FILE *f = open_out(dir, "clients.csv");
	char buf[1024];
	fputs("id_klien,alamat_rumah,desa_kelurahan,kecamatan,kabupaten_kota,"
	      "koordinat_rumah,jenis_pidana,anak,jam_pidana,tanggal_mulai,"
	      "status\n",
	      f);
	for (size_t i = 0; i < n; i++) {
		const village *v = &vs[vill[i]];
		int child = rng_range(r, 0, 99) < 15;
		/* Adults 8-240 hours of pidana kerja sosial; children at most
		 * 120 hours of pelayanan masyarakat (UU 11/2012 art. 76),
		 * which jangkau checks on import. */
		long jam = rng_range(r, 8, child ? 120 : 240);
		char id[32];

		snprintf(id, sizeof id, "BEN-%07zu", i + 1);
		csv_field(f, id, 0);
		village_alamat(buf, sizeof buf, v);
		csv_field(f, buf, 0);
		csv_field(f, v->nama, 0);
		csv_field(f, v->kecamatan, 0);
		csv_field(f, v->kabupaten, 0);
		snprintf(buf, sizeof buf, "%.6f, %.6f", pt[i].lat, pt[i].lon);
		csv_field(f, buf, 0);
		csv_field(f, child ? "Pidana Pelayanan Masyarakat" : "Pidana Kerja Sosial", 0);
		csv_field(f, child ? "ya" : "tidak", 0);
		snprintf(buf, sizeof buf, "%ld", jam);
		csv_field(f, buf, 0);
		csv_field(f, "05/01/2026", 0);
		csv_field(f, "aktif", 1);

		fprintf(truth, "client,%s,%s,%.6f,%.6f\n", id, v->kode, pt[i].lat, pt[i].lon);
	}
	close_out(f, "clients.csv");
}

/* ---- main ---- */

static void usage(void)
{
	fputs("usage: gen_points [-s SEED] [-n SITES] [-m CLIENTS] [-r READY%]\n"
	      "                  [-l LAYER] -o OUTDIR VILLAGES.gpkg\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	uint64_t seed = 20260105;
	long n_sites = 200000, n_clients = 100000, ready_pct = 70;
	const char *layer_name = "desa", *outdir = NULL, *src = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '-' && a[1] && !a[2] && strchr("snmrlo", a[1])) {
			if (i + 1 >= argc)
				usage();
			const char *v = argv[++i];
			switch (a[1]) {
			case 's':
				seed = (uint64_t)parse_count(v, "-s");
				break;
			case 'n':
				n_sites = parse_count(v, "-n");
				break;
			case 'm':
				n_clients = parse_count(v, "-m");
				break;
			case 'r':
				ready_pct = parse_count(v, "-r");
				break;
			case 'l':
				layer_name = v;
				break;
			case 'o':
				outdir = v;
				break;
			}
		} else if (a[0] != '-' && !src) {
			src = a;
		} else {
			usage();
		}
	}
	if (!outdir || !src || ready_pct > 100)
		usage();

	double t0 = now_s();
	GDALAllRegister();
	CPLSetConfigOption("OGR_GPKG_INTEGRITY_CHECK", "NO");
	GDALDatasetH ds = GDALOpenEx(src, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
	if (!ds)
		die("cannot open '%s': %s", src, CPLGetLastErrorMsg());
	OGRLayerH lyr = GDALDatasetGetLayerByName(ds, layer_name);
	if (!lyr)
		die("'%s': no layer '%s'", src, layer_name);
	OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);
	int fk = OGR_FD_GetFieldIndex(defn, "kode");
	int fn = OGR_FD_GetFieldIndex(defn, "nama");
	int fc = OGR_FD_GetFieldIndex(defn, "kecamatan");
	int fb = OGR_FD_GetFieldIndex(defn, "kabupaten");
	if (fk < 0 || fn < 0 || fc < 0 || fb < 0)
		die("'%s': layer '%s' lacks one of kode, nama, kecamatan, kabupaten", src,
		    layer_name);

	/* Pass 1: the attributes of every village with a non-empty polygon.
	 * Empty or missing geometries cannot hold a point: they are left out
	 * of the draw. */
	GIntBig nfeat = OGR_L_GetFeatureCount(lyr, TRUE);
	if (nfeat <= 0)
		die("'%s': layer '%s' is empty", src, layer_name);
	village *vs = xcalloc((size_t)nfeat, sizeof *vs);
	size_t nv = 0;
	OGRFeatureH feat;
	OGR_L_ResetReading(lyr);
	while ((feat = OGR_L_GetNextFeature(lyr)) != NULL) {
		OGRGeometryH geom = OGR_F_GetGeometryRef(feat);
		if (nv < (size_t)nfeat && geom && !OGR_G_IsEmpty(geom)) {
			vs[nv].kode = xstrdup(OGR_F_GetFieldAsString(feat, fk));
			vs[nv].nama = xstrdup(OGR_F_GetFieldAsString(feat, fn));
			vs[nv].kecamatan = xstrdup(OGR_F_GetFieldAsString(feat, fc));
			vs[nv].kabupaten = xstrdup(OGR_F_GetFieldAsString(feat, fb));
			nv++;
		}
		OGR_F_Destroy(feat);
	}
	if (nv == 0)
		die("'%s': no village with a polygon", src);
	double t_read = now_s();

	/* Draw the village of every point, sites first, then clients, and
	 * group the points by village (counting sort keeps point order). */
	size_t np = (size_t)n_sites + (size_t)n_clients;
	size_t *vill = xcalloc(np, sizeof *vill);
	size_t *start = xcalloc(nv + 1, sizeof *start);
	size_t *order = xcalloc(np, sizeof *order);
	point *pt = xcalloc(np, sizeof *pt);
	rng main_rng = {seed};
	for (size_t i = 0; i < np; i++) {
		vill[i] = (size_t)rng_range(&main_rng, 0, (long)nv - 1);
		start[vill[i] + 1]++;
	}
	for (size_t v = 0; v < nv; v++)
		start[v + 1] += start[v];
	{
		size_t *fill = xcalloc(nv, sizeof *fill);
		for (size_t i = 0; i < np; i++)
			order[start[vill[i]] + fill[vill[i]]++] = i;
		free(fill);
	}

	/* Pass 2: sample inside each village that received points, one
	 * geometry at a time so memory stays small. */
	GEOSContextHandle_t h = GEOS_init_r();
	GEOSContext_setErrorHandler_r(h, geos_msg);
	GEOSWKBReader *rd = GEOSWKBReader_create_r(h);
	unsigned char *wkb = NULL;
	size_t wkb_cap = 0, v = 0, repaired = 0;
	long tries = 0;
	OGR_L_ResetReading(lyr);
	while ((feat = OGR_L_GetNextFeature(lyr)) != NULL) {
		OGRGeometryH geom = OGR_F_GetGeometryRef(feat);
		if (!geom || OGR_G_IsEmpty(geom)) {
			OGR_F_Destroy(feat);
			continue;
		}
		if (v >= nv || strcmp(vs[v].kode, OGR_F_GetFieldAsString(feat, fk)))
			die("'%s': features changed order between passes", src);
		size_t k = start[v + 1] - start[v];
		if (k > 0) {
			size_t sz = (size_t)OGR_G_WkbSizeEx(geom);
			if (sz > wkb_cap) {
				free(wkb);
				wkb_cap = sz * 2;
				wkb = xcalloc(wkb_cap, 1);
			}
			if (OGR_G_ExportToIsoWkb(geom, wkbNDR, wkb) != OGRERR_NONE)
				die("village '%s': cannot export geometry", vs[v].kode);
			GEOSGeometry *g = GEOSWKBReader_read_r(h, rd, wkb, sz);
			if (!g)
				die("village '%s': GEOS cannot read geometry", vs[v].kode);
			char valid = GEOSisValid_r(h, g);
			if (valid != 1) {
				GEOSGeometry *mv = GEOSMakeValid_r(h, g);
				if (!mv)
					die("village '%s': make-valid failed", vs[v].kode);
				GEOSGeom_destroy_r(h, g);
				g = mv;
				repaired++;
			}
			rng vr = rng_for_village(seed, v);
			tries += sample_in(h, g, &vr, pt, order + start[v], k, vs[v].kode);
			GEOSGeom_destroy_r(h, g);
		}
		OGR_F_Destroy(feat);
		v++;
	}
	if (v != nv)
		die("'%s': features changed between passes", src);
	free(wkb);
	GEOSWKBReader_destroy_r(h, rd);
	GEOS_finish_r(h);
	GDALClose(ds);
	double t_sample = now_s();

	/* Attributes in point order from the main stream, after the village
	 * draws, so the sampling never shifts them. */
	FILE *truth = open_out(outdir, "truth.csv");
	fputs("tabel,id,kode,lat,lon\n", truth);
	write_sites(outdir, vs, vill, pt, (size_t)n_sites, (int)ready_pct, &main_rng, truth);
	write_clients(outdir, vs, vill + n_sites, pt + n_sites, (size_t)n_clients, &main_rng,
		      truth);
	close_out(truth, "truth.csv");
	double t_end = now_s();

	fprintf(stderr,
		"gen_points: %zu villages, %ld sites, %ld clients, %zu repaired, "
		"%.2f tries/point; read %.2f s, sample %.2f s, write %.2f s, "
		"total %.2f s\n",
		nv, n_sites, n_clients, repaired, np ? (double)tries / (double)np : 0.0,
		t_read - t0, t_sample - t_read, t_end - t_sample, t_end - t0);

	for (size_t i = 0; i < nv; i++) {
		free(vs[i].kode);
		free(vs[i].nama);
		free(vs[i].kecamatan);
		free(vs[i].kabupaten);
	}
	free(vs);
	free(vill);
	free(start);
	free(order);
	free(pt);
	return 0;
}
