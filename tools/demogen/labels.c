/* SPDX-License-Identifier: MIT */
/*
 * Truth labels: the names and the README descriptions of every kind of
 * mess a row may carry (enum in demogen.h, one bit each), their
 * semicolon-separated form in the truth files, and dealing spelling
 * variants so that every variant occurs.
 */
#include "demogen.h"

const char *const LABEL[L__COUNT] = {"missing_kec",
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

const char *const LABEL_DOC[L__COUNT] = {
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

void labels_str(uint64_t l, sb *out)
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
void deal_variants(rng *r, int n, const wstr *t, size_t nt, int *out)
{
	for (int i = 0; i < n; i++)
		out[i] = i < (int)nt ? i : pick_wi(r, t, nt);
	rng_shuffle(r, out, n);
}
