# Truth value via __bool__, falling back to __len__.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("__bool__")
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("__len__")
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), bool(object()))
if L(2):
    print("truthy via len")
print(not B(False))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
class BigLen:
    def __len__(self):
        return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
