/* SPDX-License-Identifier: MIT */
/*
 * The true work sites: per village a count and a mix of types (offices
 * first), a name and the office's wording of its type, a true status
 * following the coverage design, a capacity, and a point drawn inside the
 * village; then ready sites are kept away from the far-end villages.
 */
#include "demogen.h"

/* A point in a village, at least 60 m (sites) or 40 m (homes) inside it:
 * a part drawn with weight area^1.5 (or the part asked for), then a normal
 * draw around its centre. */
void sample_point(world *w, rng *r, int vi, int home, int want_islet, double *x, double *y)
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

/* The office's wordings of each site type, by weight. */
static const wstr J_MASJID[] = {
    {"Masjid", 60}, {"masjid", 10}, {"Mesjid", 10}, {"Tempat Ibadah", 12}, {"Rumah Ibadah", 8}};
static const wstr J_MUSHOLLA[] = {
    {"Musholla", 55}, {"Mushola", 20}, {"Langgar", 10}, {"Tempat Ibadah", 15}};
static const wstr J_GEREJA[] = {{"Gereja", 70}, {"Tempat Ibadah", 15}, {"Rumah Ibadah", 15}};
static const wstr J_SEKOLAH[] = {
    {"Sekolah", 40}, {"", 35}, {"Pendidikan", 15}, {"Fasilitas Pendidikan", 10}};
static const wstr J_KDESA[] = {
    {"Kantor Desa", 50}, {"Balai Desa", 25}, {"Kantor Pemerintahan", 15}, {"Kantor", 10}};
static const wstr J_KLURAH[] = {
    {"Kantor Lurah", 45}, {"Kantor Kelurahan", 30}, {"Kantor Pemerintahan", 15}, {"Kantor", 10}};
static const wstr J_KCAMAT[] = {
    {"Kantor Camat", 50}, {"Kantor Kecamatan", 35}, {"Kantor Pemerintahan", 15}};
static const wstr J_PKM[] = {{"Puskesmas", 70}, {"Faskes", 15}, {"Fasilitas Kesehatan", 15}};
static const wstr J_POS[] = {{"Posyandu", 75}, {"Faskes", 10}, {"Fasilitas Kesehatan", 15}};
static const wstr J_PASAR[] = {{"Pasar", 75}, {"pasar", 15}, {"Fasum", 10}};
static const wstr J_PANTAI[] = {{"Pantai", 65}, {"Objek Wisata", 35}};
static const wstr J_LAP[] = {{"Lapangan", 70}, {"Fasum", 15}, {"Ruang Publik", 15}};
static const wstr J_TPU[] = {{"TPU", 50}, {"Pemakaman", 30}, {"Kuburan", 20}};
static const wstr J_TAMAN[] = {{"Taman", 55}, {"RTH", 25}, {"Ruang Publik", 20}};
static const wstr J_PEL[] = {{"Pelabuhan", 55}, {"Dermaga", 30}, {"Fasum", 15}};

static const wtab JENIS[T__COUNT] = {[T_MASJID] = WTAB(J_MASJID),
				     [T_MUSHOLLA] = WTAB(J_MUSHOLLA),
				     [T_GEREJA] = WTAB(J_GEREJA),
				     [T_SEKOLAH] = WTAB(J_SEKOLAH),
				     [T_KANTOR_DESA] = WTAB(J_KDESA),
				     [T_KANTOR_LURAH] = WTAB(J_KLURAH),
				     [T_KANTOR_CAMAT] = WTAB(J_KCAMAT),
				     [T_PUSKESMAS] = WTAB(J_PKM),
				     [T_POSYANDU] = WTAB(J_POS),
				     [T_PASAR] = WTAB(J_PASAR),
				     [T_PANTAI] = WTAB(J_PANTAI),
				     [T_LAPANGAN] = WTAB(J_LAP),
				     [T_TPU] = WTAB(J_TPU),
				     [T_TAMAN] = WTAB(J_TAMAN),
				     [T_PELABUHAN] = WTAB(J_PEL)};

static const char *jenis_pick(rng *r, int type)
{
	return pick_w(r, JENIS[type].t, JENIS[type].n);
}

/* A school: its level, its number among the regency's schools of that
 * level, and the regency or district it is named after; an empty wording
 * of the type means the level itself. */
static void school_name(world *w, rng *r, site_t *s, int school_no[3][4])
{
	static const wstr LEVEL[] = {{"SD", 50}, {"SMP", 25}, {"SMA", 15}, {"SMK", 10}};
	const vil_t *v = &w->vil[s->vil];
	const kec_t *k = &w->kec[v->kec];
	int lv = pick_wi(r, LEVEL, NELEM(LEVEL)), num = ++school_no[k->kab][lv];
	const char *place = rng_chance(r, 0.7) ? w->kab[k->kab].base : k->nm.s;
	const char *j = jenis_pick(r, T_SEKOLAH);

	if (lv == 0 && rng_chance(r, 0.15))
		sfmt(s->nama, sizeof(s->nama), "SD Inpres %s", v->nm.s);
	else if (rng_chance(r, 0.6))
		sfmt(s->nama, sizeof(s->nama), "%s Negeri %d %s", LEVEL[lv].s, num, place);
	else
		sfmt(s->nama, sizeof(s->nama), "%sN %d %s", LEVEL[lv].s, num, place);
	scopy(s->jenis, sizeof(s->jenis), j[0] ? j : LEVEL[lv].s);
}

/* Houses of worship. */
static void worship_name(rng *r, site_t *s, const char *vn)
{
	char *o = s->nama;
	size_t n = sizeof(s->nama);

	switch (s->type) {
	case T_MASJID:
		if (rng_chance(r, 0.2))
			sfmt(o, n, "Masjid %s %s", PICK(r, MASJID_NAMES), vn);
		else
			sfmt(o, n, "Masjid %s", PICK(r, MASJID_NAMES));
		break;
	case T_MUSHOLLA:
		sfmt(o, n, "Musholla %s", PICK(r, MUSHOLLA_NAMES));
		break;
	default:
		if (rng_chance(r, 0.7))
			sfmt(o, n, "Gereja Jemaat %s %s", PICK(r, JEMAAT), vn);
		else
			sfmt(o, n, "Gereja Katolik St. %s",
			     rng_chance(r, 0.5) ? "Yosef" : "Petrus");
	}
}

/* Village, kelurahan and district offices, and health posts. */
static void office_name(world *w, rng *r, site_t *s)
{
	const vil_t *v = &w->vil[s->vil];
	const char *vn = v->nm.s, *kn = w->kec[v->kec].nm.s;
	char *o = s->nama;
	size_t n = sizeof(s->nama);

	switch (s->type) {
	case T_KANTOR_DESA:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Kantor Desa" : "Balai Desa", vn);
		break;
	case T_KANTOR_LURAH:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Kantor Lurah" : "Kantor Kelurahan", vn);
		break;
	case T_KANTOR_CAMAT:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Kantor Camat" : "Kantor Kecamatan", kn);
		break;
	case T_PUSKESMAS:
		if (v->is_capital && rng_chance(r, 0.7))
			sfmt(o, n, "Puskesmas %s", kn);
		else
			sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Puskesmas Pembantu" : "Pustu",
			     vn);
		break;
	default:
		if (rng_chance(r, 0.3))
			sfmt(o, n, "Posyandu %s %s", PICK(r, FLOWERS), vn);
		else
			sfmt(o, n, "Posyandu %s", PICK(r, FLOWERS));
	}
}

/* Markets, beaches, fields, cemeteries, parks and ports. */
static void place_name(world *w, rng *r, site_t *s)
{
	static const char *const L[] = {"Lapangan Voli", "Lapangan Sepak Bola", "Lapangan"};
	const vil_t *v = &w->vil[s->vil];
	const char *vn = v->nm.s;
	int city = kab_of(w, s->vil) == KAB_KOTA;
	char *o = s->nama;
	size_t n = sizeof(s->nama);

	switch (s->type) {
	case T_PASAR:
		if (city && rng_chance(r, 0.4))
			sfmt(o, n, "Pasar Sentral %s", vn);
		else if (v->coastal && rng_chance(r, 0.3))
			sfmt(o, n, "Pasar Ikan %s", vn);
		else
			sfmt(o, n, "Pasar %s", vn);
		break;
	case T_PANTAI:
		if (s->on_islet)
			sfmt(o, n, "Pantai Gusung %s", vn);
		else if (rng_chance(r, 0.5))
			sfmt(o, n, "Pantai %s Indah", vn);
		else
			sfmt(o, n, "Pantai Pasir Putih %s", vn);
		break;
	case T_LAPANGAN:
		sfmt(o, n, "%s %s", PICK(r, L), vn);
		break;
	case T_TPU:
		sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "TPU" : "Pemakaman Umum", vn);
		break;
	case T_TAMAN:
		if (city && v->is_capital)
			sfmt(o, n, "Taman Kota %s", w->kab[KAB_KOTA].base);
		else
			sfmt(o, n, "%s %s", rng_chance(r, 0.6) ? "Taman" : "RTH", vn);
		break;
	default:
		if (v->island == ISL_SMALL || city)
			sfmt(o, n, "Pelabuhan Penyeberangan %s", vn);
		else
			sfmt(o, n, "%s %s", rng_chance(r, 0.5) ? "Dermaga" : "Pelabuhan Perikanan",
			     vn);
	}
}

/* Site name and the office's wording of its type. */
static void site_name(world *w, rng *r, site_t *s, int school_no[3][4])
{
	switch (s->type) {
	case T_SEKOLAH:
		school_name(w, r, s, school_no);
		return;
	case T_MASJID:
	case T_MUSHOLLA:
	case T_GEREJA:
		worship_name(r, s, w->vil[s->vil].nm.s);
		break;
	case T_KANTOR_DESA:
	case T_KANTOR_LURAH:
	case T_KANTOR_CAMAT:
	case T_PUSKESMAS:
	case T_POSYANDU:
		office_name(w, r, s);
		break;
	case T_PASAR:
	case T_PANTAI:
	case T_LAPANGAN:
	case T_TPU:
	case T_TAMAN:
	case T_PELABUHAN:
		place_name(w, r, s);
		break;
	default:
		die("internal: site type");
	}
	scopy(s->jenis, sizeof(s->jenis), jenis_pick(r, s->type));
}

void make_sites(world *w, rng *r)
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
void isolate_village(world *w, int vi, double km)
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
