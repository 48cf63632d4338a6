/* SPDX-License-Identifier: MIT */
/*
 * Road routing benchmark on a generated network: a jittered grid of
 * streets (about 1,000,000 segments by default) with mixed classes, a few
 * one-way streets and gaps, N ready sites and M clients at random points.
 * Times the steps of `coverage --by road` without the store: building
 * the network (node merging, geodesic lengths), the routing graph under a
 * profile, snapping the sites plus the multi-source search, and snapping
 * plus answering every client. Run by bench/roads.sh.
 *
 * With a jangkau store in place of SIDE, its road network is used instead
 * (the points then fall at random in the network's bounding box).
 *
 * usage: jk_roadbench [-d] [-w POINTS.csv | -p POINTS.csv] [-x VERTEX.csv]
 *                     PROFILE.csv [SIDE|STORE.sqlite [SITES [CLIENTS [SEED]]]]
 *   -d  minimise length (`--optimize distance`) instead of time
 *   -w  write the drawn points (kind,id,lon,lat, 7 decimals) and stop
 *   -p  read the points from that file instead of drawing them
 *   -x  after the timed run, untimed unless said: the cross-check with
 *       pgRouting (bench/sql/pgr_*.sql). Every point joins the network at
 *       its nearest vertex (plane distance in degrees, as PostGIS `<->`;
 *       ties to the lower node; none beyond 1 km geodesic), one search by
 *       length from the sites' vertices, and per point
 *       kind,id,vlon,vlat,site,dist_m goes to the file.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "roads/roads_int.h"

static uint64_t rng(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double unif(uint64_t *s)
{
	return (double)(rng(s) >> 11) / 9007199254740992.0;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads kind,id,lon,lat rows (sites first, then clients) into *lon, *lat. */
static int read_points(const char *path, double **lon, double **lat, long *ns, long *nc)
{
	FILE *f = fopen(path, "r");
	char line[256], kind[16];
	size_t cap = 1024, n = 0;
	long id;
	double x, y;

	*ns = *nc = 0;
	*lon = malloc(cap * sizeof **lon);
	*lat = malloc(cap * sizeof **lat);
	if (!f || !*lon || !*lat) {
		if (f)
			fclose(f);
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "%15[a-z],%ld,%lf,%lf", kind, &id, &x, &y) != 4)
			continue; /* the header */
		if (!strcmp(kind, "site") ? *nc > 0 : strcmp(kind, "client") != 0) {
			fclose(f);
			return -1; /* sites first, then clients */
		}
		if (n == cap) {
			double *a = realloc(*lon, 2 * cap * sizeof **lon), *b;

			if (!a) {
				fclose(f);
				return -1;
			}
			*lon = a;
			b = realloc(*lat, 2 * cap * sizeof **lat);
			if (!b) {
				fclose(f);
				return -1;
			}
			*lat = b;
			cap *= 2;
		}
		(*lon)[n] = x;
		(*lat)[n++] = y;
		if (!strcmp(kind, "site"))
			(*ns)++;
		else
			(*nc)++;
	}
	fclose(f);
	return *ns > 0 && *nc > 0 ? 0 : -1;
}

/*
 * The vertex cross-check (-x). Returns 0, or -1 when out of memory or
 * when the search fails.
 */
static int vertex_check(jk_ctx *ctx, const jk_graph *g, const double *lon,
			const double *lat, long ns, long nc, const char *path)
{
	const double C = 0.005, max_m = JK_SNAP_DEFAULT_M;
	size_t n = g->n_nodes, i, ncell;
	uint32_t *inc = malloc((n ? n : 1) * sizeof *inc), *cstart = NULL, *cnode = NULL;
	uint32_t *vtx = malloc((size_t)(ns + nc) * sizeof *vtx);
	jk_snap *d = calloc((size_t)ns, sizeof *d);
	jk_search *s = NULL;
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY, t0;
	long nx, ny, p;
	FILE *f = NULL;
	int rc = -1;

	if (!inc || !vtx || !d)
		goto done;
	for (i = 0; i < n; i++)
		inc[i] = UINT32_MAX;
	for (i = 0; i < g->n_segs; i++) {
		if (inc[g->seg[i].a] == UINT32_MAX)
			inc[g->seg[i].a] = (uint32_t)i << 1;
		if (inc[g->seg[i].b] == UINT32_MAX)
			inc[g->seg[i].b] = (uint32_t)i << 1 | 1;
	}
	for (i = 0; i < n; i++)
		if (inc[i] != UINT32_MAX) {
			x0 = fmin(x0, g->lon[i]);
			y0 = fmin(y0, g->lat[i]);
			x1 = fmax(x1, g->lon[i]);
			y1 = fmax(y1, g->lat[i]);
		}
	if (!isfinite(x0))
		goto done;
	/* a dense grid of cells of C degrees over the used vertices */
	nx = (long)((x1 - x0) / C) + 1;
	ny = (long)((y1 - y0) / C) + 1;
	ncell = (size_t)(nx * ny);
	cstart = calloc(ncell + 1, sizeof *cstart);
	cnode = malloc((n ? n : 1) * sizeof *cnode);
	if (!cstart || !cnode)
		goto done;
	for (i = 0; i < n; i++)
		if (inc[i] != UINT32_MAX)
			cstart[(long)((g->lon[i] - x0) / C) * ny + (long)((g->lat[i] - y0) / C) + 1]++;
	for (i = 0; i < ncell; i++)
		cstart[i + 1] += cstart[i];
	for (i = 0; i < n; i++)
		if (inc[i] != UINT32_MAX)
			cnode[cstart[(long)((g->lon[i] - x0) / C) * ny + (long)((g->lat[i] - y0) / C)]++] = (uint32_t)i;
	for (i = ncell; i > 0; i--)
		cstart[i] = cstart[i - 1];
	cstart[0] = 0;
	t0 = now_s();
	for (p = 0; p < ns + nc; p++) {
		long cx = (long)floor((lon[p] - x0) / C), cy = (long)floor((lat[p] - y0) / C), r;
		double best = INFINITY, dm;
		uint32_t bv = UINT32_MAX;

		for (r = 0;; r++) {
			long ix, iy;

			for (ix = cx - r; ix <= cx + r; ix++)
				for (iy = cy - r; iy <= cy + r; iy++) {
					uint32_t k;

					if (ix != cx - r && ix != cx + r && iy != cy - r && iy != cy + r)
						continue;
					if (ix < 0 || iy < 0 || ix >= nx || iy >= ny)
						continue;
					for (k = cstart[ix * ny + iy]; k < cstart[ix * ny + iy + 1]; k++) {
						uint32_t v = cnode[k];
						double dx = g->lon[v] - lon[p], dy = g->lat[v] - lat[p];
						double dd = dx * dx + dy * dy;

						if (dd < best || (dd == best && v < bv)) {
							best = dd;
							bv = v;
						}
					}
				}
			/* unsearched cells lie at least r * C away */
			if ((bv != UINT32_MAX && (double)r * C * (double)r * C >= best) ||
			    (cx - r < 0 && cy - r < 0 && cx + r >= nx && cy + r >= ny))
				break;
		}
		geod_inverse(&g->geod, lat[p], lon[p], g->lat[bv], g->lon[bv], &dm, NULL, NULL);
		vtx[p] = dm <= max_m ? bv : UINT32_MAX;
		if (p < ns && vtx[p] != UINT32_MAX) {
			d[p].reach = JK_REACH_OK;
			d[p].seg = inc[bv] >> 1;
			d[p].t = (inc[bv] & 1) ? 1.0 : 0.0;
			d[p].access_m = 0;
			d[p].lon = g->lon[bv];
			d[p].lat = g->lat[bv];
		} else if (p < ns) {
			d[p].reach = JK_REACH_OFF_NETWORK;
		}
	}
	if (jk_search_run(ctx, g, d, (size_t)ns, 1, &s))
		goto done;
	f = fopen(path, "w");
	if (!f)
		goto done;
	fprintf(f, "kind,id,vlon,vlat,site,dist_m\n");
	for (p = 0; p < ns + nc; p++) {
		uint32_t v = vtx[p];
		jk_snap o;
		jk_travel t;

		if (v == UINT32_MAX) {
			fprintf(f, "%s,%ld,,,,\n", p < ns ? "site" : "client", p < ns ? p + 1 : p - ns + 1);
			continue;
		}
		if (p < ns) {
			fprintf(f, "site,%ld,%.7f,%.7f,,\n", p + 1, g->lon[v], g->lat[v]);
			continue;
		}
		o.reach = JK_REACH_OK;
		o.seg = inc[v] >> 1;
		o.t = (inc[v] & 1) ? 1.0 : 0.0;
		o.access_m = 0;
		o.lon = g->lon[v];
		o.lat = g->lat[v];
		jk_search_query(s, &o, &t);
		if (t.reach == JK_REACH_OK) {
			fprintf(f, "client,%ld,%.7f,%.7f,%zu,%.3f\n", p - ns + 1, g->lon[v], g->lat[v],
				t.dest + 1, t.km * 1000.0);
		} else {
			fprintf(f, "client,%ld,%.7f,%.7f,,\n", p - ns + 1, g->lon[v], g->lat[v]);
		}
	}
	rc = fclose(f) ? -1 : 0;
	f = NULL;
	printf("| (cross-check, vertex snapping) snap %ld points to vertices + search by length + %ld clients | %.3f s |\n",
	       ns + nc, nc, now_s() - t0);
done:
	if (f)
		fclose(f);
	jk_search_destroy(s);
	free(inc);
	free(vtx);
	free(d);
	free(cstart);
	free(cnode);
	return rc;
}

int main(int argc, char **argv)
{
	static const char *const cls[] = {"residential", "residential", "residential",
					  "tertiary", "secondary", "primary", "track"};
	const char *wpath = NULL, *ppath = NULL, *xpath = NULL, *store;
	const char *prof_path;
	long side = 708;
	double x0, y0, wx, wy;
	long n_sites = 20000, n_clients = 100000;
	uint64_t seed = 20260105;
	const double step = 0.002, lon0 = 120.0, lat0 = -5.0;
	jk_ctx *ctx = jk_ctx_create();
	jk_profile *prof = NULL;
	jk_roadnet *net = NULL;
	jk_graph *g = NULL;
	jk_search *s = NULL;
	jk_snap *d = NULL;
	double *gx = NULL, *gy = NULL, *plon = NULL, *plat = NULL;
	double t0, t1, tg, t2, t3, t4, sum = 0;
	long i, j, ok = 0, off = 0, unr = 0;
	int rc = 1, by_distance = 0, opt;

	while ((opt = getopt(argc, argv, "dw:p:x:")) != -1) {
		switch (opt) {
		case 'd':
			by_distance = 1;
			break;
		case 'w':
			wpath = optarg;
			break;
		case 'p':
			ppath = optarg;
			break;
		case 'x':
			xpath = optarg;
			break;
		default:
			argc = 0;
		}
	}
	argc -= optind;
	argv += optind;
	store = argc > 1 && strstr(argv[1], ".sqlite") ? argv[1] : NULL;
	if (argc > 1 && !store)
		side = atol(argv[1]);
	if (argc > 2)
		n_sites = atol(argv[2]);
	if (argc > 3)
		n_clients = atol(argv[3]);
	if (argc > 4)
		seed = strtoull(argv[4], NULL, 10);
	if (argc < 1 || side < 2 || n_sites < 1 || n_clients < 1 || !ctx || (wpath && ppath)) {
		fprintf(stderr, "usage: jk_roadbench [-d] [-w POINTS.csv | -p POINTS.csv] [-x VERTEX.csv]\n"
				"                    PROFILE.csv [SIDE|STORE.sqlite [SITES [CLIENTS [SEED]]]]\n");
		jk_ctx_destroy(ctx);
		return 2;
	}
	prof_path = argv[0];
	if (jk_profile_load(ctx, prof_path, &prof)) {
		fprintf(stderr, "jk_roadbench: %s\n", jk_ctx_errmsg(ctx));
		goto cleanup;
	}
	if (store) {
		jk_store *st = NULL;

		t0 = now_s();
		if (jk_store_open(ctx, store, &st) || jk_roadnet_load(ctx, st, &net)) {
			jk_store_close(st);
			goto cleanup;
		}
		jk_store_close(st);
		x0 = y0 = 1e9;
		wx = wy = -1e9;
		for (i = 0; i < (long)net->n_nodes; i++) {
			x0 = net->lon[i] < x0 ? net->lon[i] : x0;
			y0 = net->lat[i] < y0 ? net->lat[i] : y0;
			wx = net->lon[i] > wx ? net->lon[i] : wx;
			wy = net->lat[i] > wy ? net->lat[i] : wy;
		}
		wx -= x0;
		wy -= y0;
		t1 = now_s();
		goto built;
	}
	x0 = lon0;
	y0 = lat0;
	wx = wy = (double)(side - 1) * step;
	/* the grid's vertices, jittered by up to a quarter step */
	gx = malloc((size_t)(side * side) * sizeof *gx);
	gy = malloc((size_t)(side * side) * sizeof *gy);
	net = jk_roadnet_create();
	if (!gx || !gy || !net)
		goto cleanup;
	for (i = 0; i < side; i++)
		for (j = 0; j < side; j++) {
			gx[i * side + j] = lon0 + (double)i * step + (unif(&seed) - 0.5) * step / 2;
			gy[i * side + j] = lat0 + (double)j * step + (unif(&seed) - 0.5) * step / 2;
		}
	t0 = now_s();
	for (i = 0; i < side; i++)
		for (j = 0; j < side; j++) {
			long k = i * side + j, nb[2] = {k + side, k + 1};
			int dir;

			for (dir = 0; dir < 2; dir++) {
				double lon[2], lat[2];
				jk_road_line l = {lon, lat, 2, NULL, 0, 0, 0, 0};

				if ((dir == 0 && i + 1 >= side) || (dir == 1 && j + 1 >= side))
					continue;
				if (rng(&seed) % 50 == 0)
					continue; /* a gap */
				lon[0] = gx[k];
				lat[0] = gy[k];
				lon[1] = gx[nb[dir]];
				lat[1] = gy[nb[dir]];
				l.cls = cls[rng(&seed) % 7];
				l.oneway = rng(&seed) % 10 == 0 ? 1 : 0;
				if (jk_roadnet_add_line(ctx, net, &l))
					goto cleanup;
			}
		}
	t1 = now_s();
built:
	/* the points: read, or drawn uniformly in the bounding box (not timed) */
	if (ppath) {
		if (read_points(ppath, &plon, &plat, &n_sites, &n_clients)) {
			fprintf(stderr, "jk_roadbench: %s: cannot read the points\n", ppath);
			goto cleanup;
		}
	} else {
		plon = malloc((size_t)(n_sites + n_clients) * sizeof *plon);
		plat = malloc((size_t)(n_sites + n_clients) * sizeof *plat);
		if (!plon || !plat)
			goto cleanup;
		for (i = 0; i < n_sites + n_clients; i++) {
			plon[i] = x0 + unif(&seed) * wx;
			plat[i] = y0 + unif(&seed) * wy;
		}
	}
	if (wpath) {
		FILE *f = fopen(wpath, "w");

		if (!f) {
			fprintf(stderr, "jk_roadbench: %s: cannot write\n", wpath);
			goto cleanup;
		}
		fprintf(f, "kind,id,lon,lat\n");
		for (i = 0; i < n_sites + n_clients; i++)
			fprintf(f, "%s,%ld,%.7f,%.7f\n", i < n_sites ? "site" : "client",
				i < n_sites ? i + 1 : i - n_sites + 1, plon[i], plat[i]);
		if (fclose(f)) {
			fprintf(stderr, "jk_roadbench: %s: cannot write\n", wpath);
			goto cleanup;
		}
		rc = 0;
		goto cleanup;
	}
	tg = now_s();
	if (jk_graph_build(ctx, net, prof, NULL, &g))
		goto cleanup;
	t2 = now_s();
	d = malloc((size_t)n_sites * sizeof *d);
	if (!d)
		goto cleanup;
	for (i = 0; i < n_sites; i++)
		jk_graph_snap(g, plon[i], plat[i], 0, &d[i]);
	if (jk_search_run(ctx, g, d, (size_t)n_sites, by_distance, &s))
		goto cleanup;
	t3 = now_s();
	for (i = 0; i < n_clients; i++) {
		jk_snap o;
		jk_travel t;

		jk_graph_snap(g, plon[n_sites + i], plat[n_sites + i], 0, &o);
		jk_search_query(s, &o, &t);
		ok += t.reach == JK_REACH_OK;
		off += t.reach == JK_REACH_OFF_NETWORK;
		unr += t.reach == JK_REACH_UNREACHABLE;
		if (t.reach == JK_REACH_OK)
			sum += by_distance ? t.km : t.min;
	}
	t4 = now_s();
	for (i = j = 0; i < n_sites; i++)
		j += d[i].reach == JK_REACH_OK;
	printf("| step | value |\n|---|---|\n");
	printf("| network | %zu nodes, %zu segments |\n", jk_roadnet_nodes(net), jk_roadnet_segs(net));
	printf("| graph (%s%s) | %zu directed edges |\n",
	       strrchr(prof_path, '/') ? strrchr(prof_path, '/') + 1 : prof_path,
	       by_distance ? ", shortest by length" : "", jk_graph_edges(g));
	printf("| %s | %.3f s |\n", store ? "load network from the store"
					   : "build network (merge nodes, geodesic lengths)", t1 - t0);
	printf("| build routing graph (profile, CSR, snap grid) | %.3f s |\n", t2 - tg);
	printf("| %ld sites (%ld on the network): snap + multi-source search | %.3f s |\n",
	       n_sites, j, t3 - t2);
	printf("| %ld clients: snap + nearest site | %.3f s |\n", n_clients, t4 - t3);
	printf("| routing step (sites + clients) | %.3f s |\n", t4 - t2);
	printf("| clients ok / off_network / unreachable | %ld / %ld / %ld (mean %.*f %s) |\n",
	       ok, off, unr, by_distance ? 2 : 1, ok ? sum / (double)ok : 0.0,
	       by_distance ? "km" : "min");
	if (xpath && vertex_check(ctx, g, plon, plat, n_sites, n_clients, xpath)) {
		fprintf(stderr, "jk_roadbench: the vertex cross-check failed\n");
		goto cleanup;
	}
	rc = 0;
cleanup:
	if (rc && ctx)
		fprintf(stderr, "jk_roadbench: %s\n", jk_ctx_errmsg(ctx));
	jk_search_destroy(s);
	jk_graph_destroy(g);
	jk_roadnet_destroy(net);
	jk_profile_destroy(prof);
	free(d);
	free(gx);
	free(gy);
	free(plon);
	free(plat);
	jk_ctx_destroy(ctx);
	return rc;
}
