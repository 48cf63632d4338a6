/* SPDX-License-Identifier: MIT */
/*
 * Placement of clients at sites within capacity (`jangkau place`): an
 * exact min-cost flow on a sparse set of arcs.
 *
 * The network: a node per free client (supply 1), per site, a dummy site
 * U and the sink T (demand = the free clients). Arcs client -> site
 * (capacity 1, the travel cost), client -> U (capacity 1, cost M), site
 * -> T (capacity = what the site has left after the kept clients, or
 * unlimited), U -> T (unlimited). M = (n + 1) * cmax + 1, cmax the
 * dearest eligible arc, is more than any placement's whole cost, so a
 * min-cost flow places as many clients as possible and, among those
 * placements, costs least: moving one more client from U to a real site
 * saves M, more than any rearrangement of the others can cost.
 *
 * The solver is successive shortest paths, one client at a time
 * (Hungarian style): client i gets a potential pi(i) that makes its arcs'
 * reduced costs c + pi(u) - pi(v) non-negative; Dijkstra on reduced costs
 * from i to T, stopped when T is settled at distance D; augment along the
 * path; pi(v) += min(d(v), D) for every node. Every residual arc keeps a
 * non-negative reduced cost, so after the last client the flow is a
 * min-cost flow of the supplies (the reduced-cost optimality condition).
 * Site loads only grow (a path enters T once, through its last site), so
 * arcs into T never come back. The early stop makes a search cheap while
 * sites have room: the client's nearest free site ends it.
 *
 * Sparse arcs, and why the sparse optimum is the full optimum. Round 1
 * solves the network with, per client, only its k cheapest eligible arcs
 * (k_initial) and the arc a nearest-first greedy gives it (so that the
 * sparse network can place everyone the greedy places). Let f be the
 * min-cost flow found and pi the final potentials: every residual arc of
 * the sparse network has c + pi(u) - pi(v) >= 0. The full network has the
 * same nodes and the left-out client -> site arcs, all with flow 0 in f,
 * so their only residual arc is the forward one. The check computes c_ij
 * + pi(i) - pi(j) for EVERY eligible arc left out. If all are >= 0, then
 * every residual arc of the full network has a non-negative reduced cost
 * under pi, so (reduced-cost optimality: a flow is minimum-cost if and
 * only if some potential makes every residual arc's reduced cost
 * non-negative, since any residual cycle then costs the sum of its
 * reduced costs, >= 0) f is a min-cost flow of the full network too: the
 * sparse optimum is the full optimum, with as many clients placed and the
 * same total cost. If some arcs fail, each such client gets its most
 * negative ones (as many as it has, at least 4) for the next round
 * (column generation), which starts from the sites' last potentials.
 * Every round adds at least one arc, so the rounds end, at worst with
 * every arc in. The check is a linear pass over the arcs.
 *
 * Costs are doubles; on integer costs every potential is an integer and
 * the arithmetic exact. The check allows a relative tolerance of 1e-9 for
 * rounding of non-integer costs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "plan.h"

/* One arc of the clean instance. */
typedef struct arc {
	double c;
	uint32_t s;
} arc;

typedef struct solver {
	size_t n, m;        /* free clients (renumbered), sites */
	size_t N;           /* nodes: n clients, m sites, U, T */
	uint32_t U, T;
	double M;
	/* the sparse arcs per client: sp[spo[i] .. spo[i+1]) */
	const arc *sp;
	const size_t *spo;
	long *room;         /* per site: places left, LONG_MAX unlimited */
	/* state */
	long *asg;          /* per client: site, or -2 for U, -1 not yet */
	double *acost;      /* cost of the assigned arc */
	long *head;         /* per site: first assigned client, -1 */
	long *nxt, *prv;    /* per client: list of its site's clients */
	long u_head;        /* clients on U */
	double *pi;
	double *dist;
	uint32_t *pred;     /* node before, on the search tree */
	double *predc;      /* original cost of that arc (client -> site) */
	unsigned char *state; /* 0 untouched, 1 labelled, 2 settled */
	uint32_t *touched;
	size_t n_touched;
	jk_pheap heap;
} solver;

static void list_add(solver *S, long site, uint32_t i)
{
	long *hd = site >= 0 ? &S->head[site] : &S->u_head;

	S->prv[i] = -1;
	S->nxt[i] = *hd;
	if (*hd >= 0)
		S->prv[*hd] = (long)i;
	*hd = (long)i;
}

static void list_del(solver *S, long site, uint32_t i)
{
	long *hd = site >= 0 ? &S->head[site] : &S->u_head;

	if (S->prv[i] >= 0)
		S->nxt[S->prv[i]] = S->nxt[i];
	else
		*hd = S->nxt[i];
	if (S->nxt[i] >= 0)
		S->prv[S->nxt[i]] = S->prv[i];
}

static int label(solver *S, uint32_t v, double d, uint32_t from, double c)
{
	if (S->state[v] == 2)
		return 0;
	if (S->state[v] == 0) {
		S->state[v] = 1;
		S->touched[S->n_touched++] = v;
	} else if (d >= S->dist[v]) {
		return 0;
	}
	S->dist[v] = d;
	S->pred[v] = from;
	S->predc[v] = c;
	return jk_pheap_push(&S->heap, d, v);
}

/* Places client i (a shortest augmenting path to T); -1 out of memory. */
static int augment(solver *S, uint32_t i)
{
	const arc *a = S->sp + S->spo[i], *ae = S->sp + S->spo[i + 1];
	double best = S->pi[S->U] - S->M, D = 0;
	jk_pheap_item it;
	uint32_t v;
	size_t k;
	int found = 0;

	/* a potential making all of i's arcs non-negative */
	for (; a < ae; a++)
		if (S->pi[S->n + a->s] - a->c > best)
			best = S->pi[S->n + a->s] - a->c;
	S->pi[i] = best;

	S->n_touched = 0;
	S->heap.n = 0;
	if (label(S, i, 0.0, i, 0.0))
		return -1;
	while (jk_pheap_pop(&S->heap, &it)) {
		v = it.item;
		if (S->state[v] == 2 || it.key > S->dist[v])
			continue;
		S->state[v] = 2;
		if (v == S->T) {
			D = it.key;
			found = 1;
			break;
		}
		if (v < S->n) {
			/* client: forward arcs to sites other than its own, and U */
			double pv = S->pi[v];

			for (a = S->sp + S->spo[v], ae = S->sp + S->spo[v + 1]; a < ae; a++) {
				uint32_t w = (uint32_t)S->n + a->s;
				double rc;

				if (S->asg[v] == (long)a->s)
					continue;
				rc = a->c + pv - S->pi[w];
				if (rc < 0)
					rc = 0; /* rounding of non-integer costs */
				if (label(S, w, it.key + rc, v, a->c))
					return -1;
			}
			if (S->asg[v] != -2) {
				double rc = S->M + pv - S->pi[S->U];

				if (label(S, S->U, it.key + (rc < 0 ? 0 : rc), v, S->M))
					return -1;
			}
		} else if (v == S->U) {
			double rc = S->pi[v] - S->pi[S->T];

			if (label(S, S->T, it.key + (rc < 0 ? 0 : rc), v, 0))
				return -1;
			for (long c = S->u_head; c >= 0; c = S->nxt[c]) {
				rc = -S->M + S->pi[v] - S->pi[c];
				if (label(S, (uint32_t)c, it.key + (rc < 0 ? 0 : rc), v, 0))
					return -1;
			}
		} else {
			uint32_t s = v - (uint32_t)S->n;
			double rc;

			if (S->room[s] > 0) {
				rc = S->pi[v] - S->pi[S->T];
				if (label(S, S->T, it.key + (rc < 0 ? 0 : rc), v, 0))
					return -1;
			}
			for (long c = S->head[s]; c >= 0; c = S->nxt[c]) {
				rc = -S->acost[c] + S->pi[v] - S->pi[c];
				if (label(S, (uint32_t)c, it.key + (rc < 0 ? 0 : rc), v, 0))
					return -1;
			}
		}
	}
	/* U -> T has no limit, so T is always reached */
	if (!found)
		D = 0;
	/* potentials: pi(v) += min(d(v), D); every node not settled below D
	 * gets D, which is a shift of all potentials and changes no reduced
	 * cost, so only settled nodes move, by d(v) - D */
	for (k = 0; k < S->n_touched; k++) {
		v = S->touched[k];
		if (S->state[v] == 2 && S->dist[v] < D)
			S->pi[v] += S->dist[v] - D;
		S->state[v] = 0;
	}
	/* augment along the path T <- ... <- i: the nodes alternate site (or
	 * U) and client */
	v = S->T;
	{
		uint32_t last = S->pred[v];

		if (last == S->U)
			;
		else
			S->room[last - S->n]--;
		v = last;
	}
	while (v != i) {
		uint32_t c = S->pred[v]; /* client that moves into v */
		long to = v == S->U ? -2 : (long)(v - S->n);
		long from = S->asg[c];

		if (from != -1)
			list_del(S, from == -2 ? -1 : from, c);
		S->asg[c] = to;
		S->acost[c] = S->predc[v];
		list_add(S, to == -2 ? -1 : to, c);
		if (c == i)
			break;
		v = S->pred[c]; /* the site c left */
	}
	return 0;
}

static int cmp_arc(const void *x, const void *y)
{
	const arc *a = x, *b = y;

	if (a->c != b->c)
		return a->c < b->c ? -1 : 1;
	return a->s < b->s ? -1 : a->s > b->s;
}

/* Moves the k cheapest of a[0..n) to the front (ties by site). */
static void select_k(arc *a, size_t n, size_t k)
{
	size_t lo = 0, hi = n;

	if (k >= n || k == 0)
		return;
	while (hi - lo > 16) {
		arc piv = a[lo + (hi - lo) / 2], t;
		size_t i = lo, j = hi - 1;

		/* Hoare partition around piv */
		for (;;) {
			while (cmp_arc(&a[i], &piv) < 0)
				i++;
			while (cmp_arc(&a[j], &piv) > 0)
				j--;
			if (i >= j)
				break;
			t = a[i];
			a[i] = a[j];
			a[j] = t;
			i++;
			j--;
		}
		if (k - 1 <= j) /* keep position k - 1 inside [lo, hi) */
			hi = j + 1;
		else
			lo = j + 1;
	}
	qsort(a + lo, hi - lo, sizeof *a, cmp_arc);
}

static int cmp_pos(const void *x, const void *y)
{
	const arc *a = x, *b = y;

	return a->s < b->s ? -1 : a->s > b->s;
}

void jk_assign_result_release(jk_assign_result *r)
{
	if (!r)
		return;
	free(r->site);
	free(r->reason);
	free(r->load);
	memset(r, 0, sizeof *r);
}

int jk_plan_assign(jk_ctx *ctx, const jk_assign_problem *p, jk_assign_result *out)
{
	size_t nc = p->n_clients, m = p->n_sites, i, k, n = 0, E = 0;
	double maxc = p->max_cost > 0 ? p->max_cost : INFINITY, cmax = 0;
	size_t k0 = p->k_initial ? p->k_initial : 4;
	uint32_t *cid = NULL;       /* free client -> original index */
	size_t *ao = NULL, *spo = NULL, *ki = NULL;
	arc *all = NULL, *sp = NULL, *vbuf = NULL;
	double *bestc = NULL;
	long *stamp = NULL, *room0 = NULL;
	solver S;
	int rc = JK_OK, round;

	memset(out, 0, sizeof *out);
	memset(&S, 0, sizeof S);
	out->site = malloc((nc ? nc : 1) * sizeof *out->site);
	out->reason = calloc(nc ? nc : 1, sizeof *out->reason);
	out->load = calloc(m ? m : 1, sizeof *out->load);
	cid = malloc((nc ? nc : 1) * sizeof *cid);
	ao = malloc((nc + 1) * sizeof *ao);
	bestc = malloc((m ? m : 1) * sizeof *bestc);
	stamp = malloc((m ? m : 1) * sizeof *stamp);
	room0 = malloc((m ? m : 1) * sizeof *room0);
	if (!out->site || !out->reason || !out->load || !cid || !ao || !bestc ||
	    !stamp || !room0) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory placing %zu clients", nc);
		goto cleanup;
	}
	for (k = 0; k < m; k++) {
		stamp[k] = -1;
		room0[k] = p->capacity && p->capacity[k] >= 0 ? p->capacity[k] : (long)(nc + 1);
	}
	/* kept clients first: they take their places before anyone moves */
	for (i = 0; i < nc; i++) {
		long s = p->fixed_site ? p->fixed_site[i] : -1;

		out->site[i] = -1;
		if (s < 0)
			continue;
		if ((size_t)s >= m) {
			rc = jk_error(ctx, JK_ERR_ARG, "client %zu is kept at site %ld, "
				      "but there are %zu sites", i, s, m);
			goto cleanup;
		}
		if (room0[s] <= 0) {
			rc = jk_error(ctx, JK_ERR_ARG, "site %ld cannot keep client %zu: "
				      "its capacity is %ld; release a kept client there",
				      s, i, p->capacity ? p->capacity[s] : 0L);
			goto cleanup;
		}
		room0[s]--;
		out->site[i] = s;
		out->load[s]++;
		out->n_placed++;
		for (k = p->arc_start[i]; k < p->arc_start[i + 1]; k++)
			if (p->arc_site[k] == (uint32_t)s) {
				out->total_cost += p->arc_cost[k];
				break;
			}
	}
	/* the clean instance: free clients with at least one eligible arc,
	 * one arc per site (the cheapest), within max_cost */
	for (i = 0; i < nc; i++)
		if (out->site[i] < 0)
			E += p->arc_start[i + 1] - p->arc_start[i];
	all = malloc((E ? E : 1) * sizeof *all);
	if (!all) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory for %zu arcs", E);
		goto cleanup;
	}
	E = 0;
	ao[0] = 0;
	for (i = 0; i < nc; i++) {
		size_t e0 = E;
		int in_reach = 0;

		if (out->site[i] >= 0)
			continue;
		for (k = p->arc_start[i]; k < p->arc_start[i + 1]; k++) {
			uint32_t s = p->arc_site[k];
			double c = p->arc_cost[k];

			if (s >= m || !(c >= 0) || isinf(c)) {
				rc = jk_error(ctx, JK_ERR_ARG, s >= m
					      ? "client %zu: site index out of range"
					      : "client %zu: cost is negative, infinite or not a number", i);
				goto cleanup;
			}
			if (c > maxc)
				continue;
			in_reach = 1;
			if (room0[s] <= 0)
				continue; /* a full site is no arc: it cannot take anyone */
			if (stamp[s] == (long)i) {
				if (c < bestc[s])
					bestc[s] = c;
				continue;
			}
			stamp[s] = (long)i;
			bestc[s] = c;
			all[E].s = s;
			all[E++].c = 0;
		}
		for (k = e0; k < E; k++) {
			all[k].c = bestc[all[k].s];
			if (all[k].c > cmax)
				cmax = all[k].c;
		}
		if (E == e0) {
			out->reason[i] = in_reach ? JK_UNPLACED_NO_CAPACITY : JK_UNPLACED_NO_SITE;
			continue;
		}
		cid[n++] = (uint32_t)i;
		ao[n] = E;
	}
	out->arcs_all = E;
	out->check_slack = INFINITY;
	if (n == 0)
		goto cleanup;

	S.n = n;
	S.m = m;
	S.N = n + m + 2;
	S.U = (uint32_t)(n + m);
	S.T = (uint32_t)(n + m + 1);
	S.M = (double)(n + 1) * (cmax > 0 ? cmax : 1) + 1;
	S.room = malloc(m * sizeof *S.room);
	S.asg = malloc(n * sizeof *S.asg);
	S.acost = malloc(n * sizeof *S.acost);
	S.head = malloc(m * sizeof *S.head);
	S.nxt = malloc(n * sizeof *S.nxt);
	S.prv = malloc(n * sizeof *S.prv);
	S.pi = malloc(S.N * sizeof *S.pi);
	S.dist = malloc(S.N * sizeof *S.dist);
	S.pred = malloc(S.N * sizeof *S.pred);
	S.predc = malloc(S.N * sizeof *S.predc);
	S.state = calloc(S.N, 1);
	S.touched = malloc(S.N * sizeof *S.touched);
	sp = malloc(E * sizeof *sp);
	vbuf = malloc(E * sizeof *vbuf);
	spo = malloc((n + 1) * sizeof *spo);
	ki = malloc(n * sizeof *ki);
	if (!S.room || !S.asg || !S.acost || !S.head || !S.nxt || !S.prv || !S.pi ||
	    !S.dist || !S.pred || !S.predc || !S.state || !S.touched || !sp || !vbuf || !spo || !ki) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory placing %zu clients", nc);
		goto cleanup;
	}
	for (i = 0; i < n; i++)
		ki[i] = k0;
	/* round 1 also gets each client's nearest-first greedy arc (the
	 * nearest site with room left, clients in order): then the sparse
	 * network can place everyone the greedy places, and its potentials
	 * are not inflated by clients parked on U for want of arcs */
	memcpy(S.room, room0, m * sizeof *S.room);
	for (i = 0; i < n; i++) {
		size_t deg = ao[i + 1] - ao[i], bk = SIZE_MAX, kk;
		double bc = INFINITY;
		uint32_t gs = 0;

		for (k = 0; k < deg; k++) {
			const arc *a = &all[ao[i] + k];

			if (S.room[a->s] > 0 && (a->c < bc || (a->c == bc && a->s < all[ao[i] + bk].s))) {
				bc = a->c;
				bk = k;
			}
		}
		if (bk != SIZE_MAX) {
			gs = all[ao[i] + bk].s;
			S.room[gs]--;
		}
		kk = ki[i] < deg ? ki[i] : deg;
		select_k(all + ao[i], deg, kk);
		ki[i] = kk;
		if (bk == SIZE_MAX)
			continue;
		for (k = 0; k < deg; k++)
			if (all[ao[i] + k].s == gs)
				break;
		if (k >= kk) { /* not among the k cheapest: into the prefix */
			arc t = all[ao[i] + kk];

			all[ao[i] + kk] = all[ao[i] + k];
			all[ao[i] + k] = t;
			ki[i]++;
		}
	}
	S.sp = sp;
	S.spo = spo;

	for (round = 1;; round++) {
		size_t viol = 0, used = 0;
		double slack = INFINITY;

		/* the sparse arcs: each client's k_i cheapest */
		spo[0] = 0;
		for (i = 0; i < n; i++) {
			size_t deg = ao[i + 1] - ao[i], kk = ki[i] < deg ? ki[i] : deg;

			/* the prefix: the k cheapest and the greedy arc, then the
			 * arcs that failed the check, moved there by it */
			memcpy(sp + used, all + ao[i], kk * sizeof *sp);
			used += kk;
			spo[i + 1] = used;
		}
		memcpy(S.room, room0, m * sizeof *S.room);
		for (k = 0; k < m; k++)
			S.head[k] = -1;
		S.u_head = -1;
		for (i = 0; i < n; i++)
			S.asg[i] = -1;
		if (round == 1) {
			memset(S.pi, 0, S.N * sizeof *S.pi);
		} else {
			/* warm start: the sites keep last round's potentials (any
			 * potentials are valid on the empty flow once T is at or
			 * below every site and U) */
			double lo = S.pi[S.U];

			for (k = 0; k < m; k++)
				if (S.pi[n + k] < lo)
					lo = S.pi[n + k];
			S.pi[S.T] = lo;
		}
		for (i = 0; i < n; i++)
			if (augment(&S, (uint32_t)i)) {
				rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory placing clients");
				goto cleanup;
			}
		/* the check over every arc left out */
		for (i = 0; i < n; i++) {
			size_t deg = ao[i + 1] - ao[i], kk = spo[i + 1] - spo[i], nv = 0, q;

			for (k = kk; k < deg; k++) {
				arc *a = &all[ao[i] + k];
				double r = a->c + S.pi[i] - S.pi[n + a->s];
				double tol = 1e-12 * (fabs(S.pi[i]) + fabs(S.pi[n + a->s])) + 1e-9;

				if (r < slack)
					slack = r;
				if (r < -tol) {
					vbuf[nv].c = r;
					vbuf[nv++].s = (uint32_t)k;
				}
			}
			if (nv == 0)
				continue;
			/* the next round gets the most negative ones, as many as
			 * the client has (at least 4): column generation */
			viol++;
			q = kk > 4 ? kk : 4;
			if (q > nv)
				q = nv;
			select_k(vbuf, nv, q);
			/* positions ascending, so that swaps do not disturb them */
			qsort(vbuf, q, sizeof *vbuf, cmp_pos);
			for (k = 0; k < q; k++) {
				arc t = all[ao[i] + kk + k];

				all[ao[i] + kk + k] = all[ao[i] + vbuf[k].s];
				all[ao[i] + vbuf[k].s] = t;
			}
			ki[i] = kk + q;
		}
		jk_msg(ctx, JK_LOG_DEBUG, "place: round %d: %zu arcs, %zu clients failed "
		       "the check", round, used, viol);
		out->rounds = round;
		out->arcs_used = used;
		out->check_slack = slack;
		if (viol == 0)
			break;
	}
	for (i = 0; i < n; i++) {
		uint32_t c = cid[i];

		if (S.asg[i] >= 0) {
			out->site[c] = S.asg[i];
			out->load[S.asg[i]]++;
			out->n_placed++;
			out->total_cost += S.acost[i];
		} else {
			out->reason[c] = JK_UNPLACED_NO_CAPACITY;
		}
	}

cleanup:
	free(cid);
	free(ao);
	free(all);
	free(sp);
	free(vbuf);
	free(spo);
	free(ki);
	free(bestc);
	free(stamp);
	free(room0);
	free(S.room);
	free(S.asg);
	free(S.acost);
	free(S.head);
	free(S.nxt);
	free(S.prv);
	free(S.pi);
	free(S.dist);
	free(S.pred);
	free(S.predc);
	free(S.state);
	free(S.touched);
	jk_pheap_release(&S.heap);
	if (rc != JK_OK)
		jk_assign_result_release(out);
	return rc;
}
