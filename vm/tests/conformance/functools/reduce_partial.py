# functools.reduce and functools.partial.
from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6)), reduce(operator.add, [], 0), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2], []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=7)
two_to = partial(power, 2)
print(square(9), cube_mod(4), two_to(10), square.func is power, square.args, square.keywords)
p2 = partial(partial(power, 3), 4)
print(p2(), p2.args, p2.func is power)
print(repr(partial(power, 1))[:18])
int2 = partial(int, base=2)
print(int2("1010"), int2("11", base=10))
