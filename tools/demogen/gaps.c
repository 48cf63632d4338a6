/* SPDX-License-Identifier: MIT */
/*
 * The coverage design: which villages deliberately have no ready work site
 * (the offshore island, the far tips of the two big islands, two city
 * villages), so that the coverage analysis has known gaps to find.
 */
#include "demogen.h"

int kab_of(const world *w, int vi)
{
	return w->kec[w->vil[vi].kec].kab;
}

/* Villages kept out of the gap design: they carry other special cases. */
static int gap_excluded(const world *w, int i)
{
	const vil_t *v = &w->vil[i];

	return v->shared_name || v->has_islet || v->alias[0] || v->is_capital ||
	       i == w->roman_pair[0] || i == w->roman_pair[1] || v->design != D_NORMAL;
}

static int pick_gap(world *w, rng *r, int kab, int island, int avoid1, int avoid2)
{
	for (int t = 0; t < 10000; t++) {
		int i = rng_int(r, 0, w->nvil - 1);

		if (kab_of(w, i) != kab || w->vil[i].island != island || gap_excluded(w, i))
			continue;
		if ((avoid1 >= 0 && adjacent(w, i, avoid1)) ||
		    (avoid2 >= 0 && adjacent(w, i, avoid2)))
			continue;
		return i;
	}
	die("no village left for the gap design");
}

static int farthest_gap(world *w, int kab, int island, double x, double y, int near_to)
{
	double best = -1;
	int bi = -1;

	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (kab_of(w, i) != kab || w->vil[i].island != island || gap_excluded(w, i))
			continue;
		if (near_to >= 0 && !adjacent(w, i, near_to))
			continue;
		d = dist_km(w->vil[i].sx, w->vil[i].sy, x, y);
		if (d > best) {
			best = d;
			bi = i;
		}
	}
	if (bi < 0)
		die("no village left for the gap design");
	return bi;
}

/* Deliberate coverage gaps: the offshore island has no ready site at all
 * (its port village only not-ready ones, the rest nothing), the far tips of
 * the two big islands have an empty village next to a not-ready one, and the
 * city has one of each amid covered neighbours. */
void design_gaps(world *w, rng *r)
{
	double best = 1e30;
	int port = -1, a, b;

	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (w->vil[i].island != ISL_SMALL)
			continue;
		w->vil[i].design = D_EMPTY;
		d = dist_km(w->vil[i].px, w->vil[i].py, w->town_x, w->town_y);
		if (d < best) {
			best = d;
			port = i;
		}
	}
	w->vil[port].design = D_NOT_READY;

	a = pick_gap(w, r, KAB_KOTA, ISL_MAIN, -1, -1);
	w->vil[a].design = D_EMPTY;
	b = pick_gap(w, r, KAB_KOTA, ISL_MAIN, a, -1);
	w->vil[b].design = D_NOT_READY;

	/* The far tip of the main island: an empty village whose neighbours
	 * have only not-ready sites, so that no ready site is near. */
	a = farthest_gap(w, KAB_RANOWETA, ISL_MAIN, w->town_x, w->town_y, -1);
	w->vil[a].design = D_EMPTY;
	w->tip[0] = a;
	for (int i = 0; i < w->nvil; i++)
		if (i != a && kab_of(w, i) == KAB_RANOWETA && w->vil[i].island == ISL_MAIN &&
		    !gap_excluded(w, i) && adjacent(w, i, a))
			w->vil[i].design = D_NOT_READY;
	b = -1;
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].design != D_NORMAL && w->vil[i].island == ISL_MAIN &&
		    kab_of(w, i) == KAB_RANOWETA)
			b = i; /* any of the tip cluster, to keep the next one apart */
	{
		int c;

		do
			c = pick_gap(w, r, KAB_RANOWETA, ISL_MAIN, a, b);
		while (dist_km(w->vil[c].sx, w->vil[c].sy, w->vil[a].sx, w->vil[a].sy) < 12.0);
		w->vil[c].design = D_EMPTY;
	}

	/* The far end of the north island: an empty village next to one with
	 * only not-ready sites. */
	a = farthest_gap(w, KAB_UTARA, ISL_NORTH, w->town_x, w->town_y, -1);
	w->vil[a].design = D_EMPTY;
	w->tip[1] = a;
	b = farthest_gap(w, KAB_UTARA, ISL_NORTH, w->town_x, w->town_y, a);
	w->vil[b].design = D_NOT_READY;
}
