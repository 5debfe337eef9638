#!/usr/bin/env python3
"""Run the single-thread benchmarks under Skein and CPython and compare.

For each bench/*.py program the two interpreters run alternately (CPython,
Skein, CPython, Skein, ...) so that slow drift in machine load hits both
alike. Every run's stdout must equal CPython's first one; a Skein run that
fails or prints a different checksum marks the program as failed and Skein
is not timed further for it. Prints a Markdown table of median wall time
and peak RSS, then the geometric mean of the time ratios.

Usage: python3 bench/run.py [--skein PATH] [--python CMD] [--runs N]
                            [--filter a,b] [--json out.json]
See docs/benchmarks.md.
"""

import argparse
import json
import os
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)

import _harness as h  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--skein", default=os.path.join(REPO, "target", "release", "skein"),
                   help="Skein binary (default: target/release/skein)")
    p.add_argument("--python", default="python3", help="CPython to compare with")
    p.add_argument("--runs", type=int, default=5, help="runs per interpreter (default 5)")
    p.add_argument("--filter", default="", help="comma-separated name substrings")
    p.add_argument("--json", metavar="FILE", help="also write raw results as JSON")
    p.add_argument("--timeout", type=float, default=300.0,
                   help="seconds before a run is killed (default 300)")
    p.add_argument("--warmup", type=int, default=0,
                   help="untimed runs of each interpreter first (default 0)")
    args = p.parse_args()
    if args.runs < 1:
        p.error("--runs must be at least 1")
    return args


def bench_one(name, python, skein, args):
    """Measure one program; return a dict for the report and the JSON."""
    script = os.path.join(BENCH_DIR, name + ".py")
    cmds = {"cpython": [python, script], "skein": [skein, script]}
    result = {"program": name, "expected": None,
              "cpython": {"status": "ok", "times": [], "rss_kib": [], "failure": None},
              "skein": {"status": "ok", "times": [], "rss_kib": [], "failure": None}}

    def record(which, run):
        entry = result[which]
        if run.ok:
            entry["times"].append(run.wall)
            entry["rss_kib"].append(run.rss_kib)
        elif entry["status"] == "ok":
            entry["status"] = run.status
            entry["failure"] = {"status": run.status, "stdout": h.short(run.checksum, 300),
                                "stderr": run.stderr, "run": run}

    for _ in range(args.warmup):
        for which in ("cpython", "skein"):
            h.run_once(cmds[which], args.timeout, cwd=REPO)

    for i in range(args.runs):
        for which in ("cpython", "skein"):
            if result[which]["status"] != "ok":
                continue
            run = h.run_once(cmds[which], args.timeout, cwd=REPO)
            if which == "cpython" and i == 0 and run.ok:
                result["expected"] = run.checksum
            h.check_against(run, result["expected"])
            record(which, run)
        if result["cpython"]["status"] != "ok":
            # Without a reference checksum nothing can be judged.
            break
    return result


def summarize(res):
    c, s = res["cpython"], res["skein"]
    out = {"c_time": h.median(c["times"]) if c["status"] == "ok" else None,
           "s_time": h.median(s["times"]) if s["status"] == "ok" else None,
           "c_rss": h.mib(max(c["rss_kib"])) if c["status"] == "ok" else None,
           "s_rss": h.mib(max(s["rss_kib"])) if s["status"] == "ok" else None}
    out["ratio"] = out["s_time"] / out["c_time"] if out["s_time"] and out["c_time"] else None
    out["mem_ratio"] = out["s_rss"] / out["c_rss"] if out["s_rss"] and out["c_rss"] else None
    return out


def status_cell(entry, value, digits):
    if entry["status"] != "ok":
        return "**%s**" % entry["status"].upper()
    return h.fmt(value, digits)


def main():
    args = parse_args()
    python = h.resolve(args.python, "CPython")
    skein = h.resolve(args.skein, "Skein")
    names = h.programs_in(BENCH_DIR, args.filter)
    if not names:
        sys.exit("error: no benchmark matches --filter %r" % args.filter)

    print("Skein: %s\nCPython: %s\nruns: %d each, alternating\n" % (skein, python, args.runs),
          file=sys.stderr)
    results = []
    for name in names:
        print("running %s ..." % name, file=sys.stderr, flush=True)
        res = bench_one(name, python, skein, args)
        res["summary"] = summarize(res)
        results.append(res)

    rows = []
    for res in results:
        c, s, m = res["cpython"], res["skein"], res["summary"]
        rows.append([res["program"], status_cell(c, m["c_time"], 3), status_cell(s, m["s_time"], 3),
                     h.fmt(m["ratio"], 2, "x"), status_cell(c, m["c_rss"], 1),
                     status_cell(s, m["s_rss"], 1), h.fmt(m["mem_ratio"], 2, "x")])
    print(h.table(["program", "CPython s", "Skein s", "Skein/CPython", "CPython MiB",
                   "Skein MiB", "mem ratio"], rows))

    ratios = [r["summary"]["ratio"] for r in results if r["summary"]["ratio"]]
    mem_ratios = [r["summary"]["mem_ratio"] for r in results if r["summary"]["mem_ratio"]]
    gm, gm_mem = h.geomean(ratios), h.geomean(mem_ratios)
    print()
    print("Geometric mean of time ratios (Skein/CPython): %s over %d of %d programs"
          % (h.fmt(gm, 3, "x"), len(ratios), len(results)))
    print("Geometric mean of memory ratios: %s" % h.fmt(gm_mem, 3, "x"))

    failures = []
    for res in results:
        for which, label in (("cpython", "CPython"), ("skein", "Skein")):
            f = res[which]["failure"]
            if f:
                failures.append(h.describe_failure("%s under %s" % (res["program"], label),
                                                   f["run"], res["expected"]))
    if failures:
        print("\nFailures (not timed):\n")
        print("\n".join(failures))

    if args.json:
        for res in results:
            for which in ("cpython", "skein"):
                if res[which]["failure"]:
                    del res[which]["failure"]["run"]
        doc = {"skein": skein, "python": python, "runs": args.runs, "results": results,
               "geomean_time_ratio": gm, "geomean_mem_ratio": gm_mem}
        with open(args.json, "w") as fh:
            json.dump(doc, fh, indent=2)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
