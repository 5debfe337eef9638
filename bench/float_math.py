"""Floating-point math: points on a curve, normalisation, and numeric kernels.

Measures: float arithmetic and comparisons, calls into the math module
(sin, cos, sqrt, exp, log, atan2, hypot, floor), float attribute access on
small objects, and float formatting. Argument: number of points
(default 300000).
Checksum: reductions printed with a fixed number of decimals.
"""

import math
import sys


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        if norm:
            self.x /= norm
            self.y /= norm
            self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def integrate(f, a, b, steps):
    # Simpson's rule.
    h = (b - a) / steps
    total = f(a) + f(b)
    for k in range(1, steps):
        x = a + k * h
        total += (4.0 if k & 1 else 2.0) * f(x)
    return total * h / 3.0


def mandel_rows(size, max_iter):
    inside = 0
    for py in range(size):
        ci = 2.0 * py / size - 1.0
        for px in range(size):
            cr = 3.0 * px / size - 2.0
            zr = zi = 0.0
            it = 0
            while it < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                it += 1
            if it == max_iter:
                inside += 1
    return inside


def main(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    angles = 0.0
    for p in points[: n // 2]:
        angles += math.atan2(p.y, p.x) + math.hypot(p.x, p.z)
    simpson = integrate(lambda x: math.exp(-x * x) * math.log(1.0 + x), 0.0, 3.0, n)
    floors = sum(math.floor(p.y * 10.0) for p in points[: n // 4])
    inside = mandel_rows(60 + n // 2000, 50)
    print("%.6f %.6f %.6f %.6f %.9f %d %d" % (best.x, best.y, best.z, angles, simpson,
                                              floors, inside))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
