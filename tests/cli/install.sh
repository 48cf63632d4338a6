# SPDX-License-Identifier: MIT
# Installing: 'cmake --install' into a fresh prefix gives a program that
# starts (it finds its library), finds its bundled data beside itself
# (not in the source tree), runs the demo from there, has its manual page,
# and a jangkau.pc with which a C program builds against the library.
. "$(dirname "$0")/lib.bash"
[ -n "${JK_BUILD:-}" ] || { echo "JK_BUILD (the build folder) is not set"; exit 1; }
P=$T/prefix
cmake --install "$JK_BUILD" --prefix "$P" >"$T/install.out" 2>&1
check "cmake --install succeeds" test -x "$P/bin/jangkau"
expect_eq "the installed program starts" "jangkau $("$JANGKAU" --version | cut -d' ' -f2)" \
	"$("$P/bin/jangkau" --version)"
# moved after installing: nothing may depend on the prefix's path
mv "$P" "$T/moved"
P=$T/moved
rc=0
(cd "$T" && env -u JANGKAU_DATA "$P/bin/jangkau" demo --out "$T/demo" >"$T/demo.out" 2>"$T/demo.err") || rc=$?
expect_eq "the demo runs from the installed, moved program" 0 "$rc"
check "it reads the data installed beside it" grep -q "bundled region in $P/share/jangkau/demo" "$T/demo.out"
check "the demo wrote the report" test -s "$T/demo/gap_report.html"
check "the manual page is installed" test -s "$P/share/man/man1/jangkau.1"
check "the manual page covers every command" bash -c \
	"for c in import geocode coverage export report map book route run demo; do grep -q \"^\\.SS \$c\$\" '$P/share/man/man1/jangkau.1' || exit 1; done"
pc=$(find "$P" -name jangkau.pc | head -1)
check "jangkau.pc is installed" test -n "$pc"
cat >"$T/use.c" <<'C'
#include <jangkau/jangkau.h>
#include <stdio.h>
int main(void) { puts(jk_version()); return 0; }
C
# the .pc names the prefix it was installed under; point pkg-config there
sed -i "s|^prefix=.*|prefix=$P|; s|^libdir=.*|libdir=$(dirname "$(dirname "$pc")")|; s|^includedir=.*|includedir=$P/include|" "$pc"
# a library built with the sanitizers needs their runtime in the program
san=()
if ldd "$P/bin/jangkau" | grep -q libasan; then san=(-fsanitize=address,undefined); fi
# shellcheck disable=SC2046
cc "${san[@]}" "$T/use.c" $(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs jangkau) \
	-Wl,-rpath,"$(dirname "$(dirname "$pc")")" -o "$T/use" 2>"$T/cc.err" || true
check "a program builds with pkg-config --cflags --libs jangkau" test -x "$T/use"
expect_eq "and runs against the installed library" \
	"$("$JANGKAU" --version | cut -d' ' -f2)" "$("$T/use" 2>/dev/null)"
finish
