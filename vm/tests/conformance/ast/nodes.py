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
