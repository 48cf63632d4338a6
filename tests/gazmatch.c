/* SPDX-License-Identifier: MIT */
/*
 * jk_gazmatch: the text matcher alone (src/geocode/gazetteer_match.c) on an
 * address book with truth, for measuring and for finding what fails. It
 * builds the gazetteer from the national wilayah.csv (plus the built-in
 * aliases and alias files) and
 * matches every row of a CSV that has the columns alamat, desa_kelurahan,
 * kecamatan, kabupaten_kota and true_kode (any other columns are ignored;
 * `alamat_rumah` is read when there is no `alamat`). It prints per province:
 * rows, right village, undecided (ambiguous or above village), wrong
 * village; then, for the rows matched to a village, how often each band of
 * the matcher's confidence is right; with -v every row that is not right,
 * with the matcher's reason.
 *
 * usage: jk_gazmatch WILAYAH.csv BOOK.csv [-a ALIASES.csv]... [-v]
 *
 * No coordinates and no polygons: what the address text alone gives. A
 * tool of the tests, not part of jangkau.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "geocode/gazetteer.h"

struct tally {
	long n, right, wrong, undecided, amb_true;
};

static int find_col(const jk_csv *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->ncols; i++)
		if (strcmp(c->head[i], name) == 0)
			return (int)i;
	return -1;
}

static const char *cell(const jk_csv *c, size_t r, int col)
{
	return col >= 0 ? jk_csv_cell(c, r, (size_t)col) : "";
}

static int load(jk_gaz *g, const char *path, int aliases)
{
	jk_csv c;
	char err[300];
	int ck, cn;
	size_t r;

	if (jk_csv_load(&c, path, err, sizeof err)) {
		fprintf(stderr, "jk_gazmatch: %s\n", err);
		return -1;
	}
	ck = find_col(&c, "kode");
	cn = find_col(&c, aliases ? "alias" : "nama");
	if (ck < 0 || cn < 0) {
		fprintf(stderr, "jk_gazmatch: %s: no kode/%s column\n", path,
			aliases ? "alias" : "nama");
		jk_csv_release(&c);
		return -1;
	}
	for (r = 0; r < c.nrows; r++) {
		const char *k = cell(&c, r, ck), *n = cell(&c, r, cn);

		if ((aliases ? jk_gaz_add_alias(g, k, n) : jk_gaz_add(g, k, n)) < 0)
			fprintf(stderr, "jk_gazmatch: %s: row %zu not added\n", path, r + 2);
	}
	jk_csv_release(&c);
	return 0;
}

int main(int argc, char **argv)
{
	struct tally prov[100], all;
	static const double band_lo[] = { 0.95, 0.9, 0.8, 0.7, 0.0 };
	long band_n[5] = { 0 }, band_right[5] = { 0 };
	jk_gaz *g;
	jk_csv b;
	char err[300];
	int ca, cd, ck, cb, ct, verbose = 0, i;
	size_t r;

	if (argc < 3) {
		fprintf(stderr, "usage: jk_gazmatch WILAYAH.csv BOOK.csv [-a ALIASES.csv]... [-v]\n");
		return 2;
	}
	g = jk_gaz_create();
	if (!g || jk_gaz_add_builtin_aliases(g) < 0 || load(g, argv[1], 0))
		return 1;
	for (i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-a") && i + 1 < argc)
			load(g, argv[++i], 1);
	}
	if (jk_gaz_finish(g)) {
		fprintf(stderr, "jk_gazmatch: cannot build the gazetteer\n");
		return 1;
	}
	if (jk_csv_load(&b, argv[2], err, sizeof err)) {
		fprintf(stderr, "jk_gazmatch: %s\n", err);
		return 1;
	}
	ca = find_col(&b, "alamat");
	if (ca < 0)
		ca = find_col(&b, "alamat_rumah");
	cd = find_col(&b, "desa_kelurahan");
	ck = find_col(&b, "kecamatan");
	cb = find_col(&b, "kabupaten_kota");
	ct = find_col(&b, "true_kode");
	if (ct < 0) {
		fprintf(stderr, "jk_gazmatch: %s: no true_kode column\n", argv[2]);
		return 1;
	}
	memset(prov, 0, sizeof prov);
	memset(&all, 0, sizeof all);
	for (r = 0; r < b.nrows; r++) {
		jk_addr_in in = { cell(&b, r, ca), cell(&b, r, cd), cell(&b, r, ck),
				  cell(&b, r, cb) };
		const char *want = cell(&b, r, ct);
		struct tally *t = &prov[atoi(want) % 100];
		jk_match m;
		int right, j, amb = 0;

		if (jk_gaz_match(g, &in, &m) < 0) {
			fprintf(stderr, "jk_gazmatch: out of memory\n");
			return 1;
		}
		right = m.prec == JK_PREC_VILLAGE && strcmp(m.kode, want) == 0;
		for (j = 0; j < m.n_cand; j++)
			amb |= strcmp(m.cand[j], want) == 0;
		t->n++;
		t->right += right;
		t->wrong += m.prec == JK_PREC_VILLAGE && !right;
		t->undecided += m.prec != JK_PREC_VILLAGE;
		t->amb_true += amb;
		if (m.prec == JK_PREC_VILLAGE) {
			for (j = 0; m.score < band_lo[j]; j++)
				;
			band_n[j]++;
			band_right[j] += right;
		}
		if (verbose && !right)
			printf("%s\t%s\t%s | %s | %s | %s\t-> %d %s\t%s\n",
			       m.prec == JK_PREC_VILLAGE ? "WRONG" : "UNDEC", want,
			       in.alamat, in.desa, in.kec, in.kab, (int)m.prec,
			       m.kode, m.reason);
	}
	printf("prov\trows\tright%%\tundecided%%\twrong%%_of_decided\n");
	for (i = 0; i < 100; i++) {
		struct tally *t = &prov[i];

		if (!t->n)
			continue;
		printf("%02d\t%ld\t%.2f\t%.2f\t%.2f\n", i, t->n, 100.0 * t->right / t->n,
		       100.0 * t->undecided / t->n,
		       t->right + t->wrong ? 100.0 * t->wrong / (t->right + t->wrong) : 0);
		all.n += t->n;
		all.right += t->right;
		all.wrong += t->wrong;
		all.undecided += t->undecided;
	}
	if (all.n)
		printf("all\t%ld\t%.2f\t%.2f\t%.2f\n", all.n, 100.0 * all.right / all.n,
		       100.0 * all.undecided / all.n,
		       all.right + all.wrong ? 100.0 * all.wrong / (all.right + all.wrong) : 0);
	printf("confidence\tvillages\tright%%\n");
	for (i = 0; i < 5; i++)
		if (band_n[i])
			printf(">=%.2f\t%ld\t%.2f\n", band_lo[i], band_n[i],
			       100.0 * band_right[i] / band_n[i]);
	jk_csv_release(&b);
	jk_gaz_destroy(g);
	return 0;
}
