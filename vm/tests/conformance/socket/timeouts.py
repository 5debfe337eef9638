# Timeouts and non-blocking mode, on sockets nobody writes to.
import socket

a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking())
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, e.errno, isinstance(e, OSError))
try:
    a.recv(10)
except TimeoutError as e:
    print("again", e)
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
a.settimeout(0)
print(a.gettimeout(), a.getblocking())
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
for bad in (-1, "x", float("nan")):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a.close()
b.close()

# An accept that times out.
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)
srv.settimeout(0.0)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept non-blocking:", type(e).__name__)
srv.close()

# The default timeout applies to new sockets.
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(0.05)
c, d = socket.socketpair()
e = socket.socket()
print(socket.getdefaulttimeout(), c.gettimeout(), e.gettimeout())
try:
    c.recv(1)
except TimeoutError as ex:
    print("default:", ex)
socket.setdefaulttimeout(None)
f = socket.socket()
print(socket.getdefaulttimeout(), f.gettimeout())
for s in (c, d, e, f):
    s.close()
try:
    socket.setdefaulttimeout(-2)
except ValueError as ex:
    print(ex)
