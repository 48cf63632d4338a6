/* SPDX-License-Identifier: MIT */
/*
 * Planning: the solvers behind `jangkau place`, `jangkau plan sites` and
 * `jangkau plan pos` (issue 9), on plain in-memory instances.
 *
 * This room depends on src/core only: it knows nothing of the store, of
 * villages or of travel. The caller (the future plan commands) turns
 * sites, clients and the coverage rule into the arrays below, calls a
 * solver, and writes the answer into layers and the report.
 *
 * Three problems, each with a value, a bound and a proof flag:
 * - assignment (jk_plan_assign): clients to sites within capacity,
 *   maximum number placed, then minimum total cost; exact (min-cost flow
 *   on a sparse set of arcs, grown until the optimality check over all
 *   arcs passes; the proof is at the top of assign.c);
 * - coverage (jk_plan_cover): which candidates to open, either the K
 *   that cover the most demand weight (MCLP) or the fewest that cover all
 *   coverable demand (LSCP); reductions, lazy greedy, swaps, a Lagrangian
 *   bound and branch-and-bound on small components (cover.c);
 * - facility location (jk_plan_median): the P candidate places that
 *   minimise total weighted client cost to the nearest open place
 *   (p-median) or the largest client cost (p-center), with already open
 *   places; greedy, fast swaps, a Lagrangian lower bound, exact
 *   enumeration when cheap (median.c).
 *
 * Conventions shared by all three:
 * - Costs are finite, non-negative doubles (metres or seconds). Integer
 *   costs give exact sums (below 2^53); bounds on integer data are
 *   rounded to the next integer where that is valid, and say so.
 * - Input arrays are borrowed for the duration of the call only.
 * - A result struct is filled by the solver and released by the caller
 *   with its _release function; it must be zeroed (or released) before a
 *   call, and its fields are valid after any return (zero on error).
 * - Errors: JK_ERR_ARG for an inconsistent instance (an index out of
 *   range, a negative cost, a fixed placement over capacity), with the
 *   detail in the context; JK_ERR_NOMEM. The solvers never print.
 * - A solver is deterministic: the same instance gives the same answer.
 */
#ifndef JK_PLAN_H
#define JK_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/ctx.h"

/* A capacity that does not limit (a site whose kapasitas is blank, when
 * the office counts a blank as "no limit"). */
#define JK_PLAN_UNLIMITED (-1L)

/* ==== assignment ================================================== */

/* Why a client got no site. */
typedef enum jk_unplaced {
	JK_PLACED = 0,
	JK_UNPLACED_NO_SITE = 1,     /* no eligible site within the maximum cost */
	JK_UNPLACED_NO_CAPACITY = 2  /* eligible sites within reach, all full
				      * (with the other clients placed so that
				      * as many as possible are) */
} jk_unplaced;

/*
 * A placement instance. Eligible arcs are given per client in CSR form:
 * client i may go to site arc_site[k] at cost arc_cost[k] for k in
 * [arc_start[i], arc_start[i + 1]). The caller lists every eligible pair
 * (children only to child-suitable sites, activity match, ...): the
 * solver never invents an arc. Arcs need no order; a client's duplicate
 * arcs to one site count as the cheapest.
 */
typedef struct jk_assign_problem {
	size_t n_clients;
	size_t n_sites;
	const size_t *arc_start;  /* n_clients + 1 offsets into the arrays below */
	const uint32_t *arc_site; /* site index < n_sites */
	const double *arc_cost;   /* >= 0 */
	/* Persons a site takes at once, n_sites values; JK_PLAN_UNLIMITED
	 * (any negative) for no limit; 0 takes nobody. */
	const long *capacity;
	/* Arcs dearer than this are left out; <= 0 or INFINITY: no limit. */
	double max_cost;
	/* Re-planning: the existing placement of each client to keep, a site
	 * index, or -1 for a client that is free (NULL: all free). A kept
	 * client stays where it is (its arc need not be listed), counts
	 * against its site's capacity and is part of the total cost (its
	 * listed arc's cost, 0 when it has none). More kept clients than a
	 * site's capacity is JK_ERR_ARG: the caller decides whom to release. */
	const long *fixed_site;
	/* Arcs per client in the first sparse round (0: 4). Only changes
	 * speed, never the answer. */
	size_t k_initial;
} jk_assign_problem;

/* The answer of jk_plan_assign(). Arrays are owned by the result. */
typedef struct jk_assign_result {
	long *site;          /* n_clients: the site of each client, -1 unplaced */
	int *reason;         /* n_clients: jk_unplaced */
	long *load;          /* n_sites: clients placed at each site (kept included) */
	size_t n_placed;     /* clients with a site, kept included */
	double total_cost;   /* sum of the placed clients' costs */
	/* Figures of the run, for the benchmark and the report. */
	int rounds;          /* sparse rounds until the check over all arcs held */
	size_t arcs_used;    /* arcs in the last sparse round */
	size_t arcs_all;     /* eligible arcs within max_cost */
	double check_slack;  /* smallest reduced cost over the arcs left out
			      * (>= 0 proves optimality; INFINITY when none) */
} jk_assign_result;

/*
 * Places clients: the placement with the most clients placed and, among
 * those, the least total cost. Exact: the returned placement is optimal
 * over all eligible arcs, not only over the sparse arcs the solver
 * searched (see the proof at the top of assign.c).
 *
 * @param ctx  context for the error detail
 * @param p    the instance (borrowed)
 * @param out  filled on success; zeroed on error. Free with
 *             jk_assign_result_release().
 * @return JK_OK; JK_ERR_ARG for a site index out of range, a negative or
 *         NaN cost, or kept clients over a site's capacity; JK_ERR_NOMEM.
 */
int jk_plan_assign(jk_ctx *ctx, const jk_assign_problem *p,
		   jk_assign_result *out);

/* Frees the arrays of @p r and zeroes it; a zeroed result is a no-op. */
void jk_assign_result_release(jk_assign_result *r);

/* ==== coverage: MCLP and LSCP ======================================= */

typedef enum jk_cover_goal {
	JK_COVER_BUDGET = 0, /* MCLP: at most `budget` new candidates, most
			      * demand weight covered */
	JK_COVER_ALL = 1     /* LSCP: fewest candidates covering every
			      * coverable demand */
} jk_cover_goal;

/*
 * A coverage instance: demands (villages, or clients by weight) and
 * candidates (not-ready sites, new places), and which candidate covers
 * which demand, in CSR form per candidate: candidate j covers the demands
 * cov_demand[k] for k in [cov_start[j], cov_start[j + 1]). Duplicates are
 * allowed.
 */
typedef struct jk_cover_problem {
	size_t n_demands;
	size_t n_candidates;
	const size_t *cov_start;    /* n_candidates + 1 */
	const uint32_t *cov_demand; /* demand index < n_demands */
	/* Weight of each demand, >= 0 (NULL: all 1). With integer weights
	 * the bounds are rounded to integers. LSCP ignores weights except
	 * that a demand of weight 0 need not be covered. */
	const double *weight;
	/* Demands covered already (by ready sites): n_demands flags, non-zero
	 * = covered (NULL: none). They count for nothing. */
	const unsigned char *covered;
	/* Candidates that are open whatever the answer (NULL: none): they
	 * cover their demands first and do not count against the budget. */
	const unsigned char *forced;
	jk_cover_goal goal;
	size_t budget;              /* MCLP: new candidates to choose */
	/* Search effort: branch-and-bound nodes per component (0: 20000),
	 * subgradient iterations (0: 1000). Only change the bound and the
	 * proof, never validity. */
	long node_limit;
	int lagr_iters;
} jk_cover_problem;

/* The answer of jk_plan_cover(). Arrays are owned by the result. */
typedef struct jk_cover_result {
	/* The chosen candidates, forced ones excluded, in rank order: each
	 * adds the most of what is left (ranked[0] first). */
	uint32_t *ranked;
	double *gain;           /* n_chosen: weight (MCLP) or demands (LSCP)
				 * each adds, in rank order */
	size_t n_chosen;
	unsigned char *open;    /* n_candidates: 1 when chosen or forced */
	/* Demands no candidate covers (not already covered, weight > 0),
	 * ascending. */
	uint32_t *uncoverable;
	size_t n_uncoverable;
	/* MCLP: value = weight newly covered by the chosen and forced
	 * candidates (already covered demands excluded); bound = an upper
	 * bound on that for any choice of `budget` candidates.
	 * LSCP: value = chosen candidates (forced excluded); bound = a lower
	 * bound on that. */
	double value;
	double bound;
	/* |bound - value| / max(|value|, 1e-12): 0 is proven optimal. */
	double gap;
	int optimal;            /* 1 when proven optimal */
	/* Figures of the reductions and the search. */
	size_t n_components;
	size_t n_forced_single; /* LSCP: candidates forced as a demand's only one */
	size_t n_dominated;     /* candidates dropped as dominated */
	size_t n_implied;       /* LSCP: demands dropped as implied by another
				 * (its candidates include all of the other's) */
	size_t n_exact;         /* components solved to proven optimality */
	long nodes;             /* branch-and-bound nodes in all */
} jk_cover_result;

/*
 * Solves the MCLP or the LSCP. Valid answers always: the chosen set
 * respects the budget (MCLP) or covers every coverable demand (LSCP), and
 * `bound` is a true bound whatever the effort limits.
 *
 * @return JK_OK; JK_ERR_ARG for a demand index out of range or a
 *         negative or NaN weight; JK_ERR_NOMEM. @p out is filled on
 *         success and zeroed on error; free with jk_cover_result_release().
 */
int jk_plan_cover(jk_ctx *ctx, const jk_cover_problem *p,
		  jk_cover_result *out);

/* Frees the arrays of @p r and zeroes it; a zeroed result is a no-op. */
void jk_cover_result_release(jk_cover_result *r);

/* ==== facility location: p-median and p-center ====================== */

typedef enum jk_median_goal {
	JK_MEDIAN_SUM = 0, /* p-median: minimise sum of weight x cost */
	JK_MEDIAN_MAX = 1  /* p-center: minimise the largest cost of a
			    * client of positive weight */
} jk_median_goal;

/*
 * A location instance: clients (homes) with weights and candidate places,
 * a dense cost matrix (client-major: cost[i * n_candidates + j]; INFINITY
 * for a place a client cannot reach), and for each client its cost to the
 * nearest place that is open already (the Bapas office; INFINITY or NULL
 * when none is).
 */
typedef struct jk_median_problem {
	size_t n_clients;
	size_t n_candidates;
	const double *cost;      /* n_clients * n_candidates, >= 0 or INFINITY */
	const double *weight;    /* n_clients, >= 0 (NULL: all 1) */
	const double *open_cost; /* n_clients (NULL: nothing open yet) */
	jk_median_goal goal;
	size_t p;                /* places to choose, >= 1, <= n_candidates */
	/* Exact enumeration when C(n_candidates, p) x n_clients is at most
	 * this (0: 2e7); Lagrangian iterations (0: 400). */
	double enum_limit;
	int lagr_iters;
} jk_median_problem;

/* The answer of jk_plan_median(). Arrays are owned by the result. */
typedef struct jk_median_result {
	uint32_t *chosen;   /* p candidate indices, in greedy order */
	size_t n_chosen;
	long *assigned;     /* n_clients: the chosen candidate serving each
			     * client, -1 for an already open place or none */
	double value;       /* the objective of the chosen set */
	double bound;       /* a lower bound on the optimum */
	double gap;         /* (value - bound) / max(value, 1e-12) */
	int optimal;        /* 1 when proven optimal */
	/* value is INFINITY when some client of positive weight can reach
	 * no open place whatever is chosen, or with the chosen set. */
} jk_median_result;

/*
 * Chooses p places. The answer is the best set found by greedy and fast
 * swaps (Whitaker's fast interchange, Resende-Werneck bookkeeping), or
 * the optimum by enumeration when that is cheap; `bound` is a true lower
 * bound (Lagrangian for p-median; for p-center a radius below which no
 * p places can serve every client).
 *
 * @return JK_OK; JK_ERR_ARG for p = 0 or p > n_candidates, a negative or
 *         NaN cost or weight; JK_ERR_NOMEM. Free @p out with
 *         jk_median_result_release().
 */
int jk_plan_median(jk_ctx *ctx, const jk_median_problem *p,
		   jk_median_result *out);

/* Frees the arrays of @p r and zeroes it; a zeroed result is a no-op. */
void jk_median_result_release(jk_median_result *r);

/*
 * The curve an office reads to see when another post stops paying:
 * value[k - 1], bound[k - 1] for k = 1 .. max_p places (p of @p p is
 * ignored), each solved as by jk_plan_median(). @p value and @p bound
 * hold max_p doubles each (caller's arrays).
 */
int jk_plan_median_curve(jk_ctx *ctx, const jk_median_problem *p,
			 size_t max_p, double *value, double *bound);

#endif /* JK_PLAN_H */
