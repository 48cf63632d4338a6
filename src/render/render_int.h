/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the map renderer (cairo for drawing, pango for
 * text): the data of one mapped area read from the store and projected
 * (mapdata.c), the cartographic drawing of that data into a frame of a
 * cairo context (draw.c), and the text helpers both the maps and the
 * printed address book use (text.c).
 *
 * Units: the drawing works in points (1/72 inch) of the page; the map data
 * is in metres of the area's UTM zone (WGS 84), chosen with PROJ so that
 * the map is conformal and the scale bar true. A PNG is the same page
 * drawn with a scale factor.
 */
#ifndef JK_RENDER_INT_H
#define JK_RENDER_INT_H

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/ctx.h"
#include "core/lang.h"
#include "render.h"
#include "core/util.h"
#include "store/store.h"

/* Coverage status of a village, in legend order; JK_MS_NONE when the
 * coverage step has not given it one. */
enum { JK_MS_COVERED, JK_MS_REACHABLE, JK_MS_PENDING, JK_MS_GAP, JK_MS_N,
       JK_MS_NONE = JK_MS_N };
/* Status of a site, in legend order. */
enum { JK_SS_READY, JK_SS_NOT_READY, JK_SS_INACTIVE, JK_SS_UNKNOWN,
       JK_SS_N };

/* Status codes as stored, to the enums above (unknown text: _NONE /
 * _UNKNOWN). */
int jk_map_village_status(const char *s);
int jk_map_site_status(const char *s);

typedef struct jk_map_village {
	char *kode, *nama, *kode_kec;
	int status;         /* JK_MS_* */
	int in_area;        /* 1: of the mapped area; 0: a neighbour shown for context */
	double lx, ly;      /* label point (largest inscribed circle), projected */
	double area;        /* m2 of the projected polygon */
	GEOSGeometry *geom; /* projected and simplified; owned */
} jk_map_village;

typedef struct jk_map_site {
	long site_id;
	int status;         /* JK_SS_* */
	int num;            /* number on the map (the book's numbering), 0: none */
	double x, y;        /* projected */
} jk_map_site;

/* A kecamatan of the area, outlined (and named) on a regency map. */
typedef struct jk_map_kec {
	char *kode, *nama;
	GEOSGeometry *geom; /* union of its villages, projected; owned */
	double lx, ly;
} jk_map_kec;

typedef struct jk_mapdata {
	char *code;         /* the area code asked for */
	int level;          /* 1 province, 2 regency, 3 district, 4 village */
	char *name;         /* "Kota Baubau", "Kecamatan Wolio" (as stored) */
	char *parent;       /* regency of a district, province of a regency */
	int epsg;           /* the UTM zone */
	double minx, miny, maxx, maxy;   /* the area's extent, metres */
	double fminx, fminy, fmaxx, fmaxy; /* the frame's extent, metres */
	double north_deg;   /* true north, degrees clockwise from grid up */
	jk_map_village *v;
	size_t nv;
	jk_map_site *s;
	size_t ns;
	jk_map_kec *k;
	size_t nk;
	long n_status[JK_MS_N + 1]; /* villages of the area by status */
	long n_site[JK_SS_N];       /* sites drawn, by status */
	long n_unplaced;            /* sites of the area without a point */
	char run_at[32];    /* date of the coverage run, YYYY-MM-DD, or "" */
	char *source;       /* the source files, for the source line */
	PJ *pj;             /* WGS 84 lon/lat -> the UTM zone */
} jk_mapdata;

/* What to load. */
typedef struct jk_mapdata_opts {
	double frame_w, frame_h; /* the frame the map will fill, points */
	double px_per_pt;        /* output pixels per point (1 for PDF/SVG) */
	int kecamatan;           /* also outline the kecamatan (regency maps) */
} jk_mapdata_opts;

/*
 * Reads the area @p code (a kode of a province, regency, district or
 * village, "74.72" or "74.72.01") from the store: its villages with their
 * coverage status and the neighbours that fall in the frame, its placed
 * sites, projected to the UTM zone of the area's centre and simplified to
 * half an output pixel, and fits the frame's extent (the area with a
 * margin, at the frame's aspect ratio). The store must be in a read
 * transaction or idle. Returns JK_OK, or JK_ERR_ARG (no village has that
 * code), JK_ERR_DB, JK_ERR_PROJ, JK_ERR_GEOS or JK_ERR_NOMEM with the
 * context error set. *md is released with jk_mapdata_release() on every
 * path.
 */
int jk_mapdata_load(jk_ctx *ctx, jk_store *st, const char *code,
		    const jk_mapdata_opts *opts, jk_mapdata *md);
void jk_mapdata_release(jk_ctx *ctx, jk_mapdata *md);

/* The page's language. */
typedef struct jk_map_lang {
	int id; /* 1: Indonesian, 0: English */
} jk_map_lang;



/* How to draw the map frame. */
typedef struct jk_map_style {
	int id;             /* language: 1 Indonesian */
	int village_labels; /* name the villages (district maps) */
	int numbered;       /* label the sites with their numbers */
	int hatch;          /* hatch pending and gap (0 only in tests) */
	int decorations;    /* north arrow and scale bar in the frame */
} jk_map_style;

/*
 * Draws @p md into the rectangle (x, y, w, h) of @p cr (points): the
 * neighbours in grey, the area's villages filled by status (the colours of
 * maps/desa_coverage.qml), kecamatan outlines and names, sites as symbols
 * (those of maps/sites.qml), labels that do not overlap, and, with
 * decorations, a north arrow pointing to true north and a scale bar. The
 * frame must have the aspect ratio md was loaded for.
 */
void jk_map_draw(jk_ctx *ctx, cairo_t *cr, const jk_mapdata *md,
		 double x, double y, double w, double h,
		 const jk_map_style *style);

/* The legend of @p md: status swatches with counts and site symbols, in
 * one column (ncol 1) or @p ncol columns from (x, y) within width @p w.
 * Returns the height used. */
double jk_map_legend(cairo_t *cr, const jk_mapdata *md, double x, double y,
		     double w, int ncol, const jk_map_style *style);

/* Fill colour of a village status (0..1 RGB). */
void jk_map_status_rgb(int status, double rgb[3]);

/* ------------------------------------------------------------------ */
/* Text (text.c)                                                       */

/* The font family of every page. DejaVu Sans is in Debian's
 * fonts-dejavu-core, which the install script installs. */
#define JK_FONT "DejaVu Sans"

/*
 * A text block: @p text in @p size points (bold when @p bold), wrapped to
 * @p w points (no wrapping when w <= 0), aligned (PANGO_ALIGN_*), at most
 * @p max_lines lines (0: no limit; the last line ends with an ellipsis).
 * Returns a layout to measure and draw; free with g_object_unref().
 */
PangoLayout *jk_text_layout(cairo_t *cr, const char *text, double size,
			    int bold, double w, PangoAlignment align,
			    int max_lines);
/* Width and height of a layout, points. */
void jk_text_size(PangoLayout *l, double *w, double *h);
/* Draws a layout with its top left at (x, y) in the current colour. */
void jk_text_draw(cairo_t *cr, PangoLayout *l, double x, double y);
/* Draws with a white halo of @p halo points (for labels on a map). */
void jk_text_draw_halo(cairo_t *cr, PangoLayout *l, double x, double y,
		       double halo);
/* Builds, draws and frees a block; returns its height. */
double jk_text(cairo_t *cr, const char *text, double size, int bold,
	       double x, double y, double w, PangoAlignment align);

/* ------------------------------------------------------------------ */
/* Stand-alone maps (map.c)                                            */

/* Output formats of a map, from the file name's extension. */
enum { JK_MAP_PNG = 1, JK_MAP_SVG, JK_MAP_PDF,
       JK_MAP_WEBP /* in memory only (the gap report) */ };

#endif /* JK_RENDER_INT_H */
