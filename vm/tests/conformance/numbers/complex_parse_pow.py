# complex() parsing forms, CPython's complex power and division algorithms, repr of special values, errors.
for s in ["1", "-j", "+J", "2.5j", "1+1j", "1-j", "(1e3-2.5e-3j)", " ( -inf+nanj ) ", "1_0j", "infj", "-0-0j", "0x"]:
    try:
        print(repr(complex(s)))
    except ValueError as e:
        print(s, e)
print(complex(1j, 1j), complex(imag=1j), complex(real=2, imag=3), complex(1.5), complex(True, False))
for bad in [lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex([]), lambda: complex(1, {}), lambda: complex(b"1"), lambda: complex("1__0j")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print((1 + 2j) ** 3, (1 + 1j) ** -2, (1 + 2j) ** 0.5, 2 ** (1 + 1j), 1j ** 1j, (-8) ** (1 / 3), (-1.0) ** 0.5)
print(complex(1e300, 1e300) ** 2, (1 + 2j) ** 101, (3 + 4j) / (1 - 2j), 2 / 1j, 1e300j * 10)
for bad in [lambda: (1e200j) ** 2, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: (1 + 1j) / 0, lambda: pow(1j, 2, 3) if False else (1j).__pow__(2, 3)]:
    try:
        print(bad())
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), repr(complex(float("nan"), float("-inf"))), repr(1e16j), repr(complex(1e-5, 1e22)))
print((1.5 + 2.5j).__hash__(), (-1 + 0j).__hash__(), abs(complex(1e308, 1e308)), (1 + 0j) == 1, complex(2 ** 53 + 1, 0) == 2 ** 53 + 1)
print(format(1.5 - 2.25j, ".2f"), format(1j, "8"), f"{3 + 4j:>12}")
