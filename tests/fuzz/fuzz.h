/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the libFuzzer targets of tests/fuzz: the input as a C
 * string, splitting it into fields, and a check that reports a broken
 * promise of an API as a crash (so that libFuzzer saves the input).
 * Test code, not library code: it may print and abort.
 */
#ifndef JK_FUZZ_H
#define JK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken documented promise: print it and abort, which libFuzzer
 * reports as a crash and saves the input for. */
#define FUZZ_CHECK(cond, ...)                                                \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "fuzz check failed: %s (%s:%d): ",   \
				#cond, __FILE__, __LINE__);                  \
			fprintf(stderr, __VA_ARGS__);                        \
			fputc('\n', stderr);                                 \
			abort();                                             \
		}                                                            \
	} while (0)

/* A NUL-terminated heap copy of @p n bytes, in a block of exactly n + 1
 * bytes so that AddressSanitizer sees a read past the end. Never NULL
 * (aborts on OOM, which libFuzzer's own limit reports first). */
static inline char *fuzz_strndup(const uint8_t *p, size_t n)
{
	char *s = malloc(n + 1);

	if (!s)
		abort();
	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/*
 * Cuts @p data into at most @p max fields at byte @p sep; each field is a
 * separate exactly-sized heap string (fuzz_strndup). Fields past the
 * input are NULL. Returns the number of fields found. Free with
 * fuzz_fields_free().
 */
static inline int fuzz_fields(const uint8_t *data, size_t size, char sep,
			      char **field, int max)
{
	size_t start = 0, i;
	int n = 0;

	for (i = 0; i < (size_t)max; i++)
		field[i] = NULL;
	for (i = 0; i <= size && n < max; i++) {
		if (i == size || (data[i] == (uint8_t)sep && n < max - 1)) {
			field[n++] = fuzz_strndup(data + start, i - start);
			start = i + 1;
		}
	}
	return n;
}

static inline void fuzz_fields_free(char **field, int max)
{
	int i;

	for (i = 0; i < max; i++) {
		free(field[i]);
		field[i] = NULL;
	}
}

/* Is @p s terminated within @p size bytes? */
static inline int fuzz_terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

#endif /* JK_FUZZ_H */
