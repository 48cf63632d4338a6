/* SPDX-License-Identifier: MIT */
/*
 * jangkau coverage: coverage status per village and client distances,
 * by straight line or by road.
 */
#include <string.h>

#include "cli.h"

struct coverage_args {
	jk_coverage_opts co;
	const char *profile; /* as the user named it */
	char pbuf[4096];
};

static int coverage_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct coverage_args *a = args;
	jk_coverage_opts *co = &a->co;
	const char *radius = NULL, *by = NULL, *minutes = NULL;
	const char *optimize = NULL, *snap = NULL;
	int ignore_oneway = 0;
	const struct cli_opt opts[] = {
		{"--radius-km", &radius, NULL}, {"--by", &by, NULL},
		{"--max-minutes", &minutes, NULL}, {"--profile", &a->profile, NULL},
		{"--optimize", &optimize, NULL}, {"--max-snap-m", &snap, NULL},
		{"--ignore-oneway", NULL, &ignore_oneway}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_coverage, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	if (radius && cli_parse_km(radius, &co->radius_km))
		return cli_usage(&cli_cmd_coverage, "--radius-km: '%s' is not a positive number",
				 radius);
	if (by && strcmp(by, "road") && strcmp(by, "straight"))
		return cli_usage(&cli_cmd_coverage, "--by: '%s' is not road or straight", by);
	co->by_road = by && !strcmp(by, "road");
	if (!co->by_road && (minutes || a->profile || optimize || snap || ignore_oneway))
		return cli_usage(&cli_cmd_coverage,
				 "--max-minutes, --profile, --optimize, --max-snap-m and "
				 "--ignore-oneway need --by road");
	if (minutes && cli_parse_km(minutes, &co->max_minutes))
		return cli_usage(&cli_cmd_coverage, "--max-minutes: '%s' is not a positive number",
				 minutes);
	if (!co->by_road)
		return 0;
	return cli_parse_road(&cli_cmd_coverage, a->profile ? a->profile : "motorcycle",
			      optimize, snap, ignore_oneway, &co->road, a->pbuf,
			      sizeof a->pbuf);
}

static int coverage_run(struct cli *cli, jk_store *st, void *args)
{
	struct coverage_args *a = args;
	jk_coverage_stats stats;
	int rc = jk_coverage_run(cli->ctx, st, &a->co, &stats);

	if (rc)
		return rc;
	if (a->co.by_road)
		cli_print_coverage_road(cli, &a->co, a->profile, &stats);
	else
		cli_print_coverage(cli, &stats, a->co.radius_km);
	return JK_OK;
}

const struct cli_cmd cli_cmd_coverage = {
	"coverage", "coverage per village and client distances",
	"usage: jangkau coverage [--radius-km KM] [--db PATH] [--quiet]\n"
	"       jangkau coverage --by road [--max-minutes MIN] [--radius-km KM]\n"
	"                        [--profile NAME] [--optimize time|distance]\n"
	"                        [--ignore-oneway] [--max-snap-m M]\n\n"
	"For every village: ready and not-ready sites inside, ready capacity,\n"
	"active clients living there, the nearest ready site and its geodesic\n"
	"distance (WGS84) from the village point, and a status: covered (a ready\n"
	"site inside), reachable (one within the radius), pending (a not-ready\n"
	"site inside) or gap. The same for child-suitable sites. Every active\n"
	"client gets the nearest suitable ready site (children: child-suitable).\n\n"
	"By road (after 'jangkau import roads'), distances and travel times are\n"
	"measured along the roads the profile may use, from the nearest point of\n"
	"the nearest road (the walk there counts), ferries included; 'reachable'\n"
	"means within the travel time (default 30 min) and, if given, the road\n"
	"distance. Villages and clients get road_km, road_min and reach: ok,\n"
	"off_network (no road within the snap distance) or unreachable (no ready\n"
	"site on their part of the network, e.g. an island without a ferry).\n\n"
	"  --radius-km KM     reach radius (default 5; by road: road km, no default)\n"
	"  --by road          travel on the road network instead of straight lines\n"
	"  --max-minutes MIN  by road: reach within this travel time (default 30)\n"
	"  --profile NAME     motorcycle (default), car, walk, or a profile CSV\n"
	"  --optimize WHAT    time (default: fastest path) or distance (shortest)\n"
	"  --ignore-oneway    treat one-way streets as two-way\n"
	"  --max-snap-m M     farthest a point may be from a road (default 1000)\n",
	CLI_STORE, sizeof(struct coverage_args), coverage_parse, coverage_run, NULL, NULL};
