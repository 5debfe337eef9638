# cls(...) through object.__new__ and __init__, custom __new__, abstract classes,
# __call__, bound methods with * and ** arguments: results and TypeError messages.
import abc
class A: pass
class B:
    def __init__(self, x, y=2, *, z=3): self.v = (x, y, z)
class C(B): pass
class D:
    def __init__(self): return 5
class E(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class F:
    def __new__(cls, *a): return 42
class G:
    def __call__(self, *a, **k): return (a, sorted(k.items()))
class H:
    def m(self, *a, **k): return (a, sorted(k.items()))
for f in [lambda: A(), lambda: A(1), lambda: A(x=1), lambda: B(1).v, lambda: C(1, 5, z=9).v, lambda: B(),
          lambda: D(), lambda: E(), lambda: F(1, 2), lambda: G()(1, 2, q=3), lambda: H().m(1, *[2, 3], k=4),
          lambda: H.m(H(), 1), lambda: [].append.__call__(1), lambda: B(*range(2), **{'z': 7}).v,
          lambda: type(A()).__name__, lambda: object(), lambda: object(1), lambda: int.__new__(int, 5)]:
    try:
        r = f()
        print(type(r).__name__ if type(r).__name__ in ('A', 'object') else r)
    except TypeError as e:
        print("TypeError:", e)
