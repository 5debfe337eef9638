import typing as t
from typing import NamedTuple, Generic, TypeVar, TypedDict, Required, NotRequired, Annotated, get_type_hints
T = TypeVar("T")
class Pair(NamedTuple, Generic[T]):
    first: T
    second: T
p = Pair(1, 2)
print(p, Pair.__mro__, Pair[int], Pair.__parameters__, p._replace(first=5), Pair._make([3, 4]))
class Base(TypedDict):
    a: int
    b: NotRequired[str]
class Child(Base, total=False):
    c: Required[float]
    d: Annotated[int, "meta"]
print(sorted(Child.__required_keys__), sorted(Child.__optional_keys__), Child.__total__, t.is_typeddict(Child))
print(get_type_hints(Child), get_type_hints(Child, include_extras=True))
import sys
print(sorted(get_type_hints(sys.modules[__name__]).items()) if hasattr(sys.modules[__name__], "__annotations__") else None)
x: int = 3
print(get_type_hints(sys.modules[__name__]))
