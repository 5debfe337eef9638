# Automatic collections: cyclic garbage made in a loop, with no explicit
# gc.collect(), stays bounded; with the collector disabled it piles up,
# and one collection frees it all.
import gc


class Node:
    pass


def make_cycle(i):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    a.payload = [i, str(i)]


def alive():
    return sum(1 for o in gc.get_objects() if type(o) is Node)


gc.collect()
peak = 0
for i in range(200_000):
    make_cycle(i)
    if i % 20_000 == 0:
        peak = max(peak, alive())
print("bounded:", peak < 40_000)

gc.collect()
gc.disable()
for i in range(30_000):
    make_cycle(i)
print("disabled piles up:", alive() >= 60_000)
gc.enable()
gc.collect()
print("after collect:", alive())

# Threshold 0 turns automatic collection off as well.
old = gc.get_threshold()
gc.set_threshold(0)
for i in range(10_000):
    make_cycle(i)
print("threshold 0:", alive() >= 20_000)
gc.set_threshold(*old)
gc.collect()
print("after collect:", alive())
