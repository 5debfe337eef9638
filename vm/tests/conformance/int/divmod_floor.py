# Floor division and modulo follow the sign of the divisor.
for a in [7, -7, 0, 13, -13]:
    for b in [2, -2, 5, -5]:
        print(a, b, a // b, a % b, divmod(a, b), a // b * b + a % b == a)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(e)
