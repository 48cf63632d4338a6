/* SPDX-License-Identifier: MIT */
/*
 * The context: creation of the GEOS and PROJ handles, error text, message
 * and progress forwarding. GEOS notices and errors are captured into the
 * context rather than printed, so that the CLI decides what the user sees.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"

const char *jk_version(void)
{
	return JK_VERSION_STRING;
}

const char *jk_strerror(jk_status code)
{
	switch (code) {
	case JK_OK: return "ok";
	case JK_ERR_NOMEM: return "out of memory";
	case JK_ERR_IO: return "input/output error";
	case JK_ERR_DB: return "project store error";
	case JK_ERR_FORMAT: return "unusable input format";
	case JK_ERR_REJECTED: return "rows rejected";
	case JK_ERR_ARG: return "invalid argument";
	case JK_ERR_GEOS: return "geometry error";
	case JK_ERR_PROJ: return "projection error";
	case JK_ERR_GDAL: return "GDAL/OGR error";
	case JK_ERR_STATE: return "step run out of order";
	default: return "unknown error";
	}
}

static void geos_error_cb(const char *message, void *userdata)
{
	jk_ctx *ctx = userdata;

	snprintf(ctx->geos_err, sizeof ctx->geos_err, "%s", message);
}

static void geos_notice_cb(const char *message, void *userdata)
{
	(void)message;
	(void)userdata;
}

static void proj_log_cb(void *user, int level, const char *msg)
{
	(void)user;
	(void)level;
	(void)msg;
}

void jk_ctx_set_lock_wait(jk_ctx *ctx, double seconds)
{
	ctx->lock_wait_s = seconds > 0 ? seconds : 0;
	ctx->lock_wait_set = 1;
}

double jk_ctx_lock_wait(const jk_ctx *ctx)
{
	return ctx->lock_wait_set ? ctx->lock_wait_s : JK_LOCK_WAIT_DEFAULT;
}

jk_ctx *jk_ctx_create(void)
{
	jk_ctx *ctx = calloc(1, sizeof *ctx);

	if (!ctx)
		return NULL;
	ctx->geos = GEOS_init_r();
	if (!ctx->geos)
		goto fail;
	GEOSContext_setErrorMessageHandler_r(ctx->geos, geos_error_cb, ctx);
	GEOSContext_setNoticeMessageHandler_r(ctx->geos, geos_notice_cb, ctx);
	ctx->pj = proj_context_create();
	if (!ctx->pj)
		goto fail;
	proj_log_func(ctx->pj, ctx, proj_log_cb);
	return ctx;
fail:
	jk_ctx_destroy(ctx);
	return NULL;
}

void jk_ctx_destroy(jk_ctx *ctx)
{
	if (!ctx)
		return;
	if (ctx->geos)
		GEOS_finish_r(ctx->geos);
	if (ctx->pj)
		proj_context_destroy(ctx->pj);
	free(ctx);
}

const char *jk_ctx_errmsg(const jk_ctx *ctx)
{
	return ctx ? ctx->errmsg : "";
}

void jk_ctx_set_log(jk_ctx *ctx, jk_log_fn fn, void *user)
{
	ctx->log_fn = fn;
	ctx->log_user = user;
}

void jk_ctx_set_progress(jk_ctx *ctx, jk_progress_fn fn, void *user)
{
	ctx->progress_fn = fn;
	ctx->progress_user = user;
}

int jk_error(jk_ctx *ctx, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
	va_end(ap);
	return code;
}

void jk_ctx_clear(jk_ctx *ctx)
{
	if (ctx)
		ctx->errmsg[0] = '\0';
}

void jk_msg(jk_ctx *ctx, jk_level level, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	if (!ctx->log_fn)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ctx->log_fn(ctx->log_user, level, buf);
}

void jk_progress(jk_ctx *ctx, const char *step, long done, long total)
{
	if (ctx->progress_fn)
		ctx->progress_fn(ctx->progress_user, step, done, total);
}

const char *jk_geos_lasterr(jk_ctx *ctx)
{
	return ctx->geos_err;
}
