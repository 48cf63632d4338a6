/* SPDX-License-Identifier: MIT */
/*
 * GDAL/OGR glue: see gdal_util.h. The error handler is pushed per call
 * (CPLPushErrorHandlerEx is per thread), so that no global handler is
 * installed on behalf of a program that embeds the library. The importers
 * and the export share one way of recording GDAL's messages
 * (gdal_record()); they differ only in what they keep.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>

#include "gdal_util.h"
#include "util.h"

/* What both handlers do with one message of GDAL: a failure is kept in
 * ctx->gdal_err (unless JK_GDAL_FIRST and one is kept already) and noted
 * in *failed; a warning reaches the message callback with JK_GDAL_WARN;
 * anything else is dropped. */
static void gdal_record(jk_ctx *ctx, int flags, int *failed, CPLErr cls,
			const char *msg)
{
	if (!ctx)
		return;
	if (!msg)
		msg = "";
	if (cls >= CE_Failure) {
		if (!(flags & JK_GDAL_FIRST) || !*failed)
			jk_strlcpy(ctx->gdal_err, msg, sizeof ctx->gdal_err);
		*failed = 1;
	} else if (cls == CE_Warning && (flags & JK_GDAL_WARN)) {
		jk_msg(ctx, JK_LOG_WARN, "gdal: %s", msg);
	}
}

/* The handler of jk_gdal_push(): its user data is the context. */
static void CPL_STDCALL gdal_handler(CPLErr cls, CPLErrorNum num,
				     const char *msg)
{
	int failed = 0;

	(void)num;
	gdal_record(CPLGetErrorHandlerUserData(), 0, &failed, cls, msg);
}

/* The handler of jk_gdal_push_errs(): its user data is the jk_gdal_errs. */
static void CPL_STDCALL gdal_errs_handler(CPLErr cls, CPLErrorNum num,
					  const char *msg)
{
	jk_gdal_errs *e = CPLGetErrorHandlerUserData();

	(void)num;
	if (e)
		gdal_record(e->ctx, e->flags, &e->failed, cls, msg);
}

void jk_gdal_push(jk_ctx *ctx)
{
	ctx->gdal_err[0] = '\0';
	CPLPushErrorHandlerEx(gdal_handler, ctx);
}

void jk_gdal_push_errs(jk_gdal_errs *e, jk_ctx *ctx, int flags)
{
	e->ctx = ctx;
	e->flags = flags;
	e->failed = 0;
	ctx->gdal_err[0] = '\0';
	CPLPushErrorHandlerEx(gdal_errs_handler, e);
}

void jk_gdal_pop(void)
{
	CPLPopErrorHandler();
}

const char *jk_gdal_lasterr(jk_ctx *ctx)
{
	return ctx->gdal_err;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);

	return n > k && strcasecmp(path + n - k, ext) == 0;
}

int jk_gdal_open_vector(jk_ctx *ctx, const char *path, GDALDatasetH *out)
{
	static const char *const csv_opts[] = {
		"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES",
		"EMPTY_STRING_AS_NULL=NO", "HEADERS=YES", NULL};
	/* no header row: the caller finds it (GDAL >= 3.8; older versions
	 * take the configuration options OGR_XLSX_HEADERS etc.) */
	static const char *const sheet_opts[] = {
		"FIELD_TYPES=STRING", "HEADERS=DISABLE", NULL};
	const char *const *oo = NULL;

	GDALAllRegister();
	if (has_ext(path, ".csv") || has_ext(path, ".txt") ||
	    has_ext(path, ".tsv"))
		oo = csv_opts;
	else if (has_ext(path, ".xlsx") || has_ext(path, ".ods") ||
		 has_ext(path, ".xls"))
		oo = sheet_opts;
	*out = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL,
			  (const char *const *)oo, NULL);
	if (!*out)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot open as a table or vector layer%s%s",
				path, *jk_gdal_lasterr(ctx) ? ": " : "",
				jk_gdal_lasterr(ctx));
	return JK_OK;
}

static const char *const sheet_cfg[][2] = {
	{"OGR_XLSX_HEADERS", "FORCE"}, {"OGR_XLSX_FIELD_TYPES", "STRING"},
	{"OGR_ODS_HEADERS", "FORCE"}, {"OGR_ODS_FIELD_TYPES", "STRING"}};
_Static_assert(sizeof sheet_cfg / sizeof sheet_cfg[0] ==
		       sizeof ((jk_gdal_sheet_opts *)0)->saved /
			       sizeof ((jk_gdal_sheet_opts *)0)->saved[0],
	       "one saved value per option");

void jk_gdal_sheet_opts_push(jk_gdal_sheet_opts *o)
{
	size_t i;

	for (i = 0; i < sizeof sheet_cfg / sizeof sheet_cfg[0]; i++) {
		const char *old = CPLGetThreadLocalConfigOption(sheet_cfg[i][0], NULL);

		o->saved[i] = jk_strdup(old);
		CPLSetThreadLocalConfigOption(sheet_cfg[i][0], sheet_cfg[i][1]);
	}
}

void jk_gdal_sheet_opts_pop(jk_gdal_sheet_opts *o)
{
	size_t i;

	for (i = 0; i < sizeof sheet_cfg / sizeof sheet_cfg[0]; i++) {
		CPLSetThreadLocalConfigOption(sheet_cfg[i][0], o->saved[i]);
		free(o->saved[i]);
		o->saved[i] = NULL;
	}
}

int jk_gdal_layer(jk_ctx *ctx, GDALDatasetH ds, const char *path,
		  const char *name, OGRLayerH *out)
{
	jk_buf names;
	int i, n = GDALDatasetGetLayerCount(ds);

	*out = name ? GDALDatasetGetLayerByName(ds, name)
		    : (n > 0 ? GDALDatasetGetLayer(ds, 0) : NULL);
	if (*out)
		return JK_OK;
	jk_buf_init(&names);
	for (i = 0; i < n; i++)
		jk_buf_printf(&names, "%s'%s'", i ? ", " : "",
			      OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
	jk_error(ctx, JK_ERR_FORMAT, "%s: no layer '%s' (layers: %s)", path,
		 name ? name : "(first)", n ? jk_buf_str(&names) : "none");
	jk_buf_release(&names);
	return JK_ERR_FORMAT;
}

int jk_gdal_next_feature(jk_ctx *ctx, OGRLayerH lyr, const char *path,
			 long row, OGRFeatureH *out, int *failed)
{
	CPLErrorReset();
	*out = OGR_L_GetNextFeature(lyr);
	*failed = CPLGetLastErrorType() >= CE_Failure;
	if (*out || !*failed)
		return JK_OK;
	return jk_error(ctx, JK_ERR_GDAL,
			"%s: row %ld: cannot read layer '%s': %s (the file may be damaged;"
			" nothing was imported)",
			path, row, OGR_L_GetName(lyr), CPLGetLastErrorMsg());
}

OGRSpatialReferenceH jk_srs_wgs84(void)
{
	OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);

	if (!srs)
		return NULL;
	if (OSRImportFromEPSG(srs, 4326) != OGRERR_NONE) {
		OSRDestroySpatialReference(srs);
		return NULL;
	}
	OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
	return srs;
}
