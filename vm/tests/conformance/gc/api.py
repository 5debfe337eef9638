# The gc module's interface: switches, thresholds, tracking, referents and
# referrers, callbacks, freezing, DEBUG_SAVEALL, and CPython's errors.
import gc


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Node:
    pass


# Switches.
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

# Thresholds round-trip; unspecified ones stay.
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold()[0])
gc.set_threshold(800, 7, 3)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
print(type(gc.get_count()), len(gc.get_count()))

# Tracking.
print(gc.is_tracked([]), gc.is_tracked(Node()), gc.is_tracked(gc.collect))
print(gc.is_tracked(1), gc.is_tracked(1.5), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.is_finalized(Node()))

# Referents and referrers.
a, b = Node(), Node()
holder = [a, "x", b]
refs = gc.get_referents(holder)
print(len(refs), refs[0] is a or refs[-1] is a, "x" in refs)
print(gc.get_referents(1, "s", None))
print(any(r is holder for r in gc.get_referrers(a)))
print(any(r is holder for r in gc.get_referrers(Node())))
d = {"k": a}
print(any(r is d for r in gc.get_referrers(a)))
print(any(o is holder for o in gc.get_objects()))
print(any(o is holder for o in gc.get_objects(generation=None)))

# Callbacks: "start" then "stop", with the info dict.
seen = []


def cb(phase, info):
    seen.append((phase, sorted(info), info["generation"]))


gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(seen)
gc.collect()
print(len(seen))

# Freezing.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

# DEBUG_SAVEALL keeps unreachable objects in gc.garbage.
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
n = Node()
n.self = n
del n
gc.collect()
print(sum(1 for o in gc.garbage if type(o) is Node))
gc.set_debug(0)
gc.garbage.clear()
print(gc.get_debug(), gc.garbage)

# Statistics.
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

# Bad arguments.
attempt("collect(3)", lambda: gc.collect(3))
attempt("collect(-1)", lambda: gc.collect(-1))
attempt("collect('x')", lambda: gc.collect("x"))
attempt("collect(1.0)", lambda: gc.collect(1.0))
attempt("collect(1, 2)", lambda: gc.collect(1, 2))
attempt("collect(gen=1)", lambda: gc.collect(gen=1))
attempt("collect(generation=1)", lambda: gc.collect(generation=1) >= 0)
attempt("get_objects(5)", lambda: gc.get_objects(5))
attempt("get_objects('a')", lambda: gc.get_objects("a"))
attempt("set_threshold()", lambda: gc.set_threshold())
attempt("set_threshold(1, 2, 3, 4)", lambda: gc.set_threshold(1, 2, 3, 4))
attempt("set_threshold('a')", lambda: gc.set_threshold("a"))
attempt("set_threshold(1.5)", lambda: gc.set_threshold(1.5))
attempt("set_debug()", lambda: gc.set_debug())
attempt("set_debug('x')", lambda: gc.set_debug("x"))
attempt("enable(1)", lambda: gc.enable(1))
attempt("is_tracked()", lambda: gc.is_tracked())
attempt("is_finalized()", lambda: gc.is_finalized())
attempt("get_count(1)", lambda: gc.get_count(1))
attempt("freeze(1)", lambda: gc.freeze(1))
attempt("get_referents()", lambda: gc.get_referents())
gc.set_threshold(*old)
