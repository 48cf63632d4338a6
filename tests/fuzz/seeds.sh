#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes the seed corpus of one fuzz target from the project's test data,
# so that thousands of small files need not be committed:
#   seeds.sh TARGET OUTDIR
# TARGET is parse, address, match or import. Sources: the string literals
# of the unit tests, the cells of the Bapas Baubau field book (in JK_SHARED,
# default ../shared beside the checkout; skipped when absent), the bundled
# demo tables and tests/data/*.csv. Needs bash and sqlite3 (for reading
# CSV). Each seed is the target's input format (see its .c file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${JK_SRC:-$(cd "$here/../.." && pwd)}
shared=${JK_SHARED:-$src/../shared}
t=${1:?target} out=${2:?outdir}
fb=$shared/data/fieldbook
rm -rf "$out"
mkdir -p "$out"
n=0
# put PREFIX TEXT: one seed file; PREFIX is a printf escape such as '\001'
# (the control byte of the target) or ''
put() {
	n=$((n + 1))
	printf "$1%s" "$2" >"$out/s$n"
}
# c_strings FILE...: the string literals of C files, unescaped, without
# printf formats and include names, one a line
c_strings() {
	grep -ho '"\([^"\\]\|\\.\)*"' "$@" | sed 's/^"//; s/"$//' |
		grep -v -e '%' -e '\.h$' | sort -u |
		while IFS= read -r s; do s=${s//\\\"/\"}; printf '%b\n' "$s"; done
}
# csv_sql FILE SQL: runs SQL on FILE imported as table t; one row a line,
# columns separated by a unit separator
csv_sql() {
	sqlite3 -batch :memory: -cmd '.mode csv' -cmd ".import '$1' t" \
		-cmd '.mode list' -cmd ".separator $(printf '\037')" "$2"
}
have_fb() { [ -r "$fb/sites_bapas_baubau.csv" ] && command -v sqlite3 >/dev/null; }

case $t in
parse)
	# one control byte (size of the reason buffer - 1), then the cell
	while IFS= read -r s; do put 'P' "$s"; done < <(c_strings "$src/tests/unit/test_coord.c" "$src/tests/unit/test_values.c")
	put '\003' "-5,47 122,6"
	put '\020' "S5 28.271 E122 36.806"
	if have_fb; then
		while IFS= read -r s; do put 'P' "$s"; done < <(
			{ csv_sql "$fb/sites_bapas_baubau.csv" "SELECT DISTINCT koordinat FROM t UNION SELECT status FROM t
				UNION SELECT kapasitas FROM t UNION SELECT ramah_anak FROM t UNION SELECT jenis FROM t"
			  csv_sql "$fb/clients_bapas_baubau.csv" "SELECT DISTINCT koordinat_rumah FROM t UNION SELECT tanggal_mulai FROM t
				UNION SELECT jam_pidana FROM t UNION SELECT jenis_pidana FROM t UNION SELECT status FROM t UNION SELECT anak FROM t"
			  head -1 "$fb/sites_bapas_baubau.csv" | tr , '\n'
			  head -1 "$fb/clients_bapas_baubau.csv" | tr , '\n'; } | sort -u)
	fi
	;;
address)
	# one control byte (role of a column, fold buffer size), text A,
	# then optionally TAB and text B
	while IFS= read -r s; do put '\001' "$s"; done < <(c_strings "$src/tests/unit/test_address.c" "$src/tests/unit/test_normalize.c")
	mapfile -t fz < <(c_strings "$src/tests/unit/test_fuzzy.c")
	for ((i = 0; i + 1 < ${#fz[@]}; i += 2)); do put '\000' "${fz[i]}"$'\t'"${fz[i + 1]}"; done
	if have_fb; then
		while IFS= read -r s; do put '\001' "$s"; done < <(
			csv_sql "$fb/sites_bapas_baubau.csv" "SELECT DISTINCT alamat FROM t"
			csv_sql "$fb/clients_bapas_baubau.csv" "SELECT DISTINCT alamat_rumah FROM t")
		# a written village name and the true one: typos to compare
		while IFS=$'\037' read -r a b; do put '\000' "$a"$'\t'"$b"; done < <(
			sqlite3 -batch :memory: -cmd '.mode csv' -cmd ".import '$fb/sites_bapas_baubau.csv' s" \
				-cmd ".import '$fb/truth_sites_bapas_baubau.csv' r" -cmd '.mode list' \
				-cmd ".separator $(printf '\037')" \
				"SELECT DISTINCT s.desa_kelurahan, r.true_desa FROM s JOIN r ON r.no = s.no
				 WHERE s.desa_kelurahan <> '' UNION SELECT DISTINCT s.kecamatan, r.true_kecamatan
				 FROM s JOIN r ON r.no = s.no WHERE s.kecamatan <> ''")
	fi
	;;
match)
	# alamat, desa, kecamatan, kabupaten separated by newlines
	while IFS= read -r s; do put "" "$s"; done < <(c_strings "$src/tests/unit/test_gazetteer.c" "$src/tests/unit/test_geocode.c")
	if have_fb; then
		while IFS=$'\037' read -r a d k b; do put "" "$a"$'\n'"$d"$'\n'"$k"$'\n'"$b"; done < <(
			csv_sql "$fb/sites_bapas_baubau.csv" "SELECT alamat, desa_kelurahan, kecamatan, kabupaten_kota FROM t"
			csv_sql "$fb/clients_bapas_baubau.csv" "SELECT alamat_rumah, desa_kelurahan, kecamatan, kabupaten_kota FROM t")
	fi
	;;
import)
	# one control byte (bit 0 clients, bit 1 strict), then the CSV file;
	# small files: the header and a few rows from all over each table
	slices() { # slices CTL FILE ROWS STEP
		local ctl=$1 f=$2 rows=$3 step=$4 total start
		total=$(($(wc -l <"$f") - 1))
		for ((start = 2; start <= total + 1; start += step)); do
			put "$ctl" "$(head -1 "$f"; sed -n "${start},$((start + rows - 1))p" "$f")"$'\n'
		done
	}
	for f in "$src"/tests/data/*.csv; do
		case $f in *client*) put '\001' "$(cat "$f")"$'\n' ;; *) put '\000' "$(cat "$f")"$'\n' ;; esac
	done
	slices '\000' "$src/data/demo/sites.csv" 4 40
	slices '\001' "$src/data/demo/clients.csv" 4 30
	put '\002' "$(head -3 "$src/data/demo/sites.csv")"$'\n'
	put '\003' "$(head -3 "$src/data/demo/clients.csv")"$'\n'
	if have_fb; then
		slices '\000' "$fb/sites_bapas_baubau.csv" 4 80
		slices '\001' "$fb/clients_bapas_baubau.csv" 4 40
	fi
	;;
*)
	echo "seeds.sh: unknown target '$t'" >&2
	exit 2
	;;
esac
# committed hand-made seeds
if [ -d "$here/seeds/$t" ]; then
	cp "$here/seeds/$t"/* "$out/" 2>/dev/null || true
fi
echo "seeds.sh: $(find "$out" -type f | wc -l) seeds for $t"
