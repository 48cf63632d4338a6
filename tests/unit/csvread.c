/* SPDX-License-Identifier: MIT */
/*
 * The test support CSV reader (csvread.h): the whole file is read at once
 * and decoded in place into a second buffer of the same size, so that a
 * table costs two allocations and the cells are plain pointers into it.
 * Anything RFC 4180 does not allow (a stray or unclosed quote, junk after a
 * closing quote, rows of different lengths) is an error with the file and
 * line, since the truth files are meant to be exact.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"

void jk_csv_release(jk_csv *t)
{
	free(t->raw);
	free(t->text);
	free(t->cells);
	free(t->head);
	memset(t, 0, sizeof *t);
}

int jk_csv_load(jk_csv *t, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	long sz;
	size_t len, i = 0, o = 0, nf = 0, cap = 0, ncells = 0, line = 1;
	char **fields = NULL;
	int rc = -1;

	memset(t, 0, sizeof *t);
	if (!f) {
		snprintf(err, errlen, "cannot open '%s'", path);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) || (sz = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		snprintf(err, errlen, "cannot size '%s'", path);
		fclose(f);
		return -1;
	}
	len = (size_t)sz;
	t->raw = malloc(len + 1);
	t->text = malloc(len + 1);
	if (!t->raw || !t->text || fread(t->raw, 1, len, f) != len) {
		snprintf(err, errlen, "cannot read '%s'", path);
		fclose(f);
		goto out;
	}
	fclose(f);
	t->raw[len] = '\0';
	while (i < len) {
		/* one record */
		for (;;) {
			char *start = t->text + o;

			if (i < len && t->raw[i] == '"') {
				i++;
				for (;;) {
					if (i >= len) {
						snprintf(err, errlen,
							 "%s:%zu: open quote",
							 path, line);
						goto out;
					}
					if (t->raw[i] == '"') {
						if (i + 1 < len &&
						    t->raw[i + 1] == '"') {
							t->text[o++] = '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					t->text[o++] = t->raw[i++];
				}
			} else {
				while (i < len && t->raw[i] != ',' &&
				       t->raw[i] != '\r' && t->raw[i] != '\n') {
					if (t->raw[i] == '"') {
						snprintf(err, errlen,
							 "%s:%zu: stray quote",
							 path, line);
						goto out;
					}
					t->text[o++] = t->raw[i++];
				}
			}
			t->text[o++] = '\0';
			if (nf == cap) {
				size_t nc = cap ? cap * 2 : 64;
				char **p = realloc(fields, nc * sizeof *p);

				if (!p) {
					snprintf(err, errlen, "%s: out of memory",
						 path);
					goto out;
				}
				fields = p;
				cap = nc;
			}
			fields[nf++] = start;
			if (i < len && t->raw[i] == ',') {
				i++;
				continue;
			}
			if (i < len && t->raw[i] == '\r')
				i++;
			if (i < len && t->raw[i] == '\n')
				i++;
			else if (i < len) {
				snprintf(err, errlen, "%s:%zu: junk after quote",
					 path, line);
				goto out;
			}
			break;
		}
		if (!t->ncols) {
			t->ncols = nf;
		} else if (nf - ncells != t->ncols) {
			snprintf(err, errlen, "%s:%zu: %zu fields, want %zu",
				 path, line, nf - ncells, t->ncols);
			goto out;
		}
		ncells = nf;
		line++;
	}
	if (!t->ncols) {
		snprintf(err, errlen, "%s: empty", path);
		goto out;
	}
	t->head = malloc(t->ncols * sizeof *t->head);
	if (!t->head) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	memcpy(t->head, fields, t->ncols * sizeof *t->head);
	t->nrows = nf / t->ncols - 1;
	t->cells = malloc((t->nrows + 1) * t->ncols * sizeof *t->cells);
	if (!t->cells) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	memcpy(t->cells, fields + t->ncols,
	       t->nrows * t->ncols * sizeof *t->cells);
	rc = 0;
out:
	free(fields);
	if (rc)
		jk_csv_release(t);
	return rc;
}

size_t jk_csv_col(const jk_csv *t, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->head[c], name) == 0)
			return c;
	ck_abort_msg("column '%s' missing", name);
	return 0;
}

const char *jk_csv_cell(const jk_csv *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

int jk_csv_has_label(const char *labels, const char *want)
{
	size_t n = strlen(want);
	const char *p = labels;

	while (p && *p) {
		const char *e = strchr(p, ';');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l == n && strncmp(p, want, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}
