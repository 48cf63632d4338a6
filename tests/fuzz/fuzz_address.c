/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the address parser and the name normaliser and similarity
 * of geocoding (src/geocode/address.h, normalize.h, fuzzy.h).
 *
 * Input: one control byte, then text A, optionally followed by a TAB and
 * text B. A is parsed as a free-text address and as a separate desa,
 * kecamatan or kabupaten column (the control byte picks which), folded
 * into a buffer of a size the control byte picks, and keyed; A's and B's
 * keys are compared with every similarity function.
 *
 * Checked besides memory errors and undefined behaviour: the parse result
 * stays inside its arrays and its strings are terminated; folded text is
 * lower-case ASCII without control characters, runs of spaces or spaces at
 * its ends; keys are letters and digits only; the OSA distance is
 * symmetric, zero only for equal keys and within its cap; the letter-mask
 * prefilter never rejects a pair within the allowed edits; similarities
 * lie in 0..1.
 */
#include <ctype.h>

#include "fuzz.h"
#include "geocode/address.h"
#include "geocode/fuzzy.h"
#include "geocode/normalize.h"

static void check_addr(const jk_addr *a)
{
	int i;

	FUZZ_CHECK(a->n_parts >= 0 && a->n_parts <= JK_ADDR_MAX_PARTS,
		   "n_parts %d", a->n_parts);
	FUZZ_CHECK(fuzz_terminated(a->postal, sizeof a->postal), "postal");
	FUZZ_CHECK(a->postal[0] == '\0' || strlen(a->postal) == 5,
		   "postal '%s'", a->postal);
	if (a->postal[0]) {
		const char *prov = jk_addr_postal_province(a->postal);

		if (prov)
			FUZZ_CHECK(strlen(prov) < 64, "province");
	}
	FUZZ_CHECK(a->rt >= -1 && a->rw >= -1, "rt %d rw %d", a->rt, a->rw);
	for (i = 0; i < a->n_parts; i++) {
		const jk_addr_part *p = &a->part[i];

		/* roles and hints are added to, so no upper bound here */
		FUZZ_CHECK((int)p->role >= 0 && (int)p->role < 64, "role %d",
			   (int)p->role);
		FUZZ_CHECK((int)p->hint >= 0 && (int)p->hint < 64, "hint %d",
			   (int)p->hint);
		FUZZ_CHECK(fuzz_terminated(p->text, sizeof p->text) &&
				   fuzz_terminated(p->full, sizeof p->full),
			   "part %d not terminated", i);
		FUZZ_CHECK(jk_addr_role_name(p->role) != NULL, "role name");
	}
}

static void check_folded(const char *in, const char *out, size_t len,
			 size_t size)
{
	size_t i;

	FUZZ_CHECK(fuzz_terminated(out, size), "fold not terminated");
	FUZZ_CHECK(strlen(out) == len && len < size,
		   "fold returned %zu, wrote %zu of %zu", len, strlen(out), size);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];

		FUZZ_CHECK(c >= 0x20 && c < 0x7f && !(c >= 'A' && c <= 'Z'),
			   "'%s' folded to byte 0x%02x", in, c);
		FUZZ_CHECK(c != ' ' || (i > 0 && i + 1 < len && out[i - 1] != ' '),
			   "'%s' folded to '%s': space at an end or doubled",
			   in, out);
	}
}

static void check_key(const char *in, const char *key, size_t len)
{
	size_t i;

	FUZZ_CHECK(fuzz_terminated(key, JK_NORM_KEY_MAX) &&
			   strlen(key) == len && len < JK_NORM_KEY_MAX,
		   "key of '%s': length %zu", in, len);
	for (i = 0; i < len; i++)
		FUZZ_CHECK(islower((unsigned char)key[i]) ||
				   isdigit((unsigned char)key[i]),
			   "key of '%s' is '%s'", in, key);
}

static void check_pair(const char *a, size_t la, const char *b, size_t lb)
{
	int max, d, d2, cost;
	double sim;

	for (max = 0; max <= 3; max++) {
		d = jk_fuzzy_osa(a, la, b, lb, max);
		d2 = jk_fuzzy_osa(b, lb, a, la, max);
		FUZZ_CHECK(d >= 0 && d <= max + 1, "osa %d (max %d)", d, max);
		FUZZ_CHECK(d == d2, "osa('%s','%s') %d but reversed %d", a, b,
			   d, d2);
		FUZZ_CHECK((d == 0) == (la == lb && !memcmp(a, b, la)),
			   "osa('%s','%s') = %d", a, b, d);
		if (d <= max) {
			size_t diff = la > lb ? la - lb : lb - la;

			FUZZ_CHECK(diff <= (size_t)d, "osa('%s','%s') %d < length "
				   "difference", a, b, d);
			FUZZ_CHECK(jk_fuzzy_mask_may_match(
					   jk_fuzzy_letter_mask(a, la),
					   jk_fuzzy_letter_mask(b, lb), max),
				   "prefilter rejects '%s','%s' at distance %d",
				   a, b, d);
		}
		cost = jk_fuzzy_cost(a, la, b, lb, 10 * max + 5);
		FUZZ_CHECK(cost >= 0 && cost <= 10 * max + 6, "cost %d", cost);
	}
	sim = jk_fuzzy_name_sim(a, la, b, lb, &cost);
	FUZZ_CHECK(sim >= 0 && sim <= 1, "sim('%s','%s') %g", a, b, sim);
	FUZZ_CHECK(cost >= -1, "cost %d", cost);
	FUZZ_CHECK(jk_fuzzy_max_edits(la) >= 0 && jk_fuzzy_max_edits(la) <= 2,
		   "max edits");
	(void)jk_fuzzy_plausible_sub(la ? a[0] : 'a', lb ? b[0] : 'a');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const jk_addr_role roles[4] = {JK_ADDR_DESA, JK_ADDR_KEC,
					      JK_ADDR_KAB, JK_ADDR_NAME};
	char *f[2];
	jk_addr *addr;
	char *fold;
	char ka[JK_NORM_KEY_MAX], ka2[JK_NORM_KEY_MAX];
	char kb[JK_NORM_KEY_MAX], kb2[JK_NORM_KEY_MAX];
	size_t foldsize, la, lb, n;
	uint8_t ctl;

	if (size < 1)
		return 0;
	ctl = data[0];
	fuzz_fields(data + 1, size - 1, '\t', f, 2);
	if (!f[1])
		f[1] = fuzz_strndup((const uint8_t *)"", 0);

	/* the parser, on the heap so that ASan guards the struct */
	addr = malloc(sizeof *addr);
	if (!addr)
		abort();
	jk_addr_parse(f[0], addr);
	check_addr(addr);
	jk_addr_parse_field(f[0], roles[ctl & 3], addr);
	check_addr(addr);
	jk_addr_parse(NULL, addr);
	FUZZ_CHECK(addr->n_parts == 0, "NULL parsed into %d parts",
		   addr->n_parts);
	free(addr);

	/* folding into a buffer of 1..64 bytes, or as large as needed */
	foldsize = (ctl >> 2) ? (size_t)(ctl >> 2) : 2 * size + 1;
	fold = malloc(foldsize);
	if (!fold)
		abort();
	n = jk_norm_fold(f[0], fold, foldsize);
	check_folded(f[0], fold, n, foldsize);
	free(fold);

	/* keys and similarity */
	la = jk_norm_keys(f[0], ka, ka2, JK_NORM_KEY_MAX);
	check_key(f[0], ka, la);
	check_key(f[0], ka2, strlen(ka2));
	FUZZ_CHECK(jk_norm_key(f[0], kb, JK_NORM_KEY_MAX) == la &&
			   !strcmp(ka, kb),
		   "jk_norm_key and jk_norm_keys differ on '%s'", f[0]);
	lb = jk_norm_keys(f[1], kb, kb2, JK_NORM_KEY_MAX);
	check_key(f[1], kb, lb);
	check_pair(ka, la, kb, lb);
	check_pair(ka, la, ka, la);
	if (ka2[0])
		check_pair(ka2, strlen(ka2), kb, lb);
	n = strlen(f[0]);
	if (n > 0 && n <= 39) {
		int r = jk_norm_roman(f[0], n);
		int w = jk_norm_number_word(f[0], n);

		FUZZ_CHECK(r >= 0 && r <= 39, "roman '%s' = %d", f[0], r);
		FUZZ_CHECK(w >= 0 && w < 1000, "number word '%s' = %d", f[0], w);
	}
	/* the distance on raw bytes too (at most JK_NORM_KEY_MAX - 1) */
	la = strlen(f[0]);
	lb = strlen(f[1]);
	check_pair(f[0], la < JK_NORM_KEY_MAX ? la : JK_NORM_KEY_MAX - 1, f[1],
		   lb < JK_NORM_KEY_MAX ? lb : JK_NORM_KEY_MAX - 1);
	fuzz_fields_free(f, 2);
	return 0;
}
