/* SPDX-License-Identifier: MIT */
/*
 * jangkau demo: the whole pipeline on the bundled demo region.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

struct demo_args {
	struct pipeline p;
	char dir[4096], b[4096], a[4200], s[4200], c[4200], r[4200], db[4200];
	char pbuf[4096];
};

static int demo_parse(struct cli *cli, int argc, char **argv, void *args)
{
	struct demo_args *d = args;
	struct pipeline *p = &d->p;
	const char *out = "out";
	const struct cli_opt opts[] = {{"--out", &out, NULL}, {NULL, NULL, NULL}};
	int rc = cli_parse(cli, &cli_cmd_demo, argc, argv, opts, NULL, 0, 0), n;

	if (rc)
		return rc;
	if (!cli_data_path("demo/desa.geojson", d->b, sizeof d->b)) {
		cli_err("bundled demo data not found (hint: set JANGKAU_DATA to the data/ folder)");
		return EXIT_FAIL;
	}
	/* the other files beside the boundaries */
	n = (int)(strrchr(d->b, '/') - d->b);
	snprintf(d->dir, sizeof d->dir, "%.*s", n, d->b);
	snprintf(d->s, sizeof d->s, "%s/sites.csv", d->dir);
	snprintf(d->c, sizeof d->c, "%s/clients.csv", d->dir);
	snprintf(d->r, sizeof d->r, "%s/jalan_demo.geojson", d->dir);
	snprintf(d->a, sizeof d->a, "%s/aliases.csv", d->dir);
	p->aliases = access(d->a, R_OK) == 0 ? d->a : NULL;
	p->profile_path = cli_profile_path("motorcycle", d->pbuf, sizeof d->pbuf);
	if (!p->profile_path) {
		cli_err("bundled travel profile 'motorcycle' not found "
			"(hint: set JANGKAU_DATA to the data/ folder)");
		return EXIT_FAIL;
	}
	if (mkdir(out, 0755) != 0 && access(out, W_OK) != 0) {
		cli_err("%s: cannot create the output folder", out);
		return EXIT_FAIL;
	}
	if (!strcmp(cli->db, "jangkau.sqlite")) {
		/* a fresh store each time, inside the output folder */
		snprintf(d->db, sizeof d->db, "%s/jangkau.sqlite", out);
		unlink(d->db);
		cli->db = d->db;
	}
	p->boundaries = d->b;
	p->sites = d->s;
	p->clients = d->c;
	/* coverage by road: motorcycle, 30 minutes (the library's defaults) */
	p->roads = d->r;
	p->by_road = 1;
	p->out = out;
	p->lang = "id";
	return 0;
}

static int demo_run(struct cli *cli, jk_store *st, void *args)
{
	struct demo_args *d = args;
	int rc;

	cli_say(cli, "jangkau demo: bundled region in %s, results in %s\n", d->dir, d->p.out);
	rc = cli_pipeline(cli, st, &d->p);
	/* the demo data holds a deliberately bad row: that is the point */
	cli->rejected = 0;
	return rc;
}

const struct cli_cmd cli_cmd_demo = {
	"demo", "run everything on the bundled demo region into ./out",
	"usage: jangkau demo [--out DIR] [--db PATH] [--quiet]\n\n"
	"Runs the whole pipeline (import, geocode, coverage, export, report) on\n"
	"the fictional demo region bundled with jangkau, into DIR (default: out).\n"
	"Coverage is by road: the demo's generated roads and ferry, motorcycle,\n"
	"reachable within 30 minutes (as 'jangkau run --roads FILE').\n"
	"The store is DIR/jangkau.sqlite unless --db is given. The demo data\n"
	"contains deliberately messy and bad rows, reported as they would be\n"
	"for a real address book.\n",
	CLI_STORE, sizeof(struct demo_args), demo_parse, demo_run, NULL, NULL};
