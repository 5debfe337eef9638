# Slicing of sequences with positive, negative and missing bounds and steps.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-7])
print(s[::2], s[1::2], s[::-1], s[::-3], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[2:5:-1])
t = "hello world"
print(t[::-1], t[0:5], t[-5:], t[::3], t[6:100])
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1])
print(b"abcdef"[1:4], bytearray(b"xyz")[::-1])
print(range(10)[2:8:3], range(10)[::-1])
try:
    s[::0]
except ValueError as e:
    print(e)
print(s[slice(1, 4)], s[slice(None, None, -4)])
m = "abcdefgh"
print(m[-2:-6:-1], m[-1:0:-2], m[1:-1])
