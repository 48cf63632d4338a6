/*
 * Whole-file output (file.h): a hidden temporary file beside the target,
 * renamed over it once complete.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

static int file_write(jk_ctx *ctx, const char *path, const void *data,
		      size_t len, mode_t mode)
{
	char tmp[4200];
	const char *slash = strrchr(path, '/');
	const char *p = data;
	int fd, rc = JK_OK, n;

	/* the temporary file is hidden, in the same directory (rename is
	 * atomic only within one file system) */
	if (slash)
		n = snprintf(tmp, sizeof tmp, "%.*s/.%s.tmp",
			     (int)(slash - path), path, slash + 1);
	else
		n = snprintf(tmp, sizeof tmp, ".%s.tmp", path);
	if (n < 0 || n >= (int)sizeof tmp)
		return jk_error(ctx, JK_ERR_ARG, "%s: path too long", path);
	/* a stale temporary file of another run keeps its mode with O_TRUNC:
	 * remove it, so that the mode asked for is the one created */
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode);
	if (fd < 0)
		return jk_error(ctx, JK_ERR_IO, "%s: cannot create: %s", tmp,
				strerror(errno));
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s",
				      tmp, strerror(errno));
			goto cleanup;
		}
		p += w;
		len -= (size_t)w;
	}
	if (close(fd) != 0) {
		fd = -1;
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot write: %s", tmp,
			      strerror(errno));
		goto cleanup;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		rc = jk_error(ctx, JK_ERR_IO, "%s: cannot replace: %s", path,
			      strerror(errno));
cleanup:
	if (fd >= 0)
		close(fd);
	if (rc)
		unlink(tmp);
	return rc;
}

int jk_file_write(jk_ctx *ctx, const char *path, const void *data,
		  size_t len)
{
	return file_write(ctx, path, data, len, 0666);
}

int jk_file_write_private(jk_ctx *ctx, const char *path, const void *data,
			  size_t len)
{
	return file_write(ctx, path, data, len, 0600);
}
