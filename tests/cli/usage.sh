# SPDX-License-Identifier: MIT
# CLI basics: help, version, exit codes of usage errors, for every command
# that 'jangkau --help' lists (a new command fails here until it is added
# to cmds with its cases).
. "$(dirname "$0")/lib.bash"

cmds="import geocode coverage export report map book route run demo"
listed=$("$JANGKAU" --help | sed -n '/^Commands:$/,/^$/s/^  \([a-z]\{1,\}\) .*/\1/p' | paste -sd' ')
expect_eq "the commands of --help, in order" "$cmds" "$listed"

check "--help exits 0" bash -c "'$JANGKAU' --help >/dev/null"
check "--version prints the version" bash -c "'$JANGKAU' --version | grep -q '^jangkau 0\.'"
# import is a group: each kind of import is a command with its own options
kinds="boundaries sites clients roads decisions"
check "import --help lists every kind" bash -c \
	"for k in $kinds; do '$JANGKAU' import --help | grep -q \"jangkau import \$k FILE\" || exit 1; done"
for c in $(sed 's/\bimport\b//' <<<"$cmds") $(for k in $kinds; do echo "import:$k"; done); do
	c=${c/:/ }
	n=${c// /_}
	check "$c --help exits 0 with its own usage" bash -c "'$JANGKAU' $c --help | grep -q '^usage: jangkau $c '"
	set +e
	# shellcheck disable=SC2086
	msg=$("$JANGKAU" --db "$T/u_$n.sqlite" $c --no-such-option 2>&1 >/dev/null)
	rc=$?
	set -e
	expect_eq "$c: unknown option exit" 2 "$rc"
	expect_eq "$c: unknown option message" \
		"jangkau: unknown option '--no-such-option'|(see 'jangkau $c --help')" \
		"$(paste -sd'|' <<<"$msg")"
	check "$c: a usage error creates no store" test ! -e "$T/u_$n.sqlite"
done

# usage_error EXPECTED-MESSAGE COMMAND [ARGS...]: exit 2 with exactly that
# message and the pointer to the command's help (HELP_OF: the words of the
# command whose help is meant, when not COMMAND alone)
usage_error() {
	local want=$1 got rc help
	shift
	help=${HELP_OF:-$1}
	set +e
	got=$("$JANGKAU" --db "$T/x.sqlite" "$@" 2>&1 >/dev/null)
	rc=$?
	set -e
	expect_eq "'$*' exit" 2 "$rc"
	expect_eq "'$*' message" "jangkau: $want|(see 'jangkau $help --help')" "$(paste -sd'|' <<<"$got")"
}
set +e
"$JANGKAU" frobnicate 2>/dev/null; expect_eq "unknown command exit" 2 $?
set -e
usage_error "import what? one of boundaries, sites, clients, roads, decisions" import
usage_error "import: 'towns' is not one of boundaries, sites, clients, roads, decisions" import towns x.csv
HELP_OF="import sites" usage_error "missing argument" import sites
usage_error "--out DIR is required" export
usage_error "--out DIR is required" report
usage_error "--out FILE is required" map
usage_error "--kabupaten KODE and --out FILE.pdf are required" book
usage_error "--kabupaten KODE and --out FILE.pdf are required" book --kabupaten 74.72
usage_error "--kabupaten KODE and --out FILE.pdf are required" book --out "$T/b.pdf"
usage_error "--from and --to are required" route
usage_error "--from and --to are required" route --from 122.6,-5.47
check "usage errors create no store" test ! -e "$T/x.sqlite"
set +e
"$JANGKAU" coverage --radius-km abc 2>/dev/null; expect_eq "bad radius exit" 2 $?
"$JANGKAU" import towns x.csv 2>/dev/null; expect_eq "bad import kind exit" 2 $?
"$JANGKAU" --db "$T/e.sqlite" geocode 2>/dev/null; expect_eq "geocode on empty store exit" 1 $?
"$JANGKAU" --db "$T/e.sqlite" run 2>/dev/null; expect_eq "run on empty store exit" 1 $?
msg=$("$JANGKAU" --db "$T/y.sqlite" import sites "$T/none.csv" 2>&1 >/dev/null)
expect_eq "missing file exit" 1 $?
set -e
check "missing file message names the file" grep -q "none.csv" <<<"$msg"
finish
