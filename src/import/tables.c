/*
 * Import of the tables an office keeps: the address book of work sites and
 * the client register, from any OGR table (CSV, XLSX, ODS, GeoPackage,
 * Shapefile, GeoJSON). Column headers are matched to fields in Indonesian
 * or English (parse.h). Each row is checked; a row that cannot be used is
 * rejected with "FILE:ROW: field: reason" and the good rows are imported.
 * A value that is wrong but not needed to place the row (a capacity of
 * "banyak", an impossible date) is dropped with a warning and the row kept.
 *
 * Identity: a site is its row content (exact duplicate rows are one site,
 * so re-importing a file adds nothing); a client is its id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cpl_conv.h>
#include <ogr_api.h>

#include "../core/gdal_util.h"
#include "../core/util.h"
#include "../store/store_int.h"
#include "parse.h"

#define MAX_COLS 256

/* One open table and the mapping of its columns to fields. */
struct table {
	jk_ctx *ctx;
	const char *path;
	GDALDatasetH ds;
	OGRLayerH lyr;
	OGRCoordinateTransformationH ct;
	int ncols;
	int col_field[MAX_COLS];       /* column -> jk_field */
	int field_col[JK_F__COUNT];    /* jk_field -> column, -1 */
};

/* The cells of one row, by field; "" for empty or missing. */
struct row {
	const char *v[JK_F__COUNT];
	jk_buf cells;     /* copies of the mapped cells: OGR's text of a
			     non-text field lives only until the next call */
	char koord[96];   /* coordinate text built from lat/lon or geometry */
	char hash[17];
};

/* Seen row hashes of this file, for exact duplicates and repeated ids. */
struct seen {
	uint64_t *h;
	long *row;
	char **key;
	size_t cap, n;
};

static void seen_release(struct seen *s)
{
	size_t i;

	if (s->key)
		for (i = 0; i < s->cap; i++)
			free(s->key[i]);
	free(s->h);
	free(s->row);
	free(s->key);
	memset(s, 0, sizeof *s);
}

/* Looks up @p key (hash @p h); when absent inserts it with @p row and
 * returns 0, else returns the earlier row. -1 on OOM. */
static long seen_check(struct seen *s, uint64_t h, const char *key, long row)
{
	size_t i;

	if ((s->n + 1) * 2 > s->cap) {
		struct seen ns = {0};
		size_t j;

		ns.cap = s->cap ? s->cap * 2 : 1024;
		ns.h = calloc(ns.cap, sizeof *ns.h);
		ns.row = calloc(ns.cap, sizeof *ns.row);
		ns.key = calloc(ns.cap, sizeof *ns.key);
		if (!ns.h || !ns.row || !ns.key) {
			seen_release(&ns);
			return -1;
		}
		for (j = 0; j < s->cap; j++) {
			if (!s->key || !s->key[j])
				continue;
			for (i = s->h[j] & (ns.cap - 1); ns.key[i]; i = (i + 1) & (ns.cap - 1))
				;
			ns.h[i] = s->h[j];
			ns.row[i] = s->row[j];
			ns.key[i] = s->key[j];
			s->key[j] = NULL;
		}
		ns.n = s->n;
		seen_release(s);
		*s = ns;
	}
	for (i = h & (s->cap - 1); s->key[i]; i = (i + 1) & (s->cap - 1))
		if (s->h[i] == h && strcmp(s->key[i], key) == 0)
			return s->row[i];
	s->key[i] = jk_strdup(key);
	if (!s->key[i])
		return -1;
	s->h[i] = h;
	s->row[i] = row;
	s->n++;
	return 0;
}

static void table_close(struct table *t)
{
	if (t->ct)
		OCTDestroyCoordinateTransformation(t->ct);
	if (t->ds)
		GDALClose(t->ds);
	t->ct = NULL;
	t->ds = NULL;
}

static int table_open(jk_ctx *ctx, struct table *t, const char *path,
		      const char *layer, int kind)
{
	OGRFeatureDefnH d;
	OGRSpatialReferenceH src;
	int i, rc;

	memset(t, 0, sizeof *t);
	t->ctx = ctx;
	t->path = path;
	for (i = 0; i < JK_F__COUNT; i++)
		t->field_col[i] = -1;
	rc = jk_gdal_open_vector(ctx, path, &t->ds);
	if (rc)
		return rc;
	rc = jk_gdal_layer(ctx, t->ds, path, layer, &t->lyr);
	if (rc)
		return rc;
	d = OGR_L_GetLayerDefn(t->lyr);
	t->ncols = OGR_FD_GetFieldCount(d);
	if (t->ncols > MAX_COLS)
		return jk_error(ctx, JK_ERR_FORMAT, "%s: more than %d columns",
				path, MAX_COLS);
	for (i = 0; i < t->ncols; i++) {
		const char *name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, i));
		jk_field f = jk_field_from_header(kind, name);

		t->col_field[i] = f;
		if (f != JK_F_NONE && t->field_col[f] < 0)
			t->field_col[f] = i;
		else if (f != JK_F_NONE)
			jk_msg(ctx, JK_LOG_WARN,
			       "%s: column '%s' repeats field '%s'; the first is used",
			       path, name, jk_field_name(f));
	}
	src = OGR_L_GetSpatialRef(t->lyr);
	if (src && OGR_L_GetGeomType(t->lyr) != wkbNone) {
		OGRSpatialReferenceH dst = jk_srs_wgs84();
		OGRSpatialReferenceH s2 = OSRClone(src);

		OSRSetAxisMappingStrategy(s2, OAMS_TRADITIONAL_GIS_ORDER);
		if (dst && !OSRIsSame(s2, dst))
			t->ct = OCTNewCoordinateTransformation(s2, dst);
		OSRDestroySpatialReference(s2);
		OSRDestroySpatialReference(dst);
	}
	return JK_OK;
}

/* Fills @p r from feature @p f; returns 1 when the row is entirely empty. */
static int row_read(struct table *t, OGRFeatureH f, struct row *r)
{
	OGRGeometryH g = OGR_F_GetGeometryRef(f);
	uint64_t h = JK_FNV_INIT;
	int i, empty = 1;

	size_t off[JK_F__COUNT];

	for (i = 0; i < JK_F__COUNT; i++) {
		r->v[i] = "";
		off[i] = (size_t)-1;
	}
	r->koord[0] = '\0';
	jk_buf_reset(&r->cells);
	for (i = 0; i < t->ncols; i++) {
		const char *s = OGR_F_IsFieldSetAndNotNull(f, i)
					? OGR_F_GetFieldAsString(f, i) : "";
		size_t n = strlen(s);

		h = jk_fnv1a(h, s, n + 1);
		if (*s)
			empty = 0;
		if (*s && t->col_field[i] != JK_F_NONE &&
		    t->field_col[t->col_field[i]] == i) {
			off[t->col_field[i]] = r->cells.len;
			jk_buf_add(&r->cells, s, n + 1);
		}
	}
	for (i = 0; i < JK_F__COUNT; i++)
		if (off[i] != (size_t)-1 && !r->cells.oom)
			r->v[i] = r->cells.s + off[i];
	/* Separate latitude/longitude columns, or a point geometry, stand in
	 * for an empty coordinate cell. */
	if (*r->v[JK_F_LAT] && *r->v[JK_F_LON]) {
		snprintf(r->koord, sizeof r->koord, "%s, %s", r->v[JK_F_LAT],
			 r->v[JK_F_LON]);
	} else if (g && !OGR_G_IsEmpty(g) &&
		   OGR_GT_Flatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
		double x = OGR_G_GetX(g, 0), y = OGR_G_GetY(g, 0), z = 0;

		if (!t->ct || OCTTransform(t->ct, 1, &x, &y, &z))
			snprintf(r->koord, sizeof r->koord, "%.7f, %.7f", y, x);
		empty = 0;
		h = jk_fnv1a(h, r->koord, strlen(r->koord));
	}
	snprintf(r->hash, sizeof r->hash, "%016llx", (unsigned long long)h);
	return empty;
}

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static const char *row_koord(const struct row *r, jk_field f)
{
	return *r->v[f] ? r->v[f] : r->koord;
}

/* Checks the coordinate cell; warns when unreadable (the address is used). */
static void check_coord(jk_ctx *ctx, const char *path, long row,
			const char *field, const char *text)
{
	double lat, lon;
	int flags;
	char why[160];

	if (!*text)
		return;
	if (jk_coord_parse(text, &lat, &lon, &flags, why, sizeof why) < 0)
		jk_msg(ctx, JK_LOG_WARN, "%s:%ld: %s: %s; the address is used instead",
		       path, row, field, why);
}

static int has_location(const struct row *r, jk_field alamat, jk_field koord)
{
	return *r->v[alamat] || *r->v[JK_F_DESA] || *r->v[JK_F_KEC] ||
	       *r->v[JK_F_KAB] || *row_koord(r, koord);
}

/* Spreadsheet drivers of GDAL 3.6 take header detection and field typing
 * only as configuration options. They are set for this thread while a
 * table is read (the first row holds the headers, every cell is text) and
 * restored afterwards, so an embedding program's settings are untouched. */
static const char *const sheet_opts[][2] = {
	{"OGR_XLSX_HEADERS", "FORCE"}, {"OGR_XLSX_FIELD_TYPES", "STRING"},
	{"OGR_ODS_HEADERS", "FORCE"}, {"OGR_ODS_FIELD_TYPES", "STRING"}};
#define N_SHEET_OPTS (sizeof sheet_opts / sizeof sheet_opts[0])

static void sheet_opts_set(char **saved)
{
	size_t i;

	for (i = 0; i < N_SHEET_OPTS; i++) {
		const char *old = CPLGetThreadLocalConfigOption(sheet_opts[i][0], NULL);

		saved[i] = old ? jk_strdup(old) : NULL;
		CPLSetThreadLocalConfigOption(sheet_opts[i][0], sheet_opts[i][1]);
	}
}

static void sheet_opts_restore(char **saved)
{
	size_t i;

	for (i = 0; i < N_SHEET_OPTS; i++) {
		CPLSetThreadLocalConfigOption(sheet_opts[i][0], saved[i]);
		free(saved[i]);
		saved[i] = NULL;
	}
}

/* Shared driver: opens, checks headers, loops rows in one transaction. */
typedef int (*row_fn)(void *state, struct table *t, long rownum,
		      struct row *r, jk_import_stats *stats);

static int import_table(jk_ctx *ctx, jk_store *st, const char *path,
			const jk_table_opts *opts, int kind, row_fn fn,
			void *state, jk_import_stats *stats)
{
	struct table t;
	struct seen dup = {0};
	struct row r;
	char *saved[N_SHEET_OPTS];
	int rc, in_tx = 0;
	long row = 0, total;

	jk_buf_init(&r.cells);
	jk_gdal_push(ctx);
	sheet_opts_set(saved);
	rc = table_open(ctx, &t, path, opts ? opts->layer : NULL, kind);
	if (rc)
		goto done;
	if (kind == JK_TABLE_CLIENTS && t.field_col[JK_F_ID_KLIEN] < 0) {
		rc = jk_error(ctx, JK_ERR_FORMAT,
			      "%s: no client id column (expected 'id_klien' or 'client_id')",
			      path);
		goto done;
	}
	if (t.field_col[kind == JK_TABLE_SITES ? JK_F_ALAMAT : JK_F_ALAMAT_RUMAH] < 0 &&
	    t.field_col[JK_F_ALAMAT] < 0 && t.field_col[JK_F_DESA] < 0 &&
	    t.field_col[kind == JK_TABLE_SITES ? JK_F_KOORDINAT : JK_F_KOORDINAT_RUMAH] < 0 &&
	    t.field_col[JK_F_KOORDINAT] < 0 &&
	    t.field_col[JK_F_LAT] < 0 && OGR_L_GetGeomType(t.lyr) == wkbNone) {
		rc = jk_error(ctx, JK_ERR_FORMAT,
			      "%s: no address or coordinate column (expected '%s', "
			      "'desa_kelurahan' or '%s')", path,
			      kind == JK_TABLE_SITES ? "alamat" : "alamat_rumah",
			      kind == JK_TABLE_SITES ? "koordinat" : "koordinat_rumah");
		goto done;
	}
	rc = jk_store_begin(st);
	if (rc)
		goto done;
	in_tx = 1;
	total = (long)OGR_L_GetFeatureCount(t.lyr, 0);
	OGR_L_ResetReading(t.lyr);
	for (;;) {
		OGRFeatureH f = OGR_L_GetNextFeature(t.lyr);
		long first;

		if (!f)
			break;
		row++;
		if (row % 5000 == 0)
			jk_progress(ctx, kind == JK_TABLE_SITES ? "import sites" : "import clients",
				    row, total);
		if (row_read(&t, f, &r)) {
			OGR_F_Destroy(f);
			continue; /* a blank line of a spreadsheet */
		}
		stats->read++;
		first = seen_check(&dup, strtoull(r.hash, NULL, 16), r.hash, row);
		if (first < 0) {
			OGR_F_Destroy(f);
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			goto done;
		}
		if (first > 0) {
			stats->duplicates++;
			jk_msg(ctx, JK_LOG_WARN,
			       "%s:%ld: row: exact duplicate of row %ld; imported once",
			       path, row, first);
			OGR_F_Destroy(f);
			continue;
		}
		rc = fn(state, &t, row, &r, stats);
		OGR_F_Destroy(f);
		if (rc)
			goto done;
	}
	if (opts && opts->strict && stats->rejected) {
		rc = jk_error(ctx, JK_ERR_REJECTED,
			      "%s: %ld rows rejected; nothing imported (--strict)",
			      path, stats->rejected);
		goto done;
	}
	rc = jk_store_log_run(st, kind == JK_TABLE_SITES ? "import sites"
							 : "import clients", NULL);
	if (!rc)
		rc = jk_store_commit(st);
	if (!rc)
		in_tx = 0;
done:
	if (in_tx)
		jk_store_rollback(st);
	jk_buf_release(&r.cells);
	seen_release(&dup);
	table_close(&t);
	sheet_opts_restore(saved);
	jk_gdal_pop();
	return rc;
}

/* ---- sites ---- */

struct site_state {
	jk_ctx *ctx;
	jk_store *st;
	sqlite3_stmt *find, *ins, *touch;
};

static int site_row(void *state, struct table *t, long row, struct row *r,
		    jk_import_stats *stats)
{
	struct site_state *ss = state;
	jk_ctx *ctx = ss->ctx;
	const char *path = t->path;
	const char *koord = row_koord(r, JK_F_KOORDINAT);
	long kap = 0;
	int status, anak, kap_rc = 1;

	if (!has_location(r, JK_F_ALAMAT, JK_F_KOORDINAT)) {
		jk_msg(ctx, JK_LOG_ERROR,
		       "%s:%ld: alamat: empty, and no village or coordinate: the site cannot be placed",
		       path, row);
		stats->rejected++;
		return JK_OK;
	}
	if (!*r->v[JK_F_NAMA])
		jk_msg(ctx, JK_LOG_WARN, "%s:%ld: nama_lokasi: empty; imported without a name",
		       path, row);
	status = jk_site_status_parse(r->v[JK_F_STATUS]);
	if (status < 0) {
		jk_msg(ctx, JK_LOG_WARN,
		       "%s:%ld: status: '%s' is not Siap, Belum Siap or Nonaktif; treated as unknown (not ready)",
		       path, row, r->v[JK_F_STATUS]);
		status = JK_SITE_UNKNOWN;
	}
	if (*r->v[JK_F_KAPASITAS]) {
		kap_rc = jk_int_parse(r->v[JK_F_KAPASITAS], &kap);
		if (kap_rc < 0 || kap <= 0) {
			jk_msg(ctx, JK_LOG_WARN,
			       "%s:%ld: kapasitas: '%s' is not a number of clients; left blank",
			       path, row, r->v[JK_F_KAPASITAS]);
			kap_rc = 1;
		}
	}
	anak = jk_yesno_parse(r->v[JK_F_ANAK_OK]);
	if (anak == -1)
		jk_msg(ctx, JK_LOG_WARN,
		       "%s:%ld: ramah_anak: '%s' is not ya or tidak; left blank",
		       path, row, r->v[JK_F_ANAK_OK]);
	check_coord(ctx, path, row, "koordinat", koord);

	sqlite3_bind_text(ss->find, 1, r->hash, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(ss->find) == SQLITE_ROW) {
		sqlite3_reset(ss->find);
		stats->unchanged++;
		sqlite3_bind_text(ss->touch, 1, path, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ss->touch, 2, row);
		sqlite3_bind_text(ss->touch, 3, r->hash, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ss->touch) != SQLITE_DONE)
			return jk_store_dberr(ss->st, "cannot update site");
		sqlite3_reset(ss->touch);
		return JK_OK;
	}
	sqlite3_reset(ss->find);
	sqlite3_bind_text(ss->ins, 1, r->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ss->ins, 2, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(ss->ins, 3, row);
	bind_opt(ss->ins, 4, r->v[JK_F_NO]);
	bind_opt(ss->ins, 5, r->v[JK_F_NAMA]);
	bind_opt(ss->ins, 6, nz(jk_jenis_canonical(r->v[JK_F_JENIS], r->v[JK_F_NAMA])));
	bind_opt(ss->ins, 7, r->v[JK_F_JENIS]);
	bind_opt(ss->ins, 8, r->v[JK_F_ALAMAT]);
	bind_opt(ss->ins, 9, r->v[JK_F_DESA]);
	bind_opt(ss->ins, 10, r->v[JK_F_KEC]);
	bind_opt(ss->ins, 11, r->v[JK_F_KAB]);
	bind_opt(ss->ins, 12, koord);
	sqlite3_bind_text(ss->ins, 13, jk_site_status_name(status), -1, SQLITE_STATIC);
	bind_opt(ss->ins, 14, r->v[JK_F_STATUS]);
	if (kap_rc == 0)
		sqlite3_bind_int64(ss->ins, 15, kap);
	else
		sqlite3_bind_null(ss->ins, 15);
	bind_opt(ss->ins, 16, r->v[JK_F_KEGIATAN]);
	if (anak == 0 || anak == 1)
		sqlite3_bind_int(ss->ins, 17, anak);
	else
		sqlite3_bind_null(ss->ins, 17);
	bind_opt(ss->ins, 18, r->v[JK_F_PJ]);
	bind_opt(ss->ins, 19, r->v[JK_F_TELEPON]);
	bind_opt(ss->ins, 20, r->v[JK_F_KETERANGAN]);
	if (sqlite3_step(ss->ins) != SQLITE_DONE)
		return jk_store_dberr(ss->st, "cannot store site");
	sqlite3_reset(ss->ins);
	stats->imported++;
	return JK_OK;
}

int jk_import_sites(jk_ctx *ctx, jk_store *st, const char *path,
		    const jk_table_opts *opts, jk_import_stats *stats)
{
	struct site_state ss = {ctx, st, NULL, NULL, NULL};
	jk_import_stats local;
	int rc;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	rc = jk_store_prepare(st, "SELECT site_id FROM sites WHERE row_hash=?", &ss.find);
	if (!rc)
		rc = jk_store_prepare(st,
			"UPDATE sites SET src_file=?1, src_row=?2 WHERE row_hash=?3", &ss.touch);
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO sites(row_hash,src_file,src_row,no,nama,jenis,"
			"jenis_raw,alamat,desa_col,kec_col,kab_col,koordinat,status,"
			"status_raw,kapasitas,kegiatan,anak_ok,pj,telepon,keterangan) "
			"VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,"
			"?16,?17,?18,?19,?20)", &ss.ins);
	if (!rc)
		rc = import_table(ctx, st, path, opts, JK_TABLE_SITES, site_row,
				  &ss, stats);
	sqlite3_finalize(ss.find);
	sqlite3_finalize(ss.touch);
	sqlite3_finalize(ss.ins);
	return rc;
}

/* ---- clients ---- */

struct client_state {
	jk_ctx *ctx;
	jk_store *st;
	sqlite3_stmt *find, *ins;
	struct seen ids;
};

static int client_row(void *state, struct table *t, long row, struct row *r,
		      jk_import_stats *stats)
{
	struct client_state *cs = state;
	jk_ctx *ctx = cs->ctx;
	const char *path = t->path;
	const char *id = r->v[JK_F_ID_KLIEN];
	const char *alamat = *r->v[JK_F_ALAMAT_RUMAH] ? r->v[JK_F_ALAMAT_RUMAH]
						      : r->v[JK_F_ALAMAT];
	const char *koord = *r->v[JK_F_KOORDINAT_RUMAH]
				    ? r->v[JK_F_KOORDINAT_RUMAH]
				    : row_koord(r, JK_F_KOORDINAT);
	char iso[16];
	long jam = 0, first;
	int status, anak, pidana, jam_ok = 0, date_ok;

	if (!*id) {
		jk_msg(ctx, JK_LOG_ERROR, "%s:%ld: id_klien: empty", path, row);
		stats->rejected++;
		return JK_OK;
	}
	first = seen_check(&cs->ids, jk_fnv1a(JK_FNV_INIT, id, strlen(id)), id, row);
	if (first < 0)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	if (first > 0) {
		jk_msg(ctx, JK_LOG_ERROR,
		       "%s:%ld: id_klien: '%s' already used at row %ld", path, row,
		       id, first);
		stats->rejected++;
		return JK_OK;
	}
	if (!*alamat && !*r->v[JK_F_DESA] && !*r->v[JK_F_KEC] &&
	    !*r->v[JK_F_KAB] && !*koord) {
		jk_msg(ctx, JK_LOG_ERROR,
		       "%s:%ld: alamat_rumah: empty, and no village or coordinate: the client cannot be placed",
		       path, row);
		stats->rejected++;
		return JK_OK;
	}
	status = jk_client_status_parse(r->v[JK_F_STATUS]);
	if (status < 0) {
		jk_msg(ctx, JK_LOG_ERROR, "%s:%ld: status: '%s' is not aktif or selesai",
		       path, row, r->v[JK_F_STATUS]);
		stats->rejected++;
		return JK_OK;
	}
	anak = jk_yesno_parse(r->v[JK_F_ANAK]);
	pidana = jk_pidana_parse(r->v[JK_F_JENIS_PIDANA]);
	if (pidana < 0)
		jk_msg(ctx, JK_LOG_WARN,
		       "%s:%ld: jenis_pidana: '%s' is neither Pidana Kerja Sosial nor Pidana Pelayanan Masyarakat",
		       path, row, r->v[JK_F_JENIS_PIDANA]);
	if (anak != 0 && anak != 1) {
		if (pidana == 1 || pidana == 2) {
			anak = pidana == 2;
		} else {
			jk_msg(ctx, JK_LOG_ERROR,
			       "%s:%ld: anak: '%s' is not ya or tidak, and jenis_pidana does not tell",
			       path, row, r->v[JK_F_ANAK]);
			stats->rejected++;
			return JK_OK;
		}
	} else if ((pidana == 1 && anak) || (pidana == 2 && !anak)) {
		jk_msg(ctx, JK_LOG_WARN,
		       "%s:%ld: anak: '%s' disagrees with jenis_pidana '%s'; the anak column is used",
		       path, row, r->v[JK_F_ANAK], r->v[JK_F_JENIS_PIDANA]);
	}
	if (*r->v[JK_F_JAM]) {
		long lo = anak ? 7 : 8, hi = anak ? 120 : 240;

		if (jk_int_parse(r->v[JK_F_JAM], &jam) != 0)
			jk_msg(ctx, JK_LOG_WARN, "%s:%ld: jam_pidana: '%s' is not a number of hours; left blank",
			       path, row, r->v[JK_F_JAM]);
		else if (jam < lo || jam > hi)
			jk_msg(ctx, JK_LOG_WARN,
			       "%s:%ld: jam_pidana: %ld is outside the legal range %ld-%ld hours for %s; left blank",
			       path, row, jam, lo, hi, anak ? "a child" : "an adult");
		else
			jam_ok = 1;
	}
	date_ok = jk_date_parse(r->v[JK_F_TANGGAL_MULAI], iso, sizeof iso);
	if (date_ok < 0)
		jk_msg(ctx, JK_LOG_WARN, "%s:%ld: tanggal_mulai: '%s' is not a date; left blank",
		       path, row, r->v[JK_F_TANGGAL_MULAI]);
	check_coord(ctx, path, row, "koordinat_rumah", koord);

	sqlite3_bind_text(cs->find, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(cs->find) == SQLITE_ROW) {
		int same = strcmp((const char *)sqlite3_column_text(cs->find, 0), r->hash) == 0;

		sqlite3_reset(cs->find);
		if (same) {
			stats->unchanged++;
			return JK_OK;
		}
		stats->updated++;
	} else {
		sqlite3_reset(cs->find);
		stats->imported++;
	}
	sqlite3_bind_text(cs->ins, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(cs->ins, 2, r->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(cs->ins, 3, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(cs->ins, 4, row);
	bind_opt(cs->ins, 5, alamat);
	bind_opt(cs->ins, 6, r->v[JK_F_DESA]);
	bind_opt(cs->ins, 7, r->v[JK_F_KEC]);
	bind_opt(cs->ins, 8, r->v[JK_F_KAB]);
	bind_opt(cs->ins, 9, koord);
	if (pidana == 1 || pidana == 2)
		sqlite3_bind_text(cs->ins, 10, pidana == 1 ? "kerja_sosial" : "pelayanan_masyarakat",
				  -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(cs->ins, 10);
	sqlite3_bind_int(cs->ins, 11, anak);
	if (jam_ok)
		sqlite3_bind_int64(cs->ins, 12, jam);
	else
		sqlite3_bind_null(cs->ins, 12);
	bind_opt(cs->ins, 13, date_ok == 0 ? iso : NULL);
	sqlite3_bind_text(cs->ins, 14, status ? "active" : "finished", -1, SQLITE_STATIC);
	if (sqlite3_step(cs->ins) != SQLITE_DONE)
		return jk_store_dberr(cs->st, "cannot store client");
	sqlite3_reset(cs->ins);
	return JK_OK;
}

int jk_import_clients(jk_ctx *ctx, jk_store *st, const char *path,
		      const jk_table_opts *opts, jk_import_stats *stats)
{
	struct client_state cs;
	jk_import_stats local;
	int rc;

	memset(&cs, 0, sizeof cs);
	cs.ctx = ctx;
	cs.st = st;
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof *stats);
	rc = jk_store_prepare(st, "SELECT row_hash FROM clients WHERE client_id=?", &cs.find);
	if (!rc)
		rc = jk_store_prepare(st,
			"INSERT INTO clients(client_id,row_hash,src_file,src_row,alamat,"
			"desa_col,kec_col,kab_col,koordinat,jenis_pidana,anak,jam,"
			"tanggal_mulai,status) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
			"?11,?12,?13,?14) ON CONFLICT(client_id) DO UPDATE SET "
			"row_hash=excluded.row_hash,src_file=excluded.src_file,"
			"src_row=excluded.src_row,alamat=excluded.alamat,"
			"desa_col=excluded.desa_col,kec_col=excluded.kec_col,"
			"kab_col=excluded.kab_col,koordinat=excluded.koordinat,"
			"jenis_pidana=excluded.jenis_pidana,anak=excluded.anak,"
			"jam=excluded.jam,tanggal_mulai=excluded.tanggal_mulai,"
			"status=excluded.status,kode_desa=NULL,precision=NULL,"
			"score=NULL,geo_note=NULL,candidates=NULL,coord_kode=NULL,"
			"lon=NULL,lat=NULL,geom=NULL", &cs.ins);
	if (!rc)
		rc = import_table(ctx, st, path, opts, JK_TABLE_CLIENTS, client_row,
				  &cs, stats);
	seen_release(&cs.ids);
	sqlite3_finalize(cs.find);
	sqlite3_finalize(cs.ins);
	return rc;
}
