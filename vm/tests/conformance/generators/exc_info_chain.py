# sys.exc_info() in a generator: its own handled exception, else what the
# code that resumed it is handling (CPython chains exception states).
import sys
def g():
    yield sys.exc_info()[0]
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
def run():
    it = g()
    try:
        raise KeyError("k")
    except KeyError:
        print(next(it))
        print(next(it))
    print(next(it))
    try:
        raise TypeError
    except TypeError:
        for x in g():
            print("for", x)
    def h():
        try:
            yield 1
        finally:
            print("h exc", sys.exc_info()[0])
    try:
        raise IndexError
    except IndexError:
        for y in h():
            pass
    def k():
        raise RuntimeError("in gen")
        yield
    try:
        try:
            raise KeyError("outer")
        except KeyError:
            next(k())
    except RuntimeError as e:
        print("context", repr(e.__context__))
run()
print(sys.exc_info())
