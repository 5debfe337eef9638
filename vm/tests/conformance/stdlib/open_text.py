# Text files through the builtin open(): writing, reading, lines, newlines, seek/tell.
import os

base = os.getcwd()
work = f"/tmp/skein_open_text_{os.getpid()}"
os.mkdir(work)
os.chdir(work)
try:
    with open("a.txt", "w") as f:
        print(type(f).__name__, f.name, f.mode, f.encoding, f.errors, f.closed)
        print(f.write("first line\n"), f.write("second: héllo ✓\n"))
        f.writelines(["third\n", "fourth"])
        print("tell", f.tell())
        print("x", 42, sep="-", file=f)
    print("closed", f.closed)
    with open("a.txt") as f:
        print(repr(f.read()))
    with open("a.txt") as f:
        for line in f:
            print(repr(line))
    with open("a.txt", encoding="utf-8") as f:
        print(f.readlines())
    with open("a.txt") as f:
        print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
        print(repr(f.read(4)), repr(f.read(2)))
        pos = f.tell()
        rest = f.read()
        f.seek(pos)
        print(f.read() == rest, repr(f.read()), repr(f.read(5)))
        print(f.seek(0), repr(f.read(5)), f.seek(0, 1) > 0, f.seek(0, 2))
    # append and exclusive creation
    with open("a.txt", "a") as f:
        f.write("\nappended\n")
    print(open("a.txt").read().splitlines()[-2:])
    with open("b.txt", "x") as f:
        f.write("new")
    try:
        open("b.txt", "x")
    except FileExistsError as e:
        print(type(e).__name__, e)
    # newline handling
    with open("nl.txt", "wb") as f:
        f.write(b"one\r\ntwo\rthree\nfour\r")
    with open("nl.txt") as f:
        print([l for l in f], f.newlines)
    with open("nl.txt", newline="") as f:
        print(f.readlines())
    with open("nl.txt", newline="\r") as f:
        print(f.readlines())
    with open("nl.txt", newline="\n") as f:
        print(f.readlines())
    with open("nl.txt") as f:
        print(repr(f.read(4)), repr(f.read(3)), repr(f.read()))
    with open("w.txt", "w", newline="\r\n") as f:
        f.write("a\nb\n")
    print(open("w.txt", "rb").read())
    with open("w.txt", "w", newline="") as f:
        f.write("a\r\nb\n")
    print(open("w.txt", "rb").read())
    # encodings and errors
    with open("l1.txt", "w", encoding="latin-1") as f:
        f.write("café")
    print(open("l1.txt", "rb").read(), open("l1.txt", encoding="latin-1").read())
    print(repr(open("l1.txt", errors="replace").read()))
    try:
        open("l1.txt").read()
    except UnicodeDecodeError as e:
        print(type(e).__name__)
    try:
        with open("asc.txt", "w", encoding="ascii") as f:
            f.write("é")
    except UnicodeEncodeError as e:
        print(type(e).__name__)
    # multibyte characters across chunk boundaries
    text = "é✓" * 5000 + "\n" + "z" * 3
    with open("big.txt", "w") as f:
        f.write(text)
    with open("big.txt") as f:
        print(f.read() == text)
    with open("big.txt") as f:
        print(len(f.readline()), repr(f.readline()))
    # r+ : read then write
    with open("rp.txt", "w") as f:
        f.write("0123456789")
    with open("rp.txt", "r+") as f:
        print(repr(f.read(3)))
        f.write("abc")
        f.seek(0)
        print(repr(f.read()))
        f.seek(0)
        f.truncate(4)
    print(repr(open("rp.txt").read()))
    with open("rp.txt", "w+") as f:
        f.write("hello\nworld\n")
        f.seek(0)
        print(f.readlines())
    # unclosed writer: data is flushed before the next open()
    open("u.txt", "w").write("unclosed data")
    print(repr(open("u.txt").read()))
    with open("a.txt") as f:
        next(f)
        try:
            f.tell()
        except OSError as e:
            print(type(e).__name__, e)
finally:
    os.chdir(base)
    for n in os.listdir(work):
        os.remove(os.path.join(work, n))
    os.rmdir(work)
print("done")
