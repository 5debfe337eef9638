# compile() of parsed and built trees; errors compile() raises for bad trees.
import ast
import traceback

tree = ast.parse("a = 10\nb = a * 2\n\n\nc = b + 1\n")
ns = {}
exec(compile(tree, "<tree>", "exec"), ns)
print(ns["c"])

print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))

# line numbers survive: the error is reported at line 4
src = "x = 1\n\n\ny = x / 0\n"
try:
    exec(compile(ast.parse(src), "<lines>", "exec"))
except ZeroDivisionError:
    print(traceback.format_exc().splitlines()[-3].strip())

# a built tree
body = [ast.Assign([ast.Name("r", ast.Store())], ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))]
mod = ast.fix_missing_locations(ast.Module(body, []))
ns = {}
exec(compile(mod, "<built>", "exec"), ns)
print(ns["r"])

for t, mode in [(ast.Expression(ast.Constant(1)), "exec"), (ast.Module([], []), "eval"),
                (ast.Module([ast.Expr(ast.Name("x", ast.Load()))], []), "exec"),
                (ast.Module([ast.Expr()], []), "exec"),
                (ast.Module([ast.Expr(lineno=1, col_offset=0)], []), "exec"),
                (ast.Module([ast.Pass(lineno=1, col_offset=0)]), "exec"), (5, "exec")]:
    try:
        compile(t, "<bad>", mode)
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

t = ast.parse("x = 1")
print(compile(t, "<s>", "exec", ast.PyCF_ONLY_AST) is t)
print(type(compile("x", "<s>", "eval", ast.PyCF_ONLY_AST)).__name__)

# a function from a transformed tree
class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "old":
            node.id = "new"
        return node

fn = ast.parse("def g(new):\n    return old * 2\n")
Rename().visit(fn)
ns = {}
exec(compile(fn, "<fn>", "exec"), ns)
print(ns["g"](21), ns["g"].__code__.co_firstlineno)

for bad in ["x = (", "def f(:\n  pass", "a = 1 +", "x = )", "f(**a, *b)", "1 = 2", "\n\n  x = 1"]:
    try:
        ast.parse(bad, "<bad>")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename)
try:
    ast.parse("x = 1\ny = 2", mode="single")
except SyntaxError as e:
    print(e.msg)
try:
    ast.parse("x = 1", mode="bogus")
except ValueError as e:
    print(e)
e = ast.Expression(ast.Constant(1))
print(compile(e, "<s>", "exec", ast.PyCF_ONLY_AST) is e)
