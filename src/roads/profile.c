/* SPDX-License-Identifier: MIT */
/*
 * Travel profiles: data files (data/profiles/NAME.csv), one row per road
 * class plus the reserved rows 'ferry' and 'access'. See roads.h for the
 * format. A bad row is an error naming the file, the row and the field:
 * a profile decides every travel time, so none is loaded half right.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/util.h"
#include "roads_int.h"

#define NCOL 5
static const char *const cols[NCOL] = {"class", "kmh", "allowed", "oneway", "wait_min"};

void jk_profile_destroy(jk_profile *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->n; i++)
		free(p->c[i].pattern);
	free(p->c);
	free(p->path);
	free(p);
}

/* Splits a CSV line in place into at most @p max fields (double quotes
 * group, "" is a quote). Returns the count, or -1 on an unclosed quote. */
static int split_csv(char *s, char **f, int max)
{
	int n = 0;

	for (;;) {
		char *w = s;

		if (n >= max)
			return n + 1;
		f[n++] = s;
		if (*s == '"') {
			s++;
			for (;;) {
				if (!*s)
					return -1;
				if (*s == '"' && s[1] == '"') {
					*w++ = '"';
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					*w++ = *s++;
				}
			}
			while (*s && *s != ',')
				s++;
		} else {
			while (*s && *s != ',')
				*w++ = *s++;
		}
		if (!*s) {
			*w = '\0';
			return n;
		}
		*w = '\0';
		s++;
	}
}

static int parse_yesno(const char *s, int *out)
{
	if (!strcasecmp(s, "yes") || !strcmp(s, "1") || !strcasecmp(s, "true"))
		*out = 1;
	else if (!strcasecmp(s, "no") || !strcmp(s, "0") || !strcasecmp(s, "false"))
		*out = 0;
	else
		return -1;
	return 0;
}

static int parse_num(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return (errno || end == s || *end || !isfinite(*out) || *out < 0) ? -1 : 0;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* The values of one class row. */
struct prow {
	double kmh, wait;
	int allowed, oneway;
};

/* The header row: the first four columns (wait_min may follow); *header
 * receives its number of fields. */
static int profile_header(jk_ctx *ctx, const char *path, long row, char **fld,
			  int nf, int *header)
{
	int i;

	for (i = 0; i < NCOL; i++)
		if (i >= nf || strcasecmp(fld[i], cols[i]))
			break;
	if (i < 4 || nf > NCOL)
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s:%ld: header: expected 'class,kmh,allowed,oneway,wait_min'",
				path, row);
	*header = nf;
	return JK_OK;
}

/* The fields of a row after the header (missing ones empty) into @p v. */
static int profile_values(jk_ctx *ctx, const char *path, long row, char **fld,
			  struct prow *v)
{
	v->kmh = v->wait = 0;
	v->allowed = v->oneway = 0;
	if (!*fld[0])
		return jk_error(ctx, JK_ERR_FORMAT, "%s:%ld: class: empty", path, row);
	if (*fld[2] ? parse_yesno(fld[2], &v->allowed) : (v->allowed = 1, 0))
		return jk_error(ctx, JK_ERR_FORMAT, "%s:%ld: allowed: '%s' is not yes or no",
				path, row, fld[2]);
	if (parse_num(fld[1], &v->kmh) || (v->kmh <= 0 && v->allowed))
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s:%ld: kmh: '%s' is not a positive speed in km/h",
				path, row, fld[1]);
	if (*fld[3] && parse_yesno(fld[3], &v->oneway))
		return jk_error(ctx, JK_ERR_FORMAT, "%s:%ld: oneway: '%s' is not yes or no",
				path, row, fld[3]);
	if (*fld[4] && parse_num(fld[4], &v->wait))
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s:%ld: wait_min: '%s' is not a number of minutes",
				path, row, fld[4]);
	if (*fld[4] && strcasecmp(fld[0], "ferry"))
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s:%ld: wait_min: applies to the 'ferry' row only",
				path, row);
	return JK_OK;
}

/* Appends road class @p cls ("name" or "prefix*"; changed in place) to
 * @p p, whose class array holds *cap. */
static int profile_add_class(jk_ctx *ctx, jk_profile *p, size_t *cap, char *cls,
			     const struct prow *v)
{
	jk_pclass *c;
	size_t len = strlen(cls);

	if (p->n >= *cap) {
		size_t nc = *cap ? *cap * 2 : 16;

		c = realloc(p->c, nc * sizeof *c);
		if (!c)
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		p->c = c;
		*cap = nc;
	}
	c = &p->c[p->n];
	c->prefix = cls[len - 1] == '*';
	if (c->prefix)
		cls[len - 1] = '\0';
	c->pattern = jk_strdup(cls);
	if (!c->pattern)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	lower(c->pattern);
	c->kmh = v->kmh;
	c->allowed = v->allowed;
	c->oneway = v->oneway;
	p->n++;
	return JK_OK;
}

/* A row after the header: the ferry, the access speed or a road class. */
static int profile_row(jk_ctx *ctx, const char *path, long row, char **fld,
		       jk_profile *p, size_t *cap, int *have_access)
{
	struct prow v;
	int rc = profile_values(ctx, path, row, fld, &v);

	if (rc)
		return rc;
	if (!strcasecmp(fld[0], "ferry")) {
		p->ferry_allowed = v.allowed;
		p->ferry_kmh = v.kmh;
		p->ferry_wait_min = v.wait;
		return JK_OK;
	}
	if (!strcasecmp(fld[0], "access")) {
		if (v.kmh <= 0)
			return jk_error(ctx, JK_ERR_FORMAT,
					"%s:%ld: kmh: the access walking speed must be positive",
					path, row);
		p->access_kmh = v.kmh;
		*have_access = 1;
		return JK_OK;
	}
	return profile_add_class(ctx, p, cap, fld[0], &v);
}

/* What a whole profile must have. */
static int profile_complete(jk_ctx *ctx, const char *path, const jk_profile *p,
			    int header, int have_access)
{
	if (!header)
		return jk_error(ctx, JK_ERR_FORMAT, "%s: empty profile (no header)", path);
	if (!have_access)
		return jk_error(ctx, JK_ERR_FORMAT,
				"%s: access: missing row (the walking speed between a point and the road)",
				path);
	if (p->ferry_allowed && p->ferry_kmh <= 0)
		return jk_error(ctx, JK_ERR_FORMAT, "%s: ferry: allowed without a speed", path);
	return JK_OK;
}

int jk_profile_load(jk_ctx *ctx, const char *path, jk_profile **out)
{
	FILE *f = NULL;
	jk_profile *p = NULL;
	char line[1024];
	size_t cap = 0;
	long row = 0;
	int rc = JK_OK, header = 0, have_access = 0;

	*out = NULL;
	f = fopen(path, "r");
	if (!f)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot open profile: %s", path,
				strerror(errno));
	p = calloc(1, sizeof *p);
	if (!p || !(p->path = jk_strdup(path))) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	while (fgets(line, sizeof line, f)) {
		char *fld[NCOL + 1], *s;
		int nf, i;

		row++;
		if (!strchr(line, '\n') && !feof(f)) {
			rc = jk_error(ctx, JK_ERR_FORMAT, "%s:%ld: line longer than %zu bytes",
				      path, row, sizeof line - 1);
			goto cleanup;
		}
		line[strcspn(line, "\r\n")] = '\0';
		s = jk_trim(line);
		if (!*s || *s == '#')
			continue;
		nf = split_csv(s, fld, NCOL + 1);
		if (nf < 0) {
			rc = jk_error(ctx, JK_ERR_FORMAT, "%s:%ld: unclosed quote", path, row);
			goto cleanup;
		}
		for (i = 0; i < nf; i++)
			fld[i] = jk_trim(fld[i]);
		if (!header) {
			rc = profile_header(ctx, path, row, fld, nf, &header);
			if (rc)
				goto cleanup;
			continue;
		}
		if (nf > header) {
			rc = jk_error(ctx, JK_ERR_FORMAT, "%s:%ld: %d fields, the header has %d",
				      path, row, nf, header);
			goto cleanup;
		}
		for (i = nf; i < NCOL; i++)
			fld[i] = "";
		rc = profile_row(ctx, path, row, fld, p, &cap, &have_access);
		if (rc)
			goto cleanup;
	}
	if (ferror(f)) {
		rc = jk_error(ctx, JK_ERR_IO, "%s: read error", path);
		goto cleanup;
	}
	rc = profile_complete(ctx, path, p, header, have_access);
	if (rc)
		goto cleanup;
	*out = p;
	p = NULL;
cleanup:
	if (f)
		fclose(f);
	jk_profile_destroy(p);
	return rc;
}

int jk_profile_class(const jk_profile *p, const char *cls, double *kmh,
		     int *oneway)
{
	size_t i, len = cls ? strlen(cls) : 0;

	if (!cls)
		cls = "";
	for (i = 0; i < p->n; i++) {
		const jk_pclass *c = &p->c[i];
		size_t pl = strlen(c->pattern);

		if (c->prefix ? (len >= pl && !strncasecmp(cls, c->pattern, pl))
			      : !strcasecmp(cls, c->pattern)) {
			*kmh = c->kmh;
			*oneway = c->oneway;
			return c->allowed;
		}
	}
	*kmh = 0;
	*oneway = 0;
	return 0;
}
