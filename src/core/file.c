/* SPDX-License-Identifier: MIT */
/*
 * File creation (file.h): fresh temporaries that cannot be a planted file
 * or symlink, modes by content, work directories published as a set, and
 * the removal of what killed runs left behind. The lock protocol: the
 * creator of a temporary or a work directory takes an exclusive flock()
 * right after creating it and then checks that it is still linked; the
 * cleaner removes an entry only while it holds that lock itself. So a
 * cleaner never removes what a live run works in, and a creator whose
 * fresh entry was taken by a cleaner in between sees it and makes another.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "util.h"

#define TMP_PREFIX ".jangkau-tmp-"
#define TMP_RAND 10
#define WORK_PREFIX ".jangkau-"
#define WORK_RAND 6
#define OLD_PREFIX ".jangkau-old-"
#define COMMIT_NAME JK_WORKDIR_MARK
#define ATTEMPTS 100

/* The kinds of work directories jk_dir_clean_stale() knows as ours. */
static const char *const work_kinds[] = {"export", "report", "review"};

int jk_random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t got = getrandom(p, n, 0);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

/* @p n random characters of the base32 alphabet (lowercase). */
static int random_name(char *out, size_t n)
{
	static const char alpha[] = "abcdefghijklmnopqrstuvwxyz234567";
	unsigned char r[32];
	size_t i;

	if (n > sizeof r || jk_random_bytes(r, n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		out[i] = alpha[r[i] & 31];
	out[n] = '\0';
	return 0;
}

int jk_path_dir(jk_ctx *ctx, const char *path, char *out, size_t outsz)
{
	const char *slash = strrchr(path, '/');
	int n;

	if (!slash)
		n = snprintf(out, outsz, ".");
	else if (slash == path)
		n = snprintf(out, outsz, "/");
	else
		n = snprintf(out, outsz, "%.*s", (int)(slash - path), path);
	if (n < 0 || (size_t)n >= outsz)
		return jk_error(ctx, JK_ERR_ARG, "%s: path too long", path);
	return JK_OK;
}

/* Locks the fresh entry @p fd and checks that it is still the one at its
 * name (a cleaner may have taken it between creation and lock). Returns
 * 1 when it is ours, 0 when the caller must make another, -1 on error. */
static int lock_fresh(int fd)
{
	struct stat sb;

	if (flock(fd, LOCK_EX | LOCK_NB) != 0)
		return errno == EWOULDBLOCK ? 0 : -1;
	if (fstat(fd, &sb) != 0)
		return -1;
	return sb.st_nlink > 0;
}

/* Creates a fresh temporary for @p path; sets *fd (locked) and @p tmp. */
static int tmp_create(jk_ctx *ctx, const char *path, jk_file_access access,
		      int *fd, char *tmp, size_t tmpsz)
{
	char dir[JK_PATH_MAX], rnd[TMP_RAND + 1];
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	int rc, i, n, ok;

	*fd = -1;
	if (!*name)
		return jk_error(ctx, JK_ERR_ARG, "%s: not a file name", path);
	rc = jk_path_dir(ctx, path, dir, sizeof dir);
	if (rc)
		return rc;
	for (i = 0; i < ATTEMPTS; i++) {
		if (random_name(rnd, TMP_RAND) != 0)
			return jk_error(ctx, JK_ERR_IO,
					"%s: no random numbers from the kernel", path);
		/* the target's name is only a hint for a person looking at
		 * the folder: cut, it keeps the name within NAME_MAX */
		n = snprintf(tmp, tmpsz, "%s/" TMP_PREFIX "%s-%.200s", dir, rnd,
			     name);
		if (n < 0 || (size_t)n >= tmpsz)
			return jk_error(ctx, JK_ERR_ARG, "%s: path too long", path);
		*fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			   access == JK_FILE_PRIVATE ? 0600 : 0644);
		if (*fd < 0 && errno == EEXIST)
			continue;
		if (*fd < 0)
			return jk_error(ctx, JK_ERR_IO, "%s: cannot create a file in '%s': %s",
					name, dir, strerror(errno));
		ok = lock_fresh(*fd);
		if (ok == 1)
			break;
		close(*fd);
		*fd = -1;
		if (ok < 0)
			return jk_error(ctx, JK_ERR_IO, "%s: cannot lock: %s", tmp,
					strerror(errno));
	}
	if (*fd < 0)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot create a temporary file in '%s'",
				name, dir);
	/* the umask may not take rights away from the owner, nor add any */
	if (access == JK_FILE_PRIVATE && fchmod(*fd, 0600) != 0) {
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot restrict access: %s", tmp,
			      strerror(errno));
		close(*fd);
		*fd = -1;
		unlink(tmp);
		return rc;
	}
	return JK_OK;
}

int jk_file_write(jk_ctx *ctx, const char *path, const void *data,
		  size_t len, jk_file_access access)
{
	char tmp[JK_PATH_MAX];
	const char *p = data;
	int fd = -1, rc;

	if (!path || !*path)
		return jk_error(ctx, JK_ERR_ARG, "no output file given");
	rc = tmp_create(ctx, path, access, &fd, tmp, sizeof tmp);
	if (rc)
		return rc;
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", tmp,
				      strerror(errno));
			goto cleanup;
		}
		p += w;
		len -= (size_t)w;
	}
	/* on disk before the name points at it: a crash leaves the old file
	 * or the new one, not an empty one */
	if (fsync(fd) != 0) {
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", tmp,
			      strerror(errno));
		goto cleanup;
	}
	/* renamed while still locked: a cleaner never takes it */
	if (rename(tmp, path) != 0)
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot replace: %s", path,
			      strerror(errno));
cleanup:
	if (rc)
		unlink(tmp);
	if (close(fd) != 0 && !rc)
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", path,
			      strerror(errno));
	return rc;
}

int jk_file_set_access(jk_ctx *ctx, const char *path, jk_file_access access)
{
	struct stat sb;
	mode_t mode;

	if (lstat(path, &sb) != 0)
		return jk_error(ctx, JK_ERR_IO, "%s: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return jk_error(ctx, JK_ERR_IO, "%s: not a regular file", path);
	mode = access == JK_FILE_PRIVATE ? 0600 : (sb.st_mode & 0644);
	if ((sb.st_mode & 07777) != mode && chmod(path, mode) != 0)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot set access: %s", path,
				strerror(errno));
	return JK_OK;
}

/* ------------------------------------------------------------------ */
/* Directories                                                         */

int jk_dir_create(jk_ctx *ctx, const char *dir)
{
	char *p = NULL, *q;
	struct stat sb;
	int rc = JK_OK;

	if (!dir || !*dir)
		return jk_error(ctx, JK_ERR_ARG, "no output directory given");
	p = jk_strdup(dir);
	if (!p)
		return jk_error(ctx, JK_ERR_NOMEM, "out of memory");
	for (q = p + 1; ; q++) {
		char c = *q;

		if (c != '/' && c != '\0')
			continue;
		*q = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = jk_error(ctx, JK_ERR_IO,
				      "%s: cannot create directory: %s", p,
				      strerror(errno));
			goto cleanup;
		}
		*q = c;
		if (c == '\0')
			break;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		rc = jk_error(ctx, JK_ERR_IO, "%s: not a directory", dir);
cleanup:
	free(p);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Work directories                                                    */

int jk_workdir_create(jk_ctx *ctx, const char *dir, const char *kind,
		      jk_workdir *wd)
{
	int i, n, ok;

	memset(wd, 0, sizeof *wd);
	wd->fd = -1;
	if (jk_strlcpy(wd->dir, dir, sizeof wd->dir) >= sizeof wd->dir)
		return jk_error(ctx, JK_ERR_ARG, "%s: path too long", dir);
	jk_dir_clean_stale(ctx, dir);
	for (i = 0; i < ATTEMPTS; i++) {
		n = snprintf(wd->path, sizeof wd->path, "%s/" WORK_PREFIX "%s-XXXXXX",
			     dir, kind);
		if (n < 0 || (size_t)n >= sizeof wd->path) {
			wd->path[0] = '\0';
			return jk_error(ctx, JK_ERR_ARG, "%s: path too long", dir);
		}
		if (!mkdtemp(wd->path)) {
			int e = errno;

			wd->path[0] = '\0';
			return jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", dir,
					strerror(e));
		}
		wd->fd = open(wd->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		ok = wd->fd < 0 ? 0 : lock_fresh(wd->fd);
		if (ok == 1)
			return JK_OK;
		/* a cleaner holds it and removes it */
		if (wd->fd >= 0)
			close(wd->fd);
		wd->fd = -1;
	}
	wd->path[0] = '\0';
	return jk_error(ctx, JK_ERR_IO, "%s: cannot create a work directory", dir);
}

/* Removes the plain files of the directory open as @p fd; sets *has_sub
 * when it holds a directory (left alone). */
static void empty_dir(int fd, int *has_sub)
{
	int dup_fd = dup(fd);
	DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	struct dirent *e;

	*has_sub = 0;
	if (!d) {
		if (dup_fd >= 0)
			close(dup_fd);
		*has_sub = 1;
		return;
	}
	/* a dup shares the position of @p fd: from the start */
	rewinddir(d);
	while ((e = readdir(d)) != NULL) {
		struct stat sb;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(fd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (S_ISDIR(sb.st_mode))
			*has_sub = 1;
		else
			unlinkat(fd, e->d_name, 0);
	}
	closedir(d);
}

void jk_workdir_remove(jk_workdir *wd)
{
	int has_sub = 0;

	if (!wd->path[0])
		return;
	if (wd->fd >= 0)
		empty_dir(wd->fd, &has_sub);
	rmdir(wd->path);
	if (wd->fd >= 0)
		close(wd->fd);
	wd->fd = -1;
	wd->path[0] = '\0';
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the files in @p path, sorted; *n of them. Free each and
 * the array. */
static int list_files(jk_ctx *ctx, const char *path, char ***out, size_t *n)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;
	int rc = JK_OK;

	*out = NULL;
	*n = 0;
	if (!d)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot read: %s", path,
				strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (*n == cap) {
			char **nv = realloc(v, (cap ? cap * 2 : 16) * sizeof *v);

			if (!nv) {
				rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
				break;
			}
			v = nv;
			cap = cap ? cap * 2 : 16;
		}
		v[*n] = jk_strdup(e->d_name);
		if (!v[*n]) {
			rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
			break;
		}
		(*n)++;
	}
	closedir(d);
	if (v)
		qsort(v, *n, sizeof *v, cmp_str);
	*out = v;
	return rc;
}

static int join(jk_ctx *ctx, char *out, const char *dir, const char *pre,
		const char *name)
{
	int n = snprintf(out, JK_PATH_MAX, "%s/%s%s", dir, pre, name);

	if (n < 0 || n >= JK_PATH_MAX)
		return jk_error(ctx, JK_ERR_ARG, "%s: path too long", dir);
	return JK_OK;
}

/* Makes everything moved into the directory open as @p fd durable:
 * the renames of a published set, before the work directory goes. */
static void sync_dir(int fd)
{
	if (fd >= 0)
		fsync(fd);
}

/* Marks the set of @p wd complete: the file COMMIT_NAME in the work
 * directory, on disk (with the files of the set) before the first rename. */
static int mark_commit(jk_ctx *ctx, jk_workdir *wd)
{
	int fd = openat(wd->fd, COMMIT_NAME,
			O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", wd->path,
				strerror(errno));
	close(fd);
	/* the work directory's entries (the new files, the mark) durable
	 * before any of them is moved */
	if (fsync(wd->fd) != 0) {
		int e = errno;

		unlinkat(wd->fd, COMMIT_NAME, 0);
		return jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", wd->path,
				strerror(e));
	}
	return JK_OK;
}

/* What publishing did to one file, for the way back. */
enum { PUB_NEW = 1, PUB_HAD_OLD = 2, PUB_KEPT_OLD = 4, PUB_MOVED = 8 };

int jk_workdir_publish(jk_ctx *ctx, jk_workdir *wd, jk_publish_fn fn,
		       void *user)
{
	char **names = NULL, from[JK_PATH_MAX], to[JK_PATH_MAX], old[JK_PATH_MAX];
	unsigned char *state = NULL;
	size_t n = 0, i, j;
	int rc;

	rc = list_files(ctx, wd->path, &names, &n);
	if (rc)
		goto cleanup;
	state = calloc(n ? n : 1, 1);
	if (!state) {
		rc = jk_error(ctx, JK_ERR_NOMEM, "out of memory");
		goto cleanup;
	}
	/* first everything that can fail without changing the output
	 * directory: the caller's checks, and a hard link to each old file */
	for (i = 0; i < n && !rc; i++) {
		struct stat sb;

		rc = join(ctx, from, wd->path, "", names[i]);
		if (!rc)
			rc = join(ctx, to, wd->dir, "", names[i]);
		if (!rc && fn)
			rc = fn(user, names[i], from, to);
		if (rc)
			break;
		if (lstat(to, &sb) != 0) {
			state[i] = PUB_NEW;
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			rc = jk_error(ctx, JK_ERR_IO,
				      "%s: is a directory; move it away to write '%s' here",
				      to, names[i]);
			break;
		}
		state[i] = PUB_HAD_OLD;
		rc = join(ctx, old, wd->path, OLD_PREFIX, names[i]);
		/* without hard links (a FAT memory stick) the old file
		 * cannot come back after a failure; it is replaced anyway */
		if (!rc && link(to, old) == 0)
			state[i] |= PUB_KEPT_OLD;
	}
	/* the point of no return: from here a run killed during the
	 * renames is finished by the next one (roll_forward()) */
	if (!rc)
		rc = mark_commit(ctx, wd);
	for (i = 0; i < n && !rc; i++) {
		rc = join(ctx, from, wd->path, "", names[i]);
		if (!rc)
			rc = join(ctx, to, wd->dir, "", names[i]);
		if (!rc && rename(from, to) != 0)
			rc = jk_error(ctx, JK_ERR_IO, "%s: cannot replace: %s", to,
				      strerror(errno));
		if (!rc)
			state[i] |= PUB_MOVED;
	}
	if (!rc) {
		int dfd = open(wd->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		sync_dir(dfd);
		if (dfd >= 0)
			close(dfd);
	}
	if (rc) {
		/* the way back: the old set, or as much of it as was kept;
		 * first the mark, so that no later run rolls forward */
		unlinkat(wd->fd, COMMIT_NAME, 0);
		for (j = 0; j < n; j++) {
			if (!(state[j] & PUB_MOVED) ||
			    join(ctx, to, wd->dir, "", names[j]))
				continue;
			if (state[j] & PUB_KEPT_OLD) {
				if (!join(ctx, old, wd->path, OLD_PREFIX, names[j]))
					rename(old, to);
			} else if (state[j] & PUB_NEW) {
				unlink(to);
			}
		}
	}
cleanup:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(state);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Leftovers                                                           */

static int all_of(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

/* 1: one of our work directories, 2: one of our temporaries, else 0. */
static int stale_kind(const char *name)
{
	static const char mk[] = "abcdefghijklmnopqrstuvwxyz"
				 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	size_t i, n;

	if (!strncmp(name, TMP_PREFIX, strlen(TMP_PREFIX))) {
		const char *r = name + strlen(TMP_PREFIX);

		if (all_of(r, TMP_RAND, "abcdefghijklmnopqrstuvwxyz234567") &&
		    r[TMP_RAND] == '-')
			return 2;
		return 0;
	}
	for (i = 0; i < sizeof work_kinds / sizeof work_kinds[0]; i++) {
		char pre[64];

		n = (size_t)snprintf(pre, sizeof pre, WORK_PREFIX "%s-", work_kinds[i]);
		if (!strncmp(name, pre, n) && strlen(name + n) == WORK_RAND &&
		    all_of(name + n, WORK_RAND, mk))
			return 1;
	}
	return 0;
}

/* Finishes the publishing of a killed run: the work directory @p name
 * (open as @p fd, locked) in @p dir (open as @p dfd) holds the mark of a
 * complete set, so each of its files not yet moved (every name but the
 * mark and the set-aside old files) is moved into @p dir, as the run would
 * have done. Returns how many were moved. */
static int roll_forward(jk_ctx *ctx, const char *dir, int dfd, const char *name,
			int fd)
{
	int dup_fd = dup(fd), moved = 0;
	DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	struct dirent *e;

	if (!d) {
		if (dup_fd >= 0)
			close(dup_fd);
		return 0;
	}
	/* a dup shares the position of @p fd: from the start */
	rewinddir(d);
	while ((e = readdir(d)) != NULL) {
		struct stat sb;

		if (e->d_name[0] == '.' &&
		    (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		     !strcmp(e->d_name, COMMIT_NAME) ||
		     !strncmp(e->d_name, OLD_PREFIX, strlen(OLD_PREFIX))))
			continue;
		if (fstatat(fd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(sb.st_mode))
			continue;
		if (renameat(fd, e->d_name, dfd, e->d_name) == 0)
			moved++;
		else
			jk_msg(ctx, JK_LOG_WARN, "%s/%s: cannot finish moving '%s' in: %s",
			       dir, name, e->d_name, strerror(errno));
	}
	closedir(d);
	if (moved)
		sync_dir(dfd);
	return moved;
}

void jk_dir_clean_stale(jk_ctx *ctx, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int dfd;

	if (!d)
		return;
	dfd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		int kind = stale_kind(e->d_name), fd, has_sub = 0;
		struct stat sb;

		if (!kind)
			continue;
		if (fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
		    sb.st_uid != geteuid() ||
		    (kind == 1 ? !S_ISDIR(sb.st_mode) : !S_ISREG(sb.st_mode)))
			continue;
		fd = openat(dfd, e->d_name,
			    O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK |
				    (kind == 1 ? O_DIRECTORY : 0));
		if (fd < 0)
			continue;
		/* held by a live run: not a leftover */
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			close(fd);
			continue;
		}
		if (kind == 2) {
			if (unlinkat(dfd, e->d_name, 0) == 0)
				jk_msg(ctx, JK_LOG_INFO,
				       "%s/%s: removed, the temporary file of an interrupted run",
				       dir, e->d_name);
		} else {
			struct stat mk;

			if (fstatat(fd, COMMIT_NAME, &mk, AT_SYMLINK_NOFOLLOW) == 0) {
				int moved = roll_forward(ctx, dir, dfd, e->d_name, fd);

				jk_msg(ctx, JK_LOG_INFO,
				       "%s: an interrupted run was moving its finished outputs in; "
				       "the last %d moved now",
				       dir, moved);
			}
			empty_dir(fd, &has_sub);
			if (!has_sub && unlinkat(dfd, e->d_name, AT_REMOVEDIR) == 0)
				jk_msg(ctx, JK_LOG_INFO,
				       "%s/%s: removed, the work directory of an interrupted run",
				       dir, e->d_name);
		}
		close(fd);
	}
	closedir(d);
}
