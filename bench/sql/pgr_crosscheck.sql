-- Untimed: jangkau's vertex-snapped answers (jk_roadbench -x, loaded as
-- jk_vertex from stdin) against pgRouting's (pgr_nearest). Vertices are
-- compared by their coordinates, to 1e-6 degree (about 0.1 m), since the
-- two number them differently; a site is compared by its vertex, since
-- several sites can share one vertex. Where the distances differ,
-- pgr_dijkstraCost from the client's vertex to the site vertex jangkau
-- chose says which answer is the shorter.
CREATE TEMP TABLE jk_vertex (kind text, id int, vlon float8, vlat float8, site int, dist_m float8);
\copy jk_vertex FROM pstdin WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE cmp AS
SELECT p.kind, p.id,
	j.vlon IS NOT NULL AS jk_on, n.vid IS NOT NULL AS pg_on,
	j.vlon AS jlon, j.vlat AS jlat, ST_X(v.the_geom) AS plon, ST_Y(v.the_geom) AS plat,
	js.vlon AS jslon, js.vlat AS jslat, ST_X(sv.the_geom) AS pslon, ST_Y(sv.the_geom) AS pslat,
	j.dist_m AS jd, n.dist_m AS pd, n.vid AS pvid, n.site_vid AS psvid,
	(SELECT w.id FROM seg_vertices_pgr w
	 WHERE js.vlon IS NOT NULL
	 ORDER BY w.the_geom <-> ST_SetSRID(ST_MakePoint(js.vlon, js.vlat), 4326) LIMIT 1) AS jsvid
FROM pts p
JOIN jk_vertex j ON j.kind = p.kind AND j.id = p.id
LEFT JOIN jk_vertex js ON js.kind = 'site' AND js.id = j.site
LEFT JOIN pgr_nearest n ON n.kind = p.kind AND n.id = p.id
LEFT JOIN seg_vertices_pgr v ON v.id = n.vid
LEFT JOIN seg_vertices_pgr sv ON sv.id = n.site_vid;
CREATE TEMP TABLE diff AS
SELECT id, pvid, jsvid, psvid, jd, pd FROM cmp
WHERE kind = 'client' AND jd IS NOT NULL AND pd IS NOT NULL
	AND abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6
	AND abs(jd - pd) > 0.005 * pd + 0.01;
CREATE TEMP TABLE dc AS
SELECT * FROM pgr_dijkstraCost('SELECT id, source, target, len_m AS cost FROM seg',
	'SELECT DISTINCT pvid AS source, jsvid AS target FROM diff WHERE jsvid IS NOT NULL',
	directed => false);
SELECT 'sites on the network (vertex within 1 km): jangkau / pgRouting',
	count(*) FILTER (WHERE jk_on) || ' / ' || count(*) FILTER (WHERE pg_on)
FROM cmp WHERE kind = 'site'
UNION ALL
SELECT 'sites snapped to the same vertex, of those on the network in both',
	count(*) FILTER (WHERE abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6) || ' / ' || count(*)
FROM cmp WHERE kind = 'site' AND jk_on AND pg_on
UNION ALL
SELECT 'clients on the network: jangkau / pgRouting',
	count(*) FILTER (WHERE jk_on) || ' / ' || count(*) FILTER (WHERE pg_on)
FROM cmp WHERE kind = 'client'
UNION ALL
SELECT 'clients snapped to the same vertex, of those on the network in both',
	count(*) FILTER (WHERE abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6) || ' / ' || count(*)
FROM cmp WHERE kind = 'client' AND jk_on AND pg_on
UNION ALL
SELECT 'clients with a site reached: jangkau / pgRouting (same vertex)',
	count(*) FILTER (WHERE jd IS NOT NULL) || ' / ' || count(*) FILTER (WHERE pd IS NOT NULL)
FROM cmp WHERE kind = 'client' AND abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6
UNION ALL
SELECT 'clients with the same nearest site vertex, of those reached in both',
	count(*) FILTER (WHERE abs(jslon - pslon) < 1e-6 AND abs(jslat - pslat) < 1e-6) || ' / ' || count(*)
FROM cmp WHERE kind = 'client' AND jd IS NOT NULL AND pd IS NOT NULL
	AND abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6
UNION ALL
SELECT 'clients with the same distance within 0.5% (+1 cm), of those reached in both',
	count(*) FILTER (WHERE abs(jd - pd) <= 0.005 * pd + 0.01) || ' / ' || count(*)
FROM cmp WHERE kind = 'client' AND jd IS NOT NULL AND pd IS NOT NULL
	AND abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6
UNION ALL
SELECT 'of these, another site vertex at the same distance (a tie)',
	(count(*) FILTER (WHERE abs(jd - pd) <= 0.005 * pd + 0.01
		AND NOT (abs(jslon - pslon) < 1e-6 AND abs(jslat - pslat) < 1e-6)))::text
FROM cmp WHERE kind = 'client' AND jd IS NOT NULL AND pd IS NOT NULL
	AND abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6
UNION ALL
SELECT 'largest distance difference, m / relative',
	coalesce(round(max(abs(jd - pd))::numeric, 3)::text, '-') || ' / ' ||
	coalesce(round(max(abs(jd - pd) / nullif(pd, 0))::numeric, 6)::text, '-')
FROM cmp WHERE kind = 'client' AND jd IS NOT NULL AND pd IS NOT NULL
	AND abs(jlon - plon) < 1e-6 AND abs(jlat - plat) < 1e-6
UNION ALL
SELECT 'clients whose distances differ by more than 0.5%: pgr_dijkstraCost to the site vertex jangkau chose matches jangkau''s distance (0.5%) and is shorter than pgr_drivingDistance''s',
	count(*) FILTER (WHERE abs(c.agg_cost - d.jd) <= 0.005 * d.jd + 0.01 AND c.agg_cost < d.pd) || ' / ' || count(*)
FROM diff d LEFT JOIN dc c ON c.start_vid = d.pvid AND c.end_vid = d.jsvid;
