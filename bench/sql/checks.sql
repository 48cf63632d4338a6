-- Not timed: sanity of the generated data and of the baseline's results,
-- one "label | value" row each.
SELECT 'sites in exactly one village', count(*)
  FROM (SELECT site_id FROM site_village GROUP BY site_id HAVING count(*) = 1) x;
SELECT 'sites in two villages or more', count(*)
  FROM (SELECT site_id FROM site_village GROUP BY site_id HAVING count(*) > 1) x;
SELECT 'sites in no village', count(*)
  FROM sites s
 WHERE NOT EXISTS (SELECT 1 FROM site_village sv WHERE sv.site_id = s.id);
SELECT 'sites matched to the generator''s village', count(DISTINCT sv.site_id)
  FROM site_village sv
  JOIN desa v ON v.fid = sv.village_fid
  JOIN truth t ON t.tabel = 'site' AND t.id = sv.site_id::text AND t.kode = v.kode;
SELECT 'villages with a ready site inside', count(*)
  FROM village_ready WHERE ready_sites > 0;
SELECT 'villages without, nearest ready site <= 5 km', count(*)
  FROM village_ready r JOIN village_nearest n USING (fid)
 WHERE r.ready_sites = 0 AND n.dist_m <= 5000;
SELECT 'villages without, nearest ready site > 5 km', count(*)
  FROM village_ready r JOIN village_nearest n USING (fid)
 WHERE r.ready_sites = 0 AND (n.dist_m > 5000 OR n.dist_m IS NULL);
SELECT 'village to nearest ready site, median m',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY dist_m)::numeric)
  FROM village_nearest;
SELECT 'active clients given a site', count(site_id) FROM client_nearest;
SELECT 'active clients within 5 km', count(*) FROM client_nearest WHERE dist_m <= 5000;
SELECT 'children given a child-friendly site', count(*)
  FROM client_nearest n JOIN clients c USING (id) JOIN sites s ON s.id = n.site_id
 WHERE c.child AND s.child_ok;
SELECT 'client to nearest site, median m',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY dist_m)::numeric)
  FROM client_nearest;
-- The baseline picks the nearest site by planar distance in degrees (the
-- index KNN), which is not always the geodesic nearest. How often, and by
-- how much, among the 16 KNN candidates of each village:
CREATE TEMP TABLE knn_check AS
SELECT n.fid, n.dist_m, b.best
  FROM village_nearest n
  JOIN village_pt p USING (fid)
 CROSS JOIN LATERAL (
       SELECT min(ST_Distance(p.pt::geography, c.geom::geography)) AS best
         FROM (SELECT s.geom FROM sites s WHERE s.ready
                ORDER BY s.geom <-> p.pt LIMIT 16) c) b;
SELECT 'villages whose geodesic nearest is not the KNN first', count(*)
  FROM knn_check WHERE best < dist_m - 0.001;
SELECT 'largest such difference, m', coalesce(round(max(dist_m - best)::numeric, 1), 0)
  FROM knn_check WHERE best < dist_m - 0.001;
