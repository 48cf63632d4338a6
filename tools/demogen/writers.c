/* SPDX-License-Identifier: MIT */
/*
 * Writers: the CSV files (sites, clients, their truth, aliases) through
 * jangkau's one CSV writer, and the villages as RFC 7946 GeoJSON through
 * OGR. Every file is written whole and checked on close.
 */
#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_srs_api.h>

#include "core/csv.h"
#include "demogen.h"

static const char *const STATUS_TRUE[] = {"Siap", "Belum Siap", "Nonaktif", "unknown"};

void path_join(char *buf, size_t n, const char *dir, const char *name)
{
	sfmt(buf, n, "%s/%s", dir, name);
}

FILE *open_out(const char *dir, const char *name)
{
	char p[4096];
	FILE *f;

	path_join(p, sizeof(p), dir, name);
	f = fopen(p, "wb");
	if (!f)
		die("cannot write '%s': %s", p, strerror(errno));
	return f;
}

void close_out(FILE *f, const char *name)
{
	if (ferror(f) | fclose(f))
		die("error writing '%s'", name);
}

/* One row through jangkau's one CSV writer (src/core/csv.h): RFC 4180,
 * quoted only when needed, quotes doubled, CRLF line ends. These files
 * stand for an office's own spreadsheets, so no formula guard: a
 * coordinate "-5.4,122.6" stays as written. */
static void csv_row(FILE *f, const char *const *fields, int n)
{
	jk_buf b;
	jk_csvw w;

	jk_buf_init(&b);
	jk_csvw_init(&w, &b, 0);
	jk_csvw_row(&w, fields, n);
	if (b.oom)
		die("out of memory");
	fwrite(jk_buf_str(&b), 1, b.len, f);
	jk_buf_release(&b);
}

/* One row of a truth file: the row's key, the true village code and point
 * (7 decimals), the true status when there is one (sites), the labels.
 * l is scratch space. */
static void truth_row(FILE *g, const char *key, const char *kode, double lon, double lat,
		      const char *status, uint64_t labels, sb *l)
{
	char slon[32], slat[32];
	const char *tf[6];
	int n = 0;

	sfmt(slon, sizeof(slon), "%.7f", lon);
	sfmt(slat, sizeof(slat), "%.7f", lat);
	sb_clear(l);
	labels_str(labels, l);
	tf[n++] = key;
	tf[n++] = kode;
	tf[n++] = slon;
	tf[n++] = slat;
	if (status)
		tf[n++] = status;
	tf[n++] = sb_str(l);
	csv_row(g, tf, n);
}

void write_sites(world *w, const char *dir)
{
	static const char *const H[] = {"no",
					"nama_lokasi",
					"jenis",
					"alamat",
					"desa_kelurahan",
					"kecamatan",
					"kabupaten_kota",
					"koordinat",
					"status",
					"kapasitas",
					"kegiatan",
					"ramah_anak",
					"penanggung_jawab",
					"telepon",
					"keterangan"};
	static const char *const HT[] = {"row",	     "true_kode",   "true_lon",
					 "true_lat", "true_status", "labels"};
	FILE *f = open_out(dir, "sites.csv"), *g = open_out(dir, "truth_sites.csv");
	sb l = {0};

	csv_row(f, H, (int)NELEM(H));
	csv_row(g, HT, (int)NELEM(HT));
	for (int i = 0; i < w->nsrow; i++) {
		const row_t *rw = &w->srow[i];
		const site_t *s = &w->site[rw->src];
		char rn[16];

		csv_row(f, (const char *const *)rw->f, rw->nf);
		sfmt(rn, sizeof(rn), "%d", i + 1);
		truth_row(g, rn, w->vil[s->vil].kode, s->lon, s->lat, STATUS_TRUE[s->status],
			  rw->labels, &l);
	}
	sb_free(&l);
	close_out(f, "sites.csv");
	close_out(g, "truth_sites.csv");
}

void write_clients(world *w, const char *dir)
{
	static const char *const H[] = {"id_klien",	 "alamat_rumah",   "desa_kelurahan",
					"kecamatan",	 "kabupaten_kota", "koordinat_rumah",
					"jenis_pidana",	 "anak",	   "jam_pidana",
					"tanggal_mulai", "status"};
	static const char *const HT[] = {"id_klien", "true_kode", "true_lon", "true_lat", "labels"};
	FILE *f = open_out(dir, "clients.csv"), *g = open_out(dir, "truth_clients.csv");
	sb l = {0};

	csv_row(f, H, (int)NELEM(H));
	csv_row(g, HT, (int)NELEM(HT));
	for (int i = 0; i < w->ncrow; i++) {
		const row_t *rw = &w->crow[i];
		const client_t *c = &w->cli[rw->src];

		csv_row(f, (const char *const *)rw->f, rw->nf);
		truth_row(g, c->id, w->vil[c->vil].kode, c->lon, c->lat, NULL, rw->labels, &l);
	}
	sb_free(&l);
	close_out(f, "clients.csv");
	close_out(g, "truth_clients.csv");
}

void write_aliases(world *w, const char *dir)
{
	static const char *const H[] = {"kode", "alias"};
	FILE *f = open_out(dir, "aliases.csv");
	const char *row[2];

	csv_row(f, H, 2);
	for (int k = 0; k < 3; k++)
		if (w->kab[k].abbrev) {
			row[0] = w->kab[k].kode;
			row[1] = w->kab[k].abbrev;
			csv_row(f, row, 2);
		}
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].alias[0]) {
			row[0] = w->vil[i].kode;
			row[1] = w->vil[i].alias;
			csv_row(f, row, 2);
		}
	close_out(f, "aliases.csv");
}

void cpl_quiet(CPLErr cls, CPLErrorNum num, const char *msg)
{
	(void)num;
	if (cls >= CE_Warning)
		fprintf(stderr, "jk_demogen: gdal: %s\n", msg);
}

/* Creates dir/NAME.geojson (replacing it) with one layer NAME of geometry
 * @p gtype and the string fields @p f, coordinates to 6 decimals; *ds
 * receives the dataset to close. Dies on failure. */
OGRLayerH create_geojson(const char *dir, const char *name, OGRwkbGeometryType gtype,
			 const char *const *f, size_t nf, GDALDatasetH *ds)
{
	GDALDriverH drv = GDALGetDriverByName("GeoJSON");
	char p[4096], file[256];
	char **opts = NULL;
	OGRLayerH lyr;

	if (!drv)
		die("gdal: no GeoJSON driver");
	snprintf(file, sizeof(file), "%s.geojson", name);
	path_join(p, sizeof(p), dir, file);
	VSIUnlink(p);
	*ds = GDALCreate(drv, p, 0, 0, 0, GDT_Unknown, NULL);
	if (!*ds)
		die("gdal: cannot create '%s': %s", p, CPLGetLastErrorMsg());
	opts = CSLSetNameValue(opts, "COORDINATE_PRECISION", "6");
	lyr = GDALDatasetCreateLayer(*ds, name, NULL, gtype, opts);
	CSLDestroy(opts);
	if (!lyr)
		die("gdal: cannot create layer: %s", CPLGetLastErrorMsg());
	for (size_t i = 0; i < nf; i++) {
		OGRFieldDefnH fd = OGR_Fld_Create(f[i], OFTString);

		if (OGR_L_CreateField(lyr, fd, 1) != OGRERR_NONE)
			die("gdal: cannot create field %s", f[i]);
		OGR_Fld_Destroy(fd);
	}
	return lyr;
}

/* The villages as GeoJSON that follows RFC 7946 (WGS 84 lon/lat, no "crs"
 * member, exterior rings counter-clockwise, six decimals), every feature a
 * MultiPolygon as in the Kemendagri village files. The driver's RFC7946=YES
 * mode is not used because it writes a one-part MultiPolygon as a Polygon;
 * what it would add is done here instead: the layer has no SRS (so no
 * "crs" member) and rings are oriented with GEOS (normalize makes shells
 * clockwise, reversing makes them counter-clockwise). */
void write_desa(world *w, const char *dir)
{
	static const char *const F[] = {"kode",	    "nama",	"kecamatan", "kabupaten",
					"provinsi", "kode_kec", "kode_kab",  "kode_prov"};
	GDALDatasetH ds;
	OGRLayerH lyr = create_geojson(dir, "desa", wkbMultiPolygon, F, NELEM(F), &ds);

	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];
		const kec_t *k = &w->kec[v->kec];
		const kab_t *kb = &w->kab[k->kab];
		OGRFeatureH ft = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
		GEOSGeometry *norm = gcheck(GEOSGeom_clone_r(w->gh, v->geom), "clone"), *ccw;
		size_t wkb_n = 0;
		unsigned char *wkb;
		OGRGeometryH g = NULL;

		if (GEOSNormalize_r(w->gh, norm) != 0)
			die("geos: normalize failed");
		ccw = gcheck(GEOSReverse_r(w->gh, norm), "reverse");
		wkb = GEOSGeomToWKB_buf_r(w->gh, ccw, &wkb_n);
		if (!wkb || OGR_G_CreateFromWkb(wkb, NULL, &g, (int)wkb_n) != OGRERR_NONE)
			die("gdal: cannot convert the geometry of %s", v->kode);
		GEOSFree_r(w->gh, wkb);
		GEOSGeom_destroy_r(w->gh, ccw);
		GEOSGeom_destroy_r(w->gh, norm);
		g = OGR_G_ForceToMultiPolygon(g);
		OGR_F_SetFieldString(ft, 0, v->kode);
		OGR_F_SetFieldString(ft, 1, v->nm.s);
		OGR_F_SetFieldString(ft, 2, k->nm.s);
		OGR_F_SetFieldString(ft, 3, kb->full);
		OGR_F_SetFieldString(ft, 4, PROV_NAMA);
		OGR_F_SetFieldString(ft, 5, k->kode);
		OGR_F_SetFieldString(ft, 6, kb->kode);
		OGR_F_SetFieldString(ft, 7, PROV_KODE);
		OGR_F_SetGeometryDirectly(ft, g);
		if (OGR_L_CreateFeature(lyr, ft) != OGRERR_NONE)
			die("gdal: cannot write %s: %s", v->kode, CPLGetLastErrorMsg());
		OGR_F_Destroy(ft);
	}
	CPLErrorReset();
	GDALClose(ds); /* returns void before GDAL 3.8 */
	if (CPLGetLastErrorType() >= CE_Failure)
		die("gdal: cannot finish 'desa.geojson': %s", CPLGetLastErrorMsg());
}
