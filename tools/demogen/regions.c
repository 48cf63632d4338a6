/* SPDX-License-Identifier: MIT */
/*
 * Regencies, districts and codes: the three regencies (Kota Ledo Ledo,
 * Kabupaten Ranoweta and Ranoweta Utara, split off from it), districts as
 * balanced contiguous groups of villages (k-means on the seeds, then
 * repaired so no district is in pieces), Kemendagri-style codes and postal
 * codes, and what is derived from a finished village polygon (point on
 * surface, area, coast, the shrunk zones true points are drawn in, and
 * adjacency).
 */
#include "demogen.h"

void setup_kabs(world *w)
{
	static const kab_t k[3] = {
	    {"99.01", "Ranoweta", "Kabupaten Ranoweta", 0, -1, NULL, 976},
	    {"99.02", "Ranoweta Utara", "Kabupaten Ranoweta Utara", 0, KAB_RANOWETA, "Ranut", 977},
	    {"99.71", "Ledo Ledo", "Kota Ledo Ledo", 1, -1, NULL, 975},
	};

	memcpy(w->kab, k, sizeof(k));
}

static int add_kec(world *w, int kab, int island)
{
	kec_t *k;

	if (w->nkec >= MAXK)
		die("too many districts");
	k = &w->kec[w->nkec];
	k->kab = kab;
	k->island = island;
	return w->nkec++;
}

/* Balanced groups of neighbouring villages: Lloyd's k-means on the seeds,
 * started from farthest-point picks so that it is deterministic. */
static void kmeans(const world *w, const int *idx, int n, int k, int *cl)
{
	double cx[8], cy[8], mx = 0, my = 0;
	int nc = 0;

	for (int i = 0; i < n; i++) {
		mx += w->vil[idx[i]].sx / n;
		my += w->vil[idx[i]].sy / n;
	}
	while (nc < k) {
		double best = -1;
		int bi = 0;

		for (int i = 0; i < n; i++) {
			const vil_t *v = &w->vil[idx[i]];
			double d = nc ? 1e30 : dist_km(v->sx, v->sy, mx, my);

			for (int c = 0; c < nc; c++) {
				double e = dist_km(v->sx, v->sy, cx[c], cy[c]);

				d = e < d ? e : d;
			}
			if (d > best) {
				best = d;
				bi = i;
			}
		}
		cx[nc] = w->vil[idx[bi]].sx;
		cy[nc] = w->vil[idx[bi]].sy;
		nc++;
	}
	for (int it = 0; it < 50; it++) {
		double sx[8] = {0}, sy[8] = {0};
		int cnt[8] = {0};

		for (int i = 0; i < n; i++) {
			const vil_t *v = &w->vil[idx[i]];
			double best = 1e30;

			for (int c = 0; c < k; c++) {
				double d = dist_km(v->sx, v->sy, cx[c], cy[c]);

				if (d < best) {
					best = d;
					cl[i] = c;
				}
			}
			sx[cl[i]] += v->sx;
			sy[cl[i]] += v->sy;
			cnt[cl[i]]++;
		}
		for (int c = 0; c < k; c++)
			if (cnt[c]) {
				cx[c] = sx[c] / cnt[c];
				cy[c] = sy[c] / cnt[c];
			}
	}
}

static void group_into_kec(world *w, const int *idx, int n, int k, int kab, int island)
{
	int cl[MAXV], base = w->nkec;

	for (int c = 0; c < k; c++)
		add_kec(w, kab, island);
	if (k == 1)
		memset(cl, 0, sizeof(int) * (size_t)n);
	else
		kmeans(w, idx, n, k, cl);
	for (int i = 0; i < n; i++)
		w->vil[idx[i]].kec = base + cl[i];
}

typedef struct dist_idx {
	double d;
	int i;
} dist_idx;

static int cmp_dist_idx(const void *a, const void *b)
{
	const dist_idx *p = a, *q = b;

	if (p->d != q->d)
		return (p->d > q->d) - (p->d < q->d);
	return p->i - q->i;
}

/* k-means can leave a district in two pieces across a bay: every piece
 * but the largest joins the neighbouring district (of the same regency when
 * there is one) it shares most boundary with. Pieces connect through shared edges, not
 * through corners. */
static void make_kec_contiguous(world *w)
{
	int n = w->nvil;
	double *adj = xcalloc((size_t)n * (size_t)n, sizeof(double));

	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (w->vil[i].island == w->vil[j].island)
				adj[i * n + j] = adj[j * n + i] =
				    shared_length(w, w->vil[i].geom, w->vil[j].geom);
	for (int pass = 0, changed = 1; changed; pass++) {
		if (pass > 20)
			die("cannot make the districts contiguous");
		changed = 0;
		for (int k = 0; k < w->nkec && !changed; k++) {
			int comp[MAXV], ncomp = 0, size[MAXV] = {0}, big = 0, stack[MAXV];

			for (int i = 0; i < n; i++)
				comp[i] = -1;
			for (int i = 0; i < n; i++) {
				int sp = 0;

				if (w->vil[i].kec != k || comp[i] >= 0)
					continue;
				comp[i] = ncomp;
				stack[sp++] = i;
				while (sp > 0) {
					int u = stack[--sp];

					size[ncomp]++;
					for (int v = 0; v < n; v++)
						if (w->vil[v].kec == k && comp[v] < 0 &&
						    adj[u * n + v] > 0) {
							comp[v] = ncomp;
							stack[sp++] = v;
						}
				}
				if (size[ncomp] > size[big])
					big = ncomp;
				ncomp++;
			}
			for (int c = 0; c < ncomp && !changed; c++) {
				double best = 0;
				int to = -1;

				if (c == big)
					continue;
				/* a district of the same regency if one is adjacent,
				 * else any (the piece then changes regency) */
				for (int same = 1; same >= 0 && to < 0; same--)
					for (int i = 0; i < n; i++) {
						if (comp[i] != c)
							continue;
						for (int v = 0; v < n; v++) {
							int kv = w->vil[v].kec;

							if (kv == k || adj[i * n + v] <= best)
								continue;
							if (same && w->kec[kv].kab != w->kec[k].kab)
								continue;
							best = adj[i * n + v];
							to = kv;
						}
					}
				if (to < 0)
					die("a piece of a district touches no other district");
				for (int i = 0; i < n; i++)
					if (comp[i] == c)
						w->vil[i].kec = to;
				changed = 1;
			}
		}
	}
	free(adj);
}

/* The city takes the villages nearest to the town; the rest of the main
 * island and the small island are Kabupaten Ranoweta; the north island is
 * Kabupaten Ranoweta Utara, split off from Ranoweta. */
void assign_regions(world *w, int nkota)
{
	int idx[MAXV] = {0}, n = 0, rest[MAXV] = {0}, nr = 0;
	dist_idx di[MAXV];

	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_MAIN) {
			di[n].d = dist_km(w->vil[i].sx, w->vil[i].sy, w->town_x, w->town_y);
			di[n++].i = i;
		}
	qsort(di, (size_t)n, sizeof(dist_idx), cmp_dist_idx);
	for (int i = 0; i < n; i++)
		idx[i] = di[i].i;
	if (n < nkota + 12)
		die("main island too small for the city (%d villages)", n);
	group_into_kec(w, idx, nkota, 2, KAB_KOTA, ISL_MAIN);
	group_into_kec(w, idx + nkota, n - nkota, 3, KAB_RANOWETA, ISL_MAIN);
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_SMALL)
			rest[nr++] = i;
	group_into_kec(w, rest, nr, 1, KAB_RANOWETA, ISL_SMALL);
	nr = 0;
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_NORTH)
			rest[nr++] = i;
	group_into_kec(w, rest, nr, 2, KAB_UTARA, ISL_NORTH);
	make_kec_contiguous(w);
}

static int cmp_kec_geo(const void *a, const void *b)
{
	const kec_t *ka = a, *kb = b;

	if (ka->kab != kb->kab)
		return ka->kab - kb->kab;
	if (ka->island != kb->island)
		return (ka->island == ISL_SMALL) - (kb->island == ISL_SMALL);
	if (fabs(ka->cy - kb->cy) > 1e-9)
		return ka->cy < kb->cy ? 1 : -1; /* north first */
	return (ka->cx > kb->cx) - (ka->cx < kb->cx);
}

static int cmp_vil_kode(const void *a, const void *b)
{
	return strcmp(((const vil_t *)a)->kode, ((const vil_t *)b)->kode);
}

/* Kemendagri-style codes: districts numbered north to south (the small
 * island last); in a district kelurahan 1001.. then desa 2001.., each north
 * to south. The village array ends up sorted by code. */
void assign_codes(world *w, rng *r)
{
	int map[MAXK], knum[3] = {0, 0, 0};
	kec_t tmp[MAXK];

	for (int k = 0; k < w->nkec; k++) {
		double sx = 0, sy = 0;
		int n = 0;

		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k) {
				sx += w->vil[i].sx;
				sy += w->vil[i].sy;
				n++;
			}
		w->kec[k].cx = sx / n;
		w->kec[k].cy = sy / n;
		w->kec[k].nvil = n;
		w->kec[k].postal = k; /* the old index, until the codes are set */
	}
	memcpy(tmp, w->kec, sizeof(kec_t) * (size_t)w->nkec);
	qsort(tmp, (size_t)w->nkec, sizeof(kec_t), cmp_kec_geo);
	for (int k = 0; k < w->nkec; k++) {
		kec_t *kc = &tmp[k];
		const kab_t *kb = &w->kab[kc->kab];
		int num = ++knum[kc->kab];

		map[kc->postal] = k;
		sfmt(kc->kode, sizeof(kc->kode), "%s.%02d", kb->kode, num);
		kc->postal = kb->postal0 * 100 + num * 10 + 1;
	}
	memcpy(w->kec, tmp, sizeof(kec_t) * (size_t)w->nkec);
	for (int i = 0; i < w->nvil; i++)
		w->vil[i].kec = map[w->vil[i].kec];

	/* Capitals and kelurahan. */
	for (int k = 0; k < w->nkec; k++) {
		kec_t *kc = &w->kec[k];
		int cap = -1, second = -1;
		double d1 = 1e30, d2 = 1e30;

		for (int i = 0; i < w->nvil; i++) {
			double d;

			if (w->vil[i].kec != k)
				continue;
			d = dist_km(w->vil[i].sx, w->vil[i].sy, kc->cx, kc->cy);
			if (d < d1) {
				d2 = d1;
				second = cap;
				d1 = d;
				cap = i;
			} else if (d < d2) {
				d2 = d;
				second = i;
			}
		}
		w->vil[cap].is_capital = 1;
		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k)
				w->vil[i].is_kel = w->kab[kc->kab].is_kota;
		w->vil[cap].is_kel = 1;
		if (second >= 0 && kc->nvil > 6 && rng_chance(r, 0.5))
			w->vil[second].is_kel = 1;
	}
	/* Numbering inside each district. */
	for (int k = 0; k < w->nkec; k++) {
		for (int kel = 1; kel >= 0; kel--) {
			int idx[MAXV], n = 0;

			for (int i = 0; i < w->nvil; i++)
				if (w->vil[i].kec == k && w->vil[i].is_kel == kel)
					idx[n++] = i;
			for (int a = 1; a < n; a++) /* insertion sort, north first */
				for (int b = a; b > 0; b--) {
					const vil_t *p = &w->vil[idx[b - 1]], *q = &w->vil[idx[b]];

					if (p->sy > q->sy || (p->sy == q->sy && p->sx < q->sx))
						break;
					int t = idx[b];
					idx[b] = idx[b - 1];
					idx[b - 1] = t;
				}
			for (int a = 0; a < n; a++)
				sfmt(w->vil[idx[a]].kode, sizeof(w->vil[0].kode), "%s.%d%03d",
				     w->kec[k].kode, kel ? 1 : 2, a + 1);
		}
	}
	qsort(w->vil, (size_t)w->nvil, sizeof(vil_t), cmp_vil_kode);
}

/* Point on surface, area, coast, shrunk zones for true points. */
void derive_villages(world *w)
{
	GEOSGeometry *parts[NISL + 1];

	for (int i = 0; i < NISL; i++)
		parts[i] = gcheck(GEOSGeom_clone_r(w->gh, w->island[i]), "clone");
	parts[NISL] = gcheck(GEOSGeom_clone_r(w->gh, w->islet), "clone");
	w->land = union_take(w, parts, NISL + 1);
	w->pland = GEOSPrepare_r(w->gh, w->land);
	for (int i = 0; i < w->nvil; i++) {
		vil_t *v = &w->vil[i];
		GEOSGeometry *pos =
		    gcheck(GEOSPointOnSurface_r(w->gh, v->geom), "point on surface");

		GEOSGeomGetX_r(w->gh, pos, &v->px);
		GEOSGeomGetY_r(w->gh, pos, &v->py);
		GEOSGeom_destroy_r(w->gh, pos);
		v->area_km2 = area_km2(w, v->geom);
		v->coastal = gdist_km(w, v->geom, w->coast[v->island]) < 0.05 || v->has_islet;
		v->zsite =
		    gcheck(GEOSBuffer_r(w->gh, v->geom, -0.060 * deg_lat_per_km(), 8), "buffer");
		v->zhome =
		    gcheck(GEOSBuffer_r(w->gh, v->geom, -0.040 * deg_lat_per_km(), 8), "buffer");
		if (GEOSisEmpty_r(w->gh, v->zsite))
			die("village %s too small", v->kode);
		v->pgeom = GEOSPrepare_r(w->gh, v->geom);
		v->pzsite = GEOSPrepare_r(w->gh, v->zsite);
		v->pzhome = GEOSPrepare_r(w->gh, v->zhome);
		sfmt(v->postal, sizeof(v->postal), "%05d",
		     w->kec[v->kec].postal + (int)(strtol(v->kode + 10, NULL, 10) % 1000) % 4);
	}
}

int adjacent(world *w, int a, int b)
{
	return GEOSIntersects_r(w->gh, w->vil[a].geom, w->vil[b].geom) == 1;
}
