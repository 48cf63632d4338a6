/* SPDX-License-Identifier: MIT */
/*
 * Every file jangkau creates goes through here: the one place that decides
 * how a file is made, who may read it, and how it replaces the old one.
 *
 * - A file is written under a new, unpredictable temporary name beside its
 *   target (".jangkau-tmp-XXXXXXXXXX-<name>", O_CREAT|O_EXCL|O_NOFOLLOW:
 *   never an existing file or a symlink planted there), then renamed over
 *   the target. A reader (QGIS, a browser, a PDF viewer) never sees half a
 *   file, a failed run leaves the old one, and a symlink at the target's
 *   name is replaced, never followed.
 * - Modes follow the content: JK_FILE_PRIVATE (anything about clients) is
 *   0600 whatever the umask; JK_FILE_PUBLIC is 0644 less the umask.
 * - A set of files that belongs together (the report's page and tables, an
 *   export's layers) is written into a private work directory inside the
 *   output directory (".jangkau-<kind>-XXXXXX", mode 0700) and moved in as
 *   a set: all of it, or (on failure) none of it, the old files restored.
 *   Before the first file is moved, a mark in the work directory says the
 *   set is complete; a run killed while it moves the files in (a few
 *   renames) is finished by the next run in the same directory, which
 *   moves the rest in, as a SQLite journal is rolled back by the next
 *   reader. Between the kill and that run, old and new files stand side
 *   by side.
 *   GDAL creates layer files by path itself; inside the 0700 work
 *   directory nobody else can reach them before their modes are set.
 * - Leftovers of killed runs are removed by the next run in the same
 *   directory: work directories and temporaries whose names are ours, that
 *   belong to this user, and that no live process holds. A run holds an
 *   exclusive flock() on each of its work directories and temporaries
 *   while it works, and the kernel drops the lock when the process dies
 *   (also on kill -9), so "not locked" means "nobody is working on it".
 */
#ifndef JK_FILE_H
#define JK_FILE_H

#include <stddef.h>

#include "ctx.h"

#define JK_PATH_MAX 4096

/* Who may read a file, chosen by its content. */
typedef enum jk_file_access {
	JK_FILE_PUBLIC = 0, /* 0644 less the umask */
	JK_FILE_PRIVATE = 1 /* 0600 whatever the umask: holds client data */
} jk_file_access;

/* Writes @p len bytes of @p data to @p path whole: a fresh temporary
 * beside it, then rename. Returns JK_OK, or JK_ERR_IO / JK_ERR_ARG with
 * the context error set; on failure the temporary file is removed and
 * @p path is untouched. */
int jk_file_write(jk_ctx *ctx, const char *path, const void *data,
		  size_t len, jk_file_access access);

/* Sets the mode of the existing file @p path by its content (a file made
 * by a library that creates files by path, such as GDAL): 0600 for
 * JK_FILE_PRIVATE; for JK_FILE_PUBLIC, its mode without group and other
 * write and without execute bits (0644 less the umask for a file created
 * 0666 less the umask). Returns JK_OK or JK_ERR_IO. */
int jk_file_set_access(jk_ctx *ctx, const char *path, jk_file_access access);

/* Creates the output directory @p dir and its missing parents (like
 * mkdir -p, mode 0777 less the umask). Returns JK_OK, JK_ERR_ARG (none
 * given), JK_ERR_NOMEM, or JK_ERR_IO when a part cannot be made or @p dir
 * is not a directory. */
int jk_dir_create(jk_ctx *ctx, const char *dir);

/* The name of the mark of a complete set inside a work directory. */
#define JK_WORKDIR_MARK ".jangkau-commit"

/* A private work directory of one run. Embedded; ended by
 * jk_workdir_remove() on every path. */
typedef struct jk_workdir {
	char path[JK_PATH_MAX]; /* the work directory; "" when none */
	char dir[JK_PATH_MAX];  /* the output directory it lies in */
	int fd;                 /* open and flock()ed while it exists */
} jk_workdir;

/* Creates the work directory ".jangkau-<kind>-XXXXXX" (mode 0700) inside
 * the existing directory @p dir and locks it, after removing the leftovers
 * of killed runs in @p dir (jk_dir_clean_stale()). @p kind: "export",
 * "report". Returns JK_OK, or JK_ERR_IO / JK_ERR_ARG. */
int jk_workdir_create(jk_ctx *ctx, const char *dir, const char *kind,
		      jk_workdir *wd);

/* Called by jk_workdir_publish() for each file of the set before any is
 * moved: @p name its name, @p from its path in the work directory, @p to
 * its target. May set its mode or remove stale companions of the target.
 * Returns JK_OK or an error code (with the context error set). */
typedef int (*jk_publish_fn)(void *user, const char *name, const char *from,
			     const char *to);

/* Moves every file of the work directory into the output directory as a
 * set. Each target that exists is kept as a hard link in the work
 * directory first, so that a failed move puts every old file back and
 * removes the new ones: the output directory shows the old set or the new
 * one. A crash during the renames (a few system calls) leaves the rest of
 * the set in the work directory with its mark, JK_WORKDIR_MARK; the next
 * jk_dir_clean_stale() there moves it in.
 * @p fn may be NULL. Returns JK_OK or an error (the set not published). */
int jk_workdir_publish(jk_ctx *ctx, jk_workdir *wd, jk_publish_fn fn,
		       void *user);

/* Removes the work directory, what is left in it, and its lock. Safe to
 * call more than once and on a work directory never created. */
void jk_workdir_remove(jk_workdir *wd);

/* Removes the leftovers of killed jangkau runs in @p dir: work directories
 * ".jangkau-export-XXXXXX" and ".jangkau-report-XXXXXX" and temporaries
 * ".jangkau-tmp-XXXXXXXXXX-*" that belong to this user and that no process
 * holds locked (work directories: only their plain files, never anything
 * below them; one with a subdirectory is left alone). A work directory
 * with the mark of a complete set (JK_WORKDIR_MARK) is first finished:
 * the files of its set not yet moved are moved into @p dir. Each removal
 * is reported as JK_LOG_INFO. Never fails: what cannot be removed stays. */
void jk_dir_clean_stale(jk_ctx *ctx, const char *dir);

/* The directory part of @p path into @p out ("." when none). Returns
 * JK_OK or JK_ERR_ARG when it does not fit. */
int jk_path_dir(jk_ctx *ctx, const char *path, char *out, size_t outsz);

/* Fills @p buf with @p n random bytes from the kernel (getrandom).
 * Returns 0, or -1 when the kernel gave none. */
int jk_random_bytes(void *buf, size_t n);

#endif /* JK_FILE_H */
