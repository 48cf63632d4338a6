/* SPDX-License-Identifier: MIT */
/*
 * The binary min-heap of the planning solvers: ties on the key go to the
 * smaller item, so that every solver is deterministic.
 */
#include <stdlib.h>

#include "heap.h"

static int less(const jk_pheap_item *x, const jk_pheap_item *y)
{
	return x->key < y->key || (x->key == y->key && x->item < y->item);
}

int jk_pheap_push(jk_pheap *h, double key, uint32_t item)
{
	size_t i;

	if (h->n == h->cap) {
		size_t nc = h->cap ? 2 * h->cap : 64;
		jk_pheap_item *na = realloc(h->a, nc * sizeof *na);

		if (!na)
			return -1;
		h->a = na;
		h->cap = nc;
	}
	i = h->n++;
	h->a[i].key = key;
	h->a[i].item = item;
	while (i > 0) {
		size_t up = (i - 1) / 2;
		jk_pheap_item t;

		if (!less(&h->a[i], &h->a[up]))
			break;
		t = h->a[i];
		h->a[i] = h->a[up];
		h->a[up] = t;
		i = up;
	}
	return 0;
}

int jk_pheap_pop(jk_pheap *h, jk_pheap_item *out)
{
	size_t i = 0;

	if (h->n == 0)
		return 0;
	*out = h->a[0];
	h->a[0] = h->a[--h->n];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		jk_pheap_item t;

		if (l < h->n && less(&h->a[l], &h->a[m]))
			m = l;
		if (r < h->n && less(&h->a[r], &h->a[m]))
			m = r;
		if (m == i)
			break;
		t = h->a[i];
		h->a[i] = h->a[m];
		h->a[m] = t;
		i = m;
	}
	return 1;
}

void jk_pheap_release(jk_pheap *h)
{
	free(h->a);
	h->a = NULL;
	h->n = h->cap = 0;
}
