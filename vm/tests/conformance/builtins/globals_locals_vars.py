# globals(), locals(), vars() without arguments.
top = "module level"
print("top" in globals(), globals()["__name__"], globals() is vars(), locals() is globals())
def f(a, b=2):
    c = 3
    return sorted(locals()), sorted(vars())
print(f(1))
def g():
    x = 1
    loc = locals()
    x = 2
    return loc["x"], locals()["x"]
print(g())
class K:
    attr = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
print(sorted(k for k in globals() if k.startswith("__") and k != "__builtins__" and k != "__file__" and k != "__cached__"))
