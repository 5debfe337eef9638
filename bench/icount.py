#!/usr/bin/env python3
"""Instruction counts of the single-thread benchmarks under callgrind.

Wall time on a shared machine is noisy; callgrind's instruction counts are
not. For each program this runs Skein and CPython under
`valgrind --tool=callgrind` with a small argument, subtracts each
interpreter's start-up (`-c pass`) and prints the work ratio and the
geometric mean. Two programs run at a time.

Usage: python3 bench/icount.py SKEIN [--python PATH] [--only a,b]
See docs/performance.md.
"""

import argparse
import concurrent.futures
import math
import os
import re
import shutil
import subprocess

BENCH = os.path.dirname(os.path.abspath(__file__))
ARGS = {"bigint": "2000", "closures": "3", "comprehensions": "30000", "dict_str": "40000",
        "exceptions": "8000", "fannkuch": "8", "float_math": "20000", "generators": "40000",
        "nbody": "8000", "nqueens": "9", "oo_methods": "10000", "richards": "1", "spectral_norm": "40"}


def count(cmd):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                       capture_output=True, text=True, cwd=os.path.dirname(BENCH))
    m = re.search(r"refs:\s+([\d,]+)", r.stderr)
    if not m:
        raise SystemExit(f"no count for {cmd}: {r.stderr[-500:]}")
    return int(m.group(1).replace(",", ""))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("skein")
    # A pyenv shim is a shell script: valgrind must see the real binary.
    p.add_argument("--python", default=shutil.which("python3"))
    p.add_argument("--only", default="")
    a = p.parse_args()
    py = os.path.realpath(subprocess.run([a.python, "-c", "import sys; print(sys.executable)"],
                                         capture_output=True, text=True).stdout.strip())
    names = [n for n in ARGS if not a.only or n in a.only.split(",")]
    base_py, base_sk = count([py, "-c", "pass"]), count([a.skein, "-c", "pass"])

    def one(name):
        script = os.path.join("bench", name + ".py")
        return name, count([py, script, ARGS[name]]) - base_py, count([a.skein, script, ARGS[name]]) - base_sk

    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        rows = list(ex.map(one, names))
    print("| program (arg) | CPython M | Skein M | ratio |\n|:---|---:|---:|---:|")
    for name, c, s in rows:
        print(f"| {name} ({ARGS[name]}) | {c / 1e6:.0f} | {s / 1e6:.0f} | {s / c:.2f} |")
    print("geometric mean of work ratios:", round(math.exp(sum(math.log(s / c) for _, c, s in rows) / len(rows)), 2))


if __name__ == "__main__":
    main()
