# __getattr__ is only called for missing attributes; __getattribute__ for all.
class Fallback:
    real = "real"
    def __getattr__(self, name):
        if name.startswith("x"):
            return f"synthesized {name}"
        raise AttributeError(f"no {name}")
f = Fallback()
print(f.real, f.xyz, getattr(f, "xa"), hasattr(f, "other"))
try:
    f.other
except AttributeError as e:
    print(e)
class Everything:
    def __init__(self):
        self.inner = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
e = Everything()
print(e.inner, e.secret)
class Both:
    def __getattribute__(self, name):
        print("getattribute", name)
        raise AttributeError(name)
    def __getattr__(self, name):
        return f"getattr {name}"
print(Both().anything)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
