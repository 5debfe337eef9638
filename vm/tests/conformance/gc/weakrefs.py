# Weak references to objects in garbage cycles: cleared by the collection
# (before anything is freed), their callbacks run once, a weak reference
# that is itself garbage loses its callback, and a callback that stores the
# weak reference keeps nothing alive.
import gc
import weakref


class Node:
    pass


log = []


def make_cycle(tag):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    a.tag = tag
    return a


gc.collect()
a = make_cycle("first")
r = weakref.ref(a, lambda w: log.append(("cb", w() is None)))
plain = weakref.ref(a.other)
del a
print(r() is not None, plain() is not None)
gc.collect()
print(r() is None, plain() is None, log)

# A weak reference inside the cycle itself: its callback never runs.
log.clear()
a = make_cycle("second")
a.self_ref = weakref.ref(a, lambda w: log.append("inner"))
del a
gc.collect()
print(log)

# Proxies and WeakValueDictionary entries of collected objects go away.
d = weakref.WeakValueDictionary()
for i in range(5):
    n = make_cycle(i)
    d[i] = n
del n
gc.collect()
print(len(d), sorted(d.keys()))
p = weakref.proxy(make_cycle("proxy"))
gc.collect()
try:
    p.tag
except ReferenceError as e:
    print("ReferenceError", e)
print(sum(1 for o in gc.get_objects() if type(o) is Node))
