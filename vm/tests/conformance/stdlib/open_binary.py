# Binary files through open(): buffered readers/writers, raw FileIO, seek/tell/truncate.
import io
import os

base = os.getcwd()
work = f"/tmp/skein_open_binary_{os.getpid()}"
os.mkdir(work)
os.chdir(work)
try:
    with open("d.bin", "wb") as f:
        print(type(f).__name__, f.name, f.mode, isinstance(f, io.BufferedIOBase))
        print(f.write(b"abc\n"), f.write(bytearray(b"\x00\xff\n")), f.tell())
        f.writelines([b"x", b"yz\n"])
        print(f.readable(), f.writable(), f.seekable(), isinstance(f.fileno(), int))
    with open("d.bin", "rb") as f:
        print(type(f).__name__, f.mode, f.read())
        print(f.read(), f.seek(0), f.read(2), f.tell(), f.read1(3), f.peek(1)[:1])
        f.seek(-3, 2)
        print(f.read(), f.seek(1), f.seek(2, 1), f.read(1))
        f.seek(0)
        print(f.readline(), f.readline(2), f.readlines())
    with open("d.bin", "rb") as f:
        print(list(f))
    with open("d.bin", "ab") as f:
        print(f.mode, f.tell())
        f.write(b"tail")
    with open("d.bin", "r+b") as f:
        print(type(f).__name__, f.mode)
        print(f.read(3))
        f.write(b"XY")
        f.seek(0)
        print(f.read())
        print(f.truncate(5), f.tell())
        f.seek(0)
        print(f.read())
    print(os.path.getsize("d.bin"))
    with open("d.bin", "w+b") as f:
        f.write(b"0123456789")
        f.seek(2)
        print(f.read(3))
        f.seek(0, 2)
        f.write(b"!")
        f.seek(0)
        print(f.read())
    # unbuffered raw files
    with open("d.bin", "rb", buffering=0) as f:
        print(type(f).__name__, f.mode, f.read(4), f.readall())
    r = io.FileIO("d.bin")
    print(r.mode, r.read(2), r.tell(), r.closed)
    r.close()
    print(r.closed)
    w = io.FileIO("e.bin", "w")
    print(w.write(b"raw"), w.mode)
    w.close()
    with io.open("e.bin", "rb") as f:
        print(f.read())
    # a big file read in chunks
    data = bytes(range(256)) * 100
    with open("big.bin", "wb") as f:
        f.write(data)
    with open("big.bin", "rb") as f:
        got = b""
        while True:
            chunk = f.read(1000)
            if not chunk:
                break
            got += chunk
        print(got == data, f.tell())
    # TextIOWrapper over a binary file
    with open("t.bin", "wb") as f:
        t = io.TextIOWrapper(f, encoding="utf-8")
        t.write("wrapped ✓\n")
        t.flush()
    print(open("t.bin", "rb").read())
    with open("t.bin", "rb") as f:
        print(io.TextIOWrapper(f).read())
finally:
    os.chdir(base)
    for n in os.listdir(work):
        os.remove(os.path.join(work, n))
    os.rmdir(work)
print("done")
