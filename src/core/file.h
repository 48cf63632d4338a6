/*
 * Writing an output file whole: to a temporary name beside it, then
 * renamed over the old file, so that a reader (QGIS, a browser, a PDF
 * viewer) never sees half a file and a failed run leaves the old one.
 */
#ifndef JK_FILE_H
#define JK_FILE_H

#include <stddef.h>

#include "ctx_int.h"

/* Writes @p len bytes of @p data to @p path (mode 0666 less the umask).
 * Returns JK_OK, or JK_ERR_IO / JK_ERR_ARG with the context error set;
 * on failure the temporary file is removed and @p path is untouched. */
int jk_file_write(jk_ctx *ctx, const char *path, const void *data,
		  size_t len);

/* The same for a file holding personal data: created owner read/write only
 * (0600) from the first byte, also when it replaces a more open file. */
int jk_file_write_private(jk_ctx *ctx, const char *path, const void *data,
			  size_t len);

#endif /* JK_FILE_H */
