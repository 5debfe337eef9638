//! Sockets shared by threads (`vm/src/modules/socket.rs`): a socket closed
//! while other threads are blocked on it, and many threads sending and
//! receiving through one socket object. Run free-threaded and with `--gil`
//! through `common::check_both_modes`.
//!
//! The first script's expectation is Skein's documented behaviour, not
//! CPython's: on Linux CPython leaves a thread blocked in `accept()` or
//! `recv()` blocked when another thread closes the socket; Skein wakes it
//! within one poll slice with `OSError(EBADF)`, and closes the descriptor
//! only once that thread has let go of it (so the number is not reused
//! under it). Every other line is what CPython prints.
#![cfg(not(loom))]

mod common;
use common::check_both_modes;

/// Threads blocked in accept and recv see a close from another thread as EBADF; the closed descriptor is not reused while they hold it.
#[test]
fn close_wakes_blocked_threads() {
    check_both_modes(
        "socket_close_wakes",
        r#"
import socket
import threading
import time

results = []
lock = threading.Lock()

def blocked(fn, tag):
    try:
        fn()
        r = (tag, "returned")
    except OSError as e:
        r = (tag, type(e).__name__, e.errno)
    with lock:
        results.append(r)

for round_ in range(5):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    a, b = socket.socketpair()
    ts = [threading.Thread(target=blocked, args=(srv.accept, "accept")) for _ in range(3)]
    ts += [threading.Thread(target=blocked, args=(lambda: a.recv(10), "recv")) for _ in range(3)]
    for t in ts:
        t.start()
    # Blocked or not yet started: either way the close must end them.
    time.sleep(0.01)
    srv.close()
    a.close()
    fresh = socket.socket()
    for t in ts:
        t.join()
    fresh.close()
    b.close()
print(sorted(set(results)), len(results))
print(srv.fileno(), a.fileno())
"#,
        "[('accept', 'OSError', 9), ('recv', 'OSError', 9)] 30\n-1 -1\n",
    );
}

/// Eight threads send on one end of a pair while eight receive on the other; every byte arrives once.
#[test]
fn many_threads_one_socket() {
    check_both_modes(
        "socket_many_threads",
        r#"
import socket
import threading

a, b = socket.socketpair()
N, M, SIZE = 8, 200, 50
got = []
lock = threading.Lock()
total = N * M * SIZE

def sender(i):
    payload = bytes([65 + i]) * SIZE
    for _ in range(M):
        a.sendall(payload)

received = [0]
def receiver():
    mine = []
    while True:
        with lock:
            if received[0] >= total:
                break
        try:
            data = b.recv(4096)
        except OSError:
            break
        with lock:
            received[0] += len(data)
            mine.append(data)
            if received[0] >= total:
                b.shutdown(socket.SHUT_RDWR)
    with lock:
        got.extend(mine)

rs = [threading.Thread(target=receiver) for _ in range(N)]
ss = [threading.Thread(target=sender, args=(i,)) for i in range(N)]
for t in rs + ss:
    t.start()
for t in ss + rs:
    t.join()
data = b"".join(got)
print(len(data), sorted((chr(c), data.count(bytes([c]))) for c in set(data)))
a.close()
b.close()
"#,
        "80000 [('A', 10000), ('B', 10000), ('C', 10000), ('D', 10000), ('E', 10000), ('F', 10000), ('G', 10000), ('H', 10000)]\n",
    );
}
