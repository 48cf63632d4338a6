#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds jangkau and runs the whole pipeline on
# the bundled demo region, coverage by road over its generated roads and
# ferry: layers and gap report in ./out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DJK_TESTS=OFF >/dev/null
cmake --build "$root/build" -j"$(nproc)"
"$root/build/jangkau" demo --out out
echo "open out/gap_report.html, or out/jangkau.gpkg in QGIS"
