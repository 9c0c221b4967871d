#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Catalog benchmark (not a test): 100,000 backups over 1,000 developer-tier sites, then the
# time of `creodrop-backupctl backup list SITE --env dev` on an SQLite catalog and on a MariaDB
# catalog. Reports the median and range of RUNS process runs (wall clock, whole process) and
# the median in-process catalog query time (`--timing`). Target: median under 50 ms.
#
#   bench/catalog.sh [BUILD_DIR]          (default: build)
# Environment: RUNS (default 21). The MariaDB part uses the server in CREODROP_TEST_MYSQL_* when
# set, else starts a private one with scripts/services and stops it at the end.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
cli=$build/src/cli/creodrop-backupctl
runs=${RUNS:-21}
sites=1000
per_site=100
[ -x "$cli" ] || { echo "catalog.sh: no CLI at $cli: build creodrop-backupctl first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cdcat.XXXXXX")
started_services=
cleanup() {
    [ -z "$started_services" ] || "$here/scripts/services" stop "$work/svc" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${CREODROP_TEST_MYSQL_PORT:-}" ]; then
    "$here/scripts/services" start "$work/svc" >&2
    started_services=1
    . "$work/svc/env.sh"
fi

# The rows as plain multi-row INSERTs that SQLite and MariaDB both accept. Ids sort by time
# like real ones; every site has 100 backups spread over prod/stage/dev and all statuses.
generate_sql() {
    awk -v sites=$sites -v per=$per_site 'BEGIN {
        split("prod stage dev", envs, " ");
        split("completed completed completed failed cancelled", statuses, " ");
        print "BEGIN;";
        for (s = 1; s <= sites; s++) {
            site = sprintf("site-%04d", s);
            printf "INSERT INTO sites (id, name, customer, tier, created_at) VALUES (\x27%s\x27, \x27Site %d\x27, \x27cust-%03d\x27, \x27developer\x27, \x272026-01-01T00:00:00.000Z\x27);\n", site, s, s % 200;
        }
        n = 0;
        for (s = 1; s <= sites; s++) {
            site = sprintf("site-%04d", s);
            cust = sprintf("cust-%03d", s % 200);
            printf "INSERT INTO backups (id, site_id, customer, env, type, status, created_at, started_at, finished_at, created_by, size_bytes, raw_size_bytes, sha256, object_key, error_text, worker_id, heartbeat_at, pinned) VALUES\n";
            for (k = 0; k < per; k++) {
                n++;
                env = envs[k % 3 + 1];
                st = statuses[k % 5 + 1];
                ts = sprintf("2026-%02d-%02dT%02d:%02d:00.000Z", 1 + int(k / 28) % 12, 1 + k % 28, s % 24, k % 60);
                id = sprintf("2026%02d%02dT%02d%02d00000Z-%08x", 1 + int(k / 28) % 12, 1 + k % 28, s % 24, k % 60, n);
                size = st == "completed" ? 1000000 + n : -1;
                printf "(\x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27bench\x27, %d, %d, \x27%064x\x27, \x27customers/%s/%s/%s/%s.sql.gz\x27, %s, \x27w\x27, \x27%s\x27, 0)%s\n",
                    id, site, cust, env, k % 4 ? "scheduled" : "manual", st, ts, ts, ts, size, size * 5, n, cust, site, env, id,
                    st == "failed" ? "\x27Access denied\x27" : "NULL", ts, k == per - 1 ? ";" : ",";
            }
        }
        print "COMMIT;";
    }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Times RUNS invocations of `backup list SITE --env dev --timing` with the environment given.
measure() {
    local label=$1 site=site-0500 wall=() t0 t1
    : >"$work/query-ms"
    "$cli" backup list $site --env dev >/dev/null # warm the page cache and the server
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$cli" backup list $site --env dev --timing 2>>"$work/query-ms" >/dev/null
        t1=$(date +%s%N)
        wall+=($(((t1 - t0) / 1000)))
    done
    local rows
    rows=$("$cli" backup list $site --env dev --json | grep -c '"id"')
    local med min max q
    med=$(printf '%s\n' "${wall[@]}" | median)
    min=$(printf '%s\n' "${wall[@]}" | sort -n | head -1)
    max=$(printf '%s\n' "${wall[@]}" | sort -n | tail -1)
    q=$(sed -n 's/^query: \([0-9.]*\) ms.*/\1/p' "$work/query-ms" | median)
    printf '%-8s backup list %s --env dev (%s rows): median %.1f ms wall (min %.1f, max %.1f, %d runs); catalog query median %s ms\n' \
        "$label" "$site" "$rows" "$(echo "$med / 1000" | bc -l)" "$(echo "$min / 1000" | bc -l)" \
        "$(echo "$max / 1000" | bc -l)" "$runs" "$q"
}

generate_sql >"$work/fill.sql"
echo "generated $(grep -c '^(' "$work/fill.sql") backup rows over $sites sites"

# --- SQLite (the embedded default under CREODROP_HOME)
export CREODROP_HOME=$work/home
unset CREODROP_CATALOG CREODROP_CATALOG_PASSWORD
"$cli" site list >/dev/null # creates and migrates the catalog
t0=$(date +%s%N)
sqlite3 "$CREODROP_HOME/catalog.sqlite" <"$work/fill.sql"
sqlite3 "$CREODROP_HOME/catalog.sqlite" "ANALYZE;"
echo "sqlite: filled in $((($(date +%s%N) - t0) / 1000000)) ms"
measure sqlite

# --- MariaDB (a shared team catalog)
if [ -n "${CREODROP_TEST_MYSQL_PORT:-}" ]; then
    db=creodrop_bench_$$
    export MYSQL_PWD=$CREODROP_TEST_MYSQL_PASSWORD
    mysql_cli=(mariadb --no-defaults -h "$CREODROP_TEST_MYSQL_HOST" -P "$CREODROP_TEST_MYSQL_PORT" -u "$CREODROP_TEST_MYSQL_USER")
    "${mysql_cli[@]}" -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4"
    export CREODROP_CATALOG="mysql://$CREODROP_TEST_MYSQL_USER@$CREODROP_TEST_MYSQL_HOST:$CREODROP_TEST_MYSQL_PORT/$db"
    export CREODROP_CATALOG_PASSWORD=$CREODROP_TEST_MYSQL_PASSWORD
    "$cli" site list >/dev/null
    t0=$(date +%s%N)
    "${mysql_cli[@]}" "$db" <"$work/fill.sql"
    "${mysql_cli[@]}" "$db" -e "ANALYZE TABLE backups" >/dev/null
    echo "mariadb: filled in $((($(date +%s%N) - t0) / 1000000)) ms"
    measure mariadb
    "${mysql_cli[@]}" -e "DROP DATABASE $db"
    unset MYSQL_PWD
else
    echo "mariadb: skipped (CREODROP_TEST_MYSQL_* not set)"
fi
