# Name and address functions.
import socket

print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("localhost", 8080, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", None, socket.AF_INET6, proto=socket.IPPROTO_TCP))
print(socket.getaddrinfo(None, "25", socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("127.0.0.1", 53, socket.AF_INET, socket.SOCK_DGRAM)[0][4])
try:
    socket.getaddrinfo(1, 80)
except TypeError as e:
    print(e)
try:
    socket.getaddrinfo("127.0.0.1", 1.5)
except OSError as e:
    print(e)
try:
    socket.getaddrinfo("127.0.0.1", 80, flags=socket.AI_NUMERICHOST, family=socket.AF_INET6)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_ADDRFAMILY if hasattr(socket, "EAI_ADDRFAMILY") else True)
try:
    socket.getaddrinfo("not a host", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_NONAME, e.strerror)
print(socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"))
print(isinstance(socket.gethostname(), str) and len(socket.gethostname()) > 0)

print(socket.inet_aton("127.0.0.1"), socket.inet_aton("127.1"), socket.inet_aton("0x7f.1"))
print(socket.inet_ntoa(b"\x7f\x00\x00\x01"), socket.inet_ntoa(bytearray(b"\xff\xff\xff\xff")))
print(socket.inet_pton(socket.AF_INET, "10.1.2.3"), socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "fe80::1:2")))
print(socket.inet_ntop(socket.AF_INET, b"\x01\x02\x03\x04"))
for f, a in [(socket.inet_aton, ("1.2.3.256",)), (socket.inet_aton, (b"1.2.3.4",)),
             (socket.inet_pton, (socket.AF_INET, "1.2.3")),
             (socket.inet_pton, (99, "x")), (socket.inet_ntop, (socket.AF_INET, b"123")),
             (socket.inet_ntop, (99, b"1234")), (socket.inet_ntoa, (b"123",))]:
    try:
        f(*a)
    except (OSError, ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216), socket.ntohl(2**32 - 1))
for f, v in [(socket.htons, 70000), (socket.htons, -1), (socket.htonl, -1), (socket.htonl, 2**32),
             (socket.htons, "a")]:
    try:
        f(v)
    except (OverflowError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)

print(socket.AF_INET, repr(socket.AF_INET), socket.SOCK_DGRAM.name, int(socket.AF_INET6))
print(socket.AddressFamily(1), socket.SocketKind.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.has_ipv6, socket.SocketType, socket.socket.__mro__[1])
