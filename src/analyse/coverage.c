/* SPDX-License-Identifier: MIT */
/*
 * Coverage per village and the nearest suitable site of every active client.
 *
 * A site counts for the village it was geocoded into only when its village
 * is certain (precision coordinate or village); sites placed only at
 * district or regency level, or ambiguous, are reported for attention and
 * left out, since counting them would claim coverage nobody can verify.
 *
 * Village status, with the reach radius R:
 *   covered    a ready site inside the village
 *   reachable  none inside, the nearest ready site within R of the village
 *              point (geodesic)
 *   pending    no ready site in reach, but a not-ready (or unknown-status)
 *              site inside: making it ready closes the gap
 *   gap        nothing
 * The same rules over child-suitable sites only give status_ak.
 * A ready site's capacity is its kapasitas, or 1 when the book leaves it
 * blank (it takes at least one client).
 *
 * By road (opts->by_road), "within R" becomes "reached by road within the
 * travel time (default 30 minutes) and/or the road distance asked for",
 * measured from the village point (or the home) to the site along the
 * roads of the travel profile, access legs included; points off the
 * network or in a part of it no site reaches get reach off_network or
 * unreachable and are never reachable.
 *
 * Everything is read from the store into arrays, computed in memory with a
 * kd-tree or the road graph (reach.h), and written back in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/util.h"
#include "roads/roads.h"
#include "store/store.h"
#include "coverage_int.h"
#include "reach.h"
#include "road_layers.h"

#define DEFAULT_RADIUS_KM 5.0
#define DEFAULT_MAX_MINUTES 30.0

void jk_cov_mode_init(jk_cov_mode *m, const jk_coverage_opts *opts)
{
	m->by_road = opts->by_road;
	m->radius_km = opts->radius_km > 0 ? opts->radius_km
		       : opts->by_road ? 0 : DEFAULT_RADIUS_KM;
	m->max_minutes = opts->max_minutes > 0 ? opts->max_minutes
			 : opts->by_road && opts->radius_km <= 0 ? DEFAULT_MAX_MINUTES : 0;
}

int jk_cov_within(const jk_cov_mode *m, const jk_reach_trip *t)
{
	if (t->reach != JK_REACH_OK)
		return 0;
	if (m->radius_km > 0 && t->km > m->radius_km)
		return 0;
	if (m->by_road && m->max_minutes > 0 && t->min > m->max_minutes)
		return 0;
	return 1;
}

struct site {
	long long id;
	double lon, lat;
	int vill;  /* index into villages, -1 when not certain */
	int status; /* 0 ready, 1 pending (not_ready/unknown), 2 inactive */
	int kap;
	int anak_ok;
};

struct vill {
	char kode[16];
	double lon, lat;
	jk_village_cov c;
};

/* Finds a village by code in the sorted array; -1 when absent. */
static int vill_find(const struct vill *v, int n, const char *kode)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strcmp(v[mid].kode, kode);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

const char *jk_cov_status_name(int st)
{
	static const char *const names[] = {"covered", "reachable", "pending", "gap"};

	return st >= 0 && st <= 3 ? names[st] : "gap";
}

int jk_cov_classify(int n_ready, int n_pending, int in_reach)
{
	if (n_ready > 0)
		return JK_COV_COVERED;
	if (in_reach)
		return JK_COV_REACHABLE;
	if (n_pending > 0)
		return JK_COV_PENDING;
	return JK_COV_GAP;
}

static int load_villages(jk_store *st, struct vill **out, int *n)
{
	sqlite3_stmt *s;
	long cnt = jk_store_count(st, "villages");
	int rc, k = 0;
	struct vill *v;

	*out = NULL;
	*n = 0;
	if (cnt <= 0)
		return jk_error(st->ctx, JK_ERR_STATE,
				"%s: no villages in the store (hint: jangkau import boundaries FILE)",
				st->path);
	v = calloc((size_t)cnt, sizeof *v);
	if (!v)
		return jk_error(st->ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(st, "SELECT kode, pt_lon, pt_lat FROM villages ORDER BY kode", &s);
	if (rc) {
		free(v);
		return rc;
	}
	while (k < cnt && sqlite3_step(s) == SQLITE_ROW) {
		jk_strlcpy(v[k].kode, (const char *)sqlite3_column_text(s, 0), sizeof v[k].kode);
		v[k].lon = sqlite3_column_double(s, 1);
		v[k].lat = sqlite3_column_double(s, 2);
		k++;
	}
	sqlite3_finalize(s);
	*out = v;
	*n = k;
	return JK_OK;
}

static int load_sites(jk_store *st, const struct vill *v, int nv,
		      struct site **out, size_t *n)
{
	sqlite3_stmt *s;
	long cnt = jk_store_count(st, "sites");
	size_t k = 0;
	struct site *a;
	int rc;

	*out = NULL;
	*n = 0;
	if (cnt < 0)
		return jk_store_dberr(st, "cannot count sites");
	a = calloc((size_t)cnt + 1, sizeof *a);
	if (!a)
		return jk_error(st->ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(st,
		"SELECT site_id, lon, lat, kode_desa, status, kapasitas, anak_ok, precision"
		" FROM sites WHERE precision IN ('coordinate','village')"
		" AND lon IS NOT NULL AND kode_desa IS NOT NULL", &s);
	if (rc) {
		free(a);
		return rc;
	}
	while (k < (size_t)cnt && sqlite3_step(s) == SQLITE_ROW) {
		const char *status = (const char *)sqlite3_column_text(s, 4);

		a[k].id = sqlite3_column_int64(s, 0);
		a[k].lon = sqlite3_column_double(s, 1);
		a[k].lat = sqlite3_column_double(s, 2);
		a[k].vill = vill_find(v, nv, (const char *)sqlite3_column_text(s, 3));
		a[k].status = !strcmp(status, "ready") ? 0 : !strcmp(status, "inactive") ? 2 : 1;
		a[k].kap = sqlite3_column_type(s, 5) == SQLITE_NULL ? 1 : sqlite3_column_int(s, 5);
		a[k].anak_ok = sqlite3_column_int(s, 6) == 1;
		k++;
	}
	sqlite3_finalize(s);
	*out = a;
	*n = k;
	return JK_OK;
}

/* Builds a reach over the ready sites (child-suitable ones only when
 * @p child), with @p map from reach index to site index: geodesic, or on
 * the road graph @p g when given (then *off counts the sites it could not
 * snap). NULL with the error in ctx. */
static jk_reach *build_reach(jk_ctx *ctx, const struct site *s, size_t n,
			     int child, size_t **map, const jk_graph *g,
			     const jk_coverage_opts *o, long *off)
{
	double *lon = calloc(n ? n : 1, sizeof *lon);
	double *lat = calloc(n ? n : 1, sizeof *lat);
	jk_reach *r = NULL;
	size_t i, k = 0;

	*map = malloc((n ? n : 1) * sizeof **map);
	if (!lon || !lat || !*map) {
		jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (s[i].status != 0 || (child && !s[i].anak_ok))
			continue;
		lon[k] = s[i].lon;
		lat[k] = s[i].lat;
		(*map)[k++] = i;
	}
	if (!g) {
		r = jk_reach_geodesic_create(lon, lat, k);
		if (!r)
			jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto done;
	}
	r = jk_reach_road_create(ctx, g, lon, lat, k, o->road.max_snap_m,
				 o->road.optimize_distance);
	for (i = 0; r && off && i < k; i++) {
		jk_snap sn;

		jk_graph_snap(g, lon[i], lat[i], o->road.max_snap_m, &sn);
		if (sn.reach != JK_REACH_OK) {
			(*off)++;
			jk_msg(ctx, JK_LOG_WARN,
			       "site %lld: no road within %g m of its point (%.6f %.6f): left out of road travel",
			       s[(*map)[i]].id, o->road.max_snap_m > 0 ? o->road.max_snap_m
								       : JK_SNAP_DEFAULT_M,
			       lon[i], lat[i]);
		}
	}
done:
	free(lon);
	free(lat);
	return r;
}

static int write_villages(jk_store *st, const struct vill *v, int nv,
			  jk_coverage_stats *stats)
{
	sqlite3_stmt *s;
	int rc, i;

	rc = jk_store_prepare(st,
		"INSERT INTO coverage(kode,status,n_ready,n_pending,cap_ready,demand,"
		"near_site,near_km,status_ak,n_ready_ak,near_ak,near_ak_km,"
		"road_km,road_min,reach)"
		" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &s);
	if (rc)
		return rc;
	for (i = 0; i < nv && !rc; i++) {
		const jk_village_cov *c = &v[i].c;

		sqlite3_bind_text(s, 1, v[i].kode, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, jk_cov_status_name(c->status), -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, c->n_ready);
		sqlite3_bind_int(s, 4, c->n_pending);
		sqlite3_bind_int(s, 5, c->cap_ready);
		sqlite3_bind_int(s, 6, c->demand);
		if (c->near_site > 0) {
			sqlite3_bind_int64(s, 7, c->near_site);
			sqlite3_bind_double(s, 8, c->near_km);
		} else {
			sqlite3_bind_null(s, 7);
			sqlite3_bind_null(s, 8);
		}
		sqlite3_bind_text(s, 9, jk_cov_status_name(c->status_ak), -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 10, c->n_ready_ak);
		if (c->near_ak > 0) {
			sqlite3_bind_int64(s, 11, c->near_ak);
			sqlite3_bind_double(s, 12, c->near_ak_km);
		} else {
			sqlite3_bind_null(s, 11);
			sqlite3_bind_null(s, 12);
		}
		if (c->by_road && c->reach == JK_REACH_OK) {
			sqlite3_bind_double(s, 13, c->near_km);
			sqlite3_bind_double(s, 14, c->road_min);
		} else {
			sqlite3_bind_null(s, 13);
			sqlite3_bind_null(s, 14);
		}
		if (c->by_road)
			sqlite3_bind_text(s, 15, jk_reach_name(c->reach), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 15);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = jk_store_dberr(st, "cannot store coverage");
		sqlite3_reset(s);
		stats->villages++;
		switch (c->status) {
		case JK_COV_COVERED: stats->covered++; break;
		case JK_COV_REACHABLE: stats->reachable++; break;
		case JK_COV_PENDING: stats->pending++; break;
		default: stats->gap++; break;
		}
		if (c->by_road) {
			stats->villages_off_network += c->reach == JK_REACH_OFF_NETWORK;
			stats->villages_unreachable += c->reach == JK_REACH_UNREACHABLE;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

/* An active client and its result. */
struct client {
	size_t id_off; /* client_id in the id arena... */
	const char *id; /* ...and there, once the arena is complete */
	int vill;      /* home village, -1 when not certain */
	int anak;
	double lon, lat;
	long long site; /* nearest suitable ready site, 0 when none */
	double km;
	double min;     /* by road: travel time */
	int reach;      /* by road: jk_reach_status */
	int in_reach;
	size_t dest;    /* the site as a destination of its reach */
};

struct clients {
	struct client *a;
	size_t n;
	jk_buf ids; /* NUL-separated client ids */
};

static int load_clients(jk_store *st, const struct vill *v, int nv,
			struct clients *out)
{
	sqlite3_stmt *s;
	long cnt = jk_store_count(st, "clients");
	int rc;

	if (cnt < 0)
		return jk_store_dberr(st, "cannot count clients");
	out->a = calloc((size_t)cnt + 1, sizeof *out->a);
	if (!out->a)
		return jk_error(st->ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(st,
		"SELECT client_id, kode_desa, anak, lon, lat, precision FROM clients"
		" WHERE status='active'", &s);
	if (rc)
		return rc;
	while (out->n < (size_t)cnt && sqlite3_step(s) == SQLITE_ROW) {
		struct client *c = &out->a[out->n++];
		const char *prec = (const char *)sqlite3_column_text(s, 5);
		const char *kode = (const char *)sqlite3_column_text(s, 1);
		const char *id = (const char *)sqlite3_column_text(s, 0);

		c->id_off = out->ids.len;
		jk_buf_add(&out->ids, id, strlen(id) + 1);
		c->anak = sqlite3_column_int(s, 2);
		c->lon = sqlite3_column_double(s, 3);
		c->lat = sqlite3_column_double(s, 4);
		c->vill = -1;
		if (prec && (!strcmp(prec, "coordinate") || !strcmp(prec, "village")) &&
		    kode && sqlite3_column_type(s, 3) != SQLITE_NULL)
			c->vill = vill_find(v, nv, kode);
	}
	sqlite3_finalize(s);
	if (out->ids.oom)
		return jk_error(st->ctx, JK_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < out->n; i++)
		out->a[i].id = out->ids.s + out->a[i].id_off;
	return JK_OK;
}

static int cmp_client_id(const void *a, const void *b)
{
	return strcmp(((const struct client *)a)->id, ((const struct client *)b)->id);
}

/* Writes the client links in key order (an append to the B-tree). */
static int write_links(jk_store *st, struct clients *cl, int by_road)
{
	sqlite3_stmt *ins;
	size_t i;
	int rc;

	qsort(cl->a, cl->n, sizeof *cl->a, cmp_client_id);
	rc = jk_store_prepare(st,
		"INSERT INTO client_links(client_id,site_id,dist_km,in_reach,note,"
		"road_km,road_min,reach) VALUES(?,?,?,?,?,?,?,?)", &ins);
	for (i = 0; !rc && i < cl->n; i++) {
		const struct client *c = &cl->a[i];

		sqlite3_bind_text(ins, 1, c->id, -1, SQLITE_STATIC);
		if (c->site > 0) {
			sqlite3_bind_int64(ins, 2, c->site);
			sqlite3_bind_double(ins, 3, c->km);
			sqlite3_bind_int(ins, 4, c->in_reach);
			sqlite3_bind_null(ins, 5);
		} else {
			sqlite3_bind_null(ins, 2);
			sqlite3_bind_null(ins, 3);
			sqlite3_bind_null(ins, 4);
			sqlite3_bind_text(ins, 5, c->vill < 0
				? "home village not certain (see geocoding)"
				: by_road && c->reach == JK_REACH_OFF_NETWORK
				? "home off the road network (no road within the snap distance)"
				: by_road && c->reach == JK_REACH_UNREACHABLE
				? "no ready site reachable by road"
				: c->anak ? "no ready child-suitable site" : "no ready site",
				-1, SQLITE_STATIC);
		}
		if (by_road && c->site > 0) {
			sqlite3_bind_double(ins, 6, c->km);
			sqlite3_bind_double(ins, 7, c->min);
		} else {
			sqlite3_bind_null(ins, 6);
			sqlite3_bind_null(ins, 7);
		}
		if (by_road && c->vill >= 0)
			sqlite3_bind_text(ins, 8, jk_reach_name(c->reach), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 8);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = jk_store_dberr(st, "cannot store client link");
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	return rc;
}

/* The road layers' data of a run by road (road_layers.h). */
static int write_road_layers(jk_ctx *ctx, jk_store *st, const jk_graph *g,
			     const jk_coverage_opts *o, const struct clients *cl,
			     const struct vill *v, const struct site *sites,
			     const jk_reach *all, const size_t *map_all,
			     const jk_reach *child, const size_t *map_child)
{
	const jk_search *sa = jk_reach_road_search_ref(all);
	const jk_search *sc = jk_reach_road_search_ref(child);
	jk_route_client *rc_ = calloc(cl->n ? cl->n : 1, sizeof *rc_);
	size_t i, n = 0;
	int rc;

	if (!rc_)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_road_nodes_write(ctx, st, g, sa);
	if (!rc)
		rc = jk_road_isochrones_write(ctx, st, sa);
	for (i = 0; !rc && i < cl->n; i++) {
		const struct client *c = &cl->a[i];
		const struct site *si;
		jk_route_client *r = &rc_[n];

		if (c->site <= 0 || c->vill < 0)
			continue;
		si = &sites[(c->anak ? map_child : map_all)[c->dest]];
		r->id = c->id;
		r->s = c->anak ? sc : sa;
		r->dest = c->dest;
		r->site_id = si->id;
		r->site_lon = si->lon;
		r->site_lat = si->lat;
		r->lon = c->lon;
		r->lat = c->lat;
		r->vlon = v[c->vill].lon;
		r->vlat = v[c->vill].lat;
		r->km = c->km;
		r->min = c->min;
		n++;
	}
	if (!rc)
		rc = jk_road_routes_write(ctx, st, g, o->road.max_snap_m,
					  o->road.optimize_distance, rc_, n);
	free(rc_);
	return rc;
}

/* What one coverage run works with. */
struct cov_run {
	struct vill *v;
	int nv;
	struct site *sites;
	size_t ns;
	struct clients cl;
	jk_graph *graph;            /* by road */
	jk_reach *all, *child;      /* nearest ready site; child-friendly */
	size_t *map_all, *map_child; /* reach index -> site index */
	jk_cov_mode mode;
};

/* Counts the ready and not-ready sites, and the ready capacity, of every
 * village. */
static void count_sites(struct cov_run *r)
{
	size_t i;

	for (i = 0; i < r->ns; i++) {
		const struct site *s = &r->sites[i];
		jk_village_cov *c;

		if (s->vill < 0)
			continue;
		c = &r->v[s->vill].c;
		if (s->status == 0) {
			c->n_ready++;
			c->cap_ready += s->kap;
			c->n_ready_ak += s->anak_ok;
		} else if (s->status == 1) {
			c->n_pending++;
			c->n_pending_ak += s->anak_ok;
		}
	}
}

/* The nearest ready site and the status of every village, for everyone
 * and for children. */
static void classify_villages(struct cov_run *r)
{
	int k;

	for (k = 0; k < r->nv; k++) {
		jk_village_cov *c = &r->v[k].c;
		jk_reach_trip t;

		jk_reach_trip_of(r->all, r->v[k].lon, r->v[k].lat, &t);
		c->by_road = r->mode.by_road;
		c->reach = t.reach;
		if (t.reach == JK_REACH_OK) {
			c->near_site = r->sites[r->map_all[t.idx]].id;
			c->near_km = t.km;
			c->road_min = t.min;
		}
		c->status = jk_cov_classify(c->n_ready, c->n_pending,
					    jk_cov_within(&r->mode, &t));
		jk_reach_trip_of(r->child, r->v[k].lon, r->v[k].lat, &t);
		if (t.reach == JK_REACH_OK) {
			c->near_ak = r->sites[r->map_child[t.idx]].id;
			c->near_ak_km = t.km;
		}
		c->status_ak = jk_cov_classify(c->n_ready_ak, c->n_pending_ak,
					       jk_cov_within(&r->mode, &t));
	}
}

/* The nearest suitable ready site of every active client (children:
 * child-friendly), the demand of its village, and the counts. */
static void link_clients(struct cov_run *r, jk_coverage_stats *stats)
{
	size_t i;

	for (i = 0; i < r->cl.n; i++) {
		struct client *c = &r->cl.a[i];
		jk_reach_trip t;

		if (c->vill < 0)
			continue;
		r->v[c->vill].c.demand++;
		jk_reach_trip_of(c->anak ? r->child : r->all, c->lon, c->lat, &t);
		c->reach = t.reach;
		if (t.reach == JK_REACH_OK) {
			c->site = r->sites[(c->anak ? r->map_child : r->map_all)[t.idx]].id;
			c->dest = t.idx;
			c->km = t.km;
			c->min = t.min;
			c->in_reach = jk_cov_within(&r->mode, &t);
		}
	}
	for (i = 0; i < r->cl.n; i++) {
		const struct client *c = &r->cl.a[i];

		if (c->site > 0) {
			stats->clients++;
			stats->clients_in_reach += c->in_reach;
		} else {
			stats->clients_no_site++;
			if (r->mode.by_road && c->vill >= 0) {
				stats->clients_off_network += c->reach == JK_REACH_OFF_NETWORK;
				stats->clients_unreachable += c->reach == JK_REACH_UNREACHABLE;
			}
		}
	}
}

/* The rule of the run in the store's meta table (what the outputs say
 * about it), and its parameters for the runs table into @p params. */
static int rule_record(jk_store *st, const struct cov_run *r,
		       const jk_coverage_opts *opts, char *params, size_t n)
{
	int rc;

	snprintf(params, n, "%.17g", r->mode.radius_km);
	rc = jk_store_meta_set(st, "radius_km", params);
	snprintf(params, n, "%.17g", r->mode.max_minutes);
	if (!rc)
		rc = jk_store_meta_set(st, "max_minutes", params);
	if (!rc)
		rc = jk_store_meta_set(st, "coverage_method", r->all->ops->name);
	if (r->mode.by_road)
		snprintf(params, n,
			 "radius_km=%g;method=road;max_minutes=%g;profile=%s;"
			 "optimize=%s;oneway=%s;max_snap_m=%g",
			 r->mode.radius_km, r->mode.max_minutes, opts->road.profile,
			 opts->road.optimize_distance ? "distance" : "time",
			 opts->road.ignore_oneway ? "ignored" : "obeyed",
			 opts->road.max_snap_m > 0 ? opts->road.max_snap_m
						   : JK_SNAP_DEFAULT_M);
	else
		snprintf(params, n, "radius_km=%g;method=%s", r->mode.radius_km,
			 r->all->ops->name);
	return rc;
}

/* Checks the options. */
static int opts_check(jk_ctx *ctx, const jk_coverage_opts *opts)
{
	if (opts->radius_km < 0)
		return jk_error(ctx, JK_ERR_ARG, "radius must be positive, not %g km",
				opts->radius_km);
	if (opts->max_minutes < 0)
		return jk_error(ctx, JK_ERR_ARG, "travel time must be positive, not %g minutes",
				opts->max_minutes);
	if (opts->max_minutes > 0 && !opts->by_road)
		return jk_error(ctx, JK_ERR_ARG, "a travel time limit needs travel by road");
	return JK_OK;
}

jk_status jk_coverage_run(jk_ctx *ctx, jk_store *st, const jk_coverage_opts *opts,
			  jk_coverage_stats *stats)
{
	static const jk_coverage_opts defaults;
	struct cov_run r;
	jk_coverage_stats local;
	double t0 = jk_clock_s(), t1, t2;
	char params[512] = "";
	int rc, in_tx = 0;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	memset(&r, 0, sizeof r);
	jk_buf_init(&r.cl.ids);
	if (!opts)
		opts = &defaults;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	rc = opts_check(ctx, opts);
	if (rc)
		goto done;
	jk_cov_mode_init(&r.mode, opts);
	rc = load_villages(st, &r.v, &r.nv);
	if (!rc)
		rc = load_sites(st, r.v, r.nv, &r.sites, &r.ns);
	if (!rc)
		rc = load_clients(st, r.v, r.nv, &r.cl);
	if (!rc && opts->by_road)
		rc = jk_graph_from_store(ctx, st, &opts->road, &r.graph);
	if (rc)
		goto done;
	t1 = jk_clock_s();
	jk_progress(ctx, "coverage", 1, 4);
	r.all = build_reach(ctx, r.sites, r.ns, 0, &r.map_all, r.graph, opts,
			    &stats->sites_off_network);
	r.child = r.all ? build_reach(ctx, r.sites, r.ns, 1, &r.map_child, r.graph, opts,
				      NULL)
			: NULL;
	if (!r.all || !r.child) {
		rc = JK_ERR_NOMEM;
		goto done;
	}
	count_sites(&r);
	jk_progress(ctx, "coverage", 2, 4);
	classify_villages(&r);
	link_clients(&r, stats);
	t2 = jk_clock_s();
	jk_progress(ctx, "coverage", 3, 4);
	rc = jk_store_begin(st);
	if (rc)
		goto done;
	in_tx = 1;
	rc = jk_store_results_clear(st);
	if (!rc)
		rc = write_links(st, &r.cl, r.mode.by_road);
	if (!rc)
		rc = write_villages(st, r.v, r.nv, stats);
	if (!rc && r.mode.by_road)
		rc = write_road_layers(ctx, st, r.graph, opts, &r.cl, r.v, r.sites, r.all,
				       r.map_all, r.child, r.map_child);
	if (!rc)
		rc = rule_record(st, &r, opts, params, sizeof params);
	rc = jk_store_end(st, &in_tx, rc, "coverage", params);
	stats->t_read = t1 - t0;
	stats->t_analyse = t2 - t1;
	stats->t_write = jk_clock_s() - t2;
	jk_progress(ctx, "coverage", 4, 4);
done:
	rc = jk_store_end(st, &in_tx, rc, NULL, NULL);
	jk_reach_destroy(r.all);
	jk_reach_destroy(r.child);
	jk_graph_destroy(r.graph);
	free(r.map_all);
	free(r.map_child);
	free(r.sites);
	free(r.v);
	free(r.cl.a);
	jk_buf_release(&r.cl.ids);
	return rc;
}
