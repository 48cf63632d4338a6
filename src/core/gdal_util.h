/* SPDX-License-Identifier: MIT */
/*
 * GDAL/OGR glue shared by import and export: error capture into the
 * context (GDAL never prints on our behalf), opening a vector source with
 * the right open options for spreadsheets and CSV, and the EPSG:4326
 * lon/lat spatial reference.
 */
#ifndef JK_GDAL_UTIL_H
#define JK_GDAL_UTIL_H

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "ctx.h"

/*
 * Error capture. A pushed handler records GDAL's messages in the context
 * instead of letting GDAL print them: the text of a failure (CE_Failure or
 * worse) is kept for jk_gdal_lasterr(); what happens to warnings and to a
 * second failure depends on the flags. Every push is matched by one
 * jk_gdal_pop() in the same thread.
 */
enum {
	/* Keep the first failure of the scope, usually the cause, rather
	 * than the last (which is often a consequence: "cannot close"). */
	JK_GDAL_FIRST = 1 << 0,
	/* Send warnings to the message callback as JK_LOG_WARN "gdal: ..."
	 * rather than dropping them. */
	JK_GDAL_WARN = 1 << 1
};

/* The state of a handler pushed with jk_gdal_push_errs(): the caller's,
 * for instance on its stack, until the matching jk_gdal_pop(). */
typedef struct jk_gdal_errs {
	jk_ctx *ctx;
	int flags;  /* JK_GDAL_* */
	int failed; /* a failure was reported since the push, including one
		     * reported while a dataset was closed */
} jk_gdal_errs;

/* Pushes a handler that keeps the last failure and drops warnings. */
void jk_gdal_push(jk_ctx *ctx);

/* Pushes a handler for @p ctx that behaves as @p flags say and notes in
 * e->failed whether a failure was reported; initialises @p e. */
void jk_gdal_push_errs(jk_gdal_errs *e, jk_ctx *ctx, int flags);

void jk_gdal_pop(void);

/* Text of the GDAL failure captured by the handler ("" when none). */
const char *jk_gdal_lasterr(jk_ctx *ctx);

/*
 * Opens a vector source read-only. CSV is read with every field as text;
 * XLSX, ODS and XLS with text fields and no header row (every row a
 * feature; with GDAL < 3.8 the caller also sets the configuration options
 * OGR_XLSX_HEADERS=DISABLE and the like, see import/tables.c).
 * Returns JK_OK with *out set, or JK_ERR_IO with the error in ctx.
 * Close with GDALClose().
 */
int jk_gdal_open_vector(jk_ctx *ctx, const char *path, GDALDatasetH *out);

/*
 * Spreadsheet reading of GDAL 3.6: its XLSX and ODS drivers take header
 * detection and field typing only as configuration options (the open
 * options of jk_gdal_open_vector() are ignored there). Between push and
 * pop this thread reads the first row as headers and every cell as text;
 * pop restores what was set before, so an embedding program's settings are
 * untouched. The state lives in the caller's struct.
 */
typedef struct jk_gdal_sheet_opts {
	char *saved[4];
} jk_gdal_sheet_opts;
void jk_gdal_sheet_opts_push(jk_gdal_sheet_opts *o);
void jk_gdal_sheet_opts_pop(jk_gdal_sheet_opts *o);

/* Finds a layer by name, or the first layer when @p name is NULL.
 * Sets an error naming the file and the layers present when missing. */
int jk_gdal_layer(jk_ctx *ctx, GDALDatasetH ds, const char *path,
		  const char *name, OGRLayerH *out);

/*
 * Reads the next feature of @p lyr, telling the end of the data from a
 * read error: OGR_L_GetNextFeature() returns NULL for both, and only the
 * CPL error state says which (a damaged GeoPackage page ends the loop as
 * the last row would). Returns JK_OK with *out the feature (free with
 * OGR_F_Destroy) or NULL at the end; JK_ERR_GDAL with the context error
 * naming @p path and @p row (the row being read) on a read error. A
 * feature that came with a failure (an unreadable geometry) is returned
 * with *failed set, and CPLGetLastErrorMsg() says why, for the caller to
 * reject the row.
 */
int jk_gdal_next_feature(jk_ctx *ctx, OGRLayerH lyr, const char *path,
			 long row, OGRFeatureH *out, int *failed);

/* A new EPSG:4326 SRS with lon/lat axis order; free with OSRDestroySpatialReference. */
OGRSpatialReferenceH jk_srs_wgs84(void);

#endif /* JK_GDAL_UTIL_H */
