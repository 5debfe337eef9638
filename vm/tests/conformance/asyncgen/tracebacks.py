# Tracebacks and exception state through async generators.
import asyncio
import sys
import traceback


async def inner():
    yield 1
    raise ValueError("boom")


async def outer():
    async for v in inner():
        yield v


async def ctx():
    try:
        raise TypeError("t")
    except TypeError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


async def main():
    try:
        async for v in outer():
            print("value", v)
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    print([x async for x in ctx()])
    try:
        raise OSError("outside")
    except OSError:
        print([x async for x in ctx()])
        print("still handling", sys.exc_info()[0].__name__)
    g = outer()
    await g.__anext__()
    print("ag_frame line", g.ag_frame.f_lineno, g.ag_frame.f_code.co_name)
    try:
        await g.athrow(KeyError("x"))
    except KeyError as e:
        print("KeyError", e)
        traceback.print_exc(file=sys.stdout)

    async def chained():
        try:
            yield 1
        except KeyError as e:
            raise RuntimeError("converted") from e

    c = chained()
    await anext(c)
    try:
        await c.athrow(KeyError, KeyError("k"))
    except RuntimeError as e:
        print("RuntimeError", e, "from", repr(e.__cause__))


asyncio.run(main())
