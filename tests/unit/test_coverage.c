/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the coverage rules (the mode of a run, what is within
 * reach, the status of a village) and of the geodesic nearest search,
 * the latter against a brute-force scan with PROJ's geodesic routines.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/coverage_int.h"
#include "analyse/reach.h"
#include "fixture.h"

START_TEST(classify_rules)
{
	/* a ready site inside wins whatever else */
	ck_assert_int_eq(jk_cov_classify(1, 0, 1), JK_COV_COVERED);
	ck_assert_int_eq(jk_cov_classify(1, 0, 0), JK_COV_COVERED);
	ck_assert_int_eq(jk_cov_classify(2, 3, 0), JK_COV_COVERED);
	/* none inside, the nearest ready site within reach */
	ck_assert_int_eq(jk_cov_classify(0, 0, 1), JK_COV_REACHABLE);
	ck_assert_int_eq(jk_cov_classify(0, 1, 1), JK_COV_REACHABLE);
	/* out of reach, a not-ready site inside */
	ck_assert_int_eq(jk_cov_classify(0, 1, 0), JK_COV_PENDING);
	ck_assert_int_eq(jk_cov_classify(0, 2, 0), JK_COV_PENDING);
	/* nothing */
	ck_assert_int_eq(jk_cov_classify(0, 0, 0), JK_COV_GAP);
	ck_assert_str_eq(jk_cov_status_name(JK_COV_COVERED), "covered");
	ck_assert_str_eq(jk_cov_status_name(JK_COV_REACHABLE), "reachable");
	ck_assert_str_eq(jk_cov_status_name(JK_COV_PENDING), "pending");
	ck_assert_str_eq(jk_cov_status_name(JK_COV_GAP), "gap");
	ck_assert_str_eq(jk_cov_status_name(-1), "gap");
	ck_assert_str_eq(jk_cov_status_name(4), "gap");
}
END_TEST

/* The mode of a run from its options, as the CLI passes them (0: not
 * given). */
static jk_cov_mode mode_of(int by_road, double radius_km, double max_minutes)
{
	jk_coverage_opts o;
	jk_cov_mode m;

	memset(&o, 0, sizeof o);
	o.by_road = by_road;
	o.radius_km = radius_km;
	o.max_minutes = max_minutes;
	jk_cov_mode_init(&m, &o);
	return m;
}

START_TEST(mode_defaults)
{
	jk_cov_mode m = mode_of(0, 0, 0);

	/* straight line: 5 km unless given, never a time limit */
	ck_assert_int_eq(m.by_road, 0);
	ck_assert_double_eq(m.radius_km, 5.0);
	ck_assert_double_eq(m.max_minutes, 0.0);
	m = mode_of(0, 2.7, 0);
	ck_assert_double_eq(m.radius_km, 2.7);
	ck_assert_double_eq(m.max_minutes, 0.0);
	/* by road: 30 minutes and no distance limit unless given */
	m = mode_of(1, 0, 0);
	ck_assert_int_eq(m.by_road, 1);
	ck_assert_double_eq(m.radius_km, 0.0);
	ck_assert_double_eq(m.max_minutes, 30.0);
	m = mode_of(1, 0, 45);
	ck_assert_double_eq(m.radius_km, 0.0);
	ck_assert_double_eq(m.max_minutes, 45.0);
	/* by road with road km only: no time limit then */
	m = mode_of(1, 8, 0);
	ck_assert_double_eq(m.radius_km, 8.0);
	ck_assert_double_eq(m.max_minutes, 0.0);
	m = mode_of(1, 8, 20);
	ck_assert_double_eq(m.radius_km, 8.0);
	ck_assert_double_eq(m.max_minutes, 20.0);
}
END_TEST

static int within(const jk_cov_mode *m, int reach, double km, double min)
{
	jk_reach_trip t;

	t.reach = reach;
	t.idx = 0;
	t.km = km;
	t.min = min;
	return jk_cov_within(m, &t);
}

START_TEST(within_straight)
{
	jk_cov_mode m = mode_of(0, 0, 0); /* 5 km */

	/* the radius is inclusive */
	ck_assert_int_eq(within(&m, JK_REACH_OK, 0.0, -1), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 4.99, -1), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 5.0, -1), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 5.0001, -1), 0);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 7.5, -1), 0);
	/* a trip with a time (by road or not) is judged by distance only */
	m.max_minutes = 30;
	ck_assert_int_eq(within(&m, JK_REACH_OK, 4.0, 90), 1);
	/* no site reached: never within, however near the numbers say */
	m = mode_of(0, 0, 0);
	ck_assert_int_eq(within(&m, JK_REACH_UNREACHABLE, 0.0, -1), 0);
	ck_assert_int_eq(within(&m, JK_REACH_OFF_NETWORK, 0.0, -1), 0);
}
END_TEST

START_TEST(within_by_road)
{
	jk_cov_mode m = mode_of(1, 0, 0); /* 30 minutes, any distance */

	/* the time limit is inclusive; distance does not matter */
	ck_assert_int_eq(within(&m, JK_REACH_OK, 0.5, 0.0), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 120.0, 30.0), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 1.0, 30.01), 0);
	/* off the network or unreachable: never within */
	ck_assert_int_eq(within(&m, JK_REACH_OFF_NETWORK, 0.0, 0.0), 0);
	ck_assert_int_eq(within(&m, JK_REACH_UNREACHABLE, 0.0, 0.0), 0);

	/* road km only: any time */
	m = mode_of(1, 8, 0);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 8.0, 500.0), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 8.01, 1.0), 0);

	/* both: each must hold */
	m = mode_of(1, 8, 20);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 8.0, 20.0), 1);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 8.01, 10.0), 0);
	ck_assert_int_eq(within(&m, JK_REACH_OK, 3.0, 20.01), 0);
	ck_assert_int_eq(within(&m, JK_REACH_UNREACHABLE, 3.0, 10.0), 0);
}
END_TEST

START_TEST(geodesic_known_distance)
{
	/* Kota Baubau to Kendari, about 164 km; equator degree 111.319 km */
	double d = jk_geodesic_km(1.0, 0.0, 0.0, 0.0);

	ck_assert_double_eq_tol(d, 111.3195, 1e-3);
	d = jk_geodesic_km(122.6, -5.47, 122.51, -3.97);
	ck_assert(d > 160 && d < 170);
}
END_TEST

static double unif(uint64_t *s, double a, double b)
{
	return a + (b - a) * (double)(jk_test_rng(s) >> 11) / 9007199254740992.0;
}

START_TEST(nearest_matches_brute_force)
{
	enum { N = 3000, Q = 2000 };
	double *lon = malloc(N * sizeof *lon), *lat = malloc(N * sizeof *lat);
	uint64_t s = 42;
	jk_reach *r;
	int i, j;

	/* Indonesia-wide spread plus clusters of identical points (sites at
	 * one village point) */
	for (i = 0; i < N; i++) {
		if (i % 10 == 0 && i > 0) {
			lon[i] = lon[i - 1];
			lat[i] = lat[i - 1];
		} else {
			lon[i] = unif(&s, 95, 141);
			lat[i] = unif(&s, -11, 6);
		}
	}
	r = jk_reach_geodesic_create(lon, lat, N);
	ck_assert_ptr_nonnull(r);
	for (j = 0; j < Q; j++) {
		double qx = unif(&s, 94, 142), qy = unif(&s, -12, 7), km, best = INFINITY;
		size_t idx;

		ck_assert_int_eq(jk_reach_nearest(r, qx, qy, &idx, &km), 0);
		for (i = 0; i < N; i++) {
			double d = jk_geodesic_km(qx, qy, lon[i], lat[i]);

			if (d < best)
				best = d;
		}
		ck_assert_double_eq_tol(km, best, 1e-9);
		ck_assert_double_eq_tol(jk_geodesic_km(qx, qy, lon[idx], lat[idx]), best, 1e-9);
	}
	jk_reach_destroy(r);
	free(lon);
	free(lat);
}
END_TEST

START_TEST(nearest_empty_and_single)
{
	double lon = 122.6, lat = -5.47;
	jk_reach *r = jk_reach_geodesic_create(NULL, NULL, 0);
	size_t idx = 99;
	double km = -1;

	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(jk_reach_nearest(r, 0, 0, &idx, &km), -1);
	jk_reach_destroy(r);
	r = jk_reach_geodesic_create(&lon, &lat, 1);
	ck_assert_int_eq(jk_reach_nearest(r, 122.6, -5.47, &idx, &km), 0);
	ck_assert_uint_eq(idx, 0);
	ck_assert_double_eq_tol(km, 0.0, 1e-12);
	jk_reach_destroy(r);
	jk_reach_destroy(NULL);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("coverage");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, classify_rules);
	tcase_add_test(tc, mode_defaults);
	tcase_add_test(tc, within_straight);
	tcase_add_test(tc, within_by_road);
	tcase_add_test(tc, geodesic_known_distance);
	tcase_add_test(tc, nearest_matches_brute_force);
	tcase_add_test(tc, nearest_empty_and_single);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(suite());
}
