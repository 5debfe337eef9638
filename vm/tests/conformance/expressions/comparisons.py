# Comparisons across types.
print(1 < 2.5, 2 == 2.0, "abc" < "abd", "Z" < "a", "" < "a")
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"))
print([] == [], [] == (), {} == {}, {1: 2} == {1: 2.0})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 3} > {1}, {1} == frozenset([1]))
print(None == None, None == 0, None != False)
try:
    print(1 < "a")
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
try:
    print(None < None)
except TypeError as e:
    print(e)
try:
    print({} <= {})
except TypeError as e:
    print(e)
print(max("apple", "banana"), min([3, 1], [2, 9]))
print(float("inf") > 10 ** 300, -float("inf") < -10 ** 300)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
