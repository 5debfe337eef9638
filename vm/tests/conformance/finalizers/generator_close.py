# A dropped suspended generator is closed: GeneratorExit is raised at its
# yield, so finally blocks and with exits run; one that yields again is
# reported through sys.unraisablehook. Unstarted and finished generators
# run nothing.
import sys

def hook(u):
    print("unraisable:", u.exc_type.__name__, "-", u.exc_value, "-", type(u.object).__name__)

sys.unraisablehook = hook

def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

it = g()
print(next(it))
del it
print("after del")

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__)
        return False

def w():
    with CM():
        yield "in with"

it = w()
print(next(it))
it = None
print("after rebinding")

def catches():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise

c = catches()
next(c)
del c

def stubborn():
    try:
        yield 1
    finally:
        yield 2

s = stubborn()
next(s)
del s
print("after stubborn")

def unstarted():
    try:
        yield 1
    finally:
        print("never printed")

u = unstarted()
del u

def plain():
    yield 1
    yield 2

p = plain()
next(p)
del p

def consumer():
    for x in g():
        if x == 1:
            break
    print("loop done")
consumer()

def raises_in_finally():
    try:
        yield 1
    finally:
        raise KeyError("k")

r = raises_in_finally()
next(r)
del r
print("end")
