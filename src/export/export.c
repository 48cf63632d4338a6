/* SPDX-License-Identifier: MIT */
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
 * half-written layer. Client layers follow docs/privacy.md: by default a
 * pseudonym at the village point, distances from that point, no juvenile
 * flag; the office's ids, the homes and the flag only when asked for. The
 * files that hold clients are made owner-only before they become visible.
 */
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

#include "analyse/reach.h"
#include "core/file.h"
#include "core/gdal_util.h"
#include "core/pseudonym.h"
#include "core/util.h"
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
	"SELECT jk_client_id(r.client_id), r.site_id, " JK_SQL_KM("r.road_km") "," \
	" round(r.road_min, 1), AsBinary(r.geom) FROM road_routes r" \
	" WHERE r.origin = '" ORIGIN "' ORDER BY 1"

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

/* Distances published with that point (docs/privacy.md): by default they
 * agree with the village point, so that no distance puts a home on a
 * circle around a known site: the geodesic distance from the village
 * point to the site (the analysis' own function, jk_geodesic_km()), or
 * by road (:by_road) the road distance and time of the route from the
 * village point (rr, road_routes origin 'village'). With exact locations
 * the analysis' own figures from the home (l). */
#define CLIENT_VILLAGE_KM \
	"CASE WHEN :by_road THEN " JK_SQL_KM("rr.road_km") \
	" ELSE " JK_SQL_KM("jk_geodesic_km(X(v.pt), Y(v.pt), " SITE_LON ", " SITE_LAT ")") \
	" END"
#define CLIENT_VILLAGE_ROAD JK_SQL_KM("rr.road_km") ", round(rr.road_min, 1)"
#define CLIENT_EXACT_KM JK_SQL_KM("l.dist_km")
#define CLIENT_EXACT_ROAD JK_SQL_KM("l.road_km") ", round(l.road_min, 1)"

/* The id of a client in a layer: a pseudonym unless the office's own ids
 * were asked for (jk_client_id(), registered by the export), and the
 * juvenile flag only when asked for (:juvenile), else NULL. Features are
 * ordered by the id the layer shows, so that the order gives nothing of
 * the office's numbering away. */
#define CLIENT_ID "jk_client_id(cl.client_id)"
#define CLIENT_ANAK "CASE WHEN :juvenile THEN cl.anak END"

#define CLIENT_JOINS \
	" LEFT JOIN villages v ON v.kode = cl.kode_desa" \
	" LEFT JOIN sites s ON s.site_id = l.site_id" \
	" LEFT JOIN road_routes rr ON rr.client_id = cl.client_id" \
	"  AND rr.origin = 'village'"

#define CLIENTS_SQL(PT, KM, ROAD) \
	"SELECT " CLIENT_ID ", cl.src_row, NULLIF(cl.src_sheet, ''), cl.kode_desa, cl.precision," \
	" CASE WHEN cl.status = 'active' THEN 1 ELSE 0 END, " CLIENT_ANAK "," \
	" l.site_id, " KM ", l.in_reach, " ROAD ", l.reach, " PT \
	" FROM clients cl" \
	" LEFT JOIN client_links l ON l.client_id = cl.client_id" \
	CLIENT_JOINS " ORDER BY 1"

#define LINKS_SQL(PT, KM) \
	"SELECT " CLIENT_ID ", l.site_id, " KM "," \
	" l.in_reach, " PT ", " SITE_LON ", " SITE_LAT \
	" FROM client_links l" \
	" JOIN clients cl ON cl.client_id = l.client_id" \
	CLIENT_JOINS " WHERE s.site_id IS NOT NULL ORDER BY 1"

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
	 CLIENTS_SQL(CLIENT_VILLAGE_PT, CLIENT_VILLAGE_KM, CLIENT_VILLAGE_ROAD),
	 CLIENTS_SQL(CLIENT_EXACT_PT, CLIENT_EXACT_KM, CLIENT_EXACT_ROAD), 1, 0, 0},
	{"client_links", wkbLineString, GK_LINE, link_fields,
	 N_OF(link_fields), LINKS_SQL(CLIENT_VILLAGE_PT, CLIENT_VILLAGE_KM),
	 LINKS_SQL(CLIENT_EXACT_PT, CLIENT_EXACT_KM), 1, 0, 0},
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

/* ------------------------------------------------------------------ */
/* The export                                                          */

enum { FMT_JSON, FMT_SHP, FMT_GPKG, N_FMT };

typedef struct exporter {
	jk_ctx *ctx;
	jk_store *st;
	const char *dir;
	jk_workdir wd;      /* private work directory inside dir */
	int formats;        /* JK_FORMAT_* bits */
	int exact;
	int juvenile;       /* publish the juvenile flag of clients */
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

/* Binds the option @p name of a layer's SQL, when the SQL uses it. */
static void bind_flag(sqlite3_stmt *s, const char *name, int v)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i > 0)
		sqlite3_bind_int(s, i, v);
}

/* Writes one layer into every requested format. */
/* The open outputs of one layer, in each format being written. */
typedef struct layer_out {
	GDALDatasetH ds[N_FMT];
	OGRLayerH lyr[N_FMT];
	OGRFeatureH out[N_FMT]; /* a feature of each layer's own definition */
	OGRFeatureDefnH fd;     /* the layer's fields, as the SQL gives them */
	int *map;               /* field i of fd is field map[i] of each layer */
	int in_txn;             /* the GeoPackage's transaction is open */
} layer_out;

/* Creates the layer @p ls in every format being written (GeoJSON and
 * Shapefile files in the work directory, a table of the GeoPackage), with
 * its fields, and starts the GeoPackage's transaction. */
static int outputs_open(exporter *ex, const layer_spec *ls, layer_out *lo)
{
	static const char *const json_opts[] = {"RFC7946=YES", NULL};
	static const char *const shp_opts[] = {"ENCODING=UTF-8", NULL};
	static const char *const gpkg_opts[] = {"GEOMETRY_NAME=geom",
						"FID=fid", NULL};
	char path[PATH_SZ];
	int rc, k;

	lo->fd = defn_create(ls);
	if (!lo->fd)
		return jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
	for (k = 0; k < N_FMT; k++) {
		char **opts = (char **)(k == FMT_JSON ? json_opts :
					k == FMT_SHP ? shp_opts : gpkg_opts);

		if (!(ex->formats & format_bits[k]))
			continue;
		if (k == FMT_GPKG) {
			lo->ds[k] = ex->gpkg;
		} else {
			rc = make_path(ex, path, ex->wd.path, ls->name,
				       k == FMT_JSON ? ".geojson" : ".shp");
			if (rc)
				return rc;
			lo->ds[k] = GDALCreate(ex->drv[k], path, 0, 0, 0,
					       GDT_Unknown, NULL);
			if (!lo->ds[k])
				return gdal_fail(ex, "%s: cannot create", ls->name);
		}
		lo->lyr[k] = GDALDatasetCreateLayer(lo->ds[k], ls->name, ex->srs,
						    ls->gtype, opts);
		if (!lo->lyr[k])
			return gdal_fail(ex, "%s: cannot create layer", ls->name);
		rc = layer_add_fields(ex, lo->lyr[k], lo->fd, ls, driver_names[k]);
		if (rc)
			return rc;
	}
	lo->map = malloc((size_t)ls->nfields * sizeof *lo->map);
	if (!lo->map)
		return jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
	for (k = 0; k < ls->nfields; k++)
		lo->map[k] = k;
	for (k = 0; k < N_FMT; k++) {
		if (!lo->lyr[k])
			continue;
		lo->out[k] = OGR_F_Create(OGR_L_GetLayerDefn(lo->lyr[k]));
		if (!lo->out[k])
			return jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
	}
	if (lo->ds[FMT_GPKG]) {
		if (GDALDatasetStartTransaction(lo->ds[FMT_GPKG], FALSE) !=
		    OGRERR_NONE)
			return gdal_fail(ex, "%s: cannot start a transaction",
					 ls->name);
		lo->in_txn = 1;
	}
	return JK_OK;
}

/* Writes the row of @p s as one feature into every format. */
static int feature_write(exporter *ex, const layer_spec *ls, layer_out *lo,
			 sqlite3_stmt *s)
{
	OGRFeatureH f = OGR_F_Create(lo->fd);
	int rc = JK_OK, i, k;

	if (!f)
		return jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
	for (i = 0; i < ls->nfields; i++)
		set_field(f, i, &ls->fields[i], s, i);
	OGR_F_SetGeometryDirectly(f, row_geometry(ex, ls, s, ls->nfields));
	for (k = 0; k < N_FMT && !rc; k++) {
		if (!lo->lyr[k])
			continue;
		/* Drivers expect features of their own layer definition; the
		 * fields are in the same order. */
		if (OGR_F_SetFromWithMap(lo->out[k], f, FALSE, lo->map) !=
		    OGRERR_NONE) {
			rc = jk_error(ex->ctx, JK_ERR_NOMEM, "out of memory");
			break;
		}
		/* each driver numbers its own features */
		OGR_F_SetFID(lo->out[k], OGRNullFID);
		if (OGR_L_CreateFeature(lo->lyr[k], lo->out[k]) != OGRERR_NONE) {
			char what[128];

			snprintf(what, sizeof what, "%s (%s)", ls->name,
				 driver_names[k]);
			rc = gdal_fail(ex, "%s: cannot write a feature", what);
		}
	}
	OGR_F_Destroy(f);
	return rc;
}

/* Ends the outputs of one layer: the GeoPackage's transaction rolled back
 * unless committed, the layer files closed (which flushes them: their
 * errors reach ex->gdal). */
static void outputs_close(layer_out *lo)
{
	int k;

	if (lo->in_txn)
		GDALDatasetRollbackTransaction(lo->ds[FMT_GPKG]);
	free(lo->map);
	for (k = 0; k < N_FMT; k++) {
		if (lo->out[k])
			OGR_F_Destroy(lo->out[k]);
		if (lo->ds[k] && k != FMT_GPKG)
			GDALClose(lo->ds[k]);
	}
	if (lo->fd)
		OGR_FD_Release(lo->fd);
}

static int export_layer(exporter *ex, const layer_spec *ls)
{
	layer_out lo;
	sqlite3_stmt *s = NULL;
	const char *sql = ex->exact && ls->sql_exact ? ls->sql_exact : ls->sql;
	int rc, step;
	long n = 0;

	memset(&lo, 0, sizeof lo);
	rc = outputs_open(ex, ls, &lo);
	if (!rc)
		rc = jk_store_prepare(ex->st, sql, &s);
	if (rc)
		goto cleanup;
	bind_flag(s, ":juvenile", ex->juvenile);
	bind_flag(s, ":by_road", ex->by_road);
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		rc = feature_write(ex, ls, &lo, s);
		if (!rc && ++n % 1000 == 0)
			jk_progress(ex->ctx, ls->name, n, 0);
	}
	if (rc)
		goto cleanup;
	if (step != SQLITE_DONE) {
		rc = jk_store_dberr(ex->st, ls->name);
		goto cleanup;
	}
	if (lo.in_txn) {
		lo.in_txn = 0;
		if (GDALDatasetCommitTransaction(lo.ds[FMT_GPKG]) != OGRERR_NONE) {
			rc = gdal_fail(ex, "%s: cannot commit", ls->name);
			goto cleanup;
		}
	}
	jk_msg(ex->ctx, JK_LOG_INFO, "%s: %ld features", ls->name, n);
cleanup:
	sqlite3_finalize(s);
	outputs_close(&lo);
	if (!rc && ex->gdal.failed)
		rc = gdal_fail(ex, "%s: cannot write", ls->name);
	return rc;
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

/* Readies one finished file of the work directory before the set is moved
 * into the output directory (jk_workdir_publish): its mode by its
 * content, and the stale companions of the file it replaces removed. */
static int prepare_file(void *user, const char *name, const char *from,
			const char *to)
{
	exporter *ex = user;
	int rc;

	(void)to;
	rc = jk_file_set_access(ex->ctx, from,
				is_personal(name) ? JK_FILE_PRIVATE : JK_FILE_PUBLIC);
	if (!rc)
		rc = remove_stale(ex, name);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Client ids and distances in SQL                                     */

/* The meta key of the per-store secret of the client pseudonyms. */
#define KEY_META "client_pseudonym_key"

/* The secret of the client pseudonyms of @p st into @p key: 16 random
 * bytes (getrandom) kept as 32 hex digits in the store's meta table,
 * created by the first export that needs it and the same ever after, so
 * that a client keeps its pseudonym from one export to the next. */
static int client_key(jk_ctx *ctx, jk_store *st,
		      unsigned char key[JK_PSEUDONYM_KEY_LEN])
{
	static const char hexd[] = "0123456789abcdef";
	char *hex = jk_store_meta_get(st, KEY_META);
	sqlite3_stmt *s = NULL;
	int rc = JK_OK, own_txn = 0, i;

	if (!hex) {
		unsigned char r[JK_PSEUDONYM_KEY_LEN];
		char h[2 * JK_PSEUDONYM_KEY_LEN + 1];

		if (jk_random_bytes(r, sizeof r) != 0)
			return jk_error(ctx, JK_ERR_IO,
					"no random numbers from the kernel for the client pseudonyms");
		for (i = 0; i < JK_PSEUDONYM_KEY_LEN; i++) {
			h[2 * i] = hexd[r[i] >> 4];
			h[2 * i + 1] = hexd[r[i] & 15];
		}
		h[2 * JK_PSEUDONYM_KEY_LEN] = '\0';
		/* another run may create it at the same moment: the first one
		 * stays (OR IGNORE) and both read it back */
		if (sqlite3_get_autocommit(st->db)) {
			rc = jk_store_begin(st);
			own_txn = !rc;
		}
		if (!rc)
			rc = jk_store_prepare(st, "INSERT OR IGNORE INTO meta(key, value)"
					      " VALUES('" KEY_META "', ?)", &s);
		if (!rc) {
			sqlite3_bind_text(s, 1, h, -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = jk_store_dberr(st, "cannot store the secret of the client pseudonyms");
		}
		sqlite3_finalize(s);
		if (own_txn) {
			if (!rc)
				rc = jk_store_commit(st);
			if (rc)
				jk_store_rollback(st);
		}
		if (rc)
			return rc;
		hex = jk_store_meta_get(st, KEY_META);
	}
	if (!hex || strlen(hex) != 2 * JK_PSEUDONYM_KEY_LEN)
		rc = jk_error(ctx, JK_ERR_DB, "%s: meta '%s' is missing or damaged",
			      st->path, KEY_META);
	for (i = 0; !rc && i < 2 * JK_PSEUDONYM_KEY_LEN; i++) {
		const char *d = strchr(hexd, hex[i]);

		if (!d || !hex[i]) {
			rc = jk_error(ctx, JK_ERR_DB, "%s: meta '%s' is damaged",
				      st->path, KEY_META);
			break;
		}
		if (i % 2 == 0)
			key[i / 2] = (unsigned char)((d - hexd) << 4);
		else
			key[i / 2] |= (unsigned char)(d - hexd);
	}
	free(hex);
	return rc;
}

/* How jk_client_id() shows a client. */
typedef struct client_ids {
	int office;
	unsigned char key[JK_PSEUDONYM_KEY_LEN];
} client_ids;

/* SQL jk_client_id(id): the pseudonym of a client id, or the id itself
 * when the office's ids were asked for. */
static void sql_client_id(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	const client_ids *ids = sqlite3_user_data(c);
	const char *id = (const char *)sqlite3_value_text(argv[0]);
	char out[JK_PSEUDONYM_LEN];

	(void)argc;
	if (!id) {
		sqlite3_result_null(c);
	} else if (ids->office) {
		sqlite3_result_value(c, argv[0]);
	} else {
		jk_pseudonym(ids->key, id, out);
		sqlite3_result_text(c, out, -1, SQLITE_TRANSIENT);
	}
}

/* SQL jk_geodesic_km(lon1, lat1, lon2, lat2): the analysis' distance;
 * NULL when a coordinate is. */
static void sql_geodesic_km(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(c);
			return;
		}
	sqlite3_result_double(c, jk_geodesic_km(sqlite3_value_double(argv[0]),
						sqlite3_value_double(argv[1]),
						sqlite3_value_double(argv[2]),
						sqlite3_value_double(argv[3])));
}

/* Registers jk_client_id() and jk_geodesic_km() on the store's connection
 * for the layers' SQL; a later export replaces them. */
static int register_sql(jk_ctx *ctx, jk_store *st, int office)
{
	client_ids *ids = calloc(1, sizeof *ids);
	int rc = JK_OK;

	if (!ids)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	ids->office = office;
	if (!office)
		rc = client_key(ctx, st, ids->key);
	if (rc) {
		free(ids);
		return rc;
	}
	/* the connection owns ids from here, and frees it */
	if (sqlite3_create_function_v2(st->db, "jk_client_id", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC, ids,
				       sql_client_id, NULL, NULL, free) != SQLITE_OK ||
	    sqlite3_create_function_v2(st->db, "jk_geodesic_km", 4,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				       sql_geodesic_km, NULL, NULL, NULL) != SQLITE_OK)
		return jk_store_dberr(st, "cannot register the export's SQL functions");
	return JK_OK;
}

/* Readies the drivers of the formats being written, the CRS, the
 * GeoPackage in the work directory, and whether the results are by road. */
static int exporter_ready(exporter *ex)
{
	char path[PATH_SZ], *method;
	int rc, k;

	for (k = 0; k < N_FMT; k++) {
		if (!(ex->formats & format_bits[k]))
			continue;
		ex->drv[k] = GDALGetDriverByName(driver_names[k]);
		if (!ex->drv[k])
			return jk_error(ex->ctx, JK_ERR_GDAL,
					"the GDAL driver '%s' is not available",
					driver_names[k]);
	}
	ex->srs = jk_srs_wgs84();
	if (!ex->srs)
		return gdal_fail(ex, "%s",
				 "cannot set up EPSG:4326 (is PROJ's proj.db installed?)");
	if (ex->formats & JK_FORMAT_GPKG) {
		rc = make_path(ex, path, ex->wd.path, "jangkau", ".gpkg");
		if (rc)
			return rc;
		ex->gpkg = GDALCreate(ex->drv[FMT_GPKG], path, 0, 0, 0,
				      GDT_Unknown, NULL);
		if (!ex->gpkg)
			return gdal_fail(ex, "%s: cannot create", path);
	}
	method = jk_store_meta_get(ex->st, "coverage_method");
	ex->by_road = method && !strcmp(method, "road");
	free(method);
	return JK_OK;
}

jk_status jk_export_write(jk_ctx *ctx, jk_store *st, const char *dir,
			  const jk_export_opts *opts)
{
	exporter ex;
	int rc = JK_OK, pushed = 0, in_txn = 0;
	size_t i, nl = sizeof layers / sizeof layers[0];

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	memset(&ex, 0, sizeof ex);
	ex.wd.fd = -1;
	if (!st || !dir || !*dir)
		return jk_error(ctx, JK_ERR_ARG,
				"jk_export: no store or no output directory given");
	ex.ctx = ctx;
	ex.st = st;
	ex.dir = dir;
	ex.formats = opts && opts->formats ? opts->formats :
		JK_FORMAT_GEOJSON | JK_FORMAT_SHP | JK_FORMAT_GPKG;
	ex.exact = opts ? opts->exact_client_locations : 0;
	ex.juvenile = opts ? opts->include_juvenile_flag : 0;
	if (ex.formats & ~(JK_FORMAT_GEOJSON | JK_FORMAT_SHP | JK_FORMAT_GPKG))
		return jk_error(ctx, JK_ERR_ARG, "unknown export format bits 0x%x",
				(unsigned)ex.formats);

	if (opts && opts->client_ids != JK_CLIENT_IDS_PSEUDONYM &&
	    opts->client_ids != JK_CLIENT_IDS_OFFICE)
		return jk_error(ctx, JK_ERR_ARG, "unknown client id kind %d",
				opts->client_ids);
	/* before the read transaction: the first export of a store creates
	 * the secret of the pseudonyms */
	rc = register_sql(ctx, st, opts && opts->client_ids == JK_CLIENT_IDS_OFFICE);
	if (rc)
		return rc;
	/* one read transaction: all layers show the store at one moment */
	rc = jk_results_begin(ctx, st, dir, &in_txn);
	if (rc)
		goto cleanup;
	rc = jk_workdir_create(ctx, dir, "export", &ex.wd);
	if (rc)
		goto cleanup;

	GDALAllRegister();
	jk_gdal_push_errs(&ex.gdal, ctx, JK_GDAL_FIRST | JK_GDAL_WARN);
	pushed = 1;
	CPLErrorReset();
	rc = exporter_ready(&ex);
	if (rc)
		goto cleanup;
	for (i = 0; i < nl; i++) {
		jk_progress(ctx, "export", (long)i, (long)nl);
		if (layers[i].by_road && !ex.by_road)
			continue; /* absent, not empty */
		rc = export_layer(&ex, &layers[i]);
		if (rc)
			goto cleanup;
	}
	/* the QGIS styles: sidecars, layer_styles and the project */
	rc = jk_export_styles(ctx, ex.wd.path, ex.formats, ex.gpkg);
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
	rc = jk_workdir_publish(ctx, &ex.wd, prepare_file, &ex);
	if (!rc)
		jk_progress(ctx, "export", (long)nl, (long)nl);
cleanup:
	if (ex.gpkg)
		GDALClose(ex.gpkg);
	if (ex.srs)
		OSRDestroySpatialReference(ex.srs);
	if (pushed)
		jk_gdal_pop();
	jk_workdir_remove(&ex.wd);
	if (in_txn)
		jk_store_rollback(st); /* nothing was written to the store */
	return rc;
}
