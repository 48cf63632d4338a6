/* SPDX-License-Identifier: MIT */
/*
 * Implementation of the shared helpers declared in util.h.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

void jk_buf_init(jk_buf *b)
{
	memset(b, 0, sizeof *b);
}

void jk_buf_release(jk_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

void jk_buf_reset(jk_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

static int buf_grow(jk_buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (b->oom)
		return -1;
	if (b->len + need + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	p = realloc(b->s, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->s = p;
	b->cap = cap;
	return 0;
}

void jk_buf_add(jk_buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void jk_buf_puts(jk_buf *b, const char *s)
{
	jk_buf_add(b, s, strlen(s));
}

void jk_buf_printf(jk_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *jk_buf_str(const jk_buf *b)
{
	return b->s ? b->s : "";
}

size_t jk_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size) {
		size_t k = n < size - 1 ? n : size - 1;
		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}

char *jk_strdup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

uint64_t jk_fnv1a(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

const char *jk_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

char *jk_trim(char *s)
{
	char *e;

	while (*s && isspace((unsigned char)*s))
		memmove(s, s + 1, strlen(s));
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int jk_utm_epsg(double lon, double lat)
{
	int zone = (int)floor((lon + 180.0) / 6.0) + 1;

	if (zone < 1)
		zone = 1;
	if (zone > 60)
		zone = 60;
	return (lat < 0 ? 32700 : 32600) + zone;
}

void jk_buf_base64(jk_buf *b, const void *data, size_t n)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = data;
	char out[4];
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		out[0] = abc[p[i] >> 2];
		out[1] = abc[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		out[2] = abc[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		out[3] = abc[p[i + 2] & 63];
		jk_buf_add(b, out, 4);
	}
	if (i < n) {
		out[0] = abc[p[i] >> 2];
		if (i + 1 < n) {
			out[1] = abc[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
			out[2] = abc[(p[i + 1] & 15) << 2];
		} else {
			out[1] = abc[(p[i] & 3) << 4];
			out[2] = '=';
		}
		out[3] = '=';
		jk_buf_add(b, out, 4);
	}
}

double jk_clock_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
