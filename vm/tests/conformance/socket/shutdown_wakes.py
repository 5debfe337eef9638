# Threads blocked in accept and recv are woken by shutdown() from another
# thread; the object stays usable from both threads at once.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
ready = threading.Event()
outcome = []


def acceptor():
    ready.set()
    try:
        srv.accept()
        outcome.append("accepted")
    except OSError as e:
        outcome.append(("accept", type(e).__name__, e.errno))


t = threading.Thread(target=acceptor)
t.start()
ready.wait()
# Let the other thread reach accept(); harmless if it has not yet: the
# listening socket then fails at once in that thread.
srv.shutdown(socket.SHUT_RDWR)
t.join()
srv.close()
print(outcome)

# One thread receives while another sends on the same socket object.
a, b = socket.socketpair()
got = []


def receiver():
    total = b""
    while len(total) < 3000:
        total += a.recv(1000)
    got.append(len(total))
    a.sendall(b"thanks")


r = threading.Thread(target=receiver)
r.start()
for i in range(30):
    b.sendall(b"y" * 100)
print(b.recv(6))
r.join()
print(got)

# A receiver blocked on one end of a pair sees EOF when the peer shuts down.
c, d = socket.socketpair()
eof = []


def waiter():
    eof.append(c.recv(10))


w = threading.Thread(target=waiter)
w.start()
d.shutdown(socket.SHUT_WR)
w.join()
print(eof)
for s in (a, b, c, d):
    s.close()
