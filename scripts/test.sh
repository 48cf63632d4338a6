#!/usr/bin/env bash
# Installs the dependencies, builds jangkau with AddressSanitizer and
# UndefinedBehaviorSanitizer and warnings as errors, and runs every test:
# Check unit suites, the public-header check and the CLI cases on the
# bundled demo and on the reference data in ../shared (beside the checkout).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh" --tests
build="$root/build-test"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DJK_SANITIZE=ON -DJK_WERROR=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
