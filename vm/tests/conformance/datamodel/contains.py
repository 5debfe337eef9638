# __contains__, then __iter__, then __getitem__ for the in operator.
class WithContains:
    def __contains__(self, x):
        print("__contains__", x)
        return x == 1
class WithIter:
    def __iter__(self):
        print("__iter__")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(1 in WithContains(), 2 in WithContains(), 2 not in WithContains())
print(3 in WithIter(), 4 in WithIter())
print(20 in WithGetitem(), 25 in WithGetitem())
class ReturnsTruthy:
    def __contains__(self, x):
        return "yes"
print(5 in ReturnsTruthy())
try:
    1 in 5
except TypeError as e:
    print(e)
