# re: sub, subn, split, templates and callables.
import re

print(re.sub(r"\d", "#", "a1b22c333"))
print(re.sub(r"\d+", "#", "a1b22c333", count=2))
print(re.subn(r"\d+", "#", "a1b22c333"))
print(re.subn(r"z", "#", "abc"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?P<a>\w)(?P<b>\w)", r"\g<b>\g<a>", "abcdef"))
print(re.sub(r"(\w)", r"\g<1>\g<0>", "abc"))
print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"", "-", "abc"))
print(re.sub(r"a|(b)", r"[\1]", "ab"))
print(re.sub(r"a", r"\n\t\\", "xax"))
print(repr(re.sub(r"a", "\\x", "a")) if False else "skip")
print(re.sub(r"a", r"\0", "a"), repr(re.sub(r"a", r"\07", "a")), repr(re.sub(r"a", r"\101", "a")))
print(re.sub(r"(a)", r"\1\1", "banana"))
print(re.sub(r"\s+", " ", "  many   spaces\there \n"))
print(re.sub("a", lambda m: m.group().upper(), "banana"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 2 30 x"))
print(re.subn(r"\d", lambda m: "", "a1b2"))
print(re.sub(r"(?i)b", "X", "aBcb"))
print(re.sub(r"é", "e", "café crème"))
print(re.sub(r"^", "> ", "line1\nline2", flags=re.M))
print(re.sub(r"$", "!", "a\nb\n", flags=re.M))
print(re.compile(r"o").sub("0", "foo boo", 3))
print(re.sub(r"a", "", "aaa"))
print(re.sub(b"a+", b"-", b"baaac"))
print(re.sub(b"(a)", rb"<\1>", b"banana"))
print(re.sub(b"a", lambda m: b"A", b"banana"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"))

print(re.split(r",", "a,b,,c"))
print(re.split(r"\s*,\s*", "a , b,c"))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r",", "a,b,c", maxsplit=1))
print(re.split(r",", "a,b,c", 2))
print(re.split(r"x*", "axbc"))
print(re.split(r"", "abc"))
print(re.split(r"\b", "hi there"))
print(re.split(r"\d", "no digits"))
print(re.split(r"(a)(x)?", "1a2a3"))
print(re.split(b",", b"1,2,3"))
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"é", "aébéc"))

for tmpl in [r"\2", r"\g<x>", r"\g<1", r"\g<>", r"\g<a b>", "\\", r"\q", r"\g", r"\400"]:
    try:
        print(re.sub(r"(a)", tmpl, "a"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub("a", 1, "a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print("TypeError", e)
print(re.sub("a", lambda m: None, "bab") if False else "skip")
for p, r, s in [("a", 1, "a"), (b"a", 1, b"a"), ("a", b"x", "a"), (b"a", "x", b"a"), ("a", None, "a")]:
    try:
        print(re.sub(p, r, s))
    except TypeError as e:
        print("TypeError", e)
for p, f, s in [("a", lambda m: 1, "ba"), (b"a", lambda m: 1, b"ba"), (b"a", lambda m: "x", b"ba"),
                ("a", lambda m: b"x", "ba"), ("a", lambda m: None, "bab"), (b"a", lambda m: bytearray(b"z"), b"a")]:
    try:
        print(repr(re.sub(p, f, s)))
    except TypeError as e:
        print("TypeError", e)
print(re.split("x", "axb", maxsplit=-1), re.sub("a", "b", "aaa", count=-1), re.subn("a", "b", "aaa", -2))
print(re.sub(b"a", bytearray(b"\\x"), b"a") if False else "skip")

# re.Scanner (undocumented; tokenizers use it)
scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", lambda s, t: ("ident", t)),
    (r"(\d+)(\.\d*)?", lambda s, t: ("number", t, s.match.group(0))),
    (r"[=+*/-]", lambda s, t: ("op", t)),
    (r"\s+", None),
])
print(scanner.scan("x = 3.5 + foo*2 ?rest"))
print(re.Scanner([(r"a", "A"), (r"b", lambda s, t: t.upper())]).scan("abba!"))
