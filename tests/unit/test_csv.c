/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the one CSV writer (src/core/csv.h): RFC 4180 quoting only
 * where needed, numbers as numbers, CRLF or LF rows, and the formula guard
 * that stays inside the quotes, so that no text can break out of its field
 * (read back with the independent RFC 4180 reader of the tests).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "csvread.h"
#include "fixture.h"

/* One text field written with @p flags, as the writer puts it. */
static char *one(const char *s, int flags)
{
	jk_buf b;
	jk_csvw w;
	char *out;

	jk_buf_init(&b);
	jk_csvw_init(&w, &b, flags);
	jk_csvw_text(&w, s);
	out = jk_strdup(jk_buf_str(&b));
	jk_buf_release(&b);
	ck_assert_ptr_nonnull(out);
	return out;
}

static void field_is(const char *s, int flags, const char *want)
{
	char *got = one(s, flags);

	ck_assert_msg(!strcmp(got, want), "'%s': got [%s], want [%s]",
		      s ? s : "(null)", got, want);
	free(got);
}

#define FIELD_IS(s, flags, want) field_is((s), (flags), (want))

START_TEST(test_plain_and_quoted)
{
	FIELD_IS("Masjid Babussalam", 0, "Masjid Babussalam");
	FIELD_IS("", 0, "");
	FIELD_IS(NULL, 0, "");
	FIELD_IS("a,b", 0, "\"a,b\"");
	FIELD_IS("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
	FIELD_IS("two\nlines", 0, "\"two\nlines\"");
	FIELD_IS("cr\rhere", 0, "\"cr\rhere\"");
	FIELD_IS("Caf\xc3\xa9 \xe2\x80\x93 x", 0, "Caf\xc3\xa9 \xe2\x80\x93 x");
	/* without the guard, a coordinate of an input file stays as it is */
	FIELD_IS("-5.4,122.6", 0, "\"-5.4,122.6\"");
	FIELD_IS("=1+2", 0, "=1+2");
	/* with the guard, ordinary text is unchanged too */
	FIELD_IS("Masjid Babussalam", JK_CSV_FORMULA_GUARD, "Masjid Babussalam");
	FIELD_IS("a,b", JK_CSV_FORMULA_GUARD, "\"a,b\"");
	FIELD_IS("Jl. A-1", JK_CSV_FORMULA_GUARD, "Jl. A-1");
}
END_TEST

START_TEST(test_formula_guard)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"=1+2", "\"'=1+2\""},
		{"+62 812", "\"'+62 812\""},
		{"-5,4", "\"'-5,4\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\tx", "\"'\tx\""},
		{"\rx", "\"'\rx\""},
		{"\nx", "\"'\nx\""},
		/* the breakout of the issue: the guard inside the quotes */
		{"=cmd|' /C calc'!A0,x", "\"'=cmd|' /C calc'!A0,x\""},
		{"=HYPERLINK(\"http://e\",\"a\")",
		 "\"'=HYPERLINK(\"\"http://e\"\",\"\"a\"\")\""},
		/* full-width = + - @ */
		{"\xef\xbc\x9d" "1+2", "\"'\xef\xbc\x9d" "1+2\""},
		{"\xef\xbc\xa0x", "\"'\xef\xbc\xa0x\""},
		{"\xef\xbc\x8bx", "\"'\xef\xbc\x8bx\""},
		{"\xef\xbc\x8dx", "\"'\xef\xbc\x8dx\""},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		FIELD_IS(cases[i].in, JK_CSV_FORMULA_GUARD, cases[i].out);
	ck_assert(!jk_csv_is_formula("x=1"));
	ck_assert(!jk_csv_is_formula(""));
	ck_assert(!jk_csv_is_formula(NULL));
}
END_TEST

START_TEST(test_numbers_and_rows)
{
	static const char *const head[] = {"id", "nama", "km"};
	jk_buf b;
	jk_csvw w;

	jk_buf_init(&b);
	jk_csvw_init(&w, &b, JK_CSV_FORMULA_GUARD);
	jk_csvw_row(&w, head, 3);
	jk_csvw_int(&w, -12);
	jk_csvw_text(&w, "a");
	jk_csvw_real(&w, -5.4999, 3);
	jk_csvw_end_row(&w);
	jk_csvw_null(&w);
	jk_csvw_null(&w);
	jk_csvw_real(&w, 12.34, 3);
	jk_csvw_end_row(&w);
	/* numbers are numbers: a negative one is not a formula */
	ck_assert_str_eq(jk_buf_str(&b), "id,nama,km\r\n-12,a,-5.500\r\n,,12.340\r\n");
	jk_buf_reset(&b);
	jk_csvw_init(&w, &b, JK_CSV_LF);
	jk_csvw_row(&w, head, 3);
	ck_assert_str_eq(jk_buf_str(&b), "id,nama,km\n");
	jk_buf_release(&b);
}
END_TEST

/* What the writer wrote reads back, with the independent reader, as the
 * same number of fields and the same text (the guard's apostrophe
 * excepted). */
START_TEST(test_round_trip)
{
	static const char *const nasty[] = {
		"=cmd|' /C calc'!A0,x", "a,\"b\",c", "-1,2", "@x\r\ny",
		"plain", "", "+", "\"", ",", "'=already"
	};
	jk_scratch sc;
	jk_buf b;
	jk_csvw w;
	jk_csv t;
	char path[512], err[256];
	size_t i, n = sizeof nasty / sizeof nasty[0];

	jk_scratch_init(&sc, "csv");
	jk_buf_init(&b);
	jk_csvw_init(&w, &b, JK_CSV_FORMULA_GUARD);
	jk_csvw_text(&w, "k");
	jk_csvw_text(&w, "v");
	jk_csvw_text(&w, "after");
	jk_csvw_end_row(&w);
	for (i = 0; i < n; i++) {
		jk_csvw_int(&w, (long long)i);
		jk_csvw_text(&w, nasty[i]);
		jk_csvw_text(&w, "end");
		jk_csvw_end_row(&w);
	}
	jk_scratch_write(&sc, "t.csv", jk_buf_str(&b), path, sizeof path);
	ck_assert_msg(jk_csv_load(&t, path, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(t.ncols, 3);
	ck_assert_int_eq(t.nrows, n);
	for (i = 0; i < n; i++) {
		const char *v = jk_csv_cell(&t, i, 1);

		ck_assert_str_eq(jk_csv_cell(&t, i, 2), "end");
		if (jk_csv_is_formula(nasty[i])) {
			ck_assert_msg(v[0] == '\'' && !strcmp(v + 1, nasty[i]),
				      "row %zu: [%s]", i, v);
		} else {
			ck_assert_str_eq(v, nasty[i]);
		}
	}
	jk_csv_release(&t);
	jk_buf_release(&b);
	jk_scratch_release(&sc);
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("writer");

	tcase_add_test(tc, test_plain_and_quoted);
	tcase_add_test(tc, test_formula_guard);
	tcase_add_test(tc, test_numbers_and_rows);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(csv_suite());
}
