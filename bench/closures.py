"""Recursion and closures.

Recursive fib and Ackermann-style calls (deep Python-to-Python call
chains), a memoising decorator built from closures, counters and adders
built with nonlocal, lambdas passed as arguments, default arguments and
*args/**kwargs calls. Measures: function-call overhead, frame creation, cell
variables. Argument: fib depth (default 32).
Checksum: integer results of each part.
"""

import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def memoize(f):
    cache = {}

    def wrapper(*args):
        if args in cache:
            return cache[args]
        result = f(*args)
        cache[args] = result
        return result

    wrapper.cache = cache
    return wrapper


@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


def make_counter(step):
    count = 0

    def bump(times=1):
        nonlocal count
        count += step * times
        return count

    return bump


def make_adders(n):
    # Each closure captures its own i through a default argument and a cell.
    return [(lambda x, i=i: x + i) for i in range(n)]


def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x

    return composed


def apply_kwargs(f, *args, **kwargs):
    return f(*args, **kwargs)


def weighted(a, b=2, *, c=3, **extra):
    return a * b + c + len(extra)


def main(n):
    a = fib(n)
    b = tak(18, 12, 6)
    c = paths(60, 60) % 1000000007
    counters = [make_counter(k) for k in range(1, 9)]
    d = 0
    for i in range(20000 * n // 25):
        d += counters[i & 7](i & 3)
    adders = make_adders(50)
    pipeline = compose(*adders[:10])
    e = sum(pipeline(i) for i in range(5000))
    f = 0
    for i in range(20000):
        f += apply_kwargs(weighted, i, c=i & 7, tag="x")
        f += apply_kwargs(weighted, i, 3)
    print(a, b, c, d, e, f)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 32)
