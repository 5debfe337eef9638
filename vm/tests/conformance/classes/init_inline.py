# cls(...) with a Python __init__ runs the initialiser as an inline frame:
# the instance is the result, a non-None return is a TypeError at the call,
# errors inside __init__ propagate with their traceback, and classes with
# their own __new__, metaclasses, builtin bases, keyword arguments and
# defaults keep their behaviour.
import sys
import traceback


class P:
    def __init__(self, x, y=5):
        self.x = x
        self.y = y


p = P(1)
print(type(p).__name__, p.x, p.y, P(2, 3).y)


class Bad:
    def __init__(self):
        return 42


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
    print([f.name for f in traceback.extract_tb(sys.exc_info()[2])])


class Raises:
    def __init__(self, n):
        if n:
            raise ValueError("no %d" % n)


try:
    Raises(3)
except ValueError as e:
    print("ValueError:", e)
    print([f.name for f in traceback.extract_tb(sys.exc_info()[2])])
print(type(Raises(0)).__name__)

for call in [lambda: P(), lambda: P(1, 2, 3), lambda: P(1, z=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(P(x=7).x, P(1, y=9).y)


class WithNew:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(1)


class Other:
    pass


class NewOther:
    def __new__(cls, a):
        return Other()

    def __init__(self, a):
        print("not called")


print(type(NewOther(1)).__name__)


class Meta(type):
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(4).a)


class L(list):
    def __init__(self, n):
        super().__init__(range(n))


print(L(3))


class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w


d = Derived(1, 2)
print(d.v, d.w)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


try:
    Deep(10000)
except RecursionError as e:
    print("RecursionError:", e)


class DelSelf:
    def __init__(self):
        global seen
        seen = self
        del self


print(DelSelf() is seen)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError:", e)


def make(cls, *args):
    return cls(*args)


print(make(P, 8).x, [P(i).x for i in range(3)])
