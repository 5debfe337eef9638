//! Tracing is per thread: 8 threads trace themselves (`sys.settrace`)
//! while 8 others run the same functions untraced, with exact event counts
//! for each traced thread and no events or trace function leaking into the
//! others; the untraced threads also read the frames of tracebacks made by
//! the traced ones after those frames returned (`tb_frame.f_locals`,
//! `f_back`), which only ever read the frame objects' snapshots. Runs
//! free-threaded and with `--gil` (`common::check_both_modes`).
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

#[test]
fn trace_threads_exact_counts() {
    check_both_modes(
        "trace_threads_exact_counts",
        r#"
import sys, threading, queue
N_TRACED, N_PLAIN, ROUNDS, LOOP = 8, 8, 200, 5
start = threading.Barrier(N_TRACED + N_PLAIN)
results = {}
errors = []
q = queue.Queue()
def work(n):
    t = 0
    for i in range(n):
        t += i
    return t
def fail(k):
    local = k
    raise ValueError(k)
def traced(tid):
    counts = {}
    def tracer(frame, event, arg):
        if frame.f_code.co_name in ("work", "fail"):
            key = (frame.f_code.co_name, event)
            counts[key] = counts.get(key, 0) + 1
            return tracer
        return None
    start.wait()
    sys.settrace(tracer)
    for r in range(ROUNDS):
        if work(LOOP) != 10:
            errors.append(("work", tid))
        try:
            fail(r)
        except ValueError as e:
            if r % 50 == 0:
                q.put(e)
    sys.settrace(None)
    if sys.gettrace() is not None:
        errors.append(("gettrace", tid))
    results[tid] = sorted(counts.items())
def plain(tid):
    start.wait()
    for r in range(ROUNDS):
        if work(LOOP) != 10:
            errors.append(("plain", tid))
        if sys.gettrace() is not None:
            errors.append(("leak", tid))
    # Read frames of tracebacks that other threads made.
    while True:
        try:
            e = q.get(timeout=0.5)
        except queue.Empty:
            break
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        f = tb.tb_frame
        if f.f_code.co_name != "fail" or f.f_locals.get("local") != e.args[0] or f.f_back.f_code.co_name != "traced":
            errors.append(("frame", f.f_code.co_name))
ts = [threading.Thread(target=traced, args=(i,)) for i in range(N_TRACED)]
ts += [threading.Thread(target=plain, args=(i,)) for i in range(N_PLAIN)]
for t in ts: t.start()
for t in ts: t.join()
print(errors)
print(len(set(map(tuple, results.values()))), results[0])
"#,
        "[]\n1 [(('fail', 'call'), 200), (('fail', 'exception'), 200), (('fail', 'line'), 400), (('fail', 'return'), 200), (('work', 'call'), 200), (('work', 'line'), 2600), (('work', 'return'), 200)]\n",
    );
}
