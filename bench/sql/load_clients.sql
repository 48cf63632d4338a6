-- Load, step 4: the generated client register (CSV on standard input).
CREATE TABLE clients_raw (
  id_klien text, alamat_rumah text, desa_kelurahan text, kecamatan text,
  kabupaten_kota text, koordinat_rumah text, jenis_pidana text, anak text,
  jam_pidana text, tanggal_mulai text, status text);
\copy clients_raw FROM pstdin WITH (FORMAT csv, HEADER true)
CREATE TABLE clients AS
SELECT id_klien AS id,
       anak = 'ya' AS child,
       status = 'aktif' AS active,
       jam_pidana::int AS jam,
       ST_SetSRID(ST_MakePoint(split_part(koordinat_rumah, ',', 2)::float8,
                               split_part(koordinat_rumah, ',', 1)::float8),
                  4326) AS geom
  FROM clients_raw;
ALTER TABLE clients ADD PRIMARY KEY (id);
CREATE INDEX clients_geom_gist ON clients USING gist (geom);
DROP TABLE clients_raw;
ANALYZE clients;
