/* SPDX-License-Identifier: MIT */
/*
 * Private layout of the routing objects (roads.h), shared by the files of
 * src/roads and by the unit tests.
 */
#ifndef JK_ROADS_INT_H
#define JK_ROADS_INT_H

#include <geodesic.h>

#include "roads.h"

/* One undirected segment of the imported network. */
typedef struct jk_rseg {
	uint32_t a, b;     /* nodes */
	uint32_t cls;      /* index into the class dictionary */
	int8_t oneway;     /* 1 a->b only, -1 b->a only, 0 both */
	uint8_t ferry;
	float maxspeed;    /* km/h, 0 when not tagged */
	double len_m;
	double dur_s;      /* ferry duration of this segment, 0 when not tagged */
} jk_rseg;

struct jk_roadnet {
	size_t n_nodes, cap_nodes;
	double *lon, *lat;
	size_t n_segs, cap_segs;
	jk_rseg *seg;
	char **cls;        /* class dictionary */
	size_t n_cls, cap_cls;
	/* coordinate -> node, open addressing (entries are node + 1) */
	uint32_t *hash;
	size_t hash_cap;
	struct geod_geodesic geod;
};

typedef struct jk_pclass {
	char *pattern; /* lower case, without a trailing '*' */
	int prefix;    /* pattern ended in '*' */
	double kmh;
	int allowed, oneway;
} jk_pclass;

struct jk_profile {
	char *path;
	jk_pclass *c;
	size_t n;
	int ferry_allowed;
	double ferry_kmh, ferry_wait_min;
	double access_kmh;
};

/* A usable segment of a graph. Times in seconds; INFINITY where a
 * direction is closed. */
typedef struct jk_gseg {
	uint32_t a, b;
	double len_m;
	double t_ab, t_ba;
	uint8_t ferry;
} jk_gseg;

struct jk_graph {
	size_t n_nodes;
	double *lon, *lat;
	size_t n_segs;
	jk_gseg *seg;
	/* reverse CSR: for node v, the directed edges u->v; each entry holds
	 * the segment << 1 | (1 when the edge runs b->a) */
	uint32_t *rfirst; /* n_nodes + 1 */
	uint32_t *redge;
	size_t n_edges;
	double access_kmh;
	/* snap grid: cells of `cell` degrees; the segments of cell k are
	 * gseg[cstart[k] .. cstart[k + 1]), cell keys found through an open
	 * addressing table (entries are k + 1) */
	double cell;
	size_t n_cells, n_grid;
	uint64_t *ckey;
	uint32_t *cstart;
	uint32_t *gseg;
	uint32_t *chash;
	size_t chash_cap;
	uint32_t *csize; /* per node: nodes in its (undirected) component */
	struct geod_geodesic geod;
};

struct jk_search {
	const jk_graph *g;
	int by_distance;
	double *cost, *km, *sec; /* per node, towards its destination */
	uint32_t *dest;          /* per node; UINT32_MAX when none */
	uint32_t *next;          /* per node: forward edge taken, seg << 1 | dir */
	/* destinations, sorted by segment, for origins on the same segment */
	size_t n_dest;
	jk_snap *dsnap;  /* copy, by destination index */
	uint32_t *dord;  /* destination indexes sorted by segment */
};

#endif /* JK_ROADS_INT_H */
