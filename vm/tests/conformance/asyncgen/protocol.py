# Driving async generators by hand: __anext__/asend/athrow/aclose and their
# awaitables' send/throw/close, in every state, with CPython's messages.


class suspend:
    """An awaitable that suspends once (the event loop would get `tag`)."""

    def __init__(self, tag="sus"):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


def drive(aw, sends=()):
    """Runs an awaitable by hand: what it suspends with, then how it ends."""
    out = []
    try:
        out.append(aw.send(None))
        for s in sends:
            out.append(aw.send(s))
    except StopIteration as e:
        out.append(("stop", e.value))
    except BaseException as e:
        out.append((type(e).__name__, str(e)))
    return out


async def g():
    print("  start, running:", ag.ag_running)
    x = yield 1
    print("  got", x)
    y = await suspend()
    print("  awaited", y)
    yield 2


print("== asend and await inside")
ag = g()
print(ag.ag_running)
print(drive(ag.__anext__()))
print(drive(ag.asend("hello"), ["W"]))
print(drive(ag.__anext__()))
print(drive(ag.__anext__()))
print(drive(ag.asend(None)))

print("== already running")
ag = g()
print(drive(ag.__anext__()))
a2 = ag.asend(5)
print(a2.send(None), ag.ag_running, type(ag.ag_await).__name__)
print(drive(ag.__anext__()))
print(drive(ag.aclose()))
print(drive(ag.athrow(ValueError)))
c = ag.aclose()
print(drive(c))
print(drive(c))
try:
    print(a2.send(7))
except StopIteration as e:
    print("StopIteration", e.args)
print(ag.ag_running, ag.ag_await)
print(drive(a2))

print("== reuse")
ag = g()
a = ag.__anext__()
print(drive(a), drive(a))
try:
    a.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError", e)


async def h():
    try:
        yield 1
    finally:
        print("  h finally")


print("== aclose")
x = h()
print("unstarted:", drive(x.aclose()), drive(x.__anext__()))
x = h()
print("suspended:", drive(x.__anext__()))
print(drive(x.aclose()))
print("again:", drive(x.aclose()), drive(x.__anext__()), drive(x.athrow(ValueError)))
x = h()
print(drive(x.__anext__()), drive(x.__anext__()))
print("finished:", drive(x.aclose()))

print("== athrow")
x = h()
print(drive(x.__anext__()))
print(drive(x.athrow(KeyError, KeyError("k"), None)))
x = h()
print("unstarted:", drive(x.athrow(KeyError)))
print("after:", drive(x.athrow(KeyError)))
x = h()
print(drive(x.__anext__()), drive(x.athrow(KeyError("a"))))
print("finished:", drive(x.athrow(KeyError("a"))))


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  caught", repr(e))
            yield "handled"


x = catcher()
print(drive(x.__anext__()))
print(drive(x.athrow(ValueError("v"))))
print(drive(x.athrow(ValueError, "tuple arg")))
print(drive(x.athrow(ValueError, ("a", "b"))))
print(drive(x.athrow(ValueError, ValueError("inst"))))
print(drive(x.__anext__()))
print(drive(x.athrow(ValueError), ["non-None"]))
t = x.athrow(ValueError)
print(drive(t, ["first send ok"]))
print("aclose:", drive(x.aclose()))

print("== bad athrow arguments")
x = h()
print(drive(x.__anext__()))
print(drive(x.athrow(1)))
print(drive(x.athrow(ValueError(), 1)))
print(drive(x.athrow(ValueError, 1, 2)))
print(drive(x.athrow()))
print(drive(x.athrow(1, 2, 3, 4)))
try:
    x.asend()
except TypeError as e:
    print("TypeError", e)

print("== ignored GeneratorExit")


async def ign():
    try:
        yield 1
    finally:
        yield 2


x = ign()
print(drive(x.__anext__()), drive(x.aclose()))
x = ign()
print(drive(x.__anext__()), drive(x.athrow(GeneratorExit)))


async def await_in_finally():
    try:
        yield 1
    finally:
        print("  cleanup awaits")
        r = await suspend("cleanup")
        print("  cleanup got", r)


x = await_in_finally()
print(drive(x.__anext__()), drive(x.aclose(), ["done"]))
x = await_in_finally()
c = x.aclose()
print(drive(x.__anext__()), c.send(None))
try:
    c.throw(GeneratorExit)
except StopIteration as e:
    print("StopIteration", e.args)

print("== StopIteration and StopAsyncIteration inside")


async def stop_async():
    yield 1
    raise StopAsyncIteration


async def stop_iter():
    yield 1
    raise StopIteration("s")


for f in (stop_async, stop_iter):
    x = f()
    r = [drive(x.__anext__())]
    try:
        x.__anext__().send(None)
    except RuntimeError as e:
        print(r, "RuntimeError", e, "cause:", type(e.__cause__).__name__)

print("== yielded values")


async def values():
    yield None
    yield (1, 2)
    yield StopIteration("inner")
    yield ValueError("v")


x = values()
for _ in range(5):
    try:
        x.__anext__().send(None)
    except StopIteration as e:
        print("StopIteration args", e.args, "value", repr(e.value))
    except StopAsyncIteration:
        print("StopAsyncIteration")

print("== send to a just-started generator and the awaitable's own errors")
x = h()
print(drive(x.asend("first")))
x = h()
a = x.__anext__()
print(a.close(), drive(a))
x = h()
s = x.__anext__()
print(drive(s))
try:
    s.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError", e)
s = x.__anext__()
try:
    s.throw(KeyError("thrown"))
except KeyError as e:
    print("KeyError", e)
print("after throw via asend:", drive(x.__anext__()))
t = h().athrow(ValueError)
print(t.close(), drive(t))
try:
    t.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError", e)
print(type(iter(h().__anext__())).__name__, type(h().aclose().__await__()).__name__)
