/*
 * jangkau coverage: coverage status per village and client distances.
 */
#include "cli.h"

static int cmd_coverage(struct cli *cli, int argc, char **argv)
{
	const char *radius = NULL;
	const struct cli_opt opts[] = {{"--radius-km", &radius, NULL}, {NULL, NULL, NULL}};
	jk_coverage_opts co = {0};
	jk_coverage_stats stats;
	jk_store *st = NULL;
	int rc = cli_parse(cli, &cli_cmd_coverage, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (radius && cli_parse_km(radius, &co.radius_km))
		return cli_usage(&cli_cmd_coverage, "--radius-km: '%s' is not a positive number",
				 radius);
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_coverage_run(cli->ctx, st, &co, &stats);
	if (rc)
		rc = cli_fail(cli, rc);
	else
		cli_print_coverage(cli, &stats, co.radius_km);
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_coverage = {
	"coverage", cmd_coverage, "coverage per village and client distances",
	"usage: jangkau coverage [--radius-km KM] [--db PATH] [--quiet]\n\n"
	"For every village: ready and not-ready sites inside, ready capacity,\n"
	"active clients living there, the nearest ready site and its geodesic\n"
	"distance (WGS84) from the village point, and a status: covered (a ready\n"
	"site inside), reachable (one within the radius), pending (a not-ready\n"
	"site inside) or gap. The same for child-suitable sites. Every active\n"
	"client gets the nearest suitable ready site (children: child-suitable).\n\n"
	"  --radius-km KM   reach radius (default 5)\n"};
