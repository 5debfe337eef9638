# List comprehensions with conditions and nested loops.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() for c in "hello" if c not in "l"])
print([x if x > 0 else 0 for x in [-1, 2, -3, 4]])
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])
print([(i, c) for i, c in enumerate("ab")])
