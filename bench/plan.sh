#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Planning benchmark (issue 9): jangkau's plan room (src/plan, through
# bench/plan/planbench.c, without the store) and, in the same run on the
# same instances, the tools people would use instead
# (bench/plan/oracles.py): the PySAL spopt way (a dense PuLP model solved
# by CBC), HiGHS through scipy.optimize.milp, GLPK's glpsol, and
# networkx's network simplex for the placement. Not a timed test: the
# absolute times depend on the machine and its load (printed with every
# row); compare the ratios.
#
# Instances (bench/plan/plangen.c, written into the work directory):
#   province  Sulawesi Tenggara from the shared data: 2,283 villages, the
#             field book's 1,111 ready sites, candidates = its 517 not-ready
#             sites + a new place in every village without a ready site;
#             5 km. MCLP K = 50 and LSCP. Placement of the 400 clients and
#             of 3,200 around them. Pos Bapas: 400 homes x 854 places, p <= 3.
#   national  the 83,402 villages of Indonesia, 200,000 generated
#             candidates (times BENCH_SCALE), 5 km; MCLP K = 500 and LSCP.
#
# Usage: bench/plan.sh [--quick]   (as root, so missing Debian packages install)
#   --quick: MIP time limit 30 s, national at a quarter (BENCH_SCALE=0.25)
# Environment:
#   BENCH_WORK     work directory outside the repository (/tmp/jangkau-planbench)
#   BENCH_DATA     the shared data folder (<repo>/../shared/data)
#   BENCH_LIMIT    seconds for each MIP solve (300; --quick 30)
#   BENCH_SCALE    share of the national instance (1; --quick 0.25)
#   BENCH_BUILD    build directory (<repo>/build-bench, configured Release)
#   PLANBENCH_REPEAT  runs of each jangkau solve, median reported (3)
#   BENCH_SKIP_NATIONAL=1, BENCH_SKIP_ORACLES=1
# Debian packages: cmake gcc pkg-config libgdal-dev libgeos-dev libproj-dev
#   libspatialite-dev libsqlite3-dev libcairo2-dev libpango1.0-dev check xz-utils
#   python3-numpy python3-scipy python3-pulp coinor-cbc glpk-utils python3-networkx
# Writes bench/results/plan.md (not committed) and prints it.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
W=${BENCH_WORK:-/tmp/jangkau-planbench}
DATA=${BENCH_DATA:-$ROOT/../shared/data}
if [ "$QUICK" = 1 ]; then
	LIMIT=${BENCH_LIMIT:-30}
	SCALE=${BENCH_SCALE:-0.25}
else
	LIMIT=${BENCH_LIMIT:-300}
	SCALE=${BENCH_SCALE:-1}
fi
B=${BENCH_BUILD:-$ROOT/build-bench}
PY=/usr/bin/python3 # Debian's, with Debian's numpy, scipy, pulp, networkx

BENCH_TAG=planbench
BENCH_DEC=3
# shellcheck source=bench/lib.bash
. "$HERE/lib.bash"
case "$W" in
"$ROOT" | "$ROOT"/*) die "BENCH_WORK '$W' is inside the repository; pick a directory outside it" ;;
esac
mkdir -p "$W/logs" "$HERE/results"
W=$(cd "$W" && pwd)
[ -f "$DATA/boundaries/sultra_desa.gpkg" ] || die "no shared data at '$DATA'; set BENCH_DATA"

need_pkgs cmake gcc pkg-config libgdal-dev libgeos-dev libproj-dev libspatialite-dev \
	libsqlite3-dev libcairo2-dev libpango1.0-dev check xz-utils python3-numpy python3-scipy \
	python3-pulp coinor-cbc glpk-utils python3-networkx
if [ ! -f "$B/CMakeCache.txt" ]; then
	cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DJK_TESTS=OFF >"$W/logs/build.log" 2>&1 ||
		die "configure failed, see $W/logs/build.log"
fi
cmake --build "$B" -j1 --target jk_plangen jk_planbench >>"$W/logs/build.log" 2>&1 ||
	die "build failed, see $W/logs/build.log"

RES=$W/results.txt
: >"$RES"
# run INSTANCE command...: the RESULT lines of a solver, each with the
# instance name and the 1-minute load average before it ran. A solver
# still running after STOP seconds (5 x the MIP limit + 120 s for building
# the model: networkx has no limit of its own, and a MIP solver may not
# look at its clock during a long root LP) is stopped, and a row says so.
STOP=$(awk -v l="$LIMIT" 'BEGIN { printf "%d", 5 * l + 120 }')
run() {
	local inst=$1 load rc=0
	shift
	load=$(loadavg)
	say "$inst: $*"
	timeout "$STOP" "$@" 2>>"$W/logs/solvers.log" >"$W/one.txt" || rc=$?
	sed -n "s/^RESULT /RESULT instance=$inst load=$load /p" "$W/one.txt" | tee -a "$RES" >&2
	if [ "$rc" = 124 ]; then
		echo "RESULT instance=$inst load=$load problem=${PROBLEM:-?} solver=${SOLVER:-?} time=$STOP value=nan bound=nan gap=nan proven=0 note=\"stopped after $STOP s: no answer\"" |
			tee -a "$RES" >&2
	elif [ "$rc" != 0 ]; then
		say "failed (exit $rc, see $W/logs/solvers.log): $*"
	fi
}

# ---- instances ------------------------------------------------------------
say "province instance"
mkdir -p "$W/prov"
"$B/jk_plangen" province "$DATA" "$W/prov" 2>"$W/logs/plangen_province.log" ||
	die "plangen failed: $(cat "$W/logs/plangen_province.log")"
NAT=$W/nat-$SCALE
if [ "${BENCH_SKIP_NATIONAL:-0}" != 1 ] && [ ! -f "$NAT/cov_arcs.csv" ]; then
	GPKG=$W/indonesia_desa.gpkg
	if [ ! -f "$GPKG" ]; then
		say "unpacking the national villages"
		xz -dkc "$DATA/boundaries/indonesia_desa.gpkg.xz" >"$GPKG.tmp" && mv "$GPKG.tmp" "$GPKG"
	fi
	say "national instance (scale $SCALE)"
	mkdir -p "$NAT"
	"$B/jk_plangen" national "$GPKG" "$NAT" "$SCALE" 2>"$W/logs/plangen_national.log" ||
		die "plangen failed: $(cat "$W/logs/plangen_national.log")"
fi

# ---- province ---------------------------------------------------------------
run province "$B/jk_planbench" cover "$W/prov" 50
run province "$B/jk_planbench" assign "$W/prov" asg400
run province "$B/jk_planbench" assign "$W/prov" asg3200
run province "$B/jk_planbench" pos "$W/prov" 3
if [ "${BENCH_SKIP_ORACLES:-0}" != 1 ]; then
	for s in highs glpk spopt_cbc; do
		PROBLEM=mclp_k50 SOLVER=$s run province "$PY" "$HERE/plan/oracles.py" cover "$W/prov" 50 "$s" "$LIMIT"
	done
	PROBLEM=place_asg400 SOLVER=networkx run province "$PY" "$HERE/plan/oracles.py" assign "$W/prov" asg400 networkx "$LIMIT"
	PROBLEM=place_asg3200 SOLVER=networkx run province "$PY" "$HERE/plan/oracles.py" assign "$W/prov" asg3200 networkx "$LIMIT"
	for s in highs glpk spopt_cbc; do
		PROBLEM=pmedian_p3 SOLVER=$s run province "$PY" "$HERE/plan/oracles.py" pos "$W/prov" 3 "$s" "$LIMIT"
	done
fi

# ---- national ---------------------------------------------------------------
if [ "${BENCH_SKIP_NATIONAL:-0}" != 1 ]; then
	run "national-$SCALE" "$B/jk_planbench" cover "$NAT" 500
	if [ "${BENCH_SKIP_ORACLES:-0}" != 1 ]; then
		# the spopt way needs the dense villages x candidates matrix: at
		# this size it does not fit in memory, so it is not run
		for s in highs glpk cbc; do
			PROBLEM=mclp_k500 SOLVER=$s run "national-$SCALE" "$PY" "$HERE/plan/oracles.py" cover "$NAT" 500 "$s" "$LIMIT"
		done
	fi
fi

# ---- the table ----------------------------------------------------------------
OUT=$HERE/results/plan.md
{
	echo "# Planning benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, MIP limit $LIMIT s"
	echo
	echo "Single-threaded solves; load = 1-minute load average before each solver ran."
	echo "ratio = that solver's time / jangkau's time on the same problem in this run;"
	echo "value ratio = its value / jangkau's value."
	echo
	echo "| instance | problem | solver | load | time s | value | bound | gap % | proven | time ratio | value ratio | note |"
	echo "|---|---|---|---:|---:|---:|---:|---:|:-:|---:|---:|---|"
	awk '
	function kv(line, key,   m) {
		if (match(line, " " key "=[^ ]*")) return substr(line, RSTART + length(key) + 2, RLENGTH - length(key) - 2)
		return ""
	}
	{
		inst = kv($0, "instance"); prob = kv($0, "problem"); solver = kv($0, "solver")
		n++; I[n] = inst; P[n] = prob; S[n] = solver; L[n] = kv($0, "load")
		T[n] = kv($0, "time"); V[n] = kv($0, "value"); Bd[n] = kv($0, "bound")
		G[n] = kv($0, "gap"); Pr[n] = kv($0, "proven")
		note = $0; sub(/.*note="/, "", note); sub(/"$/, "", note); N[n] = note
		if (solver == "jangkau") { JT[inst "/" prob] = T[n]; JV[inst "/" prob] = V[n] }
	}
	END {
		for (i = 1; i <= n; i++) {
			k = I[i] "/" P[i]
			tr = (S[i] != "jangkau" && (k in JT) && JT[k] > 0) ? sprintf("%.1f", T[i] / JT[k]) : ""
			vr = (S[i] != "jangkau" && (k in JV) && JV[k] != 0 && V[i] != "nan") ? sprintf("%.4f", V[i] / JV[k]) : ""
			gp = (G[i] == "nan" || G[i] == "") ? "" : sprintf("%.2f", 100 * G[i])
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", I[i], P[i], S[i], L[i], T[i], V[i], (Bd[i] == "nan" ? "" : Bd[i]), gp, (Pr[i] == 1 ? "yes" : "no"), tr, vr, N[i]
		}
	}' "$RES"
	echo
	echo "Instances:"
	sed 's/^plangen: /- /' "$W/logs/plangen_province.log"
	[ ! -f "$W/logs/plangen_national.log" ] || sed 's/^plangen: /- /' "$W/logs/plangen_national.log"
} | tee "$OUT"
say "written to ${OUT#"$ROOT"/}"
