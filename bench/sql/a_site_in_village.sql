-- (a) site-in-village: each site with the village polygon containing it,
-- through the GiST index on desa.geom. A point in the overlap of two
-- neighbouring polygons matches both; a point in a gap matches none.
CREATE TABLE site_village AS
SELECT s.id AS site_id, v.fid AS village_fid
  FROM sites s
  JOIN desa v ON ST_Contains(v.geom, s.geom);
