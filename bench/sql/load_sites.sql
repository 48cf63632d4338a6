-- Load, step 3: the generated office book of sites (CSV on standard input),
-- as points with the two flags the analysis needs, and a GiST index.
CREATE TABLE sites_raw (
  no text, nama_lokasi text, jenis text, alamat text, desa_kelurahan text,
  kecamatan text, kabupaten_kota text, koordinat text, status text,
  kapasitas text, kegiatan text, ramah_anak text, penanggung_jawab text,
  telepon text, keterangan text);
\copy sites_raw FROM pstdin WITH (FORMAT csv, HEADER true)
CREATE TABLE sites AS
SELECT no::int AS id,
       nama_lokasi AS nama,
       jenis,
       status = 'Siap' AS ready,
       ramah_anak = 'ya' AS child_ok,
       kapasitas::int AS kapasitas,
       -- koordinat is "lat, lon"
       ST_SetSRID(ST_MakePoint(split_part(koordinat, ',', 2)::float8,
                               split_part(koordinat, ',', 1)::float8),
                  4326) AS geom
  FROM sites_raw;
ALTER TABLE sites ADD PRIMARY KEY (id);
CREATE INDEX sites_geom_gist ON sites USING gist (geom);
DROP TABLE sites_raw;
ANALYZE sites;
