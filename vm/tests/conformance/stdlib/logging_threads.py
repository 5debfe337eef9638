# Several threads log through one handler: every line arrives whole, once.
import logging, io, threading, sys

out = io.StringIO()
handler = logging.StreamHandler(out)
handler.setFormatter(logging.Formatter("[%(threadName)s]:%(levelname)s:%(name)s:%(message)s"))
log = logging.getLogger("work")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False

N, M = 8, 50
barrier = threading.Barrier(N)

def worker(i):
    child = log.getChild("w%d" % i)
    barrier.wait()
    for j in range(M):
        if j % 2:
            child.info("item %d of %d", j, i)
        else:
            child.debug("item %d of %d", j, i)
        if j == 10:
            try:
                raise ValueError("bad %d" % i)
            except ValueError:
                child.exception("failed in %d", i)

threads = [threading.Thread(target=worker, args=(i,), name="T%d" % i) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()

lines = out.getvalue().splitlines()
records = [l for l in lines if l.startswith("[")]
print(len(lines), len(records))
ok = True
for l in records:
    tname, level, name, msg = l.split(":", 3)
    i = int(tname[2:-1])
    if name != "work.w%d" % i or not (msg.endswith("of %d" % i) or msg == "failed in %d" % i):
        ok = False
print("consistent", ok)
print(sorted(records)[:3])
print(sorted(records)[-3:])
print(sum(1 for l in lines if l.startswith("ValueError: bad")))
# The traceback lines follow their record, never split by another thread.
for k, l in enumerate(lines):
    if l.startswith("[") and "failed in" in l:
        assert lines[k + 1] == "Traceback (most recent call last):", lines[k + 1]
        m = k + 2
        while lines[m].startswith(" "):
            m += 1
        assert lines[m] == "ValueError: bad " + l.split(" ")[-1], lines[m]

# The same through a QueueHandler and one listener thread.
import queue, logging.handlers
q = queue.Queue()
out2 = io.StringIO()
target = logging.StreamHandler(out2)
target.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
listener = logging.handlers.QueueListener(q, target)
ql = logging.getLogger("q")
ql.propagate = False
ql.addHandler(logging.handlers.QueueHandler(q))
listener.start()

def producer(i):
    for j in range(30):
        ql.warning("p%d-%d", i, j)

threads = [threading.Thread(target=producer, args=(i,), name="P%d" % i) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
listener.stop()
lines = out2.getvalue().splitlines()
print(len(lines), len(set(lines)))
print(all(l.split()[0][1:] == l.split()[1][1:].split("-")[0] for l in lines))
per_thread = {}
for l in lines:
    tn, msg = l.split()
    per_thread.setdefault(tn, []).append(int(msg.split("-")[1]))
print(sorted(per_thread), all(v == list(range(30)) for v in per_thread.values()))
