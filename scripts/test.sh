#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds jangkau with AddressSanitizer and
# UndefinedBehaviorSanitizer and warnings as errors, and runs every test:
# Check unit suites, the public-header check and the CLI cases on the
# bundled demo and on the reference data in ../shared (beside the checkout).
# Then builds the fuzz targets (tests/fuzz) with clang and libFuzzer in a
# second build directory and runs each for a minute (JK_FUZZ_SECONDS).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh" --tests
build="$root/build-test"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DJK_SANITIZE=ON -DJK_WERROR=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
# the sanitizer settings (ASAN_OPTIONS, LSAN_OPTIONS with tests/lsan.supp,
# UBSAN_OPTIONS) come with each test from tests/CMakeLists.txt
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"

# The fuzz targets: clang, libFuzzer, ASan and UBSan; the library's clang
# warnings do not stop the build (the fuzz sources themselves use -Werror).
fuzz="$root/build-fuzz-test"
CC=clang cmake -S "$root" -B "$fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJK_FUZZ=ON >/dev/null
cmake --build "$fuzz" -j"$(nproc)" --target jk_fuzz_all
ctest --test-dir "$fuzz" -L fuzz --output-on-failure -j"$(nproc)"
