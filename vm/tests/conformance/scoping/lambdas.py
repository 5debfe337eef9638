# Lambda expressions: defaults, closures, immediately invoked, in data structures.
sq = lambda x: x * x
print(sq(7), (lambda: "called")(), (lambda *a, **k: (a, k))(1, b=2))
print((lambda x, y=3, *, z=4: x + y + z)(1), (lambda x, y=3, *, z=4: x + y + z)(1, 2, z=0))
print(sorted([(1, "b"), (2, "a"), (0, "c")], key=lambda p: p[1]))
print(list(filter(lambda n: n % 3 == 0, range(15))))
adder = lambda n: lambda x: x + n
print(adder(3)(4))
print(sq.__name__, (lambda: 0).__name__)
fs = {name: (lambda n=name: n.upper()) for name in ["a", "b"]}
print(fs["a"](), fs["b"]())
print((lambda: (yield 1))().__class__.__name__)
