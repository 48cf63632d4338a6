# SPDX-License-Identifier: MIT
# Trust (issue 11): nothing lost silently, nothing leaked, nothing
# overwritten that is not ours. On the bundled demo and on the Sulawesi
# Tenggara villages: planted symlinks are not followed, output sets appear
# whole or not at all, leftovers of killed runs go, modes follow the
# content.
. "$(dirname "$0")/lib.bash"
need_shared
cd "$T"
SULTRA=$JK_SHARED/data/boundaries/sultra_desa.gpkg

# ---- a store with results: the demo -----------------------------------------
"$JANGKAU" --quiet demo --out "$T/demo" >/dev/null 2>"$T/demo.err" || { cat "$T/demo.err" >&2; fail "demo"; }
DB=$T/demo/jangkau.sqlite
KAB=$(sqlite3 "$DB" "SELECT kode_kab FROM villages ORDER BY kode LIMIT 1")
j() { "$JANGKAU" --db "$DB" --quiet "$@"; }

# ---- files: symlinks, sets, leftovers, modes --------------------------------
echo precious >"$T/victim"
mkdir -p "$T/r" "$T/m"
j report --out "$T/r" --maps none
# symlinks planted where the temporaries used to be, and at a target
for f in gap_report.html report_gaps.csv report_kabupaten.csv; do
	ln -sf "$T/victim" "$T/r/.$f.tmp"
done
ln -sf "$T/victim" "$T/m/.map.png.tmp"
ln -sf "$T/victim" "$T/m/.book.pdf.tmp"
ln -sf "$T/victim" "$T/m/map.svg"
j report --out "$T/r" --maps none
j map --kabupaten "$KAB" --out "$T/m/map.png" --width 400
j map --kabupaten "$KAB" --out "$T/m/map.svg"
j book --kabupaten "$KAB" --out "$T/m/book.pdf"
expect_eq "report, map and book do not follow planted symlinks" precious "$(cat "$T/victim")"
check "a symlink at the target is replaced by the file" test ! -L "$T/m/map.svg"

# a report is published as a set: when one file cannot be replaced, none is
printf 'marker\r\n' >"$T/r/report_kabupaten.csv"
cp "$T/r/gap_report.html" "$T/old.html"
rm "$T/r/report_gaps.csv" && mkdir "$T/r/report_gaps.csv"
set +e
j report --out "$T/r" --maps none 2>"$T/set.err"
rc=$?
set -e
expect_eq "report fails when a file cannot be replaced" 1 "$rc"
check "the failure names the file" grep -q 'report_gaps.csv' "$T/set.err"
expect_eq "no table of the failed report appears" marker "$(tr -d '\r' <"$T/r/report_kabupaten.csv")"
check "the old page stays" cmp -s "$T/old.html" "$T/r/gap_report.html"
rmdir "$T/r/report_gaps.csv"

# leftovers of killed runs are removed by the next run; a live one stays
mkdir "$T/r/.jangkau-report-Ab12Cd" "$T/r/.jangkau-export-Zz9Yy8"
echo half >"$T/r/.jangkau-report-Ab12Cd/gap_report.html"
echo half >"$T/r/.jangkau-tmp-abcdefgh23-gap_report.html"
mkdir "$T/r/.jangkau-report-Live01"
exec 9<"$T/r/.jangkau-report-Live01"
flock 9
j report --out "$T/r" --maps none
check "a killed report's work directory is removed" test ! -e "$T/r/.jangkau-report-Ab12Cd"
check "a killed export's work directory is removed" test ! -e "$T/r/.jangkau-export-Zz9Yy8"
check "a killed run's temporary is removed" test ! -e "$T/r/.jangkau-tmp-abcdefgh23-gap_report.html"
check "a live run's work directory stays" test -d "$T/r/.jangkau-report-Live01"
exec 9<&-
expect_eq "no work directory or temporary of this run is left" "" \
	"$(cd "$T/r" && ls -A | grep -e '^\.jangkau' | grep -v Live01 || true)"

# modes follow the content, not the umask
(umask 000 && j report --out "$T/r0" --maps none && j map --kabupaten "$KAB" --out "$T/r0/map.svg")
expect_eq "report and map are 0644 under umask 000" "644 644 644" \
	"$(stat -c %a "$T/r0/gap_report.html" "$T/r0/report_gaps.csv" "$T/r0/map.svg" | xargs)"

# ---- boundaries: a read error is not the end of the file ----------------------
# a copy of the Sulawesi Tenggara villages with one leaf page of the desa
# table overwritten, nine tenths into the table: GDAL's reader stops there
# with an error, which used to look like the last row ("1994 rows read")
cp "$SULTRA" "$T/damaged.gpkg" && chmod u+w "$T/damaged.gpkg"
pg=$(sqlite3 "$T/damaged.gpkg" "SELECT pageno FROM dbstat WHERE name = 'desa' AND pagetype = 'leaf'
  ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) * 9 / 10 FROM dbstat WHERE name = 'desa' AND pagetype = 'leaf')")
psz=$(sqlite3 "$T/damaged.gpkg" "PRAGMA page_size")
head -c 64 /dev/zero | tr '\0' '\377' | dd of="$T/damaged.gpkg" bs=1 seek=$(( (pg - 1) * psz )) conv=notrunc status=none
set +e
"$JANGKAU" --db "$T/dmg.sqlite" import boundaries "$T/damaged.gpkg" >"$T/dmg.out" 2>"$T/dmg.err"
rc=$?
set -e
expect_eq "a damaged GeoPackage fails the import" 1 "$rc"
check "the message names the file and the row" grep -Eq 'damaged.gpkg: row [0-9]+: cannot read' "$T/dmg.err"
check "it says the file may be damaged" grep -q 'may be damaged' "$T/dmg.err"
expect_eq "nothing is imported" 0 "$(sqlite3 "$T/dmg.sqlite" "SELECT count(*) FROM villages")"
check "no summary claims rows were read" test ! -s "$T/dmg.out"
# a GeoPackage that gives fewer rows than it says it has, without an error
ogr2ogr -where "kode LIKE '74.72.%'" "$T/short.gpkg" "$SULTRA" desa
sqlite3 "$T/short.gpkg" "UPDATE gpkg_ogr_contents SET feature_count = feature_count + 5"
set +e
"$JANGKAU" --db "$T/short.sqlite" import boundaries "$T/short.gpkg" >/dev/null 2>"$T/short.err"
expect_eq "a GeoPackage short of its own count fails" 1 "$?"
set -e
check "saying how many rows it has and gave" grep -q "says it has [0-9]* rows, but [0-9]* could be read" "$T/short.err"
# but a Shapefile's deleted records are not missing rows
ogr2ogr "$T/del.shp" "$T/short.gpkg" desa
ogrinfo -q -oo AUTO_REPACK=NO -dialect SQLite "$T/del.shp" -sql "DELETE FROM del WHERE rowid = 3" >/dev/null 2>&1
"$JANGKAU" --db "$T/del.sqlite" --quiet import boundaries "$T/del.shp"
expect_eq "a Shapefile with a deleted record imports its other rows" $(($(sqlite3 "$SULTRA" "SELECT count(*) FROM desa WHERE kode LIKE '74.72.%'") - 1)) \
	"$(sqlite3 "$T/del.sqlite" "SELECT count(*) FROM villages")"

# ---- boundaries: a CRS label that does not fit the coordinates ---------------
# the villages of Kota Baubau in UTM zone 51S, labelled EPSG:4326 (lon
# 451,365, lat 9,392,380 used to be imported and analysed with exit 0), and
# the lon/lat villages labelled UTM 51S
ogr2ogr -t_srs EPSG:32751 -where "kode LIKE '74.72.%'" "$T/utm.gpkg" "$SULTRA" desa
ogr2ogr -a_srs EPSG:4326 "$T/utm_as_4326.gpkg" "$T/utm.gpkg"
ogr2ogr -a_srs EPSG:32751 -where "kode LIKE '74.72.%'" "$T/deg_as_utm.gpkg" "$SULTRA" desa
n7472=$(sqlite3 "$SULTRA" "SELECT count(*) FROM desa WHERE kode LIKE '74.72.%'")
for f in utm_as_4326 deg_as_utm; do
	set +e
	"$JANGKAU" --db "$T/crs_$f.sqlite" import boundaries "$T/$f.gpkg" >/dev/null 2>"$T/crs.err"
	rc=$?
	set -e
	expect_eq "$f: the import fails" 1 "$rc"
	check "$f: the message points at the CRS label and --s-crs" grep -q "CRS label is wrong (hint: --s-crs" "$T/crs.err"
	check "$f: the message names the file, row and village" grep -Eq "$f.gpkg:[0-9]+: village 74\.72\." "$T/crs.err"
	expect_eq "$f: nothing is imported" 0 "$(sqlite3 "$T/crs_$f.sqlite" "SELECT count(*) FROM villages")"
done
"$JANGKAU" --db "$T/crs_ok.sqlite" --quiet import boundaries "$T/utm_as_4326.gpkg" --s-crs EPSG:32751
expect_eq "--s-crs names the real CRS: every village imported, in Baubau" "$n7472 0" \
	"$(sqlite3 -separator ' ' "$T/crs_ok.sqlite" "SELECT count(*), sum(pt_lon NOT BETWEEN 122.4 AND 122.9 OR pt_lat NOT BETWEEN -5.6 AND -5.2) FROM villages")"
set +e
"$JANGKAU" --db "$T/crs_bad.sqlite" import boundaries "$T/utm.gpkg" --s-crs no-such-crs 2>"$T/crs.err"
expect_eq "--s-crs with no CRS is an error" 1 "$?"
set -e
check "naming the value" grep -q "'no-such-crs' is not a CRS" "$T/crs.err"

# ---- boundaries: no silent changes ------------------------------------------
# an --area code that matches nothing (or is no code) is an error naming it;
# "74.72,7404" used to import Kota Baubau alone without a word
for a in 74.72,7404 74.72,74.99; do
	set +e
	"$JANGKAU" --db "$T/area_$a.sqlite" import boundaries "$SULTRA" --area "$a" >/dev/null 2>"$T/area.err"
	rc=$?
	set -e
	bad=${a#74.72,}
	expect_eq "--area $a fails" 1 "$rc"
	check "--area $a: the message names '$bad'" grep -q -- "$bad" "$T/area.err"
	expect_eq "--area $a: nothing imported" 0 "$(sqlite3 "$T/area_$a.sqlite" "SELECT count(*) FROM villages" 2>/dev/null || echo 0)"
done
# re-importing the same boundaries changes nothing, and says so
ogr2ogr -where "kode LIKE '74.72.%'" "$T/baubau.gpkg" "$SULTRA" desa
"$JANGKAU" --db "$T/re.sqlite" import boundaries "$T/baubau.gpkg" >/dev/null
"$JANGKAU" --db "$T/re.sqlite" import boundaries "$T/baubau.gpkg" >"$T/re.out"
check "identical rows are unchanged, not updated" \
	grep -q "$n7472 rows read, 0 imported, 0 updated, $n7472 unchanged" "$T/re.out"
ogrinfo -q "$T/baubau.gpkg" -sql "UPDATE desa SET nama = 'Nama Baru' WHERE kode = (SELECT min(kode) FROM desa)" >/dev/null
"$JANGKAU" --db "$T/re.sqlite" import boundaries "$T/baubau.gpkg" >"$T/re.out"
check "a renamed village is updated, the rest unchanged" \
	grep -q "0 imported, 1 updated, $((n7472 - 1)) unchanged" "$T/re.out"
ogr2ogr -simplify 0.0005 "$T/baubau_s.gpkg" "$T/baubau.gpkg" desa
"$JANGKAU" --db "$T/re.sqlite" import boundaries "$T/baubau_s.gpkg" >"$T/re.out"
check "villages with other polygons are updated" grep -q "0 imported, $n7472 updated, 0 unchanged" "$T/re.out"

# ---- a store another program holds --------------------------------------------
# hold_store DB SECONDS: an exclusive lock on DB for SECONDS, as a jangkau
# import or QGIS saving edits would hold it; returns once the lock is held
hold_store() {
	{ echo "BEGIN EXCLUSIVE;"; echo "SELECT count(*) FROM meta;"; sleep "$2"; echo "COMMIT;"; } |
		sqlite3 "$1" >/dev/null 2>&1 &
	holder=$!
	local k
	# a loaded machine may take a while to start the holder
	for k in $(seq 300); do
		sqlite3 "$1" "SELECT count(*) FROM meta" >/dev/null 2>&1 || return 0
		sleep 0.1
	done
	echo "hold_store: the holder did not take the lock in 30 s" >&2
	return 1
}
"$JANGKAU" --db "$T/lock.sqlite" --quiet import boundaries "$T/baubau.gpkg"
hold_store "$T/lock.sqlite" 8
set +e
"$JANGKAU" --db "$T/lock.sqlite" --wait 1 import boundaries "$T/baubau.gpkg" >/dev/null 2>"$T/lock.err"
rc=$?
set -e
wait "$holder" || true
expect_eq "a store held by another program: failure after --wait" 1 "$rc"
check "the wait is announced, naming the store" grep -q "lock.sqlite: the store is in use by another program" "$T/lock.err"
check "the failure says another jangkau or QGIS may hold it" grep -q "another jangkau run, or QGIS with the store open" "$T/lock.err"
check "no bare 'database is locked'" bash -c "! grep -q '^jangkau: .*: database is locked$' '$T/lock.err'"
hold_store "$T/lock.sqlite" 1
set +e
"$JANGKAU" --db "$T/lock.sqlite" import boundaries "$T/baubau.gpkg" >"$T/lock.out" 2>"$T/lock.err"
rc=$?
set -e
wait "$holder" || true
expect_eq "within the default wait the import goes through" 0 "$rc"
check "after a message" grep -q "waiting up to 10 s" "$T/lock.err"
check "and its summary" grep -q "$n7472 unchanged" "$T/lock.out"
hold_store "$T/lock.sqlite" 2
set +e
"$JANGKAU" --wait 0 --db "$T/lock.sqlite" report --out "$T/lockr" 2>"$T/lock.err"
rc=$?
set -e
wait "$holder" || true
expect_eq "--wait 0 (a global option) does not wait" 1 "$rc"

# ---- client privacy (docs/privacy.md) ----------------------------------------
OFFICE_ID=$(sqlite3 "$DB" "SELECT client_id FROM clients ORDER BY client_id LIMIT 1")
(umask 000 && j export --out "$T/x")
check "no office client id in any output (e.g. $OFFICE_ID)" bash -c "! grep -rqa -- '$OFFICE_ID' '$T/x'"
expect_eq "client ids are pseudonyms" 0 \
	"$(sqlite3 "$T/x/jangkau.gpkg" "SELECT count(*) FROM clients WHERE client_id NOT GLOB 'K-[A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7]'")"
expect_eq "no juvenile flag by default" 0 "$(sqlite3 "$T/x/jangkau.gpkg" "SELECT count(*) FROM clients WHERE anak IS NOT NULL")"
check "the field anak stays in the contract" bash -c "ogrinfo -ro -so '$T/x/clients.shp' clients | grep -q '^anak:'"
# the demo is by road: a link's distance is the road distance of the route
# from the village point (client_routes), not the home's
expect_eq "link distances are those of the village routes" "0 0" \
	"$(sqlite3 -separator ' ' "$T/x/jangkau.gpkg" "SELECT count(*) - sum(l.dist_km = r.road_km), sum(r.road_km IS NULL)
	   FROM client_links l LEFT JOIN client_routes r ON r.client_id = l.client_id")"
far=$(sqlite3 "$DB" "SELECT count(*) FROM client_links l JOIN clients c USING (client_id)
  JOIN villages v ON v.kode = c.kode_desa WHERE l.site_id IS NOT NULL AND c.precision = 'coordinate'
  AND abs(c.lon - v.pt_lon) + abs(c.lat - v.pt_lat) > 0.01")
expect_eq "demo homes far from their village point" 7 "$far"
same=$(sqlite3 "$T/x/jangkau.gpkg" "ATTACH '$DB' AS st; SELECT count(*) FROM clients g
  JOIN st.clients c ON c.src_row = g.src_row AND c.src_file LIKE '%clients%' JOIN st.client_links l ON l.client_id = c.client_id
  JOIN st.villages v ON v.kode = c.kode_desa
  WHERE c.precision = 'coordinate' AND abs(c.lon - v.pt_lon) + abs(c.lat - v.pt_lat) > 0.01
  AND g.dist_km = round(l.dist_km, 3)")
expect_eq "no home distance of a far home is published" 0 "$same"
for f in clients.geojson clients.shp clients.dbf client_links.geojson client_links.shp client_links.dbf jangkau.gpkg; do
	expect_eq "$f is owner-only under umask 000" 600 "$(stat -c %a "$T/x/$f")"
done
for f in sites.geojson desa_coverage.shp gaps.dbf jangkau.qgs sites.qml; do
	expect_eq "$f is 0644 under umask 000" 644 "$(stat -c %a "$T/x/$f")"
done
# by straight line: a link's distance is its line's length, from the village
# point to the site (OGR's SQLite dialect knows no SRID table: geodesic
# length all the same)
j coverage
j export --out "$T/xs" --format gpkg
gap=$(ogrinfo -ro -q "$T/xs/jangkau.gpkg" -dialect SQLite -sql \
	"SELECT max(abs(dist_km - ST_Length(geom, 1) / 1000.0)) * 1000 AS m FROM client_links" 2>/dev/null |
	sed -n 's/.*m (Real) = //p')
check "link distances agree with the village-level lines (max gap ${gap:-?} m)" \
	awk "BEGIN{exit !(\"${gap:-x}\" != \"x\" && ${gap:-99} < 2)}"
# each option brings back what it names
j export --out "$T/xo" --format gpkg --client-ids office --include-juvenile-flag --exact-client-locations
expect_eq "--client-ids office: the office's ids" 1 \
	"$(sqlite3 "$T/xo/jangkau.gpkg" "SELECT count(*) FROM clients WHERE client_id = '$OFFICE_ID'")"
expect_eq "--include-juvenile-flag: the flag" "$(sqlite3 "$DB" "SELECT count(*) FROM clients")" \
	"$(sqlite3 "$T/xo/jangkau.gpkg" "SELECT count(*) FROM clients WHERE anak IN (0, 1)")"
expect_eq "--exact-client-locations: the homes' distances" "$(sqlite3 "$DB" "SELECT count(*) FROM client_links WHERE site_id IS NOT NULL")" \
	"$(sqlite3 "$T/xo/jangkau.gpkg" "ATTACH '$DB' AS st; SELECT count(*) FROM clients g JOIN st.client_links l
	   ON l.client_id = g.client_id WHERE g.dist_km = round(l.dist_km, 3)")"
# the pseudonyms are stable from export to export
j export --out "$T/x2" --format geojson
expect_eq "pseudonyms are the same in the next export" \
	"$(sqlite3 "$T/x/jangkau.gpkg" "SELECT group_concat(client_id) FROM (SELECT client_id FROM clients ORDER BY src_row)")" \
	"$(ogrinfo -ro -q "$T/x2/clients.geojson" -sql "SELECT client_id FROM clients ORDER BY src_row" | sed -n 's/.*client_id (String) = //p' | paste -sd,)"
# a store that others could read is made owner-only, with a warning
chmod 644 "$DB"
"$JANGKAU" --db "$DB" report --out "$T/r" --maps none >/dev/null 2>"$T/mode.err"
expect_eq "a store readable by others is tightened" 600 "$(stat -c %a "$DB")"
check "with a warning naming it" grep -q "jangkau.sqlite: the store holds personal data" "$T/mode.err"

finish
