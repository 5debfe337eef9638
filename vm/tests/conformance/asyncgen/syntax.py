# Compiling async generators: code flags, SyntaxErrors, async generator
# expressions.
import dis
import inspect


def flags(code):
    return sorted(name for name, bit in (("GENERATOR", 0x20), ("COROUTINE", 0x80),
                                          ("ASYNC_GENERATOR", 0x200), ("ITERABLE_COROUTINE", 0x100))
                  if code.co_flags & bit)


def find(code, name):
    for c in code.co_consts:
        if hasattr(c, "co_name"):
            if c.co_name == name:
                return c
            r = find(c, name)
            if r is not None:
                return r
    return None


src = '''
async def agen():
    yield 1

async def coro():
    return 1

async def coro_await(x):
    await x

def gen():
    yield 1

async def with_genexp(it):
    a = (x async for x in it)
    b = (await x for x in it)
    c = (x for x in it)
    d = [x async for x in it]
    e = [await x for x in it]
    return a, b, c, d, e

async def agen_bare_return():
    yield 1
    return

lam = lambda: (x async for x in y)
'''
mod = compile(src, "<src>", "exec")
for name in ("agen", "coro", "coro_await", "gen", "with_genexp", "agen_bare_return", "<lambda>"):
    print(name, flags(find(mod, name)))
wg = find(mod, "with_genexp")
for c in wg.co_consts:
    if hasattr(c, "co_name"):
        print(" ", c.co_name, flags(c))
print("dis mentions ASYNC_GEN_WRAP:", "ASYNC_GEN_WRAP" in dis.Bytecode(find(mod, "agen")).dis()
      or "async_gen_wrap" in dis.Bytecode(find(mod, "agen")).dis().lower())
print("CO_ASYNC_GENERATOR", inspect.CO_ASYNC_GENERATOR)
print(dis.COMPILER_FLAG_NAMES[0x200])

bad = [
    "async def f():\n    yield 1\n    return 2\n",
    "async def f():\n    return 2\n    yield 1\n",
    "async def f():\n    yield from [1]\n",
    "async def f():\n    x = yield from g()\n",
    "def f():\n    return [x async for x in y]\n",
    "def f():\n    return (await x for x in y)\n",
    "def f():\n    async for x in y: pass\n",
    "[x async for x in y]\n",
    "async def f():\n    return lambda: (yield)\n    yield 1\n",
    "async def f():\n    yield 1\n    return None\n",
    "def f():\n    yield from (x async for x in y)\n",
    "class C:\n    async def f(self):\n        yield 1\n        return self\n",
]
for s in bad:
    try:
        compile(s, "<bad>", "exec")
        print("ok", repr(s.splitlines()[-1].strip()))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)

# A generator expression with `async for` outside an async function is fine
# (it is only iterated with `async for`), and so is one awaiting inside.
ns = {}
exec("def make(it):\n    return (x * 2 async for x in it)\n", ns)
async def src():
    yield 1


g = ns["make"](src())
print(type(g).__name__)
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
try:
    ns["make"](None)
except TypeError as e:
    print("TypeError", e)
