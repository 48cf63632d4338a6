/* SPDX-License-Identifier: MIT */
/*
 * Banded optimal-string-alignment distance with an edit budget and the
 * similarity rule built on it (see fuzzy.h for the choice of measure).
 */
#include <stdint.h>
#include <string.h>

#include "fuzzy.h"
#include "normalize.h"

#define FZ_N JK_NORM_KEY_MAX
#define FZ_BIG 1000

/*
 * plausible[x] has bit y set when typing y for x looks like a typo: a vowel
 * for a vowel, or a QWERTY neighbour (same row next key, or the row above
 * or below within three quarters of a key; the second row is shifted a
 * quarter key, the third three quarters). Generated from those rules.
 */
static const uint32_t plausible[26] = {
	0x2554111u, 0x02020c2u, 0x0a0002cu, 0x086003cu,
	0x0564119u, 0x02a006cu, 0x12800e2u, 0x11022c2u,
	0x0104711u, 0x0103780u, 0x0005f00u, 0x000cc00u,
	0x0003600u, 0x0003282u, 0x010cd11u, 0x000c800u,
	0x0410001u, 0x00a0038u, 0x2c40019u, 0x10a0060u,
	0x1104391u, 0x0200066u, 0x0450011u, 0x284000cu,
	0x11800c0u, 0x2840001u,
};

int jk_fuzzy_plausible_sub(char x, char y)
{
	if (x == y)
		return 1;
	if (x < 'a' || x > 'z' || y < 'a' || y > 'z')
		return 0;
	return (int)((plausible[x - 'a'] >> (y - 'a')) & 1u);
}

uint32_t jk_fuzzy_letter_mask(const char *s, size_t n)
{
	uint32_t m = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'a' && c <= 'z')
			m |= 1u << (c - 'a');
		else if (c >= '0' && c <= '9')
			m |= 1u << 26; /* digits together */
	}
	return m;
}

int jk_fuzzy_mask_may_match(uint32_t a, uint32_t b, int max_edits)
{
	uint32_t x = a ^ b;
	int n = 0, lim = 2 * max_edits;

	while (x) {
		x &= x - 1;
		if (++n > lim)
			return 0;
	}
	return 1;
}

/*
 * Banded OSA with per-operation costs: @p unit for an insertion, deletion,
 * transposition or plausible substitution, @p odd for another
 * substitution. At most @p band edits (the band half-width). Returns the
 * cost, or max + 1 when it exceeds @p max.
 */
static int osa_band(const char *a, size_t la, const char *b, size_t lb,
		    int band, int max, int unit, int odd)
{
	/* three rows: i-2, i-1, i (rolling); no VLA */
	int rows[3][FZ_N + 1];
	int *pp, *pr, *cur;
	size_t i, j;

	if (la >= FZ_N)
		la = FZ_N - 1;
	if (lb >= FZ_N)
		lb = FZ_N - 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)band)
		return max + 1;
	if (la == 0 || lb == 0) {
		int d = (int)(la + lb) * unit;

		return d <= max ? d : max + 1;
	}
	pp = rows[0];
	pr = rows[1];
	cur = rows[2];
	for (j = 0; j <= lb; j++) {
		pr[j] = (int)j * unit;
		pp[j] = FZ_BIG;
	}
	for (i = 1; i <= la; i++) {
		size_t lo = i > (size_t)band ? i - (size_t)band : 1;
		size_t hi = i + (size_t)band < lb ? i + (size_t)band : lb;
		int best, *t;

		cur[0] = (int)i * unit;
		/* cells outside the band are effectively infinite */
		if (lo > 1)
			cur[lo - 1] = FZ_BIG;
		best = lo == 1 ? cur[0] : FZ_BIG;
		for (j = lo; j <= hi; j++) {
			char x = a[i - 1], y = b[j - 1];
			int cost = x == y ? 0 : unit;
			int v;

			if (x != y && odd != unit && !jk_fuzzy_plausible_sub(x, y))
				cost = odd;
			v = pr[j - 1] + cost;
			if (pr[j] + unit < v)
				v = pr[j] + unit;
			if (cur[j - 1] + unit < v)
				v = cur[j - 1] + unit;
			if (i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y &&
			    pp[j - 2] + unit < v)
				v = pp[j - 2] + unit;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (hi < lb)
			cur[hi + 1] = FZ_BIG;
		if (best > max)
			return max + 1;
		t = pp;
		pp = pr;
		pr = cur;
		cur = t;
	}
	return pr[lb] <= max ? pr[lb] : max + 1;
}

int jk_fuzzy_osa(const char *a, size_t la, const char *b, size_t lb, int max)
{
	if (max < 0)
		return 0;
	return osa_band(a, la, b, lb, max, max, 1, 1);
}

int jk_fuzzy_cost(const char *a, size_t la, const char *b, size_t lb,
		  int max_cost)
{
	if (max_cost < 0)
		return 0;
	return osa_band(a, la, b, lb, max_cost / 10, max_cost, 10,
			JK_FUZZY_COST_ODD);
}

int jk_fuzzy_max_edits(size_t len)
{
	if (len < 4)
		return 0;
	if (len < 6)
		return 1;
	return 2;
}

double jk_fuzzy_sim_from_cost(int cost, size_t len)
{
	double l = len > 10 ? (double)len : 10.0;
	double s = 1.0 - (double)cost / (10.0 * l);

	return s < 0 ? 0 : s;
}

/* Do @p a and @p b hold the same digits in the same order? "Raha 1" and
 * "Raha 2" are two villages, never a misspelling of each other. */
static int same_digits(const char *a, size_t la, const char *b, size_t lb)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < la && (a[i] < '0' || a[i] > '9'))
			i++;
		while (j < lb && (b[j] < '0' || b[j] > '9'))
			j++;
		if (i == la || j == lb)
			return i == la && j == lb;
		if (a[i++] != b[j++])
			return 0;
	}
}

double jk_fuzzy_name_sim(const char *a, size_t la, const char *b, size_t lb,
			 int *cost)
{
	int max, d;

	if (cost)
		*cost = -1;
	if (la == 0 || lb == 0)
		return 0;
	if (la == lb && a[0] == b[0]) {
		size_t i = 1;

		while (i < la && a[i] == b[i])
			i++;
		if (i == la) {
			if (cost)
				*cost = 0;
			return 1.0;
		}
	}
	if (a[0] != b[0] || !same_digits(a, la, b, lb))
		return 0;
	max = jk_fuzzy_max_edits(lb) * JK_FUZZY_COST_ODD;
	d = jk_fuzzy_cost(a, la, b, lb, max);
	if (d > max)
		return 0;
	if (cost)
		*cost = d;
	return jk_fuzzy_sim_from_cost(d, la > lb ? la : lb);
}
