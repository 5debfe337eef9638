# __iter__/__next__, StopIteration, iter() with sentinel, old __getitem__ iteration.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)])
c = Countdown(2)
print(next(c), next(c), next(c, "exhausted"))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.args)
class Seq:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), list(iter(Seq())))
counter = iter(range(10))
print(list(iter(lambda: next(counter), 5)))
try:
    iter(5)
except TypeError as e:
    print(e)
class NotIter:
    def __iter__(self):
        return 5
try:
    iter(NotIter())
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
it = iter([1, 2])
print(iter(it) is it)
