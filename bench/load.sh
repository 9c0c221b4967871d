#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Load benchmark, self-contained: starts private services in a temp dir, generates a CMS-like
# database (default ~300 MiB of dump text), dumps it once with each tool, then times the loads side
# by side, interleaved and rotated in the same run so that the load of a shared machine hits every
# tool alike:
#   creodrop-backupctl load  vs  gunzip -c FILE | mariadb  vs  myloader -t 2
# The server is restarted before every load: what one tool leaves in a running server changes
# the next tool's time (myloader takes a third less time right after one of our loads; see --order), so
# each load starts from a freshly started server on the same data files. --no-restart keeps the
# server running (the method of the calls before 2026-12-06 12:00 UTC in docs/benchmarks.md).
# It prints wall times (median of --runs), the ratios per run, the server's and the tool's CPU
# time per run, and the 1-minute load average at each measurement. Our load is checked: every
# table of the copy has the source's CHECKSUM TABLE.
# --order measures that effect instead: for each tool measured (myloader, ours) and each
# predecessor (none, client, myloader, ours), a restart, the predecessor's load, then the load
# measured; it prints the median wall and server CPU of each pair.
#   bench/load.sh [--size-mib N (default 300)] [--runs N (default 3)] [--connections N (default 2)]
#                 [--no-restart | --order] [--keep]
# Missing tools (mydumper, GNU time, mariadb client) are installed with scripts/install-deps --with-bench.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=300
runs=3
connections=2
restart=1
order=0
keep=0
help_lines=4,22p
. "$here/bench/lib.sh"
bench_parse_options "$@"
bench_require_tools
bench_start_services cdload

declare -A walls cpus
loads=""
# The server's CPU time (user + system, seconds) so far: what each tool costs the server, which
# (unlike wall time) does not depend on how the machine's cores are shared.
server_pid=$(cat "$work/svc/db/mysqld.pid")
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server_pid/stat"; }
measure() {
    local name=$1; shift
    loads="$loads $name:$(cut -d' ' -f1 /proc/loadavg)"
    local before; before=$(server_cpu)
    /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" || { echo "bench: $name failed" >&2; exit 1; }
    local wall user sys; read -r wall user sys <<<"$(tail -1 "$work/$name.time")"
    walls[$name]="${walls[$name]:-} $wall"
    cpus[$name]="${cpus[$name]:-} $(awk -v a="$before" -v b="$(server_cpu)" -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f/%.2f", b - a, u + s }')"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$here/scripts/generate-sample-data" "${conn[@]}" --database src --size-mib "$size" --seed 42 >/dev/null
"$cli" dump "${conn[@]}" --database src --quiet --output "$work/ours.sql.gz"
mariadb-dump "${my[@]}" --single-transaction --quick --routines --triggers --events src | gzip -6 > "$work/client.sql.gz"
mydumper -S "$sock" -u "$user" -p "$MYSQL_PWD" -B src -t 2 -c -o "$work/mydumper" -R -E -G >/dev/null
raw=$(zcat "$work/ours.sql.gz" | wc -c)

# load_TOOL [NAME]: one load into l_TOOL, measured as NAME (default TOOL).
load_ours() { measure "${1:-ours}" "$cli" load "${conn[@]}" --database l_ours --quiet --connections "$connections" --input "$work/ours.sql.gz"; }
load_client() { measure "${1:-client}" bash -c "gunzip -c '$work/client.sql.gz' | mariadb ${my[*]} l_client"; }
load_myloader() { measure "${1:-myloader}" myloader -S "$sock" -u "$user" -p "$MYSQL_PWD" -d "$work/mydumper" -B l_myloader -t 2 -o; }
empty_target() { sql "DROP DATABASE IF EXISTS l_$1; CREATE DATABASE l_$1"; }
# fresh_target TOOL: an empty l_TOOL, the dirty pages flushed, and (unless --no-restart) a
# freshly started server.
fresh_target() {
    empty_target "$1"
    settle
    if [ "$restart" = 1 ]; then bench_restart_server; fi
}

if [ "$order" = 1 ]; then
    for _ in $(seq "$runs"); do
        for measured in myloader ours; do
            for before in none client myloader ours; do
                bench_restart_server
                if [ "$before" != none ]; then
                    empty_target "$before"
                    "load_$before" predecessor
                fi
                empty_target "$measured"
                settle
                "load_$measured" "${measured}_after_$before"
            done
        done
    done
    echo
    echo "== what ran before a load on a freshly started server; median of $runs run(s) =="
    printf "%-10s %-22s %8s %s\n" measured "load before it" "wall s" "server CPU s (each run)"
    for measured in myloader ours; do
        for before in none client myloader ours; do
            printf "%-10s %-22s %8s %s\n" "$measured" "$before" "$(median "${measured}_after_$before")" \
                "$(tr ' ' '\n' <<<"${cpus[${measured}_after_$before]}" | grep . | cut -d/ -f1 | paste -sd' ')"
        done
    done
    exit 0
fi

for run in $(seq 0 $((runs - 1))); do
    for step in $(rotate "$run" load_ours load_client load_myloader); do
        fresh_target "${step#load_}"
        "$step"
    done
done
if [ "$(checksums src)" = "$(checksums l_ours)" ]; then restored="every table's CHECKSUM TABLE equals the source's"
else restored="MISMATCH: the loaded copy differs from the source"; fi

w_o=$(median ours); w_c=$(median client); w_m=$(median myloader)
echo
echo "== load of $(awk -v b="$raw" 'BEGIN { printf "%.1f MiB", b / 1048576 }') of SQL text; median wall of $runs run(s); $([ "$restart" = 1 ] && echo "server restarted before every load" || echo "server kept running (--no-restart)") =="
printf "%-52s %8s\n" tool "wall s"
printf "%-52s %8s\n" "creodrop-backupctl load --connections $connections" "$w_o"
printf "%-52s %8s\n" "gunzip -c | mariadb" "$w_c"
printf "%-52s %8s\n" "myloader -t 2" "$w_m"
echo "load wall ratio vs gunzip|mariadb: $(ratio "$w_o" "$w_c") (target <= 0.40; per run: $(ratios ours client))"
echo "load wall ratio vs myloader -t 2:  $(ratio "$w_o" "$w_m") (target <= 0.65; per run: $(ratios ours myloader))"
echo "restore check: $restored"
echo "all wall times (s): ours:${walls[ours]# } client:${walls[client]# } myloader:${walls[myloader]# }"
echo "CPU s per run, server/client (user + system): ours:${cpus[ours]# } client:${cpus[client]# } myloader:${cpus[myloader]# }"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); 1-min load average at each measurement:$loads"
