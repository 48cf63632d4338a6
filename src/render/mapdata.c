/* SPDX-License-Identifier: MIT */
/*
 * The data of one mapped area: its villages with their coverage status,
 * the neighbouring villages that fall in the frame, the placed sites and,
 * for a regency, the kecamatan outlines; all projected with PROJ to the UTM
 * zone of the area's centre and simplified with GEOS to half an output
 * pixel, so that a map of a whole regency stays small in SVG and PDF.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/parse.h"
#include "render_int.h"

/* The margin around the area inside the frame, as a share of its size. */
#define FRAME_MARGIN 0.04

int jk_map_village_status(const char *s)
{
	static const char *const names[JK_MS_N] = {"covered", "reachable",
						   "pending", "gap"};
	int i;

	for (i = 0; s && i < JK_MS_N; i++)
		if (!strcmp(s, names[i]))
			return i;
	return JK_MS_NONE;
}

int jk_map_site_status(const char *s)
{
	static const char *const names[JK_SS_N] = {"ready", "not_ready",
						   "inactive", "unknown"};
	int i;

	for (i = 0; s && i < JK_SS_N; i++)
		if (!strcmp(s, names[i]))
			return i;
	return JK_SS_UNKNOWN;
}

static char *col_dup(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t ? jk_strdup((const char *)t) : NULL;
}

static int proj_fail(jk_ctx *ctx, const char *what)
{
	int e = proj_context_errno(ctx->pj);

	return jk_error(ctx, JK_ERR_PROJ, "%s: %s", what,
			e ? proj_context_errno_string(ctx->pj, e) : "failed");
}

static int to_utm(double *x, double *y, void *user)
{
	PJ *pj = user;
	PJ_COORD c = proj_coord(*x, *y, 0, 0);

	c = proj_trans(pj, PJ_FWD, c);
	if (!isfinite(c.xy.x) || !isfinite(c.xy.y))
		return 0;
	*x = c.xy.x;
	*y = c.xy.y;
	return 1;
}

/* Reads the area's names and its extent in degrees. */
static int load_area(jk_ctx *ctx, jk_store *st, jk_mapdata *md, double *bb)
{
	sqlite3_stmt *s = NULL;
	int rc;

	rc = jk_store_prepare(st,
		"SELECT count(*), max(provinsi), max(kabupaten), max(kecamatan),"
		" max(nama), min(MbrMinX(geom)), min(MbrMinY(geom)),"
		" max(MbrMaxX(geom)), max(MbrMaxY(geom))"
		" FROM villages WHERE kode = ?1"
		" OR (kode > ?1 || '.' AND kode < ?1 || '/')", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, md->code, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = jk_store_dberr(st, "cannot read the area");
		goto cleanup;
	}
	if (sqlite3_column_int64(s, 0) == 0 ||
	    sqlite3_column_type(s, 5) == SQLITE_NULL) {
		rc = jk_error(ctx, JK_ERR_ARG,
			      "no village in the store has the code '%s' or lies"
			      " in an area of that code (a kode such as 74.72 for"
			      " a regency or 74.72.01 for a district)", md->code);
		goto cleanup;
	}
	switch (md->level) {
	case 1:
		md->name = col_dup(s, 1);
		break;
	case 2:
		md->name = col_dup(s, 2);
		md->parent = col_dup(s, 1);
		break;
	case 3:
		md->name = col_dup(s, 3);
		md->parent = col_dup(s, 2);
		break;
	default:
		md->name = col_dup(s, 4);
		md->parent = col_dup(s, 3);
		break;
	}
	if (!md->name)
		md->name = jk_strdup(md->code);
	bb[0] = sqlite3_column_double(s, 5);
	bb[1] = sqlite3_column_double(s, 6);
	bb[2] = sqlite3_column_double(s, 7);
	bb[3] = sqlite3_column_double(s, 8);
cleanup:
	sqlite3_finalize(s);
	return rc;
}

/* Projects the outline of the degree box @p bb (its corners and edge
 * points) and returns its extent in metres. */
static int project_box(jk_ctx *ctx, PJ *pj, PJ_DIRECTION dir,
		       const double *bb, double *out)
{
	int i, j;

	out[0] = out[1] = HUGE_VAL;
	out[2] = out[3] = -HUGE_VAL;
	for (i = 0; i <= 8; i++)
		for (j = 0; j <= 8; j++) {
			PJ_COORD c;

			if (i && i < 8 && j && j < 8)
				continue; /* the outline only */
			c = proj_coord(bb[0] + (bb[2] - bb[0]) * i / 8,
				       bb[1] + (bb[3] - bb[1]) * j / 8, 0, 0);
			c = proj_trans(pj, dir, c);
			if (!isfinite(c.xy.x) || !isfinite(c.xy.y))
				return proj_fail(ctx, "cannot project the map extent");
			out[0] = fmin(out[0], c.xy.x);
			out[1] = fmin(out[1], c.xy.y);
			out[2] = fmax(out[2], c.xy.x);
			out[3] = fmax(out[3], c.xy.y);
		}
	return JK_OK;
}

/* Chooses the UTM zone, the area's and the frame's extent, true north. */
static int set_projection(jk_ctx *ctx, jk_mapdata *md, const double *bb,
			  const jk_mapdata_opts *o)
{
	double lon = (bb[0] + bb[2]) / 2, lat = (bb[1] + bb[3]) / 2;
	double ext[4], w, h, cx, cy, aspect;
	char crs[32];
	PJ *raw;
	PJ_COORD a, b;
	int rc;

	md->epsg = jk_utm_epsg(lon, lat);
	snprintf(crs, sizeof crs, "EPSG:%d", md->epsg);
	raw = proj_create_crs_to_crs(ctx->pj, "EPSG:4326", crs, NULL);
	if (!raw)
		return proj_fail(ctx, "cannot set up the UTM projection");
	md->pj = proj_normalize_for_visualization(ctx->pj, raw);
	proj_destroy(raw);
	if (!md->pj)
		return proj_fail(ctx, "cannot set up the UTM projection");
	rc = project_box(ctx, md->pj, PJ_FWD, bb, ext);
	if (rc)
		return rc;
	md->minx = ext[0];
	md->miny = ext[1];
	md->maxx = ext[2];
	md->maxy = ext[3];
	/* the frame: the area plus a margin, widened to the frame's shape */
	w = fmax(ext[2] - ext[0], 100.0) * (1 + 2 * FRAME_MARGIN);
	h = fmax(ext[3] - ext[1], 100.0) * (1 + 2 * FRAME_MARGIN);
	cx = (ext[0] + ext[2]) / 2;
	cy = (ext[1] + ext[3]) / 2;
	aspect = o->frame_w / o->frame_h;
	if (w / h < aspect)
		w = h * aspect;
	else
		h = w / aspect;
	md->fminx = cx - w / 2;
	md->fmaxx = cx + w / 2;
	md->fminy = cy - h / 2;
	md->fmaxy = cy + h / 2;
	/* true north at the centre: the grid direction of a step north */
	a = proj_trans(md->pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
	b = proj_trans(md->pj, PJ_FWD, proj_coord(lon, lat + 0.01, 0, 0));
	md->north_deg = atan2(b.xy.x - a.xy.x, b.xy.y - a.xy.y) * 180 / M_PI;
	return JK_OK;
}

/* The label point of a polygon: the centre of its largest inscribed
 * circle (the pole of inaccessibility), to a hundredth of its size. */
static int label_point(GEOSContextHandle_t h, const GEOSGeometry *g,
		       double area, double *x, double *y)
{
	GEOSGeometry *mic = GEOSMaximumInscribedCircle_r(h, g,
							 sqrt(area) / 100 + 1);
	GEOSGeometry *c = mic ? GEOSGeomGetStartPoint_r(h, mic) : NULL;
	int ok = c && GEOSGeomGetX_r(h, c, x) && GEOSGeomGetY_r(h, c, y);

	GEOSGeom_destroy_r(h, c);
	GEOSGeom_destroy_r(h, mic);
	return ok;
}

/* Adds the village of row @p s (its projected, simplified polygon @p p,
 * taken; its point @p x, @p y in degrees) to @p md, with the point its
 * name is drawn at; room for it is there. */
static void village_add(GEOSContextHandle_t h, jk_mapdata *md, sqlite3_stmt *s,
			GEOSGeometry *p, double x, double y)
{
	jk_map_village *v = &md->v[md->nv++];

	memset(v, 0, sizeof *v);
	v->geom = p;
	v->kode = col_dup(s, 0);
	v->nama = col_dup(s, 1);
	v->kode_kec = col_dup(s, 2);
	v->status = jk_map_village_status((const char *)sqlite3_column_text(s, 3));
	v->in_area = sqlite3_column_int(s, 7);
	GEOSArea_r(h, p, &v->area);
	if (v->in_area && label_point(h, p, v->area, &x, &y)) {
		/* the centre of the largest inscribed circle: where a name
		 * has the most room */
	} else if (sqlite3_column_type(s, 4) == SQLITE_NULL ||
		   !to_utm(&x, &y, md->pj)) {
		GEOSGeometry *pt = GEOSPointOnSurface_r(h, p);

		x = y = 0;
		if (pt) {
			GEOSGeomGetX_r(h, pt, &x);
			GEOSGeomGetY_r(h, pt, &y);
			GEOSGeom_destroy_r(h, pt);
		}
	}
	v->lx = x;
	v->ly = y;
	if (v->in_area)
		md->n_status[v->status]++;
}

/* Reads every village whose box meets the frame, projected to the map's
 * UTM zone and simplified to @p tol metres, with its coverage status and
 * whether it lies in the mapped area. */
static int load_villages(jk_ctx *ctx, jk_store *st, jk_mapdata *md,
			 double tol)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSWKBReader *rd = GEOSWKBReader_create_r(h);
	sqlite3_stmt *s = NULL;
	double fb[4], ll[4];
	size_t cap = 0;
	int rc, step;

	if (!rd)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	fb[0] = md->fminx;
	fb[1] = md->fminy;
	fb[2] = md->fmaxx;
	fb[3] = md->fmaxy;
	rc = project_box(ctx, md->pj, PJ_INV, fb, ll);
	if (rc)
		goto cleanup;
	rc = jk_store_prepare(st,
		"SELECT v.kode, v.nama, v.kode_kec, c.status, v.pt_lon, v.pt_lat,"
		" AsBinary(v.geom),"
		" (v.kode = ?1 OR (v.kode > ?1 || '.' AND v.kode < ?1 || '/'))"
		" FROM villages v LEFT JOIN coverage c ON c.kode = v.kode"
		" WHERE v.rowid IN (SELECT pkid FROM idx_villages_geom"
		"  WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3)"
		" ORDER BY v.kode", &s);
	if (rc)
		goto cleanup;
	sqlite3_bind_text(s, 1, md->code, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 2, ll[0]);
	sqlite3_bind_double(s, 3, ll[1]);
	sqlite3_bind_double(s, 4, ll[2]);
	sqlite3_bind_double(s, 5, ll[3]);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const void *wkb = sqlite3_column_blob(s, 6);
		int nwkb = sqlite3_column_bytes(s, 6);
		GEOSGeometry *g, *p, *simple;
		double x = sqlite3_column_double(s, 4),
		       y = sqlite3_column_double(s, 5);

		if (!wkb || nwkb <= 0)
			continue;
		g = GEOSWKBReader_read_r(h, rd, wkb, (size_t)nwkb);
		if (!g) {
			rc = jk_error(ctx, JK_ERR_GEOS,
				      "village %s: unreadable geometry: %s",
				      sqlite3_column_text(s, 0), jk_geos_lasterr(ctx));
			goto cleanup;
		}
		p = GEOSGeom_transformXY_r(h, g, to_utm, md->pj);
		GEOSGeom_destroy_r(h, g);
		if (!p) {
			rc = proj_fail(ctx, "cannot project a village");
			goto cleanup;
		}
		simple = GEOSTopologyPreserveSimplify_r(h, p, tol);
		if (simple) {
			GEOSGeom_destroy_r(h, p);
			p = simple;
		}
		if (md->nv == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			jk_map_village *nv = realloc(md->v, ncap * sizeof *nv);

			if (!nv) {
				GEOSGeom_destroy_r(h, p);
				rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
				goto cleanup;
			}
			md->v = nv;
			cap = ncap;
		}
		village_add(h, md, s, p, x, y);
	}
	if (step != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot read the villages");
cleanup:
	sqlite3_finalize(s);
	GEOSWKBReader_destroy_r(h, rd);
	return rc;
}

/* The sites of the area that the coverage step counts (placed at a
 * coordinate or a village point), and a count of the others. */
static int load_sites(jk_ctx *ctx, jk_store *st, jk_mapdata *md)
{
	sqlite3_stmt *s = NULL;
	size_t cap = 0;
	int rc, step;

	rc = jk_store_prepare(st,
		"SELECT site_id, status, lon, lat,"
		" precision IN ('coordinate', 'village') AND lon IS NOT NULL"
		" FROM sites WHERE kode_desa = ?1"
		" OR (kode_desa > ?1 || '.' AND kode_desa < ?1 || '/')"
		" ORDER BY site_id", &s);
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, md->code, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		jk_map_site *p;
		double x = sqlite3_column_double(s, 2),
		       y = sqlite3_column_double(s, 3);

		if (!sqlite3_column_int(s, 4) || !to_utm(&x, &y, md->pj)) {
			md->n_unplaced++;
			continue;
		}
		if (md->ns == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			jk_map_site *ns = realloc(md->s, ncap * sizeof *ns);

			if (!ns) {
				rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
				goto cleanup;
			}
			md->s = ns;
			cap = ncap;
		}
		p = &md->s[md->ns++];
		p->site_id = (long)sqlite3_column_int64(s, 0);
		p->status = jk_map_site_status(
			(const char *)sqlite3_column_text(s, 1));
		p->num = 0;
		p->x = x;
		p->y = y;
		md->n_site[p->status]++;
	}
	if (step != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot read the sites");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

static int cmp_kec(const void *a, const void *b)
{
	const jk_map_village *const *x = a, *const *y = b;

	return strcmp((*x)->kode_kec ? (*x)->kode_kec : "",
		      (*y)->kode_kec ? (*y)->kode_kec : "");
}

/* The kecamatan of the area as unions of their villages. */
static int load_kecamatan(jk_ctx *ctx, jk_store *st, jk_mapdata *md)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	jk_map_village **vs = NULL;
	sqlite3_stmt *s = NULL;
	size_t n = 0, i, j;
	int rc = JK_OK;

	vs = malloc((md->nv ? md->nv : 1) * sizeof *vs);
	md->k = calloc(md->nv ? md->nv : 1, sizeof *md->k);
	if (!vs || !md->k) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < md->nv; i++)
		if (md->v[i].in_area && md->v[i].kode_kec)
			vs[n++] = &md->v[i];
	qsort(vs, n, sizeof *vs, cmp_kec);
	rc = jk_store_prepare(st,
		"SELECT max(kecamatan) FROM villages WHERE kode_kec = ?", &s);
	if (rc)
		goto cleanup;
	for (i = 0; i < n; i = j) {
		GEOSGeometry **parts, *coll, *u, *pt;
		jk_map_kec *k;
		size_t m;

		for (j = i; j < n && !strcmp(vs[j]->kode_kec, vs[i]->kode_kec); j++)
			;
		parts = malloc((j - i) * sizeof *parts);
		if (!parts) {
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			goto cleanup;
		}
		for (m = 0; m < j - i; m++)
			parts[m] = GEOSGeom_clone_r(h, vs[i + m]->geom);
		coll = GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION,
						   parts, (unsigned)(j - i));
		free(parts);
		u = coll ? GEOSUnaryUnion_r(h, coll) : NULL;
		if (!u && coll) {
			/* simplified villages may overlap badly: repair, retry */
			GEOSGeometry *valid = GEOSMakeValid_r(h, coll);

			u = valid ? GEOSUnaryUnion_r(h, valid) : NULL;
			GEOSGeom_destroy_r(h, valid);
		}
		GEOSGeom_destroy_r(h, coll);
		if (!u)
			continue; /* drawn without its outline, not fatal */
		k = &md->k[md->nk++];
		k->geom = u;
		k->kode = jk_strdup(vs[i]->kode_kec);
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, k->kode, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			k->nama = col_dup(s, 0);
		pt = GEOSPointOnSurface_r(h, u);
		if (pt) {
			GEOSGeomGetX_r(h, pt, &k->lx);
			GEOSGeomGetY_r(h, pt, &k->ly);
			GEOSGeom_destroy_r(h, pt);
		}
	}
cleanup:
	sqlite3_finalize(s);
	free(vs);
	return rc;
}

/* The date of the last coverage run and the source files. */
static int load_meta(jk_store *st, jk_mapdata *md)
{
	sqlite3_stmt *s = NULL;
	jk_buf b;
	int rc;

	rc = jk_store_prepare(st,
		"SELECT substr(at, 1, 10) FROM runs WHERE step LIKE 'coverage%'"
		" ORDER BY run_id DESC LIMIT 1", &s);
	if (rc)
		return rc;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		jk_strlcpy(md->run_at, (const char *)sqlite3_column_text(s, 0),
			   sizeof md->run_at);
	sqlite3_finalize(s);
	jk_buf_init(&b);
	rc = jk_store_prepare(st,
		"SELECT params FROM runs WHERE step = 'import boundaries'"
		" AND params IS NOT NULL ORDER BY run_id DESC LIMIT 1", &s);
	if (rc)
		return rc;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		jk_buf_puts(&b, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	rc = jk_store_prepare(st,
		"SELECT DISTINCT src_file FROM sites ORDER BY src_file LIMIT 3",
		&s);
	if (rc) {
		jk_buf_release(&b);
		return rc;
	}
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *f = (const char *)sqlite3_column_text(s, 0);
		const char *base = f ? strrchr(f, '/') : NULL;

		if (!f)
			continue;
		if (b.len)
			jk_buf_puts(&b, ", ");
		jk_buf_puts(&b, base ? base + 1 : f);
	}
	sqlite3_finalize(s);
	if (b.oom) {
		jk_buf_release(&b);
		return JK_ERR_NOMEM;
	}
	md->source = b.len ? b.s : NULL;
	if (!md->source)
		jk_buf_release(&b);
	return JK_OK;
}

int jk_mapdata_load(jk_ctx *ctx, jk_store *st, const char *code,
		    const jk_mapdata_opts *opts, jk_mapdata *md)
{
	double bb[4] = {0, 0, 0, 0}, tol; /* set by load_area; gcc -O2 cannot tell */
	int rc;

	memset(md, 0, sizeof *md);
	if (!code || !*code || !opts || opts->frame_w <= 0 ||
	    opts->frame_h <= 0 || opts->px_per_pt <= 0)
		return jk_error(ctx, JK_ERR_ARG, "map: no area code or frame given");
	md->code = jk_strdup(code);
	if (!md->code)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	md->level = jk_kode_level(code);
	rc = load_area(ctx, st, md, bb);
	if (!rc)
		rc = set_projection(ctx, md, bb, opts);
	if (rc)
		goto fail;
	/* half an output pixel, in metres */
	tol = 0.5 * (md->fmaxx - md->fminx) / (opts->frame_w * opts->px_per_pt);
	rc = load_villages(ctx, st, md, tol);
	if (!rc)
		rc = load_sites(ctx, st, md);
	if (!rc && opts->kecamatan)
		rc = load_kecamatan(ctx, st, md);
	if (!rc)
		rc = load_meta(st, md);
	if (rc == JK_ERR_NOMEM)
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	if (!rc)
		return JK_OK;
fail:
	jk_mapdata_release(ctx, md);
	return rc;
}

void jk_mapdata_release(jk_ctx *ctx, jk_mapdata *md)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	size_t i;

	for (i = 0; i < md->nv; i++) {
		free(md->v[i].kode);
		free(md->v[i].nama);
		free(md->v[i].kode_kec);
		GEOSGeom_destroy_r(h, md->v[i].geom);
	}
	for (i = 0; i < md->nk; i++) {
		free(md->k[i].kode);
		free(md->k[i].nama);
		GEOSGeom_destroy_r(h, md->k[i].geom);
	}
	free(md->v);
	free(md->s);
	free(md->k);
	free(md->code);
	free(md->name);
	free(md->parent);
	free(md->source);
	proj_destroy(md->pj);
	memset(md, 0, sizeof *md);
}
