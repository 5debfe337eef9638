# while loops with break, continue and else.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while-else runs when the condition becomes false")
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("never")
print("n", n)
count = 3
while count:
    count -= 1
print("count", count)
x = 10
while x > 0:
    x -= 3
    if x == 4:
        break
else:
    print("else, x =", x)
print("x", x)
