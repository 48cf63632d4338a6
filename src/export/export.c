/*
 * GIS export: the coverage results as layers for QGIS and the web.
 *
 * Each layer is read once from the store with one SQL statement (the
 * fragments shared with the report live in export_int.h), and every row
 * becomes one OGR feature that is written, unchanged, to each requested
 * format: GeoJSON (RFC 7946), Shapefile and GeoPackage. Field names, types
 * and widths are declared here, not guessed by the drivers, so that the
 * three formats carry identical attributes; docs/layers.md is the written
 * form of the tables below and must change with them.
 *
 * Everything is written into a private temporary directory inside the
 * output directory and only moved into place when all layers succeeded, so
 * that a failed export leaves the previous outputs as they were and never a
 * half-written layer. Client locations are village points unless the
 * caller asks for exact homes; those outputs are then made owner-only
 * before they become visible.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "../core/gdal_util.h"
#include "../core/util.h"
#include "export_int.h"

#define PATH_SZ 4096

/* ------------------------------------------------------------------ */
/* Layer definitions                                                   */

typedef enum field_type { FT_INT, FT_REAL, FT_STR } field_type;

typedef struct field_spec {
	const char *name; /* at most 10 characters: the Shapefile limit */
	field_type type;
	int width;        /* bytes for strings, digits for numbers */
	int prec;         /* decimals of FT_REAL */
} field_spec;

/* How the geometry columns follow the attribute columns in a layer's
 * SQL: one WKB blob, a lon/lat pair, or two pairs (from, to). */
typedef enum geom_kind { GK_WKB, GK_POINT, GK_LINE } geom_kind;

typedef struct layer_spec {
	const char *name;
	OGRwkbGeometryType gtype;
	geom_kind gkind;
	const field_spec *fields;
	int nfields;
	const char *sql;
	const char *sql_exact; /* clients: the query with exact homes */
	int personal;          /* holds client data */
	int fill_slivers;      /* drop holes smaller than SLIVER_DEG2 */
	int by_road;           /* written only after a coverage run by road */
} layer_spec;

/* Village boundaries of the sources do not meet exactly, so the union of a
 * district's villages is riddled with sliver holes of a few hundred square
 * metres. A hole smaller than a hectare (in square degrees, near the
 * equator) cannot be a village of another district or a missing village,
 * so it is filled. */
#define SLIVER_DEG2 (0.01 / (111.0 * 111.0))

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const field_spec desa_fields[] = {
	{"kode", FT_STR, 20, 0},
	{"desa", FT_STR, 100, 0},
	{"kecamatan", FT_STR, 100, 0},
	{"kabupaten", FT_STR, 100, 0},
	{"kode_kec", FT_STR, 20, 0},
	{"kode_kab", FT_STR, 20, 0},
	{"status", FT_STR, 10, 0},
	{"n_ready", FT_INT, 9, 0},
	{"n_pending", FT_INT, 9, 0},
	{"cap_ready", FT_INT, 9, 0},
	{"demand", FT_INT, 9, 0},
	{"near_site", FT_INT, 9, 0},
	{"near_km", FT_REAL, 12, 3},
	{"status_ak", FT_STR, 10, 0},
	{"n_ready_ak", FT_INT, 9, 0},
	{"near_ak", FT_INT, 9, 0},
	{"near_ak_km", FT_REAL, 12, 3},
	{"road_km", FT_REAL, 12, 3},
	{"road_min", FT_REAL, 12, 1},
	{"reach", FT_STR, 12, 0},
};

static const field_spec kec_fields[] = {
	{"kode_kec", FT_STR, 20, 0},
	{"kecamatan", FT_STR, 100, 0},
	{"kabupaten", FT_STR, 100, 0},
	{"kode_kab", FT_STR, 20, 0},
	{"n_desa", FT_INT, 9, 0},
	{"n_covered", FT_INT, 9, 0},
	{"n_reach", FT_INT, 9, 0},
	{"n_pending", FT_INT, 9, 0},
	{"n_gap", FT_INT, 9, 0},
	{"n_sites", FT_INT, 9, 0},
	{"n_ready", FT_INT, 9, 0},
	{"cap_ready", FT_INT, 9, 0},
	{"demand", FT_INT, 9, 0},
};

static const field_spec site_fields[] = {
	{"site_id", FT_INT, 9, 0},
	{"src_row", FT_INT, 9, 0},
	{"src_sheet", FT_STR, 100, 0},
	{"nama", FT_STR, 254, 0},
	{"jenis", FT_STR, 50, 0},
	{"status", FT_STR, 10, 0},
	{"kapasitas", FT_INT, 9, 0},
	{"anak_ok", FT_INT, 1, 0},
	{"kode_desa", FT_STR, 20, 0},
	{"precision", FT_STR, 10, 0},
	{"score", FT_REAL, 8, 3},
	{"geo_note", FT_STR, 254, 0},
	{"alamat", FT_STR, 254, 0},
};

static const field_spec client_fields[] = {
	{"client_id", FT_STR, 50, 0},
	{"src_row", FT_INT, 9, 0},
	{"src_sheet", FT_STR, 100, 0},
	{"kode_desa", FT_STR, 20, 0},
	{"precision", FT_STR, 10, 0},
	{"aktif", FT_INT, 1, 0},
	{"anak", FT_INT, 1, 0},
	{"site_id", FT_INT, 9, 0},
	{"dist_km", FT_REAL, 12, 3},
	{"in_reach", FT_INT, 1, 0},
	{"road_km", FT_REAL, 12, 3},
	{"road_min", FT_REAL, 12, 1},
	{"reach", FT_STR, 12, 0},
};

static const field_spec link_fields[] = {
	{"client_id", FT_STR, 50, 0},
	{"site_id", FT_INT, 9, 0},
	{"dist_km", FT_REAL, 12, 3},
	{"in_reach", FT_INT, 1, 0},
};

static const field_spec route_fields[] = {
	{"client_id", FT_STR, 50, 0},
	{"site_id", FT_INT, 9, 0},
	{"road_km", FT_REAL, 12, 3},
	{"road_min", FT_REAL, 12, 1},
};

static const field_spec road_fields[] = {
	{"edge_id", FT_INT, 10, 0},
	{"class", FT_STR, 50, 0},
	{"ferry", FT_INT, 1, 0},
	{"length_m", FT_REAL, 12, 1},
	{"min_site", FT_REAL, 12, 3},
};

static const field_spec iso_fields[] = {
	{"minutes", FT_INT, 4, 0},
};

/* The path of each client to its site, from its village point (v) or,
 * when asked for, from its home (h); see road_layers.h. */
#define ROUTES_SQL(ORIGIN) \
	"SELECT r.client_id, r.site_id, " JK_SQL_KM("r.road_km") "," \
	" round(r.road_min, 1), AsBinary(r.geom) FROM road_routes r" \
	" WHERE r.origin = '" ORIGIN "' ORDER BY r.client_id"

/* An edge's minutes: the nearer of its two ends. */
#define EDGE_MIN \
	"CASE WHEN a.min_site IS NULL THEN b.min_site" \
	" WHEN b.min_site IS NULL THEN a.min_site" \
	" ELSE min(a.min_site, b.min_site) END"

/* Road travel of a village (c) or client link (l), NULL unless by road. */
#define ROAD_COLS(t) JK_SQL_KM(t ".road_km") ", round(" t ".road_min, 1), " t ".reach"

/* The geocoded point of a site (s). */
#define SITE_LON "(CASE WHEN s.geom IS NOT NULL THEN X(s.geom) ELSE s.lon END)"
#define SITE_LAT "(CASE WHEN s.geom IS NOT NULL THEN Y(s.geom) ELSE s.lat END)"

/* The point shown for a client (cl): the point of its village (v) by
 * default, the recorded home only when asked for. */
#define CLIENT_VILLAGE_PT "X(v.pt), Y(v.pt)"
#define CLIENT_EXACT_PT "cl.lon, cl.lat"

#define CLIENTS_SQL(PT) \
	"SELECT cl.client_id, cl.src_row, NULLIF(cl.src_sheet, ''), cl.kode_desa, cl.precision," \
	" CASE WHEN cl.status = 'active' THEN 1 ELSE 0 END, cl.anak," \
	" l.site_id, " JK_SQL_KM("l.dist_km") ", l.in_reach, " ROAD_COLS("l") ", " PT \
	" FROM clients cl" \
	" LEFT JOIN villages v ON v.kode = cl.kode_desa" \
	" LEFT JOIN client_links l ON l.client_id = cl.client_id" \
	" ORDER BY cl.client_id"

#define LINKS_SQL(PT) \
	"SELECT l.client_id, l.site_id, " JK_SQL_KM("l.dist_km") "," \
	" l.in_reach, " PT ", " SITE_LON ", " SITE_LAT \
	" FROM client_links l" \
	" JOIN clients cl ON cl.client_id = l.client_id" \
	" JOIN sites s ON s.site_id = l.site_id" \
	" LEFT JOIN villages v ON v.kode = cl.kode_desa" \
	" ORDER BY l.client_id"

static const layer_spec layers[] = {
	{"desa_coverage", wkbMultiPolygon, GK_WKB, desa_fields,
	 N_OF(desa_fields),
	 "SELECT " JK_SQL_DESA_COLS ", " ROAD_COLS("c") ", AsBinary(v.geom)"
	 JK_SQL_DESA_FROM " ORDER BY v.kode", NULL, 0, 0, 0},
	{"kecamatan_summary", wkbMultiPolygon, GK_WKB, kec_fields,
	 N_OF(kec_fields),
	 JK_SQL_KEC_HEAD ", AsBinary(CastToMultiPolygon("
	 "CollectionExtract(ST_Union(v.geom), 3)))" JK_SQL_KEC_TAIL, NULL, 0,
	 1, 0},
	{"sites", wkbPoint, GK_POINT, site_fields, N_OF(site_fields),
	 "SELECT s.site_id, s.src_row, NULLIF(s.src_sheet, ''), s.nama, s.jenis, s.status,"
	 " s.kapasitas, s.anak_ok, s.kode_desa, s.precision,"
	 " round(s.score, 3), s.geo_note, s.alamat, " SITE_LON ", " SITE_LAT
	 " FROM sites s ORDER BY s.site_id", NULL, 0, 0, 0},
	{"gaps", wkbMultiPolygon, GK_WKB, desa_fields, N_OF(desa_fields),
	 "SELECT " JK_SQL_DESA_COLS ", " ROAD_COLS("c") ", AsBinary(v.geom)"
	 JK_SQL_DESA_FROM JK_SQL_GAP_WHERE " ORDER BY v.kode", NULL, 0, 0, 0},
	{"clients", wkbPoint, GK_POINT, client_fields, N_OF(client_fields),
	 CLIENTS_SQL(CLIENT_VILLAGE_PT), CLIENTS_SQL(CLIENT_EXACT_PT), 1, 0, 0},
	{"client_links", wkbLineString, GK_LINE, link_fields,
	 N_OF(link_fields), LINKS_SQL(CLIENT_VILLAGE_PT),
	 LINKS_SQL(CLIENT_EXACT_PT), 1, 0, 0},
	{"client_routes", wkbLineString, GK_WKB, route_fields,
	 N_OF(route_fields), ROUTES_SQL("village"), ROUTES_SQL("home"), 1, 0,
	 1},
	{"roads", wkbLineString, GK_WKB, road_fields, N_OF(road_fields),
	 "SELECT e.edge_id, e.class, e.ferry, round(e.length_m, 1),"
	 " round(" EDGE_MIN ", 3), AsBinary(e.geom) FROM road_edges e"
	 " LEFT JOIN road_node_min a ON a.node_id = e.source"
	 " LEFT JOIN road_node_min b ON b.node_id = e.target"
	 " ORDER BY e.edge_id", NULL, 0, 0, 1},
	{"isochrones", wkbMultiPolygon, GK_WKB, iso_fields, N_OF(iso_fields),
	 "SELECT minutes, AsBinary(geom) FROM road_isochrones"
	 " ORDER BY minutes DESC", NULL, 0, 0, 1},
};

/* ------------------------------------------------------------------ */
/* Shared helpers (export_int.h)                                       */

/* Checks that the store holds results to write: villages, and a coverage
 * result for every one of them. Returns JK_OK, or JK_ERR_STATE (or
 * JK_ERR_DB) with the context error set. */
static int check_ready(jk_store *st)
{
	sqlite3_stmt *s = NULL;
	long nv = 0, nc = 0, missing = 0;
	int rc;

	rc = jk_store_prepare(st,
		"SELECT (SELECT count(*) FROM villages),"
		" (SELECT count(*) FROM coverage),"
		" (SELECT count(*) FROM villages v WHERE NOT EXISTS"
		"  (SELECT 1 FROM coverage c WHERE c.kode = v.kode))", &s);
	if (rc)
		goto cleanup;
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = jk_store_dberr(st, "cannot count the coverage results");
		goto cleanup;
	}
	nv = (long)sqlite3_column_int64(s, 0);
	nc = (long)sqlite3_column_int64(s, 1);
	missing = (long)sqlite3_column_int64(s, 2);
	if (nv == 0)
		rc = jk_error(st->ctx, JK_ERR_STATE,
			      "the store has no villages; import the village boundaries and run 'jangkau coverage' first");
	else if (nc == 0)
		rc = jk_error(st->ctx, JK_ERR_STATE,
			      "no coverage results in the store; run 'jangkau coverage' first");
	else if (missing > 0)
		rc = jk_error(st->ctx, JK_ERR_STATE,
			      "%ld of %ld villages have no coverage result (the boundaries changed after the last coverage run); run 'jangkau coverage' again",
			      missing, nv);
	if (rc)
		goto cleanup;
	sqlite3_finalize(s);
	s = NULL;
	/* Results older than the data they were computed from are still
	 * written (the office may want yesterday's map), but not silently. */
	rc = jk_store_prepare(st,
		"SELECT count(*) FROM runs WHERE run_id >"
		" (SELECT max(run_id) FROM runs WHERE step LIKE 'coverage%')"
		" AND (step LIKE 'import%' OR step LIKE 'geocode%')", &s);
	if (rc)
		goto cleanup;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0)
		jk_msg(st->ctx, JK_LOG_WARN,
		       "the coverage results are older than the last import or geocoding; run 'jangkau coverage' again for current results");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

/* Creates @p dir and its missing parents (like mkdir -p). */
static int mkdir_p(jk_ctx *ctx, const char *dir)
{
	char *p = NULL, *q;
	struct stat sb;
	int rc = JK_OK;

	if (!dir || !*dir)
		return jk_error(ctx, JK_ERR_ARG, "no output directory given");
	p = jk_strdup(dir);
	if (!p)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	for (q = p + 1; ; q++) {
		char c = *q;

		if (c != '/' && c != '\0')
			continue;
		*q = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = jk_error(ctx, JK_ERR_IO,
				      "%s: cannot create directory: %s", p,
				      strerror(errno));
			goto cleanup;
		}
		*q = c;
		if (c == '\0')
			break;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		rc = jk_error(ctx, JK_ERR_IO, "%s: not a directory", dir);
cleanup:
	free(p);
	return rc;
}

int jk_export_begin(jk_ctx *ctx, jk_store *st, const char *dir, int *in_txn)
{
	int rc;

	*in_txn = 0;
	if (sqlite3_get_autocommit(st->db)) {
		rc = jk_store_exec(st, "BEGIN");
		if (rc)
			return rc;
		*in_txn = 1;
	}
	rc = check_ready(st);
	if (!rc)
		rc = mkdir_p(ctx, dir);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The export                                                          */

enum { FMT_JSON, FMT_SHP, FMT_GPKG, N_FMT };

typedef struct exporter {
	jk_ctx *ctx;
	jk_store *st;
	const char *dir;
	char tmp[PATH_SZ];  /* private work directory inside dir */
	int formats;        /* JK_FORMAT_* bits */
	int exact;
	int by_road;        /* the coverage results are by road */
	GDALDriverH drv[N_FMT];
	GDALDatasetH gpkg;
	OGRSpatialReferenceH srs;
	jk_gdal_errs gdal;  /* GDAL's messages while the export runs */
} exporter;

static const char *const driver_names[N_FMT] = {
	"GeoJSON", "ESRI Shapefile", "GPKG"
};
static const int format_bits[N_FMT] = {
	JK_FORMAT_GEOJSON, JK_FORMAT_SHP, JK_FORMAT_GPKG
};

/* Sets a JK_ERR_GDAL error: the formatted subject, then GDAL's message. */
static int gdal_fail(exporter *ex, const char *fmt, ...) JK_PRINTF(2, 3);
static int gdal_fail(exporter *ex, const char *fmt, ...)
{
	char head[PATH_SZ + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	return jk_error(ex->ctx, JK_ERR_GDAL, "%s: %s", head,
			ex->gdal.failed ? jk_gdal_lasterr(ex->ctx) :
			"unknown GDAL error");
}

static int make_path(exporter *ex, char *out, const char *dir,
		     const char *name, const char *ext)
{
	int n = snprintf(out, PATH_SZ, "%s/%s%s", dir, name, ext);

	if (n < 0 || n >= PATH_SZ)
		return jk_error(ex->ctx, JK_ERR_ARG, "%s: path too long", dir);
	return JK_OK;
}

/* Copies at most @p width bytes of @p in to @p out, never cutting a UTF-8
 * sequence and replacing bytes that are not UTF-8 with '?': every format
 * then holds the same, valid text (DBF fields are limited in bytes). */
static void utf8_clip(const char *in, int width, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t lim = (size_t)width < outsz - 1 ? (size_t)width : outsz - 1;
	size_t o = 0;

	while (*p) {
		size_t n = 0, k;
		unsigned char c = *p;
		unsigned char lo = 0x80, hi = 0xBF;

		if (c < 0x80)
			n = 1;
		else if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		for (k = 1; k < n; k++) {
			unsigned char b = p[k];

			if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
				break;
		}
		if (n == 0 || k < n) {
			if (o + 1 > lim)
				break;
			out[o++] = '?';
			p++;
			continue;
		}
		if (o + n > lim)
			break;
		memcpy(out + o, p, n);
		o += n;
		p += n;
	}
	out[o] = '\0';
}

static OGRFeatureDefnH defn_create(const layer_spec *ls)
{
	OGRFeatureDefnH fd = OGR_FD_Create(ls->name);
	int i;

	if (!fd)
		return NULL;
	OGR_FD_Reference(fd);
	OGR_FD_SetGeomType(fd, ls->gtype);
	for (i = 0; i < ls->nfields; i++) {
		const field_spec *f = &ls->fields[i];
		OGRFieldDefnH fld = OGR_Fld_Create(f->name,
			f->type == FT_INT ? OFTInteger :
			f->type == FT_REAL ? OFTReal : OFTString);

		OGR_Fld_SetWidth(fld, f->width);
		OGR_Fld_SetPrecision(fld, f->prec);
		OGR_FD_AddFieldDefn(fd, fld);
		OGR_Fld_Destroy(fld);
	}
	return fd;
}

/* Creates the fields of @p ls on an output layer and checks that the
 * driver kept every name and the order: the features are written by field
 * index, and the names are a documented contract. */
static int layer_add_fields(exporter *ex, OGRLayerH lyr, OGRFeatureDefnH fd,
			    const layer_spec *ls, const char *fmt)
{
	OGRFeatureDefnH ld;
	int i;

	for (i = 0; i < ls->nfields; i++) {
		if (OGR_L_CreateField(lyr, OGR_FD_GetFieldDefn(fd, i), FALSE) !=
		    OGRERR_NONE) {
			char what[256];

			snprintf(what, sizeof what, "%s (%s): field '%s'",
				 ls->name, fmt, ls->fields[i].name);
			return gdal_fail(ex, "%s: cannot create field", what);
		}
	}
	ld = OGR_L_GetLayerDefn(lyr);
	if (OGR_FD_GetFieldCount(ld) != ls->nfields)
		return jk_error(ex->ctx, JK_ERR_GDAL,
				"%s (%s): the driver added or dropped fields",
				ls->name, fmt);
	for (i = 0; i < ls->nfields; i++) {
		const char *got = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(ld, i));

		if (strcmp(got, ls->fields[i].name) != 0)
			return jk_error(ex->ctx, JK_ERR_GDAL,
					"%s (%s): field '%s' was renamed to '%s'",
					ls->name, fmt, ls->fields[i].name, got);
	}
	return JK_OK;
}

static void set_field(OGRFeatureH f, int i, const field_spec *fs,
		      sqlite3_stmt *s, int col)
{
	int t = sqlite3_column_type(s, col);

	if (t == SQLITE_NULL) {
		OGR_F_SetFieldNull(f, i);
		return;
	}
	switch (fs->type) {
	case FT_INT:
		if (t == SQLITE_INTEGER || t == SQLITE_FLOAT)
			OGR_F_SetFieldInteger(f, i, sqlite3_column_int(s, col));
		else
			OGR_F_SetFieldNull(f, i);
		break;
	case FT_REAL:
		if (t == SQLITE_INTEGER || t == SQLITE_FLOAT)
			OGR_F_SetFieldDouble(f, i,
					     sqlite3_column_double(s, col));
		else
			OGR_F_SetFieldNull(f, i);
		break;
	case FT_STR: {
		char buf[1024];
		const char *txt = (const char *)sqlite3_column_text(s, col);

		utf8_clip(txt ? txt : "", fs->width, buf, sizeof buf);
		OGR_F_SetFieldString(f, i, buf);
		break;
	}
	}
}

static int col_is_num(sqlite3_stmt *s, int col)
{
	int t = sqlite3_column_type(s, col);

	return t == SQLITE_INTEGER || t == SQLITE_FLOAT;
}

/* The union of a district's villages, snapped to a grid of 1e-7 degree
 * (about 1 cm) with GEOS' precision reducer, which keeps it valid. The
 * union has vertices closer than that where village edges nearly meet, and
 * the RFC 7946 writer rounds to 7 decimals: without the snap the GeoJSON
 * polygons would self-intersect where the other formats are valid.
 * Returns NULL when GEOS fails; the caller keeps the raw union then. */
static OGRGeometryH snap_to_grid(jk_ctx *ctx, const void *wkb, int n)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSWKBReader *rd = NULL;
	GEOSWKBWriter *wr = NULL;
	GEOSGeometry *g = NULL, *snapped = NULL;
	unsigned char *out = NULL;
	size_t size = 0;
	OGRGeometryH og = NULL;

	rd = GEOSWKBReader_create_r(h);
	wr = GEOSWKBWriter_create_r(h);
	if (!rd || !wr)
		goto cleanup;
	g = GEOSWKBReader_read_r(h, rd, wkb, (size_t)n);
	if (g)
		snapped = GEOSGeom_setPrecision_r(h, g, 1e-7, 0);
	if (!snapped || GEOSisEmpty_r(h, snapped) != 0)
		goto cleanup;
	out = GEOSWKBWriter_write_r(h, wr, snapped, &size);
	if (!out || OGR_G_CreateFromWkb(out, NULL, &og, (int)size) !=
	    OGRERR_NONE)
		og = NULL;
cleanup:
	if (out)
		GEOSFree_r(h, out);
	if (snapped)
		GEOSGeom_destroy_r(h, snapped);
	if (g)
		GEOSGeom_destroy_r(h, g);
	if (wr)
		GEOSWKBWriter_destroy_r(h, wr);
	if (rd)
		GEOSWKBReader_destroy_r(h, rd);
	return og;
}

/* A copy of MultiPolygon @p mp without the holes smaller than
 * SLIVER_DEG2; NULL when out of memory. */
static OGRGeometryH fill_slivers(OGRGeometryH mp)
{
	OGRGeometryH out = OGR_G_CreateGeometry(wkbMultiPolygon);
	int i, r;

	if (!out)
		return NULL;
	for (i = 0; i < OGR_G_GetGeometryCount(mp); i++) {
		OGRGeometryH poly = OGR_G_GetGeometryRef(mp, i);
		OGRGeometryH np = OGR_G_CreateGeometry(wkbPolygon);

		if (!np) {
			OGR_G_DestroyGeometry(out);
			return NULL;
		}
		for (r = 0; r < OGR_G_GetGeometryCount(poly); r++) {
			OGRGeometryH ring = OGR_G_GetGeometryRef(poly, r);

			if (r == 0 || OGR_G_Area(ring) >= SLIVER_DEG2)
				OGR_G_AddGeometry(np, ring);
		}
		OGR_G_AddGeometryDirectly(out, np);
	}
	return out;
}

/* The geometry of a row, or NULL (a feature without geometry). */
static OGRGeometryH row_geometry(exporter *ex, const layer_spec *ls,
				 sqlite3_stmt *s, int col)
{
	OGRGeometryH g = NULL;

	switch (ls->gkind) {
	case GK_WKB: {
		const void *wkb = sqlite3_column_blob(s, col);
		int n = sqlite3_column_bytes(s, col);

		if (!wkb || n <= 0)
			return NULL;
		if (n < 5) {
			jk_msg(ex->ctx, JK_LOG_WARN, "%s: %s: unreadable geometry",
			       ls->name, (const char *)sqlite3_column_text(s, 0));
			return NULL;
		}
		if (ls->fill_slivers) {
			g = snap_to_grid(ex->ctx, wkb, n);
			if (!g)
				jk_msg(ex->ctx, JK_LOG_WARN,
				       "%s: %s: cannot snap the union of the villages to a 1 cm grid: %s",
				       ls->name, (const char *)
				       sqlite3_column_text(s, 0),
				       jk_geos_lasterr(ex->ctx));
		}
		if (!g && OGR_G_CreateFromWkb(wkb, NULL, &g, n) != OGRERR_NONE) {
			jk_msg(ex->ctx, JK_LOG_WARN, "%s: %s: unreadable geometry",
			       ls->name, (const char *)sqlite3_column_text(s, 0));
			return NULL;
		}
		if (ls->gtype == wkbMultiPolygon &&
		    wkbFlatten(OGR_G_GetGeometryType(g)) != wkbMultiPolygon)
			g = OGR_G_ForceToMultiPolygon(g);
		if (g && ls->fill_slivers) {
			OGRGeometryH filled = fill_slivers(g);

			OGR_G_DestroyGeometry(g);
			g = filled;
		}
		break;
	}
	case GK_POINT:
		if (!col_is_num(s, col) || !col_is_num(s, col + 1))
			return NULL;
		g = OGR_G_CreateGeometry(wkbPoint);
		if (g)
			OGR_G_SetPoint_2D(g, 0, sqlite3_column_double(s, col),
					  sqlite3_column_double(s, col + 1));
		break;
	case GK_LINE:
		if (!col_is_num(s, col) || !col_is_num(s, col + 1) ||
		    !col_is_num(s, col + 2) || !col_is_num(s, col + 3))
			return NULL;
		g = OGR_G_CreateGeometry(wkbLineString);
		if (g) {
			OGR_G_SetPoint_2D(g, 0, sqlite3_column_double(s, col),
					  sqlite3_column_double(s, col + 1));
			OGR_G_SetPoint_2D(g, 1,
					  sqlite3_column_double(s, col + 2),
					  sqlite3_column_double(s, col + 3));
		}
		break;
	}
	return g;
}

/* Writes one layer into every requested format. */
static int export_layer(exporter *ex, const layer_spec *ls)
{
	static const char *const json_opts[] = {"RFC7946=YES", NULL};
	static const char *const shp_opts[] = {"ENCODING=UTF-8", NULL};
	static const char *const gpkg_opts[] = {"GEOMETRY_NAME=geom",
						"FID=fid", NULL};
	GDALDatasetH ds[N_FMT] = {NULL, NULL, NULL};
	OGRLayerH lyr[N_FMT] = {NULL, NULL, NULL};
	OGRFeatureDefnH fd = NULL;
	OGRFeatureH f = NULL, out[N_FMT] = {NULL, NULL, NULL};
	int *map = NULL;
	sqlite3_stmt *s = NULL;
	const char *sql = ex->exact && ls->sql_exact ? ls->sql_exact : ls->sql;
	char path[PATH_SZ];
	int in_txn = 0, rc = JK_OK, k, step;
	long n = 0;

	fd = defn_create(ls);
	if (!fd) {
		rc = jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	for (k = 0; k < N_FMT; k++) {
		char **opts = (char **)(k == FMT_JSON ? json_opts :
					k == FMT_SHP ? shp_opts : gpkg_opts);

		if (!(ex->formats & format_bits[k]))
			continue;
		if (k == FMT_GPKG) {
			ds[k] = ex->gpkg;
		} else {
			rc = make_path(ex, path, ex->tmp, ls->name,
				       k == FMT_JSON ? ".geojson" : ".shp");
			if (rc)
				goto cleanup;
			ds[k] = GDALCreate(ex->drv[k], path, 0, 0, 0,
					   GDT_Unknown, NULL);
			if (!ds[k]) {
				rc = gdal_fail(ex, "%s: cannot create",
					       ls->name);
				goto cleanup;
			}
		}
		lyr[k] = GDALDatasetCreateLayer(ds[k], ls->name, ex->srs,
						ls->gtype, opts);
		if (!lyr[k]) {
			rc = gdal_fail(ex, "%s: cannot create layer",
				       ls->name);
			goto cleanup;
		}
		rc = layer_add_fields(ex, lyr[k], fd, ls, driver_names[k]);
		if (rc)
			goto cleanup;
	}
	map = malloc((size_t)ls->nfields * sizeof *map);
	if (!map) {
		rc = jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	for (k = 0; k < ls->nfields; k++)
		map[k] = k;
	for (k = 0; k < N_FMT; k++) {
		if (!lyr[k])
			continue;
		out[k] = OGR_F_Create(OGR_L_GetLayerDefn(lyr[k]));
		if (!out[k]) {
			rc = jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
			goto cleanup;
		}
	}
	if (ds[FMT_GPKG]) {
		if (GDALDatasetStartTransaction(ds[FMT_GPKG], FALSE) !=
		    OGRERR_NONE) {
			rc = gdal_fail(ex, "%s: cannot start a transaction",
				       ls->name);
			goto cleanup;
		}
		in_txn = 1;
	}

	rc = jk_store_prepare(ex->st, sql, &s);
	if (rc)
		goto cleanup;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		int i;

		f = OGR_F_Create(fd);
		if (!f) {
			rc = jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
			goto cleanup;
		}
		for (i = 0; i < ls->nfields; i++)
			set_field(f, i, &ls->fields[i], s, i);
		OGR_F_SetGeometryDirectly(f,
					  row_geometry(ex, ls, s, ls->nfields));
		for (k = 0; k < N_FMT; k++) {
			if (!lyr[k])
				continue;
			/* Drivers expect features of their own layer
			 * definition; the fields are in the same order. */
			if (OGR_F_SetFromWithMap(out[k], f, FALSE, map) !=
			    OGRERR_NONE) {
				rc = jk_error(ex->ctx, JK_ERR_NOMEM,
					      "out of memory");
				goto cleanup;
			}
			/* each driver numbers its own features */
			OGR_F_SetFID(out[k], OGRNullFID);
			if (OGR_L_CreateFeature(lyr[k], out[k]) != OGRERR_NONE) {
				char what[128];

				snprintf(what, sizeof what, "%s (%s)",
					 ls->name, driver_names[k]);
				rc = gdal_fail(ex, "%s: cannot write a feature",
					       what);
				goto cleanup;
			}
		}
		OGR_F_Destroy(f);
		f = NULL;
		if (++n % 1000 == 0)
			jk_progress(ex->ctx, ls->name, n, 0);
	}
	if (step != SQLITE_DONE) {
		rc = jk_store_dberr(ex->st, ls->name);
		goto cleanup;
	}
	if (in_txn) {
		in_txn = 0;
		if (GDALDatasetCommitTransaction(ds[FMT_GPKG]) != OGRERR_NONE) {
			rc = gdal_fail(ex, "%s: cannot commit", ls->name);
			goto cleanup;
		}
	}
	jk_msg(ex->ctx, JK_LOG_INFO, "%s: %ld features", ls->name, n);
cleanup:
	if (in_txn)
		GDALDatasetRollbackTransaction(ds[FMT_GPKG]);
	sqlite3_finalize(s);
	if (f)
		OGR_F_Destroy(f);
	free(map);
	for (k = 0; k < N_FMT; k++) {
		if (out[k])
			OGR_F_Destroy(out[k]);
		if (ds[k] && k != FMT_GPKG)
			GDALClose(ds[k]); /* flushes: errors reach ex->gdal */
	}
	if (fd)
		OGR_FD_Release(fd);
	if (!rc && ex->gdal.failed)
		rc = gdal_fail(ex, "%s: cannot write", ls->name);
	return rc;
}

/* Removes the work directory and whatever is in it. */
static void tmp_remove(exporter *ex)
{
	DIR *d;
	struct dirent *e;
	char path[PATH_SZ];

	if (!ex->tmp[0])
		return;
	d = opendir(ex->tmp);
	if (d) {
		while ((e = readdir(d)) != NULL) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			if (snprintf(path, sizeof path, "%s/%s", ex->tmp,
				     e->d_name) < (int)sizeof path)
				unlink(path);
		}
		closedir(d);
	}
	rmdir(ex->tmp);
	ex->tmp[0] = '\0';
}

static int is_personal(const char *fname)
{
	size_t i;

	if (!strcmp(fname, "jangkau.gpkg"))
		return 1;
	for (i = 0; i < sizeof layers / sizeof layers[0]; i++) {
		size_t n = strlen(layers[i].name);

		if (layers[i].personal && !strncmp(fname, layers[i].name, n) &&
		    fname[n] == '.')
			return 1;
	}
	return 0;
}

/* Removes files that belong to an output being replaced but that this
 * export does not write: an index of an old Shapefile would describe the
 * old geometries, and an old journal would be replayed into the new
 * GeoPackage. */
static int remove_stale(exporter *ex, const char *fname)
{
	static const char *const gpkg_side[] = {"-wal", "-shm", "-journal"};
	static const char *const shp_side[] = {".qix", ".sbn", ".sbx"};
	const char *const *side = NULL;
	char path[PATH_SZ], base[PATH_SZ];
	const char *dot = strrchr(fname, '.');
	int i, nside = 3;

	if (!strcmp(fname, "jangkau.gpkg"))
		side = gpkg_side;
	else if (dot && !strcmp(dot, ".shp"))
		side = shp_side;
	if (!side)
		return JK_OK;
	snprintf(base, sizeof base, "%.*s",
		 side == shp_side ? (int)(dot - fname) : (int)strlen(fname),
		 fname);
	for (i = 0; i < nside; i++) {
		if (make_path(ex, path, ex->dir, base, side[i]))
			return JK_ERR_ARG;
		if (unlink(path) != 0 && errno != ENOENT)
			return jk_error(ex->ctx, JK_ERR_IO,
					"%s: cannot remove: %s", path,
					strerror(errno));
	}
	return JK_OK;
}

/* Moves every finished file from the work directory into the output
 * directory, replacing the outputs of an earlier export. */
static int tmp_publish(exporter *ex)
{
	DIR *d;
	struct dirent *e;
	char from[PATH_SZ], to[PATH_SZ];
	int rc = JK_OK;

	d = opendir(ex->tmp);
	if (!d)
		return jk_error(ex->ctx, JK_ERR_IO, "%s: cannot read: %s",
				ex->tmp, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		rc = make_path(ex, from, ex->tmp, e->d_name, "");
		if (!rc)
			rc = make_path(ex, to, ex->dir, e->d_name, "");
		if (rc)
			break;
		if (ex->exact && is_personal(e->d_name) &&
		    chmod(from, 0600) != 0) {
			rc = jk_error(ex->ctx, JK_ERR_IO,
				      "%s: cannot restrict access: %s", from,
				      strerror(errno));
			break;
		}
		rc = remove_stale(ex, e->d_name);
		if (rc)
			break;
		if (rename(from, to) != 0) {
			rc = jk_error(ex->ctx, JK_ERR_IO,
				      "%s: cannot replace: %s", to,
				      strerror(errno));
			break;
		}
	}
	closedir(d);
	return rc;
}

int jk_export(jk_ctx *ctx, jk_store *st, const char *dir,
	      const jk_export_opts *opts)
{
	exporter ex;
	int rc = JK_OK, pushed = 0, in_txn = 0, k;
	size_t i, nl = sizeof layers / sizeof layers[0];
	char path[PATH_SZ];

	if (!ctx)
		return JK_ERR_ARG;
	memset(&ex, 0, sizeof ex);
	if (!st || !dir || !*dir)
		return jk_error(ctx, JK_ERR_ARG,
				"jk_export: no store or no output directory given");
	ex.ctx = ctx;
	ex.st = st;
	ex.dir = dir;
	ex.formats = opts && opts->formats ? opts->formats :
		JK_FORMAT_GEOJSON | JK_FORMAT_SHP | JK_FORMAT_GPKG;
	ex.exact = opts ? opts->exact_client_locations : 0;
	if (ex.formats & ~(JK_FORMAT_GEOJSON | JK_FORMAT_SHP | JK_FORMAT_GPKG))
		return jk_error(ctx, JK_ERR_ARG, "unknown export format bits 0x%x",
				(unsigned)ex.formats);

	/* one read transaction: all layers show the store at one moment */
	rc = jk_export_begin(ctx, st, dir, &in_txn);
	if (rc)
		goto cleanup;
	rc = make_path(&ex, ex.tmp, dir, ".jangkau-export-", "XXXXXX");
	if (rc)
		goto cleanup;
	if (!mkdtemp(ex.tmp)) {
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", dir,
			      strerror(errno));
		ex.tmp[0] = '\0';
		goto cleanup;
	}

	GDALAllRegister();
	jk_gdal_push_errs(&ex.gdal, ctx, JK_GDAL_FIRST | JK_GDAL_WARN);
	pushed = 1;
	CPLErrorReset();
	for (k = 0; k < N_FMT; k++) {
		if (!(ex.formats & format_bits[k]))
			continue;
		ex.drv[k] = GDALGetDriverByName(driver_names[k]);
		if (!ex.drv[k]) {
			rc = jk_error(ctx, JK_ERR_GDAL,
				      "the GDAL driver '%s' is not available",
				      driver_names[k]);
			goto cleanup;
		}
	}
	ex.srs = jk_srs_wgs84();
	if (!ex.srs) {
		rc = gdal_fail(&ex, "%s",
			       "cannot set up EPSG:4326 (is PROJ's proj.db installed?)");
		goto cleanup;
	}
	if (ex.formats & JK_FORMAT_GPKG) {
		rc = make_path(&ex, path, ex.tmp, "jangkau", ".gpkg");
		if (rc)
			goto cleanup;
		ex.gpkg = GDALCreate(ex.drv[FMT_GPKG], path, 0, 0, 0,
				     GDT_Unknown, NULL);
		if (!ex.gpkg) {
			rc = gdal_fail(&ex, "%s: cannot create", path);
			goto cleanup;
		}
	}
	{
		char *method = jk_store_meta_get(st, "coverage_method");

		ex.by_road = method && !strcmp(method, "road");
		free(method);
	}
	for (i = 0; i < nl; i++) {
		jk_progress(ctx, "export", (long)i, (long)nl);
		if (layers[i].by_road && !ex.by_road)
			continue; /* absent, not empty */
		rc = export_layer(&ex, &layers[i]);
		if (rc)
			goto cleanup;
	}
	/* the QGIS styles: sidecars, layer_styles and the project */
	rc = jk_export_styles(ctx, ex.tmp, ex.formats, ex.gpkg);
	if (rc)
		goto cleanup;
	if (ex.gpkg) {
		GDALClose(ex.gpkg);
		ex.gpkg = NULL;
		if (ex.gdal.failed) {
			rc = gdal_fail(&ex, "%s", "jangkau.gpkg: cannot write");
			goto cleanup;
		}
	}
	rc = tmp_publish(&ex);
	if (!rc)
		jk_progress(ctx, "export", (long)nl, (long)nl);
cleanup:
	if (ex.gpkg)
		GDALClose(ex.gpkg);
	if (ex.srs)
		OSRDestroySpatialReference(ex.srs);
	if (pushed)
		jk_gdal_pop();
	tmp_remove(&ex);
	if (in_txn)
		jk_store_rollback(st); /* nothing was written to the store */
	return rc;
}
