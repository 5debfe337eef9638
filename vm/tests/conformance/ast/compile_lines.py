# compile() of a tree keeps the tree's line numbers: statements sharing a
# line, one-line bodies, multi-line expressions, decorators, docstrings.
import ast
import copy
import traceback

SRC = '''\
a = 1; b = 2; c = 3
class C: x = 1; y = 2


def f(n):
    """Doc."""
    values = [
        n,
        n * 2,
        1 / n,
    ]
    return values

@staticmethod

def g(): pass
result = (f(1),
          f(0))
'''

tree = ast.parse(SRC, "<lines>")
code = compile(tree, "<lines>", "exec")
print(code.co_firstlineno, [c.co_firstlineno for c in code.co_consts if hasattr(c, "co_firstlineno")])
try:
    exec(code, {})
except ZeroDivisionError:
    for line in traceback.format_exc().splitlines():
        if line.startswith('  File "<'):
            print(line.strip())
ns = {}
try:
    exec(code, ns)
except ZeroDivisionError:
    pass
print(ns["f"].__doc__, ns["C"].y, ns["a"] + ns["b"] + ns["c"])

# trees copy
t2 = copy.deepcopy(tree)
print(ast.dump(t2) == ast.dump(tree), t2 is not tree, t2.body[0] is not tree.body[0])
t3 = copy.copy(tree.body[0])
print(type(t3).__name__, t3.targets is tree.body[0].targets, t3.lineno)

# a tree moved down by increment_lineno reports the new lines
moved = ast.increment_lineno(ast.parse("x = 1\ny = 1 / 0\n"), 10)
try:
    exec(compile(moved, "<moved>", "exec"), {})
except ZeroDivisionError:
    print([l.strip() for l in traceback.format_exc().splitlines() if l.startswith('  File "<')])

# expression mode, interactive mode
print(eval(compile(ast.parse("\n\n(1 +\n 2)", mode="eval"), "<e>", "eval")))
exec(compile(ast.parse("print('single', 1 + 1)", mode="single"), "<i>", "single"))
