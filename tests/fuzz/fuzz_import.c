/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: importing a site address book or a client register from
 * CSV through OGR, with the public jk_import_sites() and
 * jk_import_clients() (include/jangkau/jangkau.h) into a project store.
 *
 * Input: one control byte (bit 0: clients instead of sites; bit 1:
 * strict), then the bytes of the CSV file. The file is written to a
 * private temporary folder (in /dev/shm when there is one), and each input
 * is imported into a fresh copy of an empty store made once at start, so
 * that every run sees the same store. The import must return a status
 * code and leak nothing; its counts must add up and its row messages be
 * terminated strings. (Whether a failed import leaves the store as it was
 * is tested by tests/cli/faults.sh.)
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "fuzz.h"
#include "jangkau/jangkau.h"

static jk_ctx *ctx;
static char dir[256], csv_path[300], store_path[300], template_path[300];
static char *template_data;
static size_t template_size;

static void on_log(void *user, jk_level level, const char *msg)
{
	(void)user;
	FUZZ_CHECK(level >= JK_LOG_DEBUG && level <= JK_LOG_ERROR, "level %d",
		   (int)level);
	FUZZ_CHECK(msg != NULL && strlen(msg) < 1u << 20, "message");
}

static void write_file(const char *path, const void *p, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	const char *c = p;

	if (fd < 0) {
		fprintf(stderr, "fuzz_import: %s: %s\n", path, strerror(errno));
		abort();
	}
	while (n > 0) {
		ssize_t w = write(fd, c, n);

		if (w <= 0) {
			fprintf(stderr, "fuzz_import: %s: %s\n", path,
				strerror(errno));
			abort();
		}
		c += w;
		n -= (size_t)w;
	}
	close(fd);
}

static void remove_dir(void)
{
	unlink(csv_path);
	unlink(store_path);
	unlink(template_path);
	rmdir(dir);
}

static int import_one(const void *csv, size_t len, int clients, int strict)
{
	jk_store *st = NULL;
	jk_table_opts o;
	jk_import_stats stats;
	int rc;

	memset(&o, 0, sizeof o); /* the defaults, whatever members come */
	o.strict = strict;
	write_file(store_path, template_data, template_size);
	write_file(csv_path, csv, len);
	rc = jk_store_open(ctx, store_path, &st);
	FUZZ_CHECK(rc == JK_OK && st, "cannot open the store copy: %s",
		   jk_ctx_errmsg(ctx));
	memset(&stats, 0xff, sizeof stats);
	rc = clients ? jk_import_clients(ctx, st, csv_path, &o, &stats) :
		       jk_import_sites(ctx, st, csv_path, &o, &stats);
	FUZZ_CHECK(rc >= JK_OK && rc <= JK_ERR_STATE, "status %d", rc);
	FUZZ_CHECK(jk_strerror(rc) != NULL, "no text for status %d", rc);
	FUZZ_CHECK(jk_ctx_errmsg(ctx) != NULL, "no error message");
	if (rc == JK_OK)
		FUZZ_CHECK(stats.read >= 0 && stats.imported >= 0 &&
				   stats.rejected >= 0 &&
				   stats.imported <= stats.read,
			   "stats read %ld imported %ld rejected %ld",
			   stats.read, stats.imported, stats.rejected);
	jk_store_close(st);
	return rc;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char warm_sites[] =
		"no,nama_lokasi,jenis,alamat,koordinat,status,kapasitas\n"
		"1,Masjid Al-Ikhlas,Masjid,\"Kel. Sulaa, Baubau\","
		"\"-5.50467, 122.56924\",Siap,3\n";
	static const char warm_clients[] =
		"id_klien,alamat_rumah,jenis_pidana,jam_pidana,tanggal_mulai,status\n"
		"K-1,\"Kel. Wameo, Baubau\",Pidana Kerja Sosial,120,05/01/2026,Aktif\n";
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NULL;
	jk_store *st = NULL;
	FILE *f;
	long n;

	(void)argc;
	(void)argv;
	if (!tmp)
		tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") :
							       "/tmp";
	snprintf(dir, sizeof dir, "%s/jk-fuzz-import.XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		fprintf(stderr, "fuzz_import: %s: %s\n", dir, strerror(errno));
		abort();
	}
	atexit(remove_dir);
	snprintf(csv_path, sizeof csv_path, "%s/input.csv", dir);
	snprintf(store_path, sizeof store_path, "%s/store.sqlite", dir);
	snprintf(template_path, sizeof template_path, "%s/empty.sqlite", dir);
	ctx = jk_ctx_create();
	if (!ctx)
		abort();
	jk_ctx_set_log(ctx, on_log, NULL);
	if (jk_store_open(ctx, template_path, &st)) {
		fprintf(stderr, "fuzz_import: %s\n", jk_ctx_errmsg(ctx));
		abort();
	}
	jk_store_close(st);
	f = fopen(template_path, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET))
		abort();
	template_size = (size_t)n;
	template_data = malloc(template_size);
	if (!template_data || fread(template_data, 1, template_size, f) !=
				      template_size)
		abort();
	fclose(f);
	/* once each before fuzzing: the libraries' one-time set-up (driver
	 * registration, PROJ and SpatiaLite caches) is not a leak of a run */
	import_one(warm_sites, sizeof warm_sites - 1, 0, 0);
	import_one(warm_clients, sizeof warm_clients - 1, 1, 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	/* the raw bytes, NULs included: the file is what OGR reads */
	import_one(data + 1, size - 1, data[0] & 1, (data[0] >> 1) & 1);
	return 0;
}
