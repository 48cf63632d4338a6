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
 * usage: jk_roadbench PROFILE.csv [SIDE|STORE.sqlite [SITES [CLIENTS [SEED]]]]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

int main(int argc, char **argv)
{
	static const char *const cls[] = {"residential", "residential", "residential",
					  "tertiary", "secondary", "primary", "track"};
	const char *store = argc > 2 && strstr(argv[2], ".sqlite") ? argv[2] : NULL;
	long side = argc > 2 && !store ? atol(argv[2]) : 708;
	double x0, y0, wx, wy;
	long n_sites = argc > 3 ? atol(argv[3]) : 20000;
	long n_clients = argc > 4 ? atol(argv[4]) : 100000;
	uint64_t seed = argc > 5 ? strtoull(argv[5], NULL, 10) : 20260105;
	const double step = 0.002, lon0 = 120.0, lat0 = -5.0;
	jk_ctx *ctx = jk_ctx_create();
	jk_profile *prof = NULL;
	jk_roadnet *net = NULL;
	jk_graph *g = NULL;
	jk_search *s = NULL;
	jk_snap *d = NULL;
	double *gx = NULL, *gy = NULL, t0, t1, t2, t3, t4, sum_min = 0;
	long i, j, ok = 0, off = 0, unr = 0;
	int rc = 1;

	if (argc < 2 || side < 2 || n_sites < 1 || n_clients < 1 || !ctx) {
		fprintf(stderr, "usage: jk_roadbench PROFILE.csv [SIDE [SITES [CLIENTS [SEED]]]]\n");
		return 2;
	}
	if (jk_profile_load(ctx, argv[1], &prof)) {
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
	if (jk_graph_build(ctx, net, prof, NULL, &g))
		goto cleanup;
	t2 = now_s();
	d = malloc((size_t)n_sites * sizeof *d);
	if (!d)
		goto cleanup;
	for (i = 0; i < n_sites; i++)
		jk_graph_snap(g, x0 + unif(&seed) * wx, y0 + unif(&seed) * wy, 0, &d[i]);
	if (jk_search_run(ctx, g, d, (size_t)n_sites, 0, &s))
		goto cleanup;
	t3 = now_s();
	for (i = 0; i < n_clients; i++) {
		jk_snap o;
		jk_travel t;

		jk_graph_snap(g, x0 + unif(&seed) * wx, y0 + unif(&seed) * wy, 0, &o);
		jk_search_query(s, &o, &t);
		ok += t.reach == JK_REACH_OK;
		off += t.reach == JK_REACH_OFF_NETWORK;
		unr += t.reach == JK_REACH_UNREACHABLE;
		if (t.reach == JK_REACH_OK)
			sum_min += t.min;
	}
	t4 = now_s();
	printf("| step | value |\n|---|---|\n");
	printf("| network | %zu nodes, %zu segments |\n", jk_roadnet_nodes(net), jk_roadnet_segs(net));
	printf("| graph (%s) | %zu directed edges |\n",
	       strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1], jk_graph_edges(g));
	printf("| %s | %.3f s |\n", store ? "load network from the store"
					   : "build network (merge nodes, geodesic lengths)", t1 - t0);
	printf("| build routing graph (profile, CSR, snap grid) | %.3f s |\n", t2 - t1);
	printf("| %ld sites: snap + multi-source search | %.3f s |\n", n_sites, t3 - t2);
	printf("| %ld clients: snap + nearest site | %.3f s |\n", n_clients, t4 - t3);
	printf("| routing step (sites + clients) | %.3f s |\n", t4 - t2);
	printf("| clients ok / off_network / unreachable | %ld / %ld / %ld (mean %.1f min) |\n",
	       ok, off, unr, ok ? sum_min / (double)ok : 0.0);
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
	jk_ctx_destroy(ctx);
	return rc;
}
