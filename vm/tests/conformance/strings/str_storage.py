# Strings of every storage size (short ones live inside the object, long
# ones in a buffer): equality, hashing and dict/set lookups must not depend
# on how a string was built.
lengths = [0, 1, 7, 8, 15, 16, 22, 23, 24, 25, 31, 32, 33, 100, 1000]
for ch in ["a", "\xe9", "\u20ac", "\U0001F600"]:
    row = []
    for n in lengths:
        a = ch * n
        b = "".join([ch] * n)
        c = (ch * (n + 3))[3:] if n else ""
        d = f"{a}"
        e = "%s" % a
        f = "{}".format(b)
        g = (a + "xyz")[:n] if ch == "a" else a
        same = a == b == c == d == e == f == g
        hashes = len({hash(x) for x in (a, b, c, d, e, f, g)})
        row.append((n, len(a), same, hashes, len(a.encode()), a[-1:] == ch * (n > 0)))
    print(ascii(ch), row)
keys = ["k%d" % i for i in range(3000)] + ["long key number %d with some padding" % i for i in range(3000)]
d = {}
for i, k in enumerate(keys):
    d[k] = i
rebuilt = ["".join(["k", str(i)]) for i in range(3000)] + ["long key number " + str(i) + " with some padding" for i in range(3000)]
print(len(d), all(d[k] == i for i, k in enumerate(rebuilt)), len(set(keys) | set(rebuilt)))
print(sum(1 for k in rebuilt if k in d), "k3000" in d, d.get("k2999"), d.get("long key number 2999 with some padding"))
words = ("Alpha beta GAMMA delta " * 50).split()
print(len(words), words[:4], [w.lower() for w in words[:4]], [w.upper() for w in words[:4]], [w.capitalize() for w in words[:4]])
print(sorted({w.lower() for w in words}), "x".join(words[:3]), words[0] + words[1], words[2][1:3], words[3] * 3)
s = "ünïcödé text that is longer than twenty-four bytes"
print(len(s), len(s.encode()), s[3], s[-5:], s.upper()[:10], s.find("text"), s.split()[0], hash(s) == hash(s[:]), s == "ünïcödé" + s[7:])
class T(str):
    pass
t = T("twenty-five characters!!!")
print(t == "twenty-five characters!!!", hash(t) == hash("twenty-five characters!!!"), {t: 1}["twenty-five characters!!!"], type(t + "").__name__, len(t))
print([len(str(10 ** k)) for k in range(0, 60, 7)], str(2 ** 100), int("9" * 30) + 1, repr("q" * 24), repr("q" * 25)[-4:])
print(" a b ".strip(), "xxabcxx".strip("x"), "a,b,,c".split(","), "  lead".lstrip(), "trail  ".rstrip() + "|", "Hello World".swapcase(), "hello world".title())
