# SPDX-License-Identifier: MIT
# Shared by the benchmarks (bench/run.sh, bench/roads.sh): messages,
# package installation, timing, and a private PostgreSQL cluster on
# loopback. Sourced, not run. The sourcing script sets BENCH_TAG (message
# prefix), BENCH_DEC (decimals of times), W (work directory, with W/logs),
# PGDIR, PGBIN and PGPORT0 (first port to try) before calling these.

say() { printf '%s: %s\n' "$BENCH_TAG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$BENCH_TAG" "$*" >&2; exit 1; }

# Installs Debian packages when missing; needs root.
need_pkgs() {
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (run as root, or apt-get install them)"
	say "installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$W/logs/apt.log" 2>&1 ||
		die "apt-get install failed, see $W/logs/apt.log"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" -v d="$BENCH_DEC" 'BEGIN { printf "%.*f", d, b - a }'; }
# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk -v d="$BENCH_DEC" '{ v[NR] = $1 } END { printf "%.*f", d, v[int((NR + 1) / 2)] }'; }
# The 1-minute load average: above the core count, something else competes.
loadavg() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?"; }

PGPORT=""
AS_PG=()

# Stops the private server (also one left by an earlier, killed run) and
# removes the cluster, keeping its log.
pg_stop() {
	if [ -f "$PGDIR/data/postmaster.pid" ]; then
		if [ "$(id -u)" -eq 0 ]; then
			runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
		else
			"$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
		fi
	fi
	[ ! -f "$PGDIR/server.log" ] || cp "$PGDIR/server.log" "$W/logs/postgres_server.log"
	rm -rf "$PGDIR"
}

psql_run() {
	PGOPTIONS='-c client_min_messages=warning' \
		psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U bench -d bench "$@"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pg_start LOG: a fresh cluster in PGDIR on the first free port from
# PGPORT0, tuned for 2 cores and 24 GiB (durability at its defaults), with
# an empty database "bench" of user "bench"; messages go to LOG.
pg_start() {
	local log=$1
	pg_stop
	mkdir -p "$PGDIR"
	if [ "$(id -u)" -eq 0 ]; then
		# initdb refuses root: the cluster belongs to the postgres user.
		chown postgres: "$PGDIR"
		AS_PG=(runuser -u postgres --)
		"${AS_PG[@]}" test -w "$PGDIR" ||
			die "user postgres cannot write '$PGDIR'; set BENCH_WORK to a directory it can reach"
	fi
	PGPORT=$PGPORT0
	while ! port_free "$PGPORT"; do
		PGPORT=$((PGPORT + 1))
		[ "$PGPORT" -lt $((PGPORT0 + 50)) ] || die "no free port in $PGPORT0..$((PGPORT0 + 49))"
	done
	"${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U bench --auth=trust -E UTF8 \
		--locale=C >>"$log" 2>&1 || die "initdb failed (see $log)"
	cat >>"$PGDIR/data/postgresql.conf" <<-EOF
		listen_addresses = '127.0.0.1'
		port = $PGPORT
		unix_socket_directories = '$PGDIR'
		shared_buffers = 4GB
		work_mem = 256MB
		maintenance_work_mem = 1GB
		effective_cache_size = 16GB
		max_worker_processes = 4
		max_parallel_workers = 2
		max_parallel_workers_per_gather = 2
		max_parallel_maintenance_workers = 2
		random_page_cost = 1.1
		max_wal_size = 8GB
		jit = off
	EOF
	"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w start \
		>>"$log" 2>&1 || die "PostgreSQL did not start (see $W/logs/postgres_server.log)"
	say "PostgreSQL on 127.0.0.1:$PGPORT"
	PGOPTIONS='' psql -X -q -h 127.0.0.1 -p "$PGPORT" -U bench -d postgres -c 'CREATE DATABASE bench' >/dev/null
}
