/*
 * jk_demogen: writes the demo data set bundled with jangkau (data/demo).
 *
 * The demo is a fictional archipelago province, "Kepulauan Jangkau" (code
 * 99, which Kemendagri does not assign), placed in open sea in the Banda Sea
 * (kept inside 124.5-125.6 E, 6.5-7.3 S) so that it overlaps no real Indonesian
 * region. The program invents three islands as smooth irregular outlines,
 * partitions them into villages (a Voronoi diagram of seed points noded
 * together with the coastline), groups the villages into districts and
 * regencies, invents every name, and then writes an office address book of
 * community-service work sites and a client register with the same kinds of
 * mess as the real field book (shared/data/fieldbook/README.md), together
 * with the ground truth, and a road network with a ferry (see "Roads"
 * below), so that import, geocoding and coverage (by straight line and by
 * road) can be run and measured on data that may be shipped freely. Every messiness applied
 * to a row is recorded in its truth labels.
 *
 * The output is a pure function of the seed: a private PRNG (splitmix64
 * seeding xoshiro256**, one stream per stage so that a change in one stage
 * does not reshuffle the others), no clock, fixed number formats, and all
 * polygon vertices on a 1e-6 degree grid so that the GeoJSON written with six
 * decimals is exactly what was checked.
 *
 * This is a tool, not library code: it prints a summary and exits non-zero
 * on failure.
 */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "core/csv.h"

#define DEFAULT_SEED 9955u
#define GRID 1e-6 /* degrees; every output vertex lies on this grid */
#define PI 3.14159265358979323846
#define KM_PER_DEG_LAT 110.574
#define KM_PER_DEG_LON_EQ 111.320
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#define PROV_KODE "99"
#define PROV_NAMA "Kepulauan Jangkau"

/* ------------------------------------------------------------------ */
/* Failure, memory, strings                                            */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("jk_demogen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("out of memory");
	return q;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xrealloc(NULL, n);

	memcpy(p, s, n);
	return p;
}

/* Bounded copy that always terminates; truncation is a bug here. */
static void scopy(char *dst, size_t n, const char *src)
{
	if ((size_t)snprintf(dst, n, "%s", src) >= n)
		die("internal: name too long: '%s'", src);
}

static void sfmt(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void sfmt(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(dst, n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= n)
		die("internal: formatted text too long");
}

/* Growing string. */
typedef struct sb {
	char *p;
	size_t len, cap;
} sb;

static void sb_grow(sb *b, size_t add)
{
	if (b->len + add + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (b->len + add + 1 > cap)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
}

static void sb_add(sb *b, const char *s)
{
	size_t n = strlen(s);

	sb_grow(b, n);
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

static void sb_addf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_addf(sb *b, const char *fmt, ...)
{
	va_list ap;
	char tmp[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		die("internal: bad format");
	sb_grow(b, (size_t)n);
	if ((size_t)n < sizeof(tmp)) {
		memcpy(b->p + b->len, tmp, (size_t)n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

static void sb_clear(sb *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

static const char *sb_str(const sb *b)
{
	return b->p ? b->p : "";
}

static void sb_free(sb *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_alpha(int c)
{
	return is_lower(c) || is_upper(c);
}

static int to_lower(int c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

static int to_upper(int c)
{
	return is_lower(c) ? c - 'a' + 'A' : c;
}

static int is_vowel(int c)
{
	c = to_lower(c);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static void str_upper(char *s)
{
	for (; *s; s++)
		*s = (char)to_upper((unsigned char)*s);
}

/* Lower-case letters and digits only: the form names are compared in. */
static void norm_name(const char *in, char *out, size_t n)
{
	size_t k = 0;

	for (; *in && k + 1 < n; in++) {
		int c = (unsigned char)*in;

		if (is_alpha(c) || (c >= '0' && c <= '9'))
			out[k++] = (char)to_lower(c);
	}
	out[k] = '\0';
}

static int count_letters(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += is_alpha((unsigned char)*s);
	return n;
}

static int levenshtein(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b);
	int row[128], prev[128];

	if (la > 120 || lb > 120)
		return 99;
	for (int j = 0; j <= lb; j++)
		prev[j] = j;
	for (int i = 1; i <= la; i++) {
		row[0] = i;
		for (int j = 1; j <= lb; j++) {
			int c = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (row[j - 1] + 1 < c)
				c = row[j - 1] + 1;
			row[j] = c;
		}
		memcpy(prev, row, sizeof(int) * (size_t)(lb + 1));
	}
	return prev[lb];
}

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64 seeds xoshiro256**                                  */

typedef struct rng {
	uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* One independent stream per stage of the generator. */
static void rng_init(rng *r, uint64_t seed, uint64_t stream)
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
static double rng_unif(rng *r)
{
	return (double)(rng_u64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [lo, hi]. */
static int rng_int(rng *r, int lo, int hi)
{
	return lo + (int)(rng_unif(r) * (double)(hi - lo + 1));
}

static int rng_chance(rng *r, double p)
{
	return rng_unif(r) < p;
}

static double rng_normal(rng *r)
{
	double u1 = 1.0 - rng_unif(r), u2 = rng_unif(r);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * PI * u2);
}

/* Triangular distribution on [a, b] with mode c. */
static double rng_tri(rng *r, double a, double c, double b)
{
	double u = rng_unif(r);

	if (u < (c - a) / (b - a))
		return a + sqrt(u * (b - a) * (c - a));
	return b - sqrt((1.0 - u) * (b - a) * (b - c));
}

static void rng_shuffle(rng *r, int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rng_int(r, 0, i), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

/* A string with a weight, for weighted choices among spellings. */
typedef struct wstr {
	const char *s;
	int w;
} wstr;

static int pick_wi(rng *r, const wstr *t, size_t n)
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

static const char *pick_w(rng *r, const wstr *t, size_t n)
{
	return t[pick_wi(r, t, n)].s;
}

static const char *pick(rng *r, const char *const *t, size_t n)
{
	return t[rng_int(r, 0, (int)n - 1)];
}

#define PICKW(r, t) pick_w((r), (t), NELEM(t))
#define PICK(r, t) pick((r), (t), NELEM(t))

/* ------------------------------------------------------------------ */
/* Typing errors                                                       */

static const char *const KEY_NEIGHBOURS[26] = {
    "qwsz",   "vghn",  "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko",
    "huikmn", "jiolm", "kop",  "njk",	 "bhjm", "iklp",   "ol",     "wa",     "edft",
    "awedxz", "rfgy",  "yhji", "cfgb",	 "qase", "zsdc",   "tghu",   "asx"};

/* May position p of s be edited? Never the first letter of the name, never
 * inside a short word or a roman numeral ("II"). */
static int typo_pos_ok(const char *s, int p)
{
	int a = p, b = p, upper = 1;

	if (p <= 0 || !is_alpha((unsigned char)s[p]))
		return 0;
	while (a > 0 && is_alpha((unsigned char)s[a - 1]))
		a--;
	while (s[b + 1] && is_alpha((unsigned char)s[b + 1]))
		b++;
	if (b - a + 1 < 3)
		return 0;
	for (int i = a; i <= b; i++)
		if (!is_upper((unsigned char)s[i]))
			upper = 0;
	return !upper;
}

static char case_like(char model, int c)
{
	return (char)(is_upper((unsigned char)model) ? to_upper(c) : to_lower(c));
}

/* One edit: vowel swap or neighbouring key, deletion, insertion, or
 * transposition. Writes into out (size n). Returns 0 when no edit fits. */
static int typo_once(rng *r, const char *in, char *out, size_t n)
{
	int len = (int)strlen(in), pos[128], np = 0, p, op;
	char buf[160];

	if (len >= 120)
		return 0;
	for (int i = 0; i < len; i++)
		if (typo_pos_ok(in, i))
			pos[np++] = i;
	if (np == 0)
		return 0;
	p = pos[rng_int(r, 0, np - 1)];
	memcpy(buf, in, (size_t)len + 1);
	op = rng_int(r, 0, 99);
	if (op < 30 && is_vowel((unsigned char)in[p])) {
		static const char *const swaps[] = {"ae", "ei", "ie", "ou", "uo", "ao"};
		char c = (char)to_lower((unsigned char)in[p]);
		const char *sw = NULL;

		for (size_t i = 0; i < NELEM(swaps); i++)
			if (swaps[i][0] == c && (!sw || rng_chance(r, 0.5)))
				sw = swaps[i];
		buf[p] = case_like(in[p], sw ? sw[1] : 'a');
	} else if (op < 50) {
		const char *nb = KEY_NEIGHBOURS[to_lower((unsigned char)in[p]) - 'a'];

		buf[p] = case_like(in[p], nb[rng_int(r, 0, (int)strlen(nb) - 1)]);
	} else if (op < 70) {
		memmove(buf + p, buf + p + 1, (size_t)(len - p));
	} else if (op < 85) {
		const char *nb = KEY_NEIGHBOURS[to_lower((unsigned char)in[p]) - 'a'];
		int c = rng_chance(r, 0.5) ? in[p] : nb[rng_int(r, 0, (int)strlen(nb) - 1)];

		memmove(buf + p + 2, buf + p + 1, (size_t)(len - p));
		buf[p + 1] = case_like(in[p], c);
	} else {
		if (!typo_pos_ok(in, p + 1) || in[p] == in[p + 1])
			return 0;
		buf[p] = in[p + 1];
		buf[p + 1] = in[p];
	}
	if (strcmp(buf, in) == 0)
		return 0;
	scopy(out, n, buf);
	return 1;
}

/* ------------------------------------------------------------------ */
/* The world                                                           */

#define MAXV 200
#define MAXK 16
#define NISL 3
#define ISL_MAIN 0  /* Kota Ledo Ledo and most of Kabupaten Ranoweta */
#define ISL_NORTH 1 /* Kabupaten Ranoweta Utara */
#define ISL_SMALL 2 /* the offshore island, one district of Ranoweta */

#define KAB_RANOWETA 0
#define KAB_UTARA 1
#define KAB_KOTA 2

/* How a name is built; decides its spelling variants. */
enum {
	NK_PLAIN,  /* one word; 4-syllable words may be written split */
	NK_SUFFIX, /* word + Baru/Jaya/...; no variant */
	NK_REDUP,  /* "Tobo Tobo" / "Tobo-Tobo" / "Tobotobo" */
	NK_TWO,	   /* "Wara Bunta" / "Warabunta" / "Wara-Bunta" */
	NK_PREFIX, /* "Tanjung Kolabu" / "Tj. Kolabu"; Bukit, Batu, Labuan */
	NK_ROMAN   /* "Lamoru II" / "Lamoru 2" */
};

typedef struct name_t {
	char s[64]; /* the gazetteer spelling */
	int kind;
	char w1[32]; /* first (generated) word */
	char w2[32]; /* second word, suffix, prefix or numeral */
	int split;   /* NK_PLAIN: byte offset of the middle syllable, or 0 */
} name_t;

typedef struct kab_t {
	char kode[8];
	const char *base; /* "Ranoweta Utara", "Ledo Ledo" */
	const char *full; /* "Kabupaten Ranoweta Utara", "Kota Ledo Ledo" */
	int is_kota;
	int parent;	    /* regency it was split from, or -1 */
	const char *abbrev; /* local abbreviation, or NULL */
	int postal0;	    /* first three digits of its postal codes */
} kab_t;

typedef struct kec_t {
	char kode[12];
	name_t nm;
	int kab, island;
	double cx, cy; /* mean of its village seeds */
	int postal;
	int nvil;
} kec_t;

enum { D_NORMAL, D_NOT_READY, D_EMPTY };

typedef struct vil_t {
	char kode[16];
	name_t nm;
	char alias[64]; /* old spelling, or "" */
	int kec, island, is_kel, is_capital;
	double sx, sy; /* Voronoi seed */
	double px, py; /* point on surface */
	GEOSGeometry *geom;
	GEOSGeometry *zsite, *zhome; /* geom shrunk by 60 m / 40 m */
	const GEOSPreparedGeometry *pgeom, *pzsite, *pzhome;
	int coastal, design, has_islet, shared_name;
	char postal[8];
	double area_km2;
	int n_status[4]; /* unique sites per true status */
	int n_clients;
} vil_t;

enum { ST_SIAP, ST_BELUM, ST_NONAKTIF, ST_UNKNOWN };
static const char *const STATUS_TRUE[] = {"Siap", "Belum Siap", "Nonaktif", "unknown"};

enum {
	T_MASJID,
	T_MUSHOLLA,
	T_GEREJA,
	T_SEKOLAH,
	T_KANTOR_DESA,
	T_KANTOR_LURAH,
	T_KANTOR_CAMAT,
	T_PUSKESMAS,
	T_POSYANDU,
	T_PASAR,
	T_PANTAI,
	T_LAPANGAN,
	T_TPU,
	T_TAMAN,
	T_PELABUHAN,
	T__COUNT
};

typedef struct site_t {
	int vil, type, status, ramah; /* ramah: 1 ya, 0 tidak, -1 blank */
	int kap, on_islet;
	double lon, lat;
	char nama[128];
	char jenis[40];
} site_t;

typedef struct client_t {
	int vil, anak, jam, day, selesai;
	double lon, lat;
	char id[24];
} client_t;

/* One output row with its truth. */
typedef struct row_t {
	char *f[16];
	int nf;
	uint64_t labels;
	int src; /* site or client index */
} row_t;

typedef struct world {
	GEOSContextHandle_t gh;
	uint64_t seed;
	GEOSGeometry *island[NISL];
	const GEOSPreparedGeometry *pisland[NISL];
	GEOSGeometry *coast[NISL];
	GEOSGeometry *islet;
	GEOSGeometry *land;
	const GEOSPreparedGeometry *pland;
	double town_x, town_y;
	kab_t kab[3];
	kec_t kec[MAXK];
	int nkec;
	vil_t vil[MAXV];
	int nvil;
	char used[4 * MAXV][64]; /* normalised names in use */
	int nused;
	site_t *site;
	int nsite;
	client_t *cli;
	int ncli;
	row_t *srow;
	int nsrow;
	row_t *crow;
	int ncrow;
	int tip[2];	  /* far-end villages kept out of reach of ready sites */
	int dup_pair[2];  /* villages sharing one name */
	int kec_clash[2]; /* district and village sharing one name */
	int roman_pair[2];
	int islet_vil;
	int n_repaired;
	int n_broken; /* broken coordinate cells written so far */
	struct roads_t *rd; /* the generated roads */
} world;

static double deg_lon_per_km(double lat)
{
	return 1.0 / (KM_PER_DEG_LON_EQ * cos(lat * PI / 180.0));
}

static double deg_lat_per_km(void)
{
	return 1.0 / KM_PER_DEG_LAT;
}

/* Local flat distance in km; good to a fraction of a percent here. */
static double dist_km(double x1, double y1, double x2, double y2)
{
	double lat = 0.5 * (y1 + y2);
	double dx = (x1 - x2) * KM_PER_DEG_LON_EQ * cos(lat * PI / 180.0);
	double dy = (y1 - y2) * KM_PER_DEG_LAT;

	return sqrt(dx * dx + dy * dy);
}

/* Great-circle distance in km (for the README figures). */
static double haversine_km(double x1, double y1, double x2, double y2)
{
	double p1 = y1 * PI / 180.0, p2 = y2 * PI / 180.0;
	double dp = p2 - p1, dl = (x2 - x1) * PI / 180.0;
	double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);

	return 2.0 * 6371.0088 * asin(sqrt(a));
}

/* ------------------------------------------------------------------ */
/* GEOS helpers                                                        */

static void geos_msg(const char *msg, void *user)
{
	(void)user;
	fprintf(stderr, "jk_demogen: geos: %s\n", msg);
}

static GEOSGeometry *gcheck(GEOSGeometry *g, const char *what)
{
	if (!g)
		die("geos: %s failed", what);
	return g;
}

static GEOSGeometry *make_point(world *w, double x, double y)
{
	return gcheck(GEOSGeom_createPointFromXY_r(w->gh, x, y), "point");
}

static int prep_contains_xy(world *w, const GEOSPreparedGeometry *pg, double x, double y)
{
	GEOSGeometry *pt = make_point(w, x, y);
	char c = GEOSPreparedContains_r(w->gh, pg, pt);

	GEOSGeom_destroy_r(w->gh, pt);
	if (c == 2)
		die("geos: contains failed");
	return c == 1;
}

static double area_km2(world *w, const GEOSGeometry *g)
{
	double a, ymin, ymax;

	if (!GEOSArea_r(w->gh, g, &a) || !GEOSGeom_getYMin_r(w->gh, g, &ymin) ||
	    !GEOSGeom_getYMax_r(w->gh, g, &ymax))
		die("geos: area failed");
	return a * KM_PER_DEG_LAT * KM_PER_DEG_LON_EQ * cos(0.5 * (ymin + ymax) * PI / 180.0);
}

static double gdist_km(world *w, const GEOSGeometry *a, const GEOSGeometry *b)
{
	double d;

	if (!GEOSDistance_r(w->gh, a, b, &d))
		die("geos: distance failed");
	return d * KM_PER_DEG_LAT;
}

/* Snaps to the output grid and repairs, so that what is checked is what is
 * written. Takes ownership of g. */
static GEOSGeometry *on_grid(world *w, GEOSGeometry *g)
{
	GEOSGeometry *q = gcheck(GEOSGeom_setPrecision_r(w->gh, g, GRID, 0), "set precision");

	GEOSGeom_destroy_r(w->gh, g);
	if (GEOSisValid_r(w->gh, q) != 1) {
		GEOSGeometry *v = gcheck(GEOSMakeValid_r(w->gh, q), "make valid");

		GEOSGeom_destroy_r(w->gh, q);
		q = v;
		w->n_repaired++;
	}
	return q;
}

/* Union of a list of geometries on the grid; takes ownership of them. */
static GEOSGeometry *union_take(world *w, GEOSGeometry **g, int n)
{
	GEOSGeometry *coll, *u;

	coll = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_GEOMETRYCOLLECTION, g, (unsigned)n),
		      "collection");
	u = gcheck(GEOSUnaryUnionPrec_r(w->gh, coll, GRID), "union");
	GEOSGeom_destroy_r(w->gh, coll);
	return u;
}

static GEOSGeometry *union2(world *w, GEOSGeometry *a, GEOSGeometry *b)
{
	GEOSGeometry *g[2] = {a, b};

	return union_take(w, g, 2);
}

/* ------------------------------------------------------------------ */
/* Islands                                                             */

typedef struct isl_def {
	double lon, lat;   /* centre */
	double a_km, b_km; /* semi-axes before the noise */
	double rot_deg;	   /* orientation of the long axis */
	double rough;	   /* amplitude of the radius noise */
	int lobes;	   /* capes and bays */
	int nvert;
	double sp_rural; /* village spacing, km */
} isl_def;

static const isl_def ISL[NISL] = {
    {124.93, -7.00, 24.0, 12.5, 20.0, 0.22, 5, 360, 4.6},
    {125.30, -6.71, 17.0, 7.5, -35.0, 0.20, 3, 280, 4.3},
    {124.60, -7.19, 3.3, 2.3, 60.0, 0.12, 1, 96, 2.2},
};

static const isl_def ISLET = {0, 0, 0.55, 0.38, 0, 0.10, 0, 48, 0};

/* A star-shaped outline: an ellipse whose radius is modulated by random
 * harmonics and by a few Gaussian bumps in angle (capes, and bays where the
 * bump is negative); always simple, because the radius is a single-valued
 * positive function of the angle. */
static GEOSGeometry *star_polygon(world *w, rng *r, const isl_def *d, double lon, double lat,
				  double rot_deg)
{
	double amp[48], ph[48], la[8], lw[8], lh[8];
	double rot = rot_deg * PI / 180.0, dlon = deg_lon_per_km(lat), dlat = deg_lat_per_km();
	int n = d->nvert;
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(w->gh, (unsigned)n + 1, 2);
	GEOSGeometry *ring, *poly;

	if (!cs)
		die("geos: coordinate sequence");
	for (int k = 2; k < 48; k++) {
		amp[k] = d->rough * (0.4 + rng_unif(r)) / pow((double)k, 1.1);
		ph[k] = 2.0 * PI * rng_unif(r);
	}
	for (int j = 0; j < d->lobes && j < 8; j++) {
		la[j] = 2.0 * PI * rng_unif(r);
		if (j % 2) { /* a bay */
			lw[j] = 0.10 + 0.12 * rng_unif(r);
			lh[j] = -(0.12 + 0.15 * rng_unif(r));
		} else { /* a broad cape */
			lw[j] = 0.25 + 0.20 * rng_unif(r);
			lh[j] = 0.15 + 0.25 * rng_unif(r);
		}
	}
	for (int i = 0; i <= n; i++) {
		double th = 2.0 * PI * (double)(i % n) / (double)n;
		double re = d->a_km * d->b_km / hypot(d->b_km * cos(th), d->a_km * sin(th));
		double noise = 0.0, rr, x, y;

		for (int k = 2; k < 48; k++)
			noise += amp[k] * cos((double)k * th + ph[k]);
		for (int j = 0; j < d->lobes && j < 8; j++) {
			double dt = remainder(th - la[j], 2.0 * PI);

			noise += lh[j] * exp(-(dt / lw[j]) * (dt / lw[j]));
		}
		rr = re * exp(noise);
		x = rr * cos(th);
		y = rr * sin(th);
		GEOSCoordSeq_setXY_r(w->gh, cs, (unsigned)i,
				     lon + (x * cos(rot) - y * sin(rot)) * dlon,
				     lat + (x * sin(rot) + y * cos(rot)) * dlat);
	}
	ring = gcheck(GEOSGeom_createLinearRing_r(w->gh, cs), "ring");
	poly = gcheck(GEOSGeom_createPolygon_r(w->gh, ring, NULL, 0), "polygon");
	return on_grid(w, poly);
}

/* Are the islands apart from each other and inside the stretch of open
 * sea chosen for them? */
static int islands_fit(world *w)
{
	for (int i = 0; i < NISL; i++) {
		double x0, x1, y0, y1;

		if (GEOSGeomTypeId_r(w->gh, w->island[i]) != GEOS_POLYGON)
			return 0;
		for (int j = 0; j < i; j++)
			if (gdist_km(w, w->island[i], w->island[j]) < 10.0)
				return 0;
		GEOSGeom_getXMin_r(w->gh, w->island[i], &x0);
		GEOSGeom_getXMax_r(w->gh, w->island[i], &x1);
		GEOSGeom_getYMin_r(w->gh, w->island[i], &y0);
		GEOSGeom_getYMax_r(w->gh, w->island[i], &y1);
		if (x0 < 124.5 || x1 > 125.6 || y0 < -7.3 || y1 > -6.5)
			return 0;
	}
	return 1;
}

static void make_islands(world *w, rng *r)
{
	int ok = 0;

	for (int t = 0; t < 200 && !ok; t++) {
		for (int i = 0; i < NISL; i++) {
			const isl_def *d = &ISL[i];

			if (w->island[i])
				GEOSGeom_destroy_r(w->gh, w->island[i]);
			w->island[i] = star_polygon(w, r, d, d->lon, d->lat, d->rot_deg);
		}
		ok = islands_fit(w);
	}
	if (!ok)
		die("could not draw the islands");
	for (int i = 0; i < NISL; i++) {
		w->pisland[i] = GEOSPrepare_r(w->gh, w->island[i]);
		w->coast[i] = gcheck(GEOSBoundary_r(w->gh, w->island[i]), "boundary");
	}
	/* The town: 2.5 km inland from the west-south-west coast of the main
	 * island, facing the small island (the ferry). */
	{
		double th = 198.0 * PI / 180.0, x = ISL[0].lon, y = ISL[0].lat, rr = 0;

		for (rr = 0; rr < 60.0; rr += 0.1) {
			x = ISL[0].lon + rr * cos(th) * deg_lon_per_km(ISL[0].lat);
			y = ISL[0].lat + rr * sin(th) * deg_lat_per_km();
			if (!prep_contains_xy(w, w->pisland[0], x, y))
				break;
		}
		rr -= 2.5;
		w->town_x = ISL[0].lon + rr * cos(th) * deg_lon_per_km(ISL[0].lat);
		w->town_y = ISL[0].lat + rr * sin(th) * deg_lat_per_km();
	}
}

/* Village spacing at a point: dense in the town, sparse elsewhere. */
static double spacing_at(const world *w, int isl, double x, double y)
{
	double d, t;

	if (isl != ISL_MAIN)
		return ISL[isl].sp_rural;
	d = dist_km(x, y, w->town_x, w->town_y);
	t = (d - 2.0) / 8.0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	t = t * t * (3 - 2 * t);
	return 1.25 + (ISL[isl].sp_rural - 1.25) * t;
}

/* Village seeds by dart throwing with a variable minimum distance, kept
 * 600 m away from the coast so that every village has a real interior. */
static int make_seeds(world *w, rng *r, int isl, double *xs, double *ys, int max)
{
	GEOSGeometry *inner;
	const GEOSPreparedGeometry *pin;
	double x0, x1, y0, y1;
	int n = 0;

	inner = gcheck(GEOSBuffer_r(w->gh, w->island[isl], -0.6 * deg_lat_per_km(), 8), "buffer");
	pin = GEOSPrepare_r(w->gh, inner);
	GEOSGeom_getXMin_r(w->gh, w->island[isl], &x0);
	GEOSGeom_getXMax_r(w->gh, w->island[isl], &x1);
	GEOSGeom_getYMin_r(w->gh, w->island[isl], &y0);
	GEOSGeom_getYMax_r(w->gh, w->island[isl], &y1);
	for (int t = 0; t < 30000 && n < max; t++) {
		double x = x0 + rng_unif(r) * (x1 - x0), y = y0 + rng_unif(r) * (y1 - y0);
		double sp = spacing_at(w, isl, x, y);
		int ok = 1;

		for (int j = 0; j < n && ok; j++)
			if (dist_km(x, y, xs[j], ys[j]) <
			    0.5 * (sp + spacing_at(w, isl, xs[j], ys[j])))
				ok = 0;
		if (ok && prep_contains_xy(w, pin, x, y)) {
			xs[n] = x;
			ys[n] = y;
			n++;
		}
	}
	GEOSPreparedGeom_destroy_r(w->gh, pin);
	GEOSGeom_destroy_r(w->gh, inner);
	return n;
}

/* A smooth displacement field, so that village boundaries wander like
 * streams and ridges instead of running straight; its size follows the
 * local village spacing, small enough that every seed stays in its cell. */
typedef struct warp_t {
	double kx[8], ky[8], ph[8];
} warp_t;

static void warp_init(rng *r, warp_t *wp, double spacing_km)
{
	for (int j = 0; j < 8; j++) {
		double ang = 2.0 * PI * rng_unif(r),
		       lambda = spacing_km * (0.7 + 1.3 * rng_unif(r));

		wp->kx[j] = 2.0 * PI / lambda * cos(ang);
		wp->ky[j] = 2.0 * PI / lambda * sin(ang);
		wp->ph[j] = 2.0 * PI * rng_unif(r);
	}
}

static void warp_point(const world *w, const warp_t *wp, int isl, double *x, double *y)
{
	double ux = (*x - ISL[isl].lon) / deg_lon_per_km(ISL[isl].lat);
	double uy = (*y - ISL[isl].lat) / deg_lat_per_km();
	double a = 0.11 * spacing_at(w, isl, *x, *y), dx = 0, dy = 0;

	for (int j = 0; j < 4; j++) {
		dx += 0.5 * sin(wp->kx[j] * ux + wp->ky[j] * uy + wp->ph[j]);
		dy += 0.5 * sin(wp->kx[j + 4] * ux + wp->ky[j + 4] * uy + wp->ph[j + 4]);
	}
	*x += a * dx * deg_lon_per_km(ISL[isl].lat);
	*y += a * dy * deg_lat_per_km();
}

/* The Voronoi edges, cut into pieces of at most 150 m and displaced. */
static GEOSGeometry *warp_edges(world *w, const warp_t *wp, int isl, const GEOSGeometry *edges)
{
	int ne = GEOSGetNumGeometries_r(w->gh, edges);
	GEOSGeometry **out = xcalloc((size_t)ne, sizeof(*out)), *ml;

	for (int e = 0; e < ne; e++) {
		const GEOSCoordSequence *cs =
		    GEOSGeom_getCoordSeq_r(w->gh, GEOSGetGeometryN_r(w->gh, edges, e));
		unsigned np = 0, total = 1, k = 0;
		GEOSCoordSequence *ns;

		GEOSCoordSeq_getSize_r(w->gh, cs, &np);
		for (unsigned i = 0; i + 1 < np; i++) {
			double x0, y0, x1, y1;

			GEOSCoordSeq_getXY_r(w->gh, cs, i, &x0, &y0);
			GEOSCoordSeq_getXY_r(w->gh, cs, i + 1, &x1, &y1);
			total += (unsigned)ceil(dist_km(x0, y0, x1, y1) / 0.15);
		}
		ns = GEOSCoordSeq_create_r(w->gh, total, 2);
		for (unsigned i = 0; i + 1 < np; i++) {
			double x0, y0, x1, y1;
			unsigned m;

			GEOSCoordSeq_getXY_r(w->gh, cs, i, &x0, &y0);
			GEOSCoordSeq_getXY_r(w->gh, cs, i + 1, &x1, &y1);
			m = (unsigned)ceil(dist_km(x0, y0, x1, y1) / 0.15);
			for (unsigned j = 0; j < m; j++) {
				double t = (double)j / m, x = x0 + t * (x1 - x0),
				       y = y0 + t * (y1 - y0);

				warp_point(w, wp, isl, &x, &y);
				GEOSCoordSeq_setXY_r(w->gh, ns, k++, x, y);
			}
		}
		{
			double x, y;

			GEOSCoordSeq_getXY_r(w->gh, cs, np - 1, &x, &y);
			warp_point(w, wp, isl, &x, &y);
			GEOSCoordSeq_setXY_r(w->gh, ns, k++, x, y);
		}
		if (k != total)
			die("internal: densify");
		out[e] = gcheck(GEOSGeom_createLineString_r(w->gh, ns), "line");
	}
	ml = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_MULTILINESTRING, out, (unsigned)ne),
		    "lines");
	free(out);
	return ml;
}

/* Length (degrees) of the boundary two areas share. */
static double shared_length(world *w, const GEOSGeometry *a, const GEOSGeometry *b)
{
	GEOSGeometry *ba, *bb, *x;
	double len = 0;

	if (GEOSIntersects_r(w->gh, a, b) != 1)
		return 0;
	ba = gcheck(GEOSBoundary_r(w->gh, a), "boundary");
	bb = gcheck(GEOSBoundary_r(w->gh, b), "boundary");
	x = gcheck(GEOSIntersection_r(w->gh, ba, bb), "intersection");
	GEOSLength_r(w->gh, x, &len);
	GEOSGeom_destroy_r(w->gh, x);
	GEOSGeom_destroy_r(w->gh, bb);
	GEOSGeom_destroy_r(w->gh, ba);
	return len;
}

/* The villages of one island. The (displaced) Voronoi edges and the
 * coastline are noded together on the output grid and polygonized, instead
 * of intersecting every cell with the island on its own: neighbouring
 * villages then share exactly the same boundary vertices, so they can
 * neither overlap nor leave slivers. A face holding a seed is that seed's
 * village; a face without one (cut off by a bay, or a fold of the
 * displacement) goes to the neighbour it shares most boundary with. */
static void island_villages(world *w, rng *r, int isl, const double *xs, const double *ys, int n)
{
	GEOSGeometry **pts = xcalloc((size_t)n, sizeof(*pts));
	GEOSGeometry *mp, *env, *edges, *parts[2], *coll, *noded, *faces;
	GEOSGeometry **orphan;
	int nf, first = w->nvil, norph = 0;
	const GEOSGeometry *nodedc;
	warp_t wp;

	warp_init(r, &wp, ISL[isl].sp_rural);
	for (int i = 0; i < n; i++)
		pts[i] = make_point(w, xs[i], ys[i]);
	mp = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_MULTIPOINT, pts, (unsigned)n),
		    "multipoint");
	env = gcheck(GEOSBuffer_r(w->gh, w->island[isl], 0.1, 2), "buffer");
	edges = gcheck(GEOSVoronoiDiagram_r(w->gh, mp, env, 0.0, 1), "voronoi");
	parts[0] = warp_edges(w, &wp, isl, edges);
	parts[1] = gcheck(GEOSGeom_clone_r(w->gh, w->coast[isl]), "clone");
	coll = gcheck(GEOSGeom_createCollection_r(w->gh, GEOS_GEOMETRYCOLLECTION, parts, 2),
		      "collection");
	noded = gcheck(GEOSUnaryUnionPrec_r(w->gh, coll, GRID), "noding");
	nodedc = noded;
	faces = gcheck(GEOSPolygonize_r(w->gh, &nodedc, 1), "polygonize");
	nf = GEOSGetNumGeometries_r(w->gh, faces);
	orphan = xcalloc((size_t)nf, sizeof(*orphan));
	if (w->nvil + n > MAXV)
		die("too many villages");
	for (int i = 0; i < n; i++) {
		vil_t *v = &w->vil[w->nvil + i];

		v->island = isl;
		v->sx = xs[i];
		v->sy = ys[i];
	}
	for (int f = 0; f < nf; f++) {
		const GEOSGeometry *face = GEOSGetGeometryN_r(w->gh, faces, f);
		GEOSGeometry *pos = gcheck(GEOSPointOnSurface_r(w->gh, face), "point on surface");
		const GEOSPreparedGeometry *pf;
		int k = -1;

		if (GEOSPreparedContains_r(w->gh, w->pisland[isl], pos) != 1) {
			GEOSGeom_destroy_r(w->gh, pos);
			continue; /* sea */
		}
		GEOSGeom_destroy_r(w->gh, pos);
		pf = GEOSPrepare_r(w->gh, face);
		for (int i = 0; i < n; i++)
			if (prep_contains_xy(w, pf, xs[i], ys[i])) {
				if (k >= 0)
					die("internal: two seeds in one face on island %d", isl);
				k = i;
			}
		GEOSPreparedGeom_destroy_r(w->gh, pf);
		if (k >= 0) {
			if (w->vil[w->nvil + k].geom)
				die("internal: seed %d in two faces", k);
			w->vil[w->nvil + k].geom = gcheck(GEOSGeom_clone_r(w->gh, face), "clone");
		} else {
			orphan[norph++] = gcheck(GEOSGeom_clone_r(w->gh, face), "clone");
		}
	}
	for (int i = 0; i < n; i++)
		if (!w->vil[w->nvil + i].geom)
			die("internal: seed %d of island %d has no face", i, isl);
	w->nvil += n;
	while (norph > 0) {
		int left = 0;

		for (int o = 0; o < norph; o++) {
			double best = 0;
			int bj = -1;

			for (int j = first; j < w->nvil; j++) {
				double l = shared_length(w, orphan[o], w->vil[j].geom);

				if (l > best) {
					best = l;
					bj = j;
				}
			}
			if (bj < 0)
				orphan[left++] = orphan[o]; /* touches only orphans: next round */
			else
				w->vil[bj].geom = union2(w, w->vil[bj].geom, orphan[o]);
		}
		if (left == norph)
			die("internal: faces touching no village on island %d", isl);
		norph = left;
	}
	free(orphan);
	free(pts);
	GEOSGeom_destroy_r(w->gh, faces);
	GEOSGeom_destroy_r(w->gh, noded);
	GEOSGeom_destroy_r(w->gh, coll);
	GEOSGeom_destroy_r(w->gh, env);
	GEOSGeom_destroy_r(w->gh, mp);
	GEOSGeom_destroy_r(w->gh, edges);
}

/* ------------------------------------------------------------------ */
/* Regencies, districts, codes                                         */

static void setup_kabs(world *w)
{
	static const kab_t k[3] = {
	    {"99.01", "Ranoweta", "Kabupaten Ranoweta", 0, -1, NULL, 976},
	    {"99.02", "Ranoweta Utara", "Kabupaten Ranoweta Utara", 0, KAB_RANOWETA, "Ranut", 977},
	    {"99.71", "Ledo Ledo", "Kota Ledo Ledo", 1, -1, NULL, 975},
	};

	memcpy(w->kab, k, sizeof(k));
}

static int add_kec(world *w, int kab, int island)
{
	kec_t *k;

	if (w->nkec >= MAXK)
		die("too many districts");
	k = &w->kec[w->nkec];
	k->kab = kab;
	k->island = island;
	return w->nkec++;
}

/* Balanced groups of neighbouring villages: Lloyd's k-means on the seeds,
 * started from farthest-point picks so that it is deterministic. */
static void kmeans(const world *w, const int *idx, int n, int k, int *cl)
{
	double cx[8], cy[8], mx = 0, my = 0;
	int nc = 0;

	for (int i = 0; i < n; i++) {
		mx += w->vil[idx[i]].sx / n;
		my += w->vil[idx[i]].sy / n;
	}
	while (nc < k) {
		double best = -1;
		int bi = 0;

		for (int i = 0; i < n; i++) {
			const vil_t *v = &w->vil[idx[i]];
			double d = nc ? 1e30 : dist_km(v->sx, v->sy, mx, my);

			for (int c = 0; c < nc; c++) {
				double e = dist_km(v->sx, v->sy, cx[c], cy[c]);

				d = e < d ? e : d;
			}
			if (d > best) {
				best = d;
				bi = i;
			}
		}
		cx[nc] = w->vil[idx[bi]].sx;
		cy[nc] = w->vil[idx[bi]].sy;
		nc++;
	}
	for (int it = 0; it < 50; it++) {
		double sx[8] = {0}, sy[8] = {0};
		int cnt[8] = {0};

		for (int i = 0; i < n; i++) {
			const vil_t *v = &w->vil[idx[i]];
			double best = 1e30;

			for (int c = 0; c < k; c++) {
				double d = dist_km(v->sx, v->sy, cx[c], cy[c]);

				if (d < best) {
					best = d;
					cl[i] = c;
				}
			}
			sx[cl[i]] += v->sx;
			sy[cl[i]] += v->sy;
			cnt[cl[i]]++;
		}
		for (int c = 0; c < k; c++)
			if (cnt[c]) {
				cx[c] = sx[c] / cnt[c];
				cy[c] = sy[c] / cnt[c];
			}
	}
}

static void group_into_kec(world *w, const int *idx, int n, int k, int kab, int island)
{
	int cl[MAXV], base = w->nkec;

	for (int c = 0; c < k; c++)
		add_kec(w, kab, island);
	if (k == 1)
		memset(cl, 0, sizeof(int) * (size_t)n);
	else
		kmeans(w, idx, n, k, cl);
	for (int i = 0; i < n; i++)
		w->vil[idx[i]].kec = base + cl[i];
}

typedef struct dist_idx {
	double d;
	int i;
} dist_idx;

static int cmp_dist_idx(const void *a, const void *b)
{
	const dist_idx *p = a, *q = b;

	if (p->d != q->d)
		return (p->d > q->d) - (p->d < q->d);
	return p->i - q->i;
}

/* k-means can leave a district in two pieces across a bay: every piece
 * but the largest joins the neighbouring district (of the same regency when
 * there is one) it shares most boundary with. Pieces connect through shared edges, not
 * through corners. */
static void make_kec_contiguous(world *w)
{
	int n = w->nvil;
	double *adj = xcalloc((size_t)n * (size_t)n, sizeof(double));

	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (w->vil[i].island == w->vil[j].island)
				adj[i * n + j] = adj[j * n + i] =
				    shared_length(w, w->vil[i].geom, w->vil[j].geom);
	for (int pass = 0, changed = 1; changed; pass++) {
		if (pass > 20)
			die("cannot make the districts contiguous");
		changed = 0;
		for (int k = 0; k < w->nkec && !changed; k++) {
			int comp[MAXV], ncomp = 0, size[MAXV] = {0}, big = 0, stack[MAXV];

			for (int i = 0; i < n; i++)
				comp[i] = -1;
			for (int i = 0; i < n; i++) {
				int sp = 0;

				if (w->vil[i].kec != k || comp[i] >= 0)
					continue;
				comp[i] = ncomp;
				stack[sp++] = i;
				while (sp > 0) {
					int u = stack[--sp];

					size[ncomp]++;
					for (int v = 0; v < n; v++)
						if (w->vil[v].kec == k && comp[v] < 0 &&
						    adj[u * n + v] > 0) {
							comp[v] = ncomp;
							stack[sp++] = v;
						}
				}
				if (size[ncomp] > size[big])
					big = ncomp;
				ncomp++;
			}
			for (int c = 0; c < ncomp && !changed; c++) {
				double best = 0;
				int to = -1;

				if (c == big)
					continue;
				/* a district of the same regency if one is adjacent,
				 * else any (the piece then changes regency) */
				for (int same = 1; same >= 0 && to < 0; same--)
					for (int i = 0; i < n; i++) {
						if (comp[i] != c)
							continue;
						for (int v = 0; v < n; v++) {
							int kv = w->vil[v].kec;

							if (kv == k || adj[i * n + v] <= best)
								continue;
							if (same && w->kec[kv].kab != w->kec[k].kab)
								continue;
							best = adj[i * n + v];
							to = kv;
						}
					}
				if (to < 0)
					die("a piece of a district touches no other district");
				for (int i = 0; i < n; i++)
					if (comp[i] == c)
						w->vil[i].kec = to;
				changed = 1;
			}
		}
	}
	free(adj);
}

/* The city takes the villages nearest to the town; the rest of the main
 * island and the small island are Kabupaten Ranoweta; the north island is
 * Kabupaten Ranoweta Utara, split off from Ranoweta. */
static void assign_regions(world *w, int nkota)
{
	int idx[MAXV] = {0}, n = 0, rest[MAXV] = {0}, nr = 0;
	dist_idx di[MAXV];

	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_MAIN) {
			di[n].d = dist_km(w->vil[i].sx, w->vil[i].sy, w->town_x, w->town_y);
			di[n++].i = i;
		}
	qsort(di, (size_t)n, sizeof(dist_idx), cmp_dist_idx);
	for (int i = 0; i < n; i++)
		idx[i] = di[i].i;
	if (n < nkota + 12)
		die("main island too small for the city (%d villages)", n);
	group_into_kec(w, idx, nkota, 2, KAB_KOTA, ISL_MAIN);
	group_into_kec(w, idx + nkota, n - nkota, 3, KAB_RANOWETA, ISL_MAIN);
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_SMALL)
			rest[nr++] = i;
	group_into_kec(w, rest, nr, 1, KAB_RANOWETA, ISL_SMALL);
	nr = 0;
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_NORTH)
			rest[nr++] = i;
	group_into_kec(w, rest, nr, 2, KAB_UTARA, ISL_NORTH);
	make_kec_contiguous(w);
}

static int cmp_kec_geo(const void *a, const void *b)
{
	const kec_t *ka = a, *kb = b;

	if (ka->kab != kb->kab)
		return ka->kab - kb->kab;
	if (ka->island != kb->island)
		return (ka->island == ISL_SMALL) - (kb->island == ISL_SMALL);
	if (fabs(ka->cy - kb->cy) > 1e-9)
		return ka->cy < kb->cy ? 1 : -1; /* north first */
	return (ka->cx > kb->cx) - (ka->cx < kb->cx);
}

static int cmp_vil_kode(const void *a, const void *b)
{
	return strcmp(((const vil_t *)a)->kode, ((const vil_t *)b)->kode);
}

/* Kemendagri-style codes: districts numbered north to south (the small
 * island last); in a district kelurahan 1001.. then desa 2001.., each north
 * to south. The village array ends up sorted by code. */
static void assign_codes(world *w, rng *r)
{
	int map[MAXK], knum[3] = {0, 0, 0};
	kec_t tmp[MAXK];

	for (int k = 0; k < w->nkec; k++) {
		double sx = 0, sy = 0;
		int n = 0;

		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k) {
				sx += w->vil[i].sx;
				sy += w->vil[i].sy;
				n++;
			}
		w->kec[k].cx = sx / n;
		w->kec[k].cy = sy / n;
		w->kec[k].nvil = n;
		w->kec[k].postal = k; /* the old index, until the codes are set */
	}
	memcpy(tmp, w->kec, sizeof(kec_t) * (size_t)w->nkec);
	qsort(tmp, (size_t)w->nkec, sizeof(kec_t), cmp_kec_geo);
	for (int k = 0; k < w->nkec; k++) {
		kec_t *kc = &tmp[k];
		const kab_t *kb = &w->kab[kc->kab];
		int num = ++knum[kc->kab];

		map[kc->postal] = k;
		sfmt(kc->kode, sizeof(kc->kode), "%s.%02d", kb->kode, num);
		kc->postal = kb->postal0 * 100 + num * 10 + 1;
	}
	memcpy(w->kec, tmp, sizeof(kec_t) * (size_t)w->nkec);
	for (int i = 0; i < w->nvil; i++)
		w->vil[i].kec = map[w->vil[i].kec];

	/* Capitals and kelurahan. */
	for (int k = 0; k < w->nkec; k++) {
		kec_t *kc = &w->kec[k];
		int cap = -1, second = -1;
		double d1 = 1e30, d2 = 1e30;

		for (int i = 0; i < w->nvil; i++) {
			double d;

			if (w->vil[i].kec != k)
				continue;
			d = dist_km(w->vil[i].sx, w->vil[i].sy, kc->cx, kc->cy);
			if (d < d1) {
				d2 = d1;
				second = cap;
				d1 = d;
				cap = i;
			} else if (d < d2) {
				d2 = d;
				second = i;
			}
		}
		w->vil[cap].is_capital = 1;
		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k)
				w->vil[i].is_kel = w->kab[kc->kab].is_kota;
		w->vil[cap].is_kel = 1;
		if (second >= 0 && kc->nvil > 6 && rng_chance(r, 0.5))
			w->vil[second].is_kel = 1;
	}
	/* Numbering inside each district. */
	for (int k = 0; k < w->nkec; k++) {
		for (int kel = 1; kel >= 0; kel--) {
			int idx[MAXV], n = 0;

			for (int i = 0; i < w->nvil; i++)
				if (w->vil[i].kec == k && w->vil[i].is_kel == kel)
					idx[n++] = i;
			for (int a = 1; a < n; a++) /* insertion sort, north first */
				for (int b = a; b > 0; b--) {
					const vil_t *p = &w->vil[idx[b - 1]], *q = &w->vil[idx[b]];

					if (p->sy > q->sy || (p->sy == q->sy && p->sx < q->sx))
						break;
					int t = idx[b];
					idx[b] = idx[b - 1];
					idx[b - 1] = t;
				}
			for (int a = 0; a < n; a++)
				sfmt(w->vil[idx[a]].kode, sizeof(w->vil[0].kode), "%s.%d%03d",
				     w->kec[k].kode, kel ? 1 : 2, a + 1);
		}
	}
	qsort(w->vil, (size_t)w->nvil, sizeof(vil_t), cmp_vil_kode);
}

/* A small islet off the south-east coast of the main island, added to the
 * nearest village: the one village whose polygon has two parts. */
static void make_islet(world *w, rng *r)
{
	double th = -62.0 * PI / 180.0, x = 0, y = 0, best = 1e30;
	int bi = -1;

	for (double rr = 0; rr < 80.0; rr += 0.2) {
		GEOSGeometry *pt;
		double d;

		x = ISL[0].lon + rr * cos(th) * deg_lon_per_km(ISL[0].lat);
		y = ISL[0].lat + rr * sin(th) * deg_lat_per_km();
		pt = make_point(w, x, y);
		d = gdist_km(w, pt, w->island[ISL_MAIN]);
		GEOSGeom_destroy_r(w->gh, pt);
		if (d >= 1.8)
			break;
	}
	w->islet = star_polygon(w, r, &ISLET, x, y, 180.0 * rng_unif(r));
	for (int i = 0; i < NISL; i++)
		if (gdist_km(w, w->islet, w->island[i]) < 1.0)
			die("internal: islet too close to island %d", i);
	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (w->vil[i].island != ISL_MAIN || w->kec[w->vil[i].kec].kab != KAB_RANOWETA)
			continue;
		d = gdist_km(w, w->islet, w->vil[i].geom);
		if (d < best) {
			best = d;
			bi = i;
		}
	}
	w->islet_vil = bi;
	w->vil[bi].has_islet = 1;
	w->vil[bi].geom =
	    union2(w, w->vil[bi].geom, gcheck(GEOSGeom_clone_r(w->gh, w->islet), "clone"));
}

/* Point on surface, area, coast, shrunk zones for true points. */
static void derive_villages(world *w)
{
	GEOSGeometry *parts[NISL + 1];

	for (int i = 0; i < NISL; i++)
		parts[i] = gcheck(GEOSGeom_clone_r(w->gh, w->island[i]), "clone");
	parts[NISL] = gcheck(GEOSGeom_clone_r(w->gh, w->islet), "clone");
	w->land = union_take(w, parts, NISL + 1);
	w->pland = GEOSPrepare_r(w->gh, w->land);
	for (int i = 0; i < w->nvil; i++) {
		vil_t *v = &w->vil[i];
		GEOSGeometry *pos =
		    gcheck(GEOSPointOnSurface_r(w->gh, v->geom), "point on surface");

		GEOSGeomGetX_r(w->gh, pos, &v->px);
		GEOSGeomGetY_r(w->gh, pos, &v->py);
		GEOSGeom_destroy_r(w->gh, pos);
		v->area_km2 = area_km2(w, v->geom);
		v->coastal = gdist_km(w, v->geom, w->coast[v->island]) < 0.05 || v->has_islet;
		v->zsite =
		    gcheck(GEOSBuffer_r(w->gh, v->geom, -0.060 * deg_lat_per_km(), 8), "buffer");
		v->zhome =
		    gcheck(GEOSBuffer_r(w->gh, v->geom, -0.040 * deg_lat_per_km(), 8), "buffer");
		if (GEOSisEmpty_r(w->gh, v->zsite))
			die("village %s too small", v->kode);
		v->pgeom = GEOSPrepare_r(w->gh, v->geom);
		v->pzsite = GEOSPrepare_r(w->gh, v->zsite);
		v->pzhome = GEOSPrepare_r(w->gh, v->zhome);
		sfmt(v->postal, sizeof(v->postal), "%05d",
		     w->kec[v->kec].postal + (int)(strtol(v->kode + 10, NULL, 10) % 1000) % 4);
	}
}

static int adjacent(world *w, int a, int b)
{
	return GEOSIntersects_r(w->gh, w->vil[a].geom, w->vil[b].geom) == 1;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* Syllables of a fictional, eastern-Indonesian-sounding language. */
static const wstr ONSET_FIRST[] = {{"b", 6},  {"d", 4}, {"g", 3}, {"h", 3}, {"k", 10},
				   {"l", 10}, {"m", 7}, {"n", 3}, {"p", 5}, {"r", 6},
				   {"s", 6},  {"t", 8}, {"w", 9}, {"j", 2}, {"", 3}};
static const wstr ONSET[] = {{"b", 6},	{"d", 4},   {"g", 3},  {"h", 3}, {"k", 10},
			     {"l", 10}, {"m", 7},   {"n", 5},  {"p", 5}, {"r", 7},
			     {"s", 6},	{"t", 8},   {"w", 7},  {"j", 2}, {"mb", 3},
			     {"nd", 3}, {"ngg", 2}, {"ng", 2}, {"y", 1}};
static const wstr VOWEL[] = {{"a", 12}, {"o", 6}, {"u", 6}, {"i", 5}, {"e", 3}};
static const wstr CODA[] = {{"", 88}, {"ng", 6}, {"n", 3}, {"r", 2}, {"k", 1}};

/* Words a place name must not be: they are the address vocabulary. */
static const char *const STOP_WORDS[] = {
    "kota",   "desa",  "batu",	 "jaya",      "baru",	   "raya",	"indah", "kali",
    "laut",   "mata",  "tanah",	 "bukit",     "tanjung",   "pulau",	"dusun", "jalan",
    "lorong", "pasar", "masjid", "kantor",    "utara",	   "selatan",	"timur", "barat",
    "tengah", "ledo",  "kodya",	 "kabupaten", "kecamatan", "kelurahan", "siap",	 "belum",
    "aktif",  "sore",  "pagi",	 "anak",      "rumah",	   "babi",	"mati",	 "lama",
    "bara",   "kera",  "kuda",	 "gila",      "tuli",	   "budak",	"bodo",	 "tolol"};

static void gen_word(rng *r, int nsyl, int coda, char *out, size_t n, int *split)
{
	char buf[48] = "", prev[8] = "";
	size_t len = 0;

	if (split)
		*split = 0;
	for (int i = 0; i < nsyl; i++) {
		char syl[8];

		do {
			const char *on = i == 0 ? PICKW(r, ONSET_FIRST) : PICKW(r, ONSET);

			sfmt(syl, sizeof(syl), "%s%s", on, PICKW(r, VOWEL));
		} while (strcmp(syl, prev) == 0);
		if (split && nsyl == 4 && i == 2)
			*split = (int)len;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s", syl);
		scopy(prev, sizeof(prev), syl);
	}
	if (coda)
		snprintf(buf + len, sizeof(buf) - len, "%s", PICKW(r, CODA));
	buf[0] = (char)to_upper((unsigned char)buf[0]);
	scopy(out, n, buf);
}

static int name_free(const world *w, const char *s)
{
	char nn[64];

	norm_name(s, nn, sizeof(nn));
	if (strlen(nn) < 4)
		return 0;
	for (size_t i = 0; i < NELEM(STOP_WORDS); i++)
		if (strcmp(nn, STOP_WORDS[i]) == 0)
			return 0;
	for (int i = 0; i < w->nused; i++)
		if (levenshtein(nn, w->used[i]) < 3)
			return 0;
	return 1;
}

static void name_use(world *w, const char *s)
{
	if (w->nused >= (int)NELEM(w->used))
		die("too many names");
	norm_name(s, w->used[w->nused], sizeof(w->used[0]));
	w->nused++;
}

/* A fresh name of the given kind, unlike every name already in use (at
 * least three edits apart), so that a typo never turns one place into
 * another. */
static void gen_name(world *w, rng *r, int kind, const char *extra, name_t *nm)
{
	/* few two-syllable names: those are the ones real places have */
	static const wstr NSYL[] = {{"2", 5}, {"3", 60}, {"4", 35}};

	for (int tries = 0; tries < 20000; tries++) {
		memset(nm, 0, sizeof(*nm));
		nm->kind = kind;
		switch (kind) {
		case NK_PLAIN: {
			int ns = extra ? extra[0] - '0' : PICKW(r, NSYL)[0] - '0';

			gen_word(r, ns, ns < 4, nm->w1, sizeof(nm->w1), &nm->split);
			scopy(nm->s, sizeof(nm->s), nm->w1);
			break;
		}
		case NK_SUFFIX:
		case NK_PREFIX:
		case NK_ROMAN:
			gen_word(r, rng_int(r, 2, 3), 1, nm->w1, sizeof(nm->w1), NULL);
			scopy(nm->w2, sizeof(nm->w2), extra);
			if (kind == NK_PREFIX)
				sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w2, nm->w1);
			else
				sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w1, nm->w2);
			break;
		case NK_REDUP:
			gen_word(r, 2, 0, nm->w1, sizeof(nm->w1), NULL);
			sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w1, nm->w1);
			break;
		case NK_TWO:
			gen_word(r, 2, 0, nm->w1, sizeof(nm->w1), NULL);
			gen_word(r, 2, 1, nm->w2, sizeof(nm->w2), NULL);
			sfmt(nm->s, sizeof(nm->s), "%s %s", nm->w1, nm->w2);
			break;
		default:
			die("internal: name kind");
		}
		if (strlen(nm->w1) > 10 || !name_free(w, nm->s) || !name_free(w, nm->w1))
			continue;
		if (kind == NK_TWO && !name_free(w, nm->w2))
			continue;
		if (kind == NK_TWO && levenshtein(nm->w1, nm->w2) < 2)
			continue;
		name_use(w, nm->s);
		if (kind != NK_PLAIN)
			name_use(w, nm->w1);
		if (kind == NK_TWO)
			name_use(w, nm->w2);
		return;
	}
	die("could not invent a name");
}

/* Dutch-era spelling: u -> oe, j -> dj, c -> tj, y -> j. */
static void old_spelling(const char *in, char *out, size_t n)
{
	sb b = {0};

	for (; *in; in++) {
		switch (*in) {
		case 'u':
			sb_add(&b, "oe");
			break;
		case 'U':
			sb_add(&b, "Oe");
			break;
		case 'j':
			sb_add(&b, "dj");
			break;
		case 'J':
			sb_add(&b, "Dj");
			break;
		case 'c':
			sb_add(&b, "tj");
			break;
		case 'C':
			sb_add(&b, "Tj");
			break;
		case 'y':
			sb_add(&b, "j");
			break;
		case 'Y':
			sb_add(&b, "J");
			break;
		default: {
			char c[2] = {*in, 0};

			sb_add(&b, c);
		}
		}
	}
	scopy(out, n, sb_str(&b));
	sb_free(&b);
}

static int vil_plain_free(const world *w, int i)
{
	const vil_t *v = &w->vil[i];

	return v->nm.kind == NK_PLAIN && !v->shared_name && !v->has_islet && !v->alias[0] &&
	       i != w->roman_pair[0] && i != w->roman_pair[1];
}

static void make_names(world *w, rng *r)
{
	static const char *const SUFFIXES[] = {"Baru",	 "Jaya",    "Indah",	"Makmur",
					       "Permai", "Lestari", "Sejahtera"};
	int order[MAXV], kinds[MAXV], nk = 0, a = -1, b = -1;

	/* Fixed names first, so generated ones keep their distance. */
	name_use(w, "Ranoweta");
	name_use(w, "Ranoweta Utara");
	name_use(w, "Ledo Ledo");
	name_use(w, "Ledo");
	name_use(w, "Ranut");
	name_use(w, "Jangkau");
	name_use(w, PROV_NAMA);
	w->roman_pair[0] = w->roman_pair[1] = -1;

	/* Districts: one reduplicated and one two-word name for the
	 * hyphen/space variants. */
	for (int k = 0; k < w->nkec; k++) {
		int kind = NK_PLAIN;

		if (w->kec[k].kab == KAB_UTARA && strcmp(w->kec[k].kode + 6, "01") == 0)
			kind = NK_REDUP;
		else if (w->kec[k].kab == KAB_RANOWETA && strcmp(w->kec[k].kode + 6, "02") == 0)
			kind = NK_TWO;
		/* three syllables: short names are the ones real places have */
		gen_name(w, r, kind, kind == NK_PLAIN ? "3" : NULL, &w->kec[k].nm);
	}

	/* Village name kinds by quota, dealt in random order. */
	for (int i = 0; i < w->nvil; i++) {
		order[i] = i;
		kinds[i] = NK_PLAIN;
	}
	rng_shuffle(r, order, w->nvil);
	{
		static const int quota[] = {NK_REDUP,  NK_REDUP,  NK_REDUP,  NK_REDUP,	NK_REDUP,
					    NK_TWO,    NK_TWO,	  NK_TWO,    NK_SUFFIX, NK_SUFFIX,
					    NK_SUFFIX, NK_SUFFIX, NK_SUFFIX, NK_SUFFIX, NK_SUFFIX,
					    NK_PREFIX, NK_PREFIX, NK_PREFIX, NK_PREFIX, NK_PREFIX};

		for (size_t q = 0; q < NELEM(quota) && nk < w->nvil; q++)
			kinds[order[nk++]] = quota[q];
	}
	/* The roman-numeral pair: two neighbouring city kelurahan of one
	 * district (not its capital when that can be helped). */
	for (int relax = 0; relax < 2 && w->roman_pair[0] < 0; relax++) {
		int cand[MAXV * 4][2], nc = 0;

		for (int i = 0; i < w->nvil; i++)
			for (int j = i + 1; j < w->nvil && nc < MAXV * 4; j++)
				if (w->kec[w->vil[i].kec].kab == KAB_KOTA &&
				    w->vil[i].kec == w->vil[j].kec &&
				    (relax || (!w->vil[i].is_capital && !w->vil[j].is_capital)) &&
				    adjacent(w, i, j)) {
					cand[nc][0] = i;
					cand[nc++][1] = j;
				}
		if (nc > 0) {
			int c = rng_int(r, 0, nc - 1);

			w->roman_pair[0] = cand[c][0];
			w->roman_pair[1] = cand[c][1];
		}
	}
	if (w->roman_pair[0] < 0)
		die("no pair of neighbouring city villages for the roman numerals");
	{
		int prefixes_done = 0;

		for (int i = 0; i < w->nvil; i++) {
			vil_t *v = &w->vil[i];
			int kind = kinds[i];

			if (i == w->roman_pair[0] || i == w->roman_pair[1])
				continue;
			if (kind == NK_PREFIX) {
				static const char *const coastal_p[] = {"Tanjung", "Labuan",
									"Tanjung"};
				static const char *const inland_p[] = {"Bukit", "Batu"};
				const char *p = v->coastal ? coastal_p[prefixes_done % 3]
							   : inland_p[prefixes_done % 2];

				prefixes_done++;
				gen_name(w, r, kind, p, &v->nm);
			} else if (kind == NK_SUFFIX) {
				gen_name(w, r, kind, PICK(r, SUFFIXES), &v->nm);
			} else {
				gen_name(w, r, kind, NULL, &v->nm);
			}
		}
	}
	{
		name_t base;

		gen_name(w, r, NK_PLAIN, NULL, &base);
		for (int p = 0; p < 2; p++) {
			vil_t *v = &w->vil[w->roman_pair[p]];

			memset(&v->nm, 0, sizeof(v->nm));
			v->nm.kind = NK_ROMAN;
			scopy(v->nm.w1, sizeof(v->nm.w1), base.w1);
			scopy(v->nm.w2, sizeof(v->nm.w2), p ? "II" : "I");
			sfmt(v->nm.s, sizeof(v->nm.s), "%s %s", base.w1, v->nm.w2);
		}
	}

	/* Two villages of one name, in different districts of Ranoweta. */
	for (int tries = 0; tries < 10000 && b < 0; tries++) {
		int i = rng_int(r, 0, w->nvil - 1), j = rng_int(r, 0, w->nvil - 1);

		if (w->kec[w->vil[i].kec].kab != KAB_RANOWETA ||
		    w->kec[w->vil[j].kec].kab != KAB_RANOWETA || w->vil[i].kec == w->vil[j].kec ||
		    w->vil[i].island != ISL_MAIN || w->vil[j].island != ISL_MAIN ||
		    !vil_plain_free(w, i) || !vil_plain_free(w, j) || adjacent(w, i, j) ||
		    w->vil[i].is_capital || w->vil[j].is_capital)
			continue;
		a = i < j ? i : j;
		b = i < j ? j : i;
	}
	if (b < 0)
		die("no pair of villages for the shared name");
	w->vil[b].nm = w->vil[a].nm;
	w->vil[a].shared_name = w->vil[b].shared_name = 1;
	w->dup_pair[0] = a;
	w->dup_pair[1] = b;

	/* A district of Ranoweta Utara named like a village of Ranoweta. */
	{
		int k = -1, v = -1;

		for (int i = 0; i < w->nkec; i++)
			if (w->kec[i].kab == KAB_UTARA && w->kec[i].nm.kind == NK_PLAIN)
				k = i;
		for (int tries = 0; tries < 10000 && v < 0; tries++) {
			int i = rng_int(r, 0, w->nvil - 1);

			if (w->kec[w->vil[i].kec].kab == KAB_RANOWETA && vil_plain_free(w, i) &&
			    strlen(w->vil[i].nm.s) >= 6)
				v = i;
		}
		if (k < 0 || v < 0)
			die("no district/village pair for the shared name");
		w->kec[k].nm = w->vil[v].nm;
		w->vil[v].shared_name = 1;
		w->kec_clash[0] = k;
		w->kec_clash[1] = v;
	}

	/* Old spellings, listed in aliases.csv: a "Tanjung" village and a
	 * plain name with a u, j, c or y in it. */
	{
		int done_t = 0, done_p = 0;

		for (int i = 0; i < w->nvil; i++) {
			vil_t *v = &w->vil[i];
			char old[64];

			if (!done_t && v->nm.kind == NK_PREFIX &&
			    strcmp(v->nm.w2, "Tanjung") == 0 && !v->shared_name) {
				old_spelling(v->nm.s, old, sizeof(old));
				if (name_free(w, old)) {
					scopy(v->alias, sizeof(v->alias), old);
					name_use(w, old);
					done_t = 1;
				}
			}
		}
		for (int tries = 0; tries < 10000 && !done_p; tries++) {
			int i = rng_int(r, 0, w->nvil - 1);
			vil_t *v = &w->vil[i];
			char old[64];

			if (!vil_plain_free(w, i) || !strpbrk(v->nm.s, "ujcy") ||
			    strlen(v->nm.s) < 5)
				continue;
			old_spelling(v->nm.s, old, sizeof(old));
			if (name_free(w, old)) {
				scopy(v->alias, sizeof(v->alias), old);
				name_use(w, old);
				done_p = 1;
			}
		}
	}
}

/* A spelling variant of a name, or 0 when the name has none. */
static int name_variant(rng *r, const name_t *nm, char *out, size_t n)
{
	switch (nm->kind) {
	case NK_PLAIN: {
		char a[32], b[32];

		if (!nm->split)
			return 0;
		memcpy(a, nm->w1, (size_t)nm->split);
		a[nm->split] = '\0';
		scopy(b, sizeof(b), nm->w1 + nm->split);
		b[0] = (char)to_upper((unsigned char)b[0]);
		sfmt(out, n, "%s%s%s", a, rng_chance(r, 0.7) ? " " : "-", b);
		return 1;
	}
	case NK_REDUP: {
		char lo[32];

		scopy(lo, sizeof(lo), nm->w1);
		lo[0] = (char)to_lower((unsigned char)lo[0]);
		switch (rng_int(r, 0, 2)) {
		case 0:
			sfmt(out, n, "%s-%s", nm->w1, nm->w1);
			break;
		case 1:
			sfmt(out, n, "%s-%s", nm->w1, lo);
			break;
		default:
			sfmt(out, n, "%s%s", nm->w1, lo);
			break;
		}
		return 1;
	}
	case NK_TWO: {
		char lo[32];

		scopy(lo, sizeof(lo), nm->w2);
		lo[0] = (char)to_lower((unsigned char)lo[0]);
		if (rng_chance(r, 0.6))
			sfmt(out, n, "%s%s", nm->w1, lo);
		else
			sfmt(out, n, "%s-%s", nm->w1, nm->w2);
		return 1;
	}
	case NK_PREFIX:
		if (strcmp(nm->w2, "Tanjung") != 0)
			return 0;
		sfmt(out, n, "%s %s", rng_chance(r, 0.6) ? "Tj." : "Tg.", nm->w1);
		return 1;
	case NK_ROMAN:
		sfmt(out, n, "%s %d", nm->w1, (int)strlen(nm->w2));
		return 1;
	default:
		return 0;
	}
}

/* ------------------------------------------------------------------ */
/* Coverage design, sites and clients (the truth)                      */

static int kab_of(const world *w, int vi)
{
	return w->kec[w->vil[vi].kec].kab;
}

/* Villages kept out of the gap design: they carry other special cases. */
static int gap_excluded(const world *w, int i)
{
	const vil_t *v = &w->vil[i];

	return v->shared_name || v->has_islet || v->alias[0] || v->is_capital ||
	       i == w->roman_pair[0] || i == w->roman_pair[1] || v->design != D_NORMAL;
}

static int pick_gap(world *w, rng *r, int kab, int island, int avoid1, int avoid2)
{
	for (int t = 0; t < 10000; t++) {
		int i = rng_int(r, 0, w->nvil - 1);

		if (kab_of(w, i) != kab || w->vil[i].island != island || gap_excluded(w, i))
			continue;
		if ((avoid1 >= 0 && adjacent(w, i, avoid1)) ||
		    (avoid2 >= 0 && adjacent(w, i, avoid2)))
			continue;
		return i;
	}
	die("no village left for the gap design");
}

static int farthest_gap(world *w, int kab, int island, double x, double y, int near_to)
{
	double best = -1;
	int bi = -1;

	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (kab_of(w, i) != kab || w->vil[i].island != island || gap_excluded(w, i))
			continue;
		if (near_to >= 0 && !adjacent(w, i, near_to))
			continue;
		d = dist_km(w->vil[i].sx, w->vil[i].sy, x, y);
		if (d > best) {
			best = d;
			bi = i;
		}
	}
	if (bi < 0)
		die("no village left for the gap design");
	return bi;
}

/* Deliberate coverage gaps: the offshore island has no ready site at all
 * (its port village only not-ready ones, the rest nothing), the far tips of
 * the two big islands have an empty village next to a not-ready one, and the
 * city has one of each amid covered neighbours. */
static void design_gaps(world *w, rng *r)
{
	double best = 1e30;
	int port = -1, a, b;

	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (w->vil[i].island != ISL_SMALL)
			continue;
		w->vil[i].design = D_EMPTY;
		d = dist_km(w->vil[i].px, w->vil[i].py, w->town_x, w->town_y);
		if (d < best) {
			best = d;
			port = i;
		}
	}
	w->vil[port].design = D_NOT_READY;

	a = pick_gap(w, r, KAB_KOTA, ISL_MAIN, -1, -1);
	w->vil[a].design = D_EMPTY;
	b = pick_gap(w, r, KAB_KOTA, ISL_MAIN, a, -1);
	w->vil[b].design = D_NOT_READY;

	/* The far tip of the main island: an empty village whose neighbours
	 * have only not-ready sites, so that no ready site is near. */
	a = farthest_gap(w, KAB_RANOWETA, ISL_MAIN, w->town_x, w->town_y, -1);
	w->vil[a].design = D_EMPTY;
	w->tip[0] = a;
	for (int i = 0; i < w->nvil; i++)
		if (i != a && kab_of(w, i) == KAB_RANOWETA && w->vil[i].island == ISL_MAIN &&
		    !gap_excluded(w, i) && adjacent(w, i, a))
			w->vil[i].design = D_NOT_READY;
	b = -1;
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].design != D_NORMAL && w->vil[i].island == ISL_MAIN &&
		    kab_of(w, i) == KAB_RANOWETA)
			b = i; /* any of the tip cluster, to keep the next one apart */
	{
		int c;

		do
			c = pick_gap(w, r, KAB_RANOWETA, ISL_MAIN, a, b);
		while (dist_km(w->vil[c].sx, w->vil[c].sy, w->vil[a].sx, w->vil[a].sy) < 12.0);
		w->vil[c].design = D_EMPTY;
	}

	/* The far end of the north island: an empty village next to one with
	 * only not-ready sites. */
	a = farthest_gap(w, KAB_UTARA, ISL_NORTH, w->town_x, w->town_y, -1);
	w->vil[a].design = D_EMPTY;
	w->tip[1] = a;
	b = farthest_gap(w, KAB_UTARA, ISL_NORTH, w->town_x, w->town_y, a);
	w->vil[b].design = D_NOT_READY;
}

/* A point in a village, at least 60 m (sites) or 40 m (homes) inside it:
 * a part drawn with weight area^1.5 (or the part asked for), then a normal
 * draw around its centre. */
static void sample_point(world *w, rng *r, int vi, int home, int want_islet, double *x, double *y)
{
	const vil_t *v = &w->vil[vi];
	const GEOSGeometry *zone = home ? v->zhome : v->zsite, *part;
	const GEOSPreparedGeometry *pz = home ? v->pzhome : v->pzsite;
	int np = GEOSGetNumGeometries_r(w->gh, zone), p = 0;
	double cx, cy, x0, x1, y0, y1, sig = home ? 0.30 : 0.22;
	GEOSGeometry *c;

	if (np > 1) {
		double wt[8], tot = 0, u;

		for (int i = 0; i < np && i < 8; i++) {
			const GEOSGeometry *g = GEOSGetGeometryN_r(w->gh, zone, i);
			int isl = GEOSIntersects_r(w->gh, g, w->islet) == 1;

			wt[i] = pow(area_km2(w, g), 1.5);
			if (want_islet >= 0 && isl != want_islet)
				wt[i] = 0;
			tot += wt[i];
		}
		u = rng_unif(r) * tot;
		for (p = 0; p < np - 1 && u >= wt[p]; p++)
			u -= wt[p];
	}
	part = GEOSGetGeometryN_r(w->gh, zone, p);
	c = gcheck(GEOSGetCentroid_r(w->gh, part), "centroid");
	if (GEOSContains_r(w->gh, part, c) != 1) {
		GEOSGeom_destroy_r(w->gh, c);
		c = gcheck(GEOSPointOnSurface_r(w->gh, part), "point on surface");
	}
	GEOSGeomGetX_r(w->gh, c, &cx);
	GEOSGeomGetY_r(w->gh, c, &cy);
	GEOSGeom_destroy_r(w->gh, c);
	GEOSGeom_getXMin_r(w->gh, part, &x0);
	GEOSGeom_getXMax_r(w->gh, part, &x1);
	GEOSGeom_getYMin_r(w->gh, part, &y0);
	GEOSGeom_getYMax_r(w->gh, part, &y1);
	for (int t = 0; t < 20000; t++) {
		double px = cx + rng_normal(r) * sig * (x1 - x0),
		       py = cy + rng_normal(r) * sig * (y1 - y0);
		int in_part = 1;

		if (!prep_contains_xy(w, pz, px, py))
			continue;
		if (np > 1) {
			GEOSGeometry *pt = make_point(w, px, py);

			in_part = GEOSContains_r(w->gh, part, pt) == 1;
			GEOSGeom_destroy_r(w->gh, pt);
		}
		if (in_part) {
			*x = px;
			*y = py;
			return;
		}
	}
	die("could not place a point in %s", v->kode);
}

static int site_count(const world *w, rng *r, int i)
{
	const vil_t *v = &w->vil[i];

	if (v->design == D_EMPTY)
		return 0;
	if (v->design == D_NOT_READY)
		return v->island == ISL_SMALL ? 2 : rng_int(r, 1, 2);
	if (kab_of(w, i) == KAB_KOTA)
		return v->is_capital ? rng_int(r, 5, 7) : rng_int(r, 4, 6);
	if (v->is_capital)
		return rng_int(r, 4, 6);
	return 1 + pick_wi(r, (const wstr[]){{"", 15}, {"", 40}, {"", 30}, {"", 15}}, 4);
}

static int type_unique(int t)
{
	return t != T_MASJID && t != T_SEKOLAH && t != T_MUSHOLLA && t != T_POSYANDU &&
	       t != T_GEREJA;
}

/* The site types of one village: offices first, then a weighted mix. */
static int village_types(world *w, rng *r, int i, int n, int town_port, int *types)
{
	const vil_t *v = &w->vil[i];
	int kota = kab_of(w, i) == KAB_KOTA, nt = 0, used[T__COUNT] = {0};
	wstr mix[] = {{"", 30},
		      {"", 8},
		      {"", kab_of(w, i) == KAB_UTARA ? 12 : 2},
		      {"", 24},
		      {"", 0},
		      {"", 0},
		      {"", 0},
		      {"", 2},
		      {"", 9},
		      {"", 4},
		      {"", v->coastal ? 3 : 0},
		      {"", 5},
		      {"", 3},
		      {"", kota || v->is_capital ? 3 : 0},
		      {"", v->coastal ? 1 : 0}};

#define ADD_TYPE(t)                                                                                \
	do {                                                                                       \
		if (nt < n && !used[t]) {                                                          \
			types[nt++] = (t);                                                         \
			used[t] = 1;                                                               \
		}                                                                                  \
	} while (0)
	if (v->island == ISL_SMALL && v->design == D_NOT_READY) {
		ADD_TYPE(T_PELABUHAN);
		ADD_TYPE(T_POSYANDU);
	}
	if (i == town_port)
		ADD_TYPE(T_PELABUHAN);
	if (v->has_islet)
		ADD_TYPE(T_PANTAI);
	if (v->is_capital && rng_chance(r, 0.8))
		ADD_TYPE(T_KANTOR_CAMAT);
	if (rng_chance(r, 0.55))
		ADD_TYPE(v->is_kel ? T_KANTOR_LURAH : T_KANTOR_DESA);
	if (v->is_capital && rng_chance(r, 0.7))
		ADD_TYPE(T_PUSKESMAS);
#undef ADD_TYPE
	while (nt < n) {
		int t = pick_wi(r, mix, NELEM(mix));

		if (type_unique(t) && used[t])
			continue;
		types[nt++] = t;
		used[t] = 1;
	}
	return nt;
}

static const char *const MASJID_NAMES[] = {
    "Al-Ikhlas",   "Nurul Huda",  "Baiturrahman",    "Al-Muhajirin", "At-Taqwa",
    "Nurul Iman",  "Al-Hidayah",  "Babussalam",	     "Al-Falah",     "Darussalam",
    "Nurul Falah", "Al-Amin",	  "Jami' Al-Markaz", "Al-Mujahidin", "Baitul Makmur",
    "Nurul Yaqin", "Al-Furqan",	  "Miftahul Jannah", "Al-Abrar",     "Jabal Nur",
    "Al-Barokah",  "Nurul Jihad", "Ar-Rahman"};
static const char *const MUSHOLLA_NAMES[] = {
    "Al-Muttaqin", "Nurul Jannah", "Al-Ikhlas", "Ar-Rahman", "An-Nur", "Al-Mubarak", "Al-Ma'un"};
static const char *const FLOWERS[] = {"Mawar",	 "Melati",  "Anggrek",	 "Tulip",
				      "Kenanga", "Dahlia",  "Flamboyan", "Bougenville",
				      "Cempaka", "Teratai", "Asoka"};
static const char *const JEMAAT[] = {"Efrata",	  "Sion",      "Bethel",  "Imanuel",
				     "Getsemani", "Maranatha", "Betlehem"};

/* Site name and the office's wording of its type. */
static void site_name(world *w, rng *r, site_t *s, int school_no[3][4])
{
	const vil_t *v = &w->vil[s->vil];
	const kec_t *k = &w->kec[v->kec];
	const char *vn = v->nm.s, *kb = w->kab[k->kab].base;
	char *o = s->nama;
	size_t n = sizeof(s->nama);
	static const wstr J_MASJID[] = {{"Masjid", 60},
					{"masjid", 10},
					{"Mesjid", 10},
					{"Tempat Ibadah", 12},
					{"Rumah Ibadah", 8}};
	static const wstr J_MUSHOLLA[] = {
	    {"Musholla", 55}, {"Mushola", 20}, {"Langgar", 10}, {"Tempat Ibadah", 15}};
	static const wstr J_GEREJA[] = {
	    {"Gereja", 70}, {"Tempat Ibadah", 15}, {"Rumah Ibadah", 15}};
	static const wstr J_KDESA[] = {
	    {"Kantor Desa", 50}, {"Balai Desa", 25}, {"Kantor Pemerintahan", 15}, {"Kantor", 10}};
	static const wstr J_KLURAH[] = {{"Kantor Lurah", 45},
					{"Kantor Kelurahan", 30},
					{"Kantor Pemerintahan", 15},
					{"Kantor", 10}};
	static const wstr J_KCAMAT[] = {
	    {"Kantor Camat", 50}, {"Kantor Kecamatan", 35}, {"Kantor Pemerintahan", 15}};
	static const wstr J_PKM[] = {
	    {"Puskesmas", 70}, {"Faskes", 15}, {"Fasilitas Kesehatan", 15}};
	static const wstr J_POS[] = {{"Posyandu", 75}, {"Faskes", 10}, {"Fasilitas Kesehatan", 15}};
	static const wstr J_PASAR[] = {{"Pasar", 75}, {"pasar", 15}, {"Fasum", 10}};
	static const wstr J_PANTAI[] = {{"Pantai", 65}, {"Objek Wisata", 35}};
	static const wstr J_LAP[] = {{"Lapangan", 70}, {"Fasum", 15}, {"Ruang Publik", 15}};
	static const wstr J_TPU[] = {{"TPU", 50}, {"Pemakaman", 30}, {"Kuburan", 20}};
	static const wstr J_TAMAN[] = {{"Taman", 55}, {"RTH", 25}, {"Ruang Publik", 20}};
	static const wstr J_PEL[] = {{"Pelabuhan", 55}, {"Dermaga", 30}, {"Fasum", 15}};

	switch (s->type) {
	case T_MASJID:
		if (rng_chance(r, 0.2))
			sfmt(o, n, "Masjid %s %s", PICK(r, MASJID_NAMES), vn);
		else
			sfmt(o, n, "Masjid %s", PICK(r, MASJID_NAMES));
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_MASJID));
		break;
	case T_MUSHOLLA:
		sfmt(o, n, "Musholla %s", PICK(r, MUSHOLLA_NAMES));
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_MUSHOLLA));
		break;
	case T_GEREJA:
		if (rng_chance(r, 0.7))
			sfmt(o, n, "Gereja Jemaat %s %s", PICK(r, JEMAAT), vn);
		else
			sfmt(o, n, "Gereja Katolik St. %s",
			     rng_chance(r, 0.5) ? "Yosef" : "Petrus");
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_GEREJA));
		break;
	case T_SEKOLAH: {
		static const wstr LEVEL[] = {{"SD", 50}, {"SMP", 25}, {"SMA", 15}, {"SMK", 10}};
		int lv = pick_wi(r, LEVEL, NELEM(LEVEL)), num = ++school_no[k->kab][lv];
		const char *place = rng_chance(r, 0.7) ? kb : k->nm.s;
		static const wstr J_SEK[] = {
		    {"Sekolah", 40}, {"", 35}, {"Pendidikan", 15}, {"Fasilitas Pendidikan", 10}};
		const char *j = PICKW(r, J_SEK);

		if (lv == 0 && rng_chance(r, 0.15))
			sfmt(o, n, "SD Inpres %s", vn);
		else if (rng_chance(r, 0.6))
			sfmt(o, n, "%s Negeri %d %s", LEVEL[lv].s, num, place);
		else
			sfmt(o, n, "%sN %d %s", LEVEL[lv].s, num, place);
		scopy(s->jenis, sizeof(s->jenis), j[0] ? j : LEVEL[lv].s);
		break;
	}
	case T_KANTOR_DESA:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Kantor Desa" : "Balai Desa", vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_KDESA));
		break;
	case T_KANTOR_LURAH:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Kantor Lurah" : "Kantor Kelurahan", vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_KLURAH));
		break;
	case T_KANTOR_CAMAT:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Kantor Camat" : "Kantor Kecamatan",
		     k->nm.s);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_KCAMAT));
		break;
	case T_PUSKESMAS:
		if (v->is_capital && rng_chance(r, 0.7))
			sfmt(o, n, "Puskesmas %s", k->nm.s);
		else
			sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Puskesmas Pembantu" : "Pustu",
			     vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_PKM));
		break;
	case T_POSYANDU:
		if (rng_chance(r, 0.3))
			sfmt(o, n, "Posyandu %s %s", PICK(r, FLOWERS), vn);
		else
			sfmt(o, n, "Posyandu %s", PICK(r, FLOWERS));
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_POS));
		break;
	case T_PASAR:
		if (kab_of(w, s->vil) == KAB_KOTA && rng_chance(r, 0.4))
			sfmt(o, n, "Pasar Sentral %s", vn);
		else if (v->coastal && rng_chance(r, 0.3))
			sfmt(o, n, "Pasar Ikan %s", vn);
		else
			sfmt(o, n, "Pasar %s", vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_PASAR));
		break;
	case T_PANTAI:
		if (s->on_islet)
			sfmt(o, n, "Pantai Gusung %s", vn);
		else if (rng_chance(r, 0.5))
			sfmt(o, n, "Pantai %s Indah", vn);
		else
			sfmt(o, n, "Pantai Pasir Putih %s", vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_PANTAI));
		break;
	case T_LAPANGAN: {
		static const char *const L[] = {"Lapangan Voli", "Lapangan Sepak Bola", "Lapangan"};

		sfmt(o, n, "%s %s", PICK(r, L), vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_LAP));
		break;
	}
	case T_TPU:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "TPU" : "Pemakaman Umum", vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_TPU));
		break;
	case T_TAMAN:
		if (kab_of(w, s->vil) == KAB_KOTA && v->is_capital)
			sfmt(o, n, "Taman Kota %s", w->kab[KAB_KOTA].base);
		else
			sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Taman" : "RTH", vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_TAMAN));
		break;
	case T_PELABUHAN:
		if (v->island == ISL_SMALL || kab_of(w, s->vil) == KAB_KOTA)
			sfmt(o, n, "Pelabuhan Penyeberangan %s", vn);
		else
			sfmt(o, n, "%s %s", rng_chance(r, 0.5) ? "Dermaga" : "Pelabuhan Perikanan",
			     vn);
		scopy(s->jenis, sizeof(s->jenis), PICKW(r, J_PEL));
		break;
	default:
		die("internal: site type");
	}
}

static void make_sites(world *w, rng *r)
{
	static const double RAMAH_P[T__COUNT] = {0.55, 0.5, 0.6, 0.85, 0.5,  0.5, 0.45, 0.6,
						 0.85, 0.1, 0.5, 0.75, 0.25, 0.8, 0.05};
	static const wstr KAP[] = {{"1", 10}, {"2", 25}, {"3", 25},
				   {"4", 20}, {"5", 10}, {"6", 10}};
	int school_no[3][4] = {{0}}, town_port = -1, nfree = 0, *freeidx, cap = 0;
	int n_siap = 0, n_non = 0, want_siap, want_non;
	double best = 1e30;

	/* The city's ferry port: its coastal village nearest the town. */
	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (kab_of(w, i) != KAB_KOTA || !w->vil[i].coastal || w->vil[i].design != D_NORMAL)
			continue;
		d = dist_km(w->vil[i].px, w->vil[i].py, w->town_x, w->town_y);
		if (d < best) {
			best = d;
			town_port = i;
		}
	}
	for (int i = 0; i < w->nvil; i++) {
		int n = site_count(w, r, i), types[16], guaranteed = -1;

		n = village_types(w, r, i, n, town_port, types);
		if (w->vil[i].design == D_NORMAL && n > 0)
			guaranteed = rng_int(r, 0, n - 1);
		for (int j = 0; j < n; j++) {
			site_t *s;

			if (w->nsite >= cap) {
				cap = cap ? cap * 2 : 256;
				w->site = xrealloc(w->site, sizeof(site_t) * (size_t)cap);
			}
			s = &w->site[w->nsite++];
			memset(s, 0, sizeof(*s));
			s->vil = i;
			s->type = types[j];
			s->on_islet = w->vil[i].has_islet && types[j] == T_PANTAI;
			s->status = -1; /* dealt below */
			if (j == guaranteed) {
				s->status = ST_SIAP;
				n_siap++;
			} else if (w->vil[i].design == D_NOT_READY) {
				s->status = (j == n - 1 && n > 1 && rng_chance(r, 0.5))
						? ST_NONAKTIF
						: ST_BELUM;
				n_non += s->status == ST_NONAKTIF;
			}
			sample_point(w, r, i, 0, w->vil[i].has_islet ? s->on_islet : -1, &s->lon,
				     &s->lat);
			s->ramah = rng_chance(r, 0.08) ? -1 : rng_chance(r, RAMAH_P[s->type]);
			s->kap = PICKW(r, KAP)[0] - '0';
			site_name(w, r, s, school_no);
			for (int q = 0; q < w->nsite - 1; q++) /* one name per village */
				if (w->site[q].vil == i && strcmp(w->site[q].nama, s->nama) == 0) {
					site_name(w, r, s, school_no);
					q = -1;
				}
		}
	}
	/* Deal the remaining statuses to reach about 70 / 25 / 5 per cent,
	 * with two rows of unknown status. */
	want_siap = (int)lround(0.70 * w->nsite);
	want_non = (int)lround(0.05 * w->nsite);
	freeidx = xcalloc((size_t)w->nsite, sizeof(int));
	for (int i = 0; i < w->nsite; i++)
		if (w->site[i].status < 0)
			freeidx[nfree++] = i;
	rng_shuffle(r, freeidx, nfree);
	for (int j = 0; j < nfree; j++) {
		site_t *s = &w->site[freeidx[j]];

		if (j < 2)
			s->status = ST_UNKNOWN;
		else if (n_siap < want_siap) {
			s->status = ST_SIAP;
			n_siap++;
		} else if (n_non < want_non) {
			s->status = ST_NONAKTIF;
			n_non++;
		} else
			s->status = ST_BELUM;
	}
	free(freeidx);
	for (int i = 0; i < w->nsite; i++)
		w->vil[w->site[i].vil].n_status[w->site[i].status]++;
}

/* Keeps every ready site at least km away from village vi: the village
 * holding the nearest one becomes a village of only not-ready sites, until
 * the nearest ready site is far enough. */
static void isolate_village(world *w, int vi, double km)
{
	for (int it = 0; it < 10; it++) {
		double best = 1e30;
		int bs = -1, u;

		for (int i = 0; i < w->nsite; i++)
			if (w->site[i].status == ST_SIAP) {
				double d = haversine_km(w->vil[vi].px, w->vil[vi].py,
							w->site[i].lon, w->site[i].lat);

				if (d < best) {
					best = d;
					bs = i;
				}
			}
		if (bs < 0 || best >= km)
			return;
		u = w->site[bs].vil;
		for (int i = 0; i < w->nsite; i++)
			if (w->site[i].vil == u && w->site[i].status == ST_SIAP) {
				w->site[i].status = ST_BELUM;
				w->vil[u].n_status[ST_SIAP]--;
				w->vil[u].n_status[ST_BELUM]++;
			}
		w->vil[u].design = D_NOT_READY;
	}
	die("could not keep ready sites away from %s", w->vil[vi].kode);
}

/* Weekdays are counted from 2026-01-01 (a Thursday) as day 0. */
#define DAY_FIRST 4  /* Mon 2026-01-05 */
#define DAY_LAST 204 /* Fri 2026-07-24 */
#define DAY_ASOF 211 /* Fri 2026-07-31: the register's "as of" date */

static void day_to_date(int day, int *m, int *d)
{
	static const int ml[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int mo = 0;

	while (day >= ml[mo]) {
		day -= ml[mo];
		mo++;
	}
	*m = mo + 1;
	*d = day + 1;
}

static int cmp_client(const void *a, const void *b)
{
	const client_t *p = a, *q = b;

	if (p->day != q->day)
		return p->day - q->day;
	return strcmp(p->id, q->id); /* id holds the draw order here */
}

/* Clients live mostly in the city; a dozen are placed on purpose in
 * villages that have no ready site, among them the offshore island. */
static void make_clients(world *w, rng *r, int n)
{
	double wt[MAXV], tot = 0;
	int nogap[MAXV], nng = 0, small[MAXV], nsm = 0, *child = xcalloc((size_t)n, sizeof(int));

	for (int c = 0; c < n; c++)
		child[c] = c < (n * 15 + 50) / 100; /* 15% children */
	rng_shuffle(r, child, n);
	w->cli = xcalloc((size_t)n, sizeof(client_t));
	w->ncli = n;
	for (int i = 0; i < w->nvil; i++) {
		wt[i] = kab_of(w, i) == KAB_KOTA ? 10.0 : 1.0;
		tot += wt[i];
		if (w->vil[i].design != D_NORMAL)
			nogap[nng++] = i;
		if (w->vil[i].island == ISL_SMALL)
			small[nsm++] = i;
	}
	for (int c = 0; c < n; c++) {
		client_t *k = &w->cli[c];
		int vi = 0;

		if (c < 3)
			vi = small[rng_int(r, 0, nsm - 1)];
		else if (c < 12)
			vi = nogap[rng_int(r, 0, nng - 1)];
		else {
			double u = rng_unif(r) * tot;

			for (vi = 0; vi < w->nvil - 1 && u >= wt[vi]; vi++)
				u -= wt[vi];
		}
		k->vil = vi;
		w->vil[vi].n_clients++;
		sample_point(w, r, vi, 1, w->vil[vi].has_islet ? 0 : -1, &k->lon, &k->lat);
		k->anak = child[c];
		k->jam = k->anak ? rng_int(r, 7, 120) : rng_int(r, 8, 240);
		do
			k->day = rng_int(r, DAY_FIRST, DAY_LAST);
		while ((3 + k->day) % 7 >= 5);
		{
			double rate = k->anak ? 4.0 + 4.0 * rng_unif(r) : 6.0 + 8.0 * rng_unif(r);

			k->selesai = (DAY_ASOF - k->day) / 7.0 * rate >= k->jam;
			if (k->selesai && rng_chance(r, 0.06))
				k->selesai = 0; /* a late finisher */
		}
		sfmt(k->id, sizeof(k->id), "%05d", c);
	}
	free(child);
	qsort(w->cli, (size_t)n, sizeof(client_t), cmp_client);
	for (int c = 0; c < n; c++)
		sfmt(w->cli[c].id, sizeof(w->cli[c].id), "DMO-2026-%04d", c + 1);
}

/* ------------------------------------------------------------------ */
/* Labels                                                              */

enum {
	L_MISSING_KEC,
	L_MISSING_KAB,
	L_TYPO_DESA,
	L_TYPO_KEC,
	L_TYPO_KAB,
	L_NAME_VARIANT,
	L_NAME_VARIANT_KEC,
	L_OLD_SPELLING,
	L_PREFIX_MISMATCH,
	L_SWAPPED_ORDER,
	L_NO_COMMAS,
	L_CAPS,
	L_LANDMARK,
	L_POSTAL_CODE,
	L_STREET_PLACENAME,
	L_OLD_PARENT,
	L_KAB_ABBREV,
	L_SHARED_NAME,
	L_COLS_FILLED,
	L_COL_WRONG_DESA,
	L_COL_WRONG_KEC,
	L_COL_WRONG_KAB,
	L_COL_OLD_PARENT,
	L_COL_TYPO,
	L_COORD_MISSING,
	L_COORD_DECIMAL_COMMA,
	L_COORD_SWAPPED,
	L_COORD_DMS,
	L_COORD_DDM,
	L_COORD_NO_MINUS,
	L_COORD_ZERO,
	L_COORD_SEA,
	L_COORD_OTHER_REGENCY,
	L_BROKEN_COORD,
	L_BROKEN_NAME,
	L_BROKEN_STATUS,
	L_KAPASITAS_TEXT,
	L_DUPLICATE,
	L_DATE_ISO,
	L_DATE_DMY_SHORT,
	L_DATE_TEXT,
	L_DATE_EXCEL,
	L_BROKEN_DATE,
	L__COUNT
};

static const char *const LABEL[L__COUNT] = {"missing_kec",
					    "missing_kab",
					    "typo_desa",
					    "typo_kec",
					    "typo_kab",
					    "name_variant",
					    "name_variant_kec",
					    "old_spelling",
					    "prefix_mismatch",
					    "swapped_order",
					    "no_commas",
					    "caps",
					    "landmark",
					    "postal_code",
					    "street_placename",
					    "old_parent",
					    "kab_abbrev",
					    "shared_name",
					    "cols_filled",
					    "col_wrong_desa",
					    "col_wrong_kec",
					    "col_wrong_kab",
					    "col_old_parent",
					    "col_typo",
					    "coord_missing",
					    "coord_decimal_comma",
					    "coord_swapped",
					    "coord_dms",
					    "coord_ddm",
					    "coord_no_minus",
					    "coord_zero",
					    "coord_sea",
					    "coord_other_regency",
					    "broken_coord",
					    "broken_name",
					    "broken_status",
					    "kapasitas_text",
					    "duplicate",
					    "date_iso",
					    "date_dmy_short",
					    "date_text",
					    "date_excel",
					    "broken_date"};

static const char *const LABEL_DOC[L__COUNT] = {
    "alamat has no kecamatan",
    "alamat has no regency/city",
    "village name in alamat has 1-2 character edits (never the first letter)",
    "same for the kecamatan name",
    "same for the regency/city name",
    "village written with a spelling variant: hyphen/space/joined, split word, roman vs arabic "
    "numeral, Tj./Tg. for Tanjung",
    "same for the kecamatan",
    "village written in its old spelling (oe, dj, tj), listed in aliases.csv",
    "a kelurahan written as Desa/Ds. or a desa as Kel./Kelurahan",
    "components not in street > village > kecamatan > regency order",
    "components separated by spaces only (every level then has a prefix)",
    "whole alamat in upper case",
    "a landmark phrase (\"depan Kantor Camat\", \"dekat SD Negeri 1\")",
    "the village's (fictional) postal code, alone, as \"Kode Pos\"/\"KP\", or glued to the regency",
    "the street part names another place of the province (\"Jl. Poros X - Y\")",
    "Kabupaten Ranoweta Utara written as its parent, Ranoweta",
    "regency written with its local abbreviation (Ranut), listed in aliases.csv",
    "the village shares its name with another village or a kecamatan; the alamat always names the "
    "kecamatan",
    "at least one of desa_kelurahan / kecamatan / kabupaten_kota is filled",
    "desa_kelurahan column names another village of the same kecamatan",
    "kecamatan column names another kecamatan of the same regency",
    "kabupaten_kota column names another regency",
    "kabupaten_kota column holds the parent regency",
    "desa_kelurahan column has a one-character typo",
    "coordinate empty",
    "decimal commas, \"-6,8712; 124,9133\" or \"-6,8712 124,9133\"",
    "decimal \"lon, lat\" instead of \"lat, lon\"",
    "degrees-minutes-seconds with LS/BT or S/E",
    "degrees and decimal minutes, \"S6 52.271 E124 54.806\"",
    "latitude without its minus sign",
    "gross error: 0,0",
    "gross error: a point in the sea 0.6-5 km off the village",
    "gross error: a point inside a village of another regency",
    "coordinate cell holds text no parser should accept",
    "nama_lokasi empty",
    "status is not a known value; true status unknown",
    "kapasitas written as text, \"3 orang\"",
    "exact copy (all fields, including no) of an earlier row",
    "tanggal_mulai as 2026-03-12 (default 12/03/2026)",
    "tanggal_mulai as 12-3-2026",
    "tanggal_mulai as 12 Maret 2026",
    "tanggal_mulai as 12-Mar-26 (Indonesian month abbreviations)",
    "tanggal_mulai is an impossible date (31/02/2026): the importer must reject the row"};

#define LB(x) (1ull << (x))

static void labels_str(uint64_t l, sb *out)
{
	int first = 1;

	for (int i = 0; i < L__COUNT; i++)
		if (l & LB(i)) {
			sb_addf(out, "%s%s", first ? "" : ";", LABEL[i]);
			first = 0;
		}
}

/* Deals spelling variants to n items: every variant at least once when n
 * allows, the rest by weight, in random order. */
static void deal_variants(rng *r, int n, const wstr *t, size_t nt, int *out)
{
	for (int i = 0; i < n; i++)
		out[i] = i < (int)nt ? i : pick_wi(r, t, nt);
	rng_shuffle(r, out, n);
}

/* ------------------------------------------------------------------ */
/* Addresses                                                           */

enum { C_STREET, C_LANDMARK, C_DESA, C_KEC, C_KAB, C_POSTAL, C_PROV };

typedef struct comp_t {
	char s[200];
	int kind;
} comp_t;

typedef struct addr_t {
	sb alamat;
	char desa[100], kec[100], kab[100];
	uint64_t labels;
} addr_t;

/* Is the misspelt name (normalised) nearer to some other name of the
 * province than to the one it was made from? Then it would not be a typo
 * but a wrong place. */
static int typo_misleads(const world *w, const char *typo, const char *orig)
{
	int d0 = levenshtein(typo, orig);

	for (int i = 0; i < w->nused; i++)
		if (strcmp(w->used[i], orig) != 0 && levenshtein(typo, w->used[i]) <= d0)
			return 1;
	return 0;
}

/* 1 (75%) or 2 edits, the result still nearest to the original among all
 * names of the province. 0 for short names. */
static int typo_name(const world *w, rng *r, const char *in, char *out, size_t n, int max_edits)
{
	char ni[96];

	if (count_letters(in) < 5)
		return 0;
	norm_name(in, ni, sizeof(ni));
	for (int t = 0; t < 40; t++) {
		char a[128], b[128], nb[128];

		if (!typo_once(r, in, a, sizeof(a)))
			continue;
		if (max_edits > 1 && rng_chance(r, 0.25)) {
			if (!typo_once(r, a, b, sizeof(b)))
				continue;
		} else {
			scopy(b, sizeof(b), a);
		}
		norm_name(b, nb, sizeof(nb));
		if (strcmp(nb, ni) == 0 || typo_misleads(w, nb, ni))
			continue;
		scopy(out, n, b);
		return 1;
	}
	return 0;
}

static const char *const STREETS[] = {
    "Sudirman",	   "Ahmad Yani", "Diponegoro",	"Pattimura",   "Merdeka", "Pahlawan",
    "Pendidikan",  "Veteran",	 "Melati",	"Anggrek",     "Mawar",	  "Kenanga",
    "Bhayangkara", "Gajah Mada", "Hasanuddin",	"Imam Bonjol", "Kartini", "Sam Ratulangi",
    "Yos Sudarso", "Teuku Umar", "Cendrawasih", "Rajawali",    "Kakatua", "Nuri",
    "Cengkeh",	   "Pala",	 "Kelapa",	"Mutiara",     "Nelayan", "Bougenville"};
static const wstr JL[] = {{"Jl. ", 55}, {"Jl ", 15}, {"Jalan ", 20}, {"JL. ", 10}};
static const char *const ROMAN[] = {"I", "II", "III", "IV", "V"};
static const wstr KEL_P[] = {{"Kel. ", 40}, {"Kelurahan ", 25}, {"Kel ", 10}, {"", 25}};
static const wstr DESA_P[] = {{"Desa ", 50}, {"Ds. ", 10}, {"Ds ", 5}, {"", 35}};
static const wstr KEC_P[] = {{"Kec. ", 40}, {"Kecamatan ", 25}, {"Kec ", 10}, {"", 25}};
static const wstr KAB_P[] = {{"Kab. ", 45}, {"Kabupaten ", 25}, {"Kab ", 10}, {"", 20}};
static const wstr KOTA_P[] = {{"Kota ", 50}, {"Kodya ", 8}, {"", 42}};
static const wstr CITY[] = {
    {"Ledo Ledo", 30}, {"Ledo-Ledo", 35}, {"Ledoledo", 10}, {"Ledo-ledo", 15}, {"Ledo ledo", 10}};
static const wstr PROV_FORMS[] = {{"Kepulauan Jangkau", 35},
				  {"Kep. Jangkau", 30},
				  {"Prov. Kepulauan Jangkau", 15},
				  {"Prov. Kep. Jangkau", 10},
				  {"KEP. JANGKAU", 10}};

/* A prefix from the table, non-empty when asked. */
static const char *prefix_pick(rng *r, const wstr *t, size_t n, int nonempty)
{
	const char *p;

	do
		p = pick_w(r, t, n);
	while (nonempty && !p[0]);
	return p;
}

static void street_part(world *w, rng *r, int vi, int client, comp_t *c, int *nc, uint64_t *lab)
{
	const vil_t *v = &w->vil[vi];
	int urban = v->is_kel || kab_of(w, vi) == KAB_KOTA;
	char nomor[24] = "";

	if (rng_chance(r, 0.7)) {
		static const wstr NO[] = {{"No.", 50}, {"No", 20}, {"no.", 15}, {"Nomor", 8}};
		int num = rng_int(r, 1, 150);

		if (rng_chance(r, 0.07))
			sfmt(nomor, sizeof(nomor), " No. %d%c", num,
			     rng_chance(r, 0.5) ? 'A' : 'B');
		else
			sfmt(nomor, sizeof(nomor), " %s %d", PICKW(r, NO), num);
	}
	if (rng_chance(r, client ? 0.10 : 0.12)) {
		/* The street is named after another place. */
		int mode = rng_int(r, 0, 3), k2, v2;
		const kec_t *k = &w->kec[v->kec];

		*lab |= LB(L_STREET_PLACENAME);
		do
			k2 = rng_int(r, 0, w->nkec - 1);
		while (k2 == v->kec || strcmp(w->kec[k2].nm.s, v->nm.s) == 0);
		do
			v2 = rng_int(r, 0, w->nvil - 1);
		while (w->vil[v2].kec == v->kec || strcmp(w->vil[v2].nm.s, v->nm.s) == 0);
		if (mode == 0)
			sfmt(c[*nc].s, sizeof(c[0].s), "%sPoros %s - %s", PICKW(r, JL), k->nm.s,
			     w->kec[k2].nm.s);
		else if (mode == 1)
			sfmt(c[*nc].s, sizeof(c[0].s), "%s%s%s", PICKW(r, JL), w->vil[v2].nm.s,
			     nomor);
		else if (mode == 2)
			sfmt(c[*nc].s, sizeof(c[0].s), "%s%s%s", PICKW(r, JL), w->kec[k2].nm.s,
			     nomor);
		else
			sfmt(c[*nc].s, sizeof(c[0].s), "%sLingkar %s", PICKW(r, JL),
			     w->kab[(k->kab + rng_int(r, 1, 2)) % 3].base);
	} else if (!urban && rng_chance(r, 0.45)) {
		static const wstr D[] = {{"", 45}, {"", 25}, {"", 15}, {"", 15}};
		int d = rng_int(r, 1, 4);

		switch (pick_wi(r, D, NELEM(D))) {
		case 0:
			sfmt(c[*nc].s, sizeof(c[0].s), "Dusun %s", ROMAN[d - 1]);
			break;
		case 1:
			sfmt(c[*nc].s, sizeof(c[0].s), "Dsn. %s", ROMAN[d - 1]);
			break;
		case 2:
			sfmt(c[*nc].s, sizeof(c[0].s), "Dusun %d", d);
			break;
		default:
			sfmt(c[*nc].s, sizeof(c[0].s), "%sPoros Desa", PICKW(r, JL));
			break;
		}
	} else {
		sfmt(c[*nc].s, sizeof(c[0].s), "%s%s%s", PICKW(r, JL), PICK(r, STREETS), nomor);
	}
	c[(*nc)++].kind = C_STREET;
	if (urban && rng_chance(r, 0.12)) {
		static const char *const LR[] = {"Lr. Masjid",	"Lorong Damai", "Lr. 2",
						 "Lr. Sekolah", "Lr. Pemuda",	"Lorong Sejahtera",
						 "Lr. 1"};

		scopy(c[*nc].s, sizeof(c[0].s), PICK(r, LR));
		c[(*nc)++].kind = C_STREET;
	}
	if (rng_chance(r, 0.45)) {
		int rt = rng_int(r, 1, 15), rw = rng_int(r, 1, 6);

		switch (rng_int(r, 0, 4)) {
		case 0:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT %02d/RW %02d", rt, rw);
			break;
		case 1:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT. %03d RW. %03d", rt, rw);
			break;
		case 2:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT %d RW %d", rt, rw);
			break;
		case 3:
			sfmt(c[*nc].s, sizeof(c[0].s), "RT/RW %03d/%03d", rt, rw);
			break;
		default:
			sfmt(c[*nc].s, sizeof(c[0].s), "Rt.%02d Rw.%02d", rt, rw);
			break;
		}
		c[(*nc)++].kind = C_STREET;
	}
}

/* The free-text address of a village and the separate columns, with the
 * mess of an office spreadsheet; every pattern applied goes into labels. */
static void make_address(world *w, rng *r, int vi, int client, int force_alias, addr_t *a)
{
	const vil_t *v = &w->vil[vi];
	const kec_t *k = &w->kec[v->kec];
	const kab_t *kb = &w->kab[k->kab];
	comp_t c[16];
	int nc = 0, order[16], no_commas = rng_chance(r, 0.07);
	int has_kec = rng_chance(r, client ? 0.78 : 0.80),
	    has_kab = rng_chance(r, client ? 0.76 : 0.75);
	uint64_t lab = 0;
	char txt[100], pc[32] = "";
	const char *sep;

	memset(c, 0, sizeof(c));
	if (v->shared_name) {
		has_kec = 1; /* the name alone is ambiguous: put the context back */
		lab |= LB(L_SHARED_NAME);
	}
	if (!has_kec)
		lab |= LB(L_MISSING_KEC);
	if (!has_kab)
		lab |= LB(L_MISSING_KAB);

	if (rng_chance(r, client ? 0.65 : 0.72))
		street_part(w, r, vi, client, c, &nc, &lab);
	if (rng_chance(r, client ? 0.05 : 0.10)) {
		static const char *const LM[] = {"depan Kantor Camat",	 "samping Masjid Raya",
						 "dekat SD Negeri 1",	 "belakang Pasar",
						 "dekat pertigaan",	 "samping Pos Ronda",
						 "depan Lapangan",	 "dekat Puskesmas",
						 "belakang Kantor Desa", "seberang Pelabuhan"};
		const char *lm = PICK(r, LM);

		if (strcmp(lm, "seberang Pelabuhan") == 0 && !v->coastal)
			lm = "dekat pertigaan";
		scopy(c[nc].s, sizeof(c[0].s), lm);
		c[nc++].kind = C_LANDMARK;
		lab |= LB(L_LANDMARK);
	}

	/* Village. */
	{
		int cls = v->is_kel, mismatch = rng_chance(r, 0.10);
		const char *vn = v->nm.s;

		if (v->alias[0] && (rng_chance(r, 0.35) || force_alias)) {
			vn = v->alias;
			lab |= LB(L_OLD_SPELLING);
		} else if (rng_chance(r, 0.30) && name_variant(r, &v->nm, txt, sizeof(txt))) {
			vn = txt;
			lab |= LB(L_NAME_VARIANT);
		} else if (rng_chance(r, 0.13) && typo_name(w, r, v->nm.s, txt, sizeof(txt), 2)) {
			vn = txt;
			lab |= LB(L_TYPO_DESA);
		}
		if (mismatch) {
			cls = !cls;
			lab |= LB(L_PREFIX_MISMATCH);
		}
		sfmt(c[nc].s, sizeof(c[0].s), "%s%s",
		     cls ? prefix_pick(r, KEL_P, NELEM(KEL_P), mismatch || no_commas)
			 : prefix_pick(r, DESA_P, NELEM(DESA_P), mismatch || no_commas),
		     vn);
		c[nc++].kind = C_DESA;
	}
	if (has_kec) {
		const char *kn = k->nm.s;

		if (rng_chance(r, 0.30) && name_variant(r, &k->nm, txt, sizeof(txt))) {
			kn = txt;
			lab |= LB(L_NAME_VARIANT_KEC);
		} else if (rng_chance(r, 0.08) && typo_name(w, r, k->nm.s, txt, sizeof(txt), 2)) {
			kn = txt;
			lab |= LB(L_TYPO_KEC);
		}
		sfmt(c[nc].s, sizeof(c[0].s), "%s%s",
		     prefix_pick(r, KEC_P, NELEM(KEC_P), no_commas), kn);
		c[nc++].kind = C_KEC;
	}
	if (rng_chance(r, client ? 0.11 : 0.10)) {
		lab |= LB(L_POSTAL_CODE);
		switch (rng_int(r, 0, 3)) {
		case 0:
			sfmt(pc, sizeof(pc), "%s", v->postal);
			break;
		case 1:
			sfmt(pc, sizeof(pc), "Kode Pos %s", v->postal);
			break;
		case 2:
			sfmt(pc, sizeof(pc), "KP %s", v->postal);
			break;
		default:
			sfmt(pc, sizeof(pc), "+%s", v->postal);
			break; /* glued */
		}
		if (pc[0] == '+' && !has_kab)
			memmove(pc, pc + 1, strlen(pc));
	}
	if (has_kab) {
		char kt[100];

		if (kb->is_kota) {
			const char *form = PICKW(r, CITY);

			if (rng_chance(r, 0.06) && typo_name(w, r, form, txt, sizeof(txt), 1)) {
				form = txt;
				lab |= LB(L_TYPO_KAB);
			}
			sfmt(kt, sizeof(kt), "%s%s",
			     prefix_pick(r, KOTA_P, NELEM(KOTA_P), no_commas), form);
		} else if (kb->parent >= 0 && rng_chance(r, 0.22)) {
			sfmt(kt, sizeof(kt), "%s%s", prefix_pick(r, KAB_P, NELEM(KAB_P), no_commas),
			     w->kab[kb->parent].base);
			lab |= LB(L_OLD_PARENT);
		} else if (kb->abbrev && rng_chance(r, 0.09)) {
			sfmt(kt, sizeof(kt), "%s%s", no_commas || rng_chance(r, 0.5) ? "Kab. " : "",
			     kb->abbrev);
			lab |= LB(L_KAB_ABBREV);
		} else {
			const char *bn = kb->base;

			if (rng_chance(r, 0.06) && typo_name(w, r, bn, txt, sizeof(txt), 1)) {
				bn = txt;
				lab |= LB(L_TYPO_KAB);
			}
			sfmt(kt, sizeof(kt), "%s%s", prefix_pick(r, KAB_P, NELEM(KAB_P), no_commas),
			     bn);
		}
		if (pc[0] == '+') {
			sfmt(c[nc].s, sizeof(c[0].s), "%s %s", kt, pc + 1);
			pc[0] = '\0';
		} else {
			scopy(c[nc].s, sizeof(c[0].s), kt);
		}
		c[nc++].kind = C_KAB;
	}
	if (pc[0]) {
		scopy(c[nc].s, sizeof(c[0].s), pc);
		c[nc++].kind = C_POSTAL;
	}
	if (rng_chance(r, 0.18)) {
		scopy(c[nc].s, sizeof(c[0].s), PICKW(r, PROV_FORMS));
		c[nc++].kind = C_PROV;
	}

	/* Order. */
	for (int i = 0; i < nc; i++)
		order[i] = i;
	if (rng_chance(r, 0.08)) {
		int mode = rng_int(r, 0, 2), di = -1, ki = -1, ns = 0;

		for (int i = 0; i < nc; i++) {
			if (c[i].kind == C_DESA)
				di = i;
			if (c[i].kind == C_KEC)
				ki = i;
			if (c[i].kind == C_STREET || c[i].kind == C_LANDMARK)
				ns++;
		}
		if (mode == 0 && ki < 0)
			mode = 1;
		if (mode == 2 && (ns == 0 || ns == nc))
			mode = 1;
		if (mode == 0) {
			order[di] = ki;
			order[ki] = di;
		} else if (mode == 1) {
			for (int i = 0; i < nc; i++)
				order[i] = nc - 1 - i;
		} else {
			int j = 0;

			for (int i = ns; i < nc; i++)
				order[j++] = i;
			for (int i = 0; i < ns; i++)
				order[j++] = i;
		}
		if (nc > 1)
			lab |= LB(L_SWAPPED_ORDER);
	}
	if (no_commas) {
		sep = " ";
		lab |= LB(L_NO_COMMAS);
	} else {
		static const wstr SEP[] = {{", ", 85}, {" - ", 7}, {",", 8}};

		sep = PICKW(r, SEP);
	}
	sb_clear(&a->alamat);
	for (int i = 0; i < nc; i++)
		sb_addf(&a->alamat, "%s%s", i ? sep : "", c[order[i]].s);
	if (rng_chance(r, 0.06)) {
		str_upper(a->alamat.p);
		lab |= LB(L_CAPS);
	}

	/* Separate columns. */
	a->desa[0] = a->kec[0] = a->kab[0] = '\0';
	if (rng_chance(r, client ? 0.45 : 0.50)) {
		int fd = rng_chance(r, 0.75), fk = rng_chance(r, 0.55), fb = rng_chance(r, 0.55);

		if (!fd && !fk && !fb)
			fd = 1;
		lab |= LB(L_COLS_FILLED);
		if (fd) {
			const char *dn = v->nm.s;

			if (rng_chance(r, 0.07)) {
				int o;

				for (int t = 0; t < 100; t++) {
					o = rng_int(r, 0, w->nvil - 1);
					if (w->vil[o].kec == v->kec &&
					    strcmp(w->vil[o].nm.s, v->nm.s) != 0) {
						dn = w->vil[o].nm.s;
						lab |= LB(L_COL_WRONG_DESA);
						break;
					}
				}
			} else if (rng_chance(r, 0.08) &&
				   typo_name(w, r, v->nm.s, txt, sizeof(txt), 1)) {
				dn = txt;
				lab |= LB(L_COL_TYPO);
			}
			switch (rng_int(r, 0, 9)) {
			case 0:
			case 1:
			case 2:
				sfmt(a->desa, sizeof(a->desa), "%s%s",
				     v->is_kel ? "Kel. " : "Desa ", dn);
				break;
			case 3:
				scopy(a->desa, sizeof(a->desa), dn);
				str_upper(a->desa);
				break;
			default:
				scopy(a->desa, sizeof(a->desa), dn);
			}
		}
		if (fk) {
			const char *kn = k->nm.s;

			if (rng_chance(r, 0.06)) {
				int o;

				do
					o = rng_int(r, 0, w->nkec - 1);
				while (o == v->kec || w->kec[o].kab != k->kab);
				kn = w->kec[o].nm.s;
				lab |= LB(L_COL_WRONG_KEC);
			}
			switch (rng_int(r, 0, 6)) {
			case 0:
			case 1:
				sfmt(a->kec, sizeof(a->kec), "Kec. %s", kn);
				break;
			case 2:
				scopy(a->kec, sizeof(a->kec), kn);
				str_upper(a->kec);
				break;
			default:
				scopy(a->kec, sizeof(a->kec), kn);
			}
		}
		if (fb) {
			int kab = k->kab;

			if (kb->parent >= 0 && rng_chance(r, 0.30)) {
				kab = kb->parent;
				lab |= LB(L_COL_OLD_PARENT);
			} else if (rng_chance(r, 0.05)) {
				do
					kab = rng_int(r, 0, 2);
				while (kab == k->kab || kab == kb->parent);
				lab |= LB(L_COL_WRONG_KAB);
			}
			if (w->kab[kab].is_kota) {
				static const char *const KF[] = {"Kota Ledo Ledo", "Ledo-Ledo",
								 "Kota Ledo-Ledo", "KOTA LEDO LEDO",
								 "Ledo Ledo",	   "Ledoledo"};

				scopy(a->kab, sizeof(a->kab), PICK(r, KF));
			} else {
				switch (rng_int(r, 0, 5)) {
				case 0:
				case 1:
					scopy(a->kab, sizeof(a->kab), w->kab[kab].full);
					break;
				case 2:
					sfmt(a->kab, sizeof(a->kab), "Kab. %s", w->kab[kab].base);
					break;
				case 3:
					scopy(a->kab, sizeof(a->kab), w->kab[kab].full);
					str_upper(a->kab);
					break;
				default:
					scopy(a->kab, sizeof(a->kab), w->kab[kab].base);
				}
			}
		}
	}
	a->labels = lab;
}

/* ------------------------------------------------------------------ */
/* Coordinates                                                         */

enum {
	CF_NONE,
	CF_DEC,
	CF_COMMA,
	CF_SWAP,
	CF_DMS,
	CF_DDM,
	CF_NOMINUS,
	CF_ZERO,
	CF_SEA,
	CF_OTHER,
	CF_BROKEN
};

static void fmt_dms(double v, int k, char *out, size_t n, double *read)
{
	long long scale = k ? 10 : 1, units = llround(fabs(v) * 3600.0 * (double)scale);
	long long d = units / (3600 * scale), rem = units % (3600 * scale);
	long long m = rem / (60 * scale), s = rem % (60 * scale);

	if (k)
		sfmt(out, n, "%lld|%lld|%lld.%lld", d, m, s / 10, s % 10);
	else
		sfmt(out, n, "%lld|%lld|%lld", d, m, s);
	*read = (double)d + (double)m / 60.0 + (double)s / (3600.0 * (double)scale);
}

/* Writes the cell for a point as recorded in the given format; *rx, *ry get
 * what a correct reader makes of it. */
static void coord_text(rng *r, int fmt, double x, double y, sb *out, double *rx, double *ry)
{
	char a[64], b[64];
	static const wstr DSEP[] = {{", ", 60}, {",", 20}, {" , ", 10}, {" ", 10}};

	sb_clear(out);
	switch (fmt) {
	case CF_DEC:
	case CF_NOMINUS:
	case CF_SWAP: {
		static const wstr DEC[] = {{"4", 20}, {"5", 35}, {"6", 30}, {"7", 15}};
		int k = PICKW(r, DEC)[0] - '0';

		sfmt(a, sizeof(a), "%.*f", k, fmt == CF_NOMINUS ? -y : y);
		sfmt(b, sizeof(b), "%.*f", k, x);
		*ry = strtod(a, NULL) * (fmt == CF_NOMINUS ? -1 : 1);
		*rx = strtod(b, NULL);
		if (fmt == CF_SWAP)
			sb_addf(out, "%s%s%s", b, rng_chance(r, 0.7) ? ", " : ",", a);
		else
			sb_addf(out, "%s%s%s", a, PICKW(r, DSEP), b);
		break;
	}
	case CF_COMMA: {
		int k = rng_int(r, 4, 6);
		char *p;

		sfmt(a, sizeof(a), "%.*f", k, y);
		sfmt(b, sizeof(b), "%.*f", k, x);
		*ry = strtod(a, NULL);
		*rx = strtod(b, NULL);
		if ((p = strchr(a, '.')))
			*p = ',';
		if ((p = strchr(b, '.')))
			*p = ',';
		sb_addf(out, "%s%s%s", a, rng_chance(r, 0.6) ? "; " : " ", b);
		break;
	}
	case CF_DMS: {
		int k = rng_chance(r, 0.5), style = rng_int(r, 0, 2);
		long long d1, m1, d2, m2;
		char s1[16], s2[16];

		fmt_dms(y, k, a, sizeof(a), ry);
		fmt_dms(x, k, b, sizeof(b), rx);
		*ry = -*ry;
		if (sscanf(a, "%lld|%lld|%15s", &d1, &m1, s1) != 3 ||
		    sscanf(b, "%lld|%lld|%15s", &d2, &m2, s2) != 3)
			die("internal: dms");
		if (style == 0)
			sb_addf(out, "%lld°%lld'%s\" LS %lld°%lld'%s\" BT", d1, m1, s1, d2, m2, s2);
		else if (style == 1)
			sb_addf(out, "%lld° %lld' %s\" LS, %lld° %lld' %s\" BT", d1, m1, s1, d2, m2,
				s2);
		else
			sb_addf(out, "%lld°%lld'%s\"S %lld°%lld'%s\"E", d1, m1, s1, d2, m2, s2);
		break;
	}
	case CF_DDM: {
		long long uy = llround(fabs(y) * 60000.0), ux = llround(fabs(x) * 60000.0);

		*ry = -((double)(uy / 60000) + (double)(uy % 60000) / 60000.0);
		*rx = (double)(ux / 60000) + (double)(ux % 60000) / 60000.0;
		if (rng_chance(r, 0.6))
			sb_addf(out, "S%lld %lld.%03lld E%lld %lld.%03lld", uy / 60000,
				(uy % 60000) / 1000, uy % 1000, ux / 60000, (ux % 60000) / 1000,
				ux % 1000);
		else
			sb_addf(out, "S %lld° %lld.%03lld' E %lld° %lld.%03lld'", uy / 60000,
				(uy % 60000) / 1000, uy % 1000, ux / 60000, (ux % 60000) / 1000,
				ux % 1000);
		break;
	}
	default:
		die("internal: coordinate format");
	}
}

/* The koordinat cell of a row whose true point is (tx, ty) in village vi. */
static void make_coord(world *w, rng *r, int vi, double tx, double ty, int fmt, sb *out,
		       uint64_t *lab)
{
	const vil_t *v = &w->vil[vi];
	double rx, ry;

	sb_clear(out);
	switch (fmt) {
	case CF_NONE:
		*lab |= LB(L_COORD_MISSING);
		return;
	case CF_ZERO: {
		static const char *const Z[] = {"0, 0", "0,0", "0.0, 0.0", "0.000000, 0.000000"};

		sb_add(out, PICK(r, Z));
		*lab |= LB(L_COORD_ZERO);
		return;
	}
	case CF_BROKEN: {
		static const char *const B[] = {"lihat google maps", "titik menyusul",
						"belum diambil"};

		if (w->n_broken++ % 2 == 0) { /* both kinds occur */
			char a[32], b[32];
			/* "-6.87.12 , 124.91.33": a second point inside the digits */
			sfmt(a, sizeof(a), "%.4f", ty);
			sfmt(b, sizeof(b), "%.4f", tx);
			sb_addf(out, "%.*s.%s , %.*s.%s", (int)(strchr(a, '.') - a + 3), a,
				strchr(a, '.') + 3, (int)(strchr(b, '.') - b + 3), b,
				strchr(b, '.') + 3);
		} else {
			sb_add(out, PICK(r, B));
		}
		*lab |= LB(L_BROKEN_COORD);
		return;
	}
	case CF_SEA:
		for (int t = 0; t < 100000; t++) {
			double ang = 2 * PI * rng_unif(r),
			       d = rng_unif(r) * (6.0 + sqrt(v->area_km2));
			double x = v->px + d * cos(ang) * deg_lon_per_km(v->py),
			       y = v->py + d * sin(ang) * deg_lat_per_km();
			GEOSGeometry *pt;
			double dv;

			if (prep_contains_xy(w, w->pland, x, y))
				continue;
			pt = make_point(w, x, y);
			dv = gdist_km(w, pt, v->geom);
			GEOSGeom_destroy_r(w->gh, pt);
			if (dv < 0.6 || dv > 5.0)
				continue;
			coord_text(r, CF_DEC, x, y, out, &rx, &ry);
			if (prep_contains_xy(w, w->pland, rx, ry))
				continue;
			*lab |= LB(L_COORD_SEA);
			return;
		}
		die("no sea point near %s", v->kode);
	case CF_OTHER: {
		int o, kab = kab_of(w, vi);
		double x, y;

		do
			o = rng_int(r, 0, w->nvil - 1);
		while (kab_of(w, o) == kab);
		sample_point(w, r, o, 0, -1, &x, &y);
		coord_text(r, CF_DEC, x, y, out, &rx, &ry);
		*lab |= LB(L_COORD_OTHER_REGENCY);
		return;
	}
	default:
		break;
	}
	/* GPS noise of 2-30 m (mode 8 m), rounded to the format; drawn again
	 * until the recorded point is still inside the true village. */
	for (int t = 0; t < 10000; t++) {
		double d = rng_tri(r, 0.002, 0.008, 0.030), ang = 2 * PI * rng_unif(r);
		double x = tx + d * cos(ang) * deg_lon_per_km(ty),
		       y = ty + d * sin(ang) * deg_lat_per_km();

		coord_text(r, fmt, x, y, out, &rx, &ry);
		if (prep_contains_xy(w, v->pgeom, rx, ry)) {
			static const int L[] = {
			    0,		 0,	      L_COORD_DECIMAL_COMMA, L_COORD_SWAPPED,
			    L_COORD_DMS, L_COORD_DDM, L_COORD_NO_MINUS};

			if (fmt != CF_DEC)
				*lab |= LB(L[fmt]);
			return;
		}
	}
	die("could not record a coordinate inside %s", v->kode);
}

/* Formats for the rows that carry a coordinate: fixed quotas so that every
 * kind occurs, in random order; sea points only for coastal villages. */
static void deal_coord_formats(world *w, rng *r, const int *vil_of, int n, double share,
			       const int *quota, int *fmt)
{
	int *idx = xcalloc((size_t)n, sizeof(int)), nc = (int)lround(share * n), q = 0;

	for (int i = 0; i < n; i++) {
		idx[i] = i;
		fmt[i] = CF_NONE;
	}
	rng_shuffle(r, idx, n);
	for (int i = 0; i < nc; i++)
		fmt[idx[i]] = CF_DEC;
	for (int f = CF_COMMA; f <= CF_BROKEN; f++)
		for (int j = 0; j < quota[f]; j++) {
			for (; q < nc; q++)
				if (fmt[idx[q]] == CF_DEC &&
				    (f != CF_SEA || w->vil[vil_of[idx[q]]].coastal))
					break;
			if (q >= nc)
				die("internal: too few coordinates for the quotas");
			fmt[idx[q]] = f;
			q = 0;
			/* spread the kinds: start the next search elsewhere */
			rng_shuffle(r, idx, nc);
		}
	free(idx);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static const wstr SIAP_V[] = {{"Siap", 60}, {"siap", 15}, {"SIAP", 15}, {"Siap ", 10}};
static const wstr BELUM_V[] = {
    {"Belum Siap", 45}, {"Belum siap", 15}, {"belum", 10}, {"BELUM SIAP", 10}, {"blm siap", 20}};
static const wstr NON_V[] = {
    {"Nonaktif", 40}, {"Non Aktif", 20}, {"nonaktif", 20}, {"Tidak Aktif", 20}};
static const wstr UNK_V[] = {{"cek lagi", 1}, {"?", 1}};
static const wstr YA_V[] = {{"ya", 45}, {"Ya", 25}, {"YA", 10}, {"Y", 10}, {"iya", 10}};
static const wstr TDK_V[] = {{"tidak", 45}, {"Tidak", 25}, {"TIDAK", 10}, {"tdk", 10}, {"T", 10}};

static void row_set(row_t *rw, int i, const char *s)
{
	rw->f[i] = xstrdup(s);
	if (i + 1 > rw->nf)
		rw->nf = i + 1;
}

static void row_free(row_t *rw)
{
	for (int i = 0; i < rw->nf; i++)
		free(rw->f[i]);
	rw->nf = 0;
}

/* For each site (index) the variant of its status text and of its
 * ramah_anak text, dealt per class so that every spelling occurs. */
static void deal_by_class(rng *r, const int *cls, int n, int ncls, const wstr *const *tabs,
			  const size_t *ntab, int *out)
{
	int *members = xcalloc((size_t)n, sizeof(int)), *v = xcalloc((size_t)n, sizeof(int));

	for (int c = 0; c < ncls; c++) {
		int m = 0;

		for (int i = 0; i < n; i++)
			if (cls[i] == c)
				members[m++] = i;
		if (m == 0 || !tabs[c])
			continue;
		deal_variants(r, m, tabs[c], ntab[c], v);
		for (int i = 0; i < m; i++)
			out[members[i]] = v[i];
	}
	free(members);
	free(v);
}

static const char *const KEGIATAN[T__COUNT][5] = {
    {"kebersihan", "perawatan fasilitas", "pengecatan", "pertamanan", "membantu pengurus masjid"},
    {"kebersihan", "perawatan fasilitas", "pengecatan", NULL, NULL},
    {"kebersihan", "perawatan fasilitas", "pertamanan", "pengecatan", NULL},
    {"kebersihan", "perbaikan meja kursi", "pengecatan", "perawatan taman",
     "membantu perpustakaan"},
    {"administrasi", "pengarsipan", "kebersihan", "pertamanan", NULL},
    {"administrasi", "pengarsipan", "kebersihan", "pertamanan", NULL},
    {"administrasi", "pengarsipan", "kebersihan", "pertamanan", NULL},
    {"kebersihan", "membantu administrasi pelayanan", "pertamanan", NULL, NULL},
    {"kebersihan", "membantu kader", "penataan ruang", NULL, NULL},
    {"kebersihan pasar", "pengelolaan sampah", NULL, NULL, NULL},
    {"kebersihan pantai", "penanaman mangrove", "pengelolaan sampah", NULL, NULL},
    {"perawatan lapangan", "pemotongan rumput", "kebersihan", NULL, NULL},
    {"pembersihan makam", "pemotongan rumput", NULL, NULL, NULL},
    {"pertamanan", "penyiraman tanaman", "kebersihan", NULL, NULL},
    {"kebersihan dermaga", "pengelolaan sampah", "pengecatan", NULL, NULL}};

static void kegiatan_text(rng *r, int type, sb *out)
{
	const char *const *k = KEGIATAN[type];
	static const wstr JOIN[] = {{"; ", 60}, {", ", 15}, {" / ", 15}, {" dan ", 10}};
	const char *j = PICKW(r, JOIN);
	int nk = 0, idx[5], m;

	while (nk < 5 && k[nk])
		nk++;
	for (int i = 0; i < nk; i++)
		idx[i] = i;
	rng_shuffle(r, idx, nk);
	m = rng_int(r, 1, nk < 3 ? nk : 3);
	sb_clear(out);
	for (int i = 0; i < m; i++)
		sb_addf(out, "%s%s", i ? j : "", k[idx[i]]);
}

static void pj_text(rng *r, int type, sb *out)
{
	static const char *const MEN[] = {
	    "Abdul Karim", "Hasanuddin", "Muhammad Ridwan", "Yusuf",	  "Hamzah",
	    "Jufri",	   "Samsudin",	 "Ahmad Fauzi",	    "Idrus",	  "Syamsuddin",
	    "Junaidi",	   "Yohanis",	 "Martinus",	    "Fransiskus", "Darwis",
	    "Arifin",	   "Mustafa",	 "Ismail",	    "Rusdin",	  "Asrul",
	    "Agustinus",   "Petrus",	 "Ruslan",	    "Basri",	  "Abdul Rahman"};
	static const char *const WOMEN[] = {
	    "Siti Aminah", "Nurhayati", "Rahmawati",	   "Sitti Rahmah", "Marlina",  "Hasnawati",
	    "Kartini",	   "Sumarni",	"Maria Lewerissa", "Yosefina",	   "Halima",   "Nursiah",
	    "Wahida",	   "Salmia",	"Herlina",	   "Hadija",	   "Fatmawati"};
	static const wstr PRE_M[] = {{"", 76}, {"H. ", 10}, {"Drs. ", 4}, {"Bpk. ", 10}};
	static const wstr PRE_F[] = {{"", 76}, {"Hj. ", 10}, {"Dra. ", 4}, {"Ibu ", 10}};
	static const wstr POST[] = {{"", 70},	    {", S.Pd", 8}, {", SE", 6}, {", S.Sos", 5},
				    {", S.Kep", 4}, {", A.Md", 4}, {", SH", 3}};
	static const char *const ROLE[T__COUNT] = {
	    "Imam",	 "Imam",      "Pendeta",   "Kepsek",	"Kades",
	    "Lurah",	 "Camat",     "Bidan",	   "Kader",	"Kepala Pasar",
	    "Pengelola", "Pengelola", "Pengelola", "Pengelola", "Petugas"};
	int woman = rng_chance(r, 0.4);
	const char *role = ROLE[type];

	sb_clear(out);
	if (woman)
		sb_addf(out, "%s%s%s", PICKW(r, PRE_F), PICK(r, WOMEN), PICKW(r, POST));
	else
		sb_addf(out, "%s%s%s", PICKW(r, PRE_M), PICK(r, MEN), PICKW(r, POST));
	if (woman && strcmp(role, "Imam") == 0)
		role = "Takmir";
	if (rng_chance(r, 0.3))
		sb_addf(out, " (%s)", role);
	if (rng_chance(r, 0.05))
		str_upper(out->p);
}

static void phone_text(rng *r, sb *out)
{
	int n = rng_int(r, 0, 9999);

	sb_clear(out);
	if (rng_chance(r, 0.12))
		return;
	switch (pick_wi(r, (const wstr[]){{"", 60}, {"", 15}, {"", 15}, {"", 10}}, 4)) {
	case 0:
		sb_addf(out, "0812-0000-%04d", n);
		break;
	case 1:
		sb_addf(out, "08120000%04d", n);
		break;
	case 2:
		sb_addf(out, "0812 0000 %04d", n);
		break;
	default:
		sb_addf(out, "+62 812-0000-%04d", n);
		break;
	}
}

static void keterangan_text(world *w, rng *r, const site_t *s, sb *out)
{
	sb_clear(out);
	if (!rng_chance(r, 0.33))
		return;
	switch (s->status) {
	case ST_SIAP: {
		static const char *const K[] = {"MoU 2026", "MoU 2025", "pengawas: ketua RT",
						"penanggung jawab baru",
						"titik koordinat perlu dicek"};

		if (s->ramah == 1 && rng_chance(r, 0.25))
			sb_add(out, "direkomendasikan untuk klien anak");
		else if (s->type == T_MASJID && rng_chance(r, 0.3))
			sb_add(out, "hari Jumat tidak bisa");
		else
			sb_add(out, PICK(r, K));
		break;
	}
	case ST_BELUM: {
		static const char *const K[] = {"belum ada surat kesediaan", "survei ulang",
						"belum ada pengawas",
						"penanggung jawab belum ditunjuk", ""};
		const char *k = PICK(r, K);

		if (!k[0])
			sb_add(out, w->vil[s->vil].is_kel ? "menunggu tanda tangan lurah"
							  : "menunggu tanda tangan kepala desa");
		else
			sb_add(out, k);
		break;
	}
	case ST_NONAKTIF: {
		static const char *const K[] = {"dinonaktifkan sementara (renovasi)",
						"MoU berakhir", "pengelola menolak",
						"tutup sementara"};

		sb_add(out, PICK(r, K));
		break;
	}
	default:
		sb_add(out, "status belum dikonfirmasi");
	}
}

/* The address book: rows grouped by regency (city first), inside a block by
 * district with rows shuffled, about 15% of each block moved to its end
 * (entries added later); four exact duplicate rows; one row without a name;
 * two rows of unknown status. */
static void build_site_rows(world *w, rng *r)
{
	static const int kab_order[3] = {KAB_KOTA, KAB_RANOWETA, KAB_UTARA};
	static const int quota[CF_BROKEN + 1] = {0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2};
	int n = w->nsite, *ord = xcalloc((size_t)n, sizeof(int)), no = 0;
	int *vil_of = xcalloc((size_t)n, sizeof(int)), *fmt = xcalloc((size_t)n, sizeof(int));
	int *cls = xcalloc((size_t)n, sizeof(int)), *stv = xcalloc((size_t)n, sizeof(int));
	int *rcls = xcalloc((size_t)n, sizeof(int)), *rav = xcalloc((size_t)n, sizeof(int));
	int q[CF_BROKEN + 1], broken_name, dup_pos[4], dup_off[4], nrow = 0;
	row_t *rows = xcalloc((size_t)n, sizeof(row_t));
	char alias_done[MAXV] = {0}; /* an old spelling is used at least once */
	sb t = {0};

	/* Order. */
	for (int b = 0; b < 3; b++) {
		int start = no, moved[MAXV * 8], nm = 0, tmp[MAXV * 8], nt = 0;

		for (int k = 0; k < w->nkec; k++) {
			int s0 = no;

			if (w->kec[k].kab != kab_order[b])
				continue;
			for (int i = 0; i < n; i++)
				if (w->vil[w->site[i].vil].kec == k)
					ord[no++] = i;
			rng_shuffle(r, ord + s0, no - s0);
		}
		for (int i = start; i < no; i++) {
			if (rng_chance(r, 0.15))
				moved[nm++] = ord[i];
			else
				tmp[nt++] = ord[i];
		}
		rng_shuffle(r, moved, nm);
		memcpy(ord + start, tmp, sizeof(int) * (size_t)nt);
		memcpy(ord + start + nt, moved, sizeof(int) * (size_t)nm);
	}
	if (no != n)
		die("internal: site order");

	/* Per-row choices, dealt over the final order. */
	memcpy(q, quota, sizeof(q));
	q[CF_COMMA] = (int)lround(0.08 * 0.6 * n);
	q[CF_SWAP] = (int)lround(0.075 * 0.6 * n);
	q[CF_DMS] = (int)lround(0.075 * 0.6 * n);
	q[CF_DDM] = 3;
	q[CF_NOMINUS] = 3;
	for (int i = 0; i < n; i++)
		vil_of[i] = w->site[ord[i]].vil;
	deal_coord_formats(w, r, vil_of, n, 0.60, q, fmt);
	for (int i = 0; i < n; i++) {
		const site_t *s = &w->site[ord[i]];

		cls[i] = s->status;
		rcls[i] = s->ramah < 0 ? 2 : s->ramah ? 0 : 1;
	}
	{
		const wstr *st[4] = {SIAP_V, BELUM_V, NON_V, UNK_V};
		const size_t nst[4] = {NELEM(SIAP_V), NELEM(BELUM_V), NELEM(NON_V), NELEM(UNK_V)};
		const wstr *ra[3] = {YA_V, TDK_V, NULL};
		const size_t nra[3] = {NELEM(YA_V), NELEM(TDK_V), 0};

		deal_by_class(r, cls, n, 4, st, nst, stv);
		deal_by_class(r, rcls, n, 3, ra, nra, rav);
	}
	do
		broken_name = rng_int(r, 0, n - 1);
	while (w->site[ord[broken_name]].status == ST_UNKNOWN);

	for (int i = 0; i < n; i++) {
		const site_t *s = &w->site[ord[i]];
		row_t *rw = &rows[i];
		addr_t a = {0};
		char num[16];

		rw->src = ord[i];
		make_address(w, r, s->vil, 0, !alias_done[s->vil], &a);
		alias_done[s->vil] = 1;
		rw->labels = a.labels;
		sfmt(num, sizeof(num), "%d", i + 1);
		row_set(rw, 0, num);
		if (i == broken_name) {
			row_set(rw, 1, "");
			rw->labels |= LB(L_BROKEN_NAME);
		} else {
			row_set(rw, 1, s->nama);
		}
		row_set(rw, 2, s->jenis);
		row_set(rw, 3, sb_str(&a.alamat));
		row_set(rw, 4, a.desa);
		row_set(rw, 5, a.kec);
		row_set(rw, 6, a.kab);
		make_coord(w, r, s->vil, s->lon, s->lat, fmt[i], &t, &rw->labels);
		row_set(rw, 7, sb_str(&t));
		{
			const wstr *st[4] = {SIAP_V, BELUM_V, NON_V, UNK_V};

			row_set(rw, 8, st[s->status][stv[i]].s);
			if (s->status == ST_UNKNOWN)
				rw->labels |= LB(L_BROKEN_STATUS);
		}
		sb_clear(&t);
		if (rng_chance(r, 0.05)) {
			sb_addf(&t, "%d orang", s->kap);
			rw->labels |= LB(L_KAPASITAS_TEXT);
		} else if (!rng_chance(r, 0.10 / 0.95)) {
			sb_addf(&t, "%d", s->kap);
		}
		row_set(rw, 9, sb_str(&t));
		kegiatan_text(r, s->type, &t);
		row_set(rw, 10, sb_str(&t));
		row_set(rw, 11, s->ramah < 0 ? "" : s->ramah ? YA_V[rav[i]].s : TDK_V[rav[i]].s);
		pj_text(r, s->type, &t);
		row_set(rw, 12, sb_str(&t));
		phone_text(r, &t);
		row_set(rw, 13, sb_str(&t));
		keterangan_text(w, r, s, &t);
		row_set(rw, 14, sb_str(&t));
		sb_free(&a.alamat);
	}

	/* Exact duplicates, right after the original or 2-6 rows later. */
	for (int d = 0; d < 4; d++) {
		int ok;

		do {
			dup_pos[d] = rng_int(r, 0, n - 2);
			ok = dup_pos[d] != broken_name;
			for (int e = 0; e < d; e++)
				ok = ok && dup_pos[e] != dup_pos[d];
		} while (!ok);
		dup_off[d] = rng_chance(r, 0.5) ? 0 : rng_int(r, 2, 6);
		if (dup_pos[d] + dup_off[d] > n - 1)
			dup_off[d] = 0;
	}
	w->srow = xcalloc((size_t)n + 4, sizeof(row_t));
	for (int i = 0; i < n; i++) {
		w->srow[nrow++] = rows[i];
		for (int d = 0; d < 4; d++)
			if (dup_pos[d] + dup_off[d] == i) {
				row_t *c = &w->srow[nrow++], *o = &rows[dup_pos[d]];

				memset(c, 0, sizeof(*c));
				for (int f = 0; f < o->nf; f++)
					row_set(c, f, o->f[f]);
				c->labels = o->labels | LB(L_DUPLICATE);
				c->src = o->src;
			}
	}
	w->nsrow = nrow;
	sb_free(&t);
	free(rows);
	free(ord);
	free(vil_of);
	free(fmt);
	free(cls);
	free(stv);
	free(rcls);
	free(rav);
}

static void build_client_rows(world *w, rng *r)
{
	static const char *const MONTH[] = {"Januari",	 "Februari", "Maret",	 "April",
					    "Mei",	 "Juni",     "Juli",	 "Agustus",
					    "September", "Oktober",  "November", "Desember"};
	static const char *const MON3[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
					   "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
	static const wstr ADULT_V[] = {{"Pidana Kerja Sosial", 50},
				       {"pidana kerja sosial", 15},
				       {"Kerja Sosial", 15},
				       {"PIDANA KERJA SOSIAL", 20}};
	static const wstr CHILD_V[] = {{"Pidana Pelayanan Masyarakat", 50},
				       {"Pelayanan Masyarakat", 20},
				       {"pidana pelayanan masyarakat", 15},
				       {"PIDANA PELAYANAN MASYARAKAT", 15}};
	static const wstr ANAK_Y[] = {{"ya", 40}, {"Ya", 25}, {"YA", 20}, {"Y", 15}};
	static const wstr ANAK_T[] = {
	    {"tidak", 45}, {"Tidak", 25}, {"TIDAK", 15}, {"T", 8}, {"tdk", 7}};
	static const wstr AKTIF_V[] = {{"aktif", 40}, {"Aktif", 30}, {"AKTIF", 15}, {"aktif ", 15}};
	static const wstr SELESAI_V[] = {
	    {"selesai", 35}, {"Selesai", 35}, {"SELESAI", 15}, {"Selesai.", 15}};
	static const wstr DATEF[] = {{"", 55}, {"", 15}, {"", 10}, {"", 12}, {"", 8}};
	static const int quota[CF_BROKEN + 1] = {0, 0, 2, 2, 2, 1, 1, 1, 0, 0, 0};
	int n = w->ncli, *vil_of = xcalloc((size_t)n, sizeof(int)),
	    *fmt = xcalloc((size_t)n, sizeof(int));
	int *cls = xcalloc((size_t)n, sizeof(int)), *jv = xcalloc((size_t)n, sizeof(int));
	int *av = xcalloc((size_t)n, sizeof(int)), *sv = xcalloc((size_t)n, sizeof(int));
	int *dv = xcalloc((size_t)n, sizeof(int)), broken_date = rng_int(r, 10, n - 1);
	char alias_done[MAXV] = {0};
	sb t = {0};

	for (int i = 0; i < n; i++)
		vil_of[i] = w->cli[i].vil;
	deal_coord_formats(w, r, vil_of, n, 0.25, quota, fmt);
	{
		const wstr *j[2] = {ADULT_V, CHILD_V}, *an[2] = {ANAK_T, ANAK_Y},
			   *st[2] = {AKTIF_V, SELESAI_V};
		const size_t nj[2] = {NELEM(ADULT_V), NELEM(CHILD_V)},
			     na[2] = {NELEM(ANAK_T), NELEM(ANAK_Y)};
		const size_t ns[2] = {NELEM(AKTIF_V), NELEM(SELESAI_V)};

		for (int i = 0; i < n; i++)
			cls[i] = w->cli[i].anak;
		deal_by_class(r, cls, n, 2, j, nj, jv);
		deal_by_class(r, cls, n, 2, an, na, av);
		for (int i = 0; i < n; i++)
			cls[i] = w->cli[i].selesai;
		deal_by_class(r, cls, n, 2, st, ns, sv);
		deal_variants(r, n, DATEF, NELEM(DATEF), dv);
	}
	w->crow = xcalloc((size_t)n, sizeof(row_t));
	w->ncrow = n;
	for (int i = 0; i < n; i++) {
		const client_t *c = &w->cli[i];
		row_t *rw = &w->crow[i];
		addr_t a = {0};
		int m, d;
		static const int DL[] = {-1, L_DATE_ISO, L_DATE_DMY_SHORT, L_DATE_TEXT,
					 L_DATE_EXCEL};

		rw->src = i;
		make_address(w, r, c->vil, 1, !alias_done[c->vil], &a);
		alias_done[c->vil] = 1;
		rw->labels = a.labels;
		row_set(rw, 0, c->id);
		row_set(rw, 1, sb_str(&a.alamat));
		row_set(rw, 2, a.desa);
		row_set(rw, 3, a.kec);
		row_set(rw, 4, a.kab);
		make_coord(w, r, c->vil, c->lon, c->lat, fmt[i], &t, &rw->labels);
		row_set(rw, 5, sb_str(&t));
		row_set(rw, 6, c->anak ? CHILD_V[jv[i]].s : ADULT_V[jv[i]].s);
		row_set(rw, 7, c->anak ? ANAK_Y[av[i]].s : ANAK_T[av[i]].s);
		sb_clear(&t);
		switch (pick_wi(r, (const wstr[]){{"", 70}, {"", 20}, {"", 10}}, 3)) {
		case 0:
			sb_addf(&t, "%d", c->jam);
			break;
		case 1:
			sb_addf(&t, "%d jam", c->jam);
			break;
		default:
			sb_addf(&t, "%d Jam", c->jam);
			break;
		}
		row_set(rw, 8, sb_str(&t));
		day_to_date(c->day, &m, &d);
		sb_clear(&t);
		if (i == broken_date) {
			sb_add(&t, "31/02/2026");
			rw->labels |= LB(L_BROKEN_DATE);
		} else {
			switch (dv[i]) {
			case 0:
				sb_addf(&t, "%02d/%02d/2026", d, m);
				break;
			case 1:
				sb_addf(&t, "2026-%02d-%02d", m, d);
				break;
			case 2:
				sb_addf(&t, "%d-%d-2026", d, m);
				break;
			case 3:
				sb_addf(&t, "%d %s 2026", d, MONTH[m - 1]);
				break;
			default:
				sb_addf(&t, "%02d-%s-26", d, MON3[m - 1]);
				break;
			}
			if (dv[i] > 0)
				rw->labels |= LB(DL[dv[i]]);
		}
		row_set(rw, 9, sb_str(&t));
		row_set(rw, 10, c->selesai ? SELESAI_V[sv[i]].s : AKTIF_V[sv[i]].s);
		sb_free(&a.alamat);
	}
	sb_free(&t);
	free(vil_of);
	free(fmt);
	free(cls);
	free(jv);
	free(av);
	free(sv);
	free(dv);
}

/* ------------------------------------------------------------------ */
/* Writers                                                             */

static void path_join(char *buf, size_t n, const char *dir, const char *name)
{
	sfmt(buf, n, "%s/%s", dir, name);
}

static FILE *open_out(const char *dir, const char *name)
{
	char p[4096];
	FILE *f;

	path_join(p, sizeof(p), dir, name);
	f = fopen(p, "wb");
	if (!f)
		die("cannot write '%s': %s", p, strerror(errno));
	return f;
}

static void close_out(FILE *f, const char *name)
{
	if (ferror(f) | fclose(f))
		die("error writing '%s'", name);
}

/* One row through jangkau's one CSV writer (src/core/csv.h): RFC 4180,
 * quoted only when needed, quotes doubled, CRLF line ends. These files
 * stand for an office's own spreadsheets, so no formula guard: a
 * coordinate "-5.4,122.6" stays as written. */
static void csv_row(FILE *f, const char *const *fields, int n)
{
	jk_buf b;
	jk_csvw w;

	jk_buf_init(&b);
	jk_csvw_init(&w, &b, 0);
	jk_csvw_row(&w, fields, n);
	if (b.oom)
		die("out of memory");
	fwrite(jk_buf_str(&b), 1, b.len, f);
	jk_buf_release(&b);
}

static void write_sites(world *w, const char *dir)
{
	static const char *const H[] = {"no",
					"nama_lokasi",
					"jenis",
					"alamat",
					"desa_kelurahan",
					"kecamatan",
					"kabupaten_kota",
					"koordinat",
					"status",
					"kapasitas",
					"kegiatan",
					"ramah_anak",
					"penanggung_jawab",
					"telepon",
					"keterangan"};
	static const char *const HT[] = {"row",	     "true_kode",   "true_lon",
					 "true_lat", "true_status", "labels"};
	FILE *f = open_out(dir, "sites.csv"), *g = open_out(dir, "truth_sites.csv");
	sb l = {0};

	csv_row(f, H, (int)NELEM(H));
	csv_row(g, HT, (int)NELEM(HT));
	for (int i = 0; i < w->nsrow; i++) {
		const row_t *rw = &w->srow[i];
		const site_t *s = &w->site[rw->src];
		char rn[16], lon[32], lat[32];
		const char *tf[6];

		csv_row(f, (const char *const *)rw->f, rw->nf);
		sfmt(rn, sizeof(rn), "%d", i + 1);
		sfmt(lon, sizeof(lon), "%.7f", s->lon);
		sfmt(lat, sizeof(lat), "%.7f", s->lat);
		sb_clear(&l);
		labels_str(rw->labels, &l);
		tf[0] = rn;
		tf[1] = w->vil[s->vil].kode;
		tf[2] = lon;
		tf[3] = lat;
		tf[4] = STATUS_TRUE[s->status];
		tf[5] = sb_str(&l);
		csv_row(g, tf, 6);
	}
	sb_free(&l);
	close_out(f, "sites.csv");
	close_out(g, "truth_sites.csv");
}

static void write_clients(world *w, const char *dir)
{
	static const char *const H[] = {"id_klien",	 "alamat_rumah",   "desa_kelurahan",
					"kecamatan",	 "kabupaten_kota", "koordinat_rumah",
					"jenis_pidana",	 "anak",	   "jam_pidana",
					"tanggal_mulai", "status"};
	static const char *const HT[] = {"id_klien", "true_kode", "true_lon", "true_lat", "labels"};
	FILE *f = open_out(dir, "clients.csv"), *g = open_out(dir, "truth_clients.csv");
	sb l = {0};

	csv_row(f, H, (int)NELEM(H));
	csv_row(g, HT, (int)NELEM(HT));
	for (int i = 0; i < w->ncrow; i++) {
		const row_t *rw = &w->crow[i];
		const client_t *c = &w->cli[rw->src];
		char lon[32], lat[32];
		const char *tf[5];

		csv_row(f, (const char *const *)rw->f, rw->nf);
		sfmt(lon, sizeof(lon), "%.7f", c->lon);
		sfmt(lat, sizeof(lat), "%.7f", c->lat);
		sb_clear(&l);
		labels_str(rw->labels, &l);
		tf[0] = c->id;
		tf[1] = w->vil[c->vil].kode;
		tf[2] = lon;
		tf[3] = lat;
		tf[4] = sb_str(&l);
		csv_row(g, tf, 5);
	}
	sb_free(&l);
	close_out(f, "clients.csv");
	close_out(g, "truth_clients.csv");
}

static void write_aliases(world *w, const char *dir)
{
	static const char *const H[] = {"kode", "alias"};
	FILE *f = open_out(dir, "aliases.csv");
	const char *row[2];

	csv_row(f, H, 2);
	for (int k = 0; k < 3; k++)
		if (w->kab[k].abbrev) {
			row[0] = w->kab[k].kode;
			row[1] = w->kab[k].abbrev;
			csv_row(f, row, 2);
		}
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].alias[0]) {
			row[0] = w->vil[i].kode;
			row[1] = w->vil[i].alias;
			csv_row(f, row, 2);
		}
	close_out(f, "aliases.csv");
}

static void cpl_quiet(CPLErr cls, CPLErrorNum num, const char *msg)
{
	(void)num;
	if (cls >= CE_Warning)
		fprintf(stderr, "jk_demogen: gdal: %s\n", msg);
}

/* Creates dir/NAME.geojson (replacing it) with one layer NAME of geometry
 * @p gtype and the string fields @p f, coordinates to 6 decimals; *ds
 * receives the dataset to close. Dies on failure. */
static OGRLayerH create_geojson(const char *dir, const char *name,
				OGRwkbGeometryType gtype, const char *const *f,
				size_t nf, GDALDatasetH *ds)
{
	GDALDriverH drv = GDALGetDriverByName("GeoJSON");
	char p[4096], file[256];
	char **opts = NULL;
	OGRLayerH lyr;

	if (!drv)
		die("gdal: no GeoJSON driver");
	snprintf(file, sizeof(file), "%s.geojson", name);
	path_join(p, sizeof(p), dir, file);
	VSIUnlink(p);
	*ds = GDALCreate(drv, p, 0, 0, 0, GDT_Unknown, NULL);
	if (!*ds)
		die("gdal: cannot create '%s': %s", p, CPLGetLastErrorMsg());
	opts = CSLSetNameValue(opts, "COORDINATE_PRECISION", "6");
	lyr = GDALDatasetCreateLayer(*ds, name, NULL, gtype, opts);
	CSLDestroy(opts);
	if (!lyr)
		die("gdal: cannot create layer: %s", CPLGetLastErrorMsg());
	for (size_t i = 0; i < nf; i++) {
		OGRFieldDefnH fd = OGR_Fld_Create(f[i], OFTString);

		if (OGR_L_CreateField(lyr, fd, 1) != OGRERR_NONE)
			die("gdal: cannot create field %s", f[i]);
		OGR_Fld_Destroy(fd);
	}
	return lyr;
}

/* The villages as GeoJSON that follows RFC 7946 (WGS 84 lon/lat, no "crs"
 * member, exterior rings counter-clockwise, six decimals), every feature a
 * MultiPolygon as in the Kemendagri village files. The driver's RFC7946=YES
 * mode is not used because it writes a one-part MultiPolygon as a Polygon;
 * what it would add is done here instead: the layer has no SRS (so no
 * "crs" member) and rings are oriented with GEOS (normalize makes shells
 * clockwise, reversing makes them counter-clockwise). */
static void write_desa(world *w, const char *dir)
{
	static const char *const F[] = {"kode",	    "nama",	"kecamatan", "kabupaten",
					"provinsi", "kode_kec", "kode_kab",  "kode_prov"};
	GDALDatasetH ds;
	OGRLayerH lyr = create_geojson(dir, "desa", wkbMultiPolygon, F, NELEM(F), &ds);

	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];
		const kec_t *k = &w->kec[v->kec];
		const kab_t *kb = &w->kab[k->kab];
		OGRFeatureH ft = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
		GEOSGeometry *norm = gcheck(GEOSGeom_clone_r(w->gh, v->geom), "clone"), *ccw;
		size_t wkb_n = 0;
		unsigned char *wkb;
		OGRGeometryH g = NULL;

		if (GEOSNormalize_r(w->gh, norm) != 0)
			die("geos: normalize failed");
		ccw = gcheck(GEOSReverse_r(w->gh, norm), "reverse");
		wkb = GEOSGeomToWKB_buf_r(w->gh, ccw, &wkb_n);
		if (!wkb || OGR_G_CreateFromWkb(wkb, NULL, &g, (int)wkb_n) != OGRERR_NONE)
			die("gdal: cannot convert the geometry of %s", v->kode);
		GEOSFree_r(w->gh, wkb);
		GEOSGeom_destroy_r(w->gh, ccw);
		GEOSGeom_destroy_r(w->gh, norm);
		g = OGR_G_ForceToMultiPolygon(g);
		OGR_F_SetFieldString(ft, 0, v->kode);
		OGR_F_SetFieldString(ft, 1, v->nm.s);
		OGR_F_SetFieldString(ft, 2, k->nm.s);
		OGR_F_SetFieldString(ft, 3, kb->full);
		OGR_F_SetFieldString(ft, 4, PROV_NAMA);
		OGR_F_SetFieldString(ft, 5, k->kode);
		OGR_F_SetFieldString(ft, 6, kb->kode);
		OGR_F_SetFieldString(ft, 7, PROV_KODE);
		OGR_F_SetGeometryDirectly(ft, g);
		if (OGR_L_CreateFeature(lyr, ft) != OGRERR_NONE)
			die("gdal: cannot write %s: %s", v->kode, CPLGetLastErrorMsg());
		OGR_F_Destroy(ft);
	}
	CPLErrorReset();
	GDALClose(ds); /* returns void before GDAL 3.8 */
	if (CPLGetLastErrorType() >= CE_Failure)
		die("gdal: cannot finish 'desa.geojson': %s", CPLGetLastErrorMsg());
}

/* ------------------------------------------------------------------ */
/* Roads                                                               */

/*
 * A generated road network over the islands, written as jalan_demo.geojson
 * with the fields of an OSM extract loaded as a line layer (highway,
 * oneway, route, duration, name), so that `jangkau import roads` and the
 * default travel profiles take it as it is. Per island (or part of one)
 * the villages are joined by a minimum spanning tree of straight-ish roads
 * that stay on land; its longest path is the trunk (primary on the north
 * island, secondary on the offshore one), the rest secondary or tertiary,
 * with a few extra links closing loops; every village has residential
 * streets (kelurahan) or tracks (desa) from its centre; the town has a
 * small grid with three one-way streets. Lines are noded where they cross
 * (a shared vertex is a junction for the importer). A ferry joins the
 * city's port to the offshore island, which has no other link.
 *
 * Two cases are kept on purpose: the far end of the north island (the
 * villages there with no ready site, around tip[1]) has roads of its own
 * but none to the rest of the island, so its homes are unreachable; and
 * one active client with a home coordinate lives more than 1 km from any
 * road (off the network). The stage draws from its own PRNG stream and
 * only reads the world, so the other files do not change with it.
 */

#define RD_OFF_KM 1.25 /* no road this close to the off-network home */

enum { RC_TRUNK, RC_PRIMARY, RC_SECONDARY, RC_TERTIARY, RC_UNCLASSIFIED, RC_RESIDENTIAL,
       RC_TRACK, RC_FERRY, RC__COUNT };
static const char *const RCLASS[RC__COUNT] = {"trunk",	      "primary",     "secondary",
					      "tertiary",     "unclassified", "residential",
					      "track",	      NULL};

typedef struct rline {
	double *x, *y;
	int n, cap;
	int cls, oneway, grp, tree; /* tree: a road joining two villages */
	char name[64], dur[8];
} rline;

/* Road groups: one per island, and the cut-off far end of the north island. */
#define GRP_CUT NISL

typedef struct roads_t {
	rline *l;
	int n, cap;
	int grp[MAXV];	 /* road group of each village */
	int off_cli;	 /* the client kept off the network, or -1 */
	double off_x, off_y;
	int ncut, cut_nodes, dropped;
	int n_by_cls[RC__COUNT], n_oneway;
	double km_by_cls[RC__COUNT];
	double ferry_km;
	int ferry_min;
	long bytes;
} roads_t;

static void rl_push(rline *l, double x, double y)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->x = xrealloc(l->x, sizeof(double) * (size_t)l->cap);
		l->y = xrealloc(l->y, sizeof(double) * (size_t)l->cap);
	}
	l->x[l->n] = round(x / GRID) * GRID;
	l->y[l->n] = round(y / GRID) * GRID;
	l->n++;
}

static void rl_free(rline *l)
{
	free(l->x);
	free(l->y);
	memset(l, 0, sizeof(*l));
}

static double rl_km(const rline *l)
{
	double s = 0;

	for (int i = 1; i < l->n; i++)
		s += haversine_km(l->x[i - 1], l->y[i - 1], l->x[i], l->y[i]);
	return s;
}

/* Distance in km from a point to a segment, on the local plane. */
static double seg_dist_km(double px, double py, double ax, double ay, double bx, double by)
{
	double kx = KM_PER_DEG_LON_EQ * cos(py * PI / 180.0), ky = KM_PER_DEG_LAT;
	double ux = (bx - ax) * kx, uy = (by - ay) * ky, vx = (px - ax) * kx, vy = (py - ay) * ky;
	double uu = ux * ux + uy * uy, t = uu > 0 ? (ux * vx + uy * vy) / uu : 0;

	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(vx - t * ux, vy - t * uy);
}

/* Do segments a0a1 and b0b1 meet? On success *t, *u are the parameters. */
static int seg_cross(double ax0, double ay0, double ax1, double ay1, double bx0, double by0,
		     double bx1, double by1, double *t, double *u)
{
	double rx = ax1 - ax0, ry = ay1 - ay0, sx = bx1 - bx0, sy = by1 - by0;
	double d = rx * sy - ry * sx, qx = bx0 - ax0, qy = by0 - ay0;

	if (fabs(d) < 1e-18)
		return 0; /* parallel: the generator never lays roads on top of each other */
	*t = (qx * sy - qy * sx) / d;
	*u = (qx * ry - qy * rx) / d;
	return *t >= -1e-9 && *t <= 1 + 1e-9 && *u >= -1e-9 && *u <= 1 + 1e-9;
}

static int lines_cross(const rline *a, const rline *b)
{
	double t, u;

	for (int i = 1; i < a->n; i++)
		for (int j = 1; j < b->n; j++)
			if (seg_cross(a->x[i - 1], a->y[i - 1], a->x[i], a->y[i], b->x[j - 1],
				      b->y[j - 1], b->x[j], b->y[j], &t, &u))
				return 1;
	return 0;
}

/* A road from (ax,ay) to (bx,by), bent sideways by a smooth bow and a
 * little noise; one vertex about every 400 m. */
static void rl_bent(rng *r, rline *l, double ax, double ay, double bx, double by, double bow)
{
	double len = dist_km(ax, ay, bx, by), amp = bow * len * (rng_unif(r) < 0.5 ? -1 : 1);
	double kx = 1.0 / deg_lon_per_km(ay), ux = (bx - ax) * kx / len,
	       uy = (by - ay) * KM_PER_DEG_LAT / len;
	int n = (int)(len / 0.4) + 1;

	n = n > 24 ? 24 : n;
	rl_push(l, ax, ay);
	for (int k = 1; k < n; k++) {
		double f = (double)k / n, off = amp * sin(PI * f) + 0.04 * len * (rng_unif(r) - 0.5) / n;

		rl_push(l, ax + (bx - ax) * f - uy * off * deg_lon_per_km(ay),
			ay + (by - ay) * f + ux * off * deg_lat_per_km());
	}
	rl_push(l, bx, by);
}

static GEOSGeometry *rl_geos(world *w, const rline *l)
{
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(w->gh, (unsigned)l->n, 2);

	if (!cs)
		die("geos: coordinate sequence");
	for (int i = 0; i < l->n; i++)
		GEOSCoordSeq_setXY_r(w->gh, cs, (unsigned)i, l->x[i], l->y[i]);
	return gcheck(GEOSGeom_createLineString_r(w->gh, cs), "line");
}

/* May this line be laid: on its island, away from the off-network home,
 * and not touching a road of another group (the cut-off end stays cut)? */
static int rl_ok(world *w, const roads_t *rd, const rline *l, int isl, int check_land)
{
	if (check_land) {
		GEOSGeometry *g = rl_geos(w, l);
		char c = GEOSPreparedCovers_r(w->gh, w->pisland[isl], g);

		GEOSGeom_destroy_r(w->gh, g);
		if (c != 1)
			return 0;
	}
	if (rd->off_cli >= 0)
		for (int i = 1; i < l->n; i++)
			if (seg_dist_km(rd->off_x, rd->off_y, l->x[i - 1], l->y[i - 1], l->x[i],
					l->y[i]) < RD_OFF_KM)
				return 0;
	for (int i = 0; i < rd->n; i++)
		if (rd->l[i].grp != l->grp && (rd->l[i].grp == GRP_CUT || l->grp == GRP_CUT) &&
		    lines_cross(&rd->l[i], l))
			return 0;
	return 1;
}

static rline *rd_add(roads_t *rd, rline *l)
{
	if (rd->n == rd->cap) {
		rd->cap = rd->cap ? 2 * rd->cap : 256;
		rd->l = xrealloc(rd->l, sizeof(rline) * (size_t)rd->cap);
	}
	rd->l[rd->n] = *l;
	memset(l, 0, sizeof(*l));
	return &rd->l[rd->n++];
}

typedef struct redge {
	int a, b;
	double km;
	rline l;
	int in_tree;
} redge;

static int cmp_redge(const void *pa, const void *pb)
{
	const redge *a = pa, *b = pb;

	return a->km < b->km ? -1 : a->km > b->km ? 1 : a->a != b->a ? a->a - b->a : a->b - b->b;
}

static int uf_find(int *p, int i)
{
	while (p[i] != i)
		i = p[i] = p[p[i]];
	return i;
}

/* The trunk of a tree: its longest path (two sweeps), marked in on_path. */
static void tree_diameter(const world *w, const redge *e, int ne, const int *vs, int nv,
			  int *on_path)
{
	double *d = xcalloc(MAXV, sizeof(double));
	int *prev = xcalloc(MAXV, sizeof(int)), *pe = xcalloc(MAXV, sizeof(int)), start = vs[0];

	(void)w;
	for (int sweep = 0; sweep < 2; sweep++) {
		int far = start, changed = 1;

		for (int i = 0; i < MAXV; i++) {
			d[i] = -1;
			prev[i] = pe[i] = -1;
		}
		d[start] = 0;
		while (changed) { /* Bellman-Ford on a tree of at most MAXV nodes */
			changed = 0;
			for (int k = 0; k < ne; k++) {
				int a = e[k].a, b = e[k].b;

				if (!e[k].in_tree)
					continue;
				if (d[a] >= 0 && d[b] < 0) {
					d[b] = d[a] + e[k].km, prev[b] = a, pe[b] = k, changed = 1;
				} else if (d[b] >= 0 && d[a] < 0) {
					d[a] = d[b] + e[k].km, prev[a] = b, pe[a] = k, changed = 1;
				}
			}
		}
		for (int i = 0; i < nv; i++)
			if (d[vs[i]] > d[far])
				far = vs[i];
		if (sweep == 0) {
			start = far;
		} else {
			for (int v = far; pe[v] >= 0; v = prev[v])
				on_path[pe[v]] = 1;
		}
	}
	free(d);
	free(prev);
	free(pe);
}

/* Joins the villages of one road group by a spanning tree of roads, plus a
 * few loops; returns 0 when the group cannot be joined over land. */
static int group_roads(world *w, rng *r, roads_t *rd, int grp, int isl, int trunk_cls)
{
	int vs[MAXV], nv = 0, ne = 0, *par, joined = 0, *on_path, ok = 1;
	redge *e;

	for (int i = 0; i < w->nvil; i++)
		if (rd->grp[i] == grp)
			vs[nv++] = i;
	if (nv < 2)
		return nv == 1;
	e = xcalloc((size_t)nv * (size_t)nv, sizeof(redge));
	for (int i = 0; i < nv; i++)
		for (int j = i + 1; j < nv; j++) {
			const vil_t *a = &w->vil[vs[i]], *b = &w->vil[vs[j]];
			double km = dist_km(a->px, a->py, b->px, b->py);
			redge *c = &e[ne];

			if (km > 3.2 * ISL[isl].sp_rural)
				continue;
			c->a = vs[i];
			c->b = vs[j];
			c->km = km;
			c->l.grp = grp;
			rl_bent(r, &c->l, a->px, a->py, b->px, b->py, 0.04 + 0.06 * rng_unif(r));
			if (!rl_ok(w, rd, &c->l, isl, 1)) {
				rl_free(&c->l);
				rl_push(&c->l, a->px, a->py);
				rl_push(&c->l, b->px, b->py);
				c->l.grp = grp;
				if (!rl_ok(w, rd, &c->l, isl, 1)) {
					rl_free(&c->l);
					continue;
				}
			}
			ne++;
		}
	qsort(e, (size_t)ne, sizeof(redge), cmp_redge);
	par = xcalloc(MAXV, sizeof(int));
	for (int i = 0; i < MAXV; i++)
		par[i] = i;
	for (int k = 0; k < ne; k++) {
		int a = uf_find(par, e[k].a), b = uf_find(par, e[k].b);

		if (a != b) {
			par[a] = b;
			e[k].in_tree = 1;
			joined++;
		}
	}
	if (joined != nv - 1)
		ok = 0;
	on_path = xcalloc((size_t)(ne ? ne : 1), sizeof(int));
	if (ok && trunk_cls >= 0)
		tree_diameter(w, e, ne, vs, nv, on_path);
	for (int k = 0; ok && k < ne; k++) {
		const vil_t *a = &w->vil[e[k].a], *b = &w->vil[e[k].b];

		if (!e[k].in_tree) {
			/* a loop now and then, between near neighbours */
			if (e[k].km > 1.3 * ISL[isl].sp_rural || rng_unif(r) > 0.3)
				continue;
			e[k].l.cls = RC_UNCLASSIFIED;
		} else if (on_path[k]) {
			e[k].l.cls = trunk_cls;
		} else {
			e[k].l.cls = (a->kec != b->kec || a->is_capital || b->is_capital) &&
						 grp != GRP_CUT
					 ? RC_SECONDARY
					 : RC_TERTIARY;
		}
		if (e[k].l.cls == RC_TRUNK)
			scopy(e[k].l.name, sizeof(e[k].l.name), "Jalan Trans Ranoweta");
		if (!e[k].in_tree && !rl_ok(w, rd, &e[k].l, isl, 0))
			continue;
		rd_add(rd, &e[k].l);
	}
	for (int k = 0; k < ne; k++)
		rl_free(&e[k].l);
	free(on_path);
	free(par);
	free(e);
	return ok;
}

/* Streets (kelurahan) or tracks (desa) from each village centre. */
static void village_stubs(world *w, rng *r, roads_t *rd)
{
	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];
		int want = v->is_kel ? 2 : 3;
		double len0 = 0.45 * sqrt(v->area_km2);

		len0 = len0 > 1.5 ? 1.5 : len0 < 0.3 ? 0.3 : len0;
		for (int s = 0, tries = 0; s < want && tries < 12; tries++) {
			double th = 2 * PI * rng_unif(r), len = len0 * (0.7 + 0.6 * rng_unif(r));
			double ex = v->px + len * cos(th) * deg_lon_per_km(v->py),
			       ey = v->py + len * sin(th) * deg_lat_per_km();
			rline l = {0};

			l.grp = rd->grp[i];
			l.cls = v->is_kel ? RC_RESIDENTIAL : RC_TRACK;
			rl_bent(r, &l, v->px, v->py, ex, ey, 0.08 * rng_unif(r));
			if (!prep_contains_xy(w, v->pgeom, ex, ey) || !rl_ok(w, rd, &l, v->island, 1)) {
				rl_free(&l);
				continue;
			}
			rd_add(rd, &l);
			s++;
		}
	}
}

/* Distance in km from a point to the nearest road laid so far. */
static double road_dist_km(const roads_t *rd, double x, double y)
{
	double best = 1e30;

	for (int i = 0; i < rd->n; i++)
		for (int j = 1; j < rd->l[i].n && rd->l[i].cls != RC_FERRY; j++) {
			double d = seg_dist_km(x, y, rd->l[i].x[j - 1], rd->l[i].y[j - 1],
					       rd->l[i].x[j], rd->l[i].y[j]);

			best = d < best ? d : best;
		}
	return best;
}

/* A work site is a public place: a street or track leads to within
 * 50-150 m of each one that is still far from a road. */
static void site_stubs(world *w, rng *r, roads_t *rd)
{
	for (int i = 0; i < w->nsite; i++) {
		const site_t *s = &w->site[i];
		const vil_t *v = &w->vil[s->vil];
		double len, ex, ey, f;
		rline l = {0};

		if (s->on_islet || road_dist_km(rd, s->lon, s->lat) < 0.5)
			continue;
		len = dist_km(v->px, v->py, s->lon, s->lat);
		f = (len - 0.05 - 0.1 * rng_unif(r)) / len;
		ex = v->px + (s->lon - v->px) * f;
		ey = v->py + (s->lat - v->py) * f;
		l.grp = rd->grp[s->vil];
		l.cls = v->is_kel ? RC_RESIDENTIAL : RC_TRACK;
		rl_bent(r, &l, v->px, v->py, ex, ey, 0.06 * rng_unif(r));
		if (!rl_ok(w, rd, &l, v->island, 1)) {
			rl_free(&l);
			continue;
		}
		rd_add(rd, &l);
	}
}

/* A grid of streets around the town centre; three of them one-way. */
static void town_grid(world *w, rng *r, roads_t *rd)
{
	double rot = (20.0 + 30.0 * rng_unif(r)) * PI / 180.0;
	double dx = deg_lon_per_km(w->town_y), dy = deg_lat_per_km();
	int nway = 0;

	for (int dir = 0; dir < 2; dir++)
		for (int k = -3; k <= 3; k++) {
			rline l = {0};
			double o = 0.3 * k;

			for (int j = -4; j <= 4; j++) {
				double a = 0.28 * j, x = dir ? o : a, y = dir ? a : o;

				rl_push(&l, w->town_x + (x * cos(rot) - y * sin(rot)) * dx,
					w->town_y + (x * sin(rot) + y * cos(rot)) * dy);
			}
			l.grp = ISL_MAIN;
			l.cls = RC_RESIDENTIAL;
			if (dir == 1 && (k == -2 || k == 0 || k == 2)) {
				l.oneway = 1;
				if (k == 0) /* the middle one runs the other way */
					for (int i = 0; i < l.n / 2; i++) {
						double t = l.x[i];

						l.x[i] = l.x[l.n - 1 - i];
						l.x[l.n - 1 - i] = t;
						t = l.y[i];
						l.y[i] = l.y[l.n - 1 - i];
						l.y[l.n - 1 - i] = t;
					}
			}
			if (!rl_ok(w, rd, &l, ISL_MAIN, 1)) {
				rl_free(&l);
				continue;
			}
			nway += l.oneway;
			rd_add(rd, &l);
		}
	if (nway < 2)
		die("internal: the town grid lost its one-way streets");
}

/* The port roads and the ferry between the city and the offshore island. */
static void ferry(world *w, rng *r, roads_t *rd)
{
	double best = 1e30, mx, my, tx, ty, km;
	int port = -1, iport = -1;
	GEOSGeometry *pt;
	GEOSCoordSequence *np;
	rline l = {0};

	for (int i = 0; i < w->nvil; i++) {
		double d;

		if (kab_of(w, i) != KAB_KOTA || !w->vil[i].coastal)
			continue;
		d = dist_km(w->vil[i].px, w->vil[i].py, ISL[ISL_SMALL].lon, ISL[ISL_SMALL].lat);
		if (d < best) {
			best = d;
			port = i;
		}
	}
	if (port < 0)
		die("internal: the city has no coastal village");
	pt = make_point(w, w->vil[port].px, w->vil[port].py);
	np = GEOSNearestPoints_r(w->gh, w->coast[ISL_MAIN], pt);
	if (!np)
		die("geos: nearest points failed");
	GEOSCoordSeq_getXY_r(w->gh, np, 0, &mx, &my);
	GEOSCoordSeq_destroy_r(w->gh, np);
	GEOSGeom_destroy_r(w->gh, pt);
	pt = make_point(w, mx, my);
	np = GEOSNearestPoints_r(w->gh, w->coast[ISL_SMALL], pt);
	if (!np)
		die("geos: nearest points failed");
	GEOSCoordSeq_getXY_r(w->gh, np, 0, &tx, &ty);
	GEOSCoordSeq_destroy_r(w->gh, np);
	GEOSGeom_destroy_r(w->gh, pt);
	best = 1e30;
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].island == ISL_SMALL) {
			double d = dist_km(w->vil[i].px, w->vil[i].py, tx, ty);

			if (d < best) {
				best = d;
				iport = i;
			}
		}
	/* the harbour roads: village centre to the quay */
	l.grp = ISL_MAIN;
	l.cls = RC_TERTIARY;
	scopy(l.name, sizeof(l.name), "Jalan Pelabuhan");
	rl_push(&l, w->vil[port].px, w->vil[port].py);
	rl_push(&l, mx, my);
	rd_add(rd, &l);
	l.grp = ISL_SMALL;
	l.cls = RC_TERTIARY;
	scopy(l.name, sizeof(l.name), "Jalan Dermaga");
	rl_push(&l, tx, ty);
	rl_push(&l, w->vil[iport].px, w->vil[iport].py);
	rd_add(rd, &l);
	/* the crossing, bowed a little, at about 15 km/h plus manoeuvring */
	l.grp = -1;
	l.cls = RC_FERRY;
	rl_bent(r, &l, mx, my, tx, ty, 0.05);
	km = rl_km(&l);
	rd->ferry_km = km;
	rd->ferry_min = (int)(5 * ceil((km / 15.0 * 60.0 + 10.0) / 5.0));
	sfmt(l.dur, sizeof(l.dur), "%02d:%02d", rd->ferry_min / 60, rd->ferry_min % 60);
	sfmt(l.name, sizeof(l.name), "Penyeberangan %s - %s", w->kab[KAB_KOTA].base,
	     w->kec[w->vil[iport].kec].nm.s);
	rd_add(rd, &l);
}

typedef struct rvert {
	int64_t kx, ky;
	int line;
} rvert;

static int cmp_rvert(const void *pa, const void *pb)
{
	const rvert *a = pa, *b = pb;

	if (a->kx != b->kx)
		return a->kx < b->kx ? -1 : 1;
	if (a->ky != b->ky)
		return a->ky < b->ky ? -1 : 1;
	return a->line - b->line;
}

typedef struct rins {
	int seg;
	double t, x, y;
} rins;

static int cmp_rins(const void *pa, const void *pb)
{
	const rins *a = pa, *b = pb;

	if (a->seg != b->seg)
		return a->seg - b->seg;
	return a->t < b->t ? -1 : a->t > b->t;
}

/* Puts a vertex wherever two lines cross, so that the importer joins them
 * there (it joins lines at shared coordinates only). The ferry crosses
 * nothing but its own quays. */
static void node_lines(roads_t *rd)
{
	rins **ins = xcalloc((size_t)rd->n, sizeof(rins *));
	int *nins = xcalloc((size_t)rd->n, sizeof(int)), *cap = xcalloc((size_t)rd->n, sizeof(int));

	for (int a = 0; a < rd->n; a++)
		for (int b = a + 1; b < rd->n; b++) {
			rline *A = &rd->l[a], *B = &rd->l[b];

			if (A->cls == RC_FERRY || B->cls == RC_FERRY)
				continue;
			for (int i = 1; i < A->n; i++)
				for (int j = 1; j < B->n; j++) {
					double t, u, x, y;

					if (!seg_cross(A->x[i - 1], A->y[i - 1], A->x[i], A->y[i],
						       B->x[j - 1], B->y[j - 1], B->x[j], B->y[j], &t,
						       &u))
						continue;
					x = round((A->x[i - 1] + t * (A->x[i] - A->x[i - 1])) / GRID) *
					    GRID;
					y = round((A->y[i - 1] + t * (A->y[i] - A->y[i - 1])) / GRID) *
					    GRID;
					for (int s = 0; s < 2; s++) {
						int li = s ? b : a, sg = s ? j : i;
						rline *L = &rd->l[li];
						double tt = s ? u : t;

						if ((x == L->x[sg - 1] && y == L->y[sg - 1]) ||
						    (x == L->x[sg] && y == L->y[sg]))
							continue;
						if (tt <= 1e-9 || tt >= 1 - 1e-9)
							continue; /* at this line's vertex already */
						if (nins[li] == cap[li]) {
							cap[li] = cap[li] ? 2 * cap[li] : 8;
							ins[li] = xrealloc(ins[li], sizeof(rins) *
											(size_t)cap[li]);
						}
						ins[li][nins[li]++] = (rins){sg, tt, x, y};
					}
				}
		}
	for (int li = 0; li < rd->n; li++) {
		rline *L = &rd->l[li], nl = *L;
		int k = 0;

		if (!nins[li])
			continue;
		qsort(ins[li], (size_t)nins[li], sizeof(rins), cmp_rins);
		nl.x = nl.y = NULL;
		nl.n = nl.cap = 0;
		for (int i = 0; i < L->n; i++) {
			for (; k < nins[li] && ins[li][k].seg == i; k++) {
				if (ins[li][k].x == nl.x[nl.n - 1] && ins[li][k].y == nl.y[nl.n - 1])
					continue;
				rl_push(&nl, ins[li][k].x, ins[li][k].y);
			}
			if (nl.n && L->x[i] == nl.x[nl.n - 1] && L->y[i] == nl.y[nl.n - 1])
				continue;
			rl_push(&nl, L->x[i], L->y[i]);
		}
		free(L->x);
		free(L->y);
		*L = nl;
		free(ins[li]);
	}
	free(ins);
	free(nins);
	free(cap);
}

/* Components of lines joined at shared vertices. Keeps the networks that
 * join villages (the main island with the offshore one through the ferry,
 * the north island, its cut-off end) and drops any street left dangling by
 * the land and home rules; checks that the design holds. */
static void keep_connected(roads_t *rd)
{
	int nv = 0, *par = xcalloc((size_t)rd->n, sizeof(int)), k = 0;
	int comp_of[NISL + 1], *keep = xcalloc((size_t)rd->n, sizeof(int));
	rvert *v;

	for (int i = 0; i < rd->n; i++)
		nv += rd->l[i].n;
	v = xcalloc((size_t)nv, sizeof(rvert));
	nv = 0;
	for (int i = 0; i < rd->n; i++) {
		par[i] = i;
		for (int j = 0; j < rd->l[i].n; j++)
			v[nv++] = (rvert){llround(rd->l[i].x[j] / GRID),
					  llround(rd->l[i].y[j] / GRID), i};
	}
	qsort(v, (size_t)nv, sizeof(rvert), cmp_rvert);
	for (int i = 1; i < nv; i++)
		if (v[i].kx == v[i - 1].kx && v[i].ky == v[i - 1].ky) {
			int a = uf_find(par, v[i].line), b = uf_find(par, v[i - 1].line);

			if (a != b)
				par[a] = b;
		}
	for (int g = 0; g <= NISL; g++)
		comp_of[g] = -1;
	for (int i = 0; i < rd->n; i++) {
		int c = uf_find(par, i), g = rd->l[i].grp;

		if (!rd->l[i].tree)
			continue;
		if (comp_of[g] >= 0 && comp_of[g] != c)
			die("internal: the roads of group %d are in pieces", g);
		comp_of[g] = c;
		keep[c] = 1;
	}
	if (comp_of[ISL_MAIN] < 0 || comp_of[ISL_MAIN] != comp_of[ISL_SMALL])
		die("internal: the ferry does not join the offshore island");
	if (comp_of[GRP_CUT] < 0 || comp_of[GRP_CUT] == comp_of[ISL_NORTH] ||
	    comp_of[ISL_NORTH] == comp_of[ISL_MAIN])
		die("internal: the north island's far end is not cut off");
	rd->cut_nodes = 0;
	for (int i = 0; i < nv; i++)
		if (uf_find(par, v[i].line) == comp_of[GRP_CUT] &&
		    (i == 0 || v[i].kx != v[i - 1].kx || v[i].ky != v[i - 1].ky))
			rd->cut_nodes++;
	for (int i = 0; i < rd->n; i++) {
		if (!keep[uf_find(par, i)]) {
			rl_free(&rd->l[i]);
			rd->dropped++;
			continue;
		}
		rd->l[k++] = rd->l[i];
	}
	rd->n = k;
	free(keep);
	free(par);
	free(v);
}

/* The far end of the north island: tip[1] and the villages around it that
 * have no ready site. */
static void cut_group(world *w, roads_t *rd)
{
	int changed = 1;

	for (int i = 0; i < w->nvil; i++)
		rd->grp[i] = w->vil[i].island;
	rd->grp[w->tip[1]] = GRP_CUT;
	while (changed) {
		changed = 0;
		for (int i = 0; i < w->nvil; i++)
			if (rd->grp[i] == ISL_NORTH && w->vil[i].n_status[ST_SIAP] == 0)
				for (int j = 0; j < w->nvil; j++)
					if (rd->grp[j] == GRP_CUT && adjacent(w, i, j)) {
						rd->grp[i] = GRP_CUT;
						changed = 1;
						break;
					}
	}
	rd->ncut = 0;
	for (int i = 0; i < w->nvil; i++)
		rd->ncut += rd->grp[i] == GRP_CUT;
}

/* Active clients with a usable home coordinate, farthest from every village
 * centre first: the candidates to live off the network. */
static int off_candidates(world *w, int *out, int max)
{
	double key[MAXV * 4];
	int n = 0;

	for (int i = 0; i < w->ncrow && n < max && n < MAXV * 4; i++) {
		const row_t *rw = &w->crow[i];
		const client_t *c = &w->cli[rw->src];
		uint64_t bad = LB(L_COORD_MISSING) | LB(L_COORD_ZERO) | LB(L_COORD_SEA) |
			       LB(L_COORD_OTHER_REGENCY) | LB(L_BROKEN_COORD) | LB(L_BROKEN_DATE);
		double d = 1e30;

		if ((rw->labels & bad) || c->selesai || w->vil[c->vil].island != ISL_MAIN)
			continue;
		for (int v = 0; v < w->nvil; v++) {
			double dv = dist_km(c->lon, c->lat, w->vil[v].px, w->vil[v].py);

			d = dv < d ? dv : d;
		}
		if (d < RD_OFF_KM + 0.15)
			continue;
		out[n] = rw->src;
		key[n++] = d;
	}
	for (int i = 1; i < n; i++) /* insertion sort, farthest first */
		for (int j = i; j > 0 && key[j] > key[j - 1]; j--) {
			double t = key[j];
			int ti = out[j];

			key[j] = key[j - 1];
			key[j - 1] = t;
			out[j] = out[j - 1];
			out[j - 1] = ti;
		}
	return n;
}

static void roads_clear(roads_t *rd)
{
	for (int i = 0; i < rd->n; i++)
		rl_free(&rd->l[i]);
	rd->n = 0;
	rd->dropped = 0;
}

static void make_roads(world *w, roads_t *rd)
{
	int cand[64], nc = off_candidates(w, cand, 64), done = 0;

	if (nc == 0)
		die("no active client lives far enough from every village centre to be off "
		    "the road network");
	cut_group(w, rd);
	for (int c = 0; c < nc && !done; c++) {
		rng r;

		rng_init(&r, w->seed, 7); /* the same draws for every attempt */
		roads_clear(rd);
		rd->off_cli = cand[c];
		rd->off_x = w->cli[cand[c]].lon;
		rd->off_y = w->cli[cand[c]].lat;
		done = group_roads(w, &r, rd, ISL_MAIN, ISL_MAIN, RC_TRUNK) &&
		       group_roads(w, &r, rd, ISL_NORTH, ISL_NORTH, RC_PRIMARY) &&
		       group_roads(w, &r, rd, GRP_CUT, ISL_NORTH, -1) &&
		       group_roads(w, &r, rd, ISL_SMALL, ISL_SMALL, RC_SECONDARY);
		if (!done)
			continue;
		for (int i = 0; i < rd->n; i++)
			rd->l[i].tree = rd->l[i].cls != RC_UNCLASSIFIED;
		town_grid(w, &r, rd);
		ferry(w, &r, rd);
		village_stubs(w, &r, rd);
		site_stubs(w, &r, rd);
		for (int i = 0; i < rd->n && done; i++)
			for (int j = 1; j < rd->l[i].n && rd->l[i].cls != RC_FERRY; j++)
				if (seg_dist_km(rd->off_x, rd->off_y, rd->l[i].x[j - 1],
						rd->l[i].y[j - 1], rd->l[i].x[j],
						rd->l[i].y[j]) < RD_OFF_KM - 0.05)
					done = 0; /* a harbour road came close */
	}
	if (!done)
		die("could not lay the roads around any off-network home");
	node_lines(rd);
	keep_connected(rd);
	for (int i = 0; i < rd->n; i++) {
		rd->n_by_cls[rd->l[i].cls]++;
		rd->km_by_cls[rd->l[i].cls] += rl_km(&rd->l[i]);
		rd->n_oneway += rd->l[i].oneway;
	}
	if (rd->cut_nodes < 60)
		die("internal: the cut-off end has only %d road nodes", rd->cut_nodes);
}

/* jalan_demo.geojson: the fields an OSM extract has as a line layer. */
static void write_roads(world *w, roads_t *rd, const char *dir)
{
	static const char *const F[] = {"highway", "oneway", "route", "duration", "name"};
	GDALDatasetH ds;
	OGRLayerH lyr = create_geojson(dir, "jalan_demo", wkbLineString, F, NELEM(F), &ds);

	(void)w;
	for (int i = 0; i < rd->n; i++) {
		const rline *l = &rd->l[i];
		OGRFeatureH ft = OGR_F_Create(OGR_L_GetLayerDefn(lyr));
		OGRGeometryH g = OGR_G_CreateGeometry(wkbLineString);

		for (int j = 0; j < l->n; j++)
			OGR_G_AddPoint_2D(g, l->x[j], l->y[j]);
		if (l->cls == RC_FERRY) {
			OGR_F_SetFieldString(ft, 2, "ferry");
			OGR_F_SetFieldString(ft, 3, l->dur);
		} else {
			OGR_F_SetFieldString(ft, 0, RCLASS[l->cls]);
		}
		if (l->oneway)
			OGR_F_SetFieldString(ft, 1, "yes");
		if (l->name[0])
			OGR_F_SetFieldString(ft, 4, l->name);
		OGR_F_SetGeometryDirectly(ft, g);
		if (OGR_L_CreateFeature(lyr, ft) != OGRERR_NONE)
			die("gdal: cannot write road %d: %s", i, CPLGetLastErrorMsg());
		OGR_F_Destroy(ft);
	}
	CPLErrorReset();
	GDALClose(ds);
	if (CPLGetLastErrorType() >= CE_Failure)
		die("gdal: cannot finish 'jalan_demo.geojson': %s", CPLGetLastErrorMsg());
}

static void roads_free(roads_t *rd)
{
	roads_clear(rd);
	free(rd->l);
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */

static int point_village(world *w, double x, double y)
{
	int found = -1;

	for (int i = 0; i < w->nvil; i++)
		if (prep_contains_xy(w, w->vil[i].pgeom, x, y)) {
			if (found >= 0)
				die("point %.7f %.7f lies in two villages", x, y);
			found = i;
		}
	return found;
}

static void check_world(world *w)
{
	double sum = 0, land = 0, a;

	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];

		if (GEOSisValid_r(w->gh, v->geom) != 1)
			die("village %s is not valid", v->kode);
		GEOSArea_r(w->gh, v->geom, &a);
		sum += a; /* square degrees: the check is exact, not a survey */
		for (int j = i + 1; j < w->nvil; j++) {
			char c = GEOSRelatePattern_r(w->gh, v->geom, w->vil[j].geom, "2********");

			if (c == 2)
				die("geos: relate failed");
			if (c == 1)
				die("villages %s and %s overlap", v->kode, w->vil[j].kode);
		}
	}
	GEOSArea_r(w->gh, w->land, &land);
	if (fabs(sum - land) > 1e-6 * land)
		die("villages (%.9f sq. deg.) do not cover the land (%.9f)", sum, land);
	for (int k = 0; k < w->nkec; k++) {
		GEOSGeometry *g[MAXV], *u;
		int n = 0, parts;

		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k)
				g[n++] = gcheck(GEOSGeom_clone_r(w->gh, w->vil[i].geom), "clone");
		u = union_take(w, g, n);
		parts = GEOSGetNumGeometries_r(w->gh, u);
		GEOSGeom_destroy_r(w->gh, u);
		for (int i = 0; i < w->nvil; i++)
			if (w->vil[i].kec == k && w->vil[i].has_islet)
				parts--;
		if (parts != 1)
			die("district %s is in %d pieces", w->kec[k].kode, parts);
	}
	for (int i = 0; i < w->nsite; i++)
		if (point_village(w, w->site[i].lon, w->site[i].lat) != w->site[i].vil)
			die("site %d is not in its village", i);
	for (int i = 0; i < w->ncli; i++)
		if (point_village(w, w->cli[i].lon, w->cli[i].lat) != w->cli[i].vil)
			die("client %s is not in its village", w->cli[i].id);
}

/* ------------------------------------------------------------------ */
/* README                                                              */

static const char *const DESIGN_NAME[] = {"ready", "only_not_ready", "empty"};
static const char *const ISLAND_NAME[NISL] = {"main island", "north island", "offshore island"};

static double nearest_siap_km(const world *w, int vi)
{
	double best = 1e30;

	for (int i = 0; i < w->nsite; i++)
		if (w->site[i].status == ST_SIAP) {
			double d = haversine_km(w->vil[vi].px, w->vil[vi].py, w->site[i].lon,
						w->site[i].lat);

			best = d < best ? d : best;
		}
	return best;
}

static long file_size(const char *dir, const char *name)
{
	char p[4096];
	struct stat st;

	path_join(p, sizeof(p), dir, name);
	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static void count_labels(const row_t *rows, int n, int skip_dups, int *cnt)
{
	memset(cnt, 0, sizeof(int) * L__COUNT);
	for (int i = 0; i < n; i++) {
		uint64_t l = rows[i].labels;

		if (skip_dups && (l & LB(L_DUPLICATE)))
			l = LB(L_DUPLICATE);
		for (int k = 0; k < L__COUNT; k++)
			cnt[k] += (l & LB(k)) != 0;
	}
}

static const char *vname(const world *w, int vi)
{
	return w->vil[vi].nm.s;
}

/* The Roads section of the README. */
static void write_readme_roads(world *w, FILE *f)
{
	const roads_t *rd = w->rd;
	const client_t *oc = &w->cli[rd->off_cli];
	int first = 1;

	fprintf(f, "## Roads\n\n");
	fprintf(f,
		"`jalan_demo.geojson` is a road network generated for the demo, as fictional as "
		"the rest: no survey, no OpenStreetMap data. It has the fields of an OSM extract "
		"loaded as a line layer (`highway` with OSM values, `oneway`, `route`, `duration`, "
		"`name`), so `jangkau import roads data/demo/jalan_demo.geojson` and the default "
		"travel profiles take it as it is; `jangkau demo` does so and measures coverage by "
		"road (motorcycle, 30 minutes).\n\n");
	fprintf(f,
		"- On each island (or part of one) the village centres are joined by a minimum "
		"spanning tree of gently bent roads that stay on land; its longest path is the "
		"trunk (`trunk` on the main island, `primary` on the north island, `secondary` on "
		"the offshore island), links between districts or to a district capital are "
		"`secondary`, the others `tertiary`, and a few `unclassified` roads close loops.\n"
		"- Every village has `residential` streets (kelurahan) or `track`s (desa) from its "
		"centre, and a street or track leads to within 150 m of every work site that was "
		"still more than 500 m from a road.\n"
		"- The town has a small grid of `residential` streets; %d of them are one-way "
		"(`oneway=yes`, in the direction the line is drawn).\n"
		"- Lines meet only where they share a vertex (the generator puts one wherever two "
		"cross), as in OSM.\n\n",
		rd->n_oneway);
	fprintf(f, "| highway | lines | km |\n|---|---:|---:|\n");
	for (int c = 0; c < RC__COUNT; c++)
		if (rd->n_by_cls[c])
			fprintf(f, "| %s | %d | %.1f |\n", c == RC_FERRY ? "(ferry: route=ferry)" : RCLASS[c],
				rd->n_by_cls[c], rd->km_by_cls[c]);
	fprintf(f, "\nCases built in on purpose:\n\n");
	fprintf(f,
		"- **Ferry**: the only link to the offshore island is a ferry line (`route=ferry`, "
		"`highway` empty, `duration=%02d:%02d`), %.1f km from the quay of Kota Ledo Ledo to "
		"the quay of the island, each joined to the nearest village centre by a `tertiary` "
		"harbour road. A client there travels the ferry's %d minutes plus the profile's "
		"boarding wait; a profile without ferries leaves the island unreachable.\n",
		rd->ferry_min / 60, rd->ferry_min % 60, rd->ferry_km, rd->ferry_min);
	fprintf(f, "- **Cut-off end**: the far end of the north island (");
	for (int i = 0; i < w->nvil; i++)
		if (rd->grp[i] == GRP_CUT) {
			fprintf(f, "%s%s %s", first ? "" : ", ", w->vil[i].kode, w->vil[i].nm.s);
			first = 0;
		}
	fprintf(f,
		") has roads and tracks of its own (%d road nodes) but none to the rest of the "
		"island and no ferry; none of these villages has a ready site, so they and their "
		"clients are `unreachable` by road.\n",
		rd->cut_nodes);
	fprintf(f,
		"- **Off the network**: no road comes within %.2f km of the home of client %s "
		"(%s %s, an active client with a home coordinate), so that home is `off_network` "
		"with the default snap distance of 1 km.\n\n",
		RD_OFF_KM, oc->id, w->vil[oc->vil].kode, w->vil[oc->vil].nm.s);
}

static void write_readme(world *w, const char *dir)
{
	static const char *const FILES[] = {"desa.geojson",	 "aliases.csv",	      "sites.csv",
					    "clients.csv",	 "truth_sites.csv",   "truth_clients.csv",
					    "jalan_demo.geojson"};
	FILE *f = open_out(dir, "README.md");
	int st[4] = {0}, ls[L__COUNT], lc[L__COUNT], cls[4] = {0}, anak = 0, sel = 0, nogap = 0;
	int withc_s = 0, withc_c = 0, cols_s = 0, nkota = 0;
	double x0, x1, y0, y1, gap_small;

	GEOSGeom_getXMin_r(w->gh, w->land, &x0);
	GEOSGeom_getXMax_r(w->gh, w->land, &x1);
	GEOSGeom_getYMin_r(w->gh, w->land, &y0);
	GEOSGeom_getYMax_r(w->gh, w->land, &y1);
	gap_small = gdist_km(w, w->island[ISL_SMALL], w->island[ISL_MAIN]);
	for (int i = 0; i < w->nsite; i++)
		st[w->site[i].status]++;
	for (int i = 0; i < w->nvil; i++)
		nkota += kab_of(w, i) == KAB_KOTA;
	count_labels(w->srow, w->nsrow, 1, ls);
	count_labels(w->crow, w->ncrow, 0, lc);
	for (int i = 0; i < w->nsrow; i++)
		if (!(w->srow[i].labels & LB(L_DUPLICATE))) {
			withc_s += !(w->srow[i].labels & LB(L_COORD_MISSING));
			cols_s += (w->srow[i].labels & LB(L_COLS_FILLED)) != 0;
		}
	for (int i = 0; i < w->ncli; i++) {
		anak += w->cli[i].anak;
		sel += w->cli[i].selesai;
		nogap += w->vil[w->cli[i].vil].n_status[ST_SIAP] == 0;
		withc_c += !(w->crow[i].labels & LB(L_COORD_MISSING));
	}

	fprintf(f, "# Demo data: Kepulauan Jangkau (fictional)\n\n");
	fprintf(f,
		"The demo data set bundled with jangkau: village boundaries, an address book of "
		"community-service work sites and a client register of a probation office (Bapas), "
		"with the ground truth for measuring geocoding and coverage, and a road network "
		"with a ferry for coverage by road.\n\n");
	fprintf(f,
		"**Everything here is fictional.** The province \"%s\" (code %s, which Kemendagri "
		"does not assign), its islands, regencies, districts and villages, their codes and "
		"postal codes, the roads, the sites, people and phone numbers are invented. Place names come "
		"from a syllable generator; the regency names Ranoweta, Ranoweta Utara and Ledo "
		"Ledo were made up by hand. Any resemblance to a real place, facility or person is "
		"coincidental. Phone numbers all have the form 0812-0000-NNNN.\n\n",
		PROV_NAMA, PROV_KODE);
	fprintf(f, "## How it was made\n\n");
	fprintf(
	    f,
	    "Generated by `tools/demogen.c` (CMake target `jk_demogen`) with\n\n"
	    "    jk_demogen --out data/demo --seed %llu\n\n"
	    "which `scripts/gen_demo.sh` runs. Seed: **%llu**. The output is a pure function of "
	    "the seed (own PRNG, no clock, fixed number formats): running it again rewrites "
	    "every file byte for byte on the same platform.\n\n",
	    (unsigned long long)w->seed, (unsigned long long)w->seed);
	fprintf(
	    f,
	    "- Islands: smooth irregular outlines (an ellipse whose radius is modulated by "
	    "random harmonics, with a few capes and bays), vertices on a 1e-6 degree grid.\n"
	    "- Villages: a Voronoi diagram (GEOS) of seed points spread by dart throwing, denser "
	    "in the town; the Voronoi edges are bent by a smooth displacement field (so that "
	    "boundaries wander like streams and ridges), noded together with the coastline and "
	    "polygonized, so that neighbouring villages share their boundary exactly (no "
	    "overlaps, no gaps, all valid; the generator checks this). A piece cut off by a "
	    "bay goes to the neighbour it shares most boundary with.\n"
	    "- Districts: k-means groups of neighbouring villages, made contiguous; the city "
	    "takes the %d villages nearest to the town.\n"
	    "- True points: inside the village shrunk by 60 m (sites) / 40 m (homes), drawn "
	    "around the village centre; recorded coordinates carry 2-30 m of GPS noise and are "
	    "drawn again until the recorded point is still inside the true village.\n\n",
	    nkota);

	fprintf(f, "## Region\n\n");
	fprintf(f,
		"Three islands in open sea in the Banda Sea, %.2f-%.2f E, %.2f-%.2f S (the "
		"generator keeps them inside 124.5-125.6 E, 6.5-7.3 S), so that nothing overlaps a "
		"real Indonesian region: the nearest real villages are on Binongko (Wakatobi) to "
		"the north and on Alor and Wetar to the south, all of them more than 40 km away. "
		"Coordinates are WGS 84 longitude/latitude (EPSG:4326).\n\n",
		x0, x1, -y1, -y0);
	fprintf(
	    f,
	    "| kode | regency / city | kind | island | kecamatan | villages (kelurahan / desa) | "
	    "unique sites | site rows | clients |\n|---|---|---|---|---:|---:|---:|---:|---:|\n");
	{
		static const int ord[3] = {KAB_RANOWETA, KAB_UTARA, KAB_KOTA};

		for (int o = 0; o < 3; o++) {
			int b = ord[o], nk = 0, nv = 0, nkel = 0, ns = 0, nr = 0, nc = 0;

			for (int k = 0; k < w->nkec; k++)
				nk += w->kec[k].kab == b;
			for (int i = 0; i < w->nvil; i++)
				if (kab_of(w, i) == b) {
					nv++;
					nkel += w->vil[i].is_kel;
				}
			for (int i = 0; i < w->nsite; i++)
				ns += kab_of(w, w->site[i].vil) == b;
			for (int i = 0; i < w->nsrow; i++)
				nr += kab_of(w, w->site[w->srow[i].src].vil) == b;
			for (int i = 0; i < w->ncli; i++)
				nc += kab_of(w, w->cli[i].vil) == b;
			fprintf(f, "| %s | %s | %s | %s | %d | %d (%d / %d) | %d | %d | %d |\n",
				w->kab[b].kode, w->kab[b].full,
				w->kab[b].is_kota	? "city"
				: w->kab[b].parent >= 0 ? "regency, split from Ranoweta"
							: "regency",
				b == KAB_UTARA	? "north"
				: b == KAB_KOTA ? "main"
						: "main + offshore",
				nk, nv, nkel, nv - nkel, ns, nr, nc);
		}
	}
	fprintf(f, "| | **total** | | | %d | %d | %d | %d | %d |\n\n", w->nkec, w->nvil, w->nsite,
		w->nsrow, w->ncli);
	fprintf(f, "| kode_kec | kecamatan | regency / city | island | villages "
		   "|\n|---|---|---|---|---:|\n");
	for (int k = 0; k < w->nkec; k++)
		fprintf(f, "| %s | %s | %s | %s | %d |\n", w->kec[k].kode, w->kec[k].nm.s,
			w->kab[w->kec[k].kab].full, ISLAND_NAME[w->kec[k].island], w->kec[k].nvil);
	fprintf(f, "\nCases built in on purpose:\n\n");
	for (int k = 0; k < w->nkec; k++)
		if (w->kec[k].island == ISL_SMALL)
			fprintf(f,
				"- **Offshore island**: Kecamatan %s (%s, %d villages) is a small "
				"island "
				"%.1f km off the main island, with no road to it; none of its "
				"villages has a "
				"ready site, so its clients need the ferry to the main island "
				"(%.1f km, %d minutes, see Roads).\n",
				w->kec[k].nm.s, w->kec[k].kode, w->kec[k].nvil, gap_small,
				w->rd->ferry_km, w->rd->ferry_min);
	fprintf(
	    f,
	    "- **Old parent regency**: Kabupaten Ranoweta Utara was split off from Kabupaten "
	    "Ranoweta; addresses there sometimes name Ranoweta (`old_parent`, `col_old_parent`), "
	    "and the local abbreviation Ranut is used too (`kab_abbrev`).\n");
	fprintf(f,
		"- **Two villages with one name**: %s %s (Kec. %s) and %s %s (Kec. %s), both "
		"in Kabupaten Ranoweta; every address of them names the kecamatan.\n",
		w->vil[w->dup_pair[0]].kode, vname(w, w->dup_pair[0]),
		w->kec[w->vil[w->dup_pair[0]].kec].nm.s, w->vil[w->dup_pair[1]].kode,
		vname(w, w->dup_pair[1]), w->kec[w->vil[w->dup_pair[1]].kec].nm.s);
	fprintf(f,
		"- **A kecamatan named like a village elsewhere**: Kecamatan %s (%s, %s) and the "
		"village %s %s (Kec. %s, %s).\n",
		w->kec[w->kec_clash[0]].nm.s, w->kec[w->kec_clash[0]].kode,
		w->kab[w->kec[w->kec_clash[0]].kab].full, w->vil[w->kec_clash[1]].kode,
		vname(w, w->kec_clash[1]), w->kec[w->vil[w->kec_clash[1]].kec].nm.s,
		w->kab[kab_of(w, w->kec_clash[1])].full);
	fprintf(f,
		"- **A village in two parts**: %s %s (Kec. %s) has a small islet %.1f km off "
		"the coast (a MultiPolygon with two polygons); one site lies on the islet.\n",
		w->vil[w->islet_vil].kode, vname(w, w->islet_vil),
		w->kec[w->vil[w->islet_vil].kec].nm.s, gdist_km(w, w->islet, w->island[ISL_MAIN]));
	fprintf(f, "- **Numbered villages**: %s and %s (written with arabic numerals too).\n",
		vname(w, w->roman_pair[0]), vname(w, w->roman_pair[1]));
	fprintf(f, "- **Old spellings and abbreviations** (`aliases.csv`):");
	for (int k = 0; k < 3; k++)
		if (w->kab[k].abbrev)
			fprintf(f, " %s for %s;", w->kab[k].abbrev, w->kab[k].full);
	for (int i = 0; i < w->nvil; i++)
		if (w->vil[i].alias[0])
			fprintf(f, " %s for %s (%s);", w->vil[i].alias, vname(w, i),
				w->vil[i].kode);
	fprintf(f, " addresses use them (`old_spelling`, `kab_abbrev`).\n");
	fprintf(f, "- Hyphen/space variants: the city is \"Kota Ledo Ledo\" in the gazetteer and "
		   "\"Ledo-Ledo\", \"Ledoledo\" ... in the addresses; reduplicated and two-word "
		   "village and kecamatan names vary the same way (`name_variant`, "
		   "`name_variant_kec`).\n\n");

	fprintf(f, "## Coverage design\n\n");
	fprintf(
	    f, "Every village not listed here has at least one site whose true status is Siap. "
	       "The listed ones were left without a site (`empty`) or with only not-ready sites "
	       "(`only_not_ready`) on purpose. \"nearest Siap\" is the straight-line distance from "
	       "the village's point on surface to the nearest site with true status Siap.\n\n");
	fprintf(f,
		"| kode | village | kecamatan | regency / city | design | sites (Siap / Belum Siap "
		"/ Nonaktif) | nearest Siap km | clients |\n|---|---|---|---|---|---|---:|---:|\n");
	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];

		if (v->design == D_NORMAL)
			continue;
		fprintf(f, "| %s | %s | %s | %s | %s | %d / %d / %d | %.1f | %d |\n", v->kode,
			v->nm.s, w->kec[v->kec].nm.s, w->kab[kab_of(w, i)].full,
			DESIGN_NAME[v->design], v->n_status[ST_SIAP], v->n_status[ST_BELUM],
			v->n_status[ST_NONAKTIF], nearest_siap_km(w, i), v->n_clients);
	}
	for (int i = 0; i < w->nvil; i++) {
		const vil_t *v = &w->vil[i];
		double d = nearest_siap_km(w, i);

		if (v->n_status[ST_SIAP])
			cls[0]++;
		else if (d <= 5.0)
			cls[1]++;
		else if (v->n_status[ST_BELUM] + v->n_status[ST_NONAKTIF] + v->n_status[ST_UNKNOWN])
			cls[2]++;
		else
			cls[3]++;
	}
	fprintf(f,
		"\nWith a 5 km straight-line reach this gives %d villages with a ready site, %d "
		"without one but with a ready site within 5 km, %d with only not-ready sites and "
		"none within reach, and %d with nothing.\n\n",
		cls[0], cls[1], cls[2], cls[3]);

	write_readme_roads(w, f);
	fprintf(f, "## Sites and clients\n\n");
	fprintf(f, "- Unique sites: %d; rows in `sites.csv`: %d (%d exact duplicate rows).\n",
		w->nsite, w->nsrow, w->nsrow - w->nsite);
	fprintf(f,
		"- True status: Siap %d (%.1f%%), Belum Siap %d (%.1f%%), Nonaktif %d (%.1f%%), "
		"unknown %d.\n",
		st[0], 100.0 * st[0] / w->nsite, st[1], 100.0 * st[1] / w->nsite, st[2],
		100.0 * st[2] / w->nsite, st[3]);
	fprintf(f,
		"- koordinat filled in %d of %d unique site rows (%.1f%%); separate columns "
		"filled in %.1f%%.\n",
		withc_s, w->nsite, 100.0 * withc_s / w->nsite, 100.0 * cols_s / w->nsite);
	fprintf(
	    f,
	    "- Clients: %d (ids DMO-2026-0001 ... in order of tanggal_mulai), %d children "
	    "(Pidana Pelayanan Masyarakat), %d adults (Pidana Kerja Sosial); status as of "
	    "2026-07-31: %d selesai, %d aktif; %d (%.1f%%) with a home coordinate; %d live in a "
	    "village without a Siap site.\n",
	    w->ncli, anak, w->ncli - anak, sel, w->ncli - sel, withc_c, 100.0 * withc_c / w->ncli,
	    nogap);
	fprintf(f,
		"- One client row has the impossible date 31/02/2026 (`broken_date`): the importer "
		"must reject it. The rows with empty nama_lokasi (`broken_name`), unknown status "
		"(`broken_status`) and unreadable koordinat (`broken_coord`) are importable but "
		"should be reported.\n\n");

	fprintf(f, "## Files\n\n");
	fprintf(f, "CSV files: UTF-8 without BOM, comma-separated, RFC 4180 quoting (only where "
		   "needed), CRLF line ends, one header line, no line breaks inside fields. "
		   "`desa.geojson`: RFC 7946 (lon/lat, six decimals), layer `desa`.\n\n");
	fprintf(f, "| file | rows | bytes | content |\n|---|---:|---:|---|\n");
	{
		const char *what[] = {
		    "village polygons, MultiPolygon; fields kode, nama, kecamatan, kabupaten, "
		    "provinsi, kode_kec, kode_kab, kode_prov (text), as in the Kemendagri files",
		    "alternative names, `kode,alias`",
		    "the address book, columns of the real field book",
		    "the client register",
		    "`row,true_kode,true_lon,true_lat,true_status,labels`: one row per data row of "
		    "sites.csv, same order (`row` = data-row number)",
		    "`id_klien,true_kode,true_lon,true_lat,labels`",
		    "generated roads and the ferry, LineString; fields highway, oneway, route, "
		    "duration, name (text), as an OSM extract loaded as a line layer (see Roads)"};
		int rows[7];
		int nal = 0;

		for (int i = 0; i < w->nvil; i++)
			nal += w->vil[i].alias[0] != 0;
		rows[0] = w->nvil;
		rows[1] = nal + 1;
		rows[2] = rows[4] = w->nsrow;
		rows[3] = rows[5] = w->ncrow;
		rows[6] = w->rd->n;
		for (size_t i = 0; i < NELEM(FILES); i++)
			fprintf(f, "| %s | %d | %ld | %s |\n", FILES[i], rows[i],
				file_size(dir, FILES[i]), what[i]);
	}
	fprintf(
	    f,
	    "\nTrue points lie inside their village polygon (and in no other); `true_status` "
	    "is Siap, Belum Siap, Nonaktif or unknown; `true_kode` of a duplicate row is that of "
	    "its original.\n\n");

	fprintf(f, "## Messiness labels\n\n");
	fprintf(f, "`labels` in the truth files, `;`-separated. Site counts are of unique rows "
		   "(the `duplicate` line counts duplicate rows).\n\n");
	fprintf(f, "| label | meaning | site rows | client rows |\n|---|---|---:|---:|\n");
	for (int k = 0; k < L__COUNT; k++)
		fprintf(f, "| `%s` | %s | %d | %d |\n", LABEL[k], LABEL_DOC[k], ls[k], lc[k]);
	fprintf(
	    f,
	    "\nVariation everywhere and not labelled: village prefixes (Kel./Kelurahan/Kel/none, "
	    "Desa/Ds./Ds/none), kecamatan prefixes (Kec./Kecamatan/Kec/none), regency prefixes "
	    "(Kab./Kabupaten/Kab/none, Kota/Kodya/none), the city written Ledo Ledo / Ledo-Ledo / "
	    "Ledoledo / Ledo-ledo, a province tail (Kepulauan Jangkau, Kep. Jangkau, ...), street "
	    "parts (Jl./Jalan, No., RT/RW, Lr., Dusun), separators; status, ramah_anak, "
	    "jenis_pidana, anak, jam_pidana and client status written in their usual "
	    "variants; plain decimal coordinates \"lat, lon\" with 4-7 decimals.\n");
	close_out(f, "README.md");
}

/* ------------------------------------------------------------------ */
/* Main                                                                */

static void mkdir_p(const char *path)
{
	char buf[4096];
	struct stat st;

	scopy(buf, sizeof(buf), path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0777) != 0 && errno != EEXIST)
				die("cannot create '%s': %s", buf, strerror(errno));
			*p = '/';
		}
	if (mkdir(buf, 0777) != 0 && errno != EEXIST)
		die("cannot create '%s': %s", buf, strerror(errno));
	if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
		die("'%s' is not a directory", buf);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: jk_demogen --out DIR [--seed N]\n"
		"Writes the fictional demo data set of jangkau (desa.geojson, aliases.csv,\n"
		"sites.csv, clients.csv, truth_sites.csv, truth_clients.csv, jalan_demo.geojson,\n"
		"README.md) into DIR.\n"
		"The same seed gives the same files (default seed %u).\n",
		DEFAULT_SEED);
}

static void world_free(world *w)
{
	for (int i = 0; i < w->nvil; i++) {
		vil_t *v = &w->vil[i];

		GEOSPreparedGeom_destroy_r(w->gh, v->pgeom);
		GEOSPreparedGeom_destroy_r(w->gh, v->pzsite);
		GEOSPreparedGeom_destroy_r(w->gh, v->pzhome);
		GEOSGeom_destroy_r(w->gh, v->geom);
		GEOSGeom_destroy_r(w->gh, v->zsite);
		GEOSGeom_destroy_r(w->gh, v->zhome);
	}
	for (int i = 0; i < NISL; i++) {
		GEOSPreparedGeom_destroy_r(w->gh, w->pisland[i]);
		GEOSGeom_destroy_r(w->gh, w->island[i]);
		GEOSGeom_destroy_r(w->gh, w->coast[i]);
	}
	GEOSPreparedGeom_destroy_r(w->gh, w->pland);
	GEOSGeom_destroy_r(w->gh, w->land);
	GEOSGeom_destroy_r(w->gh, w->islet);
	for (int i = 0; i < w->nsrow; i++)
		row_free(&w->srow[i]);
	for (int i = 0; i < w->ncrow; i++)
		row_free(&w->crow[i]);
	free(w->srow);
	free(w->crow);
	free(w->site);
	free(w->cli);
	GEOS_finish_r(w->gh);
	free(w);
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	unsigned long long seed = DEFAULT_SEED;
	world *w;
	roads_t rd;
	rng rgeo, rname, rsite, rcli, rtxt_s, rtxt_c;
	double xs[MAXV], ys[MAXV];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
			out = argv[++i];
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			char *end;

			errno = 0;
			seed = strtoull(argv[++i], &end, 10);
			if (errno || *end || !argv[i][0])
				die("--seed: '%s' is not a non-negative integer", argv[i]);
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (!out) {
		usage(stderr);
		return 2;
	}

	w = xcalloc(1, sizeof(world));
	w->seed = seed;
	w->gh = GEOS_init_r();
	if (!w->gh)
		die("cannot initialise GEOS");
	GEOSContext_setNoticeMessageHandler_r(w->gh, geos_msg, NULL);
	GEOSContext_setErrorMessageHandler_r(w->gh, geos_msg, NULL);
	rng_init(&rgeo, seed, 1);
	rng_init(&rname, seed, 2);
	rng_init(&rsite, seed, 3);
	rng_init(&rcli, seed, 4);
	rng_init(&rtxt_s, seed, 5);
	rng_init(&rtxt_c, seed, 6);

	setup_kabs(w);
	make_islands(w, &rgeo);
	for (int isl = 0; isl < NISL; isl++) {
		int from = w->nvil, n = make_seeds(w, &rgeo, isl, xs, ys, MAXV - w->nvil);

		if (n < 1)
			die("island %d has no village", isl);
		island_villages(w, &rgeo, isl, xs, ys, n);
		for (int i = from; i < w->nvil; i++)
			if (GEOSGetNumGeometries_r(w->gh, w->vil[i].geom) != 1)
				die("internal: village %d of island %d is in pieces", i - from,
				    isl);
	}
	assign_regions(w, 14);
	assign_codes(w, &rgeo);
	make_islet(w, &rgeo);
	derive_villages(w);
	make_names(w, &rname);
	design_gaps(w, &rsite);
	make_sites(w, &rsite);
	isolate_village(w, w->tip[0], 6.5);
	isolate_village(w, w->tip[1], 5.5);
	make_clients(w, &rcli, 100);
	build_site_rows(w, &rtxt_s);
	build_client_rows(w, &rtxt_c);
	check_world(w);
	memset(&rd, 0, sizeof(rd));
	w->rd = &rd;
	make_roads(w, &rd);

	mkdir_p(out);
	CPLSetErrorHandler(cpl_quiet);
	GDALAllRegister();
	write_desa(w, out);
	write_aliases(w, out);
	write_sites(w, out);
	write_clients(w, out);
	write_roads(w, &rd, out);
	write_readme(w, out);

	{
		int st[4] = {0}, gaps[3] = {0};

		for (int i = 0; i < w->nsite; i++)
			st[w->site[i].status]++;
		for (int i = 0; i < w->nvil; i++)
			gaps[w->vil[i].design]++;
		printf("jk_demogen: seed %llu -> %s\n", seed, out);
		printf(
		    "  %d kecamatan, %d villages (%d empty, %d only not ready), %d sites "
		    "(Siap %d, Belum Siap %d, Nonaktif %d, unknown %d), %d site rows, %d clients\n",
		    w->nkec, w->nvil, gaps[D_EMPTY], gaps[D_NOT_READY], w->nsite, st[0], st[1],
		    st[2], st[3], w->nsrow, w->ncli);
		if (w->n_repaired)
			printf("  %d geometries repaired with make-valid\n", w->n_repaired);
		printf("  %d road lines (%d one-way, %d dropped as dangling), ferry %.1f km "
		       "%d min, %d villages cut off (%d road nodes), client %s off the network\n",
		       rd.n, rd.n_oneway, rd.dropped, rd.ferry_km, rd.ferry_min, rd.ncut,
		       rd.cut_nodes, w->cli[rd.off_cli].id);
	}
	roads_free(&rd);
	world_free(w);
	GDALDestroyDriverManager();
	OGRCleanupAll();
	CPLSetErrorHandler(NULL);
	return 0;
}
