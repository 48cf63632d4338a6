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
void build_site_rows(world *w, rng *r)
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

void build_client_rows(world *w, rng *r)
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
