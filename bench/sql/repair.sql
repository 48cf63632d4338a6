-- Load, step 2: repair the invalid village polygons (23 in the national
-- file), as jangkau's boundary import does with GEOS make-valid.
UPDATE desa
   SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3))
 WHERE NOT ST_IsValid(geom);
ANALYZE desa;
