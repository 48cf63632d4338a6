/*
 * jangkau map: draw the coverage map of a regency or district.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int cmd_map(struct cli *cli, int argc, char **argv)
{
	const char *out = NULL, *lang = "id", *area = NULL, *kab = NULL,
		   *kec = NULL, *width = NULL, *title = NULL;
	const struct cli_opt opts[] = {
		{"--out", &out, NULL}, {"--lang", &lang, NULL},
		{"--area", &area, NULL}, {"--kabupaten", &kab, NULL},
		{"--kecamatan", &kec, NULL}, {"--width", &width, NULL},
		{"--title", &title, NULL}, {NULL, NULL, NULL}};
	jk_map_opts mo;
	jk_store *st = NULL;
	int rc = cli_parse(cli, &cli_cmd_map, argc, argv, opts, NULL, 0, 0);
	int given = !!area + !!kab + !!kec;

	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (!out)
		return cli_usage(&cli_cmd_map, "--out FILE is required");
	if (given != 1)
		return cli_usage(&cli_cmd_map,
				 "give one of --kabupaten KODE, --kecamatan KODE"
				 " or --area KODE");
	/* the level options check the code's form: 74.72 or 74.72.01 */
	if (kab && (strchr(kab, '.') == NULL || strchr(strchr(kab, '.') + 1, '.')))
		return cli_usage(&cli_cmd_map,
				 "--kabupaten: '%s' is not a regency code such as 74.72",
				 kab);
	if (kec && (!strchr(kec, '.') || !strchr(strchr(kec, '.') + 1, '.') ||
		    strchr(strchr(strchr(kec, '.') + 1, '.') + 1, '.')))
		return cli_usage(&cli_cmd_map,
				 "--kecamatan: '%s' is not a district code such as 74.72.01",
				 kec);
	if (strcmp(lang, "id") && strcmp(lang, "en"))
		return cli_usage(&cli_cmd_map, "--lang: '%s' is not id or en", lang);
	memset(&mo, 0, sizeof mo);
	if (width) {
		char *end;
		long w = strtol(width, &end, 10);

		if (*end || w < 200 || w > 20000)
			return cli_usage(&cli_cmd_map,
					 "--width: '%s' is not a width in pixels"
					 " (200 to 20000)", width);
		mo.width_px = (int)w;
	}
	mo.area = area ? area : kab ? kab : kec;
	mo.lang = lang;
	mo.title = title;
	if (cli_open_store(cli, &st))
		return EXIT_FAIL;
	rc = jk_map(cli->ctx, st, out, &mo);
	if (rc)
		rc = cli_fail(cli, rc);
	else
		cli_say(cli, "map written to %s\n", out);
	jk_store_close(st);
	return rc;
}

const struct cli_cmd cli_cmd_map = {
	"map", cmd_map, "draw a coverage map (PNG, SVG or PDF)",
	"usage: jangkau map (--kabupaten KODE | --kecamatan KODE | --area KODE)\n"
	"                   --out FILE.png|FILE.svg|FILE.pdf [--width PX]\n"
	"                   [--title TEXT] [--lang id|en] [--db PATH] [--quiet]\n\n"
	"Draws the coverage map of a regency/city (kode such as 74.72) or a\n"
	"district (74.72.01) on an A4 landscape page: villages filled by status\n"
	"(covered, reachable, pending, gap), sites by status, kecamatan outlines\n"
	"and names (village names on a district map), legend with counts, scale\n"
	"bar, north arrow, title, date of the coverage run and the sources. The\n"
	"map is in the UTM zone of the area. The format follows the file name;\n"
	"--width sets the width of a PNG in pixels (default 2400). Run\n"
	"'jangkau coverage' first.\n"};
