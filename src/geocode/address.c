/* SPDX-License-Identifier: MIT */
/*
 * Address parser: cuts a free-text Indonesian address into parts and
 * gives each a role (see address.h).
 *
 * The text is folded (normalize.h) and read as a stream of words. A comma,
 * semicolon, bracket or a dash with a space beside it ends a part. Inside a
 * piece of text the prefix words start new parts, which is how addresses
 * written without commas ("Jl. Bataraguru Kel. Wangkanapi Kec. Wolio Kota
 * Bau Bau Sultra") come apart. A prefix word is read as part of a name
 * where the writing says so: right after another prefix ("Desa Kota
 * Bangun"), after "Kantor", "Balai" or "Poros" ("depan Kantor Desa X",
 * "Jl. Poros Desa"), and a landmark word only when words follow it. The
 * far end of a trunk road ("Jl. Poros Pasarwajo - Lasalimu") stays with the
 * street, so that it is not read as a place of the address. Province names
 * and postal codes are peeled off the end of a name ("Kota Bau Bau Sultra",
 * "Kabupaten Buton 93758").
 */
#include <string.h>

#include "core/util.h"
#include "address.h"
#include "normalize.h"

#define MAX_TOK 160
#define BUF_MAX 1024

enum sep { SEP_NONE = 0, SEP_BREAK = 1, SEP_DASH = 2 };

struct tok {
	const char *p;
	size_t n;
	int sep; /* separator before this word */
};

/* Classes of prefix words. */
enum kw {
	KW_NONE = 0,
	KW_DESA,
	KW_KEC,
	KW_KAB,
	KW_PROV,
	KW_STREET,
	KW_RTRW,
	KW_DUSUN,
	KW_LANDMARK,
	KW_POSTAL, /* kodepos, kode pos, kd pos, kp (only before a number) */
	KW_ADAT    /* "DA X", "Pakraman X"; "Desa Adat X" is read as one */
};


struct kwdef {
	const char *w;
	enum kw kw;
	jk_addr_hint hint;
};

/* "Kp." not before a postal code: Kampung. */
static const struct kwdef kw_kampung = { "kp", KW_DESA, JK_HINT_KAMPUNG };

static const struct kwdef kwtab[] = {
	{ "kel", KW_DESA, JK_HINT_KEL },
	{ "kelurahan", KW_DESA, JK_HINT_KEL },
	{ "kelu", KW_DESA, JK_HINT_KEL },
	{ "desa", KW_DESA, JK_HINT_DESA },
	{ "ds", KW_DESA, JK_HINT_DESA },
	{ "des", KW_DESA, JK_HINT_DESA },
	{ "kampung", KW_DESA, JK_HINT_KAMPUNG },
	{ "kampong", KW_DESA, JK_HINT_KAMPUNG },
	{ "nagari", KW_DESA, JK_HINT_SOFT },
	{ "gampong", KW_DESA, JK_HINT_SOFT },
	{ "gampoeng", KW_DESA, JK_HINT_SOFT },
	{ "gp", KW_DESA, JK_HINT_SOFT },
	{ "negeri", KW_DESA, JK_HINT_SOFT },
	{ "lembang", KW_DESA, JK_HINT_SOFT },
	{ "pekon", KW_DESA, JK_HINT_SOFT },
	{ "tiyuh", KW_DESA, JK_HINT_SOFT },
	{ "ohoi", KW_DESA, JK_HINT_SOFT },
	{ "kec", KW_KEC, JK_HINT_NONE },
	{ "kecamatan", KW_KEC, JK_HINT_NONE },
	{ "distrik", KW_KEC, JK_HINT_NONE },
	{ "dist", KW_KEC, JK_HINT_NONE },
	{ "kapanewon", KW_KEC, JK_HINT_NONE },
	{ "kemantren", KW_KEC, JK_HINT_NONE },
	{ "kalurahan", KW_DESA, JK_HINT_DESA },
	{ "kab", KW_KAB, JK_HINT_KAB },
	{ "kabupaten", KW_KAB, JK_HINT_KAB },
	{ "dati", KW_KAB, JK_HINT_KAB },
	{ "kota", KW_KAB, JK_HINT_KOTA },
	{ "kodya", KW_KAB, JK_HINT_KOTA },
	{ "kotamadya", KW_KAB, JK_HINT_KOTA },
	{ "kotif", KW_KAB, JK_HINT_KOTA },
	{ "prov", KW_PROV, JK_HINT_NONE },
	{ "provinsi", KW_PROV, JK_HINT_NONE },
	{ "propinsi", KW_PROV, JK_HINT_NONE },
	{ "prop", KW_PROV, JK_HINT_NONE },
	{ "jl", KW_STREET, JK_HINT_NONE },
	{ "jln", KW_STREET, JK_HINT_NONE },
	{ "jalan", KW_STREET, JK_HINT_NONE },
	{ "lr", KW_STREET, JK_HINT_NONE },
	{ "lrg", KW_STREET, JK_HINT_NONE },
	{ "lorong", KW_STREET, JK_HINT_NONE },
	{ "gg", KW_STREET, JK_HINT_NONE },
	{ "gang", KW_STREET, JK_HINT_NONE },
	{ "komp", KW_STREET, JK_HINT_NONE },
	{ "kompleks", KW_STREET, JK_HINT_NONE },
	{ "perum", KW_STREET, JK_HINT_NONE },
	{ "perumahan", KW_STREET, JK_HINT_NONE },
	{ "btn", KW_STREET, JK_HINT_NONE },
	{ "rt", KW_RTRW, JK_HINT_NONE },
	{ "rw", KW_RTRW, JK_HINT_NONE },
	{ "dusun", KW_DUSUN, JK_HINT_NONE },
	{ "dsn", KW_DUSUN, JK_HINT_NONE },
	{ "lingkungan", KW_DUSUN, JK_HINT_NONE },
	{ "lingk", KW_DUSUN, JK_HINT_NONE },
	{ "lk", KW_DUSUN, JK_HINT_NONE },
	{ "lindongan", KW_DUSUN, JK_HINT_NONE },
	{ "jaga", KW_DUSUN, JK_HINT_NONE },
	{ "korong", KW_DUSUN, JK_HINT_NONE },
	{ "dukuh", KW_DUSUN, JK_HINT_NONE },
	{ "dkh", KW_DUSUN, JK_HINT_NONE },
	{ "dk", KW_DUSUN, JK_HINT_NONE },
	{ "padukuhan", KW_DUSUN, JK_HINT_NONE },
	{ "pedukuhan", KW_DUSUN, JK_HINT_NONE },
	{ "grumbul", KW_DUSUN, JK_HINT_NONE },
	{ "banjar", KW_DUSUN, JK_HINT_NONE },
	{ "br", KW_DUSUN, JK_HINT_NONE },
	{ "bjr", KW_DUSUN, JK_HINT_NONE },
	{ "jorong", KW_DUSUN, JK_HINT_NONE },
	{ "jr", KW_DUSUN, JK_HINT_NONE },
	{ "jurong", KW_DUSUN, JK_HINT_NONE },
	{ "huta", KW_DUSUN, JK_HINT_NONE },
	{ "mukim", KW_DUSUN, JK_HINT_NONE },
	{ "blok", KW_DUSUN, JK_HINT_NONE },
	{ "pakraman", KW_ADAT, JK_HINT_NONE },
	{ "da", KW_ADAT, JK_HINT_NONE },
	{ "depan", KW_LANDMARK, JK_HINT_NONE },
	{ "samping", KW_LANDMARK, JK_HINT_NONE },
	{ "dekat", KW_LANDMARK, JK_HINT_NONE },
	{ "belakang", KW_LANDMARK, JK_HINT_NONE },
	{ "seberang", KW_LANDMARK, JK_HINT_NONE },
	{ "sebelah", KW_LANDMARK, JK_HINT_NONE },
	{ "sekitar", KW_LANDMARK, JK_HINT_NONE },
	{ "utara", KW_LANDMARK, JK_HINT_NONE },
	{ "selatan", KW_LANDMARK, JK_HINT_NONE },
	{ "barat", KW_LANDMARK, JK_HINT_NONE },
	{ "timur", KW_LANDMARK, JK_HINT_NONE },
	{ "kodepos", KW_POSTAL, JK_HINT_NONE },
	{ "kode", KW_POSTAL, JK_HINT_NONE },
	{ "kd", KW_POSTAL, JK_HINT_NONE },
	{ "kp", KW_POSTAL, JK_HINT_NONE },
};

/* Words after which a level word belongs to a phrase, not a new part. */
static const char *const phrase_heads[] = {
	"kantor", "balai", "aula", "poros", "jl", "jln", "jalan", "gedung"
};

struct prov {
	const char *name;  /* as in the gazetteer */
	const char *abbr[3];
};

static const struct prov provtab[] = {
	{ "aceh", { "nad", NULL, NULL } },
	{ "sumatera utara", { "sumut", "sumatra utara", NULL } },
	{ "sumatera barat", { "sumbar", "sumatra barat", NULL } },
	{ "riau", { NULL, NULL, NULL } },
	{ "jambi", { NULL, NULL, NULL } },
	{ "sumatera selatan", { "sumsel", "sumatra selatan", NULL } },
	{ "bengkulu", { NULL, NULL, NULL } },
	{ "lampung", { NULL, NULL, NULL } },
	{ "kepulauan bangka belitung", { "babel", "bangka belitung", NULL } },
	{ "kepulauan riau", { "kepri", NULL, NULL } },
	{ "daerah khusus ibukota jakarta", { "dki jakarta", "dki", NULL } },
	{ "jawa barat", { "jabar", NULL, NULL } },
	{ "jawa tengah", { "jateng", NULL, NULL } },
	{ "daerah istimewa yogyakarta", { "diy", "di yogyakarta", NULL } },
	{ "jawa timur", { "jatim", NULL, NULL } },
	{ "banten", { NULL, NULL, NULL } },
	{ "bali", { NULL, NULL, NULL } },
	{ "nusa tenggara barat", { "ntb", NULL, NULL } },
	{ "nusa tenggara timur", { "ntt", NULL, NULL } },
	{ "kalimantan barat", { "kalbar", NULL, NULL } },
	{ "kalimantan tengah", { "kalteng", NULL, NULL } },
	{ "kalimantan selatan", { "kalsel", NULL, NULL } },
	{ "kalimantan timur", { "kaltim", NULL, NULL } },
	{ "kalimantan utara", { "kaltara", NULL, NULL } },
	{ "sulawesi utara", { "sulut", NULL, NULL } },
	{ "sulawesi tengah", { "sulteng", NULL, NULL } },
	{ "sulawesi selatan", { "sulsel", NULL, NULL } },
	{ "sulawesi tenggara", { "sultra", NULL, NULL } },
	{ "gorontalo", { NULL, NULL, NULL } },
	{ "sulawesi barat", { "sulbar", NULL, NULL } },
	{ "maluku", { NULL, NULL, NULL } },
	{ "maluku utara", { "malut", NULL, NULL } },
	{ "papua", { NULL, NULL, NULL } },
	{ "papua barat", { "pabar", NULL, NULL } },
	{ "papua selatan", { NULL, NULL, NULL } },
	{ "papua tengah", { NULL, NULL, NULL } },
	{ "papua pegunungan", { NULL, NULL, NULL } },
	{ "papua barat daya", { NULL, NULL, NULL } },
};

/* Provinces by the first two digits of the postal code, where those
 * digits belong to one province only (29: Riau and Kepulauan Riau, 77:
 * Kalimantan Timur and Utara, 91: Sulawesi Selatan and Barat, 97: Maluku
 * and Maluku Utara, 98-99: the Papua provinces are left out). */
static const struct {
	const char *pre;
	const char *prov;
} posttab[] = {
	{ "10", "daerah khusus ibukota jakarta" },
	{ "11", "daerah khusus ibukota jakarta" },
	{ "12", "daerah khusus ibukota jakarta" },
	{ "13", "daerah khusus ibukota jakarta" },
	{ "14", "daerah khusus ibukota jakarta" },
	{ "15", "banten" }, { "42", "banten" },
	{ "16", "jawa barat" }, { "17", "jawa barat" }, { "40", "jawa barat" },
	{ "41", "jawa barat" }, { "43", "jawa barat" }, { "44", "jawa barat" },
	{ "45", "jawa barat" }, { "46", "jawa barat" },
	{ "20", "sumatera utara" }, { "21", "sumatera utara" },
	{ "22", "sumatera utara" },
	{ "23", "aceh" }, { "24", "aceh" },
	{ "25", "sumatera barat" }, { "26", "sumatera barat" },
	{ "27", "sumatera barat" },
	{ "28", "riau" },
	{ "30", "sumatera selatan" }, { "31", "sumatera selatan" },
	{ "32", "sumatera selatan" },
	{ "33", "kepulauan bangka belitung" },
	{ "34", "lampung" }, { "35", "lampung" },
	{ "36", "jambi" }, { "37", "jambi" },
	{ "38", "bengkulu" }, { "39", "bengkulu" },
	{ "50", "jawa tengah" }, { "51", "jawa tengah" }, { "52", "jawa tengah" },
	{ "53", "jawa tengah" }, { "54", "jawa tengah" }, { "56", "jawa tengah" },
	{ "57", "jawa tengah" }, { "58", "jawa tengah" }, { "59", "jawa tengah" },
	{ "55", "daerah istimewa yogyakarta" },
	{ "60", "jawa timur" }, { "61", "jawa timur" }, { "62", "jawa timur" },
	{ "63", "jawa timur" }, { "64", "jawa timur" }, { "65", "jawa timur" },
	{ "66", "jawa timur" }, { "67", "jawa timur" }, { "68", "jawa timur" },
	{ "69", "jawa timur" },
	{ "70", "kalimantan selatan" }, { "71", "kalimantan selatan" },
	{ "72", "kalimantan selatan" },
	{ "73", "kalimantan tengah" }, { "74", "kalimantan tengah" },
	{ "75", "kalimantan timur" }, { "76", "kalimantan timur" },
	{ "78", "kalimantan barat" }, { "79", "kalimantan barat" },
	{ "80", "bali" }, { "81", "bali" }, { "82", "bali" },
	{ "83", "nusa tenggara barat" }, { "84", "nusa tenggara barat" },
	{ "85", "nusa tenggara timur" }, { "86", "nusa tenggara timur" },
	{ "87", "nusa tenggara timur" },
	{ "90", "sulawesi selatan" }, { "92", "sulawesi selatan" },
	{ "93", "sulawesi tenggara" },
	{ "94", "sulawesi tengah" },
	{ "95", "sulawesi utara" },
	{ "96", "gorontalo" },
};

/* The part being collected. */
struct cur {
	jk_addr_role role;
	jk_addr_hint hint;
	int active;
	int prefix_only;  /* prefix read, no name word yet */
	int poros;        /* street of the "Poros A - B" kind */
	int poros_merged; /* its far end already taken */
	int suffix;       /* the last name word is a level word ("Lobu Kota") */
	int house_no;     /* a street's house number has been read */
	int pre[4];       /* prefix word indices */
	int npre;
	int w[48];        /* name word indices */
	int nw;
	int rtrw_lab[4];  /* 0 = rt, 1 = rw, in order read */
	int nlab;
	int rtrw_num[4];
	int nnum;
};

struct parser {
	struct tok t[MAX_TOK];
	int nt;
	int glue;           /* part whose name a unit word may have cut
			       ("Ds. Muara Huta Raja"), or -1 */
	jk_addr *out;
	jk_addr_role deflt; /* role of an unprefixed name */
};

static int tok_is(const struct tok *t, const char *w)
{
	size_t n = strlen(w);

	return t->n == n && memcmp(t->p, w, n) == 0;
}

static int tok_digits(const struct tok *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->p[i] < '0' || t->p[i] > '9')
			return 0;
	return t->n > 0;
}

static int tok_alpha(const struct tok *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->p[i] < 'a' || t->p[i] > 'z')
			return 0;
	return t->n > 0;
}

static int tok_value(const struct tok *t)
{
	size_t i;
	int v = 0;

	for (i = 0; i < t->n && v < 100000; i++)
		v = v * 10 + (t->p[i] - '0');
	return v;
}

static const struct kwdef *kw_find(const struct tok *t)
{
	size_t i;

	for (i = 0; i < sizeof kwtab / sizeof kwtab[0]; i++)
		if (tok_is(t, kwtab[i].w))
			return &kwtab[i];
	return NULL;
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static void tok_push(struct parser *ps, const char *p, size_t n, int sep)
{
	if (ps->nt < MAX_TOK) {
		ps->t[ps->nt].p = p;
		ps->t[ps->nt].n = n;
		ps->t[ps->nt].sep = sep;
		ps->nt++;
	}
}

/* Where a number glued to a word starts ("buton93758", "rt02", "no12"),
 * or 0 to keep the word whole ("12a", "kelurahan2"). */
static size_t glued_number(const char *p, size_t n)
{
	static const char *const pre[] = { "rt", "rw", "no", "kp", "nomor" };
	size_t k = n, i;

	while (k > 0 && p[k - 1] >= '0' && p[k - 1] <= '9')
		k--;
	if (k == 0 || k == n)
		return 0;
	for (i = 0; i < k; i++)
		if (p[i] < 'a' || p[i] > 'z')
			return 0;
	if (n - k == 5)
		return k;
	for (i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if (strlen(pre[i]) == k && memcmp(p, pre[i], k) == 0)
			return k;
	return 0;
}

/* Splits the folded text into words with the separator before each. */
static void tokenize(struct parser *ps, const char *s)
{
	size_t i = 0, len = strlen(s);
	int sep = SEP_BREAK;

	ps->nt = 0;
	while (i < len) {
		char c = s[i];

		if (is_alnum(c)) {
			size_t st = i, cut;

			while (i < len && is_alnum(s[i]))
				i++;
			cut = glued_number(s + st, i - st);
			if (cut) {
				tok_push(ps, s + st, cut, sep);
				tok_push(ps, s + st + cut, i - st - cut, SEP_NONE);
			} else {
				tok_push(ps, s + st, i - st, sep);
			}
			sep = SEP_NONE;
			continue;
		}
		/* brackets stay inside a part: "Desa Mahia (Wosia Tengah)"
		 * is one official name */
		if (c == ',' || c == ';' || c == '|') {
			sep = SEP_BREAK;
		} else if (c == '-') {
			int sp_before = i > 0 && s[i - 1] == ' ';
			int sp_after = i + 1 < len && s[i + 1] == ' ';

			/* " - " separates; "Posi- Posi" is one name */
			if (sp_before && sp_after && sep != SEP_BREAK)
				sep = SEP_DASH;
		}
		i++;
	}
}

static int is_road_head(const struct tok *t)
{
	return tok_is(t, "poros") || tok_is(t, "jl") || tok_is(t, "jln") ||
	       tok_is(t, "jalan");
}

static int is_phrase_head(const struct tok *t)
{
	size_t i;

	for (i = 0; i < sizeof phrase_heads / sizeof phrase_heads[0]; i++)
		if (tok_is(t, phrase_heads[i]))
			return 1;
	return 0;
}

/* Does the word sequence @p w[0..n) spell @p phrase (space-separated)? */
static int words_are(const struct parser *ps, const int *w, int n,
		     const char *phrase)
{
	const char *p = phrase;
	int i;

	for (i = 0; i < n; i++) {
		const struct tok *t = &ps->t[w[i]];
		const char *sp;
		size_t k;

		if (!*p)
			return 0;
		sp = strchr(p, ' ');
		k = sp ? (size_t)(sp - p) : strlen(p);
		if (k != t->n || memcmp(p, t->p, k) != 0)
			return 0;
		p += k;
		if (*p == ' ')
			p++;
	}
	return *p == '\0';
}

static int phrase_words(const char *phrase)
{
	int n = 1;

	for (; *phrase; phrase++)
		if (*phrase == ' ')
			n++;
	return n;
}

/*
 * If the words w[0..n) end with a province name or abbreviation, returns
 * how many words it takes and sets *name to the gazetteer name. With
 * @p whole only a match of all n words counts. A one-word province name
 * ("Bali", "Jambi") counts only when @p single is set: such names are
 * also regency and village names.
 */
static int prov_tail(const struct parser *ps, const int *w, int n,
		     int whole, int single, const char **name)
{
	int best = 0;
	size_t i, a;

	for (i = 0; i < sizeof provtab / sizeof provtab[0]; i++) {
		const char *cand[4];

		cand[0] = provtab[i].name;
		for (a = 0; a < 3; a++)
			cand[a + 1] = provtab[i].abbr[a];
		for (a = 0; a < 4; a++) {
			int k;

			if (!cand[a])
				continue;
			k = phrase_words(cand[a]);
			if (k > n || (whole && k != n) || k <= best)
				continue;
			if (k == 1 && a == 0 && !single)
				continue;
			if (words_are(ps, w + n - k, k, cand[a])) {
				best = k;
				*name = provtab[i].name;
			}
		}
	}
	return best;
}

/* Writes the words w[0..n) of @p ps, space-separated, after what @p dst
 * already holds (a space between). */
static void append_words(const struct parser *ps, const int *w, int n,
			 char *dst, size_t size)
{
	size_t len = strlen(dst);
	int i;

	for (i = 0; i < n; i++) {
		const struct tok *t = &ps->t[w[i]];

		if (len + t->n + 2 > size)
			break;
		if (len)
			dst[len++] = ' ';
		memcpy(dst + len, t->p, t->n);
		len += t->n;
		dst[len] = '\0';
	}
}

static jk_addr_part *part_new(struct parser *ps, jk_addr_role role,
			      jk_addr_hint hint)
{
	jk_addr_part *p;

	if (ps->out->n_parts >= JK_ADDR_MAX_PARTS) {
		ps->out->truncated = 1;
		return NULL;
	}
	p = &ps->out->part[ps->out->n_parts++];
	memset(p, 0, sizeof *p);
	p->role = role;
	p->hint = hint;
	return p;
}

static void emit_prov(struct parser *ps, const char *name)
{
	jk_addr_part *p = part_new(ps, JK_ADDR_PROV, JK_HINT_NONE);

	if (p) {
		jk_strlcpy(p->text, name, sizeof p->text);
		jk_strlcpy(p->full, name, sizeof p->full);
	}
}

/* Emits a part from the collected words (prefix kept for `full`);
 * returns it, or NULL when there is no room. */
static jk_addr_part *emit(struct parser *ps, const struct cur *c, int nw)
{
	jk_addr_part *p = part_new(ps, c->role, c->hint);

	if (!p)
		return NULL;
	append_words(ps, c->w, nw, p->text, sizeof p->text);
	append_words(ps, c->pre, c->npre, p->full, sizeof p->full);
	append_words(ps, c->w, nw, p->full, sizeof p->full);
	if (ps->glue >= 0 && p != &ps->out->part[ps->glue]) {
		p->glued = 1;
		/* the other reading of the part before: one name, "Muara
		 * Huta Raja" */
		jk_addr_part *q = &ps->out->part[ps->glue];

		if (!q->alt[0]) {
			/* within the buffer: words that do not fit are left
			 * off, as append_words() does */
			jk_strlcpy(q->alt, q->text, sizeof q->alt);
			append_words(ps, c->pre, c->npre, q->alt, sizeof q->alt);
			append_words(ps, c->w, nw, q->alt, sizeof q->alt);
		}
		ps->glue = -1;
	}
	if (c->suffix && nw == c->nw && nw > 1)
		append_words(ps, c->w, nw - 1, p->alt, sizeof p->alt);
	return p;
}

const char *jk_addr_postal_province(const char *postal)
{
	size_t i;

	if (!postal || strlen(postal) != 5)
		return NULL;
	for (i = 0; i < sizeof posttab / sizeof posttab[0]; i++)
		if (memcmp(posttab[i].pre, postal, 2) == 0)
			return posttab[i].prov;
	return NULL;
}

/* Records a postal code (the first one wins) and emits a postal part,
 * followed by the province the code belongs to when that is known. */
static void set_postal(struct parser *ps, const struct tok *t)
{
	jk_addr_part *p;
	const char *prov;

	if (!ps->out->postal[0])
		memcpy(ps->out->postal, t->p, 5);
	p = part_new(ps, JK_ADDR_POSTAL, JK_HINT_NONE);
	if (!p)
		return;
	memcpy(p->text, t->p, 5);
	memcpy(p->full, t->p, 5);
	prov = jk_addr_postal_province(p->text);
	if (prov) {
		emit_prov(ps, prov);
		if (ps->out->n_parts > 0 &&
		    ps->out->part[ps->out->n_parts - 1].role == JK_ADDR_PROV)
			ps->out->part[ps->out->n_parts - 1].hint = JK_HINT_POSTAL;
	}
}

static void finish_rtrw(struct parser *ps, const struct cur *c)
{
	jk_addr *a = ps->out;
	int i;

	for (i = 0; i < c->nnum && i < c->nlab; i++) {
		if (c->rtrw_lab[i] == 0 && a->rt < 0)
			a->rt = c->rtrw_num[i];
		else if (c->rtrw_lab[i] == 1 && a->rw < 0)
			a->rw = c->rtrw_num[i];
	}
	part_new(ps, JK_ADDR_RTRW, JK_HINT_NONE);
}

/* Unit words that are also whole names of units in the gazetteer, alone
 * or doubled ("Lembang-Lembang"). */
static int name_word(const struct tok *t)
{
	static const char *const w[] = { "banjar", "dukuh", "gampong",
					 "jorong", "kampung", "lembang",
					 "lorong", "kemantren", "negeri",
					 "nagari", "huta", "pekon", "ohoi",
					 "korong", "jaga", "dusun", "kota",
					 "kelurahan" };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (tok_is(t, w[i]))
			return 1;
	return 0;
}

static void cur_finish(struct parser *ps, struct cur *c)
{
	const char *pname = NULL;
	int k, name_role;

	if (!c->active)
		return;
	c->active = 0;
	name_role = c->role == JK_ADDR_NAME || c->role == JK_ADDR_DESA ||
		    c->role == JK_ADDR_KEC || c->role == JK_ADDR_KAB;
	switch (c->role) {
	case JK_ADDR_RTRW:
		finish_rtrw(ps, c);
		return;
	case JK_ADDR_PROV:
		if (c->nw == 0)
			return;
		if (prov_tail(ps, c->w, c->nw, 1, 1, &pname) == c->nw)
			emit_prov(ps, pname);
		else
			emit(ps, c, c->nw);
		return;
	default:
		break;
	}
	if (!name_role && c->nw > 0) {
		emit(ps, c, c->nw);
		return;
	}
	if (c->nw == 0) {
		/* a word that is a unit's own name as well: "Banjar, Kec.
		 * X", "Kemantren, ..." */
		int f;

		for (f = 0; f < c->npre && !name_word(&ps->t[c->pre[f]]); f++)
			;
		if (f < c->npre && (f > 0 || ps->t[c->pre[0]].sep != SEP_NONE)) {
			struct cur n = *c;
			int j;

			/* "Desa Lembang Lembang": the village word after
			 * the level word is the name */
			n.role = f > 0 ? c->role : JK_ADDR_NAME;
			n.hint = f > 0 ? c->hint : JK_HINT_NONE;
			n.npre = f;
			for (j = f; j < c->npre; j++)
				n.w[j - f] = c->pre[j];
			n.nw = c->npre - f;
			emit(ps, &n, n.nw);
		}
		/* "Desa Uram Jalan,": the cut name's last word */
		if (ps->glue >= 0 && !ps->out->part[ps->glue].alt[0]) {
			jk_addr_part *q = &ps->out->part[ps->glue];

			jk_strlcpy(q->alt, q->text, sizeof q->alt);
			append_words(ps, c->pre, c->npre, q->alt, sizeof q->alt);
		}
		ps->glue = -1;
		return; /* a prefix without a name: "Jl. Poros Desa," */
	}
	/* the whole part is a province: "Sultra", "Sulawesi Tenggara" */
	if (c->role == JK_ADDR_NAME &&
	    prov_tail(ps, c->w, c->nw, 1, 0, &pname) == c->nw) {
		emit_prov(ps, pname);
		return;
	}
	/* a province at the end: "Kota Bau Bau Sultra"; a one-word province
	 * name may end the regency's own name ("Kota Banda Aceh"), which
	 * stays the other reading */
	k = prov_tail(ps, c->w, c->nw, 0, c->role == JK_ADDR_KAB, &pname);
	if (k > 0 && k < c->nw) {
		jk_addr_part *p = emit(ps, c, c->nw - k);

		if (p && k == 1)
			append_words(ps, c->w, c->nw, p->alt, sizeof p->alt);
		emit_prov(ps, pname);
		return;
	}
	emit(ps, c, c->nw);
}

static void cur_start(struct cur *c, jk_addr_role role, jk_addr_hint hint,
		      int prefix)
{
	memset(c, 0, sizeof *c);
	c->active = 1;
	c->role = role;
	c->hint = hint;
	if (prefix >= 0) {
		c->pre[c->npre++] = prefix;
		c->prefix_only = 1;
	}
}

static jk_addr_role role_of(enum kw kw)
{
	switch (kw) {
	case KW_DESA: return JK_ADDR_DESA;
	case KW_KEC: return JK_ADDR_KEC;
	case KW_KAB: return JK_ADDR_KAB;
	case KW_PROV: return JK_ADDR_PROV;
	case KW_STREET: return JK_ADDR_STREET;
	case KW_RTRW: return JK_ADDR_RTRW;
	case KW_DUSUN: return JK_ADDR_DUSUN;
	case KW_LANDMARK: return JK_ADDR_LANDMARK;
	case KW_ADAT: return JK_ADDR_ADAT;
	default: return JK_ADDR_NAME;
	}
}

static int is_level_kw(enum kw kw)
{
	return kw == KW_DESA || kw == KW_KEC || kw == KW_KAB || kw == KW_PROV;
}

static int name_word(const struct tok *t);

/*
 * Is level word @p i ("Kota", "Desa") the last word of the name being read
 * rather than the prefix of a new part? So it is when it follows name
 * words directly and ends the piece of text: "Lobu Kota, ...", "Tungkal
 * IV Desa", "Kec. Garut Kota Kab. Garut"; a unit word too ("Sungai
 * Dusun", "Tanjung Banjar").
 */
static int level_suffix(const struct parser *ps, const struct cur *c, int i,
			const struct kwdef *kd)
{
	const struct tok *t = &ps->t[i];
	const struct kwdef *next;

	if (!c->active || c->prefix_only || c->nw == 0 || t->sep != SEP_NONE ||
	    !(tok_is(t, "kota") || tok_is(t, "desa") ||
	      ((kd->kw == KW_DUSUN || kd->hint == JK_HINT_SOFT ||
		kd->hint == JK_HINT_KAMPUNG) && name_word(t))) ||
	    (c->role != JK_ADDR_NAME && c->role != JK_ADDR_DESA &&
	     c->role != JK_ADDR_KEC && c->role != JK_ADDR_KAB))
		return 0;
	if (i + 1 >= ps->nt || ps->t[i + 1].sep != SEP_NONE)
		return 1;
	next = kw_find(&ps->t[i + 1]);
	return next && is_level_kw(next->kw);
}

static int compass(const struct tok *t)
{
	return tok_is(t, "utara") || tok_is(t, "selatan") || tok_is(t, "barat") ||
	       tok_is(t, "timur");
}

/* Places people give directions from. */
static int landmark_object(const struct tok *t)
{
	static const char *const w[] = {
		"kantor", "masjid", "mesjid", "musholla", "mushola", "musala",
		"langgar", "surau", "gereja", "pura", "vihara", "klenteng",
		"puskesmas", "pustu", "posyandu", "polindes", "rs", "rsud",
		"pasar", "sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "mi",
		"mts", "ma", "sekolah", "pesantren", "ponpes", "kampus",
		"lapangan", "balai", "koramil", "polsek", "kodim", "polres",
		"spbu", "pos", "terminal", "jembatan", "dermaga", "pelabuhan",
		"rumah", "toko", "bank", "makam", "pertigaan", "perempatan",
		"tugu", "bundaran", "alun", "gedung", "gor", "stadion" };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (tok_is(t, w[i]))
			return 1;
	return 0;
}

/* May prefix word @p i (class @p kw) start a new part? */
static int split_ok(const struct parser *ps, const struct cur *c, int i,
		    enum kw kw)
{
	const struct tok *t = &ps->t[i];

	if (!c->active)
		return 1;
	if (c->prefix_only)
		return 0; /* "Desa Kota Bangun", "Jl. Desa" */
	if (is_level_kw(kw) && i > 0 && t->sep == SEP_NONE &&
	    is_phrase_head(&ps->t[i - 1])) {
		/* "Kantor Desa X", "Balai Kota": a phrase. After a road word
		 * the level word is the road's name only when no name
		 * follows: "Jl. Poros Desa, ..." but "Jl. Poros Desa Umba" */
		if (!is_road_head(&ps->t[i - 1]))
			return 0;
		if (i + 1 >= ps->nt || ps->t[i + 1].sep != SEP_NONE ||
		    kw_find(&ps->t[i + 1]) || tok_digits(&ps->t[i + 1]) ||
		    tok_is(&ps->t[i + 1], "no") || tok_is(&ps->t[i + 1], "nomor"))
			return 0;
	}
	/* "SD Negeri 1", "SMP Negeri": a soft village word is a prefix only
	 * before a name */
	if (kw == KW_DESA && tok_is(t, "negeri") &&
	    (i + 1 >= ps->nt || ps->t[i + 1].sep != SEP_NONE ||
	     !tok_alpha(&ps->t[i + 1]) ||
	     (i > 0 && t->sep == SEP_NONE && !kw_find(&ps->t[i - 1]) &&
	      c->role != JK_ADDR_NAME && c->role != JK_ADDR_DESA)))
		return 0;
	if (kw == KW_LANDMARK)
		return i + 1 < ps->nt && ps->t[i + 1].sep == SEP_NONE;
	if (kw == KW_STREET && c->role == JK_ADDR_LANDMARK)
		return 0; /* "seberang jalan dari Pustu" */
	/* "Jl. Raya Gampong Cot", "Jl. Kampung Baru": a street's name */
	if (kw == KW_DESA && c->role == JK_ADDR_STREET && t->sep == SEP_NONE &&
	    kw_find(t) && (kw_find(t)->hint == JK_HINT_SOFT ||
			   kw_find(t)->hint == JK_HINT_KAMPUNG))
		return 0;
	return 1;
}

/* Handles "Kode Pos 93721", "Kodepos 93721", "KP 93721". Returns the
 * index of the last word taken, or -1 when word @p i is no postal
 * prefix; *num is the index of the code, or -1 when none follows. */
static int postal_prefix(const struct parser *ps, int i, int *num)
{
	const struct tok *t = ps->t;
	int j = i + 1, named = 0;

	*num = -1;
	if (tok_is(&t[i], "kode") || tok_is(&t[i], "kd")) {
		if (j >= ps->nt || !tok_is(&t[j], "pos") || t[j].sep != SEP_NONE)
			return -1;
		j++;
		named = 1;
	} else if (tok_is(&t[i], "kodepos")) {
		named = 1;
	}
	if (j < ps->nt && t[j].n == 5 && tok_digits(&t[j])) {
		*num = j;
		return j;
	}
	return named ? j - 1 : -1; /* "KP" alone is a word: "Kp. Bantan" */
}

/* A separator before token @p t ends the current part, except the dash
 * between the ends of a trunk road ("Jl. Poros Pasarwajo - Lasalimu":
 * the far end stays with the street). */
static void token_separator(struct parser *ps, struct cur *c,
			    const struct tok *t)
{
	if (t->sep == SEP_DASH && c->active &&
	    c->role == JK_ADDR_STREET && c->poros && !c->house_no &&
	    !c->poros_merged && c->nw > 0 &&
	    tok_alpha(&ps->t[c->w[c->nw - 1]]) && !kw_find(t))
		c->poros_merged = 1;
	else
		cur_finish(ps, c);
}

/* Token @p i as more of the prefix or as a level word after the name of
 * the current part. Returns 1 when it was taken so. */
static int token_extends_prefix(struct parser *ps, struct cur *c, int i,
				const struct kwdef *kd)
{
	const struct tok *t = &ps->t[i];

	/* "Kab. Dati II X", "Kota Madya X", "Kota Administrasi X" */
	if (c->active && c->prefix_only && c->role == JK_ADDR_KAB &&
	    c->npre < 4 && (tok_is(t, "ii") || tok_is(t, "2") ||
			    tok_is(t, "madya") || tok_is(t, "administrasi") ||
			    tok_is(t, "adm") || tok_is(t, "dati"))) {
		c->pre[c->npre++] = i;
		return 1;
	}
	/* "Desa Adat X", "Desa Pakraman X"; "Desa Dinas X", "Br. Dinas
	 * X" (the administrative unit, not the customary one) */
	if (c->active && c->prefix_only && c->npre < 4 &&
	    ((c->role == JK_ADDR_DESA &&
	      (tok_is(t, "adat") || tok_is(t, "pakraman"))) ||
	     tok_is(t, "dinas"))) {
		if (!tok_is(t, "dinas"))
			c->role = JK_ADDR_ADAT;
		c->pre[c->npre++] = i;
		return 1;
	}
	if (kd && level_suffix(ps, c, i, kd)) {
		if (c->nw < (int)(sizeof c->w / sizeof c->w[0]))
			c->w[c->nw++] = i;
		c->suffix = 1;
		return 1;
	}
	return 0;
}

/* Token @p t in or as the start of an RT/RW part. Returns 1 when it was
 * taken so. */
static int token_rtrw(struct parser *ps, struct cur *c, const struct tok *t,
		      const struct kwdef *kd)
{
	if (c->active && c->role == JK_ADDR_RTRW) {
		if (kd && kd->kw == KW_RTRW) {
			if (c->nlab < 4)
				c->rtrw_lab[c->nlab++] = tok_is(t, "rw");
			return 1;
		}
		if (tok_digits(t)) {
			if (c->nnum < 4)
				c->rtrw_num[c->nnum++] = tok_value(t);
			return 1;
		}
		cur_finish(ps, c);
	}
	if (kd && kd->kw == KW_RTRW && !c->prefix_only) {
		cur_finish(ps, c);
		cur_start(c, JK_ADDR_RTRW, JK_HINT_NONE, -1);
		c->rtrw_lab[c->nlab++] = tok_is(t, "rw");
		return 1;
	}
	return 0;
}

/* Keyword token @p i as a second prefix of the current part or as the
 * prefix of a new one. Returns 1 when it was taken so. */
static int token_starts_part(struct parser *ps, struct cur *c, int i,
			     const struct kwdef *kd)
{
	const struct tok *t = &ps->t[i];

	if (!kd)
		return 0;
	/* "Kel/Desa X", "Kab. Kabupaten X": one prefix */
	if (c->active && c->prefix_only && role_of(kd->kw) == c->role &&
	    c->npre < 4) {
		c->pre[c->npre++] = i;
		return 1;
	}
	if (split_ok(ps, c, i, kd->kw)) {
		int glue = c->active && c->nw > 0 && t->sep == SEP_NONE &&
			   (c->role == JK_ADDR_DESA || c->role == JK_ADDR_NAME) &&
			   (kd->kw == KW_DUSUN || kd->kw == KW_STREET ||
			    kd->hint == JK_HINT_SOFT ||
			    kd->hint == JK_HINT_KAMPUNG ||
			    (kd->kw == KW_KAB && tok_is(t, "kota")));

		cur_finish(ps, c);
		ps->glue = glue && ps->out->n_parts > 0 ? ps->out->n_parts - 1 : -1;
		cur_start(c, role_of(kd->kw), kd->hint, i);
		return 1;
	}
	return 0;
}

/* Token @p i as a word of the current part's name (starting a part of
 * the parser's default role when none is open). */
static void token_word(struct parser *ps, struct cur *c, int i)
{
	const struct tok *t = &ps->t[i];

	if (!c->active)
		cur_start(c, ps->deflt, JK_HINT_NONE, -1);
	if (c->nw < (int)(sizeof c->w / sizeof c->w[0]))
		c->w[c->nw++] = i;
	c->prefix_only = 0;
	/* a trunk road named by its ends: "Jl. Poros A - B", "Jl.
	 * Lintas A - B" ("Jl. Raya Bogor - Duren Tiga" is a street,
	 * then a village) */
	if (c->role == JK_ADDR_STREET &&
	    (tok_is(t, "poros") || tok_is(t, "lintas") ||
	     tok_is(t, "trans")))
		c->poros = 1;
	if (c->role == JK_ADDR_STREET && c->nw > 1 && t->p[0] >= '0' &&
	    t->p[0] <= '9')
		c->house_no = 1;
}

/* Reads token @p i into the current part @p c, ending and starting parts
 * as it says. Returns the index of the last token it used (a postal
 * prefix takes its number with it). */
static int parse_token(struct parser *ps, struct cur *c, int i)
{
	const struct tok *t = &ps->t[i];
	const struct kwdef *kd;

	if (t->sep != SEP_NONE)
		token_separator(ps, c, t);
	if (t->n == 5 && tok_digits(t)) {
		cur_finish(ps, c);
		set_postal(ps, t);
		return i;
	}
	kd = kw_find(t);
	/* a compass word is a landmark only before a place people
	 * point to ("utara Puskesmas", "selatan Kantor Camat"); else
	 * a name's word: "Kota Bau Bau Utara", the hamlet "Timur" */
	if (kd && kd->kw == KW_LANDMARK && compass(t) &&
	    (t->sep == SEP_NONE || i + 1 >= ps->nt ||
	     ps->t[i + 1].sep != SEP_NONE || !landmark_object(&ps->t[i + 1])))
		kd = NULL;
	if (kd && kd->kw == KW_POSTAL) {
		int num, j = postal_prefix(ps, i, &num);

		if (j >= 0) {
			cur_finish(ps, c);
			if (num >= 0)
				set_postal(ps, &ps->t[num]);
			return j;
		}
		kd = tok_is(t, "kp") ? &kw_kampung : NULL;
	}
	if (token_extends_prefix(ps, c, i, kd))
		return i;
	/* "Jl. Sudirman No. 39 Simarancar": the words after a house
	 * number are a place of the address, not the street */
	if (!kd && c->active && c->role == JK_ADDR_STREET && c->house_no &&
	    t->sep == SEP_NONE && tok_alpha(t) && t->n >= 3 &&
	    !tok_is(t, "no") && !tok_is(t, "nomor") && !tok_is(t, "km")) {
		cur_finish(ps, c);
		cur_start(c, ps->deflt, JK_HINT_NONE, -1);
	}
	if (token_rtrw(ps, c, t, kd) || token_starts_part(ps, c, i, kd))
		return i;
	token_word(ps, c, i);
	return i;
}

static void parse_tokens(struct parser *ps)
{
	struct cur c;
	int i;

	memset(&c, 0, sizeof c);
	for (i = 0; i < ps->nt; i++)
		i = parse_token(ps, &c, i);
	cur_finish(ps, &c);
}

static void parse_as(const char *text, jk_addr_role deflt, jk_addr *out)
{
	struct parser ps;
	char buf[BUF_MAX];

	memset(out, 0, sizeof *out);
	out->rt = -1;
	out->rw = -1;
	if (!text)
		return;
	jk_norm_fold(text, buf, sizeof buf);
	ps.out = out;
	ps.deflt = deflt;
	ps.glue = -1;
	tokenize(&ps, buf);
	parse_tokens(&ps);
}

void jk_addr_parse(const char *text, jk_addr *out)
{
	parse_as(text, JK_ADDR_NAME, out);
}

void jk_addr_parse_field(const char *text, jk_addr_role role, jk_addr *out)
{
	parse_as(text, role, out);
}

const char *jk_addr_role_name(jk_addr_role role)
{
	switch (role) {
	case JK_ADDR_NAME: return "name";
	case JK_ADDR_DESA: return "village";
	case JK_ADDR_KEC: return "district";
	case JK_ADDR_KAB: return "regency";
	case JK_ADDR_PROV: return "province";
	case JK_ADDR_STREET: return "street";
	case JK_ADDR_RTRW: return "rt/rw";
	case JK_ADDR_DUSUN: return "dusun";
	case JK_ADDR_LANDMARK: return "landmark";
	case JK_ADDR_POSTAL: return "postal code";
	case JK_ADDR_ADAT: return "customary village";
	}
	return "?";
}
