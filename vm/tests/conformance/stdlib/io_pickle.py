# In-memory streams pickle and copy with their value, position and the
# attributes a user set (the C types' __getstate__/__setstate__).
import copy
import io
import pickle
import _io

b = io.BytesIO(b"abcdef")
b.seek(2)
b.note = "kept"
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    c = pickle.loads(pickle.dumps(b, proto))
    print(proto, type(c).__name__, c.getvalue(), c.tell(), c.note, c.read())
print(b.__getstate__())

s = io.StringIO("one\ntwo\n")
s.readline()
s.tag = [1, 2]
c = copy.deepcopy(s)
print(c.getvalue(), c.tell(), c.tag, c.readline())
print(s.__getstate__())
c = pickle.loads(pickle.dumps(io.StringIO("x\r\ny", newline=None)))
print(repr(c.getvalue()))

print(_io.BytesIO is io.BytesIO, _io.StringIO is io.StringIO, _io.TextIOWrapper is io.TextIOWrapper)
print(io.BytesIO.__module__, io.StringIO.__module__)

for bad in (None, (b"x",), (b"x", -1, None), (b"x", 0, 5)):
    try:
        io.BytesIO().__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in (None, ("x", "\n", -1, None), ("x", "\n", "0", None)):
    try:
        io.StringIO().__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)
