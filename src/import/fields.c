/* SPDX-License-Identifier: MIT */
/*
 * Field lookups shared by the importers of OGR layers (boundaries.c,
 * roads.c): a field named by an option or found among default names, and
 * a cell's text that tells an unset or NULL cell from an empty one.
 */
#include <stddef.h>

#include "import_int.h"

int jk_import_field(OGRFeatureDefnH defn, const char *want, const char *const *defaults)
{
	int i;

	if (want)
		return OGR_FD_GetFieldIndex(defn, want);
	for (i = 0; defaults[i]; i++) {
		int k = OGR_FD_GetFieldIndex(defn, defaults[i]);

		if (k >= 0)
			return k;
	}
	return -1;
}

const char *jk_import_fstr(OGRFeatureH f, int idx)
{
	if (idx < 0 || !OGR_F_IsFieldSetAndNotNull(f, idx))
		return NULL;
	return OGR_F_GetFieldAsString(f, idx);
}
