# collections.namedtuple.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p), hash(p) == hash((1, 2)))
P3 = namedtuple("P3", "x y z", defaults=[0])
print(P3(1, 2), P3._field_defaults)
Renamed = namedtuple("Renamed", ["ok", "def", "ok"], rename=True)
print(Renamed._fields)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print(e)
try:
    namedtuple("Bad", ["1x"])
except ValueError as e:
    print(e)
class Ext(Point):
    def norm1(self):
        return abs(self.x) + abs(self.y)
print(Ext(-3, 4).norm1(), Ext(1, 2))
