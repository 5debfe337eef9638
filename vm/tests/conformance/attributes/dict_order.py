# Instance __dict__ order follows each instance's own insertion order,
# through deletions, re-additions and attributes added later.
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


p = P(1, 2)
q = P(3, 4)
q.c = 5
print(vars(p), vars(q))
del q.a
print(vars(q))
q.a = 6
print(vars(q), list(q.__dict__))
del p.b
del p.a
print(vars(p))
p.b = 7
p.a = 8
print(vars(p), p.a, p.b)

# Two instances of one class storing the same names in opposite orders.
class Q:
    pass


x = Q()
x.one = 1
x.two = 2
y = Q()
y.two = 2
y.one = 1
print(list(vars(x)), list(vars(y)))
y.three = 3
x.three = 3
print(list(vars(x)), list(vars(y)))
# Deleting a missing attribute.
try:
    del x.nothere
except AttributeError as e:
    print("AttributeError", e)
z = Q()
try:
    del z.one
except AttributeError as e:
    print("AttributeError", e)
# Updating an attribute keeps its position.
x.one = 10
print(vars(x))
# __dict__ changes are seen as attributes and the other way round.
d = x.__dict__
d["four"] = 4
x.five = 5
print(x.four, d["five"], list(d))
print(d is x.__dict__, d is vars(x))
