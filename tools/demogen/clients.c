/* SPDX-License-Identifier: MIT */
/*
 * The true client register: clients living mostly in the city with a dozen
 * placed on purpose in villages without a ready site, children among them,
 * with hours to serve and start dates on weekdays of 2026.
 */
#include "demogen.h"

/* Weekdays are counted from 2026-01-01 (a Thursday) as day 0. */
#define DAY_FIRST 4  /* Mon 2026-01-05 */
#define DAY_LAST 204 /* Fri 2026-07-24 */
#define DAY_ASOF 211 /* Fri 2026-07-31: the register's "as of" date */

void day_to_date(int day, int *m, int *d)
{
	static const int ml[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int mo = 0;

	while (day >= ml[mo]) {
		day -= ml[mo];
		mo++;
	}
	*m = mo + 1;
	*d = day + 1;
}

static int cmp_client(const void *a, const void *b)
{
	const client_t *p = a, *q = b;

	if (p->day != q->day)
		return p->day - q->day;
	return strcmp(p->id, q->id); /* id holds the draw order here */
}

/* Clients live mostly in the city; a dozen are placed on purpose in
 * villages that have no ready site, among them the offshore island. */
void make_clients(world *w, rng *r, int n)
{
	double wt[MAXV], tot = 0;
	int nogap[MAXV], nng = 0, small[MAXV], nsm = 0, *child = xcalloc((size_t)n, sizeof(int));

	for (int c = 0; c < n; c++)
		child[c] = c < (n * 15 + 50) / 100; /* 15% children */
	rng_shuffle(r, child, n);
	w->cli = xcalloc((size_t)n, sizeof(client_t));
	w->ncli = n;
	for (int i = 0; i < w->nvil; i++) {
		wt[i] = kab_of(w, i) == KAB_KOTA ? 10.0 : 1.0;
		tot += wt[i];
		if (w->vil[i].design != D_NORMAL)
			nogap[nng++] = i;
		if (w->vil[i].island == ISL_SMALL)
			small[nsm++] = i;
	}
	for (int c = 0; c < n; c++) {
		client_t *k = &w->cli[c];
		int vi = 0;

		if (c < 3)
			vi = small[rng_int(r, 0, nsm - 1)];
		else if (c < 12)
			vi = nogap[rng_int(r, 0, nng - 1)];
		else {
			double u = rng_unif(r) * tot;

			for (vi = 0; vi < w->nvil - 1 && u >= wt[vi]; vi++)
				u -= wt[vi];
		}
		k->vil = vi;
		w->vil[vi].n_clients++;
		sample_point(w, r, vi, 1, w->vil[vi].has_islet ? 0 : -1, &k->lon, &k->lat);
		k->anak = child[c];
		k->jam = k->anak ? rng_int(r, 7, 120) : rng_int(r, 8, 240);
		do
			k->day = rng_int(r, DAY_FIRST, DAY_LAST);
		while ((3 + k->day) % 7 >= 5);
		{
			double rate = k->anak ? 4.0 + 4.0 * rng_unif(r) : 6.0 + 8.0 * rng_unif(r);

			k->selesai = (DAY_ASOF - k->day) / 7.0 * rate >= k->jam;
			if (k->selesai && rng_chance(r, 0.06))
				k->selesai = 0; /* a late finisher */
		}
		sfmt(k->id, sizeof(k->id), "%05d", c);
	}
	free(child);
	qsort(w->cli, (size_t)n, sizeof(client_t), cmp_client);
	for (int c = 0; c < n; c++)
		sfmt(w->cli[c].id, sizeof(w->cli[c].id), "DMO-2026-%04d", c + 1);
}
