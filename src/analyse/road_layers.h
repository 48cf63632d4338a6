/* SPDX-License-Identifier: MIT */
/*
 * What the road layers of the export draw, computed by the coverage step
 * while its searches are at hand and kept in the store (road_node_min,
 * road_routes, road_isochrones; see store.h): the export then only
 * reads tables, and never needs the travel profile again.
 */
#ifndef JK_ROAD_LAYERS_H
#define JK_ROAD_LAYERS_H

#include <stddef.h>

#include "roads/roads.h"
#include "store/store.h"

/* The isochrone bands, minutes. */
#define JK_ISO_BANDS {15, 30, 60}
#define JK_ISO_N_BANDS 3

/* The side of the grid cells of the isochrones, in metres: about a
 * minute's walk off the road, and fine enough to follow a street block. */
#define JK_ISO_CELL_M 100.0

/* One client with a site by road. */
typedef struct jk_route_client {
	const char *id;
	const jk_search *s; /* the search that gave its site (borrowed) */
	size_t dest;        /* its site as a destination of that search */
	long long site_id;
	double site_lon, site_lat;
	double lon, lat;    /* home */
	double vlon, vlat;  /* point of its village */
	double km, min;     /* the home's trip */
} jk_route_client;

/* Writes every node's minutes to the nearest destination of @p s. */
int jk_road_nodes_write(jk_ctx *ctx, jk_store *st, const jk_graph *g,
			const jk_search *s);

/* Writes the isochrones of @p s (one multipolygon per band, nested). */
int jk_road_isochrones_write(jk_ctx *ctx, jk_store *st, const jk_search *s);

/* Writes two routes per client, from its home and from its village point,
 * both to its site. The village route is read from the client's own
 * search when the village point's nearest site is the client's, else from
 * a search towards that one site (one per such site). */
int jk_road_routes_write(jk_ctx *ctx, jk_store *st, const jk_graph *g,
			 double max_snap_m, int by_distance,
			 const jk_route_client *c, size_t n);

/* Builds the line of a route: @p from, the path's points, @p to, without
 * repeated points, as little-endian WKB (malloc'd, *len bytes). NULL when
 * out of memory. Exposed for the tests. */
unsigned char *jk_route_wkb(double from_lon, double from_lat,
			    const double *lon, const double *lat, size_t n,
			    double to_lon, double to_lat, size_t *len);

#endif /* JK_ROAD_LAYERS_H */
