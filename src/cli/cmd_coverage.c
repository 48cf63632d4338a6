/*
 * jangkau coverage: coverage status per village and client distances,
 * by straight line or by road.
 */
#include <string.h>

#include "cli.h"

static int cmd_coverage(struct cli *cli, int argc, char **argv)
{
	const char *radius = NULL, *by = NULL, *minutes = NULL, *profile = NULL;
	const char *optimize = NULL, *snap = NULL, *path = NULL;
	int ignore_oneway = 0;
	const struct cli_opt opts[] = {
		{"--radius-km", &radius, NULL}, {"--by", &by, NULL},
		{"--max-minutes", &minutes, NULL}, {"--profile", &profile, NULL},
		{"--optimize", &optimize, NULL}, {"--max-snap-m", &snap, NULL},
		{"--ignore-oneway", NULL, &ignore_oneway}, {NULL, NULL, NULL}};
	jk_coverage_opts co = {0};
	jk_coverage_stats stats;
	jk_store *st = NULL;
	char pbuf[4096];
	int rc = cli_parse(cli, &cli_cmd_coverage, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (radius && cli_parse_km(radius, &co.radius_km))
		return cli_usage(&cli_cmd_coverage, "--radius-km: '%s' is not a positive number",
				 radius);
	if (by && strcmp(by, "road") && strcmp(by, "straight"))
		return cli_usage(&cli_cmd_coverage, "--by: '%s' is not road or straight", by);
	co.by_road = by && !strcmp(by, "road");
	if (!co.by_road && (minutes || profile || optimize || snap || ignore_oneway))
		return cli_usage(&cli_cmd_coverage,
				 "--max-minutes, --profile, --optimize, --max-snap-m and "
				 "--ignore-oneway need --by road");
	if (minutes && cli_parse_km(minutes, &co.max_minutes))
		return cli_usage(&cli_cmd_coverage, "--max-minutes: '%s' is not a positive number",
				 minutes);
	if (snap && cli_parse_km(snap, &co.road.max_snap_m))
		return cli_usage(&cli_cmd_coverage, "--max-snap-m: '%s' is not a positive number",
				 snap);
	if (optimize && strcmp(optimize, "time") && strcmp(optimize, "distance"))
		return cli_usage(&cli_cmd_coverage, "--optimize: '%s' is not time or distance",
				 optimize);
	if (co.by_road) {
		path = cli_profile_path(profile ? profile : "motorcycle", pbuf, sizeof pbuf);
		if (!path)
			return cli_usage(&cli_cmd_coverage,
					 "--profile: no profile '%s' (motorcycle, car, walk, or a CSV file)",
					 profile);
		co.road.profile = path;
		co.road.optimize_distance = optimize && !strcmp(optimize, "distance");
		co.road.ignore_oneway = ignore_oneway;
	}
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_coverage_run(cli->ctx, st, &co, &stats);
	if (rc) {
		rc = cli_fail(cli, rc);
	} else if (co.by_road) {
		cli_print_coverage_road(cli, &co, profile, &stats);
	} else {
		cli_print_coverage(cli, &stats, co.radius_km);
	}
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_coverage = {
	"coverage", cmd_coverage, "coverage per village and client distances",
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
	"  --max-snap-m M     farthest a point may be from a road (default 1000)\n"};
