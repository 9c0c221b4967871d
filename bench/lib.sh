# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# Shared set-up and helpers of the dump, load and restore benchmarks. Source it after setting
# $here (the project root) and $keep (1 = keep the work folder); it defines functions only.

# Finds the built CLI ($cli) and installs the standard tools the benchmarks compare against.
bench_require_tools() {
    cli=${CREODROP_BUILD_DIR:-$here/build}/src/cli/creodrop-backupctl
    [ -x "$cli" ] || { echo "bench: build the CLI first ($cli missing; set CREODROP_BUILD_DIR)" >&2; exit 1; }
    local tool
    for tool in mydumper myloader mariadb-dump mariadb /usr/bin/time gzip; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "bench: $tool missing, running scripts/install-deps --with-bench" >&2
            "$here/scripts/install-deps" --with-bench
            break
        fi
    done
}

# bench_start_services PREFIX: a private MariaDB and S3 server in a new /tmp/PREFIX.* folder
# ($work), stopped (and the folder removed unless $keep) when the script exits. Sets $sock and
# $user, the option arrays $conn (our CLI) and $my (the mariadb client), and sql() for queries.
bench_start_services() {
    work=$(mktemp -d "/tmp/$1.XXXXXX")
    trap bench_cleanup EXIT
    "$here/scripts/services" start "$work/svc" >/dev/null
    . "$work/svc/env.sh"
    export MYSQL_PWD=$CREODROP_TEST_MYSQL_PASSWORD
    sock=$CREODROP_TEST_MYSQL_SOCKET; user=$CREODROP_TEST_MYSQL_USER
    conn=(--socket "$sock" --user "$user")
    my=(--no-defaults -S "$sock" -u "$user")
}

bench_cleanup() {
    "$here/scripts/services" stop "$work/svc" >/dev/null 2>&1 || true
    if [ "$keep" = 1 ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}

sql() { mariadb "${my[@]}" -N -e "$1"; }

# bench_parse_options "$@": the options every benchmark takes. Set the defaults first: $size,
# $runs, $keep, $help_lines (the sed range of the script's header to print for --help) and, only
# in a script that takes them, $connections and $restart (with $order: --no-restart, --order).
bench_parse_options() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --size-mib) size=$2; shift 2 ;;
            --runs) runs=$2; shift 2 ;;
            --connections)
                [ -n "${connections:-}" ] || { echo "bench: unknown option $1 (see --help)" >&2; exit 2; }
                connections=$2; shift 2 ;;
            --keep) keep=1; shift ;;
            --no-restart|--order)
                [ -n "${restart:-}" ] || { echo "bench: unknown option $1 (see --help)" >&2; exit 2; }
                if [ "$1" = --order ]; then order=1; else restart=0; fi
                shift ;;
            -h|--help) sed -n "$help_lines" "$0"; exit 0 ;;
            *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
        esac
    done
    case "$size$runs${connections:-}" in
        *[!0-9]*|"") echo "bench: --size-mib, --runs and --connections take numbers" >&2; exit 2 ;;
    esac
}

# median NAME: the median of the wall times kept in walls[NAME], two decimals.
median() { tr ' ' '\n' <<<"${walls[$1]}" | grep . | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# ratios NAME_A NAME_B: the ratio within each run (the tools ran next to each other), as a list.
ratios() {
    paste -d' ' <(tr ' ' '\n' <<<"${walls[$1]}" | grep .) <(tr ' ' '\n' <<<"${walls[$2]}" | grep .) \
        | awk '{printf "%s%.2f", (NR > 1 ? "," : ""), $1 / $2}'
}
# checksums DB: every base table with its CHECKSUM TABLE, one per line.
checksums() { sql "SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA='$1' AND TABLE_TYPE='BASE TABLE'" \
    | tr ',' '\n' | while read -r t; do sql "CHECKSUM TABLE \`$1\`.\`$t\`" | awk '{print $2}' | sed "s/^/$t /"; done; }
# Each load leaves dirty pages that InnoDB flushes afterwards; settle flushes them before the next
# tool runs (the server is private) so that no tool pays for its predecessor (at most 60 s).
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
# bench_restart_server: restarts the private MariaDB on its data, so that the next load starts
# from a freshly started server (empty buffer pool and caches) whatever ran before it. Each start
# sets a new password: MYSQL_PWD follows, and $server_pid names the new process.
bench_restart_server() {
    { env -u MYSQL_PWD "$here/scripts/mariadb-server" stop "$work/svc/db" \
        && env -u MYSQL_PWD "$here/scripts/mariadb-server" start "$work/svc/db"; } >"$work/restart.log" 2>&1 \
        || { cat "$work/restart.log" >&2; echo "bench: cannot restart the server" >&2; exit 1; }
    . "$work/svc/db/mariadb.env"
    export MYSQL_PWD=$CREODROP_TEST_MYSQL_PASSWORD
    server_pid=$(cat "$work/svc/db/mysqld.pid")
}
# rotate RUN STEP...: the steps, rotated by RUN, so that no tool always runs first or after the
# same neighbour.
rotate() { local k=$(( $1 % ($# - 1) )); shift; local a=("$@"); echo "${a[@]:$k}" "${a[@]:0:$k}"; }
