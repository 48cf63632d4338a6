/* SPDX-License-Identifier: MIT */
/*
 * The one CSV writer of jangkau (RFC 4180): the report's tables, and the
 * input files that the demo generator and the benchmark generator write.
 *
 * A field is quoted only when it must be (it holds a comma, a double quote,
 * CR or LF), with inner quotes doubled, so that ordinary rows stay plain.
 * Numbers are written as numbers, never as text.
 *
 * Files meant to be opened in a spreadsheet (JK_CSV_FORMULA_GUARD) also
 * neutralise text that a spreadsheet would run as a formula: a text field
 * that starts with = + - @ TAB CR LF (or the full-width = + - @) gets a
 * leading apostrophe INSIDE the quotes and is always quoted, as the OWASP
 * guidance on CSV injection says. The apostrophe outside the quotes (as in
 * '"=a,b") would end the guard at the first comma and shift the columns.
 * Generators of input data leave the guard off: a coordinate "-5.4,122.6"
 * must stay what an office spreadsheet holds.
 */
#ifndef JK_CSV_H
#define JK_CSV_H

#include "util.h"

enum {
	/* neutralise formula starts in text fields (files for people) */
	JK_CSV_FORMULA_GUARD = 1 << 0,
	/* end rows with LF instead of CRLF (RFC 4180's line end) */
	JK_CSV_LF = 1 << 1
};

/* A writer of rows into a buffer. Embedded; nothing to release. */
typedef struct jk_csvw {
	jk_buf *out; /* borrowed: the text is appended here */
	int flags;   /* JK_CSV_* */
	int ncol;    /* fields written in the current row */
} jk_csvw;

/* Starts writing rows into @p out (borrowed; it must outlive the writer). */
void jk_csvw_init(jk_csvw *w, jk_buf *out, int flags);

/* Appends one text field; NULL writes an empty field. */
void jk_csvw_text(jk_csvw *w, const char *s);

/* Appends one integer field. */
void jk_csvw_int(jk_csvw *w, long long v);

/* Appends one number with @p decimals decimals ("%.*f"). */
void jk_csvw_real(jk_csvw *w, double v, int decimals);

/* Appends an empty field (a missing value). */
void jk_csvw_null(jk_csvw *w);

/* Appends a row of @p n text fields and ends it: a header line. */
void jk_csvw_row(jk_csvw *w, const char *const *fields, int n);

/* Ends the current row (CRLF, or LF with JK_CSV_LF). */
void jk_csvw_end_row(jk_csvw *w);

/* Whether a spreadsheet would read text starting like @p s as a formula. */
int jk_csv_is_formula(const char *s);

#endif /* JK_CSV_H */
