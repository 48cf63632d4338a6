/* SPDX-License-Identifier: MIT */
/*
 * A small spreadsheet writer for the tests: workbooks of several sheets
 * with text, number and date cells, merged cells and blank rows and
 * columns, saved as XLSX (Office Open XML) or ODS (OpenDocument), so that
 * the import tests build the workbooks they read instead of committing
 * binaries. Written with GDAL's public zip API (cpl_conv.h). Part of the
 * test support library (jk_testsupport), not of jangkau.
 *
 * A workbook is most easily described by a spec, one line each:
 *
 *   [Wolio]                  starts a sheet named Wolio
 *   merge A4:B4              merges a range of the current sheet
 *   4: No|Nama Lokasi|...    row 4 (as the spreadsheet shows it), cells
 *                            separated by '|' from column A on
 *
 * Rows not listed are absent (blank). A cell is text, except "=NUMBER"
 * (a number cell, e.g. "=-5.4673") and "@YYYY-MM-DD" (a date: in XLSX an
 * Excel serial number with a date style, in ODS a date value). An empty
 * cell between bars is absent. The text "!BREAK" writes malformed XML
 * (an undefined entity) in its place, for the tests of read errors. Blank
 * lines and lines starting with "//" are ignored.
 */
#ifndef JK_TEST_XLSXWRITE_H
#define JK_TEST_XLSXWRITE_H

#include <stddef.h>

typedef struct jk_workbook jk_workbook;

/* A new empty workbook; NULL when out of memory. Free with
 * jk_workbook_destroy(). */
jk_workbook *jk_workbook_create(void);
void jk_workbook_destroy(jk_workbook *wb);

/* Starts a new sheet; the cells and merges that follow go into it. */
int jk_workbook_sheet(jk_workbook *wb, const char *name);
/* Cells of the current sheet; @p row is 1-based as shown, @p col 0-based
 * (A = 0). A later cell at the same place replaces an earlier one. */
int jk_workbook_text(jk_workbook *wb, int row, int col, const char *text);
int jk_workbook_number(jk_workbook *wb, int row, int col, const char *num);
/* A date given as "YYYY-MM-DD". */
int jk_workbook_date(jk_workbook *wb, int row, int col, const char *iso);
/* Merges a range such as "A4:B4" of the current sheet. */
int jk_workbook_merge(jk_workbook *wb, const char *range);

/* Adds the sheets and cells of @p spec (see above). Returns 0, or -1 with
 * a reason in @p err. */
int jk_workbook_spec(jk_workbook *wb, const char *spec, char *err, size_t errlen);

/* Writes the workbook as XLSX or ODS to @p path. Returns 0 or -1. */
int jk_workbook_save_xlsx(const jk_workbook *wb, const char *path);
int jk_workbook_save_ods(const jk_workbook *wb, const char *path);

/* Writes @p spec to @p path, as ODS when the path ends in ".ods", else as
 * XLSX. Returns 0, or -1 with a reason in @p err. */
int jk_workbook_write(const char *spec, const char *path, char *err, size_t errlen);

/* The Excel serial number (1900 date system) of a "YYYY-MM-DD" date, -1
 * when it is no date. */
long jk_excel_serial(const char *iso);

#endif /* JK_TEST_XLSXWRITE_H */
