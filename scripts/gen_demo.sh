#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds the bundled demo data (data/demo) with the project's own
# generator, tools/demogen/. The output is a pure function of the seed, so
# running this on an unchanged generator reproduces the committed files.
#
# Usage: scripts/gen_demo.sh [path/to/jk_demogen]
#   The binary defaults to $JK_DEMOGEN, else build/jk_demogen in the source
#   tree; build it with: cmake -B build && cmake --build build --target jk_demogen
set -eu

SEED=9955

src=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${JK_DEMOGEN:-$src/build/jk_demogen}}
if [ ! -x "$bin" ]; then
	echo "gen_demo.sh: '$bin' is not an executable; build the jk_demogen target first or pass its path" >&2
	exit 1
fi
exec "$bin" --out "$src/data/demo" --seed "$SEED"
