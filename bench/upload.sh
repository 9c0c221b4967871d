#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Creodrop
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Upload benchmark: 1 GiB through `creodrop-backupctl storage put` vs `/usr/bin/aws s3 cp`, to the
# same S3 test server in the same run, both under /usr/bin/time -v. Prints the wall-time ratio
# and both peak RSS figures, and checks ours against (parts in flight + 1) x part size + 40 MiB.
# Builds nothing: the CLI comes from $CREODROP_BUILD_DIR (default build/).
#   bench/upload.sh [SIZE_MIB]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${CREODROP_BUILD_DIR:-$root/build}
cli="$build/src/cli/creodrop-backupctl"
size_mib=${1:-1024}
[ -x "$cli" ] || { echo "upload.sh: $cli not found; build first (or set CREODROP_BUILD_DIR)" >&2; exit 1; }
[ -x /usr/bin/aws ] || { echo "upload.sh: /usr/bin/aws (awscli v2) is required" >&2; exit 1; }

work=$(mktemp -d /tmp/creodrop-bench.XXXXXX)
cleanup() { "$root/scripts/services" stop "$work/svc" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$root/scripts/services" start "$work/svc" >/dev/null
. "$work/svc/env.sh"

head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/data.bin"
want=$(sha256sum "$work/data.bin" | cut -d' ' -f1)

export CREODROP_S3_ENDPOINT=$CREODROP_TEST_S3_ENDPOINT CREODROP_S3_REGION=$CREODROP_TEST_S3_REGION \
    CREODROP_S3_BUCKET=$CREODROP_TEST_S3_BUCKET CREODROP_S3_ACCESS_KEY_ID=$CREODROP_TEST_S3_ACCESS_KEY_ID \
    CREODROP_S3_SECRET_ACCESS_KEY=$CREODROP_TEST_S3_SECRET_ACCESS_KEY CREODROP_HOME="$work/home"
/usr/bin/time -v "$cli" storage put "$work/data.bin" bench/ours.bin >"$work/ours.out" 2>"$work/ours.time" \
    || { grep -v '^\s' "$work/ours.time" >&2; echo "upload.sh: creodrop-backupctl storage put failed" >&2; exit 1; }
got=$(cut -d' ' -f1 "$work/ours.out")
[ "$got" = "$want" ] || { echo "upload.sh: our SHA-256 $got != $want" >&2; exit 1; }

AWS_ACCESS_KEY_ID=$CREODROP_TEST_S3_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$CREODROP_TEST_S3_SECRET_ACCESS_KEY \
AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
    /usr/bin/time -v /usr/bin/aws --endpoint-url "$CREODROP_TEST_S3_ENDPOINT" --region us-east-1 \
    s3 cp --only-show-errors "$work/data.bin" "s3://$CREODROP_TEST_S3_BUCKET/bench/aws.bin" 2>"$work/aws.time" \
    || { cat "$work/aws.time" >&2; echo "upload.sh: aws s3 cp failed" >&2; exit 1; }

wall() { # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34" -> seconds
    grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}' | awk -F: '{ s=0; for (i=1;i<=NF;i++) s=s*60+$i; print s }'
}
rss() { grep 'Maximum resident set size' "$1" | awk '{print $NF}'; }
ours_wall=$(wall "$work/ours.time"); aws_wall=$(wall "$work/aws.time")
ours_rss=$(rss "$work/ours.time"); aws_rss=$(rss "$work/aws.time")
parts_in_flight=4; part_mib=$(( size_mib > 51200 ? (size_mib + 9999) / 10000 : 5 ))
limit_kib=$(( ((parts_in_flight + 1) * part_mib + 40) * 1024 ))
printf 'size: %d MiB\n' "$size_mib"
printf 'creodrop put : %6.2f s  peak RSS %6d KiB\n' "$ours_wall" "$ours_rss"
printf 'aws s3 cp    : %6.2f s  peak RSS %6d KiB\n' "$aws_wall" "$aws_rss"
printf 'wall-time ratio (ours / aws): %.2f (target <= 1.0)\n' "$(echo "$ours_wall / $aws_wall" | bc -l)"
if [ "$ours_rss" -le "$limit_kib" ]; then
    printf 'RSS check: %d KiB <= %d KiB ((%d+1) x %d MiB + 40 MiB): OK\n' "$ours_rss" "$limit_kib" "$parts_in_flight" "$part_mib"
else
    printf 'RSS check: %d KiB > %d KiB: FAIL\n' "$ours_rss" "$limit_kib"; exit 1
fi
