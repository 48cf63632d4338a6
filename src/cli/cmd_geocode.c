/*
 * jangkau geocode: give every site and client a village and a point, and
 * with --review FILE write the rows a person must decide.
 */
#include "cli.h"

static int cmd_geocode(struct cli *cli, int argc, char **argv)
{
	const char *review = NULL, *near = NULL;
	int with_decided = 0;
	const struct cli_opt opts[] = {
		{"--review", &review, NULL}, {"--include-decided", NULL, &with_decided},
		{"--near-m", &near, NULL}, {NULL, NULL, NULL}};
	jk_geocode_stats stats;
	jk_geocode_opts go = {JK_GEOCODE_NEAR_M};
	jk_review_stats rs;
	jk_store *st = NULL;
	int rc = cli_parse(cli, &cli_cmd_geocode, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (near && (cli_parse_m(near, &go.near_m) || go.near_m > 5000))
		return cli_usage(&cli_cmd_geocode, "--near-m: '%s' is not a distance of 0 to 5000 m",
				 near);
	if (with_decided && !review)
		return cli_usage(&cli_cmd_geocode, "--include-decided needs --review FILE");
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_geocode(cli->ctx, st, &go, &stats);
	if (rc) {
		rc = cli_fail(cli, rc);
		goto done;
	}
	cli_print_geocode(cli, &stats);
	if (review) {
		jk_review_opts ro = {0, with_decided};

		rc = jk_geocode_review(cli->ctx, st, review, &ro, &rs);
		if (rc) {
			rc = cli_fail(cli, rc);
			goto done;
		}
		cli_say(cli,
			"review %s: %ld rows to decide (%ld sites, %ld clients): %ld ambiguous, "
			"%ld none, %ld district, %ld regency, %ld coordinate mismatch, "
			"%ld low score, %ld with a decision that no longer fits",
			review, rs.rows - rs.decided, rs.sites, rs.clients, rs.ambiguous, rs.none,
			rs.district, rs.regency, rs.mismatch, rs.low_score, rs.stale);
		if (with_decided)
			cli_say(cli, "; %ld decided rows listed", rs.decided);
		cli_say(cli, "\n");
	}
done:
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_geocode = {
	"geocode", cmd_geocode, "place every site and client in a village",
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
	"  --quiet            print only errors\n"};
