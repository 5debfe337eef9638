a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = 'hello'
print(first, rest)
l = [1, 2, 3]
l[1:2] = [7, 8, 9]
l[0] += 10
print(l, l[::2], l[-1], l[1:-1])
del l[::2]
print(l)
d = {'a': 1}
d['a'] += 5
d.setdefault('b', []).append(3)
print(d, {**d, 'c': 3}, {k: v for k, v in d.items() if k != 'b'})
print({x % 3 for x in range(10)}, [i * j for i in range(3) for j in range(3) if i != j])
print([y := 10, y ** 2], (n := len('abc')) + n)
def walrus_comp():
    data = [1, 5, 10]
    if any((big := v) > 4 for v in data):
        return big
print(walrus_comp())
t = 1,
print(t, (), (1, 2) + (3,), [*range(3), *'ab'], {*range(2)})
print(f"{3.14159:.2f} {'x'!r} {42:>5} {'y':^5}|{1+1=} {'nested {}'.format(1)} {{literal}}")
w = 10
print(f"{w:{w}d}|{w!s:>{w // 2}}|")
s = 'abc'
print(s[::-1], s * 2, 'b' in s, 'z' not in s, s is s, s is not None)
print(-2 ** 2, (-2) ** 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** -1, 1 << 3, 0xff & 0x0f, 5 ^ 1, ~5, +5)
print(1 if 0 else 2, 0 or [] or 'x', 1 and 2 and 3, not [])
i = 0
i += 1; i -= 3; i *= 4; i //= 3; i **= 2; i <<= 1; i >>= 1; i |= 8; i &= 12; i ^= 1
print(i)
class P:
    def __init__(self): self.v = 1
p = P()
p.v += 10
print(p.v)
print(int('12') + 3, float('1.5'), str(None), repr('q'), bool(0), 10 / 4, divmod(7, 2))
print(0.1 + 0.2, 1e100, -0.0, 1j * 1j, 2 - 3j, 10**20, -10**20, 0o17, 0b101, 1_000)
print(__debug__, __name__)
big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, x]
print(len(big), sum(big))
print(*[1, 2], sep='-')
print(*'abc', end='!\n')
