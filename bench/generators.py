"""A pipeline of generators: source -> transform -> filter -> window -> sink.

Measures: generator creation and resumption, `yield from` delegation,
generator expressions, send(), and builtins that consume iterators (sum,
zip, enumerate, any). Argument: number of source items (default 600000).
Checksum: several sums reduced modulo a prime.
"""

import sys

MOD = 1000000007


def source(n, seed):
    # A linear congruential generator so the stream is the same everywhere.
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x


def scale(items, factor):
    for x in items:
        yield (x % 1000) * factor


def keep_odd(items):
    for x in items:
        if x & 1:
            yield x


def window_sums(items, width):
    window = []
    total = 0
    for x in items:
        window.append(x)
        total += x
        if len(window) > width:
            total -= window.pop(0)
        if len(window) == width:
            yield total


def chained(n):
    # yield from over several sub-generators.
    yield from source(n // 3, 1)
    yield from source(n // 3, 2)
    yield from (x ^ 0x5555 for x in source(n - 2 * (n // 3), 3))


def running_average():
    # A coroutine driven by send(): returns the integer mean so far.
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total // count


def tree(depth):
    # Recursive generators: yield the leaves of a complete binary tree.
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield from tree(depth - 1)


def main(n):
    a = 0
    for s in window_sums(keep_odd(scale(source(n, 42), 3)), 8):
        a = (a * 31 + s) % MOD

    b = sum(x % 7 for x in chained(n))

    avg = running_average()
    next(avg)
    c = 0
    for i, x in enumerate(source(n // 2, 7)):
        c = (c + avg.send(x % 10007) * (i & 15)) % MOD

    d = sum(1 for _ in tree(14)) * (n // 100000 + 1)

    pairs = zip(source(n // 2, 11), source(n // 2, 13))
    e = sum(1 for x, y in pairs if ((x ^ y) >> 16) & 3 == 0)
    f = any(x == 12345 for x in source(n // 4, 17))

    print(a, b, c, d, e, f)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600000)
