#!/usr/bin/env bash
# Runs each cmocka unit-test binary given; prints their output and, last, "unit: P passed, F failed".
set -u
pass=0; fail=0
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
    # A binary that crashed or leaked counts as one failure even if cmocka said nothing.
    if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then fail=$((fail + 1)); echo "FAILED: $t exited $rc"; fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
