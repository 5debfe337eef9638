# A threaded TCP echo server on 127.0.0.1 (port 0) and several client
# threads, each sending numbered lines; totals are exact.
import socket
import threading

N_CLIENTS = 6
N_MSGS = 20

srv = socket.create_server(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, port > 0, srv.family, srv.type, srv.proto)
print(repr(srv).startswith("<socket.socket fd="), "laddr=('127.0.0.1'" in repr(srv))

handled = []
handled_lock = threading.Lock()


def handle(conn):
    with conn:
        total = 0
        while True:
            data = conn.recv(4096)
            if not data:
                break
            total += len(data)
            conn.sendall(data)
        with handled_lock:
            handled.append(total)


def serve():
    workers = []
    for _ in range(N_CLIENTS):
        conn, addr = srv.accept()
        assert addr[0] == "127.0.0.1"
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()


results = {}


def client(i):
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        got = b""
        for j in range(N_MSGS):
            msg = ("client %d message %d\n" % (i, j)).encode()
            c.sendall(msg)
            want = len(got) + len(msg)
            while len(got) < want:
                chunk = c.recv(4096)
                if not chunk:
                    break
                got += chunk
        c.shutdown(socket.SHUT_WR)
        rest = c.recv(100)
        results[i] = (got.count(b"\n"), len(got), rest)


server = threading.Thread(target=serve)
server.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(N_CLIENTS)]
for t in clients:
    t.start()
for t in clients:
    t.join()
server.join()
srv.close()
for i in sorted(results):
    print(i, results[i])
print("bytes echoed", sum(handled), sorted(handled) == sorted(r[1] for r in results.values()))
print(srv)
