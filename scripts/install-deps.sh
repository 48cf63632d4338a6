#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages jangkau needs to build, test and run.
# Run as root on a fresh machine; does nothing when all are present.
# cairo and pango draw the maps and the address book, with the DejaVu
# fonts. With --tests it adds what only the tests need: QGIS's Python
# bindings for the check that the layers open styled in real QGIS
# (tests/cli/qgis.sh, maps.sh), and poppler-utils (pdfinfo, pdftotext,
# pdftoppm) to read the books and maps back (tests/cli/maps.sh), clang
# with its runtime (libFuzzer, sanitizers) for the fuzz targets of
# tests/fuzz, which scripts/test.sh builds in a second build directory,
# strace, whose fault injection slows the commits that
# tests/cli/faults.sh kills, and Python 3 (standard library only) for the
# national test corpus generator (tests/corpus/gen_addrbook.py).
set -euo pipefail

pkgs=(build-essential cmake pkg-config
      libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev
      libspatialite-dev libsqlite3-mod-spatialite spatialite-bin
      libsqlite3-dev sqlite3 check xz-utils
      libcairo2-dev libpango1.0-dev fonts-dejavu-core)
if [ "${1:-}" = --tests ]; then
	pkgs+=(python3-qgis qgis-providers poppler-utils python3 clang libclang-rt-14-dev strace)
fi

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
