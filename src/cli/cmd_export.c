/*
 * jangkau export: write the GIS layers.
 */
#include "cli.h"

static int cmd_export(struct cli *cli, int argc, char **argv)
{
	const char *out = NULL, *formats = NULL;
	int exact = 0;
	const struct cli_opt opts[] = {
		{"--out", &out, NULL}, {"--format", &formats, NULL},
		{"--exact-client-locations", NULL, &exact}, {NULL, NULL, NULL}};
	jk_export_opts eo = {0, 0};
	jk_store *st = NULL;
	int rc = cli_parse(cli, &cli_cmd_export, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (!out)
		return cli_usage(&cli_cmd_export, "--out DIR is required");
	if (formats && cli_parse_formats(formats, &eo.formats))
		return cli_usage(&cli_cmd_export,
				 "--format: '%s' is not a list of geojson, shp, gpkg", formats);
	eo.exact_client_locations = exact;
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_export(cli->ctx, st, out, &eo);
	if (rc)
		rc = cli_fail(cli, rc);
	else
		cli_say(cli, "layers written to %s\n", out);
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_export = {
	"export", cmd_export, "write GeoJSON, Shapefile and GeoPackage layers",
	"usage: jangkau export --out DIR [--format geojson,shp,gpkg]\n"
	"                      [--exact-client-locations] [--db PATH] [--quiet]\n\n"
	"Writes the layers desa_coverage, kecamatan_summary, sites, gaps, clients\n"
	"and client_links: one GeoJSON (RFC 7946) and one Shapefile per layer, and\n"
	"jangkau.gpkg with all of them. Field names are the same in every format\n"
	"(see docs/layers.md).\n\n"
	"Clients are personal data: by default a client is drawn at the point of\n"
	"its home village and carries only its pseudonymous id.\n\n"
	"  --format LIST               formats to write (default: all three)\n"
	"  --exact-client-locations    draw clients at their home coordinate\n"};
