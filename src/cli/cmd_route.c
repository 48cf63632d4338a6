/* SPDX-License-Identifier: MIT */
/*
 * jangkau route: road distance and travel time between two points on the
 * imported road network. Also the lookup of travel profiles by name,
 * shared with `coverage --by road`.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int parse_point(const char *s, double *lon, double *lat)
{
	char *end;

	errno = 0;
	*lon = strtod(s, &end);
	if (errno || end == s || *end != ',')
		return -1;
	s = end + 1;
	*lat = strtod(s, &end);
	if (errno || end == s || *end)
		return -1;
	return (fabs(*lon) <= 180 && fabs(*lat) <= 90) ? 0 : -1;
}

struct route_args {
	jk_route_opts ro;
	double lon1, lat1, lon2, lat2;
	char pbuf[4096];
};

static int route_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct route_args *a = args;
	const char *from = NULL, *to = NULL, *optimize = NULL, *profile = "motorcycle";
	const char *snap = NULL;
	int ignore_oneway = 0;
	const struct cli_opt opts[] = {
		{"--from", &from, NULL}, {"--to", &to, NULL},
		{"--optimize", &optimize, NULL}, {"--profile", &profile, NULL},
		{"--max-snap-m", &snap, NULL}, {"--ignore-oneway", NULL, &ignore_oneway},
		{NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_route, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	if (!from || !to)
		return cli_usage(&cli_cmd_route, "--from and --to are required");
	if (parse_point(from, &a->lon1, &a->lat1))
		return cli_usage(&cli_cmd_route, "--from: '%s' is not LON,LAT", from);
	if (parse_point(to, &a->lon2, &a->lat2))
		return cli_usage(&cli_cmd_route, "--to: '%s' is not LON,LAT", to);
	return cli_parse_road(&cli_cmd_route, profile, optimize, snap, ignore_oneway,
			      &a->ro, a->pbuf, sizeof a->pbuf);
}

static int route_run(struct cli *cli, jk_store *st, void *args)
{
	struct route_args *a = args;
	jk_route_result res;
	int rc = jk_roads_route(cli->ctx, st, &a->ro, a->lon1, a->lat1, a->lon2, a->lat2, &res);

	if (rc)
		return rc;
	if (res.reach == JK_REACH_OFF_NETWORK) {
		printf("reach=off_network from_snap_m=%.1f to_snap_m=%.1f\n",
		       res.from_snap_m, res.to_snap_m);
		return CLI_REPORTED;
	}
	if (res.reach == JK_REACH_UNREACHABLE) {
		printf("reach=unreachable\n");
		return CLI_REPORTED;
	}
	printf("reach=ok road_km=%.4f road_min=%.2f from_snap_m=%.1f to_snap_m=%.1f\n",
	       res.road_km, res.road_min, res.from_snap_m, res.to_snap_m);
	return JK_OK;
}

const struct cli_cmd cli_cmd_route = {
	"route", "road distance and time between two points",
	"usage: jangkau route --from LON,LAT --to LON,LAT [--profile NAME]\n"
	"                     [--optimize time|distance] [--ignore-oneway]\n"
	"                     [--max-snap-m M] [--db PATH]\n\n"
	"Shortest path on the road network imported with 'jangkau import roads'.\n"
	"Each point joins the network at the nearest point of the nearest road\n"
	"its profile may use; the walk to it counts at the profile's walking\n"
	"speed. Prints reach=ok road_km=.. road_min=.. (the length and time of\n"
	"the chosen path), or reach=off_network / reach=unreachable (exit 1).\n\n"
	"  --profile NAME     motorcycle (default), car, walk, or a profile CSV\n"
	"  --optimize WHAT    time (default) or distance\n"
	"  --ignore-oneway    treat one-way streets as two-way\n"
	"  --max-snap-m M     farthest a point may be from a road (default 1000)\n",
	CLI_STORE, sizeof(struct route_args), route_parse, route_run, NULL, NULL};
