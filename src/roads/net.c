/* SPDX-License-Identifier: MIT */
/*
 * The imported road network: nodes merged by coordinate equality at
 * 1e-7 degree (the shared vertices of the input lines; the OSM lines
 * layer of GDAL does not expose node ids, and where lines meet they share
 * the coordinate), undirected segments between consecutive vertices
 * with geodesic lengths (WGS84, Karney), and a class dictionary.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "roads_int.h"

const char *jk_reach_name(int reach)
{
	switch (reach) {
	case JK_REACH_OK: return "ok";
	case JK_REACH_OFF_NETWORK: return "off_network";
	default: return "unreachable";
	}
}

jk_roadnet *jk_roadnet_create(void)
{
	jk_roadnet *net = calloc(1, sizeof *net);

	if (net)
		geod_init(&net->geod, 6378137.0, 1.0 / 298.257223563);
	return net;
}

void jk_roadnet_destroy(jk_roadnet *net)
{
	size_t i;

	if (!net)
		return;
	for (i = 0; i < net->n_cls; i++)
		free(net->cls[i]);
	free(net->cls);
	free(net->lon);
	free(net->lat);
	free(net->seg);
	free(net->hash);
	free(net);
}

size_t jk_roadnet_nodes(const jk_roadnet *net)
{
	return net->n_nodes;
}

size_t jk_roadnet_segs(const jk_roadnet *net)
{
	return net->n_segs;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

size_t jk_roadnet_add_node(jk_roadnet *net, double lon, double lat)
{
	size_t cap = net->cap_nodes;

	if (net->n_nodes >= UINT32_MAX - 1)
		return (size_t)-1;
	if (grow((void **)&net->lon, &cap, net->n_nodes + 1, sizeof *net->lon))
		return (size_t)-1;
	cap = net->cap_nodes;
	if (grow((void **)&net->lat, &cap, net->n_nodes + 1, sizeof *net->lat))
		return (size_t)-1;
	net->cap_nodes = cap;
	net->lon[net->n_nodes] = lon;
	net->lat[net->n_nodes] = lat;
	return net->n_nodes++;
}

/* Nodes are merged at OSM's coordinate precision, 1e-7 degree (about
 * 1 cm): OSM stores no finer, and files converted from it (shapefiles)
 * carry the same vertex with noise in the last binary digits. */
static void coord_key(double lon, double lat, int64_t *kx, int64_t *ky)
{
	*kx = (int64_t)llround(lon * 1e7);
	*ky = (int64_t)llround(lat * 1e7);
}

static uint64_t coord_hash(double lon, double lat)
{
	int64_t kx, ky;
	uint64_t a;

	coord_key(lon, lat, &kx, &ky);
	a = (uint64_t)kx ^ ((uint64_t)ky * 0x9e3779b97f4a7c15ULL);
	a ^= a >> 31;
	a *= 0xbf58476d1ce4e5b9ULL;
	return a ^ (a >> 29);
}

static int same_coord(double x1, double y1, double x2, double y2)
{
	int64_t a, b, c, d;

	coord_key(x1, y1, &a, &b);
	coord_key(x2, y2, &c, &d);
	return a == c && b == d;
}

static int hash_rebuild(jk_roadnet *net, size_t cap)
{
	uint32_t *h = calloc(cap, sizeof *h);
	size_t i;

	if (!h)
		return -1;
	for (i = 0; i < net->n_nodes; i++) {
		size_t k = coord_hash(net->lon[i], net->lat[i]) & (cap - 1);

		while (h[k])
			k = (k + 1) & (cap - 1);
		h[k] = (uint32_t)(i + 1);
	}
	free(net->hash);
	net->hash = h;
	net->hash_cap = cap;
	return 0;
}

/* The node at (lon, lat), created when new. */
static size_t node_at(jk_roadnet *net, double lon, double lat)
{
	size_t k, id;

	if ((net->n_nodes + 1) * 2 > net->hash_cap &&
	    hash_rebuild(net, net->hash_cap ? net->hash_cap * 2 : 1024))
		return (size_t)-1;
	k = coord_hash(lon, lat) & (net->hash_cap - 1);
	while (net->hash[k]) {
		id = net->hash[k] - 1;
		if (same_coord(net->lon[id], net->lat[id], lon, lat))
			return id;
		k = (k + 1) & (net->hash_cap - 1);
	}
	id = jk_roadnet_add_node(net, lon, lat);
	if (id != (size_t)-1)
		net->hash[k] = (uint32_t)(id + 1);
	return id;
}

static long class_id(jk_roadnet *net, const char *cls)
{
	size_t i;

	if (!cls)
		cls = "";
	/* few classes: a linear scan from the most recent is fast enough */
	for (i = net->n_cls; i-- > 0;)
		if (!strcmp(net->cls[i], cls))
			return (long)i;
	if (grow((void **)&net->cls, &net->cap_cls, net->n_cls + 1, sizeof *net->cls))
		return -1;
	net->cls[net->n_cls] = jk_strdup(cls);
	if (!net->cls[net->n_cls])
		return -1;
	return (long)net->n_cls++;
}

int jk_roadnet_add_seg(jk_roadnet *net, size_t a, size_t b, const char *cls,
		       int oneway, double maxspeed_kmh, int ferry,
		       double duration_s, double len_m)
{
	long c = class_id(net, cls);
	jk_rseg *s;

	if (c < 0 || grow((void **)&net->seg, &net->cap_segs, net->n_segs + 1,
			  sizeof *net->seg))
		return JK_ERR_NOMEM;
	s = &net->seg[net->n_segs++];
	s->a = (uint32_t)a;
	s->b = (uint32_t)b;
	s->cls = (uint32_t)c;
	s->oneway = (int8_t)(oneway > 0 ? 1 : oneway < 0 ? -1 : 0);
	s->ferry = ferry != 0;
	s->maxspeed = (float)(maxspeed_kmh > 0 ? maxspeed_kmh : 0);
	s->dur_s = duration_s > 0 ? duration_s : 0;
	s->len_m = len_m;
	return JK_OK;
}

int jk_roadnet_add_line(jk_ctx *ctx, jk_roadnet *net, const jk_road_line *line)
{
	size_t i, prev = (size_t)-1, first_seg = net->n_segs;
	double total = 0;
	int rc;

	/* check first, so that a rejected line leaves no nodes behind */
	for (i = 0; i < line->n; i++)
		if (!isfinite(line->lon[i]) || !isfinite(line->lat[i]) ||
		    fabs(line->lat[i]) > 90 || fabs(line->lon[i]) > 180)
			return jk_error(ctx, JK_ERR_FORMAT,
					"vertex %zu (%g %g) is not a lon/lat coordinate",
					i + 1, line->lon[i], line->lat[i]);
	for (i = 1; i < line->n; i++)
		if (!same_coord(line->lon[i], line->lat[i], line->lon[0], line->lat[0]))
			break;
	if (i >= line->n)
		return jk_error(ctx, JK_ERR_FORMAT, "fewer than two distinct vertices");
	for (i = 0; i < line->n; i++) {
		size_t id;
		double len;

		id = node_at(net, line->lon[i], line->lat[i]);
		if (id == (size_t)-1)
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		if (prev == (size_t)-1 || id == prev) {
			prev = id;
			continue;
		}
		geod_inverse(&net->geod, net->lat[prev], net->lon[prev],
			     net->lat[id], net->lon[id], &len, NULL, NULL);
		rc = jk_roadnet_add_seg(net, prev, id, line->cls, line->oneway,
					line->maxspeed_kmh, line->ferry, 0, len);
		if (rc)
			return jk_error(ctx, rc, "out of memory");
		total += len;
		prev = id;
	}
	/* a ferry's duration is for the whole crossing: spread it by length */
	if (line->ferry && line->duration_s > 0 && total > 0)
		for (i = first_seg; i < net->n_segs; i++)
			net->seg[i].dur_s = line->duration_s * net->seg[i].len_m / total;
	return JK_OK;
}

static uint32_t uf_find(uint32_t *p, uint32_t x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

size_t jk_roadnet_components(const jk_roadnet *net)
{
	uint32_t *p = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *p);
	size_t i, n = net->n_nodes;

	if (!p)
		return 0;
	for (i = 0; i < net->n_nodes; i++)
		p[i] = (uint32_t)i;
	for (i = 0; i < net->n_segs; i++) {
		uint32_t ra = uf_find(p, net->seg[i].a), rb = uf_find(p, net->seg[i].b);

		if (ra != rb) {
			p[ra] = rb;
			n--;
		}
	}
	free(p);
	return n;
}
