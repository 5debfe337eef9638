import fnmatch
pats = ["*.py", "a*b*c", "?x[!a-c]", "[]]", "[!]]x", "[a-z0-9_]*", "[z-a]", "[a-]", "[!", "[^x]", "[[]", "a**b", "***", "", "x[&~|]y", "[\\]", "[a-c-e]", "[a-cb-d]", "[--a]", "[!-]"]
for p in pats:
    print(repr(p), fnmatch.translate(p))
names = ["a.py", "b.txt", "abc", "axxbyyc", "ab", "xd", "]", "!x", "Zz", "_q1", "a-", "x&y", "\\", "d", "-", "", "A.PY"]
for p in pats:
    print(repr(p), [n for n in names if fnmatch.fnmatchcase(n, p)], fnmatch.filter(names, p) == [n for n in names if fnmatch.fnmatch(n, p)])
print(fnmatch.fnmatch(b"a.py", b"*.py"), fnmatch.filter([b"x.c", b"y.h"], b"*.c"))
print(fnmatch.translate("a*b*c*d"))
