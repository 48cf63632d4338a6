# SPDX-License-Identifier: MIT
# Workbooks as offices keep them: the demo address book split into one
# sheet per kecamatan, each under a title and a blank row, gives the same
# sites as the CSV, each with its sheet and its row as the spreadsheet
# shows it, in the store and in the exported layers; sheets without a
# header are named (exit 3 when they hold data); --sheet, --header-row and
# their errors; every message has the FILE[SHEET]:ROW: field: form.
. "$(dirname "$0")/lib.bash"
: "${JK_MKWORKBOOK:?}"
D="$JK_SRC/data/demo"
cd "$T"

# ---- the demo book, one sheet per kecamatan ----
sqlite3 map.db <<SQL
.mode csv
.import $D/sites.csv s
CREATE TABLE m AS SELECT rowid AS r,
  coalesce(nullif(trim(replace(upper(kecamatan), 'KEC. ', '')), ''), 'LAINNYA') AS sheet FROM s;
CREATE TABLE m2 AS SELECT r, sheet, 3 + row_number() OVER (PARTITION BY sheet ORDER BY r) AS srow FROM m;
SQL
cols="no,nama_lokasi,jenis,alamat,desa_kelurahan,kecamatan,kabupaten_kota,koordinat,status,kapasitas,kegiatan,ramah_anak,penanggung_jawab,telepon,keterangan"
cells=$(echo "$cols" | sed "s/,/ || '|' || s./g; s/^/s./")
sqlite3 map.db "SELECT line FROM (
  SELECT sheet, 0 AS k, 0 AS n, '[' || sheet || ']' AS line FROM m2 GROUP BY sheet
  UNION ALL SELECT sheet, 1, 0, '1: Daftar Lokasi Kerja Sosial Kecamatan ' || sheet FROM m2 GROUP BY sheet
  UNION ALL SELECT sheet, 2, 0, '3: ' || replace('$cols', ',', '|') FROM m2 GROUP BY sheet
  UNION ALL SELECT m2.sheet, 3, m2.srow, m2.srow || ': ' || $cells FROM m2 JOIN s ON s.rowid = m2.r
) ORDER BY sheet, k, n" >book.spec
printf '[Catatan]\n1: Data per Januari 2026\n2: Diperbarui oleh Seksi BKD\n' >>book.spec
"$JK_MKWORKBOOK" book.xlsx <book.spec
check "workbook written" test -s book.xlsx
nsheets=$(sqlite3 map.db "SELECT count(DISTINCT sheet) FROM m2")
expect_eq "sheets of the demo book" 8 "$nsheets"

set +e
"$JANGKAU" --db csv.sqlite --quiet import sites "$D/sites.csv" 2>/dev/null
expect_eq "CSV import of the demo sites: exit" 0 $?
"$JANGKAU" --db x.sqlite import sites book.xlsx >x.out 2>x.err
rc=$?
set -e
expect_eq "workbook import: exit code as the CSV's (0: a notes sheet is no alarm)" 0 "$rc"
check "every sheet read: the summary counts them all" \
	grep -q "rows read, $(sqlite3 csv.sqlite 'SELECT count(*) FROM sites') imported" x.out
check "the notes sheet is named" grep -q "book.xlsx\[Catatan\]: sheet skipped: no table" x.err
expect_eq "same sites as the CSV (same identities)" \
	"$(sqlite3 csv.sqlite 'SELECT count(*) FROM sites')" \
	"$(sqlite3 x.sqlite "ATTACH 'csv.sqlite' AS c; SELECT count(*) FROM sites JOIN c.sites y USING (row_hash)")"
expect_eq "every site has its sheet and its row as shown" \
	"$(sqlite3 x.sqlite 'SELECT count(*) FROM sites')" \
	"$(sqlite3 x.sqlite "ATTACH 'csv.sqlite' AS c; ATTACH 'map.db' AS m;
	   SELECT count(*) FROM sites x JOIN c.sites y USING (row_hash) JOIN m.m2 ON m2.r = y.src_row - 1
	   WHERE x.src_sheet = m2.sheet AND x.src_row = m2.srow AND y.src_sheet = ''")"
first=$(sqlite3 map.db "SELECT sheet FROM m2 ORDER BY sheet LIMIT 1")
expect_eq "first data row of a sheet is row 4" 4 \
	"$(sqlite3 x.sqlite "SELECT min(src_row) FROM sites WHERE src_sheet = '$first'")"
# messages: FILE[SHEET]:ROW: field: reason, or FILE[SHEET]: about a sheet
bad=$(grep -v -E '^jangkau: (warning: )?book\.xlsx\[[^]]+\](:[0-9]+: [a-z_]+)?: ' x.err || true)
expect_eq "every message names file, sheet, row and field" "" "$bad"
check "row messages name the sheet" grep -Eq "^jangkau: warning: book\.xlsx\[[A-Z ]+\]:[0-9]+: [a-z_]+: " x.err

# ---- the layers carry the sheet ----
set +e
"$JANGKAU" --db run.sqlite --quiet run --boundaries "$D/desa.geojson" --sites book.xlsx \
	--out out --maps none 2>run.err
rc=$?
set -e
expect_eq "run on the workbook" 0 "$rc"
expect_eq "sites layer: every site with its sheet and row" \
	"$(sqlite3 run.sqlite 'SELECT count(*) FROM sites')" \
	"$(sqlite3 out/jangkau.gpkg "ATTACH 'run.sqlite' AS r;
	   SELECT count(*) FROM sites l JOIN r.sites s USING (site_id)
	   WHERE l.src_sheet = s.src_sheet AND l.src_row = s.src_row")"
check "GeoJSON sites have src_sheet" grep -q '"src_sheet": "LAINNYA"' out/sites.geojson
check "Shapefile sites have src_sheet" bash -c "ogrinfo -ro -so out/sites.shp sites | grep -q '^src_sheet: String'"
"$JANGKAU" --db csvrun.sqlite --quiet run --boundaries "$D/desa.geojson" --sites "$D/sites.csv" \
	--out outcsv --maps none 2>/dev/null || true
expect_eq "a CSV's sites have no sheet in the layers" 0 \
	"$(sqlite3 outcsv/jangkau.gpkg 'SELECT count(*) FROM sites WHERE src_sheet IS NOT NULL')"

# ---- a sheet with data but no header: exit 3, named ----
cat >bad.spec <<'EOF'
[Wolio]
1: Lokasi Kecamatan Wolio
2: no|nama_lokasi|alamat|status
3: 1|Masjid A|Kel. Wale|Siap
4: 2|Masjid B||Siap
[Rekap]
1: Kecamatan|Jumlah
2: Wolio|=2
EOF
"$JK_MKWORKBOOK" bad.xlsx <bad.spec
set +e
"$JANGKAU" --db b.sqlite import sites bad.xlsx >b.out 2>b.err
rc=$?
set -e
expect_eq "a skipped sheet with data: exit 3" 3 "$rc"
check "the skipped sheet is named with what was found" \
	grep -q "jangkau: bad.xlsx\[Rekap\]: sheet skipped (2 rows of data not imported): no header row in the first 30 rows that are not blank (the likeliest, row 1, names 'Kecamatan', 'Jumlah')" b.err
check "a rejected row: file, sheet, row, field" grep -q "^jangkau: bad.xlsx\[Wolio\]:4: alamat: empty" b.err
expect_eq "good rows kept" "Wolio|3" "$(sqlite3 b.sqlite 'SELECT src_sheet, src_row FROM sites')"

# ---- --sheet and --header-row ----
set +e
"$JANGKAU" --db s1.sqlite import sites bad.xlsx --sheet Wolio >/dev/null 2>s1.err
rc=$?
set -e
expect_eq "--sheet Wolio: only its row rejected" 3 "$rc"
check "--sheet Wolio: Rekap not read" bash -c "! grep -q Rekap s1.err"
set +e
"$JANGKAU" --db s2.sqlite import sites book.xlsx --sheet TULUKA --sheet=MENUJI >/dev/null 2>&1
rc=$?
set -e
expect_eq "--sheet twice: exit code" 0 "$rc"
expect_eq "--sheet twice: those sheets only" "MENUJI|TULUKA" \
	"$(sqlite3 s2.sqlite 'SELECT group_concat(src_sheet, "|") FROM (SELECT DISTINCT src_sheet FROM sites ORDER BY 1)')"
set +e
"$JANGKAU" --db s3.sqlite import sites bad.xlsx --sheet Kolaka >/dev/null 2>s3.err
rc=$?
set -e
expect_eq "unknown sheet: failure" 1 "$rc"
check "unknown sheet: the sheets are listed" grep -q "bad.xlsx: no sheet 'Kolaka' (sheets: 'Wolio', 'Rekap')" s3.err
set +e
"$JANGKAU" --db s4.sqlite import sites bad.xlsx --sheet Wolio --header-row 2 >/dev/null 2>&1
rc=$?
"$JANGKAU" --db s5.sqlite import sites bad.xlsx --sheet Wolio --header-row 1 >/dev/null 2>s5.err
rc5=$?
"$JANGKAU" --db s6.sqlite import sites bad.xlsx --header-row x >/dev/null 2>s6.err
rc6=$?
"$JANGKAU" --db s7.sqlite import boundaries "$D/desa.geojson" --sheet Wolio >/dev/null 2>&1
rc7=$?
set -e
expect_eq "--header-row 2: exit code (row 4 rejected)" 3 "$rc"
expect_eq "--header-row 1 (the title): failure" 1 "$rc5"
check "--header-row 1: says what row 1 names" \
	grep -q "bad.xlsx\[Wolio\]: the header (row 1) names 'Lokasi Kecamatan Wolio' but has no address or coordinate column" s5.err
expect_eq "--header-row x: usage error" 2 "$rc6"
expect_eq "--sheet for boundaries: usage error" 2 "$rc7"

# ---- a semicolon CSV from Indonesian Excel, Windows-1252 ----
printf 'Daftar Lokasi;;;;\r\nno;nama_lokasi;alamat;lintang;bujur\r\n1;Masjid Babussal\342m;Kel. Sulaa, Betoambari;-5,5046;"122,5692"\r\n' >ansi.csv
set +e
"$JANGKAU" --db a.sqlite import sites ansi.csv >/dev/null 2>a.err
rc=$?
set -e
expect_eq "Windows-1252 CSV: exit code" 0 "$rc"
check "Windows-1252 CSV: one note naming the file" grep -q "^jangkau: warning: ansi.csv: not UTF-8; read as Windows-1252" a.err
expect_eq "Windows-1252 CSV: stored as UTF-8, row as shown, lat/lon joined" \
	"3|Masjid Babussalâm|-5.5046, 122.5692" "$(sqlite3 a.sqlite 'SELECT src_row, nama, koordinat FROM sites')"
finish
