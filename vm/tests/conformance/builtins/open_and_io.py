# io.StringIO and io.BytesIO as in-memory files.
import io
s = io.StringIO()
s.write("hello\n")
print("world", file=s)
print(repr(s.getvalue()))
r = io.StringIO("line1\nline2\nline3")
print(r.readline(), r.read(3), r.read(), repr(r.read()))
r.seek(0)
print(r.readlines(), r.tell())
print([line.rstrip() for line in io.StringIO("a\nb\n")])
b = io.BytesIO(b"bytes data")
print(b.read(5), b.read(), b.getvalue(), b.seek(0), b.read(1))
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
