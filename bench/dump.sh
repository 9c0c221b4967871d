#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Dump/load benchmark, self-contained: starts private services in a temp dir, generates a
# CMS-like database (default ~1 GiB of dump text, plus a 100 MiB one for the RSS comparison),
# then times side by side
#   creodrop-backupctl dump  vs  mysqldump --single-transaction --quick --routines --triggers --events | gzip -6
#                            vs  mydumper -t 2 -c
#   creodrop-backupctl load  vs  gunzip -c | mariadb  vs  myloader -t 2
# and prints wall-time ratios, output sizes and peak RSS (GNU time -v).
#   bench/dump.sh [--size-mib N]        CLI from $CREODROP_BUILD_DIR or build/
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=1024
[ "${1:-}" = "--size-mib" ] && size=$2
cli=${CREODROP_BUILD_DIR:-$here/build}/src/cli/creodrop-backupctl
[ -x "$cli" ] || { echo "bench: build the CLI first ($cli missing)" >&2; exit 1; }
work=$(mktemp -d /tmp/cdbench.XXXXXX)
trap '"$here/scripts/services" stop "$work/svc" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$here/scripts/services" start "$work/svc" >/dev/null
. "$work/svc/env.sh"
export MYSQL_PWD=$CREODROP_TEST_MYSQL_PASSWORD
sock=$CREODROP_TEST_MYSQL_SOCKET; user=$CREODROP_TEST_MYSQL_USER
conn=(--socket "$sock" --user "$user")
my=(--no-defaults -S "$sock" -u "$user")

# measure NAME CMD...: runs under GNU time, records wall seconds and peak RSS (KiB)
declare -A wall rss
measure() {
    local name=$1; shift
    /usr/bin/time -v -o "$work/$name.time" "$@"
    wall[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/$name.time")
    rss[$name]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for db in small big; do
    n=$([ $db = small ] && echo 100 || echo "$size")
    t0=$(date +%s.%N)
    "$here/scripts/generate-sample-data" "${conn[@]}" --database "b_$db" --size-mib "$n" --seed 42
    echo "generated b_$db (~$n MiB) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
done

measure small_ours "$cli" dump "${conn[@]}" --database b_small --quiet --output "$work/small.sql.gz"
measure ours "$cli" dump "${conn[@]}" --database b_big --quiet --output "$work/ours.sql.gz"
measure mysqldump bash -c "mariadb-dump ${my[*]} --single-transaction --quick --routines --triggers --events b_big | gzip -6 > '$work/mysqldump.sql.gz'"
measure mydumper mydumper -S "$sock" -u "$user" -p "$MYSQL_PWD" -B b_big -t 2 -c -o "$work/mydumper" -R -E -G
raw=$(zcat "$work/ours.sql.gz" | wc -c)
gzip -t "$work/ours.sql.gz"

for d in l_ours l_client l_myloader; do mariadb "${my[@]}" -e "CREATE DATABASE $d"; done
measure load_ours "$cli" load "${conn[@]}" --database l_ours --quiet --input "$work/ours.sql.gz"
measure load_client bash -c "gunzip -c '$work/mysqldump.sql.gz' | mariadb ${my[*]} l_client"
measure load_myloader myloader -S "$sock" -u "$user" -p "$MYSQL_PWD" -d "$work/mydumper" -B l_myloader -t 2 -o

size_of() { du -sb "$1" | cut -f1; }
echo
echo "== dump of b_big: $(mib "$raw") of SQL text =="
printf "%-44s %8s %10s %12s\n" tool "wall s" "peak RSS" output
printf "%-44s %8s %10s %12s\n" "creodrop-backupctl dump (level 6, 2 threads)" "${wall[ours]}" "$((rss[ours]/1024)) MiB" "$(mib "$(size_of "$work/ours.sql.gz")")"
printf "%-44s %8s %10s %12s\n" "mysqldump | gzip -6" "${wall[mysqldump]}" "$((rss[mysqldump]/1024)) MiB" "$(mib "$(size_of "$work/mysqldump.sql.gz")")"
printf "%-44s %8s %10s %12s\n" "mydumper -t 2 -c" "${wall[mydumper]}" "$((rss[mydumper]/1024)) MiB" "$(mib "$(size_of "$work/mydumper")")"
echo "dump wall ratio vs mysqldump|gzip: $(ratio "${wall[ours]}" "${wall[mysqldump]}") (target <= 0.70)"
echo "dump wall ratio vs mydumper:       $(ratio "${wall[ours]}" "${wall[mydumper]}") (target <= 1.00)"
echo "size ratio vs gzip -6:             $(ratio "$(size_of "$work/ours.sql.gz")" "$(size_of "$work/mysqldump.sql.gz")") (target <= 1.05)"
echo "peak RSS 100 MiB db vs $size MiB db:  $((rss[small_ours]/1024)) MiB vs $((rss[ours]/1024)) MiB (target <= 100 MiB, flat)"
echo
echo "== load =="
printf "%-44s %8s %10s\n" "creodrop-backupctl load" "${wall[load_ours]}" "$((rss[load_ours]/1024)) MiB"
printf "%-44s %8s %10s\n" "gunzip -c | mariadb" "${wall[load_client]}" "$((rss[load_client]/1024)) MiB"
printf "%-44s %8s %10s\n" "myloader -t 2" "${wall[load_myloader]}" "$((rss[load_myloader]/1024)) MiB"
echo "load wall ratio vs gunzip|mariadb: $(ratio "${wall[load_ours]}" "${wall[load_client]}") (target <= 0.80)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
