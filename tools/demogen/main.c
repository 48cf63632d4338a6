/* SPDX-License-Identifier: MIT */
/*
 * jk_demogen: writes the demo data set bundled with jangkau (data/demo).
 *
 * The demo is a fictional archipelago province, "Kepulauan Jangkau" (code
 * 99, which Kemendagri does not assign), placed in open sea in the Banda Sea
 * (kept inside 124.5-125.6 E, 6.5-7.3 S) so that it overlaps no real Indonesian
 * region. The program invents three islands as smooth irregular outlines,
 * partitions them into villages (a Voronoi diagram of seed points noded
 * together with the coastline), groups the villages into districts and
 * regencies, invents every name, and then writes an office address book of
 * community-service work sites and a client register with the same kinds of
 * mess as the real field book (shared/data/fieldbook/README.md), together
 * with the ground truth, and a road network with a ferry (see roads.c), so
 * that import, geocoding and coverage (by straight line and by road) can be
 * run and measured on data that may be shipped freely. Every messiness
 * applied to a row is recorded in its truth labels.
 *
 * The output is a pure function of the seed: a private PRNG (splitmix64
 * seeding xoshiro256**, one stream per stage so that a change in one stage
 * does not reshuffle the others), no clock, fixed number formats, and all
 * polygon vertices on a 1e-6 degree grid so that the GeoJSON written with six
 * decimals is exactly what was checked.
 *
 * This file holds the command line and the order of the stages: the world
 * (islands.c, regions.c), its names (names.c), the truth (gaps.c, sites.c,
 * clients.c), the rows with their mess (rows.c over address.c, coords.c,
 * typo.c, labels.c), the roads (roads.c), the checks (checks.c), and the
 * files (writers.c, readme.c). The stages and what they share are declared in
 * demogen.h.
 *
 * This is a tool, not library code: it prints a summary and exits non-zero
 * on failure.
 */
#include <errno.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "demogen.h"

#define DEFAULT_SEED 9955u

static void mkdir_p(const char *path)
{
	char buf[4096];
	struct stat st;

	scopy(buf, sizeof(buf), path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0777) != 0 && errno != EEXIST)
				die("cannot create '%s': %s", buf, strerror(errno));
			*p = '/';
		}
	if (mkdir(buf, 0777) != 0 && errno != EEXIST)
		die("cannot create '%s': %s", buf, strerror(errno));
	if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
		die("'%s' is not a directory", buf);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: jk_demogen --out DIR [--seed N]\n"
		"Writes the fictional demo data set of jangkau (desa.geojson, aliases.csv,\n"
		"sites.csv, clients.csv, truth_sites.csv, truth_clients.csv, jalan_demo.geojson,\n"
		"README.md) into DIR.\n"
		"The same seed gives the same files (default seed %u).\n",
		DEFAULT_SEED);
}

static void world_free(world *w)
{
	for (int i = 0; i < w->nvil; i++) {
		vil_t *v = &w->vil[i];

		GEOSPreparedGeom_destroy_r(w->gh, v->pgeom);
		GEOSPreparedGeom_destroy_r(w->gh, v->pzsite);
		GEOSPreparedGeom_destroy_r(w->gh, v->pzhome);
		GEOSGeom_destroy_r(w->gh, v->geom);
		GEOSGeom_destroy_r(w->gh, v->zsite);
		GEOSGeom_destroy_r(w->gh, v->zhome);
	}
	for (int i = 0; i < NISL; i++) {
		GEOSPreparedGeom_destroy_r(w->gh, w->pisland[i]);
		GEOSGeom_destroy_r(w->gh, w->island[i]);
		GEOSGeom_destroy_r(w->gh, w->coast[i]);
	}
	GEOSPreparedGeom_destroy_r(w->gh, w->pland);
	GEOSGeom_destroy_r(w->gh, w->land);
	GEOSGeom_destroy_r(w->gh, w->islet);
	for (int i = 0; i < w->nsrow; i++)
		row_free(&w->srow[i]);
	for (int i = 0; i < w->ncrow; i++)
		row_free(&w->crow[i]);
	free(w->srow);
	free(w->crow);
	free(w->site);
	free(w->cli);
	GEOS_finish_r(w->gh);
	free(w);
}

/* Reads the command line into *out and *seed; returns -1 to go on, else
 * the status to exit with. */
static int parse_args(int argc, char **argv, const char **out, unsigned long long *seed)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
			*out = argv[++i];
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			char *end;

			errno = 0;
			*seed = strtoull(argv[++i], &end, 10);
			if (errno || *end || !argv[i][0])
				die("--seed: '%s' is not a non-negative integer", argv[i]);
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (!*out) {
		usage(stderr);
		return 2;
	}
	return -1;
}

static world *world_create(unsigned long long seed)
{
	world *w = xcalloc(1, sizeof(world));

	w->seed = seed;
	w->gh = GEOS_init_r();
	if (!w->gh)
		die("cannot initialise GEOS");
	GEOSContext_setNoticeMessageHandler_r(w->gh, geos_msg, NULL);
	GEOSContext_setErrorMessageHandler_r(w->gh, geos_msg, NULL);
	return w;
}

/* The land: islands cut into villages, grouped into districts and
 * regencies, with their codes, the islet and what follows from the
 * finished polygons. */
static void build_land(world *w, rng *r)
{
	double xs[MAXV], ys[MAXV];

	setup_kabs(w);
	make_islands(w, r);
	for (int isl = 0; isl < NISL; isl++) {
		int from = w->nvil, n = make_seeds(w, r, isl, xs, ys, MAXV - w->nvil);

		if (n < 1)
			die("island %d has no village", isl);
		island_villages(w, r, isl, xs, ys, n);
		for (int i = from; i < w->nvil; i++)
			if (GEOSGetNumGeometries_r(w->gh, w->vil[i].geom) != 1)
				die("internal: village %d of island %d is in pieces", i - from,
				    isl);
	}
	assign_regions(w, 14);
	assign_codes(w, r);
	make_islet(w, r);
	derive_villages(w);
}

/* Every stage in order, each drawing from its own PRNG stream; the roads
 * go into *rd, which the world points to. */
static void build_world(world *w, roads_t *rd)
{
	rng rgeo, rname, rsite, rcli, rtxt_s, rtxt_c;

	rng_init(&rgeo, w->seed, 1);
	rng_init(&rname, w->seed, 2);
	rng_init(&rsite, w->seed, 3);
	rng_init(&rcli, w->seed, 4);
	rng_init(&rtxt_s, w->seed, 5);
	rng_init(&rtxt_c, w->seed, 6);

	build_land(w, &rgeo);
	make_names(w, &rname);
	design_gaps(w, &rsite);
	make_sites(w, &rsite);
	isolate_village(w, w->tip[0], 6.5);
	isolate_village(w, w->tip[1], 5.5);
	make_clients(w, &rcli, 100);
	build_site_rows(w, &rtxt_s);
	build_client_rows(w, &rtxt_c);
	check_world(w);
	memset(rd, 0, sizeof(*rd));
	w->rd = rd;
	make_roads(w, rd);
}

static void write_files(world *w, roads_t *rd, const char *out)
{
	mkdir_p(out);
	CPLSetErrorHandler(cpl_quiet);
	GDALAllRegister();
	write_desa(w, out);
	write_aliases(w, out);
	write_sites(w, out);
	write_clients(w, out);
	write_roads(w, rd, out);
	write_readme(w, out);
}

static void print_summary(const world *w, const roads_t *rd, const char *out)
{
	int st[4] = {0}, gaps[3] = {0};

	for (int i = 0; i < w->nsite; i++)
		st[w->site[i].status]++;
	for (int i = 0; i < w->nvil; i++)
		gaps[w->vil[i].design]++;
	printf("jk_demogen: seed %llu -> %s\n", (unsigned long long)w->seed, out);
	printf("  %d kecamatan, %d villages (%d empty, %d only not ready), %d sites "
	       "(Siap %d, Belum Siap %d, Nonaktif %d, unknown %d), %d site rows, %d clients\n",
	       w->nkec, w->nvil, gaps[D_EMPTY], gaps[D_NOT_READY], w->nsite, st[0], st[1], st[2],
	       st[3], w->nsrow, w->ncli);
	if (w->n_repaired)
		printf("  %d geometries repaired with make-valid\n", w->n_repaired);
	printf("  %d road lines (%d one-way, %d dropped as dangling), ferry %.1f km "
	       "%d min, %d villages cut off (%d road nodes), client %s off the network\n",
	       rd->n, rd->n_oneway, rd->dropped, rd->ferry_km, rd->ferry_min, rd->ncut,
	       rd->cut_nodes, w->cli[rd->off_cli].id);
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	unsigned long long seed = DEFAULT_SEED;
	int status = parse_args(argc, argv, &out, &seed);
	world *w;
	roads_t rd;

	if (status >= 0)
		return status;
	w = world_create(seed);
	build_world(w, &rd);
	write_files(w, &rd, out);
	print_summary(w, &rd, out);
	roads_free(&rd);
	world_free(w);
	GDALDestroyDriverManager();
	OGRCleanupAll();
	CPLSetErrorHandler(NULL);
	return 0;
}
