# SPDX-License-Identifier: MIT
# Road distances against independent routers: every row of
# roads/oracle_distances.csv (pgRouting, cross-checked with Routino) on the
# Jakarta OSM roads (shapefile) and Andorra (OSM PBF) must agree to 0.1 m
# (the file gives the oracle's metres to 0.1 m, route prints road_km to
# 0.1 m). The oracles routed by pure distance, so: --optimize distance;
# "car classes" rows use the car profile (the classes of osm2pgrouting's
# mapconfig_for_cars), "all classes" rows a profile opening every class;
# undirected rows ignore one-way tags. Also: the Jakarta PBF converted from
# the same shapefile gives the same network; the Monaco ferry is imported;
# off-network and unreachable points are reported as such.
. "$(dirname "$0")/lib.bash"
need_shared
R="$JK_SHARED/data/roads"
ALL="$JK_SRC/tests/data/profiles/all_classes.csv"

imp() { "$JANGKAU" --db "$1" import roads "$2" >"$T/imp.out" 2>"$T/imp.err"; }
check "import Jakarta shapefile" imp "$T/jkt.sqlite" "$R/osm-jakarta-inasafe-2012/jakarta_roads.shp"
cat "$T/imp.out"
check "Jakarta: README's 60,404 nodes and 241 components" \
	grep -q "60404 nodes, 74207 edges, 241 connected components" "$T/imp.out"
check "import Andorra PBF" imp "$T/and.sqlite" "$R/osm-pbf-reference/andorra-2013.osm.pbf"
cat "$T/imp.out"
check "Andorra: 1,614 highway lines (README: 1,615 highway ways, one is an area)" \
	grep -q "1614 lines imported" "$T/imp.out"

maxdiff_jkt=0
maxdiff_and=0
n=0
while IFS=, read -r ds graph directed o olon olat d dlon dlat pg rt rr; do
	[ "$ds" = dataset ] && continue
	case "$ds" in
	jakarta*) db="$T/jkt.sqlite" ;;
	andorra*) db="$T/and.sqlite" ;;
	*) fail "unknown dataset $ds"; continue ;;
	esac
	prof=car
	case "$ds" in *"all classes"*) prof="$ALL" ;; esac
	ow=(--ignore-oneway)
	[ "$directed" = yes ] && ow=()
	out=$("$JANGKAU" --db "$db" route --from "$olon,$olat" --to "$dlon,$dlat" \
		--optimize distance --profile "$prof" "${ow[@]}") || { fail "$ds $o-$d: $out"; continue; }
	km=$(sed -n 's/.*road_km=\([0-9.]*\).*/\1/p' <<<"$out")
	diff=$(awk -v a="$km" -v b="$pg" 'BEGIN{e=a*1000-b; if (e<0) e=-e; printf "%.2f", e}')
	printf '%-28s directed=%-3s %-14s -> %-14s pgRouting %9.1f m  jangkau %9.1f m  difference %.2f m\n' \
		"$ds" "$directed" "$o" "$d" "$pg" "$(awk -v a="$km" 'BEGIN{printf "%.1f", a*1000}')" "$diff"
	check "$ds $o->$d directed=$directed: agree to 0.1 m (${diff:-?} m)" \
		awk -v a="${km:-0}" -v b="$pg" 'BEGIN{e=a*1000-b; if (e<0) e=-e; exit !(a > 0 && e <= 0.1 + 1e-6)}'
	case "$ds" in
	jakarta*) maxdiff_jkt=$(awk -v a="$maxdiff_jkt" -v b="$diff" 'BEGIN{print (b>a)?b:a}') ;;
	*) maxdiff_and=$(awk -v a="$maxdiff_and" -v b="$diff" 'BEGIN{print (b>a)?b:a}') ;;
	esac
	n=$((n + 1))
done <"$R/oracle_distances.csv"
expect_eq "every oracle row compared" 20 "$n"
echo "agreement: largest difference Jakarta $maxdiff_jkt m, Andorra $maxdiff_and m"

# one-way streets make the directed Andorra trip longer than the undirected one
a=$("$JANGKAU" --db "$T/and.sqlite" route --from 1.5218558,42.5062575 --to 1.5797611,42.5343774 --optimize distance --profile car)
b=$("$JANGKAU" --db "$T/and.sqlite" route --from 1.5218558,42.5062575 --to 1.5797611,42.5343774 --optimize distance --profile car --ignore-oneway)
check "one-way obeyed unless asked" awk -v a="${a#*road_km=}" -v b="${b#*road_km=}" 'BEGIN{exit !(a+0 > b+0)}'
# time optimisation: never longer in time, never shorter in distance
t=$("$JANGKAU" --db "$T/jkt.sqlite" route --from 106.7993374,-6.2444594 --to 106.8664948,-6.2249292 --profile car)
dmin=$(sed -n 's/.*road_min=\([0-9.]*\).*/\1/p' <<<"$("$JANGKAU" --db "$T/jkt.sqlite" route --from 106.7993374,-6.2444594 --to 106.8664948,-6.2249292 --profile car --optimize distance)")
tmin=$(sed -n 's/.*road_min=\([0-9.]*\).*/\1/p' <<<"$t")
check "fastest path is not slower than the shortest" awk -v a="$tmin" -v b="$dmin" 'BEGIN{exit !(a <= b)}'

# the PBF converted from the same shapefile: the same network
check "import Jakarta PBF" imp "$T/jpbf.sqlite" "$R/osm-jakarta-inasafe-2012/jakarta_roads_derived.osm.pbf"
check "Jakarta PBF: the same nodes" grep -q "60404 nodes, 74207 edges, 241 connected components" "$T/imp.out"

# Monaco: the only ferry of the data
check "import Monaco PBF" imp "$T/mco.sqlite" "$R/osm-pbf-reference/monaco-2019.osm.pbf"
check "Monaco: one ferry" grep -q "(1 ferries)" "$T/imp.out"
# seven vertices, so six edges sharing the tagged duration 00:03
expect_eq "ferry edges and duration stored" "6,180" \
	"$(sqlite3 "$T/mco.sqlite" "SELECT count(*) || ',' || CAST(round(sum(duration_s)) AS INTEGER) FROM road_edges WHERE ferry=1")"

# RBI: REMARK classes, a compound CRS, degenerate lines rejected by row
set +e
"$JANGKAU" --db "$T/rbi.sqlite" import roads "$R/rbi-jakarta-pusat/JALAN_LN_25K.shp" >"$T/imp.out" 2>"$T/imp.err"
rc=$?
set -e
expect_eq "RBI: exit 3, some rows rejected" 3 "$rc"
check "RBI: rejected rows named by file and row" grep -q "JALAN_LN_25K.shp:1102: geometry: fewer than two distinct vertices" "$T/imp.err"
check "RBI: README's 15,668 nodes and 108 components" grep -q "15668 nodes, 17170 edges, 108 connected components" "$T/imp.out"
expect_eq "RBI: toll road edges" 188 \
	"$(sqlite3 "$T/rbi.sqlite" "SELECT count(*) FROM road_edges WHERE class LIKE 'Jalan Tol%'")"

# off the network, and unreachable (a component of its own)
set +e
out=$("$JANGKAU" --db "$T/jkt.sqlite" route --from 106.60,-6.20 --to 106.8664948,-6.2249292)
expect_eq "off-network exit" 1 $?
set -e
check "off-network reported" grep -q "reach=off_network" <<<"$out"
iso=$(sqlite3 -separator , "$T/jkt.sqlite" "
  WITH deg AS (SELECT n, count(*) c FROM (SELECT source n FROM road_edges UNION ALL SELECT target FROM road_edges) GROUP BY n)
  SELECT e.edge_id, (a.lon+b.lon)/2, (a.lat+b.lat)/2 FROM road_edges e
  JOIN road_nodes a ON a.node_id=e.source JOIN road_nodes b ON b.node_id=e.target
  JOIN deg da ON da.n=e.source JOIN deg db ON db.n=e.target
  WHERE da.c=1 AND db.c=1 AND e.class='residential' LIMIT 1")
IFS=, read -r _ ilon ilat <<<"$iso"
set +e
out=$("$JANGKAU" --db "$T/jkt.sqlite" route --from "$ilon,$ilat" --to 106.8664948,-6.2249292 --max-snap-m 1)
expect_eq "unreachable exit" 1 $?
set -e
check "a lone road segment is unreachable" grep -q "reach=unreachable" <<<"$out"
finish
