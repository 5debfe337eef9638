# randint, randrange, choice and choices for a fixed seed.
import random
random.seed(1)
print([random.randint(1, 6) for _ in range(15)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(0, 100, 5) for _ in range(5)], random.randrange(-50, 50))
print(random.randint(0, 10 ** 30))
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for _ in range(8)], random.choice("abcdef"), random.choice(range(1000)))
print(random.choices(colors, k=5), random.choices(colors, weights=[10, 1, 1, 1], k=5))
print(random.choices(range(3), cum_weights=[1, 2, 10], k=6))
for bad in [lambda: random.choice([]), lambda: random.randint(5, 1), lambda: random.randrange(0)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
