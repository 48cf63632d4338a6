/*
 * The command-line shell over libjangkau: shared state of one invocation,
 * the subcommand table, and helpers every subcommand uses (opening the
 * store, printing summaries, exit codes). Printing and exit codes live
 * here only; the library never prints.
 */
#ifndef JK_CLI_H
#define JK_CLI_H

#include <jangkau/jangkau.h>

/* Documented exit codes. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
	EXIT_REJECTED = 3 /* the command worked, but some input rows were rejected */
};

struct cli {
	jk_ctx *ctx;
	const char *db;  /* --db, default jangkau.sqlite */
	int quiet;
	long rejected;   /* rows rejected so far (exit code 3) */
	/* progress indicator */
	int tty;
	double step_start;
	char step[64];
	int shown;
};

struct cli_cmd {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary;
	const char *usage; /* full help text of the command */
};

extern const struct cli_cmd cli_cmd_import, cli_cmd_geocode,
	cli_cmd_coverage, cli_cmd_export, cli_cmd_report, cli_cmd_run,
	cli_cmd_demo, cli_cmd_map, cli_cmd_book, cli_cmd_route;

/* Prints "jangkau: " + message to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints to stdout unless --quiet. */
void cli_say(struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports a library failure and returns EXIT_FAIL. */
int cli_fail(struct cli *cli, int rc);

/* Opens the store at cli->db; on failure prints and returns non-zero. */
int cli_open_store(struct cli *cli, jk_store **st);

/* One option of a command: a flag (sets *flag to 1) or an option with a
 * value (*value points at it). */
struct cli_opt {
	const char *name; /* "--out" */
	const char **value;
	int *flag;
};

/*
 * Parses a command's arguments (argv[0] is the command name): its options
 * (given as "--name VALUE" or "--name=VALUE"), the shared ones (--db,
 * --quiet, --help) and between @p pos_min and @p pos_max positional
 * arguments into @p pos. Returns 0 to go on, CLI_HELP_SHOWN after --help,
 * or EXIT_USAGE after printing a usage error. Installs the progress
 * indicator (on a terminal, unless --quiet).
 */
#define CLI_HELP_SHOWN (-1)
int cli_parse(struct cli *cli, const struct cli_cmd *cmd, int argc,
	      char **argv, const struct cli_opt *opts, const char **pos,
	      int pos_min, int pos_max);

/* Usage error for @p cmd: prints the message and a hint, returns EXIT_USAGE. */
int cli_usage(const struct cli_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parses a positive number; returns 0 on success. */
int cli_parse_km(const char *s, double *out);
/* Parses a distance of zero or more; -1 when it is none. */
int cli_parse_m(const char *s, double *out);

/* Parses "all", "kabupaten" or "none" into JK_REPORT_MAPS_*; returns 0 on
 * success. */
int cli_parse_maps(const char *s, int *out);

/* Parses "geojson,shp,gpkg" into JK_FORMAT_* bits; returns 0 on success. */
int cli_parse_formats(const char *s, int *out);

/* Summaries of each step. */
void cli_print_import(struct cli *cli, const char *what, const char *path,
		      const jk_import_stats *s);
void cli_print_geocode(struct cli *cli, const jk_geocode_stats *s);
void cli_print_coverage(struct cli *cli, const jk_coverage_stats *s,
			double radius_km);
/* By road: the statuses, the reach limit, the road reach of villages and
 * clients (ok, off_network, unreachable) and the points without road
 * travel; @p profile as the user named it (NULL: motorcycle). */
void cli_print_coverage_road(struct cli *cli, const jk_coverage_opts *co,
			     const char *profile, const jk_coverage_stats *s);
void cli_print_roads(struct cli *cli, const char *path, const jk_roads_stats *s);

/* `import roads` (cmd_import.c). */
int cli_import_roads(struct cli *cli, const char *path, const char *layer,
		     const char *fclass, const char *foneway, const char *fspeed);
/* `import decisions` (cmd_import.c). */
int cli_import_decisions(struct cli *cli, const char *path, const char *layer,
			 int replace, int strict);

/* The file of a travel profile: @p name itself when it names a file
 * (contains '/' or ends in .csv), else NAME.csv in the profiles directory
 * of the bundled data ($JANGKAU_DATA, the source tree, the install
 * prefix). NULL when not found. (cmd_route.c) */
const char *cli_profile_path(const char *name, char *buf, size_t n);

/* Exit code after a step that may have rejected rows. */
int cli_exit_code(struct cli *cli);

/* The whole pipeline, used by `run` and `demo`. */
struct pipeline {
	const char *boundaries, *aliases, *area, *sites, *clients, *out;
	const char *roads;   /* a road file to import first, or NULL */
	int by_road;         /* coverage by road (on the store's roads) */
	const char *profile; /* by road: profile as named (NULL: motorcycle) */
	double max_minutes;  /* by road: reach in minutes (0: the default) */
	double radius_km;
	int formats, exact_clients, strict;
	const char *lang;
	int maps; /* JK_REPORT_MAPS_* */
};
int cli_pipeline(struct cli *cli, const struct pipeline *p);

#endif /* JK_CLI_H */
