# SPDX-License-Identifier: MIT
# The bundled demo: `jangkau demo` runs the whole pipeline on the demo
# region; every output exists and opens; geocoding is measured against the
# demo's own truth files; all four coverage statuses occur; the report's
# figures equal the layers'; --area restricts the boundaries.
. "$(dirname "$0")/lib.bash"
cd "$T"
set +e
"$JANGKAU" demo --out "$T/out" >"$T/demo.out" 2>"$T/demo.err"
rc=$?
set -e
expect_eq "demo exit code" 0 "$rc"
[ "$rc" -eq 0 ] || cat "$T/demo.err" >&2
O="$T/out"
for f in gap_report.html report_kabupaten.csv report_kecamatan.csv report_gaps.csv \
	report_sites_attention.csv jangkau.gpkg jangkau.sqlite; do
	check "demo wrote $f" test -s "$O/$f"
done
expect_eq "demo store is owner-only" 600 "$(stat -c %a "$O/jangkau.sqlite")"
check "rejected demo rows are reported as FILE:ROW: field" \
	grep -Eq 'clients.csv:[0-9]+: [a-z_]+: ' "$T/demo.err"
for l in desa_coverage kecamatan_summary sites gaps clients client_links; do
	check "$l.geojson opens" opens "$O/$l.geojson" "$l"
	check "$l.shp opens" opens "$O/$l.shp" "$l"
done

# geocoding against the demo truth (duplicates are one site: skip them);
# truth row N is data row N, row N + 1 of the sheet (the header is row 1)
D="$JK_SRC/data/demo"
sqlite3 "$T/acc.db" <<SQL
.mode csv
.import $D/truth_sites.csv ts
.import $D/truth_clients.csv tc
ATTACH '$O/jangkau.gpkg' AS g;
ATTACH '$O/jangkau.sqlite' AS st;
CREATE TABLE r AS SELECT ts.true_kode, s.kode_desa, s.precision FROM ts
  LEFT JOIN g.sites s ON s.src_row = CAST(ts.row AS INTEGER) + 1
  WHERE ts.labels NOT LIKE '%duplicate%';
-- the clients layer carries pseudonyms: the office ids are in the store
CREATE TABLE rc AS SELECT tc.true_kode, c.kode_desa, c.precision FROM tc
  LEFT JOIN st.clients c ON c.client_id = tc.id_klien WHERE c.client_id IS NOT NULL;
SQL
read -r n ok wrong <<<"$(sqlite3 -separator ' ' "$T/acc.db" "SELECT count(*), sum(kode_desa=true_kode),
  sum(precision IN ('coordinate','village') AND kode_desa<>true_kode) FROM r")"
echo "demo sites: $ok/$n in true village, $wrong wrong at village precision or better"
check "demo sites >= 95% in true village" awk "BEGIN{exit !($ok >= 0.95*$n)}"
check "demo sites wrong village <= 1%" awk "BEGIN{exit !($wrong <= 0.01*$n)}"
read -r n ok wrong <<<"$(sqlite3 -separator ' ' "$T/acc.db" "SELECT count(*), sum(kode_desa=true_kode),
  sum(precision IN ('coordinate','village') AND kode_desa<>true_kode) FROM rc")"
echo "demo clients: $ok/$n in true village, $wrong wrong at village precision or better"
check "demo clients >= 95% in true village" awk "BEGIN{exit !($ok >= 0.95*$n)}"

# all four statuses, and the report equals the layers
st=$(sqlite3 "$O/jangkau.gpkg" "SELECT group_concat(status) FROM (SELECT DISTINCT status FROM desa_coverage ORDER BY status)")
expect_eq "demo shows every status" "covered,gap,pending,reachable" "$st"
layer=$(sqlite3 -separator , "$O/jangkau.gpkg" "SELECT count(*), sum(status='covered'), sum(status='reachable'),
  sum(status='pending'), sum(status='gap'), sum(demand) FROM desa_coverage")
report=$(awk -F, 'NR>1 {n+=$3; c+=$4; r+=$5; p+=$6; g+=$7; d+=$11} END {print n","c","r","p","g","d}' "$O/report_kabupaten.csv")
expect_eq "report totals equal the layer" "$layer" "$report"
gaps=$(($(wc -l <"$O/report_gaps.csv") - 1))
expect_eq "the report lists every village without a ready site" \
	"$(sqlite3 "$O/jangkau.gpkg" "SELECT count(*) FROM desa_coverage WHERE status <> 'covered'")" "$gaps"
check "report shows no client id" bash -c "! grep -q 'DMO-2026' '$O/gap_report.html'"

# clients sit on village points unless asked
xy=$(sqlite3 "$O/jangkau.sqlite" "SELECT count(*) FROM clients c JOIN villages v ON v.kode=c.kode_desa WHERE c.precision='coordinate'")
expect_eq "demo clients with home coordinates" 24 "$xy"

# --area keeps the office's villages only
kab=$(sqlite3 "$O/jangkau.sqlite" "SELECT kode_kab FROM villages ORDER BY kode LIMIT 1")
"$JANGKAU" --db "$T/area.sqlite" --quiet import boundaries "$D/desa.geojson" --area "$kab"
expect_eq "--area imports one regency" \
	"$(sqlite3 "$O/jangkau.sqlite" "SELECT count(*) FROM villages WHERE kode_kab='$kab'")" \
	"$(sqlite3 "$T/area.sqlite" 'SELECT count(*) FROM villages')"
set +e
"$JANGKAU" --db "$T/area2.sqlite" --quiet import boundaries "$D/desa.geojson" --area 11.01 2>/dev/null
expect_eq "--area matching nothing fails" 1 $?
set -e

# a second demo run gives the same figures
"$JANGKAU" --quiet demo --out "$T/out2" >/dev/null 2>&1
expect_eq "demo is repeatable" "$layer" "$(sqlite3 -separator , "$T/out2/jangkau.gpkg" "SELECT count(*), sum(status='covered'),
  sum(status='reachable'), sum(status='pending'), sum(status='gap'), sum(demand) FROM desa_coverage")"
finish
