/* SPDX-License-Identifier: MIT */
/*
 * Parsers for the cell values of an office spreadsheet: coordinates in the
 * many ways people write them, readiness status, yes/no, capacity, sentence
 * hours, dates and site types, and the mapping of column headers
 * (Indonesian, with English aliases) to canonical fields.
 * Pure functions: no I/O, no global state.
 */
#ifndef JK_PARSE_H
#define JK_PARSE_H

#include <stddef.h>

#include "jangkau/jangkau.h"

/* ---- coordinates ---- */

/* Flags describing how a coordinate was written / interpreted. */
#define JK_COORD_DECIMAL_COMMA 0x01 /* "-5,4712; 122,6133" */
#define JK_COORD_SWAPPED 0x02       /* written lon, lat; swapped back */
#define JK_COORD_DMS 0x04           /* degrees minutes seconds */
#define JK_COORD_DDM 0x08           /* degrees decimal-minutes "S5 28.271 E122 36.806" */
#define JK_COORD_HEMI 0x10          /* hemisphere letters LS/LU/BT/BB/S/N/E/W given */
#define JK_COORD_ZERO 0x20          /* 0,0: parsed, but certainly wrong */

/*
 * Parses a coordinate pair. Accepts "lat, lon" (separators ", " "," " , "
 * " " ";"), decimal commas, DMS with LS/LU/BT/BB or S/N/E/W, DDM, and
 * swapped "lon, lat" (detected from ranges: a value outside [-90, 90], or,
 * in Indonesia, the value in 94..142 is the longitude).
 * On success returns 0 with *lat, *lon in degrees (WGS84) and *flags set.
 * Returns 1 for an empty cell (nothing written). Returns -1 when the text
 * is not a coordinate pair, with a short reason in @p why (lowercase, no
 * final period), e.g. "'-5.47.12 , 122.61.33' is not a coordinate pair".
 */
int jk_coord_parse(const char *s, double *lat, double *lon, int *flags,
		   char *why, size_t whylen);

/* ---- values ---- */

/* Site readiness. */
typedef enum jk_site_status {
	JK_SITE_UNKNOWN = 0,
	JK_SITE_READY,     /* Siap, siap, SIAP, "Siap ", ready */
	JK_SITE_NOT_READY, /* Belum Siap, belum, blm siap, not ready */
	JK_SITE_INACTIVE   /* Nonaktif, Non Aktif, Tidak Aktif, inactive */
} jk_site_status;

/* Returns the status, or -1 for text that is no known value ("?",
 * "cek lagi", "Siap/Belum", ...). Empty text gives -1 too. */
int jk_site_status_parse(const char *s);
/* "ready", "not_ready", "inactive", "unknown" */
const char *jk_site_status_name(int st);

/* Yes/no: "ya", "Y", "iya", "yes", "true", "1" -> 1; "tidak", "tdk", "T",
 * "no", "N", "false", "0" -> 0; empty -> -2 (blank); other -> -1. */
int jk_yesno_parse(const char *s);

/* Client status: "aktif" (any case, trailing dot/space) -> 1, "selesai" ->
 * 0, "active"/"finished"/"done" too; other -> -1. */
int jk_client_status_parse(const char *s);

/* Sentence type: "Pidana Kerja Sosial"/"Kerja Sosial" (any case) -> 1
 * (adult), "Pidana Pelayanan Masyarakat"/"Pelayanan Masyarakat" -> 2
 * (child); other -> -1; empty -> 0. */
int jk_pidana_parse(const char *s);

/* Integer with an optional unit word: "3", "3 orang", "120 jam", "120 Jam".
 * Returns 0 with *out set, 1 for empty, -1 for anything else. */
int jk_int_parse(const char *s, long *out);

/* Dates: "12/03/2026", "2026-03-12", "12-3-2026", "12 Maret 2026",
 * "12-Mar-26" (Indonesian and English month names and abbreviations:
 * Mei, Agu/Agt, Okt, Des ...). Writes ISO "YYYY-MM-DD" into @p iso (at least
 * 11 bytes). Returns 0, 1 for empty, -1 for unparseable or impossible dates. */
int jk_date_parse(const char *s, char *iso, size_t isolen);

/* Canonical site type from the office's wording: masjid, musholla, gereja,
 * pura, vihara, klenteng, sekolah, kantor_desa, kantor_lurah, kantor_camat,
 * kantor, puskesmas, posyandu, faskes, pasar, pantai, wisata, lapangan, tpu,
 * taman, pelabuhan, fasum; "lainnya" when unknown; NULL for empty input.
 * Static storage. @p nama (the site name, may be NULL) disambiguates vague
 * types ("Tempat Ibadah" + "Gereja ..." -> gereja, "Kantor Pemerintahan" +
 * "Kantor Lurah X" -> kantor_lurah, "Pendidikan" -> sekolah). */
const char *jk_jenis_canonical(const char *jenis, const char *nama);

/* ---- column headers ---- */

/* Canonical fields of the site and client tables. */
typedef enum jk_field {
	JK_F_NONE = 0,
	/* sites */
	JK_F_NO, JK_F_NAMA, JK_F_JENIS, JK_F_ALAMAT, JK_F_DESA, JK_F_KEC,
	JK_F_KAB, JK_F_KOORDINAT, JK_F_LAT, JK_F_LON, JK_F_STATUS,
	JK_F_KAPASITAS, JK_F_KEGIATAN, JK_F_ANAK_OK, JK_F_PJ, JK_F_TELEPON,
	JK_F_KETERANGAN,
	/* clients */
	JK_F_ID_KLIEN, JK_F_ALAMAT_RUMAH, JK_F_KOORDINAT_RUMAH,
	JK_F_JENIS_PIDANA, JK_F_ANAK, JK_F_JAM, JK_F_TANGGAL_MULAI,
	JK_F__COUNT
} jk_field;

/* Which table a header is looked up for. */
#define JK_TABLE_SITES 1
#define JK_TABLE_CLIENTS 2

/*
 * Maps a column header to a field, case- and punctuation-insensitively, with
 * Indonesian names and English aliases: e.g. sites: "nama_lokasi", "Nama
 * Lokasi", "name", "site name"; "alamat"/"address"; "desa_kelurahan"/"desa"/
 * "kelurahan"/"village"; "kecamatan"/"district"; "kabupaten_kota"/
 * "kabupaten"/"kota"/"regency"/"city"; "koordinat"/"coordinates"/"lat,lon";
 * "lat"/"latitude"/"lintang"; "lon"/"lng"/"longitude"/"bujur"; "status";
 * "kapasitas"/"capacity"; "kegiatan"/"activities"; "ramah_anak"/
 * "child_friendly"/"children"; "penanggung_jawab"/"contact"/"pic";
 * "telepon"/"telp"/"phone"/"hp"; "keterangan"/"remarks"/"notes"/"catatan".
 * clients: "id_klien"/"client_id"/"id"; "alamat_rumah"/"alamat"/
 * "home_address"/"address"; "koordinat_rumah"/"koordinat"/"home_coordinates";
 * "jenis_pidana"/"sentence"; "anak"/"child"; "jam_pidana"/"jam"/"hours";
 * "tanggal_mulai"/"start_date"; "status"; lat/lon and desa/kec/kab as sites.
 * Returns JK_F_NONE for unknown headers.
 */
jk_field jk_field_from_header(int table, const char *header);

/*
 * Writes the header names accepted for field @p f of @p table, quoted and
 * comma-separated ("'alamat', 'address', 'alamat lokasi', ..."), into
 * @p out (truncated to @p outlen, always terminated). Returns the length
 * written; 0 when the field has no header of that table.
 */
size_t jk_field_headers(int table, jk_field f, char *out, size_t outlen);

/* The canonical Indonesian name of a field ("nama_lokasi", "koordinat", ...)
 * used in messages. Static storage. */
const char *jk_field_name(jk_field f);

/* jk_kode_level(): the level of a region code, public (jangkau.h). */

#endif /* JK_PARSE_H */
