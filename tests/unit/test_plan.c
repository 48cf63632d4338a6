/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the planning solvers (src/plan): every answer against
 * brute force on many small random instances (seeded, so a failure names
 * its seed and repeats), every reported bound against the true optimum,
 * and the effort limits turned down so that the bounds are tested where
 * nothing is proven too. Plus hand-made cases that a wrong model fails.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plan/plan.h"

static jk_ctx *ctx;

static void setup(void)
{
	ctx = jk_ctx_create();
	ck_assert_ptr_nonnull(ctx);
}

static void teardown(void)
{
	jk_ctx_destroy(ctx);
}

static long rint_in(uint64_t *s, long lo, long hi) /* [lo, hi] */
{
	return lo + (long)(jk_test_rng(s) % (uint64_t)(hi - lo + 1));
}

/* ==== assignment ==================================================== */

typedef struct ainst {
	size_t n, m;
	size_t start[12];
	uint32_t site[12 * 6];
	double cost[12 * 6];
	long cap[6];
	long fixed[12];
	double max_cost;
} ainst;

static void ainst_random(ainst *a, uint64_t *s)
{
	size_t i, j, e = 0;

	memset(a, 0, sizeof *a);
	a->n = (size_t)rint_in(s, 1, 7);
	a->m = (size_t)rint_in(s, 1, 4);
	for (j = 0; j < a->m; j++)
		a->cap[j] = jk_test_rng(s) % 5 == 0 ? JK_PLAN_UNLIMITED : rint_in(s, 0, 3);
	for (i = 0; i < a->n; i++) {
		a->start[i] = e;
		for (j = 0; j < a->m; j++)
			if (jk_test_rng(s) % 4 != 0) {
				a->site[e] = (uint32_t)j;
				a->cost[e++] = (double)rint_in(s, 0, 20);
			}
		a->fixed[i] = -1;
	}
	a->start[a->n] = e;
	a->max_cost = jk_test_rng(s) % 3 == 0 ? (double)rint_in(s, 5, 15) : 0;
}

/* The best (most placed, then least cost) by trying every assignment. */
static void abrute(const ainst *a, size_t *best_placed, double *best_cost)
{
	size_t i, total = 1, code;
	double maxc = a->max_cost > 0 ? a->max_cost : INFINITY;

	for (i = 0; i < a->n; i++)
		total *= a->m + 1;
	*best_placed = 0;
	*best_cost = INFINITY;
	for (code = 0; code < total; code++) {
		size_t c = code, placed = 0;
		long load[6] = {0};
		double cost = 0;
		int ok = 1;

		for (i = 0; i < a->n && ok; i++) {
			size_t pick = c % (a->m + 1), k;
			int found = 0;

			c /= a->m + 1;
			if (a->fixed[i] >= 0) {
				/* kept: must stay where it is */
				if (pick != (size_t)a->fixed[i]) {
					ok = 0;
					break;
				}
				for (k = a->start[i]; k < a->start[i + 1]; k++)
					if (a->site[k] == (uint32_t)pick) {
						cost += a->cost[k];
						break;
					}
				load[pick]++;
				placed++;
				continue;
			}
			if (pick == a->m)
				continue;
			for (k = a->start[i]; k < a->start[i + 1]; k++)
				if (a->site[k] == (uint32_t)pick && a->cost[k] <= maxc) {
					cost += a->cost[k];
					found = 1;
					break;
				}
			if (!found)
				ok = 0;
			load[pick]++;
			placed++;
		}
		for (i = 0; i < a->m && ok; i++)
			if (a->cap[i] >= 0 && load[i] > a->cap[i])
				ok = 0;
		if (!ok)
			continue;
		if (placed > *best_placed || (placed == *best_placed && cost < *best_cost)) {
			*best_placed = placed;
			*best_cost = cost;
		}
	}
}

static void acheck(const ainst *a, const jk_assign_result *r, uint64_t seed)
{
	size_t i, k, placed = 0;
	long load[6] = {0};
	double cost = 0, maxc = a->max_cost > 0 ? a->max_cost : INFINITY;

	for (i = 0; i < a->n; i++) {
		long s = r->site[i];
		int found = 0, any = 0;

		for (k = a->start[i]; k < a->start[i + 1]; k++)
			any |= a->cost[k] <= maxc;
		if (s < 0) {
			ck_assert_msg(r->reason[i] == (any ? JK_UNPLACED_NO_CAPACITY
							   : JK_UNPLACED_NO_SITE),
				      "seed %llu client %zu: reason %d", (unsigned long long)seed,
				      i, r->reason[i]);
			continue;
		}
		ck_assert_int_eq(r->reason[i], JK_PLACED);
		load[s]++;
		placed++;
		for (k = a->start[i]; k < a->start[i + 1]; k++)
			if (a->site[k] == (uint32_t)s) {
				cost += a->cost[k];
				found = 1;
				break;
			}
		ck_assert_msg(found || a->fixed[i] == s, "seed %llu: client %zu at a site "
			      "it has no arc to", (unsigned long long)seed, i);
		if (a->fixed[i] >= 0)
			ck_assert_int_eq(s, a->fixed[i]);
	}
	for (i = 0; i < a->m; i++) {
		ck_assert_int_eq(load[i], r->load[i]);
		if (a->cap[i] >= 0)
			ck_assert_msg(load[i] <= a->cap[i], "seed %llu: site %zu over "
				      "capacity", (unsigned long long)seed, i);
	}
	ck_assert_uint_eq(placed, r->n_placed);
	ck_assert_double_eq_tol(cost, r->total_cost, 1e-9);
}

START_TEST(assign_equals_brute_force)
{
	uint64_t seed;
	int n_fixed_cases = 0, n_unplaced = 0, n_grown = 0;

	for (seed = 1; seed <= 1500; seed++) {
		uint64_t s = seed * 7919;
		ainst a;
		jk_assign_problem p;
		jk_assign_result r;
		size_t bp, i;
		double bc;
		int rc;

		ainst_random(&a, &s);
		/* keep some existing placements, within capacity */
		if (seed % 3 == 0) {
			long room[6];

			for (i = 0; i < a.m; i++)
				room[i] = a.cap[i] < 0 ? 99 : a.cap[i];
			for (i = 0; i < a.n; i++) {
				long j = (long)(jk_test_rng(&s) % a.m);

				if (jk_test_rng(&s) % 3 == 0 && room[j] > 0) {
					a.fixed[i] = j;
					room[j]--;
					n_fixed_cases++;
				}
			}
		}
		memset(&p, 0, sizeof p);
		p.n_clients = a.n;
		p.n_sites = a.m;
		p.arc_start = a.start;
		p.arc_site = a.site;
		p.arc_cost = a.cost;
		p.capacity = a.cap;
		p.max_cost = a.max_cost;
		p.fixed_site = seed % 3 == 0 ? a.fixed : NULL;
		p.k_initial = 1 + seed % 2; /* small, so that the arcs must grow */
		rc = jk_plan_assign(ctx, &p, &r);
		ck_assert_msg(rc == JK_OK, "seed %llu: %s", (unsigned long long)seed,
			      jk_ctx_errmsg(ctx));
		abrute(&a, &bp, &bc);
		acheck(&a, &r, seed);
		ck_assert_msg(r.n_placed == bp, "seed %llu: placed %zu, brute force %zu",
			      (unsigned long long)seed, r.n_placed, bp);
		ck_assert_msg(fabs(r.total_cost - bc) < 1e-9, "seed %llu: cost %g, brute "
			      "force %g", (unsigned long long)seed, r.total_cost, bc);
		ck_assert(r.check_slack >= -1e-9);
		n_unplaced += r.n_placed < a.n;
		n_grown += r.rounds > 1;
		jk_assign_result_release(&r);
	}
	/* the random instances reach the interesting cases */
	ck_assert_int_gt(n_fixed_cases, 100);
	ck_assert_int_gt(n_unplaced, 100);
	ck_assert_int_gt(n_grown, 20);
}
END_TEST

/* Placing as many as possible beats the cheaper placement of fewer: A can
 * use only X (cost 10), B X (1) or Y (50); X takes one. Best: A at X, B at
 * Y (two placed, 60), not B at X (one placed, 1). And B is processed
 * before A so that the cheap arc is taken first. */
START_TEST(assign_most_placed_first)
{
	size_t start[] = {0, 2, 3};
	uint32_t site[] = {0, 1, 0};
	double cost[] = {1, 50, 10};
	long cap[] = {1, 1};
	jk_assign_problem p = {0};
	jk_assign_result r;

	p.n_clients = 2;
	p.n_sites = 2;
	p.arc_start = start;
	p.arc_site = site;
	p.arc_cost = cost;
	p.capacity = cap;
	p.k_initial = 1;
	ck_assert_int_eq(jk_plan_assign(ctx, &p, &r), JK_OK);
	ck_assert_uint_eq(r.n_placed, 2);
	ck_assert_double_eq(r.total_cost, 60);
	ck_assert_int_eq(r.site[0], 1);
	ck_assert_int_eq(r.site[1], 0);
	jk_assign_result_release(&r);
	/* with Y out of reach, only one can be placed: the cheaper one */
	p.max_cost = 20;
	ck_assert_int_eq(jk_plan_assign(ctx, &p, &r), JK_OK);
	ck_assert_uint_eq(r.n_placed, 1);
	ck_assert_double_eq(r.total_cost, 1);
	ck_assert_int_eq(r.reason[1], JK_UNPLACED_NO_CAPACITY);
	jk_assign_result_release(&r);
}
END_TEST

START_TEST(assign_errors)
{
	size_t start[] = {0, 1};
	uint32_t site[] = {3};
	double cost[] = {1};
	long cap[] = {0, 1};
	long fixed[] = {0};
	jk_assign_problem p = {0};
	jk_assign_result r;

	p.n_clients = 1;
	p.n_sites = 2;
	p.arc_start = start;
	p.arc_site = site;
	p.arc_cost = cost;
	p.capacity = cap;
	ck_assert_int_eq(jk_plan_assign(ctx, &p, &r), JK_ERR_ARG);
	ck_assert_ptr_null(r.site);
	site[0] = 1;
	cost[0] = -1;
	ck_assert_int_eq(jk_plan_assign(ctx, &p, &r), JK_ERR_ARG);
	cost[0] = 1;
	p.fixed_site = fixed; /* kept at a site of capacity 0 */
	ck_assert_int_eq(jk_plan_assign(ctx, &p, &r), JK_ERR_ARG);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "capacity"));
	p.fixed_site = NULL;
	ck_assert_int_eq(jk_plan_assign(ctx, &p, &r), JK_OK);
	ck_assert_int_eq(r.site[0], 1);
	jk_assign_result_release(&r);
	jk_assign_result_release(NULL);
}
END_TEST

/* A larger instance: the sparse solver from one arc per client and the
 * solver given every arc at once must agree (a second, independent route
 * to the optimum: with all arcs the check has nothing to grow). */
START_TEST(assign_sparse_equals_dense)
{
	enum { N = 300, M = 40 };
	size_t *start = malloc((N + 1) * sizeof *start), i, j, e = 0;
	uint32_t *site = malloc(N * M * sizeof *site);
	double *cost = malloc(N * M * sizeof *cost), px[M], py[M];
	long cap[M];
	uint64_t s = 42;
	int t;

	ck_assert_ptr_nonnull(start);
	ck_assert_ptr_nonnull(site);
	ck_assert_ptr_nonnull(cost);
	for (j = 0; j < M; j++) {
		px[j] = (double)rint_in(&s, 0, 1000);
		py[j] = (double)rint_in(&s, 0, 1000);
		cap[j] = rint_in(&s, 0, 9);
	}
	for (i = 0; i < N; i++) {
		/* clients bunched in one corner, so that near sites fill up */
		double x = (double)rint_in(&s, 0, 400), y = (double)rint_in(&s, 0, 400);

		start[i] = e;
		for (j = 0; j < M; j++) {
			if (jk_test_rng(&s) % 10 == 0)
				continue;
			site[e] = (uint32_t)j;
			cost[e++] = floor(hypot(x - px[j], y - py[j]));
		}
	}
	start[N] = e;
	for (t = 0; t < 2; t++) {
		jk_assign_problem p = {0};
		jk_assign_result a, b;

		p.n_clients = N;
		p.n_sites = M;
		p.arc_start = start;
		p.arc_site = site;
		p.arc_cost = cost;
		p.capacity = cap;
		p.max_cost = t ? 600 : 0;
		p.k_initial = 1;
		ck_assert_int_eq(jk_plan_assign(ctx, &p, &a), JK_OK);
		p.k_initial = M;
		ck_assert_int_eq(jk_plan_assign(ctx, &p, &b), JK_OK);
		ck_assert_uint_eq(a.n_placed, b.n_placed);
		ck_assert_double_eq(a.total_cost, b.total_cost);
		ck_assert_int_eq(b.rounds, 1);
		ck_assert_int_gt(a.rounds, 1);
		ck_assert(a.arcs_used < b.arcs_used);
		jk_assign_result_release(&a);
		jk_assign_result_release(&b);
	}
	free(start);
	free(site);
	free(cost);
}
END_TEST

/* ==== coverage ====================================================== */

enum { CD = 12, CC = 10 };

typedef struct cinst {
	size_t nd, nc;
	size_t start[CC + 1];
	uint32_t dem[CC * CD];
	double w[CD];
	unsigned char covered[CD], forced[CC];
} cinst;

static void cinst_random(cinst *c, uint64_t *s)
{
	size_t i, j, e = 0;
	long dens = rint_in(s, 2, 5);

	memset(c, 0, sizeof *c);
	c->nd = (size_t)rint_in(s, 1, CD);
	c->nc = (size_t)rint_in(s, 1, CC);
	for (i = 0; i < c->nd; i++) {
		c->w[i] = (double)rint_in(s, 0, 9);
		c->covered[i] = jk_test_rng(s) % 6 == 0;
	}
	for (j = 0; j < c->nc; j++) {
		c->start[j] = e;
		for (i = 0; i < c->nd; i++)
			if ((long)(jk_test_rng(s) % 10) < dens)
				c->dem[e++] = (uint32_t)i;
		c->forced[j] = jk_test_rng(s) % 8 == 0;
	}
	c->start[c->nc] = e;
}

/* Weight newly covered by the set (bit mask) plus the forced ones. */
static double cover_value(const cinst *c, unsigned mask, int lscp, int *all)
{
	unsigned char cov[CD] = {0};
	size_t i, j, k;
	double v = 0;

	for (j = 0; j < c->nc; j++)
		if ((mask >> j & 1) || c->forced[j])
			for (k = c->start[j]; k < c->start[j + 1]; k++)
				cov[c->dem[k]] = 1;
	*all = 1;
	for (i = 0; i < c->nd; i++) {
		int need = !c->covered[i] && c->w[i] > 0;

		if (!need)
			continue;
		if (cov[i])
			v += lscp ? 1 : c->w[i];
		else {
			/* coverable at all? */
			int coverable = 0;

			for (j = 0; j < c->nc && !coverable; j++)
				for (k = c->start[j]; k < c->start[j + 1]; k++)
					if (c->dem[k] == i)
						coverable = 1;
			if (coverable)
				*all = 0;
		}
	}
	return v;
}

static int popcount(unsigned x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static void cover_run(const cinst *c, jk_cover_goal goal, size_t K, long node_limit,
		      int iters, uint64_t seed, int *n_proven, int *n_unproven)
{
	jk_cover_problem p = {0};
	jk_cover_result r;
	unsigned mask, got = 0;
	double opt = goal == JK_COVER_ALL ? INFINITY : 0, v, gsum = 0;
	size_t j, k;
	int all;

	p.n_demands = c->nd;
	p.n_candidates = c->nc;
	p.cov_start = c->start;
	p.cov_demand = c->dem;
	p.weight = c->w;
	p.covered = c->covered;
	p.forced = c->forced;
	p.goal = goal;
	p.budget = K;
	p.node_limit = node_limit;
	p.lagr_iters = iters;
	ck_assert_int_eq(jk_plan_cover(ctx, &p, &r), JK_OK);
	/* brute force over the non-forced candidates */
	for (mask = 0; mask < 1u << c->nc; mask++) {
		int forced_bit = 0;

		for (j = 0; j < c->nc; j++)
			forced_bit |= (mask >> j & 1) && c->forced[j];
		if (forced_bit)
			continue;
		v = cover_value(c, mask, goal == JK_COVER_ALL, &all);
		if (goal == JK_COVER_BUDGET && (size_t)popcount(mask) <= K && v > opt)
			opt = v;
		if (goal == JK_COVER_ALL && all && popcount(mask) < opt)
			opt = popcount(mask);
	}
	for (j = 0; j < c->nc; j++)
		if (r.open[j] && !c->forced[j])
			got |= 1u << j;
	for (k = 0; k < r.n_chosen; k++) {
		ck_assert(got >> r.ranked[k] & 1);
		gsum += r.gain[k];
		if (k > 0)
			ck_assert_msg(r.gain[k] <= r.gain[k - 1] + 1e-9, "seed %llu: gains "
				      "out of order", (unsigned long long)seed);
	}
	ck_assert_int_eq(popcount(got), (int)r.n_chosen);
	v = cover_value(c, got, goal == JK_COVER_ALL, &all);
	if (goal == JK_COVER_BUDGET) {
		double base = cover_value(c, 0, 0, &all);

		ck_assert_msg(r.n_chosen <= K, "seed %llu: %zu chosen for budget %zu",
			      (unsigned long long)seed, r.n_chosen, K);
		ck_assert_msg(fabs(v - r.value) < 1e-9, "seed %llu: value %g, the set "
			      "covers %g", (unsigned long long)seed, r.value, v);
		ck_assert_msg(fabs(gsum - (v - base)) < 1e-9, "seed %llu: gains",
			      (unsigned long long)seed);
		ck_assert_msg(r.bound >= opt - 1e-9, "seed %llu K %zu: bound %g below the "
			      "optimum %g", (unsigned long long)seed, K, r.bound, opt);
		ck_assert(r.value <= opt + 1e-9);
	} else {
		ck_assert_msg(all, "seed %llu: the LSCP answer leaves a coverable demand",
			      (unsigned long long)seed);
		ck_assert_double_eq(r.value, (double)r.n_chosen);
		ck_assert_msg(r.bound <= opt + 1e-9, "seed %llu: bound %g above the "
			      "optimum %g", (unsigned long long)seed, r.bound, opt);
		ck_assert(r.value >= opt);
	}
	if (r.optimal) {
		ck_assert_msg(fabs(r.value - opt) < 1e-9, "seed %llu: proven optimal %g, "
			      "the optimum is %g", (unsigned long long)seed, r.value, opt);
		ck_assert_double_eq(r.gap, 0);
		(*n_proven)++;
	} else {
		ck_assert(r.gap > 0);
		(*n_unproven)++;
	}
	/* the uncoverable demands: exactly those needing a cover and having none */
	{
		size_t i, q = 0;

		for (i = 0; i < c->nd; i++) {
			int any = 0;

			for (j = 0; j < c->nc; j++)
				for (k = c->start[j]; k < c->start[j + 1]; k++)
					any |= c->dem[k] == i && !c->forced[j];
			for (j = 0; j < c->nc; j++)
				for (k = c->start[j]; k < c->start[j + 1]; k++)
					any |= c->dem[k] == i && c->forced[j];
			if (!c->covered[i] && c->w[i] > 0 && !any) {
				ck_assert_uint_lt(q, r.n_uncoverable);
				ck_assert_uint_eq(r.uncoverable[q], i);
				q++;
			}
		}
		ck_assert_uint_eq(q, r.n_uncoverable);
	}
	jk_cover_result_release(&r);
}

START_TEST(cover_equals_brute_force)
{
	uint64_t seed;
	int proven = 0, unproven = 0;

	for (seed = 1; seed <= 600; seed++) {
		uint64_t s = seed * 104729;
		cinst c;
		size_t K;

		cinst_random(&c, &s);
		for (K = 0; K <= 4; K++)
			cover_run(&c, JK_COVER_BUDGET, K, 0, 0, seed, &proven, &unproven);
		cover_run(&c, JK_COVER_ALL, 0, 0, 0, seed, &proven, &unproven);
	}
	/* with the default effort, the small instances are all proven */
	ck_assert_int_eq(unproven, 0);
	ck_assert_int_gt(proven, 3000);
}
END_TEST

/* No branch-and-bound and few subgradient steps: the answers are
 * heuristic and the bounds must still hold. */
START_TEST(cover_bounds_hold_without_search)
{
	uint64_t seed;
	int proven = 0, unproven = 0;

	for (seed = 1; seed <= 600; seed++) {
		uint64_t s = seed * 15485863;
		cinst c;
		size_t K;

		cinst_random(&c, &s);
		for (K = 1; K <= 3; K++)
			cover_run(&c, JK_COVER_BUDGET, K, 1, 3, seed, &proven, &unproven);
		cover_run(&c, JK_COVER_ALL, 0, 1, 3, seed, &proven, &unproven);
	}
	/* some stay unproven, or the limits did nothing */
	ck_assert_int_gt(unproven, 10);
}
END_TEST

/* LSCP on instances where greedy is often not optimal (up to 16
 * candidates, 24 demands, coverage as bit masks so that brute force is
 * cheap): with the default effort every answer is the optimum; with no
 * search the bound still holds and stays below the optimum. */
START_TEST(lscp_equals_brute_force)
{
	uint64_t seed;
	int greedy_off = 0, unproven = 0;

	for (seed = 1; seed <= 400; seed++) {
		uint64_t s = seed * 1000003;
		size_t nd = (size_t)rint_in(&s, 6, 24), nc = (size_t)rint_in(&s, 4, 16), i, j, e = 0;
		size_t start[17];
		uint32_t dem[16 * 24], cmask[16] = {0}, need = 0, mask;
		int opt = 99, t;

		for (j = 0; j < nc; j++) {
			start[j] = e;
			for (i = 0; i < nd; i++)
				if (jk_test_rng(&s) % 100 < 22) {
					dem[e++] = (uint32_t)i;
					cmask[j] |= 1u << i;
				}
			need |= cmask[j];
		}
		start[nc] = e;
		for (mask = 0; mask < 1u << nc; mask++) {
			uint32_t got = 0;

			for (j = 0; j < nc; j++)
				if (mask >> j & 1)
					got |= cmask[j];
			if (got == need && popcount(mask) < opt)
				opt = popcount(mask);
		}
		for (t = 0; t < 2; t++) {
			jk_cover_problem p = {0};
			jk_cover_result r;
			uint32_t got = 0;

			p.n_demands = nd;
			p.n_candidates = nc;
			p.cov_start = start;
			p.cov_demand = dem;
			p.goal = JK_COVER_ALL;
			p.node_limit = t ? 1 : 0;
			p.lagr_iters = t ? 2 : 0;
			ck_assert_int_eq(jk_plan_cover(ctx, &p, &r), JK_OK);
			for (j = 0; j < nc; j++)
				if (r.open[j])
					got |= cmask[j];
			ck_assert_msg(got == need, "seed %llu: not a cover", (unsigned long long)seed);
			ck_assert_msg(r.bound <= opt, "seed %llu: bound %g above the optimum %d",
				      (unsigned long long)seed, r.bound, opt);
			ck_assert(r.value >= opt);
			if (t == 0)
				ck_assert_msg(r.value == opt && r.optimal, "seed %llu: %g, optimum %d",
					      (unsigned long long)seed, r.value, opt);
			else {
				greedy_off += r.value > opt;
				unproven += !r.optimal;
				if (r.optimal)
					ck_assert(r.value == opt);
			}
			jk_cover_result_release(&r);
		}
	}
	/* the instances are hard enough that the heuristic alone misses */
	ck_assert_int_gt(greedy_off, 2);
	ck_assert_int_gt(unproven, 10);
}
END_TEST

/* Reductions: a demand with one candidate forces it in the LSCP; a
 * candidate covering a subset of another's demands is dropped; two
 * separate groups are two components. */
START_TEST(cover_reductions)
{
	/* candidates: 0 {0,1}, 1 {1}, 2 {1,2}, 3 {3,4}, 4 {4} ; demand 5 none */
	size_t start[] = {0, 2, 3, 5, 7, 8};
	uint32_t dem[] = {0, 1, 1, 1, 2, 3, 4, 4};
	jk_cover_problem p = {0};
	jk_cover_result r;

	p.n_demands = 6;
	p.n_candidates = 5;
	p.cov_start = start;
	p.cov_demand = dem;
	p.goal = JK_COVER_ALL;
	ck_assert_int_eq(jk_plan_cover(ctx, &p, &r), JK_OK);
	ck_assert_double_eq(r.value, 3);
	ck_assert_int_eq(r.optimal, 1);
	ck_assert(r.open[0] && r.open[2] && r.open[3]);
	ck_assert_uint_eq(r.n_uncoverable, 1);
	ck_assert_uint_eq(r.uncoverable[0], 5);
	ck_assert_uint_eq(r.n_dominated, 2); /* 1 and 4 */
	ck_assert_uint_eq(r.n_forced_single, 3);
	jk_cover_result_release(&r);
	/* budget 1: the best one covers two */
	p.goal = JK_COVER_BUDGET;
	p.budget = 1;
	ck_assert_int_eq(jk_plan_cover(ctx, &p, &r), JK_OK);
	ck_assert_double_eq(r.value, 2);
	ck_assert_double_eq(r.bound, 2);
	ck_assert_uint_eq(r.n_components, 2);
	jk_cover_result_release(&r);
}
END_TEST

/* ==== p-median, p-center ============================================= */

enum { MN = 16, MM = 13 };

static double mbrute(const double *cost, const double *w, const double *o, size_t n,
		     size_t m, size_t P, int goal)
{
	unsigned mask;
	double best = INFINITY;

	for (mask = 0; mask < 1u << m; mask++) {
		size_t i, j;
		double v = 0;

		if ((size_t)popcount(mask) != P)
			continue;
		for (i = 0; i < n; i++) {
			double a = o ? o[i] : INFINITY;

			if (w[i] <= 0)
				continue;
			for (j = 0; j < m; j++)
				if ((mask >> j & 1) && cost[i * m + j] < a)
					a = cost[i * m + j];
			if (goal == JK_MEDIAN_SUM)
				v += w[i] * a;
			else if (a > v)
				v = a;
		}
		if (v < best)
			best = v;
	}
	return best;
}

static void median_cases(int goal, double enum_limit, int iters, int *proven, int *unproven)
{
	uint64_t seed;

	for (seed = 1; seed <= 300; seed++) {
		uint64_t s = seed * 2654435761u + (uint64_t)goal;
		size_t n = (size_t)rint_in(&s, 1, MN), m = (size_t)rint_in(&s, 1, MM), i, j, P;
		double cost[MN * MM], w[MN], o[MN];
		int with_open = seed % 2 == 0;

		for (i = 0; i < n; i++) {
			w[i] = (double)rint_in(&s, 0, 5);
			o[i] = jk_test_rng(&s) % 3 == 0 ? INFINITY : (double)rint_in(&s, 10, 60);
			for (j = 0; j < m; j++)
				cost[i * m + j] = jk_test_rng(&s) % 12 == 0 ? INFINITY
					: (double)rint_in(&s, 0, 50);
		}
		for (P = 1; P <= m && P <= 4; P++) {
			jk_median_problem p = {0};
			jk_median_result r;
			double opt = mbrute(cost, w, with_open ? o : NULL, n, m, P, goal), v = 0;

			p.n_clients = n;
			p.n_candidates = m;
			p.cost = cost;
			p.weight = w;
			p.open_cost = with_open ? o : NULL;
			p.goal = goal;
			p.p = P;
			p.enum_limit = enum_limit;
			p.lagr_iters = iters;
			ck_assert_int_eq(jk_plan_median(ctx, &p, &r), JK_OK);
			ck_assert_uint_eq(r.n_chosen, P);
			/* the value is that of the chosen set */
			{
				unsigned mask = 0;

				for (j = 0; j < P; j++)
					mask |= 1u << r.chosen[j];
				ck_assert_int_eq(popcount(mask), (int)P);
				for (i = 0; i < n; i++) {
					double a = with_open ? o[i] : INFINITY;

					if (w[i] <= 0)
						continue;
					for (j = 0; j < m; j++)
						if ((mask >> j & 1) && cost[i * m + j] < a)
							a = cost[i * m + j];
					if (goal == JK_MEDIAN_SUM)
						v += w[i] * a;
					else if (a > v)
						v = a;
				}
			}
			ck_assert_msg(v == r.value || (isinf(v) && isinf(r.value)),
				      "seed %llu p %zu: value %g, the set gives %g",
				      (unsigned long long)seed, P, r.value, v);
			ck_assert_msg(r.value >= opt || (isinf(opt) && isinf(r.value)),
				      "seed %llu: below the optimum", (unsigned long long)seed);
			ck_assert_msg(r.bound <= opt || (isinf(opt) && isinf(r.bound)),
				      "seed %llu p %zu goal %d: bound %g above the optimum %g",
				      (unsigned long long)seed, P, goal, r.bound, opt);
			if (r.optimal) {
				ck_assert_msg(r.value == opt || (isinf(opt) && isinf(r.value)),
					      "seed %llu p %zu goal %d: proven %g, optimum %g",
					      (unsigned long long)seed, P, goal, r.value, opt);
				(*proven)++;
			} else {
				(*unproven)++;
			}
			jk_median_result_release(&r);
		}
	}
}

START_TEST(median_equals_brute_force)
{
	int proven = 0, unproven = 0;

	/* enumeration (the default for these sizes): always exact */
	median_cases(JK_MEDIAN_SUM, 0, 0, &proven, &unproven);
	median_cases(JK_MEDIAN_MAX, 0, 0, &proven, &unproven);
	ck_assert_int_eq(unproven, 0);
	/* no enumeration: swaps, the Lagrangian and the cover bound */
	proven = unproven = 0;
	median_cases(JK_MEDIAN_SUM, 1, 0, &proven, &unproven);
	median_cases(JK_MEDIAN_MAX, 1, 0, &proven, &unproven);
	ck_assert_int_gt(proven, 500);
	/* few subgradient steps: bounds hold, some unproven */
	proven = unproven = 0;
	median_cases(JK_MEDIAN_SUM, 1, 2, &proven, &unproven);
	ck_assert_int_gt(unproven, 10);
	median_cases(JK_MEDIAN_SUM, 1, 25, &proven, &unproven);
}
END_TEST

START_TEST(median_curve_and_errors)
{
	/* four clients on a line at 0, 10, 20, 30; places at the same points */
	double cost[16], val[4], bnd[4];
	jk_median_problem p = {0};
	jk_median_result r;
	size_t i, j;

	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			cost[i * 4 + j] = 10.0 * fabs((double)i - (double)j);
	p.n_clients = 4;
	p.n_candidates = 4;
	p.cost = cost;
	p.goal = JK_MEDIAN_SUM;
	p.enum_limit = 1; /* no enumeration */
	ck_assert_int_eq(jk_plan_median_curve(ctx, &p, 4, val, bnd), JK_OK);
	ck_assert_double_eq(val[0], 40);
	ck_assert_double_eq(val[1], 20);
	ck_assert_double_eq(val[2], 10);
	ck_assert_double_eq(val[3], 0);
	for (i = 0; i < 4; i++)
		ck_assert(bnd[i] <= val[i]);
	p.p = 0;
	ck_assert_int_eq(jk_plan_median(ctx, &p, &r), JK_ERR_ARG);
	p.p = 5;
	ck_assert_int_eq(jk_plan_median(ctx, &p, &r), JK_ERR_ARG);
	p.p = 2;
	cost[3] = NAN;
	ck_assert_int_eq(jk_plan_median(ctx, &p, &r), JK_ERR_ARG);
	ck_assert_ptr_null(r.chosen);
}
END_TEST

static Suite *plan_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, assign_equals_brute_force);
	tcase_add_test(tc, assign_most_placed_first);
	tcase_add_test(tc, assign_errors);
	tcase_add_test(tc, assign_sparse_equals_dense);
	tcase_add_test(tc, cover_equals_brute_force);
	tcase_add_test(tc, cover_bounds_hold_without_search);
	tcase_add_test(tc, lscp_equals_brute_force);
	tcase_add_test(tc, cover_reductions);
	tcase_add_test(tc, median_equals_brute_force);
	tcase_add_test(tc, median_curve_and_errors);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(plan_suite());
}
