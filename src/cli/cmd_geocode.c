/* SPDX-License-Identifier: MIT */
/*
 * jangkau geocode: give every site and client a village and a point, and
 * with --review FILE write the rows a person must decide.
 */
#include "cli.h"

struct geocode_args {
	jk_geocode_opts go;
	const char *review;
	int with_decided;
};

static int geocode_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct geocode_args *a = args;
	const char *near = NULL;
	const struct cli_opt opts[] = {
		{"--review", &a->review, NULL}, {"--include-decided", NULL, &a->with_decided},
		{"--near-m", &near, NULL}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_geocode, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	a->go.near_m = JK_GEOCODE_NEAR_M;
	if (near && (cli_parse_m(near, &a->go.near_m) || a->go.near_m > 5000))
		return cli_usage(&cli_cmd_geocode, "--near-m: '%s' is not a distance of 0 to 5000 m",
				 near);
	if (a->with_decided && !a->review)
		return cli_usage(&cli_cmd_geocode, "--include-decided needs --review FILE");
	return 0;
}

static int geocode_run(struct cli *cli, jk_store *st, void *args)
{
	struct geocode_args *a = args;
	jk_geocode_stats stats;
	jk_review_opts ro = {0, a->with_decided};
	jk_review_stats rs;
	int rc = jk_geocode_run(cli->ctx, st, &a->go, &stats);

	if (rc)
		return rc;
	cli_print_geocode(cli, &stats);
	if (!a->review)
		return JK_OK;
	rc = jk_geocode_review(cli->ctx, st, a->review, &ro, &rs);
	if (rc)
		return rc;
	cli_say(cli,
		"review %s: %ld rows to decide (%ld sites, %ld clients): %ld ambiguous, "
		"%ld none, %ld district, %ld regency, %ld coordinate mismatch, "
		"%ld low score, %ld with a decision that no longer fits",
		a->review, rs.rows - rs.decided, rs.sites, rs.clients, rs.ambiguous, rs.none,
		rs.district, rs.regency, rs.mismatch, rs.low_score, rs.stale);
	if (a->with_decided)
		cli_say(cli, "; %ld decided rows listed", rs.decided);
	cli_say(cli, "\n");
	return JK_OK;
}

const struct cli_cmd cli_cmd_geocode = {
	"geocode", "place every site and client in a village",
	"usage: jangkau geocode [--review FILE.xlsx|FILE.csv [--include-decided]]\n"
	"                       [--near-m M] [--db PATH] [--quiet]\n\n"
	"Matches every address to the gazetteer built from the imported\n"
	"boundaries and checks every given coordinate against it. Each site and\n"
	"client gets a village code, a point, a precision (coordinate, village,\n"
	"district, regency, ambiguous, none), a score and a reason. Coordinates\n"
	"that disagree with the address, or lie outside every village, are\n"
	"flagged; a coordinate at most M metres outside the village the address\n"
	"names is kept as its point.\n\n"
	"Rows the office decided ('jangkau import decisions') get the chosen\n"
	"village: precision village at its point on surface, or precision\n"
	"coordinate when the given coordinate lies inside the chosen village;\n"
	"score 1 and the note 'decided by the office on DATE'. A decision whose\n"
	"row changed or is gone is reported as a warning and not applied.\n\n"
	"  --review FILE      then write the rows a person must decide: precision\n"
	"                     ambiguous, none, district or regency; a coordinate in\n"
	"                     another village than the address; a village match\n"
	"                     scoring below 0.75; a decision whose row changed.\n"
	"                     .xlsx: one sheet, text cells (recommended); .csv:\n"
	"                     UTF-8 with BOM, ';'-separated, for Excel with\n"
	"                     Indonesian settings. Created readable by its owner\n"
	"                     only: it holds client ids. Fill in kode_desa_pilihan\n"
	"                     (a code from the kandidat columns; a copied candidate\n"
	"                     cell works too) and 'jangkau import decisions FILE'\n"
	"  --include-decided  list the decided rows too, their choice filled in: the\n"
	"                     file is the whole list of decisions, to edit and\n"
	"                     import again with --replace\n"
	"  --near-m M         tolerance for a coordinate just outside the named\n"
	"                     village (default 300; 0 turns it off)\n"
	"  --db PATH          project store (default: jangkau.sqlite)\n"
	"  --quiet            print only errors\n",
	CLI_STORE, sizeof(struct geocode_args), geocode_parse, geocode_run, NULL, NULL};
