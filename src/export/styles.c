/* SPDX-License-Identifier: MIT */
/*
 * Map styles that travel with the exported layers.
 *
 * The QGIS styles of maps/ (embedded at build time, see export_int.h) are
 * written three ways, so that the layers open styled however they are
 * opened: as a sidecar <layer>.qml beside the GeoJSON and Shapefile layers
 * (QGIS loads name.qml with name.shp or name.geojson); as each layer's
 * default style in the GeoPackage table layer_styles, created through OGR
 * exactly as QGIS's own "Save Style ... in database" creates it
 * (QgsOgrProviderMetadata::saveStyle), so that QGIS finds and applies it;
 * and embedded in a QGIS project jangkau.qgs next to the GeoPackage, which
 * refers to it by a relative path, so that the output folder can be
 * copied or zipped as a whole.
 *
 * The project is plain QGIS 3.22 XML: the layers in groups (the road
 * layers, present after a coverage run by road, in their own), points
 * above lines above polygons, in the UTM zone of the data's centre (metres
 * for measuring, little distortion), opening on the data's extent.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cpl_conv.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "core/gdal_util.h"
#include "core/file.h"
#include "core/util.h"
#include "export_int.h"

#define PATH_SZ 4096

/* The project's layers, top of the legend (drawn last) first. */
typedef struct proj_layer {
	const char *name;
	const char *geometry; /* QGIS's geometry type name */
	const char *group;
} proj_layer;

static const proj_layer proj_layers[] = {
	{"sites", "Point", "Lokasi"},
	{"clients", "Point", "Lokasi"},
	{"client_links", "Line", "Lokasi"},
	{"client_routes", "Line", "Jalan"},
	{"roads", "Line", "Jalan"},
	{"isochrones", "Polygon", "Jalan"},
	{"kecamatan_summary", "Polygon", "Analisis"},
	{"gaps", "Polygon", "Analisis"},
	{"desa_coverage", "Polygon", "Analisis"},
};

#define N_PROJ_LAYERS ((int)(sizeof proj_layers / sizeof proj_layers[0]))

/* A layer's id in the project. QGIS keeps an id only when it is longer
 * than 10 characters (it once was a time stamp) and makes up one else. */
#define LAYER_ID "jangkau_%s"

/* The version QGIS writes into a project (the styles carry their own). */
#define QGIS_VERSION "3.22.16-Białowieża"

const char *jk_style_qml_ref(const char *layer)
{
	const jk_style_qml *s;

	if (!layer)
		return NULL;
	for (s = jk_style_qmls; s->layer; s++)
		if (!strcmp(s->layer, layer))
			return s->qml;
	return NULL;
}

/* Writes @p len bytes of @p text to @p dir/@p name (jk_file_write). */
static int write_file(jk_ctx *ctx, const char *dir, const char *name,
		      const char *text, size_t len)
{
	char path[PATH_SZ];
	int n = snprintf(path, sizeof path, "%s/%s", dir, name);

	if (n < 0 || n >= (int)sizeof path)
		return jk_error(ctx, JK_ERR_ARG, "%s: path too long", dir);
	return jk_file_write(ctx, path, text, len, JK_FILE_PUBLIC);
}

/* Whether the export wrote layer @p layer as a GeoJSON or Shapefile. */
static int file_layer_written(const char *dir, const char *layer)
{
	static const char *const ext[] = {".shp", ".geojson"};
	char path[PATH_SZ];
	int i;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s%s", dir, layer, ext[i]);
		if (access(path, F_OK) == 0)
			return 1;
	}
	return 0;
}

static int write_sidecars(jk_ctx *ctx, const char *dir)
{
	const jk_style_qml *s;
	char name[256];
	int rc;

	for (s = jk_style_qmls; s->layer; s++) {
		if (!file_layer_written(dir, s->layer))
			continue; /* a layer this export left out */
		snprintf(name, sizeof name, "%s.qml", s->layer);
		rc = write_file(ctx, dir, name, s->qml, strlen(s->qml));
		if (rc)
			return rc;
	}
	return JK_OK;
}

/* ------------------------------------------------------------------ */
/* layer_styles                                                        */

/* The table as QGIS creates it: OGR fields whose types and widths the GPKG
 * driver turns into TEXT(256), BOOLEAN, DATETIME DEFAULT (strftime(...)),
 * with the feature id column "id". */
typedef struct style_field {
	const char *name;
	OGRFieldType type;
	int width;
} style_field;

static const style_field style_fields[] = {
	{"f_table_catalog", OFTString, 256},
	{"f_table_schema", OFTString, 256},
	{"f_table_name", OFTString, 256},
	{"f_geometry_column", OFTString, 256},
	{"styleName", OFTString, 30},
	{"styleQML", OFTString, 0},
	{"styleSLD", OFTString, 0},
	{"useAsDefault", OFTInteger, 0},  /* subtype Boolean */
	{"description", OFTString, 0},
	{"owner", OFTString, 30},
	{"ui", OFTString, 30},
	{"update_time", OFTDateTime, 0},  /* default CURRENT_TIMESTAMP */
};

static int gdal_err(jk_ctx *ctx, const char *what)
{
	const char *g = jk_gdal_lasterr(ctx);

	return jk_error(ctx, JK_ERR_GDAL, "jangkau.gpkg: %s: %s", what,
			g && *g ? g : "unknown GDAL error");
}

static int create_style_table(jk_ctx *ctx, GDALDatasetH gpkg, OGRLayerH *out)
{
	static const char *const opts[] = {"FID=id", NULL};
	OGRLayerH lyr;
	size_t i;

	*out = NULL;
	lyr = GDALDatasetCreateLayer(gpkg, "layer_styles", NULL, wkbNone,
				     (char **)opts);
	if (!lyr)
		return gdal_err(ctx, "cannot create the table layer_styles");
	for (i = 0; i < sizeof style_fields / sizeof style_fields[0]; i++) {
		const style_field *sf = &style_fields[i];
		OGRFieldDefnH fld = OGR_Fld_Create(sf->name, sf->type);
		OGRErr err;

		if (!fld)
			return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		if (sf->width)
			OGR_Fld_SetWidth(fld, sf->width);
		if (!strcmp(sf->name, "useAsDefault"))
			OGR_Fld_SetSubType(fld, OFSTBoolean);
		if (sf->type == OFTDateTime)
			OGR_Fld_SetDefault(fld, "CURRENT_TIMESTAMP");
		err = OGR_L_CreateField(lyr, fld, TRUE);
		OGR_Fld_Destroy(fld);
		if (err != OGRERR_NONE)
			return gdal_err(ctx, "cannot create layer_styles");
	}
	*out = lyr;
	return JK_OK;
}

static int write_layer_styles(jk_ctx *ctx, GDALDatasetH gpkg)
{
	OGRLayerH st = NULL;
	OGRFeatureH f = NULL;
	OGRFeatureDefnH fd;
	int rc, in_txn = 0, i;
	char desc[128];

	rc = create_style_table(ctx, gpkg, &st);
	if (rc)
		return rc;
	if (GDALDatasetStartTransaction(gpkg, FALSE) != OGRERR_NONE) {
		rc = gdal_err(ctx, "layer_styles: cannot start a transaction");
		goto cleanup;
	}
	in_txn = 1;
	fd = OGR_L_GetLayerDefn(st);
	for (i = 0; i < GDALDatasetGetLayerCount(gpkg); i++) {
		OGRLayerH lyr = GDALDatasetGetLayer(gpkg, i);
		const char *name = OGR_L_GetName(lyr);
		const char *qml = jk_style_qml_ref(name);

		if (!qml)
			continue;
		f = OGR_F_Create(fd);
		if (!f) {
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			goto cleanup;
		}
		snprintf(desc, sizeof desc, "jangkau %s: %s", jk_version(),
			 name);
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd,
				     "f_table_catalog"), "");
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd,
				     "f_table_schema"), "");
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd,
				     "f_table_name"), name);
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd,
				     "f_geometry_column"),
				     OGR_L_GetGeometryColumn(lyr));
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd, "styleName"),
				     name);
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd, "styleQML"),
				     qml);
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd, "styleSLD"),
				     "");
		OGR_F_SetFieldInteger(f, OGR_FD_GetFieldIndex(fd,
				      "useAsDefault"), 1);
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd,
				     "description"), desc);
		OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(fd, "owner"), "");
		if (OGR_L_CreateFeature(st, f) != OGRERR_NONE) {
			rc = gdal_err(ctx, "cannot write layer_styles");
			goto cleanup;
		}
		OGR_F_Destroy(f);
		f = NULL;
	}
	in_txn = 0;
	if (GDALDatasetCommitTransaction(gpkg) != OGRERR_NONE)
		rc = gdal_err(ctx, "layer_styles: cannot commit");
cleanup:
	if (f)
		OGR_F_Destroy(f);
	if (in_txn)
		GDALDatasetRollbackTransaction(gpkg);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The QGIS project                                                    */

static void xml_text(jk_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': jk_buf_puts(b, "&amp;"); break;
		case '<': jk_buf_puts(b, "&lt;"); break;
		case '>': jk_buf_puts(b, "&gt;"); break;
		case '"': jk_buf_puts(b, "&quot;"); break;
		default: jk_buf_add(b, s, 1); break;
		}
	}
}

/* A <spatialrefsys> element QGIS reads back: the WKT (which QGIS prefers
 * when there is no srsid of its own database), the PROJ string and the
 * authority code. */
static void xml_srs(jk_buf *b, OGRSpatialReferenceH srs, int epsg,
		    const char *indent)
{
	static const char *const wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
	char *wkt = NULL, *proj4 = NULL;
	const char *name = OSRGetName(srs);

	if (OSRExportToWktEx(srs, &wkt, wkt_opts) != OGRERR_NONE) {
		CPLFree(wkt);
		wkt = NULL;
	}
	if (OSRExportToProj4(srs, &proj4) != OGRERR_NONE) {
		CPLFree(proj4);
		proj4 = NULL;
	}
	jk_buf_printf(b, "%s<spatialrefsys nativeFormat=\"Wkt\">\n"
		      "%s  <wkt>", indent, indent);
	xml_text(b, wkt ? wkt : "");
	jk_buf_printf(b, "</wkt>\n%s  <proj4>", indent);
	xml_text(b, proj4 ? proj4 : "");
	jk_buf_printf(b, "</proj4>\n"
		      "%s  <srsid>0</srsid>\n"
		      "%s  <srid>%d</srid>\n"
		      "%s  <authid>EPSG:%d</authid>\n"
		      "%s  <description>", indent, indent, epsg, indent, epsg,
		      indent);
	xml_text(b, name ? name : "");
	jk_buf_printf(b, "</description>\n"
		      "%s  <projectionacronym>%s</projectionacronym>\n"
		      "%s  <ellipsoidacronym>EPSG:7030</ellipsoidacronym>\n"
		      "%s  <geographicflag>%s</geographicflag>\n"
		      "%s</spatialrefsys>\n",
		      indent, OSRIsGeographic(srs) ? "longlat" : "utm", indent,
		      indent, OSRIsGeographic(srs) ? "true" : "false", indent);
	CPLFree(wkt);
	CPLFree(proj4);
}

/* The inside of a QML's <qgis> element and the attributes of its start
 * tag but the version: the inside becomes the content of a <maplayer>, the
 * attributes (scale visibility, labels enabled) its attributes. Returns 0
 * when the QML does not look like one. */
static int qml_split(const char *qml, const char **attr, size_t *attr_len,
		     const char **body, size_t *body_len)
{
	const char *start = strstr(qml, "<qgis ");
	const char *gt, *end, *p;

	if (!start)
		return 0;
	gt = strchr(start, '>');
	end = strstr(qml, "</qgis>");
	if (!gt || !end || end < gt)
		return 0;
	/* skip "<qgis" and a leading version="..." */
	p = start + 5;
	while (*p == ' ')
		p++;
	if (!strncmp(p, "version=\"", 9)) {
		const char *q = strchr(p + 9, '"');

		if (!q || q > gt)
			return 0;
		p = q + 1;
	}
	*attr = p;
	*attr_len = (size_t)(gt - p);
	*body = gt + 1;
	*body_len = (size_t)(end - (gt + 1));
	return 1;
}

/* The extent of every layer of the GeoPackage, in lon/lat; 0 when all are
 * empty. */
static int data_extent(GDALDatasetH gpkg, OGREnvelope *env)
{
	int i, any = 0;

	for (i = 0; i < GDALDatasetGetLayerCount(gpkg); i++) {
		OGRLayerH lyr = GDALDatasetGetLayer(gpkg, i);
		OGREnvelope e;

		if (OGR_L_GetGeomType(lyr) == wkbNone ||
		    OGR_L_GetExtent(lyr, &e, TRUE) != OGRERR_NONE)
			continue;
		if (!any) {
			*env = e;
			any = 1;
			continue;
		}
		env->MinX = fmin(env->MinX, e.MinX);
		env->MinY = fmin(env->MinY, e.MinY);
		env->MaxX = fmax(env->MaxX, e.MaxX);
		env->MaxY = fmax(env->MaxY, e.MaxY);
	}
	return any;
}

static void xml_layer_tree(jk_buf *b, GDALDatasetH gpkg)
{
	const char *group = NULL;
	int i;

	jk_buf_puts(b, "  <layer-tree-group>\n    <customproperties/>\n");
	for (i = 0; i < N_PROJ_LAYERS; i++) {
		const proj_layer *pl = &proj_layers[i];

		if (!GDALDatasetGetLayerByName(gpkg, pl->name))
			continue; /* not written by this export */

		if (!group || strcmp(group, pl->group)) {
			if (group)
				jk_buf_puts(b, "    </layer-tree-group>\n");
			group = pl->group;
			jk_buf_printf(b, "    <layer-tree-group name=\"%s\""
				      " checked=\"Qt::Checked\" expanded=\"1\">\n"
				      "      <customproperties/>\n", group);
		}
		jk_buf_printf(b, "      <layer-tree-layer id=\"" LAYER_ID "\" name=\"%s\""
			      " source=\"./jangkau.gpkg|layername=%s\""
			      " providerKey=\"ogr\" checked=\"Qt::Checked\""
			      " expanded=\"1\" legend_exp=\"\">\n"
			      "        <customproperties/>\n"
			      "      </layer-tree-layer>\n",
			      pl->name, pl->name, pl->name);
	}
	if (group)
		jk_buf_puts(b, "    </layer-tree-group>\n");
	jk_buf_puts(b, "    <custom-order enabled=\"0\"/>\n"
		    "  </layer-tree-group>\n");
}

static void xml_map_layers(jk_buf *b, OGRSpatialReferenceH wgs84,
			   GDALDatasetH gpkg)
{
	int i;

	jk_buf_puts(b, "  <projectlayers>\n");
	for (i = 0; i < N_PROJ_LAYERS; i++) {
		const proj_layer *pl = &proj_layers[i];
		const char *qml = jk_style_qml_ref(pl->name);
		const char *attr = "", *body = "";
		size_t attr_len = 0, body_len = 0;

		if (!GDALDatasetGetLayerByName(gpkg, pl->name))
			continue;

		if (qml)
			qml_split(qml, &attr, &attr_len, &body, &body_len);
		jk_buf_printf(b, "    <maplayer type=\"vector\" geometry=\"%s\" ",
			      pl->geometry);
		jk_buf_add(b, attr, attr_len);
		jk_buf_printf(b, ">\n"
			      "      <id>" LAYER_ID "</id>\n"
			      "      <datasource>./jangkau.gpkg|layername=%s"
			      "</datasource>\n"
			      "      <layername>%s</layername>\n"
			      "      <srs>\n", pl->name, pl->name, pl->name);
		xml_srs(b, wgs84, 4326, "        ");
		jk_buf_puts(b, "      </srs>\n"
			    "      <provider encoding=\"UTF-8\">ogr</provider>\n");
		jk_buf_add(b, body, body_len);
		jk_buf_puts(b, "\n    </maplayer>\n");
	}
	jk_buf_puts(b, "  </projectlayers>\n");
}

/* The extent of the project: the data's box in the UTM zone of its
 * centre (EPSG code into *epsg, @p utm set to it), with a margin and at
 * least a kilometre across, into @p box (xmin, ymin, xmax, ymax). */
static int project_extent(jk_ctx *ctx, GDALDatasetH gpkg,
			  OGRSpatialReferenceH wgs84, OGRSpatialReferenceH utm,
			  int *epsg, double box[4])
{
	OGRCoordinateTransformationH ct = NULL;
	OGREnvelope ll = {0, 0, 0, 0};
	double x0 = 0, y0 = 0, x1 = 0, y1 = 0, mx, my;
	int rc = JK_OK;

	if (!data_extent(gpkg, &ll)) {
		/* nothing to show: the centre of Indonesia */
		ll.MinX = ll.MaxX = 118.0;
		ll.MinY = ll.MaxY = -2.0;
	}
	*epsg = jk_utm_epsg((ll.MinX + ll.MaxX) / 2, (ll.MinY + ll.MaxY) / 2);
	if (OSRImportFromEPSG(utm, *epsg) != OGRERR_NONE)
		return gdal_err(ctx, "jangkau.qgs: cannot set up the UTM CRS");
	OSRSetAxisMappingStrategy(utm, OAMS_TRADITIONAL_GIS_ORDER);
	ct = OCTNewCoordinateTransformation(wgs84, utm);
	if (!ct || !OCTTransformBounds(ct, ll.MinX, ll.MinY, ll.MaxX, ll.MaxY,
				       &x0, &y0, &x1, &y1, 21))
		rc = gdal_err(ctx, "jangkau.qgs: cannot project the extent");
	if (ct)
		OCTDestroyCoordinateTransformation(ct);
	/* a margin, and at least a kilometre across */
	mx = fmax((x1 - x0) * 0.04, 500.0);
	my = fmax((y1 - y0) * 0.04, 500.0);
	box[0] = x0 - mx;
	box[1] = y0 - my;
	box[2] = x1 + mx;
	box[3] = y1 + my;
	return rc;
}

/* The fixed properties at the end of the project. */
static const char project_tail[] =
	"  <properties>\n"
	"    <SpatialRefSys>\n"
	"      <ProjectionsEnabled type=\"int\">1</ProjectionsEnabled>\n"
	"    </SpatialRefSys>\n"
	"    <Paths>\n"
	"      <Absolute type=\"bool\">false</Absolute>\n"
	"    </Paths>\n"
	"    <Measure>\n"
	"      <Ellipsoid type=\"QString\">EPSG:7030</Ellipsoid>\n"
	"    </Measure>\n"
	"    <Measurement>\n"
	"      <DistanceUnits type=\"QString\">km</DistanceUnits>\n"
	"      <AreaUnits type=\"QString\">ha</AreaUnits>\n"
	"    </Measurement>\n"
	"  </properties>\n"
	"</qgis>\n";

static int write_project(jk_ctx *ctx, const char *dir, GDALDatasetH gpkg)
{
	OGRSpatialReferenceH wgs84 = NULL, utm = NULL;
	double box[4] = {0, 0, 0, 0};
	int epsg = 0, rc = JK_OK;
	jk_buf b;

	jk_buf_init(&b);
	wgs84 = jk_srs_wgs84();
	utm = OSRNewSpatialReference(NULL);
	if (!wgs84 || !utm) {
		rc = gdal_err(ctx, "jangkau.qgs: cannot set up the CRS");
		goto cleanup;
	}
	rc = project_extent(ctx, gpkg, wgs84, utm, &epsg, box);
	if (rc)
		goto cleanup;
	jk_buf_puts(&b, "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd'"
		    " 'SYSTEM'>\n");
	jk_buf_printf(&b, "<qgis projectname=\"jangkau\" version=\"%s\">\n"
		      "  <homePath path=\"\"/>\n"
		      "  <title>jangkau</title>\n"
		      "  <autotransaction active=\"0\"/>\n"
		      "  <evaluateDefaultValues active=\"0\"/>\n"
		      "  <trust active=\"0\"/>\n"
		      "  <projectCrs>\n", QGIS_VERSION);
	xml_srs(&b, utm, epsg, "    ");
	jk_buf_puts(&b, "  </projectCrs>\n");
	xml_layer_tree(&b, gpkg);
	jk_buf_printf(&b, "  <mapcanvas name=\"theMapCanvas\""
		      " annotationsVisible=\"1\">\n"
		      "    <units>meters</units>\n"
		      "    <extent>\n"
		      "      <xmin>%.3f</xmin>\n      <ymin>%.3f</ymin>\n"
		      "      <xmax>%.3f</xmax>\n      <ymax>%.3f</ymax>\n"
		      "    </extent>\n"
		      "    <rotation>0</rotation>\n"
		      "    <destinationsrs>\n",
		      box[0], box[1], box[2], box[3]);
	xml_srs(&b, utm, epsg, "      ");
	jk_buf_puts(&b, "    </destinationsrs>\n"
		    "    <rendermaptile>0</rendermaptile>\n"
		    "  </mapcanvas>\n");
	xml_map_layers(&b, wgs84, gpkg);
	jk_buf_printf(&b, "  <ProjectViewSettings UseProjectScales=\"0\""
		      " rotation=\"0\">\n"
		      "    <Scales/>\n"
		      "    <DefaultViewExtent xmin=\"%.3f\" ymin=\"%.3f\""
		      " xmax=\"%.3f\" ymax=\"%.3f\">\n",
		      box[0], box[1], box[2], box[3]);
	xml_srs(&b, utm, epsg, "      ");
	jk_buf_puts(&b, "    </DefaultViewExtent>\n"
		    "  </ProjectViewSettings>\n");
	jk_buf_puts(&b, project_tail);
	if (b.oom) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	rc = write_file(ctx, dir, "jangkau.qgs", jk_buf_str(&b), b.len);
cleanup:
	if (utm)
		OSRDestroySpatialReference(utm);
	if (wgs84)
		OSRDestroySpatialReference(wgs84);
	jk_buf_release(&b);
	return rc;
}

int jk_export_styles(jk_ctx *ctx, const char *dir, int formats,
		     GDALDatasetH gpkg)
{
	int rc = JK_OK;

	if (formats & (JK_FORMAT_GEOJSON | JK_FORMAT_SHP))
		rc = write_sidecars(ctx, dir);
	if (!rc && gpkg)
		rc = write_layer_styles(ctx, gpkg);
	if (!rc && gpkg)
		rc = write_project(ctx, dir, gpkg);
	return rc;
}
