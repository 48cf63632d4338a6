/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the address matcher end to end (src/geocode/gazetteer.h),
 * on a gazetteer of a few hundred real units built once at start.
 *
 * The gazetteer: the provinces and the regencies of Sulawesi Tenggara and
 * every district and village of Kota Baubau, Kabupaten Buton and
 * Kabupaten Muna Barat (about 300 units), read from the shared reference
 * gazetteer (JK_SHARED, else the folder the build was configured with:
 * data/gazetteer/wilayah.csv), with the project's regency aliases. Where
 * that file is missing, an embedded list of Kota Baubau's 53 units is used.
 *
 * Input: the fields alamat, desa, kecamatan and kabupaten separated by
 * newlines; missing fields are NULL. The match must return 0, fill its
 * result within the documented ranges, name a known unit when it claims a
 * precision, and jk_gaz_address_names() must stay in 0..1.
 */
#include "fuzz.h"
#include "geocode/gazetteer.h"

#ifndef JK_FUZZ_SHARED_DIR
#define JK_FUZZ_SHARED_DIR "../shared"
#endif
#ifndef JK_FUZZ_SOURCE_DIR
#define JK_FUZZ_SOURCE_DIR "."
#endif

static jk_gaz *gaz;

/* Kota Baubau (74.72) and its province, from wilayah.csv. */
static const char *const embedded[][2] = {
	{"74", "Sulawesi Tenggara"},
	{"74.72", "Kota Bau Bau"},
	{"74.72.01", "Betoambari"},
	{"74.72.01.1007", "Katobengke"},
	{"74.72.01.1012", "Waborobo"},
	{"74.72.01.1013", "Sulaa"},
	{"74.72.01.1014", "Lipu"},
	{"74.72.01.1016", "Labalawa"},
	{"74.72.02", "Wolio"},
	{"74.72.02.1001", "Wale"},
	{"74.72.02.1002", "Tomba"},
	{"74.72.02.1003", "Bataraguru"},
	{"74.72.02.1004", "Wangkanapi"},
	{"74.72.02.1005", "Batulo"},
	{"74.72.02.1007", "Kadolo Katapi"},
	{"74.72.02.1011", "Bukit Wolio Indah"},
	{"74.72.03", "Sorawolio"},
	{"74.72.03.1001", "Kaisabu Baru"},
	{"74.72.03.1002", "Karya Baru"},
	{"74.72.03.1003", "Gonda Baru"},
	{"74.72.03.1004", "Bugi"},
	{"74.72.04", "Bungi"},
	{"74.72.04.1001", "Liabuku"},
	{"74.72.04.1002", "Ngkaring Karing"},
	{"74.72.04.1003", "Kampeonaho"},
	{"74.72.04.1008", "Waliabuku"},
	{"74.72.04.1010", "Tampuna"},
	{"74.72.05", "Kokalukuna"},
	{"74.72.05.1001", "Liwuto"},
	{"74.72.05.1002", "Sukanaeyo"},
	{"74.72.05.1003", "Lakologou"},
	{"74.72.05.1004", "Waruruma"},
	{"74.72.05.1005", "Kadolomoko"},
	{"74.72.05.1006", "Kadolo"},
	{"74.72.06", "Murhum"},
	{"74.72.06.1007", "Wajo"},
	{"74.72.06.1008", "Lamangga"},
	{"74.72.06.1009", "Melai"},
	{"74.72.06.1010", "Baadia"},
	{"74.72.06.1011", "Tanganapada"},
	{"74.72.07", "Lea-Lea"},
	{"74.72.07.1001", "Lowu-Lowu"},
	{"74.72.07.1002", "Kalia-Lia"},
	{"74.72.07.1003", "Palabusa"},
	{"74.72.07.1004", "Kolese"},
	{"74.72.07.1005", "Kantalai"},
	{"74.72.08", "Batupoaro"},
	{"74.72.08.1001", "Bonebone"},
	{"74.72.08.1002", "Tarafu"},
	{"74.72.08.1003", "Wameo"},
	{"74.72.08.1004", "Kaobula"},
	{"74.72.08.1005", "Lanto"},
	{"74.72.08.1006", "Nganganaumala"},
	{NULL, NULL}};

/* The units read from wilayah.csv: these prefixes and every unit above. */
static const char *const wanted[] = {"74.72", "74.04", "74.13", NULL};

static int wanted_kode(const char *kode)
{
	size_t i, n;

	if (strlen(kode) <= 5 && !strncmp(kode, "74", 2))
		return 1; /* the province and its regencies */
	if (!strchr(kode, '.'))
		return 1; /* every province */
	for (i = 0; wanted[i]; i++) {
		n = strlen(wanted[i]);
		if (!strncmp(kode, wanted[i], n) &&
		    (kode[n] == '\0' || kode[n] == '.'))
			return 1;
	}
	return 0;
}

/* Reads field @p i of a CSV line (quotes as RFC 4180) into @p out. */
static void csv_field(const char *line, int i, char *out, size_t size)
{
	const char *p = line;
	size_t n = 0;
	int q = 0;

	while (i > 0 && *p) {
		if (*p == '"')
			q = !q;
		else if (*p == ',' && !q)
			i--;
		p++;
	}
	q = 0;
	if (*p == '"') {
		q = 1;
		p++;
	}
	for (; *p && *p != '\n' && *p != '\r'; p++) {
		if (q && *p == '"') {
			if (p[1] != '"')
				break;
			p++;
		} else if (!q && *p == ',') {
			break;
		}
		if (n + 1 < size)
			out[n++] = *p;
	}
	out[n] = '\0';
}

static int load_file(jk_gaz *g, const char *path)
{
	char line[512], kode[64], nama[256];
	FILE *f = fopen(path, "r");
	int n = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof line, f)) {
		csv_field(line, 0, kode, sizeof kode);
		if (!kode[0] || !strcmp(kode, "kode") || !wanted_kode(kode))
			continue;
		csv_field(line, 1, nama, sizeof nama);
		if (jk_gaz_add(g, kode, nama) == 0)
			n++;
	}
	fclose(f);
	return n;
}

static void load_aliases(jk_gaz *g, const char *path)
{
	char line[512], kode[64], alias[256];
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		csv_field(line, 0, kode, sizeof kode);
		csv_field(line, 1, alias, sizeof alias);
		if (kode[0] && alias[0] && strcmp(kode, "kode"))
			(void)jk_gaz_add_alias(g, kode, alias);
	}
	fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *shared = getenv("JK_SHARED");
	char path[4096];
	int i, n;

	(void)argc;
	(void)argv;
	gaz = jk_gaz_create();
	if (!gaz)
		abort();
	snprintf(path, sizeof path, "%s/data/gazetteer/wilayah.csv",
		 shared && *shared ? shared : JK_FUZZ_SHARED_DIR);
	n = load_file(gaz, path);
	if (n == 0) {
		fprintf(stderr, "fuzz_match: %s not readable: using the "
			"embedded units of Kota Baubau\n", path);
		for (i = 0; embedded[i][0]; i++)
			if (jk_gaz_add(gaz, embedded[i][0], embedded[i][1]))
				abort();
	}
	load_aliases(gaz, JK_FUZZ_SOURCE_DIR "/data/aliases/sulawesi_tenggara.csv");
	(void)jk_gaz_add_alias(gaz, "74.72", "Baubau");
	if (jk_gaz_finish(gaz))
		abort();
	fprintf(stderr, "fuzz_match: gazetteer of %zu units (%zu villages)\n",
		jk_gaz_count(gaz, 0), jk_gaz_count(gaz, JK_LVL_DESA));
	return 0;
}

static void check_match(const jk_addr_in *in, const jk_match *m)
{
	int i;
	double s;

	FUZZ_CHECK(m->prec >= JK_PREC_NONE && m->prec <= JK_PREC_AMBIGUOUS,
		   "prec %d", (int)m->prec);
	FUZZ_CHECK(fuzz_terminated(m->kode, sizeof m->kode) &&
			   fuzz_terminated(m->reason, sizeof m->reason),
		   "unterminated result");
	FUZZ_CHECK(m->score >= 0 && m->score <= 1, "score %g", m->score);
	FUZZ_CHECK(m->n_cand >= 0 && m->n_cand <= JK_MATCH_MAX_CAND,
		   "n_cand %d", m->n_cand);
	for (i = 0; i < m->n_cand; i++)
		FUZZ_CHECK(fuzz_terminated(m->cand[i], sizeof m->cand[i]),
			   "candidate %d", i);
	if (m->prec == JK_PREC_VILLAGE || m->prec == JK_PREC_DISTRICT ||
	    m->prec == JK_PREC_REGENCY) {
		/* the code found is of the level the precision claims */
		size_t want = m->prec == JK_PREC_VILLAGE ? 13 :
			      m->prec == JK_PREC_DISTRICT ? 8 : 5;

		FUZZ_CHECK(strlen(m->kode) == want,
			   "precision %d with code '%s' (%s)", (int)m->prec,
			   m->kode, m->reason);
		s = jk_gaz_address_names(gaz, in, m->kode);
		FUZZ_CHECK(s >= 0 && s <= 1, "address_names %g", s);
	} else {
		FUZZ_CHECK(m->kode[0] == '\0', "precision %d with code '%s'",
			   (int)m->prec, m->kode);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *f[4];
	jk_addr_in in;
	jk_match *m;
	double s;

	fuzz_fields(data, size, '\n', f, 4);
	in.alamat = f[0];
	in.desa = f[1];
	in.kec = f[2];
	in.kab = f[3];
	m = malloc(sizeof *m);
	if (!m)
		abort();
	FUZZ_CHECK(jk_gaz_match(gaz, &in, m) == 0, "match failed");
	check_match(&in, m);
	s = jk_gaz_address_names(gaz, &in, "74.72.01.1013");
	FUZZ_CHECK(s >= 0 && s <= 1, "address_names %g", s);
	s = jk_gaz_address_names(gaz, &in, f[0] ? f[0] : "");
	FUZZ_CHECK(s >= 0 && s <= 1, "address_names %g", s);
	free(m);
	fuzz_fields_free(f, 4);
	return 0;
}
