/* SPDX-License-Identifier: MIT */
/*
 * Addresses: the free-text alamat of a village and the separate
 * desa/kecamatan/kabupaten columns, with the mess of an office spreadsheet
 * (missing levels, prefixes, spelling variants, typos, old spellings,
 * landmarks, postal codes, order, separators, capitals, wrong columns).
 * Every pattern applied is recorded in the address's labels.
 */
#include "demogen.h"

enum { C_STREET, C_LANDMARK, C_DESA, C_KEC, C_KAB, C_POSTAL, C_PROV };

typedef struct comp_t {
	char s[200];
	int kind;
} comp_t;

static const char *const STREETS[] = {
    "Sudirman",	   "Ahmad Yani", "Diponegoro",	"Pattimura",   "Merdeka", "Pahlawan",
    "Pendidikan",  "Veteran",	 "Melati",	"Anggrek",     "Mawar",	  "Kenanga",
    "Bhayangkara", "Gajah Mada", "Hasanuddin",	"Imam Bonjol", "Kartini", "Sam Ratulangi",
    "Yos Sudarso", "Teuku Umar", "Cendrawasih", "Rajawali",    "Kakatua", "Nuri",
    "Cengkeh",	   "Pala",	 "Kelapa",	"Mutiara",     "Nelayan", "Bougenville"};
static const wstr JL[] = {{"Jl. ", 55}, {"Jl ", 15}, {"Jalan ", 20}, {"JL. ", 10}};
static const char *const ROMAN[] = {"I", "II", "III", "IV", "V"};
static const wstr KEL_P[] = {{"Kel. ", 40}, {"Kelurahan ", 25}, {"Kel ", 10}, {"", 25}};
static const wstr DESA_P[] = {{"Desa ", 50}, {"Ds. ", 10}, {"Ds ", 5}, {"", 35}};
static const wstr KEC_P[] = {{"Kec. ", 40}, {"Kecamatan ", 25}, {"Kec ", 10}, {"", 25}};
static const wstr KAB_P[] = {{"Kab. ", 45}, {"Kabupaten ", 25}, {"Kab ", 10}, {"", 20}};
static const wstr KOTA_P[] = {{"Kota ", 50}, {"Kodya ", 8}, {"", 42}};
static const wstr CITY[] = {
    {"Ledo Ledo", 30}, {"Ledo-Ledo", 35}, {"Ledoledo", 10}, {"Ledo-ledo", 15}, {"Ledo ledo", 10}};
static const wstr PROV_FORMS[] = {{"Kepulauan Jangkau", 35},
				  {"Kep. Jangkau", 30},
				  {"Prov. Kepulauan Jangkau", 15},
				  {"Prov. Kep. Jangkau", 10},
				  {"KEP. JANGKAU", 10}};

/* A prefix from the table, non-empty when asked. */
static const char *prefix_pick(rng *r, const wstr *t, size_t n, int nonempty)
{
	const char *p;

	do
		p = pick_w(r, t, n);
	while (nonempty && !p[0]);
	return p;
}

static void street_part(world *w, rng *r, int vi, int client, comp_t *c, int *nc, uint64_t *lab)
{
	const vil_t *v = &w->vil[vi];
	int urban = v->is_kel || kab_of(w, vi) == KAB_KOTA;
	char nomor[24] = "";

	if (rng_chance(r, 0.7)) {
		static const wstr NO[] = {{"No.", 50}, {"No", 20}, {"no.", 15}, {"Nomor", 8}};
		int num = rng_int(r, 1, 150);

		if (rng_chance(r, 0.07))
			sfmt(nomor, sizeof(nomor), " No. %d%c", num,
			     rng_chance(r, 0.5) ? 'A' : 'B');
		else
			sfmt(nomor, sizeof(nomor), " %s %d", PICKW(r, NO), num);
	}
	if (rng_chance(r, client ? 0.10 : 0.12)) {
		/* The street is named after another place. */
		int mode = rng_int(r, 0, 3), k2, v2;
		const kec_t *k = &w->kec[v->kec];

		*lab |= LB(L_STREET_PLACENAME);
		do
			k2 = rng_int(r, 0, w->nkec - 1);
		while (k2 == v->kec || strcmp(w->kec[k2].nm.s, v->nm.s) == 0);
		do
			v2 = rng_int(r, 0, w->nvil - 1);
		while (w->vil[v2].kec == v->kec || strcmp(w->vil[v2].nm.s, v->nm.s) == 0);
		if (mode == 0)
			sfmt(c[*nc].s, sizeof(c[0].s), "%sPoros %s - %s", PICKW(r, JL), k->nm.s,
			     w->kec[k2].nm.s);
		else if (mode == 1)
			sfmt(c[*nc].s, sizeof(c[0].s), "%s%s%s", PICKW(r, JL), w->vil[v2].nm.s,
			     nomor);
		else if (mode == 2)
			sfmt(c[*nc].s, sizeof(c[0].s), "%s%s%s", PICKW(r, JL), w->kec[k2].nm.s,
			     nomor);
		else
			sfmt(c[*nc].s, sizeof(c[0].s), "%sLingkar %s", PICKW(r, JL),
			     w->kab[(k->kab + rng_int(r, 1, 2)) % 3].base);
	} else if (!urban && rng_chance(r, 0.45)) {
		static const wstr D[] = {{"", 45}, {"", 25}, {"", 15}, {"", 15}};
		int d = rng_int(r, 1, 4);

		switch (pick_wi(r, D, NELEM(D))) {
		case 0:
			sfmt(c[*nc].s, sizeof(c[0].s), "Dusun %s", ROMAN[d - 1]);
			break;
		case 1:
			sfmt(c[*nc].s, sizeof(c[0].s), "Dsn. %s", ROMAN[d - 1]);
			break;
		case 2:
			sfmt(c[*nc].s, sizeof(c[0].s), "Dusun %d", d);
			break;
		default:
			sfmt(c[*nc].s, sizeof(c[0].s), "%sPoros Desa", PICKW(r, JL));
			break;
		}
	} else {
		sfmt(c[*nc].s, sizeof(c[0].s), "%s%s%s", PICKW(r, JL), PICK(r, STREETS), nomor);
	}
	c[(*nc)++].kind = C_STREET;
	if (urban && rng_chance(r, 0.12)) {
		static const char *const LR[] = {"Lr. Masjid",	"Lorong Damai", "Lr. 2",
						 "Lr. Sekolah", "Lr. Pemuda",	"Lorong Sejahtera",
						 "Lr. 1"};

		scopy(c[*nc].s, sizeof(c[0].s), PICK(r, LR));
		c[(*nc)++].kind = C_STREET;
	}
	if (rng_chance(r, 0.45)) {
		int rt = rng_int(r, 1, 15), rw = rng_int(r, 1, 6);

		switch (rng_int(r, 0, 4)) {
		case 0:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT %02d/RW %02d", rt, rw);
			break;
		case 1:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT. %03d RW. %03d", rt, rw);
			break;
		case 2:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT %d RW %d", rt, rw);
			break;
		case 3:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT/RW %03d/%03d", rt, rw);
			break;
		default:
			sfmt(c[*nc].s, sizeof(c[0].s), "Rt.%02d Rw.%02d", rt, rw);
			break;
		}
		c[(*nc)++].kind = C_STREET;
	}
}

static void comp_add(comp_t *c, int *nc, int kind, const char *s)
{
	scopy(c[*nc].s, sizeof(c[0].s), s);
	c[(*nc)++].kind = kind;
}

/* With probability p, a spelling variant of the name (labelled l); else the
 * name itself. txt (size n) holds the variant. */
static const char *maybe_variant(rng *r, double p, const name_t *nm, int l, char *txt, size_t n,
				 uint64_t *lab)
{
	if (rng_chance(r, p) && name_variant(r, nm, txt, n)) {
		*lab |= LB(l);
		return txt;
	}
	return nm->s;
}

/* With probability p, the name s with up to max_edits typing errors
 * (labelled l); else s itself. txt (size n) holds the misspelt name. */
static const char *maybe_typo(world *w, rng *r, double p, const char *s, int max_edits, int l,
			      char *txt, size_t n, uint64_t *lab)
{
	if (rng_chance(r, p) && typo_name(w, r, s, txt, n, max_edits)) {
		*lab |= LB(l);
		return txt;
	}
	return s;
}

/* The street part and, now and then, a landmark. */
static void address_lead(world *w, rng *r, int vi, int client, comp_t *c, int *nc, uint64_t *lab)
{
	static const char *const LM[] = {
	    "depan Kantor Camat",   "samping Masjid Raya", "dekat SD Negeri 1", "belakang Pasar",
	    "dekat pertigaan",	    "samping Pos Ronda",   "depan Lapangan",	"dekat Puskesmas",
	    "belakang Kantor Desa", "seberang Pelabuhan"};
	const char *lm;

	if (rng_chance(r, client ? 0.65 : 0.72))
		street_part(w, r, vi, client, c, nc, lab);
	if (!rng_chance(r, client ? 0.05 : 0.10))
		return;
	lm = PICK(r, LM);
	if (strcmp(lm, "seberang Pelabuhan") == 0 && !w->vil[vi].coastal)
		lm = "dekat pertigaan";
	comp_add(c, nc, C_LANDMARK, lm);
	*lab |= LB(L_LANDMARK);
}

/* The village: its old spelling, a variant or a typo, behind the prefix of
 * its class, or of the other class. */
static void village_comp(world *w, rng *r, const vil_t *v, int force_alias, int no_commas,
			 comp_t *c, int *nc, uint64_t *lab)
{
	int cls = v->is_kel, mismatch = rng_chance(r, 0.10);
	const char *vn;
	char txt[100], s[200];

	if (v->alias[0] && (rng_chance(r, 0.35) || force_alias)) {
		vn = v->alias;
		*lab |= LB(L_OLD_SPELLING);
	} else {
		vn = maybe_variant(r, 0.30, &v->nm, L_NAME_VARIANT, txt, sizeof(txt), lab);
		if (vn == v->nm.s)
			vn = maybe_typo(w, r, 0.13, vn, 2, L_TYPO_DESA, txt, sizeof(txt), lab);
	}
	if (mismatch) {
		cls = !cls;
		*lab |= LB(L_PREFIX_MISMATCH);
	}
	sfmt(s, sizeof(s), "%s%s",
	     cls ? prefix_pick(r, KEL_P, NELEM(KEL_P), mismatch || no_commas)
		 : prefix_pick(r, DESA_P, NELEM(DESA_P), mismatch || no_commas),
	     vn);
	comp_add(c, nc, C_DESA, s);
}

static void kec_comp(world *w, rng *r, const kec_t *k, int no_commas, comp_t *c, int *nc,
		     uint64_t *lab)
{
	const char *kn;
	char txt[100], s[200];

	kn = maybe_variant(r, 0.30, &k->nm, L_NAME_VARIANT_KEC, txt, sizeof(txt), lab);
	if (kn == k->nm.s)
		kn = maybe_typo(w, r, 0.08, kn, 2, L_TYPO_KEC, txt, sizeof(txt), lab);
	sfmt(s, sizeof(s), "%s%s", prefix_pick(r, KEC_P, NELEM(KEC_P), no_commas), kn);
	comp_add(c, nc, C_KEC, s);
}

/* The village's postal code as written, or "" when there is none; a leading
 * '+' asks for it to be glued to the regency (only when there is one). */
static void postal_text(rng *r, const vil_t *v, int client, int has_kab, char *pc, size_t n,
			uint64_t *lab)
{
	static const char *const FORM[] = {"", "Kode Pos ", "KP ", "+"};
	const char *form;

	pc[0] = '\0';
	if (!rng_chance(r, client ? 0.11 : 0.10))
		return;
	*lab |= LB(L_POSTAL_CODE);
	form = FORM[rng_int(r, 0, 3)];
	sfmt(pc, n, "%s%s", form[0] == '+' && !has_kab ? "" : form, v->postal);
}

/* The regency: the city's forms, the parent regency, the local abbreviation
 * or its name, behind a prefix. */
static void kab_text(world *w, rng *r, const kab_t *kb, int no_commas, char *kt, size_t n,
		     uint64_t *lab)
{
	char txt[100];

	if (kb->is_kota) {
		const char *form = PICKW(r, CITY);

		form = maybe_typo(w, r, 0.06, form, 1, L_TYPO_KAB, txt, sizeof(txt), lab);
		sfmt(kt, n, "%s%s", prefix_pick(r, KOTA_P, NELEM(KOTA_P), no_commas), form);
	} else if (kb->parent >= 0 && rng_chance(r, 0.22)) {
		sfmt(kt, n, "%s%s", prefix_pick(r, KAB_P, NELEM(KAB_P), no_commas),
		     w->kab[kb->parent].base);
		*lab |= LB(L_OLD_PARENT);
	} else if (kb->abbrev && rng_chance(r, 0.09)) {
		sfmt(kt, n, "%s%s", no_commas || rng_chance(r, 0.5) ? "Kab. " : "", kb->abbrev);
		*lab |= LB(L_KAB_ABBREV);
	} else {
		const char *bn =
		    maybe_typo(w, r, 0.06, kb->base, 1, L_TYPO_KAB, txt, sizeof(txt), lab);

		sfmt(kt, n, "%s%s", prefix_pick(r, KAB_P, NELEM(KAB_P), no_commas), bn);
	}
}

/* The order of the components: as built, or (8%) the village and district
 * swapped, everything reversed, or the street part moved to the end. */
static void comp_order(rng *r, const comp_t *c, int nc, int *order, uint64_t *lab)
{
	int mode, di = -1, ki = -1, ns = 0;

	for (int i = 0; i < nc; i++)
		order[i] = i;
	if (!rng_chance(r, 0.08))
		return;
	mode = rng_int(r, 0, 2);
	for (int i = 0; i < nc; i++) {
		if (c[i].kind == C_DESA)
			di = i;
		if (c[i].kind == C_KEC)
			ki = i;
		if (c[i].kind == C_STREET || c[i].kind == C_LANDMARK)
			ns++;
	}
	if (mode == 0 && ki < 0)
		mode = 1;
	if (mode == 2 && (ns == 0 || ns == nc))
		mode = 1;
	if (mode == 0) {
		order[di] = ki;
		order[ki] = di;
	} else if (mode == 1) {
		for (int i = 0; i < nc; i++)
			order[i] = nc - 1 - i;
	} else {
		int j = 0;

		for (int i = ns; i < nc; i++)
			order[j++] = i;
		for (int i = 0; i < ns; i++)
			order[j++] = i;
	}
	if (nc > 1)
		*lab |= LB(L_SWAPPED_ORDER);
}

/* The alamat text: the components in their order, joined by one separator,
 * now and then all in capitals. */
static void comp_join(rng *r, const comp_t *c, int nc, int no_commas, sb *out, uint64_t *lab)
{
	int order[16];
	const char *sep;

	comp_order(r, c, nc, order, lab);
	if (no_commas) {
		sep = " ";
		*lab |= LB(L_NO_COMMAS);
	} else {
		static const wstr SEP[] = {{", ", 85}, {" - ", 7}, {",", 8}};

		sep = PICKW(r, SEP);
	}
	sb_clear(out);
	for (int i = 0; i < nc; i++)
		sb_addf(out, "%s%s", i ? sep : "", c[order[i]].s);
	if (rng_chance(r, 0.06)) {
		str_upper(out->p);
		*lab |= LB(L_CAPS);
	}
}

/* A column cell: a form drawn from 0..last; forms below nprefix put the
 * prefix before the name, form nprefix writes it in capitals, the others as
 * it is. */
static void column_form(rng *r, int last, int nprefix, const char *prefix, const char *name,
			char *out, size_t n)
{
	int form = rng_int(r, 0, last);

	if (form < nprefix) {
		sfmt(out, n, "%s%s", prefix, name);
		return;
	}
	scopy(out, n, name);
	if (form == nprefix)
		str_upper(out);
}

/* The desa_kelurahan column: the village, now and then another village of
 * its district or a typo, with or without its prefix. */
static void desa_column(world *w, rng *r, const vil_t *v, char *out, size_t n, uint64_t *lab)
{
	const char *dn = v->nm.s;
	char txt[100];

	if (rng_chance(r, 0.07)) {
		int o;

		for (int t = 0; t < 100; t++) {
			o = rng_int(r, 0, w->nvil - 1);
			if (w->vil[o].kec == v->kec && strcmp(w->vil[o].nm.s, v->nm.s) != 0) {
				dn = w->vil[o].nm.s;
				*lab |= LB(L_COL_WRONG_DESA);
				break;
			}
		}
	} else {
		dn = maybe_typo(w, r, 0.08, dn, 1, L_COL_TYPO, txt, sizeof(txt), lab);
	}
	column_form(r, 9, 3, v->is_kel ? "Kel. " : "Desa ", dn, out, n);
}

/* The kecamatan column: the district, now and then another of its regency. */
static void kec_column(world *w, rng *r, const vil_t *v, char *out, size_t n, uint64_t *lab)
{
	const kec_t *k = &w->kec[v->kec];
	const char *kn = k->nm.s;

	if (rng_chance(r, 0.06)) {
		int o;

		do
			o = rng_int(r, 0, w->nkec - 1);
		while (o == v->kec || w->kec[o].kab != k->kab);
		kn = w->kec[o].nm.s;
		*lab |= LB(L_COL_WRONG_KEC);
	}
	column_form(r, 6, 2, "Kec. ", kn, out, n);
}

/* The kabupaten_kota column: the regency, its parent, or now and then
 * another regency, in one of the office's forms. */
static void kab_column(world *w, rng *r, const vil_t *v, char *out, size_t n, uint64_t *lab)
{
	const kec_t *k = &w->kec[v->kec];
	const kab_t *kb = &w->kab[k->kab];
	int kab = k->kab;

	if (kb->parent >= 0 && rng_chance(r, 0.30)) {
		kab = kb->parent;
		*lab |= LB(L_COL_OLD_PARENT);
	} else if (rng_chance(r, 0.05)) {
		do
			kab = rng_int(r, 0, 2);
		while (kab == k->kab || kab == kb->parent);
		*lab |= LB(L_COL_WRONG_KAB);
	}
	if (w->kab[kab].is_kota) {
		static const char *const KF[] = {"Kota Ledo Ledo", "Ledo-Ledo", "Kota Ledo-Ledo",
						 "KOTA LEDO LEDO", "Ledo Ledo", "Ledoledo"};

		scopy(out, n, PICK(r, KF));
		return;
	}
	switch (rng_int(r, 0, 5)) {
	case 0:
	case 1:
		scopy(out, n, w->kab[kab].full);
		break;
	case 2:
		sfmt(out, n, "Kab. %s", w->kab[kab].base);
		break;
	case 3:
		scopy(out, n, w->kab[kab].full);
		str_upper(out);
		break;
	default:
		scopy(out, n, w->kab[kab].base);
	}
}

/* The separate columns, filled in about half the rows, at least one of them. */
static void address_columns(world *w, rng *r, const vil_t *v, int client, addr_t *a, uint64_t *lab)
{
	int fd, fk, fb;

	a->desa[0] = a->kec[0] = a->kab[0] = '\0';
	if (!rng_chance(r, client ? 0.45 : 0.50))
		return;
	fd = rng_chance(r, 0.75);
	fk = rng_chance(r, 0.55);
	fb = rng_chance(r, 0.55);
	if (!fd && !fk && !fb)
		fd = 1;
	*lab |= LB(L_COLS_FILLED);
	if (fd)
		desa_column(w, r, v, a->desa, sizeof(a->desa), lab);
	if (fk)
		kec_column(w, r, v, a->kec, sizeof(a->kec), lab);
	if (fb)
		kab_column(w, r, v, a->kab, sizeof(a->kab), lab);
}

/* The free-text address of a village and the separate columns, with the
 * mess of an office spreadsheet; every pattern applied goes into labels. */
void make_address(world *w, rng *r, int vi, int client, int force_alias, addr_t *a)
{
	const vil_t *v = &w->vil[vi];
	const kec_t *k = &w->kec[v->kec];
	comp_t c[16];
	int nc = 0, no_commas = rng_chance(r, 0.07);
	int has_kec = rng_chance(r, client ? 0.78 : 0.80),
	    has_kab = rng_chance(r, client ? 0.76 : 0.75);
	uint64_t lab = 0;
	char pc[32];

	memset(c, 0, sizeof(c));
	if (v->shared_name) {
		has_kec = 1; /* the name alone is ambiguous: put the context back */
		lab |= LB(L_SHARED_NAME);
	}
	if (!has_kec)
		lab |= LB(L_MISSING_KEC);
	if (!has_kab)
		lab |= LB(L_MISSING_KAB);

	address_lead(w, r, vi, client, c, &nc, &lab);
	village_comp(w, r, v, force_alias, no_commas, c, &nc, &lab);
	if (has_kec)
		kec_comp(w, r, k, no_commas, c, &nc, &lab);
	postal_text(r, v, client, has_kab, pc, sizeof(pc), &lab);
	if (has_kab) {
		char kt[100], s[200];

		kab_text(w, r, &w->kab[k->kab], no_commas, kt, sizeof(kt), &lab);
		if (pc[0] == '+') {
			sfmt(s, sizeof(s), "%s %s", kt, pc + 1);
			pc[0] = '\0';
		} else {
			scopy(s, sizeof(s), kt);
		}
		comp_add(c, &nc, C_KAB, s);
	}
	if (pc[0])
		comp_add(c, &nc, C_POSTAL, pc);
	if (rng_chance(r, 0.18))
		comp_add(c, &nc, C_PROV, PICKW(r, PROV_FORMS));

	comp_join(r, c, nc, no_commas, &a->alamat, &lab);
	address_columns(w, r, v, client, a, &lab);
	a->labels = lab;
}
