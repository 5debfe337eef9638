"""List, dict and set comprehensions, sorting and slicing.

Measures: comprehension loops (nested, filtered), dict and set
comprehensions, sorted() with key functions and reverse, list slicing and
concatenation, tuple building and unpacking, builtins over sequences (sum,
min, max, len, zip, reversed). Argument: list size (default 400000).
Checksum: sizes and sums of the results.
"""

import sys


def main(n):
    xs = [(i * 7919) % n for i in range(n)]
    squares = [x * x for x in xs if x % 3]
    pairs = [(a, b) for a in range(120) for b in range(a, 120) if (a ^ b) & 5 == 0]
    index = {x: i for i, x in enumerate(xs)}
    residues = {x % 1009 for x in xs}
    nested = [[j * i for j in range(i % 10)] for i in range(n // 10)]
    flat = [v for row in nested for v in row]
    by_key = sorted(xs[: n // 2], key=lambda v: (v % 101, -v))
    rev = sorted(squares, reverse=True)[:100]
    words = ["w%d" % (x % 5000) for x in xs[: n // 4]]
    lengths = {w: len(w) for w in words}
    grouped = {}
    for w in words:
        grouped.setdefault(w[-1], []).append(w)
    chunks = [xs[i:i + 64] for i in range(0, n, 64)]
    chunk_max = [max(c) for c in chunks]
    chunk_min = [min(c) for c in chunks]
    zipped = [a - b for a, b in zip(chunk_max, reversed(chunk_min))]
    gen_total = sum(x for x in xs if x & 1)
    tuples = [(x, -x, str(x)) for x in xs[:: 7]]
    unpacked = 0
    for a, b, c in tuples:
        unpacked += a + b + len(c)
    matrix = [[(i * j) % 17 for j in range(60)] for i in range(60)]
    transposed = [list(row) for row in zip(*matrix)]
    trace = sum(transposed[i][i] for i in range(60))
    print(len(squares), sum(squares) % 4000000007, len(pairs), len(index), len(residues),
          len(flat), sum(flat), by_key[:3], by_key[-1], rev[0], len(lengths),
          sorted((k, len(v)) for k, v in grouped.items())[:3], sum(zipped), gen_total,
          unpacked, trace)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400000)
