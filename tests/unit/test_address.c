/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the address parser (src/geocode/address.c): every pattern
 * of the field book (street, RT/RW forms, dusun, lanes, landmarks, postal
 * code forms, village/district/regency prefixes, province tail, no commas,
 * " - " separators, capitals, swapped order) and the separate columns.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geocode/address.h"
#include "fixture.h"

static jk_addr A;

static void parse(const char *s)
{
	jk_addr_parse(s, &A);
}

/* The index of the n-th part (0-based) with role @p r, or -1. */
static int find(jk_addr_role r, int n)
{
	int i;

	for (i = 0; i < A.n_parts; i++)
		if (A.part[i].role == r && n-- == 0)
			return i;
	return -1;
}

static int count(jk_addr_role r)
{
	int i, c = 0;

	for (i = 0; i < A.n_parts; i++)
		c += A.part[i].role == r;
	return c;
}

static const char *text(jk_addr_role r, int n)
{
	int i = find(r, n);

	ck_assert_msg(i >= 0, "no %s part %d", jk_addr_role_name(r), n);
	return A.part[i].text;
}

START_TEST(test_rtrw_forms)
{
	static const struct {
		const char *s;
		int rt, rw;
	} t[] = {
		{ "RT 02/RW 03, Kel. Sulaa", 2, 3 },
		{ "RT. 002 RW. 001, Kel. Sulaa", 2, 1 },
		{ "RT 2 RW 3, Kel. Sulaa", 2, 3 },
		{ "RT/RW 002/003, Kel. Sulaa", 2, 3 },
		{ "Rt.02 Rw.03 Kel. Sulaa", 2, 3 },
		{ "Jl. Bhakti, RT 5 RW 4, Kel. Sulaa", 5, 4 },
		{ "Kel. Sulaa, RT 7", 7, -1 },
		{ "RT02/RW03 Kel. Sulaa", 2, 3 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		parse(t[i].s);
		ck_assert_msg(A.rt == t[i].rt && A.rw == t[i].rw, "%s: rt %d rw %d",
			      t[i].s, A.rt, A.rw);
		ck_assert_int_eq(count(JK_ADDR_RTRW), 1);
		ck_assert_str_eq(text(JK_ADDR_DESA, 0), "sulaa");
	}
}
END_TEST

START_TEST(test_postal_forms)
{
	parse("Kel. Tomba, Kec. Wolio, Baubau, 93712");
	ck_assert_str_eq(A.postal, "93712");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "baubau");
	parse("Desa Lakanaha, Kecamatan Wadaga, Kode Pos 93658");
	ck_assert_str_eq(A.postal, "93658");
	ck_assert_str_eq(text(JK_ADDR_POSTAL, 0), "93658");
	parse("Kel. Sulaa KP 93715 Kota Baubau");
	ck_assert_str_eq(A.postal, "93715");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "baubau");
	parse("Ds. Tangkumaho, Kabupaten Muna Barat, Kodepos 93658");
	ck_assert_str_eq(A.postal, "93658");
	/* glued to the regency */
	parse("Dusun I, Desa Labuandiri, Siotapina, Kabupaten Buton 93758, Sultra");
	ck_assert_str_eq(A.postal, "93758");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "buton");
	parse("Desa Labuandiri, Kabupaten Buton93758");
	ck_assert_str_eq(A.postal, "93758");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "buton");
	parse("Desa Labuandiri, Kabupaten Buton 93758, Sultra");
	/* the province of the code: 93 is Sulawesi Tenggara */
	ck_assert_int_eq(count(JK_ADDR_PROV), 2);
	ck_assert_str_eq(text(JK_ADDR_PROV, 0), "sulawesi tenggara");
	ck_assert_str_eq(jk_addr_postal_province("93721"), "sulawesi tenggara");
	ck_assert_str_eq(jk_addr_postal_province("80361"), "bali");
	ck_assert_ptr_null(jk_addr_postal_province("91511")); /* two provinces */
	ck_assert_ptr_null(jk_addr_postal_province("9372"));
	ck_assert_ptr_null(jk_addr_postal_province(NULL));
	/* "Kp." is also "Kampung": a village word when no code follows */
	parse("Kp. Bantan, Kec. X");
	ck_assert_str_eq(A.postal, "");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "bantan");
	ck_assert_str_eq(A.part[0].full, "kp bantan");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KAMPUNG);
	/* house numbers are no postal codes */
	parse("Jl. Melati no. 30A, Kel. Lamangga");
	ck_assert_str_eq(A.postal, "");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "melati no 30a");
}
END_TEST

START_TEST(test_street_lane_dusun)
{
	parse("Jl. Yos Sudarso No. 128A, Lr. Sekolah, RT. 003 RW. 002, Ds. Waborobo, Kec. Betoambari, Kota Baubau");
	ck_assert_int_eq(count(JK_ADDR_STREET), 2);
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "yos sudarso no 128a");
	ck_assert_str_eq(text(JK_ADDR_STREET, 1), "sekolah");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "waborobo");
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "betoambari");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "baubau");
	parse("JL. Kihajar Dewantara, Lorong Damai, Kel. Poea");
	ck_assert_str_eq(text(JK_ADDR_STREET, 1), "damai");
	parse("Jalan Sultan Hasanuddin Nomor 108, Kel. Sulaa");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "sultan hasanuddin nomor 108");
	parse("Jl Nangka No. 136, Ds. Tomba");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "nangka no 136");
	parse("Jl. Nangka No136 Ds. Tomba");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "nangka no 136");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "tomba");
	parse("Dusun II, Desa Lagadi");
	ck_assert_str_eq(text(JK_ADDR_DUSUN, 0), "ii");
	parse("Dsn. III - Desa Lagadi");
	ck_assert_str_eq(text(JK_ADDR_DUSUN, 0), "iii");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "lagadi");
	parse("Dusun 2 Desa Lagadi Kec. Lawa");
	ck_assert_str_eq(text(JK_ADDR_DUSUN, 0), "2");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "lagadi");
	/* "Jl. Poros Desa" is a road; "Jl. Poros Desa Umba" names Umba */
	parse("Jl. Poros Desa, Desa Lakanaha");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "poros desa");
	ck_assert_int_eq(count(JK_ADDR_DESA), 1);
	parse("JL. POROS DESA UMBA KEC. NAPANO KUSAMBI");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "poros");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "umba");
}
END_TEST

START_TEST(test_street_placenames)
{
	/* the far end of a trunk road stays with the street */
	parse("Jl. Poros Pasarwajo - Lasalimu, Ds. Nambo, Kec. Lasalimu");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "poros pasarwajo lasalimu");
	ck_assert_int_eq(count(JK_ADDR_NAME), 0);
	parse("Jl. Poros Wabula - Lasalimu RT 8 RW 6 Desa Wabula Kecamatan Wabula Kabupaten Buton");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "poros wabula lasalimu");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "wabula");
	/* street at the end (swapped order) */
	parse("Kel. Barangka, Kecamatan Kapontori, Kabupaten Buton, Jl. Poros Kapontori - Wolowa");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "poros kapontori wolowa");
	ck_assert_int_eq(count(JK_ADDR_NAME), 0);
	/* after a house number the road has ended */
	parse("Jl. Poros No 72 - Mantowu - Kabupaten Buton");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "mantowu");
	/* an ordinary street name is not a place of the address */
	parse("Jl. Betoambari No. 5, Kel. Lamangga");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "betoambari no 5");
	ck_assert_int_eq(count(JK_ADDR_NAME), 0);
}
END_TEST

START_TEST(test_landmarks)
{
	parse("Jl. Bhakti, RT 5 RW 4, dekat Masjid Sulaa, Kel. Sulaa, Kota Bau Bua");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "masjid sulaa");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "sulaa");
	parse("depan Kantor Camat, Kel. Wali");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "kantor camat");
	parse("RT. 001 RW. 003, samping Masjid Raya, Wakangka, Kec. Kapontori");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "masjid raya");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "wakangka");
	parse("dekat SD Negeri 1 - Waumere - Tiworo Kepulauan - Kab. Muna Barat");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "sd negeri 1");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "waumere");
	ck_assert_str_eq(text(JK_ADDR_NAME, 1), "tiworo kepulauan");
	parse("seberang jalan dari Pustu, Dusun I, Desa Lauki");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "jalan dari pustu");
	ck_assert_int_eq(count(JK_ADDR_STREET), 0);
	/* without commas: the landmark ends at the next prefix; "Kantor
	 * Desa X" belongs to it, the next "Desa" starts the village */
	parse("depan Kantor Desa Labaraga Desa Labaragqaa Kec. Wakorumba Utara Kabupaten Buton Utara");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "kantor desa labaraga");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "labaragqaa");
	ck_assert_int_eq(count(JK_ADDR_DESA), 1);
	parse("BELAKANG PASAR DESA LASOSODO KEC. WADAGA SULTRA");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "pasar");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "lasosodo");
	parse("dekat pertigaan Jl. Balai Kota No. 2 Kelurahan Baadia Kec. Murhum Kota Bau-Bau");
	ck_assert_int_eq(count(JK_ADDR_KAB), 1);
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "bau bau");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "baadia");
}
END_TEST

START_TEST(test_prefixes_and_hints)
{
	static const char *desa[] = { "Kel. Sulaa", "Kelurahan Sulaa", "Kel Sulaa",
				      "Desa Sulaa", "Ds. Sulaa", "Ds Sulaa",
				      "Kel/Desa Sulaa" };
	static const char *kab[] = { "Kab. Buton", "Kabupaten Buton", "Kab Buton",
				     "KABUPATEN BUTON" };
	size_t i;

	for (i = 0; i < sizeof desa / sizeof desa[0]; i++) {
		parse(desa[i]);
		ck_assert_int_eq(A.n_parts, 1);
		ck_assert_int_eq(A.part[0].role, JK_ADDR_DESA);
		ck_assert_str_eq(A.part[0].text, "sulaa");
	}
	parse("Kel. Sulaa");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KEL);
	ck_assert_str_eq(A.part[0].full, "kel sulaa");
	parse("Ds. Sulaa");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_DESA);
	for (i = 0; i < sizeof kab / sizeof kab[0]; i++) {
		parse(kab[i]);
		ck_assert_int_eq(A.part[0].role, JK_ADDR_KAB);
		ck_assert_int_eq(A.part[0].hint, JK_HINT_KAB);
		ck_assert_str_eq(A.part[0].text, "buton");
	}
	parse("Kec. Wolio, Kecamatan Murhum, Kec Bungi, Wolio");
	ck_assert_int_eq(count(JK_ADDR_KEC), 3);
	ck_assert_str_eq(text(JK_ADDR_KEC, 2), "bungi");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "wolio");
	parse("Kota Baubau");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KOTA);
	parse("Kodya Bau-Bau");
	ck_assert_int_eq(A.part[0].role, JK_ADDR_KAB);
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KOTA);
	ck_assert_str_eq(A.part[0].text, "bau bau");
	/* a prefix word inside a name: the village "Kota Bangun" */
	parse("Ds. Kota Bangun, Kec. Konda");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "kota bangun");
	ck_assert_int_eq(count(JK_ADDR_KAB), 0);
	parse("Kota Bangun, Kec. Konda");
	ck_assert_str_eq(A.part[0].full, "kota bangun");
}
END_TEST

START_TEST(test_province_tail)
{
	static const char *tails[] = { "Sultra", "Sulawesi Tenggara", "Prov. Sultra",
				       "Prov. Sulawesi Tenggara", "SULTRA",
				       "Provinsi Sulawesi Tenggara" };
	size_t i;
	char buf[128];

	for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		snprintf(buf, sizeof buf, "Kel. Sulaa, Kota Baubau, %s", tails[i]);
		parse(buf);
		ck_assert_int_eq(A.n_parts, 3);
		ck_assert_str_eq(text(JK_ADDR_PROV, 0), "sulawesi tenggara");
		ck_assert_str_eq(text(JK_ADDR_KAB, 0), "baubau");
	}
	/* glued without a comma */
	parse("Kel. Bonebone Kota Bau-Bau SULTRA");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "bau bau");
	ck_assert_str_eq(text(JK_ADDR_PROV, 0), "sulawesi tenggara");
	parse("Kec. Kulisusu, Kabupaten Buton Utara Sulawesi Tenggara");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "buton utara");
	ck_assert_int_eq(count(JK_ADDR_PROV), 1);
	/* a one-word province is only peeled off a regency */
	parse("Desa Tanjung Riau");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "tanjung riau");
	parse("Kota Denpasar Bali");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "denpasar");
	ck_assert_str_eq(text(JK_ADDR_PROV, 0), "bali");
}
END_TEST

START_TEST(test_no_commas_and_dashes)
{
	parse("Jalan Bataraguru Kel. Wanganapi Kec. Wolio Kota Bau Bau Sultra");
	ck_assert_int_eq(A.n_parts, 5);
	ck_assert_int_eq(A.part[0].role, JK_ADDR_STREET);
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "wanganapi");
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "wolio");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "bau bau");
	ck_assert_str_eq(text(JK_ADDR_PROV, 0), "sulawesi tenggara");
	parse("Jl. Kihajar Dewantara No 119 Kel. Lapandewa Makmur Kec. Lapandewa Kabupaten Buton Selatan Sultra");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "kihajar dewantara no 119");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "lapandewa makmur");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "buton selatan");
	parse("Kabupaten Btuon - Kec. Lasalimu Selatan - Desa Balimu");
	ck_assert_int_eq(A.n_parts, 3);
	ck_assert_str_eq(A.part[0].text, "btuon");
	ck_assert_str_eq(A.part[1].text, "lasalimu selatan");
	ck_assert_str_eq(A.part[2].text, "balimu");
	/* a hyphen inside a name is no separator */
	parse("Kel. Lowu-Lowu,Kec. Lea-Lea,Kota Bau-Bau");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "lowu lowu");
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "lea lea");
	ck_assert_int_eq(A.n_parts, 3);
}
END_TEST

START_TEST(test_caps_and_swapped)
{
	parse("JL. MAYJEN SUTOYO NO. 35, SUKA DAMAI, TIWORO TENGAH, KABUPATEN MUNA BARAT");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "mayjen sutoyo no 35");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "suka damai");
	ck_assert_str_eq(text(JK_ADDR_NAME, 1), "tiworo tengah");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "muna barat");
	parse("Kab. Bombana, Poleang, Barangga");
	ck_assert_int_eq(A.n_parts, 3);
	ck_assert_int_eq(A.part[0].role, JK_ADDR_KAB);
	ck_assert_str_eq(A.part[1].text, "poleang");
	ck_assert_str_eq(A.part[2].text, "barangga");
	parse("Kab. Buton, Kec. Batauga, Kel. Molagina, Jl. Suprapto No. 112");
	ck_assert_int_eq(A.part[0].role, JK_ADDR_KAB);
	ck_assert_int_eq(A.part[1].role, JK_ADDR_KEC);
	ck_assert_int_eq(A.part[2].role, JK_ADDR_DESA);
	ck_assert_int_eq(A.part[3].role, JK_ADDR_STREET);
}
END_TEST

START_TEST(test_fields_and_limits)
{
	jk_addr_parse_field("BUNGI", JK_ADDR_KEC, &A);
	ck_assert_int_eq(A.n_parts, 1);
	ck_assert_int_eq(A.part[0].role, JK_ADDR_KEC);
	ck_assert_str_eq(A.part[0].text, "bungi");
	jk_addr_parse_field("Kel. Sulaa", JK_ADDR_DESA, &A);
	ck_assert_int_eq(A.part[0].role, JK_ADDR_DESA);
	ck_assert_str_eq(A.part[0].text, "sulaa");
	jk_addr_parse_field("Kota BAUBAU", JK_ADDR_KAB, &A);
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KOTA);
	jk_addr_parse_field("Muna Barat", JK_ADDR_KAB, &A);
	ck_assert_int_eq(A.part[0].role, JK_ADDR_KAB);
	ck_assert_int_eq(A.part[0].hint, JK_HINT_NONE);
	parse(NULL);
	ck_assert_int_eq(A.n_parts, 0);
	ck_assert_int_eq(A.rt, -1);
	ck_assert_int_eq(A.rw, -1);
	parse("  ,, - ;  ");
	ck_assert_int_eq(A.n_parts, 0);
	parse("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z");
	ck_assert_int_eq(A.n_parts, JK_ADDR_MAX_PARTS);
	ck_assert(A.truncated);
	ck_assert_str_eq(jk_addr_role_name(JK_ADDR_DESA), "village");
}
END_TEST

/* Units below and beside the village, across Indonesia: never a village
 * part, whatever the region calls them. */
START_TEST(test_regional_units)
{
	static const struct {
		const char *s;
		jk_addr_role role;
		const char *text;
	} t[] = {
		{ "Dukuh Krajan, Desa X", JK_ADDR_DUSUN, "krajan" },
		{ "Dk. Dukuhan, Desa X", JK_ADDR_DUSUN, "dukuhan" },
		{ "Grumbul Karanganyar, Desa X", JK_ADDR_DUSUN, "karanganyar" },
		{ "Padukuhan 4, Kalurahan X", JK_ADDR_DUSUN, "4" },
		{ "Br. Dinas Kaja, Desa X", JK_ADDR_DUSUN, "kaja" },
		{ "Bjr. Pande, Desa X", JK_ADDR_DUSUN, "pande" },
		{ "Jorong Koto Tuo, Nagari X", JK_ADDR_DUSUN, "koto tuo" },
		{ "Jr. Padang, Nagari X", JK_ADDR_DUSUN, "padang" },
		{ "Korong Pasar, Nagari X", JK_ADDR_DUSUN, "pasar" },
		{ "Lingk. IV, Kel. X", JK_ADDR_DUSUN, "iv" },
		{ "Lindongan VI, Kel. X", JK_ADDR_DUSUN, "vi" },
		{ "Jaga III, Desa X", JK_ADDR_DUSUN, "iii" },
		{ "Huta Godang, Desa X", JK_ADDR_DUSUN, "godang" },
		{ "Mukim Alue, Gampong X", JK_ADDR_DUSUN, "alue" },
		{ "Blok C, Desa X", JK_ADDR_DUSUN, "c" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		parse(t[i].s);
		ck_assert_msg(A.n_parts >= 2 && A.part[0].role == t[i].role,
			      "%s: role %s", t[i].s,
			      jk_addr_role_name(A.part[0].role));
		ck_assert_str_eq(A.part[0].text, t[i].text);
		ck_assert_int_eq(A.part[1].role, JK_ADDR_DESA);
		ck_assert_str_eq(A.part[1].text, "x");
	}
	/* regional words for the village and the district */
	parse("Gp. Lamteh, Kec. Ulee Kareng");
	ck_assert_int_eq(A.part[0].role, JK_ADDR_DESA);
	ck_assert_int_eq(A.part[0].hint, JK_HINT_SOFT);
	ck_assert_str_eq(A.part[0].full, "gp lamteh");
	parse("Ohoi Tual, Kapanewon Paliyan");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "tual");
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "paliyan");
	parse("Kampung Reyob, Distrik Tahota");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KAMPUNG);
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "tahota");
	/* customary village: evidence of its own role; "dinas" is the
	 * administrative one */
	parse("Desa Adat Sumerta, Desa Dinas Sumerta Kaja");
	ck_assert_str_eq(text(JK_ADDR_ADAT, 0), "sumerta");
	ck_assert_str_eq(A.part[0].full, "desa adat sumerta");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "sumerta kaja");
	parse("DA Legian, Kuta");
	ck_assert_str_eq(text(JK_ADDR_ADAT, 0), "legian");
	/* a compass word is a landmark before a place people point to, and a
	 * name's word otherwise */
	parse("utara Puskesmas Sungsang, Senyerang");
	ck_assert_str_eq(text(JK_ADDR_LANDMARK, 0), "puskesmas sungsang");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "senyerang");
	parse("Timur, Kel. Sulaa");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "timur");
	parse("Kel. Sulaa Utara, Kota Baubau");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "sulaa utara");
}
END_TEST

/* Words that are a level or unit word and part of names at once. */
START_TEST(test_names_with_unit_words)
{
	/* a level word after a name, ending the piece: the name's */
	parse("Lobu Kota, Kec. Touluaan");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "lobu kota");
	ck_assert_str_eq(A.part[0].alt, "lobu");
	parse("Ds. Tungkal IV Desa, Seberang Kota");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "tungkal iv desa");
	parse("Kecamatan Garut Kota Kabupaten Garut");
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "garut kota");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "garut");
	parse("Sungai Dusun, Kab. Tanjung Jabung Timur");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "sungai dusun");
	parse("Nyur Lembang, NTB");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "nyur lembang");
	/* a unit word alone is a name, doubled too */
	parse("Jl. Pandanaran, Dukuh, Gondang");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "dukuh");
	parse("Desa Lembang-Lembang, Kec. Limboro");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "lembang lembang");
	parse("Kel. Kampung Dalem, Kota, Jawa Timur");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "kota");
	/* a unit word inside a name: the whole stays the other reading */
	parse("Ds. Muara Huta Raja, Muara Batang Toru");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "muara");
	ck_assert_str_eq(A.part[0].alt, "muara huta raja");
	/* a long name cut by a unit word: the other reading stays within
	 * its buffer and the parts after it are untouched (a reproducer of
	 * the fuzzer, tests/fuzz/crashes/address-glue-overflow) */
	parse("Desa Leqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
	      "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqbg-Lembang Limboco, Kec. X");
	ck_assert_int_eq(A.part[0].role, JK_ADDR_DESA);
	ck_assert_uint_lt(strlen(A.part[0].alt), sizeof A.part[0].alt);
	ck_assert_int_eq(A.part[1].role, JK_ADDR_DESA);
	ck_assert_str_eq(text(JK_ADDR_KEC, 0), "x");
	/* brackets stay in the name */
	parse("Desa Mahia (Wosia Tengah), Kec. Tobelo Tengah");
	ck_assert_str_eq(text(JK_ADDR_DESA, 0), "mahia wosia tengah");
	/* "Kab. Dati II X", "Kota Madya X", "Kotif X" */
	parse("Kab. Dati II Muara Enim");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "muara enim");
	parse("Kota Madya Bau Bau");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "bau bau");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KOTA);
	parse("Kotif Baubau");
	ck_assert_int_eq(A.part[0].hint, JK_HINT_KOTA);
	/* a one-word province ending a regency's name stays its other
	 * reading */
	parse("Kota Banda Aceh");
	ck_assert_str_eq(text(JK_ADDR_KAB, 0), "banda");
	ck_assert_str_eq(A.part[0].alt, "banda aceh");
}
END_TEST

/* A street ends at its house number; a trunk road keeps its far end. */
START_TEST(test_streets)
{
	parse("Jl. Sudirman No. 39 Simarancar Sosa Kabupaten Padang Lawas");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "sudirman no 39");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "simarancar sosa");
	parse("Jl. Yos Sudarso No. 12 A, Kel. X");
	ck_assert_str_eq(text(JK_ADDR_STREET, 0), "yos sudarso no 12 a");
	parse("Jl. Poros Pasarwajo - Lasalimu, Desa X");
	ck_assert_int_eq(count(JK_ADDR_NAME), 0);
	parse("Jl. Raya Bogor - Duren Tiga - Pancoran");
	ck_assert_str_eq(text(JK_ADDR_NAME, 0), "duren tiga");
	ck_assert_str_eq(text(JK_ADDR_NAME, 1), "pancoran");
	/* a province read off a postal code says so */
	parse("Desa X, 93721");
	ck_assert_int_eq(A.part[find(JK_ADDR_PROV, 0)].hint, JK_HINT_POSTAL);
}
END_TEST

static Suite *address_suite(void)
{
	Suite *s = suite_create("address");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rtrw_forms);
	tcase_add_test(tc, test_postal_forms);
	tcase_add_test(tc, test_street_lane_dusun);
	tcase_add_test(tc, test_street_placenames);
	tcase_add_test(tc, test_landmarks);
	tcase_add_test(tc, test_prefixes_and_hints);
	tcase_add_test(tc, test_province_tail);
	tcase_add_test(tc, test_no_commas_and_dashes);
	tcase_add_test(tc, test_caps_and_swapped);
	tcase_add_test(tc, test_fields_and_limits);
	tcase_add_test(tc, test_regional_units);
	tcase_add_test(tc, test_names_with_unit_words);
	tcase_add_test(tc, test_streets);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(address_suite());
}
