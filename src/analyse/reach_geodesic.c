/* SPDX-License-Identifier: MIT */
/*
 * Geodesic nearest-destination search. Points are placed on the unit
 * sphere (3D); a kd-tree finds the nearest by chord length, which orders
 * points as great-circle distance does. The ellipsoid differs from the
 * sphere by well under 1%, so every destination whose chord is within
 * 1.2% of the best one is measured exactly with geod_inverse (Karney's
 * algorithm, PROJ's geodesic.h) and the truly nearest on WGS84 wins.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <geodesic.h>

#include "reach.h"

#define DEG (M_PI / 180.0)
#define SLACK 1.012 /* chord ratio within which the ellipsoid may reorder */

struct kdnode {
	double x[3];
	unsigned idx; /* into lon/lat */
};

typedef struct geo_reach {
	jk_reach base;
	struct geod_geodesic geod;
	double *lon, *lat;
	struct kdnode *nodes; /* implicit balanced tree, median at the middle */
} geo_reach;

static void to_xyz(double lon, double lat, double *p)
{
	double cl = cos(lat * DEG);

	p[0] = cl * cos(lon * DEG);
	p[1] = cl * sin(lon * DEG);
	p[2] = sin(lat * DEG);
}

static void node_swap(struct kdnode *a, struct kdnode *b)
{
	struct kdnode t = *a;

	*a = *b;
	*b = t;
}

/* Quickselect with three-way partitioning (many sites share a village
 * point): puts the k-th smallest of nodes[lo..hi) on axis @p ax at
 * position k, none larger before it and none smaller after it. */
static void kd_select(struct kdnode *nodes, size_t lo, size_t hi, size_t k,
		      int ax)
{
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2, lt = lo, i = lo, gt = hi;
		double a = nodes[lo].x[ax], b = nodes[mid].x[ax];
		double c = nodes[hi - 1].x[ax], pivot;

		pivot = a < b ? (b < c ? b : (a < c ? c : a))
			      : (a < c ? a : (b < c ? c : b));
		while (i < gt) {
			if (nodes[i].x[ax] < pivot)
				node_swap(&nodes[lt++], &nodes[i++]);
			else if (nodes[i].x[ax] > pivot)
				node_swap(&nodes[i], &nodes[--gt]);
			else
				i++;
		}
		if (k < lt)
			hi = lt;
		else if (k >= gt)
			lo = gt;
		else
			return;
	}
}

/* Builds the implicit kd-tree: nodes[lo..hi) split at the median on axis
 * depth % 3. */
static void kd_build(struct kdnode *nodes, size_t lo, size_t hi, int depth)
{
	size_t mid;

	if (hi - lo <= 1)
		return;
	mid = lo + (hi - lo) / 2;
	kd_select(nodes, lo, hi, mid, depth % 3);
	kd_build(nodes, lo, mid, depth + 1);
	kd_build(nodes, mid + 1, hi, depth + 1);
}

static double d2(const double *a, const double *q)
{
	double dx = a[0] - q[0], dy = a[1] - q[1], dz = a[2] - q[2];

	return dx * dx + dy * dy + dz * dz;
}

/* Nearest by chord: best squared distance and node. */
static void kd_nearest(const struct kdnode *nodes, size_t lo, size_t hi,
		       int depth, const double *q, double *best, size_t *bi)
{
	size_t mid;
	double dd, diff;
	int ax;

	if (lo >= hi)
		return;
	mid = lo + (hi - lo) / 2;
	dd = d2(nodes[mid].x, q);
	if (dd < *best) {
		*best = dd;
		*bi = mid;
	}
	ax = depth % 3;
	diff = q[ax] - nodes[mid].x[ax];
	if (diff < 0) {
		kd_nearest(nodes, lo, mid, depth + 1, q, best, bi);
		if (diff * diff < *best)
			kd_nearest(nodes, mid + 1, hi, depth + 1, q, best, bi);
	} else {
		kd_nearest(nodes, mid + 1, hi, depth + 1, q, best, bi);
		if (diff * diff < *best)
			kd_nearest(nodes, lo, mid, depth + 1, q, best, bi);
	}
}

/* Visits every node within squared chord @p r2 and keeps the geodesic
 * minimum. */
static void kd_refine(const geo_reach *g, size_t lo, size_t hi, int depth,
		      const double *q, double r2, double lon, double lat,
		      double *best_m, size_t *bi)
{
	size_t mid;
	double diff;
	int ax;

	if (lo >= hi)
		return;
	mid = lo + (hi - lo) / 2;
	if (d2(g->nodes[mid].x, q) <= r2) {
		unsigned k = g->nodes[mid].idx;
		double s12;

		geod_inverse(&g->geod, lat, lon, g->lat[k], g->lon[k], &s12,
			     NULL, NULL);
		if (s12 < *best_m || (s12 == *best_m && k < *bi)) {
			*best_m = s12;
			*bi = k;
		}
	}
	ax = depth % 3;
	diff = q[ax] - g->nodes[mid].x[ax];
	if (diff < 0 || diff * diff <= r2)
		kd_refine(g, lo, mid, depth + 1, q, r2, lon, lat, best_m, bi);
	if (diff >= 0 || diff * diff <= r2)
		kd_refine(g, mid + 1, hi, depth + 1, q, r2, lon, lat, best_m, bi);
}

static int geo_nearest(const jk_reach *r, double lon, double lat, size_t *idx,
		       double *km)
{
	const geo_reach *g = (const geo_reach *)r;
	double q[3], best = INFINITY, chord, r2, best_m = INFINITY;
	size_t bi = 0, bk = (size_t)-1;

	if (r->n == 0)
		return -1;
	to_xyz(lon, lat, q);
	kd_nearest(g->nodes, 0, r->n, 0, q, &best, &bi);
	/* widen a little more for rounding near zero distance */
	chord = sqrt(best) * SLACK + 1e-9;
	r2 = chord * chord;
	kd_refine(g, 0, r->n, 0, q, r2, lon, lat, &best_m, &bk);
	if (bk == (size_t)-1)
		return -1;
	*idx = bk;
	*km = best_m / 1000.0;
	return 0;
}

static void geo_destroy(jk_reach *r)
{
	geo_reach *g = (geo_reach *)r;

	free(g->lon);
	free(g->lat);
	free(g->nodes);
	free(g);
}

static const jk_reach_ops geo_ops = {"geodesic", geo_nearest, geo_destroy, NULL};

jk_reach *jk_reach_geodesic_create(const double *lon, const double *lat,
				   size_t n)
{
	geo_reach *g = calloc(1, sizeof *g);
	size_t i;

	if (!g)
		return NULL;
	g->base.ops = &geo_ops;
	g->base.n = n;
	geod_init(&g->geod, 6378137.0, 1.0 / 298.257223563);
	g->lon = malloc((n ? n : 1) * sizeof *g->lon);
	g->lat = malloc((n ? n : 1) * sizeof *g->lat);
	g->nodes = malloc((n ? n : 1) * sizeof *g->nodes);
	if (!g->lon || !g->lat || !g->nodes) {
		geo_destroy(&g->base);
		return NULL;
	}
	if (n) {
		memcpy(g->lon, lon, n * sizeof *lon);
		memcpy(g->lat, lat, n * sizeof *lat);
	}
	for (i = 0; i < n; i++) {
		double p[3];

		to_xyz(lon[i], lat[i], p);
		memcpy(g->nodes[i].x, p, sizeof p);
		g->nodes[i].idx = (unsigned)i;
	}
	kd_build(g->nodes, 0, n, 0);
	return &g->base;
}

double jk_geodesic_km(double lon1, double lat1, double lon2, double lat2)
{
	struct geod_geodesic geod;
	double s12;

	geod_init(&geod, 6378137.0, 1.0 / 298.257223563);
	geod_inverse(&geod, lat1, lon1, lat2, lon2, &s12, NULL, NULL);
	return s12 / 1000.0;
}
