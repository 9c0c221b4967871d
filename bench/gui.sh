#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GUI responsiveness, timed inside the real window (tests/gui/GuiDemoTool.cpp):
#  - opening a site page with 100,000 backups in the catalog          target < 100 ms
#  - switching the environment filter on that page                    target <  30 ms
#  - the longest GUI-thread stall while a 1 GiB backup runs           target <  50 ms
# Uses the MariaDB of scripts/services (started in a private folder unless CREODROP_TEST_MYSQL_*
# are already set) and a local-folder store in a temporary CREODROP_HOME.
#   bench/gui.sh [BUILD_DIR] [--backups N] [--backup-mb M]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
shift || true
cmake --build "$BUILD" --target creodrop-gui-demo >/dev/null

STARTED=""
if [ -z "${CREODROP_TEST_MYSQL_PORT:-}" ]; then
    SERVICES_DIR="$(mktemp -d /tmp/creodrop-bench-gui.XXXXXX)"
    "$ROOT/scripts/services" start "$SERVICES_DIR" >&2
    # shellcheck disable=SC1091
    . "$SERVICES_DIR/env.sh"
    STARTED="$SERVICES_DIR"
fi
cleanup() { if [ -n "$STARTED" ]; then "$ROOT/scripts/services" stop "$STARTED" >&2 || true; fi; }
trap cleanup EXIT

QT_QPA_PLATFORM=offscreen "$BUILD/tests/gui/creodrop-gui-demo" bench "$@"
