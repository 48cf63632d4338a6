/* SPDX-License-Identifier: MIT */
/*
 * Checks on the finished world before anything is written: villages valid,
 * without overlaps and together covering the land exactly, every district
 * in one piece, every site and client inside its own village.
 */
#include "demogen.h"

static int point_village(world *w, double x, double y)
{
	int found = -1;

	for (int i = 0; i < w->nvil; i++)
		if (prep_contains_xy(w, w->vil[i].pgeom, x, y)) {
			if (found >= 0)
				die("point %.7f %.7f lies in two villages", x, y);
			found = i;
		}
	return found;
}

void check_world(world *w)
{
	double sum = 0, land = 0, a;

	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];

		if (GEOSisValid_r(w->gh, v->geom) != 1)
			die("village %s is not valid", v->kode);
		GEOSArea_r(w->gh, v->geom, &a);
		sum += a; /* square degrees: the check is exact, not a survey */
		for (int j = i + 1; j < w->nvil; j++) {
			char c = GEOSRelatePattern_r(w->gh, v->geom, w->vil[j].geom, "2********");

			if (c == 2)
				die("geos: relate failed");
			if (c == 1)
				die("villages %s and %s overlap", v->kode, w->vil[j].kode);
		}
	}
	GEOSArea_r(w->gh, w->land, &land);
	if (fabs(sum - land) > 1e-6 * land)
		die("villages (%.9f sq. deg.) do not cover the land (%.9f)", sum, land);
	for (int k = 0; k < w->nkec; k++) {
		GEOSGeometry *g[MAXV], *u;
		int n = 0, parts;

		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k)
				g[n++] = gcheck(GEOSGeom_clone_r(w->gh, w->vil[i].geom), "clone");
		u = union_take(w, g, n);
		parts = GEOSGetNumGeometries_r(w->gh, u);
		GEOSGeom_destroy_r(w->gh, u);
		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k && w->vil[i].has_islet)
				parts--;
		if (parts != 1)
			die("district %s is in %d pieces", w->kec[k].kode, parts);
	}
	for (int i = 0; i < w->nsite; i++)
		if (point_village(w, w->site[i].lon, w->site[i].lat) != w->site[i].vil)
			die("site %d is not in its village", i);
	for (int i = 0; i < w->ncli; i++)
		if (point_village(w, w->cli[i].lon, w->cli[i].lat) != w->cli[i].vil)
			die("client %s is not in its village", w->cli[i].id);
}
