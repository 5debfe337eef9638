# Format specifications for strings and other objects.
for spec in ["", "10", "<10", ">10", "^10", "*^11", ".2", "10.3", "-<6", "=>4"]:
    print(repr(spec), repr(format("hello", spec)))
try:
    format("s", "=10")
except ValueError as e:
    print(e)
try:
    format("s", "d")
except ValueError as e:
    print(e)
print(repr(format(None, "")), repr(format([1, 2], "")), repr(format((1,), "")))
try:
    format([1], ">10")
except TypeError as e:
    print(e)
print(format(True, ">6"), format(1 + 2j, ""), format(1 + 2j, ".1f"), format(1 + 2j, ">12"))
