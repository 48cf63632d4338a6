/* SPDX-License-Identifier: MIT */
/*
 * Text on maps and book pages, with pango: one font family, sizes in
 * points, wrapping and line limits, and a white halo for map labels.
 */
#include "render_int.h"

PangoLayout *jk_text_layout(cairo_t *cr, const char *text, double size,
			    int bold, double w, PangoAlignment align,
			    int max_lines)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, JK_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
						   : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align);
	if (max_lines > 0) {
		pango_layout_set_height(l, -max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

void jk_text_size(PangoLayout *l, double *w, double *h)
{
	PangoRectangle ink, logical;

	pango_layout_get_extents(l, &ink, &logical);
	if (w)
		*w = (double)logical.width / PANGO_SCALE;
	if (h)
		*h = (double)logical.height / PANGO_SCALE;
}

void jk_text_draw(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

void jk_text_draw_halo(cairo_t *cr, PangoLayout *l, double x, double y,
		       double halo)
{
	double r, g, b, a;
	cairo_pattern_t *src = cairo_get_source(cr);

	if (cairo_pattern_get_rgba(src, &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS) {
		r = g = b = 0;
		a = 1;
	}
	cairo_save(cr);
	cairo_move_to(cr, x, y);
	pango_cairo_layout_path(cr, l);
	cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
	cairo_set_line_width(cr, 2 * halo);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_stroke(cr);
	cairo_restore(cr);
	cairo_set_source_rgba(cr, r, g, b, a);
	jk_text_draw(cr, l, x, y);
}

double jk_text(cairo_t *cr, const char *text, double size, int bold,
	       double x, double y, double w, PangoAlignment align)
{
	PangoLayout *l = jk_text_layout(cr, text, size, bold, w, align, 0);
	double h;

	jk_text_size(l, NULL, &h);
	jk_text_draw(cr, l, x, y);
	g_object_unref(l);
	return h;
}
