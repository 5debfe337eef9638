"""Compare vm/lib/copy.py with CPython's copy module."""

import collections
import copy as real

import harness

mods = harness.load()
S = mods["copy"]
SC = mods["collections"]
c = harness.Checker("copy")


def describe(obj, original, seen=None):
    """A value describing obj's structure: contents, types, which parts are
    shared (numbered by first sight) and which are the original's objects."""
    if seen is None:
        seen = {}
        originals = set()
        _collect(original, originals, set())
        seen["__originals__"] = originals
    originals = seen["__originals__"]
    key = id(obj)
    if key in seen:
        return ("ref", seen[key])
    if isinstance(obj, (int, float, str, bytes, type(None), complex, type)) or callable(obj) and not hasattr(obj, "__dict__"):
        return ("atom", obj if not isinstance(obj, type) else obj.__name__)
    seen[key] = len(seen)
    tag = (type(obj).__name__, seen[key], key in originals)
    if isinstance(obj, dict):
        items = [(describe(k, original, seen), describe(v, original, seen)) for k, v in obj.items()]
    elif isinstance(obj, (set, frozenset)):
        items = sorted((describe(v, original, seen) for v in obj), key=repr)
    elif isinstance(obj, (list, tuple, collections.deque, SC.deque)):
        items = [describe(v, original, seen) for v in obj]
    else:
        items = None
    attrs = None
    if hasattr(obj, "__dict__") and not isinstance(obj, type):
        attrs = [(k, describe(v, original, seen)) for k, v in sorted(vars(obj).items())]
    slots = []
    for klass in type(obj).__mro__:
        for name in klass.__dict__.get("__slots__", ()) if not isinstance(klass.__dict__.get("__slots__", ()), str) else [klass.__dict__["__slots__"]]:
            mangled = f"_{klass.__name__.lstrip('_')}{name}" if name.startswith("__") and not name.endswith("__") else name
            if mangled in ("__dict__", "__weakref__"):
                continue
            try:
                slots.append((mangled, describe(getattr(obj, mangled), original, seen)))
            except AttributeError:
                slots.append((mangled, "unset"))
    return (tag, items, attrs, slots)


def _collect(obj, out, visiting):
    if id(obj) in visiting:
        return
    visiting.add(id(obj))
    out.add(id(obj))
    if isinstance(obj, dict):
        for k, v in obj.items():
            _collect(k, out, visiting)
            _collect(v, out, visiting)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            _collect(v, out, visiting)
    if hasattr(obj, "__dict__") and not isinstance(obj, type):
        for v in vars(obj).values():
            _collect(v, out, visiting)


# -- sample classes --

class Plain:
    def __init__(self, x):
        self.x = x
        self.items = [x, [x]]


class Slotted:
    __slots__ = ("a", "__private", "unset")

    def __init__(self):
        self.a = [1]
        self.__private = {"k": [2]}


class Mixed(Slotted):
    def __init__(self):
        super().__init__()
        self.extra = (3, [4])


class WithCopy:
    def __init__(self):
        self.log = []

    def __copy__(self):
        return "copied"

    def __deepcopy__(self, memo):
        return ("deep", len(memo) >= 0)


class WithState:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {"v": self.v, "extra": "from getstate"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class WithNewArgs:
    def __new__(cls, a, b=0):
        self = object.__new__(cls)
        self.created = (a, b)
        return self

    def __init__(self, a, b=0):
        self.init = True

    def __getnewargs__(self):
        return (self.created[0], [self.created[1]])


class WithNewArgsEx(WithNewArgs):
    def __getnewargs_ex__(self):
        return (self.created[0],), {"b": "kw"}


class ReduceString:
    def __reduce__(self):
        return "ReduceString"


class ReduceCustom:
    def __init__(self, v):
        self.v = v

    def __reduce_ex__(self, proto):
        return (ReduceCustom, (self.v * 2,), {"note": proto})


class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "t"
        self.appended = 0

    def append(self, x):
        self.appended += 1
        super().append(x)


class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, (v, "via setitem"))


class MySet(set):
    pass


def samples():
    shared = [1, 2]
    cyc = [1]
    cyc.append(cyc)
    dcyc = {}
    dcyc["self"] = dcyc
    tcyc_inner = []
    tcyc = (tcyc_inner, 5)
    tcyc_inner.append(tcyc)
    obj = Plain(shared)
    obj.me = obj
    ml = MyList([1, [2]])
    ml.tag = shared
    md = MyDict(a=1)
    ms = MySet([1, 2])
    ms.attr = [1]
    return [
        1, "s", None, (1, 2), (1, [2]), [shared, shared], {"a": shared, "b": (shared,)}, {1, 2},
        frozenset([1, (2, 3)]), bytearray(b"ab"), cyc, dcyc, tcyc, obj, Slotted(), Mixed(), WithCopy(),
        WithState([1]), WithNewArgs(1, 2), WithNewArgsEx(3), ReduceString(), ReduceCustom([1]), ml, md, ms,
        collections.namedtuple("NT", "a b")(1, [2]), collections.OrderedDict(a=[1]),
        collections.defaultdict(list, a=[1]), collections.Counter("abca"), collections.deque([1, [2]], 5),
        SC.deque([1, [2]], 5), SC.OrderedDict(a=[1]), SC.defaultdict(list, a=[1]), SC.Counter("abca"),
        SC.namedtuple("NT2", "a b")(1, [2]), Plain, len, Plain(1).__init__, range(3), slice(1, 2), object(),
        [(x for x in [])], 1.5j, b"bytes", type(None),
    ]


def test_samples():
    for i, x in enumerate(samples()):
        for fn in ("copy", "deepcopy"):
            got = harness.outcome(getattr(S, fn), x)
            exp = harness.outcome(getattr(real, fn), x)
            if got[0] == "ok" and exp[0] == "ok":
                c.eq(f"{fn} sample {i} ({type(x).__name__})", describe(got[1], x), describe(exp[1], x))
                c.eq(f"{fn} sample {i} identity", got[1] is x, exp[1] is x)
            else:
                c.eq(f"{fn} sample {i} ({type(x).__name__}) outcome", got[:2], exp[:2])


def test_memo():
    a = [1]
    memo_s, memo_r = {}, {}
    y_s = S.deepcopy([a, a], memo_s)
    y_r = real.deepcopy([a, a], memo_r)
    c.eq("memo shared", y_s[0] is y_s[1], y_r[0] is y_r[1])
    c.eq("memo keys", sorted(k == id(memo_s) for k in memo_s), sorted(k == id(memo_r) for k in memo_r))
    c.true("memo reuse", S.deepcopy(a, memo_s) is y_s[0])
    pre = {id(a): "preset"}
    c.eq("memo preset", S.deepcopy([a], pre), ["preset"])
    c.true("class copy", S.copy(Plain) is Plain and S.deepcopy(Plain) is Plain)
    c.eq("Error alias", S.error is S.Error and issubclass(S.Error, Exception), True)
    m = Plain(1).__init__
    dm = S.deepcopy(m)
    c.true("deepcopy method rebinds", dm.__func__ is m.__func__ and dm.__self__ is not m.__self__)


def test_plain_path():
    # Force the reduce-free path that Skein uses when the runtime has no
    # __reduce__ for these types, and compare with CPython's results.
    for x in [{1, 2, (3,)}, frozenset([1]), MySet([1, 2]), bytearray(b"xy"), MyList([1, [2]]), MyDict(a=1)]:
        for deep in (False, True):
            if isinstance(x, frozenset) and not deep:
                continue  # copy() returns frozensets unchanged before any reduce.
            memo = {} if deep else None
            rv = S._object_reduce(x, type(x))
            y = S._reconstruct(x, memo, *rv)
            exp = (real.deepcopy if deep else real.copy)(x)
            c.eq(f"plain path {type(x).__name__} deep={deep}", describe(y, x), describe(exp, x))


for t in [test_samples, test_memo, test_plain_path]:
    c.run(t)
c.done()
