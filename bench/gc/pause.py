"""Pauses of the cycle collector with N live containers.

Usage: skein bench/gc/pause.py N [ROUNDS]

Builds N live one-item lists, then makes ROUNDS two-list cycles that become
garbage at once (automatic collections free them), timing every automatic
collection from its "start" to its "stop" callback (the pause plus the
freeing that follows it), then one explicit full gc.collect(). Prints the
number of automatic collections, their median and maximum in
milliseconds, and the full collection's time. Run it with
SKEIN_GC_TRACE=1 under Skein for the pauses alone (stderr, one line per
collection).
"""
import gc
import sys
import time

n = int(sys.argv[1])
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
live = [[i] for i in range(n)]
gc.collect()

times = []
started = [0.0]


def on_gc(phase, info):
    if phase == "start":
        started[0] = time.perf_counter()
    else:
        times.append(time.perf_counter() - started[0])


gc.callbacks.append(on_gc)
for i in range(rounds):
    a = [i]
    b = [a]
    a.append(b)
del a, b
gc.callbacks.remove(on_gc)

t0 = time.perf_counter()
gc.collect()
full = time.perf_counter() - t0
times.sort()
median = times[len(times) // 2] * 1000 if times else 0.0
worst = times[-1] * 1000 if times else 0.0
print(f"live={n} automatic={len(times)} median_ms={median:.3f} max_ms={worst:.3f} full_collect_ms={full * 1000:.1f}")
