-- (b) the representative point of every village.
CREATE TABLE village_pt AS
SELECT fid, kode, ST_PointOnSurface(geom) AS pt
  FROM desa;
