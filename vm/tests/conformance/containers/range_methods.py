# range.index/count/in with non-int values, big ranges, hashing and iterator length hints.
import operator
class MyInt(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
r = range(0, 20, 5)
print(r.index(10), r.count(10), r.count(11), r.index(False), r.count(True), r.index(10.0), r.count(5.0), 15.0 in r)
print(r.count(MyInt(7)), r.index(MyInt(7)), MyInt(7) in r)
for bad in [lambda: r.index(11), lambda: r.index("a"), lambda: r.index(2.5), lambda: r.index()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
big = range(-10 ** 20, 10 ** 20, 10 ** 18)
print(big.index(0), big.count(10 ** 18), big[3], big[-1], big[5:8], big[::-50], 10 ** 19 in big)
print(big == range(-10 ** 20, 10 ** 20 - 1, 10 ** 18), big != big[::1], hash(big) == hash(big[::1]), len(big))
print(range(10 ** 20)[::2][10 ** 18], range(10 ** 20, 0, -3)[:3], bool(range(10 ** 20, 10 ** 21)))
print(hash(range(0)) == hash(range(5, 5)), hash(range(3, 4)) == hash(range(3, 4, 7)), range(1, 2) == range(1, 3, 5))
it = iter(range(10))
next(it); next(it)
print(operator.length_hint(it), it.__length_hint__(), operator.length_hint(iter(range(10 ** 20, 10 ** 20 + 4))))
rv = reversed(range(1, 10, 3))
print(rv.__length_hint__(), list(rv), rv.__length_hint__())
print(range(3).__reduce__(), {range(3): "a"}[range(0, 3)])
try:
    r["x"]
except TypeError as e:
    print(e)
try:
    r[1:2:0]
except ValueError as e:
    print(e)
print(r[-100:100], r[2:-100:-1], big[10 ** 30:], range(5)[True])
