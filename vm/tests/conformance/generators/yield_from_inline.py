# `yield from` a generator runs the sub-generator inline in the caller's dispatch loop
# (no Rust recursion): values sent through, return values, exceptions both ways,
# PEP 479, recursion limit, tracebacks and the handled exception seen inside.
import sys
def inner(n):
    total = 0
    for i in range(n):
        x = yield i
        if x is not None:
            total += x
    return total * 10

def outer():
    r = yield from inner(3)
    print("inner returned", r)
    r2 = yield from inner(0)
    print("empty returned", r2)
    return "done"

g = outer()
print(next(g))
print(g.send(5))
print(g.send(7))
try:
    g.send(1)
except StopIteration as e:
    print("stop", e.value)

def bad():
    yield 1
    raise ValueError("boom")

def deleg():
    try:
        yield from bad()
    except ValueError as e:
        print("caught", e)
    yield 2

print(list(deleg()))

def stopper():
    yield 1
    raise StopIteration("x")

def deleg2():
    yield from stopper()

try:
    print(list(deleg2()))
except RuntimeError as e:
    print("RT", e, type(e.__cause__).__name__)

def catcher():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "got key"
    finally:
        print("catcher finally")

def deleg3():
    r = yield from catcher()
    yield ("after", r)

g = deleg3()
print(next(g))
print(g.throw(KeyError))
print(next(g))
g.close()
g = deleg3()
next(g)
print(g.gi_running)
g.close()

def tree(d):
    if d == 0:
        yield 1
        return
    yield from tree(d - 1)
    yield from tree(d - 1)
print(sum(tree(10)))

def rec(n):
    if n == 0:
        yield "bottom"
        return
    yield from rec(n - 1)
try:
    print(list(rec(5000)))
except RecursionError as e:
    print("recursion", type(e).__name__)
print(list(rec(50))[:1])

def running():
    def inner2():
        print("inner running:", g2.gi_running)
        yield 1
    yield from inner2()
g2 = running()
print(list(g2))

def tb_inner():
    yield 1
    1/0
def tb_outer():
    yield from tb_inner()
import traceback
try:
    for _ in tb_outer(): pass
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([f.name for f in tb])

def sender():
    got = []
    while True:
        x = yield
        if x is None: break
        got.append(x)
    return got
def drv():
    r = yield from sender()
    yield r
d = drv(); next(d); d.send(1); d.send(2); print(d.send(None))

# exception state inside inline generator
def exc_inner():
    print("inner sees", sys.exc_info()[0])
    yield 1
def exc_outer():
    try:
        raise KeyError
    except KeyError:
        yield from exc_inner()
print(list(exc_outer()))

class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration(99)
        return self.i
def deleg4():
    r = yield from It()
    yield r
print(list(deleg4()))
t = (1,2,3)
print([x for x in iter(t)], list(zip(t, t)))
