/* SPDX-License-Identifier: MIT */
/*
 * jk_mkworkbook OUT.xlsx|OUT.ods < SPEC: writes the workbook described by
 * the spec on standard input (tests/unit/xlsxwrite.h), so that the CLI
 * tests build the workbooks they import. A tool of the tests only.
 */
#include <stdio.h>
#include <stdlib.h>

#include "xlsxwrite.h"

int main(int argc, char **argv)
{
	char *spec = NULL, err[256];
	size_t n = 0, cap = 0;
	int c;

	if (argc != 2) {
		fputs("usage: jk_mkworkbook OUT.xlsx|OUT.ods < SPEC\n", stderr);
		return 2;
	}
	while ((c = getchar()) != EOF) {
		if (n + 2 > cap) {
			char *p = realloc(spec, cap = cap ? cap * 2 : 4096);

			if (!p) {
				free(spec);
				fputs("jk_mkworkbook: out of memory\n", stderr);
				return 1;
			}
			spec = p;
		}
		spec[n++] = (char)c;
	}
	if (!spec) {
		fputs("jk_mkworkbook: empty spec\n", stderr);
		return 1;
	}
	spec[n] = '\0';
	if (jk_workbook_write(spec, argv[1], err, sizeof err)) {
		fprintf(stderr, "jk_mkworkbook: %s\n", err);
		free(spec);
		return 1;
	}
	free(spec);
	return 0;
}
