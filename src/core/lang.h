/* SPDX-License-Identifier: MIT */
/*
 * The words of jangkau's outputs in Indonesian and English, in one place:
 * the gap report, the maps and their legends, the reach rule. A word that
 * stands for the same thing in several outputs is one entry, so that it
 * reads the same everywhere and is changed once.
 */
#ifndef JK_LANG_H
#define JK_LANG_H

/* The language of an output. */
typedef enum jk_lang { JK_LANG_EN = 0, JK_LANG_ID = 1 } jk_lang;

/* The texts. */
typedef enum jk_text_key {
	JK_T_TITLE,
	JK_T_RADIUS,
	JK_T_RUN,
	JK_T_UNKNOWN,
	JK_T_SUMMARY,
	JK_T_BY_KAB,
	JK_T_BY_KEC,
	JK_T_GAPS,
	JK_T_GAPS_NOTE,
	JK_T_ATTN,
	JK_T_ATTN_NOTE,
	JK_T_LEGEND,
	JK_T_NO_GAPS,
	JK_T_NO_ATTN,
	JK_T_FILES,
	JK_T_MADE_BY,
	JK_T_MAP,
	JK_T_KABUPATEN,
	JK_T_KECAMATAN,
	JK_T_DESA,
	JK_T_VILLAGES,
	JK_T_NO_READY,
	JK_T_D_NO_READY,
	JK_T_OF,
	JK_T_VILLAGES_LC,
	JK_T_COVERED,
	JK_T_REACHABLE,
	JK_T_PENDING,
	JK_T_GAP,
	JK_T_SITES,
	JK_T_CAP,
	JK_T_DEMAND,
	JK_T_STATUS,
	JK_T_N_PENDING,
	JK_T_NEAR_KM,
	JK_T_STATUS_AK,
	JK_T_SITE_ID,
	JK_T_SRC_ROW,
	JK_T_NAMA,
	JK_T_PRECISION,
	JK_T_GEO_NOTE,
	JK_T_TOTAL,
	JK_T_K_ACTIVE,
	JK_T_K_INREACH,
	JK_T_K_FAR,
	JK_T_K_NOSITE,
	JK_T_S_COVERED,
	JK_T_S_REACHABLE,
	JK_T_S_PENDING,
	JK_T_S_GAP,
	JK_T_SS_READY,
	JK_T_SS_NOT_READY,
	JK_T_SS_INACTIVE,
	JK_T_SS_UNKNOWN,
	JK_T_P_COORDINATE,
	JK_T_P_VILLAGE,
	JK_T_P_DISTRICT,
	JK_T_P_REGENCY,
	JK_T_P_AMBIGUOUS,
	JK_T_P_NONE,
	JK_T_P_NULL,
	JK_T_D_COVERED,
	JK_T_D_REACHABLE,
	JK_T_D_PENDING,
	JK_T_D_GAP,
	JK_T_D_AK,
	JK_T_MAP_NONE,
	JK_T_MAP_READY,
	JK_T_MAP_NOT_READY,
	JK_T_MAP_INACTIVE,
	JK_T_MAP_UNKNOWN,
	JK_T_MAP_VILLAGES,
	JK_T_MAP_SITES,
	JK_T_MAP_KEC_LINE,
	JK_T_MAP_OTHER_AREA,
	JK_T_MAP_TITLE,
	JK_T_MAP_DATA_AT,
	JK_T_MAP_SOURCE,
	JK_T_MAP_PROJ,
	JK_T_MAP_MADE_BY,
	JK_T_MAP_NORTH,
	JK_T_ROAD_RULE,
	JK_T_MINUTES,
	JK_T_AND,
	JK_T_KM_ON_ROAD,
	JK_T_PROFILE,
	JK_T_OFF_NETWORK,
	JK_T_UNREACHABLE,
	JK_T_MAP_ZONE,
	JK_T_N
} jk_text_key;

/* The text @p t in @p lang (JK_LANG_ID when @p lang is non-zero, so that
 * a flag "Indonesian" may be passed). Static storage; "" for an unknown
 * text. */
const char *jk_tr(int lang, jk_text_key t);

/* The word in @p lang of a code value of the store: a coverage status
 * ("covered", "gap", ...), a site status ("ready", "not_ready", ...) or a
 * geocoding precision ("village", "district", ...); NULL for another
 * value. Static storage. */
const char *jk_tr_code(int lang, const char *code);

#endif /* JK_LANG_H */
