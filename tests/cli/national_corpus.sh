# SPDX-License-Identifier: MIT
# Geocoding accuracy per province on a generated national corpus: address
# books and client lists written the way offices in all 38 provinces write
# them (tests/corpus/gen_addrbook.py, fixed seed), geocoded against the
# national village polygons and joined with the generator's truth.
#
# Fails when a province has fewer than 98% of its rows in the right village
# (decided, precision coordinate or village, and the true code), or more
# than 0.3% wrong among its decided rows. Rows whose text names no single
# village and that carry no usable coordinate ("unresolvable", about 2%)
# are left out of the 98% and reported on their own; a wrong decision on
# them still counts as wrong.
#
# By hand (tests/corpus/README.md):
#   JK_CORPUS_SEED=7            another corpus
#   JK_CORPUS_KEEP=DIR          keep the unpacked GeoPackage, a store with the
#                               boundaries, the corpus and the result in DIR;
#                               a second run reuses them and only imports the
#                               sites and clients and geocodes again
#   JK_CORPUS_REIMPORT=1        with KEEP: import the boundaries again (after
#                               changing the boundary import or the aliases)
#   JK_CORPUS_PER_PROVINCE=600  site rows per province
#   JK_CORPUS_CLIENTS=400       client rows per province
#   JK_CORPUS_PROVINCES=51,74   only these provinces
. "$(dirname "$0")/lib.bash"
need_shared
seed=${JK_CORPUS_SEED:-20260801}
per=${JK_CORPUS_PER_PROVINCE:-600}
ncl=${JK_CORPUS_CLIENTS:-400}
provs=${JK_CORPUS_PROVINCES:-}
min_right=98
max_wrong=0.3
W=$T
if [ -n "${JK_CORPUS_KEEP:-}" ]; then
	W=$JK_CORPUS_KEEP
	mkdir -p "$W"
fi
now() { date +%s; }
t0=$(now)

# ---- the national village polygons, and a store holding them
G="$W/indonesia_desa.gpkg"
if [ ! -s "$G" ]; then
	xz -dkc "$JK_SHARED/data/boundaries/indonesia_desa.gpkg.xz" >"$G.part"
	mv "$G.part" "$G"
fi
# every alias file the project ships, as one
A="$W/aliases.csv"
echo "kode,alias" >"$A"
for f in "$JK_SRC"/data/aliases/*.csv; do
	[ -e "$f" ] && tail -n +2 "$f" >>"$A"
done
BASE="$W/boundaries.sqlite"
if [ ! -s "$BASE" ] || [ -n "${JK_CORPUS_REIMPORT:-}" ] || [ -z "${JK_CORPUS_KEEP:-}" ]; then
	rm -f "$BASE"
	set +e
	"$JANGKAU" --db "$BASE" --quiet import boundaries "$G" --aliases "$A" 2>"$W/boundaries.err"
	rc=$?
	set -e
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
		cat "$W/boundaries.err" >&2
		fail "import boundaries exit code $rc"
		finish
		exit 1
	fi
fi
t1=$(now)

# ---- the corpus (kept when the parameters are the same)
C="$W/corpus"
params="seed=$seed per=$per clients=$ncl provinces=$provs gen=$(cksum <"$JK_SRC/tests/corpus/gen_addrbook.py")"
if [ ! -s "$C/truth_clients.csv" ] || [ "$(cat "$C/params" 2>/dev/null)" != "$params" ]; then
	rm -rf "$C"
	python3 "$JK_SRC/tests/corpus/gen_addrbook.py" --quiet --shared "$JK_SHARED/data" --gpkg "$G" \
		--seed "$seed" --per-province "$per" --clients-per-province "$ncl" \
		${provs:+--provinces "$provs"} --out "$C"
	echo "$params" >"$C/params"
fi
t2=$(now)

# ---- import and geocode on a fresh copy of the boundary store
S="$W/store.sqlite"
rm -f "$S"
cp "$BASE" "$S"
for what in sites clients; do
	set +e
	"$JANGKAU" --db "$S" --quiet import "$what" "$C/$what.csv" 2>"$W/import_$what.err"
	rc=$?
	set -e
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
		cat "$W/import_$what.err" >&2
		fail "import $what exit code $rc"
	fi
done
set +e
"$JANGKAU" --db "$S" --quiet geocode 2>"$W/geocode.err"
rc=$?
set -e
expect_eq "geocode exit code" 0 "$rc"
[ "$rc" -eq 0 ] || cat "$W/geocode.err" >&2
t3=$(now)

# ---- join with the truth
R="$W/result.sqlite"
rm -f "$R"
sqlite3 "$R" <<SQL
.mode csv
.import '$C/truth_sites.csv' ts
.import '$C/truth_clients.csv' tc
.import '$JK_SHARED/data/gazetteer/wilayah.csv' wil
ATTACH '$S' AS st;
CREATE TABLE res AS
  SELECT 'site' AS kind, ts.no AS key, ts.prov_kode AS prov, ts.true_kode, ts.labels,
         ts.solvable, ts.text_resolvable, ts.text_candidates, ts.coord_kind,
         x.kode_desa, x.precision, x.geo_note, x.alamat, x.desa_col, x.kec_col, x.kab_col,
         x.koordinat, x.no IS NOT NULL AS imported
  FROM ts LEFT JOIN st.sites x ON x.no = ts.no
  UNION ALL
  SELECT 'client', tc.id_klien, tc.prov_kode, tc.true_kode, tc.labels,
         tc.solvable, tc.text_resolvable, tc.text_candidates, tc.coord_kind,
         c.kode_desa, c.precision, c.geo_note, c.alamat, c.desa_col, c.kec_col, c.kab_col,
         c.koordinat, c.client_id IS NOT NULL
  FROM tc LEFT JOIN st.clients c ON c.client_id = tc.id_klien;
ALTER TABLE res ADD COLUMN decided INTEGER;
ALTER TABLE res ADD COLUMN ok INTEGER;
UPDATE res SET decided = coalesce(precision IN ('coordinate', 'village'), 0);
UPDATE res SET ok = decided AND kode_desa = true_kode;
SQL
q() { sqlite3 -separator '|' "$R" "$@"; }

echo "national corpus: seed $seed, $(q "SELECT count(*) FROM res WHERE kind='site'") site rows," \
	"$(q "SELECT count(*) FROM res WHERE kind='client'") client rows, $(q "SELECT count(DISTINCT prov) FROM res") provinces"
echo "right: decided (precision coordinate or village) and in the true village, of the rows whose"
echo "text or coordinate names one village; wrong: decided in another village, of all decided rows"
echo
per_prov="SELECT r.prov, substr(coalesce(w.nama, ''), 1, 26), count(*), sum(solvable = 'yes'),
	sum(solvable = 'yes' AND ok), sum(NOT decided), sum(decided), sum(decided AND NOT ok),
	sum(solvable = 'no'), sum(solvable = 'no' AND decided), sum(NOT imported)
	FROM res r LEFT JOIN wil w ON w.kode = r.prov"
table() {
	awk -F'|' -v minr="$min_right" -v maxw="$max_wrong" '
	BEGIN { printf "%-3s %-26s %5s %7s %7s %5s %7s %6s %5s %6s\n", "", "province", "rows", "right%", "undec", "wrong", "wrong%", "unres", "guess", "lost"
	        print "-------------------------------------------------------------------------------------" }
	{ rp = $4 ? 100 * $5 / $4 : 0; wp = $7 ? 100 * $8 / $7 : 0
	  flag = (rp < minr || wp > maxw) ? "  <" : ""
	  printf "%-3s %-26s %5d %7.2f %7d %5d %7.2f %6d %5d %6d%s\n", $1, $2, $3, rp, $6, $8, wp, $9, $10, $11, flag }'
}
q "$per_prov GROUP BY r.prov ORDER BY r.prov" | table | tee "$W/provinces.txt"
echo "-------------------------------------------------------------------------------------"
q "SELECT '', 'all rows', count(*), sum(solvable = 'yes'), sum(solvable = 'yes' AND ok), sum(NOT decided),
	sum(decided), sum(decided AND NOT ok), sum(solvable = 'no'), sum(solvable = 'no' AND decided),
	sum(NOT imported) FROM res" | table | tail -n 1
for k in site client; do
	q "SELECT '', '${k}s', count(*), sum(solvable = 'yes'), sum(solvable = 'yes' AND ok), sum(NOT decided),
		sum(decided), sum(decided AND NOT ok), sum(solvable = 'no'), sum(solvable = 'no' AND decided),
		sum(NOT imported) FROM res WHERE kind = '$k'" | table | tail -n 1
done
echo "(undec: not decided; unres: rows no careful reader could place in one village, out of right%;"
echo " guess: of those, decided anyway; lost: not in the store after import)"
echo
echo "unresolvable rows: $(q "SELECT count(*) || ', left undecided ' || sum(NOT decided) || ' (' ||
	coalesce((SELECT group_concat(p || ' ' || n, ', ') FROM (SELECT coalesce(precision, 'not imported') AS p,
	count(*) AS n FROM res WHERE solvable = 'no' AND NOT decided GROUP BY 1 ORDER BY 2 DESC)), '') ||
	'), decided ' || sum(decided) || ' (right ' || sum(ok) || ', wrong ' || sum(decided AND NOT ok) || ')'
	FROM res WHERE solvable = 'no'")"
echo "undecided rows by precision: $(q "SELECT group_concat(p || ' ' || n, ', ') FROM
	(SELECT coalesce(precision, 'not imported') AS p, count(*) AS n FROM res WHERE NOT decided GROUP BY 1 ORDER BY 2 DESC)")"
echo "rows by coordinate truth (rows, right%): $(q "SELECT group_concat(coord_kind || ' ' || n || ' ' || pr, ', ') FROM
	(SELECT coord_kind, count(*) AS n, printf('%.1f%%', 100.0 * sum(ok) / count(*)) AS pr FROM res WHERE solvable = 'yes' GROUP BY 1 ORDER BY 2 DESC)")"
echo

# ---- which labels the misses carry
echo "labels of the missed rows (solvable rows not right; a row has many labels):"
printf "%-28s %6s %6s %7s %6s\n" label rows missed missed% wrong
q "WITH RECURSIVE sp(lab, rest, miss, wrong) AS (
	  SELECT '', labels || ';', NOT ok, decided AND NOT ok FROM res WHERE solvable = 'yes'
	  UNION ALL
	  SELECT substr(rest, 1, instr(rest, ';') - 1), substr(rest, instr(rest, ';') + 1), miss, wrong
	  FROM sp WHERE rest <> '')
	SELECT lab, count(*), sum(miss), 100.0 * sum(miss) / count(*), sum(wrong) FROM sp
	WHERE lab <> '' GROUP BY lab HAVING sum(miss) > 0 ORDER BY sum(miss) DESC, lab LIMIT 45" |
	awk -F'|' '{ printf "%-28s %6d %6d %7.1f %6d\n", $1, $2, $3, $4, $5 }'
echo
sqlite3 -header -csv "$R" "SELECT kind, key, prov, true_kode, kode_desa, precision, solvable,
	alamat, desa_col, kec_col, kab_col, koordinat, labels, geo_note FROM res
	WHERE (solvable = 'yes' AND NOT ok) OR (decided AND NOT ok) ORDER BY kind DESC, prov, key" >"$W/misses.csv"
echo "some missed rows (all in misses.csv of JK_CORPUS_KEEP):"
q "SELECT kind || ' ' || key || ' [' || true_kode || ' -> ' || coalesce(kode_desa, '-') || ' ' ||
	coalesce(precision, 'not imported') || '] ' || coalesce(alamat, '') ||
	' | ' || coalesce(desa_col, '') || ' | ' || coalesce(kec_col, '') || ' | ' || coalesce(kab_col, '') ||
	' | ' || coalesce(koordinat, '') FROM res
	WHERE (solvable = 'yes' AND NOT ok) OR (decided AND NOT ok) ORDER BY random() LIMIT 12" | cut -c1-240
echo
echo "time: boundaries $((t1 - t0)) s, corpus $((t2 - t1)) s, import and geocode $((t3 - t2)) s"

# ---- the targets
nprov=38
[ -z "$provs" ] || nprov=$(echo "$provs" | tr ',' '\n' | grep -c .)
expect_eq "every province asked for is in the corpus" "$nprov" "$(q "SELECT count(DISTINCT prov) FROM res")"
expect_eq "every truth row imported" 0 "$(q "SELECT count(*) FROM res WHERE NOT imported")"
while IFS='|' read -r prov name rows solv right undec dec wrong unres guess lost; do
	check "$prov $name: right >= $min_right% ($right of $solv)" \
		awk "BEGIN { exit !($solv > 0 && $right >= $min_right / 100 * $solv) }"
	check "$prov $name: wrong <= $max_wrong% of decided ($wrong of $dec)" \
		awk "BEGIN { exit !($wrong <= $max_wrong / 100 * $dec) }"
done < <(q "$per_prov GROUP BY r.prov ORDER BY r.prov")
finish
