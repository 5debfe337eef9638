# Data and non-data descriptors and their precedence relative to the instance dict.
class Data:
    def __get__(self, obj, owner):
        return ("data", obj is None, owner.__name__)
    def __set__(self, obj, value):
        print("Data.__set__", value)
class NonData:
    def __get__(self, obj, owner):
        return ("nondata", obj is None)
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, C.d, c.n, C.n)
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d, c.n)
c.d = 5
print(c.__dict__["d"])
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        return self if obj is None else obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
class Person:
    age = Typed(int)
p = Person()
p.age = 3
print(p.age)
try:
    p.age = "old"
except TypeError as e:
    print(e)
def func(self):
    return self
print(func.__get__(1)(), type(func.__get__(1)).__name__)
