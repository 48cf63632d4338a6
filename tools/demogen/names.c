/* SPDX-License-Identifier: MIT */
/*
 * Names: every place name of the province invented from the syllables of a
 * fictional eastern-Indonesian-sounding language, each at least three edits
 * from every other name so that a typo never turns one place into another;
 * the special cases the geocoder must meet (reduplicated and two-word
 * names, prefixes, a roman-numeral pair, two villages of one name, a
 * district named like a village, old Dutch-era spellings), and the spelling
 * variants an address may use for a name.
 */
#include "demogen.h"

/* Syllables of a fictional, eastern-Indonesian-sounding language. */
static const wstr ONSET_FIRST[] = {{"b", 6},  {"d", 4}, {"g", 3}, {"h", 3}, {"k", 10},
				   {"l", 10}, {"m", 7}, {"n", 3}, {"p", 5}, {"r", 6},
				   {"s", 6},  {"t", 8}, {"w", 9}, {"j", 2}, {"", 3}};
static const wstr ONSET[] = {{"b", 6},	{"d", 4},   {"g", 3},  {"h", 3}, {"k", 10},
			     {"l", 10}, {"m", 7},   {"n", 5},  {"p", 5}, {"r", 7},
			     {"s", 6},	{"t", 8},   {"w", 7},  {"j", 2}, {"mb", 3},
			     {"nd", 3}, {"ngg", 2}, {"ng", 2}, {"y", 1}};
static const wstr VOWEL[] = {{"a", 12}, {"o", 6}, {"u", 6}, {"i", 5}, {"e", 3}};
static const wstr CODA[] = {{"", 88}, {"ng", 6}, {"n", 3}, {"r", 2}, {"k", 1}};

/* Words a place name must not be: they are the address vocabulary. */
static const char *const STOP_WORDS[] = {
    "kota",   "desa",  "batu",	 "jaya",      "baru",	   "raya",	"indah", "kali",
    "laut",   "mata",  "tanah",	 "bukit",     "tanjung",   "pulau",	"dusun", "jalan",
    "lorong", "pasar", "masjid", "kantor",    "utara",	   "selatan",	"timur", "barat",
    "tengah", "ledo",  "kodya",	 "kabupaten", "kecamatan", "kelurahan", "siap",	 "belum",
    "aktif",  "sore",  "pagi",	 "anak",      "rumah",	   "babi",	"mati",	 "lama",
    "bara",   "kera",  "kuda",	 "gila",      "tuli",	   "budak",	"bodo",	 "tolol"};

static void gen_word(rng *r, int nsyl, int coda, char *out, size_t n, int *split)
{
	char buf[48] = "", prev[8] = "";
	size_t len = 0;

	if (split)
		*split = 0;
	for (int i = 0; i < nsyl; i++) {
		char syl[8];

		do {
			const char *on = i == 0 ? PICKW(r, ONSET_FIRST) : PICKW(r, ONSET);

			sfmt(syl, sizeof(syl), "%s%s", on, PICKW(r, VOWEL));
		} while (strcmp(syl, prev) == 0);
		if (split && nsyl == 4 && i == 2)
			*split = (int)len;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s", syl);
		scopy(prev, sizeof(prev), syl);
	}
	if (coda)
		snprintf(buf + len, sizeof(buf) - len, "%s", PICKW(r, CODA));
	buf[0] = (char)to_upper((unsigned char)buf[0]);
	scopy(out, n, buf);
}

static int name_free(const world *w, const char *s)
{
	char nn[64];

	norm_name(s, nn, sizeof(nn));
	if (strlen(nn) < 4)
		return 0;
	for (size_t i = 0; i < NELEM(STOP_WORDS); i++)
		if (strcmp(nn, STOP_WORDS[i]) == 0)
			return 0;
	for (int i = 0; i < w->nused; i++)
		if (levenshtein(nn, w->used[i]) < 3)
			return 0;
	return 1;
}

static void name_use(world *w, const char *s)
{
	if (w->nused >= (int)NELEM(w->used))
		die("too many names");
	norm_name(s, w->used[w->nused], sizeof(w->used[0]));
	w->nused++;
}

/* A fresh name of the given kind, unlike every name already in use (at
 * least three edits apart), so that a typo never turns one place into
 * another. */
static void gen_name(world *w, rng *r, int kind, const char *extra, name_t *nm)
{
	/* few two-syllable names: those are the ones real places have */
	static const wstr NSYL[] = {{"2", 5}, {"3", 60}, {"4", 35}};

	for (int tries = 0; tries < 20000; tries++) {
		memset(nm, 0, sizeof(*nm));
		nm->kind = kind;
		switch (kind) {
		case NK_PLAIN: {
			int ns = extra ? extra[0] - '0' : PICKW(r, NSYL)[0] - '0';

			gen_word(r, ns, ns < 4, nm->w1, sizeof(nm->w1), &nm->split);
			scopy(nm->s, sizeof(nm->s), nm->w1);
			break;
		}
		case NK_SUFFIX:
		case NK_PREFIX:
		case NK_ROMAN:
			gen_word(r, rng_int(r, 2, 3), 1, nm->w1, sizeof(nm->w1), NULL);
			scopy(nm->w2, sizeof(nm->w2), extra);
			if (kind == NK_PREFIX)
				sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w2, nm->w1);
			else
				sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w1, nm->w2);
			break;
		case NK_REDUP:
			gen_word(r, 2, 0, nm->w1, sizeof(nm->w1), NULL);
			sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w1, nm->w1);
			break;
		case NK_TWO:
			gen_word(r, 2, 0, nm->w1, sizeof(nm->w1), NULL);
			gen_word(r, 2, 1, nm->w2, sizeof(nm->w2), NULL);
			sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w1, nm->w2);
			break;
		default:
			die("internal: name kind");
		}
		if (strlen(nm->w1) > 10 || !name_free(w, nm->s) || !name_free(w, nm->w1))
			continue;
		if (kind == NK_TWO && !name_free(w, nm->w2))
			continue;
		if (kind == NK_TWO && levenshtein(nm->w1, nm->w2) < 2)
			continue;
		name_use(w, nm->s);
		if (kind != NK_PLAIN)
			name_use(w, nm->w1);
		if (kind == NK_TWO)
			name_use(w, nm->w2);
		return;
	}
	die("could not invent a name");
}

/* Dutch-era spelling: u -> oe, j -> dj, c -> tj, y -> j. */
static void old_spelling(const char *in, char *out, size_t n)
{
	static const char FROM[] = "uUjJcCyY";
	static const char *const TO[] = {"oe", "Oe", "dj", "Dj", "tj", "Tj", "j", "J"};
	sb b = {0};

	for (; *in; in++) {
		const char *p = strchr(FROM, *in);
		char c[2] = {*in, 0};

		sb_add(&b, p ? TO[p - FROM] : c);
	}
	scopy(out, n, sb_str(&b));
	sb_free(&b);
}

static int vil_plain_free(const world *w, int i)
{
	const vil_t *v = &w->vil[i];

	return v->nm.kind == NK_PLAIN && !v->shared_name && !v->has_islet && !v->alias[0] &&
	       i != w->roman_pair[0] && i != w->roman_pair[1];
}

/* Districts: one reduplicated and one two-word name for the hyphen/space
 * variants, the rest plain. */
static void name_districts(world *w, rng *r)
{
	for (int k = 0; k < w->nkec; k++) {
		int kind = NK_PLAIN;

		if (w->kec[k].kab == KAB_UTARA && strcmp(w->kec[k].kode + 6, "01") == 0)
			kind = NK_REDUP;
		else if (w->kec[k].kab == KAB_RANOWETA && strcmp(w->kec[k].kode + 6, "02") == 0)
			kind = NK_TWO;
		/* three syllables: short names are the ones real places have */
		gen_name(w, r, kind, kind == NK_PLAIN ? "3" : NULL, &w->kec[k].nm);
	}
}

/* Village name kinds by quota, dealt in random order. */
static void deal_village_kinds(world *w, rng *r, int *kinds)
{
	static const int quota[] = {NK_REDUP,  NK_REDUP,  NK_REDUP,  NK_REDUP,	NK_REDUP,
				    NK_TWO,    NK_TWO,	  NK_TWO,    NK_SUFFIX, NK_SUFFIX,
				    NK_SUFFIX, NK_SUFFIX, NK_SUFFIX, NK_SUFFIX, NK_SUFFIX,
				    NK_PREFIX, NK_PREFIX, NK_PREFIX, NK_PREFIX, NK_PREFIX};
	int order[MAXV], nk = 0;

	for (int i = 0; i < w->nvil; i++) {
		order[i] = i;
		kinds[i] = NK_PLAIN;
	}
	rng_shuffle(r, order, w->nvil);
	for (size_t q = 0; q < NELEM(quota) && nk < w->nvil; q++)
		kinds[order[nk++]] = quota[q];
}

/* The roman-numeral pair: two neighbouring city kelurahan of one district
 * (not its capital when that can be helped). */
static void pick_roman_pair(world *w, rng *r)
{
	w->roman_pair[0] = w->roman_pair[1] = -1;
	for (int relax = 0; relax < 2 && w->roman_pair[0] < 0; relax++) {
		int cand[MAXV * 4][2], nc = 0;

		for (int i = 0; i < w->nvil; i++)
			for (int j = i + 1; j < w->nvil && nc < MAXV * 4; j++)
				if (w->kec[w->vil[i].kec].kab == KAB_KOTA &&
				    w->vil[i].kec == w->vil[j].kec &&
				    (relax || (!w->vil[i].is_capital && !w->vil[j].is_capital)) &&
				    adjacent(w, i, j)) {
					cand[nc][0] = i;
					cand[nc++][1] = j;
				}
		if (nc > 0) {
			int c = rng_int(r, 0, nc - 1);

			w->roman_pair[0] = cand[c][0];
			w->roman_pair[1] = cand[c][1];
		}
	}
	if (w->roman_pair[0] < 0)
		die("no pair of neighbouring city villages for the roman numerals");
}

/* Every village but the roman pair a fresh name of its kind; prefixes by
 * the coast (Tanjung, Labuan) or inland (Bukit, Batu). */
static void name_villages(world *w, rng *r, const int *kinds)
{
	static const char *const SUFFIXES[] = {"Baru",	 "Jaya",    "Indah",	"Makmur",
					       "Permai", "Lestari", "Sejahtera"};
	static const char *const coastal_p[] = {"Tanjung", "Labuan", "Tanjung"};
	static const char *const inland_p[] = {"Bukit", "Batu"};
	int prefixes_done = 0;

	for (int i = 0; i < w->nvil; i++) {
		vil_t *v = &w->vil[i];
		int kind = kinds[i];

		if (i == w->roman_pair[0] || i == w->roman_pair[1])
			continue;
		if (kind == NK_PREFIX) {
			const char *p =
			    v->coastal ? coastal_p[prefixes_done % 3] : inland_p[prefixes_done % 2];

			prefixes_done++;
			gen_name(w, r, kind, p, &v->nm);
		} else if (kind == NK_SUFFIX) {
			gen_name(w, r, kind, PICK(r, SUFFIXES), &v->nm);
		} else {
			gen_name(w, r, kind, NULL, &v->nm);
		}
	}
}

/* The roman pair: one fresh word, numbered I and II. */
static void name_roman_pair(world *w, rng *r)
{
	name_t base;

	gen_name(w, r, NK_PLAIN, NULL, &base);
	for (int p = 0; p < 2; p++) {
		vil_t *v = &w->vil[w->roman_pair[p]];

		memset(&v->nm, 0, sizeof(v->nm));
		v->nm.kind = NK_ROMAN;
		scopy(v->nm.w1, sizeof(v->nm.w1), base.w1);
		scopy(v->nm.w2, sizeof(v->nm.w2), p ? "II" : "I");
		sfmt(v->nm.s, sizeof(v->nm.s), "%s %s", base.w1, v->nm.w2);
	}
}

/* Two villages of one name, in different districts of Ranoweta. */
static void share_village_name(world *w, rng *r)
{
	int a = -1, b = -1;

	for (int tries = 0; tries < 10000 && b < 0; tries++) {
		int i = rng_int(r, 0, w->nvil - 1), j = rng_int(r, 0, w->nvil - 1);

		if (w->kec[w->vil[i].kec].kab != KAB_RANOWETA ||
		    w->kec[w->vil[j].kec].kab != KAB_RANOWETA || w->vil[i].kec == w->vil[j].kec ||
		    w->vil[i].island != ISL_MAIN || w->vil[j].island != ISL_MAIN ||
		    !vil_plain_free(w, i) || !vil_plain_free(w, j) || adjacent(w, i, j) ||
		    w->vil[i].is_capital || w->vil[j].is_capital)
			continue;
		a = i < j ? i : j;
		b = i < j ? j : i;
	}
	if (b < 0)
		die("no pair of villages for the shared name");
	w->vil[b].nm = w->vil[a].nm;
	w->vil[a].shared_name = w->vil[b].shared_name = 1;
	w->dup_pair[0] = a;
	w->dup_pair[1] = b;
}

/* A district of Ranoweta Utara named like a village of Ranoweta. */
static void share_district_name(world *w, rng *r)
{
	int k = -1, v = -1;

	for (int i = 0; i < w->nkec; i++)
		if (w->kec[i].kab == KAB_UTARA && w->kec[i].nm.kind == NK_PLAIN)
			k = i;
	for (int tries = 0; tries < 10000 && v < 0; tries++) {
		int i = rng_int(r, 0, w->nvil - 1);

		if (w->kec[w->vil[i].kec].kab == KAB_RANOWETA && vil_plain_free(w, i) &&
		    strlen(w->vil[i].nm.s) >= 6)
			v = i;
	}
	if (k < 0 || v < 0)
		die("no district/village pair for the shared name");
	w->kec[k].nm = w->vil[v].nm;
	w->vil[v].shared_name = 1;
	w->kec_clash[0] = k;
	w->kec_clash[1] = v;
}

/* Gives the village its old spelling as an alias when that spelling is
 * still unlike every name in use; 1 when it did. */
static int give_alias(world *w, vil_t *v)
{
	char old[64];

	old_spelling(v->nm.s, old, sizeof(old));
	if (!name_free(w, old))
		return 0;
	scopy(v->alias, sizeof(v->alias), old);
	name_use(w, old);
	return 1;
}

/* Old spellings, listed in aliases.csv: a "Tanjung" village and a plain
 * name with a u, j, c or y in it. */
static void old_spellings(world *w, rng *r)
{
	int done_t = 0, done_p = 0;

	for (int i = 0; i < w->nvil; i++) {
		vil_t *v = &w->vil[i];

		if (!done_t && v->nm.kind == NK_PREFIX && strcmp(v->nm.w2, "Tanjung") == 0 &&
		    !v->shared_name)
			done_t = give_alias(w, v);
	}
	for (int tries = 0; tries < 10000 && !done_p; tries++) {
		int i = rng_int(r, 0, w->nvil - 1);
		vil_t *v = &w->vil[i];

		if (!vil_plain_free(w, i) || !strpbrk(v->nm.s, "ujcy") || strlen(v->nm.s) < 5)
			continue;
		done_p = give_alias(w, v);
	}
}

void make_names(world *w, rng *r)
{
	int kinds[MAXV];

	/* Fixed names first, so generated ones keep their distance. */
	name_use(w, "Ranoweta");
	name_use(w, "Ranoweta Utara");
	name_use(w, "Ledo Ledo");
	name_use(w, "Ledo");
	name_use(w, "Ranut");
	name_use(w, "Jangkau");
	name_use(w, PROV_NAMA);

	name_districts(w, r);
	deal_village_kinds(w, r, kinds);
	pick_roman_pair(w, r);
	name_villages(w, r, kinds);
	name_roman_pair(w, r);
	share_village_name(w, r);
	share_district_name(w, r);
	old_spellings(w, r);
}

/* A spelling variant of a name, or 0 when the name has none. */
int name_variant(rng *r, const name_t *nm, char *out, size_t n)
{
	switch (nm->kind) {
	case NK_PLAIN: {
		char a[32], b[32];

		if (!nm->split)
			return 0;
		memcpy(a, nm->w1, (size_t)nm->split);
		a[nm->split] = '\0';
		scopy(b, sizeof(b), nm->w1 + nm->split);
		b[0] = (char)to_upper((unsigned char)b[0]);
		sfmt(out, n, "%s%s%s", a, rng_chance(r, 0.7) ? " " : "-", b);
		return 1;
	}
	case NK_REDUP: {
		char lo[32];

		scopy(lo, sizeof(lo), nm->w1);
		lo[0] = (char)to_lower((unsigned char)lo[0]);
		switch (rng_int(r, 0, 2)) {
		case 0:
			sfmt(out, n, "%s-%s", nm->w1, nm->w1);
			break;
		case 1:
			sfmt(out, n, "%s-%s", nm->w1, lo);
			break;
		default:
			sfmt(out, n, "%s%s", nm->w1, lo);
			break;
		}
		return 1;
	}
	case NK_TWO: {
		char lo[32];

		scopy(lo, sizeof(lo), nm->w2);
		lo[0] = (char)to_lower((unsigned char)lo[0]);
		if (rng_chance(r, 0.6))
			sfmt(out, n, "%s%s", nm->w1, lo);
		else
			sfmt(out, n, "%s-%s", nm->w1, nm->w2);
		return 1;
	}
	case NK_PREFIX:
		if (strcmp(nm->w2, "Tanjung") != 0)
			return 0;
		sfmt(out, n, "%s %s", rng_chance(r, 0.6) ? "Tj." : "Tg.", nm->w1);
		return 1;
	case NK_ROMAN:
		sfmt(out, n, "%s %d", nm->w1, (int)strlen(nm->w2));
		return 1;
	default:
		return 0;
	}
}
