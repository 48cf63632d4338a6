/* SPDX-License-Identifier: MIT */
/*
 * jangkau: entry point. Parses the global options, finds the subcommand
 * in the table and hands it the rest of the arguments. Also the shared
 * helpers of cli.h: messages, the progress indicator, summaries.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const struct cli_cmd *const commands[] = {
	&cli_cmd_import, &cli_cmd_geocode, &cli_cmd_coverage, &cli_cmd_export,
	&cli_cmd_report, &cli_cmd_map, &cli_cmd_book, &cli_cmd_route,
	&cli_cmd_run, &cli_cmd_demo, NULL};

static void main_usage(FILE *f)
{
	int i;

	fprintf(f,
		"usage: jangkau [--db PATH] [--wait SECONDS] [--quiet] COMMAND [ARGS]\n"
		"       jangkau --help | --version\n\n"
		"Plans community-service work sites of a Bapas: geocodes the address book\n"
		"and the clients, finds villages without a ready site, and writes GIS\n"
		"layers and a gap report.\n\n"
		"Commands:\n");
	for (i = 0; commands[i]; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f,
		"\nOptions:\n"
		"  --db PATH   project store (default: jangkau.sqlite)\n"
		"  --wait SECONDS\n"
		"              how long to wait for a store that another jangkau run or\n"
		"              QGIS holds (default 10; 0: do not wait)\n"
		"  --quiet     print only errors\n"
		"  --help      this text; 'jangkau COMMAND --help' for a command\n"
		"  --version   print the version\n\n"
		"Exit codes: 0 ok, 1 failure, 2 usage error, 3 some input rows rejected.\n");
}

void cli_err(const char *fmt, ...)
{
	va_list ap;

	fputs("jangkau: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_say(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	if (cli->quiet)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void clear_progress(struct cli *cli)
{
	if (cli->shown) {
		fputs("\r\033[K", stderr);
		cli->shown = 0;
	}
}

static void on_log(void *user, jk_level level, const char *msg)
{
	struct cli *cli = user;

	if (level < JK_LOG_WARN || (cli->quiet && level < JK_LOG_ERROR))
		return;
	clear_progress(cli);
	if (level == JK_LOG_WARN)
		fprintf(stderr, "jangkau: warning: %s\n", msg);
	else
		fprintf(stderr, "jangkau: %s\n", msg);
}

/* Shown only on a terminal, and only once a step has run for a second. */
static void on_progress(void *user, const char *step, long done, long total)
{
	struct cli *cli = user;
	double t = now_s();

	if (strcmp(step, cli->step) != 0) {
		clear_progress(cli);
		snprintf(cli->step, sizeof cli->step, "%s", step);
		cli->step_start = t;
	}
	if (t - cli->step_start < 1.0)
		return;
	if (total > 0)
		fprintf(stderr, "\r\033[K%s: %ld/%ld (%.0f%%)", step, done, total,
			100.0 * (double)done / (double)total);
	else
		fprintf(stderr, "\r\033[K%s: %ld", step, done);
	cli->shown = 1;
	if (total > 0 && done >= total)
		clear_progress(cli);
}

int cli_fail(struct cli *cli, int rc)
{
	clear_progress(cli);
	cli_err("%s", *jk_ctx_errmsg(cli->ctx) ? jk_ctx_errmsg(cli->ctx)
					       : jk_strerror(rc));
	return EXIT_FAIL;
}

/* The bundled data of an installed program: JK_BIN_TO_DATA from the
 * folder of the running program, "" when that cannot be read. */
static const char *installed_data(char *buf, size_t n)
{
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	buf[0] = '\0';
	if (len <= 0)
		return buf;
	exe[len] = '\0';
	slash = strrchr(exe, '/');
	if (slash) {
		*slash = '\0';
		snprintf(buf, n, "%s/%s", exe, JK_BIN_TO_DATA);
	}
	return buf;
}

const char *cli_data_path(const char *rel, char *buf, size_t n)
{
	const char *cands[3];
	char inst[4200];
	int i, w;

	cands[0] = getenv("JANGKAU_DATA");
	cands[1] = installed_data(inst, sizeof inst);
	cands[2] = JK_SOURCE_DATA_DIR;
	for (i = 0; i < 3; i++) {
		if (!cands[i] || !*cands[i])
			continue;
		w = snprintf(buf, n, "%s/%s", cands[i], rel);
		if (w > 0 && (size_t)w < n && access(buf, R_OK) == 0) {
			/* as a person would write it: no "bin/../share" */
			char *real = realpath(buf, NULL);

			if (real && strlen(real) < n)
				memcpy(buf, real, strlen(real) + 1);
			free(real);
			return buf;
		}
	}
	return NULL;
}

const char *cli_profile_path(const char *name, char *buf, size_t n)
{
	char rel[512];
	size_t len = strlen(name);

	if (strchr(name, '/') || (len > 4 && !strcmp(name + len - 4, ".csv"))) {
		snprintf(buf, n, "%s", name);
		return buf;
	}
	snprintf(rel, sizeof rel, "profiles/%s.csv", name);
	return cli_data_path(rel, buf, n);
}

int cli_usage(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("jangkau: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see 'jangkau %s%s%s --help')\n", cmd->group ? cmd->group : "",
		cmd->group ? " " : "", cmd->name);
	return EXIT_USAGE;
}

int cli_parse(struct cli *cli, const struct cli_cmd *cmd, int argc,
	      char **argv, const struct cli_opt *opts, const char **pos,
	      int pos_min, int pos_max)
{
	int i, npos = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *eq;
		const struct cli_opt *o;
		size_t n;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(cmd->usage, stdout);
			return CLI_HELP_SHOWN;
		}
		if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli->quiet = 1;
			continue;
		}
		if (a[0] != '-' || a[1] != '-' || !a[2]) {
			if (npos >= pos_max)
				return cli_usage(cmd, "unexpected argument '%s'", a);
			pos[npos++] = a;
			continue;
		}
		eq = strchr(a, '=');
		n = eq ? (size_t)(eq - a) : strlen(a);
		if (n == 4 && !strncmp(a, "--db", 4)) {
			if (!eq && i + 1 >= argc)
				return cli_usage(cmd, "option '--db' needs a value");
			cli->db = eq ? eq + 1 : argv[++i];
			continue;
		}
		if (n == 6 && !strncmp(a, "--wait", 6)) {
			const char *v;

			if (!eq && i + 1 >= argc)
				return cli_usage(cmd, "option '--wait' needs a value");
			v = eq ? eq + 1 : argv[++i];
			if (cli_parse_wait(cli, v))
				return cli_usage(cmd, "--wait: '%s' is not a number of seconds", v);
			continue;
		}
		for (o = opts; o && o->name; o++)
			if (strlen(o->name) == n && !strncmp(o->name, a, n))
				break;
		if (!o || !o->name)
			return cli_usage(cmd, "unknown option '%.*s'", (int)n, a);
		if (o->flag) {
			if (eq)
				return cli_usage(cmd, "option '%s' takes no value", o->name);
			*o->flag = 1;
		} else {
			if (!eq && i + 1 >= argc)
				return cli_usage(cmd, "option '%s' needs a value", o->name);
			*o->value = eq ? eq + 1 : argv[++i];
		}
	}
	if (npos < pos_min)
		return cli_usage(cmd, "missing argument");
	if (cli->tty && !cli->quiet)
		jk_ctx_set_progress(cli->ctx, on_progress, cli);
	return 0;
}

int cli_parse_wait(struct cli *cli, const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= 0) || v > 1e6)
		return -1;
	cli->wait_s = v;
	cli->wait_set = 1;
	if (cli->ctx)
		jk_ctx_set_lock_wait(cli->ctx, v);
	return 0;
}

int cli_parse_road(const struct cli_cmd *cmd, const char *profile,
		   const char *optimize, const char *snap, int ignore_oneway,
		   jk_route_opts *ro, char *pbuf, size_t n)
{
	if (optimize && strcmp(optimize, "time") && strcmp(optimize, "distance"))
		return cli_usage(cmd, "--optimize: '%s' is not time or distance", optimize);
	if (snap && cli_parse_km(snap, &ro->max_snap_m))
		return cli_usage(cmd, "--max-snap-m: '%s' is not a positive number", snap);
	ro->profile = cli_profile_path(profile, pbuf, n);
	if (!ro->profile)
		return cli_usage(cmd,
				 "--profile: no profile '%s' (motorcycle, car, walk, or a CSV file)",
				 profile);
	ro->optimize_distance = optimize && !strcmp(optimize, "distance");
	ro->ignore_oneway = ignore_oneway;
	return 0;
}

int cli_parse_km(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return (errno || end == s || *end || !(*out > 0)) ? -1 : 0;
}

int cli_parse_m(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return (errno || end == s || *end || !(*out >= 0)) ? -1 : 0;
}

int cli_parse_maps(const char *s, jk_report_maps *out)
{
	if (!strcmp(s, "all"))
		*out = JK_REPORT_MAPS_ALL;
	else if (!strcmp(s, "kabupaten"))
		*out = JK_REPORT_MAPS_KABUPATEN;
	else if (!strcmp(s, "none"))
		*out = JK_REPORT_MAPS_NONE;
	else
		return -1;
	return 0;
}

int cli_parse_client_ids(const char *s, jk_client_ids *out)
{
	if (!strcmp(s, "pseudonym"))
		*out = JK_CLIENT_IDS_PSEUDONYM;
	else if (!strcmp(s, "office"))
		*out = JK_CLIENT_IDS_OFFICE;
	else
		return -1;
	return 0;
}

int cli_parse_formats(const char *s, int *out)
{
	char buf[128], *p, *save = NULL;

	*out = 0;
	snprintf(buf, sizeof buf, "%s", s);
	for (p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (!strcmp(p, "geojson"))
			*out |= JK_FORMAT_GEOJSON;
		else if (!strcmp(p, "shp") || !strcmp(p, "shapefile"))
			*out |= JK_FORMAT_SHP;
		else if (!strcmp(p, "gpkg") || !strcmp(p, "geopackage"))
			*out |= JK_FORMAT_GPKG;
		else
			return -1;
	}
	return *out ? 0 : -1;
}

void cli_print_import(struct cli *cli, const char *what, const char *path,
		      const jk_import_stats *s)
{
	cli->rejected += s->rejected;
	cli_say(cli,
		"%s %s: %ld rows read, %ld imported, %ld updated, %ld unchanged, "
		"%ld duplicate, %ld repaired, %ld rejected",
		what, path, s->read, s->imported, s->updated, s->unchanged,
		s->duplicates, s->repaired, s->rejected);
	if (s->skipped)
		cli_say(cli, ", %ld outside the area", s->skipped);
	cli_say(cli, "\n");
}

void cli_print_geocode(struct cli *cli, const jk_geocode_stats *s)
{
	cli_say(cli,
		"geocoded %ld rows: %ld coordinate, %ld village, %ld district, "
		"%ld regency, %ld ambiguous, %ld none; %ld flagged for checking\n",
		s->rows, s->coordinate, s->village, s->district, s->regency,
		s->ambiguous, s->none, s->flagged);
	if (s->decided || s->stale)
		cli_say(cli, "  decided by the office: %ld rows; %ld decisions not applied\n",
			s->decided, s->stale);
}

void cli_print_coverage(struct cli *cli, const jk_coverage_stats *s,
			double radius_km)
{
	cli_say(cli,
		"coverage (radius %g km): %ld villages, %ld without a ready site "
		"(%ld with one within reach, %ld with only a site not ready yet, %ld "
		"with no site at all), %ld with a ready site; %ld active clients with "
		"a site (%ld within reach), %ld without\n"
		"  time: read %.2f s, analysis %.2f s, write %.2f s\n",
		radius_km > 0 ? radius_km : 5.0, s->villages,
		s->reachable + s->pending + s->gap, s->reachable, s->pending, s->gap,
		s->covered, s->clients, s->clients_in_reach, s->clients_no_site,
		s->t_read, s->t_analyse, s->t_write);
}

void cli_print_coverage_road(struct cli *cli, const jk_coverage_opts *co,
			     const char *profile, const jk_coverage_stats *s)
{
	long vok = s->villages - s->villages_off_network - s->villages_unreachable;
	long nc = s->clients + s->clients_no_site;
	long cok = nc - s->clients_off_network - s->clients_unreachable;

	cli_say(cli,
		"coverage by road (%s, fastest path%s%s): %ld villages, %ld without a "
		"ready site (%ld with one within reach, %ld with only a site not ready "
		"yet, %ld with no site at all), %ld with a ready site; %ld active "
		"clients with a site (%ld within reach), %ld without\n",
		profile ? profile : "motorcycle",
		co->road.optimize_distance ? " replaced by shortest" : "",
		co->road.ignore_oneway ? ", one-way ignored" : "", s->villages,
		s->reachable + s->pending + s->gap, s->reachable, s->pending, s->gap,
		s->covered, s->clients, s->clients_in_reach, s->clients_no_site);
	if (co->max_minutes > 0 || co->radius_km <= 0)
		cli_say(cli, "  within reach: %g min%s", co->max_minutes > 0 ? co->max_minutes : 30.0,
			co->radius_km > 0 ? " and" : "\n");
	else
		cli_say(cli, "  within reach:");
	if (co->radius_km > 0)
		cli_say(cli, " %g km by road\n", co->radius_km);
	cli_say(cli,
		"  road reach: villages %ld ok, %ld off_network, %ld unreachable; "
		"active clients %ld ok, %ld off_network, %ld unreachable\n"
		"  off the road network: %ld ready sites, %ld village points, %ld clients; "
		"unreachable: %ld village points, %ld clients\n"
		"  time: read %.2f s, analysis %.2f s, write %.2f s\n",
		vok, s->villages_off_network, s->villages_unreachable, cok,
		s->clients_off_network, s->clients_unreachable, s->sites_off_network,
		s->villages_off_network, s->clients_off_network, s->villages_unreachable,
		s->clients_unreachable, s->t_read, s->t_analyse, s->t_write);
}

void cli_print_roads(struct cli *cli, const char *path, const jk_roads_stats *s)
{
	cli_say(cli,
		"roads %s: %ld features read, %ld lines imported (%ld ferries); skipped "
		"%ld not roads, %ld without a line geometry; %ld rejected\n"
		"  network: %ld nodes, %ld edges, %ld connected components\n",
		path, s->read, s->lines, s->ferries, s->not_road, s->no_geometry, s->rejected,
		s->nodes, s->edges, s->components);
}

int cli_exit_code(struct cli *cli)
{
	return cli->rejected ? EXIT_REJECTED : EXIT_OK;
}

/* The command named by argv[0] in @p table, or NULL. */
static const struct cli_cmd *find_command(const struct cli_cmd *const *table,
					  const char *name)
{
	int k;

	for (k = 0; table[k]; k++)
		if (!strcmp(table[k]->name, name))
			return table[k];
	return NULL;
}

/* Finds the command (and sub-command) argv names, parses its arguments,
 * opens the store when it needs one, runs it, closes the store, and
 * reports a failure once. Returns the exit code. */
static int run_command(struct cli *cli, int argc, char **argv)
{
	const struct cli_cmd *cmd = find_command(commands, argv[0]);
	jk_store *st = NULL;
	void *args = NULL;
	int rc;

	if (!cmd) {
		cli_err("'%s' is not a jangkau command (see 'jangkau --help')", argv[0]);
		return EXIT_USAGE;
	}
	if (cmd->flags & CLI_GROUP) {
		const struct cli_cmd *grp = cmd;

		if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
			fputs(grp->usage, stdout);
			return EXIT_OK;
		}
		cmd = argc >= 2 ? find_command(grp->sub, argv[1]) : NULL;
		if (!cmd) {
			int k;

			if (argc < 2)
				fprintf(stderr, "jangkau: %s what? one of", grp->name);
			else
				fprintf(stderr, "jangkau: %s: '%s' is not one of", grp->name,
					argv[1]);
			for (k = 0; grp->sub[k]; k++)
				fprintf(stderr, "%s %s", k ? "," : "", grp->sub[k]->name);
			fprintf(stderr, "\n(see 'jangkau %s --help')\n", grp->name);
			return EXIT_USAGE;
		}
		argc--;
		argv++;
	}
	cli->ctx = jk_ctx_create();
	if (!cli->ctx) {
		cli_err("cannot initialise GEOS/PROJ");
		return EXIT_FAIL;
	}
	if (cli->wait_set)
		jk_ctx_set_lock_wait(cli->ctx, cli->wait_s);
	cli->tty = isatty(STDERR_FILENO);
	jk_ctx_set_log(cli->ctx, on_log, cli);
	args = calloc(1, cmd->args_size ? cmd->args_size : 1);
	if (!args) {
		cli_err("out of memory");
		rc = EXIT_FAIL;
		goto done;
	}
	rc = cmd->parse(cli, argc, argv, args);
	if (rc) {
		rc = rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
		goto done;
	}
	if (cmd->flags & CLI_STORE) {
		rc = jk_store_open(cli->ctx, cli->db, &st);
		if (rc) {
			rc = cli_fail(cli, rc);
			goto done;
		}
	}
	rc = cmd->run(cli, st, args);
	if (rc == CLI_REPORTED)
		rc = EXIT_FAIL;
	else if (rc)
		rc = cli_fail(cli, rc);
	else
		rc = cli_exit_code(cli);
done:
	jk_store_close(st);
	free(args);
	clear_progress(cli);
	jk_ctx_destroy(cli->ctx);
	cli->ctx = NULL;
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli;
	int i;

	memset(&cli, 0, sizeof cli);
	cli.db = "jangkau.sqlite";
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			main_usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("jangkau %s\n", jk_version());
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
			cli.quiet = 1;
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli.db = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli.db = argv[i] + 5;
		} else if (!strcmp(argv[i], "--wait") || !strncmp(argv[i], "--wait=", 7)) {
			const char *v = argv[i][6] == '=' ? argv[i] + 7 : i + 1 < argc ? argv[++i] : "";

			if (cli_parse_wait(&cli, v)) {
				cli_err("--wait: '%s' is not a number of seconds", v);
				return EXIT_USAGE;
			}
		} else {
			cli_err("unknown option '%s'", argv[i]);
			main_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		main_usage(stderr);
		return EXIT_USAGE;
	}
	return run_command(&cli, argc - i, argv + i);
}
