/*
 * GDAL/OGR glue shared by import and export: error capture into the
 * context (GDAL never prints on our behalf), opening a vector source with
 * the right open options for spreadsheets and CSV, and the EPSG:4326
 * lon/lat spatial reference.
 */
#ifndef JK_GDAL_UTIL_H
#define JK_GDAL_UTIL_H

#include <gdal.h>
#include <ogr_srs_api.h>

#include "ctx_int.h"

/* Pushes an error handler that records GDAL messages in @p ctx instead of
 * printing them. Every jk_gdal_push() is matched by one jk_gdal_pop(). */
void jk_gdal_push(jk_ctx *ctx);
void jk_gdal_pop(void);

/* Text of the last GDAL error captured by the handler ("" when none). */
const char *jk_gdal_lasterr(jk_ctx *ctx);

/*
 * Opens a vector source read-only. CSV is read with every field as text;
 * XLSX and ODS with text fields and the first row as headers.
 * Returns JK_OK with *out set, or JK_ERR_IO with the error in ctx.
 * Close with GDALClose().
 */
int jk_gdal_open_vector(jk_ctx *ctx, const char *path, GDALDatasetH *out);

/* Finds a layer by name, or the first layer when @p name is NULL.
 * Sets an error naming the file and the layers present when missing. */
int jk_gdal_layer(jk_ctx *ctx, GDALDatasetH ds, const char *path,
		  const char *name, OGRLayerH *out);

/* A new EPSG:4326 SRS with lon/lat axis order; free with OSRDestroySpatialReference. */
OGRSpatialReferenceH jk_srs_wgs84(void);

#endif /* JK_GDAL_UTIL_H */
