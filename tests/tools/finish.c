/* SPDX-License-Identifier: MIT */
/*
 * jk_finish DIR: what every export or report does first in its output
 * folder, alone: removes the leftovers of killed runs there and finishes
 * the publishing of a run killed while it moved its finished outputs in
 * (jk_dir_clean_stale(), src/core/file.h). The fault test uses it to look
 * at a folder as the next run finds it. A tool of the tests only.
 */
#include <stdio.h>

#include "core/file.h"

static void log_line(void *user, jk_level level, const char *msg)
{
	(void)user;
	(void)level;
	fprintf(stderr, "jk_finish: %s\n", msg);
}

int main(int argc, char **argv)
{
	jk_ctx *ctx;

	if (argc != 2) {
		fputs("usage: jk_finish DIR\n", stderr);
		return 2;
	}
	ctx = jk_ctx_create();
	if (!ctx) {
		fputs("jk_finish: out of memory\n", stderr);
		return 1;
	}
	jk_ctx_set_log(ctx, log_line, NULL);
	jk_dir_clean_stale(ctx, argv[1]);
	jk_ctx_destroy(ctx);
	return 0;
}
