# socketpair, recv_into, shutdown/EOF, makefile line I/O, context managers.
import socket
import threading

a, b = socket.socketpair()
print(a.family, a.type, b.proto, a.getblocking(), a.gettimeout())
print(a.send(b"hello"), b.recv(10))
a.sendall(b"x" * 10000)
got = b""
while len(got) < 10000:
    got += b.recv(3000)
print(len(got), set(got))

buf = bytearray(8)
a.send(b"abc")
print(b.recv_into(buf), buf)
a.send(b"defghijkl")
print(b.recv_into(buf, 4), buf)
print(b.recv(100))
mv = memoryview(bytearray(5))
a.send(b"12345")
print(b.recv_into(mv), bytes(mv))
try:
    b.recv_into(bytearray(2), 5)
except ValueError as e:
    print("ValueError", e)
try:
    b.recv_into(b"xx")
except TypeError as e:
    print("TypeError", e)

a.shutdown(socket.SHUT_WR)
print(b.recv(10), b.recv(10))
a.close()
b.close()
print(a.fileno(), "[closed]" in repr(a))

# Line I/O through makefile, the writer in another thread.
r, w = socket.socketpair()


def writer():
    with w.makefile("w", encoding="utf-8") as f:
        for i in range(5):
            f.write("line %d: %s\n" % (i, "é" * i))
        f.flush()
    w.close()


t = threading.Thread(target=writer)
t.start()
with r.makefile("r", encoding="utf-8") as f:
    for line in f:
        print(repr(line))
t.join()
r.close()

# Binary read/write files and readline on both ends.
x, y = socket.socketpair()
with x, y:
    wf = x.makefile("wb")
    rf = y.makefile("rb")
    wf.write(b"one\ntwo\nthree")
    wf.flush()
    print(rf.readline(), rf.readline())
    wf.close()
    x.shutdown(socket.SHUT_WR)
    print(rf.read())
    rf.close()
print(x._closed, y._closed)

# detach hands the descriptor over.
p, q = socket.socketpair()
fd = p.detach()
print(p.fileno(), fd >= 0)
p2 = socket.socket(fileno=fd)
print(p2.family, p2.type)
p2.send(b"via detach")
print(q.recv(20))
p2.close()
q.close()
