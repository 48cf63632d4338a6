/* SPDX-License-Identifier: MIT */
/*
 * The read side of the analysis: what the layers (export), the gap report
 * (report), the maps and the book (render) read from the store, defined
 * once. The report's figures must equal the layers' figures and the map's
 * legend, so all of them read the store through the SQL fragments defined
 * here and nowhere else: a change of definition (what counts as a site of a
 * kecamatan, how a village without a kode_kec is grouped, how distances are
 * rounded) is made once and reaches every output. Also the start of every
 * output (a read transaction and the check that there are results) and the
 * reach rule of the last coverage run in words.
 *
 * All fragments use the aliases v (villages), c (coverage), s (sites).
 */
#ifndef JK_RESULTS_H
#define JK_RESULTS_H

#include "core/util.h"
#include "store/store.h"

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

/* Villages without a ready site, the office's goal (the report's list):
 * every status but covered, the most in need first. */
#define JK_SQL_NO_READY_WHERE \
	" WHERE c.status IN ('gap', 'pending', 'reachable')"
#define JK_SQL_NEED_ORDER \
	" CASE c.status WHEN 'gap' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END"

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
int jk_results_begin(jk_ctx *ctx, jk_store *st, const char *dir, int *in_txn);

/*
 * The reach rule of the last coverage run in words (reach_rule.c): the
 * label ("Radius jangkauan" / "Reach radius", or "Jangkauan lewat jalan" /
 * "Reach by road") into @p label and the rule ("5 km", "30 menit (profil
 * motorcycle)") into @p value, Indonesian when @p id. Returns 0 when the
 * store has no coverage run (value left empty).
 */
int jk_reach_rule(jk_store *st, int id, jk_buf *label, jk_buf *value);

#endif /* JK_RESULTS_H */
