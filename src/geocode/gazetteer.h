/* SPDX-License-Identifier: MIT */
/*
 * In-memory gazetteer and address matcher: the text side of geocoding.
 *
 * The gazetteer holds administrative units (province, regency/city,
 * district, village) with their Kemendagri codes, names and parents, plus
 * alias names. jk_gaz_match() parses a free-text Indonesian address (and the
 * optional separate desa/kecamatan/kabupaten columns) and finds the unit it
 * names, top-down, with fuzzy similarity, tolerating one wrong or outdated
 * level. It uses no database and no geometry.
 */
#ifndef JK_GAZETTEER_H
#define JK_GAZETTEER_H

#include <stddef.h>

typedef struct jk_gaz jk_gaz;

/* Levels, as in the Kemendagri code scheme. */
#define JK_LVL_PROV 1
#define JK_LVL_KAB 2
#define JK_LVL_KEC 3
#define JK_LVL_DESA 4

/* Creates an empty gazetteer; free with jk_gaz_destroy(). NULL on OOM. */
jk_gaz *jk_gaz_create(void);
void jk_gaz_destroy(jk_gaz *g);

/*
 * Adds a unit. @p kode is PP, PP.KK, PP.KK.DD or PP.KK.DD.VVVV and fixes
 * the level; @p parent_kode is derived from it. @p name is the official
 * name ("Kabupaten Buton", "Kota Bau Bau", "Betoambari", "Sulaa").
 * Adding a kode twice keeps the first. Strings are copied.
 * Returns 0, or -1 on OOM or a malformed kode.
 */
int jk_gaz_add(jk_gaz *g, const char *kode, const char *name);

/* Adds another name for a unit already added (or added later). 0 / -1. */
int jk_gaz_add_alias(jk_gaz *g, const char *kode, const char *alias);

/*
 * Adds the regency abbreviations and old names in use across Indonesia
 * ("Jaksel", "Lobar", "Ujung Pandang"; data/aliases/indonesia.csv, built
 * into the library). Codes the gazetteer does not hold are ignored at
 * jk_gaz_finish(). Returns 0, or -1 on OOM.
 */
int jk_gaz_add_builtin_aliases(jk_gaz *g);

/* Builds the lookup indexes; call once after all adds, before matching. */
int jk_gaz_finish(jk_gaz *g);

/* Number of units of a level (0 for all levels). */
size_t jk_gaz_count(const jk_gaz *g, int level);

/* The input of one match. Any member may be NULL or empty. */
typedef struct jk_addr_in {
	const char *alamat; /* free-text address */
	const char *desa;   /* separate columns, less trusted than alamat */
	const char *kec;
	const char *kab;
} jk_addr_in;

#define JK_MATCH_MAX_CAND 8

/* Precision of a match. */
typedef enum jk_prec {
	JK_PREC_NONE = 0,
	JK_PREC_REGENCY = 1,
	JK_PREC_DISTRICT = 2,
	JK_PREC_VILLAGE = 3,
	JK_PREC_AMBIGUOUS = 4
} jk_prec;

typedef struct jk_match {
	jk_prec prec;
	char kode[24];      /* unit found ("" for NONE and AMBIGUOUS) */
	double score;       /* 0..1, confidence of the match */
	char reason[256];   /* short English explanation, e.g.
			       "village 'Sulaa' matched, regency 'Kota Bau Bua' ~ 'Kota Bau Bau'" */
	int n_cand;         /* AMBIGUOUS: candidate village codes */
	char cand[JK_MATCH_MAX_CAND][24];
} jk_match;

/*
 * Matches one address. Always fills @p out (prec NONE when nothing fits).
 * Returns 0, or -1 on OOM.
 */
int jk_gaz_match(const jk_gaz *g, const jk_addr_in *in, jk_match *out);

/*
 * How well a village name in an address fits unit @p kode (0..1), used to
 * check a given coordinate against the address: a coordinate inside
 * village X agrees when the address names X. A reading the matcher alone
 * would not believe because a named regency, province or district is not
 * its own still fits, at 0.8 of its confidence: the coordinate is evidence
 * of its own. Returns 0 when @p kode is unknown or not named at all.
 */
double jk_gaz_address_names(const jk_gaz *g, const jk_addr_in *in,
			    const char *kode);

#endif /* JK_GAZETTEER_H */
