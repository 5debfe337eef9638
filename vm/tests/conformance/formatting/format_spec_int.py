# Format specifications for integers.
for spec in ["d", "5d", "<5d", "^5d", ">5d", "05d", "+d", " d", "-d", "x", "X", "#x", "#X", "o", "#o",
             "b", "#b", "010b", ",", "_", "_x", "c", "n", "=+8d", "*^9", "#010x", ",d", "e", ".2f", "%"]:
    try:
        print(repr(spec), repr(format(255, spec)), repr(format(-42, spec)))
    except (ValueError, OverflowError) as e:
        print(repr(spec), type(e).__name__, e)
print(format(10 ** 20, ","), format(True, "d"), format(True, ""), format(65, "c"))
try:
    format(5, ".2d")
except ValueError as e:
    print(e)
try:
    format(5, "z")
except ValueError as e:
    print(e)
