# UDP datagrams over 127.0.0.1: sendto/recvfrom, connect + send/recv.
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
port = rx.getsockname()[1]
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(rx.type, tx.type, rx.family)
for i in range(5):
    tx.sendto(b"datagram %d" % i, ("127.0.0.1", port))
txport = tx.getsockname()[1]
for i in range(5):
    data, addr = rx.recvfrom(100)
    print(data, addr == ("127.0.0.1", txport))
# A datagram is cut to the buffer size.
tx.sendto(b"0123456789", ("127.0.0.1", port))
print(rx.recv(4))
tx.connect(("127.0.0.1", port))
print(tx.getpeername() == ("127.0.0.1", port))
tx.send(b"connected")
buf = bytearray(20)
n, addr = rx.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr[0])
rx.settimeout(0.05)
try:
    rx.recvfrom(10)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__)
tx.close()
rx.close()

# IPv6 loopback when the host has it.
try:
    s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s6.bind(("::1", 0))
except OSError:
    print("no ipv6")
else:
    host, port6, flow, scope = s6.getsockname()
    c6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    c6.sendto(b"six", ("::1", port6))
    data, addr = s6.recvfrom(10)
    print(data, host, len(addr))
    c6.close()
    s6.close()
