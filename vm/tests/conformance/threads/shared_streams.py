# Streams shared by threads: each write/read call is one atomic operation,
# as CPython's C streams are (3.13t locks each object): nothing written is
# lost or repeated. (Readers sharing one file are in stress-tests: CPython
# 3.11's BufferedReader.readline can hand one line to two threads.)
import io
import os
import tempfile
import threading

N, PER = 8, 1500


def run(fn):
    ts = [threading.Thread(target=fn, args=(k,)) for k in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


sio = io.StringIO()
run(lambda k: [sio.write(f"{k}:{i}\n") for i in range(PER)])
lines = sio.getvalue().splitlines()
print("StringIO", len(lines), len(set(lines)) == N * PER)

bio = io.BytesIO()
run(lambda k: [bio.write(b"%d:%d\n" % (k, i)) for i in range(PER)])
blines = bio.getvalue().splitlines()
print("BytesIO", len(blines), len(set(blines)) == N * PER, bio.tell() == len(bio.getvalue()))

# Binary files: BufferedWriter holds its own lock in CPython too. (Text
# files are left out: CPython 3.11's TextIOWrapper mixes up concurrent
# writes; 3.13t and Skein lock it.)
fd, path = tempfile.mkstemp()
os.close(fd)
with open(path, "wb") as f:
    run(lambda k: [f.write(b"%d:%d\n" % (k, i)) for i in range(PER)])
with open(path, "rb") as f:
    flines = f.read().splitlines()
print("binary file", len(flines), len(set(flines)) == N * PER)

os.unlink(path)

# Readers and writers on one StringIO: every read returns whole writes.
sio = io.StringIO()
pieces = []
def mixed(k):
    for i in range(500):
        if k % 2:
            sio.write("<%d>" % i)
        else:
            pieces.append(sio.getvalue())
run(mixed)
text = sio.getvalue()
print("mixed", text.count("<") == text.count(">") == 2000, all(p.count("<") == p.count(">") for p in pieces))
