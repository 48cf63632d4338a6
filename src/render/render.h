/* SPDX-License-Identifier: MIT */
/*
 * What other rooms may use of the drawing room (render): a map as an image
 * in memory, for the gap report. The maps and the book themselves are
 * public calls (jk_map_write(), jk_book_write() in jangkau.h); the rest of render is
 * private to it (render_int.h).
 */
#ifndef JK_RENDER_H
#define JK_RENDER_H

#include "core/util.h"
#include "store/store.h"

/*
 * Renders the stand-alone coverage map of @p code (title, map, legend,
 * scale bar, north arrow, data date, source line), @p width_px wide, as a
 * lossless WebP image into @p out (the file's bytes). Used by the gap
 * report to embed maps. Returns JK_OK or an error with the context set.
 */
int jk_map_webp_buf(jk_ctx *ctx, jk_store *st, const char *code, int id,
		    int width_px, jk_buf *out);

#endif /* JK_RENDER_H */
