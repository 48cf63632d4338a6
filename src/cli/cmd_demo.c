/*
 * jangkau demo: the whole pipeline on the bundled demo region.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The bundled data: $JANGKAU_DATA, the source tree (when run from a build
 * tree), or the installed share directory. */
static const char *demo_dir(char *buf, size_t n)
{
	const char *cands[3];
	int i;

	cands[0] = getenv("JANGKAU_DATA");
	cands[1] = JK_SOURCE_DATA_DIR;
	cands[2] = JK_INSTALL_DATA_DIR;
	for (i = 0; i < 3; i++) {
		char probe[4096];

		if (!cands[i] || !*cands[i])
			continue;
		snprintf(probe, sizeof probe, "%s/demo/desa.geojson", cands[i]);
		if (access(probe, R_OK) == 0) {
			snprintf(buf, n, "%s/demo", cands[i]);
			return buf;
		}
	}
	return NULL;
}

static int cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct pipeline p;
	char dir[4096], b[4200], a[4200], s[4200], c[4200], r[4200], db[4200];
	const char *out = "out";
	const struct cli_opt opts[] = {{"--out", &out, NULL}, {NULL, NULL, NULL}};
	int db_given, rc;

	rc = cli_parse(cli, &cli_cmd_demo, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
	if (!demo_dir(dir, sizeof dir)) {
		cli_err("bundled demo data not found (hint: set JANGKAU_DATA to the data/ folder)");
		return EXIT_FAIL;
	}
	if (mkdir(out, 0755) != 0 && access(out, W_OK) != 0) {
		cli_err("%s: cannot create the output folder", out);
		return EXIT_FAIL;
	}
	db_given = strcmp(cli->db, "jangkau.sqlite") != 0;
	if (!db_given) {
		/* a fresh store each time, inside the output folder */
		snprintf(db, sizeof db, "%s/jangkau.sqlite", out);
		unlink(db);
		cli->db = db;
	}
	snprintf(b, sizeof b, "%s/desa.geojson", dir);
	snprintf(a, sizeof a, "%s/aliases.csv", dir);
	snprintf(s, sizeof s, "%s/sites.csv", dir);
	snprintf(c, sizeof c, "%s/clients.csv", dir);
	snprintf(r, sizeof r, "%s/jalan_demo.geojson", dir);
	memset(&p, 0, sizeof p);
	p.boundaries = b;
	p.aliases = access(a, R_OK) == 0 ? a : NULL;
	p.sites = s;
	p.clients = c;
	/* coverage by road: motorcycle, 30 minutes (the library's defaults) */
	p.roads = r;
	p.by_road = 1;
	p.out = out;
	p.lang = "id";
	cli_say(cli, "jangkau demo: bundled region in %s, results in %s\n", dir, out);
	rc = cli_pipeline(cli, &p);
	/* the demo data holds a deliberately bad row: that is the point */
	return rc == EXIT_REJECTED ? EXIT_OK : rc;
}

const struct cli_cmd cli_cmd_demo = {
	"demo", cmd_demo, "run everything on the bundled demo region into ./out",
	"usage: jangkau demo [--out DIR] [--db PATH] [--quiet]\n\n"
	"Runs the whole pipeline (import, geocode, coverage, export, report) on\n"
	"the fictional demo region bundled with jangkau, into DIR (default: out).\n"
	"Coverage is by road: the demo's generated roads and ferry, motorcycle,\n"
	"reachable within 30 minutes (as 'jangkau run --roads FILE').\n"
	"The store is DIR/jangkau.sqlite unless --db is given. The demo data\n"
	"contains deliberately messy and bad rows, reported as they would be\n"
	"for a real address book.\n"};
