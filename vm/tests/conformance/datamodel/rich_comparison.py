# Rich comparison methods, reflection and NotImplemented.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"V({self.v}).__eq__")
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        print(f"V({self.v}).__lt__")
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    __hash__ = None
print(V(1) == V(1), V(1) != V(2))
print(V(1) < V(2), V(3) > V(2), V(2) <= V(2), V(2) >= V(3))
print(sorted([V(3), V(1), V(2)], key=lambda v: v.v)[0].v)
class Other:
    def __eq__(self, o):
        print("Other.__eq__")
        return NotImplemented
print(Other() == Other(), Other() != 5)
o = Other()
print(o == o)
class Sub(V):
    def __eq__(self, o):
        print("Sub.__eq__ first (subclass priority)")
        return True
print(V(1) == Sub(2))
try:
    object() < object()
except TypeError as e:
    print(e)
print([V(1)] == [V(1)])
