# ast.parse + ast.dump over a wide sample of syntax, with locations.
import ast

SAMPLES = [
    "x = 1",
    "a, *b = c = d",
    "x: int = 5\n(y): str\nz.a: list",
    "x += 1; y //= 2; z @= m; w **= 3",
    "del a, b[0], c.d",
    "print(*args, sep='', **kw)",
    "f(x for x in y)\nf((x for x in y), 1)",
    "lambda: 0\nlambda a, /, b=1, *c, d, e=2, **f: (a, b)",
    "def f(a, b: int = 1, *args: str, c, d=2, **kw) -> None:\n    '''doc'''\n    return a\n",
    "@dec\n@dec2(1)\nasync def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        yield\n",
    "class C(B, metaclass=M):\n    x = 1\n    def m(self): return self.x\n",
    "if a:\n    pass\nelif b:\n    x\nelif c:\n    y\nelse:\n    z\n",
    "for i in range(3):\n    continue\nelse:\n    break\nwhile x:\n    pass\nelse:\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept (A, B):\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "with open(f) as g, h:\n    pass\n",
    "import a.b as c, d\nfrom .. import x\nfrom m import (y as z, w)\nfrom . import *",
    "global a, b\nnonlocal_ = 1",
    "assert x, 'msg'",
    "a if b else c\nnot a and b or c\na < b <= c != d is not e not in f",
    "~a + -b * +c / d // e % f ** g << h >> i & j | k ^ l @ m",
    "[1, 2]\n(1,)\n()\n{1, 2}\n{}\n{'a': 1, **d}",
    "[x for x in y if x if z]\n{x for x, y in z}\n{k: v for k, v in d.items()}",
    "x[1:2, ::3]\nx[a:b]\nx[...]\nx[1,]",
    "(y := 10)",
    "'a' 'b'\nb'x' b'y'\nu'uni'\n1j\n1.5e3\n0x_ff\n10**100\nTrue, False, None, ...",
    "f'{a!r:>{w}} and {b=}' 'tail'",
    "x = 'héllo' + 'wörld'  # utf-8 columns",
    "match p:\n    case [1, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=_) | None:\n        pass\n    case (a as b) if b > 0:\n        pass\n    case -1 | 1+2j | True:\n        pass\n",
    "def gen():\n    x = yield 1\n    yield from x\n",
    "a.b.c(d)[e].f",
    "@property\ndef p(self): pass",
]

for src in SAMPLES:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse("x + 1", mode="eval"), indent=2))
print(ast.dump(ast.parse("x = 1", mode="single"), indent="..."))
print(ast.dump(ast.parse("f(a, b=2)"), annotate_fields=False))
print(ast.dump(ast.parse("from . import x"), annotate_fields=False))
t = ast.parse("(int, str) -> List[int]", mode="func_type")
print(type(t).__name__, [type(a).__name__ for a in t.argtypes], type(t.returns).__name__)
print(ast.dump(compile("x = 2", "<s>", "exec", ast.PyCF_ONLY_AST)))
