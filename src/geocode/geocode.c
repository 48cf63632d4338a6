/* SPDX-License-Identifier: MIT */
/*
 * Geocoding of sites and clients: the address is matched to the gazetteer
 * built from the store's villages (gazetteer.h), a given coordinate is
 * located in the village polygons (pip.h), and the two are reconciled.
 *
 * Rules, in order:
 * - A readable coordinate inside a village that the address also names
 *   gives precision 'coordinate' (the point is the coordinate).
 * - A coordinate outside the named village but within a small distance
 *   of its polygon (300 m by default) is kept with the named village:
 *   simplified borders and digitising put good points just outside.
 * - A coordinate in another village wins when the address fits that
 *   village as well as the one the matcher chose; otherwise it is flagged
 *   and both villages are reported, and the address wins, since an
 *   office's typed address is checked by people and a coordinate error is
 *   invisible.
 * - A coordinate outside every village is flagged (sea, 0,0, swapped or a
 *   missing minus sign that cannot be repaired) and the address is used; a
 *   latitude without its minus sign that lands in a village is repaired.
 * - Without a coordinate the address alone decides; a village match gets
 *   the village's point on surface, never its centroid.
 * - A row the office decided (decided.h) gets the chosen village instead.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/parse.h"
#include "store/store.h"
#include "decided.h"
#include "gazetteer.h"
#include "normalize.h"
#include "pip.h"

/* A given coordinate is an observation of its own: its village wins over
 * the address's best when the address names it nearly as well. */
#define COORD_EDGE 0.15

/* Areas above district level get a point once; cached per code. */
struct area_pt {
	char kode[16];
	double lon, lat;
	int ok;
};

struct geo {
	jk_ctx *ctx;
	jk_store *st;
	jk_gaz *gaz;
	jk_pip *pip;
	sqlite3_stmt *vpt;    /* village point by kode */
	sqlite3_stmt *apt;    /* area point by prefix */
	sqlite3_stmt *vname;  /* village name by kode */
	jk_decided *dec;      /* the office's decisions */
	struct area_pt *areas;
	size_t n_areas, cap_areas;
	double near_m;        /* a coordinate this close to the named village
				 is kept (digitising and border error) */
};

/* The result for one row. */
struct geo_out {
	const char *prec;
	char kode[24];
	double score;
	jk_buf note;
	jk_buf cand;
	char coord_kode[24];
	int has_pt;
	double lon, lat;
	int flagged;
};

static int load_gazetteer(struct geo *g)
{
	sqlite3_stmt *s = NULL;
	int rc;

	g->gaz = jk_gaz_create();
	if (!g->gaz || jk_gaz_add_builtin_aliases(g->gaz) < 0)
		return jk_error(g->ctx, JK_ERR_NOMEM, "out of memory");
	rc = jk_store_prepare(g->st,
		"SELECT kode, nama, kode_kec, kecamatan, kode_kab, kabupaten, "
		"kode_prov, provinsi FROM villages ORDER BY kode", &s);
	if (rc)
		return rc;
	while (sqlite3_step(s) == SQLITE_ROW) {
		int i;

		/* parents first, so that every village finds its parent */
		for (i = 6; i >= 0; i -= 2) {
			const char *k = (const char *)sqlite3_column_text(s, i);
			const char *n = (const char *)sqlite3_column_text(s, i + 1);

			if (k && n && jk_gaz_add(g->gaz, k, n) < 0) {
				sqlite3_finalize(s);
				return jk_error(g->ctx, JK_ERR_NOMEM,
						"cannot add '%s' to the gazetteer", k);
			}
		}
	}
	sqlite3_finalize(s);
	rc = jk_store_prepare(g->st, "SELECT kode, alias FROM aliases", &s);
	if (rc)
		return rc;
	while (sqlite3_step(s) == SQLITE_ROW)
		jk_gaz_add_alias(g->gaz, (const char *)sqlite3_column_text(s, 0),
				 (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	if (jk_gaz_finish(g->gaz) < 0)
		return jk_error(g->ctx, JK_ERR_NOMEM, "cannot index the gazetteer");
	return JK_OK;
}

static int village_point(struct geo *g, const char *kode, double *lon,
			 double *lat)
{
	int ok = 0;

	sqlite3_bind_text(g->vpt, 1, kode, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(g->vpt) == SQLITE_ROW &&
	    sqlite3_column_type(g->vpt, 0) != SQLITE_NULL) {
		*lon = sqlite3_column_double(g->vpt, 0);
		*lat = sqlite3_column_double(g->vpt, 1);
		ok = 1;
	}
	sqlite3_reset(g->vpt);
	return ok;
}

/* A point inside the union of the villages of a district or regency. */
static int area_point(struct geo *g, const char *kode, double *lon,
		      double *lat)
{
	size_t i;
	char like[32];
	struct area_pt *a;

	for (i = 0; i < g->n_areas; i++)
		if (strcmp(g->areas[i].kode, kode) == 0) {
			*lon = g->areas[i].lon;
			*lat = g->areas[i].lat;
			return g->areas[i].ok;
		}
	if (g->n_areas == g->cap_areas) {
		size_t cap = g->cap_areas ? g->cap_areas * 2 : 16;
		struct area_pt *na = realloc(g->areas, cap * sizeof *na);

		if (!na)
			return 0;
		g->areas = na;
		g->cap_areas = cap;
	}
	a = &g->areas[g->n_areas++];
	memset(a, 0, sizeof *a);
	jk_strlcpy(a->kode, kode, sizeof a->kode);
	snprintf(like, sizeof like, "%s.%%", kode);
	sqlite3_bind_text(g->apt, 1, like, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(g->apt) == SQLITE_ROW &&
	    sqlite3_column_type(g->apt, 0) != SQLITE_NULL) {
		a->lon = sqlite3_column_double(g->apt, 0);
		a->lat = sqlite3_column_double(g->apt, 1);
		a->ok = 1;
	}
	sqlite3_reset(g->apt);
	*lon = a->lon;
	*lat = a->lat;
	return a->ok;
}

/* Do villages @p a and @p b bear the same name? */
static int same_village_name(struct geo *g, const char *a, const char *b)
{
	char ka[JK_NORM_KEY_MAX], kb[JK_NORM_KEY_MAX];
	int n = 0;

	ka[0] = kb[0] = '\0';
	sqlite3_bind_text(g->vname, 1, a, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(g->vname) == SQLITE_ROW) {
		jk_norm_key((const char *)sqlite3_column_text(g->vname, 0), ka, sizeof ka);
		n++;
	}
	sqlite3_reset(g->vname);
	sqlite3_bind_text(g->vname, 1, b, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(g->vname) == SQLITE_ROW) {
		jk_norm_key((const char *)sqlite3_column_text(g->vname, 0), kb, sizeof kb);
		n++;
	}
	sqlite3_reset(g->vname);
	return n == 2 && ka[0] && strcmp(ka, kb) == 0;
}

/* Is village @p kode named like its own district ("Karanggayam" of Kec.
 * Karanggayam)? Then an address naming it may mean the district only. */
static int named_like_district(struct geo *g, const char *kode)
{
	char a[JK_NORM_KEY_MAX], b[JK_NORM_KEY_MAX];
	int same = 0;

	sqlite3_bind_text(g->vname, 1, kode, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(g->vname) == SQLITE_ROW &&
	    sqlite3_column_text(g->vname, 1)) {
		jk_norm_key((const char *)sqlite3_column_text(g->vname, 0), a, sizeof a);
		jk_norm_key((const char *)sqlite3_column_text(g->vname, 1), b, sizeof b);
		same = strcmp(a, b) == 0;
	}
	sqlite3_reset(g->vname);
	return same;
}

static void village_label(struct geo *g, const char *kode, char *out,
			  size_t n)
{
	snprintf(out, n, "%s", kode);
	sqlite3_bind_text(g->vname, 1, kode, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(g->vname) == SQLITE_ROW)
		snprintf(out, n, "%s %s (%s, %s)", kode,
			 (const char *)sqlite3_column_text(g->vname, 0),
			 sqlite3_column_text(g->vname, 1)
				 ? (const char *)sqlite3_column_text(g->vname, 1) : "",
			 sqlite3_column_text(g->vname, 2)
				 ? (const char *)sqlite3_column_text(g->vname, 2) : "");
	sqlite3_reset(g->vname);
}

static const char *prec_name(jk_prec p)
{
	switch (p) {
	case JK_PREC_VILLAGE: return "village";
	case JK_PREC_DISTRICT: return "district";
	case JK_PREC_REGENCY: return "regency";
	case JK_PREC_AMBIGUOUS: return "ambiguous";
	default: return "none";
	}
}

/* Locates a parsed coordinate; tries the repairs a hand-typed coordinate
 * needs. Returns the village code or NULL, and the point used. */
static const char *locate(struct geo *g, jk_match *m, const jk_addr_in *in,
			  double *lat, double *lon, jk_buf *note)
{
	const char *hit[4];
	int n, i;

	n = jk_pip_find(g->pip, *lon, *lat, hit, 4);
	if (n == 0 && *lat > 0) {
		n = jk_pip_find(g->pip, *lon, -*lat, hit, 4);
		if (n > 0) {
			*lat = -*lat;
			jk_buf_puts(note, "latitude written without its minus sign, repaired; ");
		}
	}
	if (n == 0)
		return NULL;
	if (n > 1) {
		/* slivers where simplified polygons overlap: prefer the
		 * village the address names */
		for (i = 0; i < n && i < 4; i++)
			if (m->prec == JK_PREC_VILLAGE && strcmp(hit[i], m->kode) == 0)
				return hit[i];
		for (i = 0; i < n && i < 4; i++)
			if (jk_gaz_address_names(g->gaz, in, hit[i]) >= 0.85)
				return hit[i];
	}
	return hit[0];
}

static void set_text_result(struct geo *g, const jk_match *m,
			    struct geo_out *o)
{
	int i;

	o->prec = prec_name(m->prec);
	o->score = m->score;
	if (m->prec == JK_PREC_AMBIGUOUS) {
		/* never a guess: every candidate, for a person to choose */
		jk_buf_puts(&o->note, "candidates: ");
		for (i = 0; i < m->n_cand; i++) {
			char label[160];

			village_label(g, m->cand[i], label, sizeof label);
			jk_buf_printf(&o->cand, "%s%s", i ? ";" : "", m->cand[i]);
			jk_buf_printf(&o->note, "%s%s", i ? "; " : "", label);
		}
		jk_buf_puts(&o->note, "; ");
		return;
	}
	if (m->prec == JK_PREC_NONE)
		return;
	jk_strlcpy(o->kode, m->kode, sizeof o->kode);
	if (m->prec == JK_PREC_VILLAGE)
		o->has_pt = village_point(g, m->kode, &o->lon, &o->lat);
	else
		o->has_pt = area_point(g, m->kode, &o->lon, &o->lat);
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * A coordinate outside the village the address names, but within
 * g->near_m of its polygon (a point digitised on the wrong side of a
 * simplified border, or just off the coast), is kept as the point of the
 * named village; with an ambiguous address, it decides between the
 * candidates when it is near exactly one. Returns 1 when it set @p o.
 */
static int keep_near(struct geo *g, const jk_match *m, const char *c,
		     double lon, double lat, struct geo_out *o)
{
	const char *pick = NULL;
	double d = 0, dm = 0;
	int i;

	if (!g->pip || g->near_m <= 0)
		return 0;
	if (m->prec == JK_PREC_VILLAGE) {
		if ((c && strcmp(c, m->kode) == 0) ||
		    jk_pip_distance_m(g->pip, m->kode, lon, lat, &d) ||
		    d > g->near_m)
			return 0;
		pick = m->kode;
		dm = d;
	} else if (m->prec == JK_PREC_AMBIGUOUS && !c) {
		for (i = 0; i < m->n_cand; i++) {
			if (jk_pip_distance_m(g->pip, m->cand[i], lon, lat, &d) ||
			    d > g->near_m)
				continue;
			if (pick)
				return 0; /* near several: no decision */
			pick = m->cand[i];
			dm = d;
		}
		if (!pick)
			return 0;
	} else {
		return 0;
	}
	o->prec = "coordinate";
	jk_strlcpy(o->kode, pick, sizeof o->kode);
	if (c)
		jk_strlcpy(o->coord_kode, c, sizeof o->coord_kode);
	o->score = m->prec == JK_PREC_VILLAGE ? m->score : 0.8;
	o->has_pt = 1;
	o->lon = lon;
	o->lat = lat;
	jk_buf_printf(&o->note, "coordinate %.0f m outside the named village, within %.0f m: kept; ",
		      dm, g->near_m);
	if (m->prec == JK_PREC_VILLAGE)
		jk_buf_puts(&o->note, m->reason);
	return 1;
}

/* Reads the coordinate cell @p koord (*prc 1 when there is none to use)
 * and, when it can be used, the village it lies in; notes what is wrong
 * with it. Returns the village code, or NULL. */
static const char *coord_village(struct geo *g, jk_match *m, const jk_addr_in *in,
				 const char *koord, struct geo_out *o, double *lat,
				 double *lon, int *flags, int *prc)
{
	const char *c = NULL;
	char why[160];

	*prc = 1;
	if (koord && *koord)
		*prc = jk_coord_parse(koord, lat, lon, flags, why, sizeof why);
	if (*prc < 0) {
		jk_buf_printf(&o->note, "coordinate unreadable (%s); ", why);
		o->flagged = 1;
	} else if (*prc == 0 && (*flags & JK_COORD_ZERO)) {
		jk_buf_puts(&o->note, "coordinate 0,0 ignored; ");
		o->flagged = 1;
		*prc = 1;
	} else if (*prc == 0 && g->pip) {
		c = locate(g, m, in, lat, lon, &o->note);
		if (!c) {
			jk_buf_printf(&o->note, "coordinate %.6f, %.6f lies outside every village; ",
				      *lat, *lon);
			o->flagged = 1;
		}
	}
	if (*flags & JK_COORD_SWAPPED)
		jk_buf_puts(&o->note, "coordinate written lon, lat; ");
	return c;
}

/* Whether the coordinate's village @p c agrees with what the address
 * matched, @p m; notes how, when that needs saying. */
static int coord_agrees(struct geo *g, const jk_match *m, const jk_addr_in *in,
			const char *c, jk_buf *note)
{
	int agrees = 0, i;

	switch (m->prec) {
	case JK_PREC_VILLAGE: {
		/* the coordinate's village wins when the address fits
		 * it nearly as well as the one the matcher chose ("Lobu
		 * Kota" read as "Lobu"; a village of a regency split off
		 * from the one the address names) */
		double fit = strcmp(m->kode, c) == 0 ? 1.0
			     : jk_gaz_address_names(g->gaz, in, c);

		agrees = fit >= 0.9 || (fit >= 0.5 && fit >= m->score - COORD_EDGE);
		/* two villages of one name: the coordinate says
		 * which ("Jongok Meluem" of Aceh Tengah and of Bener
		 * Meriah, the regency split off) */
		if (!agrees && same_village_name(g, m->kode, c)) {
			agrees = 1;
			jk_buf_puts(note, "two villages of the name, the coordinate in this one; ");
		}
		/* "RT 09, Pasar Minggu, Jakarta Selatan": the name of
		 * a kelurahan and of its district; a coordinate in
		 * another village of that district says which */
		if (!agrees && strncmp(m->kode, c, 8) == 0 &&
		    named_like_district(g, m->kode)) {
			agrees = 1;
			jk_buf_puts(note, "the address names the district's namesake village, the coordinate another of the district; ");
		}
		break;
	}
	case JK_PREC_AMBIGUOUS:
		for (i = 0; i < m->n_cand; i++)
			if (strcmp(m->cand[i], c) == 0)
				agrees = 1;
		/* the candidates list may be cut short, or miss a
		 * village whose name the parser split */
		if (!agrees)
			agrees = jk_gaz_address_names(g->gaz, in, c) >= 0.9;
		if (agrees)
			jk_buf_puts(note, "coordinate resolves an ambiguous address; ");
		break;
	case JK_PREC_DISTRICT:
	case JK_PREC_REGENCY:
		agrees = starts_with(c, m->kode);
		if (agrees)
			jk_buf_puts(note, "address names no village, coordinate inside its area; ");
		break;
	default:
		agrees = 1;
		jk_buf_puts(note, "address not matched, coordinate used; ");
		break;
	}
	return agrees;
}

/* The coordinate in village @p c and the address disagree: the address
 * is used, the row flagged. */
static void coord_mismatch(struct geo *g, const jk_match *m, const char *c,
			   struct geo_out *o)
{
	char a[160], b[160];

	village_label(g, c, a, sizeof a);
	if (m->prec == JK_PREC_VILLAGE || m->prec == JK_PREC_DISTRICT ||
	    m->prec == JK_PREC_REGENCY)
		village_label(g, m->kode, b, sizeof b);
	else
		jk_strlcpy(b, m->prec == JK_PREC_AMBIGUOUS ? "several villages" : "nothing", sizeof b);
	jk_buf_printf(&o->note, "coordinate mismatch: coordinate in %s, address names %s; address used; ",
		      a, b);
	o->flagged = 1;
	set_text_result(g, m, o);
	jk_buf_puts(&o->note, m->reason);
}

/* Geocodes one row into @p o (whose buffers are reset by the caller). */
static int geocode_one(struct geo *g, const jk_addr_in *in,
		       const char *koord, struct geo_out *o)
{
	jk_match m;
	double lat = 0, lon = 0;
	int flags = 0, prc;
	const char *c;

	if (jk_gaz_match(g->gaz, in, &m) < 0)
		return jk_error(g->ctx, JK_ERR_NOMEM, "out of memory");
	o->prec = "none";
	o->kode[0] = o->coord_kode[0] = '\0';
	o->score = 0;
	o->has_pt = 0;
	o->flagged = 0;
	c = coord_village(g, &m, in, koord, o, &lat, &lon, &flags, &prc);
	if (prc == 0 && !(flags & JK_COORD_ZERO) && keep_near(g, &m, c, lon, lat, o))
		return JK_OK;
	if (!c) {
		set_text_result(g, &m, o);
		jk_buf_puts(&o->note, m.reason);
		return JK_OK;
	}
	/* reconcile the coordinate's village with the address */
	jk_strlcpy(o->coord_kode, c, sizeof o->coord_kode);
	if (!coord_agrees(g, &m, in, c, &o->note)) {
		coord_mismatch(g, &m, c, o);
		return JK_OK;
	}
	o->prec = "coordinate";
	jk_strlcpy(o->kode, c, sizeof o->kode);
	o->score = m.prec == JK_PREC_NONE ? 0.6 : 1.0;
	o->has_pt = 1;
	o->lon = lon;
	o->lat = lat;
	if (m.prec == JK_PREC_VILLAGE || m.prec == JK_PREC_NONE)
		jk_buf_puts(&o->note, m.reason);
	return JK_OK;
}

/* Replaces the matcher's result by the office's decision for the row, if
 * one fits (s: the row of geocode_table's query). */
static int apply_decision(struct geo *g, int clients, sqlite3_stmt *s,
			  struct geo_out *o, jk_geocode_stats *stats)
{
	const jk_decision *dc = jk_decided_find(g->dec, clients,
		(const char *)sqlite3_column_text(s, 6),
		(const char *)sqlite3_column_text(s, 7),
		(long)sqlite3_column_int64(s, 8));
	const char *hash = (const char *)sqlite3_column_text(s, 9);
	jk_decided_place p;
	jk_buf note;
	int rc;

	if (!dc || !hash || strcmp(dc->row_hash, hash) != 0)
		return JK_OK;
	jk_buf_init(&note);
	rc = jk_decided_place_row(g->dec, dc, (const char *)sqlite3_column_text(s, 5),
				  &p, &note);
	if (rc == 1) {
		jk_buf_reset(&o->note);
		jk_buf_puts(&o->note, jk_buf_str(&note));
	}
	jk_buf_release(&note);
	if (rc <= 0)
		return -rc;
	o->prec = p.prec;
	jk_strlcpy(o->kode, dc->kode, sizeof o->kode);
	o->score = 1.0;
	o->has_pt = 1;
	o->lon = p.lon;
	o->lat = p.lat;
	o->flagged = 0;
	jk_buf_reset(&o->cand);
	stats->decided++;
	return JK_OK;
}

/* One table: read the rows, geocode, write back. */
static int geocode_table(struct geo *g, int clients, jk_geocode_stats *stats)
{
	const char *sel = clients
		? "SELECT rowid, alamat, desa_col, kec_col, kab_col, koordinat,"
		  " src_file, src_sheet, src_row, row_hash FROM clients"
		: "SELECT rowid, alamat, desa_col, kec_col, kab_col, koordinat,"
		  " src_file, src_sheet, src_row, row_hash FROM sites";
	const char *upd = clients
		? "UPDATE clients SET kode_desa=?1, precision=?2, score=?3, geo_note=?4,"
		  " candidates=?5, coord_kode=?6, lon=?7, lat=?8,"
		  " geom=MakePoint(?7,?8,4326) WHERE rowid=?9"
		: "UPDATE sites SET kode_desa=?1, precision=?2, score=?3, geo_note=?4,"
		  " candidates=?5, coord_kode=?6, lon=?7, lat=?8,"
		  " geom=MakePoint(?7,?8,4326) WHERE rowid=?9";
	sqlite3_stmt *s = NULL, *u = NULL;
	struct geo_out o;
	long total = jk_store_count(g->st, clients ? "clients" : "sites"), done = 0;
	int rc;

	jk_buf_init(&o.note);
	jk_buf_init(&o.cand);
	rc = jk_store_prepare(g->st, sel, &s);
	if (!rc)
		rc = jk_store_prepare(g->st, upd, &u);
	while (!rc && sqlite3_step(s) == SQLITE_ROW) {
		jk_addr_in in;
		size_t n;

		in.alamat = (const char *)sqlite3_column_text(s, 1);
		in.desa = (const char *)sqlite3_column_text(s, 2);
		in.kec = (const char *)sqlite3_column_text(s, 3);
		in.kab = (const char *)sqlite3_column_text(s, 4);
		jk_buf_reset(&o.note);
		jk_buf_reset(&o.cand);
		rc = geocode_one(g, &in, (const char *)sqlite3_column_text(s, 5), &o);
		if (!rc)
			rc = apply_decision(g, clients, s, &o, stats);
		if (rc)
			break;
		n = o.note.len;
		while (n > 0 && (o.note.s[n - 1] == ' ' || o.note.s[n - 1] == ';'))
			o.note.s[--n] = '\0';
		if (*o.kode && strlen(o.kode) == 13)
			sqlite3_bind_text(u, 1, o.kode, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(u, 1);
		sqlite3_bind_text(u, 2, o.prec, -1, SQLITE_STATIC);
		sqlite3_bind_double(u, 3, o.score);
		sqlite3_bind_text(u, 4, jk_buf_str(&o.note), -1, SQLITE_TRANSIENT);
		if (o.cand.len)
			sqlite3_bind_text(u, 5, jk_buf_str(&o.cand), -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(u, 5);
		if (*o.coord_kode)
			sqlite3_bind_text(u, 6, o.coord_kode, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(u, 6);
		if (o.has_pt) {
			sqlite3_bind_double(u, 7, o.lon);
			sqlite3_bind_double(u, 8, o.lat);
		} else {
			sqlite3_bind_null(u, 7);
			sqlite3_bind_null(u, 8);
		}
		sqlite3_bind_int64(u, 9, sqlite3_column_int64(s, 0));
		if (sqlite3_step(u) != SQLITE_DONE)
			rc = jk_store_dberr(g->st, "cannot store geocode");
		sqlite3_reset(u);
		stats->rows++;
		stats->flagged += o.flagged;
		if (!strcmp(o.prec, "coordinate"))
			stats->coordinate++;
		else if (!strcmp(o.prec, "village"))
			stats->village++;
		else if (!strcmp(o.prec, "district"))
			stats->district++;
		else if (!strcmp(o.prec, "regency"))
			stats->regency++;
		else if (!strcmp(o.prec, "ambiguous"))
			stats->ambiguous++;
		else
			stats->none++;
		if (++done % 5000 == 0)
			jk_progress(g->ctx, clients ? "geocode clients" : "geocode sites",
				    done, total);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(u);
	jk_buf_release(&o.note);
	jk_buf_release(&o.cand);
	return rc;
}

/*
 * Calls SpatiaLite's @p fn ("DisableSpatialIndex", "CreateSpatialIndex")
 * on the point columns of sites and clients, inside the caller's
 * transaction; after disabling, drops the index tables (CreateSpatialIndex
 * builds them anew from the rows). SpatiaLite reports its own failures as
 * a 0 result, not an SQL error, and a disk that fills meanwhile may roll
 * the transaction back under it: both are errors here, before anything
 * else runs outside the transaction.
 */
static int spatial_index(jk_store *st, const char *fn)
{
	static const char *const tables[] = { "sites", "clients" };
	size_t i;
	int rc = JK_OK;

	for (i = 0; !rc && i < sizeof tables / sizeof tables[0]; i++) {
		sqlite3_stmt *s = NULL;
		char sql[128];

		snprintf(sql, sizeof sql, "SELECT %s('%s','geom')", fn, tables[i]);
		rc = jk_store_prepare(st, sql, &s);
		if (!rc && (sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int(s, 0) != 1))
			rc = jk_store_dberr(st, fn);
		sqlite3_finalize(s);
		if (!rc && fn[0] == 'D') {
			snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS idx_%s_geom", tables[i]);
			rc = jk_store_exec(st, sql);
		}
		if (!rc && sqlite3_get_autocommit(st->db))
			rc = jk_error(st->ctx, JK_ERR_DB,
				      "%s: %s: the transaction was lost (disk full?)",
				      st->path, fn);
	}
	return rc;
}

jk_status jk_geocode_run(jk_ctx *ctx, jk_store *st, const jk_geocode_opts *opts,
			 jk_geocode_stats *stats)
{
	struct geo g;
	jk_geocode_stats local;
	int rc, in_tx = 0;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	memset(&g, 0, sizeof g);
	g.ctx = ctx;
	g.st = st;
	g.near_m = opts ? opts->near_m : JK_GEOCODE_NEAR_M;
	if (g.near_m < 0 || g.near_m > 5000)
		return jk_error(ctx, JK_ERR_ARG,
				"near distance %g m: give 0 to 5000 m", g.near_m);
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	if (jk_store_count(st, "villages") <= 0)
		return jk_error(ctx, JK_ERR_STATE,
				"%s: no villages in the store (hint: jangkau import boundaries FILE)",
				st->path);
	rc = load_gazetteer(&g);
	if (rc)
		goto done;
	rc = jk_store_prepare(st, "SELECT pt_lon, pt_lat FROM villages WHERE kode=?", &g.vpt);
	if (!rc)
		rc = jk_store_prepare(st,
			"SELECT X(p), Y(p) FROM (SELECT ST_PointOnSurface(ST_Union(geom)) AS p"
			" FROM villages WHERE kode LIKE ?)", &g.apt);
	if (!rc)
		rc = jk_store_prepare(st, "SELECT nama, kecamatan, kabupaten FROM villages WHERE kode=?",
				      &g.vname);
	if (rc)
		goto done;
	{
		sqlite3_stmt *s;
		int any = 0;

		rc = jk_store_prepare(st,
			"SELECT EXISTS(SELECT 1 FROM sites WHERE koordinat IS NOT NULL)"
			" OR EXISTS(SELECT 1 FROM clients WHERE koordinat IS NOT NULL)", &s);
		if (rc)
			goto done;
		if (sqlite3_step(s) == SQLITE_ROW)
			any = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
		if (any) {
			rc = jk_pip_create(ctx, st, &g.pip);
			if (rc)
				goto done;
		}
	}
	rc = jk_store_begin(st);
	if (rc)
		goto done;
	in_tx = 1;
	rc = jk_decided_load(ctx, st, &g.dec);
	if (!rc)
		stats->stale = jk_decided_report(g.dec);
	/* every point is rewritten: the spatial indexes are rebuilt once
	 * afterwards instead of a trigger per row */
	if (!rc)
		rc = spatial_index(st, "DisableSpatialIndex");
	if (!rc)
		rc = geocode_table(&g, 0, stats);
	if (!rc)
		rc = geocode_table(&g, 1, stats);
	if (!rc)
		rc = spatial_index(st, "CreateSpatialIndex");
	/* results computed from the old geocodes are stale now */
	if (!rc)
		rc = jk_store_results_clear(st);
done:
	rc = jk_store_end(st, &in_tx, rc, "geocode", NULL);
	sqlite3_finalize(g.vpt);
	sqlite3_finalize(g.apt);
	sqlite3_finalize(g.vname);
	free(g.areas);
	jk_pip_destroy(g.pip);
	jk_gaz_destroy(g.gaz);
	jk_decided_destroy(g.dec);
	return rc;
}
