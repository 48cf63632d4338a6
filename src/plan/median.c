/* SPDX-License-Identifier: MIT */
/*
 * Where Pos Bapas go (`jangkau plan pos`): p-median and p-center over a
 * dense client x place cost matrix, with places that are open already
 * (the Bapas office), a value, a true lower bound and a proof flag.
 *
 * A cost of INFINITY (a place a client cannot reach) becomes BIG inside,
 * a finite cost above every sum of real costs, so that the arithmetic
 * stays finite; a value or bound at or above BIG is reported as INFINITY
 * (some client would be left without any reachable office). A bound of
 * the BIG problem below BIG is a bound of the real one, whose objective
 * is never smaller.
 *
 * p-median: greedy (the place that saves most, p times), then Whitaker's
 * fast interchange with the Resende-Werneck bookkeeping: per client its
 * nearest and second nearest open place, so that the best swap (one in,
 * one out) over all pairs costs one pass over the matrix. The lower bound
 * is the Lagrangian of the assignment constraints (multipliers u per
 * client): L(u) = sum u_i + sum_i min(0, w_i o_i - u_i) + the p most
 * negative rho_j = sum_i min(0, w_i c_ij - u_i), maximised by subgradient
 * steps; with integer costs and weights it is rounded up. When C(m, p) x n
 * is small the sets are enumerated and the answer is exact.
 *
 * p-center: greedy and swaps on the largest cost; the bound and the proof
 * come from coverage: a radius r is feasible when p places cover every
 * client not already within r of an open place, which is an LSCP
 * (jk_plan_cover). A binary search over the distinct costs keeps the
 * lowest radius proven infeasible (its LSCP lower bound above p; every
 * smaller radius is then infeasible too, as covering with a smaller
 * radius is harder) and the lowest feasible one found; when they meet,
 * the answer is proven optimal.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

typedef struct inst {
	size_t n, m, p;
	double *c;      /* n x m, INFINITY replaced by BIG */
	double *w;
	double *o;      /* open cost, BIG when none */
	double big;
	int integer;
	int goal;
} inst;

typedef struct state {
	double *d1, *d2;
	long *f1;       /* nearest chosen place, -1 the open one */
	uint32_t *sol;
	unsigned char *in;
} state;

static void assign_all(const inst *I, state *S)
{
	size_t i, k;

	for (i = 0; i < I->n; i++) {
		double a = I->o[i], b = I->big * 4;
		long fa = -1;

		for (k = 0; k < I->p; k++) {
			double c = I->c[i * I->m + S->sol[k]];

			if (c < a) {
				b = a;
				a = c;
				fa = (long)S->sol[k];
			} else if (c < b) {
				b = c;
			}
		}
		S->d1[i] = a;
		S->d2[i] = b;
		S->f1[i] = fa;
	}
}

static double objective(const inst *I, const state *S)
{
	double v = 0;
	size_t i;

	for (i = 0; i < I->n; i++) {
		if (I->w[i] <= 0)
			continue;
		if (I->goal == JK_MEDIAN_SUM)
			v += I->w[i] * S->d1[i];
		else if (S->d1[i] > v)
			v = S->d1[i];
	}
	return v;
}

/* Objective of the set sol[0..p) without the state (enumeration). */
static double eval_set(const inst *I, const uint32_t *sol)
{
	double v = 0;
	size_t i, k;

	for (i = 0; i < I->n; i++) {
		double a = I->o[i];

		if (I->w[i] <= 0)
			continue;
		for (k = 0; k < I->p; k++)
			if (I->c[i * I->m + sol[k]] < a)
				a = I->c[i * I->m + sol[k]];
		if (I->goal == JK_MEDIAN_SUM)
			v += I->w[i] * a;
		else if (a > v)
			v = a;
	}
	return v;
}

static void greedy(const inst *I, state *S)
{
	size_t i, j, t;

	for (i = 0; i < I->n; i++)
		S->d1[i] = I->o[i];
	for (t = 0; t < I->p; t++) {
		double best = INFINITY;
		size_t bj = 0;

		for (j = 0; j < I->m; j++) {
			double v = 0;

			if (S->in[j])
				continue;
			for (i = 0; i < I->n; i++) {
				double c = I->c[i * I->m + j], a = S->d1[i] < c ? S->d1[i] : c;

				if (I->w[i] <= 0)
					continue;
				if (I->goal == JK_MEDIAN_SUM)
					v += I->w[i] * a;
				else if (a > v)
					v = a;
			}
			if (v < best) {
				best = v;
				bj = j;
			}
		}
		S->sol[t] = (uint32_t)bj;
		S->in[bj] = 1;
		for (i = 0; i < I->n; i++)
			if (I->c[i * I->m + bj] < S->d1[i])
				S->d1[i] = I->c[i * I->m + bj];
	}
	assign_all(I, S);
}

/* Makes the swap found: place @p bj in, the place at position @p bk of
 * the solution out, and every client to its nearest open place. */
static void swap_apply(const inst *I, state *S, size_t bj, size_t bk)
{
	S->in[S->sol[bk]] = 0;
	S->sol[bk] = (uint32_t)bj;
	S->in[bj] = 1;
	assign_all(I, S);
}

/* Best-improvement swaps for the p-median (fast interchange). pos[j] is
 * the position of chosen place j in sol; loss, delta hold p doubles. */
static void swaps_sum(const inst *I, state *S, size_t *pos, double *loss, double *delta)
{
	size_t i, j, k;
	int pass;

	for (pass = 0; pass < 10000; pass++) {
		double cur = objective(I, S), best = 1e-9 * (1 + cur);
		size_t bj = 0, bk = 0;
		int found = 0;

		for (k = 0; k < I->p; k++) {
			pos[S->sol[k]] = k;
			loss[k] = 0;
		}
		for (i = 0; i < I->n; i++)
			if (S->f1[i] >= 0 && I->w[i] > 0)
				loss[pos[S->f1[i]]] += I->w[i] * (S->d2[i] - S->d1[i]);
		for (j = 0; j < I->m; j++) {
			double gain = 0;
			const double *cj = I->c + j;

			if (S->in[j])
				continue;
			for (k = 0; k < I->p; k++)
				delta[k] = 0;
			for (i = 0; i < I->n; i++) {
				double w = I->w[i], c = cj[i * I->m];

				if (w <= 0 || c >= S->d2[i])
					continue;
				if (c < S->d1[i]) {
					gain += w * (S->d1[i] - c);
					if (S->f1[i] >= 0)
						delta[pos[S->f1[i]]] += w * (S->d2[i] - S->d1[i]);
				} else if (S->f1[i] >= 0) {
					delta[pos[S->f1[i]]] += w * (S->d2[i] - c);
				}
			}
			for (k = 0; k < I->p; k++) {
				double prof = gain - loss[k] + delta[k];

				if (prof > best) {
					best = prof;
					bj = j;
					bk = k;
					found = 1;
				}
			}
		}
		if (!found)
			break;
		swap_apply(I, S, bj, bk);
	}
}

/* Best-improvement swaps for the p-center. */
static void swaps_max(const inst *I, state *S)
{
	size_t i, j, k;
	int pass;

	for (pass = 0; pass < 10000; pass++) {
		double best = objective(I, S);
		size_t bj = 0, bk = 0;
		int found = 0;

		for (j = 0; j < I->m; j++) {
			if (S->in[j])
				continue;
			for (k = 0; k < I->p; k++) {
				double v = 0;

				for (i = 0; i < I->n && v < best; i++) {
					double c = I->c[i * I->m + j];
					double a = S->f1[i] == (long)S->sol[k] ? S->d2[i] : S->d1[i];

					if (I->w[i] <= 0)
						continue;
					if (c < a)
						a = c;
					if (a > v)
						v = a;
				}
				if (v < best) {
					best = v;
					bj = j;
					bk = k;
					found = 1;
				}
			}
		}
		if (!found)
			break;
		swap_apply(I, S, bj, bk);
	}
}

static int cmp_dbl(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

/* The Lagrangian lower bound of the p-median (see the top). u, g, rho
 * scratch of n, n, m doubles. */
static double median_lagr(const inst *I, const state *S, double ub, int iters,
			  double *u, double *g, double *rho, double *tmp)
{
	double best = -INFINITY, theta = 2.0;
	size_t i, j, k;
	int it, stall = 0;

	for (i = 0; i < I->n; i++)
		u[i] = I->w[i] * S->d1[i];
	for (it = 0; it < iters; it++) {
		double L = 0, nrm = 0, thr;
		size_t below = 0, ties = 0;

		for (i = 0; i < I->n; i++) {
			double z = I->w[i] * I->o[i] - u[i];

			L += u[i];
			g[i] = 1;
			if (z < 0) {
				L += z;
				g[i] = 0;
			}
		}
		for (j = 0; j < I->m; j++)
			rho[j] = 0;
		for (i = 0; i < I->n; i++) {
			const double *ci = I->c + i * I->m;
			double wi = I->w[i], ui = u[i];

			for (j = 0; j < I->m; j++) {
				double v = wi * ci[j] - ui;

				if (v < 0)
					rho[j] += v;
			}
		}
		memcpy(tmp, rho, I->m * sizeof *tmp);
		qsort(tmp, I->m, sizeof *tmp, cmp_dbl);
		for (k = 0; k < I->p; k++)
			L += tmp[k];
		thr = tmp[I->p - 1];
		if (it == 0 || L > best + 1e-12 * (1 + fabs(best))) {
			best = L;
			stall = 0;
		} else if (++stall >= 20) {
			theta /= 2;
			stall = 0;
		}
		if ((I->integer ? ceil(best - 1e-6) : best) >= ub - 1e-9 * (1 + ub) || theta < 1e-5)
			break;
		/* subgradient: 1 - z_i - sum over the chosen j of x_ij */
		for (j = 0; j < I->m; j++)
			below += rho[j] < thr;
		for (j = 0; j < I->m; j++) {
			int take = rho[j] < thr || (rho[j] == thr && ties < I->p - below);

			if (rho[j] == thr && take)
				ties++;
			if (!take)
				continue;
			for (i = 0; i < I->n; i++)
				if (I->w[i] * I->c[i * I->m + j] < u[i])
					g[i] -= 1;
		}
		for (i = 0; i < I->n; i++)
			nrm += g[i] * g[i];
		if (nrm == 0)
			break;
		{
			double step = theta * (ub - L) / nrm;

			for (i = 0; i < I->n; i++)
				u[i] += step * g[i];
		}
	}
	if (I->integer)
		best = ceil(best - 1e-6);
	return best;
}

/* log(C(m, p)) */
static double log_choose(size_t m, size_t p)
{
	return lgamma((double)m + 1) - lgamma((double)p + 1) - lgamma((double)(m - p) + 1);
}

/* Every p-subset; the best into S->sol. */
static void enumerate(const inst *I, state *S, uint32_t *idx)
{
	size_t k, p = I->p;
	double best = objective(I, S);

	for (k = 0; k < p; k++)
		idx[k] = (uint32_t)k;
	for (;;) {
		double v = eval_set(I, idx);

		if (v < best) {
			best = v;
			for (k = 0; k < p; k++)
				S->in[S->sol[k]] = 0;
			memcpy(S->sol, idx, p * sizeof *idx);
			for (k = 0; k < p; k++)
				S->in[S->sol[k]] = 1;
		}
		/* next combination */
		k = p;
		while (k > 0 && idx[k - 1] == I->m - p + k - 1)
			k--;
		if (k == 0)
			break;
		idx[k - 1]++;
		for (; k < p; k++)
			idx[k] = idx[k - 1] + 1;
	}
	assign_all(I, S);
}

/* p-center bound and proof by coverage (see the top). Improves S when a
 * cover gives a better set. Returns the lower bound, or -1 when out of
 * memory. */
static double center_bound(jk_ctx *ctx, const inst *I, state *S, int *optimal)
{
	size_t n = I->n, m = I->m, i, j, nv = 0, lo, hi, e;
	double *vals = malloc((n * m + n + 1) * sizeof *vals), triv = 0, res = -1;
	size_t *cs = malloc((m + 1) * sizeof *cs);
	uint32_t *cd = malloc((n * m > 0 ? n * m : 1) * sizeof *cd);
	unsigned char *cov = malloc(n ? n : 1);
	double cur = objective(I, S);

	*optimal = 0;
	if (!vals || !cs || !cd || !cov)
		goto done;
	for (i = 0; i < n; i++) {
		double a = I->o[i];

		if (I->w[i] <= 0)
			continue;
		for (j = 0; j < m; j++) {
			if (I->c[i * m + j] < a)
				a = I->c[i * m + j];
			if (I->c[i * m + j] <= cur)
				vals[nv++] = I->c[i * m + j];
		}
		if (I->o[i] <= cur)
			vals[nv++] = I->o[i];
		if (a > triv)
			triv = a; /* no set serves client i better than a */
	}
	vals[nv++] = cur;
	qsort(vals, nv, sizeof *vals, cmp_dbl);
	for (i = 1, e = 1; i < nv; i++)
		if (vals[i] != vals[e - 1])
			vals[e++] = vals[i];
	nv = e;
	for (lo = 0; lo < nv && vals[lo] < triv; lo++)
		;
	for (hi = lo; hi < nv && vals[hi] < cur; hi++)
		;
	res = vals[lo];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		double r = vals[mid];
		jk_cover_problem cp;
		jk_cover_result cr;
		int rc;

		memset(&cp, 0, sizeof cp);
		for (i = 0; i < n; i++)
			cov[i] = I->w[i] <= 0 || I->o[i] <= r;
		e = 0;
		cs[0] = 0;
		for (j = 0; j < m; j++) {
			for (i = 0; i < n; i++)
				if (!cov[i] && I->c[i * m + j] <= r)
					cd[e++] = (uint32_t)i;
			cs[j + 1] = e;
		}
		cp.n_demands = n;
		cp.n_candidates = m;
		cp.cov_start = cs;
		cp.cov_demand = cd;
		cp.covered = cov;
		cp.goal = JK_COVER_ALL;
		rc = jk_plan_cover(ctx, &cp, &cr);
		if (rc != JK_OK)
			goto done;
		if (cr.n_uncoverable > 0 || cr.bound > (double)I->p) {
			lo = mid + 1; /* proven infeasible, and so is every smaller r */
			res = vals[lo];
		} else if (cr.value <= (double)I->p) {
			/* feasible: the cover, filled up to p places */
			size_t k = 0;

			for (j = 0; j < I->p; j++)
				S->in[S->sol[j]] = 0;
			for (j = 0; j < m && k < I->p; j++)
				if (cr.open[j])
					S->sol[k++] = (uint32_t)j;
			for (j = 0; j < m && k < I->p; j++)
				if (!cr.open[j])
					S->sol[k++] = (uint32_t)j;
			for (j = 0; j < I->p; j++)
				S->in[S->sol[j]] = 1;
			assign_all(I, S);
			hi = mid;
		} else {
			jk_cover_result_release(&cr);
			break; /* undecided: the bound stays at vals[lo] */
		}
		jk_cover_result_release(&cr);
	}
	if (lo >= hi)
		*optimal = 1;
done:
	free(vals);
	free(cs);
	free(cd);
	free(cov);
	return res;
}

void jk_median_result_release(jk_median_result *r)
{
	if (!r)
		return;
	free(r->chosen);
	free(r->assigned);
	memset(r, 0, sizeof *r);
}

int jk_plan_median(jk_ctx *ctx, const jk_median_problem *p, jk_median_result *out)
{
	size_t n = p->n_clients, m = p->n_candidates, i, j;
	double enum_limit = p->enum_limit > 0 ? p->enum_limit : 2e7, maxc = 0, sw = 0;
	int iters = p->lagr_iters > 0 ? p->lagr_iters : 400, rc = JK_OK;
	inst I;
	state S;
	double *sc1 = NULL, *sc2 = NULL, *sc3 = NULL, *sc4 = NULL;
	size_t *pos = NULL;
	uint32_t *idx = NULL;

	memset(out, 0, sizeof *out);
	memset(&I, 0, sizeof I);
	memset(&S, 0, sizeof S);
	if (p->p == 0 || p->p > m)
		return jk_error(ctx, JK_ERR_ARG, "cannot choose %zu of %zu places", p->p, m);
	I.n = n;
	I.m = m;
	I.p = p->p;
	I.goal = p->goal;
	I.integer = 1;
	I.c = malloc((n * m > 0 ? n * m : 1) * sizeof *I.c);
	I.w = malloc((n ? n : 1) * sizeof *I.w);
	I.o = malloc((n ? n : 1) * sizeof *I.o);
	S.d1 = malloc((n ? n : 1) * sizeof *S.d1);
	S.d2 = malloc((n ? n : 1) * sizeof *S.d2);
	S.f1 = malloc((n ? n : 1) * sizeof *S.f1);
	S.sol = malloc(I.p * sizeof *S.sol);
	S.in = calloc(m, 1);
	sc1 = malloc((n + m + 1) * sizeof *sc1);
	sc2 = malloc((n + m + 1) * sizeof *sc2);
	sc3 = malloc((n + m + 1) * sizeof *sc3);
	sc4 = malloc((n + m + 1) * sizeof *sc4);
	pos = malloc(m * sizeof *pos);
	idx = malloc(I.p * sizeof *idx);
	out->chosen = malloc(I.p * sizeof *out->chosen);
	out->assigned = malloc((n ? n : 1) * sizeof *out->assigned);
	if (!I.c || !I.w || !I.o || !S.d1 || !S.d2 || !S.f1 || !S.sol || !S.in || !sc1 ||
	    !sc2 || !sc3 || !sc4 || !pos || !idx || !out->chosen || !out->assigned) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory for %zu x %zu costs", n, m);
		goto cleanup;
	}
	for (i = 0; i < n; i++) {
		double w = p->weight ? p->weight[i] : 1.0, o = p->open_cost ? p->open_cost[i] : INFINITY;

		if (!(w >= 0) || isinf(w) || isnan(o) || o < 0) {
			rc = jk_error(ctx, JK_ERR_ARG, "client %zu: weight or open cost is "
				      "negative or not a number", i);
			goto cleanup;
		}
		I.w[i] = w;
		sw += w;
		if (w != floor(w))
			I.integer = 0;
		if (!isinf(o) && o > maxc)
			maxc = o;
		if (!isinf(o) && o != floor(o))
			I.integer = 0;
		for (j = 0; j < m; j++) {
			double c = p->cost[i * m + j];

			if (!(c >= 0)) {
				rc = jk_error(ctx, JK_ERR_ARG, "client %zu, place %zu: cost is "
					      "negative or not a number", i, j);
				goto cleanup;
			}
			if (!isinf(c) && c > maxc)
				maxc = c;
			if (!isinf(c) && c != floor(c))
				I.integer = 0;
		}
	}
	/* BIG: more than any sum of real costs */
	I.big = (maxc + 1) * (p->goal == JK_MEDIAN_SUM ? sw + 1 : 1) * 2;
	if (I.integer)
		I.big = ceil(I.big);
	for (i = 0; i < n; i++) {
		double o = p->open_cost ? p->open_cost[i] : INFINITY;

		I.o[i] = isinf(o) ? I.big : o;
		for (j = 0; j < m; j++) {
			double c = p->cost[i * m + j];

			I.c[i * m + j] = isinf(c) ? I.big : c;
		}
	}

	greedy(&I, &S);
	if (I.goal == JK_MEDIAN_SUM)
		swaps_sum(&I, &S, pos, sc1, sc2);
	else
		swaps_max(&I, &S);
	out->value = objective(&I, &S);
	if (log_choose(m, I.p) + log((double)(n ? n : 1)) <= log(enum_limit)) {
		enumerate(&I, &S, idx);
		out->value = objective(&I, &S);
		out->bound = out->value;
		out->optimal = 1;
	} else if (I.goal == JK_MEDIAN_SUM) {
		out->bound = median_lagr(&I, &S, out->value, iters, sc1, sc2, sc3, sc4);
		if (out->bound >= out->value - 1e-9 * (1 + out->value)) {
			out->bound = out->value;
			out->optimal = 1;
		}
	} else {
		int opt;
		double b = center_bound(ctx, &I, &S, &opt);

		if (b < 0) {
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory bounding the p-center");
			goto cleanup;
		}
		out->value = objective(&I, &S);
		out->bound = opt ? out->value : b;
		out->optimal = opt;
	}
	if (out->value >= I.big)
		out->value = INFINITY;
	if (out->bound >= I.big)
		out->bound = INFINITY;
	if (out->bound > out->value)
		out->bound = out->value;
	out->gap = isinf(out->value) ? (isinf(out->bound) ? 0 : INFINITY)
		 : (out->value - out->bound) / (out->value > 1e-12 ? out->value : 1e-12);
	if (out->gap <= 1e-12) {
		out->gap = 0;
		out->optimal = 1;
	}
	memcpy(out->chosen, S.sol, I.p * sizeof *S.sol);
	out->n_chosen = I.p;
	for (i = 0; i < n; i++)
		out->assigned[i] = S.f1[i];

cleanup:
	free(I.c);
	free(I.w);
	free(I.o);
	free(S.d1);
	free(S.d2);
	free(S.f1);
	free(S.sol);
	free(S.in);
	free(sc1);
	free(sc2);
	free(sc3);
	free(sc4);
	free(pos);
	free(idx);
	if (rc != JK_OK)
		jk_median_result_release(out);
	return rc;
}

int jk_plan_median_curve(jk_ctx *ctx, const jk_median_problem *p, size_t max_p,
			 double *value, double *bound)
{
	jk_median_problem q = *p;
	size_t k;

	for (k = 1; k <= max_p; k++) {
		jk_median_result r;
		int rc;

		q.p = k;
		rc = jk_plan_median(ctx, &q, &r);
		if (rc != JK_OK)
			return rc;
		value[k - 1] = r.value;
		bound[k - 1] = r.bound;
		jk_median_result_release(&r);
	}
	return JK_OK;
}
