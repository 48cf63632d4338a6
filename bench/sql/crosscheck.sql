-- Not timed; SQLite, run by run.sh on jangkau's store with the temporary
-- tables truth (the generator's villages), pgv and pgc (PostGIS distances).
.mode list
.separator ' | '
SELECT 'sites geocoded to the generator''s village', count(*)
  FROM sites s JOIN truth t ON t.tabel = 'site' AND t.id = s.no AND t.kode = s.kode_desa;
SELECT 'clients geocoded to the generator''s village', count(*)
  FROM clients c JOIN truth t ON t.tabel = 'client' AND t.id = c.client_id AND t.kode = c.kode_desa;
SELECT 'villages covered (a ready site inside)', count(*) FROM coverage WHERE status = 'covered';
SELECT 'villages: nearest ready site at the same distance as PostGIS', count(*)
  FROM coverage c JOIN pgv p USING (kode) WHERE abs(c.near_km * 1000 - p.dist_m) <= 1;
SELECT 'villages: jangkau nearer than PostGIS', count(*)
  FROM coverage c JOIN pgv p USING (kode) WHERE c.near_km * 1000 < p.dist_m - 1;
SELECT 'villages: jangkau farther than PostGIS', count(*)
  FROM coverage c JOIN pgv p USING (kode) WHERE c.near_km * 1000 > p.dist_m + 1;
SELECT 'villages: no distance in jangkau', count(*)
  FROM pgv p LEFT JOIN coverage c USING (kode) WHERE c.near_km IS NULL;
SELECT 'clients: nearest site at the same distance as PostGIS', count(*)
  FROM client_links l JOIN pgc p ON p.id = l.client_id WHERE abs(l.dist_km * 1000 - p.dist_m) <= 1;
SELECT 'clients: jangkau nearer than PostGIS', count(*)
  FROM client_links l JOIN pgc p ON p.id = l.client_id WHERE l.dist_km * 1000 < p.dist_m - 1;
SELECT 'clients: jangkau farther than PostGIS', count(*)
  FROM client_links l JOIN pgc p ON p.id = l.client_id WHERE l.dist_km * 1000 > p.dist_m + 1;
SELECT 'clients: no site in jangkau', count(*)
  FROM pgc p LEFT JOIN client_links l ON l.client_id = p.id WHERE l.dist_km IS NULL;
