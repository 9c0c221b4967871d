# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared set-up of the dump and load benchmarks. Source it after setting $here (the project root)
# and $keep (1 = keep the work folder); it defines functions only.

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
