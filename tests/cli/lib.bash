# SPDX-License-Identifier: MIT
# Shared helpers of the CLI tests (sourced, not a test itself).
# Environment from CTest: JANGKAU (the binary), JK_SRC (source tree),
# JK_SHARED (the shared reference data beside the checkout).
set -euo pipefail
: "${JANGKAU:?}" "${JK_SRC:?}" "${JK_SHARED:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/jangkau-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
passes=0

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
pass() { passes=$((passes + 1)); }
# check DESCRIPTION COMMAND...: passes when the command succeeds
check() { local d=$1; shift; if "$@"; then pass; else fail "$d"; fi; }
# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() { if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi; }
finish() {
	echo "$passes passed, $fails failed"
	[ "$fails" -eq 0 ]
}
need_shared() {
	if [ ! -d "$JK_SHARED/data" ]; then
		echo "shared reference data not found at $JK_SHARED" >&2
		exit 1
	fi
}
# opens FILE LAYER: ogrinfo reads the layer
opens() { ogrinfo -ro -so "$1" "$2" >/dev/null 2>&1; }
# Runs a spatialite SQL script against a file (GeoPackage or store).
spsql() { spatialite -batch -bail -silent "$1" "$2" 2>&1 | grep -v -e '^SpatiaLite version' -e '^Enter ' -e '^connected' -e 'SQLite version' -e '^$' -e 'SPATIAL_REF_SYS table already' || true; }
# run_fieldbook DB OUT [ARGS...]: jangkau run on the Sulawesi Tenggara
# villages and the Bapas Baubau field book; the field book has rows that
# must be rejected or warned about, so exit code 0 or 3 is success.
# Returns 1 (after printing the errors) otherwise.
run_fieldbook() {
	local db=$1 out=$2 rc
	shift 2
	set +e
	"$JANGKAU" --db "$db" --quiet run \
		--boundaries "$JK_SHARED/data/boundaries/sultra_desa.gpkg" \
		--aliases "$JK_SRC/data/aliases/sulawesi_tenggara.csv" \
		--sites "$JK_SHARED/data/fieldbook/sites_bapas_baubau.csv" \
		--clients "$JK_SHARED/data/fieldbook/clients_bapas_baubau.csv" \
		--out "$out" "$@" 2>"$T/run.err"
	rc=$?
	set -e
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
		cat "$T/run.err" >&2
		fail "jangkau run exit code $rc"
		return 1
	fi
}
# qgis_check OUT PNG: real QGIS (headless python3-qgis) opens OUT's
# jangkau.qgs, jangkau.gpkg and Shapefiles and finds every layer styled and
# complete, and renders the project to PNG (tests/qgis/check_layers.py).
qgis_check() {
	local py=${JK_QGIS_PYTHON:-/usr/bin/python3} rc
	if ! "$py" -c 'import qgis.core' >/dev/null 2>&1; then
		fail "QGIS's Python bindings are missing ($py cannot import qgis.core): install python3-qgis and qgis-providers (scripts/install-deps.sh --tests)"
		return 0
	fi
	set +e
	QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$T" "$py" \
		"$JK_SRC/tests/qgis/check_layers.py" "$1" "$2" >"$T/qgis.out" 2>"$T/qgis.err"
	rc=$?
	set -e
	cat "$T/qgis.out"
	expect_eq "QGIS finds the outputs styled and complete" 0 "$rc"
	[ "$rc" -eq 0 ] || grep -v -e '^QStandardPaths' "$T/qgis.err" >&2 || true
	check "QGIS rendered the project" test -s "$2"
}
