# Threads setting and reading attributes of shared instances while others
# add attributes, take __dict__ and delete.
import threading

N = 4
ROUNDS = 2000


class Shared:
    def __init__(self):
        self.a = 0
        self.b = 0


objs = [Shared() for _ in range(8)]
errors = []
barrier = threading.Barrier(N)


def worker(t):
    barrier.wait()
    for i in range(ROUNDS):
        o = objs[i % len(objs)]
        o.a = i
        v = o.a
        if not isinstance(v, int):
            errors.append(("a", v))
        setattr(o, "t%d" % t, i)
        if getattr(o, "t%d" % t) != i:
            errors.append(("own", t, i))
        if i % 500 == 0 and t == 0:
            d = vars(o)
            if "a" not in d:
                errors.append(("dict", sorted(d)))
        if i % 700 == 0 and t == 1:
            o.tmp = i
            del o.tmp


ts = [threading.Thread(target=worker, args=(t,)) for t in range(N)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print("errors", errors)
for o in objs:
    print(sorted(vars(o)))
print(all(getattr(objs[0], "t%d" % t) >= 0 for t in range(N)))
