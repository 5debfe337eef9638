# ast.unparse output (3.11) and round trips.
import ast

SAMPLES = [
    "x = 1 + 2 * 3",
    "(a + b) * c",
    "a ** -b ** c",
    "-(a ** b)",
    "(-a) ** b",
    "not (a and b) or c",
    "a and (b or c) and d",
    "x = yield",
    "lambda x, *y, z=1, **w: (x, y)",
    "f(*a, b=1, **c)",
    "x = a if b else (c if d else e)",
    "(a if b else c) if d else e",
    "print(f'{x!r:>10} {y=} {{lit}}', 'q')",
    "f'{a}' f\"{b}\\n\"",
    "x = 'it\\'s'",
    "x = \"both ' and \\\"\"",
    "s = '''\nmulti\n'''",
    "(1).real\n1 .real\n1.0.real",
    "x[1:2, 3]\nx[()]\nx[(1, 2)]\nx[a:b:c]",
    "{**a, 'b': 1}\n{*()}\nset()",
    "del a[0], b.c",
    "async def f():\n    async with a as b:\n        await c\n    async for x in y:\n        pass",
    "class C(A, metaclass=M):\n    '''Doc.'''\n    x: int = 1\n    def f(self, /, a, *, b):\n        return (yield from g())",
    "@d\ndef f() -> int:\n    global g\n    pass",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    if c:\n        pass",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* E:\n    pass",
    "with a as (b, c), d:\n    pass",
    "while x:\n    break\nelse:\n    continue",
    "from ..m import a as b, c\nimport os.path as p",
    "match x:\n    case [1, *r] | {'a': _, **kw}:\n        pass\n    case C(1, y=2) if y:\n        pass\n    case (1 as z) | None:\n        pass\n    case _:\n        pass",
    "x = (y := 5)\n[z := 1, 2]",
    "assert x, (1, 2)",
    "x = 1e400, -1e400, 1e400j",
    "for (a, b) in c: pass",
    "x = a, b = c",
    "print((yield))",
    "(await x).y",
    "a < (b < c)",
    "x = [i for i in range(3) if i if not i]",
    "x = {k: v for (k, v) in d}",
    "x = (i async for i in y)",
    "x = b'\\x00\\n' + u'u'",
    "def f():\n    '''Doc with \"quotes\"'''\n    return",
]

for src in SAMPLES:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    print(out)
    print("--")
    again = ast.unparse(ast.parse(out))
    if again != out:
        print("NOT STABLE:", again)
    if ast.dump(ast.parse(out)) != ast.dump(tree):
        print("DIFFERENT TREE")

print(ast.unparse(ast.BinOp(ast.Name("a"), ast.Mult(), ast.BinOp(ast.Name("b"), ast.Add(), ast.Name("c")))))
print(ast.unparse(ast.Constant(value=(1, 2))), ast.unparse(ast.Constant(value=(1,))))
print(ast.unparse(ast.parse("x", mode="eval")))
