# Tuple comparisons (the tagged-int shortcut and the general path), indexing of lists and
# tuples with small ints, and subclasses whose __getitem__ must be honoured.
print((1, 2) < (1, 3), (1, 2) > (1, -3), (2,) <= (2, 0), (5, 1) >= (5, 1), (3, "a") < (3, "b"), (1, 2.5) < (1, 2))
print(sorted([(v % 7, -v) for v in range(20)])[:5])
print([1, 2] < [1, 3], [(1, 2)] < [(1, 1)])
try: (1, "a") < (1, 2)
except TypeError as e: print(e)
l = [10, 20, 30]; t = (1, 2, 3)
print(l[0], l[-1], t[1], t[-3])
try: l[3]
except IndexError as e: print(e)
try: t[-4]
except IndexError as e: print(e)
class L(list):
    def __getitem__(self, i): return "over"
print(L([1])[0])
print(l[True], t[False])
class T(tuple):
    def __getitem__(self, i): return ("tover", i)
print(T((1, 2))[1], T((1, 2))[0:1])
class L3(list): pass
print(L3([4, 5])[-1], L3([4, 5])[0:1])
try: L3([])[0]
except IndexError as e: print(e)
