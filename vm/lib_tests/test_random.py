"""Compare vm/lib/random.py with CPython's random: identical sequences per seed."""

import hashlib
import copy
import random as real
import warnings

import harness

mods = harness.load()
S = mods["random"]
c = harness.Checker("random")
warnings.simplefilter("ignore", DeprecationWarning)

SEEDS = [0, 1, 2, 42, 12345, 2 ** 32 - 1, 2 ** 32, 2 ** 64 + 3, 2 ** 200 + 12345, -1, -99, True, 3.5, -2.25,
         0.0, "", "hello", "ünïcödé", b"bytes", bytearray(b"ba"), "x" * 300]


def pair(seed, **kw):
    return S.Random(seed, **kw) if kw else S.Random(seed), real.Random(seed, **kw) if kw else real.Random(seed)


def test_sha512():
    for data in [b"", b"abc", b"a" * 111, b"a" * 112, b"a" * 127, b"a" * 128, b"a" * 129, bytes(range(256)) * 5]:
        c.eq(f"sha512 {len(data)}", S._sha512_digest(data), hashlib.sha512(data).digest())


def test_core_sequences():
    for seed in SEEDS:
        a, b = pair(seed)
        c.eq(f"state after seed {seed!r}", a.getstate(), b.getstate())
        c.eq(f"random() {seed!r}", [a.random() for _ in range(1500)], [b.random() for _ in range(1500)])
        for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 1000]:
            c.eq(f"getrandbits({k}) {seed!r}", [a.getrandbits(k) for _ in range(5)], [b.getrandbits(k) for _ in range(5)])
        c.eq(f"randbytes {seed!r}", [a.randbytes(n) for n in (0, 1, 3, 17)], [b.randbytes(n) for n in (0, 1, 3, 17)])
    for version in (1, 2):
        for seed in ["", "abc", b"abc", "ünï", 5, None]:
            if seed is None:
                continue
            a, b = S.Random(), real.Random()
            a.seed(seed, version=version)
            b.seed(seed, version=version)
            c.eq(f"seed version {version} {seed!r}", [a.random() for _ in range(10)], [b.random() for _ in range(10)])


def test_integers():
    for seed in SEEDS[:12]:
        a, b = pair(seed)
        for args in [(10,), (1, 7), (0, 100, 7), (100, 0, -3), (-5, 5), (2 ** 70,), (10 ** 30, 10 ** 31),
                     (0, 2 ** 100, 2 ** 37), (7, 8), (1, 10, 1)]:
            c.eq(f"randrange{args} {seed!r}", [a.randrange(*args) for _ in range(20)],
                 [b.randrange(*args) for _ in range(20)])
        c.eq(f"randint {seed!r}", [a.randint(-3, 3) for _ in range(50)], [b.randint(-3, 3) for _ in range(50)])
        c.eq(f"randrange float args {seed!r}", [a.randrange(3.0), a.randrange(1, 9.0, 2)],
             [b.randrange(3.0), b.randrange(1, 9.0, 2)])


def test_sequences():
    for seed in SEEDS[:10]:
        a, b = pair(seed)
        seq = list(range(50))
        c.eq(f"choice {seed!r}", [a.choice(seq) for _ in range(30)], [b.choice(seq) for _ in range(30)])
        c.eq(f"choice str {seed!r}", [a.choice("abc") for _ in range(10)], [b.choice("abc") for _ in range(10)])
        for n in (0, 1, 2, 10, 100):
            x, y = list(range(n)), list(range(n))
            a.shuffle(x)
            b.shuffle(y)
            c.eq(f"shuffle {n} {seed!r}", x, y)
        for pop, k in [(range(10), 3), (range(10), 10), (range(1000), 5), (range(10 ** 6), 50), ("abcdef", 6),
                       (list(range(30)), 0), (range(100), 60), (tuple(range(2000)), 40)]:
            c.eq(f"sample {pop!r} {k} {seed!r}", a.sample(pop, k), b.sample(pop, k))
        c.eq(f"sample counts {seed!r}", a.sample(["r", "g", "b"], 5, counts=[4, 2, 3]),
             b.sample(["r", "g", "b"], 5, counts=[4, 2, 3]))
        pop = ["a", "b", "c", "d"]
        for kwargs in [{}, {"k": 10}, {"weights": [1, 2, 3, 4], "k": 10}, {"cum_weights": [1, 1, 5, 9], "k": 10},
                       {"weights": [0.1, 0, 0.5, 1e-9], "k": 20}]:
            c.eq(f"choices {kwargs} {seed!r}", a.choices(pop, **kwargs), b.choices(pop, **kwargs))


def test_distributions():
    calls = [("uniform", (1, 5)), ("uniform", (5, -1)), ("triangular", ()), ("triangular", (0, 10, 7)),
             ("triangular", (3, 3)), ("normalvariate", ()), ("normalvariate", (10, 2)), ("gauss", ()),
             ("gauss", (5, 0.5)), ("lognormvariate", (0, 1)), ("expovariate", (1.5,)), ("expovariate", (-2,)),
             ("vonmisesvariate", (1.0, 0.0)), ("vonmisesvariate", (1.0, 4.0)), ("gammavariate", (0.5, 2)),
             ("gammavariate", (1.0, 3)), ("gammavariate", (4.5, 1)), ("betavariate", (2, 5)),
             ("betavariate", (0.3, 0.3)), ("paretovariate", (3,)), ("weibullvariate", (1, 1.5))]
    for seed in SEEDS[:8]:
        a, b = pair(seed)
        for name, args in calls:
            c.eq(f"{name}{args} {seed!r}", [getattr(a, name)(*args) for _ in range(25)],
                 [getattr(b, name)(*args) for _ in range(25)])
        c.eq(f"state after distributions {seed!r}", a.getstate(), b.getstate())


def test_state():
    a, b = pair(77)
    a.gauss()
    b.gauss()
    c.eq("getstate with gauss_next", a.getstate(), b.getstate())
    st = b.getstate()
    a.setstate(st)
    c.eq("setstate from CPython state", [a.random() for _ in range(700)], [b.random() for _ in range(700)])
    st2 = a.getstate()
    x = real.Random()
    x.setstate(st2)
    c.eq("CPython accepts our state", [x.random() for _ in range(10)], [a.random() for _ in range(10)])
    v2 = (2, tuple(w - 2 ** 32 if w > 2 ** 31 else w for w in st[1][:-1]) + (st[1][-1],), None)
    a.setstate(v2)
    b.setstate(v2)
    c.eq("setstate version 2", [a.random() for _ in range(5)], [b.random() for _ in range(5)])
    bad = [(4, (), None), (3, (1,) * 624, None), (3, [1] * 625, None), (3, (1,) * 624 + (625,), None),
           (3, (1,) * 624 + (-1,), None), (3, (-1,) * 625, None), (3, ("a",) * 625, None), 5]
    for state in bad:
        c.eq(f"setstate bad {str(state)[:30]}", harness.outcome(S.Random().setstate, state)[:2],
             harness.outcome(real.Random().setstate, state)[:2])
    r = S.Random(5)
    r.random()
    clone = copy.deepcopy(r)
    c.eq("pickle round trip", [clone.random() for _ in range(3)], [r.random() for _ in range(3)])
    c.eq("VERSION", S.Random.VERSION, real.Random.VERSION)


def test_errors():
    r, q = S.Random(5), real.Random(5)
    cases = [("randrange", (0,), {}), ("randrange", (1.5,), {}), ("randrange", (1, 1), {}), ("randrange", (1, 5, 0), {}),
             ("randrange", (5, 1, 1), {}), ("randrange", (1, 2.5), {}), ("randrange", (1, 5, 1.5), {}),
             ("randrange", (5,), {"step": 2}), ("randrange", ("a",), {}), ("randrange", (10, 1, 2), {}),
             ("choice", ([],), {}), ("choice", ({1: 2},), {}), ("sample", ([1, 2], 3), {}), ("sample", ({1, 2}, 1), {}),
             ("sample", ([1, 2], 1), {"counts": [1]}), ("sample", ([1, 2], 1), {"counts": [0, 0]}),
             ("sample", ([1, 2], 1), {"counts": [1.5, 1]}), ("sample", (range(3),), {"k": -1}),
             ("choices", ([1, 2], [1]), {}), ("choices", ([1, 2], 2), {}), ("choices", ([1, 2], [0, 0]), {}),
             ("choices", ([1, 2], [1, float("inf")]), {}), ("choices", ([1], [1]), {"cum_weights": [1]}),
             ("getrandbits", (-1,), {}), ("gammavariate", (0, 1), {}), ("randint", (1,), {}), ("seed", (object(),), {}),
             ("seed", ([1],), {}), ("shuffle", ((1, 2),), {}), ("randbytes", (-1,), {}), ("expovariate", (0,), {}),
             ("choice", ("",), {}), ("getrandbits", (1.5,), {})]
    for name, args, kwargs in cases:
        c.eq(f"{name}{args}{kwargs}", harness.outcome(getattr(r, name), *args, **kwargs),
             harness.outcome(getattr(q, name), *args, **kwargs))


def test_subclasses():
    def make(mod):
        class OnlyRandom(mod.Random):
            def __init__(self):
                self.i = 0
                super().__init__(1)

            def random(self):
                self.i += 1
                return (self.i * 0.6180339887) % 1.0

        class WithBits(OnlyRandom):
            def getrandbits(self, k):
                return (self.i * 7919) % (1 << k) if k else 0

        class Explicit(OnlyRandom):
            def _randbelow(self, n):
                return n - 1
        return OnlyRandom, WithBits, Explicit
    for cls_s, cls_r in zip(make(S), make(real)):
        a, b = cls_s(), cls_r()
        c.eq(f"subclass {cls_s.__name__}", [a.randrange(10) for _ in range(10)] + a.sample(range(20), 5),
             [b.randrange(10) for _ in range(10)] + b.sample(range(20), 5))
    c.same("without getrandbits zero", lambda: make(S)[0]()._randbelow(0), lambda: make(real)[0]()._randbelow(0))


def test_module_level():
    names = [n for n in real.__all__ if n not in ("Random", "SystemRandom")]
    for name in names:
        c.true(f"module has {name}", callable(getattr(S, name)))
    c.eq("__all__", sorted(S.__all__), sorted(real.__all__))
    S.seed(2024)
    real.seed(2024)
    c.eq("module seeded", [S.random(), S.randint(1, 6), S.choice("xyz"), S.gauss()],
         [real.random(), real.randint(1, 6), real.choice("xyz"), real.gauss()])
    a, b = S.Random(), S.Random()
    c.true("unseeded instances differ", a.random() != b.random())
    sr = S.SystemRandom()
    val = sr.random()
    c.true("SystemRandom random", 0.0 <= val < 1.0 and sr.getrandbits(10) < 1024 and len(sr.randbytes(4)) == 4)
    c.eq("SystemRandom state", harness.outcome(sr.getstate)[:2], harness.outcome(real.SystemRandom().getstate)[:2])
    for name in ("NV_MAGICCONST", "LOG4", "SG_MAGICCONST", "BPF", "RECIP_BPF", "TWOPI"):
        c.eq(name, getattr(S, name), getattr(real, name))


for t in [test_sha512, test_core_sequences, test_integers, test_sequences, test_distributions, test_state,
          test_errors, test_subclasses, test_module_level]:
    c.run(t)
c.done()
