# count, cycle, repeat.
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)), list(islice(count(5, -1), 3)))
print(list(islice(cycle("abc"), 8)), list(islice(cycle([]), 3)), list(repeat("x", 3)), list(repeat(1, 0)))
print(list(map(pow, range(5), repeat(2))), repr(count(3)), repr(repeat("a", 2)))
c = count()
next(c); next(c)
print(repr(c))
