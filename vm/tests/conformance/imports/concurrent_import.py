# Threads importing one module at the same time: every thread gets it only
# after its body has run (per-module import locks), and two threads
# importing each other's modules in a cycle both finish (the cycle is
# detected and one side takes the partially initialised module, as in
# CPython).
import threading

start = threading.Barrier(8)
seen = []
errors = []


def use_slow():
    start.wait()
    try:
        import pkg_threads.slow as slow
        seen.append(slow.ready())
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=use_slow) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(set(seen)), len(seen), errors)

pair = threading.Barrier(2)
done = {}


def import_one(name):
    pair.wait()
    try:
        m = __import__("pkg_threads." + name, fromlist=["x"])
        done[name] = "ok"
    except Exception as e:
        done[name] = repr(e)


threads = [threading.Thread(target=import_one, args=(n,)) for n in ("cyc_a", "cyc_b")]
for t in threads:
    t.start()
for t in threads:
    t.join()
import pkg_threads.cyc_a as a
import pkg_threads.cyc_b as b

print(sorted(done.items()), a.A, b.B, a.other(), b.other())
