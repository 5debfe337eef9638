"""Compare vm/lib/fractions.py and numbers.py with CPython's modules."""

import copy
import fractions as real_fractions
import math
import numbers as real_numbers
import operator
import random

import harness

mods = harness.load()
F = mods["fractions"].Fraction
RF = real_fractions.Fraction
N = mods["numbers"]
c = harness.Checker("fractions+numbers")
rng = random.Random(2024)


def norm(value):
    """Results of our Fraction and CPython's compare equal after this."""
    if isinstance(value, (F, RF)):
        return ("Fraction", value.numerator, value.denominator, type(value).__name__)
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    if isinstance(value, tuple):
        return tuple(norm(v) for v in value)
    return value


def same(label, fn_ours, fn_real):
    c.eq(label, norm_outcome(fn_ours), norm_outcome(fn_real))


def norm_outcome(fn):
    r = harness.outcome(fn)
    if r[0] == "ok":
        return ("ok", norm(r[1]))
    return r


def rand_int():
    return rng.choice([0, 1, -1, 2, 3, -7, 10, 12, 100, -360, 2**61 - 1, 2**64 + 3, -(10**30), rng.randrange(-1000, 1000)])


def rand_pair():
    while True:
        d = rand_int()
        if d:
            return rand_int(), d


def test_construction():
    for _ in range(300):
        n, d = rand_pair()
        same(f"Fraction({n}, {d})", lambda: F(n, d), lambda: RF(n, d))
        same(f"Fraction({n})", lambda: F(n), lambda: RF(n))
    for x in [0.5, -0.0, 1e300, 1e-320, 0.1, -2.75, float("inf"), float("nan"), 3.0, True, False]:
        same(f"Fraction({x!r})", lambda: F(x), lambda: RF(x))
        same(f"from_float({x!r})", lambda: F.from_float(x), lambda: RF.from_float(x))
    strings = ["1/2", " -3/6 ", "+4", "1.25", "-0.5e3", "1e-3", ".5", "5.", "1_000", "1_000/2_0", "1.5E+2",
               "3.1415", "-47e-2", "", " ", "1/0", "0/5", "1/", "/2", "1.2/3", "1e", "1_", "_1", "1__0", "a",
               "1.d", "1.dd", "1.e5", "١٢", "1 /2", "\t7\n", "inf", "nan", "1.5e3/2", "0.000", "-.25", "+-1",
               "1e1_0", "1.2_3", "1._5", "1e+", "12345678901234567890.123456789e-5"]
    for s in strings:
        same(f"Fraction({s!r})", lambda: F(s), lambda: RF(s))
    others = [(1.5, 2), (F(1, 2), F(3, 4)), ("1", 2), (2, 0), (F(1, 3), 0), (0, -5), (1, 2.0), (None,), ([],),
              (1j,), (F(3, 4),)]
    for args in others:
        rargs = tuple(RF(a.numerator, a.denominator) if isinstance(a, F) else a for a in args)
        same(f"Fraction{args!r}", lambda: F(*args), lambda: RF(*rargs))
    same("from_float str", lambda: F.from_float("x"), lambda: RF.from_float("x"))
    same("Fraction()", lambda: F(), lambda: RF())


def both(n, d):
    return F(n, d), RF(n, d)


def operands():
    n, d = rand_pair()
    yield both(n, d)
    yield (rand_int(),) * 2
    x = rng.choice([0.5, -1.25, 0.0, 3.0, 1e20, float("inf"), float("nan")])
    yield x, x
    z = rng.choice([1j, 2 + 0j, complex(0.5, -1)])
    yield z, z


OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv, operator.mod, divmod,
       operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge]


def test_arithmetic():
    for _ in range(400):
        a, ra = both(*rand_pair())
        for b, rb in operands():
            for op in OPS:
                same(f"{op.__name__}({ra!r}, {rb!r})", lambda: op(a, b), lambda: op(ra, rb))
                same(f"{op.__name__}({rb!r}, {ra!r})", lambda: op(b, a), lambda: op(rb, ra))
        if abs(ra.numerator) > 2**70 or ra.denominator > 2**70:
            continue
        for p in [0, 1, 2, 3, -1, -2, 0.5, F(1, 2), F(4, 2), 1j]:
            rp = RF(p.numerator, p.denominator) if isinstance(p, F) else p
            same(f"{ra!r} ** {rp!r}", lambda: a ** p, lambda: ra ** rp)
        small, rsmall = both(rng.randrange(-40, 40), rng.randrange(1, 5))
        for base in [2, -3, 0, 2.0, 4.0]:
            same(f"{base} ** {rsmall!r}", lambda: base ** small, lambda: base ** rsmall)
        for base in [2.0, 4.0, 0.5]:
            same(f"{base} ** {ra!r}", lambda: base ** a, lambda: base ** ra)
        for fn in [operator.neg, operator.pos, abs, int, math.trunc, math.floor, math.ceil, round, bool, float,
                   complex, hash, str, repr, lambda x: x.as_integer_ratio(), lambda x: round(x, 2),
                   lambda x: round(x, -1), lambda x: round(x, 0), lambda x: x.limit_denominator(10),
                   lambda x: x.limit_denominator(1), lambda x: x.limit_denominator(0), lambda x: x.limit_denominator(),
                   lambda x: x.real, lambda x: x.imag, lambda x: x.conjugate(), lambda x: (x.numerator, x.denominator),
                   copy.copy, copy.deepcopy, lambda x: x.__reduce__()[1], lambda x: type(x).__name__]:
            same(f"unary {getattr(fn, '__name__', fn)}({ra!r})", lambda: fn(a), lambda: fn(ra))


def test_hash():
    for _ in range(300):
        n, d = rand_pair()
        c.eq(f"hash({n}/{d})", hash(F(n, d)), hash(RF(n, d)))
    for x in [0.5, 0.1, -2.5, 1e300, 2.0 ** -1074]:
        c.eq(f"hash(Fraction({x}))", hash(F(x)), hash(x))
    c.eq("hash(Fraction(1, 2)) == hash(0.5)", hash(F(1, 2)), hash(0.5))
    c.eq("hash(-1)", hash(F(-1)), -2)
    c.eq("hash modulus denominator", hash(F(1, 2**61 - 1)), hash(RF(1, 2**61 - 1)))
    c.true("dict key", {F(1, 2): "x"}[0.5] == "x")


def test_limit_denominator():
    for _ in range(200):
        n, d = rand_pair()
        m = rng.choice([1, 2, 3, 7, 10, 100, 1000, 10**6])
        same(f"limit({n}/{d}, {m})", lambda: F(n, d).limit_denominator(m), lambda: RF(n, d).limit_denominator(m))
    same("pi", lambda: F(math.pi).limit_denominator(100), lambda: RF(math.pi).limit_denominator(100))
    same("355/113", lambda: F(355, 113).limit_denominator(10), lambda: RF(355, 113).limit_denominator(10))


def test_subclass_and_errors():
    class Sub(F):
        pass

    class RSub(RF):
        pass

    RSub.__name__ = "Sub"

    same("subclass repr", lambda: repr(Sub(1, 2)), lambda: repr(RSub(1, 2)))
    same("subclass add type", lambda: type(Sub(1, 2) + 1).__name__, lambda: type(RSub(1, 2) + 1).__name__)
    same("subclass pos type", lambda: type(+Sub(1, 2)).__name__, lambda: type(+RSub(1, 2)).__name__)
    same("add str", lambda: F(1, 2) + "x", lambda: RF(1, 2) + "x")
    same("radd str", lambda: "x" + F(1, 2), lambda: "x" + RF(1, 2))
    same("lt str", lambda: F(1, 2) < "x", lambda: RF(1, 2) < "x")
    same("eq str", lambda: F(1, 2) == "x", lambda: RF(1, 2) == "x")
    same("floordiv zero", lambda: F(1, 2) // 0, lambda: RF(1, 2) // 0)
    same("mod zero", lambda: F(1, 2) % 0, lambda: RF(1, 2) % 0)
    same("div zero", lambda: F(2, 3) / F(0), lambda: RF(2, 3) / RF(0))
    same("zero div zero", lambda: F(0) / 0, lambda: RF(0) / 0)
    same("zero pow -1", lambda: F(0) ** -1, lambda: RF(0) ** -1)
    same("int / fraction zero", lambda: 5 / F(0), lambda: 5 / RF(0))
    same("sum", lambda: sum(F(1, d) for d in range(1, 8)), lambda: sum(RF(1, d) for d in range(1, 8)))
    same("sorted", lambda: repr(sorted([F(1, 3), 0.3, F(1, 4), 1])), lambda: repr(sorted([RF(1, 3), 0.3, RF(1, 4), 1])))
    same("1 == 1.0 == Fraction(1)", lambda: 1 == 1.0 == F(1) == True, lambda: 1 == 1.0 == RF(1) == True)
    same("complex eq", lambda: (F(1, 2) == 0.5 + 0j, F(1, 2) == 0.5 + 1j),
         lambda: (RF(1, 2) == 0.5 + 0j, RF(1, 2) == 0.5 + 1j))
    same("format", lambda: (format(F(1, 2)), f"{F(3, 4)}"), lambda: (format(RF(1, 2)), f"{RF(3, 4)}"))


def test_numbers():
    values = [1, True, 1.5, 1j, F(1, 2), "x", None, [], 10**30]
    abcs = ["Number", "Complex", "Real", "Rational", "Integral"]
    for v in values:
        rv = RF(1, 2) if isinstance(v, F) else v
        for name in abcs:
            c.eq(f"isinstance({v!r}, {name})", isinstance(v, getattr(N, name)), isinstance(rv, getattr(real_numbers, name)))
    for t in [int, bool, float, complex, F, str]:
        for name in abcs:
            rt = RF if t is F else t
            c.eq(f"issubclass({t.__name__}, {name})", issubclass(t, getattr(N, name)),
                 issubclass(rt, getattr(real_numbers, name)))
    for name in abcs:
        ours = getattr(N, name)
        real = getattr(real_numbers, name)
        c.eq(f"{name} abstract methods", sorted(ours.__abstractmethods__), sorted(real.__abstractmethods__))
        c.eq(f"{name} hash", ours.__hash__, None)
        c.same(f"{name}()", lambda: type(ours()).__name__, lambda: type(real()).__name__)

    class MyInt(N.Integral):
        def __init__(self, v):
            self.v = v

        def __int__(self):
            return self.v

        def __pos__(self):
            return self.v

        __pow__ = __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = __and__ = __rand__ = None
        __xor__ = __rxor__ = __or__ = __ror__ = __invert__ = __add__ = __radd__ = __neg__ = None
        __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __rpow__ = __abs__ = __eq__ = None
        __trunc__ = __floor__ = __ceil__ = __round__ = __floordiv__ = __rfloordiv__ = None
        __mod__ = __rmod__ = __lt__ = __le__ = None

    m = MyInt(7)
    c.eq("Integral mixins", (m.numerator, m.denominator, float(m), m.__index__(), m.real, m.imag, complex(m)),
         (7, 1, 7.0, 7, 7, 0, 7 + 0j))


for t in [test_construction, test_arithmetic, test_hash, test_limit_denominator, test_subclass_and_errors,
          test_numbers]:
    c.run(t)
c.done()
