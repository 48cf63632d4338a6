/* SPDX-License-Identifier: MIT */
/*
 * Which candidate sites to make ready or add (`jangkau plan sites`): the
 * maximal covering problem with a budget (MCLP) and the location set
 * covering problem (LSCP), with a value, a true bound and a proof flag.
 *
 * Reductions, valid for both unless said:
 * - demands already covered, of weight 0, or covered by a forced
 *   candidate leave; demands no candidate covers are reported and leave;
 * - a candidate whose demands are a subset of another's (equal sets: the
 *   higher index) is dominated and dropped: swapping it for its dominator
 *   never covers less, so some optimum avoids it;
 * - LSCP only: a demand whose candidates include all of another
 *   demand's is implied by it and leaves (equal sets: the higher index);
 *   a demand with one candidate left forces it (every cover holds it);
 *   all of these repeated until nothing changes;
 * - the coverage graph splits into independent components (union-find
 *   over candidates sharing a demand).
 *
 * LSCP is solved per component, since the fewest candidates of the whole
 * is the sum over components: lazy greedy, redundant candidates removed,
 * a Lagrangian lower bound (cover constraints relaxed with multipliers
 * u >= 0: L(u) = sum u_d + sum_j min(0, 1 - sum_{d in j} u_d), maximised
 * by subgradient steps; every L(u) is a lower bound, rounded up as counts
 * are integers) with the Lagrangian heuristic (every third step a cover
 * from the candidates of negative reduced cost, completed by least
 * reduced cost and cleaned of redundant ones), and, for components of at
 * most 400 candidates, branch-and-bound while the bound leaves a gap
 * (branch on the uncovered demand with the fewest candidates; bound = the
 * count so far plus a packing of uncovered demands whose candidate sets
 * are disjoint, each needing its own candidate). A component whose search
 * ends within the node limit is proven optimal.
 *
 * MCLP couples the components through the budget and is solved whole:
 * lazy greedy (coverage is submodular, so a stale gain is an upper bound
 * on the fresh one), then swaps (one in, one out, best improvement,
 * computed for all pairs in one pass over the arcs with each demand's
 * count of open coverers and, when one, which). The upper bound is the
 * Lagrangian of the coverage constraints y_d <= sum_{j in d} x_j with
 * multipliers l >= 0: L(l) = sum_d max(0, w_d - l_d) + the sum of the K
 * largest candidate scores sum_{d in j} l_d, minimised by subgradient
 * steps (its best equals the LP bound); the K of each step are a feasible
 * set too, and the best of them, when it beats the greedy, is improved
 * by swaps in turn. With at most 2,000 candidates a
 * branch-and-bound (include/exclude in greedy order, bound = value so far
 * plus the K - k largest marginal gains, valid by submodularity) proves
 * the optimum within the node limit. With integer weights the bound is
 * rounded down.
 *
 * The ranked list orders the chosen set by marginal gain: each next
 * candidate is the one that adds the most to those before it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "plan.h"

/* The reduced instance: active demands and candidates renumbered, both
 * directions in CSR form. */
typedef struct red {
	size_t nd, nc;
	uint32_t *d_orig;   /* nd: original demand index */
	uint32_t *c_orig;   /* nc: original candidate index */
	double *w;          /* nd */
	size_t *cs;         /* nc + 1 */
	uint32_t *cd;       /* candidate -> demands */
	size_t *ds;         /* nd + 1 */
	uint32_t *dc;       /* demand -> candidates */
} red;

static void red_release(red *r)
{
	free(r->d_orig);
	free(r->c_orig);
	free(r->w);
	free(r->cs);
	free(r->cd);
	free(r->ds);
	free(r->dc);
	memset(r, 0, sizeof *r);
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* Builds the transpose (demand -> candidates) of r->cs/cd. */
static int red_transpose(red *r)
{
	size_t j, k;

	free(r->ds);
	free(r->dc);
	r->ds = calloc(r->nd + 1, sizeof *r->ds);
	r->dc = malloc((r->cs[r->nc] ? r->cs[r->nc] : 1) * sizeof *r->dc);
	if (!r->ds || !r->dc)
		return -1;
	for (k = 0; k < r->cs[r->nc]; k++)
		r->ds[r->cd[k] + 1]++;
	for (k = 0; k < r->nd; k++)
		r->ds[k + 1] += r->ds[k];
	{
		size_t *pos = malloc((r->nd ? r->nd : 1) * sizeof *pos);

		if (!pos)
			return -1;
		memcpy(pos, r->ds, r->nd * sizeof *pos);
		for (j = 0; j < r->nc; j++)
			for (k = r->cs[j]; k < r->cs[j + 1]; k++)
				r->dc[pos[r->cd[k]]++] = (uint32_t)j;
		free(pos);
	}
	return 0;
}

/*
 * Rebuilds @p r keeping the demands with dkeep[d] and the candidates with
 * ckeep[j] that still cover a kept demand. Arrays indexed by the old
 * numbering.
 */
static int red_filter(red *r, const unsigned char *dkeep, const unsigned char *ckeep)
{
	red n;
	uint32_t *dmap = malloc((r->nd ? r->nd : 1) * sizeof *dmap);
	size_t d, j, k, e = 0;
	int rc = -1;

	memset(&n, 0, sizeof n);
	if (!dmap)
		return -1;
	n.d_orig = malloc((r->nd ? r->nd : 1) * sizeof *n.d_orig);
	n.w = malloc((r->nd ? r->nd : 1) * sizeof *n.w);
	n.c_orig = malloc((r->nc ? r->nc : 1) * sizeof *n.c_orig);
	n.cs = malloc((r->nc + 1) * sizeof *n.cs);
	n.cd = malloc((r->cs[r->nc] ? r->cs[r->nc] : 1) * sizeof *n.cd);
	if (!n.d_orig || !n.w || !n.c_orig || !n.cs || !n.cd)
		goto done;
	for (d = 0; d < r->nd; d++) {
		dmap[d] = UINT32_MAX;
		if (dkeep[d]) {
			dmap[d] = (uint32_t)n.nd;
			n.d_orig[n.nd] = r->d_orig[d];
			n.w[n.nd++] = r->w[d];
		}
	}
	n.cs[0] = 0;
	for (j = 0; j < r->nc; j++) {
		size_t e0 = e;

		if (!ckeep[j])
			continue;
		for (k = r->cs[j]; k < r->cs[j + 1]; k++)
			if (dmap[r->cd[k]] != UINT32_MAX)
				n.cd[e++] = dmap[r->cd[k]];
		if (e == e0)
			continue;
		n.c_orig[n.nc++] = r->c_orig[j];
		n.cs[n.nc] = e;
	}
	red_release(r);
	*r = n;
	memset(&n, 0, sizeof n);
	rc = red_transpose(r);
done:
	red_release(&n);
	free(dmap);
	return rc;
}

/*
 * Subset dominance in a family of sets: set a (items it[is[a] ..
 * is[a+1]), elements < ne, with the transpose es/et) is compared with
 * every set b sharing a's rarest element. When a's elements are a subset
 * of b's (equal sets: a has the higher index), the subset a is marked
 * (drop_superset 0: candidates, whose subset is worse) or the superset b
 * is (drop_superset 1: LSCP demands, whose superset is implied). Returns
 * how many were marked, or -1 when out of memory.
 */
static long dominated(size_t na, const size_t *is, const uint32_t *it, size_t ne,
		      const size_t *es, const uint32_t *et, unsigned char *drop,
		      int drop_superset)
{
	uint32_t *mark = malloc((ne ? ne : 1) * sizeof *mark);
	size_t a, k, t;
	long n = 0;

	if (!mark)
		return -1;
	for (k = 0; k < ne; k++)
		mark[k] = UINT32_MAX;
	for (a = 0; a < na; a++) {
		size_t sa = is[a + 1] - is[a], best = SIZE_MAX;
		uint32_t emin = 0;

		if (sa == 0 || (!drop_superset && drop[a]))
			continue;
		for (k = is[a]; k < is[a + 1]; k++) {
			size_t deg = es[it[k] + 1] - es[it[k]];

			if (deg < best) {
				best = deg;
				emin = it[k];
			}
		}
		if (best <= 1)
			continue;
		for (t = es[emin]; t < es[emin + 1]; t++) {
			uint32_t b = et[t];
			size_t sb = is[b + 1] - is[b], q;
			int sub = 1;

			if (b == a || sb < sa || (drop_superset && drop[b]))
				continue;
			if (sb == sa && (drop_superset ? b < a : b > a))
				continue; /* equal sets: only the higher index goes */
			for (q = is[b]; q < is[b + 1]; q++)
				mark[it[q]] = b;
			for (q = is[a]; q < is[a + 1]; q++)
				if (mark[it[q]] != b) {
					sub = 0;
					break;
				}
			if (!sub)
				continue;
			n++;
			if (drop_superset) {
				drop[b] = 1;
			} else {
				drop[a] = 1;
				break;
			}
		}
	}
	free(mark);
	return n;
}

/* ---- union-find -------------------------------------------------- */

static uint32_t uf_find(uint32_t *par, uint32_t x)
{
	while (par[x] != x) {
		par[x] = par[par[x]];
		x = par[x];
	}
	return x;
}

/* ---- LSCP on one component ------------------------------------------ */

/* A component: its candidates and demands (reduced numbering). */
typedef struct comp {
	uint32_t *cand;
	size_t nc;
	uint32_t *dem;
	size_t nd;
} comp;

typedef struct bb {
	const red *r;
	const comp *C;
	int *cnt;            /* per demand: chosen coverers */
	unsigned char *excl; /* per candidate: excluded in this branch */
	uint32_t *stack;     /* chosen so far */
	size_t depth;
	uint32_t *best;
	size_t best_n;
	long nodes, limit;
	int aborted;
	uint32_t *stamp;     /* per candidate, for the packing bound */
	uint32_t stamp_id;
} bb;

/* A lower bound on the candidates still needed: uncovered demands whose
 * candidate sets (non-excluded) are pairwise disjoint each need one. */
static size_t pack_bound(bb *B)
{
	const red *r = B->r;
	size_t n = 0, i, k;

	B->stamp_id++;
	for (i = 0; i < B->C->nd; i++) {
		uint32_t d = B->C->dem[i];
		int clash = 0;

		if (B->cnt[d])
			continue;
		for (k = r->ds[d]; k < r->ds[d + 1]; k++)
			if (!B->excl[r->dc[k]] && B->stamp[r->dc[k]] == B->stamp_id) {
				clash = 1;
				break;
			}
		if (clash)
			continue;
		for (k = r->ds[d]; k < r->ds[d + 1]; k++)
			B->stamp[r->dc[k]] = B->stamp_id;
		n++;
	}
	return n;
}

static void bb_rec(bb *B)
{
	const red *r = B->r;
	size_t i, k, best = SIZE_MAX, navail;
	uint32_t dpick = UINT32_MAX;
	uint32_t opts[64];
	size_t no = 0;

	if (B->aborted)
		return;
	if (++B->nodes > B->limit) {
		B->aborted = 1;
		return;
	}
	/* the uncovered demand with fewest available candidates */
	for (i = 0; i < B->C->nd; i++) {
		uint32_t d = B->C->dem[i];

		if (B->cnt[d])
			continue;
		navail = 0;
		for (k = r->ds[d]; k < r->ds[d + 1]; k++)
			navail += !B->excl[r->dc[k]];
		if (navail < best) {
			best = navail;
			dpick = d;
		}
	}
	if (dpick == UINT32_MAX) {
		if (B->depth < B->best_n) {
			B->best_n = B->depth;
			memcpy(B->best, B->stack, B->depth * sizeof *B->stack);
		}
		return;
	}
	if (best == 0)
		return; /* infeasible branch */
	if (B->depth + pack_bound(B) >= B->best_n)
		return;
	for (k = r->ds[dpick]; k < r->ds[dpick + 1] && no < 64; k++)
		if (!B->excl[r->dc[k]])
			opts[no++] = r->dc[k];
	if (no == 64) { /* too wide to branch on safely: give up the proof */
		B->aborted = 1;
		return;
	}
	for (i = 0; i < no && !B->aborted; i++) {
		uint32_t c = opts[i];

		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			B->cnt[r->cd[k]]++;
		B->stack[B->depth++] = c;
		bb_rec(B);
		B->depth--;
		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			B->cnt[r->cd[k]]--;
		B->excl[c] = 1;
	}
	for (i = 0; i < no; i++)
		B->excl[opts[i]] = 0;
}

/* Greedy cover of a component into sol (count returned), redundant
 * candidates removed. cnt is zero on entry and on return. */
static size_t lscp_greedy(const red *r, const comp *C, int *cnt, uint32_t *sol,
			  size_t *cur, jk_pheap *h)
{
	size_t i, k, n = 0, left = C->nd;
	jk_pheap_item it;

	h->n = 0;
	for (i = 0; i < C->nc; i++) {
		uint32_t c = C->cand[i];

		cur[c] = r->cs[c + 1] - r->cs[c];
		if (jk_pheap_push(h, -(double)cur[c], c))
			return SIZE_MAX;
	}
	while (left > 0 && jk_pheap_pop(h, &it)) {
		uint32_t c = it.item;
		size_t g = 0;

		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			g += cnt[r->cd[k]] == 0;
		if (g == 0)
			continue;
		if ((double)g < -it.key) { /* stale: put back with the fresh gain */
			if (jk_pheap_push(h, -(double)g, c))
				return SIZE_MAX;
			continue;
		}
		sol[n++] = c;
		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			if (cnt[r->cd[k]]++ == 0)
				left--;
	}
	/* drop redundant ones, last chosen first */
	for (i = n; i-- > 0;) {
		uint32_t c = sol[i];
		int need = 0;

		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			if (cnt[r->cd[k]] == 1) {
				need = 1;
				break;
			}
		if (!need) {
			for (k = r->cs[c]; k < r->cs[c + 1]; k++)
				cnt[r->cd[k]]--;
			memmove(sol + i, sol + i + 1, (n - i - 1) * sizeof *sol);
			n--;
		}
	}
	for (i = 0; i < n; i++)
		for (k = r->cs[sol[i]]; k < r->cs[sol[i] + 1]; k++)
			cnt[r->cd[k]]--;
	return n;
}

/*
 * A cover of component C built from multipliers: the candidates of
 * negative reduced cost (s > 1), then for each demand left the candidate
 * of least reduced cost covering it, then the redundant ones dropped
 * (dearest reduced cost first). Into sol; returns the count. cnt is zero
 * on entry and on return; mark is a per-candidate scratch, zero on entry
 * and return; pr a scratch of C->nc items.
 */
static int cmp_item(const void *x, const void *y)
{
	const jk_pheap_item *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}

static size_t lscp_from_u(const red *r, const comp *C, const double *s, int *cnt,
			  unsigned char *mark, uint32_t *sol, jk_pheap_item *pr)
{
	size_t i, k, n = 0, q;

	for (i = 0; i < C->nc; i++) {
		uint32_t c = C->cand[i];

		if (s[c] > 1) {
			sol[n++] = c;
			mark[c] = 1;
			for (k = r->cs[c]; k < r->cs[c + 1]; k++)
				cnt[r->cd[k]]++;
		}
	}
	for (i = 0; i < C->nd; i++) {
		uint32_t d = C->dem[i], bc = 0;
		double br = INFINITY;

		if (cnt[d])
			continue;
		for (k = r->ds[d]; k < r->ds[d + 1]; k++) {
			uint32_t c = r->dc[k];
			double rc = (1 - s[c]) / (double)(r->cs[c + 1] - r->cs[c]);

			if (rc < br) {
				br = rc;
				bc = c;
			}
		}
		sol[n++] = bc;
		mark[bc] = 1;
		for (k = r->cs[bc]; k < r->cs[bc + 1]; k++)
			cnt[r->cd[k]]++;
	}
	/* redundant ones out, highest reduced cost (lowest s) first: one
	 * pass, since a removal only lowers counts */
	for (i = 0; i < n; i++) {
		pr[i].key = s[sol[i]];
		pr[i].item = sol[i];
	}
	qsort(pr, n, sizeof *pr, cmp_item);
	for (i = 0, q = 0; i < n; i++) {
		uint32_t c = pr[i].item;
		int need = 0;

		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			if (cnt[r->cd[k]] == 1) {
				need = 1;
				break;
			}
		if (need) {
			sol[q++] = c;
		} else {
			for (k = r->cs[c]; k < r->cs[c + 1]; k++)
				cnt[r->cd[k]]--;
			mark[c] = 0;
		}
	}
	n = q;
	for (i = 0; i < n; i++) {
		mark[sol[i]] = 0;
		for (k = r->cs[sol[i]]; k < r->cs[sol[i] + 1]; k++)
			cnt[r->cd[k]]--;
	}
	return n;
}

/*
 * The Lagrangian lower bound of a component's LSCP (see the top), with
 * the Lagrangian heuristic: every few steps a cover from the multipliers
 * (lscp_from_u); a smaller one replaces best[0..*nbest).
 */
static double lscp_lagr(const red *r, const comp *C, int iters, double *u, double *g,
			double *s, int *cnt, unsigned char *mark, uint32_t *tmp,
			jk_pheap_item *pr, uint32_t *best, size_t *nbest)
{
	double lbest = 0, theta = 2.0, L;
	size_t i, k;
	int it, stall = 0;

	for (i = 0; i < C->nd; i++) {
		uint32_t d = C->dem[i];
		double m = 0;

		for (k = r->ds[d]; k < r->ds[d + 1]; k++) {
			uint32_t c = r->dc[k];
			double v = 1.0 / (double)(r->cs[c + 1] - r->cs[c]);

			if (v > m)
				m = v;
		}
		u[d] = m;
	}
	for (it = 0; it < iters; it++) {
		double nrm = 0, ub = (double)*nbest;

		L = 0;
		for (i = 0; i < C->nd; i++) {
			L += u[C->dem[i]];
			g[C->dem[i]] = 1;
		}
		for (i = 0; i < C->nc; i++) {
			uint32_t c = C->cand[i];
			double sc = 0;

			for (k = r->cs[c]; k < r->cs[c + 1]; k++)
				sc += u[r->cd[k]];
			s[c] = sc;
			if (sc > 1) {
				L += 1 - sc;
				for (k = r->cs[c]; k < r->cs[c + 1]; k++)
					g[r->cd[k]] -= 1;
			}
		}
		if (L > lbest + 1e-12) {
			lbest = L;
			stall = 0;
		} else if (++stall >= 30) {
			theta /= 2;
			stall = 0;
		}
		if (it % 3 == 0) {
			size_t n = lscp_from_u(r, C, s, cnt, mark, tmp, pr);

			if (n < *nbest) {
				*nbest = n;
				memcpy(best, tmp, n * sizeof *tmp);
				ub = (double)n;
			}
		}
		if (ceil(lbest - 1e-6) >= ub || theta < 1e-4)
			break;
		for (i = 0; i < C->nd; i++) {
			double gd = g[C->dem[i]];

			if (gd < 0 && u[C->dem[i]] <= 0)
				continue; /* projected away */
			nrm += gd * gd;
		}
		if (nrm == 0)
			break; /* u is optimal for the dual */
		{
			/* Polyak step towards a target just below the incumbent */
			double step = theta * (1.05 * ub - L) / nrm;

			for (i = 0; i < C->nd; i++) {
				uint32_t d = C->dem[i];

				u[d] += step * g[d];
				if (u[d] < 0)
					u[d] = 0;
			}
		}
	}
	return lbest;
}

/* ---- MCLP ------------------------------------------------------------- */

/* Swap local search on the open set sol[0..K); cnt/one per demand (count
 * of open coverers, and the sum of their indices, which is the one when
 * the count is 1). Returns the improvement. */
static double mclp_swaps(const red *r, uint32_t *sol, size_t K, unsigned char *isopen,
			 int *cnt, uint64_t *sum, double *loss, double *extra,
			 uint32_t *touched, int max_rounds)
{
	double total = 0;
	size_t j, k, q;
	int round;

	for (round = 0; round < max_rounds; round++) {
		double best = 1e-9, lmin = INFINITY;
		uint32_t bin = 0, bout = 0;
		size_t lmin_i = 0, bpos = 0;

		for (j = 0; j < r->nc; j++)
			loss[j] = 0, extra[j] = 0;
		for (q = 0; q < K; q++)
			for (k = r->cs[sol[q]]; k < r->cs[sol[q] + 1]; k++)
				if (cnt[r->cd[k]] == 1)
					loss[sol[q]] += r->w[r->cd[k]];
		for (q = 0; q < K; q++)
			if (loss[sol[q]] < lmin) {
				lmin = loss[sol[q]];
				lmin_i = q;
			}
		for (j = 0; j < r->nc; j++) {
			double gain = 0;
			size_t nt = 0, t;

			if (isopen[j])
				continue;
			for (k = r->cs[j]; k < r->cs[j + 1]; k++) {
				uint32_t d = r->cd[k];

				if (cnt[d] == 0) {
					gain += r->w[d];
				} else if (cnt[d] == 1) {
					uint32_t o = (uint32_t)sum[d];

					if (extra[o] == 0)
						touched[nt++] = o;
					extra[o] += r->w[d];
				}
			}
			/* out = the open one with least loss, or one this candidate
			 * relieves */
			if (gain - lmin > best) {
				best = gain - lmin;
				bin = (uint32_t)j;
				bout = sol[lmin_i];
				bpos = lmin_i;
			}
			for (t = 0; t < nt; t++) {
				uint32_t o = touched[t];
				double v = gain + extra[o] - loss[o];

				if (v > best) {
					best = v;
					bin = (uint32_t)j;
					bout = o;
					bpos = SIZE_MAX;
				}
				extra[o] = 0;
			}
		}
		if (best <= 1e-9)
			break;
		if (bpos == SIZE_MAX)
			for (bpos = 0; sol[bpos] != bout; bpos++)
				;
		for (k = r->cs[bout]; k < r->cs[bout + 1]; k++) {
			cnt[r->cd[k]]--;
			sum[r->cd[k]] -= bout;
		}
		for (k = r->cs[bin]; k < r->cs[bin + 1]; k++) {
			cnt[r->cd[k]]++;
			sum[r->cd[k]] += bin;
		}
		isopen[bout] = 0;
		isopen[bin] = 1;
		sol[bpos] = bin;
		total += best;
	}
	return total;
}

/* splitmix64, for the perturbations: deterministic, no global state */
static uint64_t mix64(uint64_t *st)
{
	uint64_t z = (*st += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void open_c(const red *r, uint32_t c, int *cnt, uint64_t *sum, unsigned char *isopen,
		   int sign)
{
	size_t k;

	for (k = r->cs[c]; k < r->cs[c + 1]; k++) {
		cnt[r->cd[k]] += sign;
		sum[r->cd[k]] += sign > 0 ? c : (uint64_t)0 - c;
	}
	isopen[c] = sign > 0;
}

static double cover_val(const red *r, const int *cnt)
{
	double v = 0;
	size_t d;

	for (d = 0; d < r->nd; d++)
		if (cnt[d])
			v += r->w[d];
	return v;
}

/*
 * Iterated local search for the MCLP, from the swap-optimal set sol[0..K)
 * of value *val: close a few open candidates at random, reopen as many
 * by greedy gain among the candidates covering what they left, swaps
 * again; keep the result when it is better, else go back. Stops after
 * `iters` rounds or when the value reaches `ub`. Scratch: loss, extra
 * (nc doubles), touched (nc), bsol (K), bcnt (nd ints), bsum (nd).
 * Returns -1 when out of memory, else 0.
 */
static int mclp_ils(const red *r, uint32_t *sol, size_t K, unsigned char *isopen, int *cnt,
		    uint64_t *sum, double *val, double ub, int iters, double *loss,
		    double *extra, uint32_t *touched)
{
	uint32_t *bsol = malloc((K ? K : 1) * sizeof *bsol);
	int *bcnt = malloc((r->nd ? r->nd : 1) * sizeof *bcnt);
	uint64_t *bsum = malloc((r->nd ? r->nd : 1) * sizeof *bsum);
	unsigned char *cand = calloc(r->nc ? r->nc : 1, 1);
	uint64_t st = 0x6a616e676b6175ULL;
	int it;

	if (!bsol || !bcnt || !bsum || !cand) {
		free(bsol);
		free(bcnt);
		free(bsum);
		free(cand);
		return -1;
	}
	memcpy(bsol, sol, K * sizeof *sol);
	memcpy(bcnt, cnt, r->nd * sizeof *cnt);
	memcpy(bsum, sum, r->nd * sizeof *sum);
	for (it = 0; it < iters && *val < ub - 1e-9; it++) {
		size_t q = K / 10 < 2 ? 2 : K / 10, t, k, nt = 0, a;
		double v;

		if (q > K)
			q = K;
		/* close q at random: a partial shuffle moves them to the end */
		for (t = 0; t < q; t++) {
			size_t pos = (size_t)(mix64(&st) % (K - t)), last = K - 1 - t;
			uint32_t c = sol[pos];

			sol[pos] = sol[last];
			sol[last] = c;
		}
		for (t = K - q; t < K; t++) {
			uint32_t c = sol[t];

			open_c(r, c, cnt, sum, isopen, -1);
			/* candidates covering what c covered may refill */
			for (k = r->cs[c]; k < r->cs[c + 1]; k++) {
				uint32_t d = r->cd[k];

				if (cnt[d])
					continue;
				for (a = r->ds[d]; a < r->ds[d + 1]; a++)
					if (!cand[r->dc[a]]) {
						cand[r->dc[a]] = 1;
						touched[nt++] = r->dc[a];
					}
			}
		}
		/* refill by greedy gain among them (a removed one may return) */
		for (t = K - q; t < K; t++) {
			double bg = -1;
			uint32_t bc = UINT32_MAX;

			for (a = 0; a < nt; a++) {
				uint32_t c = touched[a];
				double g = 0;

				if (isopen[c])
					continue;
				for (k = r->cs[c]; k < r->cs[c + 1]; k++)
					if (!cnt[r->cd[k]])
						g += r->w[r->cd[k]];
				/* a little noise so that ties and near-ties vary */
				g *= 1 + 0.05 * (double)(mix64(&st) >> 11) / 9007199254740992.0;
				if (g > bg) {
					bg = g;
					bc = c;
				}
			}
			if (bc == UINT32_MAX) {
				/* nothing near: any closed candidate */
				for (bc = 0; isopen[bc]; bc++)
					;
			}
			sol[t] = bc;
			open_c(r, bc, cnt, sum, isopen, 1);
		}
		for (a = 0; a < nt; a++)
			cand[touched[a]] = 0;
		mclp_swaps(r, sol, K, isopen, cnt, sum, loss, extra, touched, 1000);
		v = cover_val(r, cnt);
		if (v > *val + 1e-9) {
			*val = v;
			memcpy(bsol, sol, K * sizeof *sol);
			memcpy(bcnt, cnt, r->nd * sizeof *cnt);
			memcpy(bsum, sum, r->nd * sizeof *sum);
		} else {
			for (t = 0; t < K; t++)
				isopen[sol[t]] = 0;
			memcpy(sol, bsol, K * sizeof *sol);
			for (t = 0; t < K; t++)
				isopen[sol[t]] = 1;
			memcpy(cnt, bcnt, r->nd * sizeof *cnt);
			memcpy(sum, bsum, r->nd * sizeof *sum);
		}
	}
	free(bsol);
	free(bcnt);
	free(bsum);
	free(cand);
	return 0;
}

static int cmp_desc(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a > b ? -1 : a < b;
}

/* The sum of the K largest of v[0..n) (v is reordered). */
static double top_k_sum(double *v, size_t n, size_t K)
{
	size_t lo = 0, hi = n, i;
	double s = 0;

	if (K >= n || K == 0) {
		for (i = 0; i < n && K > 0; i++)
			s += v[i];
		return s;
	}
	/* quickselect the K largest into v[0..K) */
	while (hi - lo > 16) {
		double piv = v[lo + (hi - lo) / 2], t;
		size_t a = lo, b = hi - 1;

		for (;;) {
			while (v[a] > piv)
				a++;
			while (v[b] < piv)
				b--;
			if (a >= b)
				break;
			t = v[a];
			v[a] = v[b];
			v[b] = t;
			a++;
			b--;
		}
		if (K - 1 <= b) /* keep position K - 1 inside [lo, hi) */
			hi = b + 1;
		else
			lo = b + 1;
	}
	qsort(v + lo, hi - lo, sizeof *v, cmp_desc);
	for (i = 0; i < K; i++)
		s += v[i];
	return s;
}

/* The Lagrangian upper bound of the MCLP (see the top); lam, g, sc
 * scratch. */
static double mclp_lagr(const red *r, size_t K, double lb, int iters, double *lam,
			double *g, double *sc, double *tmp, uint32_t *stamp, uint32_t *pick,
			uint32_t *best_set, double *best_val)
{
	double best = INFINITY, theta = 1.0;
	uint32_t st = 0;
	size_t d, j, k;
	int it, stall = 0;

	for (d = 0; d < r->nd; d++) {
		size_t deg = r->ds[d + 1] - r->ds[d];

		lam[d] = r->w[d] / (double)(deg ? deg : 1);
	}
	for (it = 0; it < iters; it++) {
		double L = 0, thr, nrm = 0;
		size_t above = 0, ties = 0;

		for (d = 0; d < r->nd; d++) {
			if (r->w[d] > lam[d]) {
				L += r->w[d] - lam[d];
				g[d] = -1;
			} else {
				g[d] = 0;
			}
		}
		for (j = 0; j < r->nc; j++) {
			double s = 0;

			for (k = r->cs[j]; k < r->cs[j + 1]; k++)
				s += lam[r->cd[k]];
			sc[j] = s;
			tmp[j] = s;
		}
		L += top_k_sum(tmp, r->nc, K);
		if (L < best - 1e-12) {
			best = L;
			stall = 0;
		} else if (++stall >= 15) {
			theta /= 2;
			stall = 0;
		}
		if (best - lb <= 1e-9 * (lb > 1 ? lb : 1) || theta < 1e-5)
			break;
		/* the chosen K: scores above the K-th, ties by index */
		if (K == 0)
			thr = INFINITY;
		else
			thr = K < r->nc ? tmp[K - 1] : -INFINITY;
		for (j = 0; j < r->nc; j++)
			above += sc[j] > thr;
		{
			size_t np = 0;
			double v = 0;

			for (j = 0; j < r->nc; j++) {
				int take = sc[j] > thr || (sc[j] == thr && ties < K - above);

				if (sc[j] == thr && take)
					ties++;
				if (!take)
					continue;
				pick[np++] = (uint32_t)j;
				for (k = r->cs[j]; k < r->cs[j + 1]; k++)
					g[r->cd[k]] += 1;
			}
			/* the Lagrangian heuristic: the K chosen are a feasible set */
			st++;
			for (j = 0; j < np; j++)
				for (k = r->cs[pick[j]]; k < r->cs[pick[j] + 1]; k++)
					if (stamp[r->cd[k]] != st) {
						stamp[r->cd[k]] = st;
						v += r->w[r->cd[k]];
					}
			if (v > *best_val) {
				*best_val = v;
				memcpy(best_set, pick, np * sizeof *pick);
				if (v > lb)
					lb = v;
			}
		}
		for (d = 0; d < r->nd; d++) {
			if (g[d] > 0 && lam[d] <= 0)
				continue;
			nrm += g[d] * g[d];
		}
		if (nrm == 0)
			break;
		{
			double step = theta * (L - lb) / nrm;

			if (step <= 0)
				step = theta * 1e-3;
			for (d = 0; d < r->nd; d++) {
				lam[d] -= step * g[d];
				if (lam[d] < 0)
					lam[d] = 0;
			}
		}
	}
	return best;
}

typedef struct mbb {
	const red *r;
	size_t K;
	uint32_t *order;  /* candidates in greedy order */
	int *cnt;
	uint32_t *stack;
	size_t depth;
	double val, best;
	uint32_t *bestsol;
	size_t best_n;
	double *gains;
	long nodes, limit;
	int aborted;
} mbb;

static void mbb_rec(mbb *B, size_t pos)
{
	const red *r = B->r;
	size_t i, k, n = 0;
	double ub;

	if (B->aborted)
		return;
	if (++B->nodes > B->limit) {
		B->aborted = 1;
		return;
	}
	if (B->val > B->best + 1e-9) {
		B->best = B->val;
		B->best_n = B->depth;
		memcpy(B->bestsol, B->stack, B->depth * sizeof *B->stack);
	}
	if (B->depth == B->K || pos >= r->nc)
		return;
	/* bound: the K - depth largest marginal gains of the rest */
	for (i = pos; i < r->nc; i++) {
		uint32_t c = B->order[i];
		double g = 0;

		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			if (!B->cnt[r->cd[k]])
				g += r->w[r->cd[k]];
		B->gains[n++] = g;
	}
	ub = B->val + top_k_sum(B->gains, n, B->K - B->depth);
	if (ub <= B->best + 1e-9)
		return;
	/* include order[pos], then exclude it */
	{
		uint32_t c = B->order[pos];
		double g = 0;

		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			if (B->cnt[r->cd[k]]++ == 0)
				g += r->w[r->cd[k]];
		B->val += g;
		B->stack[B->depth++] = c;
		mbb_rec(B, pos + 1);
		B->depth--;
		B->val -= g;
		for (k = r->cs[c]; k < r->cs[c + 1]; k++)
			B->cnt[r->cd[k]]--;
	}
	mbb_rec(B, pos + 1);
}

/* ---- the solver ----------------------------------------------------- */

void jk_cover_result_release(jk_cover_result *r)
{
	if (!r)
		return;
	free(r->ranked);
	free(r->gain);
	free(r->open);
	free(r->uncoverable);
	memset(r, 0, sizeof *r);
}

/* Orders the chosen candidates (original indices, forced excluded) by
 * marginal gain with a lazy greedy (gains only shrink as more are taken,
 * so a stale gain bounds the fresh one); fills ranked/gain. */
static int rank_chosen(const jk_cover_problem *p, const unsigned char *active_d,
		       const double *wt, jk_cover_result *out, const uint32_t *chosen,
		       size_t n)
{
	unsigned char *cov = calloc(p->n_demands ? p->n_demands : 1, 1);
	jk_pheap h = {0};
	jk_pheap_item it;
	size_t i, k, t = 0;
	int rc = -1;

	out->ranked = malloc((n ? n : 1) * sizeof *out->ranked);
	out->gain = malloc((n ? n : 1) * sizeof *out->gain);
	if (!cov || !out->ranked || !out->gain)
		goto done;
	for (i = 0; i < n; i++)
		if (jk_pheap_push(&h, -INFINITY, (uint32_t)i))
			goto done;
	while (jk_pheap_pop(&h, &it)) {
		uint32_t c = chosen[it.item];
		double g = 0;

		for (k = p->cov_start[c]; k < p->cov_start[c + 1]; k++) {
			uint32_t d = p->cov_demand[k];

			if (active_d[d] && !cov[d]) {
				cov[d] = 2; /* count each demand once */
				g += p->goal == JK_COVER_ALL ? 1 : wt[d];
			}
		}
		for (k = p->cov_start[c]; k < p->cov_start[c + 1]; k++)
			if (cov[p->cov_demand[k]] == 2)
				cov[p->cov_demand[k]] = 0;
		if (h.n > 0 && -g > h.a[0].key) {
			/* stale: someone else may add more now */
			if (jk_pheap_push(&h, -g, it.item))
				goto done;
			continue;
		}
		out->ranked[t] = c;
		out->gain[t++] = g;
		for (k = p->cov_start[c]; k < p->cov_start[c + 1]; k++)
			cov[p->cov_demand[k]] = 1;
	}
	out->n_chosen = t;
	rc = 0;
done:
	free(cov);
	jk_pheap_release(&h);
	return rc;
}

int jk_plan_cover(jk_ctx *ctx, const jk_cover_problem *p, jk_cover_result *out)
{
	size_t ND = p->n_demands, NC = p->n_candidates, d, j, k, i;
	long node_limit = p->node_limit > 0 ? p->node_limit : 20000;
	int iters = p->lagr_iters > 0 ? p->lagr_iters : 1000;
	unsigned char *active = NULL, *dkeep = NULL, *ckeep = NULL, *isopen = NULL;
	double *wt = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;
	uint32_t *chosen = NULL, *par = NULL, *sol = NULL, *tmpu = NULL, *tmpsol = NULL;
	jk_pheap_item *pairs = NULL;
	size_t n_chosen = 0, *cur = NULL;
	int *cnt = NULL, integer = 1, rc = JK_OK;
	uint64_t *sum = NULL;
	comp *comps = NULL;
	uint32_t *cbuf = NULL, *dbuf = NULL;
	jk_pheap heap = {0};
	red r;
	double base = 0; /* MCLP: weight covered by the forced candidates */

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	active = calloc(ND ? ND : 1, 1);
	wt = malloc((ND ? ND : 1) * sizeof *wt);
	out->open = calloc(NC ? NC : 1, 1);
	chosen = malloc((NC ? NC : 1) * sizeof *chosen);
	if (!active || !wt || !out->open || !chosen)
		goto nomem;
	for (d = 0; d < ND; d++) {
		double w = p->weight ? p->weight[d] : 1.0;

		if (!(w >= 0) || isinf(w)) {
			rc = jk_error(ctx, JK_ERR_ARG, "demand %zu: weight is negative, "
				      "infinite or not a number", d);
			goto cleanup;
		}
		if (w != floor(w))
			integer = 0;
		wt[d] = w;
		active[d] = !(p->covered && p->covered[d]) && w > 0;
	}
	for (k = 0; k < p->cov_start[NC]; k++)
		if (p->cov_demand[k] >= ND) {
			rc = jk_error(ctx, JK_ERR_ARG, "a candidate covers demand %u, but "
				      "there are %zu demands", p->cov_demand[k], ND);
			goto cleanup;
		}
	/* forced candidates cover first */
	for (j = 0; j < NC; j++) {
		if (!(p->forced && p->forced[j]))
			continue;
		out->open[j] = 1;
		for (k = p->cov_start[j]; k < p->cov_start[j + 1]; k++) {
			d = p->cov_demand[k];
			if (active[d] == 1) {
				active[d] = 2; /* covered by a forced one */
				base += wt[d];
			}
		}
	}
	/* the reduced instance: active demands, non-forced candidates */
	r.d_orig = malloc((ND ? ND : 1) * sizeof *r.d_orig);
	r.w = malloc((ND ? ND : 1) * sizeof *r.w);
	r.c_orig = malloc((NC ? NC : 1) * sizeof *r.c_orig);
	r.cs = malloc((NC + 1) * sizeof *r.cs);
	r.cd = malloc((p->cov_start[NC] ? p->cov_start[NC] : 1) * sizeof *r.cd);
	tmpu = malloc((ND ? ND : 1) * sizeof *tmpu);
	if (!r.d_orig || !r.w || !r.c_orig || !r.cs || !r.cd || !tmpu)
		goto nomem;
	for (d = 0; d < ND; d++) {
		tmpu[d] = UINT32_MAX;
		if (active[d] == 1) {
			tmpu[d] = (uint32_t)r.nd;
			r.d_orig[r.nd] = (uint32_t)d;
			r.w[r.nd++] = wt[d];
		}
	}
	r.cs[0] = 0;
	{
		size_t e = 0;

		for (j = 0; j < NC; j++) {
			size_t e0 = e, q, w2;

			if (p->forced && p->forced[j])
				continue;
			for (k = p->cov_start[j]; k < p->cov_start[j + 1]; k++)
				if (tmpu[p->cov_demand[k]] != UINT32_MAX)
					r.cd[e++] = tmpu[p->cov_demand[k]];
			if (e == e0)
				continue;
			qsort(r.cd + e0, e - e0, sizeof *r.cd, cmp_u32);
			for (q = e0 + 1, w2 = e0 + 1; q < e; q++)
				if (r.cd[q] != r.cd[w2 - 1])
					r.cd[w2++] = r.cd[q];
			e = w2;
			r.c_orig[r.nc++] = (uint32_t)j;
			r.cs[r.nc] = e;
		}
	}
	if (red_transpose(&r))
		goto nomem;
	/* uncoverable demands */
	{
		size_t nu = 0;

		for (d = 0; d < r.nd; d++)
			nu += r.ds[d + 1] == r.ds[d];
		out->uncoverable = malloc((nu ? nu : 1) * sizeof *out->uncoverable);
		if (!out->uncoverable)
			goto nomem;
		for (d = 0; d < r.nd; d++)
			if (r.ds[d + 1] == r.ds[d])
				out->uncoverable[out->n_uncoverable++] = r.d_orig[d];
		qsort(out->uncoverable, out->n_uncoverable, sizeof *out->uncoverable, cmp_u32);
	}
	/* reductions until nothing changes */
	for (;;) {
		long nd_dom;
		size_t forced_now = 0;

		free(dkeep);
		free(ckeep);
		dkeep = malloc(r.nd ? r.nd : 1);
		ckeep = calloc(r.nc ? r.nc : 1, 1);
		if (!dkeep || !ckeep)
			goto nomem;
		for (d = 0; d < r.nd; d++)
			dkeep[d] = r.ds[d + 1] > r.ds[d];
		nd_dom = dominated(r.nc, r.cs, r.cd, r.nd, r.ds, r.dc, ckeep, 0);
		if (nd_dom < 0)
			goto nomem;
		out->n_dominated += (size_t)nd_dom;
		for (j = 0; j < r.nc; j++)
			ckeep[j] = !ckeep[j]; /* marked dropped above */
		if (p->goal == JK_COVER_ALL) {
			/* a demand whose candidates include all of another's is
			 * covered whenever that one is */
			unsigned char *dd = calloc(r.nd ? r.nd : 1, 1);
			long ndd;

			if (!dd)
				goto nomem;
			ndd = dominated(r.nd, r.ds, r.dc, r.nc, r.cs, r.cd, dd, 1);
			if (ndd < 0) {
				free(dd);
				goto nomem;
			}
			for (d = 0; d < r.nd; d++)
				if (dd[d])
					dkeep[d] = 0;
			out->n_implied += (size_t)ndd;
			nd_dom += ndd;
			free(dd);
		}
		if (p->goal == JK_COVER_ALL) {
			/* a demand left with one candidate forces it */
			for (d = 0; d < r.nd; d++) {
				size_t nk = 0;
				uint32_t only = 0;

				for (k = r.ds[d]; k < r.ds[d + 1]; k++)
					if (ckeep[r.dc[k]]) {
						nk++;
						only = r.dc[k];
					}
				if (nk == 1 && ckeep[only] == 1) {
					ckeep[only] = 2;
					forced_now++;
				}
			}
			for (j = 0; j < r.nc; j++)
				if (ckeep[j] == 2) {
					chosen[n_chosen++] = r.c_orig[j];
					for (k = r.cs[j]; k < r.cs[j + 1]; k++)
						dkeep[r.cd[k]] = 0;
					ckeep[j] = 0;
				}
			out->n_forced_single += forced_now;
		}
		if (red_filter(&r, dkeep, ckeep))
			goto nomem;
		if (nd_dom == 0 && forced_now == 0)
			break;
	}
	free(tmpu);
	tmpu = NULL;

	/* components */
	par = malloc((r.nc ? r.nc : 1) * sizeof *par);
	if (!par)
		goto nomem;
	for (j = 0; j < r.nc; j++)
		par[j] = (uint32_t)j;
	for (d = 0; d < r.nd; d++)
		for (k = r.ds[d] + 1; k < r.ds[d + 1]; k++) {
			uint32_t a = uf_find(par, r.dc[r.ds[d]]), b = uf_find(par, r.dc[k]);

			if (a != b)
				par[a > b ? a : b] = a < b ? a : b;
		}
	{
		size_t nco = 0, *cc = NULL, *dcn = NULL, *cpos, *dpos;
		uint32_t *root2c = malloc((r.nc ? r.nc : 1) * sizeof *root2c);

		if (!root2c)
			goto nomem;
		for (j = 0; j < r.nc; j++) {
			par[j] = uf_find(par, (uint32_t)j);
			if (par[j] == j)
				root2c[j] = (uint32_t)nco++;
		}
		comps = calloc(nco ? nco : 1, sizeof *comps);
		cc = calloc(nco + 1, sizeof *cc);
		dcn = calloc(nco + 1, sizeof *dcn);
		cbuf = malloc((r.nc ? r.nc : 1) * sizeof *cbuf);
		dbuf = malloc((r.nd ? r.nd : 1) * sizeof *dbuf);
		if (!comps || !cc || !dcn || !cbuf || !dbuf) {
			free(root2c);
			free(cc);
			free(dcn);
			goto nomem;
		}
		for (j = 0; j < r.nc; j++)
			cc[root2c[par[j]] + 1]++;
		for (d = 0; d < r.nd; d++)
			dcn[root2c[par[r.dc[r.ds[d]]]] + 1]++;
		for (i = 0; i < nco; i++) {
			cc[i + 1] += cc[i];
			dcn[i + 1] += dcn[i];
		}
		cpos = cc;
		dpos = dcn;
		for (i = 0; i < nco; i++) {
			comps[i].cand = cbuf + cc[i];
			comps[i].dem = dbuf + dcn[i];
		}
		for (j = 0; j < r.nc; j++) {
			comp *C = &comps[root2c[par[j]]];

			C->cand[C->nc++] = (uint32_t)j;
		}
		for (d = 0; d < r.nd; d++) {
			comp *C = &comps[root2c[par[r.dc[r.ds[d]]]]];

			C->dem[C->nd++] = (uint32_t)d;
		}
		(void)cpos;
		(void)dpos;
		free(cc);
		free(dcn);
		free(root2c);
		out->n_components = nco;
	}

	cnt = calloc(r.nd ? r.nd : 1, sizeof *cnt);
	sum = calloc(r.nd ? r.nd : 1, sizeof *sum);
	isopen = calloc(r.nc ? r.nc : 1, 1);
	sol = malloc((r.nc ? r.nc : 1) * sizeof *sol);
	tmpsol = malloc((r.nc ? r.nc : 1) * sizeof *tmpsol);
	pairs = malloc((r.nc ? r.nc : 1) * sizeof *pairs);
	cur = malloc((r.nc ? r.nc : 1) * sizeof *cur);
	s1 = malloc(((r.nd > r.nc ? r.nd : r.nc) + 1) * sizeof *s1);
	s2 = malloc(((r.nd > r.nc ? r.nd : r.nc) + 1) * sizeof *s2);
	s3 = malloc(((r.nd > r.nc ? r.nd : r.nc) + 1) * sizeof *s3);
	s4 = malloc(((r.nd > r.nc ? r.nd : r.nc) + 1) * sizeof *s4);
	if (!cnt || !sum || !isopen || !sol || !tmpsol || !pairs || !cur || !s1 || !s2 || !s3 || !s4)
		goto nomem;

	if (p->goal == JK_COVER_ALL) {
		double lb_total = (double)n_chosen, val_total = (double)n_chosen;
		size_t c;

		out->n_exact = 0;
		for (c = 0; c < out->n_components; c++) {
			comp *C = &comps[c];
			size_t n = lscp_greedy(&r, C, cnt, sol, cur, &heap);
			double lb;

			if (n == SIZE_MAX)
				goto nomem;
			if (n <= 1) {
				lb = (double)n;
			} else {
				size_t nb = n;

				lb = ceil(lscp_lagr(&r, C, iters, s1, s2, s3, cnt, isopen, tmpsol,
						    pairs, sol, &nb) - 1e-6);
				n = nb;
			}
			if (lb < (double)n && C->nc <= 400) {
				bb B;

				memset(&B, 0, sizeof B);
				B.r = &r;
				B.C = C;
				B.cnt = cnt;
				B.excl = isopen; /* all zero here */
				B.stack = malloc(C->nc * sizeof *B.stack);
				B.best = malloc(C->nc * sizeof *B.best);
				B.stamp = calloc(r.nc, sizeof *B.stamp);
				if (!B.stack || !B.best || !B.stamp) {
					free(B.stack);
					free(B.best);
					free(B.stamp);
					goto nomem;
				}
				memcpy(B.best, sol, n * sizeof *sol);
				B.best_n = n;
				B.limit = node_limit;
				bb_rec(&B);
				out->nodes += B.nodes;
				if (B.best_n < n) {
					n = B.best_n;
					memcpy(sol, B.best, n * sizeof *sol);
				}
				if (!B.aborted)
					lb = (double)n;
				for (k = 0; k < C->nc; k++)
					isopen[C->cand[k]] = 0;
				free(B.stack);
				free(B.best);
				free(B.stamp);
			}
			if (lb >= (double)n)
				out->n_exact++;
			lb_total += lb < (double)n ? lb : (double)n;
			val_total += (double)n;
			for (k = 0; k < n; k++)
				chosen[n_chosen++] = r.c_orig[sol[k]];
		}
		out->value = val_total;
		out->bound = lb_total;
	} else {
		size_t K = p->budget < r.nc ? p->budget : r.nc, n = 0;
		double val = 0, ub;
		jk_pheap_item it;

		/* lazy greedy */
		heap.n = 0;
		for (j = 0; j < r.nc; j++) {
			double g = 0;

			for (k = r.cs[j]; k < r.cs[j + 1]; k++)
				g += r.w[r.cd[k]];
			if (jk_pheap_push(&heap, -g, (uint32_t)j))
				goto nomem;
		}
		while (n < K && jk_pheap_pop(&heap, &it)) {
			uint32_t c = it.item;
			double g = 0;

			for (k = r.cs[c]; k < r.cs[c + 1]; k++)
				if (!cnt[r.cd[k]])
					g += r.w[r.cd[k]];
			if (g <= 0)
				continue;
			if (g < -it.key - 1e-12 * (1 + fabs(it.key))) {
				if (jk_pheap_push(&heap, -g, c))
					goto nomem;
				continue;
			}
			sol[n++] = c;
			isopen[c] = 1;
			val += g;
			for (k = r.cs[c]; k < r.cs[c + 1]; k++) {
				cnt[r.cd[k]]++;
				sum[r.cd[k]] += c;
			}
		}
		if (n == K && K > 0) {
			uint32_t *touched = malloc(r.nc * sizeof *touched);

			if (!touched)
				goto nomem;
			val += mclp_swaps(&r, sol, n, isopen, cnt, sum, s1, s2, touched, 1000);
			free(touched);
		}
		/* recompute the value exactly */
		val = 0;
		for (d = 0; d < r.nd; d++)
			if (cnt[d])
				val += r.w[d];
		{
			double tw = 0;

			for (d = 0; d < r.nd; d++)
				tw += r.w[d];
			if (n < K || tw - val <= 0) {
				ub = val; /* everything coverable is covered */
			} else {
				uint32_t *stamp = calloc(r.nd, sizeof *stamp);
				uint32_t *pick = malloc(r.nc * sizeof *pick);
				uint32_t *bset = malloc((K ? K : 1) * sizeof *bset);
				double bval = val;

				if (!stamp || !pick || !bset) {
					free(stamp);
					free(pick);
					free(bset);
					goto nomem;
				}
				ub = mclp_lagr(&r, K, val, iters, s1, s2, s3, s4, stamp, pick, bset, &bval);
				if (ub > tw)
					ub = tw;
				if (bval > val) {
					/* the Lagrangian's set was better: swaps from it */
					for (k = 0; k < n; k++)
						isopen[sol[k]] = 0;
					memset(cnt, 0, r.nd * sizeof *cnt);
					memset(sum, 0, r.nd * sizeof *sum);
					memcpy(sol, bset, K * sizeof *sol);
					n = K;
					for (k = 0; k < n; k++) {
						isopen[sol[k]] = 1;
						for (j = r.cs[sol[k]]; j < r.cs[sol[k] + 1]; j++) {
							cnt[r.cd[j]]++;
							sum[r.cd[j]] += sol[k];
						}
					}
					mclp_swaps(&r, sol, n, isopen, cnt, sum, s1, s2, pick, 1000);
					val = 0;
					for (d = 0; d < r.nd; d++)
						if (cnt[d])
							val += r.w[d];
				}
				free(stamp);
				free(pick);
				free(bset);
			}
		}
		if (integer)
			ub = floor(ub + 1e-9 * (1 + ub));
		if (n == K && K > 0 && ub > val + 1e-9 * (1 + val)) {
			/* iterated local search, for a work of about 3e7 arc visits */
			uint32_t *touched = malloc(r.nc * sizeof *touched);
			double work = (double)(r.cs[r.nc] + r.nc + 1);
			int ils = work > 1e5 ? (int)(3e7 / work) : 300;

			if (!touched)
				goto nomem;
			if (ils < 5)
				ils = 5;
			if (mclp_ils(&r, sol, n, isopen, cnt, sum, &val, ub, ils, s1, s2, touched)) {
				free(touched);
				goto nomem;
			}
			free(touched);
		}
		if (ub > val + 1e-9 * (1 + val) && r.nc <= 2000) {
			mbb B;

			memset(&B, 0, sizeof B);
			B.r = &r;
			B.K = K;
			B.order = malloc(r.nc * sizeof *B.order);
			B.cnt = calloc(r.nd, sizeof *B.cnt);
			B.stack = malloc((K + 1) * sizeof *B.stack);
			B.bestsol = malloc((K + 1) * sizeof *B.bestsol);
			B.gains = malloc(r.nc * sizeof *B.gains);
			if (!B.order || !B.cnt || !B.stack || !B.bestsol || !B.gains) {
				free(B.order);
				free(B.cnt);
				free(B.stack);
				free(B.bestsol);
				free(B.gains);
				goto nomem;
			}
			/* greedy solution first, then the others by weight */
			{
				size_t no = 0;

				for (k = 0; k < n; k++)
					B.order[no++] = sol[k];
				heap.n = 0;
				for (j = 0; j < r.nc; j++)
					if (!isopen[j]) {
						double g = 0;

						for (k = r.cs[j]; k < r.cs[j + 1]; k++)
							g += r.w[r.cd[k]];
						if (jk_pheap_push(&heap, -g, (uint32_t)j))
							goto nomem;
					}
				while (jk_pheap_pop(&heap, &it))
					B.order[no++] = it.item;
			}
			B.best = val;
			memcpy(B.bestsol, sol, n * sizeof *sol);
			B.best_n = n;
			B.limit = node_limit;
			mbb_rec(&B, 0);
			out->nodes += B.nodes;
			if (B.best > val + 1e-9) {
				for (k = 0; k < n; k++)
					isopen[sol[k]] = 0;
				n = B.best_n;
				memcpy(sol, B.bestsol, n * sizeof *sol);
				for (k = 0; k < n; k++)
					isopen[sol[k]] = 1;
				val = B.best;
			}
			if (!B.aborted)
				ub = val;
			free(B.order);
			free(B.cnt);
			free(B.stack);
			free(B.bestsol);
			free(B.gains);
		}
		for (k = 0; k < n; k++)
			chosen[n_chosen++] = r.c_orig[sol[k]];
		out->value = base + val;
		out->bound = base + (ub > val ? ub : val);
		out->n_exact = ub <= val ? out->n_components : 0;
	}
	for (k = 0; k < n_chosen; k++)
		out->open[chosen[k]] = 1;
	out->gap = fabs(out->bound - out->value) / (fabs(out->value) > 1e-12 ? fabs(out->value) : 1e-12);
	if (fabs(out->bound - out->value) <= 1e-9 * (1 + fabs(out->value))) {
		out->gap = 0;
		out->optimal = 1;
	}
	for (d = 0; d < ND; d++)
		if (active[d] == 2)
			active[d] = 0; /* ranked gains leave the forced part out */
	if (rank_chosen(p, active, wt, out, chosen, n_chosen))
		goto nomem;
	goto cleanup;

nomem:
	rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory choosing among %zu candidates", NC);
cleanup:
	red_release(&r);
	free(active);
	free(dkeep);
	free(ckeep);
	free(isopen);
	free(wt);
	free(s1);
	free(s2);
	free(s3);
	free(s4);
	free(chosen);
	free(par);
	free(sol);
	free(tmpsol);
	free(pairs);
	free(tmpu);
	free(cur);
	free(cnt);
	free(sum);
	free(comps);
	free(cbuf);
	free(dbuf);
	jk_pheap_release(&heap);
	if (rc != JK_OK)
		jk_cover_result_release(out);
	return rc;
}
