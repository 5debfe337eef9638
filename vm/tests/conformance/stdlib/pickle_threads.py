# Several threads pickle and unpickle at once (each with its own data and
# its own Pickler/Unpickler, some sharing one object graph), and copyreg's
# registries are updated meanwhile: every result is exact.
import copyreg
import io
import pickle
import threading


class Item:
    def __init__(self, n):
        self.n = n
        self.tags = [f"t{n}", n * 1.5]

    def __eq__(self, other):
        return type(other) is Item and (self.n, self.tags) == (other.n, other.tags)


shared = {"items": [Item(i) for i in range(20)], "text": "ü" * 50, "big": 2**200, "set": {1, 2, 3}}
shared["self"] = shared
expected = {proto: pickle.dumps(shared, proto) for proto in range(6)}

N_THREADS = 8
ROUNDS = 40
errors = []
counts = [0] * N_THREADS
barrier = threading.Barrier(N_THREADS + 2)


def worker(k):
    barrier.wait()
    try:
        for r in range(ROUNDS):
            proto = (k + r) % 6
            data = pickle.dumps(shared, proto)
            if data != expected[proto]:
                errors.append(f"thread {k}: different bytes at protocol {proto}")
            back = pickle.loads(data)
            if back["self"] is not back or back["items"] != shared["items"] or back["big"] != 2**200:
                errors.append(f"thread {k}: wrong object at protocol {proto}")
            own = [k, r, f"thread-{k}", (k,) * (r % 5), {k: r}]
            f = io.BytesIO()
            pickle.Pickler(f, proto).dump(own)
            f.seek(0)
            if pickle.Unpickler(f).load() != own:
                errors.append(f"thread {k}: own data differs")
            counts[k] += 1
    except Exception as e:  # pragma: no cover - reported below
        errors.append(f"thread {k}: {type(e).__name__}: {e}")


def registrar():
    # Extension codes and reducers come and go while the others run.
    barrier.wait()
    for r in range(ROUNDS):
        copyreg.add_extension("fake_module", f"name{r}", 5000 + r)
        copyreg.pickle(complex, copyreg.pickle_complex)
        copyreg.remove_extension("fake_module", f"name{r}", 5000 + r)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(N_THREADS)]
threads.append(threading.Thread(target=registrar))
for t in threads:
    t.start()
barrier.wait()
for t in threads:
    t.join()
print("errors:", errors)
print("rounds:", counts)
print(len(copyreg._extension_registry), len(copyreg._inverted_registry))
print(pickle.loads(expected[4])["items"][3].tags)
