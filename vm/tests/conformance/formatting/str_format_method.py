# str.format with positional, keyword, attribute and index fields.
print("{} {} {}".format(1, "two", 3.0))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[key]} {1.real}".format({0: "zero", "key": "k"}, 5))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3))
print("{!r} {!s} {!a}".format("x", "y", "ü"))
print("{{}} {{{}}}".format("inside"))
print("{0:,} {0:_} {0:.2e}".format(1234567))
class P:
    x = 3
    y = [10, 20]
print("{p.x} {p.y[1]}".format(p=P()))
for bad in ["{", "}", "{0} {}", "{x}", "{5}", "{:d}"]:
    try:
        print(bad.format("s"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
print("{a}-{b}".format_map({"a": 1, "b": 2}))
