#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compares what two builds of jangkau write for the bundled demo, to prove
# that a change of the code's shape changed no output: the whole pipeline
# with the office's client ids (pseudonyms come from a fresh per-store
# secret, so they differ between any two stores), the layers in every
# format, the report in both languages, a map and the book. Files must be
# byte-identical, except the times of a run: the GeoPackage is compared as
# ogrinfo lists it and the book as its text, with times masked.
#
# Usage: scripts/outputs-diff.sh OLD_JANGKAU NEW_JANGKAU [DATA_DIR]
#   DATA_DIR: the data/ folder with demo/ (default: this checkout's data)
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2")
data=${3:-$(cd "$(dirname "$0")/.." && pwd)/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

outputs() {
	local bin=$1 o=$2 d=$data/demo kab
	mkdir -p "$o"
	(
		cd "$o"
		"$bin" --db s.sqlite --quiet run --boundaries "$d/desa.geojson" \
			--aliases "$d/aliases.csv" --sites "$d/sites.csv" --clients "$d/clients.csv" \
			--roads "$d/jalan_demo.geojson" --client-ids office --out out || [ $? -eq 3 ]
		kab=$(sqlite3 s.sqlite "SELECT min(kode_kab) FROM villages")
		"$bin" --db s.sqlite --quiet map --kabupaten "$kab" --out map.svg
		"$bin" --db s.sqlite --quiet report --out en --lang en
		"$bin" --db s.sqlite --quiet book --kabupaten "$kab" --out book.pdf --date 2026-01-01
		ogrinfo -ro -al -q out/jangkau.gpkg | sed -E 's/[0-9]{4}\/[0-9]{2}\/[0-9]{2} [0-9:]{8}\+00/TIME/' >gpkg.txt
		pdftotext book.pdf - | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/g' >book.txt
		for f in out/gap_report.html en/gap_report.html; do
			sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}( UTC)?/TIME/g' "$f"
		done
		rm -f s.sqlite out/jangkau.gpkg book.pdf
	)
}
outputs "$old" "$work/old" >/dev/null
outputs "$new" "$work/new" >/dev/null
if diff -r "$work/old" "$work/new" >"$work/diff"; then
	echo "outputs-diff: $(find "$work/new" -type f | wc -l) files, identical (times masked)"
else
	head -40 "$work/diff"
	echo "outputs-diff: the outputs differ" >&2
	exit 1
fi
