/* SPDX-License-Identifier: MIT */
/*
 * jangkau map: draw the coverage map of a regency or district.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct map_args {
	jk_map_opts mo;
	const char *out;
};

static int map_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct map_args *a = args;
	jk_map_opts *mo = &a->mo;
	const char *lang = "id", *area = NULL, *kab = NULL, *kec = NULL, *width = NULL;
	const struct cli_opt opts[] = {
		{"--out", &a->out, NULL}, {"--lang", &lang, NULL},
		{"--area", &area, NULL}, {"--kabupaten", &kab, NULL},
		{"--kecamatan", &kec, NULL}, {"--width", &width, NULL},
		{"--title", &mo->title, NULL}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_map, argc, argv, opts, NULL, 0, 0);

	if (rc)
		return rc;
	if (!a->out)
		return cli_usage(&cli_cmd_map, "--out FILE is required");
	if (!!area + !!kab + !!kec != 1)
		return cli_usage(&cli_cmd_map,
				 "give one of --kabupaten KODE, --kecamatan KODE"
				 " or --area KODE");
	/* the level options check the code's form: 74.72 or 74.72.01 */
	if (kab && jk_kode_level(kab) != 2)
		return cli_usage(&cli_cmd_map,
				 "--kabupaten: '%s' is not a regency code such as 74.72",
				 kab);
	if (kec && jk_kode_level(kec) != 3)
		return cli_usage(&cli_cmd_map,
				 "--kecamatan: '%s' is not a district code such as 74.72.01",
				 kec);
	if (strcmp(lang, "id") && strcmp(lang, "en"))
		return cli_usage(&cli_cmd_map, "--lang: '%s' is not id or en", lang);
	if (width) {
		char *end;
		long w = strtol(width, &end, 10);

		if (*end || w < 200 || w > 20000)
			return cli_usage(&cli_cmd_map,
					 "--width: '%s' is not a width in pixels"
					 " (200 to 20000)", width);
		mo->width_px = (int)w;
	}
	mo->area = area ? area : kab ? kab : kec;
	mo->lang = lang;
	return 0;
}

static int map_run(struct cli *cli, jk_store *st, void *args)
{
	struct map_args *a = args;
	int rc = jk_map_write(cli->ctx, st, a->out, &a->mo);

	if (!rc)
		cli_say(cli, "map written to %s\n", a->out);
	return rc;
}

const struct cli_cmd cli_cmd_map = {
	"map", "draw a coverage map (PNG, SVG or PDF)",
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
	"'jangkau coverage' first.\n",
	CLI_STORE, sizeof(struct map_args), map_parse, map_run, NULL, NULL};
