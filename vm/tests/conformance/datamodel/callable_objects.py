# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, extra=0):
        return x * self.k + extra
double = Multiplier(2)
print(double(5), double(5, extra=1), callable(double), callable(Multiplier), callable(5))
print(list(map(double, [1, 2, 3])))
class Chain:
    def __call__(self):
        return self
c = Chain()
print(c()()() is c)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
class CallViaClassAttr:
    pass
CallViaClassAttr.__call__ = lambda self: "patched in"
print(CallViaClassAttr()())
inst = NotCallable()
inst.__call__ = lambda: "instance attr ignored"
try:
    inst()
except TypeError as e:
    print(e)
