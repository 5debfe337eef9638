# asyncio over sockets: start_server/open_connection streams and the
# loop's sock_* methods, all on 127.0.0.1 with port 0.
import asyncio
import socket


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    lines = 0
    while True:
        line = await reader.readline()
        if not line:
            break
        lines += 1
        writer.write(line.upper())
        await writer.drain()
    writer.write(b"bye %d\n" % lines)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for j in range(3):
        writer.write(b"hello %d.%d\n" % (i, j))
    await writer.drain()
    got = [await reader.readline() for _ in range(3)]
    writer.write_eof()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    return got, rest


async def streams():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(server.is_serving(), len(server.sockets), port > 0)
    async with server:
        results = await asyncio.gather(*(client(port, i) for i in range(4)))
    for got, rest in results:
        print(got, rest)
    print(server.is_serving())


async def sock_methods():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)

    async def later():
        await asyncio.sleep(0)
        await loop.sock_sendall(a, b"x" * 100000)
        a.close()

    task = asyncio.create_task(later())
    total = 0
    while True:
        data = await loop.sock_recv(b, 65536)
        if not data:
            break
        total += len(data)
    await task
    print("received", total)
    buf = bytearray(4)
    c, d = socket.socketpair()
    c.setblocking(False)
    d.setblocking(False)
    loop.call_soon(d.send, b"abcdef")
    print(await loop.sock_recv_into(c, buf), buf)

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    cl = socket.socket()
    cl.setblocking(False)
    accepted, _ = await asyncio.gather(loop.sock_accept(srv), loop.sock_connect(cl, srv.getsockname()))
    conn, addr = accepted
    print(conn.getblocking(), addr[0], conn.getpeername() == cl.getsockname())
    await loop.sock_sendall(cl, b"ping")
    print(await loop.sock_recv(conn, 10))
    for s in (b, c, d, srv, cl, conn):
        s.close()

    # Connection refused, through the loop.
    gone = socket.socket()
    gone.bind(("127.0.0.1", 0))
    port = gone.getsockname()[1]
    gone.close()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno)


asyncio.run(streams())
asyncio.run(sock_methods())
