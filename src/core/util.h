/* SPDX-License-Identifier: MIT */
/*
 * Small shared helpers: a growable string buffer, safe string copies and
 * FNV-1a hashing. Kept here so that no module writes its own.
 */
#ifndef JK_UTIL_H
#define JK_UTIL_H

#include <stddef.h>
#include <stdint.h>

typedef struct jk_buf {
	char *s;    /* NUL-terminated, or NULL while empty */
	size_t len;
	size_t cap;
	int oom;    /* set once an allocation failed; later appends do nothing */
} jk_buf;

void jk_buf_init(jk_buf *b);
void jk_buf_release(jk_buf *b);
void jk_buf_reset(jk_buf *b);
void jk_buf_add(jk_buf *b, const char *s, size_t n);
void jk_buf_puts(jk_buf *b, const char *s);
void jk_buf_printf(jk_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends @p n bytes of @p data in base64 (RFC 4648, with padding). */
void jk_buf_base64(jk_buf *b, const void *data, size_t n);
/* The text so far, "" when empty; owned by the buffer. */
const char *jk_buf_str(const jk_buf *b);

/* Copies at most size-1 bytes and always terminates; returns strlen(src). */
size_t jk_strlcpy(char *dst, const char *src, size_t size);

/* strdup that accepts NULL (returns NULL). */
char *jk_strdup(const char *s);

/* 64-bit FNV-1a of @p n bytes, continuing from @p h (start with
 * JK_FNV_INIT). */
#define JK_FNV_INIT 0xcbf29ce484222325ULL
uint64_t jk_fnv1a(uint64_t h, const void *data, size_t n);

/* The EPSG code of the UTM zone (WGS 84) of a lon/lat point: 326zz in the
 * north, 327zz in the south. */
int jk_utm_epsg(double lon, double lat);

/* The file name of @p path: the part after the last '/' (all of it when
 * there is none). Points into @p path. */
const char *jk_basename(const char *path);

/* Trims ASCII white space at both ends in place; returns @p s. */
char *jk_trim(char *s);

/* Seconds on the monotonic clock, for measuring how long a step takes. */
double jk_clock_s(void);

#endif /* JK_UTIL_H */
