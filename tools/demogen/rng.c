/* SPDX-License-Identifier: MIT */
/*
 * The PRNG of jk_demogen: splitmix64 seeds xoshiro256**, one independent
 * stream per stage (rng_init's stream number), so that the output is a pure
 * function of the seed and a change in one stage does not reshuffle the
 * others. On top of it: uniform, normal and triangular draws, shuffles and
 * weighted choices among spellings (wstr tables, PICKW).
 */
#include "demogen.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* One independent stream per stage of the generator. */
void rng_init(rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (0xD1B54A32D192ED03ull * (stream + 1));

	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_u64(rng *r)
{
	uint64_t *s = r->s;
	uint64_t res = rotl64(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl64(s[3], 45);
	return res;
}

/* Uniform in [0, 1). */
double rng_unif(rng *r)
{
	return (double)(rng_u64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [lo, hi]. */
int rng_int(rng *r, int lo, int hi)
{
	return lo + (int)(rng_unif(r) * (double)(hi - lo + 1));
}

int rng_chance(rng *r, double p)
{
	return rng_unif(r) < p;
}

double rng_normal(rng *r)
{
	double u1 = 1.0 - rng_unif(r), u2 = rng_unif(r);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * PI * u2);
}

/* Triangular distribution on [a, b] with mode c. */
double rng_tri(rng *r, double a, double c, double b)
{
	double u = rng_unif(r);

	if (u < (c - a) / (b - a))
		return a + sqrt(u * (b - a) * (c - a));
	return b - sqrt((1.0 - u) * (b - a) * (b - c));
}

void rng_shuffle(rng *r, int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rng_int(r, 0, i), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

int pick_wi(rng *r, const wstr *t, size_t n)
{
	int tot = 0, x;

	for (size_t i = 0; i < n; i++)
		tot += t[i].w;
	x = rng_int(r, 0, tot - 1);
	for (size_t i = 0; i < n; i++) {
		if (x < t[i].w)
			return (int)i;
		x -= t[i].w;
	}
	return (int)n - 1;
}

const char *pick_w(rng *r, const wstr *t, size_t n)
{
	return t[pick_wi(r, t, n)].s;
}

const char *pick(rng *r, const char *const *t, size_t n)
{
	return t[rng_int(r, 0, (int)n - 1)];
}
