# Unpacking and collecting a list or tuple subclass goes through its __iter__ (only exact
# lists and tuples take the fast paths).
class L(list):
    def __iter__(self):
        return iter([7, 8])
a, b = L([1, 2])
print(a, b)
class T(tuple):
    def __iter__(self):
        return iter([5, 6])
a, b = T((1, 2))
print(a, b)
print(list(L([1, 2])), tuple(T((1, 2))), [*L([3])], sorted(L([9, 1])))
a, *b = L([1, 2, 3])
print(a, b)
class L2(list): pass
x, y = L2([1, 2]); print(x, y, list(L2([4, 5])))
