# `in`, ordering and equality of lists and tuples: element order of
# comparisons, mutation during a comparison, NaN, mixed types, subclasses.
nan = float("nan")
print(nan in [nan], nan in (nan,), [nan] == [nan], (nan,) < (nan, 1), [1, nan] < [1, 2])
print((1, 2) < (1, 2, 0), [3] > [2, 9], (1, "a") <= (1, "a"), [] == [], () != (), [1] == (1,))
for a, b in [((1, "x"), (1, 2)), ([1, [2]], [1, 3]), ((None,), (None,))]:
    for op in ["<", "<=", "==", "!=", ">", ">="]:
        try:
            print(op, eval("a %s b" % op))
        except TypeError as e:
            print(op, "TypeError:", e)

class Loud:
    def __init__(self, v, log):
        self.v, self.log = v, log
    def __eq__(self, other):
        self.log.append(("eq", self.v, getattr(other, "v", other)))
        return NotImplemented
    def __lt__(self, other):
        self.log.append(("lt", self.v, getattr(other, "v", other)))
        return True

log = []
xs = [Loud(1, log), Loud(2, log)]
print(5 in xs, log)
log.clear()
print((Loud(1, log),) < (Loud(2, log),), log)
log.clear()
print([Loud(1, log)] == [Loud(1, log)], log)

class Shrinker:
    def __init__(self, lst):
        self.lst = lst
    def __eq__(self, other):
        self.lst.clear()
        return False
lst = []
lst.extend([Shrinker(lst), 1, 2, 3])
print(3 in lst, len(lst))

class L(list):
    def __contains__(self, x):
        return "sub"
    def __lt__(self, other):
        return "L.__lt__"
print(1 in L([1]), L([1]) < L([2]), [1] < L([2]), L() == [], 2 in (1, 2), "b" in ("a", "b"))
