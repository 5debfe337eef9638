# getattr, setattr, hasattr, delattr, vars, dir.
class C:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
o = C()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "zz", "dflt"), hasattr(o, "a"), hasattr(o, "zz"))
setattr(o, "b", 2)
print(o.b, vars(o))
delattr(o, "a")
print(vars(o), hasattr(o, "a"))
print("cls_attr" in dir(o), "b" in dir(o), "__init__" in dir(C), dir(o) == sorted(dir(o)))
print(sorted(k for k in vars(C) if not k.startswith("__")))
for bad in [lambda: getattr(o, "nope"), lambda: getattr(o, 5), lambda: setattr(o, 5, 1), lambda: vars(5), lambda: delattr(o, "nope")]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(getattr(5, "real"), getattr("s", "upper")(), getattr(C, "cls_attr"))
