# SPDX-License-Identifier: MIT
# The styled outputs in real QGIS: `jangkau demo` writes jangkau.qgs, the
# layer_styles of jangkau.gpkg and the sidecar .qml files; QGIS (Debian's
# python3-qgis, headless) opens the project and every layer, finds them
# styled (not the default single symbol) with the GeoPackage's feature
# counts, and renders the project to a picture that is not blank
# (tests/qgis/check_layers.py). Needs python3-qgis: without it the test
# fails, it is not skipped (scripts/install-deps.sh installs it).
. "$(dirname "$0")/lib.bash"
PY=${JK_QGIS_PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import qgis.core' >/dev/null 2>&1; then
	echo "FAIL: QGIS's Python bindings are missing ($PY cannot import qgis.core):" \
		"install python3-qgis and qgis-providers (scripts/install-deps.sh --tests)" >&2
	exit 1
fi
cd "$T"
set +e
"$JANGKAU" demo --out "$T/out" >"$T/demo.out" 2>"$T/demo.err"
rc=$?
set -e
expect_eq "demo exit code" 0 "$rc"
[ "$rc" -eq 0 ] || cat "$T/demo.err" >&2
O="$T/out"
check "demo wrote jangkau.qgs" test -s "$O/jangkau.qgs"
for l in desa_coverage kecamatan_summary sites gaps clients client_links; do
	check "$l.qml beside $l.shp" test -s "$O/$l.qml"
	expect_eq "$l: one default style in layer_styles" 1 \
		"$(sqlite3 "$O/jangkau.gpkg" "SELECT count(*) FROM layer_styles
		   WHERE f_table_name = '$l' AND f_geometry_column = 'geom'
		   AND useAsDefault = 1 AND f_table_schema = ''")"
done
expect_eq "layer_styles is registered as attributes" attributes \
	"$(sqlite3 "$O/jangkau.gpkg" "SELECT data_type FROM gpkg_contents
	   WHERE table_name = 'layer_styles'")"
qgis_check "$O" "$O/project.png"
# keep the picture for a look when asked
if [ -n "${JK_QGIS_KEEP:-}" ] && [ -s "$O/project.png" ]; then
	cp "$O/project.png" "$JK_QGIS_KEEP"
fi
finish
