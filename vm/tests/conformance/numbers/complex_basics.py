# complex numbers: construction, arithmetic, repr.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, z * 1j, z / 2, z ** 2, z == complex(3, 4))
print(complex(), complex(1), complex("1+2j"), complex("-j"), complex(" 3.5 "), complex(1, -0.0), complex(0, 1) ** 2)
print(1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), 2 ** (1j * 0), (1 + 1j) ** 0.5)
print(repr(0j), repr(-0j), repr(1e300j * 10), complex(float("nan"), 1), repr(complex(-0.0, -0.0)), 1j.real)
print(hash(1 + 0j) == hash(1), 1 + 0j == 1, (1 + 0j) != 2, isinstance(1j, complex))
for bad in [lambda: (1 + 1j) < (2 + 2j), lambda: complex("1+"), lambda: 1j // 1, lambda: int(1j), lambda: 1j % 2, lambda: (0j) ** -1]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(divmod.__name__, abs(-3j), pow(1j, 2), complex(2, 3).__format__(""))
