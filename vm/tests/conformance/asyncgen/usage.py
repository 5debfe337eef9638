# Async generators in ordinary use: __aiter__ as an async generator, weak
# references, the AsyncGenerator ABC, athrow with a traceback, aclose while a
# task runs the generator, async with inside, early return.
import asyncio, sys, gc, weakref, collections.abc, inspect
class Counter:
    def __init__(self, n): self.n = n
    async def __aiter__(self):
        for i in range(self.n):
            yield i
async def main():
    print([x async for x in Counter(3)])
    g = Counter(2).__aiter__()
    r = weakref.ref(g)
    print(r() is g)
    del g
    gc.collect()
    print(r())
    # await inside an async comprehension inside an async generator
    async def agen():
        yield [await asyncio.sleep(0, i) async for i in Counter(2)]
        yield {i: await asyncio.sleep(0, i) for i in range(2)}
    print([x async for x in agen()])
    # athrow with a traceback
    async def catch():
        try:
            yield 1
        except ZeroDivisionError as e:
            yield e.__traceback__ is not None
    try:
        1/0
    except ZeroDivisionError as e:
        err = e
    c = catch()
    await anext(c)
    print(await c.athrow(ZeroDivisionError, err, err.__traceback__))
    # asend before start
    c = catch()
    try:
        await c.asend(1)
    except TypeError as e:
        print(e)
    print(inspect.getgeneratorstate.__name__)
    print(issubclass(type(c), collections.abc.AsyncGenerator))
    class MyAG(collections.abc.AsyncGenerator):
        async def asend(self, v):
            raise StopAsyncIteration
        async def athrow(self, *a):
            raise StopAsyncIteration
    m = MyAG()
    print([x async for x in m])
    print(await m.aclose())
    # aclose on a generator suspended in await (running) inside a task
    async def slow():
        await asyncio.sleep(0)
        yield 1
    s = slow()
    t = asyncio.ensure_future(anext(s))
    await asyncio.sleep(0)
    try:
        await s.aclose()
    except RuntimeError as e:
        print(e)
    print(await t)
    # StopAsyncIteration value / aclose returns None
    print(await s.aclose())
    # yield inside async with inside async generator
    class ACM:
        async def __aenter__(self): print("enter"); return self
        async def __aexit__(self, *a): print("exit", a[0]); return False
    async def withgen():
        async with ACM():
            yield "in"
    print([x async for x in withgen()])
    w = withgen()
    await anext(w)
    await w.aclose()
    # return in async gen without value is fine
    async def early(n):
        for i in range(n):
            if i == 2:
                return
            yield i
    print([x async for x in early(5)])
    # lambda producing async genexp
    f = lambda it: (x async for x in it)
    print([x async for x in f(Counter(2))])
asyncio.run(main())
