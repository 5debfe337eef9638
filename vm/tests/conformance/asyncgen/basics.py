# Async generators (PEP 525): the type, its attributes, `async for` and
# async comprehensions over it.
import asyncio
import collections.abc
import inspect
import types


async def count(n):
    for i in range(n):
        yield i


class Box:
    async def items(self):
        yield "a"
        yield "b"


def show(name, *v):
    print(name, *v)


ag = count(3)
show("type", type(ag).__name__)
show("module", type(ag).__module__)
show("is AsyncGeneratorType", type(ag) is types.AsyncGeneratorType)
show("co_flags & 0x200", bool(count.__code__.co_flags & 0x200))
show("co_flags & 0x80", bool(count.__code__.co_flags & 0x80))
show("isasyncgenfunction", inspect.isasyncgenfunction(count), inspect.isasyncgenfunction(len))
show("isasyncgen", inspect.isasyncgen(ag), inspect.isasyncgen(iter([])))
show("iscoroutinefunction", inspect.iscoroutinefunction(count))
show("AsyncGenerator", isinstance(ag, collections.abc.AsyncGenerator))
show("AsyncIterator", isinstance(ag, collections.abc.AsyncIterator))
show("AsyncIterable", isinstance(ag, collections.abc.AsyncIterable))
show("Iterator", isinstance(ag, collections.abc.Iterator))
show("name", ag.__name__, ag.__qualname__)
show("method qualname", Box().items().__qualname__)
show("repr", repr(ag).startswith("<async_generator object count at 0x"))
show("ag_code", ag.ag_code is count.__code__)
show("ag_running", ag.ag_running)
show("ag_await", ag.ag_await)
show("ag_frame", type(ag.ag_frame).__name__, ag.ag_frame.f_code.co_name)
show("aiter is self", ag.__aiter__() is ag, aiter(ag) is ag)
show("awaitables", type(ag.__anext__()).__name__, type(ag.asend(None)).__name__,
     type(ag.athrow(ValueError)).__name__, type(ag.aclose()).__name__)
show("public", sorted(n for n in dir(ag) if not n.startswith("_")))
show("dunder", [n for n in ("__aiter__", "__anext__", "__iter__", "__next__", "__await__") if hasattr(ag, n)])
for t in (types.AsyncGeneratorType, type(ag.__anext__()), type(ag.aclose())):
    try:
        t()
    except TypeError as e:
        print("new:", e)
ag.ag_frame.f_locals  # a suspended frame's locals are readable
try:
    ag.ag_running = True
except AttributeError as e:
    print("AttributeError", e)
try:
    iter(ag)
except TypeError as e:
    print("TypeError", e)


async def main():
    print("async for:", end="")
    async for x in count(4):
        print("", x, end="")
    print()
    print("listcomp:", [x * 2 async for x in count(4)])
    print("setcomp:", sorted({x % 2 async for x in count(5)}))
    print("dictcomp:", {x: str(x) async for x in count(3)})
    print("filter:", [x async for x in count(10) if x % 3 == 0])
    print("nested:", [(x, y) async for x in count(2) for y in "ab"])
    print("nested async:", [(x, y) async for x in count(2) async for y in count(2)])
    genexp = (x + 100 async for x in count(3))
    print("genexp type:", type(genexp).__name__, inspect.isasyncgen(genexp))
    print("genexp:", [y async for y in genexp])
    awaiting = (await asyncio.sleep(0, x) for x in range(3))
    print("await genexp:", type(awaiting).__name__, [y async for y in awaiting])
    async for item in Box().items():
        print("method item", item)
    g = count(2)
    async for x in g:
        print("first", x)
        break
    async for x in g:
        print("resumed", x)
    async for x in g:
        print("never", x)
    print("exhausted ag_frame", g.ag_frame)
    # `yield` inside `async for` and `async with` in an async generator
    async def inner():
        async for v in count(3):
            yield v * 10

    async def outer():
        async for v in inner():
            yield v + 1
        yield "end"

    print("nested agens:", [v async for v in outer()])
    # A value sent with asend is the value of the `yield` expression.
    async def echo():
        received = []
        while True:
            v = yield len(received)
            if v is None:
                break
            received.append(v)
        print("echo received", received)

    e = echo()
    print("asend:", await e.__anext__(), await e.asend("x"), await e.asend("y"))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print("echo done")
    print("anext default:", await anext(count(0), "empty"), await anext(count(1), "empty"))
    try:
        await anext(count(0))
    except StopAsyncIteration:
        print("anext without default: StopAsyncIteration")


asyncio.run(main())
