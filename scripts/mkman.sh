#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes the manual page jangkau(1) from the program's own help texts
# ('jangkau --help' and 'jangkau COMMAND --help' for every command it
# lists), so that the page and the help never disagree.
#
# Usage: scripts/mkman.sh JANGKAU OUT.1
set -euo pipefail
bin=$1 out=$2
version=$("$bin" --version | awk '{print $2}')

# roff-escape a line of help text: backslashes, leading dots and quotes
esc() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" -e 's/^-/\\-/'; }

{
	echo ".TH JANGKAU 1 \"\" \"jangkau $version\" \"User Commands\""
	echo ".SH NAME"
	echo "jangkau \\- plan community-service work sites of an Indonesian probation office (Bapas)"
	echo ".SH SYNOPSIS"
	echo ".nf"
	"$bin" --help | sed -n '1,/^$/p' | sed '/^$/d' | esc
	echo ".fi"
	echo ".SH DESCRIPTION"
	echo ".nf"
	"$bin" --help | sed '1,/^$/d' | esc
	echo ".fi"
	echo ".SH COMMANDS"
	for cmd in $("$bin" --help | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{exit}'); do
		echo ".SS $cmd"
		echo ".nf"
		"$bin" "$cmd" --help | esc
		# a group of sub-commands lists them in its usage
		for verb in $("$bin" "$cmd" --help | grep -o "jangkau $cmd [a-z]\+" | awk '{print $3}' | uniq); do
			echo ""
			"$bin" "$cmd" "$verb" --help | esc
		done
		echo ".fi"
	done
	echo ".SH FILES"
	echo "jangkau.sqlite, the project store (SpatiaLite), readable by its owner only."
	echo ".SH SEE ALSO"
	echo "ogrinfo(1), qgis(1); README.md, docs/layers.md and docs/privacy.md of the jangkau sources."
} >"$out"
