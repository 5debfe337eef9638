# Lone surrogates through the str operations: indexing, slicing, search,
# splitting, stripping, replacing, hashing, comparisons, formatting.
s = "x\ud800y\udcffz\ud800"
print(len(s), ascii(s[0]), ascii(s[1]), ascii(s[-1]), ascii(s[-2]), ascii(s[1:4]), ascii(s[::2]), ascii(s[::-2]), ascii(s[5:0:-1]))
print([ascii(c) for c in s], ascii("".join(reversed(s))), ascii(list(iter(s))[5]))
print(s.find("\ud800"), s.rfind("\ud800"), s.find("\udcff"), s.find("\ufffd"), s.find("\ud800", 2), s.find("y\udcff"), s.find("\ud801"))
print(s.index("\udcff"), s.rindex("\ud800"), s.count("\ud800"), s.count("\ufffd"), s.count(""), s.count("\ud800", 0, 3))
print("\ud800" in s, "\ud801" in s, "\ufffd" in s, "y\udcffz" in s, "" in s)
print("a\ufffdb".find("\ud800"), "a\ufffdb".count("\ud800"), "\ud800" in "a\ufffdb", "a\ufffdb".find("\ufffd"))
print(s.startswith("x\ud800"), s.startswith("x\ufffd"), s.endswith("\ud800"), s.endswith("\ufffd"), s.startswith(("q", "x\ud800y")))
print(ascii(s.split("y")), ascii(s.split("\udcff")), ascii(s.rsplit("\ud800", 1)), ascii(s.split()), ascii("\ud800 \udc00\n\ud801".split()))
print(ascii(s.partition("\udcff")), ascii(s.rpartition("\ud800")), ascii(s.partition("\ufffd")), ascii(s.split("\ufffd")))
print(ascii(s.replace("\ud800", "-")), ascii(s.replace("y", "\udc80")), ascii(s.replace("\ufffd", "?")), ascii(s.replace("", ".", 2)))
print(ascii(" \ud800 ".strip()), ascii("\ud800x\ud800".strip("\ud800")), ascii("\ud800x\ufffd".strip("\ufffd")), ascii("ab\udc80".rstrip("b")))
print(ascii(s.removeprefix("x\ud800")), ascii(s.removesuffix("z\ud800")), ascii(s.removeprefix("x\ufffd")))
print(ascii("\ud800a\nb\udc00".splitlines()), ascii("\ud800".center(5, "*")), ascii("\ud800".ljust(3)), ascii("\ud800".zfill(3)))
print(ascii(s.upper()), ascii(s.lower()), ascii("\ud800ab".title()), ascii("\ud800ab".capitalize()), ascii(s.swapcase()))
print(s.isalpha(), "\ud800".isprintable(), "\ud800".isspace(), "\ud800".isidentifier(), "\ud800".isascii())
t = "\udc80" * 3
print(len(t), ascii(t), ascii(t * 2), ascii(t[1:]), ascii("+".join(["\ud800", "", "\udfff"])), ascii("\ud800".join("ab")))
print(hash("\ud800") == hash("\ud800"), hash("\ud800") == hash("\ud801"), hash("a\ud800"[1:]) == hash("\ud800"))
d = {"\ud800": 1, "\ufffd": 2, "\udc00": 3}
print(d["\ud800"], d["\ufffd"], d["\udc00"], len(d), "\ud801" in d)
print(len({"\ud800", "\ud800" + "", chr(0xd800), "\ufffd"}), ascii(max("\ud800", "\ue000", "\ud7ff")), ascii(min(s)))
print("\ud800" == "\ufffd", "\ud800" != "\ud800", "\ud800" < "\ud801", "\ud800" <= "\ud800", "\ud800a" > "\ud800", "\ud7ff\uffff" < "\ud800")
print(ascii(f"{s}|{s!r}|{s!a}"), ascii("%s|%r|%a" % (s, s, s)), ascii("{}|{}".format(s, "\udc00")), ascii(format(s, ">8")))
print(ascii(str(s)), ascii(repr(s)), repr(s) == "'x\\ud800y\\udcffz\\ud800'", ascii(s.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")))
print(s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass") == s, s.encode("utf-32", "surrogatepass").decode("utf-32", "surrogatepass") == s)
b = bytes(range(0x80, 0x100))
u = b.decode("ascii", "surrogateescape")
print(len(u), ascii(u[:3]), u.encode("ascii", "surrogateescape") == b, u.encode("utf-8", "surrogateescape") == b, ascii(u[5]), hex(ord(u[-1])))
try:
    s.encode("utf-8")
except UnicodeEncodeError as e:
    print(e.start, e.end, ascii(e.object[e.start:e.end]), e)
print(ascii(s.encode("utf-8", "replace")), ascii(s.encode("ascii", "backslashreplace")), ascii(s.encode("latin-1", "xmlcharrefreplace")))
class S(str):
    pass
ss = S("\ud800q")
print(ascii(ss), ascii(str(ss)), type(str(ss)).__name__, ss == "\ud800q", hash(ss) == hash("\ud800q"), ascii(ss + "\udc00"), ascii(ss[0]))
print(ascii(chr(0xd800) + chr(0xdc00)), len(chr(0xd800) + chr(0xdc00)), [hex(ord(c)) for c in chr(0xd83d) + chr(0xde00)])
print(ascii(str(memoryview(b"\xed\xa0\x80").tobytes().decode("utf-8", "surrogatepass"))))
print("\ud800".encode("unicode_escape"), "\ud800".encode("raw_unicode_escape"), ascii("\\ud800".encode().decode("unicode_escape")))
x = "a" * 30 + "\ud800" + "b" * 30
print(len(x), x.find("\ud800"), x.index("b"), ascii(x[29:32]), x.count("b"), ascii(x.split("\ud800")[1][:3]), x[30] == "\ud800")
