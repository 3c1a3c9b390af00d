#!/bin/sh
# Where the write path of `trienkhai gen` (resource_create, the path imports use) spends its
# time: a small run under callgrind, then the inclusive cost of each part, as a share of the
# whole run. `make bench-profile` (SCALE=0.01 by default: ~7,500 rows, a few minutes).
#
#   bench/profile-gen.sh [BIN]        SCALE=0.02 bench/profile-gen.sh
set -eu
BIN=${1:-build/release/trienkhai}
SCALE=${SCALE:-0.01}
DIR=${BENCH_DIR:-build/bench}/profile
mkdir -p "$DIR"
rm -f "$DIR"/gen.db* "$DIR"/callgrind.out
command -v valgrind >/dev/null || { echo "profile-gen: valgrind is not installed" >&2; exit 1; }
TRIENKHAI_ADMIN_PASSWORD=profile-password valgrind --tool=callgrind \
    --callgrind-out-file="$DIR/callgrind.out" "$BIN" gen --tier province --db "$DIR/gen.db" \
    --scale "$SCALE" --stats "$DIR/gen.json" >/dev/null 2>"$DIR/valgrind.log" || {
    tail -20 "$DIR/valgrind.log" >&2
    exit 1
}
echo "inclusive instructions, share of the whole run (callgrind, --scale $SCALE):"
callgrind_annotate --inclusive=yes "$DIR/callgrind.out" 2>/dev/null |
    grep -E '^ *[0-9,]+ \( *[0-9.]+%\)  [^ ]+:(resource_create|write_row|store_insert|store_update|store_audit|store_index|store_get|resource_decode|resource_present|task_check|task_update_after_write|text_nfc|text_fold|entry_hash|write_links|rule_org_within|store_org_path|user_check|json_dumps|sqlite3_step) \[' |
    sed -E 's/ \[.*$//; s#/[^ ]*/src/#src/#' | head -40
echo "full output: callgrind_annotate --inclusive=yes $DIR/callgrind.out"
