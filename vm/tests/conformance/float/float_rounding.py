# round() with banker's rounding and ndigits; math floor/ceil/trunc.
import math
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001]])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-2.675, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(5.0, 0), round(0.0), round(-0.4), type(round(1.5)).__name__, type(round(1.5, 0)).__name__)
print(round(1e300, 2), round(1.23456789e-10, 12), round(123.456, -5))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1), int(-2.9))
for bad in [float("inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
