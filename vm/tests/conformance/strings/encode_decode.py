# str.encode and bytes.decode with various codecs and error handlers.
s = "héllo €"
for enc in ["utf-8", "utf-16-le", "utf-16", "latin-1", "ascii", "utf-32-be", "cp1252"]:
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"),
      s.encode("ascii", "backslashreplace"))
bad = b"ab\xffcd\xc3"
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print("\U0001F600".encode("utf-8"), "\U0001F600".encode("utf-16-le"), len("\U0001F600"))
print(b"caf\xc3\xa9".decode(), bytes("abc", "ascii"), str(b"abc", "utf-8"))
print("Straße".encode("utf-8").decode("latin-1"))
