/*
 * GDAL/OGR glue: see gdal_util.h. The error handler is pushed per call
 * (CPLPushErrorHandlerEx is per thread), so that no global handler is
 * installed on behalf of a program that embeds the library.
 */
#include <string.h>
#include <strings.h>

#include <cpl_error.h>
#include <cpl_string.h>

#include "gdal_util.h"
#include "util.h"

static void CPL_STDCALL gdal_handler(CPLErr cls, CPLErrorNum num,
				     const char *msg)
{
	jk_ctx *ctx = CPLGetErrorHandlerUserData();

	(void)num;
	if (ctx && cls >= CE_Failure)
		jk_strlcpy(ctx->gdal_err, msg, sizeof ctx->gdal_err);
}

void jk_gdal_push(jk_ctx *ctx)
{
	ctx->gdal_err[0] = '\0';
	CPLPushErrorHandlerEx(gdal_handler, ctx);
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
	static const char *const sheet_opts[] = {
		"FIELD_TYPES=STRING", "HEADERS=FORCE", NULL};
	const char *const *oo = NULL;

	GDALAllRegister();
	if (has_ext(path, ".csv") || has_ext(path, ".txt") ||
	    has_ext(path, ".tsv"))
		oo = csv_opts;
	else if (has_ext(path, ".xlsx") || has_ext(path, ".ods"))
		oo = sheet_opts;
	*out = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL,
			  (const char *const *)oo, NULL);
	if (!*out)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot open as a table or vector layer%s%s",
				path, *jk_gdal_lasterr(ctx) ? ": " : "",
				jk_gdal_lasterr(ctx));
	return JK_OK;
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
