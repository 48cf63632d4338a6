-- (d, parallel variant; information only) as p_nearest_village.sql, for
-- the active clients, children only to child-friendly sites. A client with
-- no suitable site gets a row of NULLs from the function, as the LEFT JOIN
-- of d_nearest_client.sql gives.
SET min_parallel_table_scan_size = 0;
CREATE FUNCTION nearest_suitable_site(g geometry, child boolean) RETURNS sites
  LANGUAGE sql STABLE PARALLEL SAFE COST 10000 AS $$
  SELECT s FROM sites s WHERE s.ready AND (s.child_ok OR NOT child)
   ORDER BY s.geom <-> g LIMIT 1 $$;
CREATE TABLE client_nearest_par AS
SELECT c.id, n.id AS site_id,
       ST_Distance(c.geom::geography, n.geom::geography) AS dist_m
  FROM clients c
 CROSS JOIN LATERAL nearest_suitable_site(c.geom, c.child) n
 WHERE c.active;
