# re: re.error messages and positions, TypeErrors and ValueErrors.
import re

bad = [
    "(", "(abc", "a)", ")", "*", "a**", "a*+*", "+a", "?", "a{3,2}", "[a", "[", "[]", "[z-a]",
    r"[\d-z]", r"[a-\d]", r"\q", r"\\\q", "\\", r"(a)\2", r"\1", r"(a\1)", r"\8", r"[\8]",
    r"\x4", r"\xg0", r"\u12", r"\U0011ffff", r"\N{nope}", r"\N", r"\N{", r"[\400]", r"\400",
    "(?P<1>a)", "(?P<a", "(?P<>a)", "(?P<a>a)(?P<a>b)", "(?P=b)", "(?P=", "(?Px)", "(?P",
    "(?", "(?z)", "(?<z)", "(?<", "(?#abc", "a(?i)b", "(?i", "(?i-", "(?-", "(?i-i:a)",
    "(?a-u:a)", "(?L)a", "(?au)", "(?t:a)", "(?-t:a)", "(?i-z:a)", "(?iz)", "(?i:a",
    "(?(1)a|b)", "(?(0)a)", "(?(x)a)", "(?(1a)a)", "(?(1)a|b|c)", "(?(2)a)(b)",
    "(?<=a+)b", "(?<!a|bc)d", "(?<=(a)\\1)", "(?=a", "x|*", "^*", r"\b+", "a{1,2}{3}",
    "(?P<a>x)(?P=a", "ab\n(c", "(?x)(\n#x\n", r"[a-]b\)",
]
for pat in bad:
    try:
        re.compile(pat)
        print("ok", repr(pat))
    except re.error as e:
        print(repr(pat), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == pat)
    except (OverflowError, ValueError) as e:
        print(repr(pat), type(e).__name__, e)

for pat in [b"\\u1234", b"(?u)a", b"[\\xe9-a]", b"\\\xe9q" ]:
    try:
        re.compile(pat)
        print("ok", pat)
    except re.error as e:
        print(pat, "|", e)

for pat, fl in [("a", re.L), ("a", re.A | re.U), (b"a", re.U), (b"a", re.A | re.L)]:
    try:
        re.compile(pat, fl)
    except ValueError as e:
        print("ValueError", e)
try:
    re.compile("a{4294967296}")
except OverflowError as e:
    print("OverflowError", e)
try:
    re.compile(1)
except TypeError as e:
    print("TypeError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
for args in [("a", b"a"), (b"a", "a"), ("a", 1), ("a", None)]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile("(" * 3000)
except RecursionError:
    print("RecursionError")
except re.error as e:
    print("re.error")
e = re.error("msg")
print(e, e.msg, e.pos, e.pattern, e.lineno)
e = re.error("msg", "ab\ncd", 4)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
try:
    re.compile("a(b")
except re.error as e:
    print(type(e).__name__, repr(str(e)))
re.compile("(?<=a|b)c")
re.compile("(?<=ab|cd)e")
print(re.search("(?<=(?:ab|cd))e", "cde").span())
