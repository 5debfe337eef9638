"""The node classes of Python's abstract syntax tree (CPython 3.11's
`Parser/Python.asdl`), built from the table below.

Each class has `_fields` (its children, in order) and `_attributes`
(location); optional fields and the optional end positions are None on
the class, as in CPython, so a node built without them reads None.
"""

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

_LOCATION = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')

# abstract base: its location attributes
_BASES = {
    'mod': (),
    'stmt': _LOCATION,
    'expr': _LOCATION,
    'expr_context': (),
    'boolop': (),
    'operator': (),
    'unaryop': (),
    'cmpop': (),
    'excepthandler': _LOCATION,
    'pattern': _LOCATION,
    'type_ignore': (),
}

# "base: Class(type name, ...)"; a base of "-" is a product type (a class
# of its own right under AST). "*": a list, "?": optional.
_GRAMMAR = """
mod: Module(stmt* body, type_ignore* type_ignores)
mod: Interactive(stmt* body)
mod: Expression(expr body)
mod: FunctionType(expr* argtypes, expr returns)
stmt: FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
stmt: AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
stmt: ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
stmt: Return(expr? value)
stmt: Delete(expr* targets)
stmt: Assign(expr* targets, expr value, string? type_comment)
stmt: AugAssign(expr target, operator op, expr value)
stmt: AnnAssign(expr target, expr annotation, expr? value, int simple)
stmt: For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
stmt: AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
stmt: While(expr test, stmt* body, stmt* orelse)
stmt: If(expr test, stmt* body, stmt* orelse)
stmt: With(withitem* items, stmt* body, string? type_comment)
stmt: AsyncWith(withitem* items, stmt* body, string? type_comment)
stmt: Match(expr subject, match_case* cases)
stmt: Raise(expr? exc, expr? cause)
stmt: Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
stmt: TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
stmt: Assert(expr test, expr? msg)
stmt: Import(alias* names)
stmt: ImportFrom(identifier? module, alias* names, int? level)
stmt: Global(identifier* names)
stmt: Nonlocal(identifier* names)
stmt: Expr(expr value)
stmt: Pass()
stmt: Break()
stmt: Continue()
expr: BoolOp(boolop op, expr* values)
expr: NamedExpr(expr target, expr value)
expr: BinOp(expr left, operator op, expr right)
expr: UnaryOp(unaryop op, expr operand)
expr: Lambda(arguments args, expr body)
expr: IfExp(expr test, expr body, expr orelse)
expr: Dict(expr* keys, expr* values)
expr: Set(expr* elts)
expr: ListComp(expr elt, comprehension* generators)
expr: SetComp(expr elt, comprehension* generators)
expr: DictComp(expr key, expr value, comprehension* generators)
expr: GeneratorExp(expr elt, comprehension* generators)
expr: Await(expr value)
expr: Yield(expr? value)
expr: YieldFrom(expr value)
expr: Compare(expr left, cmpop* ops, expr* comparators)
expr: Call(expr func, expr* args, keyword* keywords)
expr: FormattedValue(expr value, int conversion, expr? format_spec)
expr: JoinedStr(expr* values)
expr: Constant(constant value, string? kind)
expr: Attribute(expr value, identifier attr, expr_context ctx)
expr: Subscript(expr value, expr slice, expr_context ctx)
expr: Starred(expr value, expr_context ctx)
expr: Name(identifier id, expr_context ctx)
expr: List(expr* elts, expr_context ctx)
expr: Tuple(expr* elts, expr_context ctx)
expr: Slice(expr? lower, expr? upper, expr? step)
expr_context: Load()
expr_context: Store()
expr_context: Del()
boolop: And()
boolop: Or()
operator: Add()
operator: Sub()
operator: Mult()
operator: MatMult()
operator: Div()
operator: Mod()
operator: Pow()
operator: LShift()
operator: RShift()
operator: BitOr()
operator: BitXor()
operator: BitAnd()
operator: FloorDiv()
unaryop: Invert()
unaryop: Not()
unaryop: UAdd()
unaryop: USub()
cmpop: Eq()
cmpop: NotEq()
cmpop: Lt()
cmpop: LtE()
cmpop: Gt()
cmpop: GtE()
cmpop: Is()
cmpop: IsNot()
cmpop: In()
cmpop: NotIn()
-: comprehension(expr target, expr iter, expr* ifs, int is_async)
excepthandler: ExceptHandler(expr? type, identifier? name, stmt* body)
-: arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
-@: arg(identifier arg, expr? annotation, string? type_comment)
-@: keyword(identifier? arg, expr value)
-@: alias(identifier name, identifier? asname)
-: withitem(expr context_expr, expr? optional_vars)
-: match_case(pattern pattern, expr? guard, stmt* body)
pattern: MatchValue(expr value)
pattern: MatchSingleton(constant value)
pattern: MatchSequence(pattern* patterns)
pattern: MatchMapping(expr* keys, pattern* patterns, identifier? rest)
pattern: MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
pattern: MatchStar(identifier? name)
pattern: MatchAs(pattern? pattern, identifier? name)
pattern: MatchOr(pattern* patterns)
type_ignore: TypeIgnore(int lineno, string tag)
"""


class AST:
    _fields = ()
    __match_args__ = ()
    _attributes = ()
    # per class: {field: 'type', 'type*' or 'type?'}
    _skein_field_types = {}

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError('%s constructor takes at most %d positional argument%s'
                            % (type(self).__name__, n, '' if n == 1 else 's'))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError("%s got multiple values for argument '%s'" % (type(self).__name__, name))
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


def _doc_of(name, decls):
    return '%s(%s)' % (name, ', '.join(decls)) if decls else name


def _make_classes():
    made = {'AST': AST}
    for base, attrs in _BASES.items():
        made[base] = type(AST)(base, (AST,), {'_fields': (), '__match_args__': (), '_attributes': attrs,
                                              '__module__': 'ast'})
        if attrs:
            made[base].end_lineno = None
            made[base].end_col_offset = None
    alternatives = {}
    for line in _GRAMMAR.strip().splitlines():
        base, _, rest = line.partition(': ')
        name, _, decl_text = rest.partition('(')
        decls = [d.strip() for d in decl_text.rstrip(')').split(',') if d.strip()]
        types = {}
        for d in decls:
            t, field = d.split()
            types[field] = t
        ns = {'_fields': tuple(types), '__match_args__': tuple(types), '_skein_field_types': types,
              '__module__': 'ast',
              '__doc__': _doc_of(name, decls)}
        if base.startswith('-'):
            attrs = _LOCATION if base == '-@' else ()
            parent = AST
            if attrs:
                ns['end_lineno'] = None
                ns['end_col_offset'] = None
        else:
            attrs = _BASES[base]
            parent = made[base]
            alternatives.setdefault(base, []).append(ns['__doc__'])
        ns['_attributes'] = attrs
        for field, t in types.items():
            if t.endswith('?'):
                ns[field] = None
        made[name] = type(AST)(name, (parent,), ns)
    for base, docs in alternatives.items():
        made[base].__doc__ = ('%s = ' % base) + ('\n' + ' ' * (len(base) + 1) + '| ').join(docs)
    AST.__module__ = 'ast'
    return made


_classes = _make_classes()
globals().update(_classes)
del _make_classes


# Old names: aliases of today's classes, kept for the programs that
# still use them (CPython 3.8 deprecated them; 3.11 still has them).
class slice(AST):
    """Deprecated AST node class."""


class Index(slice):
    """Deprecated AST node class. Unused in Python 3.9+."""

    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class. Unused in Python 3.9+."""

    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


for _name in ('slice', 'Index', 'ExtSlice', 'Suite', 'AugLoad', 'AugStore', 'Param'):
    globals()[_name].__module__ = 'ast'
    _classes[_name] = globals()[_name]
del _name
