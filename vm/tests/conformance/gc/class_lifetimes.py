# Classes are collected like other objects: in cycles, through weak
# references to them, and `__subclasses__` lists only live subclasses.
import gc
import weakref


def make_class(name):
    class C:
        def method(self):
            return name

        def uses_super(self):
            return super().__repr__ is not None

    C.__name__ = name
    return C


gc.collect()

# A class in a cycle (its dict refers back to it) is freed by the collector.
C = make_class("Cyc")
C.me = C
r = weakref.ref(C)
del C
gc.collect()
print("cycle class freed:", r() is None)

# A weak reference callback runs when the class dies.
seen = []
D = make_class("WithCallback")
wr = weakref.ref(D, lambda ref: seen.append("called"))
del D
gc.collect()
print("callback:", seen, wr() is None)

# __subclasses__ forgets a subclass once it is gone.
class Base:
    pass


def add_sub(name):
    return type(name, (Base,), {})


s1 = add_sub("S1")
s2 = add_sub("S2")
print(sorted(c.__name__ for c in Base.__subclasses__()))
del s1
gc.collect()
print(sorted(c.__name__ for c in Base.__subclasses__()))
del s2
gc.collect()
print(Base.__subclasses__())

# A subclass alive keeps its base alive (the MRO is strong).
def base_kept():
    class B:
        pass

    class E(B):
        pass

    return E, weakref.ref(B)


E, rb = base_kept()
gc.collect()
print("base alive while subclass lives:", rb() is not None, E.__mro__[1] is rb())
del E
gc.collect()
print("base freed with its subclass:", rb() is None)

# Many classes made and dropped while methods are called through caches.
refs = []
total = 0
for i in range(3000):
    K = make_class("K%d" % (i % 7))
    k = K()
    for _ in range(3):
        total += len(k.method())
        total += k.uses_super()
    if i % 100 == 0:
        refs.append(weakref.ref(K))
    del K, k
    if i % 500 == 499:
        gc.collect()
gc.collect()
print("calls:", total, "alive:", sum(1 for x in refs if x() is not None))

# A metaclass and its class, both garbage.
def meta_pair():
    class Meta(type):
        pass

    class WithMeta(metaclass=Meta):
        pass

    WithMeta.self_ref = WithMeta
    return weakref.ref(Meta), weakref.ref(WithMeta)


rm, rw = meta_pair()
gc.collect()
print("metaclass pair freed:", rm() is None, rw() is None)

# Instances of a dying class in the same cycle.
def instances():
    class P:
        pass

    objs = [P() for _ in range(10)]
    for o in objs:
        o.all = objs
        o.cls = P
    return weakref.ref(P), weakref.ref(objs[0])


rp, ro = instances()
gc.collect()
print("class and instances freed:", rp() is None, ro() is None)
