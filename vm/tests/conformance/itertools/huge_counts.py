# Counts beyond a C Py_ssize_t are OverflowErrors (or islice's ValueError),
# as in CPython, never an endless loop.
import itertools
tests = [lambda: itertools.repeat(1, 2**64), lambda: itertools.islice([1], 2**64), lambda: itertools.combinations([1], 2**64), lambda: itertools.permutations([1], 2**64), lambda: itertools.product([1], repeat=2**64), lambda: itertools.combinations_with_replacement([1], 2**64), lambda: itertools.islice([1], 0, 2**64, 2**64), lambda: itertools.repeat(1, -2**64), lambda: itertools.count(2**64), lambda: itertools.tee([1], 2**64)]
for t in tests:
    try: r = t(); print('ok', type(r).__name__)
    except Exception as e: print(type(e).__name__, e)
