/*
 * jangkau geocode: give every site and client a village and a point.
 */
#include "cli.h"

static int cmd_geocode(struct cli *cli, int argc, char **argv)
{
	jk_geocode_stats stats;
	jk_geocode_opts go = {JK_GEOCODE_NEAR_M};
	jk_store *st = NULL;
	const char *near = NULL;
	const struct cli_opt opts[] = {{"--near-m", &near, NULL}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_geocode, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (near && (cli_parse_m(near, &go.near_m) || go.near_m > 5000))
		return cli_usage(&cli_cmd_geocode, "--near-m: '%s' is not a distance of 0 to 5000 m",
				 near);
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_geocode(cli->ctx, st, &go, &stats);
	if (rc)
		rc = cli_fail(cli, rc);
	else
		cli_print_geocode(cli, &stats);
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_geocode = {
	"geocode", cmd_geocode, "place every site and client in a village",
	"usage: jangkau geocode [--near-m M] [--db PATH] [--quiet]\n\n"
	"Matches every address to the gazetteer built from the imported\n"
	"boundaries and checks every given coordinate against it. Each site and\n"
	"client gets a village code, a point, a precision (coordinate, village,\n"
	"district, regency, ambiguous, none), a score and a reason. Coordinates\n"
	"that disagree with the address, or lie outside every village, are\n"
	"flagged; a coordinate at most M metres outside the village the address\n"
	"names is kept as its point.\n\n"
	"  --near-m M   tolerance for a coordinate just outside the named village\n"
	"               (default 300; 0 turns it off)\n"};
