# Bitwise operations on big and negative integers, bit_length, bit_count.
x = 0b1011_0110
print(x, bin(x), x & 0xF, x | 0x100, x ^ 0xFF, ~x, x << 3, x >> 2)
big = (1 << 100) | 0xF0F0
print(big & 0xFFFF, big >> 96, bin(big)[:10], big ^ big, (big | 1) & 1)
print(-1 & 0xFF, -256 & 0xFF, -1 ^ 0, ~(1 << 70), -(1 << 70) >> 3, -5 >> 1, -(2 ** 100) | 1)
for n in [0, 1, 255, 256, -1, -256, 2 ** 100, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count())
print((-12345678901234567890) & 0xFFFFFFFF, (-12345678901234567890) | 0xFFFF)
print(((1 << 200) - 1) >> 195, 1 << 0, 7 >> 10, -7 >> 10)
