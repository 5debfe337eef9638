import linecache
print(repr(linecache.getline(__file__, 1)), repr(linecache.getline(__file__, 2)))
print(repr(linecache.getline(__file__, 999)), repr(linecache.getline("no_such_file.py", 1)))
print(repr(linecache.getline("<string>", 1)), len(linecache.getlines(__file__)))
linecache.cache["<fake>"] = (5, None, ["line one\n", "line two\n"], "<fake>")
print(repr(linecache.getline("<fake>", 2)))
linecache.checkcache()
print(repr(linecache.getline("<fake>", 1)))
linecache.clearcache()
print(linecache.cache, linecache.lazycache("x", None) in (False, True))
# a trailing line without newline
