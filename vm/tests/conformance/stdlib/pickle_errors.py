# What cannot be pickled, and corrupt or truncated pickles: the exception
# classes and messages of CPython's C pickler (never a crash).
import pickle
import re


def outer():
    def local_function():
        pass

    class LocalClass:
        pass

    return local_function, LocalClass, LocalClass()


local_function, LocalClass, local_instance = outer()
anonymous = lambda: 0  # noqa: E731


def generator():
    yield 1


class Moved:
    pass


stale = Moved


class Moved:  # noqa: F811
    pass


class Renamed:
    pass


Renamed.__module__ = "no_such_module_here"


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (list,)


class NotCallable:
    def __reduce__(self):
        return (5, ())


class ArgsNotTuple:
    def __reduce__(self):
        return (list, [1])


class BadListItems:
    def __reduce__(self):
        return (list, (), None, [1, 2])


class WrongNewobjClass:
    def __reduce__(self):
        return (copy_newobj, (int,))


import copyreg

copy_newobj = copyreg.__newobj__


def describe(e):
    text = re.sub(" at 0x[0-9a-f]+", "", str(e))
    return f"{type(e).__module__}.{type(e).__name__}: {text}"


things = [
    ("local function", local_function), ("local class", LocalClass), ("local instance", local_instance),
    ("lambda", anonymous), ("generator", generator()), ("module", pickle), ("stale class", stale),
    ("unimportable", Renamed), ("reduce returns int", BadReduce()), ("short reduce", ShortReduce()),
    ("func not callable", NotCallable()), ("args not tuple", ArgsNotTuple()),
    ("listitems not iterator", BadListItems()), ("wrong newobj class", WrongNewobjClass()),
]
for label, obj in things:
    for proto in (0, 2, 4):
        try:
            pickle.dumps(obj, proto)
            print(label, proto, "pickled?!")
        except Exception as e:
            print(label, proto, describe(e))

# A native object with hidden state: the message names its module.
import threading

for proto in (2, 4):
    try:
        pickle.dumps(threading.Lock(), proto)
    except TypeError as e:
        print("lock", proto, describe(e))

for bad_proto in (6, 100):
    try:
        pickle.dumps(1, bad_proto)
    except ValueError as e:
        print("protocol", bad_proto, e)
try:
    pickle.dumps(1, 2, buffer_callback=print)
except ValueError as e:
    print("buffer_callback", e)
try:
    pickle.Pickler(None)
except TypeError as e:
    print("Pickler(None):", e)
try:
    pickle.Unpickler(42)
except TypeError as e:
    print("Unpickler(42):", e)
try:
    pickle.loads("text")
except TypeError as e:
    print("loads(str):", e)

corrupt = [
    b"", b"\x80", b"\x80\x04", b"\x80\x06.", b"N", b"X", b"X\x05\x00\x00\x00ab", b"(", b"(.",
    b"0.", b"1.", b"2.", b"}K\x01s.", b"}K\x01K\x02K\x03u.", b"(K\x01K\x02K\x03d.", b"\xff", b"z", b"'",
    b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00", b"I12x\n.", b"I\n.", b"I01\n.", b"I00\n.", b"I7\n.",
    b"S\"abc\n.", b"S'abc'\n.", b"S'a\\x41\\n'\n.", b"h\x05.", b"g3\n.", b"j\x00\x01\x00\x00.", b".",
    b"K\x01K\x02.", b"\x80\x04\x8c\x03ab", b"J\x01\x02", b"\x80\x02]q\x00(K\x01e.", b"\x80\x05\x98.",
    b"\x80\x05\x97.", b"\x80\x04\x93.", b"K\x01K\x02\x93.", b"]\x81.", b"K\x01)\x81.", b"F1.x\n.", b"F2.5\n.",
    b"L12\n.", b"L12L\n.", b"L1x\n.", b"Vab\\", b"Vab\\u20ac\n.", b"\x82\x01.", b"\x82\x00.", b"\x8a\x05\x01.",
    b"\x8a\x02\xff\x7f.", b"\x8b\xff\xff\xff\xff.", b"T\xff\xff\xff\xff.", b"a.", b"]K\x01a.", b"K\x01a.",
    b"\x85.", b"K\x01\x86.", b"(K\x01\x86.", b")K\x01b.", b"}K\x01b.", b"ccopyreg\n__newobj__\n.",
    b"c__builtin__\nset\n.", b"\x80\x02c__builtin__\nset\n.", b"\x80\x03c__builtin__\nset\n.",
    b"\x80\x02c__builtin__\nunicode\n.", b"\x80\x02cexceptions\nValueError\n.", b"cbuiltins\nnope\n.",
    b"cno_such_module_here\nx\n.", b"c\n.", b"cbuiltins\n\n.", b"Pabc\n.", b"K\x05Q.", b"\x80\x04K\x01\x94h\x00\x86.",
    b"(lp0\nI1\nag0\na.", b"(i__main__\nMoved\n.", b"(c__main__\nMoved\no.", b"(K\x01\x91.", b"\x8f(K\x01K\x02\x90.",
    b"\x80\x04\x8c\x01a\x8c\x01b\x92.", b"\x96\x02\x00\x00\x00\x00\x00\x00\x00ab.", b"p-1\n.", b"Np-1\n.", b"Np5\n0g5\n.", b"L1xL\n.", b"N0.", b"(0N.",
]
for data in corrupt:
    try:
        value = pickle.loads(data)
        if isinstance(value, Moved):
            value = "Moved()"
        elif callable(value) and not isinstance(value, type):
            value = f"function {value.__module__}.{value.__name__}"
        print(data, "->", repr(value))
    except Exception as e:
        print(data, describe(e))
