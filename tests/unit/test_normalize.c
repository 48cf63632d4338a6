/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the place-name normaliser (src/geocode/normalize.c): the
 * folded form and the comparison key, one test per variant class of the
 * field book (case, punctuation, hyphen/space/joined, roman and arabic
 * numerals, number words, apostrophes, accents).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "geocode/normalize.h"
#include "fixture.h"

/* Two rotating buffers, so that key(a) and key(b) can be compared. */
static const char *key(const char *s)
{
	static char buf[2][JK_NORM_KEY_MAX];
	static int k;

	k = !k;
	jk_norm_key(s, buf[k], sizeof buf[k]);
	return buf[k];
}

static const char *fold(const char *s)
{
	static char buf[256];

	jk_norm_fold(s, buf, sizeof buf);
	return buf;
}

START_TEST(test_fold_case_space_punct)
{
	ck_assert_str_eq(fold("  Kel. SULAA,  Kota   Bau-Bau  "), "kel. sulaa, kota bau-bau");
	ck_assert_str_eq(fold("JL.\tPOROS\r\nDESA"), "jl. poros desa");
	ck_assert_str_eq(fold(""), "");
	ck_assert_str_eq(fold(NULL), "");
	ck_assert_uint_eq(jk_norm_fold("ABC", NULL, 0), 0);
}
END_TEST

START_TEST(test_fold_apostrophes_accents_dashes)
{
	ck_assert_str_eq(fold("Ngapa'ea"), "ngapaea");
	ck_assert_str_eq(fold("Pati\xe2\x80\x99" "di"), "patidi");        /* U+2019 */
	ck_assert_str_eq(fold("Kec. Lea\xe2\x80\x93Lea"), "kec. lea-lea");  /* en dash */
	ck_assert_str_eq(fold("Caf\xc3\xa9 \xc3\x89" "cole"), "cafe ecole"); /* e acute */
	ck_assert_str_eq(fold("Bau\xc2\xa0" "Bau"), "bau bau");            /* NBSP */
	ck_assert_str_eq(fold("a\xe4\xb8\xad" "b"), "a b");                /* CJK */
}
END_TEST

START_TEST(test_fold_truncates)
{
	char buf[6];

	ck_assert_uint_eq(jk_norm_fold("Baubau Kota", buf, sizeof buf), 5);
	ck_assert_str_eq(buf, "bauba");
}
END_TEST

START_TEST(test_key_hyphen_space_joined)
{
	ck_assert_str_eq(key("Lowu-Lowu"), "lowulowu");
	ck_assert_str_eq(key("Lowu Lowu"), "lowulowu");
	ck_assert_str_eq(key("Lowulowu"), "lowulowu");
	ck_assert_str_eq(key("LOWU-LOWU"), "lowulowu");
	ck_assert_str_eq(key("Bau-Bau"), key("Baubau"));
	ck_assert_str_eq(key("Bau Bau"), key("BAUBAU"));
	ck_assert_str_eq(key("Bau-bau"), "baubau");
	ck_assert_str_eq(key("Pasar Wajo"), key("Pasarwajo"));
	ck_assert_str_eq(key("Kontu Kowuna"), key("Kontukowuna"));
	ck_assert_str_eq(key("Bone Bone"), key("Bonebone"));
	ck_assert_str_ne(key("Lasalimu"), key("Lasalimu Selatan"));
}
END_TEST

START_TEST(test_key_numerals)
{
	ck_assert_str_eq(key("Raha I"), "raha1");
	ck_assert_str_eq(key("Raha 1"), "raha1");
	ck_assert_str_eq(key("RAHA II"), "raha2");
	ck_assert_str_eq(key("Mandati III"), key("Mandati 3"));
	ck_assert_str_eq(key("Wapunto IV"), "wapunto4");
	ck_assert_str_eq(key("Kampung XIV"), "kampung14");
	/* number words after the first word */
	ck_assert_str_eq(key("Talaga Satu"), "talaga1");
	ck_assert_str_eq(key("Talaga Satu"), key("Talaga I"));
	ck_assert_str_eq(key("Lipu Dua"), key("Lipu 2"));
	/* number words anywhere, compound ones too; a roman numeral only
	 * after the first word ("I Gusti") */
	ck_assert_str_eq(key("Tiga"), "3");
	ck_assert_str_eq(key("Desa Tiga"), "desa3");
	ck_assert_str_eq(key("I Gusti"), "igusti");
	ck_assert_str_eq(key("Dua Belas Ilir"), key("12 Ilir"));
	ck_assert_str_eq(key("Sebelas Ulu"), key("11 Ulu"));
	ck_assert_str_eq(key("Lima Puluh Kota"), key("50 Kota"));
	ck_assert_str_eq(key("Tiga Puluh Lima"), "35");
	ck_assert_str_eq(key("Seratus Dua"), "102");
	ck_assert_str_eq(key("Koto Tiga Empat"), key("Koto 3-4"));
	ck_assert_str_eq(key("Sungai Dua"), key("Sei II"));
	ck_assert_str_eq(key("Tanjung Sebelas"), key("Tj. XI"));
	/* not numerals */
	ck_assert_str_eq(key("Wali Mix"), "walimix");
	ck_assert_str_eq(key("Raha Ii X"), "raha210");
}
END_TEST

START_TEST(test_key_both_forms)
{
	char a[JK_NORM_KEY_MAX], b[JK_NORM_KEY_MAX];

	ck_assert_uint_eq(jk_norm_keys("Landono Dua", a, b, sizeof a), 8);
	ck_assert_str_eq(a, "landono2");
	ck_assert_str_eq(b, "landonodua");
	jk_norm_keys("Raha II", a, b, sizeof a);
	ck_assert_str_eq(a, "raha2");
	ck_assert_str_eq(b, "");
	jk_norm_keys("Sulaa", a, b, sizeof a);
	ck_assert_str_eq(a, "sulaa");
	ck_assert_str_eq(b, "");
}
END_TEST

/* Abbreviations inside names read as the word they stand for. */
START_TEST(test_key_abbreviations)
{
	ck_assert_str_eq(key("Sei Rampah"), key("Sungai Rampah"));
	ck_assert_str_eq(key("Sg. Rampah"), key("Sungai Rampah"));
	ck_assert_str_eq(key("Gn. Sari"), key("Gunung Sari"));
	ck_assert_str_eq(key("Tj. Batu"), key("Tanjung Batu"));
	ck_assert_str_eq(key("Tg Batu"), key("Tanjong Batu"));
	ck_assert_str_eq(key("Kp. Melayu"), key("Kampung Melayu"));
	ck_assert_str_eq(key("Pd. Gede"), key("Pondok Gede"));
	ck_assert_str_eq(key("Bt. Ampar"), key("Batu Ampar"));
	ck_assert_str_eq(key("Kr. Anyar"), key("Karang Anyar"));
	ck_assert_str_eq(key("Sp. Empat"), key("Simpang 4"));
	ck_assert_str_eq(key("P. Buru"), key("Pulau Buru"));
	ck_assert_str_eq(key("Psr. Baru"), key("Pasar Baru"));
	/* only whole words */
	ck_assert_str_eq(key("Seikat"), "seikat");
	ck_assert_str_eq(key("Gu"), "gu");
}
END_TEST

START_TEST(test_key_punct_apostrophe_empty)
{
	char small[5];

	ck_assert_str_eq(key("Ngapa'ea"), key("Ngapaea"));
	ck_assert_str_eq(key("Kel. Sulaa,"), "kelsulaa");
	ck_assert_str_eq(key("  -- . "), "");
	ck_assert_str_eq(key(NULL), "");
	ck_assert_uint_eq(jk_norm_key("Wangkanapi", small, sizeof small), 4);
	ck_assert_str_eq(small, "wang");
}
END_TEST

START_TEST(test_roman_and_words)
{
	ck_assert_int_eq(jk_norm_roman("i", 1), 1);
	ck_assert_int_eq(jk_norm_roman("iv", 2), 4);
	ck_assert_int_eq(jk_norm_roman("ix", 2), 9);
	ck_assert_int_eq(jk_norm_roman("xiv", 3), 14);
	ck_assert_int_eq(jk_norm_roman("xxxix", 5), 39);
	ck_assert_int_eq(jk_norm_roman("iiii", 4), 0);
	ck_assert_int_eq(jk_norm_roman("il", 2), 0);
	ck_assert_int_eq(jk_norm_roman("", 0), 0);
	ck_assert_int_eq(jk_norm_roman("l", 1), 0);
	ck_assert_int_eq(jk_norm_number_word("satu", 4), 1);
	ck_assert_int_eq(jk_norm_number_word("sepuluh", 7), 10);
	ck_assert_int_eq(jk_norm_number_word("tigaa", 5), 0);
}
END_TEST

static Suite *normalize_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fold_case_space_punct);
	tcase_add_test(tc, test_fold_apostrophes_accents_dashes);
	tcase_add_test(tc, test_fold_truncates);
	tcase_add_test(tc, test_key_hyphen_space_joined);
	tcase_add_test(tc, test_key_numerals);
	tcase_add_test(tc, test_key_both_forms);
	tcase_add_test(tc, test_key_abbreviations);
	tcase_add_test(tc, test_key_punct_apostrophe_empty);
	tcase_add_test(tc, test_roman_and_words);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(normalize_suite());
}
