#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Dump/load benchmark, self-contained: starts private services in a temp dir, generates a
# CMS-like database (default ~1 GiB of dump text, plus a 100 MiB one for the RSS comparison),
# then times side by side, interleaved in the same run so that the load of a shared machine
# hits every tool alike,
#   creodrop-backupctl dump  vs  mysqldump --single-transaction --quick --routines --triggers --events | gzip -6
#                            vs  mydumper -t 2 -c
#   creodrop-backupctl load  vs  gunzip -c | mariadb  vs  myloader -t 2
# and prints wall times (median of --runs), ratios, output sizes and peak RSS (GNU time -v).
# Our load is checked: every table of the loaded copy has the source's CHECKSUM TABLE.
#   bench/dump.sh [--size-mib N] [--runs N (default 3)] [--keep]   CLI from $CREODROP_BUILD_DIR or build/
# Missing tools (mydumper, GNU time, mariadb client) are installed with scripts/install-deps --with-bench.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=1024
runs=3
keep=0
help_lines=4,15p
. "$here/bench/lib.sh"
bench_parse_options "$@"
bench_require_tools
bench_start_services cdbench

# measure NAME CMD...: runs under GNU time; keeps every wall time and the highest peak RSS (KiB)
declare -A walls rss
measure() {
    local name=$1; shift
    loads="${loads:-} $(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -v -o "$work/$name.time" "$@" || { echo "bench: $name failed:" >&2; cat "$work/$name.time" >&2; exit 1; }
    local w r
    w=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/$name.time")
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
    walls[$name]="${walls[$name]:-} $w"
    [ "${rss[$name]:-0}" -ge "$r" ] || rss[$name]=$r
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
size_of() { du -sb "$1" | cut -f1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for db in small big; do
    n=$([ $db = small ] && echo 100 || echo "$size")
    t0=$(date +%s.%N)
    "$here/scripts/generate-sample-data" "${conn[@]}" --database "b_$db" --size-mib "$n" --seed 42
    echo "generated b_$db (~$n MiB) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
done

measure small_ours "$cli" dump "${conn[@]}" --database b_small --quiet --output "$work/small.sql.gz"
dump_ours() { measure ours "$cli" dump "${conn[@]}" --database b_big --quiet --output "$work/ours.sql.gz"; }
dump_mysqldump() { measure mysqldump bash -c "mariadb-dump ${my[*]} --single-transaction --quick --routines --triggers --events b_big | gzip -6 > '$work/mysqldump.sql.gz'"; }
dump_mydumper() {
    rm -rf "$work/mydumper"
    measure mydumper mydumper -S "$sock" -u "$user" -p "$MYSQL_PWD" -B b_big -t 2 -c -o "$work/mydumper" -R -E -G
}
load_ours() { measure load_ours "$cli" load "${conn[@]}" --database l_ours --quiet --input "$work/ours.sql.gz"; }
load_client() { measure load_client bash -c "gunzip -c '$work/mysqldump.sql.gz' | mariadb ${my[*]} l_client"; }
load_myloader() { measure load_myloader myloader -S "$sock" -u "$user" -p "$MYSQL_PWD" -d "$work/mydumper" -B l_myloader -t 2 -o; }

for run in $(seq 0 $((runs - 1))); do
    for step in $(rotate "$run" dump_ours dump_mysqldump dump_mydumper); do "$step"; done
done
gzip -t "$work/ours.sql.gz"
raw=$(zcat "$work/ours.sql.gz" | wc -c)
raw_small=$(zcat "$work/small.sql.gz" | wc -c)

for run in $(seq 0 $((runs - 1))); do
    for step in $(rotate "$run" load_ours load_client load_myloader); do
        sql "DROP DATABASE IF EXISTS l_${step#load_}; CREATE DATABASE l_${step#load_}"
        settle
        "$step"
    done
done
if [ "$(checksums b_big)" = "$(checksums l_ours)" ]; then restored="every table's CHECKSUM TABLE equals the source's"
else restored="MISMATCH: the loaded copy differs from the source"; fi

w_ours=$(median ours); w_md=$(median mysqldump); w_myd=$(median mydumper)
s_ours=$(size_of "$work/ours.sql.gz"); s_md=$(size_of "$work/mysqldump.sql.gz"); s_myd=$(size_of "$work/mydumper")
row() { printf "%-46s %8s %10s %12s\n" "$@"; }
echo
echo "== dump of b_big: $(mib "$raw") of SQL text; median wall of $runs run(s) =="
row tool "wall s" "peak RSS" output
row "creodrop-backupctl dump (level 5, $(nproc) threads)" "$w_ours" "$((rss[ours]/1024)) MiB" "$(mib "$s_ours")"
row "mysqldump ... | gzip -6" "$w_md" "$((rss[mysqldump]/1024)) MiB" "$(mib "$s_md")"
row "mydumper -t 2 -c" "$w_myd" "$((rss[mydumper]/1024)) MiB" "$(mib "$s_myd")"
echo "dump wall ratio vs mysqldump|gzip -6: $(ratio "$w_ours" "$w_md") (target <= 0.70; per run: $(ratios ours mysqldump))"
echo "dump wall ratio vs mydumper -t 2 -c:  $(ratio "$w_ours" "$w_myd") (target <= 1.00; per run: $(ratios ours mydumper))"
echo "size ratio vs gzip -6:                $(ratio "$s_ours" "$s_md") (target <= 1.05)"
echo "peak RSS, $(mib "$raw_small") vs $(mib "$raw") of SQL: $((rss[small_ours]/1024)) MiB vs $((rss[ours]/1024)) MiB (target <= 100 MiB, flat)"
echo
w_lo=$(median load_ours); w_lc=$(median load_client); w_lm=$(median load_myloader)
echo "== load; median wall of $runs run(s) =="
row tool "wall s" "peak RSS" ""
row "creodrop-backupctl load (2 connections)" "$w_lo" "$((rss[load_ours]/1024)) MiB" ""
row "gunzip -c | mariadb" "$w_lc" "$((rss[load_client]/1024)) MiB" ""
row "myloader -t 2" "$w_lm" "$((rss[load_myloader]/1024)) MiB" ""
echo "load wall ratio vs gunzip|mariadb:    $(ratio "$w_lo" "$w_lc") (target <= 0.80; per run: $(ratios load_ours load_client))"
echo "load wall ratio vs myloader -t 2:     $(ratio "$w_lo" "$w_lm") (per run: $(ratios load_ours load_myloader))"
echo "restore check: $restored"
echo "all wall times (s): $(for k in ours mysqldump mydumper load_ours load_client load_myloader; do printf '%s:%s ' "$k" "$(tr ' ' ',' <<<"${walls[$k]# }")"; done)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); 1-min load average at each measurement:$loads"
