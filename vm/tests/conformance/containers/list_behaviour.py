# Aliasing, copying, nesting, equality and mutation during iteration.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
a[1].append(4)
a.append(5)
print(a, b, c, d, a is b, a is c, c == d)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2 == 0:
        l.remove(x)
print(l)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2]] == [1, [2]], [] < [0], [0] < [0, 0], [2] > [1, 99])
s = [3, 1, 2]
t = sorted(s)
print(s, t, s.sort(), s)
print(len([None] * 1000), [1, 2, 3][::-1], list(reversed([1, 2, 3])))
stable = sorted([("b", 1), ("a", 2), ("b", 0), ("a", 1)], key=lambda p: p[0])
print(stable)
