#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Load benchmark, self-contained: starts private services in a temp dir, generates a CMS-like
# database (default ~300 MiB of dump text), dumps it once with each tool, then times the loads side
# by side, interleaved and rotated in the same run so that the load of a shared machine hits every
# tool alike:
#   creodrop-backupctl load  vs  gunzip -c FILE | mariadb  vs  myloader -t 2
# It prints wall times (median of --runs), the ratios per run, the server's and the tool's CPU time
# per run, and the 1-minute load average at each measurement. Our load is checked: every table of the copy has the source's CHECKSUM TABLE.
#   bench/load.sh [--size-mib N (default 300)] [--runs N (default 3)] [--connections N (default 2)] [--keep]
# Missing tools (mydumper, GNU time, mariadb client) are installed with scripts/install-deps --with-bench.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=300
runs=3
connections=2
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --size-mib) size=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '4,14p' "$0"; exit 0 ;;
        *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$size$runs$connections" in *[!0-9]*) echo "bench: --size-mib, --runs and --connections take numbers" >&2; exit 2 ;; esac
. "$here/bench/lib.sh"
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
median() { tr ' ' '\n' <<<"${walls[$1]}" | grep . | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ratios() {
    paste -d' ' <(tr ' ' '\n' <<<"${walls[$1]}" | grep .) <(tr ' ' '\n' <<<"${walls[$2]}" | grep .) \
        | awk '{printf "%s%.2f", (NR > 1 ? "," : ""), $1 / $2}'
}
checksums() { sql "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA='$1' AND TABLE_TYPE='BASE TABLE'" \
    | tr ',' '\n' | while read -r t; do sql "CHECKSUM TABLE \`$1\`.\`$t\`" | awk '{print $2}' | sed "s/^/$t /"; done; }
# Each load leaves dirty pages that InnoDB flushes afterwards; flush them before the next tool
# (the server is private) so that no tool pays for its predecessor (at most 60 s).
settle() {
    local cap capmax
    read -r cap capmax <<<"$(sql "SELECT @@innodb_io_capacity, @@innodb_io_capacity_max")"
    sql "SET GLOBAL innodb_io_capacity_max = 50000; SET GLOBAL innodb_io_capacity = 50000; SET GLOBAL innodb_max_dirty_pages_pct = 0"
    for _ in $(seq 120); do
        [ "$(sql "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}')" -lt 1000 ] && break
        sleep 0.5
    done
    sql "SET GLOBAL innodb_max_dirty_pages_pct = 90; SET GLOBAL innodb_io_capacity = $cap; SET GLOBAL innodb_io_capacity_max = $capmax"
}
rotate() { local k=$(( $1 % 3 )); shift; local a=("$@"); echo "${a[@]:$k}" "${a[@]:0:$k}"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$here/scripts/generate-sample-data" "${conn[@]}" --database src --size-mib "$size" --seed 42 >/dev/null
"$cli" dump "${conn[@]}" --database src --quiet --output "$work/ours.sql.gz"
mariadb-dump "${my[@]}" --single-transaction --quick --routines --triggers --events src | gzip -6 > "$work/client.sql.gz"
mydumper -S "$sock" -u "$user" -p "$MYSQL_PWD" -B src -t 2 -c -o "$work/mydumper" -R -E -G >/dev/null
raw=$(zcat "$work/ours.sql.gz" | wc -c)

load_ours() { measure ours "$cli" load "${conn[@]}" --database l_ours --quiet --connections "$connections" --input "$work/ours.sql.gz"; }
load_client() { measure client bash -c "gunzip -c '$work/client.sql.gz' | mariadb ${my[*]} l_client"; }
load_myloader() { measure myloader myloader -S "$sock" -u "$user" -p "$MYSQL_PWD" -d "$work/mydumper" -B l_myloader -t 2 -o; }
for run in $(seq 0 $((runs - 1))); do
    for step in $(rotate "$run" load_ours load_client load_myloader); do
        db=l_${step#load_}
        sql "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
        settle
        "$step"
    done
done
if [ "$(checksums src)" = "$(checksums l_ours)" ]; then restored="every table's CHECKSUM TABLE equals the source's"
else restored="MISMATCH: the loaded copy differs from the source"; fi

w_o=$(median ours); w_c=$(median client); w_m=$(median myloader)
echo
echo "== load of $(awk -v b="$raw" 'BEGIN { printf "%.1f MiB", b / 1048576 }') of SQL text; median wall of $runs run(s) =="
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
