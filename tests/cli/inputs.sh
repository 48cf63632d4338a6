# SPDX-License-Identifier: MIT
# Input formats: the demo address book as XLSX and ODS, a GeoPackage point
# layer with English headers, and boundaries in a projected CRS (UTM),
# all imported through OGR with the same result as the CSV.
. "$(dirname "$0")/lib.bash"
D="$JK_SRC/data/demo"
cd "$T"
ogr2ogr -f XLSX sites.xlsx "$D/sites.csv" -nln buku >/dev/null 2>&1
ogr2ogr -f ODS sites.ods "$D/sites.csv" -nln buku >/dev/null 2>&1
check "XLSX written by GDAL" test -s sites.xlsx
check "ODS written by GDAL" test -s sites.ods

"$JANGKAU" --db csv.sqlite --quiet import sites "$D/sites.csv"
want=$(sqlite3 csv.sqlite "SELECT count(*) || '|' || sum(status='ready') || '|' || count(koordinat) FROM sites")
for f in xlsx ods; do
	set +e
	"$JANGKAU" --db "$f.sqlite" --quiet import sites "sites.$f" 2>"$f.err"
	rc=$?
	set -e
	expect_eq "$f import exit code" 0 "$rc"
	expect_eq "$f gives the same sites" "$want" \
		"$(sqlite3 "$f.sqlite" "SELECT count(*) || '|' || sum(status='ready') || '|' || count(koordinat) FROM sites")"
done

# English headers and point geometry in a GeoPackage (no coordinate column)
ogr2ogr -f GPKG en.gpkg "$D/sites.csv" -nln sites -dialect sqlite -sql \
	"SELECT DISTINCT nama_lokasi AS name, jenis AS type, alamat AS address, status, kapasitas AS capacity,
	        ramah_anak AS child_friendly,
	        MakePoint(CAST(trim(substr(koordinat, instr(koordinat, ',') + 1)) AS REAL),
	                  CAST(trim(substr(koordinat, 1, instr(koordinat, ',') - 1)) AS REAL), 4326) AS geom
	 FROM sites WHERE koordinat GLOB '-[0-9]*.[0-9]*, 1[0-9]*.[0-9]*'" >/dev/null 2>&1
n=$(ogrinfo -ro -so en.gpkg sites | sed -n 's/^Feature Count: //p')
expect_eq "GeoPackage fixture points" 64 "$n"
"$JANGKAU" --db en.sqlite --quiet import sites en.gpkg
expect_eq "English headers: every point imported" "$n" "$(sqlite3 en.sqlite 'SELECT count(*) FROM sites')"
expect_eq "English headers: every point has its coordinate" 0 \
	"$(sqlite3 en.sqlite "SELECT count(*) FROM sites WHERE koordinat IS NULL")"
expect_eq "English headers: names mapped" \
	"$(ogrinfo -ro -q en.gpkg -sql "SELECT count(*) AS n FROM sites WHERE name <> ''" | sed -n 's/^ *n (Integer) = //p')" \
	"$(sqlite3 en.sqlite "SELECT count(nama) FROM sites")"
expect_eq "English headers: capacity mapped" \
	"$(ogrinfo -ro -q en.gpkg -sql "SELECT count(*) AS n FROM sites WHERE capacity GLOB '[0-9]*'" | sed -n 's/^ *n (Integer) = //p')" \
	"$(sqlite3 en.sqlite "SELECT count(kapasitas) FROM sites")"

# boundaries in UTM zone 51S: reprojected back to lon/lat on import
ogr2ogr -f GPKG utm.gpkg "$D/desa.geojson" -t_srs EPSG:32751 -nln desa >/dev/null 2>&1
"$JANGKAU" --db utm.sqlite --quiet import boundaries utm.gpkg
"$JANGKAU" --db geo.sqlite --quiet import boundaries "$D/desa.geojson"
expect_eq "UTM boundaries: same villages" \
	"$(sqlite3 geo.sqlite 'SELECT count(*) FROM villages')" "$(sqlite3 utm.sqlite 'SELECT count(*) FROM villages')"
off=$(sqlite3 -cmd "SELECT load_extension('mod_spatialite')" utm.sqlite \
	"ATTACH 'geo.sqlite' AS g; SELECT max(abs(ST_Area(u.geom) - ST_Area(v.geom)) / ST_Area(v.geom))
	 FROM villages u JOIN g.villages v USING (kode)" 2>/dev/null | tail -n 1)
check "UTM boundaries: areas within 1e-6 after the round trip" awk "BEGIN{exit !($off < 1e-6)}"
check "UTM boundaries: points in degrees" test "$(sqlite3 utm.sqlite 'SELECT count(*) FROM villages WHERE pt_lon BETWEEN 90 AND 145 AND pt_lat BETWEEN -12 AND 7')" \
	= "$(sqlite3 utm.sqlite 'SELECT count(*) FROM villages')"
finish
