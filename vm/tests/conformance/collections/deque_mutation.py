# collections.deque: methods that call __eq__ notice when the deque changes.
from collections import deque


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Mutator:
    def __init__(self, d, action, result=False):
        self.d = d
        self.action = action
        self.result = result

    def __eq__(self, other):
        self.action(self.d)
        return self.result

    __hash__ = None

    def __repr__(self):
        return "Mutator"


class Boom:
    def __eq__(self, other):
        raise ZeroDivisionError("boom")

    __hash__ = None


for name, op in [("count", lambda d: d.count(99)), ("index", lambda d: d.index(99)),
                 ("contains", lambda d: 99 in d), ("remove", lambda d: d.remove(99))]:
    d = deque([1, 2, 3])
    d.appendleft(Mutator(d, lambda d: d.append(0)))
    show(name + " append during eq", lambda: op(d))
    d = deque([1, 2, 3])
    d.append(Mutator(d, lambda d: d.__setitem__(0, 5)))
    show(name + " setitem during eq", lambda: (op(d), d) if name != "remove" else op(d))
    d = deque([1, 2, 3])
    d.append(Mutator(d, lambda d: d.reverse()))
    show(name + " reverse during eq", lambda: op(d))
    d = deque([1, Boom(), 3])
    show(name + " eq raises", lambda: op(d))

# A match found before the mutation check.
d = deque([1])
d.append(Mutator(d, lambda d: d.append(9), True))
show("contains hit then mutated", lambda: 99 in d)
d = deque([1])
d.append(Mutator(d, lambda d: d.append(9), True))
show("index hit then mutated", lambda: d.index(99))
d = deque([1])
d.append(Mutator(d, lambda d: d.append(9), True))
show("remove hit then mutated", lambda: d.remove(99))
d = deque([1])
d.append(Mutator(d, lambda d: d.append(9), True))
show("count hit then mutated", lambda: d.count(99))

# remove deletes the first equal item only.
d = deque([Mutator(None, lambda d: None, False), 2, 3, 2])
d.remove(2)
show("remove first of two", lambda: list(d)[1:])

# Comparisons walk both deques like iterators.
a = deque([1, 2, 3])
b = deque([1, 2, 3])
a.append(Mutator(a, lambda d: d.append(0)))
b.append(4)
show("compare mutated", lambda: a == b)
a = deque([1, 2, 3])
b = deque([1, 2, 3])
a.append(Mutator(a, lambda d: d.append(0), True))
b.append(4)
show("compare mutated at end", lambda: a < b)
show("compare raises", lambda: deque([Boom()]) == deque([1]))
show("lt uses lt", lambda: deque([1, Mutator(None, lambda d: None)]) < deque([1, 2]))

# Iteration notices every change of length, not d[i] = x.
d = deque(range(5))
out = []
for x in d:
    out.append(x)
    if x == 2:
        d[4] = "changed"
show("iterate with setitem", lambda: out)
d = deque(range(5))
try:
    for x in d:
        if x == 2:
            d.rotate(1)
except RuntimeError as e:
    print("rotate during iteration:", e)
d = deque(range(5))
try:
    for x in reversed(d):
        if x == 2:
            d.pop()
except RuntimeError as e:
    print("pop during reversed:", e)

# repr of an item that mutates the deque does not crash.
class Grow:
    def __init__(self, d):
        self.d = d

    def __repr__(self):
        self.d.append(1)
        return "Grow"


d = deque()
d.append(Grow(d))
show("repr mutating", lambda: repr(d))
show("after repr", lambda: len(d))

# extend from an iterator that mutates the deque.
d = deque([1])


def gen():
    yield 2
    d.append("inside")
    yield 3


d.extend(gen())
show("extend mutating generator", lambda: d)
