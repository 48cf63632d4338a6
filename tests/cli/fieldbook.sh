# SPDX-License-Identifier: MIT
# End to end on real data: Sulawesi Tenggara villages and the Bapas Baubau
# field book. Checks, each computed here from independent sources:
# - geocoding accuracy against the truth files (>= 99.8% of site rows and
#   99.5% of client rows in their true village; none in a wrong village
#   among rows reported at village precision or better);
# - every village's coverage status in the nine regencies of Bapas Baubau,
#   recomputed with SpatiaLite SQL (ST_Contains, geodesic ST_Distance) on
#   the exported layer;
# - every layer opening with ogrinfo with equal feature counts across formats.
. "$(dirname "$0")/lib.bash"
need_shared
FB="$JK_SHARED/data/fieldbook"
OUT="$T/out"
run_fieldbook "$T/fb.sqlite" "$OUT" --maps kabupaten || { finish; exit 1; }
G="$OUT/jangkau.gpkg"

# ---- geocoding accuracy ----
# truth row N is data row N: row N + 1 as the spreadsheet shows it (src_row)
sqlite3 "$T/acc.db" <<SQL
.mode csv
.import $FB/truth_sites_bapas_baubau.csv ts
.import $FB/truth_clients_bapas_baubau.csv tc
ATTACH '$G' AS g;
CREATE TABLE site_res AS
  SELECT ts.row, ts.true_kode, s.kode_desa, s.precision
  FROM ts LEFT JOIN g.sites s
    ON s.src_row = CAST(COALESCE(NULLIF(ts.duplicate_of,''), ts.row) AS INTEGER) + 1;
-- the clients layer carries pseudonyms: the office ids are in the store
ATTACH '$T/fb.sqlite' AS st;
CREATE TABLE client_res AS
  SELECT tc.id_klien, tc.true_kode, c.kode_desa, c.precision
  FROM tc LEFT JOIN st.clients c ON c.client_id = tc.id_klien;
SQL
acc() { # table -> "rows correct wrong_at_village village_rows"
	sqlite3 -separator ' ' "$T/acc.db" "SELECT count(*),
	  sum(kode_desa = true_kode),
	  sum(precision IN ('coordinate','village') AND kode_desa <> true_kode),
	  sum(precision IN ('coordinate','village')) FROM $1"
}
read -r sn sc sw sv <<<"$(acc site_res)"
read -r cn cc cw cv <<<"$(acc client_res)"
echo "sites:   $sc/$sn in true village ($(awk "BEGIN{printf \"%.2f\", 100*$sc/$sn}")%), wrong at village precision or better: $sw/$sv ($(awk "BEGIN{printf \"%.2f\", 100*$sw/$sv}")%)"
echo "clients: $cc/$cn in true village ($(awk "BEGIN{printf \"%.2f\", 100*$cc/$cn}")%), wrong at village precision or better: $cw/$cv ($(awk "BEGIN{printf \"%.2f\", 100*$cw/$cv}")%)"
expect_eq "every truth site row found" 1644 "$sn"
expect_eq "every truth client row found" 400 "$cn"
check "sites in true village >= 99.8%" awk "BEGIN{exit !($sc >= 0.998*$sn)}"
check "clients in true village >= 99.5%" awk "BEGIN{exit !($cc >= 0.995*$cn)}"
expect_eq "sites in a wrong village" 0 "$sw"
expect_eq "clients in a wrong village" 0 "$cw"

expect_eq "ambiguous rows list their candidates" 0 \
	"$(sqlite3 "$G" "SELECT count(*) FROM sites WHERE precision='ambiguous' AND geo_note NOT LIKE 'candidates: %'")"

# ---- coverage agreement, recomputed with SpatiaLite on the layers ----
radius=5
spsql "$T/check.sqlite" "
ATTACH '$G' AS g;
CREATE TEMP TABLE v AS SELECT kode, status, near_km, SetSRID(GeomFromGPB(geom), 4326) AS g FROM g.desa_coverage
  WHERE substr(kode,1,5) IN ('74.72','74.04','74.03','74.13','74.10','74.14','74.15','74.07','74.06');
CREATE TEMP TABLE vp AS SELECT kode, status, near_km, g, ST_PointOnSurface(g) AS pt,
  MbrMinX(g) AS x0, MbrMaxX(g) AS x1, MbrMinY(g) AS y0, MbrMaxY(g) AS y1 FROM v;
CREATE TEMP TABLE s AS SELECT site_id, status, SetSRID(GeomFromGPB(geom), 4326) AS g,
  X(GeomFromGPB(geom)) AS x, Y(GeomFromGPB(geom)) AS y FROM g.sites
  WHERE precision IN ('coordinate','village') AND geom IS NOT NULL;
CREATE TEMP TABLE cnt AS SELECT vp.kode,
  (SELECT count(*) FROM s WHERE s.status='ready' AND s.x BETWEEN vp.x0 AND vp.x1
     AND s.y BETWEEN vp.y0 AND vp.y1 AND ST_Contains(vp.g, s.g)) AS nr,
  (SELECT count(*) FROM s WHERE s.status IN ('not_ready','unknown') AND s.x BETWEEN vp.x0 AND vp.x1
     AND s.y BETWEEN vp.y0 AND vp.y1 AND ST_Contains(vp.g, s.g)) AS np,
  (SELECT min((s.x-X(vp.pt))*(s.x-X(vp.pt)) + (s.y-Y(vp.pt))*(s.y-Y(vp.pt)))
     FROM s WHERE s.status='ready') AS d2 FROM vp;
CREATE TEMP TABLE ind AS SELECT vp.kode, vp.status, cnt.nr, cnt.np,
  (SELECT min(ST_Distance(vp.pt, s.g, 1)) FROM s WHERE s.status='ready'
     AND (s.x-X(vp.pt))*(s.x-X(vp.pt)) + (s.y-Y(vp.pt))*(s.y-Y(vp.pt)) <= cnt.d2 * 1.1) / 1000.0 AS dkm,
  vp.near_km FROM vp JOIN cnt USING (kode);
SELECT 'villages', count(*) FROM ind;
SELECT 'mismatch', kode, status, nr, np, dkm, near_km FROM ind WHERE status <> CASE
  WHEN nr > 0 THEN 'covered' WHEN dkm <= $radius THEN 'reachable'
  WHEN np > 0 THEN 'pending' ELSE 'gap' END;
SELECT 'distmismatch', kode, dkm, near_km FROM ind WHERE dkm IS NULL OR near_km IS NULL OR abs(dkm - near_km) > 0.001;
SELECT 'statuses', group_concat(status || '=' || n) FROM (SELECT status, count(*) AS n FROM ind GROUP BY status);
" >"$T/agree.txt"
cat "$T/agree.txt" | grep -v '^mismatch\|^distmismatch' || true
expect_eq "villages of the nine regencies" "villages|854" "$(grep '^villages' "$T/agree.txt")"
expect_eq "status disagreements with SpatiaLite" 0 "$(grep -c '^mismatch' "$T/agree.txt" || true)"
expect_eq "distance disagreements over 1 m" 0 "$(grep -c '^distmismatch' "$T/agree.txt" || true)"
grep '^mismatch\|^distmismatch' "$T/agree.txt" | head -20 >&2 || true

# ---- every layer in every format ----
for l in desa_coverage kecamatan_summary sites gaps clients client_links; do
	ng=$(ogrinfo -ro -so "$G" "$l" | sed -n 's/^Feature Count: //p')
	nj=$(ogrinfo -ro -so "$OUT/$l.geojson" "$l" | sed -n 's/^Feature Count: //p')
	ns=$(ogrinfo -ro -so "$OUT/$l.shp" "$l" | sed -n 's/^Feature Count: //p')
	case $l in
	desa_coverage) want=2283 ;; kecamatan_summary) want=221 ;; sites) want=1628 ;;
	gaps) want=1506 ;; clients) want=400 ;; client_links) want=155 ;;
	esac
	expect_eq "$l features" "$want" "$ng"
	expect_eq "$l geojson count" "$ng" "$nj"
	expect_eq "$l shapefile count" "$ng" "$ns"
	check "$l.prj exists" test -s "$OUT/$l.prj"
	check "$l.cpg is UTF-8" grep -qi "utf-8" "$OUT/$l.cpg"
	check "$l.geojson has no crs member" bash -c "! grep -q '\"crs\"' '$OUT/$l.geojson'"
done
expect_eq "desa_coverage has every village of the file" 2283 \
	"$(ogrinfo -ro -so "$G" desa_coverage | sed -n 's/^Feature Count: //p')"
finish
