# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared helpers for the project's scripts. Source it; it defines functions only.

CREODROP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CREODROP_BUILD_DIR=${CREODROP_BUILD_DIR:-$CREODROP_ROOT/build}

say() { printf '%s\n' "$*" >&2; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# True when PID names a live (not zombie) process whose command matches NAME. PID 1 does not
# reap orphans promptly on these machines, so `kill -0` alone would report zombies as alive.
process_alive() {
    local pid=$1 name=$2 stat comm
    [ -n "$pid" ] || return 1
    stat=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ') || return 1
    [ -n "$stat" ] || return 1
    case "$stat" in Z*) return 1 ;; esac
    comm=$(ps -o comm= -p "$pid" 2>/dev/null)
    case "$comm" in *"$name"*) return 0 ;; *) return 1 ;; esac
}

# Ends the process recorded in PIDFILE (if it is still NAME), waiting up to ~10 s before SIGKILL.
stop_pidfile() {
    local pidfile=$1 name=$2 pid i
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile" 2>/dev/null)
    if process_alive "$pid" "$name"; then
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 100); do
            process_alive "$pid" "$name" || break
            sleep 0.1
        done
        if process_alive "$pid" "$name"; then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    rm -f "$pidfile"
}

# A TCP port on 127.0.0.1 that nothing listens on right now (bash's /dev/tcp, no extra tools).
free_port() {
    local port i
    for i in $(seq 1 200); do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

random_secret() {
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

# Configures (once) and builds the project with Ninja, warnings as errors.
build_project() {
    local type=${CMAKE_BUILD_TYPE:-RelWithDebInfo}
    local launcher=()
    # ccache when it is installed: rebuilds of other checkouts (worktrees, CI clones) hit the cache.
    if command -v ccache >/dev/null 2>&1; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$CREODROP_ROOT")} CCACHE_NOHASHDIR=1
    fi
    if [ ! -f "$CREODROP_BUILD_DIR/build.ninja" ]; then
        mkdir -p "$CREODROP_BUILD_DIR"
        cmake -S "$CREODROP_ROOT" -B "$CREODROP_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$type" \
            "${launcher[@]}" \
            -DBUILD_TESTING=ON -DCREODROP_WERROR=ON >"$CREODROP_BUILD_DIR/configure.log" 2>&1 \
            || { cat "$CREODROP_BUILD_DIR/configure.log" >&2; die "cmake configure failed"; }
    fi
    cmake --build "$CREODROP_BUILD_DIR" -j "$(nproc)" || die "build failed"
}
