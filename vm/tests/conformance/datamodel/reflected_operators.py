# Reflected operators and NotImplemented fallbacks.
class Money:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Money({self.v})"
    def __add__(self, o):
        print("__add__", o)
        if isinstance(o, Money):
            return Money(self.v + o.v)
        if isinstance(o, int):
            return Money(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("__radd__", o)
        return self.__add__(o)
    def __rsub__(self, o):
        return Money(o - self.v)
    def __rmul__(self, o):
        return Money(o * self.v)
print(Money(1) + Money(2))
print(5 + Money(1))
print(sum([Money(1), Money(2)]))
print(10 - Money(3), 3 * Money(4))
try:
    Money(1) + "x"
except TypeError as e:
    print(e)
try:
    "x" - Money(1)
except TypeError as e:
    print(e)
class Sub(Money):
    def __radd__(self, o):
        print("Sub.__radd__ tried first")
        return Money(-1)
print(Money(1) + Sub(2))
class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return "Right.__radd__"
print(Left() + Right())
try:
    Left() + Left()
except TypeError as e:
    print(e)
