-- (d) nearest suitable ready site of every active client: children only to
-- child-friendly sites (ramah_anak), same KNN + geodesic distance.
CREATE TABLE client_nearest AS
SELECT c.id, n.id AS site_id,
       ST_Distance(c.geom::geography, n.geom::geography) AS dist_m
  FROM clients c
  LEFT JOIN LATERAL (
       SELECT s.id, s.geom
         FROM sites s
        WHERE s.ready AND (s.child_ok OR NOT c.child)
        ORDER BY s.geom <-> c.geom
        LIMIT 1) n ON true
 WHERE c.active;
