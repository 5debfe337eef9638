# format() builtin and object.__format__.
print(format(42), format(42, "b"), format(3.5, ".3f"), format("x", "^5"), format([1], ""), format(None, ""))
print(format(1234.5, ",.2f"), format(0.25, "%"), format(-7, "+05d"), format(True, ""), format(2 ** 64, "_x"))
class P:
    def __format__(self, spec):
        return f"P[{spec}]"
print(format(P(), "abc"), f"{P():xyz}", "{:q}".format(P()))
try:
    format(object(), "d")
except TypeError as e:
    print(e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print(e)
