# weakref.ref: creation, dereference, callbacks and their order, hashing,
# equality, reuse of basic references, counting, subclasses.
import weakref


class C:
    pass


def report(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


c = C()
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, weakref.getweakrefcount(c))
print(type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(r.__callback__)

events = []
r1 = weakref.ref(c, lambda w: events.append(("cb1", w is r1, w())))
r2 = weakref.ref(c, lambda w: events.append(("cb2", w is r2, w())))
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r, r2, r1])
print(r1.__callback__ is not None, r1 is not r2)
print(hash(r) == hash(c), r == r1, r != r1)
del c
print(events)
print(r(), r1(), r1.__callback__, weakref.getweakrefcount(r))

# A dead reference keeps its hash if it had one, equality falls back to
# identity.
d = C()
rd = weakref.ref(d)
h = hash(rd)
del d
print(hash(rd) == h, rd == rd, rd == weakref.ref(C()), rd != 3)
report("hash of dead", lambda: hash(weakref.ref(C())))

# A callback-less ref made after one with a callback is still shared.
e = C()
ra = weakref.ref(e, print)
rb = weakref.ref(e)
print(weakref.ref(e) is rb, ra is not rb, weakref.getweakrefs(e)[0] is rb)

# A weakref dies before its referent: its callback never runs.
f = C()
tmp = weakref.ref(f, lambda w: print("never"))
del tmp
del f
print("no callback")

# Argument checking.
report("no args", lambda: weakref.ref())
report("three args", lambda: weakref.ref(C(), None, 3))
report("call with args", lambda: r(1))
report("int", lambda: weakref.ref(1))
report("None callback", lambda: weakref.ref(e, None).__callback__)


# Subclasses take their own arguments and keep them.
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__dict__.update(annotations)


g = C()
mr = MyRef(g, None, tag=5)
print(mr.tag, mr() is g, type(mr).__name__, weakref.ref(g) is mr, isinstance(mr, weakref.ref))
print(weakref.getweakrefcount(g))
del g
print(mr())

# Callback receives the reference; resurrecting the referent is impossible.
seen = []
h2 = C()
h2.name = "h2"
keep = weakref.ref(h2, lambda w: seen.append(w()))
del h2
print(seen)
print(weakref.ref[int])
