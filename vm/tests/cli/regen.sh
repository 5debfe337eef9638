#!/usr/bin/env bash
# Regenerates the expectations of the command-line cases from CPython 3.11.
# Each case <name>.args holds the arguments (one per line) and <name>.stdin
# what is piped in; this writes <name>.out, <name>.err and <name>.code from
# `python3`. vm/tests/cli.rs runs the same cases under Skein and compares.
set -euo pipefail
cd "$(dirname "$0")"
for args in *.args; do
    name="${args%.args}"
    mapfile -t argv < "$args"
    set +e
    env -i PATH="$PATH" PYTHONHASHSEED=0 PYTHONUTF8=1 LC_ALL=C.UTF-8 \
        "${PYTHON:-python3}" "${argv[@]}" < "$name.stdin" > "$name.out" 2> "$name.err"
    echo $? > "$name.code"
    set -e
done
