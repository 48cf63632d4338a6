# SPDX-License-Identifier: MIT
# Helpers of the fault tests (tests/cli/faults.sh; sourced, not a test
# itself): content digests of a project store and of a set of output
# files, the leftovers of interrupted runs, and running a command on a
# small tmpfs. Need sqlite3, sha256sum and GNU coreutils.

# store_digest DB: a digest of what the store holds: the schema, and every
# row of every table of jangkau (not SpatiaLite's metadata and logs, not
# the R*Tree indexes derived from the geometries), in a fixed order, with
# timestamps left out (columns named at or *_at: runs.at). Two stores
# with the same digest hold the same data.
store_digest() {
	local db=$1 sql
	sql=$(sqlite3 -batch "$db" "
	  SELECT 'SELECT ''== ' || m.name || ''';' || char(10) ||
	    'SELECT ' || (SELECT group_concat('quote(\"' || p.name || '\")', ' || '','' || ')
	                  FROM pragma_table_info(m.name) p
	                  WHERE p.name <> 'at' AND p.name NOT LIKE '%\_at' ESCAPE '\\') ||
	    ' AS r FROM \"' || m.name || '\" ORDER BY r;'
	  FROM sqlite_master m
	  WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%'
	    AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\\' AND m.name NOT LIKE 'idx\_%' ESCAPE '\\'
	    AND m.name NOT LIKE 'geometry\_columns%' ESCAPE '\\'
	    AND m.name NOT LIKE 'spatial\_ref\_sys%' ESCAPE '\\'
	    AND m.name NOT LIKE 'views\_geometry\_columns%' ESCAPE '\\'
	    AND m.name NOT LIKE 'virts\_geometry\_columns%' ESCAPE '\\'
	    AND m.name NOT LIKE 'vector\_layers%' ESCAPE '\\'
	    AND m.name NOT IN ('spatialite_history', 'sql_statements_log',
	                       'geom_cols_ref_sys', 'data_licenses',
	                       'ElementaryGeometries', 'KNN', 'KNN2', 'SpatialIndex')
	  ORDER BY m.name") || { echo "unreadable"; return 0; }
	{
		sqlite3 -batch "$db" "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
		printf '%s\n' "$sql" | sqlite3 -batch "$db"
	} 2>&1 | sha256sum | cut -c1-16
}

# store_ok DB: PRAGMA integrity_check says ok (this also rolls back the
# hot journal that a killed writer leaves, as any reader would)
store_ok() {
	[ "$(sqlite3 -batch "$1" 'PRAGMA integrity_check' 2>&1)" = ok ]
}

# file_digest FILE: the file's checksum; for a GeoPackage the checksum of
# its SQL dump without the last_change timestamps (GDAL writes the time
# of writing), for a dBASE file without its date of last update
file_digest() {
	case $1 in
	*.gpkg)
		sqlite3 -batch -readonly "$1" .dump 2>&1 |
			sed -E "s/'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z'/'T'/g" | sha256sum | cut -c1-16 ;;
	*.dbf) tail -c +5 "$1" | sha256sum | cut -c1-16 ;;
	*) sha256sum <"$1" | cut -c1-16 ;;
	esac
}

# set_digest DIR NAMES_FILE: the state of the files named in NAMES_FILE
# (one name a line) in DIR, as one line per file: name and digest, or
# name and '-' when absent
set_digest() {
	local dir=$1 f
	while IFS= read -r f; do
		if [ -e "$dir/$f" ]; then
			echo "$f $(file_digest "$dir/$f")"
		else
			echo "$f -"
		fi
	done <"$2"
}

# leftovers DIR...: the names that interrupted runs leave behind: work
# folders and temporary files of export and report (.jangkau-export-*,
# .jangkau-report-*, and any other .jangkau-* such as temporaries and
# set-aside old files), *.tmp files, SQLite journals
leftovers() {
	local d dirs=()
	for d in "$@"; do [ -d "$d" ] && dirs+=("$d"); done
	[ ${#dirs[@]} -gt 0 ] || return 0
	find "${dirs[@]}" -maxdepth 1 \( -name '.jangkau-*' -o -name '*.tmp' \
		-o -name '*-journal' -o -name '*-wal' \) -printf '%f\n' 2>/dev/null |
		sort | tr '\n' ' '
}

# ms_now: milliseconds since the epoch (bash 5's EPOCHREALTIME: no fork)
ms_now() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}

# sleep_ms N
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# can_mount_tmpfs DIR: whether this process may mount a tmpfs in a private
# mount namespace (root with CAP_SYS_ADMIN, not refused by a sandbox)
can_mount_tmpfs() {
	command -v unshare >/dev/null 2>&1 || return 1
	unshare -m --propagation private sh -c \
		"mount -t tmpfs -o size=64k tmpfs '$1' && umount '$1'" >/dev/null 2>&1
}

# on_tmpfs SRC RES FREE_BYTES COMMAND...: copies folder SRC onto a new
# tmpfs (in a private mount namespace: the mount vanishes with the
# command, even when it is killed), fills the tmpfs so that FREE_BYTES
# stay free, runs COMMAND there (with @DIR@ in its arguments replaced by
# the tmpfs folder), then copies what the tmpfs holds into the empty
# folder RES. The command's output goes to RES.out and RES.err (outside
# the tmpfs). Prints the command's exit code (125: no tmpfs).
on_tmpfs() {
	local src=$1 res=$2 free=$3
	shift 3
	unshare -m --propagation private bash -c '
		src=$1 res=$2 free=$3 m=$4
		shift 4
		used=$(du -sk "$src" | cut -f1)
		mount -t tmpfs -o size=$((used + 4096))k tmpfs "$m" || exit 125
		cp -a "$src"/. "$m"/
		avail=$(df --output=avail -B1 "$m" | tail -1)
		if [ "$avail" -gt "$free" ]; then
			fallocate -l $((avail - free)) "$m/.filler" 2>/dev/null ||
				head -c $((avail - free)) /dev/zero >"$m/.filler"
		fi
		args=()
		for a in "$@"; do args+=("${a//@DIR@/$m}"); done
		"${args[@]}" >"$res.out" 2>"$res.err"
		echo $? >"$res.rc"
		rm -f "$m/.filler"
		cp -a "$m"/. "$res"/
		umount "$m"
	' _ "$src" "$res" "$free" "$res.mnt" "$@"
	cat "$res.rc" 2>/dev/null || echo 125
}

# writing_now W: whether a run in work folder W is writing at this moment:
# the store's rollback journal, a work folder or temporary file of export
# or report exists (builtins only: this is polled in a busy loop)
writing_now() {
	[ -e "$1/s.sqlite-journal" ] || compgen -G "$1/out/.jangkau-*" >/dev/null ||
		compgen -G "$1/out/.*.tmp" >/dev/null
}
