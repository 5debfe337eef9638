# The Pickler and Unpickler classes: files, persistent ids, private
# dispatch tables, reducer_override, find_class, buffers (protocol 5).
import copyreg
import io
import pickle


class Record:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return f"Record({self.key!r})"


database = {"r1": Record("r1"), "r2": Record("r2")}


class DBPickler(pickle.Pickler):
    def __init__(self, f, proto):
        super().__init__(f, proto)
        self.proto = proto

    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return obj.key if self.proto == 0 else ("Record", obj.key)
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        key = pid if isinstance(pid, str) else pid[1]
        print("  persistent_load", pid)
        return database[key]


for proto in (0, 1, 2, 4):
    f = io.BytesIO()
    DBPickler(f, proto).dump([database["r1"], "x", database["r2"], database["r1"]])
    print(proto, f.getvalue())
    f.seek(0)
    back = DBUnpickler(f).load()
    print(back, back[0] is database["r1"], back[3] is back[0])

# Protocol 0 persistent ids must be ASCII strings.
class TextIds(pickle.Pickler):
    def persistent_id(self, obj):
        return "ümlaut" if obj == "p" else None

try:
    TextIds(io.BytesIO(), 0).dump(["p"])
except pickle.PicklingError as e:
    print("PicklingError:", e)

# persistent_load assigned on the instance.
u = pickle.Unpickler(io.BytesIO(b"Pxyz\n."))
u.persistent_load = lambda pid: f"loaded {pid}"
print(u.load())


class Celsius:
    def __init__(self, degrees):
        self.degrees = degrees


def reduce_celsius(c):
    return (Celsius, (c.degrees,))


# A private dispatch table, on the instance or on the class.
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Celsius] = reduce_celsius
p.dump(Celsius(21))
print(f.getvalue(), pickle.loads(f.getvalue()).degrees)


class TablePickler(pickle.Pickler):
    dispatch_table = {Celsius: lambda c: (Celsius, (c.degrees + 100,))}


f = io.BytesIO()
TablePickler(f, 4).dump([Celsius(1), 2.5j])
print(f.getvalue())
back = pickle.loads(f.getvalue())
print(back[0].degrees, back[1])

# copyreg.pickle registers in the global table that every pickler uses.
class Vec:
    def __init__(self, *xs):
        self.xs = xs


copyreg.pickle(Vec, lambda v: (Vec, v.xs))
data = pickle.dumps(Vec(1, 2, 3), 2)
print(data, pickle.loads(data).xs)
del copyreg.dispatch_table[Vec]


Alias = Celsius


# reducer_override sees what the dispatch does not handle by itself.
class Override(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Celsius:
            return "Alias"
        if isinstance(obj, Celsius):
            return (float, (obj.degrees,))
        return NotImplemented


f = io.BytesIO()
Override(f, 4).dump([Celsius(5), Celsius, Record("k"), 1, "s"])
print(f.getvalue())
back = pickle.loads(f.getvalue())
print(back)


# find_class decides what a name means (a restricted unpickler).
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        print("  find_class", module, name)
        if module == "builtins" and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


for data in (pickle.dumps({1, 2}, 2), pickle.dumps(Record("x"), 2), pickle.dumps(Record, 4)):
    try:
        print(Restricted(io.BytesIO(data)).load())
    except pickle.UnpicklingError as e:
        print("UnpicklingError:", e)

# Extension codes replace (module, name) pairs at protocol 2+.
copyreg.add_extension(__name__, "Record", 240)
copyreg.add_extension(__name__, "Celsius", 0x1234)
copyreg.add_extension(__name__, "Vec", 0x123456)
for proto in (1, 2, 4):
    data = pickle.dumps([Record, Celsius, Vec], proto)
    print(proto, data, pickle.loads(data) == [Record, Celsius, Vec])
copyreg.remove_extension(__name__, "Record", 240)
copyreg.remove_extension(__name__, "Celsius", 0x1234)
copyreg.remove_extension(__name__, "Vec", 0x123456)
print(pickle.dumps(Record, 2))

# Several pickles in one file; load stops right after each.
f = io.BytesIO()
for proto in range(6):
    pickle.dump((proto, "item"), f, proto)
f.write(b"tail")
f.seek(0)
for proto in range(6):
    print(pickle.load(f), f.tell())
print(f.read())
try:
    pickle.load(io.BytesIO())
except EOFError as e:
    print("EOFError:", e)

# Python 2 strings: encoding="bytes", "latin1", and errors.
py2 = b"(lp0\nS'caf\\xe9'\np1\naU\x03abcq\x02a."
print(pickle.loads(py2, encoding="bytes"), pickle.loads(py2, encoding="latin1"))
try:
    pickle.loads(py2)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason)
print(pickle.loads(py2, encoding="ascii", errors="replace"))
print(pickle.loads(b"c__builtin__\nxrange\n(I0\nI3\ntR.", fix_imports=True))
try:
    pickle.loads(b"c__builtin__\nxrange\n.", fix_imports=False)
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

# Out-of-band buffers (protocol 5).
buf = pickle.PickleBuffer(bytearray(b"abcdef"))
print(pickle.dumps(buf, 5))
ro = pickle.PickleBuffer(b"xyz")
print(pickle.dumps(ro, 5))
collected = []
data = pickle.dumps([buf, ro], 5, buffer_callback=collected.append)
print(data, len(collected))
back = pickle.loads(data, buffers=[bytearray(b"ABCDEF"), b"XYZ"])
print(back)
try:
    pickle.loads(data)
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)
try:
    pickle.loads(data, buffers=[])
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)
try:
    pickle.dumps(buf, 4)
except pickle.PicklingError as e:
    print("PicklingError:", e)
print(bytes(buf.raw()), buf.raw().readonly, ro.raw().readonly)
buf.release()
try:
    buf.raw()
except ValueError as e:
    print("ValueError:", e)
