/* SPDX-License-Identifier: MIT */
/*
 * jangkau run: import, geocode, coverage, export and report in one go.
 */
#include <string.h>

#include "cli.h"

struct run_args {
	struct pipeline p;
	char pbuf[4096];
};

static int run_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct run_args *a = args;
	struct pipeline *p = &a->p;
	const char *radius = NULL, *formats = NULL, *maps = NULL, *by = NULL, *minutes = NULL;
	const char *ids = NULL;
	const struct cli_opt opts[] = {
		{"--boundaries", &p->boundaries, NULL}, {"--aliases", &p->aliases, NULL},
		{"--area", &p->area, NULL}, {"--s-crs", &p->s_crs, NULL},
		{"--sites", &p->sites, NULL}, {"--clients", &p->clients, NULL},
		{"--roads", &p->roads, NULL}, {"--by", &by, NULL},
		{"--max-minutes", &minutes, NULL}, {"--profile", &p->profile, NULL},
		{"--out", &p->out, NULL}, {"--radius-km", &radius, NULL},
		{"--format", &formats, NULL}, {"--lang", &p->lang, NULL},
		{"--maps", &maps, NULL},
		{"--strict", NULL, &p->strict},
		{"--exact-client-locations", NULL, &p->exact_clients},
		{"--client-ids", &ids, NULL},
		{"--include-juvenile-flag", NULL, &p->juvenile_flag},
		{NULL, NULL, NULL}};
	int rc;

	p->out = "out";
	rc = cli_parse(cli, &cli_cmd_run, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (radius && cli_parse_km(radius, &p->radius_km))
		return cli_usage(&cli_cmd_run, "--radius-km: '%s' is not a positive number", radius);
	if (by && strcmp(by, "road") && strcmp(by, "straight"))
		return cli_usage(&cli_cmd_run, "--by: '%s' is not road or straight", by);
	/* roads given: coverage by road unless asked otherwise */
	p->by_road = by ? !strcmp(by, "road") : p->roads != NULL;
	if (!p->by_road && (minutes || p->profile))
		return cli_usage(&cli_cmd_run, "--max-minutes and --profile need --by road");
	if (minutes && cli_parse_km(minutes, &p->max_minutes))
		return cli_usage(&cli_cmd_run, "--max-minutes: '%s' is not a positive number",
				 minutes);
	if (formats && cli_parse_formats(formats, &p->formats))
		return cli_usage(&cli_cmd_run, "--format: '%s' is not a list of geojson, shp, gpkg",
				 formats);
	if (maps && cli_parse_maps(maps, &p->maps))
		return cli_usage(&cli_cmd_run, "--maps: '%s' is not all, kabupaten or none",
				 maps);
	if (ids && cli_parse_client_ids(ids, &p->client_ids))
		return cli_usage(&cli_cmd_run, "--client-ids: '%s' is not pseudonym or office", ids);
	if (p->lang && strcmp(p->lang, "id") && strcmp(p->lang, "en"))
		return cli_usage(&cli_cmd_run, "--lang: '%s' is not id or en", p->lang);
	if (p->by_road) {
		p->profile_path = cli_profile_path(p->profile ? p->profile : "motorcycle",
						   a->pbuf, sizeof a->pbuf);
		if (!p->profile_path)
			return cli_usage(&cli_cmd_run,
					 "--profile: no profile '%s' (motorcycle, car, walk, or a CSV file)",
					 p->profile);
	}
	return 0;
}

static int run_run(struct cli *cli, jk_store *st, void *args)
{
	struct run_args *a = args;

	return cli_pipeline(cli, st, &a->p);
}

const struct cli_cmd cli_cmd_run = {
	"run", "import, geocode, coverage, export and report in one go",
	"usage: jangkau run [--boundaries FILE [--aliases CSV] [--area CODES] [--s-crs CRS]]\n"
	"                   [--sites FILE]\n"
	"                   [--clients FILE] [--roads FILE] [--out DIR] [--radius-km KM]\n"
	"                   [--by road|straight] [--max-minutes MIN] [--profile NAME]\n"
	"                   [--format LIST] [--lang id|en] [--maps all|kabupaten|none]\n"
	"                   [--strict] [--exact-client-locations]\n"
	"                   [--client-ids pseudonym|office] [--include-juvenile-flag]\n"
	"                   [--db PATH] [--quiet]\n\n"
	"Imports what is given (into the store, which may already hold earlier\n"
	"imports), then geocodes, computes coverage and writes the layers and\n"
	"the gap report into DIR (default: out); --maps as for 'jangkau report'.\n\n"
	"  --sites, --clients read every sheet of a workbook, the header row found\n"
	"                     in each (to choose sheets or the header row, use\n"
	"                     'jangkau import sites|clients --sheet/--header-row'\n"
	"                     first and leave them out here)\n"
	"  --roads FILE       import a road network (as 'jangkau import roads')\n"
	"                     and measure coverage by road\n"
	"  --by road|straight coverage on the store's roads or by straight line\n"
	"                     (default: road when --roads is given)\n"
	"  --max-minutes MIN  by road: reach within this travel time (default 30)\n"
	"  --profile NAME     by road: motorcycle (default), car, walk, or a CSV\n"
	"  --radius-km KM     straight line: reach radius (default 5); by road:\n"
	"                     also within this road distance\n"
	"  --exact-client-locations, --client-ids, --include-juvenile-flag\n"
	"                     as for 'jangkau export' (docs/privacy.md)\n",
	CLI_STORE, sizeof(struct run_args), run_parse, run_run, NULL, NULL};
