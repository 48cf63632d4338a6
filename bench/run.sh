#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# jangkau benchmark: the national village layer (83,402 polygons), 200,000
# generated work sites and 100,000 generated clients, run through jangkau
# step by step, and the same analysis as a GIS analyst would write it in
# PostGIS, measured in the same run on the same machine. Absolute times are
# noise between machines; the ratios against the baseline are the result.
#
# Usage: bench/run.sh            (as root, so missing Debian packages install)
# Environment:
#   BENCH_WORK      work directory, outside the repository (/tmp/jangkau-bench)
#   BENCH_DATA      the shared data folder (<repo>/../shared/data)
#   JANGKAU         jangkau binary; unset: Release build into <repo>/build-bench
#   BENCH_SITES     generated sites (200000), 70% ready
#   BENCH_CLIENTS   generated clients (100000)
#   BENCH_SEED      generator seed (20260105)
#   BENCH_REPEAT    runs of jangkau coverage and of each PostGIS analysis
#                   statement; the median is reported (3)
#   BENCH_PGPORT    first TCP port tried for PostgreSQL on 127.0.0.1 (55432)
#   BENCH_SKIP_JANGKAU=1, BENCH_SKIP_POSTGIS=1   run only one half
# Writes bench/results/latest.md and prints the same tables.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
W=${BENCH_WORK:-/tmp/jangkau-bench}
DATA=${BENCH_DATA:-$ROOT/../shared/data}
N_SITES=${BENCH_SITES:-200000}
N_CLIENTS=${BENCH_CLIENTS:-100000}
SEED=${BENCH_SEED:-20260105}
PGPORT0=${BENCH_PGPORT:-55432}
RADIUS_KM=5
REPEAT=${BENCH_REPEAT:-3}
PGBIN=/usr/lib/postgresql/15/bin
RESULTS=$HERE/results/latest.md

BENCH_TAG=bench
BENCH_DEC=2
# shellcheck source=bench/lib.bash
. "$HERE/lib.bash"

case "$W" in
"$ROOT" | "$ROOT"/*) die "BENCH_WORK '$W' is inside the repository; pick a directory outside it" ;;
esac
mkdir -p "$W" "$W/logs" "$HERE/results"
W=$(cd "$W" && pwd)
PGDIR=$W/pg

# Arithmetic on decimal strings: calc 'EXPR' with a, b, ... bound by -v.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

need_pkgs time xz-utils gcc pkg-config libgdal-dev libgeos-dev gdal-bin

# ---- 1. data ----------------------------------------------------------------
GPKG=$W/indonesia_desa.gpkg
XZ=$DATA/boundaries/indonesia_desa.gpkg.xz
if [ ! -s "$GPKG" ]; then
	[ -f "$XZ" ] || die "'$XZ' not found; set BENCH_DATA to the shared data folder"
	say "unpacking $(basename "$XZ") into $W"
	xz -dkc "$XZ" >"$GPKG.tmp"
	mv "$GPKG.tmp" "$GPKG"
fi

# ---- 2. generated sites and clients -----------------------------------------
say "building gen_points"
# shellcheck disable=SC2046
gcc -std=c17 -O2 -Wall -Wextra -Wshadow -Wmissing-declarations -Werror=vla \
	-Wformat=2 -Wstrict-prototypes -D_POSIX_C_SOURCE=200809L \
	-I "$HERE/../src" -o "$W/gen_points" "$HERE/gen_points.c" "$HERE/../src/core/csv.c" \
	"$HERE/../src/core/util.c" $(pkg-config --cflags --libs gdal geos) -lm
mkdir -p "$W/gen"
say "generating $N_SITES sites and $N_CLIENTS clients (seed $SEED)"
t0=$(now)
"$W/gen_points" -s "$SEED" -n "$N_SITES" -m "$N_CLIENTS" -r 70 -o "$W/gen" "$GPKG" 2>"$W/logs/gen_points.log" ||
	die "gen_points failed: $(cat "$W/logs/gen_points.log")"
GEN_S=$(elapsed "$t0" "$(now)")
GEN_MSG=$(tail -n 1 "$W/logs/gen_points.log")
say "$GEN_MSG"

# ---- 3. jangkau ---------------------------------------------------------------
declare -A JK_S JK_MIB JK_RUNS
JK_STEPS=(import_boundaries import_sites import_clients geocode coverage export)
JK_STATE="not run"
JK_BIN=""

# Runs one jangkau step as its own process under /usr/bin/time, $JK_REPS
# times (default once): seconds are the median, memory the largest peak.
jk_step() {
	local name=$1
	shift
	local tf="$W/logs/jangkau_$name.time" r s kib times="" maxkib=0
	for ((r = 1; r <= ${JK_REPS:-1}; r++)); do
		say "jangkau $* (run $r of ${JK_REPS:-1})"
		if ! /usr/bin/time -f '%e %M' -o "$tf" "$JK_BIN" --db "$W/bench.sqlite" "$@" \
			>"$W/logs/jangkau_$name.log" 2>&1; then
			JK_STATE="failed at '$name' (see $W/logs/jangkau_$name.log)"
			say "$JK_STATE"
			tail -n 5 "$W/logs/jangkau_$name.log" >&2 || true
			return 1
		fi
		read -r s kib <"$tf"
		times+="${times:+ }$s"
		if [ "$kib" -gt "$maxkib" ]; then maxkib=$kib; fi
	done
	# shellcheck disable=SC2086 # one argument per run
	JK_S[$name]=$(median $times)
	JK_RUNS[$name]=$times
	JK_MIB[$name]=$(calc "$maxkib / 1024")
}

run_jangkau() {
	if [ -n "${JANGKAU:-}" ]; then
		JK_BIN=$JANGKAU
	else
		need_pkgs cmake libspatialite-dev libsqlite3-dev libproj-dev
		say "building jangkau (Release) into $ROOT/build-bench"
		if ! { cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DJK_TESTS=OFF &&
			cmake --build "$ROOT/build-bench" -j "$(nproc)" --target jangkau_cli; } \
			>"$W/logs/jangkau_build.log" 2>&1; then
			JK_STATE="not run: the build failed (see $W/logs/jangkau_build.log)"
			say "$JK_STATE"
			return 0
		fi
		JK_BIN=$ROOT/build-bench/jangkau
	fi
	if [ ! -x "$JK_BIN" ]; then
		JK_STATE="not run: '$JK_BIN' is not an executable"
		say "$JK_STATE"
		return 0
	fi
	rm -rf "$W/bench.sqlite" "$W/bench.sqlite-journal" "$W/bench.sqlite-wal" \
		"$W/bench.sqlite-shm" "$W/out"
	if jk_step import_boundaries import boundaries "$GPKG" &&
		jk_step import_sites import sites "$W/gen/sites.csv" &&
		jk_step import_clients import clients "$W/gen/clients.csv" &&
		jk_step geocode geocode &&
		JK_REPS=$REPEAT jk_step coverage coverage --radius-km "$RADIUS_KM" &&
		jk_step export export --out "$W/out" --format gpkg; then
		JK_STATE="ran"
	fi
}

LOAD_JK=$(loadavg)
if [ "${BENCH_SKIP_JANGKAU:-0}" = 1 ]; then
	JK_STATE="skipped (BENCH_SKIP_JANGKAU=1)"
else
	run_jangkau
fi

# ---- 4. PostGIS baseline ------------------------------------------------------
declare -A PG_S PG_RUNS
PG_LOAD_STEPS=(load_villages repair_villages load_sites load_clients)
PG_AN_STEPS=(a_site_in_village b_point_on_surface c_ready_per_village d_nearest_village d_nearest_client)
PG_PAR_STEPS=(p_nearest_village p_nearest_client) # information only
PG_STATE="not run"
PG_CHECKS=""

trap pg_stop EXIT
trap 'exit 130' INT TERM

# Runs a script whose \copy ... FROM pstdin reads the file $2.
psql_stdin() { psql_run -f "$1" <"$2"; }

# Times one statement (or script on stdin) as wall time around psql.
pg_step() {
	local name=$1
	shift
	say "postgis $name"
	local t0
	t0=$(now)
	"$@" >>"$W/logs/postgis.log" 2>&1 || {
		tail -n 5 "$W/logs/postgis.log" >&2
		die "postgis step '$name' failed (see $W/logs/postgis.log)"
	}
	PG_S[$name]=$(elapsed "$t0" "$(now)")
}

# Times one analysis script $REPEAT times; before each repeat its result
# table (and function) is dropped, untimed. Reports the median.
pg_an_step() {
	local name=$1 f="$HERE/sql/$1.sql" r table fn times=""
	table=$(sed -n 's/^CREATE TABLE \([a-z_]*\).*/\1/p' "$f")
	fn=$(sed -n 's/^CREATE FUNCTION \([a-z_]*\).*/\1/p' "$f")
	for ((r = 1; r <= REPEAT; r++)); do
		if [ "$r" -gt 1 ]; then
			psql_run -c "DROP TABLE $table" >>"$W/logs/postgis.log" 2>&1
			[ -z "$fn" ] || psql_run -c "DROP FUNCTION $fn" >>"$W/logs/postgis.log" 2>&1
		fi
		pg_step "$name" psql_run -f "$f"
		times+="${times:+ }${PG_S[$name]}"
	done
	# shellcheck disable=SC2086 # one argument per run
	PG_S[$name]=$(median $times)
	PG_RUNS[$name]=$times
}

run_postgis() {
	need_pkgs postgresql-15 postgresql-15-postgis-3 postgis
	: >"$W/logs/postgis.log"
	pg_start "$W/logs/postgis.log"
	psql_run -c 'CREATE EXTENSION postgis' >/dev/null
	PG_VERSION_TXT=$(psql_run -At -c "SELECT split_part(version(), ' ', 2) || ', PostGIS ' || postgis_lib_version() || ', GEOS ' || split_part(postgis_geos_version(), '-', 1)")

	# -- load --
	pg_step load_villages ogr2ogr -f PostgreSQL \
		PG:"host=127.0.0.1 port=$PGPORT dbname=bench user=bench" "$GPKG" desa \
		-nln desa -nlt PROMOTE_TO_MULTI -lco GEOMETRY_NAME=geom -lco FID=fid \
		-lco SPATIAL_INDEX=GIST --config PG_USE_COPY YES
	pg_step repair_villages psql_run -f "$HERE/sql/repair.sql"
	pg_step load_sites psql_stdin "$HERE/sql/load_sites.sql" "$W/gen/sites.csv"
	pg_step load_clients psql_stdin "$HERE/sql/load_clients.sql" "$W/gen/clients.csv"

	# -- analysis: one statement per step, each its own psql --
	for s in "${PG_AN_STEPS[@]}" "${PG_PAR_STEPS[@]}"; do
		pg_an_step "$s"
	done

	# -- plans of the timed statements, not timed: each re-planned in a
	# transaction that drops its result table and rolls back --
	for s in "${PG_AN_STEPS[@]}"; do
		local f="$HERE/sql/$s.sql" table
		table=$(sed -n 's/^CREATE TABLE \([a-z_]*\).*/\1/p' "$f")
		echo "== ($s)"
		{ echo "BEGIN; DROP TABLE $table; EXPLAIN"; grep -v '^--' "$f"; echo "ROLLBACK;"; } |
			psql_run -f -
	done >"$W/logs/postgis_plans.txt" 2>&1

	# -- sanity checks, not timed --
	psql_stdin "$HERE/sql/load_truth.sql" "$W/gen/truth.csv"
	PG_CHECKS=$(psql_run -At -F ' | ' -f "$HERE/sql/checks.sql")
	# the baseline's distances, for the cross-check with jangkau's store
	psql_run -c '\copy (SELECT v.kode, n.dist_m FROM village_nearest n JOIN desa v USING (fid)) TO pstdout WITH (FORMAT csv)' \
		>"$W/pg_village_nearest.csv"
	psql_run -c '\copy (SELECT id, dist_m FROM client_nearest) TO pstdout WITH (FORMAT csv)' \
		>"$W/pg_client_nearest.csv"
	PG_STATE="ran"
}

LOAD_PG=$(loadavg)
if [ "${BENCH_SKIP_POSTGIS:-0}" = 1 ]; then
	PG_STATE="skipped (BENCH_SKIP_POSTGIS=1)"
else
	run_postgis
	pg_stop
fi

# ---- cross-check: jangkau's store against the generator and PostGIS ----------
# Reads the store with the sqlite3 shell, into temporary tables only. It knows
# the store's tables (sites, clients, coverage, client_links); when they change,
# it reports that it could not run instead of failing the benchmark.
JK_CHECKS=""
if [ "$JK_STATE" = ran ] && [ "$PG_STATE" = ran ]; then
	need_pkgs sqlite3
	if ! JK_CHECKS=$(sqlite3 -bail "$W/bench.sqlite" 2>"$W/logs/crosscheck.log" <<-EOF
		CREATE TEMP TABLE truth (tabel TEXT, id TEXT, kode TEXT, lat REAL, lon REAL);
		CREATE TEMP TABLE pgv (kode TEXT PRIMARY KEY, dist_m REAL);
		CREATE TEMP TABLE pgc (id TEXT PRIMARY KEY, dist_m REAL);
		.import --csv --skip 1 --schema temp '$W/gen/truth.csv' truth
		.import --csv --schema temp '$W/pg_village_nearest.csv' pgv
		.import --csv --schema temp '$W/pg_client_nearest.csv' pgc
		.read '$HERE/sql/crosscheck.sql'
	EOF
	); then
		JK_CHECKS="cross-check could not run | see logs/crosscheck.log"
	fi
fi

# ---- 5. report ----------------------------------------------------------------
sum_of() { # sum_of ARRAYNAME key...
	local -n arr=$1
	shift
	local t=0 k
	for k in "$@"; do
		[ -n "${arr[$k]:-}" ] || { echo ""; return; }
		t=$(calc "$t + ${arr[$k]}")
	done
	echo "$t"
}
ratio() { # ratio NUM DEN
	if [ -n "$1" ] && [ -n "$2" ] && awk -v d="$2" 'BEGIN { exit !(d > 0) }'; then
		awk -v n="$1" -v d="$2" 'BEGIN { printf "%.1f", n / d }'
	else
		echo "n/a"
	fi
}
verdict() { # verdict VALUE OP TARGET
	[ "$1" = n/a ] && { echo "n/a"; return; }
	awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
		ok = (op == ">=") ? (v >= t) : (v < t); print ok ? "met" : "NOT met" }'
}

PG_LOAD=$(sum_of PG_S "${PG_LOAD_STEPS[@]}")
PG_AN=$(sum_of PG_S "${PG_AN_STEPS[@]}")
PG_AN_PAR=$(sum_of PG_S a_site_in_village b_point_on_surface c_ready_per_village "${PG_PAR_STEPS[@]}")
PG_TOTAL=""
[ -n "$PG_LOAD" ] && [ -n "$PG_AN" ] && PG_TOTAL=$(calc "$PG_LOAD + $PG_AN")
JK_COV=${JK_S[coverage]:-}
JK_COV_MIB=${JK_MIB[coverage]:-}
# jangkau's own split of the coverage step (last run): read, analysis, write
JK_SPLIT=$(sed -n 's/^ *time: read \([0-9.]*\) s, analysis \([0-9.]*\) s, write \([0-9.]*\) s/\1 \2 \3/p' \
	"$W/logs/jangkau_coverage.log" 2>/dev/null | tail -n 1)
JK_COV_READ=$(echo "$JK_SPLIT" | awk '{print $1}')
JK_COV_AN=$(echo "$JK_SPLIT" | awk '{print $2}')
JK_COV_WRITE=$(echo "$JK_SPLIT" | awk '{print $3}')
R_AN_ONLY=$(ratio "$PG_AN" "$JK_COV_AN")
JK_PIPE=$(sum_of JK_S import_boundaries import_sites import_clients geocode coverage)
R_TOTAL=$(ratio "$PG_TOTAL" "$JK_COV")
R_AN=$(ratio "$PG_AN" "$JK_COV")
R_PIPE=$(ratio "$PG_TOTAL" "$JK_PIPE")
R_AN_PAR=$(ratio "$PG_AN_PAR" "$JK_COV")

{
	echo "# jangkau benchmark: latest run"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB"
	echo "- data: $(basename "$GPKG") (83,402 villages), $N_SITES sites (70% ready), $N_CLIENTS clients, seed $SEED"
	echo "- generator: ${GEN_S} s wall (${GEN_MSG#gen_points: })"
	echo "- 1-minute load average at the start of the jangkau half: $LOAD_JK, of the PostGIS half: $LOAD_PG, at the end: $(loadavg) (above $(nproc), other processes competed and the ratios are unreliable)"
	echo "- jangkau: ${JK_BIN:-none}, $JK_STATE"
	echo "- PostGIS: PostgreSQL ${PG_VERSION_TXT:-?}, $PG_STATE"
	echo
	echo "## jangkau steps"
	echo
	echo "| step | seconds | peak MiB | runs (s) |"
	echo "|---|---:|---:|---|"
	for s in "${JK_STEPS[@]}"; do
		echo "| ${s/_/ } | ${JK_S[$s]:--} | ${JK_MIB[$s]:--} | ${JK_RUNS[$s]:-} |"
	done
	echo "| import + geocode + coverage | ${JK_PIPE:--} | | |"
	echo
	echo "## PostGIS baseline"
	echo
	echo "| step | seconds | runs (s) |"
	echo "|---|---:|---|"
	for s in "${PG_LOAD_STEPS[@]}"; do echo "| load: ${s//_/ } | ${PG_S[$s]:--} | |"; done
	echo "| **load total** | **${PG_LOAD:--}** | |"
	for s in "${PG_AN_STEPS[@]}"; do
		label=${s#?_}
		echo "| (${s:0:1}) ${label//_/ } | ${PG_S[$s]:--} | ${PG_RUNS[$s]:-} |"
	done
	echo "| **analysis (a)-(d)** | **${PG_AN:--}** | |"
	echo "| **(e) total: load + analysis** | **${PG_TOTAL:--}** | |"
	echo "| (information) (d) nearest village, parallel variant | ${PG_S[p_nearest_village]:--} | ${PG_RUNS[p_nearest_village]:-} |"
	echo "| (information) (d) nearest client, parallel variant | ${PG_S[p_nearest_client]:--} | ${PG_RUNS[p_nearest_client]:-} |"
	echo "| (information) analysis (a)-(c) + parallel (d) | ${PG_AN_PAR:--} | |"
	echo
	echo "## Ratios (PostGIS seconds / jangkau seconds, same run)"
	echo
	echo "| figure | value | target | |"
	echo "|---|---:|---:|---|"
	echo "| PostGIS analysis (a)-(d) / jangkau coverage step (store read and write included) | $R_AN | >= 5 | $(verdict "$R_AN" ">=" 5) |"
	echo "| PostGIS analysis (a)-(d) / jangkau analysis alone ($JK_COV_AN s of the step; read ${JK_COV_READ:-n/a} s, write ${JK_COV_WRITE:-n/a} s) | $R_AN_ONLY | >= 10 | $(verdict "$R_AN_ONLY" ">=" 10) |"
	echo "| (information) PostGIS (e) load + analysis / jangkau coverage step | $R_TOTAL | | |"
	echo "| jangkau coverage peak memory, MiB | ${JK_COV_MIB:-n/a} | < 2048 | $(verdict "${JK_COV_MIB:-n/a}" "<" 2048) |"
	echo "| jangkau coverage, seconds | ${JK_COV:-n/a} | < 3 | $(verdict "${JK_COV:-n/a}" "<" 3) |"
	echo "| (information) PostGIS (a)-(c) + parallel (d) / jangkau coverage | $R_AN_PAR | | |"
	echo "| (information) PostGIS (e) / jangkau import + geocode + coverage | $R_PIPE | | |"
	echo
	echo "Seconds are wall time; jangkau coverage and each PostGIS analysis statement ran"
	echo "$REPEAT times and the median is shown (peak memory: the largest of the runs)."
	echo "jangkau coverage is the whole \`jangkau coverage\` process: it opens the store, reads"
	echo "villages, sites and clients, computes and writes the results. PostGIS analysis"
	echo "(a)-(d) is the sum of the five timed statements on tables already loaded and indexed;"
	echo "(e) adds the load (ogr2ogr, repair, CSV to points, indexes, ANALYZE). The parallel"
	echo "variant of (d) is the same search in a PARALLEL SAFE function, since PostgreSQL 15"
	echo "runs LATERAL ... LIMIT on one core; it is reported, not used for the targets."
	if [ -n "$PG_CHECKS" ]; then
		echo
		echo "## Sanity checks (PostGIS, not timed)"
		echo
		echo "| check | value |"
		echo "|---|---:|"
		printf '%s\n' "$PG_CHECKS" | sed 's/^/| /; s/$/ |/'
	fi
	if [ -n "$JK_CHECKS" ]; then
		echo
		echo "## Cross-check: jangkau's store against the generator and PostGIS (not timed)"
		echo
		echo "Distances compared with a 1 m tolerance; the PostGIS nearest site is the planar KNN"
		echo "first, so jangkau (geodesic nearest) may be nearer, never farther."
		echo
		echo "| check | value |"
		echo "|---|---:|"
		printf '%s\n' "$JK_CHECKS" | sed 's/^/| /; s/$/ |/'
	fi
	if [ "$JK_STATE" = ran ] && [ -f "$W/logs/jangkau_coverage.log" ]; then
		echo
		echo "## jangkau coverage output (last lines)"
		echo
		echo '```'
		tail -n 12 "$W/logs/jangkau_coverage.log"
		echo '```'
	fi
} >"$RESULTS"

cat "$RESULTS"
say "written to ${RESULTS#"$ROOT"/}"
[ "$PG_STATE" = ran ] || [ "${BENCH_SKIP_POSTGIS:-0}" = 1 ] || exit 1
case "$JK_STATE" in ran | skipped*) ;; *) exit 1 ;; esac
