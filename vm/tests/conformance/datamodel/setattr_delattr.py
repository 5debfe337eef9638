# __setattr__ and __delattr__ hooks.
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
o = Logged()
o.a = 1
setattr(o, "b", 2)
del o.a
print(vars(o))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
fr = Frozen(3)
try:
    fr.v = 4
except AttributeError as e:
    print(e, fr.v)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    (1).real = 5
except AttributeError as e:
    print(e)
try:
    delattr(o, "zzz")
except AttributeError as e:
    print(e)
