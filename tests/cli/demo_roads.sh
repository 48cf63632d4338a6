# SPDX-License-Identifier: MIT
# The demo by road: the generated roads of the demo region are what the
# demo README says (the generator reproduces them), `jangkau demo` measures
# coverage by road and prints the road reach; a client on the offshore
# island travels by ferry (the crossing and the boarding wait are in its
# time, which is longer than the straight line suggests); the cut-off end of
# the north island is unreachable and one home is off the network; without
# the ferry the island is unreachable; `jangkau run --roads` passes the
# road options through.
. "$(dirname "$0")/lib.bash"
cd "$T"
D="$JK_SRC/data/demo"
OFFSHORE=99.01.04 # Kecamatan Tiwala, the offshore island (data/demo/README.md)

# the committed demo is what the generator makes from its seed
if [ -n "${JK_DEMOGEN:-}" ] && [ -x "$JK_DEMOGEN" ]; then
	"$JK_DEMOGEN" --out "$T/gen" --seed "$(sed -n 's/^SEED=//p' "$JK_SRC/scripts/gen_demo.sh")" >/dev/null
	for f in "$D"/*; do
		check "generator reproduces $(basename "$f")" cmp -s "$f" "$T/gen/$(basename "$f")"
	done
fi

set +e
"$JANGKAU" demo --out "$T/out" >"$T/demo.out" 2>"$T/demo.err"
rc=$?
set -e
expect_eq "demo exit code" 0 "$rc"
[ "$rc" -eq 0 ] || cat "$T/demo.err" >&2
DB="$T/out/jangkau.sqlite"
q() { sqlite3 -separator ' ' "$DB" "$1"; }
check "demo imports the roads with the ferry" grep -Eq '^roads .*jalan_demo.geojson: .*\(1 ferries\)' "$T/demo.out"
check "demo measures coverage by road" grep -q '^coverage by road (motorcycle' "$T/demo.out"
line=$(grep '^  road reach: ' "$T/demo.out" || true)
echo "demo:$line"
read -r vok voff vun cok coff cun <<<"$(sed -E 's/.*villages ([0-9]+) ok, ([0-9]+) off_network, ([0-9]+) unreachable; active clients ([0-9]+) ok, ([0-9]+) off_network, ([0-9]+) unreachable/\1 \2 \3 \4 \5 \6/' <<<"$line")"
expect_eq "road reach line: villages" "$(q "SELECT sum(reach='ok'), sum(reach='off_network'), sum(reach='unreachable') FROM coverage")" "$vok $voff $vun"
expect_eq "road reach line: clients" "$(q "SELECT sum(reach='ok'), sum(reach='off_network'), sum(reach='unreachable') FROM client_links")" "$cok $coff $cun"
expect_eq "road reach of the demo: villages and clients ok, off_network, unreachable" \
	"78 0 4 43 2 1" "$vok $voff $vun $cok $coff $cun"
expect_eq "one-way streets imported" 59 "$(q 'SELECT count(*) FROM road_edges WHERE oneway<>0')"

# the ferry: its duration from the data, the boarding wait from the profile
dur=$(grep -o '"duration": "[0-9:]*"' "$D/jalan_demo.geojson" | grep -o '[0-9][0-9]*:[0-9][0-9]')
ferry_min=$(awk -F: -v d="$dur" 'BEGIN{split(d, a, ":"); print a[1] * 60 + a[2]}')
wait_min=$(awk -F, '$1 == "ferry" {print $5}' "$JK_SRC/data/profiles/motorcycle.csv")
echo "ferry $ferry_min min + wait $wait_min min"
expect_eq "the ferry takes time: crossing and boarding wait (minutes)" "85 30" "$ferry_min $wait_min"
n=$(q "SELECT count(*) FROM client_links l JOIN clients c USING (client_id)
  WHERE c.kode_desa LIKE '$OFFSHORE.%' AND l.reach='ok'")
expect_eq "offshore clients with a site by road" 6 "$n"
# every one of them: road time over the crossing and the wait; road
# distance longer than the straight line to the same site
expect_eq "offshore clients: road_min >= ferry + wait" 0 "$(q "SELECT count(*) FROM client_links l
  JOIN clients c USING (client_id) WHERE c.kode_desa LIKE '$OFFSHORE.%' AND l.reach='ok'
  AND NOT l.road_min >= $ferry_min + $wait_min")"
longer=$(spsql "$DB" "SELECT count(*) FROM client_links l JOIN clients c USING (client_id)
  JOIN sites s ON s.site_id=l.site_id WHERE c.kode_desa LIKE '$OFFSHORE.%' AND l.reach='ok'
  AND l.road_km > ST_Distance(MakePoint(c.lon, c.lat, 4326), MakePoint(s.lon, s.lat, 4326), 1) / 1000 + 0.5;")
expect_eq "offshore clients: road longer than the straight line" "$n" "$longer"
# ... and the island's ready-site-less villages are neither covered nor reachable in 30 minutes
expect_eq "offshore villages out of 30-minute reach" 0 \
	"$(q "SELECT count(*) FROM coverage WHERE kode LIKE '$OFFSHORE.%' AND status IN ('covered','reachable')")"

# the cut-off end and the off-network home
expect_eq "villages unreachable" 4 "$(q "SELECT count(*) FROM coverage WHERE reach='unreachable'")"
expect_eq "clients unreachable" 1 "$(q "SELECT count(*) FROM client_links WHERE reach='unreachable'")"
expect_eq "unreachable villages have no ready site" 0 \
	"$(q "SELECT count(*) FROM coverage WHERE reach='unreachable' AND (n_ready > 0 OR status IN ('covered','reachable'))")"
expect_eq "unreachable clients have no site" 0 \
	"$(q "SELECT count(*) FROM client_links WHERE reach<>'ok' AND (site_id IS NOT NULL OR in_reach=1)")"
off=$(grep -o 'home of client DMO-[0-9-]*' "$D/README.md" | grep -o 'DMO-[0-9-]*')
expect_eq "the README's off-network client is off the network" off_network \
	"$(q "SELECT reach FROM client_links WHERE client_id='$off'")"
st=$(sqlite3 "$T/out/jangkau.gpkg" "SELECT group_concat(reach) FROM (SELECT DISTINCT reach FROM clients WHERE reach IS NOT NULL ORDER BY reach)")
expect_eq "clients layer shows every reach" "off_network,ok,unreachable" "$st"

# point to point across the ferry: a village of the island to its client's site
read -r slon slat <<<"$(q "SELECT s.lon, s.lat FROM client_links l JOIN clients c USING (client_id)
  JOIN sites s ON s.site_id=l.site_id WHERE c.kode_desa LIKE '$OFFSHORE.%' AND l.reach='ok' LIMIT 1")"
vpt=$(spsql "$DB" "SELECT printf('%.6f,%.6f', X(p), Y(p)) FROM (SELECT PointOnSurface(geom) p
  FROM villages WHERE kode LIKE '$OFFSHORE.%' ORDER BY kode LIMIT 1);")
echo "route $vpt -> $slon,$slat"
set +e
out=$("$JANGKAU" --db "$DB" route --from "$vpt" --to "$slon,$slat")
expect_eq "route across the ferry: exit" 0 $?
set -e
echo "$out"
min=$(sed -n 's/.*road_min=\([0-9.]*\).*/\1/p' <<<"$out")
check "route across the ferry: ok" grep -q '^reach=ok' <<<"$out"
check "route across the ferry: >= ferry + wait ($min min)" \
	awk -v m="${min:-0}" -v f="$((ferry_min + wait_min))" 'BEGIN{exit !(m >= f)}'
set +e
back=$("$JANGKAU" --db "$DB" route --to "$vpt" --from "$slon,$slat")
expect_eq "route back across the ferry: exit" 0 $?
set -e
check "route back across the ferry: ok" grep -q '^reach=ok' <<<"$back"
# without the ferry the island is cut off
P="$JK_SRC/tests/data/profiles/no_ferry.csv"
set +e
nf=$("$JANGKAU" --db "$DB" route --from "$vpt" --to "$slon,$slat" --profile "$P")
rc=$?
set -e
expect_eq "route without the ferry: unreachable" "reach=unreachable 1" "$nf $rc"
"$JANGKAU" --db "$DB" --quiet coverage --by road --profile "$P"
expect_eq "coverage without the ferry: every offshore village unreachable" \
	"$(q "SELECT count(*) FROM villages WHERE kode LIKE '$OFFSHORE.%'")" \
	"$(q "SELECT count(*) FROM coverage WHERE kode LIKE '$OFFSHORE.%' AND reach='unreachable'")"

# jangkau run passes the road options through
R() { "$JANGKAU" --db "$T/run.sqlite" --quiet run --out "$T/run" "$@" 2>/dev/null; }
set +e
R --boundaries "$D/desa.geojson" --aliases "$D/aliases.csv" --sites "$D/sites.csv" \
	--clients "$D/clients.csv" --roads "$D/jalan_demo.geojson"
rc=$?
set -e
expect_eq "run --roads: exit" 0 "$rc"
r() { sqlite3 -separator , "$1" "SELECT count(*), sum(status='covered'), sum(status='reachable'),
  sum(status='gap'), sum(reach='ok'), sum(reach='unreachable'), sum(road_min IS NULL) FROM coverage"; }
set +e
"$JANGKAU" --db "$T/demo2.sqlite" --quiet demo --out "$T/out2" >/dev/null 2>&1
expect_eq "demo into a second store: exit" 0 $?
set -e
expect_eq "run --roads equals the demo" "$(r "$T/demo2.sqlite")" "$(r "$T/run.sqlite")"
n30=$(sqlite3 "$T/run.sqlite" "SELECT count(*) FROM coverage WHERE status='reachable'")
set +e
R --by road --max-minutes 180
expect_eq "run --max-minutes 180: exit" 0 $?
set -e
n180=$(sqlite3 "$T/run.sqlite" "SELECT count(*) FROM coverage WHERE status='reachable'")
check "run --max-minutes 180 reaches more villages than 30 ($n180 > $n30)" test "$n180" -gt "$n30"
expect_eq "villages reachable in 30 and in 180 minutes" "6 10" "$n30 $n180"
expect_eq "run --max-minutes 180: the offshore island within reach" 0 \
	"$(sqlite3 "$T/run.sqlite" "SELECT count(*) FROM coverage WHERE kode LIKE '$OFFSHORE.%' AND status='gap'")"
set +e
R --by road --profile "$P"
expect_eq "run --profile: exit" 0 $?
set -e
expect_eq "run --profile reaches the library" \
	"$(sqlite3 "$T/run.sqlite" "SELECT count(*) FROM villages WHERE kode LIKE '$OFFSHORE.%'")" \
	"$(sqlite3 "$T/run.sqlite" "SELECT count(*) FROM coverage WHERE kode LIKE '$OFFSHORE.%' AND reach='unreachable'")"
set +e
R --by straight
expect_eq "run --by straight: exit" 0 $?
set -e
expect_eq "run --by straight leaves the road columns empty" 0 \
	"$(sqlite3 "$T/run.sqlite" "SELECT count(*) FROM coverage WHERE reach IS NOT NULL OR road_min IS NOT NULL")"
set +e
R --max-minutes 20 --by straight
expect_eq "run --max-minutes needs --by road" 2 $?
R --by bus
expect_eq "run --by bus is a usage error" 2 $?
set -e
finish
