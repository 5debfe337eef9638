# Name mangling of __private attributes.
class A:
    def __init__(self):
        self.__secret = "A"
        self._protected = "p"
    def reveal(self):
        return self.__secret
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B"
    def reveal_b(self):
        return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), sorted(vars(b)))
try:
    b.__secret
except AttributeError as e:
    print(e)
print(b._A__secret, b._protected)
class C:
    __x = 1
    def get(self):
        return self.__x, C.__x
    __dunder__ = "not mangled"
print(C().get(), sorted(k for k in C.__dict__ if "x" in k), C.__dunder__)
