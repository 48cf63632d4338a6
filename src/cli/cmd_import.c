/*
 * jangkau import boundaries|sites|clients FILE: load a file into the store.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int cmd_import(struct cli *cli, int argc, char **argv)
{
	const char *pos[2] = {NULL, NULL}, *layer = NULL, *aliases = NULL, *area = NULL;
	const char *fk = NULL, *fn = NULL, *fkec = NULL, *fkab = NULL, *fprov = NULL;
	const char *fclass = NULL, *foneway = NULL, *fspeed = NULL, *s_crs = NULL;
	int strict = 0, rc;
	const struct cli_opt opts[] = {
		{"--layer", &layer, NULL}, {"--aliases", &aliases, NULL},
		{"--area", &area, NULL},
		{"--strict", NULL, &strict}, {"--field-kode", &fk, NULL},
		{"--field-nama", &fn, NULL}, {"--field-kecamatan", &fkec, NULL},
		{"--field-kabupaten", &fkab, NULL}, {"--field-provinsi", &fprov, NULL},
		{"--class-field", &fclass, NULL}, {"--oneway-field", &foneway, NULL},
		{"--speed-field", &fspeed, NULL}, {"--s-crs", &s_crs, NULL},
		{NULL, NULL, NULL}};
	jk_import_stats stats;
	jk_store *st = NULL;

	rc = cli_parse(cli, &cli_cmd_import, argc, argv, opts, pos, 2, 2);
	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (strcmp(pos[0], "boundaries") && strcmp(pos[0], "sites") &&
	    strcmp(pos[0], "clients") && strcmp(pos[0], "roads"))
		return cli_usage(&cli_cmd_import,
				 "'%s' is not boundaries, sites, clients or roads", pos[0]);
	if (strcmp(pos[0], "roads") && (fclass || foneway || fspeed))
		return cli_usage(&cli_cmd_import,
				 "--class-field, --oneway-field and --speed-field apply to 'import roads' only");
	if (!strcmp(pos[0], "roads")) {
		if (strict)
			return cli_usage(&cli_cmd_import, "--strict does not apply to 'import roads'");
		return cli_import_roads(cli, pos[1], layer, fclass, foneway, fspeed);
	}
	if (strcmp(pos[0], "boundaries") &&
	    (aliases || area || fk || fn || fkec || fkab || fprov || s_crs))
		return cli_usage(&cli_cmd_import,
				 "--aliases, --area, --s-crs and --field-* apply to 'import boundaries' only");
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
		bo.s_crs = s_crs;
		rc = jk_import_boundaries(cli->ctx, st, pos[1], &bo, &stats);
	} else {
		jk_table_opts to = {layer, strict};

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

const struct cli_cmd cli_cmd_import = {
	"import", cmd_import, "load boundaries, sites or clients into the store",
	"usage: jangkau import boundaries FILE [--layer NAME] [--aliases CSV] [--area CODES]\n"
	"                                     [--field-kode F] [--field-nama F]\n"
	"                                     [--field-kecamatan F] [--field-kabupaten F]\n"
	"                                     [--field-provinsi F] [--s-crs CRS]\n"
	"                                     [--strict]\n"
	"       jangkau import sites FILE [--layer NAME] [--strict]\n"
	"       jangkau import clients FILE [--layer NAME] [--strict]\n"
	"       jangkau import roads FILE [--layer NAME] [--class-field F]\n"
	"                                 [--oneway-field F] [--speed-field F]\n\n"
	"Reads any table or vector file GDAL opens (CSV, XLSX, ODS, GeoPackage,\n"
	"Shapefile, GeoJSON). Boundaries: village polygons with Kemendagri codes,\n"
	"reprojected to EPSG:4326, invalid polygons repaired; the alias CSV\n"
	"(columns kode,alias) adds other names of any unit for geocoding.\n"
	"Sites and clients: columns named as in a Bapas book (nama_lokasi, alamat,\n"
	"desa_kelurahan, kecamatan, kabupaten_kota, koordinat, status, ...; clients:\n"
	"id_klien, alamat_rumah, koordinat_rumah, jenis_pidana, anak, ...) or in\n"
	"English. Each rejected row is reported as FILE:ROW: field: reason and the\n"
	"good rows are imported; re-importing a file adds nothing twice.\n"
	"Roads: an OpenStreetMap extract (.osm.pbf, .osm: highways and ferries,\n"
	"with oneway, maxspeed and ferry duration) or any line layer, replacing the\n"
	"network in the store. Lines are joined where they share a coordinate.\n"
	"The class field defaults to highway, TYPE, REMARK or fclass (BIG RBI:\n"
	"REMARK); one-way to oneway/ONEWAY, speed limit to maxspeed.\n\n"
	"  --layer NAME   layer or sheet to read (default: 'desa' or the first)\n"
	"  --area CODES   import only villages under these codes, the working area\n"
	"                 of the office (e.g. 74.72,74.04,74.13)\n"
	"  --s-crs CRS    the CRS the boundaries are really in, when the file's label\n"
	"                 is wrong (e.g. EPSG:32751 for UTM zone 51S; as ogr2ogr -s_srs)\n"
	"  --strict       abort with nothing written if any row is rejected\n"
	"  --db PATH      project store (default: jangkau.sqlite)\n"
	"  --quiet        print only errors\n\n"
	"Exit codes: 0 ok, 1 failure, 2 usage, 3 some rows rejected.\n"};

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
