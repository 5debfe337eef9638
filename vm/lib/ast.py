"""Abstract syntax trees of Python source (CPython 3.11's `ast` API).

`parse` runs `compile(..., PyCF_ONLY_AST)`: Skein's parser builds the
tree in Rust (`skein_compiler::pyast`) and `_from_tuples` below turns it
into the node classes of `_ast`. Compiling a tree writes it back as
source that keeps every statement on its `lineno` (`_source_for_compile`)
and compiles that text.

Not provided: type comments (`type_comments=True` parses, but every
`type_comment` is None and `type_ignores` is empty), `feature_version`
(the 3.11 grammar is always used), `ast.main()`.
"""

import sys
from _ast import *
from _ast import _classes, _BASES

_NO_DEFAULT = object()


def parse(source, filename='<unknown>', mode='exec', *, type_comments=False, feature_version=None):
    """Parse the source into an AST node (compile() with PyCF_ONLY_AST)."""
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if isinstance(feature_version, tuple):
        major, minor = feature_version
        assert major == 3
        feature_version = minor
    elif feature_version is None:
        feature_version = -1
    return compile(source, filename, mode, flags, _feature_version=feature_version)


# Context and operator nodes have no fields: every tree shares one of each,
# as CPython's do.
_singletons = {}


def _from_tuples(tree):
    """The nodes of the parser's tuple tree: `(name, fields, location)`."""
    singletons = _singletons

    def build(t):
        name, fields, loc = t
        cls = _classes[name]
        if not fields and loc is None:
            node = singletons.get(name)
            if node is None:
                node = singletons[name] = cls()
            return node
        node = cls.__new__(cls)
        d = node.__dict__
        for field, value in zip(cls._fields, fields):
            if type(value) is tuple:
                value = build(value)
            elif type(value) is list:
                value = [build(v) if type(v) is tuple else v for v in value]
            d[field] = value
        if loc is not None:
            d['lineno'], d['col_offset'], d['end_lineno'], d['end_col_offset'] = loc
        return node

    return build(tree)


def _parse_func_type(source, filename):
    """`(argtypes) -> returns` (compile mode 'func_type')."""
    depth = 0
    quote = None
    arrow = -1
    i = 0
    while i < len(source):
        c = source[i]
        if quote:
            if c == '\\':
                i += 1
            elif c == quote:
                quote = None
        elif c in '\'"':
            quote = c
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == '-' and depth == 0 and source.startswith('->', i):
            arrow = i
            break
        i += 1
    left = source[:arrow].strip() if arrow >= 0 else ''
    if arrow < 0 or not (left.startswith('(') and left.endswith(')')):
        raise SyntaxError('invalid syntax', (filename, 1, 1, source, 1, 1))
    args = parse('[' + left[1:-1] + ']', filename, 'eval').body.elts
    returns = parse(source[arrow + 2:].strip(), filename, 'eval').body
    return FunctionType(args, returns)


def literal_eval(node_or_string):
    """Evaluate an expression node or a string holding only a Python
    literal or container display: strings, bytes, numbers, tuples, lists,
    dicts, sets, booleans, None and Ellipsis."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(' \t'), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def malformed(node):
        msg = 'malformed node or string'
        line = getattr(node, 'lineno', None)
        if line:
            msg += ' on line %s' % line
        raise ValueError(msg + ': %r' % (node,))

    def number(node):
        if isinstance(node, Constant) and type(node.value) in (int, float, complex):
            return node.value
        malformed(node)

    def signed(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            value = number(node.operand)
            return +value if isinstance(node.op, UAdd) else -value
        return number(node)

    def convert(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple([convert(e) for e in node.elts])
        if isinstance(node, List):
            return [convert(e) for e in node.elts]
        if isinstance(node, Set):
            return set([convert(e) for e in node.elts])
        if (isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == 'set'
                and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                malformed(node)
            return dict(zip([convert(k) for k in node.keys], [convert(v) for v in node.values]))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = signed(node.left)
            right = number(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
        return signed(node)

    return convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """A formatted dump of the tree in `node` (CPython 3.11's format)."""
    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def fmt(value, level):
        # Returns (text, simple): simple values keep a short node on one line.
        if indent is None:
            prefix, sep = '', ', '
        else:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        if isinstance(value, AST):
            cls = type(value)
            parts = []
            simple = True
            named = annotate_fields
            for name in value._fields:
                if not hasattr(value, name):
                    named = True
                    continue
                v = getattr(value, name)
                if v is None and getattr(cls, name, _NO_DEFAULT) is None:
                    named = True
                    continue
                text, s = fmt(v, level)
                simple = simple and s
                parts.append('%s=%s' % (name, text) if named else text)
            if include_attributes and value._attributes:
                for name in value._attributes:
                    if not hasattr(value, name):
                        continue
                    v = getattr(value, name)
                    if v is None and getattr(cls, name, _NO_DEFAULT) is None:
                        continue
                    text, s = fmt(v, level)
                    simple = simple and s
                    parts.append('%s=%s' % (name, text))
            name = value.__class__.__name__
            if simple and len(parts) <= 3:
                return '%s(%s)' % (name, ', '.join(parts)), not parts
            return '%s(%s%s)' % (name, prefix, sep.join(parts)), False
        if isinstance(value, list):
            if not value:
                return '[]', True
            return '[%s%s]' % (prefix, sep.join(fmt(x, level)[0] for x in value)), False
        return repr(value), True

    return fmt(node, 0)[0]


def copy_location(new_node, old_node):
    """Copy the source location of `old_node` to `new_node`."""
    for attr in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (attr.startswith('end_') and hasattr(old_node, attr)):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    """Give every node without a location its parent's, recursively
    (the root's default is line 1, column 0)."""
    def fix(node, lineno, col, end_lineno, end_col):
        attrs = node._attributes
        if 'lineno' in attrs:
            if hasattr(node, 'lineno'):
                lineno = node.lineno
            else:
                node.lineno = lineno
        if 'end_lineno' in attrs:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in attrs:
            if hasattr(node, 'col_offset'):
                col = node.col_offset
            else:
                node.col_offset = col
        if 'end_col_offset' in attrs:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col
            else:
                end_col = node.end_col_offset
        for child in iter_child_nodes(node):
            fix(child, lineno, col, end_lineno, end_col)
    fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    """Add `n` to the line numbers of every node in the tree."""
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes:
            end = getattr(child, 'end_lineno', 0)
            if end is not None:
                child.end_lineno = end + n
    return node


def iter_fields(node):
    """Yield `(name, value)` for each field of `node` that is set."""
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """Yield the direct child nodes of `node` (fields and list items)."""
    for _, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    """The docstring of a module, class or function node, or None."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _splitlines_no_ff(source):
    """Lines of `source` with their ends, split only where the parser
    splits (\\r\\n, \\n, \\r; not form feeds)."""
    lines = []
    start = 0
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == '\r' or c == '\n':
            if c == '\r' and i + 1 < n and source[i + 1] == '\n':
                i += 1
            lines.append(source[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        lines.append(source[start:])
    return lines


def _pad_whitespace(source):
    return ''.join(c if c in '\f\t' else ' ' for c in source)


def get_source_segment(source, node, *, padded=False):
    """The source text `node` was parsed from, or None without an end
    position. With `padded`, the first line of a multi-line segment keeps
    its indentation (as spaces)."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        first = node.lineno - 1
        last = node.end_lineno - 1
        col = node.col_offset
        end_col = node.end_col_offset
    except AttributeError:
        return None
    lines = _splitlines_no_ff(source)
    if first == last:
        return lines[first].encode()[col:end_col].decode()
    head = lines[first].encode()
    padding = _pad_whitespace(head[:col].decode()) if padded else ''
    parts = [padding + head[col:].decode()]
    parts.extend(lines[first + 1:last])
    parts.append(lines[last].encode()[:end_col].decode())
    return ''.join(parts)


def walk(node):
    """Every node of the tree, breadth first, starting with `node`."""
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor(object):
    """Walks a tree calling `visit_<ClassName>` for each node that has
    such a method, else `generic_visit` (which visits the children)."""

    def visit(self, node):
        return getattr(self, 'visit_' + node.__class__.__name__, self.generic_visit)(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)

    def visit_Constant(self, node):
        value = node.value
        kind = _OLD_VISITORS.get(type(value))
        if kind is None and value is ...:
            kind = 'Ellipsis'
        if kind is not None:
            method = getattr(self, 'visit_' + kind, None)
            if method is not None:
                import warnings
                warnings.warn('visit_%s is deprecated; add visit_Constant' % kind, DeprecationWarning, 2)
                return method(node)
        return self.generic_visit(node)


_OLD_VISITORS = {int: 'Num', float: 'Num', complex: 'Num', str: 'Str', bytes: 'Bytes',
                 type(None): 'NameConstant', bool: 'NameConstant'}


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit methods return the replacement of each
    node: the node itself, a new node, None (remove it) or, in a list
    field, a sequence of nodes to splice in."""

    def generic_visit(self, node):
        for field, old in iter_fields(node):
            if isinstance(old, list):
                new = []
                for value in old:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        if not isinstance(value, AST):
                            new.extend(value)
                            continue
                    new.append(value)
                old[:] = new
            elif isinstance(old, AST):
                replacement = self.visit(old)
                if replacement is None:
                    delattr(node, field)
                else:
                    setattr(node, field, replacement)
        return node


# ---- deprecated constant classes (Num, Str, Bytes, NameConstant, Ellipsis)

def _constant_getter(self):
    return self.value


def _constant_setter(self, value):
    self.value = value


Constant.n = property(_constant_getter, _constant_setter)
Constant.s = property(_constant_getter, _constant_setter)


class _ABC(type):

    def __init__(cls, *args):
        cls.__doc__ = """Deprecated AST node class. Use ast.Constant instead"""

    def __instancecheck__(cls, inst):
        if not isinstance(inst, Constant):
            return False
        if cls in _CONST_TYPES:
            try:
                value = inst.value
            except AttributeError:
                return False
            return (isinstance(value, _CONST_TYPES[cls])
                    and not isinstance(value, _CONST_NOT.get(cls, ())))
        return type.__instancecheck__(cls, inst)


def _new_constant(cls, *args, **kwargs):
    for key in kwargs:
        if key not in cls._fields:
            continue
        pos = cls._fields.index(key)
        if pos < len(args):
            raise TypeError('%s got multiple values for argument %r' % (cls.__name__, key))
    if cls in _CONST_TYPES:
        return Constant(*args, **kwargs)
    return Constant.__new__(cls, *args, **kwargs)


class Num(Constant, metaclass=_ABC):
    _fields = ('n',)
    __new__ = _new_constant


class Str(Constant, metaclass=_ABC):
    _fields = ('s',)
    __new__ = _new_constant


class Bytes(Constant, metaclass=_ABC):
    _fields = ('s',)
    __new__ = _new_constant


class NameConstant(Constant, metaclass=_ABC):
    __new__ = _new_constant


class Ellipsis(Constant, metaclass=_ABC):
    _fields = ()

    def __new__(cls, *args, **kwargs):
        if cls is Ellipsis:
            return Constant(..., *args, **kwargs)
        return Constant.__new__(cls, *args, **kwargs)


_CONST_TYPES = {Num: (int, float, complex), Str: (str,), Bytes: (bytes,),
                NameConstant: (type(None), bool), Ellipsis: (type(...),)}
_CONST_NOT = {Num: (bool,)}


# ---- unparse ----------------------------------------------------------------

# Operator precedences, lowest first (CPython's _Precedence values).
_P_NAMED = 1
_P_TUPLE = 2
_P_YIELD = 3
_P_TEST = 4
_P_OR = 5
_P_AND = 6
_P_NOT = 7
_P_CMP = 8
_P_EXPR = 9
_P_BOR = 9
_P_BXOR = 10
_P_BAND = 11
_P_SHIFT = 12
_P_ARITH = 13
_P_TERM = 14
_P_FACTOR = 15
_P_POWER = 16
_P_AWAIT = 17
_P_ATOM = 18

_SINGLE_QUOTES = ("'", '"')
_MULTI_QUOTES = ('"""', "'''")
_ALL_QUOTES = _SINGLE_QUOTES + _MULTI_QUOTES
_INFSTR = '1e' + repr(sys.float_info.max_10_exp + 1)

_BINOPS = {
    'Add': ('+', _P_ARITH), 'Sub': ('-', _P_ARITH), 'Mult': ('*', _P_TERM),
    'MatMult': ('@', _P_TERM), 'Div': ('/', _P_TERM), 'Mod': ('%', _P_TERM),
    'LShift': ('<<', _P_SHIFT), 'RShift': ('>>', _P_SHIFT), 'BitOr': ('|', _P_BOR),
    'BitXor': ('^', _P_BXOR), 'BitAnd': ('&', _P_BAND), 'FloorDiv': ('//', _P_TERM),
    'Pow': ('**', _P_POWER),
}
_UNOPS = {'Invert': ('~', _P_FACTOR), 'Not': ('not', _P_NOT), 'UAdd': ('+', _P_FACTOR),
          'USub': ('-', _P_FACTOR)}
_CMPOPS = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=',
           'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
_BOOLOPS = {'And': ('and', _P_AND), 'Or': ('or', _P_OR)}


class _Delimit:
    __slots__ = ('out', 'close')

    def __init__(self, out, open_, close):
        self.out = out
        self.close = close
        if close is not None:
            out.write(open_)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.close is not None:
            self.out.write(self.close)


class _Block:
    __slots__ = ('out',)

    def __init__(self, out, extra):
        self.out = out
        out.write(':')
        if extra:
            out.write(extra)
        out._indent += 1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.out._indent -= 1


class _Unparser(NodeVisitor):
    """Writes a tree back as source text, with the fewest parentheses
    that keep its meaning (CPython 3.11's `ast.unparse` output)."""

    def __init__(self, *, _avoid_backslashes=False):
        self._source = []
        self._precedences = {}
        self._type_ignores = {}
        self._indent = 0
        self._avoid_backslashes = _avoid_backslashes
        self._in_try_star = False

    # -- output helpers

    def write(self, *text):
        self._source.extend(text)

    def maybe_newline(self):
        if self._source:
            self.write('\n')

    def fill(self, text=''):
        self.maybe_newline()
        self.write('    ' * self._indent + text)

    def interleave(self, sep, f, items):
        first = True
        for x in items:
            if first:
                first = False
            else:
                sep()
            f(x)

    def items_view(self, f, items):
        if len(items) == 1:
            f(items[0])
            self.write(',')
        else:
            self.interleave(lambda: self.write(', '), f, items)

    def delimit(self, open_, close):
        return _Delimit(self, open_, close)

    def delimit_if(self, open_, close, condition):
        return _Delimit(self, open_, close if condition else None)

    def require_parens(self, precedence, node):
        return self.delimit_if('(', ')', self.get_precedence(node) > precedence)

    def block(self, *, extra=None):
        return _Block(self, extra)

    def get_precedence(self, node):
        return self._precedences.get(node, _P_TEST)

    def set_precedence(self, precedence, *nodes):
        for node in nodes:
            self._precedences[node] = precedence

    def buffered_text(self, f, *args):
        saved = self._source
        self._source = []
        try:
            f(*args)
            return ''.join(self._source)
        finally:
            self._source = saved

    def get_type_comment(self, node):
        comment = self._type_ignores.get(node.lineno) or node.type_comment
        if comment is not None:
            return ' # type: %s' % comment
        return None

    def traverse(self, node):
        if isinstance(node, list):
            for item in node:
                self.traverse(item)
        else:
            super().visit(node)

    def visit(self, node):
        self._source = []
        self.traverse(node)
        return ''.join(self._source)

    # -- modules and statements

    def _raw_docstring(self, node):
        if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)) or not node.body:
            return None
        first = node.body[0]
        if not isinstance(first, Expr):
            return None
        value = first.value
        if isinstance(value, Constant) and isinstance(value.value, str):
            return value
        return None

    def _docstring_and_body(self, node):
        doc = self._raw_docstring(node)
        if doc is not None:
            self._write_docstring(doc)
            self.traverse(node.body[1:])
        else:
            self.traverse(node.body)

    def visit_Module(self, node):
        self._type_ignores = {ti.lineno: 'ignore' + ti.tag for ti in node.type_ignores}
        self._docstring_and_body(node)
        self._type_ignores.clear()

    def visit_Interactive(self, node):
        self.traverse(node.body)

    def visit_Expression(self, node):
        self.traverse(node.body)

    def visit_FunctionType(self, node):
        with self.delimit('(', ')'):
            self.interleave(lambda: self.write(', '), self.traverse, node.argtypes)
        self.write(' -> ')
        self.traverse(node.returns)

    def visit_Expr(self, node):
        self.fill()
        self.set_precedence(_P_YIELD, node.value)
        self.traverse(node.value)

    def visit_NamedExpr(self, node):
        with self.require_parens(_P_TUPLE, node):
            self.set_precedence(_P_ATOM, node.target, node.value)
            self.traverse(node.target)
            self.write(' := ')
            self.traverse(node.value)

    def visit_Import(self, node):
        self.fill('import ')
        self.interleave(lambda: self.write(', '), self.traverse, node.names)

    def visit_ImportFrom(self, node):
        self.fill('from ')
        self.write('.' * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(' import ')
        self.interleave(lambda: self.write(', '), self.traverse, node.names)

    def visit_Assign(self, node):
        self.fill()
        for target in node.targets:
            self.set_precedence(_P_TUPLE, target)
            self.traverse(target)
            self.write(' = ')
        self.traverse(node.value)
        comment = self.get_type_comment(node)
        if comment:
            self.write(comment)

    def visit_AugAssign(self, node):
        self.fill()
        self.traverse(node.target)
        self.write(' ' + _BINOPS[node.op.__class__.__name__][0] + '= ')
        self.traverse(node.value)

    def visit_AnnAssign(self, node):
        self.fill()
        with self.delimit_if('(', ')', not node.simple and isinstance(node.target, Name)):
            self.traverse(node.target)
        self.write(': ')
        self.traverse(node.annotation)
        if node.value:
            self.write(' = ')
            self.traverse(node.value)

    def visit_Return(self, node):
        self.fill('return')
        if node.value:
            self.write(' ')
            self.traverse(node.value)

    def visit_Pass(self, node):
        self.fill('pass')

    def visit_Break(self, node):
        self.fill('break')

    def visit_Continue(self, node):
        self.fill('continue')

    def visit_Delete(self, node):
        self.fill('del ')
        self.interleave(lambda: self.write(', '), self.traverse, node.targets)

    def visit_Assert(self, node):
        self.fill('assert ')
        self.traverse(node.test)
        if node.msg:
            self.write(', ')
            self.traverse(node.msg)

    def visit_Global(self, node):
        self.fill('global ')
        self.interleave(lambda: self.write(', '), self.write, node.names)

    def visit_Nonlocal(self, node):
        self.fill('nonlocal ')
        self.interleave(lambda: self.write(', '), self.write, node.names)

    def visit_Await(self, node):
        with self.require_parens(_P_AWAIT, node):
            self.write('await')
            if node.value:
                self.write(' ')
                self.set_precedence(_P_ATOM, node.value)
                self.traverse(node.value)

    def visit_Yield(self, node):
        with self.require_parens(_P_YIELD, node):
            self.write('yield')
            if node.value:
                self.write(' ')
                self.set_precedence(_P_ATOM, node.value)
                self.traverse(node.value)

    def visit_YieldFrom(self, node):
        with self.require_parens(_P_YIELD, node):
            self.write('yield from ')
            if not node.value:
                raise ValueError("Node can't be used without a value attribute.")
            self.set_precedence(_P_ATOM, node.value)
            self.traverse(node.value)

    def visit_Raise(self, node):
        self.fill('raise')
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return
        self.write(' ')
        self.traverse(node.exc)
        if node.cause:
            self.write(' from ')
            self.traverse(node.cause)

    def _try(self, node, star):
        self.fill('try')
        with self.block():
            self.traverse(node.body)
        saved = self._in_try_star
        self._in_try_star = star
        for handler in node.handlers:
            self.traverse(handler)
        self._in_try_star = saved
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)
        if node.finalbody:
            self.fill('finally')
            with self.block():
                self.traverse(node.finalbody)

    def visit_Try(self, node):
        self._try(node, False)

    def visit_TryStar(self, node):
        self._try(node, True)

    def visit_ExceptHandler(self, node):
        self.fill('except*' if self._in_try_star else 'except')
        if node.type:
            self.write(' ')
            self.traverse(node.type)
        if node.name:
            self.write(' as ')
            self.write(node.name)
        with self.block():
            self.traverse(node.body)

    def _decorators(self, node):
        for deco in node.decorator_list:
            self.fill('@')
            self.traverse(deco)

    def visit_ClassDef(self, node):
        self.maybe_newline()
        self._decorators(node)
        self.fill('class ' + node.name)
        with self.delimit_if('(', ')', node.bases or node.keywords):
            first = True
            for item in node.bases + node.keywords:
                if first:
                    first = False
                else:
                    self.write(', ')
                self.traverse(item)
        with self.block():
            self._docstring_and_body(node)

    def _function(self, node, keyword):
        self.maybe_newline()
        self._decorators(node)
        self.fill(keyword + ' ' + node.name)
        with self.delimit('(', ')'):
            self.traverse(node.args)
        if node.returns:
            self.write(' -> ')
            self.traverse(node.returns)
        with self.block(extra=self.get_type_comment(node)):
            self._docstring_and_body(node)

    def visit_FunctionDef(self, node):
        self._function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self._function(node, 'async def')

    def _for(self, node, keyword):
        self.fill(keyword)
        self.set_precedence(_P_TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.traverse(node.iter)
        with self.block(extra=self.get_type_comment(node)):
            self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def visit_For(self, node):
        self._for(node, 'for ')

    def visit_AsyncFor(self, node):
        self._for(node, 'async for ')

    def visit_If(self, node):
        self.fill('if ')
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        # A lone `If` in `orelse` is written as `elif`.
        while node.orelse and len(node.orelse) == 1 and isinstance(node.orelse[0], If):
            node = node.orelse[0]
            self.fill('elif ')
            self.traverse(node.test)
            with self.block():
                self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def visit_While(self, node):
        self.fill('while ')
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def _with(self, node, keyword):
        self.fill(keyword)
        self.interleave(lambda: self.write(', '), self.traverse, node.items)
        with self.block(extra=self.get_type_comment(node)):
            self.traverse(node.body)

    def visit_With(self, node):
        self._with(node, 'with ')

    def visit_AsyncWith(self, node):
        self._with(node, 'async with ')

    def visit_withitem(self, node):
        self.traverse(node.context_expr)
        if node.optional_vars:
            self.write(' as ')
            self.traverse(node.optional_vars)

    def visit_Match(self, node):
        self.fill('match ')
        self.traverse(node.subject)
        with self.block():
            for case in node.cases:
                self.traverse(case)

    def visit_match_case(self, node):
        self.fill('case ')
        self.traverse(node.pattern)
        if node.guard:
            self.write(' if ')
            self.traverse(node.guard)
        with self.block():
            self.traverse(node.body)

    # -- strings

    def _str_literal_helper(self, string, *, quote_types=_ALL_QUOTES, escape_special_whitespace=False):
        """The body of a literal for `string` and the quotes that can
        delimit it, best first."""
        chars = []
        for c in string:
            if (c == '\n' or c == '\t') and not escape_special_whitespace:
                chars.append(c)
            elif c == '\\' or not c.isprintable():
                chars.append(c.encode('unicode_escape').decode('ascii'))
            else:
                chars.append(c)
        body = ''.join(chars)
        quotes = list(quote_types)
        if '\n' in body:
            quotes = [q for q in quotes if q in _MULTI_QUOTES]
        quotes = [q for q in quotes if q not in body]
        if not quotes:
            text = repr(string)
            quote = next((q for q in quote_types if text[0] in q), text[0])
            return text[1:-1], [quote]
        if body:
            quotes.sort(key=lambda q: q[0] == body[-1])
            if quotes[0][0] == body[-1]:
                body = body[:-1] + '\\' + body[-1]
        return body, quotes

    def _write_str_avoiding_backslashes(self, string, *, quote_types=_ALL_QUOTES):
        body, quotes = self._str_literal_helper(string, quote_types=quote_types)
        self.write(quotes[0] + body + quotes[0])

    def _write_docstring(self, node):
        self.fill()
        if node.kind == 'u':
            self.write('u')
        self._write_str_avoiding_backslashes(node.value, quote_types=_MULTI_QUOTES)

    def visit_JoinedStr(self, node):
        self.write('f')
        if self._avoid_backslashes:
            text = self.buffered_text(self._fstring_inner, node)
            self._write_str_avoiding_backslashes(text)
            return
        # Literal pieces may use backslash escapes (f"{x}\n"), the
        # replacement fields may not: quote each piece with the quotes
        # every earlier piece allowed.
        quotes = list(_ALL_QUOTES)
        pieces = []
        for value in node.values:
            text = self.buffered_text(self._fstring_inner, value)
            text, quotes = self._str_literal_helper(
                text, quote_types=quotes, escape_special_whitespace=isinstance(value, Constant))
            pieces.append(text)
        self.write(quotes[0] + ''.join(pieces) + quotes[0])

    def _fstring_inner(self, node):
        if isinstance(node, JoinedStr):
            for value in node.values:
                self._fstring_inner(value)
        elif isinstance(node, Constant) and isinstance(node.value, str):
            self.write(node.value.replace('{', '{{').replace('}', '}}'))
        elif isinstance(node, FormattedValue):
            self.visit_FormattedValue(node)
        else:
            raise ValueError('Unexpected node inside JoinedStr, %r' % (node,))

    def visit_FormattedValue(self, node):
        inner = _Unparser(_avoid_backslashes=True)
        inner.set_precedence(_P_TEST + 1, node.value)
        text = inner.visit(node.value)
        with self.delimit('{', '}'):
            if '\\' in text:
                raise ValueError('Unable to avoid backslash in f-string expression part')
            if text.startswith('{'):
                self.write(' ')
            self.write(text)
            if node.conversion != -1:
                self.write('!' + chr(node.conversion))
            if node.format_spec:
                self.write(':')
                self._fstring_inner(node.format_spec)

    # -- expressions

    def visit_Name(self, node):
        self.write(node.id)

    def _write_constant(self, value):
        if isinstance(value, (float, complex)):
            self.write(repr(value).replace('inf', _INFSTR).replace('nan', '(%s-%s)' % (_INFSTR, _INFSTR)))
        elif self._avoid_backslashes and isinstance(value, str):
            self._write_str_avoiding_backslashes(value)
        else:
            self.write(repr(value))

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, tuple):
            with self.delimit('(', ')'):
                self.items_view(self._write_constant, value)
        elif value is ...:
            self.write('...')
        else:
            if node.kind == 'u':
                self.write('u')
            self._write_constant(value)

    def visit_List(self, node):
        with self.delimit('[', ']'):
            self.interleave(lambda: self.write(', '), self.traverse, node.elts)

    def _comprehension_body(self, node):
        self.traverse(node.elt)
        for gen in node.generators:
            self.traverse(gen)

    def visit_ListComp(self, node):
        with self.delimit('[', ']'):
            self._comprehension_body(node)

    def visit_GeneratorExp(self, node):
        with self.delimit('(', ')'):
            self._comprehension_body(node)

    def visit_SetComp(self, node):
        with self.delimit('{', '}'):
            self._comprehension_body(node)

    def visit_DictComp(self, node):
        with self.delimit('{', '}'):
            self.traverse(node.key)
            self.write(': ')
            self.traverse(node.value)
            for gen in node.generators:
                self.traverse(gen)

    def visit_comprehension(self, node):
        self.write(' async for ' if node.is_async else ' for ')
        self.set_precedence(_P_TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.set_precedence(_P_TEST + 1, node.iter, *node.ifs)
        self.traverse(node.iter)
        for cond in node.ifs:
            self.write(' if ')
            self.traverse(cond)

    def visit_IfExp(self, node):
        with self.require_parens(_P_TEST, node):
            self.set_precedence(_P_TEST + 1, node.body, node.test)
            self.traverse(node.body)
            self.write(' if ')
            self.traverse(node.test)
            self.write(' else ')
            self.set_precedence(_P_TEST, node.orelse)
            self.traverse(node.orelse)

    def visit_Set(self, node):
        if node.elts:
            with self.delimit('{', '}'):
                self.interleave(lambda: self.write(', '), self.traverse, node.elts)
        else:
            # `{}` is a dict; an unpacked empty tuple makes an empty set.
            self.write('{*()}')

    def visit_Dict(self, node):
        def item(pair):
            key, value = pair
            if key is None:
                self.write('**')
                self.set_precedence(_P_EXPR, value)
                self.traverse(value)
            else:
                self.traverse(key)
                self.write(': ')
                self.traverse(value)

        with self.delimit('{', '}'):
            self.interleave(lambda: self.write(', '), item, zip(node.keys, node.values))

    def visit_Tuple(self, node):
        with self.delimit_if('(', ')', len(node.elts) == 0 or self.get_precedence(node) > _P_TUPLE):
            self.items_view(self.traverse, node.elts)

    def visit_UnaryOp(self, node):
        op, precedence = _UNOPS[node.op.__class__.__name__]
        with self.require_parens(precedence, node):
            self.write(op)
            if precedence != _P_FACTOR:
                self.write(' ')
            self.set_precedence(precedence, node.operand)
            self.traverse(node.operand)

    def visit_BinOp(self, node):
        op, precedence = _BINOPS[node.op.__class__.__name__]
        with self.require_parens(precedence, node):
            if op == '**':
                left, right = precedence + 1, precedence
            else:
                left, right = precedence, precedence + 1
            self.set_precedence(left, node.left)
            self.traverse(node.left)
            self.write(' %s ' % op)
            self.set_precedence(right, node.right)
            self.traverse(node.right)

    def visit_Compare(self, node):
        with self.require_parens(_P_CMP, node):
            self.set_precedence(_P_CMP + 1, node.left, *node.comparators)
            self.traverse(node.left)
            for op, right in zip(node.ops, node.comparators):
                self.write(' ' + _CMPOPS[op.__class__.__name__] + ' ')
                self.traverse(right)

    def visit_BoolOp(self, node):
        op, precedence = _BOOLOPS[node.op.__class__.__name__]
        level = [precedence]

        def operand(value):
            # Each later operand binds one level tighter: a and (b and c).
            level[0] += 1
            self.set_precedence(level[0], value)
            self.traverse(value)

        with self.require_parens(precedence, node):
            self.interleave(lambda: self.write(' %s ' % op), operand, node.values)

    def visit_Attribute(self, node):
        self.set_precedence(_P_ATOM, node.value)
        self.traverse(node.value)
        # `1.real` would read as a float: `1 .real`.
        if isinstance(node.value, Constant) and isinstance(node.value.value, int):
            self.write(' ')
        self.write('.')
        self.write(node.attr)

    def visit_Call(self, node):
        self.set_precedence(_P_ATOM, node.func)
        self.traverse(node.func)
        with self.delimit('(', ')'):
            first = True
            for item in node.args + node.keywords:
                if first:
                    first = False
                else:
                    self.write(', ')
                self.traverse(item)

    def visit_Subscript(self, node):
        self.set_precedence(_P_ATOM, node.value)
        self.traverse(node.value)
        with self.delimit('[', ']'):
            if isinstance(node.slice, Tuple) and node.slice.elts:
                self.items_view(self.traverse, node.slice.elts)
            else:
                self.traverse(node.slice)

    def visit_Starred(self, node):
        self.write('*')
        self.set_precedence(_P_EXPR, node.value)
        self.traverse(node.value)

    def visit_Ellipsis(self, node):
        self.write('...')

    def visit_Slice(self, node):
        if node.lower:
            self.traverse(node.lower)
        self.write(':')
        if node.upper:
            self.traverse(node.upper)
        if node.step:
            self.write(':')
            self.traverse(node.step)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(': ')
            self.traverse(node.annotation)

    def visit_arguments(self, node):
        positional = node.posonlyargs + node.args
        defaults = [None] * (len(positional) - len(node.defaults)) + node.defaults
        first = [True]

        def comma():
            if first[0]:
                first[0] = False
            else:
                self.write(', ')

        for index, (a, default) in enumerate(zip(positional, defaults), 1):
            comma()
            self.traverse(a)
            if default:
                self.write('=')
                self.traverse(default)
            if index == len(node.posonlyargs):
                self.write(', /')
        if node.vararg or node.kwonlyargs:
            comma()
            self.write('*')
            if node.vararg:
                self.write(node.vararg.arg)
                if node.vararg.annotation:
                    self.write(': ')
                    self.traverse(node.vararg.annotation)
        for a, default in zip(node.kwonlyargs, node.kw_defaults):
            self.write(', ')
            self.traverse(a)
            if default:
                self.write('=')
                self.traverse(default)
        if node.kwarg:
            comma()
            self.write('**' + node.kwarg.arg)
            if node.kwarg.annotation:
                self.write(': ')
                self.traverse(node.kwarg.annotation)

    def visit_keyword(self, node):
        if node.arg is None:
            self.write('**')
        else:
            self.write(node.arg)
            self.write('=')
        self.traverse(node.value)

    def visit_Lambda(self, node):
        with self.require_parens(_P_TEST, node):
            args = self.buffered_text(self.traverse, node.args)
            self.write('lambda ' + args if args else 'lambda')
            self.write(': ')
            self.set_precedence(_P_TEST, node.body)
            self.traverse(node.body)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(' as ' + node.asname)

    # -- patterns

    def visit_MatchValue(self, node):
        self.traverse(node.value)

    def visit_MatchSingleton(self, node):
        self._write_constant(node.value)

    def visit_MatchSequence(self, node):
        with self.delimit('[', ']'):
            self.interleave(lambda: self.write(', '), self.traverse, node.patterns)

    def visit_MatchStar(self, node):
        self.write('*' + (node.name if node.name is not None else '_'))

    def visit_MatchMapping(self, node):
        def pair(kv):
            key, pattern = kv
            self.traverse(key)
            self.write(': ')
            self.traverse(pattern)

        with self.delimit('{', '}'):
            self.interleave(lambda: self.write(', '), pair, zip(node.keys, node.patterns))
            if node.rest is not None:
                if node.keys:
                    self.write(', ')
                self.write('**' + node.rest)

    def visit_MatchClass(self, node):
        self.set_precedence(_P_ATOM, node.cls)
        self.traverse(node.cls)
        with self.delimit('(', ')'):
            self.interleave(lambda: self.write(', '), self.traverse, node.patterns)
            if node.kwd_attrs:
                if node.patterns:
                    self.write(', ')

                def kw(pair):
                    self.write(pair[0] + '=')
                    self.traverse(pair[1])

                self.interleave(lambda: self.write(', '), kw, zip(node.kwd_attrs, node.kwd_patterns))

    def visit_MatchAs(self, node):
        if node.name is None:
            self.write('_')
        elif node.pattern is None:
            self.write(node.name)
        else:
            with self.require_parens(_P_TEST, node):
                self.set_precedence(_P_BOR, node.pattern)
                self.traverse(node.pattern)
                self.write(' as ' + node.name)

    def visit_MatchOr(self, node):
        with self.require_parens(_P_BOR, node):
            self.set_precedence(_P_BOR + 1, *node.patterns)
            self.interleave(lambda: self.write(' | '), self.traverse, node.patterns)


def unparse(ast_obj):
    """Source text that parses back to an equivalent tree."""
    return _Unparser().visit(ast_obj)


# ---- compiling a tree ------------------------------------------------------

_COMPOUND = ('FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'For', 'AsyncFor', 'While', 'If',
             'With', 'AsyncWith', 'Match', 'Try', 'TryStar')


class _LineKeeper(_Unparser):
    """Unparses a tree for `compile()`: every statement starts on its own
    `lineno` when the lines so far allow it (blank lines fill the gaps;
    simple statements that share a line are joined with `;`), so the
    code's line numbers are the tree's."""

    def __init__(self):
        super().__init__()
        self._line = 1
        self._want = 0
        self._simple = False
        self._joinable = False
        self._last_line = 0
        self._last_indent = 0
        self._after_colon = False
        self._inline = False
        self._depth = 0

    def write(self, *text):
        for t in text:
            self._line += t.count('\n')
            self._after_colon = t == ':'
            if t in ('(', '[', '{'):
                self._depth += 1
            elif t in (')', ']', '}'):
                self._depth -= 1
        self._source.extend(text)

    def _docstring_and_body(self, node):
        # a docstring is an ordinary statement here, placed on its line
        self.traverse(node.body)

    def buffered_text(self, f, *args):
        # text made aside is not output: the line count stays
        saved = self._line, self._after_colon, self._depth
        try:
            return super().buffered_text(f, *args)
        finally:
            self._line, self._after_colon, self._depth = saved

    def maybe_newline(self):
        pass

    def fill(self, text=''):
        want = self._want
        self._want = 0
        if self._inline:
            # a body written on its header's line: `def f(): a; b`
            self.write((' ' if self._after_colon else '; ') + text)
        elif (want and self._joinable and self._simple and want <= self._last_line
                and self._indent == self._last_indent):
            self.write('; ' + text)
        else:
            if self._source:
                self.write('\n')
            while self._line < want:
                self.write('\n')
            self.write('    ' * self._indent + text)
        if want:
            self._last_line = self._line
            self._last_indent = self._indent
            self._joinable = self._simple
        else:
            self._joinable = False

    def _one_line_body(self, body):
        if not (self._after_colon and body):
            return False
        for st in body:
            line = getattr(st, 'lineno', None)
            if (not isinstance(st, stmt) or type(st).__name__ in _COMPOUND
                    or not isinstance(line, int) or line > self._line):
                return False
        return True

    def traverse(self, node):
        if isinstance(node, list) and self._one_line_body(node):
            self._inline = True
            try:
                for item in node:
                    self.traverse(item)
            finally:
                self._inline = False
            return
        if isinstance(node, (stmt, excepthandler, match_case)):
            if isinstance(node, match_case):
                line = getattr(node.pattern, 'lineno', 0)
            else:
                line = getattr(node, 'lineno', 0)
            for deco in getattr(node, 'decorator_list', None) or ():
                line = min(line, getattr(deco, 'lineno', line))
            self._want = line if isinstance(line, int) else 0
            self._simple = isinstance(node, stmt) and type(node).__name__ not in _COMPOUND
        elif isinstance(node, expr) and self._depth > 0:
            # inside brackets a line break may go anywhere between tokens
            line = getattr(node, 'lineno', 0)
            if isinstance(line, int) and line > self._line:
                self.write('\n' * (line - self._line))
        super().traverse(node)


_MODE_NODES = {'exec': 'Module', 'eval': 'Expression', 'single': 'Interactive', 'func_type': 'FunctionType'}


def _check_node(node, where):
    """The checks of CPython's AST-to-internal conversion: required
    fields and locations present, lists where lists belong, constants
    of the types code objects can hold."""
    cls = type(node)
    if 'lineno' in cls._attributes:
        base = cls.__mro__[1].__name__ if cls.__mro__[1] is not AST else cls.__name__
        for attr in ('lineno', 'col_offset'):
            if not hasattr(node, attr):
                raise TypeError('required field "%s" missing from %s' % (attr, base))
    types = getattr(cls, '_skein_field_types', {})
    for name in cls._fields:
        t = types.get(name, '')
        if not hasattr(node, name):
            if t.endswith('?'):
                continue
            raise TypeError('required field "%s" missing from %s' % (name, cls.__name__))
        value = getattr(node, name)
        if t == 'constant':
            bad = _invalid_constant(value)
            if bad is not None:
                raise TypeError('got an invalid type in %s: %s' % (cls.__name__, type(bad).__name__))
        elif t.endswith('*'):
            if not isinstance(value, list):
                raise TypeError('%s field "%s" must be a list, not a %s'
                                % (cls.__name__, name, type(value).__name__))
            item_type = t[:-1]
            for item in value:
                if isinstance(item, AST):
                    _check_node(item, node)
                elif item_type in _BASES and 'lineno' in _BASES[item_type] and item is not None:
                    raise TypeError('required field "lineno" missing from %s' % item_type)
        elif isinstance(value, AST):
            _check_node(value, node)
        elif value is None and t and not t.endswith('?'):
            raise ValueError("field '%s' is required for %s" % (name, cls.__name__))


# Fields whose expressions are assigned or deleted (else they are loaded).
_TARGETS = {
    'Assign': ('targets', 'Store'), 'AugAssign': ('target', 'Store'), 'AnnAssign': ('target', 'Store'),
    'For': ('target', 'Store'), 'AsyncFor': ('target', 'Store'), 'Delete': ('targets', 'Del'),
    'withitem': ('optional_vars', 'Store'), 'comprehension': ('target', 'Store'),
    'NamedExpr': ('target', 'Store'),
}


def _check_contexts(node, want='Load'):
    """CPython's validator: each Name, Attribute, Subscript, Starred, List
    and Tuple has the context of where it stands."""
    kind = type(node).__name__
    if kind in ('Name', 'Attribute', 'Subscript', 'Starred', 'List', 'Tuple'):
        have = type(getattr(node, 'ctx', None)).__name__
        if have != want:
            raise ValueError('expression must have %s context but has %s instead' % (want, have))
    inherit = kind in ('Starred', 'List', 'Tuple')
    target_field, target_ctx = _TARGETS.get(kind, (None, None))
    for name, value in iter_fields(node):
        if name == target_field:
            field_want = target_ctx
        elif inherit and name in ('elts', 'value'):
            field_want = want
        else:
            field_want = 'Load'
        if isinstance(value, AST):
            _check_contexts(value, field_want)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    _check_contexts(item, field_want)


def _invalid_constant(value):
    """The part of a Constant's value compile() refuses, or None."""
    if value is None or value is ... or type(value) in (str, bytes, bool, int, float, complex):
        return None
    if type(value) in (tuple, frozenset):
        for item in value:
            bad = _invalid_constant(item)
            if bad is not None:
                return bad
        return None
    return value


def _source_for_compile(tree, mode, only_ast):
    """For compile(): None if `tree` is no AST, else `tree` itself (with
    PyCF_ONLY_AST) or the source text to compile."""
    if not isinstance(tree, AST):
        return None
    if only_ast:
        # returned as it is, unchecked, as CPython does
        return tree
    want = _MODE_NODES.get(mode, 'Module')
    if type(tree).__name__ != want:
        raise TypeError('expected %s node, got %s' % (want, type(tree).__name__))
    _check_node(tree, None)
    _check_contexts(tree)
    return _LineKeeper().visit(tree)


def main():
    """`python -m ast [-m mode] [-a] [-i indent] [file]`: dump a file's tree."""
    import argparse
    parser = argparse.ArgumentParser(prog='python -m ast')
    parser.add_argument('infile', nargs='?', default='-',
                        help='the file to parse; defaults to stdin')
    parser.add_argument('-m', '--mode', default='exec', choices=('exec', 'single', 'eval', 'func_type'),
                        help='specify what kind of code must be parsed')
    parser.add_argument('--no-type-comments', default=True, action='store_false',
                        help="don't add information about type comments")
    parser.add_argument('-a', '--include-attributes', action='store_true',
                        help='include attributes such as line numbers and column offsets')
    parser.add_argument('-i', '--indent', type=int, default=3,
                        help='indentation of nodes (number of spaces)')
    args = parser.parse_args()
    if args.infile == '-':
        name = '<stdin>'
        source = sys.stdin.buffer.read()
    else:
        name = args.infile
        with open(args.infile, 'rb') as f:
            source = f.read()
    tree = parse(source, name, args.mode, type_comments=args.no_type_comments)
    print(dump(tree, include_attributes=args.include_attributes, indent=args.indent))


if __name__ == '__main__':
    main()
