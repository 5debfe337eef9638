# Which objects accept weak references (CPython's tp_weaklistoffset).
import weakref
import re
import sys
import collections
import threading


def f():
    pass


def gen():
    yield 1


class C:
    def m(self):
        pass


class Slots:
    __slots__ = ("a",)


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class L(list):
    pass


class I(int):
    pass


class T(tuple):
    pass


class S(str):
    pass


class D(dict):
    pass


class E(Exception):
    pass


class FromSlots(Slots):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


cases = [
    ("int", 1), ("big int", 2 ** 80), ("float", 1.5), ("str", "s"), ("bytes", b""),
    ("tuple", ()), ("list", []), ("dict", {}), ("object", object()), ("None", None),
    ("bool", True), ("complex", 1j), ("bytearray", bytearray()), ("range", range(2)),
    ("slice", slice(1)), ("set", set()), ("frozenset", frozenset()), ("function", f),
    ("lambda", lambda: 0), ("builtin", len), ("builtin method", [].append), ("type", int),
    ("class", C), ("instance", C()), ("slots", Slots()), ("slots with __weakref__", SlotsWeak()),
    ("list subclass", L()), ("int subclass", I(1)), ("tuple subclass", T()),
    ("str subclass", S("x")), ("dict subclass", D()), ("Exception", Exception()),
    ("Exception subclass", E()), ("subclass of slots class", FromSlots()),
    ("generator", gen()), ("code", f.__code__), ("module", sys), ("bound method", C().m),
    ("pattern", re.compile("a")), ("deque", collections.deque()),
    ("lock", threading.Lock()), ("property", property()), ("staticmethod", staticmethod(f)),
    ("classmethod", classmethod(f)), ("list iterator", iter([])), ("metaclass instance", WithMeta),
    ("memoryview", memoryview(b"")), ("generic alias", list[int]),
]
for name, obj in cases:
    try:
        weakref.ref(obj)
        print(f"{name}: yes")
    except TypeError as e:
        print(f"{name}: {e}")

for name, obj in [("match", re.match("a", "a")), ("weakref", weakref.ref(f)), ("proxy", weakref.proxy(C))]:
    try:
        weakref.ref(obj)
        print(f"{name}: yes")
    except TypeError as e:
        print(f"{name}: no")
print("__weakref__" in C.__dict__, "__weakref__" in L.__dict__, "__weakref__" in I.__dict__)
print("__weakref__" in SlotsWeak.__dict__, "__weakref__" in FromSlots.__dict__, "__weakref__" in Slots.__dict__)


class Sub(C):
    pass


print("__weakref__" in Sub.__dict__, Sub().__weakref__, C().__weakref__)
c = C()
r = weakref.ref(c)
print(c.__weakref__ is r)
try:
    class Twice(C):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(e)
try:
    class IntWeak(int):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(e)
try:
    class Dup:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as e:
    print(e)
