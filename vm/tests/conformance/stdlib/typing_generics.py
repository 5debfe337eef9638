from __future__ import annotations
import typing as t
from typing import Optional, List, Dict, Callable, Tuple, Any, Iterator, Generator, Protocol, runtime_checkable
T = t.TypeVar('T'); K = t.TypeVar('K'); V = t.TypeVar('V')
print(Callable[[], None], Tuple[int, str], t.ContextManager[int], t.IO, t.TextIO, t.Hashable, t.Sized, t.SupportsInt, t.Awaitable[int])
class Node(t.Generic[T]):
    children: List[Node[T]]
    def __init__(self, v: T, nxt: Optional[Node[T]] = None) -> None:
        self.v = v
class Tree(Node[int]): pass
class Box(Dict[K, V]): pass
print(Tree.__mro__, Tree.__parameters__, Box.__parameters__, Box[str, int])
print(t.get_type_hints(Node.__init__), t.get_type_hints(Node))
try:
    class Bad(t.Generic): pass
except TypeError as e: print(e)
try:
    class Bad2(t.Union[int, str]): pass
except TypeError as e: print(e)
try: Optional[int, str]
except TypeError as e: print(e)
try: t.ClassVar[int, str]
except TypeError as e: print(e)
@runtime_checkable
class HasX(Protocol):
    x: int
class WithX:
    x = 1
print(isinstance(WithX(), HasX), isinstance(3, HasX))
try: issubclass(WithX, HasX)
except TypeError as e: print(e)
try: HasX()
except TypeError as e: print(e)
print(isinstance(3, t.SupportsInt), isinstance("a", t.SupportsInt), isinstance(2.5, t.SupportsFloat))
def gen() -> Iterator[int]:
    yield 1
print(list(gen()), t.get_type_hints(gen))
print(t.Union[int, None] == Optional[int], Optional[Optional[int]], t.Union[int, List[int], None])
print(t.get_args(Optional[int]), t.get_origin(Optional[int]) is t.Union, t.get_args(t.Literal['a', 1]))
print(t.Callable[[int], str].__args__, t.Callable[..., int].__args__, Tuple[int, ...].__args__)
print(repr(t.ForwardRef('X')), t.List[int]([1]) if False else 'skip', t.Annotated[List[int], 'x'].__metadata__)
try: t.List()
except TypeError as e: print(e)
print(t.Deque[int](), t.DefaultDict(int), t.Counter('aab'), t.OrderedDict(a=1))
class E(t.NamedTuple):
    a: int
    b: List[int] = []
print(E(1), E._field_defaults, E.__doc__)
print(t.get_type_hints(E))
