# __slots__ members: set, read, delete, inheritance, and a class adding a
# __dict__ to slotted bases.
import threading


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ("z",)


class R(Q):
    pass


p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"))
del p.x
print(hasattr(p, "x"))
try:
    p.x
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)
p.x = [5]
print(p.x)
try:
    p.w = 1
except AttributeError as e:
    print("AttributeError", e)
q = Q(3, 4)
q.z = 5
print(q.x, q.y, q.z)
r = R(6, 7)
r.z = 8
r.extra = 9
print(r.x, r.y, r.z, r.extra, vars(r))
print(P.x.__get__(r), Q.z.__get__(r))
r.y = 70
print(r.y)
del r.y
print(hasattr(r, "y"))

shared = [P(0, 0) for _ in range(4)]


def work(t):
    for i in range(2000):
        o = shared[i % 4]
        o.x = (t, i)
        v = o.x
        if type(v) is not tuple:
            print("bad", v)
        o.y = i


ts = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(sorted(type(o.x).__name__ for o in shared), [o.y for o in shared])
