# strip/lstrip/rstrip/removeprefix/removesuffix/center/ljust/rjust/zfill/expandtabs.
s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("cmowz."), "mississippi".rstrip("ipz"))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "file.py".removesuffix(".py"), "x".removesuffix(""))
print(repr("hi".center(7)), repr("hi".center(6, "*")), repr("odd".center(6, "-")), repr("long".center(2)))
print(repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("42".zfill(5)), repr("-42".zfill(6)), repr("+7".zfill(4)), repr("abc".zfill(2)))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(0)), repr("ab\n\tx".expandtabs(3)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
