-- pgRouting topology of the Jakarta roads, as in shared/data/roads/README.md:
-- every line split at every vertex (ST_DumpSegments), geodesic lengths,
-- pgr_createTopology with a tolerance of 1e-7 degree (jangkau merges nodes
-- of the same coordinate to 1e-7 degree), then what the nearest-vertex
-- search needs: a GiST index on the vertices and ANALYZE.
-- Timed as one step by bench/roads.sh ("topology").
CREATE TABLE seg AS
SELECT row_number() OVER () AS id, r.gid, r."type" AS highway, (d).geom AS geom
FROM jakarta_roads r, LATERAL ST_DumpSegments(r.geom) d;
ALTER TABLE seg ADD PRIMARY KEY (id),
	ADD COLUMN source bigint, ADD COLUMN target bigint, ADD COLUMN len_m float8;
UPDATE seg SET len_m = ST_Length(geom::geography);
SELECT pgr_createTopology('seg', 0.0000001, 'geom', 'id', clean => true) AS topology;
CREATE INDEX seg_vertices_geom ON seg_vertices_pgr USING gist (the_geom);
ANALYZE seg;
ANALYZE seg_vertices_pgr;
