/* SPDX-License-Identifier: MIT */
/*
 * The reach rule of the last coverage run in words, for the headers of
 * the gap report and of the maps: "5 km" in a straight line, or "30
 * menit lewat jalan (profil motorcycle)" by road, from the store's meta
 * (radius_km, max_minutes, coverage_method) and the run's parameters
 * (the profile's file name).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/lang.h"
#include "results.h"

/* A number as the reader writes it: up to 3 decimals, no trailing
 * zeros, decimal comma in Indonesian. */
static void number(jk_buf *b, double x, int id)
{
	char t[64], *p;

	snprintf(t, sizeof t, "%.3f", x);
	p = t + strlen(t) - 1;
	while (*p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
	for (p = t; *p; p++)
		if (*p == '.' && id)
			*p = ',';
	jk_buf_puts(b, t);
}

/* The profile's name from "...;profile=/x/motorcycle.csv;...". */
static void profile_name(jk_store *st, char *out, size_t n)
{
	sqlite3_stmt *s = NULL;
	const char *p, *e, *slash;
	size_t len;

	out[0] = '\0';
	if (jk_store_prepare(st,
			     "SELECT params FROM runs WHERE step LIKE 'coverage%'"
			     " ORDER BY run_id DESC LIMIT 1", &s))
		return;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) &&
	    (p = strstr((const char *)sqlite3_column_text(s, 0), "profile="))) {
		p += 8;
		e = strchr(p, ';');
		len = e ? (size_t)(e - p) : strlen(p);
		for (slash = p; slash < p + len; slash++)
			if (*slash == '/')
				p = slash + 1, len = (size_t)(e ? e - p : (long)strlen(p));
		if (len > 4 && !strncmp(p + len - 4, ".csv", 4))
			len -= 4;
		if (len >= n)
			len = n - 1;
		memcpy(out, p, len);
		out[len] = '\0';
	}
	sqlite3_finalize(s);
}

int jk_reach_rule(jk_store *st, int id, jk_buf *label, jk_buf *value)
{
	char *method = jk_store_meta_get(st, "coverage_method");
	char *radius = jk_store_meta_get(st, "radius_km");
	char *minutes = jk_store_meta_get(st, "max_minutes");
	double km = radius ? atof(radius) : 0, min = minutes ? atof(minutes) : 0;
	int known = radius != NULL;

	if (method && !strcmp(method, "road")) {
		char prof[64];

		profile_name(st, prof, sizeof prof);
		jk_buf_puts(label, jk_tr(id, JK_T_ROAD_RULE));
		if (min > 0) {
			number(value, min, id);
			jk_buf_puts(value, jk_tr(id, JK_T_MINUTES));
		}
		if (km > 0) {
			jk_buf_puts(value, min > 0 ? jk_tr(id, JK_T_AND) : "");
			number(value, km, id);
			jk_buf_puts(value, jk_tr(id, JK_T_KM_ON_ROAD));
		}
		if (prof[0])
			jk_buf_printf(value, " (%s %s)", jk_tr(id, JK_T_PROFILE), prof);
		known = min > 0 || km > 0;
	} else {
		jk_buf_puts(label, jk_tr(id, JK_T_RADIUS));
		if (known) {
			number(value, km, id);
			jk_buf_puts(value, " km");
		}
	}
	free(method);
	free(radius);
	free(minutes);
	return known;
}
