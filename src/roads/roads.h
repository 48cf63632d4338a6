/* SPDX-License-Identifier: MIT */
/*
 * Road and ferry travel: the interface of the routing room.
 *
 * Three objects, in the order data flows:
 * - jk_roadnet: the network as imported, undirected segments between
 *   nodes (lines split at every vertex; two lines share a node where
 *   they share a coordinate to 1e-7 degree, OSM's precision), each with
 *   its road class, one-way tag, maxspeed and ferry duration. It is what the store keeps
 *   (road_nodes, road_edges), independent of how anyone travels.
 * - jk_profile: how one kind of traveller moves (data/profiles/NAME.csv):
 *   speed and permission per road class, whether one-way tags apply,
 *   ferry speed and boarding wait, walking speed of the access leg.
 * - jk_graph: a network seen through a profile: a compact directed graph
 *   (CSR arrays, forward and reverse) with a time and a length per edge,
 *   and a grid index of its road segments for snapping.
 * A jk_search is one multi-source shortest-path search over a graph from
 * a set of snapped destinations (ready sites); any origin then reads its
 * nearest destination, distance and time from the two ends of the edge
 * it snapped to.
 */
#ifndef JK_ROADS_H
#define JK_ROADS_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"

typedef struct jk_roadnet jk_roadnet;
typedef struct jk_profile jk_profile;
typedef struct jk_graph jk_graph;
typedef struct jk_search jk_search;

/* The travel outcome of a point is a jk_reach_status (jangkau.h). */

/* "ok", "off_network", "unreachable". */
const char *jk_reach_name(int reach);

#define JK_SNAP_DEFAULT_M 1000.0

/* ---- network ---------------------------------------------------- */

/* One input line: @p n vertices (lon/lat degrees), its class ("" when
 * none), oneway 1 (along the vertices), -1 (against) or 0, maxspeed in
 * km/h (0 when not tagged), ferry 0/1 and the ferry's duration in seconds
 * for the whole line (0 when not tagged). */
typedef struct jk_road_line {
	const double *lon, *lat;
	size_t n;
	const char *cls;
	int oneway;
	double maxspeed_kmh;
	int ferry;
	double duration_s;
} jk_road_line;

/* An empty network; NULL when out of memory. Free with jk_roadnet_destroy(). */
jk_roadnet *jk_roadnet_create(void);
void jk_roadnet_destroy(jk_roadnet *net);

/* Adds a line: its vertices become nodes (merged with existing nodes of
 * the same coordinate to 1e-7 degree), every pair of consecutive distinct vertices
 * a segment with its geodesic length. Returns JK_OK, JK_ERR_NOMEM, or
 * JK_ERR_FORMAT when the line has fewer than two distinct vertices. */
int jk_roadnet_add_line(jk_ctx *ctx, jk_roadnet *net, const jk_road_line *line);

/* Adds a node with its coordinate and returns its index (the store
 * loader, which has the node list already); (size_t)-1 when out of
 * memory. Does not merge. */
size_t jk_roadnet_add_node(jk_roadnet *net, double lon, double lat);

/* Adds a segment between existing nodes as stored (loader). */
int jk_roadnet_add_seg(jk_roadnet *net, size_t a, size_t b, const char *cls,
		       int oneway, double maxspeed_kmh, int ferry,
		       double duration_s, double len_m);

/* Loads the network stored by jk_import_roads(). JK_ERR_STATE when the
 * store has none. */
int jk_roadnet_load(jk_ctx *ctx, jk_store *st, jk_roadnet **out);

/* Replaces the road network of the store (road_nodes, road_edges) with
 * @p net, inside the caller's transaction. Returns JK_OK or JK_ERR_DB with
 * the context error set. */
int jk_roadnet_save(jk_store *st, const jk_roadnet *net);

/* Loads the network of the store, the profile at @p opts->profile and
 * builds the graph: the usual first step of every road computation. */
int jk_graph_from_store(jk_ctx *ctx, jk_store *st, const jk_route_opts *opts,
			jk_graph **out);

size_t jk_roadnet_nodes(const jk_roadnet *net);
size_t jk_roadnet_segs(const jk_roadnet *net);
/* Connected components of the undirected network (isolated nodes count). */
size_t jk_roadnet_components(const jk_roadnet *net);

/* ---- profiles ---------------------------------------------------- */

/*
 * Loads a travel profile from a CSV file with the header
 * class,kmh,allowed,oneway,wait_min. Rows: a road class (exact, case
 * insensitive; a trailing '*' matches any class beginning so; a lone '*'
 * every class), the reserved 'ferry' (ferry speed, allowed, wait_min is
 * the boarding wait) and 'access' (walking speed of the leg between a
 * point and the road). The first matching row wins. '#' starts a comment
 * line. Errors name file, row and field.
 * @param out the profile, free with jk_profile_destroy().
 */
int jk_profile_load(jk_ctx *ctx, const char *path, jk_profile **out);
void jk_profile_destroy(jk_profile *p);

/* Whether the class may be used, and its speed (km/h) and whether its
 * one-way tags apply. */
int jk_profile_class(const jk_profile *p, const char *cls, double *kmh,
		     int *oneway);

/* ---- graph ------------------------------------------------------- */

typedef struct jk_graph_opts {
	int ignore_oneway; /* treat every allowed segment as two-way */
} jk_graph_opts;

/* Builds the routable graph of @p net under @p prof. The graph copies
 * what it needs; net and prof may be freed afterwards. */
int jk_graph_build(jk_ctx *ctx, const jk_roadnet *net, const jk_profile *prof,
		   const jk_graph_opts *opts, jk_graph **out);
void jk_graph_destroy(jk_graph *g);

size_t jk_graph_nodes(const jk_graph *g);
size_t jk_graph_edges(const jk_graph *g); /* directed */

/* Where a point joins the network: the nearest point of the nearest road
 * segment (ferries excluded). */
typedef struct jk_snap {
	int reach;       /* JK_REACH_OK, or JK_REACH_OFF_NETWORK */
	uint32_t seg;    /* segment of the graph */
	double t;        /* position along it, 0 at its first node .. 1 */
	double access_m; /* geodesic distance point -> snapped point */
	double lon, lat; /* the snapped point */
} jk_snap;

/* Snaps (lon, lat) within @p max_m metres (<= 0: the default, 1 km).
 * out->reach is JK_REACH_OFF_NETWORK when no segment is that close. */
void jk_graph_snap(const jk_graph *g, double lon, double lat, double max_m,
		   jk_snap *out);

/* ---- search ------------------------------------------------------ */

/* Runs one multi-source search towards @p n snapped destinations (those
 * not JK_REACH_OK are left out), minimising time, or length when
 * @p by_distance. Ties go to the destination of lower index. */
int jk_search_run(jk_ctx *ctx, const jk_graph *g, const jk_snap *dest,
		  size_t n, int by_distance, jk_search **out);
void jk_search_destroy(jk_search *s);

/* The travel of one origin to its nearest destination. */
typedef struct jk_travel {
	int reach;   /* JK_REACH_* */
	size_t dest; /* index into the destinations when reach is OK */
	double km;   /* length of the chosen path, access legs included */
	double min;  /* its time in minutes */
} jk_travel;

void jk_search_query(const jk_search *s, const jk_snap *origin,
		     jk_travel *out);

/* The path of an origin to its destination as a line (origin's snapped
 * point, the nodes passed, the destination's snapped point). The arrays
 * are malloc'd, free both. Returns JK_OK, or JK_ERR_STATE when the
 * origin has no destination. */
int jk_search_path(jk_ctx *ctx, const jk_search *s, const jk_snap *origin,
		   double **lon, double **lat, size_t *n);

/* Whether node @p node of the graph reaches a destination; then *min is
 * the travel time (minutes) of its path to the nearest one. */
int jk_search_node_min(const jk_search *s, size_t node, double *min);

/* The parts of the road segments (ferries left out) from which a
 * destination is reached within @p max_min minutes: whole segments, and
 * the reached end parts of the others, interpolated linearly in the
 * segment's travel time. Four doubles per piece (lon0, lat0, lon1, lat1)
 * in a malloc'd array that the caller frees; *n pieces. Returns JK_OK or
 * JK_ERR_NOMEM. */
int jk_search_band_pieces(jk_ctx *ctx, const jk_search *s, double max_min,
			  double **xy, size_t *n);

#endif /* JK_ROADS_H */
