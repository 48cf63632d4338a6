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

finish
