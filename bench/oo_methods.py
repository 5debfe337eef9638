"""Method-call-heavy object-oriented code.

A small 2-D geometry and bank-account model: classes with inheritance,
super() calls, properties, class and static methods, __slots__, operator
overloading (__add__, __mul__, __eq__, __hash__, __lt__), __repr__, and
bound methods stored and called later. Measures: attribute lookup through
the MRO, method binding and calls, instance creation. Argument: number of
rounds (default 150000).
Checksum: integer totals accumulated from the objects.
"""

import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def __repr__(self):
        return "Vec(%d, %d)" % (self.x, self.y)


class Shape:
    count = 0

    def __init__(self, origin):
        self.origin = origin
        Shape.count += 1

    def area(self):
        return 0

    def perimeter(self):
        return 0

    def describe(self):
        return self.kind() + ":" + str(self.area())

    def kind(self):
        return "shape"

    def moved(self, delta):
        return self.with_origin(self.origin + delta)

    def __lt__(self, other):
        return self.area() < other.area()

    @classmethod
    def created(cls):
        return cls.count

    @staticmethod
    def clamp(v, lo, hi):
        return lo if v < lo else hi if v > hi else v


class Rect(Shape):
    def __init__(self, origin, w, h):
        super().__init__(origin)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    def kind(self):
        return "rect"

    def with_origin(self, origin):
        return Rect(origin, self.w, self.h)


class Square(Rect):
    def __init__(self, origin, side):
        super().__init__(origin, side, side)

    def kind(self):
        return "square"

    def with_origin(self, origin):
        return Square(origin, self.w)


class Circle(Shape):
    def __init__(self, origin, r):
        super().__init__(origin)
        self._r = r

    @property
    def r(self):
        return self._r

    @r.setter
    def r(self, value):
        self._r = Shape.clamp(value, 1, 100)

    def area(self):
        return 3 * self.r * self.r

    def perimeter(self):
        return 6 * self.r

    def kind(self):
        return "circle"

    def with_origin(self, origin):
        return Circle(origin, self.r)


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self._log(amount)
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self._log(-amount)
        return True

    def _log(self, amount):
        if len(self.history) > 16:
            self.history.pop(0)
        self.history.append(amount)


class SavingsAccount(Account):
    def __init__(self, owner, rate):
        super().__init__(owner)
        self.rate = rate

    def deposit(self, amount):
        return super().deposit(amount + amount // self.rate)


def make_shape(i):
    o = Vec(i % 17, i % 13)
    k = i % 3
    if k == 0:
        return Rect(o, i % 7 + 1, i % 5 + 1)
    if k == 1:
        return Square(o, i % 9 + 1)
    return Circle(o, i % 11 + 1)


def main(rounds):
    shapes = [make_shape(i) for i in range(64)]
    accounts = [Account("a%d" % i) if i & 1 else SavingsAccount("s%d" % i, 10 + i)
                for i in range(16)]
    total_area = 0
    total_perim = 0
    desc_len = 0
    acc = Vec(0, 0)
    step = Vec(1, -1)
    seen = set()
    for i in range(rounds):
        s = shapes[i & 63]
        total_area += s.area()
        total_perim += s.perimeter()
        if i % 64 == 0:
            desc_len += len(s.describe())
            shapes[i & 63] = s.moved(step)
        if isinstance(s, Circle):
            s.r = s.r + (1 if i & 4 else -1)
        acc = acc + s.origin * 2 - step
        seen.add(s.origin)
        a = accounts[i & 15]
        a.deposit(i % 50)
        if not a.withdraw(i % 70):
            a.deposit(1)
        op = a.withdraw if i & 8 else a.deposit
        op(3)
    biggest = max(shapes)
    smallest = min(shapes)
    balances = sum(a.balance for a in accounts)
    hist = sum(sum(a.history) for a in accounts)
    print(total_area, total_perim, desc_len, repr(acc), acc.dot(step), len(seen),
          biggest.describe(), smallest.describe(), balances, hist, Shape.created())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150000)
