# Evaluation order inside comprehensions.
log = []
def it(name, values):
    log.append(f"iter {name}")
    return values
def cond(v):
    log.append(f"cond {v}")
    return v % 2 == 0
result = [v * 10 for v in it("a", [1, 2, 3, 4]) if cond(v)]
print(result)
print(log)
log.clear()
pairs = [(a, b) for a in it("outer", [1, 2]) for b in it(f"inner{a}", [a, a + 1])]
print(pairs, log)
print([x for x in range(3) for x in "ab"])
print({(k, v) for k in "ab" for v in range(2)} == {("a", 0), ("a", 1), ("b", 0), ("b", 1)})
