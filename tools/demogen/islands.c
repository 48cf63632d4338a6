/* SPDX-License-Identifier: MIT */
/*
 * The land of the demo province: three islands drawn as star-shaped
 * outlines inside their stretch of open sea, partitioned into villages (a
 * Voronoi diagram of dart-thrown seeds with displaced edges, noded with the
 * coastline and polygonized, so that neighbours share exact boundaries),
 * and the small islet that makes one village a two-part polygon.
 */
#include "demogen.h"

const isl_def ISL[NISL] = {
    {124.93, -7.00, 24.0, 12.5, 20.0, 0.22, 5, 360, 4.6},
    {125.30, -6.71, 17.0, 7.5, -35.0, 0.20, 3, 280, 4.3},
    {124.60, -7.19, 3.3, 2.3, 60.0, 0.12, 1, 96, 2.2},
};

static const isl_def ISLET = {0, 0, 0.55, 0.38, 0, 0.10, 0, 48, 0};

/* A star-shaped outline: an ellipse whose radius is modulated by random
 * harmonics and by a few Gaussian bumps in angle (capes, and bays where the
 * bump is negative); always simple, because the radius is a single-valued
 * positive function of the angle. */
static GEOSGeometry *star_polygon(world *w, rng *r, const isl_def *d, double lon, double lat,
				  double rot_deg)
{
	double amp[48], ph[48], la[8], lw[8], lh[8];
	double rot = rot_deg * PI / 180.0, dlon = deg_lon_per_km(lat), dlat = deg_lat_per_km();
	int n = d->nvert;
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(w->gh, (unsigned)n + 1, 2);
	GEOSGeometry *ring, *poly;

	if (!cs)
		die("geos: coordinate sequence");
	for (int k = 2; k < 48; k++) {
		amp[k] = d->rough * (0.4 + rng_unif(r)) / pow((double)k, 1.1);
		ph[k] = 2.0 * PI * rng_unif(r);
	}
	for (int j = 0; j < d->lobes && j < 8; j++) {
		la[j] = 2.0 * PI * rng_unif(r);
		if (j % 2) { /* a bay */
			lw[j] = 0.10 + 0.12 * rng_unif(r);
			lh[j] = -(0.12 + 0.15 * rng_unif(r));
		} else { /* a broad cape */
			lw[j] = 0.25 + 0.20 * rng_unif(r);
			lh[j] = 0.15 + 0.25 * rng_unif(r);
		}
	}
	for (int i = 0; i <= n; i++) {
		double th = 2.0 * PI * (double)(i % n) / (double)n;
		double re = d->a_km * d->b_km / hypot(d->b_km * cos(th), d->a_km * sin(th));
		double noise = 0.0, rr, x, y;

		for (int k = 2; k < 48; k++)
			noise += amp[k] * cos((double)k * th + ph[k]);
		for (int j = 0; j < d->lobes && j < 8; j++) {
			double dt = remainder(th - la[j], 2.0 * PI);

			noise += lh[j] * exp(-(dt / lw[j]) * (dt / lw[j]));
		}
		rr = re * exp(noise);
		x = rr * cos(th);
		y = rr * sin(th);
		GEOSCoordSeq_setXY_r(w->gh, cs, (unsigned)i,
				     lon + (x * cos(rot) - y * sin(rot)) * dlon,
				     lat + (x * sin(rot) + y * cos(rot)) * dlat);
	}
	ring = gcheck(GEOSGeom_createLinearRing_r(w->gh, cs), "ring");
	poly = gcheck(GEOSGeom_createPolygon_r(w->gh, ring, NULL, 0), "polygon");
	return on_grid(w, poly);
}

/* Are the islands apart from each other and inside the stretch of open
 * sea chosen for them? */
static int islands_fit(world *w)
{
	for (int i = 0; i < NISL; i++) {
		double x0, x1, y0, y1;

		if (GEOSGeomTypeId_r(w->gh, w->island[i]) != GEOS_POLYGON)
			return 0;
		for (int j = 0; j < i; j++)
			if (gdist_km(w, w->island[i], w->island[j]) < 10.0)
				return 0;
		GEOSGeom_getXMin_r(w->gh, w->island[i], &x0);
		GEOSGeom_getXMax_r(w->gh, w->island[i], &x1);
		GEOSGeom_getYMin_r(w->gh, w->island[i], &y0);
		GEOSGeom_getYMax_r(w->gh, w->island[i], &y1);
		if (x0 < 124.5 || x1 > 125.6 || y0 < -7.3 || y1 > -6.5)
			return 0;
	}
	return 1;
}

void make_islands(world *w, rng *r)
{
	int ok = 0;

	for (int t = 0; t < 200 && !ok; t++) {
		for (int i = 0; i < NISL; i++) {
			const isl_def *d = &ISL[i];

			if (w->island[i])
				GEOSGeom_destroy_r(w->gh, w->island[i]);
			w->island[i] = star_polygon(w, r, d, d->lon, d->lat, d->rot_deg);
		}
		ok = islands_fit(w);
	}
	if (!ok)
		die("could not draw the islands");
	for (int i = 0; i < NISL; i++) {
		w->pisland[i] = GEOSPrepare_r(w->gh, w->island[i]);
		w->coast[i] = gcheck(GEOSBoundary_r(w->gh, w->island[i]), "boundary");
	}
	/* The town: 2.5 km inland from the west-south-west coast of the main
	 * island, facing the small island (the ferry). */
	{
		double th = 198.0 * PI / 180.0, x = ISL[0].lon, y = ISL[0].lat, rr = 0;

		for (rr = 0; rr < 60.0; rr += 0.1) {
			x = ISL[0].lon + rr * cos(th) * deg_lon_per_km(ISL[0].lat);
			y = ISL[0].lat + rr * sin(th) * deg_lat_per_km();
			if (!prep_contains_xy(w, w->pisland[0], x, y))
				break;
		}
		rr -= 2.5;
		w->town_x = ISL[0].lon + rr * cos(th) * deg_lon_per_km(ISL[0].lat);
		w->town_y = ISL[0].lat + rr * sin(th) * deg_lat_per_km();
	}
}

/* Village spacing at a point: dense in the town, sparse elsewhere. */
static double spacing_at(const world *w, int isl, double x, double y)
{
	double d, t;

	if (isl != ISL_MAIN)
		return ISL[isl].sp_rural;
	d = dist_km(x, y, w->town_x, w->town_y);
	t = (d - 2.0) / 8.0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	t = t * t * (3 - 2 * t);
	return 1.25 + (ISL[isl].sp_rural - 1.25) * t;
}

/* Village seeds by dart throwing with a variable minimum distance, kept
 * 600 m away from the coast so that every village has a real interior. */
int make_seeds(world *w, rng *r, int isl, double *xs, double *ys, int max)
{
	GEOSGeometry *inner;
	const GEOSPreparedGeometry *pin;
	double x0, x1, y0, y1;
	int n = 0;

	inner = gcheck(GEOSBuffer_r(w->gh, w->island[isl], -0.6 * deg_lat_per_km(), 8), "buffer");
	pin = GEOSPrepare_r(w->gh, inner);
	GEOSGeom_getXMin_r(w->gh, w->island[isl], &x0);
	GEOSGeom_getXMax_r(w->gh, w->island[isl], &x1);
	GEOSGeom_getYMin_r(w->gh, w->island[isl], &y0);
	GEOSGeom_getYMax_r(w->gh, w->island[isl], &y1);
	for (int t = 0; t < 30000 && n < max; t++) {
		double x = x0 + rng_unif(r) * (x1 - x0), y = y0 + rng_unif(r) * (y1 - y0);
		double sp = spacing_at(w, isl, x, y);
		int ok = 1;

		for (int j = 0; j < n && ok; j++)
			if (dist_km(x, y, xs[j], ys[j]) <
			    0.5 * (sp + spacing_at(w, isl, xs[j], ys[j])))
				ok = 0;
		if (ok && prep_contains_xy(w, pin, x, y)) {
			xs[n] = x;
			ys[n] = y;
			n++;
		}
	}
	GEOSPreparedGeom_destroy_r(w->gh, pin);
	GEOSGeom_destroy_r(w->gh, inner);
	return n;
}

/* A smooth displacement field, so that village boundaries wander like
 * streams and ridges instead of running straight; its size follows the
 * local village spacing, small enough that every seed stays in its cell. */
typedef struct warp_t {
	double kx[8], ky[8], ph[8];
} warp_t;

static void warp_init(rng *r, warp_t *wp, double spacing_km)
{
	for (int j = 0; j < 8; j++) {
		double ang = 2.0 * PI * rng_unif(r),
		       lambda = spacing_km * (0.7 + 1.3 * rng_unif(r));

		wp->kx[j] = 2.0 * PI / lambda * cos(ang);
		wp->ky[j] = 2.0 * PI / lambda * sin(ang);
		wp->ph[j] = 2.0 * PI * rng_unif(r);
	}
}

static void warp_point(const world *w, const warp_t *wp, int isl, double *x, double *y)
{
	double ux = (*x - ISL[isl].lon) / deg_lon_per_km(ISL[isl].lat);
	double uy = (*y - ISL[isl].lat) / deg_lat_per_km();
	double a = 0.11 * spacing_at(w, isl, *x, *y), dx = 0, dy = 0;

	for (int j = 0; j < 4; j++) {
		dx += 0.5 * sin(wp->kx[j] * ux + wp->ky[j] * uy + wp->ph[j]);
		dy += 0.5 * sin(wp->kx[j + 4] * ux + wp->ky[j + 4] * uy + wp->ph[j + 4]);
	}
	*x += a * dx * deg_lon_per_km(ISL[isl].lat);
	*y += a * dy * deg_lat_per_km();
}

/* The Voronoi edges, cut into pieces of at most 150 m and displaced. */
static GEOSGeometry *warp_edges(world *w, const warp_t *wp, int isl, const GEOSGeometry *edges)
{
	int ne = GEOSGetNumGeometries_r(w->gh, edges);
	GEOSGeometry **out = xcalloc((size_t)ne, sizeof(*out)), *ml;

	for (int e = 0; e < ne; e++) {
		const GEOSCoordSequence *cs =
		    GEOSGeom_getCoordSeq_r(w->gh, GEOSGetGeometryN_r(w->gh, edges, e));
		unsigned np = 0, total = 1, k = 0;
		GEOSCoordSequence *ns;

		GEOSCoordSeq_getSize_r(w->gh, cs, &np);
		for (unsigned i = 0; i + 1 < np; i++) {
			double x0, y0, x1, y1;

			GEOSCoordSeq_getXY_r(w->gh, cs, i, &x0, &y0);
			GEOSCoordSeq_getXY_r(w->gh, cs, i + 1, &x1, &y1);
			total += (unsigned)ceil(dist_km(x0, y0, x1, y1) / 0.15);
		}
		ns = GEOSCoordSeq_create_r(w->gh, total, 2);
		for (unsigned i = 0; i + 1 < np; i++) {
			double x0, y0, x1, y1;
			unsigned m;

			GEOSCoordSeq_getXY_r(w->gh, cs, i, &x0, &y0);
			GEOSCoordSeq_getXY_r(w->gh, cs, i + 1, &x1, &y1);
			m = (unsigned)ceil(dist_km(x0, y0, x1, y1) / 0.15);
			for (unsigned j = 0; j < m; j++) {
				double t = (double)j / m, x = x0 + t * (x1 - x0),
				       y = y0 + t * (y1 - y0);

				warp_point(w, wp, isl, &x, &y);
				GEOSCoordSeq_setXY_r(w->gh, ns, k++, x, y);
			}
		}
		{
			double x, y;

			GEOSCoordSeq_getXY_r(w->gh, cs, np - 1, &x, &y);
			warp_point(w, wp, isl, &x, &y);
			GEOSCoordSeq_setXY_r(w->gh, ns, k++, x, y);
		}
		if (k != total)
			die("internal: densify");
		out[e] = gcheck(GEOSGeom_createLineString_r(w->gh, ns), "line");
	}
	ml = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_MULTILINESTRING, out, (unsigned)ne),
		    "lines");
	free(out);
	return ml;
}

/* Length (degrees) of the boundary two areas share. */
double shared_length(world *w, const GEOSGeometry *a, const GEOSGeometry *b)
{
	GEOSGeometry *ba, *bb, *x;
	double len = 0;

	if (GEOSIntersects_r(w->gh, a, b) != 1)
		return 0;
	ba = gcheck(GEOSBoundary_r(w->gh, a), "boundary");
	bb = gcheck(GEOSBoundary_r(w->gh, b), "boundary");
	x = gcheck(GEOSIntersection_r(w->gh, ba, bb), "intersection");
	GEOSLength_r(w->gh, x, &len);
	GEOSGeom_destroy_r(w->gh, x);
	GEOSGeom_destroy_r(w->gh, bb);
	GEOSGeom_destroy_r(w->gh, ba);
	return len;
}

/* The villages of one island. The (displaced) Voronoi edges and the
 * coastline are noded together on the output grid and polygonized, instead
 * of intersecting every cell with the island on its own: neighbouring
 * villages then share exactly the same boundary vertices, so they can
 * neither overlap nor leave slivers. A face holding a seed is that seed's
 * village; a face without one (cut off by a bay, or a fold of the
 * displacement) goes to the neighbour it shares most boundary with. */
void island_villages(world *w, rng *r, int isl, const double *xs, const double *ys, int n)
{
	GEOSGeometry **pts = xcalloc((size_t)n, sizeof(*pts));
	GEOSGeometry *mp, *env, *edges, *parts[2], *coll, *noded, *faces;
	GEOSGeometry **orphan;
	int nf, first = w->nvil, norph = 0;
	const GEOSGeometry *nodedc;
	warp_t wp;

	warp_init(r, &wp, ISL[isl].sp_rural);
	for (int i = 0; i < n; i++)
		pts[i] = make_point(w, xs[i], ys[i]);
	mp = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_MULTIPOINT, pts, (unsigned)n),
		    "multipoint");
	env = gcheck(GEOSBuffer_r(w->gh, w->island[isl], 0.1, 2), "buffer");
	edges = gcheck(GEOSVoronoiDiagram_r(w->gh, mp, env, 0.0, 1), "voronoi");
	parts[0] = warp_edges(w, &wp, isl, edges);
	parts[1] = gcheck(GEOSGeom_clone_r(w->gh, w->coast[isl]), "clone");
	coll = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_GEOMETRYCOLLECTION, parts, 2),
		      "collection");
	noded = gcheck(GEOSUnaryUnionPrec_r(w->gh, coll, GRID), "noding");
	nodedc = noded;
	faces = gcheck(GEOSPolygonize_r(w->gh, &nodedc, 1), "polygonize");
	nf = GEOSGetNumGeometries_r(w->gh, faces);
	orphan = xcalloc((size_t)nf, sizeof(*orphan));
	if (w->nvil + n > MAXV)
		die("too many villages");
	for (int i = 0; i < n; i++) {
		vil_t *v = &w->vil[w->nvil + i];

		v->island = isl;
		v->sx = xs[i];
		v->sy = ys[i];
	}
	for (int f = 0; f < nf; f++) {
		const GEOSGeometry *face = GEOSGetGeometryN_r(w->gh, faces, f);
		GEOSGeometry *pos = gcheck(GEOSPointOnSurface_r(w->gh, face), "point on surface");
		const GEOSPreparedGeometry *pf;
		int k = -1;

		if (GEOSPreparedContains_r(w->gh, w->pisland[isl], pos) != 1) {
			GEOSGeom_destroy_r(w->gh, pos);
			continue; /* sea */
		}
		GEOSGeom_destroy_r(w->gh, pos);
		pf = GEOSPrepare_r(w->gh, face);
		for (int i = 0; i < n; i++)
			if (prep_contains_xy(w, pf, xs[i], ys[i])) {
				if (k >= 0)
					die("internal: two seeds in one face on island %d", isl);
				k = i;
			}
		GEOSPreparedGeom_destroy_r(w->gh, pf);
		if (k >= 0) {
			if (w->vil[w->nvil + k].geom)
				die("internal: seed %d in two faces", k);
			w->vil[w->nvil + k].geom = gcheck(GEOSGeom_clone_r(w->gh, face), "clone");
		} else {
			orphan[norph++] = gcheck(GEOSGeom_clone_r(w->gh, face), "clone");
		}
	}
	for (int i = 0; i < n; i++)
		if (!w->vil[w->nvil + i].geom)
			die("internal: seed %d of island %d has no face", i, isl);
	w->nvil += n;
	while (norph > 0) {
		int left = 0;

		for (int o = 0; o < norph; o++) {
			double best = 0;
			int bj = -1;

			for (int j = first; j < w->nvil; j++) {
				double l = shared_length(w, orphan[o], w->vil[j].geom);

				if (l > best) {
					best = l;
					bj = j;
				}
			}
			if (bj < 0)
				orphan[left++] = orphan[o]; /* touches only orphans: next round */
			else
				w->vil[bj].geom = union2(w, w->vil[bj].geom, orphan[o]);
		}
		if (left == norph)
			die("internal: faces touching no village on island %d", isl);
		norph = left;
	}
	free(orphan);
	free(pts);
	GEOSGeom_destroy_r(w->gh, faces);
	GEOSGeom_destroy_r(w->gh, noded);
	GEOSGeom_destroy_r(w->gh, coll);
	GEOSGeom_destroy_r(w->gh, env);
	GEOSGeom_destroy_r(w->gh, mp);
	GEOSGeom_destroy_r(w->gh, edges);
}

/* A small islet off the south-east coast of the main island, added to the
 * nearest village: the one village whose polygon has two parts. */
void make_islet(world *w, rng *r)
{
	double th = -62.0 * PI / 180.0, x = 0, y = 0, best = 1e30;
	int bi = -1;

	for (double rr = 0; rr < 80.0; rr += 0.2) {
		GEOSGeometry *pt;
		double d;

		x = ISL[0].lon + rr * cos(th) * deg_lon_per_km(ISL[0].lat);
		y = ISL[0].lat + rr * sin(th) * deg_lat_per_km();
		pt = make_point(w, x, y);
		d = gdist_km(w, pt, w->island[ISL_MAIN]);
		GEOSGeom_destroy_r(w->gh, pt);
		if (d >= 1.8)
			break;
	}
	w->islet = star_polygon(w, r, &ISLET, x, y, 180.0 * rng_unif(r));
	for (int i = 0; i < NISL; i++)
		if (gdist_km(w, w->islet, w->island[i]) < 1.0)
			die("internal: islet too close to island %d", i);
	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (w->vil[i].island != ISL_MAIN || w->kec[w->vil[i].kec].kab != KAB_RANOWETA)
			continue;
		d = gdist_km(w, w->islet, w->vil[i].geom);
		if (d < best) {
			best = d;
			bi = i;
		}
	}
	w->islet_vil = bi;
	w->vil[bi].has_islet = 1;
	w->vil[bi].geom =
	    union2(w, w->vil[bi].geom, gcheck(GEOSGeom_clone_r(w->gh, w->islet), "clone"));
}
