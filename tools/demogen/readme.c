/* SPDX-License-Identifier: MIT */
/*
 * The README of the demo data set: what the province is, how it was made,
 * the files and their columns, the deliberate cases (coverage gaps, shared
 * names, old spellings, roads cut off), and counts of every truth label, all
 * computed from the world that was written.
 */
#include "demogen.h"

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
static void readme_roads(world *w, FILE *f)
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
			fprintf(f, "| %s | %d | %.1f |\n",
				c == RC_FERRY ? "(ferry: route=ferry)" : RCLASS[c], rd->n_by_cls[c],
				rd->km_by_cls[c]);
	fprintf(f, "\nCases built in on purpose:\n\n");
	fprintf(
	    f,
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

/* One row per regency: its districts, villages, sites, rows and clients. */
static void readme_regency_rows(const world *w, FILE *f)
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

/* Title, the notice that everything is fictional, and how the data was made. */
static void readme_intro(const world *w, FILE *f)
{
	int nkota = 0;

	for (int i = 0; i < w->nvil; i++)
		nkota += kab_of(w, i) == KAB_KOTA;
	fprintf(f, "# Demo data: Kepulauan Jangkau (fictional)\n\n");
	fprintf(f,
		"The demo data set bundled with jangkau: village boundaries, an address book of "
		"community-service work sites and a client register of a probation office (Bapas), "
		"with the ground truth for measuring geocoding and coverage, and a road network "
		"with a ferry for coverage by road.\n\n");
	fprintf(f,
		"**Everything here is fictional.** The province \"%s\" (code %s, which Kemendagri "
		"does not assign), its islands, regencies, districts and villages, their codes and "
		"postal codes, the roads, the sites, people and phone numbers are invented. Place "
		"names come "
		"from a syllable generator; the regency names Ranoweta, Ranoweta Utara and Ledo "
		"Ledo were made up by hand. Any resemblance to a real place, facility or person is "
		"coincidental. Phone numbers all have the form 0812-0000-NNNN.\n\n",
		PROV_NAMA, PROV_KODE);
	fprintf(f, "## How it was made\n\n");
	fprintf(
	    f,
	    "Generated by `tools/demogen/` (CMake target `jk_demogen`) with\n\n"
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
}

/* Where the islands are, and the regency and district tables. */
static void readme_region(world *w, FILE *f)
{
	double x0, x1, y0, y1;

	GEOSGeom_getXMin_r(w->gh, w->land, &x0);
	GEOSGeom_getXMax_r(w->gh, w->land, &x1);
	GEOSGeom_getYMin_r(w->gh, w->land, &y0);
	GEOSGeom_getYMax_r(w->gh, w->land, &y1);
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
	readme_regency_rows(w, f);
	fprintf(f, "| | **total** | | | %d | %d | %d | %d | %d |\n\n", w->nkec, w->nvil, w->nsite,
		w->nsrow, w->ncli);
	fprintf(f, "| kode_kec | kecamatan | regency / city | island | villages "
		   "|\n|---|---|---|---|---:|\n");
	for (int k = 0; k < w->nkec; k++)
		fprintf(f, "| %s | %s | %s | %s | %d |\n", w->kec[k].kode, w->kec[k].nm.s,
			w->kab[w->kec[k].kab].full, ISLAND_NAME[w->kec[k].island], w->kec[k].nvil);
}

/* The special places built in on purpose. */
static void readme_region_cases(world *w, FILE *f)
{
	double gap_small = gdist_km(w, w->island[ISL_SMALL], w->island[ISL_MAIN]);

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
}

/* The villages left without ready sites, and what a 5 km reach makes of them. */
static void readme_coverage(const world *w, FILE *f)
{
	int cls[4] = {0};

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
}

/* Counts of sites, statuses, coordinates and clients. */
static void readme_sites_clients(const world *w, FILE *f)
{
	int st[4] = {0}, anak = 0, sel = 0, nogap = 0, withc_s = 0, withc_c = 0, cols_s = 0;

	for (int i = 0; i < w->nsite; i++)
		st[w->site[i].status]++;
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
}

/* The files with their rows, sizes and content. */
static void readme_files(const world *w, const char *dir, FILE *f)
{
	static const char *const FILES[] = {
	    "desa.geojson",    "aliases.csv",	    "sites.csv",	 "clients.csv",
	    "truth_sites.csv", "truth_clients.csv", "jalan_demo.geojson"};

	fprintf(f, "## Files\n\n");
	fprintf(f, "CSV files: UTF-8 without BOM, comma-separated, RFC 4180 quoting (only where "
		   "needed), CRLF line ends, one header line, no line breaks inside fields. "
		   "`desa.geojson`: RFC 7946 (lon/lat, six decimals), layer `desa`.\n\n");
	fprintf(f, "| file | rows | bytes | content |\n|---|---:|---:|---|\n");
	{
		static const char *const what[] = {
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
}

/* Every truth label with its meaning and counts. */
static void readme_labels(const world *w, FILE *f)
{
	int ls[L__COUNT], lc[L__COUNT];

	count_labels(w->srow, w->nsrow, 1, ls);
	count_labels(w->crow, w->ncrow, 0, lc);
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
}

void write_readme(world *w, const char *dir)
{
	FILE *f = open_out(dir, "README.md");

	readme_intro(w, f);
	readme_region(w, f);
	readme_region_cases(w, f);
	readme_coverage(w, f);
	readme_roads(w, f);
	readme_sites_clients(w, f);
	readme_files(w, dir, f);
	readme_labels(w, f);
	close_out(f, "README.md");
}
