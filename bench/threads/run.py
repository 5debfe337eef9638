#!/usr/bin/env python3
"""Run the threaded benchmarks at several thread counts and compare scaling.

Each bench/threads/*.py program does a fixed total amount of work split
across T threads (T is its first argument). For every program and every T
this runs three modes in turn -- Skein free-threaded, Skein with --gil, and
CPython -- rotating through them run by run, N runs each. Every run must
print the same checksum as the reference (CPython at T=1, or the first mode
listed when CPython is not run); failures and mismatches are marked and that
mode is not timed further for the program. Prints a Markdown table of the
median wall time per mode and the speed-up over the same mode at T=1.

Usage: python3 bench/threads/run.py [--skein PATH] [--python CMD] [--runs N]
           [--max-threads N | --threads 1,2,4] [--modes skein,skein-gil,cpython]
           [--gil-args ARGS] [--filter a,b] [--json out.json]
See docs/benchmarks.md.
"""

import argparse
import json
import os
import shlex
import sys

THREADS_DIR = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.path.dirname(THREADS_DIR)
REPO = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)

import _harness as h  # noqa: E402

MODES = ("skein", "skein-gil", "cpython")
LABELS = {"skein": "Skein", "skein-gil": "Skein --gil", "cpython": "CPython"}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--skein", default=os.path.join(REPO, "target", "release", "skein"),
                   help="Skein binary (default: target/release/skein)")
    p.add_argument("--python", default="python3", help="CPython to compare with")
    p.add_argument("--gil-args", default="--gil",
                   help="arguments that put Skein in GIL mode (default: --gil)")
    p.add_argument("--modes", default=",".join(MODES),
                   help="comma-separated subset of %s" % ",".join(MODES))
    p.add_argument("--runs", type=int, default=5, help="runs per mode and T (default 5)")
    p.add_argument("--max-threads", type=int, default=os.cpu_count() or 2,
                   help="largest T (default: os.cpu_count())")
    p.add_argument("--threads", default="",
                   help="explicit comma-separated thread counts (overrides --max-threads)")
    p.add_argument("--filter", default="", help="comma-separated name substrings")
    p.add_argument("--json", metavar="FILE", help="also write raw results as JSON")
    p.add_argument("--timeout", type=float, default=300.0,
                   help="seconds before a run is killed (default 300)")
    args = p.parse_args()
    if args.runs < 1:
        p.error("--runs must be at least 1")
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in args.modes if m not in MODES]
    if bad or not args.modes:
        p.error("unknown mode(s) %s; choose from %s" % (bad, ",".join(MODES)))
    if args.threads:
        counts = sorted({int(t) for t in args.threads.split(",") if t.strip()})
    else:
        counts = thread_counts(args.max_threads)
    if not counts or counts[0] < 1:
        p.error("thread counts must be positive")
    if counts[0] != 1:
        counts.insert(0, 1)  # speed-up is measured against T=1
    args.counts = counts
    return args


def thread_counts(max_threads):
    """1, 2, then powers of two up to max_threads, and max_threads itself."""
    counts = [1, 2]
    t = 4
    while t <= max_threads:
        counts.append(t)
        t *= 2
    if max_threads > counts[-1]:
        counts.append(max_threads)
    return counts


def new_entry():
    return {"status": "ok", "times": [], "rss_kib": [], "failure": None}


def bench_program(name, cmds, args):
    """Measure one program at every T in every mode."""
    script = os.path.join(THREADS_DIR, name + ".py")
    ref_mode = "cpython" if "cpython" in args.modes else args.modes[0]
    res = {"program": name, "expected": None, "by_threads": {}}
    broken = set()  # modes that failed once: not timed again for this program
    for t in args.counts:
        per_t = {m: new_entry() for m in args.modes}
        res["by_threads"][t] = per_t
        if t != args.counts[0] and res["expected"] is None:
            # The reference failed at T=1: nothing further can be checked.
            for m in args.modes:
                per_t[m]["status"] = "no reference"
            continue
        for m in broken:
            per_t[m]["status"] = "skipped"
        order = [ref_mode] + [m for m in args.modes if m != ref_mode]
        for _ in range(args.runs):
            for m in order:
                if m in broken:
                    continue
                run = h.run_once(cmds[m] + [script, str(t)], args.timeout, cwd=REPO)
                if res["expected"] is None and m == ref_mode and run.ok:
                    res["expected"] = run.checksum
                h.check_against(run, res["expected"])
                entry = per_t[m]
                if run.ok:
                    entry["times"].append(run.wall)
                    entry["rss_kib"].append(run.rss_kib)
                else:
                    entry["status"] = run.status
                    entry["failure"] = {"status": run.status, "run": run,
                                        "stdout": h.short(run.checksum, 300),
                                        "stderr": run.stderr}
                    broken.add(m)
            if res["expected"] is None:
                break  # the reference failed: nothing can be checked
    return res


def cell_time(entry):
    if entry["status"] != "ok":
        return "**%s**" % entry["status"].upper()
    return h.fmt(h.median(entry["times"]), 3)


def main():
    args = parse_args()
    python = h.resolve(args.python, "CPython") if "cpython" in args.modes else None
    skein = None
    if "skein" in args.modes or "skein-gil" in args.modes:
        skein = h.resolve(args.skein, "Skein")
    cmds = {"skein": [skein], "skein-gil": [skein] + shlex.split(args.gil_args),
            "cpython": [python]}
    names = h.programs_in(THREADS_DIR, args.filter)
    if not names:
        sys.exit("error: no benchmark matches --filter %r" % args.filter)

    print("modes: %s\nthread counts: %s\nruns: %d each, rotating modes\n"
          % (", ".join(" ".join(map(str, cmds[m])) for m in args.modes),
             ", ".join(map(str, args.counts)), args.runs), file=sys.stderr)
    results = []
    for name in names:
        print("running %s ..." % name, file=sys.stderr, flush=True)
        results.append(bench_program(name, cmds, args))

    header = ["program", "T"]
    for m in args.modes:
        header += [LABELS[m] + " s", "speed-up"]
    if "skein" in args.modes and "cpython" in args.modes:
        header.append("Skein/CPython")
    rows = []
    for res in results:
        base = {m: h.median(res["by_threads"][1][m]["times"])
                if res["by_threads"][1][m]["status"] == "ok" else None for m in args.modes}
        for t in args.counts:
            per_t = res["by_threads"][t]
            row = [res["program"], str(t)]
            med = {}
            for m in args.modes:
                entry = per_t[m]
                med[m] = h.median(entry["times"]) if entry["status"] == "ok" else None
                entry["median"] = med[m]
                speed = base[m] / med[m] if base[m] and med[m] else None
                entry["speedup"] = speed
                row += [cell_time(entry), h.fmt(speed, 2, "x")]
            if "skein" in args.modes and "cpython" in args.modes:
                ratio = med["skein"] / med["cpython"] if med["skein"] and med["cpython"] else None
                row.append(h.fmt(ratio, 2, "x"))
            rows.append(row)
    print(h.table(header, rows))
    print("\nspeed-up = median time at T=1 / median time at T, same mode; "
          "the total work is the same at every T.")

    failures = []
    for res in results:
        for t in args.counts:
            for m in args.modes:
                f = res["by_threads"][t][m]["failure"]
                if f:
                    failures.append(h.describe_failure(
                        "%s, T=%d, %s" % (res["program"], t, LABELS[m]), f["run"],
                        res["expected"]))
    if failures:
        print("\nFailures (not timed; that mode is skipped at larger T):\n")
        print("\n".join(failures))

    if args.json:
        for res in results:
            for per_t in res["by_threads"].values():
                for entry in per_t.values():
                    if entry["failure"]:
                        del entry["failure"]["run"]
        doc = {"commands": {m: cmds[m] for m in args.modes}, "runs": args.runs,
               "thread_counts": args.counts, "results": results}
        with open(args.json, "w") as fh:
            json.dump(doc, fh, indent=2)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
