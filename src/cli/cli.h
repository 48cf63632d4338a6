/* SPDX-License-Identifier: MIT */
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
	double wait_s;   /* --wait: seconds to wait for a store in use */
	int wait_set;
	long rejected;   /* rows rejected so far (exit code 3) */
	/* progress indicator */
	int tty;
	double step_start;
	char step[64];
	int shown;
};

/* What a command needs from main(), and what it does. */
enum cli_cmd_flags {
	CLI_STORE = 1, /* main() opens the store after the arguments are
			* checked, and closes it after run() */
	CLI_GROUP = 2  /* a group of sub-commands (import): the next word
			* names one of cmd->sub, which has its own options */
};

/* run() returns JK_OK, a jk_status that main() reports once (the context's
 * message), or CLI_REPORTED after printing a failure itself. */
#define CLI_REPORTED (-2)

/*
 * One command (git's commands[]): its words, flags and two steps.
 * parse() reads the command's own options (argv[0] is its name) into
 * @p args, a zeroed struct of args_size bytes that is the command's own,
 * checks them and readies anything the store needs (the demo's output
 * folder); it returns 0, CLI_HELP_SHOWN, or EXIT_USAGE / EXIT_FAIL after
 * printing. run() does the work on the store main() opened (NULL unless
 * CLI_STORE) and prints the summary.
 */
struct cli_cmd {
	const char *name;
	const char *summary;
	const char *usage; /* full help text of the command */
	unsigned flags;    /* enum cli_cmd_flags */
	size_t args_size;
	int (*parse)(struct cli *cli, int argc, char **argv, void *args);
	int (*run)(struct cli *cli, jk_store *st, void *args);
	const struct cli_cmd *const *sub; /* CLI_GROUP: NULL-terminated */
	const char *group; /* the group a sub-command belongs to, or NULL */
};

extern const struct cli_cmd cli_cmd_import, cli_cmd_geocode,
	cli_cmd_coverage, cli_cmd_export, cli_cmd_report, cli_cmd_run,
	cli_cmd_demo, cli_cmd_map, cli_cmd_book, cli_cmd_route;

/* Prints "jangkau: " + message to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints to stdout unless --quiet. */
void cli_say(struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports a library failure (the context's message, else the code's
 * text) and returns EXIT_FAIL. */
int cli_fail(struct cli *cli, int rc);

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
 * --wait, --quiet, --help) and between @p pos_min and @p pos_max positional
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

/* Parses --wait SECONDS (a number, 0 or more) into the context; returns 0
 * on success. */
int cli_parse_wait(struct cli *cli, const char *s);

/* The road options of route and coverage --by road into @p ro: --profile
 * (a name or a file; its path into @p pbuf), --optimize time|distance,
 * --max-snap-m, --ignore-oneway. Returns 0, or EXIT_USAGE after printing. */
int cli_parse_road(const struct cli_cmd *cmd, const char *profile,
		   const char *optimize, const char *snap, int ignore_oneway,
		   jk_route_opts *ro, char *pbuf, size_t n);

/* Parses a positive number; returns 0 on success. */
int cli_parse_km(const char *s, double *out);
/* Parses a distance of zero or more; -1 when it is none. */
int cli_parse_m(const char *s, double *out);

/* Parses "all", "kabupaten" or "none" into JK_REPORT_MAPS_*; returns 0 on
 * success. */
int cli_parse_maps(const char *s, jk_report_maps *out);

/* Parses "pseudonym" or "office" into JK_CLIENT_IDS_*; returns 0 on
 * success. */
int cli_parse_client_ids(const char *s, jk_client_ids *out);

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

/* The file @p rel (e.g. "profiles/car.csv", "demo/desa.geojson") of the
 * bundled data: under $JANGKAU_DATA, the share directory beside the
 * installed program (BINDIR/../share/jangkau), or the source tree (when run
 * from a build tree), the first that has it. NULL when none has. */
const char *cli_data_path(const char *rel, char *buf, size_t n);

/* The file of a travel profile: @p name itself when it names a file
 * (contains '/' or ends in .csv), else profiles/NAME.csv of the bundled
 * data (cli_data_path()). NULL when not found. */
const char *cli_profile_path(const char *name, char *buf, size_t n);

/* Exit code after a step that may have rejected rows. */
int cli_exit_code(struct cli *cli);

/* The whole pipeline, used by `run` and `demo`. */
struct pipeline {
	const char *boundaries, *aliases, *area, *sites, *clients, *out;
	const char *s_crs;   /* --s-crs of the boundaries, or NULL */
	const char *roads;   /* a road file to import first, or NULL */
	int by_road;         /* coverage by road (on the store's roads) */
	const char *profile; /* by road: profile as named (NULL: motorcycle) */
	const char *profile_path; /* by road: its file (cli_profile_path()) */
	double max_minutes;  /* by road: reach in minutes (0: the default) */
	double radius_km;
	int formats, exact_clients, strict;
	jk_client_ids client_ids;
	int juvenile_flag;   /* --include-juvenile-flag */
	const char *lang;
	jk_report_maps maps;
};
/* Runs the pipeline on @p st; returns JK_OK or a jk_status (as run()). */
int cli_pipeline(struct cli *cli, jk_store *st, const struct pipeline *p);

#endif /* JK_CLI_H */
