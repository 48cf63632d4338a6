/* SPDX-License-Identifier: MIT */
/*
 * The distance step of the analysis, behind one interface so that a road
 * network can replace the straight line: a jk_reach is built over a set of
 * destination points (ready sites) and answers "which destination is
 * nearest to this origin, and how far". The geodesic implementation
 * (reach_geodesic.c) measures on the WGS84 ellipsoid with PROJ's geodesic
 * routines and finds the nearest with a kd-tree, never a loop over all
 * pairs.
 */
#ifndef JK_REACH_H
#define JK_REACH_H

#include <stddef.h>

#include "jangkau/jangkau.h"

typedef struct jk_reach jk_reach;

/* The full answer of a method that knows more than a distance. */
typedef struct jk_reach_trip {
	int reach;  /* jk_reach_status: OK, OFF_NETWORK or UNREACHABLE */
	size_t idx; /* destination, when OK */
	double km;
	double min; /* travel time; negative when the method has none */
} jk_reach_trip;

/* Method-specific operations: a road network supplies its own. */
typedef struct jk_reach_ops {
	const char *name; /* "geodesic", "road" */
	/* Nearest destination of (lon, lat): index into the build arrays and
	 * distance in km. Returns 0, or -1 when no destination is reachable. */
	int (*nearest)(const jk_reach *r, double lon, double lat, size_t *idx,
		       double *km);
	void (*destroy)(jk_reach *r);
	/* Optional (NULL: derived from nearest): the trip to the nearest
	 * destination with its time and why there is none. */
	void (*trip)(const jk_reach *r, double lon, double lat,
		     jk_reach_trip *out);
} jk_reach_ops;

struct jk_reach {
	const jk_reach_ops *ops;
	size_t n; /* destinations */
};

/* Builds the geodesic method over @p n points (degrees). NULL on OOM.
 * The arrays are copied. n may be 0 (every query then fails). */
jk_reach *jk_reach_geodesic_create(const double *lon, const double *lat,
				   size_t n);

static inline int jk_reach_nearest(const jk_reach *r, double lon, double lat,
				   size_t *idx, double *km)
{
	return r->ops->nearest(r, lon, lat, idx, km);
}

static inline void jk_reach_trip_of(const jk_reach *r, double lon, double lat,
				    jk_reach_trip *out)
{
	if (r->ops->trip) {
		r->ops->trip(r, lon, lat, out);
		return;
	}
	out->min = -1;
	out->reach = r->ops->nearest(r, lon, lat, &out->idx, &out->km) == 0
			     ? 0 /* JK_REACH_OK */
			     : 2 /* JK_REACH_UNREACHABLE */;
}

static inline void jk_reach_destroy(jk_reach *r)
{
	if (r)
		r->ops->destroy(r);
}

struct jk_graph;

/* Builds the road method over @p n destination points on graph @p g
 * (borrowed: it must outlive the reach): snaps them within @p max_snap_m
 * and runs one multi-source search, minimising time or, with
 * @p by_distance, length. NULL with the error in ctx on failure. */
jk_reach *jk_reach_road_create(jk_ctx *ctx, const struct jk_graph *g,
			       const double *lon, const double *lat, size_t n,
			       double max_snap_m, int by_distance);

struct jk_search;

/* The multi-source search of a road method (borrowed: it lives as long as
 * @p r), or NULL when @p r measures otherwise. */
const struct jk_search *jk_reach_road_search_ref(const jk_reach *r);

/* Geodesic distance in km between two points on WGS84 (degrees). */
double jk_geodesic_km(double lon1, double lat1, double lon2, double lat2);

#endif /* JK_REACH_H */
