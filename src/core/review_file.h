/* SPDX-License-Identifier: MIT */
/*
 * The review file: the rows the geocoder leaves to a person. The geocode
 * step writes it (jk_geocode_review(), src/geocode/review.c); a planner
 * fills in kode_desa_pilihan in Excel or LibreOffice; the import step reads
 * it back (jk_import_decisions(), decisions.c). The column names are the
 * contract between the two and with the planner, so they are defined once,
 * here, beside the reader.
 *
 * Columns, in the order written (README.md, "The review loop"):
 *   jenis_baris berkas lembar baris          which source row: lokasi|klien,
 *                                            the file's base name, sheet,
 *                                            row as the spreadsheet shows it
 *   id nama alamat desa_kelurahan kecamatan kabupaten_kota koordinat
 *                                            the row as written (id: the
 *                                            site's no, or the client id)
 *   presisi_jangkau kode_desa_jangkau desa_jangkau
 *                                            what jangkau decided
 *   alasan                                   why a person must decide
 *   kode_desa_pilihan catatan_pilihan        the planner's choice and note
 *   kandidat_1 .. kandidat_N                 "KODE Desa (Kecamatan,
 *                                            Kabupaten) 1,2 km"
 *   catatan_jangkau reason row_hash          the geocoder's note, the
 *                                            reason in English, the row's
 *                                            content identity
 * The reader needs jenis_baris, berkas, baris and kode_desa_pilihan; it
 * takes lembar, catatan_pilihan and row_hash when present.
 */
#ifndef JK_REVIEW_FILE_H
#define JK_REVIEW_FILE_H

#define JK_RV_KIND "jenis_baris"
#define JK_RV_FILE "berkas"
#define JK_RV_SHEET "lembar"
#define JK_RV_ROW "baris"
#define JK_RV_CHOICE "kode_desa_pilihan"
#define JK_RV_CHOICE_NOTE "catatan_pilihan"
#define JK_RV_HASH "row_hash"
#define JK_RV_CAND "kandidat_" /* + 1 .. N */

/* The values of jenis_baris. */
#define JK_RV_SITE "lokasi"
#define JK_RV_CLIENT "klien"

/* At most this many candidates per row; the villages of a district are
 * offered only when it has no more. */
#define JK_RV_MAX_CAND 12

/*
 * The store row now at a key, for the statement's parameters ?1 src_row,
 * ?2 src_sheet and ?3 the file's base name (a file imported from another
 * directory under the same name is the same file): of the rows at that
 * position the one inserted last, since a site whose row was edited is a
 * new site and the old one stays in the store. @p id is the table's rowid
 * (site_id), @p cols the columns to select.
 */
#define JK_RV_AT_KEY_SQL(table, id, cols)                                   \
	"SELECT " cols " FROM " table " WHERE src_row=?1 AND src_sheet=?2" \
	" AND (src_file=?3 OR substr(src_file, -length(?3) - 1)='/' || ?3)" \
	" ORDER BY " id " DESC LIMIT 1"

#endif /* JK_REVIEW_FILE_H */
