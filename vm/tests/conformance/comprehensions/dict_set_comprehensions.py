# Dict and set comprehensions.
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
words = ["apple", "bob", "cat", "anna"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print(sorted({x % 4 for x in range(100)}))
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print({i: {j for j in range(i)} == set(range(i)) for i in range(3)})
print(type({x for x in ()}).__name__, type({x: 1 for x in ()}).__name__)
