# Nested comprehensions and common idioms.
n = 5
print([[1 if i == j else 0 for j in range(n)] for i in range(n)])
def pascal(rows):
    tri = [[1]]
    for _ in range(rows - 1):
        last = tri[-1]
        tri.append([1] + [a + b for a, b in zip(last, last[1:])] + [1])
    return tri
for row in pascal(6):
    print(row)
print([p for p in range(2, 50) if all(p % d for d in range(2, int(p ** 0.5) + 1))])
words = "the quick brown fox jumps over the lazy dog".split()
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print(sum([[1, 2], [3], []], []))
print([list(t) for t in zip(*[[1, 2, 3], [4, 5, 6]])])
