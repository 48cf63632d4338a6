#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layers of the house point one way (docs/architecture.md): a file in
# src/ROOM may include the headers of its own room and the public headers
# of rooms below it; a private header (*_int.h) only from its own room; the
# command line only the public API (jangkau/jangkau.h) and its own headers.
# Prints every include that breaks this, as FILE:LINE: reason, and fails.
#
# Usage: scripts/check-includes.sh [SRC_DIR]   (default: src beside this script)
set -euo pipefail
src=${1:-$(cd "$(dirname "$0")/.." && pwd)/src}

# rank of each room, lowest first; rooms of one rank may not include each
# other (import and geocode are siblings over the store)
declare -A rank=(
	[core]=0 [store]=1 [roads]=2 [import]=3 [geocode]=3 [analyse]=4
	[plan]=5 [results]=6 [export]=7 [render]=7 [report]=8 [cli]=9
)

bad=0
for f in "$src"/*/*.c "$src"/*/*.h; do
	room=$(basename "$(dirname "$f")")
	if [ -z "${rank[$room]+x}" ]; then
		echo "${f#"$src"/}: the room '$room' has no place in the layers (scripts/check-includes.sh)"
		bad=1
		continue
	fi
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		[[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]] || continue
		inc=${BASH_REMATCH[1]}
		where="${f#"$src"/}:$n"
		if [ "$room" = cli ]; then
			case $inc in
			*/*) [ "$inc" = jangkau/jangkau.h ] ||
				{ echo "$where: the command line uses the public API only, not '$inc'"; bad=1; } ;;
			esac
			continue
		fi
		case $inc in
		jangkau/jangkau.h) continue ;;
		../*) echo "$where: '$inc': name headers from src/ (ROOM/name.h)"; bad=1; continue ;;
		*/*/*) echo "$where: '$inc': not a header of a room"; bad=1; continue ;;
		*/*) other=${inc%%/*} name=${inc#*/} ;;
		*) other=$room name=$inc ;;
		esac
		if [ -z "${rank[$other]+x}" ]; then
			[ -e "$src/$inc" ] || [ "$other" = "$room" ] ||
				{ echo "$where: '$inc': no such room"; bad=1; }
			continue
		fi
		if [ "$other" = "$room" ]; then
			continue
		fi
		if [[ $name == *_int.h ]]; then
			echo "$where: '$inc' is private to src/$other"
			bad=1
		elif [ "${rank[$other]}" -ge "${rank[$room]}" ]; then
			echo "$where: '$inc': $room may not include $other (it is not below it)"
			bad=1
		fi
	done <"$f"
done
if [ "$bad" -ne 0 ]; then
	echo "check-includes: the layers are crossed (see docs/architecture.md)" >&2
	exit 1
fi
echo "check-includes: every include points down"
