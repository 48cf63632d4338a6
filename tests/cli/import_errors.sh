# SPDX-License-Identifier: MIT
# Bad input: each rejected row is reported as FILE:ROW: field: reason (ROW
# as a spreadsheet program shows it: the header is row 1), the
# good rows are imported, duplicates once, --strict writes nothing, a
# re-import adds nothing, and the store is readable by its owner only.
. "$(dirname "$0")/lib.bash"
D="$JK_SRC/tests/data"
db="$T/s.sqlite"

set +e
"$JANGKAU" --db "$db" import sites "$D/bad_sites.csv" >"$T/out" 2>"$T/err"
rc=$?
set -e
expect_eq "sites import exit code (rows rejected)" 3 "$rc"
check "rejected row 3 named with its field" grep -q "bad_sites.csv:3: alamat: empty" "$T/err"
check "duplicate row 4 reported" grep -q "bad_sites.csv:4: row: exact duplicate of row 2" "$T/err"
check "unreadable coordinate warned on row 5" grep -q "bad_sites.csv:5: koordinat: " "$T/err"
check "unknown status warned on row 5" grep -q "bad_sites.csv:5: status: 'cek lagi'" "$T/err"
check "bad capacity warned on row 5" grep -q "bad_sites.csv:5: kapasitas: 'banyak'" "$T/err"
check "unclear child suitability warned on row 5" grep -q "bad_sites.csv:5: ramah_anak: 'mungkin'" "$T/err"
expect_eq "sites: one message per problem (1 rejected, 5 warnings)" 6 "$(wc -l <"$T/err")"
expect_eq "summary counts (5 rows under the header)" \
	"sites $D/bad_sites.csv: 5 rows read, 3 imported, 0 updated, 0 unchanged, 1 duplicate, 0 repaired, 1 rejected" \
	"$(cat "$T/out")"
expect_eq "sites stored (good rows, duplicate once)" 3 "$(sqlite3 "$db" 'select count(*) from sites')"
expect_eq "unknown status stored as unknown" unknown "$(sqlite3 "$db" "select status from sites where src_row=5")"
expect_eq "kapasitas '3 orang' parsed" 3 "$(sqlite3 "$db" "select kapasitas from sites where src_row=6")"
expect_eq "store is owner-only" 600 "$(stat -c %a "$db")"

set +e
"$JANGKAU" --db "$db" import sites "$D/bad_sites.csv" >"$T/out2" 2>/dev/null
set -e
expect_eq "re-import adds nothing" 3 "$(sqlite3 "$db" 'select count(*) from sites')"
expect_eq "re-import reports unchanged rows" \
	"sites $D/bad_sites.csv: 5 rows read, 0 imported, 0 updated, 3 unchanged, 1 duplicate, 0 repaired, 1 rejected" \
	"$(cat "$T/out2")"

set +e
"$JANGKAU" --db "$db" import clients "$D/bad_clients.csv" >"$T/out" 2>"$T/err"
rc=$?
set -e
expect_eq "clients import exit code" 3 "$rc"
expect_eq "clients summary counts" \
	"clients $D/bad_clients.csv: 7 rows read, 3 imported, 0 updated, 0 unchanged, 0 duplicate, 0 repaired, 4 rejected" \
	"$(cat "$T/out")"
check "reused id rejected" grep -q "bad_clients.csv:4: id_klien: 'KLN-T-0001' already used at row 2" "$T/err"
check "out-of-range hours warned" grep -q "bad_clients.csv:5: jam_pidana: 300 is outside" "$T/err"
check "impossible date warned" grep -q "bad_clients.csv:5: tanggal_mulai: '31/02/2026'" "$T/err"
check "child status unknown rejected" grep -q "bad_clients.csv:6: anak: " "$T/err"
check "bad status rejected" grep -q "bad_clients.csv:7: status: 'entah'" "$T/err"
check "no address rejected" grep -q "bad_clients.csv:8: alamat_rumah: empty" "$T/err"
expect_eq "clients: one message per problem (4 rejected, 2 warnings)" 6 "$(wc -l <"$T/err")"
expect_eq "good clients stored" 3 "$(sqlite3 "$db" 'select count(*) from clients')"
expect_eq "hours parsed" 120 "$(sqlite3 "$db" "select jam from clients where client_id='KLN-T-0001'")"
expect_eq "child flag" 1 "$(sqlite3 "$db" "select anak from clients where client_id='KLN-T-0002'")"

db2="$T/strict.sqlite"
set +e
"$JANGKAU" --db "$db2" import sites --strict "$D/bad_sites.csv" >/dev/null 2>"$T/err"
rc=$?
set -e
expect_eq "--strict exit code" 1 "$rc"
expect_eq "--strict writes nothing" 0 "$(sqlite3 "$db2" 'select count(*) from sites')"
expect_eq "--strict says why" "jangkau: $D/bad_sites.csv: 1 rows rejected; nothing imported (--strict)" \
	"$(tail -n 1 "$T/err")"
finish
