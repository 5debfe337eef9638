# asyncio.create_subprocess_exec/shell with pipes: communicate, line-wise
# reading while the loop runs other tasks, stdin streaming, return codes.
import asyncio
import sys


async def main():
    proc = await asyncio.create_subprocess_exec(
        "cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"hello through cat\n" * 3)
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_shell(
        "printf 'one\\ntwo\\nthree\\n'; echo oops >&2; exit 3",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    lines = []
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0)
            ticks += 1

    t = asyncio.create_task(ticker())
    async for line in proc.stdout:
        lines.append(line)
    err = await proc.stderr.read()
    print(lines, err, await proc.wait(), ticks > 0)
    t.cancel()

    proc = await asyncio.create_subprocess_exec(
        "head", "-c", "10", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    proc.stdin.write(b"0123456789abcdef")
    await proc.stdin.drain()
    proc.stdin.close()
    print(await proc.stdout.readexactly(4), await proc.stdout.read(), await proc.wait())

    proc = await asyncio.create_subprocess_exec("sleep", "10")
    proc.kill()
    print(await proc.wait())

    r = asyncio.StreamReader()
    r.feed_data(b"abc\ndef")
    r.feed_eof()
    print(await r.readline(), await r.readuntil(b"e"))
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial)
    print(r.at_eof())

asyncio.run(main())
