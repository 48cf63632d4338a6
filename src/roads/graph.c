/* SPDX-License-Identifier: MIT */
/*
 * A road network seen through a travel profile: the usable segments with
 * a time per direction, a reverse adjacency in CSR form for the
 * multi-source search, and a uniform grid over the road segments for
 * snapping (each segment listed in every cell its bounding box touches,
 * cells found through a hash table). A snap searches rings of cells
 * outwards from the point's cell and stops as soon as no unsearched cell
 * can hold anything nearer; no query ever loops over all segments.
 *
 * Times: length at the class speed, capped by the segment's maxspeed tag.
 * Ferries: the tagged duration, or length at the ferry speed, plus the
 * boarding wait on every ferry edge that leaves a node where roads meet
 * the ferry (a terminal), so that a crossing drawn with many vertices
 * waits once.
 *
 * Snapping prefers real networks to fragments: when the nearest road
 * belongs to a component of fewer than MIN_COMPONENT nodes (a stub left
 * unconnected by the mappers) and a road of a larger component lies
 * within the snap distance too, the point joins the larger one. A true
 * island network farther than the snap distance from the mainland stays
 * on its island, and stays unreachable without a ferry.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "roads_int.h"

#define CELL_DEG 0.0025
#define MIN_COMPONENT 50

void jk_graph_destroy(jk_graph *g)
{
	if (!g)
		return;
	free(g->lon);
	free(g->lat);
	free(g->seg);
	free(g->rfirst);
	free(g->redge);
	free(g->ckey);
	free(g->cstart);
	free(g->gseg);
	free(g->chash);
	free(g->csize);
	free(g);
}

size_t jk_graph_nodes(const jk_graph *g)
{
	return g->n_nodes;
}

size_t jk_graph_edges(const jk_graph *g)
{
	return g->n_edges;
}

static int64_t cell_of(double v, double cell)
{
	return (int64_t)floor(v / cell);
}

static uint64_t cell_key(int64_t ix, int64_t iy)
{
	return ((uint64_t)(uint32_t)(ix + 0x80000000LL) << 32) |
	       (uint32_t)(iy + 0x80000000LL);
}

static size_t key_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

/* The cell of @p key: its segments in gseg[*lo .. *hi); 0 when empty. */
static int cell_find(const jk_graph *g, uint64_t key, size_t *lo, size_t *hi)
{
	size_t h = key_hash(key) & (g->chash_cap - 1);

	while (g->chash[h]) {
		size_t c = g->chash[h] - 1;

		if (g->ckey[c] == key) {
			*lo = g->cstart[c];
			*hi = g->cstart[c + 1];
			return 1;
		}
		h = (h + 1) & (g->chash_cap - 1);
	}
	return 0;
}

struct kv {
	uint64_t key;
	uint32_t seg;
};

static int cmp_kv(const void *a, const void *b)
{
	const struct kv *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->seg < y->seg ? -1 : x->seg > y->seg;
}

static uint32_t uf_root(uint32_t *p, uint32_t x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

/* The component size of every node over the usable segments. */
static int components_build(jk_graph *g)
{
	uint32_t *p = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *p);
	size_t i;

	g->csize = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *g->csize);
	if (!p || !g->csize) {
		free(p);
		return -1;
	}
	for (i = 0; i < g->n_nodes; i++)
		p[i] = (uint32_t)i;
	for (i = 0; i < g->n_segs; i++) {
		uint32_t a = uf_root(p, g->seg[i].a), b = uf_root(p, g->seg[i].b);

		if (a != b)
			p[a] = b;
	}
	for (i = 0; i < g->n_nodes; i++)
		g->csize[uf_root(p, (uint32_t)i)]++;
	for (i = 0; i < g->n_nodes; i++)
		g->csize[i] = g->csize[uf_root(p, (uint32_t)i)];
	free(p);
	return 0;
}

static int grid_build(jk_graph *g)
{
	struct kv *kv = NULL;
	size_t n = 0, cap = 0, i;

	g->cell = CELL_DEG;
	for (i = 0; i < g->n_segs; i++) {
		const jk_gseg *s = &g->seg[i];
		double x0 = fmin(g->lon[s->a], g->lon[s->b]), x1 = fmax(g->lon[s->a], g->lon[s->b]);
		double y0 = fmin(g->lat[s->a], g->lat[s->b]), y1 = fmax(g->lat[s->a], g->lat[s->b]);
		int64_t ix, iy;

		if (s->ferry)
			continue;
		for (ix = cell_of(x0, g->cell); ix <= cell_of(x1, g->cell); ix++)
			for (iy = cell_of(y0, g->cell); iy <= cell_of(y1, g->cell); iy++) {
				if (n >= cap) {
					size_t nc = cap ? cap * 2 : 1024;
					struct kv *q = realloc(kv, nc * sizeof *q);

					if (!q) {
						free(kv);
						return -1;
					}
					kv = q;
					cap = nc;
				}
				kv[n].key = cell_key(ix, iy);
				kv[n++].seg = (uint32_t)i;
			}
	}
	if (n)
		qsort(kv, n, sizeof *kv, cmp_kv);
	g->gseg = malloc((n ? n : 1) * sizeof *g->gseg);
	g->ckey = malloc((n ? n : 1) * sizeof *g->ckey);
	g->cstart = malloc((n + 1) * sizeof *g->cstart);
	if (!g->gseg || !g->ckey || !g->cstart || n >= UINT32_MAX) {
		free(kv);
		return -1;
	}
	for (i = 0; i < n; i++) {
		g->gseg[i] = kv[i].seg;
		if (i == 0 || kv[i].key != kv[i - 1].key) {
			g->ckey[g->n_cells] = kv[i].key;
			g->cstart[g->n_cells++] = (uint32_t)i;
		}
	}
	g->cstart[g->n_cells] = (uint32_t)n;
	g->n_grid = n;
	free(kv);
	for (g->chash_cap = 1024; g->chash_cap < g->n_cells * 2; g->chash_cap *= 2)
		;
	g->chash = calloc(g->chash_cap, sizeof *g->chash);
	if (!g->chash)
		return -1;
	for (i = 0; i < g->n_cells; i++) {
		size_t h = key_hash(g->ckey[i]) & (g->chash_cap - 1);

		while (g->chash[h])
			h = (h + 1) & (g->chash_cap - 1);
		g->chash[h] = (uint32_t)(i + 1);
	}
	return 0;
}

/* The usable segments of @p net under @p prof with their time per
 * direction (INFINITY against a one-way the profile obeys); marks in
 * @p road the nodes that road segments touch. Returns 0, or -1 on OOM. */
static int segs_build(jk_graph *g, const jk_roadnet *net, const jk_profile *prof,
		      int ignore_ow, unsigned char *road)
{
	size_t ncls = net->n_cls ? net->n_cls : 1, i;
	int *cls_ok = malloc(ncls * sizeof *cls_ok);
	int *cls_ow = malloc(ncls * sizeof *cls_ow);
	double *cls_kmh = malloc(ncls * sizeof *cls_kmh);
	int rc = -1;

	if (!cls_ok || !cls_ow || !cls_kmh)
		goto cleanup;
	for (i = 0; i < net->n_cls; i++)
		cls_ok[i] = jk_profile_class(prof, net->cls[i], &cls_kmh[i], &cls_ow[i]);
	for (i = 0; i < net->n_segs; i++) {
		const jk_rseg *r = &net->seg[i];
		jk_gseg *s = &g->seg[g->n_segs];
		double kmh, t;
		int obey;

		if (r->ferry) {
			if (!prof->ferry_allowed)
				continue;
			t = r->dur_s > 0 ? r->dur_s : r->len_m / (prof->ferry_kmh / 3.6);
			obey = 0;
		} else {
			if (!cls_ok[r->cls])
				continue;
			kmh = cls_kmh[r->cls];
			if (r->maxspeed > 0 && r->maxspeed < kmh)
				kmh = r->maxspeed;
			t = r->len_m / (kmh / 3.6);
			obey = cls_ow[r->cls] && !ignore_ow;
			road[r->a] = road[r->b] = 1;
		}
		s->a = r->a;
		s->b = r->b;
		s->len_m = r->len_m;
		s->ferry = r->ferry;
		s->t_ab = obey && r->oneway < 0 ? INFINITY : t;
		s->t_ba = obey && r->oneway > 0 ? INFINITY : t;
		g->n_segs++;
	}
	rc = 0;
cleanup:
	free(cls_ok);
	free(cls_ow);
	free(cls_kmh);
	return rc;
}

/* The boarding wait on every ferry edge that leaves a terminal (a node
 * that @p road marks), and the reverse adjacency of the open directions:
 * g->rfirst, g->redge. */
static int reverse_build(jk_ctx *ctx, jk_graph *g, const jk_profile *prof,
			 const unsigned char *road)
{
	size_t i, nn = g->n_nodes;
	uint32_t *fill;

	for (i = 0; i < g->n_segs; i++) {
		jk_gseg *s = &g->seg[i];

		if (s->ferry) {
			if (road[s->a])
				s->t_ab += prof->ferry_wait_min * 60.0;
			if (road[s->b])
				s->t_ba += prof->ferry_wait_min * 60.0;
		}
		if (isfinite(s->t_ab))
			g->rfirst[s->b + 1]++;
		if (isfinite(s->t_ba))
			g->rfirst[s->a + 1]++;
	}
	for (i = 0; i < nn; i++)
		g->rfirst[i + 1] += g->rfirst[i];
	g->n_edges = g->rfirst[nn];
	if (g->n_edges >= UINT32_MAX)
		return jk_error(ctx, JK_ERR_ARG, "the road network is too large (%zu edges)",
				g->n_edges);
	g->redge = malloc((g->n_edges ? g->n_edges : 1) * sizeof *g->redge);
	if (!g->redge)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	fill = malloc((nn ? nn : 1) * sizeof *fill);
	if (!fill)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	if (nn)
		memcpy(fill, g->rfirst, nn * sizeof *fill);
	for (i = 0; i < g->n_segs; i++) {
		const jk_gseg *s = &g->seg[i];

		if (isfinite(s->t_ab))
			g->redge[fill[s->b]++] = (uint32_t)(i << 1);
		if (isfinite(s->t_ba))
			g->redge[fill[s->a]++] = (uint32_t)(i << 1 | 1);
	}
	free(fill);
	return JK_OK;
}

int jk_graph_build(jk_ctx *ctx, const jk_roadnet *net, const jk_profile *prof,
		   const jk_graph_opts *opts, jk_graph **out)
{
	jk_graph *g = calloc(1, sizeof *g);
	unsigned char *road = NULL;
	size_t nn = net->n_nodes;
	int rc = JK_OK, ignore_ow = opts && opts->ignore_oneway;

	*out = NULL;
	if (!g)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	g->n_nodes = nn;
	geod_init(&g->geod, 6378137.0, 1.0 / 298.257223563);
	g->access_kmh = prof->access_kmh;
	g->lon = malloc((nn ? nn : 1) * sizeof *g->lon);
	g->lat = malloc((nn ? nn : 1) * sizeof *g->lat);
	g->seg = malloc((net->n_segs ? net->n_segs : 1) * sizeof *g->seg);
	g->rfirst = calloc(nn + 1, sizeof *g->rfirst);
	road = calloc(nn ? nn : 1, 1);
	if (!g->lon || !g->lat || !g->seg || !g->rfirst || !road ||
	    segs_build(g, net, prof, ignore_ow, road)) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	if (nn) {
		memcpy(g->lon, net->lon, nn * sizeof *g->lon);
		memcpy(g->lat, net->lat, nn * sizeof *g->lat);
	}
	rc = reverse_build(ctx, g, prof, road);
	if (rc)
		goto cleanup;
	if (grid_build(g) || components_build(g)) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	*out = g;
	g = NULL;
cleanup:
	jk_graph_destroy(g);
	free(road);
	return rc;
}

/* Metres per degree of latitude and of longitude at latitude @p lat
 * (WGS84 series), for the local plane in which snapping compares. */
static void m_per_deg(double lat, double *my, double *mx)
{
	double p = lat * M_PI / 180.0;

	*my = 111132.92 - 559.82 * cos(2 * p) + 1.175 * cos(4 * p);
	*mx = 111412.84 * cos(p) - 93.5 * cos(3 * p);
}

/* The best candidates of a snap: any segment, and one of a component
 * that is not a fragment. Plane distances squared, in square metres. */
struct cand {
	double d, t;
	uint32_t s;
};

static void snap_seg(const jk_graph *g, uint32_t si, double lon, double lat,
		     double mx, double my, struct cand *near, struct cand *far)
{
	const jk_gseg *s = &g->seg[si];
	double ax = (g->lon[s->a] - lon) * mx, ay = (g->lat[s->a] - lat) * my;
	double bx = (g->lon[s->b] - lon) * mx, by = (g->lat[s->b] - lat) * my;
	double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy, t, px, py, d;

	t = l2 > 0 ? -(ax * dx + ay * dy) / l2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	px = ax + t * dx;
	py = ay + t * dy;
	d = px * px + py * py;
	if (d < near->d || (d == near->d && si < near->s)) {
		near->d = d;
		near->s = si;
		near->t = t;
	}
	if (g->csize[s->a] >= MIN_COMPONENT &&
	    (d < far->d || (d == far->d && si < far->s))) {
		far->d = d;
		far->s = si;
		far->t = t;
	}
}

void jk_graph_snap(const jk_graph *g, double lon, double lat, double max_m,
		   jk_snap *out)
{
	double my, mx, lim, ex, ey, best_t, big, big_t;
	struct cand near = {INFINITY, 0, UINT32_MAX}, far = {INFINITY, 0, UINT32_MAX};
	int64_t cx, cy, r;
	uint32_t best_s, big_s;

	memset(out, 0, sizeof *out);
	out->reach = JK_REACH_OFF_NETWORK;
	if (max_m <= 0)
		max_m = JK_SNAP_DEFAULT_M;
	if (!isfinite(lon) || !isfinite(lat) || fabs(lat) > 89.0)
		return;
	m_per_deg(lat, &my, &mx);
	/* a little wider: the plane is compared, the ellipsoid decides */
	lim = max_m * 1.01;
	cx = cell_of(lon, g->cell);
	cy = cell_of(lat, g->cell);
	/* what ring r leaves unsearched lies at least this far away */
	ex = fmin(lon - (double)cx * g->cell, (double)(cx + 1) * g->cell - lon) * mx;
	ey = fmin(lat - (double)cy * g->cell, (double)(cy + 1) * g->cell - lat) * my;
	for (r = 0;; r++) {
		double bound = fmin(ex + (double)r * g->cell * mx, ey + (double)r * g->cell * my);
		int64_t ix, iy;

		for (ix = cx - r; ix <= cx + r; ix++)
			for (iy = cy - r; iy <= cy + r; iy++) {
				size_t j, lo, hi;

				if (ix != cx - r && ix != cx + r && iy != cy - r && iy != cy + r)
					continue; /* an inner ring, searched already */
				if (!cell_find(g, cell_key(ix, iy), &lo, &hi))
					continue;
				for (j = lo; j < hi; j++)
					snap_seg(g, g->gseg[j], lon, lat, mx, my, &near, &far);
			}
		/* done when nothing unsearched can beat the network found, or
		 * when the rest is beyond the snap distance */
		if (bound > lim || (far.s != UINT32_MAX && bound * bound >= far.d))
			break;
	}
	best_s = near.s;
	best_t = near.t;
	big = far.d;
	big_s = far.s;
	big_t = far.t;
	if (best_s == UINT32_MAX)
		return;
	if (big_s != UINT32_MAX && big_s != best_s && g->csize[g->seg[best_s].a] < MIN_COMPONENT &&
	    sqrt(big) <= max_m) {
		/* a fragment is nearest, a network is near enough: the network
		 * (the plane distance is within a fraction of a percent) */
		best_s = big_s;
		best_t = big_t;
	}
	{
		const jk_gseg *s = &g->seg[best_s];
		double slon = g->lon[s->a] + best_t * (g->lon[s->b] - g->lon[s->a]);
		double slat = g->lat[s->a] + best_t * (g->lat[s->b] - g->lat[s->a]);
		double d;

		geod_inverse(&g->geod, lat, lon, slat, slon, &d, NULL, NULL);
		if (d > max_m)
			return;
		out->reach = JK_REACH_OK;
		out->seg = best_s;
		out->t = best_t;
		out->access_m = d;
		out->lon = slon;
		out->lat = slat;
	}
}
