-- The question of the road benchmark in pgRouting: the nearest site of
-- every client by road, shortest by length, undirected, every road class.
-- Every site and client joins the network at its nearest vertex (KNN on
-- planar distance in degrees, `<->`), and not at all when that vertex is
-- more than 1 km away (geodesic), as jangkau's default snap distance. One
-- pgr_drivingDistance from all site vertices with equicost => true gives
-- every reached vertex its nearest site vertex (from_v) and the distance
-- (agg_cost); a client reads the row of its vertex. Timed as one step
-- by bench/roads.sh ("query").
CREATE TABLE pgr_nearest AS
WITH snap AS (
	SELECT p.kind, p.id, v.id AS vid,
		ST_Distance(p.geom::geography, v.the_geom::geography) AS snap_m
	FROM pts p
	CROSS JOIN LATERAL (
		SELECT id, the_geom FROM seg_vertices_pgr
		ORDER BY the_geom <-> p.geom LIMIT 1) v
), on_net AS (
	SELECT * FROM snap WHERE snap_m <= 1000
), dd AS (
	SELECT from_v, node, agg_cost
	FROM pgr_drivingDistance(
		'SELECT id, source, target, len_m AS cost FROM seg',
		(SELECT array_agg(DISTINCT vid) FROM on_net WHERE kind = 'site'),
		1e12, directed => false, equicost => true)
)
SELECT s.kind, s.id, s.vid, dd.from_v AS site_vid, dd.agg_cost AS dist_m
FROM on_net s LEFT JOIN dd ON dd.node = s.vid;
