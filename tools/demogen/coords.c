/* SPDX-License-Identifier: MIT */
/*
 * Coordinates: the koordinat cell of a row in one of the formats an office
 * writes (decimal, decimal commas, swapped, DMS, DDM, without the minus),
 * or with a gross error (0,0, a point in the sea, a point in another
 * regency) or unreadable text, and the dealing of those formats over rows
 * by fixed quotas so that every kind occurs.
 */
#include "demogen.h"

static void fmt_dms(double v, int k, char *out, size_t n, double *read)
{
	long long scale = k ? 10 : 1, units = llround(fabs(v) * 3600.0 * (double)scale);
	long long d = units / (3600 * scale), rem = units % (3600 * scale);
	long long m = rem / (60 * scale), s = rem % (60 * scale);

	if (k)
		sfmt(out, n, "%lld|%lld|%lld.%lld", d, m, s / 10, s % 10);
	else
		sfmt(out, n, "%lld|%lld|%lld", d, m, s);
	*read = (double)d + (double)m / 60.0 + (double)s / (3600.0 * (double)scale);
}

/* Writes the cell for a point as recorded in the given format; *rx, *ry get
 * what a correct reader makes of it. */
static void coord_text(rng *r, int fmt, double x, double y, sb *out, double *rx, double *ry)
{
	char a[64], b[64];
	static const wstr DSEP[] = {{", ", 60}, {",", 20}, {" , ", 10}, {" ", 10}};

	sb_clear(out);
	switch (fmt) {
	case CF_DEC:
	case CF_NOMINUS:
	case CF_SWAP: {
		static const wstr DEC[] = {{"4", 20}, {"5", 35}, {"6", 30}, {"7", 15}};
		int k = PICKW(r, DEC)[0] - '0';

		sfmt(a, sizeof(a), "%.*f", k, fmt == CF_NOMINUS ? -y : y);
		sfmt(b, sizeof(b), "%.*f", k, x);
		*ry = strtod(a, NULL) * (fmt == CF_NOMINUS ? -1 : 1);
		*rx = strtod(b, NULL);
		if (fmt == CF_SWAP)
			sb_addf(out, "%s%s%s", b, rng_chance(r, 0.7) ? ", " : ",", a);
		else
			sb_addf(out, "%s%s%s", a, PICKW(r, DSEP), b);
		break;
	}
	case CF_COMMA: {
		int k = rng_int(r, 4, 6);
		char *p;

		sfmt(a, sizeof(a), "%.*f", k, y);
		sfmt(b, sizeof(b), "%.*f", k, x);
		*ry = strtod(a, NULL);
		*rx = strtod(b, NULL);
		if ((p = strchr(a, '.')))
			*p = ',';
		if ((p = strchr(b, '.')))
			*p = ',';
		sb_addf(out, "%s%s%s", a, rng_chance(r, 0.6) ? "; " : " ", b);
		break;
	}
	case CF_DMS: {
		int k = rng_chance(r, 0.5), style = rng_int(r, 0, 2);
		long long d1, m1, d2, m2;
		char s1[16], s2[16];

		fmt_dms(y, k, a, sizeof(a), ry);
		fmt_dms(x, k, b, sizeof(b), rx);
		*ry = -*ry;
		if (sscanf(a, "%lld|%lld|%15s", &d1, &m1, s1) != 3 ||
		    sscanf(b, "%lld|%lld|%15s", &d2, &m2, s2) != 3)
			die("internal: dms");
		if (style == 0)
			sb_addf(out, "%lld°%lld'%s\" LS %lld°%lld'%s\" BT", d1, m1, s1, d2, m2, s2);
		else if (style == 1)
			sb_addf(out, "%lld° %lld' %s\" LS, %lld° %lld' %s\" BT", d1, m1, s1, d2, m2,
				s2);
		else
			sb_addf(out, "%lld°%lld'%s\"S %lld°%lld'%s\"E", d1, m1, s1, d2, m2, s2);
		break;
	}
	case CF_DDM: {
		long long uy = llround(fabs(y) * 60000.0), ux = llround(fabs(x) * 60000.0);

		*ry = -((double)(uy / 60000) + (double)(uy % 60000) / 60000.0);
		*rx = (double)(ux / 60000) + (double)(ux % 60000) / 60000.0;
		if (rng_chance(r, 0.6))
			sb_addf(out, "S%lld %lld.%03lld E%lld %lld.%03lld", uy / 60000,
				(uy % 60000) / 1000, uy % 1000, ux / 60000, (ux % 60000) / 1000,
				ux % 1000);
		else
			sb_addf(out, "S %lld° %lld.%03lld' E %lld° %lld.%03lld'", uy / 60000,
				(uy % 60000) / 1000, uy % 1000, ux / 60000, (ux % 60000) / 1000,
				ux % 1000);
		break;
	}
	default:
		die("internal: coordinate format");
	}
}

/* The koordinat cell of a row whose true point is (tx, ty) in village vi. */
void make_coord(world *w, rng *r, int vi, double tx, double ty, int fmt, sb *out, uint64_t *lab)
{
	const vil_t *v = &w->vil[vi];
	double rx, ry;

	sb_clear(out);
	switch (fmt) {
	case CF_NONE:
		*lab |= LB(L_COORD_MISSING);
		return;
	case CF_ZERO: {
		static const char *const Z[] = {"0, 0", "0,0", "0.0, 0.0", "0.000000, 0.000000"};

		sb_add(out, PICK(r, Z));
		*lab |= LB(L_COORD_ZERO);
		return;
	}
	case CF_BROKEN: {
		static const char *const B[] = {"lihat google maps", "titik menyusul",
						"belum diambil"};

		if (w->n_broken++ % 2 == 0) { /* both kinds occur */
			char a[32], b[32];
			/* "-6.87.12 , 124.91.33": a second point inside the digits */
			sfmt(a, sizeof(a), "%.4f", ty);
			sfmt(b, sizeof(b), "%.4f", tx);
			sb_addf(out, "%.*s.%s , %.*s.%s", (int)(strchr(a, '.') - a + 3), a,
				strchr(a, '.') + 3, (int)(strchr(b, '.') - b + 3), b,
				strchr(b, '.') + 3);
		} else {
			sb_add(out, PICK(r, B));
		}
		*lab |= LB(L_BROKEN_COORD);
		return;
	}
	case CF_SEA:
		for (int t = 0; t < 100000; t++) {
			double ang = 2 * PI * rng_unif(r),
			       d = rng_unif(r) * (6.0 + sqrt(v->area_km2));
			double x = v->px + d * cos(ang) * deg_lon_per_km(v->py),
			       y = v->py + d * sin(ang) * deg_lat_per_km();
			GEOSGeometry *pt;
			double dv;

			if (prep_contains_xy(w, w->pland, x, y))
				continue;
			pt = make_point(w, x, y);
			dv = gdist_km(w, pt, v->geom);
			GEOSGeom_destroy_r(w->gh, pt);
			if (dv < 0.6 || dv > 5.0)
				continue;
			coord_text(r, CF_DEC, x, y, out, &rx, &ry);
			if (prep_contains_xy(w, w->pland, rx, ry))
				continue;
			*lab |= LB(L_COORD_SEA);
			return;
		}
		die("no sea point near %s", v->kode);
	case CF_OTHER: {
		int o, kab = kab_of(w, vi);
		double x, y;

		do
			o = rng_int(r, 0, w->nvil - 1);
		while (kab_of(w, o) == kab);
		sample_point(w, r, o, 0, -1, &x, &y);
		coord_text(r, CF_DEC, x, y, out, &rx, &ry);
		*lab |= LB(L_COORD_OTHER_REGENCY);
		return;
	}
	default:
		break;
	}
	/* GPS noise of 2-30 m (mode 8 m), rounded to the format; drawn again
	 * until the recorded point is still inside the true village. */
	for (int t = 0; t < 10000; t++) {
		double d = rng_tri(r, 0.002, 0.008, 0.030), ang = 2 * PI * rng_unif(r);
		double x = tx + d * cos(ang) * deg_lon_per_km(ty),
		       y = ty + d * sin(ang) * deg_lat_per_km();

		coord_text(r, fmt, x, y, out, &rx, &ry);
		if (prep_contains_xy(w, v->pgeom, rx, ry)) {
			static const int L[] = {
			    0,		 0,	      L_COORD_DECIMAL_COMMA, L_COORD_SWAPPED,
			    L_COORD_DMS, L_COORD_DDM, L_COORD_NO_MINUS};

			if (fmt != CF_DEC)
				*lab |= LB(L[fmt]);
			return;
		}
	}
	die("could not record a coordinate inside %s", v->kode);
}

/* Formats for the rows that carry a coordinate: fixed quotas so that every
 * kind occurs, in random order; sea points only for coastal villages. */
void deal_coord_formats(world *w, rng *r, const int *vil_of, int n, double share, const int *quota,
			int *fmt)
{
	int *idx = xcalloc((size_t)n, sizeof(int)), nc = (int)lround(share * n), q = 0;

	for (int i = 0; i < n; i++) {
		idx[i] = i;
		fmt[i] = CF_NONE;
	}
	rng_shuffle(r, idx, n);
	for (int i = 0; i < nc; i++)
		fmt[idx[i]] = CF_DEC;
	for (int f = CF_COMMA; f <= CF_BROKEN; f++)
		for (int j = 0; j < quota[f]; j++) {
			for (; q < nc; q++)
				if (fmt[idx[q]] == CF_DEC &&
				    (f != CF_SEA || w->vil[vil_of[idx[q]]].coastal))
					break;
			if (q >= nc)
				die("internal: too few coordinates for the quotas");
			fmt[idx[q]] = f;
			q = 0;
			/* spread the kinds: start the next search elsewhere */
			rng_shuffle(r, idx, nc);
		}
	free(idx);
}
