#!/usr/bin/env bash
# The whole test suite, as `make test` runs it: unit tests (cmocka) and API tests (node's test
# runner against the real binary) on the release build, then the same again under
# AddressSanitizer + UndefinedBehaviorSanitizer with leak detection. Ends with one line:
# "N passed, M failed".
set -u
cd "$(dirname "$0")/.."
pass=0; fail=0
log=$(mktemp -d)

count() { # $1: log file; adds its "X passed, Y failed" or node's "# pass/# fail" to the totals
    local p f
    p=$(sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$1" | tail -1)
    f=$(sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$1" | tail -1)
    if [ -z "$p" ]; then
        p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$1" | tail -1)
        f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$1" | tail -1)
    fi
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
    if [ -z "$p" ] && [ -z "$f" ]; then fail=$((fail + 1)); echo "(no result from $1)"; fi
}

suite() { # $1: label, $2: make variables
    local label=$1; shift
    echo "== build ($label)"
    if ! make -s "$@" all >"$log/build-$label" 2>&1; then
        cat "$log/build-$label"; fail=$((fail + 1)); return
    fi
    local bin
    bin=$(make -s "$@" print-bin)
    echo "== unit tests ($label)"
    make -s "$@" unit 2>&1 | tee "$log/unit-$label" | grep -E '^\[  (FAILED|  OK  ) \]|^unit:|FAILED' | grep -v '  OK  ' || true
    count "$log/unit-$label"
    echo "== API tests ($label)"
    (cd tests/api && TRIENKHAI_BIN="$PWD/../../$bin" node --test --test-concurrency=2 ./*.test.mjs) \
        >"$log/api-$label" 2>&1
    grep -E '^not ok|^# (pass|fail)' "$log/api-$label" || true
    grep -B2 -A30 '^not ok' "$log/api-$label" | head -200 || true
    count "$log/api-$label"
}

web() { # the browser tests, against the release binary
    [ -f tests/web/package.json ] || return 0
    echo "== web tests (release, Chromium)"
    (cd tests/web && npm ci --no-audit --no-fund --loglevel=error >/dev/null &&
        TRIENKHAI_BIN="$PWD/../../build/release/trienkhai" node --test --test-concurrency=1 ./*.test.mjs) \
        >"$log/web" 2>&1
    grep -E '^not ok|^# (pass|fail)' "$log/web" || true
    grep -B2 -A30 '^not ok' "$log/web" | head -200 || true
    count "$log/web"
}

fuzz() { # a short libFuzzer pass over every target, and every kept reproducer once more
    echo "== fuzz (10 s per target, then the kept reproducers)"
    local p=0 f=0
    if make -s fuzz-smoke >"$log/fuzz" 2>&1; then p=$((p + 1)); else f=$((f + 1)); cat "$log/fuzz"; fi
    if make -s fuzz-replay >"$log/replay" 2>&1; then p=$((p + 1)); else f=$((f + 1)); cat "$log/replay"; fi
    grep -E '^  (FUZZ|REPLAY)|cov' "$log/fuzz" "$log/replay" | tail -20 || true
    pass=$((pass + p)); fail=$((fail + f))
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=23
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp"
suite release
web
suite asan SANITIZER=address
fuzz
rm -rf "$log"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
