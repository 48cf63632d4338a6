/* SPDX-License-Identifier: MIT */
/*
 * String similarity for place-name keys (private to geocode).
 *
 * Names are compared by their normalised keys (normalize.h) with the
 * optimal-string-alignment variant of the Damerau-Levenshtein distance:
 * the typos in hand-written addresses are single-character substitutions,
 * deletions, insertions and swaps of two neighbours, and this distance
 * counts each of them as one edit. It is computed in a band and gives up
 * as soon as the distance must exceed the allowed number of edits, so a
 * rejected pair costs a few dozen cell updates. Jaro-Winkler was not used:
 * it rewards shared prefixes, which Indonesian names share massively
 * ("Wa", "La", "Kasa", "Lasalimu Selatan"), and it has no edit budget
 * that a reason string or a threshold can state.
 */
#ifndef JK_FUZZY_H
#define JK_FUZZY_H

#include <stddef.h>
#include <stdint.h>

/*
 * OSA distance between @p a (@p la bytes) and @p b (@p lb bytes), both at
 * most JK_NORM_KEY_MAX - 1 bytes. Returns the distance if it is at most
 * @p max, else max + 1.
 */
int jk_fuzzy_osa(const char *a, size_t la, const char *b, size_t lb, int max);

/*
 * Weighted OSA cost in tenths of an edit, or max_cost + 1 when it exceeds
 * @p max_cost. Insertions, deletions, swaps of neighbours and the
 * substitutions typists make (a vowel for a vowel, a key for its QWERTY
 * neighbour) cost 10; any other substitution costs JK_FUZZY_COST_ODD. The
 * typo model breaks ties that a plain edit count leaves: "Kaila-Lai" is two
 * swaps from "Kalia-Lia" but two odd substitutions from "Kantalai".
 */
#define JK_FUZZY_COST_ODD 13
int jk_fuzzy_cost(const char *a, size_t la, const char *b, size_t lb,
		  int max_cost);

/* Does substituting @p x by @p y look like a typo (both lower-case)? */
int jk_fuzzy_plausible_sub(char x, char y);

/*
 * Prefilter: the set of letters of a key as a bit mask (digits share one
 * bit). An edit adds or removes at most two letters of the set, so keys
 * whose masks differ in more than 2 * max_edits bits are further apart;
 * jk_fuzzy_mask_may_match() says whether they may be within @p max_edits.
 */
uint32_t jk_fuzzy_letter_mask(const char *s, size_t n);
int jk_fuzzy_mask_may_match(uint32_t a, uint32_t b, int max_edits);

/*
 * Edits allowed between a written key and a name key of @p len bytes:
 * 0 below 4 characters, 1 for 4-5, 2 from 6. Never 3, not even for long
 * names: "Sulawesi Tengah" is three edits from "Sulawesi Tenggara" and
 * "Poleang Tengah" from "Poleang Tenggara".
 */
int jk_fuzzy_max_edits(size_t len);

/* Similarity of two keys whose weighted cost is @p cost tenths of an
 * edit, the longer one @p len bytes: 1 - cost / (10 * max(len, 10)), so
 * one edit costs about 0.1. */
double jk_fuzzy_sim_from_cost(int cost, size_t len);

/*
 * Similarity of a written key @p a and a name key @p b in 0..1: 1 when
 * equal; when they start with the same character (writers do not get the
 * first letter wrong), hold the same digits ("Raha 1" is never "Raha 2")
 * and the weighted cost stays within the allowed edits of the name (each
 * at most JK_FUZZY_COST_ODD), jk_fuzzy_sim_from_cost(); else 0. If @p cost is not NULL it receives the cost in tenths of an
 * edit (-1 when rejected).
 */
double jk_fuzzy_name_sim(const char *a, size_t la, const char *b, size_t lb,
			 int *cost);

#endif /* JK_FUZZY_H */
