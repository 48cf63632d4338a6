/* SPDX-License-Identifier: MIT */
/*
 * Cartography of a coverage map with cairo: villages filled by status in
 * the colours of maps/desa_coverage.qml (a blue sequence for the served
 * villages, light orange and white with hatching for the two that need
 * work, so the map reads for colour-blind people and in grey print), the
 * sites with the symbols of maps/sites.qml, labels that never overlap, a
 * north arrow to true north and a scale bar true at the centre of the
 * map (UTM).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* ------------------------------------------------------------------ */
/* Colours and symbols (as in the styles of maps/)                              */

static const unsigned char status_fill[JK_MS_N + 1][3] = {
	{33, 102, 172},  /* covered */
	{146, 197, 222}, /* reachable */
	{253, 208, 162}, /* pending */
	{255, 255, 255}, /* gap */
	{224, 224, 224}, /* not analysed */
};
static const unsigned char status_line[JK_MS_N + 1][3] = {
	{255, 255, 255}, {255, 255, 255}, {166, 54, 3}, {127, 39, 4},
	{150, 150, 150},
};
static const unsigned char site_fill[JK_SS_N][3] = {
	{20, 20, 20}, {253, 141, 60}, {189, 189, 189}, {255, 255, 255},
};
static const unsigned char site_line[JK_SS_N][3] = {
	{255, 255, 255}, {20, 20, 20}, {37, 37, 37}, {20, 20, 20},
};

static void rgb(cairo_t *cr, const unsigned char *c)
{
	cairo_set_source_rgb(cr, c[0] / 255.0, c[1] / 255.0, c[2] / 255.0);
}

void jk_map_status_rgb(int status, double out[3])
{
	int i;

	if (status < 0 || status > JK_MS_N)
		status = JK_MS_NONE;
	for (i = 0; i < 3; i++)
		out[i] = status_fill[status][i] / 255.0;
}

/* ------------------------------------------------------------------ */
/* Geometry to paths                                                   */

typedef struct view {
	double x0, y0, k;      /* page origin of the frame, points per metre */
	double fminx, fmaxy;
} view;

static void ring_path(GEOSContextHandle_t h, cairo_t *cr, const view *vw,
		      const GEOSGeometry *ring)
{
	const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(h, ring);
	unsigned int n = 0, i;

	if (!cs || !GEOSCoordSeq_getSize_r(h, cs, &n) || n < 3)
		return;
	for (i = 0; i < n; i++) {
		double x, y;

		GEOSCoordSeq_getXY_r(h, cs, i, &x, &y);
		x = vw->x0 + (x - vw->fminx) * vw->k;
		y = vw->y0 + (vw->fmaxy - y) * vw->k;
		if (i == 0)
			cairo_move_to(cr, x, y);
		else
			cairo_line_to(cr, x, y);
	}
	cairo_close_path(cr);
}

static void geom_path(GEOSContextHandle_t h, cairo_t *cr, const view *vw,
		      const GEOSGeometry *g)
{
	int t = GEOSGeomTypeId_r(h, g), i, n;

	if (t == GEOS_POLYGON) {
		ring_path(h, cr, vw, GEOSGetExteriorRing_r(h, g));
		n = GEOSGetNumInteriorRings_r(h, g);
		for (i = 0; i < n; i++)
			ring_path(h, cr, vw, GEOSGetInteriorRingN_r(h, g, i));
	} else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
		n = GEOSGetNumGeometries_r(h, g);
		for (i = 0; i < n; i++)
			geom_path(h, cr, vw, GEOSGetGeometryN_r(h, g, i));
	}
}

static void page_xy(const view *vw, double x, double y, double *px,
		    double *py)
{
	*px = vw->x0 + (x - vw->fminx) * vw->k;
	*py = vw->y0 + (vw->fmaxy - y) * vw->k;
}

/* Hatches the current path (which it consumes) with lines at @p deg
 * degrees, @p gap points apart: vector lines, sharp in PDF and SVG. */
static void hatch(cairo_t *cr, double deg, double gap, double width,
		  const unsigned char *c)
{
	double x1, y1, x2, y2, cx, cy, r, a = deg * M_PI / 180, d;

	cairo_save(cr);
	cairo_fill_extents(cr, &x1, &y1, &x2, &y2);
	cairo_clip(cr);
	cx = (x1 + x2) / 2;
	cy = (y1 + y2) / 2;
	r = hypot(x2 - x1, y2 - y1) / 2 + gap;
	/* lines along (cos a, -sin a), stepped along the normal; anchored to
	 * the page so that neighbouring polygons' hatches line up */
	for (d = floor((cx * sin(a) + cy * cos(a) - r) / gap) * gap;
	     d <= cx * sin(a) + cy * cos(a) + r; d += gap) {
		double px = d * sin(a), py = d * cos(a);
		double t0 = (cx - px) * cos(a) - (cy - py) * sin(a);

		cairo_move_to(cr, px + (t0 - r) * cos(a), py - (t0 - r) * sin(a));
		cairo_line_to(cr, px + (t0 + r) * cos(a), py - (t0 + r) * sin(a));
	}
	rgb(cr, c);
	cairo_set_line_width(cr, width);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* ------------------------------------------------------------------ */
/* Symbols                                                             */

/* The symbol of a site status, centred at (x, y), @p s points across. */
static void site_symbol(cairo_t *cr, int status, double x, double y,
			double s)
{
	double r = s / 2;

	cairo_new_path(cr);
	switch (status) {
	case JK_SS_READY:
		cairo_arc(cr, x, y, r, 0, 2 * M_PI);
		break;
	case JK_SS_NOT_READY:
		r *= 1.2;
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r * 0.866, y + r * 0.5);
		cairo_line_to(cr, x - r * 0.866, y + r * 0.5);
		cairo_close_path(cr);
		break;
	case JK_SS_INACTIVE:
		r *= 0.85;
		cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
		break;
	default:
		r *= 1.1;
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r, y);
		cairo_line_to(cr, x, y + r);
		cairo_line_to(cr, x - r, y);
		cairo_close_path(cr);
		break;
	}
	rgb(cr, site_fill[status]);
	cairo_fill_preserve(cr);
	rgb(cr, site_line[status]);
	cairo_set_line_width(cr, 0.6);
	cairo_stroke(cr);
}

/* A village swatch of the legend. */
static void swatch(cairo_t *cr, int status, double x, double y, double w,
		   double h, int with_hatch)
{
	cairo_rectangle(cr, x, y, w, h);
	rgb(cr, status_fill[status]);
	cairo_fill_preserve(cr);
	if (with_hatch && (status == JK_MS_PENDING || status == JK_MS_GAP)) {
		cairo_save(cr);
		cairo_new_path(cr);
		cairo_rectangle(cr, x, y, w, h);
		hatch(cr, status == JK_MS_GAP ? 45 : 135,
		      status == JK_MS_GAP ? 2.2 : 3.0, 0.5, status_line[status]);
		cairo_restore(cr);
		cairo_rectangle(cr, x, y, w, h);
	}
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	cairo_set_line_width(cr, 0.5);
	cairo_stroke(cr);
}

/* ------------------------------------------------------------------ */
/* Label placement                                                     */

typedef struct boxes {
	double (*b)[4];
	size_t n, cap;
} boxes;

static int box_free(const boxes *bx, const double *r)
{
	size_t i;

	for (i = 0; i < bx->n; i++)
		if (r[0] < bx->b[i][2] && r[2] > bx->b[i][0] &&
		    r[1] < bx->b[i][3] && r[3] > bx->b[i][1])
			return 0;
	return 1;
}

static void box_add(boxes *bx, const double *r)
{
	if (bx->n == bx->cap) {
		size_t ncap = bx->cap ? bx->cap * 2 : 64;
		double (*nb)[4] = realloc(bx->b, ncap * sizeof *nb);

		if (!nb)
			return; /* a label may then overlap: harmless */
		bx->b = nb;
		bx->cap = ncap;
	}
	memcpy(bx->b[bx->n++], r, sizeof bx->b[0]);
}

/* Places and draws @p l near (x, y): centred when @p centred, else to
 * the right, left, above or below a symbol of radius @p r.
 * A centred label may also move a line up or down. Draws only
 * where it does not overlap an earlier label, unless @p force. Returns
 * whether it was drawn. */
static int place_label(cairo_t *cr, boxes *bx, PangoLayout *l, double x,
		       double y, double r, int centred, int force,
		       const double *frame)
{
	double w, h, cand[4][2], box[4];
	int i, n = centred ? 3 : 4;

	jk_text_size(l, &w, &h);
	if (centred) { /* on the point, else just above or below it */
		cand[0][0] = cand[1][0] = cand[2][0] = x - w / 2;
		cand[0][1] = y - h / 2;
		cand[1][1] = y - h * 1.5;
		cand[2][1] = y + h / 2;
	} else {
		cand[0][0] = x + r + 1;
		cand[0][1] = y - h / 2;
		cand[1][0] = x - r - 1 - w;
		cand[1][1] = y - h / 2;
		cand[2][0] = x - w / 2;
		cand[2][1] = y - r - h;
		cand[3][0] = x - w / 2;
		cand[3][1] = y + r;
	}
	for (i = 0; i < n; i++) {
		box[0] = cand[i][0];
		box[1] = cand[i][1];
		box[2] = cand[i][0] + w;
		box[3] = cand[i][1] + h;
		if (box[0] < frame[0] || box[2] > frame[2] ||
		    box[1] < frame[1] || box[3] > frame[3])
			continue;
		if (box_free(bx, box))
			break;
	}
	if (i == n) {
		if (!force)
			return 0;
		i = 0;
		box[0] = cand[0][0];
		box[1] = cand[0][1];
		box[2] = cand[0][0] + w;
		box[3] = cand[0][1] + h;
	}
	box_add(bx, box);
	jk_text_draw_halo(cr, l, box[0], box[1], 1.2);
	return 1;
}

/* ------------------------------------------------------------------ */
/* The frame                                                           */

static int cmp_area_desc(const void *a, const void *b)
{
	const jk_map_village *const *x = a, *const *y = b;

	return ((*x)->area < (*y)->area) - ((*x)->area > (*y)->area);
}

/* "3", "3-5", "3, 7": the numbers of sites drawn at one place. */
static void numbers_text(const jk_map_site *const *g, size_t n, jk_buf *b)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j + 1 < n && g[j + 1]->num == g[j]->num + 1; j++)
			;
		if (b->len)
			jk_buf_puts(b, ", ");
		if (j > i + 1)
			jk_buf_printf(b, "%d\xe2\x80\x93%d", g[i]->num, g[j]->num);
		else if (j == i + 1)
			jk_buf_printf(b, "%d, %d", g[i]->num, g[j]->num);
		else
			jk_buf_printf(b, "%d", g[i]->num);
		i = j + 1;
	}
}

static int cmp_site_pos(const void *a, const void *b)
{
	const jk_map_site *const *x = a, *const *y = b;

	if ((*x)->x != (*y)->x)
		return (*x)->x < (*y)->x ? -1 : 1;
	if ((*x)->y != (*y)->y)
		return (*x)->y < (*y)->y ? -1 : 1;
	return (*x)->num - (*y)->num;
}

static void draw_sites(cairo_t *cr, const jk_mapdata *md, const view *vw,
		       const jk_map_style *st, boxes *bx, const double *frame)
{
	/* ready last, so that it is on top */
	static const int order[JK_SS_N] = {JK_SS_INACTIVE, JK_SS_UNKNOWN,
					   JK_SS_NOT_READY, JK_SS_READY};
	const jk_map_site **g;
	size_t i, j;
	int k;

	for (k = 0; k < JK_SS_N; k++)
		for (i = 0; i < md->ns; i++) {
			double x, y;

			if (md->s[i].status != order[k])
				continue;
			page_xy(vw, md->s[i].x, md->s[i].y, &x, &y);
			site_symbol(cr, md->s[i].status, x, y, 5.0);
		}
	if (!st->numbered || !md->ns)
		return;
	/* one label per place: sites at one village point share it */
	g = malloc(md->ns * sizeof *g);
	if (!g)
		return;
	for (i = 0; i < md->ns; i++)
		g[i] = &md->s[i];
	qsort(g, md->ns, sizeof *g, cmp_site_pos);
	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	for (i = 0; i < md->ns; i = j) {
		PangoLayout *l;
		jk_buf b;
		double x, y;

		for (j = i + 1; j < md->ns && g[j]->x == g[i]->x && g[j]->y == g[i]->y;
		     j++)
			;
		if (!g[i]->num)
			continue;
		jk_buf_init(&b);
		numbers_text(g + i, j - i, &b);
		page_xy(vw, g[i]->x, g[i]->y, &x, &y);
		l = jk_text_layout(cr, jk_buf_str(&b), 6.5, 1, 0, PANGO_ALIGN_LEFT, 0);
		place_label(cr, bx, l, x, y, 3.0, 0, 1, frame);
		g_object_unref(l);
		jk_buf_release(&b);
	}
	free(g);
}

static void draw_labels(cairo_t *cr, const jk_mapdata *md, const view *vw,
			const jk_map_style *st, boxes *bx, const double *frame)
{
	const jk_map_village **vs;
	size_t i, n = 0;

	/* kecamatan names, when the map has more than one kecamatan */
	if (md->nk > 1) {
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		for (i = 0; i < md->nk; i++) {
			PangoLayout *l;
			char up[256];
			double x, y;
			size_t c;

			if (!md->k[i].nama)
				continue;
			jk_strlcpy(up, md->k[i].nama, sizeof up);
			for (c = 0; up[c]; c++)
				if (up[c] >= 'a' && up[c] <= 'z')
					up[c] = (char)(up[c] - 'a' + 'A');
			page_xy(vw, md->k[i].lx, md->k[i].ly, &x, &y);
			l = jk_text_layout(cr, up, 7.5, 1, 0, PANGO_ALIGN_CENTER, 0);
			place_label(cr, bx, l, x, y, 0, 1, 0, frame);
			g_object_unref(l);
		}
	}
	if (!st->village_labels)
		return;
	vs = malloc((md->nv ? md->nv : 1) * sizeof *vs);
	if (!vs)
		return;
	for (i = 0; i < md->nv; i++)
		if (md->v[i].in_area && md->v[i].nama)
			vs[n++] = &md->v[i];
	qsort(vs, n, sizeof *vs, cmp_area_desc); /* the largest first */
	for (i = 0; i < n; i++) {
		PangoLayout *l;
		double x, y;

		page_xy(vw, vs[i]->lx, vs[i]->ly, &x, &y);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		l = jk_text_layout(cr, vs[i]->nama, 6.0, 0, 0, PANGO_ALIGN_CENTER, 0);
		place_label(cr, bx, l, x, y, 0, 1, 0, frame);
		g_object_unref(l);
	}
	free(vs);
}

/* A length of about @p target metres from 1, 2, 2.5 or 5 times a power
 * of ten. */
static double nice_length(double target)
{
	double p = pow(10, floor(log10(target))), f = target / p;

	if (f >= 5)
		return 5 * p;
	if (f >= 2.5)
		return 2.5 * p;
	if (f >= 2)
		return 2 * p;
	return p;
}

static void fmt_length(char *out, size_t n, double m, int id)
{
	if (m >= 1000)
		snprintf(out, n, "%g km", m / 1000);
	else
		snprintf(out, n, "%g m", m);
	if (id) /* Indonesian decimal comma */
		for (; *out; out++)
			if (*out == '.')
				*out = ',';
}

static void scale_bar(cairo_t *cr, const view *vw, double x, double y,
		      double frame_w, int id)
{
	double len = nice_length(frame_w * 0.22 / vw->k), w = len * vw->k;
	double seg = w / 4, hgt = 3.5;
	char txt[32];
	PangoLayout *l;
	int i;

	/* a white ground under the bar and its labels */
	cairo_rectangle(cr, x - 6, y - 4, w + 30, hgt + 16);
	cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
	cairo_fill(cr);
	for (i = 0; i < 4; i++) {
		cairo_rectangle(cr, x + i * seg, y, seg, hgt);
		if (i % 2)
			cairo_set_source_rgb(cr, 1, 1, 1);
		else
			cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		cairo_set_line_width(cr, 0.5);
		cairo_stroke(cr);
	}
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	l = jk_text_layout(cr, "0", 6.5, 0, 0, PANGO_ALIGN_LEFT, 0);
	jk_text_draw(cr, l, x - 2, y + hgt + 1);
	g_object_unref(l);
	fmt_length(txt, sizeof txt, len, id);
	l = jk_text_layout(cr, txt, 6.5, 0, 0, PANGO_ALIGN_LEFT, 0);
	jk_text_draw(cr, l, x + w - 4, y + hgt + 1);
	g_object_unref(l);
}

/* A north arrow at (x, y), rotated to true north. */
static void north_arrow(cairo_t *cr, double x, double y, double deg,
			const char *letter)
{
	PangoLayout *l;
	double w, h;

	cairo_save(cr);
	cairo_arc(cr, x, y, 13, 0, 2 * M_PI);
	cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
	cairo_fill(cr);
	cairo_translate(cr, x, y + 3);
	cairo_rotate(cr, deg * M_PI / 180);
	cairo_move_to(cr, 0, -11);
	cairo_line_to(cr, 4.5, 5);
	cairo_line_to(cr, 0, 2);
	cairo_close_path(cr);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_fill(cr);
	cairo_move_to(cr, 0, -11);
	cairo_line_to(cr, -4.5, 5);
	cairo_line_to(cr, 0, 2);
	cairo_close_path(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_set_line_width(cr, 0.6);
	cairo_stroke(cr);
	cairo_restore(cr);
	l = jk_text_layout(cr, letter, 7, 1, 0, PANGO_ALIGN_CENTER, 0);
	jk_text_size(l, &w, &h);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	jk_text_draw(cr, l, x - w / 2, y - 13 - h + 2);
	g_object_unref(l);
}

void jk_map_draw(jk_ctx *ctx, cairo_t *cr, const jk_mapdata *md, double x,
		 double y, double w, double h, const jk_map_style *st)
{
	GEOSContextHandle_t gh = JK_GEOS(ctx);
	double frame[4] = {x, y, x + w, y + h};
	boxes bx = {NULL, 0, 0};
	view vw;
	size_t i;

	vw.x0 = x;
	vw.y0 = y;
	vw.k = w / (md->fmaxx - md->fminx);
	vw.fminx = md->fminx;
	vw.fmaxy = md->fmaxy;

	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	cairo_clip(cr);
	cairo_set_source_rgb(cr, 0.97, 0.98, 0.99);
	cairo_paint(cr);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);

	/* the neighbours, for context */
	for (i = 0; i < md->nv; i++) {
		if (md->v[i].in_area)
			continue;
		geom_path(gh, cr, &vw, md->v[i].geom);
		cairo_set_source_rgb(cr, 0.90, 0.90, 0.90);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.78, 0.78, 0.78);
		cairo_set_line_width(cr, 0.3);
		cairo_stroke(cr);
	}
	/* the area's villages by status */
	for (i = 0; i < md->nv; i++) {
		const jk_map_village *v = &md->v[i];

		if (!v->in_area)
			continue;
		geom_path(gh, cr, &vw, v->geom);
		rgb(cr, status_fill[v->status]);
		cairo_fill_preserve(cr);
		if (st->hatch && (v->status == JK_MS_PENDING || v->status == JK_MS_GAP)) {
			hatch(cr, v->status == JK_MS_GAP ? 45 : 135,
			      v->status == JK_MS_GAP ? 2.2 : 3.0, 0.5,
			      status_line[v->status]);
			geom_path(gh, cr, &vw, v->geom);
		}
		rgb(cr, status_line[v->status]);
		cairo_set_line_width(cr, v->status == JK_MS_PENDING ||
				     v->status == JK_MS_GAP ? 0.7 : 0.5);
		cairo_stroke(cr);
	}
	/* kecamatan outlines: a white casing under a dark line */
	for (i = 0; i < md->nk; i++) {
		geom_path(gh, cr, &vw, md->k[i].geom);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, 2.2);
		cairo_stroke_preserve(cr);
		cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		cairo_set_line_width(cr, 0.9);
		cairo_stroke(cr);
	}
	draw_sites(cr, md, &vw, st, &bx, frame);
	draw_labels(cr, md, &vw, st, &bx, frame);
	if (st->decorations) {
		north_arrow(cr, x + w - 20, y + 26, md->north_deg,
			    jk_tr(st->id, JK_T_MAP_NORTH));
		scale_bar(cr, &vw, x + 12, y + h - 20, w, st->id);
	}
	cairo_restore(cr);
	cairo_rectangle(cr, x, y, w, h);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	cairo_set_line_width(cr, 0.8);
	cairo_stroke(cr);
	free(bx.b);
}

/* ------------------------------------------------------------------ */
/* Legend                                                              */

static const jk_text_key status_label[JK_MS_N + 1] = {JK_T_COVERED, JK_T_REACHABLE,
					      JK_T_PENDING, JK_T_GAP, JK_T_MAP_NONE};
/* The order of the legend's village entries; NO_READY is the heading of
 * the three statuses without a ready site. */
#define NO_READY (-1)
static const int legend_order[] = {JK_MS_COVERED, NO_READY, JK_MS_REACHABLE,
				   JK_MS_PENDING, JK_MS_GAP, JK_MS_NONE};
static const jk_text_key site_label[JK_SS_N] = {JK_T_MAP_READY, JK_T_MAP_NOT_READY,
					JK_T_MAP_INACTIVE, JK_T_MAP_UNKNOWN};

double jk_map_legend(cairo_t *cr, const jk_mapdata *md, double x, double y,
		     double w, int ncol, const jk_map_style *st)
{
	double colw, row = 13, y0 = y, yy;
	char txt[160];
	int i, k = 0, nrow;

	if (ncol < 1)
		ncol = 1;
	colw = w / ncol;
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	y += jk_text(cr, jk_tr(st->id, JK_T_MAP_VILLAGES), 8, 1, x, y, w,
		     PANGO_ALIGN_LEFT) + 3;
	nrow = 0;
	/* the office's goal: the villages with a ready site, then those
	 * without one and what they have instead */
	for (i = 0; i < (int)(sizeof legend_order / sizeof legend_order[0]); i++) {
		int ms = legend_order[i];

		if (ms == JK_MS_NONE && !md->n_status[ms])
			continue;
		yy = y + (k / ncol) * row;
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		if (ms == NO_READY) {
			snprintf(txt, sizeof txt, "%s (%ld):", jk_tr(st->id, JK_T_NO_READY),
				 md->n_status[JK_MS_REACHABLE] + md->n_status[JK_MS_PENDING] +
					 md->n_status[JK_MS_GAP]);
			jk_text(cr, txt, 7, 1, x + (k % ncol) * colw, yy - 0.5,
				colw - 2, PANGO_ALIGN_LEFT);
			k++;
			continue;
		}
		swatch(cr, ms, x + (k % ncol) * colw, yy, 14, 9, st->hatch);
		snprintf(txt, sizeof txt, "%s (%ld)",
			 jk_tr(st->id, status_label[ms]), md->n_status[ms]);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		jk_text(cr, txt, 7, 0, x + (k % ncol) * colw + 18, yy - 0.5,
			colw - 20, PANGO_ALIGN_LEFT);
		k++;
	}
	/* the neighbours and the kecamatan line */
	yy = y + (k / ncol) * row;
	cairo_rectangle(cr, x + (k % ncol) * colw, yy, 14, 9);
	cairo_set_source_rgb(cr, 0.90, 0.90, 0.90);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.5);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	jk_text(cr, jk_tr(st->id, JK_T_MAP_OTHER_AREA), 7, 0,
		x + (k % ncol) * colw + 18, yy - 0.5, colw - 20, PANGO_ALIGN_LEFT);
	k++;
	if (md->nk) {
		yy = y + (k / ncol) * row;
		cairo_move_to(cr, x + (k % ncol) * colw, yy + 4.5);
		cairo_rel_line_to(cr, 14, 0);
		cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		cairo_set_line_width(cr, 0.9);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		jk_text(cr, jk_tr(st->id, JK_T_MAP_KEC_LINE), 7, 0,
			x + (k % ncol) * colw + 18, yy - 0.5, colw - 20,
			PANGO_ALIGN_LEFT);
		k++;
	}
	nrow = (k + ncol - 1) / ncol;
	y += nrow * row + 5;
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	y += jk_text(cr, jk_tr(st->id, JK_T_MAP_SITES), 8, 1, x, y, w,
		     PANGO_ALIGN_LEFT) + 3;
	k = 0;
	for (i = 0; i < JK_SS_N; i++) {
		if (i >= JK_SS_INACTIVE && !md->n_site[i])
			continue;
		yy = y + (k / ncol) * row;
		site_symbol(cr, i, x + (k % ncol) * colw + 7, yy + 4.5, 5.5);
		snprintf(txt, sizeof txt, "%s (%ld)",
			 jk_tr(st->id, site_label[i]), md->n_site[i]);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		jk_text(cr, txt, 7, 0, x + (k % ncol) * colw + 18, yy - 0.5,
			colw - 20, PANGO_ALIGN_LEFT);
		k++;
	}
	y += ((k + ncol - 1) / ncol) * row;
	if (md->n_unplaced) {
		snprintf(txt, sizeof txt,
			 st->id ? "%ld lokasi tanpa letak yang pasti tidak digambar"
				: "%ld sites without a certain location are not drawn",
			 md->n_unplaced);
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		y += jk_text(cr, txt, 6.5, 0, x, y + 1, w, PANGO_ALIGN_LEFT) + 2;
	}
	return y - y0;
}
