#!/usr/bin/env python3
"""Measure what the machine itself gives two CPU-bound jobs at once.

A thread speed-up at T=2 can only be judged against the hardware's own:
two vCPUs that are hyperthread siblings, or that a neighbour shares, run
two busy processes slower than one. This runs a threaded benchmark at T=1
alone, then two independent copies of it as separate processes at the
same time (no shared memory, no shared runtime state), alternating run by
run, and prints the medians and the ceiling

    ceiling = 2 * (time of one copy alone) / (time until both copies end)

which is the speed-up two perfectly independent threads could reach on
this machine at this moment. Then it runs the same program at T=2 in one
process, so the thread speed-up can be read against that ceiling.

Usage: python3 bench/threads/ceiling.py [--skein PATH] [--program compute] [--runs N]
"""

import argparse
import os
import statistics
import subprocess
import time

THREADS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(THREADS_DIR))


def timed(cmds):
    """Starts every command at once; returns the seconds until the last ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL) for c in cmds]
    codes = [p.wait() for p in procs]
    elapsed = time.perf_counter() - start
    if any(codes):
        raise SystemExit(f"a run failed: {cmds} exited with {codes}")
    return elapsed


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--skein", default=os.path.join(REPO, "target", "release", "skein"))
    p.add_argument("--program", default="compute")
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    script = os.path.join(THREADS_DIR, a.program + ".py")
    one = [a.skein, script, "1"]
    two_threads = [a.skein, script, "2"]
    alone, pair, threads = [], [], []
    for _ in range(a.runs):
        alone.append(timed([one]))
        pair.append(timed([one, one]))
        threads.append(timed([two_threads]))
    t1, tp, t2 = (statistics.median(x) for x in (alone, pair, threads))
    print(f"| {a.program} | one process, T=1 | two processes, T=1 each | ceiling | one process, T=2 | speed-up |")
    print("|:---|---:|---:|---:|---:|---:|")
    print(f"| median s | {t1:.3f} | {tp:.3f} | {2 * t1 / tp:.2f}x | {t2:.3f} | {t1 / t2:.2f}x |")
    print(f"\nruns: {a.runs} each, alternating; ceiling = 2 * T=1 alone / both copies done")


if __name__ == "__main__":
    main()
