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

typedef struct jk_reach jk_reach;

/* Method-specific operations: a road network supplies its own. */
typedef struct jk_reach_ops {
	const char *name; /* "geodesic", ... */
	/* Nearest destination of (lon, lat): index into the build arrays and
	 * distance in km. Returns 0, or -1 when no destination is reachable. */
	int (*nearest)(const jk_reach *r, double lon, double lat, size_t *idx,
		       double *km);
	void (*destroy)(jk_reach *r);
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

static inline void jk_reach_destroy(jk_reach *r)
{
	if (r)
		r->ops->destroy(r);
}

/* Geodesic distance in km between two points on WGS84 (degrees). */
double jk_geodesic_km(double lon1, double lat1, double lon2, double lat2);

#endif /* JK_REACH_H */
