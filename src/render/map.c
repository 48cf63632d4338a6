/* SPDX-License-Identifier: MIT */
/*
 * jangkau map: a coverage map of one area on an A4 landscape page, as PNG,
 * SVG or PDF (cairo surfaces), and the same page as an in-memory PNG for
 * the gap report.
 *
 * The page: title and subtitle (province, radius, date of the coverage
 * run) at the top, the map frame on the left with the north arrow and the
 * scale bar, the legend on the right, the source line and the projection
 * at the foot.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cpl_vsi.h>
#include <gdal.h>

#include "core/file.h"
#include "core/gdal_util.h"
#include "results/results.h"
#include "render_int.h"

#define PAGE_W 841.89 /* A4 landscape, points */
#define PAGE_H 595.28
#define MARGIN 24.0
#define LEGEND_W 150.0

static cairo_status_t to_buf(void *closure, const unsigned char *data,
			     unsigned int len)
{
	jk_buf *b = closure;

	jk_buf_add(b, (const char *)data, len);
	return b->oom ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* "Kecamatan Wolio" for a district, the stored name otherwise. */
static void area_title(const jk_mapdata *md, char *out, size_t n)
{
	if (md->level == 3)
		snprintf(out, n, "Kecamatan %s", md->name);
	else if (md->level == 1)
		snprintf(out, n, "Provinsi %s", md->name);
	else
		snprintf(out, n, "%s", md->name);
}

/* The line under the title: parent area, radius, data date. */
static void subtitle(jk_store *st, const jk_mapdata *md, int id, jk_buf *b)
{
	jk_buf label, value;

	if (md->parent) {
		if (md->level == 2)
			jk_buf_printf(b, "Provinsi %s", md->parent);
		else if (md->level == 3)
			jk_buf_puts(b, md->parent);
		else
			jk_buf_printf(b, "Kecamatan %s", md->parent);
	}
	jk_buf_init(&label);
	jk_buf_init(&value);
	if (jk_reach_rule(st, id, &label, &value)) {
		/* "radius jangkauan 5 km", "jangkauan lewat jalan 30 menit" */
		char *l = label.s;

		if (l && l[0] >= 'A' && l[0] <= 'Z')
			l[0] = (char)(l[0] - 'A' + 'a');
		jk_buf_printf(b, "%s%s %s", b->len ? " \xc2\xb7 " : "", l,
			      jk_buf_str(&value));
	}
	jk_buf_release(&label);
	jk_buf_release(&value);
	if (md->run_at[0])
		jk_buf_printf(b, "%s%s %s", b->len ? " \xc2\xb7 " : "",
			      jk_tr(id, JK_T_MAP_DATA_AT), md->run_at);
}

/* The source line: data, projection, tool. */
static void source_line(const jk_mapdata *md, int id, jk_buf *b)
{
	int zone = md->epsg % 100, south = md->epsg / 100 == 327;

	jk_buf_printf(b, "%s: %s%s%s. ", jk_tr(id, JK_T_MAP_SOURCE),
		      id ? "batas desa/kelurahan (kode Kemendagri)"
			 : "village boundaries (Kemendagri codes)",
		      md->source ? "; " : "", md->source ? md->source : "");
	jk_buf_printf(b, "%s: WGS 84 / UTM %s %d%s (EPSG:%d). %s %s.",
		      jk_tr(id, JK_T_MAP_PROJ), jk_tr(id, JK_T_MAP_ZONE), zone,
		      south ? "S" : "N", md->epsg, jk_tr(id, JK_T_MAP_MADE_BY),
		      JK_VERSION_STRING);
}

/* Draws the whole page on @p cr (in points; the caller scales). */
static int map_page(jk_ctx *ctx, jk_store *st, const char *code, int id,
		    const char *title, cairo_t *cr, double px_per_pt)
{
	jk_map_style style = {id, 0, 0, 1, 1};
	jk_mapdata_opts mo;
	jk_mapdata md;
	jk_buf b;
	char name[300];
	double y = MARGIN, fy, fh, fw, foot_h;
	PangoLayout *l;
	int rc;

	/* the foot first: its height fixes the frame's */
	jk_buf_init(&b);
	l = jk_text_layout(cr, "Xg", 6.5, 0, 0, PANGO_ALIGN_LEFT, 0);
	jk_text_size(l, NULL, &foot_h);
	g_object_unref(l);
	fy = MARGIN + 44;
	fw = PAGE_W - 2 * MARGIN - LEGEND_W - 14;
	fh = PAGE_H - MARGIN - 2 * foot_h - 6 - fy;
	mo.frame_w = fw;
	mo.frame_h = fh;
	mo.px_per_pt = px_per_pt;
	mo.kecamatan = 1;
	rc = jk_mapdata_load(ctx, st, code, &mo, &md);
	if (rc)
		return rc;
	style.village_labels = md.level >= 3;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	area_title(&md, name, sizeof name);
	jk_buf_printf(&b, "%s: %s", title ? title : jk_tr(id, JK_T_MAP_TITLE),
		      name);
	cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
	y += jk_text(cr, jk_buf_str(&b), 16, 1, MARGIN, y,
		     PAGE_W - 2 * MARGIN, PANGO_ALIGN_LEFT) + 2;
	jk_buf_reset(&b);
	subtitle(st, &md, id, &b);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	jk_text(cr, jk_buf_str(&b), 9, 0, MARGIN, y, PAGE_W - 2 * MARGIN,
		PANGO_ALIGN_LEFT);

	jk_map_draw(ctx, cr, &md, MARGIN, fy, fw, fh, &style);
	jk_map_legend(cr, &md, MARGIN + fw + 14, fy, LEGEND_W, 1, &style);

	jk_buf_reset(&b);
	source_line(&md, id, &b);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	jk_text(cr, jk_buf_str(&b), 6.5, 0, MARGIN, fy + fh + 5,
		PAGE_W - 2 * MARGIN, PANGO_ALIGN_LEFT);
	if (b.oom)
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	jk_buf_release(&b);
	jk_mapdata_release(ctx, &md);
	return rc;
}

static int surface_err(jk_ctx *ctx, cairo_status_t s, const char *what)
{
	return jk_error(ctx, s == CAIRO_STATUS_NO_MEMORY ? JK_ERR_NOMEM
							   : JK_ERR_IO,
			"%s: cairo: %s", what, cairo_status_to_string(s));
}

/* Encodes the RGB24 image @p sf as lossless WebP with GDAL into @p out:
 * the same pixels as a PNG in less than half the bytes, which matters in
 * a report that embeds dozens of maps. */
static int encode_webp(jk_ctx *ctx, cairo_surface_t *sf, jk_buf *out)
{
	static const int le_offset[3] = {2, 1, 0}; /* R, G, B of 0x00RRGGBB */
	const union { uint32_t u; unsigned char c[4]; } probe = {0x01020304};
	int w = cairo_image_surface_get_width(sf),
	    h = cairo_image_surface_get_height(sf),
	    stride = cairo_image_surface_get_stride(sf), b, rc = JK_OK;
	unsigned char *px = cairo_image_surface_get_data(sf);
	GDALDriverH mem, webp;
	GDALDatasetH ds = NULL, copy = NULL;
	char path[64];
	const char *copt[] = {"LOSSLESS=YES", NULL};
	vsi_l_offset len = 0;
	GByte *bytes;

	GDALAllRegister();
	mem = GDALGetDriverByName("MEM");
	webp = GDALGetDriverByName("WEBP");
	if (!mem || !webp)
		return jk_error(ctx, JK_ERR_GDAL,
				"GDAL has no %s driver", mem ? "WEBP" : "MEM");
	snprintf(path, sizeof path, "/vsimem/jk_map_%p.webp", (void *)out);
	jk_gdal_push(ctx);
	ds = GDALCreate(mem, "", w, h, 3, GDT_Byte, NULL);
	for (b = 0; ds && b < 3 && !rc; b++) {
		int off = probe.c[0] == 4 ? le_offset[b] : 3 - le_offset[b];

		if (GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, w,
				 h, px + off, w, h, GDT_Byte, 4, stride) != CE_None)
			rc = JK_ERR_GDAL;
	}
	if (ds && !rc)
		copy = GDALCreateCopy(webp, path, ds, FALSE, (char **)copt, NULL,
				      NULL);
	if (!ds || !copy || rc)
		rc = jk_error(ctx, JK_ERR_GDAL, "map: cannot encode WebP: %s",
			      jk_gdal_lasterr(ctx));
	if (copy)
		GDALClose(copy);
	if (ds)
		GDALClose(ds);
	jk_gdal_pop();
	bytes = VSIGetMemFileBuffer(path, &len, FALSE);
	if (!rc && bytes)
		jk_buf_add(out, (const char *)bytes, (size_t)len);
	VSIUnlink(path);
	if (!rc && out->oom)
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	return rc;
}

/* Renders the page into @p out as a PNG or a lossless WebP (@p width_px
 * wide), an SVG or a PDF. */
static int render(jk_ctx *ctx, jk_store *st, const char *code, int id,
		  const char *title, int format, int width_px, jk_buf *out,
		  const char *what)
{
	cairo_surface_t *sf;
	cairo_t *cr;
	double scale = 1;
	cairo_status_t cs;
	int rc;

	if (format == JK_MAP_PNG || format == JK_MAP_WEBP) {
		scale = width_px / PAGE_W;
		sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px,
						(int)(PAGE_H * scale + 0.5));
	} else if (format == JK_MAP_SVG) {
		sf = cairo_svg_surface_create_for_stream(to_buf, out, PAGE_W,
							 PAGE_H);
	} else {
		sf = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W,
							 PAGE_H);
	}
	cs = cairo_surface_status(sf);
	if (cs != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(sf);
		return surface_err(ctx, cs, what);
	}
	cr = cairo_create(sf);
	cairo_scale(cr, scale, scale);
	rc = map_page(ctx, st, code, id, title, cr, scale);
	cs = cairo_status(cr);
	cairo_destroy(cr);
	if (format == JK_MAP_PNG || format == JK_MAP_WEBP)
		cairo_surface_flush(sf);
	else
		cairo_surface_finish(sf); /* writes the rest of the file */
	if (!rc && cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(sf);
	if (!rc && cs == CAIRO_STATUS_SUCCESS && format == JK_MAP_PNG)
		cs = cairo_surface_write_to_png_stream(sf, to_buf, out);
	if (!rc && cs != CAIRO_STATUS_SUCCESS)
		rc = surface_err(ctx, cs, what);
	if (!rc && format == JK_MAP_WEBP)
		rc = encode_webp(ctx, sf, out);
	cairo_surface_destroy(sf);
	return rc;
}

int jk_map_webp_buf(jk_ctx *ctx, jk_store *st, const char *code, int id,
		    int width_px, jk_buf *out)
{
	return render(ctx, st, code, id, NULL, JK_MAP_WEBP, width_px, out,
		      "map");
}

/* The format of a file name's extension, 0 when unknown. */
static int format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return 0;
	if (!strcasecmp(dot, ".png"))
		return JK_MAP_PNG;
	if (!strcasecmp(dot, ".svg"))
		return JK_MAP_SVG;
	if (!strcasecmp(dot, ".pdf"))
		return JK_MAP_PDF;
	return 0;
}

jk_status jk_map_write(jk_ctx *ctx, jk_store *st, const char *path,
		       const jk_map_opts *opts)
{
	const char *lang = opts && opts->lang && *opts->lang ? opts->lang : "id";
	char dir[4096];
	const char *slash;
	jk_buf out;
	int rc, format, in_txn = 0, width;

	rc = jk_store_enter(ctx, st);
	if (rc)
		return rc;
	if (!st || !path || !*path || !opts || !opts->area || !*opts->area)
		return jk_error(ctx, JK_ERR_ARG,
				"jk_map: no store, output file or area given");
	if (strcmp(lang, "id") && strcmp(lang, "en"))
		return jk_error(ctx, JK_ERR_ARG,
				"unknown map language '%s' (use 'id' or 'en')",
				lang);
	format = format_of(path);
	if (!format)
		return jk_error(ctx, JK_ERR_ARG,
				"%s: unknown map format (the name must end in"
				" .png, .svg or .pdf)", path);
	width = opts->width_px > 0 ? opts->width_px : 2400;
	if (width < 200 || width > 20000)
		return jk_error(ctx, JK_ERR_ARG,
				"map width %d px is out of range (200 to 20000)",
				width);
	slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1,
		 slash ? path : ".");
	if (!dir[0])
		jk_strlcpy(dir, "/", sizeof dir);
	rc = jk_results_begin(ctx, st, dir, &in_txn);
	jk_buf_init(&out);
	if (!rc)
		rc = render(ctx, st, opts->area, !strcmp(lang, "id"), opts->title,
			    format, width, &out, path);
	if (in_txn)
		jk_store_rollback(st); /* read only */
	if (!rc) {
		/* maps and books hold villages and sites, never clients */
		jk_dir_clean_stale(ctx, dir);
		rc = jk_file_write(ctx, path, jk_buf_str(&out), out.len,
				   JK_FILE_PUBLIC);
	}
	jk_buf_release(&out);
	return rc;
}
