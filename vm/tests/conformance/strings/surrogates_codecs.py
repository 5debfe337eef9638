# Lone surrogates in str and every codec x error handler pair, including escape codecs.
s = "a\ud800b\udcff"
print(repr(s), len(s), [hex(ord(c)) for c in s], repr(s[1]), repr(s[1:3]), repr(s[::-1]), repr(s * 2))
print(s == "a\ud800b\udcff", s == "a\ufffdb\ufffd", "\ud800" < "\ue000", "\ud800" > "\ud7ff", "\ud800" in s, "\ufffd" in s)
print(repr(s + "x"), repr("x" + s), repr("-".join([s, "q"])), hash(s) == hash("a\ud800" + "b\udcff"))
print(repr(chr(0xdc80)), ord(chr(0xdfff)), repr(list("\ud83d\ude00")), len("\ud83d\ude00"), "\ud83d\ude00" == "\U0001F600")
print(s.encode("utf-8", "surrogatepass"), s.encode("utf-8", "surrogateescape") if False else "", s.encode("utf-16-le", "surrogatepass"))
for errors in ["strict", "surrogateescape", "replace", "ignore", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogatepass", "bogus"]:
    for enc in ["utf-8", "ascii", "latin-1", "utf-16", "utf-32-be", "cp1252"]:
        try:
            r = s.encode(enc, errors)
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
            if isinstance(e, UnicodeError): r += f" {e.start} {e.end} {e.reason!r} {e.encoding}"
        print(errors, enc, r)
data = b"ab\xff\xed\xa0\x80c\xe2\x82"
for errors in ["strict", "surrogateescape", "replace", "ignore", "backslashreplace", "surrogatepass", "xmlcharrefreplace"]:
    for enc in ["utf-8", "ascii", "utf-16-le", "utf-32", "cp1252", "latin-1"]:
        try:
            r = repr(data.decode(enc, errors))
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
        print(errors, enc, r)
x = b"\xff\xfe".decode("utf-8", "surrogateescape")
print(repr(x), x.encode("utf-8", "surrogateescape"), x.encode("latin-1", "surrogateescape"))
print("héllo €".encode("ascii", "namereplace"), "\x00\t".encode("ascii", "namereplace"))
print(repr(str(b"\xff", "utf-8", "surrogateescape")), repr(bytearray(b"\xc3\xa9").decode()))
print(repr(b"\xd8\x00\xdc\x00\x00\xd8".decode("utf-16-be", "surrogatepass")))
print(repr("\udcff".encode("utf-16", "surrogatepass")))
for t in [b"a\\nb", b"\\x41\\u20ac\\U0001F600", b"\\101\\7", b"\\N{EURO SIGN}", b"\\", b"\\x4", b"\\u12",
          b"\\U00110000", b"\\N{NOPE}", b"\\N{", b"\xe9\\\n!", b"\\'\\\"\\a\\b\\f\\v"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            r = ascii(t.decode("unicode_escape", errors))
        except UnicodeDecodeError as e:
            r = f"{type(e).__name__}: {e}"
        print(t, errors, r)
for t in [b"\\u20ac\\x41\\", b"\\\\u20ac", b"\\u12", b"\\U00110000", b"\xe9"]:
    try:
        print(t, ascii(t.decode("raw_unicode_escape")))
    except UnicodeDecodeError as e:
        print(t, type(e).__name__, e)
s = "a\nb\\'\"\x7f\xe9\u20ac\U0001F600\ud800\t\r\x00"
print(s.encode("unicode_escape"), s.encode("raw_unicode_escape"))
e = UnicodeDecodeError("utf-8", bytearray(b"\xff"), 0, 1, "bad")
print(e.encoding, e.object, e.start, e.end, e.reason, e.args, str(e))
e = UnicodeEncodeError("ascii", "\ud800x", 0, 2, "why")
print(e.object == "\ud800x", str(e), str(UnicodeTranslateError("ab", 0, 1, "r")), UnicodeTranslateError("ab", 0, 1, "r").encoding)
for f in [lambda: UnicodeEncodeError("a"), lambda: UnicodeEncodeError(1, "a", 0, 1, "r"), lambda: UnicodeEncodeError("e", "a", "x", 1, "r"),
          lambda: UnicodeDecodeError("e", "ab", 0, 1, "r")]:
    try:
        f()
    except TypeError as e:
        print(e)
