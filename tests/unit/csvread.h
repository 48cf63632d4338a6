/* SPDX-License-Identifier: MIT */
/*
 * A small, strict RFC 4180 reader for the data-driven unit tests: they
 * compare what the library makes of the cells of the shared field book and
 * gazetteer with truth files, and must read those files independently of
 * the importers under test (which go through GDAL). Part of the test
 * support library (jk_testsupport), not of jangkau.
 */
#ifndef JK_TEST_CSVREAD_H
#define JK_TEST_CSVREAD_H

#include <stddef.h>

/* A whole CSV file in memory. */
typedef struct jk_csv {
	char *raw;     /* file contents */
	char *text;    /* decoded fields, NUL-separated */
	char **cells;  /* nrows * ncols, into text */
	char **head;   /* ncols, into text */
	size_t nrows;  /* data rows, header excluded */
	size_t ncols;
} jk_csv;

/*
 * Reads @p path into @p t: quoted fields with "" for a quote, CRLF or LF
 * line ends, a header row, and the same number of fields in every row.
 * Returns 0, or -1 with a message in @p err (and @p t empty). Release with
 * jk_csv_release() after success.
 */
int jk_csv_load(jk_csv *t, const char *path, char *err, size_t errlen);

/* Frees what jk_csv_load() allocated and empties @p t. */
void jk_csv_release(jk_csv *t);

/* The index of the column named @p name; fails the running test when there
 * is none. */
size_t jk_csv_col(const jk_csv *t, const char *name);

/* The cell of data row @p row (0 = the first row after the header) and
 * column @p col; borrowed from @p t. */
const char *jk_csv_cell(const jk_csv *t, size_t row, size_t col);

/* Whether the ';'-separated list @p labels (a truth file's labels cell)
 * holds @p want. */
int jk_csv_has_label(const char *labels, const char *want);

#endif /* JK_TEST_CSVREAD_H */
