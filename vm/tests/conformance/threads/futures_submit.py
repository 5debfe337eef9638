# ThreadPoolExecutor.submit: results, exceptions, the with statement, shutdown and submitting after it.
from concurrent.futures import ThreadPoolExecutor
import concurrent.futures as cf


def square(x):
    return x * x


def fail(msg):
    raise KeyError(msg)


with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(square, i) for i in range(10)]
    print([f.result() for f in futures])
    kw = ex.submit(sorted, [3, 1, 2], reverse=True)
    print(kw.result(timeout=5))
    bad = ex.submit(fail, "nope")
    print("exception:", repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("result re-raised KeyError", e)
print("done after with:", all(f.done() for f in futures))

try:
    ex.submit(square, 2)
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown()  # a second shutdown is harmless

ex2 = ThreadPoolExecutor(2)
f = ex2.submit(square, 12)
ex2.shutdown(wait=True)
print(f.result())
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError:", e)

# fn is a keyword-usable name for a callee's own argument.
with ThreadPoolExecutor(1) as ex3:
    print(ex3.submit(lambda fn: fn * 2, fn=21).result())
print([n for n in sorted(cf.__all__) if n != "ProcessPoolExecutor"])
