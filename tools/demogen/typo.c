/* SPDX-License-Identifier: MIT */
/*
 * Typing errors: one-character edits as an office clerk makes them (a
 * vowel swapped, a neighbouring key, a letter dropped, doubled or
 * transposed), never on the first letter of a name, inside a short word or
 * a roman numeral, and kept only when the misspelt name is still nearer to
 * its original than to any other name of the province.
 */
#include "demogen.h"

static const char *const KEY_NEIGHBOURS[26] = {
    "qwsz",   "vghn",  "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko",
    "huikmn", "jiolm", "kop",  "njk",	 "bhjm", "iklp",   "ol",     "wa",     "edft",
    "awedxz", "rfgy",  "yhji", "cfgb",	 "qase", "zsdc",   "tghu",   "asx"};

/* May position p of s be edited? Never the first letter of the name, never
 * inside a short word or a roman numeral ("II"). */
static int typo_pos_ok(const char *s, int p)
{
	int a = p, b = p, upper = 1;

	if (p <= 0 || !is_alpha((unsigned char)s[p]))
		return 0;
	while (a > 0 && is_alpha((unsigned char)s[a - 1]))
		a--;
	while (s[b + 1] && is_alpha((unsigned char)s[b + 1]))
		b++;
	if (b - a + 1 < 3)
		return 0;
	for (int i = a; i <= b; i++)
		if (!is_upper((unsigned char)s[i]))
			upper = 0;
	return !upper;
}

static char case_like(char model, int c)
{
	return (char)(is_upper((unsigned char)model) ? to_upper(c) : to_lower(c));
}

/* One edit: vowel swap or neighbouring key, deletion, insertion, or
 * transposition. Writes into out (size n). Returns 0 when no edit fits. */
static int typo_once(rng *r, const char *in, char *out, size_t n)
{
	int len = (int)strlen(in), pos[128], np = 0, p, op;
	char buf[160];

	if (len >= 120)
		return 0;
	for (int i = 0; i < len; i++)
		if (typo_pos_ok(in, i))
			pos[np++] = i;
	if (np == 0)
		return 0;
	p = pos[rng_int(r, 0, np - 1)];
	memcpy(buf, in, (size_t)len + 1);
	op = rng_int(r, 0, 99);
	if (op < 30 && is_vowel((unsigned char)in[p])) {
		static const char *const swaps[] = {"ae", "ei", "ie", "ou", "uo", "ao"};
		char c = (char)to_lower((unsigned char)in[p]);
		const char *sw = NULL;

		for (size_t i = 0; i < NELEM(swaps); i++)
			if (swaps[i][0] == c && (!sw || rng_chance(r, 0.5)))
				sw = swaps[i];
		buf[p] = case_like(in[p], sw ? sw[1] : 'a');
	} else if (op < 50) {
		const char *nb = KEY_NEIGHBOURS[to_lower((unsigned char)in[p]) - 'a'];

		buf[p] = case_like(in[p], nb[rng_int(r, 0, (int)strlen(nb) - 1)]);
	} else if (op < 70) {
		memmove(buf + p, buf + p + 1, (size_t)(len - p));
	} else if (op < 85) {
		const char *nb = KEY_NEIGHBOURS[to_lower((unsigned char)in[p]) - 'a'];
		int c = rng_chance(r, 0.5) ? in[p] : nb[rng_int(r, 0, (int)strlen(nb) - 1)];

		memmove(buf + p + 2, buf + p + 1, (size_t)(len - p));
		buf[p + 1] = case_like(in[p], c);
	} else {
		if (!typo_pos_ok(in, p + 1) || in[p] == in[p + 1])
			return 0;
		buf[p] = in[p + 1];
		buf[p + 1] = in[p];
	}
	if (strcmp(buf, in) == 0)
		return 0;
	scopy(out, n, buf);
	return 1;
}

/* Is the misspelt name (normalised) nearer to some other name of the
 * province than to the one it was made from? Then it would not be a typo
 * but a wrong place. */
static int typo_misleads(const world *w, const char *typo, const char *orig)
{
	int d0 = levenshtein(typo, orig);

	for (int i = 0; i < w->nused; i++)
		if (strcmp(w->used[i], orig) != 0 && levenshtein(typo, w->used[i]) <= d0)
			return 1;
	return 0;
}

/* 1 (75%) or 2 edits, the result still nearest to the original among all
 * names of the province. 0 for short names. */
int typo_name(const world *w, rng *r, const char *in, char *out, size_t n, int max_edits)
{
	char ni[96];

	if (count_letters(in) < 5)
		return 0;
	norm_name(in, ni, sizeof(ni));
	for (int t = 0; t < 40; t++) {
		char a[128], b[128], nb[128];

		if (!typo_once(r, in, a, sizeof(a)))
			continue;
		if (max_edits > 1 && rng_chance(r, 0.25)) {
			if (!typo_once(r, a, b, sizeof(b)))
				continue;
		} else {
			scopy(b, sizeof(b), a);
		}
		norm_name(b, nb, sizeof(nb));
		if (strcmp(nb, ni) == 0 || typo_misleads(w, nb, ni))
			continue;
		scopy(out, n, b);
		return 1;
	}
	return 0;
}
