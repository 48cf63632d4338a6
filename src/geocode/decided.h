/* SPDX-License-Identifier: MIT */
/*
 * The office's decisions (table decisions, written by
 * jk_import_decisions()) as the geocoder and the review writer use them:
 * loaded once per run, looked up per source row, and turned into a place.
 *
 * A decision is keyed by the source row: kind, the base name of the source
 * file, sheet and row number, and holds the row's content identity
 * (row_hash) at the time of the decision. It applies to a store row with
 * that key and that hash. The store can hold several rows at one key
 * (a site whose row was edited is a new site; the old one stays): the row
 * with the highest rowid is the one now at that position, and a decision
 * whose hash is not that row's is "changed" (reported, not applied to it).
 */
#ifndef JK_DECIDED_H
#define JK_DECIDED_H

#include "core/util.h"
#include "store/store.h"

typedef struct jk_decided jk_decided;

/* One decision; strings owned by the jk_decided. */
typedef struct jk_decision {
	int client;        /* 0: a site, 1: a client */
	char *src_file;    /* base name */
	char *src_sheet;
	long src_row;
	char *row_hash;
	char *kode;        /* the chosen village */
	char *note;        /* the planner's note, or NULL */
	char *decided_at;  /* ISO 8601 UTC */
	char *source;      /* the decisions file's base name, or NULL */
	/* state of the row now at the key, found when loaded */
	int state;         /* JK_DECIDED_* */
	long long cur_rowid; /* that row's rowid (sites: site_id), when any */
	int village_ok;    /* the chosen village is in the store */
} jk_decision;

enum {
	JK_DECIDED_FITS = 0,    /* the row at the key is the one decided */
	JK_DECIDED_CHANGED = 1, /* the row at the key holds other content */
	JK_DECIDED_GONE = 2     /* no row at the key */
};

/* Loads every decision of @p st and checks it against the rows now in the
 * store. Returns JK_OK with *out set (free with jk_decided_destroy()), or
 * JK_ERR_DB / JK_ERR_NOMEM with *out NULL. */
int jk_decided_load(jk_ctx *ctx, jk_store *st, jk_decided **out);

void jk_decided_destroy(jk_decided *d);

/* Sends a warning "FILE:ROW: kode_desa_pilihan: ..." for every decision
 * that cannot be applied (row changed or gone, village missing); returns
 * their number. */
long jk_decided_report(jk_decided *d);

/* The decision for a source row, or NULL. @p src_file may be a path: its
 * base name is the key. Borrowed from @p d. */
const jk_decision *jk_decided_find(const jk_decided *d, int client,
				   const char *src_file, const char *src_sheet,
				   long src_row);

/* "file:row", or "file[sheet]:row" for a sheet of a workbook: how messages
 * name a source row. */
void jk_decided_row_label(jk_buf *b, const char *src_file,
			  const char *src_sheet, long src_row);

/* The place a decision gives a row. */
typedef struct jk_decided_place {
	const char *prec; /* "coordinate" or "village" (static) */
	double lon, lat;
} jk_decided_place;

/*
 * The place of decision @p dc for a row with the coordinate text @p koord
 * (may be NULL): the coordinate when it lies inside the chosen village
 * (also with its latitude's sign repaired), else the village's point on
 * surface. Appends the note of a decided row to @p note ("decided by the
 * office on DATE (FILE); note: ..."). Returns 1 with @p out set, 0 when
 * the decision does not apply (its village is gone), or a negative
 * jk_status on a database error.
 */
int jk_decided_place_row(jk_decided *d, const jk_decision *dc,
			 const char *koord, jk_decided_place *out,
			 jk_buf *note);

/*
 * The point a coordinate text stands for, with the repair the geocoder
 * makes: a latitude written without its minus sign is negated when the
 * written point lies outside village @p in_kode (the village the geocoder
 * found for it, may be NULL) and the repaired one inside. Returns 1 with
 * *lon, *lat set, 0 when @p koord is empty, unreadable or 0,0.
 */
int jk_decided_coord(jk_decided *d, const char *koord, const char *in_kode,
		     double *lon, double *lat);

#endif /* JK_DECIDED_H */
