# re: flags, inline flags, verbose mode.
import re

print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)
print(repr(re.I | re.M), int(re.I | re.M), re.I | re.M | re.S)
print(re.I == 2, re.M == 8, re.S == 16, re.X == 64, re.A == 256, re.U == 32)
print(re.I.name, (re.I | re.M).name, re.I.value)
print(isinstance(re.I, int), isinstance(re.I | re.M, re.RegexFlag))
print(re.search("abc", "xABCx", re.I).group())
print(re.search("(?i)abc", "xABCx").group())
print(re.search("a(?i:b)c", "aBc").group(), re.search("a(?i:b)c", "aBC"))
print(re.search("(?i)a(?-i:b)c", "AbC").group(), re.search("(?i)a(?-i:b)c", "ABC"))
print(re.findall("^\\w", "one\ntwo\nthree"), re.findall("^\\w", "one\ntwo\nthree", re.M))
print(re.findall("\\w$", "one\ntwo\nthree"), re.findall("\\w$", "one\ntwo\nthree", re.M))
print(re.findall("(?m)^t\\w+$", "one\ntwo\nthree"))
print(re.search("a.c", "a\nc"), re.search("a.c", "a\nc", re.S).group() == "a\nc", re.search("(?s)a.c", "a\nc").span())
p = re.compile(r"""
    (\d+)   # digits
    \s*     # spaces
    ([a-z]+)  # word
    \#      # a hash
    [ ]x
""", re.VERBOSE)
print(p.search("12   abc# x").groups())
print(re.search(r"(?x) a b c ", "abc").group())
print(re.search(r"(?x)a\ b", "a b").group())
print(re.search(r"(?x)a[ ]b", "a b").group())
print(re.search(r"a(?x: b c )d", "abcd").group())
print(re.search(r"\w+", "héllo", re.A).group(), re.search(r"\w+", "héllo").group())
print(re.search(r"(?a)\d+", "١٢3").group(), re.search(r"\d+", "١٢3").group())
print(re.search(r"\s+", "a\u00a0\u2003b").span(), re.search(r"\s+", "a\u00a0\u2003 b", re.A).span())
print(re.search(r"(?i)straße", "STRASSE"), re.search(r"(?i)ß", "ẞ").group())
print(re.search(r"(?i)σ", "Σ").group(), re.search(r"(?i)Σ", "ς").group())
print(re.search(r"(?i)k", "\u212a").group(), re.search(r"(?i)\u212a", "K").group())
print(re.search(r"(?i)s", "ſ").group(), re.search(r"(?i)i", "İ"), re.search(r"(?i)ı", "I").group())
print(re.search(r"(?i)[a-z]+", "HeLLo").group(), re.search(r"(?i)[^a-z]+", "HeLLo123").group())
print(re.search(r"(?i)é", "É").group(), re.search(r"(?ai)é", "É"), re.search(r"(?i)[é]", "É").group())
print(re.search("(?i)[k]", "\u212a").group(), re.search("(?i)[\u212a]", "k").group())
print(re.compile("(?i)a").flags, re.compile("a", re.I | re.S).flags, re.compile(b"a").flags, re.compile("(?a)x").flags)
print(re.compile("(?x)a").flags == re.X | re.U, re.compile("(?ims)a").flags)
print(re.search(r"\bé\b", "x é y").span(), re.search(r"(?a)\bé", "é"))
print(re.search(r"(?i)ǅ", "ǆ").group(), re.search(r"(?i)ǆ", "Ǆ").group())
print(re.findall(r"(?i)[^k]", "kK\u212ax"))
print(re.search(r"(?u)x", "x").group())
print(re.fullmatch(r"(?s:.)+", "a\nb").group() == "a\nb")
print(re.search(r"(?m:^b)", "a\nb").span())
