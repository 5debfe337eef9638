# __repr__ and __str__ and where each is used.
class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly-repr"
b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {b!s} {r}")
print("%s %r" % (b, b))
print("{} {!r}".format(b, b))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class StrSub(str):
    def __str__(self):
        return "custom str"
print(str(StrSub("x")), repr(StrSub("x")))
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("\n\t\\"), repr("\x00\x7f\u00e9\u4e2d"))
print(str(1.0), repr(1.0), str(None), repr(...), str(b"b"), repr([1, "a", None]))
