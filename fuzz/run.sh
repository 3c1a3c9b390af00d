#!/bin/sh
# Runs libFuzzer targets one after the other for a bounded time each and prints one line per
# target (executions per second, coverage, corpus size, crash). Called by fuzz/fuzz.mk.
#   fuzz/run.sh BUILD_DIR SECONDS TARGET...
# Each target reads the committed seeds (fuzz/corpus/<t>, never written) and grows a scratch
# corpus in BUILD_DIR/corpus/<t>, kept between runs. A crash, leak or timeout is written to
# fuzz/crashes/<t>/ and makes the script exit 1 once every target has run.
set -u
dir=$1 seconds=$2
shift 2

# Largest input worth trying, per target: a period label is short, an export document is not.
max_len() {
    case $1 in
    period) echo 256 ;;
    search_query) echo 600 ;;
    text) echo 4096 ;;
    import) echo 65536 ;;
    *) echo 16384 ;;
    esac
}

failed=0
summary=""
for t in "$@"; do
    mkdir -p "$dir/corpus/$t" "$dir/logs" "fuzz/crashes/$t" "fuzz/corpus/$t"
    log="$dir/logs/$t.log"
    dict=""
    [ -f "fuzz/dict/$t.dict" ] && dict="-dict=fuzz/dict/$t.dict"
    echo "  FUZZ $t for ${seconds}s (log: $log)"
    # shellcheck disable=SC2086
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
        "$dir/$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz/crashes/$t/" $dict \
        "$dir/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    # The last status line libFuzzer printed: "#123 DONE cov: 1 ft: 2 corp: 3/4b … exec/s: 5"
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    outcome=ok
    if [ "$rc" -ne 0 ]; then
        failed=1
        outcome="CRASH (exit $rc): $(grep -m1 -E 'ERROR: |runtime error|property failed|Test unit written' "$log")"
        echo "  FUZZ $t failed; first lines of the report:" >&2
        grep -m1 -A12 -E '==ERROR|runtime error|property failed|ERROR: libFuzzer' "$log" >&2
    fi
    summary="$summary$(printf '%-13s %9s exec, %6s exec/s, cov %6s, corpus %10s, rss %5s MB, %s' \
        "$t" "${execs:-?}" "${eps:-?}" "${cov:-?}" "${corp:-?}" "${rss:-?}" "$outcome")
"
done
printf '\n%s' "$summary"
exit $failed
