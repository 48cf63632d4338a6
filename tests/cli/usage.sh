# CLI basics: help, version, exit codes of usage errors.
. "$(dirname "$0")/lib.bash"

check "--help exits 0" "$JANGKAU" --help
check "--version prints the version" bash -c "'$JANGKAU' --version | grep -q '^jangkau 0\.'"
for c in import geocode coverage export report run demo route; do
	check "$c --help exits 0" bash -c "'$JANGKAU' $c --help | grep -q usage"
done
set +e
"$JANGKAU" frobnicate 2>/dev/null; expect_eq "unknown command exit" 2 $?
"$JANGKAU" coverage --radius-km abc 2>/dev/null; expect_eq "bad radius exit" 2 $?
"$JANGKAU" export 2>/dev/null; expect_eq "export without --out exit" 2 $?
"$JANGKAU" import towns x.csv 2>/dev/null; expect_eq "bad import kind exit" 2 $?
"$JANGKAU" --db "$T/x.sqlite" geocode 2>/dev/null; expect_eq "geocode on empty store exit" 1 $?
msg=$("$JANGKAU" --db "$T/y.sqlite" import sites "$T/none.csv" 2>&1 >/dev/null)
expect_eq "missing file exit" 1 $?
set -e
check "missing file message names the file" grep -q "none.csv" <<<"$msg"
finish
