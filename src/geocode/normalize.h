/* SPDX-License-Identifier: MIT */
/*
 * Text normalisation for Indonesian place names (private to geocode).
 *
 * Two forms are used. The folded form keeps the words and the punctuation
 * of an address but is lower-case ASCII: the address parser needs commas,
 * dots and dashes. The key form is what names are compared by: letters and
 * digits only, so that "Lowu-Lowu", "Lowu Lowu" and "Lowulowu" (and
 * "Bau-Bau", "Baubau", "Bau Bau") share one key; Indonesian numbers in
 * words ("Dua Belas", "Lima Puluh", "Sebelas") anywhere and roman numerals
 * after the first word become arabic digits, so "Raha I", "Raha 1" and
 * "Raha Satu" are equal, and so are "Koto Tiga Empat" and "Koto 3-4";
 * abbreviations inside names are written out ("Sei"/"Sg." = "Sungai",
 * "Tj." = "Tanjung", "Gn." = "Gunung", "Kp." = "Kampung", "Pd." =
 * "Pondok", "Bt." = "Batu", "Kr." = "Karang", "Sp." = "Simpang", "P." =
 * "Pulau", "Psr." = "Pasar"); apostrophes vanish.
 */
#ifndef JK_NORMALIZE_H
#define JK_NORMALIZE_H

#include <stddef.h>

/* Longest key kept; longer names are cut (the longest Indonesian village
 * name has 39 key characters). */
#define JK_NORM_KEY_MAX 64

/*
 * Folds @p in into @p out (at most @p size bytes, always terminated):
 * ASCII letters lower-cased, Latin-1 accented letters written in UTF-8
 * replaced by their base letter, apostrophes and backticks (also the UTF-8
 * quotes U+2018/U+2019) removed, en and em dashes turned into '-', control
 * characters and other non-ASCII bytes turned into spaces, runs of spaces
 * collapsed and both ends trimmed. Returns the length written.
 */
size_t jk_norm_fold(const char *in, char *out, size_t size);

/*
 * Writes the comparison key of a name: the folded words, with a roman
 * numeral (I..XXXIX) or a number word (satu..sepuluh) that is not the first
 * word turned into digits, concatenated without separators. @p size should
 * be JK_NORM_KEY_MAX. Returns the length written (0 for a name without
 * letters or digits).
 */
size_t jk_norm_key(const char *in, char *out, size_t size);

/*
 * Writes the key of @p in to @p out, as jk_norm_key(), and to @p out2 the
 * key with number words kept as words ("Landono Dua" -> "landono2" and
 * "landonodua"), or "" when the name has no number word; both buffers of
 * @p size bytes. The gazetteer indexes such names under both keys, so a
 * typo inside the number word ("Landono Duaa") is still one edit away.
 * Returns the length of the first key.
 */
size_t jk_norm_keys(const char *in, char *out, char *out2, size_t size);

/* The value of a lower-case roman numeral of @p n bytes (1..39), or 0. */
int jk_norm_roman(const char *s, size_t n);

/* The value of a lower-case Indonesian number word (satu..sebelas) of
 * @p n bytes, or 0. */
int jk_norm_number_word(const char *s, size_t n);

#endif /* JK_NORMALIZE_H */
