# Augmented assignment on numbers, sequences and targets evaluated once.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1101; print(x)
x |= 0b10000; print(x)
x ^= 0b11111; print(x)
s = "ab"; s += "cd"; s *= 2; print(s)
l = [1]
alias = l
l += [2, 3]
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)
calls = []
def key():
    calls.append("key")
    return "k"
d = {"k": 1}
d[key()] += 10
print(d, calls)
class A:
    n = 0
a = A()
a.n += 1
print(a.n, A.n)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
