"""Compare vm/lib/io.py (StringIO, BytesIO) with CPython's io module."""

import io as real_io
import random

import harness

mods = harness.load()
I = mods["io"]
c = harness.Checker("io")
rng = random.Random(4321)

TEXT_PIECES = ["", "a", "bc", "\n", "\r", "\r\n", "x\ny", "é☃", "line\r\nnext\rlast\n", "\n\n", "zz\r"]
BYTE_PIECES = [b"", b"a", b"bc", b"\n", b"\r\n", b"x\ny", b"\x00\xff", b"line\nnext\n"]


def outcome(fn):
    r = harness.outcome(fn)
    if r[0] == "raise" and r[1] == "UnsupportedOperation":
        return r  # same name in both modules
    return r


def random_text_op(pieces):
    kind = rng.randrange(12)
    if kind == 0:
        s = rng.choice(pieces)
        return f"write({s!r})", lambda f: f.write(s)
    if kind == 1:
        n = rng.choice([None, -1, 0, 1, 2, 5, 100])
        return f"read({n})", lambda f: f.read(n)
    if kind == 2:
        n = rng.choice([None, -1, 0, 1, 3, 100])
        return f"readline({n})", lambda f: f.readline(n)
    if kind == 3:
        h = rng.choice([None, -1, 0, 1, 4])
        return f"readlines({h})", lambda f: f.readlines(h)
    if kind == 4:
        p, w = rng.choice([(0, 0), (2, 0), (50, 0), (-1, 0), (0, 1), (0, 2), (1, 1), (-1, 2), (3, 2), (0, 3)])
        return f"seek({p}, {w})", lambda f: f.seek(p, w)
    if kind == 5:
        return "tell()", lambda f: f.tell()
    if kind == 6:
        n = rng.choice([None, 0, 1, 3, 100, -1])
        return f"truncate({n})", lambda f: f.truncate(n)
    if kind == 7:
        return "getvalue()", lambda f: f.getvalue()
    if kind == 8:
        ls = [rng.choice(pieces) for _ in range(3)]
        return f"writelines({ls!r})", lambda f: f.writelines(ls)
    if kind == 9:
        return "list(f)", lambda f: list(f)
    if kind == 10:
        return "attrs", lambda f: (f.readable(), f.writable(), f.seekable(), f.closed, f.isatty())
    return "next(f)", lambda f: next(f)


def run_sequence(make_ours, make_real, pieces, label, extra=()):
    ours, real = make_ours(), make_real()
    for step in range(25):
        name, op = random_text_op(pieces)
        if step == 20 and rng.random() < 0.3:
            name, op = "close()", lambda f: f.close()
        if not c.eq(f"{label} step {step} {name}", outcome(lambda: op(ours)), outcome(lambda: op(real))):
            return
        for attr in extra:
            c.same(f"{label} {attr}", lambda: getattr(ours, attr), lambda: getattr(real, attr))


def test_stringio_sequences():
    for newline in (None, "", "\n", "\r", "\r\n"):
        for trial in range(40):
            init = "".join(rng.choice(TEXT_PIECES) for _ in range(rng.randrange(4)))
            run_sequence(lambda: I.StringIO(init, newline=newline),
                         lambda: real_io.StringIO(init, newline=newline),
                         TEXT_PIECES, f"StringIO({init!r}, newline={newline!r})",
                         extra=("newlines", "line_buffering"))


def test_bytesio_sequences():
    for trial in range(150):
        init = b"".join(rng.choice(BYTE_PIECES) for _ in range(rng.randrange(4)))
        run_sequence(lambda: I.BytesIO(init), lambda: real_io.BytesIO(init), BYTE_PIECES, f"BytesIO({init!r})")


def test_errors():
    cases = [
        lambda m: m.StringIO(1),
        lambda m: m.StringIO("", newline="x"),
        lambda m: m.StringIO("", newline=1),
        lambda m: m.StringIO(None).getvalue(),
        lambda m: m.StringIO().write(1),
        lambda m: m.StringIO().write(b"x"),
        lambda m: m.StringIO().read("x"),
        lambda m: m.StringIO().read(1.5),
        lambda m: m.StringIO().seek(1.5),
        lambda m: m.StringIO().seek(0, 7),
        lambda m: m.StringIO().truncate(-3),
        lambda m: m.StringIO().truncate("x"),
        lambda m: m.StringIO().encoding,
        lambda m: m.StringIO().errors,
        lambda m: m.BytesIO("x"),
        lambda m: m.BytesIO(3),
        lambda m: m.BytesIO(bytearray(b"ab")).getvalue(),
        lambda m: m.BytesIO().write("s"),
        lambda m: m.BytesIO().write(bytearray(b"qq")),
        lambda m: m.BytesIO().write(memoryview(b"mv")),
        lambda m: m.BytesIO().seek(-1),
        lambda m: m.BytesIO().seek(0, 9),
        lambda m: m.BytesIO().truncate(-1),
        lambda m: m.BytesIO().read("x"),
        lambda m: m.BytesIO(b"abcdef").read1(2),
        lambda m: m.BytesIO(b"abcdef").getbuffer().tobytes(),
    ]
    for i, case in enumerate(cases):
        c.same(f"error case {i}", lambda: case(I), lambda: case(real_io))
    for mod_name in ("fileno", "detach"):
        got = harness.outcome(lambda: getattr(I.StringIO(), mod_name)())
        c.eq(f"StringIO.{mod_name}", got, ("raise", "UnsupportedOperation", mod_name))
    got = harness.outcome(lambda: I.BytesIO().fileno())
    c.eq("BytesIO.fileno", got, ("raise", "UnsupportedOperation", "fileno"))
    c.true("UnsupportedOperation bases", issubclass(I.UnsupportedOperation, OSError)
           and issubclass(I.UnsupportedOperation, ValueError))


def test_closed():
    names = ["read", "write", "seek", "tell", "getvalue", "readline", "truncate", "readable", "writable",
             "seekable", "isatty", "flush", "__iter__", "__next__", "__enter__", "readlines", "writelines",
             "newlines", "line_buffering"]
    args = {"write": ["x"], "seek": [0], "writelines": [["a"]]}
    for name in names:
        for make in (lambda m: m.StringIO("abc"), lambda m: m.BytesIO(b"abc")):
            def call(m):
                f = make(m)
                f.close()
                value = getattr(f, name)
                if not callable(value):
                    return value
                a = args.get(name, [])
                if isinstance(f, m.BytesIO) and name in ("write", "writelines"):
                    a = [b"x"] if name == "write" else [[b"a"]]
                result = value(*a)
                return result is f if result is f else result
            if name in ("newlines", "line_buffering") and make(real_io).__class__ is real_io.BytesIO:
                continue
            c.same(f"closed {make(real_io).__class__.__name__}.{name}", lambda: call(I), lambda: call(real_io))
    f = I.StringIO()
    f.close()
    f.close()
    c.eq("double close", f.closed, True)


def test_context_and_iteration():
    def use(m):
        with m.StringIO("a\nb\nc") as f:
            lines = [line for line in f]
            state = f.closed
        return lines, state, f.closed

    c.same("with StringIO", lambda: use(I), lambda: use(real_io))

    def use_bytes(m):
        with m.BytesIO(b"1\n2\n\n3") as f:
            return list(f), f.tell()

    c.same("with BytesIO", lambda: use_bytes(I), lambda: use_bytes(real_io))

    def readinto(m):
        f = m.BytesIO(b"abcdef")
        b = bytearray(4)
        n1 = f.readinto(b)
        r1 = bytes(b)
        n2 = f.readinto(b)
        return n1, r1, n2, bytes(b)

    c.same("readinto", lambda: readinto(I), lambda: readinto(real_io))


def test_print_redirect():
    import sys
    buf = I.StringIO()
    print("hello", 1, 2.5, sep="|", end="!\n", file=buf)
    print("next", file=buf)
    c.eq("print to StringIO", buf.getvalue(), "hello|1|2.5!\nnext\n")
    old = sys.stdout
    sys.stdout = buf2 = I.StringIO()
    try:
        print("captured")
    finally:
        sys.stdout = old
    c.eq("stdout capture", buf2.getvalue(), "captured\n")


def test_classes():
    c.true("StringIO is TextIOBase", isinstance(I.StringIO(), I.TextIOBase))
    c.true("StringIO is IOBase", isinstance(I.StringIO(), I.IOBase))
    c.true("BytesIO is BufferedIOBase", isinstance(I.BytesIO(), I.BufferedIOBase))
    c.true("BytesIO is not TextIOBase", not isinstance(I.BytesIO(), I.TextIOBase))
    c.eq("repr StringIO", repr(I.StringIO()).split(" at ")[0], repr(real_io.StringIO()).split(" at ")[0])
    c.eq("repr BytesIO", repr(I.BytesIO()).split(" at ")[0], repr(real_io.BytesIO()).split(" at ")[0])
    c.eq("constants", (I.SEEK_SET, I.SEEK_CUR, I.SEEK_END, I.DEFAULT_BUFFER_SIZE),
         (real_io.SEEK_SET, real_io.SEEK_CUR, real_io.SEEK_END, real_io.DEFAULT_BUFFER_SIZE))


for t in [test_stringio_sequences, test_bytesio_sequences, test_errors, test_closed,
          test_context_and_iteration, test_print_redirect, test_classes]:
    c.run(t)
c.done()
