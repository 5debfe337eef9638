# del on names, items, slices and attributes.
x = 1
del x
try:
    x
except NameError as e:
    print(e)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(repr(e))
l = [1, 2, 3, 4]
del l[0], l[-1]
print(l)
try:
    del l[10]
except IndexError as e:
    print(e)
class C:
    pass
o = C()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print(e)
a, b = 1, 2
del (a, b)
print("a" in dir(), "b" in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
