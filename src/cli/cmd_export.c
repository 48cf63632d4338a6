/* SPDX-License-Identifier: MIT */
/*
 * jangkau export: write the GIS layers.
 */
#include <string.h>

#include "cli.h"

struct export_args {
	jk_export_opts eo;
	const char *out;
};

static int export_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct export_args *a = args;
	const char *formats = NULL, *ids = NULL;
	const struct cli_opt opts[] = {
		{"--out", &a->out, NULL}, {"--format", &formats, NULL},
		{"--exact-client-locations", NULL, &a->eo.exact_client_locations},
		{"--client-ids", &ids, NULL},
		{"--include-juvenile-flag", NULL, &a->eo.include_juvenile_flag},
		{NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_export, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	if (!a->out)
		return cli_usage(&cli_cmd_export, "--out DIR is required");
	if (formats && cli_parse_formats(formats, &a->eo.formats))
		return cli_usage(&cli_cmd_export,
				 "--format: '%s' is not a list of geojson, shp, gpkg", formats);
	if (ids && cli_parse_client_ids(ids, &a->eo.client_ids))
		return cli_usage(&cli_cmd_export, "--client-ids: '%s' is not pseudonym or office",
				 ids);
	return 0;
}

static int export_run(struct cli *cli, jk_store *st, void *args)
{
	struct export_args *a = args;
	int rc = jk_export_write(cli->ctx, st, a->out, &a->eo);

	if (!rc)
		cli_say(cli, "layers written to %s\n", a->out);
	return rc;
}

const struct cli_cmd cli_cmd_export = {
	"export", "write GeoJSON, Shapefile and GeoPackage layers",
	"usage: jangkau export --out DIR [--format geojson,shp,gpkg]\n"
	"                      [--exact-client-locations] [--client-ids pseudonym|office]\n"
	"                      [--include-juvenile-flag] [--db PATH] [--quiet]\n\n"
	"Writes the layers desa_coverage, kecamatan_summary, sites, gaps, clients\n"
	"and client_links: one GeoJSON (RFC 7946) and one Shapefile per layer, and\n"
	"jangkau.gpkg with all of them. Field names are the same in every format\n"
	"(see docs/layers.md).\n\n"
	"Clients are personal data (docs/privacy.md): by default a client is drawn\n"
	"at the point of its home village, with distances from that point, under a\n"
	"pseudonym (K-XXXXXXXXXX, the same in every export of this store) and\n"
	"without the juvenile flag; the files holding clients are mode 0600.\n\n"
	"  --format LIST               formats to write (default: all three)\n"
	"  --exact-client-locations    draw clients at their home coordinate, with\n"
	"                              distances from the home\n"
	"  --client-ids office         the office's own client ids instead of\n"
	"                              pseudonyms\n"
	"  --include-juvenile-flag     fill the field anak (1 child, 0 adult);\n"
	"                              otherwise it is empty\n",
	CLI_STORE, sizeof(struct export_args), export_parse, export_run, NULL, NULL};
