# __abstractmethods__ is a type attribute that controls instantiation.
import abc
class Plain: pass
print(hasattr(Plain, "__abstractmethods__"), hasattr(type, "__abstractmethods__"))
Plain.__abstractmethods__ = frozenset({"f", "g"})
try:
    Plain()
except TypeError as e:
    print(e)
Plain.__abstractmethods__ = frozenset()
print(type(Plain()).__name__)
Plain.__abstractmethods__ = ["only"]
try:
    Plain()
except TypeError as e:
    print(e)
del Plain.__abstractmethods__
print(type(Plain()).__name__, hasattr(Plain, "__abstractmethods__"))
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @property
    @abc.abstractmethod
    def size(self): ...
class Part(Base):
    def run(self): return "ran"
print(sorted(Base.__abstractmethods__), sorted(Part.__abstractmethods__))
try:
    Part()
except TypeError as e:
    print(e)
class Full(Part):
    size = 3
print(Full().run(), Full().size, Full.__abstractmethods__)
def size(self): return 1
Part.size = size
abc.update_abstractmethods(Part)
print(Part().size(), Part.__abstractmethods__)
