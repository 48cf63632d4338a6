/* SPDX-License-Identifier: MIT */
/*
 * The road layers' data (road_layers.h): node minutes, isochrones and
 * client routes, written into the store by the coverage step.
 *
 * Isochrones are the cells of a grid of JK_ISO_CELL_M that the parts of
 * the roads from which a ready site is within the band's minutes
 * (jk_search_band_pieces) pass through, merged with GEOS's unary union.
 * Not hulls of the reached nodes: a hull bridges the water between two
 * islands and the empty land between two reached roads, and a concave hull
 * of fewer points need not lie inside that of more. Not buffers of the
 * reached roads either: GEOS buffering a city's worth of segments ran for
 * minutes in gigabytes, where the cells take a fraction of a second. A
 * band keeps the cells of the band inside it, so the bands nest by
 * construction. Cells are square in degrees (metres over 111,320), within
 * 2% of the metres asked for near the equator.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "road_layers.h"

int jk_road_nodes_write(jk_ctx *ctx, jk_store *st, const jk_graph *g,
			const jk_search *s)
{
	sqlite3_stmt *ins = NULL;
	size_t i, n = jk_graph_nodes(g);
	int rc;

	(void)ctx;
	rc = jk_store_prepare(st, "INSERT INTO road_node_min(node_id, min_site) VALUES(?,?)",
			      &ins);
	for (i = 0; !rc && i < n; i++) {
		double min;

		if (!jk_search_node_min(s, i, &min))
			continue;
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_double(ins, 2, min);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = jk_store_dberr(st, "cannot store the road minutes");
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	return rc;
}

/* Cell key of a point: column and row of the grid, offset to be positive. */
static uint64_t cell_key(double x, double y, double cell)
{
	int64_t ix = (int64_t)floor(x / cell) + ((int64_t)1 << 30);
	int64_t iy = (int64_t)floor(y / cell) + ((int64_t)1 << 30);

	return ((uint64_t)ix << 32) | (uint64_t)(iy & 0xFFFFFFFF);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Adds the cells the pieces pass through to @p cells (sampled every
 * quarter cell), then sorts and dedupes. */
static int cells_add(uint64_t **cells, size_t *n, const double *xy,
		     size_t np, double cell)
{
	size_t cap = *n + np * 4 + 16, i, k;
	uint64_t *c = realloc(*cells, cap * sizeof *c);

	if (!c)
		return -1;
	*cells = c;
	for (i = 0; i < np; i++) {
		const double *p = xy + 4 * i;
		double len = hypot(p[2] - p[0], p[3] - p[1]);
		size_t steps = (size_t)(len / (cell / 4)) + 1, j;

		for (j = 0; j <= steps; j++) {
			double f = (double)j / (double)steps;

			if (*n >= cap) {
				cap *= 2;
				c = realloc(*cells, cap * sizeof *c);
				if (!c)
					return -1;
				*cells = c;
			}
			(*cells)[(*n)++] = cell_key(p[0] + f * (p[2] - p[0]),
						    p[1] + f * (p[3] - p[1]), cell);
		}
	}
	qsort(*cells, *n, sizeof **cells, cmp_u64);
	for (i = k = 0; i < *n; i++)
		if (k == 0 || (*cells)[k - 1] != (*cells)[i])
			(*cells)[k++] = (*cells)[i];
	*n = k;
	return 0;
}

/* The union of the cells' squares (a polygonal coverage, so the fast
 * union is quick); NULL with the error in ctx. */
static GEOSGeometry *cells_union(jk_ctx *ctx, const uint64_t *cells, size_t n,
				 double cell)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSGeometry **sq = malloc((n ? n : 1) * sizeof *sq);
	GEOSGeometry *coll = NULL, *u = NULL;
	size_t i, k = 0;

	if (!sq) {
		jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		return NULL;
	}
	for (i = 0; i < n; i++) {
		/* corners as multiples of the cell, so that neighbours share
		 * their vertices exactly */
		double ix = (double)((int64_t)(cells[i] >> 32) - ((int64_t)1 << 30));
		double iy = (double)((int64_t)(cells[i] & 0xFFFFFFFF) - ((int64_t)1 << 30));

		sq[k] = GEOSGeom_createRectangle_r(h, ix * cell, iy * cell,
						   (ix + 1) * cell, (iy + 1) * cell);
		if (!sq[k])
			goto fail;
		k++;
	}
	coll = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, sq, (unsigned)k);
	if (!coll)
		goto fail;
	k = 0; /* the collection owns them */
	u = GEOSUnaryUnion_r(h, coll);
	if (!u)
		goto fail;
	if (GEOSisValid_r(h, u) != 1) {
		/* cells meeting at a corner only can pinch a ring */
		GEOSGeometry *v = GEOSMakeValid_r(h, u);

		GEOSGeom_destroy_r(h, u);
		u = v;
		if (!u)
			goto fail;
	}
	GEOSGeom_destroy_r(h, coll);
	free(sq);
	return u;
fail:
	jk_error(ctx, JK_ERR_GEOS, "cannot draw the isochrones: %s",
		 jk_geos_lasterr(ctx));
	if (coll)
		GEOSGeom_destroy_r(h, coll);
	for (i = 0; i < k; i++)
		GEOSGeom_destroy_r(h, sq[i]);
	free(sq);
	return NULL;
}

int jk_road_isochrones_write(jk_ctx *ctx, jk_store *st, const jk_search *s)
{
	static const int bands[JK_ISO_N_BANDS] = JK_ISO_BANDS;
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSWKBWriter *wr = NULL;
	sqlite3_stmt *ins = NULL;
	uint64_t *cells = NULL;
	size_t nc = 0;
	double cell = JK_ISO_CELL_M / 111320.0;
	int rc, b;

	wr = GEOSWKBWriter_create_r(h);
	if (!wr)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(st, "INSERT INTO road_isochrones(minutes, geom)"
			      " VALUES(?, CastToMultiPolygon(GeomFromWKB(?, 4326)))", &ins);
	for (b = 0; !rc && b < JK_ISO_N_BANDS; b++) {
		double *xy = NULL;
		size_t n = 0, len = 0;
		GEOSGeometry *g = NULL;
		unsigned char *wkb = NULL;

		rc = jk_search_band_pieces(ctx, s, bands[b], &xy, &n);
		if (rc)
			break;
		/* the cells of the band inside stay: the bands nest */
		if (cells_add(&cells, &nc, xy, n, cell)) {
			free(xy);
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			break;
		}
		free(xy);
		if (nc == 0)
			continue; /* nothing reached: no feature */
		g = cells_union(ctx, cells, nc, cell);
		if (!g) {
			rc = JK_ERR_GEOS;
			break;
		}
		wkb = GEOSWKBWriter_write_r(h, wr, g, &len);
		GEOSGeom_destroy_r(h, g);
		if (!wkb) {
			rc = jk_error(ctx, JK_ERR_GEOS, "cannot write the isochrones: %s",
				      jk_geos_lasterr(ctx));
			break;
		}
		sqlite3_bind_int(ins, 1, bands[b]);
		sqlite3_bind_blob(ins, 2, wkb, (int)len, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = jk_store_dberr(st, "cannot store the isochrones");
		sqlite3_reset(ins);
		GEOSFree_r(h, wkb);
	}
	free(cells);
	sqlite3_finalize(ins);
	GEOSWKBWriter_destroy_r(h, wr);
	return rc;
}

static void put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void put_f64(unsigned char *p, double d)
{
	uint64_t v;
	int i;

	memcpy(&v, &d, sizeof v);
	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

unsigned char *jk_route_wkb(double from_lon, double from_lat,
			    const double *lon, const double *lat, size_t n,
			    double to_lon, double to_lat, size_t *len)
{
	unsigned char *w = malloc(9 + (n + 2) * 16);
	double px = NAN, py = NAN;
	size_t i, k = 0;

	*len = 0;
	if (!w)
		return NULL;
	for (i = 0; i < n + 2; i++) {
		double x = i == 0 ? from_lon : i == n + 1 ? to_lon : lon[i - 1];
		double y = i == 0 ? from_lat : i == n + 1 ? to_lat : lat[i - 1];

		if (x == px && y == py)
			continue;
		put_f64(w + 9 + 16 * k, x);
		put_f64(w + 9 + 16 * k + 8, y);
		px = x;
		py = y;
		k++;
	}
	if (k == 1) { /* home on the site: a line of two equal points */
		memcpy(w + 9 + 16, w + 9, 16);
		k = 2;
	}
	w[0] = 1; /* little endian */
	put_u32(w + 1, 2); /* LineString */
	put_u32(w + 5, (uint32_t)k);
	*len = 9 + 16 * k;
	return w;
}

/* Stores one route: the path of @p o in @p s, from (lon, lat) to the
 * client's site. */
static int route_put(jk_ctx *ctx, jk_store *st, sqlite3_stmt *ins,
		     const jk_route_client *c, const char *origin,
		     const jk_search *s, const jk_snap *o, double lon,
		     double lat, double km, double min)
{
	double *x = NULL, *y = NULL;
	unsigned char *wkb = NULL;
	size_t n = 0, len = 0;
	int rc;

	rc = jk_search_path(ctx, s, o, &x, &y, &n);
	if (rc)
		return rc;
	wkb = jk_route_wkb(lon, lat, x, y, n, c->site_lon, c->site_lat, &len);
	free(x);
	free(y);
	if (!wkb)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	sqlite3_bind_text(ins, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ins, 3, c->site_id);
	sqlite3_bind_double(ins, 4, km);
	sqlite3_bind_double(ins, 5, min);
	sqlite3_bind_blob(ins, 6, wkb, (int)len, free);
	if (sqlite3_step(ins) != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot store a client route");
	sqlite3_reset(ins);
	return rc;
}

static int cmp_site(const void *a, const void *b)
{
	const jk_route_client *x = *(const jk_route_client *const *)a;
	const jk_route_client *y = *(const jk_route_client *const *)b;

	return x->site_id < y->site_id ? -1 : x->site_id > y->site_id;
}

int jk_road_routes_write(jk_ctx *ctx, jk_store *st, const jk_graph *g,
			 double max_snap_m, int by_distance,
			 const jk_route_client *c, size_t n)
{
	const jk_route_client **later = malloc((n ? n : 1) * sizeof *later);
	sqlite3_stmt *ins = NULL;
	jk_search *one = NULL;
	size_t i, nl = 0;
	int rc;

	if (!later)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(st,
		"INSERT INTO road_routes(client_id, origin, site_id, road_km, road_min, geom)"
		" VALUES(?,?,?,?,?, GeomFromWKB(?, 4326))", &ins);
	for (i = 0; !rc && i < n; i++) {
		jk_snap o;
		jk_travel t;

		jk_graph_snap(g, c[i].lon, c[i].lat, max_snap_m, &o);
		rc = route_put(ctx, st, ins, &c[i], "home", c[i].s, &o, c[i].lon,
			       c[i].lat, c[i].km, c[i].min);
		if (rc)
			break;
		jk_graph_snap(g, c[i].vlon, c[i].vlat, max_snap_m, &o);
		jk_search_query(c[i].s, &o, &t);
		if (t.reach == JK_REACH_OK && t.dest == c[i].dest)
			rc = route_put(ctx, st, ins, &c[i], "village", c[i].s, &o,
				       c[i].vlon, c[i].vlat, t.km, t.min);
		else if (o.reach == JK_REACH_OK)
			later[nl++] = &c[i];
	}
	/* village points whose nearest site is another: towards their site */
	qsort(later, nl, sizeof *later, cmp_site);
	for (i = 0; !rc && i < nl; i++) {
		const jk_route_client *r = later[i];
		jk_snap o;
		jk_travel t;

		if (i == 0 || later[i - 1]->site_id != r->site_id) {
			jk_snap d;

			jk_search_destroy(one);
			one = NULL;
			jk_graph_snap(g, r->site_lon, r->site_lat, max_snap_m, &d);
			rc = jk_search_run(ctx, g, &d, 1, by_distance, &one);
			if (rc)
				break;
		}
		jk_graph_snap(g, r->vlon, r->vlat, max_snap_m, &o);
		jk_search_query(one, &o, &t);
		if (t.reach == JK_REACH_OK)
			rc = route_put(ctx, st, ins, r, "village", one, &o, r->vlon,
				       r->vlat, t.km, t.min);
	}
	jk_search_destroy(one);
	sqlite3_finalize(ins);
	free(later);
	return rc;
}
