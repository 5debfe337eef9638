"""Rational numbers of unbounded precision: fractions.Fraction (CPython 3.11 behaviour).

Invariants of a Fraction: `_denominator > 0` and gcd(_numerator, _denominator)
is 1, so equal values have equal fields; the arithmetic keeps them reduced
(with the usual gcd shortcuts) and never mutates an instance.

Mixed arithmetic follows numbers' rules: with int or Fraction the result is
exact (a Fraction; // gives an int), with float it is a float, with complex a
complex; other operand types get NotImplemented, so their reflected methods
run.  Hashes equal those of equal ints and floats (the modular hash of
sys.hash_info), so hash(Fraction(1, 2)) == hash(0.5).

Not supported: Decimal (there is no decimal module); the string format of the
constructor is that of CPython's regular expression, parsed by hand.
"""

import math
import numbers
import operator
import sys

__all__ = ["Fraction"]

try:
    _HASH_MODULUS = sys.hash_info.modulus
    _HASH_INF = sys.hash_info.inf
except AttributeError:  # the runtime has no sys.hash_info: CPython's 64-bit values
    _HASH_MODULUS = (1 << 61) - 1
    _HASH_INF = 314159


# ---------------------------------------------------------------------------
# Parsing strings like " -1_000.25e-3 " or "3/4".


def _is_digit(ch):
    # The \d of a str pattern: Unicode decimal digits.
    return ch.isdecimal()


def _digit_run(s, i):
    """End of the longest match of \\d+(_\\d+)* at s[i] (i itself if none)."""
    n = len(s)
    if i >= n or not _is_digit(s[i]):
        return i
    j = i + 1
    while True:
        while j < n and _is_digit(s[j]):
            j += 1
        if j + 1 < n and s[j] == "_" and _is_digit(s[j + 1]):
            j += 1
            continue
        return j


def _parse_rational(text):
    """(numerator, denominator) for a Fraction string, or None if malformed.

    The grammar: optional whitespace, optional sign, then either digits '/'
    digits, or digits with an optional '.' fraction and an optional exponent
    (at least one digit before or just after the '.'), optional whitespace.
    As in CPython 3.11, whose pattern reads `d*` for the fraction digits, a
    run of the letter d after the '.' also matches, and int() rejects it."""
    s = text.strip()
    n = len(s)
    i = 0
    negative = False
    if i < n and s[i] in "+-":
        negative = s[i] == "-"
        i += 1
    if not (i < n and (_is_digit(s[i]) or (s[i] == "." and i + 1 < n and _is_digit(s[i + 1])))):
        return None
    j = _digit_run(s, i)
    num_text = s[i:j]
    i = j
    numerator = int(num_text or "0")
    denominator = 1
    if i < n and s[i] == "/":
        j = _digit_run(s, i + 1)
        if j == i + 1:
            return None
        denominator = int(s[i + 1:j])
        i = j
    else:
        if i < n and s[i] == ".":
            i += 1
            j = _digit_run(s, i)
            if j == i:
                while j < n and s[j] in "dD":
                    j += 1
            decimal = s[i:j].replace("_", "")
            i = j
            if decimal:
                scale = 10 ** len(decimal)
                numerator = numerator * scale + int(decimal)
                denominator *= scale
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            k = _digit_run(s, j)
            if k == j:
                return None
            exp = int(s[i + 1:k])
            i = k
            if exp >= 0:
                numerator *= 10 ** exp
            else:
                denominator *= 10 ** -exp
    if i != n:
        return None
    if negative:
        numerator = -numerator
    return numerator, denominator


# ---------------------------------------------------------------------------


def _binary_op(exact, fallback, name):
    """The forward and reflected methods for an operator.

    exact(a, b) works on anything with numerator/denominator (two rationals);
    fallback is the operator applied to floats or complexes."""

    def forward(a, b):
        if isinstance(b, (int, Fraction)):
            return exact(a, b)
        if isinstance(b, float):
            return fallback(float(a), b)
        if isinstance(b, complex):
            return fallback(complex(a), b)
        return NotImplemented

    def reflected(b, a):
        if isinstance(a, numbers.Rational):
            return exact(a, b)
        if isinstance(a, numbers.Real):
            return fallback(float(a), float(b))
        if isinstance(a, numbers.Complex):
            return fallback(complex(a), complex(b))
        return NotImplemented

    forward.__name__ = forward.__qualname__ = "__" + name + "__"
    reflected.__name__ = reflected.__qualname__ = "__r" + name + "__"
    forward.__doc__ = reflected.__doc__ = exact.__doc__
    return forward, reflected


def _add_sub(a, b, sign):
    """a + sign*b, using gcd(da, db) to keep the intermediate products small."""
    na, da = a.numerator, a.denominator
    nb, db = b.numerator, b.denominator
    g = math.gcd(da, db)
    if g == 1:
        return Fraction(na * db + sign * da * nb, da * db, _normalize=False)
    da_g = da // g
    top = na * (db // g) + sign * nb * da_g
    g2 = math.gcd(top, g)
    if g2 == 1:
        return Fraction(top, da_g * db, _normalize=False)
    return Fraction(top // g2, da_g * (db // g2), _normalize=False)


def _add(a, b):
    """a + b"""
    return _add_sub(a, b, 1)


def _sub(a, b):
    """a - b"""
    return _add_sub(a, b, -1)


def _mul(a, b):
    """a * b"""
    na, da = a.numerator, a.denominator
    nb, db = b.numerator, b.denominator
    # Cancel across the diagonals first; the products are then reduced.
    g = math.gcd(na, db)
    if g > 1:
        na //= g
        db //= g
    g = math.gcd(nb, da)
    if g > 1:
        nb //= g
        da //= g
    return Fraction(na * nb, db * da, _normalize=False)


def _truediv(a, b):
    """a / b"""
    na, da = a.numerator, a.denominator
    nb, db = b.numerator, b.denominator
    g = math.gcd(na, nb)
    if g > 1:
        na //= g
        nb //= g
    g = math.gcd(db, da)
    if g > 1:
        da //= g
        db //= g
    top, bottom = na * db, nb * da
    if bottom < 0:
        top, bottom = -top, -bottom
    # bottom == 0 raises ZeroDivisionError('Fraction(top, 0)'), as CPython does.
    return Fraction(top, bottom, _normalize=False)


def _floordiv(a, b):
    """a // b"""
    return (a.numerator * b.denominator) // (a.denominator * b.numerator)


def _divmod(a, b):
    """(a // b, a % b)"""
    da, db = a.denominator, b.denominator
    quotient, rest = divmod(a.numerator * db, da * b.numerator)
    return quotient, Fraction(rest, da * db)


def _mod(a, b):
    """a % b"""
    da, db = a.denominator, b.denominator
    return Fraction((a.numerator * db) % (b.numerator * da), da * db)


class Fraction(numbers.Rational):
    """A rational number numerator/denominator, always in lowest terms.

    Fraction(7, -21) == Fraction(-1, 3); Fraction(3) is 3/1; Fraction() is 0.
    Also built from a numeric string ('-2.5e3', '3/7', ' 1_000 '), a float
    (exactly: Fraction(0.1) is not 1/10), or any Rational."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse_rational(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif isinstance(numerator, numbers.Rational) and isinstance(denominator, numbers.Rational):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of float f (or an Integral) as a Fraction."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal; only Integrals here (no decimal module)."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                        % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        """(numerator, denominator), the denominator positive."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The Fraction closest to self whose denominator is at most max_denominator.

        Walks the continued-fraction convergents p/q of self until the next
        denominator would be too large; the answer is then either the last
        convergent or the best semiconvergent below the bound."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        prev_p, prev_q, p, q = 0, 1, 1, 0
        top, bottom = self._numerator, self._denominator
        while True:
            a = top // bottom
            next_q = prev_q + a * q
            if next_q > max_denominator:
                break
            prev_p, prev_q, p, q = p, q, prev_p + a * p, next_q
            top, bottom = bottom, top - a * bottom
        k = (max_denominator - prev_q) // q
        semi = Fraction(prev_p + k * p, prev_q + k * q)
        convergent = Fraction(p, q)
        if abs(convergent - self) <= abs(semi - self):
            return convergent
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    __add__, __radd__ = _binary_op(_add, operator.add, "add")
    __sub__, __rsub__ = _binary_op(_sub, operator.sub, "sub")
    __mul__, __rmul__ = _binary_op(_mul, operator.mul, "mul")
    __truediv__, __rtruediv__ = _binary_op(_truediv, operator.truediv, "truediv")
    __floordiv__, __rfloordiv__ = _binary_op(_floordiv, operator.floordiv, "floordiv")
    __divmod__, __rdivmod__ = _binary_op(_divmod, divmod, "divmod")
    __mod__, __rmod__ = _binary_op(_mod, operator.mod, "mod")

    def __pow__(a, b):
        """a ** b: a Fraction for an integral b, else a float or complex."""
        if not isinstance(b, numbers.Rational):
            return float(a) ** b
        if b.denominator != 1:
            return float(a) ** float(b)
        power = b.numerator
        if power >= 0:
            return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
        # A negative power inverts; the sign moves to the new numerator.
        if a._numerator >= 0:
            return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
        return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: a plain Fraction equal to a"""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a, _index=operator.index):
        """int(a): truncates toward zero"""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a.numerator // a.denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a.numerator // a.denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): halves go to the even neighbour."""
        if ndigits is None:
            whole, rest = divmod(self.numerator, self.denominator)
            twice = rest * 2
            if twice < self.denominator:
                return whole
            if twice > self.denominator:
                return whole + 1
            return whole if whole % 2 == 0 else whole + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        """hash(self): the numeric hash shared with equal ints and floats.

        For p/q it is p * q^-1 modulo the hash modulus (with the sign of p),
        or the infinity hash when q is a multiple of the modulus."""
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            value = _HASH_INF
        else:
            value = hash(hash(abs(self._numerator)) * inverse)
        if self._numerator < 0:
            value = -value
        return -2 if value == -1 else value

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """Order self against a Rational or a float (NotImplemented otherwise)."""
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self  # immutable
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
