-- (d) nearest ready site of every village's point-on-surface: index KNN
-- (<-> on geometry, planar degrees), then the geodesic distance on the
-- WGS 84 spheroid (geography).
CREATE TABLE village_nearest AS
SELECT p.fid, n.id AS site_id,
       ST_Distance(p.pt::geography, n.geom::geography) AS dist_m
  FROM village_pt p
  LEFT JOIN LATERAL (
       SELECT s.id, s.geom
         FROM sites s
        WHERE s.ready
        ORDER BY s.geom <-> p.pt
        LIMIT 1) n ON true;
