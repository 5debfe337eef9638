"""Abstract Base Classes for numbers (PEP 3141): Number > Complex > Real > Rational > Integral.

Each level declares the operations a number of that kind supports as abstract
methods, and implements the ones that follow from the others (for example
Real gives real/imag/conjugate/__complex__, Integral gives numerator,
denominator and __index__).  The built-in types are registered: complex as
Complex, float as Real, int (and so bool) as Integral.  Instances of these
ABCs are unhashable unless a subclass defines __hash__.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """Root of the numeric hierarchy; isinstance(x, Number) says x is a number."""

    __slots__ = ()

    # Concrete numeric types must provide their own hash.
    __hash__ = None


class Complex(Number):
    """A complex number: +, -, *, /, **, abs(), conjugate, ==, complex(), bool()."""

    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """complex(self)"""

    def __bool__(self):
        """True when self != 0."""
        return self != 0

    @property
    @abstractmethod
    def real(self):
        """The real component (a Real)."""
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        """The imaginary component (a Real)."""
        raise NotImplementedError

    @abstractmethod
    def __add__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __radd__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __neg__(self):
        raise NotImplementedError

    @abstractmethod
    def __pos__(self):
        raise NotImplementedError

    def __sub__(self, other):
        """self - other, as self + -other."""
        return self + -other

    def __rsub__(self, other):
        """other - self, as -self + other."""
        return -self + other

    @abstractmethod
    def __mul__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rmul__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __truediv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rtruediv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __pow__(self, exponent):
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
        raise NotImplementedError

    @abstractmethod
    def __abs__(self):
        """The Real distance from 0."""
        raise NotImplementedError

    @abstractmethod
    def conjugate(self):
        """(x+y*i).conjugate() is x-y*i."""
        raise NotImplementedError

    @abstractmethod
    def __eq__(self, other):
        raise NotImplementedError


Complex.register(complex)


class Real(Complex):
    """A real number: Complex plus ordering, float(), floor/ceil/trunc/round, // and %."""

    __slots__ = ()

    @abstractmethod
    def __float__(self):
        """float(self): the nearest float."""
        raise NotImplementedError

    @abstractmethod
    def __trunc__(self):
        """math.trunc(self): the Integral closest to self between 0 and self."""
        raise NotImplementedError

    @abstractmethod
    def __floor__(self):
        """math.floor(self): the greatest Integral <= self."""
        raise NotImplementedError

    @abstractmethod
    def __ceil__(self):
        """math.ceil(self): the least Integral >= self."""
        raise NotImplementedError

    @abstractmethod
    def __round__(self, ndigits=None):
        """round(self, ndigits): an Integral without ndigits, else a Real; halves to even."""
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other) as (self // other, self % other)."""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """divmod(other, self) as (other // self, other % self)."""
        return (other // self, other % self)

    @abstractmethod
    def __floordiv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rfloordiv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __mod__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rmod__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __lt__(self, other):
        """self < other; < and > need not be consistent with ==."""
        raise NotImplementedError

    @abstractmethod
    def __le__(self, other):
        raise NotImplementedError

    # The Complex operations that follow from being real.
    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        """A real number is its own real part."""
        return +self

    @property
    def imag(self):
        """A real number has no imaginary part."""
        return 0

    def conjugate(self):
        """A real number is its own conjugate."""
        return +self


Real.register(float)


class Rational(Real):
    """numerator/denominator in lowest terms, denominator positive."""

    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        """float(self) = numerator / denominator, correctly rounded by int true division."""
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """An integer: Rational plus int(), index(), bit operations and 3-argument pow."""

    __slots__ = ()

    @abstractmethod
    def __int__(self):
        raise NotImplementedError

    def __index__(self):
        """operator.index(self)"""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """self ** exponent % modulus, computed without the huge intermediate."""
        raise NotImplementedError

    @abstractmethod
    def __lshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rlshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rrshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __and__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rand__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __xor__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rxor__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __or__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __ror__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __invert__(self):
        raise NotImplementedError

    # The Rational and Real operations that follow from being an integer.
    def __float__(self):
        return float(int(self))

    @property
    def numerator(self):
        """An integer is its own numerator."""
        return +self

    @property
    def denominator(self):
        """An integer's denominator is 1."""
        return 1


Integral.register(int)
