# bytes methods mirror str methods.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" H"), b.upper(), b.lower(), b.swapcase())
print(b"a,b,c".split(b","), b"a b  c".split(), b"a,b,c".rsplit(b",", 1), b"x\ny\r\nz".splitlines())
print(b"-".join([b"a", b"b"]), b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"L", 1))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".index(b"e"), b"hello".count(b"l"), b"hello".find(108))
print(b"hello".startswith(b"he"), b"hello".endswith((b"lo", b"x")), b"key=val".partition(b"="), b"a=b=c".rpartition(b"="))
print(b"abc".center(7, b"*"), b"abc".ljust(5), b"abc".rjust(5, b"0"), b"42".zfill(5), b"a\tb".expandtabs(4))
print(b"hello world".title(), b"hello".capitalize(), b"abc123".isalnum(), b"abc".isalpha(), b"123".isdigit(),
      b"  ".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"abcabc".removeprefix(b"ab"), b"abcabc".removesuffix(b"bc"))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"hello".translate(None, b"l"))
print(b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"))
try:
    b"abc".index(b"z")
except ValueError as e:
    print(e)
try:
    b"a".join(["s"])
except TypeError as e:
    print(e)
