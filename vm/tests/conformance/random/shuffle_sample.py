# shuffle and sample for a fixed seed.
import random
random.seed(7)
deck = list(range(20))
random.shuffle(deck)
print(deck)
letters = list("abcdefgh")
random.shuffle(letters)
print(letters)
print(random.sample(range(100), 10), random.sample("abcdefg", 3), sorted(random.sample(range(10), 10)) == list(range(10)))
print(random.sample(range(10 ** 6), 5), random.sample(["x", "y", "z"], k=3, counts=None))
print(random.sample(["a", "b"], counts=[3, 2], k=4))
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(e)
