/* SPDX-License-Identifier: MIT */
/*
 * plangen: the planning benchmark's instance generator (bench/plan.sh).
 * Writes plain CSV instances that bench/plan/planbench.c and the
 * comparison solvers (bench/plan/oracles.py) both read, into a folder
 * outside the repository.
 *
 * province DATA OUTDIR: Sulawesi Tenggara from the shared data.
 *   Demands: the 2,283 village centroids of boundaries/sultra_desa.gpkg.
 *   Ready sites: the field book's sites of true status Siap (duplicates
 *   left out), at their true points. A village is covered already when a
 *   ready site lies in it or within 5 km of its centroid.
 *   Candidates: the not-ready sites (Belum Siap, Nonaktif, unknown) and a
 *   new place at the centroid of every village without a ready site in
 *   it. A candidate covers a village within 5 km of its centroid, and the
 *   village it lies in.
 *   Placement: the 400 clients at their true homes to the ready sites;
 *   children only to sites with ramah_anak "ya"; capacity from kapasitas
 *   (a blank counts as 1 here); cost = metres. A second set of 3,200
 *   clients: 8 around each home (normal, sigma 1.5 km), same rules.
 *   Pos Bapas: the 400 homes x the 854 village centroids of the Bapas
 *   Baubau regencies, metres; the office (Kota Baubau, 122.6036 E
 *   5.4700 S) is open already.
 * national GPKG OUTDIR [SCALE]: the national village file (unpacked),
 *   its centroids as demands (SCALE < 1: the first SCALE share of them in
 *   code order), 200,000 x SCALE candidates, each near a village drawn
 *   uniformly (normal offset, sigma 2 km), no ready sites; 5 km.
 *
 * Distances are great-circle metres on the mean Earth sphere (R =
 * 6,371,008.8 m), rounded to whole metres: the instances are the same for
 * every solver, which is all a benchmark needs.
 *
 * Files: cov_demands.csv (id,lon,lat,weight,covered), cov_cands.csv
 * (id,kind,lon,lat), cov_arcs.csv (cand,demand); asg{400,3200}_sites.csv
 * (id,cap,child), asg{400,3200}_arcs.csv (client,site,cost) with every
 * eligible pair, asg{400,3200}_clients.csv (id,child); pm_cost.csv (one
 * row per home, the costs to every place), pm_open.csv (cost to the
 * office per home). A benchmark tool: it prints and exits freely.
 */
#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define R_EARTH 6371008.8
#define RADIUS_M 5000.0
#define DEG2RAD (M_PI / 180.0)

static void die(const char *msg, const char *what)
{
	fprintf(stderr, "plangen: %s%s%s\n", msg, what ? ": " : "", what ? what : "");
	exit(1);
}

static uint64_t rng(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double unif(uint64_t *s)
{
	return ((double)(rng(s) >> 11) + 0.5) / 9007199254740992.0;
}

static double gauss(uint64_t *s)
{
	return sqrt(-2 * log(unif(s))) * cos(2 * M_PI * unif(s));
}

static double dist_m(double lon1, double lat1, double lon2, double lat2)
{
	double p1 = lat1 * DEG2RAD, p2 = lat2 * DEG2RAD;
	double dp = p2 - p1, dl = (lon2 - lon1) * DEG2RAD;
	double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);

	return 2 * R_EARTH * asin(sqrt(a < 1 ? a : 1));
}

/* ---- villages ---------------------------------------------------- */

typedef struct vill {
	char kode[16];
	double lon, lat;
} vill;

static vill *read_villages(const char *path, size_t *n)
{
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRFeatureH f;
	vill *v = NULL;
	size_t cap = 0;

	GDALAllRegister();
	ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
	if (!ds)
		die("cannot open", path);
	lyr = GDALDatasetGetLayerByName(ds, "desa");
	if (!lyr)
		die("no layer desa in", path);
	*n = 0;
	while ((f = OGR_L_GetNextFeature(lyr))) {
		OGRGeometryH g = OGR_F_GetGeometryRef(f), c;
		int fi = OGR_F_GetFieldIndex(f, "kode");

		if (g && fi >= 0) {
			if (*n == cap) {
				cap = cap ? 2 * cap : 4096;
				v = realloc(v, cap * sizeof *v);
				if (!v)
					die("out of memory", NULL);
			}
			c = OGR_G_CreateGeometry(wkbPoint);
			if (OGR_G_Centroid(g, c) == OGRERR_NONE && !OGR_G_IsEmpty(c)) {
				snprintf(v[*n].kode, sizeof v[*n].kode, "%s", OGR_F_GetFieldAsString(f, fi));
				v[*n].lon = OGR_G_GetX(c, 0);
				v[*n].lat = OGR_G_GetY(c, 0);
				(*n)++;
			}
			OGR_G_DestroyGeometry(c);
		}
		OGR_F_Destroy(f);
	}
	GDALClose(ds);
	return v;
}

/* ---- a grid over the villages, for the 5 km search ------------------ */

typedef struct grid {
	double cell;
	double lon0, lat0;
	long nx, ny;
	size_t *start; /* nx * ny + 1 */
	uint32_t *idx;
} grid;

static void grid_build(grid *G, const vill *v, size_t n)
{
	double lo = 1e9, hi = -1e9, la = 1e9, ha = -1e9;
	size_t i, *cnt;

	for (i = 0; i < n; i++) {
		lo = fmin(lo, v[i].lon);
		hi = fmax(hi, v[i].lon);
		la = fmin(la, v[i].lat);
		ha = fmax(ha, v[i].lat);
	}
	G->cell = 0.05;
	G->lon0 = lo - 0.1;
	G->lat0 = la - 0.1;
	G->nx = (long)((hi - G->lon0) / G->cell) + 3;
	G->ny = (long)((ha - G->lat0) / G->cell) + 3;
	G->start = calloc((size_t)(G->nx * G->ny) + 1, sizeof *G->start);
	G->idx = malloc(n * sizeof *G->idx);
	cnt = calloc((size_t)(G->nx * G->ny) + 1, sizeof *cnt);
	if (!G->start || !G->idx || !cnt)
		die("out of memory", NULL);
	for (i = 0; i < n; i++) {
		long cx = (long)((v[i].lon - G->lon0) / G->cell), cy = (long)((v[i].lat - G->lat0) / G->cell);

		G->start[cy * G->nx + cx + 1]++;
	}
	for (i = 0; i < (size_t)(G->nx * G->ny); i++)
		G->start[i + 1] += G->start[i];
	for (i = 0; i < n; i++) {
		long cx = (long)((v[i].lon - G->lon0) / G->cell), cy = (long)((v[i].lat - G->lat0) / G->cell);
		size_t c = (size_t)(cy * G->nx + cx);

		G->idx[G->start[c] + cnt[c]++] = (uint32_t)i;
	}
	free(cnt);
}

/* Calls back every village within RADIUS_M of (lon, lat). */
static void grid_near(const grid *G, const vill *v, double lon, double lat,
		      void (*fn)(void *, uint32_t, double), void *user)
{
	double dlat = RADIUS_M / 111000.0 * 1.01, dlon = dlat / fmax(cos(lat * DEG2RAD), 0.2);
	long x0 = (long)((lon - dlon - G->lon0) / G->cell), x1 = (long)((lon + dlon - G->lon0) / G->cell);
	long y0 = (long)((lat - dlat - G->lat0) / G->cell), y1 = (long)((lat + dlat - G->lat0) / G->cell);
	long x, y;

	for (y = y0 < 0 ? 0 : y0; y <= y1 && y < G->ny; y++)
		for (x = x0 < 0 ? 0 : x0; x <= x1 && x < G->nx; x++) {
			size_t c = (size_t)(y * G->nx + x), k;

			for (k = G->start[c]; k < G->start[c + 1]; k++) {
				uint32_t i = G->idx[k];
				double d = dist_m(lon, lat, v[i].lon, v[i].lat);

				if (d <= RADIUS_M)
					fn(user, i, d);
			}
		}
}

/* ---- CSV reading (quoted fields, no line breaks inside) ------------ */

static int split_csv(char *line, char **fld, int max)
{
	int n = 0;
	char *p = line, *w;

	line[strcspn(line, "\r\n")] = 0;
	while (n < max) {
		fld[n++] = w = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (*p == '"' && p[1] == '"') {
					*w++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else if (!*p) {
					break;
				} else {
					*w++ = *p++;
				}
			}
			while (*p && *p != ',')
				p++;
		} else {
			while (*p && *p != ',')
				*w++ = *p++;
		}
		if (!*p) {
			*w = 0;
			break;
		}
		*w = 0;
		p++;
	}
	return n;
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		die("cannot write", path);
	return f;
}

/* ---- coverage writer ------------------------------------------------- */

typedef struct covw {
	FILE *f;
	uint32_t cand;
	long n;
	int *mark; /* per village: last candidate that wrote it + 1 */
} covw;

static void cov_emit(void *u, uint32_t d, double dist)
{
	covw *w = u;

	(void)dist;
	if (w->mark[d] == (int)w->cand + 1)
		return;
	w->mark[d] = (int)w->cand + 1;
	fprintf(w->f, "%u,%u\n", w->cand, d);
	w->n++;
}

static int vill_cmp(const void *a, const void *b)
{
	return strcmp(((const vill *)a)->kode, ((const vill *)b)->kode);
}

static long find_vill(const vill *v, size_t n, const char *kode)
{
	vill key;
	const vill *r;

	snprintf(key.kode, sizeof key.kode, "%s", kode);
	r = bsearch(&key, v, n, sizeof *v, vill_cmp);
	return r ? r - v : -1;
}

typedef struct site {
	double lon, lat;
	long vill;
	int ready, child;
	long cap;
} site;

typedef struct hit {
	int *flag;
} hit;

static void mark_hit(void *u, uint32_t d, double dist)
{
	(void)dist;
	((hit *)u)->flag[d] = 1;
}

static void write_asg(const char *dir, const char *tag, const site *s, size_t ns,
		      const double *clon, const double *clat, const int *cchild, size_t nc)
{
	char name[64];
	FILE *f;
	size_t i, j, ready = 0;
	long arcs = 0, capsum = 0;

	snprintf(name, sizeof name, "%s_sites.csv", tag);
	f = open_out(dir, name);
	fprintf(f, "id,cap,child\n");
	for (j = 0; j < ns; j++)
		if (s[j].ready) {
			fprintf(f, "%zu,%ld,%d\n", ready++, s[j].cap, s[j].child);
			capsum += s[j].cap;
		}
	fclose(f);
	snprintf(name, sizeof name, "%s_clients.csv", tag);
	f = open_out(dir, name);
	fprintf(f, "id,child\n");
	for (i = 0; i < nc; i++)
		fprintf(f, "%zu,%d\n", i, cchild[i]);
	fclose(f);
	snprintf(name, sizeof name, "%s_arcs.csv", tag);
	f = open_out(dir, name);
	fprintf(f, "client,site,cost\n");
	for (i = 0; i < nc; i++) {
		size_t r = 0;

		for (j = 0; j < ns; j++) {
			if (!s[j].ready)
				continue;
			if (!cchild[i] || s[j].child) {
				fprintf(f, "%zu,%zu,%.0f\n", i, r,
					dist_m(clon[i], clat[i], s[j].lon, s[j].lat));
				arcs++;
			}
			r++;
		}
	}
	fclose(f);
	fprintf(stderr, "plangen: %s: %zu clients, %zu ready sites (capacity %ld), %ld arcs\n",
		tag, nc, ready, capsum, arcs);
}

static void province(const char *data, const char *out)
{
	char path[4096], line[8192], *fld[40], *fld2[40];
	vill *v;
	size_t nv, i, j, ns = 0, nhome = 0;
	site *s = calloc(2000, sizeof *s);
	double hlon[400], hlat[400];
	int hchild[400];
	int *covered, *has_ready;
	FILE *ft, *fs, *f;
	grid G;
	covw w;
	long ncand = 0;

	snprintf(path, sizeof path, "%s/boundaries/sultra_desa.gpkg", data);
	v = read_villages(path, &nv);
	qsort(v, nv, sizeof *v, vill_cmp);
	grid_build(&G, v, nv);
	/* sites: truth (status, point, ramah_anak) row by row with the book
	 * (kapasitas) */
	snprintf(path, sizeof path, "%s/fieldbook/truth_sites_bapas_baubau.csv", data);
	ft = fopen(path, "r");
	snprintf(path, sizeof path, "%s/fieldbook/sites_bapas_baubau.csv", data);
	fs = fopen(path, "r");
	if (!ft || !fs || !s)
		die("cannot read the field book under", data);
	if (!fgets(line, sizeof line, ft) || !fgets(line, sizeof line, fs))
		die("empty field book", NULL);
	while (fgets(line, sizeof line, ft)) {
		char line2[8192];
		int n = split_csv(line, fld, 40), n2;

		if (!fgets(line2, sizeof line2, fs))
			die("the book and its truth differ in rows", NULL);
		n2 = split_csv(line2, fld2, 40);
		if (n < 15 || n2 < 12)
			die("short row in the field book", NULL);
		if (fld[14][0])
			continue; /* a duplicate row */
		s[ns].lon = atof(fld[3]);
		s[ns].lat = atof(fld[4]);
		s[ns].vill = find_vill(v, nv, fld[2]);
		s[ns].ready = strcmp(fld[10], "Siap") == 0;
		s[ns].child = strcmp(fld[11], "ya") == 0;
		s[ns].cap = atol(fld2[9]) > 0 ? atol(fld2[9]) : 1;
		ns++;
	}
	fclose(ft);
	fclose(fs);
	/* covered villages */
	covered = calloc(nv, sizeof *covered);
	has_ready = calloc(nv, sizeof *has_ready);
	for (j = 0; j < ns; j++)
		if (s[j].ready) {
			hit h = {covered};

			if (s[j].vill >= 0)
				covered[s[j].vill] = has_ready[s[j].vill] = 1;
			grid_near(&G, v, s[j].lon, s[j].lat, mark_hit, &h);
		}
	f = open_out(out, "cov_demands.csv");
	fprintf(f, "id,lon,lat,weight,covered\n");
	for (i = 0; i < nv; i++)
		fprintf(f, "%zu,%.7f,%.7f,1,%d\n", i, v[i].lon, v[i].lat, covered[i]);
	fclose(f);
	/* candidates */
	f = open_out(out, "cov_cands.csv");
	w.f = open_out(out, "cov_arcs.csv");
	w.mark = calloc(nv, sizeof *w.mark);
	w.n = 0;
	fprintf(f, "id,kind,lon,lat\n");
	fprintf(w.f, "cand,demand\n");
	for (j = 0; j < ns; j++)
		if (!s[j].ready) {
			w.cand = (uint32_t)ncand;
			fprintf(f, "%ld,site,%.7f,%.7f\n", ncand++, s[j].lon, s[j].lat);
			if (s[j].vill >= 0)
				cov_emit(&w, (uint32_t)s[j].vill, 0);
			grid_near(&G, v, s[j].lon, s[j].lat, cov_emit, &w);
		}
	for (i = 0; i < nv; i++)
		if (!has_ready[i]) {
			w.cand = (uint32_t)ncand;
			fprintf(f, "%ld,village,%.7f,%.7f\n", ncand++, v[i].lon, v[i].lat);
			cov_emit(&w, (uint32_t)i, 0);
			grid_near(&G, v, v[i].lon, v[i].lat, cov_emit, &w);
		}
	fclose(f);
	fclose(w.f);
	{
		size_t nc = 0, nr = 0;

		for (i = 0; i < nv; i++)
			nc += covered[i];
		for (j = 0; j < ns; j++)
			nr += s[j].ready;
		fprintf(stderr, "plangen: province: %zu villages (%zu covered already), "
			"%zu sites (%zu ready), %ld candidates, %ld coverage pairs\n",
			nv, nc, ns, nr, ncand, w.n);
	}
	/* clients */
	snprintf(path, sizeof path, "%s/fieldbook/truth_clients_bapas_baubau.csv", data);
	ft = fopen(path, "r");
	if (!ft || !fgets(line, sizeof line, ft))
		die("cannot read", path);
	while (nhome < 400 && fgets(line, sizeof line, ft)) {
		int n = split_csv(line, fld, 40);

		if (n < 11)
			die("short client row", NULL);
		hlon[nhome] = atof(fld[2]);
		hlat[nhome] = atof(fld[3]);
		hchild[nhome++] = strcmp(fld[10], "ya") == 0;
	}
	fclose(ft);
	write_asg(out, "asg400", s, ns, hlon, hlat, hchild, nhome);
	{
		double *lon = calloc(8 * nhome + 1, sizeof *lon);
		double *lat = calloc(8 * nhome + 1, sizeof *lat);
		int *ch = calloc(8 * nhome + 1, sizeof *ch);
		uint64_t seed = 3200;
		size_t k = 0, r;

		if (!lon || !lat || !ch)
			die("out of memory", NULL);
		for (i = 0; i < nhome; i++)
			for (r = 0; r < 8; r++, k++) {
				lat[k] = hlat[i] + gauss(&seed) * 1500.0 / 111195.0;
				lon[k] = hlon[i] + gauss(&seed) * 1500.0 / 111195.0 / cos(hlat[i] * DEG2RAD);
				ch[k] = hchild[i];
			}
		write_asg(out, "asg3200", s, ns, lon, lat, ch, k);
		free(lon);
		free(lat);
		free(ch);
	}
	/* Pos Bapas: homes x the villages of the Bapas Baubau regencies */
	{
		static const char *const kab[] = {"74.72.", "74.04.", "74.03.", "74.13.", "74.10.",
						  "74.14.", "74.15.", "74.07.", "74.06."};
		size_t np = 0, q;

		f = open_out(out, "pm_cost.csv");
		for (i = 0; i < nhome; i++) {
			int first = 1;

			for (j = 0; j < nv; j++) {
				int in = 0;

				for (q = 0; q < 9; q++)
					in |= strncmp(v[j].kode, kab[q], 6) == 0;
				if (!in)
					continue;
				fprintf(f, "%s%.0f", first ? "" : ",", dist_m(hlon[i], hlat[i], v[j].lon, v[j].lat));
				first = 0;
				if (i == 0)
					np++;
			}
			fputc('\n', f);
		}
		fclose(f);
		f = open_out(out, "pm_open.csv");
		for (i = 0; i < nhome; i++)
			fprintf(f, "%.0f\n", dist_m(hlon[i], hlat[i], 122.6036, -5.4700));
		fclose(f);
		fprintf(stderr, "plangen: pos: %zu homes x %zu places\n", nhome, np);
	}
	free(v);
	free(s);
	free(covered);
	free(has_ready);
	free(w.mark);
	free(G.start);
	free(G.idx);
}

static void national(const char *gpkg, const char *out, double scale)
{
	vill *v;
	size_t nv, i, ncand;
	grid G;
	covw w;
	FILE *f;
	uint64_t seed = 83402;

	v = read_villages(gpkg, &nv);
	qsort(v, nv, sizeof *v, vill_cmp);
	if (scale < 1)
		nv = (size_t)((double)nv * scale);
	ncand = (size_t)(200000 * scale);
	grid_build(&G, v, nv);
	f = open_out(out, "cov_demands.csv");
	fprintf(f, "id,lon,lat,weight,covered\n");
	for (i = 0; i < nv; i++)
		fprintf(f, "%zu,%.7f,%.7f,1,0\n", i, v[i].lon, v[i].lat);
	fclose(f);
	f = open_out(out, "cov_cands.csv");
	w.f = open_out(out, "cov_arcs.csv");
	w.mark = calloc(nv, sizeof *w.mark);
	w.n = 0;
	fprintf(f, "id,kind,lon,lat\n");
	fprintf(w.f, "cand,demand\n");
	for (i = 0; i < ncand; i++) {
		size_t k = (size_t)(rng(&seed) % nv);
		double lat = v[k].lat + gauss(&seed) * 2000.0 / 111195.0;
		double lon = v[k].lon + gauss(&seed) * 2000.0 / 111195.0 / cos(v[k].lat * DEG2RAD);

		w.cand = (uint32_t)i;
		fprintf(f, "%zu,generated,%.7f,%.7f\n", i, lon, lat);
		grid_near(&G, v, lon, lat, cov_emit, &w);
	}
	fclose(f);
	fclose(w.f);
	fprintf(stderr, "plangen: national: %zu villages, %zu candidates, %ld coverage pairs\n",
		nv, ncand, w.n);
	free(v);
	free(w.mark);
	free(G.start);
	free(G.idx);
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "province") == 0)
		province(argv[2], argv[3]);
	else if (argc >= 4 && strcmp(argv[1], "national") == 0)
		national(argv[2], argv[3], argc > 4 ? atof(argv[4]) : 1.0);
	else
		die("usage: plangen province DATA OUTDIR | national GPKG OUTDIR [SCALE]", NULL);
	return 0;
}
