# Instances: the default reduction (object.__reduce_ex__ through copyreg),
# __getstate__/__setstate__, __getnewargs__/__getnewargs_ex__, __slots__,
# __reduce__/__reduce_ex__ of one's own, list and dict subclasses, and
# classes, functions and methods pickled by reference.
import copyreg
import pickle


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [2, 3]


class Empty:
    pass


class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = "not pickled"

    def __getstate__(self):
        return {"v": self.v}

    def __setstate__(self, state):
        print("  __setstate__", state)
        self.v = state["v"]
        self.cache = "rebuilt"


class FalseState:
    def __getstate__(self):
        return 0

    def __setstate__(self, state):
        print("  never called for a false state")


class Slotted:
    __slots__ = ("x", "__y", "unset")

    def __init__(self):
        self.x = 1
        self.__y = 2


class SlotsAndDict(Slotted):
    def __init__(self):
        super().__init__()
        self.z = 3


class NewArgs:
    def __new__(cls, a, b):
        print("  __new__", a, b)
        self = super().__new__(cls)
        self.ab = (a, b)
        return self

    def __getnewargs__(self):
        return self.ab


class NewArgsEx:
    def __new__(cls, a, *, key):
        self = super().__new__(cls)
        self.args = (a, key)
        return self

    def __getnewargs_ex__(self):
        return (self.args[0],), {"key": self.args[1]}


class OwnReduce:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (OwnReduce, (self.n * 10,))


class OwnReduceEx:
    def __reduce_ex__(self, proto):
        return (str, (f"proto {proto}",))


class ReduceString:
    def __reduce__(self):
        return "SINGLETON"


SINGLETON = ReduceString()


class WithSetter:
    def __init__(self):
        self.log = [1]

    def __reduce__(self):
        return (WithSetter, (), {"extra": 5}, None, None, set_state)


def set_state(obj, state):
    print("  set_state", sorted(state))
    obj.log.append(state["extra"])


class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "t"


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class Outer:
    class Inner:
        def method(self):
            return "m"

    @staticmethod
    def static():
        return "s"

    @classmethod
    def klass(cls):
        return cls.__name__


def show(obj):
    d = {}
    for k in sorted(getattr(obj, "__dict__", {})):
        d[k] = obj.__dict__[k]
    for k in getattr(type(obj), "__slots__", ()):
        for name in (k, "_Slotted" + k if k.startswith("__") else k):
            if hasattr(obj, name):
                d[name] = getattr(obj, name)
    return f"{type(obj).__name__}{d}"


objects = [
    Plain(), Empty(), WithState(7), FalseState(), Slotted(), SlotsAndDict(),
    NewArgs("p", "q"), NewArgsEx(1, key="k"), OwnReduce(4), OwnReduceEx(), SINGLETON,
    WithSetter(), MyList([1, 2]), MyDict(a=1), MyInt(5), MyStr("s"), MyTuple((1, 2)),
    Outer.Inner(), Outer.Inner, Outer.static, Outer.klass, Outer.Inner().method,
]
for obj in objects:
    for proto in range(6):
        print(type(obj).__name__, proto)
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print("  dumps:", type(e).__name__, e)
            continue
        print(" ", data)
        back = pickle.loads(data)
        if callable(back) and not isinstance(back, type):
            print("  ->", back())
        elif isinstance(back, type):
            print("  ->", back.__qualname__)
        elif type(back).__module__ == "builtins":
            print("  ->", repr(back))
        else:
            contents = dict(back) if isinstance(back, dict) else list(back) if isinstance(back, list) else ""
            print("  ->", show(back), getattr(back, "cache", ""), getattr(back, "log", ""), getattr(back, "tag", ""), contents)

print(SINGLETON is pickle.loads(pickle.dumps(SINGLETON)))
ml = pickle.loads(pickle.dumps(MyList([1, 2]), 2))
print(type(ml).__name__, ml, ml.tag)

# object.__reduce_ex__ and friends, as pickle sees them.
p = Plain()
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1], r[2], r[3], r[4])
r = p.__reduce_ex__(1)
print(r[0] is copyreg._reconstructor, r[1], r[2])
print(Empty().__reduce_ex__(0)[1:], Empty().__getstate__())
print(Slotted().__getstate__(), SlotsAndDict().__getstate__())
r = NewArgsEx(1, key=2).__reduce_ex__(4)
print(r[0] is copyreg.__newobj_ex__, r[1][1:])
print(object().__reduce__()[1:])
for proto in (0, 1):
    try:
        Slotted().__reduce_ex__(proto)
    except TypeError as e:
        print(proto, e)
