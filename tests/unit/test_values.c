/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the value parsers of parse.h other than coordinates:
 * readiness status, yes/no, client status, sentence type, integers with
 * units, dates, canonical site types, and the column-header mapping. A
 * data-driven case reads the Bapas Baubau field book below JK_SHARED_DIR
 * and compares every status, ramah_anak, kapasitas and jenis cell of the
 * sites, and every date, jam, status, anak and jenis_pidana cell of the
 * clients with the truth files.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "core/parse.h"
#include "fixture.h"

#ifndef JK_SHARED_DIR
#error "JK_SHARED_DIR (the folder holding data/) must be defined"
#endif

#define FIELDBOOK JK_SHARED_DIR "/data/fieldbook/"

/* ------------------------------------------------------------------ */
/* site status */

#define STATUS_IS(s, want)                                                   \
	ck_assert_msg(jk_site_status_parse(s) == (want),                     \
		      "status '%s': got %d want %d", (s) ? (s) : "(null)",   \
		      jk_site_status_parse(s), (int)(want))

/* Region codes by level, and what is not one (the CLI's --kabupaten and
 * --kecamatan, --area and the boundary import check codes with it). */
START_TEST(test_kode_level)
{
	static const struct {
		const char *kode;
		int level;
	} cases[] = {
		{"74", 1}, {"74.72", 2}, {"74.72.01", 3}, {"74.72.01.1001", 4},
		{"", 0}, {"7", 0}, {"74.", 0}, {".72", 0}, {"7472", 0},
		{"74.7", 0}, {"74.72.1", 0}, {"74.72.01.100", 0}, {"74.72.01.10011", 0},
		{"ab.cd", 0}, {"74-72", 0}, {"74.72.01.1001.1", 0}, {"74,72", 0},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(jk_kode_level(cases[i].kode) == cases[i].level,
			      "'%s': %d, not %d", cases[i].kode,
			      jk_kode_level(cases[i].kode), cases[i].level);
}
END_TEST

START_TEST(test_site_status)
{
	STATUS_IS("Siap", JK_SITE_READY);
	STATUS_IS("siap", JK_SITE_READY);
	STATUS_IS("SIAP", JK_SITE_READY);
	STATUS_IS("Siap ", JK_SITE_READY);
	STATUS_IS("  siap\t", JK_SITE_READY);
	STATUS_IS("Siap.", JK_SITE_READY);
	STATUS_IS("ready", JK_SITE_READY);
	STATUS_IS("Ready", JK_SITE_READY);
	STATUS_IS("Belum Siap", JK_SITE_NOT_READY);
	STATUS_IS("Belum siap", JK_SITE_NOT_READY);
	STATUS_IS("belum", JK_SITE_NOT_READY);
	STATUS_IS("BELUM SIAP", JK_SITE_NOT_READY);
	STATUS_IS("blm siap", JK_SITE_NOT_READY);
	STATUS_IS("Belum  Siap", JK_SITE_NOT_READY);
	STATUS_IS("not ready", JK_SITE_NOT_READY);
	STATUS_IS("Not Ready", JK_SITE_NOT_READY);
	STATUS_IS("Nonaktif", JK_SITE_INACTIVE);
	STATUS_IS("Non Aktif", JK_SITE_INACTIVE);
	STATUS_IS("Non-Aktif", JK_SITE_INACTIVE);
	STATUS_IS("nonaktif", JK_SITE_INACTIVE);
	STATUS_IS("Tidak Aktif", JK_SITE_INACTIVE);
	STATUS_IS("inactive", JK_SITE_INACTIVE);
	STATUS_IS("Siap\xc2\xa0", JK_SITE_READY);
	/* unknown values */
	STATUS_IS("?", -1);
	STATUS_IS("cek lagi", -1);
	STATUS_IS("proses", -1);
	STATUS_IS("Siap/Belum", -1);
	STATUS_IS("siap siap", -1);
	STATUS_IS("aktif", -1);
	STATUS_IS("", -1);
	STATUS_IS("   ", -1);
	STATUS_IS(NULL, -1);

	ck_assert_str_eq(jk_site_status_name(JK_SITE_READY), "ready");
	ck_assert_str_eq(jk_site_status_name(JK_SITE_NOT_READY), "not_ready");
	ck_assert_str_eq(jk_site_status_name(JK_SITE_INACTIVE), "inactive");
	ck_assert_str_eq(jk_site_status_name(JK_SITE_UNKNOWN), "unknown");
	ck_assert_str_eq(jk_site_status_name(-1), "unknown");
	ck_assert_str_eq(jk_site_status_name(42), "unknown");
}
END_TEST

/* ------------------------------------------------------------------ */
/* yes/no, client status, sentence type */

#define INT_IS(fn, s, want)                                                  \
	ck_assert_msg(fn(s) == (want), #fn " '%s': got %d want %d",          \
		      (s) ? (s) : "(null)", fn(s), (int)(want))

START_TEST(test_yesno)
{
	static const char *const yes[] = { "ya", "Ya", "YA", "Y", "y", "iya",
					   "Iya", "yes", "YES", "true", "1",
					   " ya ", "Ya.", NULL };
	static const char *const no[] = { "tidak", "Tidak", "TIDAK", "tdk",
					  "Tdk.", "T", "t", "no", "No", "N",
					  "false", "0", " tidak ", NULL };
	int i;

	for (i = 0; yes[i]; i++)
		INT_IS(jk_yesno_parse, yes[i], 1);
	for (i = 0; no[i]; i++)
		INT_IS(jk_yesno_parse, no[i], 0);
	INT_IS(jk_yesno_parse, "", -2);
	INT_IS(jk_yesno_parse, "  ", -2);
	INT_IS(jk_yesno_parse, NULL, -2);
	INT_IS(jk_yesno_parse, "?", -1);
	INT_IS(jk_yesno_parse, "mungkin", -1);
	INT_IS(jk_yesno_parse, "ya/tidak", -1);
	INT_IS(jk_yesno_parse, "2", -1);
	INT_IS(jk_yesno_parse, "yaa", -1);
}
END_TEST

START_TEST(test_client_status)
{
	INT_IS(jk_client_status_parse, "aktif", 1);
	INT_IS(jk_client_status_parse, "Aktif", 1);
	INT_IS(jk_client_status_parse, "AKTIF", 1);
	INT_IS(jk_client_status_parse, "aktif ", 1);
	INT_IS(jk_client_status_parse, "Aktif.", 1);
	INT_IS(jk_client_status_parse, "active", 1);
	INT_IS(jk_client_status_parse, "Active", 1);
	INT_IS(jk_client_status_parse, "selesai", 0);
	INT_IS(jk_client_status_parse, "Selesai", 0);
	INT_IS(jk_client_status_parse, "SELESAI", 0);
	INT_IS(jk_client_status_parse, "Selesai.", 0);
	INT_IS(jk_client_status_parse, " selesai  ", 0);
	INT_IS(jk_client_status_parse, "finished", 0);
	INT_IS(jk_client_status_parse, "done", 0);
	INT_IS(jk_client_status_parse, "Done", 0);
	INT_IS(jk_client_status_parse, "", -1);
	INT_IS(jk_client_status_parse, NULL, -1);
	INT_IS(jk_client_status_parse, "batal", -1);
	INT_IS(jk_client_status_parse, "aktif/selesai", -1);
	INT_IS(jk_client_status_parse, "nonaktif", -1);
}
END_TEST

START_TEST(test_pidana)
{
	INT_IS(jk_pidana_parse, "Pidana Kerja Sosial", 1);
	INT_IS(jk_pidana_parse, "pidana kerja sosial", 1);
	INT_IS(jk_pidana_parse, "PIDANA KERJA SOSIAL", 1);
	INT_IS(jk_pidana_parse, "Kerja Sosial", 1);
	INT_IS(jk_pidana_parse, " Pidana  Kerja Sosial ", 1);
	INT_IS(jk_pidana_parse, "Pidana Pelayanan Masyarakat", 2);
	INT_IS(jk_pidana_parse, "pidana pelayanan masyarakat", 2);
	INT_IS(jk_pidana_parse, "PIDANA PELAYANAN MASYARAKAT", 2);
	INT_IS(jk_pidana_parse, "Pelayanan Masyarakat", 2);
	INT_IS(jk_pidana_parse, "", 0);
	INT_IS(jk_pidana_parse, "   ", 0);
	INT_IS(jk_pidana_parse, NULL, 0);
	INT_IS(jk_pidana_parse, "Pidana", -1);
	INT_IS(jk_pidana_parse, "Penjara", -1);
	INT_IS(jk_pidana_parse, "Kerja", -1);
	INT_IS(jk_pidana_parse, "?", -1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* integers with units */

#define LONG_OK(s, want)                                                     \
	do {                                                                 \
		long v_ = -99;                                               \
		int rc_ = jk_int_parse((s), &v_);                            \
		ck_assert_msg(rc_ == 0 && v_ == (want),                      \
			      "int '%s': rc %d value %ld want %ld", (s),     \
			      rc_, v_, (long)(want));                        \
	} while (0)

#define LONG_RC(s, want_rc)                                                  \
	do {                                                                 \
		long v_ = -99;                                               \
		int rc_ = jk_int_parse((s), &v_);                            \
		ck_assert_msg(rc_ == (want_rc), "int '%s': rc %d want %d",   \
			      (s) ? (s) : "(null)", rc_, (want_rc));         \
		ck_assert_msg(v_ == 0, "int '%s': out not reset",            \
			      (s) ? (s) : "(null)");                         \
	} while (0)

START_TEST(test_int)
{
	LONG_OK("3", 3);
	LONG_OK("3 orang", 3);
	LONG_OK("3 Orang", 3);
	LONG_OK("3orang", 3);
	LONG_OK("3 org", 3);
	LONG_OK("3 org.", 3);
	LONG_OK("120 jam", 120);
	LONG_OK("120 Jam", 120);
	LONG_OK("120 JAM", 120);
	LONG_OK("120 hours", 120);
	LONG_OK(" 120 ", 120);
	LONG_OK("0", 0);
	LONG_OK("0 jam", 0);
	LONG_OK("007", 7);
	LONG_OK("358", 358);
	LONG_RC("", 1);
	LONG_RC("  ", 1);
	LONG_RC(NULL, 1);
	LONG_RC("-3", -1);
	LONG_RC("3.5", -1);
	LONG_RC("3,5", -1);
	LONG_RC("tiga", -1);
	LONG_RC("3 apel", -1);
	LONG_RC("3 orang 2", -1);
	LONG_RC("3-4", -1);
	LONG_RC("jam 3", -1);
	LONG_RC("99999999999999999999999", -1);
	ck_assert_int_eq(jk_int_parse("5", NULL), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* dates */

#define DATE_OK(s, want)                                                     \
	do {                                                                 \
		char iso_[16] = "junk";                                      \
		int rc_ = jk_date_parse((s), iso_, sizeof iso_);             \
		ck_assert_msg(rc_ == 0, "date '%s': rc %d", (s), rc_);       \
		ck_assert_msg(strcmp(iso_, (want)) == 0,                     \
			      "date '%s': got '%s' want '%s'", (s), iso_,    \
			      (want));                                       \
	} while (0)

#define DATE_BAD(s)                                                          \
	do {                                                                 \
		char iso_[16] = "junk";                                      \
		int rc_ = jk_date_parse((s), iso_, sizeof iso_);             \
		ck_assert_msg(rc_ == -1, "date '%s': rc %d ('%s') want -1",  \
			      (s), rc_, iso_);                               \
		ck_assert_msg(iso_[0] == '\0', "date '%s': iso not reset",   \
			      (s));                                          \
	} while (0)

START_TEST(test_date_formats)
{
	DATE_OK("12/03/2026", "2026-03-12");
	DATE_OK("05/01/2026", "2026-01-05");
	DATE_OK("5/1/2026", "2026-01-05");
	DATE_OK("2026-03-12", "2026-03-12");
	DATE_OK("2026-3-2", "2026-03-02");
	DATE_OK("2026/03/12", "2026-03-12");
	DATE_OK("12-3-2026", "2026-03-12");
	DATE_OK("12-03-2026", "2026-03-12");
	DATE_OK("1-3-2026", "2026-03-01");
	DATE_OK("12.03.2026", "2026-03-12");
	DATE_OK("12/03/26", "2026-03-12");
	DATE_OK("12/03/99", "1999-03-12");
	DATE_OK(" 12/03/2026 ", "2026-03-12");
	DATE_OK("12/03/2026 00:00", "2026-03-12");
	DATE_OK("12/03/2026 00:00:00", "2026-03-12");
	DATE_OK("2026-03-12 08:30:00", "2026-03-12");
	DATE_OK("12/03/2026 23:59:59", "2026-03-12");
	DATE_OK("12/03/2026 7:05", "2026-03-12");
	/* month names, Indonesian and English, full and short */
	DATE_OK("12 Maret 2026", "2026-03-12");
	DATE_OK("1 Januari 2026", "2026-01-01");
	DATE_OK("28 Februari 2026", "2026-02-28");
	DATE_OK("9 April 2026", "2026-04-09");
	DATE_OK("5 Mei 2026", "2026-05-05");
	DATE_OK("30 Juni 2026", "2026-06-30");
	DATE_OK("24 Juli 2026", "2026-07-24");
	DATE_OK("17 Agustus 2026", "2026-08-17");
	DATE_OK("1 September 2026", "2026-09-01");
	DATE_OK("1 Oktober 2026", "2026-10-01");
	DATE_OK("10 November 2026", "2026-11-10");
	DATE_OK("10 Nopember 2026", "2026-11-10");
	DATE_OK("3 Pebruari 2026", "2026-02-03");
	DATE_OK("25 Desember 2026", "2026-12-25");
	DATE_OK("12 MARET 2026", "2026-03-12");
	DATE_OK("12 March 2026", "2026-03-12");
	DATE_OK("12 Mar. 2026", "2026-03-12");
	DATE_OK("March 12, 2026", "2026-03-12");
	DATE_OK("12-Mar-26", "2026-03-12");
	DATE_OK("05-Jan-26", "2026-01-05");
	DATE_OK("5-Feb-26", "2026-02-05");
	DATE_OK("12-Apr-26", "2026-04-12");
	DATE_OK("12-Mei-26", "2026-05-12");
	DATE_OK("12-May-26", "2026-05-12");
	DATE_OK("12-Jun-26", "2026-06-12");
	DATE_OK("12-Jul-26", "2026-07-12");
	DATE_OK("17-Agu-26", "2026-08-17");
	DATE_OK("17-Agt-26", "2026-08-17");
	DATE_OK("17-Aug-26", "2026-08-17");
	DATE_OK("1-Sep-26", "2026-09-01");
	DATE_OK("1-Sept-26", "2026-09-01");
	DATE_OK("1-Okt-26", "2026-10-01");
	DATE_OK("1-Oct-26", "2026-10-01");
	DATE_OK("10-Nov-26", "2026-11-10");
	DATE_OK("25-Des-26", "2026-12-25");
	DATE_OK("25-Dec-26", "2026-12-25");
	DATE_OK("12-Mar-2026", "2026-03-12");
	/* leap years */
	DATE_OK("29/02/2024", "2024-02-29");
	DATE_OK("29/02/2000", "2000-02-29");
	DATE_OK("31/12/2026", "2026-12-31");
}
END_TEST

START_TEST(test_date_bad)
{
	char iso[16];

	/* impossible dates */
	DATE_BAD("31/02/2026");
	DATE_BAD("29/02/2026");
	DATE_BAD("29/02/1900");
	DATE_BAD("31/04/2026");
	DATE_BAD("00/03/2026");
	DATE_BAD("12/00/2026");
	DATE_BAD("12/13/2026");
	DATE_BAD("32/01/2026");
	DATE_BAD("2026-02-30");
	DATE_BAD("2026-13-01");
	DATE_BAD("31 Juni 2026");
	DATE_BAD("30-Feb-26");
	/* not dates */
	DATE_BAD("12 Foo 2026");
	DATE_BAD("12 Ma 2026");
	DATE_BAD("12/03-2026");
	DATE_BAD("12//03/2026");
	DATE_BAD("/12/03/2026");
	DATE_BAD("12/03/2026/");
	DATE_BAD("12/03/202");
	DATE_BAD("12/03/20266");
	DATE_BAD("12/03");
	DATE_BAD("12/03/2026/1");
	DATE_BAD("12/03/2026 abc");
	DATE_BAD("12/03/2026 25:61:99:00");
	DATE_BAD("12/03/2026 24:00");
	DATE_BAD("12/03/2026 10:60");
	DATE_BAD("12/03/2026 10:5");
	DATE_BAD("2026-03");
	DATE_BAD("minggu depan");
	DATE_BAD("46093");
	DATE_BAD("12 03 2026");
	DATE_BAD("123/03/2026");
	DATE_BAD("12/03/0026");
	/* empty */
	ck_assert_int_eq(jk_date_parse("", iso, sizeof iso), 1);
	ck_assert_int_eq(jk_date_parse("  ", iso, sizeof iso), 1);
	ck_assert_int_eq(jk_date_parse(NULL, iso, sizeof iso), 1);
	ck_assert_str_eq(iso, "");
	/* the buffer must hold "YYYY-MM-DD" */
	ck_assert_int_eq(jk_date_parse("12/03/2026", iso, 10), -1);
	ck_assert_int_eq(jk_date_parse("12/03/2026", iso, 11), 0);
	ck_assert_str_eq(iso, "2026-03-12");
}
END_TEST

/* ------------------------------------------------------------------ */
/* site types */

#define JENIS_IS(j, n, want)                                                 \
	do {                                                                 \
		const char *got_ = jk_jenis_canonical((j), (n));             \
		ck_assert_msg(got_ && strcmp(got_, (want)) == 0,             \
			      "jenis '%s' / '%s': got '%s' want '%s'",       \
			      (j) ? (j) : "(null)", (n) ? (n) : "(null)",    \
			      got_ ? got_ : "(null)", (want));               \
	} while (0)

START_TEST(test_jenis)
{
	static const char *const pairs[][2] = {
		{ "Masjid", "masjid" }, { "masjid", "masjid" },
		{ "Mesjid", "masjid" }, { "  MASJID ", "masjid" },
		{ "Musholla", "musholla" }, { "Mushola", "musholla" },
		{ "Musala", "musholla" }, { "Langgar", "musholla" },
		{ "Gereja", "gereja" }, { "Pura", "pura" },
		{ "Vihara", "vihara" }, { "Klenteng", "klenteng" },
		{ "Sekolah", "sekolah" }, { "SD", "sekolah" },
		{ "SMP", "sekolah" }, { "SMA", "sekolah" },
		{ "SMK", "sekolah" }, { "MTs", "sekolah" }, { "MI", "sekolah" },
		{ "MA", "sekolah" }, { "Pendidikan", "sekolah" },
		{ "Fasilitas Pendidikan", "sekolah" },
		{ "Kantor Desa", "kantor_desa" },
		{ "Balai Desa", "kantor_desa" },
		{ "Kantor Lurah", "kantor_lurah" },
		{ "Kantor Kelurahan", "kantor_lurah" },
		{ "Kantor Camat", "kantor_camat" },
		{ "Kantor Kecamatan", "kantor_camat" },
		{ "Kantor", "kantor" }, { "Kantor Pemerintahan", "kantor" },
		{ "Puskesmas", "puskesmas" }, { "Posyandu", "posyandu" },
		{ "Faskes", "faskes" }, { "Fasilitas Kesehatan", "faskes" },
		{ "Pasar", "pasar" }, { "Pantai", "pantai" },
		{ "Objek Wisata", "wisata" }, { "Lapangan", "lapangan" },
		{ "TPU", "tpu" }, { "Pemakaman", "tpu" }, { "Kuburan", "tpu" },
		{ "Taman", "taman" }, { "RTH", "taman" },
		{ "Pelabuhan", "pelabuhan" }, { "Dermaga", "pelabuhan" },
		{ "Fasum", "fasum" }, { "Ruang Publik", "fasum" },
		{ "Fasilitas Umum", "fasum" },
		{ "Tempat Ibadah", "lainnya" }, { "Rumah Ibadah", "lainnya" },
		{ "Gudang", "lainnya" }, { "?", "lainnya" },
		{ NULL, NULL }
	};
	int i;

	for (i = 0; pairs[i][0]; i++)
		JENIS_IS(pairs[i][0], NULL, pairs[i][1]);
	ck_assert_ptr_null(jk_jenis_canonical("", "Masjid Raya"));
	ck_assert_ptr_null(jk_jenis_canonical("  ", NULL));
	ck_assert_ptr_null(jk_jenis_canonical(NULL, NULL));
}
END_TEST

START_TEST(test_jenis_by_name)
{
	JENIS_IS("Tempat Ibadah", "Gereja Toraja Jemaat Efrata", "gereja");
	JENIS_IS("Tempat Ibadah", "Gereja GEPSULTRA Jemaat Efrata", "gereja");
	JENIS_IS("Tempat Ibadah", "Masjid Al-Muttaqin", "masjid");
	JENIS_IS("Rumah Ibadah", "Mesjid Nurul Huda", "masjid");
	JENIS_IS("Tempat Ibadah", "Musala Al-Jihad", "musholla");
	JENIS_IS("Tempat Ibadah", "Mushalla Al-Falah", "musholla");
	JENIS_IS("Tempat Ibadah", "Pura Jagatnatha", "pura");
	JENIS_IS("Tempat Ibadah", "Balai Pertemuan", "lainnya");
	JENIS_IS("Kantor Pemerintahan", "Kantor Lurah Sulaa", "kantor_lurah");
	JENIS_IS("Kantor Pemerintahan", "Kantor Kelurahan Tomba",
		 "kantor_lurah");
	JENIS_IS("Kantor Pemerintahan", "Kantor Camat Wolio", "kantor_camat");
	JENIS_IS("Kantor Pemerintahan", "Kantor Kecamatan Betoambari",
		 "kantor_camat");
	JENIS_IS("Kantor", "Balai Desa Mantowu", "kantor_desa");
	JENIS_IS("Kantor", "Kantor Kepala Desa Lipu", "kantor_desa");
	JENIS_IS("Kantor", "Kantor Desa Lipu", "kantor_desa");
	JENIS_IS("Kantor", "Kantor Bupati", "kantor");
	/* a name outside the vague class does not override it */
	JENIS_IS("Kantor", "Masjid Kantor Bupati", "kantor");
	JENIS_IS("Fasilitas Kesehatan", "Posyandu Mawar", "posyandu");
	JENIS_IS("Fasilitas Kesehatan", "Puskesmas Wangkanapi", "puskesmas");
	JENIS_IS("Faskes", "Puskesmas Sulaa", "puskesmas");
	JENIS_IS("Faskes", "Masjid Raya", "faskes");
	JENIS_IS("Fasum", "Pekuburan Umum Lipu", "tpu");
	JENIS_IS("Fasum", "TPU Wale", "tpu");
	JENIS_IS("Fasum", "Pasar Desa Wandoka", "pasar");
	JENIS_IS("Fasum", "Lapangan Voli Labalawa", "lapangan");
	JENIS_IS("Fasum", "", "fasum");
	JENIS_IS("Ruang Publik", "Taman Kota Baubau", "taman");
	JENIS_IS("Ruang Publik", "Pantai Kakenauwe", "pantai");
	JENIS_IS("Ruang Publik", "Lapangan Sepak Bola Desa", "lapangan");
	JENIS_IS("Objek Wisata", "Pantai Dongkala Indah", "pantai");
	JENIS_IS("Objek Wisata", "Benteng Keraton", "wisata");
	JENIS_IS("Pendidikan", "SMK Negeri 5 Baubau", "sekolah");
	JENIS_IS("Pendidikan", NULL, "sekolah");
	/* a specific type is not overridden by the name */
	JENIS_IS("Masjid", "Musholla Al-Hikmah", "masjid");
	JENIS_IS("Taman", "Taman Kanak-Kanak Pertiwi", "taman");
	JENIS_IS("Ruang Publik", "Taman Kanak-Kanak Pertiwi", "fasum");
}
END_TEST

/* ------------------------------------------------------------------ */
/* column headers */

START_TEST(test_headers)
{
	static const struct {
		int table;
		const char *h;
		jk_field f;
	} cases[] = {
		{ JK_TABLE_SITES, "no", JK_F_NO },
		{ JK_TABLE_SITES, "No.", JK_F_NO },
		{ JK_TABLE_SITES, "nama_lokasi", JK_F_NAMA },
		{ JK_TABLE_SITES, "Nama Lokasi", JK_F_NAMA },
		{ JK_TABLE_SITES, "NAMA LOKASI", JK_F_NAMA },
		{ JK_TABLE_SITES, "name", JK_F_NAMA },
		{ JK_TABLE_SITES, "Site Name", JK_F_NAMA },
		{ JK_TABLE_SITES, "jenis", JK_F_JENIS },
		{ JK_TABLE_SITES, "Type", JK_F_JENIS },
		{ JK_TABLE_SITES, "alamat", JK_F_ALAMAT },
		{ JK_TABLE_SITES, "Address", JK_F_ALAMAT },
		{ JK_TABLE_SITES, "desa_kelurahan", JK_F_DESA },
		{ JK_TABLE_SITES, "Desa/Kelurahan", JK_F_DESA },
		{ JK_TABLE_SITES, "desa", JK_F_DESA },
		{ JK_TABLE_SITES, "kelurahan", JK_F_DESA },
		{ JK_TABLE_SITES, "village", JK_F_DESA },
		{ JK_TABLE_SITES, "kecamatan", JK_F_KEC },
		{ JK_TABLE_SITES, "District", JK_F_KEC },
		{ JK_TABLE_SITES, "kabupaten_kota", JK_F_KAB },
		{ JK_TABLE_SITES, "Kabupaten/Kota", JK_F_KAB },
		{ JK_TABLE_SITES, "kabupaten", JK_F_KAB },
		{ JK_TABLE_SITES, "kota", JK_F_KAB },
		{ JK_TABLE_SITES, "regency", JK_F_KAB },
		{ JK_TABLE_SITES, "city", JK_F_KAB },
		{ JK_TABLE_SITES, "koordinat", JK_F_KOORDINAT },
		{ JK_TABLE_SITES, "Coordinates", JK_F_KOORDINAT },
		{ JK_TABLE_SITES, "lat,lon", JK_F_KOORDINAT },
		{ JK_TABLE_SITES, "Lat, Lon", JK_F_KOORDINAT },
		{ JK_TABLE_SITES, "lat", JK_F_LAT },
		{ JK_TABLE_SITES, "Latitude", JK_F_LAT },
		{ JK_TABLE_SITES, "lintang", JK_F_LAT },
		{ JK_TABLE_SITES, "lon", JK_F_LON },
		{ JK_TABLE_SITES, "lng", JK_F_LON },
		{ JK_TABLE_SITES, "Longitude", JK_F_LON },
		{ JK_TABLE_SITES, "bujur", JK_F_LON },
		{ JK_TABLE_SITES, "status", JK_F_STATUS },
		{ JK_TABLE_SITES, "Status", JK_F_STATUS },
		{ JK_TABLE_SITES, "kapasitas", JK_F_KAPASITAS },
		{ JK_TABLE_SITES, "capacity", JK_F_KAPASITAS },
		{ JK_TABLE_SITES, "kegiatan", JK_F_KEGIATAN },
		{ JK_TABLE_SITES, "activities", JK_F_KEGIATAN },
		{ JK_TABLE_SITES, "ramah_anak", JK_F_ANAK_OK },
		{ JK_TABLE_SITES, "Ramah Anak", JK_F_ANAK_OK },
		{ JK_TABLE_SITES, "child_friendly", JK_F_ANAK_OK },
		{ JK_TABLE_SITES, "children", JK_F_ANAK_OK },
		{ JK_TABLE_SITES, "penanggung_jawab", JK_F_PJ },
		{ JK_TABLE_SITES, "Penanggung Jawab", JK_F_PJ },
		{ JK_TABLE_SITES, "contact", JK_F_PJ },
		{ JK_TABLE_SITES, "PIC", JK_F_PJ },
		{ JK_TABLE_SITES, "telepon", JK_F_TELEPON },
		{ JK_TABLE_SITES, "telp", JK_F_TELEPON },
		{ JK_TABLE_SITES, "Telp.", JK_F_TELEPON },
		{ JK_TABLE_SITES, "phone", JK_F_TELEPON },
		{ JK_TABLE_SITES, "HP", JK_F_TELEPON },
		{ JK_TABLE_SITES, "keterangan", JK_F_KETERANGAN },
		{ JK_TABLE_SITES, "remarks", JK_F_KETERANGAN },
		{ JK_TABLE_SITES, "notes", JK_F_KETERANGAN },
		{ JK_TABLE_SITES, "catatan", JK_F_KETERANGAN },
		{ JK_TABLE_SITES, "\xef\xbb\xbfno", JK_F_NO }, /* BOM */
		{ JK_TABLE_SITES, " nama_lokasi ", JK_F_NAMA },
		/* client columns are unknown in the sites table */
		{ JK_TABLE_SITES, "id_klien", JK_F_NONE },
		{ JK_TABLE_SITES, "jam_pidana", JK_F_NONE },
		{ JK_TABLE_SITES, "foo", JK_F_NONE },
		{ JK_TABLE_SITES, "", JK_F_NONE },
		{ JK_TABLE_SITES, "#", JK_F_NONE },
		{ JK_TABLE_CLIENTS, "id_klien", JK_F_ID_KLIEN },
		{ JK_TABLE_CLIENTS, "ID Klien", JK_F_ID_KLIEN },
		{ JK_TABLE_CLIENTS, "client_id", JK_F_ID_KLIEN },
		{ JK_TABLE_CLIENTS, "id", JK_F_ID_KLIEN },
		{ JK_TABLE_CLIENTS, "alamat_rumah", JK_F_ALAMAT_RUMAH },
		{ JK_TABLE_CLIENTS, "alamat", JK_F_ALAMAT_RUMAH },
		{ JK_TABLE_CLIENTS, "home_address", JK_F_ALAMAT_RUMAH },
		{ JK_TABLE_CLIENTS, "address", JK_F_ALAMAT_RUMAH },
		{ JK_TABLE_CLIENTS, "koordinat_rumah", JK_F_KOORDINAT_RUMAH },
		{ JK_TABLE_CLIENTS, "koordinat", JK_F_KOORDINAT_RUMAH },
		{ JK_TABLE_CLIENTS, "home_coordinates", JK_F_KOORDINAT_RUMAH },
		{ JK_TABLE_CLIENTS, "jenis_pidana", JK_F_JENIS_PIDANA },
		{ JK_TABLE_CLIENTS, "Jenis Pidana", JK_F_JENIS_PIDANA },
		{ JK_TABLE_CLIENTS, "sentence", JK_F_JENIS_PIDANA },
		{ JK_TABLE_CLIENTS, "anak", JK_F_ANAK },
		{ JK_TABLE_CLIENTS, "child", JK_F_ANAK },
		{ JK_TABLE_CLIENTS, "jam_pidana", JK_F_JAM },
		{ JK_TABLE_CLIENTS, "jam", JK_F_JAM },
		{ JK_TABLE_CLIENTS, "hours", JK_F_JAM },
		{ JK_TABLE_CLIENTS, "tanggal_mulai", JK_F_TANGGAL_MULAI },
		{ JK_TABLE_CLIENTS, "Tanggal Mulai", JK_F_TANGGAL_MULAI },
		{ JK_TABLE_CLIENTS, "start_date", JK_F_TANGGAL_MULAI },
		{ JK_TABLE_CLIENTS, "status", JK_F_STATUS },
		{ JK_TABLE_CLIENTS, "lat", JK_F_LAT },
		{ JK_TABLE_CLIENTS, "longitude", JK_F_LON },
		{ JK_TABLE_CLIENTS, "desa_kelurahan", JK_F_DESA },
		{ JK_TABLE_CLIENTS, "kecamatan", JK_F_KEC },
		{ JK_TABLE_CLIENTS, "kabupaten_kota", JK_F_KAB },
		/* site columns are unknown in the clients table */
		{ JK_TABLE_CLIENTS, "nama_lokasi", JK_F_NONE },
		{ JK_TABLE_CLIENTS, "kapasitas", JK_F_NONE },
		{ JK_TABLE_CLIENTS, "ramah_anak", JK_F_NONE },
		{ JK_TABLE_CLIENTS, "bar", JK_F_NONE },
		/* an unknown table */
		{ 0, "status", JK_F_NONE },
		{ 3, "nama_lokasi", JK_F_NONE },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		jk_field f = jk_field_from_header(cases[i].table, cases[i].h);

		ck_assert_msg(f == cases[i].f,
			      "header '%s' (table %d): got %s want %s",
			      cases[i].h, cases[i].table, jk_field_name(f),
			      jk_field_name(cases[i].f));
	}
	ck_assert_int_eq(jk_field_from_header(JK_TABLE_SITES, NULL),
			 JK_F_NONE);
}
END_TEST

START_TEST(test_field_names)
{
	int f;

	ck_assert_str_eq(jk_field_name(JK_F_NAMA), "nama_lokasi");
	ck_assert_str_eq(jk_field_name(JK_F_KOORDINAT), "koordinat");
	ck_assert_str_eq(jk_field_name(JK_F_ANAK_OK), "ramah_anak");
	ck_assert_str_eq(jk_field_name(JK_F_JAM), "jam_pidana");
	ck_assert_str_eq(jk_field_name(JK_F_NONE), "(none)");
	ck_assert_str_eq(jk_field_name(JK_F__COUNT), "(none)");
	ck_assert_str_eq(jk_field_name((jk_field)-1), "(none)");
	/* every canonical name maps back to its field in its table */
	for (f = JK_F_NO; f < JK_F__COUNT; f++) {
		const char *n = jk_field_name((jk_field)f);
		int table = f >= JK_F_ID_KLIEN ? JK_TABLE_CLIENTS
					       : JK_TABLE_SITES;

		ck_assert_str_ne(n, "(none)");
		ck_assert_msg(jk_field_from_header(table, n) == (jk_field)f,
			      "field %d '%s' does not map back", f, n);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* the field book */

/* Checks that every header of @p t maps to a distinct field whose
 * canonical name is the header itself. */
static int check_header_row(const jk_csv *t, int table)
{
	int seen[JK_F__COUNT] = { 0 };
	int bad = 0;
	size_t c;

	for (c = 0; c < t->ncols; c++) {
		jk_field f = jk_field_from_header(table, t->head[c]);

		if (f == JK_F_NONE || seen[f] ||
		    strcmp(jk_field_name(f), t->head[c]) != 0) {
			fprintf(stderr, "header '%s' -> %s\n", t->head[c],
				jk_field_name(f));
			bad++;
		} else {
			seen[f] = 1;
		}
	}
	return bad;
}

static int status_from_truth(const char *s)
{
	if (strcmp(s, "Siap") == 0)
		return JK_SITE_READY;
	if (strcmp(s, "Belum Siap") == 0)
		return JK_SITE_NOT_READY;
	if (strcmp(s, "Nonaktif") == 0)
		return JK_SITE_INACTIVE;
	if (strcmp(s, "unknown") == 0)
		return -1;
	ck_abort_msg("unexpected true_status '%s'", s);
	return -2;
}

static int yesno_from_truth(const char *s)
{
	if (strcmp(s, "ya") == 0)
		return 1;
	if (strcmp(s, "tidak") == 0)
		return 0;
	if (s[0] == '\0')
		return -2;
	ck_abort_msg("unexpected yes/no truth '%s'", s);
	return -3;
}

#define REPORT_MAX 15
#define MISMATCH(what, row, cell, got, want)                                 \
	do {                                                                 \
		if (fails < REPORT_MAX)                                      \
			fprintf(stderr,                                      \
				"%s row %zu: '%s' -> %s, truth %s\n", (what), \
				(row) + 1, (cell), (got), (want));           \
		fails++;                                                     \
	} while (0)

START_TEST(test_fieldbook_sites)
{
	jk_csv d, t;
	char err[300], g[32], w[32];
	size_t r, cst, cra, cka, cje, cna, tst, tra, tje, tla;
	int fails = 0, n_status = 0, n_unknown = 0, n_ra = 0, n_ra_blank = 0;
	int n_kap = 0, n_kap_blank = 0, n_kap_text = 0, n_jenis = 0;
	int n_jenis_vague = 0;

	ck_assert_msg(jk_csv_load(&d, FIELDBOOK "sites_bapas_baubau.csv", err,
				  sizeof err) == 0, "%s", err);
	ck_assert_msg(jk_csv_load(&t, FIELDBOOK "truth_sites_bapas_baubau.csv",
				  err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(d.nrows, t.nrows);
	ck_assert_uint_gt(d.nrows, 1000);
	ck_assert_int_eq(check_header_row(&d, JK_TABLE_SITES), 0);
	cst = jk_csv_col(&d, "status");
	cra = jk_csv_col(&d, "ramah_anak");
	cka = jk_csv_col(&d, "kapasitas");
	cje = jk_csv_col(&d, "jenis");
	cna = jk_csv_col(&d, "nama_lokasi");
	tst = jk_csv_col(&t, "true_status");
	tra = jk_csv_col(&t, "true_ramah_anak");
	tje = jk_csv_col(&t, "true_jenis");
	tla = jk_csv_col(&t, "labels");
	for (r = 0; r < d.nrows; r++) {
		const char *cell, *want_s, *got_s;
		int got, want;
		long v;

		/* status */
		cell = jk_csv_cell(&d, r, cst);
		got = jk_site_status_parse(cell);
		want = status_from_truth(jk_csv_cell(&t, r, tst));
		if (got != want)
			MISMATCH("status", r, cell,
				 jk_site_status_name(got),
				 jk_csv_cell(&t, r, tst));
		else if (want == -1)
			n_unknown++;
		else
			n_status++;

		/* ramah_anak */
		cell = jk_csv_cell(&d, r, cra);
		got = jk_yesno_parse(cell);
		want = yesno_from_truth(jk_csv_cell(&t, r, tra));
		if (got != want) {
			snprintf(g, sizeof g, "%d", got);
			MISMATCH("ramah_anak", r, cell, g,
				 jk_csv_cell(&t, r, tra));
		} else if (want == -2) {
			n_ra_blank++;
		} else {
			n_ra++;
		}

		/* kapasitas: 1-6, blank, or "N orang" */
		cell = jk_csv_cell(&d, r, cka);
		got = jk_int_parse(cell, &v);
		if (cell[0] == '\0') {
			if (got != 1)
				MISMATCH("kapasitas", r, cell, "not blank",
					 "blank");
			else
				n_kap_blank++;
		} else if (got != 0 || v < 1 || v > 6 ||
			   v != strtol(cell, NULL, 10)) {
			snprintf(g, sizeof g, "rc %d value %ld", got, v);
			MISMATCH("kapasitas", r, cell, g, "1..6");
		} else {
			n_kap++;
			if (jk_csv_has_label(jk_csv_cell(&t, r, tla),
					     "kapasitas_text"))
				n_kap_text++;
		}

		/* jenis, with the name for the vague wordings */
		cell = jk_csv_cell(&d, r, cje);
		got_s = jk_jenis_canonical(cell, jk_csv_cell(&d, r, cna));
		want_s = jk_csv_cell(&t, r, tje);
		if (!got_s || strcmp(got_s, want_s) != 0) {
			MISMATCH("jenis", r, cell, got_s ? got_s : "(null)",
				 want_s);
		} else {
			n_jenis++;
			if (strcmp(jk_jenis_canonical(cell, NULL), want_s))
				n_jenis_vague++;
		}
	}
	snprintf(w, sizeof w, "%zu", d.nrows);
	printf("sites: %s rows: status %d known + %d unknown matched, "
	       "ramah_anak %d + %d blank matched, kapasitas %d (%d as "
	       "'N orang') + %d blank, jenis %d matched (%d needed the "
	       "name), %d mismatches\n",
	       w, n_status, n_unknown, n_ra, n_ra_blank, n_kap, n_kap_text,
	       n_kap_blank, n_jenis, n_jenis_vague, fails);
	ck_assert_int_eq(fails, 0);
	ck_assert_int_eq(n_status + n_unknown, (int)d.nrows);
	ck_assert_int_gt(n_unknown, 0);
	ck_assert_int_gt(n_kap_text, 0);
	ck_assert_int_gt(n_jenis_vague, 0);
	jk_csv_release(&d);
	jk_csv_release(&t);
}
END_TEST

START_TEST(test_fieldbook_clients)
{
	jk_csv d, t;
	char err[300], g[48], iso[16];
	size_t r, cda, cja, cst, can, cjp, tda, tja, tst, tan, tjp, tla;
	int fails = 0, n_date = 0, n_jam = 0, n_jam_invalid = 0;
	int n_status = 0, n_anak = 0, n_pidana = 0;

	ck_assert_msg(jk_csv_load(&d, FIELDBOOK "clients_bapas_baubau.csv", err,
				  sizeof err) == 0, "%s", err);
	ck_assert_msg(jk_csv_load(&t, FIELDBOOK "truth_clients_bapas_baubau.csv",
				  err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(d.nrows, t.nrows);
	ck_assert_uint_gt(d.nrows, 100);
	ck_assert_int_eq(check_header_row(&d, JK_TABLE_CLIENTS), 0);
	cda = jk_csv_col(&d, "tanggal_mulai");
	cja = jk_csv_col(&d, "jam_pidana");
	cst = jk_csv_col(&d, "status");
	can = jk_csv_col(&d, "anak");
	cjp = jk_csv_col(&d, "jenis_pidana");
	tda = jk_csv_col(&t, "true_tanggal_mulai");
	tja = jk_csv_col(&t, "true_jam_pidana");
	tst = jk_csv_col(&t, "true_status");
	tan = jk_csv_col(&t, "true_anak");
	tjp = jk_csv_col(&t, "true_jenis_pidana");
	tla = jk_csv_col(&t, "labels");
	for (r = 0; r < d.nrows; r++) {
		const char *cell, *want_s;
		int got, want;
		long v, want_l;

		/* tanggal_mulai */
		cell = jk_csv_cell(&d, r, cda);
		got = jk_date_parse(cell, iso, sizeof iso);
		want_s = jk_csv_cell(&t, r, tda);
		if (got != 0 || strcmp(iso, want_s) != 0) {
			snprintf(g, sizeof g, "rc %d '%s'", got, iso);
			MISMATCH("tanggal_mulai", r, cell, g, want_s);
		} else {
			n_date++;
		}

		/* jam_pidana: the truth, except for invalid_jam rows where
		 * the written number is what a parser can return */
		cell = jk_csv_cell(&d, r, cja);
		got = jk_int_parse(cell, &v);
		if (jk_csv_has_label(jk_csv_cell(&t, r, tla), "invalid_jam"))
			want_l = strtol(cell, NULL, 10);
		else
			want_l = strtol(jk_csv_cell(&t, r, tja), NULL, 10);
		if (got != 0 || v != want_l) {
			snprintf(g, sizeof g, "rc %d %ld", got, v);
			MISMATCH("jam_pidana", r, cell, g,
				 jk_csv_cell(&t, r, tja));
		} else if (v != strtol(jk_csv_cell(&t, r, tja), NULL, 10)) {
			n_jam_invalid++;
		} else {
			n_jam++;
		}

		/* status */
		cell = jk_csv_cell(&d, r, cst);
		got = jk_client_status_parse(cell);
		want_s = jk_csv_cell(&t, r, tst);
		want = strcmp(want_s, "aktif") == 0     ? 1
		       : strcmp(want_s, "selesai") == 0 ? 0
							: -9;
		if (got != want) {
			snprintf(g, sizeof g, "%d", got);
			MISMATCH("status", r, cell, g, want_s);
		} else {
			n_status++;
		}

		/* anak */
		cell = jk_csv_cell(&d, r, can);
		got = jk_yesno_parse(cell);
		if (got != yesno_from_truth(jk_csv_cell(&t, r, tan))) {
			snprintf(g, sizeof g, "%d", got);
			MISMATCH("anak", r, cell, g, jk_csv_cell(&t, r, tan));
		} else {
			n_anak++;
		}

		/* jenis_pidana */
		cell = jk_csv_cell(&d, r, cjp);
		got = jk_pidana_parse(cell);
		want_s = jk_csv_cell(&t, r, tjp);
		want = strcmp(want_s, "Pidana Kerja Sosial") == 0 ? 1
		       : strcmp(want_s, "Pidana Pelayanan Masyarakat") == 0
			       ? 2
			       : -9;
		if (got != want) {
			snprintf(g, sizeof g, "%d", got);
			MISMATCH("jenis_pidana", r, cell, g, want_s);
		} else {
			n_pidana++;
		}
	}
	printf("clients: %zu rows: tanggal_mulai %d, jam_pidana %d (+%d "
	       "invalid_jam read as written), status %d, anak %d, "
	       "jenis_pidana %d matched, %d mismatches\n",
	       d.nrows, n_date, n_jam, n_jam_invalid, n_status, n_anak,
	       n_pidana, fails);
	ck_assert_int_eq(fails, 0);
	ck_assert_int_eq(n_date, (int)d.nrows);
	ck_assert_int_eq(n_jam + n_jam_invalid, (int)d.nrows);
	ck_assert_int_gt(n_jam_invalid, 0);
	jk_csv_release(&d);
	jk_csv_release(&t);
}
END_TEST

static Suite *values_suite(void)
{
	Suite *s = suite_create("values");
	TCase *tc = tcase_create("values");
	TCase *th = tcase_create("headers");
	TCase *tf = tcase_create("fieldbook");

	tcase_add_test(tc, test_kode_level);
	tcase_add_test(tc, test_site_status);
	tcase_add_test(tc, test_yesno);
	tcase_add_test(tc, test_client_status);
	tcase_add_test(tc, test_pidana);
	tcase_add_test(tc, test_int);
	tcase_add_test(tc, test_date_formats);
	tcase_add_test(tc, test_date_bad);
	tcase_add_test(tc, test_jenis);
	tcase_add_test(tc, test_jenis_by_name);
	suite_add_tcase(s, tc);
	tcase_add_test(th, test_headers);
	tcase_add_test(th, test_field_names);
	suite_add_tcase(s, th);
	tcase_set_timeout(tf, 60);
	tcase_add_test(tf, test_fieldbook_sites);
	tcase_add_test(tf, test_fieldbook_clients);
	suite_add_tcase(s, tf);
	return s;
}

int main(void)
{
	return jk_test_main(values_suite());
}
