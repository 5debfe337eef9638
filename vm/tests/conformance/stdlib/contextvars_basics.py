import contextvars as c, threading, re
def A(s): return re.sub(r" at 0x[0-9a-f]+", "", str(s))
v = c.ContextVar('v'); w = c.ContextVar('w', default=3)
print(c.ContextVar.__module__, c.Context.__module__, c.Token.__module__, c.Token.MISSING, w.name, A(repr(w)), A(repr(v)))
try: v.get()
except LookupError as e: print(A(repr(e.args[0])), type(e.args[0]).__name__)
print(v.get("d"), w.get(), w.get(7))
ctx = c.copy_context(); print(len(ctx), list(ctx))
t = v.set(1); print(t.var is v, t.old_value, A(t), v.get())
try: c.Context()[1]
except TypeError as e: print(e)
try: c.Context()[v]
except KeyError as e: print('KeyError', A(repr(e)))
v.reset(t)
try: v.reset(t)
except RuntimeError as e: print(A(e))
print(v.get(None))
ctx = c.copy_context()
try: ctx.run(ctx.run, print)
except RuntimeError as e: print(A(e))
print(c.Context() == c.Context())
for base in (c.ContextVar, c.Context, c.Token):
    try:
        class X(base): pass
    except TypeError as e: print(e)
try: c.ContextVar(1)
except TypeError as e: print(e)
try: c.Token()
except RuntimeError as e: print(e)
try: c.ContextVar()
except TypeError as e: print(e)
v.set(5)
res = []
def th():
    res.append((v.get(None), len(c.copy_context())))
    v.set(99)
    res.append(v.get())
tt = threading.Thread(target=th); tt.start(); tt.join()
print(res, v.get())
print(c.ContextVar[int])
t = w.set(9); ctx = c.copy_context()
try: c.Context().run(w.reset, t)
except ValueError as e: print(A(e))
x = c.ContextVar('x')
try: x.reset(t)
except ValueError as e: print(A(e))
print(sorted((k.name, val) for k, val in ctx.items()), w in ctx, ctx.get(x, 'dflt'), ctx[w])
def inner(n):
    v.set(n)
    return v.get(), len(c.copy_context())
print(ctx.run(inner, 42), v.get(), ctx[v])
ctx2 = ctx.copy()
print(ctx2[v], ctx2 == ctx)
# thread pool style: run each task in a copy
out = []
lock = threading.Lock()
def task(i):
    v.set(i)
    for _ in range(100):
        assert v.get() == i
    with lock:
        out.append(v.get())
ths = [threading.Thread(target=c.copy_context().run, args=(task, i)) for i in range(8)]
for t_ in ths: t_.start()
for t_ in ths: t_.join()
print(sorted(out), v.get())
