/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the routing room (src/roads): profiles, network building,
 * snapping, the multi-source search and paths, on small hand-made
 * networks near the equator (0.001 degree of longitude there is 111.32 m),
 * plus a random grid checked against one search per destination.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "analyse/reach.h"
#include "import/import_int.h"
#include "roads/roads_int.h"
#include "analyse/road_layers.h"

/* residential 36 km/h = 10 m/s; access 3.6 km/h = 1 m/s */
static const char *const prof_text =
	"class,kmh,allowed,oneway,wait_min\n"
	"# test profile\n"
	"residential,36,yes,yes\n"
	"slow,10,yes,yes\n"
	"fast,100,yes,yes\n"
	"footway,5,no,no\n"
	"Jalan Tol*,72,yes,yes\n"
	"ferry,18,yes,,15\n"
	"access,3.6,yes\n";

static jk_scratch sc;
static jk_ctx *ctx;
static jk_profile *prof;
static jk_roadnet *net;

static void setup(void)
{
	char path[512];

	jk_scratch_init(&sc, "roads");
	ctx = jk_ctx_create();
	ck_assert_ptr_nonnull(ctx);
	jk_ctx_set_log(ctx, jk_scratch_log, &sc);
	jk_scratch_write(&sc, "p.csv", prof_text, path, sizeof path);
	ck_assert_int_eq(jk_profile_load(ctx, path, &prof), JK_OK);
	net = jk_roadnet_create();
	ck_assert_ptr_nonnull(net);
}

static void teardown(void)
{
	jk_roadnet_destroy(net);
	jk_profile_destroy(prof);
	jk_ctx_destroy(ctx);
	jk_scratch_release(&sc);
}

/* Adds a straight line of two or three vertices. */
static void line3(double x0, double y0, double x1, double y1, double x2,
		  double y2, int n, const char *cls, int oneway, int ferry,
		  double dur_s)
{
	double lon[3] = {x0, x1, x2}, lat[3] = {y0, y1, y2};
	jk_road_line l = {lon, lat, (size_t)n, cls, oneway, 0, ferry, dur_s};

	ck_assert_int_eq(jk_roadnet_add_line(ctx, net, &l), JK_OK);
}

static void line(double x0, double y0, double x1, double y1, const char *cls,
		 int oneway)
{
	line3(x0, y0, x1, y1, 0, 0, 2, cls, oneway, 0, 0);
}

static jk_graph *build(int ignore_oneway)
{
	jk_graph_opts o = {ignore_oneway};
	jk_graph *g = NULL;

	ck_assert_int_eq(jk_graph_build(ctx, net, prof, &o, &g), JK_OK);
	return g;
}

/* Travel from (ox, oy) to the nearest of n destinations. */
static jk_travel travel(const jk_graph *g, double ox, double oy,
			const double *dx, const double *dy, size_t n,
			int by_distance)
{
	jk_snap d[8], o;
	jk_search *s = NULL;
	jk_travel t;
	size_t i;

	ck_assert(n <= 8);
	for (i = 0; i < n; i++)
		jk_graph_snap(g, dx[i], dy[i], 0, &d[i]);
	ck_assert_int_eq(jk_search_run(ctx, g, d, n, by_distance, &s), JK_OK);
	jk_graph_snap(g, ox, oy, 0, &o);
	jk_search_query(s, &o, &t);
	jk_search_destroy(s);
	return t;
}

static double seg_m(double x0, double y0, double x1, double y1)
{
	return jk_geodesic_km(x0, y0, x1, y1) * 1000.0;
}

START_TEST(profile_rows)
{
	double kmh;
	int ow;

	ck_assert_int_eq(jk_profile_class(prof, "residential", &kmh, &ow), 1);
	ck_assert_double_eq(kmh, 36);
	ck_assert_int_eq(ow, 1);
	ck_assert_int_eq(jk_profile_class(prof, "RESIDENTIAL", &kmh, &ow), 1);
	ck_assert_int_eq(jk_profile_class(prof, "footway", &kmh, &ow), 0);
	ck_assert_int_eq(jk_profile_class(prof, "motorway", &kmh, &ow), 0);
	ck_assert_int_eq(jk_profile_class(prof, "Jalan Tol (Dua Jalur)", &kmh, &ow), 1);
	ck_assert_double_eq(kmh, 72);
	ck_assert_int_eq(prof->ferry_allowed, 1);
	ck_assert_double_eq(prof->ferry_kmh, 18);
	ck_assert_double_eq(prof->ferry_wait_min, 15);
	ck_assert_double_eq(prof->access_kmh, 3.6);
}
END_TEST

START_TEST(profile_errors)
{
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{"class,kmh,allowed,oneway\nprimary,fast,yes,yes\naccess,5\n",
		 "bad.csv:2: kmh: 'fast' is not a positive speed"},
		{"class,kmh,allowed,oneway\nprimary,40,perhaps,yes\naccess,5\n",
		 "bad.csv:2: allowed: 'perhaps' is not yes or no"},
		{"class,kmh,allowed,oneway\n# c\nprimary,40,yes,maybe\naccess,5\n",
		 "bad.csv:3: oneway: 'maybe' is not yes or no"},
		{"class,kmh,allowed,oneway\nprimary,40,yes,yes\n",
		 "bad.csv: access: missing row"},
		{"klass,kmh\nprimary,40\n", "bad.csv:1: header:"},
		{"class,kmh,allowed,oneway,wait_min\nprimary,40,yes,yes,5\naccess,5\n",
		 "bad.csv:2: wait_min: applies to the 'ferry' row only"},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char path[512];
		jk_profile *p = (jk_profile *)1;

		jk_scratch_write(&sc, "bad.csv", bad[i].text, path, sizeof path);
		ck_assert_int_eq(jk_profile_load(ctx, path, &p), JK_ERR_FORMAT);
		ck_assert_ptr_null(p);
		ck_assert_msg(strstr(jk_ctx_errmsg(ctx), bad[i].msg),
			      "case %zu: '%s' lacks '%s'", i, jk_ctx_errmsg(ctx), bad[i].msg);
	}
}
END_TEST

START_TEST(lines_split_at_shared_vertices)
{
	/* a cross: two lines sharing their middle vertex, and a third line
	 * touching the first at its end */
	line3(0, 0, 0.001, 0, 0.002, 0, 3, "residential", 0, 0, 0);
	line3(0.001, -0.001, 0.001, 0, 0.001, 0.001, 3, "residential", 0, 0, 0);
	line(0.002, 0, 0.003, 0, "residential", 0);
	ck_assert_uint_eq(jk_roadnet_nodes(net), 6);
	ck_assert_uint_eq(jk_roadnet_segs(net), 5);
	ck_assert_uint_eq(jk_roadnet_components(net), 1);
	/* a separate line: two components */
	line(1, 1, 1.001, 1, "residential", 0);
	ck_assert_uint_eq(jk_roadnet_components(net), 2);
	ck_assert_double_eq_tol(net->seg[0].len_m, 111.3195, 1e-3);
}
END_TEST

START_TEST(oneway_obeyed)
{
	jk_graph *g;
	jk_travel t;
	double ax = 0, bx = 0.01, cy = 0.005;
	double direct = seg_m(ax, 0, bx, 0);
	double detour = seg_m(ax, 0, 0.005, cy) + seg_m(0.005, cy, bx, 0);

	line(ax, 0, bx, 0, "residential", 1); /* A -> B only */
	line3(ax, 0, 0.005, cy, bx, 0, 3, "residential", 0, 0, 0);
	g = build(0);
	/* A to B: the one-way street */
	t = travel(g, ax, 0, &bx, (double[]){0}, 1, 1);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	ck_assert_double_eq_tol(t.km * 1000, direct, 1e-5);
	ck_assert_double_eq_tol(t.min * 60, direct / 10.0, 1e-5);
	/* B to A: around */
	t = travel(g, bx, 0, &ax, (double[]){0}, 1, 1);
	ck_assert_double_eq_tol(t.km * 1000, detour, 1e-5);
	jk_graph_destroy(g);
	/* ignoring one-way tags, straight back */
	g = build(1);
	t = travel(g, bx, 0, &ax, (double[]){0}, 1, 1);
	ck_assert_double_eq_tol(t.km * 1000, direct, 1e-5);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(oneway_reverse_tag)
{
	jk_graph *g;
	jk_travel t;
	double zero = 0, bx = 0.01;

	line(0, 0, bx, 0, "residential", -1); /* B -> A only */
	g = build(0);
	t = travel(g, 0, 0, &bx, &zero, 1, 1);
	ck_assert_int_eq(t.reach, JK_REACH_UNREACHABLE);
	t = travel(g, bx, 0, &zero, &zero, 1, 1);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	jk_graph_destroy(g);
}
END_TEST

/* Mainland road M0-M1, ferry M1-I0, island road I0-I1. */
static void island(int with_ferry, double dur_s)
{
	line(0, 0, 0.01, 0, "residential", 0);
	if (with_ferry)
		line3(0.01, 0, 0.02, 0.01, 0.03, 0.02, 3, "ferry", 0, 1, dur_s);
	line(0.03, 0.02, 0.04, 0.02, "residential", 0);
}

START_TEST(ferry_with_duration)
{
	jk_graph *g;
	jk_travel t;
	double dx = 0, dy = 0;
	double road = seg_m(0, 0, 0.01, 0) + seg_m(0.03, 0.02, 0.04, 0.02);
	double sea = seg_m(0.01, 0, 0.02, 0.01) + seg_m(0.02, 0.01, 0.03, 0.02);

	island(1, 40 * 60);
	g = build(0);
	t = travel(g, 0.04, 0.02, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	ck_assert_double_eq_tol(t.km * 1000, road + sea, 1e-5);
	/* roads at 10 m/s, the 40 min crossing, one 15 min wait (the
	 * middle vertex of the crossing is not a terminal) */
	ck_assert_double_eq_tol(t.min, road / 10.0 / 60 + 40 + 15, 1e-5);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(ferry_from_speed)
{
	jk_graph *g;
	jk_travel t;
	double dx = 0, dy = 0;
	double road = seg_m(0, 0, 0.01, 0) + seg_m(0.03, 0.02, 0.04, 0.02);
	double sea = seg_m(0.01, 0, 0.02, 0.01) + seg_m(0.02, 0.01, 0.03, 0.02);

	island(1, 0);
	g = build(0);
	t = travel(g, 0.04, 0.02, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	/* 18 km/h = 5 m/s on the water */
	ck_assert_double_eq_tol(t.min, road / 10.0 / 60 + sea / 5.0 / 60 + 15, 1e-5);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(islands_without_ferry_unreachable)
{
	jk_graph *g;
	jk_travel t;
	double dx = 0, dy = 0;

	island(0, 0);
	g = build(0);
	t = travel(g, 0.04, 0.02, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_UNREACHABLE);
	/* on the same island: fine */
	t = travel(g, 0.01, 0, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(ferry_closed_by_profile)
{
	char path[512];
	jk_profile *p2 = NULL;
	jk_graph *g = NULL;
	jk_snap d, o;
	jk_search *s = NULL;
	jk_travel t;

	jk_scratch_write(&sc, "noferry.csv",
			 "class,kmh,allowed,oneway,wait_min\nresidential,36,yes,yes\n"
			 "ferry,18,no,,15\naccess,3.6,yes\n", path, sizeof path);
	ck_assert_int_eq(jk_profile_load(ctx, path, &p2), JK_OK);
	island(1, 0);
	ck_assert_int_eq(jk_graph_build(ctx, net, p2, NULL, &g), JK_OK);
	jk_graph_snap(g, 0, 0, 0, &d);
	ck_assert_int_eq(jk_search_run(ctx, g, &d, 1, 0, &s), JK_OK);
	jk_graph_snap(g, 0.04, 0.02, 0, &o);
	jk_search_query(s, &o, &t);
	ck_assert_int_eq(t.reach, JK_REACH_UNREACHABLE);
	jk_search_destroy(s);
	jk_graph_destroy(g);
	jk_profile_destroy(p2);
}
END_TEST

START_TEST(snap_middle_of_edge)
{
	jk_graph *g;
	jk_snap s;
	jk_travel t;
	double dx = 0, dy = 0;
	double half = seg_m(0, 0, 0.005, 0), off = seg_m(0.005, 0, 0.005, 0.001);

	line(0, 0, 0.01, 0, "residential", 0);
	line(0.01, 0, 0.02, 0, "residential", 0);
	g = build(0);
	jk_graph_snap(g, 0.005, 0.001, 0, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OK);
	ck_assert_uint_eq(s.seg, 0);
	ck_assert_double_eq_tol(s.t, 0.5, 1e-9);
	ck_assert_double_eq_tol(s.lon, 0.005, 1e-12);
	ck_assert_double_eq_tol(s.lat, 0, 1e-12);
	ck_assert_double_eq_tol(s.access_m, off, 1e-5);
	/* travel: the access leg at 1 m/s, half the segment at 10 m/s */
	t = travel(g, 0.005, 0.001, &dx, &dy, 1, 0);
	ck_assert_double_eq_tol(t.km * 1000, off + half, 1e-5);
	ck_assert_double_eq_tol(t.min * 60, off / 1.0 + half / 10.0, 1e-5);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(same_segment_origin_and_destination)
{
	jk_graph *g;
	jk_travel t;
	double dx = 0.008, dy = 0;

	line(0, 0, 0.01, 0, "residential", 0);
	g = build(0);
	t = travel(g, 0.002, 0, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	ck_assert_double_eq_tol(t.km * 1000, seg_m(0.002, 0, 0.008, 0), 1e-3);
	jk_graph_destroy(g);
	/* one-way against the direction: round the block is impossible */
	jk_roadnet_destroy(net);
	net = jk_roadnet_create();
	line(0, 0, 0.01, 0, "residential", -1);
	g = build(0);
	t = travel(g, 0.002, 0, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_UNREACHABLE);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(off_network)
{
	jk_graph *g;
	jk_snap s;
	jk_travel t;
	double dx = 0, dy = 0;

	line(0, 0, 0.01, 0, "residential", 0);
	g = build(0);
	/* 0.02 degree north: 2.2 km, beyond the default 1 km */
	jk_graph_snap(g, 0.005, 0.02, 0, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OFF_NETWORK);
	t = travel(g, 0.005, 0.02, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_OFF_NETWORK);
	/* within a wider limit */
	jk_graph_snap(g, 0.005, 0.02, 3000, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OK);
	/* 0.0085 degree: 940 m, inside */
	jk_graph_snap(g, 0.005, 0.0085, 0, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OK);
	/* footways are closed in the profile: nothing to snap to */
	jk_graph_destroy(g);
	jk_roadnet_destroy(net);
	net = jk_roadnet_create();
	line(0, 0, 0.01, 0, "footway", 0);
	g = build(0);
	jk_graph_snap(g, 0.005, 0.0001, 0, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OFF_NETWORK);
	jk_graph_destroy(g);
}
END_TEST

/* A fragment (a stub of road connected to nothing) nearest to a point
 * loses to a real network within the snap distance; alone, it keeps the
 * point (which is then unreachable). */
START_TEST(snap_prefers_network_to_fragment)
{
	double lon[60], lat[60];
	jk_road_line l = {lon, lat, 60, "residential", 0, 0, 0, 0};
	jk_graph *g;
	jk_snap s;
	jk_travel t;
	double dx = 0, dy = 0;
	int i;

	for (i = 0; i < 60; i++) {
		lon[i] = i * 0.0005;
		lat[i] = 0;
	}
	ck_assert_int_eq(jk_roadnet_add_line(ctx, net, &l), JK_OK);
	line(0.01, 0.001, 0.011, 0.001, "residential", 0); /* the stub, 111 m north */
	line(0.05, 0.05, 0.051, 0.05, "residential", 0);   /* a stub far away */
	g = build(0);
	/* 11 m from the stub, 100 m from the network */
	jk_graph_snap(g, 0.0105, 0.0009, 0, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OK);
	ck_assert_double_eq_tol(s.lat, 0, 1e-12);
	t = travel(g, 0.0105, 0.0009, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_OK);
	/* near the far stub only */
	jk_graph_snap(g, 0.0505, 0.0501, 0, &s);
	ck_assert_int_eq(s.reach, JK_REACH_OK);
	ck_assert_double_eq_tol(s.lat, 0.05, 1e-12);
	t = travel(g, 0.0505, 0.0501, &dx, &dy, 1, 0);
	ck_assert_int_eq(t.reach, JK_REACH_UNREACHABLE);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(ties_go_to_lower_index)
{
	jk_graph *g;
	jk_travel t;
	double dx[2] = {0, 0.02}, dy[2] = {0, 0};
	double rx[2] = {0.02, 0};

	line(0, 0, 0.01, 0, "residential", 0);
	line(0.01, 0, 0.02, 0, "residential", 0);
	g = build(0);
	t = travel(g, 0.01, 0, dx, dy, 2, 0);
	ck_assert_uint_eq(t.dest, 0);
	t = travel(g, 0.01, 0, rx, dy, 2, 0);
	ck_assert_uint_eq(t.dest, 0);
	ck_assert_double_eq_tol(t.km * 1000, seg_m(0, 0, 0.01, 0), 1e-5);
	/* a little closer to the second: it wins */
	t = travel(g, 0.0101, 0, dx, dy, 2, 0);
	ck_assert_uint_eq(t.dest, 1);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(time_and_distance_choose_differently)
{
	jk_graph *g;
	jk_travel tt, td;
	double dx = 0.01, dy = 0;
	double direct = seg_m(0, 0, 0.01, 0);
	double detour = seg_m(0, 0, 0.005, 0.004) + seg_m(0.005, 0.004, 0.01, 0);

	line(0, 0, 0.01, 0, "slow", 0);
	line3(0, 0, 0.005, 0.004, 0.01, 0, 3, "fast", 0, 0, 0);
	g = build(0);
	tt = travel(g, 0, 0, &dx, &dy, 1, 0);
	td = travel(g, 0, 0, &dx, &dy, 1, 1);
	ck_assert_double_eq_tol(tt.km * 1000, detour, 1e-5);
	ck_assert_double_eq_tol(tt.min * 60, detour / (100 / 3.6), 1e-5);
	ck_assert_double_eq_tol(td.km * 1000, direct, 1e-5);
	ck_assert_double_eq_tol(td.min * 60, direct / (10 / 3.6), 1e-5);
	ck_assert(tt.min < td.min && td.km < tt.km);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(maxspeed_caps_class_speed)
{
	double lon[2] = {0, 0.01}, lat[2] = {0, 0};
	jk_road_line l = {lon, lat, 2, "fast", 0, 20, 0, 0};
	jk_graph *g;
	jk_travel t;
	double dx = 0, dy = 0;

	ck_assert_int_eq(jk_roadnet_add_line(ctx, net, &l), JK_OK);
	g = build(0);
	t = travel(g, 0.01, 0, &dx, &dy, 1, 0);
	ck_assert_double_eq_tol(t.min * 60, seg_m(0, 0, 0.01, 0) / (20 / 3.6), 1e-5);
	jk_graph_destroy(g);
}
END_TEST

START_TEST(path_follows_roads)
{
	jk_graph *g;
	jk_snap d, o;
	jk_search *s = NULL;
	double *x = NULL, *y = NULL;
	size_t n = 0;

	line3(0, 0, 0.01, 0, 0.02, 0, 3, "residential", 0, 0, 0);
	line(0.02, 0, 0.02, 0.01, "residential", 0);
	g = build(0);
	jk_graph_snap(g, 0.02, 0.005, 0, &d);
	jk_graph_snap(g, 0.005, 0.0001, 0, &o);
	ck_assert_int_eq(jk_search_run(ctx, g, &d, 1, 0, &s), JK_OK);
	ck_assert_int_eq(jk_search_path(ctx, s, &o, &x, &y, &n), JK_OK);
	/* snapped origin, (0.01,0), (0.02,0), snapped destination */
	ck_assert_uint_eq(n, 4);
	ck_assert_double_eq_tol(x[0], 0.005, 1e-12);
	ck_assert_double_eq(x[1], 0.01);
	ck_assert_double_eq(x[2], 0.02);
	ck_assert_double_eq_tol(y[3], 0.005, 1e-12);
	free(x);
	free(y);
	jk_search_destroy(s);
	jk_graph_destroy(g);
}
END_TEST

/* A 30x30 grid of streets with random classes and one-way tags: the
 * nearest of 12 destinations by the multi-source search equals the best
 * of one search per destination. */
START_TEST(multi_source_equals_single_searches)
{
	enum { N = 30, D = 8, Q = 300 };
	static const char *const cls[3] = {"residential", "slow", "fast"};
	uint64_t seed = 7;
	jk_graph *g;
	jk_snap d[D];
	jk_search *all = NULL, *one[D];
	int i, j, q, by;

	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			double x = i * 0.002, y = j * 0.002;

			if (i + 1 < N && jk_test_rng(&seed) % 10)
				line(x, y, x + 0.002, y, cls[jk_test_rng(&seed) % 3], (int)(jk_test_rng(&seed) % 3) - 1);
			if (j + 1 < N && jk_test_rng(&seed) % 10)
				line(x, y, x, y + 0.002, cls[jk_test_rng(&seed) % 3], (int)(jk_test_rng(&seed) % 3) - 1);
		}
	g = build(0);
	for (by = 0; by < 2; by++) {
		for (i = 0; i < D; i++)
			jk_graph_snap(g, (double)(jk_test_rng(&seed) % 58000) / 1e6,
				      (double)(jk_test_rng(&seed) % 58000) / 1e6, 0, &d[i]);
		ck_assert_int_eq(jk_search_run(ctx, g, d, D, by, &all), JK_OK);
		for (i = 0; i < D; i++)
			ck_assert_int_eq(jk_search_run(ctx, g, &d[i], 1, by, &one[i]), JK_OK);
		for (q = 0; q < Q; q++) {
			jk_snap o;
			jk_travel t, u;
			double best = INFINITY;

			jk_graph_snap(g, (double)(jk_test_rng(&seed) % 58000) / 1e6,
				      (double)(jk_test_rng(&seed) % 58000) / 1e6, 0, &o);
			jk_search_query(all, &o, &t);
			for (i = 0; i < D; i++) {
				jk_search_query(one[i], &o, &u);
				if (u.reach == JK_REACH_OK && (by ? u.km : u.min) < best)
					best = by ? u.km : u.min;
			}
			if (!isfinite(best)) {
				ck_assert_int_eq(t.reach, JK_REACH_UNREACHABLE);
				continue;
			}
			ck_assert_int_eq(t.reach, JK_REACH_OK);
			ck_assert_double_eq_tol(by ? t.km : t.min, best, 1e-9);
		}
		jk_search_destroy(all);
		for (i = 0; i < D; i++)
			jk_search_destroy(one[i]);
	}
	jk_graph_destroy(g);
}
END_TEST

START_TEST(osm_tag_values)
{
	const char *tags = "\"description\"=>\"2\\\"x\",\"duration\"=>\"00:03\","
			   "\"oneway\"=>\"-1\",\"route\"=>\"ferry\"";
	char v[32];

	ck_assert_int_eq(jk_roads_tag(tags, "route", v, sizeof v), 0);
	ck_assert_str_eq(v, "ferry");
	ck_assert_int_eq(jk_roads_tag(tags, "description", v, sizeof v), 0);
	ck_assert_str_eq(v, "2\"x");
	ck_assert_int_eq(jk_roads_tag(tags, "duration", v, sizeof v), 0);
	ck_assert_double_eq(jk_roads_parse_duration(v), 180);
	ck_assert_int_eq(jk_roads_tag(tags, "oneway", v, sizeof v), 0);
	ck_assert_int_eq(jk_roads_parse_oneway(v), -1);
	ck_assert_int_ne(jk_roads_tag(tags, "rout", v, sizeof v), 0);
	ck_assert_int_ne(jk_roads_tag(tags, "ferry", v, sizeof v), 0);
	ck_assert_int_ne(jk_roads_tag(NULL, "route", v, sizeof v), 0);
	ck_assert_int_eq(jk_roads_parse_oneway("yes"), 1);
	ck_assert_int_eq(jk_roads_parse_oneway("1"), 1);
	ck_assert_int_eq(jk_roads_parse_oneway("true"), 1);
	ck_assert_int_eq(jk_roads_parse_oneway("no"), 0);
	ck_assert_int_eq(jk_roads_parse_oneway(NULL), 0);
	ck_assert_double_eq(jk_roads_parse_speed("50"), 50);
	ck_assert_double_eq(jk_roads_parse_speed("60 km/h"), 60);
	ck_assert_double_eq_tol(jk_roads_parse_speed("30 mph"), 48.28, 0.01);
	ck_assert_double_eq(jk_roads_parse_speed("signals"), 0);
	ck_assert_double_eq(jk_roads_parse_speed("none"), 0);
	ck_assert_double_eq(jk_roads_parse_duration("1:30"), 5400);
	ck_assert_double_eq(jk_roads_parse_duration("01:30:15"), 5415);
	ck_assert_double_eq(jk_roads_parse_duration("45"), 2700);
	ck_assert_double_eq(jk_roads_parse_duration("soon"), 0);
}
END_TEST

/* The ring search of the snap grid finds what a scan of every segment
 * finds, with random points near and far from a jittered street grid
 * (all its streets form one component, so the fragment rule stays out). */
START_TEST(snap_equals_brute_force)
{
	enum { N = 20, Q = 5000 };
	uint64_t seed = 11;
	double gx[N][N], gy[N][N];
	jk_graph *g;
	int i, j, q;

	/* a jittered grid of streets 0.007 degree apart (many grid cells
	 * hold none), all one component */
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			gx[i][j] = i * 0.007 + (double)(jk_test_rng(&seed) % 3000) * 1e-6;
			gy[i][j] = j * 0.007 + (double)(jk_test_rng(&seed) % 3000) * 1e-6;
		}
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			if (i + 1 < N)
				line(gx[i][j], gy[i][j], gx[i + 1][j], gy[i + 1][j], "residential", 0);
			if (j + 1 < N)
				line(gx[i][j], gy[i][j], gx[i][j + 1], gy[i][j + 1], "residential", 0);
		}
	g = build(0);
	for (q = 0; q < Q; q++) {
		double lon = -0.015 + (double)(jk_test_rng(&seed) % 170000) * 1e-6;
		double lat = -0.015 + (double)(jk_test_rng(&seed) % 170000) * 1e-6;
		double best = INFINITY;
		size_t k;
		jk_snap s;

		for (k = 0; k < g->n_segs; k++) {
			const jk_gseg *e = &g->seg[k];
			double ax = g->lon[e->a], ay = g->lat[e->a], bx = g->lon[e->b], by = g->lat[e->b];
			double t, px, py, d;
			/* the same local plane, in metres */
			double mx = 111412.84 * cos(lat * M_PI / 180) - 93.5 * cos(3 * lat * M_PI / 180);
			double my = 111132.92 - 559.82 * cos(2 * lat * M_PI / 180) +
				    1.175 * cos(4 * lat * M_PI / 180);
			double dx = (bx - ax) * mx, dy = (by - ay) * my;
			double qx = (lon - ax) * mx, qy = (lat - ay) * my;

			t = (qx * dx + qy * dy) / (dx * dx + dy * dy);
			t = t < 0 ? 0 : t > 1 ? 1 : t;
			px = t * dx - qx;
			py = t * dy - qy;
			d = sqrt(px * px + py * py);
			if (d < best)
				best = d;
		}
		jk_graph_snap(g, lon, lat, 0, &s);
		if (best > 1000.5) {
			ck_assert_int_eq(s.reach, JK_REACH_OFF_NETWORK);
			continue;
		}
		if (best < 999.5) {
			ck_assert_int_eq(s.reach, JK_REACH_OK);
			/* geodesic vs plane: well under a metre at this scale */
			ck_assert_double_eq_tol(s.access_m, best, 0.05 + best * 1e-3);
		}
	}
	jk_graph_destroy(g);
}
END_TEST


/* Reads a little-endian WKB LineString into at most 64 points. */
static size_t wkb_line(const unsigned char *w, int len, double *x, double *y)
{
	uint32_t n, i;

	ck_assert_int_ge(len, 9);
	ck_assert_int_eq(w[0], 1);
	memcpy(&n, w + 5, 4);
	ck_assert_uint_le(n, 64);
	ck_assert_int_eq(len, 9 + 16 * (int)n);
	for (i = 0; i < n; i++) {
		memcpy(&x[i], w + 9 + 16 * i, 8);
		memcpy(&y[i], w + 9 + 16 * i + 8, 8);
	}
	return n;
}

static GEOSGeometry *iso_band(jk_store *st, int minutes)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSWKBReader *rd = GEOSWKBReader_create_r(h);
	GEOSGeometry *g;
	sqlite3_stmt *q;

	ck_assert_int_eq(jk_store_prepare(st, "SELECT AsBinary(geom) FROM road_isochrones"
					      " WHERE minutes = ?", &q), JK_OK);
	sqlite3_bind_int(q, 1, minutes);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	g = GEOSWKBReader_read_r(h, rd, sqlite3_column_blob(q, 0),
				 (size_t)sqlite3_column_bytes(q, 0));
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(GEOSisValid_r(h, g), 1);
	sqlite3_finalize(q);
	GEOSWKBReader_destroy_r(h, rd);
	return g;
}

/* The road layers' data on a road of 0.4 degree (74 minutes at 36 km/h)
 * with a branch, one site at its west end: the routes start at the
 * village point (or the home) and end at the site with the length of
 * road_km; the stored minutes are the search's; the bands nest and hold
 * the nodes within their minutes. */
START_TEST(road_layers_data)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSGeometry *band[3];
	jk_graph *g;
	jk_store *st;
	jk_search *s = NULL;
	jk_snap d, o;
	jk_travel t;
	sqlite3_stmt *q;
	double x[64], y[64];
	size_t i, n;
	int rows = 0, in15 = 0;

	for (i = 0; i < 20; i++)
		line(0.02 * (double)i, 0, 0.02 * (double)(i + 1), 0, "residential", 0);
	line(0.1, 0, 0.1, 0.05, "residential", 0);
	g = build(0);
	jk_graph_snap(g, 0.0, 0.0005, 0, &d);
	ck_assert_int_eq(jk_search_run(ctx, g, &d, 1, 0, &s), JK_OK);
	st = jk_scratch_store(&sc, ctx, "layers.sqlite");

	jk_graph_snap(g, 0.081, 0.002, 0, &o);
	jk_search_query(s, &o, &t);
	{
		jk_route_client c = {"K1", s, 0, 7, 0.0, 0.0005, 0.081, 0.002,
				     0.0803, -0.001, t.km, t.min};

		ck_assert_int_eq(jk_road_routes_write(ctx, st, g, 0, 0, &c, 1), JK_OK);
	}
	ck_assert_int_eq(jk_store_prepare(st, "SELECT origin, site_id, road_km,"
					      " AsBinary(geom) FROM road_routes ORDER BY origin", &q), JK_OK);
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(q, 0);
		int home = !strcmp(origin, "home");
		double km = 0;

		n = wkb_line(sqlite3_column_blob(q, 3), sqlite3_column_bytes(q, 3), x, y);
		ck_assert_uint_ge(n, 4);
		ck_assert_int_eq(sqlite3_column_int(q, 1), 7);
		ck_assert_double_eq(x[0], home ? 0.081 : 0.0803);
		ck_assert_double_eq(y[0], home ? 0.002 : -0.001);
		ck_assert_double_eq(x[n - 1], 0.0);
		ck_assert_double_eq(y[n - 1], 0.0005);
		for (i = 1; i < n; i++)
			km += jk_geodesic_km(x[i - 1], y[i - 1], x[i], y[i]);
		ck_assert_msg(fabs(km - sqlite3_column_double(q, 2)) < 0.001,
			      "%s: line %.6f km, road_km %.6f", origin, km,
			      sqlite3_column_double(q, 2));
		if (home)
			ck_assert_double_eq_tol(sqlite3_column_double(q, 2), t.km, 1e-12);
		rows++;
	}
	sqlite3_finalize(q);
	ck_assert_int_eq(rows, 2);

	/* minutes per node: those of a search query from the node itself */
	ck_assert_int_eq(jk_road_nodes_write(ctx, st, g, s), JK_OK);
	ck_assert_int_eq(jk_store_count(st, "road_node_min"), (long)jk_graph_nodes(g));
	ck_assert_int_eq(jk_road_isochrones_write(ctx, st, s), JK_OK);
	ck_assert_int_eq(jk_store_count(st, "road_isochrones"), 3);
	band[0] = iso_band(st, 15);
	band[1] = iso_band(st, 30);
	band[2] = iso_band(st, 60);
	ck_assert_int_eq(GEOSCovers_r(h, band[1], band[0]), 1);
	ck_assert_int_eq(GEOSCovers_r(h, band[2], band[1]), 1);
	for (i = 0; i < jk_graph_nodes(g); i++) {
		double min = -1;
		GEOSGeometry *pt;

		ck_assert_int_eq(jk_store_prepare(st, "SELECT min_site FROM road_node_min"
						      " WHERE node_id = ?", &q), JK_OK);
		sqlite3_bind_int64(q, 1, (sqlite3_int64)i + 1);
		ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
		min = sqlite3_column_double(q, 0);
		sqlite3_finalize(q);
		jk_graph_snap(g, g->lon[i], g->lat[i], 0, &o);
		jk_search_query(s, &o, &t);
		ck_assert_double_eq_tol(min, t.min, 1e-9);
		pt = GEOSGeom_createPointFromXY_r(h, g->lon[i], g->lat[i]);
		if (min <= 15) {
			ck_assert_msg(GEOSCovers_r(h, band[0], pt) == 1,
				      "node at %.2f min outside the 15-minute band", min);
			in15++;
		} else if (min > 16) {
			ck_assert_msg(GEOSCovers_r(h, band[0], pt) == 0,
				      "node at %.2f min inside the 15-minute band", min);
		}
		if (min > 61)
			ck_assert_int_eq(GEOSCovers_r(h, band[2], pt), 0);
		GEOSGeom_destroy_r(h, pt);
	}
	ck_assert_int_gt(in15, 2);
	for (i = 0; i < 3; i++)
		GEOSGeom_destroy_r(h, band[i]);
	jk_store_close(st);
	jk_search_destroy(s);
	jk_graph_destroy(g);
}
END_TEST

static Suite *roads_suite(void)
{
	Suite *s = suite_create("roads");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, profile_rows);
	tcase_add_test(tc, profile_errors);
	tcase_add_test(tc, lines_split_at_shared_vertices);
	tcase_add_test(tc, oneway_obeyed);
	tcase_add_test(tc, oneway_reverse_tag);
	tcase_add_test(tc, ferry_with_duration);
	tcase_add_test(tc, ferry_from_speed);
	tcase_add_test(tc, islands_without_ferry_unreachable);
	tcase_add_test(tc, ferry_closed_by_profile);
	tcase_add_test(tc, snap_middle_of_edge);
	tcase_add_test(tc, same_segment_origin_and_destination);
	tcase_add_test(tc, off_network);
	tcase_add_test(tc, snap_prefers_network_to_fragment);
	tcase_add_test(tc, ties_go_to_lower_index);
	tcase_add_test(tc, time_and_distance_choose_differently);
	tcase_add_test(tc, maxspeed_caps_class_speed);
	tcase_add_test(tc, path_follows_roads);
	tcase_add_test(tc, multi_source_equals_single_searches);
	tcase_add_test(tc, osm_tag_values);
	tcase_add_test(tc, snap_equals_brute_force);
	tcase_add_test(tc, road_layers_data);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(roads_suite());
}
