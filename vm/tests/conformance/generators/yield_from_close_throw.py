# close() and throw() on a generator suspended in `yield from`: the
# delegating frame's stack must stay intact (the sub-iterator below the
# thrown exception), with and without locals in the frame.


def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def outer_no_locals():
    yield from inner()


def outer_with_local(src):
    marker = "local intact"
    try:
        yield from src
    finally:
        print("outer finally:", marker, type(src).__name__)


def outer_catches():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", repr(e))
        yield "after catch"


g = outer_no_locals()
print(next(g))
g.close()
print("closed without locals")

g = outer_with_local(inner())
print(next(g))
g.close()
print("closed with a local")

g = outer_with_local(iter([1, 2]))
print(next(g))
g.close()
print("closed over a list iterator")

g = outer_with_local(inner())
print(next(g))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", repr(e))

g = outer_catches()
print(next(g))
print(g.throw(ValueError("caught")))
g.close()

def dropped():
    g = outer_no_locals()
    next(g)

dropped()
print("dropped while delegating")


def dropped_with_finally():
    g = outer_with_local(inner())
    next(g)

dropped_with_finally()
print("dropped with a finally while delegating")
