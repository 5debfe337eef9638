# slice objects: attributes, indices(), use as subscripts.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None, -1))
print(s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(-100, 100).indices(4))
data = list(range(10))
print(data[s], data[slice(-3, None)], "abcdef"[slice(None, None, 2)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print(e)
try:
    hash(slice(1, 2))
except TypeError as e:
    print(e)
class Capture:
    def __getitem__(self, key):
        return key
c = Capture()
print(c[1:2], c[::], c[1:2, 3], c[..., 1:], c[:, :2])
