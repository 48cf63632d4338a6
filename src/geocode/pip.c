/* SPDX-License-Identifier: MIT */
/*
 * Point-in-polygon index: see pip.h. Polygons are read once from the store
 * as WKB; the STRtree holds indexes into the polygon array, and prepared
 * geometries are built lazily so that a run that tests few points does not
 * pay for preparing every village of the country.
 */
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "pip.h"

struct jk_pip {
	jk_ctx *ctx;
	GEOSSTRtree *tree;
	size_t n;
	char **kode;
	GEOSGeometry **geom;
	const GEOSPreparedGeometry **prep;
};

void jk_pip_destroy(jk_pip *p)
{
	GEOSContextHandle_t h;
	size_t i;

	if (!p)
		return;
	h = JK_GEOS(p->ctx);
	if (p->tree)
		GEOSSTRtree_destroy_r(h, p->tree);
	for (i = 0; i < p->n; i++) {
		if (p->prep && p->prep[i])
			GEOSPreparedGeom_destroy_r(h, p->prep[i]);
		if (p->geom && p->geom[i])
			GEOSGeom_destroy_r(h, p->geom[i]);
		if (p->kode)
			free(p->kode[i]);
	}
	free(p->kode);
	free(p->geom);
	free(p->prep);
	free(p);
}

int jk_pip_create(jk_ctx *ctx, jk_store *st, jk_pip **out)
{
	GEOSContextHandle_t h = JK_GEOS(ctx);
	GEOSWKBReader *rd = NULL;
	sqlite3_stmt *s = NULL;
	jk_pip *p;
	long n = jk_store_count(st, "villages");
	int rc = JK_OK;

	*out = NULL;
	if (n < 0)
		return jk_store_dberr(st, "cannot count villages");
	p = calloc(1, sizeof *p);
	if (!p)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	p->ctx = ctx;
	p->kode = calloc((size_t)n + 1, sizeof *p->kode);
	p->geom = calloc((size_t)n + 1, sizeof *p->geom);
	p->prep = calloc((size_t)n + 1, sizeof *p->prep);
	p->tree = GEOSSTRtree_create_r(h, 10);
	rd = GEOSWKBReader_create_r(h);
	if (!p->kode || !p->geom || !p->prep || !p->tree || !rd) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto done;
	}
	rc = jk_store_prepare(st, "SELECT kode, AsBinary(geom) FROM villages ORDER BY kode", &s);
	if (rc)
		goto done;
	while (sqlite3_step(s) == SQLITE_ROW && p->n < (size_t)n) {
		const void *wkb = sqlite3_column_blob(s, 1);
		int len = sqlite3_column_bytes(s, 1);
		GEOSGeometry *g;

		if (!wkb)
			continue;
		g = GEOSWKBReader_read_r(h, rd, wkb, (size_t)len);
		if (!g) {
			rc = jk_error(ctx, JK_ERR_GEOS, "village %s: %s",
				      sqlite3_column_text(s, 0), jk_geos_lasterr(ctx));
			goto done;
		}
		p->kode[p->n] = jk_strdup((const char *)sqlite3_column_text(s, 0));
		p->geom[p->n] = g;
		if (!p->kode[p->n]) {
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			goto done;
		}
		GEOSSTRtree_insert_r(h, p->tree, g, (void *)(uintptr_t)p->n);
		p->n++;
	}
done:
	sqlite3_finalize(s);
	if (rd)
		GEOSWKBReader_destroy_r(h, rd);
	if (rc) {
		jk_pip_destroy(p);
		return rc;
	}
	*out = p;
	return JK_OK;
}

struct hits {
	size_t idx[16];
	int n;
};

static void collect(void *item, void *user)
{
	struct hits *hs = user;

	if (hs->n < 16)
		hs->idx[hs->n++] = (size_t)(uintptr_t)item;
}

int jk_pip_find(jk_pip *p, double lon, double lat, const char **kode, int max)
{
	GEOSContextHandle_t h = JK_GEOS(p->ctx);
	GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(h, lon, lat);
	struct hits hs;
	int i, found = 0;

	if (!pt)
		return 0;
	hs.n = 0;
	GEOSSTRtree_query_r(h, p->tree, pt, collect, &hs);
	for (i = 0; i < hs.n; i++) {
		size_t k = hs.idx[i];

		if (!p->prep[k])
			p->prep[k] = GEOSPrepare_r(h, p->geom[k]);
		if (p->prep[k] && GEOSPreparedIntersects_r(h, p->prep[k], pt) == 1) {
			if (found < max)
				kode[found] = p->kode[k];
			found++;
		}
	}
	GEOSGeom_destroy_r(h, pt);
	return found;
}

static int kode_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Metres per degree at latitude @p lat: an equirectangular scale, within
 * 0.5% of the geodesic over the few hundred metres this is used for. */
int jk_pip_distance_m(jk_pip *p, const char *kode, double lon, double lat,
		      double *dist_m)
{
	GEOSContextHandle_t h = JK_GEOS(p->ctx);
	const char **hit;
	GEOSGeometry *pt;
	GEOSCoordSequence *cs;
	size_t k;
	double x0, y0, x1, y1, dx, dy;

	hit = bsearch(&kode, p->kode, p->n, sizeof *p->kode, kode_cmp);
	if (!hit)
		return -1;
	k = (size_t)(hit - (const char **)p->kode);
	if (!p->prep[k])
		p->prep[k] = GEOSPrepare_r(h, p->geom[k]);
	pt = GEOSGeom_createPointFromXY_r(h, lon, lat);
	if (!p->prep[k] || !pt) {
		GEOSGeom_destroy_r(h, pt);
		return -1;
	}
	cs = GEOSPreparedNearestPoints_r(h, p->prep[k], pt);
	GEOSGeom_destroy_r(h, pt);
	if (!cs)
		return -1;
	GEOSCoordSeq_getXY_r(h, cs, 0, &x0, &y0);
	GEOSCoordSeq_getXY_r(h, cs, 1, &x1, &y1);
	GEOSCoordSeq_destroy_r(h, cs);
	dx = (x1 - x0) * 111320.0 * cos(lat * M_PI / 180.0);
	dy = (y1 - y0) * 110574.0;
	*dist_m = sqrt(dx * dx + dy * dy);
	return 0;
}
