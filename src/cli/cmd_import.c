/*
 * jangkau import boundaries|sites|clients|roads|decisions FILE: load a file
 * into the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Takes every "--sheet NAME" and "--sheet=NAME" out of argv (the option
 * may be given again and again, which cli_parse() does not do) into
 * @p sheets, NULL-terminated, room for argc names. Returns the new argc,
 * or -1 when a --sheet has no value. */
static int take_sheets(int argc, char **argv, const char **sheets)
{
	int i, k = 0, n = 0;

	for (i = 0; i < argc; i++) {
		if (i && !strcmp(argv[i], "--sheet")) {
			if (i + 1 >= argc)
				return -1;
			sheets[n++] = argv[++i];
		} else if (i && !strncmp(argv[i], "--sheet=", 8)) {
			sheets[n++] = argv[i] + 8;
		} else {
			argv[k++] = argv[i];
		}
	}
	sheets[n] = NULL;
	return k;
}

static int import_run(struct cli *cli, int argc, char **argv, const char **sheets)
{
	const char *pos[2] = {NULL, NULL}, *layer = NULL, *aliases = NULL, *area = NULL;
	const char *header_row = NULL;
	const char *fk = NULL, *fn = NULL, *fkec = NULL, *fkab = NULL, *fprov = NULL;
	const char *fclass = NULL, *foneway = NULL, *fspeed = NULL;
	int strict = 0, replace = 0, rc;
	const struct cli_opt opts[] = {
		{"--layer", &layer, NULL}, {"--aliases", &aliases, NULL},
		{"--area", &area, NULL},
		{"--strict", NULL, &strict}, {"--field-kode", &fk, NULL},
		{"--field-nama", &fn, NULL}, {"--field-kecamatan", &fkec, NULL},
		{"--field-kabupaten", &fkab, NULL}, {"--field-provinsi", &fprov, NULL},
		{"--class-field", &fclass, NULL}, {"--oneway-field", &foneway, NULL},
		{"--speed-field", &fspeed, NULL}, {"--header-row", &header_row, NULL},
		{"--replace", NULL, &replace},
		{NULL, NULL, NULL}};
	jk_import_stats stats;
	jk_store *st = NULL;
	long hrow = 0;
	char *end;

	rc = cli_parse(cli, &cli_cmd_import, argc, argv, opts, pos, 2, 2);
	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (strcmp(pos[0], "boundaries") && strcmp(pos[0], "sites") &&
	    strcmp(pos[0], "clients") && strcmp(pos[0], "roads") &&
	    strcmp(pos[0], "decisions"))
		return cli_usage(&cli_cmd_import,
				 "'%s' is not boundaries, sites, clients, roads or decisions", pos[0]);
	if (strcmp(pos[0], "decisions") && replace)
		return cli_usage(&cli_cmd_import, "--replace applies to 'import decisions' only");
	if ((sheets[0] || header_row) && strcmp(pos[0], "sites") && strcmp(pos[0], "clients"))
		return cli_usage(&cli_cmd_import,
				 "--sheet and --header-row apply to 'import sites' and 'import clients' only");
	if (header_row) {
		hrow = strtol(header_row, &end, 10);
		if (end == header_row || *end || hrow < 1)
			return cli_usage(&cli_cmd_import,
					 "--header-row: '%s' is not a row number (1 is the first row)",
					 header_row);
	}
	if (strcmp(pos[0], "roads") && (fclass || foneway || fspeed))
		return cli_usage(&cli_cmd_import,
				 "--class-field, --oneway-field and --speed-field apply to 'import roads' only");
	if (!strcmp(pos[0], "roads")) {
		if (strict)
			return cli_usage(&cli_cmd_import, "--strict does not apply to 'import roads'");
		return cli_import_roads(cli, pos[1], layer, fclass, foneway, fspeed);
	}
	if (strcmp(pos[0], "boundaries") && (aliases || area || fk || fn || fkec || fkab || fprov))
		return cli_usage(&cli_cmd_import,
				 "--aliases, --area and --field-* apply to 'import boundaries' only");
	if (!strcmp(pos[0], "decisions"))
		return cli_import_decisions(cli, pos[1], layer, replace, strict);
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	if (!strcmp(pos[0], "boundaries")) {
		jk_boundary_opts bo;

		memset(&bo, 0, sizeof bo);
		bo.layer = layer;
		bo.aliases = aliases;
		bo.area = area;
		bo.strict = strict;
		bo.f_kode = fk;
		bo.f_nama = fn;
		bo.f_kecamatan = fkec;
		bo.f_kabupaten = fkab;
		bo.f_provinsi = fprov;
		rc = jk_import_boundaries(cli->ctx, st, pos[1], &bo, &stats);
	} else {
		jk_table_opts to = {.layer = layer, .strict = strict, .sheets = sheets,
				    .header_row = hrow};

		rc = !strcmp(pos[0], "sites")
			     ? jk_import_sites(cli->ctx, st, pos[1], &to, &stats)
			     : jk_import_clients(cli->ctx, st, pos[1], &to, &stats);
	}
	if (rc) {
		rc = cli_fail(cli, rc);
	} else {
		cli_print_import(cli, pos[0], pos[1], &stats);
		rc = cli_exit_code(cli);
	}
	jk_store_close(st);
	return rc;
}

static int cmd_import(struct cli *cli, int argc, char **argv)
{
	const char **sheets = calloc((size_t)argc + 1, sizeof *sheets);
	int rc;

	if (!sheets) {
		cli_err("out of memory");
		return EXIT_FAIL;
	}
	argc = take_sheets(argc, argv, sheets);
	rc = argc < 0 ? cli_usage(&cli_cmd_import, "option '--sheet' needs a value")
		      : import_run(cli, argc, argv, sheets);
	free(sheets);
	return rc;
}

const struct cli_cmd cli_cmd_import = {
	"import", cmd_import, "load boundaries, sites, clients, roads or decisions",
	"usage: jangkau import boundaries FILE [--layer NAME] [--aliases CSV] [--area CODES]\n"
	"                                     [--field-kode F] [--field-nama F]\n"
	"                                     [--field-kecamatan F] [--field-kabupaten F]\n"
	"                                     [--field-provinsi F] [--strict]\n"
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
	"  --strict       abort with nothing written if any row is rejected\n"
	"  --replace      decisions: forget every earlier decision first, so that\n"
	"                 the file is the whole list (empty it to clear them all)\n"
	"  --db PATH      project store (default: jangkau.sqlite)\n"
	"  --quiet        print only errors\n\n"
	"Exit codes: 0 ok, 1 failure, 2 usage, 3 some rows rejected (also the rows\n"
	"of a sheet skipped for want of a header, and rows after a read error).\n"};

int cli_import_roads(struct cli *cli, const char *path, const char *layer,
		     const char *fclass, const char *foneway, const char *fspeed)
{
	jk_roads_opts ro = {layer, fclass, foneway, fspeed};
	jk_roads_stats s;
	jk_store *st = NULL;
	int rc;

	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_import_roads(cli->ctx, st, path, &ro, &s);
	if (rc) {
		rc = cli_fail(cli, rc);
	} else {
		cli->rejected += s.rejected;
		cli_print_roads(cli, path, &s);
		rc = cli_exit_code(cli);
	}
	jk_store_close(st);
	return rc;
}

int cli_import_decisions(struct cli *cli, const char *path, const char *layer,
			 int replace, int strict)
{
	jk_decisions_opts o = {layer, replace, strict};
	jk_decisions_stats s;
	jk_store *st = NULL;
	int rc;

	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_import_decisions(cli->ctx, st, path, &o, &s);
	if (rc) {
		rc = cli_fail(cli, rc);
	} else {
		cli->rejected += s.rejected;
		cli_say(cli,
			"decisions %s: %ld rows read, %ld new decisions, %ld changed, "
			"%ld unchanged, %ld without a choice, %ld rejected",
			path, s.read, s.recorded, s.changed, s.unchanged, s.undecided,
			s.rejected);
		if (replace)
			cli_say(cli, "; %ld earlier decisions forgotten", s.cleared);
		cli_say(cli, "\n");
		if (s.recorded + s.changed)
			cli_say(cli, "  'jangkau geocode' applies them\n");
		rc = cli_exit_code(cli);
	}
	jk_store_close(st);
	return rc;
}
