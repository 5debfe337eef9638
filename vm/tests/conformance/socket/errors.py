# Errors as CPython reports them.
import errno
import socket

# Connection refused: a port that was just closed.
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, e.errno == errno.ECONNREFUSED)
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print("create_connection:", type(e).__name__, e)

s = socket.socket()
for addr in ["x", ("a",), ("127.0.0.1", "80"), ("127.0.0.1", 70000), ("127.0.0.1", -1),
             (1, 2), ("127.0.0.1", 1.5), None, ("127.0.0.1", 80, 3), b"x"]:
    for meth in (s.connect, s.bind):
        try:
            meth(addr)
        except (TypeError, OverflowError) as e:
            print(meth.__name__, repr(addr), type(e).__name__, e)
s6 = socket.socket(socket.AF_INET6)
for addr in ["x", ("::1",), ("::1", 80, 1, 2, 3), ("::1", 80, -1)]:
    try:
        s6.bind(addr)
    except (TypeError, OverflowError) as e:
        print("AF_INET6", repr(addr), type(e).__name__, e)
s6.close()
u = socket.socket(socket.AF_UNIX)
for addr in [1, ("x",), "a" * 200]:
    try:
        u.bind(addr)
    except (TypeError, OSError) as e:
        print("AF_UNIX", repr(addr)[:10], type(e).__name__, e)
print(repr(u.getsockname()))
u.close()

# A closed socket.
s.close()
print(s.fileno())
for name, args in [("recv", (1,)), ("send", (b"x",)), ("bind", (("127.0.0.1", 0),)),
                   ("getsockname", ()), ("listen", ())]:
    try:
        getattr(s, name)(*args)
    except OSError as e:
        print(name, type(e).__name__, e)
s.close()

s = socket.socket()
try:
    s.recv(-1)
except ValueError as e:
    print(e)
try:
    s.send("text")
except TypeError as e:
    print(e)
try:
    s.getpeername()
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR, 2000)
except OSError as e:
    print(e)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE), s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0,
      s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0,
      s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY),
      s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) > 0)
try:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "a")
except TypeError as e:
    print(e)
try:
    s.shutdown(5)
except OSError as e:
    print(type(e).__name__, e)
s.close()
try:
    socket.socket(99)
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.socket(fileno=-5)
except ValueError as e:
    print(e)
print(socket.error is OSError, socket.timeout is TimeoutError, issubclass(socket.gaierror, OSError),
      socket.herror.__mro__[1] is OSError, socket.gaierror.__module__)
