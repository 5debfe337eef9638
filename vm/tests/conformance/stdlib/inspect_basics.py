# inspect: signatures, binding, predicates, docs, members, source and frames.
import inspect, functools
def f(a, b: int = 2, *args, c, d=4, **kw) -> int:
    """Doc of f.

       More.
    """
    return a
def g(x, /, y, *, z): pass
class C:
    """Class C."""
    def __init__(self, p, q=1): pass
    def m(self, r): pass
    @classmethod
    def cm(cls, s): pass
    @staticmethod
    def sm(t): pass
    @property
    def prop(self): return 1
print(inspect.signature(f))
print(inspect.signature(g))
print(inspect.signature(C))
print(inspect.signature(C(1).m), inspect.signature(C.cm), inspect.signature(C.sm))
print(inspect.signature(functools.partial(f, 1, c=3)))
print(inspect.signature(lambda: 0))
class D: pass
print(inspect.signature(D))
sig = inspect.signature(f)
for p in sig.parameters.values():
    print(repr(p), p.kind, p.kind.description, p.default is p.empty)
ba = sig.bind(1, 2, 3, c=5, e=6)
print(ba, ba.args, ba.kwargs)
ba.apply_defaults(); print(ba)
for args in [(), (1, 2)]:
    try: sig.bind(*args)
    except TypeError as e: print("TypeError:", e)
try: inspect.signature(g).bind(x=1, y=2, z=3)
except TypeError as e: print("TypeError:", e)
print(inspect.getdoc(f)); print(inspect.getdoc(C.m)); print(inspect.getdoc(C))
print(inspect.cleandoc("  a\n    b\n   c\n"))
print(inspect.isfunction(f), inspect.ismethod(C(2).m), inspect.isclass(C), inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
def gen(): yield 1
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.isgeneratorfunction(f))
gg = gen(); print(inspect.getgeneratorstate(gg)); next(gg); print(inspect.getgeneratorstate(gg)); gg.close(); print(inspect.getgeneratorstate(gg))
print([n for n, v in inspect.getmembers(C) if not n.startswith('__')])
print(inspect.getmembers(C, inspect.isfunction)[0][0])
print(inspect.getmro(bool))
print(inspect.getsource(f), end='')
print(inspect.getsource(C.m), end='')
print(inspect.getsourcelines(g)[1])
print(inspect.getsource(C), end='')
print(inspect.getfullargspec(f))
print(sorted(inspect.getcallargs(f, 1, c=2).items()))
fr = inspect.currentframe(); print(fr.f_code.co_name, inspect.getframeinfo(fr).function)
def inner(): return [fi.function for fi in inspect.stack()]
print(inner())
print(inspect.getmodule(f).__name__, inspect.getmodulename("/a/b/c.py"))
print(inspect.unwrap(functools.wraps(f)(lambda: 1)) is f)
print(type(inspect.getattr_static(C, 'prop')).__name__)
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=3, annotation=str))
print(inspect.Signature([inspect.Parameter('a', 1)], return_annotation=list))
print(inspect.formatannotation(list[int]), inspect.formatannotation(inspect.Signature))
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def x(self): pass
print(inspect.isabstract(A), inspect.isabstract(C))
print(inspect.getclosurevars(f).globals)
