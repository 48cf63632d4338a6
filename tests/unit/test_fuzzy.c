/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the string similarity (src/geocode/fuzzy.c): the OSA edit
 * distance and its band limit, the weighted typo cost, the edit allowance
 * by name length and the similarity thresholds.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "geocode/fuzzy.h"
#include "fixture.h"

static int osa(const char *a, const char *b, int max)
{
	return jk_fuzzy_osa(a, strlen(a), b, strlen(b), max);
}

static int cost(const char *a, const char *b, int max)
{
	return jk_fuzzy_cost(a, strlen(a), b, strlen(b), max);
}

static double sim(const char *a, const char *b)
{
	return jk_fuzzy_name_sim(a, strlen(a), b, strlen(b), NULL);
}

START_TEST(test_osa_edits)
{
	ck_assert_int_eq(osa("sulaa", "sulaa", 2), 0);
	ck_assert_int_eq(osa("sulaa", "sulea", 2), 1);      /* substitution */
	ck_assert_int_eq(osa("wangkanapi", "wanganapi", 2), 1); /* deletion */
	ck_assert_int_eq(osa("betoambari", "betoambatri", 2), 1); /* insertion */
	ck_assert_int_eq(osa("", "abc", 5), 3);
	ck_assert_int_eq(osa("abc", "", 5), 3);
	ck_assert_int_eq(osa("", "", 0), 0);
	ck_assert_int_eq(osa("kitten", "sitting", 5), 3);
}
END_TEST

START_TEST(test_osa_transposition)
{
	/* one swap of neighbours is one edit (Levenshtein would say 2) */
	ck_assert_int_eq(osa("buton", "btuon", 2), 1);
	ck_assert_int_eq(osa("laende", "lanede", 2), 1);
	ck_assert_int_eq(osa("baubau", "baubua", 2), 1);
	/* OSA: no edit of a swapped pair ("ca" -> "abc" is 3) */
	ck_assert_int_eq(osa("ca", "abc", 5), 3);
	ck_assert_int_eq(osa("kalialia", "kailalai", 3), 2);
}
END_TEST

START_TEST(test_osa_band_limit)
{
	ck_assert_int_eq(osa("muna", "munabarat", 2), 3);   /* max + 1 */
	ck_assert_int_eq(osa("lasalimu", "wolowa", 2), 3);
	ck_assert_int_eq(osa("abcdef", "abcxyz", 2), 3);
	ck_assert_int_eq(osa("abcdef", "abcxyz", 3), 3);
	ck_assert_int_eq(osa("abc", "xyz", 0), 1);
	ck_assert_int_eq(osa("abc", "abc", 0), 0);
	ck_assert_int_eq(osa("abc", "abd", -1), 0);
}
END_TEST

START_TEST(test_cost_typo_model)
{
	ck_assert(jk_fuzzy_plausible_sub('a', 'e'));  /* vowels */
	ck_assert(jk_fuzzy_plausible_sub('u', 'o'));
	ck_assert(jk_fuzzy_plausible_sub('s', 'a'));  /* QWERTY neighbours */
	ck_assert(jk_fuzzy_plausible_sub('s', 'd'));
	ck_assert(jk_fuzzy_plausible_sub('m', 'n'));
	ck_assert(jk_fuzzy_plausible_sub('g', 'h'));
	ck_assert(jk_fuzzy_plausible_sub('e', 'd'));  /* row below */
	ck_assert(!jk_fuzzy_plausible_sub('a', 'p'));
	ck_assert(!jk_fuzzy_plausible_sub('q', 'm'));
	ck_assert(!jk_fuzzy_plausible_sub('i', 'n'));
	ck_assert(!jk_fuzzy_plausible_sub('1', 'a'));
	ck_assert_int_eq(cost("sulaa", "sulaa", 26), 0);
	ck_assert_int_eq(cost("sulaa", "sulea", 26), 10);
	ck_assert_int_eq(cost("sulaa", "sulpa", 26), JK_FUZZY_COST_ODD);
	ck_assert_int_eq(cost("buton", "btuon", 26), 10);
	/* "Kaila-Lai": two swaps from Kalia-Lia, two odd substitutions
	 * from Kantalai; a plain edit count ties them */
	ck_assert_int_eq(osa("kailalai", "kantalai", 3), 2);
	ck_assert_int_eq(cost("kailalai", "kalialia", 26), 20);
	ck_assert_int_eq(cost("kailalai", "kantalai", 26), 26);
	ck_assert_int_eq(cost("kailalai", "kantalai", 25), 26);
	ck_assert_int_eq(cost("muna", "munabarat", 26), 27);
}
END_TEST

START_TEST(test_max_edits)
{
	ck_assert_int_eq(jk_fuzzy_max_edits(0), 0);
	ck_assert_int_eq(jk_fuzzy_max_edits(3), 0);
	ck_assert_int_eq(jk_fuzzy_max_edits(4), 1);
	ck_assert_int_eq(jk_fuzzy_max_edits(5), 1);
	ck_assert_int_eq(jk_fuzzy_max_edits(6), 2);
	ck_assert_int_eq(jk_fuzzy_max_edits(16), 2);
}
END_TEST

START_TEST(test_name_sim_thresholds)
{
	int c;

	ck_assert_double_eq(sim("sulaa", "sulaa"), 1.0);
	/* one plausible edit in a name of up to 10 letters: 0.9 */
	ck_assert_double_eq_tol(sim("baubua", "baubau"), 0.9, 1e-9);
	ck_assert_double_eq_tol(sim("wanganapi", "wangkanapi"), 0.9, 1e-9);
	/* long names: one edit costs less */
	ck_assert_double_eq_tol(sim("lasalimuselatn", "lasalimuselatan"),
				1.0 - 1.0 / 15, 1e-9);
	/* two edits allowed from 6 letters */
	ck_assert_double_eq_tol(sim("tiaorotengh", "tiworotengah"), 1.0 - 2.0 / 12,
				1e-9);
	ck_assert(sim("momutu", "momuntu") > sim("mmutu", "momuntu"));
	/* the first letter is never wrong */
	ck_assert_double_eq(sim("nuton", "buton"), 0);
	/* short names: one edit at most, none below four letters */
	ck_assert_double_eq(sim("lpu", "lipu"), 0.9);
	ck_assert_double_eq(sim("lpo", "lipu"), 0);
	ck_assert_double_eq(sim("gu", "gi"), 0);
	ck_assert_double_eq(sim("bgi", "bungi"), 0);
	/* three edits never */
	ck_assert_double_eq(sim("sulawesitenggara", "sulawesitengah"), 0);
	ck_assert_double_eq(jk_fuzzy_name_sim("abc", 3, "abd", 3, &c), 0);
	ck_assert_int_eq(c, -1);
	ck_assert_double_eq(jk_fuzzy_name_sim("sulaa", 5, "sulea", 5, &c), 0.9);
	ck_assert_int_eq(c, 10);
	ck_assert_double_eq(jk_fuzzy_name_sim("", 0, "a", 1, &c), 0);
	ck_assert_double_eq_tol(jk_fuzzy_sim_from_cost(10, 4), 0.9, 1e-9);
	ck_assert_double_eq_tol(jk_fuzzy_sim_from_cost(20, 20), 0.9, 1e-9);
	ck_assert_double_eq(jk_fuzzy_sim_from_cost(500, 10), 0);
}
END_TEST

START_TEST(test_letter_mask)
{
	uint32_t a = jk_fuzzy_letter_mask("wangkanapi", 10);
	uint32_t b = jk_fuzzy_letter_mask("wanganapi", 9);
	uint32_t c = jk_fuzzy_letter_mask("lasalimu", 8);

	ck_assert_uint_eq(jk_fuzzy_letter_mask("ab1", 3), 0x3u | (1u << 26));
	ck_assert(jk_fuzzy_mask_may_match(a, b, 1));
	ck_assert(!jk_fuzzy_mask_may_match(a, c, 2));
	ck_assert(jk_fuzzy_mask_may_match(a, a, 0));
}
END_TEST

static Suite *fuzzy_suite(void)
{
	Suite *s = suite_create("fuzzy");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_osa_edits);
	tcase_add_test(tc, test_osa_transposition);
	tcase_add_test(tc, test_osa_band_limit);
	tcase_add_test(tc, test_cost_typo_model);
	tcase_add_test(tc, test_max_edits);
	tcase_add_test(tc, test_name_sim_thresholds);
	tcase_add_test(tc, test_letter_mask);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(fuzzy_suite());
}
