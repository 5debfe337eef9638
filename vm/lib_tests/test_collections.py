"""Compare vm/lib/collections with CPython's collections."""

import collections as real
import collections.abc as real_abc
import copy
import random

import harness

mods = harness.load()
S = mods["collections"]
SA = mods["collections.abc"]
c = harness.Checker("collections")
rng = random.Random(99)


def norm(x):
    """Turn containers from either implementation into comparable plain values."""
    if isinstance(x, (S.deque, real.deque)):
        return ("deque", [norm(i) for i in x], x.maxlen)
    if isinstance(x, (S.OrderedDict, real.OrderedDict)):
        return ("od", [(k, norm(v)) for k, v in x.items()])
    if isinstance(x, (S.Counter, real.Counter)):
        return ("counter", sorted(x.items(), key=repr))
    if isinstance(x, (S.defaultdict, real.defaultdict)):
        return ("dd", x.default_factory, {k: norm(v) for k, v in x.items()})
    if isinstance(x, list):
        return [norm(i) for i in x]
    if isinstance(x, tuple) and type(x) is tuple:
        return tuple(norm(i) for i in x)
    return x


def same(label, fn):
    """fn(module) run on both implementations; results normalised."""
    c.eq(label, harness.outcome(lambda: norm(fn(S))), harness.outcome(lambda: norm(fn(real))))


def test_deque_ops():
    ops = ["append", "appendleft", "pop", "popleft", "extend", "extendleft", "rotate", "clear", "insert",
           "remove", "reverse", "index", "count", "setitem", "delitem", "getitem", "contains", "iadd", "imul"]
    for seed in range(300):
        r = random.Random(seed)
        maxlen = r.choice([None, None, 0, 1, 3, 10])
        init = [r.randrange(5) for _ in range(r.randrange(12))]
        script = []
        for _ in range(r.randrange(1, 40)):
            op = r.choice(ops)
            arg = r.randrange(-12, 12)
            script.append((op, arg, [r.randrange(5) for _ in range(r.randrange(4))]))

        def run(mod):
            d = mod.deque(init, maxlen)
            trace = []
            for op, arg, items in script:
                try:
                    if op in ("append", "appendleft"):
                        res = getattr(d, op)(arg)
                    elif op in ("pop", "popleft", "clear", "reverse"):
                        res = getattr(d, op)()
                    elif op in ("extend", "extendleft"):
                        res = getattr(d, op)(items)
                    elif op == "rotate":
                        res = d.rotate(arg)
                    elif op == "insert":
                        res = d.insert(arg, 7)
                    elif op in ("remove", "count"):
                        res = getattr(d, op)(arg % 5)
                    elif op == "index":
                        res = d.index(arg % 5, *items[:2])
                    elif op == "setitem":
                        d[arg] = 9
                        res = None
                    elif op == "delitem":
                        del d[arg]
                        res = None
                    elif op == "getitem":
                        res = d[arg]
                    elif op == "contains":
                        res = (arg % 5) in d
                    elif op == "iadd":
                        d += items
                        res = None
                    elif op == "imul":
                        d *= arg % 4
                        res = None
                except Exception as e:  # noqa: BLE001
                    res = (type(e).__name__, str(e))
                trace.append((op, res, list(d), len(d), bool(d), list(reversed(d))))
            return trace, repr(d).replace("collections.", "")
        same(f"deque script {seed}", run)


def test_deque_misc():
    same("deque repr", lambda m: (repr(m.deque()), repr(m.deque([1, "a"])), repr(m.deque(range(3), 2)),
                                  repr(m.deque([], 0))))

    def recursive(m):
        d = m.deque([1])
        d.append(d)
        return repr(d)
    same("deque recursive repr", recursive)

    class Sub:
        pass

    def subclass(m):
        class D(m.deque):
            pass
        d = D([1, 2], 5)
        e = d.copy()
        return repr(d), type(e) is D, repr(e), repr(d + d), type(d * 2) is D, repr(copy.copy(d)), \
            repr(copy.deepcopy(d)), d.__reduce__()[1:3]
    same("deque subclass", subclass)
    for args in [([], "a"), ([], -1), (1,), ([1], 2.5)]:
        same(f"deque{args}", lambda m: m.deque(*args))
    bad = [lambda d: d["a"], lambda d: d[1:2], lambda d: d + [1], lambda d: d * "a", lambda d: d.rotate("a"),
           lambda d: d.insert("a", 1), lambda d: d.index(1, "a"), lambda d: d[10], lambda d: d.remove(42),
           lambda d: d.index(42), lambda d: d == [1, 2, 3],
           lambda d: d.maxlen, lambda d: (d.__reduce__()[0].__name__,) + d.__reduce__()[1:3], lambda d: list(iter(d)), lambda d: iter(d).__length_hint__(),
           lambda d: d.count(2), lambda d: d.index(3, -2), lambda d: d.index(1, -10, 100)]
    for i, fn in enumerate(bad):
        same(f"deque misuse {i}", lambda m: fn(m.deque([1, 2, 3])))
    for a, b in [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1], [1, 0]), ([], []), ([2], [1, 5])]:
        same(f"deque compare {a} {b}", lambda m: [op(m.deque(a), m.deque(b)) for op in
                                                  (lambda x, y: x == y, lambda x, y: x != y, lambda x, y: x < y,
                                                   lambda x, y: x <= y, lambda x, y: x > y, lambda x, y: x >= y)])
    # The runtime names the type in these messages: CPython's C type is called
    # 'collections.deque', a Python class just 'deque'.  Only the type is compared.
    for fn in (lambda d: d < [1], lambda d: hash(d)):
        c.eq("deque runtime error", harness.outcome(fn, S.deque())[:2], harness.outcome(fn, real.deque())[:2])
    same("deque bounded insert", lambda m: m.deque([1], 1).insert(0, 2))

    def mutate_iter(m):
        d = m.deque([1, 2, 3])
        out = []
        for x in d:
            out.append(x)
            d.append(4)
        return out
    same("deque mutated during iteration", mutate_iter)

    def mutate_cmp(m):
        d = m.deque([1, 2, 3])

        class Bad:
            def __eq__(self, other):
                d.append(1)
                return False
        return d.count(Bad())
    same("deque mutated during count", mutate_cmp)

    def mutate_remove(m):
        d = m.deque([1, 2, 3])

        class Bad:
            def __eq__(self, other):
                d.clear()
                return False
        return d.remove(Bad())
    same("deque mutated during remove", mutate_remove)
    same("deque self extend", lambda m: (lambda d: (d.extend(d), d.extendleft(d), d)[-1])(m.deque([1, 2])))
    same("deque large", lambda m: (lambda d: (d.rotate(3000), d.rotate(-7777), list(d)[:10], d[5000], len(d)))(
        m.deque(range(10000))))

    def big_churn(m):
        d = m.deque()
        for i in range(5000):
            d.append(i)
            d.appendleft(-i)
        out = [d.pop() + d.popleft() for _ in range(4990)]
        return out[-5:], list(d)
    same("deque churn", big_churn)
    same("deque imul bounded", lambda m: (lambda d: (d.__imul__(7), d)[1])(m.deque([1, 2, 3], 5)))
    c.true("deque is MutableSequence", isinstance(S.deque(), SA.MutableSequence))
    c.eq("deque no __dict__", hasattr(S.deque(), "__dict__"), hasattr(real.deque(), "__dict__"))


def test_defaultdict():
    def basic(m):
        d = m.defaultdict(list)
        d["a"].append(1)
        d["b"]
        e = m.defaultdict(None, {1: 2}, x=3)
        f = d.copy()
        return (repr(d), repr(e), repr(m.defaultdict()), type(f) is m.defaultdict, f.default_factory,
                repr(d | {"c": 1}), repr({"z": 0} | d), d.__reduce__()[0].__name__, d.__reduce__()[1])
    same("defaultdict basic", basic)
    same("defaultdict missing", lambda m: m.defaultdict()[5])
    same("defaultdict bad factory", lambda m: m.defaultdict(1))

    def recursive(m):
        d = m.defaultdict(list)
        d[1].append(d)
        return repr(d)
    same("defaultdict recursive", recursive)

    def sub(m):
        class DD(m.defaultdict):
            pass
        d = DD(int)
        d["x"] += 1
        return repr(d), repr(d.copy()), type(copy.copy(d)) is DD, repr(copy.deepcopy(d))
    same("defaultdict subclass", sub)
    c.eq("defaultdict no __dict__", hasattr(S.defaultdict(), "__dict__"), hasattr(real.defaultdict(), "__dict__"))


def test_ordereddict():
    ops = ["set", "del", "pop", "popitem", "move", "setdefault", "update", "clear"]
    for seed in range(200):
        r = random.Random(seed)
        script = [(r.choice(ops), r.randrange(6), r.random() < 0.5) for _ in range(r.randrange(1, 30))]

        def run(m):
            od = m.OrderedDict()
            trace = []
            for op, k, flag in script:
                try:
                    if op == "set":
                        od[k] = k * 10
                        res = None
                    elif op == "del":
                        del od[k]
                        res = None
                    elif op == "pop":
                        res = od.pop(k, "dflt") if flag else od.pop(k)
                    elif op == "popitem":
                        res = od.popitem(last=flag)
                    elif op == "move":
                        res = od.move_to_end(k, last=flag)
                    elif op == "setdefault":
                        res = od.setdefault(k, "sd")
                    elif op == "update":
                        res = od.update([(k, 1), (k + 1, 2)], z=3)
                    elif op == "clear":
                        res = od.clear() if k == 0 else None
                except Exception as e:  # noqa: BLE001
                    res = (type(e).__name__, str(e))
                trace.append((op, res, list(od), list(od.values()), list(od.items()), list(reversed(od)),
                              list(reversed(od.items())), repr(od), len(od)))
            return trace
        same(f"OrderedDict script {seed}", run)

    def misc(m):
        a = m.OrderedDict([(1, 2), (3, 4)])
        b = m.OrderedDict([(3, 4), (1, 2)])
        return (a == b, a == dict(b), dict(b) == a, a != b, repr(a.keys()), repr(a.values()), repr(a.items()),
                repr(m.OrderedDict()), repr(m.OrderedDict.fromkeys("ab", 0)), repr(a | {5: 6}), repr({0: 0} | a),
                a.__reduce__()[0].__name__, a.__reduce__()[1:4], repr(a.copy()), 3 in a.keys(), (3, 4) in a.items(), 4 in a.values(),
                a.keys() == {1, 3}, a.keys() & {1}, repr(copy.copy(a)), repr(copy.deepcopy(a)))
    same("OrderedDict misc", misc)
    same("OrderedDict popitem empty", lambda m: m.OrderedDict().popitem())
    same("OrderedDict move missing", lambda m: m.OrderedDict().move_to_end(1))

    def recursive(m):
        od = m.OrderedDict(a=1)
        od["b"] = od
        return repr(od), repr(od.values()), repr(od.items())
    same("OrderedDict recursive", recursive)

    def mutate(m):
        od = m.OrderedDict.fromkeys("abc")
        out = []
        for k in od:
            out.append(k)
            od["z" + k] = 1
        return out
    same("OrderedDict changed size", mutate)
    for op in ["move", "setval", "del", "dictset"]:
        def during(m):
            od = m.OrderedDict.fromkeys("abc")
            it = iter(od)
            out = [next(it)]
            if op == "move":
                od.move_to_end("a")
            elif op == "setval":
                od["a"] = 5
            elif op == "del":
                del od["b"]
            else:
                dict.__setitem__(od, "q", 1)
            for _ in range(2):
                try:
                    out.append(list(it))
                except RuntimeError as e:
                    out.append(str(e))
            return out
        same(f"OrderedDict iteration vs {op}", during)

    def sub(m):
        class O(m.OrderedDict):
            pass
        o = O(a=1)
        o.attr = 5
        return repr(o), repr(o.copy()), o.__reduce__()[2], type(copy.copy(o)) is O, copy.copy(o).attr
    same("OrderedDict subclass", sub)


def test_counter():
    texts = ["", "abracadabra", "mississippi", "aabbcc", [1, 2, 2, 3, 3, 3]]
    for t in texts:
        for u in texts:
            def run(m):
                a, b = m.Counter(t), m.Counter(u)
                a["neg"] = -2
                b["zero"] = 0
                res = [repr(a), repr(b), a.most_common(), a.most_common(2), sorted(a.elements(), key=repr),
                       a.total(), repr(a + b), repr(a - b), repr(a | b), repr(a & b), repr(+a), repr(-a),
                       a == b, a != b, a <= b, a < b, a >= b, a > b]
                for op in ("__iadd__", "__isub__", "__ior__", "__iand__"):
                    x = a.copy()
                    res.append(repr(getattr(x, op)(b)))
                x = a.copy()
                x.update(b)
                x.update("zz", q=4)
                x.subtract(t)
                x.subtract({"q": 1}, r=2)
                res.append(repr(x))
                del x["not there"]
                res.append(x["missing"])
                return res
            same(f"Counter {t!r} {u!r}", run)
    same("Counter fromkeys", lambda m: m.Counter.fromkeys("ab"))
    same("Counter unorderable", lambda m: repr(m.Counter({"a": 1, "b": "x"})))
    same("Counter reduce", lambda m: m.Counter("aab").__reduce__()[1])
    same("Counter cmp non-counter", lambda m: (m.Counter() == {}, m.Counter().__le__({})))
    same("Counter ties", lambda m: m.Counter("abcabcde").most_common(3))


def test_namedtuple():
    def basic(m):
        P = m.namedtuple("P", "x y", defaults=[3])
        p = P(1)
        return (repr(p), p.x, p.y, p._asdict(), repr(p._replace(x=5)), P._fields, P._field_defaults,
                P.__match_args__, P.__doc__, P.__new__.__doc__, P.x.__doc__, repr(P._make([4, 5])),
                p.__getnewargs__(), P.__name__, P.__qualname__, P.__module__, P._make.__doc__,
                P._replace.__doc__, P.__repr__.__qualname__, isinstance(p, tuple), p == (1, 3),
                repr(copy.copy(p)), repr(copy.deepcopy(p)), hash(p) == hash((1, 3)), P.__slots__)
    same("namedtuple basic", basic)
    calls = [((), {}), ((1,), {}), ((1, 2), {}), ((1, 2, 3), {}), ((1, 2, 3, 4), {}), ((), {"a": 1}),
             ((1,), {"a": 1}), ((), {"a": 1, "b": 2, "c": 3}), ((1,), {"z": 1}), ((), {"c": 1})]
    for fields, defaults in [("a b c", None), ("a b c", [9]), ("a b c", [7, 8, 9]), ("", None), ("a", None),
                             ("a", [1]), (["a", "b"], ())]:
        for args, kwargs in calls:
            same(f"namedtuple {fields} {defaults} call {args} {kwargs}",
                 lambda m: repr(m.namedtuple("T", fields, defaults=defaults)(*args, **kwargs)))
    bad = [("P", "a _b"), ("P", "a a"), ("P", "def"), ("P", "1a"), ("1P", "a"), ("class", "a"), ("P", "a,b c"),
           ("P", ["a", 1]), ("P", "a b", {"defaults": [1, 2, 3]}), ("P", "a", {"rename": True}),
           ("P", ["a", "def", "a", "_b", "1x", "b"], {"rename": True})]
    for spec in bad:
        kwargs = spec[2] if len(spec) > 2 else {}
        same(f"namedtuple {spec}", lambda m: m.namedtuple(spec[0], spec[1], **kwargs)._fields)

    def misuse(m):
        P = m.namedtuple("P", "x y")
        out = []
        for fn in [lambda: P._make([1]), lambda: P(1, 2)._replace(z=1), lambda: setattr(P(1, 2), "x", 3),
                   lambda: P(1, 2).z]:
            try:
                out.append(fn())
            except Exception as e:  # noqa: BLE001
                out.append((type(e).__name__, str(e)))
        return out
    same("namedtuple misuse", misuse)
    same("namedtuple module", lambda m: m.namedtuple("P", "x", module="mymod").__module__)
    same("namedtuple single field doc", lambda m: m.namedtuple("P", "x").__doc__)

    def subclass(m):
        class Point(m.namedtuple("Point", "x y")):
            __slots__ = ()

            def norm(self):
                return self.x + self.y
        p = Point(1, 2)
        return repr(p), p.norm(), repr(p._replace(y=5)), type(p._make([1, 2])).__name__
    same("namedtuple subclass", subclass)


def test_chainmap():
    def run(m):
        a, b = {"x": 1, "y": 2}, {"y": 3, "z": 4}
        cm = m.ChainMap(a, b)
        out = [repr(cm), cm["x"], cm["y"], cm["z"], cm.get("w", 0), len(cm), list(cm), "z" in cm, bool(cm),
               bool(m.ChainMap({})), repr(m.ChainMap()), repr(cm.new_child()), repr(cm.new_child({"q": 1}, r=2)),
               repr(cm.parents), repr(cm.copy()), repr(m.ChainMap.fromkeys("ab", 1)), repr(cm | {"w": 5}),
               repr({"w": 5} | cm), dict(cm.items()), sorted(cm.values())]
        cm["w"] = 9
        cm |= {"v": 1}
        out.append(repr(cm))
        for fn in [lambda: cm["nope"], lambda: cm.__delitem__("z"), lambda: cm.pop("z"), lambda: cm.pop("z", 5),
                   lambda: cm.pop("w"), lambda: cm.popitem(), lambda: m.ChainMap({}, {1: 2}).popitem()]:
            try:
                out.append(fn())
            except Exception as e:  # noqa: BLE001
                out.append((type(e).__name__, str(e)))
        cm.clear()
        out.append(repr(cm))
        return out
    same("ChainMap", run)

    def recursive(m):
        cm = m.ChainMap()
        cm["self"] = cm
        return repr(cm)
    same("ChainMap recursive", recursive)


def test_user_classes():
    def ud(m):
        d = m.UserDict({"a": 1}, b=2)
        d["c"] = 3
        del d["a"]
        e = d.copy()
        e["z"] = 0
        return (repr(d), repr(e), len(d), "b" in d, list(d), d.get("q", 7), repr(d | {"x": 1}),
                repr({"x": 1} | d), repr(m.UserDict.fromkeys("ab")), repr(copy.copy(d)), d == {"b": 2, "c": 3})
    same("UserDict", ud)
    same("UserDict missing", lambda m: m.UserDict()["x"])

    def ul(m):
        x = m.UserList([3, 1, 2])
        x.append(5)
        x.sort()
        x.extend(m.UserList([0]))
        y = x + [9]
        z = [8] + x
        x += (4,)
        x *= 2
        return (repr(x), repr(y), repr(z), repr(x[1:3]), type(x[1:3]).__name__, x.count(1), x.index(2),
                x.pop(), x == [1, 2, 3, 5, 0, 4, 1, 2, 3, 5, 0], x < [9], repr(x.copy()), 5 in x, len(x),
                repr(list(reversed(x))))
    same("UserList", ul)

    def us(m):
        s = m.UserString("Hello")
        return (repr(s), str(s), s.upper().data, (s + "!").data, ("<" + s).data, (s * 2).data, s[1:3].data,
                s.find("l"), s.count("l"), "ell" in s, s == "Hello", s.split("l"), s.replace("l", "L").data,
                s.center(9, "*").data, s.startswith("He"), s.isalpha(), len(s), hash(s) == hash("Hello"),
                m.UserString("%s!").__mod__("x").data, s.encode())
    same("UserString", us)


def test_abc():
    pairs = [(list, "MutableSequence"), (tuple, "Sequence"), (str, "Sequence"), (dict, "MutableMapping"),
             (set, "MutableSet"), (frozenset, "Set"), (bytes, "ByteString"), (range, "Sequence"),
             (type({}.keys()), "KeysView"), (type({}.items()), "ItemsView"), (type({}.values()), "ValuesView"),
             (type(iter([])), "Iterator"), (type((x for x in [])), "Generator"), (int, "Hashable"),
             (list, "Hashable"), (type(len), "Callable"), (int, "Iterable"), (dict, "Reversible"),
             (list, "Collection"), (memoryview, "Sequence"), (type(type.__dict__), "Mapping"),
             (bytearray, "MutableSequence")]
    for name in real_abc.__all__:
        for tp in [list, tuple, str, dict, set, frozenset, bytes, bytearray, int, float, type(None), range,
                   type(iter([])), type((x for x in [])), type(len), object, type({}.keys())]:
            c.eq(f"issubclass({tp.__name__}, {name})", issubclass(tp, getattr(SA, name)),
                 issubclass(tp, getattr(real_abc, name)))
    for tp, name in pairs:
        c.eq(f"pair {tp.__name__} {name}", issubclass(tp, getattr(SA, name)), issubclass(tp, getattr(real_abc, name)))
    c.eq("abc repr", repr(SA.Iterable), "<class 'collections.abc.Iterable'>")
    c.true("collections.abc attr", S.abc is SA)

    def structural(m):
        A = mods["collections.abc"] if m is S else real_abc

        class It:
            def __iter__(self):
                return iter([])

        class NotIt(It):
            __iter__ = None

        class Sz:
            def __len__(self):
                return 0

        class Call:
            def __call__(self):
                pass

        class Unhash:
            __hash__ = None
        return [isinstance(It(), A.Iterable), isinstance(NotIt(), A.Iterable), isinstance(Sz(), A.Sized),
                isinstance(Call(), A.Callable), isinstance(Unhash(), A.Hashable), isinstance(It(), A.Iterator),
                isinstance(Sz(), A.Collection)]
    same("abc structural", structural)

    def mixins(m):
        A = mods["collections.abc"] if m is S else real_abc

        class MySeq(A.Sequence):
            def __init__(self, data):
                self.data = data

            def __getitem__(self, i):
                return self.data[i]

            def __len__(self):
                return len(self.data)

        class MyMap(A.MutableMapping):
            def __init__(self):
                self.d = {}

            def __getitem__(self, k):
                return self.d[k]

            def __setitem__(self, k, v):
                self.d[k] = v

            def __delitem__(self, k):
                del self.d[k]

            def __iter__(self):
                return iter(self.d)

            def __len__(self):
                return len(self.d)

        class MySet(A.MutableSet):
            def __init__(self, it=()):
                self.s = set(it)

            def __contains__(self, x):
                return x in self.s

            def __iter__(self):
                return iter(sorted(self.s))

            def __len__(self):
                return len(self.s)

            def add(self, x):
                self.s.add(x)

            def discard(self, x):
                self.s.discard(x)

        s = MySeq([1, 2, 3, 2])
        mm = MyMap()
        mm.update({"a": 1}, b=2)
        mm.setdefault("c", 3)
        popped = mm.pop("a"), mm.pop("zz", None), mm.popitem()
        st = MySet([1, 2, 3])
        st2 = st | {4}
        st3 = st & [2, 3, 9]
        st -= {1}
        st |= {7}
        st ^= {7, 8}
        out = [list(s), 2 in s, list(reversed(s)), s.index(2), s.count(2), s.index(2, 2), list(mm),
               list(mm.items()), list(mm.keys()), list(mm.values()), popped, mm == {"c": 3}, "c" in mm,
               repr(mm.keys()).startswith("KeysView("), sorted(st2), sorted(st3), sorted(st), st == {2, 3, 8},
               st <= {2, 3, 8, 9}, st < {2, 3, 8}, st.isdisjoint({100}), MySet([1, 2])._hash() == hash(frozenset([1, 2])),
               st.pop(), sorted(st)]
        try:
            s.index(42)
        except ValueError as e:
            out.append(("ValueError", str(e)))
        try:
            MySeq.__abstractmethods__
            A.Sequence()
        except TypeError as e:
            out.append(str(e))
        return out
    same("abc mixins", mixins)


for t in [test_deque_ops, test_deque_misc, test_defaultdict, test_ordereddict, test_counter, test_namedtuple,
          test_chainmap, test_user_classes, test_abc]:
    c.run(t)
c.done()
