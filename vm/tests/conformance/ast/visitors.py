# walk, iter_fields, iter_child_nodes, NodeVisitor, NodeTransformer and
# the location helpers.
import ast

src = "def f(a):\n    return a + 1\n\nx = f(2) * 3\nprint(x)\n"
tree = ast.parse(src)
print([type(n).__name__ for n in ast.walk(tree)])
print([(k, type(v).__name__) for k, v in ast.iter_fields(tree.body[0])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[1])])


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__))
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(v.names)


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

    def visit_Expr(self, node):
        self.generic_visit(node)
        # one statement becomes two
        return [node, ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("after")], []))]


new = ast.fix_missing_locations(Doubler().visit(tree))
print(ast.unparse(new))
ns = {}
exec(compile(new, "<transformed>", "exec"), ns)
print(ns["x"])


class Remover(ast.NodeTransformer):
    def visit_Assign(self, node):
        return None


t2 = Remover().visit(ast.parse("a = 1\nb\nc = 2"))
print(ast.dump(t2))

t3 = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t3, 5)
print([(n.lineno, n.end_lineno) for n in ast.walk(t3) if hasattr(n, "lineno")])

n = ast.Name("q", ast.Load())
ast.copy_location(n, t3.body[0].value)
print(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)

m = ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))], [])
ast.fix_missing_locations(m)
print(ast.dump(m, include_attributes=True))

doc = ast.parse('"""\n    Module doc.\n\n      indented\n    """\nclass C:\n    "C doc"\ndef f(): pass\n')
print(repr(ast.get_docstring(doc)), repr(ast.get_docstring(doc, clean=False)))
print(repr(ast.get_docstring(doc.body[1])), ast.get_docstring(doc.body[2]))
try:
    ast.get_docstring(doc.body[1].body[0])
except TypeError as e:
    print("TypeError:", e)

s = "x = [1,\n     2]  # comment\nif x:\n    y = f(a,\n          b)\n"
t4 = ast.parse(s)
print(repr(ast.get_source_segment(s, t4.body[0].value)))
print(repr(ast.get_source_segment(s, t4.body[1].body[0].value, padded=True)))
print(repr(ast.get_source_segment(s, t4.body[1].body[0].value)))
print(ast.get_source_segment(s, ast.Name("x")))
u = "s = 'é' + 'ü'\n"
tu = ast.parse(u)
print(repr(ast.get_source_segment(u, tu.body[0].value.right)))
