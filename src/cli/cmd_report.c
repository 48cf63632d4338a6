/* SPDX-License-Identifier: MIT */
/*
 * jangkau report: write the gap report for managers.
 */
#include <string.h>

#include "cli.h"

struct report_args {
	jk_report_opts ro;
	const char *out;
};

static int report_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct report_args *a = args;
	const char *lang = "id", *maps = "all";
	const struct cli_opt opts[] = {
		{"--out", &a->out, NULL}, {"--lang", &lang, NULL},
		{"--maps", &maps, NULL}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_report, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	if (!a->out)
		return cli_usage(&cli_cmd_report, "--out DIR is required");
	if (strcmp(lang, "id") && strcmp(lang, "en"))
		return cli_usage(&cli_cmd_report, "--lang: '%s' is not id or en", lang);
	if (cli_parse_maps(maps, &a->ro.maps))
		return cli_usage(&cli_cmd_report,
				 "--maps: '%s' is not all, kabupaten or none", maps);
	a->ro.lang = lang;
	return 0;
}

static int report_run(struct cli *cli, jk_store *st, void *args)
{
	struct report_args *a = args;
	int rc = jk_report_write(cli->ctx, st, a->out, &a->ro);

	if (!rc)
		cli_say(cli, "gap report written to %s/gap_report.html\n", a->out);
	return rc;
}

const struct cli_cmd cli_cmd_report = {
	"report", "write the gap report (HTML and CSV)",
	"usage: jangkau report --out DIR [--lang id|en] [--maps all|kabupaten|none]\n"
	"                      [--db PATH] [--quiet]\n\n"
	"Writes gap_report.html (one self-contained file, readable on a phone) and\n"
	"CSV tables: the summary per kabupaten/kota and kecamatan, the villages\n"
	"with status gap or pending (most clients first), and the sites needing\n"
	"attention. Indonesian by default. The page embeds the coverage map of\n"
	"each kabupaten/kota and, folded, of each kecamatan with villages in\n"
	"need (pending or gap); --maps kabupaten keeps the regency maps only,\n"
	"--maps none leaves the maps out.\n",
	CLI_STORE, sizeof(struct report_args), report_parse, report_run, NULL, NULL};
