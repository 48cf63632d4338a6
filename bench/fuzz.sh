#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Long fuzz runs (issue 11), by hand: not a test, CI runs each target for a
# minute only (tests/fuzz, ctest -L fuzz). Builds the fuzz targets with
# clang in build-fuzz (configured with -DJK_FUZZ=ON), then runs the targets
# one after the other, each for BENCH_FUZZ_SECONDS, in libFuzzer's fork
# mode: a crash, timeout or out-of-memory input is saved and fuzzing goes
# on. Prints, per target, the executions, the wall time, the coverage, the
# crashes (timeouts, OOMs) and the saved inputs; the table also goes to
# W/fuzz.md.
#
# Usage: bench/fuzz.sh [TARGET...]    (parse address match import; default all)
# Environment:
#   BENCH_FUZZ_SECONDS  seconds per target (3600)
#   BENCH_FUZZ_JOBS     parallel fuzzing processes per target (1; the
#                       machine has 2 cores shared with others)
#   BENCH_WORK          work directory, outside the repository
#                       (/tmp/jangkau-fuzz): corpus, crash inputs, logs;
#                       the corpus is kept from run to run
#   JK_SHARED           the shared folder beside the checkout (<repo>/../shared)
# A crash input reproduces with: build-fuzz/tests/fuzz/fuzz_TARGET FILE
# (commit it as tests/fuzz/crashes/TARGET-NAME so that CI runs it).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
W=${BENCH_WORK:-/tmp/jangkau-fuzz}
SECS=${BENCH_FUZZ_SECONDS:-3600}
JOBS=${BENCH_FUZZ_JOBS:-1}
B="$ROOT/build-fuzz"
export JK_SRC=$ROOT
export JK_SHARED=${JK_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
BENCH_TAG=fuzz
BENCH_DEC=0
# shellcheck source=bench/lib.bash
. "$HERE/lib.bash"

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse address match import)
mkdir -p "$W/logs"
command -v clang >/dev/null 2>&1 || need_pkgs clang libclang-rt-14-dev
say "building the fuzz targets in $B"
CC=clang cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJK_FUZZ=ON \
	>"$W/logs/cmake.log" 2>&1 || die "cmake failed, see $W/logs/cmake.log"
cmake --build "$B" -j2 --target jk_fuzz_all >>"$W/logs/cmake.log" 2>&1 ||
	die "build failed, see $W/logs/cmake.log"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp:print_suppressions=0}

table="| target | seconds | executions | exec/s | coverage (edges) | corpus | crashes | timeouts | OOMs | saved inputs |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for t in "${targets[@]}"; do
	case $t in
	parse) dict=parse.dict maxlen=256 ;;
	address) dict=address.dict maxlen=512 ;;
	match) dict=address.dict maxlen=512 ;;
	import) dict=import.dict maxlen=4096 ;;
	*) die "unknown target '$t' (parse, address, match, import)" ;;
	esac
	bin="$B/tests/fuzz/fuzz_$t"
	mkdir -p "$W/corpus/$t" "$W/crashes/$t"
	bash "$ROOT/tests/fuzz/seeds.sh" "$t" "$W/seeds/$t" >/dev/null
	log="$W/logs/$t.log"
	say "fuzz_$t: $SECS s (load $(loadavg)), log $log"
	t0=$(now)
	set +e
	"$bin" -fork="$JOBS" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
		-max_total_time="$SECS" -timeout=30 -rss_limit_mb=4096 -max_len="$maxlen" \
		-dict="$ROOT/tests/fuzz/$dict" -artifact_prefix="$W/crashes/$t/" \
		"$W/corpus/$t" "$W/seeds/$t" >"$log" 2>&1
	rc=$?
	set -e
	wall=$(elapsed "$t0" "$(now)")
	# the last status line of fork mode:
	# #N: cov: C ft: F corp: K exec/s E oom/timeout/crash: O/T/X time: Ss ...
	last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
	execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
	cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")
	corp=$(sed -E 's/.* corp: ([0-9]+).*/\1/' <<<"$last")
	read -r oom tmo crash < <(sed -E 's|.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*|\1 \2 \3|' <<<"$last")
	saved=$(find "$W/crashes/$t" -type f | wc -l)
	[ "$rc" -eq 0 ] || say "fuzz_$t: libFuzzer exit code $rc, see $log"
	rate=$(awk -v e="${execs:-0}" -v s="$wall" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }')
	say "fuzz_$t: ${execs:-?} executions in $wall s, ${crash:-?} crashes, ${tmo:-?} timeouts, ${oom:-?} OOMs"
	table+="
| fuzz_$t | $wall | ${execs:-?} | $rate | ${cov:-?} | ${corp:-?} | ${crash:-?} | ${tmo:-?} | ${oom:-?} | $saved in $W/crashes/$t |"
done
printf '%s\n' "$table" | tee "$W/fuzz.md"
