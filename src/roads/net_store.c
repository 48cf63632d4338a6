/* SPDX-License-Identifier: MIT */
/*
 * The road network of the store (road_nodes, road_edges, written by
 * src/import/roads.c) back into memory, and the route between two points:
 * the thin library call under `jangkau route`.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "roads_int.h"

int jk_roadnet_load(jk_ctx *ctx, jk_store *st, jk_roadnet **out)
{
	jk_roadnet *net = NULL;
	sqlite3_stmt *s = NULL;
	long nn = jk_store_count(st, "road_nodes"), ne = jk_store_count(st, "road_edges");
	int rc = JK_OK, step;

	*out = NULL;
	if (nn < 0 || ne < 0)
		return jk_store_dberr(st, "cannot count the road network");
	if (ne == 0)
		return jk_error(ctx, JK_ERR_STATE,
				"%s: no road network in the store (hint: jangkau import roads FILE)",
				st->path);
	net = jk_roadnet_create();
	if (!net)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(st, "SELECT node_id, lon, lat FROM road_nodes ORDER BY node_id", &s);
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		size_t id = jk_roadnet_add_node(net, sqlite3_column_double(s, 1),
						sqlite3_column_double(s, 2));

		if (id == (size_t)-1)
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		else if ((sqlite3_int64)id + 1 != sqlite3_column_int64(s, 0))
			rc = jk_error(ctx, JK_ERR_DB,
				      "%s: road_nodes: node_id %lld out of sequence (expected %zu)",
				      st->path, (long long)sqlite3_column_int64(s, 0), id + 1);
	}
	if (!rc && step != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot read road_nodes");
	sqlite3_finalize(s);
	s = NULL;
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT source, target, class, oneway, maxspeed, ferry, duration_s, length_m"
			" FROM road_edges ORDER BY edge_id", &s);
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 a = sqlite3_column_int64(s, 0), b = sqlite3_column_int64(s, 1);

		if (a < 1 || b < 1 || a > (sqlite3_int64)net->n_nodes ||
		    b > (sqlite3_int64)net->n_nodes) {
			rc = jk_error(ctx, JK_ERR_DB, "%s: road_edges: node %lld or %lld does not exist",
				      st->path, (long long)a, (long long)b);
			break;
		}
		if (jk_roadnet_add_seg(net, (size_t)a - 1, (size_t)b - 1,
				       (const char *)sqlite3_column_text(s, 2),
				       sqlite3_column_int(s, 3), sqlite3_column_double(s, 4),
				       sqlite3_column_int(s, 5), sqlite3_column_double(s, 6),
				       sqlite3_column_double(s, 7)))
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	}
	if (!rc && step != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot read road_edges");
	sqlite3_finalize(s);
	if (rc) {
		jk_roadnet_destroy(net);
		return rc;
	}
	*out = net;
	return JK_OK;
}

int jk_graph_from_store(jk_ctx *ctx, jk_store *st, const jk_route_opts *opts,
			jk_graph **out)
{
	jk_roadnet *net = NULL;
	jk_profile *prof = NULL;
	jk_graph_opts go = {0};
	int rc;

	*out = NULL;
	if (!opts || !opts->profile)
		return jk_error(ctx, JK_ERR_ARG, "no travel profile given");
	rc = jk_profile_load(ctx, opts->profile, &prof);
	if (!rc)
		rc = jk_roadnet_load(ctx, st, &net);
	go.ignore_oneway = opts->ignore_oneway;
	if (!rc)
		rc = jk_graph_build(ctx, net, prof, &go, out);
	jk_roadnet_destroy(net);
	jk_profile_destroy(prof);
	return rc;
}

jk_status jk_roads_route(jk_ctx *ctx, jk_store *st, const jk_route_opts *opts,
			 double from_lon, double from_lat, double to_lon, double to_lat,
			 jk_route_result *res)
{
	jk_graph *g = NULL;
	jk_search *s = NULL;
	jk_snap from, to;
	jk_travel t;
	int rc;

	memset(res, 0, sizeof *res);
	res->reach = JK_REACH_UNREACHABLE;
	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!opts)
		return jk_error(ctx, JK_ERR_ARG, "jk_roads_route: no options given");
	if (opts->max_snap_m < 0)
		return jk_error(ctx, JK_ERR_ARG, "snap distance must be positive, not %g m",
				opts->max_snap_m);
	rc = jk_graph_from_store(ctx, st, opts, &g);
	if (rc)
		return rc;
	jk_graph_snap(g, from_lon, from_lat, opts->max_snap_m, &from);
	jk_graph_snap(g, to_lon, to_lat, opts->max_snap_m, &to);
	res->from_snap_m = from.access_m;
	res->to_snap_m = to.access_m;
	if (from.reach != JK_REACH_OK || to.reach != JK_REACH_OK) {
		res->reach = JK_REACH_OFF_NETWORK;
		goto cleanup;
	}
	rc = jk_search_run(ctx, g, &to, 1, opts->optimize_distance, &s);
	if (rc)
		goto cleanup;
	jk_search_query(s, &from, &t);
	res->reach = t.reach;
	if (t.reach == JK_REACH_OK) {
		res->road_km = t.km;
		res->road_min = t.min;
	}
cleanup:
	jk_search_destroy(s);
	jk_graph_destroy(g);
	return rc;
}

int jk_roadnet_save(jk_store *st, const jk_roadnet *net)
{
	sqlite3_stmt *sn = NULL, *se = NULL;
	size_t i;
	int rc;

	rc = jk_store_exec(st, "DELETE FROM road_edges; DELETE FROM road_nodes;");
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO road_nodes(node_id,lon,lat,geom)"
			" VALUES(?,?,?,MakePoint(?2,?3,4326))", &sn);
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO road_edges(edge_id,source,target,class,oneway,maxspeed,"
			"ferry,duration_s,length_m,geom) VALUES(?,?,?,?,?,?,?,?,?,"
			"MakeLine(MakePoint(?10,?11,4326),MakePoint(?12,?13,4326)))", &se);
	for (i = 0; !rc && i < net->n_nodes; i++) {
		sqlite3_bind_int64(sn, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_double(sn, 2, net->lon[i]);
		sqlite3_bind_double(sn, 3, net->lat[i]);
		if (sqlite3_step(sn) != SQLITE_DONE)
			rc = jk_store_dberr(st, "cannot store a road node");
		sqlite3_reset(sn);
	}
	for (i = 0; !rc && i < net->n_segs; i++) {
		const jk_rseg *e = &net->seg[i];

		sqlite3_bind_int64(se, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(se, 2, (sqlite3_int64)e->a + 1);
		sqlite3_bind_int64(se, 3, (sqlite3_int64)e->b + 1);
		sqlite3_bind_text(se, 4, net->cls[e->cls], -1, SQLITE_STATIC);
		sqlite3_bind_int(se, 5, e->oneway);
		if (e->maxspeed > 0)
			sqlite3_bind_double(se, 6, e->maxspeed);
		else
			sqlite3_bind_null(se, 6);
		sqlite3_bind_int(se, 7, e->ferry);
		if (e->dur_s > 0)
			sqlite3_bind_double(se, 8, e->dur_s);
		else
			sqlite3_bind_null(se, 8);
		sqlite3_bind_double(se, 9, e->len_m);
		sqlite3_bind_double(se, 10, net->lon[e->a]);
		sqlite3_bind_double(se, 11, net->lat[e->a]);
		sqlite3_bind_double(se, 12, net->lon[e->b]);
		sqlite3_bind_double(se, 13, net->lat[e->b]);
		if (sqlite3_step(se) != SQLITE_DONE)
			rc = jk_store_dberr(st, "cannot store a road edge");
		sqlite3_reset(se);
	}
	sqlite3_finalize(sn);
	sqlite3_finalize(se);
	return rc;
}
