/* SPDX-License-Identifier: MIT */
/*
 * Multi-source shortest paths: one Dijkstra search (binary heap, lazy
 * deletion) from all destinations at once over the reversed graph, so
 * that every node learns its nearest destination, the cost of getting
 * there, and the length and time of that path. An origin snapped onto a
 * segment then reads its answer from the two ends of the segment (with
 * the partial lengths), or goes straight along the segment to a
 * destination snapped onto the same one.
 *
 * Cost is time in seconds, or length in metres with by_distance. Ties
 * (equal cost) go to the destination of lower index, in the heap order as
 * in the relaxation, so results do not depend on memory layout.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "roads_int.h"

struct hent {
	double cost;
	uint32_t dest, node;
};

struct heap {
	struct hent *a;
	size_t n, cap;
};

static int hless(const struct hent *x, const struct hent *y)
{
	return x->cost < y->cost || (x->cost == y->cost && x->dest < y->dest);
}

static int heap_push(struct heap *h, struct hent e)
{
	size_t i;

	if (h->n >= h->cap) {
		size_t nc = h->cap ? h->cap * 2 : 1024;
		struct hent *q = realloc(h->a, nc * sizeof *q);

		if (!q)
			return -1;
		h->a = q;
		h->cap = nc;
	}
	i = h->n++;
	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (!hless(&e, &h->a[p]))
			break;
		h->a[i] = h->a[p];
		i = p;
	}
	h->a[i] = e;
	return 0;
}

static struct hent heap_pop(struct heap *h)
{
	struct hent top = h->a[0], last = h->a[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && hless(&h->a[c + 1], &h->a[c]))
			c++;
		if (!hless(&h->a[c], &last))
			break;
		h->a[i] = h->a[c];
		i = c;
	}
	if (h->n)
		h->a[i] = last;
	return top;
}

void jk_search_destroy(jk_search *s)
{
	if (!s)
		return;
	free(s->cost);
	free(s->km);
	free(s->sec);
	free(s->dest);
	free(s->next);
	free(s->dsnap);
	free(s->dord);
	free(s);
}

/* Time in seconds of the access leg of a snap. */
static double access_s(const jk_graph *g, const jk_snap *p)
{
	return p->access_m / (g->access_kmh / 3.6);
}

/* Offers node @p v the cost @p c (with its length and time) towards
 * destination @p d through forward edge @p nx. */
static int offer(jk_search *s, struct heap *h, uint32_t v, double c, double m,
		 double t, uint32_t d, uint32_t nx)
{
	if (c < s->cost[v] || (c == s->cost[v] && d < s->dest[v])) {
		struct hent e = {c, d, v};

		s->cost[v] = c;
		s->km[v] = m;
		s->sec[v] = t;
		s->dest[v] = d;
		s->next[v] = nx;
		return heap_push(h, e);
	}
	return 0;
}

struct segidx {
	uint32_t seg, idx;
};

static int cmp_segidx(const void *a, const void *b)
{
	const struct segidx *x = a, *y = b;

	if (x->seg != y->seg)
		return x->seg < y->seg ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Fills s->dord with the usable destinations sorted by segment. */
static int sort_dest(jk_search *s, const jk_snap *dest, size_t n)
{
	struct segidx *t = malloc((n ? n : 1) * sizeof *t);
	size_t i, k = 0;

	if (!t)
		return -1;
	for (i = 0; i < n; i++)
		if (dest[i].reach == JK_REACH_OK) {
			t[k].seg = dest[i].seg;
			t[k++].idx = (uint32_t)i;
		}
	qsort(t, k, sizeof *t, cmp_segidx);
	for (i = 0; i < k; i++)
		s->dord[i] = t[i].idx;
	s->n_dest = k;
	free(t);
	return 0;
}

/* The seed node's forward edge to a destination on its own segment. */
#define NEXT_DEST UINT32_MAX

int jk_search_run(jk_ctx *ctx, const jk_graph *g, const jk_snap *dest,
		  size_t n, int by_distance, jk_search **out)
{
	jk_search *s = calloc(1, sizeof *s);
	struct heap h = {NULL, 0, 0};
	size_t nn = g->n_nodes, i, k = 0;
	int rc = JK_OK;

	*out = NULL;
	if (!s)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	if (n >= UINT32_MAX) {
		free(s);
		return jk_error(ctx, JK_ERR_ARG, "too many destinations (%zu)", n);
	}
	s->g = g;
	s->by_distance = by_distance;
	s->cost = malloc((nn ? nn : 1) * sizeof *s->cost);
	s->km = malloc((nn ? nn : 1) * sizeof *s->km);
	s->sec = malloc((nn ? nn : 1) * sizeof *s->sec);
	s->dest = malloc((nn ? nn : 1) * sizeof *s->dest);
	s->next = malloc((nn ? nn : 1) * sizeof *s->next);
	s->dsnap = malloc((n ? n : 1) * sizeof *s->dsnap);
	s->dord = malloc((n ? n : 1) * sizeof *s->dord);
	if (!s->cost || !s->km || !s->sec || !s->dest || !s->next || !s->dsnap ||
	    !s->dord) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < nn; i++) {
		s->cost[i] = INFINITY;
		s->dest[i] = UINT32_MAX;
		s->next[i] = UINT32_MAX;
	}
	if (n)
		memcpy(s->dsnap, dest, n * sizeof *dest);
	if (sort_dest(s, dest, n)) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	k = s->n_dest; /* dord holds the usable ones */
	/* seeds: the two ends of each destination's segment */
	for (i = 0; i < k && !rc; i++) {
		uint32_t d = s->dord[i];
		const jk_snap *p = &dest[d];
		const jk_gseg *e = &g->seg[p->seg];
		double am = p->access_m, at = access_s(g, p);

		/* from a, along a->b to the point */
		if (isfinite(e->t_ab)) {
			double m = am + p->t * e->len_m, t = at + p->t * e->t_ab;

			if (offer(s, &h, e->a, by_distance ? m : t, m, t, d, NEXT_DEST))
				rc = -1;
		}
		if (isfinite(e->t_ba)) {
			double m = am + (1 - p->t) * e->len_m, t = at + (1 - p->t) * e->t_ba;

			if (offer(s, &h, e->b, by_distance ? m : t, m, t, d, NEXT_DEST))
				rc = -1;
		}
	}
	while (!rc && h.n) {
		struct hent top = heap_pop(&h);
		uint32_t v = top.node, j;

		if (top.cost != s->cost[v] || top.dest != s->dest[v])
			continue; /* stale */
		for (j = g->rfirst[v]; j < g->rfirst[v + 1]; j++) {
			uint32_t code = g->redge[j], si = code >> 1;
			const jk_gseg *e = &g->seg[si];
			/* code & 1: the forward edge runs b->a, so it starts at b */
			uint32_t u = (code & 1) ? e->b : e->a;
			double t = (code & 1) ? e->t_ba : e->t_ab;
			double m = s->km[v] + e->len_m, tt = s->sec[v] + t;

			if (offer(s, &h, u, by_distance ? m : tt, m, tt, top.dest, code)) {
				rc = -1;
				break;
			}
		}
	}
	if (rc) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	*out = s;
	s = NULL;
cleanup:
	free(h.a);
	jk_search_destroy(s);
	return rc;
}

/* Candidate answers of an origin, kept when better (cost, then index). */
struct best {
	double cost, m, t;
	uint32_t dest;
	int via; /* 0 node a, 1 node b, 2 along the segment to the destination */
};

static void consider(struct best *b, double c, double m, double t, uint32_t d,
		     int via)
{
	if (c < b->cost || (c == b->cost && d < b->dest)) {
		b->cost = c;
		b->m = m;
		b->t = t;
		b->dest = d;
		b->via = via;
	}
}

/* First position of segment @p seg in dord. */
static size_t dord_lower(const jk_search *s, uint32_t seg)
{
	size_t lo = 0, hi = s->n_dest;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->dsnap[s->dord[mid]].seg < seg)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void best_of(const jk_search *s, const jk_snap *o, struct best *b)
{
	const jk_graph *g = s->g;
	const jk_gseg *e = &g->seg[o->seg];
	double am = o->access_m, at = access_s(g, o);
	size_t j;

	b->cost = INFINITY;
	b->dest = UINT32_MAX;
	b->via = -1;
	/* towards a: the edge b->a, for the part t */
	if (isfinite(e->t_ba) && s->dest[e->a] != UINT32_MAX) {
		double m = am + o->t * e->len_m + s->km[e->a];
		double t = at + o->t * e->t_ba + s->sec[e->a];

		consider(b, s->by_distance ? m : t, m, t, s->dest[e->a], 0);
	}
	if (isfinite(e->t_ab) && s->dest[e->b] != UINT32_MAX) {
		double m = am + (1 - o->t) * e->len_m + s->km[e->b];
		double t = at + (1 - o->t) * e->t_ab + s->sec[e->b];

		consider(b, s->by_distance ? m : t, m, t, s->dest[e->b], 1);
	}
	for (j = dord_lower(s, o->seg); j < s->n_dest; j++) {
		uint32_t d = s->dord[j];
		const jk_snap *p = &s->dsnap[d];
		double f = p->t - o->t, tseg, m, t;

		if (p->seg != o->seg)
			break;
		tseg = f >= 0 ? e->t_ab : e->t_ba;
		if (!isfinite(tseg))
			continue;
		m = am + fabs(f) * e->len_m + p->access_m;
		t = at + fabs(f) * tseg + access_s(g, p);
		consider(b, s->by_distance ? m : t, m, t, d, 2);
	}
}

void jk_search_query(const jk_search *s, const jk_snap *origin, jk_travel *out)
{
	struct best b;

	memset(out, 0, sizeof *out);
	if (origin->reach != JK_REACH_OK) {
		out->reach = JK_REACH_OFF_NETWORK;
		return;
	}
	best_of(s, origin, &b);
	if (b.dest == UINT32_MAX) {
		out->reach = JK_REACH_UNREACHABLE;
		return;
	}
	out->reach = JK_REACH_OK;
	out->dest = b.dest;
	out->km = b.m / 1000.0;
	out->min = b.t / 60.0;
}

int jk_search_path(jk_ctx *ctx, const jk_search *s, const jk_snap *origin,
		   double **lon, double **lat, size_t *n)
{
	const jk_graph *g = s->g;
	struct best b;
	double *x = NULL, *y = NULL;
	size_t cap = 16, k = 0, guard = 0;
	uint32_t v;

	*lon = *lat = NULL;
	*n = 0;
	if (origin->reach != JK_REACH_OK)
		return jk_error(ctx, JK_ERR_STATE, "the origin is off the network");
	best_of(s, origin, &b);
	if (b.dest == UINT32_MAX)
		return jk_error(ctx, JK_ERR_STATE, "no destination is reachable");
	x = malloc(cap * sizeof *x);
	y = malloc(cap * sizeof *y);
	if (!x || !y)
		goto oom;
#define PUT(X, Y)                                                       \
	do {                                                            \
		if (k >= cap) {                                         \
			double *nx_, *ny_;                              \
			cap *= 2;                                       \
			nx_ = realloc(x, cap * sizeof *x);              \
			if (!nx_)                                       \
				goto oom;                               \
			x = nx_;                                        \
			ny_ = realloc(y, cap * sizeof *y);              \
			if (!ny_)                                       \
				goto oom;                               \
			y = ny_;                                        \
		}                                                       \
		x[k] = (X);                                             \
		y[k++] = (Y);                                           \
	} while (0)
	PUT(origin->lon, origin->lat);
	if (b.via != 2) {
		v = b.via == 0 ? g->seg[origin->seg].a : g->seg[origin->seg].b;
		for (;;) {
			uint32_t code = s->next[v];
			const jk_gseg *e;

			PUT(g->lon[v], g->lat[v]);
			if (code == NEXT_DEST || ++guard > g->n_nodes)
				break;
			e = &g->seg[code >> 1];
			v = (code & 1) ? e->a : e->b;
		}
	}
	PUT(s->dsnap[b.dest].lon, s->dsnap[b.dest].lat);
#undef PUT
	*lon = x;
	*lat = y;
	*n = k;
	return JK_OK;
oom:
	free(x);
	free(y);
	return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
}

int jk_search_node_min(const jk_search *s, size_t node, double *min)
{
	if (node >= s->g->n_nodes || s->dest[node] == UINT32_MAX)
		return 0;
	*min = s->sec[node] / 60.0;
	return 1;
}

/* Appends the piece of segment @p e from fraction f0 to f1 (0 at a). */
static int band_put(double **xy, size_t *n, size_t *cap, const jk_graph *g,
		    const jk_gseg *e, double f0, double f1)
{
	double ax = g->lon[e->a], ay = g->lat[e->a];
	double dx = g->lon[e->b] - ax, dy = g->lat[e->b] - ay;
	double *p;

	if (*n >= *cap) {
		size_t nc = *cap ? *cap * 2 : 1024;

		p = realloc(*xy, nc * 4 * sizeof *p);
		if (!p)
			return -1;
		*xy = p;
		*cap = nc;
	}
	p = *xy + 4 * (*n)++;
	p[0] = ax + f0 * dx;
	p[1] = ay + f0 * dy;
	p[2] = ax + f1 * dx;
	p[3] = ay + f1 * dy;
	return 0;
}

int jk_search_band_pieces(jk_ctx *ctx, const jk_search *s, double max_min,
			  double **xy, size_t *n)
{
	const jk_graph *g = s->g;
	double lim = max_min * 60.0;
	size_t i, cap = 0;

	*xy = NULL;
	*n = 0;
	for (i = 0; i < g->n_segs; i++) {
		const jk_gseg *e = &g->seg[i];
		/* how far from each end a destination is within the limit:
		 * leaving a towards the segment's inside is the edge b->a
		 * travelled backwards, so its share is (lim - t(a)) / t_ba */
		double fa = 0, fb = 0;
		int ra = s->dest[e->a] != UINT32_MAX && s->sec[e->a] <= lim;
		int rb = s->dest[e->b] != UINT32_MAX && s->sec[e->b] <= lim;
		int bad;

		if (e->ferry || (!ra && !rb))
			continue;
		if (ra)
			fa = isfinite(e->t_ba) && e->t_ba > 0
				? (lim - s->sec[e->a]) / e->t_ba : 0;
		if (rb)
			fb = isfinite(e->t_ab) && e->t_ab > 0
				? (lim - s->sec[e->b]) / e->t_ab : 0;
		if ((ra && rb && (fa + fb >= 1 || e->len_m <= 0)) || fa >= 1 ||
		    fb >= 1)
			bad = band_put(xy, n, &cap, g, e, 0, 1);
		else
			bad = (fa > 0 && band_put(xy, n, &cap, g, e, 0, fa)) ||
			      (fb > 0 && band_put(xy, n, &cap, g, e, 1 - fb, 1));
		if (bad) {
			free(*xy);
			*xy = NULL;
			*n = 0;
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		}
	}
	/* the segments of the destinations: reached straight along them */
	for (i = 0; i < s->n_dest; i++) {
		const jk_snap *p = &s->dsnap[s->dord[i]];
		const jk_gseg *e = &g->seg[p->seg];
		double f0 = p->t, f1 = p->t;

		if (isfinite(e->t_ab))
			f0 = e->t_ab > 0 ? fmax(0, p->t - lim / e->t_ab) : 0;
		if (isfinite(e->t_ba))
			f1 = e->t_ba > 0 ? fmin(1, p->t + lim / e->t_ba) : 1;
		if (f1 > f0 && band_put(xy, n, &cap, g, e, f0, f1)) {
			free(*xy);
			*xy = NULL;
			*n = 0;
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		}
	}
	return JK_OK;
}
