# collections.deque: the full API, messages, and edge cases.
from collections import deque
import collections.abc
import copy


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def kind(label, f):
    # Only the exception type: CPython's message names the type as
    # 'collections.deque' (its C tp_name), Skein's as 'deque'.
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__)


# construction
show("empty", lambda: deque())
show("iterable", lambda: deque("abc"))
show("maxlen", lambda: deque(range(10), 3))
show("kw", lambda: deque(iterable=[1, 2], maxlen=5))
show("maxlen0", lambda: deque([1, 2], maxlen=0))
show("maxlen None", lambda: deque([1], None))
show("maxlen bool", lambda: deque([1, 2], True))
show("too many", lambda: deque(1, 2, 3))
show("bad kw", lambda: deque(x=1))
show("neg maxlen", lambda: deque(maxlen=-1))
show("float maxlen", lambda: deque(maxlen=1.5))
show("huge maxlen", lambda: deque(maxlen=2**100))
show("not iterable", lambda: deque(5))
d = deque([1, 2, 3])
d.__init__([7, 8], 5)
show("reinit", lambda: d)

# ends
d = deque()
d.append(1); d.append(2); d.appendleft(0)
show("appends", lambda: d)
show("pop", d.pop)
show("popleft", d.popleft)
show("after pops", lambda: d)
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
b = deque(maxlen=3)
for i in range(5):
    b.append(i)
show("bounded append", lambda: b)
b.appendleft(-1)
show("bounded appendleft", lambda: b)
show("append noarg", lambda: deque().append())
show("pop arg", lambda: deque([1]).pop(1))

# extend
d = deque([1])
d.extend([2, 3]); d.extend(x for x in (4, 5)); d.extend(d)
show("extend", lambda: d)
d.extendleft("ab"); d.extendleft(iter(()))
show("extendleft", lambda: d)
b = deque(maxlen=2); b.extend(range(10)); b.extendleft([100, 200])
show("bounded extend", lambda: b)
z = deque(maxlen=0); z.extend([1, 2]); z.extendleft([3])
show("maxlen0 extend", lambda: z)
show("extend bad", lambda: deque().extend(3))

# rotate, reverse, clear
d = deque(range(6))
d.rotate(); show("rotate()", lambda: d)
d.rotate(2); show("rotate(2)", lambda: d)
d.rotate(-4); show("rotate(-4)", lambda: d)
d.rotate(13); show("rotate(13)", lambda: d)
d.rotate(True); show("rotate(True)", lambda: d)
show("rotate str", lambda: d.rotate("a"))
show("rotate 2 args", lambda: d.rotate(1, 2))
show("rotate huge", lambda: d.rotate(2**100))
deque().rotate(5); deque([1]).rotate(-3)
d.reverse(); show("reverse", lambda: d)
c = d.copy(); c.clear(); show("clear", lambda: (c, len(c), bool(c), bool(d)))

# counting and searching
d = deque([1, 2, 3, 2, 1, "x", 2.0])
show("count 2", lambda: d.count(2))
show("count missing", lambda: d.count(9))
show("index 2", lambda: d.index(2))
show("index 2 from 2", lambda: d.index(2, 2))
show("index 2 in [2,3)", lambda: d.index(2, 2, 3))
show("index neg start", lambda: d.index(1, -3))
show("index neg stop", lambda: d.index(2, 0, -6))
show("index start>stop", lambda: d.index(1, 5, 2))
show("index missing", lambda: d.index("y"))
show("index bad start", lambda: d.index(1, "a"))
show("index no args", lambda: d.index())
show("index 4 args", lambda: d.index(1, 2, 3, 4))
show("contains", lambda: (2 in d, "x" in d, 9 in d, 9 not in d))
d.remove(2); show("remove", lambda: d)
show("remove missing", lambda: d.remove(42))
d.insert(0, "a"); d.insert(100, "z"); d.insert(-1, "y"); d.insert(-100, "A"); d.insert(2, "m")
show("insert", lambda: d)
show("insert full", lambda: deque([1, 2], maxlen=2).insert(0, 5))
show("insert 1 arg", lambda: d.insert(1))
show("insert str", lambda: d.insert("a", 1))

# items
d = deque(range(10))
show("getitem", lambda: (d[0], d[-1], d[5], d[-10], d[True]))
show("getitem oob", lambda: d[10])
show("getitem neg oob", lambda: d[-11])
show("getitem str", lambda: d["a"])
show("getitem slice", lambda: d[1:2])
show("getitem huge", lambda: d[2**100])
d[0] = "first"; d[-1] = "last"
show("setitem", lambda: d)
show("setitem oob", lambda: d.__setitem__(10, 0))
del d[1]; del d[-2]
show("delitem", lambda: d)
show("delitem oob", lambda: d.__delitem__(20))
show("len", lambda: (len(d), len(deque())))

# iteration
d = deque([1, 2, 3])
show("iter", lambda: list(d))
show("reversed", lambda: list(reversed(d)))
it = iter(d)
show("length_hint", lambda: (it.__length_hint__(), next(it), it.__length_hint__()))
show("iter types", lambda: (type(iter(d)).__name__, type(reversed(d)).__name__, type(iter(d)).__module__))
it = iter(d); next(it); d.append(4)
show("mutated next", lambda: next(it))
show("mutated again", lambda: next(it))
rit = reversed(d); next(rit); d.appendleft(0)
show("rev mutated", lambda: next(rit))
show("rev mutated again", lambda: list(rit))
d = deque([1, 2, 3]); it = iter(d); d.reverse()
show("iter after reverse", lambda: list(it))
d = deque([1, 2, 3]); it = iter(d); d[0] = 9
show("iter after setitem", lambda: list(it))
d = deque([1, 2, 3]); it = iter(d); d.clear()
show("iter after clear", lambda: list(it))
d = deque([]); it = iter(d); d.clear()
show("iter empty clear", lambda: list(it))
show("iter reduce", lambda: iter(deque([5, 6])).__reduce__()[1])
it = iter(deque([5, 6, 7])); next(it)
show("iter reduce advanced", lambda: it.__reduce__()[1])
show("iter new", lambda: list(type(iter(d))(deque([1, 2, 3]), 1)))
show("reviter new", lambda: list(type(reversed(d))(deque([1, 2, 3]), 1)))

# comparisons
show("eq", lambda: (deque([1, 2]) == deque([1, 2]), deque([1]) == deque([1, 2]), deque([1]) != deque([2])))
show("eq list", lambda: (deque([1]) == [1], deque([1]) != [1]))
show("order", lambda: (deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]),
                       deque([1, 2, 3]) > deque([1, 2]), deque([2]) >= deque([1, 9])))
show("order empty", lambda: (deque() < deque([1]), deque() <= deque(), deque() > deque()))
kind("order list", lambda: deque([1]) < [1])
show("order mixed", lambda: deque([1, "a"]) < deque([1, 2]))
nan = float("nan")
show("nan identity", lambda: deque([nan]) == deque([nan]))
kind("hash", lambda: hash(deque()))
show("__hash__", lambda: deque.__hash__)

# operators
show("add", lambda: deque([1, 2]) + deque([3]))
show("add bounded", lambda: deque([1, 2], maxlen=3) + deque([3, 4]))
show("add list", lambda: deque([1]) + [2])
show("mul", lambda: (deque([1, 2]) * 3, 2 * deque("ab"), deque([1]) * 0, deque([1]) * -2))
show("mul bounded", lambda: (deque([1, 2, 3], maxlen=4) * 3, deque([1], maxlen=3) * 10))
show("mul big bounded", lambda: deque([1, 2], maxlen=3) * (2**40))
show("mul str", lambda: deque([1]) * "a")
show("mul huge", lambda: deque([1, 2]) * (2**62))
d = deque([1, 2]); d += [3]; d += (x for x in [4]); d += d
show("iadd", lambda: d)
show("iadd int", lambda: d.__iadd__(5))
d = deque([1, 2]); d *= 2
show("imul", lambda: d)
d *= 0
show("imul 0", lambda: d)
d = deque("ab", 3); d *= 5
show("imul bounded", lambda: d)

# repr, copy, pickle
d = deque([1, 2])
d.append(d)
show("recursive repr", lambda: d)
e = deque([d])
show("nested recursive", lambda: e)
show("repr bounded", lambda: repr(deque([1], maxlen=7)))
d = deque([[1], 2], maxlen=5)
c = copy.copy(d); dc = copy.deepcopy(d)
show("copy", lambda: (c, c.maxlen, c is d, c[0] is d[0]))
show("deepcopy", lambda: (dc, dc.maxlen, dc[0] is d[0]))
show("__copy__", lambda: d.__copy__())
show("reduce", lambda: d.__reduce__()[:3])
show("reduce unbounded", lambda: deque([1]).__reduce__()[:3])
show("maxlen attr", lambda: (deque().maxlen, deque(maxlen=3).maxlen))
kind("maxlen readonly", lambda: setattr(deque(), "maxlen", 3))
show("sizeof", lambda: deque().__sizeof__() > 0)

# types and ABCs
show("generic alias", lambda: deque[int])
show("generic alias args", lambda: (deque[int].__origin__, deque[int].__args__))
show("class_getitem", lambda: deque.__class_getitem__(str))
show("names", lambda: (deque.__name__, deque.__qualname__, deque.__module__))
show("abc", lambda: (isinstance(deque(), collections.abc.MutableSequence),
                     issubclass(deque, collections.abc.Sequence)))
show("no __bool__", lambda: hasattr(deque, "__bool__"))
show("bool", lambda: (bool(deque()), bool(deque([0]))))

# subclasses
class D(deque):
    pass


s = D([1, 2], 4)
s.tag = "t"
show("subclass repr", lambda: s)
show("subclass copy", lambda: (s.copy(), type(s.copy()).__name__, s.copy().maxlen))
show("subclass add", lambda: (s + deque([3]), type(s + deque([3])).__name__))
show("subclass mul", lambda: type(s * 2).__name__)
show("subclass reduce", lambda: s.__reduce__()[:3])


class Bad(deque):
    def __init__(self, *args):
        pass

    def copy(self):
        return deque.copy(self)


class Weird(deque):
    def __new__(cls, *args):
        return [1, 2]


show("bad subclass copy", lambda: Bad([1, 2]).copy())
w = Weird.__new__(Weird)
show("weird copy", lambda: deque.copy(deque.__new__(Weird)))


class It(deque):
    def __iter__(self):
        yield "overridden"


show("subclass __iter__ extend", lambda: deque(It([1, 2])))
show("match", lambda: (lambda v: [r for r in [v] if True])(deque([1])))
match deque([1, 2]):
    case [a, b]:
        print("match sequence", a, b)
    case _:
        print("no match")
