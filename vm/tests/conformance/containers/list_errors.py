# Error messages of list operations.
l = [1, 2, 3]
tests = [
    lambda: l[3], lambda: l[-4], lambda: l["a"], lambda: l[1.0], lambda: l.pop(10), lambda: [].pop(),
    lambda: l.remove(9), lambda: l.index(9), lambda: l.index(1, 1), lambda: l.insert(), lambda: l.sort(key=1),
    lambda: [1, "a"].sort(), lambda: l + 1, lambda: l * "a", lambda: l.__setitem__(5, 0), lambda: l.append(1, 2),
    lambda: sorted([3, None]), lambda: [].extend(5), lambda: l.sort(reverse=None) or l.sort(foo=1),
    lambda: max([]), lambda: min([], default=None) or min([]),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
