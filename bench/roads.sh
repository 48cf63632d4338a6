#!/usr/bin/env bash
# Road routing benchmark (issue 3): a generated street network of about
# 1,000,000 segments and the Jakarta OSM roads, 20,000 ready sites and
# 100,000 clients at random points, through bench/roadbench.c (the routing
# room without the store), plus the import of the Jakarta roads through
# the jangkau command. Not a timed test: absolute times vary by machine.
#
# Usage: bench/roads.sh
# Environment:
#   BENCH_WORK   work directory, outside the repository (/tmp/jangkau-roadbench)
#   BENCH_DATA   the shared data folder (<repo>/../shared/data)
#   BENCH_SIDE   vertices per side of the generated grid (708: ~981,000 segments)
#   BENCH_SITES, BENCH_CLIENTS   (20000, 100000)
# Writes bench/results/roads.md and prints it.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
W=${BENCH_WORK:-/tmp/jangkau-roadbench}
DATA=${BENCH_DATA:-$ROOT/../shared/data}
SIDE=${BENCH_SIDE:-708}
SITES=${BENCH_SITES:-20000}
CLIENTS=${BENCH_CLIENTS:-100000}
B="$ROOT/build-bench"
mkdir -p "$W" "$HERE/results"
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DJK_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target jangkau_cli jk_roadbench >/dev/null
PROFILE="$ROOT/data/profiles/motorcycle.csv"
OUT="$HERE/results/roads.md"
{
	echo "# Road routing benchmark"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), one thread"
	echo
	echo "## Generated network ($SIDE x $SIDE jittered grid, motorcycle profile)"
	echo
	"$B/jk_roadbench" "$PROFILE" "$SIDE" "$SITES" "$CLIENTS"
	echo
	echo "## Jakarta OSM roads (osm-jakarta-inasafe-2012, motorcycle profile)"
	echo
	rm -f "$W/jakarta.sqlite"
	t0=$(date +%s.%N)
	"$B/jangkau" --db "$W/jakarta.sqlite" --quiet import roads \
		"$DATA/roads/osm-jakarta-inasafe-2012/jakarta_roads.shp"
	t1=$(date +%s.%N)
	echo "import roads (shapefile -> store, one transaction): $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
	echo
	"$B/jk_roadbench" "$PROFILE" "$W/jakarta.sqlite" "$SITES" "$CLIENTS"
	echo
	echo "Coverage runs two such searches (all ready sites, child-suitable ones)."
	echo "Not measured here: pgRouting on the same question (pgr_dijkstraCost"
	echo "many-to-many); postgresql-15-pgrouting is not installed by this script."
} | tee "$OUT"
