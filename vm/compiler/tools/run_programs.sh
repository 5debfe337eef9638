#!/bin/sh
# Runs the compiler-stress programs in tools/programs under a skein binary
# and compares their output with CPython 3.11's (the .out files).
# Usage: tools/run_programs.sh path/to/skein
skein=${1:?usage: run_programs.sh SKEIN_BINARY}
cd "$(dirname "$0")/programs" || exit 2
fail=0
for py in *.py; do
    out="${py%.py}.out"
    if "$skein" "$py" 2>&1 | cmp -s - "$out"; then
        echo "ok   $py"
    else
        echo "FAIL $py"
        fail=1
    fi
done
exit $fail
