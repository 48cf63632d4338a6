/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of file creation (src/core/file.h): a planted symlink is never
 * followed, modes follow the content whatever the umask, a work directory
 * is published as a whole or not at all, and the leftovers of killed runs
 * are removed by the next run, but never what a live run holds or what is
 * not clearly ours.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"
#include "fixture.h"

static jk_scratch sc;
static jk_ctx *ctx;

static void setup(void)
{
	jk_scratch_init(&sc, "file");
	ctx = jk_ctx_create();
	ck_assert_ptr_nonnull(ctx);
	jk_ctx_set_log(ctx, jk_scratch_log, &sc);
}

static void teardown(void)
{
	jk_ctx_destroy(ctx);
	jk_scratch_release(&sc);
}

static void path_of(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", sc.dir, name);
}

static void put(const char *name, const char *text)
{
	char path[600];

	jk_scratch_write(&sc, name, text, path, sizeof path);
}

static char *get(const char *name)
{
	return jk_test_slurp(sc.dir, name);
}

static int exists(const char *name)
{
	char path[600];
	struct stat sb;

	path_of(path, sizeof path, name);
	return lstat(path, &sb) == 0;
}

static mode_t mode_of(const char *name)
{
	char path[600];
	struct stat sb;

	path_of(path, sizeof path, name);
	ck_assert_int_eq(lstat(path, &sb), 0);
	return sb.st_mode & 07777;
}

/* Names in the scratch directory that start with @p prefix. */
static int count_prefix(const char *prefix)
{
	DIR *d = opendir(sc.dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (!strncmp(e->d_name, prefix, strlen(prefix)))
			n++;
	closedir(d);
	return n;
}

/* A symlink planted where the temporary file used to be (.<name>.tmp) or
 * at the target itself is never followed: the file it points at keeps its
 * contents, and the target becomes a plain file. */
START_TEST(test_symlink_not_followed)
{
	char path[600], victim[600], link_at[600];
	struct stat sb;
	char *txt;

	put("victim.txt", "precious");
	path_of(victim, sizeof victim, "victim.txt");
	path_of(link_at, sizeof link_at, ".out.html.tmp");
	ck_assert_int_eq(symlink(victim, link_at), 0);
	path_of(path, sizeof path, "out.html");
	ck_assert_int_eq(jk_file_write(ctx, path, "new", 3, JK_FILE_PUBLIC), JK_OK);
	txt = get("victim.txt");
	ck_assert_str_eq(txt, "precious");
	free(txt);
	txt = get("out.html");
	ck_assert_str_eq(txt, "new");
	free(txt);

	/* a symlink at the target's own name is replaced, not followed */
	path_of(link_at, sizeof link_at, "map.png");
	ck_assert_int_eq(symlink(victim, link_at), 0);
	ck_assert_int_eq(jk_file_write(ctx, link_at, "png", 3, JK_FILE_PUBLIC), JK_OK);
	ck_assert_int_eq(lstat(link_at, &sb), 0);
	ck_assert(S_ISREG(sb.st_mode));
	txt = get("victim.txt");
	ck_assert_str_eq(txt, "precious");
	free(txt);
	/* no temporary is left behind */
	ck_assert_int_eq(count_prefix(".jangkau-tmp-"), 0);
}
END_TEST

/* Modes follow the content, not the umask: client data 0600 even under
 * umask 0; other files 0644 less the umask (never group/other write). */
START_TEST(test_modes)
{
	static const struct {
		mode_t umask;
		mode_t pub, priv;
	} cases[] = {
		{0, 0644, 0600}, {022, 0644, 0600}, {027, 0640, 0600},
		{077, 0600, 0600}, {0277, 0400, 0600},
	};
	char path[600];
	mode_t old = umask(0);
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		umask(cases[i].umask);
		path_of(path, sizeof path, "pub.txt");
		ck_assert_int_eq(jk_file_write(ctx, path, "x", 1, JK_FILE_PUBLIC), JK_OK);
		ck_assert_msg(mode_of("pub.txt") == cases[i].pub,
			      "umask %03o: public %03o", (unsigned)cases[i].umask,
			      (unsigned)mode_of("pub.txt"));
		path_of(path, sizeof path, "priv.txt");
		ck_assert_int_eq(jk_file_write(ctx, path, "x", 1, JK_FILE_PRIVATE), JK_OK);
		ck_assert_msg(mode_of("priv.txt") == cases[i].priv,
			      "umask %03o: private %03o", (unsigned)cases[i].umask,
			      (unsigned)mode_of("priv.txt"));
		unlink(path);
		path_of(path, sizeof path, "pub.txt");
		unlink(path);
	}
	umask(0);
	/* a file a library made by path (0666 less the umask) */
	put("gdal.shp", "x");
	path_of(path, sizeof path, "gdal.shp");
	ck_assert_int_eq(chmod(path, 0666), 0);
	ck_assert_int_eq(jk_file_set_access(ctx, path, JK_FILE_PUBLIC), JK_OK);
	ck_assert_int_eq(mode_of("gdal.shp"), 0644);
	ck_assert_int_eq(jk_file_set_access(ctx, path, JK_FILE_PRIVATE), JK_OK);
	ck_assert_int_eq(mode_of("gdal.shp"), 0600);
	umask(old);
}
END_TEST

static void in_wd(char *out, const jk_workdir *wd, const char *name)
{
	size_t n = strlen(wd->path);

	ck_assert_uint_lt(n + strlen(name) + 2, JK_PATH_MAX);
	memcpy(out, wd->path, n);
	out[n] = '/';
	memcpy(out + n + 1, name, strlen(name) + 1);
}

/* A work directory is private, and moves in as a set. */
START_TEST(test_workdir_publish)
{
	jk_workdir wd;
	char path[JK_PATH_MAX];
	struct stat sb;
	char *txt;

	put("a.csv", "old a");
	put("b.csv", "old b");
	ck_assert_int_eq(jk_workdir_create(ctx, sc.dir, "report", &wd), JK_OK);
	ck_assert_int_eq(stat(wd.path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 07777, 0700);
	in_wd(path, &wd, "a.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "new a", 5, JK_FILE_PUBLIC), JK_OK);
	in_wd(path, &wd, "b.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "new b", 5, JK_FILE_PUBLIC), JK_OK);
	in_wd(path, &wd, "c.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "new c", 5, JK_FILE_PUBLIC), JK_OK);
	ck_assert_int_eq(jk_workdir_publish(ctx, &wd, NULL, NULL), JK_OK);
	jk_workdir_remove(&wd);
	txt = get("a.csv");
	ck_assert_str_eq(txt, "new a");
	free(txt);
	txt = get("c.csv");
	ck_assert_str_eq(txt, "new c");
	free(txt);
	ck_assert_int_eq(count_prefix(".jangkau"), 0);

	/* one member cannot be written (a directory is in its place): none
	 * is, and the old files stay */
	path_of(path, sizeof path, "b.csv");
	unlink(path);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	ck_assert_int_eq(jk_workdir_create(ctx, sc.dir, "report", &wd), JK_OK);
	in_wd(path, &wd, "a.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "newer a", 7, JK_FILE_PUBLIC), JK_OK);
	in_wd(path, &wd, "b.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "newer b", 7, JK_FILE_PUBLIC), JK_OK);
	in_wd(path, &wd, "d.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "newer d", 7, JK_FILE_PUBLIC), JK_OK);
	ck_assert_int_eq(jk_workdir_publish(ctx, &wd, NULL, NULL), JK_ERR_IO);
	ck_assert_ptr_nonnull(strstr(jk_ctx_errmsg(ctx), "b.csv"));
	jk_workdir_remove(&wd);
	txt = get("a.csv");
	ck_assert_str_eq(txt, "new a");
	free(txt);
	ck_assert(!exists("d.csv"));
	ck_assert_int_eq(count_prefix(".jangkau"), 0);
}
END_TEST

/* The caller's check of a member fails after some members were looked
 * at: nothing is moved. */
static int refuse_c(void *user, const char *name, const char *from,
		    const char *to)
{
	(void)user;
	(void)from;
	(void)to;
	if (!strcmp(name, "c.csv"))
		return jk_error(ctx, JK_ERR_IO, "c.csv: refused");
	return JK_OK;
}

START_TEST(test_workdir_publish_all_or_nothing)
{
	jk_workdir wd;
	char path[JK_PATH_MAX];
	char *txt;

	put("a.csv", "old a");
	ck_assert_int_eq(jk_workdir_create(ctx, sc.dir, "export", &wd), JK_OK);
	in_wd(path, &wd, "a.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "new a", 5, JK_FILE_PUBLIC), JK_OK);
	in_wd(path, &wd, "c.csv");
	ck_assert_int_eq(jk_file_write(ctx, path, "new c", 5, JK_FILE_PUBLIC), JK_OK);
	ck_assert_int_eq(jk_workdir_publish(ctx, &wd, refuse_c, NULL), JK_ERR_IO);
	jk_workdir_remove(&wd);
	txt = get("a.csv");
	ck_assert_str_eq(txt, "old a");
	free(txt);
	ck_assert(!exists("c.csv"));
}
END_TEST

/* What killed runs left is removed by the next run; what a live run
 * holds, what belongs to nobody we know, and what is not a plain
 * leftover stays. */
START_TEST(test_stale_leftovers)
{
	char path[600], sub[700];
	jk_workdir wd;
	int held;

	/* a killed export: its work directory with a half-written layer */
	path_of(path, sizeof path, ".jangkau-export-Ab12Cd");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	put(".jangkau-export-Ab12Cd/clients.geojson", "{half");
	/* a killed report */
	path_of(path, sizeof path, ".jangkau-report-zz99ZZ");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	/* a killed map: its temporary */
	put(".jangkau-tmp-abcdefgh23-map.png", "half");
	/* a live run: locked */
	path_of(path, sizeof path, ".jangkau-report-LIVE01");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	held = open(path, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(held, 0);
	ck_assert_int_eq(flock(held, LOCK_EX), 0);
	/* not ours: other names, a directory below, a symlink */
	path_of(path, sizeof path, ".jangkau-export-short");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	path_of(path, sizeof path, ".jangkau-export-Sub123");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(sub, sizeof sub, "%s/keep", path);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	put(".jangkau-tmp-notrandom!-x", "mine");
	put(".gap_report.html.tmp", "someone's");
	path_of(path, sizeof path, ".jangkau-report-Link01");
	ck_assert_int_eq(symlink(sc.dir, path), 0);

	ck_assert_int_eq(jk_workdir_create(ctx, sc.dir, "export", &wd), JK_OK);
	jk_workdir_remove(&wd);

	ck_assert(!exists(".jangkau-export-Ab12Cd"));
	ck_assert(!exists(".jangkau-report-zz99ZZ"));
	ck_assert(!exists(".jangkau-tmp-abcdefgh23-map.png"));
	ck_assert(jk_scratch_has(&sc, ".jangkau-export-Ab12Cd: removed"));
	ck_assert(exists(".jangkau-report-LIVE01"));
	ck_assert(exists(".jangkau-export-short"));
	ck_assert(exists(".jangkau-export-Sub123/keep"));
	ck_assert(exists(".jangkau-tmp-notrandom!-x"));
	ck_assert(exists(".gap_report.html.tmp"));
	ck_assert(exists(".jangkau-report-Link01"));
	close(held);
	/* once its run is gone, the live one is a leftover too */
	jk_dir_clean_stale(ctx, sc.dir);
	ck_assert(!exists(".jangkau-report-LIVE01"));
}
END_TEST

/* An export killed while it moved its finished set in: a.csv already
 * new, b.csv and c.csv still in the work directory with the mark of a
 * complete set. The next run moves them in; a work directory without the
 * mark (killed before its set was complete) moves nothing. */
START_TEST(test_stale_publish_rolled_forward)
{
	char path[600], old[700];
	jk_workdir wd;
	char *txt;

	put("a.csv", "new a");
	put("b.csv", "old b");
	path_of(path, sizeof path, ".jangkau-export-Kill01");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	put(".jangkau-export-Kill01/" JK_WORKDIR_MARK, "");
	put(".jangkau-export-Kill01/b.csv", "new b");
	put(".jangkau-export-Kill01/c.csv", "new c");
	path_of(path, sizeof path, "b.csv");
	path_of(old, sizeof old, ".jangkau-export-Kill01/.jangkau-old-b.csv");
	ck_assert_int_eq(link(path, old), 0);
	/* killed before the set was complete */
	path_of(path, sizeof path, ".jangkau-report-Half01");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	put(".jangkau-report-Half01/b.csv", "half b");

	ck_assert_int_eq(jk_workdir_create(ctx, sc.dir, "export", &wd), JK_OK);
	jk_workdir_remove(&wd);
	txt = get("a.csv");
	ck_assert_str_eq(txt, "new a");
	free(txt);
	txt = get("b.csv");
	ck_assert_str_eq(txt, "new b");
	free(txt);
	txt = get("c.csv");
	ck_assert_str_eq(txt, "new c");
	free(txt);
	ck_assert(jk_scratch_has(&sc, "the last 2 moved now"));
	ck_assert_int_eq(count_prefix(".jangkau"), 0);
}
END_TEST

static Suite *file_suite(void)
{
	Suite *s = suite_create("file");
	TCase *tc = tcase_create("create");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_symlink_not_followed);
	tcase_add_test(tc, test_modes);
	tcase_add_test(tc, test_workdir_publish);
	tcase_add_test(tc, test_workdir_publish_all_or_nothing);
	tcase_add_test(tc, test_stale_leftovers);
	tcase_add_test(tc, test_stale_publish_rolled_forward);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return jk_test_main(file_suite());
}
