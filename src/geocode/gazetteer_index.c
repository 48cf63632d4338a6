/* SPDX-License-Identifier: MIT */
/*
 * The gazetteer's index (see gazetteer.h): units and alias names added,
 * then jk_gaz_finish() sorts the units, links each to its ancestors, its
 * descendants' range and the regencies split from it, and builds the
 * lookup structures gazetteer_match.c reads. The matcher itself, and how
 * it uses what is built here, is explained in gazetteer_match.c.
 *
 * Index. Units are kept sorted by code, so the descendants of a unit are
 * one contiguous range. Every name and alias of a unit is an entry with a
 * normalised key (normalize.h); regency names lose their "Kabupaten" /
 * "Kota" prefix, whose kind is kept as a hint. Entries are found by an
 * exact-key hash and, for fuzzy search, through buckets by level, first
 * character and key length, with a letter-set prefilter before the edit
 * distance (fuzzy.h): writers do not misspell the first letter and a name
 * within k edits differs in length by at most k, so a fuzzy search reads a
 * few buckets, never all villages.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/util.h"
#include "fuzzy.h"
#include "gazetteer_int.h"

/* ---------------------------------------------------------------- build */

jk_gaz *jk_gaz_create(void)
{
	return calloc(1, sizeof(jk_gaz));
}

static void index_free(jk_gaz *g)
{
	free(g->e);
	free(g->hash);
	free(g->byb);
	free(g->bmask);
	free(g->bstart);
	g->bmask = NULL;
	g->e = NULL;
	g->hash = NULL;
	g->byb = NULL;
	g->bstart = NULL;
	g->ne = 0;
	g->finished = 0;
}

void jk_gaz_destroy(jk_gaz *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; i < g->nu; i++)
		free(g->u[i].name);
	for (i = 0; i < g->nal; i++)
		free(g->al[i].name);
	free(g->u);
	free(g->al);
	index_free(g);
	free(g);
}

int jk_gaz_add(jk_gaz *g, const char *kode, const char *name)
{
	struct unit *u;
	int lv;

	if (!g || !kode || !name)
		return -1;
	lv = jk_kode_level(kode);
	if (!lv)
		return -1;
	if (g->nu == g->cu) {
		size_t c = g->cu ? g->cu * 2 : 1024;
		struct unit *p = realloc(g->u, c * sizeof *p);

		if (!p)
			return -1;
		g->u = p;
		g->cu = c;
	}
	u = &g->u[g->nu];
	memset(u, 0, sizeof *u);
	u->name = jk_strdup(name);
	if (!u->name)
		return -1;
	jk_strlcpy(u->kode, kode, sizeof u->kode);
	u->level = lv;
	u->seq = g->next_seq++;
	g->nu++;
	g->finished = 0;
	return 0;
}

int jk_gaz_add_alias(jk_gaz *g, const char *kode, const char *alias)
{
	struct alias *a;

	if (!g || !kode || !alias || !jk_kode_level(kode))
		return -1;
	if (g->nal == g->cal) {
		size_t c = g->cal ? g->cal * 2 : 16;
		struct alias *p = realloc(g->al, c * sizeof *p);

		if (!p)
			return -1;
		g->al = p;
		g->cal = c;
	}
	a = &g->al[g->nal];
	a->name = jk_strdup(alias);
	if (!a->name)
		return -1;
	jk_strlcpy(a->kode, kode, sizeof a->kode);
	g->nal++;
	g->finished = 0;
	return 0;
}

/* Generated from data/aliases/indonesia.csv (CMakeLists.txt). */
extern const char *const jk_gaz_builtin_aliases[][2];

int jk_gaz_add_builtin_aliases(jk_gaz *g)
{
	size_t i;

	for (i = 0; jk_gaz_builtin_aliases[i][0]; i++)
		if (jk_gaz_add_alias(g, jk_gaz_builtin_aliases[i][0],
				     jk_gaz_builtin_aliases[i][1]) < 0)
			return -1;
	return 0;
}

static int unit_cmp(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;
	int c = strcmp(x->kode, y->kode);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Is code @p a the code of an ancestor of code @p b? */
static int kode_is_prefix(const char *a, const char *b)
{
	size_t n = strlen(a);

	return strncmp(a, b, n) == 0 && b[n] == '.';
}

int jk_gaz_unit_find(const jk_gaz *g, const char *kode)
{
	size_t lo = 0, hi = g->nu;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(g->u[mid].kode, kode);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int jk_gaz_char_class(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= '0' && c <= '9')
		return 26 + (c - '0');
	return -1;
}

static int starts_word(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 && s[n] == ' ';
}

/* The folded name of a regency without its kind prefix; sets *kind. */
static const char *strip_regency(const char *folded, int *kind)
{
	static const struct {
		const char *p;
		int kind;
	} pre[] = {
		{ "kabupaten administrasi", KIND_KAB },
		{ "kota administrasi", KIND_KOTA },
		{ "kabupaten", KIND_KAB },
		{ "kota", KIND_KOTA },
		{ "kab.", KIND_KAB },
		{ "kab", KIND_KAB },
	};
	size_t i;

	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		if (starts_word(folded, pre[i].p)) {
			*kind = pre[i].kind;
			return folded + strlen(pre[i].p) + 1;
		}
	}
	return folded;
}

/* Appends an entry with key @p key for @p unit. */
static int entry_push(jk_gaz *g, size_t *cap, int unit, const char *key,
		      size_t len, int alias)
{
	struct entry *e;

	if (len == 0)
		return 0;
	if (g->ne == *cap) {
		size_t c = *cap ? *cap * 2 : 1024;
		struct entry *p = realloc(g->e, c * sizeof *p);

		if (!p)
			return -1;
		g->e = p;
		*cap = c;
	}
	e = &g->e[g->ne];
	memcpy(e->key, key, len + 1);
	e->len = len;
	e->mask = jk_fuzzy_letter_mask(key, len);
	e->unit = unit;
	e->alias = alias;
	e->next_hash = -1;
	e->next_of_unit = g->u[unit].entry;
	g->u[unit].entry = (int)g->ne;
	g->ne++;
	return 0;
}

/* Adds the entries of one name of @p unit: its key and, for a name with a
 * number word, also the key with the word kept (normalize.h). */
static int entry_add(jk_gaz *g, size_t *cap, int unit, const char *name,
		     int alias)
{
	char folded[256], k1[JK_NORM_KEY_MAX], k2[JK_NORM_KEY_MAX];
	const char *n = name;
	int kind = KIND_NONE;
	size_t len;

	if (g->u[unit].level == JK_LVL_KAB) {
		jk_norm_fold(name, folded, sizeof folded);
		n = strip_regency(folded, &kind);
		if (!alias && kind != KIND_NONE)
			g->u[unit].kind = kind;
	}
	len = jk_norm_keys(n, k1, k2, sizeof k1);
	if (entry_push(g, cap, unit, k1, len, alias) < 0)
		return -1;
	if (len && k2[0])
		return entry_push(g, cap, unit, k2, strlen(k2), alias);
	return 0;
}

size_t jk_gaz_key_hash(const char *k, size_t n)
{
	return (size_t)jk_fnv1a(JK_FNV_INIT, k, n);
}

/* Finds the regencies of the same province whose name extends the name of
 * another one by whole words: "Muna Barat" was split from "Muna", "Buton
 * Tengah" from "Buton". The Indonesian practice of naming a new regency
 * after its parent plus a direction makes this the old-parent relation. */
static int link_oldparents(jk_gaz *g)
{
	size_t i, j, nr = 0;
	int *reg = NULL;
	char (*nm)[128] = NULL;
	int rc = -1;

	reg = malloc((g->count[JK_LVL_KAB] + 1) * sizeof *reg);
	nm = malloc((g->count[JK_LVL_KAB] + 1) * sizeof *nm);
	if (!reg || !nm)
		goto cleanup;
	for (i = 0; i < g->nu; i++) {
		if (g->u[i].level == JK_LVL_KAB) {
			char f[256];
			int k;

			jk_norm_fold(g->u[i].name, f, sizeof f);
			jk_strlcpy(nm[nr], strip_regency(f, &k), sizeof nm[nr]);
			reg[nr++] = (int)i;
		}
	}
	for (i = 0; i < nr; i++) {
		struct unit *c = &g->u[reg[i]];

		for (j = 0; j < nr; j++) {
			struct unit *p = &g->u[reg[j]];

			if (j == i || p->prov != c->prov || p->kind != KIND_KAB ||
			    !starts_word(nm[i], nm[j]))
				continue;
			if (c->n_oldpar < MAX_OLDPAR)
				c->oldpar[c->n_oldpar++] = reg[j];
			if (p->n_split < MAX_SPLIT)
				p->split[p->n_split++] = reg[i];
		}
	}
	rc = 0;
cleanup:
	free(reg);
	free(nm);
	return rc;
}

/* Sorts the units by code (wilayah.csv comes sorted) and keeps the first
 * of equal codes. */
static void units_sort(jk_gaz *g)
{
	size_t i, w;

	for (i = 1; i < g->nu && unit_cmp(&g->u[i - 1], &g->u[i]) < 0; i++)
		;
	if (i < g->nu)
		qsort(g->u, g->nu, sizeof *g->u, unit_cmp);
	for (i = 0, w = 0; i < g->nu; i++) {
		if (w > 0 && strcmp(g->u[w - 1].kode, g->u[i].kode) == 0) {
			free(g->u[i].name);
			continue;
		}
		if (w != i)
			g->u[w] = g->u[i];
		w++;
	}
	g->nu = w;
}

/* Counts the units of each level and links each to its ancestors and the
 * end of its descendants, in one pass in code order: the open units of the
 * levels above are a unit's ancestors, and a unit's descendants end where
 * a unit not inside it starts. */
static void units_link(jk_gaz *g)
{
	int open[5] = { -1, -1, -1, -1, -1 };
	size_t i;
	int lv;

	memset(g->count, 0, sizeof g->count);
	for (i = 0; i < g->nu; i++) {
		struct unit *u = &g->u[i];

		g->count[u->level]++;
		u->entry = -1;
		u->kind = KIND_NONE;
		u->n_oldpar = 0;
		u->n_split = 0;
		u->off_entry = -1;
		/* close what this unit is not inside of */
		for (lv = 1; lv <= 4; lv++) {
			if (open[lv] < 0 ||
			    (lv < u->level && kode_is_prefix(g->u[open[lv]].kode,
							     u->kode)))
				continue;
			g->u[open[lv]].end = (int)i;
			open[lv] = -1;
		}
		/* the rest are its ancestors */
		u->kec = u->kab = u->prov = -1;
		if (u->level > JK_LVL_KEC)
			u->kec = open[JK_LVL_KEC];
		if (u->level > JK_LVL_KAB)
			u->kab = open[JK_LVL_KAB];
		if (u->level > JK_LVL_PROV)
			u->prov = open[JK_LVL_PROV];
		open[u->level] = (int)i;
	}
	for (lv = 1; lv <= 4; lv++)
		if (open[lv] >= 0)
			g->u[open[lv]].end = (int)g->nu;
}

/* The name entries of every unit: official names, village names without
 * their own "Desa", aliases; then the kind of the regencies no name told.
 * Returns 0, or -1 on OOM. */
static int entries_build(jk_gaz *g)
{
	size_t i, cap = 0;

	for (i = 0; i < g->nu; i++) {
		size_t before = g->ne;

		if (entry_add(g, &cap, (int)i, g->u[i].name, 0) < 0)
			return -1;
		g->u[i].off_entry = g->ne > before ? (int)before : -1;
	}
	/* a few villages carry their level word in the official name ("Desa
	 * Kampung Baru", "Desa Baru"): also by the name without it, as
	 * offices write it after their own "Desa" */
	for (i = 0; i < g->nu; i++)
		if (g->u[i].level == JK_LVL_DESA &&
		    (!strncmp(g->u[i].name, "Desa ", 5) ||
		     !strncmp(g->u[i].name, "desa ", 5)) &&
		    strncmp(g->u[i].name + 5, "Adat ", 5) &&
		    entry_add(g, &cap, (int)i, g->u[i].name + 5, 0) < 0)
			return -1;
	for (i = 0; i < g->nal; i++) {
		int k = jk_gaz_unit_find(g, g->al[i].kode);

		if (k >= 0 && entry_add(g, &cap, k, g->al[i].name, 1) < 0)
			return -1;
	}
	for (i = 0; i < g->nu; i++)
		if (g->u[i].level == JK_LVL_KAB && g->u[i].kind == KIND_NONE)
			g->u[i].kind = atoi(g->u[i].kode + 3) >= 70 ? KIND_KOTA : KIND_KAB;
	return 0;
}

/* The exact-key hash of the entries. Returns 0, or -1 on OOM. */
static int hash_build(jk_gaz *g)
{
	size_t i, hsize;

	for (hsize = 1024; hsize < g->ne * 2; hsize *= 2)
		;
	g->hash = malloc(hsize * sizeof *g->hash);
	if (!g->hash)
		return -1;
	memset(g->hash, 0xff, hsize * sizeof *g->hash);
	g->hmask = hsize - 1;
	for (i = 0; i < g->ne; i++) {
		size_t h = jk_gaz_key_hash(g->e[i].key, g->e[i].len) & g->hmask;

		g->e[i].next_hash = g->hash[h];
		g->hash[h] = (int)i;
	}
	return 0;
}

/* The fuzzy buckets: the entries in a counting sort by (level, first
 * char, length). Returns 0, or -1 on OOM. */
static int buckets_build(jk_gaz *g)
{
	size_t i;
	int *fill;

	g->bstart = calloc(BSIZE, sizeof *g->bstart);
	g->byb = malloc((g->ne ? g->ne : 1) * sizeof *g->byb);
	g->bmask = malloc((g->ne ? g->ne : 1) * sizeof *g->bmask);
	if (!g->bstart || !g->byb || !g->bmask)
		return -1;
	for (i = 0; i < g->ne; i++) {
		int c = jk_gaz_char_class(g->e[i].key[0]);

		if (c >= 0)
			g->bstart[BIDX(g->u[g->e[i].unit].level, c, g->e[i].len) + 1]++;
	}
	for (i = 1; i < BSIZE; i++)
		g->bstart[i] += g->bstart[i - 1];
	fill = malloc(BSIZE * sizeof *fill);
	if (!fill)
		return -1;
	memcpy(fill, g->bstart, BSIZE * sizeof *fill);
	for (i = 0; i < g->ne; i++) {
		int c = jk_gaz_char_class(g->e[i].key[0]);

		if (c >= 0) {
			int k = fill[BIDX(g->u[g->e[i].unit].level, c, g->e[i].len)]++;

			g->byb[k] = (int)i;
			g->bmask[k] = g->e[i].mask;
		}
	}
	free(fill);
	return 0;
}

int jk_gaz_finish(jk_gaz *g)
{
	int rc = -1;

	if (!g)
		return -1;
	index_free(g);
	units_sort(g);
	units_link(g);
	if (entries_build(g) < 0 || link_oldparents(g) < 0 || hash_build(g) < 0 ||
	    buckets_build(g) < 0)
		goto cleanup;
	g->finished = 1;
	rc = 0;
cleanup:
	if (rc)
		index_free(g);
	return rc;
}

size_t jk_gaz_count(const jk_gaz *g, int level)
{
	if (!g)
		return 0;
	if (level == 0)
		return g->nu;
	if (level < 1 || level > 4)
		return 0;
	return g->count[level];
}
