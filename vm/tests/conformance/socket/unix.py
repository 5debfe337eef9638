# AF_UNIX sockets: a path in a temporary directory, the abstract
# namespace, addresses of unnamed ends, a threaded server.
import os
import socket
import tempfile
import threading

d = tempfile.mkdtemp()
path = os.path.join(d, "sock")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen()
print(srv.family, srv.type, srv.getsockname() == path, os.path.exists(path))

replies = []


def serve():
    for _ in range(3):
        conn, addr = srv.accept()
        with conn:
            data = b""
            while not data.endswith(b"\n"):
                data += conn.recv(100)
            conn.sendall(data[::-1])
            replies.append((repr(addr), repr(conn.getsockname() == path)))


t = threading.Thread(target=serve)
t.start()
for i in range(3):
    with socket.socket(socket.AF_UNIX) as c:
        c.connect(path)
        print(repr(c.getsockname()), c.getpeername() == path)
        c.sendall(b"message %d\n" % i)
        data, addr = c.recvfrom(100)
        print(data, addr == path)
t.join()
print(replies)
srv.close()
os.unlink(path)
os.rmdir(d)

a, b = socket.socketpair()
a.send(b"y")
print(b.recvfrom(10), repr(a.getsockname()), repr(a.getpeername()))
a.close()
b.close()

ab = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
name = b"\0skein-conformance-%d" % os.getpid()
ab.bind(name)
print(ab.getsockname() == name, type(ab.getsockname()).__name__)
tx = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
tx.sendto(b"to abstract", name)
print(ab.recvfrom(100))
tx.close()
ab.close()
try:
    socket.socket(socket.AF_UNIX).connect(os.path.join(tempfile.gettempdir(), "no-such-skein-socket"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
