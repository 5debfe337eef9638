# classmethod receives the class, staticmethod receives nothing extra.
class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @classmethod
    def make(cls, *args):
        return cls(*args)
    @classmethod
    def name(cls):
        return cls.__name__
    @staticmethod
    def area_of_square(side):
        return side * side
class Square(Shape):
    pass
s = Square.make()
print(type(s).__name__, Shape.count, Square.name(), s.name())
print(Shape.area_of_square(3), s.area_of_square(4))
print(type(Shape.__dict__["make"]).__name__, type(Shape.__dict__["area_of_square"]).__name__)
print(Shape.make.__self__ is Shape, Square.make.__self__ is Square)
sm = Shape.__dict__["area_of_square"]
print(sm.__func__(5), callable(sm))
