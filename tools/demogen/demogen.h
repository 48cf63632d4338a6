/* SPDX-License-Identifier: MIT */
/*
 * Private header of jk_demogen (tools/demogen): the world model that the
 * stages build and read (islands, regencies, districts, villages, sites,
 * clients, rows, roads), the PRNG and string helpers, and the functions one
 * file of the generator calls in another. It is not part of jangkau:
 * nothing outside tools/demogen includes it.
 */
#ifndef JK_DEMOGEN_H
#define JK_DEMOGEN_H

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GRID 1e-6 /* degrees; every output vertex lies on this grid */
#define PI 3.14159265358979323846
#define KM_PER_DEG_LAT 110.574
#define KM_PER_DEG_LON_EQ 111.320
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#define PROV_KODE "99"
#define PROV_NAMA "Kepulauan Jangkau"

/* Growing string. */
typedef struct sb {
	char *p;
	size_t len, cap;
} sb;

typedef struct rng {
	uint64_t s[4];
} rng;

/* A string with a weight, for weighted choices among spellings. */
typedef struct wstr {
	const char *s;
	int w;
} wstr;

/* A table of weighted strings with its length. */
typedef struct wtab {
	const wstr *t;
	size_t n;
} wtab;

/* clang-format off */
#define WTAB(t) {(t), NELEM(t)}
/* clang-format on */

#define PICKW(r, t) pick_w((r), (t), NELEM(t))
#define PICK(r, t) pick((r), (t), NELEM(t))

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
	int n_broken;	    /* broken coordinate cells written so far */
	struct roads_t *rd; /* the generated roads */
} world;

typedef struct isl_def {
	double lon, lat;   /* centre */
	double a_km, b_km; /* semi-axes before the noise */
	double rot_deg;	   /* orientation of the long axis */
	double rough;	   /* amplitude of the radius noise */
	int lobes;	   /* capes and bays */
	int nvert;
	double sp_rural; /* village spacing, km */
} isl_def;

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

#define LB(x) (1ull << (x))

typedef struct addr_t {
	sb alamat;
	char desa[100], kec[100], kab[100];
	uint64_t labels;
} addr_t;

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

#define RD_OFF_KM 1.25 /* no road this close to the off-network home */

enum {
	RC_TRUNK,
	RC_PRIMARY,
	RC_SECONDARY,
	RC_TERTIARY,
	RC_UNCLASSIFIED,
	RC_RESIDENTIAL,
	RC_TRACK,
	RC_FERRY,
	RC__COUNT
};

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
	int grp[MAXV]; /* road group of each village */
	int off_cli;   /* the client kept off the network, or -1 */
	double off_x, off_y;
	int ncut, cut_nodes, dropped;
	int n_by_cls[RC__COUNT], n_oneway;
	double km_by_cls[RC__COUNT];
	double ferry_km;
	int ferry_min;
	long bytes;
} roads_t;

/* util.c */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);
void scopy(char *dst, size_t n, const char *src);
void sfmt(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void sb_add(sb *b, const char *s);
void sb_addf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_clear(sb *b);
const char *sb_str(const sb *b);
void sb_free(sb *b);
int is_upper(int c);
int is_alpha(int c);
int to_lower(int c);
int to_upper(int c);
int is_vowel(int c);
void str_upper(char *s);
void norm_name(const char *in, char *out, size_t n);
int count_letters(const char *s);
int levenshtein(const char *a, const char *b);

/* rng.c */
void rng_init(rng *r, uint64_t seed, uint64_t stream);
double rng_unif(rng *r);
int rng_int(rng *r, int lo, int hi);
int rng_chance(rng *r, double p);
double rng_normal(rng *r);
double rng_tri(rng *r, double a, double c, double b);
void rng_shuffle(rng *r, int *a, int n);
int pick_wi(rng *r, const wstr *t, size_t n);
const char *pick_w(rng *r, const wstr *t, size_t n);
const char *pick(rng *r, const char *const *t, size_t n);

/* typo.c */
int typo_name(const world *w, rng *r, const char *in, char *out, size_t n, int max_edits);

/* geo.c */
double deg_lon_per_km(double lat);
double deg_lat_per_km(void);
double dist_km(double x1, double y1, double x2, double y2);
double haversine_km(double x1, double y1, double x2, double y2);
void geos_msg(const char *msg, void *user);
GEOSGeometry *gcheck(GEOSGeometry *g, const char *what);
GEOSGeometry *make_point(world *w, double x, double y);
int prep_contains_xy(world *w, const GEOSPreparedGeometry *pg, double x, double y);
double area_km2(world *w, const GEOSGeometry *g);
double gdist_km(world *w, const GEOSGeometry *a, const GEOSGeometry *b);
GEOSGeometry *on_grid(world *w, GEOSGeometry *g);
GEOSGeometry *union_take(world *w, GEOSGeometry **g, int n);
GEOSGeometry *union2(world *w, GEOSGeometry *a, GEOSGeometry *b);

/* islands.c */
extern const isl_def ISL[NISL];
void make_islands(world *w, rng *r);
int make_seeds(world *w, rng *r, int isl, double *xs, double *ys, int max);
double shared_length(world *w, const GEOSGeometry *a, const GEOSGeometry *b);
void island_villages(world *w, rng *r, int isl, const double *xs, const double *ys, int n);
void make_islet(world *w, rng *r);

/* regions.c */
void setup_kabs(world *w);
void assign_regions(world *w, int nkota);
void assign_codes(world *w, rng *r);
void derive_villages(world *w);
int adjacent(world *w, int a, int b);

/* names.c */
void make_names(world *w, rng *r);
int name_variant(rng *r, const name_t *nm, char *out, size_t n);

/* gaps.c */
int kab_of(const world *w, int vi);
void design_gaps(world *w, rng *r);

/* sites.c */
void sample_point(world *w, rng *r, int vi, int home, int want_islet, double *x, double *y);
void make_sites(world *w, rng *r);
void isolate_village(world *w, int vi, double km);

/* clients.c */
void day_to_date(int day, int *m, int *d);
void make_clients(world *w, rng *r, int n);

/* labels.c */
extern const char *const LABEL[L__COUNT];
extern const char *const LABEL_DOC[L__COUNT];
void labels_str(uint64_t l, sb *out);
void deal_variants(rng *r, int n, const wstr *t, size_t nt, int *out);

/* address.c */
void make_address(world *w, rng *r, int vi, int client, int force_alias, addr_t *a);

/* coords.c */
void make_coord(world *w, rng *r, int vi, double tx, double ty, int fmt, sb *out, uint64_t *lab);
void deal_coord_formats(world *w, rng *r, const int *vil_of, int n, double share, const int *quota,
			int *fmt);

/* rows.c */
void row_free(row_t *rw);
void build_site_rows(world *w, rng *r);
void build_client_rows(world *w, rng *r);

/* writers.c */
void path_join(char *buf, size_t n, const char *dir, const char *name);
FILE *open_out(const char *dir, const char *name);
void close_out(FILE *f, const char *name);
void write_sites(world *w, const char *dir);
void write_clients(world *w, const char *dir);
void write_aliases(world *w, const char *dir);
void cpl_quiet(CPLErr cls, CPLErrorNum num, const char *msg);
OGRLayerH create_geojson(const char *dir, const char *name, OGRwkbGeometryType gtype,
			 const char *const *f, size_t nf, GDALDatasetH *ds);
void write_desa(world *w, const char *dir);

/* roads.c */
extern const char *const RCLASS[RC__COUNT];
void make_roads(world *w, roads_t *rd);
void write_roads(world *w, roads_t *rd, const char *dir);
void roads_free(roads_t *rd);

/* checks.c */
void check_world(world *w);

/* readme.c */
void write_readme(world *w, const char *dir);

#endif /* JK_DEMOGEN_H */
