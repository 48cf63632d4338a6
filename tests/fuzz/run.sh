#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one fuzz target for a short while, as a CTest test (label fuzz):
#   run.sh TARGET BINARY WORKDIR
# First every committed reproducer of crashes/TARGET-* is run once (a
# regression check), then the target fuzzes for JK_FUZZ_SECONDS (default
# 60) from the seeds of seeds.sh and the corpus kept in WORKDIR/corpus
# (it grows from run to run on a developer's machine). Prints the
# executions, the wall time and the crashes; a crash input is saved in
# WORKDIR/artifacts and the test fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
t=${1:?target} bin=${2:?binary} work=${3:?workdir}
secs=${JK_FUZZ_SECONDS:-60}
case $t in
parse) dict=parse.dict maxlen=256 ;;
address) dict=address.dict maxlen=512 ;;
match) dict=address.dict maxlen=512 ;;
import) dict=import.dict maxlen=4096 ;;
*) echo "run.sh: unknown target '$t'" >&2; exit 2 ;;
esac
mkdir -p "$work/corpus/$t" "$work/artifacts"
log=$work/$t.log
bash "$here/seeds.sh" "$t" "$work/seeds/$t"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# the reproducers of crashes found before (fixed ones must stay fixed)
shopt -s nullglob
repro=("$here/crashes/$t"-*)
shopt -u nullglob
if [ ${#repro[@]} -gt 0 ]; then
	if ! "$bin" -runs=1 "${repro[@]}" >"$log" 2>&1; then
		tail -n 40 "$log" >&2
		echo "fuzz_$t: a committed reproducer in tests/fuzz/crashes crashes again" >&2
		exit 1
	fi
	echo "fuzz_$t: ${#repro[@]} committed reproducers pass"
fi

set +e
"$bin" -max_total_time="$secs" -timeout=30 -rss_limit_mb=4096 \
	-max_len="$maxlen" -dict="$here/$dict" -print_final_stats=1 \
	-artifact_prefix="$work/artifacts/$t-" \
	"$work/corpus/$t" "$work/seeds/$t" >"$log" 2>&1
rc=$?
set -e
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
echo "fuzz_$t: ${execs:-?} executions in ${secs} s, coverage ${cov:-?} edges, peak RSS ${rss:-?} MB, corpus $(find "$work/corpus/$t" -type f | wc -l) files"
if [ "$rc" -ne 0 ]; then
	grep -E -A 30 '==ERROR|runtime error|fuzz check failed|deadly signal|Test unit written' "$log" | head -n 80 >&2 || tail -n 60 "$log" >&2
	echo "fuzz_$t: 1 crash (exit code $rc); full log $log; inputs:" >&2
	ls "$work/artifacts/$t-"* >&2 2>/dev/null || true
	exit 1
fi
echo "fuzz_$t: 0 crashes"
