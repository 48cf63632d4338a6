-- (d, parallel variant; information only) PostgreSQL 15 never runs a
-- LATERAL subquery with LIMIT in parallel workers, so (d) uses one core.
-- The same search wrapped in a PARALLEL SAFE SQL function, called through
-- LATERAL, with small tables allowed a parallel scan, uses both cores.
SET min_parallel_table_scan_size = 0;
CREATE FUNCTION nearest_ready_site(g geometry) RETURNS sites
  LANGUAGE sql STABLE PARALLEL SAFE COST 10000 AS $$
  SELECT s FROM sites s WHERE s.ready ORDER BY s.geom <-> g LIMIT 1 $$;
CREATE TABLE village_nearest_par AS
SELECT p.fid, n.id AS site_id,
       ST_Distance(p.pt::geography, n.geom::geography) AS dist_m
  FROM village_pt p
 CROSS JOIN LATERAL nearest_ready_site(p.pt) n;
