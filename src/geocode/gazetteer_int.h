/* SPDX-License-Identifier: MIT */
/*
 * Private layout of the gazetteer (gazetteer.h), shared by the two files
 * of src/geocode that implement it: gazetteer_index.c builds the index of
 * units and names, gazetteer_match.c matches addresses against it. Not for
 * use outside src/geocode.
 */
#ifndef JK_GAZETTEER_INT_H
#define JK_GAZETTEER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "normalize.h"

#define KODE_MAX 16
#define N_CHAR 36 /* a-z, 0-9 */
#define MAX_OLDPAR 4
#define MAX_SPLIT 8

enum { KIND_NONE = 0, KIND_KAB = 1, KIND_KOTA = 2 };

struct unit {
	char kode[KODE_MAX];
	char *name;
	int level;
	int seq;     /* order of jk_gaz_add(), for "the first wins" */
	int kec, kab, prov; /* ancestors (indices after jk_gaz_finish()),
			       -1 if none */
	int end;     /* one past the last descendant */
	int entry;   /* first name entry */
	int kind;    /* regencies: KIND_KAB or KIND_KOTA */
	int oldpar[MAX_OLDPAR]; /* regencies this one was split from */
	int n_oldpar;
	int split[MAX_SPLIT];   /* regencies split from this one */
	int n_split;
	int off_entry;          /* entry of the official name */
};

struct entry {
	int unit;
	int next_of_unit;
	int next_hash;
	int alias;
	uint32_t mask; /* letters of the key (fuzzy.h prefilter) */
	size_t len;
	char key[JK_NORM_KEY_MAX];
};

struct alias {
	char kode[KODE_MAX];
	char *name;
};

struct jk_gaz {
	struct unit *u;
	size_t nu, cu;
	struct alias *al;
	size_t nal, cal;
	struct entry *e;
	size_t ne;
	int *hash;
	size_t hmask;
	int *byb;          /* entry indices sorted by level, char, length */
	uint32_t *bmask;   /* their letter masks, for a compact prefilter */
	int *bstart;       /* [level][char][len] -> first index in byb */
	size_t count[5];
	int next_seq;
	int finished;
};

#define BIDX(lv, c, l) \
	(((size_t)(lv) * N_CHAR + (size_t)(c)) * (JK_NORM_KEY_MAX + 1) + (size_t)(l))
#define BSIZE (5 * N_CHAR * (JK_NORM_KEY_MAX + 1) + 1)

/* The index of unit @p kode (the units sorted by code), or -1. */
int jk_gaz_unit_find(const jk_gaz *g, const char *kode);

/* Character class of a key's first byte (a-z, 0-9: the fuzzy buckets),
 * or -1. */
int jk_gaz_char_class(char c);

/* Hash of key @p k of @p n bytes (the exact-key table). */
size_t jk_gaz_key_hash(const char *k, size_t n);

#endif /* JK_GAZETTEER_INT_H */
