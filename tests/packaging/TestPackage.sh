#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# TestPackage: the Debian package, built by CPack from this build tree, installs and runs.
#   TestPackage.sh BUILD_DIR VERSION
# Choice: the package is made from the test build's binaries (cpack on BUILD_DIR, which strips
# them) rather than from a fresh Release build, so the test adds about a minute to scripts/test
# instead of a second full build; scripts/package makes the release .deb the same way from its
# own Release build, and runs lintian on it too.
# Checks, in order: control fields; `cmake --install --strip` lays out the same tree; the files
# a support team needs (stripped executables, desktop entry, icons, metainfo, man pages, the
# worker unit not enabled, copyright, changelog.gz); both programs run from a clean root made
# with `dpkg-deb -x` (--version, --help, the console on the offscreen platform); German and
# French translations load; `man -l` renders both pages without warnings and the CLI page has
# every command of --help; desktop-file-validate, appstreamcli and lintian find nothing (the
# lintian tags allowed below say why each is acceptable).
# Exit 77 (skipped) when the tools are missing, unless CREODROP_REQUIRE_SERVICES=1 (scripts/test),
# where that is a failure: scripts/install-deps --with-package installs them.
set -euo pipefail

build=${1:?usage: TestPackage.sh BUILD_DIR VERSION}
version=${2:?usage: TestPackage.sh BUILD_DIR VERSION}

# Lintian tags accepted on this package, each with its reason. Anything else at warning or error
# level fails the test.
declare -A allowed_lintian=(
    # The test build is RelWithDebInfo without dpkg-buildflags; scripts/package builds the
    # release .deb with Debian's hardening flags. (Info level today; listed in case it rises.)
    [hardening-no-fortify-functions]="test build lacks dpkg-buildflags (scripts/package sets them)"
    [hardening-no-bindnow]="test build lacks dpkg-buildflags (scripts/package sets them)"
    [hardening-no-relro]="test build lacks dpkg-buildflags (scripts/package sets them)"
)

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
ok() { printf 'ok: %s\n' "$*"; }

for tool in cpack dpkg-deb dpkg-parsechangelog fakeroot lintian desktop-file-validate appstreamcli man file readelf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        [ "${CREODROP_REQUIRE_SERVICES:-}" = 1 ] && fail "$tool is missing: run scripts/install-deps --with-package"
        echo "SKIP: $tool is missing (scripts/install-deps --with-package installs it)"
        exit 77
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/creodrop-package-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The programs under test never touch the tester's settings, catalog or storage.
export CREODROP_HOME="$work/home"
unset CREODROP_CATALOG CREODROP_CATALOG_PASSWORD CREODROP_S3_ENDPOINT CREODROP_S3_REGION CREODROP_S3_BUCKET \
    CREODROP_S3_ACCESS_KEY_ID CREODROP_S3_SECRET_ACCESS_KEY MYSQL_PWD

# --- build the package from this tree ----------------------------------------------------------
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/cpack" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
fi
deb=$(ls "$work"/cpack/*.deb)
[ "$(basename "$deb")" = "creodrop-backups_${version}_$(dpkg --print-architecture).deb" ] \
    || fail "unexpected package name $(basename "$deb")"
ok "built $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# --- control fields ------------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = creodrop-backups ] || fail "Package is $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version is $(field Version), project(VERSION) is $version"
[ "$(field Section)" = admin ] || fail "Section is $(field Section), not admin"
depends=$(field Depends)
for dep in libqt6sql6-mysql libqt6sql6-sqlite libqt6svg6 libsecret-1-0 libqt6core6 libqt6widgets6 libqt6keychain1 libc6; do
    [[ ", $depends," == *", $dep"[\ ,]* ]] || fail "Depends lacks $dep: $depends"
done
description_lines=$(dpkg-deb -f "$deb" Description | wc -l)
[ "$description_lines" -ge 5 ] || fail "the extended description is missing ($description_lines lines)"
ok "control: section admin, computed Depends with the SQL and SVG plugins, extended description"

# --- the tree ------------------------------------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
(cd "$root" && find . -type f -o -type l | sed 's|^\./||' | sort) >"$work/deb-files"
DESTDIR="$work/install" cmake --install "$build" --prefix /usr --strip >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "cmake --install failed"; }
(cd "$work/install" && find . -type f -o -type l | sed 's|^\./||' | sort) >"$work/install-files"
diff -u "$work/deb-files" "$work/install-files" >&2 || fail "cmake --install lays out another tree than the package"
ok "cmake --install --strip lays out the package's tree ($(wc -l <"$work/deb-files") files)"

expected=(
    usr/bin/creodrop-backups
    usr/bin/creodrop-backupctl
    usr/share/applications/creodrop-backups.desktop
    usr/share/metainfo/io.creodrop.Backups.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/creodrop-backups.svg
    usr/share/man/man1/creodrop-backups.1.gz
    usr/share/man/man1/creodrop-backupctl.1.gz
    usr/lib/systemd/system/creodrop-backup-worker.service
    usr/share/doc/creodrop-backups/copyright
    usr/share/doc/creodrop-backups/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/creodrop-backups.png")
done
for f in "${expected[@]}"; do
    [ -f "$root/$f" ] || fail "the package lacks $f"
done
for size in 16 22 24 32 48 64 128 256; do
    file -b "$root/usr/share/icons/hicolor/${size}x${size}/apps/creodrop-backups.png" | grep -q "PNG image data, $size x $size," \
        || fail "the ${size}x${size} icon is not a $size px PNG"
done
for exe in creodrop-backups creodrop-backupctl; do
    readelf -S "$root/usr/bin/$exe" | grep -q '\.debug_\|\.symtab' && fail "usr/bin/$exe is not stripped"
    [ "$(du -k "$root/usr/bin/$exe" | cut -f1)" -lt 15000 ] || fail "usr/bin/$exe is larger than 15 MB"
done
# Installed, not enabled: no wants/ links, no maintainer script that enables or starts it.
[ ! -e "$root/etc/systemd" ] || fail "the package enables something under etc/systemd"
mkdir "$work/control"
dpkg-deb -e "$deb" "$work/control"
if cat "$work/control"/*inst "$work/control"/*rm 2>/dev/null | grep -Eq 'systemctl|deb-systemd'; then
    fail "a maintainer script enables or starts the worker"
fi
grep -q '^ExecStart=/usr/bin/creodrop-backupctl worker' "$root/usr/lib/systemd/system/creodrop-backup-worker.service" \
    || fail "the worker unit does not start the installed creodrop-backupctl"
head -1 "$root/usr/share/doc/creodrop-backups/copyright" \
    | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
    || fail "copyright is not machine-readable (DEP-5)"
zcat "$root/usr/share/doc/creodrop-backups/changelog.gz" >"$work/changelog"
[ "$(dpkg-parsechangelog -l "$work/changelog" -S Version)" = "$version" ] \
    || fail "changelog.gz's newest entry is not $version"
[ "$(dpkg-parsechangelog -l "$work/changelog" -S Source)" = creodrop-backups ] || fail "changelog.gz names another package"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/io.creodrop.Backups.metainfo.xml" \
    || fail "the AppStream metainfo has no release $version"
ok "files: stripped executables, desktop entry, icons, metainfo, man pages, worker unit (not enabled), DEP-5 copyright, changelog $version"

# --- run from the clean root ---------------------------------------------------------------------
cli="$root/usr/bin/creodrop-backupctl"
gui="$root/usr/bin/creodrop-backups"
out=$("$cli" --version) || fail "creodrop-backupctl --version failed"
[[ "$out" == "creodrop-backupctl $version (Qt "* ]] || fail "creodrop-backupctl --version says: $out"
"$cli" --help >"$work/cli-help" || fail "creodrop-backupctl --help failed"
grep -q '^Usage: creodrop-backupctl <command>' "$work/cli-help" || fail "creodrop-backupctl --help: $(head -3 "$work/cli-help")"
out=$(QT_QPA_PLATFORM=offscreen "$gui" --version 2>"$work/gui-version.err") \
    || fail "creodrop-backups --version failed: $(cat "$work/gui-version.err")"
[[ "$out" == *"$version"* ]] || fail "creodrop-backups --version says: $out"
ok "creodrop-backupctl --version: $("$cli" --version); --help; creodrop-backups --version: $out"

# The console itself: it must come up (open its catalog, the first thing its service does) and
# keep running until told to stop.
status=0
QT_QPA_PLATFORM=offscreen timeout -s TERM 20 "$gui" >"$work/gui.log" 2>&1 || status=$?
[ "$status" = 124 ] || { cat "$work/gui.log" >&2; fail "the console exited with $status before it was stopped"; }
[ -s "$CREODROP_HOME/catalog.sqlite" ] || { cat "$work/gui.log" >&2; fail "the console did not open its catalog"; }
ok "the console runs on the offscreen platform (catalog opened, stopped after 20 s)"

# Translations compiled into the installed binary: the console's --help is translated.
for lang in de:Creodrop-Backups-Verwaltungskonsole "fr:Console d'administration Creodrop Backups"; do
    code=${lang%%:*}
    text=${lang#*:}
    locale="${code}_$(echo "$code" | tr a-z A-Z).UTF-8"
    out=$(LANGUAGE="$code" LC_ALL="$locale" LANG="$locale" QT_QPA_PLATFORM=offscreen "$gui" --help 2>/dev/null) \
        || fail "creodrop-backups --help failed in $locale"
    [[ "$out" == *"$text"* ]] || fail "no $code translation in creodrop-backups --help: $out"
done
ok "German and French translations load"

# --- manual pages --------------------------------------------------------------------------------
for page in creodrop-backupctl creodrop-backups; do
    file="$root/usr/share/man/man1/$page.1.gz"
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$file" 2>&1 >"$work/$page.txt") \
        || fail "man -l $page failed: $warnings"
    [ -z "$warnings" ] || fail "man -l $page warns: $warnings"
    grep -q "^NAME" "$work/$page.txt" || fail "man -l $page renders no NAME section"
    grep -q "$version" "$work/$page.txt" || fail "man page $page does not name version $version"
done
# Every command synopsis of --help is in the CLI's page (whitespace folded, as man fills lines).
man_text=$(tr -s ' \n' '  ' <"$work/creodrop-backupctl.txt" | sed 's/‐/-/g')
while IFS= read -r synopsis; do
    [[ "$man_text" == *"$synopsis"* ]] || fail "the man page lacks '$synopsis' (creodrop-backupctl --help lists it)"
done < <(grep -E '^               [a-z]' "$work/cli-help" | sed 's/^ *//')
for group in storage dump load; do
    "$cli" "$group" --help >"$work/$group-help"
    for option in $(grep -oE -- '--[a-z][a-z-]+' "$work/$group-help" | sort -u); do
        [[ "$man_text" == *"$option"* ]] || fail "the man page lacks $group's $option"
    done
done
# The console's page is written by hand: it must still name every option of its --help.
QT_QPA_PLATFORM=offscreen "$gui" --help >"$work/gui-help" 2>/dev/null
gui_man=$(tr -s ' \n' '  ' <"$work/creodrop-backups.txt" | sed 's/‐/-/g')
for option in $(grep -oE -- '(^| )--?[a-z][a-z-]*' "$work/gui-help" | tr -d ' ' | sort -u); do
    [[ "$gui_man" == *"$option"* ]] || fail "creodrop-backups(1) lacks $option (creodrop-backups --help lists it)"
done
ok "man -l renders both pages without warnings; every command and option of --help is documented"

# --- validators ----------------------------------------------------------------------------------
out=$(desktop-file-validate "$root/usr/share/applications/creodrop-backups.desktop" 2>&1) \
    || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate hints: $out"
out=$(appstreamcli validate --no-net "$root/usr/share/metainfo/io.creodrop.Backups.metainfo.xml" 2>&1) \
    || fail "appstreamcli validate: $out"
ok "desktop-file-validate and appstreamcli validate --no-net pass"

lintian --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 || true
findings=0
while IFS= read -r line; do
    tag=$(echo "$line" | sed -E 's/^[EW]: [^ ]+( [a-z]+)?: ([^ ]+).*/\2/')
    if [ -n "${allowed_lintian[$tag]:-}" ]; then
        echo "lintian (allowed: ${allowed_lintian[$tag]}): $line"
    else
        echo "lintian: $line" >&2
        findings=$((findings + 1))
    fi
done < <(grep -E '^[EW]: ' "$work/lintian.txt")
[ "$findings" = 0 ] || fail "lintian: $findings errors or warnings"
ok "lintian: no errors or warnings ($(grep -c '^[IP]: ' "$work/lintian.txt" || true) info/pedantic notes)"
sed 's/^/    /' "$work/lintian.txt"
