# Generator and coroutine frames: gi_frame (None when finished),
# gi_running, gi_code, gi_yieldfrom, gi_suspended, cr_frame, cr_await,
# cr_running, and f_lineno of a suspended generator's frame.
import sys


def gen():
    x = 1
    yield x
    y = 2
    me = sys._getframe()
    print("inside: running", g.gi_running, "same frame", me is g.gi_frame)
    print("inside: f_back", me.f_back.f_code.co_name)
    yield y
    return 3


g = gen()
f = g.gi_frame
first = g.gi_code.co_firstlineno
print("fresh", f is g.gi_frame, f.f_lineno - first, g.gi_running, g.gi_suspended, g.gi_yieldfrom)
print(next(g))
print("suspended", f.f_lineno - first, sorted(f.f_locals.items()), g.gi_suspended, f.f_back)


def drive():
    return next(g)


print(drive())
print("suspended again", f.f_lineno - first, sorted(f.f_locals))
for v in g:
    print("got", v)
print("finished", g.gi_frame, g.gi_running, g.gi_suspended)


def sub():
    yield 1
    yield 2


def deleg():
    r = yield from sub()
    return r


d = deleg()
print("before", d.gi_yieldfrom)
next(d)
print("yieldfrom", d.gi_yieldfrom.gi_code.co_name, d.gi_frame.f_lineno - d.gi_code.co_firstlineno)


async def coro_inner():
    return 5


class Awaitable:
    def __await__(self):
        yield "tick"
        return 7


async def coro():
    a = await coro_inner()
    b = await Awaitable()
    return a + b


c = coro()
cf = c.cr_frame
print("coro", cf is c.cr_frame, c.cr_running, c.cr_await, c.cr_code.co_name)
print(c.send(None))
print("awaiting", type(c.cr_await).__name__, cf.f_lineno - c.cr_code.co_firstlineno, sorted(cf.f_locals))
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value, c.cr_frame)

# A closed generator has no frame.
g2 = gen()
next(g2)
g2.close()
print("closed", g2.gi_frame)

# clear() on a suspended generator's frame closes it.
g3 = gen()
next(g3)
g3.gi_frame.clear()
print("after clear", g3.gi_frame)
