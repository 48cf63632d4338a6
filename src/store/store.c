/* SPDX-License-Identifier: MIT */
/*
 * The project store: one SpatiaLite database per project. Opening creates
 * the file (mode 0600: it holds personal data about clients) and the schema,
 * registers the geometry columns so that QGIS opens the file directly, and
 * checks the schema version of an existing file.
 */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/util.h"
#include "store.h"

#include <spatialite.h>

static const char *const schema_sql =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE villages("
	" kode TEXT PRIMARY KEY, nama TEXT NOT NULL, kecamatan TEXT,"
	" kabupaten TEXT, provinsi TEXT, kode_kec TEXT, kode_kab TEXT,"
	" kode_prov TEXT, repaired INTEGER NOT NULL DEFAULT 0,"
	" pt_lon REAL, pt_lat REAL);"
	"SELECT AddGeometryColumn('villages','geom',4326,'MULTIPOLYGON','XY');"
	"SELECT AddGeometryColumn('villages','pt',4326,'POINT','XY');"
	"SELECT CreateSpatialIndex('villages','geom');"
	"CREATE INDEX villages_kec ON villages(kode_kec);"
	"CREATE INDEX villages_pt ON villages(kode, pt_lon, pt_lat);"
	"CREATE TABLE aliases(kode TEXT NOT NULL, alias TEXT NOT NULL,"
	" PRIMARY KEY(kode, alias));"
	"CREATE TABLE sites("
	" site_id INTEGER PRIMARY KEY, row_hash TEXT NOT NULL UNIQUE,"
	" src_file TEXT NOT NULL, src_row INTEGER NOT NULL, no TEXT,"
	" nama TEXT, jenis TEXT, jenis_raw TEXT, alamat TEXT, desa_col TEXT,"
	" kec_col TEXT, kab_col TEXT, koordinat TEXT,"
	" status TEXT NOT NULL CHECK(status IN"
	"  ('ready','not_ready','inactive','unknown')),"
	" status_raw TEXT, kapasitas INTEGER, kegiatan TEXT,"
	" anak_ok INTEGER CHECK(anak_ok IN (0,1)), pj TEXT, telepon TEXT,"
	" keterangan TEXT,"
	" kode_desa TEXT REFERENCES villages(kode) ON DELETE SET NULL,"
	" precision TEXT CHECK(precision IN ('coordinate','village','district',"
	"  'regency','ambiguous','none')),"
	" score REAL, geo_note TEXT, candidates TEXT, coord_kode TEXT,"
	" lon REAL, lat REAL);"
	"SELECT AddGeometryColumn('sites','geom',4326,'POINT','XY');"
	"SELECT CreateSpatialIndex('sites','geom');"
	"CREATE INDEX sites_desa ON sites(kode_desa);"
	/* covering indexes: the coverage step reads these columns only */
	"CREATE INDEX sites_cov ON sites(precision, kode_desa, status,"
	" kapasitas, anak_ok, lon, lat);"
	"CREATE TABLE clients("
	" client_id TEXT PRIMARY KEY, row_hash TEXT NOT NULL,"
	" src_file TEXT NOT NULL, src_row INTEGER NOT NULL, alamat TEXT,"
	" desa_col TEXT, kec_col TEXT, kab_col TEXT, koordinat TEXT,"
	" jenis_pidana TEXT, anak INTEGER NOT NULL CHECK(anak IN (0,1)),"
	" jam INTEGER, tanggal_mulai TEXT,"
	" status TEXT NOT NULL CHECK(status IN ('active','finished')),"
	" kode_desa TEXT REFERENCES villages(kode) ON DELETE SET NULL,"
	" precision TEXT CHECK(precision IN ('coordinate','village','district',"
	"  'regency','ambiguous','none')),"
	" score REAL, geo_note TEXT, candidates TEXT, coord_kode TEXT,"
	" lon REAL, lat REAL);"
	"SELECT AddGeometryColumn('clients','geom',4326,'POINT','XY');"
	"SELECT CreateSpatialIndex('clients','geom');"
	"CREATE INDEX clients_desa ON clients(kode_desa);"
	"CREATE INDEX clients_cov ON clients(status, precision, kode_desa,"
	" anak, lon, lat, client_id);"
	/* Derived results, rebuilt wholesale by every coverage run (and
	 * cleared by every import and geocode): keyed by code without a rowid
	 * and without foreign keys, which would cost a lookup per row on the
	 * national scale for no protection the writer does not give. */
	"CREATE TABLE coverage("
	" kode TEXT PRIMARY KEY,"
	" status TEXT NOT NULL CHECK(status IN"
	"  ('covered','reachable','pending','gap')),"
	" n_ready INTEGER NOT NULL, n_pending INTEGER NOT NULL,"
	" cap_ready INTEGER NOT NULL, demand INTEGER NOT NULL,"
	" near_site INTEGER, near_km REAL,"
	" status_ak TEXT NOT NULL CHECK(status_ak IN"
	"  ('covered','reachable','pending','gap')),"
	" n_ready_ak INTEGER NOT NULL, near_ak INTEGER, near_ak_km REAL)"
	" WITHOUT ROWID;"
	"CREATE TABLE client_links("
	" client_id TEXT PRIMARY KEY, site_id INTEGER, dist_km REAL,"
	" in_reach INTEGER, note TEXT) WITHOUT ROWID;"
	"CREATE TABLE runs(run_id INTEGER PRIMARY KEY, step TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	" params TEXT);";

/* Version 1 -> 2: the road network and the road travel results. */
static const char *const migrate_2_sql =
	"CREATE TABLE road_nodes(node_id INTEGER PRIMARY KEY,"
	" lon REAL NOT NULL, lat REAL NOT NULL);"
	"SELECT AddGeometryColumn('road_nodes','geom',4326,'POINT','XY');"
	"CREATE TABLE road_edges(edge_id INTEGER PRIMARY KEY,"
	" source INTEGER NOT NULL, target INTEGER NOT NULL, class TEXT NOT NULL,"
	" oneway INTEGER NOT NULL CHECK(oneway IN (-1,0,1)), maxspeed REAL,"
	" ferry INTEGER NOT NULL CHECK(ferry IN (0,1)), duration_s REAL,"
	" length_m REAL NOT NULL);"
	"SELECT AddGeometryColumn('road_edges','geom',4326,'LINESTRING','XY');"
	"SELECT CreateSpatialIndex('road_edges','geom');"
	"ALTER TABLE coverage ADD COLUMN road_km REAL;"
	"ALTER TABLE coverage ADD COLUMN road_min REAL;"
	"ALTER TABLE coverage ADD COLUMN reach TEXT;"
	"ALTER TABLE client_links ADD COLUMN road_km REAL;"
	"ALTER TABLE client_links ADD COLUMN road_min REAL;"
	"ALTER TABLE client_links ADD COLUMN reach TEXT;";

/* Version 2 -> 3: what the road layers draw (see road_layers.h). */
static const char *const migrate_3_sql =
	"CREATE TABLE road_node_min(node_id INTEGER PRIMARY KEY,"
	" min_site REAL NOT NULL);"
	"CREATE TABLE road_routes(client_id TEXT NOT NULL,"
	" origin TEXT NOT NULL CHECK(origin IN ('home','village')),"
	" site_id INTEGER NOT NULL, road_km REAL NOT NULL, road_min REAL NOT NULL,"
	" PRIMARY KEY(client_id, origin));"
	"SELECT AddGeometryColumn('road_routes','geom',4326,'LINESTRING','XY');"
	"CREATE TABLE road_isochrones(minutes INTEGER PRIMARY KEY);"
	"SELECT AddGeometryColumn('road_isochrones','geom',4326,'MULTIPOLYGON','XY');";

/* Version 3 -> 4: the sheet of a workbook row. */
static const char *const migrate_4_sql =
	"ALTER TABLE sites ADD COLUMN src_sheet TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE clients ADD COLUMN src_sheet TEXT NOT NULL DEFAULT '';";

/* Version 4 -> 5: the office's decisions on rows the geocoder could not
 * settle (src/import/decisions.c writes them, src/geocode/decided.c
 * applies them). Keyed by the source row, not by the site or client, so
 * that a decision outlives a re-import; no foreign key to villages, whose
 * re-import must not fail or silently drop a decision (the geocoder checks
 * the village when it applies one). */
static const char *const migrate_5_sql =
	"CREATE TABLE decisions("
	" kind TEXT NOT NULL CHECK(kind IN ('site','client')),"
	" src_file TEXT NOT NULL, src_sheet TEXT NOT NULL DEFAULT '',"
	" src_row INTEGER NOT NULL, row_hash TEXT NOT NULL,"
	" kode_desa TEXT NOT NULL, note TEXT,"
	" decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	" source TEXT,"
	" PRIMARY KEY(kind, src_file, src_sheet, src_row)) WITHOUT ROWID;"
	/* the geocoder finds the row now at each decision's key */
	"CREATE INDEX sites_src ON sites(src_row, src_sheet);"
	"CREATE INDEX clients_src ON clients(src_row, src_sheet);";

/* The steps from version N-1 to N, for N = 2.. JK_SCHEMA_VERSION. */
static const char *const migrations[] = {migrate_2_sql, migrate_3_sql,
					 migrate_4_sql, migrate_5_sql};
_Static_assert(sizeof migrations / sizeof migrations[0] == JK_SCHEMA_VERSION - 1,
	       "one migration per schema version");

/* "database is locked" says nothing a person can act on: who holds the
 * store, and what to do. */
static int busy_error(jk_store *st, const char *what)
{
	return jk_error(st->ctx, JK_ERR_DB,
			"%s: %s%sthe store is in use by another program: another jangkau run, or"
			" QGIS with the store open (editing, or holding a layer of it), may hold"
			" it; close that or let it finish, then try again (waited %.0f s;"
			" --wait SECONDS waits longer)",
			st->path, what ? what : "", what ? ": " : "", st->busy_waited);
}

static int is_busy(jk_store *st)
{
	return (sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_BUSY;
}

int jk_store_dberr(jk_store *st, const char *what)
{
	if (is_busy(st))
		return busy_error(st, what);
	return jk_error(st->ctx, JK_ERR_DB, "%s: %s: %s", st->path, what,
			sqlite3_errmsg(st->db));
}

int jk_store_exec(jk_store *st, const char *sql)
{
	char *err = NULL;
	int rc;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) == SQLITE_OK)
		return JK_OK;
	if (is_busy(st))
		rc = busy_error(st, NULL);
	else
		rc = jk_error(st->ctx, JK_ERR_DB, "%s: %s", st->path,
			      err ? err : sqlite3_errmsg(st->db));
	sqlite3_free(err);
	return rc;
}

/* SQLite's busy handler: another connection (another process) holds a
 * lock the statement needs. Waits up to the context's lock wait, telling
 * the user once which store it waits for, then gives up (SQLITE_BUSY,
 * which jk_store_dberr() turns into busy_error()). */
static int store_busy(void *user, int count)
{
	jk_store *st = user;
	double wait = jk_ctx_lock_wait(st->ctx), t = jk_clock_s();

	if (count == 0)
		st->busy_start = t;
	st->busy_waited = t - st->busy_start;
	if (st->busy_waited >= wait)
		return 0;
	if (!st->busy_told) {
		st->busy_told = 1;
		jk_msg(st->ctx, JK_LOG_WARN,
		       "%s: the store is in use by another program (another jangkau run, or"
		       " QGIS); waiting up to %g s for it",
		       st->path, wait);
	}
	jk_progress(st->ctx, "waiting for the store", (long)st->busy_waited, (long)wait);
	sqlite3_sleep(count < 20 ? 10 : 100);
	return 1;
}

int jk_store_log_run(jk_store *st, const char *step, const char *params)
{
	sqlite3_stmt *s = NULL;
	int rc = jk_store_prepare(st,
		"INSERT INTO runs(step, params) VALUES(?, ?)", &s);

	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, step, -1, SQLITE_STATIC);
	if (params)
		sqlite3_bind_text(s, 2, params, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot record the run");
	sqlite3_finalize(s);
	return rc;
}

int jk_store_prepare(jk_store *st, const char *sql, sqlite3_stmt **out)
{
	*out = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return jk_store_dberr(st, "cannot prepare statement");
	return JK_OK;
}

int jk_store_begin(jk_store *st)
{
	return jk_store_exec(st, "BEGIN IMMEDIATE");
}

int jk_store_commit(jk_store *st)
{
	return jk_store_exec(st, "COMMIT");
}

void jk_store_rollback(jk_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

jk_status jk_store_end(jk_store *st, int *in_tx, jk_status rc, const char *step,
			 const char *params)
{
	if (!*in_tx)
		return rc;
	if (!rc && step)
		rc = jk_store_log_run(st, step, params);
	if (!rc)
		rc = jk_store_commit(st);
	if (rc)
		jk_store_rollback(st);
	*in_tx = 0;
	return rc;
}

jk_status jk_store_results_clear(jk_store *st)
{
	return jk_store_exec(st, "DELETE FROM coverage; DELETE FROM client_links;"
			     " DELETE FROM road_node_min; DELETE FROM road_routes;"
			     " DELETE FROM road_isochrones;");
}

int jk_store_meta_set(jk_store *st, const char *key, const char *value)
{
	sqlite3_stmt *s;
	int rc = jk_store_prepare(st,
		"INSERT INTO meta(key,value) VALUES(?,?) "
		"ON CONFLICT(key) DO UPDATE SET value=excluded.value", &s);

	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = jk_store_dberr(st, "cannot write meta");
	sqlite3_finalize(s);
	return rc;
}

char *jk_store_meta_get(jk_store *st, const char *key)
{
	sqlite3_stmt *s;
	char *v = NULL;

	if (jk_store_prepare(st, "SELECT value FROM meta WHERE key=?", &s))
		return NULL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = jk_strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

long jk_store_count(jk_store *st, const char *table)
{
	char sql[128];
	sqlite3_stmt *s;
	long n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", table);
	if (jk_store_prepare(st, sql, &s))
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* An existing store that others may read (made by an older jangkau, a
 * copy, an unzip) is made owner-only, with a warning: it holds client
 * data. A store of another user is left as it is (only its owner may
 * change its mode), also with a warning. */
static int tighten_existing(jk_ctx *ctx, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(sb.st_mode & 077))
		return JK_OK;
	if (sb.st_uid == geteuid() && chmod(path, 0600) == 0)
		jk_msg(ctx, JK_LOG_WARN,
		       "%s: the store holds personal data about clients and was readable by"
		       " others (mode %03o); it is now readable by its owner only (0600)",
		       path, (unsigned)(sb.st_mode & 0777));
	else
		jk_msg(ctx, JK_LOG_WARN,
		       "%s: the store holds personal data about clients and is readable by"
		       " others (mode %03o); its owner should run 'chmod 600 %s'",
		       path, (unsigned)(sb.st_mode & 0777), path);
	return JK_OK;
}

/* Creates the file with owner-only permissions before SQLite opens it, so
 * that there is no moment at which client data is readable by others. */
static int create_private_file(jk_ctx *ctx, const char *path, int *created)
{
	int fd;

	*created = 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		/* 0600 whatever the umask: not less (SQLite must write it),
		 * not more */
		if (fchmod(fd, 0600) != 0) {
			int e = errno;

			close(fd);
			unlink(path);
			return jk_error(ctx, JK_ERR_IO, "%s: cannot restrict access: %s",
					path, strerror(e));
		}
		close(fd);
		*created = 1;
		return JK_OK;
	}
	if (errno == EEXIST)
		return tighten_existing(ctx, path);
	return jk_error(ctx, JK_ERR_IO, "%s: cannot create: %s", path,
			strerror(errno));
}

/* Runs the migrations from @p version to JK_SCHEMA_VERSION (inside the
 * caller's transaction). */
static int store_migrate(jk_store *st, int version)
{
	int v, rc = JK_OK;

	for (v = version + 1; !rc && v <= JK_SCHEMA_VERSION; v++)
		rc = jk_store_exec(st, migrations[v - 2]);
	return rc;
}

static int store_init_schema(jk_store *st)
{
	int rc;

	rc = jk_store_exec(st, "BEGIN");
	if (rc)
		return rc;
	rc = jk_store_exec(st, "SELECT InitSpatialMetadata(0, 'WGS84')");
	if (!rc)
		rc = jk_store_exec(st, schema_sql);
	if (!rc)
		rc = store_migrate(st, 1);
	if (!rc) {
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA user_version=%d",
			 JK_SCHEMA_VERSION);
		rc = jk_store_exec(st, sql);
	}
	if (!rc)
		rc = jk_store_meta_set(st, "created_by", "jangkau " JK_VERSION_STRING);
	if (!rc)
		rc = jk_store_exec(st, "COMMIT");
	if (rc)
		jk_store_rollback(st);
	return rc;
}

jk_status jk_store_enter(jk_ctx *ctx, jk_store *st)
{
	if (!ctx)
		return JK_ERR_ARG;
	jk_ctx_clear(ctx);
	if (!st)
		return jk_error(ctx, JK_ERR_ARG, "no store given");
	if (st->ctx != ctx)
		return jk_error(ctx, JK_ERR_ARG,
				"the store '%s' was opened on another context", st->path);
	return JK_OK;
}

jk_status jk_store_open(jk_ctx *ctx, const char *path, jk_store **out)
{
	jk_store *st = NULL;
	sqlite3_stmt *s = NULL;
	int created = 0, version = 0, rc;

	*out = NULL;
	if (!ctx)
		return JK_ERR_ARG;
	jk_ctx_clear(ctx);
	if (!path || !*path)
		return jk_error(ctx, JK_ERR_ARG, "no store path given");
	rc = create_private_file(ctx, path, &created);
	if (rc)
		return rc;
	st = calloc(1, sizeof *st);
	if (!st)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	st->ctx = ctx;
	st->path = jk_strdup(path);
	if (!st->path) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		rc = jk_error(ctx, JK_ERR_DB, "%s: cannot open: %s", path,
			      st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	st->splite_cache = spatialite_alloc_connection();
	spatialite_init_ex(st->db, st->splite_cache, 0);
	/* after SpatiaLite, which may set a busy timeout of its own */
	sqlite3_busy_handler(st->db, store_busy, st);
	/* mmap: the analysis reads large tables once; mapping them avoids a
	 * copy of every page into the page cache */
	rc = jk_store_exec(st, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=DELETE;"
			       "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-1048576;"
			       "PRAGMA mmap_size=4294967296");
	if (rc)
		goto fail;
	rc = jk_store_prepare(st, "PRAGMA user_version", &s);
	if (rc)
		goto fail;
	/* a store in use elsewhere must not look like a new one */
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = jk_store_dberr(st, "cannot read the schema version");
		sqlite3_finalize(s);
		goto fail;
	}
	version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	if (version == 0) {
		if (jk_store_count(st, "sqlite_master") > 0 && !created) {
			rc = jk_error(ctx, JK_ERR_DB,
				      "%s: not a jangkau store (an SQLite file without a jangkau schema)",
				      path);
			goto fail;
		}
		rc = store_init_schema(st);
		if (rc)
			goto fail;
	} else if (version < JK_SCHEMA_VERSION) {
		/* one transaction: the file keeps its version on failure */
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA user_version=%d; COMMIT",
			 JK_SCHEMA_VERSION);
		rc = jk_store_exec(st, "BEGIN");
		if (!rc)
			rc = store_migrate(st, version);
		if (!rc)
			rc = jk_store_exec(st, sql);
		if (rc) {
			jk_store_rollback(st);
			goto fail;
		}
	} else if (version > JK_SCHEMA_VERSION) {
		rc = jk_error(ctx, JK_ERR_DB,
			      "%s: store schema version %d is newer than this jangkau (%d)",
			      path, version, JK_SCHEMA_VERSION);
		goto fail;
	}
	*out = st;
	return JK_OK;
fail:
	jk_store_close(st);
	return rc;
}

void jk_store_close(jk_store *st)
{
	if (!st)
		return;
	if (st->db && sqlite3_close(st->db) == SQLITE_BUSY) {
		sqlite3_stmt *s;

		/* a statement left open (SpatiaLite's updateTableTriggers
		 * leaves one when the disk fills) makes the close fail, and
		 * the whole connection would leak. Finalized only now, after
		 * the close has disconnected the virtual tables: a virtual
		 * table's statement finalized before would deadlock on the
		 * connection's mutex. */
		while ((s = sqlite3_next_stmt(st->db, NULL)) != NULL)
			sqlite3_finalize(s);
		sqlite3_close(st->db);
	}
	if (st->splite_cache)
		spatialite_cleanup_ex(st->splite_cache);
	free(st->path);
	free(st);
}
