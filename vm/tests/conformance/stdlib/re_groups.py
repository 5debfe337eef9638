# re: groups, named groups, backreferences, lastindex/lastgroup, Match API.
import re

m = re.match(r"(\w+) (\w+)(?: (\w+))?", "Isaac Newton")
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3))
print(m.group(1, 2), m.group(0, 3))
print(m.groups(), m.groups("-"))
print(m[0], m[1], m[2], m[3])
print(m.start(), m.end(), m.span(1), m.span(3), m.start(3), m.end(3))
print(m.regs)
print(m.lastindex, m.lastgroup)

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?", "Malcolm Reynolds")
print(m.group("first"), m["last"], m.groupdict(), m.groupdict("?"))
print(m.span("last"), m.start("first"), m.lastindex, m.lastgroup)
print(m.re.groupindex, dict(m.re.groupindex), m.re.groups)
for bad in [4, -1, "nope", 1.5]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
try:
    m["zzz"]
except IndexError as e:
    print("IndexError", e)

print(re.match(r"(a)(b)?", "a").lastindex)
print(re.match(r"((a)b)", "ab").lastindex)
print(re.match(r"(a)(b)", "ab").lastindex)
print(re.match(r"(?:a)", "a").lastindex)
print(re.match(r"(?P<x>a)|(?P<y>b)", "b").lastgroup)
print(re.match(r"(a)|b", "b").lastindex)

print(re.search(r"(\w)\1", "abccd").group())
print(re.search(r"(?P<c>\w)(?P=c)", "xyzzy").group())
print(re.search(r"(?i)(a)\1", "aA"))
print(re.search(r"(a)|\1", "x"))
print(re.match(r"(a*)*", "aaa").groups())
print(re.match(r"(a|b)*", "abba").groups())
print(re.match(r"(?:(a)|b)*", "ab").groups())
print(re.match(r"(?:(a)|(b))*", "ab").groups())
print(re.match(r"(a)?(?(1)b|c)", "ab").group(), re.match(r"(a)?(?(1)b|c)", "c").group())
print(re.match(r"(?P<q>')?x(?(q)')", "'x'").group(), re.match(r"(?P<q>')?x(?(q)')", "x'").group())
print(re.match(r"(a)(?(1)|b)", "a").group())
print(re.match(r"((a)|(b))+", "ab").groups())
print(re.match(r"(?P<a>x)(?P<b>y)?", "x").groupdict())
print(re.match(r"(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)\11", "abcdefghijkk").group(11))
print(re.match(r"(a)\1{3}", "aaaa").group())
print(re.search(r"(?:(\d+)-)+", "1-22-333-").groups())

m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "on 2023-07-14")
print(m.expand(r"\g<month>/\g<year> \1 \g<0> \\n \n"))
print(m.expand(r"[\2]"))
print(repr(m), bool(m))
print(repr(re.search(b"b+", b"abbbc")))
print(repr(re.search("x" * 100, "x" * 100)))
print(m.__copy__() is m)

m = re.match(r"(a)(b)", "ab")
print(m.start(1), m.end(2), m.span(2))
print(re.match(r"()", "").groups(), re.match(r"()", "").span(1))
print(re.match(r"(?:)", "x").span())
print(re.match("(?P<n1>a)(?P<n2>b)", "ab").lastgroup)
m = re.match(r"(?P<x>a)", "a")
print(m.groupdict(), m.group("x"))
print(re.search(r"(?P<x>é+)", "aééb").span("x"))

# Match objects from the other entry points, scanner, copying
import copy
ms = list(re.finditer(r"(?P<d>\d)", "a1b2", 1))
print([(m.span(), m.pos, m.endpos, m.lastgroup, m.re.pattern) for m in ms])
print(copy.copy(ms[0]) is ms[0], copy.deepcopy(ms[0]) is ms[0])
p = re.compile(r"(a)|(b)")
print(copy.copy(p) is p, copy.deepcopy(p) is p)
sc = p.scanner("ab-a")
print(sc.match().span(), sc.match().span(), sc.match(), sc.match())
sc = p.scanner("xab-a")
print([sc.search().span() for _ in range(3)], sc.search())
try:
    re.Match()
except TypeError as e:
    print("TypeError", e)
try:
    re.Pattern()
except TypeError as e:
    print("TypeError", e)
print(re.Match[str], re.Pattern[bytes])
m = re.match(r"(a)(?P<b>b)?", "a")
print(m.group(True), m[False], m.span(True))
print(m.groups(default=0), m.groupdict(default="z"))
print(m.start("b"), m.end("b"), m.span("b"))
print(re.match("a", "a").string, re.match(b"a", bytearray(b"ab")).group(), re.match(b"a", bytearray(b"ab")).string)
m = re.search(r"(?P<x>\w)(?P<y>\w)?", "ab")
print(m.regs, m.lastindex, m.lastgroup)
print(m.expand(r"\g<y>\g<x>"), m.expand(b"x") if False else "")
