# format/format_map/__mod__/__getitem__ with slices and other leftovers.
print("{}-{}".format(1, 2), "{x}".format_map({"x": 5}), "%s" % "s")
print(str.join(",", ["a", "b"]), str.upper("x"), str.__add__("a", "b"))
print("abc".__getitem__(slice(1, None)), "ab" * 0, "ab" * -1, 3 * "ab")
print("hello world".title().swapcase(), "a1b2".upper(), "MiXeD".lower().capitalize())
print("  ".join(["x"]), "x".join(""), ";".join(["", ""]))
print("tEST".capitalize(), "123abc".capitalize(), "hello world".capitalize())
print("%s|%5s|%-5s|%.2s" % ("a", "b", "c", "def"))
print("a" "b" == "ab", "abc"[1:2] == "b", "a".__mul__(3))
s = "abc"
t = s
s += "d"
print(s, t)
print(str(object)[:14], repr("\x1b"), repr("\r"), repr("\u200b"), repr("\ud800"))
