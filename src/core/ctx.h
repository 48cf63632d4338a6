/* SPDX-License-Identifier: MIT */
/*
 * Private side of the context: the handles every module needs (GEOS, PROJ),
 * the last error message, and the message and progress callbacks. Library
 * code reports failures through jk_error() and row diagnostics through
 * jk_msg(); it never prints.
 */
#ifndef JK_CTX_H
#define JK_CTX_H

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#include <proj.h>

#include "jangkau/jangkau.h"

struct jk_ctx {
	char errmsg[2048];
	jk_log_fn log_fn;
	void *log_user;
	jk_progress_fn progress_fn;
	void *progress_user;
	GEOSContextHandle_t geos;
	PJ_CONTEXT *pj;
	char geos_err[512]; /* last message from the GEOS error handler */
	char gdal_err[512]; /* last GDAL error captured by jk_gdal_push() */
	double lock_wait_s; /* how long to wait for a store another program
			     * holds (jk_ctx_set_lock_wait) */
	int lock_wait_set;  /* else JK_LOCK_WAIT_DEFAULT */
};

/* Seconds to wait for a store that another program holds, unless the
 * caller says otherwise. */
#define JK_LOCK_WAIT_DEFAULT 10.0

/* The wait of @p ctx in seconds. */
double jk_ctx_lock_wait(const jk_ctx *ctx);

#if defined(__GNUC__)
#define JK_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define JK_PRINTF(a, b)
#endif

/* Sets the error detail and returns @p code, so that callers can write
 * `return jk_error(ctx, JK_ERR_IO, "...")`. */
int jk_error(jk_ctx *ctx, int code, const char *fmt, ...) JK_PRINTF(3, 4);

/* Forgets the last error: jk_ctx_errmsg() says "" again. Every public call
 * begins with it (jk_store_enter()), so that the message always belongs to
 * the last call. */
void jk_ctx_clear(jk_ctx *ctx);

/* Sends a diagnostic to the message callback, if any. */
void jk_msg(jk_ctx *ctx, jk_level level, const char *fmt, ...)
	JK_PRINTF(3, 4);

/* Reports progress of a step to the progress callback, if any. */
void jk_progress(jk_ctx *ctx, const char *step, long done, long total);

/* The GEOS handle of the context and its last error text ("" when none). */
#define JK_GEOS(ctx) ((ctx)->geos)
const char *jk_geos_lasterr(jk_ctx *ctx);

#endif /* JK_CTX_H */
