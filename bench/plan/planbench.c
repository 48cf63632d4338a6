/* SPDX-License-Identifier: MIT */
/*
 * planbench: runs the plan room's solvers (src/plan) on the CSV instances
 * of bench/plan/plangen.c and prints one RESULT line per answer, the
 * format bench/plan/oracles.py prints for the other solvers, so that
 * bench/plan.sh can put them side by side:
 *
 *   RESULT problem=P solver=S time=SECONDS value=V bound=B gap=G proven=0|1 note="..."
 *
 * The time is the solver call alone (the CSV reading is reported as
 * note), single thread, median of REPEAT runs (environment
 * PLANBENCH_REPEAT, default 3).
 *
 * usage: jk_planbench cover DIR K       MCLP with budget K, then LSCP
 *        jk_planbench assign DIR TAG    placement of DIR/TAG_*.csv, plus
 *                                       nearest-first greedy for reference
 *        jk_planbench pos DIR P         p-median for p = 1..P, p-center p = P
 * A benchmark tool: it prints and exits freely.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plan/plan.h"

static void trace(void *user, jk_level level, const char *msg)
{
	static double t0;
	struct timespec ts;
	double t;

	(void)level;
	(void)user;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	t = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	if (t0 == 0)
		t0 = t;
	if (getenv("PLANBENCH_TRACE"))
		fprintf(stderr, "[%.3f] %s\n", t - t0, msg);
}

static void die(const char *msg, const char *what)
{
	fprintf(stderr, "planbench: %s%s%s\n", msg, what ? ": " : "", what ? what : "");
	exit(1);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int repeat(void)
{
	const char *e = getenv("PLANBENCH_REPEAT");

	return e && atoi(e) > 0 ? atoi(e) : 3;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median_of(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_d);
	return t[(n - 1) / 2];
}

static FILE *open_in(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		die("cannot read", path);
	return f;
}

static void result(const char *problem, const char *solver, double t, double value,
		   double bound, double gap, int proven, const char *note)
{
	printf("RESULT problem=%s solver=%s time=%.4f value=%.6g bound=%.6g gap=%.6f "
	       "proven=%d note=\"%s\"\n", problem, solver, t, value, bound, gap, proven, note);
	fflush(stdout);
}

/* ---- coverage ----------------------------------------------------- */

static void cover(const char *dir, size_t K)
{
	char line[512], note[512];
	size_t nd = 0, nc = 0, na = 0, capd = 1 << 16, capa = 1 << 20, i;
	double *w = malloc(capd * sizeof *w), t0 = now_s(), tread, times[16];
	unsigned char *covd = malloc(capd);
	uint32_t *ac = malloc(capa * sizeof *ac), *ad = malloc(capa * sizeof *ad), *cd;
	size_t *cs;
	FILE *f;
	int g, r, rep = repeat();

	f = open_in(dir, "cov_demands.csv");
	if (!fgets(line, sizeof line, f))
		die("empty", "cov_demands.csv");
	while (fgets(line, sizeof line, f)) {
		double lon, lat, wt;
		int cv;
		size_t id;

		if (sscanf(line, "%zu,%lf,%lf,%lf,%d", &id, &lon, &lat, &wt, &cv) != 5)
			die("bad row in cov_demands.csv", line);
		if (nd == capd) {
			capd *= 2;
			w = realloc(w, capd * sizeof *w);
			covd = realloc(covd, capd);
		}
		w[nd] = wt;
		covd[nd++] = (unsigned char)cv;
	}
	fclose(f);
	f = open_in(dir, "cov_cands.csv");
	while (fgets(line, sizeof line, f))
		nc++;
	nc--;
	fclose(f);
	f = open_in(dir, "cov_arcs.csv");
	if (!fgets(line, sizeof line, f))
		die("empty", "cov_arcs.csv");
	while (fgets(line, sizeof line, f)) {
		unsigned a, b;

		if (sscanf(line, "%u,%u", &a, &b) != 2)
			die("bad row in cov_arcs.csv", line);
		if (na == capa) {
			capa *= 2;
			ac = realloc(ac, capa * sizeof *ac);
			ad = realloc(ad, capa * sizeof *ad);
		}
		ac[na] = a;
		ad[na++] = b;
	}
	fclose(f);
	/* CSR per candidate (the file is in candidate order, but sort anyway) */
	cs = calloc(nc + 1, sizeof *cs);
	cd = malloc((na ? na : 1) * sizeof *cd);
	for (i = 0; i < na; i++)
		cs[ac[i] + 1]++;
	for (i = 0; i < nc; i++)
		cs[i + 1] += cs[i];
	{
		size_t *pos = malloc(nc * sizeof *pos);

		memcpy(pos, cs, nc * sizeof *pos);
		for (i = 0; i < na; i++)
			cd[pos[ac[i]]++] = ad[i];
		free(pos);
	}
	tread = now_s() - t0;
	fprintf(stderr, "planbench: %zu demands, %zu candidates, %zu pairs (read %.2f s)\n",
		nd, nc, na, tread);
	for (g = 0; g < 2; g++) {
		jk_ctx *ctx = jk_ctx_create();
		jk_cover_problem p = {0};
		jk_cover_result res = {0};
		char prob[64];

		p.n_demands = nd;
		p.n_candidates = nc;
		p.cov_start = cs;
		p.cov_demand = cd;
		p.weight = w;
		p.covered = covd;
		p.goal = g ? JK_COVER_ALL : JK_COVER_BUDGET;
		p.budget = K;
		if (getenv("PLANBENCH_ITERS"))
			p.lagr_iters = atoi(getenv("PLANBENCH_ITERS"));
		for (r = 0; r < rep; r++) {
			double t1 = now_s();

			jk_cover_result_release(&res);
			if (jk_plan_cover(ctx, &p, &res) != JK_OK)
				die("jk_plan_cover", jk_ctx_errmsg(ctx));
			times[r] = now_s() - t1;
		}
		snprintf(prob, sizeof prob, g ? "lscp" : "mclp_k%zu", K);
		snprintf(note, sizeof note, "components %zu, exact %zu, dominated %zu, "
			 "forced single %zu, uncoverable %zu, nodes %ld, read %.2f s; ranked first: "
			 "%.0f %.0f %.0f", res.n_components, res.n_exact, res.n_dominated,
			 res.n_forced_single, res.n_uncoverable, res.nodes, tread,
			 res.n_chosen > 0 ? res.gain[0] : 0, res.n_chosen > 1 ? res.gain[1] : 0,
			 res.n_chosen > 2 ? res.gain[2] : 0);
		result(prob, "jangkau", median_of(times, rep), res.value, res.bound, res.gap,
		       res.optimal, note);
		jk_cover_result_release(&res);
		jk_ctx_destroy(ctx);
	}
	free(w);
	free(covd);
	free(ac);
	free(ad);
	free(cs);
	free(cd);
}

/* ---- placement ------------------------------------------------------- */

static void assign(const char *dir, const char *tag)
{
	char line[512], name[256], note[512];
	size_t ns = 0, nc = 0, na = 0, capa = 1 << 20, i;
	long *cap = NULL;
	uint32_t *acl = malloc(capa * sizeof *acl), *asi = malloc(capa * sizeof *asi), *site;
	double *aco = malloc(capa * sizeof *aco), *cost, t0 = now_s(), tread, times[16];
	size_t *start;
	FILE *f;
	int r, rep = repeat();
	jk_ctx *ctx = jk_ctx_create();
	jk_assign_problem p = {0};

	jk_ctx_set_log(ctx, trace, NULL);
	jk_assign_result res = {0};
	char prob[64];

	snprintf(name, sizeof name, "%s_sites.csv", tag);
	f = open_in(dir, name);
	if (!fgets(line, sizeof line, f))
		die("empty", name);
	while (fgets(line, sizeof line, f)) {
		size_t id;
		long c;
		int ch;

		if (sscanf(line, "%zu,%ld,%d", &id, &c, &ch) != 3)
			die("bad site row", line);
		cap = realloc(cap, (ns + 1) * sizeof *cap);
		cap[ns++] = c;
	}
	fclose(f);
	snprintf(name, sizeof name, "%s_clients.csv", tag);
	f = open_in(dir, name);
	while (fgets(line, sizeof line, f))
		nc++;
	nc--;
	fclose(f);
	snprintf(name, sizeof name, "%s_arcs.csv", tag);
	f = open_in(dir, name);
	if (!fgets(line, sizeof line, f))
		die("empty", name);
	while (fgets(line, sizeof line, f)) {
		unsigned a, b;
		double c;

		if (sscanf(line, "%u,%u,%lf", &a, &b, &c) != 3)
			die("bad arc row", line);
		if (na == capa) {
			capa *= 2;
			acl = realloc(acl, capa * sizeof *acl);
			asi = realloc(asi, capa * sizeof *asi);
			aco = realloc(aco, capa * sizeof *aco);
		}
		acl[na] = a;
		asi[na] = b;
		aco[na++] = c;
	}
	fclose(f);
	start = calloc(nc + 1, sizeof *start);
	site = malloc(na * sizeof *site);
	cost = malloc(na * sizeof *cost);
	for (i = 0; i < na; i++)
		start[acl[i] + 1]++;
	for (i = 0; i < nc; i++)
		start[i + 1] += start[i];
	{
		size_t *pos = malloc(nc * sizeof *pos);

		memcpy(pos, start, nc * sizeof *pos);
		for (i = 0; i < na; i++) {
			site[pos[acl[i]]] = asi[i];
			cost[pos[acl[i]]++] = aco[i];
		}
		free(pos);
	}
	tread = now_s() - t0;
	p.n_clients = nc;
	p.n_sites = ns;
	p.arc_start = start;
	p.arc_site = site;
	p.arc_cost = cost;
	p.capacity = cap;
	if (getenv("PLANBENCH_K"))
		p.k_initial = (size_t)atol(getenv("PLANBENCH_K"));
	for (r = 0; r < rep; r++) {
		double t1 = now_s();

		jk_assign_result_release(&res);
		if (jk_plan_assign(ctx, &p, &res) != JK_OK)
			die("jk_plan_assign", jk_ctx_errmsg(ctx));
		times[r] = now_s() - t1;
	}
	snprintf(prob, sizeof prob, "place_%s", tag);
	snprintf(note, sizeof note, "placed %zu of %zu, rounds %d, arcs %zu of %zu, "
		 "check slack %.6g, read %.2f s", res.n_placed, nc, res.rounds, res.arcs_used,
		 res.arcs_all, res.check_slack, tread);
	result(prob, "jangkau", median_of(times, rep), res.total_cost, res.total_cost, 0, 1, note);
	/* nearest-first greedy, as a planner would do by hand */
	{
		long *room = malloc(ns * sizeof *room);
		double tot = 0, t1 = now_s();
		size_t placed = 0, k;

		for (i = 0; i < ns; i++)
			room[i] = cap[i] < 0 ? (long)nc : cap[i];
		for (i = 0; i < nc; i++) {
			long best = -1;
			double bc = INFINITY;

			for (k = start[i]; k < start[i + 1]; k++)
				if (room[site[k]] > 0 && cost[k] < bc) {
					bc = cost[k];
					best = (long)site[k];
				}
			if (best >= 0) {
				room[best]--;
				tot += bc;
				placed++;
			}
		}
		snprintf(note, sizeof note, "placed %zu of %zu (clients in file order)", placed, nc);
		result(prob, "greedy_nearest", now_s() - t1, tot, NAN, NAN, 0, note);
		free(room);
	}
	jk_assign_result_release(&res);
	jk_ctx_destroy(ctx);
	free(cap);
	free(acl);
	free(asi);
	free(aco);
	free(start);
	free(site);
	free(cost);
}

/* ---- Pos Bapas ---------------------------------------------------------- */

static void pos(const char *dir, size_t P)
{
	static char line[1 << 16];
	size_t n = 0, m = 0, capc = 1 << 20, nv = 0, k;
	double *c = malloc(capc * sizeof *c), *o = NULL, times[16];
	FILE *f = open_in(dir, "pm_cost.csv");
	int r, rep = repeat(), goal;

	while (fgets(line, sizeof line, f)) {
		char *p = line, *e;
		size_t row = 0;

		for (;;) {
			double v = strtod(p, &e);

			if (e == p)
				break;
			if (nv == capc) {
				capc *= 2;
				c = realloc(c, capc * sizeof *c);
			}
			c[nv++] = v;
			row++;
			p = e;
			if (*p == ',')
				p++;
		}
		if (row == 0)
			continue;
		if (m == 0)
			m = row;
		else if (row != m)
			die("ragged pm_cost.csv", NULL);
		n++;
	}
	fclose(f);
	o = malloc(n * sizeof *o);
	f = open_in(dir, "pm_open.csv");
	for (k = 0; k < n; k++)
		if (!fgets(line, sizeof line, f) || sscanf(line, "%lf", &o[k]) != 1)
			die("short pm_open.csv", NULL);
	fclose(f);
	fprintf(stderr, "planbench: pos: %zu homes x %zu places\n", n, m);
	for (goal = 0; goal < 2; goal++) {
		size_t p;

		for (p = goal ? P : 1; p <= P; p++) {
			jk_ctx *ctx = jk_ctx_create();
			jk_median_problem q = {0};
			jk_median_result res = {0};
			char prob[64], note[256];

			q.n_clients = n;
			q.n_candidates = m;
			q.cost = c;
			q.open_cost = o;
			q.goal = goal ? JK_MEDIAN_MAX : JK_MEDIAN_SUM;
			q.p = p;
			for (r = 0; r < rep; r++) {
				double t1 = now_s();

				jk_median_result_release(&res);
				if (jk_plan_median(ctx, &q, &res) != JK_OK)
					die("jk_plan_median", jk_ctx_errmsg(ctx));
				times[r] = now_s() - t1;
			}
			snprintf(prob, sizeof prob, "%s_p%zu", goal ? "pcenter" : "pmedian", p);
			snprintf(note, sizeof note, "places %u %u %u", res.chosen[0],
				 p > 1 ? res.chosen[1] : 0, p > 2 ? res.chosen[2] : 0);
			result(prob, "jangkau", median_of(times, rep), res.value, res.bound, res.gap,
			       res.optimal, note);
			jk_median_result_release(&res);
			jk_ctx_destroy(ctx);
		}
	}
	free(c);
	free(o);
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "cover") == 0)
		cover(argv[2], (size_t)atol(argv[3]));
	else if (argc == 4 && strcmp(argv[1], "assign") == 0)
		assign(argv[2], argv[3]);
	else if (argc == 4 && strcmp(argv[1], "pos") == 0)
		pos(argv[2], (size_t)atol(argv[3]));
	else
		die("usage: jk_planbench cover DIR K | assign DIR TAG | pos DIR P", NULL);
	return 0;
}
