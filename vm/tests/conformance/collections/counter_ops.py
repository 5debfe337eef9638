# collections.Counter.
from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements()))
c.update("aaz")
c.subtract({"a": 2, "b": 5})
print(c, c.total())
d = Counter(a=3, b=1)
e = Counter(a=1, b=2)
print(d + e, d - e, d & e, d | e, -e, +Counter(a=-1, b=2))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter().most_common(), list(Counter("bca")))
words = "a b c a b a".split()
print(Counter(words).most_common(), dict(Counter(words)))
del c["z"]
print("z" in c, len(c))
