/* SPDX-License-Identifier: MIT */
/*
 * A binary min-heap of (key, item) pairs with lazy deletion, shared by the
 * planning solvers (Dijkstra in assign.c, the lazy greedy of cover.c).
 * Private to src/plan.
 */
#ifndef JK_PLAN_HEAP_H
#define JK_PLAN_HEAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct jk_pheap_item {
	double key;
	uint32_t item;
} jk_pheap_item;

typedef struct jk_pheap {
	jk_pheap_item *a;
	size_t n, cap;
} jk_pheap;

/* Returns 0, or -1 when out of memory (the heap is unchanged). */
int jk_pheap_push(jk_pheap *h, double key, uint32_t item);
/* Removes the smallest key into *out; 0 when the heap was empty. */
int jk_pheap_pop(jk_pheap *h, jk_pheap_item *out);
void jk_pheap_release(jk_pheap *h);

#endif /* JK_PLAN_HEAP_H */
