# Python-to-Python calls through the dispatch loop's inline path: plain and
# method calls, defaults, errors and tracebacks from inline frames,
# recursion limit reached and recovered from, frames seen by sys._getframe.
import sys
import traceback


def add(a, b=10, c=20):
    return a + b + c


class C:
    def __init__(self, k):
        self.k = k

    def m(self, x, y=2):
        return self.k * x + y

    def boom(self, n):
        if n == 0:
            raise ValueError("deep")
        return self.boom(n - 1)


print(add(1), add(1, 2), add(1, 2, 3))
o = C(3)
print(o.m(4), o.m(4, 5), C.m(o, 1))
f = o.m
print(f(7))
print([add(i) for i in range(3)])

for bad in [lambda: add(), lambda: add(1, 2, 3, 4), lambda: o.m(), lambda: o.m(1, 2, 3), lambda: C.m(),
            lambda: add(1, d=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

try:
    o.boom(3)
except ValueError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(fr.name, fr.line) for fr in tb])


def depth():
    return 1 + depth()


for _ in range(2):
    try:
        depth()
    except RecursionError as e:
        print("RecursionError:", e)
print(add(5))


def who():
    return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name


def caller():
    return who()


print(caller())


def defaults_changed(a, b=1):
    return a, b


print(defaults_changed(0))
defaults_changed.__defaults__ = (2,)
print(defaults_changed(0))
defaults_changed.__defaults__ = None
try:
    defaults_changed(0)
except TypeError as e:
    print("TypeError:", e)


def gen(n):
    for i in range(n):
        yield add(i)


print(list(gen(3)))
print(sum(add(i, i, i) for i in range(10)))
