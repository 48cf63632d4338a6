/* SPDX-License-Identifier: MIT */
/*
 * Failure, memory and strings for jk_demogen: die() (the tool's one way to
 * fail), allocation that cannot return NULL, bounded copies that treat
 * truncation as a bug, a growing string buffer, and the ASCII letter
 * helpers and edit distance the name stages compare names with.
 */
#include <stdarg.h>

#include "demogen.h"

void die(const char *fmt, ...)
{
	va_list ap;

	fputs("jk_demogen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("out of memory");
	return q;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xrealloc(NULL, n);

	memcpy(p, s, n);
	return p;
}

/* Bounded copy that always terminates; truncation is a bug here. */
void scopy(char *dst, size_t n, const char *src)
{
	if ((size_t)snprintf(dst, n, "%s", src) >= n)
		die("internal: name too long: '%s'", src);
}

void sfmt(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(dst, n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= n)
		die("internal: formatted text too long");
}

static void sb_grow(sb *b, size_t add)
{
	if (b->len + add + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (b->len + add + 1 > cap)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
}

void sb_add(sb *b, const char *s)
{
	size_t n = strlen(s);

	sb_grow(b, n);
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

void sb_addf(sb *b, const char *fmt, ...)
{
	va_list ap;
	char tmp[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		die("internal: bad format");
	sb_grow(b, (size_t)n);
	if ((size_t)n < sizeof(tmp)) {
		memcpy(b->p + b->len, tmp, (size_t)n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void sb_clear(sb *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

const char *sb_str(const sb *b)
{
	return b->p ? b->p : "";
}

void sb_free(sb *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

int is_alpha(int c)
{
	return is_lower(c) || is_upper(c);
}

int to_lower(int c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

int to_upper(int c)
{
	return is_lower(c) ? c - 'a' + 'A' : c;
}

int is_vowel(int c)
{
	c = to_lower(c);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

void str_upper(char *s)
{
	for (; *s; s++)
		*s = (char)to_upper((unsigned char)*s);
}

/* Lower-case letters and digits only: the form names are compared in. */
void norm_name(const char *in, char *out, size_t n)
{
	size_t k = 0;

	for (; *in && k + 1 < n; in++) {
		int c = (unsigned char)*in;

		if (is_alpha(c) || (c >= '0' && c <= '9'))
			out[k++] = (char)to_lower(c);
	}
	out[k] = '\0';
}

int count_letters(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += is_alpha((unsigned char)*s);
	return n;
}

int levenshtein(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b);
	int row[128], prev[128];

	if (la > 120 || lb > 120)
		return 99;
	for (int j = 0; j <= lb; j++)
		prev[j] = j;
	for (int i = 1; i <= la; i++) {
		row[0] = i;
		for (int j = 1; j <= lb; j++) {
			int c = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (row[j - 1] + 1 < c)
				c = row[j - 1] + 1;
			row[j] = c;
		}
		memcpy(prev, row, sizeof(int) * (size_t)(lb + 1));
	}
	return prev[lb];
}
