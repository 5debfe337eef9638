"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1).

Measures: nested loops calling a small function, float division, list
building with comprehensions and zip. Argument: matrix size (default 300).
Checksum: the norm to nine decimals.
"""

import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j, uj in enumerate(u):
            total += eval_a(i, j) * uj
        result.append(total)
    return result


def times_at(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j, uj in enumerate(u):
            total += eval_a(j, i) * uj
        result.append(total)
    return result


def times_ata(u):
    return times_at(times_a(u))


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    print("%.9f" % ((vbv / vv) ** 0.5))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
