# split/rsplit/splitlines/join/partition/rpartition.
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("  many   spaces here ".split(), "  many   spaces here ".split(None, 1), "  x  y ".rsplit(None, 1))
print("".split(), "".split(","), "abc".split("abc"), "a--b--c".split("--"))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("x\x0by\x0cz\x1cw\u2028v".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("abc"), "-".join(str(i) for i in range(3)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
print("key=value=more".partition("="), "key=value=more".rpartition("="), "novalue".partition("="), "novalue".rpartition("="))
print("a b\tc\nd".split(" "), "1 2 3".split(maxsplit=1), "a,b".split(sep=","))
