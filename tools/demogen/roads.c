/* SPDX-License-Identifier: MIT */
/*
 * Roads: a generated road network over the islands, written as jalan_demo.geojson
 * with the fields of an OSM extract loaded as a line layer (highway,
 * oneway, route, duration, name), so that `jangkau import roads` and the
 * default travel profiles take it as it is. Per island (or part of one)
 * the villages are joined by a minimum spanning tree of straight-ish roads
 * that stay on land; its longest path is the trunk (primary on the north
 * island, secondary on the offshore one), the rest secondary or tertiary,
 * with a few extra links closing loops; every village has residential
 * streets (kelurahan) or tracks (desa) from its centre; the town has a
 * small grid with three one-way streets. Lines are noded where they cross
 * (a shared vertex is a junction for the importer). A ferry joins the
 * city's port to the offshore island, which has no other link.
 *
 * Two cases are kept on purpose: the far end of the north island (the
 * villages there with no ready site, around tip[1]) has roads of its own
 * but none to the rest of the island, so its homes are unreachable; and
 * one active client with a home coordinate lives more than 1 km from any
 * road (off the network). The stage draws from its own PRNG stream and
 * only reads the world, so the other files do not change with it.
 */
#include "demogen.h"

const char *const RCLASS[RC__COUNT] = {"trunk",	       "primary",     "secondary", "tertiary",
				       "unclassified", "residential", "track",	   NULL};

static void rl_push(rline *l, double x, double y)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->x = xrealloc(l->x, sizeof(double) * (size_t)l->cap);
		l->y = xrealloc(l->y, sizeof(double) * (size_t)l->cap);
	}
	l->x[l->n] = round(x / GRID) * GRID;
	l->y[l->n] = round(y / GRID) * GRID;
	l->n++;
}

static void rl_free(rline *l)
{
	free(l->x);
	free(l->y);
	memset(l, 0, sizeof(*l));
}

static double rl_km(const rline *l)
{
	double s = 0;

	for (int i = 1; i < l->n; i++)
		s += haversine_km(l->x[i - 1], l->y[i - 1], l->x[i], l->y[i]);
	return s;
}

/* Distance in km from a point to a segment, on the local plane. */
static double seg_dist_km(double px, double py, double ax, double ay, double bx, double by)
{
	double kx = KM_PER_DEG_LON_EQ * cos(py * PI / 180.0), ky = KM_PER_DEG_LAT;
	double ux = (bx - ax) * kx, uy = (by - ay) * ky, vx = (px - ax) * kx, vy = (py - ay) * ky;
	double uu = ux * ux + uy * uy, t = uu > 0 ? (ux * vx + uy * vy) / uu : 0;

	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(vx - t * ux, vy - t * uy);
}

/* Do segments a0a1 and b0b1 meet? On success *t, *u are the parameters. */
static int seg_cross(double ax0, double ay0, double ax1, double ay1, double bx0, double by0,
		     double bx1, double by1, double *t, double *u)
{
	double rx = ax1 - ax0, ry = ay1 - ay0, sx = bx1 - bx0, sy = by1 - by0;
	double d = rx * sy - ry * sx, qx = bx0 - ax0, qy = by0 - ay0;

	if (fabs(d) < 1e-18)
		return 0; /* parallel: the generator never lays roads on top of each other */
	*t = (qx * sy - qy * sx) / d;
	*u = (qx * ry - qy * rx) / d;
	return *t >= -1e-9 && *t <= 1 + 1e-9 && *u >= -1e-9 && *u <= 1 + 1e-9;
}

static int lines_cross(const rline *a, const rline *b)
{
	double t, u;

	for (int i = 1; i < a->n; i++)
		for (int j = 1; j < b->n; j++)
			if (seg_cross(a->x[i - 1], a->y[i - 1], a->x[i], a->y[i], b->x[j - 1],
				      b->y[j - 1], b->x[j], b->y[j], &t, &u))
				return 1;
	return 0;
}

/* A road from (ax,ay) to (bx,by), bent sideways by a smooth bow and a
 * little noise; one vertex about every 400 m. */
static void rl_bent(rng *r, rline *l, double ax, double ay, double bx, double by, double bow)
{
	double len = dist_km(ax, ay, bx, by), amp = bow * len * (rng_unif(r) < 0.5 ? -1 : 1);
	double kx = 1.0 / deg_lon_per_km(ay), ux = (bx - ax) * kx / len,
	       uy = (by - ay) * KM_PER_DEG_LAT / len;
	int n = (int)(len / 0.4) + 1;

	n = n > 24 ? 24 : n;
	rl_push(l, ax, ay);
	for (int k = 1; k < n; k++) {
		double f = (double)k / n,
		       off = amp * sin(PI * f) + 0.04 * len * (rng_unif(r) - 0.5) / n;

		rl_push(l, ax + (bx - ax) * f - uy * off * deg_lon_per_km(ay),
			ay + (by - ay) * f + ux * off * deg_lat_per_km());
	}
	rl_push(l, bx, by);
}

static GEOSGeometry *rl_geos(world *w, const rline *l)
{
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(w->gh, (unsigned)l->n, 2);

	if (!cs)
		die("geos: coordinate sequence");
	for (int i = 0; i < l->n; i++)
		GEOSCoordSeq_setXY_r(w->gh, cs, (unsigned)i, l->x[i], l->y[i]);
	return gcheck(GEOSGeom_createLineString_r(w->gh, cs), "line");
}

/* May this line be laid: on its island, away from the off-network home,
 * and not touching a road of another group (the cut-off end stays cut)? */
static int rl_ok(world *w, const roads_t *rd, const rline *l, int isl, int check_land)
{
	if (check_land) {
		GEOSGeometry *g = rl_geos(w, l);
		char c = GEOSPreparedCovers_r(w->gh, w->pisland[isl], g);

		GEOSGeom_destroy_r(w->gh, g);
		if (c != 1)
			return 0;
	}
	if (rd->off_cli >= 0)
		for (int i = 1; i < l->n; i++)
			if (seg_dist_km(rd->off_x, rd->off_y, l->x[i - 1], l->y[i - 1], l->x[i],
					l->y[i]) < RD_OFF_KM)
				return 0;
	for (int i = 0; i < rd->n; i++)
		if (rd->l[i].grp != l->grp && (rd->l[i].grp == GRP_CUT || l->grp == GRP_CUT) &&
		    lines_cross(&rd->l[i], l))
			return 0;
	return 1;
}

static rline *rd_add(roads_t *rd, rline *l)
{
	if (rd->n == rd->cap) {
		rd->cap = rd->cap ? 2 * rd->cap : 256;
		rd->l = xrealloc(rd->l, sizeof(rline) * (size_t)rd->cap);
	}
	rd->l[rd->n] = *l;
	memset(l, 0, sizeof(*l));
	return &rd->l[rd->n++];
}

typedef struct redge {
	int a, b;
	double km;
	rline l;
	int in_tree;
} redge;

static int cmp_redge(const void *pa, const void *pb)
{
	const redge *a = pa, *b = pb;

	return a->km < b->km ? -1 : a->km > b->km ? 1 : a->a != b->a ? a->a - b->a : a->b - b->b;
}

static int uf_find(int *p, int i)
{
	while (p[i] != i)
		i = p[i] = p[p[i]];
	return i;
}

/* The trunk of a tree: its longest path (two sweeps), marked in on_path. */
static void tree_diameter(const world *w, const redge *e, int ne, const int *vs, int nv,
			  int *on_path)
{
	double *d = xcalloc(MAXV, sizeof(double));
	int *prev = xcalloc(MAXV, sizeof(int)), *pe = xcalloc(MAXV, sizeof(int)), start = vs[0];

	(void)w;
	for (int sweep = 0; sweep < 2; sweep++) {
		int far = start, changed = 1;

		for (int i = 0; i < MAXV; i++) {
			d[i] = -1;
			prev[i] = pe[i] = -1;
		}
		d[start] = 0;
		while (changed) { /* Bellman-Ford on a tree of at most MAXV nodes */
			changed = 0;
			for (int k = 0; k < ne; k++) {
				int a = e[k].a, b = e[k].b;

				if (!e[k].in_tree)
					continue;
				if (d[a] >= 0 && d[b] < 0) {
					d[b] = d[a] + e[k].km, prev[b] = a, pe[b] = k, changed = 1;
				} else if (d[b] >= 0 && d[a] < 0) {
					d[a] = d[b] + e[k].km, prev[a] = b, pe[a] = k, changed = 1;
				}
			}
		}
		for (int i = 0; i < nv; i++)
			if (d[vs[i]] > d[far])
				far = vs[i];
		if (sweep == 0) {
			start = far;
		} else {
			for (int v = far; pe[v] >= 0; v = prev[v])
				on_path[pe[v]] = 1;
		}
	}
	free(d);
	free(prev);
	free(pe);
}

/* Joins the villages of one road group by a spanning tree of roads, plus a
 * few loops; returns 0 when the group cannot be joined over land. */
static int group_roads(world *w, rng *r, roads_t *rd, int grp, int isl, int trunk_cls)
{
	int vs[MAXV], nv = 0, ne = 0, *par, joined = 0, *on_path, ok = 1;
	redge *e;

	for (int i = 0; i < w->nvil; i++)
		if (rd->grp[i] == grp)
			vs[nv++] = i;
	if (nv < 2)
		return nv == 1;
	e = xcalloc((size_t)nv * (size_t)nv, sizeof(redge));
	for (int i = 0; i < nv; i++)
		for (int j = i + 1; j < nv; j++) {
			const vil_t *a = &w->vil[vs[i]], *b = &w->vil[vs[j]];
			double km = dist_km(a->px, a->py, b->px, b->py);
			redge *c = &e[ne];

			if (km > 3.2 * ISL[isl].sp_rural)
				continue;
			c->a = vs[i];
			c->b = vs[j];
			c->km = km;
			c->l.grp = grp;
			rl_bent(r, &c->l, a->px, a->py, b->px, b->py, 0.04 + 0.06 * rng_unif(r));
			if (!rl_ok(w, rd, &c->l, isl, 1)) {
				rl_free(&c->l);
				rl_push(&c->l, a->px, a->py);
				rl_push(&c->l, b->px, b->py);
				c->l.grp = grp;
				if (!rl_ok(w, rd, &c->l, isl, 1)) {
					rl_free(&c->l);
					continue;
				}
			}
			ne++;
		}
	qsort(e, (size_t)ne, sizeof(redge), cmp_redge);
	par = xcalloc(MAXV, sizeof(int));
	for (int i = 0; i < MAXV; i++)
		par[i] = i;
	for (int k = 0; k < ne; k++) {
		int a = uf_find(par, e[k].a), b = uf_find(par, e[k].b);

		if (a != b) {
			par[a] = b;
			e[k].in_tree = 1;
			joined++;
		}
	}
	if (joined != nv - 1)
		ok = 0;
	on_path = xcalloc((size_t)(ne ? ne : 1), sizeof(int));
	if (ok && trunk_cls >= 0)
		tree_diameter(w, e, ne, vs, nv, on_path);
	for (int k = 0; ok && k < ne; k++) {
		const vil_t *a = &w->vil[e[k].a], *b = &w->vil[e[k].b];

		if (!e[k].in_tree) {
			/* a loop now and then, between near neighbours */
			if (e[k].km > 1.3 * ISL[isl].sp_rural || rng_unif(r) > 0.3)
				continue;
			e[k].l.cls = RC_UNCLASSIFIED;
		} else if (on_path[k]) {
			e[k].l.cls = trunk_cls;
		} else {
			e[k].l.cls =
			    (a->kec != b->kec || a->is_capital || b->is_capital) && grp != GRP_CUT
				? RC_SECONDARY
				: RC_TERTIARY;
		}
		if (e[k].l.cls == RC_TRUNK)
			scopy(e[k].l.name, sizeof(e[k].l.name), "Jalan Trans Ranoweta");
		if (!e[k].in_tree && !rl_ok(w, rd, &e[k].l, isl, 0))
			continue;
		rd_add(rd, &e[k].l);
	}
	for (int k = 0; k < ne; k++)
		rl_free(&e[k].l);
	free(on_path);
	free(par);
	free(e);
	return ok;
}

/* Streets (kelurahan) or tracks (desa) from each village centre. */
static void village_stubs(world *w, rng *r, roads_t *rd)
{
	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];
		int want = v->is_kel ? 2 : 3;
		double len0 = 0.45 * sqrt(v->area_km2);

		len0 = len0 > 1.5 ? 1.5 : len0 < 0.3 ? 0.3 : len0;
		for (int s = 0, tries = 0; s < want && tries < 12; tries++) {
			double th = 2 * PI * rng_unif(r), len = len0 * (0.7 + 0.6 * rng_unif(r));
			double ex = v->px + len * cos(th) * deg_lon_per_km(v->py),
			       ey = v->py + len * sin(th) * deg_lat_per_km();
			rline l = {0};

			l.grp = rd->grp[i];
			l.cls = v->is_kel ? RC_RESIDENTIAL : RC_TRACK;
			rl_bent(r, &l, v->px, v->py, ex, ey, 0.08 * rng_unif(r));
			if (!prep_contains_xy(w, v->pgeom, ex, ey) ||
			    !rl_ok(w, rd, &l, v->island, 1)) {
				rl_free(&l);
				continue;
			}
			rd_add(rd, &l);
			s++;
		}
	}
}

/* Distance in km from a point to the nearest road laid so far. */
static double road_dist_km(const roads_t *rd, double x, double y)
{
	double best = 1e30;

	for (int i = 0; i < rd->n; i++)
		for (int j = 1; j < rd->l[i].n && rd->l[i].cls != RC_FERRY; j++) {
			double d = seg_dist_km(x, y, rd->l[i].x[j - 1], rd->l[i].y[j - 1],
					       rd->l[i].x[j], rd->l[i].y[j]);

			best = d < best ? d : best;
		}
	return best;
}

/* A work site is a public place: a street or track leads to within
 * 50-150 m of each one that is still far from a road. */
static void site_stubs(world *w, rng *r, roads_t *rd)
{
	for (int i = 0; i < w->nsite; i++) {
		const site_t *s = &w->site[i];
		const vil_t *v = &w->vil[s->vil];
		double len, ex, ey, f;
		rline l = {0};

		if (s->on_islet || road_dist_km(rd, s->lon, s->lat) < 0.5)
			continue;
		len = dist_km(v->px, v->py, s->lon, s->lat);
		f = (len - 0.05 - 0.1 * rng_unif(r)) / len;
		ex = v->px + (s->lon - v->px) * f;
		ey = v->py + (s->lat - v->py) * f;
		l.grp = rd->grp[s->vil];
		l.cls = v->is_kel ? RC_RESIDENTIAL : RC_TRACK;
		rl_bent(r, &l, v->px, v->py, ex, ey, 0.06 * rng_unif(r));
		if (!rl_ok(w, rd, &l, v->island, 1)) {
			rl_free(&l);
			continue;
		}
		rd_add(rd, &l);
	}
}

/* A grid of streets around the town centre; three of them one-way. */
static void town_grid(world *w, rng *r, roads_t *rd)
{
	double rot = (20.0 + 30.0 * rng_unif(r)) * PI / 180.0;
	double dx = deg_lon_per_km(w->town_y), dy = deg_lat_per_km();
	int nway = 0;

	for (int dir = 0; dir < 2; dir++)
		for (int k = -3; k <= 3; k++) {
			rline l = {0};
			double o = 0.3 * k;

			for (int j = -4; j <= 4; j++) {
				double a = 0.28 * j, x = dir ? o : a, y = dir ? a : o;

				rl_push(&l, w->town_x + (x * cos(rot) - y * sin(rot)) * dx,
					w->town_y + (x * sin(rot) + y * cos(rot)) * dy);
			}
			l.grp = ISL_MAIN;
			l.cls = RC_RESIDENTIAL;
			if (dir == 1 && (k == -2 || k == 0 || k == 2)) {
				l.oneway = 1;
				if (k == 0) /* the middle one runs the other way */
					for (int i = 0; i < l.n / 2; i++) {
						double t = l.x[i];

						l.x[i] = l.x[l.n - 1 - i];
						l.x[l.n - 1 - i] = t;
						t = l.y[i];
						l.y[i] = l.y[l.n - 1 - i];
						l.y[l.n - 1 - i] = t;
					}
			}
			if (!rl_ok(w, rd, &l, ISL_MAIN, 1)) {
				rl_free(&l);
				continue;
			}
			nway += l.oneway;
			rd_add(rd, &l);
		}
	if (nway < 2)
		die("internal: the town grid lost its one-way streets");
}

/* The point of g nearest to (x, y). */
static void nearest_on(world *w, const GEOSGeometry *g, double x, double y, double *nx, double *ny)
{
	GEOSGeometry *pt = make_point(w, x, y);
	GEOSCoordSequence *np = GEOSNearestPoints_r(w->gh, g, pt);

	if (!np)
		die("geos: nearest points failed");
	GEOSCoordSeq_getXY_r(w->gh, np, 0, nx, ny);
	GEOSCoordSeq_destroy_r(w->gh, np);
	GEOSGeom_destroy_r(w->gh, pt);
}

/* The port roads and the ferry between the city and the offshore island. */
static void ferry(world *w, rng *r, roads_t *rd)
{
	double best = 1e30, mx, my, tx, ty, km;
	int port = -1, iport = -1;
	rline l = {0};

	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (kab_of(w, i) != KAB_KOTA || !w->vil[i].coastal)
			continue;
		d = dist_km(w->vil[i].px, w->vil[i].py, ISL[ISL_SMALL].lon, ISL[ISL_SMALL].lat);
		if (d < best) {
			best = d;
			port = i;
		}
	}
	if (port < 0)
		die("internal: the city has no coastal village");
	nearest_on(w, w->coast[ISL_MAIN], w->vil[port].px, w->vil[port].py, &mx, &my);
	nearest_on(w, w->coast[ISL_SMALL], mx, my, &tx, &ty);
	best = 1e30;
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_SMALL) {
			double d = dist_km(w->vil[i].px, w->vil[i].py, tx, ty);

			if (d < best) {
				best = d;
				iport = i;
			}
		}
	/* the harbour roads: village centre to the quay */
	l.grp = ISL_MAIN;
	l.cls = RC_TERTIARY;
	scopy(l.name, sizeof(l.name), "Jalan Pelabuhan");
	rl_push(&l, w->vil[port].px, w->vil[port].py);
	rl_push(&l, mx, my);
	rd_add(rd, &l);
	l.grp = ISL_SMALL;
	l.cls = RC_TERTIARY;
	scopy(l.name, sizeof(l.name), "Jalan Dermaga");
	rl_push(&l, tx, ty);
	rl_push(&l, w->vil[iport].px, w->vil[iport].py);
	rd_add(rd, &l);
	/* the crossing, bowed a little, at about 15 km/h plus manoeuvring */
	l.grp = -1;
	l.cls = RC_FERRY;
	rl_bent(r, &l, mx, my, tx, ty, 0.05);
	km = rl_km(&l);
	rd->ferry_km = km;
	rd->ferry_min = (int)(5 * ceil((km / 15.0 * 60.0 + 10.0) / 5.0));
	sfmt(l.dur, sizeof(l.dur), "%02d:%02d", rd->ferry_min / 60, rd->ferry_min % 60);
	sfmt(l.name, sizeof(l.name), "Penyeberangan %s - %s", w->kab[KAB_KOTA].base,
	     w->kec[w->vil[iport].kec].nm.s);
	rd_add(rd, &l);
}

typedef struct rvert {
	int64_t kx, ky;
	int line;
} rvert;

static int cmp_rvert(const void *pa, const void *pb)
{
	const rvert *a = pa, *b = pb;

	if (a->kx != b->kx)
		return a->kx < b->kx ? -1 : 1;
	if (a->ky != b->ky)
		return a->ky < b->ky ? -1 : 1;
	return a->line - b->line;
}

typedef struct rins {
	int seg;
	double t, x, y;
} rins;

static int cmp_rins(const void *pa, const void *pb)
{
	const rins *a = pa, *b = pb;

	if (a->seg != b->seg)
		return a->seg - b->seg;
	return a->t < b->t ? -1 : a->t > b->t;
}

/* Puts a vertex wherever two lines cross, so that the importer joins them
 * there (it joins lines at shared coordinates only). The ferry crosses
 * nothing but its own quays. */
static void node_lines(roads_t *rd)
{
	rins **ins = xcalloc((size_t)rd->n, sizeof(rins *));
	int *nins = xcalloc((size_t)rd->n, sizeof(int)), *cap = xcalloc((size_t)rd->n, sizeof(int));

	for (int a = 0; a < rd->n; a++)
		for (int b = a + 1; b < rd->n; b++) {
			rline *A = &rd->l[a], *B = &rd->l[b];

			if (A->cls == RC_FERRY || B->cls == RC_FERRY)
				continue;
			for (int i = 1; i < A->n; i++)
				for (int j = 1; j < B->n; j++) {
					double t, u, x, y;

					if (!seg_cross(A->x[i - 1], A->y[i - 1], A->x[i], A->y[i],
						       B->x[j - 1], B->y[j - 1], B->x[j], B->y[j],
						       &t, &u))
						continue;
					x = round((A->x[i - 1] + t * (A->x[i] - A->x[i - 1])) /
						  GRID) *
					    GRID;
					y = round((A->y[i - 1] + t * (A->y[i] - A->y[i - 1])) /
						  GRID) *
					    GRID;
					for (int s = 0; s < 2; s++) {
						int li = s ? b : a, sg = s ? j : i;
						rline *L = &rd->l[li];
						double tt = s ? u : t;

						if ((x == L->x[sg - 1] && y == L->y[sg - 1]) ||
						    (x == L->x[sg] && y == L->y[sg]))
							continue;
						if (tt <= 1e-9 || tt >= 1 - 1e-9)
							continue; /* at this line's vertex already
								   */
						if (nins[li] == cap[li]) {
							cap[li] = cap[li] ? 2 * cap[li] : 8;
							ins[li] =
							    xrealloc(ins[li], sizeof(rins) *
										  (size_t)cap[li]);
						}
						ins[li][nins[li]++] = (rins){sg, tt, x, y};
					}
				}
		}
	for (int li = 0; li < rd->n; li++) {
		rline *L = &rd->l[li], nl = *L;
		int k = 0;

		if (!nins[li])
			continue;
		qsort(ins[li], (size_t)nins[li], sizeof(rins), cmp_rins);
		nl.x = nl.y = NULL;
		nl.n = nl.cap = 0;
		for (int i = 0; i < L->n; i++) {
			for (; k < nins[li] && ins[li][k].seg == i; k++) {
				if (ins[li][k].x == nl.x[nl.n - 1] &&
				    ins[li][k].y == nl.y[nl.n - 1])
					continue;
				rl_push(&nl, ins[li][k].x, ins[li][k].y);
			}
			if (nl.n && L->x[i] == nl.x[nl.n - 1] && L->y[i] == nl.y[nl.n - 1])
				continue;
			rl_push(&nl, L->x[i], L->y[i]);
		}
		free(L->x);
		free(L->y);
		*L = nl;
		free(ins[li]);
	}
	free(ins);
	free(nins);
	free(cap);
}

/* Components of lines joined at shared vertices. Keeps the networks that
 * join villages (the main island with the offshore one through the ferry,
 * the north island, its cut-off end) and drops any street left dangling by
 * the land and home rules; checks that the design holds. */
static void keep_connected(roads_t *rd)
{
	int nv = 0, *par = xcalloc((size_t)rd->n, sizeof(int)), k = 0;
	int comp_of[NISL + 1], *keep = xcalloc((size_t)rd->n, sizeof(int));
	rvert *v;

	for (int i = 0; i < rd->n; i++)
		nv += rd->l[i].n;
	v = xcalloc((size_t)nv, sizeof(rvert));
	nv = 0;
	for (int i = 0; i < rd->n; i++) {
		par[i] = i;
		for (int j = 0; j < rd->l[i].n; j++)
			v[nv++] = (rvert){llround(rd->l[i].x[j] / GRID),
					  llround(rd->l[i].y[j] / GRID), i};
	}
	qsort(v, (size_t)nv, sizeof(rvert), cmp_rvert);
	for (int i = 1; i < nv; i++)
		if (v[i].kx == v[i - 1].kx && v[i].ky == v[i - 1].ky) {
			int a = uf_find(par, v[i].line), b = uf_find(par, v[i - 1].line);

			if (a != b)
				par[a] = b;
		}
	for (int g = 0; g <= NISL; g++)
		comp_of[g] = -1;
	for (int i = 0; i < rd->n; i++) {
		int c = uf_find(par, i), g = rd->l[i].grp;

		if (!rd->l[i].tree)
			continue;
		if (comp_of[g] >= 0 && comp_of[g] != c)
			die("internal: the roads of group %d are in pieces", g);
		comp_of[g] = c;
		keep[c] = 1;
	}
	if (comp_of[ISL_MAIN] < 0 || comp_of[ISL_MAIN] != comp_of[ISL_SMALL])
		die("internal: the ferry does not join the offshore island");
	if (comp_of[GRP_CUT] < 0 || comp_of[GRP_CUT] == comp_of[ISL_NORTH] ||
	    comp_of[ISL_NORTH] == comp_of[ISL_MAIN])
		die("internal: the north island's far end is not cut off");
	rd->cut_nodes = 0;
	for (int i = 0; i < nv; i++)
		if (uf_find(par, v[i].line) == comp_of[GRP_CUT] &&
		    (i == 0 || v[i].kx != v[i - 1].kx || v[i].ky != v[i - 1].ky))
			rd->cut_nodes++;
	for (int i = 0; i < rd->n; i++) {
		if (!keep[uf_find(par, i)]) {
			rl_free(&rd->l[i]);
			rd->dropped++;
			continue;
		}
		rd->l[k++] = rd->l[i];
	}
	rd->n = k;
	free(keep);
	free(par);
	free(v);
}

/* The far end of the north island: tip[1] and the villages around it that
 * have no ready site. */
static void cut_group(world *w, roads_t *rd)
{
	int changed = 1;

	for (int i = 0; i < w->nvil; i++)
		rd->grp[i] = w->vil[i].island;
	rd->grp[w->tip[1]] = GRP_CUT;
	while (changed) {
		changed = 0;
		for (int i = 0; i < w->nvil; i++)
			if (rd->grp[i] == ISL_NORTH && w->vil[i].n_status[ST_SIAP] == 0)
				for (int j = 0; j < w->nvil; j++)
					if (rd->grp[j] == GRP_CUT && adjacent(w, i, j)) {
						rd->grp[i] = GRP_CUT;
						changed = 1;
						break;
					}
	}
	rd->ncut = 0;
	for (int i = 0; i < w->nvil; i++)
		rd->ncut += rd->grp[i] == GRP_CUT;
}

/* Active clients with a usable home coordinate, farthest from every village
 * centre first: the candidates to live off the network. */
static int off_candidates(world *w, int *out, int max)
{
	double key[MAXV * 4];
	int n = 0;

	for (int i = 0; i < w->ncrow && n < max && n < MAXV * 4; i++) {
		const row_t *rw = &w->crow[i];
		const client_t *c = &w->cli[rw->src];
		uint64_t bad = LB(L_COORD_MISSING) | LB(L_COORD_ZERO) | LB(L_COORD_SEA) |
			       LB(L_COORD_OTHER_REGENCY) | LB(L_BROKEN_COORD) | LB(L_BROKEN_DATE);
		double d = 1e30;

		if ((rw->labels & bad) || c->selesai || w->vil[c->vil].island != ISL_MAIN)
			continue;
		for (int v = 0; v < w->nvil; v++) {
			double dv = dist_km(c->lon, c->lat, w->vil[v].px, w->vil[v].py);

			d = dv < d ? dv : d;
		}
		if (d < RD_OFF_KM + 0.15)
			continue;
		out[n] = rw->src;
		key[n++] = d;
	}
	for (int i = 1; i < n; i++) /* insertion sort, farthest first */
		for (int j = i; j > 0 && key[j] > key[j - 1]; j--) {
			double t = key[j];
			int ti = out[j];

			key[j] = key[j - 1];
			key[j - 1] = t;
			out[j] = out[j - 1];
			out[j - 1] = ti;
		}
	return n;
}

static void roads_clear(roads_t *rd)
{
	for (int i = 0; i < rd->n; i++)
		rl_free(&rd->l[i]);
	rd->n = 0;
	rd->dropped = 0;
}

void make_roads(world *w, roads_t *rd)
{
	int cand[64], nc = off_candidates(w, cand, 64), done = 0;

	if (nc == 0)
		die("no active client lives far enough from every village centre to be off "
		    "the road network");
	cut_group(w, rd);
	for (int c = 0; c < nc && !done; c++) {
		rng r;

		rng_init(&r, w->seed, 7); /* the same draws for every attempt */
		roads_clear(rd);
		rd->off_cli = cand[c];
		rd->off_x = w->cli[cand[c]].lon;
		rd->off_y = w->cli[cand[c]].lat;
		done = group_roads(w, &r, rd, ISL_MAIN, ISL_MAIN, RC_TRUNK) &&
		       group_roads(w, &r, rd, ISL_NORTH, ISL_NORTH, RC_PRIMARY) &&
		       group_roads(w, &r, rd, GRP_CUT, ISL_NORTH, -1) &&
		       group_roads(w, &r, rd, ISL_SMALL, ISL_SMALL, RC_SECONDARY);
		if (!done)
			continue;
		for (int i = 0; i < rd->n; i++)
			rd->l[i].tree = rd->l[i].cls != RC_UNCLASSIFIED;
		town_grid(w, &r, rd);
		ferry(w, &r, rd);
		village_stubs(w, &r, rd);
		site_stubs(w, &r, rd);
		for (int i = 0; i < rd->n && done; i++)
			for (int j = 1; j < rd->l[i].n && rd->l[i].cls != RC_FERRY; j++)
				if (seg_dist_km(rd->off_x, rd->off_y, rd->l[i].x[j - 1],
						rd->l[i].y[j - 1], rd->l[i].x[j],
						rd->l[i].y[j]) < RD_OFF_KM - 0.05)
					done = 0; /* a harbour road came close */
	}
	if (!done)
		die("could not lay the roads around any off-network home");
	node_lines(rd);
	keep_connected(rd);
	for (int i = 0; i < rd->n; i++) {
		rd->n_by_cls[rd->l[i].cls]++;
		rd->km_by_cls[rd->l[i].cls] += rl_km(&rd->l[i]);
		rd->n_oneway += rd->l[i].oneway;
	}
	if (rd->cut_nodes < 60)
		die("internal: the cut-off end has only %d road nodes", rd->cut_nodes);
}

/* jalan_demo.geojson: the fields an OSM extract has as a line layer. */
void write_roads(world *w, roads_t *rd, const char *dir)
{
	static const char *const F[] = {"highway", "oneway", "route", "duration", "name"};
	GDALDatasetH ds;
	OGRLayerH lyr = create_geojson(dir, "jalan_demo", wkbLineString, F, NELEM(F), &ds);

	(void)w;
	for (int i = 0; i < rd->n; i++) {
		const rline *l = &rd->l[i];
		OGRFeatureH ft = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
		OGRGeometryH g = OGR_G_CreateGeometry(wkbLineString);

		for (int j = 0; j < l->n; j++)
			OGR_G_AddPoint_2D(g, l->x[j], l->y[j]);
		if (l->cls == RC_FERRY) {
			OGR_F_SetFieldString(ft, 2, "ferry");
			OGR_F_SetFieldString(ft, 3, l->dur);
		} else {
			OGR_F_SetFieldString(ft, 0, RCLASS[l->cls]);
		}
		if (l->oneway)
			OGR_F_SetFieldString(ft, 1, "yes");
		if (l->name[0])
			OGR_F_SetFieldString(ft, 4, l->name);
		OGR_F_SetGeometryDirectly(ft, g);
		if (OGR_L_CreateFeature(lyr, ft) != OGRERR_NONE)
			die("gdal: cannot write road %d: %s", i, CPLGetLastErrorMsg());
		OGR_F_Destroy(ft);
	}
	CPLErrorReset();
	GDALClose(ds);
	if (CPLGetLastErrorType() >= CE_Failure)
		die("gdal: cannot finish 'jalan_demo.geojson': %s", CPLGetLastErrorMsg());
}

void roads_free(roads_t *rd)
{
	roads_clear(rd);
	free(rd->l);
}
