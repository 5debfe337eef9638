# for loops over many iterables, with else/break/continue and target forms.
for ch in "abc":
    print(ch, end=" ")
print()
for i in range(3):
    pass
print("i after loop", i)
for k in {"one": 1, "two": 2}:
    print(k)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for x in []:
    print("never")
else:
    print("else on empty")
for x in range(10):
    if x == 3:
        print("break at", x)
        break
else:
    print("never")
for x in range(6):
    if x % 2:
        continue
    print("even", x)
d = {}
for d["key"] in [1, 2]:
    pass
print(d)
l = [0, 0, 0]
for i, l[i] in enumerate("xyz"):
    pass
print(l)
for i, (a, *b) in enumerate([(1, 2, 3), (4,)]):
    print(i, a, b)
