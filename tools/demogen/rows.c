/* SPDX-License-Identifier: MIT */
/*
 * Rows: the address book of sites and the client register as an office
 * keeps them, built from the truth with their texts (status, ramah anak,
 * kegiatan, person in charge, phone, remarks, dates), addresses and
 * coordinates, in an office's order with duplicates and broken cells; each
 * row carries its truth labels.
 */
#include "demogen.h"

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

void row_free(row_t *rw)
{
	for (int i = 0; i < rw->nf; i++)
		free(rw->f[i]);
	rw->nf = 0;
}

/* For each item the variant of its text among the table of its class (no
 * table: left as it is), dealt per class so that every spelling occurs. */
static void deal_by_class(rng *r, const int *cls, int n, int ncls, const wtab *tabs, int *out)
{
	int *members = xcalloc((size_t)n, sizeof(int)), *v = xcalloc((size_t)n, sizeof(int));

	for (int c = 0; c < ncls; c++) {
		int m = 0;

		for (int i = 0; i < n; i++)
			if (cls[i] == c)
				members[m++] = i;
		if (m == 0 || !tabs[c].t)
			continue;
		deal_variants(r, m, tabs[c].t, tabs[c].n, v);
		for (int i = 0; i < m; i++)
			out[members[i]] = v[i];
	}
	free(members);
	free(v);
}

/* The address and coordinate cells of a row, fields at..at+4: alamat,
 * desa_kelurahan, kecamatan, kabupaten_kota, koordinat. The first row of a
 * village with an old spelling uses it. */
static void row_place(world *w, rng *r, row_t *rw, int at, int vi, int client, double lon,
		      double lat, int fmt, char *alias_done, sb *t)
{
	addr_t a = {0};

	make_address(w, r, vi, client, !alias_done[vi], &a);
	alias_done[vi] = 1;
	rw->labels |= a.labels;
	row_set(rw, at, sb_str(&a.alamat));
	row_set(rw, at + 1, a.desa);
	row_set(rw, at + 2, a.kec);
	row_set(rw, at + 3, a.kab);
	make_coord(w, r, vi, lon, lat, fmt, t, &rw->labels);
	row_set(rw, at + 4, sb_str(t));
	sb_free(&a.alamat);
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

static const wtab STATUS_V[4] = {WTAB(SIAP_V), WTAB(BELUM_V), WTAB(NON_V), WTAB(UNK_V)};

/* What is dealt over the rows of the address book before they are built. */
typedef struct site_deal {
	int *ord;	 /* the site of each row */
	int *fmt;	 /* the coordinate format of each row */
	int *stv, *rav;	 /* the variants of its status and ramah_anak texts */
	int broken_name; /* the row without a name */
} site_deal;

/* The order of the address book: rows grouped by regency (city first),
 * inside a block by district with rows shuffled, about 15% of each block
 * moved to its end (entries added later). */
static void site_order(world *w, rng *r, int *ord)
{
	static const int kab_order[3] = {KAB_KOTA, KAB_RANOWETA, KAB_UTARA};
	int n = w->nsite, no = 0;

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
}

/* The order, then per-row choices dealt over it: coordinate formats by
 * quota, status and ramah_anak spellings per class, the row without a
 * name (never one of unknown status). Free with site_deal_release. */
static void site_deal_init(world *w, rng *r, site_deal *dl)
{
	static const int quota[CF_BROKEN + 1] = {0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2};
	static const wtab RAMAH_V[3] = {WTAB(YA_V), WTAB(TDK_V), {NULL, 0}};
	int n = w->nsite, q[CF_BROKEN + 1];
	int *vil_of = xcalloc((size_t)n, sizeof(int));
	int *cls = xcalloc((size_t)n, sizeof(int)), *rcls = xcalloc((size_t)n, sizeof(int));

	dl->ord = xcalloc((size_t)n, sizeof(int));
	dl->fmt = xcalloc((size_t)n, sizeof(int));
	dl->stv = xcalloc((size_t)n, sizeof(int));
	dl->rav = xcalloc((size_t)n, sizeof(int));
	site_order(w, r, dl->ord);
	memcpy(q, quota, sizeof(q));
	q[CF_COMMA] = (int)lround(0.08 * 0.6 * n);
	q[CF_SWAP] = (int)lround(0.075 * 0.6 * n);
	q[CF_DMS] = (int)lround(0.075 * 0.6 * n);
	q[CF_DDM] = 3;
	q[CF_NOMINUS] = 3;
	for (int i = 0; i < n; i++)
		vil_of[i] = w->site[dl->ord[i]].vil;
	deal_coord_formats(w, r, vil_of, n, 0.60, q, dl->fmt);
	for (int i = 0; i < n; i++) {
		const site_t *s = &w->site[dl->ord[i]];

		cls[i] = s->status;
		rcls[i] = s->ramah < 0 ? 2 : s->ramah ? 0 : 1;
	}
	deal_by_class(r, cls, n, 4, STATUS_V, dl->stv);
	deal_by_class(r, rcls, n, 3, RAMAH_V, dl->rav);
	do
		dl->broken_name = rng_int(r, 0, n - 1);
	while (w->site[dl->ord[dl->broken_name]].status == ST_UNKNOWN);
	free(vil_of);
	free(cls);
	free(rcls);
}

static void site_deal_release(site_deal *dl)
{
	free(dl->ord);
	free(dl->fmt);
	free(dl->stv);
	free(dl->rav);
}

/* Row i of the address book. */
static void site_row(world *w, rng *r, const site_deal *dl, int i, char *alias_done, sb *t,
		     row_t *rw)
{
	const site_t *s = &w->site[dl->ord[i]];
	char num[16];

	rw->src = dl->ord[i];
	row_place(w, r, rw, 3, s->vil, 0, s->lon, s->lat, dl->fmt[i], alias_done, t);
	sfmt(num, sizeof(num), "%d", i + 1);
	row_set(rw, 0, num);
	if (i == dl->broken_name) {
		row_set(rw, 1, "");
		rw->labels |= LB(L_BROKEN_NAME);
	} else {
		row_set(rw, 1, s->nama);
	}
	row_set(rw, 2, s->jenis);
	row_set(rw, 8, STATUS_V[s->status].t[dl->stv[i]].s);
	if (s->status == ST_UNKNOWN)
		rw->labels |= LB(L_BROKEN_STATUS);
	sb_clear(t);
	if (rng_chance(r, 0.05)) {
		sb_addf(t, "%d orang", s->kap);
		rw->labels |= LB(L_KAPASITAS_TEXT);
	} else if (!rng_chance(r, 0.10 / 0.95)) {
		sb_addf(t, "%d", s->kap);
	}
	row_set(rw, 9, sb_str(t));
	kegiatan_text(r, s->type, t);
	row_set(rw, 10, sb_str(t));
	row_set(rw, 11, s->ramah < 0 ? "" : s->ramah ? YA_V[dl->rav[i]].s : TDK_V[dl->rav[i]].s);
	pj_text(r, s->type, t);
	row_set(rw, 12, sb_str(t));
	phone_text(r, t);
	row_set(rw, 13, sb_str(t));
	keterangan_text(w, r, s, t);
	row_set(rw, 14, sb_str(t));
}

/* The n rows with four exact duplicates, each right after its original or
 * 2-6 rows later (never of the row without a name); *nrow gets n + 4. */
static row_t *add_duplicates(rng *r, const row_t *rows, int n, int broken_name, int *nrow)
{
	int dup_pos[4], dup_off[4], m = 0;
	row_t *out;

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
	out = xcalloc((size_t)n + 4, sizeof(row_t));
	for (int i = 0; i < n; i++) {
		out[m++] = rows[i];
		for (int d = 0; d < 4; d++)
			if (dup_pos[d] + dup_off[d] == i) {
				row_t *c = &out[m++];
				const row_t *o = &rows[dup_pos[d]];

				memset(c, 0, sizeof(*c));
				for (int f = 0; f < o->nf; f++)
					row_set(c, f, o->f[f]);
				c->labels = o->labels | LB(L_DUPLICATE);
				c->src = o->src;
			}
	}
	*nrow = m;
	return out;
}

/* The address book: rows in an office's order, four exact duplicate rows,
 * one row without a name, two rows of unknown status. */
void build_site_rows(world *w, rng *r)
{
	int n = w->nsite;
	row_t *rows = xcalloc((size_t)n, sizeof(row_t));
	char alias_done[MAXV] = {0}; /* an old spelling is used at least once */
	site_deal dl;
	sb t = {0};

	site_deal_init(w, r, &dl);
	for (int i = 0; i < n; i++)
		site_row(w, r, &dl, i, alias_done, &t, &rows[i]);
	w->srow = add_duplicates(r, rows, n, dl.broken_name, &w->nsrow);
	site_deal_release(&dl);
	sb_free(&t);
	free(rows);
}

static const wstr ADULT_V[] = {{"Pidana Kerja Sosial", 50},
			       {"pidana kerja sosial", 15},
			       {"Kerja Sosial", 15},
			       {"PIDANA KERJA SOSIAL", 20}};
static const wstr CHILD_V[] = {{"Pidana Pelayanan Masyarakat", 50},
			       {"Pelayanan Masyarakat", 20},
			       {"pidana pelayanan masyarakat", 15},
			       {"PIDANA PELAYANAN MASYARAKAT", 15}};
static const wstr ANAK_Y[] = {{"ya", 40}, {"Ya", 25}, {"YA", 20}, {"Y", 15}};
static const wstr ANAK_T[] = {{"tidak", 45}, {"Tidak", 25}, {"TIDAK", 15}, {"T", 8}, {"tdk", 7}};
static const wstr AKTIF_V[] = {{"aktif", 40}, {"Aktif", 30}, {"AKTIF", 15}, {"aktif ", 15}};
static const wstr SELESAI_V[] = {
    {"selesai", 35}, {"Selesai", 35}, {"SELESAI", 15}, {"Selesai.", 15}};
/* The date formats: DD/MM/2026 (the default), then each labelled one. */
static const wstr DATEF[] = {{"", 55}, {"", 15}, {"", 10}, {"", 12}, {"", 8}};

/* What is dealt over the client rows before they are built. */
typedef struct client_deal {
	int *fmt;	   /* the coordinate format of each row */
	int *jv, *av, *sv; /* the variants of its jenis, anak and status texts */
	int *dv;	   /* its date format (DATEF) */
	int broken_date;   /* the row with an impossible date */
} client_deal;

/* Per-row choices: the row with a broken date, coordinate formats by
 * quota, spellings per class, date formats. Free with client_deal_release. */
static void client_deal_init(world *w, rng *r, client_deal *dl)
{
	static const int quota[CF_BROKEN + 1] = {0, 0, 2, 2, 2, 1, 1, 1, 0, 0, 0};
	static const wtab JENIS_V[2] = {WTAB(ADULT_V), WTAB(CHILD_V)};
	static const wtab ANAK_V[2] = {WTAB(ANAK_T), WTAB(ANAK_Y)};
	static const wtab STATUS_C[2] = {WTAB(AKTIF_V), WTAB(SELESAI_V)};
	int n = w->ncli, *vil_of = xcalloc((size_t)n, sizeof(int));
	int *cls = xcalloc((size_t)n, sizeof(int));

	dl->fmt = xcalloc((size_t)n, sizeof(int));
	dl->jv = xcalloc((size_t)n, sizeof(int));
	dl->av = xcalloc((size_t)n, sizeof(int));
	dl->sv = xcalloc((size_t)n, sizeof(int));
	dl->dv = xcalloc((size_t)n, sizeof(int));
	dl->broken_date = rng_int(r, 10, n - 1);
	for (int i = 0; i < n; i++)
		vil_of[i] = w->cli[i].vil;
	deal_coord_formats(w, r, vil_of, n, 0.25, quota, dl->fmt);
	for (int i = 0; i < n; i++)
		cls[i] = w->cli[i].anak;
	deal_by_class(r, cls, n, 2, JENIS_V, dl->jv);
	deal_by_class(r, cls, n, 2, ANAK_V, dl->av);
	for (int i = 0; i < n; i++)
		cls[i] = w->cli[i].selesai;
	deal_by_class(r, cls, n, 2, STATUS_C, dl->sv);
	deal_variants(r, n, DATEF, NELEM(DATEF), dl->dv);
	free(vil_of);
	free(cls);
}

static void client_deal_release(client_deal *dl)
{
	free(dl->fmt);
	free(dl->jv);
	free(dl->av);
	free(dl->sv);
	free(dl->dv);
}

static void jam_text(rng *r, int jam, sb *t)
{
	sb_clear(t);
	switch (pick_wi(r, (const wstr[]){{"", 70}, {"", 20}, {"", 10}}, 3)) {
	case 0:
		sb_addf(t, "%d", jam);
		break;
	case 1:
		sb_addf(t, "%d jam", jam);
		break;
	default:
		sb_addf(t, "%d Jam", jam);
		break;
	}
}

/* The start date of a client in date format f (DATEF); returns its label,
 * or -1 for the default format. */
static int date_text(int day, int f, sb *t)
{
	static const char *const MONTH[] = {"Januari",	 "Februari", "Maret",	 "April",
					    "Mei",	 "Juni",     "Juli",	 "Agustus",
					    "September", "Oktober",  "November", "Desember"};
	static const char *const MON3[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
					   "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
	static const int DL[] = {-1, L_DATE_ISO, L_DATE_DMY_SHORT, L_DATE_TEXT, L_DATE_EXCEL};
	int m, d;

	day_to_date(day, &m, &d);
	sb_clear(t);
	switch (f) {
	case 0:
		sb_addf(t, "%02d/%02d/2026", d, m);
		break;
	case 1:
		sb_addf(t, "2026-%02d-%02d", m, d);
		break;
	case 2:
		sb_addf(t, "%d-%d-2026", d, m);
		break;
	case 3:
		sb_addf(t, "%d %s 2026", d, MONTH[m - 1]);
		break;
	default:
		sb_addf(t, "%02d-%s-26", d, MON3[m - 1]);
		break;
	}
	return DL[f];
}

/* Row i of the client register. */
static void client_row(world *w, rng *r, const client_deal *dl, int i, char *alias_done, sb *t,
		       row_t *rw)
{
	const client_t *c = &w->cli[i];

	rw->src = i;
	row_place(w, r, rw, 1, c->vil, 1, c->lon, c->lat, dl->fmt[i], alias_done, t);
	row_set(rw, 0, c->id);
	row_set(rw, 6, c->anak ? CHILD_V[dl->jv[i]].s : ADULT_V[dl->jv[i]].s);
	row_set(rw, 7, c->anak ? ANAK_Y[dl->av[i]].s : ANAK_T[dl->av[i]].s);
	jam_text(r, c->jam, t);
	row_set(rw, 8, sb_str(t));
	if (i == dl->broken_date) {
		sb_clear(t);
		sb_add(t, "31/02/2026");
		rw->labels |= LB(L_BROKEN_DATE);
	} else {
		int l = date_text(c->day, dl->dv[i], t);

		if (l >= 0)
			rw->labels |= LB(l);
	}
	row_set(rw, 9, sb_str(t));
	row_set(rw, 10, c->selesai ? SELESAI_V[dl->sv[i]].s : AKTIF_V[dl->sv[i]].s);
}

void build_client_rows(world *w, rng *r)
{
	char alias_done[MAXV] = {0};
	client_deal dl;
	sb t = {0};

	client_deal_init(w, r, &dl);
	w->crow = xcalloc((size_t)w->ncli, sizeof(row_t));
	w->ncrow = w->ncli;
	for (int i = 0; i < w->ncli; i++)
		client_row(w, r, &dl, i, alias_done, &t, &w->crow[i]);
	client_deal_release(&dl);
	sb_free(&t);
}
