/* SPDX-License-Identifier: MIT */
/*
 * The address matcher of the gazetteer (see gazetteer.h); the index it
 * reads is built by gazetteer_index.c: units sorted by code, every name
 * and alias an entry with a normalised key, found by an exact-key hash or
 * through fuzzy buckets by level, first character and key length.
 *
 * Evidence. The address is parsed into parts (address.h) and each
 * separate column is one more part (a column holds one name: its words
 * are joined back). Every place-name part is evidence, with a trust that
 * says how plainly it states its level: 1 for a part with a level prefix
 * ("Kel.", "Kec.", "Kab."), 0.95 unprefixed or with a regional village word
 * (Nagari, Gampong, Negeri, Lembang, Pekon, Tiyuh, Ohoi), 0.85 with
 * Kampung (the village in Papua, a hamlet in Java) and for the columns,
 * 0.7 for a customary village (desa adat, by its official "Desa Adat X"),
 * 0.5 for a unit below the village (dusun, dukuh, banjar, jorong, huta,
 * lingkungan, blok) whose name is also a village's (0.95 for the whole
 * "Dusun X", which some villages are officially called), 0.3 for a
 * district or regency named inside a street ("Jl. Poros Wolowa"); streets
 * and landmarks never name a village. A part of several words that names
 * nothing as a whole (an address written without commas: "Dusun Krajan
 * Dasan Cermen Sandubaya") is also read as every run of up to four of its
 * words outside an opening run that names a unit ("Kec. Lintau Buo Tanah
 * Datar" is not "Buo"), with a lower trust the less of the part a run
 * covers; runs are looked up exactly (a fuzzy reading of every few words
 * would find something everywhere).
 *
 * Lookup. Each piece of evidence is looked up at the levels its role
 * allows, by its key, its key with a prefix word that begins many
 * official names ("Kota Bangun", "Gampong Pande"), and its other reading
 * (0.9): without a trailing level word ("Lobu" for "Lobu Kota"), or whole
 * where a unit word cut it ("Muara Huta Raja"). Village candidates come
 * from exact keys anywhere, from a fuzzy search among the villages of the
 * districts and regencies the address names (including regencies split
 * off from a named one), and, when the address names no such area, from
 * the bucketed fuzzy search of all villages. Numbers must agree in a
 * misspelling: "Raha 1" is never "Raha 2".
 *
 * Score. Each village candidate is given the assignment of evidence to the
 * roles village, district, regency and province, using no word twice, that
 * maximises
 *   1.0 * village + 0.5 * district + 0.3 * regency + 0.1 * province
 * (similarities in 0..1 times trust). A regency named by its pre-split
 * parent ("Muna" for Muna Barat), a province by the one it was split from
 * ("Tangerang, Jawa Barat") count 0.8; "Kel." for a desa or "Desa" for a
 * kelurahan 0.97; an unprefixed district named like its regency
 * ("Bangli") counts as a regency; one name copied from the text into the
 * district column counts half. From the total are subtracted what the
 * evidence left over says against the candidate:
 *   a named district not its own        0.25 (0.08 for an unprefixed name)
 *   a regency not its own while the village and its district are named
 *   exactly (a regency split off later), or a regency column against a
 *   district that agrees                                          0.3
 *   an unprefixed exact regency name not its own                  0.15
 *   a named province not its own (or one read off a postal code)  0.2
 *   a prefixed village name of the text left unexplained           0.3
 *   the village column left unexplained                            0.2
 *   a name, or a run of words, left unexplained that is exactly
 *   another village of its regency ("Kadolo" in the text, "Waruruma"
 *   in the column)                                                 0.2
 *   a name left unexplained while the village is read from its own
 *   district's name ("Wuoa, Mowila")                              0.2
 *   any other place name left unexplained              0.04 each, at most 3
 *   a village read from an exact province name                    0.3
 * Units below the village, customary villages, streets and landmarks never
 * count against a candidate. A candidate is not believed when: a regency
 * the text names (or a regency column, when nothing else agrees either),
 * exactly or by at least 0.9, is not its own (a named regency binds: the
 * village is not moved to another one; with no fitting village inside it
 * the row stays at district or regency precision, flagged); a province
 * the text names is not its own; a district the text names with a prefix
 * is not its own and its regency is not named (unless, after all, it is
 * the one village of that name and no village of the named district fits:
 * then it is believed at a lower confidence, the district having been
 * redrawn); its name is misspelt with a named level against it and none
 * for it, or misspelt and alone, or misspelt from an exact district or
 * regency name ("Kolaka" is not "Kolasa", "P. Maya" not "Pulau Jaya"); it
 * is read from a name that is its own regency's, said alone or last
 * ("Kec. Pulau Dullah Selatan, Tual"), or from an exact province name
 * alone; a bare name stands against a village the text names with a
 * prefix; its village evidence is under 0.45 or its score under 0.5.
 *
 * Decision and confidence. If other believable candidates fit the name as
 * well, without a Kel./Desa slip the best has not, and score within
 * AMB_MARGIN of the best, the address is ambiguous and all are returned;
 * the margin covers an old-parent regency, so "Desa X, Kab. Buton" with an
 * X in Buton and one in Buton Tengah is ambiguous, not a guess. It is
 * ambiguous too when the text and the rest disagree: a misspelt best
 * against an exact name that a named level is not its own (within
 * AMB_EXACT), a best that leaves a prefixed village of the text, a
 * misspelt best against an exact name a named regency held back. A
 * person decides those (jangkau geocode --review). Without a believable
 * village the same is done for districts, then regencies. The confidence
 * of a village is its name similarity times (0.75 + 0.25 x the share of
 * the named district and regency that agree), times 0.95 when it comes
 * from a column or a run of words, less the penalties, times 0.9 when a
 * named level disagrees; tests/gazmatch.c reports how often each
 * confidence band is right.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "address.h"
#include "fuzzy.h"
#include "gazetteer_int.h"
#include "normalize.h"

#define W_DESA 1.0
#define W_KEC 0.5
#define W_KAB 0.3
#define W_PROV 0.1
#define F_PREFIXED 1.0
#define F_NAME 0.95
#define F_COLUMN 0.85
#define F_SOFT 0.95    /* Nagari, Gampong, Negeri ...: the village */
#define F_KAMPUNG 0.85 /* Kampung: the village, or a hamlet in Java */
#define F_ADAT 0.7     /* a customary village named as an administrative one */
#define F_DUSUN 0.5    /* a unit below the village whose name is a village's */
#define F_SPAN 0.92    /* some words of a part written without separators */
#define F_ALT 0.9      /* the name without a trailing level word */
#define F_STREET 0.3   /* a place named in a street ("Jl. Poros Wolowa") */
#define F_STREET_VIL 0.6 /* some words of a street or landmark (then times
			    F_SPAN) */
#define F_OLDPAR 0.8
#define F_KIND 0.75 /* "Kota X" for Kabupaten X and vice versa */
#define F_KOTA_VILLAGE 0.9 /* "Kota Bangun" read as a village name */
#define AMB_MARGIN 0.065
#define AMB_EXACT 0.7   /* how far a misspelt best must lead an exact one */

/* Penalties (subtracted from the total) for what the rest of the address
 * says against a candidate; see the file comment. */
#define P_KAB_WEAK 0.15   /* an unprefixed exact regency name not its own */
#define P_KAB_COLUMN 0.3  /* a regency not its own while the district agrees
			     (a column, or a regency split off later) */
#define P_NAME_LEFT 0.2   /* a name left unexplained while the village is
			     read from its own district's name ("Wuoa, Mowila") */
#define P_KEC_STRONG 0.25 /* a named district (prefix or column) not its own */
#define P_KEC_WEAK 0.08
#define P_PROV 0.2        /* a named province not its own */
#define P_UNEXPLAINED 0.04 /* each place name left unexplained, at most 3 */
#define P_DESA_LEFT 0.2   /* a prefixed village name, or the village column,
			     left unexplained */
#define P_DESA_TEXT_LEFT 0.3 /* the same for a prefixed village of the text,
				which offices type with more care than a column */
#define P_RIVAL 0.2       /* a name left unexplained that is exactly another
			     village of its regency */
#define P_UPPER 0.3       /* a misspelt village read from an exact district
			     or regency name ("Kolaka" is not "Kolasa") */
#define MIN_VILLAGE 0.45  /* the least village evidence believed */
#define MIN_TOTAL 0.5     /* the least score believed */

/* ------------------------------------------------------------- matching */

#define MAX_EV 48
#define HITS_VIL 48
#define HITS_KEC 24
#define HITS_KAB 12
#define HITS_PROV 4
#define MAX_CAND 256

enum src { SRC_ALAMAT = 0, SRC_COL_DESA, SRC_COL_KEC, SRC_COL_KAB };

/* Why a village candidate is not believed. */
enum rej {
	REJ_NONE = 0,
	REJ_REGENCY,   /* the address names a regency that is not its own */
	REJ_FUZZY,     /* misspelt name and a named level not its own */
	REJ_WEAK,      /* too little village evidence */
	REJ_PROVINCE,  /* the address names a province not its own */
	REJ_DISTRICT   /* a named district not its own, its regency unnamed */
};

struct hit {
	int unit;
	int dist; /* weighted edit cost in tenths (fuzzy.h) */
	double sim;
};

struct hitlist {
	struct hit *h;
	int n, cap;
};

/* One place-name part of the address or of a column: the evidence. */
struct ev {
	const jk_addr_part *part;
	int src;
	jk_addr_role role;
	double trust;
	int pid;      /* which part (alamat parts, then columns' parts) */
	int w0, w1;   /* its words [w0, w1): a sub-span or the whole part */
	int span;     /* 1 for a sub-span of a part */
	int upper;    /* words of a landmark: "depan Kantor Camat Wolio"
			 points at a district or regency, "depan Puskesmas
			 Sungsang" at a place that may stand in another
			 village: never a village */
	char akey[JK_NORM_KEY_MAX]; /* key of part->alt, or "" */
	size_t aklen;
	char key[JK_NORM_KEY_MAX];
	size_t klen;
	char fkey[JK_NORM_KEY_MAX]; /* key with the prefix word, or "" */
	size_t fklen;
	struct hit vil_h[HITS_VIL], kec_h[HITS_KEC], kab_h[HITS_KAB],
		prov_h[HITS_PROV];
	struct hitlist vil, kec, kab, prov;
};

struct cand {
	int unit;
	double total;
	double d;         /* village evidence (with trust) */
	double d_raw;     /* similarity of the village name */
	int ev_d, ev_k, ev_b, ev_p;
	double k, b, p;
	int contra;       /* named levels that disagree */
	int contra_kec;   /* ... among them the district: 1, 2 when stated
			     with a prefix or in the column */
	int contra_kab;   /* ... a regency */
	int reject;       /* not believed as the village: a REJ_ reason */
	double penalty;   /* what the rest of the address says against it */
	int hint_off;     /* "Kel." for a desa or "Desa" for a kelurahan */
	int desa_left;    /* a prefixed village of the text it leaves, or -1 */
	int b_old;        /* regency matched through its old parent */
};

struct mctx {
	const jk_gaz *g;
	jk_addr addr, col[3];
	struct ev ev[MAX_EV];
	int nev;
	int kec_named, kab_named; /* prefixed alamat parts that name a unit */
};

static void hits_init(struct hitlist *l, struct hit *buf, int cap)
{
	l->h = buf;
	l->n = 0;
	l->cap = cap;
}

static void hits_add(struct hitlist *l, int unit, int dist, double sim)
{
	int i, worst = -1;

	for (i = 0; i < l->n; i++) {
		if (l->h[i].unit == unit) {
			if (sim > l->h[i].sim) {
				l->h[i].sim = sim;
				l->h[i].dist = dist;
			}
			return;
		}
	}
	if (l->n < l->cap) {
		l->h[l->n].unit = unit;
		l->h[l->n].dist = dist;
		l->h[l->n].sim = sim;
		l->n++;
		return;
	}
	for (i = 0; i < l->n; i++)
		if (worst < 0 || l->h[i].sim < l->h[worst].sim)
			worst = i;
	if (worst >= 0 && sim > l->h[worst].sim) {
		l->h[worst].unit = unit;
		l->h[worst].dist = dist;
		l->h[worst].sim = sim;
	}
}

static const struct hit *hits_get(const struct hitlist *l, int unit)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->h[i].unit == unit)
			return &l->h[i];
	return NULL;
}

/* Similarity of written key @p k (letters @p mask) to entry @p e (aliases
 * are short words: at most one edit, none in four letters or fewer).
 * Returns 0 when rejected. */
static double entry_sim(const struct entry *e, const char *k, size_t kl,
			uint32_t mask, int *dist)
{
	double s;

	if (e->key[0] != k[0] ||
	    !jk_fuzzy_mask_may_match(mask, e->mask, jk_fuzzy_max_edits(e->len)))
		return 0;
	s = jk_fuzzy_name_sim(k, kl, e->key, e->len, dist);

	if (s > 0 && e->alias && (*dist > JK_FUZZY_COST_ODD || (*dist > 0 && e->len <= 4)))
		return 0; /* "Palu" is not "PALI", "Agam" not "Atam" */
	return s;
}

/* Exact-key lookup at @p level with similarity @p sim. */
static void lookup_exact_sim(const jk_gaz *g, int level, const char *k,
			     size_t kl, double sim, struct hitlist *l)
{
	int i;

	if (!kl)
		return;
	for (i = g->hash[jk_gaz_key_hash(k, kl) & g->hmask]; i >= 0;
	     i = g->e[i].next_hash) {
		const struct entry *e = &g->e[i];

		if (e->len == kl && memcmp(e->key, k, kl) == 0 &&
		    g->u[e->unit].level == level)
			hits_add(l, e->unit, sim < 1.0 ? 1 : 0, sim);
	}
}

/* Exact-key lookup at @p level into @p l. */
static void lookup_exact(const jk_gaz *g, int level, const char *k, size_t kl,
			 struct hitlist *l)
{
	lookup_exact_sim(g, level, k, kl, 1.0, l);
}

/* Fuzzy lookup at @p level among all entries, through the buckets. */
static void lookup_fuzzy(const jk_gaz *g, int level, const char *k, size_t kl,
			 struct hitlist *l)
{
	int c = jk_gaz_char_class(k[0]);
	size_t len, lo, hi;
	uint32_t mask = jk_fuzzy_letter_mask(k, kl);

	if (c < 0 || kl == 0)
		return;
	/* a name within its allowed edits of the written key: the allowance
	 * grows with the name's length, at most 2 */
	lo = kl > 2 ? kl - 2 : 1;
	hi = kl + 2 < JK_NORM_KEY_MAX ? kl + 2 : JK_NORM_KEY_MAX - 1;
	for (len = lo; len <= hi; len++) {
		int a = g->bstart[BIDX(level, c, len)];
		int b = g->bstart[BIDX(level, c, len) + 1];
		int max = jk_fuzzy_max_edits(len);

		if ((kl > len ? kl - len : len - kl) > (size_t)max)
			continue;
		for (; a < b; a++) {
			const struct entry *e;
			int d;
			double s;

			if (!jk_fuzzy_mask_may_match(mask, g->bmask[a], max))
				continue;
			e = &g->e[g->byb[a]];
			s = entry_sim(e, k, kl, mask, &d);
			if (s > 0)
				hits_add(l, e->unit, d, s);
		}
	}
}

/* Fuzzy lookup among the villages below unit @p scope. */
static void lookup_below(const jk_gaz *g, int scope, const char *k, size_t kl,
			 struct hitlist *l)
{
	int i;
	uint32_t mask = jk_fuzzy_letter_mask(k, kl);

	for (i = scope + 1; i < g->u[scope].end; i++) {
		int e;

		if (g->u[i].level != JK_LVL_DESA)
			continue;
		for (e = g->u[i].entry; e >= 0; e = g->e[e].next_of_unit) {
			int d;
			double s = entry_sim(&g->e[e], k, kl, mask, &d);

			if (s > 0)
				hits_add(l, i, d, s);
		}
	}
}

static int role_has_level(const struct ev *v, int level)
{
	if (v->upper)
		return level == JK_LVL_KEC || level == JK_LVL_KAB;
	switch (v->role) {
	case JK_ADDR_NAME:
		return 1;
	case JK_ADDR_DESA:
	case JK_ADDR_ADAT:
	case JK_ADDR_DUSUN:
		return level == JK_LVL_DESA;
	case JK_ADDR_KEC:
		return level == JK_LVL_KEC;
	case JK_ADDR_KAB:
		/* "Kota Bangun" is also a village name */
		return level == JK_LVL_KAB ||
		       (level == JK_LVL_DESA && v->part->hint == JK_HINT_KOTA);
	case JK_ADDR_PROV:
		return level == JK_LVL_PROV;
	case JK_ADDR_LANDMARK:
		/* only the whole words, landmark word included: "Belakang
		 * Padang" is a district, "depan Kantor Camat" nothing */
		return level == JK_LVL_KEC || level == JK_LVL_DESA;

	case JK_ADDR_STREET:
		/* streets are named after places elsewhere ("Jl. Kemuning",
		 * "Jl. Makassar"): a district or regency at most, weakly */
		return level == JK_LVL_KEC || level == JK_LVL_KAB;
	default:
		return 0;
	}
}

/* Number of words of a part's text (single spaces). */
static int word_count(const char *t)
{
	int n = *t ? 1 : 0;

	for (; *t; t++)
		n += *t == ' ';
	return n;
}

/* Copies words [w0, w1) of @p t into @p out. */
static void words_of(const char *t, int w0, int w1, char *out, size_t size)
{
	int w = 0;
	size_t n = 0;

	for (; *t && w < w1; t++) {
		if (*t == ' ') {
			w++;
			if (w > w0 && w < w1 && n + 1 < size)
				out[n++] = ' ';
			continue;
		}
		if (w >= w0 && n + 1 < size)
			out[n++] = *t;
	}
	out[n] = '\0';
}

static double role_trust(const jk_addr_part *p, int src)
{
	if (src != SRC_ALAMAT)
		return F_COLUMN;
	switch (p->role) {
	case JK_ADDR_NAME:
		return F_NAME;
	case JK_ADDR_DESA:
		return p->hint == JK_HINT_SOFT ? F_SOFT
		       : p->hint == JK_HINT_KAMPUNG ? F_KAMPUNG : F_PREFIXED;
	case JK_ADDR_ADAT:
		return F_ADAT;
	case JK_ADDR_DUSUN:
	case JK_ADDR_LANDMARK:
		return F_DUSUN;
	case JK_ADDR_STREET:
		return F_STREET;
	default:
		return F_PREFIXED;
	}
}

/* The prefix words of part @p p that may begin an official name ("Kota"
 * of "Kota Bangun", "Gampong" of "Gampong Pande", "Desa" of "Desa Baru"
 * when nothing else precedes it), without those that only say the level
 * ("Ds. Gampong Pande": "gampong"); NULL when there are none, else a
 * pointer into @p p->full and their length in *len. */
static const char *soft_prefix(const jk_addr_part *p, int *len)
{
	static const char *const hard[] = { "ds", "des", "desa", "kel", "kelu",
					    "kelurahan", "dinas", "adat",
					    "pakraman", "da", "kab",
					    "kabupaten", "kec", "kecamatan" };
	size_t tl = strlen(p->text), fl = strlen(p->full), i;
	const char *s = p->full;

	if (fl <= tl + 1)
		return NULL;
	for (;;) {
		const char *sp = strchr(s, ' ');
		size_t n = sp ? (size_t)(sp - s) : strlen(s);
		int h = 0;

		if (!sp || (size_t)(s - p->full) + n + 1 >= fl - tl)
			break; /* the last prefix word is kept */
		for (i = 0; i < sizeof hard / sizeof hard[0]; i++)
			if (strlen(hard[i]) == n && !memcmp(hard[i], s, n))
				h = 1;
		if (!h)
			break;
		s = sp + 1;
	}
	*len = (int)(fl - tl - 1 - (size_t)(s - p->full));
	return *len > 0 ? s : NULL;
}

/* Adds the words [w0, w1) of part @p p (part number @p pid) as evidence;
 * a sub-span (not the whole part) is read as an unprefixed name unless it
 * starts the part. */
static struct ev *ev_add(struct mctx *m, const jk_addr_part *p, int src,
			 int pid, int w0, int w1, int nw)
{
	struct ev *v;
	char words[JK_ADDR_TEXT_MAX];

	if (m->nev >= MAX_EV)
		return NULL;
	if (p->role != JK_ADDR_NAME && p->role != JK_ADDR_DESA &&
	    p->role != JK_ADDR_KEC && p->role != JK_ADDR_KAB &&
	    p->role != JK_ADDR_PROV && p->role != JK_ADDR_ADAT &&
	    p->role != JK_ADDR_DUSUN && p->role != JK_ADDR_STREET &&
	    p->role != JK_ADDR_LANDMARK)
		return NULL;
	v = &m->ev[m->nev];
	memset(v, 0, offsetof(struct ev, vil_h));
	v->part = p;
	v->src = src;
	v->pid = pid;
	v->w0 = w0;
	v->w1 = w1;
	v->span = w0 > 0 || w1 < nw;
	v->role = v->span && w0 > 0 && p->role != JK_ADDR_STREET ? JK_ADDR_NAME
								 : p->role;
	if (p->role == JK_ADDR_ADAT && v->span)
		return NULL;
	v->upper = v->span && p->role == JK_ADDR_LANDMARK;
	words_of(p->text, w0, w1, words, sizeof words);
	v->klen = jk_norm_key(words, v->key, sizeof v->key);
	if (!v->klen)
		return NULL;
	if (p->role == JK_ADDR_LANDMARK && !v->span) {
		/* "Belakang Padang": the whole */
		v->fklen = jk_norm_key(p->full, v->fkey, sizeof v->fkey);
	} else if (p->role == JK_ADDR_ADAT && !v->span) {
		/* "Desa Adat Waibron Bano", the official form, however it was
		 * introduced ("Desa Desa Adat", "DA") */
		char full[2 * JK_ADDR_TEXT_MAX];

		snprintf(full, sizeof full, "desa adat %s", words);
		v->fklen = jk_norm_key(full, v->fkey, sizeof v->fkey);
	} else if (w0 == 0 && strcmp(p->full, p->text) != 0) {
		char full[2 * JK_ADDR_TEXT_MAX];
		int sl;
		const char *soft = soft_prefix(p, &sl);

		if (soft) {
			snprintf(full, sizeof full, "%.*s %s", sl, soft, words);
			v->fklen = jk_norm_key(full, v->fkey, sizeof v->fkey);
		}
		if (v->fklen == v->klen && !memcmp(v->fkey, v->key, v->klen))
			v->fklen = 0;
	}
	if (!v->span && p->alt[0])
		v->aklen = jk_norm_key(p->alt, v->akey, sizeof v->akey);
	v->trust = role_trust(p, src);
	if (v->span) {
		int left = nw - (w1 - w0);

		if (w0 > 0 && p->role == JK_ADDR_DUSUN)
			v->trust = F_STREET_VIL; /* the hamlet's name, or not */
		if (p->role == JK_ADDR_STREET || p->role == JK_ADDR_LANDMARK)
			v->trust = F_STREET_VIL;
		/* the words right after "Desa" are its name */
		if (w0 > 0 || p->role != JK_ADDR_DESA)
			v->trust *= F_SPAN;
		while (left-- > 0)
			v->trust *= 0.98; /* the longer reading first */
	}
	hits_init(&v->vil, v->vil_h, HITS_VIL);
	hits_init(&v->kec, v->kec_h, HITS_KEC);
	hits_init(&v->kab, v->kab_h, HITS_KAB);
	hits_init(&v->prov, v->prov_h, HITS_PROV);
	m->nev++;
	return v;
}

/* Do evidence @p a and @p b use the same words? */
static int ev_overlap(const struct ev *a, const struct ev *b)
{
	return a == b || (a->pid == b->pid && a->w0 < b->w1 && b->w0 < a->w1);
}

static double hits_best(const struct hitlist *l)
{
	double b = 0;
	int i;

	for (i = 0; i < l->n; i++)
		if (l->h[i].sim > b)
			b = l->h[i].sim;
	return b;
}

/* How many villages @p v names exactly. */
static int exact_villages(const struct ev *v)
{
	int i, n = 0;

	for (i = 0; i < v->vil.n; i++)
		n += v->vil.h[i].dist == 0;
	return n;
}

static int hits_exact(const struct hitlist *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->h[i].dist == 0)
			return 1;
	return 0;
}

/* Regency, district and province hits of evidence @p v: fuzzy for whole
 * parts, exact for sub-spans (a fuzzy reading of every few words would
 * find something everywhere). */
static void ev_find_upper(struct mctx *m, struct ev *v)
{
	const jk_gaz *g = m->g;
	static const int lv[3] = { JK_LVL_PROV, JK_LVL_KAB, JK_LVL_KEC };
	int i;

	if (v->role == JK_ADDR_LANDMARK) {
		lookup_exact(g, JK_LVL_KEC, v->fkey, v->fklen, &v->kec);
		return;
	}
	for (i = 0; i < 3; i++) {
		struct hitlist *l = lv[i] == JK_LVL_PROV ? &v->prov
				    : lv[i] == JK_LVL_KAB ? &v->kab : &v->kec;

		if (!role_has_level(v, lv[i]))
			continue;
		if (lv[i] == JK_LVL_PROV && v->role == JK_ADDR_KAB)
			continue;
		if (v->role == JK_ADDR_PROV && lv[i] != JK_LVL_PROV)
			continue;
		if (v->span || v->role == JK_ADDR_STREET)
			lookup_exact(g, lv[i], v->key, v->klen, l);
		else
			lookup_fuzzy(g, lv[i], v->key, v->klen, l);
		if (v->aklen && lv[i] != JK_LVL_PROV)
			lookup_exact_sim(g, lv[i], v->akey, v->aklen, F_ALT, l);
	}
	/* "Negeri Besar", "Kampung Laut" are districts too */
	if (v->role == JK_ADDR_DESA && v->fklen &&
	    (v->part->hint == JK_HINT_SOFT || v->part->hint == JK_HINT_KAMPUNG))
		lookup_exact_sim(g, JK_LVL_KEC, v->fkey, v->fklen, F_ALT, &v->kec);
	/* "Kota Baru" is Kabupaten Kotabaru */
	if (v->role == JK_ADDR_KAB && v->fklen)
		lookup_exact(g, JK_LVL_KAB, v->fkey, v->fklen, &v->kab);
	/* "Kota Gajah", "Garut Kota" are districts too */
	if (v->role == JK_ADDR_KAB && v->part->hint == JK_HINT_KOTA && v->fklen)
		lookup_exact_sim(g, JK_LVL_KEC, v->fkey, v->fklen, F_ALT, &v->kec);
	if (v->src == SRC_ALAMAT && !v->span && v->role == JK_ADDR_KEC && v->kec.n)
		m->kec_named = 1;
	if (v->src == SRC_ALAMAT && !v->span && v->role == JK_ADDR_KAB && v->kab.n)
		m->kab_named = 1;
}

/* Does evidence @p v name some unit as a whole: exactly at any level, or
 * a village fairly closely (a misspelt "Tekuk Buli" is not "Buli")? */
static int ev_names_whole(const struct ev *v)
{
	if ((v->role == JK_ADDR_KEC && hits_best(&v->kec) >= 0.8) ||
	    (v->role == JK_ADDR_KAB && hits_best(&v->kab) >= 0.8))
		return 1; /* "Distrik Moeuj Mega" is Moruj Mega, not "Mega" */
	return hits_exact(&v->kab) || hits_exact(&v->kec) ||
	       hits_exact(&v->prov) || hits_best(&v->vil) >= 0.75;
}

static int scope_has(const int *s, int n, int u)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] == u)
			return 1;
	return 0;
}

/* Village hits of the evidence from @p from on that may name a village. */
static void find_villages(struct mctx *m, int from)
{
	const jk_gaz *g = m->g;
	int scope[64], ns = 0, i, j, k;

	/* regencies named (and those split off from them), then districts
	 * not inside one of those */
	for (i = 0; i < m->nev; i++) {
		for (j = 0; j < m->ev[i].kab.n && ns < 64; j++) {
			int r = m->ev[i].kab.h[j].unit;

			if (!scope_has(scope, ns, r))
				scope[ns++] = r;
			for (k = 0; k < g->u[r].n_split && ns < 64; k++)
				if (!scope_has(scope, ns, g->u[r].split[k]))
					scope[ns++] = g->u[r].split[k];
		}
	}
	{
		int nkab = ns;

		for (i = 0; i < m->nev; i++) {
			for (j = 0; j < m->ev[i].kec.n && ns < 64; j++) {
				int d = m->ev[i].kec.h[j].unit;

				if (!scope_has(scope, nkab, g->u[d].kab) &&
				    !scope_has(scope, ns, d))
					scope[ns++] = d;
			}
		}
	}
	for (i = from; i < m->nev; i++) {
		struct ev *v = &m->ev[i];
		int close = 0;

		if (!role_has_level(v, JK_LVL_DESA))
			continue;
		if (v->role == JK_ADDR_LANDMARK) {
			lookup_exact(g, JK_LVL_DESA, v->fkey, v->fklen, &v->vil);
			continue;
		}
		if (v->role == JK_ADDR_KAB || v->role == JK_ADDR_DUSUN) {
			/* only "Kota Bangun", "Banjar Sari" as a whole: exact,
			 * or close in the named areas */
			if (v->fklen)
				for (j = 0; j < ns; j++)
					lookup_below(g, scope[j], v->fkey, v->fklen,
						     &v->vil);
			if (v->fklen)
				lookup_exact(g, JK_LVL_DESA, v->fkey, v->fklen,
					     &v->vil);
			if (v->role == JK_ADDR_DUSUN)
				lookup_exact(g, JK_LVL_DESA, v->key, v->klen,
					     &v->vil);
			continue;
		}
		/* the named areas first, the fuller reading before the plain
		 * one: a name shared by a hundred villages ("Kampung Baru",
		 * "Sukamaju") must not crowd out the one the context names */
		/* runs of words exactly only: a fuzzy reading of every few
		 * words would find something everywhere */
		if (!v->span)
			for (j = 0; j < ns; j++) {
				if (v->fklen)
					lookup_below(g, scope[j], v->fkey, v->fklen,
						     &v->vil);
				lookup_below(g, scope[j], v->key, v->klen, &v->vil);
			}
		if (v->fklen)
			lookup_exact(g, JK_LVL_DESA, v->fkey, v->fklen,
				     &v->vil);
		lookup_exact(g, JK_LVL_DESA, v->key, v->klen, &v->vil);
		if (v->aklen)
			lookup_exact_sim(g, JK_LVL_DESA, v->akey, v->aklen, F_ALT,
					 &v->vil);
		if (v->span)
			continue;
		for (j = 0; j < v->vil.n; j++)
			if (v->vil.h[j].dist <= JK_FUZZY_COST_ODD)
				close = 1;
		/* a misspelt name is looked for in the whole country only when
		 * the address names no area to look in: a village outside the
		 * named ones would be held back anyway */
		if (!close && ns == 0)
			lookup_fuzzy(g, JK_LVL_DESA, v->key, v->klen, &v->vil);
	}
}

/* Regency evidence of part @p v for regency @p r: direct, or through an
 * old parent. */
static double kab_sim(const struct mctx *m, const struct ev *v, int r,
		      int *old)
{
	const struct unit *u = &m->g->u[r];
	const struct hit *h = hits_get(&v->kab, r);
	double s = 0;
	int i;

	*old = 0;
	if (h) {
		s = h->sim;
		if ((v->part->hint == JK_HINT_KOTA && u->kind == KIND_KAB) ||
		    (v->part->hint == JK_HINT_KAB && u->kind == KIND_KOTA))
			s *= F_KIND;
	}
	for (i = 0; i < u->n_oldpar; i++) {
		h = hits_get(&v->kab, u->oldpar[i]);
		if (h && h->sim * F_OLDPAR > s) {
			s = h->sim * F_OLDPAR;
			*old = 1;
		}
	}
	return s;
}

static int letters(const char *k)
{
	int n = 0;

	for (; *k; k++)
		n += *k >= 'a' && *k <= 'z';
	return n;
}

/* Does alamat part @p v name a district (or regency) by itself: a
 * prefixed part that matches one, or an unprefixed one matching exactly? */
static int ev_names_level(const struct ev *v, int level)
{
	const struct hitlist *l = level == JK_LVL_KEC ? &v->kec : &v->kab;
	jk_addr_role r = level == JK_LVL_KEC ? JK_ADDR_KEC : JK_ADDR_KAB;

	if (v->role == r)
		return l->n > 0;
	if (v->role != JK_ADDR_NAME)
		return 0;
	return hits_exact(l);
}

/* Is evidence @p v compatible with the chosen ones (distinct words)? */
static int ev_free(const struct mctx *m, int v, const int *used, int nu)
{
	int i;

	for (i = 0; i < nu; i++)
		if (used[i] >= 0 && ev_overlap(&m->ev[v], &m->ev[used[i]]))
			return 0;
	return 1;
}

/* Does @p v name exactly another village of @p u's regency: a rival
 * reading of the address ("Kadolo" in the text, "Waruruma" in the
 * column)? */
static int rival_village(const struct mctx *m, const struct ev *v,
			 const struct unit *u)
{
	int i;

	for (i = 0; i < v->vil.n; i++)
		if (v->vil.h[i].dist == 0 && &m->g->u[v->vil.h[i].unit] != u &&
		    m->g->u[v->vil.h[i].unit].kab == u->kab)
			return 1;
	return 0;
}

/* Does another piece of evidence than the one used name the village
 * (the village column "Binjai" beside the city "Binjai" of the text)? */
static int other_village_ev(const struct mctx *m, const struct cand *c,
			    const double *sd)
{
	int i;

	for (i = 0; i < m->nev; i++)
		if (i != c->ev_d && sd[i] > 0 && !ev_overlap(&m->ev[i], &m->ev[c->ev_d]))
			return 1;
	return 0;
}

/* Is @p v the last place name of the address text (provinces aside): where
 * a regency is written ("Kec. Pulau Dullah Selatan, Tual")? */
static int last_place(const struct mctx *m, const struct ev *v)
{
	int i;

	if (v->src != SRC_ALAMAT)
		return 0;
	for (i = 0; i < m->nev; i++) {
		const struct ev *w = &m->ev[i];

		if (w->src == SRC_ALAMAT && w->pid > v->pid && !w->span &&
		    (w->role == JK_ADDR_NAME || w->role == JK_ADDR_DESA ||
		     w->role == JK_ADDR_KEC || w->role == JK_ADDR_KAB))
			return 0;
	}
	return 1;
}

/* Does @p v, read as a district or regency, name one of @p u's own? */
static int names_own_upper(const struct mctx *m, const struct ev *v,
			   const struct unit *u)
{
	(void)m;
	return (u->kec >= 0 && hits_get(&v->kec, u->kec)) ||
	       (u->kab >= 0 && hits_get(&v->kab, u->kab));
}

/* Counts over the evidence a candidate leaves unexplained, for the
 * penalties that are taken once or a few times only. */
struct left_count {
	int unexplained, left_name, spans_rival;
};

/* What unused evidence @p v that names a province, regency or district
 * says against candidate @p c: a penalty, a contradiction or a REJ_
 * reason. Returns 1 when @p v names such a level, 0 otherwise. */
static int judge_upper(struct cand *c, const struct ev *v)
{
	int strong = v->role != JK_ADDR_NAME && !v->part->glued;

	if (v->role == JK_ADDR_PROV ||
	    (v->role == JK_ADDR_NAME && hits_exact(&v->prov))) {
		if (v->role == JK_ADDR_PROV && v->part->hint != JK_HINT_POSTAL &&
		    hits_best(&v->prov) >= 0.9)
			c->reject = REJ_PROVINCE;
		else if (v->prov.n)
			c->penalty += P_PROV;
		return 1;
	}
	if ((v->role == JK_ADDR_KAB ? v->kab.n > 0
					       : v->role == JK_ADDR_NAME &&
						 hits_exact(&v->kab))) {
		c->contra++;
		c->contra_kab = 1;
		/* a regency the address text names is decisive; a
		 * regency column (filled in by hand, often wrong) only
		 * when no named district agrees either */
		/* ... unless the village and its district are both
		 * named exactly: then the named regency is most likely
		 * the one it was split from (Mesuji from Tulang Bawang),
		 * which names cannot tell */
		if (strong &&
		    hits_best(&v->kab) >= (v->part->hint == JK_HINT_KOTA ? 1.0 : 0.9) &&
		    ((v->src == SRC_ALAMAT && c->b <= 0) ||
		     (c->k <= 0 && c->b <= 0)) &&
		    !(c->d_raw >= 1.0 && c->k >= 0.85))
			c->reject = REJ_REGENCY;
		else
			c->penalty += strong ? P_KAB_COLUMN : P_KAB_WEAK;
		return 1;
	}
	if ((v->role == JK_ADDR_KEC ? v->kec.n > 0
					       : v->role == JK_ADDR_NAME &&
						 hits_exact(&v->kec))) {
		c->contra++;
		c->contra_kec = strong ? 2 : 1;
		c->penalty += strong ? P_KEC_STRONG : P_KEC_WEAK;
		/* a district moved by redistricting keeps its regency:
		 * without the regency named, the village is not
		 * believed against a named district */
		if (strong && v->src == SRC_ALAMAT &&
		    hits_best(&v->kec) >= 0.9 &&
		    !(c->b > 0 && !c->b_old) && !c->reject)
			c->reject = REJ_DISTRICT;
		return 1;
	}
	return 0;
}

/* What evidence @p i, not used for candidate @p c, says against it;
 * @p agrees when it fits one of the candidate's levels, @p sd its village
 * evidence for the candidate. */
static void judge_left(const struct mctx *m, struct cand *c, int i,
		       int agrees, double sd, struct left_count *n)
{
	const struct ev *vd = &m->ev[c->ev_d];
	const struct unit *u = &m->g->u[c->unit];
	const struct ev *v = &m->ev[i];

	if (v->span) {
		/* "Bone Tua Masamba": the run "bone tua" is another
		 * village of Masamba's regency */
		if (v->role == JK_ADDR_NAME && !v->upper &&
		    v->part->role != JK_ADDR_STREET && !n->spans_rival++ &&
		    sd <= 0 && rival_village(m, v, u))
			c->penalty += P_RIVAL;
		return;
	}
	if (v->role == JK_ADDR_DUSUN || v->role == JK_ADDR_ADAT ||
	    v->role == JK_ADDR_STREET || v->role == JK_ADDR_LANDMARK)
		return;
	if (agrees || judge_upper(c, v))
		return;
	if (v->src == SRC_COL_DESA && letters(v->key) >= 3) {
		c->penalty += P_DESA_LEFT; /* the village column */
		return;
	}
	if (v->src != SRC_ALAMAT || letters(v->key) < 3 ||
	    (v->role != JK_ADDR_NAME && v->role != JK_ADDR_DESA))
		return;
	/* a place name the candidate does not explain */
	if (v->role == JK_ADDR_DESA && v->part->hint != JK_HINT_KAMPUNG &&
	    (vd->role != JK_ADDR_DESA || vd->src != SRC_ALAMAT)) {
		c->penalty += P_DESA_TEXT_LEFT;
		if (c->desa_left < 0)
			c->desa_left = i;
	}
	else if (v->part->hint != JK_HINT_SOFT &&
		 v->part->hint != JK_HINT_KAMPUNG && rival_village(m, v, u))
		c->penalty += P_RIVAL;
	else if (vd->role == JK_ADDR_NAME && !n->left_name++ &&
		 ((u->kec >= 0 && hits_get(&vd->kec, u->kec)) ||
		  (u->kab >= 0 && hits_get(&vd->kab, u->kab))))
		c->penalty += P_NAME_LEFT;
	else if (n->unexplained++ < 3)
		c->penalty += P_UNEXPLAINED;
}

/* Whether candidate @p c, with its penalties known, is believed as the
 * village its evidence names: sets c->reject (REJ_WEAK, REJ_FUZZY) when
 * the name itself is too weak or is another level's. */
static void judge_village(const struct mctx *m, struct cand *c,
			  const double *sd)
{
	const struct ev *vd = &m->ev[c->ev_d];
	const struct unit *u = &m->g->u[c->unit];

	/* "Kolaka" is the regency, not a misspelt village "Kolasa"; and
	 * "Karawang" with nothing else for the village of that name in
	 * Sukabumi is the regency too */
	/* "Papua", "Jambi" are the province */
	if (vd->src == SRC_ALAMAT && vd->role == JK_ADDR_NAME &&
	    hits_exact(&vd->prov)) {
		c->penalty += P_UPPER;
		if (c->k <= 0 && c->b <= 0 && !c->reject)
			c->reject = REJ_WEAK;
	}
	if (vd->src == SRC_ALAMAT && vd->role == JK_ADDR_NAME &&
	    (ev_names_level(vd, JK_LVL_KEC) || ev_names_level(vd, JK_LVL_KAB))) {
		if (c->d_raw < 1.0 && !c->reject)
			c->reject = REJ_WEAK; /* "P. Maya" is not "Pulau Jaya" */
		else if (c->k <= 0 && c->b <= 0 && !names_own_upper(m, vd, u) &&
			 !c->reject)
			c->reject = REJ_WEAK;
		/* "Kec. Pulau Dullah Selatan Tual", "Kec. Pandak, Bantul": a
		 * name that is also its own regency's, said with nothing else
		 * for it or beside a district not its own, names the regency
		 * (a village named like its district is common: "Wolowa,
		 * Buton") */
		else if (!c->reject && u->kab >= 0 && hits_exact(&vd->kab) &&
			 hits_get(&vd->kab, u->kab) && !other_village_ev(m, c, sd) &&
			 ((c->b <= 0 && c->k <= 0) || c->contra_kec ||
			  last_place(m, vd)))
			c->reject = REJ_WEAK;
	}
	if (!c->reject && c->d_raw < 1.0 && c->contra &&
	    ((c->k <= 0 && c->b <= 0) || (c->contra_kec > 1 && c->k <= 0)))
		c->reject = REJ_FUZZY;
	if (!c->reject && c->total - c->penalty < MIN_TOTAL)
		c->reject = REJ_WEAK;
	/* "Ciamis, Desa Ciganjeng": a bare name is no village against one
	 * the text names with a prefix */
	if (!c->reject && c->desa_left >= 0 && vd->role == JK_ADDR_NAME)
		c->reject = REJ_WEAK;
	/* "Tubang" alone: a misspelt bare name with nothing else for it */
	if (!c->reject && c->d_raw < 1.0 && vd->role == JK_ADDR_NAME &&
	    c->k <= 0 && c->b <= 0 && c->p <= 0)
		c->reject = REJ_WEAK;
	if (!c->reject && c->d < MIN_VILLAGE)
		c->reject = REJ_WEAK;
}

/* What the evidence not used for candidate @p c says against it: sets
 * c->penalty, c->contra, c->contra_kec and c->reject. */
static void judge_rest(const struct mctx *m, struct cand *c,
		       const double *sd, const double *sk, const double *sb,
		       const double *sp)
{
	int used[4] = { c->ev_d, c->ev_k, c->ev_b, c->ev_p };
	struct left_count n = { 0, 0, 0 };
	int i;

	for (i = 0; i < m->nev; i++)
		if (ev_free(m, i, used, 4))
			judge_left(m, c, i,
				   sd[i] > 0 || sk[i] > 0 || sb[i] > 0 || sp[i] > 0,
				   sd[i], &n);
	judge_village(m, c, sd);
}

/* Provinces split off from another since 1999, and the province they
 * were part of: an address may still name the old one ("Tangerang, Jawa
 * Barat"; "Batam, Riau"). */
static const char *const prov_parent[][2] = {
	{ "19", "16" }, { "21", "14" }, { "36", "32" }, { "65", "64" },
	{ "75", "71" }, { "76", "73" }, { "82", "81" }, { "92", "91" },
	{ "93", "91" }, { "94", "91" }, { "95", "91" }, { "96", "92" },
};

/* Province evidence of @p v for province @p p: direct, or through the
 * province it was split from (0.8). */
static double prov_sim(const jk_gaz *g, const struct ev *v, int p)
{
	const struct hit *h = hits_get(&v->prov, p);
	size_t i;

	if (h)
		return h->sim;
	for (i = 0; i < sizeof prov_parent / sizeof prov_parent[0]; i++) {
		if (strcmp(g->u[p].kode, prov_parent[i][0]) == 0) {
			int o = jk_gaz_unit_find(g, prov_parent[i][1]);

			h = o >= 0 ? hits_get(&v->prov, o) : NULL;
			if (h)
				return h->sim * F_OLDPAR;
		}
	}
	return 0;
}

/* Do two pieces of evidence say the same name? */
static int same_name(const struct ev *a, const struct ev *b)
{
	return (a->klen == b->klen && !memcmp(a->key, b->key, a->klen)) ||
	       (a->fklen && a->fklen == b->klen && !memcmp(a->fkey, b->key, b->klen)) ||
	       (b->fklen && b->fklen == a->klen && !memcmp(b->fkey, a->key, a->klen)) ||
	       (a->fklen && a->fklen == b->fklen && !memcmp(a->fkey, b->fkey, a->fklen));
}

/* What every piece of evidence says for one village candidate: its
 * weighed similarity as the village (sd; rawd unweighed), its district
 * (sk), regency (sb, old when through an old parent) and province (sp),
 * and the pieces with something for each role (D, K, B, P). */
struct vscore {
	double sd[MAX_EV], sk[MAX_EV], sb[MAX_EV], sp[MAX_EV], rawd[MAX_EV];
	int old[MAX_EV], D[MAX_EV], K[MAX_EV], B[MAX_EV], P[MAX_EV];
	int hint_off[MAX_EV];
	int nd, nk, nb, np;
};

/* Fills @p s for candidate @p c->unit. */
static void score_evidence(const struct mctx *m, const struct cand *c,
			   struct vscore *s)
{
	const jk_gaz *g = m->g;
	const struct unit *u = &g->u[c->unit];
	int kel = c->unit >= 0 && u->kode[9] == '1';
	int i;

	s->nd = s->nk = s->nb = s->np = 0;
	for (i = 0; i < m->nev; i++) {
		const struct ev *v = &m->ev[i];
		const struct hit *h;
		double t = v->trust;

		h = hits_get(&v->vil, c->unit);
		s->rawd[i] = h ? h->sim : 0;
		s->sd[i] = s->rawd[i] * t;
		if (h && v->role == JK_ADDR_KAB)
			s->sd[i] *= F_KOTA_VILLAGE;
		/* "Kel." for a desa, "Desa" for a kelurahan: a slip, but a
		 * signal between two villages of one name */
		s->hint_off[i] = h && ((v->part->hint == JK_HINT_KEL && !kel) ||
				       (v->part->hint == JK_HINT_DESA && kel));
		if (s->hint_off[i])
			s->sd[i] *= 0.97;
		h = u->kec >= 0 ? hits_get(&v->kec, u->kec) : NULL;
		s->sk[i] = h ? h->sim * t : 0;
		/* "Bangli", "Sorong": a district named like its regency; said
		 * without a prefix it tells no district apart */
		if (s->sk[i] > 0 && v->role == JK_ADDR_NAME && u->kab >= 0 &&
		    hits_get(&v->kab, u->kab) && hits_exact(&v->kab))
			s->sk[i] *= W_KAB / W_KEC;
		s->sb[i] = u->kab >= 0 ? kab_sim(m, v, u->kab, &s->old[i]) * t : 0;
		if (u->kab < 0)
			s->old[i] = 0;
		s->sp[i] = u->prov >= 0 ? prov_sim(g, v, u->prov) * t : 0;
		if (s->sd[i] > 0)
			s->D[s->nd++] = i;
		if (s->sk[i] > 0)
			s->K[s->nk++] = i;
		if (s->sb[i] > 0)
			s->B[s->nb++] = i;
		if (s->sp[i] > 0)
			s->P[s->np++] = i;
	}
}

/* The assignment of evidence using distinct words to the roles village,
 * district, regency and province with the highest weighed total: sets
 * c->total and c->ev_d, ev_k, ev_b, ev_p (ev_d -1 when nothing names the
 * village). */
static void best_assignment(const struct mctx *m, struct cand *c,
			    const struct vscore *s)
{
	int i, j, l, q;

	c->total = -1;
	c->ev_d = c->ev_k = c->ev_b = c->ev_p = -1;
	for (i = 0; i < s->nd; i++) {
		int di = s->D[i];

		for (j = -1; j < s->nk; j++) {
			int kj = j < 0 ? -1 : s->K[j], usedk[1] = { di };

			if (kj >= 0 && !ev_free(m, kj, usedk, 1))
				continue;
			for (l = -1; l < s->nb; l++) {
				int bl = l < 0 ? -1 : s->B[l], usedb[2] = { di, kj };
				int usedp[3] = { di, kj, bl }, bp = -1;
				double t, bestp = 0;

				if (bl >= 0 && !ev_free(m, bl, usedb, 2))
					continue;
				for (q = 0; q < s->np; q++)
					if (s->sp[s->P[q]] > bestp &&
					    ev_free(m, s->P[q], usedp, 3)) {
						bestp = s->sp[s->P[q]];
						bp = s->P[q];
					}
				t = W_DESA * s->sd[di] + (kj >= 0 ? W_KEC * s->sk[kj] : 0) +
				    (bl >= 0 ? W_KAB * s->sb[bl] : 0) + W_PROV * bestp;
				/* "Kota Atambua" as the village in the text and
				 * again as its district in the column: one
				 * statement copied, not two ("Nagari Koto Baru,
				 * Kec. Koto Baru" says both) */
				if (kj >= 0 && same_name(&m->ev[di], &m->ev[kj]) &&
				    (m->ev[di].src == SRC_ALAMAT) != (m->ev[kj].src == SRC_ALAMAT))
					t -= 0.5 * W_KEC * s->sk[kj];
				if (t > c->total + 1e-12) {
					c->total = t;
					c->ev_d = di;
					c->ev_k = kj;
					c->ev_b = bl;
					c->ev_p = bp;
				}
			}
		}
	}
}

/* Scores village candidate @p c->unit: the best assignment of evidence
 * that uses distinct words to the roles village, district, regency,
 * province, less what the rest of the address says against it. */
static void score_village(const struct mctx *m, struct cand *c)
{
	struct vscore s;
	int i;

	score_evidence(m, c, &s);
	best_assignment(m, c, &s);
	if (c->ev_d < 0) {
		c->total = 0;
		c->d = c->d_raw = c->k = c->b = c->p = 0;
		return;
	}
	c->d = s.sd[c->ev_d];
	c->d_raw = s.rawd[c->ev_d];
	/* named exactly by some piece, even when another weighed more */
	for (i = 0; i < m->nev; i++)
		if (s.rawd[i] > c->d_raw && !m->ev[i].span)
			c->d_raw = s.rawd[i];
	c->hint_off = s.hint_off[c->ev_d];
	c->k = c->ev_k >= 0 ? s.sk[c->ev_k] : 0;
	c->b = c->ev_b >= 0 ? s.sb[c->ev_b] : 0;
	c->b_old = c->ev_b >= 0 ? s.old[c->ev_b] : 0;
	c->p = c->ev_p >= 0 ? s.sp[c->ev_p] : 0;
	c->penalty = 0;
	c->desa_left = -1;
	c->contra = c->contra_kec = c->contra_kab = 0;
	c->reject = REJ_NONE;
	judge_rest(m, c, s.sd, s.sk, s.sb, s.sp);
	c->total -= c->penalty;
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->total != y->total)
		return x->total < y->total ? 1 : -1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Confidence in 0..1 of a village candidate: how exactly the village is
 * named, how much of what the address names agrees, less what speaks
 * against it. */
static double cand_conf(const struct mctx *m, const struct cand *c)
{
	double named = 0, got = 0, agree, s;

	if (m->kec_named || c->k > 0) {
		named += W_KEC;
		got += W_KEC * c->k;
	}
	if (m->kab_named || c->b > 0) {
		named += W_KAB;
		got += W_KAB * c->b;
	}
	agree = named > 0 ? got / named : 0.6;
	s = c->d_raw * (0.75 + 0.25 * agree);
	if (c->ev_d >= 0 && m->ev[c->ev_d].src != SRC_ALAMAT)
		s *= 0.95;
	if (c->ev_d >= 0 && m->ev[c->ev_d].span)
		s *= 0.95;
	s -= c->penalty;
	s *= c->contra ? 0.9 : 1.0;
	return s > 1 ? 1 : s < 0 ? 0 : s;
}

/* Appends " @p w" to @p dst (of @p size bytes), cut to fit. */
static void append_text(char *dst, size_t size, const char *w)
{
	size_t n = strlen(dst);

	if (n + 2 < size)
		snprintf(dst + n, size - n, " %s", w);
}

/* Is @p k (of @p kl bytes) the key of some unit, any level? */
static int key_known(const jk_gaz *g, const char *k, size_t kl)
{
	int i;

	for (i = g->hash[jk_gaz_key_hash(k, kl) & g->hmask]; i >= 0; i = g->e[i].next_hash)
		if (g->e[i].len == kl && !memcmp(g->e[i].key, k, kl))
			return 1;
	return 0;
}

/* The end of the longest opening run of words [0, b) of @p text (of @p nw
 * words, fewer than all) that is some unit's name, or 0. */
static int opening_run(const jk_gaz *g, const char *text, int nw)
{
	char words[JK_ADDR_TEXT_MAX], k[JK_NORM_KEY_MAX];
	int b;

	for (b = nw - 1; b >= 2; b--) {
		size_t kl;

		words_of(text, 0, b, words, sizeof words);
		kl = jk_norm_key(words, k, sizeof k);
		if (kl && key_known(g, k, kl))
			return b;
	}
	return 0;
}

static int name_role(jk_addr_role r)
{
	return r == JK_ADDR_NAME || r == JK_ADDR_DESA || r == JK_ADDR_KEC ||
	       r == JK_ADDR_KAB;
}

/* A column holds one name: "Pasar Kota Bakti" in the village column is not
 * "Pasar" and the city "Bakti". Joins the place-name parts the parser cut
 * it into back into the first one. */
static void col_merge(jk_addr *a)
{
	jk_addr_part *first = NULL;
	int i, w = 0;

	for (i = 0; i < a->n_parts; i++) {
		jk_addr_part *p = &a->part[i];

		if (p->role == JK_ADDR_PROV || p->role == JK_ADDR_POSTAL ||
		    p->role == JK_ADDR_RTRW || (!first && !name_role(p->role))) {
			a->part[w++] = *p;
			continue;
		}
		if (!first) {
			a->part[w] = *p;
			first = &a->part[w++];
			continue;
		}
		append_text(first->text, sizeof first->text, p->full);
		append_text(first->full, sizeof first->full, p->full);
		first->alt[0] = '\0';
	}
	a->n_parts = w;
}

/* The evidence of the parts of the address text and of the columns. */
static void add_parts(struct mctx *m, const jk_addr_in *in)
{
	static const jk_addr_role colrole[3] = { JK_ADDR_DESA, JK_ADDR_KEC,
						 JK_ADDR_KAB };
	const char *colv[3];
	int i, c, pid = 0;

	jk_addr_parse(in ? in->alamat : NULL, &m->addr);
	colv[0] = in ? in->desa : NULL;
	colv[1] = in ? in->kec : NULL;
	colv[2] = in ? in->kab : NULL;
	for (i = 0; i < m->addr.n_parts; i++, pid++) {
		const jk_addr_part *p = &m->addr.part[i];

		ev_add(m, p, SRC_ALAMAT, pid, 0, word_count(p->text),
		       word_count(p->text));
	}
	for (c = 0; c < 3; c++) {
		jk_addr_parse_field(colv[c], colrole[c], &m->col[c]);
		col_merge(&m->col[c]);
		for (i = 0; i < m->col[c].n_parts; i++, pid++) {
			jk_addr_part *p = &m->col[c].part[i];

			/* a column holds its own level: "Kota Wetan" in the
			 * village column is the village's name */
			if (p->role == JK_ADDR_DESA || p->role == JK_ADDR_KEC ||
			    p->role == JK_ADDR_KAB || p->role == JK_ADDR_NAME) {
				if (p->role != colrole[c] && p->role != JK_ADDR_NAME)
					memcpy(p->text, p->full, sizeof p->text);
				p->role = colrole[c];
			}
			if (p->role == colrole[c] || p->role == JK_ADDR_PROV)
				ev_add(m, p, SRC_COL_DESA + c, pid, 0,
				       word_count(p->text), word_count(p->text));
		}
	}
}

/* "Dusun Baru V Koto" is also an official village name, and written whole
 * with its unit word it means the village ("Dusun Lampoh Raya" without it
 * names a hamlet like a village): a reading of its own, on the same
 * words. */
static void add_dusun_names(struct mctx *m)
{
	int i, nwhole;

	for (i = 0, nwhole = m->nev; i < nwhole; i++) {
		struct ev *d = &m->ev[i], *v;

		if (d->role != JK_ADDR_DUSUN || !d->fklen || m->nev >= MAX_EV)
			continue;
		v = &m->ev[m->nev++];
		*v = *d;
		memcpy(v->key, d->fkey, sizeof v->key);
		v->klen = d->fklen;
		v->fklen = 0;
		v->role = JK_ADDR_NAME;
		v->trust = F_NAME;
		hits_init(&v->vil, v->vil_h, HITS_VIL);
		hits_init(&v->kec, v->kec_h, HITS_KEC);
		hits_init(&v->kab, v->kab_h, HITS_KAB);
		hits_init(&v->prov, v->prov_h, HITS_PROV);
	}
}

/* Words written without separators: when a part of the text of several
 * words names nothing as a whole, every run of up to four of its words is
 * read as a name too ("Dusun Krajan Dasan Cermen Sandubaya"); for the
 * first @p nwhole pieces of evidence. */
static void add_word_runs(struct mctx *m, int nwhole)
{
	int i;

	for (i = 0; i < nwhole; i++) {
		const struct ev *v = &m->ev[i];
		int nw = word_count(v->part->text), a, b, open_b;

		if (v->src != SRC_ALAMAT || nw < 2 || nw > 10 || ev_names_whole(v) ||
		    (v->role != JK_ADDR_NAME && v->role != JK_ADDR_DESA &&
		     v->role != JK_ADDR_KEC && v->role != JK_ADDR_KAB &&
		     v->role != JK_ADDR_DUSUN && v->role != JK_ADDR_STREET &&
		     v->role != JK_ADDR_LANDMARK))
			continue;
		/* "Kec. Lintau Buo Tanah Datar": the opening words that name
		 * a unit stay one name ("buo" is not read inside it) */
		open_b = opening_run(m->g, v->part->text, nw);
		for (a = 0; a < nw; a++) {
			for (b = a + 1; b <= nw && b - a <= 4; b++) {
				struct ev *s;

				if ((a > 0 && a < open_b) ||
				    (a == 0 && b == nw) ||
				    (a == 0 && (v->role == JK_ADDR_DUSUN ||
						v->role == JK_ADDR_LANDMARK)))
					continue;
				s = ev_add(m, v->part, v->src, v->pid, a, b, nw);
				if (s)
					ev_find_upper(m, s);
			}
		}
	}
}

/* The evidence of one address, looked up: every part, its upper levels,
 * then its villages. */
static void mctx_init(struct mctx *m, const jk_gaz *g, const jk_addr_in *in)
{
	int i, nwhole;

	m->g = g;
	m->nev = 0;
	m->kec_named = m->kab_named = 0;
	add_parts(m, in);
	add_dusun_names(m);
	nwhole = m->nev;
	for (i = 0; i < nwhole; i++)
		ev_find_upper(m, &m->ev[i]);
	find_villages(m, 0);
	add_word_runs(m, nwhole);
	find_villages(m, nwhole);
}

/* All believable village candidates, scored and sorted; returns how many.
 * *rej receives the best candidate not believed (unit -1 if none), *held
 * the best exact one a named regency held back (unit -1 if none). */
static int collect_villages(const struct mctx *m, struct cand *cs, int cap,
			    struct cand *rej, struct cand *held)
{
	int ids[MAX_EV * HITS_VIL], n = 0, i, j, nc = 0;

	memset(rej, 0, sizeof *rej);
	rej->unit = -1;
	memset(held, 0, sizeof *held);
	held->unit = -1;
	for (i = 0; i < m->nev; i++)
		for (j = 0; j < m->ev[i].vil.n; j++)
			ids[n++] = m->ev[i].vil.h[j].unit;
	qsort(ids, (size_t)n, sizeof ids[0], int_cmp);
	for (i = 0; i < n && nc < cap; i++) {
		if (i > 0 && ids[i] == ids[i - 1])
			continue;
		memset(&cs[nc], 0, sizeof cs[nc]);
		cs[nc].unit = ids[i];
		score_village(m, &cs[nc]);
		if (cs[nc].ev_d < 0)
			continue;
		if (!cs[nc].reject) {
			nc++;
			continue;
		}
		if (cs[nc].reject == REJ_REGENCY && cs[nc].d_raw >= 1.0 &&
		    (held->unit < 0 || cs[nc].total > held->total))
			*held = cs[nc];
		if (rej->unit < 0 || cs[nc].total > rej->total)
			*rej = cs[nc];
	}
	qsort(cs, (size_t)nc, sizeof *cs, cand_cmp);
	return nc;
}

/* ------------------------------------------------------------- reasons */

static void say_level(jk_buf *b, const struct mctx *m, const char *what,
		      int unit, int evi, const char *extra)
{
	const struct ev *v;
	const jk_gaz *g = m->g;

	if (evi < 0 || unit < 0)
		return;
	v = &m->ev[evi];
	jk_buf_printf(b, "%s%s '%s' %s '%s'%s%s", b->len ? ", " : "", what,
		      g->u[unit].name,
		      g->u[unit].off_entry >= 0 &&
				      strcmp(v->key, g->e[g->u[unit].off_entry].key) == 0
			      ? "="
			      : "~",
		      v->part->text, v->src != SRC_ALAMAT ? " (column)" : "",
		      extra ? extra : "");
}

/* Why the best village candidate was not believed. */
static void say_rejected(jk_buf *b, const struct mctx *m, const struct cand *c)
{
	static const char *const why[] = {
		"", "the address names a regency that is not its own",
		"it is misspelt and a named level is not its own",
		"too little of the address names it",
		"the address names a province that is not its own",
		"the address names a district that is not its own"
	};

	jk_buf_printf(b, "village '%s' %s '%s' not taken: %s",
		      m->g->u[c->unit].name, c->d_raw >= 1.0 ? "=" : "~",
		      m->ev[c->ev_d].part->text, why[c->reject]);
}

static void set_reason(jk_match *out, jk_buf *b)
{
	jk_strlcpy(out->reason, b->oom ? "out of memory" : jk_buf_str(b),
		   sizeof out->reason);
}

static void match_reset(jk_match *out)
{
	memset(out, 0, sizeof *out);
	out->prec = JK_PREC_NONE;
}

struct dcand {
	int unit;
	double t, k;
	int ev_k, ev_b;
};

/* Districts: the same assignment with the roles district and regency. */
static int best_district(const struct mctx *m, jk_match *out, jk_buf *b)
{
	const jk_gaz *g = m->g;
	struct dcand dc[MAX_EV * HITS_KEC];
	int nd = 0, i, j, l, best = 0, same_kab = 1, others = 0;

	for (i = 0; i < m->nev; i++) {
		const struct ev *v = &m->ev[i];

		/* a loose name when a district is named with its prefix */
		if (v->src == SRC_ALAMAT && v->role == JK_ADDR_NAME && m->kec_named)
			continue;
		for (j = 0; j < v->kec.n; j++) {
			int d = v->kec.h[j].unit, old, bl = -1, x;
			double k = v->kec.h[j].sim * v->trust, bs = 0, t;

			for (l = 0; l < m->nev; l++) {
				double s;

				if (l == i || g->u[d].kab < 0)
					continue;
				s = kab_sim(m, &m->ev[l], g->u[d].kab, &old) *
				    m->ev[l].trust;
				if (s > bs) {
					bs = s;
					bl = l;
				}
			}
			t = W_KEC * k + W_KAB * bs;
			if (m->kab_named && bs <= 0)
				t -= W_KAB; /* contradicted by the regency */
			for (x = 0; x < nd && dc[x].unit != d; x++)
				;
			if (x == nd) {
				dc[nd].unit = d;
				dc[nd].t = -1e9;
				nd++;
			}
			if (t > dc[x].t) {
				dc[x].t = t;
				dc[x].k = k;
				dc[x].ev_k = i;
				dc[x].ev_b = bl;
			}
		}
	}
	if (nd == 0)
		return 0;
	if (b->len)
		jk_buf_puts(b, "; ");
	for (i = 1; i < nd; i++)
		if (dc[i].t > dc[best].t + 1e-9 ||
		    (dc[i].t > dc[best].t - 1e-9 && dc[i].unit < dc[best].unit))
			best = i;
	/* other districts that fit as well: then only their regency */
	for (i = 0; i < nd; i++) {
		if (i == best || dc[i].k < dc[best].k - 1e-9 ||
		    dc[i].t <= dc[best].t - AMB_MARGIN)
			continue;
		others++;
		if (g->u[dc[i].unit].kab != g->u[dc[best].unit].kab)
			same_kab = 0;
	}
	if (others && !same_kab) {
		jk_buf_printf(b, "no village matched; district name '%s' fits %d districts",
			      m->ev[dc[best].ev_k].part->text, others + 1);
		return 0;
	}
	if (others) {
		int r = g->u[dc[best].unit].kab;

		out->prec = JK_PREC_REGENCY;
		jk_strlcpy(out->kode, g->u[r].kode, sizeof out->kode);
		out->score = 0.5 * dc[best].k;
		jk_buf_printf(b, "no village matched; district name '%s' fits %d districts of '%s'",
			      m->ev[dc[best].ev_k].part->text, others + 1,
			      g->u[r].name);
		return 1;
	}
	out->prec = JK_PREC_DISTRICT;
	jk_strlcpy(out->kode, g->u[dc[best].unit].kode, sizeof out->kode);
	out->score = dc[best].k * (dc[best].ev_b >= 0 ? 0.8 : 0.7);
	jk_buf_puts(b, "no village matched");
	say_level(b, m, "district", dc[best].unit, dc[best].ev_k, NULL);
	say_level(b, m, "regency", g->u[dc[best].unit].kab, dc[best].ev_b, NULL);
	return 1;
}

static int best_regency(const struct mctx *m, jk_match *out, jk_buf *b)
{
	const jk_gaz *g = m->g;
	int i, j, best = -1, bi = -1, tie = 0;
	double bs = 0;

	for (i = 0; i < m->nev; i++) {
		for (j = 0; j < m->ev[i].kab.n; j++) {
			int r = m->ev[i].kab.h[j].unit, old;
			double s = kab_sim(m, &m->ev[i], r, &old) * m->ev[i].trust;

			if (old || r == best)
				continue;
			if (s > bs + 1e-9) {
				best = r;
				bs = s;
				bi = i;
				tie = 0;
			} else if (s > bs - 1e-9) {
				tie = 1;
			}
		}
	}
	if (best < 0)
		return 0;
	if (b->len)
		jk_buf_puts(b, "; ");
	if (tie) {
		jk_buf_printf(b, "regency name '%s' fits several regencies",
			      m->ev[bi].part->text);
		return 0;
	}
	out->prec = JK_PREC_REGENCY;
	jk_strlcpy(out->kode, g->u[best].kode, sizeof out->kode);
	out->score = bs * 0.6;
	jk_buf_puts(b, "no village or district matched");
	say_level(b, m, "regency", best, bi, NULL);
	return 1;
}

/* Does candidate @p c fit the address as well as the best, @p c0: a name
 * as close, a score within the margin, and no "Kel."/"Desa" slip where
 * the best has none? */
static int rival(const struct mctx *m, const struct cand *c0,
		 const struct cand *c)
{
	const struct ev *a = &m->ev[c0->ev_d], *b = &m->ev[c->ev_d];

	/* "Kalike" inside "Kalike Aimatan": the longer reading */
	if (a->pid == b->pid && a->w0 <= b->w0 && b->w1 <= a->w1 &&
	    a->w1 - a->w0 > b->w1 - b->w0)
		return 0;
	/* the best is misspelt, this one named exactly but a named district
	 * or regency is not its own: a person decides (a district moved in
	 * a redistricting, a regency split off later, against a similar
	 * name inside the named one) */
	if (c0->d_raw < 1.0 && c->d_raw >= 1.0 && c->contra &&
	    (c0->k > 0 || c0->b > 0) && c->total > c0->total - AMB_EXACT)
		return 1;
	/* the best leaves a village the text names with a prefix: the text
	 * and the rest disagree ("Kel. Teluk Uma, Buru") */
	if (c0->desa_left >= 0 && c->ev_d == c0->desa_left &&
	    c->total > c0->total - AMB_EXACT)
		return 1;
	return c->d_raw >= c0->d_raw - 1e-9 && c->total > c0->total - AMB_MARGIN &&
	       (c->hint_off <= c0->hint_off);
}

/* The decision among the believable village candidates @p cs (@p nc > 0,
 * best first): the best, or ambiguous when others fit as well or a named
 * regency held back an exact one (@p held, unit -1 when none). */
static void decide_village(const struct mctx *m, const struct cand *cs, int nc,
			   const struct cand *held, jk_match *out, jk_buf *b)
{
	const jk_gaz *g = m->g;
	const struct cand *c0 = &cs[0];
	int i, namb = 0;

	for (i = 1; i < nc; i++)
		if (rival(m, c0, &cs[i]))
			namb++;
	if (namb) {
		out->prec = JK_PREC_AMBIGUOUS;
		out->score = cand_conf(m, c0) * 0.5;
		jk_strlcpy(out->cand[out->n_cand++], g->u[c0->unit].kode,
			   sizeof out->cand[0]);
		for (i = 1; i < nc && out->n_cand < JK_MATCH_MAX_CAND; i++)
			if (rival(m, c0, &cs[i]))
				jk_strlcpy(out->cand[out->n_cand++],
					   g->u[cs[i].unit].kode,
					   sizeof out->cand[0]);
		jk_buf_printf(b, "village name '%s' fits %d%s villages equally well",
			      m->ev[c0->ev_d].part->text, namb + 1,
			      namb + 1 >= HITS_VIL ? " or more" : "");
		if (c0->ev_k >= 0 || c0->ev_b >= 0)
			jk_buf_puts(b, " in the named district/regency");
		return;
	}
	/* a misspelt best against an exact name a named regency held
	 * back, no district named (a regency split off later: "Gampong
	 * Mekar Ayu, Aceh Tengah" is in Bener Meriah), or a best that
	 * another named regency contradicts against its namesake there
	 * ("Desa Negla Sari, Banjar, Kab. Ciamis"): a person decides */
	if (held->unit >= 0 && c0->k <= 0 &&
	    ((c0->d_raw < 1.0 && (held->ev_d == c0->ev_d ||
				  m->ev[held->ev_d].src == SRC_COL_DESA)) ||
	     (c0->contra_kab && same_name(&m->ev[held->ev_d], &m->ev[c0->ev_d])))) {
		out->prec = JK_PREC_AMBIGUOUS;
		out->score = cand_conf(m, c0) * 0.5;
		jk_strlcpy(out->cand[0], g->u[c0->unit].kode, sizeof out->cand[0]);
		jk_strlcpy(out->cand[1], g->u[held->unit].kode, sizeof out->cand[1]);
		out->n_cand = 2;
		jk_buf_printf(b, "village name '%s' fits '%s' in the named regency and '%s' in another",
			      m->ev[c0->ev_d].part->text, g->u[c0->unit].name,
			      g->u[held->unit].name);
		return;
	}
	out->prec = JK_PREC_VILLAGE;
	jk_strlcpy(out->kode, g->u[c0->unit].kode, sizeof out->kode);
	out->score = cand_conf(m, c0);
	say_level(b, m, "village", c0->unit, c0->ev_d, NULL);
	say_level(b, m, "district", g->u[c0->unit].kec, c0->ev_k, NULL);
	say_level(b, m, "regency", g->u[c0->unit].kab, c0->ev_b,
		  c0->b_old ? " (old parent regency)" : NULL);
	if (c0->contra)
		jk_buf_printf(b, "; the named %s is not its own",
			      c0->contra_kec ? "district" : "regency");
}

/* A village named exactly, by a name that is no district's or regency's,
 * outside the district the address names, with no village of that
 * district fitting: the district was redrawn since ("Klaligi, Distrik
 * Sorong Kepulauan"); believed, at a confidence a review lists. Returns 1
 * when @p rej, the best candidate not believed, is taken so. */
static int believe_redrawn(const struct mctx *m, const struct cand *rej,
			   jk_match *out, jk_buf *b)
{
	const jk_gaz *g = m->g;

	if (!(rej->unit >= 0 && rej->reject == REJ_DISTRICT && rej->d_raw >= 1.0 &&
	      rej->d >= 0.9 && !m->ev[rej->ev_d].span &&
	      exact_villages(&m->ev[rej->ev_d]) == 1 &&
	      !hits_exact(&m->ev[rej->ev_d].kab) &&
	      !hits_exact(&m->ev[rej->ev_d].kec) && !hits_exact(&m->ev[rej->ev_d].prov)))
		return 0;
	out->prec = JK_PREC_VILLAGE;
	jk_strlcpy(out->kode, g->u[rej->unit].kode, sizeof out->kode);
	out->score = cand_conf(m, rej) * 0.8;
	say_level(b, m, "village", rej->unit, rej->ev_d, NULL);
	say_level(b, m, "regency", g->u[rej->unit].kab, rej->ev_b, NULL);
	jk_buf_puts(b, "; the named district is not its own and has no village of the name");
	return 1;
}

int jk_gaz_match(const jk_gaz *g, const jk_addr_in *in, jk_match *out)
{
	struct mctx *m = NULL;
	struct cand *cs = NULL, rej, held;
	jk_buf b;
	int nc, rc = -1;

	if (!out)
		return -1;
	jk_buf_init(&b);
	match_reset(out);
	if (!g || !g->finished) {
		jk_strlcpy(out->reason, "gazetteer not built", sizeof out->reason);
		return g ? 0 : -1;
	}
	m = malloc(sizeof *m);
	cs = malloc(MAX_CAND * sizeof *cs);
	if (!m || !cs)
		goto cleanup;
	mctx_init(m, g, in);
	nc = collect_villages(m, cs, MAX_CAND, &rej, &held);
	if (nc > 0) {
		decide_village(m, cs, nc, &held, out, &b);
	} else if (!believe_redrawn(m, &rej, out, &b)) {
		if (rej.unit >= 0)
			say_rejected(&b, m, &rej);
		if (!best_district(m, out, &b) && !best_regency(m, out, &b)) {
			out->prec = JK_PREC_NONE;
			jk_buf_puts(&b, b.len ? "; nothing matched" :
					  "no village, district or regency name recognised");
		}
	}
	rc = 0;
cleanup:
	if (rc == 0)
		set_reason(out, &b);
	else
		jk_strlcpy(out->reason, "out of memory", sizeof out->reason);
	jk_buf_release(&b);
	free(cs);
	free(m);
	return rc;
}

double jk_gaz_address_names(const jk_gaz *g, const jk_addr_in *in,
			    const char *kode)
{
	struct mctx *m;
	struct cand c;
	int u;
	double s = 0;

	if (!g || !g->finished || !kode)
		return 0;
	u = jk_gaz_unit_find(g, kode);
	if (u < 0 || g->u[u].level != JK_LVL_DESA)
		return 0;
	m = malloc(sizeof *m);
	if (!m)
		return 0;
	mctx_init(m, g, in);
	memset(&c, 0, sizeof c);
	c.unit = u;
	score_village(m, &c);
	/* a coordinate inside the village is evidence of its own: what the
	 * text alone would not believe (a regency split off later, a
	 * misspelling beside a wrong district) may still fit */
	if (c.ev_d >= 0 && c.reject != REJ_WEAK)
		s = cand_conf(m, &c) * (c.reject ? 0.8 : 1.0);
	free(m);
	return s;
}
