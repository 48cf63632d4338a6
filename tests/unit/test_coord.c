/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the coordinate parser jk_coord_parse(): every way of
 * writing a point that the offices use (decimal with the various
 * separators, decimal commas, swapped order, DMS, DDM, hemisphere letters),
 * the range rules, and text that must be rejected. A data-driven case reads
 * the Bapas Baubau field book (sites and clients) and compares each
 * koordinat cell with the truth files, below JK_SHARED_DIR.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "core/parse.h"
#include "fixture.h"

#ifndef JK_SHARED_DIR
#error "JK_SHARED_DIR (the folder holding data/) must be defined"
#endif

#define FIELDBOOK JK_SHARED_DIR "/data/fieldbook/"

/* ------------------------------------------------------------------ */
/* hand-written cases */

#define TOL 1e-7

#define COORD_OK(s, elat, elon, eflags)                                      \
	do {                                                                 \
		double la_ = 99, lo_ = 99;                                   \
		int fl_ = -1, rc_;                                           \
		char why_[160] = "";                                         \
		rc_ = jk_coord_parse((s), &la_, &lo_, &fl_, why_,            \
				     sizeof why_);                           \
		ck_assert_msg(rc_ == 0, "'%s': rc %d (%s)", (s), rc_, why_); \
		ck_assert_msg(fabs(la_ - (elat)) <= TOL &&                   \
				      fabs(lo_ - (elon)) <= TOL,             \
			      "'%s': got %.9f, %.9f want %.9f, %.9f", (s),   \
			      la_, lo_, (double)(elat), (double)(elon));     \
		ck_assert_msg(fl_ == (eflags), "'%s': flags 0x%x want 0x%x", \
			      (s), fl_, (unsigned)(eflags));                 \
		ck_assert_msg(why_[0] == '\0', "'%s': why set on success",   \
			      (s));                                          \
	} while (0)

#define COORD_BAD(s)                                                         \
	do {                                                                 \
		double la_ = 99, lo_ = 99;                                   \
		int fl_ = -1, rc_;                                           \
		char why_[160] = "";                                         \
		rc_ = jk_coord_parse((s), &la_, &lo_, &fl_, why_,            \
				     sizeof why_);                           \
		ck_assert_msg(rc_ == -1, "'%s': rc %d, want -1 (%.9f %.9f)", \
			      (s), rc_, la_, lo_);                           \
		ck_assert_msg(why_[0] == '\'', "'%s': reason '%s'", (s),     \
			      why_);                                         \
		ck_assert_msg(la_ == 0 && lo_ == 0 && fl_ == 0,              \
			      "'%s': outputs not reset", (s));               \
	} while (0)

/* 5°28'16" and 122°36'48" */
#define D_LAT (5.0 + 28.0 / 60 + 16.0 / 3600)
#define D_LON (122.0 + 36.0 / 60 + 48.0 / 3600)

START_TEST(test_decimal_separators)
{
	COORD_OK("-5.4712, 122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712,122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712 , 122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712 122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712\t122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712;122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712 ; 122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712 ,122.6133", -5.4712, 122.6133, 0);
	COORD_OK("  -5.4712, 122.6133  ", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712,  122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.5046700, 122.5692400", -5.50467, 122.56924, 0);
	COORD_OK("-5.4000437, 122.9059413", -5.4000437, 122.9059413, 0);
	COORD_OK("+5.4712, +122.6133", 5.4712, 122.6133, 0);
	/* Unicode minus and a no-break space */
	COORD_OK("\xe2\x88\x92" "5.4712, 122.6133", -5.4712, 122.6133, 0);
	COORD_OK("-5.4712,\xc2\xa0" "122.6133", -5.4712, 122.6133, 0);
	/* one value without decimals is fine when the other has them */
	COORD_OK("-5, 122.6133", -5.0, 122.6133, 0);
}
END_TEST

START_TEST(test_decimal_comma)
{
	const int dc = JK_COORD_DECIMAL_COMMA;

	COORD_OK("-5,4712; 122,6133", -5.4712, 122.6133, dc);
	COORD_OK("-5,4712;122,6133", -5.4712, 122.6133, dc);
	COORD_OK("-5,4712 ; 122,6133", -5.4712, 122.6133, dc);
	COORD_OK("-5,4712 122,6133", -5.4712, 122.6133, dc);
	COORD_OK("-5,4712, 122,6133", -5.4712, 122.6133, dc);
	COORD_OK("-5,4712,122,6133", -5.4712, 122.6133, dc);
	COORD_OK("122,6133; -5,4712", -5.4712, 122.6133,
		 dc | JK_COORD_SWAPPED);
}
END_TEST

/* What offices paste instead of a pair: map links, a slash between. */
START_TEST(test_links_and_slash)
{
	const int dc = JK_COORD_DECIMAL_COMMA;

	COORD_OK("https://maps.google.com/?q=-7.5719701,109.6658371",
		 -7.5719701, 109.6658371, 0);
	COORD_OK("https://www.google.com/maps/place/Masjid/@-5.4712,122.6133,17z",
		 -5.4712, 122.6133, 0);
	COORD_OK("https://www.google.com/maps/search/?api=1&query=-5.4712%2C122.6133",
		 -5.4712, 122.6133, 0);
	COORD_OK("maps.google.com/maps?ll=-5.4712,122.6133&z=15",
		 -5.4712, 122.6133, 0);
	COORD_OK("-4,4452 / 105,2241", -4.4452, 105.2241, dc);
	COORD_OK("-4.4452/105.2241", -4.4452, 105.2241, 0);
	/* a link without a pair stays unreadable */
	COORD_BAD("https://goo.gl/maps/AbCdEf123");
}
END_TEST

START_TEST(test_swapped_and_ranges)
{
	const int sw = JK_COORD_SWAPPED;

	COORD_OK("122.602596, -5.507489", -5.507489, 122.602596, sw);
	COORD_OK("122.607920 -5.458924", -5.458924, 122.60792, sw);
	COORD_OK("122.6961,-5.4340", -5.434, 122.6961, sw);
	COORD_OK("122.6961 , -5.4340", -5.434, 122.6961, sw);
	/* a latitude beyond 90 is accepted only when swapping fixes it */
	COORD_OK("95.5, 40.2", 40.2, 95.5, sw);
	COORD_OK("-170.25, 12.5", 12.5, -170.25, sw);
	COORD_BAD("-95.1, 122.6");
	COORD_BAD("91.0, 91.0");
	COORD_BAD("200.1, 30.2");
	COORD_BAD("-5.4712, 190.0");
	COORD_BAD("-5.4712, -180.5");
	/* the edges are legal */
	COORD_OK("90.0, 180.0", 90.0, 180.0, 0);
	COORD_OK("-90.0, -180.0", -90.0, -180.0, 0);
	/* both within +-90: kept as written */
	COORD_OK("45.5, -80.25", 45.5, -80.25, 0);
	/* missing minus: parsed as written, the geocoder decides */
	COORD_OK("5.4712, 122.6133", 5.4712, 122.6133, 0);
	COORD_OK("4.76106,122.86971", 4.76106, 122.86971, 0);
}
END_TEST

START_TEST(test_zero)
{
	const int z = JK_COORD_ZERO;

	COORD_OK("0,0", 0.0, 0.0, z);
	COORD_OK("0, 0", 0.0, 0.0, z);
	COORD_OK("0 0", 0.0, 0.0, z);
	COORD_OK("0.0, 0.0", 0.0, 0.0, z);
	COORD_OK("0,000; 0,000", 0.0, 0.0, z | JK_COORD_DECIMAL_COMMA);
	COORD_OK("0\xc2\xb0" "0'0\"N 0\xc2\xb0" "0'0\"E", 0.0, 0.0,
		 z | JK_COORD_DMS | JK_COORD_HEMI);
	/* zero in one axis only is an ordinary point */
	COORD_OK("0.0, 122.5", 0.0, 122.5, 0);
}
END_TEST

START_TEST(test_dms)
{
	const int f = JK_COORD_DMS | JK_COORD_HEMI;
	const double la16_3 = 5.0 + 28.0 / 60 + 16.3 / 3600;
	const double lo48_1 = 122.0 + 36.0 / 60 + 48.1 / 3600;

	COORD_OK("5\xc2\xb0" "28'16\" LS 122\xc2\xb0" "36'48\" BT", -D_LAT,
		 D_LON, f);
	COORD_OK("5\xc2\xb0" "28'16.3\"S 122\xc2\xb0" "36'48.1\"E", -la16_3,
		 lo48_1, f);
	COORD_OK("5\xc2\xb0 28' 16\" LS, 122\xc2\xb0 36' 48\" BT", -D_LAT,
		 D_LON, f);
	COORD_OK("5\xc2\xb0 28' 16.3\" LS, 122\xc2\xb0 36' 48.1\" BT",
		 -la16_3, lo48_1, f);
	/* 'd' for the degree sign, or spaces only */
	COORD_OK("5d28'16\"S 122d36'48\"E", -D_LAT, D_LON, f);
	COORD_OK("5d 28' 16\" S, 122d 36' 48\" E", -D_LAT, D_LON, f);
	COORD_OK("5 28 16 S 122 36 48 E", -D_LAT, D_LON, f);
	COORD_OK("5 28 16 LS 122 36 48 BT", -D_LAT, D_LON, f);
	/* other degree, minute and second signs */
	COORD_OK("5\xc2\xba" "28'16\"S 122\xc2\xba" "36'48\"E", -D_LAT,
		 D_LON, f);
	COORD_OK("5\xcb\x9a" "28'16\"S 122\xcb\x9a" "36'48\"E", -D_LAT,
		 D_LON, f);
	COORD_OK("5\xc2\xb0" "28\xe2\x80\xb2" "16\xe2\x80\xb3" "S 122\xc2\xb0"
		 "36\xe2\x80\xb2" "48\xe2\x80\xb3" "E",
		 -D_LAT, D_LON, f);
	COORD_OK("5\xc2\xb0" "28\xe2\x80\x99" "16\xe2\x80\x9d" "S 122\xc2\xb0"
		 "36\xe2\x80\x99" "48\xe2\x80\x9d" "E",
		 -D_LAT, D_LON, f);
	COORD_OK("5\xc2\xb0" "28'16''S 122\xc2\xb0" "36'48''E", -D_LAT, D_LON,
		 f);
	/* hemisphere letters in front, lower case, with dots */
	COORD_OK("S 5\xc2\xb0" "28'16\" E 122\xc2\xb0" "36'48\"", -D_LAT,
		 D_LON, f);
	COORD_OK("LS 5\xc2\xb0" "28'16\", BT 122\xc2\xb0" "36'48\"", -D_LAT,
		 D_LON, f);
	COORD_OK("5\xc2\xb0" "28'16\"s 122\xc2\xb0" "36'48\"e", -D_LAT, D_LON,
		 f);
	COORD_OK("5\xc2\xb0" "28'16\" LS. 122\xc2\xb0" "36'48\" BT.", -D_LAT,
		 D_LON, f);
	/* north and west */
	COORD_OK("5\xc2\xb0" "28'16\"N 122\xc2\xb0" "36'48\"W", D_LAT, -D_LON,
		 f);
	COORD_OK("5\xc2\xb0" "28'16\" LU 122\xc2\xb0" "36'48\" BB", D_LAT,
		 -D_LON, f);
	/* longitude first: the letters put it right */
	COORD_OK("122\xc2\xb0" "36'48\" BT 5\xc2\xb0" "28'16\" LS", -D_LAT,
		 D_LON, f | JK_COORD_SWAPPED);
	/* letters on one side only */
	COORD_OK("5\xc2\xb0" "28'16\"S, 122\xc2\xb0" "36'48\"", -D_LAT, D_LON,
		 f);
	/* no letters: signs and order as for decimals */
	COORD_OK("-5\xc2\xb0" "28'16\", 122\xc2\xb0" "36'48\"", -D_LAT, D_LON,
		 JK_COORD_DMS);
	COORD_OK("-5\xc2\xb0" "28'16\" 122\xc2\xb0" "36'48\"", -D_LAT, D_LON,
		 JK_COORD_DMS);
	/* decimal comma in the seconds */
	COORD_OK("5\xc2\xb0" "28'16,3\"S 122\xc2\xb0" "36'48,1\"E", -la16_3,
		 lo48_1, f | JK_COORD_DECIMAL_COMMA);
	/* a Latin-1 degree sign left in a UTF-8 file */
	COORD_OK("5\xb0" "28'16\"S 122\xb0" "36'48\"E", -D_LAT, D_LON, f);
}
END_TEST

START_TEST(test_dms_bad)
{
	/* minutes and seconds must stay below 60 */
	COORD_BAD("5\xc2\xb0" "68'16\"S 122\xc2\xb0" "36'48\"E");
	COORD_BAD("5\xc2\xb0" "28'60\"S 122\xc2\xb0" "36'48\"E");
	COORD_BAD("S5 60.5 E122 36.806");
	/* two latitudes, letters that contradict a sign */
	COORD_BAD("5\xc2\xb0" "28'16\"S 5\xc2\xb0" "28'16\"S");
	COORD_BAD("5\xc2\xb0" "28'16\" LS 122\xc2\xb0" "36'48\" LU");
	COORD_BAD("-5\xc2\xb0" "28'16\"N 122\xc2\xb0" "36'48\"E");
	/* latitude letters on a value beyond 90: no swapping then */
	COORD_BAD("95\xc2\xb0" "28'16\"S 122\xc2\xb0" "36'48\"E");
	COORD_BAD("5\xc2\xb0" "28'16\"S 222\xc2\xb0" "36'48\"E");
	/* fractional degrees followed by minutes */
	COORD_BAD("5.5\xc2\xb0" "28'S 122\xc2\xb0" "36'E");
	/* marks out of order, a mark without a number */
	COORD_BAD("5'28\xc2\xb0" "16\"S 122\xc2\xb0" "36'48\"E");
	COORD_BAD("\xc2\xb0" "5 S 122 E");
	/* one component only, a third one */
	COORD_BAD("5\xc2\xb0" "28'16\"S");
	COORD_BAD("S5 28.271 E122 36.806 E");
	COORD_BAD("5\xc2\xb0" "28'16\"S 122\xc2\xb0" "36'48\"E 7\xc2\xb0");
	/* letters twice in a row */
	COORD_BAD("S S 5 28.271 E122 36.806");
	/* whole degrees only */
	COORD_BAD("S5\xc2\xb0 BT122\xc2\xb0");
	COORD_BAD("5\xc2\xb0S 122\xc2\xb0" "E");
	COORD_BAD("-5, 122");
}
END_TEST

START_TEST(test_ddm)
{
	const int f = JK_COORD_DDM | JK_COORD_HEMI;
	const double la = 5.0 + 28.271 / 60, lo = 122.0 + 36.806 / 60;

	COORD_OK("S5 28.271 E122 36.806", -la, lo, f);
	COORD_OK("S 5 28.271 E 122 36.806", -la, lo, f);
	COORD_OK("S 5\xc2\xb0" "28.271' E 122\xc2\xb0" "36.806'", -la, lo, f);
	COORD_OK("5\xc2\xb0" "28.271'S 122\xc2\xb0" "36.806'E", -la, lo, f);
	COORD_OK("s5 28.271, e122 36.806", -la, lo, f);
	COORD_OK("S5 28,271 E122 36,806", -la, lo,
		 f | JK_COORD_DECIMAL_COMMA);
	COORD_OK("S5 08.688 E122 53.532", -(5.0 + 8.688 / 60),
		 122.0 + 53.532 / 60, f);
	COORD_OK("E122 36.806 S5 28.271", -la, lo, f | JK_COORD_SWAPPED);
	COORD_OK("N1 02.500 W75 30.000", 1.0 + 2.5 / 60, -75.5, f);
}
END_TEST

START_TEST(test_decimal_hemi)
{
	const int h = JK_COORD_HEMI;

	COORD_OK("5.4712 S 122.6133 E", -5.4712, 122.6133, h);
	COORD_OK("S5.4712 E122.6133", -5.4712, 122.6133, h);
	COORD_OK("5.4712 LS, 122.6133 BT", -5.4712, 122.6133, h);
	COORD_OK("LS 5.4712 BT 122.6133", -5.4712, 122.6133, h);
	COORD_OK("5.4712\xc2\xb0 S, 122.6133\xc2\xb0 E", -5.4712, 122.6133,
		 h);
	COORD_OK("-5.4712\xc2\xb0, 122.6133\xc2\xb0", -5.4712, 122.6133, 0);
	COORD_OK("5,4712 LS; 122,6133 BT", -5.4712, 122.6133,
		 h | JK_COORD_DECIMAL_COMMA);
}
END_TEST

START_TEST(test_rejected)
{
	double la, lo;
	int fl;
	char why[160];

	ck_assert_int_eq(jk_coord_parse("-5.47.12 , 122.61.33", &la, &lo,
					&fl, why, sizeof why), -1);
	ck_assert_str_eq(why,
			 "'-5.47.12 , 122.61.33' is not a coordinate pair");
	ck_assert_int_eq(jk_coord_parse("-5.4712", &la, &lo, &fl, why,
					sizeof why), -1);
	ck_assert_str_eq(why,
			 "'-5.4712' is a single number, not a coordinate pair");
	COORD_BAD("lihat google maps");
	COORD_BAD("##########");
	COORD_BAD("122,6133.5,4712");
	COORD_BAD("-5.4712, 122.6133, 10");
	COORD_BAD("-5.4712,122.6133,10");
	COORD_BAD("-5.4712; 122.6133; 1");
	COORD_BAD("-5.4712,, 122.6133");
	COORD_BAD("-5.4712 , , 122.6133");
	COORD_BAD("- 5.4712, 122.6133");
	COORD_BAD(".5, 122.1");
	COORD_BAD("-5.4712 122.6133 7.1");
	COORD_BAD("-5.4712x, 122.6133");
	COORD_BAD("-5.4712, 122.6133 (gps)");
	COORD_BAD("5.4712S 122.6133X");
	COORD_BAD("S5.47.12 E122.61.33");
	COORD_BAD(",");
	COORD_BAD(";");
	COORD_BAD("-");
	COORD_BAD("-5,4712");
	COORD_BAD("1234567890123456.5, 122.1");
}
END_TEST

START_TEST(test_empty_and_outputs)
{
	double la = 99, lo = 99;
	int fl = 99;
	char why[8] = "x";
	char big[600];

	ck_assert_int_eq(jk_coord_parse("", &la, &lo, &fl, why, sizeof why),
			 1);
	ck_assert(la == 0 && lo == 0 && fl == 0 && why[0] == '\0');
	ck_assert_int_eq(jk_coord_parse("   \t ", &la, &lo, &fl, NULL, 0), 1);
	ck_assert_int_eq(jk_coord_parse(NULL, &la, &lo, &fl, NULL, 0), 1);
	ck_assert_int_eq(jk_coord_parse("\xc2\xa0", &la, &lo, &fl, NULL, 0),
			 1);
	/* optional outputs may be NULL */
	ck_assert_int_eq(jk_coord_parse("-5.4712, 122.6133", &la, &lo, NULL,
					NULL, 0), 0);
	ck_assert_int_eq(jk_coord_parse("-5.4712, 122.6133", NULL, NULL,
					NULL, NULL, 0), 0);
	ck_assert_int_eq(jk_coord_parse("junk", NULL, NULL, NULL, NULL, 0),
			 -1);
	/* a short reason buffer is cut, still terminated */
	ck_assert_int_eq(jk_coord_parse("lihat google maps", &la, &lo, &fl,
					why, sizeof why), -1);
	ck_assert_uint_eq(strlen(why), sizeof why - 1);
	/* overlong text is refused without overrun, the quote is cut */
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	{
		char w2[200];

		ck_assert_int_eq(jk_coord_parse(big, &la, &lo, &fl, w2,
						sizeof w2), -1);
		ck_assert(strstr(w2, "...'") != NULL);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* the field book */

typedef struct coord_stats {
	int rows, empty, matched, no_minus, zero, rejected_broken;
	int dms, ddm, swapped, dcomma;
	int failures;
} coord_stats;

#define REPORT_MAX 15

static void check_coord_file(const char *data, const char *truth,
			     const char *col, coord_stats *st)
{
	jk_csv d, t;
	char err[300];
	size_t r, ck, cl, clat, clon;

	memset(st, 0, sizeof *st);
	ck_assert_msg(jk_csv_load(&d, data, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(jk_csv_load(&t, truth, err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(d.nrows, t.nrows);
	ck_assert_uint_gt(d.nrows, 0);
	ck = jk_csv_col(&d, col);
	cl = jk_csv_col(&t, "labels");
	clat = jk_csv_col(&t, "coord_lat");
	clon = jk_csv_col(&t, "coord_lon");
	for (r = 0; r < d.nrows; r++) {
		const char *cell = jk_csv_cell(&d, r, ck);
		const char *labels = jk_csv_cell(&t, r, cl);
		const char *tlat = jk_csv_cell(&t, r, clat);
		double la, lo, want_la, want_lo;
		int fl, rc, bad = 0;
		char why[200] = "";

		st->rows++;
		rc = jk_coord_parse(cell, &la, &lo, &fl, why, sizeof why);
		if (cell[0] == '\0') {
			if (rc != 1 || tlat[0])
				bad = 1;
			else
				st->empty++;
		} else if (jk_csv_has_label(labels, "broken_coord")) {
			if (rc != -1 || !why[0] || tlat[0])
				bad = 1;
			else
				st->rejected_broken++;
		} else if (!tlat[0]) {
			bad = 1; /* filled, not broken, yet no truth */
		} else if (rc != 0) {
			bad = 1;
		} else {
			int want_fl = 0;

			want_la = atof(tlat);
			want_lo = atof(jk_csv_cell(&t, r, clon));
			if (jk_csv_has_label(labels, "coord_no_minus")) {
				/* written without the minus: we return it as
				 * written, positive */
				if (!(la > 0) || fabs(la - fabs(want_la)) > 1e-6)
					bad = 1;
				else
					st->no_minus++;
			} else if (fabs(la - want_la) > 1e-6) {
				bad = 1;
			}
			if (fabs(lo - want_lo) > 1e-6)
				bad = 1;
			if (jk_csv_has_label(labels, "coord_swapped"))
				want_fl |= JK_COORD_SWAPPED;
			if (jk_csv_has_label(labels, "coord_decimal_comma"))
				want_fl |= JK_COORD_DECIMAL_COMMA;
			if (jk_csv_has_label(labels, "coord_dms"))
				want_fl |= JK_COORD_DMS | JK_COORD_HEMI;
			if (jk_csv_has_label(labels, "coord_ddm"))
				want_fl |= JK_COORD_DDM | JK_COORD_HEMI;
			if (jk_csv_has_label(labels, "coord_zero"))
				want_fl |= JK_COORD_ZERO;
			if (fl != want_fl)
				bad = 1;
			if (!bad) {
				st->matched++;
				st->zero += (fl & JK_COORD_ZERO) != 0;
				st->dms += (fl & JK_COORD_DMS) != 0;
				st->ddm += (fl & JK_COORD_DDM) != 0;
				st->swapped += (fl & JK_COORD_SWAPPED) != 0;
				st->dcomma +=
					(fl & JK_COORD_DECIMAL_COMMA) != 0;
			}
		}
		if (bad) {
			if (st->failures < REPORT_MAX)
				fprintf(stderr,
					"%s row %zu: '%s' [%s] rc %d -> "
					"%.7f, %.7f flags 0x%x; truth %s, %s "
					"(%s)\n",
					col, r + 1, cell, labels, rc, la, lo,
					(unsigned)fl, tlat,
					jk_csv_cell(&t, r, clon), why);
			st->failures++;
		}
	}
	printf("%s: %d rows: %d empty (rc 1), %d parsed and matched "
	       "(%d of them DMS, %d DDM, %d swapped, %d decimal comma, "
	       "%d zero, %d no-minus by |lat|), %d broken rejected, "
	       "%d failures\n",
	       col, st->rows, st->empty, st->matched, st->dms, st->ddm,
	       st->swapped, st->dcomma, st->zero, st->no_minus,
	       st->rejected_broken, st->failures);
	jk_csv_release(&d);
	jk_csv_release(&t);
}

START_TEST(test_fieldbook_sites)
{
	coord_stats st;

	check_coord_file(FIELDBOOK "sites_bapas_baubau.csv",
			 FIELDBOOK "truth_sites_bapas_baubau.csv", "koordinat",
			 &st);
	ck_assert_int_eq(st.failures, 0);
	/* every row is accounted for, and the data really exercise the
	 * formats (guards against an empty or truncated file) */
	ck_assert_int_eq(st.empty + st.matched + st.rejected_broken,
			 st.rows);
	ck_assert_int_gt(st.matched, 900);
	ck_assert_int_gt(st.dms, 0);
	ck_assert_int_gt(st.ddm, 0);
	ck_assert_int_gt(st.swapped, 0);
	ck_assert_int_gt(st.dcomma, 0);
	ck_assert_int_gt(st.zero, 0);
	ck_assert_int_gt(st.no_minus, 0);
	ck_assert_int_gt(st.rejected_broken, 0);
}
END_TEST

START_TEST(test_fieldbook_clients)
{
	coord_stats st;

	check_coord_file(FIELDBOOK "clients_bapas_baubau.csv",
			 FIELDBOOK "truth_clients_bapas_baubau.csv",
			 "koordinat_rumah", &st);
	ck_assert_int_eq(st.failures, 0);
	ck_assert_int_eq(st.empty + st.matched + st.rejected_broken,
			 st.rows);
	ck_assert_int_gt(st.matched, 50);
}
END_TEST

static Suite *coord_suite(void)
{
	Suite *s = suite_create("coord");
	TCase *tc = tcase_create("formats");
	TCase *tf = tcase_create("fieldbook");

	tcase_add_test(tc, test_decimal_separators);
	tcase_add_test(tc, test_decimal_comma);
	tcase_add_test(tc, test_links_and_slash);
	tcase_add_test(tc, test_swapped_and_ranges);
	tcase_add_test(tc, test_zero);
	tcase_add_test(tc, test_dms);
	tcase_add_test(tc, test_dms_bad);
	tcase_add_test(tc, test_ddm);
	tcase_add_test(tc, test_decimal_hemi);
	tcase_add_test(tc, test_rejected);
	tcase_add_test(tc, test_empty_and_outputs);
	suite_add_tcase(s, tc);
	tcase_set_timeout(tf, 60);
	tcase_add_test(tf, test_fieldbook_sites);
	tcase_add_test(tf, test_fieldbook_clients);
	suite_add_tcase(s, tf);
	return s;
}

int main(void)
{
	return jk_test_main(coord_suite());
}
