/* SPDX-License-Identifier: MIT */
/*
 * Import of village boundaries: any OGR polygon source with Kemendagri
 * codes and names. Geometries are reprojected to EPSG:4326, repaired with
 * GEOS make-valid when invalid (and counted), reduced to their polygonal
 * parts and stored as MULTIPOLYGON with a point on surface, the point a
 * village-level geocode gets. An optional alias CSV (kode,alias) adds other
 * names of any unit to the gazetteer. All in one transaction.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cpl_error.h>
#include <ogr_api.h>

#include "core/gdal_util.h"
#include "core/util.h"
#include "store/store.h"
#include "core/parse.h"
#include "import_int.h"

/* Field indexes of the boundary layer. */
struct bfields {
	int kode, nama, kec, kab, prov;
};

static int field_index(OGRFeatureDefnH defn, const char *name,
		       const char *def)
{
	const char *const defs[] = { def, NULL };

	return jk_import_field(defn, name, defs);
}

/* The working area: code prefixes, and which of them matched a village. */
#define AREA_MAX 64

typedef struct area_list {
	int n;
	char code[AREA_MAX][16];
	int hit[AREA_MAX];
} area_list;

static int area_parse(jk_ctx *ctx, const char *area, area_list *al)
{
	const char *p = area;

	memset(al, 0, sizeof *al);
	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		while (n && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n) {
			char *code = al->code[al->n];

			if (al->n == AREA_MAX)
				return jk_error(ctx, JK_ERR_ARG,
						"--area: more than %d codes", AREA_MAX);
			if (n < sizeof al->code[0]) {
				memcpy(code, p, n);
				code[n] = '\0';
			}
			if (n >= sizeof al->code[0] || !jk_kode_level(code))
				return jk_error(ctx, JK_ERR_ARG,
						"--area: '%.*s' is not a region code such as 74 (province),"
						" 74.72 (regency) or 74.72.01 (district)",
						(int)n, p);
			al->n++;
		}
		p = e ? e + 1 : NULL;
	}
	return JK_OK;
}

/* Whether @p kode lies in the working area (every village when none was
 * given); notes which code matched. */
static int area_match(area_list *al, const char *kode)
{
	int i;

	if (al->n == 0)
		return 1;
	for (i = 0; i < al->n; i++) {
		size_t n = strlen(al->code[i]);

		if (!strncmp(kode, al->code[i], n) && (kode[n] == '\0' || kode[n] == '.')) {
			al->hit[i] = 1;
			return 1;
		}
	}
	return 0;
}

/* An error naming the codes of the working area that matched no village
 * of the file: a typo there would otherwise leave out a regency without a
 * word. JK_OK when every code matched. */
static int area_check(jk_ctx *ctx, const char *path, const area_list *al)
{
	jk_buf miss;
	int i, rc = JK_OK, k = 0;

	jk_buf_init(&miss);
	for (i = 0; i < al->n; i++)
		if (!al->hit[i])
			jk_buf_printf(&miss, "%s%s", k++ ? ", " : "", al->code[i]);
	if (k)
		rc = jk_error(ctx, JK_ERR_ARG,
			      "%s: --area: no village of the file lies under %s; check the %s"
			      " (nothing imported)",
			      path, jk_buf_str(&miss), k > 1 ? "codes" : "code");
	jk_buf_release(&miss);
	return rc;
}

/* After the last row: a GeoPackage, whose feature count is kept by
 * triggers in gpkg_ogr_contents, must have given that many (a reader that
 * stops early without an error still lost rows). Not for other formats:
 * a Shapefile counts the records it marks deleted, and gives none of
 * them. */
static int check_count(jk_ctx *ctx, GDALDatasetH ds, OGRLayerH lyr,
		       const char *path, long total, long rows)
{
	GDALDriverH drv = GDALGetDatasetDriver(ds);

	if (total < 0 || rows == total || !drv ||
	    strcmp(GDALGetDriverShortName(drv), "GPKG") != 0)
		return JK_OK;
	return jk_error(ctx, JK_ERR_GDAL,
			"%s: layer '%s' says it has %ld rows, but %ld could be read (the file may"
			" be damaged; nothing was imported)",
			path, OGR_L_GetName(lyr), total, rows);
}

/* Keeps the polygonal parts of @p g as one MultiPolygon. Takes ownership of
 * @p g; returns a new geometry or NULL when no polygonal part is left. */
static GEOSGeometry *to_multipolygon(GEOSContextHandle_t h, GEOSGeometry *g)
{
	GEOSGeometry **parts = NULL, *out = NULL;
	int type = GEOSGeomTypeId_r(h, g), n, i, k = 0;

	if (type == GEOS_MULTIPOLYGON) {
		return g;
	}
	if (type == GEOS_POLYGON) {
		parts = malloc(sizeof *parts);
		if (!parts)
			goto done;
		parts[0] = g;
		g = NULL;
		out = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts, 1);
		goto done;
	}
	n = GEOSGetNumGeometries_r(h, g);
	parts = calloc(n > 0 ? (size_t)n : 1, sizeof *parts);
	if (!parts)
		goto done;
	for (i = 0; i < n; i++) {
		const GEOSGeometry *p = GEOSGetGeometryN_r(h, g, i);
		int pt = GEOSGeomTypeId_r(h, p);

		if (pt == GEOS_POLYGON) {
			parts[k++] = GEOSGeom_clone_r(h, p);
		} else if (pt == GEOS_MULTIPOLYGON) {
			int m = GEOSGetNumGeometries_r(h, p), j;
			GEOSGeometry **np = realloc(parts, sizeof *parts * ((size_t)n + (size_t)m));

			if (!np)
				goto done;
			parts = np;
			for (j = 0; j < m; j++)
				parts[k++] = GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, p, j));
		}
	}
	if (k > 0)
		out = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts, (unsigned)k);
done:
	free(parts);
	if (g)
		GEOSGeom_destroy_r(h, g);
	return out;
}

/* Reads the alias CSV into the aliases table. */
static int import_aliases(jk_ctx *ctx, jk_store *st, const char *path,
			  jk_import_stats *stats, int strict)
{
	GDALDatasetH ds = NULL;
	OGRLayerH lyr;
	OGRFeatureH f;
	sqlite3_stmt *ins = NULL;
	int rc, ik, ia;
	long row = 0, total;

	rc = jk_gdal_open_vector(ctx, path, &ds);
	if (rc)
		return rc;
	rc = jk_gdal_layer(ctx, ds, path, NULL, &lyr);
	if (rc)
		goto done;
	ik = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(lyr), "kode");
	ia = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(lyr), "alias");
	if (ik < 0 || ia < 0) {
		rc = jk_error(ctx, JK_ERR_FORMAT,
			      "%s: alias file needs the columns 'kode' and 'alias'", path);
		goto done;
	}
	rc = jk_store_prepare(st, "INSERT OR IGNORE INTO aliases(kode, alias) VALUES(?,?)", &ins);
	if (rc)
		goto done;
	total = (long)OGR_L_GetFeatureCount(lyr, 0);
	OGR_L_ResetReading(lyr);
	for (;;) {
		const char *k, *a;
		int failed;

		rc = jk_gdal_next_feature(ctx, lyr, path, row + 1, &f, &failed);
		if (rc || !f)
			break;
		k = jk_import_fstr(f, ik);
		a = jk_import_fstr(f, ia);
		row++;
		if (failed) {
			jk_msg(ctx, JK_LOG_ERROR, "%s:%ld: cannot read the row: %s", path, row,
			       CPLGetLastErrorMsg());
			stats->rejected++;
			OGR_F_Destroy(f);
			continue;
		}
		if (!k || !jk_kode_level(k) || !a || !*a) {
			jk_msg(ctx, JK_LOG_ERROR, "%s:%ld: %s: '%s' is not a usable alias row",
			       path, row, (!k || !jk_kode_level(k)) ? "kode" : "alias",
			       (!k || !jk_kode_level(k)) ? (k ? k : "") : (a ? a : ""));
			stats->rejected++;
			OGR_F_Destroy(f);
			continue;
		}
		sqlite3_bind_text(ins, 1, k, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, a, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			rc = jk_store_dberr(st, "cannot store alias");
			OGR_F_Destroy(f);
			goto done;
		}
		sqlite3_reset(ins);
		OGR_F_Destroy(f);
	}
	if (!rc)
		rc = check_count(ctx, ds, lyr, path, total, row);
	if (rc)
		goto done;
	if (strict && stats->rejected)
		rc = jk_error(ctx, JK_ERR_REJECTED, "%s: %ld rows rejected", path,
			      stats->rejected);
done:
	sqlite3_finalize(ins);
	GDALClose(ds);
	return rc;
}

/* Resolves the field indexes; kode and nama are required. */
static int boundary_fields(jk_ctx *ctx, OGRLayerH lyr, const char *path,
			   const jk_boundary_opts *o, struct bfields *bf)
{
	OGRFeatureDefnH d = OGR_L_GetLayerDefn(lyr);

	bf->kode = field_index(d, o->f_kode, "kode");
	bf->nama = field_index(d, o->f_nama, "nama");
	bf->kec = field_index(d, o->f_kecamatan, "kecamatan");
	bf->kab = field_index(d, o->f_kabupaten, "kabupaten");
	bf->prov = field_index(d, o->f_provinsi, "provinsi");
	if (bf->kode < 0 || bf->nama < 0)
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s: layer '%s' has no field '%s' (hint: --field-%s NAME)",
				path, OGR_L_GetName(lyr),
				bf->kode < 0 ? (o->f_kode ? o->f_kode : "kode")
					     : (o->f_nama ? o->f_nama : "nama"),
				bf->kode < 0 ? "kode" : "nama");
	if (OGR_GT_Flatten(OGR_L_GetGeomType(lyr)) != wkbPolygon &&
	    OGR_GT_Flatten(OGR_L_GetGeomType(lyr)) != wkbMultiPolygon &&
	    OGR_L_GetGeomType(lyr) != wkbUnknown)
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s: layer '%s' has %s geometries, village boundaries need polygons",
				path, OGR_L_GetName(lyr),
				OGRGeometryTypeToName(OGR_L_GetGeomType(lyr)));
	return JK_OK;
}

/* Degrees by which coordinates may lie outside the area of use of their
 * CRS: a file in one UTM zone often reaches beyond the zone (a province
 * projected whole), so only a gross miss, the mark of a wrong CRS label,
 * fails. */
#define AREA_MARGIN_DEG 10.0

/* Where the coordinates of a layer may lie, in EPSG:4326 lon/lat, and the
 * name of their CRS for the messages. */
typedef struct crs_check {
	double west, south, east, north;
	char name[200];
} crs_check;

/* The valid area of @p srs: its area of use widened by AREA_MARGIN_DEG,
 * within the world; the world when PROJ knows no area of use. */
static void crs_area(OGRSpatialReferenceH srs, crs_check *cc)
{
	double w, s, e, n;
	const char *area = NULL, *name = srs ? OSRGetName(srs) : NULL;
	const char *auth = srs ? OSRGetAuthorityName(srs, NULL) : NULL;
	const char *code = srs ? OSRGetAuthorityCode(srs, NULL) : NULL;

	cc->west = -180;
	cc->south = -90;
	cc->east = 180;
	cc->north = 90;
	if (srs && OSRGetAreaOfUse(srs, &w, &s, &e, &n, &area) && w <= e) {
		cc->west = fmax(-180, w - AREA_MARGIN_DEG);
		cc->east = fmin(180, e + AREA_MARGIN_DEG);
		cc->south = fmax(-90, s - AREA_MARGIN_DEG);
		cc->north = fmin(90, n + AREA_MARGIN_DEG);
	}
	if (auth && code)
		snprintf(cc->name, sizeof cc->name, "%s:%s%s%s", auth, code,
			 name ? " " : "", name ? name : "");
	else
		snprintf(cc->name, sizeof cc->name, "%s",
			 name ? name : "lon/lat (no CRS in the file)");
}

/* The error for a village whose coordinates are not where its CRS can
 * put them (or cannot be transformed at all): the file's CRS label is
 * wrong, and --s-crs names the real one. */
static int crs_fail(jk_ctx *ctx, const char *path, long row, const char *kode,
		    const crs_check *cc, const OGREnvelope *env, const char *what)
{
	char where[160] = "";

	if (env)
		snprintf(where, sizeof where, " at lon %.10g..%.10g, lat %.10g..%.10g",
			 env->MinX, env->MaxX, env->MinY, env->MaxY);
	return jk_error(ctx, JK_ERR_FORMAT,
			"%s:%ld: village %s%s %s %s (valid: lon %g..%g, lat %g..%g); the file's"
			" CRS label is wrong (hint: --s-crs names the CRS the coordinates are"
			" really in, e.g. --s-crs EPSG:32751 for UTM zone 51S; nothing was"
			" imported)",
			path, row, kode, where, what, cc->name, cc->west, cc->east, cc->south,
			cc->north);
}

/* A coordinate transformation to EPSG:4326 lon/lat, or NULL when the layer
 * is already in it (or says nothing, in which case lon/lat is assumed);
 * @p s_crs, when given, replaces what the file says (as ogr2ogr -s_srs).
 * Fills @p cc with where the coordinates may lie. */
static int boundary_transform(jk_ctx *ctx, OGRLayerH lyr, const char *path,
			      const char *s_crs, OGRCoordinateTransformationH *out,
			      crs_check *cc)
{
	OGRSpatialReferenceH src = NULL, dst = NULL;
	int rc = JK_OK;

	*out = NULL;
	if (s_crs) {
		src = OSRNewSpatialReference(NULL);
		if (!src || OSRSetFromUserInput(src, s_crs) != OGRERR_NONE) {
			rc = jk_error(ctx, JK_ERR_ARG,
				      "--s-crs: '%s' is not a CRS (use e.g. EPSG:32751 or"
				      " EPSG:23891)", s_crs);
			goto cleanup;
		}
	} else if (OGR_L_GetSpatialRef(lyr)) {
		src = OSRClone(OGR_L_GetSpatialRef(lyr));
	}
	crs_area(src, cc);
	if (!src)
		goto cleanup;
	dst = jk_srs_wgs84();
	if (!dst) {
		rc = jk_error(ctx, JK_ERR_PROJ, "cannot create EPSG:4326");
		goto cleanup;
	}
	OSRSetAxisMappingStrategy(src, OAMS_TRADITIONAL_GIS_ORDER);
	if (!OSRIsSame(src, dst)) {
		*out = OCTNewCoordinateTransformation(src, dst);
		if (!*out)
			rc = jk_error(ctx, JK_ERR_PROJ,
				      "%s: cannot transform layer '%s' from %s to EPSG:4326: %s",
				      path, OGR_L_GetName(lyr), cc->name, jk_gdal_lasterr(ctx));
	}
cleanup:
	if (src)
		OSRDestroySpatialReference(src);
	if (dst)
		OSRDestroySpatialReference(dst);
	return rc;
}

/* What one boundary import works with, from opening the layer to the
 * commit. */
struct bimport {
	jk_ctx *ctx;
	jk_store *st;
	const char *path;
	const jk_boundary_opts *opts;
	jk_import_stats *stats;
	GEOSContextHandle_t h;
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRCoordinateTransformationH ct;
	GEOSWKBReader *rd;
	GEOSWKBWriter *wr;
	sqlite3_stmt *ins, *exists;
	struct bfields bf;
	crs_check cc;
	area_list area;
};

/* A row rejected with its message given, and a village outside the
 * working area: counted, and the import goes on (beside the jk_status
 * codes, which stop it). */
#define ROW_REJECTED (-1)
#define ROW_SKIPPED (-2)

/* Opens the layer of @p bi->path and checks its fields and CRS. */
static int boundary_open(struct bimport *bi)
{
	const jk_boundary_opts *opts = bi->opts;
	int rc;

	rc = area_parse(bi->ctx, opts->area, &bi->area);
	if (!rc)
		rc = jk_gdal_open_vector(bi->ctx, bi->path, &bi->ds);
	if (rc)
		return rc;
	if (opts->layer)
		rc = jk_gdal_layer(bi->ctx, bi->ds, bi->path, opts->layer, &bi->lyr);
	else if ((bi->lyr = GDALDatasetGetLayerByName(bi->ds, "desa")) == NULL)
		rc = jk_gdal_layer(bi->ctx, bi->ds, bi->path, NULL, &bi->lyr);
	if (!rc)
		rc = boundary_fields(bi->ctx, bi->lyr, bi->path, opts, &bi->bf);
	if (!rc)
		rc = boundary_transform(bi->ctx, bi->lyr, bi->path, opts->s_crs, &bi->ct,
					&bi->cc);
	if (rc)
		return rc;
	bi->rd = GEOSWKBReader_create_r(bi->h);
	bi->wr = GEOSWKBWriter_create_r(bi->h);
	if (!bi->rd || !bi->wr)
		return jk_error(bi->ctx, JK_ERR_GEOS, "cannot create a GEOS WKB reader");
	return JK_OK;
}

/* The statements that compare a village with the one in the store and
 * write it. */
static int boundary_prepare(struct bimport *bi)
{
	int rc;

	/* a village already in the store: whether anything of it changes
	 * (the geometry compared as SpatiaLite stores it) */
	rc = jk_store_prepare(bi->st,
		"SELECT nama IS ?2 AND kecamatan IS ?3 AND kabupaten IS ?4"
		" AND provinsi IS ?5 AND repaired = ?6 AND pt_lon = ?7 AND pt_lat = ?8"
		" AND AsBinary(geom) = AsBinary(CastToMultiPolygon(GeomFromWKB(?9, 4326)))"
		" FROM villages WHERE kode = ?1", &bi->exists);
	if (!rc)
		rc = jk_store_prepare(bi->st,
			"INSERT INTO villages(kode,nama,kecamatan,kabupaten,provinsi,"
			"kode_kec,kode_kab,kode_prov,repaired,pt_lon,pt_lat,geom,pt) "
			"VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,"
			"CastToMultiPolygon(GeomFromWKB(?12,4326)),MakePoint(?10,?11,4326)) "
			"ON CONFLICT(kode) DO UPDATE SET nama=excluded.nama,"
			"kecamatan=excluded.kecamatan,kabupaten=excluded.kabupaten,"
			"provinsi=excluded.provinsi,kode_kec=excluded.kode_kec,"
			"kode_kab=excluded.kode_kab,kode_prov=excluded.kode_prov,"
			"repaired=excluded.repaired,pt_lon=excluded.pt_lon,"
			"pt_lat=excluded.pt_lat,geom=excluded.geom,pt=excluded.pt",
			&bi->ins);
	return rc;
}

/* The attributes and the geometry of row @p row before any geometry work:
 * its code and name, and that its geometry lies where the CRS can put it
 * (transformed to EPSG:4326). JK_OK, ROW_REJECTED, ROW_SKIPPED or an
 * error. */
static int row_check(struct bimport *bi, OGRFeatureH f, long row, const char **kode,
		     const char **nama)
{
	const jk_boundary_opts *opts = bi->opts;
	OGRGeometryH og = OGR_F_GetGeometryRef(f);
	OGREnvelope env;
	const char *path = bi->path;

	*kode = jk_import_fstr(f, bi->bf.kode);
	*nama = jk_import_fstr(f, bi->bf.nama);
	if (!*kode || jk_kode_level(*kode) != 4) {
		jk_msg(bi->ctx, JK_LOG_ERROR,
		       "%s:%ld: %s: '%s' is not a village code (PP.KK.DD.VVVV)",
		       path, row, opts->f_kode ? opts->f_kode : "kode",
		       *kode ? *kode : "");
		return ROW_REJECTED;
	}
	if (!area_match(&bi->area, *kode))
		return ROW_SKIPPED;
	if (!*nama || !**nama) {
		jk_msg(bi->ctx, JK_LOG_ERROR, "%s:%ld: %s: empty village name",
		       path, row, opts->f_nama ? opts->f_nama : "nama");
		return ROW_REJECTED;
	}
	if (!og || OGR_G_IsEmpty(og)) {
		jk_msg(bi->ctx, JK_LOG_ERROR, "%s:%ld: geometry: village %s has no polygon",
		       path, row, *kode);
		return ROW_REJECTED;
	}
	if (bi->ct && OGR_G_Transform(og, bi->ct) != OGRERR_NONE)
		return crs_fail(bi->ctx, path, row, *kode, &bi->cc, NULL,
				"cannot be transformed to EPSG:4326 from");
	OGR_G_GetEnvelope(og, &env);
	if (!(env.MinX >= bi->cc.west && env.MaxX <= bi->cc.east &&
	      env.MinY >= bi->cc.south && env.MaxY <= bi->cc.north))
		return crs_fail(bi->ctx, path, row, *kode, &bi->cc, &env,
				"lies outside the area of");
	return JK_OK;
}

/* The village polygon of @p og as GEOS reads it, repaired with make-valid
 * when invalid (*repaired), reduced to a MultiPolygon; NULL with
 * ROW_REJECTED in *rc, or with an error. */
static GEOSGeometry *row_polygon(struct bimport *bi, OGRGeometryH og, long row,
				 const char *kode, int *repaired, int *rc)
{
	GEOSContextHandle_t h = bi->h;
	GEOSGeometry *g;
	int wsz = OGR_G_WkbSize(og);
	unsigned char *buf = malloc((size_t)wsz);

	*rc = ROW_REJECTED;
	if (!buf) {
		*rc = jk_error(bi->ctx, JK_ERR_NOMEM, "out of memory");
		return NULL;
	}
	OGR_G_ExportToIsoWkb(og, wkbNDR, buf);
	g = GEOSWKBReader_read_r(h, bi->rd, buf, (size_t)wsz);
	free(buf);
	if (!g) {
		jk_msg(bi->ctx, JK_LOG_ERROR, "%s:%ld: geometry: village %s: %s",
		       bi->path, row, kode, jk_geos_lasterr(bi->ctx));
		return NULL;
	}
	if (GEOSisValid_r(h, g) != 1) {
		GEOSGeometry *v = GEOSMakeValid_r(h, g);

		GEOSGeom_destroy_r(h, g);
		g = v;
		*repaired = 1;
		if (!g) {
			jk_msg(bi->ctx, JK_LOG_ERROR,
			       "%s:%ld: geometry: village %s is invalid and cannot be repaired",
			       bi->path, row, kode);
			return NULL;
		}
	}
	g = to_multipolygon(h, g);
	if (!g || GEOSisEmpty_r(h, g) == 1) {
		if (g)
			GEOSGeom_destroy_r(h, g);
		jk_msg(bi->ctx, JK_LOG_ERROR,
		       "%s:%ld: geometry: village %s has no polygonal part",
		       bi->path, row, kode);
		return NULL;
	}
	*rc = JK_OK;
	return g;
}

/* The geometry of a checked row as WKB in *wkb (freed with GEOSFree_r),
 * with its point on surface and whether it was repaired. JK_OK,
 * ROW_REJECTED or an error; *wkb is NULL unless JK_OK. */
static int row_geometry(struct bimport *bi, OGRFeatureH f, long row,
			const char *kode, unsigned char **wkb, size_t *wlen,
			double *px, double *py, int *repaired)
{
	GEOSContextHandle_t h = bi->h;
	GEOSGeometry *g, *pos;
	int rc;

	*wkb = NULL;
	*repaired = 0;
	g = row_polygon(bi, OGR_F_GetGeometryRef(f), row, kode, repaired, &rc);
	if (!g)
		return rc;
	pos = GEOSPointOnSurface_r(h, g);
	if (!pos || GEOSGeomGetX_r(h, pos, px) != 1 ||
	    GEOSGeomGetY_r(h, pos, py) != 1) {
		if (pos)
			GEOSGeom_destroy_r(h, pos);
		GEOSGeom_destroy_r(h, g);
		jk_msg(bi->ctx, JK_LOG_ERROR,
		       "%s:%ld: geometry: no point on surface for village %s",
		       bi->path, row, kode);
		return ROW_REJECTED;
	}
	GEOSGeom_destroy_r(h, pos);
	*wkb = GEOSWKBWriter_write_r(h, bi->wr, g, wlen);
	GEOSGeom_destroy_r(h, g);
	if (!*wkb)
		return jk_error(bi->ctx, JK_ERR_GEOS, "cannot write WKB: %s",
				jk_geos_lasterr(bi->ctx));
	if (*repaired) {
		bi->stats->repaired++;
		jk_msg(bi->ctx, JK_LOG_WARN,
		       "%s:%ld: geometry: village %s was invalid, repaired with make-valid",
		       bi->path, row, kode);
	}
	return JK_OK;
}

/* Binds the attributes a village row shares between the comparison
 * (@p s = bi->exists) and the insert: code, name and the names above. */
static void bind_names(const struct bimport *bi, sqlite3_stmt *s, OGRFeatureH f,
		       const char *kode, const char *nama)
{
	sqlite3_bind_text(s, 1, kode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, nama, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, jk_import_fstr(f, bi->bf.kec), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, jk_import_fstr(f, bi->bf.kab), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, jk_import_fstr(f, bi->bf.prov), -1, SQLITE_TRANSIENT);
}

/* Writes a village unless the store holds it unchanged; counts it as
 * imported, updated or unchanged. */
static int row_store(struct bimport *bi, OGRFeatureH f, const char *kode,
		     const char *nama, const unsigned char *wkb, size_t wlen,
		     double px, double py, int repaired)
{
	sqlite3_stmt *exists = bi->exists, *ins = bi->ins;
	char kk[16], kc[16], kp[16];
	int same;

	memcpy(kp, kode, 2);
	kp[2] = '\0';
	memcpy(kk, kode, 5);
	kk[5] = '\0';
	memcpy(kc, kode, 8);
	kc[8] = '\0';
	bind_names(bi, exists, f, kode, nama);
	sqlite3_bind_int(exists, 6, repaired);
	sqlite3_bind_double(exists, 7, px);
	sqlite3_bind_double(exists, 8, py);
	sqlite3_bind_blob(exists, 9, wkb, (int)wlen, SQLITE_STATIC);
	switch (sqlite3_step(exists)) {
	case SQLITE_ROW:
		same = sqlite3_column_int(exists, 0) == 1;
		if (same)
			bi->stats->unchanged++;
		else
			bi->stats->updated++;
		break;
	case SQLITE_DONE:
		same = 0;
		bi->stats->imported++;
		break;
	default:
		return jk_store_dberr(bi->st, "cannot compare village");
	}
	sqlite3_reset(exists);
	if (same)
		return JK_OK;
	bind_names(bi, ins, f, kode, nama);
	sqlite3_bind_text(ins, 6, kc, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ins, 7, kk, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ins, 8, kp, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(ins, 9, repaired);
	sqlite3_bind_double(ins, 10, px);
	sqlite3_bind_double(ins, 11, py);
	sqlite3_bind_blob(ins, 12, wkb, (int)wlen, SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE)
		return jk_store_dberr(bi->st, "cannot store village");
	sqlite3_reset(ins);
	return JK_OK;
}

/* One row of the layer (read without an error): checked, its geometry
 * made a valid MultiPolygon, written. JK_OK (also for a row rejected or
 * skipped, which is counted) or an error that stops the import. */
static int boundary_row(struct bimport *bi, OGRFeatureH f, long row)
{
	const char *kode, *nama;
	unsigned char *wkb = NULL;
	size_t wlen = 0;
	double px = 0, py = 0;
	int repaired, rc;

	rc = row_check(bi, f, row, &kode, &nama);
	if (rc == ROW_SKIPPED) {
		bi->stats->skipped++;
		return JK_OK;
	}
	if (!rc)
		rc = row_geometry(bi, f, row, kode, &wkb, &wlen, &px, &py, &repaired);
	if (!rc)
		rc = row_store(bi, f, kode, nama, wkb, wlen, px, py, repaired);
	if (wkb)
		GEOSFree_r(bi->h, wkb);
	if (rc == ROW_REJECTED) {
		bi->stats->rejected++;
		rc = JK_OK;
	}
	return rc;
}

/* Every row of the layer. */
static int boundary_rows(struct bimport *bi)
{
	long row = 0, total = (long)OGR_L_GetFeatureCount(bi->lyr, 0);
	int rc;

	OGR_L_ResetReading(bi->lyr);
	for (;;) {
		OGRFeatureH f;
		int failed;

		rc = jk_gdal_next_feature(bi->ctx, bi->lyr, bi->path, row + 1, &f, &failed);
		if (rc)
			return rc;
		if (!f)
			break;
		row++;
		bi->stats->read++;
		if (row % 2000 == 0)
			jk_progress(bi->ctx, "import boundaries", row, total);
		if (failed) {
			jk_msg(bi->ctx, JK_LOG_ERROR, "%s:%ld: cannot read the row: %s",
			       bi->path, row, CPLGetLastErrorMsg());
			bi->stats->rejected++;
			rc = JK_OK;
		} else {
			rc = boundary_row(bi, f, row);
		}
		OGR_F_Destroy(f);
		if (rc)
			return rc;
	}
	jk_progress(bi->ctx, "import boundaries", row, row);
	return check_count(bi->ctx, bi->ds, bi->lyr, bi->path, total, row);
}

/* After the rows, inside the transaction: the aliases, the checks that may
 * still refuse the whole import, and what new boundaries make stale. */
static int boundary_finish(struct bimport *bi)
{
	const jk_boundary_opts *opts = bi->opts;
	int rc;

	if (opts->aliases) {
		rc = import_aliases(bi->ctx, bi->st, opts->aliases, bi->stats, opts->strict);
		if (rc)
			return rc;
	}
	rc = area_check(bi->ctx, bi->path, &bi->area);
	if (rc)
		return rc;
	if (opts->strict && bi->stats->rejected)
		return jk_error(bi->ctx, JK_ERR_REJECTED,
				"%s: %ld rows rejected; nothing imported (--strict)",
				bi->path, bi->stats->rejected);
	/* New boundaries invalidate the geocodes and results built on them. */
	rc = jk_store_results_clear(bi->st);
	if (!rc)
		/* the file's name only (the store may travel), for the
		 * source line of maps and books */
		rc = jk_store_log_run(bi->st, "import boundaries",
				      strrchr(bi->path, '/') ? strrchr(bi->path, '/') + 1
							     : bi->path);
	return rc;
}

jk_status jk_import_boundaries(jk_ctx *ctx, jk_store *st, const char *path,
			       const jk_boundary_opts *opts, jk_import_stats *stats)
{
	static const jk_boundary_opts defaults;
	struct bimport bi;
	jk_import_stats local;
	int rc, in_tx = 0;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	memset(&bi, 0, sizeof bi);
	bi.ctx = ctx;
	bi.st = st;
	bi.path = path;
	bi.opts = opts ? opts : &defaults;
	bi.stats = stats;
	bi.h = JK_GEOS(ctx);
	jk_gdal_push(ctx);
	rc = boundary_open(&bi);
	if (rc)
		goto done;
	rc = jk_store_begin(st);
	if (rc)
		goto done;
	in_tx = 1;
	rc = boundary_prepare(&bi);
	if (!rc)
		rc = boundary_rows(&bi);
	if (!rc)
		rc = boundary_finish(&bi);
done:
	sqlite3_finalize(bi.ins);
	sqlite3_finalize(bi.exists);
	rc = jk_store_end(st, &in_tx, rc, NULL, NULL);
	if (bi.rd)
		GEOSWKBReader_destroy_r(bi.h, bi.rd);
	if (bi.wr)
		GEOSWKBWriter_destroy_r(bi.h, bi.wr);
	if (bi.ct)
		OCTDestroyCoordinateTransformation(bi.ct);
	if (bi.ds)
		GDALClose(bi.ds);
	jk_gdal_pop();
	return rc;
}
