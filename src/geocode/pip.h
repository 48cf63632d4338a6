/* SPDX-License-Identifier: MIT */
/*
 * Point-in-polygon index over the village polygons of the store: a GEOS
 * STRtree of the polygons, each prepared on first use. Answers "which
 * villages contain this point".
 */
#ifndef JK_PIP_H
#define JK_PIP_H

#include "store/store.h"

typedef struct jk_pip jk_pip;

/* Loads every village polygon of @p st. *out is NULL on failure. */
int jk_pip_create(jk_ctx *ctx, jk_store *st, jk_pip **out);
void jk_pip_destroy(jk_pip *p);

/*
 * Finds the villages containing (lon, lat), points on a boundary included.
 * Writes at most @p max codes (pointers owned by the index) to @p kode and
 * returns how many contain the point (which may exceed @p max).
 */
int jk_pip_find(jk_pip *p, double lon, double lat, const char **kode,
		int max);

/*
 * Distance in metres from (lon, lat) to the polygon of village @p kode (0
 * inside it), through the nearest point of the polygon and an
 * equirectangular scale (within 0.5% of the geodesic at the few hundred
 * metres it is used for). Returns 0, or -1 when the village is unknown.
 */
int jk_pip_distance_m(jk_pip *p, const char *kode, double lon, double lat,
		      double *dist_m);

#endif /* JK_PIP_H */
