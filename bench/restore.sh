#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Restore and environment sync benchmark, self-contained: starts private services (MariaDB and
# the S3 test server) in a temp dir, generates a CMS-like database (default ~300 MiB of dump
# text, the generator of bench/load.sh) as a developer-tier site's prod, backs it up once, then
# times side by side in the same run, interleaved and rotated:
#   restore load step:  creodrop-backupctl load of the backup object (what `backup restore` runs
#                       after its verify and pre-restore backup)  vs  gunzip -c OBJECT | mariadb
#   whole sync:         creodrop-backupctl env sync --from prod --to dev (pre-sync backup to S3,
#                       streamed dump -> load, check)  vs  a separate safety dump of the target
#                       (mariadb-dump | gzip) plus mariadb-dump | mariadb
# Both targets hold a full copy of the database before every timed run, so the safety dumps
# have the same work. It prints wall times (median of --runs), ratios, peak memory (maximum RSS
# from /usr/bin/time -v; for a pipeline its largest process), and the 1-minute load average at
# each measurement. Also timed once, for information: the whole `backup restore` into stage.
# Every copy is checked: every table's CHECKSUM TABLE equals the source's.
#   bench/restore.sh [--size-mib N (default 300)] [--runs N (default 1)] [--keep]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
size=300
runs=1
keep=0
help_lines=4,19p
. "$here/bench/lib.sh"
bench_parse_options "$@"
bench_require_tools
bench_start_services cdrestore

# The CLI works on a catalog and settings of its own, against the private S3 server.
export CREODROP_HOME=$work/home
export CREODROP_S3_ENDPOINT=$CREODROP_TEST_S3_ENDPOINT CREODROP_S3_REGION=$CREODROP_TEST_S3_REGION \
    CREODROP_S3_BUCKET=$CREODROP_TEST_S3_BUCKET CREODROP_S3_ACCESS_KEY_ID=$CREODROP_TEST_S3_ACCESS_KEY_ID \
    CREODROP_S3_SECRET_ACCESS_KEY=$CREODROP_TEST_S3_SECRET_ACCESS_KEY
unset CREODROP_CATALOG CREODROP_CATALOG_PASSWORD
ctl() { "$cli" "$@"; }

declare -A walls rss
loads=""
measure() {
    local name=$1; shift
    loads="$loads $name:$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" \
        || { echo "bench: $name failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
    local wall kib
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.time")
    kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/$name.time")
    walls[$name]="${walls[$name]:-} $wall"
    rss[$name]=$(( ${rss[$name]:-0} > kib ? ${rss[$name]:-0} : kib ))
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
check() { if [ "$(checksums src)" = "$(checksums "$1")" ]; then echo "equal"; else echo "MISMATCH"; fi; }
dumpopts=(--single-transaction --quick --routines --triggers --events)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$here/scripts/generate-sample-data" "${conn[@]}" --database src --size-mib "$size" --seed 42 >/dev/null
for db in dst stage_db r_ours r_client s_client; do sql "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"; done
ctl site add bench --name Bench --customer bench --tier developer >/dev/null
ctl env set bench prod --socket "$sock" --database src --user "$user" >/dev/null
ctl env set bench dev --socket "$sock" --database dst --user "$user" >/dev/null
ctl env set bench stage --socket "$sock" --database stage_db --user "$user" >/dev/null
backup=$(ctl backup create bench prod | head -1)
ctl backup download "$backup" --output "$work/backup.sql.gz" >/dev/null
raw=$(zcat "$work/backup.sql.gz" | wc -c)
# Both sync targets start with a full copy (their safety dumps have the same work every run).
ctl env sync bench --from prod --to dev >/dev/null
mariadb-dump "${my[@]}" "${dumpopts[@]}" src | mariadb "${my[@]}" s_client

restore_ours() { measure restore_ours "$cli" load "${conn[@]}" --database r_ours --quiet --connections 2 --input "$work/backup.sql.gz"; }
restore_client() { measure restore_client bash -c "gunzip -c '$work/backup.sql.gz' | mariadb ${my[*]} r_client"; }
sync_ours() { measure sync_ours "$cli" env sync bench --from prod --to dev; }
sync_client() {
    measure sync_client bash -c "set -o pipefail; mariadb-dump ${my[*]} ${dumpopts[*]} s_client | gzip -6 > '$work/safety.sql.gz' && mariadb-dump ${my[*]} ${dumpopts[*]} src | mariadb ${my[*]} s_client"
}
for run in $(seq 0 $((runs - 1))); do
    for step in $(rotate "$run" restore_ours restore_client sync_ours sync_client); do
        case "$step" in restore_*) db=r_${step#restore_}; sql "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db" ;; esac
        settle
        "$step"
    done
done
settle
measure restore_whole "$cli" backup restore "$backup" --to stage
r_o=$(check r_ours); s_o=$(check dst); st_o=$(check stage_db)

w_ro=$(median restore_ours); w_rc=$(median restore_client)
w_so=$(median sync_ours); w_sc=$(median sync_client); w_rw=$(median restore_whole)
echo
echo "== $(awk -v b="$raw" 'BEGIN { printf "%.1f MiB", b / 1048576 }') of SQL text; median wall of $runs run(s) =="
printf "%-84s %8s %10s\n" step "wall s" "peak RSS"
printf "%-84s %8s %10s\n" "restore load step: creodrop-backupctl load --connections 2 (backup object)" "$w_ro" "$(mib "${rss[restore_ours]}")"
printf "%-84s %8s %10s\n" "gunzip -c | mariadb (same object)" "$w_rc" "$(mib "${rss[restore_client]}")"
printf "%-84s %8s %10s\n" "whole sync: creodrop-backupctl env sync --from prod --to dev" "$w_so" "$(mib "${rss[sync_ours]}")"
printf "%-84s %8s %10s\n" "safety dump (mariadb-dump | gzip) + mariadb-dump | mariadb" "$w_sc" "$(mib "${rss[sync_client]}")"
printf "%-84s %8s %10s\n" "(info) whole backup restore --to stage (verify, pre-restore backup, load, check)" "$w_rw" "$(mib "${rss[restore_whole]}")"
echo "restore load step ratio vs gunzip|mariadb: $(ratio "$w_ro" "$w_rc") (target <= 0.8)"
echo "whole sync ratio vs safety dump + mariadb-dump|mariadb: $(ratio "$w_so" "$w_sc") (target <= 0.6)"
echo "checks (CHECKSUM TABLE of every table vs the source): restore load $r_o, sync $s_o, whole restore $st_o"
echo "all wall times (s): restore_ours:${walls[restore_ours]# } restore_client:${walls[restore_client]# } sync_ours:${walls[sync_ours]# } sync_client:${walls[sync_client]# }"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); 1-min load average at each measurement:$loads"
