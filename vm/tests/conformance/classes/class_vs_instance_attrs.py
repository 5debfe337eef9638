# Instance attributes shadow class attributes; mutable class attributes are shared.
class C:
    shared = []
    value = 1
a, b = C(), C()
a.shared.append("x")
print(b.shared, C.shared)
a.value = 2
print(a.value, b.value, C.value)
C.value = 3
print(a.value, b.value)
del a.value
print(a.value)
a.__dict__["direct"] = 5
print(a.direct, sorted(a.__dict__))
C.new_method = lambda self: "added later"
print(b.new_method())
print(getattr(a, "missing", "default"))
try:
    a.missing
except AttributeError as e:
    print(e)
try:
    C.missing
except AttributeError as e:
    print(e)
