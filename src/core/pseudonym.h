/* SPDX-License-Identifier: MIT */
/*
 * Pseudonyms for people in published outputs: a keyed hash of the
 * office's own id, so that a layer carries an id that is stable from one
 * export to the next (a QGIS project, a join, a follow-up keeps working)
 * but that nobody without the key can turn back into the office's case
 * number, nor guess by hashing candidate case numbers. The key is a
 * per-store random secret (export.c keeps it in the store's meta table).
 *
 * The hash is SipHash-2-4 (Aumasson and Bernstein, 2012), a pseudorandom
 * function keyed with 128 bits, made for exactly this: short inputs whose
 * hashes must not be predictable without the key.
 */
#ifndef JK_PSEUDONYM_H
#define JK_PSEUDONYM_H

#include <stddef.h>
#include <stdint.h>

#define JK_PSEUDONYM_KEY_LEN 16
/* "K-" and 10 base32 characters (50 bits), NUL included */
#define JK_PSEUDONYM_LEN 13

/* SipHash-2-4 of @p len bytes of @p data under the 16-byte @p key. */
uint64_t jk_siphash24(const unsigned char key[JK_PSEUDONYM_KEY_LEN],
		      const void *data, size_t len);

/* The pseudonym of @p id under @p key into @p out: "K-" and the top 50
 * bits of its SipHash-2-4 in base32 (RFC 4648 alphabet), e.g.
 * "K-7QX2M4HBJD". Two ids share a pseudonym with probability 2^-50 per
 * pair (about 4 in a million among 100,000 clients). */
void jk_pseudonym(const unsigned char key[JK_PSEUDONYM_KEY_LEN],
		  const char *id, char out[JK_PSEUDONYM_LEN]);

#endif /* JK_PSEUDONYM_H */
