/* SPDX-License-Identifier: MIT */
/*
 * jangkau: geospatial planning engine for Indonesia's probation offices
 * (Balai Pemasyarakatan, Bapas).
 *
 * This header is the whole public contract of libjangkau. It is plain C17
 * and includes nothing but the C standard library, so that it compiles in
 * any C or C++ program.
 *
 * The pipeline: a project store (one SpatiaLite file) receives village
 * boundaries, work sites and clients (import); sites and clients get a
 * village and a point (geocode); every village gets a coverage status and
 * every active client a nearest suitable site (coverage); the results go out
 * as GIS layers and a gap report (export, report).
 *
 * Conventions:
 * - Every call takes a context first. The context carries the last error
 *   message, a message callback and the GEOS and PROJ handles. A context may
 *   be used by one thread at a time. A store belongs to the context it was
 *   opened on: a step given a store and another context fails with
 *   JK_ERR_ARG.
 * - Steps return JK_OK (0) or a jk_status code. Each step clears the
 *   context's error when it begins, so jk_ctx_errmsg() is "" after a step
 *   that succeeded and the detail of the failure after one that failed.
 * - Names are jk_<room>_<verb>: the room of the pipeline (store, import,
 *   geocode, roads, coverage, export, report, map, book), then what it
 *   does (jk_import_sites, jk_geocode_run, jk_export_write).
 * - Objects from a _create/_open call are freed with the matching
 *   _destroy/_close call; passing NULL there is a no-op.
 * - The library never prints and never exits. Row-level diagnostics
 *   (rejected rows, duplicates, flagged geocodes) are passed to the message
 *   callback, formatted as "FILE:ROW: field: reason".
 */
#ifndef JANGKAU_H
#define JANGKAU_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(JK_BUILDING_LIBRARY) && defined(__GNUC__)
#define JK_API __attribute__((visibility("default")))
#else
#define JK_API
#endif

#define JK_VERSION_STRING "0.1.0"

/** Result codes. */
typedef enum jk_status {
	JK_OK = 0,
	JK_ERR_NOMEM = 1,   /**< out of memory */
	JK_ERR_IO = 2,      /**< a file could not be opened, read or written */
	JK_ERR_DB = 3,      /**< the project store failed (SQLite/SpatiaLite) */
	JK_ERR_FORMAT = 4,  /**< an input file is not in a usable form */
	JK_ERR_REJECTED = 5,/**< rows were rejected and --strict asked to abort */
	JK_ERR_ARG = 6,     /**< an argument or option is invalid */
	JK_ERR_GEOS = 7,    /**< a GEOS operation failed */
	JK_ERR_PROJ = 8,    /**< a PROJ operation failed */
	JK_ERR_GDAL = 9,    /**< a GDAL/OGR operation failed */
	JK_ERR_STATE = 10   /**< a step ran before the step it needs */
} jk_status;

/** Message levels of the message callback. */
typedef enum jk_level {
	JK_LOG_DEBUG = 0,
	JK_LOG_INFO = 1,
	JK_LOG_WARN = 2, /**< a row was flagged, repaired or skipped */
	JK_LOG_ERROR = 3 /**< a row was rejected */
} jk_level;

typedef struct jk_ctx jk_ctx;
typedef struct jk_store jk_store;

/** Receives diagnostics. @p msg is valid only during the call. */
typedef void (*jk_log_fn)(void *user, jk_level level, const char *msg);

/**
 * Receives progress of long steps: @p step names the step, @p done and
 * @p total count its units (total 0 when unknown).
 */
typedef void (*jk_progress_fn)(void *user, const char *step, long done,
			       long total);

/** Library version, "MAJOR.MINOR.PATCH". Static storage. */
JK_API const char *jk_version(void);

/**
 * Level of a Kemendagri region code: 1 "PP" (province), 2 "PP.KK"
 * (regency/city), 3 "PP.KK.DD" (district), 4 "PP.KK.DD.VVVV" (village);
 * 0 when @p kode is not of that form.
 */
JK_API int jk_kode_level(const char *kode);

/** Static English text for a status code. Never NULL. */
JK_API const char *jk_strerror(jk_status code);

/**
 * Creates a context, with its GEOS and PROJ handles.
 * @return the context, or NULL when out of memory or when GEOS/PROJ could
 *         not be initialised. Free with jk_ctx_destroy().
 */
JK_API jk_ctx *jk_ctx_create(void);

/** Frees a context. NULL is a no-op. */
JK_API void jk_ctx_destroy(jk_ctx *ctx);

/** Detail of the failure of the last step on @p ctx; "" when it succeeded
 *  (or none ran yet). Owned by ctx, valid until the next step. */
JK_API const char *jk_ctx_errmsg(const jk_ctx *ctx);

/** Sets the message callback (NULL to drop messages). */
JK_API void jk_ctx_set_log(jk_ctx *ctx, jk_log_fn fn, void *user);

/** Sets the progress callback (NULL for none). */
JK_API void jk_ctx_set_progress(jk_ctx *ctx, jk_progress_fn fn, void *user);

/**
 * Sets how long a store call waits for a store that another program holds
 * (another jangkau run importing, QGIS editing the store): up to @p seconds
 * (0: not at all; default 10), with a JK_LOG_WARN message naming the store
 * when the wait begins and progress (step "waiting for the store") while
 * it lasts. Stores opened afterwards use it. After the wait the call fails
 * with JK_ERR_DB, and the message says that another jangkau or QGIS may
 * hold the store.
 */
JK_API void jk_ctx_set_lock_wait(jk_ctx *ctx, double seconds);

/* ------------------------------------------------------------------ */
/* Store                                                               */

/**
 * Opens the project store at @p path, creating it (owner read/write only,
 * since it holds client data) and its schema when missing. Foreign keys are
 * on; the schema version is PRAGMA user_version.
 * @param out receives the store, NULL on failure. Close with
 *        jk_store_close().
 */
JK_API jk_status jk_store_open(jk_ctx *ctx, const char *path, jk_store **out);

/** Closes a store. NULL is a no-op. */
JK_API void jk_store_close(jk_store *st);

/* ------------------------------------------------------------------ */
/* Import                                                              */

/** Counts of one import. */
typedef struct jk_import_stats {
	long read;       /**< data rows read */
	long imported;   /**< rows new to the store */
	long updated;    /**< rows already in the store, refreshed */
	long unchanged;  /**< rows already in the store, identical */
	long duplicates; /**< exact duplicate rows in the file, imported once */
	long repaired;   /**< geometries repaired (boundaries) */
	long rejected;   /**< rows rejected with a message */
	long skipped;    /**< boundary rows outside the area asked for */
} jk_import_stats;

/**
 * Field names of a boundary layer. NULL members take the defaults, which
 * fit the Kemendagri village files: kode, nama, kecamatan, kabupaten,
 * provinsi. The district, regency and province codes are the prefixes of
 * the village code (PP.KK.DD.VVVV), so they need no field.
 */
typedef struct jk_boundary_opts {
	const char *layer; /**< layer name; NULL: "desa" if present, else the first */
	const char *f_kode;
	const char *f_nama;
	const char *f_kecamatan;
	const char *f_kabupaten;
	const char *f_provinsi;
	const char *aliases; /**< optional alias CSV (kode,alias); NULL for none */
	const char *area;    /**< working area: comma-separated code prefixes
				  ("74.72,74.04"); villages outside are skipped.
				  A code that is not a region code, or that no
				  village of the file lies under, is an error
				  (JK_ERR_ARG naming it; nothing written).
				  NULL: every village of the file */
	int strict;          /**< abort with nothing written on any rejected row */
	const char *s_crs;   /**< the CRS the coordinates are really in, replacing
				  the file's label (as ogr2ogr -s_srs): anything
				  GDAL reads, "EPSG:32751", WKT, PROJ. NULL: the
				  file's CRS (lon/lat when it names none) */
} jk_boundary_opts;

/**
 * Options of a site or client import. Zero them (or NULL options) for the
 * defaults: every sheet of a workbook, the first layer of other sources,
 * the header row found automatically.
 */
typedef struct jk_table_opts {
	const char *layer; /**< the layer of a GeoPackage or other multi-layer
			        source, or one sheet of a workbook; NULL: the
			        first layer, every sheet */
	int strict;        /**< abort with nothing written on any rejected row
			        (a row of a skipped sheet, a read error) */
	const char *const *sheets; /**< NULL-terminated names of the sheets of a
				        workbook (XLSX, ODS, XLS) to read; NULL or
				        empty: every sheet. A name the workbook does
				        not have is JK_ERR_ARG, with the sheets in the
				        message. Borrowed for the call */
	long header_row;   /**< the header row as the spreadsheet program shows
			        it (1 = the first row; the top row of a two-row
			        header), the same in every sheet read; 0: found
			        among the first 30 rows that are not blank */
} jk_table_opts;

/**
 * Imports village polygons (any OGR vector source) into the store in one
 * transaction, reprojected to EPSG:4326, invalid polygons repaired with
 * GEOS make-valid, and rebuilds the gazetteer used by geocoding.
 * A read error of the source (a damaged file) is not taken for its end: it
 * fails with JK_ERR_GDAL naming the file and the row, as does a layer that
 * gives fewer rows than its own feature count; nothing is written then.
 * Coordinates that lie outside the valid area of their CRS (its area of
 * use from PROJ, widened by 10 degrees; for lon/lat |lon| <= 180 and
 * |lat| <= 90) or cannot be transformed mean that the file's CRS label is
 * wrong: JK_ERR_FORMAT naming the row, with the hint to name the real CRS
 * in opts->s_crs; nothing is written. A village already in the store
 * whose names, codes and polygon are the same is counted unchanged (and
 * not rewritten), one that differs updated.
 * @return JK_OK, or an error; with strict, JK_ERR_REJECTED when a row was
 *         rejected (nothing is written then).
 */
JK_API jk_status jk_import_boundaries(jk_ctx *ctx, jk_store *st, const char *path,
				      const jk_boundary_opts *opts,
				      jk_import_stats *stats);

/**
 * Imports an address book of work sites (CSV, XLSX, ODS, GeoPackage, ...)
 * with Indonesian or English column headers, in one transaction.
 * Every sheet of a workbook is read; in each the header row is found among
 * the first 30 rows that are not blank (title rows, blank and logo rows
 * above it, a two-row header with merged cells, a row of column numbers
 * under it and the header repeated further down are all understood). A
 * sheet without such a header is skipped with a message naming it; when it
 * holds rows of data, they count as rejected. A CSV file may be separated
 * by ',', ';' or tabs, in UTF-8 (with or without BOM) or Windows-1252
 * (converted, with a warning). Rows are numbered as the spreadsheet program
 * shows them (the header row and the rows above it counted; a CSV record
 * with line breaks in a quoted cell is one row) and messages name them
 * "FILE[SHEET]:ROW: field: reason" ("FILE:ROW: ..." for a single table);
 * src_sheet and src_row of the store keep the place. A cell over 64 KiB, a
 * quote that swallows whole rows and a read error of the file are reported
 * with their row (rejected; the rows around them are kept). Exact
 * duplicate rows, also across sheets, are imported once; re-importing a
 * file adds nothing twice.
 * @return JK_OK; JK_ERR_IO or JK_ERR_FORMAT when the file cannot be read
 *         or no table has the columns needed (the message lists the
 *         headers found and the names accepted); JK_ERR_ARG for an unknown
 *         sheet or layer; with strict, JK_ERR_REJECTED when a row was
 *         rejected (nothing is written then).
 */
JK_API jk_status jk_import_sites(jk_ctx *ctx, jk_store *st, const char *path,
				 const jk_table_opts *opts, jk_import_stats *stats);

/** Imports a client register, keyed by the client id, in one transaction,
 * read as jk_import_sites() reads an address book. A start date given by a
 * workbook as a day number (a date cell formatted as a number) is read as
 * Excel's serial date. */
JK_API jk_status jk_import_clients(jk_ctx *ctx, jk_store *st, const char *path,
				   const jk_table_opts *opts, jk_import_stats *stats);

/** Field names and layer of a road import. NULL members take defaults. */
typedef struct jk_roads_opts {
	const char *layer;    /**< NULL: 'lines' of an OSM file, else the first */
	const char *f_class;  /**< road class; NULL: the first present of
				   highway, TYPE, REMARK, fclass */
	const char *f_oneway; /**< one-way tag (yes/1/true, -1, no); NULL:
				   oneway or ONEWAY when present */
	const char *f_speed;  /**< speed limit in km/h; NULL: maxspeed when present */
} jk_roads_opts;

/** Counts of one road import. */
typedef struct jk_roads_stats {
	long read;        /**< features read */
	long lines;       /**< imported (roads and ferries) */
	long ferries;     /**< of which ferry routes (route=ferry) */
	long not_road;    /**< skipped: neither a road class nor a ferry */
	long no_geometry; /**< skipped: no line geometry */
	long rejected;    /**< rejected with a message (bad coordinates) */
	long nodes, edges, components; /**< the network stored */
} jk_roads_stats;

/** Options of jk_import_decisions(). */
typedef struct jk_decisions_opts {
	const char *layer; /**< sheet or layer; NULL: the first */
	int replace;       /**< forget every earlier decision first: the file
				becomes the whole list (a row left empty then
				has no decision) */
	int strict;        /**< abort with nothing written on any rejected row */
} jk_decisions_opts;

/** Counts of one decisions import. */
typedef struct jk_decisions_stats {
	long read;      /**< data rows read */
	long recorded;  /**< decisions new to the store */
	long changed;   /**< decisions that replace another for the same row */
	long unchanged; /**< decisions recorded already, identical */
	long undecided; /**< rows with kode_desa_pilihan empty: no decision */
	long rejected;  /**< rows rejected with a message */
	long cleared;   /**< earlier decisions forgotten (replace) */
} jk_decisions_stats;

/**
 * Records the office's decisions from a review file that
 * jk_geocode_review() wrote and a planner filled in (XLSX, ODS or CSV, also
 * saved again by Excel or LibreOffice: ';' or ',' separated, with or
 * without a byte order mark, Windows-1252 text is converted), in one
 * transaction.
 *
 * Each row with kode_desa_pilihan filled becomes the decision for its
 * source row, keyed by jenis_baris (lokasi/klien), berkas (the base name of
 * the imported file), lembar and baris, and remembering the row's content
 * (row_hash; the store's current row when the column is absent). The cell
 * holds a village code; text after the code is ignored, so that a copied
 * candidate cell works. A later decision for the same row replaces the
 * earlier one. Rejected with "FILE:ROW: field: reason" (ROW as the
 * spreadsheet shows it): a code that is not a village of the store, an
 * unknown jenis_baris, a source row that is not in the store, a row that
 * changed since the review file was written, a second line for one source
 * row. jk_geocode_run() applies the decisions.
 * @return JK_OK (rejected rows are counted and reported), JK_ERR_FORMAT
 *         when a needed column is missing, JK_ERR_REJECTED with strict,
 *         JK_ERR_IO, JK_ERR_DB or JK_ERR_NOMEM.
 */
JK_API jk_status jk_import_decisions(jk_ctx *ctx, jk_store *st, const char *path,
				     const jk_decisions_opts *opts,
				     jk_decisions_stats *stats);

/**
 * Imports a road network, replacing the one in the store, in one
 * transaction: an OpenStreetMap PBF or XML file (GDAL's OSM driver, layer
 * 'lines': highway ways and route=ferry ways with oneway, maxspeed,
 * junction=roundabout and duration from other_tags) or any line layer
 * (Shapefile, GeoPackage, GeoJSON, ...) with a class field and optional
 * one-way and speed fields. Lines are split at every vertex; lines meet
 * where they share a coordinate to 1e-7 degree, OSM's precision (the OSM
 * lines layer exposes no node ids). The graph is stored as road_nodes and road_edges with
 * geometries. Clears the coverage results, which depend on it.
 */
JK_API jk_status jk_import_roads(jk_ctx *ctx, jk_store *st, const char *path,
				 const jk_roads_opts *opts, jk_roads_stats *stats);

/* ------------------------------------------------------------------ */
/* Geocoding                                                           */

/** Default of jk_geocode_opts.near_m. */
#define JK_GEOCODE_NEAR_M 300.0

/** Options of jk_geocode_run(); NULL for the defaults. */
typedef struct jk_geocode_opts {
	/** A given coordinate outside the village the address names but at
	 *  most this many metres from its polygon is kept as the point of
	 *  that village (precision coordinate): simplified borders and
	 *  digitising put good points just outside. 0 turns it off; at most
	 *  5000. Default JK_GEOCODE_NEAR_M. */
	double near_m;
} jk_geocode_opts;

typedef struct jk_geocode_stats {
	long rows;          /**< sites + clients geocoded */
	long coordinate;    /**< precision coordinate */
	long village;       /**< precision village */
	long district;      /**< precision district */
	long regency;       /**< precision regency */
	long ambiguous;     /**< several villages fit, none chosen */
	long none;          /**< nothing found */
	long flagged;       /**< coordinate disagreed with the address, or lay outside every village */
	long decided;       /**< placed by the office's decision (counted in
				 coordinate or village as well) */
	long stale;         /**< decisions not applied: their row changed, is
				 gone, or their village is not in the store */
} jk_geocode_stats;

/**
 * Gives every site and client a village code, a point, a precision, a
 * score and a reason, in one transaction.
 *
 * A row with an office decision (jk_import_decisions()) whose content is
 * the one decided gets the chosen village instead of the matcher's result:
 * score 1, a note "decided by the office on DATE (FILE)", and precision
 * 'coordinate' with the given coordinate as its point when that coordinate
 * lies inside the chosen village (a latitude without its minus sign is
 * repaired), else precision 'village' with the village's point on surface.
 * A decision whose row now holds other content, or whose row is gone, is
 * reported as a warning "FILE:ROW: kode_desa_pilihan: ..." and not applied.
 */
JK_API jk_status jk_geocode_run(jk_ctx *ctx, jk_store *st, const jk_geocode_opts *opts,
				jk_geocode_stats *stats);

/** Options of jk_geocode_review(). */
typedef struct jk_review_opts {
	double min_score;    /**< a village match scoring below this needs a
				  decision; 0 takes JK_REVIEW_MIN_SCORE */
	int include_decided; /**< also list the rows decided already, with
				  their decision filled in: the file is then
				  the whole list of decisions, to edit and
				  import again with replace */
} jk_review_opts;

/** The default score below which a village match is reviewed. */
#define JK_REVIEW_MIN_SCORE 0.75

/** Counts of one review file; a row may count under several reasons. */
typedef struct jk_review_stats {
	long rows;          /**< rows written */
	long sites, clients;
	long ambiguous, none, district, regency; /**< by precision */
	long mismatch;      /**< coordinate in another village than the address */
	long low_score;     /**< village match scoring below min_score */
	long stale;         /**< decided before, but the row changed since */
	long decided;       /**< decided rows listed (include_decided) */
	int max_candidates; /**< candidate columns written */
} jk_review_stats;

/**
 * Writes the rows of the last geocoding that need a person's decision to
 * @p path: an XLSX workbook (one sheet 'tinjauan', every cell text, a
 * header row) when the name ends in .xlsx, else a CSV file for Excel with
 * Indonesian settings (.csv: UTF-8 with a byte order mark, ';'-separated,
 * CRLF; a cell starting with = + - @ gets a leading apostrophe). The file is
 * created owner read/write only (0600): it holds client ids and addresses.
 *
 * A row is listed when its precision is ambiguous, none, district or
 * regency; when its coordinate lies in another village than the address
 * names (geo_note "coordinate mismatch", coord_kode other than kode_desa);
 * when it is a village match scoring below min_score; or when the office
 * decided it before but the row changed since. Rows decided by the office
 * are left out unless include_decided. Per row: the source row (jenis_baris,
 * berkas, lembar, baris), the row as written, jangkau's result, the reason
 * in Indonesian (alasan) and English (reason), the candidate villages
 * (kandidat_1.., each "KODE Desa (Kecamatan, Kabupaten)" and, when the row
 * has a coordinate, the distance from it to the village in km, 0 inside):
 * the ambiguous candidates, jangkau's village and the coordinate's village,
 * and for a district or regency match its villages when there are at most
 * 12; then the empty columns kode_desa_pilihan and catatan_pilihan for the
 * planner, and row_hash, which jk_import_decisions() checks.
 * @return JK_OK, JK_ERR_STATE when rows are not geocoded yet, JK_ERR_ARG
 *         for another extension, JK_ERR_IO, JK_ERR_GDAL, JK_ERR_DB or
 *         JK_ERR_NOMEM; on failure @p path is untouched.
 */
JK_API jk_status jk_geocode_review(jk_ctx *ctx, jk_store *st, const char *path,
				   const jk_review_opts *opts,
				   jk_review_stats *stats);

/* ------------------------------------------------------------------ */
/* Road travel                                                         */

/** How a point fares on the road network. */
typedef enum jk_reach_status {
	JK_REACH_OK = 0,          /**< joined the network and reached a site */
	JK_REACH_OFF_NETWORK = 1, /**< no road within the snap distance */
	JK_REACH_UNREACHABLE = 2  /**< on the network, but no site can be reached
				       (another island without a ferry) */
} jk_reach_status;

/** How to travel on the road network of the store. */
typedef struct jk_route_opts {
	const char *profile;   /**< path of a travel profile CSV (data/profiles);
				    required */
	int optimize_distance; /**< minimise length instead of time */
	int ignore_oneway;     /**< treat one-way streets as two-way */
	double max_snap_m;     /**< farthest a point may be from a road; 0: 1000 */
} jk_route_opts;

typedef struct jk_route_result {
	jk_reach_status reach;
	double road_km;    /**< length of the path, access legs included */
	double road_min;   /**< its travel time in minutes */
	double from_snap_m, to_snap_m; /**< access legs (metres) */
} jk_route_result;

/**
 * Shortest path between two points (lon/lat degrees) on the road network
 * imported with jk_import_roads(). Each point joins the network at the
 * nearest point of the nearest usable road; the access legs count at the
 * profile's walking speed.
 * @return JK_OK (see res->reach), JK_ERR_STATE when no network is
 *         imported, or another error.
 */
JK_API jk_status jk_roads_route(jk_ctx *ctx, jk_store *st, const jk_route_opts *opts,
				double from_lon, double from_lat, double to_lon,
				double to_lat, jk_route_result *res);

/* ------------------------------------------------------------------ */
/* Coverage                                                            */

typedef struct jk_coverage_opts {
	double radius_km; /**< reach radius; 0 takes the default, 5 km (straight
			       line); by road: on road distance, only when set */
	int by_road;      /**< measure on the road network of the store
			       (jk_import_roads) instead of the straight line */
	double max_minutes; /**< by road: reachable within this travel time;
				 0 takes 30 minutes unless radius_km is set */
	jk_route_opts road; /**< by road: profile (required), optimisation,
				 one-way, snap distance */
} jk_coverage_opts;

typedef struct jk_coverage_stats {
	long villages, covered, reachable, pending, gap;
	long clients;       /**< active clients given a site */
	long clients_in_reach;
	long clients_no_site; /**< active clients for whom no suitable site exists */
	/* by road: points that got no road travel */
	long sites_off_network;    /**< ready sites farther than the snap distance from a road */
	long villages_off_network, villages_unreachable;
	long clients_off_network, clients_unreachable;
	/* where the time went, wall-clock seconds */
	double t_read;    /**< reading villages, sites and clients from the store */
	double t_analyse; /**< indexes, counts and nearest-site searches */
	double t_write;   /**< writing the results (one transaction) */
} jk_coverage_stats;

/**
 * Computes coverage per village and the nearest suitable ready site of every
 * active client (geodesic distance on WGS84, or with by_road travel on the
 * road network: road_km, road_min and reach per village and client),
 * replacing the previous results in one transaction.
 */
JK_API jk_status jk_coverage_run(jk_ctx *ctx, jk_store *st,
				 const jk_coverage_opts *opts,
				 jk_coverage_stats *stats);

/* ------------------------------------------------------------------ */
/* Export and report                                                   */

/** Formats of the layers (bits of jk_export_opts.formats). */
typedef enum jk_format {
	JK_FORMAT_GEOJSON = 1, /**< one RFC 7946 GeoJSON file per layer */
	JK_FORMAT_SHP = 2,     /**< one Shapefile per layer */
	JK_FORMAT_GPKG = 4     /**< every layer in jangkau.gpkg */
} jk_format;

/** How clients are named in the client layers (jk_export_opts.client_ids). */
typedef enum jk_client_ids {
	JK_CLIENT_IDS_PSEUDONYM = 0, /**< "K-" and 10 characters, a keyed hash of
					  the office's id under a secret kept in
					  the store: stable from export to export,
					  not reversible without the store */
	JK_CLIENT_IDS_OFFICE = 1     /**< the office's own client id (case number) */
} jk_client_ids;

typedef struct jk_export_opts {
	int formats;                /**< jk_format bits; 0 means all three */
	int exact_client_locations; /**< write client homes, not village points,
					 and distances measured from the homes */
	jk_client_ids client_ids;   /**< 0: pseudonyms */
	int include_juvenile_flag;  /**< fill clients.anak (1 child, 0 adult);
					 0: the field is NULL */
} jk_export_opts;

/**
 * Writes the layers desa_coverage, kecamatan_summary, sites, gaps, clients
 * and client_links (and after a coverage run by road client_routes, roads
 * and isochrones) into @p dir (created if missing): one GeoJSON file and
 * one Shapefile per layer, and jangkau.gpkg with all layers, published as
 * one set. Client layers follow docs/privacy.md: by default a client is a
 * pseudonym at its village point, with distances from that point and no
 * juvenile flag; the files that hold client data (clients.*,
 * client_links.*, client_routes.*, jangkau.gpkg) are mode 0600. The first
 * export of a store with pseudonyms creates their secret in the store.
 * @p opts may be NULL (the defaults).
 * @return JK_OK, or JK_ERR_ARG, JK_ERR_STATE (no coverage results),
 *         JK_ERR_IO, JK_ERR_GDAL, JK_ERR_DB or JK_ERR_NOMEM; on failure
 *         the previous outputs in @p dir are left as they were.
 */
JK_API jk_status jk_export_write(jk_ctx *ctx, jk_store *st, const char *dir,
				 const jk_export_opts *opts);

/** Which coverage maps the gap report embeds. */
typedef enum jk_report_maps {
	JK_REPORT_MAPS_ALL = 0,       /**< each regency, each district with gaps */
	JK_REPORT_MAPS_KABUPATEN = 1, /**< each regency only */
	JK_REPORT_MAPS_NONE = 2       /**< none */
} jk_report_maps;

typedef struct jk_report_opts {
	const char *lang; /**< "id" (default) or "en" */
	jk_report_maps maps;
} jk_report_opts;

/** Writes the gap report (gap_report.html and CSV tables) into @p dir. */
JK_API jk_status jk_report_write(jk_ctx *ctx, jk_store *st, const char *dir,
				 const jk_report_opts *opts);

/** Options of jk_map_write(). */
typedef struct jk_map_opts {
	const char *area;  /**< kode of the area: "74.72" (regency), "74.72.01" (district) */
	const char *lang;  /**< "id" (default) or "en" */
	int width_px;      /**< width of a PNG in pixels; 0 means 2400 */
	const char *title; /**< NULL: "Cakupan lokasi kerja sosial" (or English) */
} jk_map_opts;

/**
 * Draws the coverage map of one area to @p path: an A4 landscape page with
 * the villages filled by coverage status, the sites by status, kecamatan
 * outlines and names (or village names on a district map), a legend with
 * counts, a scale bar, a north arrow, the title, the date of the coverage
 * run and the source line, in the UTM zone of the area. The format follows
 * the file name: .png, .svg or .pdf. Needs a coverage result. Returns
 * JK_OK, JK_ERR_ARG (unknown area or extension), JK_ERR_STATE, JK_ERR_IO,
 * JK_ERR_DB, JK_ERR_PROJ or JK_ERR_NOMEM.
 */
JK_API jk_status jk_map_write(jk_ctx *ctx, jk_store *st, const char *path,
			      const jk_map_opts *opts);

/** Options of jk_book_write(). */
typedef struct jk_book_opts {
	const char *kabupaten; /**< kode of the regency/city, "74.72" */
	const char *office;    /**< the office on the cover; NULL: "Balai Pemasyarakatan" */
	const char *date;      /**< the date on the cover; NULL: today */
} jk_book_opts;

/**
 * Writes the printed address book of the work sites of one regency
 * (buku alamat lokasi kerja sosial) to the PDF @p path, in Indonesian, A4:
 * a cover with the counts, a table of contents, then per kecamatan a
 * locator map (villages shaded by status, sites numbered), the table of its
 * sites and the villages without a ready site; page numbers and running
 * headers. Needs a coverage result. Returns JK_OK or an error as jk_map_write().
 */
JK_API jk_status jk_book_write(jk_ctx *ctx, jk_store *st, const char *path,
			       const jk_book_opts *opts);

#ifdef __cplusplus
}
#endif

#endif /* JANGKAU_H */
