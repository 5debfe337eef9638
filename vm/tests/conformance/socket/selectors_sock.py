# A single-threaded server over selectors and select.select with sockets.
import select
import selectors
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
srv.setblocking(False)
port = srv.getsockname()[1]
sel = selectors.DefaultSelector()
sel.register(srv, selectors.EVENT_READ, "listener")
N = 4
done = []


def client(i):
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(b"ping %d" % i)
        c.shutdown(socket.SHUT_WR)
        reply = b""
        while True:
            d = c.recv(100)
            if not d:
                break
            reply += d
        done.append(reply)


threads = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
closed = 0
while closed < N:
    for key, events in sel.select(timeout=5):
        if key.data == "listener":
            conn, _ = srv.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, b"")
        else:
            conn = key.fileobj
            data = conn.recv(100)
            if data:
                sel.modify(conn, selectors.EVENT_READ, key.data + data)
            else:
                conn.setblocking(True)
                conn.sendall(b"pong " + key.data.split()[1])
                sel.unregister(conn)
                conn.close()
                closed += 1
for t in threads:
    t.join()
print(sorted(done))
print(len(sel.get_map()))
sel.close()
srv.close()

# select.select on a socketpair.
a, b = socket.socketpair()
r, w, x = select.select([a, b], [a], [], 0)
print(r, w == [a], x)
b.send(b"!")
r, w, x = select.select([a, b], [], [], 1)
print(r == [a], a.recv(1))
p = select.poll()
p.register(a, select.POLLIN)
print(p.poll(0))
a.close()
b.close()
