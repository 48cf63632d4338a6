/* SPDX-License-Identifier: MIT */
/*
 * Text normalisation for Indonesian place names: the folded form used by
 * the address parser and the joined comparison key used by the gazetteer
 * (see normalize.h for the rules and why they are what they are).
 */
#include <stdio.h>
#include <string.h>

#include "normalize.h"

/* Base letters of U+00C0..U+00FF (Latin-1 supplement); 0 = not a letter. */
static const char latin1_base[64] = {
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', /* C0-C7 */
	'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* C8-CF */
	'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   /* D0-D7 */
	'o', 'u', 'u', 'u', 'u', 'y', 0, 's',   /* D8-DF */
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', /* E0-E7 */
	'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* E8-EF */
	'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   /* F0-F7 */
	'o', 'u', 'u', 'u', 'u', 'y', 0, 'y'    /* F8-FF */
};

/* Appends one character, collapsing spaces; the caller terminates. */
static void fold_put(char *out, size_t size, size_t *n, char c)
{
	if (c == ' ' && (*n == 0 || out[*n - 1] == ' '))
		return;
	if (*n + 1 < size)
		out[(*n)++] = c;
}

/* Length of the UTF-8 sequence that starts with byte @p c (1 if invalid). */
static size_t utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

size_t jk_norm_fold(const char *in, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t n = 0;

	if (!size)
		return 0;
	while (p && *p) {
		unsigned char c = *p;

		if (c < 0x80) {
			if (c == '\'' || c == '`') {
				/* apostrophes are dropped, not split */
			} else if (c < 0x20 || c == 0x7f || c == ' ') {
				fold_put(out, size, &n, ' ');
			} else if (c >= 'A' && c <= 'Z') {
				fold_put(out, size, &n, (char)(c - 'A' + 'a'));
			} else {
				fold_put(out, size, &n, (char)c);
			}
			p++;
			continue;
		}
		if (c == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf) {
			char b = latin1_base[p[1] - 0x80];

			fold_put(out, size, &n, b ? b : ' ');
			p += 2;
			continue;
		}
		if (c == 0xe2 && p[1] == 0x80 && p[2]) {
			if (p[2] == 0x98 || p[2] == 0x99)
				; /* typographic apostrophes */
			else if (p[2] == 0x93 || p[2] == 0x94)
				fold_put(out, size, &n, '-');
			else
				fold_put(out, size, &n, ' ');
			p += 3;
			continue;
		}
		{
			size_t k = utf8_len(c), i;

			/* any other code point separates words */
			for (i = 1; i < k && p[i]; i++)
				;
			fold_put(out, size, &n, ' ');
			p += i;
		}
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return n;
}

int jk_norm_roman(const char *s, size_t n)
{
	static const char *const tab[] = {
		"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii",
		"xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
		"xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii",
		"xxxiv", "xxxv", "xxxvi", "xxxvii", "xxxviii", "xxxix"
	};
	size_t i;

	if (n == 0 || n > 7)
		return 0;
	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strlen(tab[i]) == n && memcmp(tab[i], s, n) == 0)
			return (int)i + 1;
	return 0;
}

int jk_norm_number_word(const char *s, size_t n)
{
	static const char *const tab[] = {
		"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
		"delapan", "sembilan", "sepuluh", "sebelas"
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strlen(tab[i]) == n && memcmp(tab[i], s, n) == 0)
			return (int)i + 1;
	return 0;
}

/* Abbreviations written inside place names, and the word the key uses
 * for both spellings ("Sei Rampah" = "Sungai Rampah", "Tj. Batu" =
 * "Tanjung Batu"): applied to the gazetteer and to addresses alike. */
static const struct {
	const char *abbr, *word;
} abbrtab[] = {
	{ "sei", "sungai" }, { "sg", "sungai" }, { "sgi", "sungai" },
	{ "gn", "gunung" }, { "gng", "gunung" },
	{ "tj", "tanjung" }, { "tg", "tanjung" }, { "tjg", "tanjung" },
	{ "tanjong", "tanjung" },
	{ "kp", "kampung" }, { "kpg", "kampung" }, { "kamp", "kampung" },
	{ "pd", "pondok" }, { "pdk", "pondok" },
	{ "bt", "batu" }, { "kr", "karang" }, { "krg", "karang" },
	{ "sp", "simpang" }, { "spg", "simpang" }, { "smp", "simpang" },
	{ "p", "pulau" }, { "pl", "pulau" }, { "kep", "kepulauan" },
	{ "psr", "pasar" }, { "ps", "pasar" },
	{ "lbk", "lubuk" }, { "lb", "lubuk" },
	{ "mr", "muara" }, { "ma", "muara" }, { "muaro", "muara" },
	{ "s", "sungai" }, { "g", "gunung" }, { "tlk", "teluk" },
	{ "simp", "simpang" }, { "pdg", "padang" }, { "bkt", "bukit" },
	{ "pmt", "pematang" }, { "pmtg", "pematang" },
};

/* The word a key writes for word @p s of @p n bytes: its expansion when
 * it is an abbreviation, else itself. */
static const char *key_word(const char *s, size_t *n)
{
	size_t i;

	for (i = 0; i < sizeof abbrtab / sizeof abbrtab[0]; i++)
		if (strlen(abbrtab[i].abbr) == *n &&
		    memcmp(abbrtab[i].abbr, s, *n) == 0) {
			*n = strlen(abbrtab[i].word);
			return abbrtab[i].word;
		}
	return s;
}

/* Reads an Indonesian number written in words from the words @p w[0..nw)
 * ("dua belas" 12, "tiga puluh lima" 35, "seratus dua" 102, "sebelas"),
 * returns its value and sets *used to the words taken; 0 when @p w[0] is
 * no number word. */
static int number_words(const char *const *w, const size_t *wl, int nw,
			int *used)
{
	int v = 0, cur = 0, i = 0;

	*used = 0;
	while (i < nw) {
		int u = jk_norm_number_word(w[i], wl[i]);
		int next = i + 1 < nw;

		if (wl[i] == 7 && memcmp(w[i], "seratus", 7) == 0) {
			v += 100;
			i++;
			continue;
		}
		if (!u || u > 9) {
			if (u >= 10) { /* sepuluh, sebelas */
				cur += u;
				i++;
			}
			break;
		}
		i++;
		if (next && wl[i] == 5 && memcmp(w[i], "belas", 5) == 0) {
			cur += 10 + u;
			i++;
			break;
		}
		if (next && wl[i] == 5 && memcmp(w[i], "puluh", 5) == 0) {
			cur += 10 * u;
			i++;
			continue; /* "tiga puluh lima" */
		}
		if (next && wl[i] == 5 && memcmp(w[i], "ratus", 5) == 0) {
			v += 100 * u;
			i++;
			continue;
		}
		cur += u;
		break;
	}
	*used = i;
	return v + cur;
}

static int is_alnum_lc(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static void key_put(char *out, size_t size, size_t *n, const char *s,
		    size_t k)
{
	for (; k > 0 && *n + 1 < size; k--)
		out[(*n)++] = *s++;
}

#define KEY_WORDS 32

/*
 * Writes the key of @p in to @p out and, if @p out2 is not NULL, the key
 * with number words kept to @p out2 (both of @p size bytes). Returns the
 * length of the first; *had_words tells whether a number word was turned
 * into digits (then the two keys differ).
 */
static size_t key_make(const char *in, char *out, char *out2, size_t size,
		       int *had_words)
{
	char buf[256];
	const char *w[KEY_WORDS];
	size_t wl[KEY_WORDS], len, i = 0, n = 0, n2 = 0;
	int nw = 0, k;

	*had_words = 0;
	if (!size)
		return 0;
	len = jk_norm_fold(in, buf, sizeof buf);
	while (i < len && nw < KEY_WORDS) {
		size_t s;

		while (i < len && !is_alnum_lc(buf[i]))
			i++;
		if (i >= len)
			break;
		s = i;
		while (i < len && is_alnum_lc(buf[i]))
			i++;
		w[nw] = buf + s;
		wl[nw] = i - s;
		nw++;
	}
	for (k = 0; k < nw;) {
		int used = 0, v = number_words(w + k, wl + k, nw - k, &used);
		char num[8];
		size_t d;

		/* a roman numeral after the first word: "Raha II" */
		if (!used && k > 0 && (v = jk_norm_roman(w[k], wl[k])) != 0)
			used = -1;
		if (!used) {
			size_t m = wl[k];
			/* a one-word name is a name ("Se'i"), not an
			 * abbreviation */
			const char *x = nw > 1 ? key_word(w[k], &m) : w[k];

			key_put(out, size, &n, x, m);
			if (out2)
				key_put(out2, size, &n2, x, m);
			k++;
			continue;
		}
		d = (size_t)snprintf(num, sizeof num, "%d", v);
		key_put(out, size, &n, num, d);
		if (used < 0) {
			if (out2)
				key_put(out2, size, &n2, num, d);
			k++;
			continue;
		}
		*had_words = 1;
		for (; used > 0; used--, k++)
			if (out2)
				key_put(out2, size, &n2, w[k], wl[k]);
	}
	out[n] = '\0';
	if (out2)
		out2[n2] = '\0';
	return n;
}

size_t jk_norm_key(const char *in, char *out, size_t size)
{
	int w;

	return key_make(in, out, NULL, size, &w);
}

size_t jk_norm_keys(const char *in, char *out, char *out2, size_t size)
{
	int w;
	size_t n = key_make(in, out, out2, size, &w);

	if (!w && size)
		out2[0] = '\0';
	return n;
}
