# Metaclasses: __new__, __init__, __call__ and class keyword arguments.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = True
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
class Base(metaclass=Meta):
    x = 1
    def __init__(self, v=0):
        self.v = v
class Derived(Base, flag="on"):
    y = 2
d = Derived(5)
print(d.v, Derived.added_by_meta, type(Derived).__name__, type(Meta).__name__)
print(isinstance(Derived, Meta), isinstance(Derived, type))
Dyn = type("Dyn", (Base,), {"z": 3})
print(Dyn.z, Dyn.x, type(Dyn).__name__)
