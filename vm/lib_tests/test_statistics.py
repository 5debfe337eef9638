"""Compare vm/lib/statistics.py with CPython's statistics module."""

import fractions as real_fractions
import math
import random
import statistics as real_stats

import harness

mods = harness.load()
S = mods["statistics"]
F = mods["fractions"].Fraction
RF = real_fractions.Fraction
c = harness.Checker("statistics")
rng = random.Random(77)


def to_real(v):
    """Our Fractions become CPython's, so that CPython's module can use them."""
    if isinstance(v, F):
        return RF(v.numerator, v.denominator)
    if isinstance(v, list):
        return [to_real(x) for x in v]
    if isinstance(v, tuple):
        return tuple(to_real(x) for x in v)
    return v


def norm(v):
    if isinstance(v, (F, RF)):
        return ("Fraction", v.numerator, v.denominator)
    if isinstance(v, float) and math.isnan(v):
        return ("nan",)
    if isinstance(v, (list, tuple)):
        return type(v).__name__, [norm(x) for x in v]
    return v


def outcome(fn):
    try:
        value = fn()
        return ("ok", norm(value), type(value).__name__)
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        return ("raise", name, str(e))


def rand_data():
    k = rng.randrange(7)
    size = rng.choice([0, 1, 2, 3, 4, 5, 8, 13])
    if k == 0:
        return [rng.randrange(-20, 20) for _ in range(size)]
    if k == 1:
        return [rng.choice([0.5, 1.25, -3.0, 1e10, 0.1, 2.0 / 3, 1e-5]) for _ in range(size)]
    if k == 2:
        return [F(rng.randrange(-9, 9), rng.randrange(1, 7)) for _ in range(size)]
    if k == 3:
        return [rng.choice([1, 2.5, F(1, 3), True, 7]) for _ in range(size)]
    if k == 4:
        return [rng.choice([1, 2, float("inf"), 3.5]) for _ in range(size)]
    if k == 5:
        return [rng.randrange(10**20) for _ in range(size)]
    return [rng.choice([True, False, 1]) for _ in range(size)]


FUNCS = ["mean", "fmean", "median", "median_low", "median_high", "median_grouped", "mode", "multimode",
         "variance", "pvariance", "stdev", "pstdev", "geometric_mean", "harmonic_mean"]


def test_random_data():
    for _ in range(600):
        data = rand_data()
        for name in FUNCS:
            ours, real = getattr(S, name), getattr(real_stats, name)
            c.eq(f"{name}({data!r})", outcome(lambda: ours(list(data))), outcome(lambda: real(to_real(data))))
            c.eq(f"{name}(iter {data!r})", outcome(lambda: ours(iter(data))), outcome(lambda: real(iter(to_real(data)))))
        if len(data) >= 2:
            for n in (1, 2, 4, 10):
                for method in ("exclusive", "inclusive"):
                    c.eq(f"quantiles({data!r}, n={n}, {method})", outcome(lambda: S.quantiles(data, n=n, method=method)),
                         outcome(lambda: real_stats.quantiles(to_real(data), n=n, method=method)))
        if data:
            m = data[0]
            for name in ("variance", "pvariance", "stdev", "pstdev"):
                c.eq(f"{name}({data!r}, {m!r})", outcome(lambda: getattr(S, name)(data, m)),
                     outcome(lambda: getattr(real_stats, name)(to_real(data), to_real(m))))


def test_fixed():
    data = [2, 4, 4, 4, 5, 5, 7, 9]
    for name in FUNCS:
        c.eq(f"{name} basic", outcome(lambda: getattr(S, name)(data)), outcome(lambda: getattr(real_stats, name)(data)))
    cases = [
        ("mode", ("aabbc",)), ("multimode", ("aabbc",)), ("multimode", ("",)), ("mode", ([],)),
        ("mode", (["red", "blue", "blue", "red"],)), ("median", (["b", "a", "c"],)),
        ("mean", (["a"],)), ("mean", ([1, "a"],)), ("mean", ([1.5, F(1, 2)],)), ("mean", ([1, 2],)),
        ("mean", ([F(1, 3), F(1, 6)],)), ("mean", ([F(1, 3), 0.5],)), ("mean", ([True, True, False],)),
        ("mean", ([float("inf"), float("-inf")],)), ("mean", ([float("nan"), 1],)),
        ("fmean", ([1, 2, 3, 4],)), ("fmean", ([],)), ("fmean", ([1, 2], [3, 1])), ("fmean", ([1, 2], [3])),
        ("fmean", ([1, 2], [0, 0])), ("geometric_mean", ([0, 1],)), ("geometric_mean", ([54, 24, 36],)),
        ("harmonic_mean", ([40, 60],)), ("harmonic_mean", ([40, 60], [5, 30])), ("harmonic_mean", ([0, 5],)),
        ("harmonic_mean", ([-1, 5],)), ("harmonic_mean", ([5],)), ("harmonic_mean", (["x"],)),
        ("harmonic_mean", ([],)), ("harmonic_mean", ([1, 2], [1])), ("harmonic_mean", ([2.5, 4],)),
        ("harmonic_mean", ([1, 2], [0, 0])),
        ("median_grouped", ([52, 52, 53, 54], 1)), ("median_grouped", ([1, 3, 3, 5, 7], 2)),
        ("median_grouped", ([],)), ("variance", ([1],)), ("stdev", ([1],)), ("pvariance", ([],)),
        ("pstdev", ([],)), ("variance", ([F(1, 6), F(1, 2), F(5, 3)],)), ("pstdev", ([1.5, 2.5, 2.5, 2.75, 3.25, 4.75],)),
        ("stdev", ([float("inf"), 1],)), ("pvariance", ([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25],)),
        ("quantiles", ([1],)), ("quantiles", ([1, 2], )), ("covariance", ([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3])),
        ("covariance", ([1], [1])), ("covariance", ([1, 2], [1])), ("correlation", ([1, 2, 3], [3, 2, 1])),
        ("correlation", ([1, 1, 1], [3, 2, 1])), ("correlation", ([1], [1])),
        ("linear_regression", ([1, 2, 3, 4, 5], [3.1, 5.2, 6.8, 9.1, 10.9])),
        ("linear_regression", ([1, 1], [1, 2])), ("linear_regression", ([1], [2])),
    ]
    for name, args in cases:
        ours, real = getattr(S, name), getattr(real_stats, name)
        c.eq(f"{name}{args!r}", outcome(lambda: ours(*args)), outcome(lambda: real(*to_real(args))))
    c.eq("linear_regression proportional", outcome(lambda: tuple(S.linear_regression([1, 2, 3], [2, 4.1, 6], proportional=True))),
         outcome(lambda: tuple(real_stats.linear_regression([1, 2, 3], [2, 4.1, 6], proportional=True))))
    for d, w in [([1, 2, 3], [1, 1, 1]), ([], None), ([1, 2], [1]), ([1, 2, 3], [1, 1, 1, 1])]:
        c.eq(f"fmean iter {d} {w}", outcome(lambda: S.fmean(iter(d), None if w is None else iter(w))),
             outcome(lambda: real_stats.fmean(iter(d), None if w is None else iter(w))))
    c.eq("quantiles bad n", outcome(lambda: S.quantiles([1, 2], n=0)), outcome(lambda: real_stats.quantiles([1, 2], n=0)))
    c.eq("quantiles bad method", outcome(lambda: S.quantiles([1, 2], method="x")),
         outcome(lambda: real_stats.quantiles([1, 2], method="x")))
    c.true("StatisticsError is ValueError", issubclass(S.StatisticsError, ValueError))


def test_stdev_rounding():
    for _ in range(300):
        data = [rng.uniform(-1e6, 1e6) for _ in range(rng.randrange(2, 10))]
        c.eq(f"stdev {data!r}", S.stdev(data), real_stats.stdev(data))
        c.eq(f"pstdev {data!r}", S.pstdev(data), real_stats.pstdev(data))
        ints = [rng.randrange(-10**12, 10**12) for _ in range(rng.randrange(2, 10))]
        c.eq(f"stdev {ints!r}", S.stdev(ints), real_stats.stdev(ints))
        c.eq(f"variance {ints!r}", S.variance(ints), real_stats.variance(ints))


for t in [test_random_data, test_fixed, test_stdev_rounding]:
    c.run(t)
c.done()
