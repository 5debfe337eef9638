"""Pseudo-random numbers, bit-for-bit compatible with CPython.

The generator is the Mersenne Twister MT19937 of the native _random module
(vm/src/modules/random.rs), as CPython's: the same seeding (int seeds via
init_by_array over the 32-bit words of abs(seed); str/bytes seeds hashed with
SHA-512 for version 2; seed(None) from the OS), the same random() (53 bits
from two 32-bit outputs) and getrandbits(), and the distribution methods
below consume the generator exactly as CPython's do, so a given seed produces
the same sequences as CPython 3.11.

A draw from the generator is one critical section (the native object's
lock), so threads may share a generator, and the module-level functions
share one, as in CPython.  SystemRandom needs os.urandom from the runtime.
"""

from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
from _collections_abc import Sequence as _Sequence
import time as _time
import _random

try:
    from warnings import warn as _warn
except ImportError:  # No warnings module: deprecations pass silently.
    def _warn(message, category=None, stacklevel=1):
        pass

__all__ = [
    "Random",
    "SystemRandom",
    "betavariate",
    "choice",
    "choices",
    "expovariate",
    "gammavariate",
    "gauss",
    "getrandbits",
    "getstate",
    "lognormvariate",
    "normalvariate",
    "paretovariate",
    "randbytes",
    "randint",
    "random",
    "randrange",
    "sample",
    "seed",
    "setstate",
    "shuffle",
    "triangular",
    "uniform",
    "vonmisesvariate",
    "weibullvariate",
]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53  # bits in a float's mantissa
RECIP_BPF = 2 ** -BPF
_ONE = 1


################################################################################
# SHA-512 (FIPS 180-4), used only to turn str/bytes seeds into integers.
################################################################################

_MASK64 = (1 << 64) - 1
_sha512_tables = None


def _first_primes(count):
    primes = []
    candidate = 2
    while len(primes) < count:
        if all(candidate % p for p in primes if p * p <= candidate):
            primes.append(candidate)
        candidate += 1
    return primes


def _icbrt(n):
    """Largest x with x**3 <= n (Newton's method on integers)."""
    x = 1 << ((n.bit_length() + 2) // 3 + 1)
    while True:
        y = (2 * x + n // (x * x)) // 3
        if y >= x:
            break
        x = y
    while x * x * x > n:
        x -= 1
    while (x + 1) ** 3 <= n:
        x += 1
    return x


def _isqrt(n):
    x = 1 << ((n.bit_length() + 1) // 2 + 1)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            break
        x = y
    while x * x > n:
        x -= 1
    return x


def _sha512_constants():
    """(initial hash, round constants): the first 64 fraction bits of the
    square roots of the first 8 primes and of the cube roots of the first 80."""
    global _sha512_tables
    if _sha512_tables is None:
        primes = _first_primes(80)
        initial = [_isqrt(p << 128) & _MASK64 for p in primes[:8]]
        rounds = [_icbrt(p << 192) & _MASK64 for p in primes]
        _sha512_tables = (initial, rounds)
    return _sha512_tables


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK64


def _sha512_digest(data):
    initial, rounds = _sha512_constants()
    data = bytes(data)
    bit_length = len(data) * 8
    padded = data + b'\x80' + b'\x00' * ((112 - (len(data) + 1) % 128) % 128) + bit_length.to_bytes(16, 'big')
    h = list(initial)
    for start in range(0, len(padded), 128):
        w = [int.from_bytes(padded[start + 8 * i:start + 8 * i + 8], 'big') for i in range(16)]
        for t in range(16, 80):
            x, y = w[t - 15], w[t - 2]
            s0 = _rotr(x, 1) ^ _rotr(x, 8) ^ (x >> 7)
            s1 = _rotr(y, 19) ^ _rotr(y, 61) ^ (y >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK64)
        a, b, c, d, e, f, g, hh = h
        for t in range(80):
            big_s1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
            choose = (e & f) ^ (~e & g)
            temp1 = (hh + big_s1 + choose + rounds[t] + w[t]) & _MASK64
            big_s0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
            majority = (a & b) ^ (a & c) ^ (b & c)
            temp2 = (big_s0 + majority) & _MASK64
            hh, g, f, e, d, c, b, a = g, f, e, (d + temp1) & _MASK64, c, b, a, (temp1 + temp2) & _MASK64
        h = [(x + y) & _MASK64 for x, y in zip(h, (a, b, c, d, e, f, g, hh))]
    return b''.join(x.to_bytes(8, 'big') for x in h)


################################################################################
# Mersenne Twister core
################################################################################

class Random(_random.Random):
    """Mersenne Twister generator; the module-level functions use one hidden instance.

    The generator itself (seed from an int, random(), getrandbits(), the
    state) is native (_random.Random): a draw is one critical section, so
    threads may share an instance.  Subclasses may supply their own core
    generator by overriding random(), seed(), getstate() and setstate()
    (and getrandbits() to allow arbitrarily large randrange() ranges).
    """

    VERSION = 3  # the state format of getstate()/setstate()

    def __init__(self, x=None):
        """Create a generator seeded with x (see seed())."""
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        """Pick _randbelow for a subclass: with getrandbits() when the subclass
        provides it (or inherits ours), otherwise from random() alone."""
        super().__init_subclass__(**kwargs)
        for klass in cls.__mro__:
            if '_randbelow' in klass.__dict__:
                # An explicit _randbelow wins.
                break
            if 'getrandbits' in klass.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in klass.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    # -- seeding and state --

    def seed(self, a=None, version=2):
        """Reset the generator from a seed.

        a may be None (seed from clocks and object ids), an int (all its bits
        count), a float, or a str/bytes/bytearray (hashed with SHA-512 when
        version is 2; version 1 is the older, narrower str/bytes scheme).
        """
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode('latin-1') if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for ch in map(ord, a):
                x = ((1000003 * x) ^ ch) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(a + _sha512_digest(a), 'big')
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')

        # None seeds from the OS, an int from all its bits, anything else
        # (floats, ...) from its hash read as unsigned: the native seed().
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """The generator state as a tuple, for setstate()."""
        return self.VERSION, super().getstate(), self.gauss_next

    def setstate(self, state):
        """Restore a state that getstate() returned."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            super().setstate(internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            # Version 2 states may hold words as signed longs.
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            super().setstate(internalstate)
        else:
            raise ValueError('state with version %s passed to '
                             'Random.setstate() of version %s' %
                             (version, self.VERSION))

    def __getstate__(self):  # for pickle
        return self.getstate()

    def __setstate__(self, state):  # for pickle
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    # -- core outputs (random() and getrandbits() are native) --

    def randbytes(self, n):
        """n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    # -- integers --

    def _randbelow_with_getrandbits(self, n):
        """A random int in [0, n), n > 0, by rejection sampling on getrandbits()."""
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """A random int in [0, n), n > 0, using only random().

        For generators without getrandbits(); exact only while n < maxsize.
        """
        random = self.random
        if n >= maxsize:
            _warn('Underlying random() generator does not supply \n'
                  'enough bits to choose from a population range this large.\n'
                  'To remove the range limitation, add a getrandbits() method.')
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=_ONE):
        """A random member of range(start, stop, step) (or of range(start) when
        stop is omitted), without building the range."""
        istart = _range_arg(start, 'non-integer arg 1 for randrange()')
        if stop is None:
            # step is checked by identity: it has not been converted yet.
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError('empty range for randrange()')
        istop = _range_arg(stop, 'non-integer stop for randrange()')
        width = istop - istart
        istep = _range_arg(step, 'non-integer step for randrange()')
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError('empty range for randrange() (%d, %d, %d)' % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError('zero step for randrange()')
        if n <= 0:
            raise ValueError('empty range for randrange()')
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """A random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    # -- sequences --

    def choice(self, seq):
        """A random element of the non-empty sequence seq."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle the mutable sequence x in place (Fisher-Yates)."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """k distinct elements of the sequence population, in selection order.

        With counts, element i counts as counts[i] copies:
        sample(['a', 'b'], counts=[3, 1], k=2) draws from a, a, a, b.
        """
        if not isinstance(population, _Sequence):
            raise TypeError('Population must be a sequence.  '
                            'For dicts or sets, use sorted(d).')
        n = len(population)
        if counts is not None:
            cum_counts = list(_accumulate(counts))
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            bisect = _bisect
            return [population[bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError('Sample larger than population or is negative')
        result = [None] * k
        # Small samples from large populations track the chosen indices in a
        # set; otherwise a partial Fisher-Yates shuffle of a copy is cheaper.
        # The threshold is CPython's, so that the same draws are made.
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            selected_add = selected.add
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected_add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k elements of population chosen with replacement, optionally weighted
        by relative `weights` or running totals `cum_weights`."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                floor = _floor
                n += 0.0
                return [population[floor(random() * n)] for i in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(
                    f'The number of choices must be a keyword argument: {k=}'
                ) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        bisect = _bisect
        hi = n - 1
        return [population[bisect(cum_weights, random() * total, 0, hi)]
                for i in _repeat(None, k)]

    # -- real-valued distributions --

    def uniform(self, a, b):
        """A random float between a and b (b itself only through rounding)."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] peaking at mode (default: the midpoint)."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution with mean mu and standard deviation sigma."""
        # Kinderman and Monahan's ratio-of-uniforms method.
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution with mean mu and standard deviation sigma.

        Faster than normalvariate(): values come in pairs, the second kept
        for the next call (so concurrent callers need a lock).
        """
        # Box-Muller: each pair of uniforms gives two normal values; the
        # second is kept in gauss_next for the following call.
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log-normal distribution: exp() of a normal variate with mean mu and deviation sigma."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (the mean is 1/lambd).

        Negative lambd gives values from negative infinity to 0.
        """
        # 1.0 - random() is in (0, 1], which keeps log() finite.
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Von Mises (circular normal) distribution: an angle in [0, 2*pi) around
        mu with concentration kappa >= 0 (kappa 0 gives a uniform angle)."""
        # Best and Fisher's rejection method.
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape alpha > 0 and scale beta > 0."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection algorithm GB for alpha > 1.
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            # The exponential distribution.
            return -_log(1.0 - random()) * beta
        else:
            # Ahrens and Dieter's algorithm GS for alpha < 1.
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution on [0, 1] with alpha > 0 and beta > 0."""
        # Ratio of two gamma variates.
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


def _index(value):
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return method(value)


def _range_arg(value, message):
    """An int from a randrange() argument; integral floats still pass (deprecated)."""
    try:
        return _index(value)
    except TypeError:
        converted = int(value)
        if converted != value:
            _warn('randrange() will raise TypeError in the future', DeprecationWarning, 3)
            raise ValueError(message)
        _warn('non-integer arguments to randrange() have been deprecated '
              'since Python 3.10 and will be removed in a subsequent '
              'version', DeprecationWarning, 3)
        return converted


################################################################################
# SystemRandom
################################################################################

def _urandom(n):
    import os  # deferred: only SystemRandom needs it
    return os.urandom(n)


class SystemRandom(Random):
    """Generator drawing from the operating system's entropy (os.urandom).

    It has no state: seed() does nothing and getstate()/setstate() raise.
    """

    def __init__(self, x=None):
        self.gauss_next = None

    def random(self):
        """A float in [0.0, 1.0) with 53 random bits."""
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """A non-negative int with k random bits."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        """n random bytes."""
        return _urandom(n)

    def seed(self, *args, **kwds):
        """Does nothing: there is no state to seed."""
        return None

    def _notimplemented(self, *args, **kwds):
        """getstate()/setstate() are not available here."""
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented


################################################################################
# Module-level functions share one hidden instance.
################################################################################

_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
