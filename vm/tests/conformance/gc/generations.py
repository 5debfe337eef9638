# Generations as far as CPython 3.11 and Skein agree: new containers are
# in generation 0, survivors of a full collection in generation 2, and a
# collection of generation 0 frees young cycles.
import gc


def young(x):
    return any(o is x for o in gc.get_objects(0))


def old(x):
    return any(o is x for o in gc.get_objects(2))


gc.collect()
fresh = [1, 2]
print("new list young:", young(fresh), "old:", old(fresh))
gc.collect()
print("after a full collection young:", young(fresh), "old:", old(fresh))

cycle = []
cycle.append(cycle)
del cycle
print("young cycle freed by collect(0):", gc.collect(0) >= 1)

class Node:
    pass

def make_garbage(n):
    for _ in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a

def alive():
    return sum(1 for o in gc.get_objects() if type(o) is Node)

gc.collect()
make_garbage(100)
print("garbage before:", alive())
gc.collect(0)
print("after collect(0):", alive())

# An old object in a cycle survives young collections until a full one.
keep = Node()
keep.me = keep
gc.collect()
del keep
gc.collect(0)
print("old cycle after collect(0):", alive())
gc.collect()
print("after a full collection:", alive())

count = gc.get_count()
print(len(count), all(isinstance(c, int) and c >= 0 for c in count))
print(len(gc.get_objects(-1)) > 0)
try:
    gc.get_objects(-2)
except ValueError as e:
    print("ValueError:", e)
