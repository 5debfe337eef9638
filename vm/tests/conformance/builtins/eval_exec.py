# eval and exec with globals and locals.
print(eval("1 + 2 * 3"), eval("x + y", {"x": 1, "y": 2}), eval("abs(-3)"), eval("[i for i in range(3)]"))
ns = {}
exec("a = 5\ndef f(n):\n    return n * a\n", ns)
print(ns["a"], ns["f"](3), sorted(k for k in ns if k != "__builtins__"))
g = {"v": 10}
l = {"v": 20}
print(eval("v", g, l), eval("v", g))
exec("w = v + 1", g, l)
print(l["w"], "w" in g)
code = compile("result = 6 * 7", "<string>", "exec")
scope = {}
exec(code, scope)
print(scope["result"], eval(compile("2 ** 5", "<expr>", "eval")))
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("undefined_thing")
except NameError as e:
    print(e)
print(exec("None"), eval("  42  "), eval("'str'"), eval("(1, 2)"))
def f():
    x = 1
    exec("x = 2")
    return x
print(f())
