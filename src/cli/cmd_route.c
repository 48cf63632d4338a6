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

const char *cli_profile_path(const char *name, char *buf, size_t n)
{
	const char *cands[3];
	size_t len = strlen(name);
	int i;

	if (strchr(name, '/') || (len > 4 && !strcmp(name + len - 4, ".csv"))) {
		snprintf(buf, n, "%s", name);
		return buf;
	}
	cands[0] = getenv("JANGKAU_DATA");
	cands[1] = JK_SOURCE_DATA_DIR;
	cands[2] = JK_INSTALL_DATA_DIR;
	for (i = 0; i < 3; i++) {
		if (!cands[i] || !*cands[i])
			continue;
		snprintf(buf, n, "%s/profiles/%s.csv", cands[i], name);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

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

static int cmd_route(struct cli *cli, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *optimize = NULL, *profile = "motorcycle";
	const char *snap = NULL, *path;
	int ignore_oneway = 0, rc;
	const struct cli_opt opts[] = {
		{"--from", &from, NULL}, {"--to", &to, NULL},
		{"--optimize", &optimize, NULL}, {"--profile", &profile, NULL},
		{"--max-snap-m", &snap, NULL}, {"--ignore-oneway", NULL, &ignore_oneway},
		{NULL, NULL, NULL}};
	jk_route_opts ro;
	jk_route_result res;
	jk_store *st = NULL;
	double lon1, lat1, lon2, lat2;
	char pbuf[4096];

	memset(&ro, 0, sizeof ro);
	rc = cli_parse(cli, &cli_cmd_route, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (!from || !to)
		return cli_usage(&cli_cmd_route, "--from and --to are required");
	if (parse_point(from, &lon1, &lat1))
		return cli_usage(&cli_cmd_route, "--from: '%s' is not LON,LAT", from);
	if (parse_point(to, &lon2, &lat2))
		return cli_usage(&cli_cmd_route, "--to: '%s' is not LON,LAT", to);
	if (optimize && strcmp(optimize, "time") && strcmp(optimize, "distance"))
		return cli_usage(&cli_cmd_route, "--optimize: '%s' is not time or distance",
				 optimize);
	if (snap && cli_parse_km(snap, &ro.max_snap_m))
		return cli_usage(&cli_cmd_route, "--max-snap-m: '%s' is not a positive number",
				 snap);
	path = cli_profile_path(profile, pbuf, sizeof pbuf);
	if (!path)
		return cli_usage(&cli_cmd_route,
				 "--profile: no profile '%s' (motorcycle, car, walk, or a CSV file)",
				 profile);
	ro.profile = path;
	ro.optimize_distance = optimize && !strcmp(optimize, "distance");
	ro.ignore_oneway = ignore_oneway;
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_route(cli->ctx, st, &ro, lon1, lat1, lon2, lat2, &res);
	jk_store_close(st);
	if (rc)
		return cli_fail(cli, rc);
	if (res.reach == JK_REACH_OFF_NETWORK) {
		printf("reach=off_network from_snap_m=%.1f to_snap_m=%.1f\n",
		       res.from_snap_m, res.to_snap_m);
		return EXIT_FAIL;
	}
	if (res.reach == JK_REACH_UNREACHABLE) {
		printf("reach=unreachable\n");
		return EXIT_FAIL;
	}
	printf("reach=ok road_km=%.4f road_min=%.2f from_snap_m=%.1f to_snap_m=%.1f\n",
	       res.road_km, res.road_min, res.from_snap_m, res.to_snap_m);
	return EXIT_OK;
}

const struct cli_cmd cli_cmd_route = {
	"route", cmd_route, "road distance and time between two points",
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
	"  --max-snap-m M     farthest a point may be from a road (default 1000)\n"};
