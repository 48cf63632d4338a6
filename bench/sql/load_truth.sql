-- Not timed: the generator's true village of every point, for the checks.
CREATE TABLE truth (tabel text, id text, kode text, lat float8, lon float8);
\copy truth FROM pstdin WITH (FORMAT csv, HEADER true)
