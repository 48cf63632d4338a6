/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the cell-value parsers of an office spreadsheet
 * (src/core/parse.h). Every parser reads the same cell: coordinates,
 * site and client status, yes/no, sentence type, integers with units,
 * dates, site types (with the cell as name too) and column headers of
 * both tables. The first byte chooses the size of the reason buffer of
 * jk_coord_parse() and of the list of jk_field_headers() (1 to 256
 * bytes), so that short buffers are tried.
 *
 * Besides memory errors and undefined behaviour, it checks what parse.h
 * promises: return values in their documented sets, coordinates finite
 * and in WGS84 degrees, ISO dates of a real day, terminated strings.
 */
#include <math.h>

#include "fuzz.h"
#include "core/parse.h"

static int days_in_month(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static void check_coord(const char *s, size_t whylen)
{
	double lat = 1234, lon = 1234;
	int flags = -1, rc;
	char *why = malloc(whylen);

	if (!why)
		abort();
	memset(why, 'x', whylen);
	rc = jk_coord_parse(s, &lat, &lon, &flags, why, whylen);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == -1, "rc %d", rc);
	FUZZ_CHECK(fuzz_terminated(why, whylen), "reason not terminated");
	if (rc == 0) {
		FUZZ_CHECK(isfinite(lat) && isfinite(lon), "%g %g", lat, lon);
		FUZZ_CHECK(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180,
			   "'%s' gave %.9f, %.9f", s, lat, lon);
		FUZZ_CHECK((flags & ~0x3f) == 0, "flags 0x%x", (unsigned)flags);
	}
	free(why);
}

static void check_date(const char *s)
{
	/* exactly the documented minimum, on the heap: ASan sees overflows */
	char *iso = malloc(11);
	int rc, y, m, d;

	if (!iso)
		abort();
	memset(iso, 'x', 11);
	rc = jk_date_parse(s, iso, 11);
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == -1, "rc %d", rc);
	if (rc == 0) {
		FUZZ_CHECK(fuzz_terminated(iso, 11) && strlen(iso) == 10 &&
				   iso[4] == '-' && iso[7] == '-',
			   "'%s': iso not YYYY-MM-DD", s);
		FUZZ_CHECK(sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3,
			   "'%s' -> '%s'", s, iso);
		FUZZ_CHECK(m >= 1 && m <= 12 && d >= 1 &&
				   d <= days_in_month(y, m),
			   "'%s' -> impossible date '%s'", s, iso);
	}
	free(iso);
}

static void check_values(const char *s)
{
	int v;
	long n = -7;
	const char *name;

	v = jk_site_status_parse(s);
	FUZZ_CHECK(v >= -1 && v <= JK_SITE_INACTIVE, "status %d", v);
	name = jk_site_status_name(v < 0 ? JK_SITE_UNKNOWN : v);
	FUZZ_CHECK(name && *name, "no status name for %d", v);
	v = jk_yesno_parse(s);
	FUZZ_CHECK(v >= -2 && v <= 1, "yesno %d", v);
	v = jk_client_status_parse(s);
	FUZZ_CHECK(v >= -1 && v <= 1, "client status %d", v);
	v = jk_pidana_parse(s);
	FUZZ_CHECK(v >= -1 && v <= 2, "pidana %d", v);
	v = jk_int_parse(s, &n);
	FUZZ_CHECK(v >= -1 && v <= 1, "int rc %d", v);
	(void)jk_int_parse(s, NULL); /* accepted by the tests */
	name = jk_jenis_canonical(s, NULL);
	if (name)
		FUZZ_CHECK(strlen(name) < 64, "jenis '%s'", name);
	name = jk_jenis_canonical(s, s);
	if (name)
		FUZZ_CHECK(strlen(name) < 64, "jenis '%s'", name);
	name = jk_jenis_canonical("Tempat Ibadah", s);
	FUZZ_CHECK(name != NULL, "jenis NULL for a non-empty type");
	name = jk_jenis_canonical("Kantor Pemerintahan", s);
	FUZZ_CHECK(name != NULL, "jenis NULL for a non-empty type");
}

static void check_header(const char *s, size_t outlen)
{
	char *out = malloc(outlen);
	int t;
	size_t n;

	if (!out)
		abort();
	for (t = JK_TABLE_SITES; t <= JK_TABLE_CLIENTS; t++) {
		jk_field f = jk_field_from_header(t, s);
		const char *name;

		FUZZ_CHECK(f >= JK_F_NONE && f < JK_F__COUNT, "field %d", (int)f);
		name = jk_field_name(f);
		if (name)
			FUZZ_CHECK(strlen(name) < 64, "field name");
		/* the accepted names of that field, into a short buffer:
		 * truncated, always terminated */
		memset(out, 'x', outlen);
		n = jk_field_headers(t, f, out, outlen);
		FUZZ_CHECK(fuzz_terminated(out, outlen) && strlen(out) < outlen,
			   "field headers of %d not terminated in %zu bytes",
			   (int)f, outlen);
		FUZZ_CHECK(n == strlen(out) || n >= outlen - 1,
			   "field headers: returned %zu, wrote %zu", n,
			   strlen(out));
	}
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t whylen;
	char *s;

	if (size < 1)
		return 0;
	whylen = (size_t)data[0] + 1;
	s = fuzz_strndup(data + 1, size - 1);
	check_coord(s, whylen);
	check_date(s);
	check_values(s);
	check_header(s, whylen);
	free(s);
	return 0;
}
