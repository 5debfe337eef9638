# throw() raises inside the generator; close() raises GeneratorExit.
def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled in generator:", e)
                yield "recovered"
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.close()
print("closed", w.gi_frame is None)
def no_handler():
    yield 1
g = no_handler()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def fresh():
    print("never runs")
    yield
f = fresh()
f.close()
try:
    next(f)
except StopIteration:
    print("closed before start")
g = no_handler()
try:
    g.throw(TypeError, TypeError("t"), None)
except TypeError as e:
    print("throw on unstarted:", e)
