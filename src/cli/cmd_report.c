/*
 * jangkau report: write the gap report for managers.
 */
#include <string.h>

#include "cli.h"

static int cmd_report(struct cli *cli, int argc, char **argv)
{
	const char *out = NULL, *lang = "id", *maps = "all";
	const struct cli_opt opts[] = {
		{"--out", &out, NULL}, {"--lang", &lang, NULL},
		{"--maps", &maps, NULL}, {NULL, NULL, NULL}};
	jk_report_opts ro;
	jk_store *st = NULL;
	int rc = cli_parse(cli, &cli_cmd_report, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (!out)
		return cli_usage(&cli_cmd_report, "--out DIR is required");
	if (strcmp(lang, "id") && strcmp(lang, "en"))
		return cli_usage(&cli_cmd_report, "--lang: '%s' is not id or en", lang);
	memset(&ro, 0, sizeof ro);
	if (cli_parse_maps(maps, &ro.maps))
		return cli_usage(&cli_cmd_report,
				 "--maps: '%s' is not all, kabupaten or none", maps);
	ro.lang = lang;
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_report(cli->ctx, st, out, &ro);
	if (rc)
		rc = cli_fail(cli, rc);
	else
		cli_say(cli, "gap report written to %s/gap_report.html\n", out);
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_report = {
	"report", cmd_report, "write the gap report (HTML and CSV)",
	"usage: jangkau report --out DIR [--lang id|en] [--maps all|kabupaten|none]\n"
	"                      [--db PATH] [--quiet]\n\n"
	"Writes gap_report.html (one self-contained file, readable on a phone) and\n"
	"CSV tables: the summary per kabupaten/kota and kecamatan, the villages\n"
	"with status gap or pending (most clients first), and the sites needing\n"
	"attention. Indonesian by default. The page embeds the coverage map of\n"
	"each kabupaten/kota and, folded, of each kecamatan with villages in\n"
	"need (pending or gap); --maps kabupaten keeps the regency maps only,\n"
	"--maps none leaves the maps out.\n"};
