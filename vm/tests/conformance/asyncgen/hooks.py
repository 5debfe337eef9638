# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter at the first
# iteration, finalizer for a generator dropped unfinished; and the close
# path used when no finalizer hook is installed.
import gc
import sys


class suspend:
    """An awaitable that suspends once."""

    def __await__(self):
        yield "sus"


def unraisable(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, "| object:",
          getattr(u.object, "__name__", type(u.object).__name__))


sys.unraisablehook = unraisable

h = sys.get_asyncgen_hooks()
print(h, type(h).__name__, type(h).__module__, len(h), h.firstiter, h[1])
print(isinstance(h, tuple), h == (None, None))
for kw in ({"firstiter": 1}, {"finalizer": "x"}, {"foo": None}):
    try:
        sys.set_asyncgen_hooks(**kw)
    except TypeError as e:
        print("TypeError", e)
try:
    sys.set_asyncgen_hooks(None, None, None)
except TypeError as e:
    print("TypeError", e)
try:
    sys.get_asyncgen_hooks(1)
except TypeError as e:
    print("TypeError", e)


def fin0(ag):
    pass


# The finalizer is set before firstiter is checked.
try:
    sys.set_asyncgen_hooks(firstiter=1, finalizer=fin0)
except TypeError as e:
    print("TypeError", e)
print("finalizer kept:", sys.get_asyncgen_hooks().finalizer is fin0)
print(sys.set_asyncgen_hooks(None, None), sys.get_asyncgen_hooks())


async def agen(tag):
    try:
        yield tag + "-1"
        yield tag + "-2"
    finally:
        print("  finally of", tag)


def step(ag):
    try:
        ag.__anext__().send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"


def firstiter(ag):
    print("firstiter", ag.__name__, ag.ag_running)


kept = []


def finalizer(ag):
    print("finalizer", ag.__name__, "running", ag.ag_running)
    kept.append(ag)


sys.set_asyncgen_hooks(firstiter, finalizer)
print("hooks set:", sys.get_asyncgen_hooks() == (firstiter, finalizer))

print("== no iteration: no hooks")
x = agen("a")
del x
gc.collect()
print("== first iteration calls firstiter once")
x = agen("b")
print(step(x), step(x))
print("== dropped while suspended: the finalizer gets it")
del x
print("kept", len(kept))
print("== the finalizer's generator can be closed later")
c = kept.pop().aclose()
try:
    c.send(None)
except StopIteration:
    print("closed")
print("== started awaitable, never awaited")
x = agen("c")
y = x.__anext__()
del x, y
print("kept", len(kept))
kept.clear()
print("== finished: no finalizer")
x = agen("d")
print(step(x), step(x), step(x))
del x
print("kept", len(kept))
print("== closed by aclose: no finalizer")
x = agen("e")
step(x)
try:
    x.aclose().send(None)
except StopIteration:
    pass
del x
print("kept", len(kept))
print("== hooks are taken at first iteration: changing them later does not matter")
x = agen("f")
step(x)


def other_fin(ag):
    print("other finalizer", ag.__name__)


sys.set_asyncgen_hooks(finalizer=other_fin)
del x
kept.clear()
print("== a finalizer that raises")


def bad_fin(ag):
    raise ValueError("finalizer failed")


sys.set_asyncgen_hooks(finalizer=bad_fin)
x = agen("g")
step(x)
del x
print("== a firstiter that raises: the next iteration goes on")


def bad_first(ag):
    raise KeyError("first")


sys.set_asyncgen_hooks(firstiter=bad_first, finalizer=None)
x = agen("h")
try:
    x.__anext__()
except KeyError as e:
    print("KeyError", e)
print(step(x))
sys.set_asyncgen_hooks(firstiter=None)
print("== no hooks: dropped suspended generators are closed like generators")
del x
gc.collect()


async def ignores():
    try:
        yield 1
    finally:
        print("  awaiting in finally")
        await suspend()


x = ignores()
step(x)
del x
gc.collect()


async def returns():
    try:
        yield 1
    except GeneratorExit:
        print("  caught GeneratorExit, returning")


x = returns()
step(x)
del x
gc.collect()
print("== in a cycle")
sys.set_asyncgen_hooks(finalizer=finalizer)


class Holder:
    pass


hold = Holder()
hold.ag = agen("cycle")
step(hold.ag)
hold.ag.ag_frame.f_locals  # noqa
hold.self = hold
del hold
gc.collect()
print("kept", len(kept), kept[0].__name__ if kept else None)
kept.clear()
sys.set_asyncgen_hooks(None, None)
print("end of script")
