/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the GIS export: the layers (export.c) and their
 * QGIS styles (styles.c). What the layers read from the store, and what the
 * report, maps and book read too, is in results/results.h.
 */
#ifndef JK_EXPORT_INT_H
#define JK_EXPORT_INT_H

#include <gdal.h>

#include "core/util.h"
#include "results/results.h"

/* ------------------------------------------------------------------ */
/* Styles (styles.c)                                                   */

/* The QGIS style (QML, as QGIS 3.22's "Save Style" writes it) of one
 * layer. The QML files of maps/ are embedded at build time into a
 * generated source (CMakeLists.txt), so an installed jangkau needs no data
 * path. */
typedef struct jk_style_qml {
	const char *layer; /* layer name: maps/<layer>.qml */
	const char *qml;   /* the file, NUL-terminated */
} jk_style_qml;

/* Every embedded style, ended by {NULL, NULL}. */
extern const jk_style_qml jk_style_qmls[];

/* The embedded QML of @p layer, NULL when there is none. Borrowed:
 * static storage, never freed. */
const char *jk_style_qml_ref(const char *layer);

/*
 * Writes the map styles of an export into @p dir (the export's work
 * directory): when @p formats has GeoJSON or Shapefile, a sidecar
 * <layer>.qml for each styled layer, which QGIS applies when it opens
 * <layer>.geojson or <layer>.shp; when @p gpkg is not NULL (the open,
 * complete jangkau.gpkg), the styles as the layers' default styles in its
 * table layer_styles, in the schema QGIS creates, and the QGIS project
 * jangkau.qgs that opens the GeoPackage's layers by relative path, styled
 * and grouped, in the UTM zone of the data. Returns JK_OK, or JK_ERR_IO,
 * JK_ERR_GDAL or JK_ERR_NOMEM with the context error set.
 */
int jk_export_styles(jk_ctx *ctx, const char *dir, int formats,
		     GDALDatasetH gpkg);

#endif /* JK_EXPORT_INT_H */
