"""Arbitrary-precision integer arithmetic.

Part 1 computes digits of pi with Gibbons' unbounded spigot (multiply,
add, floor-divide of growing integers). Part 2 multiplies out factorials and
Fibonacci numbers with thousands of digits, and reduces them with %, //,
pow(a, b, m), shifts and bitwise ops. Avoids str() of huge ints (CPython
limits it to 4300 digits); hex() is not limited.
Argument: number of pi digits (default 4000).
Checksum: the last pi digits, and digests of the big results.
"""

import sys


def pi_digits(count):
    # State of the linear fractional transform (q r; 0 t) and the counter k.
    q, r, t, k = 1, 0, 1, 1
    digits = []
    while len(digits) < count:
        # The next digit is known once floor((3q + r) / t) == floor((4q + r) / t).
        d3 = (q * 3 + r) // t
        if d3 == (q * 4 + r) // t:
            digits.append(d3)
            q, r = q * 10, (r - d3 * t) * 10
            continue
        # Otherwise consume one more term of the series.
        k2 = 2 * k + 1
        q, r, t, k = q * k, (q * 2 + r) * k2, t * k2, k + 1
    return digits


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def digest(x):
    h = hex(x)
    return (len(h), h[-12:], x % 1000000007, x.bit_length())


def main(n):
    digits = pi_digits(n)
    pi_tail = "".join(str(d) for d in digits[-20:])
    digit_sum = sum(digits)

    f = factorial(n)
    g = fibonacci(n * 4)
    p = pow(g, f % 1000003 + 3, (1 << 521) - 1)
    q = f // (g % (10 ** 40) + 1)
    mixed = (f ^ (g << 100)) & ((1 << 4000) - 1) | (g >> 50)
    print(pi_tail, digit_sum)
    print(digest(f), digest(g))
    print(digest(p), digest(q), digest(mixed))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
