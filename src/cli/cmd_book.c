/* SPDX-License-Identifier: MIT */
/*
 * jangkau book: write the printed address book of a regency's sites.
 */
#include <string.h>

#include "cli.h"

struct book_args {
	jk_book_opts bo;
	const char *out;
};

static int book_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct book_args *a = args;
	jk_book_opts *bo = &a->bo;
	const struct cli_opt opts[] = {
		{"--out", &a->out, NULL}, {"--kabupaten", &bo->kabupaten, NULL},
		{"--office", &bo->office, NULL}, {"--date", &bo->date, NULL},
		{NULL, NULL, NULL}};
	const char *dot;
	int rc = cli_parse(cli, &cli_cmd_book, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	if (!a->out || !bo->kabupaten)
		return cli_usage(&cli_cmd_book,
				 "--kabupaten KODE and --out FILE.pdf are required");
	if (jk_kode_level(bo->kabupaten) != 2)
		return cli_usage(&cli_cmd_book,
				 "--kabupaten: '%s' is not a regency code such as 74.72",
				 bo->kabupaten);
	dot = strrchr(a->out, '.');
	if (!dot || strcmp(dot, ".pdf"))
		return cli_usage(&cli_cmd_book, "--out: '%s' does not end in .pdf",
				 a->out);
	return 0;
}

static int book_run(struct cli *cli, jk_store *st, void *args)
{
	struct book_args *a = args;
	int rc = jk_book_write(cli->ctx, st, a->out, &a->bo);

	if (!rc)
		cli_say(cli, "address book written to %s\n", a->out);
	return rc;
}

const struct cli_cmd cli_cmd_book = {
	"book", "write the printed address book of a regency (PDF)",
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
	"first.\n",
	CLI_STORE, sizeof(struct book_args), book_parse, book_run, NULL, NULL};
