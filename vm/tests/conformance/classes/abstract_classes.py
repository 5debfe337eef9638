# abc.ABC and abstractmethod prevent instantiation of incomplete classes.
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f"{type(self).__name__} area={self.area()}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self):
        return 0
try:
    Half()
except TypeError as e:
    print(e)
print(Sq(3).describe(), Sq(3).perimeter(), isinstance(Sq(1), Shape))
print(sorted(Shape.__abstractmethods__))
