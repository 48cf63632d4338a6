/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the gazetteer matcher (src/geocode/gazetteer_match.c): the API on
 * a small hand-made gazetteer, the hard cases on the real units of
 * Sulawesi Tenggara (duplicate names, the two Wakumoro of Parigi, old
 * parent regencies, district-only and failed matches), and the accuracy on
 * the Bapas Baubau field book, with the province and with the national
 * gazetteer. The shared data are read from JK_SHARED_DIR.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csvread.h"
#include "geocode/gazetteer.h"
#include "fixture.h"

#ifndef JK_SHARED_DIR
#define JK_SHARED_DIR "../shared"
#endif

#define WILAYAH JK_SHARED_DIR "/data/gazetteer/wilayah.csv"
#define FIELDBOOK JK_SHARED_DIR "/data/fieldbook/"

/* ------------------------------------------------------------ fixtures */

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Wall and CPU time: the machine may be shared, CPU time says more. */
struct stopwatch {
	double wall, cpu;
};

static void sw_start(struct stopwatch *w)
{
	w->wall = clock_s(CLOCK_MONOTONIC);
	w->cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static void sw_stop(struct stopwatch *w)
{
	w->wall = clock_s(CLOCK_MONOTONIC) - w->wall;
	w->cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - w->cpu;
}

/* Builds a gazetteer from wilayah.csv rows whose code starts with
 * @p prefix ("" for all), plus the project's regency aliases. */
static jk_gaz *load_gazetteer(const char *prefix, struct stopwatch *sw)
{
	jk_csv c;
	jk_gaz *g;
	size_t r, ck, cn;
	size_t pl = strlen(prefix);
	struct stopwatch t;
	char err[300];

	ck_assert_msg(jk_csv_load(&c, WILAYAH, err, sizeof err) == 0, "%s",
		      err);
	sw_start(&t);
	g = jk_gaz_create();
	ck_assert_ptr_nonnull(g);
	ck = jk_csv_col(&c, "kode");
	cn = jk_csv_col(&c, "nama");
	for (r = 0; r < c.nrows; r++) {
		const char *k = jk_csv_cell(&c, r, ck);

		if (strncmp(k, prefix, pl) == 0)
			ck_assert_int_eq(jk_gaz_add(g, k, jk_csv_cell(&c, r, cn)), 0);
	}
	ck_assert_int_eq(jk_gaz_add_alias(g, "74.13", "Mubar"), 0);
	ck_assert_int_eq(jk_gaz_add_alias(g, "74.14", "Buteng"), 0);
	ck_assert_int_eq(jk_gaz_add_alias(g, "74.15", "Busel"), 0);
	ck_assert_int_eq(jk_gaz_add_alias(g, "74.10", "Butur"), 0);
	ck_assert_int_eq(jk_gaz_finish(g), 0);
	sw_stop(&t);
	if (sw)
		*sw = t;
	jk_csv_release(&c);
	return g;
}

static jk_gaz *g74;

static void setup74(void)
{
	g74 = load_gazetteer("74", NULL);
}

static void teardown74(void)
{
	jk_gaz_destroy(g74);
	g74 = NULL;
}

static jk_match match4(const jk_gaz *g, const char *alamat, const char *desa,
		       const char *kec, const char *kab)
{
	jk_addr_in in = { alamat, desa, kec, kab };
	jk_match m;

	ck_assert_int_eq(jk_gaz_match(g, &in, &m), 0);
	return m;
}

static jk_match match1(const jk_gaz *g, const char *alamat)
{
	return match4(g, alamat, NULL, NULL, NULL);
}

static int has_cand(const jk_match *m, const char *kode)
{
	int i;

	for (i = 0; i < m->n_cand; i++)
		if (strcmp(m->cand[i], kode) == 0)
			return 1;
	return 0;
}

#define ck_village(m, k)                                                      \
	do {                                                                  \
		ck_assert_msg((m).prec == JK_PREC_VILLAGE, "prec %d (%s)",    \
			      (int)(m).prec, (m).reason);                     \
		ck_assert_str_eq((m).kode, k);                                \
	} while (0)

/* ------------------------------------------------------------ small API */

static jk_gaz *small_gazetteer(void)
{
	jk_gaz *g = jk_gaz_create();

	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(jk_gaz_add(g, "74", "Sulawesi Tenggara"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.72", "Kota Bau Bau"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01", "Betoambari"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.1013", "Sulaa"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.1012", "Waborobo"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.1012", "Duplicate"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.04", "Kabupaten Buton"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.04.11", "Pasarwajo"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.04.11.2019", "Dongkala"), 0);
	/* an alias may come before its unit */
	ck_assert_int_eq(jk_gaz_add_alias(g, "74.14", "Buteng"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.14", "Kabupaten Buton Tengah"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.14.01", "Lakudo"), 0);
	ck_assert_int_eq(jk_gaz_add(g, "74.14.01.2001", "Lakudo"), 0);
	ck_assert_int_eq(jk_gaz_finish(g), 0);
	return g;
}

START_TEST(test_api_basics)
{
	jk_gaz *g = small_gazetteer();
	jk_match m;

	ck_assert_uint_eq(jk_gaz_count(g, 0), 11);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_PROV), 1);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_KAB), 3);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_KEC), 3);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_DESA), 4);
	ck_assert_uint_eq(jk_gaz_count(g, 7), 0);
	ck_assert_int_eq(jk_gaz_add(g, "7", "bad"), -1);
	ck_assert_int_eq(jk_gaz_add(g, "74.7", "bad"), -1);
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.101", "bad"), -1);
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.10130", "bad"), -1);
	ck_assert_int_eq(jk_gaz_add(g, "74-72", "bad"), -1);
	ck_assert_int_eq(jk_gaz_add(g, NULL, "bad"), -1);
	/* the first of a duplicated code is kept */
	m = match1(g, "Kel. Waborobo, Kota Baubau");
	ck_village(m, "74.72.01.1012");
	m = match1(g, "Kel. Duplicate");
	ck_assert_int_eq(m.prec, JK_PREC_NONE);
	/* the alias added before its unit */
	m = match1(g, "Desa Lakudo, Kab. Buteng");
	ck_village(m, "74.14.01.2001");
	ck_assert(m.score > 0.8 && m.score <= 1.0);
	/* nothing at all */
	m = match4(g, NULL, NULL, NULL, NULL);
	ck_assert_int_eq(m.prec, JK_PREC_NONE);
	ck_assert_str_eq(m.kode, "");
	ck_assert(strlen(m.reason) > 0);
	/* only the column */
	m = match4(g, "", "Kel. Sulaa", NULL, "Baubau");
	ck_village(m, "74.72.01.1013");
	ck_assert_double_eq(jk_gaz_address_names(g, &(jk_addr_in){ "Kel. Sulaa", 0, 0, 0 },
						"74.99.01.1001"), 0);
	jk_gaz_destroy(g);
	jk_gaz_destroy(NULL);
}
END_TEST

START_TEST(test_not_finished)
{
	jk_gaz *g = jk_gaz_create();
	jk_match m;
	jk_addr_in in = { "Kel. Sulaa", NULL, NULL, NULL };

	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.1013", "Sulaa"), 0);
	ck_assert_int_eq(jk_gaz_match(g, &in, &m), 0);
	ck_assert_int_eq(m.prec, JK_PREC_NONE);
	ck_assert_int_eq(jk_gaz_finish(g), 0);
	ck_assert_int_eq(jk_gaz_match(g, &in, &m), 0);
	ck_village(m, "74.72.01.1013");
	/* adding after finish needs another finish */
	ck_assert_int_eq(jk_gaz_add(g, "74.72.01.1012", "Waborobo"), 0);
	ck_assert_int_eq(jk_gaz_finish(g), 0);
	in.alamat = "Waborobo";
	ck_assert_int_eq(jk_gaz_match(g, &in, &m), 0);
	ck_village(m, "74.72.01.1012");
	jk_gaz_destroy(g);
}
END_TEST

/* ------------------------------------------------------------ Sultra cases */

START_TEST(test_exact_and_variants)
{
	jk_match m;

	m = match1(g74, "Jl. Bhakti, RT 5 RW 4, dekat Masjid Sulaa, Kel. Sulaa, Kota Bau Bua");
	ck_village(m, "74.72.01.1013");
	ck_assert_ptr_nonnull(strstr(m.reason, "Sulaa"));
	/* typo in village and district, caps, no commas */
	m = match1(g74, "JL. POROS DESA, DESA MOMUTU, KECAMATAN TIAORO TENGAH, MUNA BARAT");
	ck_village(m, "74.13.07.2006");
	m = match1(g74, "Jalan Bataraguru Kel. Wanganapi Kec. Wolio Kota Bau Bau Sultra");
	ck_village(m, "74.72.02.1004");
	/* joined / hyphenated variants */
	m = match1(g74, "Komba-Komba, Kec. Kabangka, Kabupaten Muna");
	ck_village(m, "74.03.23.2001");
	m = match1(g74, "Desa Kontu Kowuna, Kecamatan Kontukowuna, Kab. Muna");
	ck_village(m, "74.03.30.2005");
	/* swapped order, street at the end naming other places */
	m = match1(g74, "Kel. Barangka, Kecamatan Kapontori, Kabupaten Buton, Jl. Poros Kapontori - Wolowa");
	ck_village(m, "74.04.22.2001");
	/* columns disagree: the alamat wins */
	m = match4(g74, "Dusun 5, Ds. Walelei, Kab. Muna, Sulawesi Tenggara",
		   "Desa Lapolea", "", "Muna Barat");
	ck_village(m, "74.13.02.2004");
	/* abbreviation alias */
	m = match1(g74, "seberang jalan dari Pustu, Desa Labukolo, Kec. Tiworo Tengah, Kab. Mubar");
	ck_village(m, "74.13.07.2002");
}
END_TEST

START_TEST(test_duplicates_by_context)
{
	jk_match m;

	/* Bungi: Kontunaga (Muna), Wolowa (Buton), Mawasangka Timur (Buton
	 * Tengah); also a district of Kota Bau Bau */
	m = match1(g74, "Desa Bungi, Kec. Wolowa, Kab. Buton");
	ck_village(m, "74.04.28.2006");
	m = match1(g74, "Desa Bungi, Kec. Kontunaga");
	ck_village(m, "74.03.20.2003");
	m = match1(g74, "Ds. Bungi, Kec. Mawasangka Timur, Kab. Buton Tengah");
	ck_village(m, "74.14.02.2004");
	/* Lipu three times */
	m = match1(g74, "Kel. Lipu, Kec. Betoambari, Kota Baubau");
	ck_village(m, "74.72.01.1014");
	m = match1(g74, "Kel. Lipu, Kulisusu, Butur");
	ck_village(m, "74.10.01.1009");
	/* Barangka: a district of Muna Barat and a village in each of
	 * Kapontori (Buton) and Barangka (Muna Barat) */
	m = match1(g74, "Desa Barangka, Kec. Barangka, Kab. Muna Barat");
	ck_village(m, "74.13.02.2007");
	m = match1(g74, "Desa Barangka, Kapontori, Buton");
	ck_village(m, "74.04.22.2001");
	/* Lowu Lowu / Lowu-Lowu */
	m = match1(g74, "Kel. Lowu-Lowu, Kec. Lea-Lea, Kota Bau-Bau");
	ck_village(m, "74.72.07.1001");
	m = match1(g74, "Desa Lowulowu, Kec. Gu, Buteng");
	ck_village(m, "74.14.06.2012");
	/* without context: ambiguous, all candidates, no guess */
	m = match1(g74, "Desa Bungi");
	ck_assert_int_eq(m.prec, JK_PREC_AMBIGUOUS);
	ck_assert_int_eq(m.n_cand, 3);
	ck_assert(has_cand(&m, "74.03.20.2003") && has_cand(&m, "74.04.28.2006") &&
		  has_cand(&m, "74.14.02.2004"));
	ck_assert_str_eq(m.kode, "");
}
END_TEST

START_TEST(test_wakumoro_ambiguous)
{
	jk_match m;
	jk_addr_in in = { "Wakumoro, Kec. Parigi, Kab. Muna", NULL, NULL, NULL };

	/* a kelurahan and a desa of one name in one district */
	m = match1(g74, in.alamat);
	ck_assert_int_eq(m.prec, JK_PREC_AMBIGUOUS);
	ck_assert_int_eq(m.n_cand, 2);
	ck_assert(has_cand(&m, "74.03.25.1005"));
	ck_assert(has_cand(&m, "74.03.25.2012"));
	ck_assert_str_eq(m.kode, "");
	/* "Kel." and "Desa" tell them apart */
	m = match1(g74, "Kel. Wakumoro, Parigi");
	ck_village(m, "74.03.25.1005");
	m = match1(g74, "Desa Wakumoro, Kec. Parigi, Kab. Muna");
	ck_village(m, "74.03.25.2012");
	/* the address names both equally */
	ck_assert(jk_gaz_address_names(g74, &in, "74.03.25.1005") >= 0.9);
	ck_assert(jk_gaz_address_names(g74, &in, "74.03.25.2012") >= 0.9);
	ck_assert(jk_gaz_address_names(g74, &in, "74.03.25.2001") < 0.5);
}
END_TEST

START_TEST(test_old_parent)
{
	jk_match m;

	/* Buton Selatan village with "Kab. Buton" */
	m = match1(g74, "Kab. Buton, Kec. Batauga, Kel. Molagina, Jl. Suprapto No. 112");
	ck_village(m, "74.15.01.1011");
	/* Muna Barat village with "Kab Muna" and a district */
	m = match1(g74, "JL. Poros Tiworo Selatan - Tiworo Utara, Desa Tiga, Kecamatan Tiworo Utara, Kab Muna, Sulawesi Tenggara");
	ck_village(m, "74.13.08.2007");
	m = match1(g74, "Desa Abadi Jaya, Kec. Maginti, Kab. Muna");
	ck_village(m, "74.13.06.2004");
	/* Buton Tengah village, typo in the village and old parent */
	m = match1(g74, "Kel. Watollo, Kec. Mawasangka, Kab. Buton");
	ck_village(m, "74.14.04.1001");
	ck_assert_ptr_nonnull(strstr(m.reason, "old parent"));
	/* a Buton village named with its real regency stays there */
	m = match1(g74, "Desa Bungi, Wolowa, Buton");
	ck_village(m, "74.04.28.2006");
}
END_TEST

START_TEST(test_lower_precision)
{
	jk_match m;

	m = match1(g74, "Jl. Sultan Hasanuddin, Kec. Wolio, Kota Baubau");
	ck_assert_int_eq(m.prec, JK_PREC_DISTRICT);
	ck_assert_str_eq(m.kode, "74.72.02");
	m = match1(g74, "Desa Zzyzx, Kec. Lasalimu, Kab. Buton");
	ck_assert_int_eq(m.prec, JK_PREC_DISTRICT);
	ck_assert_str_eq(m.kode, "74.04.23");
	m = match1(g74, "Jl. Poros, Kabupaten Wakatobi, Sultra");
	ck_assert_int_eq(m.prec, JK_PREC_REGENCY);
	ck_assert_str_eq(m.kode, "74.07");
	ck_assert(m.score > 0 && m.score < 1);
	m = match1(g74, "Jl. Merdeka No. 5, RT 02/RW 03, Kode Pos 12345");
	ck_assert_int_eq(m.prec, JK_PREC_NONE);
	ck_assert_str_eq(m.kode, "");
	m = match1(g74, "Desa Kqxwv, Kec. Pqrst");
	ck_assert_int_eq(m.prec, JK_PREC_NONE);
	/* two contradicted levels: the village is not believed */
	m = match1(g74, "Kel. Sulaa, Kec. Lasalimu, Kab. Buton");
	ck_assert_int_eq(m.prec, JK_PREC_DISTRICT);
	ck_assert_str_eq(m.kode, "74.04.23");
}
END_TEST

START_TEST(test_address_names)
{
	jk_addr_in in = { "Jl. Melati, Kel. Lamangga, Kec. Murhum, Kota Baubau",
			  NULL, NULL, NULL };
	jk_addr_in typo = { "Kelurahan Lanede, Kec. Katobu, Muna", NULL, NULL, NULL };

	ck_assert(jk_gaz_address_names(g74, &in, "74.72.06.1008") >= 0.95);
	ck_assert(jk_gaz_address_names(g74, &in, "74.72.06.1011") < 0.5);
	ck_assert(jk_gaz_address_names(g74, &typo, "74.03.16.1007") >= 0.85);
	ck_assert_double_eq(jk_gaz_address_names(g74, &in, "99.99"), 0);
	ck_assert_double_eq(jk_gaz_address_names(g74, &in, "74.72.06"), 0);
}
END_TEST

/* ------------------------------------------------------------ field book */

struct tally {
	int n, correct, wrong, amb, amb_true, lower, none;
};

static void run_book(const jk_gaz *g, const char *file, const char *truth,
		     const char *acol, int verbose, struct tally *t,
		     struct stopwatch *sw)
{
	jk_csv d, tr;
	size_t r, ca, cd, ck, cb, ct;
	int shown = 0;
	char err[300];

	ck_assert_msg(jk_csv_load(&d, file, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(jk_csv_load(&tr, truth, err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(d.nrows, tr.nrows);
	ca = jk_csv_col(&d, acol);
	cd = jk_csv_col(&d, "desa_kelurahan");
	ck = jk_csv_col(&d, "kecamatan");
	cb = jk_csv_col(&d, "kabupaten_kota");
	ct = jk_csv_col(&tr, "true_kode");
	memset(t, 0, sizeof *t);
	sw_start(sw);
	for (r = 0; r < d.nrows; r++) {
		jk_addr_in in = { jk_csv_cell(&d, r, ca), jk_csv_cell(&d, r, cd),
				  jk_csv_cell(&d, r, ck), jk_csv_cell(&d, r, cb) };
		jk_match m;
		const char *want = jk_csv_cell(&tr, r, ct);
		int ok;

		ck_assert_int_eq(jk_gaz_match(g, &in, &m), 0);
		t->n++;
		ok = m.prec == JK_PREC_VILLAGE && strcmp(m.kode, want) == 0;
		switch (m.prec) {
		case JK_PREC_VILLAGE:
			if (ok)
				t->correct++;
			else
				t->wrong++;
			break;
		case JK_PREC_AMBIGUOUS:
			t->amb++;
			t->amb_true += has_cand(&m, want);
			break;
		case JK_PREC_DISTRICT:
		case JK_PREC_REGENCY:
			t->lower++;
			break;
		default:
			t->none++;
		}
		if (!ok && verbose && shown < 30) {
			shown++;
			fprintf(stderr, "  miss row %zu: '%s' [%s|%s|%s] want %s got %d %s: %s\n",
				r + 1, in.alamat, in.desa, in.kec, in.kab, want,
				(int)m.prec, m.kode, m.reason);
		}
	}
	sw_stop(sw);
	jk_csv_release(&d);
	jk_csv_release(&tr);
}

static void report(const char *what, const struct tally *t,
		   const struct stopwatch *sw)
{
	int vp = t->correct + t->wrong;

	fprintf(stderr,
		"%s: %d rows, correct %d (%.2f%%), wrong %d (%.2f%% of %d at village precision), "
		"ambiguous %d (true among candidates %d), lower precision %d, none %d; "
		"%.1f us/address CPU (%.1f wall)\n",
		what, t->n, t->correct, 100.0 * t->correct / t->n, t->wrong,
		vp ? 100.0 * t->wrong / vp : 0.0, vp, t->amb, t->amb_true,
		t->lower, t->none, 1e6 * sw->cpu / t->n, 1e6 * sw->wall / t->n);
}

static void check_book(const jk_gaz *g, const char *label, int verbose)
{
	struct tally s, c;
	struct stopwatch ts, tc;
	char what[64];

	run_book(g, FIELDBOOK "sites_bapas_baubau.csv",
		 FIELDBOOK "truth_sites_bapas_baubau.csv", "alamat", verbose, &s, &ts);
	snprintf(what, sizeof what, "%s sites", label);
	report(what, &s, &ts);
	run_book(g, FIELDBOOK "clients_bapas_baubau.csv",
		 FIELDBOOK "truth_clients_bapas_baubau.csv", "alamat_rumah", verbose,
		 &c, &tc);
	snprintf(what, sizeof what, "%s clients", label);
	report(what, &c, &tc);
	ck_assert_int_eq(s.n, 1644);
	ck_assert_int_eq(c.n, 400);
	ck_assert_msg(s.correct >= 0.98 * s.n, "sites correct %d of %d", s.correct, s.n);
	ck_assert_msg(c.correct >= 0.98 * c.n, "clients correct %d of %d", c.correct, c.n);
	ck_assert_msg(s.wrong <= 0.005 * (s.correct + s.wrong), "sites wrong %d", s.wrong);
	ck_assert_msg(c.wrong <= 0.005 * (c.correct + c.wrong), "clients wrong %d", c.wrong);
}

START_TEST(test_fieldbook_province)
{
	check_book(g74, "province 74", 1);
}
END_TEST

START_TEST(test_fieldbook_national)
{
	struct stopwatch build;
	jk_gaz *g = load_gazetteer("", &build);

	ck_assert_uint_eq(jk_gaz_count(g, 0), 91599);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_DESA), 83762);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_KEC), 7285);
	ck_assert_uint_eq(jk_gaz_count(g, JK_LVL_KAB), 514);
	fprintf(stderr, "national gazetteer: %zu units built in %.1f ms CPU (%.1f wall)\n",
		jk_gaz_count(g, 0), build.cpu * 1e3, build.wall * 1e3);
	check_book(g, "national", 1);
	jk_gaz_destroy(g);
}
END_TEST

/* ------------------------------------------------- Indonesia, by region */

static jk_gaz *gid;

static void setup_id(void)
{
	gid = load_gazetteer("", NULL);
	/* the built-in regency abbreviations come after the units: order
	 * does not matter (jk_gaz_finish() links them) */
	ck_assert_int_eq(jk_gaz_add_builtin_aliases(gid), 0);
	ck_assert_int_eq(jk_gaz_finish(gid), 0);
}

static void teardown_id(void)
{
	jk_gaz_destroy(gid);
	gid = NULL;
}

/* Units below and beside the village never veto it; regional words for the
 * village are read as such. Real villages of eight provinces. */
START_TEST(test_regional_units)
{
	jk_match m;

	/* Bali: banjar, desa adat (evidence, not a rival), desa dinas */
	m = match1(gid, "Br. Dinas Kaja, Desa Adat Sumerta, Desa Sumerta Kaja, Kec. Denpasar Timur, Kota Denpasar");
	ck_village(m, "51.71.02.2007");
	m = match1(gid, "Banjar Tengah, Desa Dinas Sumerta Kaja, Denpasar Timur");
	ck_village(m, "51.71.02.2007");
	m = match1(gid, "Bjr. Pande, DA Legian, Kuta, Badung");
	ck_village(m, "51.03.01.1004");
	/* Sumatera Barat: jorong below the nagari */
	m = match1(gid, "Jorong Koto Tuo, Nagari Balai Gurah, Kec. IV Angkek, Kab. Agam");
	ck_village(m, "13.06.07.2008");
	/* Aceh: gampong, two Lamteh told apart by the district */
	m = match1(gid, "Gp. Lamteh, Kec. Ulee Kareng, Banda Aceh");
	ck_village(m, "11.71.09.2002");
	m = match1(gid, "Gampong Lamteh, Peukan Bada, Aceh Besar");
	ck_village(m, "11.06.08.2007");
	/* Papua: distrik is the district */
	m = match1(gid, "Kampung Reyob, Distrik Tahota, Manokwari Selatan");
	ck_village(m, "92.11.06.2002");
	m = match1(gid, "Desa Reyob, Distrik Tahota");
	ck_village(m, "92.11.06.2002");
	/* Java: dukuh, grumbul, RT/RW */
	m = match1(gid, "Dukuh Krajan RT 02 RW 03, Desa Kota Wetan, Kec. Garut Kota, Kab. Garut");
	ck_village(m, "32.05.01.1002");
	/* a kecamatan whose name starts with a unit word */
	m = match1(gid, "Kel. Ampah Kota, Kec. Dusun Tengah, Barito Timur");
	ck_village(m, "62.13.05.1011");
}
END_TEST

/* A level word written after a name is part of it: "Lobu Kota" is not
 * "Lobu", though both are villages of Touluaan. */
START_TEST(test_level_word_after_name)
{
	jk_match m;

	m = match1(gid, "Lobu Kota, Touluaan, Minahasa Tenggara");
	ck_village(m, "71.07.06.2020");
	m = match1(gid, "Desa Lobu, Kec. Touluaan, Minahasa Tenggara");
	ck_village(m, "71.07.06.2022");
	m = match1(gid, "Bagan Batu Kota, Bagansinembah, Rokan Hilir");
	ck_village(m, "14.07.05.1018");
	m = match1(gid, "Desa Tungkal IV Desa, Seberang Kota, Tanjab Barat");
	ck_village(m, "15.06.10.2002");
	m = match1(gid, "Sungai Tabuk Kota, Kec. Sungai Tabuk, Kab. Banjar");
	ck_village(m, "63.03.04.2009");
	/* the village column holds a village, whatever its first word */
	m = match4(gid, "RT 01/RW 02", "Kota Wetan", "Garut Kota", "Kabupaten Garut");
	ck_village(m, "32.05.01.1002");
}
END_TEST

/* Regency abbreviations in use and old names, built into the library. */
START_TEST(test_regency_aliases)
{
	jk_match m;

	m = match1(gid, "Kel. Melawai, Kec. Kebayoran Baru, Jaksel");
	ck_village(m, "31.74.07.1001");
	m = match4(gid, "Jl. Sudirman No. 5", "Melawai", "Kebayoran Baru", "Jaksel");
	ck_village(m, "31.74.07.1001");
	m = match1(gid, "Sei Rampah, Kec. Sei Rampah, Sergai");
	ck_village(m, "12.18.04.2006");
	m = match1(gid, "Sungai Rampah, Sungai Rampah, Kab. Serdang Bedagai");
	ck_village(m, "12.18.04.2006");
}
END_TEST

/* Words written without commas, and the words after a house number. */
START_TEST(test_no_separators)
{
	jk_match m;

	m = match1(gid, "Jl. Pahlawan No. 12 Kel. Melawai Kebayoran Baru Jakarta Selatan");
	ck_village(m, "31.74.07.1001");
	m = match1(gid, "Jl. Sudirman No. 39 Melawai Kebayoran Baru");
	ck_village(m, "31.74.07.1001");
	m = match1(gid, "Dusun Krajan Kota Wetan Garut Kota Garut");
	ck_village(m, "32.05.01.1002");
}
END_TEST

/* A named regency is strong evidence: a village of the same name in
 * another regency is never the answer. */
START_TEST(test_named_regency_binds)
{
	jk_match m;

	/* Lobu of Banggai, not the two of Sulawesi Utara and Parigi */
	m = match1(gid, "Desa Lobu, Kab. Banggai");
	ck_village(m, "72.01.16.2001");
	/* no Legian in Kabupaten Bogor: flagged, not moved */
	m = match1(gid, "Desa Legian, Kabupaten Bogor");
	ck_assert_int_ne(m.prec, JK_PREC_VILLAGE);
	ck_assert(strstr(m.kode, "32.01") == m.kode || m.kode[0] == '\0');
}
END_TEST

static Suite *gazetteer_suite(void)
{
	Suite *s = suite_create("gazetteer");
	TCase *tc = tcase_create("api");
	TCase *t74 = tcase_create("sultra");
	TCase *tb = tcase_create("fieldbook");

	tcase_add_test(tc, test_api_basics);
	tcase_add_test(tc, test_not_finished);
	suite_add_tcase(s, tc);

	tcase_add_unchecked_fixture(t74, setup74, teardown74);
	tcase_add_test(t74, test_exact_and_variants);
	tcase_add_test(t74, test_duplicates_by_context);
	tcase_add_test(t74, test_wakumoro_ambiguous);
	tcase_add_test(t74, test_old_parent);
	tcase_add_test(t74, test_lower_precision);
	tcase_add_test(t74, test_address_names);
	suite_add_tcase(s, t74);

	{
		TCase *ti = tcase_create("indonesia");

		tcase_add_unchecked_fixture(ti, setup_id, teardown_id);
		tcase_set_timeout(ti, 300);
		tcase_add_test(ti, test_regional_units);
		tcase_add_test(ti, test_level_word_after_name);
		tcase_add_test(ti, test_regency_aliases);
		tcase_add_test(ti, test_no_separators);
		tcase_add_test(ti, test_named_regency_binds);
		suite_add_tcase(s, ti);
	}

	tcase_add_unchecked_fixture(tb, setup74, teardown74);
	tcase_set_timeout(tb, 300);
	tcase_add_test(tb, test_fieldbook_province);
	tcase_add_test(tb, test_fieldbook_national);
	suite_add_tcase(s, tb);
	return s;
}

int main(void)
{
	return jk_test_main(gazetteer_suite());
}
