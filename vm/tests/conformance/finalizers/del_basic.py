# __del__ runs when the last reference goes, once (PEP 442), before the
# next statement; resurrection keeps the object; errors go to
# sys.unraisablehook.
import sys

log = []

def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, u.err_msg,
          type(u.object).__name__, u.exc_traceback is not None)

sys.unraisablehook = hook

class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        log.append(self.n)

a = C(1)
del a
print("after del a")
b = C(2)
b = None
print("after b = None", log)

def f():
    c = C(3)
    print("in f")
f()
print("after f", log)

x = C(4)
y = x
del x
print("still alive")
del y
print("gone")

class Bad:
    def __del__(self):
        raise ValueError("boom")
Bad()
print("after Bad")

saved = []
class R:
    count = 0
    def __del__(self):
        R.count += 1
        print("R.__del__", R.count)
        saved.append(self)
r = R()
del r
print("resurrected:", len(saved), type(saved[0]).__name__)
saved.clear()
print("dropped again, calls:", R.count)

class Sub(C):
    pass
s = Sub(5)
del s

class Late:
    pass
Late.__del__ = lambda self: print("late del")
l = Late()
del l

def g():
    d = {"k": C(6)}
    del d["k"]
    print("after del item")
g()

class Holder:
    pass
h = Holder()
h.attr = C(7)
del h.attr
print("after del attr")
print("end")
