/* SPDX-License-Identifier: MIT */
/*
 * Coverage rules, exposed to the unit tests: what "within reach" means for
 * a run, the classification of one village and the record computed for it.
 */
#ifndef JK_COVERAGE_INT_H
#define JK_COVERAGE_INT_H

#include "jangkau/jangkau.h"
#include "reach.h"

enum { JK_COV_COVERED = 0, JK_COV_REACHABLE, JK_COV_PENDING, JK_COV_GAP };

typedef struct jk_village_cov {
	int n_ready, n_pending, cap_ready, demand;
	int n_ready_ak, n_pending_ak;
	long long near_site, near_ak; /* 0 when none */
	double near_km, near_ak_km;
	int status, status_ak;
	/* by road, towards near_site: near_km is the road distance then */
	int by_road;
	double road_min;
	int reach; /* jk_reach_status */
} jk_village_cov;

/* What "within reach" means for one run. */
typedef struct jk_cov_mode {
	int by_road;
	double radius_km;   /* <= 0: no distance limit (by road only) */
	double max_minutes; /* <= 0: no time limit */
} jk_cov_mode;

/* The mode of a run from its (already checked) options: straight, 5 km
 * unless radius_km is given; by road, radius_km on road km if given, and
 * max_minutes, or 30 minutes when neither is given. */
void jk_cov_mode_init(jk_cov_mode *m, const jk_coverage_opts *opts);

/* 1 when trip @p t (the nearest ready site) is within reach under @p m: it
 * reached a site, within the radius if there is one and, by road, within
 * the time limit if there is one; else 0. */
int jk_cov_within(const jk_cov_mode *m, const jk_reach_trip *t);

/* Status of a village from its counts and whether its nearest ready site
 * is within reach (jk_cov_within). */
int jk_cov_classify(int n_ready, int n_pending, int in_reach);

/* "covered", "reachable", "pending", "gap". */
const char *jk_cov_status_name(int status);

#endif /* JK_COVERAGE_INT_H */
