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
