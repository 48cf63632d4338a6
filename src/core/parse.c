/* SPDX-License-Identifier: MIT */
/*
 * Cell-value parsers for office spreadsheets (see parse.h).
 *
 * Everything here is pure: no I/O, no allocation, no global mutable state,
 * and no dependence on the C locale (numbers are read digit by digit, case
 * folding is ASCII only), so a program that calls setlocale() with an
 * Indonesian locale, whose decimal point is ',', reads the same values.
 *
 * Coordinates take two routes. Text made only of digits, signs, '.', ',',
 * ';' and blanks is a decimal pair, split on ';', on blanks or on the one
 * comma that is not a decimal mark. Anything with hemisphere letters or
 * degree/minute/second marks goes through a small tokenizer and a grammar
 * of two components, each [hemi] deg [min [sec]] [hemi]. Both routes end in
 * one place that decides the order (hemisphere letters first, then ranges)
 * and rejects what cannot be a point. Whole degrees alone ("S5° BT122°")
 * are rejected: they place a point only to about 100 km.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "util.h"
#include "parse.h"

/* ------------------------------------------------------------------ */
/* small text helpers */

static int ascii_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\v' || c == '\f';
}

static int is_blank_text(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		/* NBSP (C2 A0) counts as blank too */
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		if (!ascii_space(c))
			return 0;
	}
	return 1;
}

static int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/*
 * Lower-cases ASCII letters and turns every run of other ASCII characters
 * (blanks, punctuation) into one space, trimmed at both ends. Bytes >= 0x80
 * are kept as word characters. "Non-Aktif." -> "non aktif".
 */
static void norm_words(const char *s, char *out, size_t outlen)
{
	size_t n = 0;
	int pending_space = 0;

	if (!outlen)
		return;
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			pending_space = 1; /* NBSP */
			s++;
			continue;
		}
		if (c >= 0x80 || ascii_alnum(c)) {
			if (pending_space && n > 0 && n + 1 < outlen)
				out[n++] = ' ';
			pending_space = 0;
			if (n + 1 < outlen)
				out[n++] = (char)ascii_lower(c);
		} else {
			pending_space = 1;
		}
	}
	out[n] = '\0';
}

/* Keeps ASCII letters and digits only, lower-cased: "Nama Lokasi" ->
 * "namalokasi", "lat,lon" -> "latlon". */
static void norm_key(const char *s, char *out, size_t outlen)
{
	size_t n = 0;

	if (!outlen)
		return;
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (ascii_alnum(c) && n + 1 < outlen)
			out[n++] = (char)ascii_lower(c);
	}
	out[n] = '\0';
}

/* Index of @p s in the NULL-terminated list, or -1. */
static int word_in(const char *s, const char *const *list)
{
	int i;

	for (i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------------ */
/* coordinates */

/* Writes "'<text>' <what>" into why, quoting at most 60 bytes of the text
 * without cutting a UTF-8 sequence. */
static void coord_why(char *why, size_t whylen, const char *s,
		      const char *what)
{
	char q[72];
	size_t n = strlen(s);
	int cut = 0;

	if (!why || !whylen)
		return;
	if (n > 60) {
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = 1;
	}
	memcpy(q, s, n);
	q[n] = '\0';
	snprintf(why, whylen, "'%s%s' %s", q, cut ? "..." : "", what);
}

/* A decimal number as read, without going through strtod. */
typedef struct num {
	double v;     /* absolute value */
	int neg;      /* a minus sign was written */
	int frac;     /* a decimal mark with digits followed */
	int dcomma;   /* the decimal mark was a comma */
} num;

/*
 * Reads [+-]digits[(.|,)digits] from s[0..len). @p marks is the set of
 * decimal marks allowed ("." or ".,"). Returns 0 when the whole span is one
 * such number, -1 otherwise.
 */
static int num_read(const char *s, size_t len, const char *marks, num *out)
{
	size_t i = 0;
	double ip = 0.0, fp = 0.0, scale = 1.0;
	int digits = 0;

	memset(out, 0, sizeof *out);
	if (i < len && (s[i] == '-' || s[i] == '+')) {
		out->neg = s[i] == '-';
		i++;
	}
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		if (++digits > 15)
			return -1;
		ip = ip * 10.0 + (s[i] - '0');
		i++;
	}
	if (!digits)
		return -1;
	if (i < len && s[i] != '\0' && strchr(marks, s[i])) {
		int fd = 0;

		out->dcomma = s[i] == ',';
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (++digits > 15)
				return -1;
			fp = fp * 10.0 + (s[i] - '0');
			scale *= 10.0;
			fd++;
			i++;
		}
		if (!fd)
			return -1;
		out->frac = 1;
	}
	if (i != len)
		return -1;
	out->v = ip + fp / scale;
	return 0;
}

/* Axis of a hemisphere letter. */
#define AX_NONE (-1)
#define AX_LAT 0
#define AX_LON 1

/*
 * Final step shared by both routes: @p a and @p b in written order (signed
 * degrees), with their axes when hemisphere letters said so. @p whole is set
 * when both were written as whole degrees without minutes.
 */
static int coord_finish(const char *s, double a, int ax_a, double b, int ax_b,
			int whole, double *lat, double *lon, int *flags,
			char *why, size_t whylen)
{
	double la, lo;
	int swapped = 0;

	if (a == 0.0 && b == 0.0) {
		*lat = 0.0;
		*lon = 0.0;
		*flags |= JK_COORD_ZERO;
		return 0;
	}
	if (whole) {
		coord_why(why, whylen, s,
			  "gives whole degrees only, too coarse for a point");
		return -1;
	}
	if (ax_a == AX_NONE && ax_b != AX_NONE)
		ax_a = !ax_b;
	if (ax_b == AX_NONE && ax_a != AX_NONE)
		ax_b = !ax_a;
	if (ax_a != AX_NONE) {
		if (ax_a == ax_b) {
			coord_why(why, whylen, s,
				  ax_a == AX_LAT ? "names two latitudes"
						 : "names two longitudes");
			return -1;
		}
		swapped = ax_a == AX_LON;
		la = swapped ? b : a;
		lo = swapped ? a : b;
		if (la < -90.0 || la > 90.0 || lo < -180.0 || lo > 180.0) {
			coord_why(why, whylen, s, "is out of range");
			return -1;
		}
	} else if (a >= -90.0 && a <= 90.0 && b >= -180.0 && b <= 180.0) {
		la = a;
		lo = b;
	} else if (b >= -90.0 && b <= 90.0 && a >= -180.0 && a <= 180.0) {
		/* written lon, lat: the first value is no latitude */
		la = b;
		lo = a;
		swapped = 1;
	} else {
		coord_why(why, whylen, s,
			  "is out of range (no value fits a latitude)");
		return -1;
	}
	if (swapped)
		*flags |= JK_COORD_SWAPPED;
	*lat = la;
	*lon = lo;
	return 0;
}

static int is_decimal_text(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789+-.,; \t", *s))
			return 0;
	return 1;
}

/* Trims blanks off [*b, *e). */
static void span_trim(const char **b, const char **e)
{
	while (*b < *e && (**b == ' ' || **b == '\t'))
		(*b)++;
	while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* The two numbers of a decimal pair as spans of the text, and the decimal
 * marks they may use. */
typedef struct pair_spans {
	const char *b1, *e1, *b2, *e2;
	const char *marks;
} pair_spans;

/* How the text split into two numbers: it did, it is no pair, or it is
 * one number. */
enum { SPLIT_OK, SPLIT_BAD, SPLIT_SINGLE };

/* Words separated by blanks: one comma may stand alone or cling to either
 * side of the gap. */
static int split_blanks(const char *t, pair_spans *sp)
{
	const char *w[2][2];
	int nw = 0, commas = 0;
	const char *p = t;

	while (*p) {
		const char *q;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		q = p;
		while (*q && *q != ' ' && *q != '\t')
			q++;
		if (q - p == 1 && *p == ',') {
			if (nw != 1)
				return SPLIT_BAD;
			commas++;
		} else {
			if (nw == 2)
				return SPLIT_BAD;
			w[nw][0] = p;
			w[nw][1] = q;
			nw++;
		}
		p = q;
	}
	if (nw != 2)
		return SPLIT_SINGLE;
	sp->b1 = w[0][0];
	sp->e1 = w[0][1];
	sp->b2 = w[1][0];
	sp->e2 = w[1][1];
	if (sp->e1 > sp->b1 && sp->e1[-1] == ',') {
		sp->e1--;
		commas++;
	}
	if (sp->b2 < sp->e2 && *sp->b2 == ',') {
		sp->b2++;
		commas++;
	}
	return commas > 1 ? SPLIT_BAD : SPLIT_OK;
}

/* No blank and no semicolon: the commas tell the separator from decimal
 * commas. */
static int split_commas(const char *t, pair_spans *sp)
{
	const char *c1 = strchr(t, ','), *c2, *c3;

	if (!c1)
		return SPLIT_SINGLE;
	c2 = strchr(c1 + 1, ',');
	if (!c2) {
		/* "lat,lon": the comma separates, points are decimal;
		 * "-5,4712" is one number with a decimal comma */
		if (!strchr(t, '.') && strlen(c1 + 1) > 3)
			return SPLIT_SINGLE;
		sp->marks = ".";
		sp->b1 = t;
		sp->e1 = c1;
		sp->b2 = c1 + 1;
		sp->e2 = t + strlen(t);
		return SPLIT_OK;
	}
	/* "-5,4712,122,6133": decimal commas on both sides */
	c3 = strchr(c2 + 1, ',');
	if (!c3 || strchr(c3 + 1, ',') || strchr(t, '.'))
		return SPLIT_BAD;
	sp->marks = ",";
	sp->b1 = t;
	sp->e1 = c2;
	sp->b2 = c2 + 1;
	sp->e2 = t + strlen(t);
	return SPLIT_OK;
}

/* Route 1: a decimal pair. @p t is the trimmed ASCII text. */
static int coord_decimal(const char *t, double *lat, double *lon, int *flags,
			 char *why, size_t whylen)
{
	const char *semi = strchr(t, ';');
	pair_spans sp;
	int split;
	num x, y;

	sp.marks = ".,";
	if (semi) {
		split = strchr(semi + 1, ';') ? SPLIT_BAD : SPLIT_OK;
		sp.b1 = t;
		sp.e1 = semi;
		sp.b2 = semi + 1;
		sp.e2 = t + strlen(t);
	} else if (strpbrk(t, " \t")) {
		split = split_blanks(t, &sp);
	} else {
		split = split_commas(t, &sp);
	}
	if (split == SPLIT_SINGLE) {
		coord_why(why, whylen, t, "is a single number, not a coordinate pair");
		return -1;
	}
	if (split == SPLIT_BAD)
		goto bad;
	span_trim(&sp.b1, &sp.e1);
	span_trim(&sp.b2, &sp.e2);
	if (num_read(sp.b1, (size_t)(sp.e1 - sp.b1), sp.marks, &x) ||
	    num_read(sp.b2, (size_t)(sp.e2 - sp.b2), sp.marks, &y))
		goto bad;
	if (x.dcomma || y.dcomma)
		*flags |= JK_COORD_DECIMAL_COMMA;
	return coord_finish(t, x.neg ? -x.v : x.v, AX_NONE,
			    y.neg ? -y.v : y.v, AX_NONE, !x.frac && !y.frac,
			    lat, lon, flags, why, whylen);
bad:
	coord_why(why, whylen, t, "is not a coordinate pair");
	return -1;
}

/* Tokens of route 2. */
enum { TK_NUM, TK_DEG, TK_MIN, TK_SEC, TK_HEMI, TK_SEP };

typedef struct tok {
	int type;
	num n;    /* TK_NUM */
	int axis; /* TK_HEMI */
	int sgn;  /* TK_HEMI: +1 N/E, -1 S/W */
} tok;

#define MAX_TOKS 24

/* Byte length of a mark at @p p: degree, minute or second sign, or 0. */
static int mark_at(const unsigned char *p, int *type)
{
	if (p[0] == 0xC2 && (p[1] == 0xB0 || p[1] == 0xBA)) { /* ° º */
		*type = TK_DEG;
		return 2;
	}
	if (p[0] == 0xCB && p[1] == 0x9A) { /* ˚ */
		*type = TK_DEG;
		return 2;
	}
	if (p[0] == 0xB0) { /* Latin-1 degree sign left unconverted */
		*type = TK_DEG;
		return 1;
	}
	if (p[0] == '\'' || p[0] == '`') {
		*type = TK_MIN;
		return 1;
	}
	if (p[0] == 0xC2 && p[1] == 0xB4) { /* ´ */
		*type = TK_MIN;
		return 2;
	}
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
		*type = TK_MIN; /* ‘ ’ */
		return 3;
	}
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xB2) { /* ′ */
		*type = TK_MIN;
		return 3;
	}
	if (p[0] == '"') {
		*type = TK_SEC;
		return 1;
	}
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D)) {
		*type = TK_SEC; /* “ ” */
		return 3;
	}
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xB3) { /* ″ */
		*type = TK_SEC;
		return 3;
	}
	return 0;
}

/* A number token at *@p pp ([+-]digits[(.|,)digits]), advancing it.
 * Returns 0, or -1 when the text is broken. */
static int tok_number(const unsigned char **pp, tok *out)
{
	const unsigned char *p = *pp;
	char buf[40];
	size_t k = 0;
	int mark = 0;

	if (*p == '-' || *p == '+') {
		buf[k++] = (char)*p++;
	}
	for (;;) {
		if (*p >= '0' && *p <= '9') {
			if (k + 1 >= sizeof buf)
				return -1;
			buf[k++] = (char)*p++;
		} else if ((*p == '.' || *p == ',') &&
			   p[1] >= '0' && p[1] <= '9') {
			if (mark) {
				/* "5.47.12" is broken; after a
				 * decimal a comma separates */
				if (*p == '.')
					return -1;
				break;
			}
			mark = 1;
			buf[k++] = (char)*p++;
		} else {
			break;
		}
	}
	*pp = p;
	if (num_read(buf, k, ".,", &out->n))
		return -1;
	out->type = TK_NUM;
	return 0;
}

/* A word token at *@p pp: a hemisphere (N S E W, LU LS BT BB, with an
 * abbreviation dot) or "d"/"deg", advancing it. Returns 0, or -1 for any
 * other word. */
static int tok_word(const unsigned char **pp, tok *out)
{
	static const char *const hemi[] = {
		"n", "s", "e", "w", "lu", "ls", "bt", "bb",
		NULL
	};
	static const int axis[] = { AX_LAT, AX_LAT, AX_LON,
				    AX_LON, AX_LAT, AX_LAT,
				    AX_LON, AX_LON };
	static const int sgn[] = { 1, -1, 1, -1, 1, -1, 1, -1 };
	const unsigned char *p = *pp;
	char w[8];
	size_t k = 0;
	int i;

	while ((*p >= 'a' && *p <= 'z') ||
	       (*p >= 'A' && *p <= 'Z')) {
		if (k + 1 >= sizeof w)
			return -1;
		w[k++] = (char)ascii_lower(*p++);
	}
	w[k] = '\0';
	/* "LS." / "S." abbreviation dots */
	if (*p == '.')
		p++;
	*pp = p;
	if (strcmp(w, "d") == 0 || strcmp(w, "deg") == 0) {
		out->type = TK_DEG;
		return 0;
	}
	i = word_in(w, hemi);
	if (i < 0)
		return -1;
	out->type = TK_HEMI;
	out->axis = axis[i];
	out->sgn = sgn[i];
	return 0;
}

/* Splits route-2 text into tokens; returns the count or -1. */
static int coord_tokenize(const char *s, tok *tk, int max)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = 0;

	while (*p) {
		int type, len;

		if (ascii_space(*p)) {
			p++;
			continue;
		}
		if (n == max)
			return -1;
		memset(&tk[n], 0, sizeof tk[n]);
		if ((*p >= '0' && *p <= '9') ||
		    ((*p == '-' || *p == '+') && p[1] >= '0' && p[1] <= '9')) {
			if (tok_number(&p, &tk[n++]))
				return -1;
			continue;
		}
		len = mark_at(p, &type);
		if (len) {
			/* two minute marks make a second mark */
			int t2;
			int len2 = type == TK_MIN ? mark_at(p + len, &t2) : 0;

			if (len2 && t2 == TK_MIN) {
				type = TK_SEC;
				len += len2;
			}
			tk[n++].type = type;
			p += len;
			continue;
		}
		if (*p == ',' || *p == ';') {
			tk[n++].type = TK_SEP;
			p++;
			continue;
		}
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			if (tok_word(&p, &tk[n++]))
				return -1;
			continue;
		}
		return -1;
	}
	return n;
}

/* One component of route 2: [hemi] deg [min [sec]] [hemi]. */
typedef struct comp {
	num part[3];
	int n;     /* parts written */
	int axis;  /* AX_NONE unless a hemisphere letter was given */
	int sgn;
	int done;  /* no more numbers belong to it */
} comp;

/* Groups the tokens into the two components c[0], c[1]; *nc receives
 * how many were begun. Returns 0, or -1 when they do not form
 * components. */
static int comps_read(const tok *tk, int nt, comp *c, int *nc)
{
	comp *cur = &c[0];
	int i, leading = tk[0].type == TK_HEMI;

	*nc = 1;
	for (i = 0; i < nt; i++) {
		const tok *x = &tk[i];
		int prev_num = i > 0 && tk[i - 1].type == TK_NUM;

		switch (x->type) {
		case TK_NUM:
			if (cur->done || cur->n == 3 ||
			    (cur->n > 0 && i + 1 < nt &&
			     tk[i + 1].type == TK_DEG)) {
				if (*nc == 2)
					return -1;
				cur = &c[(*nc)++];
			}
			if (cur->n > 0 &&
			    (x->n.neg || cur->part[cur->n - 1].frac))
				return -1; /* "5.5 30", "5 -30" */
			cur->part[cur->n++] = x->n;
			break;
		case TK_DEG:
		case TK_MIN:
		case TK_SEC:
			if (!prev_num || cur->n != x->type - TK_DEG + 1)
				return -1;
			if (x->type == TK_SEC)
				cur->done = 1;
			break;
		case TK_HEMI:
			if (leading) {
				if (cur->n > 0 || cur->axis != AX_NONE) {
					if (cur->n == 0 || *nc == 2)
						return -1;
					cur = &c[(*nc)++];
				}
			} else if (cur->n == 0 || cur->axis != AX_NONE) {
				return -1;
			}
			cur->axis = x->axis;
			cur->sgn = x->sgn;
			if (!leading)
				cur->done = 1;
			break;
		case TK_SEP:
			if (cur->n > 0)
				cur->done = 1;
			else if (cur->axis != AX_NONE)
				return -1;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* What reading a component's degrees found wrong. */
enum { COMP_OK, COMP_BAD, COMP_RANGE };

/* The signed degrees of component @p q into *@p v; notes the notation in
 * *flags, and whether minutes or a fraction were written. */
static int comp_degrees(const comp *q, double *v, int *flags, int *any_frac,
			int *any_min)
{
	double d = q->part[0].v;

	*v = 0;
	if (q->n >= 2) {
		*any_min = 1;
		if (q->part[1].v >= 60.0)
			return COMP_RANGE;
		d += q->part[1].v / 60.0;
	}
	if (q->n == 3) {
		if (q->part[2].v >= 60.0)
			return COMP_RANGE;
		d += q->part[2].v / 3600.0;
		*flags |= JK_COORD_DMS;
	} else if (q->n == 2) {
		*flags |= JK_COORD_DDM;
	}
	if (q->part[q->n - 1].frac)
		*any_frac = 1;
	if (q->part[0].dcomma || q->part[q->n - 1].dcomma)
		*flags |= JK_COORD_DECIMAL_COMMA;
	if (q->axis != AX_NONE) {
		*flags |= JK_COORD_HEMI;
		/* "-5° N" contradicts itself */
		if (q->part[0].neg && q->sgn > 0)
			return COMP_BAD;
		*v = q->sgn * d;
	} else {
		*v = q->part[0].neg ? -d : d;
	}
	return COMP_OK;
}

/* Route 2: hemisphere letters and/or degree marks. */
static int coord_angular(const char *t, double *lat, double *lon, int *flags,
			 char *why, size_t whylen)
{
	tok tk[MAX_TOKS];
	comp c[2];
	int nt, nc, k, any_frac = 0, any_min = 0;
	double v[2];

	nt = coord_tokenize(t, tk, MAX_TOKS);
	if (nt <= 0)
		goto bad;
	memset(c, 0, sizeof c);
	c[0].axis = c[1].axis = AX_NONE;
	if (comps_read(tk, nt, c, &nc))
		goto bad;
	if (nc != 2 || c[0].n == 0 || c[1].n == 0) {
		coord_why(why, whylen, t, "is not a coordinate pair "
			  "(one value only)");
		return -1;
	}
	for (k = 0; k < 2; k++) {
		int r = comp_degrees(&c[k], &v[k], flags, &any_frac, &any_min);

		if (r == COMP_RANGE)
			goto range;
		if (r == COMP_BAD)
			goto bad;
	}
	return coord_finish(t, v[0], c[0].axis, v[1], c[1].axis,
			    !any_frac && !any_min, lat, lon, flags, why,
			    whylen);
range:
	coord_why(why, whylen, t, "has minutes or seconds of 60 or more");
	return -1;
bad:
	coord_why(why, whylen, t, "is not a coordinate pair");
	return -1;
}

/* Copies @p s into @p t, writing the Unicode minus U+2212 as '-' and
 * no-break spaces as ' '; returns the length wanted (>= size: cut). */
static size_t coord_copy(char *t, const char *s, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p) {
		char c;

		if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {
			c = '-';
			p += 3;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) {
			c = ' ';
			p += 2;
		} else {
			c = (char)*p++;
		}
		if (n + 1 < size)
			t[n] = c;
		n++;
	}
	t[n + 1 < size ? n : size - 1] = '\0';
	return n;
}

/* Reads a decimal number of a map link at @p p ("-5.4673"); returns its
 * end, or NULL. */
static const char *link_number(const char *p)
{
	const char *q = p;

	if (*q == '-' || *q == '+')
		q++;
	if (*q < '0' || *q > '9')
		return NULL;
	while (*q >= '0' && *q <= '9')
		q++;
	if (*q != '.')
		return NULL;
	q++;
	if (*q < '0' || *q > '9')
		return NULL;
	while (*q >= '0' && *q <= '9')
		q++;
	return q;
}

/*
 * Rewrites what offices paste instead of a coordinate into the plain pair
 * (@p t, in place): a map link ("https://maps.google.com/?q=-5.47,122.6",
 * ".../@-5.47,122.6,17z", "...?ll=", "query=", "destination=") becomes
 * "-5.47, 122.6"; a pair split by a slash ("-4,4452 / 105,2241") gets the
 * semicolon the decimal reader splits on.
 */
static void coord_unwrap(char *t, size_t size)
{
	static const char *const keys[] = { "q=", "@", "ll=", "query=",
					    "destination=", "center=" };
	const char *slash = strchr(t, '/');
	size_t k;

	if (strstr(t, "http") || strstr(t, "maps") || strstr(t, "goo.gl")) {
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			const char *p = strstr(t, keys[k]), *e1, *e2;
			char pair[96];

			if (!p)
				continue;
			p += strlen(keys[k]);
			e1 = link_number(p);
			if (!e1 || (*e1 != ',' && strncmp(e1, "%2C", 3) != 0))
				continue;
			e2 = link_number(e1 + (*e1 == ',' ? 1 : 3));
			if (!e2)
				continue;
			snprintf(pair, sizeof pair, "%.*s, %.*s", (int)(e1 - p), p,
				 (int)(e2 - (e1 + (*e1 == ',' ? 1 : 3))),
				 e1 + (*e1 == ',' ? 1 : 3));
			jk_strlcpy(t, pair, size);
			return;
		}
		return;
	}
	if (slash && !strchr(slash + 1, '/') && !strchr(t, ';')) {
		char *c;

		for (c = t; *c; c++)
			if (*c == '/')
				*c = ';';
	}
}

int jk_coord_parse(const char *s, double *lat, double *lon, int *flags,
		   char *why, size_t whylen)
{
	char t[256];
	double la = 0.0, lo = 0.0;
	int fl = 0, rc;
	size_t n;

	if (why && whylen)
		why[0] = '\0';
	if (is_blank_text(s)) {
		rc = 1;
		goto out;
	}
	n = coord_copy(t, s, sizeof t);
	jk_trim(t);
	if (n >= sizeof t) {
		coord_why(why, whylen, t, "is too long for a coordinate pair");
		rc = -1;
		goto out;
	}
	coord_unwrap(t, sizeof t);
	if (is_decimal_text(t))
		rc = coord_decimal(t, &la, &lo, &fl, why, whylen);
	else
		rc = coord_angular(t, &la, &lo, &fl, why, whylen);
	if (rc != 0) {
		la = lo = 0.0;
		fl = 0;
	}
out:
	if (lat)
		*lat = la;
	if (lon)
		*lon = lo;
	if (flags)
		*flags = fl;
	return rc;
}

/* ------------------------------------------------------------------ */
/* values */

int jk_site_status_parse(const char *s)
{
	static const char *const ready[] = { "siap", "ready", "sudah siap",
					     NULL };
	static const char *const not_ready[] = {
		"belum siap", "belum", "blm siap", "blm", "bl siap",
		"tidak siap", "tdk siap", "not ready", "not yet ready", NULL
	};
	static const char *const inactive[] = {
		"nonaktif", "non aktif", "tidak aktif", "tdk aktif",
		"inactive", "not active", "nonactive", "non active", NULL
	};
	char w[64];

	norm_words(s, w, sizeof w);
	if (word_in(w, ready) >= 0)
		return JK_SITE_READY;
	if (word_in(w, not_ready) >= 0)
		return JK_SITE_NOT_READY;
	if (word_in(w, inactive) >= 0)
		return JK_SITE_INACTIVE;
	return -1;
}

const char *jk_site_status_name(int st)
{
	switch (st) {
	case JK_SITE_READY: return "ready";
	case JK_SITE_NOT_READY: return "not_ready";
	case JK_SITE_INACTIVE: return "inactive";
	default: return "unknown";
	}
}

int jk_yesno_parse(const char *s)
{
	static const char *const yes[] = { "ya", "y", "iya", "yes", "true",
					   "1", NULL };
	static const char *const no[] = { "tidak", "tdk", "t", "no", "n",
					  "false", "0", "tak", "nggak",
					  NULL };
	char w[32];

	if (is_blank_text(s))
		return -2;
	norm_words(s, w, sizeof w);
	if (word_in(w, yes) >= 0)
		return 1;
	if (word_in(w, no) >= 0)
		return 0;
	return -1;
}

int jk_client_status_parse(const char *s)
{
	static const char *const act[] = { "aktif", "active", "berjalan",
					   NULL };
	static const char *const fin[] = { "selesai", "finished", "done",
					   "completed", NULL };
	char w[32];

	norm_words(s, w, sizeof w);
	if (word_in(w, act) >= 0)
		return 1;
	if (word_in(w, fin) >= 0)
		return 0;
	return -1;
}

int jk_pidana_parse(const char *s)
{
	static const char *const adult[] = { "pidana kerja sosial",
					     "kerja sosial", NULL };
	static const char *const child[] = { "pidana pelayanan masyarakat",
					     "pelayanan masyarakat", NULL };
	char w[64];

	if (is_blank_text(s))
		return 0;
	norm_words(s, w, sizeof w);
	if (word_in(w, adult) >= 0)
		return 1;
	if (word_in(w, child) >= 0)
		return 2;
	return -1;
}

int jk_int_parse(const char *s, long *out)
{
	static const char *const units[] = {
		"orang", "org", "jam", "hours", "hour", "hrs", "h",
		"people", "persons", "person", "klien", NULL
	};
	const char *p;
	long v = 0;
	char w[16];
	size_t k = 0;

	if (out)
		*out = 0;
	if (is_blank_text(s))
		return 1;
	p = s;
	while (ascii_space((unsigned char)*p))
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return -1;
	while (*p >= '0' && *p <= '9') {
		if (v > (LONG_MAX - (*p - '0')) / 10)
			return -1;
		v = v * 10 + (*p - '0');
		p++;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
		if (k + 1 >= sizeof w)
			return -1;
		w[k++] = (char)ascii_lower(*p++);
	}
	w[k] = '\0';
	if (k && *p == '.')
		p++;
	while (ascii_space((unsigned char)*p))
		p++;
	if (*p || (k && word_in(w, units) < 0))
		return -1;
	if (out)
		*out = v;
	return 0;
}

/* ---- dates ---- */

/* Month from a name or abbreviation (Indonesian or English), 0 if none:
 * any prefix of three or more letters of a full name, plus "agt"/"ags". */
static int month_from_word(const char *w)
{
	static const struct {
		const char *name;
		int month;
	} names[] = {
		{ "januari", 1 }, { "january", 1 },
		{ "februari", 2 }, { "february", 2 }, { "pebruari", 2 },
		{ "maret", 3 }, { "march", 3 },
		{ "april", 4 },
		{ "mei", 5 }, { "may", 5 },
		{ "juni", 6 }, { "june", 6 },
		{ "juli", 7 }, { "july", 7 },
		{ "agustus", 8 }, { "august", 8 }, { "agt", 8 }, { "ags", 8 },
		{ "september", 9 },
		{ "oktober", 10 }, { "october", 10 },
		{ "november", 11 }, { "nopember", 11 },
		{ "desember", 12 }, { "december", 12 },
	};
	size_t n = strlen(w), i;

	if (n < 3)
		return 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strncmp(w, names[i].name, n) == 0)
			return names[i].month;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
				 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* A token of a date: a digit run or a letter run, and the separator text
 * before it (first non-blank character, ' ' for blanks only). */
typedef struct dtok {
	int isnum;
	long v;
	int nd;       /* digits */
	char w[16];   /* lower-case word */
	char sep;     /* separator before this token, 0 for the first */
} dtok;

/* Drops a trailing time of day " HH:MM" or " HH:MM:SS" from @p t. */
static void date_drop_time(char *t)
{
	char *sp = strrchr(t, ' ');
	const char *p;
	int groups = 0, nd = 0, v = 0;

	if (!sp)
		return;
	for (p = sp + 1; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++nd > 2)
				return;
			v = v * 10 + (*p - '0');
		} else if (*p == ':' && nd > 0) {
			/* hours below 24, minutes below 60 */
			if (v >= (groups ? 60 : 24) || (groups && nd != 2))
				return;
			groups++;
			nd = 0;
			v = 0;
		} else {
			return;
		}
	}
	if (groups < 1 || groups > 2 || nd != 2 || v >= 60)
		return;
	*sp = '\0';
	jk_trim(t);
}

static int date_tokens(const char *t, dtok *tk, int max)
{
	const char *p = t;
	int n = 0;
	char sep = 0;

	while (*p) {
		if ((*p >= '0' && *p <= '9') ||
		    (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			if (n == max)
				return -1;
			memset(&tk[n], 0, sizeof tk[n]);
			tk[n].sep = sep;
			if (n == 0 && sep)
				return -1;
			if (*p >= '0' && *p <= '9') {
				tk[n].isnum = 1;
				while (*p >= '0' && *p <= '9') {
					if (++tk[n].nd > 4)
						return -1;
					tk[n].v = tk[n].v * 10 + (*p - '0');
					p++;
				}
			} else {
				size_t k = 0;

				while ((*p >= 'a' && *p <= 'z') ||
				       (*p >= 'A' && *p <= 'Z')) {
					if (k + 1 >= sizeof tk[n].w)
						return -1;
					tk[n].w[k++] = (char)ascii_lower(*p++);
				}
				tk[n].w[k] = '\0';
			}
			n++;
			sep = 0;
		} else if (strchr(" \t", *p)) {
			if (!sep)
				sep = ' ';
			p++;
		} else if (strchr("/-.,", *p)) {
			if (sep && sep != ' ')
				return -1; /* "12//03" */
			sep = *p++;
		} else {
			return -1;
		}
	}
	if (sep)
		return -1; /* "12/03/2026/" */
	return n;
}

int jk_date_parse(const char *s, char *iso, size_t isolen)
{
	char t[64];
	dtok tk[4];
	int n, y = 0, m = 0, d = 0, yd = 0;

	if (iso && isolen)
		iso[0] = '\0';
	if (is_blank_text(s))
		return 1;
	if (!iso || isolen < 11)
		return -1;
	if (jk_strlcpy(t, s, sizeof t) >= sizeof t)
		return -1;
	jk_trim(t);
	date_drop_time(t);
	n = date_tokens(t, tk, 4);
	if (n != 3)
		return -1;
	if (tk[0].isnum && tk[1].isnum && tk[2].isnum) {
		/* numeric: same separator twice, one of / - . */
		if (tk[1].sep != tk[2].sep || !strchr("/-.", tk[1].sep))
			return -1;
		if (tk[0].nd == 4 && tk[1].nd <= 2 && tk[2].nd <= 2) {
			y = (int)tk[0].v;
			m = (int)tk[1].v;
			d = (int)tk[2].v;
			yd = 4;
		} else if (tk[0].nd <= 2 && tk[1].nd <= 2) {
			d = (int)tk[0].v;
			m = (int)tk[1].v;
			y = (int)tk[2].v;
			yd = tk[2].nd;
		} else {
			return -1;
		}
	} else if (tk[0].isnum && !tk[1].isnum && tk[2].isnum &&
		   tk[0].nd <= 2) {
		/* "12 Maret 2026", "12-Mar-26" */
		d = (int)tk[0].v;
		m = month_from_word(tk[1].w);
		y = (int)tk[2].v;
		yd = tk[2].nd;
	} else if (!tk[0].isnum && tk[1].isnum && tk[2].isnum &&
		   tk[1].nd <= 2) {
		/* "March 12, 2026" */
		m = month_from_word(tk[0].w);
		d = (int)tk[1].v;
		y = (int)tk[2].v;
		yd = tk[2].nd;
	} else {
		return -1;
	}
	if (yd == 2)
		y += y < 70 ? 2000 : 1900;
	else if (yd != 4 || y < 1000)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	snprintf(iso, isolen, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* ---- site types ---- */

typedef struct jenis_map {
	const char *words; /* normalised wording */
	const char *canon; /* canonical type or a vague class below */
} jenis_map;

/* Vague classes, resolved with the site name. */
#define V_IBADAH "?ibadah"
#define V_KANTOR "?kantor"
#define V_FASKES "?faskes"
#define V_FASUM "?fasum"
#define V_WISATA "?wisata"

static const jenis_map jenis_words[] = {
	{ "masjid", "masjid" }, { "mesjid", "masjid" },
	{ "masjid raya", "masjid" }, { "masjid jami", "masjid" },
	{ "musholla", "musholla" }, { "mushola", "musholla" },
	{ "musholah", "musholla" }, { "mushalla", "musholla" },
	{ "mushala", "musholla" }, { "musala", "musholla" },
	{ "musalla", "musholla" }, { "langgar", "musholla" },
	{ "surau", "musholla" },
	{ "gereja", "gereja" }, { "pura", "pura" }, { "vihara", "vihara" },
	{ "wihara", "vihara" }, { "klenteng", "klenteng" },
	{ "kelenteng", "klenteng" },
	{ "tempat ibadah", V_IBADAH }, { "rumah ibadah", V_IBADAH },
	{ "ibadah", V_IBADAH },
	{ "sekolah", "sekolah" }, { "sd", "sekolah" }, { "sdn", "sekolah" },
	{ "smp", "sekolah" }, { "smpn", "sekolah" }, { "sma", "sekolah" },
	{ "sman", "sekolah" }, { "smk", "sekolah" }, { "smkn", "sekolah" },
	{ "mi", "sekolah" }, { "min", "sekolah" }, { "mts", "sekolah" },
	{ "mtsn", "sekolah" }, { "ma", "sekolah" }, { "man", "sekolah" },
	{ "madrasah", "sekolah" }, { "paud", "sekolah" }, { "tk", "sekolah" },
	{ "pesantren", "sekolah" }, { "pondok pesantren", "sekolah" },
	{ "pendidikan", "sekolah" }, { "fasilitas pendidikan", "sekolah" },
	{ "kantor desa", "kantor_desa" }, { "balai desa", "kantor_desa" },
	{ "kantor kepala desa", "kantor_desa" },
	{ "kantor lurah", "kantor_lurah" },
	{ "kantor kelurahan", "kantor_lurah" },
	{ "kantor camat", "kantor_camat" },
	{ "kantor kecamatan", "kantor_camat" },
	{ "kantor", V_KANTOR }, { "kantor pemerintahan", V_KANTOR },
	{ "kantor pemerintah", V_KANTOR }, { "perkantoran", V_KANTOR },
	{ "puskesmas", "puskesmas" }, { "pustu", "puskesmas" },
	{ "puskesmas pembantu", "puskesmas" },
	{ "posyandu", "posyandu" },
	{ "faskes", V_FASKES }, { "fasilitas kesehatan", V_FASKES },
	{ "klinik", "faskes" }, { "rumah sakit", "faskes" },
	{ "pasar", "pasar" }, { "pasar tradisional", "pasar" },
	{ "pantai", "pantai" },
	{ "objek wisata", V_WISATA }, { "obyek wisata", V_WISATA },
	{ "tempat wisata", V_WISATA }, { "wisata", V_WISATA },
	{ "lapangan", "lapangan" }, { "lapangan olahraga", "lapangan" },
	{ "stadion", "lapangan" },
	{ "tpu", "tpu" }, { "pemakaman", "tpu" }, { "kuburan", "tpu" },
	{ "pekuburan", "tpu" }, { "makam", "tpu" },
	{ "pemakaman umum", "tpu" }, { "tempat pemakaman umum", "tpu" },
	{ "taman", "taman" }, { "rth", "taman" },
	{ "ruang terbuka hijau", "taman" },
	{ "pelabuhan", "pelabuhan" }, { "dermaga", "pelabuhan" },
	{ "fasum", V_FASUM }, { "fasilitas umum", V_FASUM },
	{ "ruang publik", V_FASUM },
	{ NULL, NULL }
};

/* Keywords of site names, matched as whole words; where two start at the
 * same word the longer wins. */
static const jenis_map name_words[] = {
	{ "masjid", "masjid" }, { "mesjid", "masjid" },
	{ "musholla", "musholla" }, { "mushola", "musholla" },
	{ "musholah", "musholla" }, { "mushalla", "musholla" },
	{ "mushala", "musholla" }, { "musala", "musholla" },
	{ "musalla", "musholla" }, { "langgar", "musholla" },
	{ "surau", "musholla" },
	{ "gereja", "gereja" }, { "pura", "pura" }, { "vihara", "vihara" },
	{ "wihara", "vihara" }, { "klenteng", "klenteng" },
	{ "kelenteng", "klenteng" },
	{ "sekolah", "sekolah" }, { "sd", "sekolah" }, { "sdn", "sekolah" },
	{ "smp", "sekolah" }, { "smpn", "sekolah" }, { "sma", "sekolah" },
	{ "sman", "sekolah" }, { "smk", "sekolah" }, { "smkn", "sekolah" },
	{ "mi", "sekolah" }, { "min", "sekolah" }, { "mts", "sekolah" },
	{ "mtsn", "sekolah" }, { "madrasah", "sekolah" },
	{ "paud", "sekolah" }, { "tk", "sekolah" },
	{ "kantor desa", "kantor_desa" }, { "balai desa", "kantor_desa" },
	{ "kantor kepala desa", "kantor_desa" },
	{ "kantor lurah", "kantor_lurah" },
	{ "kantor kelurahan", "kantor_lurah" },
	{ "kantor camat", "kantor_camat" },
	{ "kantor kecamatan", "kantor_camat" },
	{ "puskesmas", "puskesmas" }, { "pustu", "puskesmas" },
	{ "posyandu", "posyandu" }, { "klinik", "faskes" },
	{ "pasar", "pasar" }, { "pantai", "pantai" },
	{ "lapangan", "lapangan" }, { "stadion", "lapangan" },
	{ "tpu", "tpu" }, { "pemakaman", "tpu" }, { "kuburan", "tpu" },
	{ "pekuburan", "tpu" }, { "makam", "tpu" },
	{ "taman", "taman" }, { "rth", "taman" },
	{ "taman kanak kanak", "sekolah" },
	{ "pelabuhan", "pelabuhan" }, { "dermaga", "pelabuhan" },
	{ NULL, NULL }
};

static const jenis_map *jenis_lookup(const jenis_map *map, const char *w)
{
	for (; map->words; map++)
		if (strcmp(map->words, w) == 0)
			return map;
	return NULL;
}

/* The type a site name points to, or NULL. @p w is normalised. */
static const char *jenis_from_name(const char *w)
{
	const char *p = w;

	while (*p) {
		const jenis_map *best = NULL, *m;
		size_t bestlen = 0;

		for (m = name_words; m->words; m++) {
			size_t n = strlen(m->words);

			if (strncmp(p, m->words, n) == 0 &&
			    (p[n] == ' ' || p[n] == '\0') && n > bestlen) {
				best = m;
				bestlen = n;
			}
		}
		if (best)
			return best->canon;
		p = strchr(p, ' ');
		if (!p)
			break;
		p++;
	}
	return NULL;
}

/* Whether @p canon belongs to the vague class @p vague. */
static int jenis_fits(const char *vague, const char *canon)
{
	static const char *const ibadah[] = { "masjid", "musholla", "gereja",
					      "pura", "vihara", "klenteng",
					      NULL };
	static const char *const kantor[] = { "kantor_desa", "kantor_lurah",
					      "kantor_camat", NULL };
	static const char *const faskes[] = { "puskesmas", "posyandu",
					      "faskes", NULL };
	static const char *const fasum[] = { "lapangan", "taman", "pasar",
					     "tpu", "pantai", "pelabuhan",
					     NULL };
	static const char *const wisata[] = { "pantai", "taman", NULL };

	if (strcmp(vague, V_IBADAH) == 0)
		return word_in(canon, ibadah) >= 0;
	if (strcmp(vague, V_KANTOR) == 0)
		return word_in(canon, kantor) >= 0;
	if (strcmp(vague, V_FASKES) == 0)
		return word_in(canon, faskes) >= 0;
	if (strcmp(vague, V_FASUM) == 0)
		return word_in(canon, fasum) >= 0;
	if (strcmp(vague, V_WISATA) == 0)
		return word_in(canon, wisata) >= 0;
	return 0;
}

const char *jk_jenis_canonical(const char *jenis, const char *nama)
{
	char w[128], nw[256];
	const jenis_map *m;
	const char *byname;

	if (is_blank_text(jenis))
		return NULL;
	norm_words(jenis, w, sizeof w);
	m = jenis_lookup(jenis_words, w);
	if (!m)
		return "lainnya";
	if (m->canon[0] != '?')
		return m->canon;
	norm_words(nama, nw, sizeof nw);
	byname = jenis_from_name(nw);
	if (byname && jenis_fits(m->canon, byname))
		return byname;
	if (strcmp(m->canon, V_KANTOR) == 0)
		return "kantor";
	if (strcmp(m->canon, V_FASKES) == 0)
		return "faskes";
	if (strcmp(m->canon, V_FASUM) == 0)
		return "fasum";
	if (strcmp(m->canon, V_WISATA) == 0)
		return "wisata";
	return "lainnya"; /* a place of worship of unknown kind */
}

/* ------------------------------------------------------------------ */
/* column headers */

/* The names are written as offices write them (and as messages list
 * them); they are compared in norm_key() form, so "Nama Lokasi",
 * "nama_lokasi" and "NAMA LOKASI" are one name. The names made of two
 * words such as "penanggung jawab nama" are those of a two-row header: a
 * merged "Penanggung Jawab" over "Nama | Telepon" (tables.c joins the two
 * rows). */
typedef struct header_map {
	const char *key;
	jk_field f;
} header_map;

/* Both tables. */
static const header_map hdr_common[] = {
	{ "no", JK_F_NO }, { "nomor", JK_F_NO }, { "no urut", JK_F_NO },
	{ "number", JK_F_NO }, { "nr", JK_F_NO },
	{ "desa_kelurahan", JK_F_DESA }, { "desa", JK_F_DESA },
	{ "kelurahan", JK_F_DESA }, { "village", JK_F_DESA },
	{ "kel/desa", JK_F_DESA }, { "desa/kel", JK_F_DESA },
	{ "kelurahan/desa", JK_F_DESA },
	{ "kecamatan", JK_F_KEC }, { "kec", JK_F_KEC },
	{ "district", JK_F_KEC }, { "subdistrict", JK_F_KEC },
	{ "kabupaten_kota", JK_F_KAB }, { "kabupaten", JK_F_KAB },
	{ "kota", JK_F_KAB }, { "regency", JK_F_KAB }, { "city", JK_F_KAB },
	{ "kab", JK_F_KAB }, { "kab/kota", JK_F_KAB },
	{ "kota/kabupaten", JK_F_KAB },
	{ "lat", JK_F_LAT }, { "latitude", JK_F_LAT },
	{ "lintang", JK_F_LAT },
	{ "lon", JK_F_LON }, { "lng", JK_F_LON }, { "long", JK_F_LON },
	{ "longitude", JK_F_LON }, { "bujur", JK_F_LON },
	{ "status", JK_F_STATUS },
	{ NULL, JK_F_NONE }
};

static const header_map hdr_sites[] = {
	{ "nama_lokasi", JK_F_NAMA }, { "nama", JK_F_NAMA },
	{ "name", JK_F_NAMA }, { "site name", JK_F_NAMA },
	{ "nama tempat", JK_F_NAMA }, { "lokasi", JK_F_NAMA },
	{ "jenis", JK_F_JENIS }, { "jenis lokasi", JK_F_JENIS },
	{ "jenis tempat", JK_F_JENIS }, { "tipe", JK_F_JENIS },
	{ "type", JK_F_JENIS }, { "site type", JK_F_JENIS },
	{ "kategori", JK_F_JENIS }, { "category", JK_F_JENIS },
	{ "alamat", JK_F_ALAMAT }, { "address", JK_F_ALAMAT },
	{ "alamat lokasi", JK_F_ALAMAT }, { "alamat lengkap", JK_F_ALAMAT },
	{ "koordinat", JK_F_KOORDINAT }, { "coordinates", JK_F_KOORDINAT },
	{ "coordinate", JK_F_KOORDINAT }, { "lat,lon", JK_F_KOORDINAT },
	{ "lat,long", JK_F_KOORDINAT }, { "lat,lng", JK_F_KOORDINAT },
	{ "titik koordinat", JK_F_KOORDINAT },
	{ "koordinat lokasi", JK_F_KOORDINAT }, { "gps", JK_F_KOORDINAT },
	{ "status lokasi", JK_F_STATUS }, { "readiness", JK_F_STATUS },
	{ "kapasitas", JK_F_KAPASITAS }, { "capacity", JK_F_KAPASITAS },
	{ "kuota", JK_F_KAPASITAS },
	{ "kegiatan", JK_F_KEGIATAN }, { "activities", JK_F_KEGIATAN },
	{ "activity", JK_F_KEGIATAN }, { "jenis kegiatan", JK_F_KEGIATAN },
	{ "ramah_anak", JK_F_ANAK_OK }, { "child_friendly", JK_F_ANAK_OK },
	{ "children", JK_F_ANAK_OK },
	{ "penanggung_jawab", JK_F_PJ }, { "contact", JK_F_PJ },
	{ "penanggung jawab nama", JK_F_PJ }, { "nama penanggung jawab", JK_F_PJ },
	{ "nama pj", JK_F_PJ }, { "pj nama", JK_F_PJ }, { "kontak nama", JK_F_PJ },
	{ "narahubung nama", JK_F_PJ }, { "contact name", JK_F_PJ },
	{ "lokasi nama", JK_F_NAMA },
	{ "pic", JK_F_PJ }, { "contact person", JK_F_PJ },
	{ "narahubung", JK_F_PJ }, { "kontak", JK_F_PJ },
	{ "telepon", JK_F_TELEPON }, { "telp", JK_F_TELEPON },
	{ "phone", JK_F_TELEPON }, { "hp", JK_F_TELEPON },
	{ "telpon", JK_F_TELEPON }, { "telephone", JK_F_TELEPON },
	{ "no telp", JK_F_TELEPON }, { "no hp", JK_F_TELEPON },
	{ "nomor telepon", JK_F_TELEPON },
	{ "keterangan", JK_F_KETERANGAN }, { "remarks", JK_F_KETERANGAN },
	{ "notes", JK_F_KETERANGAN }, { "note", JK_F_KETERANGAN },
	{ "catatan", JK_F_KETERANGAN }, { "ket", JK_F_KETERANGAN },
	{ NULL, JK_F_NONE }
};

static const header_map hdr_clients[] = {
	{ "id_klien", JK_F_ID_KLIEN }, { "client_id", JK_F_ID_KLIEN },
	{ "id", JK_F_ID_KLIEN },
	{ "alamat_rumah", JK_F_ALAMAT_RUMAH }, { "alamat", JK_F_ALAMAT_RUMAH },
	{ "home_address", JK_F_ALAMAT_RUMAH },
	{ "address", JK_F_ALAMAT_RUMAH },
	{ "koordinat_rumah", JK_F_KOORDINAT_RUMAH },
	{ "koordinat", JK_F_KOORDINAT_RUMAH },
	{ "home_coordinates", JK_F_KOORDINAT_RUMAH },
	{ "coordinates", JK_F_KOORDINAT_RUMAH },
	{ "lat,lon", JK_F_KOORDINAT_RUMAH },
	{ "jenis_pidana", JK_F_JENIS_PIDANA }, { "sentence", JK_F_JENIS_PIDANA },
	{ "sentence type", JK_F_JENIS_PIDANA }, { "pidana", JK_F_JENIS_PIDANA },
	{ "anak", JK_F_ANAK }, { "child", JK_F_ANAK },
	{ "klien anak", JK_F_ANAK },
	{ "jam_pidana", JK_F_JAM }, { "jam", JK_F_JAM }, { "hours", JK_F_JAM },
	{ "jam kerja", JK_F_JAM },
	{ "tanggal_mulai", JK_F_TANGGAL_MULAI },
	{ "start_date", JK_F_TANGGAL_MULAI },
	{ "tgl mulai", JK_F_TANGGAL_MULAI }, { "mulai", JK_F_TANGGAL_MULAI },
	{ NULL, JK_F_NONE }
};

static jk_field header_lookup(const header_map *m, const char *key)
{
	char k[64];

	for (; m->key; m++) {
		norm_key(m->key, k, sizeof k);
		if (strcmp(k, key) == 0)
			return m->f;
	}
	return JK_F_NONE;
}

/* Appends the names of @p m that map to @p f to out[*n..). */
static void header_names_add(const header_map *m, jk_field f, char *out,
			     size_t outlen, size_t *n)
{
	for (; m->key; m++) {
		int k;

		if (m->f != f || *n + 1 >= outlen)
			continue;
		k = snprintf(out + *n, outlen - *n, "%s'%s'", *n ? ", " : "", m->key);
		if (k < 0 || (size_t)k >= outlen - *n) {
			out[*n] = '\0';
			return;
		}
		*n += (size_t)k;
	}
}

size_t jk_field_headers(int table, jk_field f, char *out, size_t outlen)
{
	size_t n = 0;

	if (!outlen)
		return 0;
	out[0] = '\0';
	if (table != JK_TABLE_SITES && table != JK_TABLE_CLIENTS)
		return 0;
	header_names_add(table == JK_TABLE_SITES ? hdr_sites : hdr_clients, f,
			 out, outlen, &n);
	header_names_add(hdr_common, f, out, outlen, &n);
	return n;
}

jk_field jk_field_from_header(int table, const char *header)
{
	char key[64];
	jk_field f;

	if (table != JK_TABLE_SITES && table != JK_TABLE_CLIENTS)
		return JK_F_NONE;
	norm_key(header, key, sizeof key);
	if (!key[0])
		return JK_F_NONE;
	f = header_lookup(table == JK_TABLE_SITES ? hdr_sites : hdr_clients,
			  key);
	if (f == JK_F_NONE)
		f = header_lookup(hdr_common, key);
	return f;
}

const char *jk_field_name(jk_field f)
{
	static const char *const names[JK_F__COUNT] = {
		[JK_F_NONE] = "(none)",
		[JK_F_NO] = "no",
		[JK_F_NAMA] = "nama_lokasi",
		[JK_F_JENIS] = "jenis",
		[JK_F_ALAMAT] = "alamat",
		[JK_F_DESA] = "desa_kelurahan",
		[JK_F_KEC] = "kecamatan",
		[JK_F_KAB] = "kabupaten_kota",
		[JK_F_KOORDINAT] = "koordinat",
		[JK_F_LAT] = "lat",
		[JK_F_LON] = "lon",
		[JK_F_STATUS] = "status",
		[JK_F_KAPASITAS] = "kapasitas",
		[JK_F_KEGIATAN] = "kegiatan",
		[JK_F_ANAK_OK] = "ramah_anak",
		[JK_F_PJ] = "penanggung_jawab",
		[JK_F_TELEPON] = "telepon",
		[JK_F_KETERANGAN] = "keterangan",
		[JK_F_ID_KLIEN] = "id_klien",
		[JK_F_ALAMAT_RUMAH] = "alamat_rumah",
		[JK_F_KOORDINAT_RUMAH] = "koordinat_rumah",
		[JK_F_JENIS_PIDANA] = "jenis_pidana",
		[JK_F_ANAK] = "anak",
		[JK_F_JAM] = "jam_pidana",
		[JK_F_TANGGAL_MULAI] = "tanggal_mulai",
	};

	if ((int)f < 0 || f >= JK_F__COUNT || !names[f])
		return "(none)";
	return names[f];
}

int jk_kode_level(const char *k)
{
	static const int lens[] = {2, 5, 8, 13};
	size_t n = strlen(k), i;
	int lvl;

	for (lvl = 0; lvl < 4; lvl++)
		if (n == (size_t)lens[lvl])
			break;
	if (lvl == 4)
		return 0;
	for (i = 0; i < n; i++) {
		int dot = (i == 2 || i == 5 || i == 8);

		if (dot ? k[i] != '.' : !isdigit((unsigned char)k[i]))
			return 0;
	}
	return lvl + 1;
}
