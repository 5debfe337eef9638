# types.FunctionType(code, globals, name=None, argdefs=None, closure=None):
# CPython 3.11's checks and messages, and what the new function carries.
import types


def mk():
    x = 1

    def g():
        return x
    return g


g = mk()


def f(a, b=2):
    "doc of f"
    return a + b


def show(fn):
    print(fn.__name__, fn.__qualname__, fn.__defaults__, fn.__module__, fn.__doc__,
          fn.__closure__ is None, fn.__kwdefaults__)


show(types.FunctionType(f.__code__, {}))
show(types.FunctionType(f.__code__, {"__name__": "mod"}, "n", (5,)))
h = types.FunctionType(f.__code__, globals(), "h", (10,))
print(h(1), h(1, 1))
k = types.FunctionType(g.__code__, {}, None, None, g.__closure__)
print(k(), k.__closure__ == g.__closure__)
show(types.FunctionType(f.__code__, globals(), name="kw", argdefs=(1,), closure=None))
print(types.FunctionType(f.__code__, {}, None, None, ()).__closure__)
# The globals are the function's: names resolve there.
src = compile("def q():\n    return zz\n", "<q>", "exec")
ns = {}
exec(src, ns)
q2 = types.FunctionType(ns["q"].__code__, {"zz": 42})
print(q2())
try:
    ns["q"]()
except NameError as e:
    print(e)

tests = [
    lambda: types.FunctionType(),
    lambda: types.FunctionType(f.__code__),
    lambda: types.FunctionType(1, {}),
    lambda: types.FunctionType(f.__code__, 1),
    lambda: types.FunctionType(f.__code__, None),
    lambda: types.FunctionType(f.__code__, {}, 1),
    lambda: types.FunctionType(f.__code__, {}, None, 1),
    lambda: types.FunctionType(f.__code__, {}, None, [1]),
    lambda: types.FunctionType(f.__code__, {}, None, None, 1),
    lambda: types.FunctionType(f.__code__, {}, None, None, (1,)),
    lambda: types.FunctionType(g.__code__, {}),
    lambda: types.FunctionType(g.__code__, {}, None, None, ()),
    lambda: types.FunctionType(g.__code__, {}, None, None, (1,)),
    lambda: types.FunctionType(g.__code__, {}, None, None, (1, 2)),
    lambda: types.FunctionType(g.__code__, {}, None, None, [1]),
    lambda: types.FunctionType(f.__code__, {}, "n", (5,), None, 7),
    lambda: types.FunctionType(f.__code__, {}, foo=1),
    lambda: types.FunctionType(f.__code__, globals=[]),
    lambda: types.FunctionType(f.__code__, types.MappingProxyType({})),
    lambda: types.FunctionType(code=f.__code__, globals={}).__name__,
]
for t in tests:
    try:
        r = t()
        print("ok", r if isinstance(r, str) else r.__name__)
    except Exception as e:
        print(type(e).__name__, e)
