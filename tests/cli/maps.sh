# SPDX-License-Identifier: MIT
# Maps on real data: the nine regencies of Bapas Baubau (Kota Baubau,
# Buton, Muna Barat and six more) from the Sulawesi Tenggara villages and
# the field book.
# - the exported GeoPackage, Shapefiles and QGIS project open styled and
#   complete in real QGIS (tests/qgis/check_layers.py);
# - jangkau map writes PNG, SVG and PDF; the PDF renders with pdftoppm;
# - the gap report embeds one map per regency and one per district with a
#   pending or gap village (counted here from the exported layer);
# - the address books of Kota Baubau, Buton and Muna Barat: one section per
#   kecamatan starting on the page the contents give, every site of the
#   regency in the book exactly once under its number, page numbers
#   "Halaman n dari N" on every page after the cover.
. "$(dirname "$0")/lib.bash"
need_shared
OUT="$T/out"
DB="$T/bb.sqlite"
AREA=74.72,74.04,74.03,74.13,74.10,74.14,74.15,74.07,74.06
run_fieldbook "$DB" "$OUT" --area "$AREA" || { finish; exit 1; }

# ---- the layers of the nine regencies open styled in real QGIS ----
qgis_check "$OUT" "$T/project.png"
if [ -n "${JK_QGIS_KEEP:-}" ] && [ -s "$T/project.png" ]; then
	cp "$T/project.png" "$JK_QGIS_KEEP"
fi

# ---- jangkau map ----
for f in png svg pdf; do
	check "map of Kota Baubau as $f" "$JANGKAU" --db "$DB" --quiet map \
		--kabupaten 74.72 --out "$T/baubau.$f"
done
check "PNG signature" bash -c "head -c 8 '$T/baubau.png' | od -An -c | grep -q 'P   N   G'"
check "SVG document" grep -q "<svg" "$T/baubau.svg"
check "the PDF renders" pdftoppm -r 30 -png "$T/baubau.pdf" "$T/baubau_pdf"
check "one PDF page" test "$(pdfinfo "$T/baubau.pdf" | awk '/^Pages:/{print $2}')" = 1
txt=$(pdftotext "$T/baubau.pdf" - | tr -s ' \n' '  ')
for w in "Kota Bau Bau" "Ada lokasi siap" "Tanpa lokasi siap" "Siap" "UTM zona 51S" \
	"sultra_desa.gpkg" "sites_bapas_baubau.csv"; do
	check "map shows '$w'" grep -q "$w" <<<"$txt"
done
check "district map" "$JANGKAU" --db "$DB" --quiet map --kecamatan 74.72.02 \
	--out "$T/wolio.pdf" --lang en
check "district map in English" bash -c "pdftotext '$T/wolio.pdf' - | grep -q 'Ready site in the village'"
set +e
"$JANGKAU" --db "$DB" --quiet map --kabupaten 74.99 --out "$T/x.png" 2>"$T/err"
rc=$?
set -e
expect_eq "unknown regency exit code" 1 "$rc"
check "unknown regency named" grep -q "'74.99'" "$T/err"
set +e
"$JANGKAU" --db "$DB" --quiet map --kabupaten 74.72.01 --out "$T/x.png" 2>/dev/null
rc=$?
set -e
expect_eq "district code given as --kabupaten is a usage error" 2 "$rc"

# ---- maps in the gap report ----
H="$OUT/gap_report.html"
nkab=$(sqlite3 "$DB" "SELECT count(DISTINCT kode_kab) FROM villages")
nkec=$(sqlite3 "$OUT/jangkau.gpkg" \
	"SELECT count(*) FROM kecamatan_summary WHERE n_gap + n_pending > 0")
expect_eq "nine regencies imported" 9 "$nkab"
expect_eq "one map per regency and per district in need" $((nkab + nkec)) \
	"$(grep -o '<img ' "$H" | wc -l)"
expect_eq "district maps folded" "$nkec" "$(grep -o '<details>' "$H" | wc -l)"
check "maps are embedded WebP" bash -c \
	"[ \$(grep -o 'src=\"data:image/webp;base64,' '$H' | wc -l) -eq $((nkab + nkec)) ]"
echo "gap report: $nkab regency maps, $nkec district maps, $(du -k "$H" | cut -f1) KiB"

# ---- the address books ----
for kab in 74.72 74.04 74.13; do
	B="$T/buku_$kab.pdf"
	if ! "$JANGKAU" --db "$DB" --quiet book --kabupaten "$kab" --out "$B" \
		--office "Bapas Kelas II Baubau" --date 2026-11-23; then
		fail "book $kab"
		continue
	fi
	pages=$(pdfinfo "$B" | awk '/^Pages:/{print $2}')
	nkec=$(sqlite3 "$DB" "SELECT count(DISTINCT kode_kec) FROM villages WHERE kode_kab = '$kab'")
	# contents: "Kecamatan X .... N" lines on page 2
	pdftotext -layout -f 2 -l 2 "$B" "$T/toc.txt"
	grep -E '^ *Kecamatan .* [0-9]+ *$' "$T/toc.txt" |
		sed -E 's/^ *(Kecamatan .*[^ ]) +([0-9]+) *$/\2|\1/' >"$T/toc"
	expect_eq "$kab: one contents line per kecamatan" "$nkec" "$(wc -l <"$T/toc")"
	while IFS='|' read -r pg title; do
		check "$kab: '$title' starts on page $pg" bash -c \
			"pdftotext -f $pg -l $pg '$B' - | head -5 | grep -qF '$title'"
	done <"$T/toc"
	# every page after the cover is numbered
	for ((p = 2; p <= pages; p++)); do
		pdftotext -f $p -l $p "$B" - | grep -q "Halaman $p dari $pages" ||
			fail "$kab: page $p has no 'Halaman $p dari $pages'"
	done
	# every site of the regency is in the book under its number: the
	# numbering follows kecamatan code, village name, site name, and the
	# sites without a village of their own come last by name. Compared
	# with all white space removed (names wrap inside their cell).
	pdftotext -raw "$B" - | tr -d ' \n\t' >"$T/book.txt"
	sqlite3 -separator '|' "$DB" "
		WITH placed AS (SELECT s.nama FROM sites s
		  JOIN villages v ON v.kode = s.kode_desa
		  WHERE v.kode_kab = '$kab'
		  ORDER BY v.kode_kec, v.nama, s.nama, s.site_id),
		unplaced AS (SELECT s.nama FROM sites s
		  WHERE (s.kode_desa IS NULL OR s.precision IS NULL
		    OR s.precision NOT IN ('coordinate', 'village'))
		  AND (s.kode_desa = '$kab'
		    OR (s.kode_desa > '$kab.' AND s.kode_desa < '$kab/')
		    OR ';' || s.candidates LIKE '%;$kab.%')
		  ORDER BY s.nama)
		SELECT row_number() OVER (), nama FROM
		  (SELECT nama FROM placed UNION ALL SELECT nama FROM unplaced)" \
		>"$T/expect"
	nsites=$(wc -l <"$T/expect")
	missing=0
	while IFS='|' read -r num name; do
		[ -n "$name" ] || continue
		key="$num$(tr -d ' \t' <<<"$name")"
		grep -qF -- "$key" "$T/book.txt" || {
			missing=$((missing + 1))
			[ $missing -le 3 ] && echo "not in the book: $key" >&2
		}
	done <"$T/expect"
	expect_eq "$kab: every site in the book under its number" 0 "$missing"
	check "$kab: the pages render" pdftoppm -r 20 -png -f 1 -l 3 "$B" "$T/pg_$kab"
	echo "book $kab: $pages pages, $nkec kecamatan, $nsites sites"
done
finish
