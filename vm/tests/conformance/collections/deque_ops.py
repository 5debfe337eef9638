# collections.deque operations.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.count(7), d.index(7), 7 in d, list(reversed(d)))
d.remove(7); d.insert(1, "x"); print(d)
d.reverse(); print(d)
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10); b.appendleft(-1); print(b)
c = d.copy(); c.clear(); print(c, d == deque(d), deque("abc") + deque("d"), deque([1]) * 3)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1])[5]]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
