/*
 * Private declarations shared by the importers.
 */
#ifndef JK_IMPORT_INT_H
#define JK_IMPORT_INT_H

#include <stddef.h>

/* Level of an administrative code: 1 "PP", 2 "PP.KK", 3 "PP.KK.DD",
 * 4 "PP.KK.DD.VVVV"; 0 when @p kode is not of that form. */
int jk_kode_level(const char *kode);

/* Road attribute parsers (roads.c): one-way tag -> 1, -1 or 0; speed
 * limit "50", "50 km/h", "30 mph" -> km/h (0 when not a number); ferry
 * duration "HH:MM", "HH:MM:SS" or minutes -> seconds (0 when none). */
int jk_roads_parse_oneway(const char *s);
double jk_roads_parse_speed(const char *s);
double jk_roads_parse_duration(const char *s);

/* Value of @p key in an OSM other_tags string into @p out; 0 when found. */
int jk_roads_tag(const char *tags, const char *key, char *out, size_t size);

#endif /* JK_IMPORT_INT_H */
