/* SPDX-License-Identifier: MIT */
/*
 * Private declarations shared by the importers.
 */
#ifndef JK_IMPORT_INT_H
#define JK_IMPORT_INT_H

#include <stddef.h>

#include <ogr_api.h>

/* Road attribute parsers (roads.c): one-way tag -> 1, -1 or 0; speed
 * limit "50", "50 km/h", "30 mph" -> km/h (0 when not a number); ferry
 * duration "HH:MM", "HH:MM:SS" or minutes -> seconds (0 when none). */
int jk_roads_parse_oneway(const char *s);
double jk_roads_parse_speed(const char *s);
double jk_roads_parse_duration(const char *s);

/* Value of @p key in an OSM other_tags string into @p out; 0 when found. */
int jk_roads_tag(const char *tags, const char *key, char *out, size_t size);

/* The index of field @p want of a layer, or when @p want is NULL of the
 * first of @p defaults (NULL-terminated) that it has; -1 when none
 * (fields.c). */
int jk_import_field(OGRFeatureDefnH defn, const char *want, const char *const *defaults);

/* The text of field @p idx of @p f, owned by the feature; NULL when @p idx
 * is negative or the cell is unset or NULL (fields.c). */
const char *jk_import_fstr(OGRFeatureH f, int idx);

#endif /* JK_IMPORT_INT_H */
