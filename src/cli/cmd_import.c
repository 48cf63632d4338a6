/* SPDX-License-Identifier: MIT */
/*
 * jangkau import boundaries|sites|clients|roads|decisions FILE: load a file
 * into the store. A group of sub-commands, each with its own options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---------------------------------------------------------- boundaries */

struct boundaries_args {
	jk_boundary_opts bo;
	const char *path;
};

static int boundaries_parse(struct cli *cli, int argc, char **argv, void *args);
static int boundaries_run(struct cli *cli, jk_store *st, void *args);
static int table_parse(struct cli *cli, int argc, char **argv, void *args);
static int sites_run(struct cli *cli, jk_store *st, void *args);
static int clients_run(struct cli *cli, jk_store *st, void *args);
static int roads_parse(struct cli *cli, int argc, char **argv, void *args);
static int roads_run(struct cli *cli, jk_store *st, void *args);
static int decisions_parse(struct cli *cli, int argc, char **argv, void *args);
static int decisions_run(struct cli *cli, jk_store *st, void *args);

#define COMMON_HELP \
	"  --db PATH      project store (default: jangkau.sqlite)\n" \
	"  --quiet        print only errors\n"

static const struct cli_cmd import_boundaries = {
	"boundaries", "village polygons with Kemendagri codes",
	"usage: jangkau import boundaries FILE [--layer NAME] [--aliases CSV] [--area CODES]\n"
	"                                     [--field-kode F] [--field-nama F]\n"
	"                                     [--field-kecamatan F] [--field-kabupaten F]\n"
	"                                     [--field-provinsi F] [--s-crs CRS]\n"
	"                                     [--strict]\n\n"
	"Village polygons with Kemendagri codes from any vector file GDAL opens,\n"
	"reprojected to EPSG:4326, invalid polygons repaired; the alias CSV\n"
	"(columns kode,alias) adds other names of any unit for geocoding.\n\n"
	"  --layer NAME   layer to read (default: 'desa' or the first)\n"
	"  --aliases CSV  other names of villages, districts, regencies\n"
	"  --area CODES   import only villages under these codes, the working area\n"
	"                 of the office (e.g. 74.72,74.04,74.13)\n"
	"  --field-kode F, --field-nama F, --field-kecamatan F, --field-kabupaten F,\n"
	"  --field-provinsi F\n"
	"                 the fields holding the code and the names (default: kode,\n"
	"                 nama, kecamatan, kabupaten, provinsi)\n"
	"  --s-crs CRS    the CRS the boundaries are really in, when the file's label\n"
	"                 is wrong (e.g. EPSG:32751 for UTM zone 51S; as ogr2ogr -s_srs)\n"
	"  --strict       abort with nothing written if any row is rejected\n"
	COMMON_HELP,
	CLI_STORE, sizeof(struct boundaries_args), boundaries_parse, boundaries_run, NULL, "import"};

static int boundaries_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct boundaries_args *a = args;
	jk_boundary_opts *bo = &a->bo;
	const char *pos[1] = {NULL};
	const struct cli_opt opts[] = {
		{"--layer", &bo->layer, NULL}, {"--aliases", &bo->aliases, NULL},
		{"--area", &bo->area, NULL}, {"--strict", NULL, &bo->strict},
		{"--field-kode", &bo->f_kode, NULL}, {"--field-nama", &bo->f_nama, NULL},
		{"--field-kecamatan", &bo->f_kecamatan, NULL},
		{"--field-kabupaten", &bo->f_kabupaten, NULL},
		{"--field-provinsi", &bo->f_provinsi, NULL}, {"--s-crs", &bo->s_crs, NULL},
		{NULL, NULL, NULL}};
	int rc = cli_parse(cli, &import_boundaries, argc, argv, opts, pos, 1, 1);

	a->path = pos[0];
	return rc;
}

static int boundaries_run(struct cli *cli, jk_store *st, void *args)
{
	struct boundaries_args *a = args;
	jk_import_stats stats;
	int rc = jk_import_boundaries(cli->ctx, st, a->path, &a->bo, &stats);

	if (!rc)
		cli_print_import(cli, "boundaries", a->path, &stats);
	return rc;
}

/* ----------------------------------------------------- sites, clients */

struct table_args {
	jk_table_opts to;
	const char *path;
	const char *sheet_buf[64]; /* --sheet names, NULL-terminated */
};

#define TABLE_USAGE(WHAT, PAD) \
	"usage: jangkau import " WHAT " FILE [--sheet NAME]... [--header-row N]\n" \
	"       " PAD "                      [--layer NAME] [--strict]\n\n"

#define TABLE_HELP \
	"Reads any table GDAL opens (XLSX, ODS, XLS, GeoPackage, Shapefile,\n" \
	"GeoJSON) and CSV. Columns named as in a Bapas book (nama_lokasi, alamat,\n" \
	"desa_kelurahan, kecamatan, kabupaten_kota, koordinat, status, ...; clients:\n" \
	"id_klien, alamat_rumah, koordinat_rumah, jenis_pidana, anak, ...) or in\n" \
	"English. Every sheet of a workbook is read (a sheet per kecamatan is\n" \
	"fine); in each the header row is found among the first 30 rows that are\n" \
	"not blank, below titles, blank rows or a logo, and may be two rows with\n" \
	"merged cells (\"Koordinat\" over \"Lintang | Bujur\"). A sheet without\n" \
	"such a header is skipped with a message naming it. A CSV file may use\n" \
	"',', ';' or tabs, UTF-8 or Windows-1252. Rows are numbered as the\n" \
	"spreadsheet program shows them, header included. Each rejected row is\n" \
	"reported as FILE[SHEET]:ROW: field: reason (FILE:ROW: for a CSV) and the\n" \
	"good rows are imported; re-importing a file adds nothing twice.\n\n" \
	"  --sheet NAME   read this sheet of a workbook only (may be given again\n" \
	"                 for more sheets; default: every sheet)\n" \
	"  --header-row N the header is row N as the spreadsheet shows it (the top\n" \
	"                 row of a two-row header), in every sheet read (default:\n" \
	"                 found in the first 30 rows)\n" \
	"  --layer NAME   layer to read; for a workbook, a sheet as --sheet\n" \
	"  --strict       abort with nothing written if any row is rejected\n" \
	COMMON_HELP \
	"\nExit codes: 0 ok, 1 failure, 2 usage, 3 some rows rejected (also the rows\n" \
	"of a sheet skipped for want of a header, and rows after a read error).\n"

static const struct cli_cmd import_sites = {
	"sites", "the office's address book of work sites",
	TABLE_USAGE("sites", "") TABLE_HELP,
	CLI_STORE, sizeof(struct table_args), table_parse, sites_run, NULL, "import"};

static const struct cli_cmd import_clients = {
	"clients", "the office's clients",
	TABLE_USAGE("clients", "  ") TABLE_HELP,
	CLI_STORE, sizeof(struct table_args), table_parse, clients_run, NULL, "import"};

/* Takes every "--sheet NAME" and "--sheet=NAME" out of argv (the option
 * may be given again and again, which cli_parse() does not do) into
 * @p sheets, NULL-terminated, room for @p max names. Returns the new argc,
 * or -1 when a --sheet has no value or there are too many. */
static int take_sheets(int argc, char **argv, const char **sheets, int max)
{
	int i, k = 0, n = 0;

	for (i = 0; i < argc; i++) {
		const char *v = NULL;

		if (i && !strcmp(argv[i], "--sheet")) {
			if (i + 1 >= argc)
				return -1;
			v = argv[++i];
		} else if (i && !strncmp(argv[i], "--sheet=", 8)) {
			v = argv[i] + 8;
		} else {
			argv[k++] = argv[i];
			continue;
		}
		if (n + 1 >= max)
			return -1;
		sheets[n++] = v;
	}
	sheets[n] = NULL;
	return k;
}

static int table_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct table_args *a = args;
	const struct cli_cmd *cmd = !strcmp(argv[0], "sites") ? &import_sites
							      : &import_clients;
	const char *pos[1] = {NULL}, *header_row = NULL;
	const struct cli_opt opts[] = {
		{"--layer", &a->to.layer, NULL}, {"--strict", NULL, &a->to.strict},
		{"--header-row", &header_row, NULL}, {NULL, NULL, NULL}};
	int n = sizeof a->sheet_buf / sizeof a->sheet_buf[0], rc;
	char *end;

	argc = take_sheets(argc, argv, a->sheet_buf, n);
	if (argc < 0)
		return cli_usage(cmd, "option '--sheet' needs a value (at most %d sheets)",
				 n - 1);
	a->to.sheets = a->sheet_buf;
	rc = cli_parse(cli, cmd, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	a->path = pos[0];
	if (header_row) {
		a->to.header_row = strtol(header_row, &end, 10);
		if (end == header_row || *end || a->to.header_row < 1)
			return cli_usage(cmd,
					 "--header-row: '%s' is not a row number (1 is the first row)",
					 header_row);
	}
	return 0;
}

static int sites_run(struct cli *cli, jk_store *st, void *args)
{
	struct table_args *a = args;
	jk_import_stats stats;
	int rc = jk_import_sites(cli->ctx, st, a->path, &a->to, &stats);

	if (!rc)
		cli_print_import(cli, "sites", a->path, &stats);
	return rc;
}

static int clients_run(struct cli *cli, jk_store *st, void *args)
{
	struct table_args *a = args;
	jk_import_stats stats;
	int rc = jk_import_clients(cli->ctx, st, a->path, &a->to, &stats);

	if (!rc)
		cli_print_import(cli, "clients", a->path, &stats);
	return rc;
}

/* --------------------------------------------------------------- roads */

struct roads_args {
	jk_roads_opts ro;
	const char *path;
};

static const struct cli_cmd import_roads = {
	"roads", "a road network (OpenStreetMap or any line layer)",
	"usage: jangkau import roads FILE [--layer NAME] [--class-field F]\n"
	"                                 [--oneway-field F] [--speed-field F]\n\n"
	"Roads: an OpenStreetMap extract (.osm.pbf, .osm: highways and ferries,\n"
	"with oneway, maxspeed and ferry duration) or any line layer, replacing the\n"
	"network in the store. Lines are joined where they share a coordinate.\n"
	"The class field defaults to highway, TYPE, REMARK or fclass (BIG RBI:\n"
	"REMARK); one-way to oneway/ONEWAY, speed limit to maxspeed.\n\n"
	"  --layer NAME     layer to read (default: 'lines' of an OSM file, else\n"
	"                   the first)\n"
	"  --class-field F  the road class\n"
	"  --oneway-field F one-way (yes/1/true, -1, no)\n"
	"  --speed-field F  speed limit in km/h\n"
	COMMON_HELP,
	CLI_STORE, sizeof(struct roads_args), roads_parse, roads_run, NULL, "import"};

static int roads_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct roads_args *a = args;
	const char *pos[1] = {NULL};
	const struct cli_opt opts[] = {
		{"--layer", &a->ro.layer, NULL}, {"--class-field", &a->ro.f_class, NULL},
		{"--oneway-field", &a->ro.f_oneway, NULL},
		{"--speed-field", &a->ro.f_speed, NULL}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &import_roads, argc, argv, opts, pos, 1, 1);

	a->path = pos[0];
	return rc;
}

static int roads_run(struct cli *cli, jk_store *st, void *args)
{
	struct roads_args *a = args;
	jk_roads_stats s;
	int rc = jk_import_roads(cli->ctx, st, a->path, &a->ro, &s);

	if (rc)
		return rc;
	cli->rejected += s.rejected;
	cli_print_roads(cli, a->path, &s);
	return JK_OK;
}

/* ----------------------------------------------------------- decisions */

struct decisions_args {
	jk_decisions_opts o;
	const char *path;
};

static const struct cli_cmd import_decisions = {
	"decisions", "the office's choices of village for rows under review",
	"usage: jangkau import decisions FILE [--layer NAME] [--replace] [--strict]\n\n"
	"Decisions: a review file of 'jangkau geocode --review' with\n"
	"kode_desa_pilihan filled in (XLSX, ODS or CSV, also as Excel or\n"
	"LibreOffice saved it). Each filled row becomes the office's choice of\n"
	"village for its source row (jenis_baris, berkas, lembar, baris), kept\n"
	"across re-imports of the same book and applied by every later\n"
	"'jangkau geocode'; a row left empty changes nothing. Rejected, as\n"
	"FILE:ROW: field: reason: a code that is not a village of the store, a\n"
	"source row not in the store or changed since the review file was written.\n\n"
	"  --layer NAME   sheet or layer to read (default: the first)\n"
	"  --replace      forget every earlier decision first, so that the file is\n"
	"                 the whole list (empty it to clear them all)\n"
	"  --strict       abort with nothing written if any row is rejected\n"
	COMMON_HELP,
	CLI_STORE, sizeof(struct decisions_args), decisions_parse, decisions_run, NULL, "import"};

static int decisions_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct decisions_args *a = args;
	const char *pos[1] = {NULL};
	const struct cli_opt opts[] = {
		{"--layer", &a->o.layer, NULL}, {"--replace", NULL, &a->o.replace},
		{"--strict", NULL, &a->o.strict}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &import_decisions, argc, argv, opts, pos, 1, 1);

	a->path = pos[0];
	return rc;
}

static int decisions_run(struct cli *cli, jk_store *st, void *args)
{
	struct decisions_args *a = args;
	jk_decisions_stats s;
	int rc = jk_import_decisions(cli->ctx, st, a->path, &a->o, &s);

	if (rc)
		return rc;
	cli->rejected += s.rejected;
	cli_say(cli,
		"decisions %s: %ld rows read, %ld new decisions, %ld changed, "
		"%ld unchanged, %ld without a choice, %ld rejected",
		a->path, s.read, s.recorded, s.changed, s.unchanged, s.undecided,
		s.rejected);
	if (a->o.replace)
		cli_say(cli, "; %ld earlier decisions forgotten", s.cleared);
	cli_say(cli, "\n");
	if (s.recorded + s.changed)
		cli_say(cli, "  'jangkau geocode' applies them\n");
	return JK_OK;
}

/* --------------------------------------------------------------- group */

static const struct cli_cmd *const import_verbs[] = {
	&import_boundaries, &import_sites, &import_clients, &import_roads,
	&import_decisions, NULL};

const struct cli_cmd cli_cmd_import = {
	"import", "load boundaries, sites, clients, roads or decisions",
	"usage: jangkau import boundaries FILE [--layer NAME] [--aliases CSV] [--area CODES]\n"
	"                                     [--field-kode F] [--field-nama F]\n"
	"                                     [--field-kecamatan F] [--field-kabupaten F]\n"
	"                                     [--field-provinsi F] [--s-crs CRS]\n"
	"                                     [--strict]\n"
	"       jangkau import sites FILE [--sheet NAME]... [--header-row N]\n"
	"                                 [--layer NAME] [--strict]\n"
	"       jangkau import clients FILE [--sheet NAME]... [--header-row N]\n"
	"                                   [--layer NAME] [--strict]\n"
	"       jangkau import roads FILE [--layer NAME] [--class-field F]\n"
	"                                 [--oneway-field F] [--speed-field F]\n"
	"       jangkau import decisions FILE [--layer NAME] [--replace] [--strict]\n\n"
	"Reads any table or vector file GDAL opens (CSV, XLSX, ODS, GeoPackage,\n"
	"Shapefile, GeoJSON). Boundaries: village polygons with Kemendagri codes,\n"
	"reprojected to EPSG:4326, invalid polygons repaired; the alias CSV\n"
	"(columns kode,alias) adds other names of any unit for geocoding.\n"
	"Sites and clients: columns named as in a Bapas book (nama_lokasi, alamat,\n"
	"desa_kelurahan, kecamatan, kabupaten_kota, koordinat, status, ...; clients:\n"
	"id_klien, alamat_rumah, koordinat_rumah, jenis_pidana, anak, ...) or in\n"
	"English. Every sheet of a workbook is read (XLSX, ODS, XLS; a sheet per\n"
	"kecamatan is fine); in each the header row is found among the first 30\n"
	"rows that are not blank, below titles, blank rows or a logo, and may be\n"
	"two rows with merged cells (\"Koordinat\" over \"Lintang | Bujur\"). A\n"
	"sheet without such a header is skipped with a message naming it. A CSV\n"
	"file may use ',', ';' or tabs, UTF-8 or Windows-1252. Rows are numbered\n"
	"as the spreadsheet program shows them, header included. Each rejected\n"
	"row is reported as FILE[SHEET]:ROW: field: reason (FILE:ROW: for a CSV)\n"
	"and the good rows are imported; re-importing a file adds nothing twice.\n"
	"Roads: an OpenStreetMap extract (.osm.pbf, .osm: highways and ferries,\n"
	"with oneway, maxspeed and ferry duration) or any line layer, replacing the\n"
	"network in the store. Lines are joined where they share a coordinate.\n"
	"The class field defaults to highway, TYPE, REMARK or fclass (BIG RBI:\n"
	"REMARK); one-way to oneway/ONEWAY, speed limit to maxspeed.\n"
	"Decisions: a review file of 'jangkau geocode --review' with\n"
	"kode_desa_pilihan filled in (XLSX, ODS or CSV, also as Excel or\n"
	"LibreOffice saved it). Each filled row becomes the office's choice of\n"
	"village for its source row (jenis_baris, berkas, lembar, baris), kept\n"
	"across re-imports of the same book and applied by every later\n"
	"'jangkau geocode'; a row left empty changes nothing. Rejected, as\n"
	"FILE:ROW: field: reason: a code that is not a village of the store, a\n"
	"source row not in the store or changed since the review file was written.\n\n"
	"  --sheet NAME   sites, clients: read this sheet of a workbook only (may be\n"
	"                 given again for more sheets; default: every sheet)\n"
	"  --header-row N sites, clients: the header is row N as the spreadsheet\n"
	"                 shows it (the top row of a two-row header), in every\n"
	"                 sheet read (default: found in the first 30 rows)\n"
	"  --layer NAME   layer to read (default: 'desa' or the first); for a\n"
	"                 workbook, a sheet as --sheet\n"
	"  --area CODES   import only villages under these codes, the working area\n"
	"                 of the office (e.g. 74.72,74.04,74.13)\n"
	"  --s-crs CRS    the CRS the boundaries are really in, when the file's label\n"
	"                 is wrong (e.g. EPSG:32751 for UTM zone 51S; as ogr2ogr -s_srs)\n"
	"  --strict       abort with nothing written if any row is rejected\n"
	"  --replace      decisions: forget every earlier decision first, so that\n"
	"                 the file is the whole list (empty it to clear them all)\n"
	"  --db PATH      project store (default: jangkau.sqlite)\n"
	"  --quiet        print only errors\n\n"
	"Exit codes: 0 ok, 1 failure, 2 usage, 3 some rows rejected (also the rows\n"
	"of a sheet skipped for want of a header, and rows after a read error).\n",
	CLI_STORE | CLI_GROUP, 0, NULL, NULL, import_verbs, NULL};
