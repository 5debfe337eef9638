# Module attribute loads (`math.sin`) are cached per instruction; every
# change to the module must still be seen by the next load.
import math
import sys
import threading
import types


def call_sin(x):
    return math.sin(x)


def read_pi():
    return math.pi


def read_attr(m):
    return m.value


results = []
for i in range(6):
    results.append(call_sin(0.5))
    results.append(read_pi())
    if i == 2:
        # Rebinding after the site has been cached.
        original_sin, original_pi = math.sin, math.pi
        math.sin = lambda x: "patched"
        math.pi = 3
print(results)
math.sin, math.pi = original_sin, original_pi
print(call_sin(0.0), read_pi())

# Deleting after caching: AttributeError with CPython's message.
m = types.ModuleType("dyn")
m.value = 10
print([read_attr(m) for _ in range(3)])
del m.value
try:
    read_attr(m)
except AttributeError as e:
    print("AttributeError:", e)

# A module-level __getattr__ (PEP 562) answers once the name is gone.
m.__getattr__ = lambda name: "from __getattr__ " + name
print(read_attr(m))
m.value = 11
print(read_attr(m), read_attr(m))

# One site, several modules.
mods = [types.ModuleType("m%d" % i) for i in range(6)]
for i, mm in enumerate(mods):
    mm.value = i * 100
print([read_attr(mm) for mm in mods * 2])
mods[3].value = "three"
print([read_attr(mm) for mm in mods])

# Values that need counting (a fresh list each time).
m.value = [1, 2]
a = read_attr(m)
m.value = [3]
print(a, read_attr(m), read_attr(m))

# The same module object in sys.modules, rebound from another thread.
mod = types.ModuleType("shared")
mod.value = 0
sys.modules["shared"] = mod
seen = []
stop = threading.Event()


def reader():
    last = -1
    while not stop.is_set():
        v = read_attr(mod)
        if v < last:
            seen.append(("went back", last, v))
        last = v
    seen.append(("final", read_attr(mod)))


t = threading.Thread(target=reader)
t.start()
for k in range(1, 2001):
    mod.value = k
stop.set()
t.join()
print(seen)


# Method-call form on a module: `mod.func(...)`.
def call_f(mm):
    return mm.f(2)


fm = types.ModuleType("fm")
fm.f = lambda x: x + 1
print([call_f(fm) for _ in range(3)])
fm.f = lambda x: x * 10
print([call_f(fm) for _ in range(3)])
