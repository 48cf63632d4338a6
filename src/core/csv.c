/* SPDX-License-Identifier: MIT */
/*
 * The CSV writer declared in csv.h: RFC 4180 quoting, numbers as numbers,
 * and the formula guard for files that people open in a spreadsheet.
 */
#include <string.h>

#include "csv.h"

void jk_csvw_init(jk_csvw *w, jk_buf *out, int flags)
{
	w->out = out;
	w->flags = flags;
	w->ncol = 0;
}

static void sep(jk_csvw *w)
{
	if (w->ncol++ > 0)
		jk_buf_add(w->out, ",", 1);
}

int jk_csv_is_formula(const char *s)
{
	/* the full-width forms, which some spreadsheets also take:
	 * U+FF1D = U+FF0B + U+FF0D - U+FF20 @ */
	static const char *const wide[] = {"\xef\xbc\x9d", "\xef\xbc\x8b",
					   "\xef\xbc\x8d", "\xef\xbc\xa0"};
	size_t i;

	if (!s)
		return 0;
	if (s[0] == '\0')
		return 0;
	if (strchr("=+-@\t\r\n", s[0]))
		return 1;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (!strncmp(s, wide[i], 3))
			return 1;
	return 0;
}

void jk_csvw_text(jk_csvw *w, const char *s)
{
	const char *p, *run;
	int guard;

	sep(w);
	if (!s)
		return;
	guard = (w->flags & JK_CSV_FORMULA_GUARD) && jk_csv_is_formula(s);
	if (!guard && !strpbrk(s, ",\"\r\n")) {
		jk_buf_puts(w->out, s);
		return;
	}
	/* quoted: the guard goes inside the quotes, so that no character
	 * of the text can end the field early */
	jk_buf_add(w->out, guard ? "\"'" : "\"", guard ? 2 : 1);
	for (p = run = s; *p; p++) {
		if (*p != '"')
			continue;
		jk_buf_add(w->out, run, (size_t)(p - run + 1));
		jk_buf_add(w->out, "\"", 1);
		run = p + 1;
	}
	jk_buf_add(w->out, run, (size_t)(p - run));
	jk_buf_add(w->out, "\"", 1);
}

void jk_csvw_int(jk_csvw *w, long long v)
{
	sep(w);
	jk_buf_printf(w->out, "%lld", v);
}

void jk_csvw_real(jk_csvw *w, double v, int decimals)
{
	sep(w);
	jk_buf_printf(w->out, "%.*f", decimals, v);
}

void jk_csvw_null(jk_csvw *w)
{
	sep(w);
}

void jk_csvw_row(jk_csvw *w, const char *const *fields, int n)
{
	int i;

	for (i = 0; i < n; i++)
		jk_csvw_text(w, fields[i]);
	jk_csvw_end_row(w);
}

void jk_csvw_end_row(jk_csvw *w)
{
	if (w->flags & JK_CSV_LF)
		jk_buf_add(w->out, "\n", 1);
	else
		jk_buf_add(w->out, "\r\n", 2);
	w->ncol = 0;
}
