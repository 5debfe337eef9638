# object.__reduce_ex__, __reduce__ and __getstate__ (the copyreg protocol used by copy and pickle).
class B:
    pass
b = B()
b.x = 1
r = b.__reduce_ex__(2)
print(r[0].__name__, r[1:], B().__reduce_ex__(4)[2])
r = b.__reduce_ex__(1)
print(r[0].__name__, r[1:])
print(b.__getstate__(), B().__getstate__(), object().__reduce__()[1])
def gen():
    yield 1
for proto in [1, 2]:
    try:
        object.__reduce_ex__(gen(), proto)
    except TypeError as e:
        print("TypeError:", e)
class C(int):
    pass
print(C(5).__reduce_ex__(2)[1:], C(5).__reduce_ex__(1)[1:])
class S:
    __slots__ = ("a", "b", "c")
    def __init__(self):
        self.a = 1
        self.b = 2
print(S().__reduce_ex__(2)[2])
class Private:
    __slots__ = ("__hidden", "shown")
    def __init__(self):
        self.__hidden = 1
print(Private().__reduce_ex__(2)[2])
try:
    S().__reduce_ex__(1)
except TypeError as e:
    print("TypeError:", e)
class L(list):
    pass
r = L([1, 2]).__reduce_ex__(2)
print(r[1], r[2], list(r[3]), r[4])
class D(dict):
    pass
r = D(a=1).__reduce_ex__(2)
print(r[1], r[2], r[3], list(r[4]))
class N:
    def __init__(self, v):
        self.v = v
    def __getnewargs__(self):
        return (self.v,)
    def __getstate__(self):
        return {"v": self.v, "extra": True}
r = N(3).__reduce_ex__(2)
print(r[1][1:], r[2])
new_obj = r[0](*r[1])
print(type(new_obj).__name__, hasattr(new_obj, "v"))
class R:
    def __reduce__(self):
        return (R, ())
print(R().__reduce_ex__(2))
try:
    object.__reduce_ex__(b, "x")
except TypeError as e:
    print("TypeError:", e)
import copy
class P:
    def __init__(self):
        self.items = [1, [2]]
p = P()
q = copy.deepcopy(p)
print(q.items, q.items[1] is p.items[1], copy.copy(p).items is p.items)
import types
class K:
    def m(self):
        return self
k = K()
print(types.MethodType(K.m, k)() is k)
for args in [(1, k), (K.m, None), (K.m,)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError:", e)
