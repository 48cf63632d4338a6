/*
 * Text normalisation for Indonesian place names: the folded form used by
 * the address parser and the joined comparison key used by the gazetteer
 * (see normalize.h for the rules and why they are what they are).
 */
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
		"delapan", "sembilan", "sepuluh"
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strlen(tab[i]) == n && memcmp(tab[i], s, n) == 0)
			return (int)i + 1;
	return 0;
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
	size_t len, i = 0, n = 0, n2 = 0;
	int word = 0;

	*had_words = 0;
	if (!size)
		return 0;
	len = jk_norm_fold(in, buf, sizeof buf);
	while (i < len) {
		size_t s, k;
		int v = 0, w = 0;

		while (i < len && !is_alnum_lc(buf[i]))
			i++;
		if (i >= len)
			break;
		s = i;
		while (i < len && is_alnum_lc(buf[i]))
			i++;
		k = i - s;
		if (word > 0) {
			v = jk_norm_roman(buf + s, k);
			if (!v) {
				v = w = jk_norm_number_word(buf + s, k);
				*had_words |= w != 0;
			}
		}
		word++;
		if (v) {
			char num[2];
			size_t d = 0;

			if (v >= 10)
				num[d++] = (char)('0' + v / 10);
			num[d++] = (char)('0' + v % 10);
			key_put(out, size, &n, num, d);
			if (out2 && w)
				key_put(out2, size, &n2, buf + s, k);
			else if (out2)
				key_put(out2, size, &n2, num, d);
		} else {
			key_put(out, size, &n, buf + s, k);
			if (out2)
				key_put(out2, size, &n2, buf + s, k);
		}
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
