/*
 * jangkau book: write the printed address book of a regency's sites.
 */
#include <string.h>

#include "cli.h"

static int cmd_book(struct cli *cli, int argc, char **argv)
{
	const char *out = NULL, *kab = NULL, *office = NULL, *date = NULL;
	const struct cli_opt opts[] = {
		{"--out", &out, NULL}, {"--kabupaten", &kab, NULL},
		{"--office", &office, NULL}, {"--date", &date, NULL},
		{NULL, NULL, NULL}};
	jk_book_opts bo;
	jk_store *st = NULL;
	const char *dot;
	int rc = cli_parse(cli, &cli_cmd_book, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (!out || !kab)
		return cli_usage(&cli_cmd_book,
				 "--kabupaten KODE and --out FILE.pdf are required");
	dot = strchr(kab, '.');
	if (!dot || strchr(dot + 1, '.'))
		return cli_usage(&cli_cmd_book,
				 "--kabupaten: '%s' is not a regency code such as 74.72",
				 kab);
	dot = strrchr(out, '.');
	if (!dot || strcmp(dot, ".pdf"))
		return cli_usage(&cli_cmd_book, "--out: '%s' does not end in .pdf",
				 out);
	memset(&bo, 0, sizeof bo);
	bo.kabupaten = kab;
	bo.office = office;
	bo.date = date;
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_book(cli->ctx, st, out, &bo);
	if (rc)
		rc = cli_fail(cli, rc);
	else
		cli_say(cli, "address book written to %s\n", out);
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_book = {
	"book", cmd_book, "write the printed address book of a regency (PDF)",
	"usage: jangkau book --kabupaten KODE --out FILE.pdf [--office NAME]\n"
	"                    [--date YYYY-MM-DD] [--db PATH] [--quiet]\n\n"
	"Writes the address book of work sites (buku alamat lokasi kerja sosial)\n"
	"of one regency/city as an A4 PDF in Indonesian: a cover with the office,\n"
	"the region, the date, the counts and an overview map; a table of\n"
	"contents; then per kecamatan a locator map (villages shaded by status,\n"
	"sites numbered), the table of its sites (number, name, type, address,\n"
	"village, status, capacity, activities, child-suitable, person in\n"
	"charge, phone) and the villages without a ready site. Sites whose\n"
	"village is uncertain are listed last. --office names the office on the\n"
	"cover; --date sets its date (default today). Run 'jangkau coverage'\n"
	"first.\n"};
