-- The benchmark's points (jk_roadbench -w: kind,id,lon,lat), read by both
-- jangkau and pgRouting. Not part of the timed query.
CREATE TABLE pts (kind text, id int, lon float8, lat float8);
\copy pts FROM pstdin WITH (FORMAT csv, HEADER true)
ALTER TABLE pts ADD COLUMN geom geometry(Point, 4326);
UPDATE pts SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
ALTER TABLE pts ADD PRIMARY KEY (kind, id);
ANALYZE pts;
