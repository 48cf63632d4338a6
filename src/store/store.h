/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the project store: one SpatiaLite file holding the
 * villages, the gazetteer aliases, sites, clients and the analysis results.
 *
 * Schema (PRAGMA user_version = JK_SCHEMA_VERSION); geometry columns are
 * registered SpatiaLite columns in EPSG:4326 with spatial indexes:
 *
 *   meta(key PK, value)
 *   villages(kode PK, nama, kecamatan, kabupaten, provinsi, kode_kec,
 *            kode_kab, kode_prov, repaired 0/1, pt_lon, pt_lat,
 *            geom MULTIPOLYGON, pt POINT)          pt = point on surface
 *   aliases(kode, alias)                          extra names of any unit
 *   sites(site_id PK, row_hash UNIQUE, src_file, src_row, no, nama, jenis,
 *         jenis_raw, alamat, desa_col, kec_col, kab_col, koordinat,
 *         status ready|not_ready|inactive|unknown, status_raw, kapasitas,
 *         kegiatan, anak_ok 1|0|NULL, pj, telepon, keterangan,
 *         kode_desa -> villages, precision, score, geo_note, candidates,
 *         coord_kode, lon, lat, geom POINT)
 *   clients(client_id PK, row_hash, src_file, src_row, alamat, desa_col,
 *           kec_col, kab_col, koordinat, jenis_pidana, anak 1|0,
 *           jam, tanggal_mulai (ISO), status active|finished,
 *           kode_desa -> villages, precision, score, geo_note, candidates,
 *           coord_kode, lon, lat, geom POINT)     lon/lat: exact home when
 *                                                 the precision is
 *                                                 'coordinate', else the
 *                                                 village point
 *   coverage(kode PK, status, n_ready, n_pending, cap_ready, demand,
 *            near_site, near_km, status_ak, n_ready_ak, near_ak,
 *            near_ak_km)                          derived, WITHOUT ROWID
 *   client_links(client_id PK, site_id, dist_km, in_reach 0/1, note)
 *                                                 derived, WITHOUT ROWID
 *   runs(run_id PK, step, at, params)
 *
 * Version 2 adds the road network (src/import/roads.c, src/roads) and the
 * road travel results:
 *   road_nodes(node_id PK, lon, lat, geom POINT)
 *   road_edges(edge_id PK, source, target -> road_nodes, class, oneway
 *              -1|0|1, maxspeed km/h, ferry 0|1, duration_s, length_m,
 *              geom LINESTRING)                 one segment per edge
 *   coverage and client_links gain road_km, road_min, reach
 *              (ok|off_network|unreachable; NULL when not by road)
 * Version 3, written by a coverage run by road (empty otherwise):
 *   road_node_min   minutes from each reached road node to the nearest
 *                   ready site
 *   road_routes     per client with a site by road, the path from its
 *                   home and from its village point (origin) to the site
 *   road_isochrones one multipolygon per band of minutes (15, 30, 60)
 * Version 4, workbooks with several sheets:
 *   sites and clients gain src_sheet (the sheet of a workbook row, '' for
 *                   a single-table file); src_row is the row number the
 *                   spreadsheet program shows (header row included)
 * Version 5, the office's decisions (jangkau import decisions):
 *   decisions(kind site|client, src_file, src_sheet, src_row PK together,
 *             row_hash, kode_desa, note, decided_at, source)
 *                   the village chosen by a person for one source row:
 *                   src_file is the file's base name, row_hash the row's
 *                   content when it was decided (a row that changed since
 *                   keeps its decision unapplied); kode_desa is checked
 *                   against villages when recorded and when applied;
 *                   source names the decisions file
 *   indexes sites_src, clients_src on (src_row, src_sheet)
 */
#ifndef JK_STORE_H
#define JK_STORE_H

#include <sqlite3.h>

#include "core/ctx.h"

#define JK_SCHEMA_VERSION 5

struct jk_store {
	jk_ctx *ctx;
	sqlite3 *db;
	void *splite_cache;
	char *path;
	/* waiting for a lock another program holds (store.c) */
	double busy_start; /* when the current wait began (monotonic s) */
	double busy_waited;/* how long the last wait lasted */
	int busy_told;     /* the user was told that the store is in use */
};

/* The start of every public step on a store: clears the error of @p ctx
 * (jk_ctx_clear()) and checks that @p st is a store opened on @p ctx, whose
 * connection, GEOS and PROJ handles the step will use. Returns JK_OK, or
 * JK_ERR_ARG (with the context error set when @p ctx is given). */
jk_status jk_store_enter(jk_ctx *ctx, jk_store *st);

/* Runs SQL without results; on failure sets the context error. */
int jk_store_exec(jk_store *st, const char *sql);

/* Records a step in the runs table, with its parameters (NULL: none).
 * Returns JK_OK or JK_ERR_DB with the context error set. */
int jk_store_log_run(jk_store *st, const char *step, const char *params);

/* Prepares @p sql into *out; on failure sets the context error. */
int jk_store_prepare(jk_store *st, const char *sql, sqlite3_stmt **out);

/* Transactions: every import and analysis is one. */
int jk_store_begin(jk_store *st);
int jk_store_commit(jk_store *st);
void jk_store_rollback(jk_store *st);

/* Ends the writing transaction of a step that jk_store_begin() opened
 * (*in_tx 1): when @p rc is JK_OK, records the step in the runs table
 * (@p step, @p params; no record when @p step is NULL) and commits; when
 * @p rc is an error, or recording or committing fails, rolls back, so the
 * store is as before the step. Sets *in_tx to 0; does nothing when it is
 * 0 already. Returns @p rc, or the error of recording or committing. The
 * one way every step ends its transaction, on every path:
 *
 *	rc = jk_store_begin(st);
 *	if (rc)
 *		goto done;
 *	in_tx = 1;
 *	...
 * done:
 *	rc = jk_store_end(st, &in_tx, rc, "geocode", NULL);
 */
jk_status jk_store_end(jk_store *st, int *in_tx, jk_status rc, const char *step,
		       const char *params);

/* Clears the results of the analysis (coverage, client links and the road
 * results: minutes per node, routes, isochrones): a step that changes
 * what they were computed from makes them stale. Returns JK_OK or
 * JK_ERR_DB with the context error set. */
jk_status jk_store_results_clear(jk_store *st);

/* Sets a context error from the connection's last SQLite error. */
int jk_store_dberr(jk_store *st, const char *what);

/* meta table access; jk_store_meta_get returns a malloc'd copy or NULL. */
int jk_store_meta_set(jk_store *st, const char *key, const char *value);
char *jk_store_meta_get(jk_store *st, const char *key);

/* Number of rows of a table (or -1 on error). */
long jk_store_count(jk_store *st, const char *table);

#endif /* JK_STORE_H */
