#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Road routing benchmark (issue 3): a generated street network of about
# 1,000,000 segments and the Jakarta OSM roads, 20,000 ready sites and
# 100,000 clients at random points, through bench/roadbench.c (the routing
# room without the store), plus the import of the Jakarta roads through
# the jangkau command; then, in the same run, pgRouting on the Jakarta
# network with the same points, for the same question (nearest site of
# every client, shortest by length), and the ratios. Not a timed test:
# absolute times vary by machine; compare the ratios.
#
# Usage: bench/roads.sh      (as root, so missing Debian packages install)
# Environment:
#   BENCH_WORK   work directory, outside the repository (/tmp/jangkau-roadbench);
#                user postgres must be able to write in it
#   BENCH_DATA   the shared data folder (<repo>/../shared/data)
#   BENCH_SIDE   vertices per side of the generated grid (708: ~981,000 segments)
#   BENCH_SITES, BENCH_CLIENTS, BENCH_SEED   (20000, 100000, 20260105)
#   BENCH_REPEAT runs of the jangkau comparison run, median reported (3)
#   BENCH_PGPORT first TCP port tried for PostgreSQL on 127.0.0.1 (55442)
#   BENCH_SKIP_PGROUTING=1   jangkau only
# Writes bench/results/roads.md and prints it.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
W=${BENCH_WORK:-/tmp/jangkau-roadbench}
DATA=${BENCH_DATA:-$ROOT/../shared/data}
SIDE=${BENCH_SIDE:-708}
SITES=${BENCH_SITES:-20000}
CLIENTS=${BENCH_CLIENTS:-100000}
SEED=${BENCH_SEED:-20260105}
REPEAT=${BENCH_REPEAT:-3}
PGPORT0=${BENCH_PGPORT:-55442}
PGBIN=/usr/lib/postgresql/15/bin
B="$ROOT/build-bench"
SHP="$DATA/roads/osm-jakarta-inasafe-2012/jakarta_roads.shp"

BENCH_TAG=roadbench
BENCH_DEC=3
# shellcheck source=bench/lib.bash
. "$HERE/lib.bash"
case "$W" in
"$ROOT" | "$ROOT"/*) die "BENCH_WORK '$W' is inside the repository; pick a directory outside it" ;;
esac
mkdir -p "$W/logs" "$HERE/results"
W=$(cd "$W" && pwd)
PGDIR=$W/pg
[ -f "$SHP" ] || die "'$SHP' not found; set BENCH_DATA to the shared data folder"

ratio() { # ratio NUM DEN
	if [ -n "$1" ] && [ -n "$2" ] && awk -v d="$2" 'BEGIN { exit !(d > 0) }'; then
		awk -v n="$1" -v d="$2" 'BEGIN { printf "%.0f", n / d }'
	else
		echo "n/a"
	fi
}
# The seconds of a row "| LABEL... | X s |" of a jk_roadbench table.
field() { sed -n "s/^| $2[^|]* | \([0-9.]*\) s |\$/\1/p" "$1" | head -n 1; }

need_pkgs cmake gcc libspatialite-dev libsqlite3-dev libproj-dev libgdal-dev libgeos-dev
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DJK_TESTS=OFF >"$W/logs/build.log" 2>&1
cmake --build "$B" -j"$(nproc)" --target jangkau_cli jk_roadbench >>"$W/logs/build.log" 2>&1 ||
	die "build failed, see $W/logs/build.log"
PROFILE="$ROOT/data/profiles/motorcycle.csv"
PALL="$HERE/profile_all.csv"
OUT="$HERE/results/roads.md"
LOAD0=$(loadavg)

# ---- jangkau: generated network, Jakarta (motorcycle, by time) -----------------
say "generated network ($SIDE x $SIDE)"
"$B/jk_roadbench" "$PROFILE" "$SIDE" "$SITES" "$CLIENTS" "$SEED" >"$W/gen.md"
say "jangkau import roads (Jakarta)"
rm -f "$W/jakarta.sqlite"
t0=$(now)
"$B/jangkau" --db "$W/jakarta.sqlite" --quiet import roads "$SHP"
JK_IMPORT=$(elapsed "$t0" "$(now)")
"$B/jk_roadbench" "$PROFILE" "$W/jakarta.sqlite" "$SITES" "$CLIENTS" "$SEED" >"$W/jakarta_moto.md"

# ---- the comparison: points drawn once, read by both sides ---------------------
"$B/jk_roadbench" -w "$W/points.csv" "$PALL" "$W/jakarta.sqlite" "$SITES" "$CLIENTS" "$SEED"
JK_LOADS="" JK_GRAPHS="" JK_ROUTES=""
for ((r = 1; r <= REPEAT; r++)); do
	say "jangkau comparison run $r of $REPEAT"
	"$B/jk_roadbench" -d -p "$W/points.csv" -x "$W/jk_vertex.csv" "$PALL" "$W/jakarta.sqlite" \
		>"$W/jakarta_cmp.md"
	JK_LOADS+=" $(field "$W/jakarta_cmp.md" 'load network from the store')"
	JK_GRAPHS+=" $(field "$W/jakarta_cmp.md" 'build routing graph')"
	JK_ROUTES+=" $(field "$W/jakarta_cmp.md" 'routing step')"
done
# shellcheck disable=SC2086 # one argument per run
JK_LOAD=$(median $JK_LOADS) JK_GRAPH=$(median $JK_GRAPHS) JK_ROUTE=$(median $JK_ROUTES)
JK_BUILD=$(awk -v a="$JK_LOAD" -v b="$JK_GRAPH" 'BEGIN { printf "%.3f", a + b }')

# ---- pgRouting on a private cluster (as bench/run.sh) --------------------------
PG_STATE="not run"
trap pg_stop EXIT
trap 'exit 130' INT TERM
declare -A PG_S
pg_step() { # pg_step NAME command...: wall time around the command
	local name=$1 t0
	shift
	say "pgRouting $name"
	t0=$(now)
	"$@" >>"$W/logs/pgrouting.log" 2>&1 || {
		tail -n 5 "$W/logs/pgrouting.log" >&2
		die "pgRouting step '$name' failed (see $W/logs/pgrouting.log)"
	}
	PG_S[$name]=$(elapsed "$t0" "$(now)")
}

run_pgrouting() {
	need_pkgs postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting gdal-bin
	: >"$W/logs/pgrouting.log"
	pg_start "$W/logs/pgrouting.log"
	psql_run -c 'CREATE EXTENSION postgis' -c 'CREATE EXTENSION pgrouting' >/dev/null
	PG_VERSION_TXT=$(psql_run -At -c "SELECT split_part(version(), ' ', 2) || ', PostGIS ' || postgis_lib_version() || ', pgRouting ' || pgr_version()")

	pg_step load ogr2ogr -f PostgreSQL PG:"host=127.0.0.1 port=$PGPORT dbname=bench user=bench" \
		"$SHP" -nln jakarta_roads -lco GEOMETRY_NAME=geom -lco FID=gid -nlt LINESTRING \
		--config PG_USE_COPY YES
	pg_step topology psql_run -f "$HERE/sql/pgr_topology.sql"
	pg_step load_points psql_run -f "$HERE/sql/pgr_load_points.sql" <"$W/points.csv"
	pg_step query psql_run -f "$HERE/sql/pgr_nearest.sql"
	PG_NET=$(psql_run -At -c "SELECT (SELECT count(*) FROM seg_vertices_pgr) || ' vertices, ' || (SELECT count(*) FROM seg) || ' segments'")
	say "cross-check (not timed)"
	PG_CHECKS=$(psql_run -At -F ' | ' -f "$HERE/sql/pgr_crosscheck.sql" <"$W/jk_vertex.csv")
	PG_STATE="ran"
}
LOAD1=$(loadavg)
if [ "${BENCH_SKIP_PGROUTING:-0}" = 1 ]; then
	PG_STATE="skipped (BENCH_SKIP_PGROUTING=1)"
else
	run_pgrouting
	pg_stop
fi

# ---- report ---------------------------------------------------------------------
GEN_ROUTE=$(field "$W/gen.md" 'routing step')
R_QUERY=$(ratio "${PG_S[query]:-}" "$JK_ROUTE")
R_TOPO=$(ratio "${PG_S[topology]:-}" "$JK_BUILD")
R_TOPO_IMPORT=$(ratio "${PG_S[topology]:-}" "$JK_IMPORT")
{
	echo "# Road routing benchmark"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); jangkau on one thread."
	echo "1-minute load average at the start: $LOAD0, before pgRouting: $LOAD1, at the end: $(loadavg) (above $(nproc): other processes competed; repeat the run)."
	echo
	echo "## Generated network ($SIDE x $SIDE jittered grid, motorcycle profile, by time)"
	echo
	cat "$W/gen.md"
	echo
	echo "Target: routing step under 2 s on the 1M-edge network on 2 cores: ${GEN_ROUTE:-?} s on one thread, $(awk -v v="${GEN_ROUTE:-99}" 'BEGIN { print (v < 2) ? "met" : "NOT met" }')."
	echo
	echo "## Jakarta OSM roads (osm-jakarta-inasafe-2012, motorcycle profile, by time)"
	echo
	echo "import roads (shapefile -> store, one transaction): $JK_IMPORT s"
	echo
	cat "$W/jakarta_moto.md"
	echo
	echo "## Jakarta: jangkau and pgRouting, same network, same points"
	echo
	echo "$SITES sites and $CLIENTS clients drawn once (seed $SEED) uniformly in the network's"
	echo "bounding box, written to points.csv and read by both. Shortest by length, every road"
	echo "class, one-way ignored (bench/profile_all.csv, jk_roadbench -d; pgRouting cost ="
	echo "geodesic length, directed => false). jangkau: $REPEAT runs, median. pgRouting: PostgreSQL ${PG_VERSION_TXT:-?}, $PG_STATE."
	echo
	echo "jangkau's last comparison run:"
	echo
	cat "$W/jakarta_cmp.md"
	echo
	echo "| step | jangkau s | pgRouting s | pgRouting / jangkau |"
	echo "|---|---:|---:|---:|"
	echo "| network: jangkau $(sed -n 's/^| network | \(.*\) |$/\1/p' "$W/jakarta_cmp.md"); pgRouting ${PG_NET:-?} | | | |"
	echo "| load: jangkau \`import roads\` (shapefile -> split network in the store); pgRouting ogr2ogr (lines) | $JK_IMPORT | ${PG_S[load]:--} | |"
	echo "| graph build: jangkau load network from the store + routing graph; pgRouting topology (ST_DumpSegments, geodesic lengths, pgr_createTopology, vertex index) | $JK_BUILD | ${PG_S[topology]:--} | **$R_TOPO** |"
	echo "| (information) pgRouting topology / jangkau \`import roads\` | $JK_IMPORT | ${PG_S[topology]:--} | $R_TOPO_IMPORT |"
	echo "| load the points (pgRouting: \\copy, geometry, ANALYZE) | - | ${PG_S[load_points]:--} | |"
	echo "| routing step: snap $SITES sites, search, snap $CLIENTS clients and read their nearest site; pgRouting nearest vertex (KNN) + pgr_drivingDistance(equicost) + join | $JK_ROUTE | ${PG_S[query]:--} | **$R_QUERY** |"
	echo
	echo "jangkau runs (s): load$JK_LOADS; graph$JK_GRAPHS; routing step$JK_ROUTES."
	if [ -n "${PG_CHECKS:-}" ]; then
		echo
		echo "## Cross-check on vertices (not timed)"
		echo
		echo "jangkau snaps to the nearest point of the nearest segment; pgRouting works on vertices."
		echo "For the comparison jk_roadbench -x also snaps every point to its nearest vertex (plane"
		echo "distance in degrees, as PostGIS \`<->\`; none beyond 1 km geodesic, as the query) and"
		echo "searches by length from the sites' vertices; the answers are compared per client."
		echo
		echo "| check | value |"
		echo "|---|---:|"
		printf '%s\n' "$PG_CHECKS" | sed 's/^/| /; s/$/ |/'
	fi
} | tee "$OUT"
say "written to ${OUT#"$ROOT"/}"
[ "$PG_STATE" = ran ] || [ "${BENCH_SKIP_PGROUTING:-0}" = 1 ] || exit 1
