/* SPDX-License-Identifier: MIT */
/*
 * The road method of the distance step (reach.h): destinations snapped to
 * the road graph once, one multi-source search from all of them, and each
 * query a snap of the origin and a look at the two ends of its edge
 * (src/roads). A point farther than the snap distance from every road is
 * off the network; one whose part of the network holds no destination is
 * unreachable. Neither gets a distance.
 */
#include <stdlib.h>

#include "roads/roads.h"
#include "reach.h"

typedef struct road_reach {
	jk_reach base;
	const jk_graph *g;
	jk_search *s;
	double max_snap_m;
} road_reach;

static void road_trip(const jk_reach *r, double lon, double lat,
		      jk_reach_trip *out)
{
	const road_reach *rr = (const road_reach *)r;
	jk_snap o;
	jk_travel t;

	jk_graph_snap(rr->g, lon, lat, rr->max_snap_m, &o);
	jk_search_query(rr->s, &o, &t);
	out->reach = t.reach;
	out->idx = t.dest;
	out->km = t.km;
	out->min = t.min;
}

static int road_nearest(const jk_reach *r, double lon, double lat,
			size_t *idx, double *km)
{
	jk_reach_trip t;

	road_trip(r, lon, lat, &t);
	if (t.reach != JK_REACH_OK)
		return -1;
	*idx = t.idx;
	*km = t.km;
	return 0;
}

static void road_destroy(jk_reach *r)
{
	road_reach *rr = (road_reach *)r;

	jk_search_destroy(rr->s);
	free(rr);
}

static const jk_reach_ops road_ops = {"road", road_nearest, road_destroy, road_trip};

const struct jk_search *jk_reach_road_search_ref(const jk_reach *r)
{
	return r && r->ops == &road_ops ? ((const road_reach *)r)->s : NULL;
}

jk_reach *jk_reach_road_create(jk_ctx *ctx, const jk_graph *g,
			       const double *lon, const double *lat, size_t n,
			       double max_snap_m, int by_distance)
{
	road_reach *rr = calloc(1, sizeof *rr);
	jk_snap *d = malloc((n ? n : 1) * sizeof *d);
	size_t i;

	if (!rr || !d) {
		jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto fail;
	}
	rr->base.ops = &road_ops;
	rr->base.n = n;
	rr->g = g;
	rr->max_snap_m = max_snap_m;
	for (i = 0; i < n; i++)
		jk_graph_snap(g, lon[i], lat[i], max_snap_m, &d[i]);
	if (jk_search_run(ctx, g, d, n, by_distance, &rr->s))
		goto fail;
	free(d);
	return &rr->base;
fail:
	free(d);
	free(rr);
	return NULL;
}
