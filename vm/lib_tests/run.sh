#!/bin/sh
# Run every vm/lib_tests/test_*.py under CPython (python3, 3.11 is the
# reference).  Each script loads the vm/lib modules through harness.py, which
# shadows CPython's modules of the same names only while they are imported,
# and compares them with CPython's own.  Exit status is non-zero if any fails.
#   vm/lib_tests/run.sh              # all tests
#   vm/lib_tests/run.sh random copy  # only test_random.py and test_copy.py
cd "$(dirname "$0")" || exit 1
PYTHON=${PYTHON:-python3}
status=0
if [ $# -eq 0 ]; then
    set -- $(ls test_*.py | sed 's/^test_//; s/\.py$//')
fi
for name in "$@"; do
    if ! PYTHONPATH= "$PYTHON" -X dev -W ignore::DeprecationWarning "test_$name.py"; then
        status=1
    fi
done
exit $status
