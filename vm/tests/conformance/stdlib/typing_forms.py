import typing as t
from typing import *
T=t.TypeVar('T')
print(t.Optional[int], t.Union[int,str,None], t.List, t.List[int], t.Dict[str,int], t.Callable[[int],str], t.Callable[...,int], t.Tuple[()], t.Tuple[int,...], t.Literal[1,'a'], t.Annotated[int,'m'], t.ClassVar[int], t.Final, t.Any, T, t.Type[int], t.Iterable[T], t.Optional[t.List[T]][int], t.Generic, t.Generic[T], t.Protocol, t.NoReturn, t.Self, t.AnyStr, t.Union, t.Optional, t.List['int'], t.FrozenSet[int], t.Deque[int], t.DefaultDict[str,int], t.Counter, t.Text)
class G(t.Generic[T]):
    def __init__(self, x: T) -> None: self.x = x
print(G[int], G.__parameters__, G.__orig_bases__, G.__mro__)
g = G[int](3); print(g.x, g.__orig_class__)
for thunk in [lambda: t.List[int,str], lambda: t.Generic[int], lambda: isinstance(1, t.List[int]), lambda: isinstance(1, t.Any), lambda: t.Union[()]]:
    try: thunk()
    except TypeError as e: print("TypeError:", e)
print(t.Union[int, str]==t.Union[str,int], t.Union[int], t.Optional[int] == (int|None), type(t.Optional[int]).__name__)
print(t.get_origin(t.List[int]), t.get_args(t.Dict[str,int]), t.get_args(t.Callable[[int],str]), t.get_origin(int|str))
print(isinstance([], t.List), isinstance(3, t.Union[int, str]), issubclass(list, t.Sequence), isinstance({}, t.Mapping))
class P(t.NamedTuple):
    x: int
    y: str = "a"
    def total(self): return self.x * 2
p = P(1); print(p, p.total(), P._fields, P.__annotations__, P._field_defaults)
Q = t.NamedTuple('Q', [('a', int), ('b', float)]); print(Q(1, 2.0))
class TD(t.TypedDict, total=False):
    a: int
    b: str
d = TD(a=1); print(d, type(d).__name__, TD.__required_keys__, sorted(TD.__optional_keys__), TD.__total__)
TD2 = t.TypedDict('TD2', {'x': int}); print(TD2(x=1), TD2.__annotations__)
@t.runtime_checkable
class Closer(t.Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer), issubclass(F, Closer))
class NP(t.Protocol):
    def meth(self) -> int: ...
try: isinstance(F(), NP)
except TypeError as e: print(e)
UserId = t.NewType('UserId', int); print(UserId, UserId(5), UserId.__supertype__)
print(t.cast(int, "x"), t.TYPE_CHECKING)
@t.overload
def f(x: int) -> int: ...
@t.overload
def f(x: str) -> str: ...
def f(x): return x
print(f(2), len(t.get_overloads(f)))
class A:
    x: int
    y: "t.List[str]"
    z: t.ClassVar[int] = 3
def fn(a: "int", b: t.Optional[str] = None) -> None: pass
print(t.get_type_hints(A), t.get_type_hints(fn))
print(t.get_type_hints(lambda: 0))
S = t.TypeVar('S', int, str); B = t.TypeVar('B', bound=int); C = t.TypeVar('C_co', covariant=True)
print(S, S.__constraints__, B.__bound__, C, t.get_args(t.Annotated[int, 'a', 'b']), t.get_origin(t.Annotated[int, 'x']))
print(t.List[int] == t.List[int], hash(t.List[int]) == hash(t.List[int]), t.Dict[str, T][int], t.Optional[int] | str)
print(t.Literal[1, 2] == t.Literal[2, 1], t.Union[int, t.Union[str, float]])
try: t.Any()
except TypeError as e: print(e)
try: t.Union()
except TypeError as e: print(e)
print(t.Sequence[int], t.Mapping[str, t.Any], t.Iterator[int], t.Generator[int, None, None], t.Type['G'])
class IntList(t.List[int]): pass
print(IntList.__mro__, IntList([1,2]))
class Pair(t.Generic[T, S]): pass
print(Pair[int, str], Pair.__parameters__)
try: Pair[int]
except TypeError as e: print(e)
print(callable(t.no_type_check), t.final(A) is A, t.assert_never.__name__, t.ParamSpec('P'), t.ParamSpec('P').args)
