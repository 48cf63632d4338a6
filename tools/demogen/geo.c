/* SPDX-License-Identifier: MIT */
/*
 * Distances and GEOS helpers for jk_demogen: flat and great-circle
 * kilometres, and thin wrappers over the GEOS _r API that die on failure,
 * snap geometries to the 1e-6 degree output grid (repairing them when
 * snapping breaks them) and union lists of geometries on that grid.
 */
#include "demogen.h"

double deg_lon_per_km(double lat)
{
	return 1.0 / (KM_PER_DEG_LON_EQ * cos(lat * PI / 180.0));
}

double deg_lat_per_km(void)
{
	return 1.0 / KM_PER_DEG_LAT;
}

/* Local flat distance in km; good to a fraction of a percent here. */
double dist_km(double x1, double y1, double x2, double y2)
{
	double lat = 0.5 * (y1 + y2);
	double dx = (x1 - x2) * KM_PER_DEG_LON_EQ * cos(lat * PI / 180.0);
	double dy = (y1 - y2) * KM_PER_DEG_LAT;

	return sqrt(dx * dx + dy * dy);
}

/* Great-circle distance in km (for the README figures). */
double haversine_km(double x1, double y1, double x2, double y2)
{
	double p1 = y1 * PI / 180.0, p2 = y2 * PI / 180.0;
	double dp = p2 - p1, dl = (x2 - x1) * PI / 180.0;
	double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);

	return 2.0 * 6371.0088 * asin(sqrt(a));
}

void geos_msg(const char *msg, void *user)
{
	(void)user;
	fprintf(stderr, "jk_demogen: geos: %s\n", msg);
}

GEOSGeometry *gcheck(GEOSGeometry *g, const char *what)
{
	if (!g)
		die("geos: %s failed", what);
	return g;
}

GEOSGeometry *make_point(world *w, double x, double y)
{
	return gcheck(GEOSGeom_createPointFromXY_r(w->gh, x, y), "point");
}

int prep_contains_xy(world *w, const GEOSPreparedGeometry *pg, double x, double y)
{
	GEOSGeometry *pt = make_point(w, x, y);
	char c = GEOSPreparedContains_r(w->gh, pg, pt);

	GEOSGeom_destroy_r(w->gh, pt);
	if (c == 2)
		die("geos: contains failed");
	return c == 1;
}

double area_km2(world *w, const GEOSGeometry *g)
{
	double a, ymin, ymax;

	if (!GEOSArea_r(w->gh, g, &a) || !GEOSGeom_getYMin_r(w->gh, g, &ymin) ||
	    !GEOSGeom_getYMax_r(w->gh, g, &ymax))
		die("geos: area failed");
	return a * KM_PER_DEG_LAT * KM_PER_DEG_LON_EQ * cos(0.5 * (ymin + ymax) * PI / 180.0);
}

double gdist_km(world *w, const GEOSGeometry *a, const GEOSGeometry *b)
{
	double d;

	if (!GEOSDistance_r(w->gh, a, b, &d))
		die("geos: distance failed");
	return d * KM_PER_DEG_LAT;
}

/* Snaps to the output grid and repairs, so that what is checked is what is
 * written. Takes ownership of g. */
GEOSGeometry *on_grid(world *w, GEOSGeometry *g)
{
	GEOSGeometry *q = gcheck(GEOSGeom_setPrecision_r(w->gh, g, GRID, 0), "set precision");

	GEOSGeom_destroy_r(w->gh, g);
	if (GEOSisValid_r(w->gh, q) != 1) {
		GEOSGeometry *v = gcheck(GEOSMakeValid_r(w->gh, q), "make valid");

		GEOSGeom_destroy_r(w->gh, q);
		q = v;
		w->n_repaired++;
	}
	return q;
}

/* Union of a list of geometries on the grid; takes ownership of them. */
GEOSGeometry *union_take(world *w, GEOSGeometry **g, int n)
{
	GEOSGeometry *coll, *u;

	coll = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_GEOMETRYCOLLECTION, g, (unsigned)n),
		      "collection");
	u = gcheck(GEOSUnaryUnionPrec_r(w->gh, coll, GRID), "union");
	GEOSGeom_destroy_r(w->gh, coll);
	return u;
}

GEOSGeometry *union2(world *w, GEOSGeometry *a, GEOSGeometry *b)
{
	GEOSGeometry *g[2] = {a, b};

	return union_take(w, g, 2);
}
