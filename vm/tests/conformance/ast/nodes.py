# Node classes: hierarchy, _fields, _attributes, constructors, defaults.
import ast

for name in ["Module", "Expression", "FunctionDef", "Name", "Constant", "Load", "Add",
             "arguments", "arg", "keyword", "alias", "comprehension", "ExceptHandler",
             "withitem", "match_case", "MatchAs", "TypeIgnore", "ImportFrom", "AnnAssign"]:
    cls = getattr(ast, name)
    print(name, [c.__name__ for c in cls.__mro__], cls._fields, cls._attributes, cls.__module__)

n = ast.Name("x", ast.Load())
print(n.id, type(n.ctx).__name__, ast.dump(n))
print(ast.dump(ast.Name(id="y")))
print(ast.ImportFrom().module, ast.ImportFrom.level, ast.Constant(1).kind, ast.Name().end_lineno)
print(hasattr(ast.Module(), "body"), hasattr(ast.Name("x"), "lineno"))
for args, kwargs in [((1, 2, 3), {}), ((1,), {"id": 2}), ((1,), {}), ((), {})]:
    try:
        ast.Name(*args, **kwargs)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
try:
    ast.Pass(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Return(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(ast.Name(foo=3).foo)
print(ast.expr.__doc__.splitlines()[0])
print(ast.Name.__doc__)
print(ast.Load.__doc__)
print(isinstance(ast.Constant(3), ast.Num), isinstance(ast.Constant("s"), ast.Num),
      isinstance(ast.Constant(True), ast.Num), isinstance(ast.Constant("s"), ast.Str))
print(type(ast.Num(3)).__name__, ast.Num(3).n, ast.Str("s").s)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
t = ast.parse("a; b")
print(t.body[0].value.ctx is t.body[1].value.ctx)
print(ast.parse("a").body[0].value.ctx is ast.parse("b").body[0].value.ctx, ast.Load() is ast.Load())
print(ast.Name.__match_args__, ast.expr.__match_args__, ast.AST.__match_args__)
for node in ast.walk(ast.parse("x = f(1, y)")):
    match node:
        case ast.Name(name, ast.Load()):
            print("load", name)
        case ast.Name(name, ast.Store()):
            print("store", name)
        case ast.Constant(value=v):
            print("const", v)


class MyNode(ast.AST):
    _fields = ("a", "b")


m = MyNode(1, b=[ast.Name("z")])
print(ast.dump(m), [type(c).__name__ for c in ast.iter_child_nodes(m)])
import _ast
print(_ast.AST is ast.AST, _ast.Name is ast.Name, _ast.PyCF_ONLY_AST)
