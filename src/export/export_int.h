/*
 * Private interface shared by the GIS export (export.c) and the gap report
 * (report.c). The report's figures must equal the layers' figures, so both
 * read the store through the SQL fragments defined here and nowhere else:
 * a change of definition (what counts as a site of a kecamatan, how a
 * village without a kode_kec is grouped, how distances are rounded) is made
 * once and reaches both outputs.
 *
 * All fragments use the aliases v (villages), c (coverage), s (sites).
 */
#ifndef JK_EXPORT_INT_H
#define JK_EXPORT_INT_H

#include <gdal.h>

#include "../core/util.h"
#include "../store/store_int.h"

/* Distances are rounded to metres before they leave the store, so that a
 * GeoJSON number, a DBF text and a CSV cell carry the same value. */
#define JK_SQL_KM(x) "round(" x ", 3)"

/* The villages joined to their coverage result. */
#define JK_SQL_DESA_FROM \
	" FROM villages v LEFT JOIN coverage c ON c.kode = v.kode"

/* Columns of desa_coverage and gaps, in layer order (17 columns). */
#define JK_SQL_DESA_COLS \
	"v.kode, v.nama, v.kecamatan, v.kabupaten, v.kode_kec, v.kode_kab," \
	" c.status, c.n_ready, c.n_pending, c.cap_ready, c.demand," \
	" c.near_site, " JK_SQL_KM("c.near_km") ", c.status_ak," \
	" c.n_ready_ak, c.near_ak, " JK_SQL_KM("c.near_ak_km")

/* Villages that need a site: the gaps layer and the report's gap list. */
#define JK_SQL_GAP_WHERE " WHERE c.status IN ('gap', 'pending')"

/* Grouping keys. A village without a code of its regency or district is
 * grouped by the names, so that it is counted somewhere rather than lost;
 * '~' sorts those groups after the coded ones. */
#define JK_SQL_KAB_KEY \
	"(CASE WHEN v.kode_kab IS NOT NULL THEN v.kode_kab" \
	" ELSE '~' || IFNULL(v.kabupaten, '') END)"
#define JK_SQL_KEC_KEY \
	"(CASE WHEN v.kode_kec IS NOT NULL THEN v.kode_kec" \
	" ELSE " JK_SQL_KAB_KEY " || '/' || IFNULL(v.kecamatan, '') END)"

/* The summary counts of a group of villages (9 columns): n_desa,
 * n_covered, n_reach, n_pending, n_gap, n_sites, n_ready, cap_ready,
 * demand. n_sites counts every site geocoded into the group's villages;
 * n_ready, cap_ready and demand are sums of the villages' coverage values,
 * so that a summary row equals the sum of its desa_coverage features. */
#define JK_SQL_SUM_COLS \
	"count(*)," \
	" sum(CASE WHEN c.status = 'covered' THEN 1 ELSE 0 END)," \
	" sum(CASE WHEN c.status = 'reachable' THEN 1 ELSE 0 END)," \
	" sum(CASE WHEN c.status = 'pending' THEN 1 ELSE 0 END)," \
	" sum(CASE WHEN c.status = 'gap' THEN 1 ELSE 0 END)," \
	" sum((SELECT count(*) FROM sites s WHERE s.kode_desa = v.kode))," \
	" sum(IFNULL(c.n_ready, 0)), sum(IFNULL(c.cap_ready, 0))," \
	" sum(IFNULL(c.demand, 0))"

/* kecamatan_summary columns before the counts (4 columns). */
#define JK_SQL_KEC_HEAD \
	"SELECT max(v.kode_kec), max(v.kecamatan), max(v.kabupaten)," \
	" max(v.kode_kab), " JK_SQL_SUM_COLS
#define JK_SQL_KEC_TAIL \
	JK_SQL_DESA_FROM " GROUP BY " JK_SQL_KAB_KEY ", " JK_SQL_KEC_KEY \
	" ORDER BY " JK_SQL_KAB_KEY ", " JK_SQL_KEC_KEY

/* Per regency (report only): kode_kab, kabupaten, the 9 counts, the key. */
#define JK_SQL_KAB \
	"SELECT max(v.kode_kab), max(v.kabupaten), " JK_SQL_SUM_COLS ", " \
	JK_SQL_KAB_KEY JK_SQL_DESA_FROM " GROUP BY " JK_SQL_KAB_KEY \
	" ORDER BY " JK_SQL_KAB_KEY

/* Sites that need the office's attention: not ready, or a geocode that is
 * coarser than a village (the coverage step does not count those), or a
 * recorded coordinate that lies in another village than the one the
 * address names, outside every village, or that cannot be read
 * (coord_kode differs, or the geocoder's note says so). */
#define JK_SQL_ATTENTION_WHERE \
	" WHERE s.status <> 'ready'" \
	" OR s.precision IS NULL" \
	" OR s.precision NOT IN ('coordinate', 'village')" \
	" OR (s.coord_kode IS NOT NULL AND s.kode_desa IS NOT NULL" \
	"     AND s.coord_kode <> s.kode_desa)" \
	" OR s.geo_note LIKE '%disagree%' OR s.geo_note LIKE '%outside%'" \
	" OR s.geo_note LIKE '%mismatch%' OR s.geo_note LIKE '%conflict%'" \
	" OR s.geo_note LIKE '%unreadable%'"

/*
 * What the export and the report do before they read anything: start a
 * read transaction unless the caller has one open, so that every output
 * shows the store at one moment; check that the store holds results to
 * write (villages, and a coverage result for every one of them; a warning
 * when they are older than the last import or geocoding); and create @p dir
 * and its missing parents.
 *
 * Sets *in_txn to 1 when it started a transaction, also when it then
 * fails: the caller ends it with jk_store_rollback() (nothing is written to
 * the store); else to 0. Returns JK_OK, or JK_ERR_STATE, JK_ERR_DB,
 * JK_ERR_IO, JK_ERR_ARG or JK_ERR_NOMEM with the context error set.
 */
int jk_export_begin(jk_ctx *ctx, jk_store *st, const char *dir, int *in_txn);

/*
 * The reach rule of the last coverage run in words (reach_rule.c): the
 * label ("Radius jangkauan" / "Reach radius", or "Jangkauan lewat jalan" /
 * "Reach by road") into @p label and the rule ("5 km", "30 menit (profil
 * motorcycle)") into @p value, Indonesian when @p id. Returns 0 when the
 * store has no coverage run (value left empty).
 */
int jk_reach_rule(jk_store *st, int id, jk_buf *label, jk_buf *value);

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
