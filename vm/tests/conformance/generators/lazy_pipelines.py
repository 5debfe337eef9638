# Chained generators are evaluated lazily, one element at a time.
def source():
    for i in range(5):
        print("produce", i)
        yield i
def square(xs):
    for x in xs:
        print("square", x)
        yield x * x
def take(n, xs):
    for i, x in enumerate(xs):
        if i >= n:
            return
        yield x
print(list(take(2, square(source()))))
gen = (x * 10 for x in source())
print("generator expression created")
print(next(gen), next(gen))
print(sum(x for x in range(101)))
print(max((len(w), w) for w in "the quick brown fox".split()))
