# open() errors: CPython's exception types and messages.
import io
import os

base = os.getcwd()
work = f"/tmp/skein_open_errors_{os.getpid()}"
os.mkdir(work)
os.chdir(work)


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)


try:
    attempt(open, "missing.txt")
    os.mkdir("sub")
    attempt(open, "sub")
    attempt(open, "sub", "w")
    for mode in ["rr", "rw", "", "b", "rbt", "U", "rU", "wa", "z", "r++"]:
        attempt(open, "x.txt", mode)
    attempt(open, "x.txt", 3)
    attempt(open, [])
    attempt(open, "x.txt", "rb", encoding="utf-8")
    attempt(open, "x.txt", "rb", errors="strict")
    attempt(open, "x.txt", "rb", newline="\n")
    attempt(open, "x.txt", "r", buffering=0)
    attempt(open, "x.txt", "w", encoding="no-such-codec")
    attempt(open, "x.txt", "w", newline="x")
    f = open("x.txt", "w")
    attempt(f.write, b"bytes")
    attempt(f.read)
    f.close()
    for op in (f.write, f.read, f.readline, f.tell, f.flush, f.fileno):
        attempt(op, *(["s"] if op == f.write else []))
    attempt(f.__enter__)
    attempt(iter, f)
    f.close()
    print(f.closed)
    f = open("x.txt")
    attempt(f.write, "x")
    attempt(f.seek, 1, 1)
    attempt(f.seek, 1, 2)
    attempt(f.seek, -1)
    attempt(f.seek, 0, 5)
    f.close()
    b = open("x.txt", "rb")
    attempt(b.write, b"x")
    attempt(b.truncate)
    b.close()
    attempt(b.read)
    b = open("x.txt", "wb")
    attempt(b.read)
    attempt(b.write, "str")
    b.close()
    with open("x.txt") as f:
        pass
    attempt(f.readlines)
    attempt(os.remove, "missing.txt")
finally:
    os.chdir(base)
    for n in os.listdir(work):
        p = os.path.join(work, n)
        if os.path.isdir(p):
            os.rmdir(p)
        else:
            os.remove(p)
    os.rmdir(work)
print("done")
