# The copyreg module: reducers, constructors, the rebuild helpers that
# object.__reduce_ex__ names, slot names and the extension registry.
import copyreg
import pickle

print(sorted(copyreg.__all__))
print(copyreg.dispatch_table[complex] is copyreg.pickle_complex, copyreg.pickle_complex(3 - 4j))
print(type(int | str) in copyreg.dispatch_table)
func, args = copyreg.dispatch_table[type(int | str)](int | str)
print(func(*args))


class Money:
    def __init__(self, cents):
        self.cents = cents


def reduce_money(m):
    return (Money, (m.cents,))


copyreg.pickle(Money, reduce_money)
print(copyreg.dispatch_table[Money] is reduce_money)
print(pickle.dumps(Money(250), 2))
try:
    copyreg.pickle(Money, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    copyreg.pickle(Money, reduce_money, "not callable")
except TypeError as e:
    print("TypeError:", e)
try:
    copyreg.constructor(3)
except TypeError as e:
    print("TypeError:", e)
copyreg.constructor(Money)
del copyreg.dispatch_table[Money]


class Pair:
    def __new__(cls, a, b=0):
        self = super().__new__(cls)
        self.a, self.b = a, b
        return self


p = copyreg.__newobj__(Pair, 1, 2)
print(type(p).__name__, p.a, p.b)
p = copyreg.__newobj_ex__(Pair, (3,), {"b": 4})
print(type(p).__name__, p.a, p.b)


class MyInt(int):
    pass


class Plain:
    pass


x = copyreg._reconstructor(MyInt, int, 42)
print(type(x).__name__, x)
y = copyreg._reconstructor(Plain, object, None)
print(type(y).__name__)
r = copyreg._reduce_ex(MyInt(7), 1)
print(r[0] is copyreg._reconstructor, r[1])
obj = Plain()
obj.v = 1
print(copyreg._reduce_ex(obj, 0)[1:])


class Slots:
    __slots__ = ("a", "__b", "__dict__", "__weakref__")


class MoreSlots(Slots):
    __slots__ = "c"


class _Under:
    __slots__ = ("__p",)


print(copyreg._slotnames(MoreSlots), copyreg._slotnames(Plain), copyreg._slotnames(_Under))
print("__slotnames__" in MoreSlots.__dict__, MoreSlots.__slotnames__)

copyreg.add_extension("mod", "name", 100)
copyreg.add_extension("mod", "name", 100)
print(copyreg._extension_registry[("mod", "name")], copyreg._inverted_registry[100])
for args in (("mod", "name", 101), ("mod", "other", 100)):
    try:
        copyreg.add_extension(*args)
    except ValueError as e:
        print("ValueError:", e)
for code in (0, 0x80000000):
    try:
        copyreg.add_extension("m", "n", code)
    except ValueError as e:
        print("ValueError:", e)
copyreg._extension_cache[100] = "cached"
copyreg.clear_extension_cache()
print(copyreg._extension_cache)
try:
    copyreg.remove_extension("mod", "name", 99)
except ValueError as e:
    print("ValueError:", e)
copyreg.remove_extension("mod", "name", 100)
print(copyreg._extension_registry, copyreg._inverted_registry)

# copy consults copyreg.dispatch_table too.
import copy


class Counter:
    def __init__(self, n):
        self.n = n


def reduce_counter(c):
    print("  reduce_counter", c.n)
    return (Counter, (c.n + 1,))


copyreg.pickle(Counter, reduce_counter)
print(copy.copy(Counter(1)).n, copy.deepcopy([Counter(5)])[0].n)
del copyreg.dispatch_table[Counter]
print(copy.copy(Counter(1)).n)
