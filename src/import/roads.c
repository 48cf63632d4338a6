/* SPDX-License-Identifier: MIT */
/*
 * jangkau import roads: an OpenStreetMap file (GDAL's OSM driver, layer
 * 'lines') or any line layer into the store as a road network
 * (road_nodes, road_edges), replacing the previous one in one
 * transaction.
 *
 * OSM: a way is a road when it has a highway tag and a ferry when
 * other_tags holds route=ferry; oneway, maxspeed, junction=roundabout and
 * duration are read from other_tags. Other lines (rivers, power lines,
 * railways) are skipped and counted. The lines layer carries no node ids,
 * so lines are joined where they share a coordinate (to 1e-7 degree,
 * OSM's precision), which is where OSM ways share a node.
 *
 * Other layers: the class from a field (highway, TYPE, REMARK or fclass
 * unless named), one-way and speed fields when present, a 'route' field
 * or class 'ferry' for ferries. Z is dropped; other CRS are transformed to
 * EPSG:4326 (a compound CRS is reduced to its horizontal part first).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ogr_api.h>

#include "core/gdal_util.h"
#include "core/util.h"
#include "roads/roads.h"
#include "store/store.h"
#include "import_int.h"

/* Value of @p key in an OSM other_tags string ("k"=>"v","k2"=>"v2",
 * backslash escapes) copied into @p out; 0 when found. */
int jk_roads_tag(const char *tags, const char *key, char *out, size_t size)
{
	size_t kl = strlen(key);
	const char *p = tags;

	if (!tags)
		return -1;
	while (*p == '"') {
		const char *k = p + 1, *ke, *v, *q;
		size_t n = 0;

		for (p = k; *p && *p != '"'; p++)
			if (*p == '\\' && p[1])
				p++;
		ke = p;
		if (strncmp(p, "\"=>\"", 4))
			return -1;
		v = p + 4;
		for (p = v; *p && *p != '"'; p++)
			if (*p == '\\' && p[1])
				p++;
		if (!*p)
			return -1;
		if ((size_t)(ke - k) == kl && !strncmp(k, key, kl)) {
			for (q = v; q < p && n + 1 < size; q++) {
				if (*q == '\\' && q + 1 < p)
					q++;
				out[n++] = *q;
			}
			out[n] = '\0';
			return 0;
		}
		p++;
		if (*p == ',')
			p++;
	}
	return -1;
}

int jk_roads_parse_oneway(const char *s)
{
	if (!s)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	if (!strcasecmp(s, "yes") || !strcmp(s, "1") || !strcasecmp(s, "true") ||
	    !strcasecmp(s, "y") || !strcasecmp(s, "ft"))
		return 1;
	if (!strcmp(s, "-1") || !strcasecmp(s, "reverse") || !strcasecmp(s, "tf"))
		return -1;
	return 0;
}

double jk_roads_parse_speed(const char *s)
{
	char *end;
	double v;

	if (!s)
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || !(v > 0) || !isfinite(v))
		return 0;
	while (isspace((unsigned char)*end))
		end++;
	if (!strncasecmp(end, "mph", 3))
		v *= 1.609344;
	else if (*end && strncasecmp(end, "km/h", 4) && strncasecmp(end, "kmh", 3) &&
		 strncasecmp(end, "kph", 3))
		return 0;
	return v;
}

double jk_roads_parse_duration(const char *s)
{
	double h = 0, m = 0, sec = 0;
	int n;
	char c;

	if (!s || !*s)
		return 0;
	if (sscanf(s, "%lf:%lf:%lf%c", &h, &m, &sec, &c) == 3)
		return h * 3600 + m * 60 + sec;
	n = sscanf(s, "%lf:%lf%c", &h, &m, &c);
	if (n == 2)
		return h * 3600 + m * 60;
	if (sscanf(s, "%lf%c", &m, &c) == 1 && m > 0)
		return m * 60;
	return 0;
}

/* A transformation to EPSG:4326, or NULL when the layer is in a
 * geographic WGS84 CRS already (including WGS84 with a vertical datum) or
 * says nothing. */
static int roads_transform(jk_ctx *ctx, OGRLayerH lyr, const char *path,
			   OGRCoordinateTransformationH *out)
{
	OGRSpatialReferenceH src = OGR_L_GetSpatialRef(lyr), s2, dst;
	int rc = JK_OK;

	*out = NULL;
	if (!src)
		return JK_OK;
	dst = jk_srs_wgs84();
	s2 = OSRClone(src);
	if (!dst || !s2) {
		rc = jk_error(ctx, JK_ERR_PROJ, "cannot create EPSG:4326");
		goto cleanup;
	}
	if (OSRIsCompound(s2))
		OSRStripVertical(s2);
	OSRSetAxisMappingStrategy(s2, OAMS_TRADITIONAL_GIS_ORDER);
	if (!OSRIsSame(s2, dst)) {
		*out = OCTNewCoordinateTransformation(s2, dst);
		if (!*out)
			rc = jk_error(ctx, JK_ERR_PROJ,
				      "%s: cannot transform layer '%s' to EPSG:4326: %s",
				      path, OGR_L_GetName(lyr), jk_gdal_lasterr(ctx));
	}
cleanup:
	if (s2)
		OSRDestroySpatialReference(s2);
	if (dst)
		OSRDestroySpatialReference(dst);
	return rc;
}

struct rfields {
	int osm; /* the OSM driver's lines layer */
	int cls, oneway, speed, route, duration, tags;
};

/* Adds one line geometry (a LineString) of a feature. */
static int add_part(jk_ctx *ctx, jk_roadnet *net, OGRGeometryH g,
		    jk_road_line *l, double **buf, size_t *cap)
{
	int n = OGR_G_GetPointCount(g), i;

	if (n < 2)
		return JK_ERR_FORMAT;
	if ((size_t)n * 2 > *cap) {
		double *q = realloc(*buf, (size_t)n * 2 * sizeof *q);

		if (!q)
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		*buf = q;
		*cap = (size_t)n * 2;
	}
	for (i = 0; i < n; i++) {
		(*buf)[i] = OGR_G_GetX(g, i);
		(*buf)[n + i] = OGR_G_GetY(g, i);
	}
	l->lon = *buf;
	l->lat = *buf + n;
	l->n = (size_t)n;
	return jk_roadnet_add_line(ctx, net, l);
}

/* The fields of the road layer: the class is required, one-way and speed
 * fields that the options name must be there. */
static int roads_fields(jk_ctx *ctx, OGRLayerH lyr, const char *path,
			const jk_roads_opts *opts, struct rfields *rf)
{
	static const char *const cls_names[] = {"highway", "TYPE", "REMARK", "fclass", NULL};
	static const char *const ow_names[] = {"oneway", "ONEWAY", NULL};
	static const char *const sp_names[] = {"maxspeed", "MAXSPEED", NULL};
	static const char *const route_names[] = {"route", NULL};
	static const char *const dur_names[] = {"duration", NULL};
	static const char *const tag_names[] = {"other_tags", NULL};
	OGRFeatureDefnH defn = OGR_L_GetLayerDefn(lyr);

	rf->cls = jk_import_field(defn, opts->f_class, cls_names);
	rf->oneway = jk_import_field(defn, opts->f_oneway, ow_names);
	rf->speed = jk_import_field(defn, opts->f_speed, sp_names);
	rf->route = jk_import_field(defn, NULL, route_names);
	rf->duration = jk_import_field(defn, NULL, dur_names);
	rf->tags = jk_import_field(defn, NULL, tag_names);
	if (rf->cls < 0)
		return jk_error(ctx, JK_ERR_FORMAT,
				opts->f_class ? "%s: no field '%s' in layer '%s'"
					      : "%s: no road-class field%s in layer '%s' (hint: --class-field NAME)",
				path, opts->f_class ? opts->f_class : "", OGR_L_GetName(lyr));
	if ((opts->f_oneway && rf->oneway < 0) || (opts->f_speed && rf->speed < 0)) {
		const char *f = opts->f_oneway && rf->oneway < 0 ? opts->f_oneway : opts->f_speed;

		return jk_error(ctx, JK_ERR_FORMAT, "%s: no field '%s' in layer '%s'", path, f,
				OGR_L_GetName(lyr));
	}
	return JK_OK;
}

/* The attributes of road feature @p f into @p l: class, ferry, one-way,
 * speed limit, ferry duration, from its fields or OSM tags. Returns 0 for
 * a line that is no road (no class and no ferry). */
static int road_attrs(const struct rfields *rf, OGRFeatureH f, jk_road_line *l)
{
	const char *cls = jk_import_fstr(f, rf->cls), *tags = jk_import_fstr(f, rf->tags);
	char tv[64];
	int ferry = 0;

	memset(l, 0, sizeof *l);
	if (!jk_roads_tag(tags, "route", tv, sizeof tv) && !strcmp(tv, "ferry"))
		ferry = 1;
	if (rf->route >= 0 && jk_import_fstr(f, rf->route) && !strcmp(jk_import_fstr(f, rf->route), "ferry"))
		ferry = 1;
	if (cls && !strcasecmp(cls, "ferry"))
		ferry = 1;
	if (!ferry && (!cls || !*cls))
		return 0;
	l->cls = ferry ? "ferry" : cls;
	l->ferry = ferry;
	if (rf->oneway >= 0)
		l->oneway = jk_roads_parse_oneway(jk_import_fstr(f, rf->oneway));
	else if (!jk_roads_tag(tags, "oneway", tv, sizeof tv))
		l->oneway = jk_roads_parse_oneway(tv);
	else if (!jk_roads_tag(tags, "junction", tv, sizeof tv) && !strcmp(tv, "roundabout"))
		l->oneway = 1;
	if (rf->speed >= 0)
		l->maxspeed_kmh = jk_roads_parse_speed(jk_import_fstr(f, rf->speed));
	else if (!jk_roads_tag(tags, "maxspeed", tv, sizeof tv))
		l->maxspeed_kmh = jk_roads_parse_speed(tv);
	if (rf->duration >= 0)
		l->duration_s = jk_roads_parse_duration(jk_import_fstr(f, rf->duration));
	else if (!jk_roads_tag(tags, "duration", tv, sizeof tv))
		l->duration_s = jk_roads_parse_duration(tv);
	return 1;
}

/* What one road import works with while it reads the layer. */
struct rimport {
	jk_ctx *ctx;
	const char *path;
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRCoordinateTransformationH ct;
	struct rfields rf;
	jk_roadnet *net;
	jk_roads_stats *stats;
	double *buf; /* coordinates of the line being added */
	size_t cap;
};

/* Adds the lines of one feature to the network, counting it as a road, a
 * ferry, not a road, without a line geometry or rejected. JK_OK, or an
 * error that stops the import (out of memory). */
static int road_feature(struct rimport *ri, OGRFeatureH f)
{
	jk_roads_stats *stats = ri->stats;
	OGRGeometryH g;
	jk_road_line l;
	int parts, i, bad = 0, multi;

	if (!road_attrs(&ri->rf, f, &l)) {
		stats->not_road++;
		return JK_OK;
	}
	g = OGR_F_GetGeometryRef(f);
	if (!g || OGR_G_IsEmpty(g) ||
	    (OGR_GT_Flatten(OGR_G_GetGeometryType(g)) != wkbLineString &&
	     OGR_GT_Flatten(OGR_G_GetGeometryType(g)) != wkbMultiLineString)) {
		stats->no_geometry++;
		return JK_OK;
	}
	if (ri->ct && OGR_G_Transform(g, ri->ct) != OGRERR_NONE) {
		jk_msg(ri->ctx, JK_LOG_ERROR, "%s:%ld: geometry: cannot transform to EPSG:4326",
		       ri->path, stats->read);
		stats->rejected++;
		return JK_OK;
	}
	multi = OGR_GT_Flatten(OGR_G_GetGeometryType(g)) == wkbMultiLineString;
	parts = multi ? OGR_G_GetGeometryCount(g) : 1;
	for (i = 0; i < parts && !bad; i++) {
		OGRGeometryH part = multi ? OGR_G_GetGeometryRef(g, i) : g;
		int prc = add_part(ri->ctx, ri->net, part, &l, &ri->buf, &ri->cap);

		if (prc == JK_ERR_NOMEM)
			return prc;
		if (prc) {
			jk_msg(ri->ctx, JK_LOG_ERROR, "%s:%ld: geometry: %s", ri->path, stats->read,
			       prc == JK_ERR_FORMAT && OGR_G_GetPointCount(part) < 2
				       ? "fewer than two vertices"
				       : jk_ctx_errmsg(ri->ctx));
			bad = 1;
		}
	}
	if (bad) {
		stats->rejected++;
	} else {
		stats->lines++;
		stats->ferries += l.ferry;
	}
	return JK_OK;
}

/* Reads every feature of the layer into the network. */
static int roads_read(struct rimport *ri)
{
	int rc;

	OGR_L_ResetReading(ri->lyr);
	for (;;) {
		OGRFeatureH f;
		OGRLayerH from = ri->lyr;

		/* the OSM driver reads its layers interleaved; a read error
		 * is not the end of the data (a truncated extract) */
		CPLErrorReset();
		f = ri->rf.osm ? GDALDatasetGetNextFeature(ri->ds, &from, NULL, NULL, NULL)
			       : OGR_L_GetNextFeature(ri->lyr);
		if (!f && CPLGetLastErrorType() >= CE_Failure) {
			/* the end of the reading; the checks below decide
			 * what stands: GDAL's recorded message when it
			 * gave one, else the lines read are imported */
			jk_error(ri->ctx, JK_ERR_GDAL,
				 "%s: line %ld: cannot read: %s (the file may be damaged;"
				 " nothing was imported)", ri->path, ri->stats->read + 1,
				 CPLGetLastErrorMsg());
			break;
		}
		if (!f)
			break;
		if (from != ri->lyr) {
			OGR_F_Destroy(f);
			continue;
		}
		ri->stats->read++;
		if (ri->stats->read % 4096 == 0)
			jk_progress(ri->ctx, "import roads", ri->stats->read, 0);
		rc = road_feature(ri, f);
		OGR_F_Destroy(f);
		if (rc)
			return rc;
	}
	if (*jk_gdal_lasterr(ri->ctx))
		return jk_error(ri->ctx, JK_ERR_GDAL, "%s: %s", ri->path, jk_gdal_lasterr(ri->ctx));
	if (!jk_roadnet_segs(ri->net))
		return jk_error(ri->ctx, JK_ERR_FORMAT,
				"%s: no road lines in layer '%s' (%ld features read, %ld without a class)",
				ri->path, OGR_L_GetName(ri->lyr), ri->stats->read,
				ri->stats->not_road);
	return JK_OK;
}

/* Replaces the store's network with @p net in one transaction. */
static int roads_write(jk_store *st, const char *path, const jk_roadnet *net,
		       const jk_roads_stats *stats)
{
	char params[160];
	int rc, in_tx = 0;

	rc = jk_store_begin(st);
	if (rc)
		return rc;
	in_tx = 1;
	rc = jk_store_results_clear(st);
	if (!rc)
		rc = jk_roadnet_save(st, net);
	if (!rc)
		rc = jk_store_meta_set(st, "roads_source", path);
	snprintf(params, sizeof params, "nodes=%ld;edges=%ld;components=%ld;ferries=%ld",
		 stats->nodes, stats->edges, stats->components, stats->ferries);
	return jk_store_end(st, &in_tx, rc, "import roads", params);
}

jk_status jk_import_roads(jk_ctx *ctx, jk_store *st, const char *path,
			  const jk_roads_opts *opts, jk_roads_stats *stats)
{
	static const jk_roads_opts defaults;
	struct rimport ri;
	jk_roads_stats local;
	const char *layer;
	int rc = JK_OK;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!opts)
		opts = &defaults;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	memset(&ri, 0, sizeof ri);
	ri.ctx = ctx;
	ri.path = path;
	ri.stats = stats;
	jk_gdal_push(ctx);
	rc = jk_gdal_open_vector(ctx, path, &ri.ds);
	if (rc)
		goto cleanup;
	ri.rf.osm = !strcmp(GDALGetDescription(GDALGetDatasetDriver(ri.ds)), "OSM");
	layer = opts->layer ? opts->layer : ri.rf.osm ? "lines" : NULL;
	rc = jk_gdal_layer(ctx, ri.ds, path, layer, &ri.lyr);
	if (!rc)
		rc = roads_fields(ctx, ri.lyr, path, opts, &ri.rf);
	if (!rc)
		rc = roads_transform(ctx, ri.lyr, path, &ri.ct);
	if (rc)
		goto cleanup;
	ri.net = jk_roadnet_create();
	if (!ri.net) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	rc = roads_read(&ri);
	if (rc)
		goto cleanup;
	stats->nodes = (long)jk_roadnet_nodes(ri.net);
	stats->edges = (long)jk_roadnet_segs(ri.net);
	stats->components = (long)jk_roadnet_components(ri.net);
	rc = roads_write(st, path, ri.net, stats);
cleanup:
	if (ri.ct)
		OCTDestroyCoordinateTransformation(ri.ct);
	if (ri.ds)
		GDALClose(ri.ds);
	jk_gdal_pop();
	jk_roadnet_destroy(ri.net);
	free(ri.buf);
	return rc;
}
