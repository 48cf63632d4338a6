/*
 * Private declarations shared by the importers.
 */
#ifndef JK_IMPORT_INT_H
#define JK_IMPORT_INT_H

/* Level of an administrative code: 1 "PP", 2 "PP.KK", 3 "PP.KK.DD",
 * 4 "PP.KK.DD.VVVV"; 0 when @p kode is not of that form. */
int jk_kode_level(const char *kode);

#endif /* JK_IMPORT_INT_H */
