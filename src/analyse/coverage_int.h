/*
 * Coverage rules, exposed to the unit tests: the classification of one
 * village and the record computed for it.
 */
#ifndef JK_COVERAGE_INT_H
#define JK_COVERAGE_INT_H

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

/* Status of a village from its counts and the nearest ready site (has_near
 * 0 when there is none at all). */
int jk_cov_classify(int n_ready, int n_pending, int has_near, double near_km,
		    double radius_km);

/* "covered", "reachable", "pending", "gap". */
const char *jk_cov_status_name(int status);

#endif /* JK_COVERAGE_INT_H */
