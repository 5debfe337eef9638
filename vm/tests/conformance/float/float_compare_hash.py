# Float equality, ordering and hashing consistency with ints.
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0) == hash(0.0), hash(2.0 ** 80) == hash(2 ** 80))
print(hash(float("inf")), hash(float("-inf")), 1.0 in {1}, {1.0: "a"}[1], {1: "x", 1.0: "y"})
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1 / 3 == 0.3333333333333333)
import math
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
