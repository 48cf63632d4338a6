# SPDX-License-Identifier: MIT
# The review loop on real data, the Bapas Baubau field book: geocode
# --review writes the rows a person must decide; a "planner" (this script)
# fills in the true village of each from the truth files and saves the
# sheet as XLSX again; import decisions records them; the next geocode puts
# every reviewed row in its true village, also after a re-import of the
# same book. Then one source row is edited: its decision is reported and
# not applied, and the review lists the row again.
. "$(dirname "$0")/lib.bash"
need_shared
FB="$JK_SHARED/data/fieldbook"
DB="$T/review.sqlite"
# the book is copied, so that one of its rows can be edited later
cp "$FB/sites_bapas_baubau.csv" "$FB/clients_bapas_baubau.csv" "$T/"
jk() { "$JANGKAU" --db "$DB" "$@"; }
# runs jangkau expecting exit 0 or 3 (rows rejected or warned about)
jk_ok() {
	local rc=0
	jk "$@" >"$T/out" 2>"$T/err" || rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
		cat "$T/err" >&2
		fail "jangkau $* exit code $rc"
	fi
}
jk_ok --quiet import boundaries "$JK_SHARED/data/boundaries/sultra_desa.gpkg" \
	--aliases "$JK_SRC/data/aliases/sulawesi_tenggara.csv"
jk_ok --quiet import sites "$T/sites_bapas_baubau.csv"
jk_ok --quiet import clients "$T/clients_bapas_baubau.csv"

# ---- the review file ----
jk geocode --review "$T/tinjau.xlsx" >"$T/geocode.out" 2>"$T/geocode.err"
expect_eq "geocode --review exit code" 0 $?
cat "$T/geocode.out"
check "review file written" test -s "$T/tinjau.xlsx"
expect_eq "review file readable by its owner only" 600 "$(stat -c %a "$T/tinjau.xlsx")"
ogrinfo -ro -so "$T/tinjau.xlsx" >"$T/info" 2>&1 || true
check "one sheet 'tinjauan'" grep -q '^1: tinjauan' "$T/info"
ogr2ogr -f CSV "$T/tinjau.csv" "$T/tinjau.xlsx" \
	--config OGR_XLSX_HEADERS FORCE --config OGR_XLSX_FIELD_TYPES STRING
n=$(sed -n 's/^review .*: \([0-9]*\) rows to decide .*/\1/p' "$T/geocode.out")
expect_eq "review rows counted" 56 "$n"
expect_eq "rows in the review file" "$n" "$(($(wc -l <"$T/tinjau.csv") - 1))"
check "kode_desa_pilihan column" grep -q 'kode_desa_pilihan' "$T/tinjau.csv"

# the CSV variant lists the same rows
jk --quiet geocode --review "$T/tinjau_excel.csv" 2>/dev/null
expect_eq "CSV review file readable by its owner only" 600 "$(stat -c %a "$T/tinjau_excel.csv")"
expect_eq "CSV review file starts with a BOM and ';'" "efbbbf6a656e69735f62617269733b" \
	"$(head -c 15 "$T/tinjau_excel.csv" | od -An -tx1 | tr -d ' \n')"
expect_eq "CSV review rows" "$n" \
	"$(ogrinfo -ro -al -so "$T/tinjau_excel.csv" | sed -n 's/^Feature Count: //p')"

# ---- the planner decides: the true village of every row ----
# Site rows of the truth file are numbered from the first data row; the
# store's row number may count the header row too: the offset is the one
# under which every listed site has the number (no) the truth file gives.
sqlite3 "$T/plan.db" <<SQL
.mode csv
.import $T/tinjau.csv r
.import $FB/truth_sites_bapas_baubau.csv ts
.import $FB/truth_clients_bapas_baubau.csv tc
CREATE TABLE off AS SELECT o AS off FROM (SELECT 0 AS o UNION SELECT 1)
  WHERE NOT EXISTS (SELECT 1 FROM r LEFT JOIN ts
    ON CAST(ts.row AS INTEGER) = CAST(r.baris AS INTEGER) - o
    WHERE r.jenis_baris = 'lokasi' AND (ts.no IS NULL OR ts.no <> r.id));
UPDATE r SET kode_desa_pilihan = (SELECT true_kode FROM ts
    WHERE CAST(ts.row AS INTEGER) = CAST(r.baris AS INTEGER) - (SELECT off FROM off)),
  catatan_pilihan = 'dicek ke lapangan' WHERE jenis_baris = 'lokasi';
UPDATE r SET kode_desa_pilihan = (SELECT true_kode FROM tc WHERE tc.id_klien = r.id),
  catatan_pilihan = 'dicek ke lapangan' WHERE jenis_baris = 'klien';
.headers on
.once $T/keputusan.csv
SELECT * FROM r;
SQL
expect_eq "one row numbering fits the truth file" 1 \
	"$(sqlite3 "$T/plan.db" 'SELECT count(*) FROM off')"
expect_eq "every row has a true village" 0 \
	"$(sqlite3 "$T/plan.db" "SELECT count(*) FROM r WHERE IFNULL(kode_desa_pilihan, '') = ''")"
# saved again as a workbook, as a spreadsheet program would
ogr2ogr -f XLSX "$T/keputusan.xlsx" "$T/keputusan.csv" -oo AUTODETECT_TYPE=NO -nln tinjauan

jk import decisions "$T/keputusan.xlsx" >"$T/dec.out" 2>"$T/dec.err"
expect_eq "import decisions exit code" 0 $?
cat "$T/dec.out"
check "every row recorded" grep -q "$n rows read, $n new decisions, 0 changed, 0 unchanged, 0 without a choice, 0 rejected" "$T/dec.out"

# every reviewed row in its true village, placed by the decision
in_true_village() {
	sqlite3 "$T/plan.db" "ATTACH '$DB' AS st;
	  SELECT count(*) FROM r WHERE (jenis_baris = 'lokasi' AND EXISTS (SELECT 1 FROM st.sites s
	      WHERE s.src_row = CAST(r.baris AS INTEGER) AND s.src_file LIKE '%' || r.berkas
	        AND s.site_id = (SELECT max(site_id) FROM st.sites s2 WHERE s2.src_row = s.src_row
	                           AND s2.src_file = s.src_file)
	        AND s.kode_desa = r.kode_desa_pilihan AND s.score = 1
	        AND s.precision IN ('village', 'coordinate')
	        AND s.geo_note LIKE 'decided by the office on %'))
	    OR (jenis_baris = 'klien' AND EXISTS (SELECT 1 FROM st.clients c
	      WHERE c.client_id = r.id AND c.kode_desa = r.kode_desa_pilihan
	        AND c.geo_note LIKE 'decided by the office on %'))"
}
jk geocode >"$T/geocode2.out" 2>"$T/geocode2.err"
expect_eq "geocode exit code" 0 $?
cat "$T/geocode2.out"
check "decided rows counted" grep -q "decided by the office: $n rows; 0 decisions not applied" "$T/geocode2.out"
expect_eq "reviewed rows in their true village" "$n" "$(in_true_village)"
jk geocode --review "$T/tinjau2.xlsx" >"$T/geocode3.out" 2>&1
check "nothing left to decide" grep -q "review .*: 0 rows to decide" "$T/geocode3.out"

# ---- a re-import of the same book keeps the decisions ----
jk_ok --quiet import sites "$T/sites_bapas_baubau.csv"
jk_ok --quiet import clients "$T/clients_bapas_baubau.csv"
jk geocode >"$T/geocode4.out" 2>"$T/geocode4.err"
check "decisions kept after re-import" grep -q "decided by the office: $n rows; 0 decisions not applied" "$T/geocode4.out"
expect_eq "no decision warnings after re-import" 0 "$(grep -c kode_desa_pilihan "$T/geocode4.err" || true)"
expect_eq "reviewed rows in their true village after re-import" "$n" "$(in_true_village)"

# ---- one source row edited: its decision is reported, not applied ----
read -r row kode <<<"$(sqlite3 -separator ' ' "$T/plan.db" \
	"SELECT baris, kode_desa_pilihan FROM r WHERE jenis_baris = 'lokasi' ORDER BY CAST(baris AS INTEGER) LIMIT 1")"
off=$(sqlite3 "$T/plan.db" 'SELECT off FROM off')
line=$((row - off + 1)) # the header is line 1, the truth file's row 1 is line 2
awk -v L="$line" 'NR == L { sub(/^[0-9]+/, "&A") } { print }' "$FB/sites_bapas_baubau.csv" \
	>"$T/sites_bapas_baubau.csv"
expect_eq "exactly one row edited" 1 \
	"$(diff "$FB/sites_bapas_baubau.csv" "$T/sites_bapas_baubau.csv" | grep -c '^>' || true)"
jk_ok --quiet import sites "$T/sites_bapas_baubau.csv"
jk geocode >"$T/geocode5.out" 2>"$T/geocode5.err"
expect_eq "geocode exit code after the edit" 0 $?
check "the changed row is reported" grep -q \
	"warning: sites_bapas_baubau.csv:$row: kode_desa_pilihan: the row changed since the office chose $kode on " \
	"$T/geocode5.err"
check "one decision not applied" grep -q "; 1 decisions not applied" "$T/geocode5.out"
expect_eq "the edited row keeps the matcher's result" 1 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM sites WHERE src_row = $row AND no LIKE '%A'
	   AND IFNULL(geo_note, '') NOT LIKE 'decided by the office%'")"
expect_eq "the other rows keep their decision" "$((n - 1))" "$(in_true_village)"
jk geocode --review "$T/tinjau3.xlsx" >"$T/geocode6.out" 2>&1
check "the review lists the edited row again" grep -q \
	"review .*: 1 rows to decide .* 1 with a decision that no longer fits" "$T/geocode6.out"
ogr2ogr -f CSV "$T/tinjau3.csv" "$T/tinjau3.xlsx" \
	--config OGR_XLSX_HEADERS FORCE --config OGR_XLSX_FIELD_TYPES STRING
check "with its row and the reason" grep -Eq \
	"^lokasi,sites_bapas_baubau.csv,,\"?$row\"?,.*tidak berlaku lagi: isi baris berubah" "$T/tinjau3.csv"
finish
